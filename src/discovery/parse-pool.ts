// Parses many files at once: the main thread and, when the machine has spare cores and there are
// enough files to repay a thread's start-up (~50 ms), worker threads pull files from one queue.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseFile, type ParseOutcome, type ParseRequest } from './parse-file.js';
import type { BatchReply } from './parse-worker.js';

/** Below this many files one thread is faster than starting another. */
const MIN_FILES_FOR_THREADS = 24;
const MAX_THREADS = 4;
const BATCH_FILES = 4;

/** The bundled worker entry beside dist/main.mjs; absent when running from src/ (tests), then no threads. */
function workerEntry(): string | null {
  const path = join(dirname(fileURLToPath(import.meta.url)), 'parse-worker.mjs');
  return existsSync(path) ? path : null;
}

/** FASTEST_PARSE_THREADS overrides the choice (0: parse on the main thread only). */
function threadCount(files: number): number {
  const forced = Number.parseInt(process.env.FASTEST_PARSE_THREADS ?? '', 10);
  if (Number.isInteger(forced) && forced >= 0) return Math.min(forced, files);
  if (files < MIN_FILES_FOR_THREADS) return 0;
  const spareCores = availableParallelism() - 1;
  return Math.max(0, Math.min(spareCores, MAX_THREADS, Math.floor(files / MIN_FILES_FOR_THREADS)));
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Parses every request; results keyed by absolute path. Errors surface as the main thread's own. */
export async function parseFiles(requests: ParseRequest[]): Promise<Map<string, ParseOutcome>> {
  const results = new Map<string, ParseOutcome>();
  const queue = [...requests];
  const entry = workerEntry();
  const threads = entry ? threadCount(requests.length) : 0;
  const workers: Worker[] = [];
  const pending = new Set<Promise<void>>();

  const feed = (worker: Worker): void => {
    const batch = queue.splice(0, BATCH_FILES);
    if (batch.length === 0) return;
    const done = new Promise<void>((resolve) => {
      const finish = (reply: BatchReply | null) => {
        worker.off('message', finish);
        worker.off('error', onError);
        worker.off('exit', onError);
        for (const outcome of reply?.outcomes ?? []) results.set(outcome.abs, outcome);
        // Whatever the thread could not parse goes back to the main thread, which reports it.
        queue.push(...(reply ? reply.unparsed : batch));
        pending.delete(done);
        resolve();
        if (reply) feed(worker);
      };
      const onError = () => finish(null);
      worker.on('message', finish);
      // A thread that fails or ends without answering hands its batch back to the main thread.
      worker.once('error', onError);
      worker.once('exit', onError);
    });
    pending.add(done);
    worker.postMessage({ batch });
  };

  for (let i = 0; i < threads; i++) {
    const worker = new Worker(entry!);
    workers.push(worker);
    feed(worker);
  }
  try {
    for (;;) {
      const request = queue.shift();
      if (request) {
        results.set(request.abs, await parseFile(request));
        if (threads > 0) await nextTurn();
      } else if (pending.size > 0) {
        await Promise.race(pending);
      } else {
        break;
      }
    }
  } finally {
    for (const worker of workers) void worker.terminate();
  }
  return results;
}
