// Reads Python literal expressions from tree-sitter nodes into PyValue, the way Python would
// evaluate them (string escapes, int bases, float repr), so parametrize ids match pytest's.
import type { Node } from 'web-tree-sitter';
import type { Mark, PyValue } from '../types.js';
import { pyFloatRepr } from '../config/pystr.js';
import { BUILTIN_CLASSES, BUILTIN_FUNCTIONS } from './stdlib.js';
import { regexCall } from './regex.js';

export { pyFloatRepr };

export interface LiteralContext {
  /** Module-level names bound to a class or function defined in the module. */
  definedNames: Set<string>;
  /** Module-level names assigned anything (they shadow builtins). */
  assignedNames: Set<string>;
  /** Names that refer to `pytest.mark` (e.g. `from pytest import mark`). */
  markAliases: Set<string>;
  /** Names that refer to the pytest module (`import pytest`, `import pytest as pt`). */
  pytestAliases: Set<string>;
  /** Module-level names bound to a mark, e.g. `slow = pytest.mark.slow`. */
  markVariables: Map<string, Mark>;
  /** Module-level names whose latest binding is a literal value (`CASES = [1, 2]`), not changed since. */
  constants: Map<string, PyValue>;
  /** A comprehension's loop variables, while its element is read. */
  locals?: Map<string, PyValue>;
  /** Module-level imports: local name → `module` or `module:attribute`. */
  imports?: Record<string, string>;
  /** Values of attributes and calls found elsewhere, by their source text (`mod.CONSTANT` of an imported project module, a call of a function returning data). */
  known?: Map<string, PyValue>;
}

export function emptyLiteralContext(): LiteralContext {
  return {
    definedNames: new Set(),
    assignedNames: new Set(),
    markAliases: new Set(['mark']),
    pytestAliases: new Set(['pytest']),
    markVariables: new Map(),
    constants: new Map(),
  };
}

function parseIntText(text: string): bigint | null {
  const clean = text.replace(/_/g, '').toLowerCase();
  try {
    if (/^0[xob]/.test(clean)) return BigInt(clean);
    if (/^0+$/.test(clean)) return 0n;
    if (/^[1-9][0-9]*$/.test(clean)) return BigInt(clean);
  } catch {
    return null;
  }
  return null;
}

function intValue(n: bigint): PyValue {
  if (n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER)) return Number(n);
  return { py: 'int', repr: n.toString() };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
};

/** Decodes the body of a non-raw string literal; null when it uses \N{...} (needs unicodedata). */
function decodeEscapes(body: string, isBytes: boolean): string | null {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\' || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const next = body[i + 1];
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i += 1;
    } else if (next === '\r') {
      i += body[i + 2] === '\n' ? 2 : 1;
    } else if (/[0-7]/.test(next)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i + 1))!;
      out += String.fromCodePoint(parseInt(m[0], 8) & (isBytes ? 0xff : 0x1ff));
      i += m[0].length;
    } else if (next === 'x' && /^[0-9a-fA-F]{2}/.test(body.slice(i + 2))) {
      out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (!isBytes && next === 'u' && /^[0-9a-fA-F]{4}/.test(body.slice(i + 2))) {
      out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
    } else if (!isBytes && next === 'U' && /^[0-9a-fA-F]{8}/.test(body.slice(i + 2))) {
      out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 10), 16));
      i += 9;
    } else if (!isBytes && next === 'N') {
      return null;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Value of one `string` node: str or bytes, or null if it is an f-string with fields. */
function stringNodeValue(node: Node): { value: string; bytes: boolean } | null {
  const text = node.text;
  const prefixMatch = /^[a-zA-Z]*/.exec(text)!;
  const prefix = prefixMatch[0].toLowerCase();
  if (prefix.includes('f') || prefix.includes('t')) {
    if (node.namedChildren.some((c) => c?.type === 'interpolation')) return null;
  }
  const rest = text.slice(prefixMatch[0].length);
  const quote = rest.startsWith('"""') || rest.startsWith("'''") ? rest.slice(0, 3) : rest[0];
  if (!rest.endsWith(quote) || rest.length < quote.length * 2) return null;
  let body = rest.slice(quote.length, rest.length - quote.length);
  const isBytes = prefix.includes('b');
  if (prefix.includes('f')) body = body.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  if (prefix.includes('r')) return { value: body, bytes: isBytes };
  const decoded = decodeEscapes(body, isBytes);
  return decoded === null ? null : { value: decoded, bytes: isBytes };
}

function dottedName(node: Node): string | null {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    const attr = node.childForFieldName('attribute');
    if (!object || !attr) return null;
    const base = dottedName(object);
    return base === null ? null : `${base}.${attr.text}`;
  }
  return null;
}

