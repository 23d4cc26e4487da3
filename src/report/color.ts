// Terminal text helpers with pytest's exact semantics: ANSI markup (TerminalWriter._esctable),
// display width (_pytest/_io/wcwidth.py), separator lines (TerminalWriter.sep) and Python's
// number formatting where JS differs.

export type Markup = 'red' | 'green' | 'yellow' | 'blue' | 'purple' | 'cyan' | 'white' | 'bold' | 'light';

const ESC_CODES: Record<Markup, number> = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  purple: 35,
  cyan: 36,
  white: 37,
  bold: 1,
  light: 2,
};

/** Wraps text the way pytest's TerminalWriter.markup does: codes in the order given, one reset. */
export function markup(text: string, enabled: boolean, ...styles: Markup[]): string {
  if (!enabled || styles.length === 0) return text;
  return styles.map((s) => `\x1b[${ESC_CODES[s]}m`).join('') + text + '\x1b[0m';
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const COMBINING = /^[\p{Mn}\p{Me}]$/u;
const CONTROL = /^\p{Cc}$/u;

function isWide(cp: number): boolean {
  // East Asian Wide/Fullwidth ranges (the common blocks; unicodedata.east_asian_width F/W).
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x231a && cp <= 0x231b) ||
    (cp >= 0x2329 && cp <= 0x232a) ||
    (cp >= 0x23e9 && cp <= 0x23ec) ||
    (cp >= 0x25fd && cp <= 0x25fe) ||
    (cp >= 0x2614 && cp <= 0x2615) ||
    (cp >= 0x2648 && cp <= 0x2653) ||
    (cp >= 0x26aa && cp <= 0x26ab) ||
    (cp >= 0x2705 && cp <= 0x2705) ||
    (cp >= 0x274c && cp <= 0x274c) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe6f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Columns one character takes; -1 when not printable (pytest's wcwidth). */
export function wcwidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x20 && cp < 0x7f) return 1;
  if (cp === 0 || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2063)) {
    return 0;
  }
  if (CONTROL.test(ch)) return -1;
  if (COMBINING.test(ch)) return 0;
  return isWide(cp) ? 2 : 1;
}

/** Display width of a string; -1 if it holds a non-printable character (pytest's wcswidth). */
export function wcswidth(s: string): number {
  // Printable ASCII (the usual progress line) is one column a character, and NFC leaves it as is.
  if (PRINTABLE_ASCII.test(s)) return s.length;
  let width = 0;
  for (const ch of s.normalize('NFC')) {
    const w = wcwidth(ch);
    if (w < 0) return -1;
    width += w;
  }
  return width;
}

/** A separator line as TerminalWriter.sep builds it (without the newline). */
export function sepLine(sepchar: string, title: string | undefined, fullwidth: number): string {
  let line: string;
  if (title !== undefined) {
    const n = Math.max(Math.floor((fullwidth - title.length - 2) / (2 * sepchar.length)), 1);
    const fill = sepchar.repeat(n);
    line = `${fill} ${title} ${fill}`;
  } else {
    line = sepchar.repeat(Math.floor(fullwidth / sepchar.length));
  }
  if (line.length + sepchar.trimEnd().length <= fullwidth) line += sepchar.trimEnd();
  return line;
}

/** Python's str.center(width, fill). */
export function pyCenter(s: string, width: number, fill = ' '): string {
  const pad = width - s.length;
  if (pad <= 0) return s;
  const left = Math.floor(pad / 2) + (pad & width & 1);
  return fill.repeat(left) + s + fill.repeat(pad - left);
}

/** Python's `f"{x:.{digits}f}"`: like toFixed, but exact ties round half to even. */
export function pyFixed(x: number, digits: number): string {
  const fixed = x.toFixed(digits);
  const probe = Math.abs(x).toFixed(Math.min(digits + 40, 100));
  const tail = probe.slice(probe.indexOf('.') + 1 + digits);
  if (!/^50*$/.test(tail)) return fixed;
  // An exact tie: toFixed rounded away from zero; Python rounds to the even neighbour.
  const truncated = (x < 0 ? '-' : '') + probe.slice(0, probe.indexOf('.') + 1 + digits).replace(/\.$/, '');
  const lastDigit = Number(truncated.replace(/\D/g, '').slice(-1));
  return lastDigit % 2 === 0 ? truncated : fixed;
}

/** Python's str.rjust. */
export function pyRjust(s: string, width: number): string {
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}
