// pytest 9's subtest reports (unittest subTest and the `subtests` fixture): both engines against
// real pytest on test/fixtures/native-subtests, through the CLI.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleReporter } from '../src/report/console.js';
import { countResults } from '../src/report/counts.js';
import { junitXml } from '../src/report/junit.js';
import type { TestResult } from '../src/types.js';

const run = promisify(execFile);
const repo = join(__dirname, '..');
const cli = join(repo, 'dist', 'cli.js');
const fixture = join(repo, 'test', 'fixtures', 'native-subtests');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-subtests-'));
  cpSync(fixture, work, { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface RunOutput {
  stdout: string;
  code: number;
  junit: string;
}

async function runTool(cmd: string, args: string[], junit: string): Promise<RunOutput> {
  const env = { ...process.env, GITHUB_ACTIONS: '', COLUMNS: '80', NO_COLOR: '1' };
  let stdout: string;
  let code = 0;
  try {
    stdout = (await run(cmd, [...args, '--junitxml', junit], { cwd: work, env, maxBuffer: 1 << 26 })).stdout;
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    if (typeof err.code !== 'number') throw e;
    code = err.code;
    stdout = err.stdout ?? '';
  }
  return { stdout, code, junit: readFileSync(junit, 'utf8') };
}

const pytest = (args: string[], tag: string) =>
  runTool('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-p', 'no:benchmark', '-rA', ...args], join(work, `pytest-${tag}.xml`));
const fastest = (engine: string, args: string[], tag: string) =>
  runTool(
    process.execPath,
    [cli, '--engine', engine, '-n', '2', '--no-cache', '-p', 'no:cacheprovider', '-p', 'no:benchmark', '-rA', ...args],
    join(work, `${engine}-${tag}.xml`),
  );

/** The short test summary, sorted (fastest runs files in its own order). */
function summaryLines(stdout: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.includes('short test summary info'));
  const end = lines.findIndex((l, i) => i > start && /^=+ .* in [\d.]+s/.test(l));
  return lines.slice(start + 1, end).sort();
}

function closing(stdout: string): string {
  const line = stdout.trimEnd().split('\n').pop() ?? '';
  return line.replace(/ in [\d.]+s.*$/, '').replace(/^=+ /, '');
}

/** FAILURES / PASSES head lines, sorted. */
function headLines(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => /^_{3,} .* _{3,}$/.test(l))
    .map((l) => l.replace(/^_+ | _+$/g, ''))
    .sort();
}

/** Per-file progress letters (default verbosity) or per-report verbose lines, without percentages. */
function progressLines(stdout: string): string[] {
  const end = stdout.search(/^=+ (FAILURES|PASSES|short test summary info) =+$/m);
  return stdout
    .slice(0, end === -1 ? undefined : end)
    .split('\n')
    .filter((l) => l.startsWith('test_sub_') && !/: (native|pytest) engine/.test(l))
    .map((l) => l.replace(/\s*\[\s*\d+%\]$/, ''))
    .sort();
}

interface Case {
  key: string;
  children: string[];
}

function junitCases(xml: string): { suite: Record<string, string>; cases: Case[] } {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' });
  const doc = parser.parse(xml) as { testsuites: { testsuite: Record<string, unknown> & { testcase: Record<string, unknown>[] } } };
  const suite = doc.testsuites.testsuite;
  const cases: Case[] = suite.testcase.map((tc) => {
    const children: string[] = [];
    for (const kind of ['failure', 'skipped', 'error']) {
      const value = tc[kind];
      const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
      // fastest keeps the first line of a multi-line crash message (for every test, not only subtests).
      for (const c of list as Record<string, string>[]) children.push(`${kind}:${(c.message ?? '').split(/&#10;|\n/)[0]}`);
    }
    return { key: `${tc.classname}::${tc.name}`, children: children.sort() };
  });
  cases.sort((a, b) => (a.key < b.key ? -1 : 1));
  const { errors, failures, skipped, tests } = suite as unknown as Record<string, string>;
  return { suite: { errors, failures, skipped, tests }, cases };
}

