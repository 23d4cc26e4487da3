// Parametrized fixtures with literal `params=` (issue 12): the fixture closure of each test (conftest
// chain, module, class, overrides that request what they override, usefixtures, autouse, indirect
// and direct parametrize), its ids in pytest's order, and reorder_items for higher-scoped params.
// `fastest discover` must list exactly what `pytest --collect-only -q` lists, before any run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const project = mkdtempSync(join(tmpdir(), 'fastest-fixture-params-'));
mkdirSync(join(project, 'tests'));
writeFileSync(join(project, 'pytest.ini'), '[pytest]\n');
writeFileSync(
  join(project, 'tests', 'conftest.py'),
  'import pytest\n\n@pytest.fixture(name="slots", params=(True, False))\ndef _slots(request):\n    return request.param\n\n@pytest.fixture(params=["a", "b"], ids=["A", "B"])\ndef letter(request):\n    return request.param\n\n@pytest.fixture\ndef both(letter, slots):\n    return letter, slots\n',
);
writeFileSync(
  join(project, 'tests', 'test_fx.py'),
  'import pytest\nfrom functools import partial\n\nclass Serializer:\n    pass\n\n@pytest.fixture(params=[1, 2])\ndef num(request):\n    return request.param\n\n@pytest.fixture(scope="module", params=["x", "y", "z"])\ndef modp(request):\n    return request.param\n\ndef test_plain():\n    pass\n\ndef test_slots(slots):\n    pass\n\ndef test_both(both):\n    pass\n\n@pytest.mark.parametrize("v", [10, 20])\ndef test_mixed(num, v, slots):\n    pass\n\n@pytest.mark.parametrize("num", [7, 8])\ndef test_override(num):\n    pass\n\n@pytest.mark.parametrize("letter", ["q"], indirect=True)\ndef test_indirect(letter):\n    pass\n\ndef test_mod1(modp):\n    pass\n\ndef test_mod2(modp, num):\n    pass\n\n@pytest.mark.usefixtures("letter")\ndef test_use():\n    pass\n\ndef test_default(x=1):\n    pass\n\nclass TestK:\n    @pytest.fixture(params=(Serializer, partial(Serializer, a=1)))\n    def factory(self, request):\n        return request.param\n\n    @pytest.fixture()\n    def ser(self, factory):\n        return factory()\n\n    @pytest.mark.parametrize("value", (None, True, [1]))\n    def test_a(self, ser, value):\n        pass\n\n    def test_b(self, ser):\n        pass\n\n    def test_c(self):\n        pass\n\nclass TestSub(TestK):\n    @pytest.fixture(params=["s1"])\n    def factory(self, request):\n        return request.param\n\nclass TestOver:\n    @pytest.fixture\n    def num(self, num):\n        return num * 2\n\n    def test_super(self, num):\n        pass\n\n\ndef shuffle(f):\n    def wrapper(*args, **kwargs):\n        return f(*args, **kwargs)\n    return wrapper\n\n@shuffle\ndef test_wrapped(num):\n    pass\n',
);
const imported = mkdtempSync(join(tmpdir(), 'fastest-imported-class-'));
mkdirSync(join(imported, 'tests'));
writeFileSync(join(imported, 'pytest.ini'), '[pytest]\n');
writeFileSync(
  join(imported, 'tests', 'test_base.py'),
  'import pytest\nfrom functools import partial\n\n\nclass Serializer:\n    pass\n\n\nclass TestBase:\n    @pytest.fixture(params=(Serializer, partial(Serializer, a=1)))\n    def factory(self, request):\n        return request.param\n\n    @pytest.mark.parametrize("value", [None, "s", [1]])\n    def test_value(self, factory, value):\n        pass\n\n    def test_plain(self, factory):\n        pass\n',
);
writeFileSync(
  join(imported, 'tests', 'test_sub.py'),
  'import pytest\nfrom test_base import TestBase\n\n\nclass Mixin:\n    @pytest.fixture(autouse=True)\n    def frozen(self):\n        yield\n\n\nclass TestSub(Mixin, TestBase):\n    @pytest.fixture\n    def factory(self):\n        return 1\n\n    def test_own(self, factory):\n        pass\n\n\nclass TestSubParam(TestSub):\n    @pytest.fixture(params=["p", "q"])\n    def factory(self, request):\n        return request.param\n',
);
const ignores = mkdtempSync(join(tmpdir(), 'fastest-collect-ignore-extend-'));
mkdirSync(join(ignores, 'tests'));
writeFileSync(join(ignores, 'pytest.ini'), '[pytest]\n');
writeFileSync(
  join(ignores, 'tests', 'conftest.py'),
  [
    'import sys',
    'from helper_flags import NEW_PY',
    '',
    'collect_ignore = []',
    'if not NEW_PY:',
    '    collect_ignore.extend(["test_maybe.py"])',
    'if sys.version_info >= (3, 0):',
    '    collect_ignore.append("test_old.py")',
    'if sys.version_info < (3, 0):',
    '    collect_ignore.append("test_kept.py")',
    '',
  ].join('\n'),
);
writeFileSync(join(ignores, 'tests', 'helper_flags.py'), 'import sys\nNEW_PY = sys.version_info >= (3, 99)\n');
for (const name of ['maybe', 'old', 'kept']) writeFileSync(join(ignores, 'tests', `test_${name}.py`), `def test_${name}():\n    pass\n`);
afterAll(() => {
  rmSync(ignores, { recursive: true, force: true });
  rmSync(project, { recursive: true, force: true });
  rmSync(imported, { recursive: true, force: true });
});

