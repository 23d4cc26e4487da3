// String parametrize values computed from parts the parser could not read alone: colorama's codes
// (loguru's `Fore.RED + "1" + Style.RESET_ALL`) and `%` formatting with a module's constant bound
// under a guard (loguru's `"... %s" % UTC_NAME`). colorama's `Fore`, `Back` and `Style` are instances
// whose attributes its `AnsiCodes.__init__` sets at import, with `setattr`, from the class's int
// attributes: `'\033[' + str(code) + 'm'`. That code is read, not run: the value is only given when
// the colorama the interpreter would import has these statements exactly (any other version or a
// changed copy leaves the value unknown).
import type { Node } from 'web-tree-sitter';
import type { PyValue } from '../types.js';
import { readyPythonParser } from './grammar.js';
import type { GuardEnv } from './guards.js';
import { emptyLiteralContext, readLiteral } from './pyliteral.js';

interface Scope {
  env: GuardEnv;
  /** The module's own imports: local name → `module` or `module:attribute`. */
  imports: Record<string, string>;
}

/** colorama/ansi.py's statements that make the codes, whitespace-normalized. */
const ANSI_STATEMENTS = [
  "CSI = '\\033['",
  "def code_to_chars(code): return CSI + str(code) + 'm'",
  'class AnsiCodes(object): def __init__(self): ' +
    '# the subclasses declare class attributes which are numbers. ' +
    '# Upon instantiation we define instance attributes, which are the same ' +
    '# as the class attributes but wrapped with the ANSI escape sequence ' +
    "for name in dir(self): if not name.startswith('_'): value = getattr(self, name) setattr(self, name, code_to_chars(value))",
];

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

/** Per ansi.py text: whether its codes are made as read here. */
const checkedTexts = new Map<string, boolean>();

function ansiText(scope: Scope): string | null {
  const own = scope.env.locate?.(null);
  const ansi = own ? scope.env.locate?.('colorama.ansi', own.file) : undefined;
  const init = own ? scope.env.locate?.('colorama', own.file) : undefined;
  if (!ansi || !init) return null;
  let ok = checkedTexts.get(ansi.text);
  if (ok === undefined) {
    const flat = squeeze(ansi.text);
    ok = ANSI_STATEMENTS.every((statement) => flat.includes(statement)) && !/\bsetattr\b[\s\S]*\bsetattr\b/.test(ansi.text);
    if (checkedTexts.size > 64) checkedTexts.clear();
    checkedTexts.set(ansi.text, ok);
  }
  // the package binds the instances from .ansi and nothing else of those names
  if (!ok || !/^from \.ansi import Fore, Back, Style, Cursor$/m.test(init.text) || /^\s*(Fore|Back|Style)\s*=/m.test(init.text)) return null;
  return ansi.text;
}

/** `Fore.RED`, `Back.LIGHTGREEN_EX`, `Style.RESET_ALL` (imported from colorama): its str, or null. */
export function coloramaString(dotted: string, scope: Scope): string | null {
  const parts = dotted.split('.');
  if (parts.length !== 2) return null;
  const [head, attr] = parts;
  const bound = scope.imports[head];
  const m = bound === undefined ? null : /^colorama(?:\.ansi)?:(Fore|Back|Style)$/.exec(bound);
  if (!m || attr.startsWith('_')) return null;
  const text = ansiText(scope);
  if (text === null) return null;
  // `Fore = AnsiFore()`, once; the class's `ATTR = int` at its body's indentation, once
  const instance = [...text.matchAll(new RegExp(`^${m[1]}[ \\t]*=[ \\t]*(\\w+)\\(\\)[ \\t]*$`, 'gm'))];
  if (instance.length !== 1 || new RegExp(`^${m[1]}\\b`, 'gm').exec(text.replace(instance[0][0], '')) !== null) return null;
  const cls = instance[0][1];
  const body = new RegExp(`^class ${cls}\\(AnsiCodes\\):\\n((?:[ \\t]+[^\\n]*\\n|\\n)*)`, 'm').exec(text)?.[1];
  if (!body) return null;
  const codes = [...body.matchAll(new RegExp(`^[ \\t]+${attr}[ \\t]*=[ \\t]*(\\d+)[ \\t]*$`, 'gm'))];
  if (codes.length !== 1 || new RegExp(`\\b${attr}\\b`).test(body.replace(codes[0][0], ''))) return null;
  return `\x1b[${Number(codes[0][1])}m`;
}

/** Parsed expression sources (short, and few per discovery). */
const expressions = new Map<string, Node | null>();

function expressionOf(source: string): Node | null {
  if (expressions.has(source)) return expressions.get(source)!;
  const parser = readyPythonParser();
  const tree = parser ? parser.parse(`(${source})\n`) : null;
  const statement = tree && !tree.rootNode.hasError ? tree.rootNode.namedChildren[0] : null;
  const expression = statement?.type === 'expression_statement' ? (statement.namedChildren[0] ?? null) : null;
  if (expressions.size > 4096) expressions.clear();
  expressions.set(source, expression);
  return expression;
}

/** A module-level name's value where it is certain (values.ts guardedConstant), else undefined. */
export type NameValue = (name: string) => string | number | undefined;

/**
 * `"a" + Fore.RED + "b"`, `"x %s" % NAME`: str literals, colorama codes and names of certain value
 * joined by `+` and `%` (`%s` and `%%` only); its str, or null.
 */
export function stringExpression(source: string, scope: Scope, nameValue: NameValue): PyValue | null {
  if (!/\b(Fore|Back|Style)\.|%/.test(source)) return null;
  const node = expressionOf(source);
  const value = node ? evaluate(node, scope, nameValue) : null;
  return typeof value === 'string' ? value : null;
}

function evaluate(node: Node, scope: Scope, nameValue: NameValue): string | number | null {
  switch (node.type) {
    case 'parenthesized_expression': {
      const inner = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
      return inner.length === 1 ? evaluate(inner[0], scope, nameValue) : null;
    }
    case 'binary_operator': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const op = node.childForFieldName('operator')?.text;
      if (!left || !right || (op !== '+' && op !== '%')) return null;
      const a = evaluate(left, scope, nameValue);
      if (typeof a !== 'string') return null;
      if (op === '%') return percentFormat(a, right, scope, nameValue);
      const b = evaluate(right, scope, nameValue);
      return typeof b === 'string' ? a + b : null;
    }
    case 'string':
    case 'concatenated_string':
    case 'integer': {
      const value = readLiteral(node, emptyLiteralContext());
      return typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value)) ? value : null;
    }
    case 'attribute':
      return coloramaString(node.text, scope);
    case 'identifier':
      return nameValue(node.text) ?? null;
    default:
      return null;
  }
}

/** `template % args` where the template's directives are `%s` (one per argument) and `%%`. */
function percentFormat(template: string, right: Node, scope: Scope, nameValue: NameValue): string | null {
  const parts = right.type === 'tuple' ? right.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment') : [right];
  const args: string[] = [];
  for (const part of parts) {
    const value = evaluate(part, scope, nameValue);
    if (value === null) return null;
    args.push(String(value));
  }
  let used = 0;
  let failed = false;
  const out = template.replace(/%(.?)/g, (_, directive: string) => {
    if (directive === '%') return '%';
    if (directive !== 's' || used >= args.length) failed = true;
    return args[used++] ?? '';
  });
  return failed || used !== args.length ? null : out;
}
