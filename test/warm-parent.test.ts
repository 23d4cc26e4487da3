// The warm parent (runner/warm.ts, python/fastest_worker/warm_parent.py): workers forked from a
// process that imported the suite's shared packages once must behave as separately started ones.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const made: string[] = [];

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

interface Project {
  root: string;
  lib: string;
  out: string;
}

/** A project whose conftest imports `sharedpkg` from a directory outside the rootdir. */
function project(files: Record<string, string>, sharedpkg = 'VALUE = 42\n'): Project {
  const base = mkdtempSync(join(tmpdir(), 'fastest-warm-test-'));
  made.push(base);
  const root = join(base, 'proj');
  const lib = join(base, 'lib');
  const out = join(base, 'out');
  mkdirSync(join(lib, 'sharedpkg'), { recursive: true });
  mkdirSync(out);
  writeFileSync(join(lib, 'sharedpkg', '__init__.py'), sharedpkg);
  for (const [path, text] of Object.entries({ 'pytest.ini': '[pytest]\n', ...files })) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { root, lib, out };
}

function run(p: Project, warm: '0' | '1' | '', args: string[] = []) {
  const r = spawnSync(process.execPath, [cli, '-n', '2', '-p', 'no:cacheprovider', '--junit-xml', join(p.out, `junit-${warm}.xml`), ...args], {
    cwd: p.root,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', FASTEST_WARM_PARENT: warm, PYTHONPATH: p.lib, PROBE_OUT: p.out },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, pid: r.pid };
}

function record(p: Project): { seconds: number; imported: string[]; unsafe: string[] } {
  return JSON.parse(readFileSync(join(p.root, '.fastest', 'warm-parent.json'), 'utf8'));
}

/** Per test file: what a test saw of its process, written by the probe test below. */
function probes(p: Project): Record<string, Record<string, unknown>> {
  const got: Record<string, Record<string, unknown>> = {};
  for (const name of readdirSync(p.out).filter((n) => n.endsWith('.json'))) got[name] = JSON.parse(readFileSync(join(p.out, name), 'utf8'));
  return got;
}

const PROBE_TEST = `import json, os, random, sys, threading
import sharedpkg

def test_probe():
    fds = sorted(int(fd) for fd in os.listdir("/proc/self/fd"))
    data = {
        "pid": os.getpid(), "ppid": os.getppid(), "sid": os.getsid(0), "worker": os.environ.get("FASTEST_WORKER"),
        "random": random.random(), "argv": sys.argv[1:], "threads": threading.active_count(),
        "stdin": os.path.realpath("/proc/self/fd/0"), "probe_env": "FASTEST_WARM_PROBE" in os.environ,
        "shared_value": sharedpkg.VALUE,
    }
    with open(os.path.join(os.environ["PROBE_OUT"], "%s.json" % __name__), "w") as f:
        json.dump(data, f)
`;

describe('warm parent', () => {
  it('forks each worker into its own session with its own random state, nothing of the parent but its imports', () => {
    const p = project({ 'tests/conftest.py': 'import sharedpkg\n', 'tests/test_a.py': PROBE_TEST, 'tests/test_b.py': PROBE_TEST });
    const r = run(p, '1');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('2 passed');
    expect(record(p).imported).toEqual(['sharedpkg']);
    const seen = Object.values(probes(p));
    expect(seen).toHaveLength(2);
    const [a, b] = seen;
    // forked by the same parent, not started by Node
    expect(a.ppid).toBe(b.ppid);
    expect(a.ppid).not.toBe(r.pid);
    expect(a.worker).not.toBe(b.worker);
    expect(a.random).not.toBe(b.random);
    for (const s of seen) {
      expect(s.sid).toBe(s.pid); // its own session and process group
      // (`-n 2`: sys.argv as pytest-xdist's workers have it, ['-c']; none of the parent's)
      expect(s.argv).toEqual([]);
      expect(s.threads).toBe(1);
      expect(s.stdin).toBe('/dev/null');
      expect(s.probe_env).toBe(false);
      expect(s.shared_value).toBe(42);
    }
  });

  it('replaces a crashed worker with a new fork of the same parent', () => {
    const crash = `import os, json
import sharedpkg

def test_before():
    pass

def test_crash():
    os._exit(3)

def test_after():
    with open(os.path.join(os.environ["PROBE_OUT"], "after.txt"), "w") as f:
        f.write("%d %d" % (os.getpid(), os.getppid()))
`;
    const p = project({ 'tests/conftest.py': 'import sharedpkg\n', 'tests/test_crash.py': crash, 'tests/test_a.py': PROBE_TEST });
    const r = run(p, '1', ['-rA']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 failed, 3 passed/);
    expect(r.stdout).toContain('worker exited unexpectedly with code 3');
    const [pid, ppid] = readFileSync(join(p.out, 'after.txt'), 'utf8').split(' ').map(Number);
    const first = Object.values(probes(p))[0];
    expect(ppid).toBe(first.ppid); // the replacement is a fork of the warm parent too
    expect(pid).not.toBe(first.pid);
    expect(record(p).imported).toEqual(['sharedpkg']);
  });

  it('ends a forked worker as the interpreter would: its threads joined, atexit callbacks run, output flushed', () => {
    // a forked worker skips the interpreter's last collections (they copy every page the parent
    // made); what a test can rely on at exit still happens
    const ending = `import atexit, os, threading, time
import sharedpkg

def test_ending():
    out = os.environ["PROBE_OUT"]
    def late():
        time.sleep(0.3)
        with open(os.path.join(out, "thread-%s.txt" % __name__), "w") as f:
            f.write("joined")
    threading.Thread(target=late).start()
    atexit.register(lambda: open(os.path.join(out, "atexit-%s.txt" % __name__), "w").write("ran"))
    kept = open(os.path.join(out, "buffered-%s.txt" % __name__), "w")
    kept.write("flushed by atexit")
    atexit.register(kept.close)
`;
    const p = project({
      'tests/conftest.py': 'import sharedpkg\n',
      'tests/test_a.py': ending,
      'tests/test_b.py': ending.replace('test_ending', 'test_ending_b'),
    });
    const r = run(p, '1');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(record(p).imported).toEqual(['sharedpkg']);
    for (const module of ['test_a', 'test_b']) {
      expect(readFileSync(join(p.out, `thread-${module}.txt`), 'utf8')).toBe('joined');
      expect(readFileSync(join(p.out, `atexit-${module}.txt`), 'utf8')).toBe('ran');
      expect(readFileSync(join(p.out, `buffered-${module}.txt`), 'utf8')).toBe('flushed by atexit');
    }
  });

  it("records a forked worker's test time as the tests took, not scaled by its wait for the parent", () => {
    // 10 tests of 30 ms of CPU each per file: ~0.3 s a file. The fork's start (waiting for the
    // parent's import) once made its share of a core look like 0.1 and its files 10x shorter.
    const busy = (name: string) =>
      `import time\nimport sharedpkg\n\ndef busy():\n    t = time.process_time()\n    while time.process_time() - t < 0.03:\n        pass\n\n` +
      Array.from({ length: 10 }, (_, i) => `def test_${name}${i}():\n    busy()\n`).join('\n');
    const slowImport = 'import time\nt = time.process_time()\nwhile time.process_time() - t < 0.5:\n    pass\nVALUE = 42\n';
    const p = project({ 'tests/conftest.py': 'import sharedpkg\n', 'tests/test_a.py': busy('a'), 'tests/test_b.py': busy('b') }, slowImport);
    const r = run(p, '1');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(record(p).imported).toEqual(['sharedpkg']);
    const cost = JSON.parse(readFileSync(join(p.root, '.fastest', 'run-cost.json'), 'utf8')) as { files: Record<string, { seconds: number }> };
    for (const file of ['tests/test_a.py', 'tests/test_b.py']) expect(cost.files[file].seconds).toBeGreaterThan(0.15);
  });

  it('does not use a parent whose import changes what a test could see, and remembers the package', () => {
    const p = project(
      { 'tests/conftest.py': 'import sharedpkg\n', 'tests/test_a.py': PROBE_TEST, 'tests/test_b.py': PROBE_TEST },
      'import os\nos.environ["SHAREDPKG_LOADED"] = "1"\nVALUE = 42\n',
    );
    const r = run(p, '1');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(record(p).unsafe).toEqual(['sharedpkg']);
    const seen = Object.values(probes(p));
    expect(seen).toHaveLength(2);
    expect(seen.map((s) => s.ppid)).toEqual([r.pid, r.pid]); // started by Node as usual
    expect(seen.map((s) => s.shared_value)).toEqual([42, 42]);
    // the next run leaves it out (nothing else to import: the parent forks at once)
    rmSync(p.out, { recursive: true });
    mkdirSync(p.out);
    const again = run(p, '1');
    expect(again.code).toBe(0);
    expect(record(p)).toMatchObject({ imported: [], unsafe: ['sharedpkg'] });
  });

  it('does not use a parent whose import keeps sys.stdout in a module global (pytest imports it under capture)', () => {
    // structlog: `from sys import stdout` at import, then a test compares sys.stdout (capture's
    // stream, under pytest the same object during the import and the test) with it
    const test = 'import sys\nimport sharedpkg\n\ndef test_same_stream():\n    assert sharedpkg.stdout is sys.stdout\n';
    const p = project({ 'tests/conftest.py': 'import sharedpkg\n', 'tests/test_a.py': test }, 'from sys import stdout\n');
    const r = run(p, '1');
    expect(r.stdout + r.stderr).toContain('1 passed');
    expect(record(p).unsafe).toEqual(['sharedpkg']);
  });

  it('no probe when the files and conftests import only the standard library and pytest; when they import a package, one from the second run on', () => {
    // a process started as the warm parent (or its probe) leaves a mark
    const marking = (p: Project) =>
      writeFileSync(
        join(p.lib, 'sitecustomize.py'),
        `import os, sys\nif '--warm-parent' in sys.argv:\n    open(os.path.join(${JSON.stringify(p.out)}, 'parent-started'), 'w').close()\n`,
      );
    const plain = project({ 'tests/conftest.py': 'import os\n', 'tests/test_a.py': 'import json, pytest\n\ndef test_a():\n    assert json.dumps(1) == "1"\n' });
    marking(plain);
    const r = run(plain, '');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readdirSync(plain.out)).not.toContain('parent-started');
    expect(record(plain)).toEqual({ seconds: 0, imported: [], unsafe: [] });
    // the probe runs at low priority and is ended with the run: a run of ~0.5 s on an idle machine
    // can end before it has measured anything (then nothing is recorded and the next run probes)
    const shared = project({
      'tests/conftest.py': 'import sharedpkg\n',
      'tests/test_a.py': PROBE_TEST,
      'tests/test_slow.py': 'import time\n\ndef test_slow():\n    time.sleep(2)\n',
    });
    marking(shared);
    // the checkout's first run (a cold CI job's only one) makes none
    const first = run(shared, '');
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(readdirSync(shared.out)).not.toContain('parent-started');
    expect(existsSync(join(shared.root, '.fastest', 'warm-parent.json'))).toBe(false);
    const probed = run(shared, '');
    expect(probed.code, probed.stdout + probed.stderr).toBe(0);
    expect(readdirSync(shared.out)).toContain('parent-started');
    expect(record(shared).imported).toEqual(['sharedpkg']);
  });

  it('never imports the project own modules in the parent', () => {
    const p = project({
      'tests/conftest.py': 'import sharedpkg\nimport mylocal\n',
      'mylocal.py': 'LOADED = True\n',
      'tests/test_a.py': PROBE_TEST,
    });
    const r = run(p, '1');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(record(p).imported).toEqual(['sharedpkg']);
    expect(Object.values(probes(p))[0].ppid).not.toBe(r.pid);
  });

  it("imports nothing pytest would import after a conftest statement that may configure it (sqlalchemy's plugin and its testing fixtures)", () => {
    // the conftest sets what sharedpkg.fixtures reads at import: imported in the parent before the
    // conftest ran, the class had no fixture and every test erred (`fixture 'thing' not found`)
    const p = project({
      'tests/conftest.py': 'import pytest\nimport sharedpkg.config\n\nsharedpkg.config.fixture_fn = pytest.fixture\n',
      'tests/test_a.py': 'from sharedpkg.fixtures import Base\n\n\nclass TestA(Base):\n    def test_a(self, thing):\n        assert thing == 42\n',
    });
    writeFileSync(join(p.lib, 'sharedpkg', 'config.py'), 'fixture_fn = None\n');
    writeFileSync(
      join(p.lib, 'sharedpkg', 'fixtures.py'),
      'from sharedpkg import config\n\n\nclass Base:\n    if config.fixture_fn is not None:\n\n        @config.fixture_fn()\n        def thing(self):\n            return 42\n',
    );
    for (const round of [1, 2, 3]) {
      const r = run(p, '1');
      expect(r.code, `round ${round}: ${r.stdout}${r.stderr}`).toBe(0);
    }
    expect(record(p).imported).toEqual(['sharedpkg.config']);
  });

  it('imports the packages of a virtualenv inside the project in the parent, rather than reading them as project files', () => {
    // django-ninja's checkout with its `.venv/` inside: Django's files were followed as the
    // project's own (ast-parsed, hundreds of files, every run) and never preloaded
    const p = project({ 'tests/conftest.py': 'import sharedpkg\nimport venvpkg\n', 'tests/test_a.py': PROBE_TEST });
    const venv = join(p.root, '.venv');
    const base = spawnSync('python3', ['-c', 'import sys, sysconfig; print(sys.base_prefix); print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n');
    expect(spawnSync(join(base[0], 'bin', 'python3'), ['-m', 'venv', '--without-pip', venv]).status).toBe(0);
    const python = join(venv, 'bin', 'python');
    const site = spawnSync(python, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(site, 'outer.pth'), `${base[1]}\n`); // pytest from the interpreter running these tests
    mkdirSync(join(site, 'venvpkg'));
    writeFileSync(join(site, 'venvpkg', '__init__.py'), 'VALUE = 1\n');
    const r = run(p, '1', ['--python', python]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(record(p).imported).toEqual(['sharedpkg', 'venvpkg']);
  });

  for (const fixture of ['runner-basic', 'native-basic', 'runner-shared-conftest']) {
    it(`gives the same outcomes with the warm parent on and off (${fixture})`, () => {
      const base = mkdtempSync(join(tmpdir(), 'fastest-warm-fixture-'));
      made.push(base);
      const root = join(base, 'proj');
      cpSync(resolve(__dirname, 'fixtures', fixture), root, { recursive: true });
      const p = { root, lib: join(base, 'lib'), out: base };
      mkdirSync(p.lib);
      // Both from a fresh checkout: runner-basic's module-level skip is counted differently by a
      // run with a warm discovery cache (5 skipped cold as pytest, 4 warm), with or without a parent.
      const off = run(p, '0', ['--continue-on-collection-errors']);
      rmSync(join(root, '.fastest'), { recursive: true, force: true });
      const on = run(p, '1', ['--continue-on-collection-errors']);
      expect(on.code).toBe(off.code);
      const cases = (xml: string) =>
        [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"[^>]*?(\/>|>\s*<(failure|error|skipped))/g)]
          .map((m) => `${m[1]}::${m[2]} ${m[4] ?? 'passed'}`)
          .sort();
      const offCases = cases(readFileSync(join(base, 'junit-0.xml'), 'utf8'));
      expect(offCases.length).toBeGreaterThan(0);
      expect(cases(readFileSync(join(base, 'junit-1.xml'), 'utf8'))).toEqual(offCases);
      expect(record(p)).toBeTruthy(); // the parent ran
    }, 120_000);
  }

  // The record decides whether the next run uses a parent; a wall clock that counts the time
  // spent waiting for a CPU turned the parent on and off with the machine's load (boltons,
  // session 11). Three busy processes share one CPU here: the wall clock triples, the measure not.
  it.runIf(process.platform === 'linux')('measures the shared imports without the time spent waiting for a CPU', () => {
    const script = `import os, sys, time
sys.path.insert(0, sys.argv[1])
from fastest_worker.warm_parent import _busy_clock
os.sched_setaffinity(0, {0})
rivals = []
for _ in range(2):
    pid = os.fork()
    if pid == 0:
        started = time.monotonic()
        while time.monotonic() - started < 10:
            pass
        os._exit(0)
    rivals.append(pid)
wall, busy, cpu = time.perf_counter(), _busy_clock(), time.process_time()
while time.process_time() - cpu < 0.3:
    pass
wall, busy = time.perf_counter() - wall, _busy_clock() - busy
for pid in rivals:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
print(wall, busy)
`;
    const r = spawnSync('python3', ['-c', script, resolve(__dirname, '..', 'python')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [wall, busy] = r.stdout.trim().split(' ').map(Number);
    expect(busy).toBeGreaterThanOrEqual(0.29);
    expect(busy).toBeLessThan(wall * 0.6);
  });
});
