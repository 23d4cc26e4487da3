// Joins the JUnit files of all shards into one, and checks them against the plan: every planned
// test exactly once, nothing lost, nothing run twice. Malformed files are named and skipped.
import type { Outcome } from '../types.js';
import { unitTestIds, type Plan } from '../shard/plan.js';
import { baseId } from '../shard/timings.js';
import { NOT_COLLECTED_PROPERTY } from './junit.js';
import { caseXml, elementXml, JUnitError, newTextBudget, readJUnitFile, type JUnitCase, type JUnitDocument } from './junit-read.js';

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

export interface MergeResult {
  xml: string;
  counts: MergeCounts;
  /** Planned ids with no result (and no collection error for their module). */
  missing: string[];
  /** Ids with more than one result. */
  duplicates: string[];
  /** Result ids the plan does not name. */
  unexpected: string[];
  /** Planned ids a shard's run found its module does not produce (pytest never collects them):
   * information, never missing. */
  notCollected?: string[];
  malformed: { file: string; error: string }[];
  shards: ShardReport[];
  /** Every testcase read, in file order: for the summary and the timing store. */
  cases: JUnitCase[];
  documents: JUnitDocument[];
}

export interface MergeOptions {
  plan?: Plan;
  maxBytes?: number;
  /** Characters of element text kept over all files (default TEXT_BUDGET); past it, a short start of each. */
  textBudget?: number;
}

export function mergeJUnit(files: string[], opts: MergeOptions = {}): MergeResult {
  const { plan } = opts;
  const knownFiles = plan ? plan.shards.flatMap((s) => s.units.map((u) => u.file)) : undefined;
  const documents: JUnitDocument[] = [];
  const malformed: { file: string; error: string }[] = [];
  const textBudget = newTextBudget(opts.textBudget);
  for (const file of files) {
    try {
      documents.push(readJUnitFile(file, { maxBytes: opts.maxBytes, knownFiles, textBudget }));
    } catch (err) {
      malformed.push({ file, error: err instanceof JUnitError ? err.reason : (err as Error).message });
    }
  }
  const cases = documents.flatMap((d) => d.cases);
  const counts = countOutcomes(cases);
  const duplicates = findDuplicates(cases);
  const notCollected = notCollectedIds(documents);
  const check = plan ? checkAgainstPlan(plan, cases) : { missing: [], unexpected: [], shardOf: new Map<string, number>() };
  const missing = check.missing.filter((id) => !notCollected.has(id));
  const shards = documents.map((doc) => shardReport(doc, plan, check.shardOf));
  return {
    xml: mergedXml(documents, counts),
    counts,
    missing,
    duplicates,
    unexpected: check.unexpected,
    notCollected: [...notCollected].sort(),
    malformed,
    shards,
    cases,
    documents,
  };
}

/** The ids shards recorded as not collected (`fastest_not_collected` suite properties). */
function notCollectedIds(documents: JUnitDocument[]): Set<string> {
  const ids = new Set<string>();
  for (const doc of documents) {
    for (const suite of doc.suites) {
      for (const p of suite.properties ?? []) if (p.name === NOT_COLLECTED_PROPERTY) ids.add(p.value);
    }
  }
  return ids;
}

function countOutcomes(cases: JUnitCase[]): MergeCounts {
  const counts: MergeCounts = { tests: cases.length, passed: 0, failed: 0, error: 0, skipped: 0, xfailed: 0, xpassed: 0, teardownErrors: 0 };
  for (const c of cases) {
    counts[c.outcome satisfies Outcome] += 1;
    if (c.teardownError) counts.teardownErrors += 1;
  }
  return counts;
}

function findDuplicates(cases: JUnitCase[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) twice.add(c.id);
    else seen.add(c.id);
  }
  return [...twice].sort();
}

