// Real suites: runs the test suites of installed packages (copied out of site-packages) under
// pytest, fastest (auto engine) and fastest --engine pytest; compares outcomes per node id,
// times each run and names the modules that fell back to the pytest engine, and why.
//
// Usage: node bench/real.mjs [SUITE...] [--runners pytest,auto,pytest-engine,native] [--reuse]
//                            [--fresh] [-n N]
//   SUITE      networkx (default), sympy-core, sympy-sets, numpy-lib, scipy-sparse... (see `suites`)
//   --runners  which runs to do now; with --reuse the others' results are read from the
//              previous run's files under /tmp/fastest-real/<suite>/out
//   --fresh    copy the package again (drops .pyc and fastest's caches)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const cli = join(repo, 'dist', 'cli.js');
const sitePackages = '/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages';
const workRoot = '/tmp/fastest-real';

// name -> package to copy, test paths (relative to the copy's parent = rootdir)
const suites = {
  networkx: { pkg: 'networkx', paths: ['networkx'] },
  'sympy-core': { pkg: 'sympy', paths: ['sympy/core/tests'] },
  'sympy-sets': { pkg: 'sympy', paths: ['sympy/sets/tests'] },
  'sympy-logic': { pkg: 'sympy', paths: ['sympy/logic/tests'] },
  'sympy-hypothesis': { pkg: 'sympy', paths: ['sympy/ntheory/tests/test_hypothesis.py', 'sympy/polys/tests/test_hypothesis.py'] },
  'numpy-lib': { pkg: 'numpy', paths: ['numpy/lib/tests'] },
  'scipy-sparse': { pkg: 'scipy', paths: ['scipy/sparse/tests'] },
  'scipy-optimize': { pkg: 'scipy', paths: ['scipy/optimize/tests'] },
};

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const runnerNames = option('--runners', 'pytest,auto,pytest-engine').split(',');
const workers = option('-n', 'auto');
const optionValues = new Set(['--runners', '-n'].map((o) => option(o, null)).filter(Boolean));
const chosen = argv.filter((a) => !a.startsWith('-') && !optionValues.has(a));
const names = chosen.length ? chosen : ['networkx'];

function prepare(name, fresh) {
  const suite = suites[name];
  if (!suite) throw new Error(`unknown suite ${name}; known: ${Object.keys(suites).join(', ')}`);
  // one copy per package, shared by that package's suites
  const root = join(workRoot, `pkg-${suite.pkg}`);
  const copy = join(root, suite.pkg);
  if (fresh) rmSync(root, { recursive: true, force: true });
  if (!existsSync(copy)) {
    mkdirSync(root, { recursive: true });
    // keep the installed .pyc files (valid: cpSync preserves mtimes) so neither runner pays
    // for compiling the library itself
    cpSync(join(sitePackages, suite.pkg), copy, { recursive: true, preserveTimestamps: true });
    // compiled extensions find their bundled shared libraries at $ORIGIN/../<pkg>.libs
    const libs = join(sitePackages, `${suite.pkg}.libs`);
    if (existsSync(libs)) cpSync(libs, join(root, `${suite.pkg}.libs`), { recursive: true, preserveTimestamps: true });
  }
  const out = join(workRoot, name, 'out');
  mkdirSync(out, { recursive: true });
  return { ...suite, name, root, out };
}

function timed(cmd, args, cwd, env) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  const summary = (r.stdout ?? '').trim().split('\n').pop()?.replace(/=/g, '').trim() ?? '';
  if (r.status === null || r.status > 2) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`);
  }
  return { seconds, summary, exit: r.status, stdout: r.stdout };
}

const runners = {
  pytest(s) {
    const file = join(s.out, 'pytest.jsonl');
    const env = { ...process.env, PYTHONPATH: join(repo, 'test'), NATIVE_PYTEST_OUT: file };
    const r = timed(
      'python3',
      ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-p', 'native_pytest_outcomes', `--rootdir=${s.root}`, ...s.paths],
      s.root,
      env,
    );
    return { ...r, outcomes: readPytest(file), engines: null };
  },
  auto: (s) => fastest(s, 'auto'),
  native: (s) => fastest(s, 'native'),
  'pytest-engine': (s) => fastest(s, 'pytest'),
};

function fastest(s, engine) {
  const file = join(s.out, `fastest-${engine}.json`);
  rmSync(file, { force: true });
  const env = { ...process.env, GITHUB_ACTIONS: '' };
  const r = timed(process.execPath, [cli, '-q', '-n', workers, '--engine', engine, `--rootdir=${s.root}`, '--json', file, ...s.paths], s.root, env);
  const { outcomes, engines } = readFastest(file);
  return { ...r, outcomes, engines };
}

function readPytest(file) {
  const outcomes = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line);
    outcomes.set(r.id, r.outcome === 'collect_error' ? 'collect_error' : `${r.outcome}${r.teardownError ? '+teardown_error' : ''}`);
  }
  return outcomes;
}

function readFastest(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const outcomes = new Map();
  const engines = new Map(); // module -> Set of engines
  for (const e of report.collectionErrors) outcomes.set(e.file, 'collect_error');
  for (const t of report.tests) {
    outcomes.set(t.id, `${t.outcome}${t.teardownError ? '+teardown_error' : ''}`);
    const mod = t.id.split('::')[0];
    if (!engines.has(mod)) engines.set(mod, new Set());
    engines.get(mod).add(t.engine ?? '?');
  }
  return { outcomes, engines };
}

function compare(expected, got) {
  const mismatches = [];
  for (const [id, outcome] of expected) {
    const other = got.get(id);
    if (other !== outcome) mismatches.push({ id, pytest: outcome, fastest: other ?? 'missing' });
  }
  for (const [id, outcome] of got) if (!expected.has(id)) mismatches.push({ id, pytest: 'missing', fastest: outcome });
  return mismatches;
}

// The native engine's own reason for each module it would hand to pytest (its static check).
function fallbackReasons(s, modules) {
  const script = `
