// Packing units into shards: LPT (longest first onto the least loaded shard), then refinement by
// moves and swaps off the most loaded shard, and moves of single pieces of split modules.
import { comparePieces, compareUnitsLongestFirst, partItems, sumSeconds, type Piece, type WorkUnit } from './units.js';

const SWAP_PARTNERS = 8;

export function lpt(units: WorkUnit[], shardCount: number): WorkUnit[][] {
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

/** One way to unload the most loaded shard, and the larger of the two loads it leaves. */
type Exchange =
  /** Unit `out` of the heaviest shard to `other`, and unit `back` (when >= 0) of `other` to it. */
  | { kind: 'unit'; pairMax: number; other: number; out: number; back: number }
  /** Piece `piece` of a split part on the heaviest shard to part `into` on `other`, or to a new part there. */
  | { kind: 'piece'; pairMax: number; other: number; unit: WorkUnit; piece: number; into: WorkUnit | undefined };

/**
 * Lowers the makespan step by step, each step taking the exchange that leaves the most loaded
 * shard and its partner closest to even:
 * - move one of its units to another shard, or swap one for a smaller unit elsewhere;
 * - move one piece (class or test) of a split module to a shard that already runs a part of that
 *   module (no setup is paid again; moving a part's last piece saves its setup), or to the lightest
 *   shard without one, as a new part that pays the setup.
 * Every step lowers the larger load of the pair below the current makespan; the step count is capped.
 */
export function refine(shards: WorkUnit[][], shardCount: number, maxSteps: number): WorkUnit[][] {
  if (shardCount < 2) return shards;
  // Each shard's units kept sorted ascending by predicted seconds, for the binary searches.
  const sorted = shards.map((units) => [...units].sort((a, b) => -compareUnitsLongestFirst(a, b)));
  const loads = sorted.map((units) => units.reduce((s, u) => s + u.predicted, 0));
  const where = new Map<WorkUnit, number>();
  sorted.forEach((units, index) => units.forEach((unit) => where.set(unit, index)));
  for (let shard = 0; shard < shardCount; shard++) for (const unit of [...(sorted[shard] ?? [])]) joinSiblingPart(unit, shard, sorted, loads, where);
  const total = loads.reduce((a, b) => a + b, 0);
  const epsilon = Math.max(1e-9, total * 1e-9);
  for (let step = 0; step < maxSteps; step++) {
    let heaviest = 0;
    for (let i = 1; i < shardCount; i++) if ((loads[i] ?? 0) > (loads[heaviest] ?? 0)) heaviest = i;
    const top = loads[heaviest] ?? 0;
    const from = sorted[heaviest] ?? [];
    let best: Exchange | undefined;
    // An exchange object is built only once `improves` says it beats the best so far.
    const improves = (pairMax: number): boolean => pairMax < top - epsilon && (!best || pairMax < best.pairMax - epsilon);
    const keep = (exchange: Exchange): void => {
      best = exchange;
    };
    const ascending = loads
      .map((load, index) => ({ load, index }))
      .sort((a, b) => a.load - b.load || a.index - b.index)
      .map((entry) => entry.index);
    // Moves are tried with every shard (only units smaller than the gap can move), swaps with the
    // lightest few shards only: any unit may swap, so that search is the expensive one.
    const swapPartners = new Set(ascending.slice(0, SWAP_PARTNERS));
    for (let other = 0; other < shardCount; other++) {
      if (other === heaviest) continue;
      const gap = top - (loads[other] ?? 0);
      if (gap <= epsilon) continue;
      const to = sorted[other] ?? [];
      const movable = upperBound(from, gap - epsilon);
      for (let u = 0; u < movable; u++) {
        const out = from[u]?.predicted ?? 0;
        // Move: the pair's new maximum is max(top - out, other + out).
        const pairMax = Math.max(top - out, top - gap + out);
        if (improves(pairMax)) keep({ kind: 'unit', pairMax, other, out: u, back: -1 });
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
          const pairMax = Math.max(top - delta, top - gap + delta);
          if (improves(pairMax)) keep({ kind: 'unit', pairMax, other, out: u, back: v });
        }
      }
    }
    for (const unit of from) if (unit.split) considerPieceMoves(unit, heaviest, top, loads, where, ascending, improves, keep);
    if (!best) break;
    if (!applyExchange(best as Exchange, heaviest, sorted, loads, where)) break;
  }
  for (const units of sorted) for (const unit of units) if (unit.split) settlePart(unit);
  return sorted;
}

function considerPieceMoves(
  unit: WorkUnit,
  heaviest: number,
  top: number,
  loads: number[],
  where: Map<WorkUnit, number>,
  ascending: number[],
  improves: (pairMax: number) => boolean,
  keep: (exchange: Exchange) => void,
): void {
  if (!unit.split) return;
  const { group, pieces } = unit.split;
  const setup = group.module.setup;
  // Moving a part's only piece removes the part, and the setup it paid, from this shard.
  const freed = pieces.length === 1 ? setup : 0;
  const holders = new Set<number>();
  for (const part of group.parts) {
    const other = where.get(part);
    if (other === undefined) continue;
    holders.add(other);
    if (other === heaviest) continue;
    const load = loads[other] ?? 0;
    // Best piece p: max(top - freed - p, load + p) is least near p = (top - freed - load) / 2.
    for (const p of nearestPieces(pieces, (top - freed - load) / 2)) {
      const seconds = pieces[p]?.seconds ?? 0;
      const pairMax = Math.max(top - freed - seconds, load + seconds);
      if (improves(pairMax)) keep({ kind: 'piece', pairMax, other, unit, piece: p, into: part });
    }
  }
  if (pieces.length < 2) return;
  const other = ascending.find((index) => !holders.has(index));
  if (other === undefined) return;
  const load = (loads[other] ?? 0) + setup;
  for (const p of nearestPieces(pieces, (top - load) / 2)) {
    const seconds = pieces[p]?.seconds ?? 0;
    const pairMax = Math.max(top - seconds, load + seconds);
    if (improves(pairMax)) keep({ kind: 'piece', pairMax, other, unit, piece: p, into: undefined });
  }
}

