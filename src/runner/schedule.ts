// Units of work for the pool: whole modules, except a module so long that it would keep one
// worker busy after the others are done; that one is cut into runs of tests (classes whole).
import type { TestItem, Unit } from '../types.js';

/** The selected items of one file; `whole` when they are all the file has (ids may then be null). */
export interface FileSelection {
  items: TestItem[];
  whole: boolean;
  /** Never cut: the module may make tests no listed id names, which a run of ids would miss. */
  keepWhole?: true;
}

/** The worker that runs every unit with pytest-benchmark tests. */
const BENCHMARK_WORKER = 0;

/** Seconds for a test with no recorded timing, when no test has one. */
export const DEFAULT_TEST_SECONDS = 0.01;
/** A module is split when it is this many times a worker's fair share of the run. */
const SPLIT_FACTOR = 1.25;
/** Each piece of a split module must be worth its extra collection and module set-up. */
const MIN_PIECE_SECONDS = 0.5;

/**
 * @param itemsByFile selected items per rootdir-relative file, in collection order; a bare array
 *   means every item of the file is selected.
 * @param expectedSeconds known durations by test id (missing ids get the mean of the known ones).
 * @param pinBenchmarks whether pytest-benchmark measures the run's benchmarks (cli/pytest-options.ts
 *   benchmarksMeasured): only then do their units all go to one worker.
 * @param keepModulesWhole never cut a module (pytest-xdist's `--dist loadscope` / `loadfile`).
 */
export function makeUnits(
  itemsByFile: Map<string, FileSelection | TestItem[]>,
  expectedSeconds: Map<string, number>,
  workers: number,
  pinBenchmarks = true,
  keepModulesWhole = false,
): Unit[] {
  const estimate = meanOf(expectedSeconds) ?? DEFAULT_TEST_SECONDS;
  const seconds = (item: TestItem) => expectedSeconds.get(item.id) ?? estimate;

  const files: { file: string; items: TestItem[]; whole: boolean; keepWhole: boolean; total: number }[] = [];
  let total = 0;
  for (const [file, entry] of itemsByFile) {
    const selection = Array.isArray(entry) ? { items: entry, whole: true } : entry;
    if (selection.items.length === 0) continue;
    const fileTotal = selection.items.reduce((sum, item) => sum + seconds(item), 0);
    files.push({ file, items: selection.items, whole: selection.whole, keepWhole: 'keepWhole' in selection, total: fileTotal });
    total += fileTotal;
  }

  const share = workers > 0 ? total / workers : total;
  const units: Unit[] = [];
  for (const { file, items, whole, keepWhole, total: fileTotal } of files) {
    const benchmark = pinBenchmarks && items.some((item) => item.usesBenchmark);
    const pieces =
      workers > 1 && fileTotal > SPLIT_FACTOR * share && !benchmark && !keepModulesWhole && !keepWhole
        ? Math.min(workers, Math.ceil(fileTotal / share), Math.floor(fileTotal / MIN_PIECE_SECONDS))
        : 1;
    const groups = pieces > 1 ? groupByClass(items) : [];
    if (pieces <= 1 || groups.length < 2) {
      units.push({ file, ids: whole ? null : items.map((i) => i.id), expected: fileTotal, ...(benchmark ? { benchmark: true as const } : {}) });
      continue;
    }
    for (const run of cutIntoRuns(groups, pieces, seconds)) {
      units.push({ file, ids: run.map((i) => i.id), expected: run.reduce((sum, i) => sum + seconds(i), 0) });
    }
  }
  return units;
}

/**
 * Units that keep the items' own order where it is not file order: `--ff` puts the failed tests
 * of every module ahead of the others, as pytest does, so a module can come twice. Each run of
 * consecutive items of such a module, in its collection order, becomes a unit of its own (a
 * worker runs a unit's tests in collection order); the other modules keep their units
 * (`fileUnits`, from makeUnits). Units come in the order of their first item.
 * @param items the selected items in the order pytest runs them.
 * @param collected the same items in collection order.
 */
