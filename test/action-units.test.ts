// The Action's plain functions: inputs, annotations, summary and comment limits,
// the environment tests run in, and fencing of the shard's output.
import { describe, expect, it } from 'vitest';
import { annotationOf, batches, errorCommand, failingLine, mostUseful, type Annotation } from '../src/action/annotations.js';
import { readInputs } from '../src/action/inputs.js';
import { codeLink, commentBody, jobSummary, type LinkContext } from '../src/action/report.js';
import { testEnvironment } from '../src/runner/environment.js';
import type { JUnitCase } from '../src/merge/junit-read.js';
import type { MergeResult } from '../src/merge/merge.js';
import { effectiveCommands, parseFileCommand } from './helpers/action-runner.js';

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

function failedCase(
  i: number,
  details = `def test_${i}():\n>       assert False\nE       assert False\n\ntests/test_m${i % 3}.py:${i + 2}: AssertionError`,
): JUnitCase {
  return {
    id: `tests/test_m${i % 3}.py::test_${i}`,
    classname: `tests.test_m${i % 3}`,
    name: `test_${i}`,
    file: `tests/test_m${i % 3}.py`,
    line: i + 1,
    time: 0.01,
    outcome: 'failed',
    message: `assert False (${i})`,
    details,
    xmlOpen: '<testcase',
    xmlInner: '',
  };
}

function resultOf(cases: JUnitCase[]): MergeResult {
  const failed = cases.filter((c) => c.outcome === 'failed').length;
  return {
    counts: { tests: cases.length, passed: cases.length - failed, failed, error: 0, skipped: 0, xfailed: 0, xpassed: 0, teardownErrors: 0 },
    missing: [],
    duplicates: [],
    duplicateCount: 0,
    unexpected: [],
    unexpectedCount: 0,
    malformed: [],
    shards: [{ file: 'fastest-results/junit-shard-1.xml', seconds: 1, tests: cases.length, shard: 1, predicted: 1 }],
    failures: cases.filter((c) => c.outcome === 'failed'),
    failureCount: failed,
    slowest: cases.map((c) => ({ id: c.id, seconds: c.time })),
  };
}

const ctx: LinkContext = { serverUrl: 'https://github.com', repository: 'octo/demo', sha: 'abc1234def', workspace: '/ws', workingDirectory: '/ws/proj' };

describe('inputs', () => {
  it('reads kebab-case inputs with defaults, resolved against the workspace', () => {
    const got = readInputs(
      inputs({ command: 'run', shard: '2', plan: '{}', 'target-seconds': '90', args: "-k 'not slow' tests", 'working-directory': 'proj' }),
      { GITHUB_WORKSPACE: '/ws' },
    );
    expect(got).toMatchObject({
      command: 'run',
      shard: 2,
      shards: 'auto',
      targetSeconds: 90,
      args: ['-k', 'not slow', 'tests'],
      workingDirectory: '/ws/proj',
      junitPath: '/ws/fastest-results/junit-shard-2.xml',
      cache: true,
      comment: true,
      cacheKeyPrefix: 'fastest-v1',
      maxAnnotations: 50,
    });
  });

  it('rejects bad values with one line naming the input', () => {
    expect(() => readInputs(inputs({ command: 'deploy' }))).toThrow("input 'command' must be plan, run or merge, got 'deploy'");
    expect(() => readInputs(inputs({ command: 'plan', cache: 'yes' }))).toThrow("input 'cache' must be true or false, got 'yes'");
    expect(() => readInputs(inputs({ command: 'plan', 'target-seconds': '-1' }))).toThrow("'target-seconds' must be a positive number");
    expect(() => readInputs(inputs({ command: 'run', shard: '1' }))).toThrow("command 'run' needs input 'plan'");
  });
});

