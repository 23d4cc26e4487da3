// What the Action needs from the workflow run: repository, commit, pull request, default branch,
// and whether the run is trusted to write caches.
import { existsSync, readFileSync } from 'node:fs';

export interface EventInfo {
  /** owner/name, '' when unknown. */
  repository: string;
  repo: { owner: string; repo: string };
  serverUrl: string;
  /** The commit the tests ran on: a pull request's head, else GITHUB_SHA. */
  headSha: string;
  pullRequest?: number;
  /** A pull request's base commit (`pull_request.base.sha`), for its diff. */
  baseSha?: string;
  /** A pull request whose head lives in another repository. */
  fromFork: boolean;
  defaultBranch: string;
  onDefaultBranch: boolean;
  workflow: string;
  runUrl: string;
  /** Whether this run may write the caches later runs trust (discovery, timings). */
  cacheWrites: CacheTrust;
}

export interface CacheTrust {
  allowed: boolean;
  /** Why, in a few words, for the log. */
  reason: string;
}

/** Events that run the repository's own code on a branch it chose: the only ones that teach caches. */
export const CACHE_WRITING_EVENTS: readonly string[] = ['push', 'schedule', 'workflow_dispatch'];

interface Payload {
  pull_request?: { number?: number; head?: { sha?: string; repo?: { full_name?: string } | null }; base?: { sha?: string } };
  workflow_run?: { head_repository?: { full_name?: string } | null };
  repository?: { full_name?: string; default_branch?: string };
}

/**
 * Caches are written only by push, schedule and workflow_dispatch runs on the default branch of
 * the repository itself: never by pull_request_target (the base's token, a fork's code), never
 * for code whose head lives in a fork, never from another branch (a pull request can read the
 * default branch's caches, so what a branch saves would reach only itself, but a poisoned entry
 * there still misleads its own later runs).
 */
export function cacheTrust(eventName: string, payload: Payload, repository: string, onDefaultBranch: boolean): CacheTrust {
  const headRepo = payload.pull_request?.head?.repo?.full_name ?? payload.workflow_run?.head_repository?.full_name;
  if (headRepo !== undefined && headRepo !== repository) return { allowed: false, reason: `the code comes from the fork ${headRepo}` };
  if (!CACHE_WRITING_EVENTS.includes(eventName))
    return { allowed: false, reason: `caches are written on ${CACHE_WRITING_EVENTS.join(', ')} events only, this is ${eventName || 'an unknown event'}` };
  // Scheduled runs always run on the default branch; their payload does not name it.
  if (!onDefaultBranch && eventName !== 'schedule') return { allowed: false, reason: 'caches are written from the default branch only' };
  return { allowed: true, reason: `${eventName} on the default branch` };
}

export function readEvent(env: NodeJS.ProcessEnv): EventInfo {
  let payload: Payload = {};
  if (env.GITHUB_EVENT_PATH && existsSync(env.GITHUB_EVENT_PATH)) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Payload;
    } catch {
      payload = {};
    }
  }
  const repository = env.GITHUB_REPOSITORY || payload.repository?.full_name || '';
  const [owner = '', repo = ''] = repository.split('/');
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
  const pr = payload.pull_request;
  const defaultBranch = payload.repository?.default_branch ?? '';
  const headRepo = pr?.head?.repo?.full_name;
  const onDefaultBranch = defaultBranch !== '' && env.GITHUB_REF === `refs/heads/${defaultBranch}`;
  return {
    repository,
    repo: { owner, repo },
    serverUrl,
    headSha: pr?.head?.sha || env.GITHUB_SHA || '',
    pullRequest: typeof pr?.number === 'number' ? pr.number : undefined,
    baseSha: typeof pr?.base?.sha === 'string' && /^[0-9a-f]{40,64}$/.test(pr.base.sha) ? pr.base.sha : undefined,
    fromFork: pr !== undefined && headRepo !== undefined && headRepo !== repository,
    defaultBranch,
    onDefaultBranch,
    workflow: env.GITHUB_WORKFLOW || 'fastest',
    runUrl: `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID || ''}`,
    cacheWrites: cacheTrust(env.GITHUB_EVENT_NAME ?? '', payload, repository, onDefaultBranch),
  };
}
