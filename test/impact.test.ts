// Test-impact selection (--changed / --affected-by) on fixture projects of each import-graph shape:
// the tests selected for given edits, through the built CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, pytestArgv } from '../src/cli/args.js';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fastest-impact-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function fastest(cwd: string, args: string[]) {
  const command = args[0] === 'discover' ? ['discover'] : [];
  const r = spawnSync(process.execPath, [cli, ...command, '--python', 'python3', ...args.slice(command.length)], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The test files of the tests `--affected-by paths` selects (collect-only). */
/** The test files discovery's impact selection picks (`fastest discover`: its listing imports nothing). */
function selectedFiles(cwd: string, paths: string[], extra: string[] = []): string[] {
  const r = fastest(cwd, ['discover', ...extra, '--affected-by', ...paths]);
  expect(r.err).toBe('');
  return [
    ...new Set(
      r.out
        .split('\n')
        .filter((l) => l.includes('::'))
        .map((l) => l.split('::')[0]),
    ),
  ].sort();
}

const TEST = (imports: string) => `${imports}\n\ndef test_one():\n    pass\n`;

describe('import graph selection', () => {
  it('follows relative imports and package __init__.py, and leaves unrelated tests out', () => {
    const root = project({
      'pytest.ini': '[pytest]\n',
      'pkg/__init__.py': '',
      'pkg/a.py': 'from .b import x\n',
      'pkg/b.py': 'x = 1\n',
      'pkg/c.py': 'y = 2\n',
      'tests/test_a.py': TEST('from pkg.a import x'),
      'tests/test_c.py': TEST('import pkg.c'),
      'tests/test_none.py': TEST('import os'),
    });
    expect(selectedFiles(root, ['pkg/b.py'])).toEqual(['tests/test_a.py']);
    expect(selectedFiles(root, ['pkg/c.py'])).toEqual(['tests/test_c.py']);
    // Importing pkg.a or pkg.c runs pkg/__init__.py.
    expect(selectedFiles(root, ['pkg/__init__.py'])).toEqual(['tests/test_a.py', 'tests/test_c.py']);
    expect(selectedFiles(root, ['tests/test_none.py'])).toEqual(['tests/test_none.py']);
  });

  it('finds modules in a src layout and in pythonpath directories, and imports inside functions', () => {
    const root = project({
      'pytest.ini': '[pytest]\npythonpath = lib\n',
      'src/mypkg/__init__.py': '',
      'src/mypkg/core.py': 'from mypkg import util\n',
      'src/mypkg/util.py': '',
      'lib/helper.py': '',
      'tests/test_core.py': TEST('from mypkg.core import util'),
      'tests/test_helper.py': 'def test_h():\n    import helper\n',
    });
    expect(selectedFiles(root, ['src/mypkg/util.py'])).toEqual(['tests/test_core.py']);
    expect(selectedFiles(root, ['lib/helper.py'])).toEqual(['tests/test_helper.py']);
  });

  it('selects every test below a changed conftest.py, and what a conftest imports or names in pytest_plugins', () => {
    const root = project({
      'pytest.ini': '[pytest]\n',
      'conftest.py': 'pytest_plugins = ["plugins.fixtures"]\n',
      'plugins/__init__.py': '',
      'plugins/fixtures.py': '',
      'tests/sub/conftest.py': 'import helpers\n',
      'tests/sub/helpers.py': '',
      'tests/sub/test_s.py': TEST(''),
      'tests/other/test_o.py': TEST(''),
    });
    expect(selectedFiles(root, ['tests/sub/conftest.py'])).toEqual(['tests/sub/test_s.py']);
    expect(selectedFiles(root, ['tests/sub/helpers.py'])).toEqual(['tests/sub/test_s.py']);
    expect(selectedFiles(root, ['plugins/fixtures.py'])).toEqual(['tests/other/test_o.py', 'tests/sub/test_s.py']);
    // A conftest.py added where there was none is a change to the tests below it too.
    expect(selectedFiles(root, ['tests/other/conftest.py'])).toEqual(['tests/other/test_o.py']);
  });

  it('selects the importers of a deleted module', () => {
    const root = project({
      'pytest.ini': '[pytest]\n',
      'pkg/__init__.py': '',
      // Guarded: an unguarded import of a module that is gone is a collection error (no test ids).
      'tests/test_gone.py': TEST('try:\n    from pkg import gone\nexcept ImportError:\n    gone = None'),
      'tests/test_kept.py': TEST('import pkg'),
    });
    expect(selectedFiles(root, ['pkg/gone.py'])).toEqual(['tests/test_gone.py']);
  });

  it('a dynamic import makes its importers depend on every Python change, unless impact_deps explains the file', () => {
    const root = project({
      'pytest.ini': '[pytest]\nimpact_deps =\n    pkg/quiet.py:\n',
      'pkg/__init__.py': '',
      'pkg/loader.py': 'import importlib\n\ndef load(name):\n    return importlib.import_module(name)\n',
      'pkg/plugin.py': '',
      'pkg/quiet.py': '',
      'tests/test_loader.py': TEST('from pkg.loader import load'),
      'tests/test_plain.py': TEST('import os'),
    });
    expect(selectedFiles(root, ['pkg/plugin.py'])).toEqual(['tests/test_loader.py']);
    expect(selectedFiles(root, ['pkg/quiet.py'])).toEqual([]);
  });

  it('a config file or non-Python file selects every test, or the tests impact_deps maps it to', () => {
    const root = project({
      'pytest.ini': '[pytest]\nimpact_deps =\n    data/*.json: tests/test_data.py\n    *.md:\n',
      'data/x.json': '{}',
      'tests/test_data.py': TEST(''),
      'tests/test_other.py': TEST(''),
    });
    const all = ['tests/test_data.py', 'tests/test_other.py'];
    expect(selectedFiles(root, ['pytest.ini'])).toEqual(all);
    expect(selectedFiles(root, ['setup.cfg'])).toEqual(all);
    expect(selectedFiles(root, ['notes.yaml'])).toEqual(all);
    expect(selectedFiles(root, ['data/x.json'])).toEqual(['tests/test_data.py']);
    expect(selectedFiles(root, ['README.md'])).toEqual([]);
  });

  it('reads impact_deps from [tool.fastest] too, and refuses a malformed line with exit 4', () => {
    const root = project({
      'pyproject.toml': '[tool.pytest.ini_options]\n\n[tool.fastest]\nimpact_deps = ["data/*: tests/test_a.py"]\n',
      'tests/test_a.py': TEST(''),
      'tests/test_b.py': TEST(''),
    });
    expect(selectedFiles(root, ['data/d.csv'])).toEqual(['tests/test_a.py']);
    const bad = project({ 'pytest.ini': '[pytest]\nimpact_deps = no-colon-here\n', 'tests/test_a.py': TEST('') });
    const r = fastest(bad, ['--affected-by', 'x.py']);
    expect(r.code).toBe(4);
    expect(r.err).toContain("impact_deps: expected 'GLOB: TESTPATH...'");
  });
});

describe('--changed and the report', () => {
  function gitProject(): string {
    const root = project({
      'pytest.ini': '[pytest]\n',
      'pkg/__init__.py': '',
      'pkg/a.py': 'A = 1\n',
      'pkg/b.py': 'B = 1\n',
      'tests/test_a.py': 'from pkg.a import A\n\ndef test_a():\n    assert A == 1\n',
      'tests/test_b.py': 'from pkg.b import B\n\ndef test_b():\n    assert B == 1\n',
    });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'base');
    git('add', '.');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '-m', 'tests');
    return root;
  }

  it('selects from uncommitted and untracked changes, and from REF...HEAD', () => {
    const root = gitProject();
    expect(fastest(root, ['--collect-only', '-q', '--changed']).out).toContain('0 of 2 tests selected by uncommitted changes: no changed files');
    // (a new size: the listing imported pkg/a.py, and Python trusts its bytecode by the source's
    // mtime in whole seconds and its size)
    writeFileSync(join(root, 'pkg', 'a.py'), 'A = 20\n');
    const r = fastest(root, ['--changed', '-v']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'selected by uncommitted changes: 1 changed file (pkg/a.py):\n  tests/test_a.py::test_a: depends on pkg/a.py: tests/test_a.py -> pkg/a.py\n',
    );
    expect(r.out).toMatch(/tests\/test_a.py::test_a FAILED/);
    expect(r.out).not.toContain('test_b');
    expect(r.out.trimEnd().split('\n').pop()).toBe('1 of 2 tests selected by uncommitted changes: 1 changed file (pkg/a.py)');
    // An untracked module counts; with a REF, the commits since it too.
    writeFileSync(join(root, 'tests', 'test_new.py'), TEST(''));
    const untracked = fastest(root, ['--collect-only', '-q', '--changed']);
    expect(untracked.out).toContain('2 of 3 tests selected by uncommitted changes: 2 changed files (pkg/a.py, tests/test_new.py)');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
    git('add', '.');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '-m', 'edit');
    writeFileSync(join(root, 'pkg', 'b.py'), 'B = 1\n\n');
    const since = fastest(root, ['--collect-only', '-q', '--changed', 'HEAD~1']);
    expect(since.out.split('\n').filter((l) => l.includes('::'))).toEqual([
      'tests/test_a.py::test_a',
      'tests/test_b.py::test_b',
      'tests/test_new.py::test_one',
    ]);
    expect(since.out).toContain('3 of 3 tests selected by changes since HEAD~1: 3 changed files (pkg/a.py, pkg/b.py, tests/test_new.py)');
    const bad = fastest(root, ['--collect-only', '--changed=no-such-ref']);
    expect(bad.code).toBe(4);
    expect(bad.err).toMatch(/--changed: git diff failed: fatal: .*no-such-ref/);
  });

  it('fastest discover --changed is never answered from its memo: git state is no input it logs', () => {
    const root = gitProject();
    const first = fastest(root, ['discover', '--changed']);
    expect(first.out).toContain('0 of 2 tests selected by uncommitted changes: no changed files');
    writeFileSync(join(root, 'notes.yaml'), 'x: 1\n');
    const second = fastest(root, ['discover', '--changed']);
    expect(second.out).toContain('2 of 2 tests selected by uncommitted changes: 1 changed file (notes.yaml)');
  });

  it('passes neither option to pytest', () => {
    const argv = ['--changed', 'main', '-x', 'tests', '--affected-by', 'a.py', 'b.py'];
    const options = parseArgs(argv);
    expect(options.changed).toEqual({ ref: 'main' });
    expect(options.affectedBy).toEqual(['a.py', 'b.py']);
    expect(options.paths).toEqual(['tests']);
    expect(pytestArgv(argv, new Map(), new Map())).toEqual(['-x', 'tests']);
    expect(parseArgs(['--changed', '-x']).changed).toEqual({ ref: null });
    expect(() => parseArgs(['--affected-by'])).toThrow('expected at least one argument');
  });
});
