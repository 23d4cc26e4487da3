// Coverage and affected-test selection in the Action (issues 16.4 and 18.4), run as GitHub runs it
// (test/helpers/action-runner.ts) against the loopback cache service and REST API. Every job is
// its own clone of a fixture git repository (a base commit on main and a pull request's commit
// on top), in its own directory: the shards' coverage data hold different absolute paths, as on
// runners whose checkouts differ, and merge maps them onto its own checkout.
// Compared with `pytest --cov` (pytest-cov, the test environment's coverage.py) on the same commit.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type StepResult } from './helpers/action-runner.js';
import { FakeCacheServer } from './helpers/cache-server.js';
import { FakeGitHubApi } from './helpers/github-api.js';
import { affectedLine, affectedOf } from '../src/action/affected.js';
import { parseDiffLines } from '../src/impact/diff-lines.js';
import { changedLinesCoverage, coverageSection, lineRanges, SECTION_MAX_BYTES } from '../src/merge/coverage-report.js';

// pytest-cov, as a project that installs it has it: pytest autoloads the installed plugins in this file's runs (test/global-setup.ts).
process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD = '';

const repo = join(__dirname, '..');
const action = join(repo, 'dist', 'action.mjs');
const python = join(repo, '.venvs', 'test', 'bin', 'python');

let root: string;
let cacheServer: FakeCacheServer;
let api: FakeGitHubApi;
let jobs = 0;

function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

interface Origin {
  dir: string;
  base: string;
  head: string;
}

/** A repository holding `project` under proj/ on main (the base), then `change` applied on a branch (the pull request). */
function makeOrigin(name: string, project: string, change: (proj: string) => void): Origin {
  const dir = join(root, `origin-${name}`);
  mkdirSync(dir);
  git(dir, ['init', '-q']);
  cpSync(project, join(dir, 'proj'), { recursive: true, filter: (src) => !/[/\\](\.fastest|__pycache__|\.pytest_cache)$/.test(src) });
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'base']);
  const base = git(dir, ['rev-parse', 'HEAD']);
  git(dir, ['checkout', '-q', '-b', 'pr']);
  change(join(dir, 'proj'));
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'pull request']);
  const head = git(dir, ['rev-parse', 'HEAD']);
  git(dir, ['checkout', '-q', 'main']);
  return { dir, base, head };
}

/** A job's checkout of `sha` (`depth`: a shallow clone, as actions/checkout's default fetch-depth: 1). */
function checkout(origin: Origin, sha: string, depth?: number): string {
  const workspace = join(mkdtempSync(join(root, `job${++jobs}-`)), 'ws');
  if (depth === undefined) {
    git(root, ['clone', '-q', origin.dir, workspace]);
    git(workspace, ['checkout', '-q', sha]);
  } else {
    mkdirSync(workspace);
    git(workspace, ['init', '-q']);
    git(workspace, ['fetch', '-q', `--depth=${depth}`, `file://${origin.dir}`, sha]);
    git(workspace, ['checkout', '-q', sha]);
  }
  return workspace;
}

const prEvent = (o: Origin) => ({
  pull_request: { number: 7, head: { sha: o.head, repo: { full_name: 'octo/demo' } }, base: { sha: o.base } },
  repository: { full_name: 'octo/demo', default_branch: 'main' },
});
const pushToMain = { repository: { full_name: 'octo/demo', default_branch: 'main' } };
const pushEnv = { GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'push' };

function job(workspace: string, inputs: Record<string, string>, opts: { event: unknown; env?: Record<string, string> }): Promise<ActionRun> {
  return runAction({
    action,
    workspace,
    inputs: { 'working-directory': 'proj', 'github-token': 'fake-gh-token', python, ...inputs },
    event: opts.event,
    env: { ...cacheServer.env(), GITHUB_API_URL: api.url, ...opts.env },
  });
}

/** actions/upload-artifact of fastest-results/, then download-artifact with merge-multiple. */
function downloadArtifacts(from: string[], workspace: string): void {
  mkdirSync(join(workspace, 'fastest-results'), { recursive: true });
  for (const ws of from)
    for (const f of readdirSync(join(ws, 'fastest-results'))) cpSync(join(ws, 'fastest-results', f), join(workspace, 'fastest-results', f));
}

function log(step: StepResult): string {
  return step.stdout + step.stderr;
}

