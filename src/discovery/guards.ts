// The conditions under which module code defines a test: `if sys.platform == ...`, version checks,
// `TYPE_CHECKING`, `try: import X / except ImportError`, and the names bound to such checks. Read
// from the tree when a module is parsed (kept in the cache, interpreter-independent) and evaluated
// when its items are made, against the interpreter that will import it. Evaluation is three-valued:
// what cannot be decided is UNKNOWN, and only the items it guards become dynamic.
import type { Node } from 'web-tree-sitter';

/** What the interpreter that runs the tests says about itself (probed once, see interpreter.ts). */
export interface InterpreterFacts {
  version_info: [number, number, number, string, number];
  platform: string;
  os_name: string;
  system: string;
  implementation: string;
  python_implementation: string;
  machine: string;
  maxsize: number;
  byteorder: string;
}

export type GuardExpr =
  | { k: 'lit'; v: string | number | boolean | null }
  | { k: 'tuple'; items: GuardExpr[] }
  /** A module object, or anything else that is truthy, not None and equal only to itself. */
  | { k: 'obj' }
  | { k: 'fact'; name: keyof InterpreterFacts }
  | { k: 'attr'; on: GuardExpr; name: string }
  | { k: 'index'; on: GuardExpr; i: number }
  | { k: 'slice'; on: GuardExpr; lo: number | null; hi: number | null }
  | { k: 'method'; on: GuardExpr; name: string; args: GuardExpr[] }
  | { k: 'cmp'; first: GuardExpr; ops: string[]; rest: GuardExpr[] }
  | { k: 'not'; e: GuardExpr }
  | { k: 'and'; es: GuardExpr[] }
  | { k: 'or'; es: GuardExpr[] }
  /** `import mod` (or `from mod import name`) succeeds; `mod` keeps a relative import's dots. */
  | { k: 'imp'; mod: string; name?: string }
  | { k: 'ite'; c: GuardExpr; t: GuardExpr; f: GuardExpr }
  | { k: 'unk' };

export const UNKNOWN_GUARD: GuardExpr = { k: 'unk' };
const FALSE: GuardExpr = { k: 'lit', v: false };
const TRUE: GuardExpr = { k: 'lit', v: true };

/** What a module's own names and imports mean to its guards, built as its statements are read. */
export interface GuardScope {
  /** Local name -> dotted module (`import sys`, `import os.path as osp`). */
  modules: Map<string, string>;
  /** Local name -> `module.name` (`from sys import platform`). */
  fromImports: Map<string, string>;
  /** Module-level names bound to something a guard can use (`PY2 = sys.version_info[0] == 2`). */
  names: Map<string, GuardExpr>;
}

export function emptyGuardScope(): GuardScope {
  return { modules: new Map(), fromImports: new Map(), names: new Map() };
}

export function andGuard(a: GuardExpr | null, b: GuardExpr | null): GuardExpr | null {
  if (a === null) return b;
  if (b === null) return a;
  return { k: 'and', es: [...(a.k === 'and' ? a.es : [a]), ...(b.k === 'and' ? b.es : [b])] };
}

export function notGuard(e: GuardExpr): GuardExpr {
  return e.k === 'not' ? e.e : { k: 'not', e };
}

/** The canonical meaning of a dotted name read in the module (`sys.platform`, `platform.system`). */
function canonical(dotted: string, scope: GuardScope): string | null {
  const dot = dotted.indexOf('.');
  const head = dot < 0 ? dotted : dotted.slice(0, dot);
  const tail = dot < 0 ? '' : dotted.slice(dot);
  const module = scope.modules.get(head);
  if (module !== undefined) return module + tail;
  const imported = scope.fromImports.get(head);
  if (imported !== undefined) return imported + tail;
  return null;
}

const FACT_ATTRS: Record<string, keyof InterpreterFacts> = {
  'sys.platform': 'platform',
  'sys.version_info': 'version_info',
  'sys.implementation.name': 'implementation',
  'os.name': 'os_name',
  'sys.maxsize': 'maxsize',
  'sys.byteorder': 'byteorder',
};

