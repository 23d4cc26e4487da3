// pytest collects every module before it runs a test: a module that fails to collect stops the
// session before any test (`Interrupted: N errors during collection`, exit 2) unless
// --continue-on-collection-errors; -x/--maxfail count collection errors in collection order
// ("stopping after N failures", exit 1). fastest's workers collect their shares first (the
// collection pass), for both engines and any worker count; compared here with the installed pytest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' };
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-colstop-'));
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  // A test that would leave a trace if it ran: pytest runs none of them.
  const trace = (name: string) => `import pathlib\n\ndef test_${name}():\n    pathlib.Path("ran-${name}").write_text("")\n`;
  writeFileSync(join(dir, 'test_a.py'), `${trace('a1')}\n\ndef test_a2():\n    assert 0\n`);
  writeFileSync(join(dir, 'test_b.py'), `import nonexistent_module_xyz\n\n${trace('b')}`);
  writeFileSync(join(dir, 'test_c.py'), `${trace('c')}`);
  writeFileSync(join(dir, 'test_d.py'), `raise RuntimeError("boom")\n\n${trace('d')}`);
  writeFileSync(join(dir, 'test_e.py'), `${trace('e')}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  status: number | null;
  /** The session's summary lines: header count, ERROR/FAILED lines, the interruption and totals. */
  lines: string[];
  junit: string;
}

function summary(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => /^(collected|ERROR |FAILED |!+ |=+ .* in )/.test(l))
    .map((l) => l.replace(/ in [\d.]+s/, ' in Xs'));
}

function junitCases(path: string): string {
  const xml = readFileSync(path, 'utf8');
  return xml.replace(/ time="[^"]*"| timestamp="[^"]*"| hostname="[^"]*"/g, '');
}

function pytest(args: string[]): Outcome {
  const xml = join(dir, 'pytest.xml');
  const r = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-p', 'no:randomly', `--junitxml=${xml}`, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env,
  });
  return { status: r.status, lines: summary(r.stdout), junit: junitCases(xml) };
}

function fastest(args: string[]): Outcome & { ran: string[] } {
  const xml = join(dir, 'fastest.xml');
  rmSync(join(dir, '.fastest'), { recursive: true, force: true });
  for (const name of ['a1', 'b', 'c', 'd', 'e']) rmSync(join(dir, `ran-${name}`), { force: true });
  const r = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', `--junitxml=${xml}`, ...args], { cwd: dir, encoding: 'utf8', env });
  const ran = ['a1', 'c', 'e'].filter((name) => {
    try {
      readFileSync(join(dir, `ran-${name}`));
      return true;
    } catch {
      return false;
    }
  });
  return { status: r.status, lines: summary(r.stdout), junit: junitCases(xml), ran };
}

describe('collection errors stop the session as in pytest', () => {
  const cases: [string, string[]][] = [
    ['no option: nothing runs, exit 2', []],
    ['-x: stops at the first error, exit 1', ['-x']],
    ['--maxfail 2', ['--maxfail', '2']],
    ['--maxfail 3: both errors, then interrupted', ['--maxfail', '3']],
    ['--continue-on-collection-errors', ['--continue-on-collection-errors']],
    ['-x --continue-on-collection-errors', ['-x', '--continue-on-collection-errors']],
  ];
  for (const [name, args] of cases) {
    it(name, () => {
      const expected = pytest(args);
      for (const engine of ['auto', 'pytest', 'native']) {
        for (const workers of ['1', '2']) {
          const got = fastest(['--engine', engine, '-n', workers, ...args]);
          const where = `--engine ${engine} -n ${workers} ${args.join(' ')}`;
          // Two workers write JUnit in the order tests finish: the same testcases, maybe reordered.
          const junit = (xml: string) => {
            if (workers === '1') return xml;
            const end = '</testsuite></testsuites>';
            const body = xml.endsWith(end) ? xml.slice(0, -end.length) : xml;
            return body.split('<testcase').sort().join('<testcase') + end;
          };
          expect({ where, status: got.status, lines: got.lines, junit: junit(got.junit) }).toEqual({
            where,
            status: expected.status,
            lines: expected.lines,
            junit: junit(expected.junit),
          });
          if (!args.includes('--continue-on-collection-errors')) expect({ where, ran: got.ran }).toEqual({ where, ran: [] });
        }
      }
    });
  }
});

// What importing a module does is visible to every test, as after pytest's collection: structlog's
// tests read `sys.modules["multiprocessing"]`, which only a later module imports.
describe('every module of a worker is imported before its first test', () => {
  let side: string;
  beforeAll(() => {
    side = mkdtempSync(join(tmpdir(), 'fastest-colside-'));
    writeFileSync(join(side, 'pytest.ini'), '[pytest]\n');
    writeFileSync(join(side, 'test_a.py'), 'import sys\n\n\ndef test_sees_a_later_import():\n    assert "fastest_side_effect_marker" in sys.modules\n');
    writeFileSync(join(side, 'test_b.py'), 'import sys\n\nsys.modules["fastest_side_effect_marker"] = sys\n\n\ndef test_b():\n    pass\n');
  });
  afterAll(() => rmSync(side, { recursive: true, force: true }));

  it('as pytest, with one worker, in both engines', () => {
    const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-q'], { cwd: side, encoding: 'utf8', env });
    expect(p.status).toBe(0);
    for (const engine of ['native', 'pytest']) {
      const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '-q', '-n', '1', '--no-cache', '--engine', engine], {
        cwd: side,
        encoding: 'utf8',
        env,
      });
      expect({ engine, status: f.status, summary: summary(f.stdout) }).toEqual({ engine, status: 0, summary: summary(p.stdout) });
    }
  });
});
