// Python's shlex.split(s) (posix=True, comments=False, whitespace_split=True), which is how
// pytest splits `addopts`, PYTEST_ADDOPTS and every ini value of type "args".

export class ShellSplitError extends Error {}

const WHITESPACE = ' \t\r\n';
const QUOTES = `'"`;
const ESCAPE = '\\';
const ESCAPED_QUOTES = '"';

/** Split `s` the way Python's `shlex.split` does; throws ShellSplitError with shlex's message. */
export function splitShellArgs(s: string): string[] {
  const tokens: string[] = [];
  // The shlex state machine: ' ' between tokens, 'a' inside a bare word, a quote character
  // inside that quote, '\\' right after an escape (escapedState says where to return).
  let state = ' ';
  let escapedState = ' ';
  let token = '';
  let quoted = false;

  const finish = (): void => {
    if (token !== '' || quoted) tokens.push(token);
    token = '';
    quoted = false;
  };

  for (const ch of s) {
    if (state === ' ') {
      if (WHITESPACE.includes(ch)) continue;
      if (ch === ESCAPE) {
        escapedState = 'a';
        state = ch;
      } else if (QUOTES.includes(ch)) {
        state = ch;
      } else {
        token = ch;
        state = 'a';
      }
    } else if (QUOTES.includes(state)) {
      quoted = true;
      if (ch === state) {
        state = 'a';
      } else if (ch === ESCAPE && ESCAPED_QUOTES.includes(state)) {
        escapedState = state;
        state = ch;
      } else {
        token += ch;
      }
    } else if (state === ESCAPE) {
      // Inside double quotes a backslash only escapes `"` and `\`; elsewhere it is kept.
      if (QUOTES.includes(escapedState) && ch !== state && ch !== escapedState) token += state;
      token += ch;
      state = escapedState;
    } else {
      // state 'a'
      if (WHITESPACE.includes(ch)) {
        state = ' ';
        finish();
      } else if (QUOTES.includes(ch)) {
        state = ch;
      } else if (ch === ESCAPE) {
        escapedState = 'a';
        state = ch;
      } else {
        token += ch;
      }
    }
  }
  if (QUOTES.includes(state)) throw new ShellSplitError('No closing quotation');
  if (state === ESCAPE) throw new ShellSplitError('No escaped character');
  finish();
  return tokens;
}