const FACT_CALLS: Record<string, keyof InterpreterFacts> = {
  'platform.system': 'system',
  'platform.python_implementation': 'python_implementation',
  'platform.machine': 'machine',
};

/** Constants whose value is the same under every interpreter fastest runs (Python >= 3.9). */
const CONSTANTS: Record<string, GuardExpr> = {
  'typing.TYPE_CHECKING': FALSE,
  'typing_extensions.TYPE_CHECKING': FALSE,
  'six.PY2': FALSE,
  'six.PY3': TRUE,
  'sys.version_info.major': { k: 'lit', v: 3 },
};

function dottedText(node: Node): string | null {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    const attr = node.childForFieldName('attribute');
    const base = object ? dottedText(object) : null;
    return base === null || !attr ? null : `${base}.${attr.text}`;
  }
  return null;
}

function nameGuard(dotted: string, scope: GuardScope): GuardExpr {
  if (!dotted.includes('.')) {
    const bound = scope.names.get(dotted);
    if (bound) return bound;
    // pytest imports test modules under their own name, never as __main__.
    if (dotted === '__name__') return { k: 'obj' };
  }
  const name = canonical(dotted, scope);
  if (name === null) return UNKNOWN_GUARD;
  if (CONSTANTS[name]) return CONSTANTS[name];
  if (FACT_ATTRS[name]) return { k: 'fact', name: FACT_ATTRS[name] };
  if (name.startsWith('sys.version_info.')) return { k: 'attr', on: { k: 'fact', name: 'version_info' }, name: name.slice('sys.version_info.'.length) };
  return UNKNOWN_GUARD;
}

function intOf(node: Node | null): number | null {
  if (!node) return null;
  if (node.type === 'integer' && /^\d+$/.test(node.text)) return Number(node.text);
  if (node.type === 'unary_operator' && node.childForFieldName('operator')?.text === '-') {
    const inner = intOf(node.childForFieldName('argument'));
    return inner === null ? null : -inner;
  }
  return null;
}

function stringOf(node: Node): string | null {
  if (node.type !== 'string') return null;
  const m = /^([rRuU]?)('([^'\\\n]*)'|"([^"\\\n]*)")$/.exec(node.text);
  return m ? (m[3] ?? m[4]) : null;
}

