// What pytest's IdMaker sees in a parametrize value the parser could only read as a name or a
// call: a class or function whose `__name__` is certain (its id is that name), a module (its
// `__name__`), or an instance of a class proven plain (no id of its own: argname + index).
// Names are followed through the module's imports into the project's (and installed packages')
// modules, read as text; anything not proven stays unknown, and the item stays dynamic.
import type { PyValue } from '../types.js';
import type { GuardEnv } from './guards.js';
import { DOTTED_NAME } from './pyliteral.js';
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

type Found =
  | { kind: 'class'; name: string; file: string; text: string; start: number }
  | { kind: 'function'; name: string }
  | { kind: 'module'; name: string }
  /** A member of a plain `enum.Enum`: pytest's id is `str(member)`, `Class.MEMBER`. */
  | { kind: 'enum member'; name: string }
  /** An object without `__name__` that is no str, number, enum or pattern: argname + index. */
  | { kind: 'instance'; name: string };

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
    // a function's binding is its own, unless it declares the name `global`
    if (m[1] !== '' && insideClassOrDef(text, m.index, m[1].length) && !new RegExp(`\\bglobal\\b[^\\n]*\\b${n}\\b`).test(text)) continue;
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

/**
 * Whether the line at `index` (indented by `indent`) lies in a class or function body: the
 * lines that open its enclosing blocks, found by lesser indentation, include a `class` or `def`.
 * A binding there is no module-level one. (A multi-line string or bracket at lesser indentation
 * reads as another block, which only makes the binding count as module-level.)
 */
function insideClassOrDef(text: string, index: number, indent: number): boolean {
  let width = indent;
  let end = index;
  while (width > 0 && end > 0) {
    const start = text.lastIndexOf('\n', end - 2) + 1;
    const line = text.slice(start, end - 1);
    end = start;
    const body = line.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    const lineIndent = line.length - body.length;
    if (lineIndent >= width) continue;
    if (/^(class|def|async[ \t]+def)\b/.test(body)) return true;
    width = lineIndent;
  }
  return false;
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
  if (binding.kind === 'class' && rest.length === 1) return enumMember(text, binding.index, head, rest[0]);
  if (binding.kind === 'other' && rest.length === 0) {
    // `NAME = Other.MEMBER` (annotated or not): what that dotted name is
    const alias = new RegExp(`^${escapeRe(head)}[ \\t]*(?::[^=\\n]*)?=[ \\t]*([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)[ \\t]*(?:#[^\\n]*)?$`, 'm').exec(
      text.slice(binding.index),
    );
    if (alias && alias.index === 0) return lookup(env, file, text, null, alias[1].split('.'), depth + 1);
  }
  if (rest.length > 0) return undefined;
  if (binding.kind === 'class') {
    // decorators above it must keep the class
    const before = text.slice(0, binding.index).split('\n');
    before.pop();
    for (let i = before.length - 1; i >= 0 && before[i].startsWith('@'); i--) if (!KEEPING_CLASS_DECORATORS.test(before[i])) return undefined;
    return { kind: 'class', name: head, file, text, start: binding.index };
  }
  if (binding.kind === 'other') return namedTupleClass(text, binding.index, head, file);
  if (binding.kind === 'def') {
    const before = text.slice(0, binding.index).split('\n');
    before.pop();
    if (before.length > 0 && before[before.length - 1].startsWith('@')) return undefined;
    return { kind: 'function', name: head };
  }
  return undefined;
}

/** What in an Enum's body changes its members' `str()` or which names are members. */
const ENUM_CUSTOMIZING = /__str__|__format__|__new__|_missing_|_ignore_|_generate_next_value_|metaclass|__init_subclass__|__getattr__/;

/**
 * `Class.MEMBER` where Class derives from `enum.Enum` alone and MEMBER is one of its members, not
 * an alias: its members are assigned one each, all `object()`, all `auto()`, or all distinct str or
 * int literals (equal values would make the later name an alias of the first).
 */
function enumMember(text: string, start: number, cls: string, member: string): Found | undefined {
  const before = text.slice(0, start).split('\n');
  before.pop();
  if (before.length > 0 && before[before.length - 1].startsWith('@')) return undefined;
  const parts = classParts(text, start);
  if (!parts || parts.bases.length !== 1 || ENUM_CUSTOMIZING.test(parts.body)) return undefined;
  if (!isEnumBase(text, parts.bases[0])) return undefined;
  const indent = /\n([ \t]+)\S/.exec(parts.body)?.[1];
  if (!indent) return undefined;
  const values = new Map<string, string>();
  const assignment = new RegExp(`^${indent}([A-Za-z_]\\w*)[ \\t]*=[ \\t]*([^\\n]*?)[ \\t]*(?:#[^\\n]*)?$`, 'gm');
  for (let m = assignment.exec(parts.body); m !== null; m = assignment.exec(parts.body)) {
    if (m[1].startsWith('_') || values.has(m[1])) return undefined;
    values.set(m[1], m[2]);
  }
  if (!values.has(member)) return undefined;
  const all = [...values.values()];
  const kinds = [/^object\(\)$/, /^(enum\.)?auto\(\)$/, /^"[\w .-]*"$|^'[\w .-]*'$/, /^-?[1-9]\d*$|^0$/];
  const kind = kinds.find((re) => all.every((v) => re.test(v)));
  if (!kind) return undefined;
  if (kind === kinds[2] || kind === kinds[3]) {
    const literal = all.map((v) => (kind === kinds[2] ? v.slice(1, -1) : v));
    if (new Set(literal).size !== literal.length) return undefined;
  }
  return { kind: 'enum member', name: `${cls}.${member}` };
}

/** Whether a class's base (as written in `text`) is `enum.Enum`. */
function isEnumBase(text: string, base: string): boolean {
  if (base === 'enum.Enum') return /^import[ \t]+enum[ \t]*$/m.test(text);
  if (base !== 'Enum') return false;
  const binding = bindingOf(text, 'Enum');
  if (binding?.kind !== 'import') return false;
  const from = importedAt(text, binding.index, 'Enum');
  return from?.module === 'enum' && from.attr === 'Enum';
}

/**
 * `Name = namedtuple("Name", ...)` (from collections): a class named by its first argument whose
 * instances are tuples (field names can't start with an underscore, so none is `__name__`).
 */
function namedTupleClass(text: string, index: number, name: string, file: string): Found | undefined {
  const m = new RegExp(`^${escapeRe(name)}[ \\t]*=[ \\t]*(collections\\.)?namedtuple\\(\\s*(["'])(\\w+)\\2\\s*,`).exec(text.slice(index));
  if (!m) return undefined;
  const imported = bindingOf(text, 'namedtuple');
  const fromCollections = m[1]
    ? /^import[ \t]+collections[ \t]*$/m.test(text)
    : imported?.kind === 'import' && importedAt(text, imported.index, 'namedtuple')?.module === 'collections';
  if (!fromCollections) return undefined;
  return { kind: 'class', name: m[3], file, text, start: -1 };
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

/** Standard-library objects with no id of their own (under capture, pytest's stand-ins, nameless too). */
const PLAIN_STDLIB_OBJECTS = new Set(['sys.stdin', 'sys.stdout', 'sys.stderr']);

function stdlibFound(dotted: string): Found | undefined {
  if (PLAIN_STDLIB_OBJECTS.has(dotted)) return { kind: 'instance', name: dotted };
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
      if (!DOTTED_NAME.test(value.source)) return value;
      const found = resolveName(value.source, scope);
      if (found?.kind === 'instance') return { py: 'object', repr: found.name };
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
