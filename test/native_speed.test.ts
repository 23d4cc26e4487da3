// The native engine's fast paths (plain functions collected without the generic walks, keywords
// built on first use, closures shared per parent, capture left on between tests,
// PYTEST_CURRENT_TEST written straight to the environment) against pytest on the cases they
// skip past: same ids, same order, same outcomes.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const HERE = new URL('.', import.meta.url).pathname;
const HARNESS = join(HERE, 'native_harness.py');
const ROOT = join(HERE, 'fixtures', 'native_speed-edge');
const work = mkdtempSync(join(tmpdir(), 'native-speed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Frame = Record<string, unknown>;

function jsonLines(text: string): Frame[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Frame);
}

async function nativeFrames(file: string): Promise<Frame[]> {
  const { stdout } = await run('python3', [HARNESS, ROOT, file], {
    cwd: ROOT,
    env: { ...process.env, NATIVE_CACHE_DIR: join(work, 'cache') },
  });
  return jsonLines(stdout);
}

function nativeOutcomes(frames: Frame[]): [string, string][] {
  return frames.flatMap((f): [string, string][] => {
    if (f.t === 'result') return [[f.id as string, f.outcome as string]];
    if (f.t === 'collect_error') return [[f.file as string, 'collect_error']];
    return [];
  });
}

async function pytestOutcomes(file: string): Promise<[string, string][]> {
  const out = join(work, `pytest-${file.replace(/\W/g, '_')}.jsonl`);
  await run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-p', 'native_pytest_outcomes', file], {
    cwd: ROOT,
    env: { ...process.env, PYTHONPATH: HERE, NATIVE_PYTEST_OUT: out },
  }).catch(() => undefined);
  return jsonLines(readFileSync(out, 'utf8')).map((r): [string, string] => [r.id as string, r.outcome as string]);
}

describe('native engine fast paths', () => {
  it('collects and runs the edge cases in pytest order with pytest outcomes', async () => {
    const [expected, frames] = await Promise.all([pytestOutcomes('test_edge.py'), nativeFrames('test_edge.py')]);
    expect(expected.length).toBe(25);
    expect(nativeOutcomes(frames)).toEqual(expected);
    // output stays per test although capture is left on between tests
    const last = frames.find((f) => f.t === 'result' && f.id === 'test_edge.py::test_last');
    expect(last?.sections).toEqual([['Captured stdout call', 'to the captured stdout\n']]);
    const withSections = frames.filter((f) => f.t === 'result' && f.sections !== undefined).map((f) => f.id);
    expect(withSections).toEqual(['test_edge.py::test_last']);
  });

  it('makes a generator test a collection error of its module, as pytest does', async () => {
    const [expected, frames] = await Promise.all([pytestOutcomes('test_yield.py'), nativeFrames('test_yield.py')]);
    expect(expected).toEqual([['test_yield.py', 'collect_error']]);
    expect(nativeOutcomes(frames)).toEqual(expected);
    const error = frames.find((f) => f.t === 'collect_error');
    expect(error?.message).toContain("'yield' keyword is allowed in fixtures, but not in tests (test_gen)");
  });
});
