// A parametrize value read from a list built in another module (issue 12, six's
// `[item.name for item in six._moved_attributes]`): the list is a module-level literal of class
// calls, extended under conditions the interpreter decides (`sys.platform`, `sys.version_info`,
// if/elif/else), aliased to a class attribute and iterated; each class's `__init__` stores its first
// argument as `self.name`, directly or through `super().__init__` / `Base.__init__`. Lists and
// classes that can't be proven (an undecidable condition, a function that appends, an argument
// rebound in `__init__`, a property of that name) stay dynamic, never phantoms.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { grammarKind } from '../src/discovery/grammar.js';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const project = mkdtempSync(join(tmpdir(), 'fastest-lists-'));
cpSync(join(__dirname, 'fixtures', 'discovery-lists'), project, { recursive: true });
afterAll(() => rmSync(project, { recursive: true, force: true }));

const idLines = (out: string) => out.split('\n').filter((line) => line.includes('::'));

describe('discover reads lists of instances built in another module', () => {
  // The helper module is parsed while items are built, which needs the native grammar (built at install).
  it.skipIf(grammarKind() !== 'native')('lists pytest ids exactly, and leaves unprovable ones dynamic', () => {
    const pytest = spawnSync('python3', ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'], { cwd: project, encoding: 'utf8' });
    const expected = idLines(pytest.stdout);
    expect(expected.length, pytest.stdout + pytest.stderr).toBe(12);
    const discover = spawnSync(process.execPath, [cli, 'discover', '--no-cache'], { cwd: project, encoding: 'utf8' });
    expect(discover.status, discover.stderr).toBe(0);
    const listed = idLines(discover.stdout);
    const dynamic = listed.filter((line) => line.endsWith('(dynamic: ids known at run time)')).map((line) => line.split(' ')[0]);
    expect(dynamic).toEqual([
      'tests/test_lists.py::test_undecidable_guard',
      'tests/test_lists.py::test_changed_by_a_function',
      'tests/test_lists.py::test_argument_rebound_in_init',
      'tests/test_lists.py::test_property',
    ]);
    const exact = listed.filter((line) => !line.includes(' '));
    const covered = (id: string) => dynamic.some((base) => id.startsWith(`${base}[`));
    expect(exact).toEqual(expected.filter((id) => !covered(id)));
    expect(exact).toHaveLength(8);
  });

  it('leaves the list dynamic under the WebAssembly grammar (no phantom)', () => {
    const discover = spawnSync(process.execPath, [cli, 'discover', '--no-cache'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, FASTEST_TREE_SITTER: 'wasm' },
    });
    expect(discover.status, discover.stderr).toBe(0);
    expect(idLines(discover.stdout)).toContain('tests/test_lists.py::test_moved  (dynamic: ids known at run time)');
  });
});
