// Per-test cost benchmark (issue 17 item 4): 10,000 trivial tests, warm `.fastest`, fastest
// against pytest in the same run, alternating, medians; wall seconds and the CPU seconds of the
// whole process tree (GNU time), split into the workers' share (FASTEST_WORKER_CPU) and the rest
// (Node, plus the `python --version` probe).
// Usage: node bench/pertest.mjs [--rounds N] [--tests N] [--kind K] [--per-file N] [--no-pytest]
//                               [--pytest-fast] [--header] [--keep-ca-certs] [--cli PATH]...
//   --kind, --per-file: bench/gen.mjs's suite (default: trivial, 100 tests a file; issue 17's
//   fixture-heavy row is `--tests 2000 --kind fixtures --per-file 50`).
//   --pytest-fast: pytest also with the quickest command line issue 17 names (`--assert=plain
//   --capture=sys -p no:logging -p no:warnings -p no:faulthandler`), in the same rounds.
//   --header: every runner at default verbosity (pytest's header printed, with the installed
//   plugins' lines: fastest's first worker then starts a pytest session for them) instead of -q.
//   --cli (default: this dist/cli.js), several: compare builds (e.g. a `git archive` copy of an
//   older commit) in the same run; --no-pytest: builds only (CPU comparisons between builds).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSuite } from './gen.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : args[at + 1];
};
const rounds = Number(option('--rounds', '5'));
const tests = Number(option('--tests', '10000'));
const kind = option('--kind', 'trivial');
const perFile = Number(option('--per-file', '100'));
const clis = args.flatMap((a, i) => (a === '--cli' ? [resolve(args[i + 1])] : []));
if (!clis.length) clis.push(resolve(import.meta.dirname, '..', 'dist', 'cli.js'));

const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
// As bench/discovery.mjs: the development VMs set NODE_EXTRA_CA_CERTS (every Node process then
// parses a certificate bundle at start, ~50 ms of CPU); GitHub's runners do not.
const removedCaCerts = env.NODE_EXTRA_CA_CERTS !== undefined && !args.includes('--keep-ca-certs');
if (removedCaCerts) delete env.NODE_EXTRA_CA_CERTS;
const scratch = mkdtempSync(join(tmpdir(), 'fastest-pertest-'));
const timeFile = join(scratch, 'time');

function timed(cmd, argv, cwd, extra = {}) {
  const cpuDir = mkdtempSync(join(scratch, 'cpu-'));
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, cmd, ...argv], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...env, FASTEST_WORKER_CPU: cpuDir, ...extra },
  });
  const [seconds, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  let workers = 0;
  for (const name of readdirSync(cpuDir)) {
    const [u, s] = readFileSync(join(cpuDir, name), 'utf8').trim().split(' ').map(Number);
    workers += u + s;
  }
  rmSync(cpuDir, { recursive: true, force: true });
  const summary = (r.stdout.trim().split('\n').pop() ?? '').replace(/=/g, '').trim();
  if (![0, 1].includes(r.status)) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return { seconds, cpu: user + system, workers, summary };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// One suite per build, so that no build reads a cache another wrote.
const suites = clis.map((_, i) => {
  const dir = join(scratch, `suite-${i}`);
  generateSuite(dir, { tests, perFile, kind });
  return dir;
});
const quiet = args.includes('--header') ? [] : ['-q'];
const runners = args.includes('--no-pytest') ? [] : [['pytest', () => timed('python3', ['-m', 'pytest', ...quiet, '-p', 'no:cacheprovider'], suites[0])]];
const quickestPytest = ['--assert=plain', '--capture=sys', '-p', 'no:logging', '-p', 'no:warnings', '-p', 'no:faulthandler'];
if (args.includes('--pytest-fast')) {
  runners.push(['pytest (quickest command line)', () => timed('python3', ['-m', 'pytest', ...quiet, '-p', 'no:cacheprovider', ...quickestPytest], suites[0])]);
}
clis.forEach((cli, i) => {
  timed(process.execPath, [cli, ...quiet, '-n', 'auto'], suites[i]); // the cold run that warms .fastest
  runners.push([clis.length > 1 ? `fastest warm (${cli})` : 'fastest warm', () => timed(process.execPath, [cli, ...quiet, '-n', 'auto'], suites[i])]);
});

const runs = new Map(runners.map(([label]) => [label, []]));
for (let round = 0; round < rounds; round++) {
  for (const [label, go] of runners) {
    const r = go();
    runs.get(label).push(r);
    process.stderr.write(
      `round ${round + 1} ${label}: ${r.seconds.toFixed(2)} s, CPU ${r.cpu.toFixed(2)} s (workers ${r.workers.toFixed(2)} s) ${r.summary}\n`,
    );
  }
}
const medianWall = (label) => (runs.has(label) ? median(runs.get(label).map((r) => r.seconds)) : NaN);
const pytestSeconds = medianWall('pytest');
const quickestSeconds = medianWall('pytest (quickest command line)');
const isPytest = (label) => label.startsWith('pytest');
console.log(`load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
if (removedCaCerts) console.log('(NODE_EXTRA_CA_CERTS, set in this environment, removed for every run: --keep-ca-certs keeps it)');
console.log('| runner | wall (median) | vs pytest | vs quickest pytest | tree CPU | workers CPU | rest (Node) CPU | rounds (wall) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const [label, list] of runs) {
  const wall = median(list.map((r) => r.seconds));
  const cpu = median(list.map((r) => r.cpu));
  const workers = median(list.map((r) => r.workers));
  const rest = median(list.map((r) => r.cpu - r.workers));
  const ratio = isPytest(label) ? '' : `${(pytestSeconds / wall).toFixed(1)}x`;
  const quickestRatio = isPytest(label) || Number.isNaN(quickestSeconds) ? '' : `${(quickestSeconds / wall).toFixed(1)}x`;
  const shares = isPytest(label) ? ['', ''] : [`${workers.toFixed(2)} s`, `${rest.toFixed(2)} s`];
  console.log(
    `| ${label} | ${wall.toFixed(2)} s | ${ratio} | ${quickestRatio} | ${cpu.toFixed(2)} s | ${shares.join(' | ')} | ${list.map((r) => r.seconds.toFixed(2)).join(' ')} |`,
  );
}
rmSync(scratch, { recursive: true, force: true });
