// Turns one Python source file into its collectable structure (functions, classes, marks,
// fixtures), independent of the pytest config, so the result can be cached by file content.
import type { Node, Parser } from 'web-tree-sitter';
import type { Mark } from '../types.js';
import { emptyLiteralContext, readLiteral, readMark, type LiteralContext } from './pyliteral.js';

export interface ParsedFunction {
  kind: 'function';
  name: string;
  /** 1-based line of the first decorator, or of `def` (Python's co_firstlineno). */
  line: number;
  argnames: string[];
  /** Marks from decorators, in source order (top first). */
  marks: Mark[];
  fixture: { name: string; parametrized: boolean; autouse: boolean } | null;
  abstract: boolean;
  /** A plain (not async) generator function: pytest refuses it as a test. */
  isGenerator: boolean;
}

export interface ParsedClass {
  kind: 'class';
  name: string;
  line: number;
  /** Base class expressions as written, e.g. `unittest.TestCase`, `Base`. */
  bases: string[];
  members: ParsedMember[];
  /** Class decorator marks in source order. */
  decoratorMarks: Mark[];
  /** `pytestmark = ...` in the class body. */
  bodyMarks: Mark[];
  /** Value of `__test__` in the body, if a literal bool was assigned. */
  testAttr: boolean | null;
  hasInit: boolean;
  hasNew: boolean;
  hasGenerateTests: boolean;
}

export interface ParsedAssign {
  kind: 'assign';
  name: string;
  /** `name.__test__ = False`: the name is bound, and not to be collected. */
  testDisabled?: true;
}

export type ParsedMember = ParsedFunction | ParsedClass | ParsedAssign;

export interface ParsedModule {
  members: ParsedMember[];
  pytestmark: Mark[];
  testAttr: boolean | null;
  hasGenerateTests: boolean;
  /** Names given to `pytest` by imports (`import pytest as pt`). */
  pytestAliases: string[];
  /** 1-based line and column of the first syntax error tree-sitter found, if any. */
  syntaxError: { line: number; column: number } | null;
  /** Reasons the module's items cannot be fully known statically (e.g. `from x import *`). */
  dynamicReasons: string[];
  /** `collect_ignore` / `collect_ignore_glob` literal lists (they matter in conftest.py). */
  collectIgnore: string[];
  collectIgnoreGlob: string[];
}

const DECORATED_DEFINITION = 'decorated_definition';

interface ParseContext extends LiteralContext {
  source: string;
}

function argnamesOf(params: Node | null): string[] {
  const names: string[] = [];
  for (const p of params?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'identifier') names.push(p.text);
    else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const name = p.childForFieldName('name');
      if (name) names.push(name.text);
    } else if (p.type === 'typed_parameter') {
      const inner = p.namedChildren.find((c) => c?.type === 'identifier');
      if (inner) names.push(inner.text);
    }
  }
  return names;
}

