// The report stage against real pytest: a plugin in the fixture dumps pytest's own reports as
// fastest TestResults; we replay them through our reporters and compare with what pytest printed
// and wrote, byte for byte where pytest's output is deterministic.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CollectionError, TestResult } from '../src/types.js';
import { pyCenter, pyFixed, sepLine, wcswidth } from '../src/report/color.js';
import { ConsoleReporter, failureHeadline, normalizeReportChars, type ConsoleOptions } from '../src/report/console.js';
import { closingLine, countResults, emptyCounts, formatSessionDuration } from '../src/report/counts.js';
import { escapeWorkflowData, escapeWorkflowProperty, fenceBlock } from '../src/report/fence.js';
import { jsonReport } from '../src/report/json.js';
import { binXmlEscape, junitTimestamp, junitXml, mangleTestAddress } from '../src/report/junit.js';

const run = promisify(execFile);
const FIXTURE = resolve(__dirname, 'fixtures/report-basic');
const OUT = mkdtempSync(join(tmpdir(), 'fastest-report-'));
// Installed plugins stay out (PYTEST_DISABLE_PLUGIN_AUTOLOAD) so the output is pytest's alone.
const NO_PLUGINS = ['-p', 'no:cacheprovider'];

interface PytestRun {
  stdout: string;
  results: TestResult[];
  errors: CollectionError[];
  junit?: string;
  junitPath?: string;
  seconds: number;
}

async function pytest(name: string, args: string[], env: Record<string, string> = {}, paths = ['tests']): Promise<PytestRun> {
  const dump = join(OUT, `${name}.json`);
  const junitPath = args.includes('--junitxml') ? join(OUT, `${name}.xml`) : undefined;
  const fullArgs = ['-m', 'pytest', '-p', 'report_dump', ...NO_PLUGINS, '--continue-on-collection-errors', ...args];
  if (junitPath) fullArgs[fullArgs.indexOf('--junitxml')] = `--junitxml=${junitPath}`;
  let stdout: string;
  try {
    ({ stdout } = await run('python3', [...fullArgs, ...paths], {
      cwd: FIXTURE,
      env: {
        ...process.env,
        PYTHONPATH: join(FIXTURE, '_plugin'),
        REPORT_DUMP: dump,
        CI: '',
        BUILD_NUMBER: '',
        PY_COLORS: '0',
        COLUMNS: '80',
        PYTHONDONTWRITEBYTECODE: '1',
        PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1',
        ...env,
      },
    }));
  } catch (e) {
    stdout = (e as { stdout: string }).stdout; // exit code 1: tests failed, as intended
  }
  const data = JSON.parse(readFileSync(dump, 'utf8')) as { results: TestResult[]; errors: CollectionError[] };
  const seconds = Number(/ in (\d+\.\d+)s/.exec(stdout.trimEnd().split('\n').pop() ?? '')?.[1]);
  return {
    stdout,
    ...data,
    junit: junitPath ? readFileSync(junitPath, 'utf8') : undefined,
    junitPath,
    seconds,
  };
}

/** Replays a pytest run through ConsoleReporter the way the runner would feed it. */
function replay(p: PytestRun, opts: Partial<ConsoleOptions>, finish: { junitxml?: string; interrupted?: string } = {}): string {
  let out = '';
  const reporter = new ConsoleReporter({
    write: (s) => (out += s),
    verbosity: 0,
    color: false,
    tty: false,
    githubActions: false,
    ci: false,
    ...opts,
  });
  reporter.sessionStart({
    rootdir: FIXTURE,
    inifile: 'pytest.ini',
    python: '3.11.7',
    platform: 'linux',
    workers: 2,
    collected: Number(/collected (\d+) item/.exec(p.stdout)?.[1] ?? p.results.length),
    engine: 'pytest',
    collectionErrors: p.errors.length,
  });
  for (const e of p.errors) reporter.collectionError(e);
  let file: string | undefined;
  for (const r of p.results) {
    const f = r.id.split('::')[0];
    if (file !== undefined && f !== file) reporter.unitDone(file);
    file = f;
    reporter.testResult(r);
  }
  if (file) reporter.unitDone(file);
  reporter.finish({ seconds: p.seconds, ...finish });
  return out;
}

