// -s with one worker: pytest's byte order on both streams. pytest writes the file's (or under -v
// the test's) line start, then what the test prints, then its result letter; the worker forwards
// what tests write to fds 1 and 2 through the protocol, before the frame that follows it
// (python/fastest_worker/output_order.py), and the console shows each result as it comes, without
// progress percentages (pytest's _show_progress_info is off under -s). Left (README, Known
// differences): what a test's teardown prints comes before its result letter, not after (the
// worker sends one result per test, after its teardown).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, normalOutput, runIn } from './helpers/against-pytest.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-sorder-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  writeFileSync(
    join(dir, 'test_a.py'),
    [
      'import sys',
      'import pytest',
      '',
      '@pytest.fixture',
      'def noisy():',
      '    print("setup says")',
      '    yield',
      '',
      'def test_pass(noisy):',
      '    print("out here")',
      '    sys.stderr.write("err here\\n")',
      '',
      'def test_fail():',
      '    print("fail out")',
      '    assert 1 == 2',
      '',
      'def test_quiet():',
      '    pass',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'test_b.py'), 'def test_b():\n    print("b out", end="")\n\ndef test_b2():\n    print("b2 out")\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('-s output order with one worker, as pytest', () => {
  it.concurrent.each([
    ['-s', 'native'],
    ['-s', 'pytest'],
    ['-s -v', 'native'],
    ['-s -v', 'pytest'],
    ['-s -rA', 'native'],
  ])('%s, %s engine', async (args, engine) => {
    const argv = ['-p', 'no:cacheprovider', ...args.split(' ')];
    const temp = join(dir, '..', `_temp-sorder-${args}-${engine}`.replace(/ /g, ''));
    const p = await runIn('python3', ['-m', 'pytest', ...argv], dir, '', temp);
    const f = await runIn(process.execPath, [cli, ...argv, '-n', '1', '--engine', engine], dir, '', temp);
    expect(p.out).toContain('out here');
    expect({ code: f.code, out: normalOutput(f.out), err: f.err }).toEqual({ code: p.code, out: normalOutput(p.out), err: p.err });
  });
});
