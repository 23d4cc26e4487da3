// Console reporting against real pytest on the same project: the warnings summary and its count,
// --durations per phase, --tb=line crash lines, ids relative to a sub-directory cwd, and the usage
// error for a bad -W filter. Both engines, byte for byte after pytest's header.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(__dirname, '..');
const cli = join(repo, 'dist', 'cli.js');
let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'fastest-compat-report-'));
  cpSync(join(repo, 'test', 'fixtures', 'report-compat'), project, { recursive: true });
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    // No plugin autoload on either side: start-up in a fraction of the time, same reporting.
    const env = { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1', PYTEST_ADDOPTS: '', PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' };
    execFile(cmd, args, { cwd, env, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** pytest's run per argument list, shared by the engines' tests. */
const pytestRuns = new Map<string, Promise<Run>>();
function pytest(args: string[], cwd = project): Promise<Run> {
  const key = JSON.stringify([cwd, args]);
  let found = pytestRuns.get(key);
  if (!found) {
    found = run('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], cwd);
    pytestRuns.set(key, found);
  }
  return found;
}
const fastest = (engine: string, args: string[], cwd = project) =>
  run(process.execPath, [cli, '--engine', engine, '-n', '1', '--no-cache', '-p', 'no:cacheprovider', ...args], cwd);

/** The output below pytest's `collected N items` line, with what differs run to run masked. */
function body(stdout: string, opts: { maskDurations?: boolean } = {}): string {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => /collected \d+ item/.test(l));
  return (
    lines
      .slice(start + 1)
      // -v names the engine that ran each module (fastest's own line) after its results.
      .filter((l) => l !== '' && !/^\S+: (native|pytest) engine/.test(l))
      .map((l) => l.replace(/ in \d+\.\d\ds /, ' in T ').replace(/0x[0-9a-f]+/g, '0xADDR'))
      // (a trivial phase crosses the bar or not as the machine's load has it, in either runner:
      // only the phases that sleep past it are compared, and the count of those hidden is masked)
      .filter((l) => !opts.maskDurations || !/^\d+\.\d\ds (setup|call|teardown) /.test(l) || l.includes('::test_phases'))
      .map((l) => (opts.maskDurations ? l.replace(/^\d+\.\d\ds (setup|call|teardown)/, 'D.DDs $1').replace(/^\(\d+ durations < /, '(N durations < ') : l))
      .map((l) => l.replace(/=+ (.* in T) =+$/, '== $1 =='))
      .join('\n')
  );
}

const engines = ['native', 'pytest'];

describe('reporting matches pytest', () => {
  for (const engine of engines) {
    it(`warnings summary, grouped, with locations and the count in the closing line (${engine})`, async () => {
      const args = ['tests/test_warn.py'];
      const [theirs, ours] = await Promise.all([pytest(args), fastest(engine, args)]);
      expect(theirs.stdout).toContain('warnings summary');
      expect(theirs.stdout).toContain('tests/test_warn.py: 12 warnings');
      expect(ours.code).toBe(theirs.code);
      expect(body(ours.stdout)).toBe(body(theirs.stdout));
    });

    it(`deprecations and errors that differ by pytest version (parametrize iterables, class and async fixtures, teardown requests) (${engine})`, async () => {
      const args = ['tests/test_version_deprecations.py'];
      const [theirs, ours] = await Promise.all([pytest(args), fastest(engine, args)]);
      expect(theirs.stdout).toContain('test_dict_repr_order');
      expect(ours.code).toBe(theirs.code);
      expect(body(ours.stdout)).toBe(body(theirs.stdout));
      // parametrize's errors name the function (8.4, 9.0) or the node id (9.1)
      for (const file of ['tests/test_param_ids_mismatch.py', 'tests/test_param_unused.py']) {
        const [pytestRun, fastestRun] = await Promise.all([pytest([file]), fastest(engine, [file])]);
        const errors = (out: string) => out.slice(out.indexOf('= ERRORS ='), out.indexOf('= short test summary info ='));
        expect(errors(pytestRun.stdout)).toMatch(/\nIn \S+: /);
        expect(errors(fastestRun.stdout)).toBe(errors(pytestRun.stdout));
      }
    });

    it(`-W, filterwarnings marks, -p no:warnings and --disable-warnings keep pytest's semantics (${engine})`, async () => {
      for (const args of [
        ['tests/test_warn.py', '-W', 'ignore::DeprecationWarning', '-W', 'error:in class'],
        ['tests/test_warn.py', '-p', 'no:warnings'],
        ['tests/test_warn.py', '--disable-warnings'],
      ]) {
        const [theirs, ours] = await Promise.all([pytest(args), fastest(engine, args)]);
        expect(ours.code).toBe(theirs.code);
        expect(body(ours.stdout)).toBe(body(theirs.stdout));
      }
    });

    it(`--durations lists setup/call/teardown separately and hides the fast ones (${engine})`, async () => {
      // The phases sleep 0.04/0.08/0.15s; the bar keeps a loaded machine's trivial phases hidden
      // (at 0.02s a trivial call under pytest 8.4 on a clean-clone CI run took 0.02s and showed).
      const args = ['tests/test_warn.py', '--durations=5', '--durations-min=0.035', '-W', 'ignore'];
      const [theirs, ours] = await Promise.all([pytest(args), fastest(engine, args)]);
      expect(theirs.stdout).toMatch(/teardown tests\/test_warn.py::test_phases/);
      // (how many pytest hides depends on the machine's load: a trivial phase took 0.04 s on a
      // loaded clean-clone CI run, test_many's teardown on another: the sleeping phases are compared)
      expect(theirs.stdout).toMatch(/\(\d+ durations < 0\.035s hidden\.\)/);
      expect(body(ours.stdout, { maskDurations: true })).toBe(body(theirs.stdout, { maskDurations: true }));
    });

    it(`--tb=line prints each failure's crash line (${engine})`, async () => {
      // One module per run: fastest may schedule modules in another order than pytest's.
      for (const file of ['tests/test_more.py', 'tests/test_warn.py']) {
        const args = [file, '--tb=line', '-W', 'ignore'];
        const [theirs, ours] = await Promise.all([pytest(args), fastest(engine, args)]);
        expect(theirs.stdout).toMatch(/test_\w+\.py:\d+: (assert|ValueError)/);
        expect(body(ours.stdout)).toBe(body(theirs.stdout));
      }
    });

    it(`ids relative to the cwd when run from a sub-directory (${engine})`, async () => {
      const cwd = join(project, 'tests');
      const args = ['test_more.py', '-v', '-rA', '--tb=no', '-W', 'ignore'];
      const [theirs, ours] = await Promise.all([pytest(args, cwd), fastest(engine, args, cwd)]);
      expect(theirs.stdout).toContain('FAILED test_more.py::test_list');
      expect(body(ours.stdout)).toBe(body(theirs.stdout));
    });
  }

  it('an unknown -W category is a usage error: exit 4, pytest’s message, nothing on stdout', async () => {
    const args = ['tests', '-W', 'error::Bogus'];
    const [theirs, ours] = await Promise.all([pytest(args), fastest('auto', args)]);
    expect(theirs.code).toBe(4);
    expect(ours.code).toBe(4);
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.stderr).toBe(theirs.stderr);
  });
});
