// Fork pull requests get their report: the `workflow_run` pattern. The tests' workflow uploads the
// shards' JUnit files and the plan; a second workflow, triggered when it completes, downloads them
// (actions/download-artifact with run-id) and runs `command: merge` with `from-workflow-run: true`,
// which reports on the triggering run's pull request and head commit with its own token. No
// checkout: the pull request's code is never there to run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makePlan } from '../src/shard/plan.js';
import { emptyTimings } from '../src/shard/timings.js';
import type { TestItem } from '../src/types.js';
import { runAction, type ActionRun } from './helpers/action-runner.js';
import { FakeGitHubApi } from './helpers/github-api.js';

const action = join(__dirname, '..', 'dist', 'action.mjs');
const FORK_HEAD = 'f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0';
const MARKER = '<!-- fastest-report: tests -->';
let root: string;
let api: FakeGitHubApi;
let runs = 0;

const ids = ['tests/test_a.py::test_ok', 'tests/test_a.py::test_fails', 'tests/test_b.py::test_ok', 'tests/test_b.py::test_lost'];

function item(id: string, i: number): TestItem {
  const [file = '', fn = ''] = id.split('::');
  return { id, file, line: i + 1, classes: [], function: fn, marks: [], dynamic: false };
}

function testcase(id: string, failure?: string): string {
  const [file = '', name = ''] = id.split('::');
  const attrs = `classname="${file.replace(/\//g, '.').replace(/\.py$/, '')}" name="${name}" file="${file}" line="3" time="0.2"`;
  return failure
    ? `<testcase ${attrs}><failure message="${failure}">def test():\n&gt; assert False\n\n${file}:4: AssertionError</failure></testcase>`
    : `<testcase ${attrs} />`;
}

/**
 * The report workflow's workspace after actions/download-artifact (pattern fastest-*,
 * merge-multiple): the shards' JUnit files and the plan in one directory, no checkout.
 */
function downloadedArtifacts(): string {
  const workspace = join(mkdtempSync(join(root, `report${++runs}-`)), 'ws');
  mkdirSync(join(workspace, 'fastest-results'), { recursive: true });
  const plan = makePlan(ids.map(item), emptyTimings(), { shards: 2 });
  writeFileSync(join(workspace, 'fastest-results', 'plan.json'), JSON.stringify(plan));
  const suite = (body: string) => `<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" time="1">${body}</testsuite></testsuites>`;
  writeFileSync(join(workspace, 'fastest-results', 'junit-shard-1.xml'), suite(testcase(ids[0]!) + testcase(ids[1]!, 'assert False @someone #1')));
  // tests/test_b.py::test_lost never reported: the shard lost it.
  writeFileSync(join(workspace, 'fastest-results', 'junit-shard-2.xml'), suite(testcase(ids[2]!)));
  return workspace;
}

function workflowRunEvent(overrides: Record<string, unknown> = {}): unknown {
  return {
    action: 'completed',
    workflow_run: {
      id: 555,
      name: 'tests',
      event: 'pull_request',
      conclusion: 'failure',
      head_sha: FORK_HEAD,
      head_branch: 'feature',
      head_repository: { full_name: 'stranger/demo', owner: { login: 'stranger' } },
      // GitHub leaves this empty for a pull request from a fork.
      pull_requests: [],
      ...overrides,
    },
    repository: { full_name: 'octo/demo', default_branch: 'main' },
  };
}

function report(workspace: string, event: unknown, eventName = 'workflow_run', inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    action,
    workspace,
    inputs: { command: 'merge', 'from-workflow-run': 'true', plan: 'fastest-results/plan.json', 'github-token': 'fake-gh-token', ...inputs },
    event,
    eventName,
    env: { GITHUB_API_URL: api.url, GITHUB_WORKFLOW: 'report', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'a'.repeat(40), GITHUB_RUN_ID: '9001' },
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fastest-wfrun-'));
  api = await new FakeGitHubApi().start();
});

afterAll(async () => {
  await api.stop();
  rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  api.reset();
  api.pulls.length = 0;
  api.comments.length = 0;
  api.checkRuns.length = 0;
  // The fork's pull request, and another one from a same-named branch at another commit.
  api.pulls.push({
    number: 12,
    head: { sha: FORK_HEAD, ref: 'feature', label: 'stranger:feature', repo: { full_name: 'stranger/demo' } },
    base: { repo: { full_name: 'octo/demo' } },
  });
  api.pulls.push({
    number: 13,
    head: { sha: 'b'.repeat(40), ref: 'feature', label: 'other:feature', repo: { full_name: 'other/demo' } },
    base: { repo: { full_name: 'octo/demo' } },
  });
});

