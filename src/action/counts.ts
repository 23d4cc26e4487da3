// The three counts the Action outputs. passed includes xpassed (non-strict); skipped includes
// xfailed; failed includes errors (setup, teardown and collection errors), one per test.
import type { MergeCounts } from '../merge/merge.js';

export interface ActionCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/** From a merge's totals: a teardown error after a failed call stays part of that one test. */
export function countMerged(counts: MergeCounts): ActionCounts {
  return { passed: counts.passed + counts.xpassed, failed: counts.failed + counts.error, skipped: counts.skipped + counts.xfailed };
}