import json, sys
from fastest_worker.native.engine import NativeEngine
eng = NativeEngine({"rootdir": sys.argv[1], "engine": "auto", "args": []}, lambda f: None)
print(json.dumps({m: eng.unsupported_reason(m) for m in json.loads(sys.stdin.read())}))
`;
  const r = spawnSync('python3', ['-c', script, s.root], {
    cwd: s.root,
    input: JSON.stringify(modules),
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: join(repo, 'python') },
  });
  if (r.status !== 0) return { error: r.stderr.trim().split('\n').pop() };
  return JSON.parse(r.stdout);
}

function counts(outcomes) {
  const c = {};
  for (const o of outcomes.values()) c[o] = (c[o] ?? 0) + 1;
  return Object.entries(c)
    .sort()
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
}

const report = [];
for (const name of names) {
  const s = prepare(name, flag('--fresh'));
  const timesFile = join(s.out, 'times.json');
  const times = flag('--reuse') && existsSync(timesFile) ? JSON.parse(readFileSync(timesFile, 'utf8')) : {};
  const results = {};
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  for (const runner of Object.keys(runners)) {
    if (runnerNames.includes(runner)) {
      process.stderr.write(`${name}: running ${runner} (load ${loadavg()[0].toFixed(2)})...\n`);
      const r = runners[runner](s);
      times[runner] = { seconds: r.seconds, summary: r.summary, load: loadavg()[0] };
      results[runner] = r;
      process.stderr.write(`${name}: ${runner}: ${r.seconds.toFixed(1)} s  ${r.summary}\n`);
    } else if (flag('--reuse') && times[runner]) {
      const file = runner === 'pytest' ? join(s.out, 'pytest.jsonl') : join(s.out, `fastest-${runner === 'pytest-engine' ? 'pytest' : runner}.json`);
      if (existsSync(file)) results[runner] = runner === 'pytest' ? { outcomes: readPytest(file) } : readFastest(file);
    }
  }
  writeFileSync(timesFile, JSON.stringify(times, null, 2));
  const base = results.pytest;
  const lines = [`## ${name} (${s.paths.join(' ')}) — load average at start ${load}, ${cpus().length} CPUs`];
  if (base) lines.push(`pytest: ${base.outcomes.size} ids: ${counts(base.outcomes)}`);
  for (const runner of ['auto', 'native', 'pytest-engine']) {
    const r = results[runner];
    if (!r) continue;
    lines.push('', `### fastest ${runner}`);
    if (times[runner]) {
      const ratio = times.pytest ? ` — ${(times.pytest.seconds / times[runner].seconds).toFixed(2)}x pytest's ${times.pytest.seconds.toFixed(1)} s` : '';
      lines.push(`wall ${times[runner].seconds.toFixed(1)} s${ratio} (${times[runner].summary})`);
    }
    if (base) {
      const mism = compare(base.outcomes, r.outcomes);
      lines.push(`agreement: ${base.outcomes.size - mism.filter((m) => m.pytest !== 'missing').length}/${base.outcomes.size} ids; ${mism.length} mismatches`);
      for (const m of mism.slice(0, 200)) lines.push(`  MISMATCH ${m.id}: pytest ${m.pytest}, fastest ${m.fastest}`);
      if (mism.length > 200) lines.push(`  ... ${mism.length - 200} more`);
    }
    if (runner !== 'pytest-engine' && r.engines) {
      let nNative = 0;
      let nPytest = 0;
      const fellBack = [];
      for (const [mod, engs] of r.engines) {
        if (engs.has('pytest')) {
          nPytest++;
          fellBack.push(mod);
        } else nNative++;
      }
      lines.push(`modules: ${nNative} native, ${nPytest} on the pytest engine`);
      if (fellBack.length) {
        const reasons = fallbackReasons(s, fellBack.sort());
        const byReason = new Map();
        for (const mod of fellBack) {
          const why = reasons.error ?? reasons[mod] ?? '(no static reason)';
          if (!byReason.has(why)) byReason.set(why, []);
          byReason.get(why).push(mod);
        }
        for (const [why, mods] of byReason) lines.push(`  ${mods.length} module(s): ${why}${mods.length <= 3 ? ` [${mods.join(', ')}]` : ''}`);
      }
    }
  }
  const text = lines.join('\n');
  writeFileSync(join(s.out, 'report.txt'), text + '\n');
  report.push(text);
}
console.log(report.join('\n\n'));
