// Per-file discovery cache under .fastest/: a file whose size and mtime are unchanged, or
// whose content hash is unchanged, is not parsed again.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ParsedFunction, ParsedMember, ParsedModule } from './parse.js';

/** Bump when ParsedModule's shape or the parser's rules change. */
export const DISCOVERY_CACHE_VERSION = 8;

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** Changes with every write even when a tool puts the mtime back (rsync -t, cp -p). */
  ctimeMs: number;
  hash: string;
  /**
   * The module's structure: as objects when read from the cache file or parsed on this thread, as
   * the cache's JSON text (parsedJson) when a parse thread sent it. Read it with parsedOf.
   */
  parsed?: ParsedModule;
  /** Python's own SyntaxError text, when tree-sitter saw an error and Python confirmed it. */
  syntaxError?: string | null;
  /** The file was modified so shortly before it was read that its mtime alone can't vouch for it. */
  racy?: true;
  /** `parsed` as the cache file stores it, when a parse thread already wrote it (never saved as a field). */
  parsedJson?: string;
}

/**
 * The entry's structure. Made from the JSON text each time rather than kept: 100,000 tests'
 * worth of objects kept to the end of a discovery made the main thread's collections cost 350 ms.
 */
export function parsedOf(entry: { parsed?: ParsedModule; parsedJson?: string }): ParsedModule {
  if (entry.parsed) return entry.parsed;
  if (entry.parsedJson === undefined) throw new Error('discovery cache entry without a structure');
  return parsedFromJson(entry.parsedJson);
}


export interface DiscoveryCache {
  entries: Map<string, CacheEntry>;
  dirty: boolean;
  warning: string | null;
}

export function cachePath(rootdir: string): string {
  return join(rootdir, '.fastest', 'discovery.json');
}


export function loadCache(rootdir: string): DiscoveryCache {
  const path = cachePath(rootdir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { entries: new Map(), dirty: false, warning: null };
  }
  try {
    const data = JSON.parse(text) as { version?: unknown; files?: Record<string, CacheEntry> };
    if (data.version !== DISCOVERY_CACHE_VERSION || typeof data.files !== 'object' || data.files === null) {
      return { entries: new Map(), dirty: true, warning: null };
    }
    const entries = new Map(Object.entries(data.files));
    for (const entry of entries.values()) restoreDefaults(parsedOf(entry).members);
    return { entries, dirty: false, warning: null };
  } catch {
    return { entries: new Map(), dirty: true, warning: `ignoring corrupt discovery cache ${path}; it will be rebuilt` };
  }
}

export function saveCache(rootdir: string, cache: DiscoveryCache): void {
  if (!cache.dirty) return;
  const path = cachePath(rootdir);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    const files = [...cache.entries].map(([rel, entry]) => `${JSON.stringify(rel)}:${entryJson(entry)}`);
    writeFileSync(tmp, `{"version":${DISCOVERY_CACHE_VERSION},"files":{${files.join(',')}}}`);
    renameSync(tmp, path);
    cache.dirty = false;
  } catch {
    // A read-only checkout still discovers; it only loses the cache.
  }
}

// Most functions have no marks, no fixture decorator and no yield: leaving those fields out when
// they hold their default halves the file, and reading it is most of a warm discovery. The compact
// object is built field by field: deleting fields from a copy leaves V8 a slow dictionary object,
// which made serializing twice as slow.
function compactFunction(fn: ParsedFunction): Partial<ParsedFunction> {
  const compact: Partial<ParsedFunction> = { kind: fn.kind, name: fn.name, line: fn.line };
  if (fn.argnames.length > 0) compact.argnames = fn.argnames;
  if (fn.marks.length > 0) compact.marks = fn.marks;
  if (fn.fixture !== null) compact.fixture = fn.fixture;
  if (fn.abstract) compact.abstract = true;
  if (fn.isGenerator) compact.isGenerator = true;
  if (fn.guard) compact.guard = fn.guard;
  if (fn.marksUnknown) compact.marksUnknown = true;
  return compact;
}

function compactMembers(members: ParsedMember[]): unknown[] {
  return members.map((member) => {
    if (member.kind === 'class') return { ...member, members: compactMembers(member.members) };
    return member.kind === 'function' ? compactFunction(member) : member;
  });
}

/** A module's structure as the cache stores it (what parse threads send, so that it is written once). */
export function parsedToJson(parsed: ParsedModule): string {
  return JSON.stringify({ ...parsed, members: compactMembers(parsed.members) });
}

export function parsedFromJson(json: string): ParsedModule {
  const parsed = JSON.parse(json) as ParsedModule;
  restoreDefaults(parsed.members);
  return parsed;
}

function entryJson(entry: CacheEntry): string {
  const { parsed, parsedJson, ...stamp } = entry;
  const head = JSON.stringify(stamp);
  return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"parsed":${parsedJson ?? parsedToJson(parsed!)}}`;
}

function restoreDefaults(members: ParsedMember[]): void {
  for (const member of members) {
    if (member.kind === 'class') restoreDefaults(member.members);
    else if (member.kind === 'function') {
      member.argnames ??= [];
      member.marks ??= [];
      member.fixture ??= null;
      member.abstract ??= false;
      member.isGenerator ??= false;
    }
  }
}
