// A file a conftest's collect_ignore lists (unconditionally, or under a condition the interpreter
// decides: attrs' `if not PY_3_14_PLUS: collect_ignore.extend([...])`) is still collected when it
// is named by path or node id: pytest asks pytest_ignore_collect only of paths it was not given.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const project = mkdtempSync(join(tmpdir(), 'fastest-ignore-named-'));
cpSync(join(__dirname, 'fixtures', 'discovery-ignore-named'), project, { recursive: true });
afterAll(() => rmSync(project, { recursive: true, force: true }));

const idLines = (out: string) => out.split('\n').filter((line) => line.includes('::'));

describe('a file collect_ignore lists, named as an argument', () => {
  it.each([[[]], [['tests/test_ignored.py']], [['tests/test_cond.py']], [['tests/test_ignored.py::test_a', 'tests/test_kept.py']], [['tests']]])(
    'discover %j lists what pytest --collect-only lists',
    (args) => {
      const pytest = spawnSync('python3', ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider', ...args], { cwd: project, encoding: 'utf8' });
      const expected = idLines(pytest.stdout);
      expect(expected.length, pytest.stdout + pytest.stderr).toBeGreaterThan(0);
      const discover = spawnSync(process.execPath, [cli, 'discover', '--no-cache', ...args], { cwd: project, encoding: 'utf8' });
      expect(discover.status, discover.stderr).toBe(0);
      expect(idLines(discover.stdout)).toEqual(expected);
    },
  );
});
