// `fastest watch` driven by real file edits in a temporary project: a save re-runs the tests it
// can affect, in workers that see the saved code; keys `a`, `f`, `q` come through stdin; nothing
// is left running after `q` or SIGTERM.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ignoredByWatch, invalidatesParent } from '../src/cli/watch.js';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fastest-watch-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) write(root, path, text);
  return root;
}

function write(root: string, path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Processes whose working directory is the project: the watch's workers and warm parent. */
function processesIn(root: string): number[] {
  if (process.platform !== 'linux') return [];
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readlinkSync(`/proc/${pid}/cwd`) === root) found.push(Number(pid));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** The processes left in `root` once they had up to 3 s to finish exiting. */
async function gone(root: string): Promise<number[]> {
  for (let waited = 0; waited < 3000 && processesIn(root).length > 0; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  return processesIn(root);
}

/** A running `fastest watch`: its output so far, and a wait for its Nth "waiting for changes". */
class Watch {
  readonly child: ChildProcessWithoutNullStreams;
  out = '';
  private readonly waits: { count: number; resolve: () => void }[] = [];
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(root: string, args: string[] = [], command = ['watch']) {
    this.child = spawn(process.execPath, [cli, ...command, '--python', 'python3', ...args], {
      cwd: root,
      env: { ...process.env, GITHUB_ACTIONS: '', FASTEST_WARM_PARENT: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.closed = new Promise((resolve) => this.child.on('close', (code, signal) => resolve({ code, signal })));
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.out += chunk.toString();
      const seen = this.runs();
      for (const w of this.waits.filter((w) => seen >= w.count)) {
        this.waits.splice(this.waits.indexOf(w), 1);
        w.resolve();
      }
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.out += chunk.toString()));
  }

  runs(): number {
    return this.out.split('waiting for changes').length - 1;
  }

  /** Waits for the next idle point after what was seen so far; returns the output since then. */
  async next(): Promise<string> {
    const from = this.out.lastIndexOf('waiting for changes');
    const count = this.runs() + 1;
    await new Promise<void>((resolve) => {
      if (this.runs() >= count) resolve();
      else this.waits.push({ count, resolve });
    });
    return this.out.slice(from + 1);
  }

  key(text: string) {
    this.child.stdin.write(`${text}\n`);
  }
}

describe('fastest watch', () => {
  it('re-runs only the tests a saved module affects, with its new code; f runs the failing ones, a all, q quits', async () => {
    const root = project({
      'pytest.ini': '[pytest]\n',
      'pkg/__init__.py': '',
      'pkg/a.py': 'A = 1\n',
      'pkg/b.py': 'B = 1\n',
      'tests/test_a.py': 'from pkg.a import A\n\ndef test_a():\n    assert A == 1\n',
      'tests/test_b.py': 'from pkg.b import B\n\ndef test_b():\n    assert B == 1\n',
    });
    const watch = new Watch(root, ['-v']);
    expect(await watch.next()).toContain('2 passed');
    // Edits under .fastest/ and __pycache__ are no saves of the user's.
    write(root, '.fastest/noise.json', '{}');
    write(root, 'pkg/a.py', 'A = 2\n');
    const second = await watch.next();
    expect(second).toContain('fastest watch: 1 file changed: pkg/a.py');
    expect(second).toContain('1 of 2 test files affected by 1 changed file (pkg/a.py)');
    expect(second).toContain('tests/test_a.py: depends on pkg/a.py');
    expect(second).toContain('FAILED tests/test_a.py::test_a - assert 2 == 1');
    expect(second).not.toContain('test_b');
    watch.key('f');
    const failed = await watch.next();
    expect(failed).toContain('fastest watch: running the failing tests');
    expect(failed).toContain('tests/test_a.py::test_a FAILED');
    expect(failed).not.toContain('test_b.py::test_b');
    watch.key('a');
    const all = await watch.next();
    expect(all).toContain('fastest watch: running every test');
    expect(all).toContain('tests/test_b.py::test_b PASSED');
    expect(all).toContain('1 failed, 1 passed');
    write(root, 'pkg/a.py', 'A = 1\n');
    expect(await watch.next()).toContain('tests/test_a.py::test_a PASSED');
    watch.key('f');
    expect(await watch.next()).toContain('fastest watch: no failing tests to run');
    watch.key('q');
    expect((await watch.closed).code).toBe(0);
    expect(await gone(root)).toEqual([]);
  }, 180_000);

  it('runs every test below a saved conftest.py, with its new fixtures, from a new warm parent', async () => {
    const root = project({
      'pytest.ini': '[pytest]\n',
      'tests/unit/conftest.py': 'import pytest\n\n@pytest.fixture\ndef value():\n    return 1\n',
      'tests/unit/test_u1.py': 'def test_u1(value):\n    assert value == 1\n',
      'tests/unit/test_u2.py': 'def test_u2(value):\n    assert value >= 1\n',
      'tests/other/test_o.py': 'def test_o():\n    assert True\n',
    });
    const watch = new Watch(root, ['-v']);
    expect(await watch.next()).toContain('3 passed');
    write(root, 'tests/unit/conftest.py', 'import pytest\n\n@pytest.fixture\ndef value():\n    return 2\n');
    const second = await watch.next();
    expect(second).toContain('2 of 3 test files affected by 1 changed file (tests/unit/conftest.py)');
    if (process.platform !== 'win32') expect(second).toContain('new warm parent (tests/unit/conftest.py changed)');
    expect(second).toContain('tests/unit/test_u1.py::test_u1 FAILED');
    expect(second).toContain('tests/unit/test_u2.py::test_u2 PASSED');
    expect(second).not.toContain('test_o');
    watch.key('q');
    expect((await watch.closed).code).toBe(0);
  }, 180_000);

  it('never runs a saved module from stale bytecode (same size, same mtime second)', async () => {
    const root = project({
      'pytest.ini': '[pytest]\n',
      'pkg/__init__.py': '',
      'pkg/a.py': 'A = 1\n',
      'tests/test_a.py': 'from pkg.a import A\n\ndef test_a():\n    assert A == 1\n',
    });
    const watch = new Watch(root, ['-v']);
    expect(await watch.next()).toContain('1 passed');
    // Python trusts bytecode by its source's mtime in whole seconds and size: an edit that keeps
    // both (two saves within a second, a tool that restores mtimes) must still be seen.
    const before = statSync(join(root, 'pkg/a.py'));
    write(root, 'pkg/a.py', 'A = 2\n');
    utimesSync(join(root, 'pkg/a.py'), before.atime, before.mtime);
    const second = await watch.next();
    expect(second).toContain('FAILED tests/test_a.py::test_a - assert 2 == 1');
    watch.key('q');
    expect((await watch.closed).code).toBe(0);
  }, 180_000);

  it('ends every process it started on SIGTERM, and itself by that signal (started as fastest --watch)', async () => {
    const root = project({
      'pytest.ini': '[pytest]\n',
      'tests/test_a.py': 'def test_a():\n    assert True\n',
    });
    const watch = new Watch(root, [], ['--watch']);
    expect(await watch.next()).toContain('1 passed');
    if (process.platform === 'linux') expect(processesIn(root).length).toBeGreaterThan(0); // the warm parent
    watch.child.kill('SIGTERM');
    expect((await watch.closed).signal).toBe('SIGTERM');
    // a worker that had finished its run may still be in its last milliseconds (ending.py)
    expect(await gone(root)).toEqual([]);
  }, 180_000);

  it('ignores runner state, VCS, virtualenvs and editor droppings', () => {
    for (const path of [
      '.fastest/discovery.json',
      '.git/index',
      '.venv/lib/x.py',
      'pkg/__pycache__/a.cpython-311.pyc',
      'pkg/.a.py.swp',
      'pkg/a.py~',
      '.pytest_cache/v/x',
    ])
      expect(ignoredByWatch(path)).toBe(true);
    for (const path of ['pkg/a.py', 'tests/test_a.py', 'data/x.json', 'pytest.ini']) expect(ignoredByWatch(path)).toBe(false);
  });

  it('starts a new warm parent after a saved conftest.py, config file or installed package', () => {
    for (const path of [
      'conftest.py',
      'tests/conftest.py',
      'pytest.ini',
      'pyproject.toml',
      'setup.cfg',
      'tox.ini',
      'env/lib/python3.11/site-packages/x/y.py',
      'ci/my.ini',
    ])
      expect(invalidatesParent(path, 'ci/my.ini')).toBe(true);
    for (const path of ['pkg/a.py', 'tests/test_a.py', 'data/x.json']) expect(invalidatesParent(path, null)).toBe(false);
  });
});
