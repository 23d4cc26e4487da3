// pytest collects every module before it runs a test: a module that fails to collect stops the
// session before any test (`Interrupted: N errors during collection`, exit 2) unless
// --continue-on-collection-errors; -x/--maxfail count collection errors in collection order
// ("stopping after N failures", exit 1). fastest's workers collect their shares first (the
// collection pass), for both engines and any worker count; compared here with the installed pytest.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_SETTINGS } from './helpers/against-pytest.js';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' };
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-colstop-'));
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  // A test that would leave a trace if it ran: pytest runs none of them.
  const trace = (name: string) => `import pathlib\n\ndef test_${name}():\n    pathlib.Path("ran-${name}").write_text("")\n`;
  writeFileSync(join(dir, 'test_a.py'), `${trace('a1')}\n\ndef test_a2():\n    assert 0\n`);
  writeFileSync(join(dir, 'test_b.py'), `import nonexistent_module_xyz\n\n${trace('b')}`);
  writeFileSync(join(dir, 'test_c.py'), `${trace('c')}`);
  writeFileSync(join(dir, 'test_d.py'), `raise RuntimeError("boom")\n\n${trace('d')}`);
  writeFileSync(join(dir, 'test_e.py'), `${trace('e')}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  status: number | null;
  /** The session's summary lines: header count, ERROR/FAILED lines, the interruption and totals. */
  lines: string[];
  junit: string;
}

function summary(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => /^(collected|ERROR |FAILED |!+ |=+ .* in )/.test(l))
    .map((l) => l.replace(/ in [\d.]+s/, ' in Xs'));
}

/** The summary lines without their rules, then the -rA outcome lines, sorted. */
function lines(out: string): string[] {
  return summary(out)
    .map((l) => l.replace(/^=+ | =+$/g, ''))
    .concat(
      out
        .split('\n')
        .filter((l) => /^(PASSED|FAILED) /.test(l))
        .sort(),
    );
}

function junitCases(path: string): string {
  const xml = readFileSync(path, 'utf8');
  return xml.replace(/ time="[^"]*"| timestamp="[^"]*"| hostname="[^"]*"/g, '');
}

function pytest(args: string[]): Outcome {
  const xml = join(dir, 'pytest.xml');
  const r = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-p', 'no:randomly', `--junitxml=${xml}`, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env,
  });
  return { status: r.status, lines: summary(r.stdout), junit: junitCases(xml) };
}

function fastest(args: string[]): Outcome & { ran: string[] } {
  const xml = join(dir, 'fastest.xml');
  rmSync(join(dir, '.fastest'), { recursive: true, force: true });
  for (const name of ['a1', 'b', 'c', 'd', 'e']) rmSync(join(dir, `ran-${name}`), { force: true });
  const r = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', `--junitxml=${xml}`, ...args], { cwd: dir, encoding: 'utf8', env });
  const ran = ['a1', 'c', 'e'].filter((name) => {
    try {
      readFileSync(join(dir, `ran-${name}`));
      return true;
    } catch {
      return false;
    }
  });
  return { status: r.status, lines: summary(r.stdout), junit: junitCases(xml), ran };
}

describe('collection errors stop the session as in pytest', () => {
  const cases: [string, string[]][] = [
    ['no option: nothing runs, exit 2', []],
    ['-x: stops at the first error, exit 1', ['-x']],
    ['--maxfail 2', ['--maxfail', '2']],
    ['--maxfail 3: both errors, then interrupted', ['--maxfail', '3']],
    ['--continue-on-collection-errors', ['--continue-on-collection-errors']],
    ['-x --continue-on-collection-errors', ['-x', '--continue-on-collection-errors']],
  ];
  for (const [name, args] of cases) {
    it(name, () => {
      const expected = pytest(args);
      for (const [engine, workers] of ENGINE_SETTINGS) {
        const got = fastest(['--engine', engine, '-n', workers, ...args]);
        const where = `--engine ${engine} -n ${workers} ${args.join(' ')}`;
        // (two workers finish tests in another order; JUnit lists them in pytest's)
        expect({ where, status: got.status, lines: got.lines, junit: got.junit }).toEqual({
          where,
          status: expected.status,
          lines: expected.lines,
          junit: expected.junit,
        });
        if (!args.includes('--continue-on-collection-errors')) expect({ where, ran: got.ran }).toEqual({ where, ran: [] });
      }
    });
  }
});

// A class that fails to collect (a parametrize naming no argument, a warning turned into an error
// by -W error while pytest collects it) is pytest's collection error under the class's node id:
// the module's other tests are collected, counted, and run under --continue-on-collection-errors.
// A module skipped at import is counted when the session stops at collection errors.
describe('a class that fails to collect, and a module skipped at import, as pytest reports them', () => {
  let classDir: string;
  beforeAll(() => {
    classDir = mkdtempSync(join(tmpdir(), 'fastest-class-error-'));
    writeFileSync(join(classDir, 'pytest.ini'), '[pytest]\n');
    writeFileSync(
      join(classDir, 'test_m.py'),
      'import pytest\n\n\ndef test_before():\n    pass\n\n\nclass TestBad:\n    def test_ok_in_class(self):\n        pass\n\n' +
        '    @pytest.mark.parametrize("y", [1, 2])\n    def test_broken(self, x):\n        pass\n\n\n' +
        'class TestGood:\n    def test_good(self):\n        pass\n\n\ndef test_after():\n    assert 0\n',
    );
    writeFileSync(join(classDir, 'test_n.py'), 'def test_other():\n    pass\n');
    writeFileSync(join(classDir, 'test_s.py'), 'import pytest\n\npytest.skip("not here", allow_module_level=True)\n\n\ndef test_never():\n    pass\n');
  });
  afterAll(() => rmSync(classDir, { recursive: true, force: true }));

  const run = (command: string, args: string[]) => {
    const r = spawnSync(command, args, { cwd: classDir, encoding: 'utf8', env });
    const shown = r.stdout
      .split('\n')
      .filter((l) => /^(collected|ERROR |FAILED |PASSED |SKIPPED |_{3,} ERROR|!+ |=+ .* in )/.test(l))
      .map((l) => l.replace(/ in [\d.]+s/, ' in Xs'));
    return { status: r.status, shown, junit: junitCases(join(classDir, 'out.xml')) };
  };

  for (const args of [[], ['--continue-on-collection-errors']]) {
    it(`${args.join(' ') || 'no option'}: the class's id in the summary and JUnit, the module's other tests counted`, () => {
      const common = ['-p', 'no:cacheprovider', '-rA', '--junitxml=out.xml', ...args];
      const expected = run('python3', ['-m', 'pytest', ...common]);
      expect(expected.shown).toContain("ERROR test_m.py::TestBad - Failed: In test_broken: function uses no argument 'y'");
      expect(expected.shown[0]).toBe('collected 4 items / 1 error / 1 skipped');
      for (const [engine, workers] of ENGINE_SETTINGS) {
        rmSync(join(classDir, '.fastest'), { recursive: true, force: true });
        const where = `--engine ${engine} -n ${workers} ${args.join(' ')}`;
        // fastest's JUnit names the listed tests of the class that no module collected (for `merge`)
        const notCollected =
          '<properties>' +
          ['test_ok_in_class', 'test_broken[1]', 'test_broken[2]']
            .map((t) => `<property name="fastest_not_collected" value="test_m.py::TestBad::${t}" />`)
            .join('') +
          '</properties>';
        const fastest = () => {
          const got = run(process.execPath, [cli, '--engine', engine, '-n', workers, ...common]);
          expect(got.junit, where).toContain(notCollected);
          return { where, ...got, junit: got.junit.replace(notCollected, '') };
        };
        expect(fastest()).toEqual({ where, ...expected });
        // and again, on what the first run taught the discovery cache
        expect(fastest()).toEqual({ where, ...expected });
      }
    });
  }
});

// What importing a module does is visible to every test, as after pytest's collection: structlog's
// tests read `sys.modules["multiprocessing"]`, which only a later module imports. With -n 2 the two
// files go to different workers: each worker imports every module, not only those it runs.
describe('every module of the run is imported in each worker before its first test', () => {
  let side: string;
  beforeAll(() => {
    side = mkdtempSync(join(tmpdir(), 'fastest-colside-'));
    writeFileSync(join(side, 'pytest.ini'), '[pytest]\n');
    writeFileSync(join(side, 'test_a.py'), 'import sys\n\n\ndef test_sees_a_later_import():\n    assert "fastest_side_effect_marker" in sys.modules\n');
    writeFileSync(join(side, 'test_b.py'), 'import sys\n\nsys.modules["fastest_side_effect_marker"] = sys\n\n\ndef test_b():\n    pass\n');
  });
  afterAll(() => rmSync(side, { recursive: true, force: true }));

  it.each(['1', '2'])('as pytest, with -n %s, in both engines', (workers) => {
    const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-q'], { cwd: side, encoding: 'utf8', env });
    expect(p.status).toBe(0);
    for (const engine of ['native', 'pytest']) {
      const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '-q', '-n', workers, '--no-cache', '--engine', engine], {
        cwd: side,
        encoding: 'utf8',
        env,
      });
      expect({ engine, status: f.status, summary: summary(f.stdout) }).toEqual({ engine, status: 0, summary: summary(p.stdout) });
    }
  });
});

// pytest imports every module its walk finds (python_files), before any test and whether or not
// a test of it runs: one with no test in its source (a module of shared set-up, or one that
// defines nothing yet), or one whose tests -k deselects. Its side effects are seen by the tests,
// and its import error is a collection error that stops the session.
describe('modules nothing of which runs are imported as pytest imports them', () => {
  let proj: string;
  beforeAll(() => {
    proj = mkdtempSync(join(tmpdir(), 'fastest-colextra-'));
    writeFileSync(join(proj, 'pytest.ini'), '[pytest]\n');
    writeFileSync(
      join(proj, 'test_a.py'),
      'import sys\n\n\ndef test_sees_untested_module():\n    assert "fastest_untested_marker" in sys.modules\n\n\ndef test_sees_deselected_module():\n    assert "fastest_deselected_marker" in sys.modules\n',
    );
    writeFileSync(join(proj, 'test_b_setup.py'), 'import sys\n\nsys.modules["fastest_untested_marker"] = sys\n');
    writeFileSync(join(proj, 'test_c.py'), 'import sys\n\nsys.modules["fastest_deselected_marker"] = sys\n\n\ndef test_c():\n    pass\n');
  });
  afterAll(() => rmSync(proj, { recursive: true, force: true }));

  const compare = (args: string[]) => {
    const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-rA', ...args], { cwd: proj, encoding: 'utf8', env });
    for (const [engine, workers] of ENGINE_SETTINGS) {
      const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '-rA', '-n', workers, '--no-cache', '--engine', engine, ...args], {
        cwd: proj,
        encoding: 'utf8',
        env,
      });
      const lines = (out: string) =>
        summary(out)
          .map((l) => l.replace(/^=+ | =+$/g, ''))
          .concat(
            out
              .split('\n')
              .filter((l) => /^PASSED /.test(l))
              .sort(),
          );
      expect({ engine, workers, status: f.status, lines: lines(f.stdout) }).toEqual({ engine, workers, status: p.status, lines: lines(p.stdout) });
    }
    return p;
  };

  it('a module with no test, and one whose tests -k deselects', () => {
    expect(compare([]).status).toBe(0);
    expect(compare(['-k', 'sees']).status).toBe(0);
  });

  it('a module with no test in its source that makes tests at import runs them', () => {
    writeFileSync(
      join(proj, 'test_e_made.py'),
      'def _make(n):\n    def check():\n        assert n < 2\n    return check\n\n\nfor _i in range(3):\n    globals()["test_made_%d" % _i] = _make(_i)\n',
    );
    try {
      expect(compare([]).status).toBe(1);
      expect(compare(['-k', 'made_1 or sees']).status).toBe(0);
    } finally {
      rmSync(join(proj, 'test_e_made.py'));
    }
  });

  it('a module with no test that fails to import stops the session', () => {
    writeFileSync(join(proj, 'test_d_broken.py'), 'raise ImportError("no such thing")\n');
    try {
      expect(compare([]).status).toBe(2);
      expect(compare(['--continue-on-collection-errors']).status).toBe(1);
    } finally {
      rmSync(join(proj, 'test_d_broken.py'));
    }
  });
});

// A conftest's collect_ignore under a condition only the run decides (attrs: `if not
// PY_3_14_PLUS: collect_ignore.extend([...])`): pytest neither imports nor collects the module,
// unless it is named on the command line.
describe("a conftest's collect_ignore decided at run time", () => {
  let proj: string;
  beforeAll(() => {
    proj = mkdtempSync(join(tmpdir(), 'fastest-colignore-'));
    mkdirSync(join(proj, 'sub'));
    writeFileSync(join(proj, 'pytest.ini'), '[pytest]\n');
    writeFileSync(
      join(proj, 'conftest.py'),
      'import os\n\ncollect_ignore = []\ncollect_ignore_glob = []\nif os.environ.get("FASTEST_NEVER_SET") is None:\n    collect_ignore.append("test_ignored.py")\n    collect_ignore_glob.append("sub/*_skip.py")\n',
    );
    writeFileSync(join(proj, 'test_ignored.py'), 'def test_ignored():\n    assert 0\n');
    writeFileSync(join(proj, 'test_ok.py'), 'def test_ok():\n    pass\n');
    writeFileSync(join(proj, 'sub', 'test_sub_skip.py'), 'def test_sub():\n    assert 0\n');
    writeFileSync(join(proj, 'sub', 'test_kept.py'), 'def test_kept():\n    pass\n');
  });
  afterAll(() => rmSync(proj, { recursive: true, force: true }));

  it.each([[[]], [['sub']], [['test_ignored.py']]])('as pytest, args %j', (args: string[]) => {
    const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-rA', ...args], { cwd: proj, encoding: 'utf8', env });
    for (const [engine, workers] of ENGINE_SETTINGS) {
      const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '-rA', '-n', workers, '--no-cache', '--engine', engine, ...args], {
        cwd: proj,
        encoding: 'utf8',
        env,
      });
      expect({ engine, workers, status: f.status, lines: lines(f.stdout) }).toEqual({ engine, workers, status: p.status, lines: lines(p.stdout) });
    }
  });
});

