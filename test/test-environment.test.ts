// The environment a test sees, and the Pythons it starts inherit, is pytest's: PYTEST_VERSION set
// before conftests load (pytest >= 8.2 sets it for its session; the native engine did not), and
// the user's PYTHONPATH, or none, rather than the one Node starts workers with (fastest_worker's
// directory first). pluggy's tests start Pythons that showed it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, runIn, summaryLine, writeLines } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-test-environment-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("tests see pytest's PYTEST_VERSION and the user's PYTHONPATH, in either engine", async () => {
  const dir = join(work, 'p');
  writeLines(dir, 'pytest.ini', ['[pytest]']);
  writeLines(dir, 'conftest.py', ['import os', '', 'AT_CONFTEST = os.environ.get("PYTEST_VERSION")']);
  writeLines(dir, 'test_env.py', [
    'import os, subprocess, sys',
    'import pytest',
    'import conftest',
    '',
    'def test_pytest_version():',
    '    assert os.environ.get("PYTEST_VERSION") == pytest.__version__',
    '    assert conftest.AT_CONFTEST == pytest.__version__',
    '',
    'def test_pythonpath():',
    '    child = subprocess.run([sys.executable, "-c", "import os; print(repr(os.environ.get(\'PYTHONPATH\')))"],',
    '                           capture_output=True, text=True).stdout.strip()',
    '    assert child == os.environ["EXPECTED_PYTHONPATH"]',
  ]);
  const temp = join(work, 'tmp');
  for (const pythonpath of [undefined, join(dir, 'lib')]) {
    const env = { PYTHONPATH: pythonpath, EXPECTED_PYTHONPATH: pythonpath === undefined ? 'None' : `'${pythonpath}'` };
    const pytest = await runIn('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], dir, '', temp, env);
    expect(summaryLine(pytest.out)).toBe('2 passed');
    for (const engine of ['native', 'pytest']) {
      const fastest = await runIn(process.execPath, [cli, '-q', '-p', 'no:cacheprovider', '--engine', engine], dir, '', temp, env);
      expect({ pythonpath, engine, line: summaryLine(fastest.out) }).toEqual({ pythonpath, engine, line: '2 passed' });
    }
  }
}, 120_000);
