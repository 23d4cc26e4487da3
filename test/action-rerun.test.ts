// Re-running a workflow run (GITHUB_RUN_ATTEMPT > 1, same GITHUB_RUN_ID) with the Action: each run
// job repeats only what failed in its shard, through the cache (fake cache service), and merge
// reports the whole suite. Run as GitHub runs it: plan, run per shard, merge, each in its own
// checkout, with a runs log and attempt counters outside the workspaces.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJUnitFile } from '../src/merge/junit-read.js';
import { runAction, type ActionRun, type StepResult } from './helpers/action-runner.js';
import { FakeCacheServer } from './helpers/cache-server.js';

const action = join(__dirname, '..', 'dist', 'action.mjs');

let root: string;
let cacheServer: FakeCacheServer;
let jobs = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fastest-action-rerun-'));
  cacheServer = await new FakeCacheServer().start();
});

afterAll(async () => {
  await cacheServer.stop();
  rmSync(root, { recursive: true, force: true });
});

/**
 * A project of 14 tests in three modules: tests/test_a.py holds `test_flaky` (fails on its first
 * run only), tests/test_b.py `test_broken` (fails until `fixed` exists in the state directory).
 * Every test run appends its id to `<state>/runs.log`.
 */
function makeProject(state: string): string {
  const project = join(root, `project-${++jobs}`);
  mkdirSync(join(project, 'tests'), { recursive: true });
  mkdirSync(state, { recursive: true });
  writeFileSync(join(project, 'pyproject.toml'), '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n');
  const stateDir = JSON.stringify(state);
  writeFileSync(
    join(project, 'tests', 'conftest.py'),
    `import os\nimport pytest\n\nSTATE = ${stateDir}\n\n\n@pytest.fixture(autouse=True)\ndef _log_run(request):\n    with open(os.path.join(STATE, "runs.log"), "a") as f:\n        f.write(request.node.nodeid + "\\n")\n`,
  );
  const passing = (n: number): string => Array.from({ length: n }, (_, i) => `\n\ndef test_ok_${i}():\n    assert True\n`).join('');
  writeFileSync(
    join(project, 'tests', 'test_a.py'),
    `import os\n\nSTATE = ${stateDir}\n\n\ndef test_flaky():\n    path = os.path.join(STATE, "flaky-count")\n    n = int(open(path).read()) + 1 if os.path.exists(path) else 1\n    open(path, "w").write(str(n))\n    print("flaky attempt", n)\n    assert n > 1, f"flaky fails on its first run (run {n})"\n${passing(5)}`,
  );
  writeFileSync(
    join(project, 'tests', 'test_b.py'),
    `import os\n\nSTATE = ${stateDir}\n\n\ndef test_broken():\n    assert os.path.exists(os.path.join(STATE, "fixed")), "broken until fixed"\n${passing(5)}`,
  );
  writeFileSync(join(project, 'tests', 'test_c.py'), passing(2).trimStart());
  return project;
}

function checkout(project: string): string {
  const workspace = join(mkdtempSync(join(root, `job${++jobs}-`)), 'ws');
  cpSync(project, join(workspace, 'proj'), { recursive: true, filter: (src) => !/[/\\](\.fastest|__pycache__|\.pytest_cache)$/.test(src) });
  return workspace;
}

function job(workspace: string, inputs: Record<string, string>, runId: string, attempt: number): Promise<ActionRun> {
  return runAction({
    action,
    workspace,
    inputs: { 'working-directory': 'proj', 'github-token': '', comment: 'false', ...inputs },
    event: { repository: { full_name: 'octo/demo', default_branch: 'main' } },
    eventName: 'pull_request',
    env: { ...cacheServer.env(), GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: String(attempt), GITHUB_API_URL: 'http://127.0.0.1:9' },
  });
}

function log(step: StepResult): string {
  return step.stdout + step.stderr;
}

function runsLogged(state: string): string[] {
  const path = join(state, 'runs.log');
  return existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').filter(Boolean) : [];
}

