// `--cov` (issue 16): fastest's workers measure with coverage.py and the session combines their
// data; the report must be pytest-cov's for the same tests. Compared with `pytest --cov` (pytest-cov
// 7.x) on two fixture projects: test/fixtures/coverage-basic (a source package, no config; tests
// using pytest-cov's no_cover marker and fixture) and
// test/fixtures/coverage-config ([tool.coverage] with branch, source, patch=subprocess and
// precision; a session fixture from a conftest; a test that runs a subprocess).
// The environments (made once, under .venvs/, from the configured package index):
//   .venvs/cov       python3's packages + coverage + pytest-cov (the reference, and fastest with it)
//   .venvs/cov-only  python3's packages + coverage, no pytest-cov
//   .venvs/bare      no packages at all (the coverage-missing error)
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args.js';
import { routeCoverage } from '../src/cli/option-route.js';
import { coverageActive, coverageReports, coverageSources, defaultCoverageOptions } from '../src/coverage/options.js';
import { combineCoverage, coverageSpec, keepShardCoverage } from '../src/coverage/session.js';

// pytest-cov, as a project that installs it has it: pytest autoloads the installed plugins in this file's runs (test/global-setup.ts).
process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD = '';

const run = promisify(execFile);
const repo = join(__dirname, '..');
const cli = join(repo, 'dist', 'cli.js');
const venvs = join(repo, '.venvs');
const withPytestCov = join(venvs, 'cov', 'bin', 'python');
const coverageOnly = join(venvs, 'cov-only', 'bin', 'python');
const bare = join(venvs, 'bare', 'bin', 'python');

