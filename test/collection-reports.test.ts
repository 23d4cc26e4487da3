// What collection reports for shapes real suites have (babel, pygments): a conftest that skips
// its directory, a conftest collecting non-Python files beside a module that fails to import, a
// collect_file hook beside coverage's data file, a module whose tests -k deselects that warns at
// import, a module whose import adds a warnings filter (Python-Markdown), a deselected test that
// carried a module's collection warning (faker), a conftest replacing test classes (SQLAlchemy's
// plugin), a module raising unittest.SkipTest at import (docutils). Each against pytest, with
// every engine setting, and (the default one) after a run taught discovery.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cli,
  ENGINE_SETTINGS,
  normalOutput,
  oncePerKey,
  projectPerEngine,
  roundsOfSetting,
  runIn,
  statusLines,
  summaryLine,
} from './helpers/against-pytest.js';

interface Shape {
  files: Record<string, string>;
  commandLines: string[][];
  /** Not compared under `--engine native`: a conftest hook, which it refuses by design (its own
   * error), a class's collection error, which it names by the module, or a module Python cannot
   * compile, whose error it prints without pytest's import frames (README's known differences;
   * auto gives such a module to the pytest engine). */
  notNative?: true;
}

const SHAPES: Record<string, Shape> = {
  // pytest's collector of `sub` is skipped: one skip, the other directories run
  'skipping-conftest': {
    files: {
      'test_ok.py': 'def test_ok():\n    pass\n',
      'sub/conftest.py': 'import pytest\npytest.skip("not here", allow_module_level=True)\n',
      'sub/test_x.py': 'def test_x():\n    pass\n',
      'sub/test_y.py': 'def test_y():\n    pass\n',
      'sub/helper.py': 'X = 1\n',
    },
    commandLines: [['-rA'], ['-rs', '-v'], ['--co', '-q'], ['-rA', '--junitxml=out.xml']],
  },
  // babel: the root conftest's pytest_collect_file makes every file a candidate
  'collect-file-hook-and-skip': {
    files: {
      'conftest.py': 'def pytest_collect_file(file_path, parent):\n    return None\n',
      'test_ok.py': 'def test_ok():\n    pass\n',
      'sub/conftest.py': 'import pytest\npytest.skip("not here", allow_module_level=True)\n',
      'sub/helper.py': 'X = 1\n',
      '.coverage': 'left by an earlier run\n',
    },
    commandLines: [['-rA'], ['--co', '-q']],
    notNative: true,
  },
  // pygments: items of non-Python files counted as the hook collects them, beside an import error
  'text-items-and-import-error': {
    files: {
      'data/conftest.py': [
        'import pytest',
        '',
        'def pytest_collect_file(parent, file_path):',
        "    if file_path.suffix == '.txt':",
        '        return TxtFile.from_parent(parent, path=file_path)',
        '',
        'class TxtFile(pytest.File):',
        '    def collect(self):',
        "        yield TxtItem.from_parent(self, name='item')",
        '',
        'class TxtItem(pytest.Item):',
        '    def runtest(self):',
        '        pass',
        '',
      ].join('\n'),
      'data/a.txt': 'a\n',
      'data/b.txt': 'b\n',
      'test_bad.py': 'raise ImportError("boom")\n',
    },
    commandLines: [[], ['--co', '-q'], ['data']],
    notNative: true,
  },
  // a module whose tests -k deselects is still imported: what importing it warns is reported
  'deselected-module-warns': {
    files: {
      'conftest.py': 'def pytest_runtest_teardown(item, nextitem):\n    pass\n',
      'test_a.py': 'import warnings\nwarnings.warn("imported a")\n\ndef test_a():\n    pass\n',
      'test_b.py': 'def test_b():\n    pass\n',
    },
    commandLines: [
      ['-k', 'test_b'],
      ['-k', 'test_b', '-q'],
    ],
    notNative: true,
  },
  // Python-Markdown: a module's import adds a warnings filter; pytest collects every module in
  // one warnings context, so the modules collected after it are collected under that filter
  'import-adds-error-filter': {
    files: {
      'test_a.py': 'import warnings\nwarnings.simplefilter("error")\n\ndef test_a():\n    pass\n',
      'test_b.py': 'from unittest import TestSuite\n\ndef test_b():\n    pass\n',
      'test_c.py': 'import warnings\n\ndef test_c():\n    warnings.warn("at run time")\n',
    },
    commandLines: [['-rA'], ['--continue-on-collection-errors', '-rA']],
    notNative: true,
  },
  // faker: -k deselects every test of a module that warns at import; the selected test's module
  // makes ids discovery cannot read (parametrize over sorted()), so it runs whole and the
  // deselected expansion, the first, carried the warning
  'deselected-expansion-carries-warning': {
    files: {
      'tests/test_docstring.py': 'import warnings\nwarnings.warn("deprecated", UserWarning)\n\ndef test_one():\n    pass\n',
      'tests/test_formats.py': 'import pytest\n\n@pytest.mark.parametrize("locale", sorted(["en_US", "de_DE"]))\ndef test_formats(locale):\n    pass\n',
    },
    commandLines: [
      ['-k', 'en_US'],
      ['-k', 'en_US', '-q'],
    ],
  },
  // SQLAlchemy's test plugin (alembic): a conftest replaces each test class by a generated
  // subclass; -k deselecting a module whole counts the tests it made, not the classes discovery
  // listed
  'hook-replaces-classes': {
    files: {
      'conftest.py': [
        'import pytest',
        '',
        'def pytest_pycollect_makeitem(collector, name, obj):',
        '    if isinstance(obj, type) and name.startswith("Test") and not name.endswith("_sqlite"):',
        '        sub = type(name + "_sqlite", (obj,), {})',
        '        setattr(collector.obj, sub.__name__, sub)',
        '        return [pytest.Class.from_parent(collector, name=sub.__name__)]',
        '',
      ].join('\n'),
      'test_other.py': 'class TestOther:\n    def test_one(self):\n        pass\n\n    def test_two(self):\n        pass\n\ndef test_plain():\n    pass\n',
      'test_revision.py': 'class TestRev:\n    def test_one(self):\n        pass\n',
    },
    commandLines: [
      ['-k', 'revision'],
      ['-k', 'Rev and one'],
    ],
    notNative: true,
  },
  // docutils: a module that runs only stand-alone raises unittest.SkipTest at import, which
  // pytest's collect report takes for a skip of the module (its JUnit keeps the exception's line)
  'unittest-skiptest-at-import': {
    files: {
      'test_ok.py': 'def test_ok():\n    pass\n',
      'test_alone.py': [
        'import unittest',
        '',
        "if __name__ != '__main__':",
        "    raise unittest.SkipTest('run stand-alone')",
        '',
        'class T(unittest.TestCase):',
        '    def test_x(self):',
        '        pass',
        '',
      ].join('\n'),
    },
    commandLines: [['-rA'], ['-rs', '--junitxml=out.xml']],
  },
  // a typo in a test module: pytest's error shows its import's frames (importtestmodule down to
  // the rewrite's ast.parse); discovery knows the module cannot compile, a worker's import reports it
  'module-python-cannot-compile': {
    files: {
      'test_ok.py': 'def test_ok():\n    pass\n',
      'test_typo.py': 'def test_a(:\n    pass\n',
      'sub/test_nul.py': 'def test_b():\n    pass\n\0\n',
    },
    commandLines: [['-rA'], ['--co', '-q'], ['-rA', '--junitxml=out.xml'], ['-rA', '--continue-on-collection-errors']],
    notNative: true,
  },
};

