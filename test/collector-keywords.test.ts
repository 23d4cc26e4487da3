// A conftest's pytest_pycollect_makeitem that makes a collector of a test function (pyyaml's
// data-driven tests: one item per data file below `test_emitter`): after a run has taught
// discovery those items, -k still matches the function's name, a node of each item's chain, as
// pytest's KeywordMatcher does. Before, a warm `-k emitter` deselected all of them (exit 5).
// pyyaml's layout whole: a module the conftest ignores that another star-imports, and one that
// makes tests through globals() beside tests discovery lists: -k judges the tests discovery did
// not list (the module runs whole), and the ignored module's listed tests are not collected (they
// were an error: no result), nor deselected when -k leaves them out (nor a skipped module's).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, runIn, statusLines, summaryLine, writeLines } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-collector-keywords-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A conftest's item and collector classes: one item per data file below a test function, as
 * pyyaml's `DataCollector`; the function's `data` attribute names the files (two by default). */
const DATA_CLASSES = [
  'class DataItem(pytest.Item):',
  '    def __init__(self, *, function, arg, **kwargs):',
  '        super().__init__(**kwargs)',
  '        self._function = function',
  '        self._arg = arg',
  '',
  '    def runtest(self):',
  '        self._function(self._arg)',
  '',
  '    def reportinfo(self):',
  '        return self.path, 0, self.name',
  '',
  'class DataCollector(pytest.Collector):',
  '    def __init__(self, *, function, **kwargs):',
  '        super().__init__(**kwargs)',
  '        self._function = function',
  '',
  '    def collect(self):',
  '        return [DataItem.from_parent(self, name=arg, function=self._function, arg=arg)',
  '                for arg in getattr(self._function, "data", ["one.data", "two.data"])]',
];

function project(dir: string): void {
  writeLines(dir, 'pytest.ini', ['[pytest]']);
  writeLines(dir, 'conftest.py', [
    'import pytest',
    '',
    ...DATA_CLASSES,
    '',
    '@pytest.hookimpl(hookwrapper=True, trylast=True)',
    'def pytest_pycollect_makeitem(collector, name, obj):',
    '    outcome = yield',
    '    if getattr(obj, "data", None):',
    '        outcome.force_result(DataCollector.from_parent(collector, name=name, function=obj))',
  ]);
  writeLines(dir, 'test_data.py', [
    'def test_emitter(filename):',
    '    assert filename.endswith(".data")',
    '',
    'test_emitter.data = ["one.data", "two.data"]',
    '',
    'def test_plain():',
    '    pass',
  ]);
}

it('-k matches the name of a function a conftest made a collector of, first and after a whole run', async () => {
  const temp = join(work, 'tmp');
  const expected: string[] = [];
  for (const engine of ['auto', 'pytest']) {
    const dir = join(work, engine);
    project(dir);
    const selections = [
      ['-k', 'emitter'],
      ['-k', 'not emitter'],
      ['-k', 'one'],
    ];
    // (pytest's lines are the same for each engine's project: asked once)
    if (expected.length === 0) {
      for (const k of selections)
        expected.push(summaryLine((await runIn('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...k], dir, '', temp)).out));
      expect(expected).toEqual(['2 passed, 1 deselected', '1 passed, 2 deselected', '1 passed, 2 deselected']);
    }
    const args = ['-q', '-p', 'no:cacheprovider', '--engine', engine];
    // (the taught round exercises discovery's cache, the same whichever engine runs: auto's alone)
    for (const round of engine === 'auto' ? ['first', 'after a whole run'] : ['first']) {
      if (round !== 'first') expect(summaryLine((await runIn(process.execPath, [cli, ...args], dir, '', temp)).out)).toBe('3 passed');
      for (const [index, k] of selections.entries()) {
        const fastest = await runIn(process.execPath, [cli, ...args, ...k], dir, '', temp);
        expect({ engine, round, k, line: summaryLine(fastest.out) }).toEqual({ engine, round, k, line: expected[index] });
      }
    }
  }
}, 120_000);

it("pyyaml's layout: -k over tests made through globals() and a module the conftest ignores, first and taught", async () => {
  const temp = join(work, 'tmp');
  for (const engine of ['auto', 'pytest']) {
    const dir = join(work, `pyyaml-${engine}`);
    writeLines(dir, 'pytest.ini', ['[pytest]']);
    writeLines(dir, 'tests/conftest.py', [
      'import os, sys',
      'import pytest',
      'sys.path.insert(0, os.path.dirname(__file__))',
      '',
      ...DATA_CLASSES,
      '',
      '@pytest.hookimpl(hookwrapper=True, trylast=True)',
      'def pytest_pycollect_makeitem(collector, name, obj):',
      '    outcome = yield',
      '    outcome.get_result()',
      '    if not callable(obj) or not getattr(obj, "unittest", None):',
      '        outcome.force_result(None)',
      '        return',
      '    outcome.force_result(DataCollector.from_parent(collector, name=name, function=obj))',
      '',
      'def pytest_ignore_collect(collection_path):',
      '    if collection_path.name == "test_errors.py":',
      '        return True',
    ]);
    writeLines(dir, 'tests/test_errors.py', [
      'def test_emitter_error(filename, verbose=False):',
      '    assert filename.endswith(".data")',
      'test_emitter_error.unittest = [".data"]',
      '',
      'def test_loader_error(filename, verbose=False):',
      '    assert filename.endswith(".data")',
      'test_loader_error.unittest = [".data"]',
    ]);
    writeLines(dir, 'tests/test_all.py', ['from test_errors import *  # noqa']);
    writeLines(dir, 'tests/test_skipped.py', [
      'import pytest',
      'pytest.skip("not here", allow_module_level=True)',
      '',
      'def test_loader_skipped():',
      '    pass',
    ]);
    writeLines(dir, 'tests/test_ext.py', [
      'import types',
      'import test_errors',
      '',
      'def wrap(function):',
      '    def wrapper(*args, **kwds):',
      '        function(*args, **kwds)',
      '    wrapper.__name__ = "%s_ext" % function.__name__',
      '    wrapper.unittest = function.unittest',
      '    return wrapper',
      '',
      'def wrap_ext(module):',
      '    for key, value in sorted(vars(module).items()):',
      '        if isinstance(value, types.FunctionType) and hasattr(value, "unittest"):',
      '            globals()[key + "_ext"] = wrap(value)',
      '',
      'wrap_ext(test_errors)',
      '',
      'def test_c_emitter(filename, verbose=False):',
      '    assert filename',
      'test_c_emitter.unittest = [".data"]',
      '',
      'def test_c_scanner(filename, verbose=False):',
      '    assert filename',
      'test_c_scanner.unittest = [".data"]',
    ]);
    const common = ['-p', 'no:cacheprovider', '-rA', '-k', 'emitter'];
    const pytest = await runIn('python3', ['-m', 'pytest', ...common], dir, '', temp);
    expect(summaryLine(pytest.out)).toMatch(/^6 passed, 1 skipped, \d+ deselected$/);
    for (const round of ['first', 'taught']) {
      const fastest = await runIn(process.execPath, [cli, '--engine', engine, ...common], dir, '', temp);
      // (the listed tests -k leaves out of the module the conftest ignores, and of the one skipped
      // at import, are not deselected: pytest never collects them)
      expect({ engine, round, line: summaryLine(fastest.out), tests: statusLines(fastest.out) }).toEqual({
        engine,
        round,
        line: summaryLine(pytest.out),
        tests: statusLines(pytest.out),
      });
    }
  }
}, 120_000);
