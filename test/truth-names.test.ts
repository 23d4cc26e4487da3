// Parametrize values that are names the parser follows (issue 12): a module-level list holding
// imported classes and sentinels read through a comprehension with `*` unpacking, namedtuple
// classes and instances, members of plain enums (also through an alias in another module, beside
// a class-level binding of the same name), sys streams, a constant read by a module-level assert.
// Shapes that can't be proven (an enum alias, an enum with its own __str__, an attribute of a loop
// value, a constant an assert may change, a name a function rebinds as `global`) stay dynamic,
// never phantoms.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const project = mkdtempSync(join(tmpdir(), 'fastest-names-'));
cpSync(join(__dirname, 'fixtures', 'discovery-names'), project, { recursive: true });
afterAll(() => rmSync(project, { recursive: true, force: true }));

const idLines = (out: string) => out.split('\n').filter((line) => line.includes('::'));

describe('discover follows names in parametrize values', () => {
  it('lists pytest ids exactly, and leaves unprovable ones dynamic', () => {
    const pytest = spawnSync('python3', ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'], { cwd: project, encoding: 'utf8' });
    const expected = idLines(pytest.stdout);
    expect(expected.length, pytest.stdout + pytest.stderr).toBe(26);
    const discover = spawnSync(process.execPath, [cli, 'discover', '--no-cache'], { cwd: project, encoding: 'utf8' });
    expect(discover.status, discover.stderr).toBe(0);
    const listed = idLines(discover.stdout);
    const dynamic = listed.filter((line) => line.endsWith('(dynamic: ids known at run time)')).map((line) => line.split(' ')[0]);
    expect(dynamic).toEqual([
      'tests/test_names.py::test_enum_alias',
      'tests/test_names.py::test_enum_own_str',
      'tests/test_names.py::test_attribute_of_loop_value',
      'tests/test_names.py::test_after_mutating_assert',
      'tests/test_names.py::test_global_rebound',
    ]);
    const exact = listed.filter((line) => !line.includes(' '));
    const covered = (id: string) => dynamic.some((base) => id.startsWith(`${base}[`));
    expect(exact).toEqual(expected.filter((id) => !covered(id)));
  });
});
