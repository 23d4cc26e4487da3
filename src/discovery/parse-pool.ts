// Parses many files at once. With enough files and a bundled worker entry, parse threads (one per
// core) pull batches from one queue and the main thread only receives: parsing on the main thread
// leaves its garbage in the largest heap (the cache, the items), where collecting it costs most.
// Threads the executable started before the main bundle loaded (prestartParseThreads in entry.ts)
// are adopted first; they have compiled the grammar by the time the first files are known.
// Threads parse with the WebAssembly grammar (see grammar.ts), which costs about 1.5x the CPU of
// the native binding: where the native binding loads, the main thread parses alone up to
// MAX_BYTES_ON_MAIN_THREAD, and the executable starts no threads ahead.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { grammarKind } from './grammar.js';
import { parseFile, type ParseOutcome, type ParseRequest } from './parse-file.js';
import type { BatchReply } from './parse-worker.js';
import { forcedParseThreads, MAX_PARSE_THREADS } from './thread-count.js';

/** Below this many files the main thread alone is faster than starting a thread. */
const MIN_FILES_FOR_THREADS = 24;
/**
 * Up to this many bytes to parse, native tree-sitter on the main thread beats the parse threads:
 * cold discover of 10,000 generated tests (100 files, 353 KB) takes 0.77 s of CPU against 1.17 s
 * with two threads, in the same wall time on an idle machine; at 1 MB the CPU is near even and two
 * threads finish sooner (bench/RESULTS.md, "Session 9 — speed").
 */
export const MAX_BYTES_ON_MAIN_THREAD = 512 * 1024;
const BATCH_FILES = 4;
/** Batches sent ahead to each thread, so that it never waits for the main thread's next turn. */
const BATCHES_IN_FLIGHT = 2;

const adopted: Worker[] = [];

/** Threads started ahead of the main bundle, handed over for the next parse (and ended by it). */
export function adoptParseThreads(threads: Worker[]): void {
  adopted.push(...threads);
}

/** The bundled worker entry beside dist/main.js; absent when running from src/ (tests), then no threads. */
function parseWorkerEntry(): string | null {
  const path = join(dirname(fileURLToPath(import.meta.url)), 'parse-worker.js');
  return existsSync(path) ? path : null;
}

/** What the choice of parse threads depends on. */
export interface ParseLoad {
  files: number;
  bytes: number;
  /** The native grammar loads on this thread. */
  nativeGrammar: boolean;
  /** Threads started ahead and not yet used. */
  adopted: number;
  cores: number;
  /** FASTEST_PARSE_THREADS, when set: overrides the choice. */
  forced: number | null;
}

/** How many parse threads to use (0: the main thread parses alone). */
export function parseThreadCount(load: ParseLoad): number {
  const { files, bytes, forced } = load;
  if (forced !== null) return Math.min(forced, files);
  if (bytes <= MAX_BYTES_ON_MAIN_THREAD && load.nativeGrammar) return 0;
  if (load.adopted > 0) return Math.min(load.adopted, files);
  if (files < MIN_FILES_FOR_THREADS) return 0;
  return Math.max(0, Math.min(load.cores, MAX_PARSE_THREADS, Math.floor(files / MIN_FILES_FOR_THREADS)));
}

function threadCount(files: number, bytes: number): number {
  const forced = forcedParseThreads(process.env);
  // The native grammar is only loaded (on this thread) when its answer matters.
  const nativeGrammar = forced === null && bytes <= MAX_BYTES_ON_MAIN_THREAD && grammarKind() === 'native';
  return parseThreadCount({ files, bytes, nativeGrammar, adopted: adopted.length, cores: availableParallelism(), forced });
}

export interface ParsePool {
  /**
   * Parses every request, handing each outcome to `onParsed` as it arrives (in no particular
   * order). A file a thread could not handle is parsed on the main thread, and if that fails too
   * its error goes to `onFailed` (default: thrown).
   */
  parse(requests: ParseRequest[], onParsed: (outcome: ParseOutcome) => void, onFailed?: (error: unknown) => void): Promise<void>;
  /** Ends the threads. */
  close(): void;
}

/**
 * Threads for about `files` parses of `bytes` in all (unknown: counted as many): adopted ones
 * first, none when too few files to repay them or the native grammar on this thread is cheaper.
 */
export function openParsePool(files: number, bytes = Number.POSITIVE_INFINITY): ParsePool {
  const entry = parseWorkerEntry();
  const threads = entry ? threadCount(files, bytes) : 0;
  const workers = adopted.splice(0, threads);
  for (const spare of adopted.splice(0)) void spare.terminate();
  while (workers.length < threads) workers.push(new Worker(entry!));
  for (const worker of workers) worker.ref();
  const live = new Set(workers);
  for (const worker of workers) {
    const lost = () => live.delete(worker);
    worker.once('error', lost);
    worker.once('exit', lost);
  }
  return {
    parse: (requests, onParsed, onFailed) => parseWith([...live], requests, onParsed, onFailed),
    close() {
      for (const worker of workers) {
        worker.removeAllListeners();
        void worker.terminate();
      }
    },
  };
}

async function parseWith(
  workers: Worker[],
  requests: ParseRequest[],
  onParsed: (outcome: ParseOutcome) => void,
  onFailed: (error: unknown) => void = (error) => {
    throw error;
  },
): Promise<void> {
  const queue = [...requests];
  /** Batches sent and not answered, by thread and batch id. */
  const pending = new Map<Worker, Map<number, ParseRequest[]>>();
  const leftovers: ParseRequest[] = [];
  let nextBatch = 0;
  let wake = () => {};
  const finished = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const settle = () => {
    if (pending.size === 0) leftovers.push(...queue.splice(0));
    const busy = [...pending.values()].some((batches) => batches.size > 0);
    if (!busy && queue.length === 0) wake();
  };
  const send = (worker: Worker): void => {
    const batch = queue.splice(0, BATCH_FILES);
    if (batch.length === 0) return;
    const id = nextBatch++;
    pending.get(worker)!.set(id, batch);
    worker.postMessage({ id, batch });
  };
  const listeners = workers.map((worker) => {
    const onMessage = (reply: BatchReply) => {
      pending.get(worker)?.delete(reply.id);
      for (const outcome of reply.outcomes) onParsed(outcome);
      leftovers.push(...reply.unparsed);
      if (pending.has(worker)) send(worker);
      settle();
    };
    // A thread that fails or ends without answering hands what it held back to the main thread.
    const onLost = () => {
      const held = pending.get(worker);
      if (!held) return;
      pending.delete(worker);
      for (const batch of held.values()) leftovers.push(...batch);
      settle();
    };
    return { worker, onMessage, onLost };
  });
  for (const { worker, onMessage, onLost } of listeners) {
    pending.set(worker, new Map());
    worker.on('message', onMessage);
    worker.on('error', onLost);
    worker.on('exit', onLost);
    for (let i = 0; i < BATCHES_IN_FLIGHT; i++) send(worker);
  }
  try {
    if (workers.length > 0) {
      settle();
      await finished;
    }
    // Without threads, or for what they handed back or held when they were lost.
    for (const request of workers.length > 0 ? leftovers : queue) {
      let outcome: ParseOutcome;
      try {
        outcome = await parseFile(request);
      } catch (error) {
        onFailed(error);
        continue;
      }
      onParsed(outcome);
    }
  } finally {
    for (const { worker, onMessage, onLost } of listeners) {
      worker.off('message', onMessage);
      worker.off('error', onLost);
      worker.off('exit', onLost);
    }
  }
}
