// The `fastest` executable (dist/cli.js): a small bundle that answers an unchanged repeat of
// `fastest discover` from its memo without loading anything else, and otherwise hands over to a
// bundle beside it: dist/discover.js for a discovery, dist/main.js (the whole CLI) for the rest.
// For a discovery with no cache to read, it first starts the parse threads, so that they load and
// compile the grammar while the bundle loads.
import { existsSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as NodeOs from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as NodeWorkerThreads from 'node:worker_threads';
import { selfAndParents } from '../memo/ancestors.js';
import { forcedParseThreads, MAX_PARSE_THREADS, nativeGrammarInstalled } from '../discovery/thread-count.js';
import { replayMemo } from '../memo/discover-memo.js';
import { exitQuietlyOnBrokenPipe } from './broken-pipe.js';
import { loadBundle } from './code-cache.js';
import type { Handoff } from './finish.js';
import { earlyKey, earlyPlan, endUnsettled, startEarlyWorkers, type EarlyStart } from '../runner/early.js';
import { ExitCode } from '../types.js';

// process.hrtime, not performance.now(): the first use of `performance` loads perf_hooks (~2 ms).
const startedMs = Number(process.hrtime.bigint()) / 1e6;
const argv = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const mainBundle = join(here, 'main.js');
const discoverBundle = join(here, 'discover.js');

/** Writes straight to fd 1: setting up process.stdout costs a few ms, a tenth of a replay. */
function writeStdout(chunks: Buffer[]): void {
  for (const [index, chunk] of chunks.entries()) {
    let written = 0;
    try {
      while (written < chunk.length) written += writeSync(1, chunk, written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(1);
      // A non-blocking pipe that is full (EAGAIN): the stream waits for it.
      exitQuietlyOnBrokenPipe();
      process.stdout.write(chunk.subarray(written));
      for (const rest of chunks.slice(index + 1)) process.stdout.write(rest);
      return;
    }
  }
}

/** The memo's build identity is main.js: every bundle is built from the same sources at once. */
function replayed(): boolean {
  const command = { argv, cwd: process.cwd(), bundlePath: mainBundle };
  const exitCode = replayMemo(command, process.env, startedMs, writeStdout);
  if (exitCode === null) return false;
  process.exitCode = exitCode;
  return true;
}

/** A discovery cache in the cwd's `.fastest/` or a parent's: most files then need no parse. */
function hasDiscoveryCache(): boolean {
  return selfAndParents(process.cwd()).some((dir) => existsSync(join(dir, '.fastest', 'discovery.json')));
}

/** Parse threads for a discovery that will parse every file; unreferenced until a parse uses them. */
function prestartParseThreads(): NodeWorkerThreads.Worker[] {
  // Loaded here, not at the top: a replay needs neither, and worker_threads costs a few ms to load.
  const require = createRequire(import.meta.url);
  const forced = forcedParseThreads(process.env);
  if (forced === null && nativeGrammarInstalled(process.env, (name) => require.resolve(name))) return [];
  const { availableParallelism } = require('node:os') as typeof NodeOs;
  const { Worker } = require('node:worker_threads') as typeof NodeWorkerThreads;
  const count = forced ?? Math.min(availableParallelism(), MAX_PARSE_THREADS);
  const entry = join(here, 'parse-worker.js');
  const cacheServesFiles = !argv.includes('--no-cache') && hasDiscoveryCache();
  if (count === 0 || cacheServesFiles || !existsSync(entry)) return [];
  return Array.from({ length: count }, () => {
    const thread = new Worker(entry);
    thread.unref();
    return thread;
  });
}

/**
 * A run's Python workers, started now so that their start overlaps the main bundle's load; the
 * run takes them when it asks for the same processes, and ends them otherwise (runner/early.ts).
 */
function startWorkersEarly(): EarlyStart | undefined {
  const workers: EarlyStart['workers'] = [];
  // Whatever way the process ends before the run takes them (a bundle that fails to load...).
  process.once('exit', () => endUnsettled(workers));
  try {
    const cwd = process.cwd();
    const key = earlyKey(argv, cwd, process.env);
    const { plan, start, recorded, env } = earlyPlan(argv, cwd, process.env, key);
    if (plan) workers.push(...startEarlyWorkers(plan, env, start));
    return { key, plan, recorded, workers };
  } catch {
    endUnsettled(workers);
    return undefined; // (a deleted cwd...): the run starts its workers itself
  }
}

const helpOrVersion = argv.some((a) => a === '-h' || a === '--help' || a === '-V' || a === '--version');
const discovering = argv[0] === 'discover' && !helpOrVersion;
const running = !helpOrVersion && !['discover', 'plan', 'merge', 'watch'].includes(argv[0]);
if (!(discovering && replayed())) {
  const handoff: Handoff = { parseThreads: discovering ? prestartParseThreads() : [], early: running ? startWorkersEarly() : undefined };
  const bundle = discovering ? discoverBundle : mainBundle;
  let loaded: { runCli: (argv: string[], handoff: Handoff) => Promise<void> };
  try {
    loaded = loadBundle(bundle, process.env, createRequire(import.meta.url)) as typeof loaded;
  } catch (error) {
    process.stderr.write(`fastest: cannot load ${bundle}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(ExitCode.INTERNAL_ERROR);
  }
  void loaded.runCli(argv, handoff);
}