/** The output after pytest's header (the `collected N items` line). */
function afterHeader(s: string): string {
  const lines = s.split('\n');
  const i = lines.findIndex((l) => l.includes('collected '));
  return lines.slice(i + 1).join('\n');
}

const runs: Record<string, PytestRun> = {};

beforeAll(async () => {
  const xunit1 = ['-o', 'junit_family=xunit1'];
  const [normal, quiet, verbose, colored, stopped, notb, outputAll, outputOutErr] = await Promise.all([
    pytest('normal', ['-rfE', '--junitxml', ...xunit1]),
    pytest('quiet', ['-q', '-rA']),
    pytest('verbose', ['-v', '-rsxXfE']),
    pytest('colored', ['-rfE'], { PY_COLORS: '1' }),
    pytest('stopped', ['-x'], {}, ['tests/test_basic.py']),
    pytest('notb', ['--tb=no', '-rfEs']),
    pytest('output-all', ['-rA', '--junitxml', ...xunit1, '-o', 'junit_logging=all', '-o', 'junit_log_passing_tests=False'], {}, ['output']),
    pytest('output-out-err', ['-rA', '--junitxml', ...xunit1, '-o', 'junit_logging=out-err'], {}, ['output']),
  ]);
  Object.assign(runs, { normal, quiet, verbose, colored, stopped, notb, outputAll, outputOutErr });
}, 60_000);

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('counts and the closing line', () => {
  it('tallies like pytest: teardown errors and collection errors are errors', () => {
    const c = countResults(runs.normal.results, runs.normal.errors);
    expect(c).toMatchObject({ failed: 7, passed: 9, skipped: 3, xfailed: 1, xpassed: 1, error: 4 });
  });

  it('matches pytest’s closing line byte for byte (plain, -q, colour)', () => {
    for (const [name, opts] of [
      ['normal', {}],
      ['quiet', { verbosity: -1 }],
      ['colored', { color: true }],
    ] as const) {
      const p = runs[name];
      const c = countResults(p.results, p.errors);
      const expected = p.stdout.trimEnd().split('\n').pop();
      expect(closingLine(c, p.seconds, 80, opts)).toBe(expected);
    }
  });

  it('follows pytest’s rules for plurals, order, empty runs and long sessions', () => {
    const c = emptyCounts();
    expect(closingLine(c, 0.004)).toBe(`${'='.repeat(28)} no tests ran in 0.00s ${'='.repeat(29)}`);
    c.passed = 99;
    c.failed = 1;
    c.skipped = 2;
    c.xfailed = 1;
    expect(closingLine(c, 0.52)).toBe('============== 1 failed, 99 passed, 2 skipped, 1 xfailed in 0.52s ==============');
    c.error = 1;
    c.warnings = 1;
    c.deselected = 3;
    expect(closingLine(c, 0.5, 80, { verbosity: -1 })).toBe('1 failed, 99 passed, 2 skipped, 3 deselected, 1 xfailed, 1 warning, 1 error in 0.50s');
    c.error = 2;
    c.warnings = 2;
    expect(closingLine(c, 1, 80, { verbosity: -1 })).toContain('2 warnings, 2 errors in 1.00s');
    expect(closingLine(c, 1, 80, { verbosity: -2 })).toBe('');
    expect(formatSessionDuration(65.3)).toBe('65.30s (0:01:05)');
    expect(formatSessionDuration(90061.5)).toBe('90061.50s (1 day, 1:01:01)');
    expect(formatSessionDuration(59.999)).toBe('60.00s');
  });

  it('formats numbers and separators as Python does', () => {
    expect(pyFixed(0.125, 2)).toBe('0.12');
    expect(pyFixed(0.375, 2)).toBe('0.38');
    expect(pyFixed(2.675, 2)).toBe('2.67');
    expect(pyFixed(0.0005, 3)).toBe('0.001');
    expect(pyCenter('ab', 7, '-')).toBe('---ab--');
    expect(pyCenter('abc', 8, '-')).toBe('--abc---');
    expect(sepLine('_', 'test_fail', 80)).toBe(`${'_'.repeat(34)} test_fail ${'_'.repeat(35)}`);
    expect(wcswidth('日本')).toBe(4);
    expect(wcswidth('a\x01')).toBe(-1);
  });
});

