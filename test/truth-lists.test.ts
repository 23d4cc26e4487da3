// A parametrize value read from a list built in another module (issue 12, six's
// `[item.name for item in six._moved_attributes]`): the list is a module-level literal of class
// calls, extended under conditions the interpreter decides (`sys.platform`, `sys.version_info`,
// if/elif/else), aliased to a class attribute and iterated; each class's `__init__` stores its first
// argument as `self.name`, directly or through `super().__init__` / `Base.__init__`. Lists and
// classes that can't be proven (an undecidable condition, a function that appends, an argument
// rebound in `__init__`, a property of that name) stay dynamic, never phantoms.
// Also class-body constants (structlog's `parameter_strings = {...}` read by its methods'
// decorators): a set iterated where each value's id does not depend on the element (`{p}`: argname
// + index) is listed; the elements themselves (hash order) are not; a class attribute shadows the
// module constant of the same name while the class body runs.
// Constants a test module imports from a project module that computes them at import from another
// module's constants (structlog's `stdlib_log_methods = [m for m in NAME_TO_LEVEL if m != "notset"]`
// in tests/helpers.py over structlog._log_levels' dict; `NAME_TO_LEVEL.items()`,
// `tuple(LEVEL_TO_NAME.keys())` of a dict comprehension); one bound twice or changed in place stays
// dynamic. Classes attrs makes by name (attrs' `attr.make_class("FromMakeClass", ["x"])`): the id
// is make_class's first argument (test/fixtures/discovery-attrs; attrs is pinned in
// test/requirements.txt for it).
// And instances of classes with generic bases (`ParamType[T]`, `t.Generic[A, B]` with
// `import typing as t`, `import abc`), reached twice through a diamond, or through `import pkg.sub`:
// argname + index; a class with `__getattr__` (its instances may have a `__name__`) stays dynamic.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { grammarKind } from '../src/discovery/grammar.js';
import { compilesInPython } from '../src/discovery/regex.js';

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
    expect(expected.length, pytest.stdout + pytest.stderr).toBe(79);
    const discover = spawnSync(process.execPath, [cli, 'discover', '--no-cache'], { cwd: project, encoding: 'utf8' });
    expect(discover.status, discover.stderr).toBe(0);
    const listed = idLines(discover.stdout);
    const dynamic = listed.filter((line) => line.endsWith('(dynamic: ids known at run time)')).map((line) => line.split(' ')[0]);
    expect(dynamic).toEqual([
      'tests/test_class_scope.py::TestScope::test_elements_in_hash_order',
      'tests/test_class_scope.py::TestScope::test_class_attribute_shadows_module_constant',
      'tests/test_class_scope.py::TestScope::test_mutated_in_class_body',
      // a constant imported through a helper module is listed; bound twice, or changed in place: left
      'tests/test_imported_constants.py::test_late',
      'tests/test_imported_constants.py::test_mutated_elsewhere',
      'tests/test_imported_constants.py::test_changed_in_helper',
      'tests/test_imported_constants.py::test_mutated_listed',
      // a list imported by name is listed; changed by the importing module, or holding a call: left
      'tests/test_imported_lists.py::test_changed_here',
      'tests/test_imported_lists.py::test_calls',
      'tests/test_instances.py::test_instance_with_getattr',
      'tests/test_lists.py::test_undecidable_guard',
      'tests/test_lists.py::test_changed_by_a_function',
      'tests/test_lists.py::test_argument_rebound_in_init',
      'tests/test_lists.py::test_property',
    ]);
    const exact = listed.filter((line) => !line.includes(' '));
    const covered = (id: string) => dynamic.some((base) => id.startsWith(`${base}[`));
    expect(exact).toEqual(expected.filter((id) => !covered(id)));
    expect(exact).toHaveLength(51);
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

