// The -k and -m matchers (`_pytest/mark/__init__.py`: KeywordMatcher, MarkMatcher) over TestItem.
// A dynamic item's param ids and per-param marks are unknown until it runs: anything they could
// decide answers `unknown`, and the caller keeps the item for a check at run time.

import type { Mark, PyValue, TestItem } from '../types.js';
import { SelectionError, type KwargValue, type Matcher, type Truth } from './expression.js';

/**
 * Names in the test function's `__dict__`, when discovery knows them: pytest matches -k against
 * them too (`pytestmark` on any function decorated with a mark, `__wrapped__` under
 * functools.wraps). Not in the shared TestItem yet; read when present.
 */
type ItemWithFunctionAttrs = TestItem & { functionAttrs?: string[] };

/**
 * The names pytest's KeywordMatcher collects for an item: every node of its chain except the
 * Session and the rootdir's Dir (each directory, the module file name, classes, the function
 * name with its `[param]`), plus mark names and the function's attribute names.
 */
export function keywordNames(item: TestItem): string[] {
  const names = item.file.split('/').filter((part) => part !== '');
  names.push(...item.classes);
  names.push(item.param !== undefined ? `${item.function}[${item.param}]` : item.function);
  for (const mark of item.marks) names.push(mark.name);
  const attrs = (item as ItemWithFunctionAttrs).functionAttrs;
  if (attrs) names.push(...attrs);
  return names;
}

export function keywordMatcher(item: TestItem): Matcher {
  const lowered = keywordNames(item).map((name) => name.toLowerCase());
  return (subname, kwargs) => {
    if (kwargs && kwargs.length > 0) {
      throw new SelectionError('Keyword expressions do not support call parameters.');
    }
    const needle = subname.toLowerCase();
    if (lowered.some((name) => name.includes(needle))) return true;
    // An expansion's `[id]` could contain any substring, a decorator's attributes any name.
    return item.dynamic || item.functionAttrsUnknown ? 'unknown' : false;
  };
}

export function markMatcher(item: TestItem): Matcher {
  return (name, kwargs) => {
    let answer: Truth = false;
    for (const mark of item.marks) {
      if (mark.name !== name) continue;
      const v = markKwargsMatch(mark, kwargs ?? []);
      if (v === true) return true;
      if (v === 'unknown') answer = 'unknown';
    }
    // An expansion may carry marks of its own (`pytest.param(..., marks=...)`).
    if (answer === false && (item.dynamic || item.marksUnknown)) return 'unknown';
    return answer;
  };
}

function markKwargsMatch(mark: Mark, kwargs: [string, KwargValue][]): Truth {
  let answer: Truth = true;
  for (const [key, wanted] of kwargs) {
    const has = Object.prototype.hasOwnProperty.call(mark.kwargs, key);
    // With non-literal arguments (`**opts`, or a null placeholder) the value is unknown.
    const v: Truth = has
      ? mark.dynamicArgs && mark.kwargs[key] === null
        ? 'unknown'
        : pyEquals(mark.kwargs[key]!, wanted)
      : mark.dynamicArgs
        ? 'unknown'
        : false;
    if (v === false) return false;
    if (v === 'unknown') answer = 'unknown';
  }
  return answer;
}

/** Python's `value == wanted` for a mark's kwarg against an expression literal. */
export function pyEquals(value: PyValue, wanted: KwargValue): Truth {
  if (wanted === null) {
    if (value === null) return true;
    return isOpaque(value) ? 'unknown' : false;
  }
  if (typeof wanted === 'string') {
    if (typeof value === 'string') return value === wanted;
    return isOpaque(value) ? 'unknown' : false;
  }
  // bool and int compare as numbers in Python: True == 1, 1 == 1.0.
  const wantedNumber: bigint = typeof wanted === 'boolean' ? (wanted ? 1n : 0n) : wanted;
  const n = numericValue(value);
  if (n === 'unknown') return 'unknown';
  if (n === null) return false;
  return n === wantedNumber;
}

/** Values whose result discovery could not know (a call, an arbitrary expression). */
function isOpaque(value: PyValue): boolean {
  return value !== null && typeof value === 'object' && (value.py === 'expr' || value.py === 'call');
}

/** The integer a Python value equals, null if it equals no integer. */
function numericValue(value: PyValue): bigint | null | 'unknown' {
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : null;
  if (value === null || typeof value === 'string') return null;
  if (value.py === 'int') {
    try {
      return BigInt(value.repr.replace(/_/g, ''));
    } catch {
      return 'unknown';
    }
  }
  if (value.py === 'float') {
    const f = Number(value.repr);
    if (Number.isNaN(f)) return null;
    return Number.isInteger(f) ? BigInt(f) : null;
  }
  return isOpaque(value) ? 'unknown' : null;
}
