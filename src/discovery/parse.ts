// Turns one Python source file into its collectable structure (functions, classes, marks,
// fixtures), independent of the pytest config, so the result can be cached by file content.
import type { Node, Parser } from 'web-tree-sitter';
import type { Mark, PyValue } from '../types.js';
import { andGuard, emptyGuardScope, notGuard, toGuard, UNKNOWN_GUARD, type GuardExpr, type GuardScope } from './guards.js';
import { importRefs } from './import-refs.js';
import { emptyLiteralContext, hasUnreadablePart, readLiteral, readMark, type LiteralContext } from './pyliteral.js';

export interface ParsedFunction {
  kind: 'function';
  name: string;
  /** 1-based line of the first decorator, or of `def` (Python's co_firstlineno). */
  line: number;
  argnames: string[];
  /** Marks from decorators, in source order (top first). */
  marks: Mark[];
  fixture: FixtureFacts | null;
  abstract: boolean;
  /** Arguments with a default value (pytest requests no fixture for them); left out when none. */
  optionalArgs?: string[];
  /** `@staticmethod`: in a class, its first argument is not bound. */
  isStatic?: true;
  /** A decorator that is no mark, fixture or method kind (`@given`, `@mock.patch`): the signature pytest sees may differ. */
  otherDecorators?: true;
  /** Wrapped by hypothesis' `@given` (its `argnames` are those of the signature it makes): pytest's plugin marks it `hypothesis`. */
  hypothesis?: true;
  /** A plain (not async) generator function: pytest refuses it as a test. */
  isGenerator: boolean;
  /** `async def`. */
  isAsync?: true;
  /** A decorator of the module's own that applies marks (parametrize): they are known at run time only. */
  marksUnknown?: true;
  /** The condition under which the module's code defines it (if/elif/else, try/except ImportError). */
  guard?: GuardExpr;
}

/** What `@pytest.fixture(...)` says of a fixture. */
export interface FixtureFacts {
  name: string;
  parametrized: boolean;
  autouse: boolean;
  /** `params=` as read (a literal, or names and calls followed later); absent when not given. */
  params?: PyValue;
  /** `ids=` as read. */
  ids?: PyValue;
  /** `scope=` when a literal string; `?` when given but not literal. */
  scope?: string;
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
  guard?: GuardExpr;
}

export interface ParsedAssign {
  kind: 'assign';
  name: string;
  /** `name.__test__ = False`: the name stays bound to its object, which is no longer collected. */
  testDisabled?: true;
  /** `name = other` (or `name = mark(other)`, `name = wrapper(other)`): bound to `other`'s object. */
  alias?: string;
  /** `name = pytest.mark.X(other)`: the mark is stored on `other`'s object (store_mark). */
  marks?: Mark[];
  /** `name = some_call(other)`: what the call returns can't be known. */
  wrapped?: true;
  /** `del name`. */
  deleted?: true;
  /** `from module import x as name` at module level: the module, as written (dots of a relative import kept). */
  importedFrom?: string;
  guard?: GuardExpr;
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
  /** `collect_ignore.extend([...])` / `.append(...)` (and `_glob`) at module level, with the condition they run under. */
  collectIgnoreAdded?: { glob: boolean; paths: string[]; guard?: GuardExpr }[];
  /**
   * When false, importing the module skips it whole (`pytest.importorskip`, `pytest.skip(...,
   * allow_module_level=True)`): pytest collects nothing from it.
   */
  collectIf?: GuardExpr;
  /** Module-level imports a class base may name: local name -> `module` or `module:name`. */
  imports?: Record<string, string>;
  /** What the module's unconditional top-level `from m import name` statements need (outside any try, if or with): if one fails, so does the import of the module. */
  requiredImports?: GuardExpr[];
  /** A parametrize is passed a generator (deprecated in pytest 9.1: an error where warnings are errors). */
  generatorParametrize?: true;
  /** Every module the file imports, anywhere in it (see import-refs.ts); left out when none. */
  importRefs?: string[];
  /** The file loads modules named at run time (`importlib.import_module(name)`). */
  dynamicImport?: true;
  /** The module writes its own namespace at run time (`globals()[name] = ...`, `setattr(sys.modules[__name__], ...)`):
   * importing it may make tests beside those the parser sees (pyyaml's test_yaml_ext.py). */
  namespaceWrites?: true;
  /** Only the imports were read (a project module that is not a test file): no members. */
  importsOnly?: true;
}

const DECORATED_DEFINITION = 'decorated_definition';