/** A condition or value expression as a guard; anything it can't follow is UNKNOWN. */
export function toGuard(node: Node, scope: GuardScope): GuardExpr {
  switch (node.type) {
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
      return inner ? toGuard(inner, scope) : UNKNOWN_GUARD;
    }
    case 'true':
      return TRUE;
    case 'false':
      return FALSE;
    case 'none':
      return { k: 'lit', v: null };
    case 'integer': {
      const n = intOf(node);
      return n === null ? UNKNOWN_GUARD : { k: 'lit', v: n };
    }
    case 'unary_operator': {
      const n = intOf(node);
      return n === null ? UNKNOWN_GUARD : { k: 'lit', v: n };
    }
    case 'string': {
      const s = stringOf(node);
      return s === null ? UNKNOWN_GUARD : { k: 'lit', v: s };
    }
    case 'tuple':
    case 'list':
      return { k: 'tuple', items: node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment').map((c) => toGuard(c, scope)) };
    case 'identifier':
    case 'attribute': {
      const dotted = dottedText(node);
      return dotted === null ? UNKNOWN_GUARD : nameGuard(dotted, scope);
    }
    case 'not_operator': {
      const arg = node.childForFieldName('argument');
      return arg ? notGuard(toGuard(arg, scope)) : UNKNOWN_GUARD;
    }
    case 'boolean_operator': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const op = node.childForFieldName('operator')?.text;
      if (!left || !right || (op !== 'and' && op !== 'or')) return UNKNOWN_GUARD;
      const l = toGuard(left, scope);
      const r = toGuard(right, scope);
      return { k: op, es: [...(l.k === op ? l.es : [l]), ...(r.k === op ? r.es : [r])] };
    }
    case 'comparison_operator': {
      const operands: GuardExpr[] = [];
      const ops: string[] = [];
      let pending = '';
      for (const child of node.children) {
        if (!child) continue;
        if (child.isNamed && child.type !== 'comment') {
          if (pending) ops.push(pending);
          pending = '';
          operands.push(toGuard(child, scope));
        } else if (!child.isNamed) {
          pending = pending ? `${pending} ${child.text}` : child.text;
        }
      }
      if (operands.length < 2 || ops.length !== operands.length - 1) return UNKNOWN_GUARD;
      return { k: 'cmp', first: operands[0], ops, rest: operands.slice(1) };
    }
    case 'subscript': {
      const value = node.childForFieldName('value');
      const subs = node.childrenForFieldName('subscript').filter((c): c is Node => c !== null);
      if (!value || subs.length !== 1) return UNKNOWN_GUARD;
      const on = toGuard(value, scope);
      const sub = subs[0];
      if (sub.type === 'slice') {
        // `[:2]`, `[1:]`, `[0:2]`: the integers around the colon.
        let lo: number | null = null;
        let hi: number | null = null;
        let afterColon = false;
        for (const child of sub.children) {
          if (!child) continue;
          if (child.type === ':') {
            if (afterColon) return UNKNOWN_GUARD; // a step
            afterColon = true;
            continue;
          }
          const n = intOf(child);
          if (n === null) return UNKNOWN_GUARD;
          if (afterColon) hi = n;
          else lo = n;
        }
        return { k: 'slice', on, lo, hi };
      }
      const i = intOf(sub);
      return i === null ? UNKNOWN_GUARD : { k: 'index', on, i };
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is Node => c !== null && c.type !== 'comment');
      if (!fn) return UNKNOWN_GUARD;
      if (fn.type === 'attribute') {
        const method = fn.childForFieldName('attribute')?.text ?? '';
        const object = fn.childForFieldName('object');
        const dotted = dottedText(fn);
        const name = dotted === null ? null : canonical(dotted, scope);
        if (name !== null && FACT_CALLS[name] && args.length === 0) return { k: 'fact', name: FACT_CALLS[name] };
        if (object && STRING_METHODS.has(method) && args.every((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat')) {
          return { k: 'method', on: toGuard(object, scope), name: method, args: args.map((a) => toGuard(a, scope)) };
        }
        return UNKNOWN_GUARD;
      }
      const dotted = dottedText(fn);
      const name = dotted === null ? null : canonical(dotted, scope);
      if (name !== null && FACT_CALLS[name] && args.length === 0) return { k: 'fact', name: FACT_CALLS[name] };
      if (dotted === 'bool' && args.length === 1) return { k: 'not', e: { k: 'not', e: toGuard(args[0], scope) } };
      if (dotted === 'hasattr' && args.length === 2 && canonical(args[0].text, scope) === 'sys' && stringOf(args[1]) === 'pypy_version_info') {
        return { k: 'cmp', first: { k: 'fact', name: 'implementation' }, ops: ['=='], rest: [{ k: 'lit', v: 'pypy' }] };
      }
      return UNKNOWN_GUARD;
    }
    default:
      return UNKNOWN_GUARD;
  }
}

const STRING_METHODS = new Set(['startswith', 'endswith', 'lower', 'upper', 'casefold', 'strip']);

/** Does the expression need the interpreter's facts or its import path to be evaluated? */
export function guardIsConstant(e: GuardExpr): boolean {
  switch (e.k) {
    case 'fact':
    case 'imp':
      return false;
    case 'tuple':
      return e.items.every(guardIsConstant);
    case 'attr':
    case 'index':
    case 'slice':
      return guardIsConstant(e.on);
    case 'method':
      return guardIsConstant(e.on) && e.args.every(guardIsConstant);
    case 'cmp':
      return guardIsConstant(e.first) && e.rest.every(guardIsConstant);
    case 'not':
      return guardIsConstant(e.e);
    case 'and':
    case 'or':
      return e.es.every(guardIsConstant);
    case 'ite':
      return guardIsConstant(e.c) && guardIsConstant(e.t) && guardIsConstant(e.f);
    default:
      return true;
  }
}

