// pytest's session header under its platform line: the rootdir/configfile/testpaths lines, the
// `plugins:` line and what plugins' and initial conftests' pytest_report_header hooks return, in
// pluggy's order. Checked against real pytest on test/fixtures/report-header (a rootdir conftest
// hook, a tryfirst one in tests/conftest.py, `testpaths = tests`), with the installed plugins
// off (the comparison helpers' default) and on (the test venv's pytest-benchmark, hypothesis...).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixtureCopies, normalOutput, runIn, type Ran } from './helpers/against-pytest.js';

const fixture = join(__dirname, 'fixtures', 'report-header');
const { work, project } = fixtureCopies(fixture, 'fastest-report-header-');

const PLUGINS_ON = { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '' };
const pytest = (args: string[], dir: string, env = {}): Promise<Ran> =>
  runIn('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], dir, '', join(work, 'tmp'), env);
const fastest = (args: string[], dir: string, env = {}): Promise<Ran> =>
  runIn(process.execPath, [cli, '-p', 'no:cacheprovider', ...args], dir, '', join(work, 'tmp'), env);

/** The header's lines between pytest's platform line and the collected line (fastest's
 * `workers:` line left out). */
function headerLines(out: string): string[] {
  const lines = out.split('\n');
  const start = lines.findIndex((line) => line.startsWith('platform '));
  const end = lines.findIndex((line) => /^(collecting \.\.\. )?collected \d+ item/.test(line));
  return lines.slice(start + 1, end).filter((line) => !line.startsWith('workers: '));
}

describe("pytest's header lines", () => {
  it("prints the conftests' pytest_report_header lines and testpaths where pytest does, whole output as pytest's", async () => {
    const dir = project();
    const p = await pytest([], dir);
    expect(headerLines(p.out)).toContain('project: report-header');
    expect(headerLines(p.out)).toContain('printed: by pytest_report_header');
    expect(headerLines(p.out)).toContain('testpaths: tests');
    for (const args of [
      ['-n', '1'],
      ['--engine', 'pytest', '-n', '1'],
      ['--engine', 'native', '-n', '1'],
    ]) {
      const f = await fastest(args, dir);
      expect({ args, code: f.code, out: normalOutput(f.out), err: f.err }).toEqual({ args, code: p.code, out: normalOutput(p.out), err: p.err });
    }
    // (with two workers files are shown as they finish)
    for (const args of [
      ['-n', '2'],
      ['--engine', 'native', '-n', '2'],
    ]) {
      const f = await fastest(args, dir);
      expect({ args, code: f.code, header: headerLines(f.out) }).toEqual({ args, code: p.code, header: headerLines(p.out) });
    }
  }, 180_000);

  it('-v, and from a subdirectory (no testpaths line; only that directory’s conftests are initial)', async () => {
    const dir = project();
    const p = await pytest(['-v'], dir);
    const f = await fastest(['-v'], dir);
    expect(headerLines(p.out)).toContain('verbose: 1');
    expect(headerLines(f.out)).toEqual(headerLines(p.out));
    // the platform line ends with the interpreter under -v, as pytest's (fastest's own version in
    // place of pytest's and pluggy's)
    const platform = (out: string) => out.split('\n').find((line) => line.startsWith('platform ')) ?? '';
    expect(platform(p.out)).toMatch(/ -- \/\S*python[\d.]*$/);
    expect(platform(f.out)).toMatch(/^platform \w+ -- Python [\d.]+, fastest-[^ ]+ -- \/\S*python[\d.]*$/);
    expect(platform((await fastest([], dir)).out)).not.toContain(' -- /');
    const sub = join(dir, 'tests');
    const ps = await pytest([], sub);
    const fs = await fastest([], sub);
    expect(headerLines(ps.out)).not.toContain('testpaths: tests');
    expect({ code: fs.code, out: normalOutput(fs.out) }).toEqual({ code: ps.code, out: normalOutput(ps.out) });
  }, 180_000);

  it('without any header hook or plugin: the testpaths line, no worker session needed', async () => {
    const plain = (dir: string) => {
      writeFileSync(join(dir, 'conftest.py'), '');
      writeFileSync(join(dir, 'tests', 'conftest.py'), '');
    };
    const dir = project(plain);
    const p = await pytest([], dir);
    const f = await fastest(['-n', '2'], dir);
    expect(headerLines(p.out)).toEqual([`rootdir: ${dir}`, 'configfile: pytest.ini', 'testpaths: tests']);
    expect(headerLines(f.out)).toEqual(headerLines(p.out));
    // a config file of lower rank beside the one used: pytest's configfile line warns of it
    writeFileSync(join(dir, 'tox.ini'), '[pytest]\naddopts = -x\n');
    const pw = await pytest([], dir);
    expect(headerLines(pw.out)[1]).toMatch(/WARNING: ignoring pytest config in tox\.ini/);
    for (const args of [
      ['-n', '2'],
      ['--engine', 'pytest'],
    ]) {
      const fw = await fastest(args, dir);
      expect({ args, header: headerLines(fw.out) }).toEqual({ args, header: headerLines(pw.out) });
    }
  }, 180_000);

  it("with the installed plugins: pytest's `plugins:` line and the plugins' own header lines (pytest-benchmark's, -v hypothesis's)", async () => {
    const dir = project();
    for (const args of [[], ['-v'], ['-n', '2'], ['--engine', 'pytest']]) {
      const p = await pytest(
        args.filter((a) => a === '-v'),
        dir,
        PLUGINS_ON,
      );
      expect(headerLines(p.out).some((line) => line.startsWith('plugins: '))).toBe(true);
      const f = await fastest(args, dir, PLUGINS_ON);
      expect({ args, code: f.code, header: headerLines(f.out) }).toEqual({ args, code: p.code, header: headerLines(p.out) });
    }
  }, 240_000);

  it('prints nothing of it under -q and --no-header, as pytest', async () => {
    const dir = project();
    for (const args of [['-q'], ['--no-header']]) {
      const p = await pytest(args, dir, PLUGINS_ON);
      const f = await fastest(args, dir, PLUGINS_ON);
      expect({ args, out: normalOutput(f.out) }).toEqual({ args, out: normalOutput(p.out) });
    }
  }, 180_000);
});
