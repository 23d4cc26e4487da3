// Applies pytest's collection rules (python_functions, python_classes, __test__, unittest,
// inheritance, parametrize) to a parsed module, giving its test items in pytest's order.
import { resolve } from 'node:path';
import type { CollectionError, Mark, TestItem } from '../types.js';
import { fnmatch } from './fnmatch.js';
import { expandParametrize, type IdOptions } from './paramids.js';
import type { ParsedClass, ParsedFunction, ParsedMember, ParsedModule } from './parse.js';

export interface CollectRules {
  pythonFunctions: string[];
  pythonClasses: string[];
  idOptions: IdOptions;
}

/** What the conftest.py files above a module contribute. */
export interface ConftestInfo {
  parametrizedFixtures: Set<string>;
  hasGenerateTests: boolean;
  /** Absolute paths and path patterns from `collect_ignore` / `collect_ignore_glob`. */
  collectIgnore: string[];
  collectIgnoreGlob: string[];
}

/** Bases that add no tests and change nothing pytest collects. */
const NEUTRAL_BASES = /^(object|(abc\.)?ABC|(typing\.)?(Generic|Protocol)(\[.*\])?)$/s;
const UNITTEST_BASE = /(^|\.)(TestCase|IsolatedAsyncioTestCase|TransactionTestCase|SimpleTestCase|LiveServerTestCase|StaticLiveServerTestCase|AsyncTestCase|AioHTTPTestCase)$/;

