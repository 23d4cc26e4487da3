// The `impact_deps` setting: what the import graph cannot see. Each line is `GLOB: TESTPATH...`:
// a changed file matching GLOB (rootdir-relative, matched like pytest's --ignore-glob: a pattern
// without `/` matches the file name, one with `/` the whole path, `*` crossing directories) selects
// the tests under each TESTPATH (rootdir-relative file or directory; none: no tests). A file it
// matches is explained by it: a config or non-Python file no longer selects every test, and a
// Python file no longer selects the tests that import modules by run-time names.
import { fnmatchPath } from '../discovery/fnmatch.js';

export interface ImpactRule {
  glob: string;
  testPaths: string[];
  matches: (path: string) => boolean;
}

export class ImpactDepsError extends Error {}

export function parseImpactDeps(lines: readonly string[]): ImpactRule[] {
  const rules: ImpactRule[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new ImpactDepsError(`impact_deps: expected 'GLOB: TESTPATH...', got '${line}'`);
    const glob = line.slice(0, colon).trim();
    const testPaths = line
      .slice(colon + 1)
      .trim()
      .split(/\s+/)
      .filter((p) => p !== '')
      .map((p) => p.replace(/^\.\//, '').replace(/\/+$/, ''));
    rules.push({ glob, testPaths, matches: (path) => fnmatchPath(glob, path) });
  }
  return rules;
}

/** Whether a test file lies under a TESTPATH (the path itself, or a directory above it; `.` is all). */
export function underTestPath(file: string, testPath: string): boolean {
  return testPath === '.' || testPath === '' || file === testPath || file.startsWith(`${testPath}/`);
}
