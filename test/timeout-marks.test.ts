// pytest-timeout's `timeout` mark (the real plugin, from the test environment's `apart` directory):
// a test's own limit, method and func_only replace the run's. Each engine times a marked test by
// its mark, and Node's end of the worker (the backstop at 2 × limit + 5 s under the `signal`
// method, the limit itself under `thread`) follows the mark too: before, a test marked with a
// longer limit than the run's, or with none (`timeout(0)`), was killed at the run's; and a test
// timed from its call only (func_only) whose setup outlasted the backstop was killed in its
// setup. In the auto engine a marked module now runs natively; one whose mark pytest-timeout
// refuses goes to pytest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, runIn, summaryLine, writeLines } from './helpers/against-pytest.js';

let proj: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  proj = mkdtempSync(join(tmpdir(), 'fastest-timeout-marks-'));
  // pytest-timeout autoloaded from its entry point, as in a project that installs it
  env = { PYTHONPATH: join(process.env.VIRTUAL_ENV ?? '', 'apart'), PYTEST_DISABLE_PLUGIN_AUTOLOAD: '' };
  writeLines(proj, 'pytest.ini', ['[pytest]', 'timeout = 0.25']);
  writeLines(proj, 'test_signal.py', [
    'import time',
    '',
    'import pytest',
    '',
    '',
    '@pytest.fixture',
    'def slow_fixture():',
    '    time.sleep(1)',
    '',
    '',
    '@pytest.mark.timeout(10)',
    'def test_own_longer_limit():  # past the backstop for the run limit (2 x 0.25 + 5 s)',
    '    time.sleep(6)',
    '',
    '',
    '@pytest.mark.timeout(0)',
    'def test_no_limit():',
    '    time.sleep(1)',
    '',
    '',
    '@pytest.mark.timeout(timeout=0.5)',
    'def test_own_shorter_limit():',
    '    time.sleep(0.25)',
    '    time.sleep(3)',
    '',
    '',
    'def test_run_limit():',
    '    time.sleep(3)',
    '',
    '',
    '@pytest.mark.timeout(5, func_only=True)',
    'def test_func_only(slow_fixture):',
    '    pass',
    '',
    '',
    '@pytest.fixture',
    'def slower_fixture():',
    '    time.sleep(6)',
    '',
    '',
    '@pytest.mark.timeout(func_only=True)',
    'def test_func_only_setup_past_the_backstop(slower_fixture):  # the clock starts with the call',
    '    pass',
    '',
    '',
    '@pytest.mark.timeout(5)',
    'class TestMarkedClass:',
    '    def test_inherits_the_class_limit(self):',
    '        time.sleep(1)',
  ]);
  writeLines(proj, 'test_thread.py', [
    'import time',
    '',
    'import pytest',
    '',
    '',
    '@pytest.mark.timeout(6)',
    'def test_own_longer_limit():',
    '    time.sleep(1.5)',
    '',
    '',
    '@pytest.mark.timeout(0)',
    'def test_no_limit():',
    '    time.sleep(1.5)',
    '',
    '',
    '@pytest.mark.timeout(6, "signal")',
    'def test_own_method():',
    '    time.sleep(1.5)',
    '',
    '',
    'def test_quick():',
    '    pass',
  ]);
  writeLines(proj, 'bad/test_bad_mark.py', ['import pytest', '', '', '@pytest.mark.timeout("soon")', 'def test_bad():', '    pass']);
});
afterAll(() => rmSync(proj, { recursive: true, force: true }));

/** The `-rA` short summary lines without their messages (cut to the terminal's width), sorted. */
function outcomes(out: string): string[] {
  return out
    .split('\n')
    .filter((line) => /^(PASSED|FAILED|ERROR|SKIPPED) /.test(line))
    .map((line) => line.split(' - ')[0]!)
    .sort();
}