// ---- evaluation -------------------------------------------------------------------------------

const UNKNOWN = Symbol('unknown');
const OBJECT = Symbol('object');
type PyVal = string | number | boolean | null | PyVal[] | typeof OBJECT;
type Val = PyVal | typeof UNKNOWN;

export interface GuardEnv {
  /** The interpreter's facts; null when they could not be probed. */
  facts(): InterpreterFacts | null;
  /** Whether `import mod` / `from mod import name` succeeds; undefined when it can't be told. */
  importable(mod: string, name?: string): boolean | undefined;
  /**
   * The source text of a module as `fromFile` (a node path) would import it: null when it is found
   * but has no Python source (builtin, extension), undefined when it can't be found.
   */
  moduleSource?(mod: string, fromFile: string): string | null | undefined;
  /** Whether the module is one of the project's own (under the rootdir, not an installed package). */
  isProjectModule?(mod: string): boolean | undefined;
  /**
   * The Python source of a module as `fromFile` (absolute; default: the module this env is for)
   * would import it, or of that module itself when `mod` is null; undefined when it can't be read.
   */
  locate?(mod: string | null, fromFile?: string): { file: string; text: string; package: boolean } | undefined;
}

function truthy(v: PyVal): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (v === OBJECT) return true;
  return Boolean(v);
}

function truth(v: Val): boolean | typeof UNKNOWN {
  return v === UNKNOWN ? UNKNOWN : truthy(v);
}

function containsUnknown(v: Val): boolean {
  return v === UNKNOWN || (Array.isArray(v) && v.some(containsUnknown));
}

function num(v: PyVal): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

function equal(a: PyVal, b: PyVal): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  }
  const na = num(a);
  const nb = num(b);
  if (na !== null && nb !== null) return na === nb;
  return a === b;
}

/** Python's ordering of two values: <0, 0, >0, or null when Python would raise TypeError. */
function order(a: PyVal, b: PyVal): number | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (equal(a[i], b[i])) continue;
      return order(a[i], b[i]);
    }
    return a.length - b.length;
  }
  const na = num(a);
  const nb = num(b);
  if (na !== null && nb !== null) return na - nb;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

function compare(a: PyVal, op: string, b: PyVal): boolean | typeof UNKNOWN {
  switch (op) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case 'is':
    case 'is not': {
      // Identity is only certain for None, True, False.
      const certain = a === null || b === null || typeof a === 'boolean' || typeof b === 'boolean' || a === OBJECT || b === OBJECT;
      if (!certain) return UNKNOWN;
      const same = a === b && (a === null || typeof a === 'boolean');
      return op === 'is' ? same : !same;
    }
    case 'in':
    case 'not in': {
      let found: boolean;
      if (Array.isArray(b)) found = b.some((x) => equal(a, x));
      else if (typeof b === 'string' && typeof a === 'string') found = b.includes(a);
      else return UNKNOWN;
      return op === 'in' ? found : !found;
    }
    default: {
      const o = order(a, b);
      if (o === null) return UNKNOWN;
      if (op === '<') return o < 0;
      if (op === '<=') return o <= 0;
      if (op === '>') return o > 0;
      if (op === '>=') return o >= 0;
      return UNKNOWN;
    }
  }
}

