import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDirForFile } from './helpers/temp-dir.js';
import { readJUnitFile } from '../src/merge/junit-read.js';
import { mergeCommand } from '../src/cli/merge.js';
import { planCommand, type CommandIO } from '../src/cli/plan.js';
import { makePlan, matrixJson, PlanError, readPlan, unitsForShard, unitTestIds, type Plan } from '../src/shard/plan.js';
import { learnTimings, observeRun } from '../src/merge/learn.js';
import { emptyTimings, Estimator, loadTimings, parseTimings, type TimingsStore } from '../src/shard/timings.js';
import type { TestItem } from '../src/types.js';

/** Keep the fixture free of __pycache__. */
const pythonEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(list: T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function item(id: string, line: number, dynamic = false): TestItem {
  const [file = '', ...rest] = id.split('::');
  const last = rest[rest.length - 1] ?? '';
  const bracket = last.indexOf('[');
  return { id, file, line, classes: rest.slice(0, -1), function: bracket < 0 ? last : last.slice(0, bracket), marks: [], dynamic };
}

function randomSuite(random: () => number): { items: TestItem[]; timings: TimingsStore } {
  const items: TestItem[] = [];
  const timings = emptyTimings();
  const modules = 1 + Math.floor(random() * 40);
  for (let m = 0; m < modules; m++) {
    const file = `tests/d${m % 4}/test_m${m}.py`;
    const count = 1 + Math.floor(random() * 30);
    if (random() < 0.3) timings.modules[file] = random() * 5;
    for (let t = 0; t < count; t++) {
      const cls = random() < 0.3 ? `TestC${t % 3}::` : '';
      const id = random() < 0.2 ? `${file}::${cls}test_${t}[p${t}]` : `${file}::${cls}test_${t}`;
      items.push(item(id, t + 1, random() < 0.05));
      // Heavy-tailed known durations for most tests, unknown for the rest.
      if (random() < 0.8) timings.tests[id] = Math.exp(random() * 6 - 4);
    }
  }
  return { items, timings };
}

function assertPartition(plan: Plan, items: TestItem[]): void {
  const planned = plan.shards.flatMap((s) => s.units.flatMap(unitTestIds));
  expect(planned.length).toBe(new Set(planned).size);
  expect(new Set(planned)).toEqual(new Set(items.map((i) => i.id)));
  for (const shard of plan.shards) {
    const sum = shard.units.reduce((s, u) => s + u.predicted, 0);
    expect(Math.abs(sum - shard.predicted)).toBeLessThan(0.01 + shard.units.length * 0.001);
    expect(shard.tests).toBe(shard.units.reduce((n, u) => n + unitTestIds(u).length, 0));
  }
}

describe('makePlan properties', () => {
  it('puts every test in exactly one shard and does not depend on input order', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = rng(seed);
      const { items, timings } = randomSuite(random);
      const shards = 1 + Math.floor(random() * 20);
      const plan = makePlan(items, timings, { shards });
      expect(plan.shards).toHaveLength(shards);
      assertPartition(plan, items);
      const again = makePlan(shuffle(items, random), timings, { shards });
      expect(JSON.stringify(again)).toBe(JSON.stringify(plan));
      // List scheduling never exceeds total/N + longest unit.
      const longest = Math.max(...plan.shards.flatMap((s) => s.units.map((u) => u.predicted)));
      const makespan = Math.max(...plan.shards.map((s) => s.predicted));
      expect(makespan).toBeLessThanOrEqual(plan.total / shards + longest + 0.01);
    }
  });

  it('keeps modules whole unless one is longer than a fair share, then charges setup to each part', () => {
    const items: TestItem[] = [];
    const timings = emptyTimings();
    for (let m = 0; m < 6; m++)
      for (let t = 0; t < 5; t++) {
        const id = `tests/test_small${m}.py::test_${t}`;
        items.push(item(id, t + 1));
        timings.tests[id] = 1;
      }
    for (let t = 0; t < 40; t++) {
      const id = `tests/test_big.py::TestBig${t % 8}::test_${t}`;
      items.push(item(id, t + 1));
      timings.tests[id] = 2;
    }
    timings.modules['tests/test_big.py'] = 3;
    const plan = makePlan(items, timings, { shards: 4 });
    assertPartition(plan, items);
    const small = plan.shards.flatMap((s) => s.units).filter((u) => u.file !== 'tests/test_big.py');
    expect(small.every((u) => u.ids === null)).toBe(true);
    const bigParts = plan.shards.flatMap((s) => s.units).filter((u) => u.file === 'tests/test_big.py');
    expect(bigParts.length).toBeGreaterThan(1);
    for (const part of bigParts) expect(part.predicted).toBeCloseTo(3 + 2 * (part.ids?.length ?? 0), 3);
    // Classes stay together when they fit.
    for (const part of bigParts) {
      const classes = new Set(part.ids?.map((id) => id.split('::')[1]));
      for (const other of bigParts) if (other !== part) for (const id of other.ids ?? []) expect(classes.has(id.split('::')[1])).toBe(false);
    }
    const makespan = Math.max(...plan.shards.map((s) => s.predicted));
    expect(makespan).toBeLessThan(40);
  });

  it('predicts every unit as its module setup plus its tests, and splits a module over at most N shards', () => {
    let splitModules = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const random = rng(seed * 31);
      const { items, timings } = randomSuite(random);
      const shards = 2 + Math.floor(random() * 30);
      const plan = makePlan(items, timings, { shards });
      assertPartition(plan, items);
      const estimator = new Estimator(timings);
      const byId = new Map(items.map((i) => [i.id, i]));
      const shardsPerFile = new Map<string, number>();
      for (const shard of plan.shards) {
        for (const unit of shard.units) {
          const seconds = unitTestIds(unit).reduce((sum, id) => sum + estimator.test(byId.get(id)!), 0);
          expect(unit.predicted).toBeCloseTo(estimator.moduleSetup(unit.file) + seconds, 2);
        }
        for (const file of new Set(shard.units.map((u) => u.file))) shardsPerFile.set(file, (shardsPerFile.get(file) ?? 0) + 1);
        // A module's parts never share a shard: that would pay its setup twice for nothing.
        expect(new Set(shard.units.map((u) => u.file)).size).toBe(shard.units.length);
      }
      for (const count of shardsPerFile.values()) expect(count).toBeLessThanOrEqual(shards);
      splitModules += [...shardsPerFile.values()].filter((count) => count > 1).length;
    }
    expect(splitModules).toBeGreaterThan(20); // the suites do exercise splitting
  });

  it('is near the optimum on small suites (brute force over every assignment of tests)', () => {
    const ratios: number[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const random = rng(seed * 17);
      const shards = 2 + Math.floor(random() * 2);
      const timings = emptyTimings();
      const items: TestItem[] = [];
      const moduleCount = 1 + Math.floor(random() * 3);
      for (let m = 0; m < moduleCount; m++) {
        const file = `tests/test_m${m}.py`;
        if (random() < 0.6) timings.modules[file] = Math.round(random() * 40) / 10;
        const count = 1 + Math.floor(random() * (8 / moduleCount));
        for (let t = 0; t < count && items.length < 8; t++) {
          const id = `${file}::test_${t}`;
          items.push(item(id, t + 1));
          timings.tests[id] = Math.round(1 + random() * 40) / 10;
        }
      }
      const cost = (assignment: number[]): number => {
        const loads = new Array<number>(shards).fill(0);
        const touched = new Set<string>();
        items.forEach((it, i) => {
          const shard = assignment[i] ?? 0;
          loads[shard] = (loads[shard] ?? 0) + (timings.tests[it.id] ?? 0);
          if (!touched.has(`${shard}:${it.file}`)) {
            touched.add(`${shard}:${it.file}`);
            loads[shard] = (loads[shard] ?? 0) + (timings.modules[it.file] ?? 0);
          }
        });
        return Math.max(...loads);
      };
      let optimum = Infinity;
      const assignment = new Array<number>(items.length).fill(0);
      const search = (i: number): void => {
        if (i === items.length) {
          optimum = Math.min(optimum, cost(assignment));
          return;
        }
        for (let shard = 0; shard < shards; shard++) {
          assignment[i] = shard;
          search(i + 1);
        }
      };
      search(0);
      const plan = makePlan(items, timings, { shards });
      const shardOf = new Map(plan.shards.flatMap((s) => s.units.flatMap(unitTestIds).map((id) => [id, s.index - 1] as const)));
      const planned = cost(items.map((it) => shardOf.get(it.id) ?? 0));
      expect(planned).toBeCloseTo(Math.max(...plan.shards.map((s) => s.predicted)), 2);
      ratios.push(planned / optimum);
    }
    console.log(
      `plan / optimum on 40 small suites: mean ${(ratios.reduce((a, b) => a + b, 0) / ratios.length).toFixed(3)}, worst ${Math.max(...ratios).toFixed(3)}, optimal in ${ratios.filter((r) => r < 1 + 1e-9).length}`,
    );
    // Modules are kept whole when they fit a share, which the brute force need not do: a few
    // percent off is the price of not paying module setups again.
    expect(ratios.reduce((a, b) => a + b, 0) / ratios.length).toBeLessThan(1.03);
    expect(Math.max(...ratios)).toBeLessThan(1.15);
  });

  it('splits a module whose setup nearly fills a shard into parts that just fit its longest test', () => {
    // test_db.py: 6 s of setup and four 0.5 s tests; twenty 1 s modules; 8 shards (3.5 s each).
    // No plan beats 6.5 s (setup + one test); two parts of 7 s, or the whole module (8 s), would.
    const timings = emptyTimings();
    timings.modules['tests/test_db.py'] = 6;
    const items: TestItem[] = [];
    for (let t = 0; t < 4; t++) items.push(item(`tests/test_db.py::test_${t}`, t + 1));
    for (let m = 0; m < 20; m++) items.push(item(`tests/test_o${m}.py::test_it`, 1));
    for (const it of items) timings.tests[it.id] = it.file === 'tests/test_db.py' ? 0.5 : 1;
    const plan = makePlan(items, timings, { shards: 8 });
    assertPartition(plan, items);
    expect(Math.max(...plan.shards.map((s) => s.predicted))).toBeCloseTo(6.5, 6);
    const parts = plan.shards.flatMap((s) => s.units).filter((u) => u.file === 'tests/test_db.py');
    expect(parts.map((p) => p.ids?.length)).toEqual([1, 1, 1, 1]);
  });

  it('moves single tests of a split module between the shards that run it', () => {
    // test_m.py (setup 2, six 1 s tests) is split in two parts of 5 s; with test_x and test_y (5 s
    // each) that is four units of 5 s on 3 shards: 10 s by whole units. Moving tests between the
    // parts gives 8 s, the optimum.
    const timings = emptyTimings();
    timings.modules['tests/test_m.py'] = 2;
    const items = Array.from({ length: 6 }, (_, t) => item(`tests/test_m.py::test_${t}`, t + 1));
    items.push(item('tests/test_x.py::test_it', 1), item('tests/test_y.py::test_it', 1));
    for (const it of items) timings.tests[it.id] = it.file === 'tests/test_m.py' ? 1 : 5;
    const plan = makePlan(items, timings, { shards: 3 });
    assertPartition(plan, items);
    expect(Math.max(...plan.shards.map((s) => s.predicted))).toBe(8);
    const parts = plan.shards.flatMap((s) => s.units).filter((u) => u.file === 'tests/test_m.py');
    expect(parts.reduce((sum, u) => sum + u.predicted, 0)).toBeCloseTo(2 * parts.length + 6, 6);
  });

  it("refines LPT with swaps: [3,3,2,2,2] on 2 shards is 6, not LPT's 7", () => {
    const timings = emptyTimings();
    const items = [3, 3, 2, 2, 2].map((seconds, i) => {
      const id = `tests/test_${i}.py::test_it`;
      timings.tests[id] = seconds;
      return item(id, 1);
    });
    const makespan = (plan: Plan) => Math.max(...plan.shards.map((s) => s.predicted));
    expect(makespan(makePlan(items, timings, { shards: 2, refineSteps: 0 }))).toBe(7);
    expect(makespan(makePlan(items, timings, { shards: 2 }))).toBe(6);
  });

  it('auto picks enough shards for a target, and sqrt(total/overhead) without one', () => {
    const items = Array.from({ length: 400 }, (_, i) => item(`tests/test_${i % 100}.py::test_${i}`, i));
    const timings = emptyTimings();
    for (const it of items) timings.tests[it.id] = 3; // 1200 s in all
    const targeted = makePlan(items, timings, { shards: 'auto', targetSeconds: 100 });
    expect(Math.max(...targeted.shards.map((s) => s.predicted))).toBeLessThanOrEqual(100);
    expect(targeted.shards.length).toBeGreaterThanOrEqual(12);
    expect(targeted.shards.length).toBeLessThanOrEqual(14);
    expect(makePlan(items, timings, { shards: 'auto' }).shards).toHaveLength(Math.round(Math.sqrt(1200 / 30)));
    expect(makePlan(items, timings, { shards: 'auto', jobOverheadSeconds: 120 }).shards).toHaveLength(Math.round(Math.sqrt(1200 / 120)));
    expect(makePlan(items.slice(0, 2), timings, { shards: 'auto', targetSeconds: 0.5 }).shards.length).toBeLessThanOrEqual(2);
    expect(() => makePlan(items, timings, { shards: 0 })).toThrow(PlanError);
    expect(() => makePlan(items, timings, { shards: 257 })).toThrow(/1 to 256/);
  });

  it('writes a small matrix, round-trips through readPlan, and serves units per shard', () => {
    const items = Array.from({ length: 3000 }, (_, i) => item(`tests/test_${i % 500}.py::test_${i}`, i));
    const plan = makePlan(items, emptyTimings(), { shards: 256 });
    const matrix = matrixJson(plan);
    expect(Buffer.byteLength(matrix)).toBeLessThan(1100);
    const parsed = JSON.parse(matrix) as { shard: number[] };
    expect(parsed.shard).toEqual(Array.from({ length: 256 }, (_, i) => i + 1));
    const dir = tempDirForFile('fastest-plan-');
    const path = join(dir, 'plan.json');
    writeFileSync(path, JSON.stringify(plan));
    expect(readPlan(path)).toEqual(plan);
    const units = unitsForShard(plan, 3);
    expect(units.map((u) => u.file)).toEqual(plan.shards[2]?.units.map((u) => u.file));
    expect(units[0]?.expected).toBe(plan.shards[2]?.units[0]?.predicted);
    expect(() => unitsForShard(plan, 257)).toThrow(/shard 257 is not in the plan/);
    const broken = structuredClone(plan);
    const first = broken.shards[0]?.units[0];
    broken.shards[1]?.units.push({ file: first?.file ?? '', ids: unitTestIds(first!), predicted: 1 });
    writeFileSync(path, JSON.stringify(broken));
    expect(() => readPlan(path)).toThrow(/is planned twice/);
    writeFileSync(path, '{"version":2}');
    expect(() => readPlan(path)).toThrow(/unsupported version 2/);
    writeFileSync(path, 'nope');
    expect(() => readPlan(path)).toThrow(/not valid JSON/);
    expect(() => readPlan(join(dir, 'absent.json'))).toThrow(/cannot read plan/);
  });

  it('plans 100,000 tests into 256 shards, each test in exactly one', () => {
    // How long this takes is measured by bench/shard.mjs, not asserted here.
    const random = rng(7);
    const items: TestItem[] = [];
    const timings = emptyTimings();
    for (let i = 0; i < 100_000; i++) {
      const id = `tests/p${i % 37}/test_m${i % 2000}.py::test_${i}`;
      items.push(item(id, i));
      timings.tests[id] = Math.exp(random() * 4 - 5);
    }
    const plan = makePlan(items, timings, { shards: 256 });
    assertPartition(plan, items);
    expect(plan.shards).toHaveLength(256);
  }, 30_000);
});

