// Expands `@pytest.mark.parametrize` marks into pytest's exact ids (IdMaker in _pytest/python.py).
import type { Mark, PyValue } from '../types.js';
import { escapeCodePoint } from '../config/pystr.js';
import { readIdFunction, type IdFunction } from './idfunctions.js';

/** str values: `val.encode("unicode_escape").decode("ascii")`, as pytest's ascii_escaped. */
export function asciiEscapedStr(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else out += escapeCodePoint(code);
  }
  return out;
}

/** bytes values: `val.decode("ascii", "backslashreplace")` and then non-printables escaped. */
export function asciiEscapedBytes(latin1: string): string {
  let out = '';
  for (const ch of latin1) {
    const code = ch.charCodeAt(0);
    if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else out += escapeCodePoint(code);
  }
  return out;
}

export interface IdOptions {
  /** ini `disable_test_id_escaping_and_forfeit_all_rights_to_community_support`. */
  noEscaping: boolean;
}

function escapeText(value: string, opts: IdOptions): string {
  return opts.noEscaping ? value : asciiEscapedStr(value);
}

/** `_idval_from_value`: an id from a value, null when the type gives none, undefined when unknown. */
function idFromValue(value: PyValue, opts: IdOptions): string | null | undefined {
  if (typeof value === 'string') return escapeText(value, opts);
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  switch (value.py) {
    case 'bytes':
      return opts.noEscaping ? value.value : asciiEscapedBytes(value.value);
    case 'int':
    case 'float':
    case 'complex':
      return value.repr;
    case 'name':
      return value.name;
    case 'pattern':
      return asciiEscapedStr(value.pattern);
    case 'tuple':
    case 'list':
    case 'dict':
    case 'set':
    case 'object':
      return null;
    default:
      return undefined;
  }
}

/** `_idval_from_function`, then the value's own id when the callable returns None or an unsupported type; undefined when unknown. */
function idFromFunction(idFunction: IdFunction, unshadowed: boolean, value: PyValue, opts: IdOptions): string | null | undefined {
  const returned = idFunction(value, unshadowed);
  if (returned === undefined) return undefined;
  const fromReturned = returned === null ? null : idFromValue(returned, opts);
  return fromReturned === null ? idFromValue(value, opts) : fromReturned;
}

export interface ParamCase {
  /** The id inside `[...]`. */
  id: string;
  /** Marks from `pytest.param(..., marks=...)` of every parametrize that made this case. */
  marks: Mark[];
  /** The index of this case's parameter set in each parametrize call (pytest's callspec.indices). */
  indices: number[];
}

export type Expansion = { cases: ParamCase[] } | { dynamic: string };

function marksOfValue(value: PyValue | undefined): Mark[] | null {
  if (value === undefined || value === null) return [];
  if (typeof value === 'object' && 'py' in value) {
    if (value.py === 'mark') return [value.mark];
    if (value.py === 'list' || value.py === 'tuple') {
      const marks: Mark[] = [];
      for (const item of value.items) {
        if (item === null || typeof item !== 'object' || item.py !== 'mark') return null;
        marks.push(item.mark);
      }
      return marks;
    }
  }
  return null;
}

interface ParameterSet {
  values: PyValue[];
  id: string | null | undefined; // string: explicit; null: none given; undefined: not literal
  marks: Mark[];
}

function isPytestParam(value: PyValue, pytestAliases: string[]): value is { py: 'call'; func: string; args: PyValue[]; kwargs: Record<string, PyValue> } {
  return (
    value !== null && typeof value === 'object' && value.py === 'call' && (value.func === 'param' || pytestAliases.some((p) => value.func === `${p}.param`))
  );
}

export function argnamesOf(value: PyValue): string[] | null {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  if (value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple')) {
    const names: string[] = [];
    for (const item of value.items) {
      if (typeof item !== 'string') return null;
      names.push(item);
    }
    return names;
  }
  return null;
}

