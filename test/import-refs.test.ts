// The import references of a module (src/discovery/import-refs.ts) are found from each occurrence
// of the word `import` in its text, looked up in the tree: every import statement, wherever it
// stands and however it is continued, must still be found, and nothing else.
import { describe, expect, it } from 'vitest';
import { pythonParser } from '../src/discovery/grammar.js';
import { parseModule } from '../src/discovery/parse.js';

const SOURCE = `"""A docstring that mentions import at the top."""
x = 1


def helper():
    y = 2
    return y


from pkg.top import (
    first,
    second,
)
import os.path as osp, json


def late():
    if x:
        from . import sibling
    import importlib
    return importlib.import_module("pkg.dynamic")


from pkg.continued \\
    import third


class C:
    def m(self):
        __import__("pkg.called")


def test_it():
    pass
# the last import word is in this comment
`;

describe('import references', () => {
  it('finds every import statement, at the top, in functions, continued over lines', async () => {
    const parsed = parseModule(await pythonParser(), SOURCE);
    expect([...(parsed.importRefs ?? [])].sort()).toEqual(
      [
        '.',
        '.sibling',
        'importlib',
        'json',
        'os.path',
        'pkg.called',
        'pkg.continued',
        'pkg.continued.third',
        'pkg.dynamic',
        'pkg.top',
        'pkg.top.first',
        'pkg.top.second',
      ].sort(),
    );
  });

  it('finds them after non-ASCII text, and not the word in strings, comments or other names', async () => {
    const source = [
      '"""Ünïcödé 𝒳 before: positions count UTF-16 units."""',
      'from __future__ import annotations',
      'import a.b  # import c',
      'TEXT = "import d; from e import f"',
      'important = importlib_x = ImportError',
      'def test_x():',
      '    s = f"{TEXT} import g"',
      '    from h import (i as j)',
      '',
    ].join('\n');
    const parsed = parseModule(await pythonParser(), source);
    expect([...(parsed.importRefs ?? [])].sort()).toEqual(['a.b', 'h', 'h.i']);
  });

  it('reads none from a module without the word', async () => {
    const parsed = parseModule(await pythonParser(), 'def test_a():\n    assert 1\n');
    expect(parsed.importRefs ?? []).toEqual([]);
  });
});