/** `pytest.mark.NAME` (or `mark.NAME`) → NAME, else null. */
export function markNameOf(node: Node, ctx: LiteralContext): string | null {
  const dotted = dottedName(node);
  if (dotted === null) return null;
  const parts = dotted.split('.');
  if (parts.length === 3 && ctx.pytestAliases.has(parts[0]) && parts[1] === 'mark') return parts[2];
  if (parts.length === 2 && ctx.markAliases.has(parts[0])) return parts[1];
  return null;
}

function readArguments(argList: Node | null, ctx: LiteralContext): { args: PyValue[]; kwargs: Record<string, PyValue>; dynamic: boolean } {
  const args: PyValue[] = [];
  const kwargs: Record<string, PyValue> = {};
  let dynamic = false;
  for (const child of argList?.namedChildren ?? []) {
    if (!child || child.type === 'comment') continue;
    if (child.type === 'keyword_argument') {
      const name = child.childForFieldName('name')?.text ?? '';
      const valueNode = child.childForFieldName('value');
      const value = valueNode ? readLiteral(valueNode, ctx) : null;
      if (isDynamic(value)) dynamic = true;
      kwargs[name] = value;
    } else if (child.type === 'list_splat') {
      // `*CASE`: a literal sequence's items, as positional arguments
      const inner = child.namedChildren.find((c) => c && c.type !== 'comment');
      const spread = inner ? itemsOf(readLiteral(inner, ctx)) : null;
      if (spread === null || spread.some(isDynamic)) dynamic = true;
      args.push(...(spread ?? []));
    } else if (child.type === 'dictionary_splat') {
      dynamic = true;
    } else {
      const value = readLiteral(child, ctx);
      if (isDynamic(value)) dynamic = true;
      args.push(value);
    }
  }
  return { args, kwargs, dynamic };
}

/** True when a value (or anything inside it) could not be read statically. */
export function isDynamic(value: PyValue): boolean {
  if (value === null || typeof value !== 'object') return false;
  switch (value.py) {
    case 'expr':
      return true;
    case 'tuple':
    case 'list':
      return value.items.some(isDynamic);
    case 'call':
      return value.args.some(isDynamic) || Object.values(value.kwargs).some(isDynamic);
    default:
      return false;
  }
}

/** `name` or `a.b.c`: a Python name, maybe with attributes. */
export const DOTTED_NAME = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

/**
 * Whether a value holds a part that is no literal and no plain dotted name. A dotted name is kept
 * (in constants and comprehension elements) so that the parametrize stage can follow it through
 * the module's imports (values.ts); one whose head is a comprehension variable can't be (its
 * attribute of a loop value is not the module's name of the same spelling).
 */
export function hasUnreadablePart(value: PyValue, locals?: Map<string, PyValue>): boolean {
  if (value === null || typeof value !== 'object') return false;
  switch (value.py) {
    case 'expr':
      return !DOTTED_NAME.test(value.source) || locals?.has(value.source.split('.')[0]) === true;
    case 'tuple':
    case 'list':
      return value.items.some((v) => hasUnreadablePart(v, locals));
    case 'call':
      return (
        locals?.has(value.func.split('.')[0]) === true ||
        value.args.some((v) => hasUnreadablePart(v, locals)) ||
        Object.values(value.kwargs).some((v) => hasUnreadablePart(v, locals))
      );
    default:
      return false;
  }
}

/** A decorator or value expression read as a mark, if it is one. */
export function readMark(node: Node, ctx: LiteralContext): Mark | null {
  if (node.type === 'identifier' && ctx.markVariables.has(node.text)) return ctx.markVariables.get(node.text)!;
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    const name = fn ? markNameOf(fn, ctx) : null;
    if (name === null) {
      // `slow(...)` where slow = pytest.mark.slow: calling a mark adds arguments.
      if (fn?.type === 'identifier' && ctx.markVariables.has(fn.text)) {
        const base = ctx.markVariables.get(fn.text)!;
        const { args, kwargs, dynamic } = readArguments(node.childForFieldName('arguments'), ctx);
        return {
          name: base.name,
          args: [...base.args, ...args],
          kwargs: { ...base.kwargs, ...kwargs },
          ...(dynamic || base.dynamicArgs ? { dynamicArgs: true } : {}),
        };
      }
      return null;
    }
    if (name === 'with_args') return null;
    const { args, kwargs, dynamic } = readArguments(node.childForFieldName('arguments'), ctx);
    return dynamic ? { name, args, kwargs, dynamicArgs: true } : { name, args, kwargs };
  }
  const name = markNameOf(node, ctx);
  return name === null ? null : { name, args: [], kwargs: {} };
}

