// Joins the JUnit files of all shards into one, and checks them against the plan: every planned
// test exactly once, nothing lost, nothing run twice. Malformed files are named and skipped.
//
// Memory does not grow with the number of testcases beyond 8 bytes each: every testcase is written
// to the merged file as it is read (its body goes to a temporary file, since the root element's
// counts are known only at the end) and then dropped. What is kept: totals, a 53-bit hash of each
// id (for duplicates: candidates are confirmed by reading the files again), the plan's found
// marks, the first FAILURES_KEPT failures with their text, the SLOWEST_KEPT slowest tests, and
// per file its sums. A file found malformed part-way is taken back out of all of it.
import { closeSync, ftruncateSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Outcome } from '../types.js';
import { NOT_COLLECTED_PROPERTY } from '../report/junit.js';
import { unitTestIds, type Plan } from '../shard/plan.js';
import { baseId, containerIds } from '../nodeid.js';
import { observeRun, type ObservedCase, type RunObservation } from './learn.js';
import { RunClassifier, type FileShare, type KnownFailures, type RetryReport } from './classify.js';
import type { FlakyHistory } from './history.js';
import {
  caseXml,
  JUnitError,
  newTextBudget,
  openTagXml,
  propertiesXml,
  readJUnitFile,
  type JUnitCase,
  type JUnitSuite,
  type ReadOptions,
  type TextBudget,
} from './junit-read.js';

export interface MergeCounts {
  /** Testcases after merging (a call failure with a teardown error counts once). */
  tests: number;
  passed: number;
  failed: number;
  error: number;
  skipped: number;
  xfailed: number;
  xpassed: number;
  /** Errors in teardown after a failed call: pytest counts them as extra errors. */
  teardownErrors: number;
}

export interface ShardReport {
  file: string;
  /** Sum of the testcase times in the file. */
  seconds: number;
  /** The runner's own wall time for the suite, when the file says. */
  wallSeconds?: number;
  /** The plan shard most of the file's tests belong to, and its predicted seconds. */
  shard?: number;
  predicted?: number;
  tests: number;
}

export interface SlowTest {
  id: string;
  seconds: number;
}

export interface MergeResult {
  counts: MergeCounts;
  /** Planned ids with no result (and no collection error for their module). */
  missing: string[];
  /** Ids with more than one result, sorted: all of them, or the first LIST_KEPT when there are more. */
  duplicates: string[];
  duplicateCount: number;
  /** Result ids the plan does not name, sorted: all, or LIST_KEPT of them. */
  unexpected: string[];
  unexpectedCount: number;
  /** Planned ids a shard's run found its module does not produce (pytest never collects them):
   * information, never missing. */
  notCollected?: string[];
  malformed: { file: string; error: string }[];
  shards: ShardReport[];
  /** Failing testcases (failed, error, teardown error, collection error) in file order: the first FAILURES_KEPT. */
  failures: JUnitCase[];
  failureCount: number;
  /** The slowest tests (collection errors aside), slowest first: SLOWEST_KEPT of them. */
  slowest: SlowTest[];
  /** Seconds per test and module setup, when asked for with `observeTimings`. */
  observation?: RunObservation;
  /** Flaky tests and tests that failed every attempt (classify.ts). */
  retries?: RetryReport;
  /** With a default-branch `history`: each failure new or still failing, the tests fixed. */
  known?: KnownFailures;
}

export interface MergeOptions {
  plan?: Plan;
  maxBytes?: number;
  /** Characters of element text kept over all files (default TEXT_BUDGET); past it, a short start of each. */
  textBudget?: number;
  /** Where to write the merged JUnit file; without it none is written. */
  out?: string;
  /** Also work out what the run says about test and module timings (memory grows with the tests then). */
  observeTimings?: boolean;
  /** The default branch's test history (merge/history.ts): failures are classified against it. */
  history?: FlakyHistory;
  /** Add this run to the history (`result.known.history`): where the merge may write the store. */
  recordHistory?: boolean;
}

/** Failing testcases kept with their text: more than a summary (1 MiB) or a comment can show. */
export const FAILURES_KEPT = 10_000;
export const SLOWEST_KEPT = 100;
/** Duplicated or unexpected ids listed by name; past it, counted. */
export const LIST_KEPT = 1000;
/** Duplicate candidates (equal hashes) confirmed by id; the rest are counted by hash. */
const DUPLICATES_CONFIRMED = 10 * LIST_KEPT;

