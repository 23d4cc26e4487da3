// A pytest outside the native engine's supported range (python/fastest_worker/native/__init__.py):
// `auto` runs every module through pytest and says why once; `--engine native` refuses in one line.
// The out-of-range pytest is the installed one with its version file saying 9.2.0.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(__dirname, '..');
const cli = join(repo, 'dist', 'cli.js');
const NOTICE = "pytest 9.2.0 is outside the native engine's supported range (pytest>=8.4,<9.2)";
let scratch: string;
let project: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'fastest-pytest-range-'));
  const installed = execFileSync('python3', ['-c', 'import _pytest, os; print(os.path.dirname(_pytest.__file__))'], { encoding: 'utf8' }).trim();
  const fake = join(scratch, 'site', '_pytest');
  cpSync(installed, fake, { recursive: true, filter: (src) => !src.includes('__pycache__') });
  const versionFile = join(fake, '_version.py');
  writeFileSync(
    versionFile,
    readFileSync(versionFile, 'utf8')
      .replace(/version = '[^']*'/, "version = '9.2.0'")
      .replace(/version_tuple = \([^)]*\)/, 'version_tuple = (9, 2, 0)'),
  );
  project = join(scratch, 'project');
  cpSync(join(repo, 'test', 'fixtures', 'report-compat'), project, { recursive: true });
  env = { ...process.env, PYTHONPATH: join(scratch, 'site'), GITHUB_ACTIONS: '', NO_COLOR: '1', PYTEST_ADDOPTS: '', PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' };
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: project, env, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

describe('pytest outside the supported range', () => {
  it('auto: the pytest engine runs every module, said once under the header and per module with --show-engines', async () => {
    const files = ['tests/test_more.py', 'tests/test_warn.py'];
    const [theirs, ours, quiet] = await Promise.all([
      run('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-W', 'ignore', ...files]),
      run(process.execPath, [cli, '-n', '2', '--no-cache', '-v', '--show-engines', '-W', 'ignore', ...files]),
      run(process.execPath, [cli, '-n', '2', '--no-cache', '-W', 'ignore', ...files]),
    ]);
    expect(theirs.stdout).toContain('9.2.0');
    expect(ours.code).toBe(theirs.code);
    const lines = ours.stdout.split('\n');
    expect(lines.filter((l) => l.includes(NOTICE) && !l.includes(' engine ('))).toEqual([`${NOTICE}: the pytest engine runs every module`]);
    const engines = lines.filter((l) => / engine( \(|$)/.test(l) && l.startsWith('tests/'));
    expect(engines.sort()).toEqual(files.map((f) => `${f}: pytest engine (${NOTICE})`));
    expect(quiet.code).toBe(theirs.code);
    expect(quiet.stdout.split('\n').filter((l) => l.includes(NOTICE))).toEqual([`${NOTICE}: the pytest engine runs every module`]);
  });

  it('--engine native refuses with one line and exit code 3', async () => {
    const ours = await run(process.execPath, [cli, '--engine', 'native', '--no-cache', 'tests/test_more.py']);
    expect(ours.code).toBe(3);
    expect(ours.stderr.trim().split('\n')).toEqual([`fastest: --engine native: ${NOTICE}; use --engine auto or pytest`]);
  });
});
