// The Action's merge role with retried tests and the default branch's history, run as GitHub runs
// it (dist/action.mjs; FASTEST_ACTION_NODE picks the Node, e.g. 24): a push to the default branch
// records the test history in the timings store it saves; a pull request's merge restores it,
// classifies its failures as new or still failing, and with `fail-on: new` passes when all its
// failures are known. Flaky tests get notices naming their attempts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type StepResult } from './helpers/action-runner.js';
import { FakeCacheServer } from './helpers/cache-server.js';
import { FakeGitHubApi } from './helpers/github-api.js';

const repo = join(__dirname, '..');
const action = join(repo, 'dist', 'action.mjs');
const prEvent = {
  pull_request: { number: 9, head: { sha: 'headsha2222222222222222222222222222222222', repo: { full_name: 'octo/demo' } } },
  repository: { full_name: 'octo/demo', default_branch: 'main' },
};
const pushToMain = { repository: { full_name: 'octo/demo', default_branch: 'main' } };
const pushEnv = { GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'push', GITHUB_RUN_ID: '8100', GITHUB_RUN_ATTEMPT: '1' };

let root: string;
let cacheServer: FakeCacheServer;
let api: FakeGitHubApi;
let jobs = 0;

beforeAll(async () => {
  expect(existsSync(action), 'dist/action.mjs is missing: run npm run build').toBe(true);
  root = mkdtempSync(join(tmpdir(), 'fastest-action-flaky-'));
  cacheServer = await new FakeCacheServer().start();
  api = await new FakeGitHubApi().start();
});

afterAll(async () => {
  await cacheServer.stop();
  await api.stop();
  rmSync(root, { recursive: true, force: true });
});

const FAIL = '<failure message="assert 1 == 2">def test():\n&gt;   assert 1 == 2\nE   assert 1 == 2</failure>';

function tc(test: string, inner = ''): string {
  const attrs = `classname="tests.test_a" name="${test}" file="tests/test_a.py" line="4" time="0.01"`;
  return inner === '' ? `<testcase ${attrs} />` : `<testcase ${attrs}>${inner}</testcase>`;
}

/** A merge job's checkout with the shards' JUnit files downloaded into fastest-results/. */
function mergeWorkspace(shards: string[]): string {
  const workspace = join(root, `job${++jobs}`, 'ws');
  mkdirSync(join(workspace, 'proj'), { recursive: true });
  mkdirSync(join(workspace, 'fastest-results'), { recursive: true });
  shards.forEach((cases, i) =>
    writeFileSync(
      join(workspace, 'fastest-results', `junit-shard-${i + 1}.xml`),
      `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" failures="0" skipped="0" tests="1" time="1.0">${cases}</testsuite></testsuites>`,
    ),
  );
  return workspace;
}

function merge(workspace: string, inputs: Record<string, string>, opts: { event: unknown; env?: Record<string, string> }): Promise<ActionRun> {
  return runAction({
    action,
    workspace,
    inputs: { command: 'merge', 'working-directory': 'proj', 'github-token': 'fake-gh-token', ...inputs },
    event: opts.event,
    env: { ...cacheServer.env(), GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'octo/demo', ...opts.env },
  });
}

function log(step: StepResult): string {
  return step.stdout + step.stderr;
}

describe('the merge role with retries and the default branch history', () => {
  let onMain: ActionRun;
  let mainSpace: string;

  beforeAll(async () => {
    mainSpace = mergeWorkspace([
      tc('test_still', FAIL) + tc('test_ok'),
      tc('test_flaky', '<flakyFailure message="timeout talking to db" />') + tc('test_fixed', FAIL),
    ]);
    onMain = await merge(mainSpace, {}, { event: pushToMain, env: pushEnv });
  }, 60_000);

  it('on the default branch: a notice names the flaky test and its attempts; the history is saved with the timings', () => {
    expect(onMain.main.code, log(onMain.main)).toBe(1);
    expect(onMain.post.code, log(onMain.post)).toBe(0);
    // Without a check run (the fake API has no pull request here, but a token): the check run takes the notice.
    const run = api.checkRuns.at(-1);
    expect(run?.annotations.map((a) => [a['annotation_level'], a['title'], a['message']])).toContainEqual([
      'notice',
      'FLAKY tests/test_a.py::test_flaky',
      'passed on attempt 2 of 2; attempt 1: failed (timeout talking to db)',
    ]);
    expect(onMain.main.summary).toContain('## fastest: 2 failed, 2 passed, 1 flaky');
    // No history before this run: nothing to compare with, the failures are listed as before.
    expect(onMain.main.summary).toContain('### Failures (2)');
    expect(onMain.main.summary).toContain('### Flaky tests (1)');
    expect(cacheServer.savedKeys()).toContain('fastest-v1-timings-8100-1');
    const store = JSON.parse(readFileSync(join(mainSpace, 'proj', '.fastest', 'timings.json'), 'utf8')) as { history: unknown };
    expect(store.history).toEqual({
      runs: 1,
      tests: {
        'tests/test_a.py::test_fixed': { o: 'f', at: 1 },
        'tests/test_a.py::test_flaky': { o: 'y', at: 1 },
        'tests/test_a.py::test_still': { o: 'f', at: 1 },
      },
    });
  });

  it('on a pull request with fail-on: new, known failures pass (and it says so); the comment leads with new failures', async () => {
    api.calls.length = 0;
    const known = await merge(mergeWorkspace([tc('test_still', FAIL) + tc('test_ok') + tc('test_fixed')]), { 'fail-on': 'new' }, { event: prEvent });
    expect(known.main.code, log(known.main)).toBe(0);
    expect(log(known.main)).toContain('restored the timings store from cache key fastest-v1-timings-8100-1');
    expect(log(known.main)).toContain('1 known failure(s) (failing on the default branch too) do not fail the merge (fail-on: new)');
    expect(known.main.summary).toContain('### Still failing (1): failing on the default branch too');
    expect(known.main.summary).not.toContain('New failures');
    expect(known.main.summary).toContain('### Fixed (1)');
    // Not the default branch: nothing saved.
    expect(known.main.state['fastest-timings-save']).toBeUndefined();

    const withNew = await merge(mergeWorkspace([tc('test_still', FAIL) + tc('test_ok', FAIL)]), { 'fail-on': 'new' }, { event: prEvent });
    expect(withNew.main.code, log(withNew.main)).toBe(1);
    expect(withNew.main.commands.find((c) => c.command === 'error' && c.data.includes('new failure'))?.data).toContain('1 new failure(s)');
    const summary = withNew.main.summary;
    expect(summary.indexOf('### New failures (1)')).toBeGreaterThan(0);
    expect(summary.indexOf('### New failures (1)')).toBeLessThan(summary.indexOf('### Still failing (1)'));
    // The sticky comment: created by the first merge, updated by this one.
    const comment = String(api.comments.at(-1)?.body ?? '');
    expect(comment).toContain('<!-- fastest-report:');
    expect(comment.indexOf('**New failures (1)**')).toBeGreaterThan(0);
    expect(comment.indexOf('**New failures (1)**')).toBeLessThan(comment.indexOf('**Still failing (1)**'));
    expect(comment.indexOf('test_ok')).toBeLessThan(comment.indexOf('test_still'));
  }, 60_000);

  it('rejects an unknown fail-on', async () => {
    const bad = await merge(mergeWorkspace([tc('test_ok')]), { 'fail-on': 'sometimes' }, { event: prEvent });
    expect(bad.main.code).toBe(1);
    expect(log(bad.main)).toContain("input 'fail-on' must be any or new, got 'sometimes'");
  }, 60_000);
});
