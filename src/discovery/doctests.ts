// Doctests as pytest's doctest plugin collects them (_pytest/doctest.py), found statically:
// - DoctestTextfile: a file matching --doctest-glob (default `test*.txt`; any .txt/.rst named on
//   the command line) that has examples: one item `path::name`.
// - DoctestModule (--doctest-modules): every walked .py file but setup.py and __main__.py; one
//   item per docstring with examples, named as doctest.DocTestFinder names them from the
//   module's `__name__` (`pkg.mod`, `pkg.mod.func`, `pkg.mod.Class.method`, nested classes),
//   in DocTestFinder's order (sorted by name).
// Where reading the source cannot be sure what DocTestFinder will see (`__test__`, docstrings or
// `__module__` set at run time, a definition under a condition, an unknown decorator, a rebound
// name, --import-mode=importlib names), the module is one dynamic item (its path) that the
// pytest engine expands at run time: never an invented id. So is a module with no example that
// is no test module: pytest still imports it, and its import can fail (a test module's import is
// its tests' own).
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { wholeFileItem, type TestItem } from '../types.js';
import { fnmatchPath } from './fnmatch.js';
import { pythonParser } from './grammar.js';

export interface DoctestOptions {
  /** --doctest-modules */
  modules: boolean;
  /** --doctest-glob values (pytest's default `test*.txt` when empty). */
  globs: string[];
  /** The doctest_encoding ini value. */
  encoding: string;
  /** --import-mode (module names are pytest's prepend/append names only). */
  importMode: string;
}

/** The doctest options among pytest arguments (command line and addopts). */
export function doctestOptionsOf(pytestArgs: string[], encoding: string | undefined): DoctestOptions {
  const globs: string[] = [];
  let modules = false;
  let importMode = 'prepend';
  for (let i = 0; i < pytestArgs.length; i++) {
    const arg = pytestArgs[i];
    if (arg === '--doctest-modules') modules = true;
    else if (arg === '--doctest-glob' && i + 1 < pytestArgs.length) globs.push(pytestArgs[++i]);
    else if (arg.startsWith('--doctest-glob=')) globs.push(arg.slice('--doctest-glob='.length));
    else if (arg === '--import-mode' && i + 1 < pytestArgs.length) importMode = pytestArgs[++i];
    else if (arg.startsWith('--import-mode=')) importMode = arg.slice('--import-mode='.length);
  }
  return { modules, globs, encoding: encoding ?? 'utf-8', importMode };
}

/** A PS1 line of doctest.DocTestParser (tabs expanded): where an example starts. */
const EXAMPLE_LINE = /^[ \t]*>>>/m;

function doctestItem(file: string, name: string, line: number): TestItem {
  return { id: `${file}::${name}`, file, line, classes: [], function: name, marks: [], dynamic: false };
}

/** The whole file, expanded by the pytest engine at run time. */
export function doctestPlaceholder(file: string): TestItem {
  return wholeFileItem(file);
}

const NODE_ENCODINGS: Record<string, BufferEncoding> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  utf_8: 'utf8',
  ascii: 'latin1',
  'us-ascii': 'latin1',
  latin1: 'latin1',
  'latin-1': 'latin1',
  'iso-8859-1': 'latin1',
  'iso8859-1': 'latin1',
  'utf-16': 'utf16le',
  'utf-16-le': 'utf16le',
};

/** Whether pytest's doctest plugin makes a DoctestTextfile of this non-Python file. */
export function isDoctestTextfile(abs: string, named: boolean, options: DoctestOptions): boolean {
  if (named && (abs.endsWith('.txt') || abs.endsWith('.rst'))) return true;
  const globs = options.globs.length > 0 ? options.globs : ['test*.txt'];
  return globs.some((glob) => fnmatchPath(glob, abs));
}

/** A DoctestTextfile's item, when the text has examples (pytest yields none otherwise). */
export function doctestTextItems(abs: string, file: string, options: DoctestOptions): TestItem[] {
  const encoding = NODE_ENCODINGS[options.encoding.toLowerCase()];
  let text: string;
  try {
    if (encoding === undefined) return [doctestPlaceholder(file)];
    text = readFileSync(abs, encoding);
  } catch {
    return [doctestPlaceholder(file)]; // pytest reports what it cannot read
  }
  return EXAMPLE_LINE.test(text) ? [doctestItem(file, basename(abs), 1)] : [];
}

/** Whether pytest's doctest plugin makes a DoctestModule of this .py file. */
export function isDoctestModule(abs: string, options: DoctestOptions): boolean {
  if (!options.modules) return false;
  const name = basename(abs);
  if (name === '__main__.py') return false;
  if (name === 'setup.py') {
    try {
      const content = readFileSync(abs, 'latin1');
      return !(content.includes('setuptools') || content.includes('distutils'));
    } catch {
      return true;
    }
  }
  return true;
}

