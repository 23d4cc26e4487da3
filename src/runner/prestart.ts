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

/**
 * What worker `index` of `count` rewrites ahead, in order (PrestartedWorkers.precompile): its own
 * share, and for the first, then the others' shares, last file first.
 */
export function aheadLists(files: string[], count: number, index: number): string[][] {
  const share = files.filter((_, at) => at % count === index);
  const others = index === 0 ? files.filter((_, at) => at % count !== 0).reverse() : [];
  return [share, others].filter((list) => list.length > 0);
}

export class PrestartedWorkers {
  private readonly waiting: PrestartedWorker[] = [];
  private started = 0;
  private ahead: { files: string[]; cacheDir: string } | null = null;

  /**
   * `count` workers, of which the first `startNow` start at once and the rest when `grow` asks
   * for them (a first run, which learns its tests as discovery reads its modules).
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
      const worker = { proc, handoff };
      this.waiting.push(worker);
      if (this.ahead) this.sendAhead(worker);
    }
  }

  /**
   * The workers rewrite `files` (test modules a first run has not rewritten) into the rewrite
   * cache before their init: their idle time while Node discovers. Worker k of the planned count
   * takes the k-th share; the first also takes the others' shares after its own, last file first,
   * since those workers may start later or never (a small suite): one that does start meets it
   * midway, and each skips what the other has cached.
   */
  precompile(files: string[], cacheDir: string): void {
    this.ahead = { files, cacheDir };
    for (const worker of this.waiting) this.sendAhead(worker);
  }

  private sendAhead(worker: PrestartedWorker): void {
    const { files, cacheDir } = this.ahead!;
    for (const list of aheadLists(files, this.opts.count, worker.proc.index)) worker.proc.send({ t: 'precompile', files: list, cacheDir }, true);
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