function pytestIds(dir: string): string[] {
  const pytest = spawnSync('python3', ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'], { cwd: dir, encoding: 'utf8' });
  return pytest.stdout.split('\n').filter((line) => line.includes('::'));
}

function discovered(dir: string): Listed[] {
  const discover = spawnSync(process.execPath, [cli, 'discover', '--json', '--no-cache'], { cwd: dir, encoding: 'utf8' });
  expect(discover.status, discover.stderr).toBe(0);
  return (JSON.parse(discover.stdout) as { tests: Listed[] }).tests;
}

interface Listed {
  id: string;
  dynamic: boolean;
}

describe('parametrized fixtures', () => {
  it('lists the ids pytest collects, in its order, before any run', () => {
    const expected = pytestIds(project);
    expect(expected.length).toBeGreaterThan(40);
    const listed = discovered(project);
    // a decorator that may change the signature leaves its test dynamic, never a phantom
    expect(listed.filter((t) => t.dynamic).map((t) => t.id)).toEqual(['tests/test_fx.py::test_wrapped']);
    const exact = listed.filter((t) => !t.dynamic).map((t) => t.id);
    expect(exact).toEqual(expected.filter((id) => !id.startsWith('tests/test_fx.py::test_wrapped')));
  });

  it('collects a test class imported from another test module again, and what subclasses inherit from it', () => {
    const expected = pytestIds(imported);
    expect(expected).toContain('tests/test_sub.py::TestBase::test_value[Serializer-None]');
    expect(expected).toContain('tests/test_sub.py::TestSubParam::test_own[q]');
    const listed = discovered(imported);
    expect(listed.filter((t) => t.dynamic)).toEqual([]);
    expect(listed.map((t) => t.id)).toEqual(expected);
  });

  it('follows collect_ignore.extend/append under a condition (attrs: a conftest constant imported from the package)', () => {
    expect(pytestIds(ignores)).toEqual(['tests/test_kept.py::test_kept']);
    // a condition that can't be decided leaves the module to the run (never a phantom id)
    expect(discovered(ignores).map((t) => [t.id, t.dynamic])).toEqual([
      ['tests/test_kept.py::test_kept', false],
      ['tests/test_maybe.py', true],
    ]);
  });
});
