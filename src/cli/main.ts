// Entry point of `fastest`: dispatch to a command, map every error to one line and an exit code.
import { HELP, splitCommand, UsageError } from './args.js';
import { printDiscovery } from './discover.js';
import { collect, openSession } from './session.js';
import { runCommand } from './run.js';
import { planCommand, mergeCommand } from '../shard/commands.js';
import { VERSION } from './version.js';

function exitCodeOf(error: unknown): number | null {
  if (error && typeof error === 'object' && 'exitCode' in error && typeof (error as { exitCode: unknown }).exitCode === 'number') {
    return (error as { exitCode: number }).exitCode;
  }
  return null;
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
  if (command === 'discover') {
    const jsonOutput = rest.includes('--json');
    const started = performance.now();
    const session = openSession(rest.filter((a) => a !== '--json'), 'discover', process.cwd(), process.env);
    session.options.jsonOutput = jsonOutput;
    const collected = await collect(session);
    for (const w of collected.discovery.warnings) process.stderr.write(`fastest: warning: ${w}\n`);
    return printDiscovery(session, collected, (performance.now() - started) / 1000, write);
  }
  if (command === 'watch') throw new UsageError('fastest watch is not available yet');
  return runCommand(rest, process.cwd(), process.env);
}

main(process.argv.slice(2)).then(
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
