// A re-run of a workflow run (GITHUB_RUN_ATTEMPT > 1, same GITHUB_RUN_ID): each run job repeats
// only the tests of its shard that failed, errored or did not run in the latest earlier attempt
// that ran the shard, and writes one JUnit file of both attempts (merge/rerun-combine.ts).
//
// Each run job keeps its shard's combined JUnit file in the Actions cache under
// <prefix>-attempt-<run id>-shard<K>-<attempt> (saved by the post step; entries are immutable and
// scoped to this run, so a pull request writing them can only affect its own run's re-runs).
// Attempt N restores <...>-<N-1>, else the newest <...>-shard<K>- entry: "re-run failed jobs"
// skips the shards that passed, so a later "re-run all jobs" finds an older attempt's entry. On a
// miss, an unreadable entry or results this logic cannot attribute, the whole shard runs, said in
// one line.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { openSession } from '../cli/session.js';
import { coverageActive } from '../coverage/options.js';
import { JUnitError, readJUnitFile, type JUnitDocument } from '../merge/junit-read.js';
import { combineAttempts, rerunWork } from '../merge/rerun-combine.js';
import { unitTestIds, type Plan } from '../shard/plan.js';
import { restoreEntry, type CacheEntryRef } from './cache.js';
import type { ActionInputs } from './inputs.js';

const ENTRY_VERSION = 1;
const JUNIT_FILE = 'junit.xml';
const META_FILE = 'attempt.json';

/** What the test half of a re-run needs to know of the earlier attempt (plain data: it is kept as JSON across process.execve). */
export interface PreparedRerun {
  /** The earlier attempt's JUnit file, copied out of the restored cache entry. */
  previousJUnit: string;
  previousAttempt: number;
  done: string[];
  /** The plan with this shard cut down to the ids to run again; absent when nothing runs. */
  runPlanFile?: string;
}

interface EntryMeta {
  fastestAttempt: typeof ENTRY_VERSION;
  runId: string;
  shard: number;
  attempt: number;
}

export function runAttempt(env: NodeJS.ProcessEnv): number {
  const attempt = Number(env.GITHUB_RUN_ATTEMPT);
  return Number.isInteger(attempt) && attempt >= 1 ? attempt : 1;
}

/** The cache entry of one shard's results in one attempt of this run (its path is the same for every attempt). */
export function attemptEntry(prefix: string, env: NodeJS.ProcessEnv, shard: number, attempt: number): CacheEntryRef {
  const base = `${prefix}-attempt-${env.GITHUB_RUN_ID || 'local'}-shard${shard}-`;
  return { path: `.fastest-attempt/shard-${shard}`, key: `${base}${attempt}`, restoreKeys: [base] };
}

/** The planned ids of shard `index`, in plan order. */
function shardIds(plan: Plan, index: number): string[] {
  return (plan.shards.find((s) => s.index === index)?.units ?? []).flatMap(unitTestIds);
}

/** Reads a restored entry: its meta and JUnit document, or why they cannot be used. */
function readEntry(dir: string, env: NodeJS.ProcessEnv, shard: number, attempt: number): { meta: EntryMeta; doc: JUnitDocument } | string {
  let meta: EntryMeta;
  try {
    meta = JSON.parse(readFileSync(join(dir, META_FILE), 'utf8')) as EntryMeta;
  } catch (err) {
    return `cannot read its ${META_FILE}: ${(err as Error).message}`;
  }
  if (meta?.fastestAttempt !== ENTRY_VERSION || meta.runId !== (env.GITHUB_RUN_ID || 'local') || meta.shard !== shard)
    return `${META_FILE} is not this run's shard ${shard}`;
  if (!Number.isInteger(meta.attempt) || meta.attempt < 1 || meta.attempt >= attempt) return `${META_FILE} names attempt ${String(meta.attempt)}`;
  try {
    return { meta, doc: readJUnitFile(join(dir, JUNIT_FILE)) };
  } catch (err) {
    return err instanceof JUnitError ? err.reason : (err as Error).message;
  }
}

/**
 * On attempt 2 and later: what of shard `shard` to run again. Undefined runs the whole shard
 * (attempt 1, turned off, no earlier results); every case but attempt 1 and "turned off" says so.
 */
