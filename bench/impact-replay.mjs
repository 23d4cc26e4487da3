// Test-impact safety replay: for the last N first-parent commits of real projects, runs the suite
// at the parent and at the commit (pytest, per-test outcomes by node id), and checks that every test
// whose outcome differs (a new id counts as differing) is in fastest's `--affected-by` selection for
// that commit's diff. Writes the table to bench/IMPACT_RESULTS.md.
//
// Usage: nice -n 10 node bench/impact-replay.mjs [NAME[:N]...]   (default: the projects below)
// Each project needs a bare git dir (the `fetch` tool's mirror) and a corpus venv (its pytest runs
// the suites, with the checkout first on sys.path). Outcomes are cached under bench/out/impact-replay/.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';

const here = import.meta.dirname;
const cli = resolve(here, '..', 'dist', 'cli.js');
const out = resolve(here, 'out', 'impact-replay');

// impact_deps for the replay: files no test reads (docs, CI, packaging metadata) select no tests.
// Everything else not Python (data files, config) selects every test, as fastest does by default.
const NO_TESTS = [
  '*.md: ',
  '*.rst: ',
  '*.txt: ',
  'docs/*: ',
  'doc/*: ',
  '.github/*: ',
  'LICENSE*: ',
  '.gitignore: ',
  '.pre-commit-config.yaml: ',
  '.readthedocs.yaml: ',
  '.editorconfig: ',
  'MANIFEST.in: ',
  '*.ps1: ',
  'Makefile: ',
  'screenshots/*: ',
  'release-notes/*: ',
  'CHANGES*: ',
  'TODO*: ',
  'AUTHORS*: ',
  '.coveragerc: ',
  'uv.lock: ',
  'requirements/*: ',
  '.travis.yml: ',
  'appveyor.yml: ',
  'codecov.yml: ',
  '.codecov.yml: ',
];
const PROJECTS = {
  colorama: { git: '/work/.mirror/tartley+colorama/repo', venv: '/work/corpus/colorama/.venv', n: 100 },
  toolz: { git: '/work/.mirror/pytoolz+toolz/repo', venv: '/work/corpus/toolz/.venv', n: 50 },
  itsdangerous: { git: '/work/.mirror/pallets+itsdangerous/repo', venv: '/work/corpus/itsdangerous/.venv', n: 50 },
  boltons: { git: '/work/.mirror/mahmoud+boltons/repo', venv: '/work/corpus/boltons/.venv', n: 40 },
};

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

/** A driver process (bench/impact-outcomes.py) that runs suites in the project's venv. */
function openDriver(project) {
  const child = spawn(join(project.venv, 'bin', 'python'), [join(here, 'impact-outcomes.py')], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', () => waiting.shift()?.());
  return {
    run: (job) =>
      new Promise((done) => {
        waiting.push(done);
        child.stdin.write(`${JSON.stringify(job)}\n`);
      }),
    close: () => child.stdin.end(),
  };
}

const retried = new Set();

/** nodeid -> outcome of the suite at `sha` (cached). */
async function outcomes(name, project, sha, driver) {
  const file = join(out, name, 'outcomes', `${sha}.json`);
  // A run that crashed (killed by a limit, the driver lost) is no outcome: it is run again once.
  if (existsSync(file) && JSON.parse(readFileSync(file, 'utf8'))['<crash>'] !== undefined && !retried.has(file)) {
    retried.add(file);
    rmSync(file);
  }
  if (!existsSync(file)) {
    mkdirSync(join(out, name, 'outcomes'), { recursive: true });
    const dir = checkout(name, project, sha);
    // The checkout's code, not the venv's copy of the corpus tree, is what the suite imports.
    await driver.run({ dir, out: file, path: [...(existsSync(join(dir, 'src')) ? [join(dir, 'src')] : []), dir] });
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

function chain(project, n) {
  const lines = git(project, 'log', '--first-parent', '--format=%H %P', `-n${n}`, 'HEAD').trim().split('\n');
  return lines
    .map((l) => l.split(' '))
    .filter((p) => p.length >= 2)
    .map(([sha, parent]) => ({ sha, parent }))
    .reverse();
}

/** fastest's selection for the commit's diff, in the commit's tree: the selected ids and how many tests there are. */
function selectionOf(name, project, step) {
  const dir = checkout(name, project, step.sha);
  const changed = git(project, 'diff', '--name-only', '--no-renames', step.parent, step.sha).trim().split('\n').filter(Boolean);
  const args = ['--python', join(project.venv, 'bin', 'python'), '--collect-only', '-q', '-p', 'no:cacheprovider', '-o', `impact_deps=${NO_TESTS.join('\n')}`];
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: '' };
  if (changed.length === 0) {
    // An empty diff (a merge that changed nothing on the first-parent line) selects nothing.
    const all = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28, env });
    return { changed, total: all.stdout.split('\n').filter((l) => l.includes('::')).length, selected: new Set() };
  }
  const picked = spawnSync(process.execPath, [cli, ...args, '--affected-by', ...changed], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28, env });
  const ids = (r) =>
    r.stdout
      .split('\n')
      .filter((l) => l.includes('::'))
      .map((l) => l.replace(/ {2}\(dynamic: .*\)$/, ''));
  const closing = picked.stdout.trim().split('\n').pop();
  const total = /^\d+ of (\d+) tests selected/.exec(closing)?.[1];
  if (total === undefined) throw new Error(`${name} ${step.sha}: no selection line: ${picked.stderr.slice(-300)}`);
  return { changed, total: Number(total), selected: new Set(ids(picked)) };
}

