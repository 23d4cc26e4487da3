// The three counts the Action outputs. passed includes xpassed (non-strict); skipped includes
// xfailed; failed includes errors (setup, teardown and collection errors), one per test.
import type { JUnitCase } from '../report/junit-read.js';

export interface ActionCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export function countCases(cases: JUnitCase[]): ActionCounts {
  const counts: ActionCounts = { passed: 0, failed: 0, skipped: 0 };
  for (const c of cases) {
    if (c.outcome === 'passed' || c.outcome === 'xpassed') counts.passed++;
    else if (c.outcome === 'failed' || c.outcome === 'error') counts.failed++;
    else counts.skipped++;
  }
  return counts;
}
