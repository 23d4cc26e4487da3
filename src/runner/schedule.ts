// Units of work for the pool: whole modules, except a module so long that it would keep one
// worker busy after the others are done; that one is cut into runs of tests (classes whole).
import type { TestItem, Unit } from '../types.js';

/** The selected items of one file; `whole` when they are all the file has (ids may then be null). */
export interface FileSelection {
  items: TestItem[];
  whole: boolean;
}

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
 */
export function makeUnits(
  itemsByFile: Map<string, FileSelection | TestItem[]>,
  expectedSeconds: Map<string, number>,
  workers: number,
): Unit[] {
  const estimate = meanOf(expectedSeconds) ?? DEFAULT_TEST_SECONDS;
  const seconds = (item: TestItem) => expectedSeconds.get(item.id) ?? estimate;

  const files: { file: string; items: TestItem[]; whole: boolean; total: number }[] = [];
  let total = 0;
  for (const [file, entry] of itemsByFile) {
    const selection = Array.isArray(entry) ? { items: entry, whole: true } : entry;
    if (selection.items.length === 0) continue;
    const fileTotal = selection.items.reduce((sum, item) => sum + seconds(item), 0);
    files.push({ file, items: selection.items, whole: selection.whole, total: fileTotal });
    total += fileTotal;
  }

  const share = workers > 0 ? total / workers : total;
  const units: Unit[] = [];
  for (const { file, items, whole, total: fileTotal } of files) {
    const pieces =
      workers > 1 && fileTotal > SPLIT_FACTOR * share
        ? Math.min(workers, Math.ceil(fileTotal / share), Math.floor(fileTotal / MIN_PIECE_SECONDS))
        : 1;
    const groups = pieces > 1 ? groupByClass(items) : [];
    if (pieces <= 1 || groups.length < 2) {
      units.push({ file, ids: whole ? null : items.map((i) => i.id), expected: fileTotal });
      continue;
    }
    for (const run of cutIntoRuns(groups, pieces, seconds)) {
      units.push({ file, ids: run.map((i) => i.id), expected: run.reduce((sum, i) => sum + seconds(i), 0) });
    }
  }
  return units;
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
