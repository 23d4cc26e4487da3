// A first run's prestarted workers rewrite the test modules Node has yet to parse (the
// `precompile` frame, before init: runner/prestart.ts, python/fastest_worker/worker.py
// _precompile_ahead): each its share, into the native engine's rewrite cache, without importing
// them. A module that does not compile is left to its import to report.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PrestartedWorkers } from '../src/runner/prestart.js';

const dir = mkdtempSync(join(tmpdir(), 'fastest-precompile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function filesUnder(path: string): string[] {
  try {
    return readdirSync(path).flatMap((name) => (statSync(join(path, name)).isDirectory() ? filesUnder(join(path, name)) : [name]));
  } catch {
    return [];
  }
}

describe('precompile ahead of init', () => {
  it('each prestarted worker rewrites its share into the rewrite cache, and imports nothing', async () => {
    const modules = ['test_a.py', 'test_b.py', 'test_c.py'].map((name) => join(dir, name));
    for (const path of modules) writeFileSync(path, 'open(__file__ + ".imported", "w").close()\n\ndef test_x():\n    assert 1 == 2\n');
    const broken = join(dir, 'test_broken.py');
    writeFileSync(broken, 'def test_(:\n');
    const workers = new PrestartedWorkers({ python: 'python3', cwd: dir, count: 2, pycacheDir: join(dir, '.fastest', 'pycache') });
    workers.precompile([...modules, broken], join(dir, '.fastest'));
    // end each worker's input: after its precompile frame it reads no init and exits
    const exits = [0, 1].map((index) => {
      const worker = workers.take(index)!;
      return new Promise<number | null>((resolve) => {
        worker.handoff.attach({ frame: () => {}, output: () => {}, exit: (code) => resolve(code) });
        worker.proc.child.stdin!.end();
      });
    });
    expect(await Promise.all(exits)).toEqual([0, 0]);
    expect(filesUnder(join(dir, '.fastest', 'pyc')).filter((name) => !name.startsWith('.tmp-'))).toHaveLength(3);
    expect(readdirSync(dir).filter((name) => name.endsWith('.imported'))).toEqual([]);
  });
});
