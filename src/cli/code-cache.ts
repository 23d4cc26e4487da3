// Loading a bundle with V8's code cache. Compiling dist/main.js (1.2 MB) and lazily compiling the
// functions a command calls is ~45 ms of a warm run's start (and ~35 ms of a cold discovery's with
// dist/discover.js); the cache written after a first run makes that ~5 ms of deserializing.
// Node 22.1+ has this built in (module.enableCompileCache); on Node 20 the bundle is compiled here
// with vm.Script and the cached data V8 produced after the command ran.
//
// The cache lives in the user's cache directory, one file per bundle content (sha256 of the bundle
// in the name, so a rebuilt or edited bundle never meets another's cache: V8 itself only checks
// the source's length) and per Node version. The file carries a sha256 of its data, checked before
// V8 sees it: V8 does not checksum code caches in release builds, and a corrupt one must never
// break a run. Any failure to read, validate or write the cache loads the bundle as before.
// FASTEST_CODE_CACHE=0 turns it off.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as NodeModule from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isAscii } from 'node:buffer';
import * as vm from 'node:vm';

const MAGIC = Buffer.from('fastest-v8-cache-1\n');
const DIGEST_BYTES = 32;
/** Caches kept per bundle name (other builds' ones: a benchmark alternating two builds keeps both). */
const KEPT_PER_BUNDLE = 4;

/** The user's cache directory for fastest (XDG on Linux, the platform's elsewhere). */
export function userCacheDir(env: NodeJS.ProcessEnv): string {
  const home = (() => {
    try {
      return homedir();
    } catch {
      return tmpdir();
    }
  })();
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'fastest');
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'fastest');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'fastest', 'Cache');
  return join(home, '.cache', 'fastest');
}

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

/** The cached data stored in `file`, or null when absent or not intact. */
export function readCodeCache(file: string): Buffer | null {
  let stored: Buffer;
  try {
    stored = readFileSync(file);
  } catch {
    return null;
  }
  const header = MAGIC.length + DIGEST_BYTES;
  if (stored.length <= header || !stored.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const data = stored.subarray(header);
  return sha256(data).equals(stored.subarray(MAGIC.length, header)) ? data : null;
}

/** Writes the cache atomically (a concurrent reader sees the old file or the new one) and keeps a few per bundle. */
export function writeCodeCache(file: string, data: Buffer): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([MAGIC, sha256(data), data]));
  renameSync(tmp, file);
  const prefix = basename(file).split('-')[0] + '-';
  const siblings = readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.v8cache'))
    .map((name) => ({ name, mtimeMs: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const old of siblings.slice(KEPT_PER_BUNDLE)) rmSync(join(dir, old.name), { force: true });
}

type CompileCacheModule = { enableCompileCache?: (dir?: string) => unknown };

/**
 * Loads the CommonJS bundle at `path` and returns its exports, through the code cache when it can.
 * `requireFrom` is the caller's (for the plain load, and the built-in compile cache); `atExit`
 * schedules the cache's write for when the command has run.
 */
export function loadBundle(
  path: string,
  env: NodeJS.ProcessEnv,
  requireFrom: NodeJS.Require,
  atExit: (write: () => void) => void = (write) => process.once('exit', write),
): unknown {
  if (env.FASTEST_CODE_CACHE === '0') return requireFrom(path);
  const builtin = (NodeModule as CompileCacheModule).enableCompileCache;
  if (typeof builtin === 'function') {
    try {
      builtin(join(userCacheDir(env), 'node-compile-cache'));
    } catch {
      // the cache stays off: a plain load
    }
    return requireFrom(path);
  }
  let source: Buffer;
  try {
    source = readFileSync(path);
  } catch {
    return requireFrom(path); // the plain load reports the error
  }
  const digest = sha256(source).toString('hex').slice(0, 32);
  const name = basename(path)
    .replace(/[^\w.]/g, '_')
    .replace(/-/g, '_');
  const cacheFile = join(userCacheDir(env), 'v8', `${name}-${digest}-${process.version}-${process.arch}.v8cache`);
  const cachedData = readCodeCache(cacheFile) ?? undefined;
  // latin1 is exact for an ASCII file and 4x quicker to decode than utf8 (and V8 keeps one-byte strings).
  const text = isAscii(source) ? source.toString('latin1') : source.toString('utf8');
  const script = new vm.Script(NodeModule.wrap(text.startsWith('#!') ? `//${text.slice(2)}` : text), {
    filename: path,
    cachedData,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  } as vm.ScriptOptions);
  if (cachedData === undefined || script.cachedDataRejected === true) {
    // After the command ran: the cache then holds the functions it compiled, not only the top level.
    atExit(() => {
      try {
        writeCodeCache(cacheFile, script.createCachedData());
      } catch {
        // a read-only or full disk: the next run compiles again
      }
    });
  }
  const module = new NodeModule.Module(path, undefined) as NodeModule.Module & { filename: string; paths: string[]; loaded: boolean };
  module.filename = path;
  module.paths = (NodeModule.Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(path));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, NodeModule.createRequire(path), module, path, dirname(path));
  module.loaded = true;
  return module.exports;
}
