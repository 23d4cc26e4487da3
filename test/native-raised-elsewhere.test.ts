// What a thread or a __del__ raises while a test runs: pytest's threadexception and
// unraisableexception plugins warn of it at the end of the phase that saw it
// (PytestUnhandledThreadExceptionWarning, PytestUnraisableExceptionWarning), and under
// `filterwarnings = error` that phase fails. The native engine uses those plugins' own hooks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' };
let proj: string;

beforeAll(() => {
  proj = mkdtempSync(join(tmpdir(), 'fastest-raised-elsewhere-'));
  writeFileSync(
    join(proj, 'test_elsewhere.py'),
    [
      'import gc',
      'import threading',
      '',
      'import pytest',
      '',
      '',
      'def test_thread_raises():',
      '    t = threading.Thread(target=lambda: 1 / 0, name="worker-x")',
      '    t.start()',
      '    t.join()',
      '',
      '',
      'class Broken:',
      '    def __del__(self):',
      '        raise ValueError("from __del__")',
      '',
      '',
      'def test_del_raises():',
      '    Broken()',
      '    gc.collect()',
      '',
      '',
      '@pytest.fixture',
      'def threaded_teardown():',
      '    yield',
      '    t = threading.Thread(target=lambda: [][1], name="in-teardown")',
      '    t.start()',
      '    t.join()',
      '',
      '',
      'def test_teardown_thread(threaded_teardown):',
      '    pass',
      '',
      '',
      '@pytest.mark.xfail(reason="known")',
      'def test_xfail_thread():',
      '    t = threading.Thread(target=lambda: 1 / 0)',
      '    t.start()',
      '    t.join()',
      '',
      '',
      'def test_plain():',
      '    pass',
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(proj, { recursive: true, force: true }));

/**
 * Outcome lines, the warning each failure names and the closing line, without times and
 * addresses. (pytest's failure text also shows the frames of its runner and pluggy that raised the
 * warning, and the exception it was caused by; the native engine shows the warning.)
 */
const shape = (out: string) =>
  out
    .split('\n')
    .filter((l) => /^(PASSED|FAILED|ERROR|XFAIL|XPASS) |^=+ .* in [\d.]+s/.test(l) || /^E\s+pytest\.Pytest\w+Warning: /.test(l))
    .map((l) => l.replace(/^E\s+/, 'E '))
    .map((l) => l.replace(/ in [\d.]+s/, ' in Xs').replace(/0x[0-9a-f]+/g, '0xX'))
    .sort();

describe('exceptions raised in threads and __del__ during a test', () => {
  it.each([
    ['warned', '[pytest]\n', []],
    ['errors under filterwarnings = error', '[pytest]\nfilterwarnings =\n    error\n', []],
    ['blocked plugins', '[pytest]\nfilterwarnings =\n    error\n', ['-p', 'no:threadexception', '-p', 'no:unraisableexception']],
  ])('%s: as pytest, natively', (_name, ini, args) => {
    writeFileSync(join(proj, 'pytest.ini'), ini);
    const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-rA', ...args], { cwd: proj, encoding: 'utf8', env });
    for (const workers of ['1', '2']) {
      const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '-rA', '--no-cache', '-n', workers, '--show-engines', ...args], {
        cwd: proj,
        encoding: 'utf8',
        env,
      });
      expect(f.stdout).toContain('test_elsewhere.py: native engine');
      expect({ workers, status: f.status, shape: shape(f.stdout) }).toEqual({ workers, status: p.status, shape: shape(p.stdout) });
    }
  });
});
