// Each test's recent outcomes on the default branch, kept in the timings store (its `history`
// section) by the merges that may write it: how often a test was flaky or failed over its last
// HISTORY_RUNS runs, and its latest outcome, which tells a new failure from a known one.
//
// Only tests with a failure or a flaky pass in their window have an entry: a test without one
// passed (or never ran) on the default branch, which is all "new" needs to know. The section is
// bounded: HISTORY_MAX_TESTS entries, HISTORY_RUNS outcomes each, ids up to HISTORY_MAX_ID_CHARS
// (a longer id is not recorded: its failures count as new). A section that is not what this
// module writes is ignored with a one-line warning, the timings beside it still used.
import type { TimingsStore } from '../shard/timings.js';

/** Outcomes remembered per test; an entry not seen for this many runs is dropped. */
export const HISTORY_RUNS = 20;
export const HISTORY_MAX_TESTS = 10_000;
export const HISTORY_MAX_ID_CHARS = 500;

/** One run's outcome of a test: `p` passed (or skipped), `y` flaky (passed after failing), `f` failed or errored. */
export type RunMark = 'p' | 'y' | 'f';

export interface TestHistory {
  /** Outcomes of the runs the test ran in, oldest first, at most HISTORY_RUNS. */
  marks: string;
  /** The history's run number the last mark is from. */
  at: number;
}

export interface FlakyHistory {
  /** Runs recorded so far. */
  runs: number;
  tests: Map<string, TestHistory>;
}

export function emptyHistory(): FlakyHistory {
  return { runs: 0, tests: new Map() };
}

/** The latest outcome on the default branch was a failure. */
export function failingThere(history: FlakyHistory | undefined, id: string): boolean {
  return history?.tests.get(id)?.marks.endsWith('f') === true;
}

/** The store's history section, checked; an unusable one is an empty history and a warning. */
export function historyOf(store: TimingsStore, source: string): { history: FlakyHistory; warning?: string } {
  if (store.history === undefined) return { history: emptyHistory() };
  const problem = historyProblem(store.history);
  if (problem !== undefined) return { history: emptyHistory(), warning: `ignoring the test history in ${source}: ${problem}` };
  const raw = store.history as StoredHistory;
  const tests = new Map<string, TestHistory>();
  for (const [id, entry] of Object.entries(raw.tests)) tests.set(id, { marks: entry.o, at: entry.at });
  return { history: { runs: raw.runs, tests } };
}

/** The section as stored: `{"runs": 12, "tests": {"<id>": {"o": "ppfy", "at": 12}}}`, ids sorted. */
interface StoredHistory {
  runs: number;
  tests: Record<string, { o: string; at: number }>;
}

const MARKS = new RegExp(`^[pyf]{1,${HISTORY_RUNS}}$`);

function historyProblem(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not a JSON object';
  const record = data as Record<string, unknown>;
  const runs = record['runs'];
  if (typeof runs !== 'number' || !Number.isSafeInteger(runs) || runs < 0) return '"runs" is not a count';
  const tests = record['tests'];
  if (typeof tests !== 'object' || tests === null || Array.isArray(tests)) return '"tests" is not an object';
  let n = 0;
  for (const [id, entry] of Object.entries(tests)) {
    if (++n > HISTORY_MAX_TESTS) return `more than ${HISTORY_MAX_TESTS} tests`;
    if (id.length > HISTORY_MAX_ID_CHARS) return `a test id is longer than ${HISTORY_MAX_ID_CHARS} characters`;
    if (typeof entry !== 'object' || entry === null) return `entry ${JSON.stringify(id.slice(0, 80))} is not an object`;
    const { o, at } = entry as Record<string, unknown>;
    if (typeof o !== 'string' || !MARKS.test(o)) return `entry ${JSON.stringify(id.slice(0, 80))} has no outcomes`;
    if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0 || at > runs) return `entry ${JSON.stringify(id.slice(0, 80))} has a bad run number`;
  }
  return undefined;
}

/** The history as the store keeps it. */
export function storedHistory(history: FlakyHistory): StoredHistory {
  const tests: StoredHistory['tests'] = {};
  for (const id of [...history.tests.keys()].sort()) {
    const entry = history.tests.get(id) as TestHistory;
    tests[id] = { o: entry.marks, at: entry.at };
  }
  return { runs: history.runs, tests };
}

