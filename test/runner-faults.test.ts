import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runUnits, SESSION_TEARDOWN, type RunOptions, type RunSummary } from '../src/runner/pool.js';
import { keepStdinFromWorkers } from '../src/runner/python.js';
import type { CollectionError, TestResult, Unit } from '../src/types.js';

const FAULTS = resolve(__dirname, 'fixtures/runner-faults');

interface Run {
  results: TestResult[];
  errors: CollectionError[];
  summary: RunSummary;
  outputBytes: number;
  unitsDone: string[];
}

async function run(files: string[], opts: Partial<RunOptions> = {}): Promise<Run> {
  const results: TestResult[] = [];
  const errors: CollectionError[] = [];
  const unitsDone: string[] = [];
  let outputBytes = 0;
  const units: Unit[] = files.map((file) => ({ file, ids: null, expected: 1 }));
  const summary = await runUnits(
    units,
    { rootdir: FAULTS, python: 'python3', workers: 2, engine: 'pytest', pytestArgs: [], capture: 'fd', verbose: 0, ...opts },
    {
      result: (r) => results.push(r),
      collectionError: (e) => errors.push(e),
      unitDone: (file) => unitsDone.push(file),
      workerOutput: (_w, text) => {
        outputBytes += text.length;
      },
      // under -s a test's own output comes as protocol frames (python/fastest_worker/output_order.py)
      testOutput: (_stream, text) => {
        outputBytes += text.length;
      },
    },
  );
  return { results, errors, summary, outputBytes, unitsDone };
}

function byId(results: TestResult[]): Map<string, TestResult> {
  const map = new Map<string, TestResult>();
  for (const r of results) {
    expect(map.has(r.id), `${r.id} reported twice`).toBe(false);
    map.set(r.id, r);
  }
  return map;
}

function outcomes(results: TestResult[]): Record<string, string> {
  return Object.fromEntries([...byId(results)].map(([id, r]) => [id, r.outcome]));
}

