// --lf / --ff over pytest's own cache file `.pytest_cache/v/cache/lastfailed` (a JSON object
// nodeid -> true), read and written the way `_pytest/cacheprovider.py` (LFPlugin) does, so that
// pytest and fastest runs share one record of failures.

import fs from 'node:fs';
import path from 'node:path';
import { baseId, paramStart } from '../nodeid.js';
import type { TestItem } from '../types.js';

export interface LastFailed {
  /** Failed node ids in file order: test ids, or collector ids (a file that failed to collect). */
  ids: Set<string>;
  /** Set when the file existed but could not be read; pytest then starts from an empty record. */
  warning?: string;
}

export type LastFailedMode = 'lf' | 'ff';

export interface LastFailedPlan {
  items: TestItem[];
  /** Dynamic items of which only some expansions failed: item id -> failed ids (for --lf). */
  narrowIds: Map<string, string[]>;
  /** Items --lf drops (pytest reports them as deselected). */
  deselected: TestItem[];
  /** pytest's header line after `run-last-failure: `. */
  status: string;
  /** --lf: whether pytest skips collecting (does not import) this test module, listed items or
   * not: once a module holding a recorded failure is collected, those off the failures' paths. */
  skipsModule?: (file: string) => boolean;
  /** --lf: the ids pytest's collection keeps (it filters modules and their functions while it
   * collects, before -k/-m): what -k/-m deselected outside them pytest never counts. */
  collectedIds?: ReadonlySet<string>;
}

const DEFAULT_CACHE_DIR = '.pytest_cache';

export function lastFailedPath(rootdir: string, cacheDir = DEFAULT_CACHE_DIR): string {
  return path.join(path.resolve(rootdir, cacheDir), 'v', 'cache', 'lastfailed');
}

/** Reads the record; a missing file is an empty record, a corrupt one is empty with a warning. */
export function readLastFailed(rootdir: string, cacheDir = DEFAULT_CACHE_DIR): LastFailed {
  const file = lastFailedPath(rootdir, cacheDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ids: new Set() };
    return { ids: new Set(), warning: `could not read ${file}: ${(err as Error).message}; ignoring it` };
  }
  try {
    const data: unknown = JSON.parse(text);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('not a JSON object');
    return { ids: new Set(Object.keys(data)) };
  } catch (err) {
    return { ids: new Set(), warning: `cache file ${file} is corrupt (${(err as Error).message}); ignoring it` };
  }
}

/** The ids of a file's collectors: its directories, then the file itself. */
function pathCollectorIds(file: string): string[] {
  const segments = file.split('/');
  return segments.map((_, i) => segments.slice(0, i + 1).join('/'));
}

/** The paths (directories and files) of the recorded failures. */
function failedPaths(failed: ReadonlySet<string>): Set<string> {
  return new Set([...failed].flatMap((id) => pathCollectorIds(id.split('::')[0]!)));
}

/** The collector an item hangs under: its innermost class, else its module. */
function parentId(item: TestItem): string {
  return item.classes.length > 0 ? `${item.file}::${item.classes.join('::')}` : item.file;
}

/** The id of the module's child that holds the item: the item itself, or its outermost class. */
function moduleChildId(item: TestItem): string {
  return item.classes.length > 0 ? `${item.file}::${item.classes[0]}` : item.id;
}

/**
 * Whether the record marks the item failed: true, false, or the failed expansions of a dynamic
 * item. pytest replaces a recorded collector (a module that failed to import, say) by its
 * children when it collects again, in a post-order walk: an item counts as failed when its own
 * id or its direct parent's id is recorded; a recorded grandparent only records the parent.
 */
function failedPart(item: TestItem, failed: ReadonlySet<string>, expansionsByBase: Map<string, string[]>): boolean | string[] {
  if (failed.has(item.id) || failed.has(parentId(item))) return true;
  if (item.dynamic && item.param === undefined) {
    const expansions = expansionsByBase.get(item.id);
    if (expansions) return expansions;
  }
  return false;
}

function expansionsIndex(failed: ReadonlySet<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const id of failed) {
    const bracket = paramStart(id);
    if (bracket === -1 || !id.endsWith(']')) continue;
    const base = id.slice(0, bracket);
    const list = index.get(base) ?? [];
    list.push(id);
    index.set(base, list);
  }
  return index;
}

