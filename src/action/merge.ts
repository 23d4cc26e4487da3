// command: merge — all shards' JUnit into one, checked against the plan; the timings learned on
// the default branch; the job summary, annotations, check run and sticky PR comment.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as core from '@actions/core';
import { openSession } from '../cli/session.js';
import { mergeJUnit, type MergeResult } from '../report/merge.js';
import { fenceBlock } from '../report/fence.js';
import { expandGlobs } from '../shard/glob.js';
import type { Plan } from '../shard/plan.js';
import { learnTimings, loadTimings, saveTimings } from '../shard/timings.js';
import {
  annotationOf,
  COMMAND_ANNOTATION_LIMIT,
  errorCommand,
  mostUseful,
  type Annotation,
} from './annotations.js';
import { restoreEntry, timingsEntry } from './cache.js';
import { countMerged } from './counts.js';
import type { EventInfo } from './event.js';
import { octokitFor, publishCheckRun, upsertComment, type WriteResult } from './github.js';
import type { ActionInputs } from './inputs.js';
import { loadPlanInput } from './planinput.js';
import { commentBody, commentMarker, jobSummary, totalsText, type LinkContext } from './report.js';
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

export interface MergeOutcome {
  exitCode: number;
  result?: MergeResult;
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

export async function mergeRole(given: ActionInputs, env: NodeJS.ProcessEnv, event: EventInfo): Promise<MergeOutcome> {
  const inputs = { ...given, workingDirectory: projectRoot(given, env) };
  const reportDir = join(inputs.workspace, 'fastest-report');
  const mergedPath = join(reportDir, 'junit.xml');
  const summaryPath = join(reportDir, 'summary.md');
  let plan: Plan | undefined;
  if (inputs.plan !== '') plan = (await loadPlanInput(inputs.plan, inputs.workspace, join(env.RUNNER_TEMP || reportDir, 'fastest'), { cache: inputs.cache })).plan;
  else core.info("fastest: no 'plan' input: merging without checking that every planned test ran");

  const files = junitFiles(inputs.junitPath, [mergedPath]).map((f) => relative(inputs.workspace, f) || f);
  if (files.length === 0) {
    core.setFailed(`fastest: no JUnit files at ${relative(inputs.workspace, inputs.junitPath) || '.'}: did the run jobs upload them (actions/upload-artifact) and this job download them (actions/download-artifact with merge-multiple: true)?`);
    return { exitCode: 1 };
  }
  mkdirSync(reportDir, { recursive: true });
  const result = mergeJUnit(files, { plan, out: mergedPath, observeTimings: inputs.cache && event.cacheWrites.allowed });
  const problems: string[] = [];
  for (const bad of result.malformed) problems.push(`skipping ${relative(inputs.workspace, bad.file)}: malformed JUnit XML: ${bad.error}`);
  if (result.missing.length > 0) problems.push(`${result.missing.length} planned test(s) have no result:\n${result.missing.slice(0, 50).map((id) => `  ${id}`).join('\n')}`);
  if (result.duplicateCount > 0) problems.push(`${result.duplicateCount} test(s) ran more than once:\n${result.duplicates.slice(0, 50).map((id) => `  ${id}`).join('\n')}`);
  // Ids and parse errors come from the tests' files: fenced.
  if (problems.length > 0) process.stdout.write(fenceBlock(problems.join('\n')));

  await learnAndKeepTimings(inputs, env, event, result);

  const failures = result.failures;
  const annotations = failures.map((c) => annotationOf(c, inputs.workspace, inputs.workingDirectory));
  const wanted = annotations.slice(0, inputs.maxAnnotations);
  const notes: string[] = [];
  const denied: string[] = [];
  const octokit = inputs.githubToken ? octokitFor(inputs.githubToken) : undefined;
  const ctx: LinkContext = { serverUrl: event.serverUrl, repository: event.repository, sha: event.headSha, workspace: inputs.workspace, workingDirectory: inputs.workingDirectory };
  const failed = result.failureCount > 0 || result.missing.length > 0 || result.duplicateCount > 0 || result.malformed.length > 0;

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
    const shown = mostUseful(wanted, Math.min(COMMAND_ANNOTATION_LIMIT, wanted.length), (a: Annotation) => a.line > 1 || !a.title.startsWith('ERROR collecting'));
    for (const a of shown) process.stdout.write(errorCommand(a));
    const more = result.failureCount - shown.length;
    if (more > 0) notes.push(`${shown.length} of ${result.failureCount} failures are annotated in the code (GitHub shows at most ${COMMAND_ANNOTATION_LIMIT} annotations a step without a check run); ${more} more are listed below.`);
  } else if (onCheckRun && result.failureCount > wanted.length) {
    notes.push(`${wanted.length} of ${result.failureCount} failures are annotated (max-annotations: ${inputs.maxAnnotations}); all are listed below.`);
  }

  if (inputs.comment && event.pullRequest !== undefined && octokit) {
    const body = commentBody(result, failures, { ...ctx, marker: commentMarker(event.workflow), runUrl: event.runUrl }, []);
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

  const markdown = jobSummary(result, ctx, notes);
  writeFileSync(summaryPath, markdown);
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();

  const counts = countMerged(result.counts);
  core.setOutput('passed', String(counts.passed));
  core.setOutput('failed', String(counts.failed));
  core.setOutput('skipped', String(counts.skipped));
  core.setOutput('junit-path', mergedPath);
  core.setOutput('summary-path', summaryPath);
  core.info(`fastest: merged ${files.length - result.malformed.length} of ${files.length} JUnit file(s): ${totalsText(result)}`);
  if (failed) {
    const why = [
      result.failureCount > 0 && `${result.failureCount} test(s) failed`,
      result.missing.length > 0 && `${result.missing.length} planned test(s) have no result`,
      result.duplicateCount > 0 && `${result.duplicateCount} test(s) ran more than once`,
      result.malformed.length > 0 && `${result.malformed.length} JUnit file(s) are malformed`,
    ].filter((s): s is string => typeof s === 'string');
    core.setFailed(`fastest: ${why.join(', ')}`);
    return { exitCode: 1, result };
  }
  if (result.counts.tests === 0) core.warning('fastest: the JUnit files hold no tests');
  return { exitCode: 0, result };
}

function noteFailure(result: WriteResult, what: string, denied: string[]): void {
  if (result.ok) return;
  if (result.denied) denied.push(`${what} (${result.detail})`);
  else core.warning(`fastest: ${what}: ${result.detail}`);
}

/** On the default branch: fold this run into the timings store; the post step saves it. */
async function learnAndKeepTimings(inputs: ActionInputs, env: NodeJS.ProcessEnv, event: EventInfo, result: MergeResult): Promise<void> {
  if (!inputs.cache) return;
  if (!event.cacheWrites.allowed) {
    core.info(`fastest: timings are not learned from this run: ${event.cacheWrites.reason}`);
    return;
  }
  if (result.counts.tests === 0 || result.observation === undefined) return;
  const entry = timingsEntry(inputs.cacheKeyPrefix, inputs.workspace, inputs.workingDirectory, env);
  await restoreEntry(entry, 'timings store');
  const path = join(inputs.workspace, entry.path);
  const previous = loadTimings(path);
  if (previous.warning) core.warning(`fastest: ${previous.warning}`);
  mkdirSync(dirname(path), { recursive: true });
  const learned = learnTimings(previous.store, result.observation);
  saveTimings(path, learned);
  core.info(`fastest: timings store now holds ${Object.keys(learned.tests).length} test(s) from ${learned.runs} run(s)`);
  core.saveState(STATE.timingsSave, JSON.stringify(entry));
}
