// The timing store: seconds per test id and setup seconds per module, and the estimates a plan is
// made from. The store is learned from JUnit results by merge/learn.ts.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { baseId, pathOfId } from '../nodeid.js';
import type { TestItem } from '../types.js';

export const TIMINGS_VERSION = 1;
export const DEFAULT_TIMINGS_PATH = '.fastest/timings.json';
/** What a test costs when nothing at all is known. */
export const UNKNOWN_TEST_SECONDS = 0.1;
/** No estimate goes below this: a zero would let the planner pile tests anywhere. */
export const MIN_ESTIMATE_SECONDS = 0.001;
/** A larger store is not read: a million tests' timings take about 80 MB. */
export const MAX_TIMINGS_BYTES = 256 * 1024 * 1024;

export interface TimingsStore {
  version: typeof TIMINGS_VERSION;
  /** Seconds per pytest node id, module setup excluded. */
  tests: Record<string, number>;
  /** Setup seconds per module path, paid once by each shard that runs part of the module. */
  modules: Record<string, number>;
  /** How many runs were learned. */
  runs: number;
  /** Each test's recent outcomes on the default branch: kept as read here, checked by merge/history.ts. */
  history?: unknown;
  /** The default branch's last combined coverage total (the Action's merge), for a pull request's change. */
  coverage?: CoverageBaseline;
}

export interface CoverageBaseline {
  /** Percent, 0 to 100. */
  total: number;
  /** The commit it was measured on. */
  sha?: string;
}

function coverageBaseline(value: unknown): CoverageBaseline | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { total, sha } = value as Record<string, unknown>;
  if (typeof total !== 'number' || !Number.isFinite(total) || total < 0 || total > 100) return undefined;
  return typeof sha === 'string' && /^[0-9a-f]{7,64}$/.test(sha) ? { total, sha } : { total };
}

export function emptyTimings(): TimingsStore {
  return { version: TIMINGS_VERSION, tests: {}, modules: {}, runs: 0 };
}

export interface LoadedTimings {
  store: TimingsStore;
  /** Set when the file existed but could not be used; the store is then empty. */
  warning?: string;
}

/** Reads a store; a missing file is an empty store, a corrupt or foreign one is ignored with a warning. */
export function loadTimings(path: string): LoadedTimings {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_TIMINGS_BYTES)
      return { store: emptyTimings(), warning: `ignoring timings ${path}: ${size} bytes, over the ${MAX_TIMINGS_BYTES}-byte limit` };
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { store: emptyTimings() };
    return { store: emptyTimings(), warning: `ignoring timings ${path}: ${(err as Error).message}` };
  }
  return parseTimings(text, path);
}

export function parseTimings(text: string, source: string): LoadedTimings {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { store: emptyTimings(), warning: `ignoring timings ${source}: not valid JSON` };
  }
  const problem = timingsProblem(data);
  if (problem) return { store: emptyTimings(), warning: `ignoring timings ${source}: ${problem}` };
  const raw = data as TimingsStore;
  const coverage = coverageBaseline((data as Record<string, unknown>)['coverage']);
  const store: TimingsStore = {
    version: TIMINGS_VERSION,
    tests: { ...raw.tests },
    modules: { ...raw.modules },
    runs: raw.runs,
    ...(coverage ? { coverage } : {}),
  };
  if (raw.history !== undefined) store.history = raw.history;
  return { store };
}

function timingsProblem(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not a JSON object';
  const record = data as Record<string, unknown>;
  if (record['version'] !== TIMINGS_VERSION) return `unsupported version ${JSON.stringify(record['version'])}`;
  if (typeof record['runs'] !== 'number' || !(record['runs'] >= 0)) return '"runs" is not a count';
  for (const key of ['tests', 'modules'] as const) {
    const table = record[key];
    if (typeof table !== 'object' || table === null || Array.isArray(table)) return `"${key}" is not an object`;
    for (const [name, seconds] of Object.entries(table)) {
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
        return `"${key}" entry ${JSON.stringify(name)} is not a number of seconds`;
      }
    }
  }
  return undefined;
}

