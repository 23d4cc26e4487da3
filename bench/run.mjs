// Run benchmark: wall time of fastest (native and pytest engines) against pytest and
// pytest-xdist on generated suites, all measured in the same run; prints ratios.
// Usage: node bench/run.mjs [--quick]
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSuite } from './gen.mjs';

const cli = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const quick = process.argv.includes('--quick');
const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };

function run(cmd, args, cwd) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env });
  const seconds = (performance.now() - started) / 1000;
  const summary = (r.stdout.trim().split('\n').pop() ?? '').replace(/=/g, '').trim();
  if (![0, 1].includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return { seconds, summary };
}

const suites = [
  { name: '10,000 trivial tests, 100 files', spec: { tests: quick ? 2000 : 10000, perFile: 100, kind: 'trivial' } },
  { name: '2,000 tests with module + function fixtures', spec: { tests: 2000, perFile: 50, kind: 'fixtures' } },
  { name: '2,000 tests of 5 ms each', spec: { tests: quick ? 400 : 2000, perFile: 50, kind: 'sleep', sleepMs: 5 } },
];

// `cold`: no .fastest/ (discovery parses every file, the native engine rewrites and compiles every
// module); the warm runs reuse what the cold run cached, as a developer's second run does.
const runners = [
  ['pytest', 'python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider']],
  ['pytest -n auto (xdist)', 'python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-n', 'auto']],
  ['fastest --engine pytest -n auto', process.execPath, [cli, '-q', '--engine', 'pytest', '-n', 'auto'], 'cold'],
  ['fastest (native) cold', process.execPath, [cli, '-q', '-n', 'auto'], 'cold'],
  ['fastest (native) warm', process.execPath, [cli, '-q', '-n', 'auto']],
];

const lines = [];
for (const suite of suites) {
  const dir = join(tmpdir(), `fastest-bench-run-${suite.spec.kind}`);
  generateSuite(dir, suite.spec);
  const times = {};
  for (const [label, cmd, args, cold] of runners) {
    if (cold) rmSync(join(dir, '.fastest'), { recursive: true, force: true });
    const r = run(cmd, args, dir);
    times[label] = r;
    process.stderr.write(`${suite.name}: ${label}: ${r.seconds.toFixed(2)} s (${r.summary})\n`);
  }
  const ratio = (a, b) => `${(times[a].seconds / times[b].seconds).toFixed(1)}x`;
  lines.push(
    `| ${suite.name} | ${runners.map(([l]) => `${times[l].seconds.toFixed(2)} s`).join(' | ')} | ${ratio('pytest', 'fastest (native) cold')} | ${ratio('pytest', 'fastest (native) warm')} | ${ratio('pytest -n auto (xdist)', 'fastest --engine pytest -n auto')} |`,
  );
  rmSync(dir, { recursive: true, force: true });
}
console.log(`| suite | ${runners.map(([l]) => l).join(' | ')} | native cold vs pytest | native warm vs pytest | pytest engine vs xdist |`);
console.log(`| --- | ${runners.map(() => '---:').join(' | ')} | ---: | ---: | ---: |`);
for (const l of lines) console.log(l);
