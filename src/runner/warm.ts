// The warm parent: one Python process imports pytest, the engine and the third-party packages the
// suite's conftests and test modules import at their top, once; each worker is then a fork of it
// (python/fastest_worker/warm_parent.py). A forked worker is a separate process in its own
// session and process group with its own pytest session, talking to Node over a Unix socket
// instead of pipes. When the parent cannot be used (an import that warns, starts a thread, opens a
// file, changes the environment...), every worker is spawned as usual.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { STDLIB_MODULES } from '../discovery/stdlib.js';
import { encodeFrame, FrameReader, writeFrame, type NodeFrame } from './frames.js';
import { testEnvironment } from './environment.js';
import { workerEnv, workerStdio } from './python.js';
import { releaseScratchDir, scratchDir } from './scratch.js';
import { addWorkerGroup, lastLinesOf, STDERR_TAIL_BYTES, WorkerProcess, type Worker, type WorkerHandlers, type WorkerSpawnOptions } from './worker.js';

/** True where a warm parent can fork its workers (POSIX fork; a plain start elsewhere). */
export const FORK_AVAILABLE = process.platform !== 'win32';

export type WarmParentOutcome = { usable: true; imported: string[]; seconds: number } | { usable: false; reason: string; unsafe: string[]; seconds: number };

export interface WarmParentOptions {
  python: string;
  rootdir: string;
  /** The workers' working directory: where fastest was started. */
  cwd: string;
  workers: number;
  pycacheDir: string;
  /** Only measures, at low priority, and never forks. */
  probe?: boolean;
  /** What the last run's parent imported: imported again at once, while discovery runs. */
  early?: string[];
}

const HANDSHAKE_MAX = 256;

export class WarmParent {
  /** Settles once the parent has imported the shared packages (or found it cannot be used). */
  readonly outcome: Promise<WarmParentOutcome>;
  private settle!: (outcome: WarmParentOutcome) => void;
  private state: 'starting' | 'ready' | 'unusable' = 'starting';
  private readonly proc: ChildProcess;
  private readonly server: Server;
  private readonly socketDir: string;
  private readonly socketPath: string;
  private readonly token = randomBytes(16).toString('hex');
  private readonly forks = new Map<number, ForkedWorker>();
  private nextId = 1;
  private lineBuffer = '';
  private disposed = false;
  private measuringSince: number | undefined;

  /** The outcome, once known. */
  result: WarmParentOutcome | undefined;

  constructor(private readonly opts: WarmParentOptions) {
    this.outcome = new Promise((resolve) => (this.settle = (outcome) => resolve((this.result = outcome))));
    this.socketDir = scratchDir(tmpdir(), 'fastest-warm-');
    this.socketPath = join(this.socketDir, 's');
    this.server = createServer({ allowHalfOpen: true }, (socket) => this.accept(socket));
    this.server.listen(this.socketPath);
    this.server.unref();
    this.proc = spawn(opts.python, ['-m', 'fastest_worker', '--warm-parent'], {
      cwd: opts.cwd,
      env: {
        ...workerEnv(0, opts.workers, testEnvironment(process.env), opts.pycacheDir),
        // the parent outlives a Node killed outright and removes the directory then
        FASTEST_WARM_SOCKET_DIR: this.socketDir,
        ...(opts.probe ? { FASTEST_WARM_PROBE: '1' } : {}),
      },
      stdio: workerStdio(),
      detached: true,
    });
    if (this.proc.pid !== undefined) addWorkerGroup(this.proc.pid);
    this.proc.stdin!.on('error', () => {});
    if (opts.early?.length) this.control({ t: 'early', names: opts.early, rootdir: opts.rootdir });
    this.proc.stdout!.setEncoding('utf8');
    this.proc.stdout!.on('data', (text: string) => this.onControl(text));
    // What an import prints is not shown: pytest captures it during collection too.
    this.proc.stderr!.resume();
    this.proc.on('error', () => this.unusable('the warm parent did not start', []));
    this.proc.on('exit', () => {
      this.unusable('the warm parent ended', []);
      for (const fork of this.forks.values()) fork.parentGone();
    });
  }

