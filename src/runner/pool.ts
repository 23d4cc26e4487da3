// The worker pool: persistent Python workers take units in pytest's order (schedule.ts), stream
// one result per test, and survive crashes, hangs and floods of output (docs/protocol.md).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { coveringIds as idsCovering, pathContains } from '../nodeid.js';
import {
  isCollectionSkip,
  type CollectionError,
  type Mark,
  type PluginsSummary,
  type RerunSettings,
  type TestResult,
  type Unit,
  type WarningRecord,
} from '../types.js';
import { RunnerError } from './errors.js';
import { DEFAULT_TEST_SECONDS, OrderedQueues } from './schedule.js';
import { workerBasetempArgs } from './basetemp.js';
import { FrameReader, type CollectErrorFrame, type MalformedFrame, type StartFrame, type TestFilter, type TimeoutMethod, type WorkerFrame } from './frames.js';
import type { PrestartedWorkers } from './prestart.js';
import { cpuSecondsOf, type MeasuredCost } from './run-cost.js';
import { monotonicSeconds, StateFiles, type RunningTest, type WorkerStateFile } from './state-file.js';
import type { WarmParent } from './warm.js';
import { WorkerProcess, type Worker, type WorkerHandlers } from './worker.js';

export interface RunOptions {
  rootdir: string;
  python: string;
  workers: number;
  engine: 'auto' | 'native' | 'pytest';
  /** pytest arguments for the pytest engine (-p, -W, -o, -c, --import-mode...); no -x, -k, paths. */
  pytestArgs: string[];
  /** What tests see in `sys.argv` after pytest's script (init's `argv`). */
  commandLine?: string[];
  /** `-n` was given: tests see `sys.argv` as pytest-xdist's workers do (`['-c']`, init's `argvXdist`). */
  xdistArgv?: boolean;
  capture: 'fd' | 'sys' | 'no';
  verbose: number;
  /** Per test (setup + call + teardown), and per collection of a unit. */
  timeoutSeconds?: number;
  /** Stop after this many failures and errors (-x is 1). */
  maxfail?: number;
  signal?: AbortSignal;
  /** Directory for worker caches; `.fastest` under rootdir when absent. */
  cacheDir?: string;
  /** Workers started ahead of the run (during discovery); adopted by slot index. */
  prestarted?: PrestartedWorkers;
  /** Workers forked from a process that imported the suite's shared packages once (warm.ts). */
  warmParent?: WarmParent;
  /** The ini values (config file plus -o), for the native engine: xfail_strict, pythonpath, markers... */
  ini?: Record<string, unknown>;
  /** `--cov`: what each worker measures (coverage/session.ts CoverageSpec), from its start. */
  coverage?: object;
  /** pytest-rerunfailures' settings; absent: only tests with a `flaky` mark are rerun. */
  reruns?: RerunSettings;
  /** `junit_family` (xunit1 or xunit2) when the run writes JUnit (--junitxml): the workers keep
   * what pytest's junitxml fixtures record, and warn as pytest does under --junitxml. */
  junitFamily?: 'xunit1' | 'xunit2';
  /**
   * pytest collects every module before it runs a test: each worker first collects the files of
   * its share (the engines keep what they collected for the run), and nothing runs until all
   * have. Collection errors then count against --maxfail in collection order; with
   * `stopOnErrors` (no --continue-on-collection-errors) any error ends the run before a test.
   * `files`: every file the pass collects, in collection order (`passFiles`): the units' files
   * and the modules pytest imports though nothing of them runs (no test in their source, or
   * every test deselected); default the units' files. `unlisted`: those of them discovery listed
   * no test of (a test the pass finds there runs: a plugin's or the module's own making).
   * `deselected`: those of them whose listed tests are all deselected: the pass asks for the ids
   * the module collects, and those discovery did not list that `foundIds` keeps run.
   * `importOnly`: files every worker only imports and none reports (another shard's modules).
   */
  collectFirst?: {
    stopOnErrors: boolean;
    files?: string[];
    unlisted?: string[];
    deselected?: string[];
    importOnly?: string[];
    idsOf?: string[];
    /** `--collect-only`: each module is collected once, by its owner, and nothing runs after the pass. */
    listOnly?: boolean;
  };
  /** The paths named on the command line, absolute (the init frame's `namedPaths`). */
  namedPaths?: string[];
  /** The init frame's `namedNodes`. */
  namedNodes?: string[];
  /** Where fastest was started: the workers' working directory, as pytest's (default: the rootdir). */
  invocationDir?: string;
  /** The console is coloured: failure texts also come with pytest's markup (init's `markup`). */
  markup?: { highlight: boolean };
  /** The console's width, when it is a terminal (init's `columns`). */
  columns?: number;
  /** -k/-m judge tests dynamic items expand to: workers send each collected test's marks. */
  reportMarks?: boolean;
  /** -k/-m/--deselect, which the workers apply to the tests a unit does not list by their own ids (init's `filter`). */
  filter?: TestFilter;
  /** The console shows pytest's header: the first worker sends its lines (init's `header`). */
  header?: boolean;
  /** Nothing to run or collect: one worker still imports the initial conftests (pytest imports
   * them while it configures; one that fails is its usage error) and sends the header. */
  conftestsOnly?: boolean;
}

export interface UnitDoneInfo {
  engine: string;
  reason: string | null;
  worker: number;
}

/** A unit's `collected` frame: what the module produced of what the unit listed. */
export interface UnitCollected {
  file: string;
  /** The unit's ids as sent (null: the whole file). */
  unitIds: string[] | null;
  /** The ids the worker will run, expanded. */
  ids: string[];
  /** Listed ids the module does not produce: not collected (no result, not counted). */
  missing: string[];
  /** Every id the module collected, when the unit named ids (sent once per file and worker). */
  module?: string[];
  /** What a conftest's or plugin's pytest_collection_modifyitems deselected of the module. */
  deselected?: string[];
  /** Under `reportMarks`: each collected test's marks. */
  marks?: Record<string, Mark[]>;
  /** Those of `ids` the filter leaves out: the worker does not run them. */
  filtered?: string[];
  /** The worker judged every test of the unit (`Unit.judge`). */
  judged?: true;
  /** The unit is what was left of another after its worker died (its ids were counted already). */
  retry: boolean;
}

