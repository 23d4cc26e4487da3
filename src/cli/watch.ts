// `fastest watch [options] [paths]`: runs the suite, then watches the project and, on each save,
// runs the tests the saved files can affect (`--affected-by`, failures first) in a fresh fastest
// process, whose workers import the new code. Keys: `a` runs everything, `f` the last failures,
// `q` quits (read from the terminal, or one a line from a pipe).
import { spawn } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstPass } from './session.js';

/** Directories and files no save of the user's is in: runner state, VCS, virtualenvs, caches, editor droppings. */
const IGNORED =
  /(?:^|\/)(?:\.fastest|\.git|\.hg|\.svn|\.venv|venv|\.tox|\.nox|node_modules|__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|build|dist|[^/]*\.egg-info)(?:\/|$)|\.py[co]$|~$|\.sw[px]$|(?:^|\/)4913$|(?:^|\/)\.#/;
const DEBOUNCE_MS = 100;

export function ignoredByWatch(rel: string): boolean {
  return IGNORED.test(rel.split(sep).join('/'));
}

export async function watchCommand(rest: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const { config } = firstPass(rest, cwd, env);
  const rootdir = config.rootdir;
  const cli = join(dirname(fileURLToPath(import.meta.url)), 'cli.js');
  const tty = process.stdout.isTTY === true;
  let pending = new Set<string>();
  let running = false;
  let queued: string[][] = [];
  let timer: NodeJS.Timeout | null = null;
  let current: ReturnType<typeof spawn> | null = null;
  let quit: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => {
    quit = resolve;
  });

  const status = (text: string) => process.stdout.write(`\nfastest watch: ${text} (a: run all, f: run failed, q: quit)\n`);
  const runOnce = (extra: string[], title: string) =>
    new Promise<void>((resolve) => {
      if (tty) process.stdout.write('\x1b[2J\x1b[H');
      process.stdout.write(`fastest watch: ${title}\n`);
      const child = spawn(process.execPath, [cli, ...rest, ...extra], { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
      current = child;
      child.on('close', (code, signal) => {
        current = null;
        status(`last run exited ${code ?? `by ${signal}`}; waiting for changes`);
        resolve();
      });
    });
  const schedule = async (extra: string[], title: string) => {
    queued.push([title, ...extra]);
    if (running) return;
    running = true;
    while (queued.length > 0) {
      const [nextTitle, ...nextExtra] = queued.shift()!;
      await runOnce(nextExtra, nextTitle);
    }
    running = false;
  };
  const flush = () => {
    timer = null;
    const files = [...pending].sort();
    pending = new Set();
    if (files.length === 0) return;
    void schedule(
      ['--ff', '--affected-by', ...files.map((f) => join(rootdir, f))],
      `${files.length} file${files.length === 1 ? '' : 's'} changed: ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', ...' : ''}`,
    );
  };

  let watcher: FSWatcher;
  try {
    watcher = watch(rootdir, { recursive: true }, (_event, name) => {
      if (name === null) return;
      const rel = relative(rootdir, join(rootdir, name.toString()));
      if (rel === '' || rel.startsWith('..') || ignoredByWatch(rel)) return;
      pending.add(rel.split(sep).join('/'));
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, DEBOUNCE_MS);
    });
  } catch (error) {
    process.stderr.write(`fastest watch: cannot watch ${rootdir}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  }

  const onKey = (key: string) => {
    if (key === 'q' || key === '\u0003') quit(0);
    else if (key === 'a') void schedule([], 'running every test');
    else if (key === 'f') void schedule(['--lf'], 'running the last failures');
  };
  const stdin = process.stdin;
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  const onData = (chunk: string) => {
    for (const key of chunk.replace(/\r?\n/g, '')) onKey(key);
  };
  stdin.on('data', onData);

  void schedule([], 'running every test');
  const code = await done;
  watcher.close();
  if (timer) clearTimeout(timer);
  stdin.off('data', onData);
  if (stdin.isTTY) stdin.setRawMode(false);
  stdin.pause();
  queued = [];
  (current as ReturnType<typeof spawn> | null)?.kill();
  return code;
}
