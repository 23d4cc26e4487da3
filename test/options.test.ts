// Every pytest option is accepted and does what it does under pytest (issue 13, items 1, 4, 5).
// The option list comes from pytest's own parser at test time (plugins off), so a new pytest
// option shows up here without anyone adding it.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args.js';
import { hasModule } from './helpers/against-pytest.js';
import { OPTIONS_EFFECTS, OPTIONS_OUTPUT, REGISTRY } from './helpers/option-registry.js';

const repo = join(__dirname, '..');
const cli = process.env.CLI_UNDER_TEST ?? join(repo, 'dist', 'cli.js');
// (the `pytest` script's entry point: pytest 9.1 deprecates console_main for _console_main)
const PYTEST_AS_TYPED =
  'import sys; sys.argv[0] = "pytest"; import pytest, _pytest.config as c; sys.exit((getattr(c, "_console_main", None) or pytest.console_main)())';
let work: string;

interface Ran {
  code: number | null;
  out: string;
  err: string;
}

function runAsync(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, input = ''): Promise<Ran> {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, GITHUB_ACTIONS: '', CI: '', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input);
    child.on('close', (code) => resolvePromise({ code, out, err }));
  });
}

const fastest = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, input = '') => runAsync(process.execPath, [cli, ...args], cwd, env, input);
const pytest = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, input = '') => runAsync('python3', ['-c', PYTEST_AS_TYPED, ...args], cwd, env, input);

/** The closing line without its time: `==== 1 passed, 1 skipped in 0.12s ====` -> `1 passed, 1 skipped`. */
function closing(text: string): string {
  const lines = text.trimEnd().split('\n');
  const last = lines[lines.length - 1] ?? '';
  return last
    .replace(/\x1b\[[0-9;]*m/g, '')
    .replace(/^=+ | =+$/g, '')
    .replace(/ in [\d.]+s( \([^)]*\))?$/, '');
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return results;
}