/** Reads an expression node as a Python value; anything not literal becomes `{py: 'expr'}`. */
export function readLiteral(node: Node, ctx: LiteralContext): PyValue {
  switch (node.type) {
    case 'integer': {
      const text = node.text;
      if (/[jJ]$/.test(text)) return { py: 'complex', repr: `${text.slice(0, -1).replace(/_/g, '')}j` };
      const n = parseIntText(text);
      return n === null ? { py: 'expr', source: text } : intValue(n);
    }
    case 'float': {
      const text = node.text.replace(/_/g, '');
      if (/[jJ]$/.test(text)) return { py: 'complex', repr: `${pyFloatRepr(Number(text.slice(0, -1))).replace(/\.0$/, '')}j` };
      return { py: 'float', repr: pyFloatRepr(Number(text)) };
    }
    case 'true':
      return true;
    case 'false':
      return false;
    case 'none':
      return null;
    case 'string': {
      const s = stringNodeValue(node) ?? formatted(node, ctx);
      if (s === null) return { py: 'expr', source: node.text };
      return s.bytes ? { py: 'bytes', value: s.value } : s.value;
    }
    case 'concatenated_string': {
      let value = '';
      let bytes = false;
      for (const part of node.namedChildren) {
        if (!part || part.type !== 'string') continue;
        const s = stringNodeValue(part);
        if (s === null) return { py: 'expr', source: node.text };
        value += s.value;
        bytes = s.bytes;
      }
      return bytes ? { py: 'bytes', value } : value;
    }
    case 'unary_operator': {
      const op = node.childForFieldName('operator')?.text;
      const arg = node.childForFieldName('argument');
      const inner = arg ? readLiteral(arg, ctx) : null;
      if (op === '+' && (typeof inner === 'number' || (inner && typeof inner === 'object' && (inner.py === 'float' || inner.py === 'int')))) return inner;
      if (op === '-') {
        if (typeof inner === 'number') return inner === 0 ? 0 : -inner;
        if (inner && typeof inner === 'object' && inner.py === 'int') return { py: 'int', repr: `-${inner.repr}` };
        if (inner && typeof inner === 'object' && inner.py === 'float') return { py: 'float', repr: pyFloatRepr(-Number(inner.repr)) };
      }
      return { py: 'expr', source: node.text };
    }
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
      return inner ? readLiteral(inner, ctx) : { py: 'expr', source: node.text };
    }
    case 'tuple':
    case 'list': {
      const items: PyValue[] = [];
      for (const child of node.namedChildren) {
        if (!child || child.type === 'comment') continue;
        if (child.type === 'list_splat') {
          // `*iterable`: its items, when it is a literal sequence.
          const inner = child.namedChildren.find((c) => c && c.type !== 'comment');
          const spread = inner ? itemsOf(readLiteral(inner, ctx)) : null;
          if (spread === null) return { py: 'expr', source: node.text };
          items.push(...spread);
          continue;
        }
        items.push(readLiteral(child, ctx));
      }
      return { py: node.type, items };
    }
    case 'dictionary':
      return dictionary(node, ctx);
    case 'set': {
      const size = distinctLiterals(node, ctx);
      return size === null ? { py: 'set', repr: node.text } : { py: 'set', repr: node.text, size };
    }
    case 'identifier': {
      const name = node.text;
      const local = ctx.locals?.get(name);
      if (local !== undefined) return local;
      const constant = ctx.constants.get(name);
      if (constant !== undefined) return constant;
      if (ctx.markVariables.has(name)) return { py: 'mark', mark: ctx.markVariables.get(name)! };
      if (ctx.definedNames.has(name)) return { py: 'name', name };
      if ((BUILTIN_CLASSES.has(name) || BUILTIN_FUNCTIONS.has(name)) && !ctx.assignedNames.has(name)) return { py: 'name', name };
      return { py: 'expr', source: name };
    }
    case 'attribute': {
      const mark = readMark(node, ctx);
      if (mark) return { py: 'mark', mark };
      const dotted = dottedName(node);
      if (dotted === null) return nameOfRead(node, ctx) ?? { py: 'expr', source: node.text };
      const known = ctx.known?.get(node.text) ?? MODULE_CONSTANTS.get(importedName(dotted, ctx) ?? '');
      return known ?? { py: 'expr', source: node.text };
    }
    case 'subscript':
      return itemAt(node, ctx) ?? { py: 'expr', source: node.text };
    case 'call': {
      const mark = readMark(node, ctx);
      if (mark) return { py: 'mark', mark };
      const returned = ctx.known?.get(node.text);
      if (returned !== undefined) return returned;
      const fn = node.childForFieldName('function');
      const func = fn ? dottedName(fn) : null;
      if (func === null) return strFormat(node, ctx) ?? { py: 'expr', source: node.text };
      const { args, kwargs } = readArguments(node.childForFieldName('arguments'), ctx);
      const built =
        builtinCall(func, args, kwargs, ctx) ??
        itertoolsCall(importedName(func, ctx), args, kwargs) ??
        regexCall(importedName(func, ctx), args, kwargs) ??
        dictView(func, args, kwargs, ctx);
      if (built) return built;
      // A new container or bare object: whatever its arguments, no __name__ and no id of its own.
      if (INSTANCE_CONSTRUCTORS.has(func) && !isShadowed(func, ctx)) return { py: 'object', repr: node.text };
      return { py: 'call', func, args, kwargs };
    }
    case 'lambda':
      // its source is kept for `ids=lambda v: ...` (idfunctions.ts)
      return { py: 'name', name: '<lambda>', lambda: node.text };
    case 'binary_operator':
      return arithmetic(node, ctx) ?? { py: 'expr', source: node.text };
    case 'list_comprehension':
    case 'generator_expression':
      return comprehension(node, ctx) ?? { py: 'expr', source: node.text };
    case 'dictionary_comprehension': {
      // `{k: v for ...}`: its pairs as a dict display's, when its keys are str or int literals
      const pairs = comprehension(node, ctx);
      return pairs === null ? { py: 'dict', repr: node.text } : dictOfPairs(pairs.items, node.text);
    }
    default:
      return { py: 'expr', source: node.text };
  }
}

