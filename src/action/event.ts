// What the Action needs from the workflow run: repository, commit, pull request, default branch.
import { existsSync, readFileSync } from 'node:fs';

export interface EventInfo {
  /** owner/name, '' when unknown. */
  repository: string;
  repo: { owner: string; repo: string };
  serverUrl: string;
  /** The commit the tests ran on: a pull request's head, else GITHUB_SHA. */
  headSha: string;
  pullRequest?: number;
  /** A pull request whose head lives in another repository. */
  fromFork: boolean;
  defaultBranch: string;
  onDefaultBranch: boolean;
  workflow: string;
  runUrl: string;
}

interface Payload {
  pull_request?: { number?: number; head?: { sha?: string; repo?: { full_name?: string } | null } };
  repository?: { full_name?: string; default_branch?: string };
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
  return {
    repository,
    repo: { owner, repo },
    serverUrl,
    headSha: pr?.head?.sha || env.GITHUB_SHA || '',
    pullRequest: typeof pr?.number === 'number' ? pr.number : undefined,
    fromFork: pr !== undefined && headRepo !== undefined && headRepo !== repository,
    defaultBranch,
    onDefaultBranch: defaultBranch !== '' && env.GITHUB_REF === `refs/heads/${defaultBranch}`,
    workflow: env.GITHUB_WORKFLOW || 'fastest',
    runUrl: `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID || ''}`,
  };
}
