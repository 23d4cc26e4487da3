// Issue 13 item 9: what a pytest user reads is pytest's: -rs lines (order, folding, paths), a
// module-level skip in JUnit, and -v without fastest's own lines. Compared with real pytest.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = join(__dirname, '..', 'dist', 'cli.js');
let dir: string;

const FILES: Record<string, string> = {
  'pytest.ini': '[pytest]\n',
  // a later file's skips, finished first by the other worker
  'tests/test_a_skips.py':
    'import pytest\n\n\ndef test_s1():\n    pytest.skip("r1")\n\n\n@pytest.mark.skip(reason="r2")\ndef test_s2():\n    pass\n\n\n@pytest.mark.skip(reason="r1")\ndef test_s3():\n    pass\n',
  'tests/test_z_module.py': 'import pytest\n\npytest.skip("whole module", allow_module_level=True)\n\n\ndef test_never():\n    pass\n',
  // a doctest text file (collected by default) whose every example is skipped: pytest names its own doctest.py
  'tests/test_m_doc.txt': '>>> 1  # doctest: +SKIP\n2\n',
  'tests/test_n_plain.py': 'def test_ok():\n    pass\n',
  // skipped by a mark the test function does not carry itself: pytest's -rs line has no line number
  'tests/test_b_marked.py':
    'import pytest\n\npytestmark = pytest.mark.skip(reason="marked module")\n\n\ndef test_m1():\n    pass\n\n\ndef test_m2():\n    pass\n',
  'tests/test_c_class.py':
    'import pytest\n\n\n@pytest.mark.skip(reason="marked class")\nclass TestSkipped:\n    def test_k(self):\n        pass\n\n\n@pytest.mark.skip(reason="own mark")\ndef test_own():\n    pass\n',
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-output-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the command printed in `cwd`, whatever its exit code. */
async function execIn(cwd: string, command: string, args: string[]): Promise<string> {
  const env = { ...process.env, PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1', GITHUB_ACTIONS: '', CI: '' };
  try {
    return (await run(command, args, { cwd, env })).stdout;
  } catch (error) {
    const e = error as { stdout?: string; code?: number };
    if (typeof e.code !== 'number') throw error;
    return e.stdout ?? '';
  }
}

const exec = (command: string, args: string[]): Promise<string> => execIn(dir, command, args);

const skippedLines = (out: string) => out.split('\n').filter((l) => l.startsWith('SKIPPED ['));
const moduleSkip = (xml: string) => /<testcase classname="" name="tests.test_z_module"[^>]*>(<skipped[^>]*>[^<]*<\/skipped>)/.exec(xml)?.[1];

describe('output as pytest prints it', () => {
  let pytestOut: string;
  let fastestOut: string;
  let pytestEngineOut: string;
  beforeAll(async () => {
    [pytestOut, fastestOut, pytestEngineOut] = await Promise.all([
      exec('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-rs', '-v', '--junitxml', 'p.xml']),
      exec(process.execPath, [cli, '--no-cache', '-n', '2', '-p', 'no:cacheprovider', '-rs', '-v', '--junitxml', 'f.xml']),
      exec(process.execPath, [cli, '--no-cache', '-n', '2', '-p', 'no:cacheprovider', '-rs', '--engine', 'pytest']),
    ]);
  }, 90_000);

  it('-rs: module skips first, folded by place and reason, paths from the invocation dir', () => {
    expect(skippedLines(pytestOut).length).toBe(8);
    expect(skippedLines(pytestOut)).toContain('SKIPPED [2] tests/test_b_marked.py: marked module');
    expect(skippedLines(pytestOut)).toContain('SKIPPED [1] tests/test_c_class.py: marked class');
    expect(skippedLines(fastestOut)).toEqual(skippedLines(pytestOut));
    expect(skippedLines(pytestEngineOut)).toEqual(skippedLines(pytestOut));
  });

  it('a module-level skip in JUnit is pytest\'s "collection skipped" with its report tuple', () => {
    const expected = moduleSkip(readFileSync(join(dir, 'p.xml'), 'utf8'));
    expect(expected).toContain('collection skipped');
    expect(moduleSkip(readFileSync(join(dir, 'f.xml'), 'utf8'))).toBe(expected);
  });

  it("-v prints no line of fastest's own between the results", () => {
    expect(fastestOut).not.toMatch(/: (native|pytest) engine/);
  });
});

describe('a skip that gives no reason, as pytest words it', () => {
  let skipDir: string;
  beforeAll(() => {
    skipDir = mkdtempSync(join(tmpdir(), 'fastest-skip-reason-'));
    const files: Record<string, string> = {
      'pytest.ini': '[pytest]\n',
      'test_reasons.py':
        'import pytest\n\n\ndef test_none():\n    pytest.skip()\n\n\ndef test_blank():\n    pytest.skip("  ")\n\n\ndef test_trailing():\n    pytest.skip("why  ")\n\n\n@pytest.fixture\ndef skipping():\n    pytest.skip()\n\n\ndef test_in_fixture(skipping):\n    pass\n',
      'test_module_none.py': 'import pytest\n\npytest.skip(allow_module_level=True)\n\n\ndef test_never():\n    pass\n',
    };
    for (const [path, text] of Object.entries(files)) writeFileSync(join(skipDir, path), text);
  });
  afterAll(() => rmSync(skipDir, { recursive: true, force: true }));

  const outcomeLines = (out: string) => out.split('\n').filter((l) => / SKIPPED/.test(l) || l.startsWith('SKIPPED ['));
  const skippedElements = (xml: string) => [...xml.matchAll(/<skipped[^>]*>[^<]*<\/skipped>/g)].map((m) => m[0]).sort();

  it('-v, -rs and JUnit: `Skipped` where pytest says it (the crash message), trailing blanks dropped', async () => {
    const go = (command: string, args: string[]) => execIn(skipDir, command, args);
    const pytest = await go('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-rs', '-v', '--junitxml', 'p.xml']);
    const fastest = await go(process.execPath, [cli, '--no-cache', '-p', 'no:cacheprovider', '-rs', '-v', '--junitxml', 'f.xml']);
    expect(outcomeLines(pytest)).toContain('SKIPPED [1] test_reasons.py:5: Skipped');
    expect(outcomeLines(fastest).filter((l) => l.startsWith('SKIPPED ['))).toEqual(outcomeLines(pytest).filter((l) => l.startsWith('SKIPPED [')));
    const testLines = (out: string) => outcomeLines(out).filter((l) => l.startsWith('test_reasons.py::'));
    expect(testLines(fastest)).toEqual(testLines(pytest));
    const pytestXml = skippedElements(readFileSync(join(skipDir, 'p.xml'), 'utf8'));
    expect(pytestXml).toContain(`<skipped message="collection skipped">('${join(skipDir, 'test_module_none.py')}', 3, 'Skipped')</skipped>`);
    expect(skippedElements(readFileSync(join(skipDir, 'f.xml'), 'utf8'))).toEqual(pytestXml);
  }, 90_000);
});

