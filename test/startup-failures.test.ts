// A plugin or an initial conftest that fails while pytest configures ends pytest before any test:
// what leaves pytest's main (a `-p` plugin that does not import, a conftest's pytest_addoption
// raising) is Python's traceback and exit 1; what its session catches (a conftest's
// pytest_configure or pytest_sessionstart raising) is INTERNALERROR and exit 3; a UsageError is
// pytest's usage error, exit 4. fastest ends with pytest's exit code and the last lines of its text,
// whichever engine runs the conftests.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, runIn, summaryLine, type Ran } from './helpers/against-pytest.js';
import { tempDirForFile } from './helpers/temp-dir.js';

const python = process.env.FASTEST_TEST_PYTHON ?? 'python3';

// `lines`: how many of pytest's last lines fastest prints (of a plugin's ImportError, raised in pytest's
// own code with the cause in its message, the last alone)
// `says`: fastest words it in one line of its own, which names this (pytest: Python's traceback)
const CASES: {
  name: string;
  files: Record<string, string>;
  args: string[];
  code: number;
  lines?: number;
  says?: string;
  env?: NodeJS.ProcessEnv;
  stderr?: true;
  versionDependent?: true;
}[] = [
  { name: '-c naming a file that does not exist', files: {}, args: ['-c', 'missing.ini'], code: 1, says: 'missing.ini' },
  { name: 'addopts shlex cannot split', files: { 'pytest.ini': '[pytest]\naddopts = "unclosed\n' }, args: [], code: 1, says: 'No closing quotation' },
  { name: 'testpaths shlex cannot split', files: { 'pytest.ini': '[pytest]\ntestpaths = "unclosed\n' }, args: [], code: 1, says: 'No closing quotation' },
  { name: 'PYTEST_ADDOPTS shlex cannot split', files: {}, args: [], code: 1, says: 'No closing quotation', env: { PYTEST_ADDOPTS: '"unclosed' } },
  {
    name: "python_files shlex cannot split (read by pytest's collection)",
    files: { 'pytest.ini': '[pytest]\npython_files = "unclosed\n' },
    args: [],
    code: 2,
    says: 'No closing quotation',
  },
  { name: '-p of a module that does not exist', files: {}, args: ['-p', 'no_such_plugin_here'], code: 1, lines: 1 },
  { name: "-p in the ini's addopts", files: { 'pytest.ini': '[pytest]\naddopts = -p no_such_plugin_here\n' }, args: [], code: 1, lines: 1 },
  {
    name: '-p of a plugin that raises at import',
    files: { 'raising_plugin.py': 'raise RuntimeError("boom at import")\n' },
    args: ['-p', 'raising_plugin'],
    code: 1,
  },
  { name: '-p of a plugin with a syntax error', files: { 'broken_plugin.py': 'x = (\n' }, args: ['-p', 'broken_plugin'], code: 1 },
  {
    name: "a conftest's pytest_addoption raising",
    files: { 'conftest.py': 'def pytest_addoption(parser):\n    raise RuntimeError("addoption boom")\n' },
    args: [],
    code: 1,
  },
  {
    name: "a conftest's pytest_configure raising",
    files: { 'conftest.py': 'def pytest_configure(config):\n    raise RuntimeError("configure boom")\n' },
    args: [],
    code: 3,
  },
  {
    name: "a conftest's pytest_sessionstart raising",
    files: { 'conftest.py': 'def pytest_sessionstart(session):\n    raise ValueError("sessionstart boom")\n' },
    args: [],
    code: 3,
  },
  {
    name: '--strict-config and an unknown ini key, under --co -q',
    files: {},
    args: ['--co', '-q', '--strict-config', '-o', 'unknown_key=1'],
    code: 4,
    lines: 2,
    stderr: true,
    // pytest 8.4 leaves a -o key unchecked (exit 0): fastest answers as the installed pytest
    versionDependent: true,
  },
  {
    name: 'pytest.exit() while an initial conftest is imported (pytest: an import failure)',
    files: { 'conftest.py': 'import pytest\npytest.exit("bye", returncode=7)\n' },
    args: [],
    code: 4,
    lines: 4,
  },
  {
    name: "pytest.exit() while a test module is imported (pytest: the module's collection error)",
    files: { 'test_b.py': 'import pytest\npytest.exit("bye", returncode=7)\n' },
    args: [],
    code: 2,
    says: '1 error',
  },
  { name: 'minversion above the installed pytest', files: { 'pytest.ini': '[pytest]\nminversion = 99\n' }, args: [], code: 4, lines: 2 },
  { name: 'a minversion packaging cannot read', files: { 'pytest.ini': '[pytest]\nminversion = not-a-version\n' }, args: [], code: 1, lines: 1 },
  {
    name: 'required_plugins naming a plugin not installed',
    files: { 'pytest.ini': '[pytest]\nrequired_plugins = no-such-plugin>=1\n' },
    args: [],
    code: 4,
    lines: 2,
  },
  {
    name: 'a filterwarnings line with an unknown category',
    files: { 'pytest.ini': '[pytest]\nfilterwarnings =\n    ignore::DeprecationWarning\n    error::NoSuchWarning\n' },
    args: [],
    code: 4,
    lines: 40,
  },
  {
    name: "a conftest's pytest_configure raising UsageError",
    files: { 'conftest.py': 'import pytest\n\ndef pytest_configure(config):\n    raise pytest.UsageError("not with these options")\n' },
    args: [],
    code: 4,
  },
];

