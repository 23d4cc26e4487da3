// The few bits of Python string semantics that pytest's config parsing depends on.

// Characters for which Python's str.isspace() is true (JS's \s differs: it has \ufeff, lacks \x1c-\x1f, \x85).
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${PY_SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${PY_SPACE}]+$`);
const ONE_SPACE = new RegExp(`^[${PY_SPACE}]$`);

export const pyLstrip = (s: string): string => s.replace(LEADING_SPACE, '');
export const pyRstrip = (s: string): string => s.replace(TRAILING_SPACE, '');
export const pyStrip = (s: string): string => pyRstrip(pyLstrip(s));
export const pyIsSpace = (ch: string): boolean => ONE_SPACE.test(ch);

/** str.splitlines(True) after universal-newline reading: the line boundaries Python recognises. */
export function pySplitLines(text: string): string[] {
  const lines: string[] = [];
  const boundary = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;
  let start = 0;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    lines.push(text.slice(start, m.index + m[0].length));
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** Text as Python's open(..., encoding='utf-8') would read it: universal newlines. */
export function pyUniversalNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

// What Python's str.isprintable() rejects (repr escapes these), space aside.
const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/** Python's \xhh / \uhhhh / \Uhhhhhhhh escape of one code point. */
export function escapeCodePoint(code: number): string {
  if (code < 0x100) return '\\x' + code.toString(16).padStart(2, '0');
  if (code < 0x10000) return '\\u' + code.toString(16).padStart(4, '0');
  return '\\U' + code.toString(16).padStart(8, '0');
}

/** repr() of a str, as Python prints it in error messages. */
export function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && NOT_PRINTABLE.test(ch)) out += escapeCodePoint(code);
    else out += ch;
  }
  return out + quote;
}

/** str() of a TOML scalar, as pytest's make_scalar produces for [tool.pytest.ini_options]. */
export function pyStrOfTomlValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    // Integers are parsed as bigint, so a number here is always a TOML float.
    return pyFloatRepr(v);
  }
  if (Array.isArray(v)) return '[' + v.map(pyReprOfTomlValue).join(', ') + ']';
  if (v instanceof Date) return v.toISOString();
  if (v !== null && typeof v === 'object') {
    const parts = Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyReprOfTomlValue(x)}`);
    return '{' + parts.join(', ') + '}';
  }
  return String(v);
}

function pyReprOfTomlValue(v: unknown): string {
  return typeof v === 'string' ? pyRepr(v) : pyStrOfTomlValue(v);
}

/** Python's repr() of a float, from a JS number. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = x.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const exponent = Number(expText);
  let body: string;
  if (exponent >= -5 + 1 && exponent < 16) {
    if (exponent >= 0) {
      const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
      const fracPart = digits.slice(exponent + 1) || '0';
      body = `${intPart}.${fracPart}`;
    } else {
      body = `0.${'0'.repeat(-exponent - 1)}${digits}`;
    }
  } else {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const sign = exponent < 0 ? '-' : '+';
    body = `${digits[0]}${frac}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return negative ? `-${body}` : body;
}
