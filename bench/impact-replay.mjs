// Test-impact safety replay: for the last N first-parent commits of real projects, runs the suite
// at the parent and at the commit (pytest, per-test outcomes by node id), and checks that every test
// whose outcome differs (a new id counts as differing) is in fastest's `--affected-by` selection for
// that commit's diff. Writes the table to bench/IMPACT_RESULTS.md.
//
// Usage: nice -n 10 node bench/impact-replay.mjs [NAME[:N]...]   (default: the projects below)
// Each project needs a bare git dir (the `fetch` tool's mirror) and a corpus venv. Suites are run
// once per commit and cached under bench/out/impact-replay/ (re-runs reuse them).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const here = import.meta.dirname;
const cli = resolve(here, '..', 'dist', 'cli.js');
const out = resolve(here, 'out', 'impact-replay');
const PROJECTS = {
  toolz: { git: '/work/.mirror/pytoolz+toolz/repo', venv: '/work/corpus/toolz/.venv', n: 70 },
  itsdangerous: { git: '/work/.mirror/pallets+itsdangerous/repo', venv: '/work/corpus/itsdangerous/.venv', n: 70 },
  boltons: { git: '/work/.mirror/mahmoud+boltons/repo', venv: '/work/corpus/boltons/.venv', n: 70 },
  colorama: { git: '/work/.mirror/tartley+colorama/repo', venv: '/work/corpus/colorama/.venv', n: 50 },
};
const SUITE_TIMEOUT_MS = 300_000;

function git(project, ...args) {
  return execFileSync('git', [`--git-dir=${project.git}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** The commit's tree, extracted once. */
function checkout(name, project, sha) {
  const dir = join(out, name, 'trees', sha);
  if (!existsSync(join(dir, '.extracted'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git --git-dir='${project.git}' archive ${sha} | tar -x -C '${dir}'`]);
    writeFileSync(join(dir, '.extracted'), '');
  }
  return dir;
}

/** nodeid -> outcome of the suite at `sha` (cached). */
function outcomes(name, project, sha) {
  const file = join(out, name, 'outcomes', `${sha}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(join(out, name, 'outcomes'), { recursive: true });
  const dir = checkout(name, project, sha);
  const plugins = join(out, 'plugin');
  mkdirSync(plugins, { recursive: true });
  copyFileSync(join(here, 'impact-outcomes.py'), join(plugins, 'impact_outcomes.py'));
  // The checkout's code, not the venv's .pth copy of the corpus tree, is what the suite imports.
  const pythonpath = [existsSync(join(dir, 'src')) ? join(dir, 'src') : dir, dir, plugins].join(':');
  const r = spawnSync(join(project.venv, 'bin', 'python'), ['-m', 'pytest', '-p', 'no:cacheprovider', '-p', 'impact_outcomes', '-q', '-o', 'addopts='], {
    cwd: dir, encoding: 'utf8', timeout: SUITE_TIMEOUT_MS, maxBuffer: 1 << 28,
    env: { ...process.env, PYTHONPATH: pythonpath, IMPACT_OUTCOMES: file, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (!existsSync(file)) writeFileSync(file, JSON.stringify({ '<exit>': r.status ?? -1, '<crash>': (r.stderr || r.stdout || '').slice(-400) }));
  return JSON.parse(readFileSync(file, 'utf8'));
}

function chain(project, n) {
  const lines = git(project, 'log', '--first-parent', '--format=%H %P', `-n${n}`, 'HEAD').trim().split('\n');
  return lines.map((l) => l.split(' ')).filter((p) => p.length >= 2).map(([sha, parent]) => ({ sha, parent })).reverse();
}

function selectionOf(name, project, step) {
  const dir = checkout(name, project, step.sha);
  const changed = git(project, 'diff', '--name-only', '--no-renames', step.parent, step.sha).trim().split('\n').filter(Boolean);
  const r = spawnSync(process.execPath, [cli, '--affected-by', ...changed, '--', '--collect-only', '-q', '-p', 'no:cacheprovider'], {
    cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28,
    env: { ...process.env, FASTEST_PYTHON: join(project.venv, 'bin', 'python'), NODE_EXTRA_CA_CERTS: '' },
  });
  return { changed, ...parseSelection(r) };
}

export { chain, outcomes, selectionOf };

const wanted = process.argv.slice(2);
const runOnlyOutcomes = process.env.IMPACT_OUTCOMES_ONLY === '1';
const names = wanted.length ? wanted.map((w) => w.split(':')[0]) : Object.keys(PROJECTS);
for (const name of names) {
  const project = PROJECTS[name];
  const n = Number(wanted.find((w) => w.startsWith(`${name}:`))?.split(':')[1] ?? project.n);
  for (const step of chain(project, n)) {
    outcomes(name, project, step.parent);
    outcomes(name, project, step.sha);
    process.stderr.write(`${name} ${step.sha.slice(0, 8)} outcomes\n`);
  }
}
