// Shapes of real projects' tests that the native engine runs rather than handing them to pytest,
// with pytest's outcomes per id:
// - a conftest's pytest_generate_tests that never parametrizes (django-ninja's sets an
//   environment variable), called per test function as pytest calls it; one that parametrizes,
//   itself or through a helper it hands metafunc to, still sends its modules to the pytest engine;
// - parametrize reached through a helper decorator with the argnames in a variable (jinja's
//   mark_dualiter("articles", ...)): its argument is not a missing fixture;
// - pytest-cov's no_cover mark without --cov (dateutil's conftest adds it): inert, as in pytest;
// - the asyncio mark under --strict-markers with pytest-asyncio loaded, which registers it
//   (structlog's addopts); without the plugin pytest refuses the mark, so pytest reports it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// pytest-asyncio, which registers the asyncio mark: pytest autoloads the installed plugins in this file's runs (test/global-setup.ts).
process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD = '';

const run = promisify(execFile);
const HERE = new URL('.', import.meta.url).pathname;
const HARNESS = join(HERE, 'native_harness.py');
const ROOT = join(HERE, 'fixtures', 'native-real-shapes');
const SIDE = 'tests/test_side_effect.py';
const HELPER = 'test_helper_param.py';
const NO_COVER = 'test_no_cover.py';
const work = mkdtempSync(join(tmpdir(), 'native-generate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("native engine: real projects' shapes", () => {
  it('runs natively a conftest hook that never parametrizes and a helper-made parametrize, else falls back to pytest', async () => {
    const { stdout } = await run('python3', [HARNESS, ROOT, '--check', SIDE, HELPER, NO_COVER, 'tests/param/test_letters.py', 'tests/helper/test_helper.py'], {
      cwd: ROOT,
    });
    expect(jsonLines(stdout).map((f) => f.reason)).toEqual([
      null,
      null,
      null,
      'tests/param/conftest.py defines the pytest hook pytest_generate_tests',
      'tests/helper/conftest.py defines the pytest hook pytest_generate_tests',
    ]);
  }, 300_000);

  it('takes the asyncio mark as registered under --strict-markers when pytest-asyncio is loaded', async () => {
    const asyncRoot = join(HERE, 'fixtures', 'native-async-asyncio');
    const check = async (...args: string[]) => {
      const { stdout } = await run('python3', [HARNESS, asyncRoot, '--check', '--arg', '--strict-markers', ...args, 'test_asyncio_marked.py'], {
        cwd: asyncRoot,
      });
      return jsonLines(stdout)[0].reason;
    };
    const { stdout: installed } = await run('python3', ['-c', 'import importlib.util; print(importlib.util.find_spec("pytest_asyncio") is not None)']);
    expect(installed.trim()).toBe('True'); // the test venv's pytest-asyncio
    expect(await check()).toBeNull();
    expect(await check('--arg', '-p', '--arg', 'no:asyncio')).toMatch(/uses the mark 'asyncio', not in `markers`, under --strict-markers/);
  }, 300_000);

  it('calls the hook per function and parametrizes through the helper, as pytest does: same outcomes per id', async () => {
    const out = join(work, 'pytest.jsonl');
    await run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-p', 'native_pytest_outcomes', SIDE, HELPER, NO_COVER], {
      cwd: ROOT,
      env: { ...process.env, PYTHONPATH: HERE, NATIVE_PYTEST_OUT: out },
    }).catch(() => undefined); // exit 1: test_param[5] fails
    const expected = new Map(jsonLines(readFileSync(out, 'utf8')).map((r) => [r.id as string, r.outcome as string]));
    const { stdout } = await run('python3', [HARNESS, ROOT, SIDE, HELPER, NO_COVER], { cwd: ROOT });
    const got = new Map(
      jsonLines(stdout)
        .filter((f) => f.t === 'result')
        .map((f) => [f.id as string, f.outcome as string]),
    );
    expect(expected.size).toBe(13);
    expect([...expected.values()].filter((o) => o !== 'passed')).toEqual(['failed', 'xfailed']); // test_param[5], test_xfail_not_measured
    expect([...got.entries()].sort()).toEqual([...expected.entries()].sort());
  }, 300_000);
});
