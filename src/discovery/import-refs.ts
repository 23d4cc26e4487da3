// The modules a file imports, anywhere in it (module level, functions, conditional branches), as
// written: the edges of the import graph that test-impact selection follows. Import statements are
// found from the word `import` in the text; loading calls and `pytest_plugins` with tree-sitter
// queries, only in a file whose text names them.
import type { Language, Node, Query } from 'web-tree-sitter';
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

const CALLS = '(call function: (_) @fn arguments: (argument_list) @args)';
const PLUGINS = '(assignment left: (identifier) @name right: (_) @value)';
const LOADING_CALL = /(?:^|\.)(?:import_module|__import__|importorskip)$/;
const STRING_LITERAL = /^[rRuU]?(['"])([\w.]+)\1$/;

// Compiled on a file's first need: most files have neither kind of call.
const compiled = new WeakMap<Language, Map<string, Query>>();

function queryFor(language: Language, source: string): Query {
  let byLanguage = compiled.get(language);
  if (!byLanguage) compiled.set(language, (byLanguage = new Map()));
  let query = byLanguage.get(source);
  if (!query) byLanguage.set(source, (query = grammarQuery(language, source)));
  return query;
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

/** The word `import` on its own (not `importlib`, `__import__`, `ImportError`). */
const IMPORT_WORD = /\bimport\b/g;

/**
 * The import statements of a module, in source order: each holds the keyword `import` once, so
 * each occurrence of the word is looked up in the tree (the smallest node there) and kept when it
 * is that keyword. A file has a few such words, and a lookup walks one path down the tree: a query
 * over the rows holding them was most of discovery's time per module after the parse itself, and
 * compiling the query ~10 ms of every process's first parse.
 */
function importStatements(root: Node, source: string): Node[] {
  const statements: Node[] = [];
  for (const match of source.matchAll(IMPORT_WORD)) {
    const keyword = root.descendantForIndex(match.index);
    const statement = keyword?.type === 'import' ? keyword.parent : null;
    if (statement && (statement.type === 'import_statement' || statement.type === 'import_from_statement')) statements.push(statement);
  }
  return statements;
}

export function importRefs(root: Node, source: string): ImportRefs {
  const modules = new Set<string>();
  let dynamic = false;
  for (const node of importStatements(root, source)) {
    if (node.type === 'import_statement') {
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
    for (const match of queryFor(root.tree.language, CALLS).matches(root)) {
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
    for (const match of queryFor(root.tree.language, PLUGINS).matches(root)) {
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
