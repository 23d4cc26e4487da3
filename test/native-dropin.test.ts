// Issue 13 item 6 (native engine) and 3 (logging): minimal projects under
// test/fixtures/native-dropin/, each run by real pytest and by fastest (`--engine native` and the
// default `auto`), compared per test (JUnit outcome and message) and on the console text pytest
// users read (failure and error sections, addresses masked).
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = join(__dirname, '..');
const cli = process.env.CLI_UNDER_TEST ?? join(repo, 'dist', 'cli.js');
const fixtures = join(repo, 'test', 'fixtures', 'native-dropin');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-dropin-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Ran {
  code: number;
  out: string;
  /** classname::name -> outcome and first message line, from the JUnit file */
  cases: Map<string, string>;
  /** the --json report's engine per test id (fastest only) */
  engines: Map<string, string>;
  /** the --json report's worker per test id (fastest only) */
  workers: Map<string, number>;
  junit: string;
}

let copies = 0;
function copyOf(name: string): string {
  const dir = join(work, `${name}-${copies++}`);
  cpSync(join(fixtures, name), dir, { recursive: true });
  return dir;
}

async function tool(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  const fullEnv = { ...process.env, GITHUB_ACTIONS: '', CI: '', COLUMNS: '80', NO_COLOR: '1', ...env };
  try {
    const { stdout } = await run(cmd, args, { cwd, env: fullEnv, maxBuffer: 1 << 26 });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, out: e.stdout ?? '' };
  }
}

/** Addresses and mock ids differ from run to run. */
function masked(text: string): string {
  return text
    .replace(/0x[0-9a-f]+/g, '0x?')
    .replace(/ id='\d+'/g, " id='?'")
    .replace(/\/fastest-dropin-\w+\/[\w-]+-\d+\//g, '/<copy>/');
}

function junitCases(path: string): Map<string, string> {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testcase' });
  const doc = parser.parse(readFileSync(path, 'utf8')) as { testsuites: { testsuite: { testcase?: Record<string, unknown>[] } } };
  const cases = new Map<string, string>();
  for (const tc of doc.testsuites.testsuite.testcase ?? []) {
    let outcome = 'passed';
    for (const kind of ['failure', 'error', 'skipped']) {
      const child = tc[kind] as Record<string, string> | Record<string, string>[] | undefined;
      if (child === undefined) continue;
      const first = Array.isArray(child) ? child[0]! : child;
      outcome = `${kind}: ${masked(String(first.message ?? '').split('\n')[0]!)}`;
    }
    const key = `${String(tc.classname)}::${String(tc.name)}`;
    cases.set(key, cases.has(key) ? `${cases.get(key)} + ${outcome}` : outcome);
  }
  return cases;
}

async function pytest(dir: string, args: string[], env: NodeJS.ProcessEnv = {}, python = 'python3'): Promise<Ran> {
  const junit = join(dir, `pytest-${copies++}.xml`);
  const { code, out } = await tool(python, ['-m', 'pytest', '-q', '--continue-on-collection-errors', '--junitxml', junit, ...args], dir, env);
  return { code, out, cases: junitCases(junit), engines: new Map(), workers: new Map(), junit };
}

async function fastest(dir: string, engine: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  const junit = join(dir, `fastest-${copies}.xml`);
  const json = join(dir, `fastest-${copies++}.json`);
  const { code, out } = await tool(
    process.execPath,
    [cli, '--no-cache', '-q', '--engine', engine, '--continue-on-collection-errors', '--junitxml', junit, '--json', json, ...args],
    dir,
    env,
  );
  const engines = new Map<string, string>();
  const workers = new Map<string, number>();
  if (existsSync(json)) {
    const report = JSON.parse(readFileSync(json, 'utf8')) as { tests: { id: string; engine: string | null; worker?: number }[] };
    for (const t of report.tests) engines.set(t.id, t.engine ?? '?');
    for (const t of report.tests) if (t.worker !== undefined) workers.set(t.id, t.worker);
  }
  return { code, out, cases: existsSync(junit) ? junitCases(junit) : new Map(), engines, workers, junit };
}

/** The FAILURES and ERRORS sections as blocks keyed by their `____ title ____` line (the order
 * of blocks follows completion under several workers), with addresses masked. */
function reportBlocks(out: string): Map<string, string> {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => /^=+ (FAILURES|ERRORS) =+$/.test(l));
  const end = lines.findIndex((l) => /^=+ (short test summary info|warnings summary) =+$/.test(l));
  const blocks = new Map<string, string>();
  if (start < 0) return blocks;
  let title = '';
  for (const line of lines.slice(start, end < 0 ? undefined : end)) {
    if (/^=+ (FAILURES|ERRORS) =+$/.test(line) || /^-+ generated xml file: /.test(line)) continue;
    if (/^_{3,} .* _{3,}$/.test(line)) {
      title = line.replace(/^_+ | _+$/g, '');
      blocks.set(title, '');
      continue;
    }
    blocks.set(title, `${blocks.get(title) ?? ''}${masked(line)}\n`);
  }
  return blocks;
}

