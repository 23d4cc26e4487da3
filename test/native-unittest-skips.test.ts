// unittest.SkipTest that reaches pytest's report hook (raised by setUpClass: tornado's abstract
// base test classes; by a fixture; by a plain test function) is turned into pytest.skip by
// pytest's unittest plugin, in its own module: `-rs` and JUnit give that line as the skip's
// location, one `SKIPPED [2]` line for the class's two tests. A TestCase method's own SkipTest is
// unittest's, at the test's line. The native engine's skips against the installed pytest's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' };
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-unittest-skips-'));
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  writeFileSync(
    join(dir, 'test_u.py'),
    [
      'import unittest',
      'import pytest',
      '',
      'class Base(unittest.TestCase):',
      '    @classmethod',
      '    def setUpClass(cls):',
      '        if cls is Base:',
      '            raise unittest.SkipTest("abstract base class")',
      '        super().setUpClass()',
      '',
      '    def test_a(self):',
      '        pass',
      '',
      '    def test_b(self):',
      '        pass',
      '',
      'class Child(Base):',
      '    def test_own(self):',
      '        raise unittest.SkipTest("skipped by the method")',
      '',
      '@pytest.fixture',
      'def service():',
      '    raise unittest.SkipTest("no service")',
      '',
      'def test_fixture(service):',
      '    pass',
      '',
      'def test_plain():',
      '    raise unittest.SkipTest("plain function")',
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The short summary's lines and the closing line, durations left out. */
const summary = (out: string) =>
  out
    .split('\n')
    .filter((line) => /^SKIPPED |passed|skipped in/.test(line))
    .map((line) => line.replace(/ in [\d.]+s$/, ''));
/** The JUnit file's testcases, without times. */
const testcases = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/<testcase [\s\S]*?(?:\/>|<\/testcase>)/g)].map((m) => m[0].replace(/ time="[^"]*"/g, ''));

describe('unittest.SkipTest turned into a pytest skip', () => {
  it('has the location pytest gives it, natively (-rs and JUnit)', () => {
    const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-q', '-rs', `--junitxml=${join(dir, 'p.xml')}`], {
      cwd: dir,
      env,
      encoding: 'utf8',
    });
    expect(summary(p.stdout).some((line) => /^SKIPPED \[2\] .*_pytest\/unittest\.py:\d+: abstract base class$/.test(line))).toBe(true);
    for (const workers of ['1', '2']) {
      const f = spawnSync(
        process.execPath,
        [cli, '-p', 'no:cacheprovider', '-q', '-rs', '--engine', 'native', '-n', workers, `--junitxml=${join(dir, 'f.xml')}`],
        {
          cwd: dir,
          env,
          encoding: 'utf8',
        },
      );
      expect(summary(f.stdout)).toEqual(summary(p.stdout));
      expect(f.status).toBe(p.status);
      expect(testcases(join(dir, 'f.xml'))).toEqual(testcases(join(dir, 'p.xml')));
    }
  });
});
