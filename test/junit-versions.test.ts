// JUnit and the short summary as the installed pytest writes them, for details that differ
// between pytest versions or that fastest got wrong: a fixture that does not exist (no crash
// line: the summary names the test alone, JUnit's message is the whole "fixture 'x' not found"
// block), a test whose teardown fails after it passed or failed (pytest 9.1 counts the first
// once, the second twice), characters above U+FFFF (pytest 9.1 writes them, 9.0 escapes them).
// Run with the test environment's pytest, and with pytest 9.1 when /work/venvs/pt91 (or
// FASTEST_PT91_VENV) holds one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-junitv-'));
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  writeFileSync(
    join(dir, 'test_t.py'),
    [
      'import pytest',
      '',
      '@pytest.fixture',
      'def bad_teardown():',
      '    yield',
      '    raise RuntimeError("teardown boom")',
      '',
      'def test_passes_then_teardown_fails(bad_teardown):',
      '    pass',
      '',
      'def test_fails_then_teardown_fails(bad_teardown):',
      '    assert 0',
      '',
      'def test_astral():',
      '    print("\\U0001F600 smile")',
      '    assert "\\U0001F600" == "x"',
      '',
      'def test_missing_fixture(no_such_fixture):',
      '    pass',
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pt91 = process.env.FASTEST_PT91_VENV ?? '/work/venvs/pt91';
const venvs: [string, string | null][] = [['the test environment', null]];
if (existsSync(join(pt91, 'bin', 'python'))) venvs.push(['pytest 9.1', pt91]);

function envFor(venv: string | null): NodeJS.ProcessEnv {
  const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1', COLUMNS: '200' };
  if (venv === null) return env;
  return { ...env, PATH: `${join(venv, 'bin')}${delimiter}${process.env.PATH ?? ''}`, VIRTUAL_ENV: venv };
}

function normalized(xml: string): string {
  return xml.replace(/ time="[^"]*"| timestamp="[^"]*"| hostname="[^"]*"/g, '');
}

function summary(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^(ERROR|FAILED) /.test(l));
}

describe.each(venvs)('JUnit and short summary under %s', (_name, venv) => {
  // The native engine lists the fixtures it knows when one is missing: pytest's list too once
  // plugins (pytest-mock's mocker...) are not loaded.
  const cases: [string, NodeJS.ProcessEnv, string[]][] = [
    ['plugins loaded', envFor(venv), ['auto', 'pytest']],
    ['no plugin autoload', { ...envFor(venv), PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' }, ['auto', 'pytest', 'native']],
  ];
  it.each(cases)('equal pytest, %s', (_what, env, engines) => {
    const pxml = join(dir, 'pytest.xml');
    const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', `--junitxml=${pxml}`], { cwd: dir, encoding: 'utf8', env });
    expect(p.status).toBe(1);
    const expected = { junit: normalized(readFileSync(pxml, 'utf8')), summary: summary(p.stdout) };
    for (const engine of engines) {
      const fxml = join(dir, `fastest-${engine}.xml`);
      const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '-n', '1', '--engine', engine, `--junitxml=${fxml}`], {
        cwd: dir,
        encoding: 'utf8',
        env,
      });
      expect({ engine, status: f.status, junit: normalized(readFileSync(fxml, 'utf8')), summary: summary(f.stdout) }).toEqual({
        engine,
        status: 1,
        ...expected,
      });
    }
  });
});
