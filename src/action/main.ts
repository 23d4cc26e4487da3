// Entry point of the Action (dist/action.mjs), for both the main step and the post step:
// `command: plan | run | merge` picks the job's role; the post step saves what the main step
// left for the cache. Inputs in, the role's outcome (outcome.ts) out: the roles return it, and
// this file alone writes outputs, state, the job summary and the step's failure.
import * as core from '@actions/core';
import { saveEntry, type CacheEntryRef } from './cache.js';
import { readEvent } from './event.js';
import { InputError, readInputs } from './inputs.js';
import { mergeRole } from './merge.js';
import { planRole } from './plan.js';
import type { RoleOutcome } from './outcome.js';
import { resumeRun, RESUME_VARIABLE, runRole } from './run.js';
import { STATE } from './state.js';
import { workflowRunEvent } from './workflow-run.js';

async function main(): Promise<void> {
  const env = process.env;
  if (env[RESUME_VARIABLE] !== undefined) {
    // The test half of a run step, re-executed without the runner's tokens (run.ts).
    return write(await resumeRun(env), env);
  }
  // First, so that the post step knows it is one even when the inputs turn out bad.
  core.saveState(STATE.isPost, 'true');
  const inputs = readInputs((name) => core.getInput(name));
  core.saveState(STATE.workspace, inputs.workspace);
  // @actions/cache resolves cache paths against the current directory and the workspace.
  process.chdir(inputs.workspace);
  let outcome: RoleOutcome;
  if (inputs.command === 'plan') outcome = await planRole(inputs, env, readEvent(env));
  else if (inputs.command === 'run') outcome = await runRole(inputs, env);
  else {
    const event = inputs.fromWorkflowRun ? await workflowRunEvent(readEvent(env), env, inputs.githubToken) : readEvent(env);
    outcome = await mergeRole(inputs, env, event);
  }
  await write(outcome, env);
}

/** The step's I/O: what the role left for the post step, its outputs, the job summary, its failure. */
async function write(outcome: RoleOutcome, env: NodeJS.ProcessEnv): Promise<void> {
  for (const [name, value] of Object.entries(outcome.state)) core.saveState(name, value);
  for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
  if (outcome.summary !== undefined && env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(outcome.summary, true).write();
  if (outcome.failure !== undefined) core.setFailed(outcome.failure);
}

async function post(): Promise<void> {
  const workspace = core.getState(STATE.workspace);
  if (workspace) process.chdir(workspace);
  for (const [name, what] of [
    [STATE.discoverySave, 'discovery cache'],
    [STATE.timingsSave, 'timings store'],
    [STATE.attemptSave, "shard's results of this attempt"],
    [STATE.runStateSave, 'run state'],
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
