// Async tests and fixtures: which modules the native engine runs (support.py's async rules) and what
// `--engine native` says about the rest. Outcomes against real pytest: compat.test.ts.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// pytest-asyncio, whose rules the native engine follows when it loads: pytest autoloads the installed plugins in this file's runs (test/global-setup.ts).
process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD = '';

const run = promisify(execFile);
const repo = join(__dirname, '..');
const fixtures = join(repo, 'test', 'fixtures');
const cli = join(repo, 'dist', 'cli.js');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-async-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

// One Python process: static_check of every module of the async fixture projects under several
// async setups, and async_setup's reading of `-p` and PYTEST_DISABLE_PLUGIN_AUTOLOAD.
const probe = String.raw`
import json, os, sys

from fastest_worker.native import support
from fastest_worker.native.builtins import BUILTIN_FIXTURES
from fastest_worker.native.config import NativeConfig

fixtures = sys.argv[1]
builtins = set(BUILTIN_FIXTURES)
setups = {
    "off": support.AsyncSetup("off"),
    "on": support.AsyncSetup("on"),
    "on-auto": support.AsyncSetup("on", mode="auto"),
    "unknown": support.AsyncSetup("unknown"),
    "trio": support.AsyncSetup("off", others=("pytest_trio",)),
    "on-module-loops": support.AsyncSetup("on", test_loop_scope="module"),
    "on-bad-mode": support.AsyncSetup("on", mode="loose"),
    "on-not-loadable": support.AsyncSetup("on"),
}
for name, setup in setups.items():
    if name.startswith("on") and name != "on-not-loadable":
        setup.asyncio_plugin = "asyncio"  # as the engine sets it for pytest-asyncio's entry point
checks = {}
for project in ("native-async-noplugin", "native-async-asyncio", "native-async-routed", "native-async-auto"):
    root = os.path.join(fixtures, project)
    files = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root)
                   for f in fs if f.startswith("test_") and f.endswith(".py"))
    for name, setup in setups.items():
        for rel in files:
            checks[f"{project}/{rel}@{name}"] = support.static_check(root, rel, builtins, None, setup)
config = NativeConfig(fixtures, {"asyncio_mode": "auto", "asyncio_debug": "true"})
def state(args, env):
    s = support.async_setup(config, args, env)
    return [s.asyncio, s.mode, s.debug]
installed = support._importable("pytest_asyncio")
print(json.dumps({"checks": checks, "installed": installed, "setups": {
    "default": state([], {}),
    "blocked": state(["-p", "no:asyncio"], {}),
    "blocked-joined": state(["-pno:asyncio"], {}),
    "no-autoload": state([], {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}),
    "no-autoload-explicit": state(["-p", "pytest_asyncio.plugin"], {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}),
    "no-autoload-env": state([], {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTEST_PLUGINS": "pytest_asyncio.plugin"}),
}}))
`;

type Probe = { checks: Record<string, string | null>; installed: boolean; setups: Record<string, [string, string, boolean]> };
let probed: Probe;

async function probeSupport(): Promise<Probe> {
  if (!probed) {
    const { stdout } = await run('python3', ['-c', probe, fixtures], { env: { ...process.env, PYTHONPATH: join(repo, 'python') } });
    probed = JSON.parse(stdout) as Probe;
  }
  return probed;
}

function routed(checks: Record<string, string | null>, setup: string): Record<string, string | null> {
  const picked: Record<string, string | null> = {};
  for (const [key, reason] of Object.entries(checks)) {
    const [file, name] = key.split('@');
    if (name === setup) picked[file] = reason;
  }
  return picked;
}

describe('static_check: async rules', () => {
  it('without pytest-asyncio every module runs natively (pytest 9 fails/errors them itself)', async () => {
    const off = routed((await probeSupport()).checks, 'off');
    expect(Object.keys(off).length).toBeGreaterThanOrEqual(9);
    for (const [file, reason] of Object.entries(off)) {
      if (!file.startsWith('native-async-routed/test_pytest_asyncio')) expect([file, reason]).toEqual([file, null]);
    }
  });

  it('with pytest-asyncio (strict): its tests, fixtures and loop scopes stay native, with its plugin loaded', async () => {
    const on = routed((await probeSupport()).checks, 'on');
    expect(on['native-async-asyncio/test_asyncio_marked.py']).toBeNull();
    expect(on['native-async-asyncio/test_asyncio_plain_fixture.py']).toBeNull();
    expect(on['native-async-routed/test_native_alongside.py']).toBeNull();
    expect(on['native-async-noplugin/test_async_noplugin.py']).toBeNull();
    expect(on['native-async-routed/test_pytest_asyncio_fixtures.py']).toBeNull();
    expect(on['native-async-routed/test_loop_scope_mark.py']).toBeNull();
    // what its item classes do beyond a loop_scope: pytest
    expect(on['native-async-routed/test_scope_kwarg.py']).toBe('test_scope_kwarg.py uses pytest-asyncio (asyncio mark with arguments)');
  });

  it('auto mode: plain async fixtures (and autouse ones) stay native too', async () => {
    const auto = routed((await probeSupport()).checks, 'on-auto');
    expect(auto['native-async-auto/test_auto_tests.py']).toBeNull();
    expect(auto['native-async-auto/test_auto_fixtures.py']).toBeNull();
    expect(auto['native-async-noplugin/sub/test_autouse_async.py']).toBeNull();
    expect(auto['native-async-routed/test_scope_kwarg.py']).toMatch(/asyncio mark with arguments/);
  });

  it('what native cannot tell or does not do goes to pytest', async () => {
    const { checks } = await probeSupport();
    expect(routed(checks, 'unknown')['native-async-asyncio/test_asyncio_marked.py']).toMatch(/cannot tell whether pytest-asyncio is loaded/);
    expect(routed(checks, 'trio')['native-async-noplugin/test_async_noplugin.py']).toMatch(/pytest_trio is installed/);
    expect(routed(checks, 'trio')['native-async-routed/test_native_alongside.py']).toMatch(/pytest_trio is installed/);
    expect(routed(checks, 'on-module-loops')['native-async-asyncio/test_asyncio_marked.py']).toBeNull();
    expect(routed(checks, 'on-not-loadable')['native-async-asyncio/test_asyncio_marked.py']).toBe(
      'test_asyncio_marked.py uses pytest-asyncio, which the native engine cannot load here',
    );
    expect(routed(checks, 'on-bad-mode')['native-async-auto/test_auto_tests.py']).toMatch(/'loose' is not a valid mode/);
    // a module with nothing async is never routed by these rules
    expect(routed(checks, 'unknown')['native-async-noplugin/test_async_noplugin.py']).toMatch(/cannot tell/);
  });

  it('async_setup reads -p no:asyncio, PYTEST_DISABLE_PLUGIN_AUTOLOAD and the ini', async () => {
    const { setups, installed } = await probeSupport();
    expect(setups['default']).toEqual([installed ? 'on' : 'off', 'auto', true]);
    expect(setups['blocked'][0]).toBe('off');
    expect(setups['blocked-joined'][0]).toBe('off');
    expect(setups['no-autoload'][0]).toBe('off');
    expect(setups['no-autoload-explicit'][0]).toBe(installed ? 'unknown' : 'off');
    expect(setups['no-autoload-env'][0]).toBe(installed ? 'unknown' : 'off');
  });
});

