// Issue 15 items 1-2: pytest-rerunfailures' retries without the plugin. Tests fail a set number
// of times (their attempts counted in files of a temporary directory); the expected console
// lines are what pytest-rerunfailures 16.6 prints for the same suite (checked by hand against
// the plugin's source at pytest-dev/pytest-rerunfailures eab650f, which is not installable here).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkerFrame } from '../src/runner/frames.js';

const run = promisify(execFile);
const cli = join(__dirname, '..', 'dist', 'cli.js');
let top: string;
let root: string;

const COUNTER = `import os


def attempt(name):
    """How many times this has been called for \`name\` in this run (1 the first time)."""
    path = os.path.join(os.environ["RERUN_COUNTS"], name)
    n = int(open(path).read()) + 1 if os.path.exists(path) else 1
    with open(path, "w") as f:
        f.write(str(n))
    return n


def log(line):
    with open(os.path.join(os.environ["RERUN_COUNTS"], "log"), "a") as f:
        f.write(line + "\\n")
`;

const SUITE = `import pytest
from counter import attempt, log


@pytest.fixture(scope="module")
def module_fixture():
    log("module setup")
    yield
    log("module teardown")


@pytest.fixture
def per_test():
    log("function setup")
    yield
    log("function teardown")


def test_flaky(module_fixture, per_test):
    print("attempt of test_flaky")
    assert attempt("flaky") > 2, "fails twice"


def test_always():
    print("out of test_always")
    assert attempt("always") < 0, "never passes"


@pytest.fixture
def broken_once():
    if attempt("setup") == 1:
        raise RuntimeError("setup failed once")


def test_setup_flaky(broken_once):
    pass


@pytest.mark.flaky(reruns=1)
def test_marked_fails_twice():
    assert attempt("marked") > 2


def test_value_error_once():
    if attempt("value") == 1:
        raise ValueError("wrong value")


def test_timeout_once():
    if attempt("timeout") == 1:
        raise TimeoutError("too slow")


@pytest.mark.flaky(reruns=5, condition=False)
def test_condition_false():
    assert attempt("condition") > 1


@pytest.mark.xfail(reason="known")
def test_xfail():
    attempt("xfail")
    assert False


def test_skipped():
    attempt("skip")
    pytest.skip("not here")


def test_ok():
    pass
`;

beforeAll(() => {
  top = mkdtempSync(join(tmpdir(), 'fastest-reruns-'));
  root = join(top, 'main');
  mkdirSync(root);
  writeFileSync(join(root, 'pytest.ini'), '[pytest]\n');
  writeFileSync(join(root, 'counter.py'), COUNTER);
  writeFileSync(join(root, 'test_reruns.py'), SUITE);
  mkdirSync(join(top, 'ini'));
  writeFileSync(join(top, 'ini', 'pytest.ini'), '[pytest]\nreruns = 1\n');
  writeFileSync(join(top, 'ini', 'counter.py'), COUNTER);
  // Stands in for pytest-rerunfailures installed in the user's environment: its options, its mark,
  // and a pytest_runtest_protocol that would retry a second time (it logs when it runs).
  writeFileSync(
    join(root, 'pytest_rerunfailures.py'),
    [
      'from counter import log',
      '',
      '',
      'def pytest_addoption(parser):',
      '    group = parser.getgroup("rerunfailures")',
      '    group.addoption("--reruns", type=int, dest="reruns")',
      '    group.addoption("--reruns-delay", type=float, dest="reruns_delay")',
      '    group.addoption("--only-rerun", action="append", dest="only_rerun")',
      '    group.addoption("--rerun-except", action="append", dest="rerun_except")',
      '    group.addoption("--fail-on-flaky", action="store_true", dest="fail_on_flaky")',
      '    parser.addini("reruns", "number of times to re-run failed tests")',
      '',
      '',
      'def pytest_configure(config):',
      '    config.addinivalue_line("markers", "flaky(reruns=1): re-run")',
      '',
      '',
      'def pytest_runtest_protocol(item, nextitem):',
      '    log("plugin protocol")',
      '',
      '',
      'def pytest_runtest_teardown(item, nextitem):',
      '    log("plugin teardown")',
      '',
    ].join('\n'),
  );
  mkdirSync(join(top, 'warn'));
  writeFileSync(join(top, 'warn', 'pytest.ini'), '[pytest]\n');
  writeFileSync(join(top, 'warn', 'counter.py'), COUNTER);
  writeFileSync(
    join(top, 'warn', 'test_warn.py'),
    'import warnings\nfrom counter import attempt\n\n\ndef test_warns():\n    warnings.warn(UserWarning("each attempt"))\n    assert attempt("warn") > 1\n',
  );
  writeFileSync(join(top, 'ini', 'test_ini.py'), 'from counter import attempt\n\n\ndef test_once():\n    assert attempt("once") > 1\n');
});
afterAll(() => rmSync(top, { recursive: true, force: true }));

