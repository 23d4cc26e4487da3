// The fixtures a test requests, as pytest's FixtureManager computes them (getfixtureinfo,
// traverse_fixture_closure, pytest_generate_tests in _pytest/fixtures.py), to parametrize the test
// by the `params=` of the fixtures in its closure; and reorder_items, which groups the items of
// higher-scoped fixture params. Anything not known for certain (a fixture bound under an open
// guard, imported from elsewhere, a scope or argnames that are not literal) makes the test dynamic.
import type { Mark, PyValue, TestItem } from '../types.js';
import { argnamesOf } from './paramids.js';
import type { ParsedFunction } from './parse.js';
import type { ValueScope } from './values.js';

const SCOPES = ['function', 'class', 'module', 'package', 'session'];

/** One fixture definition visible at some level (a conftest.py, the module, a class). */
export interface FixtureDef {
  name: string;
  /** The attribute it is bound to: autouse fixtures of a level come in `dir()` order of these. */
  attr: string;
  /** The fixtures it requests (its mandatory arguments, without a bound `self`). */
  argnames: string[];
  params?: PyValue;
  ids?: PyValue;
  /** A scope name, or `?` when not a literal. */
  scope: string;
  autouse: boolean;
  /** Bound under a guard that can't be decided, or imported: what it is can't be known. */
  opaque?: true;
  /** The names its `params=` may hold are those of another module (a class imported from there). */
  origin?: ValueScope;
}

/** The fixtures of one node of the chain, by name (the level's last definition of a name wins). */
export interface FixtureLevel {
  defs: Map<string, FixtureDef>;
  /** Some fixture here has `params=`. */
  hasParams?: boolean;
  /** Fixtures may come from where the parser can't see (`from x import *`, `pytest_plugins`). */
  unknownNames?: boolean;
}

export function emptyLevel(): FixtureLevel {
  return { defs: new Map() };
}

/** The fixture a parsed function defines, bound to `attr`. */
export function fixtureDefOf(fn: ParsedFunction, attr: string, inClass: boolean, opaque: boolean, origin?: ValueScope): FixtureDef | null {
  const facts = fn.fixture;
  if (!facts) return null;
  const def: FixtureDef = {
    name: facts.name,
    attr,
    argnames: requestedArgs(fn, inClass),
    scope: facts.scope ?? 'function',
    autouse: facts.autouse,
  };
  if (facts.params !== undefined) def.params = facts.params;
  if (facts.ids !== undefined) def.ids = facts.ids;
  if (opaque || fn.otherDecorators) def.opaque = true;
  if (origin) def.origin = origin;
  return def;
}

/** A name bound by an import or an open guard, which may be a fixture of any kind. */
export function opaqueDef(attr: string): FixtureDef {
  return { name: attr, attr, argnames: [], scope: '?', autouse: false, opaque: true };
}

/** pytest's getfuncargnames: arguments without a default; a method's first is bound. */
export function requestedArgs(fn: ParsedFunction, inClass: boolean): string[] {
  let names = fn.argnames;
  if (inClass && !fn.isStatic) names = names.slice(1);
  if (fn.optionalArgs) names = names.filter((n) => !fn.optionalArgs!.includes(n));
  return names;
}

export function addDef(level: FixtureLevel, def: FixtureDef): void {
  level.defs.set(def.name, def);
}

/** A parametrize call the fixtures add, with the scope its params are keyed at. */
export interface FixtureParametrize {
  mark: Mark;
  scope: string;
  origin?: ValueScope;
}

export function parametrizeArgnames(mark: Mark): string[] | null {
  const value = mark.args[0] ?? mark.kwargs.argnames;
  return value === undefined ? null : argnamesOf(value);
}

/** The argnames a parametrize mark makes indirect: all, some, or none; null when not literal. */
function indirectOf(mark: Mark, argnames: string[]): Set<string> | null {
  const value = mark.kwargs.indirect;
  if (value === undefined || value === false) return new Set();
  if (value === true) return new Set(argnames);
  if (value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple')) {
    const names = new Set<string>();
    for (const item of value.items) {
      if (typeof item !== 'string') return null;
      names.add(item);
    }
    return names;
  }
  return null;
}

/**
 * How the fixtures parametrize one test: the parametrize calls pytest makes for the params of the
 * fixtures in its closure (before the test's own parametrize marks), and the scope of each of the
 * test's own marks' params. `levels`: the chain from the rootdir's conftest.py to the innermost
 * class; `argnames`: the test's requested arguments; `marks`: its marks in iter_markers order.
 * null when something can't be known statically.
 */
