// The timing store: seconds per test id and setup seconds per module, learned from JUnit results
// and smoothed over runs with an exponentially weighted moving average (see bench/SHARD_RESULTS.md
// for the measurement behind EWMA and its weight).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JUnitCase } from '../report/junit-read.js';
import { baseId, pathOfId } from '../nodeid.js';
import type { TestItem } from '../types.js';

export const TIMINGS_VERSION = 1;
export const DEFAULT_TIMINGS_PATH = '.fastest/timings.json';
/** Weight of the newest run in the moving average. */
export const EWMA_WEIGHT = 0.5;
/** What a test costs when nothing at all is known. */
export const UNKNOWN_TEST_SECONDS = 0.1;
/** No estimate goes below this: a zero would let the planner pile tests anywhere. */
export const MIN_ESTIMATE_SECONDS = 0.001;

export interface TimingsStore {
  version: typeof TIMINGS_VERSION;
  /** Seconds per pytest node id, module setup excluded. */
  tests: Record<string, number>;
  /** Setup seconds per module path, paid once by each shard that runs part of the module. */
  modules: Record<string, number>;
  /** How many runs were learned. */
  runs: number;
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
  return { store: { version: TIMINGS_VERSION, tests: { ...raw.tests }, modules: { ...raw.modules }, runs: raw.runs } };
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
    Object.fromEntries(Object.keys(table).sort().map((k) => [k, round6(table[k] ?? 0)]));
  return { version: store.version, tests: sortKeys(store.tests), modules: sortKeys(store.modules), runs: store.runs };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** What the timings need of a testcase. */
export type ObservedCase = Pick<JUnitCase, 'id' | 'file' | 'time' | 'collection'>;

/** What one run (all its JUnit files) says: seconds per test and setup seconds per module. */
export interface RunObservation {
  tests: Map<string, number>;
  modules: Map<string, number>;
}

/**
 * Splits each module's time into per-test seconds and a setup cost. JUnit has no module-level
 * time: pytest charges module/class-scoped fixture setup to the first test that needs it, so a
 * module's setup is estimated as the first test's excess over the median of the module's other
 * tests in the same file (a shard); that excess is taken off the first test. A module with a
 * single test gets no setup estimate (it cannot be told apart from the test).
 */
export function observeRun(docs: { cases: ObservedCase[] }[]): RunObservation {
  const tests = new Map<string, number>();
  const setups = new Map<string, number[]>();
  for (const doc of docs) {
    const byModule = new Map<string, ObservedCase[]>();
    for (const c of doc.cases) {
      if (c.collection) continue;
      let list = byModule.get(c.file);
      if (!list) byModule.set(c.file, (list = []));
      list.push(c);
    }
    for (const [file, cases] of byModule) {
      let setup = 0;
      if (cases.length >= 2) {
        const rest = median(cases.slice(1).map((c) => c.time));
        setup = Math.max(0, (cases[0]?.time ?? 0) - rest);
        let list = setups.get(file);
        if (!list) setups.set(file, (list = []));
        list.push(setup);
      }
      cases.forEach((c, i) => tests.set(c.id, i === 0 ? c.time - setup : c.time));
    }
  }
  const modules = new Map<string, number>();
  for (const [file, list] of setups) modules.set(file, list.reduce((a, b) => a + b, 0) / list.length);
  return { tests, modules };
}

/** Folds one run into the store: EWMA for what was seen, unchanged for what was not. */
export function learnTimings(store: TimingsStore, run: RunObservation, weight = EWMA_WEIGHT): TimingsStore {
  const blend = (table: Record<string, number>, seen: Map<string, number>): Record<string, number> => {
    const next = { ...table };
    for (const [key, seconds] of seen) {
      const before = next[key];
      next[key] = before === undefined ? seconds : weight * seconds + (1 - weight) * before;
    }
    return next;
  };
  return {
    version: TIMINGS_VERSION,
    tests: blend(store.tests, run.tests),
    modules: blend(store.modules, run.modules),
    runs: store.runs + 1,
  };
}

/** Predicts seconds for test items and module setups from a store; never returns zero. */
export class Estimator {
  private fileMeans = new Map<string, number>();
  private dirMeans = new Map<string, number>();
  private dynamicSums = new Map<string, { sum: number; count: number }>();
  private suiteMedian = UNKNOWN_TEST_SECONDS;
  private indexed = false;

  constructor(readonly store: TimingsStore) {}

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
