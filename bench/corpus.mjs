// Real-project corpus (issues 12 and 13): for each real open-source project in bench/corpus.json,
// compares fastest with pytest as a new user would meet them, with the project's own config:
//   1. `pytest --collect-only -q`                      -> pytest's ids
//   2. `fastest discover --json` on a cold cache       -> ids listed exactly before any run,
//                                                        phantom ids, missing ids, dynamic placeholders
//   3. `pytest --junitxml` (twice, to see whether pytest itself is stable)
//   4. `fastest -n auto --junitxml`                    -> per-test outcome agreement, wall times, ratio
//   5. `fastest discover --json` again (after one run) -> ids discovery knows after one run
//
// Usage: node bench/corpus.mjs [NAME...] [--fastest DIR] [--out DIR] [--list FILE]
//                              [--pytest-runs N] [--timeout SEC] [--skip-run] [--reuse-pytest]
//   NAME           projects of the list to run (default: all)
//   --fastest DIR  the fastest checkout whose dist/cli.js is measured (default: this repo)
//   --out DIR      where per-project files, results.json and results.md go
//                  (default: /work/corpus/_out)
//   --list FILE    the project list (default: bench/corpus.json beside this script)
//   --pytest-runs  full pytest runs per project (default 2: outcomes that differ between them
//                  mark the test as flaky under pytest; those are left out of the agreement)
//   --engines L    fastest runs to do, comma-separated engines (default auto; e.g. auto,pytest)
//   --skip-run     only compare ids (collect-only and discover), no full runs
//   --venv NAME    use the venv NAME beside each project's .venv (e.g. .venv903, a copy of .venv
//                  with another pytest): the list's python path with /.venv/ replaced by /NAME/
//   --report       only rewrite results.md from results.json
//   --reuse-pytest keep the pytest runs of a previous invocation (same --out) and redo fastest's
//   --no-discover  skip the two `fastest discover` steps (outcome agreement only)
//
// Besides the JUnit outcomes, the console's summary line ("== 3 passed, 1 warning in 2.1s ==")
// is compared with pytest's first run, the time left out.
//
// Each project in the list: { name, repo, commit, dir, python, args? }, where dir is the
// project's checkout and python its venv's interpreter (the venv is also activated for every
// command: VIRTUAL_ENV and PATH, as a user's shell would have them), args the test paths or
// options its CI passes (given to every command alike).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const here = dirname(new URL(import.meta.url).pathname);
const argv = process.argv.slice(2);
const valued = ['--fastest', '--out', '--list', '--pytest-runs', '--timeout', '--engines', '--venv'];
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const fastestRepo = resolve(option('--fastest', resolve(here, '..')));
const cli = join(fastestRepo, 'dist', 'cli.js');
const outRoot = resolve(option('--out', '/work/corpus/_out'));
const listFile = resolve(option('--list', join(here, 'corpus.json')));
const pytestRuns = Number(option('--pytest-runs', '2'));
const timeoutMs = Number(option('--timeout', '900')) * 1000;
const skipRun = argv.includes('--skip-run');
const engines = option('--engines', 'auto').split(',');
const venvName = option('--venv', null);
const reusePytest = argv.includes('--reuse-pytest');
const noDiscover = argv.includes('--no-discover');
const optionValues = new Set(valued.map((o) => (argv.indexOf(o) >= 0 ? argv[argv.indexOf(o) + 1] : null)));
const chosen = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && valued.includes(argv[i - 1])) && !optionValues.has(a));

const list = JSON.parse(readFileSync(listFile, 'utf8'));
// in the order given on the command line, else the list's
const projects = chosen.length ? chosen.map((c) => list.projects.find((p) => p.name === c)).filter(Boolean) : list.projects;
if (chosen.length && projects.length !== chosen.length) {
  const known = new Set(list.projects.map((p) => p.name));
  throw new Error(`unknown project(s): ${chosen.filter((c) => !known.has(c)).join(', ')}`);
}

