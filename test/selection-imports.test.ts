// pytest imports every module its collection reaches, whether or not a test of it is selected:
// what a module does at import (here: a sys.modules entry) is seen by the tests that run. Runs
// that select a part of the suite (--lf, a shard of a plan, an impact selection, -k) must import
// what pytest's collection imports, and tests a module makes at collection (not listed by
// discovery) run when -k keeps them, as in pytest. Compared with the installed pytest.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' };
let proj: string;

const marker = (name: string) => `import sys\n\nsys.modules["fastest_marker_${name}"] = sys\n`;

beforeAll(() => {
  proj = mkdtempSync(join(tmpdir(), 'fastest-selimports-'));
  writeFileSync(join(proj, 'pytest.ini'), '[pytest]\n');
  writeFileSync(
    join(proj, 'test_a.py'),
    'import sys\n\n\ndef test_sees_b():\n    assert "fastest_marker_b" in sys.modules\n\n\n' +
      'def test_sees_c():\n    assert "fastest_marker_c" in sys.modules\n\n\ndef test_sees_d():\n    assert "fastest_marker_d" in sys.modules\n',
  );
  writeFileSync(join(proj, 'test_b_setup.py'), marker('b'));
  writeFileSync(join(proj, 'test_c.py'), `${marker('c')}\n\ndef test_c():\n    pass\n`);
  // Tests made at import, beside one discovery lists.
  writeFileSync(
    join(proj, 'test_d_made.py'),
    `${marker('d')}\n\ndef test_d_static():\n    pass\n\n\ndef _make(n):\n    def check():\n        assert n < 2\n    return check\n\n\n` +
      'for _i in range(3):\n    globals()["test_made_%d" % _i] = _make(_i)\n',
  );
});
afterAll(() => rmSync(proj, { recursive: true, force: true }));

/** The exit code, each test's outcome line (-rA), sorted, and the closing counts line. */
function outcomes(stdout: string, status: number | null): { status: number | null; lines: string[]; counts: string } {
  const all = stdout.split('\n');
  const lines = all
    .filter((l) => /^(PASSED|FAILED|ERROR) /.test(l))
    .map((l) => l.replace(/ - .*$/, ''))
    .sort();
  const counts = (all.filter((l) => /^=+ .* in [\d.]+s/.test(l)).at(-1) ?? '').replace(/^=+ | in [\d.]+s.*$/g, '');
  return { status, lines, counts };
}

function writeLastFailed(ids: string[]): void {
  const dir = join(proj, '.pytest_cache', 'v', 'cache');
  rmSync(join(proj, '.pytest_cache'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'lastfailed'), JSON.stringify(Object.fromEntries(ids.map((id) => [id, true]))));
}

function pytest(args: string[]) {
  const r = spawnSync('python3', ['-m', 'pytest', '-p', 'no:randomly', '-rA', ...args], { cwd: proj, encoding: 'utf8', env });
  return outcomes(r.stdout, r.status);
}

function fastest(args: string[]) {
  const r = spawnSync(process.execPath, [cli, '-p', 'no:randomly', '-rA', '--no-cache', ...args], { cwd: proj, encoding: 'utf8', env });
  return outcomes(r.stdout, r.status);
}

const runs = [
  ['native', '1'],
  ['native', '2'],
  ['pytest', '2'],
];

describe('a run of part of the suite imports the modules pytest imports', () => {
  it.each([[[]], [['test_c.py::test_gone']]])('--lf: no failure recorded, or none that exists (everything runs): %j', (failed: string[]) => {
    writeLastFailed(failed);
    const expected = pytest(['--lf']);
    for (const [engine, workers] of runs) {
      writeLastFailed(failed);
      expect({ engine, workers, ...fastest(['--lf', '--engine', engine, '-n', workers]) }).toEqual({ engine, workers, ...expected });
    }
  });

  it('--lf whose failures are in one module: the modules off their paths are not imported', () => {
    writeLastFailed(['test_a.py::test_sees_b']);
    const expected = pytest(['--lf']);
    // pytest's lfplugin skips test_b_setup.py: the test that needs it fails again.
    expect(expected.lines).toEqual(['FAILED test_a.py::test_sees_b']);
    for (const [engine, workers] of runs) {
      writeLastFailed(['test_a.py::test_sees_b']);
      expect({ engine, workers, ...fastest(['--lf', '--engine', engine, '-n', workers]) }).toEqual({ engine, workers, ...expected });
    }
  });

  it('each shard of a plan imports every module: together they give the full run', () => {
    rmSync(join(proj, '.pytest_cache'), { recursive: true, force: true });
    const expected = pytest(['-p', 'no:cacheprovider']);
    for (const [engine, workers] of runs) {
      const shards = ['1/2', '2/2'].map((shard) => fastest(['-p', 'no:cacheprovider', '--shard', shard, '--engine', engine, '-n', workers]));
      const lines = shards.flatMap((s) => s.lines).sort();
      expect({ engine, workers, lines }).toEqual({ engine, workers, lines: expected.lines });
    }
  });

  it('an impact selection (--affected-by) imports the modules it does not run', () => {
    const expected = pytest(['-p', 'no:cacheprovider', 'test_a.py']);
    // (run as pytest runs the selection: the whole suite collected, the rest deselected)
    const whole = pytest(['-p', 'no:cacheprovider', '-k', 'test_sees']);
    expect(whole.lines).toEqual(['PASSED test_a.py::test_sees_b', 'PASSED test_a.py::test_sees_c', 'PASSED test_a.py::test_sees_d']);
    expect(expected.status).toBe(1);
    for (const [engine, workers] of runs) {
      const run = fastest(['-p', 'no:cacheprovider', '--affected-by', 'test_a.py', '--engine', engine, '-n', workers]);
      expect({ engine, workers, status: run.status, lines: run.lines }).toEqual({ engine, workers, status: 0, lines: whole.lines });
    }
  });
});

describe('tests a module makes at collection run when -k keeps them', () => {
  it.each([['made_1'], ['made'], ['made_2 or sees_c'], ['not static']])('-k %s deselects every listed test of the module', (keyword: string) => {
    const expected = pytest(['-p', 'no:cacheprovider', '-k', keyword]);
    for (const [engine, workers] of runs) {
      expect({ engine, workers, ...fastest(['-p', 'no:cacheprovider', '-k', keyword, '--engine', engine, '-n', workers]) }).toEqual({
        engine,
        workers,
        ...expected,
      });
    }
  });
});
