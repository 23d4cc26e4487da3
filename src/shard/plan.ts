// The partitioner: test items + timings -> a Plan that gives every selected test to exactly one
// shard. Units are whole modules (module-scoped fixtures stay whole); a module too long for one
// shard is split by class or test, each part paying the module's setup again (split.ts). Units are
// packed by LPT, then refined by moves and swaps off the most loaded shard and by moves of single
// classes or tests of split modules (pack.ts). Everything is ordered canonically first, so the plan
// does not depend on input order.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { ExitCode, type TestItem, type Unit } from '../types.js';
import { lpt, refine } from './pack.js';
import { modulesTotal, moduleUnits, splitRule } from './split.js';
import { Estimator, type TimingsStore } from './timings.js';
import { compareStrings, type Module, type WorkUnit } from './units.js';

export const PLAN_VERSION = 1;
export const MAX_SHARDS = 256;
export const DEFAULT_JOB_OVERHEAD_SECONDS = 30;
/** The largest plan file read (a plan for 100,000 tests is about 4 MB). */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024;
const DEFAULT_REFINE_STEPS = 2000;

export interface PlanUnit {
  file: string;
  /** Node ids to run (dynamic items by base id); null runs the whole module as collected. */
  ids: string[] | null;
  /** When `ids` is null: the selected ids the module holds, so merge can check nothing is lost. */
  tests?: string[];
  predicted: number;
}

export interface PlanShard {
  /** 1-based, as in `--shard K`. */
  index: number;
  predicted: number;
  /** Number of selected ids (dynamic items count once) the shard runs. */
  tests: number;
  units: PlanUnit[];
}

export interface Plan {
  version: typeof PLAN_VERSION;
  /** sha256 (hex) of the sorted selected ids joined by newlines. */
  digest: string;
  /** Predicted seconds of all shards together, repeated module setups included. */
  total: number;
  shards: PlanShard[];
}

export interface PlanOptions {
  shards: number | 'auto';
  /** With `auto`: the fewest shards whose predicted makespan fits in this many seconds. */
  targetSeconds?: number;
  /** With `auto` and no target: the fixed cost of one more CI job (default 30 s). */
  jobOverheadSeconds?: number;
  /** List ids even for whole modules (needed when the items were filtered by -k/-m). */
  explicitIds?: boolean;
  /** Refinement steps after LPT (default 2000; 0 = plain LPT, for the bench). */
  refineSteps?: number;
}

/** A plan that cannot be made or read: bad input, so pytest's usage-error exit code. */
export class PlanError extends Error {
  readonly exitCode = ExitCode.USAGE_ERROR;
}

/** `12 tests in 2 shard(s), predicted 3.1s per shard at most, 5.9s in all, from 3 learned run(s)`. */
export function planLine(plan: Plan, tests: number, learnedRuns: number): string {
  const makespan = Math.max(...plan.shards.map((s) => s.predicted));
  const known = learnedRuns > 0 ? `from ${learnedRuns} learned run(s)` : 'with no timings yet (even split by count)';
  return `${tests} tests in ${plan.shards.length} shard(s), predicted ${makespan.toFixed(1)}s per shard at most, ${plan.total.toFixed(1)}s in all, ${known}`;
}

export function makePlan(items: TestItem[], timings: TimingsStore, opts: PlanOptions): Plan {
  const selected = canonicalItems(items);
  const modules = groupModules(selected, new Estimator(timings));
  const digest = digestIds(selected.map((i) => i.id));
  const explicitIds = opts.explicitIds ?? false;
  const steps = opts.refineSteps ?? DEFAULT_REFINE_STEPS;
  if (opts.shards === 'auto') {
    const count = autoShardCount(modules, opts);
    return packPlan(modules, count, digest, explicitIds, steps);
  }
  if (!Number.isInteger(opts.shards) || opts.shards < 1 || opts.shards > MAX_SHARDS) {
    throw new PlanError(`shard count must be an integer from 1 to ${MAX_SHARDS}, got ${opts.shards}`);
  }
  return packPlan(modules, opts.shards, digest, explicitIds, steps);
}