interface Run {
  code: number;
  out: string;
  json: {
    tests: { id: string; outcome: string; attempts?: { outcome: string; when: string; type: string | null; message: string | null }[] }[];
    totals: Record<string, number>;
  };
  xml: string;
  counts: Record<string, number>;
  log: string[];
}

let runs = 0;
async function fastest(args: string[], cwd = root, extraEnv: Record<string, string> = {}): Promise<Run> {
  const counts = join(cwd, `.counts-${runs++}`);
  mkdirSync(counts);
  const json = join(counts, 'out.json');
  const xml = join(counts, 'out.xml');
  const env = { ...process.env, RERUN_COUNTS: counts, PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1', GITHUB_ACTIONS: '', CI: '', PY_COLORS: '0', ...extraEnv };
  let code = 0;
  let out: string;
  try {
    out = (await run(process.execPath, [cli, '--no-cache', '-p', 'no:cacheprovider', '--json', json, '--junitxml', xml, ...args], { cwd, env })).stdout;
  } catch (error) {
    const e = error as { stdout?: string; code?: number };
    if (typeof e.code !== 'number') throw error;
    code = e.code;
    out = e.stdout ?? '';
  }
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  };
  const countsOf: Record<string, number> = {};
  for (const name of readdirSync(counts)) if (!name.includes('.') && name !== 'log') countsOf[name] = Number(read(join(counts, name)));
  const jsonText = read(json);
  return {
    code,
    out,
    json: jsonText ? JSON.parse(jsonText) : { tests: [], totals: {} },
    xml: read(xml),
    counts: countsOf,
    log: read(join(counts, 'log')).split('\n').filter(Boolean),
  };
}

const outcomeOf = (r: Run, name: string) => r.json.tests.find((t) => t.id === `test_reruns.py::${name}`);
const testcase = (xml: string, name: string) =>
  new RegExp(`<testcase classname="test_reruns" name="${name}"[^>]*?(?:/>|>([\\s\\S]*?)</testcase>)`).exec(xml)?.[1] ?? '';
