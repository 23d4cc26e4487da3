// Workers started before the units are known, so that Python's start-up (interpreter, `import
// pytest`, the engine) overlaps discovery; the pool adopts them instead of spawning its own.
import { WorkerProcess, type WorkerHandlers } from './worker.js';

/** Holds a worker's events until the pool attaches its own handlers. */
export class WorkerHandoff implements WorkerHandlers {
  private target: WorkerHandlers | null = null;
  private backlog: ((target: WorkerHandlers) => void)[] = [];

  frame(frame: Parameters<WorkerHandlers['frame']>[0]): void {
    this.deliver((t) => t.frame(frame));
  }

  output(text: string): void {
    this.deliver((t) => t.output(text));
  }

  exit(code: number | null, signal: NodeJS.Signals | null, spawnError?: Error): void {
    this.deliver((t) => t.exit(code, signal, spawnError));
  }

  attach(target: WorkerHandlers): void {
    this.target = target;
    const backlog = this.backlog;
    this.backlog = [];
    for (const deliver of backlog) deliver(target);
  }

  private deliver(fn: (target: WorkerHandlers) => void): void {
    if (this.target) fn(this.target);
    else this.backlog.push(fn);
  }
}

export interface PrestartedWorker {
  proc: WorkerProcess;
  handoff: WorkerHandoff;
}

export class PrestartedWorkers {
  private readonly waiting: PrestartedWorker[] = [];
  private started = 0;

  /**
   * `count` workers, of which the first `startNow` start at once and the rest when `grow` asks
   * for them (a first run, which knows its modules only after discovery's walk: one module needs
   * one worker).
   */
  constructor(private readonly opts: { python: string; cwd: string; count: number; pycacheDir: string; startNow?: number }) {
    this.grow(opts.startNow ?? opts.count);
  }

  /** Starts the workers of the slots below `count` (at most the planned count) not started yet. */
  grow(count: number): void {
    const { python, cwd, pycacheDir } = this.opts;
    for (; this.started < Math.min(count, this.opts.count); this.started++) {
      const handoff = new WorkerHandoff();
      const proc = new WorkerProcess({ python, cwd, index: this.started, workers: this.opts.count, pycacheDir }, handoff);
      this.waiting.push({ proc, handoff });
    }
  }

  /**
   * Each waiting worker rewrites its share of `files` (test modules a first run has not rewritten)
   * into the rewrite cache before its init: the workers' idle time while Node discovers.
   */
  precompile(files: string[], cacheDir: string): void {
    const count = this.waiting.length;
    this.waiting.forEach((w, at) => {
      const share = files.filter((_, index) => index % count === at);
      if (share.length > 0) w.proc.send({ t: 'precompile', files: share, cacheDir });
    });
  }

  /** The next started worker for pool slot `index`, if one is waiting. */
  take(index: number): PrestartedWorker | undefined {
    const at = this.waiting.findIndex((w) => w.proc.index === index);
    return at < 0 ? undefined : this.waiting.splice(at, 1)[0];
  }

  /** Ends at once the workers of slots `count` and up: the run needs fewer than were started. */
  keep(count: number): void {
    this.started = this.opts.count; // (no more start here: the pool starts any it still needs)
    for (const w of this.waiting.filter((w) => w.proc.index >= count)) {
      this.waiting.splice(this.waiting.indexOf(w), 1);
      w.handoff.attach({ frame: () => {}, output: () => {}, exit: () => {} });
      w.proc.kill();
    }
  }

  /** Ends the workers nobody adopted (fewer units than workers, or no run at all). */
  dispose(): void {
    this.keep(0);
  }
}
