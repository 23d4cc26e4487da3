// Entry point of the Action (dist/action.mjs), for both the main step and the post step:
// `command: plan | run | merge` picks the job's role; the post step saves what the main step
// left for the cache. Inputs in, plain functions, outputs out.
import * as core from '@actions/core';
import { saveEntry, type CacheEntryRef } from './cache.js';
import { readEvent } from './event.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import { mergeRole } from './merge.js';
import { planRole } from './plan.js';
import { resumeRun, RESUME_VARIABLE, runRole, type RunOutcome } from './run.js';
import { STATE } from './state.js';
import { workflowRunEvent } from './workflow-run.js';

async function main(): Promise<void> {
  const env = process.env;
  if (env[RESUME_VARIABLE] !== undefined) {
    // The test half of a run step, re-executed without the runner's tokens (run.ts).
    const { inputs, outcome } = await resumeRun(env);
    return reportRun(inputs, outcome);
  }
  // First, so that the post step knows it is one even when the inputs turn out bad.
  core.saveState(STATE.isPost, 'true');
  const inputs = readInputs((name) => core.getInput(name));
  core.saveState(STATE.workspace, inputs.workspace);
  // @actions/cache resolves cache paths against the current directory and the workspace.
  process.chdir(inputs.workspace);
  if (inputs.command === 'plan') {
    const outcome = await planRole(inputs, env, readEvent(env));
    if (outcome.exitCode !== 0) core.setFailed(`fastest plan failed (exit code ${outcome.exitCode})`);
  } else if (inputs.command === 'run') {
    reportRun(inputs, await runRole(inputs, env));
  } else {
    const event = inputs.fromWorkflowRun ? await workflowRunEvent(readEvent(env), env, inputs.githubToken) : readEvent(env);
    await mergeRole(inputs, env, event);
  }
}

function reportRun(inputs: ActionInputs, { exitCode, counts, missing }: RunOutcome): void {
  const summary = `${counts.failed} failed, ${counts.passed} passed, ${counts.skipped} skipped`;
  if (missing.length > 0) core.setFailed(`fastest: shard ${inputs.shard}: ${missing.length} planned test(s) did not run (listed above); ${summary}`);
  else if (exitCode === 1) core.setFailed(`fastest: shard ${inputs.shard}: ${summary}`);
  else if (exitCode === 5) core.info(`fastest: shard ${inputs.shard} had no tests to run`);
  else if (exitCode !== 0) core.setFailed(`fastest: shard ${inputs.shard} did not complete (exit code ${exitCode}${exitCode === 2 ? ': interrupted or collection errors' : ''}); ${summary}`);
}

async function post(): Promise<void> {
  const workspace = core.getState(STATE.workspace);
  if (workspace) process.chdir(workspace);
  for (const [name, what] of [
    [STATE.discoverySave, 'discovery cache'],
    [STATE.timingsSave, 'timings store'],
  ] as const) {
    const raw = core.getState(name);
    if (!raw) continue;
    await saveEntry(JSON.parse(raw) as CacheEntryRef, workspace || process.cwd(), what);
  }
}

const role = core.getState(STATE.isPost) === 'true' ? post : main;
role().then(
  // @actions/cache can leave sockets open; the step is over.
  () => process.exit(),
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof InputError) core.setFailed(`fastest: ${message}`);
    else if (role === post) core.warning(`fastest: post step: ${message}`);
    else core.setFailed(`fastest: ${message}${core.isDebug() && err instanceof Error && err.stack ? `\n${err.stack}` : ''}`);
    process.exit();
  },
);