export interface RunEvents {
  result(r: TestResult): void;
  /** A unit's module was collected (before its first test starts). */
  unitCollected?(info: UnitCollected): void;
  collectionError(e: CollectionError): void;
  unitDone(file: string, info: UnitDoneInfo): void;
  /**
   * The collection pass is over (collectFirst), its errors reported. `uncounted`: files pytest
   * counts no item of: those that failed to collect, and those after the error that reached
   * --maxfail (pytest stops collecting there). `stopping`: those errors end the session, no unit runs.
   */
  collectionDone?(uncounted: string[], stopping: boolean): void | 'stop';
  /** A file of the collection pass was collected by this engine (its error, if any, already sent). */
  /** The collection pass collected `file` in `engine`: `items` tests (absent for a module it only imported). */
  fileCollected?(file: string, engine: 'native' | 'pytest', items?: number): void;
  /** The collection pass found tests in a module discovery listed none of (tests a plugin or the
   * module itself makes at import): it runs whole, as a dynamic item; before `collectionDone`. */
  fileFound?(file: string): void;
  /** The ids the pass collected in a module whose listed tests were all deselected, and those of
   * them the worker's filter left out: returns those to run (tests discovery did not list that
   * -k/-m keep); before `collectionDone`. */
  foundIds?(file: string, ids: string[], filtered: string[]): string[];
  /** The ids the pass collected in a file of `collectFirst.idsOf` (every file of a listing); before `collectionDone`. */
  passIds?(file: string, ids: string[], filtered: string[]): void;
  /** A listing (`collectFirst.listOnly`): what collecting `file` warned. */
  passWarnings?(file: string, warnings: WarningRecord[]): void;
  /** The pass found that the module's hooks deselected `ids` (pytest_deselected); before `fileCollected`. */
  passDeselected?(file: string, ids: string[]): void;
  /** The pass collected `ids` in a module a collector inside of failed (a class, its error sent); before `collectionDone`. */
  partiallyCollected?(file: string, ids: string[]): void;
  /** A test's debugger has the terminal (`on`, in the worker process `pid`, test `running`): the console holds its own output until it is done. */
  debugger?(on: boolean, pid?: number, running?: string): void;
  /** What that debugger wrote (its prompt, the frames it lists): printed at once. */
  debuggerOutput?(stream: 1 | 2, text: string): void;
  /** What a worker wrote to stdout/stderr (test output under -s, crash dumps, warnings). */
  workerOutput?(worker: number, text: string): void;
  /** -s: what a test wrote to fd 1 or 2 (`id`: the test running, '' between tests), in order with
   * its result; `teardown`: its teardown wrote it (pytest prints it after the test's letter). */
  testOutput?(stream: 1 | 2, text: string, id: string, teardown: boolean): void;
  /** At the end, what the plugins' terminal-summary hooks wrote in a worker's pytest session. */
  pluginsSummary?(worker: number, summary: PluginsSummary): void;
  /** The first worker's pytest header lines (opts.header), before its collection pass ends. */
  header?(lines: string[]): void;
  /** What plugins wrote to stderr while a worker's pytest session ended. */
  sessionStderr?(worker: number, text: string): void;
  /** A worker process said hello (once per process, replacements included). */
  workerReady?(worker: number, info: WorkerInfo): void;
  /** At the end of a run not cut short by a signal or a failure: what its workers' start-up and each file's units cost (run-cost.ts). */
  measured?(cost: MeasuredCost): void;
}

export interface WorkerInfo {
  pid: number;
  /** "3.11.7" */
  python: string;
  /** pytest's version, or null when it is not installed. */
  pytest: string | null;
  /** Why that pytest is outside the native engine's supported range (then `auto` runs pytest). */
  nativeUnsupported: string | null;
  /** Its sys.executable. */
  executable?: string;
}

export interface RunSummary {
  interrupted: boolean;
  /** Workers lost to a signal or an unexpected exit (timeouts not included). */
  crashes: number;
  timeouts: number;
  /** Set when -x/--maxfail stopped the run early. */
  stoppedEarly?: boolean;
  /** A test ended the run (pytest.exit(), KeyboardInterrupt): pytest's message and exit code. */
  interruptMessage?: string;
  interruptExitCode?: number;
  /** What pytest prints under the interrupt's line (a test's KeyboardInterrupt: where it was raised). */
  interruptDetail?: string;
  /** The collection pass found this many errors and no test ran (pytest's `Interrupted: N errors during collection`). */
  collectionErrors?: number;
}

/** The `file` of a CollectionError that reports a failed session-fixture teardown. */
export const SESSION_TEARDOWN = 'session teardown';

/** Seconds to wait for workers to tear their sessions down at the end before killing them. */
const STOP_GRACE_MS = 30_000;

/**
 * Units expected to take longer are not sent ahead to a busy worker (sendAhead): a worker that
 * runs dry may still take them, which saves up to their length; sending ahead saves a round
 * trip of about a millisecond.
 */
const SEND_AHEAD_MAX_SECONDS = 1;

interface Slot {
  /** Worker number reported in results (stable when the process is replaced). */
  index: number;
  proc: Worker | null;
  /** The current process said hello: it started, so a later death is a crash, not a bad setup. */
  startedUp: boolean;
  unit: Unit | null;
  collected: string[] | null;
  /** Listed ids the module does not produce: not owed a result. */
  notCollected: Set<string>;
  /** Collected ids the filter left out of the unit's run (`collected.filtered`): no result, as none is owed. */
  filtered: string[];
  reported: Set<string>;
  started: string | null;
  startedAt: number;
  engine: string | null;
  collectErrors: number;
  cancelled: boolean;
  timer: NodeJS.Timeout | null;
  killReason: string | null;
  stopping: boolean;
  /** Files sent to `collect` whose `collect_done` has not come yet, in order. */
  collecting: string[];
  /** The current process's shared state file (state-file.ts): its running test and spooled results. */
  state: WorkerStateFile | null;
  /** `run` frames sent to the current process (the state file's cancel word names one). */
  runs: number;
  /** Seconds to add to the worker's monotonic clock to get Node's (0: the same clock). */
  clockOffset: number;
  /** The --timeout check of the running test, from the state file. */
  watch: NodeJS.Timeout | null;
  /** The worker has mapped its state file (read once, at its first `collected`). */
  stateAttached: boolean;
  /** The next unit, sent ahead while `unit` runs so that the worker never waits for it. */
  ahead: Unit | null;
  /** Failures the current process reported: at --maxfail it runs nothing more (its own count). */
  ownFailures: number;
  /** The state file as read when the worker broke the protocol (it is killed, but may run on a moment). */
  stateAtProtocolError: StateSnapshot | null;
  /** The current process's pid (from its hello); when the pool took it, and its CPU seconds then. */
  pid: number | undefined;
  spawnedAt: number;
  cpuAtSpawn: number;
  /** Forked from the warm parent: it said hello once forked, after waiting for the parent's imports. */
  forked: boolean;
  /**
   * The worker's share of a core while it collected (CPU over wall seconds; 1 where unknown): a
   * loaded machine stretches units' wall times by its inverse, which their record takes out.
   */
  coreShare: number;
  /** The current process's start-up cost has been measured (at the end of its collection pass). */
  startMeasured: boolean;
  /** When the current unit began to run (the worker had nothing before it). */
  unitSince: number;
}

/** What a dead worker's state file holds: its unsent results, and the test it was running. */
interface StateSnapshot {
  spooled: Buffer;
  running: RunningTest | null;
}

export function runUnits(units: Unit[], opts: RunOptions, events: RunEvents): Promise<RunSummary> {
  return new Pool(units, opts, events).run().finally(() => opts.prestarted?.dispose());
}

/** Where workers keep compiled bytecode (see bytecodeCacheEnv in python.ts). */
export function pycacheDir(opts: Pick<RunOptions, 'cacheDir' | 'rootdir'>): string {
  return join(cacheDirOf(opts), 'pycache');
}

function cacheDirOf(opts: Pick<RunOptions, 'cacheDir' | 'rootdir'>): string {
  return opts.cacheDir ?? join(opts.rootdir, '.fastest');
}

