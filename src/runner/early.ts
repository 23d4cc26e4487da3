// Workers started by the executable (cli/entry.ts) before it loads the main bundle, so that
// Python's start (interpreter, `import pytest`, the engine) overlaps the 60-160 ms Node spends
// loading dist/main.js and reading the config. The choice that needs the config (the rootdir, the
// interpreter, how many workers) is what the last run of the same command made, kept in
// `.fastest/early-workers.json`; in a directory fastest never ran in, a plan is guessed from what
// the cwd alone tells. Nothing is trusted: a worker started early is used only when the run asks
// for exactly the same process (interpreter, arguments, working directory, environment; see
// `takeEarlyChild`), and ended at once otherwise.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { selfAndParents } from '../memo/ancestors.js';
import { choosePython, workerSpawn } from './python.js';

const RECORD_FILE = 'early-workers.json';
const RECORD_VERSION = 1;
/** Commands (of the same cwd, arguments and environment) whose plan is kept. */
const KEPT_PLANS = 16;
/** Arguments after which the run starts no worker (real pytest answers, or nothing runs). */
const NO_WORKER_ARGS = new Set(['--setup-plan', '--setup-only', '--fixtures', '--fixtures-per-test', '--markers', '--watch']);
/** `--collect-only`: its tree is real pytest's; with -q the workers' collection pass lists. */
const COLLECT_ONLY_ARGS = new Set(['--co', '--collect-only', '--collectonly']);

/** Whether the command starts no worker of its own. */
function startsNoWorker(argv: string[]): boolean {
  if (argv.some((arg) => NO_WORKER_ARGS.has(arg))) return true;
  return argv.some((arg) => COLLECT_ONLY_ARGS.has(arg)) && !argv.some((arg) => /^-q+$/.test(arg) || arg === '--quiet');
}
/** Files that make the cwd pytest's rootdir when fastest is run there without arguments. */
const ROOTDIR_MARKERS = ['pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg', 'setup.py'];

/** Options whose value is no path (and so leaves the rootdir where it is). */
const VALUED_OPTIONS = new Set(['-p', '-k', '-m', '-W', '-r', '--tb', '--maxfail', '--durations', '--timeout']);

/** No argument that may move the rootdir or the count of workers (paths, -c, --rootdir, -n...). */
function rootdirIsCwd(argv: string[]): boolean {
  return argv.every((arg, index) => {
    if (VALUED_OPTIONS.has(argv[index - 1])) return true;
    return arg.startsWith('-') && !/^(-n|--numprocesses|--pyargs|-c|--rootdir|--config-file|--inifile|-o|--override-ini)/.test(arg);
  });
}

/** The workers a run starts ahead of discovery, as the run itself would start them. */
export interface EarlyPlan {
  python: string;
  /** The workers' working directory. */
  cwd: string;
  workers: number;
  pycacheDir: string;
}

/** What the executable hands the main bundle. */
export interface EarlyStart {
  /** The command's key in the record (its cwd, arguments and the environment the plan depends on). */
  key: string;
  /** The plan the workers were started by, or null when none was. */
  plan: EarlyPlan | null;
  /** What the record held for the command (rewritten only when the run differs). */
  recorded: RecordedPlan | null;
  workers: EarlyWorker[];
}

export interface EarlyWorker {
  child: ChildProcess;
  command: string;
  args: string[];
  options: SpawnOptions;
  /** Taken by the run (its WorkerProcess owns it), or ended. */
  settled: boolean;
}

export type RecordedPlan = EarlyPlan | { workers: 0 };

interface EarlyRecord {
  version: number;
  plans: Record<string, RecordedPlan>;
}

/** The key of a command: the plan may differ with any of these. */
export function earlyKey(argv: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const vars = ['VIRTUAL_ENV', 'PATH', 'PYTEST_ADDOPTS', 'PYTHONDONTWRITEBYTECODE', 'PYTHONPYCACHEPREFIX', 'FASTEST_WARM_PARENT'].map(
    (name) => env[name] ?? null,
  );
  return createHash('sha256')
    .update(JSON.stringify([cwd, argv, vars]))
    .digest('hex')
    .slice(0, 32);
}

