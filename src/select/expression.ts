// pytest's match-expression language for -k and -m (`_pytest/mark/expression.py`, pytest 9):
//
//   expression: expr? EOF
//   expr:       and_expr ('or' and_expr)*
//   and_expr:   not_expr ('and' not_expr)*
//   not_expr:   'not' not_expr | '(' expr ')' | ident kwargs?
//   ident:      (\w|:|\+|-|\.|\[|\]|\\|/)+
//   kwargs:     '(' name '=' value (',' name '=' value)* ')'
//   value:      'string' | "string" | -?[0-9]+ | True | False | None
//
// Positions and columns count code points, as Python does, so error columns match pytest's.

/** A usage error in selection arguments: pytest exits with 4 and prints `ERROR: <message>`. */
export class SelectionError extends Error {
  readonly exitCode = 4;
  /** (pytest's main writes a blank line after each: errorOutcome) */
  readonly blankLine = true;
  /**
   * pytest writes each to stderr as `ERROR: ${msg}\n\n`; `message` joins them so that writing
   * `ERROR: ${message}\n\n` reproduces pytest's output byte for byte.
   */
  readonly messages: string[];
  constructor(messages: string | string[]) {
    const list = typeof messages === 'string' ? [messages] : messages;
    super(list.join('\n\nERROR: '));
    this.name = 'SelectionError';
    this.messages = list;
  }
}

/** A literal keyword-argument value in the call form `name(key=value)`; ints are bigint. */
export type KwargValue = string | bigint | boolean | null;

export type Expr =
  | { kind: 'empty' } // the empty expression, which is False
  | { kind: 'ident'; name: string }
  | { kind: 'call'; name: string; kwargs: [string, KwargValue][] }
  | { kind: 'not'; operand: Expr }
  | { kind: 'and' | 'or'; left: Expr; right: Expr };

type TokenType = 'lparen' | 'rparen' | 'or' | 'and' | 'not' | 'ident' | 'eof' | 'equal' | 'string' | 'comma';

// How pytest names each token type in "expected X; got Y".
const TOKEN_WORDS: Record<TokenType, string> = {
  lparen: 'left parenthesis',
  rparen: 'right parenthesis',
  or: 'or',
  and: 'and',
  not: 'not',
  ident: 'identifier',
  eof: 'end of input',
  equal: '=',
  string: 'string literal',
  comma: ',',
};

interface Token {
  type: TokenType;
  value: string;
  pos: number;
}

/** A syntax error as Python's SyntaxError carries it: pytest prints text, offset and msg. */
class ExpressionSyntaxError extends Error {
  constructor(
    readonly msg: string,
    readonly column: number | null,
    readonly text: string | null,
  ) {
    super(msg);
  }
}

// Python's `\w` on str: letters and numbers of any script, and the underscore.
const IDENT_CHAR = /[\p{L}\p{N}_:+\-.[\]\\/]/u;
const PY_IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;
const PY_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);

/** Lexes lazily, like pytest's generator: a bad character after a parse error is never reached. */
class Scanner {
  private readonly chars: string[];
  private pos = 0;
  current: Token;

  constructor(readonly input: string) {
    this.chars = Array.from(input);
    this.current = this.lexOne();
  }

  private error(msg: string, pos: number): never {
    throw new ExpressionSyntaxError(msg, pos + 1, this.input);
  }

  private lexOne(): Token {
    const chars = this.chars;
    while (this.pos < chars.length && (chars[this.pos] === ' ' || chars[this.pos] === '\t')) this.pos++;
    const pos = this.pos;
    if (pos >= chars.length) return { type: 'eof', value: '', pos };
    const ch = chars[pos]!;
    const single: Record<string, TokenType> = { '(': 'lparen', ')': 'rparen', '=': 'equal', ',': 'comma' };
    const singleType = single[ch];
    if (singleType) {
      this.pos++;
      return { type: singleType, value: ch, pos };
    }
    if (ch === "'" || ch === '"') {
      const end = chars.indexOf(ch, pos + 1);
      if (end === -1) this.error(`closing quote "${ch}" is missing`, pos);
      // pytest looks for a backslash anywhere in the input, not only inside this literal.
      const backslash = chars.indexOf('\\');
      if (backslash !== -1) this.error('escaping with "\\" not supported in marker expression', backslash);
      this.pos = end + 1;
      return { type: 'string', value: chars.slice(pos, end + 1).join(''), pos };
    }
    let end = pos;
    while (end < chars.length && IDENT_CHAR.test(chars[end]!)) end++;
    if (end === pos) this.error(`unexpected character "${ch}"`, pos);
    this.pos = end;
    const value = chars.slice(pos, end).join('');
    const type: TokenType = value === 'or' ? 'or' : value === 'and' ? 'and' : value === 'not' ? 'not' : 'ident';
    return { type, value, pos };
  }

  accept(type: TokenType): Token | null {
    if (this.current.type !== type) return null;
    const token = this.current;
    if (token.type !== 'eof') this.current = this.lexOne();
    return token;
  }

  expect(type: TokenType): Token {
    return this.accept(type) ?? this.reject([type]);
  }

