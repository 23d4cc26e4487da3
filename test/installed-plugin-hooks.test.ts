// Installed plugins whose hooks the native engine does not run (native/plugins.py): a plugin pytest
// loads (autoloaded from its entry point, `-p NAME`, PYTEST_PLUGINS) that implements a hook
// changing what a test does or reports sends every module to the pytest engine, where before the
// native engine ran them as if the plugin were not there; one with only inert hooks
// (pytest_addoption, pytest_report_header) does not. pytest-describe's hook acts on the modules
// that name one of its `describe_prefixes`: only those go to pytest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryLine, writeLines } from './helpers/against-pytest.js';

// Plugins found by their entry points, as pytest finds them: pytest autoloads the installed plugins in this file's runs (test/global-setup.ts).
process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD = '';

const cli = join(__dirname, '..', 'dist', 'cli.js');
let proj: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  proj = mkdtempSync(join(tmpdir(), 'fastest-plugin-hooks-'));
  env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1', PYTHONPATH: join(proj, 'site') };
  // an installed plugin: its pytest11 entry point is autoloaded by pytest, and not by the tests below unless asked
  writeLines(proj, 'site/skipper_plugin-1.0.dist-info/METADATA', ['Metadata-Version: 2.1', 'Name: skipper-plugin', 'Version: 1.0']);
  writeLines(proj, 'site/skipper_plugin-1.0.dist-info/entry_points.txt', ['[pytest11]', 'skipper = skipper']);
  writeLines(proj, 'site/skipper.py', [
    'import pytest',
    '',
    'def pytest_runtest_setup(item):',
    '    if item.name.endswith("_by_plugin"):',
    '        pytest.skip("skipped by the plugin")',
  ]);
  writeLines(proj, 'site/header_only.py', [
    'def pytest_addoption(parser):',
    '    parser.addini("header_only_flag", "unused")',
    '',
    'def pytest_report_header(config):',
    '    return "header-only plugin"',
  ]);
  // stands in for pytest-describe: a describe-prefixed function is collected by the plugin's hook
  writeLines(proj, 'site/pytest_describe/__init__.py', []);
  writeLines(proj, 'site/pytest_describe/plugin.py', [
    'import types',
    'import pytest',
    '',
    'def pytest_addoption(parser):',
    '    parser.addini("describe_prefixes", type="args", default=("describe",), help="prefixes")',
    '',
    'def pytest_pycollect_makeitem(collector, name, obj):',
    '    if isinstance(obj, types.FunctionType):',
    '        for prefix in collector.config.getini("describe_prefixes"):',
    '            if obj.__name__.startswith(prefix):',
    '                return [pytest.Function.from_parent(collector, name=name, callobj=obj)]',
  ]);
  writeLines(proj, 'pytest.ini', ['[pytest]', 'testpaths = tests']);
  writeLines(proj, 'tests/test_skips.py', ['def test_runs():', '    pass', '', 'def test_skipped_by_plugin():', '    assert False']);
  writeLines(proj, 'tests/test_specs.py', ['def spec_fails():', '    assert 1 == 2', '', 'def test_plain():', '    pass']);
  writeLines(proj, 'tests/test_other.py', ['def test_other():', '    pass']);
});
afterAll(() => rmSync(proj, { recursive: true, force: true }));

function both(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const runEnv = { ...env, ...extraEnv };
  const pytest = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], { cwd: proj, encoding: 'utf8', env: runEnv });
  const fastest = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '--no-cache', '-n', '2', '--show-engines', ...args], {
    cwd: proj,
    encoding: 'utf8',
    env: runEnv,
  });
  return { pytest, fastest, pytestSummary: summaryLine(pytest.stdout), fastestSummary: summaryLine(fastest.stdout) };
}