describe('console output replayed from pytest’s own reports', () => {
  it('default verbosity: per-file progress, ERRORS, FAILURES, summary: identical to pytest', () => {
    const p = runs.normal;
    const ours = replay(p, { reportChars: 'fE' }, { junitxml: p.junitPath });
    expect(afterHeader(ours)).toBe(afterHeader(p.stdout));
    expect(ours).toContain('tests/test_basic.py .FF.sssxX.F...E.EFE.FF                               [ 90%]\n');
  });

  it('-q -rA: letters, PASSES/XPASSES, every short-summary kind: identical to pytest', () => {
    const p = runs.quiet;
    expect(replay(p, { verbosity: -1, reportChars: 'A' })).toBe(p.stdout);
  });

  it('-v: one line per test with reasons and percentages: identical to pytest', () => {
    const p = runs.verbose;
    expect(afterHeader(replay(p, { verbosity: 1, reportChars: 'sxXfE' }))).toBe(afterHeader(p.stdout));
  });

  it('-x: partial progress and the `stopping after` line: identical to pytest', () => {
    const p = runs.stopped;
    const ours = replay(p, {}, { interrupted: 'stopping after 1 failures' });
    expect(afterHeader(ours)).toBe(afterHeader(p.stdout));
    expect(ours).toContain('!!!!!!!!!!!!!!!!!!!!!!!!!! stopping after 1 failures !!!!!!!!!!!!!!!!!!!!!!!!!!!\n');
  });

  it('--tb=no: no ERRORS/FAILURES sections, folded skips in the summary: identical to pytest', () => {
    const p = runs.notb;
    expect(afterHeader(replay(p, { tb: 'no', reportChars: 'fEs' }))).toBe(afterHeader(p.stdout));
  });

  it('captured output of every phase in FAILURES, ERRORS and PASSES: identical to pytest', () => {
    const p = runs.outputOutErr;
    expect(afterHeader(replay(p, { reportChars: 'A' }, { junitxml: p.junitPath }))).toBe(afterHeader(p.stdout));
  });

  it('colour: progress lines, short summary and closing line match pytest’s escapes', () => {
    const p = runs.colored;
    const ours = replay(p, { color: true, reportChars: 'fE' }).split('\n');
    const theirs = p.stdout.split('\n');
    const pick = (lines: string[]) => lines.filter((l) => /^tests\/test_\w+\.py .*%\]/.test(l) || /^\x1b\[3\dm(FAILED|ERROR)/.test(l) || / in \d/.test(l));
    expect(pick(ours).length).toBeGreaterThan(10);
    expect(pick(ours)).toEqual(pick(theirs));
    expect(ours.filter((l) => l.includes('short test summary'))).toEqual(theirs.filter((l) => l.includes('short test summary')));
  });

  it('prints the header, the workers line and a pytest-like collected line', () => {
    const out = replay(runs.normal, {});
    expect(out.split('\n').slice(0, 6)).toEqual([
      '============================= test session starts ==============================',
      'platform linux -- Python 3.11.7',
      `rootdir: ${FIXTURE}`,
      'configfile: pytest.ini',
      'workers: 2, engine: pytest',
      'collected 22 items / 1 error',
    ]);
  });

  it('buffers interleaved results by file and prints a file at unitDone', () => {
    let out = '';
    const rep = new ConsoleReporter({ write: (s) => (out += s), verbosity: 0, color: false, tty: false, githubActions: false });
    rep.sessionStart({ rootdir: '/r', inifile: null, python: '3.11', platform: 'linux', workers: 2, collected: 4, engine: 'native' });
    const res = (id: string, outcome: TestResult['outcome']): TestResult => ({ id, outcome, when: 'call', duration: 0.01 });
    rep.testResult(res('a.py::t1', 'passed'));
    rep.testResult(res('b.py::t1', 'failed'));
    rep.testResult(res('a.py::t2', 'skipped'));
    const before = out;
    rep.unitDone('b.py');
    expect(out.slice(before.length)).toBe('\nb.py F');
    rep.testResult(res('b.py::t2', 'passed'));
    rep.unitDone('a.py');
    rep.unitDone('b.py');
    rep.finish({ seconds: 0.1 });
    expect(out).toContain(`\nb.py F${' '.repeat(67)}[ 25%]\na.py .s${' '.repeat(66)}[ 75%]\nb.py .${' '.repeat(67)}[100%]\n`);
    expect(out).toContain('FAILED b.py::t1\n');
    expect(out.endsWith('\n==================== 1 failed, 2 passed, 1 skipped in 0.10s ====================\n')).toBe(true);
  });

  it('on a TTY with many tests, draws a \\r status line that leaves the final text unchanged', () => {
    const feed = (tty: boolean) => {
      let out = '';
      const rep = new ConsoleReporter({ write: (s) => (out += s), verbosity: 0, color: false, tty, githubActions: false });
      rep.sessionStart({ rootdir: '/r', inifile: null, python: '3', platform: 'linux', workers: 2, collected: 250, engine: 'native' });
      for (let i = 0; i < 250; i++) {
        const file = `t${i % 3}.py`;
        rep.testResult({ id: `${file}::test_${i}`, outcome: i === 7 ? 'failed' : 'passed', when: 'call', duration: 0 });
        if (i === 200) rep.unitDone('t0.py');
      }
      rep.unitDone('t1.py');
      rep.unitDone('t2.py');
      rep.unitDone('t0.py');
      rep.finish({ seconds: 2 });
      return out;
    };
    const live = feed(true);
    const plain = feed(false);
    expect(live).toContain('\r[  0%] 1/250 tests');
    expect(live).toMatch(/\r\[ 80%\] 201\/250 tests, 1 failed/);
    const draws = /\r\[[ \d]{3}%\] \d+\/\d+ tests(, \d+ \w+)*/g;
    const clears = /\r {79}\r/g;
    expect(live.replace(draws, '').replace(clears, '')).toBe(plain);
  });

  it('--durations lists the slowest tests and hides the fast ones like pytest', () => {
    let out = '';
    const rep = new ConsoleReporter({ write: (s) => (out += s), verbosity: -1, color: false, tty: false, githubActions: false, durations: 2 });
    rep.sessionStart({ rootdir: '/r', inifile: null, python: '3.11', platform: 'linux', workers: 1, collected: 3, engine: 'native' });
    for (const [id, d] of [
      ['t.py::a', 0.001],
      ['t.py::b', 1.234],
      ['t.py::c', 0.002],
    ] as const) {
      rep.testResult({ id, outcome: 'passed', when: 'call', duration: d });
    }
    rep.finish({ seconds: 1.3 });
    expect(out).toContain(
      '============================= slowest 2 durations ==============================\n' +
        '1.23s call     t.py::b\n\n(1 durations < 0.005s hidden.  Use -vv to show these durations.)\n',
    );
  });

  it('helpers follow pytest: headline, -r chars', () => {
    expect(failureHeadline('t/a.py::TestC::TestD::test_m[x::y-1]')).toBe('TestC.TestD.test_m[x::y-1]');
    expect(normalizeReportChars('fE')).toBe('fE');
    expect(normalizeReportChars('a')).toBe('sxXEf');
    expect(normalizeReportChars('FSff')).toBe('fs');
    expect(normalizeReportChars('AN')).toBe('');
  });
});

