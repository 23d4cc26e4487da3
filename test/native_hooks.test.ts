// The conftest hooks the native engine runs itself (as networkx, sympy, numpy and scipy use
// them): same outcomes as pytest per id, with and without the conftest's own option.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// hypothesis, whose health check the native engine runs when its plugin loads: pytest autoloads the installed plugins in this file's runs (test/global-setup.ts).
process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD = '';

const run = promisify(execFile);
const HERE = new URL('.', import.meta.url).pathname;
const HARNESS = join(HERE, 'native_harness.py');
const ROOT = join(HERE, 'fixtures', 'native-real-hooks');
const FILE = 'pkg/sub/test_hooks.py';
const GIVEN = 'pkg/sub/test_given.py';
const work = mkdtempSync(join(tmpdir(), 'native-hooks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function nativeOutcomes(args: string[], file = FILE): Promise<Map<string, string>> {
  const { stdout } = await run('python3', [HARNESS, ROOT, ...args.flatMap((a) => ['--arg', a]), file], { cwd: ROOT });
  return new Map(
    jsonLines(stdout)
      .filter((f) => f.t === 'result')
      .map((f) => [f.id as string, f.outcome as string]),
  );
}

async function pytestOutcomes(args: string[], file = FILE): Promise<Map<string, string>> {
  const out = join(work, `pytest${args.join('')}${file.replace(/\W/g, '_')}.jsonl`);
  await run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-p', 'native_pytest_outcomes', ...args, file], {
    cwd: ROOT,
    env: { ...process.env, PYTHONPATH: HERE, NATIVE_PYTEST_OUT: out },
  }).catch(() => undefined);
  return new Map(jsonLines(readFileSync(out, 'utf8')).map((r) => [r.id as string, r.outcome as string]));
}

describe('native engine: conftest hooks', () => {
  it('runs the modules natively (no fallback reason)', async () => {
    const { stdout } = await run('python3', [HARNESS, ROOT, '--check', FILE, GIVEN], { cwd: ROOT });
    // hypothesis's @given supplies its arguments; the timeout mark's plugin is not installed
    expect(jsonLines(stdout).map((f) => f.reason)).toEqual([null, null]);
  });

  it('runs hypothesis tests (with its plugin health check) and inert plugin marks as pytest does', async () => {
    const [expected, got] = await Promise.all([pytestOutcomes([], GIVEN), nativeOutcomes([], GIVEN)]);
    // test_positional_given fails hypothesis's function_scoped_fixture health check
    expect(expected.get(`${GIVEN}::test_positional_given`)).toBe('failed');
    expect([...got.entries()].sort()).toEqual([...expected.entries()].sort());
  });

  for (const args of [[], ['--runslow']]) {
    it(`matches pytest per id ${args.join(' ') || '(defaults)'}`, async () => {
      const [expected, got] = await Promise.all([pytestOutcomes(args), nativeOutcomes(args)]);
      expect(expected.size).toBe(8);
      expect([...got.entries()].sort()).toEqual([...expected.entries()].sort());
    });
  }
});
