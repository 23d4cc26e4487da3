// What pytest's IdMaker sees in a parametrize value the parser could only read as a name or a
// call: a class or function whose `__name__` is certain (its id is that name), a module (its
// `__name__`), or an instance of a class proven plain (no id of its own: argname + index).
// Names are followed through the module's imports into the project's (and installed packages')
// modules, read as text; anything not proven stays unknown, and the item stays dynamic.
import type { PyValue } from '../types.js';
import type { GuardEnv } from './guards.js';
import { PLAIN_BUILTIN_CLASSES, STDLIB_MODULES } from './stdlib.js';

/** Standard-library classes whose instances have no `__name__` and are no str, number, enum or pattern. */
const PLAIN_STDLIB_CLASSES = new Set([
  'datetime.datetime',
  'datetime.date',
  'datetime.time',
  'datetime.timedelta',
  'datetime.timezone',
  'datetime.tzinfo',
  'decimal.Decimal',
  'fractions.Fraction',
  'functools.partial',
  'collections.OrderedDict',
  'collections.defaultdict',
  'collections.deque',
  'collections.Counter',
  'collections.UserDict',
  'collections.UserList',
  'pathlib.Path',
  'pathlib.PurePath',
  'pathlib.PosixPath',
  'pathlib.PurePosixPath',
  'pathlib.PureWindowsPath',
  'uuid.UUID',
  'io.StringIO',
  'io.BytesIO',
  'abc.ABC',
  'typing.Generic',
  'typing.Protocol',
  'typing.NamedTuple',
  'logging.Handler',
  'logging.Filter',
  'logging.Formatter',
  'logging.StreamHandler',
  'json.JSONEncoder',
  'collections.abc.Mapping',
  'collections.abc.MutableMapping',
  'collections.abc.Sequence',
  'collections.abc.Iterable',
  'collections.abc.Iterator',
  'collections.abc.Set',
  'collections.abc.MutableSet',
  'collections.abc.Sized',
  'collections.abc.Container',
  'collections.abc.Hashable',
]);

/** Class decorators that return the class itself (or one of the same name and kind). */
const KEEPING_CLASS_DECORATORS = /^@\s*(dataclass(es\.dataclass)?|functools\.total_ordering|total_ordering|attrs?\.(s|attrs|define|frozen|mutable))\b/;

/** In a class body, what could give its instances a `__name__`, or make calling it return something else. */
const NAME_GIVING = /\b__name__\s*[:=]|def\s+__name__\b|__getattr__|__getattribute__|__new__|__dict__|setattr\(|metaclass|__init_subclass__/;

type Found = { kind: 'class'; name: string; file: string; text: string; start: number } | { kind: 'function'; name: string } | { kind: 'module'; name: string };

export interface ValueScope {
  env: GuardEnv;
  /** The module's own imports: local name → `module` or `module:attribute`. */
  imports: Record<string, string>;
}

const MAX_DEPTH = 8;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type Binding = { kind: 'class' | 'def' | 'import' | 'other'; index: number } | null | undefined;

/** Bindings found per module text and name (texts are read once per discovery, so few and long-lived). */
const bindings = new Map<string, Map<string, Binding>>();
const MAX_MEMO_TEXTS = 512;

/** The one statement binding `name` in a module's text; null when none, undefined when more than one or not at the top level. */
function bindingOf(text: string, name: string): Binding {
  let perText = bindings.get(text);
  if (!perText) {
    if (bindings.size >= MAX_MEMO_TEXTS) bindings.clear();
    perText = new Map();
    bindings.set(text, perText);
  }
  if (perText.has(name)) return perText.get(name);
  const found = findBinding(text, name);
  perText.set(name, found);
  return found;
}

function findBinding(text: string, name: string): Binding {
  const n = escapeRe(name);
  const re = new RegExp(
    `^([ \\t]*)(?:(class|(?:async[ \\t]+)?def)[ \\t]+${n}\\b|${n}[ \\t]*(?::[^=\\n]*)?=(?!=)|(from[ \\t]+\\S+[ \\t]+import\\b[^\\n]*\\b${n}\\b|import[ \\t]+[^\\n]*\\bas[ \\t]+${n}\\b))`,
    'gm',
  );
  let found: { kind: 'class' | 'def' | 'import' | 'other'; index: number } | null = null;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[1] !== '' || found !== null) return undefined;
    found = { kind: m[2] === 'class' ? 'class' : m[2] ? 'def' : m[3] ? 'import' : 'other', index: m.index };
  }
  // a parenthesized `from x import (\n  a,\n  name,\n)` binds it too
  const multi = new RegExp(`^from[ \\t]+\\S+[ \\t]+import[ \\t]*\\(([^)]*)\\)`, 'gm');
  for (let m = multi.exec(text); m !== null; m = multi.exec(text)) {
    if (!new RegExp(`\\b${n}\\b`).test(m[1]) || (found !== null && found.index === m.index)) continue;
    if (found !== null) return undefined;
    found = { kind: 'import', index: m.index };
  }
  if (found === null && /^from[ \t]+\S+[ \t]+import[ \t]+\*|^def __getattr__/m.test(text)) return undefined;
  return found;
}

