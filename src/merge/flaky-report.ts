// The retry and default-branch parts of a merge's reports: flaky tests with their attempts, the
// tests fixed since the default branch, the flakiest tests of its history, and the console lines
// of `fastest merge`. Ids and messages come from the JUnit files: in Markdown they only ever
// appear in code spans (report/markdown.ts); on a console the caller fences them on GitHub.
import { inlineCode, tableCode } from '../report/markdown.js';
import { attemptsLine } from './attempts.js';
import { flakiest, HISTORY_RUNS } from './history.js';
import type { JUnitCase } from './junit-read.js';
import type { MergeResult } from './merge.js';

/** Tests named in each list of the summary and comment; the rest are counted. */
export const LISTED = 50;

/** Whether the reports split failures into new and known: there was a history to compare with. */
export function comparedWithHistory(result: MergeResult): boolean {
  return result.known !== undefined && result.known.baseRuns > 0;
}

/** Whether a failure failed on the default branch too (a merge without history: never). */
export function isKnownFailure(result: MergeResult, c: Pick<JUnitCase, 'id'>): boolean {
  return result.known?.stillFailing.has(c.id) === true;
}

/** `### Flaky tests (2)` and each with its attempts; '' when none. */
export function flakySection(result: MergeResult, limit: number = LISTED): string {
  const retries = result.retries;
  if (retries === undefined || retries.flakyCount === 0) return '';
  const lines = retries.flaky.slice(0, limit).map((t) => `- ${inlineCode(t.id, 300)}: ${inlineCode(attemptsLine(t), 400)}`);
  const more = retries.flakyCount - lines.length;
  return `### Flaky tests (${retries.flakyCount})\n\nPassed after failed attempts (counted as passed):\n\n${lines.join('\n')}${more > 0 ? `\n- ... and ${more} more` : ''}\n`;
}

/** `### Fixed (3)`: failing on the default branch, passing now; '' when none. */
export function fixedSection(result: MergeResult, limit: number = LISTED): string {
  const known = result.known;
  if (known === undefined || known.fixedCount === 0) return '';
  return `### Fixed (${known.fixedCount})\n\nFailing on the default branch, passing now: ${inlineIds(known.fixed, limit, known.fixedCount, 300)}\n`;
}

/** The flakiest tests of the default branch's history (after this run when it was recorded). */
export function flakiestSection(result: MergeResult, limit = 10): string {
  const history = result.known?.history;
  if (history === undefined) return '';
  const top = flakiest(history, limit);
  if (top.length === 0) return '';
  const rows = top.map((t) => `| ${t.flaky} | ${t.failed} | ${t.runs} | ${tableCode(t.id, 300)} |`);
  return `### Flakiest tests on the default branch (last ${HISTORY_RUNS} runs)\n\n| flaky | failed | runs | test |\n|---:|---:|---:|---|\n${rows.join('\n')}\n`;
}

/** `2 new, 1 still failing`: the failures classified, for headings; '' without a history. */
export function knownSplit(result: MergeResult): string {
  const known = result.known;
  if (known === undefined || result.failureCount === 0) return '';
  return `${known.newCount} new, ${known.stillFailingCount} still failing`;
}

/** `a`, `b`, ... 3 more: ids as code spans, the first `limit` of `total`. */
export function inlineIds(ids: string[], limit: number, total: number = ids.length, maxChars?: number): string {
  const shown = ids.slice(0, limit).map((id) => inlineCode(id, maxChars));
  return total > shown.length ? `${shown.join(', ')}, ... ${total - shown.length} more` : shown.join(', ');
}

/**
 * `fastest merge`'s lines about retries and the default branch: the flaky tests with their
 * attempts, the failures that are new and known, the tests fixed. Ids come from the JUnit files.
 */
export function retryAndKnownReport(result: MergeResult, limit = 20): string {
  const out: string[] = [];
  const retries = result.retries;
  if (retries !== undefined && retries.flakyCount > 0) {
    out.push(`fastest merge: ${retries.flakyCount} flaky test(s) passed after failed attempts:\n`);
    for (const t of retries.flaky.slice(0, limit)) out.push(`  ${t.id}: ${attemptsLine(t)}\n`);
    if (retries.flakyCount > limit) out.push(`  ... and ${retries.flakyCount - Math.min(limit, retries.flaky.length)} more\n`);
  }
  if (retries !== undefined && retries.rerunFailedCount > 0) out.push(`fastest merge: ${retries.rerunFailedCount} failed test(s) failed every attempt\n`);
  const known = result.known;
  if (known !== undefined && result.failureCount > 0) {
    out.push(`fastest merge: failures: ${known.newCount} new, ${known.stillFailingCount} still failing on the default branch\n`);
  }
  if (known !== undefined && known.fixedCount > 0) {
    const shown = known.fixed.slice(0, limit);
    out.push(
      `fastest merge: ${known.fixedCount} test(s) fixed (failing on the default branch, passing now): ${shown.join(', ')}${known.fixedCount > shown.length ? `, ... and ${known.fixedCount - shown.length} more` : ''}\n`,
    );
  }
  return out.join('');
}
