// The Action end to end, run as GitHub runs it (`node dist/action.mjs` with INPUT_* variables and
// file commands, then its post step), against loopback stand-ins for the cache service and the
// REST API. Each job gets its own copy of the project, as each job gets its own checkout.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type StepResult } from './helpers/action-runner.js';
import { FakeCacheServer } from './helpers/cache-server.js';
import { FakeGitHubApi } from './helpers/github-api.js';

const repo = join(__dirname, '..');
const action = join(repo, 'dist', 'action.mjs');
const PR_HEAD = 'headsha1111111111111111111111111111111111';

const prEvent = {
  pull_request: { number: 7, head: { sha: PR_HEAD, repo: { full_name: 'octo/demo' } } },
  repository: { full_name: 'octo/demo', default_branch: 'main' },
};
const forkEvent = {
  pull_request: { number: 8, head: { sha: PR_HEAD, repo: { full_name: 'stranger/demo' } } },
  repository: { full_name: 'octo/demo', default_branch: 'main' },
};
const pushToMain = { repository: { full_name: 'octo/demo', default_branch: 'main' } };
const pushEnv = { GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'push' };

/** The plan behind a `plan` output (a handle; small plans are inline, gzip'd). */
function planOf(output: string | undefined): { shards: { tests: number }[] } {
  const handle = JSON.parse(output ?? '') as { gzip: string };
  return JSON.parse(gunzipSync(Buffer.from(handle.gzip, 'base64')).toString('utf8')) as { shards: { tests: number }[] };
}

let root: string;
let cacheServer: FakeCacheServer;
let api: FakeGitHubApi;
let jobs = 0;

/** A fresh checkout: the project copied under <workspace>/proj, without any .fastest/ state. */
function checkout(project: string): string {
  const workspace = join(mkdtempSync(join(root, `job${++jobs}-`)), 'ws');
  cpSync(project, join(workspace, 'proj'), { recursive: true, filter: (src) => !/[/\\](\.fastest|\.benchmarks|__pycache__|\.pytest_cache)$/.test(src) });
  return workspace;
}

function job(
  workspace: string,
  inputs: Record<string, string>,
  opts: { event?: unknown; env?: Record<string, string | undefined>; cache?: boolean } = {},
): Promise<ActionRun> {
  return runAction({
    action,
    workspace,
    inputs: { 'working-directory': 'proj', 'github-token': 'fake-gh-token', ...inputs },
    event: opts.event ?? prEvent,
    env: { ...(opts.cache === false ? {} : cacheServer.env()), GITHUB_API_URL: api.url, ...opts.env },
  });
}

/** actions/upload-artifact then download-artifact with merge-multiple: every shard's files in one directory. */
function downloadArtifacts(from: string[], workspace: string): void {
  mkdirSync(join(workspace, 'fastest-results'), { recursive: true });
  for (const ws of from) {
    if (!existsSync(join(ws, 'fastest-results'))) throw new Error(`the run job in ${ws} wrote no JUnit file`);
    for (const f of readdirSync(join(ws, 'fastest-results'))) cpSync(join(ws, 'fastest-results', f), join(workspace, 'fastest-results', f));
  }
}

function log(step: StepResult): string {
  return step.stdout + step.stderr;
}

function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

beforeAll(async () => {
  expect(existsSync(action), 'dist/action.mjs is missing: run npm run build').toBe(true);
  root = mkdtempSync(join(tmpdir(), 'fastest-action-'));
  cacheServer = await new FakeCacheServer().start();
  api = await new FakeGitHubApi().start();
});

