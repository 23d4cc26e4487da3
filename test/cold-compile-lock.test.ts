// A first run's workers import the engine one at a time while its bytecode does not exist yet
// (worker.py `_cold_compile_lock`); once it does, where the import system reads it (beside its
// sources when fastest's directory is writable: installed_bytecode.py), no worker takes the lock.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'fastest-compile-lock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PROBE = `
import sys
sys.pycache_prefix = sys.argv[1]
sys.dont_write_bytecode = False
from fastest_worker.installed_bytecode import install
install()
from fastest_worker.worker import _cold_compile_lock
first = _cold_compile_lock()
from fastest_worker.native import engine
import os
os.close(first) if first is not None else None
print(first is not None, _cold_compile_lock() is None)
`;

describe("the engine's first compile", () => {
  it('is done under the lock, and the next start takes no lock', () => {
    const copy = join(work, 'python');
    cpSync(join(__dirname, '..', 'python', 'fastest_worker'), join(copy, 'fastest_worker'), {
      recursive: true,
      filter: (src) => !src.includes('__pycache__'),
    });
    const run = () =>
      spawnSync('python3', ['-c', PROBE, join(work, 'prefix')], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, PYTHONPATH: copy, PYTHONDONTWRITEBYTECODE: '1' },
      });
    const first = run();
    expect(first.stdout.trim(), first.stderr).toBe('True True');
    const second = run();
    expect(second.stdout.trim(), second.stderr).toBe('False True');
  });
});