/** `from M import A as name` (plain or parenthesized) at `index`: `M` and `A`. */
function importedAt(text: string, index: number, name: string): { module: string; attr: string } | null {
  const head = /^from[ \t]+(\S+)[ \t]+import[ \t]*(\(([^)]*)\)|[^\n]*)/.exec(text.slice(index));
  if (!head) return null;
  const names = (head[3] ?? head[2])
    .replace(/#[^\n]*/g, '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of names) {
    const m = /^(\w+)(?:\s+as\s+(\w+))?$/.exec(entry);
    if (m && (m[2] ?? m[1]) === name) return { module: head[1], attr: m[1] };
  }
  return null;
}

/** The dotted name `path` (`Foo`, `mod.Foo`) as bound in the module `text` at `file`. */
function lookup(env: GuardEnv, file: string, text: string, imports: Record<string, string> | null, path: string[], depth: number): Found | undefined {
  if (depth > MAX_DEPTH || path.length === 0) return undefined;
  const [head, ...rest] = path;
  if (imports !== null && imports[head] !== undefined) return followImport(env, file, imports[head], rest, depth);
  const binding = bindingOf(text, head);
  if (!binding) return undefined;
  if (binding.kind === 'import') {
    const from = importedAt(text, binding.index, head);
    return from ? followImport(env, file, `${from.module}:${from.attr}`, rest, depth) : undefined;
  }
  if (rest.length > 0) return undefined;
  if (binding.kind === 'class') {
    // decorators above it must keep the class
    const before = text.slice(0, binding.index).split('\n');
    before.pop();
    for (let i = before.length - 1; i >= 0 && before[i].startsWith('@'); i--) if (!KEEPING_CLASS_DECORATORS.test(before[i])) return undefined;
    return { kind: 'class', name: head, file, text, start: binding.index };
  }
  if (binding.kind === 'def') {
    const before = text.slice(0, binding.index).split('\n');
    before.pop();
    if (before.length > 0 && before[before.length - 1].startsWith('@')) return undefined;
    return { kind: 'function', name: head };
  }
  return undefined;
}

function followImport(env: GuardEnv, fromFile: string, bound: string, rest: string[], depth: number): Found | undefined {
  const colon = bound.indexOf(':');
  const module = colon < 0 ? bound : bound.slice(0, colon);
  const attr = colon < 0 ? null : bound.slice(colon + 1);
  if (attr === null) {
    // `import a` (or `import a.b as c`): the module object, then attributes of it
    if (rest.length === 0)
      return !module.startsWith('.') && !module.includes('.') && (STDLIB_MODULES.has(module) || env.locate?.(module, fromFile))
        ? { kind: 'module', name: module }
        : undefined;
    if (STDLIB_MODULES.has(module.split('.')[0])) return stdlibFound(`${module}.${rest.join('.')}`);
    const target = env.locate?.(module, fromFile);
    return target ? lookup(env, target.file, target.text, null, rest, depth + 1) : undefined;
  }
  if (STDLIB_MODULES.has(module.split('.')[0]) && !module.startsWith('.')) return stdlibFound([module, attr, ...rest].join('.'));
  const target = env.locate?.(module, fromFile);
  if (!target) return undefined;
  const binding = target.package ? bindingOf(target.text, attr) : undefined;
  const from = binding?.kind === 'import' ? importedAt(target.text, binding.index, attr) : null;
  // `from pkg import sub`: a submodule the package's __init__ does not bind (or binds with `from . import sub`)
  const submodule = binding === null || (from !== null && from.module === '.' && from.attr === attr);
  if (!submodule) return lookup(env, target.file, target.text, null, [attr, ...rest], depth + 1);
  const sub = env.locate?.(`${module}.${attr}`, fromFile);
  if (!sub) return undefined;
  if (rest.length === 0) return module.startsWith('.') ? undefined : { kind: 'module', name: `${module}.${attr}` };
  return lookup(env, sub.file, sub.text, null, rest, depth + 1);
}

