// How many workers a run starts (runner/run-cost.ts): a worker more only where it pays for its
// own start-up, from the last run's measures in .fastest/run-cost.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  COLD_UNLISTED_MODULE_TESTS,
  cpuSecondsOf,
  estimatedTestSeconds,
  listedModuleSeconds,
  readRunCost,
  recordedTestSeconds,
  workersWorthStarting,
  writeRunCost,
} from '../src/runner/run-cost.js';
import { aheadLists } from '../src/runner/prestart.js';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fastest-run-cost-'));
  made.push(dir);
  return dir;
}

describe('workersWorthStarting', () => {
  it('adds a worker only when it takes at least half its start-up off the wall time', () => {
    // 0.4 s of tests, 0.6 s a worker: a second saves 0.2 s < 0.3 s
    expect(workersWorthStarting(2, { tests: 0.4, longestFile: 0.1 }, 0.6)).toBe(1);
    // 2 s of tests: a second saves 1 s
    expect(workersWorthStarting(2, { tests: 2, longestFile: 0.1 }, 0.6)).toBe(2);
    // never more than asked
    expect(workersWorthStarting(1, { tests: 100, longestFile: 0.1 }, 0.1)).toBe(1);
    // a third saves 2/2 - 2/3 = 0.33 s >= 0.3; a fourth 0.17 s does not
    expect(workersWorthStarting(8, { tests: 2, longestFile: 0.1 }, 0.6)).toBe(3);
  });

  it('counts the longest file one worker runs whole', () => {
    // 0.81 s of tests, one file 0.53 s of it: two workers end at 0.53 s, saving 0.28 s < 0.335 s
    expect(workersWorthStarting(2, { tests: 0.81, longestFile: 0.53 }, 0.67)).toBe(1);
    expect(workersWorthStarting(2, { tests: 0.81, longestFile: 0.1 }, 0.67)).toBe(2);
  });
});

describe("a first run's workers", () => {
  it('counts each module as discovery lists it: its tests, or a module of tests made at collection', () => {
    expect(listedModuleSeconds(5)).toBeCloseTo(5 * 0.002);
    expect(listedModuleSeconds(0)).toBeCloseTo(COLD_UNLISTED_MODULE_TESTS * 0.002);
    // a worker (0.5 s) pays for itself from ~250 tests: 3 modules of 5 keep one, 3 of 100 take two
    const workers = (perModule: number) => workersWorthStarting(2, { tests: 3 * listedModuleSeconds(perModule), longestFile: 0 }, 0.5);
    expect([workers(5), workers(100)]).toEqual([1, 2]);
  });

  it('has the first worker rewrite every module ahead, the others their own share: they meet midway', () => {
    const files = ['a', 'b', 'c', 'd', 'e'];
    expect(aheadLists(files, 2, 0)).toEqual([
      ['a', 'c', 'e'],
      ['d', 'b'],
    ]);
    expect(aheadLists(files, 2, 1)).toEqual([['b', 'd']]);
    expect(aheadLists(files, 1, 0)).toEqual([files]);
    expect(aheadLists(['a'], 3, 2)).toEqual([]);
  });
});