  /** The test files of the run: the parent imports what they and their conftests import first. */
  preload(files: string[], exclude: string[], probe = false): void {
    this.control({ t: 'preload', files, rootdir: this.opts.rootdir, exclude, socket: this.socketPath, token: this.token, probe });
  }

  /**
   * What the parent measured: its outcome, or when it is still importing (a probe cut short by
   * the end of the run), the time spent so far as a lower bound.
   */
  measured(): WarmParentOutcome | undefined {
    if (this.result) return this.result;
    if (this.measuringSince === undefined) return undefined;
    return { usable: true, imported: [], seconds: (performance.now() - this.measuringSince) / 1000 };
  }

  /** A worker forked from the parent, or spawned as usual once the parent turns out unusable. */
  worker(options: WorkerSpawnOptions, handlers: WorkerHandlers): Worker {
    const id = this.nextId++;
    const fork = new ForkedWorker(id, options, handlers, () => this.forks.delete(id));
    this.forks.set(id, fork);
    if (this.state === 'unusable') fork.fallBack();
    else this.control({ t: 'fork', id, index: options.index, workers: options.workers });
    return fork;
  }

  /** No more forks: the parent exits once its children have (a probe at once); the socket goes with it. */
  dispose(kill = false): void {
    if (this.disposed) return;
    this.disposed = true;
    this.proc.stdin!.end();
    if (kill && this.proc.pid !== undefined && this.proc.exitCode === null) {
      try {
        process.kill(-this.proc.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    const close = () => {
      this.server.close();
      releaseScratchDir(this.socketDir);
    };
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) close();
    else this.proc.once('exit', close);
  }

  private control(message: object): void {
    if (this.proc.stdin!.writable) this.proc.stdin!.write(JSON.stringify(message) + '\n');
  }

  private unusable(reason: string, unsafe: string[], seconds = 0): void {
    if (this.state === 'unusable') return;
    const pending = this.state === 'starting';
    this.state = 'unusable';
    if (pending) this.settle({ usable: false, reason, unsafe, seconds });
    for (const fork of this.forks.values()) if (!fork.forked) fork.fallBack();
  }

  private onControl(text: string): void {
    this.lineBuffer += text;
    let newline: number;
    while ((newline = this.lineBuffer.indexOf('\n')) >= 0) {
      const line = this.lineBuffer.slice(0, newline);
      this.lineBuffer = this.lineBuffer.slice(newline + 1);
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue;
      }
      const fork = typeof message.id === 'number' ? this.forks.get(message.id) : undefined;
      if (message.t === 'measuring') {
        this.measuringSince = performance.now();
      } else if (message.t === 'ready' && this.state === 'starting') {
        this.state = 'ready';
        this.settle({ usable: true, imported: stringList(message.imported), seconds: Number(message.seconds) || 0 });
      } else if (message.t === 'unusable') {
        this.unusable(String(message.reason), stringList(message.unsafe), Number(message.seconds) || 0);
      } else if (message.t === 'forked' && typeof message.pid === 'number') {
        fork?.started(message.pid);
      } else if (message.t === 'exit') {
        fork?.ended(typeof message.code === 'number' ? message.code : null, typeof message.signal === 'string' ? (message.signal as NodeJS.Signals) : null);
      }
    }
  }

  /** A forked worker's connection: "<token> <id> frames|output\n", then its stream. */
  private accept(socket: Socket): void {
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const newline = head.indexOf(10);
      if (newline < 0) {
        if (head.length > HANDSHAKE_MAX) socket.destroy();
        return;
      }
      socket.off('data', onData);
      const [token, id, kind] = head.subarray(0, newline).toString('latin1').split(' ');
      const fork = token === this.token ? this.forks.get(Number(id)) : undefined;
      if (!fork || (kind !== 'frames' && kind !== 'output')) return void socket.destroy();
      fork.connected(kind, socket, head.subarray(newline + 1));
    };
    socket.on('data', onData);
    socket.on('error', () => {});
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** One worker forked by the warm parent; becomes a spawned WorkerProcess if the parent cannot fork. */
class ForkedWorker implements Worker {
  forked = false;
  private pid: number | undefined;
  private delegate: WorkerProcess | null = null;
  private frames: Socket | null = null;
  private pending: NodeFrame[] = [];
  private inputEnded = false;
  private killSignal: NodeJS.Signals | null = null;
  private tail = '';
  private exited = false;
  private framesEnded = false;
  private exitStatus: [number | null, NodeJS.Signals | null] | null = null;

  constructor(
    private readonly id: number,
    private readonly options: WorkerSpawnOptions,
    private readonly handlers: WorkerHandlers,
    private readonly forget: () => void,
  ) {}

  get index(): number {
    return this.options.index;
  }

  get alive(): boolean {
    return this.delegate ? this.delegate.alive : !this.exited;
  }

  fallBack(): void {
    if (this.delegate || this.forked || this.exited) return;
    this.forget();
    this.delegate = new WorkerProcess(this.options, this.handlers);
    for (const frame of this.pending.splice(0)) this.delegate.send(frame);
    if (this.inputEnded) this.delegate.endInput();
    if (this.killSignal) this.delegate.kill(this.killSignal);
  }

  started(pid: number): void {
    this.forked = true;
    this.pid = pid;
    addWorkerGroup(pid);
    if (this.killSignal) this.kill(this.killSignal);
  }

  connected(kind: 'frames' | 'output', socket: Socket, rest: Buffer): void {
    if (kind === 'output') {
      const decoder = new StringDecoder('utf8');
      const onText = (chunk: Buffer) => {
        const text = decoder.write(chunk);
        if (!text || this.exited) return;
        this.tail += text;
        if (this.tail.length > 2 * STDERR_TAIL_BYTES) this.tail = this.tail.slice(-STDERR_TAIL_BYTES);
        this.handlers.output(text);
      };
      if (rest.length) onText(rest);
      socket.on('data', onText);
      return;
    }
    this.frames = socket;
    let distrusted = false;
    const reader = new FrameReader((frame) => {
      if (this.exited || distrusted) return;
      if (frame.t === 'malformed') distrusted = true;
      this.handlers.frame(frame);
    });
    if (rest.length) reader.push(rest);
    socket.on('data', (chunk: Buffer) => reader.push(chunk));
    socket.on('end', () => {
      this.framesEnded = true;
      this.settle();
    });
    socket.on('close', () => {
      this.framesEnded = true;
      this.settle();
    });
    for (const frame of this.pending.splice(0)) socket.write(encodeFrame(frame));
    if (this.inputEnded) socket.end();
  }

  /** The parent reaped the process. */
  ended(code: number | null, signal: NodeJS.Signals | null): void {
    this.exitStatus = [code, signal];
    this.settle();
    setTimeout(() => this.finish(code, signal), 500).unref();
  }

  /** The parent died: nobody will report this process's exit; its socket closing is the end. */
  parentGone(): void {
    if (!this.forked || this.exited) return;
    this.exitStatus ??= [null, null];
    this.settle();
  }

  private settle(): void {
    if (this.exitStatus && this.framesEnded) this.finish(this.exitStatus[0], this.exitStatus[1]);
  }

  private finish(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.exited) return;
    this.exited = true;
    this.forget();
    this.frames?.destroy();
    this.handlers.exit(code, signal);
  }

  send(frame: NodeFrame): void {
    if (this.delegate) return this.delegate.send(frame);
    if (this.exited || this.inputEnded) return;
    if (this.frames && this.frames.writable) writeFrame(this.frames, frame);
    else if (!this.frames) this.pending.push(frame);
  }

  endInput(): void {
    if (this.delegate) return this.delegate.endInput();
    this.inputEnded = true;
    this.frames?.end();
  }

  stderrTail(maxLines = 40): string {
    return this.delegate ? this.delegate.stderrTail(maxLines) : lastLinesOf(this.tail, maxLines);
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.delegate) return this.delegate.kill(signal);
    if (this.exited) return;
    this.killSignal = signal;
    if (this.pid === undefined) return; // killed as soon as the parent says it forked
    try {
      process.kill(-this.pid, signal);
    } catch {
      try {
        process.kill(this.pid, signal);
      } catch {
        // already gone
      }
    }
  }
}

