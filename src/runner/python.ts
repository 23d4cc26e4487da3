// Which Python runs the workers, and the environment that lets it import fastest_worker.
import { execFile, type SpawnOptions } from 'node:child_process';
import { existsSync, fstatSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { isatty } from 'node:tty';
import { fileURLToPath } from 'node:url';
import { testEnvironment } from './environment.js';
import { RunnerError } from './errors.js';
import { rememberedInterpreter, shimOf, type ShimChoice } from './shim.js';

export const MIN_PYTHON: [number, number] = [3, 9];

export interface PythonChoice {
  /** What to start. */
  python: string;
  /** A version manager's shim that chose `python` this time; its choice is not remembered yet. */
  shim: ShimChoice | null;
}

/**
 * findPython, with a version manager's shim replaced by the interpreter it chose last time under
 * the same conditions. PATH then starts with that interpreter's directory, as `pyenv exec` does.
 */
export function choosePython(opt: string | null | undefined, cwd: string, cacheDir: string, env: NodeJS.ProcessEnv = process.env): PythonChoice {
  const python = findPython(opt, env);
  const shim = opt ? null : shimOf(python, cwd, cacheDir, env);
  if (!shim) return { python, shim: null };
  const remembered = rememberedInterpreter(shim);
  if (!remembered) return { python, shim };
  env.PATH = prependToPathList(dirname(remembered), env.PATH);
  return { python: remembered, shim: null };
}

/** `--python`, else the active virtualenv's interpreter, else `python3` from PATH. */
export function findPython(opt?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (opt) return opt;
  const venv = env.VIRTUAL_ENV;
  if (venv) {
    const candidate = process.platform === 'win32' ? join(venv, 'Scripts', 'python.exe') : join(venv, 'bin', 'python');
    if (existsSync(candidate)) return candidate;
  }
  return process.platform === 'win32' ? 'python' : 'python3';
}

/**
 * The interpreter's version ("3.11.7"); a missing or too old Python is a RunnerError (exit 3).
 * Asynchronous so that the CLI overlaps it with discovery instead of waiting for it.
 */
export function checkPython(python: string, onExecutable?: (executable: string) => void): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      python,
      ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3]); print(sys.executable)'],
      { encoding: 'utf8', timeout: 30_000 },
      (error, stdout, stderr) => {
        const spawnCode = (error as NodeJS.ErrnoException | null)?.code;
        if (spawnCode === 'ENOENT') return reject(new RunnerError(`Python interpreter not found: ${python} (use --python PATH)`));
        const [version = '', executable = ''] = (stdout ?? '').trim().split('\n');
        const match = /^(\d+)\.(\d+)\.\d+$/.exec(version);
        if (error || !match) {
          return reject(new RunnerError(`${python} is not a working Python interpreter (${lastLine(stderr) || error?.message || 'no version'})`));
        }
        if (!isSupported(Number(match[1]), Number(match[2]))) {
          return reject(new RunnerError(`fastest needs Python >= ${MIN_PYTHON.join('.')}, but ${python} is ${version}`));
        }
        if (executable) onExecutable?.(executable);
        resolvePromise(version);
      },
    );
  });
}

export function isSupported(major: number, minor: number): boolean {
  return major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1]);
}

let runtimeDir: string | undefined;

/**
 * Absolute path of the `python/` directory that holds `fastest_worker`: found by walking up
 * from this module, which is `src/runner/python.ts` under vitest and `dist/cli.js` when bundled.
 */
export function pythonRuntimeDir(): string {
  if (runtimeDir) return runtimeDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'python');
    if (existsSync(join(candidate, 'fastest_worker', '__main__.py'))) return (runtimeDir = candidate);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new RunnerError('cannot find the fastest_worker Python package next to the fastest installation');
}

/** `dir` first in a PATH-style list. */
function prependToPathList(dir: string, list: string | undefined): string {
  return list ? `${dir}${delimiter}${list}` : dir;
}

/** PYTHONPATH with fastest_worker importable ahead of the inherited entries. */
export function runtimePythonPath(inherited: string | undefined): string {
  return prependToPathList(pythonRuntimeDir(), inherited);
}

/**
 * The environment of worker `index`: fastest_worker importable, the worker's number and count.
 * xdist's PYTEST_XDIST_WORKER is not set: plugins read it as "xdist runs" (pytest-benchmark then
 * disables itself with a warning) and outcomes must be plain pytest's. A suite that keys
 * per-worker resources (databases, ports) on it asks for it with FASTEST_XDIST_ENV=1.
 */
