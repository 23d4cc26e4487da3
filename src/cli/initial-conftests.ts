// pytest imports its initial conftests while it configures, before it collects or lists anything
// (python/fastest_worker/initial_conftests.py): one that fails to import is its usage error (exit
// 4, its text on stderr). `--collect-only -q` lists discovery's ids without a worker, so before
// it prints, one worker imports them (only where a conftest.py is on pytest's way).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dirsUpToRootdir } from '../discovery/walk.js';
import { probePath } from '../memo/inputs.js';
import { runUnits } from '../runner/index.js';
import type { Session } from './session.js';
import { oneWorkerWithoutUnits } from './unlisted.js';

/** A conftest.py pytest could import while it configures: in a directory from the rootdir down
 * to a path collection starts from, or in a `test*` directory of such a directory. */
function mayHaveInitialConftest(session: Session): boolean {
  const rootdir = session.config.rootdir;
  const has = (dir: string) => probePath(join(dir, 'conftest.py')) !== undefined;
  for (const path of session.paths) {
    const directory = probePath(path)?.isDirectory();
    if (directory === undefined) continue; // (a path that does not exist names no conftest)
    if (dirsUpToRootdir(directory ? path : dirname(path), rootdir).some(has)) return true;
    if (!directory) continue;
    try {
      if (readdirSync(path, { withFileTypes: true }).some((entry) => entry.isDirectory() && entry.name.startsWith('test') && has(join(path, entry.name))))
        return true;
    } catch {
      // unreadable: pytest says so when it collects
    }
  }
  return false;
}

/**
 * One worker imports the initial conftests, as pytest's configuration does: a failing one ends
 * the command with pytest's text and exit 4 (a RunnerError the caller reports as it is).
 */
export async function loadInitialConftests(session: Session): Promise<void> {
  if (!mayHaveInitialConftest(session)) return;
  await runUnits([], oneWorkerWithoutUnits(session, { conftestsOnly: true }), {
    result: () => undefined,
    collectionError: () => undefined,
    unitDone: () => undefined,
    workerOutput: () => undefined,
  });
}
