// Where a pull request's changes start, in the job's checkout: a ref `R` such that `R...HEAD` is
// the pull request's diff. actions/checkout checks out the merge commit (refs/pull/N/merge) for
// pull_request events: its first parent is the base branch's tip, its second the PR's head, so
// `HEAD^1` is the base with `fetch-depth: 2` already. Otherwise the event's base sha is used when
// the checkout has it and a merge base with HEAD (`fetch-depth: 0`). A shallow checkout has
// neither: the caller falls back (every test, or no changed-lines figure) and says why.
import { execFileSync } from 'node:child_process';
import type { EventInfo } from './event.js';

export type PrBase = { ref: string } | { reason: string };

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

export function prBase(cwd: string, event: Pick<EventInfo, 'pullRequest' | 'baseSha' | 'headSha'>): PrBase {
  if (event.pullRequest === undefined) return { reason: 'not a pull request' };
  if (git(cwd, ['rev-parse', '--is-inside-work-tree']) !== 'true') return { reason: 'the project is not in a git checkout' };
  const secondParent = git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^2']);
  if (secondParent !== undefined && secondParent === event.headSha && git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^1']) !== undefined) {
    return { ref: 'HEAD^1' };
  }
  const base = event.baseSha;
  if (base === undefined) return { reason: "the event does not name the pull request's base commit" };
  const shallow = git(cwd, ['rev-parse', '--is-shallow-repository']) === 'true';
  if (git(cwd, ['cat-file', '-e', `${base}^{commit}`]) === undefined) {
    return { reason: `the base commit ${base.slice(0, 7)} is not in the ${shallow ? 'shallow ' : ''}checkout (use actions/checkout with fetch-depth: 0)` };
  }
  if (git(cwd, ['merge-base', base, 'HEAD']) === undefined) {
    return { reason: `the checkout has no common history with the base commit ${base.slice(0, 7)}${shallow ? ' (shallow: use fetch-depth: 0)' : ''}` };
  }
  return { ref: base };
}