function ensureVenv(name: string, packages: string[], check: string, systemSite: boolean): void {
  const python = join(venvs, name, 'bin', 'python');
  try {
    execFileSync(python, ['-c', check], { stdio: 'ignore' });
    return;
  } catch {
    // (re)made below
  }
  execFileSync('python3', ['-m', 'venv', '--clear', ...(systemSite ? ['--system-site-packages'] : ['--without-pip']), join(venvs, name)], { stdio: 'ignore' });
  if (packages.length > 0) {
    execFileSync(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--retries', '1', ...packages], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  execFileSync(python, ['-c', check], { stdio: 'inherit' });
}

let work: string;
beforeAll(() => {
  mkdirSync(venvs, { recursive: true });
  ensureVenv('cov', ['coverage', 'pytest-cov'], 'import coverage, pytest_cov, pytest', true);
  // pytest-cov may be in python3's own packages: the venv must not see it
  ensureVenv('cov-only', ['coverage'], 'import coverage, pytest, importlib.util, sys; sys.exit(importlib.util.find_spec("pytest_cov") is not None)', true);
  ensureVenv('bare', [], 'import importlib.util, sys; sys.exit(importlib.util.find_spec("coverage") is not None)', false);
  work = mkdtempSync(join(tmpdir(), 'fastest-coverage-'));
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

let projects = 0;
/** A fresh copy of a fixture project. */
function project(fixture: string): string {
  const dir = join(work, `${fixture}-${++projects}`);
  cpSync(join(repo, 'test', 'fixtures', fixture), dir, { recursive: true });
  return dir;
}

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function exec(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env: { ...process.env, GITHUB_ACTIONS: '', CI: '', COLUMNS: '', ...env }, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    return { code: err.code, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const fastest = (cwd: string, python: string, args: string[], env?: NodeJS.ProcessEnv) =>
  exec(cwd, process.execPath, [cli, '--no-cache', '--python', python, ...args], env);
const pytest = (cwd: string, args: string[], env?: NodeJS.ProcessEnv) => exec(cwd, withPytestCov, ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], env);

interface FileReport {
  summary: Record<string, number>;
  missing_lines: number[];
  excluded_lines: number[];
  executed_lines: number[];
  missing_branches?: number[][];
  executed_branches?: number[][];
}

/** What must agree in coverage.py's JSON report: totals, and per file its lines and branches. */
function essentials(path: string): {
  totals: Record<string, unknown>;
  files: Record<string, Omit<FileReport, 'summary'> & { summary: Record<string, number> }>;
} {
  const report = JSON.parse(readFileSync(path, 'utf8')) as { totals: Record<string, unknown>; files: Record<string, FileReport> };
  const files: Record<string, FileReport> = {};
  for (const [name, entry] of Object.entries(report.files)) {
    files[name] = {
      summary: entry.summary,
      missing_lines: entry.missing_lines,
      excluded_lines: entry.excluded_lines,
      executed_lines: entry.executed_lines,
      missing_branches: entry.missing_branches,
      executed_branches: entry.executed_branches,
    };
  }
  return { totals: report.totals, files };
}

/** pytest-cov's section of the console output: from `tests coverage` to the next `===` line. */
function coverageSection(stdout: string): string {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => / tests coverage /.test(l));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && /^={3,}/.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

function summaryCounts(stdout: string): string {
  const last = stdout.trimEnd().split('\n').pop() ?? '';
  return last
    .replace(/=/g, '')
    .replace(/ in [\d.]+s.*$/, '')
    .trim();
}

function dataFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f === '.coverage' || f.startsWith('.coverage.'))
    .sort();
}

describe("pytest-cov's options, as its argparse reads them", () => {
  const cov = (argv: string[]) => parseArgs(argv).coverage;
  it('--cov takes the next argument unless it is an option; a bare --cov wins over sources', () => {
    expect(parseArgs(['--cov', 'pkg', 'tests']).paths).toEqual(['tests']);
    expect(cov(['--cov', 'pkg', 'tests']).sources).toEqual(['pkg']);
    expect(cov(['--cov', '-q']).sources).toEqual([true]);
    expect(coverageSources(cov(['--cov=a', '--cov', '--cov=b']))).toBeNull();
    expect(coverageSources(cov(['--cov=a', '--cov=b']))).toEqual(['a', 'b']);
    expect(cov(['--cov=a', '--cov-reset', '--cov=b']).sources).toEqual(['b']);
    expect(coverageActive(cov(['--cov-branch']))).toBe(false);
    expect(coverageActive(cov(['--cov=a', '--no-cov']))).toBe(false);
  });
  it('reports: term by default, none for a lone --cov-report=, markdown to coverage.md, skip-covered kept', () => {
    expect(coverageReports(cov(['--cov']))).toEqual({ term: null });
    expect(coverageReports(cov(['--cov', '--cov-report=']))).toEqual({});
    expect(coverageReports(cov(['--cov', '--cov-report=markdown', '--cov-report=term-missing:skip-covered', '--cov-report', 'xml:out/c.xml']))).toEqual({
      markdown: 'coverage.md',
      'term-missing': 'skip-covered',
      xml: 'out/c.xml',
    });
    expect(() => cov(['--cov-report=term:out.txt'])).toThrow(/output specifier not supported for: "term:out.txt"/);
    expect(() => cov(['--cov-report=markdown:a.md', '--cov-report=markdown-append:a.md'])).toThrow(/cannot point to the same file: 'a.md'/);
    expect(cov(['--cov-fail-under=87.5']).failUnder).toBe(87.5);
    expect(() => cov(['--cov-fail-under=x'])).toThrow(/An integer or float value is required/);
  });
  it('a --cov option after --no-cov: pytest-cov warns, so real pytest runs the session', () => {
    const options = parseArgs(['--no-cov', '--cov=pkg']);
    expect(options.coverage.noCovShouldWarn).toBe(true);
    routeCoverage(options);
    expect(options.routes).toEqual([{ option: '--no-cov', route: 'session' }]);
    const context = parseArgs(['--cov=pkg', '--cov-context=test']);
    routeCoverage(context);
    expect(context.routes).toEqual([{ option: '--cov-context', route: 'engine' }]);
  });
});

describe('fastest --cov -n 2 equals pytest --cov', () => {
  const cases: { fixture: string; args: string[]; name: string; python?: string; env?: NodeJS.ProcessEnv }[] = [
    {
      name: '--cov in PYTEST_ADDOPTS with pytest-cov installed, pytest engine: pytest-cov stays idle in the workers',
      fixture: 'coverage-basic',
      args: [],
      env: { PYTEST_ADDOPTS: '--cov=pkg --cov-report=term-missing --cov-branch' },
      python: 'engine-pytest',
    },
    { name: 'a source package, branches measured, native engine', fixture: 'coverage-basic', args: ['--cov=pkg', '--cov-branch', '--cov-report=term-missing'] },
    { name: 'a source package, pytest engine', fixture: 'coverage-basic', args: ['--cov=pkg', '--cov-report=term-missing'], python: 'engine-pytest' },
    { name: 'no source filter (bare --cov): fastest_worker is not measured', fixture: 'coverage-basic', args: ['--cov', '--cov-report=term'] },
    {
      name: '[tool.coverage] config: source, branch, patch=subprocess, precision; a session fixture',
      fixture: 'coverage-config',
      args: ['--cov', '--cov-report=term-missing:skip-covered'],
    },
    { name: 'the same without pytest-cov installed', fixture: 'coverage-config', args: ['--cov', '--cov-report=term-missing'], python: 'cov-only' },
  ];
  for (const c of cases) {
    it(
      c.name,
      async () => {
        const mine = project(c.fixture);
        const theirs = project(c.fixture);
        const extra = c.python === 'engine-pytest' ? ['--engine', 'pytest'] : [];
        const python = c.python === 'cov-only' ? coverageOnly : withPytestCov;
        const [f, p] = await Promise.all([
          fastest(mine, python, ['-n', '2', ...extra, ...c.args, '--cov-report=json:cov.json'], c.env),
          pytest(theirs, [...c.args, '--cov-report=json:cov.json'], c.env),
        ]);
        expect(p.code, p.stdout).toBe(0);
        expect(f.code, f.stdout + f.stderr).toBe(0);
        // fastest's own workers ran it (before issue 16 `--cov` handed the session to real pytest)
        expect(f.stdout).toContain('workers: 2, engine: ');
        expect(summaryCounts(f.stdout)).toBe(summaryCounts(p.stdout));
        const mineReport = essentials(join(mine, 'cov.json'));
        const theirReport = essentials(join(theirs, 'cov.json'));
        expect(Object.keys(mineReport.files).length).toBeGreaterThan(0);
        expect(mineReport).toEqual(theirReport);
        expect(coverageSection(f.stdout)).toBe(coverageSection(p.stdout));
        expect(coverageSection(f.stdout)).toContain('coverage: platform');
        // the workers' files are combined into the one data file, as pytest-cov leaves it
        expect(dataFiles(mine)).toEqual(['.coverage']);
        if (c.args.includes('--cov') && c.fixture === 'coverage-basic')
          expect(Object.keys(mineReport.files).some((n) => n.includes('fastest_worker'))).toBe(false);
      },
      120_000,
    );
  }

  it('--cov-append adds to the previous data, --cov-report= prints nothing', async () => {
    const mine = project('coverage-basic');
    const theirs = project('coverage-basic');
    const first = ['tests/test_mathx.py', '--cov=pkg', '--cov-report='];
    const second = ['tests/test_textx.py', '--cov=pkg', '--cov-append', '--cov-report=json:cov.json'];
    const f1 = await fastest(mine, withPytestCov, ['-n', '2', ...first]);
    expect(f1.code).toBe(0);
    expect(f1.stdout).not.toContain('tests coverage');
    await pytest(theirs, first);
    const [f2, p2] = await Promise.all([fastest(mine, withPytestCov, ['-n', '2', ...second]), pytest(theirs, second)]);
    expect(f2.code).toBe(0);
    expect(essentials(join(mine, 'cov.json'))).toEqual(essentials(join(theirs, 'cov.json')));
    expect(coverageSection(f2.stdout)).toBe(coverageSection(p2.stdout));
  }, 120_000);

  it('--cov-context=test records each test phase as a context, as pytest-cov', async () => {
    const mine = project('coverage-basic');
    const theirs = project('coverage-basic');
    const args = ['--cov=pkg', '--cov-context=test', '--cov-report=json:cov.json', '--cov-report='];
    const [f, p] = await Promise.all([fastest(mine, withPytestCov, ['-n', '2', ...args]), pytest(theirs, args)]);
    expect(f.code, f.stdout + f.stderr).toBe(0);
    expect(p.code).toBe(0);
    const contexts = (dir: string) =>
      execFileSync(withPytestCov, ['-c', 'import coverage; d = coverage.CoverageData(); d.read(); print("\\n".join(sorted(d.measured_contexts())))'], {
        cwd: dir,
        encoding: 'utf8',
      });
    expect(contexts(mine)).toBe(contexts(theirs));
    expect(contexts(mine)).toContain('tests/test_mathx.py::test_clamp_low|run');
  }, 120_000);

  it("pytest-cov's cov fixture gives the Coverage object, as under pytest --cov", async () => {
    const write = (dir: string) =>
      writeFileSync(
        join(dir, 'tests', 'test_cov_fixture.py'),
        'def test_cov_fixture(cov):\n    assert type(cov).__module__.startswith("coverage"), repr(cov)\n    assert cov.get_data() is not None\n',
      );
    // One copy each: two runs in one directory would share its .coverage data files.
    const mine = project('coverage-basic');
    const minePytestEngine = project('coverage-basic');
    const theirs = project('coverage-basic');
    for (const dir of [mine, minePytestEngine, theirs]) write(dir);
    const args = ['--cov=pkg', '--cov-report=', 'tests/test_cov_fixture.py'];
    const [f, n, p] = await Promise.all([
      fastest(mine, withPytestCov, ['-n', '2', ...args]),
      fastest(minePytestEngine, withPytestCov, ['--engine', 'pytest', ...args]),
      pytest(theirs, args),
    ]);
    expect(p.code, p.stdout).toBe(0);
    expect(f.code, f.stdout + f.stderr).toBe(0);
    expect(n.code, n.stdout + n.stderr).toBe(0);
  }, 120_000);
});

describe('a worker that dies', () => {
  it('loses only the unit it was running; its replacement measures the rest', async () => {
    const mine = project('coverage-basic');
    const theirs = project('coverage-basic');
    // a module whose test ends its worker (os._exit: no atexit, no coverage save)
    writeFileSync(join(mine, 'tests', 'test_zcrash.py'), 'import os\n\n\ndef test_crash():\n    os._exit(3)\n');
    writeFileSync(join(mine, 'tests', 'test_acrash.py'), 'import os\n\n\ndef test_crash():\n    os._exit(3)\n');
    const [f, p] = await Promise.all([
      fastest(mine, withPytestCov, ['-n', '1', '--cov=pkg', '--cov-report=json:cov.json']),
      pytest(theirs, ['--cov=pkg', '--cov-report=json:cov.json']),
    ]);
    expect(f.code).toBe(1);
    expect(summaryCounts(f.stdout)).toBe('2 failed, 9 passed');
    expect(p.code).toBe(0);
    // the crashing tests run no code of pkg: what the others measured is all there
    expect(essentials(join(mine, 'cov.json'))).toEqual(essentials(join(theirs, 'cov.json')));
  }, 120_000);
});

describe('--cov-fail-under, --no-cov, --no-cov-on-fail: exit codes and output as pytest-cov', () => {
  const cases: { name: string; args: string[]; env?: NodeJS.ProcessEnv; code: number }[] = [
    { name: 'total under the minimum: exit 1, its ERROR and FAIL lines', args: ['--cov=pkg', '--cov-fail-under=90'], code: 1 },
    { name: 'total over the minimum: exit 0, "reached"', args: ['--cov=pkg', '--cov-fail-under=50.5'], code: 0 },
    { name: 'exactly 100 required', args: ['--cov=pkg', '--cov-fail-under=100', '--cov-report=term-missing'], code: 1 },
    { name: 'under the minimum with no report asked for', args: ['--cov=pkg', '--cov-fail-under=90', '--cov-report='], code: 1 },
    {
      name: 'a failing test and the minimum met',
      args: ['--cov', '--cov-fail-under=10', 'tests/test_fail.py', 'tests/test_ops.py'],
      env: { COV_FIXTURE_FAIL: '1' },
      code: 1,
    },
    {
      name: '--no-cov-on-fail with a failing test: no report, no verdict',
      args: ['--cov', '--no-cov-on-fail', '--cov-fail-under=99', 'tests/test_fail.py'],
      env: { COV_FIXTURE_FAIL: '1' },
      code: 1,
    },
    // (not test_nocover.py: a no_cover test fails under pytest-cov's disabled plugin)
    {
      name: '--no-cov: nothing measured or reported',
      args: ['--cov=pkg', '--cov-fail-under=90', '--no-cov', 'tests/test_mathx.py', 'tests/test_textx.py'],
      code: 0,
    },
  ];
  for (const c of cases) {
    it(
      c.name,
      async () => {
        const fixture = c.args.some((a) => a.includes('test_fail') || a.includes('test_ops')) ? 'coverage-config' : 'coverage-basic';
        const mine = project(fixture);
        const theirs = project(fixture);
        const [f, p] = await Promise.all([fastest(mine, withPytestCov, ['-n', '2', ...c.args], c.env), pytest(theirs, c.args, c.env)]);
        expect(p.code).toBe(c.code);
        expect(f.code, f.stdout + f.stderr).toBe(c.code);
        expect(f.stdout).toMatch(/workers: \d, engine: /);
        expect(coverageSection(f.stdout)).toBe(coverageSection(p.stdout));
        const verdict = (out: string) => out.split('\n').filter((l) => /Coverage failure|Required test coverage/.test(l));
        expect(verdict(f.stdout)).toEqual(verdict(p.stdout));
        expect(dataFiles(mine)).toEqual(dataFiles(theirs).length > 0 ? ['.coverage'] : []);
      },
      120_000,
    );
  }

  it('--no-cov: no test is traced, in either engine, whatever the verbosity (arrow: addopts --cov, -v)', async () => {
    // A worker's pytest session (the header's, the pytest engine's) read addopts' --cov, and
    // pytest-cov traced the worker's whole process, natively run tests included.
    const dir = project('coverage-basic');
    writeFileSync(join(dir, 'tests', 'test_untraced.py'), 'import sys\n\ndef test_untraced():\n    assert sys.gettrace() is None\n');
    const env = { PYTEST_ADDOPTS: '--cov=pkg' };
    const p = await pytest(dir, ['--no-cov', 'tests/test_untraced.py'], env);
    expect(p.code, p.stdout).toBe(0);
    for (const args of [[], ['-v'], ['--engine', 'pytest'], ['-q']]) {
      const f = await fastest(dir, withPytestCov, ['--no-cov', 'tests/test_untraced.py', ...args], env);
      expect({ args, code: f.code }, f.stdout + f.stderr).toEqual({ args, code: 0 });
    }
  }, 120_000);

  it('a fail-under value pytest-cov refuses: usage error, exit 4', async () => {
    const dir = project('coverage-basic');
    const f = await fastest(dir, withPytestCov, ['--cov=pkg', '--cov-fail-under=101']);
    expect(f.code).toBe(4);
    expect(f.stderr).toContain('Your desire for over-achievement is admirable but misplaced');
    const g = await fastest(dir, withPytestCov, ['--cov=pkg', '--cov-report=txt']);
    expect(g.code).toBe(4);
    expect(g.stderr).toContain('argument --cov-report: invalid choice: "txt"');
    const h = await fastest(dir, withPytestCov, ['--cov=pkg', '--cov-context=function']);
    expect(h.code).toBe(4);
    expect(h.stderr).toContain('The only supported value is "test".');
  }, 60_000);
});

describe('coverage.py missing', () => {
  it('one line saying how to install it, exit 4', async () => {
    const dir = project('coverage-basic');
    const f = await fastest(dir, bare, ['--cov=pkg']);
    expect(f.code).toBe(4);
    const lines = f.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ERROR: --cov needs coverage\.py, which .*bare\/bin\/python.* cannot import: install it with `.* -m pip install coverage`/);
    expect(f.stdout).not.toContain('passed');
  }, 60_000);
});

describe("shards: each job's data combined into one report (plan -> 3 shards -> combine)", () => {
  it('the combined coverage.xml, lcov.info and totals equal one pytest --cov run', async () => {
    const dir = project('coverage-config');
    const theirs = project('coverage-config');
    const plan = await exec(dir, process.execPath, [cli, 'plan', '--shards', '3', '--out', 'plan.json']);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    const shardData: string[] = [];
    for (const k of [1, 2, 3]) {
      const r = await fastest(dir, withPytestCov, [
        '--plan',
        'plan.json',
        '--shard',
        String(k),
        '--cov',
        '--cov-report=',
        '--junitxml',
        `shard-${k}/junit.xml`,
      ]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      // on CI each job keeps its data file beside its JUnit file (the Action's run role)
      const spec = coverageSpec({ ...defaultCoverageOptions(), sources: [true] }, dir, 0);
      const kept = await keepShardCoverage(withPytestCov, spec, join(dir, `shard-${k}`, 'junit.xml'), process.env);
      expect(kept).toBe(join(dir, `shard-${k}`, 'junit.coverage'));
      shardData.push(kept as string);
    }
    const env = { ...process.env };
    const combined = await combineCoverage(withPytestCov, join(dir, 'report'), shardData, dir, env);
    const p = await pytest(theirs, ['--cov', '--cov-report=json:cov.json', '--cov-report=xml:coverage.xml', '--cov-report=lcov:lcov.info']);
    expect(p.code).toBe(0);
    const reference = JSON.parse(readFileSync(join(theirs, 'cov.json'), 'utf8')) as { totals: { percent_covered: number } };
    expect(combined.total).toBeCloseTo(reference.totals.percent_covered, 10);
    expect(essentials(join(dir, 'report', 'coverage.json'))).toEqual(essentials(join(theirs, 'cov.json')));
    expect(readFileSync(join(dir, 'report', 'lcov.info'), 'utf8')).toBe(readFileSync(join(theirs, 'lcov.info'), 'utf8'));
    const xml = (path: string) =>
      readFileSync(path, 'utf8')
        .replace(/ timestamp="\d+"/, '')
        .replace(/<source>.*<\/source>/, '');
    expect(xml(join(dir, 'report', 'coverage.xml'))).toBe(xml(join(theirs, 'coverage.xml')));
    expect(combined.files.map((f) => f.file).sort()).toEqual(Object.keys(essentials(join(theirs, 'cov.json')).files).sort());
    // the shards' own files are kept (merge may be re-run)
    for (const file of shardData) expect(existsSync(file)).toBe(true);
  }, 180_000);

  it('no data files, or an unreadable one: one-line error, exit 4', async () => {
    const dir = project('coverage-basic');
    await expect(combineCoverage(withPytestCov, join(dir, 'out'), [], dir, process.env)).rejects.toMatchObject({ exitCode: 4 });
    const bogus = join(dir, 'bogus.coverage');
    cpSync(join(dir, 'pyproject.toml'), bogus);
    await expect(combineCoverage(withPytestCov, join(dir, 'out'), [bogus], dir, process.env)).rejects.toMatchObject({ exitCode: 4 });
  }, 60_000);
});