/** Indexes of the pieces (sorted shortest first) on either side of `seconds`. */
function nearestPieces(pieces: Piece[], seconds: number): number[] {
  const lo = partitionPoint(pieces, (piece) => piece.seconds < seconds);
  return [lo - 1, lo].filter((i) => i >= 0 && i < pieces.length);
}

/** Carries out an exchange; false when it no longer applies. */
function applyExchange(exchange: Exchange, heaviest: number, sorted: WorkUnit[][], loads: number[], where: Map<WorkUnit, number>): boolean {
  const from = sorted[heaviest] ?? [];
  const to = sorted[exchange.other] ?? [];
  if (exchange.kind === 'unit') {
    const outUnit = from[exchange.out];
    const backUnit = exchange.back >= 0 ? to[exchange.back] : undefined;
    if (!outUnit) return false;
    from.splice(exchange.out, 1);
    if (backUnit) to.splice(exchange.back, 1);
    insertSorted(to, outUnit);
    where.set(outUnit, exchange.other);
    if (backUnit) {
      insertSorted(from, backUnit);
      where.set(backUnit, heaviest);
    }
    const delta = outUnit.predicted - (backUnit?.predicted ?? 0);
    loads[heaviest] = (loads[heaviest] ?? 0) - delta;
    loads[exchange.other] = (loads[exchange.other] ?? 0) + delta;
    joinSiblingPart(outUnit, exchange.other, sorted, loads, where);
    if (backUnit) joinSiblingPart(backUnit, heaviest, sorted, loads, where);
    return true;
  }
  const { unit, into } = exchange;
  if (!unit.split) return false;
  const { group, pieces } = unit.split;
  const [moved] = pieces.splice(exchange.piece, 1);
  if (!moved) return false;
  const setup = group.module.setup;
  removeUnit(from, unit);
  if (pieces.length === 0) {
    group.parts.delete(unit);
    where.delete(unit);
    loads[heaviest] = (loads[heaviest] ?? 0) - moved.seconds - setup;
  } else {
    unit.predicted -= moved.seconds;
    insertSorted(from, unit);
    loads[heaviest] = (loads[heaviest] ?? 0) - moved.seconds;
  }
  if (into?.split) {
    removeUnit(to, into);
    insertPiece(into.split.pieces, moved);
    into.predicted += moved.seconds;
    insertSorted(to, into);
    loads[exchange.other] = (loads[exchange.other] ?? 0) + moved.seconds;
    return true;
  }
  const module = group.module;
  const part: WorkUnit = {
    file: module.file,
    items: [],
    whole: false,
    predicted: setup + moved.seconds,
    key: module.items[moved.indexes[0] ?? 0]?.id ?? module.file,
    split: { group, pieces: [moved] },
  };
  group.parts.add(part);
  where.set(part, exchange.other);
  insertSorted(to, part);
  loads[exchange.other] = (loads[exchange.other] ?? 0) + setup + moved.seconds;
  return true;
}

/**
 * When a part of a split module lands on a shard that already runs another part of that module,
 * the two become one part: the shard pays the setup once.
 */
function joinSiblingPart(unit: WorkUnit, shard: number, sorted: WorkUnit[][], loads: number[], where: Map<WorkUnit, number>): void {
  if (!unit.split || where.get(unit) !== shard) return;
  const { group, pieces } = unit.split;
  let sibling: WorkUnit | undefined;
  for (const part of group.parts) if (part !== unit && where.get(part) === shard) sibling = part;
  if (!sibling?.split) return;
  const units = sorted[shard] ?? [];
  removeUnit(units, unit);
  removeUnit(units, sibling);
  group.parts.delete(unit);
  where.delete(unit);
  for (const piece of pieces) insertPiece(sibling.split.pieces, piece);
  sibling.predicted += unit.predicted - group.module.setup;
  insertSorted(units, sibling);
  loads[shard] = (loads[shard] ?? 0) - group.module.setup;
}

/** A part's items, key and seconds from its pieces, once they stop moving. */
function settlePart(unit: WorkUnit): void {
  if (!unit.split) return;
  const { group, pieces } = unit.split;
  unit.items = partItems(group.module, pieces);
  unit.key = unit.items[0]?.id ?? unit.file;
  unit.predicted = group.module.setup + sumSeconds(pieces);
}

function insertPiece(pieces: Piece[], piece: Piece): void {
  pieces.splice(
    partitionPoint(pieces, (m) => comparePieces(m, piece) < 0),
    0,
    piece,
  );
}

function removeUnit(units: WorkUnit[], unit: WorkUnit): void {
  const index = units.indexOf(unit);
  if (index >= 0) units.splice(index, 1);
}

/** First index whose unit is not below `seconds`. */
function lowerBound(units: WorkUnit[], seconds: number): number {
  return partitionPoint(units, (unit) => unit.predicted < seconds);
}

/** First index whose unit is above `seconds`. */
function upperBound(units: WorkUnit[], seconds: number): number {
  return partitionPoint(units, (unit) => unit.predicted <= seconds);
}

function insertSorted(units: WorkUnit[], unit: WorkUnit): void {
  units.splice(
    partitionPoint(units, (m) => compareUnitsLongestFirst(m, unit) > 0),
    0,
    unit,
  );
}

/** Binary search over `items`, partitioned so `before` holds for a prefix: the length of that prefix. */
function partitionPoint<T>(items: T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
