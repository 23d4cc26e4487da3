// Coverage across CI jobs: each job keeps its combined data file beside its JUnit file
// (`junit-K.coverage`) with the directory it ran in (`junit-K.coverage-root`); the merge combines
// every job's data into one, the paths of each job's checkout mapped onto the merging one's.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { combineCoverage, shardCoveragePath, type CombinedCoverage, type CombineSpec } from './session.js';

/** Beside a job's kept data file: the directory its paths are relative to. */
export function coverageRootPath(dataFile: string): string {
  return `${dataFile}-root`;
}

export function keepCoverageRoot(dataFile: string, root: string): void {
  writeFileSync(coverageRootPath(dataFile), `${root}\n`);
}

/** A job's root, if it reads as a plain absolute path (it came from a job running the tests: untrusted). */
export function readCoverageRoot(dataFile: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(coverageRootPath(dataFile), 'utf8').trim();
  } catch {
    return undefined;
  }
  // coverage.py reads [paths] entries as globs.
  if (text.length > 4096 || !isAbsolute(text) || /[\x00-\x1f*?[\]]/.test(text)) return undefined;
  return text;
}

/** The data files kept beside these JUnit files. */
export function shardDataFiles(junitFiles: string[]): string[] {
  return junitFiles.map(shardCoveragePath).filter((f) => existsSync(f));
}

/** The jobs' data files combined into `outDir` (coverage.xml, lcov.info, coverage.json, .coverage); paths relative to `cwd`. */
export function combineShards(
  python: string,
  outDir: string,
  dataFiles: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  spec: Omit<CombineSpec, 'roots'>,
): Promise<CombinedCoverage> {
  const roots = [...new Set(dataFiles.map(readCoverageRoot).filter((r): r is string => r !== undefined))];
  return combineCoverage(python, outDir, dataFiles, cwd, env, { ...spec, roots });
}
