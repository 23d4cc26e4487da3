// An assert without a message gets its failure branch only when it fails
// (python/fastest_worker/native/rewrite.py `_explain_failed`): the message must be exactly the one
// the branch built inline gives, in every scope a test's variables live in, and a file changed
// after its import must say so rather than explain the wrong assert.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pythonRuntimeDir } from '../src/runner/python.js';

const SHAPES = `
import asyncio

GLOBAL_LIST = [1, 2, 3]

def helper(x, **kw):
    return x + kw.get("k", 0)

class Box:
    def __init__(self, v):
        self.v = v
        self.inner = self
    def get(self):
        return self.v
    def __repr__(self):
        return "Box(%r)" % self.v

def test_locals():
    a, b = 1, 2
    assert a == b

def test_chain():
    a, b, c = 1, 2, 2
    assert a < b == c > 3

def test_boolop():
    x, y = 0, 5
    assert x or (y > 9 and x)

def test_call_kwargs():
    assert helper(1, k=2) == 4

def test_global_function_and_list():
    assert helper in [] or len(GLOBAL_LIST) == 4

def test_attributes():
    box = Box(3)
    assert box.inner.get() == box.v + 1

def test_closure():
    outer = {"k": [1, 2]}
    def inner():
        assert outer["k"] == [1, 3]
    inner()

def test_comprehension_in_test():
    items = [1, 2, 3]
    assert all(i < 3 for i in items)

def test_walrus():
    assert (n := len(GLOBAL_LIST)) > 5

def test_unary_binop():
    a = 4
    assert not -a + a * 2

def test_long_strings():
    assert "line one\\nline two" * 3 == "line one\\nline 2" * 3

def test_membership():
    seen = {"a", "b"}
    assert "c" in seen

def test_dicts():
    assert {"a": 1, "b": [1, 2]} == {"a": 1, "b": [1, 3]}

def test_generator_scope():
    def gen():
        value = yield 1
        assert value == "expected"
        yield 2
    g = gen()
    next(g)
    g.send("got")

def test_async_scope():
    async def coro(v):
        await asyncio.sleep(0)
        assert v is None
    asyncio.run(coro(7))

def test_in_loop():
    for i in range(3):
        assert i < 2

class TestMethods:
    factor = 3
    def test_self(self):
        assert self.factor * 2 == 7

def test_shadowed_builtin():
    len = lambda x: 0
    assert len([1]) == 1

def test_repeat_failure():
    messages = []
    for value in (1, 2):
        try:
            assert value == 0
        except AssertionError as exc:
            messages.append(str(exc))
    raise AssertionError(" | ".join(messages))
`;

const CHECK = `
import ast, marshal, os, re, sys, tempfile, types
from fastest_worker.native import rewrite

def load(code, path):
    module = types.ModuleType("shapes")
    module.__file__ = path
    exec(code, module.__dict__)
    return module

def failures(module):
    out = {}
    for name, obj in sorted(vars(module).items()):
        calls = []
        if name.startswith("test_") and callable(obj):
            calls.append((name, obj))
        elif name.startswith("Test"):
            calls += [(name + "." + m, getattr(obj(), m)) for m in sorted(vars(obj)) if m.startswith("test_")]
        for label, fn in calls:
            try:
                fn()
                out[label] = None
            except AssertionError as exc:
                out[label] = re.sub(r"0x[0-9a-f]+", "0xADDR", str(exc))
    return out

work = tempfile.mkdtemp()
path = os.path.join(work, "test_shapes.py")
source = sys.stdin.buffer.read()
with open(path, "wb") as fh:
    fh.write(source)
inline_tree = ast.parse(source, path)
rewrite.rewrite_tree(inline_tree, source, path)
inline = compile(inline_tree, path, "exec", dont_inherit=True)
lazy = rewrite.rewrite_source(source, path)
report = {"sizes": [len(marshal.dumps(inline)), len(marshal.dumps(lazy))]}
report["inline"] = failures(load(inline, path))
report["lazy"] = failures(load(lazy, path))

# the same assert failing again in this process: its branch is not built again
compiled = len(rewrite._failure_codes)
os.rename(path, path + ".gone")
report["again"] = failures(load(lazy, path))["test_locals"]
report["rebuilt"] = len(rewrite._failure_codes) - compiled
os.rename(path + ".gone", path)

# a file edited after its import, before its first failure: no other assert's explanation
edited_path = os.path.join(work, "test_edited.py")
with open(edited_path, "wb") as fh:
    fh.write(source)
edited = rewrite.rewrite_source(source, edited_path)
with open(edited_path, "wb") as fh:
    fh.write(b"\\n" + source)
report["edited"] = failures(load(edited, edited_path))["test_chain"]
import json
print(json.dumps(report))
`;

interface Report {
  sizes: [number, number];
  inline: Record<string, string | null>;
  lazy: Record<string, string | null>;
  again: string;
  rebuilt: number;
  edited: string;
}

describe('failure branches built at the failure', () => {
  const report = JSON.parse(
    execFileSync('python3', ['-c', CHECK], {
      input: SHAPES,
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: pythonRuntimeDir() },
    }),
  ) as Report;

  it('give the message the inline branch gives, in every scope', () => {
    const names = Object.keys(report.inline);
    expect(names.length).toBe(19);
    for (const name of names) expect(report.inline[name], name).toMatch(/^assert /);
    expect(report.lazy).toEqual(report.inline);
    expect(report.inline['test_locals']).toBe('assert 1 == 2');
    expect(report.inline['test_closure']).toContain('assert [1, 2] == [1, 3]');
    expect(report.inline['test_repeat_failure']).toBe('assert 1 == 0 | assert 2 == 0');
  });

  it('make the compiled module smaller', () => {
    const [inline, lazy] = report.sizes;
    expect(lazy).toBeLessThan(inline * 0.8);
  });

  it('are built once per assert in a process', () => {
    expect(report.again).toBe('assert 1 == 2');
    expect(report.rebuilt).toBe(0);
  });

  it('say so when the file changed after its import', () => {
    expect(report.edited).toMatch(/^assert <explanation unavailable: .*test_edited\.py changed after it was imported>$/);
  });
});