export async function prepareRerun(inputs: ActionInputs, env: NodeJS.ProcessEnv, plan: Plan, tempDir: string): Promise<PreparedRerun | undefined> {
  const shard = inputs.shard as number;
  const attempt = runAttempt(env);
  if (attempt === 1 || !inputs.rerunFailedOnly) return undefined;
  const whole = (why: string): undefined => {
    core.info(`fastest: attempt ${attempt}: running the whole of shard ${shard}: ${why}`);
    return undefined;
  };
  if (!inputs.cache) return whole("input 'cache' is false, so no earlier attempt's results are kept");
  try {
    const session = openSession(inputs.args, 'discover', inputs.workingDirectory, env);
    if (coverageActive(session.options.coverage)) return whole('coverage is on, and a partial re-run would measure only part of the shard');
  } catch {
    // The project cannot be read here: the run says why.
  }
  const entry = attemptEntry(inputs.cacheKeyPrefix, env, shard, attempt - 1);
  const dir = join(inputs.workspace, entry.path);
  rmSync(dir, { recursive: true, force: true });
  const hit = await restoreEntry(entry, `results of an earlier attempt of shard ${shard}`);
  if (hit === undefined || !existsSync(dir)) return whole('no results of an earlier attempt of it could be restored from the cache');
  const read = readEntry(dir, env, shard, attempt);
  if (typeof read === 'string') return whole(`the earlier results (cache key ${hit}) cannot be used: ${read}`);
  const planned = shardIds(plan, shard);
  const work = rerunWork(planned, read.doc);
  if (work.wholeShard !== undefined) return whole(work.wholeShard);

  mkdirSync(tempDir, { recursive: true });
  const previousJUnit = join(tempDir, `attempt-${read.meta.attempt}.xml`);
  cpSync(join(dir, JUNIT_FILE), previousJUnit);
  const prepared: PreparedRerun = { previousJUnit, previousAttempt: read.meta.attempt, done: [...work.done] };
  if (work.rerun.length === 0) {
    core.info(
      `fastest: attempt ${attempt}: shard ${shard} passed in attempt ${read.meta.attempt}: nothing to run again; its ${planned.length} result(s) are kept`,
    );
    return prepared;
  }
  const rerun = new Set(work.rerun);
  const cut: Plan = {
    ...plan,
    shards: plan.shards.map((s) => {
      if (s.index !== shard) return s;
      const units = s.units
        .map((u) => ({ file: u.file, ids: unitTestIds(u).filter((id) => rerun.has(id)), predicted: u.predicted }))
        .filter((u) => u.ids.length > 0);
      return { ...s, units, tests: work.rerun.length };
    }),
  };
  prepared.runPlanFile = join(tempDir, 'rerun-plan.json');
  writeFileSync(prepared.runPlanFile, JSON.stringify(cut));
  core.info(
    `fastest: attempt ${attempt}: shard ${shard} runs again the ${work.rerun.length} of its ${planned.length} test(s) that failed, errored or did not run in attempt ${read.meta.attempt}; the ${work.done.size} that passed there are kept`,
  );
  return prepared;
}

/**
 * After the tests: the shard's JUnit file made whole (the earlier attempt's kept results with
 * this attempt's), and this attempt's entry laid out for the post step to save. Returns the
 * entry to save, as JSON, or undefined when nothing is kept.
 */
export function finishAttempt(inputs: ActionInputs, env: NodeJS.ProcessEnv, plan: Plan, rerun: PreparedRerun | undefined): string | undefined {
  try {
    return keepAttempt(inputs, env, plan, rerun);
  } catch (err) {
    // The shard's own check then names what its JUnit file lacks; nothing is kept for a next attempt.
    core.warning(`fastest: cannot keep the results of this attempt: ${(err as Error).message}`);
    return undefined;
  }
}

function keepAttempt(inputs: ActionInputs, env: NodeJS.ProcessEnv, plan: Plan, rerun: PreparedRerun | undefined): string | undefined {
  const shard = inputs.shard as number;
  const attempt = runAttempt(env);
  if (rerun !== undefined) {
    const previous = readJUnitFile(rerun.previousJUnit);
    let current: JUnitDocument | undefined;
    if (rerun.runPlanFile !== undefined && existsSync(inputs.junitPath)) {
      try {
        current = readJUnitFile(inputs.junitPath);
      } catch (err) {
        // Left as written: the run's own check names it.
        core.warning(`fastest: cannot combine attempt ${attempt} with attempt ${rerun.previousAttempt}: ${(err as Error).message}`);
        return undefined;
      }
    }
    const combined = combineAttempts({
      previous,
      previousAttempt: rerun.previousAttempt,
      done: new Set(rerun.done),
      plannedIds: shardIds(plan, shard),
      current,
    });
    writeFileSync(inputs.junitPath, combined);
  }
  if (!inputs.rerunFailedOnly || !inputs.cache || !existsSync(inputs.junitPath)) return undefined;
  const entry = attemptEntry(inputs.cacheKeyPrefix, env, shard, attempt);
  const dir = join(inputs.workspace, entry.path);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(inputs.junitPath, join(dir, JUNIT_FILE));
  const meta: EntryMeta = { fastestAttempt: ENTRY_VERSION, runId: env.GITHUB_RUN_ID || 'local', shard, attempt };
  writeFileSync(join(dir, META_FILE), JSON.stringify(meta));
  return JSON.stringify(entry);
}