/**
 * With --lf and no recorded failure among the items, pytest still runs everything but collects
 * the paths of recorded failures first, directory by directory (a stable sort per level).
 */
function lastFailedPathsFirst(items: TestItem[], lfPaths: ReadonlySet<string>): TestItem[] {
  interface DirNode {
    children: Map<string, DirNode | TestItem[]>;
  }
  const root: DirNode = { children: new Map() };
  for (const item of items) {
    const segments = item.file.split('/');
    let node = root;
    for (let i = 0; i < segments.length - 1; i++) {
      const key = segments.slice(0, i + 1).join('/');
      let child = node.children.get(key);
      if (!child || Array.isArray(child)) {
        child = { children: new Map() };
        node.children.set(key, child);
      }
      node = child;
    }
    const list = (node.children.get(item.file) as TestItem[] | undefined) ?? [];
    list.push(item);
    node.children.set(item.file, list);
  }
  const out: TestItem[] = [];
  const walk = (node: DirNode): void => {
    const entries = [...node.children.entries()];
    const ordered = [...entries.filter(([key]) => lfPaths.has(key)), ...entries.filter(([key]) => !lfPaths.has(key))];
    for (const [, child] of ordered) {
      if (Array.isArray(child)) out.push(...child);
      else walk(child);
    }
  };
  walk(root);
  return out;
}

export interface LastFailedOptions {
  /** pytest's --lfnf: with no recorded failures at all, run 'all' (default) or 'none'. */
  lastFailedNoFailures?: 'all' | 'none';
  /**
   * Every item collected, before -k/-m/--deselect/node ids. --lf filters modules while it
   * collects, before -k applies; without this the selected items stand in for the collected ones.
   */
  collected?: TestItem[];
  /** Files the command line names (rootdir-relative): --lf keeps all of their tests while it
   * collects (pytest's isinitpath), and deselects those that did not fail. */
  initPaths?: ReadonlySet<string>;
  /** Every test module the walk found, tests or none: --lf counts those it skips collecting. */
  modules?: readonly string[];
}

/**
 * --lf / --ff over the selected items (pytest applies them after -k, -m and --deselect), with
 * pytest's order, status line and quirks.
 */
export function planLastFailed(
  items: TestItem[],
  lastfailed: LastFailed | ReadonlySet<string>,
  mode: LastFailedMode,
  options: LastFailedOptions = {},
): LastFailedPlan {
  const failed: ReadonlySet<string> = lastfailed instanceof Set ? lastfailed : (lastfailed as LastFailed).ids;
  const narrowIds = new Map<string, string[]>();
  if (failed.size === 0) {
    if (options.lastFailedNoFailures === 'none') {
      return { items: [], narrowIds, deselected: items, status: 'no previously failed tests, deselecting all items.' };
    }
    return { items, narrowIds, deselected: [], status: 'no previously failed tests, not deselecting items.' };
  }
  const index = expansionsIndex(failed);
  let considered = items;
  let skippedFiles = 0;
  let skipsModule: LastFailedPlan['skipsModule'];
  let collectedIds: ReadonlySet<string> | undefined;
  if (mode === 'lf') {
    const lfPaths = failedPaths(failed);
    const survivors = collectLastFailed(options.collected ?? items, failed, index, lfPaths, options.initPaths ?? new Set());
    collectedIds = survivors.ids;
    // A module with no listed item is off the walk's lf-first order too: skipped once one was found.
    const listed = new Set((options.collected ?? items).map((item) => item.file));
    const unlistedSkipped = (file: string) => survivors.found && !listed.has(file) && !lfPaths.has(file);
    skippedFiles = survivors.skipped.size + (options.modules ?? []).filter(unlistedSkipped).length;
    skipsModule = (file) => survivors.skipped.has(file) || unlistedSkipped(file);
    considered = lastFailedPathsFirst(items, lfPaths).filter((item) => survivors.ids.has(item.id));
  }
  const previouslyFailed: TestItem[] = [];
  const previouslyPassed: TestItem[] = [];
  let failedCount = 0;
  for (const item of considered) {
    const part = failedPart(item, failed, index);
    if (part === false) {
      previouslyPassed.push(item);
      continue;
    }
    previouslyFailed.push(item);
    if (part === true) failedCount++;
    else {
      failedCount += part.length;
      if (mode === 'lf') narrowIds.set(item.id, part);
    }
  }
  const suffix = skippedFiles > 0 ? ` (skipped ${skippedFiles} ${skippedFiles === 1 ? 'file' : 'files'})` : '';
  if (previouslyFailed.length === 0) {
    return { items: considered, narrowIds, deselected: [], status: `${failed.size} known failures not in selected tests${suffix}`, skipsModule, collectedIds };
  }
  const noun = failedCount === 1 ? 'failure' : 'failures';
  if (mode === 'ff') {
    return {
      items: [...previouslyFailed, ...previouslyPassed],
      narrowIds,
      deselected: [],
      status: `rerun previous ${failedCount} ${noun} first`,
    };
  }
  return {
    items: previouslyFailed,
    narrowIds,
    deselected: previouslyPassed,
    status: `rerun previous ${failedCount} ${noun}${suffix}`,
    skipsModule,
    collectedIds,
  };
}

