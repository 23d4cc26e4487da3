// Cold-run benchmark: 10,000 trivial tests (100 files) with no .fastest/ at all (a fresh CI
// checkout) against pytest in the same run, alternating, medians; wall seconds and the CPU
// seconds of the whole process tree (GNU time). Optionally another build in the same rounds.
// Usage: node bench/cold.mjs [--rounds N] [--tests N] [--base DIR] [--warm] [--collect-only]
//   --base DIR: DIR/dist/cli.js also runs cold in each round (e.g. a `git archive` of main).
//   --warm: also a warm run of this build per round (after its cold run).
//   --collect-only: every command lists (`--co -q`) instead of running.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSuite } from './gen.mjs';

const argValue = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const rounds = Number(argValue('--rounds', '3'));
const tests = Number(argValue('--tests', '10000'));
const base = argValue('--base', null);
const cli = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
const timeFile = join(mkdtempSync(join(tmpdir(), 'fastest-bench-cold-')), 'time');

/** Wall and CPU (user + system of the process and its children) seconds of one command. */
function run(args, cwd) {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env });
  const wall = (performance.now() - started) / 1000;
  if (![0, 1].includes(r.status)) throw new Error(`${args.join(' ')} exited ${r.status}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  const [user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  const summary = (r.stdout.trim().split('\n').pop() ?? '').replace(/=/g, '').trim();
  return { wall, cpu: user + sys, summary };
}

const dir = join(tmpdir(), 'fastest-bench-cold');
generateSuite(dir, { tests, perFile: 100, kind: 'trivial' });
const quiet = process.argv.includes('--collect-only') ? ['--co', '-q'] : ['-q'];
const runners = [
  ['pytest', ['python3', '-m', 'pytest', ...quiet, '-p', 'no:cacheprovider']],
  ['fastest cold', [process.execPath, cli, ...quiet, '-n', 'auto'], 'cold'],
  ...(base ? [['base cold', [process.execPath, resolve(base, 'dist', 'cli.js'), ...quiet, '-n', 'auto'], 'cold']] : []),
  ...(process.argv.includes('--warm') ? [['fastest warm', [process.execPath, cli, ...quiet, '-n', 'auto']]] : []),
  ...(process.argv.includes('--warm') && base ? [['base warm', [process.execPath, resolve(base, 'dist', 'cli.js'), ...quiet, '-n', 'auto']]] : []),
];
const times = Object.fromEntries(runners.map(([label]) => [label, []]));
for (let round = 0; round < rounds; round++) {
  for (const [label, args, cold] of runners) {
    if (cold) rmSync(join(dir, '.fastest'), { recursive: true, force: true });
    const r = run(args, dir);
    times[label].push(r);
    process.stderr.write(`round ${round + 1}: ${label}: ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU (${r.summary})\n`);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pytestWall = median(times.pytest.map((t) => t.wall));
console.log(`| ${tests} trivial tests | wall (median of ${rounds}) | CPU | vs pytest (wall) | rounds (wall) |`);
console.log('| --- | ---: | ---: | ---: | --- |');
for (const [label] of runners) {
  const wall = median(times[label].map((t) => t.wall));
  const cpu = median(times[label].map((t) => t.cpu));
  const ratio = label === 'pytest' ? '' : `${(pytestWall / wall).toFixed(1)}x`;
  console.log(`| ${label} | ${wall.toFixed(2)} s | ${cpu.toFixed(2)} s | ${ratio} | ${times[label].map((t) => t.wall.toFixed(2)).join(' ')} |`);
}
rmSync(dir, { recursive: true, force: true });