// Runs a command in its own process group, so a timeout ends the workers it started too.
function run(cmd, args, { cwd, env }) {
  return new Promise((done) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({
        code,
        signal,
        timedOut,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

function venvEnv(python) {
  const bin = dirname(python);
  const env = { ...process.env, VIRTUAL_ENV: dirname(bin), PATH: `${bin}:${process.env.PATH}` };
  delete env.PYTHONHOME;
  return env;
}

// `pytest --collect-only -q`: one id per line until the first blank line; errors from the
// short summary ("ERROR path - reason" or "ERROR path").
function parseCollectOnly(stdout) {
  const ids = [];
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') break;
    if (line.includes('::') && !line.startsWith(' ')) ids.push(line.trim());
  }
  const errors = [...stdout.matchAll(/^ERROR (\S+)/gm)].map((m) => m[1]);
  const summary = stdout.trim().split('\n').at(-1) ?? '';
  return { ids, errors, summary };
}

// JUnit as pytest writes it: each <testcase> is keyed by classname::name; its outcome is what
// its children say. A test with a teardown error after a pass or failure has two children.
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['testsuite', 'testcase', 'failure', 'error', 'skipped'].includes(name),
});
function parseJunit(path) {
  if (!existsSync(path)) return null;
  let doc;
  try {
    doc = xml.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { parseError: String(e.message ?? e).split('\n')[0], cases: new Map() };
  }
  const suites = doc.testsuites?.testsuite ?? doc.testsuite ?? [];
  const cases = new Map();
  for (const suite of suites) {
    for (const tc of suite.testcase ?? []) {
      const key = `${tc.classname ?? ''}::${tc.name}`;
      const parts = [];
      for (const f of tc.failure ?? []) parts.push({ outcome: 'failed', message: f.message ?? '' });
      for (const e of tc.error ?? []) parts.push({ outcome: 'error', message: e.message ?? '' });
      for (const s of tc.skipped ?? []) parts.push({ outcome: s.type === 'pytest.xfail' ? 'xfailed' : 'skipped', message: s.message ?? '' });
      const outcome = parts.length
        ? parts
            .map((p) => p.outcome)
            .sort()
            .join('+')
        : 'passed';
      const message = parts
        .map((p) => p.message)
        .join(' | ')
        .slice(0, 300);
      const previous = cases.get(key);
      // the same key twice (same name in two files with one classname) keeps both outcomes
      cases.set(key, previous ? { outcome: `${previous.outcome},${outcome}`, message: previous.message } : { outcome, message });
    }
  }
  return { cases };
}

function headerCount(text) {
  const m = text.match(/collected (\d+) items?(?: \/ (\d+) deselected)?(?: \/ (\d+) selected)?/);
  return m ? { collected: Number(m[1]), deselected: m[2] ? Number(m[2]) : 0, selected: m[3] ? Number(m[3]) : null } : null;
}
// the summary line without its `=` padding and its time ("in 2.10s (0:00:02)")
const summaryCounts = (line) =>
  line
    .replace(/^=+ | =+$/g, '')
    .replace(/ in [0-9.]+s( \([0-9:]+\))?$/, '')
    .trim();
const lastLine = (text) =>
  text
    .trim()
    .split('\n')
    .filter((l) => l.trim())
    .at(-1) ?? '';

// discover --json: { tests: [{id, file, line, marks, dynamic}], errors, deselected }.
// A dynamic entry is a placeholder for ids known only at run time (its function or class id);
// it covers the pytest ids equal to it or below it (`id[`…, `id::`…).
// A placeholder that is a file pytest reports as a collection error (`ERROR path`) is that error's
// node id, not a phantom.
function compareIds(pytestIds, discovered, pytestErrors = []) {
  const pytestSet = new Set(pytestIds);
  const exact = [];
  const phantom = [];
  const placeholders = [];
  for (const t of discovered) {
    if (t.dynamic) placeholders.push(t.id);
    else if (pytestSet.has(t.id)) exact.push(t.id);
    else phantom.push(t.id);
  }
  const exactSet = new Set(exact);
  const covered = (id) => placeholders.find((p) => id === p || id.startsWith(`${p}[`) || id.startsWith(`${p}::`));
  const missing = [];
  const viaDynamic = [];
  const usedPlaceholders = new Set();
  for (const id of pytestIds) {
    if (exactSet.has(id)) continue;
    const p = covered(id);
    if (p) {
      viaDynamic.push(id);
      usedPlaceholders.add(p);
    } else missing.push(id);
  }
  // a placeholder under which pytest collects nothing is a phantom too
  const errored = new Set(pytestErrors);
  const errorPlaceholders = placeholders.filter((p) => !usedPlaceholders.has(p) && errored.has(p));
  const emptyPlaceholders = placeholders.filter((p) => !usedPlaceholders.has(p) && !errored.has(p));
  return { exact, phantom, placeholders, emptyPlaceholders, errorPlaceholders, viaDynamic, missing };
}

// Agreement per JUnit testcase against pytest's first run; a testcase whose outcome differs
// between pytest's own runs is flaky under pytest and left out.
function agree(pytestCases, fastestCases) {
  const base = pytestCases[0];
  const agreement = {
    pytestCases: 0,
    flaky: [],
    compared: 0,
    same: 0,
    differ: [],
    lost: [],
    extra: [],
    fastestJunit: fastestCases ? (fastestCases.parseError ?? 'ok') : 'absent',
  };
  if (!base) return agreement;
  agreement.pytestCases = base.cases.size;
  for (const [key, { outcome, message }] of base.cases) {
    const others = pytestCases.slice(1).map((c) => c?.cases.get(key)?.outcome);
    if (others.some((o) => o !== outcome)) {
      agreement.flaky.push({ key, outcomes: [outcome, ...others] });
      continue;
    }
    const mine = fastestCases?.cases.get(key);
    if (!mine) {
      agreement.lost.push({ key, pytest: outcome });
      continue;
    }
    agreement.compared++;
    if (mine.outcome === outcome) agreement.same++;
    else agreement.differ.push({ key, pytest: outcome, fastest: mine.outcome, pytestMessage: message, fastestMessage: mine.message });
  }
  for (const [key, { outcome, message }] of fastestCases?.cases ?? []) {
    if (!base.cases.has(key)) agreement.extra.push({ key, fastest: outcome, message });
  }
  return agreement;
}

async function discover(project, outDir, env, label) {
  const r = await run('node', [cli, 'discover', '--python', project.python, '--json', ...(project.args ?? [])], { cwd: project.dir, env });
  writeFileSync(join(outDir, `discover-${label}.json`), r.stdout);
  writeFileSync(join(outDir, `discover-${label}.stderr`), r.stderr);
  let parsed = null;
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    /* reported below */
  }
  return { code: r.code, seconds: r.seconds, stderr: r.stderr.trim().split('\n').slice(-3).join('\n'), parsed };
}

