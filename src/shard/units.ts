// The planner's working data: modules with their estimates, and the units (whole modules or parts
// of split ones) that are packed into shards.
import type { TestItem } from '../types.js';

export interface Module {
  file: string;
  /** Canonical order (line, then id). */
  items: TestItem[];
  estimates: number[];
  setup: number;
  testsSeconds: number;
  longestTest: number;
}

/** Tests of a split module that move together: a top-level class, or one test. */
export interface Piece {
  /** Indexes into the module's items. */
  indexes: number[];
  seconds: number;
}

/** A split module and its parts as they stand. */
export interface SplitGroup {
  module: Module;
  parts: Set<WorkUnit>;
}

export interface WorkUnit {
  file: string;
  /** For a part of a split module, filled from `split.pieces` once packing is done. */
  items: TestItem[];
  whole: boolean;
  /** Seconds, the module's setup included. */
  predicted: number;
  /** Canonical tie-break key. */
  key: string;
  /** A part of a split module: its pieces, shortest first. */
  split?: { group: SplitGroup; pieces: Piece[] };
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareUnitsLongestFirst(a: WorkUnit, b: WorkUnit): number {
  return b.predicted - a.predicted || compareStrings(a.file, b.file) || compareStrings(a.key, b.key);
}

/** Shortest first, then by position in the module. */
export function comparePieces(a: Piece, b: Piece): number {
  return a.seconds - b.seconds || (a.indexes[0] ?? 0) - (b.indexes[0] ?? 0);
}

export function wholeModule(module: Module): WorkUnit {
  return { file: module.file, items: module.items, whole: true, predicted: module.setup + module.testsSeconds, key: module.items[0]?.id ?? module.file };
}

/** A part's items in module order, from its pieces. */
export function partItems(module: Module, pieces: Piece[]): TestItem[] {
  return pieces
    .flatMap((piece) => piece.indexes)
    .sort((a, b) => a - b)
    .map((i) => module.items[i])
    .filter((item): item is TestItem => item !== undefined);
}

export function sumSeconds(pieces: Piece[]): number {
  return pieces.reduce((sum, piece) => sum + piece.seconds, 0);
}