/** Ids of one `parametrize(argnames, argvalues, ids=..., ...)` mark, or why they are unknown. */
function expandOne(mark: Mark, opts: IdOptions, pytestAliases: string[]): Expansion {
  if (mark.dynamicArgs && mark.args.length < 2) return { dynamic: 'parametrize arguments are not literals' };
  const argnamesValue = mark.args[0] ?? mark.kwargs.argnames;
  const given = mark.args[1] ?? mark.kwargs.argvalues;
  // a dict whose keys are known: parametrize iterates its keys
  const argvaluesValue: PyValue | undefined =
    given !== null && typeof given === 'object' && given.py === 'dict' && given.keys ? { py: 'list', items: given.keys } : given;
  const argnames = argnamesValue === undefined ? null : argnamesOf(argnamesValue);
  if (argnames === null) return { dynamic: 'parametrize argnames are not literal' };
  if (
    argvaluesValue === undefined ||
    argvaluesValue === null ||
    typeof argvaluesValue !== 'object' ||
    (argvaluesValue.py !== 'list' && argvaluesValue.py !== 'tuple')
  ) {
    return { dynamic: 'parametrize argvalues are not a literal list' };
  }
  const sets: ParameterSet[] = [];
  for (const raw of argvaluesValue.items) {
    let values: PyValue[];
    let id: string | null | undefined = null;
    let marks: Mark[] = [];
    if (isPytestParam(raw, pytestAliases)) {
      values = raw.args;
      const idValue = raw.kwargs.id;
      if (idValue === undefined || idValue === null) id = null;
      else if (typeof idValue === 'string') id = escapeText(idValue, opts);
      else id = undefined;
      const m = marksOfValue(raw.kwargs.marks);
      if (m === null) return { dynamic: 'pytest.param marks are not literal' };
      marks = m;
    } else if (argnames.length === 1) {
      values = [raw];
    } else if (raw !== null && typeof raw === 'object' && (raw.py === 'tuple' || raw.py === 'list')) {
      values = raw.items;
    } else {
      return { dynamic: 'parametrize value is not a literal tuple' };
    }
    if (values.length !== argnames.length) return { dynamic: 'parametrize values do not match the argnames' };
    if (id === undefined) return { dynamic: 'pytest.param id is not literal' };
    sets.push({ values, id, marks });
  }
  if (sets.length === 0) {
    // pytest turns an empty argvalues into one skipped case with the id "NOTSET".
    return { cases: [{ id: 'NOTSET', marks: [{ name: 'skip', args: [], kwargs: {} }], indices: [0] }] };
  }
  const idsValue = mark.kwargs.ids;
  let ids: PyValue[] | null = null;
  let idFunction: IdFunction | null = null;
  let unshadowed = false;
  if (idsValue !== null && typeof idsValue === 'object' && idsValue.py === 'name' && idsValue.lambda !== undefined) {
    idFunction = readIdFunction(idsValue.lambda);
    unshadowed = idsValue.unshadowed === true;
    if (idFunction === null) return { dynamic: 'ids is a callable' };
  } else if (idsValue !== undefined && idsValue !== null) {
    if (typeof idsValue !== 'object' || (idsValue.py !== 'list' && idsValue.py !== 'tuple')) return { dynamic: 'ids is not a literal list' };
    ids = idsValue.items;
    if (ids.length !== sets.length) return { dynamic: 'ids and parameter sets differ in number' };
  }
  const resolved: string[] = [];
  for (let idx = 0; idx < sets.length; idx++) {
    const set = sets[idx];
    if (set.id !== null && set.id !== undefined) {
      resolved.push(set.id);
      continue;
    }
    if (ids && ids[idx] !== null) {
      const fromIds = idFromValue(ids[idx], opts);
      if (fromIds === undefined || fromIds === null) return { dynamic: 'ids entry is not a literal' };
      resolved.push(fromIds);
      continue;
    }
    const parts: string[] = [];
    for (let i = 0; i < argnames.length; i++) {
      const fromValue = idFunction ? idFromFunction(idFunction, unshadowed, set.values[i], opts) : idFromValue(set.values[i], opts);
      if (fromValue === undefined) return { dynamic: 'parametrize value is not a literal' };
      parts.push(fromValue === null ? `${argnames[i]}${idx}` : fromValue);
    }
    resolved.push(parts.join('-'));
  }
  return { cases: makeUnique(resolved).map((id, i) => ({ id, marks: sets[i].marks, indices: [i] })) };
}

/** pytest's suffixing of duplicate ids (make_unique_parameterset_ids). */
function makeUnique(ids: string[]): string[] {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  if (counts.size === ids.length) return ids;
  const taken = new Set(ids);
  const suffixes = new Map<string, number>();
  const result = [...ids];
  for (let index = 0; index < ids.length; index++) {
    const id = ids[index];
    if (counts.get(id)! <= 1) continue;
    const sep = id.length > 0 && /[0-9]$/.test(id) ? '_' : '';
    let n = suffixes.get(id) ?? 0;
    let candidate = `${id}${sep}${n}`;
    while (taken.has(candidate)) {
      n += 1;
      candidate = `${id}${sep}${n}`;
    }
    result[index] = candidate;
    taken.add(candidate);
    suffixes.set(id, n + 1);
  }
  return result;
}

/**
 * Expands all parametrize marks of an item, given in pytest's iter_markers order (the
 * function's own marks bottom decorator first, then the class's, then the module's).
 */
export function expandParametrize(parametrizeMarks: Mark[], opts: IdOptions, pytestAliases: string[]): Expansion {
  let cases: ParamCase[] = [{ id: '', marks: [], indices: [] }];
  let first = true;
  for (const mark of parametrizeMarks) {
    const one = expandOne(mark, opts, pytestAliases);
    if ('dynamic' in one) return one;
    const next: ParamCase[] = [];
    for (const outer of cases) {
      for (const inner of one.cases) {
        next.push({ id: first ? inner.id : `${outer.id}-${inner.id}`, marks: [...outer.marks, ...inner.marks], indices: [...outer.indices, ...inner.indices] });
      }
    }
    cases = next;
    first = false;
  }
  return { cases };
}
