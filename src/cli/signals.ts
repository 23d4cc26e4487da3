// Signals that end fastest: every worker (and what its tests started) goes with it, and the exit
// is pytest's. SIGINT is pytest's KeyboardInterrupt, exit 2 with its summary: the pool stops the
// run when one is under way (run.ts), and before that the workers are ended here. SIGTERM and
// SIGHUP end pytest by the signal itself (Python installs no handler for them): fastest ends its
// workers, then itself by the same signal.
import { killAllWorkerGroups } from '../runner/worker.js';
import { removeScratchDirs } from '../runner/scratch.js';
import { sepLine } from '../report/color.js';
import { ExitCode } from '../types.js';

const FATAL: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];

/** Installs the handlers for a run; returns their removal. */
export function handleSignals(started: number): () => void {
  const onFatal = (signal: NodeJS.Signals) => {
    killAllWorkerGroups();
    // Ending by the signal skips 'exit' handlers: the state files in /dev/shm go first.
    removeScratchDirs();
    remove();
    process.kill(process.pid, signal);
  };
  const fatalHandlers = FATAL.map((signal) => [signal, () => onFatal(signal)] as const);
  const onSigint = () => {
    // The pool's own listener is there while tests run: it stops them and the summary follows.
    if (process.listenerCount('SIGINT') > 1) return;
    killAllWorkerGroups();
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`\n${sepLine('!', 'KeyboardInterrupt', 80)}\n${sepLine('=', `no tests ran in ${seconds.toFixed(2)}s`, 80)}\n`);
    remove();
    process.exit(ExitCode.INTERRUPTED);
  };
  const remove = () => {
    for (const [signal, handler] of fatalHandlers) process.removeListener(signal, handler);
    process.removeListener('SIGINT', onSigint);
  };
  for (const [signal, handler] of fatalHandlers) process.on(signal, handler);
  process.on('SIGINT', onSigint);
  return remove;
}