afterAll(async () => {
  await cacheServer.stop();
  await api.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the sharded pipeline over examples/demo (pull request)', () => {
  const demo = join(repo, 'examples', 'demo');
  let seed: ActionRun;
  let cold: ActionRun;
  let plan: ActionRun;
  let plan2: ActionRun;
  let runs: ActionRun[];
  let runSpaces: string[];
  let merge: ActionRun;
  let mergeSpace: string;

  beforeAll(async () => {
    // A push to the default branch teaches the discovery cache; pull requests only read it.
    cold = await job(checkout(demo), { command: 'plan', shards: '3', 'cache-key-prefix': 'cold' });
    seed = await job(checkout(demo), { command: 'plan', shards: '3' }, { event: pushToMain, env: pushEnv });
    plan = await job(checkout(demo), { command: 'plan', shards: '3' });
    const planJson = plan.main.outputs.plan ?? '';
    runSpaces = [1, 2, 3].map(() => checkout(demo));
    runs = await Promise.all(runSpaces.map((ws, i) => job(ws, { command: 'run', shard: String(i + 1), plan: planJson })));
    for (const r of runs) if (!existsSync(r.main.outputs['junit-path'] ?? '')) throw new Error(`a run job failed:\n${log(r.main)}`);
    mergeSpace = checkout(demo);
    downloadArtifacts(runSpaces, mergeSpace);
    api.reset();
    merge = await job(mergeSpace, { command: 'merge', plan: planJson });
    plan2 = await job(checkout(demo), { command: 'plan', shards: '3' });
  });

  it('plan sets the matrix (shard numbers), a small handle to the plan and the shard count', () => {
    expect(plan.main.code, log(plan.main)).toBe(0);
    expect(JSON.parse(plan.main.outputs.matrix ?? '')).toEqual({ shard: [1, 2, 3] });
    expect(plan.main.outputs['shard-count']).toBe('3');
    expect(plan.main.outputs.plan).not.toContain('\n');
    expect(JSON.parse(plan.main.outputs.plan ?? '')).toMatchObject({ fastestPlan: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(planOf(plan.main.outputs.plan).shards.reduce((n, s) => n + s.tests, 0)).toBe(14);
  });

  it('on a push to the default branch the plan job parses every file and saves the discovery cache in its post step', () => {
    expect(log(seed.main)).toContain('discovery parsed 3 file(s), 0 from the discovery cache');
    expect(seed.post.code, log(seed.post)).toBe(0);
    expect(cacheServer.savedKeys().some((k) => /^fastest-v1-discovery-linux-[0-9a-f]{32}$/.test(k))).toBe(true);
    expect(cacheServer.calls.some((c) => c.name === 'blob-put')).toBe(true);
  });

  it('a pull request plan never saves the discovery cache, even on a miss', () => {
    expect(cold.main.code, log(cold.main)).toBe(0);
    expect(log(cold.main)).toContain(
      'not saving the discovery cache: caches are written on push, schedule, workflow_dispatch events only, this is pull_request',
    );
    expect(cold.main.state['fastest-discovery-save']).toBeUndefined();
    expect(cacheServer.savedKeys().filter((k) => k.startsWith('cold-'))).toEqual([]);
  });

  it('a pull request plan restores the discovery cache and parses no file again', () => {
    for (const p of [plan, plan2]) {
      expect(p.main.code, log(p.main)).toBe(0);
      expect(log(p.main)).toMatch(/restored the discovery cache from cache key fastest-v1-discovery-linux-/);
      expect(log(p.main)).toContain('discovery parsed 0 file(s), 3 from the discovery cache');
      expect(p.main.state['fastest-discovery-save']).toBeUndefined();
    }
    expect(plan2.main.outputs.plan).toBe(plan.main.outputs.plan);
  });

  it('each run job restores the discovery cache, runs only its shard and writes JUnit with file and line', () => {
    const totals = { passed: 0, failed: 0, skipped: 0 };
    runs.forEach((run, i) => {
      expect(run.main.code, log(run.main)).toBe(0);
      expect(log(run.main)).toContain('restored the discovery cache');
      expect(log(run.main)).toContain(`running shard ${i + 1} of 3`);
      for (const k of ['passed', 'failed', 'skipped'] as const) totals[k] += Number(run.main.outputs[k]);
      const junit = readFileSync(run.main.outputs['junit-path'] ?? '', 'utf8');
      const cases = junit.match(/<testcase [^>]*>/g) ?? [];
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) expect(c).toMatch(/ file="tests\/test_\w+\.py" line="\d+"/);
    });
    expect(totals).toEqual({ passed: 12, failed: 0, skipped: 2 });
  });

  it('merge writes the merged JUnit and the job summary, and comments on the pull request once', () => {
    expect(merge.main.code, log(merge.main)).toBe(0);
    expect(merge.main.outputs).toMatchObject({ passed: '12', failed: '0', skipped: '2' });
    expect(readFileSync(merge.main.outputs['junit-path'] ?? '', 'utf8').match(/<testcase /g)?.length).toBe(14);
    expect(merge.main.summary).toContain('## fastest: 12 passed, 1 skipped, 1 xfailed');
    expect(merge.main.summary).toContain('### Slowest tests');
    expect(merge.main.summary).toContain('### Shard balance');
    expect(`${readFileSync(merge.main.outputs['summary-path'] ?? '', 'utf8')}\n`).toBe(merge.main.summary);
    expect(merge.main.commands.filter((c) => c.command === 'error')).toEqual([]);
    const posts = api.calls.filter((c) => c.method === 'POST' && c.path === '/repos/octo/demo/issues/7/comments');
    expect(posts.length).toBe(1);
    expect(String(posts[0]?.body?.body)).toContain('<!-- fastest-report: tests -->');
    expect(String(posts[0]?.body?.body)).toContain('fastest: 12 passed, 1 skipped, 1 xfailed');
    // A pull request's timings are not saved: only the default branch teaches the store.
    expect(log(merge.main)).toContain(
      'timings are not learned from this run: caches are written on push, schedule, workflow_dispatch events only, this is pull_request',
    );
    expect(merge.main.state['fastest-timings-save']).toBeUndefined();
  });

  it('merge on the default branch saves the timings store under a key unique to the run, and the next plan uses it', async () => {
    const onMain = await job(
      mergeSpace,
      { command: 'merge', plan: plan.main.outputs.plan ?? '' },
      {
        event: pushToMain,
        env: { ...pushEnv, GITHUB_RUN_ID: '5000', GITHUB_RUN_ATTEMPT: '2' },
      },
    );
    expect(onMain.main.code, log(onMain.main)).toBe(0);
    expect(onMain.post.code, log(onMain.post)).toBe(0);
    expect(cacheServer.savedKeys()).toContain('fastest-v1-timings-5000-2');
    const next = await job(checkout(demo), { command: 'plan', shards: 'auto' });
    expect(log(next.main)).toContain('restored the timings store from cache key fastest-v1-timings-5000-2');
    expect(log(next.main)).toContain('from 1 learned run(s)');
  });

  it('on a pull request from a fork, a read-only token is said once and the merge still succeeds', async () => {
    api.readOnly = true;
    try {
      const fork = await job(mergeSpace, { command: 'merge', plan: plan.main.outputs.plan ?? '' }, { event: forkEvent });
      expect(fork.main.code, log(fork.main)).toBe(0);
      const notices = fork.main.commands.filter((c) => c.command === 'notice');
      expect(notices.length).toBe(1);
      expect(notices[0]?.data).toMatch(/may not write here \(a pull request from a fork gets a read-only token\): no pull request comment/);
      expect(fork.main.commands.filter((c) => c.command === 'error' || c.command === 'warning')).toEqual([]);
    } finally {
      api.readOnly = false;
    }
  });
});

describe('failures: annotations, check run, sticky comment', () => {
  const project = join(repo, 'test', 'fixtures', 'action-failing');
  let planJson = '';
  let runSpaces: string[];
  let runs: ActionRun[];
  let mergeSpace: string;

  beforeAll(async () => {
    const plan = await job(checkout(project), { command: 'plan', shards: '2' }, { cache: false });
    planJson = plan.main.outputs.plan ?? '';
    runSpaces = [1, 2].map(() => checkout(project));
    runs = await Promise.all(
      runSpaces.map((ws, i) => job(ws, { command: 'run', shard: String(i + 1), plan: planJson, args: i === 1 ? '-s' : '' }, { cache: false })),
    );
    for (const r of runs) if (!existsSync(r.main.outputs['junit-path'] ?? '')) throw new Error(`a run job failed:\n${log(r.main)}`);
    mergeSpace = checkout(project);
    downloadArtifacts(runSpaces, mergeSpace);
  });

  it('run jobs fail when their tests fail, and count them', () => {
    const failed = runs.reduce((n, r) => n + Number(r.main.outputs.failed), 0);
    const passed = runs.reduce((n, r) => n + Number(r.main.outputs.passed), 0);
    expect([failed, passed]).toEqual([112, 3]);
    for (const r of runs) if (Number(r.main.outputs.failed) > 0) expect(r.main.code).toBe(1);
  });

  it('nothing a test prints issues a workflow command (::set-output, ::add-mask, ::error)', () => {
    const all = runs.flatMap((r) => [...r.main.commands, ...r.post.commands]);
    expect(runs.map((r) => r.main.stdout).join('')).toContain('::set-output name=x::y');
    expect(all.filter((c) => c.command === 'set-output' || c.command === 'add-mask' || c.command === 'warning')).toEqual([]);
    expect(all.filter((c) => c.command === 'error' && /pwned/.test(c.data))).toEqual([]);
    for (const r of runs) {
      expect(r.main.outputs.x).toBeUndefined();
      expect(r.main.outputs['passed-x']).toBeUndefined();
    }
    // The only error is the Action's own verdict on a failing shard.
    expect(all.filter((c) => c.command === 'error').every((c) => c.data.startsWith('fastest: shard'))).toBe(true);
  });

  it('with a token that may write checks, one check run carries every annotation, 50 per request', async () => {
    api.reset();
    const merge = await job(mergeSpace, { command: 'merge', plan: planJson, 'max-annotations': '500' }, { cache: false });
    expect(merge.main.code).toBe(1);
    const checkCalls = api.calls.filter((c) => c.path.startsWith('/repos/octo/demo/check-runs'));
    expect(checkCalls.map((c) => [c.method, ((c.body?.output as { annotations: unknown[] }).annotations ?? []).length])).toEqual([
      ['POST', 50],
      ['PATCH', 50],
      ['PATCH', 12],
    ]);
    const run = api.checkRuns.at(-1)!;
    expect(run.head_sha).toBe(PR_HEAD);
    expect(run.conclusion).toBe('failure');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        path: 'proj/tests/test_other.py',
        start_line: 7,
        annotation_level: 'failure',
        title: 'FAILED tests/test_other.py::test_broken',
      }),
    );
    // No workflow-command annotations when the check run has them.
    expect(merge.main.commands.filter((c) => c.command === 'error' && c.properties.file)).toEqual([]);
    expect(merge.main.commands.filter((c) => c.command === 'error').map((c) => c.data)).toEqual(['fastest: 112 test(s) failed']);
    // The summary lists failures first, with links to the lines.
    const summary = merge.main.summary;
    expect(summary.indexOf('### Failures (112)')).toBeLessThan(summary.indexOf('### Slowest tests'));
    expect(summary).toContain('[`tests/test_other.py:5`](https://github.com/octo/demo/blob/' + PR_HEAD + '/proj/tests/test_other.py#L5)');
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024);
  });

  it('the pull request comment is created once, then edited in place', async () => {
    const marker = '<!-- fastest-report: tests -->';
    const before = api.comments.filter((c) => c.body.includes(marker)).length;
    api.reset();
    await job(mergeSpace, { command: 'merge', plan: planJson }, { cache: false });
    const again = await job(mergeSpace, { command: 'merge', plan: planJson }, { cache: false });
    expect(again.main.code).toBe(1);
    const ours = api.comments.filter((c) => c.body.includes(marker));
    expect(ours.length).toBe(1);
    expect(before === 0 ? 1 : 0).toBe(api.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/issues/7/comments')).length);
    expect(api.calls.filter((c) => c.method === 'PATCH' && /\/issues\/comments\/\d+$/.test(c.path)).length).toBeGreaterThanOrEqual(1);
    expect(ours[0]!.body).toContain('fastest: 112 failed, 3 passed');
    expect(ours[0]!.body).toContain('[`tests/test_other.py:5`](https://github.com/octo/demo/blob/' + PR_HEAD + '/proj/tests/test_other.py#L5)');
    expect(ours[0]!.body.length).toBeLessThan(65_536);
  });

  it('with a read-only token: at most 10 annotations as commands, the summary counts the rest, one notice', async () => {
    api.readOnly = true;
    try {
      const merge = await job(mergeSpace, { command: 'merge', plan: planJson, 'max-annotations': '500' }, { event: forkEvent, cache: false });
      expect(merge.main.code).toBe(1);
      const annotations = merge.main.commands.filter((c) => c.command === 'error' && c.properties.file);
      expect(annotations.length).toBe(10);
      // Spread over the failing files, not ten cases of one module.
      expect(new Set(annotations.map((a) => a.properties.file))).toEqual(
        new Set(['proj/tests/test_many.py', 'proj/tests/test_other.py', 'proj/tests/test_evil.py']),
      );
      const broken = annotations.find((a) => a.properties.title === 'FAILED tests/test_other.py::test_broken');
      expect(broken?.properties).toMatchObject({ file: 'proj/tests/test_other.py', line: '7' });
      expect(merge.main.summary).toContain('10 of 112 failures are annotated');
      expect(merge.main.summary).toContain('102 more are listed below');
      expect(merge.main.commands.filter((c) => c.command === 'notice').length).toBe(1);
      expect(countOf(log(merge.main), 'may not write here')).toBe(1);
    } finally {
      api.readOnly = false;
    }
  });

  it('a missing shard fails the merge and names the missing tests', async () => {
    const partial = checkout(project);
    downloadArtifacts(runSpaces.slice(0, 1), partial);
    const merge = await job(partial, { command: 'merge', plan: planJson, comment: 'false' }, { cache: false });
    expect(merge.main.code).toBe(1);
    const verdict = merge.main.commands
      .filter((c) => c.command === 'error')
      .map((c) => c.data)
      .at(-1);
    expect(verdict).toMatch(/planned test\(s\) have no result/);
    expect(merge.main.summary).toMatch(/planned test\(s\) have no result/);
  });
});

