// What a merge says about retries and about the default branch, worked out as the testcases
// stream past (merge.ts hands each one over, a file at a time so a malformed file counts for
// nothing): the flaky tests (passed after failed attempts) and those that failed every attempt;
// each failure classified against the default branch's latest outcome (history.ts) as new or
// still failing, and the tests fixed since; and, where the merge may write the store, this run's
// outcomes added to the history. Memory is bounded: FLAKY_KEPT flaky tests and LIST_KEPT fixed ids
// by name (all counted), and marks only for tests the history has or that did not simply pass.
import { isFlaky, isRerunFailed, type JUnitAttempt } from './attempts.js';
import { emptyHistory, failingThere, recordRun, RunMarks, type FlakyHistory, type RunMark } from './history.js';
import type { JUnitCase } from './junit-read.js';

/** Flaky tests kept by name with their attempts; more than a summary or comment shows. */
export const FLAKY_KEPT = 1000;
/** Fixed tests kept by name. */
export const FIXED_KEPT = 1000;

export interface FlakyTest {
  id: string;
  file: string;
  line?: number;
  attempts: JUnitAttempt[];
  attemptCount: number;
  outcome: JUnitCase['outcome'];
}

export interface RetryReport {
  /** Tests that passed after failed attempts (they count as passed). */
  flakyCount: number;
  /** The first FLAKY_KEPT of them, in file order. */
  flaky: FlakyTest[];
  /** Failing tests that were retried and failed every attempt. */
  rerunFailedCount: number;
}

export interface KnownFailures {
  /** Failures that passed, or did not run, in the default branch's latest run. */
  newCount: number;
  /** Failures that failed there too. */
  stillFailingCount: number;
  /** Their ids (all of them: the history holds at most HISTORY_MAX_TESTS). */
  stillFailing: Set<string>;
  /** Tests that failed there and pass now: the first FIXED_KEPT, and how many. */
  fixed: string[];
  fixedCount: number;
  /** The history: with this run when `recorded`, else as read. */
  history: FlakyHistory;
  recorded: boolean;
  /** Runs in the history as read: 0 when there was none (a first run), and nothing was known. */
  baseRuns: number;
}

export interface ClassifyOptions {
  /** The default branch's history (from the timings store); without it there is no classification. */
  history?: FlakyHistory;
  /** Add this run to the history (only where the merge may write the store: the default branch). */
  record?: boolean;
}

function failing(c: JUnitCase): boolean {
  return c.outcome === 'failed' || c.outcome === 'error' || c.teardownError !== undefined;
}

/** The whole merge's share. */
export class RunClassifier {
  private readonly known: FlakyHistory | undefined;
  private readonly marks: RunMarks | undefined;
  readonly retries: RetryReport = { flakyCount: 0, flaky: [], rerunFailedCount: 0 };
  private newCount = 0;
  private readonly stillFailing = new Set<string>();
  private stillFailingCount = 0;
  private readonly fixed: string[] = [];
  private fixedCount = 0;

  constructor(opts: ClassifyOptions) {
    this.known = opts.history ?? (opts.record ? emptyHistory() : undefined);
    this.marks = opts.record && this.known ? new RunMarks(this.known) : undefined;
  }

  /** One file's testcases, added by `commit` once the file has been read whole. */
  file(): FileShare {
    return new FileShare(this, this.known, this.marks);
  }

  add(share: FileShare): void {
    this.retries.flakyCount += share.flakyCount;
    this.retries.rerunFailedCount += share.rerunFailedCount;
    for (const t of share.flaky) if (this.retries.flaky.length < FLAKY_KEPT) this.retries.flaky.push(t);
    this.newCount += share.newCount;
    this.stillFailingCount += share.stillFailingCount;
    for (const id of share.stillFailing) this.stillFailing.add(id);
    this.fixedCount += share.fixedCount;
    for (const id of share.fixed) if (this.fixed.length < FIXED_KEPT) this.fixed.push(id);
    for (const [id, mark] of share.marks) this.marks?.add(id, mark);
  }

  /** Kept so far: what a file may still add. */
  get flakyRoom(): number {
    return FLAKY_KEPT - this.retries.flaky.length;
  }

  knownFailures(): KnownFailures | undefined {
    const known = this.known;
    if (known === undefined) return undefined;
    const history = this.marks ? recordRun(known, this.marks.marks) : known;
    return {
      newCount: this.newCount,
      stillFailingCount: this.stillFailingCount,
      stillFailing: this.stillFailing,
      fixed: this.fixed,
      fixedCount: this.fixedCount,
      history,
      recorded: this.marks !== undefined,
      baseRuns: known.runs,
    };
  }
}

export class FileShare {
  flakyCount = 0;
  rerunFailedCount = 0;
  readonly flaky: FlakyTest[] = [];
  newCount = 0;
  stillFailingCount = 0;
  readonly stillFailing: string[] = [];
  readonly fixed: string[] = [];
  fixedCount = 0;
  readonly marks: [string, RunMark][] = [];

  constructor(
    private readonly run: RunClassifier,
    private readonly known: FlakyHistory | undefined,
    private readonly runMarks: RunMarks | undefined,
  ) {}

  testcase(c: JUnitCase): void {
    const failed = failing(c);
    const flaky = c.attempts !== undefined && isFlaky(c);
    if (flaky) {
      this.flakyCount++;
      if (this.flaky.length < this.run.flakyRoom)
        this.flaky.push({ id: c.id, file: c.file, line: c.line, attempts: c.attempts ?? [], attemptCount: c.attemptCount ?? 0, outcome: c.outcome });
    } else if (c.attempts !== undefined && isRerunFailed(c)) this.rerunFailedCount++;
    if (this.known !== undefined) {
      const there = failingThere(this.known, c.id);
      if (failed) {
        if (there) {
          this.stillFailingCount++;
          this.stillFailing.push(c.id);
        } else this.newCount++;
      } else if (there && (c.outcome === 'passed' || c.outcome === 'xpassed')) {
        this.fixedCount++;
        if (this.fixed.length < FIXED_KEPT) this.fixed.push(c.id);
      }
    }
    if (this.runMarks !== undefined) {
      const mark: RunMark = failed ? 'f' : flaky ? 'y' : 'p';
      if (this.runMarks.wants(c.id, mark, this.marks.length)) this.marks.push([c.id, mark]);
    }
  }

  commit(): void {
    this.run.add(this);
  }
}
