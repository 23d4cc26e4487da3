// A class node id with -k, -m or --deselect (websockets' `tests/legacy/test_protocol.py::ClientTests
// -k keepalive`: pytest 8 passed, fastest ran all 136 of the class). The class named runs as
// itself (members set at import are its too), and the filter judges each test it reports by
// its id: the counts and the tests reported are pytest's, first and taught.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, runIn, statusLines, summaryLine, writeLines, type Ran } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-class-node-id-filters-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('a class node id with -k or --deselect reports what pytest selects, in either engine', async () => {
  const temp = join(work, 'tmp');
  const commandLines = [
    ['test_cls.py::TestP', '-k', 'alpha'],
    ['test_cls.py::TestP', '-k', 'not alpha'],
    ['test_ut.py::T', '-k', 'alpha'],
    ['test_cls.py::TestP', '--deselect', 'test_cls.py::TestP::test_beta'],
    ['test_ut.py::T', 'test_cls.py::TestP', '-k', 'beta'],
  ];
  const pytestOf = new Map<string, Ran>();
  for (const engine of ['auto', 'pytest']) {
    const dir = join(work, engine);
    writeLines(dir, 'pytest.ini', ['[pytest]']);
    writeLines(dir, 'test_cls.py', [
      'class TestP:',
      '    def test_alpha(self):',
      '        pass',
      '',
      '    def test_beta(self):',
      '        pass',
      '',
      'def test_alpha_plain():',
      '    pass',
    ]);
    writeLines(dir, 'test_ut.py', [
      'import unittest',
      '',
      'class T(unittest.TestCase):',
      '    def test_alpha(self):',
      '        pass',
      '',
      '    def test_beta(self):',
      '        pass',
    ]);
    // (the taught round exercises discovery's cache, the same whichever engine runs: auto's alone)
    for (const round of engine === 'auto' ? ['first', 'taught'] : ['first']) {
      for (const args of commandLines) {
        const common = ['-p', 'no:cacheprovider', '-rA', ...args];
        // (pytest's outcome of a command line is the same in every project and round: asked once)
        const pytest = pytestOf.get(common.join(' ')) ?? (await runIn('python3', ['-m', 'pytest', ...common], dir, '', temp));
        pytestOf.set(common.join(' '), pytest);
        const fastest = await runIn(process.execPath, [cli, '--engine', engine, ...common], dir, '', temp);
        const label = { engine, round, args: args.join(' ') };
        expect({ ...label, line: summaryLine(fastest.out), tests: statusLines(fastest.out) }).toEqual({
          ...label,
          line: summaryLine(pytest.out),
          tests: statusLines(pytest.out),
        });
      }
      if (round === 'first') await runIn(process.execPath, [cli, '--engine', engine, '-q', '-p', 'no:cacheprovider'], dir, '', temp);
    }
  }
}, 180_000);
