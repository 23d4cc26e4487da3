// What a merge means, written once for `fastest merge` and the Action's merge role: the exit code,
// the reasons a merge failed, the one-line totals and the listing of what went wrong.
import { ExitCode } from '../types.js';
import type { MergeResult } from './merge.js';

export interface MergeVerdict {
  /** 1 when a test failed, a planned test has no result, a test ran twice or a file was malformed;
   * 5 when the files hold no testcase; else 0. */
  exitCode: typeof ExitCode.OK | typeof ExitCode.TESTS_FAILED | typeof ExitCode.NO_TESTS_COLLECTED;
  /** Why the merge failed, one phrase each (`2 test(s) failed`); empty when it did not. */
  reasons: string[];
  /** Failures that did not fail the merge (`fail-on: new` and only known failures), said in a line. */
  note?: string;
}

/** `any`: every failing test fails the merge; `new`: only failures the default branch did not have. */
export type FailOn = 'any' | 'new';
export const FAIL_ON_VALUES: readonly FailOn[] = ['any', 'new'];

export function mergeVerdict(result: MergeResult, failOn: FailOn = 'any'): MergeVerdict {
  // Without a history every failure is new.
  const newFailures = result.known?.newCount ?? result.failureCount;
  const knownFailures = result.failureCount - newFailures;
  const failing = failOn === 'any' ? result.failureCount : newFailures;
  const note =
    failOn === 'new' && knownFailures > 0
      ? `${knownFailures} known failure(s) (failing on the default branch too) do not fail the merge (fail-on: new)`
      : undefined;
  const reasons = [
    failing > 0 && (failOn === 'any' ? `${result.failureCount} test(s) failed` : `${newFailures} new failure(s)`),
    result.missing.length > 0 && `${result.missing.length} planned test(s) have no result`,
    result.duplicateCount > 0 && `${result.duplicateCount} test(s) ran more than once`,
    result.malformed.length > 0 && `${result.malformed.length} JUnit file(s) are malformed`,
  ].filter((s): s is string => typeof s === 'string');
  if (reasons.length > 0) return { exitCode: ExitCode.TESTS_FAILED, reasons, note };
  return { exitCode: result.counts.tests === 0 ? ExitCode.NO_TESTS_COLLECTED : ExitCode.OK, reasons, note };
}

/** `merged 2 of 3 JUnit file(s): 1 failed, 9 passed, 2 missing`. */
export function mergedLine(result: MergeResult, files: number): string {
  const { counts } = result;
  const errors = counts.error + counts.teardownErrors;
  const parts = [
    counts.failed && `${counts.failed} failed`,
    counts.passed && `${counts.passed} passed`,
    result.retries?.flakyCount && `${result.retries.flakyCount} flaky`,
    counts.skipped && `${counts.skipped} skipped`,
    counts.xfailed && `${counts.xfailed} xfailed`,
    counts.xpassed && `${counts.xpassed} xpassed`,
    errors && `${errors} error${errors === 1 ? '' : 's'}`,
    result.missing.length && `${result.missing.length} missing`,
  ].filter((p): p is string => typeof p === 'string');
  return `merged ${files - result.malformed.length} of ${files} JUnit file(s): ${parts.join(', ') || 'no tests'}`;
}

/**
 * The merge's problems, each line starting `fastest merge: `: malformed files skipped, planned
 * tests with no result, planned tests not collected, tests that ran twice. The ids and parse
 * errors come from the JUnit files: the caller fences the text on GitHub.
 */
export function problemReport(result: MergeResult, fileName: (file: string) => string = (file) => file): string {
  return [
    ...result.malformed.map((bad) => `fastest merge: skipping ${fileName(bad.file)}: malformed JUnit XML: ${bad.error}\n`),
    idList('planned test(s) have no result', result.missing),
    notCollectedLine(result.notCollected ?? []),
    idList('test(s) ran more than once', result.duplicates, result.duplicateCount),
  ].join('');
}

/** Planned ids their modules do not define (pytest never collects them): information, not a loss. */
function notCollectedLine(ids: string[]): string {
  if (ids.length === 0) return '';
  const more = ids.length > 5 ? `, ... and ${ids.length - 5} more` : '';
  return `fastest merge: ${ids.length} planned test(s) not collected (their modules do not define them; not counted): ${ids.slice(0, 5).join(', ')}${more}\n`;
}

function idList(what: string, ids: string[], total: number = ids.length): string {
  if (total === 0) return '';
  const shown = ids.slice(0, 50);
  const more = total > shown.length ? `  ... and ${total - shown.length} more\n` : '';
  return `fastest merge: ${total} ${what}:\n${shown.map((id) => `  ${id}\n`).join('')}${more}`;
}