async function measure(project) {
  const outDir = join(outRoot, project.name);
  mkdirSync(outDir, { recursive: true });
  const env = { ...venvEnv(project.python), ...(project.env ?? {}) };
  const args = project.args ?? [];
  const version = await run(project.python, ['-m', 'pytest', '--version'], { cwd: project.dir, env });
  const result = {
    name: project.name,
    repo: project.repo,
    commit: project.commit,
    args,
    python: project.python,
    pytestVersion: (version.stdout + version.stderr).trim(),
  };
  process.stderr.write(`\n== ${project.name} (${args.join(' ') || 'no args'}; ${result.pytestVersion})\n`);

  // 1. pytest's ids
  // `--collect-only` lists node ids at verbosity -1 only: offset any -v/-q in the args
  const verbosity = args.reduce(
    (v, a) => (/^-v+$/.test(a) ? v + a.length - 1 : /^-q+$/.test(a) ? v - (a.length - 1) : a === '--verbose' ? v + 1 : a === '--quiet' ? v - 1 : v),
    0,
  );
  const quiet = Array.from({ length: Math.max(0, verbosity + 1) }, () => '-q');
  let co = await run(project.python, ['-m', 'pytest', '--collect-only', ...quiet, ...args], { cwd: project.dir, env });
  // a -v in the project's addopts (marshmallow) prints the tree: one -q more lists the ids
  if (/^\s*<(Module|Package|Dir) /m.test(co.stdout))
    co = await run(project.python, ['-m', 'pytest', '--collect-only', '-q', ...quiet, ...args], { cwd: project.dir, env });
  writeFileSync(join(outDir, 'pytest-collect.txt'), co.stdout + co.stderr);
  const collected = parseCollectOnly(co.stdout);
  result.pytestCollect = { code: co.code, seconds: co.seconds, ids: collected.ids.length, errors: collected.errors, summary: collected.summary };
  process.stderr.write(`pytest --collect-only: ${collected.ids.length} ids, exit ${co.code} (${co.seconds.toFixed(1)} s)\n`);

  // 2. discover on a cold cache
  rmSync(join(project.dir, '.fastest'), { recursive: true, force: true });
  const cold = noDiscover ? { code: null, seconds: 0, stderr: '', parsed: null } : await discover(project, outDir, env, 'cold');
  const ids = (d) => (d.parsed ? d.parsed.tests : []);
  const summarizeDiscover = (d) => {
    const c = compareIds(collected.ids, ids(d), collected.errors);
    return {
      code: d.code,
      seconds: d.seconds,
      stderr: d.code === 0 ? undefined : d.stderr,
      listed: ids(d).length,
      errors: d.parsed?.errors ?? null,
      exact: c.exact.length,
      phantom: c.phantom,
      emptyPlaceholders: c.emptyPlaceholders,
      errorPlaceholders: c.errorPlaceholders,
      placeholders: c.placeholders.length,
      viaDynamic: c.viaDynamic.length,
      missing: c.missing,
    };
  };
  result.discoverCold = summarizeDiscover(cold);
  const dc = result.discoverCold;
  process.stderr.write(
    `discover (cold): exit ${dc.code}, ${dc.listed} listed, ${dc.exact} exact, ${dc.phantom.length} phantom, ${dc.emptyPlaceholders.length} empty placeholders, ${dc.errorPlaceholders.length} placeholders of collection errors, ${dc.viaDynamic} via ${dc.placeholders} placeholders, ${dc.missing.length} missing\n`,
  );
  if (skipRun) return result;

  // 3. pytest, full runs
  result.pytestRuns = [];
  const pytestCases = [];
  for (let i = 0; i < pytestRuns; i++) {
    const junit = join(outDir, `pytest-${i + 1}.xml`);
    const log = join(outDir, `pytest-${i + 1}.log`);
    const meta = join(outDir, `pytest-${i + 1}.json`);
    let r;
    if (reusePytest && existsSync(meta)) r = JSON.parse(readFileSync(meta, 'utf8'));
    else {
      rmSync(junit, { force: true });
      const p = await run(project.python, ['-m', 'pytest', `--junitxml=${junit}`, ...args], { cwd: project.dir, env });
      writeFileSync(log, p.stdout + p.stderr);
      r = { code: p.code, timedOut: p.timedOut, seconds: p.seconds, load: loadavg()[0], last: lastLine(p.stdout), header: headerCount(p.stdout) };
      writeFileSync(meta, JSON.stringify(r));
    }
    result.pytestRuns.push(r);
    pytestCases.push(parseJunit(junit));
    process.stderr.write(`pytest run ${i + 1}: exit ${r.code}, ${r.seconds.toFixed(1)} s, ${r.last}\n`);
  }
  const pytestSeconds = result.pytestRuns.map((r) => r.seconds);
  result.pytestSeconds = pytestSeconds.reduce((x, y) => x + y, 0) / pytestSeconds.length;

  // 4. fastest, full runs (one per --engines entry; the first is the headline figure)
  result.fastestRuns = {};
  for (const engine of engines) {
    const fJunit = join(outDir, `fastest-${engine}.xml`);
    rmSync(fJunit, { force: true });
    const engineArgs = engine === 'auto' ? [] : ['--engine', engine];
    const f = await run('node', [cli, '-n', 'auto', ...engineArgs, '--python', project.python, '--junitxml', fJunit, ...args], { cwd: project.dir, env });
    writeFileSync(join(outDir, `fastest-${engine}.log`), f.stdout + f.stderr);
    const fastestRun = {
      code: f.code,
      timedOut: f.timedOut,
      seconds: f.seconds,
      load: loadavg()[0],
      last: lastLine(f.stdout),
      stderr: f.stderr.trim().split('\n').slice(-5).join('\n'),
      header: headerCount(f.stdout),
    };
    process.stderr.write(`fastest ${engine}: exit ${f.code}, ${f.seconds.toFixed(1)} s, ${fastestRun.last || fastestRun.stderr}\n`);
    fastestRun.agreement = agree(pytestCases, parseJunit(fJunit));
    fastestRun.summarySame = summaryCounts(fastestRun.last) === summaryCounts(result.pytestRuns[0]?.last ?? '');
    // a run that did not produce results (refused, crashed) has no meaningful speed ratio
    fastestRun.ratio = fastestRun.agreement.fastestJunit === 'ok' ? result.pytestSeconds / f.seconds : null;
    const a = fastestRun.agreement;
    if (!fastestRun.summarySame) process.stderr.write(`  summary line differs: pytest "${result.pytestRuns[0]?.last}", fastest "${fastestRun.last}"\n`);
    process.stderr.write(
      `  agreement: ${a.same}/${a.pytestCases - a.flaky.length} (${a.flaky.length} flaky under pytest, ${a.differ.length} differ, ${a.lost.length} lost, ${a.extra.length} extra); pytest ${result.pytestSeconds.toFixed(1)} s, fastest ${f.seconds.toFixed(1)} s, ${fastestRun.ratio ? `${fastestRun.ratio.toFixed(2)}x` : 'no ratio'}\n`,
    );
    result.fastestRuns[engine] = fastestRun;
  }

  // 5. discover after one run (the cache may have learned the collected ids)
  if (noDiscover) return result;
  const warm = await discover(project, outDir, env, 'after-run');
  result.discoverAfterRun = summarizeDiscover(warm);
  const dw = result.discoverAfterRun;
  process.stderr.write(
    `discover (after run): ${dw.exact} exact, ${dw.phantom.length} phantom, ${dw.missing.length} missing, ${dw.viaDynamic} via placeholders\n`,
  );
  return result;
}

