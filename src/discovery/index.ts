// Discovery: paths -> test modules -> parsed structure (cached) -> pytest node ids.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { CollectionError, DiscoveryResult, TestItem } from '../types.js';
import { isRacy, noteFile, probePath } from '../memo/inputs.js';
import { contentHash, loadCache, saveCache, type CacheEntry, type DiscoveryCache } from './cache.js';
import { conftestFacts, itemsOfModule, type CollectRules, type ConftestInfo } from './items.js';
import { parseFile, type ParseOutcome, type ParseRequest } from './parse-file.js';
import { parseFiles } from './parse-pool.js';
import { fnmatch } from './fnmatch.js';
import { dirsUpToRootdir, findTestFiles, type WalkRules } from './walk.js';

export interface DiscoverOptions {
  rootdir: string;
  /** Absolute paths to collect (files or directories), already decided from args/testpaths. */
  paths: string[];
  walk: WalkRules;
  rules: CollectRules;
  useCache: boolean;
  /** Interpreter used to confirm syntax errors with Python's own message (asked only then). */
  python: () => string;
}

export function toNodePath(rootdir: string, absolute: string): string {
  const rel = relative(rootdir, absolute);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

interface FileState {
  abs: string;
  /** rootdir-relative node path. */
  rel: string;
  entry: CacheEntry;
}

/** `st`: the file's state before it was read, for the input log. */
type CacheLookup = { entry: CacheEntry; st: Stats } | { parse: ParseRequest; st: Stats };

/**
 * A file's cached structure when its size and mtime, or else its content hash, are unchanged. An
 * entry stored while the file's mtime was too recent to be trusted is confirmed by its hash.
 */
function lookupCache(abs: string, rel: string, cache: DiscoveryCache | null): CacheLookup {
  const st = statSync(abs);
  const cached = cache?.entries.get(rel);
  if (cached && cached.size === st.size && cached.mtimeMs === st.mtimeMs && cached.ctimeMs === st.ctimeMs && !cached.racy) return { entry: cached, st };
  if (cached && cached.hash === contentHash(readFileSync(abs))) {
    const entry: CacheEntry = { ...cached, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs };
    if (isRacy(Math.max(st.mtimeMs, st.ctimeMs))) entry.racy = true;
    else delete entry.racy;
    cache!.entries.set(rel, entry);
    cache!.dirty = true;
    return { entry, st };
  }
  return { parse: { abs, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs }, st };
}

function storeParsed(rel: string, outcome: ParseOutcome, cache: DiscoveryCache | null): CacheEntry {
  const entry: CacheEntry = { size: outcome.size, mtimeMs: outcome.mtimeMs, ctimeMs: outcome.ctimeMs, hash: outcome.hash, parsed: outcome.parsed };
  if (isRacy(Math.max(outcome.mtimeMs, outcome.ctimeMs))) entry.racy = true;
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

/** Reads one file's parsed structure from the cache, or parses it on this thread (conftest.py files). */
async function parsedFile(abs: string, rel: string, cache: DiscoveryCache | null, counters: { parsed: number; cached: number }): Promise<FileState> {
  const found = lookupCache(abs, rel, cache);
  if ('entry' in found) {
    counters.cached++;
    return { abs, rel, entry: noted(abs, found.st, found.entry) };
  }
  counters.parsed++;
  return { abs, rel, entry: noted(abs, found.st, storeParsed(rel, await parseFile(found.parse), cache)) };
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

/** Asks Python whether files tree-sitter could not parse are really invalid, and its message. */
function confirmSyntaxErrors(python: string, files: string[]): Map<string, string | null> {
  const verdicts = new Map<string, string | null>();
  if (files.length === 0) return verdicts;
  try {
    const output = execFileSync(python, ['-c', SYNTAX_CHECK, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const parsed = JSON.parse(output) as Record<string, string | null>;
    for (const f of files) verdicts.set(f, parsed[f] ?? null);
  } catch {
    for (const f of files) verdicts.set(f, 'SyntaxError: invalid syntax (tree-sitter could not parse this file)\n');
  }
  return verdicts;
}

function syntaxErrorMessage(pythonText: string): string {
  return pythonText.trimEnd().split('\n').map((line) => `E   ${line}`).join('\n');
}

export async function discover(opts: DiscoverOptions): Promise<DiscoveryResult> {
  const cache = opts.useCache ? loadCache(opts.rootdir) : null;
  const counters = { parsed: 0, cached: 0 };
  const files = findTestFiles(opts.paths, opts.walk);
  const conftestInfo = new Map<string, ConftestInfo | null>();

  const lookups: { abs: string; rel: string; found: CacheLookup }[] = [];
  for (const abs of files) {
    if (await ignoredByConftest(abs)) continue;
    const rel = toNodePath(opts.rootdir, abs);
    lookups.push({ abs, rel, found: lookupCache(abs, rel, cache) });
  }
  const requests = lookups.flatMap(({ found }) => ('parse' in found ? [found.parse] : []));
  const parsedNow = await parseFiles(requests);
  counters.parsed += requests.length;
  counters.cached += lookups.length - requests.length;
  const states: FileState[] = lookups.map(({ abs, rel, found }) => ({
    abs,
    rel,
    entry: noted(abs, found.st, 'entry' in found ? found.entry : storeParsed(rel, parsedNow.get(abs)!, cache)),
  }));

  const unconfirmed = states.filter((s) => s.entry.parsed.syntaxError && s.entry.syntaxError === undefined);
  const verdicts = unconfirmed.length > 0 ? confirmSyntaxErrors(opts.python(), unconfirmed.map((s) => s.abs)) : new Map<string, string | null>();
  for (const s of unconfirmed) {
    s.entry.syntaxError = verdicts.get(s.abs) ?? null;
    if (cache) cache.dirty = true;
  }

  async function conftestOf(dir: string): Promise<ConftestInfo | null> {
    if (conftestInfo.has(dir)) return conftestInfo.get(dir)!;
    const path = join(dir, 'conftest.py');
    let info: ConftestInfo | null = null;
    try {
      if (!probePath(path)) throw new Error('no conftest.py');
      const state = await parsedFile(path, toNodePath(opts.rootdir, path), cache, counters);
      info = conftestFacts(state.entry.parsed, dir);
    } catch {
      info = null;
    }
    conftestInfo.set(dir, info);
    return info;
  }

  /**
   * pytest_ignore_collect's `collect_ignore` / `collect_ignore_glob`: a path is skipped when a
   * conftest.py between the rootdir and the path's parent lists it (paths relative to that
   * conftest's directory); an ignored directory takes everything below it along.
   */
  async function ignoredByConftest(file: string): Promise<boolean> {
    for (let path = file; path.startsWith(opts.rootdir) && path !== opts.rootdir; path = dirname(path)) {
      for (const dir of dirsUpToRootdir(dirname(path), opts.rootdir)) {
        const info = await conftestOf(dir);
        if (info && (info.collectIgnore.includes(path) || info.collectIgnoreGlob.some((g) => fnmatch(path, g)))) return true;
      }
    }
    return false;
  }

  async function conftestChain(file: string): Promise<ConftestInfo> {
    const merged: ConftestInfo = { parametrizedFixtures: new Set(), hasGenerateTests: false, collectIgnore: [], collectIgnoreGlob: [] };
    for (const dir of dirsUpToRootdir(dirname(file), opts.rootdir)) {
      const info = await conftestOf(dir);
      if (!info) continue;
      for (const f of info.parametrizedFixtures) merged.parametrizedFixtures.add(f);
      merged.hasGenerateTests ||= info.hasGenerateTests;
    }
    return merged;
  }

  const items: TestItem[] = [];
  const errors: CollectionError[] = [];
  for (const state of states) {
    const { rel } = state;
    if (state.entry.syntaxError) {
      errors.push({ file: rel, message: syntaxErrorMessage(state.entry.syntaxError) });
      continue;
    }
    const result = itemsOfModule(rel, state.entry.parsed, opts.rules, await conftestChain(state.abs));
    items.push(...result.items);
    errors.push(...result.errors);
  }
  if (cache) saveCache(opts.rootdir, cache);
  return { rootdir: opts.rootdir, items, errors, parsedFiles: counters.parsed, cachedFiles: counters.cached, warnings: cache?.warning ? [cache.warning] : [] };
}