function evaluate(e: GuardExpr, env: GuardEnv): Val {
  switch (e.k) {
    case 'lit':
      return e.v;
    case 'obj':
      return OBJECT;
    case 'unk':
      return UNKNOWN;
    case 'tuple':
      return e.items.map((item) => evaluate(item, env)) as PyVal[];
    case 'fact': {
      const facts = env.facts();
      return facts ? (facts[e.name] as PyVal) : UNKNOWN;
    }
    case 'attr': {
      const on = evaluate(e.on, env);
      const at = ['major', 'minor', 'micro', 'releaselevel', 'serial'].indexOf(e.name);
      if (Array.isArray(on) && on.length === 5 && at >= 0) return on[at];
      return UNKNOWN;
    }
    case 'index': {
      const on = evaluate(e.on, env);
      if (!Array.isArray(on) && typeof on !== 'string') return UNKNOWN;
      const i = e.i < 0 ? on.length + e.i : e.i;
      return i >= 0 && i < on.length ? on[i] : UNKNOWN;
    }
    case 'slice': {
      const on = evaluate(e.on, env);
      if (!Array.isArray(on) && typeof on !== 'string') return UNKNOWN;
      return on.slice(e.lo ?? undefined, e.hi ?? undefined);
    }
    case 'method': {
      const on = evaluate(e.on, env);
      const args = e.args.map((a) => evaluate(a, env));
      if (typeof on !== 'string' || args.some(containsUnknown)) return UNKNOWN;
      if (e.name === 'lower' || e.name === 'casefold') return args.length === 0 ? on.toLowerCase() : UNKNOWN;
      if (e.name === 'upper') return args.length === 0 ? on.toUpperCase() : UNKNOWN;
      if (e.name === 'strip') return args.length === 0 ? on.trim() : UNKNOWN;
      if (args.length !== 1) return UNKNOWN;
      const arg = args[0];
      const prefixes = typeof arg === 'string' ? [arg] : Array.isArray(arg) && arg.every((a) => typeof a === 'string') ? (arg as string[]) : null;
      if (prefixes === null) return UNKNOWN;
      return prefixes.some((p) => (e.name === 'startswith' ? on.startsWith(p) : on.endsWith(p)));
    }
    case 'cmp': {
      // A chain is a conjunction of its links; a false link decides it even beside an unknown one.
      let left = evaluate(e.first, env);
      let unknown = false;
      for (let i = 0; i < e.ops.length; i++) {
        const right = evaluate(e.rest[i], env);
        if (containsUnknown(left) || containsUnknown(right)) unknown = true;
        else {
          const result = compare(left as PyVal, e.ops[i], right as PyVal);
          if (result === false) return false;
          if (result === UNKNOWN) unknown = true;
        }
        left = right;
      }
      return unknown ? UNKNOWN : true;
    }
    case 'not': {
      const t = truth(evaluate(e.e, env));
      return t === UNKNOWN ? UNKNOWN : !t;
    }
    case 'and':
    case 'or': {
      // Python returns an operand; as a condition, only its truth matters, except that an unknown
      // operand can still be overruled by a deciding one (False for `and`, True for `or`).
      let unknown = false;
      let last: Val = e.k === 'and';
      for (const part of e.es) {
        const v = evaluate(part, env);
        const t = truth(v);
        if (t === UNKNOWN) {
          unknown = true;
          continue;
        }
        if (t === (e.k === 'or')) return unknown ? t : v;
        last = v;
      }
      return unknown ? UNKNOWN : last;
    }
    case 'imp': {
      const found = env.importable(e.mod, e.name);
      return found === undefined ? UNKNOWN : found;
    }
    case 'ite': {
      const c = truth(evaluate(e.c, env));
      if (c === UNKNOWN) {
        const t = evaluate(e.t, env);
        const f = evaluate(e.f, env);
        return !containsUnknown(t) && !containsUnknown(f) && equal(t as PyVal, f as PyVal) ? t : UNKNOWN;
      }
      return evaluate(c ? e.t : e.f, env);
    }
  }
}

/** true / false when the interpreter decides the condition, null when it can't be told. */
export function evaluateGuard(e: GuardExpr, env: GuardEnv): boolean | null {
  const t = truth(evaluate(e, env));
  return t === UNKNOWN ? null : t;
}