/**
 * `expr.__name__` where `expr` reads as a plain dotted name (`c[0].__name__` in a comprehension over
 * a list of classes): the dotted name's `__name__`, left for values.ts to follow to a class or function.
 */
function nameOfRead(node: Node, ctx: LiteralContext): PyValue | null {
  const object = node.childForFieldName('object');
  if (!object || node.childForFieldName('attribute')?.text !== '__name__') return null;
  const value = readLiteral(object, ctx);
  const source = value !== null && typeof value === 'object' ? (value.py === 'expr' ? value.source : value.py === 'name' ? value.name : null) : null;
  if (source === null || !DOTTED_NAME.test(source) || ctx.locals?.has(source.split('.')[0])) return null;
  return { py: 'expr', source: `${source}.__name__` };
}

/** `seq[i]` of a literal list or tuple and an int literal in range: that item. */
function itemAt(node: Node, ctx: LiteralContext): PyValue | null {
  const value = node.childForFieldName('value');
  const subscripts = node.childrenForFieldName('subscript').filter((c): c is Node => c !== null && c.type !== 'comment');
  if (!value || subscripts.length !== 1) return null;
  const seq = readLiteral(value, ctx);
  const index = readLiteral(subscripts[0], ctx);
  if (seq === null || typeof seq !== 'object' || (seq.py !== 'list' && seq.py !== 'tuple') || typeof index !== 'number' || !Number.isInteger(index))
    return null;
  const at = index < 0 ? seq.items.length + index : index;
  return at >= 0 && at < seq.items.length ? seq.items[at] : null;
}

/** Standard-library constants the same on every Python fastest runs on (3.8 and later). */
const MODULE_CONSTANTS = new Map<string, PyValue>([['pickle.HIGHEST_PROTOCOL', 5]]);

/** `mod.attr` or an imported name as the dotted name it stands for (`product` → `itertools.product`); null if not imported. */
function importedName(dotted: string, ctx: LiteralContext): string | null {
  const dot = dotted.indexOf('.');
  const head = dot < 0 ? dotted : dotted.slice(0, dot);
  if (ctx.locals?.has(head)) return null;
  const bound = ctx.imports?.[head];
  if (bound === undefined) return null;
  const rest = dot < 0 ? '' : dotted.slice(dot);
  return `${bound.replace(':', '.')}${rest}`;
}

/** `itertools.product` of literal sequences (with `repeat=`), as the list of tuples it yields. */
function itertoolsCall(func: string | null, args: PyValue[], kwargs: Record<string, PyValue>): PyValue | null {
  if (func !== 'itertools.product' || args.some(isDynamic)) return null;
  const repeat = kwargs.repeat ?? 1;
  if (Object.keys(kwargs).some((k) => k !== 'repeat') || typeof repeat !== 'number' || !Number.isInteger(repeat) || repeat < 0) return null;
  const pools: PyValue[][] = [];
  for (const arg of args) {
    const items = itemsOf(arg);
    if (items === null) return null;
    pools.push(items);
  }
  let result: PyValue[][] = [[]];
  for (let r = 0; r < repeat; r++) {
    for (const pool of pools) {
      if (result.length * pool.length > MAX_EXPANDED) return null;
      result = result.flatMap((prefix) => pool.map((item) => [...prefix, item]));
    }
  }
  return { py: 'list', items: result.map((items) => ({ py: 'tuple', items })) };
}