/** Shared imports cheaper than this (seconds, measured by the parent) are not worth a parent. */
export const WARM_IMPORT_THRESHOLD_SECONDS = 0.3;

/** What the last warm parent measured, kept in `.fastest/warm-parent.json`. */
export interface WarmParentRecord {
  seconds: number;
  imported: string[];
  /** Packages that changed observable state when imported: never imported by a parent again. */
  unsafe: string[];
}

const RECORD_FILE = 'warm-parent.json';

export function readWarmParentRecord(cacheDir: string): WarmParentRecord | null {
  try {
    const data = JSON.parse(readFileSync(join(cacheDir, RECORD_FILE), 'utf8')) as Partial<WarmParentRecord>;
    if (typeof data.seconds !== 'number' || !Array.isArray(data.imported) || !Array.isArray(data.unsafe)) return null;
    return { seconds: data.seconds, imported: data.imported.map(String), unsafe: data.unsafe.map(String).slice(0, 1000) };
  } catch {
    return null; // none yet, or unreadable: measured again
  }
}

export function writeWarmParentRecord(cacheDir: string, outcome: WarmParentOutcome, previous: WarmParentRecord | null): void {
  const unsafe = new Set(previous?.unsafe ?? []);
  if (!outcome.usable) for (const name of outcome.unsafe) unsafe.add(name.split('.')[0]);
  const record: WarmParentRecord = { seconds: outcome.seconds, imported: outcome.usable ? outcome.imported : [], unsafe: [...unsafe].sort() };
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, RECORD_FILE), JSON.stringify(record) + '\n');
  } catch {
    // a read-only checkout: measured again next time
  }
}

