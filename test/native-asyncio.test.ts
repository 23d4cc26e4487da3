// pytest-asyncio in the native engine (support.py's async rules, plugins.NATIVE_PLUGINS["asyncio"]):
// the real plugin, autoloaded as in a project that installs it. Its runner fixtures and its
// pytest_fixture_setup run `@pytest_asyncio.fixture`s (async, async generator, sync, parametrized,
// contextvars they set) and the tests it takes in the runner of their loop scope (function, class,
// module, session; from the mark or the ini's defaults), in auto mode too. Compared with pytest:
// the whole `-v -rA` output (request.fixturenames printed, failures, errors at setup and
// teardown) and the order of a fixture log.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectSameOutput, expectSameResults, loggedProjects, normalOutput, runIn, summaryLine, writeLines } from './helpers/against-pytest.js';

const { project, inProject } = loggedProjects(join(__dirname, 'fixtures', 'native-asyncio'), 'fastest-asyncio-', ['-p', 'no:cacheprovider'], {
  PYTEST_DISABLE_PLUGIN_AUTOLOAD: '',
});

describe('pytest-asyncio, natively', () => {
  it('runs its fixtures and loop scopes as pytest runs them, on the native engine', async () => {
    const dir = project();
    const pytest = await inProject(dir, 'pytest', ['-v', '-rA']);
    expect(summaryLine(pytest.ran.out)).toMatch(/^2 failed, 25 passed, 1 skipped, 1 xfailed, \d+ warnings?, 3 errors$/);
    // the tests read conftest's context variable through `from conftest import`
    expect(pytest.ran.out).toContain('PASSED test_fixtures.py::test_context_var_from_fixture');
    for (const engine of ['auto', 'native']) {
      const fastest = await inProject(dir, 'fastest', ['-v', '-rA', '-n', '1', '--engine', engine]);
      expectSameOutput(fastest, pytest, engine);
    }
    const shown = await inProject(dir, 'fastest', ['-q', '-n', '1', '--show-engines']);
    expect([...shown.ran.out.matchAll(/(?:sub\/)?test_\w+\.py: \w+ engine.*/g)].map((m) => m[0])).toEqual([
      'sub/test_default_scope.py: native engine',
      'sub/test_plain_async_fixture.py: native engine',
      'test_fixtures.py: native engine',
      'test_module_loop.py: native engine',
    ]);
  }, 120_000);

  it('under auto mode and other default loop scopes', async () => {
    const dir = project();
    for (const args of [
      ['--asyncio-mode=auto'],
      ['-o', 'asyncio_default_test_loop_scope=module'],
      ['-o', 'asyncio_default_fixture_loop_scope=module'],
      ['-o', 'asyncio_default_test_loop_scope=session', '-o', 'asyncio_default_fixture_loop_scope=session'],
    ]) {
      const pytest = await inProject(dir, 'pytest', ['-rA', ...args]);
      const fastest = await inProject(dir, 'fastest', ['-rA', '-n', '1', ...args]);
      expect(normalOutput(fastest.ran.out), args.join(' ')).toBe(normalOutput(pytest.ran.out));
      expect(fastest.log, args.join(' ')).toBe(pytest.log);
    }
  }, 120_000);

  it('on two workers', async () => {
    const dir = project();
    const pytest = await inProject(dir, 'pytest', ['-q', '-rA']);
    const fastest = await inProject(dir, 'fastest', ['-q', '-rA', '-n', '2']);
    expectSameResults(fastest, pytest);
  }, 120_000);

  it("a configuration its pytest_configure refuses is pytest's usage error, with or without the header", async () => {
    const dir = project();
    const args = ['-o', 'asyncio_default_fixture_loop_scope=bogus'];
    for (const extra of [['-q'], []]) {
      const pytest = await inProject(dir, 'pytest', [...extra, ...args]);
      const fastest = await inProject(dir, 'fastest', [...extra, ...args]);
      expect(pytest.ran.code).toBe(4);
      expect({ code: fastest.ran.code, err: fastest.ran.err, out: fastest.ran.out }).toEqual({ code: 4, err: pytest.ran.err, out: pytest.ran.out });
    }
  }, 120_000);

  it('in auto mode it marks every coroutine test asyncio: -k and -m see the mark (respx)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fastest-asyncio-mark-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    writeLines(dir, 'pytest.ini', ['[pytest]', 'asyncio_mode = auto', 'asyncio_default_fixture_loop_scope = function']);
    writeLines(dir, 'test_m.py', [
      'async def test_coro():',
      '    pass',
      '',
      'def test_sync():',
      '    pass',
      '',
      'class TestC:',
      '    async def test_in_class(self):',
      '        pass',
    ]);
    const env = { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '' };
    for (const args of [
      ['-k', 'asyncio'],
      ['-k', 'not asyncio'],
      ['-m', 'asyncio'],
    ]) {
      const common = ['-p', 'no:cacheprovider', '-rA', ...args];
      const pytest = await runIn('python3', ['-m', 'pytest', ...common], dir, '', join(dir, 'tmp'), env);
      rmSync(join(dir, '.fastest'), { recursive: true, force: true });
      for (const round of ['first', 'warm']) {
        const fastest = await runIn(process.execPath, [cli, '-n', '1', ...common], dir, '', join(dir, 'tmp'), env);
        expect(normalOutput(fastest.out), `${round}: ${args.join(' ')}`).toBe(normalOutput(pytest.out));
      }
    }
  }, 120_000);
});
