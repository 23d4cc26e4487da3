// command: merge — all shards' JUnit into one, checked against the plan; the timings learned on
// the default branch; the job summary, annotations, check run and sticky PR comment.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { openSession } from '../cli/session.js';
import { mergeJUnit, type MergeResult } from '../merge/merge.js';
import { fenceBlock } from '../report/fence.js';
import { expandGlobs } from '../shard/glob.js';
import type { Plan } from '../shard/plan.js';
import { learnIntoFile } from '../merge/learn.js';
import { mergeVerdict, problemReport } from '../merge/verdict.js';
import { ExitCode } from '../types.js';
import { annotationOf, COMMAND_ANNOTATION_LIMIT, errorCommand, flakyAnnotationOf, mostUseful, type Annotation } from './annotations.js';
import { emptyHistory, historyOf, type FlakyHistory } from '../merge/history.js';
import { loadTimings } from '../shard/timings.js';
import { restoreEntry, timingsEntry } from './cache.js';
import { countMerged } from './counts.js';
import type { EventInfo } from './event.js';
import { octokitFor, publishCheckRun, upsertComment, type WriteResult } from './github.js';
import type { ActionInputs } from './inputs.js';
import { loadPlanInput } from './planinput.js';
import { COMMENT_MAX_CHARS, commentBody, commentMarker, jobSummary, SUMMARY_MAX_BYTES, totalsText, type LinkContext } from './report.js';
import { coverageCommentLines, coverageSection } from '../merge/coverage-report.js';
import { affectedLine, affectedOf } from './affected.js';
import { mergeCoverage } from './coverage.js';
import type { RoleOutcome } from './outcome.js';
import { STATE } from './state.js';

/** The shards' JUnit files: a directory (every .xml below it), a glob, or one file. */
export function junitFiles(junitPath: string, exclude: string[]): string[] {
  let files: string[];
  let isDir: boolean;
  try {
    isDir = statSync(junitPath).isDirectory();
  } catch {
    isDir = false;
  }
  if (isDir) {
    files = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.xml')) files.push(path);
      }
    };
    walk(junitPath);
  } else {
    files = expandGlobs([junitPath], '/');
  }
  return files.filter((f) => !exclude.includes(f));
}

/**
 * The directory JUnit `file` attributes and the timings store are relative to: the rootdir of the
 * project in working-directory when it is checked out here, else working-directory itself.
 */
function projectRoot(inputs: ActionInputs, env: NodeJS.ProcessEnv): string {
  try {
    return openSession(inputs.args, 'discover', inputs.workingDirectory, env).config.rootdir;
  } catch {
    return inputs.workingDirectory;
  }
}

