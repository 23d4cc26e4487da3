// `fastest discover` remembered whole. After a run that read its inputs under the input log
// (inputs.ts), its output is kept in <rootdir>/.fastest/memo/<key>.json with the state of every input:
// each config candidate probed, each directory listed, each file read, each environment variable
// looked at. The same command (same cwd, arguments, Node and fastest build) later checks those
// inputs (one stat each, and a content hash for any touched too recently for its timestamps to be
// trusted) and, when all are as they were, prints the remembered output without loading the
// bundle, the grammar or the discovery cache. A run keeps its discovery the same way (rememberValue,
// recallValue). This module is loaded by the small entry bundle, so it
// imports nothing but Node's own modules and leaf modules (inputs.ts, ancestors.ts).
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as NodeV8 from 'node:v8';
import { selfAndParents } from './ancestors.js';
import { contentOf, isRacy, kindOf, recheck, stampOf, statOrUndefined, type InputLog, type PathKind, type Stamp } from './inputs.js';

const MEMO_VERSION = 2;
/** Memos kept per rootdir (one per distinct command line); the oldest go first. */
const MAX_MEMOS = 16;

/**
 * A memo file is this header as one line of JSON, then the output's bytes as they are printed, so
 * that a replay parses only the header and writes the rest without decoding it.
 */
interface MemoHeader {
  version: number;
  /** The command line and setting the memo answers, compared whole (its file name is only a hash of it). */
  key: string;
  bundle: Stamp | null;
  /** sha1 of the bundle: another checkout of the same build (a CI runner's) has another stamp. */
  bundleHash?: string;
  probes: [string, PathKind][];
  /**
   * Each file read: its stamp, its content's sha1, and whether it was written too recently for the
   * stamp to vouch for that content (checked by content even when the stamp is the same). A stamp
   * that differs with the same content (a fresh checkout, a restored `.fastest`) still vouches.
   */
  files: MemoInput[];
  /** Each directory listed, the same way: its names' hash for the content. */
  dirs: MemoInput[];
  env: [string, string | null][];
  /** Byte offsets of the output's `in 0.12s` figure, replaced by this run's time on replay. */
  timeAt: [number, number] | null;
  exitCode: number;
}

type MemoInput = [path: string, stamp: Stamp, content: string, racy: boolean];

interface Memo {
  path: string;
  header: MemoHeader;
  stdout: Buffer;
}

export interface MemoCommand {
  argv: string[];
  cwd: string;
  /** The main bundle, whose state stands for the fastest build that produced the output. */
  bundlePath: string;
}

function memoKey(command: MemoCommand): string {
  // Not the terminal: discovery prints the same to a terminal and to a pipe (no colours).
  return JSON.stringify([MEMO_VERSION, process.version, command.cwd, command.argv]);
}

