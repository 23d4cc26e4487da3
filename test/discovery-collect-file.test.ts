// A conftest.py that defines pytest_collect_file makes tests of files that are not Python modules
// (test/fixtures/discovery-collect-file: .yaml files and a .py file python_files does not name, some with tests, one empty, one that fails to
// collect, one ignored by collect_ignore, a .txt the hook declines). Discovery lists each such file
// as a dynamic placeholder; the run reports exactly what pytest collects from it, and loses nothing.
// Per-id outcomes against pytest: test/compat.test.ts ('conftest pytest_collect_file').
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = join(__dirname, '..');
const cli = join(repo, 'dist', 'cli.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-collect-file-'));
  cpSync(join(repo, 'test', 'fixtures', 'discovery-collect-file'), dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ran {
  code: number;
  stdout: string;
}

async function exec(command: string, args: string[]): Promise<Ran> {
  try {
    const { stdout } = await run(command, args, { cwd: dir, env: { ...process.env, GITHUB_ACTIONS: '' }, maxBuffer: 1 << 26 });
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    if (typeof err.code !== 'number') throw e;
    return { code: err.code, stdout: err.stdout ?? '' };
  }
}

const fastest = (args: string[]) => exec(process.execPath, [cli, '--no-cache', ...args]);
const pytest = (args: string[]) => exec('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args]);

/** The counts of the final summary line ("2 failed, 4 passed, 1 skipped, 1 error in 0.8s"), without the time. */
function counts(stdout: string): string {
  const last = stdout.trimEnd().split('\n').pop() ?? '';
  return last
    .replace(/=/g, '')
    .replace(/ in [\d.]+s.*$/, '')
    .trim();
}

/** The result lines of -rA: `PASSED id`, `FAILED id - ...` (their ids and outcomes only), sorted. */
function resultLines(stdout: string): string[] {
  return stdout
    .split('\n')
    .flatMap((line) => {
      const m = /^(PASSED|FAILED|ERROR|XFAIL|XPASS) (\S+)/.exec(line);
      return m ? [`${m[1]} ${m[2]}`] : [];
    })
    .sort();
}

describe('files collected by a conftest pytest_collect_file hook', () => {
  it('are listed by discover as dynamic placeholders, in pytest order, ignored ones left out', async () => {
    const { stdout } = await exec(process.execPath, [cli, 'discover', '--no-cache']);
    const ids = stdout
      .split('\n')
      .filter((l) => l.startsWith('tests/'))
      .map((l) => l.split(/\s+/)[0]);
    expect(ids).toEqual([
      'tests/data/broken.yaml',
      'tests/data/cases.yaml',
      'tests/data/check_config.py',
      'tests/data/conftest.py',
      'tests/data/empty.yaml',
      'tests/data/notes.txt',
      'tests/data/sub/more.yaml',
      'tests/data/test_beside.py::test_beside',
      'tests/test_plain.py::test_one',
      'tests/test_plain.py::test_two',
    ]);
    expect(stdout).toContain('tests/data/cases.yaml  (dynamic');
  });

  for (const workers of [[], ['-n', '2'], ['--engine', 'pytest']]) {
    it(`run as pytest runs them (${workers.join(' ') || 'defaults'}): same results, counts and exit code, none lost`, async () => {
      const args = ['-rA', '--continue-on-collection-errors'];
      const theirs = await pytest(args);
      const ours = await fastest([...workers, ...args]);
      expect(counts(theirs.stdout)).toBe('2 failed, 5 passed, 1 skipped, 1 error');
      expect(counts(ours.stdout)).toBe(counts(theirs.stdout));
      expect(resultLines(ours.stdout)).toEqual(resultLines(theirs.stdout));
      expect(ours.code).toBe(theirs.code);
      // Neither the empty .yaml nor the .txt the hook declines reports anything.
      expect(ours.stdout).not.toMatch(/empty\.yaml|notes\.txt|no result/);
    });
  }

  it('an explicit file argument that only the hook collects runs too', async () => {
    const theirs = await pytest(['-rA', 'tests/data/cases.yaml']);
    const ours = await fastest(['-rA', 'tests/data/cases.yaml']);
    expect(counts(ours.stdout)).toBe(counts(theirs.stdout));
    expect(resultLines(ours.stdout)).toEqual(resultLines(theirs.stdout));
    expect(ours.code).toBe(theirs.code);
  });
});

// Issue 12: what a run collected from such a file is kept by the discovery cache, so the next
// discover lists pytest's ids (pygments' 1,507 example-file items were lost after every run); it
// holds while the file and the conftest.py files above it are unchanged.
describe('files collected by a conftest hook, after a run', () => {
  let learned: string;
  beforeAll(() => {
    learned = mkdtempSync(join(tmpdir(), 'fastest-collect-file-learned-'));
    cpSync(join(repo, 'test', 'fixtures', 'discovery-collect-file'), learned, { recursive: true });
  });
  afterAll(() => rmSync(learned, { recursive: true, force: true }));
  const inLearned = async (command: string, args: string[]) => {
    try {
      const { stdout } = await run(command, args, { cwd: learned, env: { ...process.env, GITHUB_ACTIONS: '' }, maxBuffer: 1 << 26 });
      return { code: 0, stdout };
    } catch (e) {
      const err = e as { code?: number; stdout?: string };
      if (typeof err.code !== 'number') throw e;
      return { code: err.code, stdout: err.stdout ?? '' };
    }
  };
  const listed = async () => (await inLearned(process.execPath, [cli, 'discover'])).stdout.split('\n').filter((l) => l.startsWith('tests/'));

  it('are listed by the next discover as pytest collects them, and run as pytest runs them', async () => {
    const args = ['-rA', '--continue-on-collection-errors'];
    const first = await inLearned(process.execPath, [cli, ...args]);
    expect(counts(first.stdout)).toBe('2 failed, 5 passed, 1 skipped, 1 error');
    const collectOnly = await inLearned('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '--collect-only', '-q', '--continue-on-collection-errors']);
    const pytestIds = collectOnly.stdout.split('\n').filter((l) => l.includes('::'));
    // the file that fails to collect stays a placeholder: its error is the run's to report
    expect(await listed()).toEqual(['tests/data/broken.yaml  (dynamic: ids known at run time)', ...pytestIds]);
    for (const extra of [[], ['-k', 'beta or zeta']]) {
      const theirs = await inLearned('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args, ...extra]);
      const ours = await inLearned(process.execPath, [cli, ...args, ...extra]);
      expect(counts(ours.stdout)).toBe(counts(theirs.stdout));
      expect(resultLines(ours.stdout)).toEqual(resultLines(theirs.stdout));
      expect(ours.code).toBe(theirs.code);
    }
  });

  it('are placeholders again when the file or a conftest.py above it changes', async () => {
    const cases = join(learned, 'tests', 'data', 'cases.yaml');
    writeFileSync(cases, readFileSync(cases, 'utf8') + 'delta: pass\n');
    expect(await listed()).toContain('tests/data/cases.yaml  (dynamic: ids known at run time)');
    expect(await listed()).toContain('tests/data/sub/more.yaml::zeta');
    await inLearned(process.execPath, [cli, '-q', '--continue-on-collection-errors']);
    expect(await listed()).toContain('tests/data/cases.yaml::delta');
    writeFileSync(join(learned, 'conftest.py'), '# a conftest above the hook\n');
    const after = await listed();
    expect(after).toContain('tests/data/cases.yaml  (dynamic: ids known at run time)');
    expect(after).toContain('tests/data/sub/more.yaml  (dynamic: ids known at run time)');
  });
});

// Issue 12, as pygments' tests/examplefiles (test/fixtures/discovery-collect-parent): a directory
// whose files only a parent conftest's pytest_collect_file collects, named on the command line,
// ran 0 tests where pytest runs 2; a test module that hook also collects (pygments' py3_test.py)
// lost the hook's id after a run; a test module's --doctest-modules placeholder stayed one.
describe('files collected by a parent conftest hook, and a test module another collector takes too', () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'fastest-collect-parent-'));
    cpSync(join(repo, 'test', 'fixtures', 'discovery-collect-parent'), project, { recursive: true });
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const inProject = async (command: string, args: string[]) => {
    try {
      const { stdout } = await run(command, args, { cwd: project, env: { ...process.env, GITHUB_ACTIONS: '' }, maxBuffer: 1 << 26 });
      return { code: 0, stdout };
    } catch (e) {
      const err = e as { code?: number; stdout?: string };
      if (typeof err.code !== 'number') throw e;
      return { code: err.code, stdout: err.stdout ?? '' };
    }
  };
  const pytestIn = (args: string[]) => inProject('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args]);
  const fastestIn = (args: string[]) => inProject(process.execPath, [cli, ...args]);
  const pytestIds = async (args: string[]) => (await pytestIn(['--collect-only', '-q', ...args])).stdout.split('\n').filter((l) => l.includes('::'));
  const listed = async (args: string[]) => (await fastestIn(['discover', ...args])).stdout.split('\n').filter((l) => l.startsWith('tests/'));

  it('a directory below the hook, named on the command line, runs and is then listed as pytest collects it', async () => {
    const dirArg = ['tests/examplefiles/abnf'];
    const theirs = await pytestIn(['-rA', ...dirArg]);
    const ours = await fastestIn(['-rA', ...dirArg]);
    expect(counts(theirs.stdout)).toBe('2 passed');
    expect(counts(ours.stdout)).toBe(counts(theirs.stdout));
    expect(resultLines(ours.stdout)).toEqual(resultLines(theirs.stdout));
    expect(ours.code).toBe(theirs.code);
    expect(await listed(dirArg)).toEqual(await pytestIds(dirArg));
  });

  it("after a run, lists the hook's id of a test module and drops an empty doctest placeholder", async () => {
    const args = ['-rA', '--doctest-modules'];
    const theirs = await pytestIn(args);
    const ours = await fastestIn(args);
    expect(counts(theirs.stdout)).toBe('9 passed');
    expect(counts(ours.stdout)).toBe(counts(theirs.stdout));
    expect(resultLines(ours.stdout)).toEqual(resultLines(theirs.stdout));
    const expected = await pytestIds(['--doctest-modules']);
    expect(expected).toContain('tests/examplefiles/python/py3_test.py::');
    expect(expected).toContain('tests/docs/test_wrapped.py::test_wrapped.helper');
    expect((await listed(['--doctest-modules'])).sort()).toEqual([...expected].sort());
    // without --doctest-modules the doctest ids are not listed, the hook's still are
    await fastestIn(['-q']);
    expect((await listed([])).sort()).toEqual((await pytestIds([])).sort());
  });

  it('the learned ids go when the conftest.py above changes', async () => {
    const conftest = join(project, 'tests', 'examplefiles', 'conftest.py');
    writeFileSync(conftest, readFileSync(conftest, 'utf8').replace('file_path.suffix != ".output"', 'file_path.suffix not in (".output", ".py")'));
    const after = await listed([]);
    expect(after).not.toContain('tests/examplefiles/python/py3_test.py::');
    expect(after).not.toContain('tests/examplefiles/python/both_test.py::');
    await fastestIn(['-q']);
    expect((await listed([])).sort()).toEqual((await pytestIds([])).sort());
  });
});
