// Applies pytest's collection rules (python_functions, python_classes, __test__, unittest,
// inheritance, parametrize) to a parsed module, giving its test items in pytest's order.
import { resolve } from 'node:path';
import { wholeFileItem, type CollectionError, type Mark, type TestItem } from '../types.js';
import { fnmatch } from './fnmatch.js';
import { evaluateGuard, type GuardEnv, type GuardExpr } from './guards.js';
import { expandParametrize, type IdOptions } from './paramids.js';
import {
  addDef,
  emptyLevel,
  fixtureDefOf,
  fixtureParametrization,
  noteParamKeys,
  opaqueDef,
  parametrizeArgnames,
  requestedArgs,
  type FixtureLevel,
} from './fixtures.js';
import type { ParsedClass, ParsedFunction, ParsedMember, ParsedModule } from './parse.js';
import { BUILTIN_CLASSES, STDLIB_MODULES } from './stdlib.js';
import { resolveValue, type ValueScope } from './values.js';

export interface CollectRules {
  pythonFunctions: string[];
  pythonClasses: string[];
  idOptions: IdOptions;
  /** The ini `filterwarnings` turns every warning into an error (a line `error`). */
  warningsAreErrors?: boolean;
  /** Whether hypothesis' pytest plugin loads (it marks `@given` tests `hypothesis`); default: it does. */
  hypothesisPlugin?: boolean;
  /** Whether anyio's pytest plugin may load (it parametrizes coroutine tests by backend); default: it may. */
  anyioPlugin?: boolean;
  /** anyio's `anyio_mode = auto` (or `--anyio-mode=auto`): it takes every coroutine test. */
  anyioAutoMode?: boolean;
  /** pytest-asyncio loads in its auto mode: it marks every coroutine test `asyncio` that has no such mark. */
  asyncioAutoMode?: boolean;
}

/** What the conftest.py files above a module contribute. */
export interface ConftestInfo {
  parametrizedFixtures: Set<string>;
  /** Each fixture's own arguments (the fixtures it requests), to follow parametrization through them. */
  fixtureArgs: Map<string, string[]>;
  hasGenerateTests: boolean;
  /** Absolute paths and path patterns from `collect_ignore` / `collect_ignore_glob`. */
  collectIgnore: string[];
  collectIgnoreGlob: string[];
  /** Paths and patterns added to those under a condition, decided with the interpreter's facts. */
  collectIgnoreGuarded?: { path: string; glob: boolean; guard: GuardExpr }[];
  /**
   * Defines pytest_collect_file or pytest_collect_directory: files below it that are not Python
   * modules may be tests, known only when pytest collects them.
   */
  collectsFiles?: boolean;
  /** Defines pytest_pycollect_makemodule or pytest_collect_directory: its test modules collect as it says. */
  makesModules?: boolean;
  /** Defines pytest_collection_modifyitems or pytest_itemcollected: a test's marks and keywords may be its to add. */
  changesItems?: boolean;
  /** Its fixtures, from the rootdir's conftest.py down to the module's directory. */
  fixtureLevels: FixtureLevel[];
}

const FILE_COLLECTING_HOOKS = new Set(['pytest_collect_file', 'pytest_collect_directory']);
const MODULE_MAKING_HOOKS = new Set(['pytest_pycollect_makemodule', 'pytest_collect_directory']);
const ITEM_CHANGING_HOOKS = new Set(['pytest_collection_modifyitems', 'pytest_itemcollected']);

/** Bases that add no tests and change nothing pytest collects. */
const NEUTRAL_BASES = /^(object|(abc\.)?ABC|(typing\.)?(Generic|Protocol)(\[.*\])?)$/s;
const UNITTEST_BASE =
  /(^|\.)(TestCase|IsolatedAsyncioTestCase|TransactionTestCase|SimpleTestCase|LiveServerTestCase|StaticLiveServerTestCase|AsyncTestCase|AioHTTPTestCase)$/;