/** The module's `__name__` as pytest's prepend/append import gives it: packages up from the file. */
export function moduleNameOf(abs: string): string {
  const parts = [basename(abs).replace(/\.py$/, '')];
  if (parts[0] === '__init__') parts.pop();
  let dir = dirname(abs);
  while (existsSync(join(dir, '__init__.py'))) {
    parts.unshift(basename(dir));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return parts.join('.');
}

class Unsure extends Error {}

/** Decorators that leave DocTestFinder the function's own docstring under its own name. */
const KNOWN_FUNCTION_DECORATORS = new Set(['staticmethod', 'classmethod', 'property']);
/** Class decorators that return the class itself. */
const KNOWN_CLASS_DECORATORS = new Set(['dataclass', 'dataclasses.dataclass', 'total_ordering', 'functools.total_ordering']);

/** A docstring's value, when `node` (a body's first statement) is one. */
function docstringOf(statement: SyntaxNode | null | undefined): string | null {
  if (!statement || statement.type !== 'expression_statement' || statement.namedChildCount !== 1) return null;
  const expr = statement.namedChild(0)!;
  const pieces = expr.type === 'string' ? [expr] : expr.type === 'concatenated_string' ? expr.namedChildren.filter((c) => c !== null) : null;
  if (!pieces) return null;
  let value = '';
  for (const piece of pieces) {
    if (piece.type !== 'string') return null;
    const text = piece.text;
    const prefix = /^[A-Za-z]*/.exec(text)![0].toLowerCase();
    if (prefix.includes('f') || prefix.includes('b')) return null;
    const rest = text.slice(prefix.length);
    const quote = rest.startsWith('"""') || rest.startsWith("'''") ? 3 : 1;
    let body = rest.slice(quote, rest.length - quote);
    if (!prefix.includes('r')) body = body.replace(/\\(\r?\n|n|t|\\)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === '\\' ? '\\' : ''));
    value += body;
  }
  return value;
}

function bodyOf(definition: SyntaxNode): SyntaxNode[] {
  const body = definition.childForFieldName('body');
  return body ? body.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') : [];
}

function hasExamples(doc: string | null): boolean {
  return doc !== null && EXAMPLE_LINE.test(doc);
}

/** Whether anything in the definition (its docstring, or a member's, at any depth) has examples. */
function mentionsExamples(node: SyntaxNode): boolean {
  return node.text.includes('>>>');
}

/** Names a statement binds other than by def/class (assignments, imports, del, for targets...). */
function otherBindings(statement: SyntaxNode): string[] {
  const names: string[] = [];
  const collect = (target: SyntaxNode | null) => {
    if (!target) return;
    if (target.type === 'identifier') names.push(target.text);
    else for (const child of target.namedChildren) if (child && child.type !== 'attribute' && child.type !== 'subscript') collect(child);
  };
  const node = statement.type === 'expression_statement' && statement.namedChildCount === 1 ? statement.namedChild(0)! : statement;
  if (node.type === 'assignment' || node.type === 'augmented_assignment') collect(node.childForFieldName('left'));
  else if (node.type === 'delete_statement') collect(node.namedChild(0));
  else if (node.type === 'import_from_statement' || node.type === 'import_statement') {
    for (const child of node.namedChildren) {
      if (!child || child.type === 'relative_import' || child === node.childForFieldName('module_name')) continue;
      if (child.type === 'aliased_import') names.push(child.childForFieldName('alias')?.text ?? '');
      else if (child.type === 'dotted_name') names.push(child.text.split('.')[0]);
      else if (child.type === 'wildcard_import') names.push('*');
    }
  }
  return names;
}

/**
 * The named docstrings of a namespace (module or class body), as DocTestFinder walks its
 * `__dict__`: the last definition of each name, functions and classes defined here, properties
 * and static/class methods in classes. Throws Unsure when the source cannot settle it.
 */
function findInBody(statements: SyntaxNode[], prefix: string, inClass: boolean, out: { name: string; line: number }[]): void {
  const definitions = new Map<string, SyntaxNode>();
  const rebound = new Set<string>();
  for (const statement of statements) {
    let definition = statement;
    let decorators: string[] = [];
    if (statement.type === 'decorated_definition') {
      definition = statement.childForFieldName('definition')!;
      decorators = statement.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type === 'decorator').map((d) => d.text.replace(/^@\s*/, '').trim());
    }
    if (definition.type === 'function_definition' || definition.type === 'class_definition') {
      const name = definition.childForFieldName('name')?.text ?? '';
      if (!mentionsExamples(statement)) {
        definitions.delete(name);
        rebound.delete(name);
        continue;
      }
      const known = definition.type === 'class_definition' ? KNOWN_CLASS_DECORATORS : KNOWN_FUNCTION_DECORATORS;
      for (const decorator of decorators) {
        // a property's setter/deleter keeps the property (and its getter's docstring)
        if (inClass && /^[A-Za-z_][A-Za-z0-9_]*\.(setter|getter|deleter)$/.test(decorator) && decorator.split('.')[0] === name) continue;
        if (!known.has(decorator)) throw new Unsure();
      }
      if (decorators.some((d) => /\.(setter|getter|deleter)$/.test(d))) continue;
      definitions.set(name, statement);
      rebound.delete(name);
      continue;
    }
    if (['if_statement', 'try_statement', 'with_statement', 'for_statement', 'while_statement', 'match_statement'].includes(statement.type)) {
      if (mentionsExamples(statement)) throw new Unsure(); // a definition that may or may not exist
      for (const name of [...definitions.keys()]) if (new RegExp(`\\b${name}\\b`).test(statement.text)) throw new Unsure();
      continue;
    }
    for (const name of otherBindings(statement)) {
      if (name === '*' && definitions.size > 0) throw new Unsure();
      if (definitions.has(name)) rebound.add(name);
    }
  }
  if (rebound.size > 0) throw new Unsure();
  for (const [name, statement] of definitions) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition')! : statement;
    const qualified = `${prefix}.${name}`;
    const body = bodyOf(definition);
    if (hasExamples(docstringOf(body[0]))) out.push({ name: qualified, line: definition.startPosition.row + 1 });
    if (definition.type === 'class_definition') findInBody(body, qualified, true, out);
  }
}

