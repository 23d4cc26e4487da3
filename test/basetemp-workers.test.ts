// `--basetemp DIR` with two workers: each worker's pytest empties its basetemp when its first test
// asks for a temporary directory, so workers given the same DIR deleted each other's (werkzeug's
// CI command: FileExistsError, FileNotFoundError). As under pytest-xdist, the run empties DIR once
// and each worker has DIR/gwN. A basetemp pytest refuses (the working directory, a parent of it) is
// a usage error: the base build emptied the project with `--basetemp=.`.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { BASETEMP_REFUSED } from '../src/runner/basetemp.js';
import { cli, runIn, summaryLine, writeLines } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-basetemp-workers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('--basetemp with two workers gives each its own directory below the one named, in either engine', async () => {
  const temp = join(work, 'tmp');
  const dir = join(work, 'project');
  writeLines(dir, 'pytest.ini', ['[pytest]']);
  for (const name of ['a', 'b']) {
    writeLines(dir, `test_${name}.py`, [
      'import time',
      '',
      `def test_${name}(tmp_path):`,
      '    (tmp_path / "f.txt").write_text("kept")',
      '    time.sleep(1)  # the other worker makes its first temporary directory meanwhile',
      '    assert (tmp_path / "f.txt").read_text() == "kept"',
    ]);
  }
  const pytest = await runIn('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '--basetemp=bt'], dir, '', temp);
  expect(summaryLine(pytest.out)).toBe('2 passed');
  for (const engine of ['auto', 'pytest']) {
    writeLines(dir, 'bt/stale.txt', ['an earlier run']);
    const fastest = await runIn(process.execPath, [cli, '-p', 'no:cacheprovider', '-n', '2', '--engine', engine, '--basetemp=bt'], dir, '', temp);
    expect({ engine, line: summaryLine(fastest.out), code: fastest.code }).toEqual({ engine, line: '2 passed', code: 0 });
    const made = ['gw0', 'gw1'].flatMap((worker) => ['test_a0', 'test_b0'].filter((test) => existsSync(join(dir, 'bt', worker, test))));
    expect({ engine, made: made.length, stale: existsSync(join(dir, 'bt', 'stale.txt')) }).toEqual({ engine, made: 2, stale: false });
  }
  // (emptying the working directory or a parent of it would delete the project: pytest refuses it)
  for (const refusedValue of ['.', '..', '']) {
    const refused = await runIn('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', `--basetemp=${refusedValue}`], dir, '', temp);
    const ours = await runIn(process.execPath, [cli, '-p', 'no:cacheprovider', `--basetemp=${refusedValue}`], dir, '', temp);
    expect({ refusedValue, code: ours.code, said: ours.err.includes(BASETEMP_REFUSED), kept: existsSync(join(dir, 'test_a.py')) }).toEqual({
      refusedValue,
      code: refused.code,
      said: true,
      kept: true,
    });
  }
}, 120_000);
