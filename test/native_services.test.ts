// Runtime services of the native engine (python/fastest_worker/native/{rewrite,assertrepr,
// capture,builtins,warnings_rec}.py), checked against real pytest on the same fixture files.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const python = process.env.FASTEST_TEST_PYTHON ?? 'python3';
const harness = join(here, 'native_services_harness.py');
const assertsDir = join(here, 'fixtures', 'services-asserts');
const builtinsDir = join(here, 'fixtures', 'services-builtins');
const scratch = mkdtempSync(join(tmpdir(), 'fastest-services-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface RunOutput {
  stdout: string;
  stderr: string;
  code: number;
}

function run(args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<RunOutput> {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1', ...extraEnv };
  // CI changes pytest's diff/truncation behaviour; each check sets it explicitly.
  if (!('CI' in extraEnv)) delete env.CI;
  delete env.BUILD_NUMBER;
  delete env.PYTEST_ADDOPTS;
  return new Promise((resolve) => {
    const child = execFile(python, args, { cwd, env, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : 0;
      resolve({ stdout, stderr, code });
    });
    child.stdin?.end(); // a test that reads stdin under --capture=no gets EOF, not a hang
  });
}

/** The last line of the harness output is its JSON document (tests may print before it). */
function harnessJson<T>(out: RunOutput): T {
  const lines = out.stdout.trimEnd().split('\n');
  try {
    return JSON.parse(lines[lines.length - 1]) as T;
  } catch {
    throw new Error(`harness failed (exit ${out.code}):\n${out.stdout}\n${out.stderr}`);
  }
}

// plugins that may be installed next to pytest and would write files or change the output
const quietPlugins = ['-p', 'no:cacheprovider', '-p', 'no:benchmark', '-p', 'no:randomly'];

const normalizeAddresses = (lines: string[]): string[] => lines.map((l) => l.replace(/0x[0-9a-f]+/g, '0xADDR'));

/** `E   ` lines of each failure in pytest's long traceback output, keyed by test name. */
function pytestAssertionLines(output: string): Map<string, string[]> {
  const byTest = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of output.split('\n')) {
    const header = /^_{3,} ((?:Test\w+\.)?test_\w+) _{3,}$/.exec(line);
    if (header) {
      current = [];
      byTest.set(header[1], current);
    } else if (current && line.startsWith('E   ')) {
      current.push(line.slice(8));
    } else if (/^=+ /.test(line)) {
      current = null;
    }
  }
  return byTest;
}

interface AssertsResult {
  messages: Record<string, string[] | null>;
  stats: { compiled: number; cache_hits: number; cache_writes: number };
}

describe.concurrent('assertion rewriting matches pytest', () => {
  const cases: Array<{ name: string; pytestFlags: string[]; verbose: number; env: Record<string, string> }> = [
    { name: 'default verbosity', pytestFlags: ['-q'], verbose: 0, env: {} },
    { name: '-vv', pytestFlags: ['-vv'], verbose: 2, env: {} },
    { name: 'on CI (no truncation, full diff)', pytestFlags: ['-q'], verbose: 0, env: { CI: 'true' } },
  ];
  for (const c of cases) {
    // concurrent tests must use the context's expect (soft assertions are per test)
    it(`gives pytest's E lines for every failing assert (${c.name})`, async ({ expect }) => {
      const [pytestRun, mineRun] = await Promise.all([
        run(['-m', 'pytest', ...c.pytestFlags, ...quietPlugins, '--tb=long', 'test_asserts.py'], assertsDir, c.env),
        run(
          [harness, 'asserts', join(assertsDir, 'test_asserts.py'), join(scratch, `asserts-${c.verbose}-${c.name.length}`), String(c.verbose)],
          assertsDir,
          c.env,
        ),
      ]);
      const expected = pytestAssertionLines(pytestRun.stdout);
      const mine = harnessJson<AssertsResult>(mineRun).messages;
      expect(expected.size).toBeGreaterThan(40);
      for (const [test, lines] of expected) {
        expect.soft(normalizeAddresses(mine[test] ?? []), test).toEqual(normalizeAddresses(lines));
      }
      expect(Object.keys(mine).sort()).toEqual([...expected.keys()].sort());
    });
  }
});

interface CacheResult {
  seconds: number;
  rewritten: number;
  stats: { compiled: number; cache_hits: number; cache_writes: number };
}

describe('rewritten code cache', () => {
  it('compiles on the first import only, even with PYTHONDONTWRITEBYTECODE=1, and recompiles an edited file', async () => {
    const src = join(scratch, 'cache-src');
    const cache = join(scratch, 'cache-dir');
    const count = '30';
    const cold = harnessJson<CacheResult>(await run([harness, 'cache', src, cache, count], scratch));
    expect(cold.rewritten).toBe(30);
    expect(cold.stats).toEqual({ compiled: 30, cache_hits: 0, cache_writes: 30 });

    const warm = harnessJson<CacheResult>(await run([harness, 'cache', src, cache, count], scratch));
    expect(warm.stats).toEqual({ compiled: 0, cache_hits: 30, cache_writes: 0 });

    const edited = join(src, 'test_cache_mod_7.py');
    writeFileSync(edited, readFileSync(edited, 'utf8') + '\n\ndef test_extra():\n    assert 1\n');
    const afterEdit = harnessJson<CacheResult>(await run([harness, 'cache', src, cache, count], scratch));
    expect(afterEdit.stats).toEqual({ compiled: 1, cache_hits: 29, cache_writes: 1 });
  });
});

interface ServicesResult {
  results: Record<string, { outcome: string; sections: Record<string, [string, string, string]>; warnings: number }>;
  warnings_summary: string[];
}

/** pytest -rA: "Captured stdout call" style sections of passed tests, keyed by test name. */
function pytestSections(output: string): Map<string, Map<string, string>> {
  const byTest = new Map<string, Map<string, string>>();
  let sections: Map<string, string> | null = null;
  let key: string | null = null;
  let inPasses = false;
  for (const line of output.split('\n')) {
    if (/^=+ PASSES =+$/.test(line)) {
      inPasses = true;
      continue;
    }
    if (!inPasses) continue;
    const header = /^_{3,} (test_\w+) _{3,}$/.exec(line);
    const section = /^-{3,} Captured (stdout|stderr|log) (setup|call|teardown) -{3,}$/.exec(line);
    if (header) {
      sections = new Map();
      byTest.set(header[1], sections);
      key = null;
    } else if (section && sections) {
      key = `${section[2]}/${section[1]}`;
      sections.set(key, '');
    } else if (/^(-{3,}|={3,}) /.test(line)) {
      key = null;
      if (line.startsWith('=')) inPasses = false;
    } else if (key && sections) {
      sections.set(key, sections.get(key) + line + '\n');
    }
  }
  return byTest;
}

function pytestWarningsSummary(output: string): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => / warnings summary =+$/.test(l));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l.startsWith('-- Docs: '));
  return lines.slice(start, end + 1);
}