/** Items sorted by (file, line, id), duplicate ids dropped. Grouped by file first: fewer string compares. */
function canonicalItems(items: TestItem[]): TestItem[] {
  const byFile = new Map<string, TestItem[]>();
  for (const item of items) {
    const list = byFile.get(item.file);
    if (list) list.push(item);
    else byFile.set(item.file, [item]);
  }
  const seen = new Set<string>();
  const sorted: TestItem[] = [];
  for (const file of [...byFile.keys()].sort(compareStrings)) {
    const list = byFile.get(file) ?? [];
    list.sort((a, b) => a.line - b.line || compareStrings(a.id, b.id));
    for (const item of list) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      sorted.push(item);
    }
  }
  return sorted;
}

export function digestIds(ids: string[]): string {
  const sorted = [...ids].sort(compareStrings);
  return createHash('sha256').update(sorted.join('\n')).digest('hex');
}

function groupModules(items: TestItem[], estimator: Estimator): Module[] {
  const modules: Module[] = [];
  for (const item of items) {
    let current = modules[modules.length - 1];
    if (!current || current.file !== item.file) {
      current = { file: item.file, items: [], estimates: [], setup: estimator.moduleSetup(item.file), testsSeconds: 0, longestTest: 0 };
      modules.push(current);
    }
    const seconds = estimator.test(item);
    current.items.push(item);
    current.estimates.push(seconds);
    current.testsSeconds += seconds;
    current.longestTest = Math.max(current.longestTest, seconds);
  }
  return modules;
}

/**
 * Without a target, the count that minimises (total / N + N * overhead): the wall time of one
 * shard traded against the job overhead every extra shard adds, i.e. N = sqrt(total / overhead).
 * With a target, the fewest shards whose planned makespan fits the target.
 */
function autoShardCount(modules: Module[], opts: PlanOptions): number {
  const total = modulesTotal(modules);
  const testCount = modules.reduce((n, m) => n + m.items.length, 0);
  const ceiling = Math.max(1, Math.min(MAX_SHARDS, testCount));
  const clamp = (n: number): number => Math.max(1, Math.min(ceiling, n));
  const target = opts.targetSeconds;
  if (target === undefined) {
    const overhead = opts.jobOverheadSeconds ?? DEFAULT_JOB_OVERHEAD_SECONDS;
    if (!(overhead > 0)) throw new PlanError('job overhead seconds must be positive');
    return clamp(Math.round(Math.sqrt(total / overhead)));
  }
  if (!(target > 0)) throw new PlanError('target seconds must be positive');
  let count = clamp(Math.ceil(total / target));
  let previous = Infinity;
  for (let attempt = 0; attempt < 12; attempt++) {
    const makespan = Math.max(...packPlan(modules, count, '', false, opts.refineSteps ?? DEFAULT_REFINE_STEPS).shards.map((s) => s.predicted));
    // Stop when it fits, when no more shards are allowed, or when more shards stopped helping
    // (the makespan is held up by a unit that cannot be split further).
    if (makespan <= target || count >= ceiling || makespan > previous * 0.99) break;
    previous = makespan;
    count = clamp(Math.max(count + 1, Math.ceil((count * makespan) / target)));
  }
  return count;
}

function packPlan(modules: Module[], shardCount: number, digest: string, explicitIds: boolean, refineSteps: number): Plan {
  const rule = splitRule(modules, shardCount);
  const units = modules.flatMap((module) => moduleUnits(module, rule, shardCount));
  const assignment = refine(lpt(units, shardCount), shardCount, refineSteps);
  const shards: PlanShard[] = assignment.map((shardUnits, i) => {
    const ordered = [...shardUnits].sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.key, b.key));
    return {
      index: i + 1,
      predicted: round3(ordered.reduce((sum, u) => sum + u.predicted, 0)),
      tests: ordered.reduce((n, u) => n + u.items.length, 0),
      units: ordered.map((u) => toPlanUnit(u, explicitIds)),
    };
  });
  return { version: PLAN_VERSION, digest, total: round3(shards.reduce((s, sh) => s + sh.predicted, 0)), shards };
}

