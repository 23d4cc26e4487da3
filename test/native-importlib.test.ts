// The native engine under `--import-mode=importlib` (structlog's addopts): modules imported by
// pytest's own import_path, so module names (`tests.a.test_same`, made-up parent modules), the
// untouched sys.path, same-named test files in two directories and the collection error of an
// import that only prepend mode would satisfy are pytest's; and the modules are still
// assertion-rewritten (pytest 9.0 asks the meta path with a search path that does not hold them).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const HERE = new URL('.', import.meta.url).pathname;
const HARNESS = join(HERE, 'native_harness.py');
const ROOT = join(HERE, 'fixtures', 'native-importlib');
const FILES = ['tests/a/test_same.py', 'tests/b/test_same.py', 'tests/b/test_sibling_import.py', 'pkg/sub/test_in_package.py'];
const work = mkdtempSync(join(tmpdir(), 'native-importlib-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('native engine: --import-mode=importlib', () => {
  it('runs the modules natively (no pytest-engine fallback)', async () => {
    const { stdout } = await run('python3', [HARNESS, ROOT, '--check', '--arg', '--import-mode=importlib', ...FILES], { cwd: ROOT });
    expect(jsonLines(stdout).map((f) => f.reason)).toEqual([null, null, null, null]);
  }, 300_000);

  it('gives pytest importlib mode outcomes per id, with rewritten assertions', async () => {
    const out = join(work, 'pytest.jsonl');
    await run(
      'python3',
      ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-p', 'native_pytest_outcomes', '--import-mode=importlib', '--continue-on-collection-errors', ...FILES],
      {
        cwd: ROOT,
        env: { ...process.env, PYTHONPATH: HERE, NATIVE_PYTEST_OUT: out },
      },
    ).catch(() => undefined); // exit 1: two failures and a collection error, on purpose
    const expected = new Map(jsonLines(readFileSync(out, 'utf8')).map((r) => [r.id as string, r.outcome as string]));
    const { stdout } = await run('python3', [HARNESS, ROOT, '--arg', '--import-mode=importlib', ...FILES], { cwd: ROOT });
    const frames = jsonLines(stdout);
    const got = new Map(
      frames.filter((f) => f.t === 'result' || f.t === 'collect_error').map((f) => [(f.id ?? f.file) as string, (f.outcome ?? 'collect_error') as string]),
    );
    expect(expected.size).toBe(7);
    expect(expected.get('tests/b/test_sibling_import.py')).toBe('collect_error');
    expect([...got.entries()].sort()).toEqual([...expected.entries()].sort());
    const text = (id: string) => {
      const frame = frames.find((f) => (f.t === 'result' && f.id === id) || (f.t === 'collect_error' && f.file === id));
      return String((id.includes('::') ? frame?.longrepr : frame?.message) ?? '');
    };
    expect(text('tests/b/test_same.py::test_rewritten')).toContain('assert 2 == 3');
    expect(text('pkg/sub/test_in_package.py::test_rewritten')).toContain('assert 6 == 7');
    expect(text('tests/b/test_sibling_import.py')).toContain("ModuleNotFoundError: No module named 'helper_mod'");
  }, 300_000);
});