function run(engine: string | null, args: string[]) {
  const temp = join(proj, '.tmp', engine ?? 'pytest');
  if (engine === null) return runIn('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-rA', ...args], proj, '', temp, env);
  return runIn(
    process.execPath,
    [cli, '-p', 'no:cacheprovider', '--no-cache', '-n', '2', '-rA', '--engine', engine, '--show-engines', ...args],
    proj,
    '',
    temp,
    env,
  );
}

describe("pytest-timeout's timeout mark", () => {
  it('signal method: each engine holds a marked test to its own limit, and Node ends the worker by it', async () => {
    const [pytest, ...fastest] = await Promise.all([null, 'native', 'auto', 'pytest'].map((engine) => run(engine, ['test_signal.py'])));
    expect(outcomes(pytest!.out)).toEqual([
      'FAILED test_signal.py::test_own_shorter_limit',
      'FAILED test_signal.py::test_run_limit',
      'PASSED test_signal.py::TestMarkedClass::test_inherits_the_class_limit',
      'PASSED test_signal.py::test_func_only',
      'PASSED test_signal.py::test_func_only_setup_past_the_backstop',
      'PASSED test_signal.py::test_no_limit',
      'PASSED test_signal.py::test_own_longer_limit',
    ]);
    for (const f of [pytest!, ...fastest]) {
      expect(f.out).toMatch(/^_+ test_own_shorter_limit _+\n[^]*^E\s+Failed: Timeout \(>0\.5s\) from pytest-timeout\.$/m);
      expect(f.out).toMatch(/^_+ test_run_limit _+\n[^]*^E\s+Failed: Timeout \(>0\.25s\) from pytest-timeout\.$/m);
    }
    // each engine's outcomes at once: on 2057608 the native engine refused the marks, and the
    // pytest engine's worker was ended at 5.5 s, in test_own_longer_limit
    expect(fastest.map((f) => outcomes(f.out))).toEqual(fastest.map(() => outcomes(pytest!.out)));
    for (const f of fastest) {
      expect(summaryLine(f.out)).toBe(summaryLine(pytest!.out));
      expect(f.code).toBe(pytest!.code);
    }
    expect(fastest[1]!.out).toContain('test_signal.py: native engine');
    // the shorter limit fails the test where it hangs, in the call
    expect(fastest[0]!.out).toMatch(/>\s+time\.sleep\(3\)\nE\s+Failed: Timeout \(>0\.5s\) from pytest-timeout\./);
  }, 120_000);

  it('thread method: Node ends the worker at a marked test’s own limit, or not at all under timeout(0)', async () => {
    const args = ['-o', 'timeout_method=thread', '-o', 'timeout=1', 'test_thread.py'];
    const [pytest, ...fastest] = await Promise.all([null, 'native', 'auto', 'pytest'].map((engine) => run(engine, args)));
    expect(summaryLine(pytest!.out)).toBe('4 passed');
    expect(fastest.map((f) => outcomes(f.out))).toEqual(fastest.map(() => outcomes(pytest!.out)));
    expect(fastest.map((f) => f.code)).toEqual([0, 0, 0]);
  }, 120_000);

  // pytest's session ends in an internal error (exit 3); fastest reports the pytest engine's
  // error as the module's error (exit 2: README, known differences)
  it('a mark pytest-timeout refuses sends its module to the pytest engine, where the plugin refuses it', async () => {
    const [pytest, auto] = await Promise.all([run(null, ['bad']), run('auto', ['bad'])]);
    expect(pytest.code).toBe(3);
    expect(pytest.out).toContain('ValueError: Invalid timeout soon from marker');
    expect(auto.out).toContain('bad/test_bad_mark.py: pytest engine');
    expect(auto.code).toBe(2);
    expect(auto.out + auto.err).toContain('ValueError: Invalid timeout soon from marker');
    expect(auto.out).not.toMatch(/\bpassed\b/);
  }, 120_000);
});
