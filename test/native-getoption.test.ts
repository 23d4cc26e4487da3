// A conftest reads pytest's options by their option strings (mpmath: `"no:hypothesispytest" not
// in config.getoption("-p")`): the native engine's config answers as pytest's does, also for what
// Node applies itself (-k, -m). (-x is left out: pytest 9.1 answers None for it, 8.4 and 9.0 maxfail.)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, runIn } from './helpers/against-pytest.js';
import { tempDirForFile } from './helpers/temp-dir.js';

const python = process.env.FASTEST_TEST_PYTHON ?? 'python3';

const CONFTEST = [
  'def pytest_configure(config):',
  '    seen = [config.getoption(name) for name in ("-p", "-k", "-m", "-v", "-W", "-s", "-l", "--tb")]',
  '    seen.append(config.option.plugins)',
  '    with open("seen.txt", "w") as f:',
  '        f.write(repr(seen))',
  '',
].join('\n');

describe('config.getoption by option string in the native engine', () => {
  it.each([[['-p', 'no:warnings']], [['-k', 'a or b', '-m', 'not slow', '-x', '-W', 'ignore', '--tb=short']], [['-p', 'no:warnings', '-l']]])(
    '%j: what pytest answers',
    async (args) => {
      const dir = tempDirForFile('fastest-getoption-');
      writeFileSync(join(dir, 'pytest.ini'), '[pytest]\naddopts = -p no:cacheprovider\n');
      writeFileSync(join(dir, 'conftest.py'), CONFTEST);
      writeFileSync(join(dir, 'test_a.py'), 'def test_a():\n    pass\n');
      const temp = join(dir, '.tmp');
      const seen = async (cmd: string, cmdArgs: string[]) => {
        const ran = await runIn(cmd, cmdArgs, dir, '', temp);
        expect(ran.code, ran.out + ran.err).toBe(0);
        return readFileSync(join(dir, 'seen.txt'), 'utf8');
      };
      const pytest = await seen(python, ['-m', 'pytest', ...args]);
      expect(pytest).toContain("'no:cacheprovider'");
      for (const engine of ['native', 'auto']) expect(await seen(process.execPath, [cli, '--engine', engine, '-n', '1', ...args])).toBe(pytest);
    },
    60_000,
  );
});

describe("the terminal reporter a conftest's pytest_sessionstart writes to (sqlalchemy's plugin banner)", () => {
  it("is there to write to in the native engine, as pytest's: the run is pytest's, no INTERNALERROR", async () => {
    const dir = tempDirForFile('fastest-reporter-');
    writeFileSync(join(dir, 'pytest.ini'), '[pytest]\naddopts = -p no:cacheprovider\n');
    writeFileSync(
      join(dir, 'conftest.py'),
      [
        'def pytest_sessionstart(session):',
        '    reporter = session.config.pluginmanager.get_plugin("terminalreporter")',
        '    if reporter:',
        '        reporter.write_sep("=", "banner")',
        '        reporter.write_line("a line")',
        '        reporter.write("text")',
        '        reporter.ensure_newline()',
        '        reporter.section("section")',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'test_a.py'), 'def test_a():\n    pass\n');
    const temp = join(dir, '.tmp');
    const pytest = await runIn(python, ['-m', 'pytest', '-q'], dir, '', temp);
    expect(pytest.out).toContain('a line');
    for (const engine of ['native', 'auto']) {
      const fastest = await runIn(process.execPath, [cli, '--engine', engine, '-n', '1', '-q'], dir, '', temp);
      expect(
        {
          code: fastest.code,
          last: fastest.out
            .trim()
            .split('\n')
            .at(-1)
            ?.replace(/ in .*/, ''),
        },
        fastest.out + fastest.err,
      ).toEqual({
        code: pytest.code,
        last: pytest.out
          .trim()
          .split('\n')
          .at(-1)
          ?.replace(/ in .*/, ''),
      });
    }
  }, 60_000);
});
