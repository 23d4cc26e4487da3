// `parametrize(..., ids=lambda v: ...)`: pytest calls the callable on each value and makes the id
// from what it returns (`_idval_from_value`), falling back to the value's own id when it returns
// None or a value of no supported type (IdMaker._idval_from_function). A lambda is read here when
// what it returns is certain for the value: `v.__name__` of a class, function or module;
// `getattr(v, "__name__", v)`; `v` itself; or an expression of literals and `v` that the literal
// reader computes (`"#" + v` of a str). Anything else (an unknown value, an attribute that may be
// missing, a call) leaves the ids unknown.
import type { Node } from 'web-tree-sitter';
import type { PyValue } from '../types.js';
import { readyPythonParser } from './grammar.js';
import { emptyLiteralContext, readLiteral } from './pyliteral.js';

/**
 * What the callable returns for a value: a value (null: None), or undefined when that is not certain.
 * `unshadowed`: the module binds none of the builtins the lambda calls (values.ts checks its text).
 */
export type IdFunction = (value: PyValue, unshadowed: boolean) => PyValue | undefined;

function named(node: Node | null | undefined): Node[] {
  return (node?.namedChildren ?? []).filter((c): c is Node => c !== null && c.type !== 'comment');
}

/** The `__name__` of a value that surely has one (a class, function or module; not an enum member). */
function dunderName(value: PyValue): string | undefined {
  return value !== null && typeof value === 'object' && value.py === 'name' && !value.enumMember ? value.name : undefined;
}

/** Whether a value surely has no `__name__` attribute (literals, containers, plain instances, enum members). */
function hasNoName(value: PyValue): boolean {
  if (value === null || typeof value !== 'object') return true;
  switch (value.py) {
    case 'int':
    case 'float':
    case 'bytes':
    case 'complex':
    case 'tuple':
    case 'list':
    case 'dict':
    case 'set':
    case 'object':
    case 'pattern':
      return true;
    case 'name':
      return value.enumMember === true;
    default:
      return false;
  }
}

/** A value the literal reader computes with exactly as Python does (no name, call or container). */
function isScalar(value: PyValue): boolean {
  if (value === null || typeof value !== 'object') return true;
  return value.py === 'int' || value.py === 'float' || value.py === 'bytes' || value.py === 'complex';
}

/** Lambdas read, by source (one per parametrize mark, read again for each item it expands). */
const functions = new Map<string, IdFunction | null>();

/** The lambda `source` (`lambda v: ...`) as a function of the value, or null when its shape is not read. */
export function readIdFunction(source: string): IdFunction | null {
  if (functions.has(source)) return functions.get(source)!;
  if (functions.size > 1024) functions.clear();
  const read = parseIdFunction(source);
  functions.set(source, read);
  return read;
}

function parseIdFunction(source: string): IdFunction | null {
  const parser = readyPythonParser();
  const tree = parser ? parser.parse(`(${source})\n`) : null;
  if (!tree || tree.rootNode.hasError) return null;
  const lambda = named(named(named(tree.rootNode)[0])[0])[0];
  if (lambda?.type !== 'lambda') return null;
  const params = named(lambda.childForFieldName('parameters'));
  const body = lambda.childForFieldName('body');
  if (params.length !== 1 || params[0].type !== 'identifier' || !body) return null;
  const param = params[0].text;
  if (body.type === 'identifier' && body.text === param) return (value) => value;
  if (body.type === 'attribute' && body.text.replace(/\s+/g, '') === `${param}.__name__`) return dunderName;
  if (body.type === 'call' && body.text.replace(/\s+/g, '').replace(/'/g, '"') === `getattr(${param},"__name__",${param})`)
    return (value, unshadowed) => (unshadowed ? (dunderName(value) ?? (hasNoName(value) ? value : undefined)) : undefined);
  return (value) => {
    if (!isScalar(value)) return undefined;
    const result = readLiteral(body, { ...emptyLiteralContext(), locals: new Map([[param, value]]) });
    return isScalar(result) ? result : undefined;
  };
}
