// A conftest pytest loads while collecting (not an initial one) may warn when imported and call
// `config.issue_config_time_warning` from its pytest_configure. The native engine had no such
// method (a collection error where pytest passes); both warnings now show in pytest's warnings
// summary, in pytest's order, once whatever the number of workers (every worker imports every
// module, only the one collecting it reports). The whole output is compared with pytest's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-conftestwarn-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  writeFileSync(
    join(dir, 'sub', 'conftest.py'),
    [
      'import warnings',
      'warnings.warn(UserWarning("from the sub conftest"))',
      '',
      'def pytest_configure(config):',
      '    config.issue_config_time_warning(UserWarning("configure time"), 2)',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'sub', 'test_s.py'), 'def test_s():\n    pass\n');
  writeFileSync(join(dir, 'test_t.py'), 'def test_t():\n    pass\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1', COLUMNS: '80' };

/** Exit code and stdout from the first test line on (the headers differ), timings cut; with two
 * workers from the warnings summary on (the progress lines come as the workers finish). */
function shown(status: number | null, stdout: string, workers: string): string {
  const from = workers === '1' ? stdout.search(/^(sub\/test_s|test_t)\.py /m) : stdout.search(/^=+ warnings summary =+$/m);
  return `${status}\n${stdout.slice(from).replace(/ in [\d.]+s/g, ' in Xs')}`;
}

describe('warnings of a conftest loaded while collecting', () => {
  it.each(['1', '2'])('fastest -n %s shows them as pytest does', (workers) => {
    const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider'], { cwd: dir, encoding: 'utf8', env });
    const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '--no-cache', '-n', workers], { cwd: dir, encoding: 'utf8', env });
    expect(p.stdout).toContain('configure time');
    expect(shown(f.status, f.stdout, workers)).toBe(shown(p.status, p.stdout, workers));
  });
});