export function unitsInItemOrder(
  items: TestItem[],
  collected: TestItem[],
  fileUnits: Unit[],
  expectedSeconds: Map<string, number>,
  pinBenchmarks = true,
): Unit[] {
  const collectedAt = new Map(collected.map((item, index) => [item.id, index]));
  const runs: TestItem[][] = [];
  const runsPerFile = new Map<string, number>();
  for (const item of items) {
    const last = runs.at(-1);
    const previous = last?.at(-1);
    if (last && previous && previous.file === item.file && (collectedAt.get(previous.id) ?? 0) < (collectedAt.get(item.id) ?? 0)) last.push(item);
    else {
      runs.push([item]);
      runsPerFile.set(item.file, (runsPerFile.get(item.file) ?? 0) + 1);
    }
  }
  if ([...runsPerFile.values()].every((count) => count === 1)) return fileUnits;
  const estimate = meanOf(expectedSeconds) ?? DEFAULT_TEST_SECONDS;
  const position = new Map(items.map((item, index) => [item.id, index]));
  const fileFirst = new Map<string, number>();
  items.forEach((item, index) => fileFirst.has(item.file) || fileFirst.set(item.file, index));
  const firstPosition = (unit: Unit) => (unit.ids === null ? fileFirst.get(unit.file) : position.get(unit.ids[0])) ?? 0;
  const ordered = fileUnits.filter((unit) => runsPerFile.get(unit.file) === 1);
  for (const run of runs) {
    if (runsPerFile.get(run[0].file) === 1) continue;
    const ids = run.map((item) => item.id);
    const benchmark = pinBenchmarks && run.some((item) => item.usesBenchmark);
    ordered.push({
      file: run[0].file,
      ids,
      expected: ids.reduce((sum, id) => sum + (expectedSeconds.get(id) ?? estimate), 0),
      ...(benchmark ? { benchmark: true as const } : {}),
    });
  }
  return ordered.sort((a, b) => firstPosition(a) - firstPosition(b));
}

/** Consecutive items that must stay on one worker: a top-level class with its tests, or one function. */
function groupByClass(items: TestItem[]): TestItem[][] {
  const groups: TestItem[][] = [];
  let currentClass: string | null = null;
  for (const item of items) {
    const cls = item.classes.length ? item.classes[0] : null;
    if (cls !== null && cls === currentClass) {
      groups[groups.length - 1].push(item);
    } else {
      groups.push([item]);
    }
    currentClass = cls;
  }
  return groups;
}

/** Split groups, in order, into at most `pieces` runs of roughly equal expected time. */
function cutIntoRuns(groups: TestItem[][], pieces: number, seconds: (i: TestItem) => number): TestItem[][] {
  const groupSeconds = groups.map((g) => g.reduce((sum, i) => sum + seconds(i), 0));
  const total = groupSeconds.reduce((a, b) => a + b, 0);
  const target = total / pieces;
  const runs: TestItem[][] = [];
  let run: TestItem[] = [];
  let acc = 0;
  groups.forEach((group, index) => {
    // Cut before this group when the run is full enough and runs remain to be filled.
    const remainingRuns = pieces - runs.length;
    if (run.length && remainingRuns > 1 && acc + groupSeconds[index] / 2 > target) {
      runs.push(run);
      run = [];
      acc = 0;
    }
    run.push(...group);
    acc += groupSeconds[index];
  });
  if (run.length) runs.push(run);
  return runs;
}

function meanOf(values: Map<string, number>): number | undefined {
  if (values.size === 0) return undefined;
  let sum = 0;
  for (const v of values.values()) sum += v;
  return sum / values.size;
}

/**
 * Which worker runs which unit, keeping pytest's order: each worker runs its units in
 * collection order (with one worker, exactly pytest's order). The units with pytest-benchmark
 * tests all go to the first worker, whose pytest-benchmark session then measures and reports
 * every benchmark, one at a time, as pytest's does. The others are dealt longest first, each to
 * the least loaded worker (LPT); a worker that runs out takes the last unit of the worker with
 * the most time left, but only a unit that comes after everything it has already run, so that
 * its own order is still pytest's relative order, and never a benchmark unit.
 */
export class OrderedQueues {
  private readonly queues: Unit[][];
  private readonly position = new WeakMap<Unit, number>();
  /** The collection position of the last unit each worker was given (-1: none yet). */
  private readonly lastGiven: number[];

  /** @param units in collection order. */
  constructor(units: Unit[], workers: number) {
    const count = Math.max(1, workers);
    this.queues = Array.from({ length: count }, () => []);
    this.lastGiven = new Array<number>(count).fill(-1);
    units.forEach((unit, index) => this.position.set(unit, index));
    const load = new Array<number>(count).fill(0);
    for (const unit of units) {
      if (!unit.benchmark) continue;
      load[BENCHMARK_WORKER] += unit.expected;
      this.queues[BENCHMARK_WORKER].push(unit);
    }
    const longestFirst = units
      .map((unit, index) => ({ unit, index }))
      .filter(({ unit }) => !unit.benchmark)
      .sort((a, b) => b.unit.expected - a.unit.expected || a.index - b.index);
    for (const { unit } of longestFirst) {
      let least = 0;
      for (let w = 1; w < count; w++) if (load[w] < load[least]) least = w;
      load[least] += unit.expected;
      this.queues[least].push(unit);
    }
    for (const queue of this.queues) queue.sort((a, b) => this.position.get(a)! - this.position.get(b)!);
  }

