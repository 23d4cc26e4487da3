// The earlier attempts of a retried test, as reporters read them (Maven Surefire's schema): a test
// that failed and then passed keeps a <testcase> without <failure> but with <flakyFailure> /
// <flakyError> children; a test that failed on every attempt has <failure> plus <rerunFailure> /
// <rerunError> children for the extra attempts. pytest-rerunfailures' own JUnit writes neither:
// its testcases carry the final outcome only, and read as tests without attempts.

export type AttemptKind = 'flakyFailure' | 'flakyError' | 'rerunFailure' | 'rerunError';

export interface JUnitAttempt {
  kind: AttemptKind;
  /** The attempt's message attribute, on one line and cut (ATTEMPT_MESSAGE_CHARS). */
  message: string;
}

/** Attempts kept per testcase with their message; all are counted. */
export const ATTEMPTS_KEPT = 10;
const ATTEMPT_MESSAGE_CHARS = 300;

const KINDS: ReadonlySet<string> = new Set<AttemptKind>(['flakyFailure', 'flakyError', 'rerunFailure', 'rerunError']);

/** What the reader has of a testcase's child element. */
interface ChildElement {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

/** A testcase's attempt elements, in document order: the first ATTEMPTS_KEPT, and how many there are. */
export function attemptsOf(children: readonly ChildElement[]): { attempts: JUnitAttempt[]; count: number } | undefined {
  let count = 0;
  const attempts: JUnitAttempt[] = [];
  for (const child of children) {
    if (!KINDS.has(child.tag)) continue;
    count++;
    if (attempts.length < ATTEMPTS_KEPT) attempts.push({ kind: child.tag as AttemptKind, message: attemptMessage(child) });
  }
  return count === 0 ? undefined : { attempts, count };
}

/** The message attribute, else the first non-blank line of the body: one line, cut. */
function attemptMessage(child: ChildElement): string {
  const raw = child.attrs['message'] ?? child.text.split('\n').find((line) => line.trim() !== '') ?? '';
  const line = raw.replace(/\s+/g, ' ').trim();
  return line.length > ATTEMPT_MESSAGE_CHARS ? `${line.slice(0, ATTEMPT_MESSAGE_CHARS - 1)}…` : line;
}

/** What the reports need of a retried testcase. */
export interface RetriedCase {
  outcome: string;
  attempts?: JUnitAttempt[];
  attemptCount?: number;
  teardownError?: unknown;
}

function isFailing(c: RetriedCase): boolean {
  return c.outcome === 'failed' || c.outcome === 'error' || c.teardownError !== undefined;
}

/** Passed (or skipped) in the end after at least one failed attempt. */
export function isFlaky(c: RetriedCase): boolean {
  return !isFailing(c) && (c.attempts ?? []).some((a) => a.kind === 'flakyFailure' || a.kind === 'flakyError');
}

/** Failed on every attempt, and was retried. */
export function isRerunFailed(c: RetriedCase): boolean {
  return isFailing(c) && (c.attempts ?? []).some((a) => a.kind === 'rerunFailure' || a.kind === 'rerunError');
}

/**
 * `passed on attempt 3 of 3; attempt 1: <message>; attempt 2: <message>` (flaky) or `failed on all
 * 3 attempts; attempt 2: ...` (rerun failed): the attempts named, one line.
 */
export function attemptsLine(c: RetriedCase): string {
  const count = c.attemptCount ?? c.attempts?.length ?? 0;
  const kept = c.attempts ?? [];
  // A flaky test's attempt elements are its failed attempts 1..n; a rerun failure's are the
  // attempts after the first (whose failure is the testcase's own <failure>).
  const first = isFlaky(c) ? 1 : 2;
  const head = isFlaky(c) ? `passed on attempt ${count + 1} of ${count + 1}` : `failed on all ${count + 1} attempts`;
  const named = kept.map(
    (a, i) => `attempt ${first + i}: ${a.kind === 'flakyError' || a.kind === 'rerunError' ? 'error' : 'failed'}${a.message ? ` (${a.message})` : ''}`,
  );
  const more = count > kept.length ? [`${count - kept.length} more`] : [];
  return [head, ...named, ...more].join('; ');
}
