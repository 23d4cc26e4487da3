// What a run teaches discovery, for parameter ids that hold `::` themselves (boltons' IPv6 URLs):
// containers are cut from the id without its parameters, so both expansions are learned.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const project = mkdtempSync(join(tmpdir(), 'fastest-colon-ids-'));
writeFileSync(join(project, 'pytest.ini'), '[pytest]\n');
writeFileSync(
  join(project, 'test_urls.py'),
  [
    'import pytest',
    '',
    '',
    'def make():',
    '    return ["http://[::1]:80/", "plain"]',
    '',
    '',
    '@pytest.mark.parametrize("url", make())',
    'def test_url(url):',
    '    assert url',
    '',
  ].join('\n'),
);
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('ids learned from a run', () => {
  it('keeps a parametrized id with `::` inside its brackets', () => {
    const pytest = spawnSync('python3', ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'], { cwd: project, encoding: 'utf8' });
    const expected = pytest.stdout.split('\n').filter((line) => line.includes('::'));
    expect(expected).toEqual(['test_urls.py::test_url[http://[::1]:80/]', 'test_urls.py::test_url[plain]']);
    const run = spawnSync(process.execPath, [cli, '-q', '-p', 'no:cacheprovider'], { cwd: project, encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const discover = spawnSync(process.execPath, [cli, 'discover'], { cwd: project, encoding: 'utf8' });
    expect(discover.stdout.split('\n').filter((line) => line.includes('::'))).toEqual(expected);
  });
});
