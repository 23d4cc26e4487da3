import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runUnits, type RunOptions, type RunSummary, type UnitDoneInfo, type UnitCollected } from '../src/runner/pool.js';
import { makeUnits, OrderedQueues, unitsInItemOrder } from '../src/runner/schedule.js';
import { benchmarksMeasured } from '../src/cli/pytest-options.js';
import { checkPython, findPython, pythonRuntimeDir } from '../src/runner/python.js';
import { RunnerError } from '../src/runner/errors.js';
import { encodeFrame, FrameReader, type MalformedFrame, type NodeFrame, type WorkerFrame } from '../src/runner/frames.js';
import type { CollectionError, TestItem, TestResult, Unit } from '../src/types.js';

const BASIC = resolve(__dirname, 'fixtures/runner-basic');
const PY = 'python3';

interface Run {
  results: TestResult[];
  errors: CollectionError[];
  done: { file: string; info: UnitDoneInfo }[];
  collected: UnitCollected[];
  summary: RunSummary;
  output: string;
  ms: number;
}

async function run(units: Unit[], opts: Partial<RunOptions> & { rootdir: string }): Promise<Run> {
  const results: TestResult[] = [];
  const errors: CollectionError[] = [];
  const done: Run['done'] = [];
  const collected: UnitCollected[] = [];
  let output = '';
  const t0 = performance.now();
  const summary = await runUnits(
    units,
    { python: PY, workers: 2, engine: 'pytest', pytestArgs: [], capture: 'fd', verbose: 0, ...opts },
    {
      result: (r) => results.push(r),
      collectionError: (e) => errors.push(e),
      unitDone: (file, info) => done.push({ file, info }),
      unitCollected: (info) => collected.push(info),
      workerOutput: (_w, text) => {
        if (output.length < 1 << 20) output += text;
      },
    },
  );
  return { results, errors, done, collected, summary, output, ms: performance.now() - t0 };
}

const PHANTOMS = resolve(__dirname, 'fixtures/truth-phantoms');

const wholeFiles = (files: string[]): Unit[] => files.map((file) => ({ file, ids: null, expected: 1 }));

/** Per-id outcomes from real pytest's `-v` lines; a second ERROR line is a teardown error. */
function pytestOutcomes(cwd: string, args: string[]) {
  const proc = spawnSync(PY, ['-m', 'pytest', '-v', '-rs', '-p', 'no:cacheprovider', '--continue-on-collection-errors', ...args], {
    cwd,
    encoding: 'utf8',
  });
  const outcomes = new Map<string, string>();
  const teardownErrors = new Set<string>();
  const collectErrors = new Set<string>();
  const skipLines = new Set<string>();
  const names: Record<string, string> = {
    PASSED: 'passed',
    FAILED: 'failed',
    ERROR: 'error',
    SKIPPED: 'skipped',
    XFAIL: 'xfailed',
    XPASS: 'xpassed',
  };
  for (const line of proc.stdout.split('\n')) {
    const m = /^(\S+::\S+?) (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\b/.exec(line);
    if (m) {
      if (outcomes.has(m[1]) && m[2] === 'ERROR') teardownErrors.add(m[1]);
      else outcomes.set(m[1], names[m[2]]);
    }
    const c = /^_+ ERROR collecting (\S+) _+$/.exec(line);
    if (c) collectErrors.add(c[1]);
    const s = /^SKIPPED \[\d+\] (\S+): (.*)$/.exec(line);
    if (s) skipLines.add(`${s[1]}: ${s[2]}`);
  }
  return { outcomes, teardownErrors, collectErrors, skipLines, stdout: proc.stdout };
}

describe('python discovery', () => {
  it('finds the runtime dir and a working interpreter', async () => {
    expect(pythonRuntimeDir()).toBe(resolve(__dirname, '../python'));
    expect(findPython('/opt/py')).toBe('/opt/py');
    expect(await checkPython(PY)).toMatch(/^3\.\d+\.\d+$/);
  });

  it('rejects a missing interpreter with exit code 3 and one line', async () => {
    await expect(checkPython('/nonexistent/python3')).rejects.toThrow(RunnerError);
    try {
      await checkPython('/nonexistent/python3');
    } catch (e) {
      expect((e as RunnerError).exitCode).toBe(3);
      expect((e as Error).message).not.toContain('\n');
    }
    await expect(run(wholeFiles(['tests/test_unittest.py']), { rootdir: BASIC, python: '/nonexistent/python3' })).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('not found'),
    });
  });

  const py38 = '/root/.pyenv/versions/3.8.18/bin/python3.8';
  it.skipIf(!existsSync(py38))('rejects Python < 3.9 in one line, before and inside a run', async () => {
    await expect(checkPython(py38)).rejects.toThrow(/^fastest needs Python >= 3\.9, but .* is 3\.8\.\d+$/);
    await expect(run(wholeFiles(['tests/test_unittest.py']), { rootdir: BASIC, python: py38 })).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/^Python worker failed to start: fastest needs Python >= 3\.9, found 3\.8/),
    });
  });

  it('turns bad pytest arguments into a usage error', async () => {
    await expect(run(wholeFiles(['tests/test_unittest.py']), { rootdir: BASIC, pytestArgs: ['--no-such-option'] })).rejects.toMatchObject({
      exitCode: 4,
      message: expect.stringContaining('--no-such-option'),
    });
  });
});