function planOf(output: string | undefined): { shards: { tests: number; units: { file: string; ids: string[] | null }[] }[]; affected?: unknown } {
  const handle = JSON.parse(output ?? '') as { gzip: string };
  return JSON.parse(gunzipSync(Buffer.from(handle.gzip, 'base64')).toString('utf8')) as ReturnType<typeof planOf>;
}

/** plan -> `shards` run jobs -> merge, each in its own checkout of `sha`. */
async function pipeline(
  origin: Origin,
  sha: string,
  inputs: Record<string, string>,
  opts: { event: unknown; env?: Record<string, string> },
  shards = 3,
  runOnly: Record<string, string> = {},
): Promise<{ plan: ActionRun; runs: ActionRun[]; merge: ActionRun; mergeSpace: string }> {
  const plan = await job(checkout(origin, sha), { command: 'plan', shards: String(shards), ...inputs }, opts);
  if (plan.main.code !== 0) throw new Error(`plan failed:\n${log(plan.main)}`);
  const planJson = plan.main.outputs.plan ?? '';
  const matrix = (JSON.parse(plan.main.outputs.matrix ?? '') as { shard: number[] }).shard;
  const spaces = matrix.map(() => checkout(origin, sha));
  const runs: ActionRun[] = [];
  // One after another: the machine is shared.
  for (const [i, ws] of spaces.entries()) runs.push(await job(ws, { command: 'run', shard: String(matrix[i]), plan: planJson, ...inputs, ...runOnly }, opts));
  const mergeSpace = checkout(origin, sha);
  downloadArtifacts(spaces, mergeSpace);
  api.reset();
  const merge = await job(mergeSpace, { command: 'merge', plan: planJson, ...inputs }, opts);
  return { plan, runs, merge, mergeSpace };
}

beforeAll(async () => {
  expect(existsSync(action), 'dist/action.mjs is missing: run npm run build').toBe(true);
  execFileSync(python, ['-c', 'import coverage, pytest_cov']);
  root = mkdtempSync(join(tmpdir(), 'fastest-action-cov-'));
  cacheServer = await new FakeCacheServer().start();
  api = await new FakeGitHubApi().start();
});

afterAll(async () => {
  await cacheServer.stop();
  await api.stop();
  rmSync(root, { recursive: true, force: true });
});

// The pull request adds `clamp` (6 statements; the test leaves `return high` unrun).
const CLAMP = `

def clamp(x, low, high):
    if x < low:
        return low
    if x > high:
        return high
    return x
`;
const CLAMP_TEST = `

def test_clamp():
    from calc.ops import clamp

    assert clamp(-1, 0, 10) == 0
    assert clamp(5, 0, 10) == 5
`;

interface CoverageJson {
  totals: Record<string, number>;
  files: Record<string, { summary: Record<string, number>; executed_lines: number[]; missing_lines: number[]; missing_branches?: number[][] }>;
}

