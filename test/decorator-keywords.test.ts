// -k matches the names in a test function's __dict__, and a decorator other than a mark's may put
// any there: `@mock.patch` leaves `patchings` and `__wrapped__` (isort's `-k "wrap or black"`:
// pytest 74 passed, fastest 73, the patched test deselected). Discovery does not know them: the
// workers judge such a test with pytest's own keywords, in a run and in a listing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, normalOutput, runIn, statusLines, summaryLine, writeLines, type Ran } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-decorator-keywords-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('-k sees the attributes a decorator sets on a test function, first and taught, in either engine', async () => {
  const temp = join(work, 'tmp');
  const pytestOf = new Map<string, Ran>();
  const listingOf = new Map<string, string>();
  for (const engine of ['auto', 'pytest']) {
    const dir = join(work, engine);
    writeLines(dir, 'pytest.ini', ['[pytest]']);
    writeLines(dir, 'test_kw.py', [
      'import functools',
      'from unittest.mock import patch',
      '',
      '@patch("os.getcwd", lambda: "/x")',
      'def test_patched():',
      '    pass',
      '',
      'def tagged(f):',
      '    f.slow_path = True',
      '    return f',
      '',
      '@tagged',
      'def test_tagged():',
      '    pass',
      '',
      'class TestK:',
      '    @patch("os.getcwd", lambda: "/x")',
      '    def test_method(self):',
      '        pass',
      '',
      'def test_plain():',
      '    pass',
    ]);
    for (const round of engine === 'auto' ? ['first', 'taught'] : ['first']) {
      if (round === 'taught') await runIn(process.execPath, [cli, '-p', 'no:cacheprovider', '--engine', engine], dir, '', temp);
      for (const k of ['patchings', 'wrap', 'slow_path', 'not patchings', 'plain or slow_path']) {
        const args = ['-p', 'no:cacheprovider', '-rA', '-k', k];
        const pytest = pytestOf.get(k) ?? (await runIn('python3', ['-m', 'pytest', ...args], dir, '', temp));
        pytestOf.set(k, pytest);
        const fastest = await runIn(process.execPath, [cli, '--engine', engine, ...args], dir, '', temp);
        const label = { engine, round, k };
        expect({ ...label, code: fastest.code, line: summaryLine(fastest.out), tests: statusLines(fastest.out) }).toEqual({
          ...label,
          code: pytest.code,
          line: summaryLine(pytest.out),
          tests: statusLines(pytest.out),
        });
        const listing = ['-p', 'no:cacheprovider', '--co', '-q', '-k', k];
        const pytestListing = listingOf.get(k) ?? normalOutput((await runIn('python3', ['-m', 'pytest', ...listing], dir, '', temp)).out);
        listingOf.set(k, pytestListing);
        const fastestListing = normalOutput((await runIn(process.execPath, [cli, '--engine', engine, ...listing], dir, '', temp)).out);
        expect({ ...label, listing: fastestListing }).toEqual({ ...label, listing: pytestListing });
      }
    }
  }
}, 180_000);

it('a listing after a run: -m over the tests a class inherits from an imported base, as pytest lists them', async () => {
  // (a taught test of an imported base has marks discovery does not know: the workers judge it;
  // the listing kept discovery's verdict and listed cachetools' 145 tests under -m slow)
  const temp = join(work, 'tmp');
  const dir = join(work, 'inherited');
  writeLines(dir, 'pytest.ini', ['[pytest]', 'markers =', '    slow: slow tests']);
  writeLines(dir, 'helper.py', [
    'import pytest',
    '',
    'class Mixin:',
    '    @pytest.mark.slow',
    '    def test_slow(self):',
    '        pass',
    '',
    '    def test_fast(self):',
    '        pass',
  ]);
  writeLines(dir, 'test_a.py', ['from helper import Mixin', '', 'class TestA(Mixin):', '    pass']);
  const env = { PYTHONPATH: dir };
  await runIn(process.execPath, [cli, '-p', 'no:cacheprovider', '-q'], dir, '', temp, env);
  for (const m of ['slow', 'not slow', 'nothing']) {
    const listing = ['-p', 'no:cacheprovider', '--co', '-q', '-m', m];
    const pytest = await runIn('python3', ['-m', 'pytest', ...listing], dir, '', temp, env);
    const fastest = await runIn(process.execPath, [cli, ...listing], dir, '', temp, env);
    expect({ m, code: fastest.code, out: normalOutput(fastest.out) }).toEqual({ m, code: pytest.code, out: normalOutput(pytest.out) });
  }
}, 120_000);