export function fixtureParametrization(
  levels: FixtureLevel[],
  argnames: string[],
  marks: Mark[],
): { fixtureCalls: FixtureParametrize[]; markScopes: string[] } | null {
  if (levels.some((l) => l.unknownNames)) return null;
  const parametrizeMarks = marks.filter((m) => m.name === 'parametrize');
  const direct = new Set<string>();
  const parametrized = new Set<string>();
  const markInfo: { argnames: string[]; indirect: Set<string> }[] = [];
  for (const mark of parametrizeMarks) {
    const names = parametrizeArgnames(mark);
    if (names === null) return null;
    const indirect = indirectOf(mark, names);
    if (indirect === null) return null;
    for (const n of names) {
      parametrized.add(n);
      if (!indirect.has(n)) direct.add(n);
    }
    markInfo.push({ argnames: names, indirect });
  }
  const usefixtures: string[] = [];
  for (const mark of marks) {
    if (mark.name !== 'usefixtures') continue;
    if (Object.keys(mark.kwargs).length > 0 || mark.dynamicArgs) return null;
    for (const arg of mark.args) {
      if (typeof arg !== 'string') return null;
      usefixtures.push(arg);
    }
  }
  const autouse: string[] = [];
  for (const level of levels) {
    const own = [...level.defs.values()].filter((d) => d.autouse).sort((a, b) => (a.attr < b.attr ? -1 : a.attr > b.attr ? 1 : 0));
    autouse.push(...own.map((d) => d.name));
  }
  const initial = [...new Set([...autouse, ...usefixtures, ...argnames])];

  const defsCache = new Map<string, FixtureDef[]>();
  const defsOf = (name: string): FixtureDef[] => {
    let defs = defsCache.get(name);
    if (!defs) {
      defs = levels.flatMap((l) => {
        const d = l.defs.get(name);
        return d ? [d] : [];
      });
      defsCache.set(name, defs);
    }
    return defs;
  };
  // traverse_fixture_closure: DFS, each name once, an override requesting its own name reaches the
  // definition it overrides
  const closure: string[] = [];
  const indices = new Map<string, number>();
  let unknown = false;
  const visit = (name: string): void => {
    let index = indices.get(name);
    if (index === -1) return;
    if (index === undefined) {
      closure.push(name);
      indices.set(name, -1);
    }
    if (direct.has(name)) return;
    const defs = defsOf(name);
    if (defs.length === 0) return;
    index = indices.get(name) ?? -1;
    if (-index > defs.length) return;
    const def = defs[defs.length + index];
    if (def.opaque) {
      unknown = true;
      return;
    }
    indices.set(name, index - 1);
    for (const dep of def.argnames) visit(dep);
    indices.set(name, index);
  };
  for (const name of initial) visit(name);
  if (unknown) return null;
  const scopeOf = (name: string): number => {
    const defs = defsOf(name);
    if (direct.has(name) || defs.length === 0) return 0;
    return SCOPES.indexOf(defs[defs.length - 1].scope);
  };
  if (closure.some((n) => scopeOf(n) < 0)) return null;
  // sorted by scope, highest first (a stable sort, as Python's)
  const sorted = closure.map((name, i) => ({ name, i, s: scopeOf(name) })).sort((a, b) => b.s - a.s || a.i - b.i);
  const fixtureCalls: FixtureParametrize[] = [];
  for (const { name } of sorted) {
    if (parametrized.has(name)) continue;
    const defs = defsOf(name);
    for (let i = defs.length - 1; i >= 0; i--) {
      const def = defs[i];
      if (def.params !== undefined) {
        const kwargs: Record<string, PyValue> = {};
        if (def.ids !== undefined) kwargs.ids = def.ids;
        fixtureCalls.push({ mark: { name: 'parametrize', args: [name, def.params], kwargs }, scope: def.scope, ...(def.origin ? { origin: def.origin } : {}) });
        break;
      }
      if (!def.argnames.includes(name)) break;
    }
  }
  const markScopes: string[] = [];
  for (const [i, mark] of parametrizeMarks.entries()) {
    const scope = mark.kwargs.scope;
    const { argnames: names, indirect } = markInfo[i];
    if (scope !== undefined) {
      if (typeof scope !== 'string' || !SCOPES.includes(scope)) return null;
      markScopes.push(scope);
    } else if (names.length > 0 && indirect.size === names.length) {
      // _find_parametrized_scope: the narrowest scope of the fixtures used
      const used = names.flatMap((n) => {
        const defs = defsOf(n);
        return defs.length > 0 ? [SCOPES.indexOf(defs[defs.length - 1].scope)] : [];
      });
      if (used.some((s) => s < 0)) return null;
      markScopes.push(SCOPES[used.length > 0 ? Math.min(...used) : 0]);
    } else {
      markScopes.push('function');
    }
  }
  return { fixtureCalls, markScopes };
}