describe('installed plugins with hooks the native engine does not run', () => {
  it('an autoloaded plugin with a runtest hook sends every module to pytest', () => {
    const r = both([]);
    expect(r.pytestSummary).toBe('3 passed, 1 skipped');
    expect(r.fastestSummary).toBe(r.pytestSummary);
    expect(r.fastest.status).toBe(r.pytest.status);
    expect(r.fastest.stdout).toContain(
      'tests/test_other.py: pytest engine (plugin skipper (skipper) implements pytest_runtest_setup, which the native engine does not run)',
    );
  });

  it('-p no:NAME blocks it: the modules run natively, as pytest runs them without it', () => {
    const r = both(['-p', 'no:skipper']);
    expect(r.pytestSummary).toBe('1 failed, 3 passed');
    expect(r.fastestSummary).toBe(r.pytestSummary);
    expect(r.fastest.stdout).toContain('tests/test_skips.py: native engine');
  });

  it('a plugin named by PYTEST_PLUGINS or -p is checked as an autoloaded one', () => {
    for (const [args, extra] of [
      [['-p', 'skipper'], { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' }],
      [[], { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1', PYTEST_PLUGINS: 'skipper' }],
    ] as const) {
      const r = both([...args], extra);
      expect(r.pytestSummary).toBe('3 passed, 1 skipped');
      expect(r.fastestSummary).toBe(r.pytestSummary);
      expect(r.fastest.stdout).toContain('tests/test_skips.py: pytest engine (plugin skipper (skipper) implements pytest_runtest_setup');
    }
  });

  it('a plugin with only inert hooks keeps the native engine', () => {
    const r = both(['-p', 'header_only'], { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' });
    expect(r.pytestSummary).toBe('1 failed, 3 passed');
    expect(r.fastestSummary).toBe(r.pytestSummary);
    expect(r.fastest.stdout).toContain('tests/test_other.py: native engine');
  });

  it("pytest-describe's blocks: only the modules naming a prefix go to pytest", () => {
    const r = both(['-p', 'pytest_describe.plugin', '-p', 'no:skipper', '-o', 'describe_prefixes=spec']);
    expect(r.pytestSummary).toBe('2 failed, 3 passed');
    expect(r.fastestSummary).toBe(r.pytestSummary);
    expect(r.fastest.stdout).toContain('tests/test_specs.py: pytest engine (pytest-describe collects its `spec` blocks)');
    expect(r.fastest.stdout).toContain('tests/test_other.py: native engine');
    expect(r.fastest.stdout).toContain('FAILED tests/test_specs.py::spec_fails');
  });
});

// anyio's plugin runs only coroutine tests and fixtures (of a test using `anyio_backend`, or all in
// its auto mode): a conftest defining `anyio_backend` keeps the native engine for synchronous
// modules. A stand-in `anyio` package with the plugin's entry point and only its pyfunc_call: not
// the plugin the native engine runs (test/native-anyio.test.ts), so its module goes to pytest.
describe("anyio's plugin", () => {
  let anyioProj: string;
  beforeAll(() => {
    anyioProj = mkdtempSync(join(tmpdir(), 'fastest-anyio-'));
    writeLines(anyioProj, 'site/anyio-4.0.dist-info/METADATA', ['Metadata-Version: 2.1', 'Name: anyio', 'Version: 4.0']);
    writeLines(anyioProj, 'site/anyio-4.0.dist-info/entry_points.txt', ['[pytest11]', 'anyio = anyio.pytest_plugin']);
    writeLines(anyioProj, 'site/anyio/__init__.py', []);
    writeLines(anyioProj, 'site/anyio/pytest_plugin.py', [
      'import asyncio, inspect',
      'import pytest',
      '',
      '@pytest.hookimpl(tryfirst=True)',
      'def pytest_pyfunc_call(pyfuncitem):',
      '    if pyfuncitem.funcargs.get("anyio_backend") and inspect.iscoroutinefunction(pyfuncitem.obj):',
      '        args = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}',
      '        asyncio.run(pyfuncitem.obj(**args))',
      '        return True',
    ]);
    writeLines(anyioProj, 'pytest.ini', ['[pytest]']);
    writeLines(anyioProj, 'conftest.py', ['import pytest', '', '@pytest.fixture', 'def anyio_backend():', '    return "asyncio"']);
    writeLines(anyioProj, 'test_sync.py', ['def test_sync():', '    pass']);
    writeLines(anyioProj, 'test_async.py', ['async def test_async(anyio_backend):', '    assert anyio_backend == "asyncio"']);
  });
  afterAll(() => rmSync(anyioProj, { recursive: true, force: true }));

  it('only the module with a coroutine test goes to pytest', () => {
    const runEnv = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1', PYTHONPATH: join(anyioProj, 'site') };
    const pytest = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider'], { cwd: anyioProj, encoding: 'utf8', env: runEnv });
    const fastest = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '--no-cache', '--show-engines'], {
      cwd: anyioProj,
      encoding: 'utf8',
      env: runEnv,
    });
    expect(pytest.stdout).toContain('2 passed');
    expect(fastest.stdout).toContain('2 passed');
    expect(fastest.stdout).toContain('test_async.py: pytest engine (plugin anyio has no pytest_fixture_setup)');
    expect(fastest.stdout).toContain('test_sync.py: native engine');
  });
});