function markdown(results) {
  const extraEngines = [...new Set(results.flatMap((r) => Object.keys(r.fastestRuns ?? {}).slice(1)))];
  const rows = [
    `| project | args | pytest ids | listed exactly before a run | phantom | empty dynamic placeholders | only under a dynamic placeholder | missing | exact after one run | exit pytest / fastest | outcome agreement | flaky under pytest | pytest s | fastest s | ratio |${extraEngines.map((e) => ` --engine ${e}: agreement, s |`).join('')}`,
    `| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |${extraEngines.map(() => ' ---: |').join('')}`,
  ];
  const agreeText = (a) =>
    `${a.same} / ${a.pytestCases - a.flaky.length}${a.lost.length ? `, ${a.lost.length} lost` : ''}${a.extra.length ? `, ${a.extra.length} extra` : ''}`;
  for (const r of results) {
    const d = r.discoverCold;
    const pct = r.pytestCollect.ids ? ` (${((100 * d.exact) / r.pytestCollect.ids).toFixed(1)}%)` : '';
    const argText = r.args.join(' ');
    const after = r.discoverAfterRun ? `${r.discoverAfterRun.exact}` : '';
    const runs = Object.values(r.fastestRuns ?? {});
    const f = runs[0];
    const exits = f ? `${r.pytestRuns.map((p) => p.code).join(',')} / ${f.code}` : '';
    const more = extraEngines
      .map((e) => {
        const x = r.fastestRuns?.[e];
        return x ? ` ${agreeText(x.agreement)}; ${x.seconds.toFixed(1)} (exit ${x.code}) |` : ' |';
      })
      .join('');
    rows.push(
      `| ${r.name} | ${argText.length > 60 ? `${r.args.length} args (bench/corpus.json)` : argText ? `\`${argText}\`` : ''} | ${r.pytestCollect.ids} | ${d.exact}${pct} | ${d.phantom.length} | ${d.emptyPlaceholders.length} | ${d.viaDynamic} | ${d.missing.length} | ${after} | ${exits} | ${f ? agreeText(f.agreement) : ''} | ${f ? f.agreement.flaky.length : ''} | ${r.pytestSeconds ? r.pytestSeconds.toFixed(1) : ''} | ${f ? f.seconds.toFixed(1) : ''} | ${f?.ratio && f.agreement.fastestJunit === 'ok' ? `${f.ratio.toFixed(2)}x` : ''} |${more}`,
    );
  }
  return `${rows.join('\n')}\n`;
}

mkdirSync(outRoot, { recursive: true });
const allFile = join(outRoot, 'results.json');
const previous = existsSync(allFile) ? JSON.parse(readFileSync(allFile, 'utf8')) : { results: [] };
if (argv.includes('--report')) {
  writeFileSync(join(outRoot, 'results.md'), markdown(previous.results));
  process.stderr.write(`wrote ${join(outRoot, 'results.md')}\n`);
  process.exit(0);
}
const byName = new Map(previous.results.map((r) => [r.name, r]));
for (const listed of projects) {
  const project = venvName ? { ...listed, python: listed.python.replace('/.venv/', `/${venvName}/`) } : listed;
  if (!existsSync(project.python)) {
    process.stderr.write(`\n== ${project.name}: no interpreter at ${project.python} (set up its venv first)\n`);
    continue;
  }
  const result = await measure(project);
  result.fastest = fastestRepo;
  result.when = new Date().toISOString();
  writeFileSync(join(outRoot, project.name, 'result.json'), `${JSON.stringify(result, null, 1)}\n`);
  byName.set(project.name, result);
  // rewrite the summary after every project, in the list's order
  const ordered = list.projects.map((p) => byName.get(p.name)).filter(Boolean);
  writeFileSync(allFile, `${JSON.stringify({ results: ordered }, null, 1)}\n`);
  writeFileSync(join(outRoot, 'results.md'), markdown(ordered));
}
process.stderr.write(`\nwrote ${join(outRoot, 'results.json')} and results.md\n`);
