// SIGINT, SIGTERM and SIGHUP to fastest end every worker and what its tests started, and the run
// ends as pytest's does (issue 13, item 8): SIGINT is pytest's KeyboardInterrupt (exit 2), SIGTERM
// and SIGHUP end pytest by the signal itself.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = process.env.CLI_UNDER_TEST ?? join(__dirname, '..', 'dist', 'cli.js');
let work: string;
const leftovers: number[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-signals-'));
});
afterAll(() => {
  for (const pid of leftovers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  rmSync(work, { recursive: true, force: true });
});

/** Alive and not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Every process below `root`, from /proc. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    for (const [child, ppid] of parent)
      if (ppid === pid) {
        found.push(child);
        queue.push(child);
      }
  }
  return found;
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

function suite(name: string): string {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  pids: number[];
  /** Directories fastest made outside the suite that the test's process had open (state files, /dev/shm). */
  scratch: string[];
}

/** The `fastest-state-*` / `fastest-warm-*` directories of the files a process has mapped or open. */
function scratchDirsOf(pid: number): string[] {
  const paths = new Set<string>();
  try {
    for (const line of readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n')) {
      const path = line.slice(line.indexOf('/'));
      if (line.includes('/')) paths.add(path);
    }
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        paths.add(readlinkSync(`/proc/${pid}/fd/${fd}`));
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    return [];
  }
  return [...paths].flatMap((path) => {
    const match = /^(.*\/fastest-(?:state|warm)-[^/]+)\//.exec(path);
    return match ? [match[1]] : [];
  });
}

/** Starts `cmd` on a suite whose test sleeps (with a child process), sends `signal` once it sleeps. */
async function interrupt(cmd: string[], dir: string, signal: NodeJS.Signals): Promise<Ended> {
  mkdirSync(dir, { recursive: true });
  const pidsFile = join(dir, 'pids.txt');
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  writeFileSync(
    join(dir, 'test_sleep.py'),
    [
      'import os, subprocess, time',
      'def test_sleeps():',
      '    child = subprocess.Popen(["sleep", "600"])',
      `    with open(${JSON.stringify(pidsFile)}, "w") as f:`,
      '        f.write("%d %d" % (os.getpid(), child.pid))',
      '    time.sleep(600)',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'test_quick.py'), 'def test_quick():\n    pass\n');
  const child = spawn(cmd[0], cmd.slice(1), {
    cwd: dir,
    env: { ...process.env, GITHUB_ACTIONS: '', PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const ended = new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('close', (code, sig) => r([code, sig])));
  await waitFor(() => existsSync(pidsFile) && readFileSync(pidsFile, 'utf8').includes(' '), 60_000);
  const pids = [...new Set([...readFileSync(pidsFile, 'utf8').split(' ').map(Number), ...descendants(child.pid!)])];
  leftovers.push(...pids);
  const scratch = [...new Set(pids.flatMap(scratchDirsOf))];
  child.kill(signal);
  const [code, sig] = await ended;
  return { code, signal: sig, out, pids, scratch };
}

/** The socket directory Node gave the warm parent among `pids`, from its environment. */
function warmSocketDir(pids: number[]): string | undefined {
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--warm-parent')) continue;
      const vars = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      const entry = vars.find((v) => v.startsWith('FASTEST_WARM_SOCKET_DIR='));
      if (entry) return entry.slice(entry.indexOf('=') + 1);
    } catch {
      // exited meanwhile
    }
  }
  return undefined;
}

describe.skipIf(process.platform !== 'linux')('fastest killed outright', () => {
  it('SIGKILL: the warm parent removes its socket directory and the worker its state file once they end', async () => {
    const dir = suite('fastest-SIGKILL-warm');
    mkdirSync(dir, { recursive: true });
    const started = join(dir, 'started');
    writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
    writeFileSync(join(dir, 'test_short.py'), `import time\ndef test_short():\n    open(${JSON.stringify(started)}, "w").close()\n    time.sleep(2)\n`);
    const child = spawn(process.execPath, [cli, '-n', '1'], {
      cwd: dir,
      env: { ...process.env, GITHUB_ACTIONS: '', PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1', FASTEST_WARM_PARENT: '1' },
      stdio: 'ignore',
    });
    const ended = new Promise((r) => child.on('close', r));
    await waitFor(() => existsSync(started), 60_000);
    const pids = descendants(child.pid!);
    leftovers.push(...pids);
    const socketDir = warmSocketDir(pids);
    expect(socketDir).toMatch(/fastest-warm-/);
    expect(existsSync(socketDir!)).toBe(true);
    const stateDirs = [...new Set(pids.flatMap(scratchDirsOf))];
    expect(stateDirs.length).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await ended;
    await waitFor(() => pids.every((pid) => !alive(pid)), 30_000);
    expect(existsSync(socketDir!)).toBe(false);
    expect(stateDirs.filter((dir) => existsSync(dir))).toEqual([]);
  }, 120_000);
});

describe.skipIf(process.platform === 'win32')('signals to fastest', () => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${signal}: no worker or test process is left, and the exit is pytest's`, async () => {
      const f = await interrupt([process.execPath, cli, '-n', '2'], suite(`fastest-${signal}`), signal);
      // every process fastest had started is gone (give the kernel a moment to deliver SIGKILL)
      await waitFor(() => f.pids.every((pid) => !alive(pid)), 5_000).catch(() => undefined);
      expect(f.pids.filter(alive)).toEqual([]);
      // and no state file directory is left in /dev/shm (the worker had it mapped)
      if (process.platform === 'linux') {
        expect(f.scratch.length).toBeGreaterThan(0);
        expect(f.scratch.filter((dir) => existsSync(dir))).toEqual([]);
      }
      const p = await interrupt(['python3', '-m', 'pytest'], suite(`pytest-${signal}`), signal);
      expect({ code: f.code, signal: f.signal }).toEqual({ code: p.code, signal: p.signal });
      if (signal === 'SIGINT') {
        expect(f.code).toBe(2);
        expect(f.out).toMatch(/!+ KeyboardInterrupt !+/);
      }
    }, 120_000);
  }
});