export function saveTimings(path: string, store: TimingsStore): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(sortedStore(store))}\n`);
  renameSync(tmp, path);
}

function sortedStore(store: TimingsStore): TimingsStore {
  const sortKeys = (table: Record<string, number>): Record<string, number> =>
    Object.fromEntries(
      Object.keys(table)
        .sort()
        .map((k) => [k, round6(table[k] ?? 0)]),
    );
  const sorted: TimingsStore = {
    version: store.version,
    tests: sortKeys(store.tests),
    modules: sortKeys(store.modules),
    runs: store.runs,
    ...(store.coverage ? { coverage: store.coverage } : {}),
  };
  if (store.history !== undefined) sorted.history = store.history;
  return sorted;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Predicts seconds for test items and module setups from a store; never returns zero. */
export class Estimator {
  private fileMeans = new Map<string, number>();
  private dirMeans = new Map<string, number>();
  private dynamicSums = new Map<string, { sum: number; count: number }>();
  private suiteMedian = UNKNOWN_TEST_SECONDS;
  private indexed = false;

  /**
   * @param measuredFiles what the last local run measured per file (runner/run-cost.ts), for the
   *   files the store has no test of: a local run plans with its own measures, not test counts.
   */
  constructor(
    readonly store: TimingsStore,
    private readonly measuredFiles: Readonly<Record<string, { seconds: number; tests: number }>> = {},
  ) {}

  /** The fallback tables, built on the first test the store does not know. */
  private buildIndex(): void {
    if (this.indexed) return;
    this.indexed = true;
    const fileTotals = new Map<string, { sum: number; count: number }>();
    const dirTotals = new Map<string, { sum: number; count: number }>();
    const add = (map: Map<string, { sum: number; count: number }>, key: string, seconds: number): void => {
      const entry = map.get(key);
      if (entry) {
        entry.sum += seconds;
        entry.count += 1;
      } else map.set(key, { sum: seconds, count: 1 });
    };
    const all: number[] = [];
    for (const [id, seconds] of Object.entries(this.store.tests)) {
      all.push(seconds);
      add(fileTotals, pathOfId(id), seconds);
      const base = baseId(id);
      if (base !== id) add(this.dynamicSums, base, seconds);
    }
    for (const [file, t] of fileTotals) {
      this.fileMeans.set(file, t.sum / t.count);
      for (let dir = parentDir(file); dir !== undefined; dir = parentDir(dir)) {
        const entry = dirTotals.get(dir);
        if (entry) {
          entry.sum += t.sum;
          entry.count += t.count;
        } else dirTotals.set(dir, { sum: t.sum, count: t.count });
      }
    }
    for (const [dir, t] of dirTotals) this.dirMeans.set(dir, t.sum / t.count);
    if (all.length > 0) this.suiteMedian = median(all);
  }

  /** Seconds for one item, module setup excluded. */
  test(item: TestItem): number {
    const known = this.store.tests[item.id];
    if (known !== undefined) return Math.max(known, MIN_ESTIMATE_SECONDS);
    this.buildIndex();
    if (item.dynamic) {
      const cases = this.dynamicSums.get(item.id);
      if (cases) return Math.max(cases.sum, MIN_ESTIMATE_SECONDS);
      return Math.max(this.fallback(item.file) * literalParamCases(item), MIN_ESTIMATE_SECONDS);
    }
    return Math.max(this.fallback(item.file), MIN_ESTIMATE_SECONDS);
  }

  /** Setup seconds a shard pays to run any part of this module. */
  moduleSetup(file: string): number {
    return this.store.modules[file] ?? 0;
  }

  private fallback(file: string): number {
    const fileMean = this.fileMeans.get(file);
    if (fileMean !== undefined) return fileMean;
    const measured = Object.hasOwn(this.measuredFiles, file) ? this.measuredFiles[file] : undefined;
    if (measured && measured.tests > 0) return measured.seconds / measured.tests;
    for (let dir = parentDir(file); dir !== undefined; dir = parentDir(dir)) {
      const dirMean = this.dirMeans.get(dir);
      if (dirMean !== undefined) return dirMean;
    }
    return this.suiteMedian;
  }
}

/** Product of the lengths of literal parametrize lists; 1 where a list is not literal. */
function literalParamCases(item: TestItem): number {
  let cases = 1;
  for (const mark of item.marks) {
    if (mark.name !== 'parametrize') continue;
    const values = mark.args[1] ?? mark.kwargs['argvalues'];
    if (typeof values === 'object' && values !== null && 'items' in values && Array.isArray(values.items)) {
      cases *= Math.max(1, values.items.length);
    }
  }
  return cases;
}

/** `a/b/c.py` -> `a/b` -> `a` -> undefined: the root is not a directory here, the suite median is. */
function parentDir(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? undefined : path.slice(0, slash);
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