/** One higher-scoped param of an item (pytest's ParamArgKey), by scope. */
export type ParamKeys = Map<string, string[]>;

const paramKeysOf = new WeakMap<TestItem, ParamKeys>();

/** Records the keys of an item's higher-scoped params: `params` lists argname, index and scope of each. */
export function noteParamKeys(item: TestItem, params: { argname: string; index: number; scope: string }[]): void {
  let keys: ParamKeys | undefined;
  for (const { argname, index, scope } of params) {
    if (scope === 'function') continue;
    const node =
      scope === 'session'
        ? ''
        : scope === 'package'
          ? item.file.slice(0, item.file.lastIndexOf('/') + 1)
          : scope === 'module'
            ? item.file
            : `${item.file}::${item.classes.join('::')}`;
    keys ??= new Map();
    const list = keys.get(scope) ?? [];
    list.push(`${argname}\0${index}\0${node}`);
    keys.set(scope, list);
  }
  if (keys) paramKeysOf.set(item, keys);
}

const HIGH_SCOPES = ['session', 'package', 'module', 'class'];

/**
 * pytest's reorder_items (fixtures.py): items sharing a higher-scoped param are grouped so the
 * fixture is set up once per param. Items without such params keep their order.
 */
export function reorderItems(items: TestItem[]): TestItem[] {
  if (!items.some((i) => paramKeysOf.has(i))) return items;
  const argkeysByItem = new Map<string, Map<TestItem, string[]>>();
  const itemsByArgkey = new Map<string, Map<string, TestItem[]>>();
  for (const scope of HIGH_SCOPES) {
    const byItem = new Map<TestItem, string[]>();
    const byKey = new Map<string, TestItem[]>();
    for (const item of items) {
      const keys = [...new Set(paramKeysOf.get(item)?.get(scope) ?? [])];
      if (keys.length === 0) continue;
      byItem.set(item, keys);
      for (const key of keys) {
        const list = byKey.get(key) ?? [];
        if (!list.includes(item)) list.push(item);
        byKey.set(key, list);
      }
    }
    argkeysByItem.set(scope, byItem);
    itemsByArgkey.set(scope, byKey);
  }
  const atScope = (scoped: TestItem[], scopeIndex: number): TestItem[] => {
    if (scopeIndex >= HIGH_SCOPES.length || scoped.length < 3) return scoped;
    const scope = HIGH_SCOPES[scopeIndex];
    const byItem = argkeysByItem.get(scope)!;
    const byKey = itemsByArgkey.get(scope)!;
    const inSet = new Set(scoped);
    const ignore = new Set<string>();
    const deque = [...scoped];
    const done = new Set<TestItem>();
    while (deque.length > 0) {
      const noKey = new Set<TestItem>();
      let slicing: string | null = null;
      while (deque.length > 0) {
        const item = deque.shift()!;
        if (done.has(item) || noKey.has(item)) continue;
        const keys = (byItem.get(item) ?? []).filter((k) => !ignore.has(k));
        if (keys.length === 0) {
          noKey.add(item);
          continue;
        }
        // dict.popitem(): the last key
        slicing = keys[keys.length - 1];
        const matching = byKey.get(slicing)!.filter((i) => inSet.has(i));
        for (let m = matching.length - 1; m >= 0; m--) {
          const i = matching[m];
          deque.unshift(i);
          // move_to_end(i, last=False) in every scope's lists
          for (const other of HIGH_SCOPES) {
            for (const key of argkeysByItem.get(other)!.get(i) ?? []) {
              const list = itemsByArgkey.get(other)!.get(key)!;
              const at = list.indexOf(i);
              if (at >= 0) list.splice(at, 1);
              list.unshift(i);
            }
          }
        }
        break;
      }
      if (noKey.size > 0) for (const i of atScope([...noKey], scopeIndex + 1)) done.add(i);
      if (slicing !== null) ignore.add(slicing);
    }
    return [...done];
  };
  return atScope(items, 0);
}
