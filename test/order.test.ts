// Issue 13 item 7: with -n 1 fastest runs the tests in exactly pytest's order; with more workers
// each worker runs its tests in pytest's relative order. Compared with real pytest's own order.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = join(__dirname, '..');
const cli = join(repo, 'dist', 'cli.js');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-order-'));
  cpSync(join(repo, 'test', 'fixtures', 'order-pytest'), join(work, 'proj'), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The order the conftest's autouse fixture saw tests start in: [worker, node id] per test. */
async function orderOf(command: string, args: string[], log: string): Promise<{ lines: [string, string][]; code: number }> {
  const dir = join(work, 'proj');
  let code = 0;
  await run(command, args, { cwd: dir, env: { ...process.env, ORDER_LOG: join(work, log), GITHUB_ACTIONS: '' } }).catch((e: { code?: number }) => {
    if (typeof e.code !== 'number') throw e;
    code = e.code;
  });
  const lines = readFileSync(join(work, log), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const space = line.indexOf(' ');
      return [line.slice(0, space), line.slice(space + 1)] as [string, string];
    });
  return { lines, code };
}

describe('test order', () => {
  let pytestOrder: string[];
  let pytestCode: number;
  beforeAll(async () => {
    const result = await orderOf('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], 'pytest.log');
    pytestOrder = result.lines.map(([, id]) => id);
    pytestCode = result.code;
  }, 60_000);

  it('is pytest order exactly with -n 1, in both engines (a later file relying on an earlier one passes)', async () => {
    expect(pytestCode).toBe(0);
    expect(pytestOrder.length).toBe(34);
    for (const engine of ['native', 'pytest']) {
      const result = await orderOf(process.execPath, [cli, '-n', '1', '--no-cache', '--engine', engine, '-q', '-p', 'no:cacheprovider'], `n1-${engine}.log`);
      expect(result.lines.map(([, id]) => id)).toEqual(pytestOrder);
      expect(result.code).toBe(pytestCode);
    }
  }, 60_000);

  it('keeps pytest relative order on every worker with -n 2', async () => {
    const result = await orderOf(process.execPath, [cli, '-n', '2', '--no-cache', '-q', '-p', 'no:cacheprovider'], 'n2.log');
    const position = new Map(pytestOrder.map((id, index) => [id, index]));
    const byWorker = new Map<string, number[]>();
    for (const [worker, id] of result.lines) byWorker.set(worker, [...(byWorker.get(worker) ?? []), position.get(id)!]);
    expect([...result.lines.map(([, id]) => id)].sort()).toEqual([...pytestOrder].sort());
    expect(byWorker.size).toBe(2);
    for (const positions of byWorker.values()) expect(positions).toEqual([...positions].sort((a, b) => a - b));
  }, 60_000);
});
