// Reads JUnit XML as pytest writes it (xunit1 with `file`/`line`, or xunit2 without) and turns
// every <testcase> back into a pytest node id with its outcome.
//
// The file is parsed as a stream (sax, strict mode) in fixed-size chunks, so memory does not grow
// with the file: the text kept per element is capped (the rest is counted and replaced by a marker
// saying how much was cut), and one budget caps the text kept over all files of a merge. Characters
// XML does not allow (NULs and other controls, raw or as `&#0;`) become U+FFFD, so what is written
// back is well-formed.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import sax from 'sax';
import type { Outcome } from '../types.js';
import { attemptsOf, type JUnitAttempt } from './attempts.js';

/** One element below <testcase>: failure, error, skipped, system-out, properties... */
export interface JUnitChild {
  tag: string;
  attrs: Record<string, string>;
  text: string;
  children: JUnitChild[];
}

export interface JUnitCase {
  /** pytest node id reconstructed from classname + name (+ file). */
  id: string;
  classname: string;
  name: string;
  /** rootdir-relative module path: the `file` attribute, or derived from classname. */
  file: string;
  /** 1-based line of the test function (pytest writes it 0-based), when the file says. */
  line?: number;
  /** Seconds (setup + call + teardown under pytest's default junit_duration_report). */
  time: number;
  outcome: Outcome;
  /** The failure/error/skip message attribute. */
  message?: string;
  /** The failure/error/skip body: pytest's longrepr. */
  details?: string;
  /** An error in teardown reported after a call failure: pytest writes a second testcase. */
  teardownError?: { message: string; details: string };
  /** True for a collection error or skip of a whole module: `id` is then the module path. */
  collection?: boolean;
  /** Earlier attempts of a retried test (attempts.ts): the first ATTEMPTS_KEPT, and how many there are. */
  attempts?: JUnitAttempt[];
  attemptCount?: number;
  /** The testcase written back as XML: its start tag without the final `>`, and its content. */
  xmlOpen: string;
  xmlInner: string;
}

/** The testcase element as XML (see `caseXml` in the reader: attributes and children as read). */
export function caseXml(c: JUnitCase): string {
  return c.xmlInner === '' ? `${c.xmlOpen} />` : `${c.xmlOpen}>${c.xmlInner}</testcase>`;
}

export interface JUnitSuite {
  name: string;
  /** The suite's wall time as written by the runner, when present. */
  time?: number;
  /** Its `<properties>` (pytest's record_testsuite_property, fastest's not-collected ids). */
  properties?: { name: string; value: string }[];
}

export interface JUnitDocument {
  source: string;
  suites: JUnitSuite[];
  cases: JUnitCase[];
}