describe('a module skipped whole at import (importorskip), as pytest reports it', () => {
  let skipDir: string;
  beforeAll(() => {
    skipDir = mkdtempSync(join(tmpdir(), 'fastest-module-skip-'));
    writeFileSync(join(skipDir, 'pytest.ini'), '[pytest]\n');
    writeFileSync(
      join(skipDir, 'test_optional.py'),
      'import pytest\n\npytest.importorskip("no_such_module_here")\n\n\ndef test_a():\n    pass\n\n\ndef test_b():\n    pass\n',
    );
    writeFileSync(join(skipDir, 'test_plain.py'), 'def test_ok():\n    pass\n\n\ndef test_ok2():\n    pass\n');
  });
  afterAll(() => rmSync(skipDir, { recursive: true, force: true }));

  /** The output from the collected line on, without the session's time. */
  const body = (out: string) =>
    out
      .split('\n')
      .filter((l) => /^(collect|test_|SKIPPED|=+ \d)/.test(l))
      .map((l) => l.replace(/ in [\d.]+s/, ''));
  const go = (command: string, args: string[]) => execIn(skipDir, command, args);
  const pytest = (args: string[]) => go('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-rs', ...args]);
  const fastest = (args: string[]) => go(process.execPath, [cli, '-p', 'no:cacheprovider', '-rs', ...args]);

  it('`collected N items / K skipped`, no progress for the module, its skip whatever -k selects', async () => {
    for (const args of [[], ['-v'], ['-k', 'ok'], ['-k', 'ok', '--engine', 'pytest'], ['--engine', 'pytest', '-v'], []]) {
      const expected = body(await pytest(args.filter((a) => a !== '--engine' && a !== 'pytest')));
      expect(expected[0]).toMatch(/collected 2 items \/ 1 skipped/);
      expect(body(await fastest(args)), args.join(' ')).toEqual(expected);
    }
  }, 120_000);
});

