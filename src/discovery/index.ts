// Discovery: paths -> test modules -> parsed structure (cached) -> pytest node ids.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { wholeFileItem, type CollectionError, type DiscoveryResult, type TestItem } from '../types.js';
import { isRacy, noteFile, probePath, sha1 } from '../memo/inputs.js';
import {
  applyCollected,
  itemsOfCollectedFile,
  learnCollected as learnCollectedInCache,
  loadCache,
  parsedOf,
  saveCache,
  type CacheEntry,
  type CollectedRecord,
  type DiscoveryCache,
  type OtherFileStamp,
} from './cache.js';
export { flushHeldCache, holdCacheInMemory, itemsOfCollectedFile, itemsOfCollectedModule, type CollectedRecord } from './cache.js';
export { doctestOptionsOf, type DoctestOptions } from './doctests.js';
import { conftestFacts, foreignClassOf, itemsOfModule, matchesPrefixOrGlob, type CollectRules, type ConftestInfo, type ForeignClassLookup } from './items.js';
import type { ParsedModule } from './parse.js';
import type { ParseOutcome, ParseRequest } from './parse-file.js';
import { openParsePool } from './parse-pool.js';
import { fnmatch } from './fnmatch.js';
import { reorderItems } from './fixtures.js';
import { evaluateGuard } from './guards.js';
import { ImportResolver } from './imports.js';
import { probeInterpreter, type InterpreterProbe } from './interpreter.js';
import { dirsUpToRootdir, findCollectable, ignoredPath, type WalkRules } from './walk.js';
import { doctestOptionsOf, isDoctestModule, placeDoctests, type DoctestOptions, type PlacedItem } from './doctests.js';

export interface DiscoverOptions {
  rootdir: string;
  /** Absolute paths to collect (files or directories), already decided from args/testpaths. */
  paths: string[];
  walk: WalkRules;
  rules: CollectRules;
  useCache: boolean;
  /**
   * Interpreter used to confirm syntax errors with Python's own message, and to evaluate the
   * guards a module's definitions depend on (`if sys.platform == ...`): asked only then.
   */
  python: () => string;
  /** Doctest collection (text files matching `test*.txt` are collected even without options). */
  doctest?: DoctestOptions;
  /**
   * Told after the walk how many test modules it found, and which of them (absolute paths) the
   * discovery cache did not hold, before they are parsed: the prestarted workers rewrite those
   * modules meanwhile (cli/run.ts).
   */
  onWalked?: (modules: number, toParse: string[]) => void;
  /**
   * Told of each test module's listed tests as its items are built (while the rest are parsed):
   * a first run starts the workers they need as they come (cli/run.ts).
   */
  onModuleTests?: (listed: number) => void;
}

