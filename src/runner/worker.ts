// One Python worker process: spawn, frames in and out, a bounded tail of its stderr.
import { spawn as spawnProcess, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { takeEarlyChild } from './early.js';
import { FrameReader, writeFrame, writeFrameNow, type MalformedFrame, type NodeFrame, type WorkerFrame } from './frames.js';
import { workerSpawn, type WorkerSpawnOptions } from './python.js';

export type { WorkerSpawnOptions };

/** How much of a worker's stderr is kept for crash reports. */
export const STDERR_TAIL_BYTES = 64 * 1024;

export interface WorkerHandlers {
  /** A checked frame; after a `malformed` one, nothing more from this process. */
  frame(frame: WorkerFrame | MalformedFrame): void;
  /** Output the worker (or a test with -s) wrote to fds 1/2. */
  output(text: string): void;
  /** The process is gone; `spawnError` when it never started (ENOENT...). */
  exit(code: number | null, signal: NodeJS.Signals | null, spawnError?: Error): void;
}

/** A new process, or the same one started ahead by the executable (early.ts). */
function spawn(command: string, args: string[], options: SpawnOptions): ChildProcess {
  return takeEarlyChild(command, args, options) ?? spawnProcess(command, args, options);
}

/** Process groups of every worker this process started (each worker leads its own). */
const workerGroups = new Set<number>();

/** A worker process started some other way (a warm parent's fork, warm.ts) is ended with the rest. */
export function addWorkerGroup(pgid: number): void {
  workerGroups.add(pgid);
}

/** What the pool needs of a worker, however it was started (spawned here, or forked: warm.ts). */
export interface Worker {
  readonly index: number;
  readonly alive: boolean;
  /** `now`: written at once, not at the end of this turn of the event loop (frames.ts writeFrameNow). */
  send(frame: NodeFrame, now?: boolean): void;
  /** No more frames: the worker tears its session down and exits. */
  endInput(): void;
  stderrTail(maxLines?: number): string;
  kill(signal?: NodeJS.Signals): void;
}

/**
 * Ends every worker this process started, with whatever their tests started (the worker's process
 * group), busy or not: for a signal that ends fastest. Groups already gone are skipped.
 */
export function killAllWorkerGroups(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const pgid of workerGroups) {
    try {
      process.kill(-pgid, signal);
    } catch {
      workerGroups.delete(pgid); // ESRCH: nothing left in it
    }
  }
}

export class WorkerProcess implements Worker {
  readonly index: number;
  readonly child: ChildProcess;
  private tail = '';
  private exited = false;

  constructor(
    options: WorkerSpawnOptions,
    private readonly handlers: WorkerHandlers,
  ) {
    this.index = options.index;
    const start = workerSpawn(options, process.env);
    this.child = spawn(start.command, start.args, start.options);
    if (this.child.pid !== undefined) workerGroups.add(this.child.pid);
    let distrusted = false;
    const reader = new FrameReader((frame) => {
      if (this.exited || distrusted) return;
      if (frame.t === 'malformed') distrusted = true;
      handlers.frame(frame);
    });
    this.child.stdout!.on('data', (chunk: Buffer) => reader.push(chunk));
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (text: string) => {
      this.tail += text;
      if (this.tail.length > 2 * STDERR_TAIL_BYTES) this.tail = this.tail.slice(-STDERR_TAIL_BYTES);
      handlers.output(text);
    });
    // The worker may die with frames unread; writes to its stdin then fail with EPIPE.
    this.child.stdin!.on('error', () => {});
    // 'exit' can come before the last frames are read, and 'close' waits for every process that
    // inherited stderr (a daemon a test started): finish once the protocol pipe has ended too,
    // or shortly after the exit.
    let stdoutEnded = false;
    let exitStatus: [number | null, NodeJS.Signals | null] | null = null;
    const settle = () => {
      if (exitStatus && stdoutEnded) this.finish(exitStatus[0], exitStatus[1]);
    };
    this.child.stdout!.on('end', () => {
      stdoutEnded = true;
      settle();
    });
    this.child.on('exit', (code, signal) => {
      exitStatus = [code, signal];
      settle();
      setTimeout(() => this.finish(code, signal), 500).unref();
    });
    this.child.on('error', (err) => {
      // Spawning failed (ENOENT...); errors of a running child (kill failures) are ignored.
      if (this.child.pid === undefined) this.finish(null, null, err);
    });
  }

  private finish(code: number | null, signal: NodeJS.Signals | null, spawnError?: Error): void {
    if (this.exited) return;
    this.exited = true;
    this.handlers.exit(code, signal, spawnError);
  }

  get alive(): boolean {
    return !this.exited;
  }

  send(frame: NodeFrame, now = false): void {
    if (this.exited || !this.child.stdin!.writable) return;
    (now ? writeFrameNow : writeFrame)(this.child.stdin!, frame);
  }

  endInput(): void {
    this.child.stdin?.end();
  }

  /** Last lines of stderr, for a crash report. */
  stderrTail(maxLines = 40): string {
    return lastLinesOf(this.tail, maxLines);
  }

  /** Ends the worker and what its tests started (its process group). */
  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.exited) return;
    try {
      if (this.child.pid !== undefined) process.kill(-this.child.pid, signal);
      else this.child.kill(signal);
    } catch {
      try {
        this.child.kill(signal);
      } catch {
        // already gone
      }
    }
  }
}

/** The last lines of a kept stderr tail. */
export function lastLinesOf(tail: string, maxLines = 40): string {
  const lines = tail.slice(-STDERR_TAIL_BYTES).split('\n');
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.slice(-maxLines).join('\n');
}
