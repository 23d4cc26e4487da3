// --ff after a run fastest did not see (pytest's), when the failure is an expansion of a
// parametrize over a call's result (tomlkit's cases read from files): discovery lists the test as
// one dynamic item, so the module is collected first and its ids decide the order, as pytest's:
// the failed expansion first, its other expansions in their place (`-x` stops after it), and
// `--co -q --ff` lists the failure first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' };
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-ff-dynamic-'));
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  writeFileSync(
    join(dir, 'test_ff.py'),
    [
      'import pytest',
      '',
      'def _values(n):',
      '    return list(range(n))',
      '',
      '@pytest.mark.parametrize("n", _values(4))',
      'def test_a(n):',
      '    pass',
      '',
      '@pytest.mark.parametrize("n", _values(5))',
      'def test_n(n):',
      '    assert n != 3',
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Result lines, the collected line and the closing line, durations left out. */
const lines = (out: string) =>
  out
    .split('\n')
    .filter((line) => /PASSED|FAILED|collected|passed|failed|::/.test(line))
    .map((line) => line.replace(/ in [\d.]+s/, ''));

describe('--ff over a failed expansion only the import makes', () => {
  it('runs and lists it first, as pytest', () => {
    for (const args of [
      ['-v', '--ff', '-n', '1'],
      ['-q', '--ff', '-x', '-n', '2'],
      ['-q', '--ff', '--co'],
      ['-v', '--ff', '-n', '1', '--engine', 'native'],
    ]) {
      rmSync(join(dir, '.fastest'), { recursive: true, force: true });
      rmSync(join(dir, '.pytest_cache'), { recursive: true, force: true });
      // the failure recorded by pytest: fastest has not learned the module's ids
      spawnSync('python3', ['-m', 'pytest', '-q'], { cwd: dir, env });
      const pytestArgs = args.filter((arg, i) => !['-n', '--engine'].includes(arg) && !['-n', '--engine'].includes(args[i - 1]!));
      const p = spawnSync('python3', ['-m', 'pytest', ...pytestArgs], { cwd: dir, env, encoding: 'utf8' });
      const f = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env, encoding: 'utf8' });
      expect({ args, code: f.status, lines: lines(f.stdout) }).toEqual({ args, code: p.status, lines: lines(p.stdout) });
    }
  });
});