/**
 * What --lf lets through collection: the paths of recorded failures are collected first; once a
 * module holding a recorded failure has been collected, later modules keep only their recorded
 * functions (and all their classes), and modules off those paths are skipped.
 */
function collectLastFailed(
  collected: TestItem[],
  failed: ReadonlySet<string>,
  index: Map<string, string[]>,
  lfPaths: ReadonlySet<string>,
  initPaths: ReadonlySet<string>,
): { ids: Set<string>; skipped: Set<string>; found: boolean } {
  const isRecorded = (id: string, item: TestItem): boolean => failed.has(id) || (item.dynamic && item.param === undefined && id === item.id && index.has(id));
  const ordered = lastFailedPathsFirst(collected, lfPaths);
  const ids = new Set<string>();
  const skipped = new Set<string>();
  let found = false;
  for (let start = 0; start < ordered.length;) {
    const file = ordered[start]!.file;
    let end = start;
    while (end < ordered.length && ordered[end]!.file === file) end++;
    const group = ordered.slice(start, end);
    start = end;
    let kept = group;
    if (!lfPaths.has(file)) {
      if (found) {
        skipped.add(file);
        kept = [];
      }
    } else if (found || group.some((item) => isRecorded(moduleChildId(item), item))) {
      found = true;
      kept = initPaths.has(file) ? group : group.filter((item) => item.classes.length > 0 || isRecorded(item.id, item));
    }
    for (const item of kept) ids.add(item.id);
  }
  return { ids, skipped, found };
}

/** --lf ('lf') or --ff ('ff') with pytest's default --lfnf=all. */
export function applyLastFailed(items: TestItem[], lastfailed: LastFailed | ReadonlySet<string>, mode: LastFailedMode): TestItem[] {
  return planLastFailed(items, lastfailed, mode).items;
}

export interface RunOutcome {
  id: string;
  /** A TestResult outcome; a module that failed to collect is `{ id: file, outcome: 'error' }`. */
  outcome: string;
}

const CLEARS = new Set(['passed', 'skipped', 'xfailed', 'xpassed']);
const RECORDS = new Set(['failed', 'error']);

const README = `# pytest cache directory #

This directory contains data from the pytest's cache plugin,
which provides the \`--lf\` and \`--ff\` options, as well as the \`cache\` fixture.

**Do not** commit this to version control.

See [the docs](https://docs.pytest.org/en/stable/how-to/cache.html) for more information.
`;
const CACHEDIR_TAG = `Signature: 8a477f597d28d172789f06886806bc55
# This file is a cache directory tag created by pytest.
# For information about cache directory tags, see:
#\thttps://bford.info/cachedir/spec.html
`;

function ensureCacheDir(cacheRoot: string): void {
  if (fs.existsSync(cacheRoot)) return;
  fs.mkdirSync(cacheRoot, { recursive: true });
  fs.writeFileSync(path.join(cacheRoot, 'README.md'), README);
  fs.writeFileSync(path.join(cacheRoot, '.gitignore'), '# Created by pytest automatically.\n*\n');
  fs.writeFileSync(path.join(cacheRoot, 'CACHEDIR.TAG'), CACHEDIR_TAG);
}

/**
 * The record after a run, by pytest's rule: a pass or skip (incl. xfail/xpass) removes the id, a
 * failure or error adds it, tests that did not run keep their entry. `collectedIds` (every id
 * collected this run, selected or not) lets a recorded collector that now collects be replaced by
 * its tests, as pytest does.
 */
