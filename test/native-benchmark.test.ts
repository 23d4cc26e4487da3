// pytest-benchmark's `benchmark` fixture in the native engine, when the run measures nothing
// (--benchmark-disable, or --benchmark-skip saving nothing): the plugin is loaded natively (its
// options, its session, its own fixture, its mark check, its --benchmark-skip marks and its report
// hook telling the fixture a test was skipped), as pytest loads it; a run that measures goes to the
// pytest engine, where one session keeps the statistics (test/plugins-summary.test.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopies, normalOutput, runLogged, summaryLine } from './helpers/against-pytest.js';

const { work, project } = fixtureCopies(join(__dirname, 'fixtures', 'native-benchmark'), 'fastest-benchmark-');
const env = { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '' };

const inProject = async (dir: string, command: 'pytest' | 'fastest', args: string[]) =>
  (await runLogged(dir, command, ['-p', 'no:cacheprovider', ...args], join(work, 'tmp'), env)).ran;

const addresses = (text: string) => normalOutput(text).replace(/ at 0x[0-9a-f]+>/g, ' at 0xX>');
const engines = (out: string) => [...out.matchAll(/test_\w+\.py: \w+ engine.*/g)].map((m) => m[0]);

describe("pytest-benchmark's fixture, natively", () => {
  it('--benchmark-disable (addopts): the fixture calls once, its attributes, misuse and the unused-fixture warning, as pytest', async () => {
    const dir = project();
    // (--engine native refuses test_marked.py: a plugin mark it leaves to pytest)
    for (const [engine, paths] of [
      ['auto', []],
      ['native', ['test_bench.py']],
    ] as const) {
      const pytest = await inProject(dir, 'pytest', ['-v', '-rA', ...paths]);
      expect(summaryLine(pytest.out)).toBe(`2 failed, ${engine === 'auto' ? 8 : 7} passed, 1 skipped, 1 warning`);
      const fastest = await inProject(dir, 'fastest', ['-v', '-rA', '-n', '1', '--engine', engine, ...paths]);
      expect(addresses(fastest.out), engine).toBe(addresses(pytest.out));
      expect(fastest.code, engine).toBe(pytest.code);
    }
    const shown = await inProject(dir, 'fastest', ['-q', '-n', '2', '--show-engines']);
    expect(engines(shown.out).sort()).toEqual([
      'test_bench.py: native engine',
      "test_marked.py: pytest engine (test_marked.py uses the plugin mark 'benchmark')",
    ]);
    expect(summaryLine(shown.out)).toBe(summaryLine((await inProject(dir, 'pytest', ['-q'])).out));
  }, 120_000);

  it('--benchmark-skip: benchmarks skipped by its marks, natively; a measuring run goes to pytest', async () => {
    const dir = project();
    const args = ['-v', '-rA', '-o', 'addopts=', '--benchmark-skip'];
    const pytest = await inProject(dir, 'pytest', args);
    expect(summaryLine(pytest.out)).toBe('1 passed, 10 skipped');
    const fastest = await inProject(dir, 'fastest', [...args, '-n', '1']);
    expect(addresses(fastest.out)).toBe(addresses(pytest.out));
    const shown = await inProject(dir, 'fastest', [...args, '-n', '1', '--show-engines']);
    expect(engines(shown.out)[0]).toBe('test_bench.py: native engine');
    const measured = await inProject(dir, 'fastest', ['-q', '-o', 'addopts=', '-n', '1', '--show-engines']);
    expect(engines(measured.out)[0]).toBe("test_bench.py: pytest engine (pytest-benchmark measures this run's benchmarks (its session's statistics))");
  }, 120_000);
});