describe('a test inherited from another module, located where pytest locates it', () => {
  let inheritDir: string;
  beforeAll(() => {
    inheritDir = mkdtempSync(join(tmpdir(), 'fastest-inherited-'));
    const files: Record<string, string> = {
      'pytest.ini': '[pytest]\n',
      'test_base.py':
        'import unittest\n\nimport pytest\n\n\nclass TestUnit(unittest.TestCase):\n' +
        '    @unittest.skip("todo")\n    def test_skipped_by_decorator_with_a_long_name(self):\n        pass\n\n' +
        '    def test_skip_test(self):\n        self.skipTest("a reason long enough to be wrapped onto a second line by pytest")\n\n' +
        '    def test_passes(self):\n        pass\n\n\n' +
        'class TestPlain:\n    @pytest.mark.skip(reason="marked")\n    def test_marked(self):\n        pass\n\n' +
        '    def test_inline(self):\n        pytest.skip("inline")\n',
      // pyflakes' shape: another module's test classes, imported to run again here
      'test_sub.py': 'from test_base import TestPlain, TestUnit\n\n\ndef test_own():\n    pass\n',
    };
    for (const [path, text] of Object.entries(files)) writeFileSync(join(inheritDir, path), text);
  });
  afterAll(() => rmSync(inheritDir, { recursive: true, force: true }));

  const go = (command: string, args: string[]) => execIn(inheritDir, command, args);
  const verboseLines = (out: string) =>
    out
      .split('\n')
      .filter((l) => l.startsWith('test_') || l.startsWith('wrapped') || l.startsWith('pytest)'))
      .map((l) => l.replace(/ +\[ *\d+%\]$/, ''))
      .sort();
  const locations = (xml: string) => [...xml.matchAll(/<testcase [^>]*>/g)].map((m) => m[0].replace(/ time="[^"]*"/, '')).sort();

  it('-vv names the defining file (`<- test_base.py`), -rs folds by it, JUnit xunit1 carries it; a long line loses its reason', async () => {
    const args = ['-p', 'no:cacheprovider', '-rs', '-vv', '-o', 'junit_family=xunit1'];
    const pytest = await go('python3', ['-m', 'pytest', ...args, '--junitxml', 'p.xml']);
    expect(pytest).toContain('test_sub.py::TestUnit::test_passes <- test_base.py PASSED');
    expect(pytest).toContain('SKIPPED [2] test_base.py:7: todo');
    const pytestXml = locations(readFileSync(join(inheritDir, 'p.xml'), 'utf8'));
    expect(pytestXml.filter((t) => t.includes('classname="test_sub.TestUnit" name="test_passes" file="test_base.py" line="13"'))).toHaveLength(1);
    for (const engine of ['native', 'pytest']) {
      const fastest = await go(process.execPath, [cli, '--no-cache', '--engine', engine, ...args, '--junitxml', 'f.xml']);
      expect(verboseLines(fastest), engine).toEqual(verboseLines(pytest));
      expect(skippedLines(fastest), engine).toEqual(skippedLines(pytest));
      expect(locations(readFileSync(join(inheritDir, 'f.xml'), 'utf8')), engine).toEqual(pytestXml);
    }
  }, 120_000);
});

describe('-rs on a first run, with a module whose tests are made at import', () => {
  let dynDir: string;
  beforeAll(() => {
    dynDir = mkdtempSync(join(tmpdir(), 'fastest-rs-made-'));
    mkdirSync(join(dynDir, 'tests'));
    const files: Record<string, string> = {
      'pytest.ini': '[pytest]\n',
      'tests/test_a.py': 'import pytest\n\n\ndef test_a():\n    pytest.skip("a")\n',
      // discovery lists none of these: the worker makes them, and they rank by their module's place
      'tests/test_b_made.py': 'import pytest\n\nfor n in range(3):\n    def f(n=n):\n        pytest.skip(f"made {n}")\n    globals()[f"test_{n}"] = f\n',
      'tests/test_c.py': 'import pytest\n\n\ndef test_c():\n    pytest.skip("c")\n\n\ndef test_d():\n    pytest.skip("d")\n',
    };
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dynDir, path), text);
  });
  afterAll(() => rmSync(dynDir, { recursive: true, force: true }));

  it("lists the made module's skips in its place, as pytest does, with no discovery cache", async () => {
    const pytest = skippedLines(await execIn(dynDir, 'python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-rs', '-q']));
    expect(pytest).toHaveLength(6);
    expect(pytest[1]).toBe('SKIPPED [1] tests/test_b_made.py:5: made 0');
    expect(skippedLines(await execIn(dynDir, process.execPath, [cli, '--no-cache', '-rs', '-q']))).toEqual(pytest);
  }, 60_000);
});

