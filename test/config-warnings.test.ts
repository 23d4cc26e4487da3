// pytest's warnings summary holds warnings fastest does not see in a test: those pytest issues
// while configuring (`PytestConfigWarning: Unknown config option: X`) and, in pytest 9.1, the one
// for a generator, `enumerate` or `zip` passed to parametrize, also under --collect-only. The
// whole output is compared with pytest's, under the test environment's pytest (9.0) and pytest
// 9.1 when /work/venvs/pt91 (or FASTEST_PT91_VENV) holds it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = process.env.CLI_UNDER_TEST ?? join(__dirname, '..', 'dist', 'cli.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-cfgwarn-'));
  writeFileSync(
    join(dir, 'test_gen.py'),
    [
      'import pytest',
      '',
      '@pytest.mark.parametrize("a", (x for x in range(2)))',
      'def test_gen(a):',
      '    pass',
      '',
      '@pytest.mark.parametrize("i,a", enumerate("ab"))',
      'def test_enum(i, a):',
      '    pass',
      '',
      '@pytest.mark.parametrize("a,b", zip([1, 2], [3, 4]))',
      'def test_zip(a, b):',
      '    pass',
      '',
      '@pytest.mark.parametrize("a", [1, 2])',
      'def test_list(a):',
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
  const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1', COLUMNS: '80' };
  if (venv === null) return env;
  return { ...env, PATH: `${join(venv, 'bin')}${delimiter}${process.env.PATH ?? ''}`, VIRTUAL_ENV: venv };
}

/** stdout, timings cut, and the fastest-only header lines left out. */
function output(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => !/^(platform |workers: |cachedir: |rootdir: |configfile: |plugins: )/.test(l))
    .join('\n')
    .replace(/ in [\d.]+s/g, ' in Xs')
    .replace(/=+/g, '=');
}

function both(args: string[], venv: string | null, extraEnv: NodeJS.ProcessEnv = {}): { pytest: string; fastest: string } {
  const env = { ...envFor(venv), ...extraEnv };
  const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], { cwd: dir, encoding: 'utf8', env });
  const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '--no-cache', ...args], { cwd: dir, encoding: 'utf8', env });
  return { pytest: `${p.status}\n${output(p.stdout)}`, fastest: `${f.status}\n${output(f.stdout)}` };
}

describe.each(venvs)("pytest's configure and collection warnings, with %s", (_name, venv) => {
  it.each([
    ['an unknown ini key, run', '[pytest]\nfoo_unknown = 1\n', ['-q']],
    ['an unknown ini key, --collect-only', '[pytest]\nfoo_unknown = 1\n', ['--collect-only']],
    ['iterators to parametrize, --collect-only', '[pytest]\n', ['--collect-only']],
    ['iterators to parametrize, --collect-only -q', '[pytest]\n', ['--collect-only', '-q']],
    ['an unknown ini key filtered out', '[pytest]\nfoo_unknown = 1\nfilterwarnings =\n    ignore::pytest.PytestConfigWarning\n', ['-q']],
    // (plugins do not load here: PYTEST_DISABLE_PLUGIN_AUTOLOAD)
    ["plugins' ini keys, the plugins not loaded", '[pytest]\nasyncio_mode = auto\nDJANGO_SETTINGS_MODULE = x\n', ['-q']],
    // pytest's INTERNALERROR once it has collected, exit 3
    ['an unknown ini key under -W error', '[pytest]\nfoo_unknown = 1\n', ['-q', '-W', 'error']],
    ["a plugin's ini key under filterwarnings = error", '[pytest]\nasyncio_mode = auto\nfilterwarnings =\n    error\n', ['-q']],
    // the installed plugins load, pytest-asyncio's turned off
    ["a plugin's ini key, -p no: the plugin", '[pytest]\nasyncio_mode = auto\n', ['-q', '-p', 'no:asyncio'], { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '' }],
  ] as [string, string, string[], NodeJS.ProcessEnv?][])('%s', (_what, ini, args, extraEnv) => {
    writeFileSync(join(dir, 'pytest.ini'), ini);
    const { pytest, fastest } = both(args, venv, extraEnv);
    expect(fastest).toBe(pytest);
  });
});
