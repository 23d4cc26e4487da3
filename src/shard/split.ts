// Which modules are split, and into which parts. A module is kept whole (module-scoped fixtures
// run once) unless it is too long for one shard; then every part pays the module's setup again.
import { comparePieces, partItems, sumSeconds, wholeModule, type Module, type Piece, type SplitGroup, type WorkUnit } from './units.js';

/** How modules are split for a given shard count. */
export interface SplitRule {
  /** The load every shard carries at least: total / N plus the setups that splitting adds. */
  share: number;
  /** No plan beats this: the longest test plus its module's setup. */
  floor: number;
}

export function modulesTotal(modules: Module[]): number {
  return modules.reduce((sum, m) => sum + m.setup + m.testsSeconds, 0);
}

/**
 * Seconds of tests each part of a module may hold, or undefined to keep the module whole.
 * A module longer than a share is split into parts that fill a share with the setup, but not into
 * parts under half a share (a costly setup paid again and again would eat the gain), nor into
 * parts longer than the makespan no plan can beat. A module whose setup nearly fills a share is
 * split only when it is longer than that makespan, into parts that just fit it.
 */
function partRoom(module: Module, rule: SplitRule, share = rule.share): number | undefined {
  const whole = module.setup + module.testsSeconds;
  if (whole <= share) return undefined;
  const target = Math.max(share, rule.floor);
  const room = Math.max(share - module.setup, share / 2);
  if (module.testsSeconds > room) return Math.min(room, target - module.setup);
  return whole > target ? target - module.setup : undefined;
}

/**
 * The split rule for N shards. The share is the least C such that the suite, with every split
 * module paying its setup once more per extra part (parts sized by partRoom for C), fits in N * C.
 */
export function splitRule(modules: Module[], shardCount: number): SplitRule {
  const total = modulesTotal(modules);
  let floor = 0;
  for (const module of modules) floor = Math.max(floor, module.setup + module.longestTest);
  const rule: SplitRule = { share: total / shardCount, floor };
  // Only modules longer than total / N may be split, and only their setups grow the total.
  const splittable = modules.filter((m) => m.setup > 0 && m.setup + m.testsSeconds > rule.share);
  const fits = (capacity: number): boolean => {
    let work = total;
    for (const m of splittable) {
      const room = partRoom(m, rule, capacity);
      if (room !== undefined) work += (Math.min(shardCount, m.items.length, Math.ceil(m.testsSeconds / room - 1e-9)) - 1) * m.setup;
    }
    return work <= shardCount * capacity;
  };
  if (splittable.length === 0 || fits(rule.share)) return rule;
  let low = rule.share;
  let high = rule.share * 2;
  // Terminates: with enough capacity no module is split and the total fits.
  while (!fits(high)) high *= 2;
  for (let i = 0; i < 40 && high - low > rule.share * 1e-6; i++) {
    const mid = (low + high) / 2;
    if (fits(mid)) high = mid;
    else low = mid;
  }
  return { share: high, floor };
}

/** The module as one unit, or as parts when the rule says it is too long for one shard. */
export function moduleUnits(module: Module, rule: SplitRule, shardCount: number): WorkUnit[] {
  const room = shardCount > 1 && module.items.length > 1 ? partRoom(module, rule) : undefined;
  return room === undefined ? [wholeModule(module)] : splitModule(module, room, shardCount);
}

/**
 * Splits a module into the fewest parts whose tests fit in `room` seconds each, as even as the
 * pieces allow. Pieces are top-level classes and module-level functions (class-scoped fixtures
 * stay whole); a class longer than `room` is broken into single tests. Pieces go longest first
 * onto the lightest part.
 */
function splitModule(module: Module, room: number, shardCount: number): WorkUnit[] {
  const atoms: Piece[] = [];
  const byClass = new Map<string, Piece>();
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
  const pieces: Piece[] = [];
  for (const atom of atoms) {
    if (atom.seconds > room && atom.indexes.length > 1) {
      for (const index of atom.indexes) pieces.push({ indexes: [index], seconds: module.estimates[index] ?? 0 });
    } else pieces.push(atom);
  }
  pieces.sort((a, b) => b.seconds - a.seconds || (a.indexes[0] ?? 0) - (b.indexes[0] ?? 0));
  const most = Math.min(pieces.length, shardCount);
  // A part of several pieces over the room means too few parts; a single long piece cannot help it.
  const overfull = (part: Piece[]): boolean => part.length > 1 && sumSeconds(part) > room * (1 + 1e-9);
  let parts = spreadPieces(pieces, Math.min(most, Math.max(1, Math.ceil(module.testsSeconds / room - 1e-9))));
  while (parts.length < most && parts.some(overfull)) parts = spreadPieces(pieces, parts.length + 1);
  if (parts.length <= 1) return [wholeModule(module)];
  const group: SplitGroup = { module, parts: new Set() };
  for (const part of parts) {
    if (part.length === 0) continue;
    part.sort(comparePieces);
    const items = partItems(module, part);
    const unit: WorkUnit = {
      file: module.file,
      items,
      whole: false,
      predicted: module.setup + sumSeconds(part),
      key: items[0]?.id ?? module.file,
      split: { group, pieces: part },
    };
    group.parts.add(unit);
  }
  return [...group.parts];
}

/** Pieces (longest first) each onto the lightest of `count` parts. */
function spreadPieces(pieces: Piece[], count: number): Piece[][] {
  const parts: Piece[][] = Array.from({ length: count }, () => []);
  const loads = new Array<number>(count).fill(0);
  for (const piece of pieces) {
    let lightest = 0;
    for (let i = 1; i < count; i++) if ((loads[i] ?? 0) < (loads[lightest] ?? 0)) lightest = i;
    parts[lightest]?.push(piece);
    loads[lightest] = (loads[lightest] ?? 0) + piece.seconds;
  }
  return parts;
}