function sorted(m: Map<string, string>): [string, string][] {
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

describe('collection: unsafe globals, mock.patch arguments, pytestconfig, callspec (native-dropin/collect)', () => {
  let expected: Ran;
  const got = new Map<string, Ran>();
  beforeAll(async () => {
    const [p, n, a] = await Promise.all([pytest(copyOf('collect'), []), fastest(copyOf('collect'), 'native', []), fastest(copyOf('collect'), 'auto', [])]);
    expected = p;
    got.set('native', n);
    got.set('auto', a);
  }, 180_000);

  it.each(['native', 'auto'])('%s: every test has pytest outcome and message', (engine) => {
    expect(expected.cases.size).toBe(25);
    expect(sorted(got.get(engine)!.cases)).toEqual(sorted(expected.cases));
    expect(got.get(engine)!.code).toBe(expected.code);
  });

  it.each(['native', 'auto'])('%s: the modules with proxies, patched tests and pytestconfig run natively', (engine) => {
    const engines = got.get(engine)!.engines;
    expect(engines.size).toBe(24);
    expect([...new Set(engines.values())]).toEqual(['native']);
  });

  it.each(['native', 'auto'])('%s: failure texts and the collection error read as pytest prints them', (engine) => {
    const blocks = reportBlocks(got.get(engine)!.out);
    expect(sorted(blocks)).toEqual(sorted(reportBlocks(expected.out)));
    // the logging plugin unregistered (as flask's tests do): no "Captured log", no stray stderr
    expect(blocks.get('test_unregistered_logging_plugin')).not.toMatch(/Captured (log|stderr)/);
    expect(blocks.get('test_logging_plugin_back')).toContain('Captured log call');
    expect(blocks.get('ERROR collecting test_proxy_named_test.py')).toContain('RuntimeError: Working outside of request context.');
  });
});

/** The warnings summary's entries (location line and text), sorted: several workers finish in their own order. */
function warningEntries(out: string): string[] {
  const section = /^=+ warnings summary =+$\n([\s\S]*?)^-- Docs:/m.exec(out);
  return section
    ? section[1]!
        .split(/\n\n/)
        .map((e) => e.trim())
        .filter(Boolean)
        .sort()
    : [];
}

// pytest warns for a class named like a test with __init__ or __new__ (nested too) and for a
// callable test_ attribute that is not a function; native collection dropped them silently.
describe('collection warnings for what pytest cannot collect (native-dropin/collect-warnings)', () => {
  it.each(['native', 'auto'])(
    "%s: pytest's PytestCollectionWarning entries and counts",
    async (engine) => {
      const [p, f] = await Promise.all([pytest(copyOf('collect-warnings'), []), fastest(copyOf('collect-warnings'), engine, ['-n', '2'])]);
      const expected = warningEntries(p.out).map(masked);
      expect(expected).toHaveLength(4);
      expect(expected.join('\n')).toContain(
        "cannot collect test class 'TestInner' because it has a __init__ constructor (from: test_constructors.py::TestOuter)",
      );
      expect(warningEntries(f.out).map(masked)).toEqual(expected);
      expect(sorted(f.cases)).toEqual(sorted(p.cases));
      expect(p.out).toMatch(/^(=+ )?3 passed, 4 warnings in /m);
      expect(f.out).toMatch(/^(=+ )?3 passed, 4 warnings in /m);
    },
    120_000,
  );
});

describe('a module split between workers reports its collection warning once (native-dropin/split-collect-warning)', () => {
  it.each(['native', 'pytest', 'auto'])(
    '%s -n 2: one warning, as pytest',
    async (engine) => {
      const [p, f] = await Promise.all([pytest(copyOf('split-collect-warning'), []), fastest(copyOf('split-collect-warning'), engine, ['-n', '2'])]);
      // the module ran on both workers (else this checks nothing)
      const workers = new Set([...f.workers].filter(([id]) => id.startsWith('test_many.py::')).map(([, w]) => w));
      expect(workers.size).toBe(2);
      expect(warningEntries(f.out).map(masked)).toEqual(warningEntries(p.out).map(masked));
      expect(p.out).toMatch(/^(=+ )?82 passed, 1 warning in /m);
      expect(f.out).toMatch(/^(=+ )?82 passed, 1 warning in /m);
    },
    120_000,
  );
});

describe('auto hands a module native cannot collect exactly to pytest (native-dropin/plugin-fallback)', () => {
  it("a fixture only a plugin defines (PYTEST_PLUGINS): pytest's outcome, from the pytest engine", async () => {
    const env = { PYTEST_PLUGINS: 'myplugin', PYTHONPATH: '.' };
    const [p, a] = await Promise.all([pytest(copyOf('plugin-fallback'), [], env), fastest(copyOf('plugin-fallback'), 'auto', [], env)]);
    expect(sorted(a.cases)).toEqual(sorted(p.cases));
    expect(p.cases.get('test_plugin_fixture::test_uses_plugin')).toBe('passed');
    expect(a.engines.get('test_plugin_fixture.py::test_uses_plugin')).toBe('pytest');
    expect(a.engines.get('test_plain.py::test_plain')).toBe('native');
    expect(a.code).toBe(0);
  }, 120_000);
});

describe('the pytest engine started after the project was imported (native-dropin/rewrite-warning)', () => {
  // dateutil: hypothesis imported by a native module or by the warm parent, then the pytest engine
  // started in that worker; pytest's config marks the plugin's modules for rewriting and warned
  // "Module already imported" (an error under filterwarnings = error: exit 3, no test run).
  it.each([
    { engine: 'auto', workers: '1', warm: '0' },
    { engine: 'auto', workers: '2', warm: '1' },
    { engine: 'pytest', workers: '2', warm: '1' },
  ])(
    "$engine -n $workers, warm parent $warm: no config warning, pytest's outcomes",
    async ({ engine, workers, warm }) => {
      // hypothesis's and pytest-mock's plugins autoloaded, as in dateutil's environment
      const plugins = { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '' };
      const [p, f] = await Promise.all([
        pytest(copyOf('rewrite-warning'), [], plugins),
        fastest(copyOf('rewrite-warning'), engine, ['-n', workers], { FASTEST_WARM_PARENT: warm, ...plugins }),
      ]);
      expect(p.code).toBe(0);
      expect(sorted(f.cases)).toEqual(sorted(p.cases));
      if (engine === 'auto') {
        expect(f.engines.get('test_a_native.py::test_uses_hypothesis')).toBe('native');
        expect(f.engines.get('test_a2_mocker.py::test_uses_mocker')).toBe('native');
        expect(f.engines.get('test_b_plugin.py::test_uses_worker_id')).toBe('pytest');
      }
      expect(f.code).toBe(0);
      expect(f.out).toMatch(/^(=+ )?3 passed in /m);
    },
    120_000,
  );
});

describe('logging as pytest (native-dropin/logging: log_level, log_format, log_date_format in the ini)', () => {
  const variants: { name: string; args: string[]; engines: string[] }[] = [
    { name: 'ini only', args: [], engines: ['native', 'auto'] },
    { name: '--log-level=DEBUG --log-disable=noisy', args: ['--log-level=DEBUG', '--log-disable=noisy'], engines: ['native', 'auto'] },
    { name: '--log-format, log_auto_indent', args: ['--log-format=%(levelname)s %(message)s', '-o', 'log_auto_indent=on'], engines: ['native', 'auto'] },
    // caplog is the logging plugin's: `--engine native` cannot run a module asking for it then
    { name: '-p no:logging', args: ['-p', 'no:logging'], engines: ['auto'] },
  ];
  it.each(variants)(
    '$name: outcomes, captured log sections and caplog as pytest',
    async ({ args, engines }) => {
      const [p, ...runs] = await Promise.all([pytest(copyOf('logging'), args), ...engines.map((e) => fastest(copyOf('logging'), e, args))]);
      expect(p.cases.size).toBe(6);
      for (const [index, engine] of engines.entries()) {
        const f = runs[index]!;
        // (fastest's JUnit message of a missing fixture is its first line, not pytest's whole text)
        const kinds = (cases: Map<string, string>) => sorted(cases).map(([id, o]) => [id, args.includes('no:logging') ? o.split(':')[0] : o]);
        expect({ engine, cases: kinds(f.cases) }).toEqual({ engine, cases: kinds(p.cases) });
        expect({ engine, blocks: sorted(reportBlocks(f.out)) }).toEqual({ engine, blocks: sorted(reportBlocks(p.out)) });
        if (!args.includes('no:logging')) expect([...new Set(f.engines.values())]).toEqual(['native']);
      }
      if (!args.includes('no:logging')) expect(reportBlocks(p.out).get('test_fails_with_logs')).toContain('Captured log setup');
    },
    180_000,
  );

  it('captured log in JUnit (junit_logging = all) as pytest writes it', async () => {
    const args = ['-o', 'junit_logging=all'];
    const [p, n] = await Promise.all([pytest(copyOf('logging'), args), fastest(copyOf('logging'), 'native', args)]);
    const systemOut = (ran: Ran) => readFileSync(ran.junit, 'utf8').match(/<system-out>[\s\S]*?<\/system-out>/g) ?? [];
    expect(systemOut(n)).toEqual(systemOut(p));
    expect(systemOut(p).join('')).toContain('Captured Log');
  }, 120_000);

  it('log_cli and log_file in the ini: real pytest runs the session (live log sections, one log file)', async () => {
    const dir = copyOf('logging');
    const cli = await fastest(dir, 'auto', ['-o', 'log_cli=true', 'test_logs.py::test_caplog_text']);
    expect(cli.out).toContain('live log call');
    expect(cli.out).toContain('WARNING app test_logs.py:33 formatted text');
    const file = await fastest(dir, 'auto', ['-o', 'log_file=run.log', 'test_logs.py::test_caplog_text']);
    expect(file.code).toBe(0);
    expect(readFileSync(join(dir, 'run.log'), 'utf8')).toBe('WARNING app test_logs.py:33 formatted text\n');
  }, 120_000);
});

describe('-l/--showlocals in the native engine (native-dropin/collect)', () => {
  it.each([{ args: ['-l'] }, { args: ['-l', '--no-showlocals'] }, { args: ['--showlocals', '-vvv'] }])(
    '$args: the failure text has pytest locals block',
    async ({ args }) => {
      const files = ['test_mock_args.py', 'test_pytestconfig.py'];
      const [p, n, a] = await Promise.all([
        pytest(copyOf('collect'), [...args, ...files]),
        fastest(copyOf('collect'), 'native', [...args, ...files]),
        fastest(copyOf('collect'), 'auto', [...args, ...files]),
      ]);
      const expected = sorted(reportBlocks(p.out));
      expect(expected.length).toBeGreaterThanOrEqual(3);
      expect(sorted(reportBlocks(n.out))).toEqual(expected);
      expect(sorted(reportBlocks(a.out))).toEqual(expected);
      expect([...new Set(a.engines.values())]).toEqual(['native']);
      const locals = /^getcwd {5}= <MagicMock/m; // -l's block (names padded), not the arguments line
      if (args.includes('--no-showlocals')) expect(n.out).not.toMatch(locals);
      else expect(n.out).toMatch(locals);
    },
    180_000,
  );
});

describe("pytest-timeout's timeout ini (native-dropin/timeout: timeout = 1)", () => {
  // pytest-timeout's signal method: "Failed: Timeout (>1.0s) from pytest-timeout." where the test
  // hangs (in the call, or in a fixture's setup), and the run goes on in the same worker.
  const shape = (where: string, line: string) => `\n    ${where}\n>       ${line}\nE       Failed: Timeout (>1.0s) from pytest-timeout.\n`;
  it.each(['native', 'auto', 'pytest'])(
    '%s: a hung test fails with pytest-timeout text and the next test runs',
    async (engine) => {
      const f = await fastest(copyOf('timeout'), engine, ['-n', '1']);
      const timedOut = 'Failed: Timeout (>1.0s) from pytest-timeout.';
      expect(sorted(f.cases)).toEqual([
        ['test_hang::test_after', 'passed'],
        ['test_hang::test_before', 'passed'],
        ['test_hang::test_hangs', `failure: ${timedOut}`],
        ['test_hang::test_hangs_in_setup', `error: failed on setup with "${timedOut}"`],
        ['test_hang::test_slow_fixture_quick_call', `error: failed on setup with "${timedOut}"`],
      ]);
      const blocks = reportBlocks(f.out);
      expect(blocks.get('test_hangs')).toContain(shape('def test_hangs():', 'time.sleep(60)'));
      expect(blocks.get('ERROR at setup of test_hangs_in_setup')).toContain(shape('def slow_setup():', 'time.sleep(60)'));
      expect(f.out).not.toContain('worker');
    },
    120_000,
  );

  it.each(['native', 'pytest'])(
    '%s: timeout_func_only times the call only',
    async (engine) => {
      const args = ['-o', 'timeout_func_only=true', 'test_hang.py::test_slow_fixture_quick_call', 'test_hang.py::test_hangs'];
      const f = await fastest(copyOf('timeout'), engine, args);
      expect(sorted(f.cases)).toEqual([
        ['test_hang::test_hangs', 'failure: Failed: Timeout (>1.0s) from pytest-timeout.'],
        ['test_hang::test_slow_fixture_quick_call', 'passed'],
      ]);
    },
    120_000,
  );
});
