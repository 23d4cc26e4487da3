// The CLI's contract: pytest's flags and exit codes, one-line errors, discover output.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = process.env.CLI_UNDER_TEST ?? join(__dirname, '..', 'dist', 'cli.js');
let demo: string;
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-cli-'));
  demo = join(work, 'demo');
  cpSync(join(__dirname, '..', 'examples', 'demo'), demo, { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fastest(args: string[], cwd = demo, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('fastest CLI', () => {
  it('prints help and version', () => {
    expect(fastest(['--help']).out).toMatch(/^usage: fastest/);
    expect(fastest(['--version']).out).toMatch(/^fastest \d/);
  });

  it("refuses an option pytest refuses with pytest's own message, exit 4", () => {
    const unknown = fastest(['--no-such-flag']);
    expect(unknown.code).toBe(4);
    expect(unknown.err).toMatch(
      /^ERROR: usage: pytest \[options\] \[file_or_dir\] \[file_or_dir\] \[\.\.\.\]\npytest: error: unrecognized arguments: --no-such-flag\n/,
    );
    expect(unknown.err).not.toContain('does not support');
  });

  it('reports a bad -k expression like pytest, exit 4', () => {
    const r = fastest(['discover', '-k', 'cart and']);
    expect(r.code).toBe(4);
    expect(r.err).toContain("Wrong expression passed to '-k': cart and: at column 9: expected not OR left parenthesis OR identifier; got end of input");
  });

  it('reports a missing path, exit 4', () => {
    const r = fastest(['discover', 'tests/nope.py']);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/file or directory not found: tests\/nope.py/);
  });

  it("reports a malformed config file with file and line, and pytest's exit code (1: shlex's ValueError)", () => {
    const dir = join(work, 'badini');
    cpSync(demo, dir, { recursive: true });
    writeFileSync(join(dir, 'pytest.ini'), '[pytest]\naddopts = "unclosed\n');
    const r = fastest(['discover'], dir);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/pytest\.ini:2/);
  });

  it('discover --json gives ids, files, lines, marks and the dynamic flag', () => {
    const r = fastest(['discover', '--json', '-m', 'slow']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out);
    expect(data.tests).toEqual([
      { id: 'tests/test_cart.py::TestRepeatedAdds::test_many_items', file: 'tests/test_cart.py', line: 35, marks: ['slow'], dynamic: false },
    ]);
    expect(data.deselected).toBe(13);
  });

  it('discover prints like pytest --collect-only -q, with deselected counts', () => {
    const r = fastest(['discover', '-k', 'slugify']);
    expect(r.out).toMatch(/^tests\/test_text.py::test_slugify\[Hello World-hello-world\]\n/);
    expect(r.out).toMatch(/3\/14 tests collected \(11 deselected\) in \d+\.\d\ds\n$/);
  });

  it('exits 5 when no tests are collected', () => {
    expect(fastest(['discover', '-k', 'nothing_matches_this']).code).toBe(5);
    expect(fastest(['-k', 'nothing_matches_this']).code).toBe(5);
  });

  it('honours addopts from the config and PYTEST_ADDOPTS', () => {
    const r = fastest(['discover'], demo, { PYTEST_ADDOPTS: '-m slow' });
    expect(r.out + r.err).toMatch(/1\/14 tests collected \(13 deselected\)/);
  });

  it("--show-engines says which engine ran each module and why it fell back; -v prints pytest's lines only", () => {
    const dir = join(work, 'engines');
    cpSync(demo, dir, { recursive: true });
    writeFileSync(join(dir, 'tests', 'test_plugin.py'), 'def test_uses_plugin_fixture(worker_id):\n    assert worker_id == "master"\n');
    // pytest-xdist's `worker_id`: its plugin autoloaded, as where it is installed
    const plugins = { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '' };
    const verbose = fastest(['-v'], dir, plugins);
    expect(verbose.out).toContain('tests/test_plugin.py::test_uses_plugin_fixture PASSED');
    expect(verbose.out).not.toMatch(/ engine( \(|$)/m);
    const r = fastest(['-v', '--show-engines'], dir, plugins);
    expect(r.out).toMatch(/^tests\/test_cart.py: native engine$/m);
    expect(r.out).toMatch(/^tests\/test_plugin.py: pytest engine \(fixture 'worker_id' is not defined by the module, its conftests or the native builtins\)$/m);
    expect(r.out).toContain('tests/test_plugin.py::test_uses_plugin_fixture PASSED');
    // -q: each module's line on a line of its own, not after the progress characters, and once
    const quiet = fastest(['-q', '--show-engines'], dir, plugins);
    const engineLines = quiet.out.split('\n').filter((line) => line.includes(' engine'));
    expect(engineLines.length).toBeGreaterThan(1);
    for (const line of engineLines) expect(line).toMatch(/^tests\/test_\w+\.py: (native|pytest) engine/);
    expect(new Set(engineLines).size).toBe(engineLines.length);
  });

  it('--show-engines is not handed to pytest when --strict-config asks pytest about the ini keys (structlog)', () => {
    const dir = join(work, 'engines-strict-config');
    cpSync(demo, dir, { recursive: true });
    const pyproject = join(dir, 'pyproject.toml');
    writeFileSync(
      pyproject,
      readFileSync(pyproject, 'utf8').replace('[tool.pytest.ini_options]\n', '[tool.pytest.ini_options]\naddopts = ["--strict-config"]\n'),
    );
    const r = fastest(['--show-engines'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^tests\/test_cart.py: native engine$/m);
  });

  it('fences what tests print under -s on GitHub Actions', () => {
    const dir = join(work, 'fence-s');
    cpSync(demo, dir, { recursive: true });
    writeFileSync(join(dir, 'tests', 'test_print.py'), 'def test_prints():\n    print("::error::injected")\n    print("::set-output name=x::1")\n');
    const r = fastest(['-s', 'tests/test_print.py'], dir, { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    let fence: string | null = null;
    for (const line of lines) {
      const open = /^::stop-commands::(.+)$/.exec(line);
      if (open) fence = open[1];
      else if (fence && line === `::${fence}::`) fence = null;
      else if (!fence) expect(line).not.toMatch(/^::(error|set-output)/);
    }
    expect(r.out).toContain('::error::injected');
  });

  it('accepts options a conftest adds with pytest_addoption (pytest docs --runslow)', () => {
    const dir = join(work, 'runslow');
    cpSync(demo, dir, { recursive: true });
    writeFileSync(
      join(dir, 'conftest.py'),
      [
        'import pytest',
        'def pytest_addoption(parser):',
        '    parser.addoption("--runslow", action="store_true", default=False, help="run slow tests")',
        '    parser.addoption("--env", default="dev")',
        'def pytest_collection_modifyitems(config, items):',
        '    if config.getoption("--runslow"):',
        '        return',
        '    skip_slow = pytest.mark.skip(reason="need --runslow option to run")',
        '    for item in items:',
        '        if "slow" in item.keywords:',
        '            item.add_marker(skip_slow)',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'tests', 'test_env.py'), 'def test_env(pytestconfig):\n    assert pytestconfig.getoption("--env") == "prod"\n');
    expect(fastest(['-q', '--runslow']).code).toBe(4); // the demo's own conftest adds no options
    const r = fastest(['-q', '--runslow', '--env', 'prod'], dir);
    expect(r.out).toMatch(/13 passed, 1 skipped, 1 xfailed in/);
    expect(r.code).toBe(0);
    const without = fastest(['-q', '--env=prod'], dir);
    expect(without.out).toMatch(/12 passed, 2 skipped, 1 xfailed in/);
    expect(fastest(['--runfast'], dir).code).toBe(4);
  });

  it("knows the options of the conftest.py files pytest loads first: a start directory's test* subdirectories too", () => {
    // pytest loads tests/conftest.py before parsing the command line when run from the root
    // (PytestPluginManager._try_load_conftest): its --runslow is an option there, read without a
    // pytest start, and the modules run natively; a conftest pytest does not load first adds none.
    const dir = mkdtempSync(join(work, 'test-subdir-'));
    const optionConftest = 'def pytest_addoption(parser):\n    parser.addoption("--{name}", action="store_true")\n';
    for (const [sub, name] of [
      ['tests', 'runslow'],
      ['other', 'elsewhere'],
    ]) {
      mkdirSync(join(dir, sub!));
      writeFileSync(join(dir, sub!, 'conftest.py'), optionConftest.replace('{name}', name!));
      writeFileSync(join(dir, sub!, `test_${sub!}.py`), 'def test_plain():\n    pass\n');
    }
    writeFileSync(join(dir, 'tests', 'test_opt.py'), 'def test_opt(pytestconfig):\n    assert pytestconfig.getoption("--runslow")\n');
    writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
    const pytest = (args: string[]) => {
      const r = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, GITHUB_ACTIONS: '' },
      });
      return {
        code: r.status,
        closing: r.stdout
          .trimEnd()
          .split('\n')
          .pop()
          ?.replace(/ in [\d.]+s$/, ''),
      };
    };
    for (const args of [
      ['-q', '--runslow', 'tests'],
      ['-q', '--runslow'],
      ['-q', '--runslow', 'tests/test_opt.py'],
      ['-q', '--elsewhere', 'tests'],
    ]) {
      const expected = pytest(args);
      const r = fastest(['-p', 'no:cacheprovider', '--show-engines', ...args], dir);
      expect({
        args,
        code: r.code,
        closing: r.out
          .trimEnd()
          .split('\n')
          .pop()
          ?.replace(/ in [\d.]+s$/, ''),
      }).toEqual({ args, ...expected });
      if (r.code === 0) expect(r.out).toContain('tests/test_opt.py: native engine\n');
    }
    expect(pytest(['-q', '--elsewhere', 'tests']).code).toBe(4);
  });

  it('-c /dev/null (no config) runs as pytest runs it: /dev is the rootdir, the tests lie outside it', () => {
    const dir = mkdtempSync(join(work, 'devnull-'));
    writeFileSync(join(dir, 'pytest.ini'), '[pytest]\naddopts = --no-such-option\n');
    writeFileSync(join(dir, 'test_ok.py'), 'def test_ok():\n    pass\n');
    for (const args of [
      ['-c', '/dev/null', '--co', '-q'],
      ['--config-file=/dev/null', '-v'],
    ]) {
      const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, GITHUB_ACTIONS: '' },
      });
      const f = fastest(['-p', 'no:cacheprovider', ...args], dir);
      const lines = (out: string) =>
        out
          .split('\n')
          .filter((line) => /::|passed|tests? collected|^rootdir|^configfile/.test(line))
          .map((line) => line.replace(/ in [\d.]+s/, ''));
      expect({ args, code: f.code, lines: lines(f.out) }).toEqual({ args, code: p.status, lines: lines(p.stdout) });
      expect(p.status).toBe(0);
    }
  });

  it('-p no:<pytest plugin whose work fastest does itself>, or such a plugin blocked with its option given: as pytest', () => {
    const dir = mkdtempSync(join(work, 'blocked-'));
    writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
    writeFileSync(
      join(dir, 'test_q.py'),
      [
        'import unittest, pytest',
        'class T(unittest.TestCase):',
        '    def test_u(self):',
        '        pass',
        '@pytest.mark.skip(reason="s")',
        'def test_s():',
        '    pass',
        '@pytest.mark.xfail',
        'def test_x():',
        '    assert 0',
        'def test_capsys(capsys):',
        '    print("hi")',
        '',
      ].join('\n'),
    );
    const cases = [
      ['-p', 'no:capture'],
      ['-p', 'no:unittest'],
      ['-p', 'no:skipping'],
      ['-p', 'no:terminal'],
      ['-p', 'no:python'],
      ['-p', 'no:warnings'],
      ['-p', 'no:cacheprovider', '--lf'],
      ['-p', 'no:junitxml', '--junitxml=x.xml'],
      ['-p', 'no:logging', '--log-level=INFO'],
    ];
    const closing = (out: string) => (out.trimEnd().split('\n').pop() ?? '').replace(/ in [\d.]+s$/, '');
    for (const args of cases) {
      const p = spawnSync('python3', ['-m', 'pytest', '-q', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
      const f = fastest(['-q', ...args], dir);
      expect({ args, code: f.code, closing: closing(f.out) }).toEqual({ args, code: p.status, closing: closing(p.stdout) });
    }
  });

  it('counts deselected tests in the closing line like pytest', () => {
    expect(fastest(['-q', '-k', 'cart']).out).toMatch(/^8 passed, 6 deselected in \d+\.\d\ds$/m);
  });
});
