// The import references of a module (src/discovery/import-refs.ts) are read only from the rows
// between the first and the last `import` in its text: every import statement, wherever it stands
// and however it is continued, must still be found.
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

  it('reads none from a module without the word', async () => {
    const parsed = parseModule(await pythonParser(), 'def test_a():\n    assert 1\n');
    expect(parsed.importRefs ?? []).toEqual([]);
  });
});