describe('start-up errors', () => {
  it('a broken root conftest stops the run with exit code 4, as pytest does', async () => {
    const dir = resolve(__dirname, 'fixtures/runner-badconftest');
    const ref = spawnSync(PY, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: dir, encoding: 'utf8' });
    expect(ref.status).toBe(4);
    await expect(run(wholeFiles(['test_x.py']), { rootdir: dir })).rejects.toMatchObject({
      exitCode: 4,
      // pytest's own text, printed as it is
      verbatim: true,
      message: expect.stringMatching(
        /^ImportError while loading conftest '.*conftest\.py'\.\n[^]*\nE +ModuleNotFoundError: No module named 'module_that_is_not_there'\n$/,
      ),
    });
  });
});

describe('pytest engine against real pytest', () => {
  const files = [
    'tests/test_outcomes.py',
    'tests/pkg/test_module_fixtures.py',
    'tests/test_collect_error.py',
    'tests/test_syntax_error.py',
    'tests/test_module_skip.py',
    'tests/test_unittest.py',
  ];

  it('gives every test pytest’s outcome with -n 2', async () => {
    const ref = pytestOutcomes(BASIC, files);
    // -v on both sides: verbosity changes assertion diffs in the failure text.
    const got = await run(wholeFiles(files), { rootdir: BASIC, verbose: 1 });
    expect(got.summary).toEqual({ interrupted: false, crashes: 0, timeouts: 0 });

    const ids = got.results.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length); // exactly one result per id
    const mine = new Map(got.results.filter((r) => r.when !== 'collect').map((r) => [r.id, r.outcome as string]));
    expect(Object.fromEntries(mine)).toEqual(Object.fromEntries(ref.outcomes));
    expect(new Set(got.results.filter((r) => r.teardownError).map((r) => r.id))).toEqual(ref.teardownErrors);
    expect(new Set(got.errors.map((e) => e.file))).toEqual(ref.collectErrors);
    // Failure texts are pytest's own, as its FAILURES/ERRORS sections print them.
    const failures = got.results.filter((r) => r.outcome === 'failed' || r.outcome === 'error');
    expect(failures.length).toBeGreaterThan(5);
    const noAddr = (text: string) => text.replace(/0x[0-9a-f]+/g, '0x?');
    const refText = noAddr(ref.stdout);
    for (const r of failures) expect(refText).toContain(noAddr(r.longrepr!));
    for (const r of got.results.filter((x) => x.teardownError)) expect(refText).toContain(noAddr(r.teardownError!.longrepr));
    for (const e of got.errors) expect(refText).toContain(noAddr(e.message));
    // Skip locations and reasons as pytest's -rs summary prints them.
    expect(new Set(got.results.filter((r) => r.outcome === 'skipped').map((r) => r.longrepr))).toEqual(ref.skipLines);
    // The module-level skip is one skipped entry under the module id, as pytest counts it.
    expect(got.results.find((r) => r.id === 'tests/test_module_skip.py')).toMatchObject({
      outcome: 'skipped',
      when: 'collect',
      message: 'whole module skipped',
    });
    // Both workers took part, each with its own session (the session fixture asserts == 1).
    expect(new Set(got.results.map((r) => r.worker))).toEqual(new Set([0, 1]));
    expect(got.done.map((d) => d.file).sort()).toEqual([...files].sort());
  });

  it('fills in the result fields the reporters need', async () => {
    const got = await run(wholeFiles(['tests/test_outcomes.py']), { rootdir: BASIC, workers: 1 });
    const byId = new Map(got.results.map((r) => [r.id, r]));
    const fail = byId.get('tests/test_outcomes.py::test_fail')!;
    expect(fail).toMatchObject({
      outcome: 'failed',
      when: 'call',
      file: 'tests/test_outcomes.py',
      line: 10,
      message: 'assert 3 == 4',
      engine: 'pytest',
      worker: 0,
    });
    expect(fail.longrepr).toContain('>       assert x == 4');
    expect(fail.longrepr).toContain('E       assert 3 == 4');
    const printed = byId.get('tests/test_outcomes.py::test_print_fail')!;
    // pytest's reprcrash message, whole; the console shows its first line except on CI
    expect(printed.message).toBe('ValueError: boom\nsecond line');
    expect(printed.sections).toEqual([
      ['Captured stdout call', 'out line\n'],
      ['Captured stderr call', 'err line\n'],
    ]);
    expect(byId.get('tests/test_outcomes.py::test_fixture_error')).toMatchObject({
      outcome: 'error',
      when: 'setup',
      message: 'RuntimeError: fixture exploded',
    });
    expect(byId.get('tests/test_outcomes.py::test_teardown_error')).toMatchObject({
      outcome: 'passed',
      teardownError: { message: 'ValueError: teardown exploded' },
    });
    expect(byId.get('tests/test_outcomes.py::test_skip')).toMatchObject({
      outcome: 'skipped',
      when: 'setup',
      message: 'not today',
      longrepr: 'tests/test_outcomes.py:29: not today',
    });
    expect(byId.get('tests/test_outcomes.py::test_xfail')).toMatchObject({ outcome: 'xfailed', message: 'known bug' });
    expect(byId.get('tests/test_outcomes.py::test_xpass_strict')).toMatchObject({
      outcome: 'failed',
      message: '[XPASS(strict)] must fail',
    });
    for (const r of got.results) expect(r.duration).toBeGreaterThanOrEqual(0);
  });

  it('honours --tb from the pytest arguments', async () => {
    const unit: Unit = { file: 'tests/test_outcomes.py', ids: ['tests/test_outcomes.py::test_fail'], expected: 1 };
    const ref = spawnSync(PY, ['-m', 'pytest', '-p', 'no:cacheprovider', '--tb=short', unit.ids![0]], { cwd: BASIC, encoding: 'utf8' });
    const got = await run([unit], { rootdir: BASIC, workers: 1, pytestArgs: ['--tb=short'] });
    expect(got.results[0].longrepr).toBe('tests/test_outcomes.py:12: in test_fail\n    assert x == 4\nE   assert 3 == 4');
    expect(ref.stdout).toContain(got.results[0].longrepr);
  });

  it('runs a subset of a module, expands dynamic ids, and declares ids the module does not produce not collected', async () => {
    const engine = 'pytest';
    const unit: Unit = {
      file: 'tests/test_outcomes.py',
      ids: [
        'tests/test_outcomes.py::test_pass',
        'tests/test_outcomes.py::test_generated', // parametrized by pytest_generate_tests at run time
        'tests/test_outcomes.py::TestGroup::test_three[b]',
        'tests/test_outcomes.py::test_gone',
      ],
      expected: 1,
    };
    const got = await run([unit], { rootdir: BASIC, workers: 1, engine });
    // Not collected is not an error: no result at all, as pytest never collects it.
    expect(got.results.map((r) => [r.id, r.outcome])).toEqual([
      ['tests/test_outcomes.py::test_pass', 'passed'],
      ['tests/test_outcomes.py::test_generated[0]', 'passed'],
      ['tests/test_outcomes.py::test_generated[10]', 'passed'],
      ['tests/test_outcomes.py::test_generated[20]', 'passed'],
      ['tests/test_outcomes.py::TestGroup::test_three[b]', 'failed'],
    ]);
    expect(got.errors).toEqual([]);
    expect(got.collected).toHaveLength(1);
    expect(got.collected[0]).toMatchObject({ file: unit.file, unitIds: unit.ids, missing: ['tests/test_outcomes.py::test_gone'], retry: false });
    // The module's whole list comes along once, so Node learns the file's true ids.
    const ref = spawnSync(PY, ['-m', 'pytest', '-p', 'no:cacheprovider', '--collect-only', '-q', unit.file], { cwd: BASIC, encoding: 'utf8' });
    const pytestIds = ref.stdout.split('\n').filter((l) => l.startsWith(unit.file + '::'));
    expect(got.collected[0].module).toEqual(pytestIds);
  });

  it.each(['pytest', 'native'] as const)('%s engine: phantom ids are not collected, lost ones still get an error', async (engine) => {
    const file = 'tests/test_phantoms.py';
    const unit: Unit = {
      file,
      ids: [`${file}::test_windows_only`, `${file}::test_env_only`, `${file}::Helper`, `${file}::test_cases`, `${file}::test_deleted`, `${file}::test_plain`],
      expected: 1,
    };
    const got = await run([unit], { rootdir: PHANTOMS, workers: 1, engine });
    expect(got.results.map((r) => [r.id, r.outcome, r.engine])).toEqual([
      [`${file}::test_cases[1]`, 'passed', engine],
      [`${file}::test_cases[2]`, 'passed', engine],
      [`${file}::test_cases[3]`, 'passed', engine],
      [`${file}::test_plain`, 'passed', engine],
    ]);
    expect(got.errors).toEqual([]);
    expect(got.collected.map((c) => c.missing)).toEqual([[`${file}::test_windows_only`, `${file}::test_env_only`, `${file}::Helper`, `${file}::test_deleted`]]);
  });

  it('still reports an error for a listed id that was collected but got no result (lost)', async () => {
    const file = 'tests/test_static.py';
    process.env.FASTEST_NATIVE_ENGINE = 'lossy_engine:LossyEngine';
    try {
      const got = await run([{ file, ids: [`${file}::test_one`, `${file}::test_two`], expected: 1 }], { rootdir: PHANTOMS, workers: 1, engine: 'native' });
      expect(got.results.map((r) => [r.id, r.outcome, r.message])).toEqual([
        [`${file}::test_one`, 'passed', undefined],
        [`${file}::test_two`, 'error', `not run: the worker reported no result for ${file}::test_two`],
      ]);
    } finally {
      delete process.env.FASTEST_NATIVE_ENGINE;
    }
  });

  it('keeps session fixtures per worker and tears module fixtures down per unit', async () => {
    // One worker runs the same module twice (as two halves) and another module in between:
    // the module fixture is set up again for the second half, the session fixture is not.
    const mod = 'tests/pkg/test_module_fixtures.py';
    const units: Unit[] = [
      { file: mod, ids: [`${mod}::test_a`], expected: 3 },
      { file: 'tests/test_unittest.py', ids: null, expected: 2 },
      { file: mod, ids: [`${mod}::test_b`, `${mod}::TestK::test_c`], expected: 1 },
    ];
    const got = await run(units, { rootdir: BASIC, workers: 1 });
    // test_b asserts EVENTS == ['setup']: true only if the first half's module teardown ran
    // (EVENTS is module state and the module is imported once) -- it appends 'teardown' first.
    const b = got.results.find((r) => r.id === `${mod}::test_b`)!;
    expect(b.outcome).toBe('failed');
    expect(b.longrepr).toContain("['setup', 'teardown', 'setup']");
    expect(got.results.find((r) => r.id === `${mod}::TestK::test_c`)!.outcome).toBe('passed');
  });

  it('tears session fixtures down once per worker, at the end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fastest-runner-session-'));
    process.env.RUNNER_TEST_SESSION_DIR = dir;
    try {
      const units = wholeFiles(['tests/test_unittest.py', 'tests/pkg/test_module_fixtures.py', 'tests/test_outcomes.py']);
      await run(units, { rootdir: BASIC, workers: 2 });
      const markers = readdirSync(dir).sort();
      expect(markers.map((m) => m.split('-')[0])).toEqual(['w0', 'w1']);
      // A worker sets the session fixture up at most once, however many units use it.
      const setups = markers.map((m) => readFileSync(join(dir, m), 'utf8'));
      for (const n of setups) expect(['0', '1']).toContain(n);
      expect(setups).toContain('1');
    } finally {
      delete process.env.RUNNER_TEST_SESSION_DIR;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops scheduling at --maxfail and cancels running units', async () => {
    const units = wholeFiles(['tests/test_outcomes.py', 'tests/test_unittest.py', 'tests/pkg/test_module_fixtures.py']);
    const got = await run(units, { rootdir: BASIC, workers: 1, maxfail: 1 });
    expect(got.summary.stoppedEarly).toBe(true);
    // test_pass then test_fail (the first failure); the rest of the unit and the queue are dropped.
    expect(got.results.map((r) => r.id)).toEqual(['tests/test_outcomes.py::test_pass', 'tests/test_outcomes.py::test_fail']);
  });

  it('cancels the other workers’ units after the failure when --maxfail is reached', async () => {
    const units: Unit[] = [
      { file: 'tests/test_outcomes.py', ids: null, expected: 1 },
      { file: 'tests/test_slow.py', ids: null, expected: 4 },
      { file: 'tests/test_unittest.py', ids: null, expected: 1 },
    ];
    const got = await run(units, { rootdir: BASIC, workers: 2, maxfail: 1 });
    expect(got.summary.stoppedEarly).toBe(true);
    const slow = got.results.filter((r) => r.id.startsWith('tests/test_slow.py'));
    // The slow unit comes after the failing one: it stopped at a test boundary, long before its 40
    // tests (on a loaded machine the failure can come before its first test: every worker
    // imports every module first).
    expect(slow.length).toBeLessThan(40);
    expect(got.results.some((r) => r.id.startsWith('tests/test_unittest.py'))).toBe(false);
    expect(got.done.map((d) => d.file).sort()).toEqual(['tests/test_outcomes.py', 'tests/test_slow.py']);
  });

  it('runs the units before the failure to their end when --maxfail is reached, as pytest ran them', async () => {
    const units: Unit[] = [
      { file: 'tests/test_slow.py', ids: null, expected: 4 },
      { file: 'tests/test_outcomes.py', ids: null, expected: 1 },
      { file: 'tests/test_unittest.py', ids: null, expected: 1 },
    ];
    const got = await run(units, { rootdir: BASIC, workers: 2, maxfail: 1 });
    expect(got.summary.stoppedEarly).toBe(true);
    // pytest runs test_slow.py's 40 tests, then test_outcomes.py up to its first failure, and
    // nothing after it
    expect(got.results.filter((r) => r.id.startsWith('tests/test_slow.py'))).toHaveLength(40);
    expect(got.results.some((r) => r.id.startsWith('tests/test_unittest.py'))).toBe(false);
    expect(got.results.filter((r) => r.outcome === 'failed' || r.outcome === 'error')).toHaveLength(1);
    // (test_unittest.py may have been sent ahead to the failing worker, which then skips it whole)
    expect(got.done.map((d) => d.file)).toEqual(expect.arrayContaining(['tests/test_outcomes.py', 'tests/test_slow.py']));
  });

  it('kills the workers and reports an interrupt when the signal aborts', async () => {
    const controller = new AbortController();
    const pids: number[] = [];
    let results = 0;
    const summary = await runUnits(
      wholeFiles(['tests/test_slow.py', 'tests/test_outcomes.py']),
      { rootdir: BASIC, python: PY, workers: 2, engine: 'pytest', pytestArgs: [], capture: 'fd', verbose: 0, signal: controller.signal },
      {
        result: () => {
          if (++results === 3) controller.abort();
        },
        collectionError: () => {},
        unitDone: () => {},
        workerReady: (_w, info) => pids.push(info.pid),
      },
    );
    expect(summary.interrupted).toBe(true);
    expect(pids.length).toBe(2);
    await new Promise((r) => setTimeout(r, 300));
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe('engine selection', () => {
  const AUTO = resolve(__dirname, 'fixtures/runner-auto');
  const files = ['tests/test_plain.py', 'tests/test_hooks.py'];

  async function withFakeNative<T>(fn: () => Promise<T>): Promise<T> {
    process.env.FASTEST_NATIVE_ENGINE = 'fake_native:FakeEngine';
    try {
      return await fn();
    } finally {
      delete process.env.FASTEST_NATIVE_ENGINE;
    }
  }

  it('auto runs native where it can and falls back to pytest with the reason', async () => {
    const got = await withFakeNative(() => run(wholeFiles(files), { rootdir: AUTO, engine: 'auto', workers: 1 }));
    expect(got.results.map((r) => [r.id, r.outcome, r.engine])).toEqual([
      ['tests/test_plain.py::test_native_marker', 'passed', 'native'],
      ['tests/test_hooks.py::test_needs_pytest', 'passed', 'pytest'],
    ]);
    expect(got.done.map((d) => [d.file, d.info.engine, d.info.reason])).toEqual([
      ['tests/test_plain.py', 'native', null],
      ['tests/test_hooks.py', 'pytest', 'conftest defines pytest hooks'],
    ]);
  });

  it('native turns an unsupported module into a collection error', async () => {
    const got = await withFakeNative(() => run(wholeFiles(files), { rootdir: AUTO, engine: 'native', workers: 1 }));
    expect(got.results.map((r) => r.id)).toEqual(['tests/test_plain.py::test_native_marker']);
    expect(got.errors).toEqual([
      { file: 'tests/test_hooks.py', message: 'native engine cannot run tests/test_hooks.py: conftest defines pytest hooks', refused: true },
    ]);
  });

  it('auto without a loadable native engine runs everything on pytest', async () => {
    process.env.FASTEST_NATIVE_ENGINE = 'no_such_module_here:Engine';
    try {
      const got = await run(wholeFiles(files), { rootdir: AUTO, engine: 'auto', workers: 1 });
      expect(got.results.map((r) => r.engine)).toEqual(['pytest', 'pytest']);
      for (const d of got.done) expect(d.info.reason).toMatch(/^native engine unavailable: No module named/);
      await expect(run(wholeFiles(files), { rootdir: AUTO, engine: 'native', workers: 1 })).rejects.toMatchObject({
        exitCode: 3,
        message: expect.stringContaining('native engine unavailable'),
      });
    } finally {
      delete process.env.FASTEST_NATIVE_ENGINE;
    }
  });
});

describe('frames', () => {
  const sample = {
    t: 'result',
    id: 'tests/test_x.py::TestC::test_m[1-a]',
    outcome: 'failed',
    when: 'call',
    duration: 0.125,
    line: 12,
    neg: -70000,
    big: 2 ** 40,
    ok: true,
    none: null,
    text: 'é ✓ ' + 'x'.repeat(70_000),
    sections: [['Captured stdout call', 'hi\n']],
    nested: { a: [1, 2, { b: 'c' }] },
  };

  it('the Python codec and msgpackr agree both ways', () => {
    const script = [
      'import sys, json, base64',
      `sys.path.insert(0, ${JSON.stringify(pythonRuntimeDir())})`,
      'from fastest_worker.msgpack import packb, unpackb, _py_packb, _py_unpackb',
      'data = base64.b64decode(sys.stdin.read())',
      'obj = _py_unpackb(data)',
      'sys.stdout.write(json.dumps({"decoded": obj, "packed": base64.b64encode(_py_packb(obj)).decode()}))',
    ].join('\n');
    const fromNode = encodeFrame(sample as unknown as NodeFrame).subarray(4);
    const out = execFileSync(PY, ['-c', script], { input: fromNode.toString('base64'), encoding: 'utf8' });
    const { decoded, packed } = JSON.parse(out) as { decoded: unknown; packed: string };
    expect(decoded).toEqual(sample);
    const frames: (WorkerFrame | MalformedFrame)[] = [];
    const body = Buffer.from(packed, 'base64');
    const header = Buffer.alloc(4);
    header.writeUInt32BE(body.length);
    // Byte-at-a-time and all-at-once delivery decode the same.
    const reader = new FrameReader((f) => frames.push(f));
    const whole = Buffer.concat([header, body, header, body]);
    for (let i = 0; i < 10; i++) reader.push(whole.subarray(i, i + 1));
    reader.push(whole.subarray(10));
    // Checked on arrival: a result keeps TestResult's fields only.
    const { id, outcome, when, duration, line, sections } = sample;
    const checked = { t: 'result', result: { id, outcome, when, duration, line, sections } };
    expect(frames).toEqual([checked, checked]);
  });

  it('a usual result packed by the worker fast path decodes in Node as the generic encoder’s', () => {
    const usual = {
      t: 'result',
      id: 'tests/test_x.py::test_é[1]',
      file: 'tests/test_x.py',
      engine: 'native',
      outcome: 'passed',
      when: 'call',
      duration: 0.25,
      line: 7,
      phases: { setup: 0.125, call: 0.0625, teardown: 0.03125 },
    };
    const script = [
      'import sys, json, base64',
      `sys.path.insert(0, ${JSON.stringify(pythonRuntimeDir())})`,
      'from fastest_worker.protocol import pack_result',
      'from fastest_worker.msgpack import packb',
      'frame = json.loads(sys.stdin.read())',
      'sys.stdout.write(json.dumps([base64.b64encode(pack_result(frame)).decode(), base64.b64encode(packb(frame)).decode()]))',
    ].join('\n');
    const packed = JSON.parse(execFileSync(PY, ['-c', script], { input: JSON.stringify(usual), encoding: 'utf8' })) as string[];
    const decoded = packed.map((text) => {
      const frames: (WorkerFrame | MalformedFrame)[] = [];
      const body = Buffer.from(text, 'base64');
      const header = Buffer.alloc(4);
      header.writeUInt32BE(body.length);
      new FrameReader((f) => frames.push(f)).push(Buffer.concat([header, body]));
      return frames;
    });
    expect(packed[0]).not.toEqual(packed[1]); // the fast path ran (its keys come in another order)
    const { t: _t, ...result } = usual;
    expect(decoded[0]).toEqual([{ t: 'result', result }]);
    expect(decoded[1]).toEqual(decoded[0]);
  });
});

describe('makeUnits', () => {
  const item = (file: string, name: string, cls?: string): TestItem => ({
    id: cls ? `${file}::${cls}::${name}` : `${file}::${name}`,
    file,
    line: 1,
    classes: cls ? [cls] : [],
    function: name,
    marks: [],
    dynamic: false,
  });

  it('keeps whole modules whole and lists ids only for partial selections', () => {
    const a = [item('a.py', 't1'), item('a.py', 't2')];
    const b = [item('b.py', 't1')];
    const units = makeUnits(
      new Map<string, TestItem[] | { items: TestItem[]; whole: boolean }>([
        ['a.py', a],
        ['b.py', { items: b, whole: false }],
      ]),
      new Map(),
      4,
    );
    expect(units).toEqual([
      { file: 'a.py', ids: null, expected: 0.02 },
      { file: 'b.py', ids: ['b.py::t1'], expected: 0.01 },
    ]);
  });

  it('splits a dominant module by test ids, keeping classes together', () => {
    const big = [
      item('big.py', 't1'),
      item('big.py', 'm1', 'C'),
      item('big.py', 'm2', 'C'),
      item('big.py', 'm3', 'C'),
      item('big.py', 't2'),
      item('big.py', 't3'),
      item('big.py', 't4'),
      item('big.py', 't5'),
    ];
    const small = [item('s.py', 'x')];
    const seconds = new Map<string, number>(big.map((i) => [i.id, 1]));
    seconds.set('s.py::x', 1);
    const units = makeUnits(
      new Map([
        ['big.py', big],
        ['s.py', small],
      ]),
      seconds,
      2,
    );
    const bigUnits = units.filter((u) => u.file === 'big.py');
    expect(bigUnits.length).toBe(2);
    expect(bigUnits.flatMap((u) => u.ids)).toEqual(big.map((i) => i.id));
    for (const u of bigUnits) {
      const hasClass = u.ids!.filter((id) => id.includes('::C::')).length;
      expect([0, 3]).toContain(hasClass);
    }
    expect(bigUnits.reduce((s, u) => s + u.expected, 0)).toBe(8);
    expect(units.find((u) => u.file === 's.py')).toEqual({ file: 's.py', ids: null, expected: 1 });
    // pytest-xdist's --dist loadscope / loadfile: the module's tests stay on one worker
    const whole = makeUnits(
      new Map([
        ['big.py', big],
        ['s.py', small],
      ]),
      seconds,
      2,
      true,
      true,
    );
    expect(whole.map((u) => [u.file, u.ids])).toEqual([
      ['big.py', null],
      ['s.py', null],
    ]);
  });

  it('pins benchmark modules to one worker only when pytest-benchmark measures them', () => {
    const bench = (file: string) => ({ ...item(file, 't1'), usesBenchmark: true as const });
    const byFile = new Map([
      ['b1.py', [bench('b1.py')]],
      ['a.py', [item('a.py', 't1')]],
      ['b2.py', [bench('b2.py')]],
    ]);
    const seconds = new Map([
      ['b1.py::t1', 5],
      ['a.py::t1', 0.01],
      ['b2.py::t1', 5],
    ]);
    const pinned = makeUnits(byFile, seconds, 2);
    expect(pinned[0]).toEqual({ file: 'b1.py', ids: null, expected: 5, benchmark: true });
    const together = new OrderedQueues(pinned, 2);
    expect([together.next(0)!.file, together.next(1)!.file]).toEqual(['b1.py', 'a.py']);
    // graphql-core (addopts = --benchmark-disable): its slow benchmark modules spread over the workers
    const unpinned = makeUnits(byFile, seconds, 2, false);
    expect(unpinned[0]).toEqual({ file: 'b1.py', ids: null, expected: 5 });
    const spread = new OrderedQueues(unpinned, 2);
    expect([spread.next(0)!.file, spread.next(1)!.file]).toEqual(['b1.py', 'b2.py']);
    expect(benchmarksMeasured([])).toBe(true);
    expect(benchmarksMeasured(['--benchmark-disable'])).toBe(false);
    expect(benchmarksMeasured(['--benchmark-disable', '--benchmark-enable'])).toBe(true);
    expect(benchmarksMeasured(['--benchmark-skip'])).toBe(false);
    expect(benchmarksMeasured(['--benchmark-skip', '--benchmark-only'])).toBe(true);
  });
});

describe('OrderedQueues', () => {
  const unit = (file: string, expected: number) => ({ file, ids: null, expected });
  const drain = (queues: OrderedQueues, workers: number, picks: number[]) => {
    const ran: string[][] = Array.from({ length: workers }, () => []);
    for (const w of picks) {
      const next = queues.next(w);
      if (next) ran[w].push(next.file);
    }
    return ran;
  };

  it('gives one worker every unit in collection order, whatever their lengths', () => {
    const units = [unit('a.py', 0.1), unit('b.py', 9), unit('c.py', 0.5), unit('d.py', 3)];
    expect(drain(new OrderedQueues(units, 1), 1, [0, 0, 0, 0, 0])).toEqual([['a.py', 'b.py', 'c.py', 'd.py']]);
  });

  it('balances expected time over workers, each in collection order', () => {
    const units = [unit('a.py', 1), unit('b.py', 8), unit('c.py', 1), unit('d.py', 3), unit('e.py', 3), unit('f.py', 1)];
    const queues = new OrderedQueues(units, 2);
    // dealt longest first to the least loaded: b (8) | d, e, a, c (8) | f to the first of equals
    const ran = drain(queues, 2, [1, 1, 1, 1, 0, 0]);
    expect(ran).toEqual([
      ['b.py', 'f.py'],
      ['a.py', 'c.py', 'd.py', 'e.py'],
    ]);
    expect(queues.size).toBe(0);
  });

  it('lets an idle worker take a later unit from the busiest one, never an earlier one', () => {
    const units = [unit('a.py', 5), unit('b.py', 1), unit('c.py', 1), unit('d.py', 1), unit('e.py', 1)];
    const queues = new OrderedQueues(units, 2);
    expect(queues.next(0)!.file).toBe('a.py');
    expect(queues.next(1)!.file).toBe('b.py');
    // worker 0 is still on a.py: worker 1 runs its own units in order
    expect(queues.next(1)!.file).toBe('c.py');
    expect(queues.next(1)!.file).toBe('d.py');
    expect(queues.next(1)!.file).toBe('e.py');
    expect(queues.next(1)).toBeUndefined();
    expect(queues.next(0)).toBeUndefined();
  });

  it('steals only what keeps the thief in order', () => {
    // worker 0: a (long); worker 1: b, c, d, e; worker 0 finishes a first and takes e, then d is earlier: not for it
    const units = [unit('a.py', 4), unit('b.py', 1), unit('c.py', 1), unit('d.py', 1), unit('e.py', 1)];
    const queues = new OrderedQueues(units, 2);
    expect(queues.next(0)!.file).toBe('a.py');
    expect(queues.next(0)!.file).toBe('e.py');
    expect(queues.next(0)).toBeUndefined();
    expect(drain(queues, 2, [1, 1, 1, 1])).toEqual([[], ['b.py', 'c.py', 'd.py']]);
  });

  it('puts what is left of a crashed unit first on its worker', () => {
    const units = [unit('a.py', 1), unit('b.py', 1)];
    const queues = new OrderedQueues(units, 1);
    const a = queues.next(0)!;
    const rest = { file: 'a.py', ids: ['a.py::t2'], expected: 0.5 };
    queues.putBack(0, rest, a);
    expect(queues.next(0)).toBe(rest);
    expect(queues.next(0)!.file).toBe('b.py');
  });
});

describe('per-test overhead', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fastest-runner-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // FASTEST_BENCH=1 measures the full 2,000 tests; by default 400 keep the suite quick.
  const files = process.env.FASTEST_BENCH ? 20 : 4;
  const total = files * 100;

  it(`runs ${total} trivial tests; reports the wall time against plain pytest`, async () => {
    mkdirSync(join(dir, 'tests'));
    writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
    const names: string[] = [];
    for (let f = 0; f < files; f++) {
      const body = Array.from({ length: 100 }, (_, i) => `def test_${i}():\n    assert ${i} == ${i}\n`).join('\n');
      const file = `tests/test_trivial_${f}.py`;
      writeFileSync(join(dir, file), body);
      names.push(file);
    }
    // Warm .pyc for both sides.
    execFileSync(PY, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--co'], { cwd: dir, stdio: 'ignore' });

    const t0 = performance.now();
    const plain = spawnSync(PY, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: dir, encoding: 'utf8' });
    const pytestMs = performance.now() - t0;
    expect(plain.stdout).toContain(`${total} passed`);

    const one = await run(wholeFiles(names), { rootdir: dir, workers: 1 });
    const two = await run(wholeFiles(names), { rootdir: dir, workers: 2 });
    for (const got of [one, two]) {
      expect(got.results.length).toBe(total);
      expect(got.results.every((r) => r.outcome === 'passed')).toBe(true);
    }
    const perTest = (ms: number) => ((ms * 1000) / total).toFixed(0);
    console.log(
      `${total} trivial tests: python3 -m pytest -q ${pytestMs.toFixed(0)} ms (${perTest(pytestMs)} us/test); ` +
        `pool, pytest engine: -n 1 ${one.ms.toFixed(0)} ms (${perTest(one.ms)} us/test), -n 2 ${two.ms.toFixed(0)} ms`,
    );
    // Speed is reported, not asserted (bench/run.mjs measures it): a timed assertion fails on slow days.
  }, 60_000);
});

describe('bytecode under PYTHONDONTWRITEBYTECODE=1 (workers write to .fastest/pycache)', () => {
  /** Whether fastest's own engine module has its bytecode beside its source, where Python keeps it
   * without PYTHONDONTWRITEBYTECODE (the engine is then not compiled again by a new project's first run). */
  const engineBytecodeBeside = (): boolean =>
    readdirSync(join(__dirname, '..', 'python', 'fastest_worker', 'native', '__pycache__')).some((name) => name.startsWith('engine.'));

  /** Every .pyc under `dir`, as paths relative to it. */
  function pycFiles(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return (readdirSync(dir, { recursive: true }) as string[]).filter((p) => p.endsWith('.pyc')).map((p) => p.split('\\').join('/'));
  }

  /** Runs the one test file under PYTHONDONTWRITEBYTECODE=1 on two workers; every .pyc written under the pycache prefix. */
  async function firstRun(file: string, source: string): Promise<string[]> {
    const cacheDir = mkdtempSync(join(tmpdir(), 'fastest-pycache-'));
    const saved = process.env.PYTHONDONTWRITEBYTECODE;
    process.env.PYTHONDONTWRITEBYTECODE = '1';
    try {
      const rootdir = join(cacheDir, 'project');
      mkdirSync(rootdir);
      writeFileSync(join(rootdir, file), source);
      const got = await run([{ file, ids: null, expected: 1 }], { rootdir, cacheDir, workers: 2, engine: 'native' });
      expect(got.results.map((r) => r.outcome)).toEqual(['passed']);
      return pycFiles(join(cacheDir, 'pycache'));
    } finally {
      if (saved === undefined) delete process.env.PYTHONDONTWRITEBYTECODE;
      else process.env.PYTHONDONTWRITEBYTECODE = saved;
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }

  it('a first run takes pytest from its installed bytecode instead of compiling it into the prefix', async () => {
    const pytestInit = execFileSync(PY, ['-c', 'import importlib.util as u; print(u.find_spec("pytest").origin)'], { encoding: 'utf8' }).trim();
    const installed = execFileSync(PY, ['-c', `import importlib.util as u; print(u.cache_from_source(${JSON.stringify(pytestInit)}))`], {
      encoding: 'utf8',
      env: { ...process.env, PYTHONPYCACHEPREFIX: '' },
    }).trim();
    if (!existsSync(installed)) return; // pytest installed without bytecode: nothing to take
    const written = await firstRun('test_one.py', 'def test_one():\n    assert 1 + 1 == 2\n');
    // fastest's own modules keep their bytecode beside their sources, not in the project's prefix ...
    expect(written.filter((p) => p.includes('fastest_worker/'))).toEqual([]);
    expect(engineBytecodeBeside()).toBe(true);
    // ... and pytest's modules came from the bytecode pip wrote beside them
    expect(written.filter((p) => /(^|\/)(_?pytest)\/(__init__|python|fixtures)\.[^/]*pyc$/.test(p))).toEqual([]);
  }, 60_000);

  it("a first run compiles nothing of the interpreter's own (standard library, site-packages) into the prefix, and the tests see the environment the user set", async () => {
    // The standard library's __pycache__ is what Python reads without a prefix; a prefix given to the
    // interpreter at its start would hide it from start-up imports (encodings, site, .pth files).
    const installDirs = JSON.parse(
      execFileSync(PY, ['-c', 'import sys, json; print(json.dumps(sorted({sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix})))'], {
        encoding: 'utf8',
      }),
    ) as string[];
    const stdlibCached = execFileSync(PY, ['-c', 'import importlib.util as u, os, encodings; print(os.path.exists(u.cache_from_source(encodings.__file__)))'], {
      encoding: 'utf8',
      env: { ...process.env, PYTHONPYCACHEPREFIX: '' },
    }).trim();
    if (stdlibCached !== 'True') return; // an interpreter installed without bytecode: nothing to read
    const written = await firstRun(
      'test_env.py',
      'import os\n\ndef test_env():\n    assert os.environ.get("PYTHONDONTWRITEBYTECODE") == "1"\n    assert "PYTHONPYCACHEPREFIX" not in os.environ\n    assert not any(k.startswith("FASTEST_PYCACHE") for k in os.environ)\n',
    );
    expect(engineBytecodeBeside()).toBe(true);
    expect(written.filter((p) => installDirs.some((dir) => `/${p}`.startsWith(`${dir}/`)))).toEqual([]);
  }, 60_000);

  it('keeps a PYTHONPYCACHEPREFIX the user set beside PYTHONDONTWRITEBYTECODE=1, and the tests see both', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'fastest-pycache-'));
    const userPrefix = join(cacheDir, 'user prefix');
    const saved = { PYTHONDONTWRITEBYTECODE: process.env.PYTHONDONTWRITEBYTECODE, PYTHONPYCACHEPREFIX: process.env.PYTHONPYCACHEPREFIX };
    process.env.PYTHONDONTWRITEBYTECODE = '1';
    process.env.PYTHONPYCACHEPREFIX = userPrefix;
    try {
      const rootdir = join(cacheDir, 'project');
      mkdirSync(rootdir);
      writeFileSync(
        join(rootdir, 'test_env.py'),
        `import os\n\ndef test_env():\n    assert os.environ["PYTHONDONTWRITEBYTECODE"] == "1"\n    assert os.environ["PYTHONPYCACHEPREFIX"] == ${JSON.stringify(userPrefix)}\n`,
      );
      const got = await run([{ file: 'test_env.py', ids: null, expected: 1 }], { rootdir, cacheDir, workers: 1, engine: 'native' });
      expect(got.results.map((r) => r.outcome)).toEqual(['passed']);
      expect(pycFiles(userPrefix).some((p) => p.includes('fastest_worker/native/engine.'))).toBe(true);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('unitsInItemOrder (--ff)', () => {
  const item = (file: string, name: string): TestItem => ({ id: `${file}::${name}`, file, line: 1, classes: [], function: name, marks: [], dynamic: false });

  it("cuts a module whose failed tests moved ahead into runs, in pytest's order", () => {
    const [a1, a2, a3, b1, b2, c1] = [item('a.py', 't1'), item('a.py', 't2'), item('a.py', 't3'), item('b.py', 't1'), item('b.py', 't2'), item('c.py', 't1')];
    // pytest's --ff order: a2 and b2 failed last time
    const ordered = [a2, b2, a1, a3, b1, c1];
    const fileUnits = makeUnits(
      new Map([
        ['a.py', [a1, a2, a3]],
        ['b.py', [b1, b2]],
        ['c.py', [c1]],
      ]),
      new Map(),
      1,
    );
    expect(unitsInItemOrder(ordered, [a1, a2, a3, b1, b2, c1], fileUnits, new Map()).map((u) => [u.file, u.ids])).toEqual([
      ['a.py', ['a.py::t2']],
      ['b.py', ['b.py::t2']],
      ['a.py', ['a.py::t1', 'a.py::t3']],
      ['b.py', ['b.py::t1']],
      ['c.py', null],
    ]);
  });

  it('cuts a single module where its failed test moved ahead', () => {
    const [a1, a2, a3] = [item('a.py', 't1'), item('a.py', 't2'), item('a.py', 't3')];
    const fileUnits = makeUnits(new Map([['a.py', [a1, a2, a3]]]), new Map(), 1);
    expect(unitsInItemOrder([a2, a1, a3], [a1, a2, a3], fileUnits, new Map()).map((u) => u.ids)).toEqual([['a.py::t2'], ['a.py::t1', 'a.py::t3']]);
  });

  it('keeps the file units when no module comes twice', () => {
    const [a1, b1] = [item('a.py', 't1'), item('b.py', 't1')];
    const fileUnits = makeUnits(
      new Map([
        ['b.py', [b1]],
        ['a.py', [a1]],
      ]),
      new Map(),
      1,
    );
    expect(unitsInItemOrder([b1, a1], [b1, a1], fileUnits, new Map())).toBe(fileUnits);
  });
});
