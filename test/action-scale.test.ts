// The Action at scale, run as the runner runs it: every input (action.yml's defaults included) as
// an INPUT_* variable, fresh GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE / GITHUB_STEP_SUMMARY files
// per step, a pull_request event, an unreachable REST API; once without a cache service, once
// with a loopback one. plan -> one run job per shard -> merge on a generated suite: every job
// starts (each environment string under Linux's 128 KiB, each output under 64 KiB), and every test
// runs exactly once.
// The default suite has 6,000 tests (its plan is ~250 KB, far over what one variable may hold);
// FASTEST_ACTION_SCALE_TESTS=100000 runs the full-size case (bench/RESULTS.md has its figures).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type StepResult } from './helpers/action-runner.js';
import { FakeCacheServer } from './helpers/cache-server.js';
// @ts-expect-error -- a plain ES module of the benchmarks, without types
import { generateSuite } from '../bench/gen.mjs';

const TESTS = Number(process.env.FASTEST_ACTION_SCALE_TESTS || 6000);
const SHARDS = TESTS >= 50_000 ? 8 : 3;
const ENV_STRING_LIMIT = 128 * 1024;
const VALUE_LIMIT = 64 * 1024;
const repo = join(__dirname, '..');
const action = join(repo, 'dist', 'action.mjs');
const prEvent = {
  pull_request: { number: 7, head: { sha: 'headsha1111111111111111111111111111111111', repo: { full_name: 'octo/demo' } } },
  repository: { full_name: 'octo/demo', default_branch: 'main' },
};

let root: string;
let suite: string;
let jobs = 0;
const figures: string[] = [];

function checkout(): string {
  const workspace = join(mkdtempSync(join(root, `job${++jobs}-`)), 'ws');
  cpSync(suite, join(workspace, 'proj'), { recursive: true });
  return workspace;
}

function log(step: StepResult): string {
  return `${step.stdout}${step.stderr}`.slice(-4000);
}

/** Every step of the job started, its environment and outputs within the limits. */
function expectStartedWithinLimits(run: ActionRun, what: string): void {
  for (const step of [run.main, run.post]) {
    expect(step.code, `${what}: ${log(step)}`).not.toBe(-1);
    expect(step.envLargest.bytes, `${what}: ${step.envLargest.name}`).toBeLessThan(ENV_STRING_LIMIT);
    for (const [name, value] of Object.entries(step.outputs)) expect(Buffer.byteLength(value), `${what}: output ${name}`).toBeLessThan(VALUE_LIMIT);
  }
}

function junitIds(file: string): string[] {
  const xml = readFileSync(file, 'utf8');
  return [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => `${m[1]}::${m[2]}`);
}

beforeAll(() => {
  expect(existsSync(action), 'dist/action.mjs is missing: run npm run build').toBe(true);
  root = mkdtempSync(join(tmpdir(), 'fastest-scale-'));
  suite = join(root, 'suite');
  generateSuite(suite, { tests: TESTS });
});

afterAll(() => {
  if (process.env.FASTEST_ACTION_SCALE_TESTS) console.log(figures.join('\n'));
  rmSync(root, { recursive: true, force: true });
});