/** pytest's `_matches_prefix_or_glob_option`. */
export function matchesPrefixOrGlob(patterns: string[], name: string): boolean {
  for (const option of patterns) {
    if (name.startsWith(option)) return true;
    if (/[*?[]/.test(option) && fnmatch(name, option)) return true;
  }
  return false;
}

/** A base's name or module that says it may be a TestCase (or carry tests). */
const TESTISH = /test|case/i;

export type { GuardEnv };

interface ModuleScope {
  file: string;
  mod: ParsedModule;
  classesByName: Map<string, ParsedClass>;
  rules: CollectRules;
  parametrizedFixtures: Set<string>;
  /** `benchmark` and the fixtures that request it, directly or through others. */
  benchmarkFixtures: Set<string>;
  generateTests: boolean;
  env: GuardEnv | undefined;
  /** The fixtures visible to the module's tests: the conftest.py chain's, the module's, then the enclosing classes'. */
  fixtureLevels: FixtureLevel[];
  /** Classes imported from other test modules, by the name the module binds them to. */
  importedClasses: Map<string, ParsedClass>;
  /** What rebinding did to the objects of the module: marks stored on them, `__test__ = False`. */
  objects: { marks: Map<ParsedMember, Mark[]>; disabled: Set<ParsedMember> };
}

/** One name of a module's or class's final namespace, and the object it is bound to. */
interface Binding {
  name: string;
  member: ParsedMember;
  /** A guard that could not be decided, or a wrapper of unknown result, stands between them. */
  uncertain: boolean;
}

/**
 * The namespace the module's (or class body's) code leaves, as pytest sees it: a dict, so each name
 * keeps the position of its first binding and the value of its last; `del` removes it; members
 * whose guard is false under the interpreter are not bound at all.
 */
function namespace(members: ParsedMember[], scope: ModuleScope): Binding[] {
  const bound = new Map<string, Binding>();
  const { objects } = scope;
  for (const m of members) {
    let uncertain = false;
    if (m.guard) {
      const taken = scope.env ? evaluateGuard(m.guard, scope.env) : null;
      if (taken === false) continue;
      uncertain = taken === null;
    }
    const existing = bound.get(m.name);
    if (m.kind === 'assign') {
      if (m.deleted || m.testDisabled) {
        if (existing && uncertain) existing.uncertain = true;
        else if (existing && m.deleted) bound.delete(m.name);
        else if (existing) objects.disabled.add(existing.member);
        continue;
      }
      const target = m.alias === undefined ? undefined : bound.get(m.alias);
      if (target && target.member.kind !== 'assign') {
        if (m.marks) objects.marks.set(target.member, [...(objects.marks.get(target.member) ?? []), ...m.marks]);
        if (m.marks && uncertain) target.uncertain = true;
        bound.set(m.name, { name: m.name, member: target.member, uncertain: uncertain || target.uncertain || m.wrapped === true });
        continue;
      }
    }
    bound.set(m.name, { name: m.name, member: m, uncertain: uncertain || (existing?.uncertain === true && m.guard !== undefined) });
  }
  return [...bound.values()];
}

/** The function as bound to `name`, with the marks rebinding stored on it (appended, as store_mark does). */
function boundFunction(fn: ParsedFunction, name: string, scope: ModuleScope): ParsedFunction {
  const stored = scope.objects.marks.get(fn);
  if (!stored && name === fn.name) return fn;
  return { ...fn, name, marks: stored ? [...[...stored].reverse(), ...fn.marks] : fn.marks };
}

/** A base outside the module's classes that brings no tests: its name in the MRO (typing's `Generic[T]` is `Generic`). */
function opaqueBase(base: string): string[] | null {
  if (UNITTEST_BASE.test(base)) return base.endsWith('.TestCase') || base === 'TestCase' ? ['TestCase'] : [base, 'TestCase'];
  if (!NEUTRAL_BASES.test(base)) return null;
  const name = base.replace(/\[.*$/s, '').replace(/^(typing|abc)\./, '');
  return name === 'Protocol' ? ['Protocol', 'Generic'] : [name];
}

/** Python's C3 merge; null when no consistent order exists (the class statement raises TypeError). */
function c3Merge<T>(sequences: T[][]): T[] | null {
  const lists = sequences.map((l) => [...l]).filter((l) => l.length > 0);
  const result: T[] = [];
  while (lists.length > 0) {
    const head = lists.map((l) => l[0]).find((candidate) => !lists.some((l) => l.indexOf(candidate) > 0));
    if (head === undefined) return null;
    result.push(head);
    for (let i = lists.length - 1; i >= 0; i--) {
      if (lists[i][0] === head) lists[i].shift();
      if (lists[i].length === 0) lists.splice(i, 1);
    }
  }
  return result;
}

/** Thrown when a class's bases admit no MRO: importing the module fails, as pytest collects it. */
class InconsistentMro extends Error {}

type MroEntry = ParsedClass | string;

function linearize(cls: ParsedClass, scope: ModuleScope, visiting: Set<ParsedClass>): MroEntry[] | null {
  if (visiting.has(cls)) return null;
  visiting.add(cls);
  try {
    const bases: MroEntry[][] = [];
    const heads: MroEntry[] = [];
    for (const [i, base] of cls.bases.entries()) {
      // `object` before another base: Python finds no consistent order
      if (base === 'object') {
        if (i < cls.bases.length - 1) return null;
        continue;
      }
      const local = scope.classesByName.get(base);
      const chain = local && local !== cls ? linearize(local, scope, visiting) : opaqueBase(base);
      if (chain === null) return null;
      bases.push(chain);
      heads.push(chain[0]);
    }
    const merged = c3Merge([...bases, heads]);
    if (merged === null) throw new InconsistentMro();
    return [cls, ...merged];
  } finally {
    visiting.delete(cls);
  }
}

/**
 * The class and the classes of its bases that are resolved within the module (or imported from
 * another test module), in Python's method resolution order (C3); null if some base is unknown.
 */
function mro(cls: ParsedClass, scope: ModuleScope): ParsedClass[] | null {
  const order = linearize(cls, scope, new Set());
  return order === null ? null : order.filter((c): c is ParsedClass => typeof c !== 'string');
}

function isUnittestClass(cls: ParsedClass, scope: ModuleScope, depth = 0): boolean {
  if (depth > 20) return false;
  return cls.bases.some((base) => {
    const local = scope.classesByName.get(base);
    if (local && local !== cls) return isUnittestClass(local, scope, depth + 1);
    return UNITTEST_BASE.test(base);
  });
}

/**
 * What a base class defined outside the module can bring: `plain` when it is certainly no TestCase
 * and sets no `__test__` (builtins, the standard library, other packages' classes whose names say
 * nothing of tests), `unknown` otherwise.
 */
function externalBase(base: string, scope: ModuleScope): 'plain' | 'unknown' {
  if (NEUTRAL_BASES.test(base)) return 'plain';
  const generic = base.indexOf('[');
  const name = generic >= 0 ? base.slice(0, generic) : base;
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  const imported = scope.mod.imports?.[head];
  if (imported === undefined) return dot < 0 && BUILTIN_CLASSES.has(name) ? 'plain' : 'unknown';
  const colon = imported.indexOf(':');
  const rest = dot < 0 ? '' : name.slice(dot + 1);
  const dotted = colon >= 0 ? `${imported.slice(0, colon)}.${imported.slice(colon + 1)}${rest ? `.${rest}` : ''}` : `${imported}${rest ? `.${rest}` : ''}`;
  const module = dotted.slice(0, dotted.lastIndexOf('.'));
  const className = dotted.slice(dotted.lastIndexOf('.') + 1);
  if (module === '' || TESTISH.test(className) || /(^|\.)tests?(\.|$)|^unittest|^doctest/.test(module)) return 'unknown';
  if (module.startsWith('.') || !STDLIB_MODULES.has(module.split('.')[0])) {
    // The project's own module (or a package's): its text must not speak of TestCase or __test__.
    const source = scope.env?.moduleSource?.(module, scope.file);
    if (source === undefined) return 'unknown';
    if (source !== null && /TestCase|unittest|__test__/.test(source)) return 'unknown';
  }
  return 'plain';
}

function classTestAttr(chain: ParsedClass[]): boolean | null {
  for (const c of chain) if (c.testAttr !== null) return c.testAttr;
  return null;
}

/** Marks of a class as pytest sees them with consider_mro: bases first, then its own. */
function classMarks(chain: ParsedClass[]): Mark[] {
  const marks: Mark[] = [];
  for (const c of [...chain].reverse()) marks.push(...c.bodyMarks, ...[...c.decoratorMarks].reverse());
  return marks;
}

function isAbstract(chain: ParsedClass[]): boolean {
  const defined = new Map<string, ParsedFunction>();
  for (const c of [...chain].reverse()) {
    for (const m of c.members) if (m.kind === 'function') defined.set(m.name, m);
  }
  return [...defined.values()].some((f) => f.abstract);
}

function methodTable(chain: ParsedClass[], scope: ModuleScope): Binding[] {
  // PyCollector.collect: own dict first, then the MRO; reversed so that inherited come first.
  const seen = new Set<string>();
  const perClass: Binding[][] = [];
  for (const c of chain) {
    const values: Binding[] = [];
    for (const b of namespace(c.members, scope)) {
      if (seen.has(b.name)) continue;
      seen.add(b.name);
      values.push(b);
    }
    perClass.push(values);
  }
  return perClass.reverse().flat();
}

interface Builder {
  items: TestItem[];
  errors: CollectionError[];
}

/** Own marks (innermost decorator first), then inherited, then the module's; shared when nothing is added. */
function combineMarks(own: Mark[], inherited: Mark[], module: Mark[]): Mark[] {
  if (own.length === 0 && inherited.length === 0) return module;
  const marks: Mark[] = [];
  for (let i = own.length - 1; i >= 0; i--) marks.push(own[i]);
  for (const m of inherited) marks.push(m);
  for (const m of module) marks.push(m);
  return marks;
}

function usesFixtureIn(fn: ParsedFunction, marks: Mark[], fixtures: Set<string>): boolean {
  if (fixtures.size === 0) return false;
  return (
    fn.argnames.some((a) => fixtures.has(a)) || marks.some((m) => m.name === 'usefixtures' && m.args.some((a) => typeof a === 'string' && fixtures.has(a)))
  );
}

/** The mark hypothesis' pytest plugin adds to its tests (pytest_collection_modifyitems). */
const HYPOTHESIS_MARK: Mark = { name: 'hypothesis', args: [], kwargs: {} };
/** What `@given` sets on the test function (hypothesis 6.168), which `-k` matches too. */
const HYPOTHESIS_ATTRIBUTES = [
  '__wrapped_target',
  '_hypothesis_internal_use_reproduce_failure',
  '_hypothesis_internal_use_seed',
  '_hypothesis_internal_use_settings',
  'hypothesis',
  'is_hypothesis_test',
];

const ANYIO_USEFIXTURES: Mark = { name: 'usefixtures', args: ['anyio_backend'], kwargs: {} };
/** What pytest-asyncio's auto mode adds to a coroutine test (`item.add_marker("asyncio")`). */
const ASYNCIO_MARK: Mark = { name: 'asyncio', args: [], kwargs: {} };

/** Whether anyio's plugin takes a coroutine test with these marks (its own mark, or its auto mode). */
function takenByAnyio(marks: Mark[], rules: CollectRules): boolean {
  return rules.anyioPlugin !== false && (rules.anyioAutoMode === true || marks.some((m) => m.name === 'anyio'));
}

// Runs once per test of the suite, so it builds each item in one literal instead of spreading a base.
function functionItems(
  fn: ParsedFunction,
  classes: string[],
  inheritedMarks: Mark[],
  scope: ModuleScope,
  generateTests: boolean,
  out: Builder,
  unittest = false,
): void {
  const baseId = classes.length === 0 ? `${scope.file}::${fn.name}` : `${scope.file}::${classes.join('::')}::${fn.name}`;
  let marks = combineMarks(
    fn.hypothesis && scope.rules.hypothesisPlugin !== false ? [HYPOTHESIS_MARK, ...fn.marks] : fn.marks,
    inheritedMarks,
    scope.mod.pytestmark,
  );
  // anyio's pytest_pycollect_makeitem adds usefixtures("anyio_backend") to a coroutine test it
  // takes: the backends of the project's own anyio_backend parametrize it, or those of the
  // plugin's (the backends installed, known at run time only)
  const coroutine = fn.isAsync === true && !unittest;
  const anyioTakes = coroutine && takenByAnyio(marks, scope.rules);
  if (anyioTakes) marks = [ANYIO_USEFIXTURES, ...marks];
  if (coroutine && scope.rules.asyncioAutoMode && !marks.some((m) => m.name === 'asyncio')) marks = [ASYNCIO_MARK, ...marks];
  const backendsUnknown = anyioTakes && !scope.fixtureLevels.some((level) => level.defs.has('anyio_backend'));
  const usesBenchmark = !unittest && usesFixtureIn(fn, marks, scope.benchmarkFixtures);
  const push = (id: string, dynamic: boolean, itemMarks: Mark[], param?: string): void => {
    const item: TestItem = { id, file: scope.file, line: fn.line, classes, function: fn.name, marks: itemMarks, dynamic };
    if (param !== undefined) item.param = param;
    if (fn.marks.length > 0) item.functionAttrs = ['pytestmark'];
    if (fn.hypothesis) item.functionAttrs = [...(item.functionAttrs ?? []), ...HYPOTHESIS_ATTRIBUTES];
    else if (fn.otherDecorators) item.functionAttrsUnknown = true;
    if (unittest) item.unittest = true;
    if (usesBenchmark) item.usesBenchmark = true;
    out.items.push(item);
  };
  if (unittest) return push(baseId, false, marks);
  if (fn.marksUnknown || generateTests || backendsUnknown) return push(baseId, true, marks);
  // The fixtures' params come first (FixtureManager.pytest_generate_tests runs before the marks').
  const origin = memberOrigin.get(fn);
  let calls: { mark: Mark; scope: string; origin?: ValueScope }[];
  const keyed = scope.fixtureLevels.some((l) => l.hasParams) || marks.some((m) => m.name === 'parametrize' && ('indirect' in m.kwargs || 'scope' in m.kwargs));
  const usesParametrized = usesFixtureIn(fn, marks, scope.parametrizedFixtures);
  const byFixtures =
    (keyed || usesParametrized) && !fn.otherDecorators ? fixtureParametrization(scope.fixtureLevels, requestedArgs(fn, classes.length > 0), marks) : null;
  if (byFixtures) {
    let own = 0;
    calls = [
      ...byFixtures.fixtureCalls,
      ...marks.filter((m) => m.name === 'parametrize').map((mark) => ({ mark, scope: byFixtures.markScopes[own++], origin })),
    ];
  } else if (usesParametrized) {
    return push(baseId, true, marks);
  } else {
    calls = marks.filter((m) => m.name === 'parametrize').map((mark) => ({ mark, scope: 'function', origin }));
  }
  if (calls.length === 0) return push(baseId, false, marks);
  const parametrize = calls.map((c) => c.mark);
  let expansion = expandParametrize(parametrize, scope.rules.idOptions, scope.mod.pytestAliases);
  if ('dynamic' in expansion && scope.env?.locate) {
    // names and calls the parser could not read: followed through the imports (slower, so only here)
    const own = { env: scope.env, imports: scope.mod.imports ?? {} };
    const resolved = calls.map(({ mark: m, origin: from }) => {
      const valueScope = from ?? own;
      return {
        ...m,
        args: m.args.map((a) => resolveValue(a, valueScope)),
        kwargs: Object.fromEntries(Object.entries(m.kwargs).map(([k, v]) => [k, resolveValue(v, valueScope)])),
      };
    });
    expansion = expandParametrize(resolved, scope.rules.idOptions, scope.mod.pytestAliases);
  }
  if ('dynamic' in expansion) return push(baseId, true, marks);
  const highScoped = calls.some((c) => c.scope !== 'function');
  for (const c of expansion.cases) {
    push(`${baseId}[${c.id}]`, false, c.marks.length === 0 ? marks : [...c.marks, ...marks], c.id);
    if (highScoped) {
      const item = out.items[out.items.length - 1];
      noteParamKeys(
        item,
        calls.flatMap((call, i) => (parametrizeArgnames(call.mark) ?? []).map((argname) => ({ argname, index: c.indices[i], scope: call.scope }))),
      );
    }
  }
}

function dynamicClassItem(cls: ParsedClass, classes: string[], scope: ModuleScope, out: Builder): void {
  out.items.push({
    id: [scope.file, ...classes].join('::'),
    file: scope.file,
    line: cls.line,
    classes,
    function: '',
    marks: [...classMarks([cls]), ...scope.mod.pytestmark],
    dynamic: true,
  });
}

function unittestItems(cls: ParsedClass, classes: string[], scope: ModuleScope, out: Builder): void {
  const chain = mro(cls, scope);
  if (chain === null) {
    dynamicClassItem(cls, classes, scope, out);
    return;
  }
  if (classTestAttr(chain) === false || isAbstract(chain)) return;
  const methods = new Map<string, ParsedFunction>();
  for (const c of [...chain].reverse()) {
    for (const m of c.members) {
      if (m.kind === 'function') methods.set(m.name, m);
      else methods.delete(m.name);
    }
  }
  // unittest.TestLoader.getTestCaseNames: names starting with "test", sorted.
  const names = [...methods.keys()].filter((n) => n.startsWith('test')).sort();
  const marks = classMarks(chain);
  for (const name of names) functionItems(methods.get(name)!, classes, marks, scope, false, out, true);
  if (names.length === 0 && methods.has('runTest')) functionItems(methods.get('runTest')!, classes, marks, scope, false, out, true);
}

/** A class that can't be a test class: not named as one, no TestCase and no `__test__` in its bases. */
function neverTestClass(cls: ParsedClass, scope: ModuleScope, depth = 0): boolean {
  if (depth > 20 || cls.testAttr === true) return false;
  if (depth === 0 && matchesPrefixOrGlob(scope.rules.pythonClasses, cls.name)) return false;
  return cls.bases.every((base) => {
    const local = scope.classesByName.get(base);
    if (local && local !== cls) return neverTestClass(local, scope, depth + 1);
    if (UNITTEST_BASE.test(base)) return false;
    return externalBase(base, scope) === 'plain';
  });
}

function classItems(cls: ParsedClass, outer: string[], outerMarks: Mark[], scope: ModuleScope, out: Builder): void {
  const classes = [...outer, cls.name];
  if (neverTestClass(cls, scope)) return;
  if (isUnittestClass(cls, scope)) {
    unittestItems(cls, classes, scope, out);
    return;
  }
  const chain = outer.length === 0 ? mro(cls, scope) : cls.bases.every((b) => NEUTRAL_BASES.test(b)) ? [cls] : null;
  // Every builtin class but object has its own __init__ or __new__: pytest warns and collects nothing.
  if (chain === null && cls.bases.some((b) => BUILTIN_CLASSES.has(b) && b !== 'object' && !scope.mod.imports?.[b] && !scope.classesByName.has(b))) return;
  if (chain === null) {
    dynamicClassItem(cls, classes, scope, out);
    return;
  }
  const testAttr = classTestAttr(chain);
  if (!(matchesPrefixOrGlob(scope.rules.pythonClasses, cls.name) || testAttr === true)) return;
  if (isAbstract(chain) || testAttr === false) return;
  if (chain.some((c) => c.hasInit || c.hasNew)) return; // pytest warns and collects nothing
  const marks = [...classMarks(chain), ...outerMarks];
  const generateTests = scope.generateTests || chain.some((c) => c.hasGenerateTests);
  const table = methodTable(chain, scope);
  const outerLevels = scope.fixtureLevels;
  scope.fixtureLevels = [...outerLevels, fixtureLevelOf(table, true)];
  try {
    for (const binding of table) memberItems(binding, classes, marks, scope, generateTests, out);
  } finally {
    scope.fixtureLevels = outerLevels;
  }
}

/** The fixtures a module's or class's namespace defines; any other name it binds may be one too. */
function fixtureLevelOf(bindings: Binding[], inClass: boolean): FixtureLevel {
  const level = emptyLevel();
  for (const { name, member, uncertain } of bindings) {
    if (member.kind === 'function') {
      const def = fixtureDefOf(member, name, inClass, uncertain, memberOrigin.get(member));
      if (def) {
        addDef(level, def);
        if (def.params !== undefined) level.hasParams = true;
      }
    } else if (member.kind === 'assign' && !member.deleted && !member.testDisabled && !SPECIAL_NAMES.has(name)) {
      addDef(level, opaqueDef(name));
    }
  }
  return level;
}

/** Module attributes pytest reads for itself, which are never fixtures. */
const SPECIAL_NAMES = new Set(['pytestmark', 'collect_ignore', 'collect_ignore_glob', '__test__', '__all__']);

/** The items of one name of a module's or class's namespace. */
function memberItems(binding: Binding, classes: string[], marks: Mark[], scope: ModuleScope, generateTests: boolean, out: Builder): void {
  const { member, name } = binding;
  if (scope.objects.disabled.has(member)) return;
  if (member.kind === 'assign' && member.importedFrom !== undefined) {
    const imported = classes.length === 0 && !binding.uncertain ? scope.importedClasses.get(name) : undefined;
    if (imported) {
      // A class imported from another test module is collected here again, as pytest does.
      classItems(imported, classes, marks, scope, out);
      return;
    }
    // A test class or function imported from the project is collected here too; what it holds is
    // known when the module runs.
    const isClass = matchesPrefixOrGlob(scope.rules.pythonClasses, name);
    if (
      (isClass || matchesPrefixOrGlob(scope.rules.pythonFunctions, name)) &&
      classes.length === 0 &&
      scope.env?.isProjectModule?.(member.importedFrom) === true
    ) {
      out.items.push({
        id: `${scope.file}::${name}`,
        file: scope.file,
        line: 1,
        classes: isClass ? [name] : [],
        function: isClass ? '' : name,
        marks: scope.mod.pytestmark,
        dynamic: true,
      });
    }
    return;
  }
  if (member.kind === 'function') {
    const fn = boundFunction(member, name, scope);
    if (binding.uncertain) {
      if (!matchesPrefixOrGlob(scope.rules.pythonFunctions, name) || fn.fixture) return;
      const ids = [...classes, name];
      out.items.push({
        id: [scope.file, ...ids].join('::'),
        file: scope.file,
        line: fn.line,
        classes,
        function: name,
        marks: combineMarks(fn.marks, marks, scope.mod.pytestmark),
        dynamic: true,
      });
      return;
    }
    testFunctionItems(fn, classes, marks, scope, generateTests, out);
  } else if (member.kind === 'class') {
    const cls = name === member.name ? member : { ...member, name };
    if (binding.uncertain) {
      if (!neverTestClass(cls, scope)) dynamicClassItem(cls, [...classes, name], scope, out);
      return;
    }
    classItems(cls, classes, marks, scope, out);
  }
}

/** A module or class member that is a function: its items when python_functions names it a test. */
function testFunctionItems(fn: ParsedFunction, classes: string[], marks: Mark[], scope: ModuleScope, generateTests: boolean, out: Builder): void {
  if (!matchesPrefixOrGlob(scope.rules.pythonFunctions, fn.name) || fn.fixture) return;
  if (fn.isGenerator) collectionFails(scope, out, `'yield' keyword is allowed in fixtures, but not in tests (${fn.name})`);
  functionItems(fn, classes, marks, scope, generateTests, out);
}

/** Records the module's collection error and abandons the whole module (caught in itemsOfModule). */
function collectionFails(scope: ModuleScope, out: Builder, message: string): never {
  out.errors.push({ file: scope.file, message });
  throw new CollectionFailed();
}

class CollectionFailed extends Error {}

/** Functions of classes imported from another module: the names in their values are that module's. */
const memberOrigin = new WeakMap<ParsedMember, ValueScope>();

/** A class of another module, and the classes its bases name there (by name, with their own bases'). */
export interface ForeignClass {
  cls: ParsedClass;
  classes: Map<string, ParsedClass>;
}

/** `from mod import name` of a test class: the class, when it is certain. */
export type ForeignClassLookup = (mod: string, name: string) => ForeignClass | undefined;

/**
 * The class `name` of a parsed module, bound once and unconditionally, with the classes its bases
 * name (defined there, or imported there from another test module, through `importedFrom`).
 */
export function foreignClassOf(
  mod: ParsedModule,
  name: string,
  origin: ValueScope,
  importedFrom: (mod: string, name: string) => ForeignClass | undefined,
  depth = 0,
): ForeignClass | undefined {
  if (depth > 8) return undefined;
  const bound = mod.members.filter((m) => m.name === name);
  if (bound.length !== 1 || bound[0].guard !== undefined) return undefined;
  const member = bound[0];
  if (member.kind === 'assign') return member.importedFrom !== undefined ? importedFrom(member.importedFrom, name) : undefined;
  if (member.kind !== 'class') return undefined;
  const classes = new Map<string, ParsedClass>();
  for (const base of member.bases) {
    if (NEUTRAL_BASES.test(base) || BUILTIN_CLASSES.has(base) || UNITTEST_BASE.test(base)) continue;
    const found = foreignClassOf(mod, base, origin, importedFrom, depth + 1);
    if (!found) return undefined;
    for (const [n, c] of found.classes) {
      if ((classes.get(n) ?? c) !== c) return undefined;
      classes.set(n, c);
    }
    if ((classes.get(base) ?? found.cls) !== found.cls) return undefined;
    classes.set(base, found.cls);
  }
  noteOrigin(member, origin);
  return { cls: member, classes };
}

function noteOrigin(cls: ParsedClass, origin: ValueScope): void {
  for (const m of cls.members) {
    if (memberOrigin.has(m)) continue;
    memberOrigin.set(m, origin);
    if (m.kind === 'class') noteOrigin(m, origin);
  }
}

/** The items pytest would collect from one parsed module, in pytest's order. */
export function itemsOfModule(
  file: string,
  mod: ParsedModule,
  rules: CollectRules,
  conftest: ConftestInfo,
  env?: GuardEnv,
  foreign?: ForeignClassLookup,
): { items: TestItem[]; errors: CollectionError[] } {
  const out: Builder = { items: [], errors: [] };
  if (mod.testAttr === false) return out;
  // A conftest hook builds the module's collector: it runs whole, as pytest collects it.
  if (conftest.makesModules) return { items: [wholeFileItem(file, mod.pytestmark)], errors: [] };
  // Importing the module skips it (or may): none of its tests is listed, and it runs whole, as a
  // dynamic item, so that the run reports its skip as pytest does ("1 skipped").
  if (mod.collectIf && (env ? evaluateGuard(mod.collectIf, env) : null) !== true) {
    return { items: [wholeFileItem(file, mod.pytestmark)], errors: [] };
  }
  // Importing it fails (an unconditional import of what the interpreter certainly lacks), or may
  // (a generator passed to parametrize warns on pytest 9.1, an error where warnings are): pytest
  // reports the module's collection error; it runs whole, and the run reports what pytest does.
  // Only a module that is found but lacks the name: one not found may be on a path pytest or a
  // conftest adds (`pythonpath`, `sys.path.insert`).
  const importFails =
    env !== undefined &&
    mod.requiredImports?.some((g) => g.k === 'imp' && g.name !== undefined && env.importable(g.mod) === true && env.importable(g.mod, g.name) === false) ===
      true;
  if (importFails || (mod.generatorParametrize && rules.warningsAreErrors)) {
    return { items: [wholeFileItem(file, mod.pytestmark)], errors: [] };
  }
  const classesByName = new Map<string, ParsedClass>();
  const parametrizedFixtures = new Set(conftest.parametrizedFixtures);
  const fixtureArgs = new Map(conftest.fixtureArgs);
  const collectFixtures = (members: ParsedMember[]) => {
    for (const m of members) {
      if (m.kind === 'class') {
        collectFixtures(m.members);
      } else if (m.kind === 'function' && m.fixture) {
        if (m.fixture.parametrized) parametrizedFixtures.add(m.fixture.name);
        if (m.argnames.length > 0) fixtureArgs.set(m.fixture.name, [...(fixtureArgs.get(m.fixture.name) ?? []), ...m.argnames]);
      }
    }
  };
  for (const m of mod.members) if (m.kind === 'class') classesByName.set(m.name, m);
  const importedClasses = new Map<string, ParsedClass>();
  if (foreign) {
    for (const m of mod.members) {
      if (m.kind !== 'assign' || m.importedFrom === undefined || m.guard !== undefined) continue;
      const found = foreign(m.importedFrom, m.name);
      // its bases are looked up by name: a clash with another class leaves it dynamic
      if (!found || [...found.classes].some(([n, c]) => (classesByName.get(n) ?? c) !== c)) continue;
      for (const [n, c] of found.classes) classesByName.set(n, c);
      const cls = found.cls.name === m.name ? found.cls : { ...found.cls, name: m.name };
      classesByName.set(m.name, cls);
      importedClasses.set(m.name, cls);
    }
  }
  collectFixtures(mod.members);
  addRequestingFixtures(parametrizedFixtures, fixtureArgs);
  const benchmarkFixtures = new Set([BENCHMARK_FIXTURE]);
  addRequestingFixtures(benchmarkFixtures, fixtureArgs);
  const scope: ModuleScope = {
    file,
    mod,
    classesByName,
    rules,
    parametrizedFixtures,
    benchmarkFixtures,
    generateTests: mod.hasGenerateTests || conftest.hasGenerateTests,
    env,
    fixtureLevels: conftest.fixtureLevels,
    importedClasses,
    objects: { marks: new Map(), disabled: new Set() },
  };
  let bindings: Binding[];
  try {
    bindings = namespace(mod.members, scope);
    scope.fixtureLevels = [...conftest.fixtureLevels, fixtureLevelOf(bindings, false)];
    if (mod.dynamicReasons.length > 0) scope.fixtureLevels[scope.fixtureLevels.length - 1].unknownNames = true;
    for (const binding of bindings) memberItems(binding, [], [], scope, scope.generateTests, out);
  } catch (e) {
    // a test class whose bases admit no MRO: the module's import raises, it runs whole
    if (e instanceof InconsistentMro) return { items: [wholeFileItem(file, mod.pytestmark)], errors: [] };
    if (!(e instanceof CollectionFailed)) throw e;
    return { items: [], errors: out.errors };
  }
  if (out.items.length === 0 && mayDefineTestsAtRunTime(mod, bindings, rules)) {
    // Nothing visible to the parser, but the module may still make tests when imported: it
    // runs whole, and whatever pytest would collect from it is reported.
    out.items.push(wholeFileItem(file, mod.pytestmark));
  }
  return out;
}

function mayDefineTestsAtRunTime(mod: ParsedModule, bindings: Binding[], rules: CollectRules): boolean {
  if (mod.dynamicReasons.length > 0) return true; // `from x import *`
  return bindings.some(
    ({ member, name }) =>
      member.kind === 'assign' &&
      member.importedFrom === undefined &&
      (matchesPrefixOrGlob(rules.pythonFunctions, name) || matchesPrefixOrGlob(rules.pythonClasses, name)),
  );
}

/**
 * A fixture that requests a parametrized fixture (directly or through others) parametrizes the
 * tests that use it too. Fixtures of the same name anywhere in scope count together: more items
 * dynamic, never fewer.
 */
/** pytest-benchmark's fixture. */
const BENCHMARK_FIXTURE = 'benchmark';

function addRequestingFixtures(parametrized: Set<string>, fixtureArgs: Map<string, string[]>): void {
  if (parametrized.size === 0) return;
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, args] of fixtureArgs) {
      if (!parametrized.has(name) && args.some((a) => a !== name && parametrized.has(a))) {
        parametrized.add(name);
        grew = true;
      }
    }
  }
}

