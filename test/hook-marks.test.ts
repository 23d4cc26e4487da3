// -k/-m over marks a conftest's pytest_collection_modifyitems adds (the common "mark the tests of a
// directory" recipe): discovery cannot see them, so every test is the run's to judge and the
// workers judge each one with the marks the hook gave it. fastest judged the marks discovery saw:
// `-m slow` deselected the hook's slow test (exit 5), `-m "not slow"` ran it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, runIn, runNamesLogged, summaryLine, writeLines } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-hook-marks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('-k/-m judge the marks a conftest hook adds, first and taught, in either engine, listings included', async () => {
  const temp = join(work, 'tmp');
  const selections = [
    ['-m', 'slow'],
    ['-m', 'not slow'],
    ['-k', 'slow'],
    ['-k', 'unit and not slow'],
    ['-m', 'slow', '--deselect', 'integration/test_db.py::test_db[2]'],
  ];
  // (pytest's outcome of a selection is the same for every engine and round: asked once)
  const pytestOf = new Map<string, Awaited<ReturnType<typeof runNamesLogged>>>();
  const listingOf = new Map<string, string>();
  for (const engine of ['auto', 'pytest']) {
    const dir = join(work, engine);
    const log = join(dir, 'ran.log');
    writeLines(dir, 'pytest.ini', ['[pytest]', 'markers =', '    slow: slow tests']);
    writeLines(dir, 'conftest.py', [
      'import pytest',
      '',
      'def pytest_collection_modifyitems(config, items):',
      '    for item in items:',
      '        if "integration" in item.nodeid:',
      '            item.add_marker(pytest.mark.slow)',
    ]);
    const test = (name: string) => [
      'import os',
      'import pytest',
      '',
      '@pytest.mark.parametrize("n", [1, 2])',
      `def test_${name}(n):`,
      `    open(os.environ["RAN_LOG"], "a").write(f"${name}{n}\\n")`,
    ];
    writeLines(dir, 'integration/test_db.py', test('db'));
    writeLines(dir, 'unit/test_util.py', test('util'));
    const common = ['-p', 'no:cacheprovider', '-rA'];
    const ran = (cmd: string, args: string[]) => runNamesLogged(cmd, args, dir, temp, log);
    const listed = async (cmd: string, args: string[]) => (await runIn(cmd, args, dir, '', temp)).out.replace(/ in \d+\.\d+s/, '');
    // (the taught round exercises discovery's cache, the same whichever engine runs: auto's alone)
    for (const round of engine === 'auto' ? ['first', 'taught'] : ['first']) {
      if (round === 'taught') await ran(process.execPath, [cli, '--engine', engine, ...common]);
      for (const k of selections) {
        if (round === 'first') rmSync(join(dir, '.fastest'), { recursive: true, force: true });
        const pytest = pytestOf.get(k.join(' ')) ?? (await ran('python3', ['-m', 'pytest', ...common, ...k]));
        pytestOf.set(k.join(' '), pytest);
        const fastest = await ran(process.execPath, [cli, '--engine', engine, ...common, ...k]);
        const label = { engine, round, k: k.join(' ') };
        expect({ ...label, ...fastest }).toEqual({ ...label, ...pytest });
        const listing = ['-p', 'no:cacheprovider', '--co', '-q', ...k];
        const pytestListing = listingOf.get(k.join(' ')) ?? (await listed('python3', ['-m', 'pytest', ...listing]));
        listingOf.set(k.join(' '), pytestListing);
        expect({ ...label, listing: await listed(process.execPath, [cli, '--engine', engine, ...listing]) }).toEqual({ ...label, listing: pytestListing });
      }
    }
  }
}, 300_000);

