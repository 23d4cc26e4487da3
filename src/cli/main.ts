// Entry point of `fastest`: dispatch to a command, map every error to one line and an exit code.
import { HELP, splitCommand, UsageError } from './args.js';
import { printDiscovery } from './discover.js';
import { realpathSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { adoptParseThreads } from '../discovery/parse-pool.js';
import { fileURLToPath } from 'node:url';
import { writeMemo } from '../memo/discover-memo.js';
import { loggedEnv, startInputLog, takeInputLog } from '../memo/inputs.js';
import { collect, openSession, type Collected, type Session } from './session.js';
import { runCommand } from './run.js';
import { planCommand, mergeCommand } from '../shard/commands.js';
import { VERSION } from './version.js';

function exitCodeOf(error: unknown): number | null {
  if (error && typeof error === 'object' && 'exitCode' in error && typeof (error as { exitCode: unknown }).exitCode === 'number') {
    return (error as { exitCode: number }).exitCode;
  }
  return null;
}

/** `fastest discover`, its inputs logged so that an unchanged repeat can be answered by the entry bundle. */
async function discoverCommand(argv: string[], rest: string[], write: (s: string) => void): Promise<number> {
  const jsonOutput = rest.includes('--json');
  const started = performance.now();
  const cwd = process.cwd();
  startInputLog();
  let collected: Collected;
  let session: Session;
  try {
    session = openSession(rest.filter((a) => a !== '--json'), 'discover', cwd, loggedEnv(process.env));
    session.options.jsonOutput = jsonOutput;
    collected = await collect(session);
  } catch (error) {
    takeInputLog();
    throw error;
  }
  const inputs = takeInputLog();
  const { options } = session;
  const memoable = inputs !== null && !options.noCache && !options.cacheClear && !options.lastFailed && !options.failedFirst &&
    collected.discovery.warnings.length === 0 && collected.discovery.errors.length === 0;
  for (const w of collected.discovery.warnings) process.stderr.write(`fastest: warning: ${w}\n`);
  let stdout = '';
  const exitCode = printDiscovery(session, collected, (performance.now() - started) / 1000, (s) => {
    if (memoable) stdout += s;
    write(s);
  });
  if (memoable && inputs && (exitCode === 0 || exitCode === 5)) {
    const command = { argv, cwd, bundlePath: fileURLToPath(import.meta.url) };
    writeMemo(session.config.rootdir, command, inputs, stdout, exitCode);
  }
  return exitCode;
}

async function main(argv: string[]): Promise<number> {
  const { command, rest } = splitCommand(argv);
  const write = (s: string) => process.stdout.write(s);
  if (rest.includes('-h') || rest.includes('--help')) {
    write(HELP);
    return 0;
  }
  if (rest.includes('-V') || rest.includes('--version')) {
    write(`fastest ${VERSION}\n`);
    return 0;
  }
  if (command === 'plan' || command === 'merge') {
    const discoverForPlan = async (paths: string[]) => {
      const session = openSession(paths, 'discover', process.cwd(), process.env);
      return (await collect(session)).selection.selected;
    };
    return command === 'plan' ? planCommand(rest, discoverForPlan) : mergeCommand(rest);
  }
  if (command === 'discover') return discoverCommand(argv, rest, write);
  if (command === 'watch') throw new UsageError('fastest watch is not available yet');
  return runCommand(rest, process.cwd(), process.env);
}

/** What the executable (entry.ts) started before loading this bundle. */
export interface Handoff {
  parseThreads: Worker[];
}

/** Runs one command to its exit code, which it sets; errors become one line and pytest's exit codes. */
export function runCli(argv: string[], handoff: Handoff = { parseThreads: [] }): Promise<void> {
  adoptParseThreads(handoff.parseThreads);
  return main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const code = exitCodeOf(error);
      const message = error instanceof Error ? error.message : String(error);
      if (code === 4 || error instanceof UsageError) {
        process.stderr.write(`ERROR: ${message}\n`);
        process.exitCode = 4;
      } else if (code !== null) {
        process.stderr.write(`fastest: ${message}\n`);
        process.exitCode = code;
      } else {
        process.stderr.write(`fastest: internal error: ${error instanceof Error && process.env.FASTEST_DEBUG ? error.stack : message}\n`);
        process.exitCode = 3;
      }
    },
  );
}

// `node dist/main.mjs ...` works on its own too (without the entry's memo and early threads).
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) void runCli(process.argv.slice(2));
