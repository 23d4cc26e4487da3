// hypothesis' pytest plugin counts the plugins' and initial conftests' import as hypothesis'
// initialization and warns of slow strategy work done then (HypothesisSideeffectWarning: hpack's
// conftest primes its cache with `text().example()`). pytest imports the plugin before the
// conftests and ends the initialization when the session starts; the native engine did neither,
// so those warnings were missing (hpack: `502 passed, 1 warning` against pytest's `6 warnings`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, compareEnv, runIn, summaryLine, writeLines } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-hypothesis-init-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The warnings summary's places, without the interpreter's directories. */
const places = (out: string) =>
  out
    .split('\n')
    .filter((line) => /^\S+\.py:\d+$/.test(line))
    .map((line) => line.replace(/^.*site-packages\//, ''));

// (the version matrix's older environments have no hypothesis)
const hasHypothesis = spawnSync('python3', ['-c', 'import hypothesis'], { env: compareEnv }).status === 0;

it.skipIf(!hasHypothesis).each([
  ['native', '2'],
  ['pytest', '2'],
])(
  'a conftest that evaluates a strategy at import is warned of as under pytest: engine %s, -n %s',
  async (engine, workers) => {
    const dir = mkdtempSync(join(work, 'p'));
    writeLines(dir, 'conftest.py', ['from hypothesis.strategies import text', '', 'text().example()']);
    writeLines(dir, 'test_a.py', ['def test_a():', '    pass']);
    // (the `pytest` script, as CI types it; the first run makes hypothesis' cache, which warns once more)
    const pytest = async () => runIn('pytest', ['-q', '-p', 'no:cacheprovider'], dir, '', join(work, 'tmp'), { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '' });
    await pytest();
    const expected = await pytest();
    expect(places(expected.out)).toContain('hypothesis/strategies/_internal/lazy.py:159');
    const fastest = async () =>
      runIn(process.execPath, [cli, '-q', '-p', 'no:cacheprovider', '--engine', engine, '-n', workers], dir, '', join(work, 'tmp'), {
        PYTEST_DISABLE_PLUGIN_AUTOLOAD: '',
      });
    await fastest(); // (its workers' own modules' constants go into hypothesis' cache once)
    const got = await fastest();
    expect(places(got.out)).toEqual(places(expected.out));
    expect(summaryLine(got.out)).toBe(summaryLine(expected.out));
  },
  120_000,
);
