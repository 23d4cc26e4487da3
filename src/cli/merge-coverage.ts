// `fastest merge` with coverage: the data files the jobs kept beside their JUnit files
// (`junit-K.coverage`) combined with coverage.py, the reports asked for with `--cov-report`
// (xml, lcov, json: coverage.py's default file names unless `:DEST`), and `--cov-fail-under`
// (else coverage.py's `fail_under`) judged once on the combined total, with pytest-cov's lines.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { CoverageOptions } from '../coverage/options.js';
import { combineShards, shardDataFiles } from '../coverage/shards.js';
import { findPython } from '../runner/python.js';
import { UsageError } from './args.js';

const MERGE_REPORTS: Record<string, string> = { xml: 'coverage.xml', lcov: 'lcov.info', json: 'coverage.json' };

export interface MergedCoverage {
  /** What to print: the total, the reports written, pytest-cov's fail-under lines. */
  lines: string[];
  /** `Coverage failure: …` when the total is under the fail-under. */
  failure: string | null;
}

/** Null when there is no coverage to merge: no data beside the files and no coverage flag. */
export async function mergeCoverageFiles(
  junitFiles: string[],
  cov: CoverageOptions,
  python: string | null,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<MergedCoverage | null> {
  const asked = Object.keys(cov.reports).filter((r) => r !== '');
  const unsupported = asked.filter((r) => MERGE_REPORTS[r] === undefined);
  if (unsupported.length > 0) throw new UsageError(`--cov-report=${unsupported[0]}: fastest merge writes xml, lcov and json reports`);
  const dataFiles = shardDataFiles(junitFiles.map((f) => resolve(cwd, f)));
  if (dataFiles.length === 0) {
    if (asked.length > 0 || cov.failUnder !== null)
      throw new UsageError('no coverage data beside the JUnit files (junit-K.coverage, kept by runs with --cov on CI)');
    return null;
  }
  const work = mkdtempSync(join(tmpdir(), 'fastest-merge-cov-'));
  try {
    const combined = await combineShards(findPython(python, env), work, dataFiles, cwd, env, {
      config: cov.config,
      failUnder: cov.failUnder,
      precision: cov.precision,
    });
    const lines = [`coverage: ${combined.totalText ?? combined.total}% combined from ${dataFiles.length} data file(s)`];
    for (const type of asked) {
      const dest = resolve(cwd, cov.reports[type] || (MERGE_REPORTS[type] as string));
      mkdirSync(dirname(dest), { recursive: true });
      copyFileSync(join(work, MERGE_REPORTS[type] as string), dest);
      lines.push(`Coverage ${type === 'lcov' ? 'LCOV' : type.toUpperCase()} written to file ${cov.reports[type] || MERGE_REPORTS[type]}`);
    }
    if (combined.required) lines.push(combined.required);
    return { lines, failure: combined.failure ?? null };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
