// `fastest plan` and `fastest merge`: argument parsing, files in and out, exit codes.
// The logic lives in plan.ts, timings.ts and report/merge.ts; this is the thin shell around it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestItem } from '../types.js';
import { Fence } from '../report/fence.js';
import { mergeJUnit } from '../merge/merge.js';
import { renderSummary } from '../merge/summary.js';
import { expandGlobs } from './glob.js';
import { makePlan, matrixJson, PlanError, readPlan, type Plan } from './plan.js';
import { learnTimings } from '../merge/learn.js';
import { DEFAULT_TIMINGS_PATH, loadTimings, saveTimings } from './timings.js';

export const EXIT_OK = 0;
export const EXIT_TESTS_FAILED = 1;
export const EXIT_INTERNAL = 3;
export const EXIT_USAGE = 4;
export const EXIT_NO_TESTS = 5;

/** Where the commands write; tests pass their own. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

class UsageError extends Error {}

interface ParsedArgs {
  positional: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

/** `--name value`, `--name=value` and bare `--flag`; anything else starting with `-` is an error. */
function parseArgs(argv: string[], valued: string[], bare: string[]): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], values: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      parsed.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (bare.includes(name) && eq < 0) {
      parsed.flags.add(name);
    } else if (valued.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${name} expects a value`);
      parsed.values.set(name, value);
    } else {
      throw new UsageError(`unrecognized argument: ${arg}`);
    }
  }
  return parsed;
}

function positiveNumber(args: ParsedArgs, name: string): number | undefined {
  const raw = args.values.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${name} expects a positive number of seconds, got '${raw}'`);
  return value;
}

