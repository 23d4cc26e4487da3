// What one run teaches discovery (issue 12, item 5): a dynamic item that the run collects as
// itself (a decorator that hides the fixtures it requests, as hypothesis' @given does) is exact
// afterwards, and stays so after a second run that teaches nothing new. A module skipped whole at
// import keeps its skip in later runs, whichever engine ran it first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const project = mkdtempSync(join(tmpdir(), 'fastest-learn-'));
writeFileSync(join(project, 'pytest.ini'), '[pytest]\n');
writeFileSync(
  join(project, 'test_given.py'),
  [
    'import pytest',
    '',
    '',
    'def given_one(f):',
    '    def inner():',
    '        return f(1)',
    '    return inner',
    '',
    '',
    '@pytest.fixture(params=[1, 2])',
    'def num(request):',
    '    return request.param',
    '',
    '',
    '@given_one',
    'def test_signature_changed(num):',
    '    assert num == 1',
    '',
    '',
    'def test_plain(num):',
    '    pass',
    '',
  ].join('\n'),
);
afterAll(() => rmSync(project, { recursive: true, force: true }));

const discover = () =>
  spawnSync(process.execPath, [cli, 'discover'], { cwd: project, encoding: 'utf8' })
    .stdout.split('\n')
    .filter((l) => l.includes('::'));

describe('ids learned from a run', () => {
  it('makes a dynamic item collected as itself exact', () => {
    const pytest = spawnSync('python3', ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'], { cwd: project, encoding: 'utf8' });
    const expected = pytest.stdout.split('\n').filter((line) => line.includes('::'));
    expect(expected).toEqual(['test_given.py::test_signature_changed', 'test_given.py::test_plain[1]', 'test_given.py::test_plain[2]']);
    expect(discover()).toEqual(['test_given.py::test_signature_changed  (dynamic: ids known at run time)', ...expected.slice(1)]);
    // `--co -q` is pytest's option: pytest's ids, not discovery's placeholder, before any run
    const co = spawnSync(process.execPath, [cli, '--co', '-q', '-p', 'no:cacheprovider'], { cwd: project, encoding: 'utf8' });
    expect(co.stdout.split('\n').filter((line) => line.includes('::'))).toEqual(expected);
    for (let run = 0; run < 2; run++) {
      const r = spawnSync(process.execPath, [cli, '-q', '-p', 'no:cacheprovider'], { cwd: project, encoding: 'utf8' });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(discover()).toEqual(expected);
    }
  }, 300_000);

  it('keeps a module skipped at import (importorskip) in the runs after a pytest-engine run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fastest-learn-skip-'));
    try {
      writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
      writeFileSync(join(dir, 'test_skipped.py'), 'import pytest\n\nnope = pytest.importorskip("no_such_module_here")\n\n\ndef test_never():\n    pass\n');
      writeFileSync(join(dir, 'test_ok.py'), 'def test_ok():\n    pass\n');
      // (before the fix: "1 passed" from the second run on, the module's skip lost)
      for (const engine of ['pytest', 'auto', 'native', 'auto']) {
        const r = spawnSync(process.execPath, [cli, '-q', '-rs', '--engine', engine, '-p', 'no:cacheprovider'], { cwd: dir, encoding: 'utf8' });
        expect(r.stdout, engine).toContain('SKIPPED [1] test_skipped.py:3: could not import');
        expect(r.stdout.trim().split('\n').at(-1), engine).toMatch(/^1 passed, 1 skipped in /);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