  get size(): number {
    return this.queues.reduce((sum, queue) => sum + queue.length, 0);
  }

  /** The next unit for `worker`: its own, else one taken from the busiest worker that keeps the order. */
  next(worker: number): Unit | undefined {
    const own = this.queues[worker]?.shift();
    if (own) return this.given(worker, own);
    let victim = -1;
    let victimSeconds = 0;
    this.queues.forEach((queue, w) => {
      const last = queue.at(-1);
      if (!last || last.benchmark || this.position.get(last)! <= this.lastGiven[worker]) return;
      const seconds = queue.reduce((sum, unit) => sum + unit.expected, 0);
      if (victim < 0 || seconds > victimSeconds) {
        victim = w;
        victimSeconds = seconds;
      }
    });
    return victim < 0 ? undefined : this.given(worker, this.queues[victim].pop()!);
  }

  /**
   * A unit found after the queues were dealt (a module the collection pass found tests in though
   * discovery listed none): on `worker`'s queue, in collection order just after `after` (the
   * unit that precedes it in collection order; none: first).
   */
  insert(worker: number, unit: Unit, after: Unit | undefined): void {
    const base = after ? this.position.get(after)! : -1;
    const queue = this.queues[worker];
    let position = base + 0.5;
    for (const other of queue)
      if (this.position.get(other)! > base && this.position.get(other)! < base + 1) position = Math.max(position, (this.position.get(other)! + base + 1) / 2);
    this.position.set(unit, position);
    const at = queue.findIndex((other) => this.position.get(other)! > position);
    queue.splice(at < 0 ? queue.length : at, 0, unit);
  }

  /** The worker with the least expected time queued. */
  leastLoaded(): number {
    const loads = this.queues.map((queue) => queue.reduce((sum, unit) => sum + unit.expected, 0));
    return loads.indexOf(Math.min(...loads));
  }

  /** The files of `worker`'s share. */
  filesOf(worker: number): Set<string> {
    return new Set((this.queues[worker] ?? []).map((unit) => unit.file));
  }

  /** The next unit of `worker`'s own share if it is expected to take at most `maxSeconds`; never another worker's. */
  nextOwn(worker: number, maxSeconds = Infinity): Unit | undefined {
    const queue = this.queues[worker];
    if (!queue?.length || queue[0].expected > maxSeconds) return undefined;
    return this.given(worker, queue.shift()!);
  }

  /** What is left of `of` after its worker died: that worker runs it next, in its place. */
  putBack(worker: number, rest: Unit, of: Unit): void {
    this.position.set(rest, this.position.get(of) ?? this.lastGiven[worker]);
    this.queues[worker].unshift(rest);
  }

  /** Units of these files run no more (their modules failed to collect). */
  dropFiles(files: ReadonlySet<string>): void {
    for (const queue of this.queues) {
      const kept = queue.filter((unit) => !files.has(unit.file));
      queue.splice(0, queue.length, ...kept);
    }
  }

  clear(): void {
    for (const queue of this.queues) queue.length = 0;
  }

  /** The unit's place in collection order (undefined: a unit this queue never held). */
  positionOf(unit: Unit): number | undefined {
    return this.position.get(unit);
  }

  /** Units after collection position `position` run no more (-x/--maxfail reached there). */
  dropAfter(position: number): void {
    for (const queue of this.queues) {
      const kept = queue.filter((unit) => (this.position.get(unit) ?? Infinity) < position);
      queue.splice(0, queue.length, ...kept);
    }
  }

  private given(worker: number, unit: Unit): Unit {
    this.lastGiven[worker] = Math.max(this.lastGiven[worker], this.position.get(unit) ?? -1);
    return unit;
  }
}

/**
 * The files of the collection pass in collection order: the units' files (in their order), with
 * each module that has no unit placed before the first unit file that follows it in the walk
 * (`modules`: the walk's test modules in collection order).
 */
export function passFiles(units: readonly Unit[], modules: readonly string[]): string[] {
  const walkIndex = new Map(modules.map((file, index) => [file, index]));
  const unitFiles = [...new Set(units.map((unit) => unit.file))];
  const withUnits = new Set(unitFiles);
  const extras = modules.filter((file) => !withUnits.has(file));
  const files: string[] = [];
  let next = 0;
  for (const file of unitFiles) {
    const at = walkIndex.get(file);
    if (at !== undefined) for (; next < extras.length && walkIndex.get(extras[next])! < at; next++) files.push(extras[next]);
    files.push(file);
  }
  files.push(...extras.slice(next));
  return files;
}
