// The partitioner: test items + timings -> a Plan that gives every selected test to exactly one
// shard. Units are whole modules (module-scoped fixtures stay whole); a module longer than a fair
// share is split by class or test, each part paying the module's setup again. Units are packed by
// LPT (longest first onto the least loaded shard) then refined by moves and swaps off the most
// loaded shard. Everything is ordered canonically first, so the plan does not depend on input order.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TestItem, Unit } from '../types.js';
import { Estimator, type TimingsStore } from './timings.js';

export const PLAN_VERSION = 1;
export const MAX_SHARDS = 256;
export const DEFAULT_JOB_OVERHEAD_SECONDS = 30;
const DEFAULT_REFINE_STEPS = 2000;
const SWAP_PARTNERS = 8;

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

export class PlanError extends Error {}

interface Module {
  file: string;
  items: TestItem[];
  estimates: number[];
  setup: number;
  testsSeconds: number;
}

interface WorkUnit {
  file: string;
  items: TestItem[];
  whole: boolean;
  predicted: number;
  /** Canonical tie-break key. */
  key: string;
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

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
      current = { file: item.file, items: [], estimates: [], setup: estimator.moduleSetup(item.file), testsSeconds: 0 };
      modules.push(current);
    }
    const seconds = estimator.test(item);
    current.items.push(item);
    current.estimates.push(seconds);
    current.testsSeconds += seconds;
  }
  return modules;
}

