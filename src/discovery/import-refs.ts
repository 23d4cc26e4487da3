// The modules a file imports, anywhere in it (module level, functions, conditional branches), as
// written: the edges of the import graph that test-impact selection follows. Read with tree-sitter
// queries (run inside tree-sitter), so a file costs one pass however many nodes it has.
import type { Language, Node, Point, Query } from 'web-tree-sitter';
import { grammarQuery } from './grammar.js';

export interface ImportRefs {
  /**
   * Dotted module names, relative ones with their leading dots. `from X import a` gives X and X.a
   * (a may be a submodule); `pytest_plugins`, `importlib.import_module('m')`, `__import__('m')` and
   * `pytest.importorskip('m')` with a literal give m.
   */
  modules: string[];
  /** `importlib.import_module(x)` / `__import__(x)` with a non-literal name: any module may be loaded. */
  dynamic: boolean;
}

const STATEMENTS = '(import_statement) @import (import_from_statement) @from';
const CALLS = '(call function: (_) @fn arguments: (argument_list) @args)';
const PLUGINS = '(assignment left: (identifier) @name right: (_) @value)';
const LOADING_CALL = /(?:^|\.)(?:import_module|__import__|importorskip)$/;
const STRING_LITERAL = /^[rRuU]?(['"])([\w.]+)\1$/;

const queries = new WeakMap<Language, { statements: Query; calls: Query; plugins: Query }>();

function queriesFor(language: Language) {
  let q = queries.get(language);
  if (!q) {
    q = { statements: grammarQuery(language, STATEMENTS), calls: grammarQuery(language, CALLS), plugins: grammarQuery(language, PLUGINS) };
    queries.set(language, q);
  }
  return q;
}

function dottedOf(node: Node | null): string | undefined {
  if (!node) return undefined;
  return (node.type === 'aliased_import' ? node.childForFieldName('name')?.text : node.text)?.replace(/\s+/g, '');
}

function joinModule(base: string, name: string): string {
  return base.endsWith('.') ? base + name : `${base}.${name}`;
}

/** The literal module name of a string node (`'pkg.mod'`), or undefined. */
function literalName(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  return STRING_LITERAL.exec(node.text)?.[2];
}

/**
 * The rows from the first to the last holding `word`: every import statement has `import` in its
 * text, so its node intersects them. Querying only those rows (most files import at the top)
 * was most of the query's time on 100-test modules.
 */
function rowsMentioning(source: string, word: string): { startPosition: Point; endPosition: Point } | null {
  const first = source.indexOf(word);
  if (first < 0) return null;
  const last = source.lastIndexOf(word);
  let startRow = 0;
  for (let at = source.indexOf('\n'); at !== -1 && at < first; at = source.indexOf('\n', at + 1)) startRow++;
  let endRow = startRow;
  for (let at = source.indexOf('\n', first); at !== -1 && at < last; at = source.indexOf('\n', at + 1)) endRow++;
  return { startPosition: { row: startRow, column: 0 }, endPosition: { row: endRow + 1, column: 0 } };
}

export function importRefs(root: Node, source: string): ImportRefs {
  const { statements, calls, plugins } = queriesFor(root.tree.language);
  const modules = new Set<string>();
  let dynamic = false;
  const importRows = rowsMentioning(source, 'import');
  for (const { name, node } of importRows ? statements.captures(root, importRows) : []) {
    if (name === 'import') {
      for (const child of node.childrenForFieldName('name')) {
        const dotted = dottedOf(child);
        if (dotted) modules.add(dotted);
      }
      continue;
    }
    const base = node.childForFieldName('module_name')?.text.replace(/\s+/g, '');
    if (!base) continue;
    modules.add(base);
    for (const child of node.childrenForFieldName('name')) {
      const imported = dottedOf(child);
      if (imported) modules.add(joinModule(base, imported));
    }
  }
  if (/import_module|__import__|importorskip/.test(source)) {
    for (const match of calls.matches(root)) {
      const fn = match.captures.find((c) => c.name === 'fn')?.node;
      const args = match.captures.find((c) => c.name === 'args')?.node;
      if (!fn || !args || !LOADING_CALL.test(fn.text)) continue;
      const first = args.namedChildren[0];
      const literal = literalName(first);
      if (literal !== undefined) {
        // import_module('.mod', package) is relative to a package named at run time.
        if (literal.startsWith('.')) dynamic = true;
        else modules.add(literal);
      } else if (!fn.text.endsWith('importorskip')) {
        dynamic = true;
      }
    }
  }
  if (source.includes('pytest_plugins')) {
    for (const match of plugins.matches(root)) {
      if (match.captures.find((c) => c.name === 'name')?.node.text !== 'pytest_plugins') continue;
      const value = match.captures.find((c) => c.name === 'value')?.node;
      if (!value) continue;
      const names = value.type === 'string' ? [value] : value.type === 'list' || value.type === 'tuple' ? value.namedChildren : null;
      if (names === null) {
        dynamic = true;
        continue;
      }
      for (const entry of names) {
        const literal = literalName(entry);
        if (literal !== undefined) modules.add(literal);
        else dynamic = true;
      }
    }
  }
  return { modules: [...modules], dynamic };
}
