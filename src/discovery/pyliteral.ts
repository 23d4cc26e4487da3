// Reads Python literal expressions from tree-sitter nodes into PyValue, the way Python would
// evaluate them (string escapes, int bases, float repr), so parametrize ids match pytest's.
import type { Node } from 'web-tree-sitter';
import type { Mark, PyValue } from '../types.js';
import { pyFloatRepr } from '../config/pystr.js';

export { pyFloatRepr };

/** Names whose value is a builtin class: their `__name__` is the name itself. */
const BUILTIN_CLASS_NAMES = new Set([
  'int', 'float', 'complex', 'str', 'bytes', 'bytearray', 'bool', 'list', 'tuple', 'dict', 'set',
  'frozenset', 'object', 'type', 'range', 'slice', 'memoryview', 'len', 'repr', 'print', 'sorted',
  'min', 'max', 'sum', 'abs', 'all', 'any', 'callable', 'Exception', 'BaseException', 'ValueError',
  'TypeError', 'KeyError', 'IndexError', 'AttributeError', 'RuntimeError', 'ZeroDivisionError',
  'OSError', 'IOError', 'NotImplementedError', 'StopIteration', 'AssertionError', 'ImportError',
  'LookupError', 'ArithmeticError', 'OverflowError', 'FileNotFoundError', 'PermissionError',
  'UnicodeDecodeError', 'UnicodeEncodeError', 'UnicodeError', 'Warning', 'UserWarning',
  'DeprecationWarning', 'RuntimeWarning', 'FutureWarning', 'SyntaxError', 'NameError',
  'RecursionError', 'TimeoutError', 'ConnectionError',
]);

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
}

export function emptyLiteralContext(): LiteralContext {
  return {
    definedNames: new Set(),
    assignedNames: new Set(),
    markAliases: new Set(['mark']),
    pytestAliases: new Set(['pytest']),
    markVariables: new Map(),
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
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\n': '',
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
    } else if (child.type === 'list_splat' || child.type === 'dictionary_splat') {
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
        return { name: base.name, args: [...base.args, ...args], kwargs: { ...base.kwargs, ...kwargs }, ...(dynamic || base.dynamicArgs ? { dynamicArgs: true } : {}) };
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
      const s = stringNodeValue(node);
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
        if (child.type === 'list_splat') return { py: 'expr', source: node.text };
        items.push(readLiteral(child, ctx));
      }
      return { py: node.type, items };
    }
    case 'dictionary':
      return { py: 'dict', repr: node.text };
    case 'set':
      return { py: 'set', repr: node.text };
    case 'identifier': {
      const name = node.text;
      if (ctx.markVariables.has(name)) return { py: 'mark', mark: ctx.markVariables.get(name)! };
      if (ctx.definedNames.has(name)) return { py: 'name', name };
      if (BUILTIN_CLASS_NAMES.has(name) && !ctx.assignedNames.has(name)) return { py: 'name', name };
      return { py: 'expr', source: name };
    }
    case 'attribute': {
      const mark = readMark(node, ctx);
      return mark ? { py: 'mark', mark } : { py: 'expr', source: node.text };
    }
    case 'call': {
      const mark = readMark(node, ctx);
      if (mark) return { py: 'mark', mark };
      const fn = node.childForFieldName('function');
      const func = fn ? dottedName(fn) : null;
      if (func === null) return { py: 'expr', source: node.text };
      const { args, kwargs } = readArguments(node.childForFieldName('arguments'), ctx);
      return { py: 'call', func, args, kwargs };
    }
    default:
      return { py: 'expr', source: node.text };
  }
}
