// Shard planning and merging benchmark. Run: `node bench/shard.mjs` (about 45 s on 2 cores;
// `node bench/shard.mjs quality` for the planner tables only).
// Prints Markdown tables; bench/SHARD_RESULTS.md holds a recorded run.
//
// 1. Planner quality: synthetic suites with heavy-tailed test durations (lognormal, Pareto) and
//    module setup costs; makespan / lower bound for fastest's planner, pytest-split's
//    duration_based_chunks and least_duration (reimplemented from their documentation), and an
//    even split by count. A shard's real time = its tests + the setup of every module it touches.
// 2. Smoothing: which timing-store update predicts the next run best (last run, EWMA, window).
// 3. Speed: planning 100,000 tests into 256 shards; merging 100,000 testcases from 50 files.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// There is no build step for src/ besides the ncc bundle and Node 20 cannot strip types, so the
// sources are transpiled (no type check) into a temp directory and imported from there.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** files: paths relative to the repository, e.g. 'src/shard/plan.ts'. */
function transpileSources(files) {
  const out = mkdtempSync(join(tmpdir(), 'fastest-bench-'));
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  // Bare imports (sax) resolve through the project's node_modules.
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
  for (const file of files) {
    const js = ts.transpileModule(readFileSync(join(root, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const target = join(out, file.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
  return out;
}

const SHARD_SOURCES = [
  'src/types.ts',
  'src/shard/plan.ts',
  'src/shard/units.ts',
  'src/shard/split.ts',
  'src/shard/pack.ts',
  'src/shard/timings.ts',
  'src/shard/glob.ts',
  'src/shard/commands.ts',
  'src/report/junit-read.ts',
  'src/report/merge.ts',
  'src/report/markdown.ts',
  'src/report/summary.ts',
];

const built = transpileSources(SHARD_SOURCES);
const { makePlan, unitTestIds } = await import(join(built, 'src/shard/plan.js'));
const { mergeJUnit } = await import(join(built, 'src/report/merge.js'));
const { parseJUnit } = await import(join(built, 'src/report/junit-read.js'));

// ---------- random numbers (seeded) ----------
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const gauss = (r) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
const lognormal = (r, mu, sigma) => Math.exp(mu + sigma * gauss(r));
const pareto = (r, xm, alpha) => xm / Math.pow(1 - r(), 1 / alpha);

// ---------- synthetic suites ----------
function makeSuite(seed, dist) {
  const r = rng(seed);
  const modules = [];
  const tests = [];
  const moduleCount = dist === 'coarse' ? 40 : 300;
  for (let m = 0; m < moduleCount; m++) {
    const file = `tests/pkg${m % 12}/test_mod${m}.py`;
    const count = Math.min(400, 1 + Math.floor(lognormal(r, 2.3, 1)));
    const setup = r() < 0.4 ? lognormal(r, -1, 1) : 0;
    modules.push({ file, setup });
    for (let t = 0; t < count; t++) {
      const seconds = dist === 'pareto' ? pareto(r, 0.01, 1.3) : lognormal(r, -3, 1.5);
      const cls = r() < 0.3 ? [`TestGroup${t % 4}`] : [];
      const id = `${file}::${cls.map((c) => `${c}::`).join('')}test_${t}`;
      tests.push({ id, file, line: t + 1, classes: cls, function: `test_${t}`, marks: [], dynamic: false, seconds, setup });
    }
  }
  return { modules, tests };
}

/** What a planner is told: exact durations, or each multiplied by lognormal noise (sigma 0.3). */
function observed(suite, noise, seed) {
  const r = rng(seed);
  const f = () => (noise ? Math.exp(0.3 * gauss(r)) : 1);
  return { tests: new Map(suite.tests.map((t) => [t.id, t.seconds * f()])), setups: new Map(suite.modules.map((m) => [m.file, m.setup * f()])) };
}

/** Real time of each group of test ids: the tests plus each touched module's setup once. */
function makespan(suite, groups) {
  const byId = new Map(suite.tests.map((t) => [t.id, t]));
  let worst = 0;
  for (const ids of groups) {
    const touched = new Set();
    let seconds = 0;
    for (const id of ids) {
      const t = byId.get(id);
      seconds += t.seconds;
      if (!touched.has(t.file)) {
        touched.add(t.file);
        seconds += t.setup;
      }
    }
    worst = Math.max(worst, seconds);
  }
  return worst;
}

function lowerBound(suite, n) {
  const total = suite.tests.reduce((s, t) => s + t.seconds, 0) + suite.modules.reduce((s, m) => s + m.setup, 0);
  const longest = Math.max(...suite.tests.map((t) => t.seconds + t.setup));
  return Math.max(total / n, longest);
}

/**
 * A tighter bound that counts the setups splitting cannot avoid. In a plan of makespan C, a module
 * with setup s and T seconds of tests runs on k shards, each paying s and holding at most C - s of
 * its tests, so k >= ceil(T / (C - s)) (and C >= s + T / N). The least C whose total with those
 * setups fits in N * C (and >= lowerBound) is a lower bound on every plan's makespan.
 */
function setupAwareBound(suite, n) {
  const modules = new Map(suite.modules.map((m) => [m.file, { tests: 0, setup: m.setup }]));
  for (const t of suite.tests) modules.get(t.file).tests += t.seconds;
  let low = lowerBound(suite, n);
  for (const m of modules.values()) if (m.tests > 0) low = Math.max(low, m.setup + m.tests / n);
  const total = [...modules.values()].reduce((s, m) => s + (m.tests > 0 ? m.tests + m.setup : 0), 0);
  const fits = (c) => {
    let work = total;
    for (const m of modules.values())
      if (m.tests > 0 && m.setup > 0 && m.setup + m.tests > c) work += (Math.ceil(m.tests / (c - m.setup) - 1e-9) - 1) * m.setup;
    return work <= n * c;
  };
  if (fits(low)) return low;
  let high = low * 2;
  while (!fits(high)) high *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (fits(mid)) high = mid;
    else low = mid;
  }
  return high;
}

// ---------- the planners ----------
function fastestGroups(suite, seen, n, refineSteps) {
  const store = { version: 1, tests: Object.fromEntries(seen.tests), modules: Object.fromEntries(seen.setups), runs: 1 };
  const plan = makePlan(suite.tests, store, { shards: n, refineSteps });
  return plan.shards.map((s) => s.units.flatMap(unitTestIds));
}

/** pytest-split records setup+call+teardown per test, so module setup lands on the first test. */
function pytestSplitDurations(suite, seen) {
  const firstOfModule = new Set();
  return suite.tests.map((t) => {
    const first = !firstOfModule.has(t.file);
    firstOfModule.add(t.file);
    return { id: t.id, seconds: seen.tests.get(t.id) + (first ? seen.setups.get(t.file) : 0) };
  });
}

/** duration_based_chunks: walk tests in collection order, start the next group once this one reaches total/N. */
function durationBasedChunks(suite, seen, n) {
  const durations = pytestSplitDurations(suite, seen);
  const perGroup = durations.reduce((s, d) => s + d.seconds, 0) / n;
  const groups = Array.from({ length: n }, () => []);
  let g = 0;
  let acc = 0;
  for (const d of durations) {
    if (acc >= perGroup && g < n - 1) {
      g++;
      acc = 0;
    }
    groups[g].push(d.id);
    acc += d.seconds;
  }
  return groups;
}

/** least_duration: tests longest first, each onto the group with the least total so far. */
function leastDuration(suite, seen, n) {
  const durations = pytestSplitDurations(suite, seen).map((d, i) => ({ ...d, i }));
  durations.sort((a, b) => b.seconds - a.seconds || a.i - b.i);
  const groups = Array.from({ length: n }, () => ({ ids: [], total: 0 }));
  for (const d of durations) {
    let best = 0;
    for (let k = 1; k < n; k++) if (groups[k].total < groups[best].total) best = k;
    groups[best].ids.push(d.id);
    groups[best].total += d.seconds;
  }
  return groups.map((g) => g.ids);
}

function splitByCount(suite, _seen, n) {
  const ids = suite.tests.map((t) => t.id);
  const groups = Array.from({ length: n }, () => []);
  ids.forEach((id, i) => groups[Math.floor((i * n) / ids.length)].push(id));
  return groups;
}

const planners = [
  ['fastest (LPT + refinement)', (s, seen, n) => fastestGroups(s, seen, n, 2000)],
  ['fastest (LPT only)', (s, seen, n) => fastestGroups(s, seen, n, 0)],
  ['pytest-split least_duration', leastDuration],
  ['pytest-split duration_based_chunks', durationBasedChunks],
  ['split by count', splitByCount],
];

/** Noise draws per suite in the noisy tables: one draw is too few to rank planners within 1%. */
const NOISE_DRAWS = Number(process.env.NOISE_DRAWS ?? 10);

function plannerQuality() {
  const shardCounts = [2, 8, 32, 128];
  const seeds = [1, 2, 3];
  const lines = [];
  const bounds = [];
  for (const dist of ['lognormal', 'pareto', 'coarse']) {
    const suites = seeds.map((seed) => makeSuite(seed * 100 + (dist === 'pareto' ? 1 : dist === 'coarse' ? 2 : 0), dist));
    for (const noise of [false, true]) {
      const label = dist === 'coarse' ? 'coarse suite (40 modules), lognormal' : dist;
      lines.push(
        `\n#### ${label} test durations, ${noise ? `30% noise (planners see durations x lognormal(0, 0.3); ${NOISE_DRAWS} draws per suite)` : 'exact durations'}\n`,
      );
      lines.push(`| planner | ${shardCounts.map((n) => `N=${n}`).join(' | ')} |`);
      lines.push(`|---|${shardCounts.map(() => '---:').join('|')}|`);
      for (const [name, plan] of planners) {
        const cells = shardCounts.map((n) => {
          let sum = 0;
          let count = 0;
          let tight = 0;
          suites.forEach((suite, s) => {
            for (let draw = 0; draw < (noise ? NOISE_DRAWS : 1); draw++) {
              const seen = observed(suite, noise, (s + 1) * 7 + n + draw * 1000);
              const worst = makespan(suite, plan(suite, seen, n));
              sum += worst / lowerBound(suite, n);
              if (!noise && name === planners[0][0]) tight += worst / setupAwareBound(suite, n);
              count++;
            }
          });
          if (!noise && name === planners[0][0])
            bounds.push({
              dist: label,
              n,
              ratio: tight / count,
              gap: suites.reduce((g, suite) => g + setupAwareBound(suite, n) / lowerBound(suite, n), 0) / suites.length,
            });
          return (sum / count).toFixed(3);
        });
        lines.push(`| ${name} | ${cells.join(' | ')} |`);
      }
    }
  }
  const sample = makeSuite(100, 'lognormal');
  const total = sample.tests.reduce((s, t) => s + t.seconds, 0) + sample.modules.reduce((s, m) => s + m.setup, 0);
  const labels = [...new Set(bounds.map((b) => b.dist))];
  const boundTable = [
    `\n#### fastest (LPT + refinement), exact durations, against the setup-aware bound\n`,
    "Each cell: fastest's makespan / setup-aware bound (in brackets: setup-aware bound / LB, how much of the gap to LB no plan can close).\n",
    `| suite | ${shardCounts.map((n) => `N=${n}`).join(' | ')} |`,
    `|---|${shardCounts.map(() => '---:').join('|')}|`,
    ...labels.map(
      (label) =>
        `| ${label} | ${shardCounts
          .map((n) => bounds.find((b) => b.dist === label && b.n === n))
          .map((b) => `${b.ratio.toFixed(3)} (${b.gap.toFixed(3)})`)
          .join(' | ')} |`,
    ),
  ];
  return `Suites: 300 modules, ${sample.tests.length} tests in the first (lognormal) suite, ${total.toFixed(0)} s in all; 40% of modules have a setup cost (lognormal, median 0.37 s). Each cell: mean over 3 suites (and ${NOISE_DRAWS} noise draws each, with noise) of makespan / LB, LB = max(total/N, longest test + its module setup); 1.000 is optimal.\n${lines.join('\n')}\n${boundTable.join('\n')}`;
}

// ---------- a real suite: networkx's own tests, timed by a fastest run ----------
/**
 * bench/data/networkx-junit.xml.gz: the JUnit file of `fastest -n auto --junitxml` over the
 * whole networkx 3.6.1 test suite (6,865 tests) on the development VM. Module setup is folded
 * into the first test of each module, as pytest reports it, so setups are 0 here.
 */
function realSuite() {
  const xml = gunzipSync(readFileSync(join(root, 'bench', 'data', 'networkx-junit.xml.gz'))).toString('utf8');
  const doc = parseJUnit(xml, 'networkx-junit.xml');
  const files = new Set();
  const tests = [];
  for (const c of doc.cases) {
    if (c.collection) continue;
    files.add(c.file);
    tests.push({
      id: c.id,
      file: c.file,
      line: c.line ?? 1,
      classes: [],
      function: c.name,
      marks: [],
      dynamic: false,
      seconds: Math.max(c.time, 0.0001),
      setup: 0,
    });
  }
  return { modules: [...files].map((file) => ({ file, setup: 0 })), tests };
}

function realSuiteQuality() {
  const suite = realSuite();
  const total = suite.tests.reduce((sum, t) => sum + t.seconds, 0);
  const shardCounts = [2, 8, 32, 128];
  const lines = [
    `networkx 3.6.1: ${suite.tests.length} tests in ${suite.modules.length} modules, ${total.toFixed(0)} s of test time; longest test ${Math.max(...suite.tests.map((t) => t.seconds)).toFixed(2)} s.`,
  ];
  for (const noise of [false, true]) {
    lines.push(`\n#### networkx, ${noise ? `30% noise (planners see durations x lognormal(0, 0.3); mean of ${NOISE_DRAWS} draws)` : 'exact durations'}\n`);
    lines.push(`| planner | ${shardCounts.map((n) => `N=${n}`).join(' | ')} |`);
    lines.push(`|---|${shardCounts.map(() => '---:').join('|')}|`);
    for (const [name, plan] of planners) {
      const cells = shardCounts.map((n) => {
        const draws = noise ? NOISE_DRAWS : 1;
        let sum = 0;
        for (let draw = 0; draw < draws; draw++) sum += makespan(suite, plan(suite, observed(suite, noise, 11 + n + draw * 1000), n)) / lowerBound(suite, n);
        return (sum / draws).toFixed(3);
      });
      lines.push(`| ${name} | ${cells.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

// ---------- smoothing: which store update predicts the next run ----------
function smoothing() {
  const r = rng(42);
  const tests = Array.from({ length: 3000 }, (_, i) => ({
    id: `tests/test_m${i % 150}.py::test_${i}`,
    file: `tests/test_m${i % 150}.py`,
    line: i,
    classes: [],
    function: `test_${i}`,
    marks: [],
    dynamic: false,
    mean: lognormal(r, -3, 1.5),
  }));
  const runs = 12;
  const history = [];
  for (let run = 0; run <= runs; run++) {
    // Between runs 5% of tests change speed for good (code changes); every run has 30% jitter.
    if (run > 0) for (const t of tests) if (r() < 0.05) t.mean *= Math.exp(gauss(r));
    history.push(new Map(tests.map((t) => [t.id, t.mean * Math.exp(0.3 * gauss(r))])));
  }
  const strategies = {
    'last run only': (vals) => vals[vals.length - 1],
    'EWMA weight 0.3': (vals) => vals.reduce((acc, v) => 0.3 * v + 0.7 * acc),
    'EWMA weight 0.5': (vals) => vals.reduce((acc, v) => 0.5 * v + 0.5 * acc),
    'EWMA weight 0.7': (vals) => vals.reduce((acc, v) => 0.7 * v + 0.3 * acc),
    'median of last 5': (vals) => quantile(vals.slice(-5), 0.5),
    'p90 of last 5': (vals) => quantile(vals.slice(-5), 0.9),
    'mean of all runs': (vals) => vals.reduce((a, b) => a + b, 0) / vals.length,
  };
  const lines = ['| store update | mean abs log error | makespan / LB at N=32 |', '|---|---:|---:|'];
  for (const [name, estimate] of Object.entries(strategies)) {
    // Predict each of the last 4 runs from the runs before it.
    let err = 0;
    let ratio = 0;
    let samples = 0;
    for (let target = runs - 3; target <= runs; target++) {
      const actual = history[target];
      const store = { version: 1, tests: {}, modules: {}, runs: target };
      for (const t of tests) {
        const est = estimate(history.slice(0, target).map((h) => h.get(t.id)));
        store.tests[t.id] = est;
        err += Math.abs(Math.log(est / actual.get(t.id)));
        samples++;
      }
      const plan = makePlan(tests, store, { shards: 32 });
      const real = { tests: tests.map((t) => ({ id: t.id, file: t.file, seconds: actual.get(t.id), setup: 0 })), modules: [] };
      ratio +=
        makespan(
          real,
          plan.shards.map((s) => s.units.flatMap(unitTestIds)),
        ) / lowerBound(real, 32);
    }
    lines.push(`| ${name} | ${(err / samples).toFixed(3)} | ${(ratio / 4).toFixed(3)} |`);
  }
  return `3000 tests, 12 runs; every run has 30% lognormal jitter, and between runs 5% of tests change speed for good (x lognormal(0, 1)). Each strategy predicts runs 9-12 from the runs before.\n\n${lines.join('\n')}`;
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

// ---------- speed ----------
function median3(f) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    const cpu = process.cpuUsage(cpu0);
    times.push({ wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 });
  }
  times.sort((a, b) => a.wall - b.wall);
  return times[1];
}

function speed() {
  const r = rng(9);
  const items = [];
  const store = { version: 1, tests: {}, modules: {}, runs: 1 };
  for (let i = 0; i < 100_000; i++) {
    const file = `tests/p${i % 37}/test_m${i % 2000}.py`;
    const id = `${file}::test_${i}`;
    items.push({ id, file, line: i, classes: [], function: `test_${i}`, marks: [], dynamic: false });
    store.tests[id] = lognormal(r, -3, 1.5);
  }
  const plan = median3(() => makePlan(items, store, { shards: 256 }));
  const dir = join(tmpdir(), `fastest-bench-merge-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let f = 0; f < 50; f++) {
    let body = '';
    for (let i = 0; i < 2000; i++) {
      const failed = i % 500 === 0;
      const attrs = `classname="tests.pkg${f}.test_mod${i % 40}.TestThing" name="test_case_${i}[param-${i}]" file="tests/pkg${f}/test_mod${i % 40}.py" line="${i}" time="0.00${i % 10}"`;
      body += failed
        ? `<testcase ${attrs}><failure message="assert 1 == 2">def test():\n&gt;   assert 1 == 2\nE   assert 1 == 2</failure></testcase>`
        : `<testcase ${attrs} />`;
    }
    const path = join(dir, `shard-${f}.xml`);
    writeFileSync(
      path,
      `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" failures="4" skipped="0" tests="2000" time="12.5">${body}</testsuite></testsuites>`,
    );
    files.push(path);
  }
  const merge = median3(() => mergeJUnit(files));
  rmSync(dir, { recursive: true, force: true });
  return [
    '| operation | wall s (median of 3) | CPU s |',
    '|---|---:|---:|',
    `| makePlan: 100,000 tests, 74,000 modules, 256 shards | ${plan.wall.toFixed(2)} | ${plan.cpu.toFixed(2)} |`,
    `| mergeJUnit: 100,000 testcases in 50 files (17 MB) | ${merge.wall.toFixed(2)} | ${merge.cpu.toFixed(2)} |`,
  ].join('\n');
}

// `node bench/shard.mjs quality` prints the planner tables only (what a planner change needs).
const qualityOnly = process.argv[2] === 'quality';
const started = performance.now();
console.log('## Shard planning\n');
console.log(plannerQuality());
console.log('\n## A real suite\n');
console.log(realSuiteQuality());
if (!qualityOnly) {
  console.log('\n## Timing store smoothing\n');
  console.log(smoothing());
  console.log('\n## Speed\n');
  console.log(speed());
}
console.log(`\n_node ${process.version}, ${((performance.now() - started) / 1000).toFixed(0)} s for the ${qualityOnly ? 'planner tables' : 'whole bench'}._`);
rmSync(built, { recursive: true, force: true });
