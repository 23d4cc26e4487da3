// `re.compile("...")` and `re.escape("...")` of str literals in parametrize values: pytest's id of a
// compiled pattern is its `.pattern`, ascii-escaped (IdMaker._idval_from_value). A pattern is only
// read when Python surely compiles it (a conservative subset of its syntax, checked below): one
// that raises at import makes the module a collection error, so its ids would be phantoms.
import type { PyValue } from '../types.js';

/** What `re.escape` (Python 3.7 and later) escapes in a str: each of these gets a backslash. */
const RE_SPECIAL = new Set([...'()[]{}?*+-|^$\\.&~# \t\n\r\v\f']);

/** Python's `re.escape(s)` of a str. */
export function reEscape(text: string): string {
  let out = '';
  for (const ch of text) out += RE_SPECIAL.has(ch) ? `\\${ch}` : ch;
  return out;
}

/** `re.compile(str)` (no flags) and `re.escape(str)`, `func` the imported name they stand for. */
export function regexCall(func: string | null, args: PyValue[], kwargs: Record<string, PyValue>): PyValue | null {
  if ((func !== 're.compile' && func !== 're.escape') || args.length !== 1 || Object.keys(kwargs).length > 0 || typeof args[0] !== 'string') return null;
  if (func === 're.escape') return reEscape(args[0]);
  return compilesInPython(args[0]) ? { py: 'pattern', pattern: args[0] } : null;
}

/** Escapes of a letter Python knows outside a character class (`\A`, `\b`, `\B`, `\Z` are anchors). */
const KNOWN_ESCAPES = new Set([...'dDsSwWabfnrtvAbBZ']);
const ANCHOR_ESCAPES = new Set([...'AbBZ']);
/** Inside a class: categories and character escapes only (`\b` is a backspace there). */
const CLASS_ESCAPES = new Set([...'dDsSwWabfnrtv']);
const CLASS_CATEGORIES = new Set([...'dDsSwW']);
const MAX_REPEAT = 65535;

/**
 * Whether Python's `re.compile` surely accepts the pattern: literals, `.`, `^`, `$`, `|`, `(...)`,
 * `(?:...)`, classes with ascending ranges, known escapes, `\xhh`, and `* + ? {m} {m,} {m,n}` (maybe
 * lazy) after something repeatable. Anything else (other group kinds, backreferences, `\u`,
 * `{,n}`, what Python warns about in a class) answers false: the value stays unknown.
 */
export function compilesInPython(pattern: string): boolean {
  const chars = [...pattern];
  let depth = 0;
  let repeatable = false;
  let i = 0;
  const escapeAt = (at: number, inClass: boolean): number | null => {
    // the length of a valid escape at `at` (a backslash), or null
    const next = chars[at + 1];
    if (next === undefined) return null;
    if (/[0-9]/.test(next)) return null;
    if (next === 'x') return /^[0-9a-fA-F]{2}$/.test((chars[at + 2] ?? '') + (chars[at + 3] ?? '')) ? 4 : null;
    if (/[A-Za-z]/.test(next)) return (inClass ? CLASS_ESCAPES : KNOWN_ESCAPES).has(next) ? 2 : null;
    return 2;
  };
  while (i < chars.length) {
    const c = chars[i];
    if (c === '\\') {
      const length = escapeAt(i, false);
      if (length === null) return false;
      repeatable = !ANCHOR_ESCAPES.has(chars[i + 1]);
      i += length;
    } else if (c === '[') {
      const end = classEnd(chars, i, escapeAt);
      if (end === null) return false;
      repeatable = true;
      i = end;
    } else if (c === '(') {
      if (chars[i + 1] === '?') {
        if (chars[i + 2] !== ':') return false;
        i += 2;
      }
      depth++;
      repeatable = false;
      i++;
    } else if (c === ')') {
      if (--depth < 0) return false;
      repeatable = true;
      i++;
    } else if (c === '|' || c === '^' || c === '$') {
      repeatable = false;
      i++;
    } else if (c === '*' || c === '+' || c === '?' || c === '{') {
      let length = 1;
      if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(chars.slice(i, i + 16).join(''));
        if (!m) {
          // `{` not followed by a digit or comma is a literal (Python reads it back as one)
          if (/[0-9,]/.test(chars[i + 1] ?? '')) return false;
          repeatable = true;
          i++;
          continue;
        }
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] === '' ? min : Number(m[3]);
        if (min > MAX_REPEAT || max > MAX_REPEAT || min > max) return false;
        length = m[0].length;
      }
      if (!repeatable) return false;
      i += length;
      if (chars[i] === '?') i++; // lazy
      repeatable = false; // a repeat of a repeat is an error ("multiple repeat")
    } else {
      repeatable = true;
      i++;
    }
  }
  return depth === 0;
}

/** Where a character class starting at `start` (`[`) ends (the index after `]`), when Python accepts it without a warning. */
function classEnd(chars: string[], start: number, escapeAt: (at: number, inClass: boolean) => number | null): number | null {
  let i = start + 1;
  if (chars[i] === '^') i++;
  let first = true;
  let previous: string | null = null; // the last single character, a range's possible start
  while (i < chars.length) {
    const c = chars[i];
    if (c === ']' && !first) return i + 1;
    first = false;
    // what Python 3.7+ warns about as a possible nested set or set operation
    if (c === '[' || ((c === '-' || c === '&' || c === '~' || c === '|') && chars[i + 1] === c)) return null;
    let single: string | null;
    let length: number;
    if (c === '\\') {
      const l = escapeAt(i, true);
      if (l === null) return null;
      const next = chars[i + 1];
      single = CLASS_CATEGORIES.has(next)
        ? null
        : next === 'x'
          ? String.fromCodePoint(parseInt(chars.slice(i + 2, i + 4).join(''), 16))
          : /[a-z]/.test(next)
            ? null
            : next;
      length = l;
    } else {
      single = c;
      length = 1;
    }
    if (c === '-' && previous !== null && chars[i + 1] !== ']' && chars[i + 1] !== undefined) {
      // a range: both ends single characters, ascending
      const hi = chars[i + 1];
      if (hi === '\\' || hi === '[') return null;
      if (hi.codePointAt(0)! < previous.codePointAt(0)!) return null;
      previous = null;
      i += 2;
      continue;
    }
    if (c === '-' && previous === null && i !== start + 1 && !(chars[start + 1] === '^' && i === start + 2) && chars[i + 1] !== ']') return null;
    previous = single;
    i += length;
  }
  return null;
}
