// Private directories a run makes outside the project (the workers' state files in /dev/shm, the
// warm parent's socket): removed when the run ends, at exit, and by the CLI's signal handler before
// it ends the process by the signal (no 'exit' event then).
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const live = new Set<string>();
let hooked = false;

/** A new private directory under `base`, removed by releaseScratchDir or removeScratchDirs. */
export function scratchDir(base: string, prefix: string): string {
  const dir = mkdtempSync(join(base, prefix));
  live.add(dir);
  if (!hooked) {
    hooked = true;
    process.on('exit', removeScratchDirs);
  }
  return dir;
}

export function releaseScratchDir(dir: string): void {
  live.delete(dir);
  rmSync(dir, { recursive: true, force: true });
}

/** Removes every directory still held (a run ended by a signal). */
export function removeScratchDirs(): void {
  for (const dir of [...live]) {
    try {
      releaseScratchDir(dir);
    } catch {
      live.delete(dir);
    }
  }
}