/** Python's `repr()` of a str; null beyond ASCII (which of those Python prints as is needs unicodedata). */
export function pyStrRepr(value: string): string | null {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0x80) return null;
    else out += ch;
  }
  return out + quote;
}

/** `"{} {!r}".format(a, *b)` on a literal template whose fields are plain, numbered or `!r`/`!s` only. */
function strFormat(node: Node, ctx: LiteralContext): PyValue | null {
  const fn = node.childForFieldName('function');
  const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
  if (!fn || !object || fn.childForFieldName('attribute')?.text !== 'format' || (object.type !== 'string' && object.type !== 'concatenated_string'))
    return null;
  const template = readLiteral(object, ctx);
  if (typeof template !== 'string') return null;
  const args: PyValue[] = [];
  for (const child of node.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!child || child.type === 'comment') continue;
    if (child.type === 'keyword_argument' || child.type === 'dictionary_splat') return null;
    if (child.type === 'list_splat') {
      const inner = child.namedChildren.find((c) => c && c.type !== 'comment');
      const spread = inner ? itemsOf(readLiteral(inner, ctx)) : null;
      if (spread === null) return null;
      args.push(...spread);
    } else args.push(readLiteral(child, ctx));
  }
  let out = '';
  let auto = 0;
  let numbered: boolean | null = null;
  const re = /\{\{|\}\}|\{([0-9]*)(?:!([rs]))?\}|[{}]/g;
  let last = 0;
  for (let m = re.exec(template); m !== null; m = re.exec(template)) {
    out += template.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === '{{' || m[0] === '}}') {
      out += m[0][0];
      continue;
    }
    if (m[0] === '{' || m[0] === '}') return null; // a field this reader does not handle
    const manual = m[1] !== '';
    if (numbered !== null && numbered !== manual) return null; // Python refuses the mix
    numbered = manual;
    const value = args[manual ? Number(m[1]) : auto++];
    if (value === undefined) return null;
    const text = m[2] === 'r' ? (typeof value === 'string' ? pyStrRepr(value) : strOf(value)) : strOf(value);
    if (text === null) return null;
    out += text;
  }
  return out + template.slice(last);
}

const INSTANCE_CONSTRUCTORS = new Set(['object', 'dict', 'list', 'tuple', 'set', 'frozenset', 'bytearray']);

/** Longest sequence a builtin call or comprehension is expanded into (beyond it: not literal). */
const MAX_EXPANDED = 10000;

