// Python trusts a .pyc whose header holds its source's mtime in whole seconds and its size: a
// source saved twice within one second at the same size would import the first save's code.
// `fastest watch` runs right after each save, so it removes the bytecode of every saved module
// (beside it in __pycache__, and under the pycache prefix the workers use) before the run.
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The .pyc files Python may have written for `source` (absolute), with or without a pycache prefix. */
function bytecodeDirs(source: string, prefixes: string[]): string[] {
  const dir = dirname(source);
  return [join(dir, '__pycache__'), ...prefixes.map((prefix) => join(prefix, dir))];
}

/** Removes the cached bytecode of the saved Python sources (absolute paths). */
export function forgetBytecode(sources: string[], prefixes: string[]): void {
  for (const source of sources) {
    if (!source.endsWith('.py')) continue;
    const stem = basename(source, '.py') + '.';
    for (const dir of bytecodeDirs(source, prefixes)) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue; // none written there
      }
      for (const name of names) if (name.startsWith(stem) && name.endsWith('.pyc')) rmSync(join(dir, name), { force: true });
    }
  }
}
