// The session side of `--cov`: before the run, coverage.py's configuration read and old data
// erased; after it, the workers' data files combined and pytest-cov's reports made
// (python/fastest_worker/coverage_session.py). Workers measure themselves (the init frame's
// `coverage` member, python/fastest_worker/coverage_measure.py).
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from '../config/errors.js';
import { RunnerError } from '../runner/errors.js';
import { runtimePythonPath } from '../runner/python.js';
import { coverageReports, coverageSources, type CoverageOptions } from './options.js';

/** What a worker and the session helper are told (the init frame's `coverage`). */
export interface CoverageSpec {
  source: string[] | null;
  branch: boolean | null;
  config: string;
  reports: Record<string, string | null>;
  failUnder: number | null;
  precision: number | null;
  append: boolean;
  noCovOnFail: boolean;
  context: 'test' | null;
  /** The invocation directory: pytest-cov reads its sources, config and data file from there. */
  topdir: string;
  /** Terminal width for the report's `coverage: platform …` line (0: Python's own guess). */
  width: number;
}

/** pytest-cov's end of the run, as the console prints it (report/console.ts `CoverageSummary`). */
export interface CoverageOutcome {
  /** `Coverage failure: total of … is less than fail-under=…` (printed right after the run). */
  failure: string | null;
  /** `Failed to generate report: …` */
  warning: string | null;
  /** The `tests coverage` section's text ('' when nothing is reported). */
  report: string;
  /** `[FAIL ]Required test coverage of N% [not ]reached. Total coverage: T%` */
  required: { text: string; failed: boolean } | null;
  /** The total is under --cov-fail-under: the run's exit code is 1. */
  failed: boolean;
  total: number | null;
}

export function coverageSpec(cov: CoverageOptions, topdir: string, width: number): CoverageSpec {
  return {
    source: coverageSources(cov),
    branch: cov.branch,
    config: cov.config,
    reports: coverageReports(cov),
    failUnder: cov.failUnder,
    precision: cov.precision,
    append: cov.append,
    noCovOnFail: cov.noCovOnFail,
    context: cov.context,
    topdir,
    width,
  };
}

const HELPER = 'import sys; from fastest_worker.coverage_session import main; sys.exit(main())';

function runHelper(python: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(python, ['-c', HELPER, ...args], { cwd, env: { ...env, PYTHONPATH: runtimePythonPath(env.PYTHONPATH) }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolvePromise(stdout);
      const line = (stderr ?? '').trim().split('\n').filter(Boolean).pop() ?? error.message;
      if (typeof error.code === 'number' && error.code === 4) return reject(new ConfigError(line));
      reject(new RunnerError(`coverage: ${line}`));
    });
  });
}

/** coverage.py importable, its configuration readable; previous data erased unless --cov-append. */
export async function prepareCoverage(python: string, spec: CoverageSpec, env: NodeJS.ProcessEnv): Promise<{ dataFile: string; warning?: string }> {
  return JSON.parse(await runHelper(python, ['prepare', JSON.stringify(spec)], spec.topdir, env)) as { dataFile: string; warning?: string };
}

/** Every worker's data combined into the data file, then the reports; call after the workers exit. */
export async function finishCoverage(python: string, spec: CoverageSpec, testsFailed: boolean, env: NodeJS.ProcessEnv): Promise<CoverageOutcome> {
  const out = await runHelper(python, ['finish', JSON.stringify({ ...spec, testsFailed })], spec.topdir, env);
  return JSON.parse(out) as CoverageOutcome;
}

export interface CombinedCoverageFile {
  file: string;
  statements: number;
  missing: number;
  branches: number;
  partialBranches: number;
  percent: number;
}

export interface CombinedCoverage {
  total: number;
  /** The combined `.coverage` in the output folder. */
  dataFile: string;
  files: CombinedCoverageFile[];
  /** The total as coverage.py displays it at `precision` (`87.5`). */
  totalText?: string;
  precision?: number;
  /** The fail-under in force (given, else coverage.py's `fail_under`), if any. */
  failUnder?: number | null;
  /** pytest-cov's `Coverage failure: total of … is less than fail-under=…`, when under it. */
  failure?: string | null;
  /** pytest-cov's `[FAIL ]Required test coverage of N% [not ]reached. Total coverage: T%`. */
  required?: string | null;
}

/** How to combine (the Action's merge): all optional. */
export interface CombineSpec {
  /** `--cov-config`. */
  config?: string;
  /** The project directories the shards ran in: their paths are mapped onto `cwd`. */
  roots?: string[];
  failUnder?: number | null;
  precision?: number | null;
}

/**
 * Shards: the coverage data files of several jobs combined into `outDir/.coverage`, with
 * `coverage.xml` (Cobertura), `lcov.info` and `coverage.json` beside it. Paths in the reports are
 * relative to `cwd` (the checkout). A missing coverage.py or an unreadable data file is a one-line
 * error (exit 4).
 */
export async function combineCoverage(
  python: string,
  outDir: string,
  dataFiles: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  spec?: CombineSpec,
): Promise<CombinedCoverage> {
  if (dataFiles.length === 0) throw new ConfigError('no coverage data files to combine');
  const specArgs = spec === undefined ? [] : ['--spec', JSON.stringify(spec)];
  return JSON.parse(await runHelper(python, ['combine', ...specArgs, outDir, ...dataFiles], cwd, env)) as CombinedCoverage;
}

/** Where a CI job keeps its coverage data: beside its JUnit file, so one artifact carries both. */
export function shardCoveragePath(junitPath: string): string {
  return join(dirname(junitPath), `${basename(junitPath).replace(/\.xml$/i, '')}.coverage`);
}

/**
 * A shard's combined data file (the one its `--cov` run left) copied beside its JUnit file.
 * Returns the copy's path, or null when the run left no data file.
 */
export async function keepShardCoverage(python: string, spec: CoverageSpec, junitPath: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const { dataFile } = JSON.parse(await runHelper(python, ['datafile', JSON.stringify(spec)], spec.topdir, env)) as { dataFile: string };
  if (!existsSync(dataFile)) return null;
  const kept = shardCoveragePath(junitPath);
  copyFileSync(dataFile, kept);
  return kept;
}