// A conftest's own pytest_ignore_collect (boltons: skip `*_pyX` modules of another Python): the
// native engine asks it of the module and each directory above it, as pytest's walk does, innermost
// conftest first, pytest's collect_ignore only when no hook answers. Discovery cannot run the hook:
// the first run's "collected N" counts the ignored modules, the run teaches the cache, and the
// second run's header is pytest's.
describe("a conftest's pytest_ignore_collect", () => {
  let proj: string;
  beforeAll(() => {
    proj = mkdtempSync(join(tmpdir(), 'fastest-ignorehook-'));
    mkdirSync(join(proj, 'sub'));
    mkdirSync(join(proj, 'skipped_dir'));
    writeFileSync(join(proj, 'pytest.ini'), '[pytest]\n');
    writeFileSync(
      join(proj, 'conftest.py'),
      [
        'collect_ignore = ["test_listed.py"]',
        '',
        'def pytest_ignore_collect(collection_path, config):',
        '    if collection_path.name.endswith("_py2.py") or collection_path.name == "skipped_dir":',
        '        return True',
        '    return None',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(proj, 'sub', 'conftest.py'),
      'def pytest_ignore_collect(collection_path):\n    return collection_path.name == "test_inner.py" or None\n',
    );
    writeFileSync(join(proj, 'test_legacy_py2.py'), 'def test_legacy():\n    assert 0\n');
    writeFileSync(join(proj, 'test_listed.py'), 'def test_listed():\n    assert 0\n');
    writeFileSync(join(proj, 'test_ok.py'), 'def test_ok():\n    pass\n');
    writeFileSync(join(proj, 'skipped_dir', 'test_in_dir.py'), 'def test_in_dir():\n    assert 0\n');
    writeFileSync(join(proj, 'sub', 'test_inner.py'), 'def test_inner():\n    assert 0\n');
    writeFileSync(join(proj, 'sub', 'test_sub.py'), 'def test_sub():\n    pass\n');
  });
  afterAll(() => rmSync(proj, { recursive: true, force: true }));

  const uncounted = (out: string) => lines(out).filter((l) => !l.startsWith('collected '));

  it.each([[[]], [['sub']], [['test_legacy_py2.py']]])('as pytest, natively (and in the pytest engine), args %j', (args: string[]) => {
    const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-rA', ...args], { cwd: proj, encoding: 'utf8', env });
    expect(p.stdout).toMatch(/ in [\d.]+s/);
    for (const [engine, workers] of ENGINE_SETTINGS) {
      rmSync(join(proj, '.fastest'), { recursive: true, force: true });
      const run = () =>
        spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '-rA', '-n', workers, '--engine', engine, '--show-engines', ...args], {
          cwd: proj,
          encoding: 'utf8',
          env,
        });
      const first = run();
      if (engine !== 'pytest') expect(first.stdout).not.toContain('pytest engine');
      expect({ engine, workers, status: first.status, lines: uncounted(first.stdout) }).toEqual({
        engine,
        workers,
        status: p.status,
        lines: uncounted(p.stdout),
      });
      const second = run();
      expect({ engine, workers, status: second.status, lines: lines(second.stdout) }).toEqual({ engine, workers, status: p.status, lines: lines(p.stdout) });
    }
  });

  it('a hook taking the legacy `path` is never called natively: pytest reports it', () => {
    const legacy = mkdtempSync(join(tmpdir(), 'fastest-ignorehook-legacy-'));
    try {
      writeFileSync(join(legacy, 'pytest.ini'), '[pytest]\n');
      writeFileSync(join(legacy, 'conftest.py'), 'def pytest_ignore_collect(path, config):\n    return path.basename == "test_gone.py" or None\n');
      writeFileSync(join(legacy, 'test_gone.py'), 'def test_gone():\n    assert 0\n');
      writeFileSync(join(legacy, 'test_here.py'), 'def test_here():\n    pass\n');
      const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-rA'], { cwd: legacy, encoding: 'utf8', env });
      const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '-rA', '--no-cache', '--show-engines'], { cwd: legacy, encoding: 'utf8', env });
      expect(f.stdout).not.toContain('native engine');
      if (p.status === 0) {
        // pytest < 9 warns of the argument and runs
        expect(f.stdout).toContain('test_here.py: pytest engine');
        expect({ status: f.status, lines: uncounted(f.stdout) }).toEqual({ status: p.status, lines: uncounted(p.stdout) });
      } else {
        // pytest 9 stops at the conftest's registration (its deprecation is an error there)
        expect(p.stderr).toContain('PytestRemovedIn9Warning');
        expect(f.stderr).toContain('PytestRemovedIn9Warning');
        expect(f.status).not.toBe(0);
      }
    } finally {
      rmSync(legacy, { recursive: true, force: true });
    }
  });
});

