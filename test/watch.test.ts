// `fastest watch` driven by real file edits: a save re-runs the tests it can affect, in a fresh
// process that sees the new code; `q` quits.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ignoredByWatch } from '../src/cli/watch.js';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const root = mkdtempSync(join(tmpdir(), 'fastest-watch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('fastest watch', () => {
  it('re-runs the affected tests on a save, with the new code, and quits on q', async () => {
    write('pytest.ini', '[pytest]\n');
    write('pkg/__init__.py', '');
    write('pkg/a.py', 'A = 1\n');
    write('pkg/b.py', 'B = 1\n');
    write('tests/test_a.py', 'from pkg.a import A\n\ndef test_a():\n    assert A == 1\n');
    write('tests/test_b.py', 'from pkg.b import B\n\ndef test_b():\n    assert B == 1\n');
    const child = spawn(process.execPath, [cli, 'watch', '--python', 'python3', '-q'], {
      cwd: root,
      env: { ...process.env, GITHUB_ACTIONS: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    const waits: { count: number; resolve: () => void }[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const seen = out.split('waiting for changes').length - 1;
      for (const w of waits.filter((w) => seen >= w.count)) {
        waits.splice(waits.indexOf(w), 1);
        w.resolve();
      }
    });
    const runsDone = (count: number) => new Promise<void>((resolve) => waits.push({ count, resolve }));
    await runsDone(1);
    expect(out).toContain('2 passed');
    // Edits under .fastest/ and __pycache__ are no saves of the user's.
    write('.fastest/noise.json', '{}');
    write('pkg/a.py', 'A = 2\n');
    await runsDone(2);
    const second = out.slice(out.indexOf('waiting for changes') + 1);
    expect(second).toContain('fastest watch: 1 file changed: pkg/a.py');
    expect(second).toContain('FAILED tests/test_a.py::test_a - assert 2 == 1');
    expect(second).not.toContain('test_b');
    expect(second).toContain('1 of 2 test files affected by 1 changed file (pkg/a.py)');
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.write('q\n');
    expect(await exited).toBe(0);
  }, 180_000);

  it('ignores runner state, VCS, virtualenvs and editor droppings', () => {
    for (const path of [
      '.fastest/discovery.json',
      '.git/index',
      '.venv/lib/x.py',
      'pkg/__pycache__/a.cpython-311.pyc',
      'pkg/.a.py.swp',
      'pkg/a.py~',
      '.pytest_cache/v/x',
    ])
      expect(ignoredByWatch(path)).toBe(true);
    for (const path of ['pkg/a.py', 'tests/test_a.py', 'data/x.json', 'pytest.ini']) expect(ignoredByWatch(path)).toBe(false);
  });
});