class Pool {
  private readonly queue: OrderedQueues;
  private readonly slots: Slot[] = [];
  private readonly cost: MeasuredCost = { workerSeconds: [], files: new Map() };
  private readonly summary: RunSummary = { interrupted: false, crashes: 0, timeouts: 0 };
  private readonly seenCollectErrors = new Set<string>();
  /** The worker whose test's debugger has the terminal, and those waiting for it (debuggerWaits). */
  private terminalHolder: Slot | null = null;
  private terminalQueue: Slot[] = [];
  /** Collectors reported skipped: a directory whose conftest skips is one skip, whichever of its modules reported it. */
  private readonly seenCollectSkips = new Set<string>();
  /** Per file, how many times each collection warning has been reported by one unit's collection. */
  private readonly seenCollectWarnings = new Map<string, Map<string, number>>();
  /** Units made of what a dead worker left. */
  private readonly retries = new WeakSet<Unit>();
  private failures = 0;
  private schedulingStopped = false;
  /** -x/--maxfail reached in the unit at this collection position: what comes before it still runs. */
  private stopPosition = Infinity;
  private finished = false;
  private finishing = false;
  private resolve!: (s: RunSummary) => void;
  private reject!: (e: Error) => void;
  private stopTimer: NodeJS.Timeout | null = null;
  private collectionPass = false;
  /** The init frame that asks for pytest's header went (to the first worker, once). */
  private headerAsked = false;
  /** Collection errors of the collection pass, with the file being collected, reported at its end. */
  private readonly passErrors: { file: string; error: CollectionError }[] = [];
  /** Modules the pass found skipped at import (their skip results), reported if the session ends at the pass. */
  private readonly passSkips: { file: string; result: TestResult }[] = [];
  /** Each file's place in collection order. */
  private readonly filePosition = new Map<string, number>();
  /** The files whose collected ids the pass reports (collectFirst.idsOf). */
  private readonly idsOf: ReadonlySet<string>;
  /**
   * Files of the collection pass discovery listed no test of: the worker that collects each (builds
   * its items, and runs what they make), and how many tests its collection found.
   */
  private readonly unitless = new Map<string, { owner: number; items: number }>();
  /** Ids the pass collected in modules whose listed tests were all deselected (collectFirst.deselected). */
  /** Each worker's pytest arguments, where they differ between workers (`--basetemp`: basetemp.ts). */
  private workerArgs: ((index: number) => string[]) | null = null;
  private readonly foundIds = new Map<string, { ids: string[]; filtered: string[] }>();
  private readonly units: Unit[];
  private readonly stateFiles = new StateFiles();

  constructor(
    units: Unit[],
    private readonly opts: RunOptions,
    private readonly events: RunEvents,
  ) {
    this.units = units;
    this.idsOf = new Set(opts.collectFirst?.idsOf ?? []);
    this.queue = new OrderedQueues(units, Math.max(1, Math.min(opts.workers, units.length)));
    for (const file of [...(opts.collectFirst?.files ?? []), ...units.map((unit) => unit.file)]) {
      if (!this.filePosition.has(file)) this.filePosition.set(file, this.filePosition.size);
    }
  }