async function fastest(
  dir: string,
  args: string[],
): Promise<{ tests: { id: string; outcome: string; engine: string }[]; collectionErrors: { file: string; message: string }[] }> {
  const json = join(dir, 'report.json');
  await run(process.execPath, [cli, '-n', '1', '--no-cache', '--json', json, ...args], {
    cwd: dir,
    env: { ...process.env, GITHUB_ACTIONS: '' },
  }).catch((e: { code?: number }) => {
    if (typeof e.code !== 'number' || e.code > 2) throw e;
  });
  return JSON.parse(readFileSync(json, 'utf8'));
}

describe('through the CLI (needs pytest-asyncio, as .ci/run installs it)', () => {
  it('--engine native refuses the modules pytest-asyncio needs pytest for, with the reason, and runs the rest', async () => {
    const { installed } = await probeSupport();
    if (!installed) return;
    const dir = join(work, 'routed');
    cpSync(join(fixtures, 'native-async-routed'), dir, { recursive: true });
    const report = await fastest(dir, ['--engine', 'native']);
    expect(report.collectionErrors.map((e) => [e.file, e.message]).sort()).toEqual([
      ['test_scope_kwarg.py', 'native engine cannot run test_scope_kwarg.py: test_scope_kwarg.py uses pytest-asyncio (asyncio mark with arguments)'],
    ]);
    expect(new Set(report.tests.map((t) => t.engine))).toEqual(new Set(['native']));
    expect(report.tests.filter((t) => t.id.startsWith('test_pytest_asyncio_fixtures.py')).map((t) => t.outcome)).toEqual(
      Array(7).fill('passed'), // (and test_teardown_error's teardown errors, as in pytest)
    );
  });

  it('auto: each module on the engine the rules pick, -p no:asyncio turning the plugin off', async () => {
    const { installed } = await probeSupport();
    if (!installed) return;
    const dir = join(work, 'auto');
    cpSync(join(fixtures, 'native-async-auto'), dir, { recursive: true });
    const engines = (r: { tests: { id: string; engine: string }[] }) => [...new Set(r.tests.map((t) => `${t.id.split('::')[0]} ${t.engine}`))].sort();
    expect(engines(await fastest(dir, []))).toEqual(['test_auto_fixtures.py native', 'test_auto_tests.py native']);
    // without the plugin pytest fails every coroutine test, natively too
    const off = await fastest(dir, ['-p', 'no:asyncio', 'test_auto_tests.py']);
    expect(off.tests.map((t) => [t.id, t.outcome, t.engine]).sort()).toEqual([
      ['test_auto_tests.py::TestAuto::test_method', 'failed', 'native'],
      ['test_auto_tests.py::test_marked_too', 'failed', 'native'],
      ['test_auto_tests.py::test_new_loop_per_test', 'failed', 'native'],
      ['test_auto_tests.py::test_sync', 'passed', 'native'],
      ['test_auto_tests.py::test_unmarked_coroutine_fails', 'failed', 'native'],
      ['test_auto_tests.py::test_unmarked_coroutine_runs', 'failed', 'native'],
    ]);
  });

  it("--asyncio-mode=auto wins over the ini and -o as pytest-asyncio's flag does, for both engines", async () => {
    const { installed } = await probeSupport();
    if (!installed) return;
    const dir = join(work, 'mode-flag');
    cpSync(join(fixtures, 'native-async-auto'), dir, { recursive: true });
    const strict = await fastest(dir, ['-o', 'asyncio_mode=strict', 'test_auto_tests.py']);
    expect(strict.tests.find((t) => t.id.endsWith('::test_unmarked_coroutine_runs'))?.outcome).toBe('failed');
    for (const engine of ['auto', 'pytest']) {
      const flagged = await fastest(dir, ['--asyncio-mode=auto', '-o', 'asyncio_mode=strict', '--engine', engine, 'test_auto_tests.py']);
      expect(flagged.tests.find((t) => t.id.endsWith('::test_unmarked_coroutine_runs'))?.outcome).toBe('passed');
    }
  });
});
