// The native engine against real pytest on the same fixture projects: same ids in the same
// order, same outcome per id, same teardown errors, same order of fixture setup/teardown.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// pytest-asyncio and hypothesis, whose rules the native engine follows when they load: pytest autoloads the installed plugins in this file's runs (test/global-setup.ts).
process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD = '';

const run = promisify(execFile);
const HERE = new URL('.', import.meta.url).pathname;
const HARNESS = join(HERE, 'native_harness.py');
const BASIC = join(HERE, 'fixtures', 'native-basic');
const UNSUPPORTED = join(HERE, 'fixtures', 'native-unsupported');
const hasPytestMock = spawnSync('python3', ['-c', 'import pytest_mock']).status === 0;

interface Frame {
  t: string;
  id?: string;
  file?: string;
  outcome?: string;
  when?: string;
  message?: string;
  longrepr?: string;
  teardownError?: { longrepr: string; message: string };
  reason?: string | null;
  sections?: [string, string][];
}

interface PytestOutcome {
  id: string;
  outcome: string;
  when: string;
  teardownError?: boolean;
}

function testFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== '__pycache__' && !name.startsWith('.')) walk(full);
      } else if (/^test_.*\.py$/.test(name)) {
        found.push(relative(root, full));
      }
    }
  };
  walk(root);
  return found.sort();
}

function parseLines<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as T);
}