describe.each([
  { tag: 'default', args: [] as string[] },
  { tag: 'verbose', args: ['-v'] },
])('subtests like pytest 9 ($tag verbosity)', ({ tag, args }) => {
  let expected: RunOutput;
  const got = new Map<string, RunOutput>();
  beforeAll(async () => {
    const [p, n, y] = await Promise.all([pytest(args, tag), fastest('native', args, tag), fastest('pytest', args, tag)]);
    expected = p;
    got.set('native', n);
    got.set('pytest', y);
  }, 120_000);

  it.each(['native', 'pytest'])('%s engine: exit code, closing line and short summary', (engine) => {
    const out = got.get(engine)!;
    expect(out.code).toBe(expected.code);
    expect(closing(out.stdout)).toBe(closing(expected.stdout));
    expect(summaryLines(out.stdout)).toEqual(summaryLines(expected.stdout));
  });

  it.each(['native', 'pytest'])('%s engine: failure head lines and progress', (engine) => {
    const out = got.get(engine)!;
    // pytest writes a unittest subtest's status letter into the test's captured stdout, which
    // then shows under PASSES with -rA: the one place fastest differs (see README).
    const failures = (s: string) => headLines(s.slice(s.indexOf('= FAILURES ='), s.indexOf('= PASSES =')));
    expect(failures(out.stdout)).toEqual(failures(expected.stdout));
    expect(progressLines(out.stdout)).toEqual(progressLines(expected.stdout));
  });

  it.each(['native', 'pytest'])('%s engine: JUnit testcases', (engine) => {
    const want = junitCases(expected.junit);
    const have = junitCases(got.get(engine)!.junit);
    expect(have.suite).toEqual(want.suite);
    expect(have.cases).toEqual(want.cases);
  });
});

describe('subtest reports in the reporters', () => {
  const result: TestResult = {
    id: 't.py::C::test_x',
    outcome: 'passed',
    when: 'call',
    duration: 0.01,
    subtests: [
      { outcome: 'passed', description: '(i=0)' },
      { outcome: 'failed', description: '(i=1)', message: 'AssertionError: 1 != 0', longrepr: 'E   AssertionError: 1 != 0' },
      { outcome: 'skipped', description: '[m]', message: 'why', longrepr: 't.py:3: why' },
    ],
  };

  it('counts a failed subtest always; passed and skipped ones only when subtests are verbose', () => {
    const quiet = countResults([result]);
    expect([quiet.failed, quiet.passed, quiet.skipped, quiet.subtestsPassed]).toEqual([1, 1, 0, 0]);
    const verbose = countResults([result], [], { subtestVerbosity: 1 });
    expect([verbose.failed, verbose.passed, verbose.skipped, verbose.subtestsPassed]).toEqual([1, 1, 1, 1]);
  });

  it('prints SUBFAILED lines and an unknown category that turns the line yellow', () => {
    let text = '';
    const reporter = new ConsoleReporter({ write: (s) => (text += s), verbosity: -1, color: false, tty: false, githubActions: false });
    reporter.testResult({ ...result, subtests: [result.subtests![0]] });
    reporter.finish({ seconds: 0.5 });
    expect(text).toContain('1 passed, 1 subtests passed in 0.50s');
    let colored = '';
    const c = new ConsoleReporter({ write: (s) => (colored += s), verbosity: -1, color: true, tty: false, githubActions: false });
    c.testResult({ ...result, subtests: [result.subtests![0]] });
    c.finish({ seconds: 0.5 });
    // green (pytest's _color_for_type), while the unknown category makes the line yellow.
    expect(colored).toContain('\x1b[32m1 subtests passed\x1b[0m\x1b[33m in 0.50s');
  });

  it("puts each subtest on the test's JUnit testcase", () => {
    const xml = junitXml([result], [], { hostname: 'h', timestamp: 't', seconds: 1, rootdir: '/r' });
    expect(xml).toContain('tests="4"');
    expect(xml).toContain('<failure message="AssertionError: 1 != 0">E   AssertionError: 1 != 0</failure>');
    expect(xml).toContain('<skipped type="pytest.skip" message="why">/r/t.py:3: why</skipped>');
  });
});
