// A worker's end (python/fastest_worker/ending.py): it leaves out the interpreter's finalization,
// so what a test leaves for the process's end must still happen as under pytest: a non-daemon
// thread finishes, atexit callbacks run, and a file a module opened for writing and never closed
// gets its buffered text. Spawned workers and workers forked from the warm parent alike.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, compareEnv } from './helpers/against-pytest.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// Each importing process (pytest, or each worker of the collection pass) names its files by pid.
const LEAVES = `import atexit
import os
import threading
import time

OUT = os.environ["END_OUT"]
PID = os.getpid()
LEAKED = open(os.path.join(OUT, "leaked-%d.txt" % PID), "w")
LEAKED.write("imported\\n")


def _late():
    time.sleep(0.3)
    with open(os.path.join(OUT, "thread-%d.txt" % PID), "w") as f:
        f.write("thread done\\n")


def _at_exit():
    with open(os.path.join(OUT, "atexit-%d.txt" % PID), "w") as f:
        f.write("atexit ran\\n")


atexit.register(_at_exit)


def test_leaves_work_for_the_end():
    LEAKED.write("test ran\\n")
    threading.Thread(target=_late).start()
`;

function project(): { root: string; out: string } {
  const base = mkdtempSync(join(tmpdir(), 'fastest-end-test-'));
  made.push(base);
  const root = join(base, 'proj');
  const out = join(base, 'out');
  mkdirSync(join(root, 'tests'), { recursive: true });
  mkdirSync(out);
  writeFileSync(join(root, 'pytest.ini'), '[pytest]\n');
  writeFileSync(join(root, 'tests', 'test_leaves.py'), LEAVES);
  writeFileSync(join(root, 'tests', 'test_other.py'), 'def test_other():\n    assert True\n');
  return { root, out };
}

/** Per kind of file (leaked, thread, atexit), the distinct contents the processes left. */
function leftBehind(out: string): Record<string, string[]> {
  const contents: Record<string, Set<string>> = {};
  for (const name of readdirSync(out)) {
    const kind = name.split('-')[0];
    (contents[kind] ??= new Set()).add(readFileSync(join(out, name), 'utf8'));
  }
  return Object.fromEntries(Object.entries(contents).map(([kind, set]) => [kind, [...set].sort()]));
}

describe("what a test leaves for the process's end", () => {
  const pytestRun = () => {
    const p = project();
    const r = spawnSync('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: p.root, env: { ...compareEnv, END_OUT: p.out }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    return leftBehind(p.out);
  };

  it.each([
    ['spawned workers', '0'],
    ['workers forked from the warm parent', '1'],
  ])('happens in %s as under pytest', (_, warm) => {
    const expected = pytestRun();
    expect(expected).toEqual({ atexit: ['atexit ran\n'], leaked: ['imported\ntest ran\n'], thread: ['thread done\n'] });
    const p = project();
    const r = spawnSync(process.execPath, [cli, '-q', '-n', '2', '-p', 'no:cacheprovider'], {
      cwd: p.root,
      env: { ...compareEnv, END_OUT: p.out, FASTEST_WARM_PARENT: warm },
      encoding: 'utf8',
    });
    expect(r.stdout).toContain('2 passed');
    expect(r.status).toBe(0);
    // Both workers import the module (the collection pass); the one that runs its test writes
    // "test ran" and starts the thread, the other only "imported".
    const left = leftBehind(p.out);
    expect(left.atexit).toEqual(['atexit ran\n']);
    expect(left.thread).toEqual(['thread done\n']);
    expect(left.leaked).toContain('imported\ntest ran\n');
    expect(readdirSync(p.out).filter((name) => name.startsWith('atexit-'))).toHaveLength(
      readdirSync(p.out).filter((name) => name.startsWith('leaked-')).length,
    );
  });
});
