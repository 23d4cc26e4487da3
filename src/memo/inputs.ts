// The log of what one command read from the file system and the environment while it worked out its
// answer, kept so that a later identical command can check those inputs alone and, when none has
// changed, print the remembered answer instead of working it out again (see discover-memo.ts).
// Logging is off unless a command starts it; every note is then a no-op costing one comparison.
import type * as NodeCrypto from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { createRequire } from 'node:module';

export type PathKind = 'missing' | 'file' | 'dir' | 'other';

/** Identity of a file's or directory's state: any write, rename or chmod changes one of these. */
export type Stamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

export interface FileInput {
  stamp: Stamp;
  /** sha1 of the content the command used. */
  hash: string;
}

export interface DirInput {
  stamp: Stamp;
  /** sha1 of the sorted entry names the command listed. */
  namesHash: string;
}

export interface InputLog {
  /** Paths whose existence and kind alone mattered. */
  probes: Map<string, PathKind>;
  files: Map<string, FileInput>;
  dirs: Map<string, DirInput>;
  /** Environment variables read, with the value each had (undefined: unset). */
  env: Map<string, string | undefined>;
  /** When logging ended (takeInputLog): an input changed shortly before then is checked by content. */
  endedMs?: number;
}

let log: InputLog | null = null;

/**
 * A file written this shortly before it was read may be written again without its size or
 * timestamps changing (file systems with coarse clocks): only its content can vouch for it.
 */
const RACY_MS = 2000;

export function isRacy(timestampMs: number, nowMs = Date.now()): boolean {
  return timestampMs >= nowMs - RACY_MS;
}

export function startInputLog(): void {
  log = { probes: new Map(), files: new Map(), dirs: new Map(), env: new Map() };
}

export function inputLogOn(): boolean {
  return log !== null;
}

/** Ends logging and hands over what was logged (null when logging was never started). */
export function takeInputLog(): InputLog | null {
  const taken = log;
  log = null;
  if (taken) taken.endedMs = Date.now();
  return taken;
}

export function stampOf(st: Stats): Stamp {
  return [st.size, st.mtimeMs, st.ctimeMs, st.ino];
}

export function kindOf(st: Stats | undefined): PathKind {
  if (!st) return 'missing';
  return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
}

// Loaded on first use: a replayed discovery rarely hashes anything, and loading crypto costs ~5 ms.
let crypto: typeof NodeCrypto | undefined;

export function sha1(content: string | Buffer): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof NodeCrypto;
  return crypto.createHash('sha1').update(content).digest('hex');
}

export function namesHash(names: readonly string[]): string {
  return sha1([...names].sort().join('\0'));
}

/**
 * What a path holds, for an input whose stamp changed: a file's content sha1, a directory's names
 * (namesHash); null for anything else, or what cannot be read.
 */
export function contentOf(path: string, st: Stats | undefined): string | null {
  try {
    if (st?.isFile()) return sha1(readFileSync(path));
    if (st?.isDirectory()) return namesHash(readdirSync(path));
  } catch {
    // unreadable: as if missing
  }
  return null;
}

export const sameStamp = (a: Stamp, b: Stamp): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

/**
 * Whether `path` (its state `st`) still holds what a record of it says: 'same' under the recorded
 * stamp (and, for a record too recent for its stamp to vouch, `racy`, the recorded content too);
 * its new stamp when only the stamp changed (another checkout of the same content); null when it
 * changed. A record of a missing path (null stamp) holds while the path is missing.
 */
export function recheck(path: string, st: Stats | undefined, stamp: Stamp | null, content: string | null, racy = false): 'same' | Stamp | null {
  if (st === undefined || stamp === null) return st === undefined && stamp === null ? 'same' : null;
  const now = stampOf(st);
  if (sameStamp(now, stamp)) return !racy || contentOf(path, st) === content ? 'same' : null;
  return content !== null && contentOf(path, st) === content ? now : null;
}

/** The path's kind (following symlinks) mattered. */
function noteProbe(path: string, st: Stats | undefined): void {
  if (log && !log.probes.has(path)) log.probes.set(path, kindOf(st));
}

/** The file's content mattered: `st` is its state before it was read, `hash` that content's sha1. */
export function noteFile(path: string, st: Stats, hash: string): void {
  if (log && !log.files.has(path)) log.files.set(path, { stamp: stampOf(st), hash });
}

/** The directory's listing mattered: `st` is its state before it was listed. */
function noteDir(path: string, st: Stats, names: readonly string[]): void {
  if (log && !log.dirs.has(path)) log.dirs.set(path, { stamp: stampOf(st), namesHash: namesHash(names) });
}

/** `env` seen through a lens that logs each variable read (its first value), while logging is on. */
export function loggedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (!log) return env;
  const seen = log.env;
  return new Proxy(env, {
    get(target, key) {
      const value = Reflect.get(target, key) as string | undefined;
      if (typeof key === 'string' && !seen.has(key)) seen.set(key, value);
      return value;
    },
    has(target, key) {
      if (typeof key === 'string' && !seen.has(key)) seen.set(key, Reflect.get(target, key) as string | undefined);
      return Reflect.has(target, key);
    },
    // Written straight to the target: process.env refuses the property definition a set through a
    // proxy receiver would make.
    set(target, key, value) {
      return Reflect.set(target, key, value);
    },
  });
}

/** statSync that answers undefined for a missing or unreadable path. */
export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** statSync that answers undefined for a missing path, logged as a probe. */
export function probePath(path: string): Stats | undefined {
  const st = statOrUndefined(path);
  noteProbe(path, st);
  return st;
}

/** readFileSync, logged with the file's state and content hash. */
export function readLoggedFile(path: string): Buffer {
  const st = log ? statSync(path) : null;
  const content = readFileSync(path);
  if (st) noteFile(path, st, sha1(content));
  return content;
}

/** readdirSync with file types, logged with the directory's state and names. */
export function listLoggedDir(path: string): Dirent[] {
  const st = log ? statSync(path) : null;
  const entries = readdirSync(path, { withFileTypes: true });
  if (st)
    noteDir(
      path,
      st,
      entries.map((e) => e.name),
    );
  return entries;
}
