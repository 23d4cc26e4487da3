// A test class that inherits its fixtures from a class of another test module (itsdangerous'
// TestTimedSerializer(TestSerializer)), or a module that imports a fixture by name, has them in
// its names for pytest and the native engine alike: the native engine's static check follows the
// module's `from X import ...` into the project's files instead of sending it to pytest. A fixture
// none of them defines still does (a plugin only pytest loads may define it). A module on the way
// whose text never says `fixture` has its imports read from its text (support.py
// `_imports_and_fixtures`), continuations, CRLF and comments included. A parametrize mark kept in
// a name of another module (pint's `@helpers.allprotos` over `protocol`) gives its argnames too.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = process.env.CLI_UNDER_TEST ?? join(__dirname, '..', 'dist', 'cli.js');
const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' };
let proj: string;

beforeAll(() => {
  proj = mkdtempSync(join(tmpdir(), 'fastest-imported-fixtures-'));
  mkdirSync(join(proj, 'tests'));
  mkdirSync(join(proj, 'pkg'));
  writeFileSync(join(proj, 'pytest.ini'), '[pytest]\n');
  const base = [
    'import pytest',
    '',
    'class TestBase:',
    '    @pytest.fixture(params=[1, 2])',
    '    def factor(self, request):',
    '        return request.param',
    '',
    '    @pytest.fixture()',
    '    def value(self, factor):',
    '        return 10 * factor',
    '',
    '    def test_value(self, value):',
    '        assert value in (10, 20)',
    '',
  ].join('\n');
  writeFileSync(join(proj, 'tests', 'test_base.py'), base);
  writeFileSync(join(proj, 'tests', 'fixtures_lib.py'), 'import pytest\n\n@pytest.fixture()\ndef shared():\n    return "shared"\n');
  writeFileSync(
    join(proj, 'tests', 'test_child.py'),
    [
      'import pytest',
      'from test_base import TestBase',
      'from fixtures_lib import shared',
      '',
      'class TestChild(TestBase):',
      '    @pytest.fixture()',
      '    def factor(self):',
      '        return 3',
      '',
      '    def test_child(self, value):',
      '        assert value == 30',
      '',
      'def test_shared(shared):',
      '    assert shared == "shared"',
      '',
    ].join('\n'),
  );
  writeFileSync(join(proj, 'tests', 'test_unknown.py'), 'import fixtures_lib\n\ndef test_unknown(not_defined_anywhere):\n    pass\n');
  // a module without the word (its imports read from its text: CRLF, a continuation, a comment
  // with a parenthesis) between the test module and the fixture
  writeFileSync(join(proj, 'tests', 'helpers.py'), 'from deeper \\\r\n    import (\r\n    deep,  # re-exported (the one)\r\n)\r\n');
  writeFileSync(join(proj, 'tests', 'deeper.py'), 'import pytest\n\n@pytest.fixture()\ndef deep():\n    return "deep"\n');
  writeFileSync(join(proj, 'tests', 'test_deep.py'), 'from helpers import deep\n\ndef test_deep(deep):\n    assert deep == "deep"\n');
  writeFileSync(
    join(proj, 'tests', 'marks_lib.py'),
    'import pytest\n\nallprotos = pytest.mark.parametrize(("protocol",), [(0,), (1,)])\ncheck_all = pytest.mark.parametrize("check", [False, True])\n',
  );
  writeFileSync(
    join(proj, 'tests', 'test_marked.py'),
    'import marks_lib\nfrom marks_lib import check_all\n\n@marks_lib.allprotos\ndef test_proto(protocol):\n    assert protocol in (0, 1)\n\n@check_all\ndef test_check(check):\n    assert check is not None\n',
  );
  writeFileSync(join(proj, 'pkg', '__init__.py'), '');
  writeFileSync(join(proj, 'pkg', 'test_base2.py'), base.replace('TestBase', 'TestBase2'));
  writeFileSync(
    join(proj, 'pkg', 'test_rel.py'),
    'from .test_base2 import TestBase2\n\nclass TestRel(TestBase2):\n    def test_double(self, value, factor):\n        assert value == 10 * factor\n',
  );
});
afterAll(() => rmSync(proj, { recursive: true, force: true }));