/** The items of an iterable value: a list, tuple or str. */
function itemsOf(value: PyValue): PyValue[] | null {
  if (typeof value === 'string') return [...value];
  if (value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple')) return value.items;
  if (value !== null && typeof value === 'object' && value.py === 'dict' && value.keys) return value.keys; // a dict iterates its keys
  return null;
}

/**
 * A dict display; its keys and values kept (in insertion order, a repeated key keeping its first
 * place and its last value) when every key is a str or int literal, so that iterating it,
 * `.keys()`, `.values()` and `.items()` are known.
 */
function dictionary(node: Node, ctx: LiteralContext): PyValue {
  const pairs: PyValue[] = [];
  for (const pair of node.namedChildren) {
    if (!pair || pair.type === 'comment') continue;
    const keyNode = pair.type === 'pair' ? pair.childForFieldName('key') : null;
    const valueNode = pair.type === 'pair' ? pair.childForFieldName('value') : null;
    if (!keyNode || !valueNode) return { py: 'dict', repr: node.text }; // `**other`
    pairs.push({ py: 'tuple', items: [readLiteral(keyNode, ctx), readLiteral(valueNode, ctx)] });
  }
  return dictOfPairs(pairs, node.text);
}

/** The dict of (key, value) pairs in order, as dictionary() keeps it; unknown keys when one is no str or int literal. */
function dictOfPairs(pairs: PyValue[], repr: string): PyValue {
  const keys: PyValue[] = [];
  const values: PyValue[] = [];
  const at = new Map<string, number>();
  for (const pair of pairs) {
    if (pair === null || typeof pair !== 'object' || pair.py !== 'tuple' || pair.items.length !== 2) return { py: 'dict', repr };
    const [key, value] = pair.items;
    if (typeof key !== 'string' && !(typeof key === 'number' && Number.isInteger(key))) return { py: 'dict', repr };
    const slot = `${typeof key}:${key}`;
    const index = at.get(slot);
    if (index !== undefined) values[index] = value;
    else {
      at.set(slot, keys.length);
      keys.push(key);
      values.push(value);
    }
  }
  return { py: 'dict', repr, keys, values };
}

/** `d.keys()`, `d.values()`, `d.items()` of a dict whose keys are known, as the list they iterate. */
function dictView(func: string, args: PyValue[], kwargs: Record<string, PyValue>, ctx: LiteralContext): PyValue | null {
  const m = /^([A-Za-z_]\w*)\.(keys|values|items)$/.exec(func);
  if (!m || args.length > 0 || Object.keys(kwargs).length > 0) return null;
  const dict = ctx.locals?.get(m[1]) ?? ctx.constants.get(m[1]);
  if (dict === null || typeof dict !== 'object' || dict.py !== 'dict' || !dict.keys || !dict.values) return null;
  const { keys, values } = dict;
  if (m[2] === 'keys') return { py: 'list', items: keys };
  if (m[2] === 'values') return { py: 'list', items: values };
  return { py: 'list', items: keys.map((key, i) => ({ py: 'tuple', items: [key, values[i]] })) };
}

function isShadowed(name: string, ctx: LiteralContext): boolean {
  return ctx.assignedNames.has(name) || ctx.definedNames.has(name) || ctx.locals?.has(name) === true;
}

/**
 * `range`, `enumerate`, `zip`, `list`, `tuple` of literal arguments, as the list pytest iterates.
 * A range object, an enumerate or zip object and a list all give `argname` + index as an id
 * when they are a parameter's value, so the list stands for them there too.
 */
function builtinCall(func: string, args: PyValue[], kwargs: Record<string, PyValue>, ctx: LiteralContext): PyValue | null {
  if (!['range', 'enumerate', 'zip', 'list', 'tuple'].includes(func) || isShadowed(func, ctx)) return null;
  if (args.some(isDynamic) || Object.values(kwargs).some(isDynamic)) return null;
  const list = (items: PyValue[]): PyValue => ({ py: func === 'tuple' ? 'tuple' : 'list', items });
  if (func === 'range') {
    if (Object.keys(kwargs).length > 0 || args.length < 1 || args.length > 3 || !args.every((a) => typeof a === 'number' && Number.isInteger(a))) return null;
    const [start, stop, step] = args.length === 1 ? [0, args[0] as number, 1] : [args[0] as number, args[1] as number, (args[2] as number | undefined) ?? 1];
    if (step === 0) return null;
    const count = Math.max(0, Math.ceil((stop - start) / step));
    if (count > MAX_EXPANDED) return null;
    return list(Array.from({ length: count }, (_, i) => start + i * step));
  }
  if (func === 'enumerate') {
    const items = args.length >= 1 ? itemsOf(args[0]) : null;
    const start = args[1] ?? kwargs.start ?? 0;
    if (items === null || args.length > 2 || typeof start !== 'number') return null;
    return list(items.map((item, i) => ({ py: 'tuple', items: [start + i, item] })));
  }
  if (func === 'zip') {
    if (Object.keys(kwargs).length > 0) return null;
    const lists = args.map(itemsOf);
    if (lists.some((l) => l === null)) return null;
    const length = lists.length === 0 ? 0 : Math.min(...lists.map((l) => l!.length));
    return list(Array.from({ length }, (_, i) => ({ py: 'tuple', items: lists.map((l) => l![i]) })));
  }
  if (Object.keys(kwargs).length > 0 || args.length > 1) return null;
  const items = args.length === 0 ? [] : itemsOf(args[0]);
  return items === null ? null : list(items);
}

/** Binds a `for` target (a name or a tuple of names) to one item; false when it can't be. */
function bindTarget(target: Node, value: PyValue, locals: Map<string, PyValue>): boolean {
  if (target.type === 'identifier') {
    locals.set(target.text, value);
    return true;
  }
  if (
    target.type === 'pattern_list' ||
    target.type === 'tuple_pattern' ||
    target.type === 'tuple' ||
    target.type === 'list_pattern' ||
    target.type === 'parenthesized_expression'
  ) {
    const names = target.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    const items = itemsOf(value);
    if (target.type === 'parenthesized_expression') return names.length === 1 && bindTarget(names[0], value, locals);
    if (items === null || items.length !== names.length) return false;
    return names.every((name, i) => bindTarget(name, items[i], locals));
  }
  return false;
}

/** How many distinct elements a set display of str literals only (or int literals only) has; null otherwise. */
function distinctLiterals(node: Node, ctx: LiteralContext): number | null {
  const values: PyValue[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type === 'list_splat') return null;
    values.push(readLiteral(child, ctx));
  }
  const allStr = values.every((v) => typeof v === 'string');
  const allInt = values.every((v) => typeof v === 'number' && Number.isSafeInteger(v));
  if (values.length === 0 || (!allStr && !allInt)) return null;
  return new Set(values).size;
}