/**
 * FASTEST_WARM_PARENT=1 starts workers from a warm parent, 0 never; otherwise (auto) where fork
 * exists and the last parent (or probe) measured shared imports of at least the threshold.
 */
export function warmParentWanted(env: NodeJS.ProcessEnv, record: WarmParentRecord | null): boolean {
  const setting = warmParentSetting(env);
  if (!FORK_AVAILABLE || setting === 'off') return false;
  if (setting === 'on') return true;
  return record !== null && record.seconds >= WARM_IMPORT_THRESHOLD_SECONDS;
}

/** FASTEST_WARM_PARENT: `1`/`on`, `0`/`off`, anything else automatic. */
export function warmParentSetting(env: NodeJS.ProcessEnv): 'on' | 'off' | 'auto' {
  const setting = (env.FASTEST_WARM_PARENT ?? '').trim().toLowerCase();
  if (setting === '0' || setting === 'off') return 'off';
  return setting === '1' || setting === 'on' ? 'on' : 'auto';
}

/** pytest itself, and the standard library: what every worker imports anyway, or cheap to import. */
const UNSHARED_IMPORTS = new Set([...STDLIB_MODULES, '__future__', 'unittest', 'doctest', 'pytest', '_pytest']);

function importsNothingShared(top: string): boolean {
  return UNSHARED_IMPORTS.has(top);
}

/** What a run asks of a warm parent: the parent to fork from, its imports, the run's end. */
export interface WarmUse {
  readonly parent: WarmParent | undefined;
  /**
   * The run's test files are known (and the packages never to import in the parent; `imports`:
   * the top-level modules the files and their conftests import, when discovery knows them all).
   */
  preload(files: string[], exclude: string[], imports?: string[], workers?: number): void;
  end(): void;
}

/**
 * One run's use of a warm parent: the parent itself when wanted (started with the run, so that
 * pytest's import overlaps discovery), else, while no parent has been measured, a low-priority
 * probe (not on the checkout's first run) that measures the shared imports for the next run's
 * decision; the record written at the end.
 */
export class WarmRun implements WarmUse {
  readonly parent: WarmParent | undefined;
  private probe: WarmParent | undefined;
  private readonly record: WarmParentRecord | null;
  private readonly cacheDir: string;