export async function mergeRole(given: ActionInputs, env: NodeJS.ProcessEnv, event: EventInfo): Promise<RoleOutcome> {
  const inputs = { ...given, workingDirectory: projectRoot(given, env) };
  const reportDir = join(inputs.workspace, 'fastest-report');
  const mergedPath = join(reportDir, 'junit.xml');
  const summaryPath = join(reportDir, 'summary.md');
  let plan: Plan | undefined;
  if (inputs.plan !== '')
    plan = (await loadPlanInput(inputs.plan, inputs.workspace, join(env.RUNNER_TEMP || reportDir, 'fastest'), { cache: inputs.cache })).plan;
  else core.info("fastest: no 'plan' input: merging without checking that every planned test ran");

  const files = junitFiles(inputs.junitPath, [mergedPath]).map((f) => relative(inputs.workspace, f) || f);
  if (files.length === 0) {
    const failure = `fastest: no JUnit files at ${relative(inputs.workspace, inputs.junitPath) || '.'}: did the run jobs upload them (actions/upload-artifact) and this job download them (actions/download-artifact with merge-multiple: true)?`;
    return { exitCode: ExitCode.TESTS_FAILED, outputs: {}, state: {}, failure };
  }
  mkdirSync(reportDir, { recursive: true });
  // The default branch's test history, from the timings store (a pull request reads its base
  // branch's): failures are classified against it; on the default branch this run joins it.
  const known = await restoreHistory(inputs, env);
  const result = mergeJUnit(files, {
    plan,
    out: mergedPath,
    observeTimings: inputs.cache && event.cacheWrites.allowed,
    history: known?.history,
    recordHistory: known !== undefined && event.cacheWrites.allowed,
  });
  const problems = problemReport(result, (file) => relative(inputs.workspace, file));
  // Ids and parse errors come from the tests' files: fenced.
  if (problems !== '') process.stdout.write(fenceBlock(problems));
  const verdict = mergeVerdict(result, inputs.failOn);
  if (verdict.note) core.info(`fastest: ${verdict.note}`);

  const state: Record<string, string> = {};
  const timingsSaved = await learnAndKeepTimings(inputs, env, event, result, known !== undefined);
  if (timingsSaved !== undefined) state[STATE.timingsSave] = timingsSaved;
  const coverage = await mergeCoverage({
    inputs,
    rootdir: inputs.workingDirectory,
    invocationDir: given.workingDirectory,
    env,
    event,
    junitFiles: files.map((f) => resolve(inputs.workspace, f)),
    reportDir,
    testsRan: result.counts.tests,
  });
  if (coverage.timingsSave !== undefined) state[STATE.timingsSave] = coverage.timingsSave;
  const coverageMarkdown = coverage.data ? coverageSection(coverage.data) : '';
  const affected = affectedOf(plan);

  const failures = result.failures;
  const annotations = failures.map((c) => annotationOf(c, inputs.workspace, inputs.workingDirectory));
  const wanted = annotations.slice(0, inputs.maxAnnotations);
  const failureAnnotations = wanted.length;
  // Flaky tests get notices, after the failures, within the same budget.
  const flakyNotices = (result.retries?.flaky ?? []).map((t) => flakyAnnotationOf(t, inputs.workspace, inputs.workingDirectory));
  wanted.push(...flakyNotices.slice(0, Math.max(0, inputs.maxAnnotations - wanted.length)));
  const notes: string[] = [...(affected ? [affectedLine(affected)] : []), ...(verdict.note ? [`${verdict.note}.`] : [])];
  const denied: string[] = [];
  const octokit = inputs.githubToken ? octokitFor(inputs.githubToken) : undefined;
  const ctx: LinkContext = {
    serverUrl: event.serverUrl,
    repository: event.repository,
    sha: event.headSha,
    workspace: inputs.workspace,
    workingDirectory: inputs.workingDirectory,
  };
  const failed = verdict.exitCode === ExitCode.TESTS_FAILED;

  let onCheckRun = false;
  if (octokit && wanted.length > 0 && event.repository) {
    const published = await publishCheckRun(octokit, event.repo, {
      name: 'fastest',
      headSha: event.headSha,
      conclusion: failed ? 'failure' : 'success',
      title: `fastest: ${totalsText(result)}`,
      summary: `${totalsText(result)}. The job summary of [this run](${event.runUrl}) has the details.`,
      annotations: wanted,
      detailsUrl: event.runUrl,
    });
    if (published.ok) {
      onCheckRun = true;
      core.info(`fastest: ${published.detail}`);
    } else {
      noteFailure(published, 'no check run', denied);
    }
  }
  if (!onCheckRun && wanted.length > 0) {
    // GitHub shows 10 notices a step, apart from the errors.
    for (const a of wanted.filter((n) => n.notice).slice(0, COMMAND_ANNOTATION_LIMIT)) process.stdout.write(errorCommand(a));
    const shown = mostUseful(
      wanted.filter((a) => !a.notice),
      Math.min(COMMAND_ANNOTATION_LIMIT, wanted.length),
      (a: Annotation) => a.line > 1 || !a.title.startsWith('ERROR collecting'),
    );
    for (const a of shown) process.stdout.write(errorCommand(a));
    const more = result.failureCount - shown.length;
    if (more > 0)
      notes.push(
        `${shown.length} of ${result.failureCount} failures are annotated in the code (GitHub shows at most ${COMMAND_ANNOTATION_LIMIT} annotations a step without a check run); ${more} more are listed below.`,
      );
  } else if (onCheckRun && result.failureCount > failureAnnotations) {
    notes.push(`${failureAnnotations} of ${result.failureCount} failures are annotated (max-annotations: ${inputs.maxAnnotations}); all are listed below.`);
  }

  if (inputs.comment && event.pullRequest !== undefined && octokit) {
    const body = commentBody(
      result,
      failures,
      { ...ctx, marker: commentMarker(event.workflow), runUrl: event.runUrl },
      [...(affected ? [affectedLine(affected, 10)] : []), ...(verdict.note ? [`${verdict.note}.`] : [])],
      COMMENT_MAX_CHARS,
      coverage.data ? coverageCommentLines(coverage.data) : [],
    );
    const written = await upsertComment(octokit, event.repo, event.pullRequest, commentMarker(event.workflow), body);
    if (written.ok) core.info(`fastest: pull request comment: ${written.detail}`);
    else noteFailure(written, 'no pull request comment', denied);
  } else if (inputs.comment && event.pullRequest !== undefined && !octokit) {
    denied.push('no pull request comment (github-token is empty)');
  }
  if (denied.length > 0) {
    const fork = event.fromFork ? ' (a pull request from a fork gets a read-only token)' : ' (give the job `permissions: checks: write, pull-requests: write`)';
    core.notice(`fastest: the token may not write here${fork}: ${denied.join('; ')}. The job summary has the full report.`);
  }

  const markdown =
    coverageMarkdown === ''
      ? jobSummary(result, ctx, notes)
      : `${jobSummary(result, ctx, notes, SUMMARY_MAX_BYTES - Buffer.byteLength(coverageMarkdown) - 1)}\n${coverageMarkdown}`;
  writeFileSync(summaryPath, markdown);
  const counts = countMerged(result.counts);
  core.info(`fastest: merged ${files.length - result.malformed.length} of ${files.length} JUnit file(s): ${totalsText(result)}`);
  if (!failed && result.counts.tests === 0 && affected?.selected !== 0) core.warning('fastest: the JUnit files hold no tests');
  if (affected?.selected === 0) core.info(`fastest: 0 of ${affected.total} tests selected by the pull request's changes: nothing to run`);
  const failureReasons = [...(failed ? verdict.reasons : []), ...(coverage.failure ? [coverage.failure.replace(/^fastest: /, '')] : [])];
  return {
    exitCode: failed || coverage.failure ? ExitCode.TESTS_FAILED : ExitCode.OK,
    outputs: {
      passed: String(counts.passed),
      failed: String(counts.failed),
      skipped: String(counts.skipped),
      'junit-path': mergedPath,
      'summary-path': summaryPath,
      ...(coverage.data ? { coverage: coverage.data.totalText } : {}),
    },
    state,
    summary: markdown,
    failure: failureReasons.length > 0 ? `fastest: ${failureReasons.join(', ')}` : undefined,
  };
}