export function nextLastFailed(previous: ReadonlySet<string>, results: RunOutcome[], collectedIds: string[] = []): Set<string> {
  const next = new Set(previous);
  // The collection tree (directories, modules, classes) in collection order.
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  const addChild = (parent: string | null, child: string): void => {
    const list = parent === null ? roots : (children.get(parent) ?? children.set(parent, []).get(parent)!);
    if (!list.includes(child)) list.push(child);
  };
  // Only the subtrees of recorded nodes matter, and a node's id is a prefix of every id below it:
  // with nothing recorded (a passing suite) no tree is built at all.
  const recorded = [...previous];
  const below = recorded.length > 64 ? collectedIds : collectedIds.filter((id) => recorded.some((node) => id.startsWith(node)));
  for (const id of below) {
    const chain = nodeChain(id);
    chain.forEach((node, i) => addChild(i === 0 ? null : chain[i - 1]!, node));
  }
  // Each collector reports after its children (post-order); a recorded collector that collects
  // is replaced by its direct children.
  const report = (node: string): void => {
    const kids = children.get(node);
    if (!kids) return;
    for (const kid of kids) report(kid);
    if (next.delete(node)) for (const kid of kids) next.add(kid);
  };
  for (const root of roots) report(root);
  for (const { id, outcome } of results) {
    if (CLEARS.has(outcome)) next.delete(id);
    else if (RECORDS.has(outcome)) next.add(id);
  }
  return next;
}

/** The node ids from the outermost directory down to the item: `a`, `a/f.py`, `a/f.py::C`, `a/f.py::C::t[1]`. */
function nodeChain(id: string): string[] {
  const [file = '', ...names] = baseId(id).split('::');
  const chain = pathCollectorIds(file);
  for (let i = 0; i < names.length - 1; i++) chain.push(`${file}::${names.slice(0, i + 1).join('::')}`);
  if (names.length > 0) chain.push(id);
  return chain;
}

/**
 * Updates `.pytest_cache/v/cache/lastfailed` after a run; writes only when the set changed, in
 * pytest's format (indent 2, insertion order). Returns a warning instead of throwing on I/O errors.
 */
export function updateLastFailed(
  rootdir: string,
  results: RunOutcome[],
  collectedIds: string[] = [],
  cacheDir = DEFAULT_CACHE_DIR,
): { written: boolean; warning?: string } {
  const previous = readLastFailed(rootdir, cacheDir);
  const next = nextLastFailed(previous.ids, results, collectedIds);
  const same = !previous.warning && next.size === previous.ids.size && [...next].every((id) => previous.ids.has(id));
  if (same) return { written: false };
  const file = lastFailedPath(rootdir, cacheDir);
  // Object keys that look like array indices would be reordered by JSON.stringify; build the text by hand.
  const body = [...next].map((id) => `  ${JSON.stringify(id)}: true`).join(',\n');
  const text = next.size === 0 ? '{}' : `{\n${body}\n}`;
  try {
    ensureCacheDir(path.resolve(rootdir, cacheDir));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, 'utf8');
    return { written: true, warning: previous.warning };
  } catch (err) {
    return { written: false, warning: `cache could not write path ${file}: ${(err as Error).message}` };
  }
}

/**
 * pytest's `cache/nodeids` (NFPlugin): the ids every run has collected, sorted, which --nf reads
 * to tell new tests from old. Written after each run as pytest writes it (indent 2).
 */
export function updateNodeIds(rootdir: string, collectedIds: readonly string[], cacheDir = DEFAULT_CACHE_DIR): { written: boolean; warning?: string } {
  const file = path.join(path.resolve(rootdir, cacheDir), 'v', 'cache', 'nodeids');
  let previous: string[] = [];
  try {
    const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (Array.isArray(data)) previous = data.filter((id): id is string => typeof id === 'string');
  } catch {
    // missing or corrupt: pytest starts from an empty list too
  }
  const next = [...new Set([...previous, ...collectedIds])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const text = JSON.stringify(next, null, 2);
  try {
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return { written: false };
    ensureCacheDir(path.resolve(rootdir, cacheDir));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, 'utf8');
    return { written: true };
  } catch (err) {
    return { written: false, warning: `cache could not write path ${file}: ${(err as Error).message}` };
  }
}
