// command: plan — restore the caches, discover, plan, and hand the plan to the matrix.
import { join } from 'node:path';
import * as core from '@actions/core';
import { planErrorOutcome } from '../cli/plan.js';
import { checkUnlistedIds } from '../cli/unlisted.js';
import { collect, openSession } from '../cli/session.js';
import { fenceBlock } from '../report/fence.js';
import { digestIds, makePlan, matrixJson, planLine, type Plan } from '../shard/plan.js';
import { DEFAULT_TIMINGS_PATH, loadTimings } from '../shard/timings.js';
import { ExitCode } from '../types.js';
import { discoveryEntry, restoreEntry, testFilesHash, timingsEntry } from './cache.js';
import type { EventInfo } from './event.js';
import type { ActionInputs } from './inputs.js';
import type { RoleOutcome } from './outcome.js';
import { PLAN_FILE, planCacheEntry, publishPlan } from './planinput.js';
import { STATE } from './state.js';
import { affectedBase, affectedInfo, affectedLine, type AffectedInfo, type AffectedPlan } from './affected.js';

export async function planRole(inputs: ActionInputs, env: NodeJS.ProcessEnv, event: EventInfo): Promise<RoleOutcome> {
  const cwd = inputs.workingDirectory;
  const session = openSession(inputs.args, 'discover', cwd, env);
  if (inputs.python) session.python = inputs.python;
  const rootdir = session.config.rootdir;
  const state: Record<string, string> = {};
  const affectedBy = inputs.affected ? affectedBase(cwd, event) : undefined;
  if (affectedBy !== undefined && 'why' in affectedBy) core.info(`fastest: affected: ${affectedBy.why}`);
  else if (affectedBy !== undefined && session.options.changed === null) session.options.changed = { ref: affectedBy.ref };

  if (inputs.cache) {
    const discovery = discoveryEntry(inputs.cacheKeyPrefix, inputs.workspace, rootdir, testFilesHash(session));
    const restored = await restoreEntry(discovery, 'discovery cache');
    // Cache entries are immutable: save only what was not an exact hit (in the post step), and
    // only from a run trusted to teach later runs.
    if (restored !== discovery.key) {
      if (event.cacheWrites.allowed) state[STATE.discoverySave] = JSON.stringify(discovery);
      else core.info(`fastest: not saving the discovery cache: ${event.cacheWrites.reason}`);
    }
    await restoreEntry(timingsEntry(inputs.cacheKeyPrefix, inputs.workspace, rootdir, env), 'timings store');
  }

  // Messages name test ids and files: fenced like any text the tests control.
  const messages: string[] = [];
  const failed = (exitCode: number): RoleOutcome => {
    if (messages.length > 0) process.stdout.write(fenceBlock(messages.join('')));
    return { exitCode, outputs: {}, state, failure: `fastest plan failed (exit code ${exitCode})` };
  };
  let compact: string;
  let plan: Plan;
  let affected: AffectedInfo | undefined;
  try {
    const loaded = loadTimings(join(rootdir, DEFAULT_TIMINGS_PATH));
    if (loaded.warning) messages.push(`fastest plan: warning: ${loaded.warning}\n`);
    const collected = await collect(session);
    await checkUnlistedIds(session, collected);
    const { discovery } = collected;
    core.info(`fastest: discovery parsed ${discovery.parsedFiles} file(s), ${discovery.cachedFiles} from the discovery cache`);
    for (const w of discovery.warnings) core.warning(`fastest: ${w}`);
    if (discovery.errors.length > 0) {
      const names = discovery.errors.map((e) => `  ${e.file}`).join('\n');
      core.info(`fastest: ${discovery.errors.length} file(s) cannot be collected; the shard that runs them reports the error:`);
      process.stdout.write(fenceBlock(names));
    }
    const items = collected.selection.selected;
    const impact = affectedBy !== undefined && 'ref' in affectedBy ? collected.impact : undefined;
    affected = impact && affectedInfo(items.length, impact.total, impact.changes.files, impact.impact.everything);
    if (items.length === 0 && !(affected && affected.total > 0)) {
      messages.push('fastest plan: no tests collected, nothing to plan\n');
      return failed(ExitCode.NO_TESTS_COLLECTED);
    }
    // Chosen by the impact, not by args the run jobs see again: every id is named.
    plan = makePlan(items, loaded.store, {
      shards: items.length === 0 ? 1 : inputs.shards,
      targetSeconds: inputs.targetSeconds,
      explicitIds: affected !== undefined,
    });
    if (affected) {
      // The run jobs discover without the impact: the digest they check is of what they find.
      // applyImpact appends the tests no change affects to the deselected, last.
      const unaffected = affected.total - affected.selected;
      const before = [...items, ...(unaffected > 0 ? collected.selection.deselected.slice(-unaffected) : [])];
      plan = { ...plan, digest: digestIds(before.map((i) => i.id)) };
    }
    compact = `${JSON.stringify(affected ? ({ ...plan, affected } satisfies AffectedPlan) : plan)}\n`;
    messages.push(`fastest plan: ${items.length === 0 ? 'no test to run' : planLine(plan, items.length, loaded.store.runs)}\n`);
    if (affected)
      messages.push(
        `fastest plan: ${affected.selected} of ${affected.total} tests selected by the pull request's changes (${affected.changedCount} changed file(s))\n`,
      );
  } catch (err) {
    const { exitCode, line } = planErrorOutcome(err);
    messages.push(line);
    return failed(exitCode);
  }
  process.stdout.write(fenceBlock(messages.join('')));

  // The plan itself never goes into an output: a handle to it does (planinput.ts).
  const published = await publishPlan(compact, inputs.workspace, inputs.cache ? planCacheEntry(inputs.cacheKeyPrefix, env) : undefined);
  if (published.advice) core.warning(`fastest: ${published.advice}`);
  else
    core.info(
      `fastest: the plan (${Buffer.byteLength(compact)} bytes) travels ${published.how === 'inline' ? 'inline, compressed, in the plan output' : 'through the Actions cache'}`,
    );
  core.info(`fastest: ${plan.shards.length} shard(s): ${plan.shards.map((s) => `#${s.index} ${s.tests} tests ~${s.predicted.toFixed(1)}s`).join(', ')}`);
  return {
    exitCode: ExitCode.OK,
    outputs: { matrix: matrixJson(plan), 'shard-count': String(plan.shards.length), plan: published.handle, 'plan-file': PLAN_FILE },
    state,
    ...(affected ? { summary: `### fastest plan\n\n${affectedLine(affected)}\n` } : {}),
  };
}