describe.each([
  ['without a cache service', false],
  ['with a loopback cache service', true],
])(`plan -> ${SHARDS} shards -> merge over ${TESTS} tests, %s`, (_label, withCache) => {
  let server: FakeCacheServer | undefined;
  let plan: ActionRun;
  let runs: ActionRun[] = [];
  let merge: ActionRun;
  let withoutArtifact: ActionRun | undefined;
  let transport = '';
  let planSpace = '';
  const timings: Record<string, number> = {};

  function job(workspace: string, inputs: Record<string, string>): Promise<ActionRun> {
    return runAction({
      action,
      workspace,
      inputs: { 'working-directory': 'proj', ...inputs },
      event: prEvent,
      // Nothing listens on port 9: the REST API is unreachable.
      env: { ...(server ? server.env() : {}), GITHUB_API_URL: 'http://127.0.0.1:9', GITHUB_RUN_ID: withCache ? '9001' : '9000' },
    });
  }

  beforeAll(
    async () => {
      if (withCache) server = await new FakeCacheServer().start();
      let started = Date.now();
      planSpace = checkout();
      plan = await job(planSpace, { command: 'plan', shards: String(SHARDS) });
      timings.plan = Date.now() - started;
      if (plan.main.code !== 0) return;
      const handle = JSON.parse(plan.main.outputs.plan ?? '{}') as { gzip?: string; cacheKey?: string; file?: string };
      transport = handle.gzip ? 'inline' : handle.cacheKey ? 'cache' : 'file';
      const shards = (JSON.parse(plan.main.outputs.matrix ?? '{}') as { shard: number[] }).shard;

      const runSpaces = shards.map(() => checkout());
      if (transport === 'file') {
        withoutArtifact = await job(checkout(), { command: 'run', shard: '1', plan: plan.main.outputs.plan ?? '' });
        // What the one-line advice says: upload-artifact in the plan job, download-artifact here.
        for (const ws of runSpaces) cpSync(join(planSpace, 'fastest-plan'), join(ws, 'fastest-plan'), { recursive: true });
      }
      started = Date.now();
      runs = [];
      for (const [i, ws] of runSpaces.entries()) runs.push(await job(ws, { command: 'run', shard: String(shards[i]), plan: plan.main.outputs.plan ?? '' }));
      timings.runs = Date.now() - started;

      const mergeSpace = checkout();
      mkdirSync(join(mergeSpace, 'fastest-results'));
      for (const ws of runSpaces) {
        const dir = join(ws, 'fastest-results');
        if (existsSync(dir)) for (const f of readdirSync(dir)) cpSync(join(dir, f), join(mergeSpace, 'fastest-results', f));
      }
      if (transport === 'file') cpSync(join(planSpace, 'fastest-plan'), join(mergeSpace, 'fastest-plan'), { recursive: true });
      started = Date.now();
      merge = await job(mergeSpace, { command: 'merge', plan: plan.main.outputs.plan ?? '' });
      timings.merge = Date.now() - started;
      const sizes = [plan, ...runs, merge].flatMap((r) => [r.main, r.post]);
      const largestEnv = sizes.reduce((a, s) => (s.envLargest.bytes > a.envLargest.bytes ? s : a));
      const largestOutput = Math.max(...sizes.flatMap((s) => Object.values(s.outputs).map((v) => Buffer.byteLength(v))));
      figures.push(
        `${TESTS} tests, ${_label}: plan ${(statSync(join(planSpace, 'fastest-plan', 'plan.json')).size / 1024).toFixed(0)} KiB travelling ${transport}; ` +
          `handle ${Buffer.byteLength(plan.main.outputs.plan ?? '')} B; matrix ${Buffer.byteLength(plan.main.outputs.matrix ?? '')} B; ` +
          `largest env string ${largestEnv.envLargest.bytes} B (${largestEnv.envLargest.name}); largest environment ${Math.max(...sizes.map((s) => s.envBytes))} B; largest output ${largestOutput} B; ` +
          `plan ${timings.plan} ms, ${runs.length} run jobs ${timings.runs} ms, merge ${timings.merge} ms`,
      );
      // About 1 ms a test on a loaded two-core machine, plus the jobs' start-up.
    },
    Math.max(120_000, TESTS * 10),
  );

  afterAll(async () => {
    await server?.stop();
  });

  it('the plan job starts and its outputs are small', () => {
    expect(plan.main.code, log(plan.main)).toBe(0);
    expectStartedWithinLimits(plan, 'plan');
    // Over what the old inline `plan` output could pass to a run job at all.
    expect(statSync(join(planSpace, 'fastest-plan', 'plan.json')).size).toBeGreaterThan(ENV_STRING_LIMIT);
    expect(transport).toBe(TESTS <= 6000 ? 'inline' : withCache ? 'cache' : 'file');
  });

  it('without the plan file, a run job says in one line which steps to add', () => {
    if (transport !== 'file') return;
    expect(withoutArtifact?.main.code).toBe(1);
    const errors = withoutArtifact!.main.commands.filter((c) => c.command === 'error').map((c) => c.data);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^fastest: input 'plan': no plan file at fastest-plan\/plan.json: .*actions\/upload-artifact.*actions\/download-artifact/);
  });

  it('every run job starts, runs its shard and passes', () => {
    expect(runs.length).toBe(SHARDS);
    runs.forEach((run, i) => {
      expectStartedWithinLimits(run, `run ${i + 1}`);
      expect(run.main.code, log(run.main)).toBe(0);
    });
    expect(runs.reduce((n, r) => n + Number(r.main.outputs.passed), 0)).toBe(TESTS);
  });

  it('merge starts, finds every planned test exactly once, and the unreachable API does not fail it', () => {
    expectStartedWithinLimits(merge, 'merge');
    expect(merge.main.code, log(merge.main)).toBe(0);
    expect(merge.main.outputs).toMatchObject({ passed: String(TESTS), failed: '0' });
    const ids = junitIds(merge.main.outputs['junit-path'] ?? '');
    expect(ids.length).toBe(TESTS);
    expect(new Set(ids).size).toBe(TESTS);
    expect(merge.main.summary).toContain(`${TESTS} passed`);
  });
});