export function workerEnv(index: number, workers: number, base: NodeJS.ProcessEnv = process.env, pycacheDir?: string): NodeJS.ProcessEnv {
  const bytecode = pycacheDir && base.PYTHONDONTWRITEBYTECODE ? bytecodeCacheEnv(base, pycacheDir) : {};
  // The user's values of what the worker's own start needs changed: the worker puts them back
  // (null: unset) before tests run (python/fastest_worker/__main__.py). JSON: an environment value
  // cannot hold a NUL, and a path can hold any other separator.
  const changed = [
    'PYTHONPATH',
    ...(base.PYTHONPYCACHEPREFIX !== undefined && 'PYTHONDONTWRITEBYTECODE' in bytecode ? ['PYTHONDONTWRITEBYTECODE', 'PYTHONPYCACHEPREFIX'] : []),
  ];
  return {
    ...base,
    ...bytecode,
    PYTHONPATH: runtimePythonPath(base.PYTHONPATH),
    FASTEST_SAVED_PYTHON_ENV: JSON.stringify(Object.fromEntries(changed.map((name) => [name, base[name] ?? null]))),
    ...(base.FASTEST_XDIST_ENV === '1' ? { PYTEST_XDIST_WORKER: `gw${index}`, PYTEST_XDIST_WORKER_COUNT: String(workers) } : {}),
    FASTEST_WORKER: String(index),
    FASTEST_WORKER_COUNT: String(workers),
    ...(stdinForDebugger ? { FASTEST_TERMINAL_FD: '3', ...(terminalForDebugger ? { FASTEST_TERMINAL_OUT_FD: '4' } : {}) } : {}),
  };
}

/**
 * Node's stdin goes to every worker as its fd 3, for a debugger a test starts (`breakpoint()`:
 * python/fastest_worker/debugger.py reads it once Node grants it the terminal); tests themselves
 * never see it. Not when there is none, nor under `fastest watch`, which reads keys from it.
 */
let stdinForDebugger = stdinIsOpen();
/** Both stdin and stdout are a terminal: Node's stdout goes too (fd 4), and the debugger uses the
 * terminal itself, with readline's line editing and history, as pytest's does. */
const terminalForDebugger = isatty(0) && isatty(1);

function stdinIsOpen(): boolean {
  try {
    fstatSync(0);
    return true;
  } catch {
    return false;
  }
}

/** `fastest watch`: stdin is Node's own. */
export function keepStdinFromWorkers(): void {
  stdinForDebugger = false;
}

/** A worker's (or the warm parent's) fds: frames in, frames out, output, and Node's stdin (stdinForDebugger). */
export function workerStdio(): SpawnOptions['stdio'] {
  if (!stdinForDebugger) return ['pipe', 'pipe', 'pipe'];
  return terminalForDebugger ? ['pipe', 'pipe', 'pipe', 0, 1] : ['pipe', 'pipe', 'pipe', 0];
}

/**
 * Under PYTHONDONTWRITEBYTECODE=1 Python would compile pytest, the worker and the user's modules
 * from source in every worker of every run: their bytecode goes to `pycacheDir` instead
 * (sys.pycache_prefix), never beside the user's sources. Without that variable Python's own
 * __pycache__ already does the job. The worker sets the prefix itself once the interpreter has
 * started (FASTEST_PYCACHE_PREFIX; python/fastest_worker/__main__.py), so that start-up imports
 * read the installed bytecode rather than compile into an empty prefix; the user's environment is
 * left as it is. A prefix the user set (PYTHONPYCACHEPREFIX) is used as it is, with writing on; the
 * worker puts the user's own values back into os.environ first thing.
 */
function bytecodeCacheEnv(base: NodeJS.ProcessEnv, pycacheDir: string): NodeJS.ProcessEnv {
  if (base.PYTHONPYCACHEPREFIX === undefined) return { FASTEST_PYCACHE_PREFIX: pycacheDir };
  return { PYTHONDONTWRITEBYTECODE: undefined, PYTHONPYCACHEPREFIX: base.PYTHONPYCACHEPREFIX };
}

function lastLine(text: string | null | undefined): string {
  const lines = (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length ? lines[lines.length - 1] : '';
}

export interface WorkerSpawnOptions {
  python: string;
  /** The tests' working directory: where fastest was started, as pytest's (not the rootdir). */
  cwd: string;
  index: number;
  workers: number;
  /** Where compiled bytecode of the worker's imports is kept (see bytecodeCacheEnv). */
  pycacheDir?: string;
}

/**
 * How a worker process is started: runner/worker.ts starts it so, and the executable's early
 * start (early.ts) too, whose process is handed over only for exactly this spawn.
 */
export function workerSpawn(options: WorkerSpawnOptions, env: NodeJS.ProcessEnv): { command: string; args: string[]; options: SpawnOptions } {
  return {
    command: options.python,
    args: ['-m', 'fastest_worker'],
    options: {
      cwd: options.cwd,
      // Tests never see the CI runner's files and tokens (environment.ts).
      env: workerEnv(options.index, options.workers, testEnvironment(env), options.pycacheDir),
      stdio: workerStdio(),
      // Own process group: a terminal Ctrl-C reaches Node only, which then stops the workers.
      detached: true,
    },
  };
}
