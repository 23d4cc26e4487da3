// The shared state file of a worker process (docs/protocol.md "Shared state"): the worker writes
// the test it is running and spools the results it has not sent yet; Node reads it only when it
// must know, when a timeout check fires or the worker has died, so that a test's start costs no
// frame and results travel in batches. Node writes one word: the `run` it cancels.
import { closeSync, ftruncateSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { releaseScratchDir, scratchDir } from './scratch.js';

// The layout, little-endian; python/fastest_worker/protocol.py writes it.
const STARTED_AT = 0; // u32: tests started (each attempt of a rerun counts)
const CANCEL_AT = 4; // u32: written by Node: the number of the `run` it cancels (1: the process's first)
const FINISHED_AT = 8; // u32: `started` when the last result was spooled (equal: no test runs)
const SPOOLED_AT = 12; // u32: bytes of result frames in the spool, not yet written to the pipe
const TEST_STARTED_AT = 16; // f64: the running test's start, the worker's time.monotonic()
const ID_LENGTH_AT = 24; // u32: its id's length (0: the id went as a `start` frame)
const ATTACHED_AT = 28; // u32: 1 once the worker has mapped the file
const HEADER_BYTES = 32;
const ID_LIMIT = 65536 - HEADER_BYTES;
const SPOOL_AT = 65536;
const SPOOL_LIMIT = 1 << 20;
export const STATE_FILE_BYTES = SPOOL_AT + SPOOL_LIMIT;

export interface RunningTest {
  /** Null when the id did not fit (the worker sent a `start` frame for it instead). */
  id: string | null;
  /** When it started, on the worker's monotonic clock (seconds). */
  startedAt: number;
}

/** Seconds on the monotonic clock Python's time.monotonic() reads (CLOCK_MONOTONIC, as libuv's). */
export function monotonicSeconds(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

export class WorkerStateFile {
  private readonly header = Buffer.alloc(HEADER_BYTES);

  constructor(
    readonly path: string,
    private fd: number | null,
  ) {}

  /** The test the worker is running (started, its result not yet spooled), or null. */
  running(): RunningTest | null {
    if (!this.read(this.header, 0)) return null;
    const header = this.header;
    if (header.readUInt32LE(STARTED_AT) === header.readUInt32LE(FINISHED_AT)) return null;
    const startedAt = header.readDoubleLE(TEST_STARTED_AT);
    const length = header.readUInt32LE(ID_LENGTH_AT);
    if (length === 0 || length > ID_LIMIT) return { id: null, startedAt };
    const id = Buffer.allocUnsafe(length);
    return { id: this.read(id, HEADER_BYTES) ? id.toString('utf8') : null, startedAt };
  }

  /** Whether the worker uses the file (it may not have been able to map it). */
  attached(): boolean {
    return this.read(this.header, 0) && this.header.readUInt32LE(ATTACHED_AT) === 1;
  }

  /** The result frames the worker spooled and had not written to the pipe (length-prefixed). */
  spooled(): Buffer {
    if (!this.read(this.header, 0)) return Buffer.alloc(0);
    const bytes = this.header.readUInt32LE(SPOOLED_AT);
    if (bytes === 0 || bytes > SPOOL_LIMIT) return Buffer.alloc(0);
    const spool = Buffer.allocUnsafe(bytes);
    return this.read(spool, SPOOL_AT) ? spool : Buffer.alloc(0);
  }

  /** Asks the worker to stop its `run` number `run` (it reads this word before each test). */
  cancel(run: number): void {
    if (this.fd === null) return;
    const word = Buffer.alloc(4);
    word.writeUInt32LE(run >>> 0, 0);
    try {
      writeSync(this.fd, word, 0, 4, CANCEL_AT);
    } catch {
      // the `cancel` frame says it as well
    }
  }

  dispose(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
      rmSync(this.path, { force: true });
    } catch {
      // removed with its directory at the end of the run
    }
    this.fd = null;
  }

  private read(into: Buffer, position: number): boolean {
    if (this.fd === null) return false;
    try {
      return readSync(this.fd, into, 0, into.length, position) === into.length;
    } catch {
      return false;
    }
  }
}

/** The state files of one run, in a private directory (tmpfs where there is one). */
export class StateFiles {
  private dir: string | null | undefined;
  private count = 0;

  /** A fresh state file for a worker process, or null when none can be made (the worker then
   * announces each test with a `start` frame, as before). */
  create(): WorkerStateFile | null {
    const dir = this.directory();
    if (!dir) return null;
    const path = join(dir, `worker-${this.count++}`);
    let fd: number | null = null;
    try {
      fd = openSync(path, 'wx+', 0o600);
      ftruncateSync(fd, STATE_FILE_BYTES);
      return new WorkerStateFile(path, fd);
    } catch {
      if (fd !== null) closeSync(fd);
      return null;
    }
  }

  dispose(): void {
    if (this.dir) releaseScratchDir(this.dir);
    this.dir = null;
  }

  private directory(): string | null {
    if (this.dir !== undefined) return this.dir;
    for (const base of [sharedMemoryDir(), tmpdir()]) {
      if (!base) continue;
      try {
        return (this.dir = scratchDir(base, 'fastest-state-'));
      } catch {
        // next candidate
      }
    }
    return (this.dir = null);
  }
}

/** /dev/shm on Linux: the worker rewrites its state file all the time, and tmpfs never writes
 * those pages back to a disk. */
function sharedMemoryDir(): string | null {
  if (process.platform !== 'linux') return null;
  try {
    return statSync('/dev/shm').isDirectory() ? '/dev/shm' : null;
  } catch {
    return null;
  }
}
