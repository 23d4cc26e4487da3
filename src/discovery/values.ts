// What pytest's IdMaker sees in a parametrize value the parser could only read as a name or a
// call: a class or function whose `__name__` is certain (its id is that name), a module (its
// `__name__`), or an instance of a class proven plain (no id of its own: argname + index).
// Names are followed through the module's imports into the project's (and installed packages')
// modules, read as text; anything not proven stays unknown, and the item stays dynamic.
import type { Node, Tree } from 'web-tree-sitter';
import type { PyValue } from '../types.js';
import { readyPythonParser } from './grammar.js';
import { emptyGuardScope, evaluateGuard, notGuard, toGuard, type GuardEnv, type GuardExpr, type GuardScope } from './guards.js';
import { DOTTED_NAME, emptyLiteralContext, isDynamic, readLiteral } from './pyliteral.js';
import { PLAIN_BUILTIN_CLASSES, STDLIB_MODULES } from './stdlib.js';
import { coloramaString, stringExpression } from './strexpr.js';

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
  /** `start` < 0: a class with no body in a module's text (a listed stdlib class, a namedtuple, one attrs makes); `opaqueInstances`: calling it is not proven to give a plain instance. */
  | { kind: 'class'; name: string; file: string; text: string; start: number; opaqueInstances?: true }
  | { kind: 'function'; name: string }
  | { kind: 'module'; name: string }
  /** A member of a plain `enum.Enum`: pytest's id is `str(member)`, `Class.MEMBER`. */
  | { kind: 'enum member'; name: string }
  /** An object without `__name__` that is no str, number, enum or pattern: argname + index. */
  | { kind: 'instance'; name: string }
  /** A member of an enum whose id is its value (`IntEnum`, `StrEnum`, `(str, Enum)`): that value. */
  | { kind: 'value'; value: string | number };

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
  // `import head` / `import head.sub` at the top level (and nothing else binding it): the module
  if (binding === null && new RegExp(`^import[ \\t]+(?:[\\w.]+[ \\t]*,[ \\t]*)*${escapeRe(head)}(?:\\.[\\w.]+)?[ \\t]*(?:,[^\\n]*)?$`, 'm').test(text))
    return followImport(env, file, head, rest, depth);
  if (!binding) return undefined;
  if (binding.kind === 'import') {
    const from = importedAt(text, binding.index, head);
    if (from) return followImport(env, file, `${from.module}:${from.attr}`, rest, depth);
    // `import a.b as head`
    const plain = new RegExp(`^import[ \\t]+([A-Za-z_][\\w.]*)[ \\t]+as[ \\t]+${escapeRe(head)}[ \\t]*(?:#[^\\n]*)?$`, 'm').exec(text.slice(binding.index));
    return plain && plain.index === 0 ? followImport(env, file, plain[1], rest, depth) : undefined;
  }
  if (binding.kind === 'class' && rest.length === 1)
    return enumMember(text, binding.index, head, rest[0]) ?? otherEnumMember(env, text, binding.index, head, rest[0]);
  if (binding.kind === 'other' && rest.length === 0) {
    // `NAME = Other.MEMBER` (annotated or not): what that dotted name is
    const alias = new RegExp(`^${escapeRe(head)}[ \\t]*(?::[^=\\n]*)?=[ \\t]*([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)[ \\t]*(?:#[^\\n]*)?$`, 'm').exec(
      text.slice(binding.index),
    );
    if (alias && alias.index === 0) return lookup(env, file, text, null, alias[1].split('.'), depth + 1);
  }
  if (binding.kind === 'other' && rest.length === 1) return boundMethod(env, file, text, binding.index, head, rest[0], depth);
  if (rest.length > 0) return undefined;
  if (binding.kind === 'class') {
    // decorators above it must keep the class
    const before = text.slice(0, binding.index).split('\n');
    before.pop();
    for (let i = before.length - 1; i >= 0 && before[i].startsWith('@'); i--)
      if (!KEEPING_CLASS_DECORATORS.test(before[i]) && !attrsClassDecorator(before[i], text, file)) return undefined;
    return { kind: 'class', name: head, file, text, start: binding.index };
  }
  if (binding.kind === 'other')
    return (
      namedTupleClass(text, binding.index, head, file) ??
      attrsMadeClass(env, text, binding.index, head, file) ??
      cmpUsingClass(env, text, binding.index, head, file) ??
      projectFunctionClass(env, text, binding.index, head, file, depth)
    );
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

/** An enum class's bases, body and members as written (`NAME = value` at its body's indentation, in order); undefined when decorated or customized. */
function enumMembers(text: string, start: number): { bases: string[]; body: string; indent: string; names: string[]; written: string[] } | undefined {
  const before = text.slice(0, start).split('\n');
  before.pop();
  if (before.length > 0 && before[before.length - 1].startsWith('@')) return undefined;
  const parts = classParts(text, start);
  if (!parts || ENUM_CUSTOMIZING.test(parts.body)) return undefined;
  const indent = /\n([ \t]+)\S/.exec(parts.body)?.[1];
  if (!indent) return undefined;
  const names: string[] = [];
  const written: string[] = [];
  const assignment = new RegExp(`^${indent}([A-Za-z_]\\w*)[ \\t]*=[ \\t]*([^\\n]*?)[ \\t]*(?:#[^\\n]*)?$`, 'gm');
  for (let m = assignment.exec(parts.body); m !== null; m = assignment.exec(parts.body)) {
    if (m[1].startsWith('_') || names.includes(m[1])) return undefined;
    names.push(m[1]);
    written.push(m[2]);
  }
  return { ...parts, indent, names, written };
}

/**
 * `Class.MEMBER` where Class derives from `enum.Enum` alone and MEMBER is one of its members, not
 * an alias: its members are assigned one each, all `object()`, all `auto()`, or all distinct str or
 * int literals (equal values would make the later name an alias of the first).
 */
function enumMember(text: string, start: number, cls: string, member: string): Found | undefined {
  const members = enumMembers(text, start);
  if (!members || members.bases.length !== 1 || !isEnumBase(text, members.bases[0]) || !members.names.includes(member)) return undefined;
  const all = members.written;
  const kinds = [/^object\(\)$/, /^(enum\.)?auto\(\)$/, /^"[\w .-]*"$|^'[\w .-]*'$/, /^-?[1-9]\d*$|^0$/];
  const kind = kinds.find((re) => all.every((v) => re.test(v)));
  if (!kind) return undefined;
  if (kind === kinds[2] || kind === kinds[3]) {
    const literal = all.map((v) => (kind === kinds[2] ? v.slice(1, -1) : v));
    if (new Set(literal).size !== literal.length) return undefined;
  }
  return { kind: 'enum member', name: `${cls}.${member}` };
}

/**
 * `Class.MEMBER` of an enum whose members' `str()` is their value, or a `Flag` of `auto()` members
 * (`str()` is `Class.MEMBER`): `IntEnum`/`IntFlag` (int literals or `auto()`: their `str()` is the
 * value from Python 3.11), `StrEnum` (3.11+; str literals, or `auto()`: the lowercased name), and
 * `(str, Enum)` with str literals (a str: pytest's id is its text, on every version). Other mixins,
 * custom `__str__`, aliases where the name matters: undefined.
 */