/** pytest, then fastest with each engine, on the project in `dir` (pytest's cache plugin off). */
function pytestAndEachEngine(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Ran[]> {
  const temp = join(dir, '.tmp');
  return Promise.all([
    runIn(python, ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], dir, '', temp, env),
    ...['auto', 'native', 'pytest'].map((engine) => runIn(process.execPath, [cli, '-p', 'no:cacheprovider', '--engine', engine, ...args], dir, '', temp, env)),
  ]);
}

/** The last lines of what a run printed (pytest writes a session's INTERNALERROR to stdout, the rest to stderr). */
function lastLines(text: string, count: number): string[] {
  return text.trimEnd().split('\n').slice(-count);
}

describe('a plugin or an initial conftest failing while pytest configures', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    "%s: pytest's exit code and last lines, each engine",
    async (_name, c) => {
      const dir = tempDirForFile('fastest-startup-');
      writeFileSync(join(dir, 'test_a.py'), 'def test_a():\n    pass\n');
      for (const [path, text] of Object.entries(c.files)) writeFileSync(join(dir, path), text);
      const env = { PYTHONPATH: dir, ...c.env };
      const [p, ...fastest] = await pytestAndEachEngine(dir, c.args, env);
      if (!c.versionDependent) expect(p.code).toBe(c.code);
      for (const f of fastest) {
        expect(f.code, f.out + f.err).toBe(p.code);
        if (c.says !== undefined) expect(lastLines(f.err + f.out, 1)[0]).toContain(c.says);
        else if (c.stderr) expect(lastLines(f.err, c.lines ?? 3)).toEqual(lastLines(p.err, c.lines ?? 3));
        else expect(lastLines(f.err + f.out, c.lines ?? 3)).toEqual(lastLines(p.err + p.out, c.lines ?? 3));
      }
    },
    60_000,
  );
});

// pytest reads `filterwarnings` and `markers` one value per line (its `linelist`), spaces kept: a
// single line `ignore:the old thing:DeprecationWarning` is one filter, not three words.
describe('linelist ini values on one line', () => {
  it('a filter and a marker with spaces: as pytest, each engine', async () => {
    const dir = tempDirForFile('fastest-linelist-');
    writeFileSync(
      join(dir, 'pytest.ini'),
      '[pytest]\nfilterwarnings = ignore:the old thing:DeprecationWarning\nmarkers = slow: marks tests as slow\naddopts = --strict-markers\n',
    );
    writeFileSync(
      join(dir, 'test_a.py'),
      'import warnings\nimport pytest\n\n@pytest.mark.slow\ndef test_a():\n    warnings.warn("the old thing is gone", DeprecationWarning)\n',
    );
    const [p, ...fastest] = await pytestAndEachEngine(dir, []);
    expect(p.code).toBe(0);
    expect(summaryLine(p.out)).toBe('1 passed');
    for (const f of fastest) {
      expect(f.code, f.out + f.err).toBe(0);
      expect(summaryLine(f.out)).toBe(summaryLine(p.out));
    }
  }, 60_000);
});

// pytest reads xfail_strict only where an xfail mark is evaluated: a value that is no truth value
// errors those tests, and the others run.
describe('an xfail_strict that is no truth value', () => {
  it.each([[['-o', 'xfail_strict=maybe']], [[]]])(
    '%j: the xfail test errors, the other passes, as pytest',
    async (args) => {
      const dir = tempDirForFile('fastest-xfail-strict-');
      writeFileSync(join(dir, 'pytest.ini'), args.length ? '[pytest]\n' : '[pytest]\nxfail_strict = maybe\n');
      writeFileSync(join(dir, 'test_a.py'), 'import pytest\n\n@pytest.mark.xfail\ndef test_a():\n    assert 0\n\ndef test_b():\n    pass\n');
      const [p, ...fastest] = await pytestAndEachEngine(dir, args);
      expect(summaryLine(p.out)).toBe('1 passed, 1 error');
      for (const f of fastest) {
        expect(f.code, f.out + f.err).toBe(p.code);
        expect(summaryLine(f.out)).toBe(summaryLine(p.out));
        expect(f.out).toContain("ERROR test_a.py::test_a - ValueError: invalid truth value 'maybe'");
      }
    },
    60_000,
  );
});
