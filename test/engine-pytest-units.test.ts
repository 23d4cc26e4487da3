// The pytest engine collects each unit anew in one session per worker. pytest 9.1 binds a
// conftest's fixtures to the Directory node that first collected it, so every unit after the
// first must still find them (on 9.1.1 they were "not found" from the second module on).
// FASTEST_TEST_PYTHON picks the interpreter (and so the pytest version) under test.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const project = resolve(__dirname, 'fixtures/runner-shared-conftest');
const python = process.env.FASTEST_TEST_PYTHON ?? 'python3';

function run(args: string[]) {
  return spawnSync(process.execPath, [cli, '-q', '-p', 'no:cacheprovider', '--no-cache', '--python', python, ...args], { cwd: project, encoding: 'utf8' });
}

describe('conftest fixtures across the units of one pytest-engine worker', () => {
  it.each([['pytest'], ['auto']])('--engine %s -n 1: every module finds them, as under pytest', (engine) => {
    const pytest = spawnSync(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: project, encoding: 'utf8' });
    const fastest = run(['-n', '1', '--engine', engine]);
    const closing = (out: string) =>
      out
        .trim()
        .split('\n')
        .at(-1)!
        .replace(/ in [\d.]+s.*$/, '');
    expect(closing(pytest.stdout)).toBe('12 passed');
    expect(closing(fastest.stdout), fastest.stdout + fastest.stderr).toBe('12 passed');
    expect(fastest.status).toBe(0);
  });
});
