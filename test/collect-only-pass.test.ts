// `--collect-only -q` imports every module, as pytest does: a module that fails to import is
// pytest's collection error (exit 2), not a listing; a module that makes tests at import lists
// them; what importing a module warns is in the warnings summary. The workers' collection pass
// answers; its whole output and exit code are compared here with the installed pytest's, for
// both engines, one and two workers, and (the default setting) after a run taught discovery.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eachSettingAgainstPytest, fastestOutput, projectPerEngine } from './helpers/against-pytest.js';

const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' };

function writeProject(dir: string): void {
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\nmarkers =\n    slow: a slow test\n');
  const files: Record<string, string> = {
    'test_ok.py': 'import pytest\n\ndef test_a(): pass\n\n@pytest.mark.slow\ndef test_b(): pass\n\nclass TestK:\n    def test_c(self): pass\n',
    'test_bad.py': 'import nonexistent_module_xyz\n\ndef test_d(): pass\n',
    'test_raises.py': 'raise RuntimeError("boom")\n\ndef test_r(): pass\n',
    'test_syntax.py': 'def test_x(:\n    pass\n',
    // tests the module makes when imported, beside one discovery reads
    'test_made.py':
      'def _make(i):\n    def t(): assert i >= 0\n    return t\n\nfor _i in range(3):\n    globals()[f"test_made_{_i}"] = _make(_i)\n\ndef test_static(): pass\n',
    'test_warn.py': 'import warnings\nwarnings.warn(UserWarning("warned at import"))\n\ndef test_e(): pass\n',
    // a class that fails to collect: the module's other test is listed
    'test_cls.py':
      'import pytest\n\nclass TestBroken:\n    @pytest.mark.parametrize("x", [1, 2], ids=lambda v: 1/0)\n    def test_p(self, x): pass\n\ndef test_fine(): pass\n',
    'test_skipped.py': 'import pytest\npytest.importorskip("nonexistent_module_xyz")\n\ndef test_s(): pass\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

/** One project per engine, for the cases to run side by side. */
const dirs = projectPerEngine('fastest-co-pass-', writeProject);

interface Listing {
  code: number | null;
  out: string;
}

/** The output with its duration and the project's directory made alike. */
const normal = (out: string, dir: string) => out.replace(/ in \d+\.\d\ds$/m, ' in T').replaceAll(dir, '<dir>');

const pytestListings = new Map<string, Listing>();
/** pytest's listing (the same in each project, as normalized): made once per command line. */
function pytest(args: string[]): Listing {
  const key = JSON.stringify(args);
  if (!pytestListings.has(key)) {
    const r = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '--co', ...args], { cwd: dirs[0], env, encoding: 'utf8' });
    pytestListings.set(key, { code: r.status, out: normal(r.stdout + r.stderr, dirs[0]!) });
  }
  return pytestListings.get(key)!;
}

async function fastest(dir: string, args: string[]): Promise<Listing> {
  const { code, out } = await fastestOutput(['-p', 'no:cacheprovider', '--co', ...args], dir, env);
  return { code, out: normal(out, dir) };
}

const CASES: string[][] = [
  ['-q'],
  ['-qq'],
  ['-q', '-m', 'slow'],
  ['-q', '-k', 'ok or made'],
  ['-q', '--deselect', 'test_ok.py::test_a'],
  ['-q', '--continue-on-collection-errors'],
  ['-q', 'test_ok.py::test_a', 'test_made.py'],
  ['-q', 'test_ok.py::test_nothing'],
  ['-q', 'test_made.py', '-k', 'made_1'],
  ['-q', 'test_cls.py', 'test_ok.py'],
  ['-q', 'test_warn.py', 'test_ok.py'],
  ['-q', '-rs', 'test_skipped.py', 'test_ok.py'],
  ['-q', 'test_skipped.py'],
];

describe('--collect-only -q lists what the collection pass collected, as pytest', () => {
  beforeAll(() => {
    for (const args of CASES) pytest(args);
  });

  // (a run first teaches discovery what it can of the modules)
  eachSettingAgainstPytest(dirs, CASES, ['-q', '-p', 'no:cacheprovider', '--continue-on-collection-errors'], env, fastest, pytest);

  it('a module that fails to import is not listed, and the exit code is 2', async () => {
    const dir = dirs[0]!;
    rmSync(join(dir, '.fastest'), { recursive: true, force: true });
    const got = await fastest(dir, ['-q', 'test_bad.py', 'test_ok.py']);
    expect(got.code).toBe(2);
    expect(got.out).not.toContain('test_bad.py::test_d');
    expect(got.out).toContain('ERROR test_bad.py\n');
    expect(got.out).toContain('3 tests collected, 1 error in T');
  });
});
