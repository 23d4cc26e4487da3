// command: plan — restore the caches, discover, plan, and hand the plan to the matrix.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { collect, openSession } from '../cli/session.js';
import { planCommand } from '../shard/commands.js';
import { matrixJson, type Plan } from '../shard/plan.js';
import { fenceBlock } from '../report/fence.js';
import { discoveryEntry, restoreEntry, testFilesHash, timingsEntry } from './cache.js';
import type { EventInfo } from './event.js';
import type { ActionInputs } from './inputs.js';
import { PLAN_FILE, planCacheEntry, publishPlan } from './planinput.js';
import { STATE } from './state.js';

export interface PlanOutcome {
  exitCode: number;
  plan?: Plan;
}

export async function planRole(inputs: ActionInputs, env: NodeJS.ProcessEnv, event: EventInfo): Promise<PlanOutcome> {
  const cwd = inputs.workingDirectory;
  const session = openSession(inputs.args, 'discover', cwd, env);
  if (inputs.python) session.python = inputs.python;
  const rootdir = session.config.rootdir;

  if (inputs.cache) {
    const discovery = discoveryEntry(inputs.cacheKeyPrefix, inputs.workspace, rootdir, testFilesHash(session));
    const restored = await restoreEntry(discovery, 'discovery cache');
    // Cache entries are immutable: save only what was not an exact hit (in the post step), and
    // only from a run trusted to teach later runs.
    if (restored !== discovery.key) {
      if (event.cacheWrites.allowed) core.saveState(STATE.discoverySave, JSON.stringify(discovery));
      else core.info(`fastest: not saving the discovery cache: ${event.cacheWrites.reason}`);
    }
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

  const compact = readFileSync(planFile, 'utf8');
  const plan = JSON.parse(compact) as Plan;
  core.setOutput('matrix', matrixJson(plan));
  core.setOutput('shard-count', String(plan.shards.length));
  // The plan itself never goes into an output: a handle to it does (planinput.ts).
  const published = await publishPlan(compact, inputs.workspace, inputs.cache ? planCacheEntry(inputs.cacheKeyPrefix, env) : undefined);
  core.setOutput('plan', published.handle);
  core.setOutput('plan-file', PLAN_FILE);
  if (published.advice) core.warning(`fastest: ${published.advice}`);
  else core.info(`fastest: the plan (${Buffer.byteLength(compact)} bytes) travels ${published.how === 'inline' ? 'inline, compressed, in the plan output' : 'through the Actions cache'}`);
  core.info(`fastest: ${plan.shards.length} shard(s): ${plan.shards.map((s) => `#${s.index} ${s.tests} tests ~${s.predicted.toFixed(1)}s`).join(', ')}`);
  return { exitCode: 0, plan };
}