/** Outcomes that differ between parent and commit, for ids present at the commit. */
function differing(before, after) {
  return Object.keys(after).filter((id) => !id.startsWith('<') && before[id] !== after[id]);
}

/** A differing id is covered when it, or (a collection error's file id) a test of its file, is selected. */
function covered(id, selected) {
  if (selected.has(id)) return true;
  for (const s of selected) if (s.startsWith(`${id}::`) || s.split('[')[0] === id.split('[')[0]) return true;
  return false;
}

/** The table of every project replayed so far (bench/out/impact-replay/rows-*.json) -> bench/IMPACT_RESULTS.md. */
function writeTable() {
  const all = readdirSync(out)
    .filter((f) => /^rows-.*\.json$/.test(f))
    .flatMap((f) => JSON.parse(readFileSync(join(out, f), 'utf8')));
  const byProject = new Map();
  for (const row of all) byProject.set(row.name, [...(byProject.get(row.name) ?? []).filter((r) => r.sha !== row.sha), row]);
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  const lines = [
    '| project | commits | suite crashed (excluded) | tests (median) | commits with differing outcomes | differing tests | in the selection | median selection | mean selection | commits selecting none | commits selecting all |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const total = [];
  for (const [name, rows] of byProject) {
    total.push(...rows);
    lines.push(rowLine(name, rows));
  }
  lines.push(rowLine('**all**', total));
  function rowLine(name, all) {
    const rows = all.filter((r) => !r.crashed);
    const fractions = rows.map((r) => (r.tests === 0 ? 0 : r.selected / r.tests));
    const differing = rows.reduce((n, r) => n + r.differing, 0);
    const missed = rows.reduce((n, r) => n + r.missed.length, 0);
    return `| ${name} | ${rows.length} | ${all.length - rows.length} | ${median(rows.map((r) => r.tests))} | ${rows.filter((r) => r.differing > 0).length} | ${differing} | ${differing - missed} (${differing === 0 ? '-' : pct((differing - missed) / differing)}) | ${pct(median(fractions))} | ${pct(fractions.reduce((a, b) => a + b, 0) / fractions.length)} | ${rows.filter((r) => r.selected === 0).length} | ${rows.filter((r) => r.tests > 0 && r.selected === r.tests).length} |`;
  }
  const misses = total.flatMap((r) => r.missed.map((id) => `- ${r.name} ${r.sha.slice(0, 10)}: ${id}`));
  return { lines, misses };
}

const wanted = process.argv.slice(2);
const onlyOutcomes = process.env.IMPACT_OUTCOMES_ONLY === '1';
const names = process.env.IMPACT_TABLE === '1' ? [] : wanted.length ? wanted.map((w) => w.split(':')[0]) : Object.keys(PROJECTS);
const rows = [];
for (const name of names) {
  const project = PROJECTS[name];
  const n = Number(wanted.find((w) => w.startsWith(`${name}:`))?.split(':')[1] ?? project.n);
  const driver = openDriver(project);
  const steps = chain(project, n);
  // Rows of an earlier replay of the same commits are kept (the selection is the expensive part).
  const rowsFile = join(out, `rows-${name}.json`);
  const earlier = existsSync(rowsFile) && !onlyOutcomes ? JSON.parse(readFileSync(rowsFile, 'utf8')) : [];
  for (const step of steps) {
    const kept = earlier.find((r) => step.sha.startsWith(r.sha) && !r.crashed);
    if (kept) {
      rows.push(kept);
      continue;
    }
    const before = await outcomes(name, project, step.parent, driver);
    const after = await outcomes(name, project, step.sha, driver);
    if (onlyOutcomes) {
      process.stderr.write(`${name} ${step.sha.slice(0, 8)} outcomes\n`);
      continue;
    }
    const sel = selectionOf(name, project, step);
    const diff = differing(before, after);
    const missed = diff.filter((id) => !covered(id, sel.selected));
    const crashed = before['<crash>'] !== undefined || after['<crash>'] !== undefined;
    rows.push({
      name,
      sha: step.sha,
      changed: sel.changed.length,
      tests: sel.total,
      selected: sel.selected.size,
      differing: crashed ? 0 : diff.length,
      missed: crashed ? [] : missed,
      ...(crashed ? { crashed: true } : {}),
    });
    const mine = rows.filter((r) => r.name === name);
    const rest = earlier.filter((r) => !mine.some((m) => m.sha.startsWith(r.sha)));
    writeFileSync(rowsFile, JSON.stringify([...rest, ...mine], null, 1));
    process.stderr.write(
      `${name} ${step.sha.slice(0, 8)} changed ${sel.changed.length} selected ${sel.selected.size}/${sel.total} differing ${diff.length} missed ${missed.length}${missed.length ? ` ${missed.slice(0, 3).join(' ')}` : ''}\n`,
    );
  }
  driver.close();
}
if (process.env.IMPACT_TABLE === '1') {
  const { lines, misses } = writeTable();
  console.log(lines.join('\n'));
  console.log(misses.length ? `\nMissed:\n${misses.join('\n')}` : '\nMissed: none');
}