  /**
   * `firstRun`: no run has measured this checkout yet (no `.fastest/run-cost.json`). Its probe
   * would cost ~0.3 s of CPU beside a cold run's workers, and rarely measure anything: a small
   * suite's first run ends before the probe has imported pytest, and a CI job from a fresh
   * checkout never has a next run to use the measure. The probe waits for a later run that starts
   * more than one worker (the only runs a parent serves).
   */
  constructor(private readonly opts: WarmParentOptions & { env: NodeJS.ProcessEnv; cacheDir: string; firstRun?: boolean }) {
    this.cacheDir = opts.cacheDir;
    this.record = readWarmParentRecord(opts.cacheDir);
    // One worker gains nothing from a parent: it is started as early, and imports as much.
    const forks = opts.workers > 1 || warmParentSetting(opts.env) === 'on';
    this.parent = forks && warmParentWanted(opts.env, this.record) ? new WarmParent({ ...opts, early: this.record?.imported }) : undefined;
  }

  /** The run's test files are known: the parent imports what they share (or the probe measures it). */
  preload(files: string[], exclude: string[], imports?: string[], workers = this.opts.workers): void {
    const unsafe = [...(this.record?.unsafe ?? []), ...exclude];
    if (this.parent) return this.parent.preload(files, unsafe);
    if (!FORK_AVAILABLE || this.record !== null || warmParentSetting(this.opts.env) === 'off') return;
    // A probe would import only these, far under the threshold: the measure is recorded without it
    // (a probe costs ~0.45 s of CPU beside a cold run's workers on 2 cores).
    if (imports !== undefined && imports.every(importsNothingShared)) {
      writeWarmParentRecord(this.cacheDir, { usable: true, imported: [], seconds: 0 }, this.record);
      return;
    }
    // A run on one worker would not fork from a parent: nothing to measure for it.
    if (workers <= 1 && warmParentSetting(this.opts.env) !== 'on') return;
    if (this.opts.firstRun) return;
    this.probe = new WarmParent({ ...this.opts, probe: true });
    this.probe.preload(files, unsafe, true);
  }

  end(): void {
    const used = this.parent ?? this.probe;
    if (!used) return;
    const measured = used.measured();
    if (measured) writeWarmParentRecord(this.cacheDir, measured, this.record);
    used.dispose(used === this.probe);
  }
}

/**
 * `fastest watch`'s warm parent, kept across runs: started once, told the test files once (every
 * file the watch has run so far), ended only by `rebuild` (its imports may be stale: a changed
 * conftest.py or config) or `close`. A parent an import made unusable is started again without
 * that package, so pytest and the engine stay warm; every run's workers are forked from it.
 */
export class KeptWarmParent implements WarmUse {
  parent: WarmParent | undefined;
  private preloaded = false;
  private readonly files = new Set<string>();
  private readonly unsafe = new Set<string>();
  private closed = false;

  constructor(private readonly opts: WarmParentOptions) {
    this.start();
  }

  /** Parents started so far (the first included). */
  generation = 0;

  private start(): void {
    const parent = new WarmParent(this.opts);
    this.parent = parent;
    this.preloaded = false;
    this.generation++;
    void parent.outcome.then((outcome) => {
      if (outcome.usable || this.parent !== parent || this.closed) return;
      const fresh = outcome.unsafe.map((name) => name.split('.')[0]).filter((name) => !this.unsafe.has(name));
      if (fresh.length === 0) return; // it cannot start at all: forked workers fall back to spawned ones
      for (const name of fresh) this.unsafe.add(name);
      this.rebuild();
    });
  }

  preload(files: string[], exclude: string[]): void {
    for (const file of files) this.files.add(file);
    if (this.preloaded || !this.parent) return;
    this.preloaded = true;
    this.parent.preload([...this.files], [...exclude, ...this.unsafe]);
  }

  /** Kept for the next run. */
  end(): void {}

  /** A new parent: what the old one imported may no longer be what the project's files import. */
  rebuild(): void {
    if (this.closed) return;
    this.parent?.dispose(true);
    this.start();
  }

  close(): void {
    this.closed = true;
    this.parent?.dispose(true);
    this.parent = undefined;
  }
}