/** The memo's file name: two 32-bit FNV-1a hashes of the key (not crypto, which costs ~5 ms to load). */
function memoFileName(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}.json`;
}

function bundleStamp(path: string): Stamp | null {
  const st = statOrUndefined(path);
  return st ? stampOf(st) : null;
}

/** Inputs changed too recently for their stamps to vouch for them are checked by content too. */
function stampIsRacy(stamp: Stamp, writtenMs: number): boolean {
  return isRacy(Math.max(stamp[1], stamp[2]), writtenMs);
}

/** The header of a memo answering `key`, its inputs as `log` holds them. */
function headerOf(key: string, bundlePath: string, log: InputLog, timeAt: [number, number] | null, exitCode: number): MemoHeader {
  const writtenMs = log.endedMs ?? Date.now();
  return {
    version: MEMO_VERSION,
    key,
    bundle: bundleStamp(bundlePath),
    bundleHash: contentOf(bundlePath, statOrUndefined(bundlePath)) ?? undefined,
    probes: [...log.probes],
    files: [...log.files].map(([path, f]) => [path, f.stamp, f.hash, stampIsRacy(f.stamp, writtenMs)]),
    dirs: [...log.dirs].map(([path, d]) => [path, d.stamp, d.namesHash, stampIsRacy(d.stamp, writtenMs)]),
    env: [...log.env].map(([name, value]) => [name, value ?? null]),
    timeAt,
    exitCode,
  };
}

/** Stores a memo in the rootdir's `.fastest/memo/`; a read-only checkout only loses it. */
function keepMemo(rootdir: string, header: MemoHeader, body: Buffer): void {
  const dir = join(rootdir, '.fastest', 'memo');
  try {
    mkdirSync(dir, { recursive: true });
    storeMemo(join(dir, memoFileName(header.key)), header, body);
    pruneMemos(dir);
  } catch {
    // A read-only checkout still discovers; it only loses the memo.
  }
}

/** Keeps the output of a discover run whose inputs were logged; never fails the run. */
export function writeMemo(rootdir: string, command: MemoCommand, log: InputLog, stdout: string, exitCode: number): void {
  const time = /in (\d+\.\d\d)s\n$/.exec(stdout);
  const timeStart = time ? Buffer.byteLength(stdout.slice(0, time.index + 3)) : 0;
  const timeAt: [number, number] | null = time ? [timeStart, timeStart + time[1].length] : null;
  keepMemo(rootdir, headerOf(memoKey(command), command.bundlePath, log, timeAt, exitCode), Buffer.from(stdout));
}

function storeMemo(path: string, header: MemoHeader, stdout: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), stdout]));
  renameSync(tmp, path);
}

/**
 * After a replay: inputs that were too recent to trust by their stamps alone, confirmed by content
 * and now old enough, are trusted by their stamps again; inputs confirmed by content under a new
 * stamp (a fresh checkout) are kept with it. Later replays then only stat them.
 */
function settleInputs(memo: Memo, restamped: Map<string, Stamp>, bundlePath: string): void {
  const now = Date.now();
  const { files, dirs } = memo.header;
  let changed = false;
  for (const entry of [...files, ...dirs]) {
    const stamp = restamped.get(entry[0]);
    if (stamp !== undefined) {
      entry[1] = stamp;
      entry[3] = stampIsRacy(stamp, now);
      changed = true;
    } else if (entry[3] && !stampIsRacy(entry[1], now)) {
      entry[3] = false;
      changed = true;
    }
  }
  const bundle = restamped.get(bundlePath);
  if (bundle !== undefined) {
    memo.header.bundle = bundle;
    changed = true;
  }
  if (!changed) return;
  try {
    storeMemo(memo.path, memo.header, memo.stdout);
  } catch {
    // kept as it was: still correct, only slower
  }
}

function pruneMemos(dir: string): void {
  const memos = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ path: join(dir, name), mtimeMs: statOrUndefined(join(dir, name))?.mtimeMs ?? 0 }));
  if (memos.length <= MAX_MEMOS) return;
  memos.sort((a, b) => a.mtimeMs - b.mtimeMs);
  for (const { path } of memos.slice(0, memos.length - MAX_MEMOS)) rmSync(path, { force: true });
}

const isStamp = (value: unknown): value is Stamp => Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === 'number');

function isInput(value: unknown): value is MemoInput {
  return Array.isArray(value) && typeof value[0] === 'string' && isStamp(value[1]) && typeof value[2] === 'string' && typeof value[3] === 'boolean';
}

/** A header as writeMemo writes it: a memo file (restored from a cache, perhaps) is not trusted. */
function isHeader(value: unknown): value is MemoHeader {
  const h = value as MemoHeader | null;
  if (typeof h !== 'object' || h === null) return false;
  const pairs = (list: unknown, second: (v: unknown) => boolean) =>
    Array.isArray(list) && list.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && second(entry[1]));
  return (
    typeof h.version === 'number' &&
    typeof h.key === 'string' &&
    (h.bundle === null || isStamp(h.bundle)) &&
    (h.bundleHash === undefined || typeof h.bundleHash === 'string') &&
    pairs(h.probes, (kind) => typeof kind === 'string') &&
    Array.isArray(h.files) &&
    h.files.every(isInput) &&
    Array.isArray(h.dirs) &&
    h.dirs.every(isInput) &&
    pairs(h.env, (v) => v === null || typeof v === 'string') &&
    (h.timeAt === null || (Array.isArray(h.timeAt) && h.timeAt.length === 2 && h.timeAt.every((n) => Number.isInteger(n) && n >= 0))) &&
    typeof h.exitCode === 'number'
  );
}

/** The memo file at `path` when it answers `key`. */
function readMemo(path: string, key: string): Memo | null {
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch {
    return null;
  }
  const newline = content.indexOf(10);
  try {
    const header = JSON.parse(content.toString('utf8', 0, newline)) as unknown;
    const stdout = content.subarray(newline + 1);
    return newline > 0 && isHeader(header) && header.version === MEMO_VERSION && header.key === key ? { path, header, stdout } : null;
  } catch {
    return null;
  }
}

/** The memo for this command in the cwd's `.fastest/` or the nearest parent's, if any. */
function findMemo(command: MemoCommand, key: string): Memo | null {
  for (const dir of selfAndParents(command.cwd)) {
    const path = join(dir, '.fastest', 'memo', memoFileName(key));
    if (statOrUndefined(path) !== undefined) return readMemo(path, key);
  }
  return null;
}

/** Same kind, and what `recheck` says holds; a new stamp with the same content noted in `restamped`. */
function unchanged(path: string, st: Stats | undefined, stamp: Stamp | null, content: string | null, racy: boolean, restamped: Map<string, Stamp>): boolean {
  const held = recheck(path, st, stamp, content, racy);
  if (held !== null && held !== 'same') restamped.set(path, held);
  return held !== null;
}

/** The first input that differs from the memo's record of it, or null when none does. */
function changedInput(memo: MemoHeader, bundlePath: string, env: NodeJS.ProcessEnv, restamped: Map<string, Stamp>): string | null {
  if (memo.bundle === null || !unchanged(bundlePath, statOrUndefined(bundlePath), memo.bundle, memo.bundleHash ?? null, false, restamped)) {
    return `fastest build ${bundlePath}`;
  }
  for (const [name, value] of memo.env) if ((env[name] ?? null) !== value) return `environment variable ${name}`;
  for (const [path, kind] of memo.probes) if (kindOf(statOrUndefined(path)) !== kind) return `path ${path}`;
  for (const [kind, inputs] of [['dir', memo.dirs] as const, ['file', memo.files] as const]) {
    for (const [path, stamp, content, racy] of inputs) {
      const st = statOrUndefined(path);
      if (kindOf(st) !== kind || !unchanged(path, st, stamp, content, racy, restamped)) return `${kind === 'dir' ? 'directory' : 'file'} ${path}`;
    }
  }
  return null;
}

/**
 * Prints the remembered output when this exact command's inputs are unchanged, returning its exit
 * code; null (nothing printed) when there is no such memo or any input differs. `startedMs`: when
 * the command started, in process.hrtime milliseconds.
 */
export function replayMemo(command: MemoCommand, env: NodeJS.ProcessEnv, startedMs: number, write: (chunks: Buffer[]) => void): number | null {
  let output: Buffer[];
  let exitCode: number;
  let replayed: Memo;
  let restamped: Map<string, Stamp>;
  try {
    const key = memoKey(command);
    const memo = findMemo(command, key);
    if (!memo) return null;
    restamped = new Map();
    const changed = changedInput(memo.header, command.bundlePath, env, restamped);
    // FASTEST_DEBUG_MEMO=1 says whether the remembered discovery was replayed, and if not, why.
    if (env.FASTEST_DEBUG_MEMO) process.stderr.write(`fastest: discovery memo ${changed === null ? 'replayed' : `not used: ${changed} changed`}\n`);
    if (changed !== null) return null;
    replayed = memo;
    const { stdout } = memo;
    const { timeAt } = memo.header;
    const seconds = Buffer.from(((Number(process.hrtime.bigint()) / 1e6 - startedMs) / 1000).toFixed(2));
    output = timeAt ? [stdout.subarray(0, timeAt[0]), seconds, stdout.subarray(timeAt[1])] : [stdout];
    exitCode = memo.header.exitCode;
  } catch {
    return null; // a memo of another shape: the full discovery rewrites it
  }
  write(output);
  settleInputs(replayed, restamped, command.bundlePath);
  return exitCode;
}

// The structured clone of V8 (the key holds Node's version): it keeps an object shared by many
// items (a parametrize mark) once, and reads 10,000 items in a third of JSON.parse's time.
// Loaded on first use, as this module is part of the small entry bundle.
let v8Module: typeof NodeV8 | undefined;
const v8 = (): typeof NodeV8 => (v8Module ??= createRequire(import.meta.url)('node:v8') as typeof NodeV8);

/**
 * Keeps `value` (plain data), worked out from the inputs `log` holds, as the answer to `key` (which
 * names everything else it depends on), for recallValue; never fails the command.
 */
export function rememberValue(rootdir: string, key: string, bundlePath: string, log: InputLog, value: unknown): void {
  keepMemo(rootdir, headerOf(valueKey(key), bundlePath, log, null, 0), v8().serialize(value));
}

const valueKey = (key: string): string => JSON.stringify([MEMO_VERSION, process.version, key]);

/**
 * What rememberValue kept for `key`, when none of its inputs has changed since and `accept` takes
 * it (a damaged memo file is not); else undefined. FASTEST_DEBUG_MEMO=1 says which, and why.
 */
export function recallValue<T>(
  rootdir: string,
  key: string,
  bundlePath: string,
  env: NodeJS.ProcessEnv,
  accept: (value: unknown) => value is T,
): T | undefined {
  const say = (what: string) => {
    if (env.FASTEST_DEBUG_MEMO) process.stderr.write(`fastest: remembered value ${what}\n`);
  };
  const fullKey = valueKey(key);
  const memo = readMemo(join(rootdir, '.fastest', 'memo', memoFileName(fullKey)), fullKey);
  if (!memo) return undefined;
  const restamped = new Map<string, Stamp>();
  const changed = changedInput(memo.header, bundlePath, env, restamped);
  if (changed !== null) {
    say(`not used: ${changed} changed`);
    return undefined;
  }
  let value: unknown;
  try {
    value = v8().deserialize(memo.stdout);
  } catch {
    value = undefined;
  }
  if (!accept(value)) {
    say('not used: unreadable');
    return undefined;
  }
  say('used');
  settleInputs(memo, restamped, bundlePath);
  return value;
}

/** Forgets every memo of the rootdir (`discover` outputs, remembered discoveries): something they
 * did not log as an input changed their answer (a run taught the discovery cache what pytest collects). */
export function forgetMemos(rootdir: string): void {
  rmSync(join(rootdir, '.fastest', 'memo'), { recursive: true, force: true });
}
