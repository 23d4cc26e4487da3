// Values discovery follows through calls and imports (issue 12; attrs and structlog's own tests):
// attrs' `cmp_using(..., class_name=...)` and a small project function returning
// `make_class(name, ...)` (attrs' `simple_class(name="EqC")`) name classes; `[c[0].__name__ for c in
// data]` reads their names; a small project function returning an instance of a plain class
// (attrs' `instance_of(int)`) gives argname + index; a conftest's fixture params over a name it
// imports (structlog's `[m for m in NAME_TO_LEVEL if m != "notset"]`, read in the conftest's own
// namespace, not the test module's); `mod.CONSTANT` of an imported project module, a module-level
// function returning data (structlog's `extra_dict()`), `stdout.buffer`; hypothesis' `@given`
// (the arguments it fills request no fixture). Negative cases stay dynamic: a function with a side
// effect or a branch, `bases=`, a name bound twice, an instance with a `__name__`, a list the
// conftest changes, a class attribute shadowing the module's function, an attribute the test
// module sets, `@given` forms hypothesis refuses.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { grammarKind } from '../src/discovery/grammar.js';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const project = mkdtempSync(join(tmpdir(), 'fastest-calls-'));
cpSync(join(__dirname, 'fixtures', 'discovery-calls'), project, { recursive: true });
afterAll(() => rmSync(project, { recursive: true, force: true }));

const idLines = (out: string) => out.split('\n').filter((line) => line.includes('::'));
const DYNAMIC = '  (dynamic: ids known at run time)';

describe('discover follows values through calls and imports', () => {
  it.skipIf(grammarKind() !== 'native')('lists pytest ids exactly, and leaves unprovable ones dynamic', () => {
    const pytest = spawnSync('python3', ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'], { cwd: project, encoding: 'utf8' });
    const expected = idLines(pytest.stdout);
    expect(expected.length, pytest.stdout + pytest.stderr).toBe(48);
    const discover = spawnSync(process.execPath, [cli, 'discover', '--no-cache'], { cwd: project, encoding: 'utf8' });
    expect(discover.status, discover.stderr).toBe(0);
    const listed = idLines(discover.stdout);
    const dynamic = listed.filter((line) => line.endsWith(DYNAMIC)).map((line) => line.slice(0, -DYNAMIC.length));
    expect(dynamic).toEqual([
      'tests/test_attrs_calls.py::test_with_bases',
      'tests/test_attrs_calls.py::test_side_effect',
      'tests/test_attrs_calls.py::test_branch',
      'tests/test_attrs_calls.py::test_rebound',
      'tests/test_attrs_calls.py::test_named_instance',
      'tests/test_fixture_params.py::test_grown',
      'tests/test_given.py::test_default',
      'tests/test_given.py::test_too_many',
      'tests/test_module_data.py::test_side_effect',
      'tests/test_module_data.py::test_branch',
      'tests/test_module_data.py::test_changed_attribute',
      'tests/test_shadowed.py::TestShadowed::test_class_attribute',
    ]);
    const exact = listed.filter((line) => !line.includes(' '));
    const covered = (id: string) => dynamic.some((base) => id === base || id.startsWith(`${base}[`));
    expect(exact).toEqual(expected.filter((id) => !covered(id)));
    expect(exact).toHaveLength(34);
  });

  it.skipIf(grammarKind() !== 'native')('marks @given tests `hypothesis` as its plugin does, unless the plugin does not load', () => {
    for (const env of [{ PYTEST_DISABLE_PLUGIN_AUTOLOAD: '' }, { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' }]) {
      // (the @given forms left dynamic are deselected by name: `--collect-only` lists a dynamic item as such)
      const args = ['--collect-only', '-q', '-p', 'no:cacheprovider', '-m', 'hypothesis', '-k', 'not default and not too_many', 'tests/test_given.py'];
      const pytest = spawnSync('python3', ['-m', 'pytest', ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, ...env } });
      const fastest = spawnSync(process.execPath, [cli, ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, ...env } });
      expect(idLines(fastest.stdout), fastest.stdout + fastest.stderr).toEqual(idLines(pytest.stdout));
      expect(fastest.status).toBe(pytest.status);
      expect(idLines(pytest.stdout)).toHaveLength(env.PYTEST_DISABLE_PLUGIN_AUTOLOAD ? 0 : 6);
    }
  });
});