function project(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const PLUGINS_OFF = { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' };
// pytest-benchmark's tests: the installed plugins autoloaded (test/global-setup.ts turns that off)
const PLUGINS_ON = { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '' };

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-options-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface ParserOption {
  names: string[];
  nargs: number | string | null;
  choices: string[] | null;
}

/** A valid value for each pytest option that takes one (choices take their first). */
const VALUES: Record<string, string> = {
  '-k': 'test',
  '-m': 'not slow',
  '--maxfail': '3',
  '--pdbcls': 'pdb:Pdb',
  '--durations': '1',
  '--durations-min': '0.5',
  '--verbosity': '0',
  '-r': 'a',
  '--junitxml': 'out.xml',
  '--junitprefix': 'pre',
  '-W': 'ignore::DeprecationWarning',
  '--ignore': 'nothing',
  '--ignore-glob': 'nothing*',
  '--deselect': 'nothing.py::x',
  '--confcutdir': '.',
  '--doctest-glob': '*.rst',
  '-c': 'pytest.ini',
  '--rootdir': '.',
  '--basetemp': 'basetemp',
  '-p': 'no:cacheprovider',
  '-o': 'console_output_style=classic',
  '--log-level': 'INFO',
  '--log-format': '%(message)s',
  '--log-date-format': '%H',
  '--log-cli-level': 'INFO',
  '--log-cli-format': '%(message)s',
  '--log-cli-date-format': '%H',
  '--log-file': 'run.log',
  '--log-file-level': 'INFO',
  '--log-file-format': '%(message)s',
  '--log-file-date-format': '%H',
  '--log-auto-indent': 'on',
  '--log-disable': 'nothing',
  '--lfnf': 'all',
  '--pastebin': 'failed',
  '--max-warnings': '10',
};

function valueOf(option: ParserOption): string | null {
  if (option.nargs === 0 || option.nargs === '?') return null;
  const value = VALUES[option.names[0]] ?? option.choices?.[0];
  if (value === undefined) throw new Error(`no test value for ${option.names.join('/')}: add one to VALUES`);
  return value;
}

const SIMPLE = {
  'pytest.ini': '[pytest]\nmarkers =\n    slow: a slow test\n',
  'test_a.py':
    'import logging\nimport pytest\n\ndef test_pass():\n    logging.getLogger("a").info("hello")\n    assert 1\n\n@pytest.mark.skip(reason="no")\ndef test_skip():\n    pass\n',
};

describe('every option of pytest --help (plugins off)', () => {
  it("is accepted, with pytest's exit code and closing line", async () => {
    const listing = execFileSync(
      'python3',
      [
        '-c',
        [
          'import json',
          'from _pytest.config import get_config',
          'p = get_config([])._parser',
          'ap = getattr(p, "optparser", None) or p._getparser()',
          'print(json.dumps([{"names": a.option_strings, "nargs": a.nargs, "choices": list(a.choices) if a.choices else None} for a in ap._actions if a.option_strings]))',
        ].join('\n'),
      ],
      { encoding: 'utf8', env: { ...process.env, ...PLUGINS_OFF } },
    );
    const options = JSON.parse(listing) as ParserOption[];
    expect(options.length).toBeGreaterThan(85);
    const base = project('every-option', SIMPLE);
    // every spelling through fastest's parser; each option end to end (its first spelling).
    // pytest 9.1's `--report-chars` (-r's long spelling) is left to pytest's parser, as a plugin's
    // option is: the probe answers it (pytest 9.0 refuses it, 9.1 runs it in the pytest engine).
    const leftToPytest = new Map([['--report-chars', 'one' as const]]);
    for (const option of options) {
      for (const name of option.names) {
        const args = valueOf(option) === null ? [name] : [name, valueOf(option)!];
        expect(() => parseArgs(args, new Map(), leftToPytest), args.join(' ')).not.toThrow();
      }
    }
    // End to end here: the options whose effect test (test/helpers/option-registry.ts) is not one
    // of options-output's or options-effects', which run the option against pytest and compare the
    // exit code and the output, closing line included; running those again here proves nothing more.
    const comparedElsewhere = (option: ParserOption) => [OPTIONS_OUTPUT, OPTIONS_EFFECTS].includes(REGISTRY[option.names[0]]?.file ?? '');
    const cases = options
      .filter((option) => !comparedElsewhere(option))
      .map((option) => ({
        name: option.names[0],
        args: valueOf(option) === null ? [option.names[0]] : [option.names[0], valueOf(option)!],
      }));
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(['--markers', '--fixtures', '--doctest-glob']));
    const ran = await inBatches(cases, 4, async ({ name, args }) => {
      // each option in a copy of its own: --sw, --lf, --basetemp, --log-file write into it
      const dir = join(work, `opt${name.replace(/[^a-z0-9]/gi, '_')}`);
      cpSync(base, dir, { recursive: true });
      const input = 'c\nc\nc\nc\n'; // --trace stops at each test's start
      const [f, p] = await Promise.all([fastest(args, dir, PLUGINS_OFF, input), pytest(args, dir, PLUGINS_OFF, input)]);
      return { name, args, f, p };
    });
    const refused = ran.filter((r) => r.f.code === 4 || /unsupported|does not support|unrecognized/.test(r.f.err));
    expect(refused.map((r) => `${r.args.join(' ')}: ${r.f.err}`)).toEqual([]);
    // fastest's own help and version are fastest's
    const compared = ran.filter((r) => !['-h', '--help', '-V', '--version'].includes(r.name));
    const exitDiffers = compared.filter((r) => r.f.code !== r.p.code);
    expect(exitDiffers.map((r) => `${r.args.join(' ')}: fastest ${r.f.code}, pytest ${r.p.code}\n${r.f.err}`)).toEqual([]);
    const closingDiffers = compared.filter((r) => closing(r.f.out) !== closing(r.p.out));
    expect(closingDiffers.map((r) => `${r.args.join(' ')}: fastest '${closing(r.f.out)}', pytest '${closing(r.p.out)}'`)).toEqual([]);
  }, 600_000);
});

describe("fastest's own flags", () => {
  it('are left out of what pytest gets (a real pytest session, the strict-config check)', async () => {
    const dir = project('own-flags', { ...SIMPLE, 'pytest.ini': '[pytest]\nstrict = true\nmarkers =\n    slow: a slow test\n' });
    const own = ['--no-cache', '--json', 'out.json', '-n', '1', '--engine', 'auto', '--timeout', '30'];
    const session = await fastest([...own, '--markers'], dir, PLUGINS_OFF);
    expect({ code: session.code, err: session.err }).toEqual({ code: 0, err: '' });
    const strict = await fastest(own, dir, PLUGINS_OFF);
    expect({ code: strict.code, err: strict.err }).toEqual({ code: 0, err: '' });
  }, 60_000);
});

describe("pytest-xdist's --dist", () => {
  it('keeps the run in fastest (modules whole on a worker) except each and loadgroup, which real pytest runs', () => {
    for (const mode of ['load', 'loadscope', 'loadfile', 'worksteal', 'no']) {
      const options = parseArgs(['--dist', mode]);
      expect(options.dist).toBe(mode);
      expect(options.routes).toEqual([]);
    }
    expect(parseArgs(['--dist=loadgroup']).routes).toEqual([{ option: '--dist', route: 'session' }]);
    expect(parseArgs(['--dist', 'each']).routes).toEqual([{ option: '--dist', route: 'session' }]);
    expect(() => parseArgs(['--dist', 'nope'])).toThrow(/argument --dist: invalid choice: 'nope'/);
  });
});

describe('options pytest refuses', () => {
  it("are refused with pytest's own message and exit 4", async () => {
    const dir = project('refused', SIMPLE);
    for (const args of [['--no-such-option'], ['--lfnf=sometimes'], ['--capture=both'], ['--maxfail', 'x'], ['--durations=x']]) {
      const [f, p] = await Promise.all([fastest(args, dir, PLUGINS_OFF), pytest(args, dir, PLUGINS_OFF)]);
      expect({ args, code: f.code }).toEqual({ args, code: 4 });
      expect(p.code).toBe(4);
      if (args[0] === '--no-such-option' || args[0] === '--lfnf=sometimes') expect(f.err).toBe(p.err);
      else
        expect(f.err).toContain(
          p.err
            .split('\n')
            .find((l) => l.includes('error:'))!
            .replace(/^pytest: error: /, ''),
        );
    }
  }, 120_000);
});

describe('what options do, against pytest', () => {
  const FAILING = {
    'pytest.ini': '[pytest]\n',
    'test_f.py':
      'def helper(v):\n    return v + 1\n\ndef test_locals():\n    answer = 41\n    print("said something")\n    assert helper(answer) == 43\n\ndef test_ok():\n    assert True\n',
  };

  it("-l shows the failing frame's locals (natively too)", async () => {
    const dir = project('showlocals', FAILING);
    const [f, p] = await Promise.all([fastest(['-l'], dir, PLUGINS_OFF), pytest(['-l'], dir, PLUGINS_OFF)]);
    expect(f.code).toBe(p.code);
    const locals = p.out.split('\n').filter((l) => /^answer\s+= 41$/.test(l));
    expect(locals).toHaveLength(1);
    expect(f.out.split('\n').filter((l) => /^answer\s+= 41$/.test(l))).toEqual(locals);
    const without = await fastest([], dir, PLUGINS_OFF);
    expect(without.out).not.toMatch(/^answer\s+= 41$/m);
  }, 60_000);

  it('--max-warnings and the max_warnings ini act as the installed pytest makes them (9.1: exit 6 past the budget; older: refused)', async () => {
    const files = { 'pytest.ini': '[pytest]\n', 'test_w.py': 'import warnings\n\ndef test_w():\n    warnings.warn("careful")\n' };
    const dir = project('max-warnings', files);
    const [f, p] = await Promise.all([fastest(['--max-warnings', '0'], dir, PLUGINS_OFF), pytest(['--max-warnings', '0'], dir, PLUGINS_OFF)]);
    expect(f.code).toBe(p.code);
    expect(closing(f.out)).toBe(closing(p.out));
    const budget = (text: string) => text.split('\n').filter((l) => l.includes('maximum allowed warnings exceeded'));
    expect(budget(f.out)).toEqual(budget(p.out));
    const ini = project('max-warnings-ini', { ...files, 'pytest.ini': '[pytest]\nmax_warnings = 0\n' });
    const [fi, pi] = await Promise.all([fastest([], ini, PLUGINS_OFF), pytest([], ini, PLUGINS_OFF)]);
    expect(fi.code).toBe(pi.code);
    expect(closing(fi.out)).toBe(closing(pi.out));
    expect(budget(fi.out)).toEqual(budget(pi.out));
  }, 60_000);

  it('negative --maxfail and --durations, which pytest accepts: a stop at the first failure; all but the last -N durations', async () => {
    const dir = project('negative-ints', {
      'pytest.ini': '[pytest]\n',
      'test_n.py':
        'import time\n\ndef test_a():\n    assert 0\n\ndef test_b():\n    assert 0\n\ndef test_c():\n    time.sleep(0.02)\n\ndef test_d():\n    time.sleep(0.01)\n',
    });
    // (-vv alone: every phase's duration is listed, however short, so the counts do not depend on
    // how long a phase took on a loaded machine)
    for (const args of [
      ['-q', '--maxfail=-1'],
      ['--durations=-1', '-vv'],
      ['--durations', '-2', '-vv'],
    ]) {
      const [f, p] = await Promise.all([fastest(['-n', '1', ...args], dir, PLUGINS_OFF), pytest(args, dir, PLUGINS_OFF)]);
      expect(f.code, f.out + f.err).toBe(p.code);
      expect(closing(f.out)).toBe(closing(p.out));
      // the heading and how many entries (which of equal durations is left out is either's choice)
      const durations = (text: string) => {
        const lines = text.split('\n');
        return [lines.filter((l) => l.includes('slowest')), lines.filter((l) => /^\d+\.\d\ds (setup|call|teardown) /.test(l)).length];
      };
      expect(durations(f.out)).toEqual(durations(p.out));
    }
  }, 60_000);

  it('--show-capture=no drops the captured output sections; --no-header the header lines', async () => {
    const dir = project('showcapture', FAILING);
    const [f, p] = await Promise.all([
      fastest(['--show-capture=no', '--no-header'], dir, PLUGINS_OFF),
      pytest(['--show-capture=no', '--no-header'], dir, PLUGINS_OFF),
    ]);
    expect(f.code).toBe(p.code);
    for (const r of [f, p]) {
      expect(r.out).not.toContain('Captured stdout call');
      expect(r.out).not.toMatch(/^(platform|rootdir:|configfile:)/m);
    }
    const shown = await fastest([], dir, PLUGINS_OFF);
    expect(shown.out).toContain('Captured stdout call');
  }, 60_000);

  it('informational options print what pytest prints', async () => {
    const dir = project('informational', { ...SIMPLE, 'conftest.py': 'import pytest\n\n@pytest.fixture\ndef thing():\n    """A thing."""\n    return 1\n' });
    for (const args of [['--markers'], ['--fixtures'], ['--setup-plan'], ['--fixtures-per-test']]) {
      const [f, p] = await Promise.all([fastest(args, dir, PLUGINS_OFF), pytest(args, dir, PLUGINS_OFF)]);
      expect({ args, code: f.code }).toEqual({ args, code: p.code });
      const noTimes = (s: string) => s.replace(/ in [\d.]+s/g, '');
      expect(noTimes(f.out)).toBe(noTimes(p.out));
    }
  }, 120_000);

  it('--sw stops at the first failure and starts there next time, as pytest', async () => {
    const files = { 'pytest.ini': '[pytest]\n', 'test_s.py': 'def test_1():\n    pass\n\ndef test_2():\n    assert 0\n\ndef test_3():\n    pass\n' };
    const fdir = project('sw-f', files);
    const pdir = project('sw-p', files);
    for (let round = 0; round < 2; round++) {
      const [f, p] = await Promise.all([fastest(['--sw', '-q'], fdir, PLUGINS_OFF), pytest(['--sw', '-q'], pdir, PLUGINS_OFF)]);
      expect(f.code).toBe(p.code);
      expect(closing(f.out)).toBe(closing(p.out));
    }
  }, 60_000);

  it("--strict-config: unknown ini keys are pytest's usage error; known ones run in fastest", async () => {
    const bad = project('strict-bad', { 'pytest.ini': '[pytest]\nbogus_key = 1\n', 'test_a.py': 'def test_a():\n    pass\n' });
    const [f, p] = await Promise.all([fastest(['--strict-config'], bad, PLUGINS_OFF), pytest(['--strict-config'], bad, PLUGINS_OFF)]);
    expect(p.code).toBe(4);
    expect(f.code).toBe(4);
    expect(f.err).toBe(p.err);
    // pytest 9 lets `--strict-config` in addopts pass unknown keys (a warning): so does fastest
    const inAddopts = project('strict-addopts', {
      'pytest.ini': '[pytest]\naddopts = --strict-config\nbogus_key = 1\n',
      'test_a.py': 'def test_a():\n    pass\n',
    });
    const [fa, pa] = await Promise.all([fastest([], inAddopts, PLUGINS_OFF), pytest([], inAddopts, PLUGINS_OFF)]);
    expect(fa.code).toBe(pa.code);
    const good = project('strict-good', { 'pytest.ini': '[pytest]\nmarkers =\n    slow: slow\n', 'test_a.py': 'def test_a():\n    pass\n' });
    const ok = await fastest(['--strict-config'], good, PLUGINS_OFF);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/engine: auto/); // fastest ran it, natively
  }, 60_000);

  it("--cache-clear empties pytest's cache before --lf reads it", async () => {
    const files = { 'pytest.ini': '[pytest]\n', 'test_c.py': 'def test_ok():\n    pass\n\ndef test_bad():\n    assert 0\n' };
    const fdir = project('cacheclear-f', files);
    const pdir = project('cacheclear-p', files);
    await Promise.all([fastest(['-q'], fdir, PLUGINS_OFF), pytest(['-q'], pdir, PLUGINS_OFF)]);
    const args = ['-q', '--lf', '--cache-clear'];
    const [f, p] = await Promise.all([fastest(args, fdir, PLUGINS_OFF), pytest(args, pdir, PLUGINS_OFF)]);
    expect(closing(p.out)).toBe('1 failed, 1 passed');
    expect(closing(f.out)).toBe(closing(p.out));
  }, 60_000);

  it('--doctest-modules runs the doctests (listed by discovery, run in the pytest engine)', async () => {
    const dir = project('doctests', {
      'pytest.ini': '[pytest]\n',
      'mod.py': 'def twice(x):\n    """\n    >>> twice(2)\n    4\n    >>> twice(3)\n    7\n    """\n    return 2 * x\n',
      'test_m.py': 'def test_m():\n    pass\n',
    });
    const [f, p] = await Promise.all([fastest(['--doctest-modules'], dir, PLUGINS_OFF), pytest(['--doctest-modules'], dir, PLUGINS_OFF)]);
    expect(p.code).toBe(1);
    expect(f.code).toBe(1);
    expect(closing(f.out)).toBe(closing(p.out));
  }, 60_000);
});

