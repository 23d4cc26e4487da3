import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runUnits } from '../src/runner/pool.js';
import type { TestResult } from '../src/types.js';

// What a test controls (its output, its exception's text) is bounded the same way whatever engine
// ran it (python/fastest_worker/results.py): head and tail kept around a marker saying how much
// was cut, so the console and JUnit still show how the failure ended.
const ROOT = resolve(__dirname, 'fixtures/result-bounds');
const FILE = 'tests/test_flood.py';
const MiB = 1 << 20;
const MARKER = /\n\.\.\. \[(\d+) characters truncated by fastest\] \.\.\.\n/;

async function runEngine(engine: 'native' | 'pytest'): Promise<Map<string, TestResult>> {
  const results = new Map<string, TestResult>();
  await runUnits(
    [{ file: FILE, ids: null, expected: 1 }],
    { rootdir: ROOT, python: 'python3', workers: 1, engine, pytestArgs: [], capture: 'fd', verbose: 0 },
    { result: (r) => results.set(r.id.split('::')[1], r), collectionError: (e) => expect.fail(e.message), unitDone: () => {} },
  );
  return results;
}

function section(result: TestResult, name: string): string {
  const found = (result.sections ?? []).find(([title]) => title === name);
  expect(found, `${result.id}: section ${name}`).toBeDefined();
  return found![1];
}

/** The text was cut to `limit`: head and tail kept, the marker counts what went. */
function expectCut(text: string, original: number, limit: number, head: string, tail: string): void {
  const marker = MARKER.exec(text);
  expect(marker, 'marker').not.toBeNull();
  expect(text.length - marker![0].length).toBe(limit);
  expect(Number(marker![1])).toBe(original - limit);
  expect(text.startsWith(head)).toBe(true);
  expect(text.includes(tail)).toBe(true);
  expect(text.indexOf(tail)).toBeGreaterThan(marker!.index);
}

describe.each(['native', 'pytest'] as const)('result bounds, %s engine', (engine) => {
  it('cuts each flooded section to 1 MiB with a marker, keeping its head and tail', async () => {
    const results = await runEngine(engine);
    const flood = results.get('test_floods_stdout')!;
    expect(flood.outcome).toBe('failed');
    const stdoutText = 'head of the flood\n'.length + (5 << 20) + '\nend of the flood\n'.length;
    expectCut(section(flood, 'Captured stdout call'), stdoutText, MiB, 'head of the flood\n', '\nend of the flood\n');
    expect(flood.longrepr).toContain("AssertionError: the failure's own line");
    expect(JSON.stringify(flood).length).toBeLessThan(1.1 * MiB);

    const errAndLog = results.get('test_floods_stderr_and_log')!;
    const stderrText = 'err head\n'.length + (5 << 20) + '\nerr end\n'.length;
    expectCut(section(errAndLog, 'Captured stderr call'), stderrText, MiB, 'err head\n', '\nerr end\n');
    // The native engine does not send "Captured log" sections yet (its logging capture is being
    // wired); once it does, results.py bounds them like every section.
    const hasLog = (errAndLog.sections ?? []).some(([title]) => title === 'Captured log call');
    expect(hasLog || engine === 'native').toBe(true);
    if (hasLog) {
      const log = section(errAndLog, 'Captured log call');
      expect(MARKER.test(log)).toBe(true);
      expect(log.length).toBeLessThan(MiB + 100);
      expect(log).toContain('log end');
    }
    expect(JSON.stringify(errAndLog).length).toBeLessThan(2.1 * MiB);

    expect(results.get('test_quiet_passes')!.outcome).toBe('passed');
  });

  it('cuts a huge failure text and message, keeping the end of both', async () => {
    const huge = (await runEngine(engine)).get('test_huge_message')!;
    expect(huge.outcome).toBe('failed');
    expect(huge.message!.length).toBeLessThan(64 * 1024 + 100);
    expect(huge.message).toMatch(MARKER);
    expect(huge.message!.startsWith('ValueError: message head')).toBe(true);
    expect(huge.message!.endsWith(' message end')).toBe(true);
    expect(huge.longrepr!.length).toBeLessThan(MiB + 100);
    expect(huge.longrepr).toMatch(MARKER);
    expect(huge.longrepr).toMatch(/E +ValueError: message head/);
    expect(huge.longrepr).toContain('message end');
    expect(huge.longrepr!.trimEnd().split('\n').pop()).toMatch(/test_flood\.py:\d+: ValueError$/);
  });
});