const outcomes = (out: string) =>
  out
    .split('\n')
    .filter((l) => /^(PASSED|FAILED|ERROR) /.test(l))
    .sort();

/** pytest's `-rA` run of `dir`, after checking it with `checkPytest`; fastest's, with one and two
 * workers, lists `nativeModules` as run natively and has pytest's exit code and outcomes. */
function expectNativeWithPytestOutcomes(dir: string, checkPytest: (outcomes: string[]) => void, nativeModules: string[], engineLines: string[] = []): void {
  const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-rA'], { cwd: dir, encoding: 'utf8', env });
  checkPytest(outcomes(p.stdout));
  for (const workers of ['1', '2']) {
    const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '-rA', '-n', workers, '--no-cache', '--show-engines'], {
      cwd: dir,
      encoding: 'utf8',
      env,
    });
    for (const module of nativeModules) expect(f.stdout).toContain(`${module}: native engine\n`);
    for (const line of engineLines) expect(f.stdout).toContain(line);
    expect({ status: f.status, outcomes: outcomes(f.stdout) }).toEqual({ status: p.status, outcomes: outcomes(p.stdout) });
  }
}

describe('fixtures a module takes in by import', () => {
  it('run natively, with pytest outcomes', () => {
    expectNativeWithPytestOutcomes(
      proj,
      (found) => expect(found.length).toBe(21),
      ['tests/test_base.py', 'tests/test_child.py', 'tests/test_deep.py', 'tests/test_marked.py', 'pkg/test_base2.py', 'pkg/test_rel.py'],
      ["tests/test_unknown.py: pytest engine (fixture 'not_defined_anywhere' is not defined by the module"],
    );
  });
});

// A conftest may define its fixtures under `if` or `try` (hpack's under `if os.path.isdir(...)`,
// its params made at import): they are the conftest's when the branch runs, as pytest collects
// them, and the module runs natively; one whose branch did not run is not found, as in pytest.
// The static check read no further than a module's top level: such a module went to pytest's
// engine (hpack: 414 of its 502 tests).
describe('fixtures a conftest defines under if and try', () => {
  let conditional: string;
  beforeAll(() => {
    conditional = mkdtempSync(join(tmpdir(), 'fastest-conditional-fixtures-'));
    writeFileSync(join(conditional, 'pytest.ini'), '[pytest]\n');
    writeFileSync(
      join(conditional, 'conftest.py'),
      [
        'import os',
        'import pytest',
        '',
        'if os.path.isdir(os.path.dirname(__file__)):',
        '    names = (n for n in ["a", "b", "c"])',
        '',
        "    @pytest.fixture(scope='class', params=names)",
        '    def story(request):',
        '        return request.param',
        'else:',
        '    @pytest.fixture()',
        '    def never():',
        '        return 1',
        '',
        'try:',
        '    import json',
        'except ImportError:',
        '    pass',
        'else:',
        '    @pytest.fixture()',
        '    def loads():',
        '        return json.loads',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(conditional, 'test_story.py'),
      [
        'class TestStory:',
        '    def test_story(self, story):',
        '        assert story in "abc"',
        '',
        '    def test_story_again(self, story, loads):',
        '        assert loads("1") == 1',
        '',
      ].join('\n'),
    );
    // (the native engine hands a module whose fixture is missing to pytest: pytest's error lists
    // the fixtures there are)
    writeFileSync(join(conditional, 'test_never.py'), 'def test_never(never):\n    pass\n');
  });
  afterAll(() => rmSync(conditional, { recursive: true, force: true }));

  it('run natively, with pytest outcomes', () => {
    expectNativeWithPytestOutcomes(
      conditional,
      (found) => expect(found).toEqual(expect.arrayContaining(['ERROR test_never.py::test_never', 'PASSED test_story.py::TestStory::test_story_again[c]'])),
      ['test_story.py'],
    );
  });
});