export function mergeJUnit(files: string[], opts: MergeOptions = {}): MergeResult {
  const { plan } = opts;
  const knownFiles = plan ? plan.shards.flatMap((s) => s.units.map((u) => u.file)) : undefined;
  const textBudget = newTextBudget(opts.textBudget);
  const planned = plan ? new PlannedIds(plan) : undefined;
  const totals = new Totals();
  const writer = opts.out !== undefined ? new MergedJUnitWriter(opts.out) : undefined;
  const malformed: { file: string; error: string }[] = [];
  const merged: string[] = [];
  const shards: ShardReport[] = [];
  const observed: { cases: ObservedCase[] }[] = [];
  const notCollected = new Set<string>();
  /** The shards' own suite properties (record_testsuite_property's), in the files' order. */
  const suiteProperties: { name: string; value: string }[] = [];
  const classifier = new RunClassifier({ history: opts.history, record: opts.recordHistory });
  try {
    for (const file of files) {
      const tally = new FileTally(file, planned, totals, opts.observeTimings === true, classifier.file());
      const suites: JUnitSuite[] = [];
      const writtenBefore = writer?.mark() ?? 0;
      try {
        readJUnitFile(file, {
          maxBytes: opts.maxBytes,
          knownFiles,
          textBudget,
          onSuite: (suite) => {
            tally.suite(suite.time);
            suites.push(suite);
          },
          onCase: (c) => {
            tally.testcase(c);
            writer?.add(caseXml(c));
          },
        });
      } catch (err) {
        // A failure to write the merged file is not the input's fault.
        if (writer?.failure !== undefined) throw writer.failure;
        tally.takeBack();
        writer?.rollback(writtenBefore);
        malformed.push({ file, error: err instanceof JUnitError ? err.reason : (err as Error).message });
        continue;
      }
      merged.push(file);
      for (const id of notCollectedIn(suites)) notCollected.add(id);
      for (const suite of suites) suiteProperties.push(...(suite.properties ?? []).filter((p) => p.name !== NOT_COLLECTED_PROPERTY));
      shards.push(tally.commit(plan));
      if (tally.observed) observed.push({ cases: tally.observed });
    }
    const counts = totals.counts;
    // Before the output is written: it may be one of the files matched (`--out` inside the glob).
    const duplicates = confirmDuplicates(totals.idHashes.sortedRepeats(), merged, { maxBytes: opts.maxBytes, knownFiles });
    writer?.finish(mergedOpenTag(counts, totals.suiteSeconds), counts.tests === 0, propertiesXml(suiteProperties));
    const check = planned ? checkAgainstPlan(planned, totals) : { missing: [], unexpected: [], unexpectedCount: 0 };
    return {
      counts,
      missing: check.missing.filter((id) => !notCollected.has(id)),
      duplicates: duplicates.ids,
      duplicateCount: duplicates.count,
      unexpected: check.unexpected,
      unexpectedCount: check.unexpectedCount,
      notCollected: [...notCollected].sort(),
      malformed,
      shards,
      failures: totals.failures,
      failureCount: totals.failureCount,
      slowest: totals.slowest.items,
      observation: opts.observeTimings ? observeRun(observed) : undefined,
      retries: classifier.retries,
      known: classifier.knownFailures(),
    };
  } finally {
    writer?.close();
  }
}

/** The ids a shard recorded as not collected (`fastest_not_collected` properties of its suites). */
function notCollectedIn(suites: JUnitSuite[]): string[] {
  return suites.flatMap((suite) => (suite.properties ?? []).filter((p) => p.name === NOT_COLLECTED_PROPERTY).map((p) => p.value));
}

/** The plan's ids, each with its position (for found marks) and shard. */
class PlannedIds {
  readonly index = new Map<string, { at: number; shard: number }>();
  readonly found: Uint8Array;

  constructor(readonly plan: Plan) {
    for (const shard of plan.shards) {
      for (const unit of shard.units) {
        for (const id of unitTestIds(unit)) {
          const entry = this.index.get(id);
          if (entry) entry.shard = shard.index;
          else this.index.set(id, { at: this.index.size, shard: shard.index });
        }
      }
    }
    this.found = new Uint8Array(this.index.size);
  }
}