function checkAgainstPlan(plan: Plan, cases: JUnitCase[]): { missing: string[]; unexpected: string[]; shardOf: Map<string, number> } {
  const exact = new Set<string>();
  const byBase = new Set<string>();
  const failedModules = new Set<string>();
  for (const c of cases) {
    if (c.collection) {
      failedModules.add(c.file);
      continue;
    }
    exact.add(c.id);
    const base = baseId(c.id);
    if (base !== c.id) byBase.add(base);
  }
  // Modules and classes that hold results: needed only for dynamic modules/classes in the plan,
  // so built on first use rather than for every one of 100,000 testcases.
  let containers: Set<string> | null = null;
  const hasResultsInside = (id: string): boolean => {
    containers ??= new Set(cases.filter((c) => !c.collection).flatMap((c) => nodePrefixes(c.id)));
    return containers.has(id);
  };
  const planned = new Set<string>();
  const shardOf = new Map<string, number>();
  const missing: string[] = [];
  for (const shard of plan.shards) {
    for (const unit of shard.units) {
      for (const id of unitTestIds(unit)) {
        planned.add(id);
        shardOf.set(id, shard.index);
        // A planned id without parameters also stands for a dynamic item's expanded ids, and a
        // dynamic module or class (`f.py`, `f.py::TestC`) for the tests found in it at run time.
        const found = exact.has(id) || (baseId(id) === id && (byBase.has(id) || hasResultsInside(id)));
        if (!found && !failedModules.has(unit.file)) missing.push(id);
      }
    }
  }
  const unexpected: string[] = [];
  for (const c of cases) {
    if (c.collection) continue;
    if (planned.has(c.id)) continue;
    const base = baseId(c.id);
    if (base !== c.id && planned.has(base)) {
      shardOf.set(c.id, shardOf.get(base) ?? 0);
      continue;
    }
    const container = nodePrefixes(c.id).find((prefix) => planned.has(prefix));
    if (container !== undefined) {
      shardOf.set(c.id, shardOf.get(container) ?? 0);
      continue;
    }
    unexpected.push(c.id);
  }
  return { missing: missing.sort(), unexpected: [...new Set(unexpected)].sort(), shardOf };
}

function shardReport(doc: JUnitDocument, plan: Plan | undefined, shardOf: Map<string, number>): ShardReport {
  const report: ShardReport = { file: doc.source, seconds: round3(doc.cases.reduce((s, c) => s + c.time, 0)), tests: doc.cases.length };
  const wall = doc.suites.reduce((s, suite) => s + (suite.time ?? 0), 0);
  if (doc.suites.some((s) => s.time !== undefined)) report.wallSeconds = round3(wall);
  if (plan) {
    const votes = new Map<number, number>();
    for (const c of doc.cases) {
      const shard = shardOf.get(c.id);
      if (shard !== undefined) votes.set(shard, (votes.get(shard) ?? 0) + 1);
    }
    let best: number | undefined;
    for (const [shard, n] of votes) if (best === undefined || n > (votes.get(best) ?? 0) || (n === votes.get(best) && shard < best)) best = shard;
    if (best !== undefined) {
      report.shard = best;
      report.predicted = plan.shards[best - 1]?.predicted;
    }
  }
  return report;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function mergedXml(documents: JUnitDocument[], counts: MergeCounts): string {
  const time = documents.reduce((s, d) => s + d.suites.reduce((t, suite) => t + (suite.time ?? 0), 0), 0);
  const parts: string[] = [];
  for (const doc of documents) for (const c of doc.cases) parts.push(caseXml(c));
  const suiteAttrs = {
    name: 'pytest',
    errors: String(counts.error + counts.teardownErrors),
    failures: String(counts.failed),
    skipped: String(counts.skipped + counts.xfailed),
    tests: String(counts.tests),
    time: time.toFixed(3),
  };
  return `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests">${elementXml('testsuite', suiteAttrs, '', [], parts.join(''))}</testsuites>\n`;
}

/** The ids of the module and classes that contain a test: `f.py`, `f.py::TestC` for `f.py::TestC::test_m`. */
function nodePrefixes(id: string): string[] {
  const parts = baseId(id).split('::');
  const prefixes: string[] = [];
  for (let i = 1; i < parts.length; i++) prefixes.push(parts.slice(0, i).join('::'));
  return prefixes;
}
