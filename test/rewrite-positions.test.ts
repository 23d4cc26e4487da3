// The native engine's assertion rewrite gives its new nodes the assert's position as it builds them
// (python/fastest_worker/native/rewrite.py); the tree and the compiled code must be exactly what the
// walk that gave them positions afterwards produced, for every kind of assert.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonRuntimeDir } from '../src/runner/python.js';

const ASSERTS = `
import os
from os import path as p

def f(*a, **k):
    return a

class C:
    attr = 1
    def m(self, x):
        assert self.attr == x, "message %d" % x
        assert [y for y in range(x) if y] and {k: v for k, v in {}.items()}

async def g(x):
    assert await x
    async with x as y:
        assert y is not None

def test_shapes(a, b, c, xs):
    assert a
    assert not a
    assert a == b
    assert a < b <= c != 3
    assert (a == b) == (b == c)
    assert a and b or not c
    assert a or (b and c) or (c and (a or b))
    assert f(a, *xs, key=b, **{"k": c})
    assert f(a)(b).c.d[0]
    assert -a + ~b * +c - a ** 2 // 3 % 4 @ b >> 1 << 2 & 3 | 4 ^ 5
    assert a in xs and b not in xs and a is not b and a is b
    assert (n := len(xs)) > 3, f"{n} {a!r:>10}"
    assert lambda: 0
    assert [*xs, *xs]
    assert (a, b)
    assert xs[1:2] == xs[::-1]
    assert a if b else c
    assert os.path.join(a, p.sep)
    assert C().m(1) is None, (a, b)
    assert {a, b} == {b, a} and {a: b} and (a,)
    assert b"bytes" and 1.5j and ... and None and True
    for i in xs:
        while i:
            if i:
                assert i
            elif a:
                assert not i
            else:
                try:
                    assert i
                except Exception:
                    assert a
                finally:
                    assert b
        else:
            assert c
    with open(a) as fh:
        assert fh
    match a:
        case 1:
            assert a == 1
        case _:
            assert True
    try:
        pass
    except (ValueError, TypeError) as e:
        assert e
    else:
        assert a
    def inner():
        class Local:
            def m(self):
                assert self
        assert Local
    async def later():
        async for x in xs:
            assert x
        else:
            assert xs
`;

const COMPARE = `
import ast, sys
from fastest_worker.native import rewrite

def same_code(a, b):
    """Equal code objects (== compares bytecode, constants, names, line and position tables),
    nested ones by their positions too (marshal's bytes vary with reference counts)."""
    if a != b or list(a.co_positions()) != list(b.co_positions()):
        return False
    nested = [(x, y) for x, y in zip(a.co_consts, b.co_consts) if hasattr(x, "co_code")]
    return all(same_code(x, y) for x, y in nested)

def check(source, filename):
    try:
        ast.parse(source)
    except SyntaxError:
        return False
    key = rewrite._source_key(source, filename)
    walked, built = ast.parse(source, filename), ast.parse(source, filename)
    rewrite.rewrite_tree(walked, source, filename, locate_missing=True, source_key=key)
    rewrite.rewrite_tree(built, source, filename, locate_missing=False, source_key=key)
    if b"PYTEST_DONT_REWRITE" not in source:  # every assert, in every statement list, is rewritten
        assert not any(isinstance(node, ast.Assert) for node in ast.walk(built)), filename
    assert ast.dump(walked, include_attributes=True) == ast.dump(built, include_attributes=True), filename
    walked_code = compile(walked, filename, "exec", dont_inherit=True)
    assert same_code(walked_code, compile(built, filename, "exec", dont_inherit=True)), filename
    assert same_code(walked_code, rewrite.rewrite_source(source, filename)), filename
    return True

import warnings
warnings.simplefilter("ignore")
count = 0
for name in sys.argv[1:]:
    with open(name, "rb") as fh:
        count += check(fh.read(), name)
count += check(sys.stdin.buffer.read(), "shapes.py")
print(count)
`;

function pythonFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((p) => p.endsWith('.py')).map((p) => join(dir, p));
}

describe('assertion rewrite positions', () => {
  it('builds the same tree and code as the position walk, for every assert shape and every fixture module', () => {
    const files = pythonFiles(resolve(import.meta.dirname, 'fixtures'));
    const out = execFileSync('python3', ['-c', COMPARE, ...files], {
      input: ASSERTS,
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: pythonRuntimeDir() },
    });
    expect(Number(out.trim())).toBeGreaterThan(50);
  }, 60_000);
});
