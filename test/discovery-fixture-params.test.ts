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
afterAll(() => rmSync(project, { recursive: true, force: true }));

interface Listed {
  id: string;
  dynamic: boolean;
}

describe('parametrized fixtures', () => {
  it('lists the ids pytest collects, in its order, before any run', () => {
    const pytest = spawnSync('python3', ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'], { cwd: project, encoding: 'utf8' });
    const expected = pytest.stdout.split('\n').filter((line) => line.includes('::'));
    expect(expected.length).toBeGreaterThan(40);
    const discover = spawnSync(process.execPath, [cli, 'discover', '--json'], { cwd: project, encoding: 'utf8' });
    expect(discover.status, discover.stderr).toBe(0);
    const listed = (JSON.parse(discover.stdout) as { tests: Listed[] }).tests;
    // a decorator that may change the signature leaves its test dynamic, never a phantom
    expect(listed.filter((t) => t.dynamic).map((t) => t.id)).toEqual(['tests/test_fx.py::test_wrapped']);
    const exact = listed.filter((t) => !t.dynamic).map((t) => t.id);
    expect(exact).toEqual(expected.filter((id) => !id.startsWith('tests/test_fx.py::test_wrapped')));
  });
});
