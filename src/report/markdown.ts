// Untrusted text (test ids, file names, failure messages, captured output, JUnit parse errors) in
// the Markdown GitHub renders: the job summary, the PR comment, a check run's summary. All of it
// goes into code, never into prose: GitHub renders neither links, images, HTML nor @mentions and
// #references inside code spans and fenced blocks. What this module guarantees is that the text
// cannot leave the code it is put in: the backtick fence is longer than any backtick run inside,
// an inline span stays on one line, and a table cell's `|` is escaped.

/** Characters of one inline span before it is cut (with `…`). */
export const INLINE_MAX_CHARS = 500;

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === char) {
      run++;
      if (run > longest) longest = run;
    } else {
      run = 0;
    }
  }
  return longest;
}

/** `text` cut to at most `maxChars` UTF-16 units, not inside a surrogate pair, `…` when cut. */
export function cutChars(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = Math.max(0, maxChars - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Line breaks (and the other characters a Markdown line ends at) as spaces. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/**
 * `text` as one inline code span: on one line, at most `maxChars`, fenced by more backticks than
 * any run inside it, padded when it starts or ends with a backtick (or would be empty).
 */
export function inlineCode(text: string, maxChars: number = INLINE_MAX_CHARS): string {
  const clean = cutChars(oneLine(text), maxChars);
  const fence = '`'.repeat(longestRun(clean, '`') + 1);
  if (clean === '') return '` `';
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/**
 * Inline code inside a GFM table cell: a `|` ends the cell even inside a code span unless it is
 * escaped, and GitHub shows `\|` there as `|`.
 */
export function tableCode(text: string, maxChars: number = INLINE_MAX_CHARS): string {
  return inlineCode(text, maxChars).replace(/\|/g, '\\|');
}

/** `text` as a fenced code block (starting and ending a line), the fence longer than any backtick run inside. */
export function codeBlock(text: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  const body = text.replace(/\r\n?/g, '\n');
  return `${fence}text\n${body}${body.endsWith('\n') ? '' : '\n'}${fence}`;
}
