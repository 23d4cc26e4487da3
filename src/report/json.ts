// `--json PATH`: every result and collection error as plain JSON, with pytest's totals.

import type { CollectionError, Outcome, TestResult } from '../types.js';
import { countResults, type Counts } from './counts.js';

export interface JsonMeta {
  rootdir?: string;
  seconds: number;
  /** ISO time the session started. */
  started?: string;
  workers?: number;
  engine?: string;
  /** Set when the run stopped early (`-x`, Ctrl-C). */
  interrupted?: string;
  /** Selected ids discovery listed that their module does not produce: not collected, no result. */
  notCollected?: string[];
}

export interface JsonTest {
  id: string;
  outcome: Outcome;
  when: TestResult['when'];
  duration: number;
  file: string | null;
  line: number | null;
  message: string | null;
  longrepr: string | null;
  teardownError: string | null;
  engine: string | null;
  worker: number | null;
  /** pytest 9's subtest reports of the test, in order (absent when it had none). */
  subtests?: { outcome: string; description: string; message: string | null; longrepr: string | null }[];
  /** A rerun test's earlier attempts, each failed, in order (absent when it ran once); the
   * test's own fields are its last attempt's: `passed` with attempts is a flaky test. */
  attempts?: { outcome: string; when: string; duration: number; type: string | null; message: string | null; longrepr: string | null }[];
}

export interface JsonReport {
  version: 1;
  meta: JsonMeta;
  /** pytest's counts (a teardown error is an extra error), plus `tests`: results reported. */
  totals: Counts & { tests: number; collectionErrors: number };
  tests: JsonTest[];
  collectionErrors: CollectionError[];
}

export function jsonReportData(results: TestResult[], errors: CollectionError[], meta: JsonMeta): JsonReport {
  const counts = countResults(results, errors);
  return {
    version: 1,
    meta,
    totals: { ...counts, tests: results.length, collectionErrors: errors.length },
    tests: results.map((r) => ({
      id: r.id,
      outcome: r.outcome,
      when: r.when,
      duration: r.duration,
      file: r.file ?? null,
      line: r.line ?? null,
      message: r.message ?? null,
      longrepr: r.longrepr ?? null,
      teardownError: r.teardownError?.message ?? null,
      engine: r.engine ?? null,
      worker: r.worker ?? null,
      ...(r.subtests
        ? {
            subtests: r.subtests.map((s) => ({
              outcome: s.outcome,
              description: s.description,
              message: s.message ?? null,
              longrepr: s.longrepr ?? null,
            })),
          }
        : {}),
      ...(r.attempts
        ? {
            attempts: r.attempts.map((a) => ({
              outcome: a.outcome,
              when: a.when,
              duration: a.duration,
              type: a.type ?? null,
              message: a.message ?? null,
              longrepr: a.longrepr ?? null,
            })),
          }
        : {}),
    })),
    collectionErrors: errors.map((e) => ({ file: e.file, message: e.message })),
  };
}

/** The JSON report as text (two-space indented, trailing newline). */
export function jsonReport(results: TestResult[], errors: CollectionError[], meta: JsonMeta): string {
  return JSON.stringify(jsonReportData(results, errors, meta), null, 2) + '\n';
}
