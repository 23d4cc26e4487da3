// The discovery memo: an unchanged `fastest discover` is answered from .fastest/memo without the
// main bundle, byte for byte as the full discovery answers it, and any change to an input (a test
// file, a directory's entries, a config file, a conftest.py, an environment variable) or a corrupt
// memo falls back to the full discovery.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(__dirname, '..');
const cli = join(repo, 'dist', 'cli.js');
const mainBundle = join(repo, 'dist', 'main.js');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-memo-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

let copies = 0;
function project(files: Record<string, string>): string {
  const dir = join(work, `p${copies++}`);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

interface Run {
  stdout: string;
  status: number | null;
  /** 'replayed', the reason the memo was not used, or 'none' when there was no memo to check. */
  memo: string;
}

function discover(cwd: string, args: string[] = [], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [cli, 'discover', ...args], { cwd, encoding: 'utf8', env: { ...process.env, FASTEST_DEBUG_MEMO: '1', ...env } });
  const line = /fastest: discovery memo (.*)\n/.exec(r.stderr);
  return { stdout: r.stdout, status: r.status, memo: line ? line[1] : 'none' };
}

/** The full discovery's answer, from the main bundle directly (no memo read, none written). */
function fullDiscovery(cwd: string, args: string[] = [], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [mainBundle, 'discover', '--no-cache', ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { stdout: r.stdout, status: r.status, memo: 'none' };
}

const withoutTime = (s: string) => s.replace(/ in \d+\.\d\ds\n$/, '\n');

/** Puts every file and directory of the project 10 s in the past, so no input counts as racy. */
function age(dir: string): void {
  const past = Date.now() / 1000 - 10;
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) if (name !== '.fastest') visit(join(path, name));
    utimesSync(path, past, past);
  };
  visit(dir);
}

const SIMPLE = {
  'pytest.ini': '[pytest]\ntestpaths = tests\n',
  'tests/test_a.py': 'import pytest\n\ndef test_one():\n    pass\n\n@pytest.mark.parametrize("x", [1, 2])\ndef test_two(x):\n    pass\n',
  'tests/sub/test_b.py': 'class TestB:\n    def test_m(self):\n        pass\n',
};