function toPlanUnit(unit: WorkUnit, explicitIds: boolean): PlanUnit {
  const ids = unit.items.map((i) => i.id);
  if (unit.whole && !explicitIds) return { file: unit.file, ids: null, tests: ids, predicted: round3(unit.predicted) };
  return { file: unit.file, ids, predicted: round3(unit.predicted) };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The ids a plan unit stands for (dynamic items by base id). */
export function unitTestIds(unit: PlanUnit): string[] {
  return unit.ids ?? unit.tests ?? [];
}

/** The GitHub Actions matrix for a plan: `{"shard":[1,2,...]}`, about 1 KB at 256 shards. */
export function matrixJson(plan: Plan): string {
  return JSON.stringify({ shard: plan.shards.map((s) => s.index) });
}

/** The units shard `index` (1-based) runs, in plan order. */
export function unitsForShard(plan: Plan, index: number): Unit[] {
  const shard = plan.shards.find((s) => s.index === index);
  if (!shard) throw new PlanError(`shard ${index} is not in the plan (it has shards 1 to ${plan.shards.length})`);
  return shard.units.map((u) => ({ file: u.file, ids: u.ids === null ? null : [...u.ids], expected: u.predicted }));
}

/**
 * The text of a plan file: a regular file up to `maxBytes`. Opened without blocking and checked
 * before reading, so a FIFO or a device (`/dev/zero`) is refused rather than waited on.
 */
export function readPlanText(path: string, maxBytes: number = MAX_PLAN_BYTES): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new PlanError(`cannot read plan ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new PlanError(`plan ${path} is not a regular file`);
    if (stat.size > maxBytes) throw new PlanError(`plan ${path} is ${stat.size} bytes, over the ${maxBytes}-byte limit`);
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export function readPlan(path: string): Plan {
  const text = readPlanText(path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new PlanError(`plan ${path} is not valid JSON`);
  }
  const problem = planProblem(data);
  if (problem) throw new PlanError(`plan ${path} is invalid: ${problem}`);
  return data as Plan;
}

/** What is wrong with a would-be plan, or undefined when it is a valid plan. */
export function planProblem(data: unknown): string | undefined {
  if (!isRecord(data)) return 'not a JSON object';
  if (data['version'] !== PLAN_VERSION) return `unsupported version ${JSON.stringify(data['version'])}`;
  if (typeof data['digest'] !== 'string') return '"digest" is not a string';
  if (!isSeconds(data['total'])) return '"total" is not a number of seconds';
  const shards = data['shards'];
  if (!Array.isArray(shards) || shards.length < 1 || shards.length > MAX_SHARDS) return `"shards" must list 1 to ${MAX_SHARDS} shards`;
  const seen = new Set<string>();
  for (const [i, shard] of shards.entries()) {
    const where = `shard ${i + 1}`;
    if (!isRecord(shard)) return `${where} is not an object`;
    if (shard['index'] !== i + 1) return `${where} has index ${JSON.stringify(shard['index'])}`;
    if (!isSeconds(shard['predicted'])) return `${where}: "predicted" is not a number of seconds`;
    if (typeof shard['tests'] !== 'number' || !Number.isInteger(shard['tests']) || shard['tests'] < 0) return `${where}: "tests" is not a count`;
    const units = shard['units'];
    if (!Array.isArray(units)) return `${where}: "units" is not a list`;
    for (const unit of units) {
      if (!isRecord(unit) || typeof unit['file'] !== 'string' || !isSeconds(unit['predicted'])) return `${where} has a malformed unit`;
      const ids = unit['ids'] === null ? unit['tests'] : unit['ids'];
      if (ids === undefined && unit['ids'] === null) continue;
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return `${where}: unit ${unit['file']} has malformed ids`;
      for (const id of ids as string[]) {
        if (seen.has(id)) return `test ${id} is planned twice`;
        seen.add(id);
      }
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSeconds(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
