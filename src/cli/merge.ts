// `fastest merge`: the shards' JUnit files into one, checked against the plan, with a summary and
// the timings learned. The merge is merge/; this is the shell around it.
import { learnIntoFile } from '../merge/learn.js';
import { mergeJUnit } from '../merge/merge.js';
import { retryAndKnownReport } from '../merge/flaky-report.js';
import { historyOf, type FlakyHistory } from '../merge/history.js';
import { loadTimings } from '../shard/timings.js';
import { renderSummary } from '../merge/summary.js';
import { mergedLine, mergeVerdict, problemReport } from '../merge/verdict.js';
import { Fence } from '../report/fence.js';
import { expandGlobs } from '../shard/glob.js';
import { readPlan, type Plan } from '../shard/plan.js';
import { parseCommandArgs, UsageError } from './args.js';
import { errorOutcome } from './finish.js';
import { mergeCoverageFiles } from './merge-coverage.js';
import { ExitCode } from '../types.js';
import { processIO, writeFileCreatingDirs, type CommandIO } from './plan.js';

/**
 * fastest merge GLOB... [--plan plan.json] [--out merged.xml] [--summary summary.md]
 *               [--timings-out FILE] [--timings FILE] [--fail-on any|new] [--cov-report xml|lcov|json[:DEST]]
 *               [--cov-fail-under N] [--cov-config FILE] [--python PYTHON]
 * Exit codes: merge/verdict.ts; 4 when nothing matches.
 */
export async function mergeCommand(argv: string[], io: CommandIO = processIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Ids, messages and parse errors come from the JUnit files: fenced on GitHub, as `fastest` runs fence.
  const fence = new Fence(env.GITHUB_ACTIONS === 'true', io.stderr);
  try {
    const options = parseCommandArgs('merge', argv);
    if (options.paths.length === 0) throw new UsageError('give the JUnit files to merge (paths or globs)');
    const files = expandGlobs(options.paths);
    if (files.length === 0) throw new UsageError(`no JUnit file matches ${options.paths.join(' ')}`);
    const plan: Plan | undefined = options.plan === null ? undefined : readPlan(options.plan);
    const { timingsOut } = options;
    // The store read holds the default branch's test history: failures are classified against
    // it, and with --timings-out (given where the store is learned: the default branch) this run
    // is added to it.
    const known = knownHistory(options.timings ?? timingsOut);
    const result = mergeJUnit(files, {
      plan,
      out: options.out ?? undefined,
      observeTimings: timingsOut !== null,
      history: known?.history,
      recordHistory: timingsOut !== null,
    });
    const verdict = mergeVerdict(result, options.failOn);
    if (options.summary !== null) writeFileCreatingDirs(options.summary, renderSummary(result, { notes: verdict.note ? [verdict.note] : [] }));
    let warning = known?.warning;
    if (timingsOut !== null && result.observation !== undefined && result.counts.tests > 0) {
      const learned = learnIntoFile(result.observation, timingsOut, options.timings ?? timingsOut, result.known?.history);
      warning ??= learned.warning;
    }
    fence.block(problemReport(result) + retryAndKnownReport(result) + (warning ? `fastest merge: warning: ${warning}\n` : ''));
    if (verdict.note) io.stdout(`fastest merge: ${verdict.note}\n`);
    io.stdout(`${mergedLine(result, files.length)}\n`);
    const coverage = await mergeCoverageFiles(files, options.coverage, options.python, process.cwd(), env);
    // Totals and the names given here: nothing from the data files.
    if (coverage) io.stdout(`${coverage.lines.join('\n')}\n${coverage.failure ? `ERROR: ${coverage.failure}\n` : ''}`);
    const exitCode = verdict.exitCode;
    return coverage?.failure && exitCode !== ExitCode.TESTS_FAILED ? ExitCode.TESTS_FAILED : exitCode;
  } catch (err) {
    // A bad plan's or file's message may quote what it read.
    const { exitCode, line } = errorOutcome(err, 'merge');
    fence.block(line);
    return exitCode;
  }
}

/** The test history in the store at `path` (none without a path; a missing file is an empty history). */
function knownHistory(path: string | null): { history: FlakyHistory; warning?: string } | undefined {
  if (path === null) return undefined;
  const loaded = loadTimings(path);
  const { history, warning } = historyOf(loaded.store, path);
  return { history, warning: loaded.warning ?? warning };
}