export class JUnitError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: malformed JUnit XML: ${reason}`);
  }
}

/** Characters of element text kept, shared by all files read with it (see `newTextBudget`). */
export interface TextBudget {
  remaining: number;
}

export interface ReadOptions {
  /** Largest file accepted, in bytes (default 256 MiB). */
  maxBytes?: number;
  /** Known module paths, to tell directories from classes when a file has no `file` attribute. */
  knownFiles?: Iterable<string>;
  /** Text budget shared with other files of the same merge (default: a fresh one per file). */
  textBudget?: TextBudget;
  /**
   * Given, each testcase is handed over as soon as it is complete (a teardown error already
   * folded in) and the document's `cases` stay empty: a merge keeps only what it needs.
   */
  onCase?: (c: JUnitCase) => void;
  /** Given, each <testsuite> is handed over and the document's `suites` stay empty. */
  onSuite?: (s: JUnitSuite) => void;
}

export const DEFAULT_MAX_JUNIT_BYTES = 256 * 1024 * 1024;
/** Text kept of one element (a failure body, captured output), in characters. */
export const ELEMENT_TEXT_CAP = 1024 * 1024;
/**
 * Text kept of one attribute value (a failure message): sax's own buffer limit (MAX_BUFFER_LENGTH),
 * past which it reports the value; shorter values that end within one chunk are kept whole.
 */
export const ATTRIBUTE_CAP = 64 * 1024;
/** Text kept of an element once the budget is spent: enough for the start of a traceback. */
const ELEMENT_TEXT_FLOOR = 4096;
/** Text kept over all elements of all files of one merge, before the floor applies. */
export const TEXT_BUDGET = 48 * 1024 * 1024;
const MAX_DEPTH = 64;
const CHUNK_BYTES = 256 * 1024;

export function newTextBudget(chars: number = TEXT_BUDGET): TextBudget {
  return { remaining: chars };
}

export function readJUnitFile(path: string, opts: ReadOptions = {}): JUnitDocument {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_JUNIT_BYTES;
  let fd: number;
  try {
    const size = statSync(path).size;
    if (size > maxBytes) throw new JUnitError(path, `file is ${size} bytes, over the ${maxBytes}-byte limit`);
    fd = openSync(path, 'r');
  } catch (err) {
    if (err instanceof JUnitError) throw err;
    throw new JUnitError(path, `cannot read: ${(err as Error).message}`);
  }
  try {
    const reader = new JUnitReader(path, opts);
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let total = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      } catch (err) {
        throw new JUnitError(path, `cannot read: ${(err as Error).message}`);
      }
      if (n === 0) break;
      total += n;
      // The file may grow while it is read; the limit holds for what is read.
      if (total > maxBytes) throw new JUnitError(path, `file is over the ${maxBytes}-byte limit`);
      reader.write(decoder.write(buffer.subarray(0, n)));
    }
    reader.write(decoder.end());
    return reader.finish();
  } finally {
    closeSync(fd);
  }
}

export function parseJUnit(text: string, source: string, opts: ReadOptions = {}): JUnitDocument {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_JUNIT_BYTES;
  if (text.length > maxBytes) throw new JUnitError(source, `over the ${maxBytes}-byte limit`);
  const reader = new JUnitReader(source, opts);
  for (let at = 0; at < text.length; at += CHUNK_BYTES) reader.write(text.slice(at, at + CHUNK_BYTES));
  return reader.finish();
}

/** Anything XML 1.0 does not allow in a document, including halves of surrogate pairs. */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every character XML does not allow replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/.test(text) ? text.replace(NOT_XML_CHAR, '\uFFFD') : text;
}

function isXmlCodePoint(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function cutMarker(cut: number, what: string, kept: number): string {
  return `\n[fastest: ${cut} more characters of this ${what} cut; at most ${kept} are kept]`;
}

/** sax keeps these on the parser; the reader trims a runaway attribute value in place. */
type SaxParser = sax.SAXParser & { attribValue: string; tagName: string };

/** An element being read: where it belongs and, inside a testcase, its content so far. */
interface Frame {
  tag: string;
  kind: 'suites' | 'suite' | 'case' | 'child' | 'other';
  node?: JUnitChild;
  /** Characters of text dropped over the cap. */
  cut: number;
  /** A suite's frame: its entry in the document's suites, where its properties go. */
  suite?: JUnitSuite;
}

// sax errors that leave the structure intact: an unknown entity or a stray `&` stays as written,
// and an over-long attribute value is trimmed.
const RECOVERABLE = /^(Invalid character entity|Invalid character in entity name|Max buffer length exceeded: attribValue)$/;

class JUnitReader {
  private readonly parser: SaxParser;
  private readonly stack: Frame[] = [];
  private readonly suites: JUnitSuite[] = [];
  private readonly cases: JUnitCase[] = [];
  /** The last testcase read: held back in case a teardown error for it follows. */
  private pending: JUnitCase | undefined;
  private readonly onCase: ((c: JUnitCase) => void) | undefined;
  private readonly onSuite: ((s: JUnitSuite) => void) | undefined;
  private readonly resolver: ModuleResolver;
  private readonly budget: TextBudget;
  private attributeCut = 0;
  private attributeCuts: Record<string, number> = {};
  private sawContent = false;
  private sawRoot = false;
  private started = false;

  constructor(
    private readonly source: string,
    opts: ReadOptions,
  ) {
    this.resolver = moduleResolver(opts.knownFiles);
    this.onCase = opts.onCase;
    this.onSuite = opts.onSuite;
    this.budget = opts.textBudget ?? newTextBudget();
    const parser = sax.parser(true, { position: true }) as SaxParser;
    // A character reference to a character XML does not allow (`&#0;`) becomes U+FFFD: sax
    // asks its entity table before it decodes a reference.
    parser.ENTITIES = new Proxy(parser.ENTITIES, {
      get(table, name) {
        if (typeof name === 'string' && name.startsWith('#')) {
          const code = /^#x[0-9a-f]+$/i.test(name) ? parseInt(name.slice(2), 16) : /^#\d+$/.test(name) ? parseInt(name.slice(1), 10) : NaN;
          if (!Number.isNaN(code) && !isXmlCodePoint(code)) return '\uFFFD';
        }
        return table[name as string];
      },
    });
    parser.onerror = (err) => this.onError(err);
    parser.ondoctype = () => this.fail('DOCTYPE declarations are not accepted');
    parser.onsgmldeclaration = () => this.fail('declarations are not accepted');
    parser.onattribute = (attr) => {
      if (this.attributeCut > 0) this.attributeCuts[attr.name] = this.attributeCut;
      this.attributeCut = 0;
    };
    parser.onopentag = (tag) => this.open(tag as sax.Tag);
    parser.onclosetag = () => this.close();
    parser.ontext = (text) => this.text(text);
    parser.oncdata = (text) => this.text(text);
    this.parser = parser;
  }

  write(chunk: string): void {
    if (chunk === '') return;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (!this.sawContent && /\S/.test(chunk)) this.sawContent = true;
    this.parser.write(chunk);
  }

  finish(): JUnitDocument {
    if (!this.sawContent) throw new JUnitError(this.source, 'file is empty');
    const open = this.stack[this.stack.length - 1];
    if (open !== undefined) throw new JUnitError(this.source, `unclosed <${open.tag}> at end of file (truncated?)`);
    this.parser.close();
    if (!this.sawRoot) throw new JUnitError(this.source, 'no root element');
    if (this.pending !== undefined) this.emit(this.pending);
    this.pending = undefined;
    return { source: this.source, suites: this.suites, cases: this.cases };
  }

  private fail(reason: string): never {
    throw new JUnitError(this.source, `${reason} (line ${this.parser.line + 1})`);
  }

  private onError(err: Error): void {
    const message = err.message.split('\n')[0] ?? 'parse error';
    if (!RECOVERABLE.test(message)) {
      const expected = this.stack[this.stack.length - 1]?.tag;
      if (message === 'Unexpected close tag' && expected !== undefined) this.fail(`expected </${expected}> but found </${this.parser.tagName}>`);
      this.fail(message.replace(/\.$/, '').replace(/^\w/, (c) => c.toLowerCase()));
    }
    if (message === 'Max buffer length exceeded: attribValue' && this.parser.attribValue.length > ATTRIBUTE_CAP) {
      this.attributeCut += this.parser.attribValue.length - ATTRIBUTE_CAP;
      this.parser.attribValue = this.parser.attribValue.slice(0, ATTRIBUTE_CAP);
    }
    this.parser.resume();
  }

  private attributes(tag: sax.Tag): Record<string, string> {
    const attrs: Record<string, string> = {};
    for (const name in tag.attributes) {
      let value = tag.attributes[name] ?? '';
      const cut = this.attributeCuts[name];
      // Cut while it was read: its first ATTRIBUTE_CAP characters, then what came after the last trim.
      if (cut !== undefined)
        value = `${xmlSafe(value.slice(0, ATTRIBUTE_CAP))}${cutMarker(cut + value.length - ATTRIBUTE_CAP, `${name} attribute`, ATTRIBUTE_CAP)}`;
      else value = xmlSafe(value);
      attrs[name] = value;
    }
    this.attributeCuts = {};
    return attrs;
  }

  private open(tag: sax.Tag): void {
    const parent = this.stack[this.stack.length - 1];
    if (this.stack.length >= MAX_DEPTH) this.fail(`elements nested more than ${MAX_DEPTH} deep`);
    const name = tag.name;
    let frame: Frame;
    if (parent === undefined) {
      if (this.sawRoot) this.fail('more than one root element');
      if (name !== 'testsuites' && name !== 'testsuite') this.fail(`no <testsuites> or <testsuite> root element (found <${name}>)`);
      this.sawRoot = true;
      frame = { tag: name, kind: name === 'testsuites' ? 'suites' : 'suite', cut: 0 };
    } else if (name === 'testsuite' && (parent.kind === 'suites' || parent.kind === 'suite')) {
      frame = { tag: name, kind: 'suite', cut: 0 };
    } else if (name === 'testcase' && parent.kind === 'suite') {
      frame = { tag: name, kind: 'case', node: { tag: name, attrs: this.attributes(tag), text: '', children: [] }, cut: 0 };
    } else if (parent.kind === 'case' || parent.kind === 'child') {
      frame = { tag: name, kind: 'child', node: { tag: name, attrs: this.attributes(tag), text: '', children: [] }, cut: 0 };
    } else {
      if (name === 'property' && parent.tag === 'properties') this.addProperty(tag);
      frame = { tag: name, kind: 'other', cut: 0 };
    }
    if (frame.kind === 'suite') {
      const attrs = this.attributes(tag);
      const time = attrs['time'];
      const suite: JUnitSuite = { name: attrs['name'] ?? '', time: time !== undefined ? parseSeconds(time) : undefined };
      // Its properties come after it opens: they are added to this same object (addProperty).
      frame.suite = suite;
      if (this.onSuite) this.onSuite(suite);
      else this.suites.push(suite);
    }
    this.attributeCuts = {};
    this.stack.push(frame);
  }

  /** `<testsuite><properties><property name= value=/>`: kept on the suite (capped like any attribute). */
  private addProperty(tag: sax.Tag): void {
    const suite = this.stack[this.stack.length - 2]?.suite;
    if (suite === undefined) return;
    const attrs = this.attributes(tag);
    (suite.properties ??= []).push({ name: attrs['name'] ?? '', value: attrs['value'] ?? '' });
  }

  private text(text: string): void {
    const frame = this.stack[this.stack.length - 1];
    const node = frame?.node;
    if (frame === undefined || node === undefined) return;
    const room = this.textCap() - node.text.length;
    if (room >= text.length) node.text += text;
    else {
      if (room > 0) node.text += text.slice(0, room);
      frame.cut += text.length - Math.max(0, room);
    }
  }

  private textCap(): number {
    return Math.min(ELEMENT_TEXT_CAP, Math.max(ELEMENT_TEXT_FLOOR, this.budget.remaining));
  }

  private close(): void {
    const frame = this.stack.pop();
    const node = frame?.node;
    if (frame === undefined || node === undefined) return;
    node.text = xmlSafe(node.text);
    this.budget.remaining -= node.text.length;
    if (frame.cut > 0) node.text += cutMarker(frame.cut, `<${frame.tag}>`, node.text.length);
    if (frame.kind === 'child') this.stack[this.stack.length - 1]?.node?.children.push(node);
    else this.addCase(caseFromElement(node, this.resolver));
  }

  private addCase(read: JUnitCase): void {
    const previous = this.pending;
    // pytest writes a call failure followed by a teardown error as two testcases with one id.
    if (previous && previous.id === read.id && previous.outcome === 'failed' && !previous.teardownError && isTeardownError(read)) {
      previous.teardownError = { message: read.message ?? '', details: read.details ?? '' };
      previous.time = Math.max(previous.time, read.time);
      previous.xmlInner += read.xmlInner;
      return;
    }
    if (previous !== undefined) this.emit(previous);
    this.pending = read;
  }

  private emit(c: JUnitCase): void {
    if (this.onCase) this.onCase(c);
    else this.cases.push(c);
  }
}

