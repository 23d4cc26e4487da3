// How many workers a run starts. Each worker pays a fixed cost before its first test (Python,
// pytest, the plugins, the collection pass importing every module of the run); a worker more
// only pays for itself when it takes at least that much test time off the others. A small suite
// (a hundred quick tests) finishes sooner, and with half the CPU, on one worker. The last run's
// measures are kept in .fastest/run-cost.json: each worker's cost up to the end of its
// collection pass, and each file's test time.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const COST_FILE = 'run-cost.json';
const COST_VERSION = 1;
/** Files kept in the record; a bigger suite keeps its largest files' measures. */
const MAX_FILES = 20_000;

/** A worker's cost up to its first test, when no run has measured it yet (pytest and a few plugins). */
export const COLD_WORKER_SECONDS = 0.5;
/** A test's time when no run has measured its file: a real suite's typical body under pytest. */
export const COLD_TEST_SECONDS = 0.002;

export interface FileCost {
  /**
   * Seconds of the file's units (setup, tests, teardown), all workers together: wall seconds
   * times the worker's share of a core, i.e. about what they take on an idle machine.
   */
  seconds: number;
  /** Tests those units reported. */
  tests: number;
}

export interface RunCost {
  /** A worker's cost up to the end of its collection pass (CPU seconds where measurable). */
  workerSeconds: number;
  files: Record<string, FileCost>;
}

/** What one run measured (pool.ts). */
export interface MeasuredCost {
  /** Each started worker's cost up to the end of its collection pass. */
  workerSeconds: number[];
  files: Map<string, FileCost>;
}

export function readRunCost(cacheDir: string): RunCost | null {
  try {
    const data = JSON.parse(readFileSync(join(cacheDir, COST_FILE), 'utf8')) as { version?: unknown; workerSeconds?: unknown; files?: unknown };
    if (data.version !== COST_VERSION || !finite(data.workerSeconds) || typeof data.files !== 'object' || data.files === null) return null;
    const files: Record<string, FileCost> = Object.create(null) as Record<string, FileCost>;
    for (const [file, cost] of Object.entries(data.files as Record<string, unknown>)) {
      const c = cost as Partial<FileCost> | null;
      if (c && finite(c.seconds) && finite(c.tests)) files[file] = { seconds: c.seconds, tests: c.tests };
    }
    return { workerSeconds: data.workerSeconds, files };
  } catch {
    return null; // none yet, or unreadable: the cold estimate, and measured again
  }
}

function finite(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0;
}

/** The record updated with a run's measures (files it did not run keep theirs). */
export function writeRunCost(cacheDir: string, measured: MeasuredCost, previous: RunCost | null): void {
  const started = measured.workerSeconds.filter((s) => Number.isFinite(s) && s > 0);
  if (started.length === 0 && measured.files.size === 0) return;
  const files = Object.assign(Object.create(null) as Record<string, FileCost>, previous?.files);
  for (const [file, cost] of measured.files) files[file] = { seconds: round(cost.seconds), tests: cost.tests };
  let entries = Object.entries(files);
  if (entries.length > MAX_FILES) entries = entries.sort((a, b) => b[1].seconds - a[1].seconds).slice(0, MAX_FILES);
  const workerSeconds =
    started.length > 0 ? round(started.sort((a, b) => a - b)[Math.floor((started.length - 1) / 2)]) : (previous?.workerSeconds ?? COLD_WORKER_SECONDS);
  const path = join(cacheDir, COST_FILE);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: COST_VERSION, workerSeconds, files: Object.fromEntries(entries) }) + '\n');
    renameSync(temporary, path);
  } catch {
    // a read-only checkout: the next run estimates again
  }
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Expected seconds of a run's tests: in all, and of its longest file that one worker runs whole. */
export interface ExpectedSeconds {
  tests: number;
  longestFile: number;
}

/** A file expected to take this long is cut into pieces for several workers (schedule.ts). */
const SPLIT_FILE_SECONDS = 1;

/**
 * Tests a module is taken to hold when discovery lists none of them and no run has measured it: its
 * tests are made as it is collected (pytest-describe's blocks, a hook's), which on a first run
 * only the collection pass counts. graphql-core's 158 such modules hold 21 each.
 */
export const COLD_UNLISTED_MODULE_TESTS = 10;

/**
 * The test time of a run that selects `testsPerFile` (tests per rootdir-relative file): measured
 * files scaled by the share of their tests selected, others at the record's mean per test (the
 * cold estimate without a record). `unlisted`: test modules discovery lists no test of, which the
 * collection pass may find tests in: their last measure, or COLD_UNLISTED_MODULE_TESTS tests.
 */
export function estimatedTestSeconds(cost: RunCost | null, testsPerFile: Map<string, number>, unlisted: readonly string[] = []): ExpectedSeconds {
  let measuredSeconds = 0;
  let measuredTests = 0;
  for (const file of Object.values(cost?.files ?? {})) {
    measuredSeconds += file.seconds;
    measuredTests += file.tests;
  }
  const perTest = measuredTests > 0 ? measuredSeconds / measuredTests : COLD_TEST_SECONDS;
  let total = 0;
  let longestFile = 0;
  const add = (seconds: number) => {
    total += seconds;
    if (seconds < SPLIT_FILE_SECONDS) longestFile = Math.max(longestFile, seconds);
  };
  for (const [file, tests] of testsPerFile) {
    const known = cost?.files[file];
    add(known && known.tests > 0 ? (known.seconds / known.tests) * tests : perTest * tests);
  }
  for (const file of unlisted) if (!testsPerFile.has(file)) add(cost?.files[file]?.seconds ?? perTest * COLD_UNLISTED_MODULE_TESTS);
  return { tests: total, longestFile };
}

/**
 * The test time of a module discovery has just listed `listed` tests of, on a first run (no
 * record): as the rest are read, the workers it already needs are started.
 */
export function listedModuleSeconds(listed: number): number {
  return (listed > 0 ? listed : COLD_UNLISTED_MODULE_TESTS) * COLD_TEST_SECONDS;
}

/** The record's test time for its whole suite (before discovery: the workers to start ahead). */
export function recordedTestSeconds(cost: RunCost): ExpectedSeconds {
  const files = Object.values(cost.files).map((file) => file.seconds);
  return { tests: files.reduce((sum, s) => sum + s, 0), longestFile: Math.max(0, ...files.filter((s) => s < SPLIT_FILE_SECONDS)) };
}

/**
 * Workers, up to `max`, such that each one more takes at least half its own start-up cost off
 * the run's wall time: n workers finish the tests in about max(tests / n, longest file).
 * (Half: beside the others a worker's start costs CPU more than wall.)
 */
export function workersWorthStarting(max: number, expected: ExpectedSeconds, workerSeconds: number): number {
  const wall = (n: number) => Math.max(expected.tests / n, expected.longestFile);
  let n = 1;
  while (n < max && wall(n) - wall(n + 1) >= workerSeconds / 2) n++;
  return n;
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: the unit of /proc/PID/stat's times on Linux

/** A process's user + system CPU seconds so far (Linux /proc), or undefined elsewhere. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // after the command name (which may hold spaces and parentheses): state is field 3, utime 14, stime 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / CLOCK_TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}