function modulesTotal(modules: Module[]): number {
  return modules.reduce((sum, m) => sum + m.setup + m.testsSeconds, 0);
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
  const fairShare = modulesTotal(modules) / shardCount;
  const units: WorkUnit[] = [];
  for (const module of modules) {
    const whole = module.setup + module.testsSeconds;
    if (shardCount > 1 && module.items.length > 1 && whole > fairShare) units.push(...splitModule(module, fairShare, shardCount));
    else units.push({ file: module.file, items: module.items, whole: true, predicted: whole, key: module.items[0]?.id ?? module.file });
  }
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

/**
 * Splits a module into parts of at most about a fair share each. Atoms are top-level classes and
 * module-level functions (class-scoped fixtures stay whole); an atom bigger than a part is broken
 * into single tests. Atoms go longest first onto the lightest part; each part pays the setup.
 */
function splitModule(module: Module, fairShare: number, shardCount: number): WorkUnit[] {
  const partBudget = Math.max(fairShare - module.setup, fairShare / 2);
  const atoms: { indexes: number[]; seconds: number }[] = [];
  const byClass = new Map<string, { indexes: number[]; seconds: number }>();
  module.items.forEach((item, index) => {
    const seconds = module.estimates[index] ?? 0;
    const cls = item.classes[0];
    if (cls === undefined) {
      atoms.push({ indexes: [index], seconds });
      return;
    }
    let atom = byClass.get(cls);
    if (!atom) {
      atom = { indexes: [], seconds: 0 };
      byClass.set(cls, atom);
      atoms.push(atom);
    }
    atom.indexes.push(index);
    atom.seconds += seconds;
  });
  const pieces: { indexes: number[]; seconds: number }[] = [];
  for (const atom of atoms) {
    if (atom.seconds > partBudget && atom.indexes.length > 1) {
      for (const index of atom.indexes) pieces.push({ indexes: [index], seconds: module.estimates[index] ?? 0 });
    } else pieces.push(atom);
  }
  const partCount = Math.min(pieces.length, shardCount, Math.ceil(module.testsSeconds / partBudget));
  if (partCount <= 1) {
    return [{ file: module.file, items: module.items, whole: true, predicted: module.setup + module.testsSeconds, key: module.items[0]?.id ?? module.file }];
  }
  const order = pieces.map((_, i) => i).sort((a, b) => (pieces[b]?.seconds ?? 0) - (pieces[a]?.seconds ?? 0) || (pieces[a]?.indexes[0] ?? 0) - (pieces[b]?.indexes[0] ?? 0));
  const parts = Array.from({ length: partCount }, () => ({ indexes: [] as number[], seconds: 0 }));
  for (const p of order) {
    const piece = pieces[p];
    if (!piece) continue;
    let lightest = 0;
    for (let i = 1; i < parts.length; i++) if ((parts[i]?.seconds ?? 0) < (parts[lightest]?.seconds ?? 0)) lightest = i;
    const part = parts[lightest];
    if (!part) continue;
    part.indexes.push(...piece.indexes);
    part.seconds += piece.seconds;
  }
  return parts
    .filter((part) => part.indexes.length > 0)
    .map((part) => {
      const items = part.indexes.sort((a, b) => a - b).map((i) => module.items[i]).filter((i): i is TestItem => i !== undefined);
      return { file: module.file, items, whole: false, predicted: module.setup + part.seconds, key: items[0]?.id ?? module.file };
    });
}

function compareUnitsLongestFirst(a: WorkUnit, b: WorkUnit): number {
  return b.predicted - a.predicted || compareStrings(a.file, b.file) || compareStrings(a.key, b.key);
}

function lpt(units: WorkUnit[], shardCount: number): WorkUnit[][] {
  const shards: WorkUnit[][] = Array.from({ length: shardCount }, () => []);
  // Min-heap of [load, shard index]: the lightest shard, lowest index on ties.
  const heap: [number, number][] = Array.from({ length: shardCount }, (_, i) => [0, i]);
  const lighter = (a: [number, number], b: [number, number]): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  for (const unit of [...units].sort(compareUnitsLongestFirst)) {
    const top = heap[0];
    if (!top) break;
    shards[top[1]]?.push(unit);
    top[0] += unit.predicted;
    // Sift the grown root down.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && lighter(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && lighter(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  }
  return shards;
}

/**
 * Lowers the makespan by moving one unit off the most loaded shard, or swapping one of its units
 * for a smaller one elsewhere, picking the exchange that leaves the two shards closest to even.
 * Each accepted step strictly lowers the sum of squared loads, so it cannot cycle.
 */
function refine(shards: WorkUnit[][], shardCount: number, maxSteps: number): WorkUnit[][] {
  if (shardCount < 2) return shards;
  // Each shard's units kept sorted ascending by predicted seconds, for the binary searches.
  const sorted = shards.map((units) => [...units].sort((a, b) => -compareUnitsLongestFirst(a, b)));
  const loads = sorted.map((units) => units.reduce((s, u) => s + u.predicted, 0));
  const total = loads.reduce((a, b) => a + b, 0);
  const epsilon = Math.max(1e-9, total * 1e-9);
  for (let step = 0; step < maxSteps; step++) {
    let heaviest = 0;
    for (let i = 1; i < shardCount; i++) if ((loads[i] ?? 0) > (loads[heaviest] ?? 0)) heaviest = i;
    const top = loads[heaviest] ?? 0;
    const from = sorted[heaviest] ?? [];
    let best: { pairMax: number; other: number; out: number; back: number } | undefined;
    const consider = (pairMax: number, other: number, out: number, back: number): void => {
      if (pairMax < top - epsilon && (!best || pairMax < best.pairMax - epsilon)) best = { pairMax, other, out, back };
    };
    // Moves are tried with every shard (only units smaller than the gap can move), swaps with the
    // lightest few shards only: any unit may swap, so that search is the expensive one.
    const swapPartners = new Set(
      loads
        .map((load, index) => ({ load, index }))
        .sort((a, b) => a.load - b.load || a.index - b.index)
        .slice(0, SWAP_PARTNERS)
        .map((entry) => entry.index),
    );
    for (let other = 0; other < shardCount; other++) {
      if (other === heaviest) continue;
      const gap = top - (loads[other] ?? 0);
      if (gap <= epsilon) continue;
      const to = sorted[other] ?? [];
      const movable = upperBound(from, gap - epsilon);
      for (let u = 0; u < movable; u++) {
        const out = from[u]?.predicted ?? 0;
        // Move: the pair's new maximum is max(top - out, other + out).
        consider(Math.max(top - out, top - gap + out), other, u, -1);
      }
      if (!swapPartners.has(other)) continue;
      for (let u = 0; u < from.length; u++) {
        const out = from[u]?.predicted ?? 0;
        // Swap with a smaller unit `back` so that out - back is near gap / 2.
        const near = lowerBound(to, out - gap / 2);
        for (const v of [near - 1, near]) {
          const back = to[v]?.predicted;
          if (back === undefined) continue;
          const delta = out - back;
          if (delta <= epsilon || delta >= gap - epsilon) continue;
          consider(Math.max(top - delta, top - gap + delta), other, u, v);
        }
      }
    }
    if (!best) break;
    const chosen = best as { pairMax: number; other: number; out: number; back: number };
    const outUnit = from[chosen.out];
    const to = sorted[chosen.other] ?? [];
    const backUnit = chosen.back >= 0 ? to[chosen.back] : undefined;
    if (!outUnit) break;
    from.splice(chosen.out, 1);
    if (backUnit) to.splice(chosen.back, 1);
    insertSorted(to, outUnit);
    if (backUnit) insertSorted(from, backUnit);
    const delta = outUnit.predicted - (backUnit?.predicted ?? 0);
    loads[heaviest] = top - delta;
    loads[chosen.other] = (loads[chosen.other] ?? 0) + delta;
  }
  return sorted;
}

/** First index whose unit is not below `seconds`. */
function lowerBound(units: WorkUnit[], seconds: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((units[mid]?.predicted ?? 0) < seconds) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose unit is above `seconds`. */
function upperBound(units: WorkUnit[], seconds: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((units[mid]?.predicted ?? 0) <= seconds) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(units: WorkUnit[], unit: WorkUnit): void {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = units[mid];
    if (m && compareUnitsLongestFirst(m, unit) > 0) lo = mid + 1;
    else hi = mid;
  }
  units.splice(lo, 0, unit);
}

/** The ids a plan unit stands for (dynamic items by base id). */
export function unitTestIds(unit: PlanUnit): string[] {
  return unit.ids ?? unit.tests ?? [];
}

/** The GitHub Actions matrix for a plan: `{"include":[{"shard":1,"predicted":12.3},...]}`. */
export function matrixJson(plan: Plan): string {
  return JSON.stringify({ include: plan.shards.map((s) => ({ shard: s.index, predicted: Math.round(s.predicted * 10) / 10 })) });
}

/** The units shard `index` (1-based) runs, in plan order. */
export function unitsForShard(plan: Plan, index: number): Unit[] {
  const shard = plan.shards.find((s) => s.index === index);
  if (!shard) throw new PlanError(`shard ${index} is not in the plan (it has shards 1 to ${plan.shards.length})`);
  return shard.units.map((u) => ({ file: u.file, ids: u.ids === null ? null : [...u.ids], expected: u.predicted }));
}

export function readPlan(path: string): Plan {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new PlanError(`cannot read plan ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
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
    if (typeof shard['tests'] !== 'number') return `${where}: "tests" is not a count`;
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