function noteFailure(result: WriteResult, what: string, denied: string[]): void {
  if (result.ok) return;
  if (result.denied) denied.push(`${what} (${result.detail})`);
  else core.warning(`fastest: ${what}: ${result.detail}`);
}

/**
 * With `cache`: the timings store restored (on a pull request, its base branch's latest) and the
 * test history in it (empty on a cache miss); a corrupt history is ignored with a warning.
 * Undefined without `cache`: then every failure is new.
 */
async function restoreHistory(inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<{ history: FlakyHistory } | undefined> {
  if (!inputs.cache) return undefined;
  const entry = timingsEntry(inputs.cacheKeyPrefix, inputs.workspace, inputs.workingDirectory, env);
  const hit = await restoreEntry(entry, 'timings store');
  // Only what the cache holds: a store in the checkout would be the pull request's own word.
  if (hit === undefined) return { history: emptyHistory() };
  const path = join(inputs.workspace, entry.path);
  const loaded = loadTimings(path);
  const { history, warning } = historyOf(loaded.store, relative(inputs.workspace, path));
  if (warning && !loaded.warning) core.warning(`fastest: ${warning}`);
  return { history };
}

/** On the default branch: fold this run into the timings store; returns the entry the post step saves. */
async function learnAndKeepTimings(
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
  event: EventInfo,
  result: MergeResult,
  restored: boolean,
): Promise<string | undefined> {
  if (!inputs.cache) return undefined;
  if (!event.cacheWrites.allowed) {
    core.info(`fastest: timings are not learned from this run: ${event.cacheWrites.reason}`);
    return undefined;
  }
  if (result.counts.tests === 0 || result.observation === undefined) return undefined;
  const entry = timingsEntry(inputs.cacheKeyPrefix, inputs.workspace, inputs.workingDirectory, env);
  if (!restored) await restoreEntry(entry, 'timings store');
  const learned = learnIntoFile(result.observation, join(inputs.workspace, entry.path), undefined, result.known?.recorded ? result.known.history : undefined);
  if (learned.warning) core.warning(`fastest: ${learned.warning}`);
  core.info(`fastest: timings store now holds ${Object.keys(learned.store.tests).length} test(s) from ${learned.store.runs} run(s)`);
  return JSON.stringify(entry);
}