describe('summaries in the order pytest runs the tests, whatever order two workers finish them in', () => {
  let orderDir: string;
  beforeAll(() => {
    orderDir = mkdtempSync(join(tmpdir(), 'fastest-summary-order-'));
    writeFileSync(join(orderDir, 'pytest.ini'), '[pytest]\n');
    for (const f of ['a', 'b', 'c', 'd']) {
      const tests = [0, 1, 2, 3, 4, 5].map(
        (i) => `def test_${f}${i}():\n    time.sleep(0.03)\n` + (i === 0 ? `    warnings.warn("w ${f}")\n` : '') + `    assert ${i} % 2 == 0, "${f}${i}"\n`,
      );
      writeFileSync(join(orderDir, `test_${f}.py`), 'import time\nimport warnings\n\n\n' + tests.join('\n\n'));
    }
    // pytest groups the tests by the module-scoped fixture's parameter: not the source's order
    writeFileSync(
      join(orderDir, 'test_e_grouped.py'),
      'import pytest\n\n\n@pytest.fixture(scope="module", params=[1, 2])\ndef p(request):\n    return request.param\n\n\n' +
        'def test_one(p):\n    assert p == 0\n\n\ndef test_two(p):\n    assert p == 0\n',
    );
  });
  afterAll(() => rmSync(orderDir, { recursive: true, force: true }));

  const summaries = (out: string) => out.split('\n').filter((l) => /^(FAILED|PASSED|_{5,} test_|test_\w+\.py::\w+$|\s+warnings\.warn)/.test(l));

  it('FAILURES, -rA, the warnings summary and JUnit list tests in collection order', async () => {
    const pytest = summaries(await execIn(orderDir, 'python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-rA', '--junitxml', 'p.xml']));
    expect(pytest.filter((l) => l.startsWith('FAILED'))).toHaveLength(16);
    expect(pytest.filter((l) => l.startsWith('FAILED test_e'))).toEqual([
      'FAILED test_e_grouped.py::test_one[1] - assert 1 == 0',
      'FAILED test_e_grouped.py::test_two[1] - assert 1 == 0',
      'FAILED test_e_grouped.py::test_one[2] - assert 2 == 0',
      'FAILED test_e_grouped.py::test_two[2] - assert 2 == 0',
    ]);
    expect(summaries(await execIn(orderDir, process.execPath, [cli, '--no-cache', '-n', '2', '-rA', '--junitxml', 'f.xml']))).toEqual(pytest);
    const testcases = (xml: string) => [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => `${m[1]}::${m[2]}`);
    const pytestCases = testcases(readFileSync(join(orderDir, 'p.xml'), 'utf8'));
    expect(pytestCases).toHaveLength(28);
    expect(testcases(readFileSync(join(orderDir, 'f.xml'), 'utf8'))).toEqual(pytestCases);
  }, 60_000);
});