/** The worse of two outcomes of one test in one run (a test reported twice, e.g. across re-run attempts). */
function combine(a: RunMark, b: RunMark): RunMark {
  if (a === b) return a;
  // Failed in one report and passed in the other: flaky.
  return 'y';
}

/**
 * `previous` with one more run: `marks` holds this run's outcome for each test that has an entry
 * or did not simply pass; a test without an entry that passed adds nothing. Entries whose window
 * holds only passes, and entries not seen for HISTORY_RUNS runs, are dropped; past
 * HISTORY_MAX_TESTS the entries kept are those failing now, then the most flaky or failed.
 */
export function recordRun(previous: FlakyHistory, marks: Map<string, RunMark>): FlakyHistory {
  const runs = previous.runs + 1;
  const tests = new Map<string, TestHistory>();
  for (const [id, entry] of previous.tests) tests.set(id, { ...entry });
  for (const [id, mark] of marks) {
    if (id.length > HISTORY_MAX_ID_CHARS) continue;
    const entry = tests.get(id);
    if (entry === undefined) {
      if (mark !== 'p') tests.set(id, { marks: mark, at: runs });
    } else {
      entry.marks = `${entry.marks}${mark}`.slice(-HISTORY_RUNS);
      entry.at = runs;
    }
  }
  for (const [id, entry] of tests) if (entry.at <= runs - HISTORY_RUNS || !/[yf]/.test(entry.marks)) tests.delete(id);
  if (tests.size <= HISTORY_MAX_TESTS) return { runs, tests };
  const ranked = [...tests].sort(([idA, a], [idB, b]) => rank(b) - rank(a) || b.at - a.at || (idA < idB ? -1 : idA > idB ? 1 : 0));
  return { runs, tests: new Map(ranked.slice(0, HISTORY_MAX_TESTS)) };
}

/** Failing now first (the new-versus-known answer needs them), then by failed and flaky runs. */
function rank(entry: TestHistory): number {
  return (entry.marks.endsWith('f') ? 1000 : 0) + badRuns(entry.marks);
}

function badRuns(marks: string): number {
  let n = 0;
  for (const m of marks) if (m !== 'p') n++;
  return n;
}

/** Per run of a merge: each test's mark, the same test twice combined. */
export class RunMarks {
  readonly marks = new Map<string, RunMark>();
  /** Tests that did not simply pass and have no entry: counted up to HISTORY_MAX_TESTS, then not recorded. */
  private added = 0;

  constructor(private readonly known: FlakyHistory) {}

  /** Whether this test's outcome matters to the history (`pending`: marks held back, not yet added). */
  wants(id: string, mark: RunMark, pending = 0): boolean {
    if (this.known.tests.has(id) || this.marks.has(id)) return true;
    return mark !== 'p' && this.added + pending < HISTORY_MAX_TESTS && id.length <= HISTORY_MAX_ID_CHARS;
  }

  add(id: string, mark: RunMark): void {
    const before = this.marks.get(id);
    if (before === undefined && !this.known.tests.has(id)) this.added++;
    this.marks.set(id, before === undefined ? mark : combine(before, mark));
  }
}

export interface FlakiestTest {
  id: string;
  /** Runs it was flaky in, failed in, and ran in, over its window. */
  flaky: number;
  failed: number;
  runs: number;
}

/**
 * The flakiest tests: those that both passed and failed (or passed only after retries) in their
 * window, most flaky-or-failed runs first. A test that failed every run is broken, not flaky.
 */
export function flakiest(history: FlakyHistory, limit: number): FlakiestTest[] {
  const out: FlakiestTest[] = [];
  for (const [id, entry] of history.tests) {
    let flaky = 0;
    let failed = 0;
    for (const m of entry.marks) {
      if (m === 'y') flaky++;
      else if (m === 'f') failed++;
    }
    if (flaky === 0 && failed === entry.marks.length) continue;
    out.push({ id, flaky, failed, runs: entry.marks.length });
  }
  out.sort((a, b) => b.flaky + b.failed - (a.flaky + a.failed) || b.flaky - a.flaky || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out.slice(0, limit);
}
