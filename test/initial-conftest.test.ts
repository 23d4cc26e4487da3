// A conftest pytest imports while it configures (an initial conftest: those of the paths the
// command line names and their parents, of a named directory's `test*` subdirectories, of
// `testpaths` or the invocation directory when nothing is named) that fails to import is a usage
// error: pytest prints `ImportError while loading conftest '…'.` and the traceback on stderr,
// nothing on stdout, writes no JUnit file and exits 4. A conftest met only while collecting stays
// a collection error (exit 2; conftest-errors.test.ts). Compared with pytest under auto on one or
// two workers and a shard of the run; each project's first case under both engines as well.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, normalOutput, runIn } from './helpers/against-pytest.js';

let work: string;

const FAILING = 'import os\nimport no_such_module_here\n';
const PROJECTS: Record<string, Record<string, string>> = {
  // `sub` is no `test*` directory: its conftest is initial only when a path below it is named
  named: {
    'pytest.ini': '[pytest]\n',
    'test_a.py': 'def test_a():\n    pass\n',
    'sub/conftest.py': FAILING,
    'sub/test_s.py': 'def test_s():\n    pass\n',
    'sub/deep/test_d.py': 'def test_d():\n    pass\n',
  },
  // `tests` is a `test*` directory of the invocation directory: initial when nothing is named
  testdir: {
    'pytest.ini': '[pytest]\nfilterwarnings =\n    error\n',
    'test_a.py': 'def test_a():\n    pass\n',
    'tests/conftest.py': 'import warnings\n\nwarnings.warn(UserWarning("from the conftest"))\n',
    'tests/test_t.py': 'def test_t():\n    pass\n',
  },
  // testpaths names it; its hook leaves the conftest to the pytest engine under auto
  testpaths: {
    'pytest.ini': '[pytest]\ntestpaths = checks\n',
    'test_a.py': 'def test_a():\n    pass\n',
    'checks/conftest.py': 'def pytest_configure(config):\n    pass\n\n\nraise ValueError("bad settings")\n',
    'checks/test_c.py': 'def test_c():\n    pass\n',
  },
  // paths with a conftest and no test: pytest imports the conftest all the same
  conftestonly: {
    'pytest.ini': '[pytest]\n',
    'test_a.py': 'def test_a():\n    pass\n',
    'only/conftest.py': FAILING,
    'fine/conftest.py': 'import os\n',
  },
};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-initialconftest-'));
  for (const [name, files] of Object.entries(PROJECTS)) {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(work, name, path, '..'), { recursive: true });
      writeFileSync(join(work, name, path), text);
    }
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const RUNS = [
  ['-n', '1', '--engine', 'native'],
  ['-n', '2', '--engine', 'native'],
  ['-n', '1', '--engine', 'pytest'],
  ['-n', '2', '--engine', 'pytest'],
  ['-n', '1'],
  ['-n', '2'],
  ['-n', '1', '--shard', '2/2'],
];

/** The cases (project, arguments, subdirectory) run under every engine and worker count. */
const FULL_MATRIX = new Set(['named sub/test_s.py ', 'testdir  ', 'testpaths  ', 'conftestonly only ']);

/** The last line pytest prints on stdout, time left out ('' when it prints nothing). */
function lastLine(out: string): string {
  return normalOutput(out.trimEnd().split('\n').at(-1) ?? '');
}

describe("an initial conftest's import error is pytest's usage error", () => {
  it.concurrent.each([
    ['named', 'sub/test_s.py', ''],
    ['named', 'sub', ''],
    ['named', 'sub/test_s.py::test_s test_a.py', ''],
    ['named', 'sub/deep', ''],
    ['named', '', 'sub'],
    ['named', 'test_a.py', ''],
    ['named', '', ''],
    ['testdir', '', ''],
    ['testdir', 'test_a.py', ''],
    ['testdir', 'tests/test_t.py', ''],
    ['testpaths', '', ''],
    ['testpaths', 'test_a.py', ''],
    ['conftestonly', 'only', ''],
    ['conftestonly', '', 'only'],
    ['conftestonly', 'fine', ''],
  ])(
    '%s: pytest %s (in %j)',
    async (project, args, subdir) => {
      const cwd = join(work, project, subdir);
      const temp = join(work, `_temp-${project}-${args}-${subdir}`.replace(/[ /:]/g, '_'));
      const xml = join(temp, 'out.xml');
      const argv = ['-p', 'no:cacheprovider', `--junitxml=${xml}`, ...(args ? args.split(' ') : [])];
      rmSync(xml, { force: true });
      const p = await runIn('python3', ['-m', 'pytest', ...argv], cwd, '', temp);
      const expected = { code: p.code, err: p.code === 4 ? p.err : '', last: lastLine(p.out), junit: existsSync(xml) };
      if (args === 'sub/test_s.py') expect(p.err).toContain("ImportError while loading conftest '");
      // Which conftests are initial is one question per case; how a worker's usage error ends the
      // run is one per engine and worker count: each project's first case runs every combination,
      // the others auto on one and two workers. (A shard runs its share of the tests: the same
      // usage error, when pytest stops at one.)
      const runs = FULL_MATRIX.has(`${project} ${args} ${subdir}`) ? RUNS : RUNS.filter((run) => !run.includes('--engine'));
      for (const extra of p.code === 4 ? runs : runs.filter((run) => !run.includes('--shard'))) {
        rmSync(xml, { force: true });
        const f = await runIn(process.execPath, [cli, ...argv, ...extra], cwd, '', temp);
        const seen = { code: f.code, err: f.code === 4 ? f.err : '', last: lastLine(f.out), junit: existsSync(xml) };
        expect({ run: extra.join(' '), ...seen }).toEqual({ run: extra.join(' '), ...expected });
      }
    },
    300_000,
  );

  it.concurrent.each([
    ['named', 'sub/test_s.py'],
    ['named', 'sub'],
    ['named', 'test_a.py'],
    ['testpaths', ''],
    ['conftestonly', 'only'],
    ['conftestonly', 'fine test_a.py'],
  ])(
    '--collect-only -q stops at it as pytest: %s: %s',
    async (project, args) => {
      const cwd = join(work, project);
      const temp = join(work, `_temp-co-${project}-${args}`.replace(/[ /:]/g, '_'));
      const argv = ['-p', 'no:cacheprovider', '--collect-only', '-q', ...(args ? args.split(' ') : [])];
      const p = await runIn('python3', ['-m', 'pytest', ...argv], cwd, '', temp);
      for (const extra of [[], ['--engine', 'native'], ['--engine', 'pytest']]) {
        const f = await runIn(process.execPath, [cli, ...argv, ...extra], cwd, '', temp);
        expect({ run: extra.join(' '), code: f.code, out: normalOutput(f.out), err: f.err }).toEqual({
          run: extra.join(' '),
          code: p.code,
          out: normalOutput(p.out),
          err: p.err,
        });
      }
    },
    300_000,
  );
});
