// Coverage in the Action. run: `--cov` added when the `coverage` input asks for it, and
// `--cov-fail-under=0` whenever coverage is on (a shard measures part of the suite: it never
// fails for coverage); the shard's data file is kept beside its JUnit file with the directory it
// ran in. merge: every shard's data combined with the project's coverage.py (coverage.xml,
// lcov.info), the fail-under enforced once, the total compared with the default branch's last
// one (kept in the timings store), and the pull request's changed lines measured.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { openSession } from '../cli/session.js';
import { coverageActive, defaultCoverageOptions, type CoverageOptions } from '../coverage/options.js';
import type { CombinedCoverage } from '../coverage/session.js';
import { combineShards, shardDataFiles } from '../coverage/shards.js';
import { changedLines } from '../impact/diff-lines.js';
import { changedLinesCoverage, type CoverageReportData } from '../merge/coverage-report.js';
import { loadTimings, saveTimings } from '../shard/timings.js';
import { restoreEntry, timingsEntry } from './cache.js';
import type { EventInfo } from './event.js';
import type { ActionInputs } from './inputs.js';
import { prBase } from './pr-base.js';

/** The run job's arguments: the user's, with `--cov` when the input asks, and no per-shard fail-under. */
export function shardCoverageArgs(args: string[], coverageInput: boolean, cov: CoverageOptions): string[] {
  const active = coverageActive(cov);
  if (!active && !(coverageInput && !cov.noCov)) return args;
  const out = [...args];
  if (!active) {
    out.push('--cov');
    // The shard's own terminal table would show a part of the suite: the report is merge's.
    if (Object.keys(cov.reports).length === 0) out.push('--cov-report=');
  }
  out.push('--cov-fail-under=0');
  return out;
}

/** The pytest-cov options `args` (and the project's addopts) give, or the defaults when the project cannot be read. */
export function coverageOptionsOf(args: string[], cwd: string, env: NodeJS.ProcessEnv): { cov: CoverageOptions; python?: string } {
  try {
    const session = openSession(args, 'discover', cwd, env);
    return { cov: session.options.coverage, python: session.python };
  } catch {
    return { cov: defaultCoverageOptions() };
  }
}

export interface MergeCoverageInput {
  inputs: ActionInputs;
  /** The project's rootdir (the timings store's place). */
  rootdir: string;
  /** Where the run jobs ran fastest (working-directory): coverage paths are relative to it. */
  invocationDir: string;
  env: NodeJS.ProcessEnv;
  event: EventInfo;
  /** The shards' JUnit files (absolute). */
  junitFiles: string[];
  reportDir: string;
  testsRan: number;
}

export interface MergeCoverageOutcome {
  data?: CoverageReportData;
  /** The step fails for coverage: under the fail-under, or asked for and not combined. */
  failure?: string;
  /** The timings entry for the post step to save, when this merge wrote the default branch's total. */
  timingsSave?: string;
}

export async function mergeCoverage(m: MergeCoverageInput): Promise<MergeCoverageOutcome> {
  const { inputs, env, event } = m;
  const { cov, python: sessionPython } = coverageOptionsOf(inputs.args, m.invocationDir, env);
  const dataFiles = shardDataFiles(m.junitFiles);
  if (!inputs.coverage && !coverageActive(cov) && dataFiles.length === 0) return {};
  const failUnder = inputs.coverageFailUnder ?? cov.failUnder;
  // (e.g. `affected` selected none): an empty data file has nothing to report either.
  if (m.testsRan === 0) {
    core.info('fastest: coverage: no test ran, no coverage to report');
    return {};
  }
  if (dataFiles.length === 0) {
    const message = `coverage: no coverage data beside the JUnit files (<junit>.coverage, written by the run jobs with coverage on): did the run jobs upload the whole fastest-results folder?`;
    if (failUnder !== null && failUnder > 0) return { failure: `fastest: ${message}` };
    core.warning(`fastest: ${message}`);
    return {};
  }
  let combined: CombinedCoverage;
  try {
    combined = await combineShards(inputs.python || sessionPython || 'python3', m.reportDir, dataFiles, m.invocationDir, env, {
      config: cov.config,
      failUnder,
      precision: cov.precision,
    });
  } catch (error) {
    return { failure: `fastest: cannot combine the coverage data: ${error instanceof Error ? error.message : String(error)}` };
  }
  const precision = combined.precision ?? 0;
  const data: CoverageReportData = {
    total: combined.total,
    totalText: combined.totalText ?? combined.total.toFixed(precision),
    precision,
    files: combined.files,
    failure: combined.failure ?? null,
    required: combined.required ?? null,
  };
  core.info(`fastest: coverage ${data.totalText}% combined from ${dataFiles.length} shard data file(s); coverage.xml and lcov.info are in ${m.reportDir}`);
  if (data.required) core.info(data.required);

  const outcome: MergeCoverageOutcome = { data };
  if (inputs.cache) {
    const entry = timingsEntry(inputs.cacheKeyPrefix, inputs.workspace, m.rootdir, env);
    const storePath = join(inputs.workspace, entry.path);
    if (!existsSync(storePath)) await restoreEntry(entry, 'timings store');
    const baseline = loadTimings(storePath).store.coverage;
    if (baseline) data.baseline = baseline;
    if (event.cacheWrites.allowed) {
      const { store } = loadTimings(storePath);
      saveTimings(storePath, { ...store, coverage: { total: data.total, ...(/^[0-9a-f]{7,64}$/.test(event.headSha) ? { sha: event.headSha } : {}) } });
      outcome.timingsSave = JSON.stringify(entry);
    }
  }

  if (event.pullRequest !== undefined) {
    const base = prBase(m.invocationDir, event);
    if ('reason' in base) data.changed = { reason: base.reason };
    else {
      try {
        const measured = JSON.parse(readFileSync(join(m.reportDir, 'coverage.json'), 'utf8')) as {
          files?: Record<string, { executed_lines?: number[]; missing_lines?: number[] }>;
        };
        data.changed = changedLinesCoverage(changedLines(base.ref, m.invocationDir), measured.files ?? {});
      } catch (error) {
        data.changed = { reason: error instanceof Error ? error.message : String(error) };
      }
    }
  }
  if (data.failure) outcome.failure = `fastest: ${data.failure}`;
  return outcome;
}
