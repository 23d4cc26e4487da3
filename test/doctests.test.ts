// Issue 13 item 2: doctests listed by discovery with pytest's ids (DoctestModule, DoctestTextfile)
// and run in the pytest engine with pytest's outcomes and failure text; compared with real pytest.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = join(__dirname, '..');
const cli = process.env.CLI_UNDER_TEST ?? join(repo, 'dist', 'cli.js');
const PLUGINS_OFF = { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' };
let work: string;
let counter = 0;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-doctests-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function project(): string {
  const dir = join(work, `p${counter++}`);
  cpSync(join(repo, 'test', 'fixtures', 'doctest-pytest'), dir, { recursive: true });
  return dir;
}

async function exec(command: string, args: string[], cwd: string): Promise<{ out: string; code: number }> {
  try {
    const { stdout } = await run(command, args, { cwd, env: { ...process.env, ...PLUGINS_OFF, GITHUB_ACTIONS: '', CI: '' }, maxBuffer: 1 << 26 });
    return { out: stdout, code: 0 };
  } catch (error) {
    const e = error as { stdout?: string; code?: number };
    if (typeof e.code !== 'number') throw error;
    return { out: e.stdout ?? '', code: e.code };
  }
}

const pytest = (args: string[], cwd: string) => exec('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], cwd);
const fastest = (args: string[], cwd: string) => exec(process.execPath, [cli, '--no-cache', '-p', 'no:cacheprovider', ...args], cwd);

/** JUnit testcases as `classname::name outcome message`, sorted (pytest's and fastest's writers alike). */
function junitCases(path: string): string[] {
  const xml = readFileSync(path, 'utf8');
  const cases: string[] = [];
  for (const m of xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = m[4] ?? '';
    const child = /<(failure|error|skipped)(?: [^>]*?message="([^"]*)")?/.exec(body);
    cases.push(`${m[1]}::${m[2]} ${child ? child[1] : 'passed'} ${child?.[2] ?? ''}`);
  }
  return cases.sort();
}

/** The FAILURES section: each failure's head line and text, as printed (in any order: -n 2 finishes them in its own). */
function failures(out: string): string[] {
  const start = out.indexOf('= FAILURES =');
  if (start < 0) return [];
  const section = out
    .slice(start)
    .split(/^.*(?:generated xml file|short test summary info).*$/m)[0]
    .replace(/^.*= FAILURES =.*\n/, '');
  return section.split(/^(?=_{3,} )/m).sort();
}

/** The summary line, without its time. */
const finalLine = (out: string) =>
  out
    .split('\n')
    .at(-2)!
    .replace(/ in [\d.]+s/, '');

describe('doctests', () => {
  it("lists pytest's ids before any run; what it cannot be sure of is a dynamic module, not invented ids", async () => {
    const dir = project();
    const [p, f] = await Promise.all([
      pytest(['--doctest-modules', '--collect-only', '-q'], dir),
      exec(process.execPath, [cli, 'discover', '--no-cache', '--doctest-modules', '--json'], dir),
    ]);
    const pytestIds = p.out.split('\n').filter((l) => l.includes('::'));
    const listed = (JSON.parse(f.out) as { tests: { id: string; dynamic: boolean }[] }).tests;
    const exact = listed.filter((t) => !t.dynamic).map((t) => t.id);
    const dynamicFiles = listed.filter((t) => t.dynamic).map((t) => t.id);
    expect(dynamicFiles).toEqual(['pkg/conditional.py', 'pkg/unsure.py']);
    // every exact id is pytest's, in pytest's order; pytest's others all belong to the dynamic files
    expect(exact).toEqual(pytestIds.filter((id) => !dynamicFiles.includes(id.split('::')[0])));
    expect(pytestIds.length).toBe(19);
  }, 60_000);

  it("runs them with pytest's outcomes, failure text and exit code (-n 2, doctest_optionflags from the ini)", async () => {
    const dir = project();
    const args = ['--doctest-modules', '-rs'];
    const [p, f] = await Promise.all([pytest([...args, '--junitxml', 'p.xml'], dir), fastest([...args, '-n', '2', '--junitxml', 'f.xml'], dir)]);
    expect(p.code).toBe(1);
    expect(f.code).toBe(p.code);
    expect(junitCases(join(dir, 'f.xml'))).toEqual(junitCases(join(dir, 'p.xml')));
    expect(failures(f.out)).toEqual(failures(p.out));
    expect(finalLine(f.out)).toBe(finalLine(p.out));
  }, 90_000);

  it('--doctest-glob, --doctest-report and --doctest-continue-on-failure act as in pytest', async () => {
    const dir = project();
    const args = [
      '--doctest-modules',
      '--doctest-glob',
      '*.rst',
      '--doctest-glob',
      'test*.txt',
      '--doctest-report',
      'udiff',
      '--doctest-continue-on-failure',
      'pkg',
      'tests',
    ];
    const [p, f] = await Promise.all([pytest([...args, '--junitxml', 'p.xml'], dir), fastest([...args, '--junitxml', 'f.xml'], dir)]);
    expect(p.out).toContain('tests/test_more.rst');
    expect(junitCases(join(dir, 'f.xml'))).toEqual(junitCases(join(dir, 'p.xml')));
    expect(failures(f.out)).toEqual(failures(p.out));
    expect(f.code).toBe(p.code);
  }, 90_000);

  it('collects test*.txt doctests without any option, as pytest does', async () => {
    const dir = project();
    const [p, f] = await Promise.all([pytest(['--collect-only', '-q'], dir), fastest(['--collect-only', '-q'], dir)]);
    expect(p.out).toContain('tests/test_doc.txt::test_doc.txt');
    expect(f.out.split('\n').filter((l) => l.includes('::'))).toEqual(p.out.split('\n').filter((l) => l.includes('::')));
  }, 60_000);

  // natsort's tox.ini runs `pytest README.rst docs/examples.rst`: pytest collects any .txt or .rst
  // named on the command line as a doctest file, whatever --doctest-glob says.
  it('runs a .txt or .rst file named on the command line as a doctest file, as pytest does', async () => {
    const dir = project();
    const args = ['README.txt', 'tests/test_more.rst'];
    const [p, f] = await Promise.all([pytest([...args, '--junitxml', 'p.xml'], dir), fastest([...args, '--junitxml', 'f.xml'], dir)]);
    expect(p.out).toContain('2 passed');
    expect(junitCases(join(dir, 'f.xml'))).toEqual(junitCases(join(dir, 'p.xml')));
    expect(f.code).toBe(p.code);
  }, 60_000);

  // simplejson's Python 2 `ordered_dict.py` has no doctest, and pytest's DoctestModule still
  // imports it: a collection error, or a skip under --doctest-ignore-import-errors.
  it('imports a module with no example, whose import error is a collection error or a skip, as in pytest, first and warm', async () => {
    const dir = join(work, `p${counter++}`);
    mkdirSync(join(dir, 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'pkg', '__init__.py'), 'def add(a, b):\n    """\n    >>> add(1, 2)\n    3\n    """\n    return a + b\n');
    writeFileSync(join(dir, 'pkg', 'py2only.py'), '"""No example here."""\nfrom UserDict import DictMixin\n');
    writeFileSync(join(dir, 'pkg', 'fine.py'), 'X = 1\n');
    for (const extra of [[], ['--doctest-ignore-import-errors', '-rs']]) {
      const args = ['--doctest-modules', 'pkg', ...extra];
      const p = await pytest(args, dir);
      expect(p.code).toBe(extra.length ? 0 : 2);
      const pytestLines = p.out.split('\n').filter((l) => /^(ERROR|SKIPPED) /.test(l));
      expect(pytestLines.length).toBe(1);
      for (const round of ['first', 'warm']) {
        if (round === 'first') rmSync(join(dir, '.fastest'), { recursive: true, force: true });
        const f = await exec(process.execPath, [cli, '-p', 'no:cacheprovider', ...args], dir);
        expect({ extra, round, code: f.code, lines: f.out.split('\n').filter((l) => /^(ERROR|SKIPPED) /.test(l)) }).toEqual({
          extra,
          round,
          code: p.code,
          lines: pytestLines,
        });
        expect(finalLine(f.out)).toBe(finalLine(p.out));
      }
    }
  }, 90_000);

  it('imports a module with no example again on a warm run: a change in another file that breaks its import is a collection error', async () => {
    // (jsonpickle's compat.py: a warm run learned it collects nothing and no longer imported it:
    // `1 passed` and exit 0 where pytest stops at its import error, and coverage lost it)
    const dir = join(work, `p${counter++}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pytest.ini'), '[pytest]\naddopts = --doctest-modules\n');
    writeFileSync(join(dir, 'test_a.py'), 'def test_a():\n    pass\n');
    writeFileSync(join(dir, 'compat.py'), 'from helper import Y\n');
    writeFileSync(join(dir, 'helper.py'), 'Y = 1\n');
    const f = () => exec(process.execPath, [cli, '-p', 'no:cacheprovider'], dir);
    expect(finalLine((await f()).out)).toBe(finalLine((await pytest([], dir)).out));
    writeFileSync(join(dir, 'helper.py'), 'Z = 1\n');
    const p = await pytest([], dir);
    expect(p.code).toBe(2);
    const warm = await f();
    expect({ code: warm.code, last: finalLine(warm.out), error: warm.out.includes("cannot import name 'Y' from 'helper'") }).toEqual({
      code: 2,
      last: finalLine(p.out),
      error: true,
    });
  }, 90_000);

  it('--engine native cannot run doctests: a usage error, not doctests silently dropped', async () => {
    const dir = project();
    const f = await fastest(['--doctest-modules', '--engine', 'native'], dir);
    expect(f.code).toBe(4);
  }, 60_000);
});