function writeFileCreatingDirs(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * fastest plan --shards N|auto [--target-seconds S] [--job-overhead-seconds S] [--timings FILE]
 *              [--out plan.json] [--matrix] [PATHS]
 * Writes the plan to --out (or stdout); --matrix prints the Actions matrix JSON on stdout.
 */
export async function planCommand(
  argv: string[],
  discover: (paths: string[]) => Promise<TestItem[]>,
  io: CommandIO = processIO,
): Promise<number> {
  try {
    const args = parseArgs(argv, ['--shards', '--target-seconds', '--job-overhead-seconds', '--timings', '--out'], ['--matrix']);
    const shardsArg = args.values.get('--shards');
    if (shardsArg === undefined) throw new UsageError('--shards N|auto is required');
    let shards: number | 'auto';
    if (shardsArg === 'auto') shards = 'auto';
    else if (/^\d+$/.test(shardsArg) && Number(shardsArg) >= 1 && Number(shardsArg) <= 256) shards = Number(shardsArg);
    else throw new UsageError(`--shards expects a number from 1 to 256 or 'auto', got '${shardsArg}'`);
    const targetSeconds = positiveNumber(args, '--target-seconds');
    const jobOverheadSeconds = positiveNumber(args, '--job-overhead-seconds');
    const out = args.values.get('--out');
    const matrix = args.flags.has('--matrix');
    if (matrix && out === undefined) throw new UsageError('--matrix prints the matrix on stdout, so the plan needs --out FILE');

    const loaded = loadTimings(args.values.get('--timings') ?? DEFAULT_TIMINGS_PATH);
    if (loaded.warning) io.stderr(`fastest plan: warning: ${loaded.warning}\n`);
    const items = await discover(args.positional);
    if (items.length === 0) {
      io.stderr('fastest plan: no tests collected, nothing to plan\n');
      return EXIT_NO_TESTS;
    }
    const plan = makePlan(items, loaded.store, { shards, targetSeconds, jobOverheadSeconds });
    const planText = `${JSON.stringify(plan)}\n`;
    if (out !== undefined) writeFileCreatingDirs(out, planText);
    if (matrix) io.stdout(`${matrixJson(plan)}\n`);
    else if (out === undefined) io.stdout(planText);
    const makespan = Math.max(...plan.shards.map((s) => s.predicted));
    const known = loaded.store.runs > 0 ? `from ${loaded.store.runs} learned run(s)` : 'with no timings yet (even split by count)';
    io.stderr(
      `fastest plan: ${items.length} tests in ${plan.shards.length} shard(s), predicted ${makespan.toFixed(1)}s per shard at most, ${plan.total.toFixed(1)}s in all, ${known}\n`,
    );
    return EXIT_OK;
  } catch (err) {
    return reportError('plan', err, io);
  }
}

/**
 * fastest merge GLOB... [--plan plan.json] [--out merged.xml] [--summary summary.md]
 *               [--timings-out FILE] [--timings FILE]
 * Exit 1 when a test failed, a planned test is missing, a test ran twice or a file was malformed;
 * 5 when the files hold no testcase; 4 when nothing matches.
 */
export async function mergeCommand(argv: string[], io: CommandIO = processIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Ids, messages and parse errors come from the JUnit files: fenced on GitHub, as `fastest` runs fence.
  const fence = new Fence(env.GITHUB_ACTIONS === 'true', io.stderr);
  try {
    const args = parseArgs(argv, ['--plan', '--out', '--summary', '--timings-out', '--timings'], []);
    if (args.positional.length === 0) throw new UsageError('give the JUnit files to merge (paths or globs)');
    const files = expandGlobs(args.positional);
    if (files.length === 0) throw new UsageError(`no JUnit file matches ${args.positional.join(' ')}`);
    const planPath = args.values.get('--plan');
    let plan: Plan | undefined;
    if (planPath !== undefined) {
      try {
        plan = readPlan(planPath);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    }
    const timingsOut = args.values.get('--timings-out');
    const result = mergeJUnit(files, { plan, out: args.values.get('--out'), observeTimings: timingsOut !== undefined });
    fence.block(result.malformed.map((bad) => `fastest merge: skipping ${bad.file}: malformed JUnit XML: ${bad.error}\n`).join(''));

    const summary = args.values.get('--summary');
    if (summary !== undefined) writeFileCreatingDirs(summary, renderSummary(result));
    if (timingsOut !== undefined && result.observation !== undefined && result.counts.tests > 0) {
      const previous = loadTimings(args.values.get('--timings') ?? timingsOut);
      if (previous.warning) fence.block(`fastest merge: warning: ${previous.warning}\n`);
      saveTimings(timingsOut, learnTimings(previous.store, result.observation));
    }

    fence.block(idList('planned test(s) have no result', result.missing) + notCollectedLine(result.notCollected ?? []) + idList('test(s) ran more than once', result.duplicates, result.duplicateCount));
    const { counts } = result;
    const failed = counts.failed + counts.error + counts.teardownErrors;
    const parts = [
      counts.failed && `${counts.failed} failed`,
      counts.passed && `${counts.passed} passed`,
      counts.skipped && `${counts.skipped} skipped`,
      counts.xfailed && `${counts.xfailed} xfailed`,
      counts.xpassed && `${counts.xpassed} xpassed`,
      counts.error + counts.teardownErrors && `${counts.error + counts.teardownErrors} error${counts.error + counts.teardownErrors === 1 ? '' : 's'}`,
      result.missing.length && `${result.missing.length} missing`,
    ].filter((p): p is string => typeof p === 'string');
    io.stdout(`merged ${files.length - result.malformed.length} of ${files.length} JUnit file(s): ${parts.join(', ') || 'no tests'}\n`);
    if (failed > 0 || result.missing.length > 0 || result.duplicateCount > 0 || result.malformed.length > 0) return EXIT_TESTS_FAILED;
    if (counts.tests === 0) return EXIT_NO_TESTS;
    return EXIT_OK;
  } catch (err) {
    // A bad plan's or file's message may quote what it read.
    return reportError('merge', err, { stdout: io.stdout, stderr: (text) => fence.block(text) });
  }
}

/** Planned ids their modules do not define (pytest never collects them): information, not a loss. */
function notCollectedLine(ids: string[]): string {
  if (ids.length === 0) return '';
  const more = ids.length > 5 ? `, ... and ${ids.length - 5} more` : '';
  return `fastest merge: ${ids.length} planned test(s) not collected (their modules do not define them; not counted): ${ids.slice(0, 5).join(', ')}${more}\n`;
}

function idList(what: string, ids: string[], total: number = ids.length): string {
  if (total === 0) return '';
  const shown = ids.slice(0, 50);
  const more = total > shown.length ? `  ... and ${total - shown.length} more\n` : '';
  return `fastest merge: ${total} ${what}:\n${shown.map((id) => `  ${id}\n`).join('')}${more}`;
}

function reportError(command: string, err: unknown, io: CommandIO): number {
  if (err instanceof UsageError || err instanceof PlanError) {
    io.stderr(`fastest ${command}: error: ${err.message}\n`);
    return EXIT_USAGE;
  }
  const code = (err as NodeJS.ErrnoException).code;
  io.stderr(`fastest ${command}: internal error: ${code ? `${code} ` : ''}${(err as Error).message?.split('\n')[0] ?? String(err)}\n`);
  return EXIT_INTERNAL;
}