describe('without a cache service (a local run)', () => {
  it('says so once and goes on', async () => {
    const ws = checkout(join(repo, 'examples', 'demo'));
    const plan = await job(ws, { command: 'plan', shards: '2' }, { cache: false });
    expect(plan.main.code, log(plan.main)).toBe(0);
    expect(countOf(log(plan.main), 'no GitHub Actions cache service here')).toBe(1);
    expect(plan.main.outputs['shard-count']).toBe('2');
    expect(plan.post.code).toBe(0);
  });

  it('bad inputs fail the step with one line, no stack trace', async () => {
    const ws = checkout(join(repo, 'examples', 'demo'));
    const bad = await job(ws, { command: 'run', plan: '{}' }, { cache: false });
    expect(bad.main.code).toBe(1);
    expect(bad.main.commands.filter((c) => c.command === 'error').map((c) => c.data)).toEqual([
      "fastest: command 'run' needs input 'shard' (use ${{ matrix.shard }})",
    ]);
    const shards = await job(ws, { command: 'plan', shards: 'many' }, { cache: false });
    expect(shards.main.commands.filter((c) => c.command === 'error').map((c) => c.data)).toEqual([
      "fastest: input 'shards' must be a number from 1 to 256 or 'auto', got 'many'",
    ]);
    expect(log(shards.main)).not.toMatch(/\n\s+at /);
  });
});