const tags = (xml: string, tag: string) => (xml.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length;
const closing = (out: string) => out.trimEnd().split('\n').at(-1) ?? '';

const MODES: [string, string[]][] = [
  ['native engine', ['--engine', 'native']],
  ['pytest engine', ['--engine', 'pytest']],
  ['-n 2', ['-n', '2']],
];

describe.each(MODES)('--reruns 2 (%s)', (_name, modeArgs) => {
  let r: Run;
  let verbose: Run;
  beforeAll(async () => {
    [r, verbose] = await Promise.all([
      fastest([...modeArgs, '--reruns', '2', '--rerun-except', 'TimeoutError', '-rfER']),
      fastest([...modeArgs, '--reruns', '2', '--rerun-except', 'TimeoutError', '-v']),
    ]);
  }, 120_000);

  it('outcomes and attempt counts: a test that fails then passes is passed (flaky)', () => {
    expect(outcomeOf(r, 'test_flaky')?.outcome).toBe('passed');
    expect(r.counts.flaky).toBe(3);
    expect(outcomeOf(r, 'test_flaky')?.attempts?.map((a) => [a.outcome, a.when, a.type])).toEqual([
      ['failed', 'call', 'AssertionError'],
      ['failed', 'call', 'AssertionError'],
    ]);
    expect(outcomeOf(r, 'test_always')?.outcome).toBe('failed');
    expect(r.counts.always).toBe(3);
    expect(outcomeOf(r, 'test_always')?.attempts).toHaveLength(2);
    expect(outcomeOf(r, 'test_ok')?.attempts).toBeUndefined();
  });

  it('a setup failure is rerun, and the function fixture is torn down and set up again between attempts', () => {
    expect(outcomeOf(r, 'test_setup_flaky')?.outcome).toBe('passed');
    expect(outcomeOf(r, 'test_setup_flaky')?.attempts?.map((a) => [a.outcome, a.when])).toEqual([['error', 'setup']]);
    expect(r.counts.setup).toBe(2);
    // the module fixture stays set up across the reruns
    expect(r.log).toEqual([
      'module setup',
      'function setup',
      'function teardown',
      'function setup',
      'function teardown',
      'function setup',
      'function teardown',
      'module teardown',
    ]);
  });

  it('the flaky mark overrides --reruns; condition=False turns reruns off; xfail and skip are not rerun', () => {
    expect(outcomeOf(r, 'test_marked_fails_twice')?.outcome).toBe('failed');
    expect(r.counts.marked).toBe(2);
    expect(outcomeOf(r, 'test_condition_false')?.outcome).toBe('failed');
    expect(r.counts.condition).toBe(1);
    expect(outcomeOf(r, 'test_xfail')?.outcome).toBe('xfailed');
    expect(r.counts.xfail).toBe(1);
    expect(r.counts.skip).toBe(1);
  });

  it('--rerun-except: a failure matching it is not rerun', () => {
    expect(outcomeOf(r, 'test_timeout_once')?.outcome).toBe('failed');
    expect(r.counts.timeout).toBe(1);
    expect(outcomeOf(r, 'test_value_error_once')?.outcome).toBe('passed');
    expect(r.counts.value).toBe(2);
  });

  it('exit code, and the console as pytest-rerunfailures prints it', () => {
    expect(r.code).toBe(1);
    // 2 + 2 (always) + 1 (setup) + 1 (marked) + 1 (value error)
    expect(r.json.totals.rerun).toBe(7);
    expect(closing(r.out)).toMatch(/^=+ 4 failed, 4 passed, 1 skipped, 1 xfailed, 7 rerun in [\d.]+s =+$/);
    const progress = r.out.split('\n').find((l) => l.startsWith('test_reruns.py '));
    if (modeArgs[0] !== '-n') expect(progress).toMatch(/^test_reruns\.py RR\.RRFR\.RFR\.FFxs\. +\[100%\]$/);
    else expect(progress?.replace(/[^R]/g, '')).toBe('RRRRRRR');
    const summary = r.out.split('\n');
    const at = summary.indexOf('=========================== rerun test summary info ============================');
    expect(at).toBeGreaterThan(0);
    expect(summary.slice(at + 1, at + 8).sort()).toEqual(
      [
        'RERUN test_reruns.py::test_flaky',
        'RERUN test_reruns.py::test_flaky',
        'RERUN test_reruns.py::test_always',
        'RERUN test_reruns.py::test_always',
        'RERUN test_reruns.py::test_setup_flaky',
        'RERUN test_reruns.py::test_marked_fails_twice',
        'RERUN test_reruns.py::test_value_error_once',
      ].sort(),
    );
    expect(summary.findIndex((l) => l.includes(' short test summary info '))).toBeGreaterThan(at + 7);
  });

  it('-v: a RERUN line per attempt run again, before the final one', () => {
    const lines = verbose.out.split('\n').filter((l) => l.startsWith('test_reruns.py::test_flaky ') || l.startsWith('test_reruns.py::test_setup_flaky '));
    expect(lines.map((l) => l.replace(/ +\[ *\d+%\]$/, ''))).toEqual([
      'test_reruns.py::test_flaky RERUN',
      'test_reruns.py::test_flaky RERUN',
      'test_reruns.py::test_flaky PASSED',
      'test_reruns.py::test_setup_flaky RERUN',
      'test_reruns.py::test_setup_flaky PASSED',
    ]);
  });

  it('JUnit: flakyFailure/flakyError in a passed testcase, rerunFailure in a failed one, with the attempt output', () => {
    const flaky = testcase(r.xml, 'test_flaky');
    expect(tags(flaky, 'flakyFailure')).toBe(2);
    expect(tags(flaky, 'failure')).toBe(0);
    expect(flaky).toContain('type="AssertionError"');
    expect(flaky).toContain('<system-out>attempt of test_flaky\n</system-out>');
    expect(flaky).toMatch(/<flakyFailure message="AssertionError: fails twice[^"]*" type="AssertionError"><stackTrace>[\s\S]*E +AssertionError: fails twice/);
    const always = testcase(r.xml, 'test_always');
    expect(tags(always, 'failure')).toBe(1);
    expect(tags(always, 'rerunFailure')).toBe(2);
    expect(always).toContain('<system-out>out of test_always\n</system-out>');
    const setup = testcase(r.xml, 'test_setup_flaky');
    expect(tags(setup, 'flakyError')).toBe(1);
    expect(setup).toContain('message="RuntimeError: setup failed once"');
    expect(tags(testcase(r.xml, 'test_ok'), 'flakyFailure')).toBe(0);
    // suite totals count each test once
    expect(r.xml).toMatch(/<testsuite name="pytest" errors="0" failures="4" skipped="2" tests="10"/);
  });
});

describe('retries: options and settings', () => {
  it('--only-rerun: only failures whose "Type: message" matches are rerun', async () => {
    const r = await fastest([
      '--reruns',
      '1',
      '--only-rerun',
      'ValueError',
      '--only-rerun',
      '^RuntimeError: setup',
      '-k',
      'value_error or setup_flaky or flaky or timeout',
    ]);
    expect(outcomeOf(r, 'test_value_error_once')?.outcome).toBe('passed');
    expect(outcomeOf(r, 'test_setup_flaky')?.outcome).toBe('passed');
    expect(outcomeOf(r, 'test_flaky')?.outcome).toBe('failed');
    expect(r.counts.flaky).toBe(1);
    expect(outcomeOf(r, 'test_timeout_once')?.outcome).toBe('failed');
    expect(r.counts.timeout).toBe(1);
  }, 60_000);

  it('only flaky tests failing: exit 0, the closing line in yellow with its rerun count', async () => {
    const r = await fastest(['--reruns', '3', '-k', 'test_flaky or test_ok', '--color=yes']);
    expect(r.code).toBe(0);
    expect(closing(r.out)).toMatch(/\x1b\[32m2 passed\x1b\[0m, \x1b\[33m\x1b\[1m8 deselected\x1b\[0m, \x1b\[33m\x1b\[1m2 rerun\x1b\[0m\x1b\[33m in /);
    expect(r.out).toContain('\x1b[33mR\x1b[0m');
  }, 60_000);

  it('without --reruns nothing but a flaky mark reruns', async () => {
    const r = await fastest(['-k', 'test_flaky or marked']);
    expect(r.code).toBe(1);
    expect(r.counts.flaky).toBe(1);
    expect(outcomeOf(r, 'test_flaky')?.attempts).toBeUndefined();
    expect(r.counts.marked).toBe(2);
    expect(closing(r.out)).toMatch(/^=+ 2 failed, 8 deselected, 1 rerun in /);
  }, 60_000);

  it('the reruns ini option, in both engines', async () => {
    for (const engine of ['native', 'pytest']) {
      const r = await fastest(['--engine', engine], join(top, 'ini'));
      expect(r.code).toBe(0);
      expect(r.counts.once).toBe(2);
      expect(closing(r.out)).toMatch(/^=+ 1 passed, 1 rerun in /);
    }
  }, 60_000);

  it('pytest-rerunfailures installed: fastest drives the retries, the plugin never retries a second time', async () => {
    for (const engine of ['pytest', 'auto']) {
      const r = await fastest(['--engine', engine, '-p', 'pytest_rerunfailures', '--reruns', '2', '-k', 'test_flaky or marked'], root, { PYTHONPATH: root });
      expect(outcomeOf(r, 'test_flaky')?.outcome).toBe('passed');
      expect(r.counts.flaky).toBe(3);
      expect(r.counts.marked).toBe(2);
      expect(r.log.filter((l) => l.startsWith('plugin'))).toEqual([]);
      expect(closing(r.out)).toMatch(/^=+ 1 failed, 1 passed, 8 deselected, 3 rerun in /);
    }
  }, 60_000);

  it("an option of the plugin's that fastest does not implement runs the session in real pytest, with the plugin", async () => {
    const r = await fastest(['-p', 'pytest_rerunfailures', '--fail-on-flaky', '-k', 'test_ok'], root, { PYTHONPATH: root });
    expect(r.out).toMatch(/^platform .* pytest-\d/m);
    expect(r.code).toBe(0);
  }, 60_000);

  it("every attempt's warnings are counted, as pytest's warnings plugin records around the reruns", async () => {
    for (const engine of ['native', 'pytest']) {
      const r = await fastest(['--engine', engine, '--reruns', '1'], join(top, 'warn'));
      expect(r.code).toBe(0);
      expect(closing(r.out)).toMatch(/^=+ 1 passed, 2 warnings, 1 rerun in /);
    }
  }, 60_000);

  it('--reruns with --pdb is refused as the plugin does', async () => {
    const r = await fastest(['--reruns', '1', '--pdb']);
    expect(r.code).toBe(4);
  }, 60_000);
});

describe('result frames with attempts', () => {
  const base = { t: 'result', id: 't.py::test_a', outcome: 'passed', when: 'call', duration: 0.1 };
  it('keeps well-formed attempts, known fields only', () => {
    const frame = parseWorkerFrame({
      ...base,
      attempts: [
        {
          outcome: 'failed',
          when: 'call',
          duration: 0.2,
          type: 'AssertionError',
          message: 'm',
          longrepr: 'l',
          sections: [['Captured stdout call', 'x']],
          extra: 1,
        },
      ],
    });
    expect(frame).toEqual({
      t: 'result',
      result: {
        ...base,
        t: undefined,
        attempts: [
          { outcome: 'failed', when: 'call', duration: 0.2, type: 'AssertionError', message: 'm', longrepr: 'l', sections: [['Captured stdout call', 'x']] },
        ],
      },
    });
  });
  it('a malformed attempt is a protocol error naming it', () => {
    expect(parseWorkerFrame({ ...base, attempts: {} })).toEqual({ t: 'malformed', problem: "result for t.py::test_a: 'attempts' is not a list" });
    const bad = parseWorkerFrame({ ...base, attempts: [{ outcome: 'passed', when: 'call', duration: 0 }] });
    expect(bad).toMatchObject({ t: 'malformed', problem: expect.stringContaining('an attempt: \'outcome\' is "passed", not one of failed/error') });
    expect(parseWorkerFrame({ ...base, attempts: [{ outcome: 'error', when: 'setup', duration: 'x' }] })).toMatchObject({ t: 'malformed' });
  });
});
