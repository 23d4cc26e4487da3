// Simulated CI run job (issue 17 item 2): a fresh checkout (no .fastest/, every source with a new
// mtime, PYTHONDONTWRITEBYTECODE=1 as on many CI images) runs its shard with and without the run
// state the Action restores (action/cache.ts runStateEntry: .fastest/ from a default-branch run
// job, bytecode pinned by fastest_worker.pycache_pin). Both restore the discovery cache, as every
// run job does. Against pytest in the same run, alternating, medians; wall and CPU seconds.
// Usage: node bench/action-state.mjs [--rounds N] [--tests N] [--cli PATH/dist/cli.js]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSuite } from './gen.mjs';

const repo = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const cli = resolve(option('--cli', join(repo, 'dist', 'cli.js')));
const rounds = Number(option('--rounds', '3'));
const tests = Number(option('--tests', '2000'));
const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
const timeFile = join(tmpdir(), `fastest-state-bench-time-${process.pid}`);

function timed(cmd, argv, cwd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, cmd, ...argv], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env });
  if (![0, 1].includes(r.status)) throw new Error(`${cmd} ${argv.join(' ')}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
  const [seconds, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { seconds, cpu: user + system, summary: (r.stdout.trim().split('\n').pop() ?? '').replace(/=/g, '').trim() };
}

/** Every file under dir gets a new mtime, as a checkout writes them. */
function touchAll(dir) {
  const now = new Date();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) touchAll(path);
    else utimesSync(path, now, now);
  }
}

const base = mkdtempSync(join(tmpdir(), 'fastest-state-bench-'));
const pristine = join(base, 'pristine');
generateSuite(pristine, { tests, perFile: 50, kind: 'fixtures' });
// Every job checks out at the same path, as every job of a repository does on GitHub's runners
// (/home/runner/work/REPO/REPO): the default branch's run job first, its .fastest/ is what the
// cache carries.
const workspace = join(base, 'workspace');
cpSync(pristine, workspace, { recursive: true });
timed(process.execPath, [cli, '-q'], workspace);
const saved = join(base, 'saved');
cpSync(join(workspace, '.fastest'), saved, { recursive: true });
const pinned = spawnSync('python3', ['-m', 'fastest_worker.pycache_pin', join(saved, 'pycache')], {
  encoding: 'utf8',
  env: { ...env, PYTHONPATH: join(cli, '..', '..', 'python') },
});
console.log(`pinned: ${pinned.stdout.trim()}`);

function checkout(withState) {
  const ws = workspace;
  rmSync(ws, { recursive: true, force: true });
  cpSync(pristine, ws, { recursive: true });
  touchAll(ws);
  if (withState) cpSync(saved, join(ws, '.fastest'), { recursive: true, filter: (p) => !p.endsWith('timings.json') });
  else cpSync(join(saved, 'discovery.json'), join(ws, '.fastest', 'discovery.json'));
  return ws;
}

const runners = [
  ['pytest', () => timed('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], checkout(false))],
  ['fastest run job, discovery cache only', () => timed(process.execPath, [cli, '-q'], checkout(false))],
  ['fastest run job, restored run state', () => timed(process.execPath, [cli, '-q'], checkout(true))],
];
const times = new Map(runners.map(([n]) => [n, { wall: [], cpu: [] }]));
let summary = '';
for (let round = 0; round < rounds; round++) {
  for (const [name, go] of runners) {
    const r = go();
    times.get(name).wall.push(r.seconds);
    times.get(name).cpu.push(r.cpu);
    summary = r.summary;
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pytestWall = median(times.get('pytest').wall);
console.log(`\n${tests} fixture tests, fresh checkout per job (median of ${rounds}; last: ${summary})`);
console.log('| run job | median wall s | pytest / job | median CPU s |\n|---|---|---|---|');
for (const [name, t] of times)
  console.log(`| ${name} | ${median(t.wall).toFixed(2)} | ${(pytestWall / median(t.wall)).toFixed(2)}x | ${median(t.cpu).toFixed(2)} |`);
rmSync(base, { recursive: true, force: true });
