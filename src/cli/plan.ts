// `fastest plan`: discover, plan the shards from the timings store, write the plan (and the
// Actions matrix). The planning is shard/plan.ts; this is the shell around it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { makePlan, matrixJson, planLine } from '../shard/plan.js';
import { DEFAULT_TIMINGS_PATH, loadTimings } from '../shard/timings.js';
import { SelectionError } from '../select/index.js';
import { ExitCode, type TestItem } from '../types.js';
import { parseCommandArgs, UsageError } from './args.js';
import { errorOutcome } from './finish.js';

/** Where a command writes; tests pass their own. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export function writeFileCreatingDirs(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * fastest plan --shards N|auto [--target-seconds S] [--job-overhead-seconds S] [--timings FILE]
 *              [--out plan.json] [--matrix] [PATHS]
 * Writes the plan to --out (or stdout); --matrix prints the Actions matrix JSON on stdout.
 */
export async function planCommand(argv: string[], discover: (paths: string[]) => Promise<TestItem[]>, io: CommandIO = processIO): Promise<number> {
  try {
    const options = parseCommandArgs('plan', argv);
    if (options.shards === null) throw new UsageError('--shards N|auto is required');
    const { out, matrix } = options;
    if (matrix && out === null) throw new UsageError('--matrix prints the matrix on stdout, so the plan needs --out FILE');

    const loaded = loadTimings(options.timings ?? DEFAULT_TIMINGS_PATH);
    if (loaded.warning) io.stderr(`fastest plan: warning: ${loaded.warning}\n`);
    const items = await discover(options.paths);
    if (items.length === 0) {
      io.stderr('fastest plan: no tests collected, nothing to plan\n');
      return ExitCode.NO_TESTS_COLLECTED;
    }
    const plan = makePlan(items, loaded.store, {
      shards: options.shards,
      targetSeconds: options.targetSeconds ?? undefined,
      jobOverheadSeconds: options.jobOverheadSeconds ?? undefined,
    });
    const planText = `${JSON.stringify(plan)}\n`;
    if (out !== null) writeFileCreatingDirs(out, planText);
    if (matrix) io.stdout(`${matrixJson(plan)}\n`);
    else if (out === null) io.stdout(planText);
    io.stderr(`fastest plan: ${planLine(plan, items.length, loaded.store.runs)}\n`);
    return ExitCode.OK;
  } catch (err) {
    const { exitCode, line } = planErrorOutcome(err);
    io.stderr(line);
    return exitCode;
  }
}

/** How a plan ends on an error: a node id its module does not make in pytest's words (as `pytest ID`), others as `fastest plan: ...`. */
export function planErrorOutcome(err: unknown): { exitCode: number; line: string } {
  if (err instanceof SelectionError) return { exitCode: err.exitCode, line: `ERROR: ${err.message}\n\n` };
  return errorOutcome(err, 'plan');
}
