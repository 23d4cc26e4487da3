// `from-workflow-run: true`: the merge job of a second workflow, triggered by `workflow_run` when
// the tests' workflow completes. A pull request from a fork gets a read-only token, so its own
// workflow cannot comment or create check runs; this one runs the base repository's workflow with
// write permissions. It never runs the pull request's code: it reads the shards' JUnit files and
// the plan that the tests' workflow uploaded (untrusted data, downloaded by actions/download-artifact
// with `run-id` and `github-token`), and reports on the pull request's head commit.
import { existsSync, readFileSync } from 'node:fs';
import * as core from '@actions/core';
import type { EventInfo } from './event.js';
import { octokitFor, type RepoRef } from './github.js';
import { InputError } from './inputs.js';

export interface WorkflowRunPayload {
  workflow_run?: {
    id?: number;
    name?: string;
    event?: string;
    head_sha?: string;
    head_branch?: string | null;
    head_repository?: { full_name?: string; owner?: { login?: string } } | null;
    pull_requests?: { number?: number; head?: { sha?: string }; base?: { repo?: { name?: string } } }[];
  };
}

/** What GitHub's REST API says of an open pull request (the fields used here). */
export interface PullSummary {
  number: number;
  head: { sha: string };
  base: { repo: { full_name: string } };
}

/** Open pull requests whose head is `owner:branch` (GET /repos/{owner}/{repo}/pulls?head=...). */
export type ListPulls = (ref: RepoRef, head: string) => Promise<PullSummary[]>;

function readPayload(env: NodeJS.ProcessEnv): WorkflowRunPayload {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as WorkflowRunPayload;
  } catch {
    return {};
  }
}

/**
 * The pull request the triggering run tested: for a branch of this repository GitHub lists it in
 * `workflow_run.pull_requests`; for a fork that list is empty, so it is looked up among the open
 * pull requests from the fork's branch. Either way it must have the run's head commit: a report on
 * another commit (the branch moved on) would be about code the pull request no longer has.
 */
export async function findPullRequest(
  run: NonNullable<WorkflowRunPayload['workflow_run']>,
  repository: string,
  ref: RepoRef,
  listPulls: ListPulls | undefined,
): Promise<number | undefined> {
  const sha = run.head_sha;
  for (const pr of run.pull_requests ?? []) {
    if (Number.isSafeInteger(pr.number) && (pr.number ?? 0) > 0 && pr.head?.sha === sha) return pr.number;
  }
  const owner = run.head_repository?.owner?.login;
  if (!listPulls || !owner || !run.head_branch) return undefined;
  const open = await listPulls(ref, `${owner}:${run.head_branch}`);
  return open.find((pr) => pr.head.sha === sha && pr.base.repo.full_name === repository && Number.isSafeInteger(pr.number) && pr.number > 0)?.number;
}

function apiListPulls(token: string): ListPulls {
  const octokit = octokitFor(token);
  return async (ref, head) => {
    const { data } = await octokit.rest.pulls.list({ ...ref, state: 'open', head, per_page: 100 });
    return data.map((pr) => ({ number: pr.number, head: { sha: pr.head.sha }, base: { repo: { full_name: pr.base.repo.full_name } } }));
  };
}

/**
 * The event a report on the triggering run is about: its head commit, its pull request, its
 * workflow's name (the sticky comment is that workflow's). Timings are never learned from it: the
 * artifacts were written by code this workflow did not check.
 */
export async function workflowRunEvent(
  base: EventInfo,
  env: NodeJS.ProcessEnv,
  token: string,
  listPulls: ListPulls | undefined = token ? apiListPulls(token) : undefined,
): Promise<EventInfo> {
  const run = readPayload(env).workflow_run;
  if (env.GITHUB_EVENT_NAME !== 'workflow_run' || run === undefined) {
    throw new InputError(
      `input 'from-workflow-run' needs a workflow triggered by 'on: workflow_run' (this one was triggered by ${env.GITHUB_EVENT_NAME || 'an unknown event'})`,
    );
  }
  if (typeof run.head_sha !== 'string' || !/^[0-9a-f]{40}$/.test(run.head_sha))
    throw new InputError('the workflow_run event has no head commit (workflow_run.head_sha)');
  const headRepository = run.head_repository?.full_name ?? '';
  let pullRequest: number | undefined;
  if (run.event === 'pull_request' || run.event === 'pull_request_target' || (run.pull_requests ?? []).length > 0) {
    try {
      pullRequest = await findPullRequest(run, base.repository, base.repo, listPulls);
    } catch (err) {
      core.warning(`fastest: cannot look up the pull request of ${headRepository}:${run.head_branch ?? ''}: ${(err as Error).message.split('\n')[0]}`);
    }
    if (pullRequest === undefined)
      core.notice(
        `fastest: no open pull request has the tested commit ${run.head_sha.slice(0, 7)} (${headRepository}:${run.head_branch ?? ''}); reporting on the commit only`,
      );
    else core.info(`fastest: reporting on pull request #${pullRequest} (commit ${run.head_sha.slice(0, 7)} of ${headRepository})`);
  }
  return {
    ...base,
    headSha: run.head_sha,
    pullRequest,
    // The token here is this repository's own, not a fork's read-only one.
    fromFork: false,
    onDefaultBranch: false,
    workflow: typeof run.name === 'string' && run.name !== '' ? run.name : base.workflow,
  };
}
