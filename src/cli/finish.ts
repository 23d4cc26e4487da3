// The end of every command, whichever bundle runs it: the exit code it returned, or its error as
// one line and pytest's exit code.
import type { Worker } from 'node:worker_threads';
import { UsageError } from './args.js';
import { exitQuietlyOnBrokenPipe } from './broken-pipe.js';

/** What the executable (entry.ts) started before loading a bundle. */
export interface Handoff {
  parseThreads: Worker[];
}

function exitCodeOf(error: unknown): number | null {
  if (error && typeof error === 'object' && 'exitCode' in error && typeof (error as { exitCode: unknown }).exitCode === 'number') {
    return (error as { exitCode: number }).exitCode;
  }
  return null;
}

export function finishCommand(command: Promise<number>): Promise<void> {
  exitQuietlyOnBrokenPipe();
  return command.then(
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