// Every property read on a web-tree-sitter node is a call into the wasm module (~1 µs); with tens of
// thousands of functions per run, the statements that Python's keywords identify are read from the
// source text at the node's start instead, and simple `def` headers are parsed from the text too.
const DEF_START = /(?:async[ \t]+)?def[ \t]/y;
const DECORATOR_OR_COMMENT = /[@#]/y;
/** `def name(params)` where params hold no brackets, strings, comments or continuations. */
const SIMPLE_DEF_HEADER = /(?:async[ \t]+)?def[ \t]+([^\s(\[\\]+)[ \t]*\(([^()'"#[\]{}\\]*)\)/y;

function matchesAt(pattern: RegExp, source: string, index: number): boolean {
  pattern.lastIndex = index;
  return pattern.test(source);
}

/** The node's type, read from the source for `def`, decorators and comments. */
function statementType(node: Node, source: string): string {
  const start = node.startIndex;
  if (matchesAt(DEF_START, source, start)) return 'function_definition';
  if (matchesAt(DECORATOR_OR_COMMENT, source, start)) return source[start] === '@' ? DECORATED_DEFINITION : 'comment';
  return node.type;
}

/** Name and argument names of a simple `def` header; null when the tree must be asked. */
function simpleHeader(source: string, start: number): { name: string; argnames: string[] } | null {
  SIMPLE_DEF_HEADER.lastIndex = start;
  const m = SIMPLE_DEF_HEADER.exec(source);
  if (!m) return null;
  const argnames: string[] = [];
  for (const piece of m[2].split(',')) {
    const param = piece.trim();
    if (param === '' || param === '/' || param.startsWith('*')) continue;
    const name = param.split(/[:=]/, 1)[0].trim();
    if (!/^[^\s:=]+$/.test(name)) return null;
    argnames.push(name);
  }
  return { name: m[1], argnames };
}

/** Walks the statements of a block, descending into if/try/with bodies as module code would run. */
function* statements(block: Node, source: string, holdsStatements = true): Generator<{ node: Node; type: string }> {
  for (const child of block.namedChildren) {
    if (!child) continue;
    // Only a statement's own start tells its type: a block or clause starts where its first statement does.
    const type = holdsStatements ? statementType(child, source) : child.type;
    switch (type) {
      case 'if_statement':
      case 'elif_clause':
      case 'else_clause':
      case 'try_statement':
      case 'except_clause':
      case 'except_group_clause':
      case 'finally_clause':
      case 'with_statement':
        yield* statements(child, source, false);
        break;
      case 'block':
        yield* statements(child, source, true);
        break;
      default:
        yield { node: child, type };
    }
  }
}

function isFixtureDecorator(expr: Node, ctx: LiteralContext): { name: string | null; parametrized: boolean; autouse: boolean } | null {
  const target = expr.type === 'call' ? expr.childForFieldName('function') : expr;
  if (!target) return null;
  const text = target.text;
  const isFixture = text === 'fixture' || text === 'pytest_asyncio.fixture' ||
    (text.endsWith('.fixture') && ctx.pytestAliases.has(text.slice(0, -'.fixture'.length))) || text === 'yield_fixture';
  if (!isFixture) return null;
  let name: string | null = null;
  let parametrized = false;
  let autouse = false;
  if (expr.type === 'call') {
    for (const arg of expr.childForFieldName('arguments')?.namedChildren ?? []) {
      if (arg?.type !== 'keyword_argument') continue;
      const key = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (!value) continue;
      if (key === 'params') parametrized = true;
      if (key === 'autouse') autouse = value.type === 'true';
      if (key === 'name') {
        const v = readLiteral(value, ctx);
        if (typeof v === 'string') name = v;
      }
    }
  }
  return { name, parametrized, autouse };
}

/** The expression after `@` (comments inside the decorator aside). */
function decoratorExpression(decorator: Node): Node | null {
  return decorator.namedChildren.find((c) => c && c.type !== 'comment') ?? null;
}

function parseFunction(def: Node, decorators: Node[], firstLine: number, ctx: ParseContext): ParsedFunction {
  const marks: Mark[] = [];
  let fixture: ParsedFunction['fixture'] = null;
  let abstract = false;
  const header = simpleHeader(ctx.source, def.startIndex);
  const name = header ? header.name : def.childForFieldName('name')?.text ?? '';
  for (const decorator of decorators) {
    const expr = decoratorExpression(decorator);
    if (!expr) continue;
    const mark = readMark(expr, ctx);
    if (mark) {
      marks.push(mark);
      continue;
    }
    const fx = isFixtureDecorator(expr, ctx);
    if (fx) {
      fixture = { name: fx.name ?? name, parametrized: fx.parametrized, autouse: fx.autouse };
      continue;
    }
    if (/(^|\.)abstractmethod$/.test(expr.text)) abstract = true;
  }
  // Walking every body node through the wasm boundary is costly; most functions have no `yield`.
  // An `async def` with `yield` is an async generator, which pytest collects as a plain function.
  const isAsync = ctx.source.startsWith('async', def.startIndex);
  const mayYield = !isAsync && ctx.source.slice(def.startIndex, def.endIndex).includes('yield');
  const body = mayYield ? def.childForFieldName('body') : null;
  return {
    kind: 'function',
    name,
    line: firstLine,
    argnames: header ? header.argnames : argnamesOf(def.childForFieldName('parameters')),
    marks,
    fixture,
    abstract,
    isGenerator: body ? containsYield(body) : false,
  };
}

function containsYield(node: Node): boolean {
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'yield') return true;
    if (child.type === 'function_definition' || child.type === 'class_definition' || child.type === 'lambda') continue;
    if (containsYield(child)) return true;
  }
  return false;
}

function readMarkList(value: Node, ctx: LiteralContext): Mark[] {
  if (value.type === 'list' || value.type === 'tuple') {
    const marks: Mark[] = [];
    for (const item of value.namedChildren) {
      if (!item) continue;
      const m = readMark(item, ctx);
      if (m) marks.push(m);
    }
    return marks;
  }
  const one = readMark(value, ctx);
  return one ? [one] : [];
}

interface BodyInfo {
  collectIgnore: string[];
  collectIgnoreGlob: string[];
  members: ParsedMember[];
  pytestmark: Mark[];
  testAttr: boolean | null;
  hasInit: boolean;
  hasNew: boolean;
  hasGenerateTests: boolean;
}

function parseBody(block: Node, ctx: ParseContext, moduleLevel: boolean, dynamicReasons: string[]): BodyInfo {
  const info: BodyInfo = { members: [], pytestmark: [], testAttr: null, hasInit: false, hasNew: false, hasGenerateTests: false, collectIgnore: [], collectIgnoreGlob: [] };
  for (const { node: stmt, type: stmtType } of statements(block, ctx.source)) {
    let def: Node | null = stmt;
    let defType = stmtType;
    let decorators: Node[] = [];
    const firstLine = stmt.startPosition.row + 1;
    if (stmtType === DECORATED_DEFINITION) {
      decorators = stmt.namedChildren.filter((c): c is Node => c?.type === 'decorator');
      def = stmt.childForFieldName('definition');
      defType = def ? statementType(def, ctx.source) : '';
    }
    if (!def) continue;
    if (defType === 'function_definition') {
      const fn = parseFunction(def, decorators, firstLine, ctx);
      if (fn.name === '__init__') info.hasInit = true;
      if (fn.name === '__new__') info.hasNew = true;
      if (fn.name === 'pytest_generate_tests') info.hasGenerateTests = true;
      if (moduleLevel) ctx.definedNames.add(fn.name);
      info.members.push(fn);
    } else if (defType === 'class_definition') {
      info.members.push(parseClass(def, decorators, firstLine, ctx, dynamicReasons));
    } else if (defType === 'expression_statement') {
      for (const expr of def.namedChildren) {
        if (expr?.type === 'assignment') handleAssignment(expr, ctx, info, moduleLevel);
      }
    } else if (moduleLevel && defType === 'import_from_statement') {
      handleImportFrom(def, ctx, dynamicReasons);
    } else if (moduleLevel && defType === 'import_statement') {
      for (const child of def.namedChildren) {
        if (child?.type === 'aliased_import' && child.childForFieldName('name')?.text === 'pytest') {
          const alias = child.childForFieldName('alias')?.text;
          if (alias) ctx.pytestAliases.add(alias);
        }
      }
    }
  }
  return info;
}

function handleImportFrom(stmt: Node, ctx: LiteralContext, dynamicReasons: string[]): void {
  const moduleName = stmt.childForFieldName('module_name')?.text;
  if (stmt.namedChildren.some((c) => c?.type === 'wildcard_import')) {
    dynamicReasons.push(`from ${moduleName} import *`);
    return;
  }
  for (const child of stmt.childrenForFieldName('name')) {
    if (!child) continue;
    const imported = child.type === 'aliased_import' ? child.childForFieldName('name')?.text : child.text;
    const local = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : child.text;
    if (!local) continue;
    ctx.assignedNames.add(local);
    if (moduleName === 'pytest' && imported === 'mark') ctx.markAliases.add(local);
  }
}

function handleAssignment(expr: Node, ctx: LiteralContext, info: BodyInfo, moduleLevel: boolean): void {
  const left = expr.childForFieldName('left');
  const right = expr.childForFieldName('right');
  if (left?.type === 'attribute' && left.childForFieldName('attribute')?.text === '__test__' && right?.type === 'false') {
    // `test_x.__test__ = False`: the name stays bound but is no longer collected.
    const target = left.childForFieldName('object');
    if (target?.type === 'identifier') info.members.push({ kind: 'assign', name: target.text, testDisabled: true });
    return;
  }
  if (!left || left.type !== 'identifier') return;
  const name = left.text;
  if (!right) return;
  if (name === 'pytestmark') {
    info.pytestmark = readMarkList(right, ctx);
    return;
  }
  if (moduleLevel && (name === 'collect_ignore' || name === 'collect_ignore_glob')) {
    const value = readLiteral(right, ctx);
    if (value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple')) {
      const paths = value.items.filter((v): v is string => typeof v === 'string');
      if (name === 'collect_ignore') info.collectIgnore = paths;
      else info.collectIgnoreGlob = paths;
    }
    return;
  }
  if (name === '__test__') {
    info.testAttr = right.type === 'true' ? true : right.type === 'false' ? false : null;
    return;
  }
  if (moduleLevel) {
    ctx.assignedNames.add(name);
    const mark = readMark(right, ctx);
    if (mark) ctx.markVariables.set(name, mark);
  }
  info.members.push({ kind: 'assign', name });
}

function parseClass(def: Node, decorators: Node[], firstLine: number, ctx: ParseContext, dynamicReasons: string[]): ParsedClass {
  const name = def.childForFieldName('name')?.text ?? '';
  const bases: string[] = [];
  for (const arg of def.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (arg && arg.type !== 'keyword_argument' && arg.type !== 'comment') bases.push(arg.text);
  }
  const decoratorMarks: Mark[] = [];
  for (const decorator of decorators) {
    const expr = decoratorExpression(decorator);
    const mark = expr ? readMark(expr, ctx) : null;
    if (mark) decoratorMarks.push(mark);
  }
  const body = def.childForFieldName('body');
  const info = parseBody(body ?? def, ctx, false, dynamicReasons);
  ctx.definedNames.add(name);
  return {
    kind: 'class',
    name,
    line: firstLine,
    bases,
    members: info.members,
    decoratorMarks,
    bodyMarks: info.pytestmark,
    testAttr: info.testAttr,
    hasInit: info.hasInit,
    hasNew: info.hasNew,
    hasGenerateTests: info.hasGenerateTests,
  };
}

function firstError(node: Node): { line: number; column: number } | null {
  if (node.type === 'ERROR' || node.isMissing) return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
  for (const child of node.children) {
    if (child && child.hasError) {
      const found = firstError(child);
      if (found) return found;
    }
  }
  return node.hasError ? { line: node.startPosition.row + 1, column: 1 } : null;
}

export function parseModule(parser: Parser, source: string): ParsedModule {
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const root = tree.rootNode;
    const ctx: ParseContext = { ...emptyLiteralContext(), source };
    const dynamicReasons: string[] = [];
    const info = parseBody(root, ctx, true, dynamicReasons);
    return {
      members: info.members,
      pytestmark: info.pytestmark,
      testAttr: info.testAttr,
      hasGenerateTests: info.hasGenerateTests,
      pytestAliases: [...ctx.pytestAliases],
      syntaxError: root.hasError ? firstError(root) : null,
      dynamicReasons,
      collectIgnore: info.collectIgnore,
      collectIgnoreGlob: info.collectIgnoreGlob,
    };
  } finally {
    tree.delete();
  }
}
