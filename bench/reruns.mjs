// Retries benchmark (issue 15): the cost of `--reruns 2` on suites where nothing fails, for the
// native and the pytest engine. Each engine runs the suite with and without `--reruns 2`,
// alternating, warm (discovery cache kept); medians, with pytest once in the same run as the
// reference. Usage: node bench/reruns.mjs [rounds]
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSuite } from './gen.mjs';

const cli = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const rounds = Number(process.argv[2] ?? 5);
const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };

function seconds(cmd, args, cwd) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return (performance.now() - started) / 1000;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const suites = [
  { name: '10,000 trivial tests, 100 files', spec: { tests: 10000, perFile: 100, kind: 'trivial' } },
  { name: '2,000 tests with module + function fixtures', spec: { tests: 2000, perFile: 50, kind: 'fixtures' } },
];
const engines = [
  ['native', ['-q', '-n', '2']],
  ['pytest', ['-q', '-n', '2', '--engine', 'pytest']],
];

console.log('| suite | engine | pytest | fastest | fastest --reruns 2 | overhead |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const suite of suites) {
  const dir = join(tmpdir(), `fastest-bench-reruns-${suite.spec.kind}`);
  generateSuite(dir, suite.spec);
  const pytest = seconds('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], dir);
  for (const [engine, args] of engines) {
    seconds(process.execPath, [cli, ...args], dir); // warm the discovery cache
    const plain = [];
    const reruns = [];
    for (let i = 0; i < rounds; i++) {
      plain.push(seconds(process.execPath, [cli, ...args], dir));
      reruns.push(seconds(process.execPath, [cli, ...args, '--reruns', '2'], dir));
    }
    const [a, b] = [median(plain), median(reruns)];
    process.stderr.write(
      `${suite.name} ${engine}: plain ${plain.map((x) => x.toFixed(2)).join(' ')}; --reruns 2 ${reruns.map((x) => x.toFixed(2)).join(' ')}\n`,
    );
    console.log(
      `| ${suite.name} | ${engine} | ${pytest.toFixed(2)} s | ${a.toFixed(2)} s (${(pytest / a).toFixed(1)}x) | ${b.toFixed(2)} s (${(pytest / b).toFixed(1)}x) | ${(((b - a) / a) * 100).toFixed(1)}% |`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}
