// Python's textwrap.wrap as pytest's TerminalReporter.wrap_write calls it (drop_whitespace,
// replace_whitespace=False, the other options at their defaults). pytest writes a verbose skip
// reason through it, and its quirks show: a reason that does not fit after a long test id is cut
// or lost altogether, so fastest has to lose it the same way. Lengths are Python's: code points.

const WS = '\\t\\n\\x0b\\x0c\\r ';
/** Python's `\w` on str: letters, numbers, underscore. */
const WORD = '\\p{L}\\p{N}_';
/** textwrap's `letter`, `[^\d\W]`: a word character that is not a decimal digit. */
const LETTER = `[\\p{L}\\p{Nl}\\p{No}_]`;
const WORD_PUNCT = `[${WORD}!"'&.,?]`;

/** textwrap.TextWrapper.wordsep_re, with break_on_hyphens. */
const WORDSEP = new RegExp(
  `([${WS}]+` +
    `|(?<=${WORD_PUNCT})-{2,}(?=[${WORD}])` +
    `|[^${WS}]+?(?:` +
    `-(?:(?<=${LETTER}{2}-)|(?<=${LETTER}-${LETTER}-))(?=${LETTER}-?${LETTER})` +
    `|(?=[${WS}]|$)` +
    `|(?<=${WORD_PUNCT})(?=-{2,}[${WORD}])` +
    `))`,
  'u',
);

/** What Python's str.strip() takes off: its whitespace. */
const PY_BLANK = /^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/u;

const codePoints = (s: string): string[] => Array.from(s);

/** str.expandtabs(8): a tab moves to the next multiple of 8; a newline or return starts a line. */
function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let column = 0;
  for (const ch of text) {
    if (ch === '\t') {
      const spaces = 8 - (column % 8);
      out += ' '.repeat(spaces);
      column += spaces;
    } else {
      out += ch;
      column = ch === '\n' || ch === '\r' ? 0 : column + 1;
    }
  }
  return out;
}

/** textwrap.wrap(text, width, drop_whitespace=True, replace_whitespace=False). */
export function pythonWrap(text: string, width: number): string[] {
  if (width <= 0) throw new RangeError(`invalid width ${width} (must be > 0)`);
  // re.split with a capturing group keeps the separators; the empty pieces go
  const chunks = expandTabs(text)
    .split(WORDSEP)
    .filter((c) => c !== '')
    .map(codePoints)
    .reverse();
  const lines: string[] = [];
  const blank = (chunk: string[]) => PY_BLANK.test(chunk.join(''));
  while (chunks.length > 0) {
    const line: string[][] = [];
    let lineLength = 0;
    if (lines.length > 0 && blank(chunks[chunks.length - 1])) chunks.pop();
    while (chunks.length > 0 && lineLength + chunks[chunks.length - 1].length <= width) {
      const chunk = chunks.pop()!;
      line.push(chunk);
      lineLength += chunk.length;
    }
    if (chunks.length > 0 && chunks[chunks.length - 1].length > width) {
      // _handle_long_word: break the word, after its last hyphen that fits when there is one
      const spaceLeft = width < 1 ? 1 : width - lineLength;
      const chunk = chunks[chunks.length - 1];
      let end = spaceLeft;
      if (chunk.length > spaceLeft) {
        const hyphen = chunk.slice(0, spaceLeft).lastIndexOf('-');
        if (hyphen > 0 && chunk.slice(0, hyphen).some((c) => c !== '-')) end = hyphen + 1;
      }
      line.push(chunk.slice(0, end));
      chunks[chunks.length - 1] = chunk.slice(end);
    }
    if (line.length > 0 && blank(line[line.length - 1])) line.pop();
    if (line.length > 0) lines.push(line.map((c) => c.join('')).join(''));
  }
  return lines;
}

/**
 * pytest's wrap_write: `content` wrapped as if it followed the current line's `lineWidth` columns
 * (at `screenWidth` less pytest's margin of 8), with that many code points then cut off the front.
 */
export function wrapAfter(content: string, lineWidth: number, screenWidth: number): string {
  const wrapped = pythonWrap(' '.repeat(lineWidth) + content, screenWidth - 8).join('\n');
  return codePoints(wrapped).slice(lineWidth).join('');
}