describe.concurrent('capture, builtin fixtures and warnings', () => {
  for (const mode of ['fd', 'sys'] as const) {
    it(`passes the fixture suite and captures what pytest --capture=${mode} captures`, async ({ expect }) => {
      const [pytestRun, mineRun] = await Promise.all([
        run(['-m', 'pytest', '-q', '-rA', ...quietPlugins, `--capture=${mode}`, 'test_services.py'], builtinsDir),
        run([harness, 'services', builtinsDir, mode, join(scratch, `services-${mode}`)], builtinsDir),
      ]);
      expect(pytestRun.stdout).toMatch(/23 passed/);
      const mine = harnessJson<ServicesResult>(mineRun);
      for (const [test, result] of Object.entries(mine.results)) {
        expect.soft(result.outcome, test).toBe('passed');
      }
      expect(Object.keys(mine.results)).toHaveLength(23);

      const expected = pytestSections(pytestRun.stdout);
      for (const [test, result] of Object.entries(mine.results)) {
        const mineSections = new Map<string, string>();
        for (const [when, [out, err, log]] of Object.entries(result.sections)) {
          if (out) mineSections.set(`${when}/stdout`, out);
          if (err) mineSections.set(`${when}/stderr`, err);
          if (log) mineSections.set(`${when}/log`, log + '\n');
        }
        expect.soft(Object.fromEntries(mineSections), test).toEqual(Object.fromEntries(expected.get(test) ?? new Map()));
      }
      expect(mine.warnings_summary).toEqual(pytestWarningsSummary(pytestRun.stdout));
    });
  }

  it('leaves output uncaptured with --capture=no while capsys/capfd still capture', async ({ expect }) => {
    const mine = harnessJson<ServicesResult>(await run([harness, 'services', builtinsDir, 'no', join(scratch, 'services-no')], builtinsDir));
    expect(mine.results.test_print_sections.sections.call).toEqual(['', '', '']);
    for (const test of ['test_capsys', 'test_capfd', 'test_capsysbinary', 'test_capfdbinary', 'test_tmp_path', 'test_caplog', 'test_monkeypatch_undone']) {
      expect(mine.results[test].outcome, test).toBe('passed');
    }
  });
});