function caseFromElement(testcase: JUnitChild, resolveModule: ModuleResolver): JUnitCase {
  const { attrs } = testcase;
  const classname = attrs['classname'] ?? '';
  const name = attrs['name'] ?? '';
  const where = nodeIdFromJUnit(classname, name, attrs['file'], resolveModule);
  const lineAttr = attrs['line'];
  const line = lineAttr !== undefined && /^\d+$/.test(lineAttr) ? Number(lineAttr) + 1 : undefined;
  const failure = testcase.children.find((c) => c.tag === 'failure');
  const error = testcase.children.find((c) => c.tag === 'error');
  const skipped = testcase.children.find((c) => c.tag === 'skipped');
  let outcome: Outcome = 'passed';
  let decisive: JUnitChild | undefined;
  if (failure) {
    decisive = failure;
    outcome = 'failed';
  } else if (error) {
    decisive = error;
    outcome = 'error';
  } else if (skipped) {
    decisive = skipped;
    // pytest writes a non-strict XPASS as a passed testcase; "passes unexpectedly" is xunit's form.
    outcome = skipped.attrs['type'] === 'pytest.xfail' ? 'xfailed' : 'skipped';
  }
  const result: JUnitCase = {
    id: where.id,
    classname,
    name,
    file: where.file,
    time: parseSeconds(attrs['time'] ?? '0'),
    outcome,
    xmlOpen: openTagXml('testcase', attrs),
    xmlInner: testcase.children.map((child) => elementXml(child.tag, child.attrs, child.text, child.children)).join(''),
  };
  if (line !== undefined) result.line = line;
  if (where.collection) result.collection = true;
  const attempts = attemptsOf(testcase.children);
  if (attempts !== undefined) {
    result.attempts = attempts.attempts;
    result.attemptCount = attempts.count;
  }
  if (decisive) {
    if (decisive.attrs['message'] !== undefined) result.message = decisive.attrs['message'];
    if (decisive.text !== '') result.details = decisive.text;
  }
  return result;
}