/**
 * A set's elements come out in hash order (random for str), so a comprehension over a set may only
 * make values whose id does not depend on the element: its loop variable is bound to this opaque
 * value, which any id-carrying use leaves unreadable (`{x}` is a set: argname + index, fine; `x` or
 * `f"{x}"` is not).
 */
const SET_ELEMENT: PyValue = { py: 'expr', source: '<an element of a set>' };

/** What a comprehension's `for` clause iterates: a sequence's items, or opaque elements of a set of known size. */
function iterated(value: PyValue): PyValue[] | null {
  if (value !== null && typeof value === 'object' && value.py === 'set' && value.size !== undefined)
    return Array.from({ length: value.size }, () => SET_ELEMENT);
  return itemsOf(value);
}

/** `a == b`, `a != b`, `a in (...)`, `a not in [...]` of str, int and None literals, `not`, `and`, `or`: its truth, or null. */
function truthOf(node: Node, ctx: LiteralContext): boolean | null {
  if (node.type === 'parenthesized_expression') {
    const inner = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    return inner.length === 1 ? truthOf(inner[0], ctx) : null;
  }
  if (node.type === 'not_operator') {
    const arg = node.childForFieldName('argument');
    const truth = arg ? truthOf(arg, ctx) : null;
    return truth === null ? null : !truth;
  }
  if (node.type === 'boolean_operator') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const a = left ? truthOf(left, ctx) : null;
    const b = right ? truthOf(right, ctx) : null;
    if (a === null || b === null) return null;
    return node.childForFieldName('operator')?.text === 'and' ? a && b : a || b;
  }
  if (node.type !== 'comparison_operator') return null;
  const operands = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  const operators = node.children.filter((c): c is Node => c !== null && !c.isNamed).map((c) => c.text);
  const op = operators.join(' ');
  if (operands.length !== 2 || !['==', '!=', 'in', 'not in'].includes(op)) return null;
  const a = readLiteral(operands[0], ctx);
  const b = readLiteral(operands[1], ctx);
  // equal, unequal, or unsure (True == 1, 1 == 1.0, objects)
  const equal = (x: PyValue, y: PyValue): boolean | null => {
    const plain = (v: PyValue) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
    return plain(x) && plain(y) ? x === y : null;
  };
  if (op === '==' || op === '!=') {
    const same = equal(a, b);
    return same === null ? null : op === '==' ? same : !same;
  }
  const items = b !== null && typeof b === 'object' && (b.py === 'list' || b.py === 'tuple') ? b.items : null;
  if (items === null) return null;
  let found = false;
  for (const item of items) {
    const same = equal(a, item);
    if (same === null) return null;
    found ||= same;
  }
  return op === 'in' ? found : !found;
}

/** A comprehension's element: a value, or a dict comprehension's `key: value` as a pair. */
function readElement(body: Node, ctx: LiteralContext): PyValue {
  if (body.type !== 'pair') return readLiteral(body, ctx);
  const key = body.childForFieldName('key');
  const value = body.childForFieldName('value');
  return key && value ? { py: 'tuple', items: [readLiteral(key, ctx), readLiteral(value, ctx)] } : { py: 'expr', source: body.text };
}

/** `[body for x in literal ... if condition]`: the list of its elements (a dict comprehension's: pairs), or null. */
function comprehension(node: Node, ctx: LiteralContext): { py: 'list'; items: PyValue[] } | null {
  const body = node.childForFieldName('body');
  const clauses = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment' && c !== body && c.startIndex !== body?.startIndex);
  if (!body || clauses.length === 0 || clauses[0].type !== 'for_in_clause' || clauses.some((c) => c.type !== 'for_in_clause' && c.type !== 'if_clause'))
    return null;
  // A filtered comprehension inside another one is not evaluated: the product of the two is mostly
  // built to be thrown away (packaging's pairs of VERSIONS `if i != j`: 500 ms of parsing).
  if (ctx.locals && ctx.locals.size > 0 && clauses.some((c) => c.type === 'if_clause')) return null;
  const out: PyValue[] = [];
  const outer = ctx.locals;
  const walk = (depth: number, locals: Map<string, PyValue>): boolean => {
    if (depth < clauses.length && clauses[depth].type === 'if_clause') {
      const condition = clauses[depth].namedChildren.find((c): c is Node => c !== null && c.type !== 'comment');
      const truth = condition ? truthOf(condition, { ...ctx, locals }) : null;
      if (truth === null) return false;
      return truth ? walk(depth + 1, locals) : true;
    }
    if (depth === clauses.length) {
      const value = readElement(body, { ...ctx, locals });
      if (hasUnreadablePart(value, locals)) return false;
      out.push(value);
      return out.length <= MAX_EXPANDED;
    }
    const clause = clauses[depth];
    const target = clause.childForFieldName('left');
    const iterable = clause.childForFieldName('right');
    if (!target || !iterable || clause.childrenForFieldName('right').length !== 1) return false;
    const items = iterated(readLiteral(iterable, { ...ctx, locals }));
    if (items === null) return false;
    for (const item of items) {
      const inner = new Map(locals);
      if (!bindTarget(target, item, inner) || !walk(depth + 1, inner)) return false;
    }
    return true;
  };
  return walk(0, new Map(outer ?? [])) ? { py: 'list', items: out } : null;
}

