// The warnings pytest itself raises, natively. PytestUnknownMarkWarning where a module uses a mark
// nothing registered (the ini's `markers`, a conftest's or a plugin's pytest_configure, pytest's
// own), an error under -W error: the native engine reads the same registrations
// (native/config.py MarkRegistry). PytestReturnNotNoneWarning for a test that returns a value:
// pytest's own pytest_pyfunc_call makes it. Compared here with the installed pytest's warnings
// summary and closing line, with and without pytest's header (a worker's pytest session for the
// header has pytest's own registrations).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' };
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-unknown-marks-'));
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\nmarkers =\n    registered_in_ini: a mark the ini registers\n');
  writeFileSync(join(dir, 'conftest.py'), 'def pytest_configure(config):\n    config.addinivalue_line("markers", "from_conftest: registered by a conftest")\n');
  // pytest's own marks, the installed plugins' (hypothesis, pytest-xdist, pytest-cov: unknown
  // when plugins are not autoloaded, or not installed), registered ones, and two nothing registers
  writeFileSync(
    join(dir, 'test_marks.py'),
    [
      'import pytest',
      '',
      '@pytest.mark.registered_in_ini',
      '@pytest.mark.from_conftest',
      '@pytest.mark.filterwarnings("ignore")',
      '@pytest.mark.hypothesis',
      '@pytest.mark.xdist_group("g")',
      '@pytest.mark.no_cover',
      'def test_known(): pass',
      '',
      '@pytest.mark.typo_mark',
      'def test_unknown(): pass',
      '',
      '@pytest.mark.parametrize("x", [1, pytest.param(2, marks=pytest.mark.another_unknown)])',
      'def test_param(x): pass',
      '',
      'pytestmark = pytest.mark.skipif(False, reason="no")',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'test_returns.py'), 'def test_returns_value():\n    return {"not": "None"}\n\n\ndef test_returns_none():\n    return None\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** From the warnings summary (or the first error) to the closing line, its duration blanked. */
function tail(out: string): string {
  const at = out.search(/^(=+ (warnings summary|ERRORS) =+)$/m);
  return (at >= 0 ? out.slice(at) : out.split('\n').slice(-2).join('\n')).replace(/ in \d+\.\d\ds/, ' in T').replaceAll(dir, '<dir>');
}

/** `autoload`: pytest loads the installed plugins (the tests' default is not to). */
function pytest(args: string[], autoload: boolean) {
  const r = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], { cwd: dir, env: withAutoload(autoload), encoding: 'utf8' });
  return { code: r.status, tail: tail(r.stdout) };
}

function fastest(args: string[], autoload = false) {
  const r = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', ...args], { cwd: dir, env: withAutoload(autoload), encoding: 'utf8' });
  return { code: r.status, tail: tail(r.stdout) };
}

const withAutoload = (autoload: boolean) => ({ ...env, PYTEST_DISABLE_PLUGIN_AUTOLOAD: autoload ? '' : '1' });

describe("pytest's own warnings", () => {
  it.each([
    [['-q'], false],
    [[], false],
    [['-q'], true],
    [[], true],
    [['-q', '-W', 'error::pytest.PytestUnknownMarkWarning'], false],
    [['-q', '-W', 'ignore::pytest.PytestUnknownMarkWarning'], false],
  ])('warns as in pytest: %j, plugins autoloaded: %s', (args: string[], autoload: boolean) => {
    const expected = pytest(args, autoload);
    for (const engine of ['native', 'auto']) {
      expect({ engine, ...fastest([...args, '--engine', engine], autoload) }).toEqual({ engine, ...expected });
    }
  });

  it('name both unregistered marks, no registered one, and the test that returned a value', () => {
    const got = fastest(['-q', '--engine', 'native']);
    expect(got.tail).toContain('Unknown pytest.mark.typo_mark');
    expect(got.tail).toContain('Unknown pytest.mark.another_unknown');
    expect(got.tail).not.toContain('registered_in_ini');
    expect(got.tail).not.toContain('from_conftest');
    expect(got.tail).toContain('PytestReturnNotNoneWarning: Test functions should return None, but test_returns.py::test_returns_value returned');
    expect(got.tail).toMatch(/6 passed, 6 warnings in T/);
  });
});
