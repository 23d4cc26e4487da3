// Entry point of `fastest`: dispatch to a command, map every error to one line and an exit code.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { adoptParseThreads } from '../discovery/parse-pool.js';
import { adoptEarlyWorkers, settleEarlyWorkers } from '../runner/early.js';
import { HELP, splitCommand } from './args.js';
import { discoverCommand } from './discover.js';
import { finishCommand, type Handoff } from './finish.js';
import { collect, openSession } from './session.js';
import { runCommand } from './run.js';
import { checkUnlistedIds } from './unlisted.js';
import { mergeCommand } from './merge.js';
import { planCommand } from './plan.js';
import { watchCommand } from './watch.js';
import { VERSION } from './version.js';
import { ExitCode } from '../types.js';

async function main(argv: string[]): Promise<number> {
  const { command, rest } = splitCommand(argv);
  const write = (s: string) => process.stdout.write(s);
  if (rest.includes('-h') || rest.includes('--help')) {
    write(HELP);
    return ExitCode.OK;
  }
  if (rest.includes('-V') || rest.includes('--version')) {
    write(`fastest ${VERSION}\n`);
    return ExitCode.OK;
  }
  if (command === 'plan' || command === 'merge') {
    const discoverForPlan = async (paths: string[]) => {
      const session = openSession(paths, 'discover', process.cwd(), process.env);
      const collected = await collect(session);
      await checkUnlistedIds(session, collected);
      return collected.selection.selected;
    };
    return command === 'plan' ? planCommand(rest, discoverForPlan) : mergeCommand(rest);
  }
  if (command === 'discover') return discoverCommand(argv, rest, write);
  if (command === 'watch') return watchCommand(rest, process.cwd(), process.env);
  if (rest.includes('--watch'))
    return watchCommand(
      rest.filter((arg) => arg !== '--watch'),
      process.cwd(),
      process.env,
    );
  return runCommand(rest, process.cwd(), process.env);
}

/** Runs one command to its exit code, which it sets; errors become one line and pytest's exit codes. */
export function runCli(argv: string[], handoff: Handoff = { parseThreads: [] }): Promise<void> {
  adoptParseThreads(handoff.parseThreads);
  adoptEarlyWorkers(handoff.early);
  // A command that never reached its workers' start (an error, --help...) ends the early ones.
  return finishCommand(main(argv).finally(() => settleEarlyWorkers(process.cwd(), null, false)));
}

// `node dist/main.js ...` works on its own too (without the entry's memo and early threads).
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) void runCli(process.argv.slice(2));