describe('the run-cost record', () => {
  it('estimates a selection from the measured files, scaled by the tests selected, others at the mean', () => {
    const cost = { workerSeconds: 0.5, files: { 'a.py': { seconds: 1, tests: 10 }, 'b.py': { seconds: 3, tests: 10 } } };
    const got = estimatedTestSeconds(
      cost,
      new Map([
        ['a.py', 5],
        ['c.py', 2],
      ]),
    );
    expect(got.tests).toBeCloseTo(0.5 + 2 * 0.2);
    expect(got.longestFile).toBeCloseTo(0.5);
    // no record: a typical real test's time
    expect(estimatedTestSeconds(null, new Map([['a.py', 100]])).tests).toBeCloseTo(0.2);
    expect(recordedTestSeconds(cost)).toEqual({ tests: 4, longestFile: 0 }); // both files get cut (>= 1 s)
    // modules discovery lists no test of: their last measure, else COLD_UNLISTED_MODULE_TESTS tests each
    const unlisted = estimatedTestSeconds(cost, new Map([['a.py', 5]]), ['b.py', 'd.py', 'e.py', 'a.py']);
    expect(unlisted.tests).toBeCloseTo(0.5 + 3 + 2 * COLD_UNLISTED_MODULE_TESTS * 0.2);
    expect(estimatedTestSeconds(null, new Map(), ['d.py']).tests).toBeCloseTo(COLD_UNLISTED_MODULE_TESTS * 0.002);
  });

  it('merges a run into the record, keeps the median worker, and ignores what is not a record', () => {
    const dir = tempDir();
    expect(readRunCost(dir)).toBeNull();
    writeRunCost(dir, { workerSeconds: [0.3, 0.9, 0.5], files: new Map([['a.py', { seconds: 0.25, tests: 4 }]]) }, null);
    const first = readRunCost(dir);
    expect(first).toEqual({ workerSeconds: 0.5, files: { 'a.py': { seconds: 0.25, tests: 4 } } });
    writeRunCost(dir, { workerSeconds: [0.4], files: new Map([['b.py', { seconds: 1, tests: 2 }]]) }, first);
    expect(readRunCost(dir)).toEqual({ workerSeconds: 0.4, files: { 'a.py': { seconds: 0.25, tests: 4 }, 'b.py': { seconds: 1, tests: 2 } } });
    for (const text of ['{', '[]', 'null', '{"version":1,"workerSeconds":-1,"files":{}}', '{"version":2,"workerSeconds":1,"files":{}}']) {
      writeFileSync(join(dir, 'run-cost.json'), text);
      expect(readRunCost(dir), text).toBeNull();
    }
    writeFileSync(
      join(dir, 'run-cost.json'),
      '{"version":1,"workerSeconds":0.5,"files":{"a.py":{"seconds":"x","tests":1},"__proto__":{"seconds":1,"tests":1},"b.py":{"seconds":1,"tests":2}}}',
    );
    const hostile = readRunCost(dir);
    expect(Object.keys(hostile!.files).sort()).toEqual(['__proto__', 'b.py']);
    expect(({} as Record<string, unknown>).seconds).toBeUndefined();
  });

  it('reads a process CPU time on Linux', () => {
    if (process.platform !== 'linux') return;
    const cpu = cpuSecondsOf(process.pid);
    expect(cpu).toBeGreaterThanOrEqual(0);
    expect(cpuSecondsOf(2 ** 22 + 12345)).toBeUndefined();
  });
});

