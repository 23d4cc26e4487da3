// Failure texts of the native engine as pytest prints them: a failing test's arguments (`capsys =
// <_pytest.capture.CaptureFixture object at 0x...>`: the stand-ins for pytest's builtin fixtures
// print as pytest's), and hypothesis's explanation of a failing example (which leaves out the
// assertion helpers, pytest's or fastest's).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixtureCopies, hasModule, normalOutput, runIn, writeLines, type Ran } from './helpers/against-pytest.js';

const { work, project } = fixtureCopies(join(__dirname, 'fixtures', 'native-basic'), 'fastest-failure-texts-');
const FIXTURES = [
  'capsys',
  'capfd',
  'capsysbinary',
  'capfdbinary',
  'capteesys',
  'monkeypatch',
  'caplog',
  'subtests',
  'recwarn',
  'pytestconfig',
  'request',
  'record_property',
  'record_testsuite_property',
  'record_xml_attribute',
  'doctest_namespace',
];

/** pytest, then fastest's native engine in one worker, on `args` in `dir`. */
async function pytestAndNative(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ pytest: Ran; fastest: Ran }> {
  const pytest = await runIn('python3', ['-m', 'pytest', ...args], dir, '', join(work, 'tmp'), env);
  const fastest = await runIn(process.execPath, [cli, ...args, '-n', '1', '--engine', 'native'], dir, '', join(work, 'tmp'), env);
  return { pytest, fastest };
}

/** The output without times and object addresses (`<... object at 0x>`). */
const withoutAddresses = (out: string) => normalOutput(out).replace(/0x[0-9a-f]+/g, '0x');

describe("builtin fixtures in a failure's arguments", () => {
  it('print as under pytest', async () => {
    const dir = project((d) =>
      writeLines(
        d,
        'tests/test_args.py',
        FIXTURES.flatMap((name) => [`def test_${name}(${name}):`, '    assert 0', '']),
      ),
    );
    const args = ['-p', 'no:cacheprovider', 'tests/test_args.py'];
    const { pytest, fastest } = await pytestAndNative(dir, args);
    expect(withoutAddresses(pytest.out)).toContain('capsys = <_pytest.capture.CaptureFixture object at 0x>');
    expect(withoutAddresses(fastest.out)).toBe(withoutAddresses(pytest.out));
  }, 60_000);
});

describe('a test that reads stdin while output is captured', () => {
  it("fails with pytest's traceback, its capture frames included", async () => {
    const dir = project((d) =>
      writeLines(d, 'tests/test_stdin.py', [
        'import sys',
        '',
        'def test_input():',
        '    input()',
        '',
        'def test_lines():',
        '    for line in sys.stdin:',
        '        pass',
        '',
        'def test_fileno():',
        '    sys.stdin.fileno()',
        '',
        'def test_buffer():',
        '    sys.stdin.buffer.seek(0)',
      ]),
    );
    const args = ['-p', 'no:cacheprovider', 'tests/test_stdin.py'];
    const { pytest, fastest } = await pytestAndNative(dir, args);
    expect(pytest.out).toMatch(/_pytest\/capture\.py:\d+: OSError/);
    expect(withoutAddresses(fastest.out)).toBe(withoutAddresses(pytest.out));
  }, 60_000);
});

describe('a module the command line names that python_files does not match', () => {
  it("has its assertions rewritten, as pytest's initial paths (lark: pytest tests/test_trees.py)", async () => {
    const dir = project((d) => writeLines(d, 'tests/check_values.py', ['def test_values():', '    assert 1 == 2, "msg"']));
    const args = ['-p', 'no:cacheprovider', 'tests/check_values.py'];
    const { pytest, fastest } = await pytestAndNative(dir, args);
    expect(pytest.out).toContain('E       assert 1 == 2');
    expect(normalOutput(fastest.out)).toBe(normalOutput(pytest.out));
  }, 60_000);
});

describe.skipIf(!hasModule('hypothesis'))("hypothesis's explanation of a failing example", () => {
  it('names no line of fastest', async () => {
    const dir = project((d) =>
      writeLines(d, 'tests/test_explained.py', [
        'from hypothesis import given, settings, strategies as st',
        '',
        '@settings(database=None, derandomize=True)',
        '@given(st.integers())',
        'def test_small(x):',
        '    assert x < 10',
        '',
      ]),
    );
    const args = ['-p', 'no:cacheprovider', 'tests/test_explained.py'];
    // hypothesis's own pytest plugin loaded, as it is wherever hypothesis is installed
    const withPlugins = { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '' };
    const { pytest, fastest } = await pytestAndNative(dir, args, withPlugins);
    expect(pytest.out).toMatch(/(Falsifying example|Failing test case): test_small\(/);
    expect(normalOutput(fastest.out)).toBe(normalOutput(pytest.out));
  }, 60_000);
});

describe("the ini's assertion verbosity and truncation limits", () => {
  // (filelock's pyproject sets verbosity_assertions = 2: pytest shows the full diff without -vv)
  for (const ini of [
    'verbosity_assertions = 2',
    'verbosity_assertions = 1',
    'truncation_limit_lines = 1\ntruncation_limit_chars = 30',
    'truncation_limit_lines = 0\ntruncation_limit_chars = 0',
  ]) {
    it(`${ini.replace('\n', ', ')}: the failure reads as under pytest`, async () => {
      const dir = project((d) => {
        writeLines(d, 'pytest.ini', ['[pytest]', ...ini.split('\n')]);
        writeLines(d, 'tests/test_diff.py', [
          'def test_tuple():',
          '    assert ("a" * 30, ("/path/to/lock",), {"k": "/path/to/lock"}) == ("a" * 30, ("/path/to/lock",))',
          '',
          'def test_dict():',
          '    assert {i: i for i in range(20)} == {i: i + 1 for i in range(20)}',
        ]);
      });
      const args = ['-p', 'no:cacheprovider', 'tests/test_diff.py'];
      const { pytest, fastest } = await pytestAndNative(dir, args, { CI: '' });
      const failures = (out: string) =>
        normalOutput(out)
          .split('\n')
          .filter((l) => l.startsWith('E '));
      expect(failures(pytest.out).length).toBeGreaterThan(2);
      expect(failures(fastest.out)).toEqual(failures(pytest.out));
    }, 60_000);
  }
});

describe("a unittest test's helper calling unittest's assertEqual (bottle's assertRenders)", () => {
  it("the helper's frame is short, as pytest marks it before it drops unittest's frames", async () => {
    const dir = project((d) =>
      writeLines(d, 'tests/test_helper.py', [
        'import unittest',
        '',
        'class T(unittest.TestCase):',
        '    def check(self, a, b):',
        '        self.assertEqual(a, b)',
        '',
        '    def test_x(self):',
        '        self.check(1, 2)',
      ]),
    );
    const args = ['-p', 'no:cacheprovider', 'tests/test_helper.py'];
    const { pytest, fastest } = await pytestAndNative(dir, args);
    expect(pytest.out).toContain('tests/test_helper.py:5: in check');
    expect(normalOutput(fastest.out)).toBe(normalOutput(pytest.out));
  }, 60_000);
});
