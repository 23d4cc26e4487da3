// Reads JUnit XML as pytest writes it (xunit1 with `file`/`line`, or xunit2 without) and turns
// every <testcase> back into a pytest node id with its outcome.
import { readFileSync, statSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import type { Outcome } from '../types.js';

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

export interface ReadOptions {
  /** Largest file accepted, in bytes (default 256 MiB). */
  maxBytes?: number;
  /** Known module paths, to tell directories from classes when a file has no `file` attribute. */
  knownFiles?: Iterable<string>;
}

export const DEFAULT_MAX_JUNIT_BYTES = 256 * 1024 * 1024;

const ARRAY_TAGS = new Set(['testsuite', 'testcase', 'failure', 'error', 'skipped', 'property', 'system-out', 'system-err', 'properties']);
const ATTR = '@_';

// Entities are never expanded by the parser: a DOCTYPE is refused outright (pytest never writes
// one) and only the five predefined entities and character references are decoded, below.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (tag: string) => ARRAY_TAGS.has(tag),
});

export function readJUnitFile(path: string, opts: ReadOptions = {}): JUnitDocument {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_JUNIT_BYTES;
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > maxBytes) throw new JUnitError(path, `file is ${size} bytes, over the ${maxBytes}-byte limit`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof JUnitError) throw err;
    throw new JUnitError(path, `cannot read: ${(err as Error).message}`);
  }
  return parseJUnit(text, path, opts);
}

export function parseJUnit(text: string, source: string, opts: ReadOptions = {}): JUnitDocument {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_JUNIT_BYTES;
  if (text.length > maxBytes) throw new JUnitError(source, `over the ${maxBytes}-byte limit`);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (/<!DOCTYPE/i.test(text)) throw new JUnitError(source, 'DOCTYPE declarations are not accepted');
  if (text.trim() === '') throw new JUnitError(source, 'file is empty');
  const problem = wellFormednessProblem(text);
  if (problem !== undefined) throw new JUnitError(source, problem);
  let tree: Record<string, unknown>;
  try {
    tree = parser.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new JUnitError(source, (err as Error).message.split('\n')[0] ?? 'parse error');
  }
  const suites: JUnitSuite[] = [];
  const cases: JUnitCase[] = [];
  const resolver = moduleResolver(opts.knownFiles);
  const visitSuite = (suite: Record<string, unknown>): void => {
    const time = suite[`${ATTR}time`];
    const properties = asArray(suite['properties']).flatMap((group) =>
      asArray(group['property']).map((p) => ({ name: decodeXml(String(p[`${ATTR}name`] ?? '')), value: decodeXml(String(p[`${ATTR}value`] ?? '')) })));
    suites.push({ name: decodeXml(String(suite[`${ATTR}name`] ?? '')), time: typeof time === 'string' ? parseSeconds(time) : undefined, ...(properties.length ? { properties } : {}) });
    for (const node of asArray(suite['testcase'])) addCase(node);
    for (const inner of asArray(suite['testsuite'])) visitSuite(inner);
  };
  const addCase = (node: Record<string, unknown>): void => {
    const testcase = toChild('testcase', node);
    const read = caseFromElement(testcase, resolver);
    const previous = cases[cases.length - 1];
    // pytest writes a call failure followed by a teardown error as two testcases with one id.
    if (previous && previous.id === read.id && previous.outcome === 'failed' && !previous.teardownError && isTeardownError(read)) {
      previous.teardownError = { message: read.message ?? '', details: read.details ?? '' };
      previous.time = Math.max(previous.time, read.time);
      previous.xmlInner += read.xmlInner;
      return;
    }
    cases.push(read);
  };
  const root = tree['testsuites'] ?? tree['testsuite'];
  if (root === undefined) throw new JUnitError(source, 'no <testsuites> or <testsuite> root element');
  if (tree['testsuites'] !== undefined) {
    const top = tree['testsuites'];
    if (typeof top === 'object' && top !== null) {
      for (const suite of asArray((top as Record<string, unknown>)['testsuite'])) visitSuite(suite);
    }
  } else {
    for (const suite of asArray(tree['testsuite'])) visitSuite(suite);
  }
  return { source, suites, cases };
}