/** The plan's shard holding `file`. */
function shardOf(planOutput: string, file: string): number {
  const handle = JSON.parse(planOutput) as { gzip: string };
  const plan = JSON.parse(gunzipSync(Buffer.from(handle.gzip, 'base64')).toString('utf8')) as { shards: { index: number; units: { file: string }[] }[] };
  const shard = plan.shards.find((s) => s.units.some((u) => u.file === file));
  if (!shard) throw new Error(`${file} is in no shard`);
  return shard.index;
}

interface Pipeline {
  project: string;
  state: string;
  runId: string;
  plan: string;
  /** The run job of each shard of the latest attempt that ran it (its workspace and result). */
  latest: Map<number, { ws: string; run: ActionRun }>;
}

async function runShards(p: Pipeline, shards: number[], attempt: number, extra: Record<string, string> = {}): Promise<Map<number, ActionRun>> {
  const out = new Map<number, ActionRun>();
  await Promise.all(
    shards.map(async (shard) => {
      const ws = checkout(p.project);
      const run = await job(ws, { command: 'run', shard: String(shard), plan: p.plan, ...extra }, p.runId, attempt);
      p.latest.set(shard, { ws, run });
      out.set(shard, run);
    }),
  );
  return out;
}

/** download-artifact (merge-multiple) of every shard's latest JUnit file, then the merge job. */
async function merge(p: Pipeline, attempt: number): Promise<{ run: ActionRun; ws: string }> {
  const ws = checkout(p.project);
  mkdirSync(join(ws, 'fastest-results'), { recursive: true });
  for (const { ws: from } of p.latest.values()) {
    for (const f of readdirSync(join(from, 'fastest-results'))) cpSync(join(from, 'fastest-results', f), join(ws, 'fastest-results', f));
  }
  return { run: await job(ws, { command: 'merge', plan: p.plan }, p.runId, attempt), ws };
}

async function pipeline(runId: string): Promise<Pipeline> {
  const state = join(root, `state-${runId}`);
  const project = makeProject(state);
  const plan = await job(checkout(project), { command: 'plan', shards: '2' }, runId, 1);
  expect(plan.main.code, log(plan.main)).toBe(0);
  return { project, state, runId, plan: plan.main.outputs.plan ?? '', latest: new Map() };
}

function mergedCases(ws: string): ReturnType<typeof readJUnitFile>['cases'] {
  return readJUnitFile(join(ws, 'fastest-report', 'junit.xml')).cases;
}

const FLAKY = 'tests/test_a.py::test_flaky';
const BROKEN = 'tests/test_b.py::test_broken';