function isTeardownError(c: JUnitCase): boolean {
  return c.outcome === 'error' && (c.message ?? '').startsWith('failed on teardown');
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

type ModuleResolver = (dotted: string[]) => { file: string; consumed: number } | undefined;

/** Longest known module whose dotted name is a prefix of the classname's segments. */
function moduleResolver(knownFiles: Iterable<string> | undefined): ModuleResolver {
  const byDotted = new Map<string, string>();
  for (const file of knownFiles ?? []) byDotted.set(dottedModule(file), file);
  return (segments) => {
    for (let n = segments.length; n > 0 && byDotted.size > 0; n--) {
      const file = byDotted.get(segments.slice(0, n).join('.'));
      if (file !== undefined) return { file, consumed: n };
    }
    return undefined;
  };
}

const dottedCache = new Map<string, string>();

/** pytest's mangle_test_address for a module path: `a/b/test_c.py` -> `a.b.test_c`. */
export function dottedModule(file: string): string {
  let dotted = dottedCache.get(file);
  if (dotted === undefined) {
    dotted = file.replace(/\//g, '.').replace(/\.py$/, '');
    if (dottedCache.size > 100_000) dottedCache.clear();
    dottedCache.set(file, dotted);
  }
  return dotted;
}

/**
 * Inverse of pytest's mangle_test_address: classname `tests.test_a.TestB`, name `test_c[1]`,
 * file `tests/test_a.py` -> `tests/test_a.py::TestB::test_c[1]`. Without a usable `file`, the
 * module is the longest known file matching the classname, else the classname minus its trailing
 * capitalised segments (classes), with dots read as directory separators.
 */
export function nodeIdFromJUnit(
  classname: string,
  name: string,
  file?: string,
  resolveModule: ModuleResolver = () => undefined,
): { id: string; file: string; collection: boolean } {
  if (classname === '') {
    // A collection error or skip: pytest writes the module's dotted path as the name.
    const segments = name.split('.');
    const resolved = file ?? resolveModule(segments)?.file ?? `${segments.join('/')}.py`;
    return { id: resolved, file: resolved, collection: true };
  }
  if (file !== undefined && file !== '') {
    const dotted = dottedModule(file);
    if (classname === dotted) return { id: `${file}::${name}`, file, collection: false };
    if (classname.startsWith(`${dotted}.`)) {
      const classes = classname.slice(dotted.length + 1).split('.');
      return { id: [file, ...classes, name].join('::'), file, collection: false };
    }
  }
  const segments = classname.split('.');
  const known = resolveModule(segments);
  let moduleFile: string;
  let classes: string[];
  if (known) {
    moduleFile = known.file;
    classes = segments.slice(known.consumed);
  } else {
    let split = segments.length;
    while (split > 1 && /^[A-Z]/.test(segments[split - 1] ?? '')) split--;
    moduleFile = `${segments.slice(0, split).join('/')}.py`;
    classes = segments.slice(split);
  }
  return { id: [moduleFile, ...classes, name].join('::'), file: moduleFile, collection: false };
}

export function openTagXml(tag: string, attrs: Record<string, string>): string {
  let out = `<${tag}`;
  for (const name in attrs) out += ` ${name}="${escapeXmlAttr(attrs[name] ?? '')}"`;
  return out;
}

/** `<properties>` with a `<property name= value=/>` for each, or nothing for none. */
export function propertiesXml(properties: { name: string; value: string }[]): string {
  if (properties.length === 0) return '';
  return `<properties>${properties.map((p) => `${openTagXml('property', { name: p.name, value: p.value })} />`).join('')}</properties>`;
}

/** An element as XML; `rawInner` is appended unescaped after the children. */
export function elementXml(tag: string, attrs: Record<string, string>, text: string, children: JUnitChild[], rawInner = ''): string {
  const open = openTagXml(tag, attrs);
  if (text === '' && children.length === 0 && rawInner === '') return `${open} />`;
  let out = `${open}>`;
  if (text !== '') out += escapeXmlText(text);
  for (const child of children) out += elementXml(child.tag, child.attrs, child.text, child.children);
  return `${out}${rawInner}</${tag}>`;
}

export function escapeXmlText(value: string): string {
  if (!/[&<>]/.test(value)) return value;
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeXmlAttr(value: string): string {
  if (!/[&<>"\n\r\t]/.test(value)) return value;
  return value.replace(/[&<>"\n\r\t]/g, (c) => ATTR_ESCAPES[c] ?? c);
}

const ATTR_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#09;' };