async function runNative(root: string, args: string[], env: Record<string, string> = {}): Promise<Frame[]> {
  const { stdout } = await run('python3', [HARNESS, root, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseLines<Frame>(stdout);
}

async function runPytest(root: string, outFile: string, env: Record<string, string>): Promise<PytestOutcome[]> {
  try {
    await run('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-p', 'native_pytest_outcomes', '-q', '--continue-on-collection-errors'], {
      cwd: root,
      env: { ...process.env, ...env, PYTHONPATH: HERE, NATIVE_PYTEST_OUT: outFile },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    // pytest exits 1 when tests fail: expected here
  }
  return parseLines<PytestOutcome>(readFileSync(outFile, 'utf8'));
}

describe('native engine vs pytest (native-basic)', () => {
  const work = mkdtempSync(join(tmpdir(), 'native-test-'));
  const pyLog = join(work, 'pytest.log');
  const nativeLog = join(work, 'native.log');
  let pytestResults: PytestOutcome[] = [];
  let frames: Frame[] = [];
  let results = new Map<string, Frame>();

  beforeAll(async () => {
    const files = testFiles(BASIC);
    [pytestResults, frames] = await Promise.all([
      runPytest(BASIC, join(work, 'pytest.jsonl'), { NATIVE_ORDER_LOG: pyLog }),
      runNative(BASIC, files, { NATIVE_ORDER_LOG: nativeLog }),
    ]);
    results = new Map(frames.filter((f) => f.t === 'result').map((f) => [f.id as string, f]));
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reports the same outcome for every test id', () => {
    const tests = pytestResults.filter((r) => r.id.includes('::'));
    expect(tests.length).toBeGreaterThan(100);
    const mismatches: string[] = [];
    for (const expected of tests) {
      const got = results.get(expected.id);
      const want = expected.outcome;
      if (got?.outcome !== want) mismatches.push(`${expected.id}: pytest ${want}, native ${got?.outcome}`);
      if (Boolean(expected.teardownError) !== Boolean(got?.teardownError)) {
        mismatches.push(`${expected.id}: teardown error pytest ${expected.teardownError}, native ${Boolean(got?.teardownError)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('reports the same ids in the same order, and nothing else', () => {
    const pytestIds = pytestResults.filter((r) => r.id.includes('::')).map((r) => r.id);
    const nativeIds = frames.filter((f) => f.t === 'result' && f.id?.includes('::')).map((f) => f.id);
    expect(nativeIds).toEqual(pytestIds);
  });

  it('sets up and tears down fixtures, xunit and unittest hooks in pytest order', () => {
    const expected = readFileSync(pyLog, 'utf8');
    expect(expected.length).toBeGreaterThan(100);
    expect(readFileSync(nativeLog, 'utf8')).toEqual(expected);
  });

  it('reports the same collection errors and module skips', () => {
    const pytestErrors = pytestResults
      .filter((r) => r.outcome === 'collect_error')
      .map((r) => r.id)
      .sort();
    const nativeErrors = frames
      .filter((f) => f.t === 'collect_error')
      .map((f) => f.file)
      .sort();
    expect(nativeErrors).toEqual(pytestErrors);
    const pytestSkips = pytestResults.filter((r) => r.when === 'collect' && r.outcome === 'skipped').map((r) => r.id);
    const nativeSkips = frames.filter((f) => f.t === 'result' && f.when === 'collect').map((f) => f.id);
    expect(nativeSkips).toEqual(pytestSkips);
  });

  it('emits start before each result and one unit_done per file', () => {
    let started: string | undefined;
    for (const frame of frames) {
      if (frame.t === 'start') started = frame.id;
      if (frame.t === 'result' && frame.when !== 'collect') expect(frame.id).toBe(started);
    }
    expect(frames.filter((f) => f.t === 'unit_done').length).toBe(testFiles(BASIC).length);
  });

  it("uses pytest's texts for collection and fixture errors", () => {
    const collect = new Map(frames.filter((f) => f.t === 'collect_error').map((f) => [f.file, f.message ?? '']));
    expect(collect.get('test_import_error.py')).toMatch(
      /^ImportError while importing test module '.*test_import_error\.py'\.\nHint: make sure your test modules\/packages have valid Python names\.\nTraceback:\n/,
    );
    expect(collect.get('test_import_error.py')).toContain("E   ModuleNotFoundError: No module named 'no_such_module_for_native_tests'");
    expect(collect.get('test_arity.py')).toBe(
      "test_arity.py::test_bad: in \"parametrize\" the number of names (2):\n  ['a', 'b']\n" + 'must be equal to the number of values (1):\n  (3,)',
    );
    expect(collect.get('test_name_error.py')).toContain("E   NameError: name 'undefined_name_at_import' is not defined");

    const unknown = results.get('test_errors.py::test_unknown');
    expect(unknown?.longrepr).toContain("E       fixture 'no_such_fixture' not found");
    expect(unknown?.longrepr).toContain(">       use 'pytest --fixtures [testpath]' for help on them.");
    expect(unknown?.longrepr).toMatch(/available fixtures: .*base_value/);
    const recursive = results.get('test_errors.py::test_recursive');
    expect(recursive?.longrepr).toContain("recursive dependency involving fixture 'rec_a' detected");
    expect(results.get('test_errors.py::test_no_yield')?.message).toBe('ValueError: never_yields did not yield a value');
    const teardown = results.get('test_errors.py::test_teardown_error_after_pass');
    expect(teardown?.outcome).toBe('passed');
    expect(teardown?.teardownError?.message).toBe('RuntimeError: teardown exploded');
    expect(teardown?.teardownError?.longrepr).toContain('>       raise RuntimeError("teardown exploded")');
  });

  it('formats failures like pytest --tb=auto', () => {
    const failure = results.get('test_marks.py::test_exception');
    // As pytest's terminal writes it: a blank line, then the source with its indentation.
    expect(failure?.longrepr).toBe('\n    def test_exception():\n>       {}["missing"]\nE       KeyError: \'missing\'\n\ntest_marks.py:121: KeyError');
    expect(failure?.message).toBe("KeyError: 'missing'");
    expect(results.get('test_marks.py::test_imperative_fail')?.message).toBe('Failed: imperative failure');
    expect(results.get('test_marks.py::test_skip_reason')?.message).toBe('because');
    expect(results.get('test_marks.py::test_xfail_notrun')?.message).toBe('[NOTRUN] not run');
    expect(results.get('test_marks.py::test_xfail_strict')?.longrepr).toBe('[XPASS(strict)] strict');
  });

  it('captures output per phase into sections', () => {
    expect(results.get('test_builtins.py::test_prints_and_fails')?.sections).toEqual([
      ['Captured stdout call', 'to stdout\n'],
      ['Captured stderr call', 'to stderr\n'],
    ]);
    expect(results.get('test_builtins.py::test_capsys')?.sections).toBeUndefined();
  });
});

describe('native engine: unsupported_reason', () => {
  it('names what the module needs from pytest plugins or hooks', async () => {
    const files = ['test_mocker.py', 'test_django_mark.py', 'test_fine.py', 'hooks/test_in_hooks.py', 'plugins/test_in_plugins.py'];
    const frames = await runNative(UNSUPPORTED, ['--check', ...files]);
    const reasons = Object.fromEntries(frames.map((f) => [f.file, f.reason]));
    // pytest-mock, when installed, is loaded by the native engine itself (native/plugins.py)
    if (hasPytestMock) expect(reasons['test_mocker.py']).toBeNull();
    else expect(reasons['test_mocker.py']).toMatch(/fixture 'mocker'/);
    expect(reasons['test_django_mark.py']).toMatch(/plugin mark 'django_db'/);
    expect(reasons['test_fine.py']).toBeNull();
    expect(reasons['hooks/test_in_hooks.py']).toMatch(/pytest hook pytest_runtest_makereport/);
    expect(reasons['plugins/test_in_plugins.py']).toMatch(/pytest_plugins/);
  });

  it("counts a conftest fixture's requests only for the modules that need the fixture", async () => {
    const files = ['params/test_plain.py', 'params/test_parametrized.py', 'params/test_unparametrized.py'];
    const frames = await runNative(UNSUPPORTED, ['--check', ...files]);
    const reasons = Object.fromEntries(frames.map((f) => [f.file, f.reason]));
    expect(reasons['params/test_plain.py']).toBeNull();
    expect(reasons['params/test_parametrized.py']).toBeNull();
    // (pytest errors it at setup: the pytest engine reports that as pytest does)
    expect(reasons['params/test_unparametrized.py']).toMatch(/fixture 'use_comm' is not defined/);
  });

  it("leaves pytest 9.1's block diff style (assertion_text_diff_style) to pytest", async () => {
    const block = await runNative(UNSUPPORTED, ['--check', '--ini', 'assertion_text_diff_style=block', 'test_fine.py']);
    expect(block.map((f) => f.reason)).toEqual(['assertion_text_diff_style = block is not supported natively']);
    const ndiff = await runNative(UNSUPPORTED, ['--check', '--ini', 'assertion_text_diff_style=ndiff', 'test_fine.py']);
    expect(ndiff.map((f) => f.reason)).toEqual([null]);
  });

  it('runs un-marked async tests under asyncio_mode = auto', async () => {
    const frames = await runNative(BASIC, ['--ini', 'asyncio_mode=auto', 'test_async.py']);
    const outcomes = Object.fromEntries(frames.filter((f) => f.t === 'result').map((f) => [f.id, f.outcome]));
    expect(outcomes).toEqual({
      'test_async.py::test_marked': 'passed',
      'test_async.py::test_marked_fails': 'failed',
      'test_async.py::test_unmarked': 'passed',
    });
  });

  it('runs selected ids and expands base ids of parametrized tests', async () => {
    const frames = await runNative(BASIC, ['--ids', 'test_params.py::test_stacked', '--ids', 'test_params.py::test_ids_list[second]', 'test_params.py']);
    const ids = frames.filter((f) => f.t === 'result').map((f) => f.id);
    expect(ids).toEqual([
      'test_params.py::test_ids_list[second]',
      'test_params.py::test_stacked[p-1]',
      'test_params.py::test_stacked[p-2]',
      'test_params.py::test_stacked[q-1]',
      'test_params.py::test_stacked[q-2]',
    ]);
    expect(existsSync(HARNESS)).toBe(true);
  });
});