function asArray(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  // A self-closing element with no attributes parses as ''.
  return list.map((v) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {}));
}

function toChild(tag: string, node: unknown): JUnitChild {
  const attrs: Record<string, string> = {};
  const children: JUnitChild[] = [];
  let text = '';
  if (typeof node === 'string') return { tag, attrs, text: decodeXml(node), children };
  if (typeof node !== 'object' || node === null) return { tag, attrs, text, children };
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key.startsWith(ATTR)) attrs[key.slice(ATTR.length)] = decodeXml(String(value));
    else if (key === '#text') text = decodeXml(String(value));
    else for (const item of Array.isArray(value) ? value : [value]) children.push(toChild(key, item));
  }
  return { tag, attrs, text, children };
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

/**
 * Checks what fast-xml-parser (lenient by design) lets through: elements nest and close, one root,
 * tags and attribute quotes end before the file does. A truncated file (a shard killed while
 * writing) fails here. XMLValidator does the same and more, at a third of the merge budget.
 */
const MAX_DEPTH = 64;

export function wellFormednessProblem(text: string): string | undefined {
  const tagEnd = /["'>]/g;
  const open: string[] = [];
  let roots = 0;
  let at = 0;
  const lineAt = (index: number): number => {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
    return line;
  };
  const fail = (reason: string, index: number): string => `${reason} (line ${lineAt(index)})`;
  for (;;) {
    const lt = text.indexOf('<', at);
    if (lt < 0) break;
    if (open.length === 0 && /\S/.test(text.slice(at, lt))) return fail('text outside the root element', at);
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return fail('unterminated comment', lt);
      at = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0 || open.length === 0) return fail('unterminated or misplaced CDATA section', lt);
      at = end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) return fail('unterminated processing instruction', lt);
      at = end + 2;
    } else if (text[lt + 1] === '!') {
      return fail('declarations are not accepted', lt);
    } else if (text[lt + 1] === '/') {
      const end = text.indexOf('>', lt + 2);
      if (end < 0) return fail('unterminated closing tag', lt);
      const name = text.slice(lt + 2, end).trim();
      const expected = open.pop();
      if (name !== expected) return fail(expected === undefined ? `closing tag </${name}> without an opening tag` : `expected </${expected}> but found </${name}>`, lt);
      at = end + 1;
    } else {
      const nameMatch = /^[A-Za-z_][\w.:-]*/.exec(text.slice(lt + 1, lt + 201));
      if (!nameMatch) return fail('invalid tag', lt);
      const name = nameMatch[0];
      let i = lt + 1 + name.length;
      for (;;) {
        tagEnd.lastIndex = i;
        const hit = tagEnd.exec(text);
        if (!hit) {
          i = text.length;
          break;
        }
        i = hit.index;
        if (hit[0] === '>') break;
        const close = text.indexOf(hit[0], i + 1);
        if (close < 0) {
          i = text.length;
          break;
        }
        const inner = text.indexOf('<', i + 1);
        if (inner >= 0 && inner < close) return fail(`'<' inside an attribute of <${name}>`, inner);
        i = close + 1;
      }
      if (i >= text.length) return fail(`unterminated tag <${name}>`, lt);
      if (open.length === 0) roots++;
      if (roots > 1) return fail('more than one root element', lt);
      if (text[i - 1] !== '/') open.push(name);
      if (open.length > MAX_DEPTH) return fail(`elements nested more than ${MAX_DEPTH} deep`, lt);
      at = i + 1;
    }
  }
  if (open.length > 0) return `unclosed <${open[open.length - 1]}> at end of file (truncated?)`;
  if (/\S/.test(text.slice(at))) return fail('text outside the root element', at);
  if (roots === 0) return 'no root element';
  return undefined;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and character references; anything else stays as written. */
export function decodeXml(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function openTagXml(tag: string, attrs: Record<string, string>): string {
  let out = `<${tag}`;
  for (const name in attrs) out += ` ${name}="${escapeXmlAttr(attrs[name] ?? '')}"`;
  return out;
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