describe('JUnit XML', () => {
  const normalizeTimes = (xml: string) => xml.replace(/<testcase ([^>]*?)time="[\d.]+"/g, '<testcase $1time="T"');

  it('is pytest’s xunit1 file byte for byte (per-test times aside)', () => {
    const p = runs.normal;
    const theirs = p.junit!;
    const suite = /<testsuite [^>]*time="([\d.]+)" timestamp="([^"]+)" hostname="([^"]+)"/.exec(theirs)!;
    const ours = junitXml(p.results, p.errors, {
      seconds: Number(suite[1]),
      timestamp: suite[2],
      hostname: suite[3],
      rootdir: FIXTURE,
      family: 'xunit1',
    });
    expect(normalizeTimes(ours)).toBe(normalizeTimes(theirs));
    expect(ours).toContain('<testsuite name="pytest" errors="4" failures="7" skipped="4" tests="24"');
    // pytest's line is 0-based; TestResult.line is 1-based.
    expect(ours).toContain('name="test_pass" file="tests/test_basic.py" line="5"');
  });

  it('captured output (junit_logging all/out-err, log_passing_tests on/off) is pytest’s byte for byte', () => {
    for (const [p, opts] of [
      [runs.outputAll, { logging: 'all', logPassingTests: false }],
      [runs.outputOutErr, { logging: 'out-err' }],
    ] as const) {
      const theirs = p.junit!;
      const suite = /<testsuite [^>]*time="([\d.]+)" timestamp="([^"]+)" hostname="([^"]+)"/.exec(theirs)!;
      const ours = junitXml(p.results, p.errors, {
        seconds: Number(suite[1]),
        timestamp: suite[2],
        hostname: suite[3],
        rootdir: FIXTURE,
        family: 'xunit1',
        ...opts,
      });
      expect(normalizeTimes(ours)).toBe(normalizeTimes(theirs));
    }
  });

  it('xunit2 drops file/line; prefix and suite name apply; captured output with junit_logging', () => {
    const r: TestResult[] = [
      {
        id: 'a/b.py::C::t[1]',
        outcome: 'failed',
        when: 'call',
        duration: 0.5,
        file: 'a/b.py',
        line: 3,
        longrepr: '\n    x\nE   boom\x00\n',
        message: 'boom',
        sections: [
          ['Captured stdout call', 'out\n'],
          ['Captured stderr call', 'err\n'],
        ],
      },
    ];
    const xml = junitXml(r, [], {
      hostname: 'h',
      timestamp: 't',
      seconds: 1,
      family: 'xunit2',
      prefix: 'P',
      suiteName: 'S',
      logging: 'out-err',
    });
    expect(xml).toContain('<testsuite name="S"');
    expect(xml).toContain('<testcase classname="P.a.b.C" name="t[1]" time="0.500"><failure message="boom">x\nE   boom#x00</failure>');
    expect(xml).toContain(`<system-out>${'-'.repeat(33)} Captured Out ${'-'.repeat(33)}\nout\n\n</system-out>`);
    expect(xml).toContain('<system-err>');
  });

  it('junit_duration_report: total adds every phase, call (or setup/teardown) only that phase, as pytest', () => {
    const r: TestResult[] = [
      { id: 'a.py::t', outcome: 'passed', when: 'call', duration: 1.875, phases: { setup: 1.5, call: 0.25, teardown: 0.125 } },
      { id: 'a.py::e', outcome: 'error', when: 'setup', duration: 0.5, phases: { setup: 0.5, teardown: 0 }, message: 'x', longrepr: 'x' },
    ];
    const timesOf = (durationReport?: string) =>
      [...junitXml(r, [], { hostname: 'h', timestamp: 't', seconds: 1, durationReport }).matchAll(/name="(\w)" time="([\d.]+)"/g)].map(
        (m) => `${m[1]}=${m[2]}`,
      );
    expect(timesOf()).toEqual(['t=1.875', 'e=0.500']);
    expect(timesOf('call')).toEqual(['t=0.250', 'e=0.000']);
    expect(timesOf('setup')).toEqual(['t=1.500', 'e=0.500']);
    expect(timesOf('bogus')).toEqual(['t=0.000', 'e=0.000']);
  });

  it('escapes like bin_xml_escape and ElementTree', () => {
    expect(binXmlEscape('a\x01\x1b😀\x7f\ufffe')).toBe('a#x01#x1B#x1F600\x7f#xFFFE');
    expect(mangleTestAddress('t/x.py::C::f[a/b.py::z]')).toEqual(['t.x', 'C', 'f[a/b.py::z]']);
    expect(junitTimestamp(new Date(0))).toMatch(/^19(69|70)-\d\d-\d\dT\d\d:\d\d:00\.000000[+-]\d\d:\d\d$/);
  });
});

