// An INI reader with the semantics of the `iniconfig` package that pytest uses (its legacy mode:
// no inline-comment stripping). Values continue on indented lines, joined with "\n"; whole-line
// comments start with `#` or `;`; `name = value` or `name: value`.

import { pyIsSpace, pyLstrip, pyRepr, pyRstrip, pySplitLines, pyStrip, pyUniversalNewlines } from './pystr.js';

export interface IniEntry {
  value: string;
  line: number; // 1-based line of the `name =` line
}

export interface IniSection {
  line: number; // 1-based line of the `[section]` header
  entries: Map<string, IniEntry>;
}

export type IniDocument = Map<string, IniSection>;

export class IniParseError extends Error {
  constructor(
    readonly path: string,
    readonly line: number, // 1-based
    readonly reason: string,
  ) {
    super(`${path}:${line}: ${reason}`);
  }
}

const COMMENT_CHARS = '#;';

interface ParsedLine {
  index: number; // 0-based
  section: string | null;
  name: string | null;
  value: string | null;
}

export function parseIni(path: string, text: string): IniDocument {
  const tokens = tokenize(path, pySplitLines(pyUniversalNewlines(text)));
  const doc: IniDocument = new Map();
  for (const t of tokens) {
    if (t.section === null) throw new IniParseError(path, t.index + 1, 'no section header defined');
    if (t.name === null) {
      if (doc.has(t.section)) {
        throw new IniParseError(path, t.index + 1, `duplicate section ${pyRepr(t.section)}`);
      }
      doc.set(t.section, { line: t.index + 1, entries: new Map() });
    } else {
      const section = doc.get(t.section);
      if (section === undefined) throw new Error('unreachable: entry before its section');
      if (section.entries.has(t.name)) {
        throw new IniParseError(path, t.index + 1, `duplicate name ${pyRepr(t.name)}`);
      }
      section.entries.set(t.name, { value: t.value ?? '', line: t.index + 1 });
    }
  }
  return doc;
}

function tokenize(path: string, lines: string[]): ParsedLine[] {
  const result: ParsedLine[] = [];
  let section: string | null = null;
  lines.forEach((rawLine, index) => {
    const parsed = parseLine(path, rawLine, index);
    if (parsed.kind === 'blank') return;
    if (parsed.kind === 'value') {
      result.push({ index, section, name: parsed.name, value: parsed.value });
    } else if (parsed.kind === 'section') {
      if (parsed.name === '') throw new IniParseError(path, index + 1, 'empty section name');
      section = parsed.name;
      result.push({ index, section, name: null, value: null });
    } else {
      const last = result.pop();
      if (last === undefined || last.name === null) {
        throw new IniParseError(path, index + 1, 'unexpected value continuation');
      }
      last.value = last.value ? `${last.value}\n${parsed.value}` : parsed.value;
      result.push(last);
    }
  });
  return result;
}

type LineKind =
  { kind: 'blank' } | { kind: 'section'; name: string } | { kind: 'value'; name: string; value: string } | { kind: 'continuation'; value: string };

function parseLine(path: string, rawLine: string, index: number): LineKind {
  if (isCommentLine(rawLine)) return { kind: 'blank' };
  let line = pyRstrip(rawLine);
  if (line === '') return { kind: 'blank' };
  if (line[0] === '[') {
    const realLine = line;
    for (const c of COMMENT_CHARS) line = pyRstrip(line.split(c)[0] ?? '');
    if (line.endsWith(']')) return { kind: 'section', name: line.slice(1, -1) };
    return { kind: 'continuation', value: pyStrip(realLine) };
  }
  if (!pyIsSpace(line[0] ?? '')) {
    let name: string;
    let value: string;
    const eq = line.indexOf('=');
    if (eq >= 0 && !line.slice(0, eq).includes(':')) {
      name = line.slice(0, eq);
      value = line.slice(eq + 1);
    } else {
      const colon = line.indexOf(':');
      if (colon < 0) throw new IniParseError(path, index + 1, `unexpected line: ${pyRepr(line)}`);
      name = line.slice(0, colon);
      value = line.slice(colon + 1);
    }
    return { kind: 'value', name: pyStrip(name), value: pyStrip(value) };
  }
  return { kind: 'continuation', value: pyStrip(line) };
}

function isCommentLine(line: string): boolean {
  const first = pyLstrip(line).slice(0, 1);
  // Python's `'' in "#;"` is true, so blank lines count as comments too.
  return first === '' || COMMENT_CHARS.includes(first);
}