interface ParseContext extends LiteralContext {
  source: string;
  /** Module-level functions whose code applies marks (`def dual(f): return pytest.mark.parametrize(...)(f)`). */
  markingFunctions: Set<string>;
  guards: GuardScope;
  collectIf: GuardExpr | null;
  imports: Record<string, string>;
  requiredImports: GuardExpr[];
  generatorParametrize: boolean;
  collectIgnoreAdded: { glob: boolean; paths: string[]; guard?: GuardExpr }[];
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

/** The parameters that have a default value. */
function optionalArgsOf(params: Node | null): string[] {
  const names: string[] = [];
  for (const p of params?.namedChildren ?? []) {
    if (p?.type !== 'default_parameter' && p?.type !== 'typed_default_parameter') continue;
    const name = p.childForFieldName('name');
    if (name) names.push(name.text);
  }
  return names;
}

// Every property read on a web-tree-sitter node is a call into the wasm module (~1 µs); with tens of
// thousands of functions per run, the statements that Python's keywords identify are read from the
// source text at the node's start instead, and simple `def` headers are parsed from the text too.
const DEF_START = /(?:async[ \t]+)?def[ \t]/y;
const DECORATOR_OR_COMMENT = /[@#]/y;
/** `def name(params)` where params hold no brackets, strings, comments or continuations. */
const SIMPLE_DEF_HEADER = /(?:async[ \t]+)?def[ \t]+([^\s([\\]+)[ \t]*\(([^()'"#[\]{}\\]*)\)/y;

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
function simpleHeader(source: string, start: number): { name: string; argnames: string[]; optional: string[] } | null {
  SIMPLE_DEF_HEADER.lastIndex = start;
  const m = SIMPLE_DEF_HEADER.exec(source);
  if (!m) return null;
  const argnames: string[] = [];
  const optional: string[] = [];
  for (const piece of m[2].split(',')) {
    const param = piece.trim();
    if (param === '' || param === '/' || param.startsWith('*')) continue;
    const name = param.split(/[:=]/, 1)[0].trim();
    if (!/^[^\s:=]+$/.test(name)) return null;
    argnames.push(name);
    if (param.includes('=')) optional.push(name);
  }
  return { name: m[1], argnames, optional };
}

interface Statement {
  node: Node;
  type: string;
  /** The condition under which the module's code runs it; null: always. */
  guard: GuardExpr | null;
}

/** Names an `except` clause catches that an ImportError would match. */
const CATCHES_IMPORT_ERROR = /^(ImportError|ModuleNotFoundError|Exception|BaseException)$/;
const SAFE_VALUE_TYPES = new Set([
  'string',
  'concatenated_string',
  'integer',
  'float',
  'true',
  'false',
  'none',
  'identifier',
  'list',
  'tuple',
  'dictionary',
  'set',
]);

/**
 * Walks the statements of a block as module code would run them, descending into if/try/with
 * bodies with the condition under which each branch runs. `imports` collects, in a try body, the
 * imports that must succeed for the statements after them to run.
 */
function* statements(
  block: Node,
  ctx: ParseContext,
  guard: GuardExpr | null,
  holdsStatements = true,
  tryBody?: { imports: GuardExpr[]; risky: boolean },
): Generator<Statement> {
  for (const child of block.namedChildren) {
    if (!child) continue;
    // Only a statement's own start tells its type: a block or clause starts where its first statement does.
    const type = holdsStatements ? statementType(child, ctx.source) : child.type;
    const here = tryBody && tryBody.imports.length > 0 ? andGuard(guard, { k: 'and', es: [...tryBody.imports] }) : guard;
    switch (type) {
      case 'if_statement':
        yield* ifStatement(child, ctx, here);
        break;
      case 'try_statement':
        yield* tryStatement(child, ctx, here);
        break;
      case 'with_statement':
        if (tryBody) tryBody.risky = true;
        yield* statements(child, ctx, here, false);
        break;
      case 'block':
        yield* statements(child, ctx, here, true);
        break;
      default:
        yield { node: child, type, guard: here };
        if (!tryBody) break;
        if (type === 'import_statement' || type === 'import_from_statement') tryBody.imports.push(...importGuards(child));
        else if (!isSafeStatement(child, type)) tryBody.risky = true;
    }
  }
}

/** A statement that can't raise (or whose raising is not a concern of collection). */
function isSafeStatement(node: Node, type: string): boolean {
  if (type === 'function_definition' || type === 'class_definition' || type === DECORATED_DEFINITION || type === 'comment' || type === 'pass_statement')
    return true;
  if (type !== 'expression_statement') return false;
  return node.namedChildren.every((expr) => {
    if (!expr) return true;
    if (expr.type === 'string') return true;
    if (expr.type !== 'assignment') return false;
    const right = expr.childForFieldName('right');
    return right !== null && SAFE_VALUE_TYPES.has(right.type);
  });
}

function* ifStatement(node: Node, ctx: ParseContext, guard: GuardExpr | null): Generator<Statement> {
  const condition = node.childForFieldName('condition');
  let taken = condition ? toGuard(condition, ctx.guards) : UNKNOWN_GUARD;
  let rest = guard;
  const consequence = node.childForFieldName('consequence');
  if (consequence) yield* statements(consequence, ctx, andGuard(rest, taken));
  rest = andGuard(rest, notGuard(taken));
  for (const alternative of node.childrenForFieldName('alternative')) {
    if (!alternative) continue;
    if (alternative.type === 'elif_clause') {
      const elifCondition = alternative.childForFieldName('condition');
      taken = elifCondition ? toGuard(elifCondition, ctx.guards) : UNKNOWN_GUARD;
      const body = alternative.childForFieldName('consequence');
      if (body) yield* statements(body, ctx, andGuard(rest, taken));
      rest = andGuard(rest, notGuard(taken));
    } else {
      const body = alternative.childForFieldName('body');
      if (body) yield* statements(body, ctx, rest);
    }
  }
}

function* tryStatement(node: Node, ctx: ParseContext, guard: GuardExpr | null): Generator<Statement> {
  const tryBody = { imports: [] as GuardExpr[], risky: false };
  const body = node.childForFieldName('body');
  if (body) yield* statements(body, ctx, guard, true, tryBody);
  const allImported: GuardExpr = tryBody.imports.length === 0 ? { k: 'lit', v: true } : { k: 'and', es: tryBody.imports };
  for (const clause of node.namedChildren) {
    if (!clause) continue;
    if (clause.type === 'except_clause' || clause.type === 'except_group_clause') {
      const block = clause.namedChildren.find((c) => c?.type === 'block');
      if (!block) continue;
      const value = clause.childForFieldName('value');
      const caught = value ? exceptionNames(value) : ['BaseException'];
      const catchesImport = clause.type === 'except_clause' && caught.some((name) => CATCHES_IMPORT_ERROR.test(name));
      const failed = notGuard(allImported);
      let runs: GuardExpr;
      if (catchesImport) runs = tryBody.risky ? { k: 'or', es: [failed, UNKNOWN_GUARD] } : failed;
      else runs = tryBody.risky ? UNKNOWN_GUARD : { k: 'lit', v: false };
      yield* statements(block, ctx, andGuard(guard, runs));
    } else if (clause.type === 'else_clause') {
      const elseBody = clause.childForFieldName('body');
      if (elseBody) yield* statements(elseBody, ctx, andGuard(guard, allImported));
    } else if (clause.type === 'finally_clause') {
      yield* statements(clause, ctx, guard, false);
    }
  }
}

/** The exception class names an except clause lists (`except (A, b.C) as e` -> A, C). */
function exceptionNames(value: Node): string[] {
  const target = value.type === 'as_pattern' ? value.namedChildren[0] : value;
  if (!target) return [];
  if (target.type === 'tuple' || target.type === 'parenthesized_expression') return target.namedChildren.flatMap((c) => (c ? exceptionNames(c) : []));
  return [target.text.slice(target.text.lastIndexOf('.') + 1)];
}

/** What an import statement needs to succeed. */
function importGuards(stmt: Node): GuardExpr[] {
  if (stmt.type === 'import_statement') {
    return stmt.childrenForFieldName('name').flatMap((child) => {
      if (!child) return [];
      const dotted = child.type === 'aliased_import' ? child.childForFieldName('name')?.text : child.text;
      return dotted ? [{ k: 'imp', mod: dotted } as GuardExpr] : [];
    });
  }
  const mod = stmt.childForFieldName('module_name')?.text;
  if (!mod) return [UNKNOWN_GUARD];
  if (stmt.namedChildren.some((c) => c?.type === 'wildcard_import')) return [{ k: 'imp', mod }];
  return stmt.childrenForFieldName('name').flatMap((child) => {
    if (!child) return [];
    const name = child.type === 'aliased_import' ? child.childForFieldName('name')?.text : child.text;
    return name ? [{ k: 'imp', mod, name } as GuardExpr] : [];
  });
}

function isFixtureDecorator(expr: Node, ctx: LiteralContext): (Omit<FixtureFacts, 'name'> & { name: string | null }) | null {
  const target = expr.type === 'call' ? expr.childForFieldName('function') : expr;
  if (!target) return null;
  const text = target.text;
  const isFixture =
    text === 'fixture' ||
    text === 'pytest_asyncio.fixture' ||
    (text.endsWith('.fixture') && ctx.pytestAliases.has(text.slice(0, -'.fixture'.length))) ||
    text === 'yield_fixture';
  if (!isFixture) return null;
  const facts: Omit<FixtureFacts, 'name'> & { name: string | null } = { name: null, parametrized: false, autouse: false };
  if (expr.type === 'call') {
    const args = (expr.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => a !== null && a.type !== 'comment');
    // fixture(fixture_function=None, *, scope, params, autouse, ids, name): a positional is the
    // function itself, or (pytest < 8) the scope
    if (args.some((a) => a.type !== 'keyword_argument')) facts.scope = '?';
    for (const arg of args) {
      if (arg.type !== 'keyword_argument') continue;
      const key = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (!value) continue;
      if (key === 'params') {
        facts.parametrized = true;
        facts.params = readLiteral(value, ctx);
      }
      if (key === 'ids') facts.ids = readLiteral(value, ctx);
      if (key === 'autouse') facts.autouse = value.type === 'true';
      if (key === 'scope') {
        const v = readLiteral(value, ctx);
        facts.scope = typeof v === 'string' ? v : '?';
      }
      if (key === 'name') {
        const v = readLiteral(value, ctx);
        if (typeof v === 'string') facts.name = v;
      }
    }
  }
  return facts;
}

/** The expression after `@` (comments inside the decorator aside). */
function decoratorExpression(decorator: Node): Node | null {
  return decorator.namedChildren.find((c) => c && c.type !== 'comment') ?? null;
}

/** Builtins whose result is an iterator, not a Collection (pytest 9.1 warns when parametrize gets one). */
const ITERATOR_BUILTINS = new Set(['enumerate', 'zip', 'map', 'filter', 'iter', 'reversed']);

/** `parametrize("x", (v for v in ...))`, or `enumerate(...)`, `zip(...)`...: argvalues (second
 * positional or `argvalues=`) is a generator or another iterator, not a Collection. */
function passesGenerator(call: Node): boolean {
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is Node => c !== null && c.type !== 'comment');
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  const iterator = (value: Node | null | undefined) =>
    value?.type === 'generator_expression' ||
    (value?.type === 'call' && value.childForFieldName('function')?.type === 'identifier' && ITERATOR_BUILTINS.has(value.childForFieldName('function')!.text));
  if (iterator(positional[1])) return true;
  return args.some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'argvalues' && iterator(a.childForFieldName('value')));
}

/** An import statement directly in the module's body (not under a try, if, with or def). */
function unconditional(stmt: Node): boolean {
  for (let at = stmt.parent; at !== null; at = at.parent) {
    if (at.type === 'module') return true;
    if (at.type !== 'block' && at.type !== 'expression_statement') return false;
  }
  return false;
}

function parseFunction(def: Node, decorators: Node[], firstLine: number, ctx: ParseContext): ParsedFunction {
  const marks: Mark[] = [];
  let fixture: ParsedFunction['fixture'] = null;
  let abstract = false;
  let marksUnknown = false;
  let isStatic = false;
  let otherDecorators = false;
  let filled: string[] | null = null;
  const header = simpleHeader(ctx.source, def.startIndex);
  const name = header ? header.name : (def.childForFieldName('name')?.text ?? '');
  for (const decorator of decorators) {
    const expr = decoratorExpression(decorator);
    if (!expr) continue;
    const mark = readMark(expr, ctx);
    if (mark) {
      if (mark.name === 'parametrize' && expr.type === 'call' && passesGenerator(expr)) ctx.generatorParametrize = true;
      marks.push(mark);
      continue;
    }
    const fx = isFixtureDecorator(expr, ctx);
    if (fx) {
      fixture = { ...fx, name: fx.name ?? name };
      continue;
    }
    const given = filledByGiven(expr, def, ctx);
    if (given) {
      filled = given;
      continue;
    }
    if (/(^|\.)abstractmethod$/.test(expr.text)) abstract = true;
    if (expr.text === 'staticmethod') isStatic = true;
    else if (!/^(classmethod|(abc\.)?abstractmethod)$/.test(expr.text)) otherDecorators = true;
    const called = expr.type === 'call' ? expr.childForFieldName('function') : expr;
    if (called?.type === 'identifier' && ctx.markingFunctions.has(called.text)) marksUnknown = true;
  }
  // Walking every body node through the wasm boundary is costly; most functions have no `yield`.
  // An `async def` with `yield` is an async generator, which pytest collects as a plain function.
  const isAsync = ctx.source.startsWith('async', def.startIndex);
  const mayYield = !isAsync && ctx.source.slice(def.startIndex, def.endIndex).includes('yield');
  const body = mayYield ? def.childForFieldName('body') : null;
  const optionalArgs = header ? header.optional : optionalArgsOf(def.childForFieldName('parameters'));
  const argnames = header ? header.argnames : argnamesOf(def.childForFieldName('parameters'));
  // (with another decorator too, what pytest sees is not known: the arguments are left as written)
  const filledNames: string[] = filled !== null && !otherDecorators ? filled : [];
  return {
    kind: 'function',
    name,
    line: firstLine,
    argnames: filledNames.length > 0 ? argnames.filter((a) => !filledNames.includes(a)) : argnames,
    marks,
    fixture,
    abstract,
    ...(optionalArgs.length > 0 ? { optionalArgs } : {}),
    ...(isStatic ? { isStatic: true as const } : {}),
    ...(otherDecorators ? { otherDecorators: true as const } : {}),
    ...(filledNames.length > 0 ? { hypothesis: true as const } : {}),
    isGenerator: body ? containsYield(body) : false,
    ...(isAsync ? { isAsync: true as const } : {}),
    ...(marksUnknown ? { marksUnknown: true as const } : {}),
  };
}

/**
 * `@given(...)` of hypothesis (`from hypothesis import given`, `hypothesis.given`) in a form its
 * is_invalid_test accepts: strategies all positional (they fill the last parameters) or all keyword
 * (naming parameters), on a plain `def` whose parameters have no defaults, `*args`, `**kwargs`,
 * keyword-only or positional-only ones. The test pytest collects has the signature without the
 * filled parameters (new_given_signature): their names. Null for anything else.
 */
function filledByGiven(expr: Node, def: Node, ctx: ParseContext): string[] | null {
  if (expr.type !== 'call' || ctx.source.startsWith('async', def.startIndex)) return null;
  const fn = expr.childForFieldName('function')?.text ?? '';
  const module = /^([A-Za-z_]\w*)\.given$/.exec(fn)?.[1];
  if (!(fn === 'given' && ctx.imports.given === 'hypothesis:given') && !(module !== undefined && ctx.imports[module] === 'hypothesis')) return null;
  const params: string[] = [];
  for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p || p.type === 'comment') continue;
    const name = p.type === 'identifier' ? p : p.type === 'typed_parameter' ? p.namedChildren.find((c) => c?.type === 'identifier') : null;
    if (!name) return null;
    params.push(name.text);
  }
  const args = (expr.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => a !== null && a.type !== 'comment');
  if (args.length === 0 || args.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat' || a.type === 'ellipsis')) return null;
  const keywords = args.filter((a) => a.type === 'keyword_argument');
  let filled: string[];
  if (keywords.length === 0) {
    if (args.length > params.length) return null;
    filled = params.slice(params.length - args.length);
  } else {
    if (keywords.length !== args.length || keywords.some((k) => k.childForFieldName('value')?.type === 'ellipsis')) return null;
    filled = keywords.map((k) => k.childForFieldName('name')?.text ?? '');
    if (filled.some((n) => !params.includes(n)) || new Set(filled).size !== filled.length) return null;
  }
  // a method's `self` (or `cls`) filled by a strategy: not a shape to follow
  return filled.includes('self') || filled.includes('cls') ? null : filled;
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
  const info: BodyInfo = {
    members: [],
    pytestmark: [],
    testAttr: null,
    hasInit: false,
    hasNew: false,
    hasGenerateTests: false,
    collectIgnore: [],
    collectIgnoreGlob: [],
  };
  for (const { node: stmt, type: stmtType, guard } of statements(block, ctx, null)) {
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
    const added = info.members.length;
    if (defType === 'function_definition') {
      const fn = parseFunction(def, decorators, firstLine, ctx);
      if (fn.name === '__init__') info.hasInit = true;
      if (fn.name === '__new__') info.hasNew = true;
      if (fn.name === 'pytest_generate_tests') info.hasGenerateTests = true;
      if (moduleLevel) rebind(ctx, fn.name, null, guard);
      else ctx.constants.delete(fn.name);
      if (moduleLevel) ctx.definedNames.add(fn.name);
      if (moduleLevel && !matchesTestName(fn.name) && MARKING_CODE.test(ctx.source.slice(def.startIndex, def.endIndex))) ctx.markingFunctions.add(fn.name);
      info.members.push(fn);
    } else if (defType === 'class_definition') {
      const cls = parseClass(def, decorators, firstLine, ctx, dynamicReasons);
      if (moduleLevel) rebind(ctx, cls.name, null, guard);
      else ctx.constants.delete(cls.name);
      info.members.push(cls);
    } else if (defType === 'expression_statement') {
      for (const expr of def.namedChildren) {
        if (expr?.type === 'assignment') handleAssignment(expr, ctx, info, moduleLevel, guard);
        else if (moduleLevel && expr?.type === 'call') moduleLevelCall(expr, ctx, guard);
        else if (expr) forgetMutated(ctx, expr.text);
      }
    } else if (defType === 'delete_statement') {
      for (const target of def.namedChildren.flatMap((c) => (c?.type === 'expression_list' ? c.namedChildren : [c]))) {
        if (target?.type !== 'identifier') continue;
        info.members.push({ kind: 'assign', name: target.text, deleted: true });
        if (moduleLevel) rebind(ctx, target.text, null, guard);
      }
    } else if (moduleLevel && defType === 'import_from_statement') {
      handleImportFrom(def, ctx, dynamicReasons, guard, info);
      // `from m import name` only: a missing name is what a static reading can be sure of
      if (guard === null && unconditional(def)) ctx.requiredImports.push(...importGuards(def).filter((g) => g.k === 'imp' && g.name !== undefined));
    } else if (moduleLevel && defType === 'import_statement') {
      handleImport(def, ctx, guard);
    } else if (ctx.constants.size > 0 && !(defType === 'assert_statement' && readsOnly(def, ctx))) {
      forgetMutated(ctx, def.text);
    }
    if (guard !== null) for (let i = added; i < info.members.length; i++) info.members[i].guard = guard;
  }
  return info;
}

/** Code that applies a mark to something (a decorator factory's body). */
const MARKING_CODE = /\.mark\.|\bparametrize\b|\bmark\(/;

/** Test functions are not decorators; the test is cheap and saves scanning their bodies. */
function matchesTestName(name: string): boolean {
  return name.startsWith('test');
}

/** A module-level name bound again: what guards and parametrize knew of its value no longer holds. */
function rebind(ctx: ParseContext, name: string, value: GuardExpr | null, guard: GuardExpr | null): void {
  ctx.constants.delete(name);
  ctx.markVariables.delete(name);
  if (value === null) {
    ctx.guards.names.delete(name);
    return;
  }
  const before = ctx.guards.names.get(name) ?? UNKNOWN_GUARD;
  ctx.guards.names.set(name, guard === null ? value : { k: 'ite', c: guard, t: value, f: before });
}

/** Builtins that read their arguments and change nothing (`assert len(set(CASES)) == len(CASES)`). */
const READING_BUILTINS = new Set([
  'len',
  'set',
  'frozenset',
  'list',
  'tuple',
  'sorted',
  'any',
  'all',
  'sum',
  'min',
  'max',
  'isinstance',
  'enumerate',
  'zip',
  'range',
]);

/** An expression that can't change a value: calls only to reading builtins, no attribute, no `:=`. */
function readsOnly(node: Node, ctx: ParseContext): boolean {
  if (node.descendantsOfType(['attribute', 'named_expression', 'await', 'yield']).length > 0) return false;
  return node.descendantsOfType('call').every((call) => {
    const fn = call?.childForFieldName('function');
    return fn?.type === 'identifier' && READING_BUILTINS.has(fn.text) && !ctx.assignedNames.has(fn.text) && !ctx.definedNames.has(fn.text);
  });
}

/** A statement that may change a constant in place (`CASES.append(x)`, `CASES += [...]`, a loop). */
function forgetMutated(ctx: ParseContext, text: string): void {
  for (const name of ctx.constants.keys()) if (text.includes(name)) ctx.constants.delete(name);
}

/** `pytest.importorskip("x")` and `pytest.skip(..., allow_module_level=True)` at module level. */
function moduleLevelCall(call: Node, ctx: ParseContext, guard: GuardExpr | null): void {
  if (ctx.constants.size > 0) forgetMutated(ctx, call.text);
  const fn = call.childForFieldName('function');
  const dotted = fn?.type === 'attribute' ? fn.text : null;
  if (!dotted) return;
  const adding = /^(collect_ignore(?:_glob)?)\.(extend|append)$/.exec(dotted);
  if (adding) {
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is Node => c !== null && c.type !== 'comment');
    const value = args.length === 1 ? readLiteral(args[0], ctx) : null;
    const items =
      adding[2] === 'append' ? [value] : value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple') ? value.items : [];
    const paths = items.filter((v): v is string => typeof v === 'string');
    if (paths.length > 0) ctx.collectIgnoreAdded.push({ glob: adding[1] === 'collect_ignore_glob', paths, ...(guard ? { guard } : {}) });
    return;
  }
  const dot = dotted.lastIndexOf('.');
  if (!ctx.pytestAliases.has(dotted.slice(0, dot))) return;
  const what = dotted.slice(dot + 1);
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is Node => c !== null && c.type !== 'comment');
  let collected: GuardExpr;
  if (what === 'importorskip') {
    const first = args[0] ? readLiteral(args[0], ctx) : null;
    const named = typeof first === 'string' ? first : null;
    const more = args.length > 1;
    collected = named === null ? UNKNOWN_GUARD : more ? { k: 'and', es: [{ k: 'imp', mod: named }, UNKNOWN_GUARD] } : { k: 'imp', mod: named };
  } else if (
    what === 'skip' &&
    args.some(
      (a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'allow_module_level' && a.childForFieldName('value')?.type === 'true',
    )
  ) {
    collected = { k: 'lit', v: false };
  } else {
    return;
  }
  const unlessGuarded = guard === null ? collected : ({ k: 'or', es: [notGuard(guard), collected] } as GuardExpr);
  ctx.collectIf = andGuard(ctx.collectIf, unlessGuarded);
}

function handleImport(stmt: Node, ctx: ParseContext, guard: GuardExpr | null): void {
  for (const child of stmt.childrenForFieldName('name')) {
    if (!child) continue;
    const aliased = child.type === 'aliased_import';
    const dotted = aliased ? child.childForFieldName('name')?.text : child.text;
    const local = aliased ? child.childForFieldName('alias')?.text : dotted?.split('.')[0];
    if (!dotted || !local) continue;
    if (aliased && dotted === 'pytest') ctx.pytestAliases.add(local);
    const module = aliased ? dotted : local;
    ctx.guards.modules.set(local, module);
    ctx.imports[local] = module;
    rebind(ctx, local, { k: 'obj' }, guard);
  }
}

function handleImportFrom(stmt: Node, ctx: ParseContext, dynamicReasons: string[], guard: GuardExpr | null, info: BodyInfo): void {
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
    rebind(ctx, local, null, guard);
    if (moduleName && imported) {
      ctx.guards.fromImports.set(local, `${moduleName}.${imported}`);
      ctx.imports[local] = `${moduleName}:${imported}`;
      // The name is bound in the module's namespace, where pytest may collect it (a test class
      // imported from another test module); its first binding fixes its position.
      if (moduleName !== 'pytest' && moduleName !== '__future__') info.members.push({ kind: 'assign', name: local, importedFrom: moduleName });
    }
  }
}

/** Value types a guard can follow: reading others as guards only costs time. */
const GUARD_VALUE_TYPES = new Set([
  'comparison_operator',
  'boolean_operator',
  'not_operator',
  'true',
  'false',
  'none',
  'identifier',
  'attribute',
  'call',
  'parenthesized_expression',
  'integer',
  'string',
  'subscript',
]);

/** `name = mark(other)` / `name = wrapper(other)` / `name = other`: the object it binds, if a function or class of the body. */
function rebinding(right: Node, ctx: ParseContext): Pick<ParsedAssign, 'alias' | 'marks' | 'wrapped'> | null {
  if (right.type === 'identifier') return { alias: right.text };
  if (right.type !== 'call') return null;
  const args = (right.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is Node => c !== null && c.type !== 'comment');
  if (args.length !== 1 || args[0].type !== 'identifier') return null;
  const target = args[0].text;
  const fn = right.childForFieldName('function');
  if (!fn) return null;
  // MarkDecorator.__call__ with one function or class: stores the mark on it and returns it.
  const mark = readMark(fn, ctx);
  if (mark) return { alias: target, marks: [mark] };
  return ctx.definedNames.has(target) ? { alias: target, wrapped: true } : null;
}

function handleAssignment(expr: Node, ctx: ParseContext, info: BodyInfo, moduleLevel: boolean, guard: GuardExpr | null): void {
  const left = expr.childForFieldName('left');
  const right = expr.childForFieldName('right');
  if (left?.type === 'attribute' && left.childForFieldName('attribute')?.text === '__test__' && right?.type === 'false') {
    // `test_x.__test__ = False`: the name stays bound but is no longer collected.
    const target = left.childForFieldName('object');
    if (target?.type === 'identifier') info.members.push({ kind: 'assign', name: target.text, testDisabled: true });
    return;
  }
  if (left && left.type !== 'identifier') {
    for (const name of left.descendantsOfType('identifier')) {
      if (name && moduleLevel) rebind(ctx, name.text, null, guard);
      else if (name) ctx.constants.delete(name.text);
    }
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
  const rebound = right.type === 'identifier' || right.type === 'call' ? rebinding(right, ctx) : null;
  if (moduleLevel) {
    ctx.assignedNames.add(name);
    const value = GUARD_VALUE_TYPES.has(right.type) ? toGuard(right, ctx.guards) : UNKNOWN_GUARD;
    const markValue = rebound ? null : readMark(right, ctx);
    const literal = guard === null && !rebound && !markValue ? readLiteral(right, ctx) : null;
    rebind(ctx, name, value.k === 'unk' ? null : value, guard);
    if (markValue) ctx.markVariables.set(name, markValue);
    if (literal !== null && !hasUnreadablePart(literal) && (typeof literal !== 'object' || (literal.py !== 'call' && literal.py !== 'mark')))
      ctx.constants.set(name, literal);
  } else {
    // a class attribute: a constant of the class body while it runs (it shadows the module's)
    ctx.constants.delete(name);
    const literal = guard === null && !rebound ? readLiteral(right, ctx) : null;
    if (literal !== null && !hasUnreadablePart(literal) && (typeof literal !== 'object' || (literal.py !== 'call' && literal.py !== 'mark')))
      ctx.constants.set(name, literal);
  }
  info.members.push(rebound ? { kind: 'assign', name, ...rebound } : { kind: 'assign', name });
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
  // A class body is a scope of its own: its constants are seen by its methods' decorators, then dropped.
  const outerConstants = ctx.constants;
  ctx.constants = new Map(outerConstants);
  let info: BodyInfo;
  try {
    info = parseBody(body ?? def, ctx, false, dynamicReasons);
  } finally {
    ctx.constants = outerConstants;
  }
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
    const ctx: ParseContext = {
      ...emptyLiteralContext(),
      source,
      guards: emptyGuardScope(),
      collectIf: null,
      imports: {},
      requiredImports: [],
      generatorParametrize: false,
      collectIgnoreAdded: [],
      markingFunctions: new Set(),
    };
    const dynamicReasons: string[] = [];
    const info = parseBody(root, ctx, true, dynamicReasons);
    const refs = importRefs(root, source);
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
      ...(ctx.collectIf ? { collectIf: ctx.collectIf } : {}),
      ...(Object.keys(ctx.imports).length > 0 ? { imports: ctx.imports } : {}),
      ...(ctx.requiredImports.length > 0 ? { requiredImports: ctx.requiredImports } : {}),
      ...(ctx.generatorParametrize ? { generatorParametrize: true as const } : {}),
      ...(ctx.collectIgnoreAdded.length > 0 ? { collectIgnoreAdded: ctx.collectIgnoreAdded } : {}),
      ...(refs.modules.length > 0 ? { importRefs: refs.modules } : {}),
      ...(refs.dynamic ? { dynamicImport: true as const } : {}),
      ...(NAMESPACE_WRITES.test(source) ? { namespaceWrites: true as const } : {}),
    };
  } finally {
    tree.delete();
  }
}

const NAMESPACE_WRITES = /\bglobals\(\)\s*(?:\[|\.update\b|\.setdefault\b)|\bvars\(\)\s*\[|\bsetattr\(\s*sys\.modules\[__name__\]/;

/** A module read only for what it imports (for the import graph): no members, no syntax check. */
export function parseImportsOnly(parser: Parser, source: string): ParsedModule {
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const refs = importRefs(tree.rootNode, source);
    return {
      members: [],
      pytestmark: [],
      testAttr: null,
      hasGenerateTests: false,
      pytestAliases: [],
      syntaxError: null,
      dynamicReasons: [],
      collectIgnore: [],
      collectIgnoreGlob: [],
      importsOnly: true,
      ...(refs.modules.length > 0 ? { importRefs: refs.modules } : {}),
      ...(refs.dynamic ? { dynamicImport: true as const } : {}),
    };
  } finally {
    tree.delete();
  }
}
