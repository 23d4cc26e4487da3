// `affected: true`: on a pull request the plan holds only the tests the PR's diff against its
// base can affect (impact/, as `fastest --changed BASE`); any other event runs every test. The
// plan carries what drove the selection (`affected`), so that merge can say "N of M tests
// selected" and name the changed files. A selection of no test is still a plan of one shard (a
// matrix cannot be empty), which runs nothing.
import { inlineCode } from '../report/markdown.js';
import type { Plan } from '../shard/plan.js';
import type { EventInfo } from './event.js';
import { prBase } from './pr-base.js';

/** Changed files kept in the plan, at most. */
export const CHANGED_FILES_KEPT = 50;

export interface AffectedInfo {
  selected: number;
  /** The tests the selection (args' -k, -m, paths) holds before the impact. */
  total: number;
  /** rootdir-relative changed files (the first CHANGED_FILES_KEPT), and how many there are. */
  changed: string[];
  changedCount: number;
  /** Why every test is selected, when a change cannot be narrowed down. */
  everything: string | null;
}

export type AffectedPlan = Plan & { affected?: AffectedInfo };

/** `{ ref }` to select with (`ref...HEAD`), or why every test runs. */
export function affectedBase(cwd: string, event: Pick<EventInfo, 'pullRequest' | 'baseSha' | 'headSha'>): { ref: string } | { why: string } {
  if (event.pullRequest === undefined) return { why: 'every test runs: affected selection is for pull requests, this run is not one' };
  const base = prBase(cwd, event);
  if ('reason' in base) return { why: `every test runs: cannot tell what the pull request changed: ${base.reason}` };
  return base;
}

export function affectedInfo(selected: number, total: number, changed: string[], everything: string | null): AffectedInfo {
  return { selected, total, changed: changed.slice(0, CHANGED_FILES_KEPT), changedCount: changed.length, everything };
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The plan's `affected`, when it is well formed (a plan can come from an artifact: untrusted). */
export function affectedOf(plan: Plan | undefined): AffectedInfo | undefined {
  const raw = (plan as AffectedPlan | undefined)?.affected as Record<string, unknown> | undefined;
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { selected, total, changed, changedCount, everything } = raw;
  if (!isCount(selected) || !isCount(total) || !isCount(changedCount)) return undefined;
  if (!Array.isArray(changed) || changed.length > CHANGED_FILES_KEPT || !changed.every((f) => typeof f === 'string')) return undefined;
  if (everything !== null && typeof everything !== 'string') return undefined;
  return { selected, total, changed: changed as string[], changedCount, everything };
}

/** One line for the summary and the comment: `3 of 14 tests selected by …`. */
export function affectedLine(info: AffectedInfo, shown = 20): string {
  const files = info.changed.slice(0, shown).map((f) => inlineCode(f, 200));
  const more = info.changedCount - files.length;
  const list = info.changedCount === 0 ? 'no changed files' : `${info.changedCount} changed file(s): ${files.join(', ')}${more > 0 ? `, … ${more} more` : ''}`;
  const all = info.everything !== null ? ` Every test: ${inlineCode(info.everything, 300)}.` : '';
  return `Affected tests: **${info.selected} of ${info.total} tests selected** by the pull request's ${list}.${all}`;
}