/** Runs `check` in a fresh project of `files` (and a plain pytest.ini), removed afterwards. */
function inProject(prefix: string, files: Record<string, string>, check: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
    check(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const BROKEN_IMPORT = 'from os import does_not_exist\n\n\ndef test_c():\n    pass\n';

describe('an import error under -vv', () => {
  it("shows pytest's whole traceback, its own import frames included, as pytest does", () => {
    inProject('fastest-import-vv-', { 'test_b.py': BROKEN_IMPORT }, (importDir) => {
      const errors = (command: string, args: string[]) => {
        const out = spawnSync(command, [...args, '-p', 'no:cacheprovider', '-vv'], { cwd: importDir, encoding: 'utf8', env }).stdout;
        return out.slice(out.indexOf('= ERRORS ='), out.indexOf('short test summary info'));
      };
      const pytest = errors('python3', ['-m', 'pytest']);
      expect(pytest).toContain('in import_path');
      expect(errors(process.execPath, [cli])).toBe(pytest);
    });
  });

  it("under addopts' --verbose (-v, once) pytest's pruned traceback, in either engine", () => {
    inProject('fastest-import-v-', { 'test_b.py': BROKEN_IMPORT }, (importDir) => {
      writeFileSync(join(importDir, 'pytest.ini'), '[pytest]\naddopts = --verbose\n');
      const errors = (command: string, args: string[]) => {
        const out = spawnSync(command, [...args, '-p', 'no:cacheprovider'], { cwd: importDir, encoding: 'utf8', env }).stdout;
        return out.slice(out.indexOf('= ERRORS ='), out.indexOf('short test summary info'));
      };
      const pytest = errors('python3', ['-m', 'pytest']);
      expect(pytest).not.toContain('in import_path');
      for (const engine of ['auto', 'pytest'])
        expect({ engine, errors: errors(process.execPath, [cli, '--engine', engine]) }).toEqual({ engine, errors: pytest });
    });
  });
});

describe('the header when collection errors end the session', () => {
  it('counts the tests a parametrize over values only the import knows makes, as pytest does', () => {
    const files = {
      // (flask's test_json_tag: uuid4(), datetime.now() among the values; discovery lists one item)
      'test_a.py':
        'import uuid\n\nimport pytest\n\n\n@pytest.mark.parametrize("x", (1, 2, uuid.uuid4()))\ndef test_a(x):\n    pass\n\n\ndef test_b():\n    pass\n',
      'test_b.py': BROKEN_IMPORT,
    };
    inProject('fastest-pass-count-', files, (countDir) => {
      const header = (command: string, args: string[]) =>
        spawnSync(command, [...args, '-p', 'no:cacheprovider'], { cwd: countDir, encoding: 'utf8', env })
          .stdout.split('\n')
          .filter((l) => l.startsWith('collected'));
      const pytest = header('python3', ['-m', 'pytest']);
      expect(pytest).toEqual(['collected 4 items / 1 error']);
      for (const engine of ['auto', 'pytest']) expect(header(process.execPath, [cli, '--no-cache', '--engine', engine]), engine).toEqual(pytest);
    });
  });
});
