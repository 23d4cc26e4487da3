// A conftest's pytest_pycollect_makeitem that makes a collector of a test function (pyyaml's
// data-driven tests: one item per data file below `test_emitter`): after a run has taught
// discovery those items, -k still matches the function's name, a node of each item's chain, as
// pytest's KeywordMatcher does. Before, a warm `-k emitter` deselected all of them (exit 5).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, runIn, summaryLine, writeLines } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-collector-keywords-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function project(dir: string): void {
  writeLines(dir, 'pytest.ini', ['[pytest]']);
  writeLines(dir, 'conftest.py', [
    'import pytest',
    '',
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
    '                for arg in self._function.data]',
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
  for (const engine of ['auto', 'pytest']) {
    const dir = join(work, engine);
    project(dir);
    const selections = [
      ['-k', 'emitter'],
      ['-k', 'not emitter'],
      ['-k', 'one'],
    ];
    const expected: string[] = [];
    for (const k of selections) expected.push(summaryLine((await runIn('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...k], dir, '', temp)).out));
    expect(expected).toEqual(['2 passed, 1 deselected', '1 passed, 2 deselected', '1 passed, 2 deselected']);
    const args = ['-q', '-p', 'no:cacheprovider', '--engine', engine];
    for (const round of ['first', 'after a whole run']) {
      if (round !== 'first') expect(summaryLine((await runIn(process.execPath, [cli, ...args], dir, '', temp)).out)).toBe('3 passed');
      for (const [index, k] of selections.entries()) {
        const fastest = await runIn(process.execPath, [cli, ...args, ...k], dir, '', temp);
        expect({ engine, round, k, line: summaryLine(fastest.out) }).toEqual({ engine, round, k, line: expected[index] });
      }
    }
  }
}, 120_000);
