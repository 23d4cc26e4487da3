// The console's width is pytest's (terminalwriter.get_terminal_width): COLUMNS when set, else the
// terminal's, else 80, and 80 below 40 (a terminal that reports no size). fastest wrote 80 columns
// to a pipe whatever COLUMNS said, and 0 on a sizeless terminal (script(1) in a CI container):
// bare separators and FAILED lines without their message.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, compareEnv, normalOutput } from './helpers/against-pytest.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-width-'));
  writeFileSync(
    join(dir, 'test_w.py'),
    [
      'def test_long_failure_message():',
      '    assert "a fairly long string that goes past the terminal width" == ""',
      '',
      'def test_ok():',
      '    pass',
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What differs with the width: the separators and the short summary's lines, times cut. */
const widthLines = (out: string) =>
  normalOutput(out.replaceAll('\r', ''))
    .split('\n')
    .filter((line) => /^[=_-]{3,}|^FAILED /.test(line));

describe("the console's width", () => {
  for (const columns of ['120', '50', '30']) {
    it(`is COLUMNS=${columns} as pytest takes it, output piped`, () => {
      const env = { ...compareEnv, COLUMNS: columns };
      const args = ['-p', 'no:cacheprovider', '-q', '-n', '1'];
      const pytest = spawnSync('python3', ['-m', 'pytest', ...args.slice(0, 3)], { cwd: dir, env, encoding: 'utf8' });
      const fastest = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env, encoding: 'utf8' });
      expect(widthLines(pytest.stdout).length).toBeGreaterThan(3);
      expect(widthLines(fastest.stdout)).toEqual(widthLines(pytest.stdout));
    });
  }

  // script(1) started without a terminal gives its child one that reports 0 columns
  it.skipIf(!existsSync('/usr/bin/script'))("is 80 on a terminal that reports no size, as pytest's", () => {
    const env: NodeJS.ProcessEnv = { ...compareEnv };
    delete env.COLUMNS;
    const inTerminal = (command: string) =>
      spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).stdout;
    const pytest = inTerminal('python3 -m pytest -p no:cacheprovider -q --color=no');
    const fastest = inTerminal(`${process.execPath} ${cli} -p no:cacheprovider -q -n 1 --color=no`);
    expect(widthLines(pytest).some((line) => line.length === 80)).toBe(true);
    expect(widthLines(fastest)).toEqual(widthLines(pytest));
  });
});