describe('coverage: plan -> 3 shards -> merge (coverage: true)', () => {
  let origin: Origin;
  let onMain: Awaited<ReturnType<typeof pipeline>>;
  let pr: Awaited<ReturnType<typeof pipeline>>;
  let reference: CoverageJson;
  let referenceDir: string;
  let referenceBaseTotal: number;

  beforeAll(async () => {
    origin = makeOrigin('cov', join(repo, 'test', 'fixtures', 'coverage-config'), (proj) => {
      writeFileSync(join(proj, 'src', 'calc', 'ops.py'), readFileSync(join(proj, 'src', 'calc', 'ops.py'), 'utf8') + CLAMP);
      writeFileSync(join(proj, 'tests', 'test_ops.py'), readFileSync(join(proj, 'tests', 'test_ops.py'), 'utf8') + CLAMP_TEST);
    });
    // pytest --cov on each commit: the reference.
    const reports = ['--cov', '--cov-report=json:cov.json', '--cov-report=xml:coverage.xml', '--cov-report=lcov:lcov.info'];
    const baseRef = join(checkout(origin, origin.base), 'proj');
    execFileSync(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...reports], { cwd: baseRef, stdio: 'ignore' });
    referenceBaseTotal = (JSON.parse(readFileSync(join(baseRef, 'cov.json'), 'utf8')) as CoverageJson).totals.percent_covered as number;
    referenceDir = join(checkout(origin, origin.head), 'proj');
    execFileSync(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...reports], { cwd: referenceDir, stdio: 'ignore' });
    reference = JSON.parse(readFileSync(join(referenceDir, 'cov.json'), 'utf8')) as CoverageJson;

    // The default branch first: its merge keeps its total in the timings store.
    onMain = await pipeline(
      origin,
      origin.base,
      { coverage: 'true' },
      { event: pushToMain, env: { ...pushEnv, GITHUB_SHA: origin.base, GITHUB_RUN_ID: '100' } },
    );
    // A shard never fails for coverage, whatever the args ask.
    pr = await pipeline(origin, origin.head, { coverage: 'true' }, { event: prEvent(origin), env: { GITHUB_SHA: origin.head } }, 3, {
      args: '--cov-fail-under=100',
      'coverage-fail-under': '100',
    });
  }, 600_000);

  it('each run job keeps its coverage data beside its JUnit file and passes (never fails for coverage)', () => {
    for (const [i, run] of pr.runs.entries()) {
      expect(run.main.code, log(run.main)).toBe(0);
      expect(log(run.main)).toContain(`coverage data of shard ${i + 1} kept in`);
      expect(existsSync(join(run.main.outputs['junit-path'] ?? '').replace(/\.xml$/, '.coverage'))).toBe(true);
      expect(log(run.main)).not.toContain('Required test coverage');
    }
  });

  it("merge writes coverage.xml and lcov.info equal to pytest --cov's, line and branch totals alike", () => {
    const report = join(pr.mergeSpace, 'fastest-report');
    const xml = (path: string) =>
      readFileSync(path, 'utf8')
        .replace(/ timestamp="\d+"/, '')
        .replace(/<source>.*<\/source>/, '');
    expect(xml(join(report, 'coverage.xml'))).toBe(xml(join(referenceDir, 'coverage.xml')));
    expect(readFileSync(join(report, 'lcov.info'), 'utf8')).toBe(readFileSync(join(referenceDir, 'lcov.info'), 'utf8'));
    const merged = JSON.parse(readFileSync(join(report, 'coverage.json'), 'utf8')) as CoverageJson;
    expect(merged.totals).toEqual(reference.totals);
    expect(merged.totals.num_branches).toBeGreaterThan(0);
    for (const [file, entry] of Object.entries(reference.files)) {
      expect(merged.files[file]?.missing_lines, file).toEqual(entry.missing_lines);
      expect(merged.files[file]?.missing_branches, file).toEqual(entry.missing_branches);
    }
    expect(pr.merge.main.outputs.coverage).toBe((reference.totals.percent_covered as number).toFixed(1));
  });

  it('the job summary shows the total, its change against main, the changed lines and the files with the most missed lines first', () => {
    const summary = pr.merge.main.summary;
    const total = reference.totals.percent_covered as number;
    const delta = total - referenceBaseTotal;
    expect(delta).not.toBe(0);
    expect(summary).toContain(
      `### Coverage: **${total.toFixed(1)}%**, ${delta > 0 ? '+' : '-'}${Math.abs(delta).toFixed(1)} points against the default branch (${referenceBaseTotal.toFixed(1)}% at ${origin.base.slice(0, 7)})`,
    );
    // clamp's 6 statements changed; `return high` did not run.
    const ops = reference.files['src/calc/ops.py'];
    const clampStart =
      readFileSync(join(referenceDir, 'src', 'calc', 'ops.py'), 'utf8')
        .split('\n')
        .indexOf('def clamp(x, low, high):') + 1;
    const changed = [0, 1, 2, 3, 4, 5].map((k) => clampStart + k);
    const ran = changed.filter((l) => ops?.executed_lines.includes(l));
    expect([ran.length, changed.length]).toEqual([5, 6]);
    expect(summary).toContain(`Changed lines: **${((100 * 5) / 6).toFixed(1)}%** (5 of 6 changed statements ran)`);
    expect(summary).toContain(`| \`src/calc/ops.py\` | ${clampStart + 4} |`);
    // the per-file table: most missed lines first, as reference.
    const rows = [...summary.matchAll(/^\| `([^`]+)` \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| ([\d.]+)% \|$/gm)].map((m) => [m[1], Number(m[3])]);
    const expected = Object.entries(reference.files)
      .map(([file, e]) => [file, e.summary.missing_lines as number, e.summary.num_partial_branches as number] as const)
      .filter(([, miss, partial]) => miss > 0 || partial > 0)
      .sort((a, b) => b[1] - a[1] || b[2] - a[2] || (a[0] < b[0] ? -1 : 1))
      .map(([file, miss]) => [file, miss]);
    expect(rows).toEqual(expected);
    expect(rows.length).toBeGreaterThan(1);
    expect(summary).toContain('## fastest:');
  });

  it('the pull request comment has the total, the change and the changed lines', () => {
    const posts = api.calls.filter((c) => c.method === 'POST' && c.path === '/repos/octo/demo/issues/7/comments');
    expect(posts.length).toBe(1);
    const body = String(posts[0]?.body?.body);
    expect(body).toContain(`**Coverage: **${(reference.totals.percent_covered as number).toFixed(1)}%**, `);
    expect(body).toContain('points against the default branch');
    expect(body).toContain('(5 of 6 changed statements ran)');
    expect(body).toMatch(/- `src\/calc\/ops\.py`: lines \d+ did not run/);
  });

  it("the default branch's merge writes its total into the timings store; a pull request's merge does not", () => {
    expect(onMain.merge.main.code, log(onMain.merge.main)).toBe(0);
    expect(onMain.merge.post.code).toBe(0);
    expect(cacheServer.savedKeys()).toContain('fastest-v1-timings-100-1');
    const store = JSON.parse(readFileSync(join(onMain.mergeSpace, 'proj', '.fastest', 'timings.json'), 'utf8')) as {
      coverage?: { total: number; sha: string };
    };
    expect(store.coverage?.total).toBeCloseTo(referenceBaseTotal, 10);
    expect(store.coverage?.sha).toBe(origin.base);
    expect(onMain.merge.main.summary).toContain('### Coverage: **');
    expect(onMain.merge.main.summary).not.toContain('Changed lines');
    expect(pr.merge.main.state['fastest-timings-save']).toBeUndefined();
  });

  it("coverage-fail-under is enforced once, at merge, as pytest-cov's --cov-fail-under", async () => {
    const ref = join(checkout(origin, origin.head), 'proj');
    let pytestOut = '';
    let pytestCode = 0;
    try {
      execFileSync(python, ['-m', 'pytest', '-p', 'no:cacheprovider', '--cov', '--cov-fail-under=100'], {
        cwd: ref,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      pytestOut = String((e as { stdout?: string }).stdout);
      pytestCode = (e as { status: number }).status;
    }
    expect(pytestCode).toBe(1);
    const required = pytestOut.split('\n').find((l) => l.startsWith('FAIL Required test coverage')) ?? '';
    expect(required).not.toBe('');
    const planJson = pr.plan.main.outputs.plan ?? '';
    const under = await job(pr.mergeSpace, { command: 'merge', plan: planJson, coverage: 'true', 'coverage-fail-under': '100' }, { event: prEvent(origin) });
    expect(under.main.code).toBe(1);
    expect(log(under.main)).toContain(required);
    const total = (reference.totals.percent_covered as number).toFixed(1);
    expect(under.main.commands.find((c) => c.command === 'error')?.data).toBe(`fastest: Coverage failure: total of ${total} is less than fail-under=100.0`);
    expect(under.main.summary).toContain(`:x: \`Coverage failure: total of ${total} is less than fail-under=100.0\``);
    // from --cov-fail-under in args too; and a reached fail-under passes
    const fromArgs = await job(pr.mergeSpace, { command: 'merge', plan: planJson, args: '--cov --cov-fail-under=100' }, { event: prEvent(origin) });
    expect(fromArgs.main.code).toBe(1);
    const reached = await job(pr.mergeSpace, { command: 'merge', plan: planJson, coverage: 'true', 'coverage-fail-under': '50' }, { event: prEvent(origin) });
    expect(reached.main.code, log(reached.main)).toBe(0);
    expect(log(reached.main)).toContain(`Required test coverage of 50% reached. Total coverage: ${(reference.totals.percent_covered as number).toFixed(2)}%`);
  }, 120_000);

  it('fastest merge combines the kept data too: --cov-report, --cov-fail-under judged once', async () => {
    const proj = join(pr.mergeSpace, 'proj');
    const merge = (args: string[]) => {
      try {
        return {
          code: 0,
          out: execFileSync(process.execPath, [join(repo, 'dist', 'cli.js'), 'merge', '../fastest-results/*.xml', '--python', python, ...args], {
            cwd: proj,
            encoding: 'utf8',
          }),
        };
      } catch (e) {
        return { code: (e as { status: number }).status, out: String((e as { stdout?: string }).stdout) + String((e as { stderr?: string }).stderr) };
      }
    };
    const total = (reference.totals.percent_covered as number).toFixed(1);
    const ok = merge(['--cov-report=xml:out/cov.xml', '--cov-report=lcov']);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain(`coverage: ${total}% combined from 3 data file(s)`);
    const xml = (path: string) =>
      readFileSync(path, 'utf8')
        .replace(/ timestamp="\d+"/, '')
        .replace(/<source>.*<\/source>/, '');
    expect(xml(join(proj, 'out', 'cov.xml'))).toBe(xml(join(referenceDir, 'coverage.xml')));
    expect(readFileSync(join(proj, 'lcov.info'), 'utf8')).toBe(readFileSync(join(referenceDir, 'lcov.info'), 'utf8'));
    const under = merge(['--cov-fail-under=100']);
    expect(under.code).toBe(1);
    expect(under.out).toContain(`ERROR: Coverage failure: total of ${total} is less than fail-under=100.0`);
    expect(merge(['--cov-report=html']).code).toBe(4);
  }, 60_000);

  it('a shallow merge checkout says why the changed lines are not measured', async () => {
    const shallow = checkout(origin, origin.head, 1);
    cpSync(join(pr.mergeSpace, 'fastest-results'), join(shallow, 'fastest-results'), { recursive: true });
    const merge = await job(shallow, { command: 'merge', plan: pr.plan.main.outputs.plan ?? '', coverage: 'true' }, { event: prEvent(origin) });
    expect(merge.main.code, log(merge.main)).toBe(0);
    expect(merge.main.summary).toContain(
      `Changed lines: not measured (the base commit ${origin.base.slice(0, 7)} is not in the shallow checkout (use actions/checkout with fetch-depth: 0))`,
    );
  }, 60_000);

  it('file names from coverage data are code in the summary, never Markdown', async () => {
    // A hostile project: a module whose name would render as a link and a table break.
    const hostile = makeOrigin('hostile', join(repo, 'test', 'fixtures', 'coverage-config'), (proj) => {
      writeFileSync(join(proj, 'src', 'calc', 'a|<b>[c]``d.py'), 'def f():\n    return 1\n');
    });
    const run = await pipeline(hostile, hostile.head, { coverage: 'true' }, { event: prEvent(hostile) }, 1);
    expect(run.merge.main.code, log(run.merge.main)).toBe(0);
    expect(run.merge.main.summary).toContain('| ```src/calc/a\\|<b>[c]``d.py``` | 2 | 2 |');
  }, 120_000);
});