function otherEnumMember(env: GuardEnv, text: string, start: number, cls: string, member: string): Found | undefined {
  const members = enumMembers(text, start);
  if (!members) return undefined;
  const { bases, body, indent, names, written } = members;
  const kind =
    bases.length === 1
      ? (['IntEnum', 'IntFlag', 'StrEnum', 'Flag'] as const).find((name) => isEnumBase(text, bases[0], name))
      : bases.length === 2 && bases[0] === 'str' && bindingOf(text, 'str') === null && isEnumBase(text, bases[1], 'Enum')
        ? ('str mixin' as const)
        : undefined;
  if (!kind) return undefined;
  const version = env.facts()?.version_info;
  const modern = version !== undefined && (version[0] > 3 || (version[0] === 3 && version[1] >= 11));
  if (kind !== 'Flag' && kind !== 'str mixin' && !modern) return undefined;
  // every statement at the members' indentation is read: an annotated or unpacking one would shift auto()'s values
  const statementsAt = body.split('\n').filter((line) => line.startsWith(indent) && /^\S/.test(line.slice(indent.length)));
  if (!statementsAt.every((line) => /^[ \t]*(def |async def |@|#|pass\b|"""|'''|[A-Za-z_]\w*[ \t]*=[^=])/.test(line))) return undefined;
  const at = names.indexOf(member);
  if (at < 0) return undefined;
  const auto = written.every((v) => /^(enum\.)?auto\(\)$/.test(v));
  if (kind === 'Flag') return auto ? { kind: 'enum member', name: `${cls}.${member}` } : undefined;
  if (kind === 'IntEnum' || kind === 'IntFlag') {
    if (auto) return { kind: 'value', value: kind === 'IntEnum' ? at + 1 : 2 ** at };
    return written.every((v) => /^-?[1-9]\d{0,14}$|^0$/.test(v)) ? { kind: 'value', value: Number(written[at]) } : undefined;
  }
  if (kind === 'StrEnum' && auto) return { kind: 'value', value: member.toLowerCase() };
  return written.every((v) => /^"[\w .-]*"$|^'[\w .-]*'$/.test(v)) ? { kind: 'value', value: written[at].slice(1, -1) } : undefined;
}

/** Whether a class's base (as written in `text`) is `enum.Enum`. */
function isEnumBase(text: string, base: string, enumClass = 'Enum'): boolean {
  if (base === `enum.${enumClass}`) return /^import[ \t]+enum[ \t]*$/m.test(text);
  if (base !== enumClass) return false;
  const binding = bindingOf(text, enumClass);
  if (binding?.kind !== 'import') return false;
  const from = importedAt(text, binding.index, enumClass);
  return from?.module === 'enum' && from.attr === enumClass;
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

/**
 * `Name = attr.make_class("Name", [...], ...)` (attrs' own, through `import attr`, `import attrs` or
 * `from attr(s) import make_class`): a class named by its first argument, which make_class passes to
 * `types.new_class(name, bases, ...)`; only without `bases` (a base's metaclass could rename it).
 * What calling it gives is not proven (its fields could make a `__name__`).
 */
function attrsMadeClass(env: GuardEnv, text: string, index: number, name: string, file: string): Found | undefined {
  const m = new RegExp(`^${escapeRe(name)}[ \\t]*=[ \\t]*(?:(attrs?)\\.)?make_class\\(\\s*(["'])(\\w+)\\2\\s*,([^()]*)\\)`).exec(text.slice(index));
  if (!m) return undefined;
  const [, prefix, , className, rest] = m;
  const others = topLevelParts(rest).slice(1);
  if (others.some((part) => !/^\w+\s*=/.test(part) || /^(bases|class_body)\s*=/.test(part))) return undefined;
  if (prefix) {
    if (bindingOf(text, prefix) !== null || !new RegExp(`^import[ \\t]+${prefix}[ \\t]*(?:#[^\\n]*)?$`, 'm').test(text)) return undefined;
  } else {
    const imported = bindingOf(text, 'make_class');
    const from = imported?.kind === 'import' ? importedAt(text, imported.index, 'make_class') : null;
    if (!from || (from.module !== 'attr' && from.module !== 'attrs') || from.attr !== 'make_class') return undefined;
  }
  // attrs' make_class, as installed (or as the project itself, in attrs' own checkout)
  const made = env.locate?.('attr._make', file);
  if (!made || !/^def make_class\(\s*name,/m.test(made.text) || !/types\.new_class\(name, bases\b/.test(made.text)) return undefined;
  return { kind: 'class', name: className, file, text, start: -1, opaqueInstances: true };
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
    if (!target) return undefined;
    // `import pkg.sub` then `pkg.sub.Name`: a submodule the package's __init__ does not bind
    if (rest.length > 1 && target.package && bindingOf(target.text, rest[0]) === null) {
      // only where the importing module imports that submodule itself (else the attribute may be missing)
      const importing = env.locate?.(null, fromFile);
      const sub0 = escapeRe(`${module}.${rest[0]}`);
      if (!importing || !new RegExp(`^import[ \\t]+${sub0}[ \\t]*$|^from[ \\t]+${sub0}[ \\t.]`, 'm').test(importing.text)) return undefined;
      const sub = env.locate?.(`${module}.${rest[0]}`, fromFile);
      return sub ? lookup(env, sub.file, sub.text, null, rest.slice(1), depth + 1) : undefined;
    }
    return lookup(env, target.file, target.text, null, rest, depth + 1);
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

/**
 * `obj.attr` where the module binds `obj = Class(...)` once, Class has no base and nothing that
 * changes attribute lookup, its body binds `attr` once, by a `def` (maybe a `@staticmethod` or
 * `@classmethod`), and neither module assigns an attribute of that name: a bound method (or the
 * function), whose `__name__` is the def's (loguru's `logger.add`).
 */
function boundMethod(env: GuardEnv, file: string, text: string, index: number, name: string, attr: string, depth: number): Found | undefined {
  const made = new RegExp(`^${escapeRe(name)}[ \\t]*=[ \\t]*([A-Za-z_][\\w.]*)\\(`).exec(text.slice(index));
  // `x.attr = ...`, `x.attr += ...`, `x.attr, y = ...`
  const assigned = new RegExp(`\\.${escapeRe(attr)}[ \\t]*(?:[-+*/|&]?=(?!=)|,[^\\n=]*=(?!=))`);
  if (!made || assigned.test(text)) return undefined;
  const cls = lookup(env, file, text, null, made[1].split('.'), depth + 1);
  if (cls?.kind !== 'class' || cls.start < 0 || assigned.test(cls.text)) return undefined;
  const members = classTopLines(cls.text, cls.start);
  if (!members) return undefined;
  const a = escapeRe(attr);
  const def = new RegExp(`^(?:async[ \\t]+)?def[ \\t]+${a}[ \\t]*\\(`);
  const otherBinding = new RegExp(`^(?:class[ \\t]+${a}\\b|(?:from|import|for|with|del)\\b[^\\n]*\\b${a}\\b|[\\w, \\t]*\\b${a}[ \\t]*(?:,|:|[-+*/|&]?=(?!=)))`);
  const defs = members.flatMap((line, i) => (def.test(line) ? [i] : []));
  if (defs.length !== 1 || members.some((line) => otherBinding.test(line))) return undefined;
  // its decorators (comments between them read past)
  for (let i = defs[0] - 1; i >= 0 && /^[@#]/.test(members[i]); i--) if (!/^(#.*|@(staticmethod|classmethod)[ \t]*(#.*)?)$/.test(members[i])) return undefined;
  return { kind: 'function', name: attr };
}

/** classTopLines' answers per class (text and start): a class is asked for each of its attributes. */
const topLines = new Map<string, Map<number, string[] | null>>();

/**
 * The statements' first lines at a class body's own indentation (indentation removed), for a class
 * with no base (or `object`) and nothing that changes attribute lookup; null otherwise.
 */
function classTopLines(text: string, start: number): string[] | null {
  let perText = topLines.get(text);
  if (!perText) {
    if (topLines.size >= MAX_MEMO_TEXTS) topLines.clear();
    perText = new Map();
    topLines.set(text, perText);
  }
  const known = perText.get(start);
  if (known !== undefined) return known;
  const parts = classParts(text, start);
  const indent = parts ? /\n([ \t]+)\S/.exec(parts.body)?.[1] : undefined;
  const plain =
    parts &&
    indent &&
    (parts.bases.length === 0 || (parts.bases.length === 1 && parts.bases[0] === 'object')) &&
    !/__getattr__|__getattribute__|__dict__|__class__|setattr\(|metaclass/.test(parts.body);
  const lines = plain
    ? parts.body.split('\n').flatMap((line) => (line.startsWith(indent) && /^\S/.test(line.slice(indent.length)) ? [line.slice(indent.length)] : []))
    : null;
  perText.set(start, lines);
  return lines;
}

/** Standard-library classmethods that return an instance of a class of PLAIN_STDLIB_CLASSES. */
const PLAIN_STDLIB_FACTORIES = new Set(['datetime.datetime.now', 'datetime.datetime.utcnow', 'datetime.date.today', 'datetime.datetime.today']);

/** Standard-library objects with no id of their own (under capture, pytest's stand-ins, nameless too). */
const PLAIN_STDLIB_OBJECTS = new Set(['sys.stdin', 'sys.stdout', 'sys.stderr', 'sys.stdout.buffer', 'sys.stderr.buffer']);

function stdlibFound(dotted: string): Found | undefined {
  if (PLAIN_STDLIB_OBJECTS.has(dotted)) return { kind: 'instance', name: dotted };
  // a constructor classmethod: its `__name__` is the method's; calling it gives a plain instance
  if (PLAIN_STDLIB_FACTORIES.has(dotted)) return { kind: 'class', name: dotted.slice(dotted.lastIndexOf('.') + 1), file: '', text: '', start: -1 };
  return PLAIN_STDLIB_CLASSES.has(dotted) ? { kind: 'class', name: dotted.slice(dotted.lastIndexOf('.') + 1), file: '', text: '', start: -1 } : undefined;
}

/** The comma-separated parts of a list, split only outside brackets (`Generic[A, B], ABC`). */
function topLevelParts(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
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
  const bases = open < 0 ? [] : topLevelParts(header.slice(open + 1, header.lastIndexOf(')')).replace(/#[^\n]*/g, ''));
  const after = text.slice(i + 1);
  const end = after.search(/\n(?=[^\s#])/);
  return { bases, body: end < 0 ? after : after.slice(0, end) };
}

/** Whether calling the class surely gives an instance without `__name__` that is no str, number, enum or pattern. */
function isPlainClass(env: GuardEnv, found: Found & { kind: 'class' }, depth: number, proven: Map<string, boolean>): boolean {
  if (found.opaqueInstances) return false;
  if (found.start < 0) return true; // a listed standard-library class or a namedtuple
  const key = `${found.file}\0${found.start}`;
  // a base reached twice (a diamond) keeps its answer; one reached while it is checked is a cycle
  const known = proven.get(key);
  if (known !== undefined) return known;
  if (depth > MAX_DEPTH) return false;
  proven.set(key, false);
  const parts = classParts(found.text, found.start);
  if (!parts || NAME_GIVING.test(parts.body)) return false;
  const plain = parts.bases.every((written) => {
    if (written.includes('=') || written.startsWith('*')) return false; // metaclass=, **kwargs
    // `Base[T]` (a generic alias) subclasses Base itself (its __mro_entries__)
    const base = written.replace(/\s*\[[\s\S]*\]$/, '');
    if (PLAIN_BUILTIN_CLASSES.has(base) && bindingOf(found.text, base) === null) return true;
    if (!/^[A-Za-z_][\w.]*$/.test(base)) return false;
    const baseFound = lookup(env, found.file, found.text, null, base.split('.'), depth + 1);
    return baseFound?.kind === 'class' && isPlainClass(env, baseFound, depth + 1, proven);
  });
  proven.set(key, plain);
  return plain;
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
      if (!DOTTED_NAME.test(value.source)) {
        const own = scope.env.locate?.(null);
        const nameValue = (name: string) => (own && scope.imports[name] === undefined ? guardedConstant(scope.env, own.text, name) : undefined);
        return (
          attributeComprehension(value.source, scope) ?? importedExpression(value.source, scope) ?? stringExpression(value.source, scope, nameValue) ?? value
        );
      }
      const nameOf = nameAttribute(value.source, scope);
      if (nameOf !== undefined) return nameOf;
      const imported = importedList(value.source, scope);
      if (imported) return imported;
      const found = resolveName(value.source, scope);
      if (found?.kind === 'instance') return { py: 'object', repr: found.name };
      if (found?.kind === 'value') return found.value;
      if (found?.kind === 'enum member') return { py: 'name', name: found.name, enumMember: true };
      return found ? { py: 'name', name: found.name } : (coloramaString(value.source, scope) ?? value);
    }
    case 'object': {
      // `list(NAME)`, `tuple(NAME.keys())` of an unknown name read as a new container: of an imported constant, its items
      const m = /^(list|tuple)\(\s*([A-Za-z_]\w*)(?:\s*\.\s*(keys|values|items)\(\s*\))?\s*\)$/.exec(value.repr);
      const arg: PyValue | undefined = m ? (m[3] ? { py: 'call', func: `${m[2]}.${m[3]}`, args: [], kwargs: {} } : { py: 'expr', source: m[2] }) : undefined;
      return (m && arg && importedView({ py: 'call', func: m[1], args: [arg], kwargs: {} }, scope)) ?? value;
    }
    case 'call': {
      if (value.func === 'param' || value.func.endsWith('.param')) {
        return { ...value, args: value.args.map((v) => resolveValue(v, scope)) };
      }
      const viewed = importedView(value, scope);
      if (viewed) return viewed;
      const found = resolveName(value.func, scope);
      if (found?.kind === 'class' && isPlainClass(scope.env, found, 0, new Map())) return { py: 'object', repr: `${value.func}(...)` };
      return (found?.kind === 'function' && projectFunctionInstance(value, scope)) || value;
    }
    case 'name': {
      // a lambda calling `getattr`: the builtin, when the module binds no other (anywhere: the lambda runs after the import)
      const own = value.lambda !== undefined && /\bgetattr\b/.test(value.lambda) ? scope.env.locate?.(null) : undefined;
      return own && bindingOf(own.text, 'getattr') === null ? { ...value, unshadowed: true } : value;
    }
    default:
      return value;
  }
}

// ---- `[item.attr for item in module.LIST]`, LIST a list of instances built in another module ----

/** Trees of helper modules, parsed once per text while items are built. */
const trees = new Map<string, Tree | null>();

function treeOf(text: string): Tree | null {
  if (trees.has(text)) return trees.get(text)!;
  if (trees.size >= MAX_MEMO_TEXTS) trees.clear();
  const parser = readyPythonParser();
  const tree = parser ? parser.parse(text) : null;
  const usable = tree && !tree.rootNode.hasError ? tree : null;
  trees.set(text, usable);
  return usable;
}

function named(node: Node | null | undefined): Node[] {
  return (node?.namedChildren ?? []).filter((c): c is Node => c !== null && c.type !== 'comment');
}

const COMPREHENSION_OF_ATTRIBUTE = /^\[\s*([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s+for\s+\1\s+in\s+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.([A-Za-z_]\w*)\s*\]$/;

/**
 * `[item.name for item in mod.LIST]` where `mod` is an imported module whose LIST is a module-level
 * list literal of calls of classes whose `__init__` stores a positional argument as `self.name`,
 * extended only by `+=`/`.extend`/`.append` of lists under conditions the interpreter decides:
 * the list of those arguments. Anything else: null (the item stays dynamic).
 */
function attributeComprehension(source: string, scope: ValueScope): PyValue | null {
  const m = COMPREHENSION_OF_ATTRIBUTE.exec(source);
  if (!m) return null;
  const [, , attr, head, listName] = m;
  const [first, ...submodules] = head.split('.');
  const bound = scope.imports[first];
  if (bound === undefined) return null;
  const own = scope.env.locate?.(null);
  // the importing module must not change the list either (`mod.LIST.append(...)`, `mod.LIST += ...`)
  if (!own || new RegExp(`\\.${escapeRe(listName)}\\s*(\\.\\s*\\w+\\s*\\(|\\+=|\\[[^\\]]*\\]\\s*=(?!=))`).test(own.text)) return null;
  const module = [bound.replace(':', '.'), ...submodules].join('.');
  if (module.startsWith('.') || STDLIB_MODULES.has(module.split('.')[0])) return null;
  const target = scope.env.locate?.(module, own.file);
  if (!target) return null;
  const elements = moduleList(scope.env, target.text, listName);
  if (!elements) return null;
  const values: PyValue[] = [];
  for (const element of elements) {
    if (element === null || typeof element !== 'object' || element.py !== 'call' || Object.keys(element.kwargs).length > 0) return null;
    const found = DOTTED_NAME.test(element.func) ? lookup(scope.env, target.file, target.text, null, element.func.split('.'), 0) : undefined;
    if (found?.kind !== 'class' || found.start < 0) return null;
    const index = initStoresArgument(scope.env, found, attr, 0);
    if (index === undefined || index >= element.args.length) return null;
    const value = element.args[index];
    if (isDynamic(value) || (value !== null && typeof value === 'object' && value.py !== 'int' && value.py !== 'float' && value.py !== 'bytes')) return null;
    values.push(value);
  }
  return { py: 'list', items: values };
}

/** A value made of literals only (no name, call or mark anywhere in it). */
function plainLiteral(value: PyValue): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (value.py === 'tuple' || value.py === 'list') return value.items.every(plainLiteral);
  return value.py === 'int' || value.py === 'float' || value.py === 'bytes' || value.py === 'complex';
}

/**
 * `NAME` bound by `from mod import NAME` (a project module, maybe relative), where `mod` binds NAME
 * once at its top level to a list literal of literals, extended only as moduleList allows, or to
 * an expression moduleConstant can read (a comprehension over a dict imported there from another
 * project module, as structlog's `[m for m in NAME_TO_LEVEL if m != "notset"]`), and the importing
 * module does not change it: that list. Null otherwise (the item stays dynamic).
 */
function importedList(name: string, scope: ValueScope): PyValue | null {
  const bound = importedBinding(name, scope);
  if (!bound) return null;
  const { target, attr, binding } = bound;
  let perText = importedLists.get(target.text);
  if (!perText) {
    if (importedLists.size >= MAX_MEMO_TEXTS) importedLists.clear();
    perText = new Map();
    importedLists.set(target.text, perText);
  }
  if (!perText.has(attr)) {
    // a list display (`NAME = [` or `NAME: list[str] = [`), maybe extended; else a constant expression
    const display = binding.kind === 'other' && new RegExp(`^${escapeRe(attr)}[ \\t]*(?::[^=\\n]*)?=[ \\t]*\\[`).test(target.text.slice(binding.index));
    const items =
      (display ? moduleList(scope.env, target.text, attr) : undefined) ?? sequenceItems(moduleConstant(scope.env, target.file, target.text, attr, 0));
    perText.set(attr, items && items.every(plainLiteral) ? { py: 'list', items } : null);
  }
  return perText.get(attr)!;
}

/**
 * `NAME` bound by `from mod import NAME` (a project module, maybe relative, of at most
 * MAX_LIST_MODULE), which the importing module does not change, and which `mod` binds itself (a
 * package's attribute in its __init__, not a submodule of that name): where.
 */
function importedBinding(
  name: string,
  scope: ValueScope,
): { target: { file: string; text: string }; attr: string; binding: { kind: 'class' | 'def' | 'import' | 'other'; index: number } } | null {
  const bound = scope.imports[name];
  const colon = bound?.indexOf(':') ?? -1;
  if (bound === undefined || colon < 0) return null;
  const module = bound.slice(0, colon);
  const attr = bound.slice(colon + 1);
  if (STDLIB_MODULES.has(module.split('.')[0])) return null;
  const own = scope.env.locate?.(null);
  if (!own || new RegExp(`\\b${escapeRe(name)}\\s*(\\.\\s*\\w+\\s*\\(|\\+=|\\[[^\\]]*\\]\\s*=(?!=))`).test(own.text.replace(readingCalls(name), '')))
    return null;
  const target = scope.env.locate?.(module, own.file);
  // a large module is not parsed on the main thread for this (packaging's 51 KB test_version.py: 60 ms)
  if (!target || target.text.length > MAX_LIST_MODULE) return null;
  const binding = bindingOf(target.text, attr);
  if (binding?.kind !== 'other' && binding?.kind !== 'import') return null;
  return { target, attr, binding };
}

/** `NAME.keys()` and the other READING_METHODS called with no argument: reads, not changes. */
function readingCalls(name: string): RegExp {
  return new RegExp(`\\b${escapeRe(name)}\\s*\\.\\s*(${[...READING_METHODS].join('|')})\\s*\\(\\s*\\)`, 'g');
}

/** An imported project module's constant (moduleConstant), by the name the module binds it to. */
function importedConstant(name: string, scope: ValueScope): PyValue | null {
  const bound = importedBinding(name, scope);
  return bound ? moduleConstant(scope.env, bound.target.file, bound.target.text, bound.attr, 0) : null;
}

/**
 * Calls over an imported constant: `NAME.keys()`, `.values()`, `.items()` of a dict, and `list(...)`
 * or `tuple(...)` of such a view or of an imported list, tuple or dict (its keys), where the module
 * does not bind `list`/`tuple` itself: the sequence they give. Null otherwise.
 */
function importedView(value: PyValue, scope: ValueScope): PyValue | null {
  if (value === null || typeof value !== 'object' || value.py !== 'call' || Object.keys(value.kwargs).length > 0) return null;
  const view = /^([A-Za-z_]\w*)\.(keys|values|items)$/.exec(value.func);
  if (view) {
    const dict = value.args.length === 0 ? importedConstant(view[1], scope) : null;
    if (dict === null || typeof dict !== 'object' || dict.py !== 'dict' || !dict.keys || !dict.values) return null;
    const { keys, values } = dict;
    const items = view[2] === 'keys' ? keys : view[2] === 'values' ? values : keys.map((key, i): PyValue => ({ py: 'tuple', items: [key, values[i]] }));
    return items.every(plainLiteral) ? { py: 'list', items } : null;
  }
  if ((value.func !== 'list' && value.func !== 'tuple') || value.args.length !== 1 || scope.imports[value.func] !== undefined) return null;
  const own = scope.env.locate?.(null);
  if (!own || bindingOf(own.text, value.func) !== null) return null;
  const [arg] = value.args;
  const inner =
    arg !== null && typeof arg === 'object' && arg.py === 'expr' && /^[A-Za-z_]\w*$/.test(arg.source)
      ? importedConstant(arg.source, scope)
      : importedView(arg, scope);
  if (inner === null || typeof inner !== 'object') return null;
  const items = inner.py === 'list' || inner.py === 'tuple' ? inner.items : inner.py === 'dict' ? inner.keys : undefined;
  return items && items.every(plainLiteral) ? { py: value.func === 'tuple' ? 'tuple' : 'list', items } : null;
}

function sequenceItems(value: PyValue | null): PyValue[] | undefined {
  return value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple') ? value.items : undefined;
}

/** The largest module importedList parses for a list (helper modules of constants are small). */
const MAX_LIST_MODULE = 32 * 1024;

/** importedList's answers per module text and name (a list is often read by many tests). */
const importedLists = new Map<string, Map<string, PyValue | null>>();

/** moduleConstant's answers per module text and name (null while one is being read: a cycle). */
const moduleConstants = new Map<string, Map<string, PyValue | null>>();

/** Data with no name, call, object or unknown part: str, numbers, bytes, None, bools, lists, tuples, dicts of them. */
function dataOnly(value: PyValue): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (value.py === 'tuple' || value.py === 'list') return value.items.every(dataOnly);
  if (value.py === 'dict') return value.keys !== undefined && value.values !== undefined && value.values.every(dataOnly);
  return value.py === 'int' || value.py === 'float' || value.py === 'bytes' || value.py === 'complex';
}

/**
 * The value the project module `text` (at `file`) gives its top-level `name` at import, read without
 * running it: `name` is bound there once, unconditionally at the top level, by `name = EXPR` or by
 * `from M import name` (M a project module, followed the same way), and every other mention of it
 * in the module only reads it; EXPR is made of literals (lists, tuples, dicts, comprehensions, the
 * builtins pyliteral evaluates) and of names bound the same way before it. Null otherwise.
 */
function moduleConstant(env: GuardEnv, file: string, text: string, name: string, depth: number): PyValue | null {
  if (depth > MAX_DEPTH || text.length > MAX_LIST_MODULE) return null;
  let perText = moduleConstants.get(text);
  if (!perText) {
    if (moduleConstants.size >= MAX_MEMO_TEXTS) moduleConstants.clear();
    perText = new Map();
    moduleConstants.set(text, perText);
  }
  if (perText.has(name)) return perText.get(name)!;
  perText.set(name, null);
  const value = readModuleConstant(env, file, text, name, depth);
  perText.set(name, value);
  return value;
}

function readModuleConstant(env: GuardEnv, file: string, text: string, name: string, depth: number): PyValue | null {
  const binding = bindingOf(text, name);
  if (binding?.kind === 'import') {
    const from = importedAt(text, binding.index, name);
    if (!from || from.module === '__future__' || STDLIB_MODULES.has(from.module.split('.')[0])) return null;
    const target = env.locate?.(from.module, file);
    // a package's submodule of that name is a module, not a constant
    if (!target || (target.package && bindingOf(target.text, from.attr) === null)) return null;
    const value = moduleConstant(env, target.file, target.text, from.attr, depth + 1);
    return value !== null && unchangedIn(text, name, binding.index, value) ? value : null;
  }
  if (binding?.kind !== 'other') return null;
  const root = treeOf(text)?.rootNode;
  if (!root) return null;
  const statement = named(root).find((stmt) => {
    const expr = stmt.type === 'expression_statement' ? named(stmt)[0] : undefined;
    return expr?.type === 'assignment' && expr.childForFieldName('left')?.type === 'identifier' && expr.childForFieldName('left')?.text === name;
  });
  const assignment = statement ? named(statement)[0] : undefined;
  const left = assignment?.childForFieldName('left');
  const right = assignment?.childForFieldName('right');
  if (!statement || !left || !right || statement.startIndex !== binding.index) return null;
  const ctx = emptyLiteralContext();
  for (const id of right.descendantsOfType('identifier')) {
    if (!id || id.text === name || ctx.assignedNames.has(id.text) || !namesAVariable(id)) continue;
    const used = bindingOf(text, id.text);
    if (used === null) continue; // a builtin or a comprehension variable
    ctx.assignedNames.add(id.text);
    // a name bound after the statement would fail the import: left unknown
    if (used === undefined || used.index > statement.startIndex || (used.kind !== 'other' && used.kind !== 'import')) continue;
    const value = moduleConstant(env, file, text, id.text, depth + 1);
    if (value !== null) ctx.constants.set(id.text, value);
  }
  const value = readLiteral(right, ctx);
  return dataOnly(value) && unchangedIn(text, name, statement.startIndex, value) ? value : null;
}

/** Whether an identifier names a variable: not the attribute of `x.name`, not the keyword of `f(name=...)`. */
function namesAVariable(id: Node): boolean {
  const parent = id.parent;
  if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.startIndex === id.startIndex) return false;
  return !(parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.startIndex === id.startIndex);
}

/** A value no operation changes in place: str, numbers, bytes, None, bools, tuples of them. */
function immutable(value: PyValue): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (value.py === 'tuple') return value.items.every(immutable);
  return value.py === 'int' || value.py === 'float' || value.py === 'bytes' || value.py === 'complex';
}

/** Where a mention of a name binds it (or deletes it) rather than reads it. */
const BINDING_PLACES = new Set([
  'delete_statement',
  'global_statement',
  'nonlocal_statement',
  'import_statement',
  'import_from_statement',
  'as_pattern',
  'parameters',
  'lambda_parameters',
]);

/** Whether this mention of a name rebinds it: an assignment's or a loop's target, `:=`, `del`, `global`, an import, a parameter. */
function rebinds(id: Node): boolean {
  for (let node: Node = id, parent = id.parent; parent; node = parent, parent = parent.parent) {
    // a parameter's default value is read (`def f(n=NAME)`), only its name is bound
    if ((parent.type === 'default_parameter' || parent.type === 'typed_default_parameter') && parent.childForFieldName('value')?.startIndex === node.startIndex)
      return false;
    if (BINDING_PLACES.has(parent.type)) return true;
    const target =
      parent.type === 'assignment' || parent.type === 'augmented_assignment' || parent.type === 'for_statement' || parent.type === 'for_in_clause'
        ? parent.childForFieldName('left')
        : parent.type === 'named_expression'
          ? parent.childForFieldName('name')
          : null;
    if (target && target.startIndex === node.startIndex && target.endIndex === node.endIndex) return true;
    if (/statement$|definition$|^block$|^module$/.test(parent.type)) return false;
  }
  return false;
}

/**
 * Whether the module keeps `name` as bound by the statement at `boundAt`: no other mention binds
 * it again; for a mutable value (a list, a dict), every mention only reads it (onlyRead, readInPlace).
 */
function unchangedIn(text: string, name: string, boundAt: number, value: PyValue): boolean {
  const root = treeOf(text)?.rootNode;
  if (!root) return false;
  const fixed = immutable(value);
  for (const id of root.descendantsOfType('identifier')) {
    if (!id || id.text !== name || !namesAVariable(id)) continue;
    if (statementOf(id)?.startIndex === boundAt) continue;
    if (fixed ? rebinds(id) : !onlyRead(id) && !readInPlace(id) && !readByBuiltin(id, text)) return false;
  }
  return true;
}

/** Builtins that read their argument and keep no reference to it. */
const READING_BUILTINS = new Set(['list', 'tuple', 'len', 'sorted', 'set', 'frozenset', 'min', 'max', 'sum', 'any', 'all', 'enumerate', 'zip', 'reversed']);

/** `list(name)`, `len(name)`... (the builtin not bound by the module): a read. */
function readByBuiltin(id: Node, text: string): boolean {
  const call = id.parent?.type === 'argument_list' ? id.parent.parent : null;
  const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
  return fn?.type === 'identifier' && READING_BUILTINS.has(fn.text) && bindingOf(text, fn.text) === null;
}

/** The top-level statement a node is in. */
function statementOf(node: Node): Node | null {
  let current: Node | null = node;
  while (current?.parent && current.parent.type !== 'module') current = current.parent;
  return current;
}

/** Read-only methods of lists and dicts: calling one leaves the value as it is. */
const READING_METHODS = new Set(['keys', 'values', 'items', 'get', 'copy', 'index', 'count']);

/** `name[key]` read (not assigned or deleted), or `name.keys()` and the other READING_METHODS called. */
function readInPlace(id: Node): boolean {
  const parent = id.parent;
  if (!parent) return false;
  if (parent.type === 'attribute' && parent.childForFieldName('object')?.startIndex === id.startIndex) {
    const method = parent.childForFieldName('attribute')?.text ?? '';
    return READING_METHODS.has(method) && parent.parent?.type === 'call' && parent.parent.childForFieldName('function')?.startIndex === parent.startIndex;
  }
  if (parent.type !== 'subscript' || parent.childForFieldName('value')?.startIndex !== id.startIndex) return false;
  const holder = parent.parent;
  if (!holder) return false;
  if ((holder.type === 'assignment' || holder.type === 'augmented_assignment') && holder.childForFieldName('left')?.startIndex === parent.startIndex)
    return false;
  return holder.type !== 'delete_statement' && holder.type !== 'pattern_list' && holder.type !== 'expression_list';
}

/** What a module's top-level `import`s and guard-valued names mean to its conditions, statement by statement. */
function noteForGuards(stmt: Node, guards: GuardScope): void {
  if (stmt.type === 'import_statement') {
    for (const child of stmt.childrenForFieldName('name')) {
      if (!child) continue;
      const aliased = child.type === 'aliased_import';
      const dotted = aliased ? child.childForFieldName('name')?.text : child.text;
      const local = aliased ? child.childForFieldName('alias')?.text : dotted?.split('.')[0];
      if (dotted && local) guards.modules.set(local, aliased ? dotted : local);
    }
  } else if (stmt.type === 'import_from_statement') {
    const from = stmt.childForFieldName('module_name')?.text;
    for (const child of stmt.childrenForFieldName('name')) {
      if (!child || !from) continue;
      const aliased = child.type === 'aliased_import';
      const imported = aliased ? child.childForFieldName('name')?.text : child.text;
      const local = aliased ? child.childForFieldName('alias')?.text : child.text;
      if (imported && local) guards.fromImports.set(local, `${from}.${imported}`);
    }
  } else if (stmt.type === 'expression_statement') {
    const assignment = named(stmt)[0];
    const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
    const right = assignment?.childForFieldName('right');
    if (left?.type === 'identifier' && right) guards.names.set(left.text, toGuard(right, guards));
    else if (left) for (const id of left.descendantsOfType('identifier')) if (id) guards.names.delete(id.text);
  }
}

/** A top-level statement changing `name` as a list: `name += [...]`, `name.extend([...])`, `name.append(x)`; its added items. */
function listExtension(stmt: Node, name: string): PyValue[] | null | undefined {
  if (stmt.type !== 'expression_statement') return undefined;
  const expr = named(stmt)[0];
  if (!expr) return undefined;
  const ctx = emptyLiteralContext();
  if (expr.type === 'augmented_assignment' && expr.childForFieldName('left')?.text === name) {
    const right = expr.childForFieldName('right');
    const value = right && expr.childForFieldName('operator')?.text === '+=' ? readLiteral(right, ctx) : null;
    return value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple') ? value.items : null;
  }
  const fn = expr.type === 'call' ? expr.childForFieldName('function') : null;
  if (fn?.type !== 'attribute' || fn.childForFieldName('object')?.text !== name) return undefined;
  const method = fn.childForFieldName('attribute')?.text;
  const args = named(expr.childForFieldName('arguments'));
  if (args.length !== 1 || args[0].type === 'keyword_argument' || args[0].type === 'list_splat') return null;
  const value = readLiteral(args[0], ctx);
  if (method === 'append') return [value];
  if (method === 'extend') return value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple') ? value.items : null;
  return null;
}

/**
 * The final items of the module-level list `name` in `text`: bound once at the top level to a list
 * literal, then only extended at the top level or in a top-level `if`/`elif`/`else` whose condition
 * the interpreter decides; elsewhere the name (or an attribute of that name, such as an alias
 * `Cls.name = name`) is only iterated or aliased. Undefined when that can't be shown.
 */
function moduleList(env: GuardEnv, text: string, name: string): PyValue[] | undefined {
  const tree = treeOf(text);
  if (!tree) return undefined;
  const root = tree.rootNode;
  const guards = emptyGuardScope();
  let items: PyValue[] | undefined;
  const handled = new Set<number>();
  const extend = (stmt: Node, guard: GuardExpr | null): boolean => {
    const added = listExtension(stmt, name);
    if (added === undefined) return true;
    if (added === null || items === undefined) return false;
    const taken = guard === null ? true : evaluateGuard(guard, env);
    if (taken === null) return false;
    if (taken) items.push(...added);
    handled.add(named(stmt)[0].startIndex); // `name += ...` and `name.extend(...)` start with the name
    return true;
  };
  for (const stmt of named(root)) {
    if (stmt.type === 'expression_statement') {
      const expr = named(stmt)[0];
      if (expr?.type === 'assignment' && expr.childForFieldName('left')?.type === 'identifier' && expr.childForFieldName('left')?.text === name) {
        const right = expr.childForFieldName('right');
        if (items !== undefined || right?.type !== 'list') return undefined;
        const value = readLiteral(right, emptyLiteralContext());
        if (value === null || typeof value !== 'object' || value.py !== 'list') return undefined;
        items = [...value.items];
        handled.add(stmt.startIndex);
        continue;
      }
      if (!extend(stmt, null)) return undefined;
    } else if (stmt.type === 'if_statement') {
      const branches = ifBranches(stmt, guards);
      if (!branches) return undefined;
      for (const branch of branches) for (const inner of named(branch.body)) if (!extend(inner, branch.guard)) return undefined;
    }
    noteForGuards(stmt, guards);
  }
  if (items === undefined) return undefined;
  // every other mention only reads the list (or binds a class attribute of the same name)
  for (const id of root.descendantsOfType('identifier')) {
    if (id && id.text === name && !handled.has(id.startIndex) && !onlyRead(id)) return undefined;
  }
  return items;
}

/** The branches of an `if`/`elif`/`else` with the guard under which each runs (an `else` absent: none for it). */
function ifBranches(stmt: Node, guards: GuardScope): { body: Node | null; guard: GuardExpr }[] | undefined {
  const branches: { body: Node | null; guard: GuardExpr }[] = [];
  const condition = stmt.childForFieldName('condition');
  let taken = condition ? toGuard(condition, guards) : null;
  if (!taken) return undefined;
  branches.push({ body: stmt.childForFieldName('consequence'), guard: taken });
  let rest: GuardExpr = notGuard(taken);
  for (const alternative of stmt.childrenForFieldName('alternative')) {
    if (alternative?.type === 'elif_clause') {
      const c = alternative.childForFieldName('condition');
      taken = c ? toGuard(c, guards) : null;
      if (!taken) return undefined;
      branches.push({ body: alternative.childForFieldName('consequence'), guard: { k: 'and', es: [rest, taken] } });
      rest = { k: 'and', es: [rest, notGuard(taken)] };
    } else if (alternative) {
      branches.push({ body: alternative.childForFieldName('body'), guard: rest });
    }
  }
  return branches;
}

/** Node types where an identifier is bound (as the left side, target or name). */
const BINDING_PARENTS = new Set([
  'global_statement',
  'nonlocal_statement',
  'delete_statement',
  'as_pattern',
  'aliased_import',
  'dotted_name',
  'parameters',
  'default_parameter',
  'typed_parameter',
  'typed_default_parameter',
  'lambda_parameters',
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'function_definition',
  'class_definition',
]);

/**
 * A str or int bound to `name` only by one top-level `if`/`elif`/`else` whose conditions the
 * interpreter decides, each branch binding it once to a literal (loguru's `UTC_NAME` under
 * `sys.version_info`), and mentioned nowhere else but where it is read: the taken branch's value.
 */
function guardedConstant(env: GuardEnv, text: string, name: string): string | number | undefined {
  let perText = guardedConstants.get(text);
  if (!perText) {
    if (guardedConstants.size >= MAX_MEMO_TEXTS) guardedConstants.clear();
    perText = new Map();
    guardedConstants.set(text, perText);
  }
  if (!perText.has(name)) perText.set(name, readGuardedConstant(env, text, name));
  return perText.get(name);
}

/** guardedConstant's answers per module text and name (one interpreter per discovery). */
const guardedConstants = new Map<string, Map<string, string | number | undefined>>();

function readGuardedConstant(env: GuardEnv, text: string, name: string): string | number | undefined {
  const tree = treeOf(text);
  if (!tree) return undefined;
  const guards = emptyGuardScope();
  const assignments = new Set<number>();
  let value: string | number | undefined;
  let boundAt = 0;
  for (const stmt of named(tree.rootNode)) {
    if (stmt.type === 'if_statement' && new RegExp(`^\\s*${escapeRe(name)}\\s*=[^=]`, 'm').test(stmt.text)) {
      const branches = value === undefined && assignments.size === 0 ? ifBranches(stmt, guards) : undefined;
      if (!branches) return undefined;
      let chosen: PyValue | undefined;
      for (const branch of branches) {
        const body = named(branch.body);
        const assignment = body.length === 1 && body[0].type === 'expression_statement' ? named(body[0])[0] : undefined;
        const right = assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === name ? assignment.childForFieldName('right') : null;
        if (!assignment || !right) return undefined;
        assignments.add(assignment.startIndex);
        const taken = evaluateGuard(branch.guard, env);
        if (taken === null) return undefined;
        if (taken && chosen === undefined) chosen = readLiteral(right, emptyLiteralContext());
      }
      if (typeof chosen !== 'string' && !(typeof chosen === 'number' && Number.isSafeInteger(chosen))) return undefined;
      value = chosen;
      boundAt = stmt.endIndex;
    }
    noteForGuards(stmt, guards);
  }
  if (value === undefined) return undefined;
  // bound nowhere else (the branches' own assignments start with the name), read only after the `if`
  for (const id of tree.rootNode.descendantsOfType('identifier')) {
    if (!id || id.text !== name || assignments.has(id.startIndex)) continue;
    const p = id.parent;
    if (!p || id.startIndex < boundAt) return undefined;
    const left = p.type === 'named_expression' ? p.childForFieldName('name') : p.childForFieldName('left');
    const binds = ['assignment', 'augmented_assignment', 'for_statement', 'for_in_clause', 'named_expression'].includes(p.type)
      ? left?.startIndex === id.startIndex
      : BINDING_PARENTS.has(p.type);
    if (binds) return undefined;
  }
  // nor through the module's namespace (`globals()[...] = `, `setattr(sys.modules[__name__], ...)`)
  return /\bglobals\(\)|\bvars\(\)|sys\.modules\[__name__\]/.test(text) ? undefined : value;
}

/** Whether this mention of `name` (or of `x.name`) leaves the list as it is. */
function onlyRead(id: Node): boolean {
  const parent = id.parent;
  if (!parent) return false;
  let node: Node = id;
  if (parent.type === 'attribute' && parent.childForFieldName('attribute')?.startIndex === id.startIndex) node = parent;
  else if (parent.type === 'attribute') return false; // `name.method(...)`
  const holder = node.parent;
  if (!holder) return false;
  if ((holder.type === 'for_in_clause' || holder.type === 'for_statement') && holder.childForFieldName('right')?.startIndex === node.startIndex) return true;
  if (holder.type === 'assignment') {
    const left = holder.childForFieldName('left');
    const right = holder.childForFieldName('right');
    // an alias (`Cls.name = name`), or a class attribute of the same name in a class body
    if (right?.startIndex === node.startIndex && right.type === 'identifier') return left?.type === 'attribute' || left?.type === 'identifier';
    if (left?.startIndex === node.startIndex) {
      if (node.type === 'attribute') return true; // rebinds an attribute; the list is untouched
      return holder.parent?.parent?.parent?.type === 'class_definition';
    }
  }
  return false;
}

/** Class-body code that could make `self.attr` something other than what `__init__` stored. */
const ATTRIBUTE_CHANGING = /__setattr__|__getattribute__|__new__|metaclass|__dict__|__set_name__|__init_subclass__/;

/**
 * The index of the positional argument (after `self`) that calling the class stores as `self.attr`
 * and that nothing else in the class chain changes: its `__init__` assigns it directly, or passes
 * it on to its single base's `__init__` (`super().__init__(name)`, `Base.__init__(self, name)`).
 */
function initStoresArgument(env: GuardEnv, found: Found & { kind: 'class' }, attr: string, depth: number): number | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const tree = treeOf(found.text);
  const cls = tree?.rootNode
    .descendantsOfType('class_definition')
    .find((c) => c?.startIndex === found.start + (/^[ \t]*/.exec(found.text.slice(found.start))?.[0].length ?? 0));
  const body = cls?.childForFieldName('body');
  if (!cls || !body) return undefined;
  const bodyText = body.text;
  if (ATTRIBUTE_CHANGING.test(bodyText)) return undefined;
  const a = escapeRe(attr);
  // no property, method or class attribute of that name, no `setattr(self, ...)` outside __getattr__
  if (new RegExp(`\\bdef\\s+${a}\\b|^\\s*${a}\\s*[:=]`, 'm').test(bodyText)) return undefined;
  const withoutGetattr = named(body)
    .filter((m) => !(m.type === 'function_definition' && m.childForFieldName('name')?.text === '__getattr__'))
    .map((m) => m.text)
    .join('\n');
  if (/setattr\(\s*self\b/.test(withoutGetattr)) return undefined;
  const stores = withoutGetattr.match(new RegExp(`\\bself\\.${a}\\s*(=(?!=)|\\+=|:)`, 'g'))?.length ?? 0;
  const init = named(body).find((m) => m.type === 'function_definition' && m.childForFieldName('name')?.text === '__init__');
  const bases = named(cls.childForFieldName('superclasses'));
  if (!init) return stores === 0 && bases.length === 1 ? baseStores(env, found, bases[0].text, attr, depth) : undefined;
  if (stores > 1) return undefined;
  const params = named(init.childForFieldName('parameters')).map((p) =>
    p.type === 'identifier'
      ? p.text
      : p.type === 'default_parameter' || p.type === 'typed_parameter' || p.type === 'typed_default_parameter'
        ? (p.childForFieldName('name')?.text ?? p.namedChildren[0]?.text ?? '')
        : '',
  );
  if (params[0] !== 'self') return undefined;
  const initBody = init.childForFieldName('body');
  const reassigned = new Set(
    (initBody?.descendantsOfType(['assignment', 'augmented_assignment']) ?? [])
      .map((n) => n?.childForFieldName('left'))
      .filter((l) => l?.type === 'identifier')
      .map((l) => l!.text),
  );
  const positional = (argument: Node | undefined): number | undefined => {
    if (argument?.type !== 'identifier' || reassigned.has(argument.text)) return undefined;
    const index = params.indexOf(argument.text);
    return index > 0 && params.slice(1, index).every((p) => p !== '') ? index - 1 : undefined;
  };
  for (const stmt of named(initBody)) {
    const expr = stmt.type === 'expression_statement' ? named(stmt)[0] : undefined;
    if (!expr) continue;
    if (stores === 1 && expr.type === 'assignment' && expr.childForFieldName('left')?.text === `self.${attr}`) {
      return positional(expr.childForFieldName('right') ?? undefined);
    }
    if (stores === 0 && expr.type === 'call' && bases.length === 1) {
      const fn = expr.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
      const args = named(expr.childForFieldName('arguments'));
      const viaSuper = /^super\((\w+,self)?\)\.__init__$/.test(fn);
      const viaBase = fn === `${bases[0].text}.__init__` && args[0]?.text === 'self';
      if (!viaSuper && !viaBase) continue;
      const inBase = baseStores(env, found, bases[0].text, attr, depth);
      return inBase === undefined ? undefined : positional(args[inBase + (viaBase ? 1 : 0)]);
    }
  }
  return undefined;
}

function baseStores(env: GuardEnv, found: Found & { kind: 'class' }, base: string, attr: string, depth: number): number | undefined {
  if (!DOTTED_NAME.test(base)) return undefined;
  const baseFound = lookup(env, found.file, found.text, null, base.split('.'), depth + 1);
  return baseFound?.kind === 'class' && baseFound.start >= 0 ? initStoresArgument(env, baseFound, attr, depth + 1) : undefined;
}

// ---- Values made by calls the module's import makes: classes attrs' `cmp_using` and `make_class`
// ---- name (directly or through a small project function), instances a small project function returns.

/** The largest module whose tree is read to follow a call into a function of it. */
const MAX_FUNCTION_MODULE = 64 * 1024;

/** Names attrs binds to its class decorators (`@attrs(...)`, `@define`): they return a class of the same name. */
const ATTRS_CLASS_DECORATORS = new Set(['attrs', 's', 'attributes', 'define', 'frozen', 'mutable']);

/** Whether `module` (as written in `file`'s import) is attrs' own: `attr`, `attrs`, `attr._make`, or `._make` inside the attr package. */
function isAttrsModule(module: string, file: string): boolean {
  if (module === 'attr' || module === 'attrs' || module === 'attr._make') return true;
  return (module === '._make' || module === '.') && /[\\/]attr[\\/][^\\/]+\.py$/.test(file);
}

/** `@attrs(...)`, `@define` and the other attrs class decorators, bound by an import of attrs' own in `text`. */
function attrsClassDecorator(line: string, text: string, file: string): boolean {
  const m = /^@\s*([A-Za-z_]\w*)\s*(?:\(|$|#)/.exec(line.trim());
  if (!m || !ATTRS_CLASS_DECORATORS.has(m[1])) return false;
  const binding = bindingOf(text, m[1]);
  const from = binding?.kind === 'import' ? importedAt(text, binding.index, m[1]) : null;
  return from !== null && ATTRS_CLASS_DECORATORS.has(from.attr) && isAttrsModule(from.module, file);
}

/** The top-level statement `name = call(...)` at `index` of a module: the call node. */
function assignedCall(text: string, index: number, name: string): Node | null {
  if (text.length > MAX_FUNCTION_MODULE) return null;
  const root = treeOf(text)?.rootNode;
  const stmt = root ? named(root).find((s) => s.startIndex === index) : undefined;
  const expr = stmt?.type === 'expression_statement' ? named(stmt)[0] : undefined;
  if (expr?.type !== 'assignment' || expr.childForFieldName('left')?.text !== name) return null;
  const right = expr.childForFieldName('right');
  return right?.type === 'call' ? right : null;
}

/** A call's arguments: positional and keyword nodes; null with `*args` or `**kwargs`. */
function callArguments(call: Node): { positional: Node[]; keywords: Map<string, Node> } | null {
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  for (const arg of named(call.childForFieldName('arguments'))) {
    if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') return null;
    if (arg.type === 'keyword_argument') {
      const key = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (!key || !value || keywords.has(key)) return null;
      keywords.set(key, value);
    } else {
      if (keywords.size > 0) return null;
      positional.push(arg);
    }
  }
  return { positional, keywords };
}

/** Whether the callee as written in `text` (at `file`) is attrs' `make_class` (or `cmp_using`), as the interpreter would import it. */
function isAttrsFunction(env: GuardEnv, text: string, file: string, callee: string, fn: 'make_class' | 'cmp_using'): boolean {
  const dotted = /^(attrs?)\.(\w+)$/.exec(callee);
  if (dotted) {
    if (dotted[2] !== fn || bindingOf(text, dotted[1]) !== null || !new RegExp(`^import[ \\t]+${dotted[1]}[ \\t]*(?:#[^\\n]*)?$`, 'm').test(text)) return false;
  } else {
    const binding = bindingOf(text, callee);
    const from = binding?.kind === 'import' ? importedAt(text, binding.index, callee) : null;
    if (
      !from ||
      from.attr !== fn ||
      !(isAttrsModule(from.module, file) || from.module === 'attr._cmp' || (from.module === '._cmp' && isAttrsModule('.', file)))
    )
      return false;
  }
  // attrs' own, as installed (or as the project itself, in attrs' own checkout)
  if (fn === 'make_class') {
    const made = env.locate?.('attr._make', file);
    return made !== undefined && /^def make_class\(\s*name,/m.test(made.text) && /types\.new_class\(name, bases\b/.test(made.text);
  }
  const cmp = env.locate?.('attr._cmp', file);
  return cmp !== undefined && /^def cmp_using\(/m.test(cmp.text) && /types\.new_class\(\s*class_name, \(object,\)/.test(cmp.text);
}

/**
 * `Name = cmp_using(..., class_name="Name")` (attrs' own): a class named by `class_name` (default
 * "Comparable"), which cmp_using passes to `types.new_class(class_name, (object,), ...)`.
 */
function cmpUsingClass(env: GuardEnv, text: string, index: number, name: string, file: string): Found | undefined {
  const head = new RegExp(`^${escapeRe(name)}[ \\t]*=[ \\t]*((?:attrs?\\.)?cmp_using)\\(`).exec(text.slice(index));
  if (!head) return undefined;
  const call = assignedCall(text, index, name);
  const args = call ? callArguments(call) : null;
  // cmp_using(eq, lt, le, gt, ge, require_same_type, class_name)
  if (!args || args.positional.length > 6 || !isAttrsFunction(env, text, file, head[1], 'cmp_using')) return undefined;
  const given = args.keywords.get('class_name');
  const className = given ? readLiteral(given, emptyLiteralContext()) : 'Comparable';
  if (typeof className !== 'string') return undefined;
  return { kind: 'class', name: className, file, text, start: -1, opaqueInstances: true };
}

interface FunctionAt {
  file: string;
  text: string;
  node: Node;
}

/** The undecorated top-level `def name` the module binds `name` to (itself, or through `from M import name` of project modules). */
function projectFunction(env: GuardEnv, file: string, text: string, name: string, depth: number): FunctionAt | undefined {
  if (depth > MAX_DEPTH || text.length > MAX_FUNCTION_MODULE) return undefined;
  const binding = bindingOf(text, name);
  if (binding?.kind === 'import') {
    const from = importedAt(text, binding.index, name);
    if (!from || (STDLIB_MODULES.has(from.module.split('.')[0]) && !from.module.startsWith('.'))) return undefined;
    const target = env.locate?.(from.module, file);
    if (!target || (target.package && bindingOf(target.text, from.attr) === null)) return undefined;
    return projectFunction(env, target.file, target.text, from.attr, depth + 1);
  }
  if (binding?.kind !== 'def' || /^async\b/.test(text.slice(binding.index))) return undefined;
  const before = text.slice(0, binding.index).split('\n');
  before.pop();
  if (before.length > 0 && before[before.length - 1].startsWith('@')) return undefined;
  const root = treeOf(text)?.rootNode;
  const node = root ? named(root).find((s) => s.startIndex === binding.index && s.type === 'function_definition') : undefined;
  return node ? { file, text, node } : undefined;
}

/** EXPR of a function whose body is a docstring at most and `return EXPR`. */
function returnedExpression(fn: Node): Node | undefined {
  const body = named(fn.childForFieldName('body'));
  const statements = body.length > 0 && body[0].type === 'expression_statement' && named(body[0])[0]?.type === 'string' ? body.slice(1) : body;
  return statements.length === 1 && statements[0].type === 'return_statement' ? named(statements[0])[0] : undefined;
}

/**
 * A function whose body is a docstring at most and `return EXPR`, called with arguments that bind
 * its plain parameters (no `*args`, `**kwargs`, keyword-only or positional-only ones) as Python
 * would: EXPR, and each parameter's node (the call's argument, or the default).
 */
function inlineCall(fn: Node, call: Node): { value: Node; params: Map<string, Node> } | null {
  const params: { name: string; fallback: Node | null }[] = [];
  for (const p of named(fn.childForFieldName('parameters'))) {
    if (p.type === 'identifier') params.push({ name: p.text, fallback: null });
    else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const pname = p.childForFieldName('name')?.text;
      const fallback = p.childForFieldName('value');
      if (!pname || !fallback) return null;
      params.push({ name: pname, fallback });
    } else if (p.type === 'typed_parameter') {
      const inner = p.namedChildren.find((c) => c?.type === 'identifier');
      if (!inner) return null;
      params.push({ name: inner.text, fallback: null });
    } else return null;
  }
  const value = returnedExpression(fn);
  const args = callArguments(call);
  if (!value || !args || args.positional.length > params.length) return null;
  const bound = new Map<string, Node>();
  args.positional.forEach((arg, i) => bound.set(params[i].name, arg));
  for (const [key, arg] of args.keywords) {
    if (bound.has(key) || !params.some((p) => p.name === key)) return null;
    bound.set(key, arg);
  }
  for (const p of params) {
    if (bound.has(p.name)) continue;
    if (p.fallback === null) return null;
    bound.set(p.name, p.fallback);
  }
  return { value, params: bound };
}

/**
 * `Name = f(...)` where `f` is a small project function returning `make_class(param, ...)` (attrs'
 * own, with no `bases=`, as attrs' tests' `simple_class(name="EqC", ...)`): a class named by the
 * str the call gives that parameter (or its default).
 */
function projectFunctionClass(env: GuardEnv, text: string, index: number, name: string, file: string, depth: number): Found | undefined {
  const head = new RegExp(`^${escapeRe(name)}[ \\t]*=[ \\t]*([A-Za-z_]\\w*)\\(`).exec(text.slice(index));
  if (!head || head[1] === 'make_class' || head[1] === 'cmp_using') return undefined;
  const fn = projectFunction(env, file, text, head[1], depth + 1);
  // bound (defined or imported) before the call runs
  const bound = bindingOf(text, head[1]);
  if (!fn || !bound || bound.index > index || !/\bmake_class\(/.test(fn.node.text)) return undefined;
  const call = assignedCall(text, index, name);
  const inlined = call ? inlineCall(fn.node, call) : null;
  if (!inlined || inlined.value.type !== 'call') return undefined;
  const callee = inlined.value.childForFieldName('function')?.text ?? '';
  const made = callArguments(inlined.value);
  if (!made || made.positional.length < 1 || made.positional.length > 2 || made.keywords.has('bases') || made.keywords.has('class_body')) return undefined;
  if (!isAttrsFunction(env, fn.text, fn.file, callee, 'make_class')) return undefined;
  const first = made.positional[0];
  const nameNode = first.type === 'identifier' ? inlined.params.get(first.text) : first;
  const className = nameNode ? readLiteral(nameNode, emptyLiteralContext()) : null;
  if (typeof className !== 'string') return undefined;
  return { kind: 'class', name: className, file, text, start: -1, opaqueInstances: true };
}

/**
 * `f(...)` (a name the module binds) where `f` is a small project function returning `Cls(...)` of
 * a class proven plain (attrs' `instance_of(int)` returning an `_InstanceOfValidator`): an instance
 * without `__name__`. Undefined otherwise.
 */
function projectFunctionInstance(value: Extract<PyValue, { py: 'call' }>, scope: ValueScope): PyValue | undefined {
  if (!/^[A-Za-z_]\w*$/.test(value.func)) return undefined;
  const own = scope.env.locate?.(null);
  const fn = own ? projectFunction(scope.env, own.file, own.text, value.func, 0) : undefined;
  if (!fn) return undefined;
  const params = named(fn.node.childForFieldName('parameters'));
  const required = params.filter((p) => p.type === 'identifier' || p.type === 'typed_parameter').length;
  const plain = params.every((p) => ['identifier', 'typed_parameter', 'default_parameter', 'typed_default_parameter'].includes(p.type));
  if (!plain || value.args.length < required || value.args.length > params.length || Object.keys(value.kwargs).length > 0) return undefined;
  const returned = returnedExpression(fn.node);
  const callee = returned?.type === 'call' ? returned.childForFieldName('function')?.text : undefined;
  if (!callee || !DOTTED_NAME.test(callee)) return undefined;
  // the class is looked up where the function is defined; a parameter of that name would shadow it
  if (params.some((p) => p.text === callee.split('.')[0] || p.childForFieldName('name')?.text === callee.split('.')[0])) return undefined;
  const found = lookup(scope.env, fn.file, fn.text, null, callee.split('.'), 1);
  return found?.kind === 'class' && isPlainClass(scope.env, found, 1, new Map()) ? { py: 'object', repr: `${value.func}(...)` } : undefined;
}

/** `Name.__name__` of a class or function whose name is certain (an ASCII identifier): that str. */
function nameAttribute(source: string, scope: ValueScope): PyValue | undefined {
  if (!source.endsWith('.__name__')) return undefined;
  const found = resolveName(source.slice(0, -'.__name__'.length), scope);
  return (found?.kind === 'class' || found?.kind === 'function') && /^[A-Za-z_]\w*$/.test(found.name) ? found.name : undefined;
}

/**
 * An expression the parser could not read because it names what the module imports or calls: names
 * bound once by `from M import NAME` (M a project module whose NAME moduleConstant reads), `mod.NAME`
 * of an imported project module, and calls of small project functions returning data (functionData),
 * as structlog's conftest `[m for m in NAME_TO_LEVEL if m != "notset"]`, `"x" *
 * (tracebacks.LOCALS_MAX_STRING + 10)` and `[({key}, None) for key in extra_dict()]`: its value
 * when nothing in it is left unknown. Null otherwise.
 */
function importedExpression(source: string, scope: ValueScope): PyValue | null {
  const own = scope.env.locate?.(null);
  if (!own || source.length > 2048) return null;
  const root = treeOf(source)?.rootNode;
  const statement = root ? named(root) : [];
  const expr = statement.length === 1 && statement[0].type === 'expression_statement' ? named(statement[0]) : [];
  if (expr.length !== 1) return null;
  const ctx = emptyLiteralContext();
  const known = new Map<string, PyValue>();
  ctx.known = known;
  for (const id of expr[0].descendantsOfType('identifier')) {
    if (!id || ctx.constants.has(id.text) || !namesAVariable(id)) continue;
    const parent = id.parent;
    const binding = bindingOf(own.text, id.text);
    if (binding === null) continue; // a builtin or a comprehension variable
    ctx.assignedNames.add(id.text);
    // a class attribute of that name may be what a decorator in the class body reads
    if (boundInBlock(own.text, id.text)) continue;
    if (binding?.kind === 'def' && parent?.type === 'call' && parent.childForFieldName('function')?.startIndex === id.startIndex) {
      // (where the expression is first written in the module: a later copy runs later)
      const data = functionData(scope.env, own, id.text, parent, own.text.indexOf(source));
      if (data !== null) known.set(parent.text, data);
      continue;
    }
    if (binding?.kind !== 'import' || scope.imports[id.text] === undefined) continue;
    const value = importedConstant(id.text, scope);
    if (value !== null) {
      ctx.constants.set(id.text, value);
      continue;
    }
    // `mod.NAME`, mod an imported project module (`import mod`, `from pkg import mod`), the importing module not changing it
    const attr =
      parent?.type === 'attribute' && parent.childForFieldName('object')?.startIndex === id.startIndex
        ? parent.childForFieldName('attribute')?.text
        : undefined;
    const module = attr ? importedModule(id.text, scope, own.file) : undefined;
    if (!attr || !module || new RegExp(`\\b${escapeRe(id.text)}\\s*\\.\\s*${escapeRe(attr)}\\s*(=(?!=)|\\+=|\\.\\s*\\w+\\s*\\()`).test(own.text)) continue;
    const constant = moduleConstant(scope.env, module.file, module.text, attr, 0);
    if (constant !== null && immutable(constant)) known.set(parent!.text, constant);
  }
  if (ctx.constants.size === 0 && known.size === 0) return null;
  const value = readLiteral(expr[0], ctx);
  return isDynamic(value) ? null : value;
}

/**
 * `f(args)` (written at `at` in the module `own`) of a module-level undecorated `def f` before it, whose body is `return EXPR`
 * (a docstring at most), EXPR data once its parameters are bound to the call's literal arguments
 * or defaults (structlog's `extra_dict()` returning a dict display): that data, a new object at
 * each call as Python makes it. Null otherwise.
 */
function functionData(env: GuardEnv, own: { file: string; text: string }, name: string, call: Node, at: number): PyValue | null {
  const fn = projectFunction(env, own.file, own.text, name, 0);
  // defined before the call runs (else it fails: a NameError)
  if (!fn || fn.file !== own.file || at < 0 || fn.node.endIndex > at) return null;
  const inlined = inlineCall(fn.node, call);
  if (!inlined) return null;
  const ctx = emptyLiteralContext();
  ctx.locals = new Map();
  for (const [param, node] of inlined.params) {
    const value = readLiteral(node, emptyLiteralContext());
    if (!dataOnly(value)) return null;
    ctx.locals.set(param, value);
  }
  // a module-level name of the function's module shadows the builtin of that name
  for (const id of inlined.value.descendantsOfType('identifier'))
    if (id && !ctx.locals.has(id.text) && bindingOf(fn.text, id.text) !== null) ctx.assignedNames.add(id.text);
  const value = readLiteral(inlined.value, ctx);
  return isDynamic(value) ? null : value;
}

/** Whether `text` binds `name` in an indented block too (a class attribute, a function's local, an import there). */
function boundInBlock(text: string, name: string): boolean {
  const n = escapeRe(name);
  return new RegExp(
    `^[ \\t]+(?:(?:class|(?:async[ \\t]+)?def)[ \\t]+${n}\\b|${n}[ \\t]*(?::[^=\\n]*)?=(?!=)|(?:from[ \\t]+\\S+[ \\t]+)?import\\b[^\\n]*\\b${n}\\b|for[ \\t][^\\n]*\\b${n}\\b[^\\n]*\\bin\\b)`,
    'm',
  ).test(text);
}

/** The project module an imported name is bound to (`import mod`, `import a.b as mod`, `from pkg import mod` of a submodule). */
function importedModule(name: string, scope: ValueScope, fromFile: string): { file: string; text: string } | undefined {
  const bound = scope.imports[name];
  if (bound === undefined || (!bound.startsWith('.') && STDLIB_MODULES.has(bound.split(/[.:]/)[0]))) return undefined;
  const colon = bound.indexOf(':');
  if (colon < 0) return scope.env.locate?.(bound, fromFile);
  const pkgName = bound.slice(0, colon);
  const attr = bound.slice(colon + 1);
  const pkg = scope.env.locate?.(pkgName, fromFile);
  if (!pkg?.package) return undefined;
  // the package binds nothing of that name, or binds its own submodule (`from . import mod`, `from pkg import mod`)
  const binding = bindingOf(pkg.text, attr);
  const from = binding?.kind === 'import' ? importedAt(pkg.text, binding.index, attr) : null;
  if (binding !== null && !(from && from.attr === attr && (from.module === '.' || from.module === pkgName))) return undefined;
  return scope.env.locate?.(`${pkgName}.${attr}`, fromFile);
}
