// Conftest hooks the native engine calls where pytest does, instead of sending the modules to the
// pytest engine (packaging's conftest): plain pytest_collection (the initial conftests' only,
// before any test module is imported), pytest_collection_finish (after the collection pass) and
// pytest_runtest_teardown(item) (innermost conftest first, before the fixtures' teardown). One
// naming `nextitem` (which a unit's end does not know) stays pytest's: there, a unit's last test
// gets pytest's `nextitem` None (SQLAlchemy's plugin calls an Item's methods on anything else).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, runIn, summaryLine, writeLines } from './helpers/against-pytest.js';

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

  it("a teardown hook's nextitem is an Item or None, in the pytest engine too (alembic)", async () => {
    const dir = mkdtempSync(join(work, 'nextitem-'));
    writeLines(dir, 'pytest.ini', ['[pytest]']);
    writeLines(dir, 'conftest.py', [
      'import pytest',
      '',
      '@pytest.hookimpl(hookwrapper=True)',
      'def pytest_runtest_teardown(item, nextitem):',
      '    yield',
      '    if nextitem is not None and nextitem.getparent(pytest.Class) is not item.getparent(pytest.Class):',
      '        print("class ends")',
    ]);
    writeLines(dir, 'test_a.py', ['class TestA:', '    def test_one(self):', '        pass', '', '    def test_two(self):', '        pass']);
    writeLines(dir, 'test_b.py', ['class TestB:', '    def test_three(self):', '        pass']);
    const args = ['-q', '-p', 'no:cacheprovider'];
    const pytest = await runIn('python3', ['-m', 'pytest', ...args], dir, '', join(work, 'tmp'));
    expect(summaryLine(pytest.out)).toBe('3 passed');
    for (const workers of ['1', '2']) {
      const fastest = await runIn(process.execPath, [cli, ...args, '-n', workers], dir, '', join(work, 'tmp'));
      expect({ workers, line: summaryLine(fastest.out), code: fastest.code }).toEqual({ workers, line: summaryLine(pytest.out), code: pytest.code });
    }
  }, 120_000);
});
