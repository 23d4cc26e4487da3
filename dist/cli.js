#!/usr/bin/env node
'use strict';
const __WEBPACK_EXTERNAL_createRequire = require('node:module').createRequire;
const __fastestModuleUrl = require('node:url').pathToFileURL(__filename).href;
/******/ var __webpack_modules__ = ({

/***/ 238:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.exitQuietlyOnBrokenPipe = exitQuietlyOnBrokenPipe;
// `fastest … | head`: once the reader is gone, writes to stdout fail with EPIPE. pytest then stops
// quietly with exit code 1 (Python's BrokenPipeError), and so does fastest, instead of a stack trace.
function exitQuietlyOnBrokenPipe() {
    process.stdout.on('error', (error) => {
        if (error.code !== 'EPIPE')
            throw error;
        process.exit(1);
    });
}


/***/ }),

/***/ 882:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.userCacheDir = userCacheDir;
exports.readCodeCache = readCodeCache;
exports.writeCodeCache = writeCodeCache;
exports.loadBundle = loadBundle;
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
const node_crypto_1 = __nccwpck_require__(598);
const node_fs_1 = __nccwpck_require__(24);
const NodeModule = __importStar(__nccwpck_require__(995));
const node_os_1 = __nccwpck_require__(161);
const node_path_1 = __nccwpck_require__(760);
const node_buffer_1 = __nccwpck_require__(573);
const vm = __importStar(__nccwpck_require__(714));
const MAGIC = Buffer.from('fastest-v8-cache-1\n');
const DIGEST_BYTES = 32;
/** Caches kept per bundle name (other builds' ones: a benchmark alternating two builds keeps both). */
const KEPT_PER_BUNDLE = 4;
/** The user's cache directory for fastest (XDG on Linux, the platform's elsewhere). */
function userCacheDir(env) {
    const home = (() => {
        try {
            return (0, node_os_1.homedir)();
        }
        catch {
            return (0, node_os_1.tmpdir)();
        }
    })();
    if (env.XDG_CACHE_HOME)
        return (0, node_path_1.join)(env.XDG_CACHE_HOME, 'fastest');
    if (process.platform === 'darwin')
        return (0, node_path_1.join)(home, 'Library', 'Caches', 'fastest');
    if (process.platform === 'win32')
        return (0, node_path_1.join)(env.LOCALAPPDATA ?? (0, node_path_1.join)(home, 'AppData', 'Local'), 'fastest', 'Cache');
    return (0, node_path_1.join)(home, '.cache', 'fastest');
}
function sha256(data) {
    return (0, node_crypto_1.createHash)('sha256').update(data).digest();
}
/** The cached data stored in `file`, or null when absent or not intact. */
function readCodeCache(file) {
    let stored;
    try {
        stored = (0, node_fs_1.readFileSync)(file);
    }
    catch {
        return null;
    }
    const header = MAGIC.length + DIGEST_BYTES;
    if (stored.length <= header || !stored.subarray(0, MAGIC.length).equals(MAGIC))
        return null;
    const data = stored.subarray(header);
    return sha256(data).equals(stored.subarray(MAGIC.length, header)) ? data : null;
}
/** Writes the cache atomically (a concurrent reader sees the old file or the new one) and keeps a few per bundle. */
function writeCodeCache(file, data) {
    const dir = (0, node_path_1.dirname)(file);
    (0, node_fs_1.mkdirSync)(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    (0, node_fs_1.writeFileSync)(tmp, Buffer.concat([MAGIC, sha256(data), data]));
    (0, node_fs_1.renameSync)(tmp, file);
    const prefix = (0, node_path_1.basename)(file).split('-')[0] + '-';
    const siblings = (0, node_fs_1.readdirSync)(dir)
        .filter((name) => name.startsWith(prefix) && name.endsWith('.v8cache'))
        .map((name) => ({ name, mtimeMs: (0, node_fs_1.statSync)((0, node_path_1.join)(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
        .sort((a, b) => b.mtimeMs - a.mtimeMs);
    for (const old of siblings.slice(KEPT_PER_BUNDLE))
        (0, node_fs_1.rmSync)((0, node_path_1.join)(dir, old.name), { force: true });
}
/**
 * Loads the CommonJS bundle at `path` and returns its exports, through the code cache when it can.
 * `requireFrom` is the caller's (for the plain load, and the built-in compile cache); `atExit`
 * schedules the cache's write for when the command has run.
 */
function loadBundle(path, env, requireFrom, atExit = (write) => process.once('exit', write)) {
    if (env.FASTEST_CODE_CACHE === '0')
        return requireFrom(path);
    const builtin = NodeModule.enableCompileCache;
    if (typeof builtin === 'function') {
        try {
            builtin((0, node_path_1.join)(userCacheDir(env), 'node-compile-cache'));
        }
        catch {
            // the cache stays off: a plain load
        }
        return requireFrom(path);
    }
    let source;
    try {
        source = (0, node_fs_1.readFileSync)(path);
    }
    catch {
        return requireFrom(path); // the plain load reports the error
    }
    const digest = sha256(source).toString('hex').slice(0, 32);
    const name = (0, node_path_1.basename)(path)
        .replace(/[^\w.]/g, '_')
        .replace(/-/g, '_');
    const cacheFile = (0, node_path_1.join)(userCacheDir(env), 'v8', `${name}-${digest}-${process.version}-${process.arch}.v8cache`);
    const cachedData = readCodeCache(cacheFile) ?? undefined;
    // latin1 is exact for an ASCII file and 4x quicker to decode than utf8 (and V8 keeps one-byte strings).
    const text = (0, node_buffer_1.isAscii)(source) ? source.toString('latin1') : source.toString('utf8');
    const script = new vm.Script(NodeModule.wrap(text.startsWith('#!') ? `//${text.slice(2)}` : text), {
        filename: path,
        cachedData,
        importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (cachedData === undefined || script.cachedDataRejected === true) {
        // After the command ran: the cache then holds the functions it compiled, not only the top level.
        atExit(() => {
            try {
                writeCodeCache(cacheFile, script.createCachedData());
            }
            catch {
                // a read-only or full disk: the next run compiles again
            }
        });
    }
    const module = new NodeModule.Module(path, undefined);
    module.filename = path;
    module.paths = NodeModule.Module._nodeModulePaths((0, node_path_1.dirname)(path));
    const wrapper = script.runInThisContext();
    wrapper.call(module.exports, module.exports, NodeModule.createRequire(path), module, path, (0, node_path_1.dirname)(path));
    module.loaded = true;
    return module.exports;
}


/***/ }),

/***/ 351:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.onPath = onPath;
// Where a command is found on PATH, as a shell would start it: shared by the runner (which
// interpreter runs the workers) and discovery (which interpreter its guards are evaluated for).
const node_fs_1 = __nccwpck_require__(24);
const node_path_1 = __nccwpck_require__(760);
/** Where `command` is found on PATH (or itself when it is a path). */
function onPath(command, env) {
    if (command.includes('/'))
        return (0, node_fs_1.existsSync)(command) ? command : null;
    for (const dir of (env.PATH ?? '').split(node_path_1.delimiter)) {
        if (!dir)
            continue;
        const candidate = (0, node_path_1.join)(dir, command);
        try {
            if ((0, node_fs_1.statSync)(candidate).isFile())
                return candidate;
        }
        catch {
            // not in this directory
        }
    }
    return null;
}


/***/ }),

/***/ 358:
/***/ ((__unused_webpack_module, exports) => {


// How many parse threads: shared by the executable (which may start them early) and the parse pool,
// without loading worker_threads.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_PARSE_THREADS = void 0;
exports.forcedParseThreads = forcedParseThreads;
exports.nativeGrammarInstalled = nativeGrammarInstalled;
exports.MAX_PARSE_THREADS = 4;
/** FASTEST_PARSE_THREADS=N when set to a whole number (0: parse on the main thread only). */
function forcedParseThreads(env) {
    const forced = Number.parseInt(env.FASTEST_PARSE_THREADS ?? '', 10);
    return Number.isInteger(forced) && forced >= 0 ? forced : null;
}
/**
 * Whether the native tree-sitter binding is installed where `resolve` looks (a lookup, no load):
 * then a discovery parses on the main thread unless it has much to parse (parse-pool.ts), and
 * threads started ahead would be wasted. A binding that is installed and then fails to load only
 * costs that head start.
 */
function nativeGrammarInstalled(env, resolve) {
    if (env.FASTEST_TREE_SITTER === 'wasm')
        return false;
    try {
        // Computed names: the bundler must not pull the addons into dist/.
        for (const name of ['tree-sitter', 'tree-sitter-python'])
            resolve(name);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 0:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.selfAndParents = selfAndParents;
// The directories above a path, for every upward search (config files, memos, .python-version):
// a leaf module, so that the small executable bundle can use it too.
const node_path_1 = __nccwpck_require__(760);
/** `p` and each of its parents, up to the filesystem root. */
function selfAndParents(p) {
    const out = [p];
    for (let cur = p, up = (0, node_path_1.dirname)(p); up !== cur; cur = up, up = (0, node_path_1.dirname)(up))
        out.push(up);
    return out;
}


/***/ }),

/***/ 542:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.writeMemo = writeMemo;
exports.replayMemo = replayMemo;
exports.rememberValue = rememberValue;
exports.recallValue = recallValue;
exports.forgetMemos = forgetMemos;
// `fastest discover` remembered whole. After a run that read its inputs under the input log
// (inputs.ts), its output is kept in <rootdir>/.fastest/memo/<key>.json with the state of every input:
// each config candidate probed, each directory listed, each file read, each environment variable
// looked at. The same command (same cwd, arguments, Node and fastest build) later checks those
// inputs (one stat each, and a content hash for any touched too recently for its timestamps to be
// trusted) and, when all are as they were, prints the remembered output without loading the
// bundle, the grammar or the discovery cache. A run keeps its discovery the same way (rememberValue,
// recallValue). This module is loaded by the small entry bundle, so it
// imports nothing but Node's own modules and leaf modules (inputs.ts, ancestors.ts).
const node_fs_1 = __nccwpck_require__(24);
const node_module_1 = __nccwpck_require__(995);
const node_path_1 = __nccwpck_require__(760);
const ancestors_js_1 = __nccwpck_require__(0);
const inputs_js_1 = __nccwpck_require__(417);
const MEMO_VERSION = 2;
/** Memos kept per rootdir (one per distinct command line); the oldest go first. */
const MAX_MEMOS = 16;
function memoKey(command) {
    // Not the terminal: discovery prints the same to a terminal and to a pipe (no colours).
    return JSON.stringify([MEMO_VERSION, process.version, command.cwd, command.argv]);
}
/** The memo's file name: two 32-bit FNV-1a hashes of the key (not crypto, which costs ~5 ms to load). */
function memoFileName(key) {
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}.json`;
}
function bundleStamp(path) {
    const st = (0, inputs_js_1.statOrUndefined)(path);
    return st ? (0, inputs_js_1.stampOf)(st) : null;
}
/** Inputs changed too recently for their stamps to vouch for them are checked by content too. */
function stampIsRacy(stamp, writtenMs) {
    return (0, inputs_js_1.isRacy)(Math.max(stamp[1], stamp[2]), writtenMs);
}
/** The header of a memo answering `key`, its inputs as `log` holds them. */
function headerOf(key, bundlePath, log, timeAt, exitCode) {
    const writtenMs = log.endedMs ?? Date.now();
    return {
        version: MEMO_VERSION,
        key,
        bundle: bundleStamp(bundlePath),
        bundleHash: (0, inputs_js_1.contentOf)(bundlePath, (0, inputs_js_1.statOrUndefined)(bundlePath)) ?? undefined,
        probes: [...log.probes],
        files: [...log.files].map(([path, f]) => [path, f.stamp, f.hash, stampIsRacy(f.stamp, writtenMs)]),
        dirs: [...log.dirs].map(([path, d]) => [path, d.stamp, d.namesHash, stampIsRacy(d.stamp, writtenMs)]),
        env: [...log.env].map(([name, value]) => [name, value ?? null]),
        timeAt,
        exitCode,
    };
}
/** Stores a memo in the rootdir's `.fastest/memo/`; a read-only checkout only loses it. */
function keepMemo(rootdir, header, body) {
    const dir = (0, node_path_1.join)(rootdir, '.fastest', 'memo');
    try {
        (0, node_fs_1.mkdirSync)(dir, { recursive: true });
        storeMemo((0, node_path_1.join)(dir, memoFileName(header.key)), header, body);
        pruneMemos(dir);
    }
    catch {
        // A read-only checkout still discovers; it only loses the memo.
    }
}
/** Keeps the output of a discover run whose inputs were logged; never fails the run. */
function writeMemo(rootdir, command, log, stdout, exitCode) {
    const time = /in (\d+\.\d\d)s\n$/.exec(stdout);
    const timeStart = time ? Buffer.byteLength(stdout.slice(0, time.index + 3)) : 0;
    const timeAt = time ? [timeStart, timeStart + time[1].length] : null;
    keepMemo(rootdir, headerOf(memoKey(command), command.bundlePath, log, timeAt, exitCode), Buffer.from(stdout));
}
function storeMemo(path, header, stdout) {
    const tmp = `${path}.${process.pid}.tmp`;
    (0, node_fs_1.writeFileSync)(tmp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), stdout]));
    (0, node_fs_1.renameSync)(tmp, path);
}
/**
 * After a replay: inputs that were too recent to trust by their stamps alone, confirmed by content
 * and now old enough, are trusted by their stamps again; inputs confirmed by content under a new
 * stamp (a fresh checkout) are kept with it. Later replays then only stat them.
 */
function settleInputs(memo, restamped, bundlePath) {
    const now = Date.now();
    const { files, dirs } = memo.header;
    let changed = false;
    for (const entry of [...files, ...dirs]) {
        const stamp = restamped.get(entry[0]);
        if (stamp !== undefined) {
            entry[1] = stamp;
            entry[3] = stampIsRacy(stamp, now);
            changed = true;
        }
        else if (entry[3] && !stampIsRacy(entry[1], now)) {
            entry[3] = false;
            changed = true;
        }
    }
    const bundle = restamped.get(bundlePath);
    if (bundle !== undefined) {
        memo.header.bundle = bundle;
        changed = true;
    }
    if (!changed)
        return;
    try {
        storeMemo(memo.path, memo.header, memo.stdout);
    }
    catch {
        // kept as it was: still correct, only slower
    }
}
function pruneMemos(dir) {
    const memos = (0, node_fs_1.readdirSync)(dir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => ({ path: (0, node_path_1.join)(dir, name), mtimeMs: (0, inputs_js_1.statOrUndefined)((0, node_path_1.join)(dir, name))?.mtimeMs ?? 0 }));
    if (memos.length <= MAX_MEMOS)
        return;
    memos.sort((a, b) => a.mtimeMs - b.mtimeMs);
    for (const { path } of memos.slice(0, memos.length - MAX_MEMOS))
        (0, node_fs_1.rmSync)(path, { force: true });
}
const isStamp = (value) => Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === 'number');
function isInput(value) {
    return Array.isArray(value) && typeof value[0] === 'string' && isStamp(value[1]) && typeof value[2] === 'string' && typeof value[3] === 'boolean';
}
/** A header as writeMemo writes it: a memo file (restored from a cache, perhaps) is not trusted. */
function isHeader(value) {
    const h = value;
    if (typeof h !== 'object' || h === null)
        return false;
    const pairs = (list, second) => Array.isArray(list) && list.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && second(entry[1]));
    return (typeof h.version === 'number' &&
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
        typeof h.exitCode === 'number');
}
/** The memo file at `path` when it answers `key`. */
function readMemo(path, key) {
    let content;
    try {
        content = (0, node_fs_1.readFileSync)(path);
    }
    catch {
        return null;
    }
    const newline = content.indexOf(10);
    try {
        const header = JSON.parse(content.toString('utf8', 0, newline));
        const stdout = content.subarray(newline + 1);
        return newline > 0 && isHeader(header) && header.version === MEMO_VERSION && header.key === key ? { path, header, stdout } : null;
    }
    catch {
        return null;
    }
}
/** The memo for this command in the cwd's `.fastest/` or the nearest parent's, if any. */
function findMemo(command, key) {
    for (const dir of (0, ancestors_js_1.selfAndParents)(command.cwd)) {
        const path = (0, node_path_1.join)(dir, '.fastest', 'memo', memoFileName(key));
        if ((0, inputs_js_1.statOrUndefined)(path) !== undefined)
            return readMemo(path, key);
    }
    return null;
}
/** Same kind, and what `recheck` says holds; a new stamp with the same content noted in `restamped`. */
function unchanged(path, st, stamp, content, racy, restamped) {
    const held = (0, inputs_js_1.recheck)(path, st, stamp, content, racy);
    if (held !== null && held !== 'same')
        restamped.set(path, held);
    return held !== null;
}
/** The first input that differs from the memo's record of it, or null when none does. */
function changedInput(memo, bundlePath, env, restamped) {
    if (memo.bundle === null || !unchanged(bundlePath, (0, inputs_js_1.statOrUndefined)(bundlePath), memo.bundle, memo.bundleHash ?? null, false, restamped)) {
        return `fastest build ${bundlePath}`;
    }
    for (const [name, value] of memo.env)
        if ((env[name] ?? null) !== value)
            return `environment variable ${name}`;
    for (const [path, kind] of memo.probes)
        if ((0, inputs_js_1.kindOf)((0, inputs_js_1.statOrUndefined)(path)) !== kind)
            return `path ${path}`;
    for (const [kind, inputs] of [['dir', memo.dirs], ['file', memo.files]]) {
        for (const [path, stamp, content, racy] of inputs) {
            const st = (0, inputs_js_1.statOrUndefined)(path);
            if ((0, inputs_js_1.kindOf)(st) !== kind || !unchanged(path, st, stamp, content, racy, restamped))
                return `${kind === 'dir' ? 'directory' : 'file'} ${path}`;
        }
    }
    return null;
}
/**
 * Prints the remembered output when this exact command's inputs are unchanged, returning its exit
 * code; null (nothing printed) when there is no such memo or any input differs. `startedMs`: when
 * the command started, in process.hrtime milliseconds.
 */
function replayMemo(command, env, startedMs, write) {
    let output;
    let exitCode;
    let replayed;
    let restamped;
    try {
        const key = memoKey(command);
        const memo = findMemo(command, key);
        if (!memo)
            return null;
        restamped = new Map();
        const changed = changedInput(memo.header, command.bundlePath, env, restamped);
        // FASTEST_DEBUG_MEMO=1 says whether the remembered discovery was replayed, and if not, why.
        if (env.FASTEST_DEBUG_MEMO)
            process.stderr.write(`fastest: discovery memo ${changed === null ? 'replayed' : `not used: ${changed} changed`}\n`);
        if (changed !== null)
            return null;
        replayed = memo;
        const { stdout } = memo;
        const { timeAt } = memo.header;
        const seconds = Buffer.from(((Number(process.hrtime.bigint()) / 1e6 - startedMs) / 1000).toFixed(2));
        output = timeAt ? [stdout.subarray(0, timeAt[0]), seconds, stdout.subarray(timeAt[1])] : [stdout];
        exitCode = memo.header.exitCode;
    }
    catch {
        return null; // a memo of another shape: the full discovery rewrites it
    }
    write(output);
    settleInputs(replayed, restamped, command.bundlePath);
    return exitCode;
}
// The structured clone of V8 (the key holds Node's version): it keeps an object shared by many
// items (a parametrize mark) once, and reads 10,000 items in a third of JSON.parse's time.
// Loaded on first use, as this module is part of the small entry bundle.
let v8Module;
const v8 = () => (v8Module ??= (0, node_module_1.createRequire)(__fastestModuleUrl)('node:v8'));
/**
 * Keeps `value` (plain data), worked out from the inputs `log` holds, as the answer to `key` (which
 * names everything else it depends on), for recallValue; never fails the command.
 */
function rememberValue(rootdir, key, bundlePath, log, value) {
    keepMemo(rootdir, headerOf(valueKey(key), bundlePath, log, null, 0), v8().serialize(value));
}
const valueKey = (key) => JSON.stringify([MEMO_VERSION, process.version, key]);
/**
 * What rememberValue kept for `key`, when none of its inputs has changed since and `accept` takes
 * it (a damaged memo file is not); else undefined. FASTEST_DEBUG_MEMO=1 says which, and why.
 */
function recallValue(rootdir, key, bundlePath, env, accept) {
    const say = (what) => {
        if (env.FASTEST_DEBUG_MEMO)
            process.stderr.write(`fastest: remembered value ${what}\n`);
    };
    const fullKey = valueKey(key);
    const memo = readMemo((0, node_path_1.join)(rootdir, '.fastest', 'memo', memoFileName(fullKey)), fullKey);
    if (!memo)
        return undefined;
    const restamped = new Map();
    const changed = changedInput(memo.header, bundlePath, env, restamped);
    if (changed !== null) {
        say(`not used: ${changed} changed`);
        return undefined;
    }
    let value;
    try {
        value = v8().deserialize(memo.stdout);
    }
    catch {
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
function forgetMemos(rootdir) {
    (0, node_fs_1.rmSync)((0, node_path_1.join)(rootdir, '.fastest', 'memo'), { recursive: true, force: true });
}


/***/ }),

/***/ 417:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.sameStamp = void 0;
exports.isRacy = isRacy;
exports.startInputLog = startInputLog;
exports.inputLogOn = inputLogOn;
exports.takeInputLog = takeInputLog;
exports.stampOf = stampOf;
exports.kindOf = kindOf;
exports.sha1 = sha1;
exports.namesHash = namesHash;
exports.contentOf = contentOf;
exports.recheck = recheck;
exports.noteFile = noteFile;
exports.loggedEnv = loggedEnv;
exports.statOrUndefined = statOrUndefined;
exports.probePath = probePath;
exports.readLoggedFile = readLoggedFile;
exports.listLoggedDir = listLoggedDir;
const node_fs_1 = __nccwpck_require__(24);
const node_module_1 = __nccwpck_require__(995);
let log = null;
/**
 * A file written this shortly before it was read may be written again without its size or
 * timestamps changing (file systems with coarse clocks): only its content can vouch for it.
 */
const RACY_MS = 2000;
function isRacy(timestampMs, nowMs = Date.now()) {
    return timestampMs >= nowMs - RACY_MS;
}
function startInputLog() {
    log = { probes: new Map(), files: new Map(), dirs: new Map(), env: new Map() };
}
function inputLogOn() {
    return log !== null;
}
/** Ends logging and hands over what was logged (null when logging was never started). */
function takeInputLog() {
    const taken = log;
    log = null;
    if (taken)
        taken.endedMs = Date.now();
    return taken;
}
function stampOf(st) {
    return [st.size, st.mtimeMs, st.ctimeMs, st.ino];
}
function kindOf(st) {
    if (!st)
        return 'missing';
    return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
}
// Loaded on first use: a replayed discovery rarely hashes anything, and loading crypto costs ~5 ms.
let crypto;
function sha1(content) {
    crypto ??= (0, node_module_1.createRequire)(__fastestModuleUrl)('node:crypto');
    return crypto.createHash('sha1').update(content).digest('hex');
}
function namesHash(names) {
    return sha1([...names].sort().join('\0'));
}
/**
 * What a path holds, for an input whose stamp changed: a file's content sha1, a directory's names
 * (namesHash); null for anything else, or what cannot be read.
 */
function contentOf(path, st) {
    try {
        if (st?.isFile())
            return sha1((0, node_fs_1.readFileSync)(path));
        if (st?.isDirectory())
            return namesHash((0, node_fs_1.readdirSync)(path));
    }
    catch {
        // unreadable: as if missing
    }
    return null;
}
const sameStamp = (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
exports.sameStamp = sameStamp;
/**
 * Whether `path` (its state `st`) still holds what a record of it says: 'same' under the recorded
 * stamp (and, for a record too recent for its stamp to vouch, `racy`, the recorded content too);
 * its new stamp when only the stamp changed (another checkout of the same content); null when it
 * changed. A record of a missing path (null stamp) holds while the path is missing.
 */
function recheck(path, st, stamp, content, racy = false) {
    if (st === undefined || stamp === null)
        return st === undefined && stamp === null ? 'same' : null;
    const now = stampOf(st);
    if ((0, exports.sameStamp)(now, stamp))
        return !racy || contentOf(path, st) === content ? 'same' : null;
    return content !== null && contentOf(path, st) === content ? now : null;
}
/** The path's kind (following symlinks) mattered. */
function noteProbe(path, st) {
    if (log && !log.probes.has(path))
        log.probes.set(path, kindOf(st));
}
/** The file's content mattered: `st` is its state before it was read, `hash` that content's sha1. */
function noteFile(path, st, hash) {
    if (log && !log.files.has(path))
        log.files.set(path, { stamp: stampOf(st), hash });
}
/** The directory's listing mattered: `st` is its state before it was listed. */
function noteDir(path, st, names) {
    if (log && !log.dirs.has(path))
        log.dirs.set(path, { stamp: stampOf(st), namesHash: namesHash(names) });
}
/** `env` seen through a lens that logs each variable read (its first value), while logging is on. */
function loggedEnv(env) {
    if (!log)
        return env;
    const seen = log.env;
    return new Proxy(env, {
        get(target, key) {
            const value = Reflect.get(target, key);
            if (typeof key === 'string' && !seen.has(key))
                seen.set(key, value);
            return value;
        },
        has(target, key) {
            if (typeof key === 'string' && !seen.has(key))
                seen.set(key, Reflect.get(target, key));
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
function statOrUndefined(path) {
    try {
        return (0, node_fs_1.statSync)(path, { throwIfNoEntry: false });
    }
    catch {
        return undefined;
    }
}
/** statSync that answers undefined for a missing path, logged as a probe. */
function probePath(path) {
    const st = statOrUndefined(path);
    noteProbe(path, st);
    return st;
}
/** readFileSync, logged with the file's state and content hash. */
function readLoggedFile(path) {
    const st = log ? (0, node_fs_1.statSync)(path) : null;
    const content = (0, node_fs_1.readFileSync)(path);
    if (st)
        noteFile(path, st, sha1(content));
    return content;
}
/** readdirSync with file types, logged with the directory's state and names. */
function listLoggedDir(path) {
    const st = log ? (0, node_fs_1.statSync)(path) : null;
    const entries = (0, node_fs_1.readdirSync)(path, { withFileTypes: true });
    if (st)
        noteDir(path, st, entries.map((e) => e.name));
    return entries;
}


/***/ }),

/***/ 769:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.earlyKey = earlyKey;
exports.earlyPlan = earlyPlan;
exports.startEarlyWorkers = startEarlyWorkers;
exports.endUnsettled = endUnsettled;
exports.adoptEarlyWorkers = adoptEarlyWorkers;
exports.earlyWorkersStarted = earlyWorkersStarted;
exports.takeEarlyChild = takeEarlyChild;
exports.settleEarlyWorkers = settleEarlyWorkers;
exports.reviseEarlyWorkers = reviseEarlyWorkers;
// Workers started by the executable (cli/entry.ts) before it loads the main bundle, so that
// Python's start (interpreter, `import pytest`, the engine) overlaps the 60-160 ms Node spends
// loading dist/main.js and reading the config. The choice that needs the config (the rootdir, the
// interpreter, how many workers) is what the last run of the same command made, kept in
// `.fastest/early-workers.json`; in a directory fastest never ran in, a plan is guessed from what
// the cwd alone tells. Nothing is trusted: a worker started early is used only when the run asks
// for exactly the same process (interpreter, arguments, working directory, environment; see
// `takeEarlyChild`), and ended at once otherwise.
const node_child_process_1 = __nccwpck_require__(421);
const node_crypto_1 = __nccwpck_require__(598);
const node_fs_1 = __nccwpck_require__(24);
const node_os_1 = __nccwpck_require__(161);
const node_path_1 = __nccwpck_require__(760);
const ancestors_js_1 = __nccwpck_require__(0);
const python_js_1 = __nccwpck_require__(530);
const RECORD_FILE = 'early-workers.json';
const RECORD_VERSION = 1;
/** Commands (of the same cwd, arguments and environment) whose plan is kept. */
const KEPT_PLANS = 16;
/** Arguments after which the run starts no worker (real pytest answers, or nothing runs). */
const NO_WORKER_ARGS = new Set(['--setup-plan', '--setup-only', '--fixtures', '--fixtures-per-test', '--markers', '--watch']);
/** `--collect-only`: its tree is real pytest's; with -q the workers' collection pass lists. */
const COLLECT_ONLY_ARGS = new Set(['--co', '--collect-only', '--collectonly']);
/** Whether the command starts no worker of its own. */
function startsNoWorker(argv) {
    if (argv.some((arg) => NO_WORKER_ARGS.has(arg)))
        return true;
    return argv.some((arg) => COLLECT_ONLY_ARGS.has(arg)) && !argv.some((arg) => /^-q+$/.test(arg) || arg === '--quiet');
}
/** Files that make the cwd pytest's rootdir when fastest is run there without arguments. */
const ROOTDIR_MARKERS = ['pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg', 'setup.py'];
/** Options whose value is no path (and so leaves the rootdir where it is). */
const VALUED_OPTIONS = new Set(['-p', '-k', '-m', '-W', '-r', '--tb', '--maxfail', '--durations', '--timeout']);
/** No argument that may move the rootdir or the count of workers (paths, -c, --rootdir, -n...). */
function rootdirIsCwd(argv) {
    return argv.every((arg, index) => {
        if (VALUED_OPTIONS.has(argv[index - 1]))
            return true;
        return arg.startsWith('-') && !/^(-n|--numprocesses|--pyargs|-c|--rootdir|--config-file|--inifile|-o|--override-ini)/.test(arg);
    });
}
/** The key of a command: the plan may differ with any of these. */
function earlyKey(argv, cwd, env) {
    const vars = ['VIRTUAL_ENV', 'PATH', 'PYTEST_ADDOPTS', 'PYTHONDONTWRITEBYTECODE', 'PYTHONPYCACHEPREFIX', 'FASTEST_WARM_PARENT'].map((name) => env[name] ?? null);
    return (0, node_crypto_1.createHash)('sha256')
        .update(JSON.stringify([cwd, argv, vars]))
        .digest('hex')
        .slice(0, 32);
}
/** The last `--python` of the command line (the interpreter the user named there). */
function pythonArgument(argv) {
    let python = null;
    argv.forEach((arg, index) => {
        if (arg === '--python')
            python = argv[index + 1] ?? null;
        else if (arg.startsWith('--python='))
            python = arg.slice('--python='.length);
    });
    return python;
}
function readRecord(file) {
    try {
        const record = JSON.parse((0, node_fs_1.readFileSync)(file, 'utf8'));
        return record && record.version === RECORD_VERSION && typeof record.plans === 'object' && record.plans !== null ? record : null;
    }
    catch {
        return null;
    }
}
/**
 * A recorded plan, if the executable can start it safely: the interpreter must be the one the
 * run's own choice gives (`--python` of the command line, the active virtualenv, `python3` or the
 * interpreter its pyenv shim chose last time), never one the record names, and the directories
 * the record's own project's.
 */
function trustedPlan(recorded, projectDir, cwd, python) {
    if (recorded.workers === 0 || !('python' in recorded))
        return null;
    const { workers } = recorded;
    if (!Number.isInteger(workers) || workers < 1 || workers > 64)
        return null;
    if (recorded.python !== python)
        return null;
    if (recorded.cwd !== projectDir && recorded.cwd !== cwd)
        return null;
    if (recorded.pycacheDir !== (0, node_path_1.join)(projectDir, '.fastest', 'pycache'))
        return null;
    return { python, cwd: recorded.cwd, workers, pycacheDir: recorded.pycacheDir };
}
/**
 * What to start for `fastest ARGV` run in `cwd`: the record's plan for this command, else in a
 * directory no fastest run has left a `.fastest/` in (a fresh checkout), one worker per core with
 * the cwd as the rootdir (the first of them started early), when the cwd holds the config file
 * that makes it the rootdir. No plan: start none.
 */
function earlyPlan(argv, cwd, env, key) {
    const none = { plan: null, start: 0, recorded: null, env };
    if (env.FASTEST_EARLY_WORKERS === '0' || startsNoWorker(argv))
        return none;
    // As the session chooses (runner/python.ts), from the rootdir's .fastest/: on a copy of env.
    const chosen = (projectDir) => {
        const copy = { ...env };
        return { python: (0, python_js_1.choosePython)(pythonArgument(argv), cwd, (0, node_path_1.join)(projectDir, '.fastest'), copy).python, env: copy };
    };
    for (const dir of (0, ancestors_js_1.selfAndParents)(cwd)) {
        const file = (0, node_path_1.join)(dir, '.fastest', RECORD_FILE);
        if (!(0, node_fs_1.existsSync)(file))
            continue;
        const recorded = readRecord(file)?.plans[key] ?? null;
        if (recorded === null || recorded.workers === 0)
            return { ...none, recorded };
        const choice = chosen(dir);
        const plan = trustedPlan(recorded, dir, cwd, choice.python);
        return { plan, start: plan?.workers ?? 0, recorded, env: choice.env };
    }
    if ((0, node_fs_1.existsSync)((0, node_path_1.join)(cwd, '.fastest')))
        return none;
    if (!rootdirIsCwd(argv))
        return none;
    if (!ROOTDIR_MARKERS.some((name) => (0, node_fs_1.existsSync)((0, node_path_1.join)(cwd, name))))
        return none;
    const choice = chosen(cwd);
    // Only the first: a small suite ends the others once its size is known, and one started this
    // early would have spent more of its start by then. The run starts the rest itself, as before.
    const plan = { python: choice.python, cwd, workers: (0, node_os_1.availableParallelism)(), pycacheDir: (0, node_path_1.join)(cwd, '.fastest', 'pycache') };
    return { plan, start: 1, recorded: null, env: choice.env };
}
/** Starts the plan's first `count` workers as runner/worker.ts's WorkerProcess starts them (workerSpawn). */
function startEarlyWorkers(plan, env, count = plan.workers) {
    const workers = [];
    for (let index = 0; index < Math.min(count, plan.workers); index++) {
        const { command, args, options } = (0, python_js_1.workerSpawn)({ ...plan, index }, env);
        const child = (0, node_child_process_1.spawn)(command, args, options);
        // A failed start (ENOENT) is an 'error' event: the run's own start of the same reports it.
        child.on('error', () => { });
        workers.push({ child, command, args, options, settled: false });
    }
    return workers;
}
/** Ends every early worker not taken by the run (their process groups, as WorkerProcess.kill). */
function endUnsettled(workers) {
    for (const worker of workers) {
        if (worker.settled)
            continue;
        worker.settled = true;
        const { child } = worker;
        if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
            continue;
        try {
            process.kill(-child.pid, 'SIGKILL');
        }
        catch {
            child.kill('SIGKILL');
        }
    }
}
let early = null;
let envMismatch = false;
let firstSpawn = null;
/** The main bundle takes what the executable started (nothing is taken when it started none). */
function adoptEarlyWorkers(start) {
    early = start ?? null;
}
function definedEntries(env) {
    return Object.entries(env ?? {})
        .filter((entry) => entry[1] !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
function sameSpawn(worker, command, args, options) {
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    if (worker.command !== command || !same(worker.args, args) || worker.options.cwd !== options.cwd)
        return false;
    if (worker.options.detached !== options.detached || !same(worker.options.stdio, options.stdio))
        return false;
    const sameEnv = same(definedEntries(worker.options.env), definedEntries(options.env));
    if (!sameEnv)
        envMismatch = true;
    return sameEnv;
}
/** How many workers the executable started ahead for this run. */
function earlyWorkersStarted() {
    return early?.workers.length ?? 0;
}
/**
 * The process an early start made for exactly this spawn, if there is one still running (the
 * worker's spawn asks here first); null: spawn it.
 */
function takeEarlyChild(command, args, options) {
    if (firstSpawn === null)
        firstSpawn = { python: command, cwd: String(options.cwd) };
    if (early === null)
        return null;
    const worker = early.workers.find((w) => !w.settled && sameSpawn(w, command, args, options));
    if (!worker)
        return null;
    const { child } = worker;
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
        return null;
    worker.settled = true;
    return child;
}
/**
 * The run has started its workers (`started`: how many and where their bytecode goes; null when
 * it starts none ahead): early workers it did not take are ended, and the plan kept for the next
 * start of the same command under `rootdir`'s `.fastest/`. A plan whose workers were refused for
 * their environment alone (something the executable cannot see changed it) is not started again.
 * `keep` false: the command ended before it knew (an error), nothing is kept.
 */
function settleEarlyWorkers(rootdir, started, keep = true) {
    const start = early;
    early = null;
    if (start === null)
        return;
    endUnsettled(start.workers);
    if (!keep)
        return;
    const ran = started && firstSpawn ? { ...firstSpawn, ...started } : null;
    const planned = start.plan;
    const refused = planned !== null && ran !== null && JSON.stringify(planned) === JSON.stringify(ran) && envMismatch;
    const recorded = ran === null || refused ? { workers: 0 } : ran;
    settled = { rootdir, key: start.key, recorded };
    if (JSON.stringify(recorded) !== JSON.stringify(start.recorded))
        writePlan(rootdir, start.key, recorded);
}
let settled = null;
/**
 * The run's end measured its tests and workers again (runner/run-cost.ts): the number of workers
 * the next run of the command will start ahead, kept so that its early workers are those it takes.
 */
function reviseEarlyWorkers(workers) {
    const last = settled;
    settled = null;
    if (last === null || !('python' in last.recorded) || last.recorded.workers === workers)
        return;
    writePlan(last.rootdir, last.key, { ...last.recorded, workers });
}
function writePlan(rootdir, key, plan) {
    const file = (0, node_path_1.join)(rootdir, '.fastest', RECORD_FILE);
    const record = readRecord(file) ?? { version: RECORD_VERSION, plans: {} };
    delete record.plans[key];
    record.plans[key] = plan;
    const keys = Object.keys(record.plans);
    for (const old of keys.slice(0, Math.max(0, keys.length - KEPT_PLANS)))
        delete record.plans[old];
    try {
        (0, node_fs_1.mkdirSync)((0, node_path_1.join)(rootdir, '.fastest'), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        (0, node_fs_1.writeFileSync)(tmp, JSON.stringify(record));
        (0, node_fs_1.renameSync)(tmp, file);
    }
    catch {
        // a read-only checkout: the next run plans again
    }
}


/***/ }),

/***/ 47:
/***/ ((__unused_webpack_module, exports) => {


// What of the CI runner's environment a test may see. The GitHub runner hands every step files
// and tokens that act on the workflow: GITHUB_ENV / GITHUB_PATH change the environment and PATH of
// every later step, GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY set outputs, state and the
// summary, INPUT_* hold an action's inputs (its token), ACTIONS_* the runtime token, the cache and
// results service URLs and the OIDC token request. None of that is a test's business; what tests
// legitimately read (CI, GITHUB_ACTIONS, GITHUB_SHA, GITHUB_REF, RUNNER_OS...) stays.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RUNNER_CAPABILITY_PREFIXES = exports.RUNNER_CAPABILITY_VARIABLES = void 0;
exports.isRunnerCapability = isRunnerCapability;
exports.testEnvironment = testEnvironment;
/** Runner variables that let a process act on the workflow rather than describe it. */
exports.RUNNER_CAPABILITY_VARIABLES = ['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'];
/** Prefixes of such variables: action inputs, post-step state, runner service tokens and URLs. */
exports.RUNNER_CAPABILITY_PREFIXES = ['INPUT_', 'STATE_', 'ACTIONS_'];
function isRunnerCapability(name) {
    // Windows environment names are case-insensitive.
    const upper = name.toUpperCase();
    return exports.RUNNER_CAPABILITY_VARIABLES.includes(upper) || exports.RUNNER_CAPABILITY_PREFIXES.some((p) => upper.startsWith(p));
}
/** `env` without the runner's capability variables: the environment every test process gets. */
function testEnvironment(env) {
    const out = {};
    for (const [name, value] of Object.entries(env))
        if (!isRunnerCapability(name))
            out[name] = value;
    return out;
}


/***/ }),

/***/ 507:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RunnerError = void 0;
/** The runner could not do its job (no usable Python, a worker that cannot start, bad pytest args). */
class RunnerError extends Error {
    /** pytest's exit code: 3 internal error, 4 usage error. */
    exitCode;
    /** The message is pytest's own text, to print as it is (else it is one line, said as fastest's). */
    verbatim;
    constructor(message, exitCode = 3, verbatim = false) {
        super(verbatim ? message : message.replace(/\s*\n\s*/g, ' ').trim());
        this.name = 'RunnerError';
        this.exitCode = exitCode;
        this.verbatim = verbatim;
    }
}
exports.RunnerError = RunnerError;


/***/ }),

/***/ 530:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MIN_PYTHON = void 0;
exports.choosePython = choosePython;
exports.findPython = findPython;
exports.checkPython = checkPython;
exports.isSupported = isSupported;
exports.pythonRuntimeDir = pythonRuntimeDir;
exports.runtimePythonPath = runtimePythonPath;
exports.workerEnv = workerEnv;
exports.keepStdinFromWorkers = keepStdinFromWorkers;
exports.workerStdio = workerStdio;
exports.workerSpawn = workerSpawn;
// Which Python runs the workers, and the environment that lets it import fastest_worker.
const node_child_process_1 = __nccwpck_require__(421);
const node_fs_1 = __nccwpck_require__(24);
const node_path_1 = __nccwpck_require__(760);
const node_tty_1 = __nccwpck_require__(66);
const node_url_1 = __nccwpck_require__(136);
const environment_js_1 = __nccwpck_require__(47);
const errors_js_1 = __nccwpck_require__(507);
const shim_js_1 = __nccwpck_require__(349);
exports.MIN_PYTHON = [3, 9];
/**
 * findPython, with a version manager's shim replaced by the interpreter it chose last time under
 * the same conditions. PATH then starts with that interpreter's directory, as `pyenv exec` does.
 */
function choosePython(opt, cwd, cacheDir, env = process.env) {
    const python = findPython(opt, env);
    const shim = opt ? null : (0, shim_js_1.shimOf)(python, cwd, cacheDir, env);
    if (!shim)
        return { python, shim: null };
    const remembered = (0, shim_js_1.rememberedInterpreter)(shim);
    if (!remembered)
        return { python, shim };
    env.PATH = prependToPathList((0, node_path_1.dirname)(remembered), env.PATH);
    return { python: remembered, shim: null };
}
/** `--python`, else the active virtualenv's interpreter, else `python3` from PATH. */
function findPython(opt, env = process.env) {
    if (opt)
        return opt;
    const venv = env.VIRTUAL_ENV;
    if (venv) {
        const candidate = process.platform === 'win32' ? (0, node_path_1.join)(venv, 'Scripts', 'python.exe') : (0, node_path_1.join)(venv, 'bin', 'python');
        if ((0, node_fs_1.existsSync)(candidate))
            return candidate;
    }
    return process.platform === 'win32' ? 'python' : 'python3';
}
/**
 * The interpreter's version ("3.11.7"); a missing or too old Python is a RunnerError (exit 3).
 * Asynchronous so that the CLI overlaps it with discovery instead of waiting for it.
 */
function checkPython(python, onExecutable) {
    return new Promise((resolvePromise, reject) => {
        (0, node_child_process_1.execFile)(python, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3]); print(sys.executable)'], { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
            const spawnCode = error?.code;
            if (spawnCode === 'ENOENT')
                return reject(new errors_js_1.RunnerError(`Python interpreter not found: ${python} (use --python PATH)`));
            const [version = '', executable = ''] = (stdout ?? '').trim().split('\n');
            const match = /^(\d+)\.(\d+)\.\d+$/.exec(version);
            if (error || !match) {
                return reject(new errors_js_1.RunnerError(`${python} is not a working Python interpreter (${lastLine(stderr) || error?.message || 'no version'})`));
            }
            if (!isSupported(Number(match[1]), Number(match[2]))) {
                return reject(new errors_js_1.RunnerError(`fastest needs Python >= ${exports.MIN_PYTHON.join('.')}, but ${python} is ${version}`));
            }
            if (executable)
                onExecutable?.(executable);
            resolvePromise(version);
        });
    });
}
function isSupported(major, minor) {
    return major > exports.MIN_PYTHON[0] || (major === exports.MIN_PYTHON[0] && minor >= exports.MIN_PYTHON[1]);
}
let runtimeDir;
/**
 * Absolute path of the `python/` directory that holds `fastest_worker`: found by walking up
 * from this module, which is `src/runner/python.ts` under vitest and `dist/cli.js` when bundled.
 */
function pythonRuntimeDir() {
    if (runtimeDir)
        return runtimeDir;
    let dir = (0, node_path_1.dirname)((0, node_url_1.fileURLToPath)(__fastestModuleUrl));
    for (;;) {
        const candidate = (0, node_path_1.join)(dir, 'python');
        if ((0, node_fs_1.existsSync)((0, node_path_1.join)(candidate, 'fastest_worker', '__main__.py')))
            return (runtimeDir = candidate);
        const parent = (0, node_path_1.dirname)(dir);
        if (parent === dir)
            break;
        dir = parent;
    }
    throw new errors_js_1.RunnerError('cannot find the fastest_worker Python package next to the fastest installation');
}
/** `dir` first in a PATH-style list. */
function prependToPathList(dir, list) {
    return list ? `${dir}${node_path_1.delimiter}${list}` : dir;
}
/** PYTHONPATH with fastest_worker importable ahead of the inherited entries. */
function runtimePythonPath(inherited) {
    return prependToPathList(pythonRuntimeDir(), inherited);
}
/**
 * The environment of worker `index`: fastest_worker importable, the worker's number and count.
 * xdist's PYTEST_XDIST_WORKER is not set: plugins read it as "xdist runs" (pytest-benchmark then
 * disables itself with a warning) and outcomes must be plain pytest's. A suite that keys
 * per-worker resources (databases, ports) on it asks for it with FASTEST_XDIST_ENV=1.
 */
function workerEnv(index, workers, base = process.env, pycacheDir) {
    const bytecode = pycacheDir && base.PYTHONDONTWRITEBYTECODE ? bytecodeCacheEnv(base, pycacheDir) : {};
    // The user's values of what the worker's own start needs changed: the worker puts them back
    // (null: unset) before tests run (python/fastest_worker/__main__.py). JSON: an environment value
    // cannot hold a NUL, and a path can hold any other separator.
    const changed = [
        'PYTHONPATH',
        ...(base.PYTHONPYCACHEPREFIX !== undefined && 'PYTHONDONTWRITEBYTECODE' in bytecode ? ['PYTHONDONTWRITEBYTECODE', 'PYTHONPYCACHEPREFIX'] : []),
    ];
    return {
        ...base,
        ...bytecode,
        PYTHONPATH: runtimePythonPath(base.PYTHONPATH),
        FASTEST_SAVED_PYTHON_ENV: JSON.stringify(Object.fromEntries(changed.map((name) => [name, base[name] ?? null]))),
        ...(base.FASTEST_XDIST_ENV === '1' ? { PYTEST_XDIST_WORKER: `gw${index}`, PYTEST_XDIST_WORKER_COUNT: String(workers) } : {}),
        FASTEST_WORKER: String(index),
        FASTEST_WORKER_COUNT: String(workers),
        ...(stdinForDebugger ? { FASTEST_TERMINAL_FD: '3', ...(terminalForDebugger ? { FASTEST_TERMINAL_OUT_FD: '4' } : {}) } : {}),
    };
}
/**
 * Node's stdin goes to every worker as its fd 3, for a debugger a test starts (`breakpoint()`:
 * python/fastest_worker/debugger.py reads it once Node grants it the terminal); tests themselves
 * never see it. Not when there is none, nor under `fastest watch`, which reads keys from it.
 */
let stdinForDebugger = stdinIsOpen();
/** Both stdin and stdout are a terminal: Node's stdout goes too (fd 4), and the debugger uses the
 * terminal itself, with readline's line editing and history, as pytest's does. */
const terminalForDebugger = (0, node_tty_1.isatty)(0) && (0, node_tty_1.isatty)(1);
function stdinIsOpen() {
    try {
        (0, node_fs_1.fstatSync)(0);
        return true;
    }
    catch {
        return false;
    }
}
/** `fastest watch`: stdin is Node's own. */
function keepStdinFromWorkers() {
    stdinForDebugger = false;
}
/** A worker's (or the warm parent's) fds: frames in, frames out, output, and Node's stdin (stdinForDebugger). */
function workerStdio() {
    if (!stdinForDebugger)
        return ['pipe', 'pipe', 'pipe'];
    return terminalForDebugger ? ['pipe', 'pipe', 'pipe', 0, 1] : ['pipe', 'pipe', 'pipe', 0];
}
/**
 * Under PYTHONDONTWRITEBYTECODE=1 Python would compile pytest, the worker and the user's modules
 * from source in every worker of every run: their bytecode goes to `pycacheDir` instead
 * (sys.pycache_prefix), never beside the user's sources. Without that variable Python's own
 * __pycache__ already does the job. The worker sets the prefix itself once the interpreter has
 * started (FASTEST_PYCACHE_PREFIX; python/fastest_worker/__main__.py), so that start-up imports
 * read the installed bytecode rather than compile into an empty prefix; the user's environment is
 * left as it is. A prefix the user set (PYTHONPYCACHEPREFIX) is used as it is, with writing on; the
 * worker puts the user's own values back into os.environ first thing.
 */
function bytecodeCacheEnv(base, pycacheDir) {
    if (base.PYTHONPYCACHEPREFIX === undefined)
        return { FASTEST_PYCACHE_PREFIX: pycacheDir };
    return { PYTHONDONTWRITEBYTECODE: undefined, PYTHONPYCACHEPREFIX: base.PYTHONPYCACHEPREFIX };
}
function lastLine(text) {
    const lines = (text ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    return lines.length ? lines[lines.length - 1] : '';
}
/**
 * How a worker process is started: runner/worker.ts starts it so, and the executable's early
 * start (early.ts) too, whose process is handed over only for exactly this spawn.
 */
function workerSpawn(options, env) {
    return {
        command: options.python,
        args: ['-m', 'fastest_worker'],
        options: {
            cwd: options.cwd,
            // Tests never see the CI runner's files and tokens (environment.ts).
            env: workerEnv(options.index, options.workers, (0, environment_js_1.testEnvironment)(env), options.pycacheDir),
            stdio: workerStdio(),
            // Own process group: a terminal Ctrl-C reaches Node only, which then stops the workers.
            detached: true,
        },
    };
}


/***/ }),

/***/ 349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.shimOf = shimOf;
exports.rememberedInterpreter = rememberedInterpreter;
exports.rememberInterpreter = rememberInterpreter;
// pyenv puts shell-script shims on PATH: every start of `python3` through one runs dozens of shell
// processes (80-100 ms of CPU here, ~0.5 s on a busy machine) before Python itself starts, and
// fastest starts several interpreters per run. The interpreter the shim chose is remembered in
// .fastest/python.json, keyed by everything pyenv's choice depends on (PYENV_VERSION, the
// .python-version files from the working directory up, the global version file), and started
// directly. Other version managers (asdf, mise) read more sources; their shims are left alone.
const node_fs_1 = __nccwpck_require__(24);
const node_path_1 = __nccwpck_require__(760);
const ancestors_js_1 = __nccwpck_require__(0);
const which_js_1 = __nccwpck_require__(351);
const VERSION_ENV = ['PYENV_VERSION', 'PYENV_ROOT', 'PYENV_DIR', 'PYENV_VIRTUAL_ENV'];
/** A script (not a binary) that names pyenv in its first bytes. */
function isShim(path) {
    let fd;
    try {
        fd = (0, node_fs_1.openSync)(path, 'r');
        const head = Buffer.alloc(512);
        const length = (0, node_fs_1.readSync)(fd, head, 0, head.length, 0);
        const text = head.subarray(0, length).toString('latin1');
        return text.startsWith('#!') && text.includes('pyenv');
    }
    catch {
        return false;
    }
    finally {
        if (fd !== undefined)
            (0, node_fs_1.closeSync)(fd);
    }
}
function readOrEmpty(path) {
    try {
        return (0, node_fs_1.readFileSync)(path, 'utf8');
    }
    catch {
        return '';
    }
}
/** What the shim's choice depends on: the shim, pyenv's variables, the version files it reads. */
function shimKey(shim, cwd, env) {
    const files = [];
    for (const dir of (0, ancestors_js_1.selfAndParents)(cwd)) {
        const text = readOrEmpty((0, node_path_1.join)(dir, '.python-version'));
        if (text)
            files.push([dir, text]);
    }
    const pyenvRoot = env.PYENV_ROOT ?? (0, node_path_1.join)(env.HOME ?? '', '.pyenv');
    files.push(['global', readOrEmpty((0, node_path_1.join)(pyenvRoot, 'version'))]);
    return JSON.stringify({ shim, env: VERSION_ENV.map((name) => env[name] ?? null), files });
}
/** The shim `command` resolves to, with the key of its choice; null when it is not a shim. */
function shimOf(command, cwd, cacheDir, env) {
    const found = (0, which_js_1.onPath)(command, env);
    if (!found || !isShim(found))
        return null;
    return { shim: found, key: shimKey(found, cwd, env), cacheFile: (0, node_path_1.join)(cacheDir, 'python.json') };
}
/** The interpreter this shim chose last time under the same conditions, if it still exists. */
function rememberedInterpreter(choice) {
    try {
        const saved = JSON.parse((0, node_fs_1.readFileSync)(choice.cacheFile, 'utf8'));
        if (saved.key !== choice.key || typeof saved.executable !== 'string' || !(0, node_path_1.isAbsolute)(saved.executable))
            return null;
        return (0, node_fs_1.existsSync)(saved.executable) ? saved.executable : null;
    }
    catch {
        return null;
    }
}
function rememberInterpreter(choice, executable) {
    if (!(0, node_path_1.isAbsolute)(executable))
        return;
    try {
        (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(choice.cacheFile), { recursive: true });
        (0, node_fs_1.writeFileSync)(choice.cacheFile, JSON.stringify({ key: choice.key, executable }));
    }
    catch {
        // read-only checkout: the shim is asked again next time
    }
}


/***/ }),

/***/ 522:
/***/ ((__unused_webpack_module, exports) => {


// Plain data passed between the stages (config -> discovery -> select -> plan -> run -> report).
// Nothing here has behaviour (the exit-code table is data); every stage may import it.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ExitCode = void 0;
exports.wholeFileItem = wholeFileItem;
exports.itemOfExpandedId = itemOfExpandedId;
exports.isCollectionSkip = isCollectionSkip;
exports.raisedWhileCollecting = raisedWhileCollecting;
/** An item for a whole file, whose tests only its collection knows (expanded at run time). */
function wholeFileItem(file, marks = []) {
    return { id: file, file, line: 1, classes: [], function: '', marks, dynamic: true };
}
/**
 * The item an id at or below `item` names (a dynamic item's expansion), its names read from the
 * id: `[p]` of a function; `::TestC::test_m[p]` inside a module or class; or `::case` below a
 * function a conftest hook made a collector of (pyyaml's data-driven tests), whose name is then
 * a node of the chain, as -k sees it. Marks are the item's; an expansion of a dynamic item may
 * have more of its own (`marksUnknown`).
 */
function itemOfExpandedId(item, id) {
    if (id === item.id || !id.startsWith(item.id))
        return { ...item, dynamic: false };
    const rest = id.slice(item.id.length);
    const unknown = item.dynamic || item.marksUnknown ? { marksUnknown: true } : {};
    if (rest.startsWith('['))
        return { ...item, id, param: rest.slice(1, -1), dynamic: false, ...unknown };
    const names = rest.slice(2).split('::');
    const last = names.pop();
    const bracket = last.indexOf('[');
    const inner = bracket < 0 || !last.endsWith(']') ? { function: last } : { function: last.slice(0, bracket), param: last.slice(bracket + 1, -1) };
    const { param, ...base } = item;
    const parents = item.function === '' ? item.classes : [...item.classes, param === undefined ? item.function : `${item.function}[${param}]`];
    return { ...base, id, classes: [...parents, ...names], ...inner, dynamic: false, ...unknown };
}
function isCollectionSkip(r) {
    return r.when === 'collect' && r.outcome === 'skipped';
}
/** Raised while a module or conftest was collected (not by a test): it rides on whichever result came next. */
function raisedWhileCollecting(w) {
    return w.module !== undefined || w.nodeid === '';
}
/** pytest's exit codes (`pytest.ExitCode`), which every command of fastest and the Action use. */
exports.ExitCode = {
    OK: 0,
    TESTS_FAILED: 1,
    INTERRUPTED: 2,
    INTERNAL_ERROR: 3,
    USAGE_ERROR: 4,
    NO_TESTS_COLLECTED: 5,
};


/***/ }),

/***/ 573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:buffer");

/***/ }),

/***/ 421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:child_process");

/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:crypto");

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:fs");

/***/ }),

/***/ 995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:module");

/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:os");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:path");

/***/ }),

/***/ 66:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:tty");

/***/ }),

/***/ 136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:url");

/***/ }),

/***/ 714:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:vm");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', __fastestModuleUrl).pathname).slice(__fastestModuleUrl.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it uses a non-standard name for the exports (exports).
(() => {
var exports = __webpack_exports__;

Object.defineProperty(exports, "B", ({ value: true }));
// The `fastest` executable (dist/cli.js): a small bundle that answers an unchanged repeat of
// `fastest discover` from its memo without loading anything else, and otherwise hands over to a
// bundle beside it: dist/discover.js for a discovery, dist/main.js (the whole CLI) for the rest.
// For a discovery with no cache to read, it first starts the parse threads, so that they load and
// compile the grammar while the bundle loads.
const node_fs_1 = __nccwpck_require__(24);
const node_module_1 = __nccwpck_require__(995);
const node_path_1 = __nccwpck_require__(760);
const node_url_1 = __nccwpck_require__(136);
const ancestors_js_1 = __nccwpck_require__(0);
const thread_count_js_1 = __nccwpck_require__(358);
const discover_memo_js_1 = __nccwpck_require__(542);
const broken_pipe_js_1 = __nccwpck_require__(238);
const code_cache_js_1 = __nccwpck_require__(882);
const early_js_1 = __nccwpck_require__(769);
const types_js_1 = __nccwpck_require__(522);
// process.hrtime, not performance.now(): the first use of `performance` loads perf_hooks (~2 ms).
const startedMs = Number(process.hrtime.bigint()) / 1e6;
const argv = process.argv.slice(2);
const here = (0, node_path_1.dirname)((0, node_url_1.fileURLToPath)(__fastestModuleUrl));
const mainBundle = (0, node_path_1.join)(here, 'main.js');
const discoverBundle = (0, node_path_1.join)(here, 'discover.js');
/** Writes straight to fd 1: setting up process.stdout costs a few ms, a tenth of a replay. */
function writeStdout(chunks) {
    for (const [index, chunk] of chunks.entries()) {
        let written = 0;
        try {
            while (written < chunk.length)
                written += (0, node_fs_1.writeSync)(1, chunk, written);
        }
        catch (error) {
            if (error.code === 'EPIPE')
                process.exit(1);
            // A non-blocking pipe that is full (EAGAIN): the stream waits for it.
            (0, broken_pipe_js_1.exitQuietlyOnBrokenPipe)();
            process.stdout.write(chunk.subarray(written));
            for (const rest of chunks.slice(index + 1))
                process.stdout.write(rest);
            return;
        }
    }
}
/** The memo's build identity is main.js: every bundle is built from the same sources at once. */
function replayed() {
    const command = { argv, cwd: process.cwd(), bundlePath: mainBundle };
    const exitCode = (0, discover_memo_js_1.replayMemo)(command, process.env, startedMs, writeStdout);
    if (exitCode === null)
        return false;
    process.exitCode = exitCode;
    return true;
}
/** A discovery cache in the cwd's `.fastest/` or a parent's: most files then need no parse. */
function hasDiscoveryCache() {
    return (0, ancestors_js_1.selfAndParents)(process.cwd()).some((dir) => (0, node_fs_1.existsSync)((0, node_path_1.join)(dir, '.fastest', 'discovery.json')));
}
/** Parse threads for a discovery that will parse every file; unreferenced until a parse uses them. */
function prestartParseThreads() {
    // Loaded here, not at the top: a replay needs neither, and worker_threads costs a few ms to load.
    const require = (0, node_module_1.createRequire)(__fastestModuleUrl);
    const forced = (0, thread_count_js_1.forcedParseThreads)(process.env);
    if (forced === null && (0, thread_count_js_1.nativeGrammarInstalled)(process.env, (name) => require.resolve(name)))
        return [];
    const { availableParallelism } = require('node:os');
    const { Worker } = require('node:worker_threads');
    const count = forced ?? Math.min(availableParallelism(), thread_count_js_1.MAX_PARSE_THREADS);
    const entry = (0, node_path_1.join)(here, 'parse-worker.js');
    const cacheServesFiles = !argv.includes('--no-cache') && hasDiscoveryCache();
    if (count === 0 || cacheServesFiles || !(0, node_fs_1.existsSync)(entry))
        return [];
    return Array.from({ length: count }, () => {
        const thread = new Worker(entry);
        thread.unref();
        return thread;
    });
}
/**
 * A run's Python workers, started now so that their start overlaps the main bundle's load; the
 * run takes them when it asks for the same processes, and ends them otherwise (runner/early.ts).
 */
function startWorkersEarly() {
    const workers = [];
    // Whatever way the process ends before the run takes them (a bundle that fails to load...).
    process.once('exit', () => (0, early_js_1.endUnsettled)(workers));
    try {
        const cwd = process.cwd();
        const key = (0, early_js_1.earlyKey)(argv, cwd, process.env);
        const { plan, start, recorded, env } = (0, early_js_1.earlyPlan)(argv, cwd, process.env, key);
        if (plan)
            workers.push(...(0, early_js_1.startEarlyWorkers)(plan, env, start));
        return { key, plan, recorded, workers };
    }
    catch {
        (0, early_js_1.endUnsettled)(workers);
        return undefined; // (a deleted cwd...): the run starts its workers itself
    }
}
const helpOrVersion = argv.some((a) => a === '-h' || a === '--help' || a === '-V' || a === '--version');
const discovering = argv[0] === 'discover' && !helpOrVersion;
const running = !helpOrVersion && !['discover', 'plan', 'merge', 'watch'].includes(argv[0]);
if (!(discovering && replayed())) {
    const handoff = { parseThreads: discovering ? prestartParseThreads() : [], early: running ? startWorkersEarly() : undefined };
    const bundle = discovering ? discoverBundle : mainBundle;
    let loaded;
    try {
        loaded = (0, code_cache_js_1.loadBundle)(bundle, process.env, (0, node_module_1.createRequire)(__fastestModuleUrl));
    }
    catch (error) {
        process.stderr.write(`fastest: cannot load ${bundle}: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(types_js_1.ExitCode.INTERNAL_ERROR);
    }
    void loaded.runCli(argv, handoff);
}

})();

var __webpack_exports___esModule = __webpack_exports__.B;