describe('worker faults: every test ends with exactly one result', () => {
  it('survives a segfault, os._exit and SIGKILL, requeueing the rest of each unit', async () => {
    const got = await run(['tests/test_segv.py', 'tests/test_exit.py', 'tests/test_kill.py']);
    expect(outcomes(got.results)).toEqual({
      'tests/test_segv.py::test_before': 'passed',
      'tests/test_segv.py::test_segfault': 'failed',
      'tests/test_segv.py::test_after': 'passed',
      'tests/test_exit.py::test_before': 'passed',
      'tests/test_exit.py::test_os_exit': 'failed',
      'tests/test_exit.py::test_after_one': 'passed',
      'tests/test_exit.py::test_after_two': 'passed',
      'tests/test_kill.py::test_sigkill': 'failed',
      'tests/test_kill.py::test_after': 'passed',
    });
    const r = byId(got.results);
    expect(r.get('tests/test_segv.py::test_segfault')!.message).toBe('worker crashed: killed by signal SIGSEGV');
    // faulthandler's dump from the worker's stderr names the test's frame.
    expect(r.get('tests/test_segv.py::test_segfault')!.longrepr).toContain('Fatal Python error: Segmentation fault');
    expect(r.get('tests/test_exit.py::test_os_exit')!.message).toBe('worker exited unexpectedly with code 3');
    expect(r.get('tests/test_kill.py::test_sigkill')!.message).toBe('worker crashed: killed by signal SIGKILL');
    expect(got.summary).toMatchObject({ interrupted: false, crashes: 3, timeouts: 0 });
    expect(got.errors).toEqual([]);
  });

  it('fails a test that passes --timeout where it hangs (pytest-timeout signal method) and goes on in the same worker', async () => {
    const got = await run(['tests/test_sleep.py'], { timeoutSeconds: 2, workers: 1 });
    expect(outcomes(got.results)).toEqual({
      'tests/test_sleep.py::test_quick': 'passed',
      'tests/test_sleep.py::test_hangs': 'failed',
      'tests/test_sleep.py::test_after': 'passed',
    });
    const hang = byId(got.results).get('tests/test_sleep.py::test_hangs')!;
    expect(hang.message).toBe('Failed: Timeout (>2.0s) from pytest-timeout.');
    expect(hang.longrepr).toContain('>       time.sleep(60)');
    expect(got.summary).toMatchObject({ crashes: 0, timeouts: 0 });
  }, 60_000);

  it('kills a test that passes --timeout under timeout_method = thread and goes on with a fresh worker', async () => {
    const got = await run(['tests/test_sleep.py', 'tests/test_stdin.py'], { timeoutSeconds: 2, ini: { timeout_method: 'thread' } });
    expect(outcomes(got.results)).toEqual({
      'tests/test_sleep.py::test_quick': 'passed',
      'tests/test_sleep.py::test_hangs': 'failed',
      'tests/test_sleep.py::test_after': 'passed',
      'tests/test_stdin.py::test_read_fd0': 'passed',
      // pytest's capture refuses stdin reads while capturing, as in plain pytest.
      'tests/test_stdin.py::test_read_sys_stdin': 'failed',
      'tests/test_stdin.py::test_after': 'passed',
    });
    const hang = byId(got.results).get('tests/test_sleep.py::test_hangs')!;
    expect(hang.message).toBe('Timeout (>2.0s)');
    expect(hang.duration).toBeGreaterThanOrEqual(1.9);
    expect(got.summary).toMatchObject({ crashes: 0, timeouts: 1 });
  }, 30_000);

  it('reads stdin as empty under -s when fastest keeps its stdin (fastest watch), and never touches the protocol', async () => {
    // (the CLI's -s gives the tests its stdin, as pytest -s: test/debugger.test.ts)
    keepStdinFromWorkers();
    const got = await run(['tests/test_stdin.py'], { capture: 'no', workers: 1 });
    expect(outcomes(got.results)).toEqual({
      'tests/test_stdin.py::test_read_fd0': 'passed',
      'tests/test_stdin.py::test_read_sys_stdin': 'passed',
      'tests/test_stdin.py::test_after': 'passed',
    });
  });

  it('streams 200 MB of output under -s without stalling', async () => {
    const got = await run(['tests/test_flood.py'], { capture: 'no', workers: 1 });
    expect(outcomes(got.results)).toEqual({
      'tests/test_flood.py::test_flood_stdout': 'passed',
      'tests/test_flood.py::test_flood_fd1': 'passed',
      'tests/test_flood.py::test_after': 'passed',
    });
    expect(got.outputBytes).toBeGreaterThan(220 * (1 << 20));
  }, 60_000);

  it('captures 200 MB of output and bounds what it sends', async () => {
    const got = await run(['tests/test_flood.py'], { capture: 'fd', workers: 1 });
    const r = byId(got.results);
    expect([...r.values()].map((x) => x.outcome)).toEqual(['passed', 'passed', 'passed']);
    const flood = r.get('tests/test_flood.py::test_flood_stdout')!;
    const [name, text] = flood.sections![0];
    expect(name).toBe('Captured stdout call');
    expect(text.length).toBeLessThan(2 * (1 << 20));
    expect(text).toContain('characters truncated by fastest');
    expect(r.get('tests/test_flood.py::test_after')!.sections).toEqual([['Captured stdout call', 'small\n']]);
    expect(got.outputBytes).toBeLessThan(1 << 20);
  }, 60_000);

  it('ends the run as pytest does when a test calls pytest.exit()', async () => {
    const got = await run(['tests/test_exit_call.py'], { workers: 1 });
    expect(outcomes(got.results)).toEqual({ 'tests/test_exit_call.py::test_first': 'passed' });
    expect(got.summary).toMatchObject({
      interrupted: true,
      interruptMessage: '_pytest.outcomes.Exit: stop everything',
      interruptExitCode: 7,
    });
  });

  it('reports a failing session-fixture teardown at the end, as pytest counts an error', async () => {
    const dir = resolve(__dirname, 'fixtures/runner-sessionerr');
    const results: TestResult[] = [];
    const errors: CollectionError[] = [];
    await runUnits(
      [{ file: 'test_uses_resource.py', ids: null, expected: 1 }],
      { rootdir: dir, python: 'python3', workers: 1, engine: 'pytest', pytestArgs: [], capture: 'fd', verbose: 0 },
      { result: (r) => results.push(r), collectionError: (e) => errors.push(e), unitDone: () => {} },
    );
    expect(results.map((r) => [r.id, r.outcome])).toEqual([['test_uses_resource.py::test_one', 'passed']]);
    expect(errors.length).toBe(1);
    expect(errors[0].file).toBe(SESSION_TEARDOWN);
    expect(errors[0].message).toContain('RuntimeError: session teardown exploded');
  });

  it('reports a crash while importing a module as its collection error', async () => {
    const got = await run(['tests/test_collect_segv.py', 'tests/test_kill.py'], { workers: 1 });
    expect(got.errors.map((e) => e.file)).toEqual(['tests/test_collect_segv.py']);
    expect(got.errors[0].message).toContain('killed by signal SIGSEGV while collecting tests/test_collect_segv.py');
    expect(outcomes(got.results)).toEqual({
      'tests/test_kill.py::test_sigkill': 'failed',
      'tests/test_kill.py::test_after': 'passed',
    });
    expect(got.summary.crashes).toBe(2);
    expect(got.unitsDone.sort()).toEqual(['tests/test_collect_segv.py', 'tests/test_kill.py']);
  });
});