export function toNodePath(rootdir: string, absolute: string): string {
  const rel = relative(rootdir, absolute);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** `st`: the file's state before it was read, for the input log. */
export type CacheLookup = { entry: CacheEntry; st: Stats } | { parse: ParseRequest; st: Stats };

/**
 * A file's cached structure when its size and mtime, or else its content hash, are unchanged. An
 * entry stored while the file's mtime was too recent to be trusted is confirmed by its hash.
 */
export function lookupCache(abs: string, rel: string, cache: DiscoveryCache | null, importsOnly = false): CacheLookup {
  const st = statSync(abs);
  let cached = cache?.entries.get(rel);
  // An entry that holds only a module's imports serves the import graph, not discovery; one of
  // what a file that was no module collected serves neither.
  if ((cached?.importsOnly && !importsOnly) || cached?.collectedOnly) cached = undefined;
  if (cached && cached.size === st.size && cached.mtimeMs === st.mtimeMs && cached.ctimeMs === st.ctimeMs && !cached.racy) return { entry: cached, st };
  if (cached && cached.hash === sha1(readFileSync(abs))) {
    const { racy: _racy, ...confirmed } = cached;
    const entry = markRacy({ ...confirmed, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs });
    cache!.entries.set(rel, entry);
    cache!.dirty = true;
    return { entry, st };
  }
  return { parse: { abs, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ...(importsOnly ? { importsOnly: true as const } : {}) }, st };
}

/** Flags an entry whose file was written too shortly before it was read for its stamps to vouch for it. */
function markRacy(entry: CacheEntry): CacheEntry {
  if (isRacy(Math.max(entry.mtimeMs, entry.ctimeMs))) entry.racy = true;
  return entry;
}

export function storeParsed(rel: string, outcome: ParseOutcome, cache: DiscoveryCache | null): CacheEntry {
  const entry: CacheEntry = { size: outcome.size, mtimeMs: outcome.mtimeMs, ctimeMs: outcome.ctimeMs, hash: outcome.hash };
  if (outcome.importsOnly) entry.importsOnly = true;
  if (outcome.parsed !== undefined) entry.parsed = outcome.parsed;
  if (outcome.parsedJson !== undefined) entry.parsedJson = outcome.parsedJson;
  markRacy(entry);
  if (cache) {
    cache.entries.set(rel, entry);
    cache.dirty = true;
  }
  return entry;
}

/** Notes the file's content as an input of this discovery (when inputs are being logged). */
function noted(abs: string, st: Stats, entry: CacheEntry): CacheEntry {
  noteFile(abs, st, entry.hash);
  return entry;
}

const SYNTAX_CHECK = `
import json, sys, traceback
out = {}
for path in sys.argv[1:]:
    try:
        with open(path, 'rb') as f:
            compile(f.read(), path, 'exec', dont_inherit=True)
        out[path] = None
    except SyntaxError as e:
        out[path] = ''.join(traceback.format_exception_only(type(e), e))
    except Exception as e:
        out[path] = None
print(json.dumps(out))
`;

/**
 * Asks Python whether files tree-sitter could not parse are really invalid, and its message. The
 * interpreter is chosen only when there is such a file.
 */
function confirmSyntaxErrors(python: () => string, files: string[]): Map<string, string | null> {
  const verdicts = new Map<string, string | null>();
  if (files.length === 0) return verdicts;
  try {
    const output = execFileSync(python(), ['-c', SYNTAX_CHECK, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const parsed = JSON.parse(output) as Record<string, string | null>;
    for (const f of files) verdicts.set(f, parsed[f] ?? null);
  } catch {
    for (const f of files) verdicts.set(f, 'SyntaxError: invalid syntax (tree-sitter could not parse this file)\n');
  }
  return verdicts;
}

function syntaxErrorMessage(pythonText: string): string {
  return pythonText
    .trimEnd()
    .split('\n')
    .map((line) => `E   ${line}`)
    .join('\n');
}

interface Lookup {
  abs: string;
  rel: string;
  found: CacheLookup;
}

function lookup(abs: string, rootdir: string, cache: DiscoveryCache | null): Lookup {
  const rel = toNodePath(rootdir, abs);
  return { abs, rel, found: lookupCache(abs, rel, cache) };
}

/**
 * pytest_ignore_collect's `collect_ignore` / `collect_ignore_glob`: a path is skipped when a
 * conftest.py between the rootdir and the path's parent lists it (paths relative to that
 * conftest's directory); an ignored directory takes everything below it along.
 */
function ignoredByConftest(file: string, rootdir: string, conftests: Map<string, ConftestInfo>, imports?: ImportResolver): boolean | 'maybe' {
  let maybe = false;
  for (let path = file; path.startsWith(rootdir) && path !== rootdir; path = dirname(path)) {
    for (const dir of dirsUpToRootdir(dirname(path), rootdir)) {
      const info = conftests.get(dir);
      if (!info) continue;
      if (info.collectIgnore.includes(path) || info.collectIgnoreGlob.some((g) => fnmatch(path, g))) return true;
      for (const { path: listed, glob, guard } of info.collectIgnoreGuarded ?? []) {
        if (!(glob ? fnmatch(path, listed) : listed === path)) continue;
        // added under a condition (`if not PY_3_14_PLUS: collect_ignore.extend(...)`)
        const taken = imports ? evaluateGuard(guard, imports.envFor(join(dir, 'conftest.py'))) : null;
        if (taken === true) return true;
        if (taken === null) maybe = true;
      }
    }
  }
  return maybe ? 'maybe' : false;
}

function conftestChain(file: string, rootdir: string, conftests: Map<string, ConftestInfo>): ConftestInfo {
  const merged: ConftestInfo = {
    parametrizedFixtures: new Set(),
    fixtureArgs: new Map(),
    hasGenerateTests: false,
    collectIgnore: [],
    collectIgnoreGlob: [],
    fixtureLevels: [],
  };
  for (const dir of dirsUpToRootdir(dirname(file), rootdir)) {
    const info = conftests.get(dir);
    if (!info) continue;
    for (const f of info.parametrizedFixtures) merged.parametrizedFixtures.add(f);
    for (const [name, args] of info.fixtureArgs) merged.fixtureArgs.set(name, [...(merged.fixtureArgs.get(name) ?? []), ...args]);
    merged.hasGenerateTests ||= info.hasGenerateTests;
    merged.makesModules ||= info.makesModules;
    merged.fixtureLevels.unshift(...info.fixtureLevels); // from the rootdir's down
  }
  return merged;
}

/**
 * Files that are not Python modules, below a conftest.py that defines pytest_collect_file (or
 * pytest_collect_directory) and not ignored: each is one dynamic item whose id is its path, run
 * whole by the pytest engine, which reports whatever the hook collects from it (maybe nothing).
 * Only directories with such a conftest pay for this.
 */
function fileCollectedPlaceholders(
  others: { path: string; after: number }[],
  walk: WalkRules,
  rootdir: string,
  conftests: Map<string, ConftestInfo>,
): { item: TestItem; after: number }[] {
  const collectingDirs = [...conftests].filter(([, info]) => info.collectsFiles).map(([dir]) => dir);
  if (collectingDirs.length === 0) return [];
  const below = (path: string) => collectingDirs.some((dir) => path.startsWith(dir + sep));
  return others
    .filter(({ path }) => below(path) && basename(path) !== '__init__.py' && !ignoredPath(path, walk) && ignoredByConftest(path, rootdir, conftests) !== true)
    .map(({ path, after }) => {
      const file = toNodePath(rootdir, path);
      return { item: wholeFileItem(file), after };
    });
}

/**
 * The conftest.py files from the file's directory up to the rootdir, as one hash of their contents:
 * what a conftest hook collected from a file is kept while it is unchanged. `memo`: per directory.
 */
function conftestsKey(abs: string, rootdir: string, memo: Map<string, string> = new Map()): string {
  const parts: string[] = [];
  for (const dir of dirsUpToRootdir(dirname(abs), rootdir)) {
    let part = memo.get(dir);
    if (part === undefined) {
      try {
        part = sha1(readFileSync(join(dir, 'conftest.py')));
      } catch {
        part = '-';
      }
      memo.set(dir, part);
    }
    parts.push(part);
  }
  return sha1(Buffer.from(parts.join('\n')));
}

/** The stamps of a file that is no module, for what a run collected from it. */
function otherFileStamp(rootdir: string, file: string): OtherFileStamp | null {
  const abs = join(rootdir, file);
  try {
    const st = statSync(abs);
    const hash = sha1(readFileSync(abs));
    const stamp: OtherFileStamp = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, hash, conftests: conftestsKey(abs, rootdir) };
    if (isRacy(Math.max(st.mtimeMs, st.ctimeMs))) stamp.racy = true;
    return stamp;
  } catch {
    return null;
  }
}

/**
 * Records what a run collected (`lessons`: file -> listed id -> collected ids; `modules`: file ->
 * every id it collected) in the discovery cache: for modules, the corrections of their items; for
 * files that are no module (a conftest hook's, doctest text files), the ids they collected.
 */
export function learnCollected(
  rootdir: string,
  lessons: Map<string, CollectedRecord>,
  modules: Map<string, string[]>,
  doctest: DoctestOptions = doctestOptionsOf([], undefined),
): boolean {
  const memo = new Map<string, string>();
  return learnCollectedInCache(
    rootdir,
    lessons,
    modules,
    (file) => otherFileStamp(rootdir, file),
    (file) => besideKey(join(rootdir, file), rootdir, doctest, memo),
  );
}

/**
 * What a test module's other collectors depend on besides its content: the conftest.py files above
 * it (their pytest_collect_file) and the doctest options (the doctest plugin's DoctestModule).
 */
function besideKey(abs: string, rootdir: string, doctest: DoctestOptions, memo: Map<string, string>): string {
  return `${conftestsKey(abs, rootdir, memo)}:${doctest.modules ? `doctest-modules:${doctest.importMode}` : ''}`;
}

/**
 * The ids a run collected from test modules beside their own tests (a conftest hook's, their
 * doctests, tests the module adds at import), in place of the module's whole-file doctest
 * placeholder; only for cached modules whose conftest.py files and doctest options are as they
 * were then. Placed before each module's tests as pytest collects them (`placeholders`), or, when
 * the run had them among the module's own (`order`), for inCollectedOrder (`inModule`, by path).
 */
function withBeside(
  placeholders: PlacedItem[],
  files: string[],
  modules: Lookup[],
  rootdir: string,
  doctest: DoctestOptions,
): { placeholders: PlacedItem[]; inModule: Map<string, { items: TestItem[]; order: string[] }> } {
  const memo = new Map<string, string>();
  const learned = new Map<string, { after: number; ids: string[] }>();
  const inModule = new Map<string, { items: TestItem[]; order: string[] }>();
  const indexOfFile = new Map(files.map((abs, index) => [abs, index]));
  for (const l of modules) {
    const beside = 'entry' in l.found ? l.found.entry.beside : undefined;
    if (!beside || beside.key !== besideKey(l.abs, rootdir, doctest, memo)) continue;
    if (beside.order)
      inModule.set(l.abs, { items: itemsOfCollectedFile(l.rel, beside.ids, []).map((item) => ({ ...item, beside: true })), order: beside.order });
    else learned.set(l.rel, { after: indexOfFile.get(l.abs) ?? 0, ids: beside.ids });
  }
  if (learned.size === 0 && inModule.size === 0) return { placeholders, inModule };
  const learnedFiles = new Set([...learned.keys(), ...modules.filter((l) => inModule.has(l.abs)).map((l) => l.rel)]);
  const out = placeholders.filter(({ item }) => !(item.dynamic && item.id === item.file && learnedFiles.has(item.file)));
  for (const [file, { after, ids }] of learned) for (const item of itemsOfCollectedFile(file, ids, [])) out.push({ item: { ...item, beside: true }, after });
  // stable: each module's ids go after the other files' placeholders before it
  const sorted = out
    .map((p, order) => ({ p, order }))
    .sort((a, b) => a.p.after - b.p.after || a.order - b.order)
    .map(({ p }) => p);
  return { placeholders: sorted, inModule };
}

/**
 * A module's items and the learned ones no listed item stands for, in the order the run collected
 * them (`order`); an item the run did not collect (listed since) keeps its place after the one
 * listed before it.
 */
function inCollectedOrder(own: TestItem[], learned: TestItem[], order: string[]): TestItem[] {
  const position = new Map(order.map((id, index) => [id, index]));
  let last = -1;
  const keyed = own.map((item, index) => {
    const at = position.get(item.id);
    if (at !== undefined) last = at;
    return { item, key: at ?? last + 0.5, index };
  });
  const placed = learned.map((item, index) => ({ item, key: position.get(item.id) ?? order.length, index: own.length + index }));
  return [...keyed, ...placed].sort((a, b) => a.key - b.key || a.index - b.index).map(({ item }) => item);
}

/**
 * Placeholders of files that are no module, replaced by the ids a run collected from them when the
 * file and the conftest.py files above it are unchanged since.
 */
function learnedPlaceholders(
  placed: { item: TestItem; after: number }[],
  moduleFiles: Set<string>,
  rootdir: string,
  cache: DiscoveryCache | null,
  doctest: DoctestOptions,
): { item: TestItem; after: number }[] {
  if (!cache || placed.length === 0) return placed;
  const memo = new Map<string, string>();
  const learnedOf = (file: string, items: TestItem[]): TestItem[] | null => {
    const entry = cache.entries.get(file);
    // a conftest.py (parsed, so its entry is current) a hook was offered: what it collected
    if (entry?.collected && !entry.collectedOnly) return applyCollected(items, entry.collected);
    if (!entry?.collectedOnly) return null;
    const abs = join(rootdir, file);
    let st: Stats;
    try {
      st = statSync(abs);
    } catch {
      return null;
    }
    // the file is an input of this discovery (a memo of it is stale when the file changes)
    if (!(entry.size === st.size && entry.mtimeMs === st.mtimeMs && entry.ctimeMs === st.ctimeMs && !entry.racy)) {
      const hash = sha1(readFileSync(abs));
      noteFile(abs, st, hash);
      if (entry.hash !== hash) return null;
      const { racy: _racy, ...confirmed } = entry;
      cache.entries.set(file, markRacy({ ...confirmed, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs }));
      cache.dirty = true;
    } else noteFile(abs, st, entry.hash);
    if (entry.collectedOnly.conftests !== conftestsKey(abs, rootdir, memo)) return null;
    return itemsOfCollectedFile(file, entry.collectedOnly.ids, items[0].marks);
  };
  const byFile = new Map<string, { item: TestItem; after: number }[]>();
  for (const p of placed) {
    const list = byFile.get(p.item.file);
    if (list) list.push(p);
    else byFile.set(p.item.file, [p]);
  }
  const out: { item: TestItem; after: number }[] = [];
  for (const [file, list] of byFile) {
    const learned = moduleFiles.has(file)
      ? null
      : learnedOf(
          file,
          list.map((p) => p.item),
        );
    // A DoctestModule with no doctests is imported all the same: each run keeps its placeholder,
    // so that an import error (a change in another file, the environment) is pytest's collection
    // error, and coverage sees the import (jsonpickle's compat.py). A conftest.py's is the module
    // its loading imported.
    const importedAnyway = learned?.length === 0 && file.endsWith('.py') && !/(^|\/)conftest\.py$/.test(file) && isDoctestModule(join(rootdir, file), doctest);
    if (learned === null || importedAnyway) out.push(...list);
    else for (const item of learned) out.push({ item, after: list[0].after });
  }
  return out;
}

/** Module items and file placeholders in pytest's collection order (placeholders go after `after` walked modules). */
function interleave(files: string[], modules: Lookup[], itemsOf: TestItem[][], placeholders: { item: TestItem; after: number }[]): TestItem[] {
  const moduleIndex = new Map(modules.map((l, index) => [l.abs, index]));
  const items: TestItem[] = [];
  let next = 0;
  files.forEach((abs, fileIndex) => {
    for (; next < placeholders.length && placeholders[next].after <= fileIndex; next++) items.push(placeholders[next].item);
    const index = moduleIndex.get(abs);
    if (index !== undefined) items.push(...itemsOf[index]);
  });
  for (; next < placeholders.length; next++) items.push(placeholders[next].item);
  return items;
}

export async function discover(opts: DiscoverOptions): Promise<DiscoveryResult> {
  const { rootdir } = opts;
  const cache = opts.useCache ? loadCache(rootdir) : null;
  const walked = findCollectable(opts.paths, opts.walk);
  const files = walked.modules;
  // The conftest.py files of every directory from the modules (and every walked directory that
  // has one) up to the rootdir come first: their collect_ignore decides which modules are
  // collected at all, and their pytest_collect_file which other files are. A directory argument
  // with no test module in it still has the conftest.py files above it (a parent's hook collects it).
  const argumentDirs = opts.paths.flatMap((path) => (probePath(path)?.isDirectory() ? [path] : []));
  const conftestDirs = [...new Set([...files.map(dirname), ...walked.conftestDirs, ...argumentDirs].flatMap((dir) => dirsUpToRootdir(dir, rootdir)))];
  const conftestLookups = conftestDirs.flatMap((dir) => (probePath(join(dir, 'conftest.py')) ? [lookup(join(dir, 'conftest.py'), rootdir, cache)] : []));
  const moduleLookups = files.map((abs) => lookup(abs, rootdir, cache));
  const toParse = (lookups: Lookup[]) => lookups.flatMap(({ found }) => ('parse' in found ? [found.parse] : []));
  const conftestRequests = toParse(conftestLookups);
  const moduleRequests = toParse(moduleLookups);
  opts.onWalked?.(
    files.length,
    moduleRequests.map((request) => request.abs),
  );
  const parseRequests = [...conftestRequests, ...moduleRequests];
  const pool = openParsePool(
    parseRequests.length,
    parseRequests.reduce((bytes, request) => bytes + request.size, 0),
  );
  try {
    const byAbs = (lookups: Lookup[]) => new Map(lookups.map((l) => [l.abs, l]));

    // What the modules import, for the runner's warm-parent decision (DiscoveryResult.importedModules).
    const importedTops = new Set<string>();
    let importsKnown = true;
    const noteImports = (parsed: ParsedModule) => {
      if (parsed.dynamicImport) importsKnown = false;
      for (const ref of parsed.importRefs ?? []) importedTops.add(ref.startsWith('.') ? ref : ref.split('.')[0]);
    };
    let probe: InterpreterProbe | null | undefined;
    const imports = new ImportResolver(rootdir, () => {
      if (probe === undefined) {
        try {
          probe = probeInterpreter(opts.python(), rootdir);
        } catch {
          probe = null;
        }
      }
      return probe;
    });
    const conftests = new Map<string, ConftestInfo>();
    const conftestByAbs = byAbs(conftestLookups);
    const addConftest = (l: Lookup, entry: CacheEntry) => {
      const parsed = parsedOf(noted(l.abs, l.found.st, entry));
      noteImports(parsed);
      // the names in its fixtures' params are the conftest's own
      conftests.set(dirname(l.abs), conftestFacts(parsed, dirname(l.abs), { env: imports.envFor(l.abs), imports: parsed.imports ?? {} }));
    };
    for (const l of conftestLookups) if ('entry' in l.found) addConftest(l, l.found.entry);
    // A conftest.py that can't be read or parsed adds nothing here; pytest reports it when it runs.
    await pool.parse(
      conftestRequests,
      (outcome) => {
        const l = conftestByAbs.get(outcome.abs)!;
        addConftest(l, storeParsed(l.rel, outcome, cache));
      },
      () => undefined,
    );

    // A file given as an argument (or by testpaths) is an initial path: pytest collects it whatever
    // collect_ignore says (Session._collect_path asks pytest_ignore_collect only of other paths).
    const initialPaths = new Set(opts.paths);
    const ignored = new Map(moduleLookups.map((l) => [l, initialPaths.has(l.abs) ? false : ignoredByConftest(l.abs, rootdir, conftests, imports)]));
    const modules = moduleLookups.filter((l) => ignored.get(l) !== true);
    // a module a conftest.py may ignore, under a condition that can't be decided: it runs whole
    const maybeIgnored = new Set(modules.filter((l) => ignored.get(l) === 'maybe').map((l) => l.abs));
    const placed = await placeDoctests(
      walked,
      fileCollectedPlaceholders(walked.others, opts.walk, rootdir, conftests),
      opts.doctest ?? doctestOptionsOf([], undefined),
      {
        named: new Set(opts.paths),
        keep: (abs) => !ignoredPath(abs, opts.walk) && (initialPaths.has(abs) || ignoredByConftest(abs, rootdir, conftests, imports) !== true),
        nodePath: (abs) => toNodePath(rootdir, abs),
      },
    );
    // (a test module's doctest items are left as they are: its own entry holds its lessons)
    const { placeholders, inModule } = withBeside(
      learnedPlaceholders(placed, new Set(modules.map((l) => l.rel)), rootdir, cache, opts.doctest ?? doctestOptionsOf([], undefined)),
      files,
      modules,
      rootdir,
      opts.doctest ?? doctestOptionsOf([], undefined),
    );
    const entries: (CacheEntry | undefined)[] = new Array(modules.length);
    const itemsOf: TestItem[][] = new Array(modules.length);
    const errorsOf: CollectionError[][] = new Array(modules.length);
    const indexOf = new Map(modules.map((l, index) => [l.abs, index]));
    // A module that imports a test class from another module is collected once every module is
    // parsed: the class is read from that module's structure.
    const deferred: number[] = [];
    let parsedByAbs: Map<string, ParsedModule> | null = null;
    const active = new Set<string>();
    const foreignFrom =
      (fromAbs: string): ForeignClassLookup =>
      (mod, name) => {
        const found = imports.envFor(fromAbs).locate?.(mod);
        const parsed = found ? parsedByAbs?.get(found.file) : undefined;
        const key = `${found?.file}\0${name}`;
        if (!found || !parsed || active.has(key)) return undefined;
        active.add(key);
        try {
          return foreignClassOf(parsed, name, { env: imports.envFor(found.file), imports: parsed.imports ?? {} }, foreignFrom(found.file));
        } finally {
          active.delete(key);
        }
      };
    // ... or a class whose base is imported (a mixin of another test module)
    const importsTestClass = (parsed: ParsedModule) => {
      const imported = new Set(parsed.members.flatMap((m) => (m.kind === 'assign' && m.importedFrom !== undefined ? [m.name] : [])));
      if (imported.size === 0) return false;
      if ([...imported].some((name) => matchesPrefixOrGlob(opts.rules.pythonClasses, name))) return true;
      return parsed.members.some((m) => m.kind === 'class' && m.bases.some((b) => imported.has(b)));
    };
    // Items are built as each module's structure arrives, while the threads parse the rest.
    const collectModule = (index: number, entry: CacheEntry, late = false) => {
      const l = modules[index];
      entries[index] = noted(l.abs, l.found.st, entry);
      const parsed = parsedOf(entry);
      noteImports(parsed);
      if (parsed.syntaxError && entry.syntaxError !== null) return; // confirmed below
      if (maybeIgnored.has(l.abs)) {
        itemsOf[index] = [wholeFileItem(l.rel, parsed.pytestmark)];
        errorsOf[index] = [];
        return;
      }
      if (!late && importsTestClass(parsed)) {
        deferred.push(index);
        return;
      }
      const result = itemsOfModule(
        l.rel,
        parsed,
        opts.rules,
        conftestChain(l.abs, rootdir, conftests),
        imports.envFor(l.abs),
        late ? foreignFrom(l.abs) : undefined,
      );
      // What runs of this content collected corrects what static reading could not know.
      itemsOf[index] = applyCollected(result.items, entry.collected, l.rel);
      errorsOf[index] = result.errors;
      opts.onModuleTests?.(itemsOf[index].length);
    };
    const requests = toParse(modules);
    const parsing = pool.parse(requests, (outcome) => {
      const index = indexOf.get(outcome.abs)!;
      collectModule(index, storeParsed(modules[index].rel, outcome, cache));
    });
    // The cached modules' items are built while the parse (or the grammar's compile) is under way.
    modules.forEach((l, index) => {
      if ('entry' in l.found) collectModule(index, l.found.entry);
    });
    await parsing;
    if (deferred.length > 0) {
      parsedByAbs = new Map();
      modules.forEach((l, index) => {
        const entry = entries[index];
        if (entry && !entry.syntaxError) parsedByAbs!.set(l.abs, parsedOf(entry));
      });
      for (const index of deferred) collectModule(index, entries[index]!, true);
    }

    const syntaxErrors: CollectionError[] = [];
    const unconfirmed = modules.flatMap((l, index) => (itemsOf[index] === undefined ? [{ l, entry: entries[index]! }] : []));
    const needPython = unconfirmed.filter(({ entry }) => entry.syntaxError === undefined);
    const verdicts = confirmSyntaxErrors(
      opts.python,
      needPython.map(({ l }) => l.abs),
    );
    for (const { l, entry } of needPython) {
      entry.syntaxError = verdicts.get(l.abs) ?? null;
      if (cache) cache.dirty = true;
    }
    for (const { l, entry } of unconfirmed) {
      const index = indexOf.get(l.abs)!;
      if (entry.syntaxError) {
        itemsOf[index] = [wholeFileItem(l.rel)];
        errorsOf[index] = [];
        syntaxErrors.push({ file: l.rel, message: syntaxErrorMessage(entry.syntaxError) });
      } else {
        collectModule(index, entry);
      }
    }
    modules.forEach((l, index) => {
      const learned = inModule.get(l.abs);
      if (learned && itemsOf[index] !== undefined) itemsOf[index] = inCollectedOrder(itemsOf[index], learned.items, learned.order);
    });
    if (cache) saveCache(rootdir, cache);
    const parsedFiles = conftestRequests.length + requests.length;
    return {
      rootdir,
      items: reorderItems(placeholders.length === 0 ? itemsOf.flat() : interleave(files, modules, itemsOf, placeholders)),
      errors: errorsOf.flat(),
      ...(syntaxErrors.length > 0 ? { syntaxErrors } : {}),
      parsedFiles,
      cachedFiles: conftestLookups.length + modules.length - parsedFiles,
      warnings: cache?.warning ? [cache.warning] : [],
      modules: modules.map((l) => l.rel),
      iteratorParametrize: modules.filter((_, index) => entries[index] && parsedOf(entries[index]!).generatorParametrize).map((l) => l.rel),
      namespaceWriters: modules
        .filter((_, index) => {
          const parsed = entries[index] && parsedOf(entries[index]!);
          // (`from x import *` binds names discovery does not know: lark's tests/__main__.py)
          return parsed && (parsed.namespaceWrites || parsed.dynamicReasons.length > 0);
        })
        .map((l) => l.rel),
      ...([...conftests.values()].some((info) => info.changesItems) ? { itemHooks: true as const } : {}),
      ...(importsKnown ? { importedModules: [...importedTops].sort() } : {}),
    };
  } finally {
    pool.close();
  }
}
