// What each of these pytest options does, against pytest (issue 13, "for each option a test of
// its effect"): options.test.ts checks every option is accepted with pytest's exit code and
// closing line on a passing project; here each runs on a project with every outcome, and the
// exit code, each test's outcome line (-rA), the short summary's lines and the closing line must
// be pytest's. Plugins off, as in options.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const env = { ...process.env, GITHUB_ACTIONS: '', CI: '', PYTHONDONTWRITEBYTECODE: '1', PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1', COLUMNS: '80' };
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-opteffects-'));
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  writeFileSync(
    join(dir, 'test_a.py'),
    [
      'import pytest',
      '',
      '@pytest.fixture',
      'def res():',
      '    yield 1',
      '',
      'def test_pass(res):',
      '    assert res == 1',
      '',
      'def test_fail():',
      '    assert 1 == 2',
      '',
      '@pytest.mark.xfail(reason="known")',
      'def test_xfail():',
      '    assert 0',
      '',
      '@pytest.mark.skip(reason="no")',
      'def test_skip():',
      '    pass',
      '',
    ].join('\n'),
  );
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'test_b.py'), 'def test_b():\n    pass\n');
  writeFileSync(join(dir, 'test_c_other.py'), 'import sys\n\ndef test_c():\n    assert "test_c_other" in sys.modules or True\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function observed(stdout: string, status: number | null): { status: number | null; outcomes: string[]; summary: string[]; closing: string } {
  const lines = stdout.split('\n');
  const outcomes = lines.filter((l) => /^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS) /.test(l)).sort();
  const start = lines.findIndex((l) => l.includes('short test summary info'));
  const summary = start === -1 ? [] : lines.slice(start + 1).filter((l) => /^(FAILED|ERROR|XFAIL|XPASS|SKIPPED) /.test(l));
  const closing = (lines.filter((l) => /^=+ .* in [\d.]+s/.test(l)).at(-1) ?? '').replace(/^=+ | in [\d.]+s.*$/g, '');
  return { status, outcomes, summary, closing };
}

function run(args: string[]) {
  const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], { cwd: dir, encoding: 'utf8', env });
  // -x / --maxfail: with several workers, tests already running elsewhere finish (as under
  // xdist); one worker stops where pytest stops.
  const stops = args.some((a) => a === '-x' || a.startsWith('--maxfail'));
  const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '--no-cache', ...(stops ? ['-n', '1'] : []), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env,
  });
  return { pytest: observed(p.stdout, p.status), fastest: observed(f.stdout, f.status) };
}

describe('what options do, against pytest (every outcome)', () => {
  it.each([
    [['-rA', '--runxfail']],
    [['-rA', '--ignore', 'sub']],
    [['-rA', '--ignore-glob', '*_other.py']],
    [['-rA', '--deselect', 'test_a.py::test_fail']],
    [['-rA', '--import-mode=importlib']],
    [['-rA', '--import-mode=append']],
    [['-rA', '--no-summary']],
    [['-rA', '--force-short-summary']],
    [['-rA', '--xfail-tb']],
    [['-rA', '--setup-show']],
    [['-rA', '--full-trace']],
    [['-rA', '--tb=line']],
    [['-rA', '--tb=no']],
    [['-rA', '-x']],
    [['-rA', '--maxfail=1', '-q']],
    [['-rA', '--strict-markers']],
    [['-rA', '--noconftest']],
    [['-rA', '--keep-duplicates', 'test_a.py', 'test_a.py']],
    [['-rA', '--confcutdir', 'sub']],
    [['-rA', '--no-fold-skipped']],
    [['-rA', '--assert=plain']],
    [['-rA', '--setup-only']],
    [['-rA', '--setup-plan']],
    [['-rA', '--code-highlight=no']],
    [['-rA', '--disable-plugin-autoload']],
    [['-rA', '--collect-in-virtualenv']],
    [['-rA', '--trace-config']],
    [['-rA', '--log-file=run.log', '--log-file-mode=a']],
    [['-rA', '--doctest-modules', '--doctest-ignore-import-errors']],
    [['-rA', '--pyargs', 'test_a']],
    [['-rfE']],
    [['-rN']],
  ])('%j', (args: string[]) => {
    const { pytest, fastest } = run(args);
    expect(fastest).toEqual(pytest);
  });
});