describe('annotations', () => {
  it('point at the failing line in the test file, repo-relative, escaped as workflow commands', () => {
    const c = failedCase(4);
    expect(failingLine(c)).toBe(6);
    const a = annotationOf(c, '/ws', '/ws/proj');
    expect(a).toMatchObject({ path: 'proj/tests/test_m1.py', line: 6, title: 'FAILED tests/test_m1.py::test_4' });
    const command = errorCommand({ ...a, message: '50% done\n::error::x' });
    expect(command).toBe('::error file=proj/tests/test_m1.py,line=6,title=FAILED tests/test_m1.py%3A%3Atest_4::50%25 done%0A::error::x\n');
    expect(effectiveCommands(command)).toEqual([
      { command: 'error', properties: { file: 'proj/tests/test_m1.py', line: '6', title: 'FAILED tests/test_m1.py::test_4' }, data: '50% done\n::error::x' },
    ]);
  });

  it('the most useful ten spread over files; check-run batches hold 50', () => {
    const all: Annotation[] = Array.from({ length: 30 }, (_, i) => ({ path: i < 25 ? 'a.py' : `b${i}.py`, line: 1 + i, title: `t${i}`, message: 'm' }));
    const chosen = mostUseful(all, 10, () => true);
    expect(chosen.length).toBe(10);
    expect(new Set(chosen.map((a) => a.path)).size).toBe(6);
    expect(batches(Array.from({ length: 112 }, (_, i) => i)).map((b) => b.length)).toEqual([50, 50, 12]);
  });
});

describe('summary and comment', () => {
  it('links each failure location to its line at the commit, never outside the repository', () => {
    expect(codeLink(ctx, 'tests/test_a.py', 12)).toBe('https://github.com/octo/demo/blob/abc1234def/proj/tests/test_a.py#L12');
    const summary = jobSummary(resultOf([failedCase(1)]), ctx, []);
    expect(summary).toContain(
      '- **FAILED** `tests/test_m1.py::test_1` at [`tests/test_m1.py:2`](https://github.com/octo/demo/blob/abc1234def/proj/tests/test_m1.py#L2)',
    );
    // A browser resolves `..` in a link: a file attribute must not lead to another repository.
    expect(codeLink(ctx, '../../../../../evil/repo/x.py', 1)).toBeUndefined();
    expect(codeLink(ctx, 'tests/a (1).py', 3)).toBe('https://github.com/octo/demo/blob/abc1234def/proj/tests/a%20%281%29.py#L3');
  });

  it('stays under 1 MiB and 65,536 characters with thousands of long failures', () => {
    const long = `def test():\n${'E       assert this is a long line of output that repeats\n'.repeat(40)}tests/test_m0.py:3: AssertionError`;
    const cases = Array.from({ length: 6000 }, (_, i) => failedCase(i, long));
    const result = resultOf(cases);
    const summary = jobSummary(result, ctx, ['10 of 6000 failures are annotated']);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(summary).toContain('> 10 of 6000 failures are annotated');
    expect(summary).toContain('### Shard balance');
    expect(summary).toMatch(/more failure\(s\) not shown/);
    const body = commentBody(result, cases, { ...ctx, marker: '<!-- fastest-report: tests -->', runUrl: 'https://github.com/octo/demo/actions/runs/1' }, []);
    expect(body.length).toBeLessThan(65_536);
    expect(body.startsWith('<!-- fastest-report: tests -->\n')).toBe(true);
    expect(body).toMatch(/…and \d+ more in the \[job summary\]/);
  });
});

describe('the environment and log of a shard', () => {
  it('tests see neither the inputs (the token), the runtime token, nor the Action files', () => {
    const env = testEnvironment({
      PATH: '/bin',
      'INPUT_GITHUB-TOKEN': 'secret',
      ACTIONS_RUNTIME_TOKEN: 'rt',
      GITHUB_OUTPUT: '/o',
      GITHUB_STATE: '/s',
      STATE_x: '1',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: '/ws',
    });
    expect(env).toEqual({ PATH: '/bin', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: '/ws' });
  });

  it('the runner stand-in honours stop-commands and reads heredoc file commands', () => {
    const log = '::stop-commands::tok\n::set-output name=x::y\n  ::error::z\n::tok::\n  ::notice::after\n';
    expect(effectiveCommands(log)).toEqual([{ command: 'notice', properties: {}, data: 'after' }]);
    expect(parseFileCommand('a<<EOF\nline 1\nline 2\nEOF\nb<<X\n\nX\n')).toEqual({ a: 'line 1\nline 2', b: '' });
  });
});