describe('from-workflow-run: the report of a fork pull request', () => {
  it('finds the fork pull request by its head branch and commit, comments on it and puts a check run on its head', async () => {
    const run = await report(downloadedArtifacts(), workflowRunEvent());
    expect(run.main.code, run.main.stdout + run.main.stderr).toBe(1);
    const lookup = api.calls.filter((c) => c.method === 'GET' && c.path === '/repos/octo/demo/pulls');
    expect(lookup).toHaveLength(1);
    expect(new URLSearchParams(lookup[0]?.query).get('head')).toBe('stranger:feature');
    // The comment: on #12 only, the tests workflow's sticky comment, with the failure and the lost test.
    expect(api.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comments')).map((c) => c.path)).toEqual(['/repos/octo/demo/issues/12/comments']);
    const body = api.comments[0]?.body ?? '';
    expect(body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(body).toContain('fastest: 1 failed, 2 passed, 1 missing');
    expect(body).toContain('`tests/test_b.py::test_lost`');
    expect(body).toContain('`assert False @someone #1`');
    expect(body).toContain(`https://github.com/octo/demo/blob/${FORK_HEAD}/tests/test_a.py#L4`);
    // The check run: on the fork's head commit, with the annotation.
    expect(api.checkRuns).toHaveLength(1);
    expect(api.checkRuns[0]).toMatchObject({ name: 'fastest', head_sha: FORK_HEAD, conclusion: 'failure' });
    expect(api.checkRuns[0]?.annotations).toContainEqual(
      expect.objectContaining({ path: 'tests/test_a.py', start_line: 4, title: 'FAILED tests/test_a.py::test_fails' }),
    );
    expect(run.main.summary).toContain('### Failures (1)');
    expect(run.main.commands.filter((c) => c.command === 'error').map((c) => c.data)).toEqual(['fastest: 1 test(s) failed, 1 planned test(s) have no result']);
  });

  it('a second report edits the same comment', async () => {
    await report(downloadedArtifacts(), workflowRunEvent());
    await report(downloadedArtifacts(), workflowRunEvent());
    expect(api.comments.filter((c) => c.body.includes(MARKER))).toHaveLength(1);
    expect(api.calls.filter((c) => c.method === 'PATCH' && /\/issues\/comments\/\d+$/.test(c.path))).toHaveLength(1);
  });

  it('takes a same-repository pull request from the event without asking the API', async () => {
    const run = await report(
      downloadedArtifacts(),
      workflowRunEvent({ head_repository: { full_name: 'octo/demo', owner: { login: 'octo' } }, pull_requests: [{ number: 4, head: { sha: FORK_HEAD } }] }),
    );
    expect(run.main.code).toBe(1);
    expect(api.calls.filter((c) => c.path.endsWith('/pulls'))).toEqual([]);
    expect(api.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comments')).map((c) => c.path)).toEqual(['/repos/octo/demo/issues/4/comments']);
  });

  it('when no open pull request has the tested commit (the branch moved on), reports on the commit only', async () => {
    api.pulls[0]!.head.sha = 'c'.repeat(40);
    const run = await report(downloadedArtifacts(), workflowRunEvent());
    expect(api.comments).toEqual([]);
    expect(api.checkRuns.map((r) => r.head_sha)).toEqual([FORK_HEAD]);
    expect(run.main.commands.filter((c) => c.command === 'notice').map((c) => c.data)).toEqual([
      `fastest: no open pull request has the tested commit ${FORK_HEAD.slice(0, 7)} (stranger/demo:feature); reporting on the commit only`,
    ]);
  });

  it('outside a workflow_run workflow, fails in one line', async () => {
    const run = await report(downloadedArtifacts(), { pull_request: { number: 12, head: { sha: FORK_HEAD } } }, 'pull_request');
    expect(run.main.code).toBe(1);
    expect(run.main.commands.filter((c) => c.command === 'error').map((c) => c.data)).toEqual([
      "fastest: input 'from-workflow-run' needs a workflow triggered by 'on: workflow_run' (this one was triggered by pull_request)",
    ]);
    expect(api.calls).toEqual([]);
  });
});
