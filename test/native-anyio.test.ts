// anyio's pytest plugin in the native engine (native/plugins.py AnyioHooks): the real plugin, from
// the test environment's `apart` directory, autoloaded as in a project that installs anyio, with
// trio as a second backend. Its own hooks run the tests and async fixtures (one shared runner per
// backend, held by module-scoped async fixtures), mark coroutine tests at collection and expand
// tests marked later by backend (a module that needs that goes to pytest).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectSameOutput, expectSameResults, loggedProjects, statusLines, summaryLine } from './helpers/against-pytest.js';

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
