// Conftest hooks the native engine calls where pytest does, instead of sending the modules to the
// pytest engine (packaging's conftest): plain pytest_collection (the initial conftests' only,
// before any test module is imported), pytest_collection_finish (after the collection pass) and
// pytest_runtest_teardown(item) (innermost conftest first, before the fixtures' teardown). One
// naming `nextitem` (which a unit's end does not know) stays pytest's.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const HERE = new URL('.', import.meta.url).pathname;
const HARNESS = join(HERE, 'native_harness.py');
const ROOT = join(HERE, 'fixtures', 'native-session-hooks');
const FILES = ['nextitem/test_next.py', 'other/test_other.py', 'tests/test_order.py'];
const work = mkdtempSync(join(tmpdir(), 'native-session-hooks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('native engine: session and teardown hooks of conftests', () => {
  it('runs the plain hooks natively; a teardown hook naming nextitem goes to pytest', async () => {
    const { stdout } = await run('python3', [HARNESS, ROOT, '--check', ...FILES], { cwd: ROOT });
    expect(jsonLines(stdout).map((f) => f.reason)).toEqual(['nextitem/conftest.py defines the pytest hook pytest_runtest_teardown', null, null]);
  }, 300_000);

  it('calls them when and where pytest does: same outcomes per id', async () => {
    const out = join(work, 'pytest.jsonl');
    await run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-p', 'native_pytest_outcomes'], {
      cwd: ROOT,
      env: { ...process.env, PYTHONPATH: HERE, NATIVE_PYTEST_OUT: out },
    });
    const expected = new Map(jsonLines(readFileSync(out, 'utf8')).map((r) => [r.id as string, r.outcome as string]));
    const { stdout } = await run('python3', [HARNESS, ROOT, '--collect-first', ...FILES.slice(1)], { cwd: ROOT });
    const got = new Map(
      jsonLines(stdout)
        .filter((f) => f.t === 'result')
        .map((f) => [f.id as string, f.outcome as string]),
    );
    expect(expected.size).toBe(5);
    expect([...expected.values()]).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    expected.delete('nextitem/test_next.py::test_next');
    expect([...got.entries()].sort()).toEqual([...expected.entries()].sort());
  }, 300_000);
});