/** pytest's `_matches_prefix_or_glob_option`. */
export function matchesPrefixOrGlob(patterns: string[], name: string): boolean {
  for (const option of patterns) {
    if (name.startsWith(option)) return true;
    if (/[*?[]/.test(option) && fnmatch(name, option)) return true;
  }
  return false;
}

interface ModuleScope {
  file: string;
  mod: ParsedModule;
  classesByName: Map<string, ParsedClass>;
  rules: CollectRules;
  parametrizedFixtures: Set<string>;
  generateTests: boolean;
}

/** Python dict semantics: position of the first binding, value of the last. */
function namespace(members: ParsedMember[]): ParsedMember[] {
  const order: string[] = [];
  const last = new Map<string, ParsedMember>();
  for (const m of members) {
    if (!last.has(m.name)) order.push(m.name);
    last.set(m.name, m);
  }
  return order.map((name) => last.get(name)!);
}

/** The class's bases resolved within the module, in MRO order; null if some base is unknown. */
function mro(cls: ParsedClass, scope: ModuleScope, seen: Set<string> = new Set()): ParsedClass[] | null {
  const result: ParsedClass[] = [cls];
  seen.add(cls.name);
  for (const base of cls.bases) {
    if (NEUTRAL_BASES.test(base) || UNITTEST_BASE.test(base) && !scope.classesByName.has(base)) continue;
    const baseCls = scope.classesByName.get(base);
    if (!baseCls || seen.has(base) || baseCls === cls) return null;
    const chain = mro(baseCls, scope, seen);
    if (chain === null) return null;
    for (const c of chain) {
      const at = result.indexOf(c);
      if (at >= 0) result.splice(at, 1);
      result.push(c);
    }
  }
  return result;
}

function isUnittestClass(cls: ParsedClass, scope: ModuleScope, depth = 0): boolean {
  if (depth > 20) return false;
  return cls.bases.some((base) => {
    const local = scope.classesByName.get(base);
    if (local && local !== cls) return isUnittestClass(local, scope, depth + 1);
    return UNITTEST_BASE.test(base);
  });
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

function methodTable(chain: ParsedClass[]): ParsedMember[] {
  // PyCollector.collect: own dict first, then the MRO; reversed so that inherited come first.
  const seen = new Set<string>();
  const perClass: ParsedMember[][] = [];
  for (const c of chain) {
    const values: ParsedMember[] = [];
    for (const m of namespace(c.members)) {
      if (seen.has(m.name)) continue;
      seen.add(m.name);
      values.push(m);
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
  return fn.argnames.some((a) => fixtures.has(a)) ||
    marks.some((m) => m.name === 'usefixtures' && m.args.some((a) => typeof a === 'string' && fixtures.has(a)));
}

// Runs once per test of the suite, so it builds each item in one literal instead of spreading a base.
function functionItems(fn: ParsedFunction, classes: string[], inheritedMarks: Mark[], scope: ModuleScope, generateTests: boolean, out: Builder, unittest = false): void {
  const baseId = classes.length === 0 ? `${scope.file}::${fn.name}` : `${scope.file}::${classes.join('::')}::${fn.name}`;
  const marks = combineMarks(fn.marks, inheritedMarks, scope.mod.pytestmark);
  const push = (id: string, dynamic: boolean, itemMarks: Mark[], param?: string): void => {
    const item: TestItem = { id, file: scope.file, line: fn.line, classes, function: fn.name, marks: itemMarks, dynamic };
    if (param !== undefined) item.param = param;
    if (fn.marks.length > 0) item.functionAttrs = ['pytestmark'];
    if (unittest) item.unittest = true;
    out.items.push(item);
  };
  if (unittest) return push(baseId, false, marks);
  if (generateTests || usesFixtureIn(fn, marks, scope.parametrizedFixtures)) return push(baseId, true, marks);
  if (!marks.some((m) => m.name === 'parametrize')) return push(baseId, false, marks);
  const expansion = expandParametrize(marks.filter((m) => m.name === 'parametrize'), scope.rules.idOptions, scope.mod.pytestAliases);
  if ('dynamic' in expansion) return push(baseId, true, marks);
  for (const c of expansion.cases) push(`${baseId}[${c.id}]`, false, c.marks.length === 0 ? marks : [...c.marks, ...marks], c.id);
}

function dynamicClassItem(cls: ParsedClass, classes: string[], scope: ModuleScope, out: Builder): void {
  out.items.push({ id: [scope.file, ...classes].join('::'), file: scope.file, line: cls.line, classes, function: '', marks: [...classMarks([cls]), ...scope.mod.pytestmark], dynamic: true });
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

function classItems(cls: ParsedClass, outer: string[], outerMarks: Mark[], scope: ModuleScope, out: Builder): void {
  const classes = [...outer, cls.name];
  if (isUnittestClass(cls, scope)) {
    unittestItems(cls, classes, scope, out);
    return;
  }
  const chain = outer.length === 0 ? mro(cls, scope) : cls.bases.every((b) => NEUTRAL_BASES.test(b)) ? [cls] : null;
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
  for (const member of methodTable(chain)) {
    if (member.kind === 'function') {
      testFunctionItems(member, classes, marks, scope, generateTests, out);
    } else if (member.kind === 'class') {
      classItems(member, classes, marks, scope, out);
    }
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

/** The items pytest would collect from one parsed module, in pytest's order. */
export function itemsOfModule(file: string, mod: ParsedModule, rules: CollectRules, conftest: ConftestInfo): { items: TestItem[]; errors: CollectionError[] } {
  const out: Builder = { items: [], errors: [] };
  if (mod.testAttr === false) return out;
  const classesByName = new Map<string, ParsedClass>();
  const parametrizedFixtures = new Set(conftest.parametrizedFixtures);
  const collectFixtures = (members: ParsedMember[]) => {
    for (const m of members) {
      if (m.kind === 'class') {
        collectFixtures(m.members);
      } else if (m.kind === 'function' && m.fixture?.parametrized) {
        parametrizedFixtures.add(m.fixture.name);
      }
    }
  };
  for (const m of mod.members) if (m.kind === 'class') classesByName.set(m.name, m);
  collectFixtures(mod.members);
  const scope: ModuleScope = { file, mod, classesByName, rules, parametrizedFixtures, generateTests: mod.hasGenerateTests || conftest.hasGenerateTests };
  try {
    for (const member of namespace(mod.members)) {
      if (member.kind === 'function') {
        testFunctionItems(member, [], [], scope, scope.generateTests, out);
      } else if (member.kind === 'class') {
        classItems(member, [], [], scope, out);
      }
    }
  } catch (e) {
    if (!(e instanceof CollectionFailed)) throw e;
    return { items: [], errors: out.errors };
  }
  if (out.items.length === 0 && mayDefineTestsAtRunTime(mod, rules)) {
    // Nothing visible to the parser, but the module may still make tests when imported: it
    // runs whole, and whatever pytest would collect from it is reported.
    out.items.push({ id: file, file, line: 1, classes: [], function: '', marks: mod.pytestmark, dynamic: true });
  }
  return out;
}

function mayDefineTestsAtRunTime(mod: ParsedModule, rules: CollectRules): boolean {
  if (mod.dynamicReasons.length > 0) return true; // `from x import *`
  return mod.members.some((m) => m.kind === 'assign' && !m.testDisabled &&
    (matchesPrefixOrGlob(rules.pythonFunctions, m.name) || matchesPrefixOrGlob(rules.pythonClasses, m.name)));
}

/** Fixture facts of a conftest.py that matter to the modules below it. */
export function conftestFacts(mod: ParsedModule, dir: string): ConftestInfo {
  const parametrizedFixtures = new Set<string>();
  for (const m of mod.members) {
    if (m.kind === 'function' && m.fixture?.parametrized) parametrizedFixtures.add(m.fixture.name);
  }
  return {
    parametrizedFixtures,
    hasGenerateTests: mod.hasGenerateTests,
    collectIgnore: mod.collectIgnore.map((p) => resolve(dir, p)),
    collectIgnoreGlob: mod.collectIgnoreGlob.map((p) => resolve(dir, p)),
  };
}
