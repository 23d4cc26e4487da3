// What the interpreter that will run the tests says about itself (version, platform,
// implementation, import path), asked only when a module's guard needs it and remembered in
// .fastest/interpreter.json, keyed by the interpreter file's identity and the variables that shape
// sys.path. The interpreter's file is an input of a remembered discovery (the memo), so another
// interpreter makes the memo miss.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, realpathSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { onPath } from '../config/which.js';
import { contentOf, inputLogOn, loggedEnv, noteFile } from '../memo/inputs.js';
import type { InterpreterFacts } from './guards.js';

export interface InterpreterProbe extends InterpreterFacts {
  /** sys.builtin_module_names. */
  builtins: string[];
  /** sys.path without the probe's own first entry (the working directory). */
  path: string[];
  /** importlib.machinery.EXTENSION_SUFFIXES. */
  extensionSuffixes: string[];
  /** Only the standard finders import modules: a module not found on sys.path is not importable. */
  standardFinders: boolean;
}

const PROBE_VERSION = 1;
const MAX_ENTRIES = 8;

const PROBE_SCRIPT = `
import importlib.machinery, json, os, platform, sys
meta = {getattr(f, '__name__', type(f).__name__) for f in sys.meta_path}
hooks = {getattr(h, '__name__', type(h).__name__) for h in sys.path_hooks}
print(json.dumps({
    "version_info": list(sys.version_info),
    "platform": sys.platform,
    "os_name": os.name,
    "system": platform.system(),
    "implementation": sys.implementation.name,
    "python_implementation": platform.python_implementation(),
    "machine": platform.machine(),
    "maxsize": sys.maxsize,
    "byteorder": sys.byteorder,
    "builtins": list(sys.builtin_module_names),
    "path": sys.path[1:],
    "extensionSuffixes": importlib.machinery.EXTENSION_SUFFIXES,
    "standardFinders": meta <= {"BuiltinImporter", "FrozenImporter", "PathFinder", "DistutilsMetaFinder"}
        and hooks <= {"zipimporter", "path_hook_for_FileFinder"},
}))
`;

/** A `#!` script (a version manager's shim): which interpreter it starts may differ from run to run. */
function isScript(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head.toString('latin1') === '#!';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function cacheFile(rootdir: string): string {
  return join(rootdir, '.fastest', 'interpreter.json');
}

function readEntries(path: string, version: number): Record<string, unknown> {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; entries?: Record<string, unknown> };
    return data.version === version && data.entries && typeof data.entries === 'object' ? data.entries : {};
  } catch {
    return {};
  }
}

/** What was kept for an interpreter file (keptForInterpreter). */
export interface KeptForInterpreter<T> {
  /** The interpreter as found on PATH, its real path, and its file's state. */
  found: string;
  real: string;
  st: Stats;
  /** The answer kept for this interpreter file, from the first of the files holding one `accept` takes. */
  kept: T | undefined;
  /**
   * Keeps this interpreter file's answer in each file that does not hold it (not a script's: see
   * below); a read-only checkout keeps nothing.
   */
  keep(value: T): void;
}

/**
 * Answers about the interpreter `python` names (on PATH), kept in `files` (JSON files, `version`
 * their format; the first that holds an answer gives it) by the identity of the interpreter's file
 * (path, real path, size, mtime, inode), the values of `envNames` and `question` (what else the
 * answer is for: a command line); null when there is no such interpreter file. `byPath`: by its
 * path and real path only, for an answer that checks the interpreter's content itself (a fresh
 * CI runner installs the same interpreter at the same path, with another inode and mtime).
 */
export function keptForInterpreter<T>(
  python: string,
  env: NodeJS.ProcessEnv,
  files: string[],
  version: number,
  envNames: string[],
  accept: (value: unknown) => value is T,
  { question = [], byPath = false }: { question?: unknown[]; byPath?: boolean } = {},
): KeptForInterpreter<T> | null {
  const found = onPath(python, env);
  if (found === null) return null;
  let real: string;
  let st: Stats;
  try {
    real = realpathSync(found);
    st = statSync(found);
  } catch {
    return null;
  }
  const identity = byPath ? [found, real] : [found, real, st.size, st.mtimeMs, st.ino];
  const key = JSON.stringify([...identity, ...envNames.map((name) => env[name] ?? null), ...question]);
  // A version manager's shim (a script) picks its interpreter anew each time: its answer is not kept.
  const script = isScript(found);
  const stores = files.map((file) => ({ file, entries: script ? {} : readEntries(file, version) }));
  const kept = stores.map(({ entries }) => entries[key]).find((value): value is T => accept(value));
  return {
    found,
    real,
    st,
    kept,
    keep(value: T) {
      if (script) return;
      const text = JSON.stringify(value);
      for (const { file, entries } of stores) {
        if (JSON.stringify(entries[key]) === text) continue;
        const others = Object.entries(entries)
          .filter(([other]) => other !== key)
          .slice(-(MAX_ENTRIES - 1));
        try {
          mkdirSync(dirname(file), { recursive: true });
          const tmp = `${file}.${process.pid}.tmp`;
          writeFileSync(tmp, JSON.stringify({ version, entries: Object.fromEntries([...others, [key, value]]) }));
          renameSync(tmp, file);
        } catch {
          // asked again next time
        }
      }
    },
  };
}

function isProbe(value: unknown): value is InterpreterProbe {
  const p = value as InterpreterProbe;
  return (
    typeof p === 'object' &&
    p !== null &&
    Array.isArray(p.version_info) &&
    p.version_info.length === 5 &&
    typeof p.platform === 'string' &&
    Array.isArray(p.path) &&
    Array.isArray(p.builtins) &&
    Array.isArray(p.extensionSuffixes)
  );
}

/**
 * The probe of `python` (a command or path), from the cache when the interpreter file and the
 * environment are as they were; null when there is no working interpreter.
 */
export function probeInterpreter(python: string, rootdir: string): InterpreterProbe | null {
  const env = loggedEnv(process.env);
  const interpreter = keptForInterpreter(python, env, [cacheFile(rootdir)], PROBE_VERSION, ['PYTHONPATH', 'PYTHONHOME', 'PYTHONNOUSERSITE'], isProbe);
  if (interpreter === null) return null;
  // By content too: a CI runner's interpreter is the same file under another stamp.
  if (inputLogOn()) noteFile(interpreter.found, interpreter.st, contentOf(interpreter.found, interpreter.st) ?? '');
  if (interpreter.kept) return interpreter.kept;
  let probe: InterpreterProbe;
  try {
    const output = execFileSync(interpreter.found, ['-c', PROBE_SCRIPT], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] });
    const parsed = JSON.parse(output) as unknown;
    if (!isProbe(parsed)) return null;
    probe = parsed;
  } catch {
    return null;
  }
  interpreter.keep(probe);
  return probe;
}
