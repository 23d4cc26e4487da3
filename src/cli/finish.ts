// The end of every command, whichever bundle runs it: the exit code it returned, or its error as
// one line and pytest's exit code.
import type { Worker } from 'node:worker_threads';
import type { EarlyStart } from '../runner/early.js';
import { RunnerError } from '../runner/errors.js';
import { ExitCode } from '../types.js';
import { UsageError } from './args.js';
import { exitQuietlyOnBrokenPipe } from './broken-pipe.js';

/** What the executable (entry.ts) started before loading a bundle. */
export interface Handoff {
  parseThreads: Worker[];
  /** Python workers of a run, started before the bundle loaded (runner/early.ts). */
  early?: EarlyStart;
}

function exitCodeOf(error: unknown): number | null {
  if (error && typeof error === 'object' && 'exitCode' in error && typeof (error as { exitCode: unknown }).exitCode === 'number') {
    return (error as { exitCode: number }).exitCode;
  }
  return null;
}

/**
 * The one line and exit code an error ends a command with: a usage error (a UsageError, or any
 * error carrying exit code 4: bad config, bad plan...) as pytest words it (`ERROR: ...`), or as
 * `fastest plan: error: ...` for the commands pytest has not (`command`); an error carrying its
 * own exit code with its message; anything else as an internal error.
 */
export function errorOutcome(error: unknown, command?: 'plan' | 'merge'): { exitCode: number; line: string } {
  const code = exitCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RunnerError && error.verbatim) return { exitCode: error.exitCode, line: message };
  if (code === ExitCode.USAGE_ERROR || error instanceof UsageError) {
    return {
      exitCode: ExitCode.USAGE_ERROR,
      line: command ? `fastest ${command}: error: ${message}\n` : `ERROR: ${message}\n${(error as { blankLine?: boolean }).blankLine === true ? '\n' : ''}`,
    };
  }
  const who = command ? `fastest ${command}` : 'fastest';
  if (code !== null) return { exitCode: code, line: `${who}: ${message}\n` };
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  const detail = error instanceof Error && process.env.FASTEST_DEBUG ? error.stack : command ? `${errno ? `${errno} ` : ''}${message.split('\n')[0]}` : message;
  return { exitCode: ExitCode.INTERNAL_ERROR, line: `${who}: internal error: ${detail}\n` };
}

export function finishCommand(command: Promise<number>): Promise<void> {
  exitQuietlyOnBrokenPipe();
  return command.then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const { exitCode, line } = errorOutcome(error);
      process.stderr.write(line);
      process.exitCode = exitCode;
    },
  );
}