describe('re-running a workflow run repeats only what failed', () => {
  let p: Pipeline;
  let attempt1: Map<number, ActionRun>;
  let merge1: ActionRun;
  let ranInAttempt1: string[];
  let attempt2: Map<number, ActionRun>;
  let ranInAttempt2: string[];
  let merge2: { run: ActionRun; ws: string };
  let attempt3: Map<number, ActionRun>;
  let merge3: { run: ActionRun; ws: string };
  let ranInAttempt3: string[];

  beforeAll(async () => {
    p = await pipeline('7001');
    attempt1 = await runShards(p, [1, 2], 1);
    ranInAttempt1 = runsLogged(p.state);
    merge1 = (await merge(p, 1)).run;
    // Between attempts someone fixes what test_broken needed (an outage, a service): it passes in attempt 2.
    writeFileSync(join(p.state, 'fixed'), '');
    // "Re-run failed jobs": both run jobs failed; the plan job's outputs are reused.
    attempt2 = await runShards(p, [1, 2], 2);
    ranInAttempt2 = runsLogged(p.state).slice(ranInAttempt1.length);
    merge2 = await merge(p, 2);
    // "Re-run all jobs" afterwards: every shard passed in attempt 2, so nothing runs.
    attempt3 = await runShards(p, [1, 2], 3);
    ranInAttempt3 = runsLogged(p.state).slice(ranInAttempt1.length + ranInAttempt2.length);
    merge3 = await merge(p, 3);
  }, 240_000);

  it('attempt 1: the two failing tests are in different shards, both shards fail, and each saves its results under a run-scoped key', () => {
    expect(shardOf(p.plan, 'tests/test_a.py')).not.toBe(shardOf(p.plan, 'tests/test_b.py'));
    expect(ranInAttempt1).toHaveLength(14);
    for (const run of attempt1.values()) {
      expect(
        run.main.commands.some((c) => c.command === 'error' && c.data.includes('1 failed')),
        log(run.main),
      ).toBe(true);
      expect(log(run.post)).toMatch(/saved the shard's results of this attempt under cache key fastest-v1-attempt-7001-shard[12]-1/);
    }
    expect(cacheServer.savedKeys()).toEqual(expect.arrayContaining(['fastest-v1-attempt-7001-shard1-1', 'fastest-v1-attempt-7001-shard2-1']));
    expect(
      merge1.main.commands.some((c) => c.command === 'error' && c.data.startsWith('fastest:')),
      log(merge1.main),
    ).toBe(true);
  });

  it('attempt 2 runs only the two tests that failed, one line per shard saying so', () => {
    expect(ranInAttempt2.sort()).toEqual([FLAKY, BROKEN].sort());
    for (const [shard, run] of attempt2) {
      expect(run.main.code, log(run.main)).toBe(0);
      expect(run.main.commands.filter((c) => c.command === 'error')).toEqual([]);
      expect(log(run.main)).toContain(
        `fastest: attempt 2: shard ${shard} runs again the 1 of its ${shard === shardOf(p.plan, 'tests/test_c.py') ? 8 : 6} test(s) that failed, errored or did not run in attempt 1`,
      );
      expect(run.main.outputs.failed).toBe('0');
      expect(Number(run.main.outputs.passed)).toBeGreaterThan(1);
    }
  });

  it("merge of attempt 2: the whole suite, passed, the flaky test with attempt 1's failure, the kept passes marked attempt 1", () => {
    const { run, ws } = merge2;
    expect(run.main.code, log(run.main)).toBe(0);
    expect(run.main.commands.filter((c) => c.command === 'error')).toEqual([]);
    expect(run.main.outputs).toMatchObject({ passed: '14', failed: '0' });
    const cases = mergedCases(ws);
    expect(cases.map((c) => c.id).sort()).toHaveLength(14);
    expect(new Set(cases.map((c) => c.id)).size).toBe(14);
    const flaky = cases.find((c) => c.id === FLAKY);
    expect(flaky?.outcome).toBe('passed');
    expect(flaky?.xmlInner).toMatch(/<flakyFailure message="AssertionError: flaky fails on its first run \(run 1\)[^"]*"[^>]*>[^<]*assert n &gt; 1/);
    expect(flaky?.xmlInner.match(/<flakyFailure/g)).toHaveLength(1);
    const broken = cases.find((c) => c.id === BROKEN);
    expect(broken?.outcome).toBe('passed');
    expect(broken?.xmlInner).toContain('<flakyFailure message="AssertionError: broken until fixed');
    const kept = cases.filter((c) => c.id !== FLAKY && c.id !== BROKEN);
    expect(kept).toHaveLength(12);
    for (const c of kept) expect(c.xmlInner).toContain('<property name="fastest.attempt" value="1" />');
    expect(flaky?.xmlInner).not.toContain('fastest.attempt');
  });

  it('"re-run all jobs" after a passing attempt runs nothing and re-emits the results, keeping each its attempt', () => {
    expect(ranInAttempt3).toEqual([]);
    for (const [shard, run] of attempt3) {
      expect(run.main.code, log(run.main)).toBe(0);
      expect(log(run.main)).toMatch(
        new RegExp(`fastest: attempt 3: shard ${shard} passed in attempt 2: nothing to run again; its \\d+ result\\(s\\) are kept`),
      );
    }
    expect(merge3.run.main.code, log(merge3.run.main)).toBe(0);
    expect(merge3.run.main.outputs).toMatchObject({ passed: '14', failed: '0' });
    const cases = mergedCases(merge3.ws);
    expect(cases).toHaveLength(14);
    expect(cases.find((c) => c.id === FLAKY)?.xmlInner).toContain('<property name="fastest.attempt" value="2" />');
    expect(cases.find((c) => c.id === FLAKY)?.xmlInner).toContain('<flakyFailure');
    expect(cases.find((c) => c.id === 'tests/test_c.py::test_ok_0')?.xmlInner).toContain('<property name="fastest.attempt" value="1" />');
  });
});

describe('a re-run whose failure is real', () => {
  let p: Pipeline;
  let ranInAttempt2: string[];
  let brokenShard: number;
  let merge2: { run: ActionRun; ws: string };
  let attempt2: Map<number, ActionRun>;

  beforeAll(async () => {
    p = await pipeline('7002');
    await runShards(p, [1, 2], 1);
    const before = runsLogged(p.state).length;
    attempt2 = await runShards(p, [1, 2], 2);
    ranInAttempt2 = runsLogged(p.state).slice(before);
    brokenShard = shardOf(p.plan, 'tests/test_b.py');
    merge2 = await merge(p, 2);
  }, 240_000);

  it('attempt 2 runs the two failed tests only; the broken one fails again, with both attempts in its JUnit', () => {
    expect(ranInAttempt2.sort()).toEqual([FLAKY, BROKEN].sort());
    expect(attempt2.get(brokenShard)?.main.commands.some((c) => c.command === 'error' && c.data.includes('1 failed'))).toBe(true);
    const cases = mergedCases(merge2.ws);
    expect(cases).toHaveLength(14);
    const broken = cases.find((c) => c.id === BROKEN);
    expect(broken?.outcome).toBe('failed');
    expect(broken?.xmlInner).toMatch(/^<failure message="AssertionError: broken until fixed[\s\S]*<rerunFailure message="AssertionError: broken until fixed/);
    expect(cases.find((c) => c.id === FLAKY)?.xmlInner).toContain('<flakyFailure');
  });

  it('merge fails on the one real failure and counts the rest, flaky included, as passed', () => {
    expect(merge2.run.main.outputs).toMatchObject({ passed: '13', failed: '1' });
    expect(
      merge2.run.main.commands.some((c) => c.command === 'error' && c.data === 'fastest: 1 test(s) failed'),
      log(merge2.run.main),
    ).toBe(true);
  });
});

describe('without the earlier results the whole shard runs, said in one line', () => {
  it('a cache miss, a corrupt entry and the input turned off each run the whole shard', async () => {
    const p = await pipeline('7003');
    await runShards(p, [1, 2], 1);
    const before = runsLogged(p.state).length;
    // Evicted: another prefix has no entries.
    const missed = await runShards(p, [1], 2, { 'cache-key-prefix': 'other' });
    const miss = log(missed.get(1)?.main as StepResult);
    expect(miss).toContain('fastest: attempt 2: running the whole of shard 1: no results of an earlier attempt of it could be restored from the cache');
    const shard1Size = runsLogged(p.state).length - before;
    expect(shard1Size).toBeGreaterThan(2);

    // Corrupt: the stored archive of shard 2's attempt-1 entry replaced by garbage.
    const entry = cacheServer.entries.find((e) => e.key === 'fastest-v1-attempt-7003-shard2-1');
    expect(entry).toBeDefined();
    entry!.blob = Buffer.from('not an archive');
    const mark = runsLogged(p.state).length;
    const corrupt = await runShards(p, [2], 2);
    expect(log(corrupt.get(2)?.main as StepResult)).toContain(
      'fastest: attempt 2: running the whole of shard 2: no results of an earlier attempt of it could be restored from the cache',
    );
    expect(runsLogged(p.state).length - mark).toBe(14 - shard1Size);

    const mark2 = runsLogged(p.state).length;
    const off = await runShards(p, [1], 3, { 'rerun-failed-only': 'false' });
    expect(log(off.get(1)?.main as StepResult)).not.toContain('attempt 3');
    expect(runsLogged(p.state).length - mark2).toBe(shard1Size);
  }, 240_000);
});