/** The last `--python` of the command line (the interpreter the user named there). */
function pythonArgument(argv: string[]): string | null {
  let python: string | null = null;
  argv.forEach((arg, index) => {
    if (arg === '--python') python = argv[index + 1] ?? null;
    else if (arg.startsWith('--python=')) python = arg.slice('--python='.length);
  });
  return python;
}

function readRecord(file: string): EarlyRecord | null {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as EarlyRecord;
    return record && record.version === RECORD_VERSION && typeof record.plans === 'object' && record.plans !== null ? record : null;
  } catch {
    return null;
  }
}

/**
 * A recorded plan, if the executable can start it safely: the interpreter must be the one the
 * run's own choice gives (`--python` of the command line, the active virtualenv, `python3` or the
 * interpreter its pyenv shim chose last time), never one the record names, and the directories
 * the record's own project's.
 */
function trustedPlan(recorded: RecordedPlan, projectDir: string, cwd: string, python: string): EarlyPlan | null {
  if (recorded.workers === 0 || !('python' in recorded)) return null;
  const { workers } = recorded;
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) return null;
  if (recorded.python !== python) return null;
  if (recorded.cwd !== projectDir && recorded.cwd !== cwd) return null;
  if (recorded.pycacheDir !== join(projectDir, '.fastest', 'pycache')) return null;
  return { python, cwd: recorded.cwd, workers, pycacheDir: recorded.pycacheDir };
}

export interface EarlyChoice {
  plan: EarlyPlan | null;
  /** How many of the plan's workers to start: a guess starts the first only (see earlyPlan). */
  start: number;
  recorded: RecordedPlan | null;
  /** The environment to start with: `env` as the run's interpreter choice leaves it (a pyenv PATH). */
  env: NodeJS.ProcessEnv;
}

/**
 * What to start for `fastest ARGV` run in `cwd`: the record's plan for this command, else in a
 * directory no fastest run has left a `.fastest/` in (a fresh checkout), one worker per core with
 * the cwd as the rootdir (the first of them started early), when the cwd holds the config file
 * that makes it the rootdir. No plan: start none.
 */
export function earlyPlan(argv: string[], cwd: string, env: NodeJS.ProcessEnv, key: string): EarlyChoice {
  const none = { plan: null, start: 0, recorded: null, env };
  if (env.FASTEST_EARLY_WORKERS === '0' || startsNoWorker(argv)) return none;
  // As the session chooses (runner/python.ts), from the rootdir's .fastest/: on a copy of env.
  const chosen = (projectDir: string) => {
    const copy = { ...env };
    return { python: choosePython(pythonArgument(argv), cwd, join(projectDir, '.fastest'), copy).python, env: copy };
  };
  for (const dir of selfAndParents(cwd)) {
    const file = join(dir, '.fastest', RECORD_FILE);
    if (!existsSync(file)) continue;
    const recorded = readRecord(file)?.plans[key] ?? null;
    if (recorded === null || recorded.workers === 0) return { ...none, recorded };
    const choice = chosen(dir);
    const plan = trustedPlan(recorded, dir, cwd, choice.python);
    return { plan, start: plan?.workers ?? 0, recorded, env: choice.env };
  }
  if (existsSync(join(cwd, '.fastest'))) return none;
  if (!rootdirIsCwd(argv)) return none;
  if (!ROOTDIR_MARKERS.some((name) => existsSync(join(cwd, name)))) return none;
  const choice = chosen(cwd);
  // Only the first: a small suite ends the others once its size is known, and one started this
  // early would have spent more of its start by then. The run starts the rest itself, as before.
  const plan = { python: choice.python, cwd, workers: availableParallelism(), pycacheDir: join(cwd, '.fastest', 'pycache') };
  return { plan, start: 1, recorded: null, env: choice.env };
}

/** Starts the plan's first `count` workers as runner/worker.ts's WorkerProcess starts them (workerSpawn). */
export function startEarlyWorkers(plan: EarlyPlan, env: NodeJS.ProcessEnv, count = plan.workers): EarlyWorker[] {
  const workers: EarlyWorker[] = [];
  for (let index = 0; index < Math.min(count, plan.workers); index++) {
    const { command, args, options } = workerSpawn({ ...plan, index }, env);
    const child = spawn(command, args, options);
    // A failed start (ENOENT) is an 'error' event: the run's own start of the same reports it.
    child.on('error', () => {});
    workers.push({ child, command, args, options, settled: false });
  }
  return workers;
}