describe('JSON report', () => {
  it('lists every result with totals', () => {
    const p = runs.normal;
    const data = JSON.parse(jsonReport(p.results, p.errors, { seconds: 1 }));
    expect(data.tests).toHaveLength(22);
    expect(data.totals).toMatchObject({ failed: 7, passed: 9, error: 4, tests: 22, collectionErrors: 1 });
    const t = data.tests.find((x: { id: string }) => x.id === 'tests/test_basic.py::test_fail');
    expect(t).toMatchObject({ outcome: 'failed', file: 'tests/test_basic.py', line: 10, message: 'assert 3 == 4' });
  });
});

describe('GitHub Actions fence', () => {
  it('escapes workflow data and properties like @actions/core', () => {
    expect(escapeWorkflowData('50%\r\nx')).toBe('50%25%0D%0Ax');
    expect(escapeWorkflowProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('wraps every block of test output so a malicious test cannot issue commands', () => {
    const evil = '::error file=x.py::pwned\n::set-output name=a::b\n::add-mask::secret\n';
    const results: TestResult[] = [
      {
        id: 't.py::test_evil',
        outcome: 'failed',
        when: 'call',
        duration: 0,
        longrepr: `E   ${evil}`,
        message: `x\n${evil}`,
        sections: [['Captured stdout call', evil]],
      },
      {
        id: 't.py::test_td',
        outcome: 'passed',
        when: 'call',
        duration: 0,
        teardownError: { longrepr: evil, message: evil },
      },
    ];
    let out = '';
    const rep = new ConsoleReporter({
      write: (s) => (out += s),
      verbosity: 0,
      color: false,
      tty: false,
      githubActions: true,
      reportChars: 'A',
    });
    rep.sessionStart({ rootdir: '/r', inifile: null, python: '3', platform: 'linux', workers: 1, collected: 2, engine: 'native' });
    rep.collectionError({ file: 'bad.py', message: evil });
    for (const r of results) rep.testResult(r);
    rep.unitDone('t.py');
    rep.finish({ seconds: 1 });
    // Walk the log as the runner does: commands are honoured only outside a stop-commands fence.
    let token: string | null = null;
    let fences = 0;
    for (const line of out.split('\n')) {
      if (token) {
        if (line === `::${token}::`) token = null;
        continue;
      }
      const m = /^::stop-commands::(.+)$/.exec(line);
      if (m) {
        token = m[1];
        fences += 1;
        expect(out.split(token).length - 1).toBe(2); // a fresh token per block, used only here
        continue;
      }
      expect(line.startsWith('::')).toBe(false);
    }
    expect(token).toBeNull();
    expect(fences).toBeGreaterThanOrEqual(4);
    expect(out).toContain('::error file=x.py::pwned'); // still shown to the reader
    expect(fenceBlock('a', 'T')).toBe('::stop-commands::T\na\n::T::\n');
  });
});