  reject(expected: TokenType[]): never {
    const words = expected.map((t) => TOKEN_WORDS[t]).join(' OR ');
    this.error(`expected ${words}; got ${TOKEN_WORDS[this.current.type]}`, this.current.pos);
  }

  errorAt(msg: string, pos: number): never {
    this.error(msg, pos);
  }
}

function parseExpr(s: Scanner): Expr {
  let left = parseAnd(s);
  while (s.accept('or')) left = { kind: 'or', left, right: parseAnd(s) };
  return left;
}

function parseAnd(s: Scanner): Expr {
  let left = parseNot(s);
  while (s.accept('and')) left = { kind: 'and', left, right: parseNot(s) };
  return left;
}

function parseNot(s: Scanner): Expr {
  if (s.accept('not')) return { kind: 'not', operand: parseNot(s) };
  if (s.accept('lparen')) {
    const inner = parseExpr(s);
    s.expect('rparen');
    return inner;
  }
  const ident = s.accept('ident');
  if (ident) {
    if (s.accept('lparen')) {
      const kwargs = [parseKwarg(s)];
      while (s.accept('comma')) kwargs.push(parseKwarg(s));
      s.expect('rparen');
      return { kind: 'call', name: ident.value, kwargs };
    }
    return { kind: 'ident', name: ident.value };
  }
  return s.reject(['not', 'lparen', 'ident']);
}

function parseKwarg(s: Scanner): [string, KwargValue] {
  const name = s.expect('ident');
  if (!PY_IDENTIFIER.test(name.value)) s.errorAt(`not a valid python identifier ${name.value}`, name.pos);
  if (PY_KEYWORDS.has(name.value)) s.errorAt(`unexpected reserved python keyword \`${name.value}\``, name.pos);
  s.expect('equal');
  const str = s.accept('string');
  if (str) return [name.value, str.value.slice(1, -1)];
  const token = s.expect('ident');
  const text = token.value;
  if (/^-?[0-9]+$/.test(text)) return [name.value, BigInt(text)];
  if (text === 'True') return [name.value, true];
  if (text === 'False') return [name.value, false];
  if (text === 'None') return [name.value, null];
  return s.errorAt(`unexpected character/s "${text}"`, token.pos);
}

// Python's compiler rejects a repeated keyword argument after parsing, with no position.
function checkRepeatedKwargs(expr: Expr): void {
  switch (expr.kind) {
    case 'call': {
      const seen = new Set<string>();
      for (const [key] of expr.kwargs) {
        if (seen.has(key)) throw new ExpressionSyntaxError(`keyword argument repeated: ${key}`, 1, null);
        seen.add(key);
      }
      return;
    }
    case 'not':
      return checkRepeatedKwargs(expr.operand);
    case 'and':
    case 'or':
      checkRepeatedKwargs(expr.left);
      return checkRepeatedKwargs(expr.right);
    default:
      return;
  }
}

/**
 * Parses a match expression; `what` is the option for the error message (`-k` or `-m`).
 * Throws SelectionError with pytest's exact wording on a malformed expression.
 */
export function parseExpression(input: string, what: '-k' | '-m' = '-k'): Expr {
  try {
    const s = new Scanner(input);
    let expr: Expr;
    if (s.accept('eof')) {
      expr = { kind: 'empty' };
    } else {
      expr = parseExpr(s);
      s.expect('eof');
    }
    checkRepeatedKwargs(expr);
    return expr;
  } catch (err) {
    if (err instanceof ExpressionSyntaxError) {
      throw new SelectionError(`Wrong expression passed to '${what}': ${err.text ?? 'None'}: at column ${err.column ?? 'None'}: ${err.msg}`);
    }
    throw err;
  }
}

/** Three-valued truth: `unknown` when the answer depends on what a dynamic item expands to. */
export type Truth = boolean | 'unknown';

/** Answers one identifier (or call form, with kwargs) of an expression. */
export type Matcher = (name: string, kwargs?: [string, KwargValue][]) => Truth;

/**
 * Evaluates with Python's short-circuit order (a matcher that throws is only reached when
 * pytest would reach it), extended to Kleene logic for unknown answers.
 */
export function evaluate(expr: Expr, matcher: Matcher): Truth {
  switch (expr.kind) {
    case 'empty':
      return false;
    case 'ident':
      return matcher(expr.name);
    case 'call':
      return matcher(expr.name, expr.kwargs);
    case 'not': {
      const v = evaluate(expr.operand, matcher);
      return v === 'unknown' ? v : !v;
    }
    case 'and':
      return evaluateBinary(expr.left, expr.right, matcher, false);
    case 'or':
      return evaluateBinary(expr.left, expr.right, matcher, true);
  }
}

/** `and` (decisive: false) or `or` (decisive: true): the decisive answer on either side wins. */
function evaluateBinary(left: Expr, right: Expr, matcher: Matcher, decisive: boolean): Truth {
  const l = evaluate(left, matcher);
  if (l === decisive) return decisive;
  const r = evaluate(right, matcher);
  if (r === decisive) return decisive;
  return l === 'unknown' || r === 'unknown' ? 'unknown' : !decisive;
}
