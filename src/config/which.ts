// Where a command is found on PATH, as a shell would start it: shared by the runner (which
// interpreter runs the workers) and discovery (which interpreter its guards are evaluated for).
import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where `command` is found on PATH (or itself when it is a path). */
export function onPath(command: string, env: NodeJS.ProcessEnv): string | null {
  if (command.includes('/')) return existsSync(command) ? command : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}