it("-m over the marks a conftest's collector gives its items: after a run taught their ids, the workers judge them", async () => {
  // (a taught item's marks are unknown to discovery: -m left it to the run, which ran every such
  // item and dropped the results it did not select, and the header counted them all: html5lib)
  const temp = join(work, 'tmp');
  const dir = join(work, 'collector');
  const log = join(dir, 'ran.log');
  writeLines(dir, 'pytest.ini', ['[pytest]', 'markers =', '    odd: odd lines']);
  writeLines(dir, 'conftest.py', [
    'import os',
    'import pytest',
    '',
    'def pytest_collect_file(file_path, parent):',
    '    if file_path.suffix == ".dat":',
    '        return DatFile.from_parent(parent, path=file_path)',
    '',
    'class DatFile(pytest.File):',
    '    def collect(self):',
    '        for i, line in enumerate(self.path.read_text().splitlines()):',
    '            item = DatItem.from_parent(self, name=str(i), line=line)',
    '            if i % 2:',
    '                item.add_marker(pytest.mark.odd)',
    '            yield item',
    '',
    'class DatItem(pytest.Item):',
    '    def __init__(self, *, line, **kwargs):',
    '        super().__init__(**kwargs)',
    '        self.line = line',
    '',
    '    def runtest(self):',
    '        open(os.environ["RAN_LOG"], "a").write(self.nodeid + "\\n")',
  ]);
  for (const name of ['a', 'b']) writeLines(dir, `data/${name}.dat`, ['one', 'two', 'three', 'four', 'five']);
  const header = async (cmd: string, args: string[]) =>
    (await runIn(cmd, args, dir, '', temp, { RAN_LOG: join(dir, 'header.log') })).out.split('\n').find((line) => line.startsWith('collected'));
  await runIn(process.execPath, [cli, '-p', 'no:cacheprovider'], dir, '', temp, { RAN_LOG: log });
  for (const k of [
    ['-m', 'odd'],
    ['-m', 'odd', '-k', 'not 3'],
  ]) {
    const args = ['-p', 'no:cacheprovider', '-rA', ...k];
    const pytest = {
      ...(await runNamesLogged('python3', ['-m', 'pytest', ...args], dir, temp, log)),
      header: await header('python3', ['-m', 'pytest', ...args]),
    };
    const fastest = { ...(await runNamesLogged(process.execPath, [cli, ...args], dir, temp, log)), header: await header(process.execPath, [cli, ...args]) };
    expect({ k, ...fastest }).toEqual({ k, ...pytest });
  }
}, 120_000);

it("what collecting a module warned is reported when -m leaves none of the module's tests to run", async () => {
  // (the warnings ride on a module's first result: a unit whose tests the workers' filter all left
  // out hands them to the next one)
  const temp = join(work, 'tmp');
  const dir = join(work, 'warned');
  writeLines(dir, 'pytest.ini', ['[pytest]', 'markers =', '    odd: odd lines']);
  writeLines(dir, 'conftest.py', [
    'import warnings',
    'import pytest',
    '',
    'def pytest_collect_file(file_path, parent):',
    '    if file_path.suffix == ".dat":',
    '        return DatFile.from_parent(parent, path=file_path)',
    '',
    'class DatFile(pytest.File):',
    '    def collect(self):',
    '        warnings.warn(UserWarning("collecting " + self.path.name))',
    '        for i, line in enumerate(self.path.read_text().splitlines()):',
    '            item = DatItem.from_parent(self, name=str(i))',
    '            if line == "odd":',
    '                item.add_marker(pytest.mark.odd)',
    '            yield item',
    '',
    'class DatItem(pytest.Item):',
    '    def runtest(self):',
    '        pass',
  ]);
  writeLines(dir, 'data/a.dat', ['even', 'even']);
  writeLines(dir, 'data/b.dat', ['odd', 'even']);
  const args = ['-p', 'no:cacheprovider', '-q', '-n', '1', '-m', 'odd'];
  const pytest = await runIn('python3', ['-m', 'pytest', ...args.filter((arg) => arg !== '-n' && arg !== '1')], dir, '', temp);
  expect(pytest.out).toContain('2 warnings');
  for (const round of ['first', 'taught']) {
    const fastest = await runIn(process.execPath, [cli, ...args], dir, '', temp);
    expect({ round, line: summaryLine(fastest.out) }).toEqual({ round, line: summaryLine(pytest.out) });
  }
}, 60_000);
