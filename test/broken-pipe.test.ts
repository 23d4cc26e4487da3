// `fastest … | head`: a reader that goes away gets pytest's behaviour (exit 1, nothing on stderr).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const project = mkdtempSync(join(tmpdir(), 'fastest-epipe-'));
writeFileSync(join(project, 'test_many.py'), Array.from({ length: 20000 }, (_, i) => `def test_${i}(): pass\n`).join(''));
afterAll(() => rmSync(project, { recursive: true, force: true }));

function readFirstChunkThenClose(args: string[]): Promise<{ code: number | null; stderr: string; first: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let first = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', (d) => {
      first = String(d).split('\n')[0];
      child.stdout.destroy();
    });
    child.on('close', (code) => resolve({ code, stderr, first }));
  });
}

describe('a closed stdout pipe', () => {
  it.each([
    ['discover without a cache', ['discover', '--no-cache']],
    ['discover with a cache', ['discover']],
    ['discover replayed from the memo', ['discover']],
  ])('%s: exit 1 and no stack trace, as pytest', async (_name, args) => {
    const r = await readFirstChunkThenClose(args);
    expect(r.first).toBe('test_many.py::test_0');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });
});