describe('worker count of a run', () => {
  /** A small project whose workers leave a file each (pid) in `out`. */
  function project(): { root: string; out: string; lib: string } {
    const base = tempDir();
    const root = join(base, 'proj');
    const out = join(base, 'out');
    const lib = join(base, 'lib');
    for (const dir of [join(root, 'tests'), out, lib]) mkdirSync(dir, { recursive: true });
    writeFileSync(join(root, 'pytest.ini'), '[pytest]\n');
    for (const name of ['a', 'b', 'c']) {
      writeFileSync(
        join(root, 'tests', `test_${name}.py`),
        `import pytest\n\n@pytest.mark.parametrize("x", range(5))\ndef test_${name}(x):\n    assert x < 5\n`,
      );
    }
    writeFileSync(
      join(lib, 'sitecustomize.py'),
      'import os, sys\nif "FASTEST_WORKER" in os.environ and "--warm-parent" not in sys.argv:\n' +
        '    open(os.path.join(os.environ["WORKERS_OUT"], "worker-%d" % os.getpid()), "w").close()\n',
    );
    return { root, out, lib };
  }

  function run(p: { root: string; out: string; lib: string }, args: string[] = []) {
    for (const name of readdirSync(p.out)) rmSync(join(p.out, name));
    const r = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', ...args], {
      cwd: p.root,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '', PYTHONPATH: p.lib, WORKERS_OUT: p.out, FASTEST_WARM_PARENT: '' },
    });
    return { code: r.status, out: r.stdout + r.stderr, started: readdirSync(p.out).length };
  }

  it('runs a small suite on one worker, and on as many as asked with -n', () => {
    if (availableParallelism() < 2) return;
    const p = project();
    const cold = run(p);
    expect(cold.code, cold.out).toBe(0);
    expect(cold.out).toContain('workers: 1, engine: ');
    // a first run's guess from the modules' size after the walk: one worker started, not one per core
    expect(cold.started).toBe(1);
    expect(cold.out).toMatch(/15 passed/);
    // measured: each file's tests, and a worker's start
    const cost = JSON.parse(readFileSync(join(p.root, '.fastest', 'run-cost.json'), 'utf8'));
    expect(Object.keys(cost.files).sort()).toEqual(['tests/test_a.py', 'tests/test_b.py', 'tests/test_c.py']);
    expect(cost.files['tests/test_a.py'].tests).toBe(5);
    expect(cost.workerSeconds).toBeGreaterThan(0);
    // warm: the one worker is the only one started
    const warm = run(p);
    expect(warm.code, warm.out).toBe(0);
    expect(warm.out).toContain('workers: 1, engine: ');
    expect(warm.started).toBe(1);
    const asked = run(p, ['-n', '2']);
    expect(asked.out).toContain('workers: 2, engine: ');
    expect(asked.out).toMatch(/15 passed/);
  });

  it("leaves what the next run reads from .fastest (compiling) out of a worker's start-up cost", () => {
    const p = project();
    // ~0.6-1 s of CPU to compile, paid by the first run only: its bytecode is kept in .fastest/pycache
    // (8,000 functions compiled in 0.29 s on a quick host, under the bar below)
    const body = Array.from({ length: 16000 }, (_, i) => `def f${i}(a, b):\n    x = a + b * ${i}\n    return [x, {"k": a}] if x > ${i} else (a, b)\n`);
    writeFileSync(join(p.lib, 'heavy_to_compile.py'), body.join(''));
    writeFileSync(join(p.root, 'tests', 'conftest.py'), 'import heavy_to_compile\n');
    const recorded = () => (JSON.parse(readFileSync(join(p.root, '.fastest', 'run-cost.json'), 'utf8')) as { workerSeconds: number }).workerSeconds;
    const compiling = spawnSync(
      'python3',
      [
        '-c',
        `import time; s = open(${JSON.stringify(join(p.lib, 'heavy_to_compile.py'))}).read(); t = time.process_time(); compile(s, "h", "exec"); print(time.process_time() - t)`,
      ],
      { encoding: 'utf8' },
    );
    const compileSeconds = Number(compiling.stdout);
    expect(compileSeconds).toBeGreaterThan(0.3);
    const cold = run(p);
    expect(cold.code, cold.out).toBe(0);
    const coldCost = recorded();
    const warm = run(p);
    expect(warm.code, warm.out).toBe(0);
    const warmCost = recorded();
    // before: the cold record held the compile (warm + ~1 s), and the next run started fewer workers
    expect(coldCost - warmCost).toBeLessThan(compileSeconds / 2);
  });

  it('counts on a first run the tests of modules discovery cannot list (made at collection)', () => {
    if (availableParallelism() < 2) return;
    const p = project();
    // tests made at import: no test function in the source, so discovery lists none; the
    // collection pass finds them. A first run counted no test in them and ran them on one worker.
    for (let m = 0; m < 60; m++) {
      writeFileSync(
        join(p.root, 'tests', `test_made_${m}.py`),
        `for _i in range(10):
    def _make(i=_i):
        def test(): assert i < 10
        return test
    globals()["test_made_%d" % _i] = _make()
`,
      );
    }
    const r = run(p);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('workers: 2, engine: ');
    expect(r.started).toBe(2);
    expect(r.out).toMatch(/615 passed/);
  });

  it('starts more workers where the last run measured enough test time to share', () => {
    if (availableParallelism() < 2) return;
    const p = project();
    mkdirSync(join(p.root, '.fastest'));
    const slow = { seconds: 5, tests: 5 };
    writeFileSync(
      join(p.root, '.fastest', 'run-cost.json'),
      JSON.stringify({ version: 1, workerSeconds: 0.3, files: { 'tests/test_a.py': slow, 'tests/test_b.py': slow, 'tests/test_c.py': slow } }),
    );
    const r = run(p);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`workers: 2, engine: `);
    expect(r.started).toBe(2);
    expect(r.out).toMatch(/15 passed/);
  });
});