/** What all files read so far add up to. */
class Totals {
  counts: MergeCounts = { tests: 0, passed: 0, failed: 0, error: 0, skipped: 0, xfailed: 0, xpassed: 0, teardownErrors: 0 };
  readonly idHashes = new HashList();
  /** Hashes of the result ids the plan does not name, and the first LIST_KEPT of them by name. */
  readonly unexpectedHashes = new HashList();
  readonly unexpected = new Set<string>();
  /** Whether an unexpected id was left out of `unexpected` (then they are counted by hash). */
  unexpectedLeftOut = false;
  /** Modules with a collection error: their planned tests are not missing. */
  readonly failedModules = new Set<string>();
  failures: JUnitCase[] = [];
  failureCount = 0;
  readonly slowest = new Slowest(SLOWEST_KEPT);
  /** Sum of every file's <testsuite> times (each file's sum first), for the merged root element. */
  suiteSeconds = 0;
}

/** One file's share, added to the totals only once the whole file has been read. */
class FileTally {
  private readonly counts: MergeCounts = { tests: 0, passed: 0, failed: 0, error: 0, skipped: 0, xfailed: 0, xpassed: 0, teardownErrors: 0 };
  private seconds = 0;
  private suiteSeconds = 0;
  private suiteTimed = false;
  private readonly votes = new Map<number, number>();
  private readonly failures: JUnitCase[] = [];
  private failureCount = 0;
  private readonly slowest = new Slowest(SLOWEST_KEPT);
  private readonly newlyFound: number[] = [];
  private readonly unexpected = new Set<string>();
  private leftOut = false;
  private readonly failedModules: string[] = [];
  private readonly hashesBefore: number;
  private readonly unexpectedBefore: number;
  readonly observed: ObservedCase[] | undefined;

  constructor(
    private readonly file: string,
    private readonly planned: PlannedIds | undefined,
    private readonly totals: Totals,
    observe: boolean,
    private readonly classified: FileShare,
  ) {
    this.hashesBefore = totals.idHashes.length;
    this.unexpectedBefore = totals.unexpectedHashes.length;
    this.observed = observe ? [] : undefined;
  }

  suite(time: number | undefined): void {
    if (time !== undefined) this.suiteTimed = true;
    this.suiteSeconds += time ?? 0;
  }

  testcase(c: JUnitCase): void {
    const counts = this.counts;
    counts.tests += 1;
    counts[c.outcome satisfies Outcome] += 1;
    if (c.teardownError) counts.teardownErrors += 1;
    this.seconds += c.time;
    this.totals.idHashes.push(idHash(c.id));
    if (c.outcome === 'failed' || c.outcome === 'error' || c.teardownError !== undefined) {
      this.failureCount += 1;
      // Its XML has been written: only the text the reports show is kept.
      if (this.totals.failures.length + this.failures.length < FAILURES_KEPT) this.failures.push({ ...c, xmlOpen: '', xmlInner: '' });
    }
    if (!c.collection) this.slowest.offer(c.id, c.time);
    this.observed?.push({ id: c.id, file: c.file, time: c.time, collection: c.collection });
    this.classified.testcase(c);
    if (this.planned) this.planCheck(c, this.planned);
  }

  /** Marks the planned ids this testcase stands for, and votes for its shard. */
  private planCheck(c: JUnitCase, planned: PlannedIds): void {
    const mark = (at: number): void => {
      if (planned.found[at] === 0) {
        planned.found[at] = 1;
        this.newlyFound.push(at);
      }
    };
    const exact = planned.index.get(c.id);
    if (c.collection) {
      this.failedModules.push(c.file);
      if (exact) this.vote(exact.shard);
      return;
    }
    if (exact) mark(exact.at);
    // A planned id without parameters also stands for a dynamic item's expanded ids, and a
    // dynamic module or class (`f.py`, `f.py::TestC`) for the tests found in it at run time.
    const base = baseId(c.id);
    const ofBase = base !== c.id ? planned.index.get(base) : undefined;
    if (ofBase) mark(ofBase.at);
    let container: { at: number; shard: number } | undefined;
    for (const outer of containerIds(base).reverse()) {
      const entry = planned.index.get(outer);
      if (entry) {
        mark(entry.at);
        container ??= entry;
      }
    }
    const shard = (exact ?? ofBase ?? container)?.shard;
    if (shard !== undefined) this.vote(shard);
    else {
      this.totals.unexpectedHashes.push(idHash(c.id));
      if (this.totals.unexpected.size + this.unexpected.size < LIST_KEPT) this.unexpected.add(c.id);
      else if (!this.unexpected.has(c.id) && !this.totals.unexpected.has(c.id)) this.leftOut = true;
    }
  }