describe.skipIf(!hasModule('pytest_benchmark'))('plugin options and plugins that look for xdist (pytest-benchmark)', () => {
  const BENCH = {
    'pytest.ini': '[pytest]\nfilterwarnings =\n    error\n',
    'test_bench.py': 'def test_bench(benchmark):\n    assert benchmark(lambda: 2 * 21) == 42\n',
    'test_plain.py': 'def test_plain():\n    pass\n',
  };

  it("with filterwarnings = error, outcomes are plain pytest's (no xdist warning turned error)", async () => {
    const dir = project('bench-error', BENCH);
    const p = await pytest(['-q', '-p', 'no:cacheprovider'], dir, PLUGINS_ON);
    expect(p.code).toBe(0);
    for (const engine of ['auto', 'pytest']) {
      const f = await fastest(['-q', '-n', '2', '--engine', engine], dir, PLUGINS_ON);
      expect({ engine, code: f.code, err: f.err }).toEqual({ engine, code: 0, err: '' });
      expect(closing(f.out)).toBe('2 passed');
      expect(f.out).not.toContain('ERROR collecting');
    }
  }, 120_000);

  it("accepts plugin options on the command line and in addopts; pytest's parser refuses bad values", async () => {
    const dir = project('bench-opts', { ...BENCH, 'pytest.ini': '[pytest]\naddopts = --benchmark-disable\n' });
    const f = await fastest(['-q', '--benchmark-min-rounds', '2'], dir, PLUGINS_ON);
    expect(f.code).toBe(0);
    expect(closing(f.out)).toBe('2 passed');
    const bad = ['--benchmark-min-rounds=many'];
    const [fb, pb] = await Promise.all([fastest(bad, dir, PLUGINS_ON), pytest(bad, dir, PLUGINS_ON)]);
    expect(pb.code).toBe(4);
    expect(fb.code).toBe(4);
    expect(fb.err).toBe(pb.err);
  }, 120_000);
});