describe('discovery memo', () => {
  it('replays the full discovery byte for byte, for plain, -k, --json and subdirectory runs', () => {
    const dir = project(SIMPLE);
    for (const [cwd, args] of [
      [dir, []],
      [dir, ['-k', 'two']],
      [dir, ['--json']],
      [join(dir, 'tests', 'sub'), []],
      [dir, ['-q', 'tests/sub']],
    ] as const) {
      const first = discover(cwd, [...args]);
      expect(first.memo).toBe('none');
      const second = discover(cwd, [...args]);
      expect(second.memo).toBe('replayed');
      expect(withoutTime(second.stdout)).toBe(withoutTime(fullDiscovery(cwd, [...args]).stdout));
      expect(second.status).toBe(first.status);
    }
  });

  it('replays a run that selects nothing with its exit code 5', () => {
    const dir = project(SIMPLE);
    expect(discover(dir, ['-k', 'nomatch']).status).toBe(5);
    const again = discover(dir, ['-k', 'nomatch']);
    expect([again.memo, again.status]).toEqual(['replayed', 5]);
  });

  it('checks recently written inputs by content, replays them when unchanged, and stops hashing them once they are old enough', async () => {
    const dir = project(SIMPLE);
    discover(dir);
    const memoFile = join(dir, '.fastest', 'memo', readdirSync(join(dir, '.fastest', 'memo'))[0]);
    const racy = () =>
      (JSON.parse(readFileSync(memoFile, 'utf8').split('\n', 1)[0]) as { files: [string, unknown, string, boolean][] }).files.map(([, , , racy]) => racy);
    expect(racy().every((flag) => flag)).toBe(true);
    expect(discover(dir).memo).toBe('replayed');
    // A file's ctime can't be set back: wait until the inputs are past the 2 s a clock tick may hide.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const settled = discover(dir);
    expect(settled.memo).toBe('replayed');
    expect(racy().every((flag) => !flag)).toBe(true);
    expect(withoutTime(discover(dir).stdout)).toBe(withoutTime(settled.stdout));
  });

  it('falls back to the full discovery when a test file changes, and remembers the new answer', () => {
    const dir = project(SIMPLE);
    discover(dir);
    appendFileSync(join(dir, 'tests', 'test_a.py'), '\ndef test_three():\n    pass\n');
    const changed = discover(dir);
    expect(changed.memo).toMatch(/^not used: file .*test_a\.py changed$/);
    expect(changed.stdout).toContain('tests/test_a.py::test_three');
    expect(withoutTime(changed.stdout)).toBe(withoutTime(fullDiscovery(dir).stdout));
    expect(discover(dir).memo).toBe('replayed');
  });

  it('replays under new stamps with the same contents (a fresh checkout, a restored .fastest), then trusts the new stamps', () => {
    const dir = project(SIMPLE);
    age(dir);
    const first = discover(dir);
    const memoFile = join(dir, '.fastest', 'memo', readdirSync(join(dir, '.fastest', 'memo'))[0]);
    const stamps = () => (JSON.parse(readFileSync(memoFile, 'utf8').split('\n', 1)[0]) as { files: [string, number[]][] }).files.map(([, stamp]) => stamp[1]);
    const before = stamps();
    // every file written again with its own text, 5 s in the past: new mtimes, ctimes
    const past = Date.now() / 1000 - 5;
    const rewrite = (path: string) => {
      if (statSync(path).isDirectory()) {
        for (const name of readdirSync(path)) if (name !== '.fastest') rewrite(join(path, name));
      } else writeFileSync(path, readFileSync(path));
      utimesSync(path, past, past);
    };
    rewrite(dir);
    const again = discover(dir);
    expect(again.memo).toBe('replayed');
    expect(withoutTime(again.stdout)).toBe(withoutTime(first.stdout));
    const after = stamps();
    expect(after).not.toEqual(before);
    expect(after.every((mtime) => Math.abs(mtime - past * 1000) < 1000)).toBe(true);
    // a new stamp with another content is a change
    writeFileSync(join(dir, 'tests', 'test_a.py'), readFileSync(join(dir, 'tests', 'test_a.py'), 'utf8').replace('test_one', 'test_uno'));
    utimesSync(join(dir, 'tests', 'test_a.py'), past - 5, past - 5);
    const changed = discover(dir);
    expect(changed.memo).toMatch(/^not used: file .*test_a\.py changed$/);
    expect(changed.stdout).toContain('tests/test_a.py::test_uno');
  });

  it('notices a rewrite that keeps size and mtime (the content, or the ctime, differs)', () => {
    const dir = project(SIMPLE);
    age(dir);
    discover(dir);
    const file = join(dir, 'tests', 'test_a.py');
    const before = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('test_one', 'test_uno'));
    utimesSync(file, before.atime, before.mtime);
    const run = discover(dir);
    expect(run.memo).not.toBe('replayed');
    expect(run.stdout).toContain('tests/test_a.py::test_uno');
    expect(run.stdout).not.toContain('test_one');
  });

  it('falls back when a test directory gains a file, a conftest.py appears or the config changes', () => {
    const dir = project(SIMPLE);
    age(dir);
    discover(dir);
    writeFileSync(join(dir, 'tests', 'sub', 'test_new.py'), 'def test_new():\n    pass\n');
    const added = discover(dir);
    expect(added.memo).toMatch(/^not used: directory .*sub changed$/);
    expect(added.stdout).toContain('tests/sub/test_new.py::test_new');

    writeFileSync(join(dir, 'conftest.py'), 'collect_ignore = ["tests/sub"]\n');
    const ignored = discover(dir);
    expect(ignored.memo).toMatch(/conftest\.py changed$/);
    expect(ignored.stdout).not.toContain('tests/sub/');

    writeFileSync(join(dir, 'pytest.ini'), '[pytest]\ntestpaths = tests\npython_functions = test_t*\n');
    const reconfigured = discover(dir);
    expect(reconfigured.memo).toMatch(/pytest\.ini changed$/);
    expect(withoutTime(reconfigured.stdout)).toBe(withoutTime(fullDiscovery(dir).stdout));
    expect(reconfigured.stdout).not.toContain('test_one');
  });

  it('falls back when an environment variable it read changes (PYTEST_ADDOPTS)', () => {
    const dir = project(SIMPLE);
    discover(dir);
    const run = discover(dir, [], { PYTEST_ADDOPTS: '-k one' });
    expect(run.memo).toBe('not used: environment variable PYTEST_ADDOPTS changed');
    expect(withoutTime(run.stdout)).toBe(withoutTime(fullDiscovery(dir, [], { PYTEST_ADDOPTS: '-k one' }).stdout));
  });

  it('falls back when a config file appears where the search found none (rootdir moves)', () => {
    const dir = project({ 'proj/tests/test_x.py': 'def test_x():\n    pass\n' });
    const cwd = join(dir, 'proj', 'tests');
    const before = discover(cwd);
    expect(before.stdout).toContain('test_x.py::test_x');
    writeFileSync(join(dir, 'proj', 'pytest.ini'), '[pytest]\n');
    const after = discover(cwd);
    expect(after.memo).toMatch(/^not used: path .*pytest\.ini changed$/);
    expect(after.stdout).toContain('tests/test_x.py::test_x');
  });

  it('ignores a corrupt memo and rewrites it', () => {
    const dir = project(SIMPLE);
    const first = discover(dir);
    const memoDir = join(dir, '.fastest', 'memo');
    const [name] = readdirSync(memoDir);
    writeFileSync(join(memoDir, name), '{"version": 1, "key": ');
    const run = discover(dir);
    expect(run.memo).toBe('none');
    expect(withoutTime(run.stdout)).toBe(withoutTime(first.stdout));
    writeFileSync(join(memoDir, name), '{"version":1}\n');
    expect(withoutTime(discover(dir).stdout)).toBe(withoutTime(first.stdout));
    expect(discover(dir).memo).toBe('replayed');
  });

  it('keeps no memo for --no-cache or for a discovery with collection errors', () => {
    const dir = project(SIMPLE);
    discover(dir, ['--no-cache']);
    expect(discover(dir, ['--no-cache']).memo).toBe('none');
    writeFileSync(join(dir, 'tests', 'test_broken.py'), 'def test_x(:\n    pass\n');
    const broken = discover(dir);
    expect(broken.status).toBe(2);
    const again = discover(dir);
    expect([again.memo, again.status]).toEqual(['none', 2]);
    expect(again.stdout).toContain('ERROR collecting tests/test_broken.py');
  });
});

