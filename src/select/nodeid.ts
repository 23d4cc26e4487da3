// Node-id arguments (`tests/`, `tests/test_a.py`, `tests/test_a.py::TestB::test_c[1]`) the way
// pytest 9 resolves them (`_pytest/main.py`: resolve_collection_argument,
// normalize_collection_arguments, Session.collect).

import path from 'node:path';
import { pathContains } from '../nodeid.js';
import type { TestItem } from '../types.js';
import { SelectionError } from './expression.js';

export interface NodeIdArg {
  /** The argument as given. */
  raw: string;
  /** rootdir-relative path with `/` separators; '' is the rootdir itself. */
  path: string;
  /** Names after the path: classes, then the function (without its parametrization). */
  parts: string[];
  /** `[...]` as given after the last part, or null. */
  parametrization: string | null;
  index: number;
}

/** Splits one argument; paths must already be relative to the rootdir (or absolute, with rootdir given). */
export function parseNodeIdArg(raw: string, index: number, rootdir?: string): NodeIdArg {
  const bracket = raw.indexOf('[');
  const base = bracket === -1 ? raw : raw.slice(0, bracket);
  const parametrization = bracket === -1 ? null : raw.slice(bracket);
  const [rawPath = '', ...parts] = base.split('::');
  if (parametrization !== null && parts.length === 0) {
    throw new SelectionError(`path cannot contain [] parametrization: ${raw}`);
  }
  return { raw, path: normalizePath(rawPath, rootdir), parts, parametrization, index };
}

function normalizePath(p: string, rootdir?: string): string {
  let rel = p.replace(/\\/g, '/');
  if (rootdir && path.isAbsolute(rel)) rel = path.relative(rootdir, rel).replace(/\\/g, '/');
  rel = path.posix.normalize(rel === '' ? '.' : rel).replace(/\/+$/, '');
  return rel === '.' ? '' : rel;
}

/** pytest's is_collection_argument_subsumed_by: `by` selects everything `arg` selects. */
function subsumedBy(arg: NodeIdArg, by: NodeIdArg): boolean {
  if (arg.path !== by.path) return by.parts.length === 0 && pathContains(by.path, arg.path);
  if (by.parts.length > arg.parts.length) return false;
  if (by.parts.some((part, i) => arg.parts[i] !== part)) return false;
  return by.parametrization === null || by.parametrization === arg.parametrization;
}

function compareArgs(a: NodeIdArg, b: NodeIdArg): number {
  const keyA = [a.path, ...a.parts];
  const keyB = [b.path, ...b.parts];
  // Paths compare component-wise in Python (Path objects), parts as a list.
  const pa = a.path.split('/');
  const pb = b.path.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  for (let i = 1; i < Math.min(keyA.length, keyB.length); i++) {
    if (keyA[i] !== keyB[i]) return keyA[i]! < keyB[i]! ? -1 : 1;
  }
  if (keyA.length !== keyB.length) return keyA.length - keyB.length;
  const ra = a.parametrization ?? '';
  const rb = b.parametrization ?? '';
  return ra === rb ? 0 : ra < rb ? -1 : 1;
}

/** Drops duplicate and overlapping arguments, keeping the wider one, in the order given. */
export function normalizeNodeIdArgs(args: NodeIdArg[]): NodeIdArg[] {
  const sorted = [...args].sort(compareArgs);
  const kept: NodeIdArg[] = [];
  let last: NodeIdArg | undefined;
  for (const arg of sorted) {
    if (!last || !subsumedBy(arg, last)) {
      kept.push(arg);
      last = arg;
    }
  }
  return kept.sort((a, b) => a.index - b.index);
}

/** Names of an item's nodes below its module: classes, then the function with its `[param]`. */
function nodeNames(item: TestItem): string[] {
  const fn = item.param !== undefined ? `${item.function}[${item.param}]` : item.function;
  return [...item.classes, fn];
}

