// Per-file discovery cache under .fastest/: a file whose size and mtime are unchanged, or
// whose content hash is unchanged, is not parsed again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { coveringIds } from '../nodeid.js';
import { itemOfExpandedId, wholeFileItem, type TestItem } from '../types.js';
import type { ParsedFunction, ParsedMember, ParsedModule } from './parse.js';

/** Bump when ParsedModule's shape or the parser's rules change. */
export const DISCOVERY_CACHE_VERSION = 20;

/** What a run taught about a module: listed id -> the ids pytest collected for it ([]: none). */
export type CollectedRecord = Record<string, string[]>;

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** Changes with every write even when a tool puts the mtime back (rsync -t, cp -p). */
  ctimeMs: number;
  hash: string;
  /** Only the imports were read (parsed.importsOnly): a test-file lookup parses the file again. */
  importsOnly?: true;
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
  /** What runs of this content collected, for the items discovery cannot list exactly. */
  collected?: CollectedRecord;
  /** sha1 of the entry as stored (its line in the file): an entry edited in place is dropped. */
  digest?: string;
  /**
   * A file that is no test module (one a conftest's pytest_collect_file collects, a doctest text
   * file): the ids a run collected from it, valid while its content and the conftest.py files
   * above it (`conftests`, a hash of their contents) are unchanged. Such an entry has no structure.
   */
  collectedOnly?: { conftests: string; ids: string[] };
  /**
   * A test module: the ids a run collected from the file beside the module's own tests (a
   * conftest's pytest_collect_file, the doctest plugin), in collection order, valid while `key`
   * (the conftest.py files above it and the doctest options) is unchanged. `order`: every id the
   * module collected, in pytest's order, when those ids were not all before the module's own
   * (tests the module adds at import to a class discovery lists), to place them as pytest does.
   */
  beside?: { key: string; ids: string[]; order?: string[] };
}

/** A file's stamps and the hash of the conftest.py files above it, when it can be read. */
export type OtherFileStamp = Pick<CacheEntry, 'size' | 'mtimeMs' | 'ctimeMs' | 'hash' | 'racy'> & { conftests: string };

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

/**
 * `fastest watch` makes many discoveries in one process: the cache stays in memory between them
 * (read again only when another process rewrote the file), and is written when the watch says so.
 */
let held: { rootdir: string; cache: DiscoveryCache | null; stamp: string | null } | null = null;

function fileStamp(path: string): string | null {
  try {
    const st = statSync(path);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return null;
  }
}

/** Keeps the rootdir's cache in memory from now on; saves go to disk only through flushHeldCache. */
export function holdCacheInMemory(rootdir: string): void {
  held = { rootdir, cache: null, stamp: null };
}

/** Writes the held cache if it changed. */
export function flushHeldCache(): void {
  if (!held?.cache) return;
  writeCache(held.rootdir, held.cache);
  held.stamp = fileStamp(cachePath(held.rootdir));
}

export function loadCache(rootdir: string): DiscoveryCache {
  if (held?.rootdir === rootdir) {
    if (held.cache && held.stamp === fileStamp(cachePath(rootdir))) {
      held.cache.warning = null; // said once
      return held.cache;
    }
    held.cache = readCache(rootdir);
    held.stamp = fileStamp(cachePath(rootdir));
    return held.cache;
  }
  return readCache(rootdir);
}

function readCache(rootdir: string): DiscoveryCache {
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
    const verified = verifiedEntries(text);
    const entries = new Map<string, CacheEntry>();
    let dropped = 0;
    for (const [rel, entry] of Object.entries(data.files)) {
      if (verified.has(rel) && soundEntry(entry)) entries.set(rel, entry);
      else dropped++;
    }
    const warning =
      dropped > 0
        ? `ignoring ${dropped} discovery cache ${dropped === 1 ? 'entry that does not match its' : 'entries that do not match their'} digest in ${path}; re-parsing`
        : null;
    return { entries, dirty: dropped > 0, warning };
  } catch {
    return { entries: new Map(), dirty: true, warning: `ignoring corrupt discovery cache ${path}; it will be rebuilt` };
  }
}

export function saveCache(rootdir: string, cache: DiscoveryCache): void {
  if (held?.rootdir === rootdir) {
    held.cache = cache;
    return;
  }
  writeCache(rootdir, cache);
}

