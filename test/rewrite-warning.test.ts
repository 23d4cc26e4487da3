// A module pytest marks for assertion rewriting (every module of an installed plugin's
// distribution: hypothesis's `_hypothesis_globals`, pytest-mock's `pytest_mock`…) warns when it was
// imported before pytest's hook, an error under `filterwarnings = error`. In a worker the native engine
// imports test modules (and the plugin's modules with them) before a later module starts the pytest engine;
// plain pytest imports them after its hook and says nothing. dateutil under pytest 9.1.1 was
// "pytest engine failed to start: PytestAssertRewriteWarning …", exit 3, where pytest exits 2.
// The whole output is compared with pytest's, under the test environment's pytest and 9.1.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-rewritewarn-'));
  mkdirSync(join(dir, 'tmproot'));
  // Collected first: the native engine imports the plugin's module with it (as a test imports
  // hypothesis, or pytest_mock for its types).
  writeFileSync(
    join(dir, 'test_0_mocker.py'),
    ['import pytest_mock', '', 'def test_typed():', '    assert pytest_mock.MockerFixture is not None', ''].join('\n'),
  );
  // `pytest_plugins` in a test module: it goes to the pytest engine, started after that import.
  writeFileSync(
    join(dir, 'test_1_plugins.py'),
    ['pytest_plugins = []', '', 'def test_passes():', '    pass', '', 'def test_fails():', '    assert 1 == 2', ''].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pt91 = process.env.FASTEST_PT91_VENV ?? '/work/venvs/pt91';
const venvs: [string, string | null][] = [['the test environment', null]];
if (existsSync(join(pt91, 'bin', 'python'))) venvs.push(['pytest 9.1', pt91]);

function envFor(venv: string | null): NodeJS.ProcessEnv {
  const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1', COLUMNS: '80', PYTEST_DEBUG_TEMPROOT: join(dir, 'tmproot') };
  if (venv === null) return env;
  return { ...env, PATH: `${join(venv, 'bin')}${delimiter}${process.env.PATH ?? ''}`, VIRTUAL_ENV: venv };
}

/** Exit code, stdout and stderr, timings cut, and the fastest-only header lines left out. */
function shown(status: number | null, stdout: string, stderr: string): string {
  const out = stdout
    .split('\n')
    .filter((l) => !/^(platform |workers: |cachedir: |rootdir: |configfile: |plugins: )/.test(l))
    .join('\n')
    .replace(/ in [\d.]+s/g, ' in Xs')
    .replace(/=+/g, '=');
  return `${status}\n${out}\n${stderr}`;
}

describe.each(venvs)('a plugin module imported by a test before the pytest engine starts, with %s', (_name, venv) => {
  it.each([
    ['filterwarnings = error', '[pytest]\nfilterwarnings =\n    error\n', ['-n', '1', '-q']],
    ['filterwarnings = error, -rA', '[pytest]\nfilterwarnings =\n    error\n', ['-n', '1', '-q', '-rA']],
    ['default warning filters', '[pytest]\n', ['-n', '1', '-q']],
  ])('%s: fastest shows what pytest shows', (_what, ini, args) => {
    writeFileSync(join(dir, 'pytest.ini'), ini);
    const env = envFor(venv);
    const pytestArgs = args.filter((a) => a !== '-n' && a !== '1');
    const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...pytestArgs], { cwd: dir, encoding: 'utf8', env });
    const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '--no-cache', ...args], { cwd: dir, encoding: 'utf8', env });
    expect(p.status).toBe(1);
    expect(shown(f.status, f.stdout, f.stderr)).toBe(shown(p.status, p.stdout, p.stderr));
  });
});
