// command: plan — restore the caches, discover, plan, and hand the plan to the matrix.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import { collect, openSession } from '../cli/session.js';
import { planCommand } from '../shard/commands.js';
import { matrixJson, type Plan } from '../shard/plan.js';
import { fenceBlock } from '../report/fence.js';
import { discoveryEntry, restoreEntry, testFilesHash, timingsEntry, workspacePath } from './cache.js';
import type { ActionInputs } from './inputs.js';
import { STATE } from './state.js';

/**
 * GitHub allows 1 MB per job output (and 50 MB for all outputs of a run); a bigger plan goes as
 * a file that the workflow uploads as an artifact, and `plan` holds its path.
 */
export const MAX_PLAN_OUTPUT_BYTES = 900 * 1024;

/**
 * What the `plan` output holds: the compact JSON itself, or, above the budget, the
 * workspace-relative path of a file holding it (`fastest-plan/plan.json`).
 */
export function planOutput(compact: string, workspace: string, limit: number = MAX_PLAN_OUTPUT_BYTES): { value: string; file?: string } {
  if (Buffer.byteLength(compact) <= limit) return { value: compact };
  const file = join(workspace, 'fastest-plan', 'plan.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, compact);
  return { value: workspacePath(workspace, file), file };
}

export interface PlanOutcome {
  exitCode: number;
  plan?: Plan;
}

export async function planRole(inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<PlanOutcome> {
  const cwd = inputs.workingDirectory;
  const session = openSession(inputs.args, 'discover', cwd, env);
  if (inputs.python) session.python = inputs.python;
  const rootdir = session.config.rootdir;

  if (inputs.cache) {
    const discovery = discoveryEntry(inputs.cacheKeyPrefix, inputs.workspace, rootdir, testFilesHash(session));
    const restored = await restoreEntry(discovery, 'discovery cache');
    // Cache entries are immutable: save only what was not an exact hit (in the post step).
    if (restored !== discovery.key) core.saveState(STATE.discoverySave, JSON.stringify(discovery));
    await restoreEntry(timingsEntry(inputs.cacheKeyPrefix, inputs.workspace, rootdir, env), 'timings store');
  }

  const planDir = join(env.RUNNER_TEMP || join(inputs.workspace, '.fastest-action'), 'fastest');
  mkdirSync(planDir, { recursive: true });
  const planFile = join(planDir, 'plan.json');
  const argv = ['--shards', String(inputs.shards), '--timings', join(rootdir, '.fastest', 'timings.json'), '--out', planFile];
  if (inputs.targetSeconds !== undefined) argv.push('--target-seconds', String(inputs.targetSeconds));
  const messages: string[] = [];
  const exitCode = await planCommand(
    argv,
    async () => {
      const collected = await collect(session);
      const { discovery } = collected;
      core.info(`fastest: discovery parsed ${discovery.parsedFiles} file(s), ${discovery.cachedFiles} from the discovery cache`);
      for (const w of discovery.warnings) core.warning(`fastest: ${w}`);
      if (discovery.errors.length > 0) {
        const names = discovery.errors.map((e) => `  ${e.file}`).join('\n');
        core.info(`fastest: ${discovery.errors.length} file(s) cannot be collected; the shard that runs them reports the error:`);
        process.stdout.write(fenceBlock(names));
      }
      return collected.selection.selected;
    },
    { stdout: () => {}, stderr: (text) => messages.push(text) },
  );
  // Messages name test ids and files: fenced like any text the tests control.
  if (messages.length > 0) process.stdout.write(fenceBlock(messages.join('')));
  if (exitCode !== 0) return { exitCode };

  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Plan;
  const compact = JSON.stringify(plan);
  core.setOutput('matrix', matrixJson(plan));
  core.setOutput('shard-count', String(plan.shards.length));
  const output = planOutput(compact, inputs.workspace);
  core.setOutput('plan', output.value);
  if (output.file !== undefined) {
    core.warning(
      `fastest: the plan is ${Buffer.byteLength(compact)} bytes, over the ${MAX_PLAN_OUTPUT_BYTES}-byte budget of a job output; ` +
        `it was written to ${output.value} and the 'plan' output holds that path. Upload it with actions/upload-artifact (name: fastest-plan, path: ${output.value}) ` +
        'and download it in the run and merge jobs before this action; `plan:` accepts the path.',
    );
  }
  core.info(`fastest: ${plan.shards.length} shard(s): ${plan.shards.map((s) => `#${s.index} ${s.tests} tests ~${s.predicted.toFixed(1)}s`).join(', ')}`);
  return { exitCode: 0, plan };
}