  run(): Promise<RunSummary> {
    return new Promise<RunSummary>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      const signal = this.opts.signal;
      if (signal?.aborted) {
        this.summary.interrupted = true;
        return resolve(this.summary);
      }
      if (this.queue.size && !existsSync(this.opts.rootdir)) {
        return reject(new RunnerError(`rootdir does not exist: ${this.opts.rootdir}`));
      }
      signal?.addEventListener('abort', this.onAbort, { once: true });
      const count = Math.max(1, Math.min(this.opts.workers, this.queue.size));
      this.workerArgs = workerBasetempArgs(this.opts.pytestArgs, count, this.opts.invocationDir ?? this.opts.rootdir);
      // With no unit, the collection pass still imports the run's modules (pytest imports them
      // all, tests selected or not) and may find tests made at collection to run.
      const idle = this.queue.size === 0 && !this.opts.collectFirst?.files?.length;
      if (idle && !this.opts.conftestsOnly) return this.done();
      for (let index = 0; index < count; index++) {
        const slot: Slot = {
          index,
          proc: null,
          startedUp: false,
          unit: null,
          collected: null,
          notCollected: new Set(),
          filtered: [],
          reported: new Set(),
          started: null,
          startedAt: 0,
          engine: null,
          collectErrors: 0,
          cancelled: false,
          timer: null,
          killReason: null,
          stopping: false,
          collecting: [],
          state: null,
          runs: 0,
          clockOffset: 0,
          watch: null,
          stateAttached: false,
          ahead: null,
          ownFailures: 0,
          stateAtProtocolError: null,
          pid: undefined,
          spawnedAt: 0,
          cpuAtSpawn: 0,
          forked: false,
          coreShare: 1,
          startMeasured: false,
          unitSince: 0,
        };
        this.slots.push(slot);
        this.spawn(slot);
      }
      if (idle) {
        this.slots[0]!.proc!.send({ t: 'conftests' });
        return this.finish();
      }
      if (this.opts.collectFirst) this.collectFirst();
      else for (const slot of this.slots) this.dispatch(slot);
    });
  }

  /**
   * The collection pass: before any test runs, every worker collects every file of the run in
   * collection order, as pytest imports every module before its first test: what importing a
   * module does (a `sys.modules` entry, a patched global) is then visible to each worker's tests,
   * whichever worker runs that module. A file of another worker's share is only imported there
   * (the native engine builds no items for it; the owner reports its errors); its errors are
   * reported once.
   */
  private collectFirst(): void {
    this.collectionPass = true;
    const files = [...this.filePosition.keys()];
    const shares = this.slots.map((slot) => this.queue.filesOf(slot.index));
    // A module with no unit (no test in its source, or none selected): the first worker reports it.
    // One whose tests discovery could not list (made at collection: pytest-describe's blocks) goes
    // to the workers in turn: its owner builds its items and runs the tests they make, the others
    // only import it.
    const unowned = files.filter((file) => !shares.some((share) => share.has(file)));
    const unlisted = new Set(this.opts.collectFirst?.unlisted ?? []);
    const deselected = new Set(this.opts.collectFirst?.deselected ?? []);
    const nobody = new Set(this.opts.collectFirst?.importOnly ?? []);
    let turn = 0;
    for (const file of unowned) {
      if (nobody.has(file)) continue;
      if (unlisted.has(file)) {
        const owner = turn++ % shares.length;
        shares[owner]?.add(file);
        this.unitless.set(file, { owner, items: 0 });
      } else {
        shares[0]?.add(file);
      }
    }
    const listOnly = this.opts.collectFirst?.listOnly === true;
    for (const slot of this.slots) {
      const own = shares[slot.index];
      // Another worker's file that is not a Python module (a file a conftest hook collects:
      // pygments' thousands of snippets) has no import to share; collecting it cost minutes.
      // (a listing runs no test: another worker's imports would show it nothing)
      slot.collecting = files.filter((file) => own.has(file) || (file.endsWith('.py') && !listOnly));
      for (const file of slot.collecting) {
        if (!own.has(file)) slot.proc!.send({ t: 'collect', file, importOnly: true });
        else if (listOnly) slot.proc!.send({ t: 'collect', file, ids: true, list: true });
        else slot.proc!.send(deselected.has(file) || this.idsOf.has(file) ? { t: 'collect', file, ids: true } : { t: 'collect', file });
      }
      if (slot.collecting.length) this.armTimer(slot, true);
    }
    this.collectionProgress();
  }

  /** Every worker collects every file: a file's error (each failing collector's) is kept once, as the first worker sent it. */
  private passError(file: string, error: CollectionError): void {
    if (!this.passErrors.some((kept) => kept.file === file && kept.error.id === error.id)) this.passErrors.push({ file, error });
  }

  /** A worker finished a file of the collection pass; when all have, report its errors and run. */
  private collectionProgress(): void {
    if (!this.collectionPass || this.slots.some((slot) => slot.collecting.length > 0)) return;
    this.collectionPass = false;
    // pytest reports them in collection order and stops collecting at --maxfail.
    const position = (file: string) => this.filePosition.get(file) ?? Number.MAX_SAFE_INTEGER;
    const errors = this.passErrors.sort((a, b) => position(a.file) - position(b.file));
    const failed = new Set<string>();
    let reported = 0;
    for (const { file, error } of errors) {
      if (this.schedulingStopped) break;
      // (a class that failed leaves the module's other tests collected: they run)
      if (error.id === undefined) failed.add(file);
      // a conftest that fails to load fails its directory's collector: no module under it is collected
      const conftestDir = error.id === undefined ? /^(?:(.*)\/)?conftest\.py$/.exec(file) : null;
      if (conftestDir) for (const other of this.filePosition.keys()) if (pathContains(conftestDir[1] ?? '', other)) failed.add(other);
      if (this.emitCollectionError(error) && !error.refused) reported++;
    }
    const uncounted = [...failed];
    if (this.schedulingStopped && failed.size > 0) {
      const last = Math.max(...[...failed].map(position));
      for (const [file, at] of this.filePosition) if (at > last) uncounted.push(file);
    }
    this.runFound(failed);
    const stopping = reported > 0 && this.opts.collectFirst?.stopOnErrors === true && !this.schedulingStopped;
    if (stopping || this.opts.collectFirst?.listOnly) {
      // pytest collected every module before it stopped: those skipped at import are reported
      // (`collected N items / 1 error / 1 skipped`); otherwise their units report them
      const counted = new Set(uncounted);
      for (const { file, result } of this.passSkips.sort((a, b) => position(a.file) - position(b.file))) if (!counted.has(file)) this.emitResult(result);
    }
    // 'stop': the run is refused before any test (a node id asked for that no module produces)
    if (this.events.collectionDone?.(uncounted, stopping) === 'stop') {
      this.stopScheduling();
      if (this.slots.every((s) => !s.unit)) this.finish();
      return;
    }
    if (stopping) {
      this.summary.collectionErrors = reported;
      this.stopScheduling();
    }
    // A module that failed to collect has nothing to run (--continue-on-collection-errors).
    this.queue.dropFiles(failed);
    if (this.finished || this.finishing) return;
    for (const slot of this.slots) this.dispatch(slot);
  }

  /** Modules with no unit whose collection found tests run whole, each on the least loaded
   * worker (pytest-describe's modules can be most of a suite), in collection order there. */
  private runFound(failed: ReadonlySet<string>): void {
    if (this.schedulingStopped) return;
    const position = (file: string) => this.filePosition.get(file) ?? Number.MAX_SAFE_INTEGER;
    for (const [file, { owner, items }] of this.unitless) {
      if (items === 0 || failed.has(file)) continue;
      const after = this.units.filter((unit) => position(unit.file) < position(file)).at(-1);
      this.queue.insert(owner, { file, ids: null, expected: items * DEFAULT_TEST_SECONDS }, after);
      this.events.fileFound?.(file);
    }
    for (const [file, { ids, filtered }] of this.foundIds) {
      const run = failed.has(file) ? [] : (this.events.foundIds?.(file, ids, filtered) ?? []);
      if (run.length === 0) continue;
      const after = this.units.filter((unit) => position(unit.file) < position(file)).at(-1);
      this.queue.insert(this.queue.leastLoaded(), { file, ids: run, expected: run.length * DEFAULT_TEST_SECONDS }, after);
    }
  }

  private spawn(slot: Slot): void {
    const handlers: WorkerHandlers = {
      frame: (frame) => this.onFrame(slot, proc, frame),
      output: (text) => this.guard(() => this.events.workerOutput?.(slot.index, text)),
      exit: (code, signal, spawnError) => this.guard(() => this.onExit(slot, proc, code, signal, spawnError)),
    };
    const prestarted = this.opts.prestarted?.take(slot.index);
    const spawnOptions = {
      python: this.opts.python,
      cwd: this.opts.invocationDir ?? this.opts.rootdir,
      index: slot.index,
      workers: this.slots.length,
      pycacheDir: pycacheDir(this.opts),
    };
    const proc: Worker = prestarted
      ? prestarted.proc
      : this.opts.warmParent
        ? this.opts.warmParent.worker(spawnOptions, handlers)
        : new WorkerProcess(spawnOptions, handlers);
    slot.proc = proc;
    slot.startedUp = false;
    slot.stopping = false;
    slot.killReason = null;
    slot.state?.dispose();
    slot.state = this.stateFiles.create();
    slot.runs = 0;
    slot.clockOffset = 0;
    slot.stateAttached = false;
    slot.ahead = null;
    slot.ownFailures = 0;
    slot.stateAtProtocolError = null;
    slot.pid = undefined;
    slot.spawnedAt = performance.now();
    const startedPid = prestarted?.proc.child.pid;
    slot.cpuAtSpawn = (startedPid !== undefined ? cpuSecondsOf(startedPid) : undefined) ?? 0;
    slot.coreShare = 1;
    slot.forked = !prestarted && this.opts.warmParent !== undefined;
    slot.startMeasured = false;
    prestarted?.handoff.attach(handlers);
    // The worker reads init after sending hello; writing it now saves a round trip.
    proc.send({
      t: 'init',
      rootdir: this.opts.rootdir,
      engine: this.opts.engine,
      args: this.workerArgs?.(slot.index) ?? this.opts.pytestArgs,
      capture: this.opts.capture,
      verbose: this.opts.verbose,
      cacheDir: cacheDirOf(this.opts),
      workerId: slot.index,
      maxfail: this.opts.maxfail ?? 0,
      ini: this.opts.ini ?? {},
      timeout: this.opts.timeoutSeconds ?? 0,
      ...(this.opts.coverage ? { coverage: this.opts.coverage } : {}),
      ...(this.opts.commandLine ? { argv: this.opts.commandLine } : {}),
      ...(this.opts.xdistArgv ? { argvXdist: true } : {}),
      ...(this.opts.reruns ? { reruns: this.opts.reruns } : {}),
      ...(this.opts.junitFamily ? { junitFamily: this.opts.junitFamily } : {}),
      ...(this.opts.namedPaths?.length ? { namedPaths: this.opts.namedPaths } : {}),
      ...(this.opts.namedNodes?.length ? { namedNodes: this.opts.namedNodes } : {}),
      ...(this.opts.markup ? { markup: this.opts.markup } : {}),
      ...(this.opts.columns ? { columns: this.opts.columns } : {}),
      ...(this.opts.reportMarks ? { reportMarks: true as const } : {}),
      ...(this.opts.filter ? { filter: this.opts.filter } : {}),
      ...(slot.state ? { state: slot.state.path, nodePid: process.pid } : {}),
      // one worker writes pytest's header, once
      ...(this.opts.header && slot.index === 0 && !this.headerAsked ? { header: (this.headerAsked = true) as true } : {}),
    });
  }

  /** Give an idle worker the next unit, or finish when nothing is left anywhere. */
  private dispatch(slot: Slot): void {
    if (this.finished || this.finishing || slot.unit) return;
    // A unit sent ahead runs now; after -x/--maxfail it is dropped (the worker skips it: the
    // state file's cancel word counts it).
    const ahead = this.schedulingStopped ? null : slot.ahead;
    slot.ahead = null;
    // A worker whose own failures reached --maxfail runs nothing more (it would skip what it is given).
    const ownStop = this.opts.maxfail !== undefined && this.opts.maxfail > 0 && slot.ownFailures >= this.opts.maxfail;
    const unit = ahead ?? (this.schedulingStopped || ownStop ? undefined : this.queue.next(slot.index));
    if (!unit) {
      if (this.slots.every((s) => !s.unit)) this.finish();
      return;
    }
    if (!slot.proc || !slot.proc.alive) this.spawn(slot);
    slot.unit = unit;
    slot.unitSince = performance.now();
    slot.collected = null;
    slot.notCollected = new Set();
    slot.filtered = [];
    slot.reported = new Set();
    slot.started = null;
    slot.engine = null;
    slot.collectErrors = 0;
    slot.cancelled = false;
    if (!ahead) this.sendRun(slot, unit);
    else if ((this.queue.positionOf(ahead) ?? Infinity) > this.stopPosition) {
      // sent ahead before -x/--maxfail stopped the units after it: it stops at its next test
      this.cancelUnit(slot);
    }
    this.armTimer(slot, true);
  }

  private sendRun(slot: Slot, unit: Unit): void {
    slot.runs++;
    slot.proc!.send({ t: 'run', unit: { file: unit.file, ids: unit.ids, expected: unit.expected, ...(unit.judge ? { judge: true } : {}) } });
  }

  /**
   * The worker started its unit: the next unit of its own share is sent now, so that it goes on
   * without waiting for Node after `unit_done` (a round trip per unit). Only its own share: what
   * another worker may steal stays in the queue. Needs the state file, whose cancel word stops a
   * unit sent ahead before its first test. A long unit is not sent ahead while another worker
   * could take it: what a worker that runs dry can steal is worth more than the round trip.
   */
  private sendAhead(slot: Slot): void {
    if (slot.ahead || !slot.state || this.schedulingStopped || this.collectionPass || !slot.proc?.alive) return;
    if (!slot.stateAttached && !(slot.stateAttached = slot.state.attached())) return;
    const next = this.queue.nextOwn(slot.index, this.slots.length > 1 ? SEND_AHEAD_MAX_SECONDS : Infinity);
    if (!next) return;
    slot.ahead = next;
    this.sendRun(slot, next);
  }

  /**
   * --timeout covers each test (setup, call, teardown, as pytest-timeout does). Collection is
   * not a test, and importing a heavy module can legitimately take long: it only gets a
   * generous limit, so that a hang there still cannot stall the run. A test whose `start` frame
   * carries its own settings (pytest-timeout's mark) is held to those instead.
   */
  private armTimer(slot: Slot, collecting = false, start?: StartFrame): void {
    this.clearTimer(slot);
    const limit = start?.timeout ?? this.opts.timeoutSeconds;
    if (!limit || limit <= 0) return;
    const method = start?.timeoutMethod ?? this.runTimeoutMethod();
    const seconds = collecting ? Math.max(10 * limit, 60) : method === 'signal' ? 2 * limit + 5 : limit;
    const proc = slot.proc;
    slot.timer = setTimeout(() => {
      slot.timer = null;
      if (!proc || slot.proc !== proc || (!slot.unit && !slot.collecting.length)) return;
      slot.killReason = `Timeout (>${pyFloat(collecting ? seconds : limit)}s)`;
      proc.kill('SIGKILL');
    }, seconds * 1000);
  }

  /**
   * pytest-timeout's `signal` method (its default) runs inside the worker (the native engine's
   * native/timeout.py, the plugin itself in the pytest engine): the test fails where it hangs and
   * the worker goes on. Ending the worker is then the backstop for a test that never returns to
   * Python; under the `thread` method it is the timeout itself.
   */
  private runTimeoutMethod(): TimeoutMethod {
    const method = this.opts.ini?.timeout_method;
    return typeof method === 'string' && !['', 'signal'].includes(method.trim()) ? 'thread' : 'signal';
  }

  private clearTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /**
   * --timeout through the state file: no timer per test. The check fires when the running test
   * (or, when none runs, the next one, which starts later) could first be past its limit, and
   * then reads which test runs and since when; when that one is past, the worker is killed.
   */
  private watchTests(slot: Slot): void {
    this.clearWatch(slot);
    const limit = this.opts.timeoutSeconds;
    const proc = slot.proc;
    if (!limit || limit <= 0 || !slot.state || !proc) return;
    const seconds = this.runTimeoutMethod() === 'signal' ? 2 * limit + 5 : limit;
    const check = (): void => {
      slot.watch = null;
      if (slot.proc !== proc || !slot.unit || !slot.state) return;
      const running = slot.state.running();
      let wait = seconds;
      if (running) {
        const elapsed = monotonicSeconds() - (running.startedAt + slot.clockOffset);
        if (elapsed >= seconds) {
          slot.killReason = `Timeout (>${pyFloat(limit)}s)`;
          proc.kill('SIGKILL');
          return;
        }
        wait = seconds - elapsed;
      }
      slot.watch = setTimeout(check, Math.max(1, Math.ceil(wait * 1000)));
    };
    slot.watch = setTimeout(check, seconds * 1000);
  }

  private clearWatch(slot: Slot): void {
    if (slot.watch) clearTimeout(slot.watch);
    slot.watch = null;
  }

  private onFrame(slot: Slot, proc: Worker, frame: WorkerFrame | MalformedFrame): void {
    if (this.finished || slot.proc !== proc) return;
    this.guard(() => this.handleFrame(slot, proc, frame));
  }

  /** A throwing event handler (a reporter bug) ends the run with its error, workers killed. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private handleFrame(slot: Slot, proc: Worker, frame: WorkerFrame | MalformedFrame): void {
    switch (frame.t) {
      case 'hello':
        slot.startedUp = true;
        slot.pid = frame.pid;
        // A forked worker's start (and its share of a core) counts from the fork, not from the
        // wait for the parent's imports: that wait is neither its cost nor a sign of load.
        if (slot.forked) slot.spawnedAt = performance.now();
        if (frame.clock !== undefined) {
          // time.monotonic() is libuv's clock wherever both run; an offset only if it is not.
          const offset = monotonicSeconds() - frame.clock;
          slot.clockOffset = Math.abs(offset) < 60 ? 0 : offset;
        }
        this.events.workerReady?.(slot.index, {
          pid: frame.pid,
          python: frame.python,
          pytest: frame.pytest,
          nativeUnsupported: frame.nativeUnsupported,
          executable: frame.executable,
        });
        return;
      case 'fatal': {
        const code = frame.exitCode;
        const message = frame.message || 'worker failed';
        if (frame.interrupt) {
          // pytest.exit() in a test: this worker closes its session and exits; the others
          // finish their running test, then stop the same way.
          this.summary.interrupted = true;
          this.summary.interruptMessage = message;
          this.summary.interruptExitCode = code;
          if (frame.detail !== undefined) this.summary.interruptDetail = frame.detail;
          this.clearTimer(slot);
          slot.unit = null;
          slot.ahead = null;
          slot.started = null;
          slot.stopping = true;
          this.stopScheduling();
          if (this.slots.every((s) => !s.unit)) this.finish();
          return;
        }
        return this.fail(new RunnerError(message, code, frame.verbatim === true));
      }
      case 'collected': {
        const ids = frame.ids;
        const missing = frame.missing ?? [];
        const filtered = frame.filtered ?? [];
        slot.filtered = filtered;
        if (filtered.length > 0) {
          const left = new Set(filtered);
          slot.collected = ids.filter((id) => !left.has(id));
        } else slot.collected = ids;
        for (const id of missing) slot.notCollected.add(id);
        for (const id of frame.deselected ?? []) slot.notCollected.add(id);
        this.measureStart(slot, frame.cacheFillCpu);
        this.clearTimer(slot);
        this.watchTests(slot);
        this.sendAhead(slot);
        if (slot.unit && this.events.unitCollected) {
          const { module, deselected, marks } = frame;
          const retry = this.retries.has(slot.unit);
          this.events.unitCollected({
            file: slot.unit.file,
            unitIds: slot.unit.ids,
            ids,
            missing,
            retry,
            ...(module ? { module } : {}),
            ...(deselected ? { deselected } : {}),
            ...(marks ? { marks } : {}),
            ...(filtered.length > 0 ? { filtered } : {}),
            ...(slot.unit.judge ? { judged: true as const } : {}),
          });
        }
        return;
      }
      case 'start':
        slot.started = frame.id;
        slot.startedAt = performance.now();
        this.armTimer(slot, false, frame);
        return;
      case 'result': {
        this.clearTimer(slot);
        const result = frame.result;
        result.worker = slot.index;
        if (slot.unit?.ids?.length) result.unitStart = slot.unit.ids[0];
        if (result.engine) slot.engine = result.engine;
        slot.reported.add(result.id);
        if (slot.started === result.id) slot.started = null;
        this.dropRepeatedCollectWarnings(slot.unit?.file ?? result.id.split('::')[0]!, result);
        this.emitResult(result, slot);
        return;
      }
      case 'output':
        this.events.testOutput?.(frame.stream, frame.text, frame.id, frame.teardown === true);
        return;
      case 'plugins_summary':
        this.events.pluginsSummary?.(slot.index, frame.summary);
        return;
      case 'header':
        this.events.header?.(frame.lines);
        return;
      case 'session_stderr':
        this.events.sessionStderr?.(slot.index, frame.text);
        return;
      case 'debug':
        if (frame.on) this.debuggerWaits(slot);
        else this.debuggerDone(slot);
        return;
      case 'console':
        if (this.terminalHolder === slot) this.events.debuggerOutput?.(frame.stream, frame.text);
        return;
      case 'session_error':
        // Session fixtures end at `stop`, after every result: their teardown error stands alone.
        this.emitCollectionError({ file: SESSION_TEARDOWN, message: frame.message });
        return;
      case 'collect_error':
        if (!slot.unit && slot.collecting.length) {
          this.passError(slot.collecting[0], collectionErrorOf(frame));
          return;
        }
        slot.collectErrors++;
        slot.ownFailures++;
        this.emitCollectionError(collectionErrorOf(frame));
        return;
      case 'collect_done':
        if (slot.collecting[0] !== frame.file) return this.protocolError(slot, proc, `collect_done for ${frame.file}, not the file being collected`);
        slot.collecting.shift();
        if (frame.items && this.unitless.has(frame.file)) this.unitless.get(frame.file)!.items = frame.items;
        if (frame.partial) this.events.partiallyCollected?.(frame.file, frame.ids ?? []);
        if (frame.skipped) this.passSkips.push({ file: frame.file, result: frame.skipped });
        if (frame.warnings) this.events.passWarnings?.(frame.file, frame.warnings);
        if (frame.deselected) this.events.passDeselected?.(frame.file, frame.deselected);
        if (frame.ids && (this.idsOf.has(frame.file) || this.opts.collectFirst?.listOnly)) this.events.passIds?.(frame.file, frame.ids, frame.filtered ?? []);
        // (none: the module collected no test, a conftest ignores it or it is skipped at import)
        else if (frame.ids && !frame.partial) this.foundIds.set(frame.file, { ids: frame.ids, filtered: frame.filtered ?? [] });
        if (frame.engine) this.events.fileCollected?.(frame.file, frame.engine, frame.items ?? undefined);
        if (slot.collecting.length) this.armTimer(slot, true);
        else {
          this.clearTimer(slot);
          this.measureStart(slot, frame.cacheFillCpu);
        }
        return this.collectionProgress();
      case 'unit_done': {
        this.clearTimer(slot);
        this.clearWatch(slot);
        const unit = slot.unit;
        if (!unit) return;
        const engine = frame.engine ?? slot.engine ?? this.opts.engine;
        if (!slot.cancelled && slot.collectErrors === 0) this.reportUnreported(slot, unit, engine);
        const fileCost = this.cost.files.get(unit.file) ?? { seconds: 0, tests: 0 };
        fileCost.seconds += ((performance.now() - slot.unitSince) / 1000) * slot.coreShare;
        fileCost.tests += slot.reported.size;
        this.cost.files.set(unit.file, fileCost);
        slot.unit = null;
        slot.started = null;
        this.events.unitDone(unit.file, {
          engine,
          reason: frame.reason,
          worker: slot.index,
        });
        return this.dispatch(slot);
      }
      case 'malformed':
        return this.protocolError(slot, proc, frame.problem);
    }
  }

  /**
   * A worker is ready to run tests: what it cost to get there, in CPU seconds where the system
   * says, less what it spent on what .fastest keeps (`cacheFillCpu`: compiling, rewriting, modules'
   * facts): the next run reads that, so it is not what one more worker costs.
   */
  private measureStart(slot: Slot, cacheFillCpu = 0): void {
    if (slot.startMeasured) return;
    slot.startMeasured = true;
    const wall = (performance.now() - slot.spawnedAt) / 1000;
    const cpu = slot.pid === undefined ? undefined : cpuSecondsOf(slot.pid);
    this.cost.workerSeconds.push(Math.max(0, (cpu ?? wall) - cacheFillCpu));
    // (a pass of a few clock ticks says nothing of the load)
    if (cpu !== undefined && wall >= 0.1) slot.coreShare = Math.min(1, Math.max(0.05, (cpu - slot.cpuAtSpawn) / wall));
  }

  /**
   * The worker broke the protocol (a test wrote to its pipe, an engine bug): it is no longer
   * trusted. It is ended as a crash is: the started test fails with the problem, the rest of the
   * unit runs again on a fresh worker, results already received stand.
   */
  private protocolError(slot: Slot, proc: Worker, problem: string): void {
    if (!slot.startedUp) {
      return this.fail(new RunnerError(`Python worker failed to start: worker protocol error: ${problem}`));
    }
    if (slot.killReason === null) slot.killReason = `protocol error: ${problem}`;
    // Read now: the worker goes on until the signal lands; the test running now wrote the bytes,
    // unless it has ended since (docs/protocol.md "Malformed frames").
    if (slot.state && !slot.stateAtProtocolError) slot.stateAtProtocolError = { spooled: slot.state.spooled(), running: slot.state.running() };
    proc.kill('SIGKILL');
  }

  /**
   * Safety net: a listed id the worker neither ran nor expanded, nor declared not collected
   * (`missing`: the module does not produce it), gets an error, never silence.
   */
  private reportUnreported(slot: Slot, unit: Unit, engine: string): void {
    if (!unit.ids || slot.reported.has(unit.file)) return; // a module-level skip covers them all
    const covered = coveringIds(slot.filtered.length > 0 ? [...slot.reported, ...slot.filtered] : slot.reported);
    for (const id of unit.ids) {
      if (covered.has(id) || slot.notCollected.has(id)) continue;
      this.emitResult({
        id,
        outcome: 'error',
        when: 'collect',
        duration: 0,
        file: unit.file,
        message: `not run: the worker reported no result for ${id}`,
        longrepr: `fastest: the worker reported no result for ${id}`,
        engine: engine === 'native' ? 'native' : 'pytest',
        worker: slot.index,
      });
    }
  }

  /** `from`: the worker that reported it (its own failures are counted as it counts them:
   * worker.py _counting_emit), and its unit. */
  private emitResult(result: TestResult, from?: Slot): void {
    if (isCollectionSkip(result)) {
      if (this.seenCollectSkips.has(result.id)) return;
      this.seenCollectSkips.add(result.id);
    }
    this.events.result(result);
    const failures = (result.outcome === 'failed' || result.outcome === 'error' ? 1 : 0) + (result.teardownError ? 1 : 0);
    if (from) from.ownFailures += failures;
    for (let i = 0; i < failures; i++) this.countFailure(from?.unit ?? undefined);
  }

  /**
   * pytest collects a module once, so it reports the module's collection warnings once; each unit
   * of a file split between workers (or run again after a crash) collects it again. A unit's
   * collection warnings (all on its first result, which may be another file's: a worker's
   * collection pass collects its files before it runs any) keep only what no earlier unit
   * reported as many times for the file that raised them (`module`, else the unit's file).
   */
  private dropRepeatedCollectWarnings(file: string, result: TestResult): void {
    if (!result.warnings?.some((w) => w.nodeid !== undefined)) return;
    const inThisUnit = new Map<string, number>();
    result.warnings = result.warnings.filter((w) => {
      if (w.nodeid === undefined) return true;
      const collected = w.module ?? file;
      const seen = this.seenCollectWarnings.get(collected) ?? new Map<string, number>();
      this.seenCollectWarnings.set(collected, seen);
      const key = `${w.nodeid}\0${w.filename}\0${w.lineno}\0${w.message}`;
      const count = (inThisUnit.get(`${collected}\0${key}`) ?? 0) + 1;
      inThisUnit.set(`${collected}\0${key}`, count);
      if (count <= (seen.get(key) ?? 0)) return false;
      seen.set(key, count);
      return true;
    });
    if (result.warnings.length === 0) delete result.warnings;
  }

  /** Reports a collection error unless the same was reported already; true when reported. */
  private emitCollectionError(error: CollectionError): boolean {
    const key = `${error.file}\0${error.message}`;
    if (this.seenCollectErrors.has(key)) return false;
    this.seenCollectErrors.add(key);
    this.events.collectionError(error);
    this.countFailure();
    return true;
  }

  private countFailure(unit?: Unit): void {
    this.failures++;
    const maxfail = this.opts.maxfail;
    if (!maxfail || maxfail <= 0 || this.failures < maxfail || this.schedulingStopped) return;
    this.summary.stoppedEarly = true;
    const position = unit && this.slots.length > 1 ? this.queue.positionOf(unit) : undefined;
    if (position === undefined) this.stopScheduling();
    else this.stopAfter(position);
  }

  /**
   * -x/--maxfail reached in the unit at collection `position`: pytest had run every test before it
   * and runs none after it. The units before it still run (on any worker, their order kept); the
   * units after it are dropped, and those running are asked to stop at their next test.
   */
  private stopAfter(position: number): void {
    if (position >= this.stopPosition) return;
    this.stopPosition = position;
    this.queue.dropAfter(position);
    for (const slot of this.slots) {
      if (!slot.unit || slot.cancelled) continue;
      // (a unit sent ahead past the stop cannot be cancelled alone: it is once it starts, in dispatch)
      if ((this.queue.positionOf(slot.unit) ?? Infinity) >= position) this.cancelUnit(slot);
    }
    if (!this.slots.some((slot) => slot.unit && !slot.cancelled)) this.stopScheduling();
  }

  /**
   * Stops the slot's running unit at its next test, the others' going on. The state file's cancel
   * word names the run; a worker without one is told through the pipe, whose `cancel` names none
   * (it could stop a later unit): such a worker is given nothing more.
   */
  private cancelUnit(slot: Slot): void {
    slot.cancelled = true;
    if (slot.state && (slot.stateAttached || (slot.stateAttached = slot.state.attached()))) slot.state.cancel(slot.runs);
    else {
      slot.proc?.send({ t: 'cancel' });
      slot.ownFailures = Infinity;
    }
  }

  /** Run nothing more: drop the queue and ask running units to stop at the next test. */
  private stopScheduling(): void {
    if (this.schedulingStopped) return;
    this.schedulingStopped = true;
    this.queue.clear();
    for (const slot of this.slots) {
      if (slot.unit && !slot.cancelled) {
        slot.cancelled = true;
        slot.state?.cancel(slot.runs);
        slot.proc?.send({ t: 'cancel' });
      }
    }
  }

  /**
   * A test's debugger wants the terminal: one worker's debugger has it at a time, in the order they
   * asked, and its test is not timed from then on (pytest-timeout lets a test being debugged run).
   */
  private debuggerWaits(slot: Slot): void {
    if (this.terminalHolder === slot || this.terminalQueue.includes(slot)) return;
    this.clearTimer(slot);
    this.clearWatch(slot);
    this.terminalQueue.push(slot);
    this.grantTerminal();
  }

  private debuggerDone(slot: Slot): void {
    // (the unit's remaining tests are not timed from here: the next unit's collection arms it again)
    this.terminalQueue = this.terminalQueue.filter((waiting) => waiting !== slot);
    if (this.terminalHolder !== slot) return;
    this.terminalHolder = null;
    this.events.debugger?.(false);
    this.grantTerminal();
  }

  private grantTerminal(): void {
    if (this.terminalHolder) return;
    const next = this.terminalQueue.shift();
    if (!next?.proc) return;
    this.terminalHolder = next;
    this.events.debugger?.(true, next.pid, next.state?.running()?.id ?? next.started ?? undefined);
    next.proc.send({ t: 'debug_go', tty: process.stdout.isTTY === true }, true);
  }

  private onExit(slot: Slot, proc: Worker, code: number | null, signal: NodeJS.Signals | null, spawnError?: Error): void {
    if (slot.proc !== proc) return;
    this.debuggerDone(slot);
    this.clearTimer(slot);
    this.clearWatch(slot);
    slot.proc = null;
    if (this.finished) return;
    if (slot.stopping) {
      if (this.slots.every((s) => !s.proc)) this.done();
      return;
    }
    if (spawnError) {
      const errno = (spawnError as NodeJS.ErrnoException).code;
      return this.fail(
        new RunnerError(
          errno === 'ENOENT'
            ? `Python interpreter not found: ${this.opts.python} (use --python PATH)`
            : `cannot start Python worker ${this.opts.python}: ${spawnError.message}`,
        ),
      );
    }
    const timedOut = slot.killReason !== null && slot.killReason.startsWith('Timeout');
    const reason = slot.killReason ?? describeExit(code, signal);
    if (!slot.startedUp) {
      // Died before hello: a broken or too old interpreter, an unimportable runtime.
      const detail = lastLine(proc.stderrTail());
      return this.fail(new RunnerError(detail ? `Python worker failed to start: ${detail}` : `Python worker ${reason} at start-up`));
    }
    if (timedOut) this.summary.timeouts++;
    else this.summary.crashes++;
    if (slot.collecting.length) {
      // Lost in the collection pass: that file's collection error; the rest of its share is
      // collected when it runs (after --continue-on-collection-errors), by a fresh worker.
      const file = slot.collecting[0];
      const what = timedOut ? `${reason} while collecting ${file}` : `worker ${reason} while collecting ${file}`;
      const tail = proc.stderrTail();
      this.passError(file, { file, message: tail ? `${what}\n\nlast worker output (stderr):\n${tail}` : what });
      slot.collecting = [];
      return this.collectionProgress();
    }
    if (slot.ahead) {
      // Sent ahead and never started: it runs on the fresh worker, after what is left of `unit`.
      this.queue.putBack(slot.index, slot.ahead, slot.ahead);
      slot.ahead = null;
    }
    const unit = slot.unit;
    if (unit) this.readState(slot, proc);
    if (unit) this.recoverUnit(slot, unit, reason, timedOut, proc.stderrTail());
    slot.unit = null;
    slot.started = null;
    this.dispatch(slot);
  }

  /**
   * The worker died running a unit: the results it spooled and had not sent are reported (those
   * the pipe brought already are not, again), and the state file says which test was running.
   */
  private readState(slot: Slot, proc: Worker): void {
    const state = slot.state;
    if (!state) return;
    const { spooled, running } = slot.stateAtProtocolError ?? { spooled: state.spooled(), running: state.running() };
    const recovered: WorkerFrame[] = [];
    let intact = true;
    new FrameReader((frame) => {
      if (frame.t === 'result' && intact) recovered.push(frame);
      else intact = false; // only results are spooled: the rest is not to be trusted
    }).push(spooled);
    for (const frame of recovered) {
      if (frame.t === 'result' && !slot.reported.has(frame.result.id)) this.handleFrame(slot, proc, frame);
    }
    if (!running) return;
    if (running.id !== null) slot.started = running.id;
    const elapsed = monotonicSeconds() - (running.startedAt + slot.clockOffset);
    slot.startedAt = performance.now() - Math.max(0, elapsed) * 1000;
  }

  /** The worker running `unit` is gone: blame the started test, requeue the rest (first). */
  private recoverUnit(slot: Slot, unit: Unit, reason: string, timedOut: boolean, stderrTail: string): void {
    const engine: 'native' | 'pytest' = (slot.engine ?? this.opts.engine) === 'native' ? 'native' : 'pytest';
    const crashText = (what: string) => (stderrTail ? `${what}\n\nlast worker output (stderr):\n${stderrTail}` : what);
    if (slot.cancelled) {
      // -x/--maxfail already stopped this unit; nothing more to run.
      if (slot.started && !slot.reported.has(slot.started)) this.emitCrashResult(slot, unit, reason, engine, crashText);
      this.events.unitDone(unit.file, { engine, reason: null, worker: slot.index });
      return;
    }
    if (slot.collected === null && (slot.started || slot.reported.size)) {
      // An engine that ran tests without announcing `collected`: requeue what the unit listed.
      if (slot.started && !slot.reported.has(slot.started)) this.emitCrashResult(slot, unit, reason, engine, crashText);
      if (unit.ids) {
        const rest = unit.ids.filter((id) => !slot.reported.has(id) && id !== slot.started);
        if (rest.length) {
          this.requeue(slot, unit, { file: unit.file, ids: rest, expected: (unit.expected * rest.length) / unit.ids.length });
          return;
        }
      } else {
        this.emitCollectionError({
          file: unit.file,
          message: crashText(`worker ${reason} while running ${unit.file}; its remaining tests were not run`),
        });
      }
      this.events.unitDone(unit.file, { engine, reason: null, worker: slot.index });
      return;
    }
    if (slot.collected === null) {
      const what = timedOut ? `${reason} while collecting ${unit.file}` : `worker ${reason} while collecting ${unit.file}`;
      this.emitCollectionError({ file: unit.file, message: crashText(what) });
      this.events.unitDone(unit.file, { engine, reason: null, worker: slot.index });
      return;
    }
    const collected = slot.collected ?? [];
    const remaining = collected.filter((id) => !slot.reported.has(id) && id !== slot.started);
    if (slot.started && !slot.reported.has(slot.started)) {
      this.emitCrashResult(slot, unit, reason, engine, crashText);
      if (remaining.length) {
        const total = Math.max(1, collected.length);
        this.requeue(slot, unit, { file: unit.file, ids: remaining, expected: (unit.expected * remaining.length) / total });
        return; // unitDone comes when the requeued rest is done
      }
    } else {
      // Died between tests (a hook, a thread): nothing to blame but the rest of the unit.
      for (const id of remaining) {
        this.emitResult({
          id,
          outcome: 'failed',
          when: 'call',
          duration: 0,
          file: unit.file,
          message: `worker ${reason} before this test started`,
          longrepr: crashText(`worker ${reason} before this test started`),
          engine,
          worker: slot.index,
        });
      }
    }
    this.events.unitDone(unit.file, { engine, reason: null, worker: slot.index });
  }

  private requeue(slot: Slot, of: Unit, rest: Unit): void {
    this.retries.add(rest);
    this.queue.putBack(slot.index, rest, of);
  }

  private emitCrashResult(slot: Slot, unit: Unit, reason: string, engine: 'native' | 'pytest', crashText: (what: string) => string): void {
    const id = slot.started!;
    const message = reason.startsWith('Timeout') ? reason : `worker ${reason}`;
    slot.reported.add(id);
    this.emitResult({
      id,
      outcome: 'failed',
      when: 'call',
      duration: (performance.now() - slot.startedAt) / 1000,
      file: unit.file,
      message,
      longrepr: crashText(message),
      engine,
      worker: slot.index,
    });
  }

  /** Nothing left to run: ask every worker to tear its session down and exit. */
  private finish(): void {
    if (this.finishing || this.finished) return;
    this.finishing = true;
    let live = 0;
    for (const slot of this.slots) {
      if (slot.proc && slot.proc.alive) {
        live++;
        slot.stopping = true;
        slot.proc.send({ t: 'stop' });
        slot.proc.endInput();
      }
    }
    if (live === 0) return this.done();
    this.stopTimer = setTimeout(() => {
      for (const slot of this.slots) slot.proc?.kill('SIGKILL');
    }, STOP_GRACE_MS);
    this.stopTimer.unref();
  }

  private done(): void {
    if (this.finished) return;
    this.finished = true;
    this.cleanup();
    this.guard(() => this.events.measured?.(this.cost));
    this.resolve(this.summary);
  }

  private fail(error: Error): void {
    if (this.finished) return;
    this.finished = true;
    this.killAll();
    this.cleanup();
    this.reject(error);
  }

  private readonly onAbort = (): void => {
    if (this.finished) return;
    this.summary.interrupted = true;
    this.finished = true;
    this.killAll();
    this.cleanup();
    this.resolve(this.summary);
  };

  private killAll(): void {
    for (const slot of this.slots) {
      this.clearTimer(slot);
      slot.proc?.kill('SIGKILL');
    }
  }

  private cleanup(): void {
    if (this.stopTimer) clearTimeout(this.stopTimer);
    for (const slot of this.slots) {
      this.clearTimer(slot);
      this.clearWatch(slot);
      slot.state?.dispose();
      slot.state = null;
    }
    this.stateFiles.dispose();
    this.opts.signal?.removeEventListener('abort', this.onAbort);
  }
}

/** The ids, their ids without parameters, and the modules and classes that contain them: what a
 * unit may list for a dynamic item that expanded to them. */
export function coveringIds(ids: Iterable<string>): Set<string> {
  const covered = new Set<string>();
  for (const id of ids) for (const covering of idsCovering(id)) covered.add(covering);
  return covered;
}

function collectionErrorOf(frame: CollectErrorFrame): CollectionError {
  return {
    file: frame.file,
    message: frame.message,
    ...(frame.messageMarkup !== undefined ? { messageMarkup: frame.messageMarkup } : {}),
    ...(frame.crash !== undefined ? { crash: frame.crash } : {}),
    ...(frame.refused ? { refused: true } : {}),
    ...(frame.id !== undefined ? { id: frame.id } : {}),
  };
}

/** `2` -> `2.0`, `0.5` -> `0.5`: the way pytest-timeout prints its float. */
export function pyFloat(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `crashed: killed by signal ${signal}`;
  return `exited unexpectedly with code ${code ?? 'unknown'}`;
}

function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length ? lines[lines.length - 1] : '';
}