/**
 * A DoctestModule's items, read from its source; one dynamic placeholder when the source cannot
 * settle them. No items when no docstring has examples.
 */
export async function doctestModuleItems(abs: string, file: string, options: DoctestOptions): Promise<TestItem[]> {
  let source: string;
  try {
    source = readFileSync(abs, 'utf8');
  } catch {
    return [doctestPlaceholder(file)];
  }
  // docstrings, `__test__` or `__module__` set at run time (maybe copied from another module)
  if (/\b__test__\b|\b__doc__\s*[+]?=|\.__doc__\b|\b__module__\s*=/.test(source)) return [doctestPlaceholder(file)];
  if (!source.includes('>>>')) return [];
  if (options.importMode !== 'prepend' && options.importMode !== 'append') return [doctestPlaceholder(file)];
  const parser = await pythonParser();
  const tree = parser.parse(source);
  if (!tree) return [doctestPlaceholder(file)];
  try {
    if (tree.rootNode.hasError) return [doctestPlaceholder(file)];
    const moduleName = moduleNameOf(abs);
    const statements = tree.rootNode.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
    const found: { name: string; line: number }[] = [];
    if (hasExamples(docstringOf(statements[0]))) found.push({ name: moduleName, line: 1 });
    findInBody(statements, moduleName, false, found);
    // DocTestFinder sorts its tests (by name first: names are unique within a module).
    found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return found.map(({ name, line }) => doctestItem(file, name, line));
  } catch (error) {
    if (error instanceof Unsure) return [doctestPlaceholder(file)];
    throw error;
  } finally {
    tree.delete();
  }
}

/** A whole-file item placed among the walked modules: before the module `after` counts. */
export interface PlacedItem {
  item: TestItem;
  after: number;
}

/**
 * The doctest items of a walk, merged in pytest's collection order with the file placeholders
 * (which keep their files: a conftest's hook may collect them instead). A module's doctests come
 * before its own tests (the doctest plugin's collector is asked first).
 */
export async function placeDoctests(
  walked: { modules: string[]; others: { path: string; after: number }[] },
  placeholders: PlacedItem[],
  options: DoctestOptions,
  files: { named: ReadonlySet<string>; keep: (abs: string) => boolean; nodePath: (abs: string) => string },
): Promise<PlacedItem[]> {
  const covered = new Set(placeholders.map((p) => p.item.file));
  type Keyed = PlacedItem & { rank: number; seq: number };
  const entries: Keyed[] = [];
  const othersSeq = new Map(walked.others.map((o, index) => [files.nodePath(o.path), index]));
  for (const p of placeholders) entries.push({ ...p, rank: 0, seq: othersSeq.get(p.item.file) ?? 0 });
  const jobs: Promise<void>[] = [];
  walked.others.forEach(({ path, after }, seq) => {
    const file = files.nodePath(path);
    if (covered.has(file) || !files.keep(path)) return;
    if (path.endsWith('.py')) {
      if (!isDoctestModule(path, options)) return;
      jobs.push(
        doctestModuleItems(path, file, options).then((items) => {
          // imported all the same: its import error is a collection error (simplejson's Python 2 `ordered_dict.py`)
          for (const item of items.length > 0 ? items : [doctestPlaceholder(file)]) entries.push({ item, after, rank: 0, seq });
        }),
      );
    } else if (isDoctestTextfile(path, files.named.has(path), options)) {
      for (const item of doctestTextItems(path, file, options)) entries.push({ item, after, rank: 0, seq });
    }
  });
  if (options.modules) {
    walked.modules.forEach((path, index) => {
      if (!files.keep(path) || !isDoctestModule(path, options)) return;
      jobs.push(
        doctestModuleItems(path, files.nodePath(path), options).then((items) => {
          for (const item of items) entries.push({ item: item.dynamic ? { ...item, beside: true } : item, after: index, rank: 1, seq: 0 });
        }),
      );
    });
  }
  await Promise.all(jobs);
  // stable: items of one file stay in the order they were found
  return entries
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => a.entry.after - b.entry.after || a.entry.rank - b.entry.rank || a.entry.seq - b.entry.seq || a.order - b.order)
    .map(({ entry }) => ({ item: entry.item, after: entry.after }));
}
