// pytest-describe's blocks in the native engine (native/collect.py DescribeNode): a describe
// function's locals collected as a module of their own, with pytest's ids, order, outcomes, failure
// head lines, module-scoped fixtures per block and marks. The local package index has no
// pytest-describe, so the fixture project brings a stand-in of its 2.x collection model
// (site/pytest_describe); the real plugin is measured on graphql-core (bench/REAL_RESULTS.md).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectSameOutput, loggedProjects, summaryLine } from './helpers/against-pytest.js';

const { project, inProject } = loggedProjects(
  join(__dirname, 'fixtures', 'native-describe'),
  'fastest-describe-',
  ['-p', 'no:cacheprovider', '-p', 'pytest_describe.plugin'],
  (dir) => ({ PYTHONPATH: join(dir, 'site') }),
);

describe('pytest-describe blocks, natively', () => {
  it('run as pytest runs them: ids, order, outcomes, head lines, per-block module fixtures, marks', async () => {
    const dir = project();
    const pytest = await inProject(dir, 'pytest', ['-v', '-rA']);
    expect(summaryLine(pytest.ran.out)).toBe('3 failed, 14 passed, 1 skipped, 1 xfailed, 1 warning, 1 error');
    for (const engine of ['native', 'auto']) {
      const fastest = await inProject(dir, 'fastest', ['-v', '-rA', '-n', '1', '--engine', engine]);
      // (the log: module-scoped fixtures set up and torn down per block, xunit and autouse inside a block)
      expectSameOutput(fastest, pytest, engine);
    }
    const shown = await inProject(dir, 'fastest', ['-q', '-n', '1', '--show-engines']);
    expect(shown.ran.out).not.toMatch(/test_blocks\.py: pytest engine/);
  }, 120_000);

  it('a first run on two workers counts what the blocks hold in its header', async () => {
    const dir = project();
    const pytest = await inProject(dir, 'pytest', ['-q']);
    const fastest = await inProject(dir, 'fastest', ['-n', '2']);
    expect(fastest.ran.out).toContain('collected 20 items\n');
    expect(summaryLine(fastest.ran.out)).toBe(summaryLine(pytest.ran.out));
    expect(fastest.log.split('\n').sort()).toEqual(pytest.log.split('\n').sort());
  }, 60_000);

  it('-k selects by block name as pytest does', async () => {
    const dir = project();
    const args = ['-q', '-rA', '-k', 'describe_calc and not nested'];
    const pytest = await inProject(dir, 'pytest', args);
    const fastest = await inProject(dir, 'fastest', [...args, '-n', '1']);
    const statusLines = (out: string) => out.split('\n').filter((line) => /^(PASSED|FAILED|ERROR) /.test(line));
    expect(statusLines(fastest.ran.out)).toEqual(statusLines(pytest.ran.out));
    expect(statusLines(pytest.ran.out).length).toBe(7);
    expect(summaryLine(fastest.ran.out)).toBe(summaryLine(pytest.ran.out));
  }, 60_000);
});
