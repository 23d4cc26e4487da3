// Learning timings from a run's results: each test's seconds and each module's setup seconds,
// folded into the store with an exponentially weighted moving average (see bench/SHARD_RESULTS.md
// for the measurement behind EWMA and its weight).
import { loadTimings, median, saveTimings, TIMINGS_VERSION, type TimingsStore } from '../shard/timings.js';
import type { JUnitCase } from './junit-read.js';
import { storedHistory, type FlakyHistory } from './history.js';

/** Weight of the newest run in the moving average. */
export const EWMA_WEIGHT = 0.5;

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
  const learned: TimingsStore = {
    version: TIMINGS_VERSION,
    tests: blend(store.tests, run.tests),
    modules: blend(store.modules, run.modules),
    runs: store.runs + 1,
    ...(store.coverage ? { coverage: store.coverage } : {}),
  };
  if (store.history !== undefined) learned.history = store.history;
  return learned;
}

/**
 * Folds a run into the store saved at `path`, starting from the store at `previousPath` (by
 * default `path` itself); a corrupt previous store is started afresh, with its warning. With
 * `history`, the store's test history becomes it (merge/history.ts, recorded by this merge).
 */
export function learnIntoFile(
  run: RunObservation,
  path: string,
  previousPath: string = path,
  history?: FlakyHistory,
): { store: TimingsStore; warning?: string } {
  const previous = loadTimings(previousPath);
  const store = learnTimings(previous.store, run);
  if (history !== undefined) store.history = storedHistory(history);
  saveTimings(path, store);
  return { store, warning: previous.warning };
}
