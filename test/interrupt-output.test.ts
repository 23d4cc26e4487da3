// A test that ends the run (pytest.exit(), a KeyboardInterrupt it raises) is reported with
// pytest's lines: `!!! _pytest.outcomes.Exit: reason !!!`, or `!!! KeyboardInterrupt !!!` with
// where it was raised and pytest's hint, and pytest's exit code. Before, fastest printed
// `Interrupted: reason` and `Interrupted: KeyboardInterrupt raised in a test`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, normalOutput, runIn, writeLines } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-interrupt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const tempRoot = join(work, 'tmp');

/** From the first section after the progress lines to the end (the progress line itself is not
 * compared: pytest starts the file's line when its test starts). */
const fromInterruption = (out: string) => normalOutput(out).slice(normalOutput(out).search(/\n[=!]{3}/));

describe('a test that ends the run', () => {
  const dir = mkdtempSync(join(work, 'p'));
  // a code pytest writes no terminal summary for (3), one it does (1), and none (2): its line
  // comes before or after the closing line, the failure above it or not
  for (const [name, code] of [
    ['test_exit.py', ', returncode=3'],
    ['test_exit_one.py', ', returncode=1'],
    ['test_exit_two.py', ''],
  ]) {
    writeLines(dir, name!, ['import pytest', '', 'def test_fails():', '    assert 1 == 2', '', 'def test_exit():', `    pytest.exit("stop here"${code})`]);
  }
  writeLines(dir, 'test_interrupt.py', [
    'def test_first():',
    '    pass',
    '',
    'def test_interrupt():',
    '    raise KeyboardInterrupt',
    '',
    'def test_after():',
    '    pass',
  ]);
  it.concurrent.each([
    ['test_exit.py', 'native'],
    ['test_exit.py', 'pytest'],
    ['test_exit_one.py', 'native'],
    ['test_exit_two.py', 'native'],
    ['test_exit_two.py', 'pytest'],
    ['test_interrupt.py', 'native'],
    ['test_interrupt.py', 'pytest'],
  ])('%s: engine %s, as pytest reports it', async (file, engine) => {
    const args = ['-p', 'no:cacheprovider', file];
    const pytest = await runIn('python3', ['-m', 'pytest', ...args], dir, '', tempRoot);
    const fastest = await runIn(process.execPath, [cli, ...args, '-n', '1', '--engine', engine], dir, '', tempRoot);
    expect(pytest.out).toMatch(/!+ (_pytest\.outcomes\.Exit: stop here|KeyboardInterrupt) !+/);
    expect(fromInterruption(fastest.out)).toBe(fromInterruption(pytest.out));
    expect(fastest.code).toBe(pytest.code);
  });
});