/** `str()` of a value whose text is certain: str, int, bool, None. */
function strOf(value: PyValue): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null) return 'None';
  if (typeof value === 'object' && value.py === 'int') return value.repr;
  return null;
}

/** An f-string whose fields are plain names of str, int or bool values: its text. */
function formatted(node: Node, ctx: LiteralContext): { value: string; bytes: boolean } | null {
  if (!/^[fF][rR]?["']|^[rR][fF]["']/.test(node.text)) return null;
  const raw = /^[a-zA-Z]*[rR]/.test(node.text);
  let out = '';
  for (const part of node.namedChildren) {
    if (!part) continue;
    if (part.type === 'string_content') {
      const text = part.text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      // escapes in the literal parts, as in any str literal (`\N{...}` needs unicodedata: not read)
      const decoded = raw || !text.includes('\\') ? text : /\\[{}]/.test(part.text) ? null : decodeEscapes(text, false);
      if (decoded === null) return null;
      out += decoded;
    } else if (part.type === 'interpolation') {
      const parts = part.namedChildren.filter((c): c is Node => c !== null);
      if (parts.length !== 1) return null; // a conversion or format spec
      const value = strOf(readLiteral(parts[0], ctx));
      if (value === null) return null;
      out += value;
    } else if (part.type === 'escape_interpolation') {
      out += part.text[0];
    } else if (part.type === 'escape_sequence') {
      const decoded = raw ? null : decodeEscapes(part.text, false);
      if (decoded === null) return null;
      out += decoded;
    }
  }
  return { value: out, bytes: false };
}

/** Longest str or bytes a repetition is computed to (a longer one stays an expression). */
const MAX_REPEATED = 4096;

/**
 * `a + b`, `a - b`, `a * b`, `a // b`, `a % b`, `a ** b` of ints, `+` of strs or bytes, and `*` of a
 * str or bytes by an int: what Python computes.
 */
function arithmetic(node: Node, ctx: LiteralContext): PyValue | null {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const op = node.childForFieldName('operator')?.text;
  if (!left || !right || !op) return null;
  const a = readLiteral(left, ctx);
  const b = readLiteral(right, ctx);
  if (typeof a === 'string' && typeof b === 'string') return op === '+' ? a + b : null;
  const bytesOf = (v: PyValue) => (v !== null && typeof v === 'object' && v.py === 'bytes' ? v.value : null);
  if (op === '+' && bytesOf(a) !== null && bytesOf(b) !== null) return { py: 'bytes', value: bytesOf(a)! + bytesOf(b)! };
  if (op === '*') {
    // a sequence repeated: `"x" * 3`, `3 * b"ab"` (not to an empty one)
    const [text, count] = typeof b === 'number' ? [a, b] : [b, a];
    const repeated = typeof text === 'string' ? text : bytesOf(text);
    if (repeated !== null && typeof count === 'number' && Number.isInteger(count)) {
      if (count < 1 || repeated.length * count > MAX_REPEATED) return null;
      const value = repeated.repeat(count);
      return typeof text === 'string' ? value : { py: 'bytes', value };
    }
  }
  if (op === '+' && a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && a.py === b.py && (a.py === 'list' || a.py === 'tuple')) {
    return { py: a.py, items: [...a.items, ...(b as { items: PyValue[] }).items] };
  }
  if (typeof a !== 'number' || typeof b !== 'number' || !Number.isInteger(a) || !Number.isInteger(b)) return null;
  let result: number;
  if (op === '+') result = a + b;
  else if (op === '-') result = a - b;
  else if (op === '*') result = a * b;
  else if (op === '//' && b !== 0) result = Math.floor(a / b);
  else if (op === '%' && b !== 0) result = a - b * Math.floor(a / b);
  else if (op === '**' && b >= 0) result = a ** b;
  else return null;
  return Number.isSafeInteger(result) ? result : null;
}
