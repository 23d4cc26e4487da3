// pytest-mock's fixtures in the native engine (native/plugins.py): a module that requests `mocker`
// runs natively when pytest would load the plugin, with pytest's outcomes and failure text (its
// wrapped assert_called_with adds pytest's introspection, an assert of the plugin's own module that
// pytest rewrites); when pytest would not load it (-p no:pytest_mock, PYTEST_DISABLE_PLUGIN_AUTOLOAD)
// the module goes to pytest, which reports the missing fixture.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLines } from './helpers/against-pytest.js';

// pytest-mock, loaded natively when pytest would autoload it: pytest autoloads the installed plugins in this file's runs (test/global-setup.ts).
process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD = '';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' };
const hasPytestMock = spawnSync('python3', ['-c', 'import pytest_mock'], { env }).status === 0;
let proj: string;

beforeAll(() => {
  proj = mkdtempSync(join(tmpdir(), 'fastest-native-plugins-'));
  writeFileSync(join(proj, 'pytest.ini'), '[pytest]\n');
  writeFileSync(
    join(proj, 'test_mocking.py'),
    [
      'import os',
      '',
      'SETTINGS = {}',
      '',
      'def test_patch(mocker):',
      '    m = mocker.patch("os.getcwd", return_value="/x")',
      '    assert os.getcwd() == "/x"',
      '    m.assert_called_once_with()',
      '',
      '',
      'def test_spy(mocker):',
      '    spy = mocker.spy(os.path, "join")',
      '    os.path.join("a", "b")',
      '    spy.assert_called_with("a", "c")',
      '',
      '',
      'def test_mock_kwargs(mocker):',
      '    stub = mocker.stub(name="stub")',
      '    stub(1, key="v")',
      '    stub.assert_called_once_with(1, key="w")',
      '',
      '',
      'class TestScoped:',
      '    def test_class(self, class_mocker):',
      '        class_mocker.patch.dict(SETTINGS, {"mode": "on"})',
      '        assert SETTINGS["mode"] == "on"',
      '',
      '    def test_still_patched(self):',
      '        assert SETTINGS.get("mode") == "on"',
      '',
      '',
      'def test_restored():',
      '    assert SETTINGS == {}',
      '    assert not hasattr(os.getcwd, "assert_called_once_with")',
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(proj, { recursive: true, force: true }));

/** The report without what differs by design (header, times, object addresses). */
const report = (out: string) =>
  out
    .split('\n')
    .filter((l) => !/^(platform |workers: |rootdir: |configfile: |plugins: |cachedir: )/.test(l) && !/: (native|pytest) engine/.test(l))
    .map((l) =>
      l
        .replace(/ in [\d.]+s/, ' in Xs')
        .replace(/0x[0-9a-f]+/g, '0xX')
        .replace(/id='\d+'/g, "id='X'"),
    )
    .join('\n');

describe.skipIf(!hasPytestMock)('pytest-mock in the native engine', () => {
  it.each([['1'], ['2']])('runs natively with pytest output, -n %s', (workers) => {
    const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-rA'], { cwd: proj, encoding: 'utf8', env });
    expect(p.stdout).toContain('2 failed, 4 passed');
    const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '-rA', '-n', workers, '--no-cache', '--show-engines'], {
      cwd: proj,
      encoding: 'utf8',
      env,
    });
    expect(f.stdout).toContain('test_mocking.py: native engine\n');
    expect(f.stdout).toContain('pytest introspection follows:');
    expect({ status: f.status, report: report(f.stdout) }).toEqual({ status: p.status, report: report(p.stdout) });
  });

  it.each([
    [['-p', 'no:pytest_mock'], {}],
    [[], { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' }],
  ])('goes to pytest when pytest would not load the plugin: %j %j', (args, extra) => {
    const runEnv = { ...env, ...extra };
    const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-rA', ...args], { cwd: proj, encoding: 'utf8', env: runEnv });
    expect(p.stdout).toContain("fixture 'mocker' not found");
    const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '-rA', '--no-cache', '--show-engines', ...args], {
      cwd: proj,
      encoding: 'utf8',
      env: runEnv,
    });
    expect(f.stdout).toMatch(/test_mocking.py: pytest engine \(fixture '(class_)?mocker' is not defined/);
    expect({ status: f.status, report: report(f.stdout) }).toEqual({ status: p.status, report: report(p.stdout) });
  });
});

// pytest-mock's pytest_configure wraps unittest.mock's assert methods for every test of the
// session, whether it requests `mocker` or not: a failed assert_called_with shows pytest's
// introspection under pytest, and so natively.
describe.skipIf(!hasPytestMock)("pytest-mock's wrapped assert methods without mocker", () => {
  let plain: string;
  beforeAll(() => {
    plain = mkdtempSync(join(tmpdir(), 'fastest-plain-mock-'));
    writeLines(plain, 'pytest.ini', ['[pytest]']);
    writeLines(plain, 'test_plain.py', [
      'from unittest import mock',
      '',
      'def test_called():',
      '    m = mock.Mock()',
      '    m(1)',
      '    m.assert_called_with(2)',
    ]);
  });
  afterAll(() => rmSync(plain, { recursive: true, force: true }));

  it.each([[[]], [['-p', 'no:pytest_mock']]])('reads as under pytest: %j', (args) => {
    // (-q: no header, so no pytest session in the worker, whose configure would wrap them too)
    const p = spawnSync('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...args], { cwd: plain, encoding: 'utf8', env });
    const f = spawnSync(process.execPath, [cli, '-q', '-p', 'no:cacheprovider', '--no-cache', ...args], { cwd: plain, encoding: 'utf8', env });
    const engines = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '--no-cache', '--show-engines', ...args], {
      cwd: plain,
      encoding: 'utf8',
      env,
    });
    expect(engines.stdout).toContain('test_plain.py: native engine');
    expect(p.stdout.includes('pytest introspection follows:')).toBe(args.length === 0);
    expect({ status: f.status, report: report(f.stdout) }).toEqual({ status: p.status, report: report(p.stdout) });
  });
});