describe('affected: true (tests the pull request can affect)', () => {
  let origin: Origin;
  let docsOnly: Origin;
  const project = join(tmpdir(), `fastest-affected-${process.pid}`);

  beforeAll(() => {
    rmSync(project, { recursive: true, force: true });
    mkdirSync(join(project, 'pkg'), { recursive: true });
    mkdirSync(join(project, 'tests'));
    writeFileSync(join(project, 'pyproject.toml'), '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n\n[tool.fastest]\nimpact_deps = ["*.md:"]\n');
    writeFileSync(join(project, 'pkg', '__init__.py'), '');
    writeFileSync(join(project, 'pkg', 'a.py'), 'def a():\n    return 1\n');
    writeFileSync(join(project, 'pkg', 'b.py'), 'def b():\n    return 2\n');
    writeFileSync(join(project, 'README.md'), 'docs\n');
    writeFileSync(
      join(project, 'tests', 'test_a.py'),
      'from pkg.a import a\n\n\ndef test_a1():\n    assert a() == 1\n\n\ndef test_a2():\n    assert a() > 0\n',
    );
    writeFileSync(
      join(project, 'tests', 'test_b.py'),
      'from pkg.b import b\n\n\ndef test_b1():\n    assert b() == 2\n\n\ndef test_b2():\n    assert b() > 1\n',
    );
    writeFileSync(join(project, 'tests', 'test_c.py'), 'def test_c():\n    assert True\n');
    origin = makeOrigin('affected', project, (proj) => writeFileSync(join(proj, 'pkg', 'a.py'), 'def a():\n    return 1  # changed\n'));
    docsOnly = makeOrigin('docs', project, (proj) => writeFileSync(join(proj, 'README.md'), 'more docs\n'));
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  const ids = (output: string | undefined): string[] =>
    planOf(output)
      .shards.flatMap((s) => s.units.flatMap((u) => u.ids ?? []))
      .sort();

  it('on a pull request the plan holds the tests its diff affects; the summary says N of M and the changed files', async () => {
    const run = await pipeline(origin, origin.head, { affected: 'true' }, { event: prEvent(origin) }, 2);
    expect(ids(run.plan.main.outputs.plan)).toEqual(['tests/test_a.py::test_a1', 'tests/test_a.py::test_a2']);
    expect(log(run.plan.main)).toContain("2 of 5 tests selected by the pull request's changes (1 changed file(s))");
    expect(run.plan.main.summary).toContain("Affected tests: **2 of 5 tests selected** by the pull request's 1 changed file(s): `pkg/a.py`.");
    for (const r of run.runs) {
      expect(r.main.code, log(r.main)).toBe(0);
      expect(log(r.main)).not.toContain('differ from the plan');
    }
    expect(run.merge.main.code, log(run.merge.main)).toBe(0);
    expect(run.merge.main.outputs.passed).toBe('2');
    expect(run.merge.main.summary).toContain("> Affected tests: **2 of 5 tests selected** by the pull request's 1 changed file(s): `pkg/a.py`.");
    // The comment is sticky: created, or updated when an earlier run left one.
    const body = String(api.calls.filter((c) => /\/comments/.test(c.path) && c.body?.body !== undefined).pop()?.body?.body);
    expect(body).toContain('Affected tests: **2 of 5 tests selected**');
  }, 180_000);

  it('a push to the default branch runs every test', async () => {
    const plan = await job(checkout(origin, origin.head), { command: 'plan', shards: '2', affected: 'true' }, { event: pushToMain, env: pushEnv });
    expect(plan.main.code, log(plan.main)).toBe(0);
    expect(ids(plan.main.outputs.plan)).toEqual([]);
    expect(planOf(plan.main.outputs.plan).shards.reduce((n, s) => n + s.tests, 0)).toBe(5);
    expect(planOf(plan.main.outputs.plan).affected).toBeUndefined();
    expect(log(plan.main)).toContain('fastest: affected: every test runs: affected selection is for pull requests, this run is not one');
  }, 60_000);

  it('a shallow checkout runs every test and says why in one line', async () => {
    const plan = await job(checkout(origin, origin.head, 1), { command: 'plan', shards: '2', affected: 'true' }, { event: prEvent(origin) });
    expect(plan.main.code, log(plan.main)).toBe(0);
    expect(planOf(plan.main.outputs.plan).shards.reduce((n, s) => n + s.tests, 0)).toBe(5);
    const why = log(plan.main)
      .split('\n')
      .filter((l) => l.includes('fastest: affected:'));
    expect(why).toEqual([
      `fastest: affected: every test runs: cannot tell what the pull request changed: the base commit ${origin.base.slice(0, 7)} is not in the shallow checkout (use actions/checkout with fetch-depth: 0)`,
    ]);
  }, 60_000);

  it('with fetch-depth: 2 on the merge commit, HEAD^1 is the base', async () => {
    // actions/checkout's refs/pull/N/merge: the base's tip merged with the pull request's head.
    const merged = checkout(origin, origin.base);
    git(merged, ['merge', '-q', '--no-ff', '-m', 'Merge pr into main', origin.head]);
    const mergeSha = git(merged, ['rev-parse', 'HEAD']);
    const shallow = join(mkdtempSync(join(root, 'depth2-')), 'ws');
    mkdirSync(shallow);
    git(shallow, ['init', '-q']);
    git(shallow, ['fetch', '-q', '--depth=2', `file://${merged}`, mergeSha]);
    git(shallow, ['checkout', '-q', mergeSha]);
    const plan = await job(shallow, { command: 'plan', shards: '1', affected: 'true' }, { event: { ...prEvent(origin) } });
    expect(plan.main.code, log(plan.main)).toBe(0);
    expect(ids(plan.main.outputs.plan)).toEqual(['tests/test_a.py::test_a1', 'tests/test_a.py::test_a2']);
  }, 60_000);

  it('no test selected: one shard that runs nothing, "0 of M", and merge passes', async () => {
    // with coverage on too: no test ran, so nothing to combine and nothing to fail
    const run = await pipeline(docsOnly, docsOnly.head, { affected: 'true', coverage: 'true', 'coverage-fail-under': '90' }, { event: prEvent(docsOnly) }, 3);
    expect(JSON.parse(run.plan.main.outputs.matrix ?? '')).toEqual({ shard: [1] });
    expect(run.plan.main.summary).toContain("**0 of 5 tests selected** by the pull request's 1 changed file(s): `README.md`.");
    expect(run.runs).toHaveLength(1);
    expect(run.runs[0]?.main.code, log(run.runs[0]!.main)).toBe(0);
    expect(run.merge.main.code, log(run.merge.main)).toBe(0);
    expect(run.merge.main.summary).toContain('**0 of 5 tests selected**');
    expect(log(run.merge.main)).toContain('coverage: no test ran, no coverage to report');
    expect(run.merge.main.commands.filter((c) => c.command === 'warning' || c.command === 'error')).toEqual([]);
  }, 120_000);
});

describe('the pieces', () => {
  it("reads a -U0 diff's new-side lines, git's quoted names included", () => {
    const diff = [
      'diff --git a/src/m.py b/src/m.py',
      '--- a/src/m.py',
      '+++ b/src/m.py',
      '@@ -3,0 +4,2 @@ def f():',
      '+x',
      '+y',
      '@@ -10 +12 @@',
      '-a',
      '+b',
      '@@ -20,2 +21,0 @@',
      'diff --git "a/caf\\303\\251 \\"q\\".py" "b/caf\\303\\251 \\"q\\".py"',
      '--- /dev/null',
      '+++ "b/caf\\303\\251 \\"q\\".py"',
      '@@ -0,0 +1 @@',
      '+z',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
    ].join('\n');
    expect([...parseDiffLines(diff)]).toEqual([
      ['src/m.py', [4, 5, 12]],
      ['café "q".py', [1]],
    ]);
  });

  it('changed lines: measured statements only; uncovered files most first', () => {
    const got = changedLinesCoverage(
      new Map([
        ['a.py', [1, 2, 3, 9]],
        ['b.py', [5]],
        ['tests/t.py', [1]],
      ]),
      { 'a.py': { executed_lines: [1, 2], missing_lines: [3] }, 'b.py': { executed_lines: [], missing_lines: [5] } },
    );
    expect(got).toEqual({
      measurable: 4,
      covered: 2,
      files: [
        { file: 'a.py', uncovered: [3] },
        { file: 'b.py', uncovered: [5] },
      ],
    });
    expect(lineRanges([9, 1, 2, 3, 5, 7, 8])).toBe('1-3, 5, 7-9');
  });

  it('the coverage section stays bounded: 50 rows at most, most missed first, long names cut, under its byte budget', () => {
    const files = Array.from({ length: 10_000 }, (_, i) => ({
      file: `pkg/${'x'.repeat(i % 2 ? 5000 : 10)}${i}.py`,
      statements: 100,
      missing: i % 97,
      branches: 10,
      partialBranches: 1,
      percent: 50,
    }));
    const section = coverageSection({ total: 50, totalText: '50', precision: 0, files });
    expect(Buffer.byteLength(section)).toBeLessThanOrEqual(SECTION_MAX_BYTES);
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(50);
    expect(rows[0]).toMatch(/ \| 100 \| 96 \| 10 \| 1 \| 50% \|$/);
    expect(section).toContain('9950 more file(s) with missed lines not shown; 0 of 10000 file(s) fully covered.');
    const small = coverageSection({ total: 50, totalText: '50', precision: 0, files }, 4096);
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(4096);
  });

  it("a plan's affected part is used only when well formed (a plan may come from an artifact)", () => {
    const plan = { version: 1, digest: '', total: 0, shards: [] } as const;
    expect(affectedOf({ ...plan, affected: { selected: 1, total: 2, changed: ['a.py'], changedCount: 1, everything: null } } as never)).toBeDefined();
    expect(affectedOf({ ...plan, affected: { selected: -1, total: 2, changed: [], changedCount: 0, everything: null } } as never)).toBeUndefined();
    expect(affectedOf({ ...plan, affected: { selected: 1, total: 2, changed: [{}], changedCount: 1, everything: null } } as never)).toBeUndefined();
    const line = affectedLine({ selected: 1, total: 2, changed: ['[x](http://e)|`y`.py'], changedCount: 1, everything: null });
    expect(line).toContain('``[x](http://e)|`y`.py``');
  });
});