/**
 * Whether `arg` selects `item`: `true`, `false`, or for a dynamic item named with a
 * parametrization, the full id it asks for (the item runs narrowed to that expansion).
 */
export function argSelects(arg: NodeIdArg, item: TestItem): boolean | string {
  if (arg.parts.length === 0) return pathContains(arg.path, item.file);
  if (item.file !== arg.path) return false;
  const names = nodeNames(item);
  if (arg.parts.length > names.length) return false;
  const last = arg.parts.length - 1;
  for (let i = 0; i < last; i++) if (names[i] !== arg.parts[i]) return false;
  const name = names[last]!;
  const isFunctionLevel = last === names.length - 1;
  if (arg.parametrization === null) return name.split('[')[0] === arg.parts[last];
  if (isFunctionLevel && item.dynamic && item.param === undefined) {
    return name === arg.parts[last] ? `${item.id}${arg.parametrization}` : false;
  }
  return name === arg.parts[last] + arg.parametrization;
}

/**
 * pytest's "not found" usage errors for arguments that select nothing, with the collectors it
 * names (`<Module x.py>`, `<Class C>`); absolute paths when rootdir is known.
 */
export function notFoundMessage(arg: NodeIdArg, items: TestItem[], rootdir: string | undefined, erroredFiles: ReadonlySet<string>): string | null {
  const shown = [rootdir ? path.join(rootdir, arg.path) : arg.path, ...arg.parts].join('::');
  const inFile = items.filter((item) => item.file === arg.path);
  if (arg.parts.length > 0 && inFile.length === 0 && !erroredFiles.has(arg.path)) {
    if (items.some((item) => item.file.startsWith(arg.path + '/'))) {
      return `directory argument cannot contain :: selection parts: ${arg.raw}`;
    }
  }
  if (arg.parts.length === 0 || erroredFiles.has(arg.path)) {
    return erroredFiles.has(arg.path) ? `found no collectors for ${shown}` : null;
  }
  // Walk down the node tree level by level, like Session.collect, collecting the collectors
  // in which a part matched nothing.
  const notFoundIn: string[] = [];
  let anyMatched = false;
  const basename = arg.path.split('/').pop()!;
  type Level = { repr: string; items: TestItem[]; depth: number };
  const work: Level[] = [{ repr: `<Module ${basename}>`, items: inFile, depth: 0 }];
  while (work.length > 0) {
    const node = work.pop()!;
    const part = arg.parts[node.depth]!;
    const isLast = node.depth === arg.parts.length - 1;
    const children = new Map<string, TestItem[]>();
    for (const item of node.items) {
      const names = nodeNames(item);
      const name = names[node.depth];
      if (name === undefined) continue;
      const matched =
        isLast && arg.parametrization !== null
          ? name === part + arg.parametrization || (item.dynamic && item.param === undefined && node.depth === names.length - 1 && name === part)
          : isLast
            ? name.split('[')[0] === part
            : name === part;
      if (!matched) continue;
      const group = children.get(name) ?? [];
      group.push(item);
      children.set(name, group);
    }
    if (children.size === 0) {
      notFoundIn.push(node.repr);
      continue;
    }
    for (const [name, group] of children) {
      if (isLast) {
        anyMatched = true;
        continue;
      }
      // A function is not a collector: parts below it match nothing and name no collector.
      const isCollector = group.some((item) => nodeNames(item).length > node.depth + 1);
      // (a unittest.TestCase subclass is pytest's UnitTestCase collector)
      if (isCollector) work.push({ repr: `<${group.every((item) => item.unittest) ? 'UnitTestCase' : 'Class'} ${name}>`, items: group, depth: node.depth + 1 });
    }
  }
  if (anyMatched) return null;
  if (notFoundIn.length === 0) return `found no collectors for ${shown}`;
  return `not found: ${shown}\n(no match in any of [${notFoundIn.join(', ')}])`;
}