/** `fastest -q` (a run): its summary line and what it said of its remembered discovery. */
function run(cwd: string, args: string[] = []): Run {
  const r = spawnSync(process.execPath, [cli, '-q', '-p', 'no:cacheprovider', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FASTEST_DEBUG_MEMO: '1', GITHUB_ACTIONS: '', PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' },
  });
  const line = /fastest: remembered value (.*)\n/.exec(r.stderr);
  return {
    stdout: r.stdout
      .trim()
      .split('\n')
      .pop()!
      .replace(/ in \d+\.\d\ds$/, ''),
    status: r.status,
    memo: line ? line[1] : 'none',
  };
}

describe("a run's remembered discovery", () => {
  it('is used while no input changed, and worked out again (and remembered anew) when a test file changes', () => {
    const dir = project(SIMPLE);
    age(dir);
    expect(run(dir)).toEqual({ stdout: '4 passed', status: 0, memo: 'none' });
    expect(run(dir)).toEqual({ stdout: '4 passed', status: 0, memo: 'used' });
    appendFileSync(join(dir, 'tests', 'test_a.py'), '\ndef test_three():\n    pass\n');
    const changed = run(dir);
    expect(changed.memo).toMatch(/^not used: file .*test_a\.py changed$/);
    expect(changed.stdout).toBe('5 passed');
    expect(run(dir)).toEqual({ stdout: '5 passed', status: 0, memo: 'used' });
    // another selection is another discovery's answer: -k selects from the remembered items
    expect(run(dir, ['-k', 'three'])).toEqual({ stdout: '1 passed, 4 deselected', status: 0, memo: 'used' });
  });

  it('is forgotten when a run teaches the discovery cache what a module makes at import', () => {
    const dir = project({
      'pytest.ini': '[pytest]\n',
      'tests/test_made.py': 'def test_plain():\n    pass\n\nfor _n in range(3):\n    globals()["test_made_%d" % _n] = lambda: None\n',
    });
    age(dir);
    expect(run(dir)).toMatchObject({ stdout: '4 passed', status: 0 });
    // the lesson removed every memo of the rootdir: worked out again, with the lesson
    expect(run(dir)).toEqual({ stdout: '4 passed', status: 0, memo: 'none' });
    expect(run(dir)).toEqual({ stdout: '4 passed', status: 0, memo: 'used' });
    expect(discover(dir).stdout).toContain('tests/test_made.py::test_made_2');
  });

  /** A project whose run remembered its discovery, each memo file then rewritten by `edit`. */
  function withEditedMemos(edit: (header: Buffer, body: Buffer) => Buffer): string {
    const dir = project(SIMPLE);
    age(dir);
    run(dir);
    const memoDir = join(dir, '.fastest', 'memo');
    for (const name of readdirSync(memoDir)) {
      const text = readFileSync(join(memoDir, name));
      const newline = text.indexOf(10);
      writeFileSync(join(memoDir, name), edit(text.subarray(0, newline), text.subarray(newline + 1)));
    }
    return dir;
  }

  it('is worked out again when its memo file is damaged', () => {
    const dir = withEditedMemos((header) => Buffer.concat([header, Buffer.from('\nnot a serialized value')]));
    expect(run(dir)).toEqual({ stdout: '4 passed', status: 0, memo: 'not used: unreadable' });
    expect(run(dir)).toEqual({ stdout: '4 passed', status: 0, memo: 'used' });
  });

  it("is worked out again when its header's inputs are off their shape (a restored cache is not trusted)", () => {
    const dir = withEditedMemos((text, body) => {
      const header = JSON.parse(text.toString('utf8')) as Record<string, unknown>;
      header.files = [[7], null, 'x'];
      header.dirs = { not: 'a list' };
      header.bundle = 'no stamp';
      return Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), body]);
    });
    const again = run(dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('4 passed');
    expect(again.memo).toBe('none'); // not read as a memo at all
    expect(run(dir)).toEqual({ stdout: '4 passed', status: 0, memo: 'used' });
  });

  it('is not kept for --no-cache', () => {
    const dir = project(SIMPLE);
    run(dir, ['--no-cache']);
    expect(run(dir, ['--no-cache']).memo).toBe('none');
  });
});

describe('per-file discovery cache', () => {
  it('does not trust size and mtime for a file written just before it was parsed', () => {
    const dir = project(SIMPLE);
    const file = join(dir, 'tests', 'test_a.py');
    discover(dir);
    rmSync(join(dir, '.fastest', 'memo'), { recursive: true, force: true });
    const before = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('test_one', 'test_uno'));
    utimesSync(file, before.atime, before.mtime);
    const run = discover(dir);
    expect(run.stdout).toContain('tests/test_a.py::test_uno');
  });
});

describe('input log', () => {
  it('logs the first value of each variable read, and lets writes through to process.env', async () => {
    const { loggedEnv, startInputLog, takeInputLog } = await import('../src/memo/inputs.js');
    startInputLog();
    const env = loggedEnv(process.env);
    const name = `FASTEST_MEMO_TEST_${process.pid}`;
    expect(env[name]).toBeUndefined();
    env[name] = 'set';
    expect(process.env[name]).toBe('set');
    expect(env[name]).toBe('set');
    delete process.env[name];
    const log = takeInputLog();
    expect(log?.env.get(name)).toBeUndefined();
    expect(log?.env.has(name)).toBe(true);
  });
});