describe('timings', () => {
  const project = join(__dirname, 'fixtures', 'junit-project');
  let junit: string;
  beforeAll(() => {
    const dir = tempDirForFile('fastest-timings-');
    junit = join(dir, 'run.xml');
    spawnSync('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${junit}`, 'tests/sub'], { cwd: project, env: pythonEnv });
  }, 30_000);

  it('learns test seconds and module setup from a real pytest run', () => {
    const run = observeRun([readJUnitFile(junit)]);
    const setup = run.modules.get('tests/sub/test_slow_setup.py') ?? 0;
    expect(setup).toBeGreaterThan(0.25); // the module fixture sleeps 0.3 s
    expect(setup).toBeLessThan(0.6);
    const first = run.tests.get('tests/sub/test_slow_setup.py::test_one') ?? 0;
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(0.1); // the setup was taken off the first test
    const store = learnTimings(emptyTimings(), run);
    expect(store.runs).toBe(1);
    expect(Object.keys(store.tests)).toHaveLength(4);
    // A second run with different times moves halfway (EWMA weight 0.5).
    const twice = learnTimings(store, { tests: new Map([['tests/sub/test_slow_setup.py::test_two', 1]]), modules: new Map() });
    const before = store.tests['tests/sub/test_slow_setup.py::test_two'] ?? 0;
    expect(twice.tests['tests/sub/test_slow_setup.py::test_two']).toBeCloseTo((before + 1) / 2, 6);
    expect(twice.tests['tests/sub/test_slow_setup.py::test_one']).toBe(store.tests['tests/sub/test_slow_setup.py::test_one']);
  });

  it('ignores corrupt or foreign stores with a warning', () => {
    expect(parseTimings('{', 't.json').warning).toMatch(/t\.json: not valid JSON/);
    expect(parseTimings('{"version":1,"tests":{"a":-1},"modules":{},"runs":1}', 't.json').warning).toMatch(/"tests" entry "a"/);
    expect(parseTimings('{"durations":{}}', 'other.json').warning).toMatch(/unsupported version/);
    expect(parseTimings('[1]', 't.json').store).toEqual(emptyTimings());
    expect(loadTimings('/nonexistent/timings.json')).toEqual({ store: emptyTimings() });
  });

  it('estimates never zero: own time, file mean, directory mean, suite median, param cases', () => {
    const store = emptyTimings();
    store.tests = {
      'a/b/test_x.py::test_1': 2,
      'a/b/test_x.py::test_2': 4,
      'a/test_y.py::test_1': 10,
      'c/test_z.py::test_0': 0,
      'a/test_y.py::test_p[1]': 1,
      'a/test_y.py::test_p[2]': 2,
    };
    const est = new Estimator(store);
    expect(est.test(item('a/b/test_x.py::test_1', 1))).toBe(2);
    expect(est.test(item('a/b/test_x.py::test_new', 1))).toBe(3);
    expect(est.test(item('a/b/test_new.py::test_new', 1))).toBe(3); // directory a/b
    expect(est.test(item('a/c/test_new.py::test_new', 1))).toBeCloseTo(19 / 5); // directory a
    expect(est.test(item('z/test_new.py::test_new', 1))).toBe(2); // suite median of 0,1,2,2,4,10
    expect(est.test(item('c/test_z.py::test_0', 1))).toBeGreaterThan(0);
    expect(est.test(item('a/test_y.py::test_p', 1, true))).toBe(3); // dynamic: sum of its known cases
    const dyn = item('a/b/test_x.py::test_dyn', 1, true);
    dyn.marks = [{ name: 'parametrize', args: ['n', { py: 'list', items: [1, 2, 3] }], kwargs: {} }];
    expect(est.test(dyn)).toBe(9);
    expect(new Estimator(emptyTimings()).test(item('q.py::t', 1))).toBe(0.1);
  });

  it("a local run's own measures per file (run-cost.json) come after the store's file mean, before its directory and suite", () => {
    const store = emptyTimings();
    store.tests = { 'a/test_x.py::test_1': 2 };
    const measured = { 'a/test_x.py': { seconds: 100, tests: 1 }, 'a/test_slow.py': { seconds: 6, tests: 3 }, 'b/test_y.py': { seconds: 0, tests: 0 } };
    const est = new Estimator(store, measured);
    expect(est.test(item('a/test_x.py::test_new', 1))).toBe(2); // the store knows the file
    expect(est.test(item('a/test_slow.py::test_a', 1))).toBe(2); // 6 s over its 3 tests
    expect(est.test(item('b/test_y.py::test_a', 1))).toBe(2); // no test measured there: the suite median
    // with no store at all (no merge ever learned timings), the plan still follows the last run
    expect(new Estimator(emptyTimings(), { 'slow.py': { seconds: 8, tests: 2 } }).test(item('slow.py::t', 1))).toBe(4);
  });
});

describe('plan and merge commands', () => {
  const project = join(__dirname, 'fixtures', 'junit-project');
  const io = (): CommandIO & { out: string; err: string } => {
    const sink = { out: '', err: '', stdout: (t: string) => void (sink.out += t), stderr: (t: string) => void (sink.err += t) };
    return sink;
  };
  let collected: TestItem[];
  beforeAll(() => {
    const listing = spawnSync('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--collect-only', 'tests/sub', 'tests/test_outcomes.py'], {
      cwd: project,
      encoding: 'utf8',
      env: pythonEnv,
    }).stdout;
    collected = listing
      .split('\n')
      .filter((l) => l.includes('::'))
      .map((id, i) => item(id, i + 1));
  }, 30_000);

  it('rejects bad arguments with exit 4 and one line', async () => {
    const sink = io();
    expect(await planCommand(['--shards', 'x'], async () => collected, sink)).toBe(4);
    expect(sink.err).toBe("fastest plan: error: --shards expects a number from 1 to 256 or 'auto', got 'x'\n");
    expect(await planCommand([], async () => collected, io())).toBe(4);
    expect(await planCommand(['--shards', '2', '--bogus'], async () => collected, io())).toBe(4);
    expect(await planCommand(['--shards', '2'], async () => [], io())).toBe(5);
    expect(await mergeCommand(['/nonexistent/*.xml'], io())).toBe(4);
  });

  it('a file that is not a plan is a usage error for a run as for plan and merge: one line, exit 4', async () => {
    const dir = tempDirForFile('fastest-badplan-');
    const bad = join(dir, 'plan.json');
    writeFileSync(bad, '{}');
    const run = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'cli.js'), '--plan', bad, '--shard', '1', 'tests/sub'], {
      cwd: project,
      encoding: 'utf8',
      env: pythonEnv,
    });
    expect(run.stderr).toBe(`ERROR: plan ${bad} is invalid: unsupported version undefined\n`);
    expect(run.status).toBe(4);
    const sink = io();
    writeFileSync(join(dir, 'shard.xml'), '<testsuites><testsuite name="pytest"></testsuite></testsuites>');
    expect(await mergeCommand([join(dir, '*.xml'), '--plan', bad], sink)).toBe(4);
    expect(sink.err).toBe(`fastest merge: error: plan ${bad} is invalid: unsupported version undefined\n`);
  });

  it('plans, runs each shard under pytest, merges, and learns timings', async () => {
    const dir = tempDirForFile('fastest-cmd-');
    const planPath = join(dir, 'plan.json');
    const sink = io();
    const code = await planCommand(['--shards', '2', '--out', planPath, '--matrix', '--timings', join(dir, 'none.json')], async () => collected, sink);
    expect(code).toBe(0);
    expect(JSON.parse(sink.out)).toEqual({ shard: [1, 2] });
    const plan = readPlan(planPath);
    for (const shard of plan.shards) {
      const ids = shard.units.flatMap(unitTestIds);
      spawnSync(
        'python3',
        ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-o', 'junit_family=xunit1', `--junitxml=${join(dir, `shard-${shard.index}.xml`)}`, ...ids],
        { cwd: project, env: pythonEnv },
      );
    }
    const merged = join(dir, 'merged.xml');
    const summary = join(dir, 'summary.md');
    const timings = join(dir, 'timings.json');
    const mergeSink = io();
    const mergeCode = await mergeCommand(
      [join(dir, 'shard-*.xml'), '--plan', planPath, '--out', merged, '--summary', summary, '--timings-out', timings],
      mergeSink,
    );
    expect(mergeCode).toBe(1); // the fixture has failing tests
    expect(mergeSink.out).toBe('merged 2 of 2 JUnit file(s): 3 failed, 9 passed, 1 skipped, 1 xfailed, 2 errors\n');
    expect(readJUnitFile(merged).cases).toHaveLength(collected.length);
    expect(readFileSync(summary, 'utf8')).toContain('### Shard balance');
    const learned = loadTimings(timings);
    expect(learned.warning).toBeUndefined();
    expect(learned.store.runs).toBe(1);
    expect(learned.store.modules['tests/sub/test_slow_setup.py']).toBeGreaterThan(0.25);

    // Lose one shard's file: its tests are named as missing.
    const lostSink = io();
    expect(await mergeCommand([join(dir, 'shard-1.xml'), '--plan', planPath], lostSink)).toBe(1);
    const lost = plan.shards[1]?.units.flatMap(unitTestIds) ?? [];
    for (const id of lost) expect(lostSink.err).toContain(`  ${id}\n`);

    // A malformed file is named and skipped.
    writeFileSync(join(dir, 'shard-3.xml'), '<testsuites><testsuite>');
    const badSink = io();
    expect(await mergeCommand([join(dir, 'shard-*.xml'), '--plan', planPath], badSink)).toBe(1);
    expect(badSink.err).toContain(`skipping ${join(dir, 'shard-3.xml')}: malformed JUnit XML: unclosed <testsuite>`);
    expect(existsSync(timings)).toBe(true);

    // With learned timings, the next plan predicts the slow module's real cost.
    const next = io();
    expect(await planCommand(['--shards', '2', '--timings', timings], async () => collected, next)).toBe(0);
    const nextPlan = JSON.parse(next.out) as Plan;
    const slow = nextPlan.shards.flatMap((s) => s.units).filter((u) => u.file === 'tests/sub/test_slow_setup.py');
    expect(slow.reduce((s, u) => s + u.predicted, 0)).toBeGreaterThan(0.3);
  }, 60_000);
});