/** Fixture facts of a conftest.py that matter to the modules below it. */
export function conftestFacts(mod: ParsedModule, dir: string, origin?: ValueScope): ConftestInfo {
  const parametrizedFixtures = new Set<string>();
  const fixtureArgs = new Map<string, string[]>();
  for (const m of mod.members) {
    if (m.kind === 'function' && m.fixture?.parametrized) parametrizedFixtures.add(m.fixture.name);
    if (m.kind === 'function' && m.fixture && m.argnames.length > 0) fixtureArgs.set(m.fixture.name, m.argnames);
  }
  // A hook is a module-level function, or a name imported from a plugin module.
  const defines = (hooks: Set<string>) => mod.members.some((m) => (m.kind === 'function' || m.kind === 'assign') && hooks.has(m.name));
  const level = emptyLevel();
  for (const m of mod.members) {
    if (m.kind === 'function' && m.fixture) {
      const def = fixtureDefOf(m, m.name, false, m.guard !== undefined, origin);
      addDef(level, def!);
      if (def!.params !== undefined) level.hasParams = true;
    } else if (m.kind === 'assign' && !m.deleted && !m.testDisabled && !SPECIAL_NAMES.has(m.name)) {
      addDef(level, opaqueDef(m.name));
      if (m.name === 'pytest_plugins') level.unknownNames = true;
    }
  }
  if (mod.dynamicReasons.length > 0) level.unknownNames = true;
  const added = (glob: boolean, conditional: boolean) =>
    (mod.collectIgnoreAdded ?? []).filter((a) => a.glob === glob && (a.guard !== undefined) === conditional).flatMap((a) => a.paths);
  const guarded = (mod.collectIgnoreAdded ?? []).flatMap((a) =>
    a.guard ? a.paths.map((p) => ({ path: resolve(dir, p), glob: a.glob, guard: a.guard! })) : [],
  );
  return {
    fixtureLevels: [level],
    parametrizedFixtures,
    fixtureArgs,
    hasGenerateTests: mod.hasGenerateTests,
    collectsFiles: defines(FILE_COLLECTING_HOOKS),
    makesModules: defines(MODULE_MAKING_HOOKS),
    changesItems: defines(ITEM_CHANGING_HOOKS),
    collectIgnore: [...mod.collectIgnore, ...added(false, false)].map((p) => resolve(dir, p)),
    collectIgnoreGlob: [...mod.collectIgnoreGlob, ...added(true, false)].map((p) => resolve(dir, p)),
    ...(guarded.length > 0 ? { collectIgnoreGuarded: guarded } : {}),
  };
}