describe('discover names classes attrs makes', () => {
  it('lists make_class classes by their first argument; with bases, or an instance, dynamic', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fastest-attrs-'));
    try {
      cpSync(join(__dirname, 'fixtures', 'discovery-attrs'), dir, { recursive: true });
      const pytest = spawnSync('python3', ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'], { cwd: dir, encoding: 'utf8' });
      expect(idLines(pytest.stdout), pytest.stdout + pytest.stderr).toEqual([
        'tests/test_made_class.py::test_made[Made]',
        'tests/test_made_class.py::test_made[Renamed]',
        'tests/test_made_class.py::test_based[Based]',
        'tests/test_made_class.py::test_instance[obj0]',
      ]);
      const discover = spawnSync(process.execPath, [cli, 'discover', '--no-cache'], { cwd: dir, encoding: 'utf8' });
      expect(discover.status, discover.stderr).toBe(0);
      expect(idLines(discover.stdout)).toEqual([
        'tests/test_made_class.py::test_made[Made]',
        'tests/test_made_class.py::test_made[Renamed]',
        'tests/test_made_class.py::test_based  (dynamic: ids known at run time)',
        'tests/test_made_class.py::test_instance  (dynamic: ids known at run time)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Values computed the way Python would (issue 12, session 13: click and loguru): compiled patterns
// (`re.compile(re.escape(...))`: the id is the pattern), enum members whose str() is their value
// (IntEnum, IntFlag, StrEnum, a str mixin) or a Flag's name, f-strings with escapes, ids=lambda
// callables (`getattr(v, "__name__", v)`, `m.__name__`, `"#" + code`), and colorama's codes set by
// setattr (`Fore.RED + "1" + Style.RESET_ALL`, a copy of colorama 0.4.6's ansi.py in the fixture),
// bound methods of an instance a project module makes (loguru's `logger.add`), `pytest.param(*CASE)`,
// `datetime.datetime.now()`, and `"... %s" % NAME` with NAME bound under a guard the interpreter
// decides (loguru's UTC_NAME).
// What is not proven (a group kind, flags, a custom __str__, an int mixin, \N{...}, a lambda
// calling something or reading a module name, a shadowed getattr) stays dynamic.
describe('discover computes values pytest makes ids from', () => {
  it.skipIf(grammarKind() !== 'native')('lists pytest ids exactly, and leaves unprovable ones dynamic', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fastest-computed-'));
    try {
      cpSync(join(__dirname, 'fixtures', 'discovery-computed'), dir, { recursive: true });
      const pytest = spawnSync('python3', ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'], { cwd: dir, encoding: 'utf8' });
      const expected = idLines(pytest.stdout);
      expect(expected.length, pytest.stdout + pytest.stderr).toBe(88);
      const discover = spawnSync(process.execPath, [cli, 'discover', '--no-cache'], { cwd: dir, encoding: 'utf8' });
      expect(discover.status, discover.stderr).toBe(0);
      const listed = idLines(discover.stdout);
      const dynamic = listed.filter((line) => line.endsWith('(dynamic: ids known at run time)')).map((line) => line.split(' ')[0]);
      // StrEnum exists from Python 3.11, where IntEnum's str() became its value
      const modern = !pytest.stdout.includes('test_members[Number.TWO]');
      expect(modern).toBe(true);
      expect(dynamic).toEqual([
        'tests/test_colors.py::test_repeated',
        'tests/test_colors.py::test_method',
        'tests/test_enums.py::test_custom_str',
        'tests/test_enums.py::test_int_mixin',
        'tests/test_enums.py::test_annotated',
        'tests/test_enums.py::test_flag_values',
        'tests/test_fstrings.py::test_named_escape',
        'tests/test_guarded.py::test_rebound',
        'tests/test_guarded.py::test_digits',
        'tests/test_guarded.py::test_undecidable',
        'tests/test_ids_callables.py::test_stdlib_submodule',
        'tests/test_ids_callables.py::test_call',
        'tests/test_ids_callables.py::test_module_name',
        'tests/test_ids_callables.py::test_conditional',
        'tests/test_methods.py::test_instance_attribute',
        'tests/test_methods.py::test_decorated_method',
        'tests/test_patterns.py::test_named_group',
        'tests/test_patterns.py::test_flags',
        'tests/test_patterns.py::test_backreference',
        'tests/test_shadowed.py::test_shadowed',
      ]);
      // ids here may hold spaces: only the dynamic placeholders carry the note
      const exact = listed.filter((line) => !line.endsWith('(dynamic: ids known at run time)'));
      const covered = (id: string) => dynamic.some((base) => id.startsWith(`${base}[`));
      expect(exact).toEqual(expected.filter((id) => !covered(id)));
      expect(exact).toHaveLength(63);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a pattern as compiled only when Python compiles it without a warning', () => {
    const patterns = [
      // accepted here (each must compile)
      'Usage: main \\[OPTIONS\\]\\n(.+)',
      'x{2,3}?[0-9A-Fa-f]+$',
      '<test_options.Class1 object at 0x[0-9A-Fa-f]+>',
      '^a|b$',
      '(?:ab)+c*?d??',
      '[]a]',
      '[^]a-c-]',
      '[\\d\\s.-]+',
      'a{3}',
      '\\x41\\.\\ ',
      '{abc}',
      'a{',
      '\\bword\\b',
      'caf\u00e9',
      // refused here (some compile, some do not: either way the value stays unknown)
      '(?P<n>a)',
      '(a)\\1',
      'a**',
      '*a',
      '(a',
      'a)',
      '[z-a]',
      '[a',
      '\\q',
      '\\u0041',
      'a{,3}',
      'a{3,2}',
      '[[a]',
      '[a--b]',
      '\\b*',
      '^*',
      'a{2}{3}',
      '(?i)a',
      '[\\A]',
      '\\',
      'a*+',
    ];
    const check = spawnSync(
      'python3',
      [
        '-c',
        'import json, re, sys, warnings\nwarnings.simplefilter("error")\nout = []\nfor p in json.load(sys.stdin):\n    try:\n        re.compile(p)\n        out.append(True)\n    except Exception:\n        out.append(False)\nprint(json.dumps(out))',
      ],
      { input: JSON.stringify(patterns), encoding: 'utf8' },
    );
    const compiles = JSON.parse(check.stdout) as boolean[];
    const accepted = patterns.filter((p) => compilesInPython(p));
    expect(accepted).toEqual(patterns.slice(0, 14));
    for (const p of accepted) expect(compiles[patterns.indexOf(p)], p).toBe(true);
  });
});