/** Ends every early worker not taken by the run (their process groups, as WorkerProcess.kill). */
export function endUnsettled(workers: EarlyWorker[]): void {
  for (const worker of workers) {
    if (worker.settled) continue;
    worker.settled = true;
    const { child } = worker;
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
}

let early: EarlyStart | null = null;
let envMismatch = false;
let firstSpawn: { python: string; cwd: string } | null = null;

/** The main bundle takes what the executable started (nothing is taken when it started none). */
export function adoptEarlyWorkers(start: EarlyStart | undefined): void {
  early = start ?? null;
}

function definedEntries(env: NodeJS.ProcessEnv | undefined): [string, string][] {
  return Object.entries(env ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function sameSpawn(worker: EarlyWorker, command: string, args: readonly string[], options: SpawnOptions): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (worker.command !== command || !same(worker.args, args) || worker.options.cwd !== options.cwd) return false;
  if (worker.options.detached !== options.detached || !same(worker.options.stdio, options.stdio)) return false;
  const sameEnv = same(definedEntries(worker.options.env), definedEntries(options.env));
  if (!sameEnv) envMismatch = true;
  return sameEnv;
}

/** How many workers the executable started ahead for this run. */
export function earlyWorkersStarted(): number {
  return early?.workers.length ?? 0;
}

/**
 * The process an early start made for exactly this spawn, if there is one still running (the
 * worker's spawn asks here first); null: spawn it.
 */
export function takeEarlyChild(command: string, args: readonly string[], options: SpawnOptions): ChildProcess | null {
  if (firstSpawn === null) firstSpawn = { python: command, cwd: String(options.cwd) };
  if (early === null) return null;
  const worker = early.workers.find((w) => !w.settled && sameSpawn(w, command, args, options));
  if (!worker) return null;
  const { child } = worker;
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return null;
  worker.settled = true;
  return child;
}

/**
 * The run has started its workers (`started`: how many and where their bytecode goes; null when
 * it starts none ahead): early workers it did not take are ended, and the plan kept for the next
 * start of the same command under `rootdir`'s `.fastest/`. A plan whose workers were refused for
 * their environment alone (something the executable cannot see changed it) is not started again.
 * `keep` false: the command ended before it knew (an error), nothing is kept.
 */
export function settleEarlyWorkers(rootdir: string, started: { workers: number; pycacheDir: string } | null, keep = true): void {
  const start = early;
  early = null;
  if (start === null) return;
  endUnsettled(start.workers);
  if (!keep) return;
  const ran: EarlyPlan | null = started && firstSpawn ? { ...firstSpawn, ...started } : null;
  const planned = start.plan;
  const refused = planned !== null && ran !== null && JSON.stringify(planned) === JSON.stringify(ran) && envMismatch;
  const recorded: RecordedPlan = ran === null || refused ? { workers: 0 } : ran;
  settled = { rootdir, key: start.key, recorded };
  if (JSON.stringify(recorded) !== JSON.stringify(start.recorded)) writePlan(rootdir, start.key, recorded);
}

let settled: { rootdir: string; key: string; recorded: RecordedPlan } | null = null;

/**
 * The run's end measured its tests and workers again (runner/run-cost.ts): the number of workers
 * the next run of the command will start ahead, kept so that its early workers are those it takes.
 */
export function reviseEarlyWorkers(workers: number): void {
  const last = settled;
  settled = null;
  if (last === null || !('python' in last.recorded) || last.recorded.workers === workers) return;
  writePlan(last.rootdir, last.key, { ...last.recorded, workers });
}

function writePlan(rootdir: string, key: string, plan: RecordedPlan): void {
  const file = join(rootdir, '.fastest', RECORD_FILE);
  const record = readRecord(file) ?? { version: RECORD_VERSION, plans: {} };
  delete record.plans[key];
  record.plans[key] = plan;
  const keys = Object.keys(record.plans);
  for (const old of keys.slice(0, Math.max(0, keys.length - KEPT_PLANS))) delete record.plans[old];
  try {
    mkdirSync(join(rootdir, '.fastest'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(record));
    renameSync(tmp, file);
  } catch {
    // a read-only checkout: the next run plans again
  }
}
