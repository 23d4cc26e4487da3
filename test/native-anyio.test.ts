// anyio's pytest plugin in the native engine (native/plugins.py AnyioHooks): the real plugin, from
// the test environment's `apart` directory, autoloaded as in a project that installs anyio, with
// trio as a second backend. Its own hooks run the tests and async fixtures (one shared runner per
// backend, held by module-scoped async fixtures), mark coroutine tests at collection and expand
// tests marked later by backend (a module that needs that goes to pytest).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cli,
  expectSameOutput,
  expectSameResults,
  loggedProjects,
  normalOutput,
  runIn,
  statusLines,
  summaryLine,
  writeLines,
} from './helpers/against-pytest.js';

const apart = join(process.env.VIRTUAL_ENV ?? '', 'apart');
const { project, inProject } = loggedProjects(join(__dirname, 'fixtures', 'native-anyio'), 'fastest-anyio-', ['-p', 'no:cacheprovider'], {
  PYTHONPATH: apart,
  PYTEST_DISABLE_PLUGIN_AUTOLOAD: '',
});

describe("anyio's plugin, natively", () => {
  it('runs as pytest runs it: backends, shared runners, async fixtures, failures, hypothesis', async () => {
    const dir = project();
    // not late/: pytest's header counts its marked test once, before anyio's plugin makes a test
    // per backend of it; the pytest engine counts what it runs (README)
    const paths = ['sub', 'test_backends.py'];
    const pytest = await inProject(dir, 'pytest', ['-v', '-rA', ...paths]);
    expect(summaryLine(pytest.ran.out)).toBe('8 failed, 16 passed, 2 skipped, 2 xfailed, 1 error');
    for (const engine of ['auto', 'native']) {
      const fastest = await inProject(dir, 'fastest', ['-v', '-rA', '-n', '1', '--engine', engine, ...paths]);
      expectSameOutput(fastest, pytest, engine);
    }
    const shown = await inProject(dir, 'fastest', ['-q', '-n', '1', '--show-engines']);
    expect([...shown.ran.out.matchAll(/(?:late\/|sub\/)?test_\w+\.py: \w+ engine.*/g)].map((m) => m[0])).toEqual([
      "late/test_late.py: pytest engine (anyio's plugin adds a test per backend at the end of collection)",
      'sub/test_fixtures.py: native engine',
      'sub/test_hypothesis_anyio.py: native engine',
      'sub/test_module_scope.py: native engine',
      'test_backends.py: native engine',
    ]);
  }, 120_000);

  it('on two workers, and a module alone whose tests a hook marks', async () => {
    const dir = project();
    const pytest = await inProject(dir, 'pytest', ['-q', '-rA']);
    const fastest = await inProject(dir, 'fastest', ['-q', '-rA', '-n', '2']);
    expectSameResults(fastest, pytest);
    // anyio's plugin was loaded for no other module: its collection-finish expansion still counts
    const late = await inProject(dir, 'fastest', ['-q', '-rA', '-n', '1', 'late']);
    expect(statusLines(late.ran.out)).toEqual(statusLines((await inProject(dir, 'pytest', ['-q', '-rA', 'late'])).ran.out));
    expect(statusLines(late.ran.out)).toContain('PASSED late/test_late.py::test_late_marked[trio]');
  }, 120_000);

  it("in anyio's auto mode and under --strict-markers", async () => {
    const dir = project();
    const args = ['-q', '-rA', '--anyio-mode=auto', '--strict-markers'];
    const pytest = await inProject(dir, 'pytest', args);
    const fastest = await inProject(dir, 'fastest', [...args, '-n', '1', '--show-engines']);
    expect(statusLines(fastest.ran.out)).toEqual(statusLines(pytest.ran.out));
    // the unmarked coroutine test runs under anyio now
    expect(statusLines(pytest.ran.out)).toContain('PASSED sub/test_fixtures.py::test_unmarked');
    expect(summaryLine(fastest.ran.out)).toBe(summaryLine(pytest.ran.out));
    expect(fastest.ran.out).toContain('sub/test_fixtures.py: native engine');
    expect(fastest.ran.out).toContain('late/test_late.py: native engine'); // makeitem took it
  }, 120_000);
});

// anyio's plugin adds usefixtures("anyio_backend") to the coroutine tests it takes: their ids end
// with a backend, from the project's own anyio_backend, or from the plugin's (the backends
// installed). -k and -m judge those ids (stamina: -k on its backends selected nothing).
describe('-k and -m on the tests anyio parametrizes by backend', () => {
  const work = mkdtempSync(join(tmpdir(), 'fastest-anyio-select-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const env = { PYTHONPATH: apart, PYTEST_DISABLE_PLUGIN_AUTOLOAD: '' };
  const backendsFixture = ['import pytest', '', '@pytest.fixture(params=["asyncio", "trio"])', 'def anyio_backend(request):', '    return request.param'];
  const shapes: Record<string, Record<string, string[]>> = {
    'a conftest anyio_backend, parametrized tests and a class': {
      'conftest.py': backendsFixture,
      'test_m.py': [
        'import pytest',
        '',
        'pytestmark = pytest.mark.anyio',
        '',
        '@pytest.mark.parametrize("x", [1, 2])',
        'async def test_ok(x):',
        '    pass',
        '',
        'class TestGen:',
        '    async def test_in_class(self):',
        '        pass',
        '',
        'def test_sync():',
        '    pass',
      ],
    },
    "the plugin's own anyio_backend": {
      'test_m.py': [
        'import pytest',
        '',
        '@pytest.mark.anyio',
        '@pytest.mark.parametrize("x", [1, 2])',
        'async def test_ok(x):',
        '    pass',
        '',
        'async def test_unmarked():',
        '    pass',
      ],
    },
    'auto mode, a module anyio_backend': {
      'pytest.ini': ['[pytest]', 'anyio_mode = auto'],
      'test_m.py': [...backendsFixture, '', 'async def test_ok():', '    pass', '', 'def test_sync():', '    pass'],
    },
  };
  const commandLines = [
    ['-k', 'trio'],
    ['-k', 'asyncio and not Gen'],
    ['-k', 'not test_ok'],
    ['-k', 'trio', '--co', '-q'],
  ];
  for (const [name, files] of Object.entries(shapes)) {
    it(
      name,
      async () => {
        const dir = mkdtempSync(join(work, 'p'));
        for (const [path, lines] of Object.entries(files)) writeLines(dir, path, lines);
        const common = ['-p', 'no:cacheprovider', '-rA'];
        const run = (command: 'pytest' | 'fastest', args: string[]) =>
          command === 'pytest'
            ? runIn('python3', ['-m', 'pytest', ...common, ...args], dir, '', join(work, 'tmp'), env)
            : runIn(process.execPath, [cli, ...common, '-n', '1', ...args], dir, '', join(work, 'tmp'), env);
        const expected = [];
        for (const args of commandLines) expected.push(await run('pytest', args));
        // first runs, then runs taught by a run of every test
        for (const round of ['first', 'taught']) {
          if (round === 'taught') await run('fastest', []);
          for (const [at, args] of commandLines.entries()) {
            if (round === 'first') rmSync(join(dir, '.fastest'), { recursive: true, force: true });
            const fastest = await run('fastest', args);
            const label = `${round}: ${args.join(' ')}`;
            expect(normalOutput(fastest.out), label).toBe(normalOutput(expected[at]!.out));
            expect(fastest.code, label).toBe(expected[at]!.code);
          }
        }
      },
      120_000,
    );
  }
});