describe('run jobs carry the rest of .fastest (issue 17 item 2)', () => {
  const demo = join(repo, 'examples', 'demo');
  const flagsOf = (pyc: string) => readFileSync(pyc).readUInt32LE(4);
  /** The bytecode of the project's own package (src/demo) under a job's pycache prefix. */
  const projectPyc = (ws: string) => {
    const dir = join(ws, 'proj', '.fastest', 'pycache', ...join(ws, 'proj', 'src', 'demo').split('/').filter(Boolean));
    const tag = readdirSync(dir).find((n) => /^__init__\.\w+-\d+\.pyc$/.test(n));
    return join(dir, tag ?? 'missing');
  };
  /** A fresh checkout of the demo at the one workspace path every job here uses, as a runner's
   * workspace path is the same in every job of a repository. */
  const checkoutStable = (): string => {
    const stableSpace = join(root, 'stable-job', 'ws');
    rmSync(stableSpace, { recursive: true, force: true });
    cpSync(demo, join(stableSpace, 'proj'), { recursive: true, filter: (src) => !/[/\\](\.fastest|\.benchmarks|__pycache__|\.pytest_cache)$/.test(src) });
    return stableSpace;
  };

  it('a default-branch run job saves its state, bytecode pinned to its sources; a pull request run job restores it and saves nothing', async () => {
    const env = { PYTHONDONTWRITEBYTECODE: '1' };
    const planOnMain = await job(
      checkout(demo),
      { command: 'plan', shards: '1', 'cache-key-prefix': 'state' },
      { event: pushToMain, env: { ...pushEnv, ...env } },
    );
    const planJson = planOnMain.main.outputs.plan ?? '';
    const mainSpace = checkoutStable();
    const onMain = await job(
      mainSpace,
      { command: 'run', shard: '1', plan: planJson, 'cache-key-prefix': 'state' },
      { event: pushToMain, env: { ...pushEnv, ...env, GITHUB_RUN_ID: '6000', GITHUB_RUN_ATTEMPT: '1' } },
    );
    expect(onMain.main.code, log(onMain.main)).toBe(0);
    expect(log(onMain.main)).toMatch(/bytecode for the next run jobs: [1-9]\d* pinned/);
    expect(onMain.post.code, log(onMain.post)).toBe(0);
    const key = `state-state-${process.platform}-${process.arch}-shard1-6000-1`;
    expect(cacheServer.savedKeys()).toContain(key);
    expect(flagsOf(projectPyc(mainSpace))).toBe(0b11); // checked-hash: valid in any checkout
    // what a run remembers of its discovery is carried (checked by content in another checkout);
    // what has entries of its own (the discovery cache, the timings) is not
    expect(readdirSync(join(mainSpace, 'proj', '.fastest', 'memo')).length).toBeGreaterThan(0);
    const archive = join(mainSpace, 'state-archive');
    writeFileSync(archive, cacheServer.archiveOf(key) ?? Buffer.alloc(0));
    const listed = execFileSync('tar', ['-tf', archive], { encoding: 'utf8' }).split('\n');
    expect(listed.some((name) => name.includes('.fastest/pycache/'))).toBe(true);
    expect(listed.some((name) => name.includes('.fastest/memo/'))).toBe(true);
    expect(listed.filter((name) => /\.fastest\/(discovery\.json|timings\.json)/.test(name))).toEqual([]);

    const prSpace = checkoutStable();
    const pr = await job(prSpace, { command: 'run', shard: '1', plan: planJson, 'cache-key-prefix': 'state' }, { env: { ...env, FASTEST_DEBUG_MEMO: '1' } });
    expect(pr.main.code, log(pr.main)).toBe(0);
    expect(log(pr.main)).toContain(`restored the run state from cache key ${key}`);
    // the same files under new stamps: the default branch's discovery, recalled
    expect(log(pr.main)).toContain('fastest: remembered value used');
    expect(log(pr.main)).toContain('not saving the run state: caches are written on push');
    expect(pr.main.state['fastest-run-state-save']).toBeUndefined();
    // The restored bytecode was used as it is: a compile would have written a timestamp header.
    expect(flagsOf(projectPyc(prSpace))).toBe(0b11);
    // Without the state (another prefix), the job compiles: timestamp-checked bytecode.
    const coldSpace = checkoutStable();
    const cold = await job(coldSpace, { command: 'run', shard: '1', plan: planJson, 'cache-key-prefix': 'nostate' }, { env });
    expect(cold.main.code, log(cold.main)).toBe(0);
    expect(flagsOf(projectPyc(coldSpace))).toBe(0);
  }, 180_000);
});