describe('scheduling long units', () => {
  // Dealt by estimates that are wrong: test_ahead_short (expected 3 s) takes 0.1 s, test_ahead_long
  // (1.2 s) takes 3 s. The worker that runs test_ahead_long also owns test_ahead_last (expected
  // 1.5 s): were it sent ahead, the other worker, idle after 0.1 s, could not take it.
  it('does not send a long unit ahead to a busy worker: the worker that runs dry takes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fastest-ahead-'));
    const saved = process.env.AHEAD_RUN_LOG;
    process.env.AHEAD_RUN_LOG = join(dir, 'ran');
    try {
      const units: Unit[] = [
        { file: 'tests/test_ahead_short.py', ids: null, expected: 3 },
        { file: 'tests/test_ahead_long.py', ids: null, expected: 1.2 },
        { file: 'tests/test_ahead_last.py', ids: null, expected: 1.5 },
      ];
      const results: TestResult[] = [];
      await runUnits(
        units,
        { rootdir: FAULTS, python: 'python3', workers: 2, engine: 'native', pytestArgs: [], capture: 'fd', verbose: 0 },
        { result: (r) => results.push(r), collectionError: () => {}, unitDone: () => {} },
      );
      expect(outcomes(results)).toEqual({
        'tests/test_ahead_short.py::test_short': 'passed',
        'tests/test_ahead_long.py::test_long': 'passed',
        'tests/test_ahead_last.py::test_last': 'passed',
      });
      const pidOf = Object.fromEntries(
        readFileSync(join(dir, 'ran'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => line.split(' ')),
      );
      expect(pidOf.last).toBe(pidOf.short);
      expect(pidOf.long).not.toBe(pidOf.short);
    } finally {
      if (saved === undefined) delete process.env.AHEAD_RUN_LOG;
      else process.env.AHEAD_RUN_LOG = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(['pytest', 'native'] as const)('results batched through the state file (%s engine)', (engine) => {
  // A batch of results is sent after 60 s here, so the tests before the fault are in the worker's
  // spool, not yet sent, when it dies: Node reads them from the state file (docs/protocol.md).
  async function batched(files: string[], opts: Partial<RunOptions>): Promise<{ got: Run; ran: string[] }> {
    const dir = mkdtempSync(join(tmpdir(), 'fastest-batch-'));
    const saved = { log: process.env.BATCH_RUN_LOG, batch: process.env.FASTEST_RESULT_BATCH_SECONDS };
    process.env.BATCH_RUN_LOG = join(dir, 'ran');
    process.env.FASTEST_RESULT_BATCH_SECONDS = '60';
    try {
      const got = await run(files, { engine, workers: 1, ...opts });
      return { got, ran: readFileSync(join(dir, 'ran'), 'utf8').trim().split('\n') };
    } finally {
      for (const [name, value] of [
        ['BATCH_RUN_LOG', saved.log],
        ['FASTEST_RESULT_BATCH_SECONDS', saved.batch],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('keeps the results spooled before a crash, names the crashing test and runs nothing twice', async () => {
    // test_batch_next.py is sent ahead while test_batch_crash.py runs: it runs on the fresh worker.
    const { got, ran } = await batched(['tests/test_batch_crash.py', 'tests/test_batch_next.py'], {});
    expect(outcomes(got.results)).toEqual({
      'tests/test_batch_next.py::test_next': 'passed',
      'tests/test_batch_crash.py::test_one': 'passed',
      'tests/test_batch_crash.py::test_two': 'passed',
      'tests/test_batch_crash.py::test_three': 'passed',
      'tests/test_batch_crash.py::test_crash': 'failed',
      'tests/test_batch_crash.py::test_after': 'passed',
    });
    const r = byId(got.results);
    expect(r.get('tests/test_batch_crash.py::test_crash')!.message).toBe('worker exited unexpectedly with code 3');
    expect(r.get('tests/test_batch_crash.py::test_two')!.sections).toEqual([['Captured stdout call', "two's output\n"]]);
    expect(ran).toEqual(['one', 'two', 'three', 'crash', 'after', 'next']);
    expect(got.summary).toMatchObject({ crashes: 1, timeouts: 0 });
  });

  it('keeps the results spooled before a hang that --timeout ends, and names the hanging test', async () => {
    const { got, ran } = await batched(['tests/test_batch_hang.py'], { timeoutSeconds: 2, ini: { timeout_method: 'thread' } });
    expect(outcomes(got.results)).toEqual({
      'tests/test_batch_hang.py::test_one': 'passed',
      'tests/test_batch_hang.py::test_two': 'passed',
      'tests/test_batch_hang.py::test_hang': 'failed',
      'tests/test_batch_hang.py::test_after': 'passed',
    });
    const hang = byId(got.results).get('tests/test_batch_hang.py::test_hang')!;
    expect(hang.message).toBe('Timeout (>2.0s)');
    expect(hang.duration).toBeGreaterThanOrEqual(1.9);
    expect(ran).toEqual(['one', 'two', 'hang', 'after']);
    expect(got.summary).toMatchObject({ crashes: 0, timeouts: 1 });
  }, 30_000);

  it('-x: the unit sent ahead runs none of its tests', async () => {
    const { got, ran } = await batched(['tests/test_batch_fail.py', 'tests/test_batch_next.py'], { maxfail: 1 });
    expect(outcomes(got.results)).toEqual({ 'tests/test_batch_fail.py::test_fail': 'failed' });
    expect(ran).toEqual(['fail']);
    expect(got.summary.stoppedEarly).toBe(true);
  });
});

describe.each(['pytest', 'native'] as const)('malformed frames from a worker (%s engine)', (engine) => {
  const FRAMES = resolve(__dirname, 'fixtures/runner-frames');
  const hostile: Record<string, RegExp> = {
    garbage: /^worker protocol error: undecodable MessagePack/,
    bad_outcome: /^worker protocol error: result for tests\/test_x\.py::test_y: 'outcome' is "bogus", not one of passed\/failed/,
    huge_length: /^worker protocol error: a frame announces 4294967295 bytes/,
    unknown_kind: /^worker protocol error: unknown frame kind "exec"$/,
    not_a_map: /^worker protocol error: the frame is not a map$/,
    bad_sections: /^worker protocol error: result for tests\/test_x\.py::test_y: 'sections' is not a list$/,
  };

  it('fails the test that wrote it with a protocol error, and loses no other result', async () => {
    const files = [...Object.keys(hostile).map((kind) => `tests/test_${kind}.py`), 'tests/test_fine.py'];
    const got = await run(files, { rootdir: FRAMES, engine, workers: 2 });
    const results = byId(got.results);
    expect(got.errors).toEqual([]);
    expect(got.unitsDone.sort()).toEqual([...files].sort());
    for (const [kind, problem] of Object.entries(hostile)) {
      const file = `tests/test_${kind}.py`;
      expect(results.get(`${file}::test_before`)?.outcome, kind).toBe('passed');
      expect(results.get(`${file}::test_after`)?.outcome, kind).toBe('passed');
      const culprit = results.get(`${file}::test_writes_${kind}`)!;
      expect(culprit.outcome, kind).toBe('failed');
      expect(culprit.message, kind).toMatch(problem);
    }
    for (let n = 0; n < 20; n++) expect(results.get(`tests/test_fine.py::test_fine[${n}]`)?.outcome).toBe('passed');
    expect(results.has('tests/test_x.py::test_y')).toBe(false);
    expect(got.results.length).toBe(6 * 3 + 20);
    expect(got.summary.crashes).toBe(6);
  });
});