  private vote(shard: number): void {
    this.votes.set(shard, (this.votes.get(shard) ?? 0) + 1);
  }

  /** The file was malformed: nothing of it counts. */
  takeBack(): void {
    this.totals.idHashes.length = this.hashesBefore;
    this.totals.unexpectedHashes.length = this.unexpectedBefore;
    if (this.planned) for (const at of this.newlyFound) this.planned.found[at] = 0;
  }

  commit(plan: Plan | undefined): ShardReport {
    const totals = this.totals;
    for (const key of Object.keys(this.counts) as (keyof MergeCounts)[]) totals.counts[key] += this.counts[key];
    totals.failures.push(...this.failures);
    totals.failureCount += this.failureCount;
    totals.suiteSeconds += this.suiteSeconds;
    for (const slow of this.slowest.items) totals.slowest.offer(slow.id, slow.seconds);
    for (const id of this.unexpected) {
      if (totals.unexpected.size < LIST_KEPT) totals.unexpected.add(id);
      else if (!totals.unexpected.has(id)) this.leftOut = true;
    }
    if (this.leftOut) totals.unexpectedLeftOut = true;
    for (const file of this.failedModules) totals.failedModules.add(file);
    this.classified.commit();
    const report: ShardReport = { file: this.file, seconds: round3(this.seconds), tests: this.counts.tests };
    if (this.suiteTimed) report.wallSeconds = round3(this.suiteSeconds);
    if (plan) {
      let best: number | undefined;
      for (const [shard, n] of this.votes)
        if (best === undefined || n > (this.votes.get(best) ?? 0) || (n === this.votes.get(best) && shard < best)) best = shard;
      if (best !== undefined) {
        report.shard = best;
        report.predicted = plan.shards[best - 1]?.predicted;
      }
    }
    return report;
  }
}

function checkAgainstPlan(planned: PlannedIds, totals: Totals): { missing: string[]; unexpected: string[]; unexpectedCount: number } {
  const missing: string[] = [];
  for (const shard of planned.plan.shards) {
    for (const unit of shard.units) {
      for (const id of unitTestIds(unit)) {
        const at = planned.index.get(id)?.at ?? 0;
        if (planned.found[at] === 0 && !totals.failedModules.has(unit.file)) missing.push(id);
      }
    }
  }
  const unexpected = [...totals.unexpected].sort();
  // Counted by name while they all fit in the list, else by distinct hash.
  const unexpectedCount = totals.unexpectedLeftOut ? Math.max(unexpected.length, totals.unexpectedHashes.distinctCount()) : unexpected.length;
  return { missing: missing.sort(), unexpected, unexpectedCount };
}

/** Reads the files again for the ids behind repeated hashes: a hash collision is not a duplicate. */
function confirmDuplicates(repeated: number[], files: string[], read: Pick<ReadOptions, 'maxBytes' | 'knownFiles'>): { ids: string[]; count: number } {
  if (repeated.length === 0) return { ids: [], count: 0 };
  const candidates = new Set(repeated.slice(0, DUPLICATES_CONFIRMED));
  const seen = new Map<string, number>();
  const textBudget: TextBudget = newTextBudget(0);
  for (const file of files) {
    try {
      readJUnitFile(file, {
        ...read,
        textBudget,
        onCase: (c) => {
          if (candidates.has(idHash(c.id))) seen.set(c.id, (seen.get(c.id) ?? 0) + 1);
        },
      });
    } catch {
      // Changed since it was merged: what it held before has been counted.
    }
  }
  const ids = [...seen]
    .filter(([, n]) => n > 1)
    .map(([id]) => id)
    .sort();
  return { ids: ids.slice(0, LIST_KEPT), count: ids.length + Math.max(0, repeated.length - DUPLICATES_CONFIRMED) };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The merged file's <testsuite> start tag (without its `>`): counts over all files. */
function mergedOpenTag(counts: MergeCounts, suiteSeconds: number): string {
  return openTagXml('testsuite', {
    name: 'pytest',
    errors: String(counts.error + counts.teardownErrors),
    failures: String(counts.failed),
    skipped: String(counts.skipped + counts.xfailed),
    tests: String(counts.tests),
    time: suiteSeconds.toFixed(3),
  });
}

/**
 * A 53-bit hash of an id (two 32-bit FNV-style lanes): equal ids, equal hashes; different ids
 * collide with odds of about n²/2⁵⁴ over n ids, and a collision costs only a confirming re-read.
 */
export function idHash(id: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) >>> 11);
}