describe('a pytest engine that cannot start', () => {
  it('is one session error with its cause, not a collection error per module', async () => {
    // a `-p` plugin whose pytest_configure fails; the tests use its fixture, so auto sends them to pytest
    const dir = project('engine-start', {
      'pytest.ini': '[pytest]\n',
      'myplug.py':
        'import pytest\n\ndef pytest_configure(config):\n    raise RuntimeError("no database here")\n\n@pytest.fixture\ndef thing():\n    return 1\n',
      'test_1.py': 'def test_1(thing):\n    pass\n',
      'test_2.py': 'def test_2(thing):\n    pass\n',
    });
    const env = { ...PLUGINS_OFF, PYTHONPATH: dir };
    const p = await pytest(['-p', 'myplug'], dir, env);
    expect(p.code).toBe(3);
    for (const engine of ['auto', 'pytest']) {
      const f = await fastest(['-p', 'myplug', '--engine', engine, '-n', '2'], dir, env);
      expect({ engine, code: f.code }).toEqual({ engine, code: 3 });
      expect(f.out + f.err).toContain('RuntimeError: no database here');
      expect(f.out).not.toContain('ERROR collecting');
    }
  }, 60_000);
});

describe("pytest-timeout's settings", () => {
  it('the `timeout` ini and PYTEST_TIMEOUT end a hung test as --timeout does', async () => {
    const dir = project('timeout-ini', {
      'pytest.ini': '[pytest]\ntimeout = 2\n',
      'test_hang.py': 'import time\n\ndef test_hangs():\n    time.sleep(300)\n\ndef test_fine():\n    pass\n',
    });
    const f = await fastest(['-q', '-n', '1'], dir, PLUGINS_OFF);
    expect(f.code).toBe(1);
    expect(f.out).toContain('Timeout (>2.0s)');
    expect(closing(f.out)).toBe('1 failed, 1 passed');
    const fromEnv = project('timeout-env', { 'pytest.ini': '[pytest]\n', 'test_hang.py': 'import time\n\ndef test_hangs():\n    time.sleep(300)\n' });
    const e = await fastest(['-q'], fromEnv, { ...PLUGINS_OFF, PYTEST_TIMEOUT: '2' });
    expect(e.code).toBe(1);
    expect(e.out).toContain('Timeout (>2.0s)');
  }, 90_000);
});
