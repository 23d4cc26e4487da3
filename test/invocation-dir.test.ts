// The tests' working directory is where fastest was started, as pytest's (issue 13): run from a
// subdirectory below the ini file, with paths outside it, with --rootdir and -c elsewhere, fastest
// and real pytest see the same os.getcwd(), open the same relative files and print the same
// output (node ids, traceback paths, -r lines), under both engines with one and two workers; the
// caches stay at the rootdir and JUnit's attributes read alike.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, normalOutput, runIn } from './helpers/against-pytest.js';

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-cwd-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PROJECT: Record<string, string> = {
  'pytest.ini': '[pytest]\nmarkers =\n    slow: a slow test\n',
  'other.ini': '[pytest]\naddopts = -rs\n',
  'conftest.py': ['import os', 'import pytest', '', '@pytest.fixture', 'def started_in():', '    return os.path.basename(os.getcwd())', ''].join('\n'),
  'sub/data.txt': 'sub data\n',
  'sub/conftest.py': ['import pytest', '', '@pytest.fixture', 'def data():', '    with open("data.txt") as f:', '        return f.read()', ''].join('\n'),
  'sub/helper.py': ['def check(value):', '    assert value == "elsewhere"', ''].join('\n'),
  'sub/test_cwd.py': [
    'import os',
    'import pytest',
    'from helper import check',
    '',
    'def test_cwd(started_in):',
    '    assert started_in == "sub"',
    '',
    'def test_relative_file():',
    '    with open("data.txt") as f:',
    '        assert f.read() == "sub data\\n"',
    '',
    'def test_fixture_reads_relative(data):',
    '    assert data == "sub data\\n"',
    '',
    'def test_invocation_params(request):',
    '    assert str(request.config.invocation_params.dir) == os.getcwd()',
    '',
    'def test_fails_in_helper():',
    '    check(os.path.basename(os.getcwd()))',
    '',
    '@pytest.mark.skip(reason="marked")',
    'def test_marked_skip():',
    '    pass',
    '',
    'def test_skip_inside():',
    '    pytest.skip("inside")',
    '',
  ].join('\n'),
  'tests2/test_other.py': [
    'import os',
    '',
    'def test_other_cwd():',
    '    assert os.path.basename(os.getcwd()) == "sub"',
    '',
    'def test_other_fails():',
    '    found = os.path.exists("data.txt")',
    '    assert found is False',
    '',
  ].join('\n'),
};

interface Case {
  /** Where both are started, relative to the project. */
  cwd: string;
  args: string[];
  /** What the run writes, to compare. */
  artifacts?: (dir: string) => unknown;
}

/** Which directories hold pytest's cache: the rootdir's only, for both. */
const cacheDirs = (dir: string) => ['.pytest_cache', 'sub/.pytest_cache', 'tests2/.pytest_cache'].filter((p) => existsSync(join(dir, p)));

const CASES: Record<string, Case> = {
  'below the ini file': { cwd: 'sub', args: ['-rA'], artifacts: cacheDirs },
  'paths outside the invocation dir': { cwd: 'sub', args: ['--tb=short', '-rA', '.', '../tests2'] },
  'long tracebacks from a subdirectory': { cwd: 'sub', args: ['-v', '.', '../tests2/test_other.py'] },
  '--rootdir above': { cwd: 'sub', args: ['--rootdir=..', '-rs'] },
  '-c elsewhere': { cwd: 'sub', args: ['-c', '../other.ini'] },
  '-c and --rootdir elsewhere': { cwd: 'sub', args: ['-c', '../other.ini', '--rootdir=..', '--tb=line'] },
  // coverage.py's data file in the invocation directory, as pytest-cov's
  'coverage from a subdirectory': {
    cwd: 'sub',
    args: ['-q', '-p', 'pytest_cov', '--cov=.', '--cov-report=term-missing'],
    artifacts: (dir) => ['.coverage', 'sub/.coverage'].filter((p) => existsSync(join(dir, p))),
  },
  'from the rootdir': { cwd: '.', args: ['-rA', 'sub'] },
  'JUnit from a subdirectory': {
    cwd: 'sub',
    args: ['-q', '--junitxml=out.xml', '-o', 'junit_family=xunit1'],
    artifacts: (dir) =>
      [...readFileSync(join(dir, 'sub', 'out.xml'), 'utf8').matchAll(/<testcase [^>]*>/g)].map((m) => m[0].replace(/ time="[^"]*"/, '')).sort(),
  },
};

/** Both engines, one and two workers; two forked from a warm parent too. */
const FASTEST_RUNS: { args: string[]; env?: NodeJS.ProcessEnv }[] = [
  { args: ['-n', '1', '--engine', 'native'] },
  { args: ['-n', '2', '--engine', 'native'] },
  { args: ['-n', '1', '--engine', 'pytest'] },
  { args: ['-n', '2', '--engine', 'pytest'] },
  { args: ['-n', '2', '--engine', 'auto'], env: { FASTEST_WARM_PARENT: 'on' } },
];

/** The output's lines sorted, progress percentages left out. */
const inAnyOrder = (out: string) =>
  out
    .split('\n')
    .map((line) => line.replace(/ +\[ *\d+%\]$/, ''))
    .sort();

function project(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(PROJECT)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

async function seen(who: string, dir: string, c: Case): Promise<unknown> {
  project(dir);
  const temp = join(work, '_temproot', who);
  const extra = who === 'pytest' ? { args: [] } : FASTEST_RUNS[Number(who)];
  const r =
    who === 'pytest'
      ? await runIn('python3', ['-m', 'pytest', ...c.args], join(dir, c.cwd), '', temp)
      : await runIn(process.execPath, [cli, ...c.args, ...extra.args], join(dir, c.cwd), '', temp, extra.env);
  if (who !== 'pytest') expect(['sub/.fastest', 'tests2/.fastest'].filter((p) => existsSync(join(dir, p)))).toEqual([]);
  // Two workers finish files in their own order (README, Known differences): the same lines, in any order.
  const out = who === 'pytest' || extra.args[1] === '1' ? normalOutput(r.out) : inAnyOrder(normalOutput(r.out));
  return { code: r.code, out, err: normalOutput(r.err), artifacts: c.artifacts?.(dir) };
}

describe('tests run in the invocation directory, as under pytest', () => {
  it.concurrent.each(Object.keys(CASES))('%s', async (name) => {
    const c = CASES[name];
    const base = join(work, name.replace(/[^a-z0-9]+/gi, '_'));
    const expected = (await seen('pytest', base, c)) as { out: string };
    for (const [index, extra] of FASTEST_RUNS.entries()) {
      const fastest = (await seen(String(index), base, c)) as { out: string };
      const run = [...extra.args, ...Object.entries(extra.env ?? {}).map(([k, v]) => `${k}=${v}`)].join(' ');
      const wanted = extra.args[1] === '1' ? expected : { ...expected, out: inAnyOrder(expected.out) };
      expect({ run, ...fastest }).toEqual({ run, ...wanted });
    }
  });
});