/** A growing list of hashes in one typed array: 8 bytes each. */
class HashList {
  private values = new Float64Array(1024);
  length = 0;

  push(hash: number): void {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = hash;
  }

  private sorted(): Float64Array {
    return this.values.subarray(0, this.length).sort();
  }

  /** Each hash that occurs more than once, once, ascending. */
  sortedRepeats(): number[] {
    const sorted = this.sorted();
    const out: number[] = [];
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1] && (i < 2 || sorted[i - 1] !== sorted[i - 2])) out.push(sorted[i] as number);
    return out;
  }

  distinctCount(): number {
    const sorted = this.sorted();
    let n = sorted.length > 0 ? 1 : 0;
    for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) n++;
    return n;
  }
}

/** The `limit` slowest tests, slowest first, ties by id. */
class Slowest {
  readonly items: SlowTest[] = [];

  constructor(private readonly limit: number) {}

  offer(id: string, seconds: number): void {
    const items = this.items;
    const last = items[items.length - 1];
    if (items.length >= this.limit && last !== undefined && !before(seconds, id, last)) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(seconds, id, items[mid] as SlowTest)) hi = mid;
      else lo = mid + 1;
    }
    items.splice(lo, 0, { id, seconds });
    if (items.length > this.limit) items.pop();
  }
}

function before(seconds: number, id: string, other: SlowTest): boolean {
  return seconds > other.seconds || (seconds === other.seconds && id < other.id);
}

/**
 * The merged JUnit file, written as it is read: the testcases go to a temporary body file next
 * to the output; at the end the root element (with the totals) is written, then the body copied.
 */
class MergedJUnitWriter {
  private readonly bodyPath: string;
  private fd: number | undefined;
  private chunks: string[] = [];
  private buffered = 0;
  private written = 0;
  failure: unknown;

  constructor(private readonly out: string) {
    mkdirSync(dirname(out), { recursive: true });
    this.bodyPath = `${out}.${process.pid}.body.tmp`;
    this.fd = openSync(this.bodyPath, 'w+');
  }

  add(xml: string): void {
    this.chunks.push(xml);
    this.buffered += xml.length;
    if (this.buffered >= 1 << 20) this.flush();
  }

  /** Where the body stands: what `rollback` goes back to. */
  mark(): number {
    this.flush();
    return this.written;
  }

  rollback(to: number): void {
    this.chunks = [];
    this.buffered = 0;
    if (this.fd !== undefined) ftruncateSync(this.fd, to);
    this.written = to;
  }

  private flush(): void {
    if (this.chunks.length === 0 || this.fd === undefined) return;
    const bytes = Buffer.from(this.chunks.join(''), 'utf8');
    this.chunks = [];
    this.buffered = 0;
    try {
      writeSync(this.fd, bytes, 0, bytes.length, this.written);
    } catch (err) {
      this.failure = err;
      throw err;
    }
    this.written += bytes.length;
  }

  /** Writes the merged file: `openTag`, then `properties` (the suite's), then the testcases. */
  finish(openTag: string, empty: boolean, properties = ''): void {
    this.flush();
    const body = this.fd;
    if (body === undefined) return;
    const out = openSync(this.out, 'w');
    try {
      const selfClosed = empty && properties === '';
      const head = `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests">${openTag}${selfClosed ? ' />' : `>${properties}`}`;
      writeSync(out, head);
      const buffer = Buffer.allocUnsafe(1 << 20);
      for (let at = 0; at < this.written;) {
        const n = readSync(body, buffer, 0, Math.min(buffer.length, this.written - at), at);
        if (n === 0) break;
        writeSync(out, buffer, 0, n);
        at += n;
      }
      writeSync(out, `${selfClosed ? '' : '</testsuite>'}</testsuites>\n`);
    } finally {
      closeSync(out);
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.bodyPath, { force: true });
  }
}