function write(dir: string, files: Record<string, string>): void {
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** Two workers print a module's progress line as its results come: the rest of the output is compared. */
const withoutProgress = (out: string) =>
  normalOutput(out)
    .split('\n')
    .filter((line) => !/ \[\s*\d+%\]$/.test(line) && !/ (PASSED|FAILED|SKIPPED)\s/.test(line))
    .join('\n');

describe('collection reports of real suites’ shapes', () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    const dirs = projectPerEngine(`fastest-collection-${name}-`, (dir) => write(dir, shape.files));
    // pytest keeps no cache here: its run of a command line is the same in every project and round
    const pytestRun = oncePerKey(async (dir, key) => {
      const common = JSON.parse(key) as string[];
      const pytest = await runIn('python3', ['-m', 'pytest', ...common], dir, '', join(dir, 'tmp-p'));
      return { ...pytest, xml: common.some((a) => a.startsWith('--junitxml')) ? readXml(dir) : '' };
    });
    ENGINE_SETTINGS.forEach(([engine, workers], at) => {
      if (shape.notNative && engine === 'native') return;
      it(`${name}: pytest's (engine ${engine}, ${workers} workers)`, async () => {
        const dir = dirs[at]!;
        for (const taught of roundsOfSetting(at)) {
          for (const args of shape.commandLines) {
            const common = ['-p', 'no:cacheprovider', ...args];
            const pytest = await pytestRun(dir, JSON.stringify(common));
            const fastest = await runIn(process.execPath, [cli, '--engine', engine, '-n', workers, ...common], dir, '', join(dir, 'tmp-f'));
            const fastestXml = args.some((a) => a.startsWith('--junitxml')) ? readXml(dir) : '';
            const label = `${taught ? 'taught' : 'first'}: ${args.join(' ')}`;
            expect(withoutProgress(fastest.out), label).toBe(withoutProgress(pytest.out));
            expect(fastest.code, label).toBe(pytest.code);
            expect(fastestXml, label).toBe(pytest.xml);
          }
        }
      });
    });
  }
});

describe('a module Python cannot compile, under --engine native', () => {
  const dirs = projectPerEngine('fastest-collection-native-compile-', (dir) => write(dir, SHAPES['module-python-cannot-compile']!.files));
  it("stops the session as pytest's collection error does (its text without pytest's import frames)", async () => {
    const dir = dirs[0]!;
    for (const args of [['-rA'], ['-rA', '--continue-on-collection-errors']]) {
      const common = ['-p', 'no:cacheprovider', ...args];
      const pytest = await runIn('python3', ['-m', 'pytest', ...common], dir, '', join(dir, 'tmp-p'));
      const fastest = await runIn(process.execPath, [cli, '--engine', 'native', '-n', '1', ...common], dir, '', join(dir, 'tmp-f'));
      const seen = (ran: typeof pytest) => ({ code: ran.code, status: statusLines(ran.out), summary: summaryLine(ran.out) });
      expect(seen(fastest), args.join(' ')).toEqual(seen(pytest));
      expect(fastest.out).toContain('E   SyntaxError: invalid syntax');
    }
  });
});

/** The JUnit report's testcases and their outcomes, without times. */
function readXml(dir: string): string {
  const text = readFileSync(join(dir, 'out.xml'), 'utf8');
  return text
    .replace(/ time="[^"]*"/g, '')
    .replace(/ timestamp="[^"]*"/g, '')
    .replace(/ hostname="[^"]*"/g, '');
}