function writeCache(rootdir: string, cache: DiscoveryCache): void {
  if (!cache.dirty) return;
  const path = cachePath(rootdir);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    const files = [...cache.entries].map(([rel, entry]) => entryLine(rel, entry));
    writeFileSync(tmp, `{"version":${DISCOVERY_CACHE_VERSION},"files":{\n${files.join(',\n')}\n}}`);
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
  if (fn.isAsync) compact.isAsync = true;
  if (fn.guard) compact.guard = fn.guard;
  if (fn.marksUnknown) compact.marksUnknown = true;
  if (fn.optionalArgs) compact.optionalArgs = fn.optionalArgs;
  if (fn.isStatic) compact.isStatic = true;
  if (fn.otherDecorators) compact.otherDecorators = true;
  if (fn.hypothesis) compact.hypothesis = true;
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

const DIGEST_AT = ':{"digest":"';

function sha1Hex(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * One entry per line, its digest first: `"rel":{"digest":"<sha1 of the rest>",<the rest>`. The
 * digest covers the entry's bytes as stored, so checking it costs one hash of the file, not a
 * serialization of every entry.
 */
function entryLine(rel: string, entry: CacheEntry): string {
  const { parsed, parsedJson, digest: _digest, ...stamp } = entry;
  const head = JSON.stringify(stamp);
  const body = entry.collectedOnly
    ? `${head.slice(1, -1)}}`
    : `${head.slice(1, -1)}${head.length > 2 ? ',' : ''}"parsed":${parsedJson ?? parsedToJson(parsed!)}}`;
  return `${JSON.stringify(rel)}${DIGEST_AT}${sha1Hex(body)}",${body}`;
}

/** The entries whose line matches its digest (an entry edited in place, or not written by
 * saveCache, is not among them). */
function verifiedEntries(text: string): Set<string> {
  const verified = new Set<string>();
  for (let line of text.split('\n')) {
    if (line.endsWith(',')) line = line.slice(0, -1);
    const at = line.indexOf(DIGEST_AT);
    if (at < 0) continue;
    const digest = line.slice(at + DIGEST_AT.length, at + DIGEST_AT.length + 40);
    const body = line.slice(at + DIGEST_AT.length + 42);
    if (sha1Hex(body) !== digest) continue;
    try {
      verified.add(JSON.parse(line.slice(0, at)) as string);
    } catch {
      // not a key: the line is no entry
    }
  }
  return verified;
}

/** An entry read from the file is used only when its shape is right (it passed its digest). */
function soundEntry(entry: unknown): entry is CacheEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const e = entry as CacheEntry;
  if (e.collectedOnly !== undefined) {
    const other = e.collectedOnly as unknown as { conftests?: unknown; ids?: unknown };
    return (
      typeof e.hash === 'string' &&
      e.parsed === undefined &&
      typeof other.conftests === 'string' &&
      Array.isArray(other.ids) &&
      other.ids.every((id) => typeof id === 'string')
    );
  }
  if (typeof e.hash !== 'string' || typeof e.parsed !== 'object' || e.parsed === null || !Array.isArray(e.parsed.members)) return false;
  if (e.collected !== undefined && !validRecord(e.collected)) return false;
  if (e.beside !== undefined) {
    const beside = e.beside as unknown as { key?: unknown; ids?: unknown; order?: unknown };
    const strings = (list: unknown) => Array.isArray(list) && list.every((id) => typeof id === 'string');
    if (
      typeof beside !== 'object' ||
      beside === null ||
      typeof beside.key !== 'string' ||
      !strings(beside.ids) ||
      (beside.order !== undefined && !strings(beside.order))
    )
      return false;
  }
  try {
    restoreDefaults(e.parsed.members);
  } catch {
    return false;
  }
  return true;
}

function validRecord(record: unknown): record is CollectedRecord {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
  return Object.values(record).every((ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string'));
}

/**
 * Records what a run collected for each module (`lessons`: file -> listed id -> collected ids;
 * `modules`: file -> every id the module collected). A recorded id the module now produces
 * otherwise is corrected; nothing is written when nothing changed. A lesson's ids under ''
 * are the file's other collectors' (kept as `beside`, under `besideKey(file)`).
 */
export function learnCollected(
  rootdir: string,
  lessons: Map<string, CollectedRecord>,
  modules: Map<string, string[]>,
  otherFileStamp: (file: string) => OtherFileStamp | null = () => null,
  besideKey: (file: string) => string | null = () => null,
): boolean {
  if (lessons.size === 0) return false;
  const cache = loadCache(rootdir);
  for (const [file, lesson] of lessons) {
    const entry = cache.entries.get(file);
    const module = modules.get(file);
    // A file with no module structure: what it collected, as a whole (a collection error is not kept).
    if (!entry || entry.collectedOnly) {
      if (!module || isCollectionError(file, lesson)) continue;
      const stamp = otherFileStamp(file);
      if (!stamp) continue;
      const { conftests, ...stamps } = stamp;
      cache.entries.set(file, { ...stamps, collectedOnly: { conftests, ids: module } });
      cache.dirty = true;
      continue;
    }
    if (entry && isCollectionError(file, lesson)) {
      if (JSON.stringify(entry.collected ?? {}) !== JSON.stringify(lesson)) {
        entry.collected = lesson;
        cache.dirty = true;
      }
      continue;
    }
    if (!entry || !module) continue;
    const own = learnBeside(cache, entry, file, lesson, module, besideKey);
    const record: CollectedRecord = { ...(entry.collected ?? {}), ...own };
    for (const id of Object.keys(record)) {
      if (id in own) continue;
      // kept when the module produces it as itself: the item was recorded because it was dynamic
      record[id] = module.filter((m) => m === id || m.startsWith(id + '[') || m.startsWith(id + '::'));
    }
    if (JSON.stringify(record) === JSON.stringify(entry.collected ?? {})) continue;
    entry.collected = record;
    cache.dirty = true;
  }
  const changed = cache.dirty;
  saveCache(rootdir, cache);
  return changed;
}

/**
 * Keeps a lesson's ids no listed item stands for (`lesson['']`: a conftest hook's, the doctest
 * plugin's, tests the module adds at import) as the entry's `beside`, under the key of what they
 * depend on; with the module's whole collection order (`collected`) when they were not all first.
 * Returns the rest of the lesson, about the module's own items.
 */
function learnBeside(
  cache: DiscoveryCache,
  entry: CacheEntry,
  file: string,
  lesson: CollectedRecord,
  collected: string[],
  besideKey: (file: string) => string | null,
): CollectedRecord {
  const { '': found, ...own } = lesson;
  const key = found === undefined ? null : besideKey(file);
  if (found === undefined || key === null) return own;
  const first = found.every((id, index) => collected[index] === id);
  const beside = first ? { key, ids: found } : { key, ids: found, order: collected };
  if (JSON.stringify(entry.beside ?? null) !== JSON.stringify(beside)) {
    entry.beside = beside;
    cache.dirty = true;
  }
  return own;
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

/**
 * Discovery's items of a module corrected by what runs of the same content collected: an item
 * recorded with no ids is gone (pytest never collects it), one recorded with ids becomes those
 * items (a dynamic item's expansions, a dynamic class's tests).
 */
/** The lesson of a module that failed to collect in a run: `{file: [file]}`. */
function isCollectionError(file: string, record: CollectedRecord): boolean {
  const ids = Object.prototype.hasOwnProperty.call(record, file) ? record[file] : undefined;
  return ids !== undefined && ids.length === 1 && ids[0] === file && Object.keys(record).length === 1;
}

export function applyCollected(items: TestItem[], record: CollectedRecord | undefined, file?: string): TestItem[] {
  if (!record) return items;
  // It failed to collect: none of its listed ids exists; it runs whole, as pytest reports its error.
  if (file !== undefined && isCollectionError(file, record)) {
    return [wholeFileItem(file, items.find((item) => item.id === file)?.marks)];
  }
  const out: TestItem[] = [];
  for (const item of items) {
    const ids = Object.prototype.hasOwnProperty.call(record, item.id) ? record[item.id] : undefined;
    if (ids === undefined) {
      out.push(item);
      continue;
    }
    for (const id of ids) out.push(itemOfExpandedId(item, id));
  }
  return out;
}

/** The items of a file that is no test module, as a run collected them (`collectedOnly.ids`). */
export function itemsOfCollectedFile(file: string, ids: string[], marks: TestItem['marks']): TestItem[] {
  const whole = wholeFileItem(file, marks);
  return ids.map((id) => itemOfExpandedId(whole, id));
}

/**
 * A module's items as a run collected them (`ids`, in collection order): each id as the listed
 * item that is it or stands for it (its marks kept), else as an item of the whole file.
 */
export function itemsOfCollectedModule(file: string, listed: TestItem[], ids: string[]): TestItem[] {
  const byId = new Map(listed.map((item) => [item.id, item]));
  const whole: TestItem = { id: file, file, line: 1, classes: [], function: '', marks: [], dynamic: true };
  return ids.map((id) => {
    const own = byId.get(id);
    if (own) return { ...own, dynamic: false };
    const covering = coveringIds(id)
      .map((covering) => byId.get(covering))
      .find((item) => item?.dynamic);
    return itemOfExpandedId(covering ?? whole, id);
  });
}