function stdlibFound(dotted: string): Found | undefined {
  return PLAIN_STDLIB_CLASSES.has(dotted) ? { kind: 'class', name: dotted.slice(dotted.lastIndexOf('.') + 1), file: '', text: '', start: -1 } : undefined;
}

/** The text of a class statement from `start`: its header (bases) and its indented body. */
function classParts(text: string, start: number): { bases: string[]; body: string } | null {
  let i = text.indexOf('class', start) + 5;
  let depth = 0;
  let header = '';
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ':' && depth === 0) break;
    header += ch;
  }
  const open = header.indexOf('(');
  const bases =
    open < 0
      ? []
      : header
          .slice(open + 1, header.lastIndexOf(')'))
          .replace(/#[^\n]*/g, '')
          .split(',')
          .map((b) => b.trim())
          .filter(Boolean);
  const after = text.slice(i + 1);
  const end = after.search(/\n(?=[^\s#])/);
  return { bases, body: end < 0 ? after : after.slice(0, end) };
}

/** Whether calling the class surely gives an instance without `__name__` that is no str, number, enum or pattern. */
function isPlainClass(env: GuardEnv, found: Found & { kind: 'class' }, depth: number, seen: Set<string>): boolean {
  if (found.start < 0) return true; // a listed standard-library class
  const key = `${found.file}\0${found.start}`;
  if (seen.has(key) || depth > MAX_DEPTH) return false;
  seen.add(key);
  const parts = classParts(found.text, found.start);
  if (!parts || NAME_GIVING.test(parts.body)) return false;
  return parts.bases.every((base) => {
    if (base.includes('=') || base.startsWith('*')) return false; // metaclass=, **kwargs
    if (PLAIN_BUILTIN_CLASSES.has(base) && bindingOf(found.text, base) === null) return true;
    if (!/^[A-Za-z_][\w.]*$/.test(base)) return false;
    const baseFound = lookup(env, found.file, found.text, null, base.split('.'), depth + 1);
    return baseFound?.kind === 'class' && isPlainClass(env, baseFound, depth + 1, seen);
  });
}

function resolveName(dotted: string, scope: ValueScope): Found | undefined {
  const own = scope.env.locate?.(null);
  if (!own) return undefined;
  return lookup(scope.env, own.file, own.text, scope.imports, dotted.split('.'), 0);
}

/**
 * The value with names and calls replaced where their id is certain: `{py: 'name'}` for a class,
 * function or module, `{py: 'object'}` for an instance of a plain class. Others are left as they are.
 */
export function resolveValue(value: PyValue, scope: ValueScope): PyValue {
  if (value === null || typeof value !== 'object') return value;
  switch (value.py) {
    case 'tuple':
    case 'list':
      return { py: value.py, items: value.items.map((v) => resolveValue(v, scope)) };
    case 'expr': {
      if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(value.source)) return value;
      const found = resolveName(value.source, scope);
      return found ? { py: 'name', name: found.name } : value;
    }
    case 'call': {
      if (value.func === 'param' || value.func.endsWith('.param')) {
        return { ...value, args: value.args.map((v) => resolveValue(v, scope)) };
      }
      const found = resolveName(value.func, scope);
      if (found?.kind === 'class' && isPlainClass(scope.env, found, 0, new Set())) return { py: 'object', repr: `${value.func}(...)` };
      return value;
    }
    default:
      return value;
  }
}
