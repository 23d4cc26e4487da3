#!/usr/bin/env node
'use strict';
const __WEBPACK_EXTERNAL_createRequire = require('node:module').createRequire;
const __fastestModuleUrl = require('node:url').pathToFileURL(__filename).href;
/******/ var __webpack_modules__ = ({

/***/ 560:
/***/ ((__unused_webpack_module, exports) => {


// The few bits of Python string semantics that pytest's config parsing depends on.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.pyIsSpace = exports.pyStrip = exports.pyRstrip = exports.pyLstrip = void 0;
exports.pySplitLines = pySplitLines;
exports.pyUniversalNewlines = pyUniversalNewlines;
exports.escapeCodePoint = escapeCodePoint;
exports.pyRepr = pyRepr;
exports.pyStrOfTomlValue = pyStrOfTomlValue;
exports.pyFloatRepr = pyFloatRepr;
// Characters for which Python's str.isspace() is true (JS's \s differs: it has \ufeff, lacks \x1c-\x1f, \x85).
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${PY_SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${PY_SPACE}]+$`);
const ONE_SPACE = new RegExp(`^[${PY_SPACE}]$`);
const pyLstrip = (s) => s.replace(LEADING_SPACE, '');
exports.pyLstrip = pyLstrip;
const pyRstrip = (s) => s.replace(TRAILING_SPACE, '');
exports.pyRstrip = pyRstrip;
const pyStrip = (s) => (0, exports.pyRstrip)((0, exports.pyLstrip)(s));
exports.pyStrip = pyStrip;
const pyIsSpace = (ch) => ONE_SPACE.test(ch);
exports.pyIsSpace = pyIsSpace;
/** str.splitlines(True) after universal-newline reading: the line boundaries Python recognises. */
function pySplitLines(text) {
    const lines = [];
    const boundary = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;
    let start = 0;
    for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
        lines.push(text.slice(start, m.index + m[0].length));
        start = m.index + m[0].length;
    }
    if (start < text.length)
        lines.push(text.slice(start));
    return lines;
}
/** Text as Python's open(..., encoding='utf-8') would read it: universal newlines. */
function pyUniversalNewlines(text) {
    return text.replace(/\r\n?/g, '\n');
}
// What Python's str.isprintable() rejects (repr escapes these), space aside.
const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;
/** Python's \xhh / \uhhhh / \Uhhhhhhhh escape of one code point. */
function escapeCodePoint(code) {
    if (code < 0x100)
        return '\\x' + code.toString(16).padStart(2, '0');
    if (code < 0x10000)
        return '\\u' + code.toString(16).padStart(4, '0');
    return '\\U' + code.toString(16).padStart(8, '0');
}
/** repr() of a str, as Python prints it in error messages. */
function pyRepr(s) {
    const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
    let out = quote;
    for (const ch of s) {
        const code = ch.codePointAt(0) ?? 0;
        if (ch === '\\')
            out += '\\\\';
        else if (ch === quote)
            out += '\\' + ch;
        else if (ch === '\n')
            out += '\\n';
        else if (ch === '\r')
            out += '\\r';
        else if (ch === '\t')
            out += '\\t';
        else if (ch !== ' ' && NOT_PRINTABLE.test(ch))
            out += escapeCodePoint(code);
        else
            out += ch;
    }
    return out + quote;
}
/** str() of a TOML scalar, as pytest's make_scalar produces for [tool.pytest.ini_options]. */
function pyStrOfTomlValue(v) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'boolean')
        return v ? 'True' : 'False';
    if (typeof v === 'bigint')
        return v.toString();
    if (typeof v === 'number') {
        // Integers are parsed as bigint, so a number here is always a TOML float.
        return pyFloatRepr(v);
    }
    if (Array.isArray(v))
        return '[' + v.map(pyReprOfTomlValue).join(', ') + ']';
    if (v instanceof Date)
        return v.toISOString();
    if (v !== null && typeof v === 'object') {
        const parts = Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyReprOfTomlValue(x)}`);
        return '{' + parts.join(', ') + '}';
    }
    return String(v);
}
function pyReprOfTomlValue(v) {
    return typeof v === 'string' ? pyRepr(v) : pyStrOfTomlValue(v);
}
/** Python's repr() of a float, from a JS number. */
function pyFloatRepr(x) {
    if (Number.isNaN(x))
        return 'nan';
    if (!Number.isFinite(x))
        return x > 0 ? 'inf' : '-inf';
    if (x === 0)
        return Object.is(x, -0) ? '-0.0' : '0.0';
    const [mantissa, expText] = x.toExponential().split('e');
    const negative = mantissa.startsWith('-');
    const digits = mantissa.replace('-', '').replace('.', '');
    const exponent = Number(expText);
    let body;
    if (exponent >= -5 + 1 && exponent < 16) {
        if (exponent >= 0) {
            const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
            const fracPart = digits.slice(exponent + 1) || '0';
            body = `${intPart}.${fracPart}`;
        }
        else {
            body = `0.${'0'.repeat(-exponent - 1)}${digits}`;
        }
    }
    else {
        const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
        const sign = exponent < 0 ? '-' : '+';
        body = `${digits[0]}${frac}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
    }
    return negative ? `-${body}` : body;
}


/***/ }),

/***/ 872:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DISCOVERY_CACHE_VERSION = void 0;
exports.parsedOf = parsedOf;
exports.cachePath = cachePath;
exports.holdCacheInMemory = holdCacheInMemory;
exports.flushHeldCache = flushHeldCache;
exports.loadCache = loadCache;
exports.saveCache = saveCache;
exports.parsedToJson = parsedToJson;
exports.parsedFromJson = parsedFromJson;
exports.learnCollected = learnCollected;
exports.applyCollected = applyCollected;
exports.itemsOfCollectedFile = itemsOfCollectedFile;
exports.itemsOfCollectedModule = itemsOfCollectedModule;
// Per-file discovery cache under .fastest/: a file whose size and mtime are unchanged, or
// whose content hash is unchanged, is not parsed again.
const node_crypto_1 = __nccwpck_require__(598);
const node_fs_1 = __nccwpck_require__(24);
const node_path_1 = __nccwpck_require__(760);
const nodeid_js_1 = __nccwpck_require__(98);
const types_js_1 = __nccwpck_require__(522);
/** Bump when ParsedModule's shape or the parser's rules change. */
exports.DISCOVERY_CACHE_VERSION = 20;
/**
 * The entry's structure. Made from the JSON text each time rather than kept: 100,000 tests'
 * worth of objects kept to the end of a discovery made the main thread's collections cost 350 ms.
 */
function parsedOf(entry) {
    if (entry.parsed)
        return entry.parsed;
    if (entry.parsedJson === undefined)
        throw new Error('discovery cache entry without a structure');
    return parsedFromJson(entry.parsedJson);
}
function cachePath(rootdir) {
    return (0, node_path_1.join)(rootdir, '.fastest', 'discovery.json');
}
/**
 * `fastest watch` makes many discoveries in one process: the cache stays in memory between them
 * (read again only when another process rewrote the file), and is written when the watch says so.
 */
let held = null;
function fileStamp(path) {
    try {
        const st = (0, node_fs_1.statSync)(path);
        return `${st.ino}:${st.size}:${st.mtimeMs}`;
    }
    catch {
        return null;
    }
}
/** Keeps the rootdir's cache in memory from now on; saves go to disk only through flushHeldCache. */
function holdCacheInMemory(rootdir) {
    held = { rootdir, cache: null, stamp: null };
}
/** Writes the held cache if it changed. */
function flushHeldCache() {
    if (!held?.cache)
        return;
    writeCache(held.rootdir, held.cache);
    held.stamp = fileStamp(cachePath(held.rootdir));
}
function loadCache(rootdir) {
    if (held?.rootdir === rootdir) {
        if (held.cache && held.stamp === fileStamp(cachePath(rootdir))) {
            held.cache.warning = null; // said once
            return held.cache;
        }
        held.cache = readCache(rootdir);
        held.stamp = fileStamp(cachePath(rootdir));
        return held.cache;
    }
    return readCache(rootdir);
}
function readCache(rootdir) {
    const path = cachePath(rootdir);
    let text;
    try {
        text = (0, node_fs_1.readFileSync)(path, 'utf8');
    }
    catch {
        return { entries: new Map(), dirty: false, warning: null };
    }
    try {
        const data = JSON.parse(text);
        if (data.version !== exports.DISCOVERY_CACHE_VERSION || typeof data.files !== 'object' || data.files === null) {
            return { entries: new Map(), dirty: true, warning: null };
        }
        const verified = verifiedEntries(text);
        const entries = new Map();
        let dropped = 0;
        for (const [rel, entry] of Object.entries(data.files)) {
            if (verified.has(rel) && soundEntry(entry))
                entries.set(rel, entry);
            else
                dropped++;
        }
        const warning = dropped > 0
            ? `ignoring ${dropped} discovery cache ${dropped === 1 ? 'entry that does not match its' : 'entries that do not match their'} digest in ${path}; re-parsing`
            : null;
        return { entries, dirty: dropped > 0, warning };
    }
    catch {
        return { entries: new Map(), dirty: true, warning: `ignoring corrupt discovery cache ${path}; it will be rebuilt` };
    }
}
function saveCache(rootdir, cache) {
    if (held?.rootdir === rootdir) {
        held.cache = cache;
        return;
    }
    writeCache(rootdir, cache);
}
function writeCache(rootdir, cache) {
    if (!cache.dirty)
        return;
    const path = cachePath(rootdir);
    try {
        (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(path), { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        const files = [...cache.entries].map(([rel, entry]) => entryLine(rel, entry));
        (0, node_fs_1.writeFileSync)(tmp, `{"version":${exports.DISCOVERY_CACHE_VERSION},"files":{\n${files.join(',\n')}\n}}`);
        (0, node_fs_1.renameSync)(tmp, path);
        cache.dirty = false;
    }
    catch {
        // A read-only checkout still discovers; it only loses the cache.
    }
}
// Most functions have no marks, no fixture decorator and no yield: leaving those fields out when
// they hold their default halves the file, and reading it is most of a warm discovery. The compact
// object is built field by field: deleting fields from a copy leaves V8 a slow dictionary object,
// which made serializing twice as slow.
function compactFunction(fn) {
    const compact = { kind: fn.kind, name: fn.name, line: fn.line };
    if (fn.argnames.length > 0)
        compact.argnames = fn.argnames;
    if (fn.marks.length > 0)
        compact.marks = fn.marks;
    if (fn.fixture !== null)
        compact.fixture = fn.fixture;
    if (fn.abstract)
        compact.abstract = true;
    if (fn.isGenerator)
        compact.isGenerator = true;
    if (fn.isAsync)
        compact.isAsync = true;
    if (fn.guard)
        compact.guard = fn.guard;
    if (fn.marksUnknown)
        compact.marksUnknown = true;
    if (fn.optionalArgs)
        compact.optionalArgs = fn.optionalArgs;
    if (fn.isStatic)
        compact.isStatic = true;
    if (fn.otherDecorators)
        compact.otherDecorators = true;
    if (fn.hypothesis)
        compact.hypothesis = true;
    return compact;
}
function compactMembers(members) {
    return members.map((member) => {
        if (member.kind === 'class')
            return { ...member, members: compactMembers(member.members) };
        return member.kind === 'function' ? compactFunction(member) : member;
    });
}
/** A module's structure as the cache stores it (what parse threads send, so that it is written once). */
function parsedToJson(parsed) {
    return JSON.stringify({ ...parsed, members: compactMembers(parsed.members) });
}
function parsedFromJson(json) {
    const parsed = JSON.parse(json);
    restoreDefaults(parsed.members);
    return parsed;
}
const DIGEST_AT = ':{"digest":"';
function sha1Hex(text) {
    return (0, node_crypto_1.createHash)('sha1').update(text).digest('hex');
}
/**
 * One entry per line, its digest first: `"rel":{"digest":"<sha1 of the rest>",<the rest>`. The
 * digest covers the entry's bytes as stored, so checking it costs one hash of the file, not a
 * serialization of every entry.
 */
function entryLine(rel, entry) {
    const { parsed, parsedJson, digest: _digest, ...stamp } = entry;
    const head = JSON.stringify(stamp);
    const body = entry.collectedOnly
        ? `${head.slice(1, -1)}}`
        : `${head.slice(1, -1)}${head.length > 2 ? ',' : ''}"parsed":${parsedJson ?? parsedToJson(parsed)}}`;
    return `${JSON.stringify(rel)}${DIGEST_AT}${sha1Hex(body)}",${body}`;
}
/** The entries whose line matches its digest (an entry edited in place, or not written by
 * saveCache, is not among them). */
function verifiedEntries(text) {
    const verified = new Set();
    for (let line of text.split('\n')) {
        if (line.endsWith(','))
            line = line.slice(0, -1);
        const at = line.indexOf(DIGEST_AT);
        if (at < 0)
            continue;
        const digest = line.slice(at + DIGEST_AT.length, at + DIGEST_AT.length + 40);
        const body = line.slice(at + DIGEST_AT.length + 42);
        if (sha1Hex(body) !== digest)
            continue;
        try {
            verified.add(JSON.parse(line.slice(0, at)));
        }
        catch {
            // not a key: the line is no entry
        }
    }
    return verified;
}
/** An entry read from the file is used only when its shape is right (it passed its digest). */
function soundEntry(entry) {
    if (typeof entry !== 'object' || entry === null)
        return false;
    const e = entry;
    if (e.collectedOnly !== undefined) {
        const other = e.collectedOnly;
        return (typeof e.hash === 'string' &&
            e.parsed === undefined &&
            typeof other.conftests === 'string' &&
            Array.isArray(other.ids) &&
            other.ids.every((id) => typeof id === 'string'));
    }
    if (typeof e.hash !== 'string' || typeof e.parsed !== 'object' || e.parsed === null || !Array.isArray(e.parsed.members))
        return false;
    if (e.collected !== undefined && !validRecord(e.collected))
        return false;
    if (e.beside !== undefined) {
        const beside = e.beside;
        const strings = (list) => Array.isArray(list) && list.every((id) => typeof id === 'string');
        if (typeof beside !== 'object' ||
            beside === null ||
            typeof beside.key !== 'string' ||
            !strings(beside.ids) ||
            (beside.order !== undefined && !strings(beside.order)))
            return false;
    }
    try {
        restoreDefaults(e.parsed.members);
    }
    catch {
        return false;
    }
    return true;
}
function validRecord(record) {
    if (typeof record !== 'object' || record === null || Array.isArray(record))
        return false;
    return Object.values(record).every((ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string'));
}
/**
 * Records what a run collected for each module (`lessons`: file -> listed id -> collected ids;
 * `modules`: file -> every id the module collected). A recorded id the module now produces
 * otherwise is corrected; nothing is written when nothing changed. A lesson's ids under ''
 * are the file's other collectors' (kept as `beside`, under `besideKey(file)`).
 */
function learnCollected(rootdir, lessons, modules, otherFileStamp = () => null, besideKey = () => null) {
    if (lessons.size === 0)
        return false;
    const cache = loadCache(rootdir);
    for (const [file, lesson] of lessons) {
        const entry = cache.entries.get(file);
        const module = modules.get(file);
        // A file with no module structure: what it collected, as a whole (a collection error is not kept).
        if (!entry || entry.collectedOnly) {
            if (!module || isCollectionError(file, lesson))
                continue;
            const stamp = otherFileStamp(file);
            if (!stamp)
                continue;
            const { conftests, ...stamps } = stamp;
            cache.entries.set(file, { ...stamps, collectedOnly: { conftests, ids: module } });
            cache.dirty = true;
            continue;
        }
        if (entry && isCollectionError(file, lesson)) {
            if (JSON.stringify(entry.collected ?? {}) !== JSON.stringify(lesson)) {
                entry.collected = lesson;
                cache.dirty = true;
            }
            continue;
        }
        if (!entry || !module)
            continue;
        const own = learnBeside(cache, entry, file, lesson, module, besideKey);
        const record = { ...(entry.collected ?? {}), ...own };
        for (const id of Object.keys(record)) {
            if (id in own)
                continue;
            // kept when the module produces it as itself: the item was recorded because it was dynamic
            record[id] = module.filter((m) => m === id || m.startsWith(id + '[') || m.startsWith(id + '::'));
        }
        if (JSON.stringify(record) === JSON.stringify(entry.collected ?? {}))
            continue;
        entry.collected = record;
        cache.dirty = true;
    }
    const changed = cache.dirty;
    saveCache(rootdir, cache);
    return changed;
}
/**
 * Keeps a lesson's ids no listed item stands for (`lesson['']`: a conftest hook's, the doctest
 * plugin's, tests the module adds at import) as the entry's `beside`, under the key of what they
 * depend on; with the module's whole collection order (`collected`) when they were not all first.
 * Returns the rest of the lesson, about the module's own items.
 */
function learnBeside(cache, entry, file, lesson, collected, besideKey) {
    const { '': found, ...own } = lesson;
    const key = found === undefined ? null : besideKey(file);
    if (found === undefined || key === null)
        return own;
    const first = found.every((id, index) => collected[index] === id);
    const beside = first ? { key, ids: found } : { key, ids: found, order: collected };
    if (JSON.stringify(entry.beside ?? null) !== JSON.stringify(beside)) {
        entry.beside = beside;
        cache.dirty = true;
    }
    return own;
}
function restoreDefaults(members) {
    for (const member of members) {
        if (member.kind === 'class')
            restoreDefaults(member.members);
        else if (member.kind === 'function') {
            member.argnames ??= [];
            member.marks ??= [];
            member.fixture ??= null;
            member.abstract ??= false;
            member.isGenerator ??= false;
        }
    }
}
/**
 * Discovery's items of a module corrected by what runs of the same content collected: an item
 * recorded with no ids is gone (pytest never collects it), one recorded with ids becomes those
 * items (a dynamic item's expansions, a dynamic class's tests).
 */
/** The lesson of a module that failed to collect in a run: `{file: [file]}`. */
function isCollectionError(file, record) {
    const ids = Object.prototype.hasOwnProperty.call(record, file) ? record[file] : undefined;
    return ids !== undefined && ids.length === 1 && ids[0] === file && Object.keys(record).length === 1;
}
function applyCollected(items, record, file) {
    if (!record)
        return items;
    // It failed to collect: none of its listed ids exists; it runs whole, as pytest reports its error.
    if (file !== undefined && isCollectionError(file, record)) {
        return [(0, types_js_1.wholeFileItem)(file, items.find((item) => item.id === file)?.marks)];
    }
    const out = [];
    for (const item of items) {
        const ids = Object.prototype.hasOwnProperty.call(record, item.id) ? record[item.id] : undefined;
        if (ids === undefined) {
            out.push(item);
            continue;
        }
        for (const id of ids)
            out.push((0, types_js_1.itemOfExpandedId)(item, id));
    }
    return out;
}
/** The items of a file that is no test module, as a run collected them (`collectedOnly.ids`). */
function itemsOfCollectedFile(file, ids, marks) {
    const whole = (0, types_js_1.wholeFileItem)(file, marks);
    return ids.map((id) => (0, types_js_1.itemOfExpandedId)(whole, id));
}
/**
 * A module's items as a run collected them (`ids`, in collection order): each id as the listed
 * item that is it or stands for it (its marks kept), else as an item of the whole file.
 */
function itemsOfCollectedModule(file, listed, ids) {
    const byId = new Map(listed.map((item) => [item.id, item]));
    const whole = { id: file, file, line: 1, classes: [], function: '', marks: [], dynamic: true };
    return ids.map((id) => {
        const own = byId.get(id);
        if (own)
            return { ...own, dynamic: false };
        const covering = (0, nodeid_js_1.coveringIds)(id)
            .map((covering) => byId.get(covering))
            .find((item) => item?.dynamic);
        return (0, types_js_1.itemOfExpandedId)(covering ?? whole, id);
    });
}


/***/ }),

/***/ 147:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.grammarKind = grammarKind;
exports.pythonParser = pythonParser;
exports.readyPythonParser = readyPythonParser;
exports.grammarQuery = grammarQuery;
const node_fs_1 = __nccwpck_require__(24);
const node_module_1 = __nccwpck_require__(995);
const node_path_1 = __nccwpck_require__(760);
const node_url_1 = __nccwpck_require__(136);
const node_worker_threads_1 = __nccwpck_require__(919);
const web_tree_sitter_1 = __nccwpck_require__(551);
let parserPromise = null;
// web-tree-sitter is imported statically so the bundle stays one file; only Parser.init (the wasm
// compile) is deferred until a file must be parsed.
/** Finds a wasm file next to the bundle (dist/) or in node_modules (source runs). */
function locateWasm(fileName, packageName) {
    const here = (0, node_path_1.dirname)((0, node_url_1.fileURLToPath)(__fastestModuleUrl));
    const besideBundle = (0, node_path_1.join)(here, fileName);
    if ((0, node_fs_1.existsSync)(besideBundle))
        return besideBundle;
    for (let dir = here;; dir = (0, node_path_1.dirname)(dir)) {
        const candidate = (0, node_path_1.join)(dir, 'node_modules', packageName, fileName);
        if ((0, node_fs_1.existsSync)(candidate))
            return candidate;
        if ((0, node_path_1.dirname)(dir) === dir)
            throw new Error(`cannot find ${fileName}: reinstall fastest`);
    }
}
let native;
/**
 * The native tree-sitter binding (the `tree-sitter` package, an optional dependency built at
 * install, with `tree-sitter-python`'s prebuilt grammar), when it loads here; null otherwise
 * (not installed, no compiler at install, a bundle without node_modules such as the Action's):
 * discovery then uses the WebAssembly grammar. Both give the same trees; the native one starts in
 * ~15 ms where the wasm compile takes 20-50 ms and its first parses run unoptimized (Liftoff).
 * FASTEST_TREE_SITTER=wasm forces the fallback (tests compare the two).
 * Parse threads always use the wasm grammar: a thread ended (Worker.terminate, or the process
 * exiting) while the native addon loads or holds a tree aborts the whole process ("terminate called
 * after throwing an instance of 'Napi::Error'", exit 134: 11 of 90 discover runs of 6 at once).
 */
function nativeBinding() {
    if (native !== undefined)
        return native;
    native = null;
    if (process.env.FASTEST_TREE_SITTER === 'wasm' || !node_worker_threads_1.isMainThread)
        return native;
    try {
        // A runtime require with computed names: the bundler must not pull the addons into dist/.
        const load = (0, node_module_1.createRequire)(__fastestModuleUrl);
        const [runtime, grammar] = ['tree-sitter', 'tree-sitter-python'];
        const NativeParser = load(runtime);
        const python = load(grammar);
        new NativeParser().setLanguage(python); // a grammar built for another runtime ABI throws here
        native = { Parser: NativeParser, Query: NativeParser.Query, python };
    }
    catch {
        native = null;
    }
    return native;
}
/** Which grammar discovery parses with (for benchmarks and tests). */
function grammarKind() {
    return nativeBinding() ? 'native' : 'wasm';
}
/**
 * The native parser behind web-tree-sitter's interface: its nodes have the same members (type,
 * text, startIndex in UTF-16 units, childForFieldName, namedChildren...), its trees are freed by
 * the garbage collector (delete is a no-op).
 */
function nativeParser(binding) {
    const parser = new binding.Parser();
    parser.setLanguage(binding.python);
    return {
        parse(source) {
            const tree = parser.parse(source);
            tree.delete ??= () => undefined;
            return tree;
        },
    };
}
/** The tree-sitter parser for Python, loaded once and only when a file must be parsed. */
function pythonParser() {
    parserPromise ??= (async () => {
        const binding = nativeBinding();
        if (binding)
            return nativeParser(binding);
        await web_tree_sitter_1.Parser.init({ locateFile: () => locateWasm('web-tree-sitter.wasm', 'web-tree-sitter') });
        const language = await web_tree_sitter_1.Language.load(locateWasm('tree-sitter-python.wasm', 'tree-sitter-python'));
        const parser = new web_tree_sitter_1.Parser();
        parser.setLanguage(language);
        return parser;
    })();
    return parserPromise;
}
let nativeReady;
/**
 * A parser usable at once (synchronously) for reading a helper module while items are built: the
 * native one on this thread; null under the WebAssembly grammar, whose load is asynchronous (what
 * needs it then stays dynamic, the same on every run: the wasm parser's readiness on this thread
 * depends on which files the parse threads handed back).
 */
function readyPythonParser() {
    if (nativeReady !== undefined)
        return nativeReady;
    const binding = nativeBinding();
    nativeReady = binding ? nativeParser(binding) : null;
    return nativeReady;
}
/** A query on the grammar of `language` (a tree's), native or wasm as the tree is. */
function grammarQuery(language, source) {
    const binding = nativeBinding();
    if (binding && language === binding.python)
        return new binding.Query(language, source);
    return new web_tree_sitter_1.Query(language, source);
}


/***/ }),

/***/ 50:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.UNKNOWN_GUARD = void 0;
exports.emptyGuardScope = emptyGuardScope;
exports.andGuard = andGuard;
exports.notGuard = notGuard;
exports.toGuard = toGuard;
exports.guardIsConstant = guardIsConstant;
exports.evaluateGuard = evaluateGuard;
exports.UNKNOWN_GUARD = { k: 'unk' };
const FALSE = { k: 'lit', v: false };
const TRUE = { k: 'lit', v: true };
function emptyGuardScope() {
    return { modules: new Map(), fromImports: new Map(), names: new Map() };
}
function andGuard(a, b) {
    if (a === null)
        return b;
    if (b === null)
        return a;
    return { k: 'and', es: [...(a.k === 'and' ? a.es : [a]), ...(b.k === 'and' ? b.es : [b])] };
}
function notGuard(e) {
    return e.k === 'not' ? e.e : { k: 'not', e };
}
/** The canonical meaning of a dotted name read in the module (`sys.platform`, `platform.system`). */
function canonical(dotted, scope) {
    const dot = dotted.indexOf('.');
    const head = dot < 0 ? dotted : dotted.slice(0, dot);
    const tail = dot < 0 ? '' : dotted.slice(dot);
    const module = scope.modules.get(head);
    if (module !== undefined)
        return module + tail;
    const imported = scope.fromImports.get(head);
    if (imported !== undefined)
        return imported + tail;
    return null;
}
const FACT_ATTRS = {
    'sys.platform': 'platform',
    'sys.version_info': 'version_info',
    'sys.implementation.name': 'implementation',
    'os.name': 'os_name',
    'sys.maxsize': 'maxsize',
    'sys.byteorder': 'byteorder',
};
const FACT_CALLS = {
    'platform.system': 'system',
    'platform.python_implementation': 'python_implementation',
    'platform.machine': 'machine',
};
/** Constants whose value is the same under every interpreter fastest runs (Python >= 3.9). */
const CONSTANTS = {
    'typing.TYPE_CHECKING': FALSE,
    'typing_extensions.TYPE_CHECKING': FALSE,
    'six.PY2': FALSE,
    'six.PY3': TRUE,
    'sys.version_info.major': { k: 'lit', v: 3 },
};
function dottedText(node) {
    if (node.type === 'identifier')
        return node.text;
    if (node.type === 'attribute') {
        const object = node.childForFieldName('object');
        const attr = node.childForFieldName('attribute');
        const base = object ? dottedText(object) : null;
        return base === null || !attr ? null : `${base}.${attr.text}`;
    }
    return null;
}
function nameGuard(dotted, scope) {
    if (!dotted.includes('.')) {
        const bound = scope.names.get(dotted);
        if (bound)
            return bound;
        // pytest imports test modules under their own name, never as __main__.
        if (dotted === '__name__')
            return { k: 'obj' };
    }
    const name = canonical(dotted, scope);
    if (name === null)
        return exports.UNKNOWN_GUARD;
    if (CONSTANTS[name])
        return CONSTANTS[name];
    if (FACT_ATTRS[name])
        return { k: 'fact', name: FACT_ATTRS[name] };
    if (name.startsWith('sys.version_info.'))
        return { k: 'attr', on: { k: 'fact', name: 'version_info' }, name: name.slice('sys.version_info.'.length) };
    return exports.UNKNOWN_GUARD;
}
function intOf(node) {
    if (!node)
        return null;
    if (node.type === 'integer' && /^\d+$/.test(node.text))
        return Number(node.text);
    if (node.type === 'unary_operator' && node.childForFieldName('operator')?.text === '-') {
        const inner = intOf(node.childForFieldName('argument'));
        return inner === null ? null : -inner;
    }
    return null;
}
function stringOf(node) {
    if (node.type !== 'string')
        return null;
    const m = /^([rRuU]?)('([^'\\\n]*)'|"([^"\\\n]*)")$/.exec(node.text);
    return m ? (m[3] ?? m[4]) : null;
}
/** A condition or value expression as a guard; anything it can't follow is UNKNOWN. */
function toGuard(node, scope) {
    switch (node.type) {
        case 'parenthesized_expression': {
            const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
            return inner ? toGuard(inner, scope) : exports.UNKNOWN_GUARD;
        }
        case 'true':
            return TRUE;
        case 'false':
            return FALSE;
        case 'none':
            return { k: 'lit', v: null };
        case 'integer': {
            const n = intOf(node);
            return n === null ? exports.UNKNOWN_GUARD : { k: 'lit', v: n };
        }
        case 'unary_operator': {
            const n = intOf(node);
            return n === null ? exports.UNKNOWN_GUARD : { k: 'lit', v: n };
        }
        case 'string': {
            const s = stringOf(node);
            return s === null ? exports.UNKNOWN_GUARD : { k: 'lit', v: s };
        }
        case 'tuple':
        case 'list':
            return { k: 'tuple', items: node.namedChildren.filter((c) => c !== null && c.type !== 'comment').map((c) => toGuard(c, scope)) };
        case 'identifier':
        case 'attribute': {
            const dotted = dottedText(node);
            return dotted === null ? exports.UNKNOWN_GUARD : nameGuard(dotted, scope);
        }
        case 'not_operator': {
            const arg = node.childForFieldName('argument');
            return arg ? notGuard(toGuard(arg, scope)) : exports.UNKNOWN_GUARD;
        }
        case 'boolean_operator': {
            const left = node.childForFieldName('left');
            const right = node.childForFieldName('right');
            const op = node.childForFieldName('operator')?.text;
            if (!left || !right || (op !== 'and' && op !== 'or'))
                return exports.UNKNOWN_GUARD;
            const l = toGuard(left, scope);
            const r = toGuard(right, scope);
            return { k: op, es: [...(l.k === op ? l.es : [l]), ...(r.k === op ? r.es : [r])] };
        }
        case 'comparison_operator': {
            const operands = [];
            const ops = [];
            let pending = '';
            for (const child of node.children) {
                if (!child)
                    continue;
                if (child.isNamed && child.type !== 'comment') {
                    if (pending)
                        ops.push(pending);
                    pending = '';
                    operands.push(toGuard(child, scope));
                }
                else if (!child.isNamed) {
                    pending = pending ? `${pending} ${child.text}` : child.text;
                }
            }
            if (operands.length < 2 || ops.length !== operands.length - 1)
                return exports.UNKNOWN_GUARD;
            return { k: 'cmp', first: operands[0], ops, rest: operands.slice(1) };
        }
        case 'subscript': {
            const value = node.childForFieldName('value');
            const subs = node.childrenForFieldName('subscript').filter((c) => c !== null);
            if (!value || subs.length !== 1)
                return exports.UNKNOWN_GUARD;
            const on = toGuard(value, scope);
            const sub = subs[0];
            if (sub.type === 'slice') {
                // `[:2]`, `[1:]`, `[0:2]`: the integers around the colon.
                let lo = null;
                let hi = null;
                let afterColon = false;
                for (const child of sub.children) {
                    if (!child)
                        continue;
                    if (child.type === ':') {
                        if (afterColon)
                            return exports.UNKNOWN_GUARD; // a step
                        afterColon = true;
                        continue;
                    }
                    const n = intOf(child);
                    if (n === null)
                        return exports.UNKNOWN_GUARD;
                    if (afterColon)
                        hi = n;
                    else
                        lo = n;
                }
                return { k: 'slice', on, lo, hi };
            }
            const i = intOf(sub);
            return i === null ? exports.UNKNOWN_GUARD : { k: 'index', on, i };
        }
        case 'call': {
            const fn = node.childForFieldName('function');
            const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((c) => c !== null && c.type !== 'comment');
            if (!fn)
                return exports.UNKNOWN_GUARD;
            if (fn.type === 'attribute') {
                const method = fn.childForFieldName('attribute')?.text ?? '';
                const object = fn.childForFieldName('object');
                const dotted = dottedText(fn);
                const name = dotted === null ? null : canonical(dotted, scope);
                if (name !== null && FACT_CALLS[name] && args.length === 0)
                    return { k: 'fact', name: FACT_CALLS[name] };
                if (object && STRING_METHODS.has(method) && args.every((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat')) {
                    return { k: 'method', on: toGuard(object, scope), name: method, args: args.map((a) => toGuard(a, scope)) };
                }
                return exports.UNKNOWN_GUARD;
            }
            const dotted = dottedText(fn);
            const name = dotted === null ? null : canonical(dotted, scope);
            if (name !== null && FACT_CALLS[name] && args.length === 0)
                return { k: 'fact', name: FACT_CALLS[name] };
            if (dotted === 'bool' && args.length === 1)
                return { k: 'not', e: { k: 'not', e: toGuard(args[0], scope) } };
            if (dotted === 'hasattr' && args.length === 2 && canonical(args[0].text, scope) === 'sys' && stringOf(args[1]) === 'pypy_version_info') {
                return { k: 'cmp', first: { k: 'fact', name: 'implementation' }, ops: ['=='], rest: [{ k: 'lit', v: 'pypy' }] };
            }
            return exports.UNKNOWN_GUARD;
        }
        default:
            return exports.UNKNOWN_GUARD;
    }
}
const STRING_METHODS = new Set(['startswith', 'endswith', 'lower', 'upper', 'casefold', 'strip']);
/** Does the expression need the interpreter's facts or its import path to be evaluated? */
function guardIsConstant(e) {
    switch (e.k) {
        case 'fact':
        case 'imp':
            return false;
        case 'tuple':
            return e.items.every(guardIsConstant);
        case 'attr':
        case 'index':
        case 'slice':
            return guardIsConstant(e.on);
        case 'method':
            return guardIsConstant(e.on) && e.args.every(guardIsConstant);
        case 'cmp':
            return guardIsConstant(e.first) && e.rest.every(guardIsConstant);
        case 'not':
            return guardIsConstant(e.e);
        case 'and':
        case 'or':
            return e.es.every(guardIsConstant);
        case 'ite':
            return guardIsConstant(e.c) && guardIsConstant(e.t) && guardIsConstant(e.f);
        default:
            return true;
    }
}
// ---- evaluation -------------------------------------------------------------------------------
const UNKNOWN = Symbol('unknown');
const OBJECT = Symbol('object');
function truthy(v) {
    if (Array.isArray(v))
        return v.length > 0;
    if (v === OBJECT)
        return true;
    return Boolean(v);
}
function truth(v) {
    return v === UNKNOWN ? UNKNOWN : truthy(v);
}
function containsUnknown(v) {
    return v === UNKNOWN || (Array.isArray(v) && v.some(containsUnknown));
}
function num(v) {
    if (typeof v === 'number')
        return v;
    if (typeof v === 'boolean')
        return v ? 1 : 0;
    return null;
}
function equal(a, b) {
    if (Array.isArray(a) || Array.isArray(b)) {
        return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
    }
    const na = num(a);
    const nb = num(b);
    if (na !== null && nb !== null)
        return na === nb;
    return a === b;
}
/** Python's ordering of two values: <0, 0, >0, or null when Python would raise TypeError. */
function order(a, b) {
    if (Array.isArray(a) && Array.isArray(b)) {
        for (let i = 0; i < Math.min(a.length, b.length); i++) {
            if (equal(a[i], b[i]))
                continue;
            return order(a[i], b[i]);
        }
        return a.length - b.length;
    }
    const na = num(a);
    const nb = num(b);
    if (na !== null && nb !== null)
        return na - nb;
    if (typeof a === 'string' && typeof b === 'string')
        return a < b ? -1 : a > b ? 1 : 0;
    return null;
}
function compare(a, op, b) {
    switch (op) {
        case '==':
            return equal(a, b);
        case '!=':
            return !equal(a, b);
        case 'is':
        case 'is not': {
            // Identity is only certain for None, True, False.
            const certain = a === null || b === null || typeof a === 'boolean' || typeof b === 'boolean' || a === OBJECT || b === OBJECT;
            if (!certain)
                return UNKNOWN;
            const same = a === b && (a === null || typeof a === 'boolean');
            return op === 'is' ? same : !same;
        }
        case 'in':
        case 'not in': {
            let found;
            if (Array.isArray(b))
                found = b.some((x) => equal(a, x));
            else if (typeof b === 'string' && typeof a === 'string')
                found = b.includes(a);
            else
                return UNKNOWN;
            return op === 'in' ? found : !found;
        }
        default: {
            const o = order(a, b);
            if (o === null)
                return UNKNOWN;
            if (op === '<')
                return o < 0;
            if (op === '<=')
                return o <= 0;
            if (op === '>')
                return o > 0;
            if (op === '>=')
                return o >= 0;
            return UNKNOWN;
        }
    }
}
function evaluate(e, env) {
    switch (e.k) {
        case 'lit':
            return e.v;
        case 'obj':
            return OBJECT;
        case 'unk':
            return UNKNOWN;
        case 'tuple':
            return e.items.map((item) => evaluate(item, env));
        case 'fact': {
            const facts = env.facts();
            return facts ? facts[e.name] : UNKNOWN;
        }
        case 'attr': {
            const on = evaluate(e.on, env);
            const at = ['major', 'minor', 'micro', 'releaselevel', 'serial'].indexOf(e.name);
            if (Array.isArray(on) && on.length === 5 && at >= 0)
                return on[at];
            return UNKNOWN;
        }
        case 'index': {
            const on = evaluate(e.on, env);
            if (!Array.isArray(on) && typeof on !== 'string')
                return UNKNOWN;
            const i = e.i < 0 ? on.length + e.i : e.i;
            return i >= 0 && i < on.length ? on[i] : UNKNOWN;
        }
        case 'slice': {
            const on = evaluate(e.on, env);
            if (!Array.isArray(on) && typeof on !== 'string')
                return UNKNOWN;
            return on.slice(e.lo ?? undefined, e.hi ?? undefined);
        }
        case 'method': {
            const on = evaluate(e.on, env);
            const args = e.args.map((a) => evaluate(a, env));
            if (typeof on !== 'string' || args.some(containsUnknown))
                return UNKNOWN;
            if (e.name === 'lower' || e.name === 'casefold')
                return args.length === 0 ? on.toLowerCase() : UNKNOWN;
            if (e.name === 'upper')
                return args.length === 0 ? on.toUpperCase() : UNKNOWN;
            if (e.name === 'strip')
                return args.length === 0 ? on.trim() : UNKNOWN;
            if (args.length !== 1)
                return UNKNOWN;
            const arg = args[0];
            const prefixes = typeof arg === 'string' ? [arg] : Array.isArray(arg) && arg.every((a) => typeof a === 'string') ? arg : null;
            if (prefixes === null)
                return UNKNOWN;
            return prefixes.some((p) => (e.name === 'startswith' ? on.startsWith(p) : on.endsWith(p)));
        }
        case 'cmp': {
            // A chain is a conjunction of its links; a false link decides it even beside an unknown one.
            let left = evaluate(e.first, env);
            let unknown = false;
            for (let i = 0; i < e.ops.length; i++) {
                const right = evaluate(e.rest[i], env);
                if (containsUnknown(left) || containsUnknown(right))
                    unknown = true;
                else {
                    const result = compare(left, e.ops[i], right);
                    if (result === false)
                        return false;
                    if (result === UNKNOWN)
                        unknown = true;
                }
                left = right;
            }
            return unknown ? UNKNOWN : true;
        }
        case 'not': {
            const t = truth(evaluate(e.e, env));
            return t === UNKNOWN ? UNKNOWN : !t;
        }
        case 'and':
        case 'or': {
            // Python returns an operand; as a condition, only its truth matters, except that an unknown
            // operand can still be overruled by a deciding one (False for `and`, True for `or`).
            let unknown = false;
            let last = e.k === 'and';
            for (const part of e.es) {
                const v = evaluate(part, env);
                const t = truth(v);
                if (t === UNKNOWN) {
                    unknown = true;
                    continue;
                }
                if (t === (e.k === 'or'))
                    return unknown ? t : v;
                last = v;
            }
            return unknown ? UNKNOWN : last;
        }
        case 'imp': {
            const found = env.importable(e.mod, e.name);
            return found === undefined ? UNKNOWN : found;
        }
        case 'ite': {
            const c = truth(evaluate(e.c, env));
            if (c === UNKNOWN) {
                const t = evaluate(e.t, env);
                const f = evaluate(e.f, env);
                return !containsUnknown(t) && !containsUnknown(f) && equal(t, f) ? t : UNKNOWN;
            }
            return evaluate(c ? e.t : e.f, env);
        }
    }
}
/** true / false when the interpreter decides the condition, null when it can't be told. */
function evaluateGuard(e, env) {
    const t = truth(evaluate(e, env));
    return t === UNKNOWN ? null : t;
}


/***/ }),

/***/ 384:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.importRefs = importRefs;
const grammar_js_1 = __nccwpck_require__(147);
const CALLS = '(call function: (_) @fn arguments: (argument_list) @args)';
const PLUGINS = '(assignment left: (identifier) @name right: (_) @value)';
const LOADING_CALL = /(?:^|\.)(?:import_module|__import__|importorskip)$/;
const STRING_LITERAL = /^[rRuU]?(['"])([\w.]+)\1$/;
// Compiled on a file's first need: most files have neither kind of call.
const compiled = new WeakMap();
function queryFor(language, source) {
    let byLanguage = compiled.get(language);
    if (!byLanguage)
        compiled.set(language, (byLanguage = new Map()));
    let query = byLanguage.get(source);
    if (!query)
        byLanguage.set(source, (query = (0, grammar_js_1.grammarQuery)(language, source)));
    return query;
}
function dottedOf(node) {
    if (!node)
        return undefined;
    return (node.type === 'aliased_import' ? node.childForFieldName('name')?.text : node.text)?.replace(/\s+/g, '');
}
function joinModule(base, name) {
    return base.endsWith('.') ? base + name : `${base}.${name}`;
}
/** The literal module name of a string node (`'pkg.mod'`), or undefined. */
function literalName(node) {
    if (!node || node.type !== 'string')
        return undefined;
    return STRING_LITERAL.exec(node.text)?.[2];
}
/** The word `import` on its own (not `importlib`, `__import__`, `ImportError`). */
const IMPORT_WORD = /\bimport\b/g;
/**
 * The import statements of a module, in source order: each holds the keyword `import` once, so
 * each occurrence of the word is looked up in the tree (the smallest node there) and kept when it
 * is that keyword. A file has a few such words, and a lookup walks one path down the tree: a query
 * over the rows holding them was most of discovery's time per module after the parse itself, and
 * compiling the query ~10 ms of every process's first parse.
 */
function importStatements(root, source) {
    const statements = [];
    for (const match of source.matchAll(IMPORT_WORD)) {
        const keyword = root.descendantForIndex(match.index);
        const statement = keyword?.type === 'import' ? keyword.parent : null;
        if (statement && (statement.type === 'import_statement' || statement.type === 'import_from_statement'))
            statements.push(statement);
    }
    return statements;
}
function importRefs(root, source) {
    const modules = new Set();
    let dynamic = false;
    for (const node of importStatements(root, source)) {
        if (node.type === 'import_statement') {
            for (const child of node.childrenForFieldName('name')) {
                const dotted = dottedOf(child);
                if (dotted)
                    modules.add(dotted);
            }
            continue;
        }
        const base = node.childForFieldName('module_name')?.text.replace(/\s+/g, '');
        if (!base)
            continue;
        modules.add(base);
        for (const child of node.childrenForFieldName('name')) {
            const imported = dottedOf(child);
            if (imported)
                modules.add(joinModule(base, imported));
        }
    }
    if (/import_module|__import__|importorskip/.test(source)) {
        for (const match of queryFor(root.tree.language, CALLS).matches(root)) {
            const fn = match.captures.find((c) => c.name === 'fn')?.node;
            const args = match.captures.find((c) => c.name === 'args')?.node;
            if (!fn || !args || !LOADING_CALL.test(fn.text))
                continue;
            const first = args.namedChildren[0];
            const literal = literalName(first);
            if (literal !== undefined) {
                // import_module('.mod', package) is relative to a package named at run time.
                if (literal.startsWith('.'))
                    dynamic = true;
                else
                    modules.add(literal);
            }
            else if (!fn.text.endsWith('importorskip')) {
                dynamic = true;
            }
        }
    }
    if (source.includes('pytest_plugins')) {
        for (const match of queryFor(root.tree.language, PLUGINS).matches(root)) {
            if (match.captures.find((c) => c.name === 'name')?.node.text !== 'pytest_plugins')
                continue;
            const value = match.captures.find((c) => c.name === 'value')?.node;
            if (!value)
                continue;
            const names = value.type === 'string' ? [value] : value.type === 'list' || value.type === 'tuple' ? value.namedChildren : null;
            if (names === null) {
                dynamic = true;
                continue;
            }
            for (const entry of names) {
                const literal = literalName(entry);
                if (literal !== undefined)
                    modules.add(literal);
                else
                    dynamic = true;
            }
        }
    }
    return { modules: [...modules], dynamic };
}


/***/ }),

/***/ 112:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseFile = parseFile;
// Reading, hashing and parsing one test file: the unit of work shared by the main thread and the
// parse worker threads.
const node_fs_1 = __nccwpck_require__(24);
const inputs_js_1 = __nccwpck_require__(417);
const grammar_js_1 = __nccwpck_require__(147);
const parse_js_1 = __nccwpck_require__(985);
async function parseFile(request) {
    const content = (0, node_fs_1.readFileSync)(request.abs);
    const parser = await (0, grammar_js_1.pythonParser)();
    const source = content.toString('utf8');
    return { ...request, hash: (0, inputs_js_1.sha1)(content), parsed: request.importsOnly ? (0, parse_js_1.parseImportsOnly)(parser, source) : (0, parse_js_1.parseModule)(parser, source) };
}


/***/ }),

/***/ 985:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseModule = parseModule;
exports.parseImportsOnly = parseImportsOnly;
const guards_js_1 = __nccwpck_require__(50);
const import_refs_js_1 = __nccwpck_require__(384);
const pyliteral_js_1 = __nccwpck_require__(692);
const DECORATED_DEFINITION = 'decorated_definition';
function argnamesOf(params) {
    const names = [];
    for (const p of params?.namedChildren ?? []) {
        if (!p)
            continue;
        if (p.type === 'identifier')
            names.push(p.text);
        else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
            const name = p.childForFieldName('name');
            if (name)
                names.push(name.text);
        }
        else if (p.type === 'typed_parameter') {
            const inner = p.namedChildren.find((c) => c?.type === 'identifier');
            if (inner)
                names.push(inner.text);
        }
    }
    return names;
}
/** The parameters that have a default value. */
function optionalArgsOf(params) {
    const names = [];
    for (const p of params?.namedChildren ?? []) {
        if (p?.type !== 'default_parameter' && p?.type !== 'typed_default_parameter')
            continue;
        const name = p.childForFieldName('name');
        if (name)
            names.push(name.text);
    }
    return names;
}
// Every property read on a web-tree-sitter node is a call into the wasm module (~1 µs); with tens of
// thousands of functions per run, the statements that Python's keywords identify are read from the
// source text at the node's start instead, and simple `def` headers are parsed from the text too.
const DEF_START = /(?:async[ \t]+)?def[ \t]/y;
const DECORATOR_OR_COMMENT = /[@#]/y;
/** `def name(params)` where params hold no brackets, strings, comments or continuations. */
const SIMPLE_DEF_HEADER = /(?:async[ \t]+)?def[ \t]+([^\s([\\]+)[ \t]*\(([^()'"#[\]{}\\]*)\)/y;
function matchesAt(pattern, source, index) {
    pattern.lastIndex = index;
    return pattern.test(source);
}
/** The node's type, read from the source for `def`, decorators and comments. */
function statementType(node, source) {
    const start = node.startIndex;
    if (matchesAt(DEF_START, source, start))
        return 'function_definition';
    if (matchesAt(DECORATOR_OR_COMMENT, source, start))
        return source[start] === '@' ? DECORATED_DEFINITION : 'comment';
    return node.type;
}
/** Name and argument names of a simple `def` header; null when the tree must be asked. */
function simpleHeader(source, start) {
    SIMPLE_DEF_HEADER.lastIndex = start;
    const m = SIMPLE_DEF_HEADER.exec(source);
    if (!m)
        return null;
    const argnames = [];
    const optional = [];
    for (const piece of m[2].split(',')) {
        const param = piece.trim();
        if (param === '' || param === '/' || param.startsWith('*'))
            continue;
        const name = param.split(/[:=]/, 1)[0].trim();
        if (!/^[^\s:=]+$/.test(name))
            return null;
        argnames.push(name);
        if (param.includes('='))
            optional.push(name);
    }
    return { name: m[1], argnames, optional };
}
/** Names an `except` clause catches that an ImportError would match. */
const CATCHES_IMPORT_ERROR = /^(ImportError|ModuleNotFoundError|Exception|BaseException)$/;
const SAFE_VALUE_TYPES = new Set([
    'string',
    'concatenated_string',
    'integer',
    'float',
    'true',
    'false',
    'none',
    'identifier',
    'list',
    'tuple',
    'dictionary',
    'set',
]);
/**
 * Walks the statements of a block as module code would run them, descending into if/try/with
 * bodies with the condition under which each branch runs. `imports` collects, in a try body, the
 * imports that must succeed for the statements after them to run.
 */
function* statements(block, ctx, guard, holdsStatements = true, tryBody) {
    for (const child of block.namedChildren) {
        if (!child)
            continue;
        // Only a statement's own start tells its type: a block or clause starts where its first statement does.
        const type = holdsStatements ? statementType(child, ctx.source) : child.type;
        const here = tryBody && tryBody.imports.length > 0 ? (0, guards_js_1.andGuard)(guard, { k: 'and', es: [...tryBody.imports] }) : guard;
        switch (type) {
            case 'if_statement':
                yield* ifStatement(child, ctx, here);
                break;
            case 'try_statement':
                yield* tryStatement(child, ctx, here);
                break;
            case 'with_statement':
                if (tryBody)
                    tryBody.risky = true;
                yield* statements(child, ctx, here, false);
                break;
            case 'block':
                yield* statements(child, ctx, here, true);
                break;
            default:
                yield { node: child, type, guard: here };
                if (!tryBody)
                    break;
                if (type === 'import_statement' || type === 'import_from_statement')
                    tryBody.imports.push(...importGuards(child));
                else if (!isSafeStatement(child, type))
                    tryBody.risky = true;
        }
    }
}
/** A statement that can't raise (or whose raising is not a concern of collection). */
function isSafeStatement(node, type) {
    if (type === 'function_definition' || type === 'class_definition' || type === DECORATED_DEFINITION || type === 'comment' || type === 'pass_statement')
        return true;
    if (type !== 'expression_statement')
        return false;
    return node.namedChildren.every((expr) => {
        if (!expr)
            return true;
        if (expr.type === 'string')
            return true;
        if (expr.type !== 'assignment')
            return false;
        const right = expr.childForFieldName('right');
        return right !== null && SAFE_VALUE_TYPES.has(right.type);
    });
}
function* ifStatement(node, ctx, guard) {
    const condition = node.childForFieldName('condition');
    let taken = condition ? (0, guards_js_1.toGuard)(condition, ctx.guards) : guards_js_1.UNKNOWN_GUARD;
    let rest = guard;
    const consequence = node.childForFieldName('consequence');
    if (consequence)
        yield* statements(consequence, ctx, (0, guards_js_1.andGuard)(rest, taken));
    rest = (0, guards_js_1.andGuard)(rest, (0, guards_js_1.notGuard)(taken));
    for (const alternative of node.childrenForFieldName('alternative')) {
        if (!alternative)
            continue;
        if (alternative.type === 'elif_clause') {
            const elifCondition = alternative.childForFieldName('condition');
            taken = elifCondition ? (0, guards_js_1.toGuard)(elifCondition, ctx.guards) : guards_js_1.UNKNOWN_GUARD;
            const body = alternative.childForFieldName('consequence');
            if (body)
                yield* statements(body, ctx, (0, guards_js_1.andGuard)(rest, taken));
            rest = (0, guards_js_1.andGuard)(rest, (0, guards_js_1.notGuard)(taken));
        }
        else {
            const body = alternative.childForFieldName('body');
            if (body)
                yield* statements(body, ctx, rest);
        }
    }
}
function* tryStatement(node, ctx, guard) {
    const tryBody = { imports: [], risky: false };
    const body = node.childForFieldName('body');
    if (body)
        yield* statements(body, ctx, guard, true, tryBody);
    const allImported = tryBody.imports.length === 0 ? { k: 'lit', v: true } : { k: 'and', es: tryBody.imports };
    for (const clause of node.namedChildren) {
        if (!clause)
            continue;
        if (clause.type === 'except_clause' || clause.type === 'except_group_clause') {
            const block = clause.namedChildren.find((c) => c?.type === 'block');
            if (!block)
                continue;
            const value = clause.childForFieldName('value');
            const caught = value ? exceptionNames(value) : ['BaseException'];
            const catchesImport = clause.type === 'except_clause' && caught.some((name) => CATCHES_IMPORT_ERROR.test(name));
            const failed = (0, guards_js_1.notGuard)(allImported);
            let runs;
            if (catchesImport)
                runs = tryBody.risky ? { k: 'or', es: [failed, guards_js_1.UNKNOWN_GUARD] } : failed;
            else
                runs = tryBody.risky ? guards_js_1.UNKNOWN_GUARD : { k: 'lit', v: false };
            yield* statements(block, ctx, (0, guards_js_1.andGuard)(guard, runs));
        }
        else if (clause.type === 'else_clause') {
            const elseBody = clause.childForFieldName('body');
            if (elseBody)
                yield* statements(elseBody, ctx, (0, guards_js_1.andGuard)(guard, allImported));
        }
        else if (clause.type === 'finally_clause') {
            yield* statements(clause, ctx, guard, false);
        }
    }
}
/** The exception class names an except clause lists (`except (A, b.C) as e` -> A, C). */
function exceptionNames(value) {
    const target = value.type === 'as_pattern' ? value.namedChildren[0] : value;
    if (!target)
        return [];
    if (target.type === 'tuple' || target.type === 'parenthesized_expression')
        return target.namedChildren.flatMap((c) => (c ? exceptionNames(c) : []));
    return [target.text.slice(target.text.lastIndexOf('.') + 1)];
}
/** What an import statement needs to succeed. */
function importGuards(stmt) {
    if (stmt.type === 'import_statement') {
        return stmt.childrenForFieldName('name').flatMap((child) => {
            if (!child)
                return [];
            const dotted = child.type === 'aliased_import' ? child.childForFieldName('name')?.text : child.text;
            return dotted ? [{ k: 'imp', mod: dotted }] : [];
        });
    }
    const mod = stmt.childForFieldName('module_name')?.text;
    if (!mod)
        return [guards_js_1.UNKNOWN_GUARD];
    if (stmt.namedChildren.some((c) => c?.type === 'wildcard_import'))
        return [{ k: 'imp', mod }];
    return stmt.childrenForFieldName('name').flatMap((child) => {
        if (!child)
            return [];
        const name = child.type === 'aliased_import' ? child.childForFieldName('name')?.text : child.text;
        return name ? [{ k: 'imp', mod, name }] : [];
    });
}
function isFixtureDecorator(expr, ctx) {
    const target = expr.type === 'call' ? expr.childForFieldName('function') : expr;
    if (!target)
        return null;
    const text = target.text;
    const isFixture = text === 'fixture' ||
        text === 'pytest_asyncio.fixture' ||
        (text.endsWith('.fixture') && ctx.pytestAliases.has(text.slice(0, -'.fixture'.length))) ||
        text === 'yield_fixture';
    if (!isFixture)
        return null;
    const facts = { name: null, parametrized: false, autouse: false };
    if (expr.type === 'call') {
        const args = (expr.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a !== null && a.type !== 'comment');
        // fixture(fixture_function=None, *, scope, params, autouse, ids, name): a positional is the
        // function itself, or (pytest < 8) the scope
        if (args.some((a) => a.type !== 'keyword_argument'))
            facts.scope = '?';
        for (const arg of args) {
            if (arg.type !== 'keyword_argument')
                continue;
            const key = arg.childForFieldName('name')?.text;
            const value = arg.childForFieldName('value');
            if (!value)
                continue;
            if (key === 'params') {
                facts.parametrized = true;
                facts.params = (0, pyliteral_js_1.readLiteral)(value, ctx);
            }
            if (key === 'ids')
                facts.ids = (0, pyliteral_js_1.readLiteral)(value, ctx);
            if (key === 'autouse')
                facts.autouse = value.type === 'true';
            if (key === 'scope') {
                const v = (0, pyliteral_js_1.readLiteral)(value, ctx);
                facts.scope = typeof v === 'string' ? v : '?';
            }
            if (key === 'name') {
                const v = (0, pyliteral_js_1.readLiteral)(value, ctx);
                if (typeof v === 'string')
                    facts.name = v;
            }
        }
    }
    return facts;
}
/** The expression after `@` (comments inside the decorator aside). */
function decoratorExpression(decorator) {
    return decorator.namedChildren.find((c) => c && c.type !== 'comment') ?? null;
}
/** Builtins whose result is an iterator, not a Collection (pytest 9.1 warns when parametrize gets one). */
const ITERATOR_BUILTINS = new Set(['enumerate', 'zip', 'map', 'filter', 'iter', 'reversed']);
/** `parametrize("x", (v for v in ...))`, or `enumerate(...)`, `zip(...)`...: argvalues (second
 * positional or `argvalues=`) is a generator or another iterator, not a Collection. */
function passesGenerator(call) {
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((c) => c !== null && c.type !== 'comment');
    const positional = args.filter((a) => a.type !== 'keyword_argument');
    const iterator = (value) => value?.type === 'generator_expression' ||
        (value?.type === 'call' && value.childForFieldName('function')?.type === 'identifier' && ITERATOR_BUILTINS.has(value.childForFieldName('function').text));
    if (iterator(positional[1]))
        return true;
    return args.some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'argvalues' && iterator(a.childForFieldName('value')));
}
/** An import statement directly in the module's body (not under a try, if, with or def). */
function unconditional(stmt) {
    for (let at = stmt.parent; at !== null; at = at.parent) {
        if (at.type === 'module')
            return true;
        if (at.type !== 'block' && at.type !== 'expression_statement')
            return false;
    }
    return false;
}
function parseFunction(def, decorators, firstLine, ctx) {
    const marks = [];
    let fixture = null;
    let abstract = false;
    let marksUnknown = false;
    let isStatic = false;
    let otherDecorators = false;
    let filled = null;
    const header = simpleHeader(ctx.source, def.startIndex);
    const name = header ? header.name : (def.childForFieldName('name')?.text ?? '');
    for (const decorator of decorators) {
        const expr = decoratorExpression(decorator);
        if (!expr)
            continue;
        const mark = (0, pyliteral_js_1.readMark)(expr, ctx);
        if (mark) {
            if (mark.name === 'parametrize' && expr.type === 'call' && passesGenerator(expr))
                ctx.generatorParametrize = true;
            marks.push(mark);
            continue;
        }
        const fx = isFixtureDecorator(expr, ctx);
        if (fx) {
            fixture = { ...fx, name: fx.name ?? name };
            continue;
        }
        const given = filledByGiven(expr, def, ctx);
        if (given) {
            filled = given;
            continue;
        }
        if (/(^|\.)abstractmethod$/.test(expr.text))
            abstract = true;
        if (expr.text === 'staticmethod')
            isStatic = true;
        else if (!/^(classmethod|(abc\.)?abstractmethod)$/.test(expr.text))
            otherDecorators = true;
        const called = expr.type === 'call' ? expr.childForFieldName('function') : expr;
        if (called?.type === 'identifier' && ctx.markingFunctions.has(called.text))
            marksUnknown = true;
    }
    // Walking every body node through the wasm boundary is costly; most functions have no `yield`.
    // An `async def` with `yield` is an async generator, which pytest collects as a plain function.
    const isAsync = ctx.source.startsWith('async', def.startIndex);
    const mayYield = !isAsync && ctx.source.slice(def.startIndex, def.endIndex).includes('yield');
    const body = mayYield ? def.childForFieldName('body') : null;
    const optionalArgs = header ? header.optional : optionalArgsOf(def.childForFieldName('parameters'));
    const argnames = header ? header.argnames : argnamesOf(def.childForFieldName('parameters'));
    // (with another decorator too, what pytest sees is not known: the arguments are left as written)
    const filledNames = filled !== null && !otherDecorators ? filled : [];
    return {
        kind: 'function',
        name,
        line: firstLine,
        argnames: filledNames.length > 0 ? argnames.filter((a) => !filledNames.includes(a)) : argnames,
        marks,
        fixture,
        abstract,
        ...(optionalArgs.length > 0 ? { optionalArgs } : {}),
        ...(isStatic ? { isStatic: true } : {}),
        ...(otherDecorators ? { otherDecorators: true } : {}),
        ...(filledNames.length > 0 ? { hypothesis: true } : {}),
        isGenerator: body ? containsYield(body) : false,
        ...(isAsync ? { isAsync: true } : {}),
        ...(marksUnknown ? { marksUnknown: true } : {}),
    };
}
/**
 * `@given(...)` of hypothesis (`from hypothesis import given`, `hypothesis.given`) in a form its
 * is_invalid_test accepts: strategies all positional (they fill the last parameters) or all keyword
 * (naming parameters), on a plain `def` whose parameters have no defaults, `*args`, `**kwargs`,
 * keyword-only or positional-only ones. The test pytest collects has the signature without the
 * filled parameters (new_given_signature): their names. Null for anything else.
 */
function filledByGiven(expr, def, ctx) {
    if (expr.type !== 'call' || ctx.source.startsWith('async', def.startIndex))
        return null;
    const fn = expr.childForFieldName('function')?.text ?? '';
    const module = /^([A-Za-z_]\w*)\.given$/.exec(fn)?.[1];
    if (!(fn === 'given' && ctx.imports.given === 'hypothesis:given') && !(module !== undefined && ctx.imports[module] === 'hypothesis'))
        return null;
    const params = [];
    for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
        if (!p || p.type === 'comment')
            continue;
        const name = p.type === 'identifier' ? p : p.type === 'typed_parameter' ? p.namedChildren.find((c) => c?.type === 'identifier') : null;
        if (!name)
            return null;
        params.push(name.text);
    }
    const args = (expr.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a !== null && a.type !== 'comment');
    if (args.length === 0 || args.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat' || a.type === 'ellipsis'))
        return null;
    const keywords = args.filter((a) => a.type === 'keyword_argument');
    let filled;
    if (keywords.length === 0) {
        if (args.length > params.length)
            return null;
        filled = params.slice(params.length - args.length);
    }
    else {
        if (keywords.length !== args.length || keywords.some((k) => k.childForFieldName('value')?.type === 'ellipsis'))
            return null;
        filled = keywords.map((k) => k.childForFieldName('name')?.text ?? '');
        if (filled.some((n) => !params.includes(n)) || new Set(filled).size !== filled.length)
            return null;
    }
    // a method's `self` (or `cls`) filled by a strategy: not a shape to follow
    return filled.includes('self') || filled.includes('cls') ? null : filled;
}
function containsYield(node) {
    for (const child of node.namedChildren) {
        if (!child)
            continue;
        if (child.type === 'yield')
            return true;
        if (child.type === 'function_definition' || child.type === 'class_definition' || child.type === 'lambda')
            continue;
        if (containsYield(child))
            return true;
    }
    return false;
}
function readMarkList(value, ctx) {
    if (value.type === 'list' || value.type === 'tuple') {
        const marks = [];
        for (const item of value.namedChildren) {
            if (!item)
                continue;
            const m = (0, pyliteral_js_1.readMark)(item, ctx);
            if (m)
                marks.push(m);
        }
        return marks;
    }
    const one = (0, pyliteral_js_1.readMark)(value, ctx);
    return one ? [one] : [];
}
function parseBody(block, ctx, moduleLevel, dynamicReasons) {
    const info = {
        members: [],
        pytestmark: [],
        testAttr: null,
        hasInit: false,
        hasNew: false,
        hasGenerateTests: false,
        collectIgnore: [],
        collectIgnoreGlob: [],
    };
    for (const { node: stmt, type: stmtType, guard } of statements(block, ctx, null)) {
        let def = stmt;
        let defType = stmtType;
        let decorators = [];
        const firstLine = stmt.startPosition.row + 1;
        if (stmtType === DECORATED_DEFINITION) {
            decorators = stmt.namedChildren.filter((c) => c?.type === 'decorator');
            def = stmt.childForFieldName('definition');
            defType = def ? statementType(def, ctx.source) : '';
        }
        if (!def)
            continue;
        const added = info.members.length;
        if (defType === 'function_definition') {
            const fn = parseFunction(def, decorators, firstLine, ctx);
            if (fn.name === '__init__')
                info.hasInit = true;
            if (fn.name === '__new__')
                info.hasNew = true;
            if (fn.name === 'pytest_generate_tests')
                info.hasGenerateTests = true;
            if (moduleLevel)
                rebind(ctx, fn.name, null, guard);
            else
                ctx.constants.delete(fn.name);
            if (moduleLevel)
                ctx.definedNames.add(fn.name);
            if (moduleLevel && !matchesTestName(fn.name) && MARKING_CODE.test(ctx.source.slice(def.startIndex, def.endIndex)))
                ctx.markingFunctions.add(fn.name);
            info.members.push(fn);
        }
        else if (defType === 'class_definition') {
            const cls = parseClass(def, decorators, firstLine, ctx, dynamicReasons);
            if (moduleLevel)
                rebind(ctx, cls.name, null, guard);
            else
                ctx.constants.delete(cls.name);
            info.members.push(cls);
        }
        else if (defType === 'expression_statement') {
            for (const expr of def.namedChildren) {
                if (expr?.type === 'assignment')
                    handleAssignment(expr, ctx, info, moduleLevel, guard);
                else if (moduleLevel && expr?.type === 'call')
                    moduleLevelCall(expr, ctx, guard);
                else if (expr)
                    forgetMutated(ctx, expr.text);
            }
        }
        else if (defType === 'delete_statement') {
            for (const target of def.namedChildren.flatMap((c) => (c?.type === 'expression_list' ? c.namedChildren : [c]))) {
                if (target?.type !== 'identifier')
                    continue;
                info.members.push({ kind: 'assign', name: target.text, deleted: true });
                if (moduleLevel)
                    rebind(ctx, target.text, null, guard);
            }
        }
        else if (moduleLevel && defType === 'import_from_statement') {
            handleImportFrom(def, ctx, dynamicReasons, guard, info);
            // `from m import name` only: a missing name is what a static reading can be sure of
            if (guard === null && unconditional(def))
                ctx.requiredImports.push(...importGuards(def).filter((g) => g.k === 'imp' && g.name !== undefined));
        }
        else if (moduleLevel && defType === 'import_statement') {
            handleImport(def, ctx, guard);
        }
        else if (ctx.constants.size > 0 && !(defType === 'assert_statement' && readsOnly(def, ctx))) {
            forgetMutated(ctx, def.text);
        }
        if (guard !== null)
            for (let i = added; i < info.members.length; i++)
                info.members[i].guard = guard;
    }
    return info;
}
/** Code that applies a mark to something (a decorator factory's body). */
const MARKING_CODE = /\.mark\.|\bparametrize\b|\bmark\(/;
/** Test functions are not decorators; the test is cheap and saves scanning their bodies. */
function matchesTestName(name) {
    return name.startsWith('test');
}
/** A module-level name bound again: what guards and parametrize knew of its value no longer holds. */
function rebind(ctx, name, value, guard) {
    ctx.constants.delete(name);
    ctx.markVariables.delete(name);
    if (value === null) {
        ctx.guards.names.delete(name);
        return;
    }
    const before = ctx.guards.names.get(name) ?? guards_js_1.UNKNOWN_GUARD;
    ctx.guards.names.set(name, guard === null ? value : { k: 'ite', c: guard, t: value, f: before });
}
/** Builtins that read their arguments and change nothing (`assert len(set(CASES)) == len(CASES)`). */
const READING_BUILTINS = new Set([
    'len',
    'set',
    'frozenset',
    'list',
    'tuple',
    'sorted',
    'any',
    'all',
    'sum',
    'min',
    'max',
    'isinstance',
    'enumerate',
    'zip',
    'range',
]);
/** An expression that can't change a value: calls only to reading builtins, no attribute, no `:=`. */
function readsOnly(node, ctx) {
    if (node.descendantsOfType(['attribute', 'named_expression', 'await', 'yield']).length > 0)
        return false;
    return node.descendantsOfType('call').every((call) => {
        const fn = call?.childForFieldName('function');
        return fn?.type === 'identifier' && READING_BUILTINS.has(fn.text) && !ctx.assignedNames.has(fn.text) && !ctx.definedNames.has(fn.text);
    });
}
/** A statement that may change a constant in place (`CASES.append(x)`, `CASES += [...]`, a loop). */
function forgetMutated(ctx, text) {
    for (const name of ctx.constants.keys())
        if (text.includes(name))
            ctx.constants.delete(name);
}
/** `pytest.importorskip("x")` and `pytest.skip(..., allow_module_level=True)` at module level. */
function moduleLevelCall(call, ctx, guard) {
    if (ctx.constants.size > 0)
        forgetMutated(ctx, call.text);
    const fn = call.childForFieldName('function');
    const dotted = fn?.type === 'attribute' ? fn.text : null;
    if (!dotted)
        return;
    const adding = /^(collect_ignore(?:_glob)?)\.(extend|append)$/.exec(dotted);
    if (adding) {
        const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((c) => c !== null && c.type !== 'comment');
        const value = args.length === 1 ? (0, pyliteral_js_1.readLiteral)(args[0], ctx) : null;
        const items = adding[2] === 'append' ? [value] : value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple') ? value.items : [];
        const paths = items.filter((v) => typeof v === 'string');
        if (paths.length > 0)
            ctx.collectIgnoreAdded.push({ glob: adding[1] === 'collect_ignore_glob', paths, ...(guard ? { guard } : {}) });
        return;
    }
    const dot = dotted.lastIndexOf('.');
    if (!ctx.pytestAliases.has(dotted.slice(0, dot)))
        return;
    const what = dotted.slice(dot + 1);
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((c) => c !== null && c.type !== 'comment');
    let collected;
    if (what === 'importorskip') {
        const first = args[0] ? (0, pyliteral_js_1.readLiteral)(args[0], ctx) : null;
        const named = typeof first === 'string' ? first : null;
        const more = args.length > 1;
        collected = named === null ? guards_js_1.UNKNOWN_GUARD : more ? { k: 'and', es: [{ k: 'imp', mod: named }, guards_js_1.UNKNOWN_GUARD] } : { k: 'imp', mod: named };
    }
    else if (what === 'skip' &&
        args.some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'allow_module_level' && a.childForFieldName('value')?.type === 'true')) {
        collected = { k: 'lit', v: false };
    }
    else {
        return;
    }
    const unlessGuarded = guard === null ? collected : { k: 'or', es: [(0, guards_js_1.notGuard)(guard), collected] };
    ctx.collectIf = (0, guards_js_1.andGuard)(ctx.collectIf, unlessGuarded);
}
function handleImport(stmt, ctx, guard) {
    for (const child of stmt.childrenForFieldName('name')) {
        if (!child)
            continue;
        const aliased = child.type === 'aliased_import';
        const dotted = aliased ? child.childForFieldName('name')?.text : child.text;
        const local = aliased ? child.childForFieldName('alias')?.text : dotted?.split('.')[0];
        if (!dotted || !local)
            continue;
        if (aliased && dotted === 'pytest')
            ctx.pytestAliases.add(local);
        const module = aliased ? dotted : local;
        ctx.guards.modules.set(local, module);
        ctx.imports[local] = module;
        rebind(ctx, local, { k: 'obj' }, guard);
    }
}
function handleImportFrom(stmt, ctx, dynamicReasons, guard, info) {
    const moduleName = stmt.childForFieldName('module_name')?.text;
    if (stmt.namedChildren.some((c) => c?.type === 'wildcard_import')) {
        dynamicReasons.push(`from ${moduleName} import *`);
        return;
    }
    for (const child of stmt.childrenForFieldName('name')) {
        if (!child)
            continue;
        const imported = child.type === 'aliased_import' ? child.childForFieldName('name')?.text : child.text;
        const local = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : child.text;
        if (!local)
            continue;
        ctx.assignedNames.add(local);
        if (moduleName === 'pytest' && imported === 'mark')
            ctx.markAliases.add(local);
        rebind(ctx, local, null, guard);
        if (moduleName && imported) {
            ctx.guards.fromImports.set(local, `${moduleName}.${imported}`);
            ctx.imports[local] = `${moduleName}:${imported}`;
            // The name is bound in the module's namespace, where pytest may collect it (a test class
            // imported from another test module); its first binding fixes its position.
            if (moduleName !== 'pytest' && moduleName !== '__future__')
                info.members.push({ kind: 'assign', name: local, importedFrom: moduleName });
        }
    }
}
/** Value types a guard can follow: reading others as guards only costs time. */
const GUARD_VALUE_TYPES = new Set([
    'comparison_operator',
    'boolean_operator',
    'not_operator',
    'true',
    'false',
    'none',
    'identifier',
    'attribute',
    'call',
    'parenthesized_expression',
    'integer',
    'string',
    'subscript',
]);
/** `name = mark(other)` / `name = wrapper(other)` / `name = other`: the object it binds, if a function or class of the body. */
function rebinding(right, ctx) {
    if (right.type === 'identifier')
        return { alias: right.text };
    if (right.type !== 'call')
        return null;
    const args = (right.childForFieldName('arguments')?.namedChildren ?? []).filter((c) => c !== null && c.type !== 'comment');
    if (args.length !== 1 || args[0].type !== 'identifier')
        return null;
    const target = args[0].text;
    const fn = right.childForFieldName('function');
    if (!fn)
        return null;
    // MarkDecorator.__call__ with one function or class: stores the mark on it and returns it.
    const mark = (0, pyliteral_js_1.readMark)(fn, ctx);
    if (mark)
        return { alias: target, marks: [mark] };
    return ctx.definedNames.has(target) ? { alias: target, wrapped: true } : null;
}
function handleAssignment(expr, ctx, info, moduleLevel, guard) {
    const left = expr.childForFieldName('left');
    const right = expr.childForFieldName('right');
    if (left?.type === 'attribute' && left.childForFieldName('attribute')?.text === '__test__' && right?.type === 'false') {
        // `test_x.__test__ = False`: the name stays bound but is no longer collected.
        const target = left.childForFieldName('object');
        if (target?.type === 'identifier')
            info.members.push({ kind: 'assign', name: target.text, testDisabled: true });
        return;
    }
    if (left && left.type !== 'identifier') {
        for (const name of left.descendantsOfType('identifier')) {
            if (name && moduleLevel)
                rebind(ctx, name.text, null, guard);
            else if (name)
                ctx.constants.delete(name.text);
        }
    }
    if (!left || left.type !== 'identifier')
        return;
    const name = left.text;
    if (!right)
        return;
    if (name === 'pytestmark') {
        info.pytestmark = readMarkList(right, ctx);
        return;
    }
    if (moduleLevel && (name === 'collect_ignore' || name === 'collect_ignore_glob')) {
        const value = (0, pyliteral_js_1.readLiteral)(right, ctx);
        if (value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple')) {
            const paths = value.items.filter((v) => typeof v === 'string');
            if (name === 'collect_ignore')
                info.collectIgnore = paths;
            else
                info.collectIgnoreGlob = paths;
        }
        return;
    }
    if (name === '__test__') {
        info.testAttr = right.type === 'true' ? true : right.type === 'false' ? false : null;
        return;
    }
    const rebound = right.type === 'identifier' || right.type === 'call' ? rebinding(right, ctx) : null;
    if (moduleLevel) {
        ctx.assignedNames.add(name);
        const value = GUARD_VALUE_TYPES.has(right.type) ? (0, guards_js_1.toGuard)(right, ctx.guards) : guards_js_1.UNKNOWN_GUARD;
        const markValue = rebound ? null : (0, pyliteral_js_1.readMark)(right, ctx);
        const literal = guard === null && !rebound && !markValue ? (0, pyliteral_js_1.readLiteral)(right, ctx) : null;
        rebind(ctx, name, value.k === 'unk' ? null : value, guard);
        if (markValue)
            ctx.markVariables.set(name, markValue);
        if (literal !== null && !(0, pyliteral_js_1.hasUnreadablePart)(literal) && (typeof literal !== 'object' || (literal.py !== 'call' && literal.py !== 'mark')))
            ctx.constants.set(name, literal);
    }
    else {
        // a class attribute: a constant of the class body while it runs (it shadows the module's)
        ctx.constants.delete(name);
        const literal = guard === null && !rebound ? (0, pyliteral_js_1.readLiteral)(right, ctx) : null;
        if (literal !== null && !(0, pyliteral_js_1.hasUnreadablePart)(literal) && (typeof literal !== 'object' || (literal.py !== 'call' && literal.py !== 'mark')))
            ctx.constants.set(name, literal);
    }
    info.members.push(rebound ? { kind: 'assign', name, ...rebound } : { kind: 'assign', name });
}
function parseClass(def, decorators, firstLine, ctx, dynamicReasons) {
    const name = def.childForFieldName('name')?.text ?? '';
    const bases = [];
    for (const arg of def.childForFieldName('superclasses')?.namedChildren ?? []) {
        if (arg && arg.type !== 'keyword_argument' && arg.type !== 'comment')
            bases.push(arg.text);
    }
    const decoratorMarks = [];
    for (const decorator of decorators) {
        const expr = decoratorExpression(decorator);
        const mark = expr ? (0, pyliteral_js_1.readMark)(expr, ctx) : null;
        if (mark)
            decoratorMarks.push(mark);
    }
    const body = def.childForFieldName('body');
    // A class body is a scope of its own: its constants are seen by its methods' decorators, then dropped.
    const outerConstants = ctx.constants;
    ctx.constants = new Map(outerConstants);
    let info;
    try {
        info = parseBody(body ?? def, ctx, false, dynamicReasons);
    }
    finally {
        ctx.constants = outerConstants;
    }
    ctx.definedNames.add(name);
    return {
        kind: 'class',
        name,
        line: firstLine,
        bases,
        members: info.members,
        decoratorMarks,
        bodyMarks: info.pytestmark,
        testAttr: info.testAttr,
        hasInit: info.hasInit,
        hasNew: info.hasNew,
        hasGenerateTests: info.hasGenerateTests,
    };
}
function firstError(node) {
    if (node.type === 'ERROR' || node.isMissing)
        return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
    for (const child of node.children) {
        if (child && child.hasError) {
            const found = firstError(child);
            if (found)
                return found;
        }
    }
    return node.hasError ? { line: node.startPosition.row + 1, column: 1 } : null;
}
function parseModule(parser, source) {
    const tree = parser.parse(source);
    if (!tree)
        throw new Error('tree-sitter returned no tree');
    try {
        const root = tree.rootNode;
        const ctx = {
            ...(0, pyliteral_js_1.emptyLiteralContext)(),
            source,
            guards: (0, guards_js_1.emptyGuardScope)(),
            collectIf: null,
            imports: {},
            requiredImports: [],
            generatorParametrize: false,
            collectIgnoreAdded: [],
            markingFunctions: new Set(),
        };
        const dynamicReasons = [];
        const info = parseBody(root, ctx, true, dynamicReasons);
        const refs = (0, import_refs_js_1.importRefs)(root, source);
        return {
            members: info.members,
            pytestmark: info.pytestmark,
            testAttr: info.testAttr,
            hasGenerateTests: info.hasGenerateTests,
            pytestAliases: [...ctx.pytestAliases],
            syntaxError: root.hasError ? firstError(root) : null,
            dynamicReasons,
            collectIgnore: info.collectIgnore,
            collectIgnoreGlob: info.collectIgnoreGlob,
            ...(ctx.collectIf ? { collectIf: ctx.collectIf } : {}),
            ...(Object.keys(ctx.imports).length > 0 ? { imports: ctx.imports } : {}),
            ...(ctx.requiredImports.length > 0 ? { requiredImports: ctx.requiredImports } : {}),
            ...(ctx.generatorParametrize ? { generatorParametrize: true } : {}),
            ...(ctx.collectIgnoreAdded.length > 0 ? { collectIgnoreAdded: ctx.collectIgnoreAdded } : {}),
            ...(refs.modules.length > 0 ? { importRefs: refs.modules } : {}),
            ...(refs.dynamic ? { dynamicImport: true } : {}),
            ...(NAMESPACE_WRITES.test(source) ? { namespaceWrites: true } : {}),
        };
    }
    finally {
        tree.delete();
    }
}
const NAMESPACE_WRITES = /\bglobals\(\)\s*(?:\[|\.update\b|\.setdefault\b)|\bvars\(\)\s*\[|\bsetattr\(\s*sys\.modules\[__name__\]/;
/** A module read only for what it imports (for the import graph): no members, no syntax check. */
function parseImportsOnly(parser, source) {
    const tree = parser.parse(source);
    if (!tree)
        throw new Error('tree-sitter returned no tree');
    try {
        const refs = (0, import_refs_js_1.importRefs)(tree.rootNode, source);
        return {
            members: [],
            pytestmark: [],
            testAttr: null,
            hasGenerateTests: false,
            pytestAliases: [],
            syntaxError: null,
            dynamicReasons: [],
            collectIgnore: [],
            collectIgnoreGlob: [],
            importsOnly: true,
            ...(refs.modules.length > 0 ? { importRefs: refs.modules } : {}),
            ...(refs.dynamic ? { dynamicImport: true } : {}),
        };
    }
    finally {
        tree.delete();
    }
}


/***/ }),

/***/ 692:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DOTTED_NAME = exports.pyFloatRepr = void 0;
exports.emptyLiteralContext = emptyLiteralContext;
exports.markNameOf = markNameOf;
exports.isDynamic = isDynamic;
exports.hasUnreadablePart = hasUnreadablePart;
exports.readMark = readMark;
exports.readLiteral = readLiteral;
exports.pyStrRepr = pyStrRepr;
const pystr_js_1 = __nccwpck_require__(560);
Object.defineProperty(exports, "pyFloatRepr", ({ enumerable: true, get: function () { return pystr_js_1.pyFloatRepr; } }));
const stdlib_js_1 = __nccwpck_require__(780);
const regex_js_1 = __nccwpck_require__(637);
function emptyLiteralContext() {
    return {
        definedNames: new Set(),
        assignedNames: new Set(),
        markAliases: new Set(['mark']),
        pytestAliases: new Set(['pytest']),
        markVariables: new Map(),
        constants: new Map(),
    };
}
function parseIntText(text) {
    const clean = text.replace(/_/g, '').toLowerCase();
    try {
        if (/^0[xob]/.test(clean))
            return BigInt(clean);
        if (/^0+$/.test(clean))
            return 0n;
        if (/^[1-9][0-9]*$/.test(clean))
            return BigInt(clean);
    }
    catch {
        return null;
    }
    return null;
}
function intValue(n) {
    if (n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER))
        return Number(n);
    return { py: 'int', repr: n.toString() };
}
const SIMPLE_ESCAPES = {
    '\\': '\\',
    "'": "'",
    '"': '"',
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\n': '',
};
/** Decodes the body of a non-raw string literal; null when it uses \N{...} (needs unicodedata). */
function decodeEscapes(body, isBytes) {
    let out = '';
    for (let i = 0; i < body.length; i++) {
        const ch = body[i];
        if (ch !== '\\' || i + 1 >= body.length) {
            out += ch;
            continue;
        }
        const next = body[i + 1];
        if (next in SIMPLE_ESCAPES) {
            out += SIMPLE_ESCAPES[next];
            i += 1;
        }
        else if (next === '\r') {
            i += body[i + 2] === '\n' ? 2 : 1;
        }
        else if (/[0-7]/.test(next)) {
            const m = /^[0-7]{1,3}/.exec(body.slice(i + 1));
            out += String.fromCodePoint(parseInt(m[0], 8) & (isBytes ? 0xff : 0x1ff));
            i += m[0].length;
        }
        else if (next === 'x' && /^[0-9a-fA-F]{2}/.test(body.slice(i + 2))) {
            out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 4), 16));
            i += 3;
        }
        else if (!isBytes && next === 'u' && /^[0-9a-fA-F]{4}/.test(body.slice(i + 2))) {
            out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 6), 16));
            i += 5;
        }
        else if (!isBytes && next === 'U' && /^[0-9a-fA-F]{8}/.test(body.slice(i + 2))) {
            out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 10), 16));
            i += 9;
        }
        else if (!isBytes && next === 'N') {
            return null;
        }
        else {
            out += ch;
        }
    }
    return out;
}
/** Value of one `string` node: str or bytes, or null if it is an f-string with fields. */
function stringNodeValue(node) {
    const text = node.text;
    const prefixMatch = /^[a-zA-Z]*/.exec(text);
    const prefix = prefixMatch[0].toLowerCase();
    if (prefix.includes('f') || prefix.includes('t')) {
        if (node.namedChildren.some((c) => c?.type === 'interpolation'))
            return null;
    }
    const rest = text.slice(prefixMatch[0].length);
    const quote = rest.startsWith('"""') || rest.startsWith("'''") ? rest.slice(0, 3) : rest[0];
    if (!rest.endsWith(quote) || rest.length < quote.length * 2)
        return null;
    let body = rest.slice(quote.length, rest.length - quote.length);
    const isBytes = prefix.includes('b');
    if (prefix.includes('f'))
        body = body.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
    if (prefix.includes('r'))
        return { value: body, bytes: isBytes };
    const decoded = decodeEscapes(body, isBytes);
    return decoded === null ? null : { value: decoded, bytes: isBytes };
}
function dottedName(node) {
    if (node.type === 'identifier')
        return node.text;
    if (node.type === 'attribute') {
        const object = node.childForFieldName('object');
        const attr = node.childForFieldName('attribute');
        if (!object || !attr)
            return null;
        const base = dottedName(object);
        return base === null ? null : `${base}.${attr.text}`;
    }
    return null;
}
/** `pytest.mark.NAME` (or `mark.NAME`) → NAME, else null. */
function markNameOf(node, ctx) {
    const dotted = dottedName(node);
    if (dotted === null)
        return null;
    const parts = dotted.split('.');
    if (parts.length === 3 && ctx.pytestAliases.has(parts[0]) && parts[1] === 'mark')
        return parts[2];
    if (parts.length === 2 && ctx.markAliases.has(parts[0]))
        return parts[1];
    return null;
}
function readArguments(argList, ctx) {
    const args = [];
    const kwargs = {};
    let dynamic = false;
    for (const child of argList?.namedChildren ?? []) {
        if (!child || child.type === 'comment')
            continue;
        if (child.type === 'keyword_argument') {
            const name = child.childForFieldName('name')?.text ?? '';
            const valueNode = child.childForFieldName('value');
            const value = valueNode ? readLiteral(valueNode, ctx) : null;
            if (isDynamic(value))
                dynamic = true;
            kwargs[name] = value;
        }
        else if (child.type === 'list_splat') {
            // `*CASE`: a literal sequence's items, as positional arguments
            const inner = child.namedChildren.find((c) => c && c.type !== 'comment');
            const spread = inner ? itemsOf(readLiteral(inner, ctx)) : null;
            if (spread === null || spread.some(isDynamic))
                dynamic = true;
            args.push(...(spread ?? []));
        }
        else if (child.type === 'dictionary_splat') {
            dynamic = true;
        }
        else {
            const value = readLiteral(child, ctx);
            if (isDynamic(value))
                dynamic = true;
            args.push(value);
        }
    }
    return { args, kwargs, dynamic };
}
/** True when a value (or anything inside it) could not be read statically. */
function isDynamic(value) {
    if (value === null || typeof value !== 'object')
        return false;
    switch (value.py) {
        case 'expr':
            return true;
        case 'tuple':
        case 'list':
            return value.items.some(isDynamic);
        case 'call':
            return value.args.some(isDynamic) || Object.values(value.kwargs).some(isDynamic);
        default:
            return false;
    }
}
/** `name` or `a.b.c`: a Python name, maybe with attributes. */
exports.DOTTED_NAME = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;
/**
 * Whether a value holds a part that is no literal and no plain dotted name. A dotted name is kept
 * (in constants and comprehension elements) so that the parametrize stage can follow it through
 * the module's imports (values.ts); one whose head is a comprehension variable can't be (its
 * attribute of a loop value is not the module's name of the same spelling).
 */
function hasUnreadablePart(value, locals) {
    if (value === null || typeof value !== 'object')
        return false;
    switch (value.py) {
        case 'expr':
            return !exports.DOTTED_NAME.test(value.source) || locals?.has(value.source.split('.')[0]) === true;
        case 'tuple':
        case 'list':
            return value.items.some((v) => hasUnreadablePart(v, locals));
        case 'call':
            return (locals?.has(value.func.split('.')[0]) === true ||
                value.args.some((v) => hasUnreadablePart(v, locals)) ||
                Object.values(value.kwargs).some((v) => hasUnreadablePart(v, locals)));
        default:
            return false;
    }
}
/** A decorator or value expression read as a mark, if it is one. */
function readMark(node, ctx) {
    if (node.type === 'identifier' && ctx.markVariables.has(node.text))
        return ctx.markVariables.get(node.text);
    if (node.type === 'call') {
        const fn = node.childForFieldName('function');
        const name = fn ? markNameOf(fn, ctx) : null;
        if (name === null) {
            // `slow(...)` where slow = pytest.mark.slow: calling a mark adds arguments.
            if (fn?.type === 'identifier' && ctx.markVariables.has(fn.text)) {
                const base = ctx.markVariables.get(fn.text);
                const { args, kwargs, dynamic } = readArguments(node.childForFieldName('arguments'), ctx);
                return {
                    name: base.name,
                    args: [...base.args, ...args],
                    kwargs: { ...base.kwargs, ...kwargs },
                    ...(dynamic || base.dynamicArgs ? { dynamicArgs: true } : {}),
                };
            }
            return null;
        }
        if (name === 'with_args')
            return null;
        const { args, kwargs, dynamic } = readArguments(node.childForFieldName('arguments'), ctx);
        return dynamic ? { name, args, kwargs, dynamicArgs: true } : { name, args, kwargs };
    }
    const name = markNameOf(node, ctx);
    return name === null ? null : { name, args: [], kwargs: {} };
}
/** Reads an expression node as a Python value; anything not literal becomes `{py: 'expr'}`. */
function readLiteral(node, ctx) {
    switch (node.type) {
        case 'integer': {
            const text = node.text;
            if (/[jJ]$/.test(text))
                return { py: 'complex', repr: `${text.slice(0, -1).replace(/_/g, '')}j` };
            const n = parseIntText(text);
            return n === null ? { py: 'expr', source: text } : intValue(n);
        }
        case 'float': {
            const text = node.text.replace(/_/g, '');
            if (/[jJ]$/.test(text))
                return { py: 'complex', repr: `${(0, pystr_js_1.pyFloatRepr)(Number(text.slice(0, -1))).replace(/\.0$/, '')}j` };
            return { py: 'float', repr: (0, pystr_js_1.pyFloatRepr)(Number(text)) };
        }
        case 'true':
            return true;
        case 'false':
            return false;
        case 'none':
            return null;
        case 'string': {
            const s = stringNodeValue(node) ?? formatted(node, ctx);
            if (s === null)
                return { py: 'expr', source: node.text };
            return s.bytes ? { py: 'bytes', value: s.value } : s.value;
        }
        case 'concatenated_string': {
            let value = '';
            let bytes = false;
            for (const part of node.namedChildren) {
                if (!part || part.type !== 'string')
                    continue;
                const s = stringNodeValue(part);
                if (s === null)
                    return { py: 'expr', source: node.text };
                value += s.value;
                bytes = s.bytes;
            }
            return bytes ? { py: 'bytes', value } : value;
        }
        case 'unary_operator': {
            const op = node.childForFieldName('operator')?.text;
            const arg = node.childForFieldName('argument');
            const inner = arg ? readLiteral(arg, ctx) : null;
            if (op === '+' && (typeof inner === 'number' || (inner && typeof inner === 'object' && (inner.py === 'float' || inner.py === 'int'))))
                return inner;
            if (op === '-') {
                if (typeof inner === 'number')
                    return inner === 0 ? 0 : -inner;
                if (inner && typeof inner === 'object' && inner.py === 'int')
                    return { py: 'int', repr: `-${inner.repr}` };
                if (inner && typeof inner === 'object' && inner.py === 'float')
                    return { py: 'float', repr: (0, pystr_js_1.pyFloatRepr)(-Number(inner.repr)) };
            }
            return { py: 'expr', source: node.text };
        }
        case 'parenthesized_expression': {
            const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
            return inner ? readLiteral(inner, ctx) : { py: 'expr', source: node.text };
        }
        case 'tuple':
        case 'list': {
            const items = [];
            for (const child of node.namedChildren) {
                if (!child || child.type === 'comment')
                    continue;
                if (child.type === 'list_splat') {
                    // `*iterable`: its items, when it is a literal sequence.
                    const inner = child.namedChildren.find((c) => c && c.type !== 'comment');
                    const spread = inner ? itemsOf(readLiteral(inner, ctx)) : null;
                    if (spread === null)
                        return { py: 'expr', source: node.text };
                    items.push(...spread);
                    continue;
                }
                items.push(readLiteral(child, ctx));
            }
            return { py: node.type, items };
        }
        case 'dictionary':
            return dictionary(node, ctx);
        case 'set': {
            const size = distinctLiterals(node, ctx);
            return size === null ? { py: 'set', repr: node.text } : { py: 'set', repr: node.text, size };
        }
        case 'identifier': {
            const name = node.text;
            const local = ctx.locals?.get(name);
            if (local !== undefined)
                return local;
            const constant = ctx.constants.get(name);
            if (constant !== undefined)
                return constant;
            if (ctx.markVariables.has(name))
                return { py: 'mark', mark: ctx.markVariables.get(name) };
            if (ctx.definedNames.has(name))
                return { py: 'name', name };
            if ((stdlib_js_1.BUILTIN_CLASSES.has(name) || stdlib_js_1.BUILTIN_FUNCTIONS.has(name)) && !ctx.assignedNames.has(name))
                return { py: 'name', name };
            return { py: 'expr', source: name };
        }
        case 'attribute': {
            const mark = readMark(node, ctx);
            if (mark)
                return { py: 'mark', mark };
            const dotted = dottedName(node);
            if (dotted === null)
                return nameOfRead(node, ctx) ?? { py: 'expr', source: node.text };
            const known = ctx.known?.get(node.text) ?? MODULE_CONSTANTS.get(importedName(dotted, ctx) ?? '');
            return known ?? { py: 'expr', source: node.text };
        }
        case 'subscript':
            return itemAt(node, ctx) ?? { py: 'expr', source: node.text };
        case 'call': {
            const mark = readMark(node, ctx);
            if (mark)
                return { py: 'mark', mark };
            const returned = ctx.known?.get(node.text);
            if (returned !== undefined)
                return returned;
            const fn = node.childForFieldName('function');
            const func = fn ? dottedName(fn) : null;
            if (func === null)
                return strFormat(node, ctx) ?? { py: 'expr', source: node.text };
            const { args, kwargs } = readArguments(node.childForFieldName('arguments'), ctx);
            const built = builtinCall(func, args, kwargs, ctx) ??
                itertoolsCall(importedName(func, ctx), args, kwargs) ??
                (0, regex_js_1.regexCall)(importedName(func, ctx), args, kwargs) ??
                dictView(func, args, kwargs, ctx);
            if (built)
                return built;
            // A new container or bare object: whatever its arguments, no __name__ and no id of its own.
            if (INSTANCE_CONSTRUCTORS.has(func) && !isShadowed(func, ctx))
                return { py: 'object', repr: node.text };
            return { py: 'call', func, args, kwargs };
        }
        case 'lambda':
            // its source is kept for `ids=lambda v: ...` (idfunctions.ts)
            return { py: 'name', name: '<lambda>', lambda: node.text };
        case 'binary_operator':
            return arithmetic(node, ctx) ?? { py: 'expr', source: node.text };
        case 'list_comprehension':
        case 'generator_expression':
            return comprehension(node, ctx) ?? { py: 'expr', source: node.text };
        case 'dictionary_comprehension': {
            // `{k: v for ...}`: its pairs as a dict display's, when its keys are str or int literals
            const pairs = comprehension(node, ctx);
            return pairs === null ? { py: 'dict', repr: node.text } : dictOfPairs(pairs.items, node.text);
        }
        default:
            return { py: 'expr', source: node.text };
    }
}
/**
 * `expr.__name__` where `expr` reads as a plain dotted name (`c[0].__name__` in a comprehension over
 * a list of classes): the dotted name's `__name__`, left for values.ts to follow to a class or function.
 */
function nameOfRead(node, ctx) {
    const object = node.childForFieldName('object');
    if (!object || node.childForFieldName('attribute')?.text !== '__name__')
        return null;
    const value = readLiteral(object, ctx);
    const source = value !== null && typeof value === 'object' ? (value.py === 'expr' ? value.source : value.py === 'name' ? value.name : null) : null;
    if (source === null || !exports.DOTTED_NAME.test(source) || ctx.locals?.has(source.split('.')[0]))
        return null;
    return { py: 'expr', source: `${source}.__name__` };
}
/** `seq[i]` of a literal list or tuple and an int literal in range: that item. */
function itemAt(node, ctx) {
    const value = node.childForFieldName('value');
    const subscripts = node.childrenForFieldName('subscript').filter((c) => c !== null && c.type !== 'comment');
    if (!value || subscripts.length !== 1)
        return null;
    const seq = readLiteral(value, ctx);
    const index = readLiteral(subscripts[0], ctx);
    if (seq === null || typeof seq !== 'object' || (seq.py !== 'list' && seq.py !== 'tuple') || typeof index !== 'number' || !Number.isInteger(index))
        return null;
    const at = index < 0 ? seq.items.length + index : index;
    return at >= 0 && at < seq.items.length ? seq.items[at] : null;
}
/** Standard-library constants the same on every Python fastest runs on (3.8 and later). */
const MODULE_CONSTANTS = new Map([['pickle.HIGHEST_PROTOCOL', 5]]);
/** `mod.attr` or an imported name as the dotted name it stands for (`product` → `itertools.product`); null if not imported. */
function importedName(dotted, ctx) {
    const dot = dotted.indexOf('.');
    const head = dot < 0 ? dotted : dotted.slice(0, dot);
    if (ctx.locals?.has(head))
        return null;
    const bound = ctx.imports?.[head];
    if (bound === undefined)
        return null;
    const rest = dot < 0 ? '' : dotted.slice(dot);
    return `${bound.replace(':', '.')}${rest}`;
}
/** `itertools.product` of literal sequences (with `repeat=`), as the list of tuples it yields. */
function itertoolsCall(func, args, kwargs) {
    if (func !== 'itertools.product' || args.some(isDynamic))
        return null;
    const repeat = kwargs.repeat ?? 1;
    if (Object.keys(kwargs).some((k) => k !== 'repeat') || typeof repeat !== 'number' || !Number.isInteger(repeat) || repeat < 0)
        return null;
    const pools = [];
    for (const arg of args) {
        const items = itemsOf(arg);
        if (items === null)
            return null;
        pools.push(items);
    }
    let result = [[]];
    for (let r = 0; r < repeat; r++) {
        for (const pool of pools) {
            if (result.length * pool.length > MAX_EXPANDED)
                return null;
            result = result.flatMap((prefix) => pool.map((item) => [...prefix, item]));
        }
    }
    return { py: 'list', items: result.map((items) => ({ py: 'tuple', items })) };
}
/** Python's `repr()` of a str; null beyond ASCII (which of those Python prints as is needs unicodedata). */
function pyStrRepr(value) {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    let out = quote;
    for (const ch of value) {
        const code = ch.codePointAt(0);
        if (ch === quote || ch === '\\')
            out += `\\${ch}`;
        else if (ch === '\n')
            out += '\\n';
        else if (ch === '\r')
            out += '\\r';
        else if (ch === '\t')
            out += '\\t';
        else if (code < 0x20 || code === 0x7f)
            out += `\\x${code.toString(16).padStart(2, '0')}`;
        else if (code >= 0x80)
            return null;
        else
            out += ch;
    }
    return out + quote;
}
/** `"{} {!r}".format(a, *b)` on a literal template whose fields are plain, numbered or `!r`/`!s` only. */
function strFormat(node, ctx) {
    const fn = node.childForFieldName('function');
    const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
    if (!fn || !object || fn.childForFieldName('attribute')?.text !== 'format' || (object.type !== 'string' && object.type !== 'concatenated_string'))
        return null;
    const template = readLiteral(object, ctx);
    if (typeof template !== 'string')
        return null;
    const args = [];
    for (const child of node.childForFieldName('arguments')?.namedChildren ?? []) {
        if (!child || child.type === 'comment')
            continue;
        if (child.type === 'keyword_argument' || child.type === 'dictionary_splat')
            return null;
        if (child.type === 'list_splat') {
            const inner = child.namedChildren.find((c) => c && c.type !== 'comment');
            const spread = inner ? itemsOf(readLiteral(inner, ctx)) : null;
            if (spread === null)
                return null;
            args.push(...spread);
        }
        else
            args.push(readLiteral(child, ctx));
    }
    let out = '';
    let auto = 0;
    let numbered = null;
    const re = /\{\{|\}\}|\{([0-9]*)(?:!([rs]))?\}|[{}]/g;
    let last = 0;
    for (let m = re.exec(template); m !== null; m = re.exec(template)) {
        out += template.slice(last, m.index);
        last = m.index + m[0].length;
        if (m[0] === '{{' || m[0] === '}}') {
            out += m[0][0];
            continue;
        }
        if (m[0] === '{' || m[0] === '}')
            return null; // a field this reader does not handle
        const manual = m[1] !== '';
        if (numbered !== null && numbered !== manual)
            return null; // Python refuses the mix
        numbered = manual;
        const value = args[manual ? Number(m[1]) : auto++];
        if (value === undefined)
            return null;
        const text = m[2] === 'r' ? (typeof value === 'string' ? pyStrRepr(value) : strOf(value)) : strOf(value);
        if (text === null)
            return null;
        out += text;
    }
    return out + template.slice(last);
}
const INSTANCE_CONSTRUCTORS = new Set(['object', 'dict', 'list', 'tuple', 'set', 'frozenset', 'bytearray']);
/** Longest sequence a builtin call or comprehension is expanded into (beyond it: not literal). */
const MAX_EXPANDED = 10000;
/** The items of an iterable value: a list, tuple or str. */
function itemsOf(value) {
    if (typeof value === 'string')
        return [...value];
    if (value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple'))
        return value.items;
    if (value !== null && typeof value === 'object' && value.py === 'dict' && value.keys)
        return value.keys; // a dict iterates its keys
    return null;
}
/**
 * A dict display; its keys and values kept (in insertion order, a repeated key keeping its first
 * place and its last value) when every key is a str or int literal, so that iterating it,
 * `.keys()`, `.values()` and `.items()` are known.
 */
function dictionary(node, ctx) {
    const pairs = [];
    for (const pair of node.namedChildren) {
        if (!pair || pair.type === 'comment')
            continue;
        const keyNode = pair.type === 'pair' ? pair.childForFieldName('key') : null;
        const valueNode = pair.type === 'pair' ? pair.childForFieldName('value') : null;
        if (!keyNode || !valueNode)
            return { py: 'dict', repr: node.text }; // `**other`
        pairs.push({ py: 'tuple', items: [readLiteral(keyNode, ctx), readLiteral(valueNode, ctx)] });
    }
    return dictOfPairs(pairs, node.text);
}
/** The dict of (key, value) pairs in order, as dictionary() keeps it; unknown keys when one is no str or int literal. */
function dictOfPairs(pairs, repr) {
    const keys = [];
    const values = [];
    const at = new Map();
    for (const pair of pairs) {
        if (pair === null || typeof pair !== 'object' || pair.py !== 'tuple' || pair.items.length !== 2)
            return { py: 'dict', repr };
        const [key, value] = pair.items;
        if (typeof key !== 'string' && !(typeof key === 'number' && Number.isInteger(key)))
            return { py: 'dict', repr };
        const slot = `${typeof key}:${key}`;
        const index = at.get(slot);
        if (index !== undefined)
            values[index] = value;
        else {
            at.set(slot, keys.length);
            keys.push(key);
            values.push(value);
        }
    }
    return { py: 'dict', repr, keys, values };
}
/** `d.keys()`, `d.values()`, `d.items()` of a dict whose keys are known, as the list they iterate. */
function dictView(func, args, kwargs, ctx) {
    const m = /^([A-Za-z_]\w*)\.(keys|values|items)$/.exec(func);
    if (!m || args.length > 0 || Object.keys(kwargs).length > 0)
        return null;
    const dict = ctx.locals?.get(m[1]) ?? ctx.constants.get(m[1]);
    if (dict === null || typeof dict !== 'object' || dict.py !== 'dict' || !dict.keys || !dict.values)
        return null;
    const { keys, values } = dict;
    if (m[2] === 'keys')
        return { py: 'list', items: keys };
    if (m[2] === 'values')
        return { py: 'list', items: values };
    return { py: 'list', items: keys.map((key, i) => ({ py: 'tuple', items: [key, values[i]] })) };
}
function isShadowed(name, ctx) {
    return ctx.assignedNames.has(name) || ctx.definedNames.has(name) || ctx.locals?.has(name) === true;
}
/**
 * `range`, `enumerate`, `zip`, `list`, `tuple` of literal arguments, as the list pytest iterates.
 * A range object, an enumerate or zip object and a list all give `argname` + index as an id
 * when they are a parameter's value, so the list stands for them there too.
 */
function builtinCall(func, args, kwargs, ctx) {
    if (!['range', 'enumerate', 'zip', 'list', 'tuple'].includes(func) || isShadowed(func, ctx))
        return null;
    if (args.some(isDynamic) || Object.values(kwargs).some(isDynamic))
        return null;
    const list = (items) => ({ py: func === 'tuple' ? 'tuple' : 'list', items });
    if (func === 'range') {
        if (Object.keys(kwargs).length > 0 || args.length < 1 || args.length > 3 || !args.every((a) => typeof a === 'number' && Number.isInteger(a)))
            return null;
        const [start, stop, step] = args.length === 1 ? [0, args[0], 1] : [args[0], args[1], args[2] ?? 1];
        if (step === 0)
            return null;
        const count = Math.max(0, Math.ceil((stop - start) / step));
        if (count > MAX_EXPANDED)
            return null;
        return list(Array.from({ length: count }, (_, i) => start + i * step));
    }
    if (func === 'enumerate') {
        const items = args.length >= 1 ? itemsOf(args[0]) : null;
        const start = args[1] ?? kwargs.start ?? 0;
        if (items === null || args.length > 2 || typeof start !== 'number')
            return null;
        return list(items.map((item, i) => ({ py: 'tuple', items: [start + i, item] })));
    }
    if (func === 'zip') {
        if (Object.keys(kwargs).length > 0)
            return null;
        const lists = args.map(itemsOf);
        if (lists.some((l) => l === null))
            return null;
        const length = lists.length === 0 ? 0 : Math.min(...lists.map((l) => l.length));
        return list(Array.from({ length }, (_, i) => ({ py: 'tuple', items: lists.map((l) => l[i]) })));
    }
    if (Object.keys(kwargs).length > 0 || args.length > 1)
        return null;
    const items = args.length === 0 ? [] : itemsOf(args[0]);
    return items === null ? null : list(items);
}
/** Binds a `for` target (a name or a tuple of names) to one item; false when it can't be. */
function bindTarget(target, value, locals) {
    if (target.type === 'identifier') {
        locals.set(target.text, value);
        return true;
    }
    if (target.type === 'pattern_list' ||
        target.type === 'tuple_pattern' ||
        target.type === 'tuple' ||
        target.type === 'list_pattern' ||
        target.type === 'parenthesized_expression') {
        const names = target.namedChildren.filter((c) => c !== null && c.type !== 'comment');
        const items = itemsOf(value);
        if (target.type === 'parenthesized_expression')
            return names.length === 1 && bindTarget(names[0], value, locals);
        if (items === null || items.length !== names.length)
            return false;
        return names.every((name, i) => bindTarget(name, items[i], locals));
    }
    return false;
}
/** How many distinct elements a set display of str literals only (or int literals only) has; null otherwise. */
function distinctLiterals(node, ctx) {
    const values = [];
    for (const child of node.namedChildren) {
        if (!child || child.type === 'comment')
            continue;
        if (child.type === 'list_splat')
            return null;
        values.push(readLiteral(child, ctx));
    }
    const allStr = values.every((v) => typeof v === 'string');
    const allInt = values.every((v) => typeof v === 'number' && Number.isSafeInteger(v));
    if (values.length === 0 || (!allStr && !allInt))
        return null;
    return new Set(values).size;
}
/**
 * A set's elements come out in hash order (random for str), so a comprehension over a set may only
 * make values whose id does not depend on the element: its loop variable is bound to this opaque
 * value, which any id-carrying use leaves unreadable (`{x}` is a set: argname + index, fine; `x` or
 * `f"{x}"` is not).
 */
const SET_ELEMENT = { py: 'expr', source: '<an element of a set>' };
/** What a comprehension's `for` clause iterates: a sequence's items, or opaque elements of a set of known size. */
function iterated(value) {
    if (value !== null && typeof value === 'object' && value.py === 'set' && value.size !== undefined)
        return Array.from({ length: value.size }, () => SET_ELEMENT);
    return itemsOf(value);
}
/** `a == b`, `a != b`, `a in (...)`, `a not in [...]` of str, int and None literals, `not`, `and`, `or`: its truth, or null. */
function truthOf(node, ctx) {
    if (node.type === 'parenthesized_expression') {
        const inner = node.namedChildren.filter((c) => c !== null && c.type !== 'comment');
        return inner.length === 1 ? truthOf(inner[0], ctx) : null;
    }
    if (node.type === 'not_operator') {
        const arg = node.childForFieldName('argument');
        const truth = arg ? truthOf(arg, ctx) : null;
        return truth === null ? null : !truth;
    }
    if (node.type === 'boolean_operator') {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const a = left ? truthOf(left, ctx) : null;
        const b = right ? truthOf(right, ctx) : null;
        if (a === null || b === null)
            return null;
        return node.childForFieldName('operator')?.text === 'and' ? a && b : a || b;
    }
    if (node.type !== 'comparison_operator')
        return null;
    const operands = node.namedChildren.filter((c) => c !== null && c.type !== 'comment');
    const operators = node.children.filter((c) => c !== null && !c.isNamed).map((c) => c.text);
    const op = operators.join(' ');
    if (operands.length !== 2 || !['==', '!=', 'in', 'not in'].includes(op))
        return null;
    const a = readLiteral(operands[0], ctx);
    const b = readLiteral(operands[1], ctx);
    // equal, unequal, or unsure (True == 1, 1 == 1.0, objects)
    const equal = (x, y) => {
        const plain = (v) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
        return plain(x) && plain(y) ? x === y : null;
    };
    if (op === '==' || op === '!=') {
        const same = equal(a, b);
        return same === null ? null : op === '==' ? same : !same;
    }
    const items = b !== null && typeof b === 'object' && (b.py === 'list' || b.py === 'tuple') ? b.items : null;
    if (items === null)
        return null;
    let found = false;
    for (const item of items) {
        const same = equal(a, item);
        if (same === null)
            return null;
        found ||= same;
    }
    return op === 'in' ? found : !found;
}
/** A comprehension's element: a value, or a dict comprehension's `key: value` as a pair. */
function readElement(body, ctx) {
    if (body.type !== 'pair')
        return readLiteral(body, ctx);
    const key = body.childForFieldName('key');
    const value = body.childForFieldName('value');
    return key && value ? { py: 'tuple', items: [readLiteral(key, ctx), readLiteral(value, ctx)] } : { py: 'expr', source: body.text };
}
/** `[body for x in literal ... if condition]`: the list of its elements (a dict comprehension's: pairs), or null. */
function comprehension(node, ctx) {
    const body = node.childForFieldName('body');
    const clauses = node.namedChildren.filter((c) => c !== null && c.type !== 'comment' && c !== body && c.startIndex !== body?.startIndex);
    if (!body || clauses.length === 0 || clauses[0].type !== 'for_in_clause' || clauses.some((c) => c.type !== 'for_in_clause' && c.type !== 'if_clause'))
        return null;
    // A filtered comprehension inside another one is not evaluated: the product of the two is mostly
    // built to be thrown away (packaging's pairs of VERSIONS `if i != j`: 500 ms of parsing).
    if (ctx.locals && ctx.locals.size > 0 && clauses.some((c) => c.type === 'if_clause'))
        return null;
    const out = [];
    const outer = ctx.locals;
    const walk = (depth, locals) => {
        if (depth < clauses.length && clauses[depth].type === 'if_clause') {
            const condition = clauses[depth].namedChildren.find((c) => c !== null && c.type !== 'comment');
            const truth = condition ? truthOf(condition, { ...ctx, locals }) : null;
            if (truth === null)
                return false;
            return truth ? walk(depth + 1, locals) : true;
        }
        if (depth === clauses.length) {
            const value = readElement(body, { ...ctx, locals });
            if (hasUnreadablePart(value, locals))
                return false;
            out.push(value);
            return out.length <= MAX_EXPANDED;
        }
        const clause = clauses[depth];
        const target = clause.childForFieldName('left');
        const iterable = clause.childForFieldName('right');
        if (!target || !iterable || clause.childrenForFieldName('right').length !== 1)
            return false;
        const items = iterated(readLiteral(iterable, { ...ctx, locals }));
        if (items === null)
            return false;
        for (const item of items) {
            const inner = new Map(locals);
            if (!bindTarget(target, item, inner) || !walk(depth + 1, inner))
                return false;
        }
        return true;
    };
    return walk(0, new Map(outer ?? [])) ? { py: 'list', items: out } : null;
}
/** `str()` of a value whose text is certain: str, int, bool, None. */
function strOf(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number')
        return Number.isInteger(value) ? String(value) : null;
    if (typeof value === 'boolean')
        return value ? 'True' : 'False';
    if (value === null)
        return 'None';
    if (typeof value === 'object' && value.py === 'int')
        return value.repr;
    return null;
}
/** An f-string whose fields are plain names of str, int or bool values: its text. */
function formatted(node, ctx) {
    if (!/^[fF][rR]?["']|^[rR][fF]["']/.test(node.text))
        return null;
    const raw = /^[a-zA-Z]*[rR]/.test(node.text);
    let out = '';
    for (const part of node.namedChildren) {
        if (!part)
            continue;
        if (part.type === 'string_content') {
            const text = part.text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
            // escapes in the literal parts, as in any str literal (`\N{...}` needs unicodedata: not read)
            const decoded = raw || !text.includes('\\') ? text : /\\[{}]/.test(part.text) ? null : decodeEscapes(text, false);
            if (decoded === null)
                return null;
            out += decoded;
        }
        else if (part.type === 'interpolation') {
            const parts = part.namedChildren.filter((c) => c !== null);
            if (parts.length !== 1)
                return null; // a conversion or format spec
            const value = strOf(readLiteral(parts[0], ctx));
            if (value === null)
                return null;
            out += value;
        }
        else if (part.type === 'escape_interpolation') {
            out += part.text[0];
        }
        else if (part.type === 'escape_sequence') {
            const decoded = raw ? null : decodeEscapes(part.text, false);
            if (decoded === null)
                return null;
            out += decoded;
        }
    }
    return { value: out, bytes: false };
}
/** Longest str or bytes a repetition is computed to (a longer one stays an expression). */
const MAX_REPEATED = 4096;
/**
 * `a + b`, `a - b`, `a * b`, `a // b`, `a % b`, `a ** b` of ints, `+` of strs or bytes, and `*` of a
 * str or bytes by an int: what Python computes.
 */
function arithmetic(node, ctx) {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const op = node.childForFieldName('operator')?.text;
    if (!left || !right || !op)
        return null;
    const a = readLiteral(left, ctx);
    const b = readLiteral(right, ctx);
    if (typeof a === 'string' && typeof b === 'string')
        return op === '+' ? a + b : null;
    const bytesOf = (v) => (v !== null && typeof v === 'object' && v.py === 'bytes' ? v.value : null);
    if (op === '+' && bytesOf(a) !== null && bytesOf(b) !== null)
        return { py: 'bytes', value: bytesOf(a) + bytesOf(b) };
    if (op === '*') {
        // a sequence repeated: `"x" * 3`, `3 * b"ab"` (not to an empty one)
        const [text, count] = typeof b === 'number' ? [a, b] : [b, a];
        const repeated = typeof text === 'string' ? text : bytesOf(text);
        if (repeated !== null && typeof count === 'number' && Number.isInteger(count)) {
            if (count < 1 || repeated.length * count > MAX_REPEATED)
                return null;
            const value = repeated.repeat(count);
            return typeof text === 'string' ? value : { py: 'bytes', value };
        }
    }
    if (op === '+' && a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && a.py === b.py && (a.py === 'list' || a.py === 'tuple')) {
        return { py: a.py, items: [...a.items, ...b.items] };
    }
    if (typeof a !== 'number' || typeof b !== 'number' || !Number.isInteger(a) || !Number.isInteger(b))
        return null;
    let result;
    if (op === '+')
        result = a + b;
    else if (op === '-')
        result = a - b;
    else if (op === '*')
        result = a * b;
    else if (op === '//' && b !== 0)
        result = Math.floor(a / b);
    else if (op === '%' && b !== 0)
        result = a - b * Math.floor(a / b);
    else if (op === '**' && b >= 0)
        result = a ** b;
    else
        return null;
    return Number.isSafeInteger(result) ? result : null;
}


/***/ }),

/***/ 637:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.reEscape = reEscape;
exports.regexCall = regexCall;
exports.compilesInPython = compilesInPython;
/** What `re.escape` (Python 3.7 and later) escapes in a str: each of these gets a backslash. */
const RE_SPECIAL = new Set([...'()[]{}?*+-|^$\\.&~# \t\n\r\v\f']);
/** Python's `re.escape(s)` of a str. */
function reEscape(text) {
    let out = '';
    for (const ch of text)
        out += RE_SPECIAL.has(ch) ? `\\${ch}` : ch;
    return out;
}
/** `re.compile(str)` (no flags) and `re.escape(str)`, `func` the imported name they stand for. */
function regexCall(func, args, kwargs) {
    if ((func !== 're.compile' && func !== 're.escape') || args.length !== 1 || Object.keys(kwargs).length > 0 || typeof args[0] !== 'string')
        return null;
    if (func === 're.escape')
        return reEscape(args[0]);
    return compilesInPython(args[0]) ? { py: 'pattern', pattern: args[0] } : null;
}
/** Escapes of a letter Python knows outside a character class (`\A`, `\b`, `\B`, `\Z` are anchors). */
const KNOWN_ESCAPES = new Set([...'dDsSwWabfnrtvAbBZ']);
const ANCHOR_ESCAPES = new Set([...'AbBZ']);
/** Inside a class: categories and character escapes only (`\b` is a backspace there). */
const CLASS_ESCAPES = new Set([...'dDsSwWabfnrtv']);
const CLASS_CATEGORIES = new Set([...'dDsSwW']);
const MAX_REPEAT = 65535;
/**
 * Whether Python's `re.compile` surely accepts the pattern: literals, `.`, `^`, `$`, `|`, `(...)`,
 * `(?:...)`, classes with ascending ranges, known escapes, `\xhh`, and `* + ? {m} {m,} {m,n}` (maybe
 * lazy) after something repeatable. Anything else (other group kinds, backreferences, `\u`,
 * `{,n}`, what Python warns about in a class) answers false: the value stays unknown.
 */
function compilesInPython(pattern) {
    const chars = [...pattern];
    let depth = 0;
    let repeatable = false;
    let i = 0;
    const escapeAt = (at, inClass) => {
        // the length of a valid escape at `at` (a backslash), or null
        const next = chars[at + 1];
        if (next === undefined)
            return null;
        if (/[0-9]/.test(next))
            return null;
        if (next === 'x')
            return /^[0-9a-fA-F]{2}$/.test((chars[at + 2] ?? '') + (chars[at + 3] ?? '')) ? 4 : null;
        if (/[A-Za-z]/.test(next))
            return (inClass ? CLASS_ESCAPES : KNOWN_ESCAPES).has(next) ? 2 : null;
        return 2;
    };
    while (i < chars.length) {
        const c = chars[i];
        if (c === '\\') {
            const length = escapeAt(i, false);
            if (length === null)
                return false;
            repeatable = !ANCHOR_ESCAPES.has(chars[i + 1]);
            i += length;
        }
        else if (c === '[') {
            const end = classEnd(chars, i, escapeAt);
            if (end === null)
                return false;
            repeatable = true;
            i = end;
        }
        else if (c === '(') {
            if (chars[i + 1] === '?') {
                if (chars[i + 2] !== ':')
                    return false;
                i += 2;
            }
            depth++;
            repeatable = false;
            i++;
        }
        else if (c === ')') {
            if (--depth < 0)
                return false;
            repeatable = true;
            i++;
        }
        else if (c === '|' || c === '^' || c === '$') {
            repeatable = false;
            i++;
        }
        else if (c === '*' || c === '+' || c === '?' || c === '{') {
            let length = 1;
            if (c === '{') {
                const m = /^\{(\d+)(,(\d*))?\}/.exec(chars.slice(i, i + 16).join(''));
                if (!m) {
                    // `{` not followed by a digit or comma is a literal (Python reads it back as one)
                    if (/[0-9,]/.test(chars[i + 1] ?? ''))
                        return false;
                    repeatable = true;
                    i++;
                    continue;
                }
                const min = Number(m[1]);
                const max = m[2] === undefined ? min : m[3] === '' ? min : Number(m[3]);
                if (min > MAX_REPEAT || max > MAX_REPEAT || min > max)
                    return false;
                length = m[0].length;
            }
            if (!repeatable)
                return false;
            i += length;
            if (chars[i] === '?')
                i++; // lazy
            repeatable = false; // a repeat of a repeat is an error ("multiple repeat")
        }
        else {
            repeatable = true;
            i++;
        }
    }
    return depth === 0;
}
/** Where a character class starting at `start` (`[`) ends (the index after `]`), when Python accepts it without a warning. */
function classEnd(chars, start, escapeAt) {
    let i = start + 1;
    if (chars[i] === '^')
        i++;
    let first = true;
    let previous = null; // the last single character, a range's possible start
    while (i < chars.length) {
        const c = chars[i];
        if (c === ']' && !first)
            return i + 1;
        first = false;
        // what Python 3.7+ warns about as a possible nested set or set operation
        if (c === '[' || ((c === '-' || c === '&' || c === '~' || c === '|') && chars[i + 1] === c))
            return null;
        let single;
        let length;
        if (c === '\\') {
            const l = escapeAt(i, true);
            if (l === null)
                return null;
            const next = chars[i + 1];
            single = CLASS_CATEGORIES.has(next)
                ? null
                : next === 'x'
                    ? String.fromCodePoint(parseInt(chars.slice(i + 2, i + 4).join(''), 16))
                    : /[a-z]/.test(next)
                        ? null
                        : next;
            length = l;
        }
        else {
            single = c;
            length = 1;
        }
        if (c === '-' && previous !== null && chars[i + 1] !== ']' && chars[i + 1] !== undefined) {
            // a range: both ends single characters, ascending
            const hi = chars[i + 1];
            if (hi === '\\' || hi === '[')
                return null;
            if (hi.codePointAt(0) < previous.codePointAt(0))
                return null;
            previous = null;
            i += 2;
            continue;
        }
        if (c === '-' && previous === null && i !== start + 1 && !(chars[start + 1] === '^' && i === start + 2) && chars[i + 1] !== ']')
            return null;
        previous = single;
        i += length;
    }
    return null;
}


/***/ }),

/***/ 780:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PLAIN_BUILTIN_CLASSES = exports.BUILTIN_FUNCTIONS = exports.BUILTIN_CLASSES = exports.STDLIB_MODULES = void 0;
// Top-level modules of Python's standard library (sys.stdlib_module_names of 3.11, without the
// private ones and without unittest, doctest and test, whose classes may be TestCases). A class
// from any of these is not a test class and brings no tests into a class that derives from it.
exports.STDLIB_MODULES = new Set(`abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii
bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections
colorsys compileall concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes
curses dataclasses datetime dbm decimal difflib dis distutils email encodings ensurepip enum errno
faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt
getpass gettext glob graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp
importlib inspect io ipaddress itertools json keyword lib2to3 linecache locale logging lzma mailbox
mailcap marshal math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt
ntpath nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools
pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile
pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy
sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket
socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep
struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios
textwrap this threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty
turtle turtledemo types typing unicodedata urllib uu uuid venv warnings wave weakref webbrowser
winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo`.split(/\s+/));
/** Python's builtin classes (types, exceptions, warnings): a module names them without importing. */
exports.BUILTIN_CLASSES = new Set([
    'object',
    'int',
    'float',
    'complex',
    'str',
    'bytes',
    'bytearray',
    'bool',
    'list',
    'tuple',
    'dict',
    'set',
    'frozenset',
    'type',
    'BaseException',
    'Exception',
    'ArithmeticError',
    'AssertionError',
    'AttributeError',
    'BufferError',
    'EOFError',
    'ImportError',
    'LookupError',
    'IndexError',
    'KeyError',
    'MemoryError',
    'NameError',
    'OSError',
    'IOError',
    'EnvironmentError',
    'ReferenceError',
    'RuntimeError',
    'NotImplementedError',
    'RecursionError',
    'StopIteration',
    'StopAsyncIteration',
    'SyntaxError',
    'SystemError',
    'TypeError',
    'ValueError',
    'UnicodeError',
    'UnicodeDecodeError',
    'UnicodeEncodeError',
    'ZeroDivisionError',
    'OverflowError',
    'FileNotFoundError',
    'FileExistsError',
    'PermissionError',
    'TimeoutError',
    'ConnectionError',
    'ModuleNotFoundError',
    'Warning',
    'UserWarning',
    'DeprecationWarning',
    'PendingDeprecationWarning',
    'RuntimeWarning',
    'FutureWarning',
    'ImportWarning',
    'UnicodeWarning',
    'BytesWarning',
    'ResourceWarning',
    'SyntaxWarning',
    'EncodingWarning',
    'KeyboardInterrupt',
    'SystemExit',
    'range',
    'slice',
    'memoryview',
    'GeneratorExit',
    'IsADirectoryError',
    'NotADirectoryError',
    'UnboundLocalError',
    'TabError',
    'IndentationError',
    'UnicodeTranslateError',
    'BrokenPipeError',
    'ChildProcessError',
    'ConnectionAbortedError',
    'ConnectionRefusedError',
    'ConnectionResetError',
    'BlockingIOError',
    'InterruptedError',
    'ProcessLookupError',
    'enumerate',
    'zip',
    'map',
    'filter',
    'reversed',
    'property',
    'staticmethod',
    'classmethod',
    'super',
]);
/** Builtin functions: a name for one is the function, whose `__name__` is that name. */
exports.BUILTIN_FUNCTIONS = new Set([
    'len',
    'repr',
    'print',
    'sorted',
    'min',
    'max',
    'sum',
    'abs',
    'all',
    'any',
    'callable',
    'iter',
    'next',
    'hash',
    'id',
    'format',
    'ord',
    'chr',
    'isinstance',
    'issubclass',
    'getattr',
    'setattr',
    'hasattr',
    'vars',
    'dir',
    'round',
    'divmod',
    'pow',
    'hex',
    'oct',
    'bin',
    'ascii',
    'open',
    'input',
]);
/** Builtin classes whose instances pytest shows by value (numbers, strings), that cannot be
 * subclassed, or whose instances may carry a `__name__` (wrappers, iterators): never plain. */
const NOT_PLAIN_BUILTINS = new Set([
    'int',
    'float',
    'complex',
    'str',
    'bytes',
    'bool',
    'type',
    'range',
    'slice',
    'memoryview',
    'enumerate',
    'zip',
    'map',
    'filter',
    'reversed',
    'property',
    'staticmethod',
    'classmethod',
    'super',
]);
/** Builtin classes a plain class may derive from: an instance has no `__name__` and is no str or number. */
exports.PLAIN_BUILTIN_CLASSES = new Set([...exports.BUILTIN_CLASSES].filter((name) => !NOT_PLAIN_BUILTINS.has(name)));


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

/***/ 98:
/***/ ((__unused_webpack_module, exports) => {


// The parts of a pytest node id, `path::Class::name[parameters]`, for every stage. Class and
// function names are Python identifiers, so the parameters start at the first `[` after the path;
// they may hold `::` and `[` themselves (`t.py::test[a::b]`), and a path may hold `[`.
// Node-id *arguments* on the command line are resolved in select/nodeid.ts.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.paramStart = paramStart;
exports.baseId = baseId;
exports.pathContains = pathContains;
exports.pathOfId = pathOfId;
exports.containerIds = containerIds;
exports.coveringIds = coveringIds;
/** Where the parameters start (their `[`), or -1 when the id has none. */
function paramStart(id) {
    const afterPath = id.indexOf('::');
    return afterPath < 0 ? -1 : id.indexOf('[', afterPath);
}
/** The id without its parameters: `t.py::test[a::b]` -> `t.py::test`. */
function baseId(id) {
    const bracket = paramStart(id);
    return bracket < 0 ? id : id.slice(0, bracket);
}
/** Whether the rootdir-relative `path` (a file) is the collector `dir` or lies below it ('' is the rootdir). */
function pathContains(dir, path) {
    return dir === '' || path === dir || path.startsWith(`${dir}/`);
}
/** The module path: `a/t.py::C::test[1]` -> `a/t.py`. */
function pathOfId(id) {
    const sep = id.indexOf('::');
    return sep < 0 ? id : id.slice(0, sep);
}
/**
 * The collectors that contain the item, innermost first: `t.py::C::test[a::b]` -> `t.py::C`,
 * `t.py`. Cut at the last `::` outside the parameters.
 */
function containerIds(id) {
    const out = [];
    let prefix = baseId(id);
    for (let cut = prefix.lastIndexOf('::'); cut > 0; cut = prefix.lastIndexOf('::')) {
        prefix = prefix.slice(0, cut);
        out.push(prefix);
    }
    return out;
}
/** The id, its id without parameters, and its containers: every id a plan may list for it. */
function coveringIds(id) {
    const base = baseId(id);
    return base === id ? [id, ...containerIds(id)] : [id, base, ...containerIds(id)];
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

/***/ 896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("fs");

/***/ }),

/***/ 943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("fs/promises");

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

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:path");

/***/ }),

/***/ 136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:url");

/***/ }),

/***/ 919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:worker_threads");

/***/ }),

/***/ 551:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {


var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name2 in all)
    __defProp(target, name2, { get: all[name2], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// lib/web-tree-sitter.cjs
var require_web_tree_sitter = __commonJS({
  "lib/web-tree-sitter.cjs"(exports, module) {
    "use strict";
    var Module = (() => {
      var _scriptName = typeof document != "undefined" ? document.currentScript?.src : void 0;
      return async function(moduleArg = {}) {
        var moduleRtn;
        var Module = moduleArg;
        var ENVIRONMENT_IS_WEB = typeof window == "object";
        var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
        var ENVIRONMENT_IS_NODE = typeof process == "object" && process.versions?.node && process.type != "renderer";
        Module.currentQueryProgressCallback = null;
        Module.currentProgressCallback = null;
        Module.currentLogCallback = null;
        Module.currentParseCallback = null;
        var arguments_ = [];
        var thisProgram = "./this.program";
        var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
          throw toThrow;
        }, "quit_");
        if (typeof __filename != "undefined") {
          _scriptName = __filename;
        } else if (ENVIRONMENT_IS_WORKER) {
          _scriptName = self.location.href;
        }
        var scriptDirectory = "";
        function locateFile(path) {
          if (Module["locateFile"]) {
            return Module["locateFile"](path, scriptDirectory);
          }
          return scriptDirectory + path;
        }
        __name(locateFile, "locateFile");
        var readAsync, readBinary;
        if (ENVIRONMENT_IS_NODE) {
          var fs = __nccwpck_require__(896);
          scriptDirectory = __dirname + "/";
          readBinary = /* @__PURE__ */ __name((filename) => {
            filename = isFileURI(filename) ? new URL(filename) : filename;
            var ret = fs.readFileSync(filename);
            return ret;
          }, "readBinary");
          readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
            filename = isFileURI(filename) ? new URL(filename) : filename;
            var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
            return ret;
          }, "readAsync");
          if (process.argv.length > 1) {
            thisProgram = process.argv[1].replace(/\\/g, "/");
          }
          arguments_ = process.argv.slice(2);
          quit_ = /* @__PURE__ */ __name((status, toThrow) => {
            process.exitCode = status;
            throw toThrow;
          }, "quit_");
        } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
          try {
            scriptDirectory = new URL(".", _scriptName).href;
          } catch {
          }
          {
            if (ENVIRONMENT_IS_WORKER) {
              readBinary = /* @__PURE__ */ __name((url) => {
                var xhr = new XMLHttpRequest();
                xhr.open("GET", url, false);
                xhr.responseType = "arraybuffer";
                xhr.send(null);
                return new Uint8Array(
                  /** @type{!ArrayBuffer} */
                  xhr.response
                );
              }, "readBinary");
            }
            readAsync = /* @__PURE__ */ __name(async (url) => {
              if (isFileURI(url)) {
                return new Promise((resolve, reject) => {
                  var xhr = new XMLHttpRequest();
                  xhr.open("GET", url, true);
                  xhr.responseType = "arraybuffer";
                  xhr.onload = () => {
                    if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                      resolve(xhr.response);
                      return;
                    }
                    reject(xhr.status);
                  };
                  xhr.onerror = reject;
                  xhr.send(null);
                });
              }
              var response = await fetch(url, {
                credentials: "same-origin"
              });
              if (response.ok) {
                return response.arrayBuffer();
              }
              throw new Error(response.status + " : " + response.url);
            }, "readAsync");
          }
        } else {
        }
        var out = console.log.bind(console);
        var err = console.error.bind(console);
        var dynamicLibraries = [];
        var wasmBinary;
        var ABORT = false;
        var EXITSTATUS;
        var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
        var readyPromiseResolve, readyPromiseReject;
        var wasmMemory;
        var HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAPF64;
        var HEAP64, HEAPU64;
        var HEAP_DATA_VIEW;
        var runtimeInitialized = false;
        function updateMemoryViews() {
          var b = wasmMemory.buffer;
          Module["HEAP8"] = HEAP8 = new Int8Array(b);
          Module["HEAP16"] = HEAP16 = new Int16Array(b);
          Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
          Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
          Module["HEAP32"] = HEAP32 = new Int32Array(b);
          Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
          Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
          Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
          Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
          Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
          Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
          LE_HEAP_UPDATE();
        }
        __name(updateMemoryViews, "updateMemoryViews");
        function initMemory() {
          if (Module["wasmMemory"]) {
            wasmMemory = Module["wasmMemory"];
          } else {
            var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
            wasmMemory = new WebAssembly.Memory({
              "initial": INITIAL_MEMORY / 65536,
              // In theory we should not need to emit the maximum if we want "unlimited"
              // or 4GB of memory, but VMs error on that atm, see
              // https://github.com/emscripten-core/emscripten/issues/14130
              // And in the pthreads case we definitely need to emit a maximum. So
              // always emit one.
              "maximum": 32768
            });
          }
          updateMemoryViews();
        }
        __name(initMemory, "initMemory");
        var __RELOC_FUNCS__ = [];
        function preRun() {
          if (Module["preRun"]) {
            if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
            while (Module["preRun"].length) {
              addOnPreRun(Module["preRun"].shift());
            }
          }
          callRuntimeCallbacks(onPreRuns);
        }
        __name(preRun, "preRun");
        function initRuntime() {
          runtimeInitialized = true;
          callRuntimeCallbacks(__RELOC_FUNCS__);
          wasmExports["__wasm_call_ctors"]();
          callRuntimeCallbacks(onPostCtors);
        }
        __name(initRuntime, "initRuntime");
        function preMain() {
        }
        __name(preMain, "preMain");
        function postRun() {
          if (Module["postRun"]) {
            if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
            while (Module["postRun"].length) {
              addOnPostRun(Module["postRun"].shift());
            }
          }
          callRuntimeCallbacks(onPostRuns);
        }
        __name(postRun, "postRun");
        function abort(what) {
          Module["onAbort"]?.(what);
          what = "Aborted(" + what + ")";
          err(what);
          ABORT = true;
          what += ". Build with -sASSERTIONS for more info.";
          var e = new WebAssembly.RuntimeError(what);
          readyPromiseReject?.(e);
          throw e;
        }
        __name(abort, "abort");
        var wasmBinaryFile;
        function findWasmBinary() {
          return locateFile("web-tree-sitter.wasm");
        }
        __name(findWasmBinary, "findWasmBinary");
        function getBinarySync(file) {
          if (file == wasmBinaryFile && wasmBinary) {
            return new Uint8Array(wasmBinary);
          }
          if (readBinary) {
            return readBinary(file);
          }
          throw "both async and sync fetching of the wasm failed";
        }
        __name(getBinarySync, "getBinarySync");
        async function getWasmBinary(binaryFile) {
          if (!wasmBinary) {
            try {
              var response = await readAsync(binaryFile);
              return new Uint8Array(response);
            } catch {
            }
          }
          return getBinarySync(binaryFile);
        }
        __name(getWasmBinary, "getWasmBinary");
        async function instantiateArrayBuffer(binaryFile, imports) {
          try {
            var binary2 = await getWasmBinary(binaryFile);
            var instance2 = await WebAssembly.instantiate(binary2, imports);
            return instance2;
          } catch (reason) {
            err(`failed to asynchronously prepare wasm: ${reason}`);
            abort(reason);
          }
        }
        __name(instantiateArrayBuffer, "instantiateArrayBuffer");
        async function instantiateAsync(binary2, binaryFile, imports) {
          if (!binary2 && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
            try {
              var response = fetch(binaryFile, {
                credentials: "same-origin"
              });
              var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
              return instantiationResult;
            } catch (reason) {
              err(`wasm streaming compile failed: ${reason}`);
              err("falling back to ArrayBuffer instantiation");
            }
          }
          return instantiateArrayBuffer(binaryFile, imports);
        }
        __name(instantiateAsync, "instantiateAsync");
        function getWasmImports() {
          return {
            "env": wasmImports,
            "wasi_snapshot_preview1": wasmImports,
            "GOT.mem": new Proxy(wasmImports, GOTHandler),
            "GOT.func": new Proxy(wasmImports, GOTHandler)
          };
        }
        __name(getWasmImports, "getWasmImports");
        async function createWasm() {
          function receiveInstance(instance2, module2) {
            wasmExports = instance2.exports;
            wasmExports = relocateExports(wasmExports, 1024);
            var metadata2 = getDylinkMetadata(module2);
            if (metadata2.neededDynlibs) {
              dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
            }
            mergeLibSymbols(wasmExports, "main");
            LDSO.init();
            loadDylibs();
            __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
            assignWasmExports(wasmExports);
            return wasmExports;
          }
          __name(receiveInstance, "receiveInstance");
          function receiveInstantiationResult(result2) {
            return receiveInstance(result2["instance"], result2["module"]);
          }
          __name(receiveInstantiationResult, "receiveInstantiationResult");
          var info2 = getWasmImports();
          if (Module["instantiateWasm"]) {
            return new Promise((resolve, reject) => {
              Module["instantiateWasm"](info2, (mod, inst) => {
                resolve(receiveInstance(mod, inst));
              });
            });
          }
          wasmBinaryFile ??= findWasmBinary();
          var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
          var exports2 = receiveInstantiationResult(result);
          return exports2;
        }
        __name(createWasm, "createWasm");
        class ExitStatus {
          static {
            __name(this, "ExitStatus");
          }
          name = "ExitStatus";
          constructor(status) {
            this.message = `Program terminated with exit(${status})`;
            this.status = status;
          }
        }
        var GOT = {};
        var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
        var GOTHandler = {
          get(obj, symName) {
            var rtn = GOT[symName];
            if (!rtn) {
              rtn = GOT[symName] = new WebAssembly.Global({
                "value": "i32",
                "mutable": true
              });
            }
            if (!currentModuleWeakSymbols.has(symName)) {
              rtn.required = true;
            }
            return rtn;
          }
        };
        var LE_ATOMICS_NATIVE_BYTE_ORDER = [];
        var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
        var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
        var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
        var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
        var LE_HEAP_LOAD_I64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getBigInt64(byteOffset, true), "LE_HEAP_LOAD_I64");
        var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
        var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
        var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
        var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
        var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
        var LE_HEAP_STORE_I64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setBigInt64(byteOffset, value, true), "LE_HEAP_STORE_I64");
        var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
        var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
          while (callbacks.length > 0) {
            callbacks.shift()(Module);
          }
        }, "callRuntimeCallbacks");
        var onPostRuns = [];
        var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.push(cb), "addOnPostRun");
        var onPreRuns = [];
        var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.push(cb), "addOnPreRun");
        var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
        var findStringEnd = /* @__PURE__ */ __name((heapOrArray, idx, maxBytesToRead, ignoreNul) => {
          var maxIdx = idx + maxBytesToRead;
          if (ignoreNul) return maxIdx;
          while (heapOrArray[idx] && !(idx >= maxIdx)) ++idx;
          return idx;
        }, "findStringEnd");
        var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead, ignoreNul) => {
          var endPtr = findStringEnd(heapOrArray, idx, maxBytesToRead, ignoreNul);
          if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
            return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
          }
          var str = "";
          while (idx < endPtr) {
            var u0 = heapOrArray[idx++];
            if (!(u0 & 128)) {
              str += String.fromCharCode(u0);
              continue;
            }
            var u1 = heapOrArray[idx++] & 63;
            if ((u0 & 224) == 192) {
              str += String.fromCharCode((u0 & 31) << 6 | u1);
              continue;
            }
            var u2 = heapOrArray[idx++] & 63;
            if ((u0 & 240) == 224) {
              u0 = (u0 & 15) << 12 | u1 << 6 | u2;
            } else {
              u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
            }
            if (u0 < 65536) {
              str += String.fromCharCode(u0);
            } else {
              var ch = u0 - 65536;
              str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
            }
          }
          return str;
        }, "UTF8ArrayToString");
        var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
          var offset = 0;
          var end = 0;
          function getU8() {
            return binary2[offset++];
          }
          __name(getU8, "getU8");
          function getLEB() {
            var ret = 0;
            var mul = 1;
            while (1) {
              var byte = binary2[offset++];
              ret += (byte & 127) * mul;
              mul *= 128;
              if (!(byte & 128)) break;
            }
            return ret;
          }
          __name(getLEB, "getLEB");
          function getString() {
            var len = getLEB();
            offset += len;
            return UTF8ArrayToString(binary2, offset - len, len);
          }
          __name(getString, "getString");
          function getStringList() {
            var count2 = getLEB();
            var rtn = [];
            while (count2--) rtn.push(getString());
            return rtn;
          }
          __name(getStringList, "getStringList");
          function failIf(condition, message) {
            if (condition) throw new Error(message);
          }
          __name(failIf, "failIf");
          if (binary2 instanceof WebAssembly.Module) {
            var dylinkSection = WebAssembly.Module.customSections(binary2, "dylink.0");
            failIf(dylinkSection.length === 0, "need dylink section");
            binary2 = new Uint8Array(dylinkSection[0]);
            end = binary2.length;
          } else {
            var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
            var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
            failIf(!magicNumberFound, "need to see wasm magic number");
            failIf(binary2[8] !== 0, "need the dylink section to be first");
            offset = 9;
            var section_size = getLEB();
            end = offset + section_size;
            var name2 = getString();
            failIf(name2 !== "dylink.0");
          }
          var customSection = {
            neededDynlibs: [],
            tlsExports: /* @__PURE__ */ new Set(),
            weakImports: /* @__PURE__ */ new Set(),
            runtimePaths: []
          };
          var WASM_DYLINK_MEM_INFO = 1;
          var WASM_DYLINK_NEEDED = 2;
          var WASM_DYLINK_EXPORT_INFO = 3;
          var WASM_DYLINK_IMPORT_INFO = 4;
          var WASM_DYLINK_RUNTIME_PATH = 5;
          var WASM_SYMBOL_TLS = 256;
          var WASM_SYMBOL_BINDING_MASK = 3;
          var WASM_SYMBOL_BINDING_WEAK = 1;
          while (offset < end) {
            var subsectionType = getU8();
            var subsectionSize = getLEB();
            if (subsectionType === WASM_DYLINK_MEM_INFO) {
              customSection.memorySize = getLEB();
              customSection.memoryAlign = getLEB();
              customSection.tableSize = getLEB();
              customSection.tableAlign = getLEB();
            } else if (subsectionType === WASM_DYLINK_NEEDED) {
              customSection.neededDynlibs = getStringList();
            } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
              var count = getLEB();
              while (count--) {
                var symname = getString();
                var flags2 = getLEB();
                if (flags2 & WASM_SYMBOL_TLS) {
                  customSection.tlsExports.add(symname);
                }
              }
            } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
              var count = getLEB();
              while (count--) {
                var modname = getString();
                var symname = getString();
                var flags2 = getLEB();
                if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
                  customSection.weakImports.add(symname);
                }
              }
            } else if (subsectionType === WASM_DYLINK_RUNTIME_PATH) {
              customSection.runtimePaths = getStringList();
            } else {
              offset += subsectionSize;
            }
          }
          return customSection;
        }, "getDylinkMetadata");
        function getValue(ptr, type = "i8") {
          if (type.endsWith("*")) type = "*";
          switch (type) {
            case "i1":
              return HEAP8[ptr];
            case "i8":
              return HEAP8[ptr];
            case "i16":
              return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
            case "i32":
              return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
            case "i64":
              return LE_HEAP_LOAD_I64((ptr >> 3) * 8);
            case "float":
              return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
            case "double":
              return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
            case "*":
              return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
            default:
              abort(`invalid type for getValue: ${type}`);
          }
        }
        __name(getValue, "getValue");
        var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
          var dso = {
            refcount: Infinity,
            name: name2,
            exports: syms,
            global: true
          };
          LDSO.loadedLibsByName[name2] = dso;
          if (handle2 != void 0) {
            LDSO.loadedLibsByHandle[handle2] = dso;
          }
          return dso;
        }, "newDSO");
        var LDSO = {
          loadedLibsByName: {},
          loadedLibsByHandle: {},
          init() {
            newDSO("__main__", 0, wasmImports);
          }
        };
        var ___heap_base = 82240;
        var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
        var getMemory = /* @__PURE__ */ __name((size) => {
          if (runtimeInitialized) {
            return _calloc(size, 1);
          }
          var ret = ___heap_base;
          var end = ret + alignMemory(size, 16);
          ___heap_base = end;
          GOT["__heap_base"].value = end;
          return ret;
        }, "getMemory");
        var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
        var uleb128EncodeWithLen = /* @__PURE__ */ __name((arr) => {
          const n = arr.length;
          return [n % 128 | 128, n >> 7, ...arr];
        }, "uleb128EncodeWithLen");
        var wasmTypeCodes = {
          "i": 127,
          // i32
          "p": 127,
          // i32
          "j": 126,
          // i64
          "f": 125,
          // f32
          "d": 124,
          // f64
          "e": 111
        };
        var generateTypePack = /* @__PURE__ */ __name((types) => uleb128EncodeWithLen(Array.from(types, (type) => {
          var code = wasmTypeCodes[type];
          return code;
        })), "generateTypePack");
        var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
          var bytes = Uint8Array.of(
            0,
            97,
            115,
            109,
            // magic ("\0asm")
            1,
            0,
            0,
            0,
            // version: 1
            1,
            ...uleb128EncodeWithLen([
              1,
              // count: 1
              96,
              // param types
              ...generateTypePack(sig.slice(1)),
              // return types (for now only supporting [] if `void` and single [T] otherwise)
              ...generateTypePack(sig[0] === "v" ? "" : sig[0])
            ]),
            // The rest of the module is static
            2,
            7,
            // import section
            // (import "e" "f" (func 0 (type 0)))
            1,
            1,
            101,
            1,
            102,
            0,
            0,
            7,
            5,
            // export section
            // (export "f" (func 0 (type 0)))
            1,
            1,
            102,
            0,
            0
          );
          var module2 = new WebAssembly.Module(bytes);
          var instance2 = new WebAssembly.Instance(module2, {
            "e": {
              "f": func2
            }
          });
          var wrappedFunc = instance2.exports["f"];
          return wrappedFunc;
        }, "convertJsFunctionToWasm");
        var wasmTableMirror = [];
        var wasmTable = new WebAssembly.Table({
          "initial": 31,
          "element": "anyfunc"
        });
        var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
          var func2 = wasmTableMirror[funcPtr];
          if (!func2) {
            wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
          }
          return func2;
        }, "getWasmTableEntry");
        var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
          if (functionsInTableMap) {
            for (var i2 = offset; i2 < offset + count; i2++) {
              var item = getWasmTableEntry(i2);
              if (item) {
                functionsInTableMap.set(item, i2);
              }
            }
          }
        }, "updateTableMap");
        var functionsInTableMap;
        var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
          if (!functionsInTableMap) {
            functionsInTableMap = /* @__PURE__ */ new WeakMap();
            updateTableMap(0, wasmTable.length);
          }
          return functionsInTableMap.get(func2) || 0;
        }, "getFunctionAddress");
        var freeTableIndexes = [];
        var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
          if (freeTableIndexes.length) {
            return freeTableIndexes.pop();
          }
          return wasmTable["grow"](1);
        }, "getEmptyTableSlot");
        var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
          wasmTable.set(idx, func2);
          wasmTableMirror[idx] = wasmTable.get(idx);
        }, "setWasmTableEntry");
        var addFunction = /* @__PURE__ */ __name((func2, sig) => {
          var rtn = getFunctionAddress(func2);
          if (rtn) {
            return rtn;
          }
          var ret = getEmptyTableSlot();
          try {
            setWasmTableEntry(ret, func2);
          } catch (err2) {
            if (!(err2 instanceof TypeError)) {
              throw err2;
            }
            var wrapped = convertJsFunctionToWasm(func2, sig);
            setWasmTableEntry(ret, wrapped);
          }
          functionsInTableMap.set(func2, ret);
          return ret;
        }, "addFunction");
        var updateGOT = /* @__PURE__ */ __name((exports2, replace) => {
          for (var symName in exports2) {
            if (isInternalSym(symName)) {
              continue;
            }
            var value = exports2[symName];
            GOT[symName] ||= new WebAssembly.Global({
              "value": "i32",
              "mutable": true
            });
            if (replace || GOT[symName].value == 0) {
              if (typeof value == "function") {
                GOT[symName].value = addFunction(value);
              } else if (typeof value == "number") {
                GOT[symName].value = value;
              } else {
                err(`unhandled export type for '${symName}': ${typeof value}`);
              }
            }
          }
        }, "updateGOT");
        var relocateExports = /* @__PURE__ */ __name((exports2, memoryBase2, replace) => {
          var relocated = {};
          for (var e in exports2) {
            var value = exports2[e];
            if (typeof value == "object") {
              value = value.value;
            }
            if (typeof value == "number") {
              value += memoryBase2;
            }
            relocated[e] = value;
          }
          updateGOT(relocated, replace);
          return relocated;
        }, "relocateExports");
        var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
          var existing = wasmImports[symName];
          if (!existing || existing.stub) {
            return false;
          }
          return true;
        }, "isSymbolDefined");
        var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = [], promising = false) => {
          var func2 = getWasmTableEntry(ptr);
          var rtn = func2(...args2);
          function convert(rtn2) {
            return rtn2;
          }
          __name(convert, "convert");
          return convert(rtn);
        }, "dynCall");
        var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
        var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
        var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
          var sp = stackSave();
          try {
            return dynCall(sig, ptr, args2);
          } catch (e) {
            stackRestore(sp);
            if (e !== e + 0) throw e;
            _setThrew(1, 0);
            if (sig[0] == "j") return 0n;
          }
        }, "createInvokeFunction");
        var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
          var sym;
          if (isSymbolDefined(symName)) {
            sym = wasmImports[symName];
          } else if (symName.startsWith("invoke_")) {
            sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
          }
          return {
            sym,
            name: symName
          };
        }, "resolveGlobalSymbol");
        var onPostCtors = [];
        var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.push(cb), "addOnPostCtor");
        var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead, ignoreNul) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead, ignoreNul) : "", "UTF8ToString");
        var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
          var metadata = getDylinkMetadata(binary);
          function loadModule() {
            var memAlign = Math.pow(2, metadata.memoryAlign);
            var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
            var tableBase = metadata.tableSize ? wasmTable.length : 0;
            if (handle) {
              HEAP8[handle + 8] = 1;
              LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
              LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
              LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
              LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
            }
            if (metadata.tableSize) {
              wasmTable.grow(metadata.tableSize);
            }
            var moduleExports;
            function resolveSymbol(sym) {
              var resolved = resolveGlobalSymbol(sym).sym;
              if (!resolved && localScope) {
                resolved = localScope[sym];
              }
              if (!resolved) {
                resolved = moduleExports[sym];
              }
              return resolved;
            }
            __name(resolveSymbol, "resolveSymbol");
            var proxyHandler = {
              get(stubs, prop) {
                switch (prop) {
                  case "__memory_base":
                    return memoryBase;
                  case "__table_base":
                    return tableBase;
                }
                if (prop in wasmImports && !wasmImports[prop].stub) {
                  var res = wasmImports[prop];
                  return res;
                }
                if (!(prop in stubs)) {
                  var resolved;
                  stubs[prop] = (...args2) => {
                    resolved ||= resolveSymbol(prop);
                    return resolved(...args2);
                  };
                }
                return stubs[prop];
              }
            };
            var proxy = new Proxy({}, proxyHandler);
            currentModuleWeakSymbols = metadata.weakImports;
            var info = {
              "GOT.mem": new Proxy({}, GOTHandler),
              "GOT.func": new Proxy({}, GOTHandler),
              "env": proxy,
              "wasi_snapshot_preview1": proxy
            };
            function postInstantiation(module, instance) {
              updateTableMap(tableBase, metadata.tableSize);
              moduleExports = relocateExports(instance.exports, memoryBase);
              if (!flags.allowUndefined) {
                reportUndefinedSymbols();
              }
              function addEmAsm(addr, body) {
                var args = [];
                var arity = 0;
                for (; arity < 16; arity++) {
                  if (body.indexOf("$" + arity) != -1) {
                    args.push("$" + arity);
                  } else {
                    break;
                  }
                }
                args = args.join(",");
                var func = `(${args}) => { ${body} };`;
                ASM_CONSTS[start] = eval(func);
              }
              __name(addEmAsm, "addEmAsm");
              if ("__start_em_asm" in moduleExports) {
                var start = moduleExports["__start_em_asm"];
                var stop = moduleExports["__stop_em_asm"];
                while (start < stop) {
                  var jsString = UTF8ToString(start);
                  addEmAsm(start, jsString);
                  start = HEAPU8.indexOf(0, start) + 1;
                }
              }
              function addEmJs(name, cSig, body) {
                var jsArgs = [];
                cSig = cSig.slice(1, -1);
                if (cSig != "void") {
                  cSig = cSig.split(",");
                  for (var i in cSig) {
                    var jsArg = cSig[i].split(" ").pop();
                    jsArgs.push(jsArg.replace("*", ""));
                  }
                }
                var func = `(${jsArgs}) => ${body};`;
                moduleExports[name] = eval(func);
              }
              __name(addEmJs, "addEmJs");
              for (var name in moduleExports) {
                if (name.startsWith("__em_js__")) {
                  var start = moduleExports[name];
                  var jsString = UTF8ToString(start);
                  var parts = jsString.split("<::>");
                  addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
                  delete moduleExports[name];
                }
              }
              var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
              if (applyRelocs) {
                if (runtimeInitialized) {
                  applyRelocs();
                } else {
                  __RELOC_FUNCS__.push(applyRelocs);
                }
              }
              var init = moduleExports["__wasm_call_ctors"];
              if (init) {
                if (runtimeInitialized) {
                  init();
                } else {
                  addOnPostCtor(init);
                }
              }
              return moduleExports;
            }
            __name(postInstantiation, "postInstantiation");
            if (flags.loadAsync) {
              return (async () => {
                var instance2;
                if (binary instanceof WebAssembly.Module) {
                  instance2 = new WebAssembly.Instance(binary, info);
                } else {
                  ({ module: binary, instance: instance2 } = await WebAssembly.instantiate(binary, info));
                }
                return postInstantiation(binary, instance2);
              })();
            }
            var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
            var instance = new WebAssembly.Instance(module, info);
            return postInstantiation(module, instance);
          }
          __name(loadModule, "loadModule");
          flags = {
            ...flags,
            rpath: {
              parentLibPath: libName,
              paths: metadata.runtimePaths
            }
          };
          if (flags.loadAsync) {
            return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
          }
          metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
          return loadModule();
        }, "loadWebAssemblyModule");
        var mergeLibSymbols = /* @__PURE__ */ __name((exports2, libName2) => {
          for (var [sym, exp] of Object.entries(exports2)) {
            const setImport = /* @__PURE__ */ __name((target) => {
              if (!isSymbolDefined(target)) {
                wasmImports[target] = exp;
              }
            }, "setImport");
            setImport(sym);
            const main_alias = "__main_argc_argv";
            if (sym == "main") {
              setImport(main_alias);
            }
            if (sym == main_alias) {
              setImport("main");
            }
          }
        }, "mergeLibSymbols");
        var asyncLoad = /* @__PURE__ */ __name(async (url) => {
          var arrayBuffer = await readAsync(url);
          return new Uint8Array(arrayBuffer);
        }, "asyncLoad");
        function loadDynamicLibrary(libName2, flags2 = {
          global: true,
          nodelete: true
        }, localScope2, handle2) {
          var dso = LDSO.loadedLibsByName[libName2];
          if (dso) {
            if (!flags2.global) {
              if (localScope2) {
                Object.assign(localScope2, dso.exports);
              }
            } else if (!dso.global) {
              dso.global = true;
              mergeLibSymbols(dso.exports, libName2);
            }
            if (flags2.nodelete && dso.refcount !== Infinity) {
              dso.refcount = Infinity;
            }
            dso.refcount++;
            if (handle2) {
              LDSO.loadedLibsByHandle[handle2] = dso;
            }
            return flags2.loadAsync ? Promise.resolve(true) : true;
          }
          dso = newDSO(libName2, handle2, "loading");
          dso.refcount = flags2.nodelete ? Infinity : 1;
          dso.global = flags2.global;
          function loadLibData() {
            if (handle2) {
              var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
              var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
              if (data && dataSize) {
                var libData = HEAP8.slice(data, data + dataSize);
                return flags2.loadAsync ? Promise.resolve(libData) : libData;
              }
            }
            var libFile = locateFile(libName2);
            if (flags2.loadAsync) {
              return asyncLoad(libFile);
            }
            if (!readBinary) {
              throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
            }
            return readBinary(libFile);
          }
          __name(loadLibData, "loadLibData");
          function getExports() {
            if (flags2.loadAsync) {
              return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
            }
            return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
          }
          __name(getExports, "getExports");
          function moduleLoaded(exports2) {
            if (dso.global) {
              mergeLibSymbols(exports2, libName2);
            } else if (localScope2) {
              Object.assign(localScope2, exports2);
            }
            dso.exports = exports2;
          }
          __name(moduleLoaded, "moduleLoaded");
          if (flags2.loadAsync) {
            return getExports().then((exports2) => {
              moduleLoaded(exports2);
              return true;
            });
          }
          moduleLoaded(getExports());
          return true;
        }
        __name(loadDynamicLibrary, "loadDynamicLibrary");
        var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
          for (var [symName, entry] of Object.entries(GOT)) {
            if (entry.value == 0) {
              var value = resolveGlobalSymbol(symName, true).sym;
              if (!value && !entry.required) {
                continue;
              }
              if (typeof value == "function") {
                entry.value = addFunction(value, value.sig);
              } else if (typeof value == "number") {
                entry.value = value;
              } else {
                throw new Error(`bad export type for '${symName}': ${typeof value}`);
              }
            }
          }
        }, "reportUndefinedSymbols");
        var runDependencies = 0;
        var dependenciesFulfilled = null;
        var removeRunDependency = /* @__PURE__ */ __name((id) => {
          runDependencies--;
          Module["monitorRunDependencies"]?.(runDependencies);
          if (runDependencies == 0) {
            if (dependenciesFulfilled) {
              var callback = dependenciesFulfilled;
              dependenciesFulfilled = null;
              callback();
            }
          }
        }, "removeRunDependency");
        var addRunDependency = /* @__PURE__ */ __name((id) => {
          runDependencies++;
          Module["monitorRunDependencies"]?.(runDependencies);
        }, "addRunDependency");
        var loadDylibs = /* @__PURE__ */ __name(async () => {
          if (!dynamicLibraries.length) {
            reportUndefinedSymbols();
            return;
          }
          addRunDependency("loadDylibs");
          for (var lib of dynamicLibraries) {
            await loadDynamicLibrary(lib, {
              loadAsync: true,
              global: true,
              nodelete: true,
              allowUndefined: true
            });
          }
          reportUndefinedSymbols();
          removeRunDependency("loadDylibs");
        }, "loadDylibs");
        var noExitRuntime = true;
        function setValue(ptr, value, type = "i8") {
          if (type.endsWith("*")) type = "*";
          switch (type) {
            case "i1":
              HEAP8[ptr] = value;
              break;
            case "i8":
              HEAP8[ptr] = value;
              break;
            case "i16":
              LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
              break;
            case "i32":
              LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
              break;
            case "i64":
              LE_HEAP_STORE_I64((ptr >> 3) * 8, BigInt(value));
              break;
            case "float":
              LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
              break;
            case "double":
              LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
              break;
            case "*":
              LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
              break;
            default:
              abort(`invalid type for setValue: ${type}`);
          }
        }
        __name(setValue, "setValue");
        var ___memory_base = new WebAssembly.Global({
          "value": "i32",
          "mutable": false
        }, 1024);
        var ___stack_high = 82240;
        var ___stack_low = 16704;
        var ___stack_pointer = new WebAssembly.Global({
          "value": "i32",
          "mutable": true
        }, 82240);
        var ___table_base = new WebAssembly.Global({
          "value": "i32",
          "mutable": false
        }, 1);
        var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
        __abort_js.sig = "v";
        var getHeapMax = /* @__PURE__ */ __name(() => (
          // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
          // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
          // for any code that deals with heap sizes, which would require special
          // casing all heap size related code to treat 0 specially.
          2147483648
        ), "getHeapMax");
        var growMemory = /* @__PURE__ */ __name((size) => {
          var oldHeapSize = wasmMemory.buffer.byteLength;
          var pages = (size - oldHeapSize + 65535) / 65536 | 0;
          try {
            wasmMemory.grow(pages);
            updateMemoryViews();
            return 1;
          } catch (e) {
          }
        }, "growMemory");
        var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
          var oldSize = HEAPU8.length;
          requestedSize >>>= 0;
          var maxHeapSize = getHeapMax();
          if (requestedSize > maxHeapSize) {
            return false;
          }
          for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
            var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
            overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
            var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
            var replacement = growMemory(newSize);
            if (replacement) {
              return true;
            }
          }
          return false;
        }, "_emscripten_resize_heap");
        _emscripten_resize_heap.sig = "ip";
        var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
        _fd_close.sig = "ii";
        var INT53_MAX = 9007199254740992;
        var INT53_MIN = -9007199254740992;
        var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
        function _fd_seek(fd, offset, whence, newOffset) {
          offset = bigintToI53Checked(offset);
          return 70;
        }
        __name(_fd_seek, "_fd_seek");
        _fd_seek.sig = "iijip";
        var printCharBuffers = [null, [], []];
        var printChar = /* @__PURE__ */ __name((stream, curr) => {
          var buffer = printCharBuffers[stream];
          if (curr === 0 || curr === 10) {
            (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
            buffer.length = 0;
          } else {
            buffer.push(curr);
          }
        }, "printChar");
        var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
          var num = 0;
          for (var i2 = 0; i2 < iovcnt; i2++) {
            var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
            var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
            iov += 8;
            for (var j = 0; j < len; j++) {
              printChar(fd, HEAPU8[ptr + j]);
            }
            num += len;
          }
          LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
          return 0;
        }, "_fd_write");
        _fd_write.sig = "iippp";
        function _tree_sitter_log_callback(isLexMessage, messageAddress) {
          if (Module.currentLogCallback) {
            const message = UTF8ToString(messageAddress);
            Module.currentLogCallback(message, isLexMessage !== 0);
          }
        }
        __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
        function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
          const INPUT_BUFFER_SIZE = 10 * 1024;
          const string = Module.currentParseCallback(index, {
            row,
            column
          });
          if (typeof string === "string") {
            setValue(lengthAddress, string.length, "i32");
            stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
          } else {
            setValue(lengthAddress, 0, "i32");
          }
        }
        __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
        function _tree_sitter_progress_callback(currentOffset, hasError) {
          if (Module.currentProgressCallback) {
            return Module.currentProgressCallback({
              currentOffset,
              hasError
            });
          }
          return false;
        }
        __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
        function _tree_sitter_query_progress_callback(currentOffset) {
          if (Module.currentQueryProgressCallback) {
            return Module.currentQueryProgressCallback({
              currentOffset
            });
          }
          return false;
        }
        __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
        var runtimeKeepaliveCounter = 0;
        var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
        var _proc_exit = /* @__PURE__ */ __name((code) => {
          EXITSTATUS = code;
          if (!keepRuntimeAlive()) {
            Module["onExit"]?.(code);
            ABORT = true;
          }
          quit_(code, new ExitStatus(code));
        }, "_proc_exit");
        _proc_exit.sig = "vi";
        var exitJS = /* @__PURE__ */ __name((status, implicit) => {
          EXITSTATUS = status;
          _proc_exit(status);
        }, "exitJS");
        var handleException = /* @__PURE__ */ __name((e) => {
          if (e instanceof ExitStatus || e == "unwind") {
            return EXITSTATUS;
          }
          quit_(1, e);
        }, "handleException");
        var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
          var len = 0;
          for (var i2 = 0; i2 < str.length; ++i2) {
            var c = str.charCodeAt(i2);
            if (c <= 127) {
              len++;
            } else if (c <= 2047) {
              len += 2;
            } else if (c >= 55296 && c <= 57343) {
              len += 4;
              ++i2;
            } else {
              len += 3;
            }
          }
          return len;
        }, "lengthBytesUTF8");
        var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
          if (!(maxBytesToWrite > 0)) return 0;
          var startIdx = outIdx;
          var endIdx = outIdx + maxBytesToWrite - 1;
          for (var i2 = 0; i2 < str.length; ++i2) {
            var u = str.codePointAt(i2);
            if (u <= 127) {
              if (outIdx >= endIdx) break;
              heap[outIdx++] = u;
            } else if (u <= 2047) {
              if (outIdx + 1 >= endIdx) break;
              heap[outIdx++] = 192 | u >> 6;
              heap[outIdx++] = 128 | u & 63;
            } else if (u <= 65535) {
              if (outIdx + 2 >= endIdx) break;
              heap[outIdx++] = 224 | u >> 12;
              heap[outIdx++] = 128 | u >> 6 & 63;
              heap[outIdx++] = 128 | u & 63;
            } else {
              if (outIdx + 3 >= endIdx) break;
              heap[outIdx++] = 240 | u >> 18;
              heap[outIdx++] = 128 | u >> 12 & 63;
              heap[outIdx++] = 128 | u >> 6 & 63;
              heap[outIdx++] = 128 | u & 63;
              i2++;
            }
          }
          heap[outIdx] = 0;
          return outIdx - startIdx;
        }, "stringToUTF8Array");
        var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
        var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
        var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
          var size = lengthBytesUTF8(str) + 1;
          var ret = stackAlloc(size);
          stringToUTF8(str, ret, size);
          return ret;
        }, "stringToUTF8OnStack");
        var AsciiToString = /* @__PURE__ */ __name((ptr) => {
          var str = "";
          while (1) {
            var ch = HEAPU8[ptr++];
            if (!ch) return str;
            str += String.fromCharCode(ch);
          }
        }, "AsciiToString");
        var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
          maxBytesToWrite ??= 2147483647;
          if (maxBytesToWrite < 2) return 0;
          maxBytesToWrite -= 2;
          var startPtr = outPtr;
          var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
          for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
            var codeUnit = str.charCodeAt(i2);
            LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
            outPtr += 2;
          }
          LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
          return outPtr - startPtr;
        }, "stringToUTF16");
        LE_ATOMICS_NATIVE_BYTE_ORDER = new Int8Array(new Int16Array([1]).buffer)[0] === 1 ? [
          /* little endian */
          ((x) => x),
          ((x) => x),
          void 0,
          ((x) => x)
        ] : [
          /* big endian */
          ((x) => x),
          ((x) => ((x & 65280) << 8 | (x & 255) << 24) >> 16),
          void 0,
          ((x) => x >> 24 & 255 | x >> 8 & 65280 | (x & 65280) << 8 | (x & 255) << 24)
        ];
        function LE_HEAP_UPDATE() {
          HEAPU16.unsigned = ((x) => x & 65535);
          HEAPU32.unsigned = ((x) => x >>> 0);
        }
        __name(LE_HEAP_UPDATE, "LE_HEAP_UPDATE");
        {
          initMemory();
          if (Module["noExitRuntime"]) noExitRuntime = Module["noExitRuntime"];
          if (Module["print"]) out = Module["print"];
          if (Module["printErr"]) err = Module["printErr"];
          if (Module["dynamicLibraries"]) dynamicLibraries = Module["dynamicLibraries"];
          if (Module["wasmBinary"]) wasmBinary = Module["wasmBinary"];
          if (Module["arguments"]) arguments_ = Module["arguments"];
          if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
          if (Module["preInit"]) {
            if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
            while (Module["preInit"].length > 0) {
              Module["preInit"].shift()();
            }
          }
        }
        Module["setValue"] = setValue;
        Module["getValue"] = getValue;
        Module["UTF8ToString"] = UTF8ToString;
        Module["stringToUTF8"] = stringToUTF8;
        Module["lengthBytesUTF8"] = lengthBytesUTF8;
        Module["AsciiToString"] = AsciiToString;
        Module["stringToUTF16"] = stringToUTF16;
        Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
        Module["LE_HEAP_STORE_I64"] = LE_HEAP_STORE_I64;
        var ASM_CONSTS = {};
        var _malloc, _calloc, _realloc, _free, _ts_range_edit, _memcmp, _ts_language_symbol_count, _ts_language_state_count, _ts_language_abi_version, _ts_language_name, _ts_language_field_count, _ts_language_next_state, _ts_language_symbol_name, _ts_language_symbol_for_name, _strncmp, _strlen, _ts_language_symbol_type, _ts_language_field_name_for_id, _ts_lookahead_iterator_new, _ts_lookahead_iterator_delete, _ts_lookahead_iterator_reset_state, _ts_lookahead_iterator_reset, _ts_lookahead_iterator_next, _ts_lookahead_iterator_current_symbol, _ts_point_edit, _ts_parser_delete, _ts_parser_reset, _ts_parser_set_language, _ts_parser_set_included_ranges, _ts_query_new, _ts_query_delete, _iswspace, _iswalnum, _ts_query_copy, _ts_query_pattern_count, _ts_query_capture_count, _ts_query_string_count, _ts_query_capture_name_for_id, _ts_query_capture_quantifier_for_id, _ts_query_string_value_for_id, _ts_query_predicates_for_pattern, _ts_query_start_byte_for_pattern, _ts_query_end_byte_for_pattern, _ts_query_is_pattern_rooted, _ts_query_is_pattern_non_local, _ts_query_is_pattern_guaranteed_at_step, _ts_query_disable_capture, _ts_query_disable_pattern, _ts_tree_copy, _ts_tree_delete, _ts_init, _ts_parser_new_wasm, _ts_parser_enable_logger_wasm, _ts_parser_parse_wasm, _ts_parser_included_ranges_wasm, _ts_language_type_is_named_wasm, _ts_language_type_is_visible_wasm, _ts_language_metadata_wasm, _ts_language_supertypes_wasm, _ts_language_subtypes_wasm, _ts_tree_root_node_wasm, _ts_tree_root_node_with_offset_wasm, _ts_tree_edit_wasm, _ts_tree_included_ranges_wasm, _ts_tree_get_changed_ranges_wasm, _ts_tree_cursor_new_wasm, _ts_tree_cursor_copy_wasm, _ts_tree_cursor_delete_wasm, _ts_tree_cursor_reset_wasm, _ts_tree_cursor_reset_to_wasm, _ts_tree_cursor_goto_first_child_wasm, _ts_tree_cursor_goto_last_child_wasm, _ts_tree_cursor_goto_first_child_for_index_wasm, _ts_tree_cursor_goto_first_child_for_position_wasm, _ts_tree_cursor_goto_next_sibling_wasm, _ts_tree_cursor_goto_previous_sibling_wasm, _ts_tree_cursor_goto_descendant_wasm, _ts_tree_cursor_goto_parent_wasm, _ts_tree_cursor_current_node_type_id_wasm, _ts_tree_cursor_current_node_state_id_wasm, _ts_tree_cursor_current_node_is_named_wasm, _ts_tree_cursor_current_node_is_missing_wasm, _ts_tree_cursor_current_node_id_wasm, _ts_tree_cursor_start_position_wasm, _ts_tree_cursor_end_position_wasm, _ts_tree_cursor_start_index_wasm, _ts_tree_cursor_end_index_wasm, _ts_tree_cursor_current_field_id_wasm, _ts_tree_cursor_current_depth_wasm, _ts_tree_cursor_current_descendant_index_wasm, _ts_tree_cursor_current_node_wasm, _ts_node_symbol_wasm, _ts_node_field_name_for_child_wasm, _ts_node_field_name_for_named_child_wasm, _ts_node_children_by_field_id_wasm, _ts_node_first_child_for_byte_wasm, _ts_node_first_named_child_for_byte_wasm, _ts_node_grammar_symbol_wasm, _ts_node_child_count_wasm, _ts_node_named_child_count_wasm, _ts_node_child_wasm, _ts_node_named_child_wasm, _ts_node_child_by_field_id_wasm, _ts_node_next_sibling_wasm, _ts_node_prev_sibling_wasm, _ts_node_next_named_sibling_wasm, _ts_node_prev_named_sibling_wasm, _ts_node_descendant_count_wasm, _ts_node_parent_wasm, _ts_node_child_with_descendant_wasm, _ts_node_descendant_for_index_wasm, _ts_node_named_descendant_for_index_wasm, _ts_node_descendant_for_position_wasm, _ts_node_named_descendant_for_position_wasm, _ts_node_start_point_wasm, _ts_node_end_point_wasm, _ts_node_start_index_wasm, _ts_node_end_index_wasm, _ts_node_to_string_wasm, _ts_node_children_wasm, _ts_node_named_children_wasm, _ts_node_descendants_of_type_wasm, _ts_node_is_named_wasm, _ts_node_has_changes_wasm, _ts_node_has_error_wasm, _ts_node_is_error_wasm, _ts_node_is_missing_wasm, _ts_node_is_extra_wasm, _ts_node_parse_state_wasm, _ts_node_next_parse_state_wasm, _ts_query_matches_wasm, _ts_query_captures_wasm, _memset, _memcpy, _memmove, _iswalpha, _iswblank, _iswdigit, _iswlower, _iswpunct, _iswupper, _iswxdigit, _memchr, _strcmp, _strncat, _strncpy, _towlower, _towupper, _setThrew, __emscripten_stack_restore, __emscripten_stack_alloc, _emscripten_stack_get_current, ___wasm_apply_data_relocs;
        function assignWasmExports(wasmExports2) {
          Module["_malloc"] = _malloc = wasmExports2["malloc"];
          Module["_calloc"] = _calloc = wasmExports2["calloc"];
          Module["_realloc"] = _realloc = wasmExports2["realloc"];
          Module["_free"] = _free = wasmExports2["free"];
          Module["_ts_range_edit"] = _ts_range_edit = wasmExports2["ts_range_edit"];
          Module["_memcmp"] = _memcmp = wasmExports2["memcmp"];
          Module["_ts_language_symbol_count"] = _ts_language_symbol_count = wasmExports2["ts_language_symbol_count"];
          Module["_ts_language_state_count"] = _ts_language_state_count = wasmExports2["ts_language_state_count"];
          Module["_ts_language_abi_version"] = _ts_language_abi_version = wasmExports2["ts_language_abi_version"];
          Module["_ts_language_name"] = _ts_language_name = wasmExports2["ts_language_name"];
          Module["_ts_language_field_count"] = _ts_language_field_count = wasmExports2["ts_language_field_count"];
          Module["_ts_language_next_state"] = _ts_language_next_state = wasmExports2["ts_language_next_state"];
          Module["_ts_language_symbol_name"] = _ts_language_symbol_name = wasmExports2["ts_language_symbol_name"];
          Module["_ts_language_symbol_for_name"] = _ts_language_symbol_for_name = wasmExports2["ts_language_symbol_for_name"];
          Module["_strncmp"] = _strncmp = wasmExports2["strncmp"];
          Module["_strlen"] = _strlen = wasmExports2["strlen"];
          Module["_ts_language_symbol_type"] = _ts_language_symbol_type = wasmExports2["ts_language_symbol_type"];
          Module["_ts_language_field_name_for_id"] = _ts_language_field_name_for_id = wasmExports2["ts_language_field_name_for_id"];
          Module["_ts_lookahead_iterator_new"] = _ts_lookahead_iterator_new = wasmExports2["ts_lookahead_iterator_new"];
          Module["_ts_lookahead_iterator_delete"] = _ts_lookahead_iterator_delete = wasmExports2["ts_lookahead_iterator_delete"];
          Module["_ts_lookahead_iterator_reset_state"] = _ts_lookahead_iterator_reset_state = wasmExports2["ts_lookahead_iterator_reset_state"];
          Module["_ts_lookahead_iterator_reset"] = _ts_lookahead_iterator_reset = wasmExports2["ts_lookahead_iterator_reset"];
          Module["_ts_lookahead_iterator_next"] = _ts_lookahead_iterator_next = wasmExports2["ts_lookahead_iterator_next"];
          Module["_ts_lookahead_iterator_current_symbol"] = _ts_lookahead_iterator_current_symbol = wasmExports2["ts_lookahead_iterator_current_symbol"];
          Module["_ts_point_edit"] = _ts_point_edit = wasmExports2["ts_point_edit"];
          Module["_ts_parser_delete"] = _ts_parser_delete = wasmExports2["ts_parser_delete"];
          Module["_ts_parser_reset"] = _ts_parser_reset = wasmExports2["ts_parser_reset"];
          Module["_ts_parser_set_language"] = _ts_parser_set_language = wasmExports2["ts_parser_set_language"];
          Module["_ts_parser_set_included_ranges"] = _ts_parser_set_included_ranges = wasmExports2["ts_parser_set_included_ranges"];
          Module["_ts_query_new"] = _ts_query_new = wasmExports2["ts_query_new"];
          Module["_ts_query_delete"] = _ts_query_delete = wasmExports2["ts_query_delete"];
          Module["_iswspace"] = _iswspace = wasmExports2["iswspace"];
          Module["_iswalnum"] = _iswalnum = wasmExports2["iswalnum"];
          Module["_ts_query_copy"] = _ts_query_copy = wasmExports2["ts_query_copy"];
          Module["_ts_query_pattern_count"] = _ts_query_pattern_count = wasmExports2["ts_query_pattern_count"];
          Module["_ts_query_capture_count"] = _ts_query_capture_count = wasmExports2["ts_query_capture_count"];
          Module["_ts_query_string_count"] = _ts_query_string_count = wasmExports2["ts_query_string_count"];
          Module["_ts_query_capture_name_for_id"] = _ts_query_capture_name_for_id = wasmExports2["ts_query_capture_name_for_id"];
          Module["_ts_query_capture_quantifier_for_id"] = _ts_query_capture_quantifier_for_id = wasmExports2["ts_query_capture_quantifier_for_id"];
          Module["_ts_query_string_value_for_id"] = _ts_query_string_value_for_id = wasmExports2["ts_query_string_value_for_id"];
          Module["_ts_query_predicates_for_pattern"] = _ts_query_predicates_for_pattern = wasmExports2["ts_query_predicates_for_pattern"];
          Module["_ts_query_start_byte_for_pattern"] = _ts_query_start_byte_for_pattern = wasmExports2["ts_query_start_byte_for_pattern"];
          Module["_ts_query_end_byte_for_pattern"] = _ts_query_end_byte_for_pattern = wasmExports2["ts_query_end_byte_for_pattern"];
          Module["_ts_query_is_pattern_rooted"] = _ts_query_is_pattern_rooted = wasmExports2["ts_query_is_pattern_rooted"];
          Module["_ts_query_is_pattern_non_local"] = _ts_query_is_pattern_non_local = wasmExports2["ts_query_is_pattern_non_local"];
          Module["_ts_query_is_pattern_guaranteed_at_step"] = _ts_query_is_pattern_guaranteed_at_step = wasmExports2["ts_query_is_pattern_guaranteed_at_step"];
          Module["_ts_query_disable_capture"] = _ts_query_disable_capture = wasmExports2["ts_query_disable_capture"];
          Module["_ts_query_disable_pattern"] = _ts_query_disable_pattern = wasmExports2["ts_query_disable_pattern"];
          Module["_ts_tree_copy"] = _ts_tree_copy = wasmExports2["ts_tree_copy"];
          Module["_ts_tree_delete"] = _ts_tree_delete = wasmExports2["ts_tree_delete"];
          Module["_ts_init"] = _ts_init = wasmExports2["ts_init"];
          Module["_ts_parser_new_wasm"] = _ts_parser_new_wasm = wasmExports2["ts_parser_new_wasm"];
          Module["_ts_parser_enable_logger_wasm"] = _ts_parser_enable_logger_wasm = wasmExports2["ts_parser_enable_logger_wasm"];
          Module["_ts_parser_parse_wasm"] = _ts_parser_parse_wasm = wasmExports2["ts_parser_parse_wasm"];
          Module["_ts_parser_included_ranges_wasm"] = _ts_parser_included_ranges_wasm = wasmExports2["ts_parser_included_ranges_wasm"];
          Module["_ts_language_type_is_named_wasm"] = _ts_language_type_is_named_wasm = wasmExports2["ts_language_type_is_named_wasm"];
          Module["_ts_language_type_is_visible_wasm"] = _ts_language_type_is_visible_wasm = wasmExports2["ts_language_type_is_visible_wasm"];
          Module["_ts_language_metadata_wasm"] = _ts_language_metadata_wasm = wasmExports2["ts_language_metadata_wasm"];
          Module["_ts_language_supertypes_wasm"] = _ts_language_supertypes_wasm = wasmExports2["ts_language_supertypes_wasm"];
          Module["_ts_language_subtypes_wasm"] = _ts_language_subtypes_wasm = wasmExports2["ts_language_subtypes_wasm"];
          Module["_ts_tree_root_node_wasm"] = _ts_tree_root_node_wasm = wasmExports2["ts_tree_root_node_wasm"];
          Module["_ts_tree_root_node_with_offset_wasm"] = _ts_tree_root_node_with_offset_wasm = wasmExports2["ts_tree_root_node_with_offset_wasm"];
          Module["_ts_tree_edit_wasm"] = _ts_tree_edit_wasm = wasmExports2["ts_tree_edit_wasm"];
          Module["_ts_tree_included_ranges_wasm"] = _ts_tree_included_ranges_wasm = wasmExports2["ts_tree_included_ranges_wasm"];
          Module["_ts_tree_get_changed_ranges_wasm"] = _ts_tree_get_changed_ranges_wasm = wasmExports2["ts_tree_get_changed_ranges_wasm"];
          Module["_ts_tree_cursor_new_wasm"] = _ts_tree_cursor_new_wasm = wasmExports2["ts_tree_cursor_new_wasm"];
          Module["_ts_tree_cursor_copy_wasm"] = _ts_tree_cursor_copy_wasm = wasmExports2["ts_tree_cursor_copy_wasm"];
          Module["_ts_tree_cursor_delete_wasm"] = _ts_tree_cursor_delete_wasm = wasmExports2["ts_tree_cursor_delete_wasm"];
          Module["_ts_tree_cursor_reset_wasm"] = _ts_tree_cursor_reset_wasm = wasmExports2["ts_tree_cursor_reset_wasm"];
          Module["_ts_tree_cursor_reset_to_wasm"] = _ts_tree_cursor_reset_to_wasm = wasmExports2["ts_tree_cursor_reset_to_wasm"];
          Module["_ts_tree_cursor_goto_first_child_wasm"] = _ts_tree_cursor_goto_first_child_wasm = wasmExports2["ts_tree_cursor_goto_first_child_wasm"];
          Module["_ts_tree_cursor_goto_last_child_wasm"] = _ts_tree_cursor_goto_last_child_wasm = wasmExports2["ts_tree_cursor_goto_last_child_wasm"];
          Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = _ts_tree_cursor_goto_first_child_for_index_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_index_wasm"];
          Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = _ts_tree_cursor_goto_first_child_for_position_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_position_wasm"];
          Module["_ts_tree_cursor_goto_next_sibling_wasm"] = _ts_tree_cursor_goto_next_sibling_wasm = wasmExports2["ts_tree_cursor_goto_next_sibling_wasm"];
          Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = _ts_tree_cursor_goto_previous_sibling_wasm = wasmExports2["ts_tree_cursor_goto_previous_sibling_wasm"];
          Module["_ts_tree_cursor_goto_descendant_wasm"] = _ts_tree_cursor_goto_descendant_wasm = wasmExports2["ts_tree_cursor_goto_descendant_wasm"];
          Module["_ts_tree_cursor_goto_parent_wasm"] = _ts_tree_cursor_goto_parent_wasm = wasmExports2["ts_tree_cursor_goto_parent_wasm"];
          Module["_ts_tree_cursor_current_node_type_id_wasm"] = _ts_tree_cursor_current_node_type_id_wasm = wasmExports2["ts_tree_cursor_current_node_type_id_wasm"];
          Module["_ts_tree_cursor_current_node_state_id_wasm"] = _ts_tree_cursor_current_node_state_id_wasm = wasmExports2["ts_tree_cursor_current_node_state_id_wasm"];
          Module["_ts_tree_cursor_current_node_is_named_wasm"] = _ts_tree_cursor_current_node_is_named_wasm = wasmExports2["ts_tree_cursor_current_node_is_named_wasm"];
          Module["_ts_tree_cursor_current_node_is_missing_wasm"] = _ts_tree_cursor_current_node_is_missing_wasm = wasmExports2["ts_tree_cursor_current_node_is_missing_wasm"];
          Module["_ts_tree_cursor_current_node_id_wasm"] = _ts_tree_cursor_current_node_id_wasm = wasmExports2["ts_tree_cursor_current_node_id_wasm"];
          Module["_ts_tree_cursor_start_position_wasm"] = _ts_tree_cursor_start_position_wasm = wasmExports2["ts_tree_cursor_start_position_wasm"];
          Module["_ts_tree_cursor_end_position_wasm"] = _ts_tree_cursor_end_position_wasm = wasmExports2["ts_tree_cursor_end_position_wasm"];
          Module["_ts_tree_cursor_start_index_wasm"] = _ts_tree_cursor_start_index_wasm = wasmExports2["ts_tree_cursor_start_index_wasm"];
          Module["_ts_tree_cursor_end_index_wasm"] = _ts_tree_cursor_end_index_wasm = wasmExports2["ts_tree_cursor_end_index_wasm"];
          Module["_ts_tree_cursor_current_field_id_wasm"] = _ts_tree_cursor_current_field_id_wasm = wasmExports2["ts_tree_cursor_current_field_id_wasm"];
          Module["_ts_tree_cursor_current_depth_wasm"] = _ts_tree_cursor_current_depth_wasm = wasmExports2["ts_tree_cursor_current_depth_wasm"];
          Module["_ts_tree_cursor_current_descendant_index_wasm"] = _ts_tree_cursor_current_descendant_index_wasm = wasmExports2["ts_tree_cursor_current_descendant_index_wasm"];
          Module["_ts_tree_cursor_current_node_wasm"] = _ts_tree_cursor_current_node_wasm = wasmExports2["ts_tree_cursor_current_node_wasm"];
          Module["_ts_node_symbol_wasm"] = _ts_node_symbol_wasm = wasmExports2["ts_node_symbol_wasm"];
          Module["_ts_node_field_name_for_child_wasm"] = _ts_node_field_name_for_child_wasm = wasmExports2["ts_node_field_name_for_child_wasm"];
          Module["_ts_node_field_name_for_named_child_wasm"] = _ts_node_field_name_for_named_child_wasm = wasmExports2["ts_node_field_name_for_named_child_wasm"];
          Module["_ts_node_children_by_field_id_wasm"] = _ts_node_children_by_field_id_wasm = wasmExports2["ts_node_children_by_field_id_wasm"];
          Module["_ts_node_first_child_for_byte_wasm"] = _ts_node_first_child_for_byte_wasm = wasmExports2["ts_node_first_child_for_byte_wasm"];
          Module["_ts_node_first_named_child_for_byte_wasm"] = _ts_node_first_named_child_for_byte_wasm = wasmExports2["ts_node_first_named_child_for_byte_wasm"];
          Module["_ts_node_grammar_symbol_wasm"] = _ts_node_grammar_symbol_wasm = wasmExports2["ts_node_grammar_symbol_wasm"];
          Module["_ts_node_child_count_wasm"] = _ts_node_child_count_wasm = wasmExports2["ts_node_child_count_wasm"];
          Module["_ts_node_named_child_count_wasm"] = _ts_node_named_child_count_wasm = wasmExports2["ts_node_named_child_count_wasm"];
          Module["_ts_node_child_wasm"] = _ts_node_child_wasm = wasmExports2["ts_node_child_wasm"];
          Module["_ts_node_named_child_wasm"] = _ts_node_named_child_wasm = wasmExports2["ts_node_named_child_wasm"];
          Module["_ts_node_child_by_field_id_wasm"] = _ts_node_child_by_field_id_wasm = wasmExports2["ts_node_child_by_field_id_wasm"];
          Module["_ts_node_next_sibling_wasm"] = _ts_node_next_sibling_wasm = wasmExports2["ts_node_next_sibling_wasm"];
          Module["_ts_node_prev_sibling_wasm"] = _ts_node_prev_sibling_wasm = wasmExports2["ts_node_prev_sibling_wasm"];
          Module["_ts_node_next_named_sibling_wasm"] = _ts_node_next_named_sibling_wasm = wasmExports2["ts_node_next_named_sibling_wasm"];
          Module["_ts_node_prev_named_sibling_wasm"] = _ts_node_prev_named_sibling_wasm = wasmExports2["ts_node_prev_named_sibling_wasm"];
          Module["_ts_node_descendant_count_wasm"] = _ts_node_descendant_count_wasm = wasmExports2["ts_node_descendant_count_wasm"];
          Module["_ts_node_parent_wasm"] = _ts_node_parent_wasm = wasmExports2["ts_node_parent_wasm"];
          Module["_ts_node_child_with_descendant_wasm"] = _ts_node_child_with_descendant_wasm = wasmExports2["ts_node_child_with_descendant_wasm"];
          Module["_ts_node_descendant_for_index_wasm"] = _ts_node_descendant_for_index_wasm = wasmExports2["ts_node_descendant_for_index_wasm"];
          Module["_ts_node_named_descendant_for_index_wasm"] = _ts_node_named_descendant_for_index_wasm = wasmExports2["ts_node_named_descendant_for_index_wasm"];
          Module["_ts_node_descendant_for_position_wasm"] = _ts_node_descendant_for_position_wasm = wasmExports2["ts_node_descendant_for_position_wasm"];
          Module["_ts_node_named_descendant_for_position_wasm"] = _ts_node_named_descendant_for_position_wasm = wasmExports2["ts_node_named_descendant_for_position_wasm"];
          Module["_ts_node_start_point_wasm"] = _ts_node_start_point_wasm = wasmExports2["ts_node_start_point_wasm"];
          Module["_ts_node_end_point_wasm"] = _ts_node_end_point_wasm = wasmExports2["ts_node_end_point_wasm"];
          Module["_ts_node_start_index_wasm"] = _ts_node_start_index_wasm = wasmExports2["ts_node_start_index_wasm"];
          Module["_ts_node_end_index_wasm"] = _ts_node_end_index_wasm = wasmExports2["ts_node_end_index_wasm"];
          Module["_ts_node_to_string_wasm"] = _ts_node_to_string_wasm = wasmExports2["ts_node_to_string_wasm"];
          Module["_ts_node_children_wasm"] = _ts_node_children_wasm = wasmExports2["ts_node_children_wasm"];
          Module["_ts_node_named_children_wasm"] = _ts_node_named_children_wasm = wasmExports2["ts_node_named_children_wasm"];
          Module["_ts_node_descendants_of_type_wasm"] = _ts_node_descendants_of_type_wasm = wasmExports2["ts_node_descendants_of_type_wasm"];
          Module["_ts_node_is_named_wasm"] = _ts_node_is_named_wasm = wasmExports2["ts_node_is_named_wasm"];
          Module["_ts_node_has_changes_wasm"] = _ts_node_has_changes_wasm = wasmExports2["ts_node_has_changes_wasm"];
          Module["_ts_node_has_error_wasm"] = _ts_node_has_error_wasm = wasmExports2["ts_node_has_error_wasm"];
          Module["_ts_node_is_error_wasm"] = _ts_node_is_error_wasm = wasmExports2["ts_node_is_error_wasm"];
          Module["_ts_node_is_missing_wasm"] = _ts_node_is_missing_wasm = wasmExports2["ts_node_is_missing_wasm"];
          Module["_ts_node_is_extra_wasm"] = _ts_node_is_extra_wasm = wasmExports2["ts_node_is_extra_wasm"];
          Module["_ts_node_parse_state_wasm"] = _ts_node_parse_state_wasm = wasmExports2["ts_node_parse_state_wasm"];
          Module["_ts_node_next_parse_state_wasm"] = _ts_node_next_parse_state_wasm = wasmExports2["ts_node_next_parse_state_wasm"];
          Module["_ts_query_matches_wasm"] = _ts_query_matches_wasm = wasmExports2["ts_query_matches_wasm"];
          Module["_ts_query_captures_wasm"] = _ts_query_captures_wasm = wasmExports2["ts_query_captures_wasm"];
          Module["_memset"] = _memset = wasmExports2["memset"];
          Module["_memcpy"] = _memcpy = wasmExports2["memcpy"];
          Module["_memmove"] = _memmove = wasmExports2["memmove"];
          Module["_iswalpha"] = _iswalpha = wasmExports2["iswalpha"];
          Module["_iswblank"] = _iswblank = wasmExports2["iswblank"];
          Module["_iswdigit"] = _iswdigit = wasmExports2["iswdigit"];
          Module["_iswlower"] = _iswlower = wasmExports2["iswlower"];
          Module["_iswpunct"] = _iswpunct = wasmExports2["iswpunct"];
          Module["_iswupper"] = _iswupper = wasmExports2["iswupper"];
          Module["_iswxdigit"] = _iswxdigit = wasmExports2["iswxdigit"];
          Module["_memchr"] = _memchr = wasmExports2["memchr"];
          Module["_strcmp"] = _strcmp = wasmExports2["strcmp"];
          Module["_strncat"] = _strncat = wasmExports2["strncat"];
          Module["_strncpy"] = _strncpy = wasmExports2["strncpy"];
          Module["_towlower"] = _towlower = wasmExports2["towlower"];
          Module["_towupper"] = _towupper = wasmExports2["towupper"];
          _setThrew = wasmExports2["setThrew"];
          __emscripten_stack_restore = wasmExports2["_emscripten_stack_restore"];
          __emscripten_stack_alloc = wasmExports2["_emscripten_stack_alloc"];
          _emscripten_stack_get_current = wasmExports2["emscripten_stack_get_current"];
          ___wasm_apply_data_relocs = wasmExports2["__wasm_apply_data_relocs"];
        }
        __name(assignWasmExports, "assignWasmExports");
        var wasmImports = {
          /** @export */
          __heap_base: ___heap_base,
          /** @export */
          __indirect_function_table: wasmTable,
          /** @export */
          __memory_base: ___memory_base,
          /** @export */
          __stack_high: ___stack_high,
          /** @export */
          __stack_low: ___stack_low,
          /** @export */
          __stack_pointer: ___stack_pointer,
          /** @export */
          __table_base: ___table_base,
          /** @export */
          _abort_js: __abort_js,
          /** @export */
          emscripten_resize_heap: _emscripten_resize_heap,
          /** @export */
          fd_close: _fd_close,
          /** @export */
          fd_seek: _fd_seek,
          /** @export */
          fd_write: _fd_write,
          /** @export */
          memory: wasmMemory,
          /** @export */
          tree_sitter_log_callback: _tree_sitter_log_callback,
          /** @export */
          tree_sitter_parse_callback: _tree_sitter_parse_callback,
          /** @export */
          tree_sitter_progress_callback: _tree_sitter_progress_callback,
          /** @export */
          tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
        };
        function callMain(args2 = []) {
          var entryFunction = resolveGlobalSymbol("main").sym;
          if (!entryFunction) return;
          args2.unshift(thisProgram);
          var argc = args2.length;
          var argv = stackAlloc((argc + 1) * 4);
          var argv_ptr = argv;
          args2.forEach((arg) => {
            LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
            argv_ptr += 4;
          });
          LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
          try {
            var ret = entryFunction(argc, argv);
            exitJS(
              ret,
              /* implicit = */
              true
            );
            return ret;
          } catch (e) {
            return handleException(e);
          }
        }
        __name(callMain, "callMain");
        function run(args2 = arguments_) {
          if (runDependencies > 0) {
            dependenciesFulfilled = run;
            return;
          }
          preRun();
          if (runDependencies > 0) {
            dependenciesFulfilled = run;
            return;
          }
          function doRun() {
            Module["calledRun"] = true;
            if (ABORT) return;
            initRuntime();
            preMain();
            readyPromiseResolve?.(Module);
            Module["onRuntimeInitialized"]?.();
            var noInitialRun = Module["noInitialRun"] || false;
            if (!noInitialRun) callMain(args2);
            postRun();
          }
          __name(doRun, "doRun");
          if (Module["setStatus"]) {
            Module["setStatus"]("Running...");
            setTimeout(() => {
              setTimeout(() => Module["setStatus"](""), 1);
              doRun();
            }, 1);
          } else {
            doRun();
          }
        }
        __name(run, "run");
        var wasmExports;
        wasmExports = await createWasm();
        run();
        if (runtimeInitialized) {
          moduleRtn = Module;
        } else {
          moduleRtn = new Promise((resolve, reject) => {
            readyPromiseResolve = resolve;
            readyPromiseReject = reject;
          });
        }
        return moduleRtn;
      };
    })();
    if (typeof exports === "object" && typeof module === "object") {
      module.exports = Module;
      module.exports.default = Module;
    } else if (typeof define === "function" && define["amd"])
      define([], () => Module);
  }
});

// src/index.ts
var index_exports = {};
__export(index_exports, {
  CaptureQuantifier: () => CaptureQuantifier,
  Edit: () => Edit,
  LANGUAGE_VERSION: () => LANGUAGE_VERSION,
  Language: () => Language,
  LookaheadIterator: () => LookaheadIterator,
  MIN_COMPATIBLE_VERSION: () => MIN_COMPATIBLE_VERSION,
  Node: () => Node,
  Parser: () => Parser,
  Query: () => Query,
  Tree: () => Tree,
  TreeCursor: () => TreeCursor
});
module.exports = __toCommonJS(index_exports);

// src/edit.ts
var Edit = class {
  static {
    __name(this, "Edit");
  }
  /** The start position of the change. */
  startPosition;
  /** The end position of the change before the edit. */
  oldEndPosition;
  /** The end position of the change after the edit. */
  newEndPosition;
  /** The start index of the change. */
  startIndex;
  /** The end index of the change before the edit. */
  oldEndIndex;
  /** The end index of the change after the edit. */
  newEndIndex;
  constructor({
    startIndex,
    oldEndIndex,
    newEndIndex,
    startPosition,
    oldEndPosition,
    newEndPosition
  }) {
    this.startIndex = startIndex >>> 0;
    this.oldEndIndex = oldEndIndex >>> 0;
    this.newEndIndex = newEndIndex >>> 0;
    this.startPosition = startPosition;
    this.oldEndPosition = oldEndPosition;
    this.newEndPosition = newEndPosition;
  }
  /**
   * Edit a point and index to keep it in-sync with source code that has been edited.
   *
   * This function updates a single point's byte offset and row/column position
   * based on an edit operation. This is useful for editing points without
   * requiring a tree or node instance.
   */
  editPoint(point, index) {
    let newIndex = index;
    const newPoint = { ...point };
    if (index >= this.oldEndIndex) {
      newIndex = this.newEndIndex + (index - this.oldEndIndex);
      const originalRow = point.row;
      newPoint.row = this.newEndPosition.row + (point.row - this.oldEndPosition.row);
      newPoint.column = originalRow === this.oldEndPosition.row ? this.newEndPosition.column + (point.column - this.oldEndPosition.column) : point.column;
    } else if (index > this.startIndex) {
      newIndex = this.newEndIndex;
      newPoint.row = this.newEndPosition.row;
      newPoint.column = this.newEndPosition.column;
    }
    return { point: newPoint, index: newIndex };
  }
  /**
   * Edit a range to keep it in-sync with source code that has been edited.
   *
   * This function updates a range's start and end positions based on an edit
   * operation. This is useful for editing ranges without requiring a tree
   * or node instance.
   */
  editRange(range) {
    const newRange = {
      startIndex: range.startIndex,
      startPosition: { ...range.startPosition },
      endIndex: range.endIndex,
      endPosition: { ...range.endPosition }
    };
    if (range.endIndex >= this.oldEndIndex) {
      if (range.endIndex !== Number.MAX_SAFE_INTEGER) {
        newRange.endIndex = this.newEndIndex + (range.endIndex - this.oldEndIndex);
        newRange.endPosition = {
          row: this.newEndPosition.row + (range.endPosition.row - this.oldEndPosition.row),
          column: range.endPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.endPosition.column - this.oldEndPosition.column) : range.endPosition.column
        };
        if (newRange.endIndex < this.newEndIndex) {
          newRange.endIndex = Number.MAX_SAFE_INTEGER;
          newRange.endPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
        }
      }
    } else if (range.endIndex > this.startIndex) {
      newRange.endIndex = this.startIndex;
      newRange.endPosition = { ...this.startPosition };
    }
    if (range.startIndex >= this.oldEndIndex) {
      newRange.startIndex = this.newEndIndex + (range.startIndex - this.oldEndIndex);
      newRange.startPosition = {
        row: this.newEndPosition.row + (range.startPosition.row - this.oldEndPosition.row),
        column: range.startPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.startPosition.column - this.oldEndPosition.column) : range.startPosition.column
      };
      if (newRange.startIndex < this.newEndIndex) {
        newRange.startIndex = Number.MAX_SAFE_INTEGER;
        newRange.startPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
      }
    } else if (range.startIndex > this.startIndex) {
      newRange.startIndex = this.startIndex;
      newRange.startPosition = { ...this.startPosition };
    }
    return newRange;
  }
};

// src/constants.ts
var SIZE_OF_SHORT = 2;
var SIZE_OF_INT = 4;
var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
var SIZE_OF_NODE = 5 * SIZE_OF_INT;
var SIZE_OF_POINT = 2 * SIZE_OF_INT;
var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
var ZERO_POINT = { row: 0, column: 0 };
var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
function assertInternal(x) {
  if (x !== INTERNAL) throw new Error("Illegal constructor");
}
__name(assertInternal, "assertInternal");
function isPoint(point) {
  return !!point && typeof point.row === "number" && typeof point.column === "number";
}
__name(isPoint, "isPoint");
function setModule(module2) {
  C = module2;
}
__name(setModule, "setModule");
var C;

// src/finalization_registry.ts
function newFinalizer(handler) {
  try {
    return new FinalizationRegistry(handler);
  } catch (e) {
    console.error("Unsupported FinalizationRegistry:", e);
    return;
  }
}
__name(newFinalizer, "newFinalizer");

// src/lookahead_iterator.ts
var finalizer = newFinalizer((address) => {
  C._ts_lookahead_iterator_delete(address);
});
var LookaheadIterator = class {
  static {
    __name(this, "LookaheadIterator");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  language;
  /** @internal */
  positioned = false;
  /** @internal */
  constructor(internal, address, language) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    finalizer?.register(this, address, this);
  }
  /**
   * Get the current symbol of the lookahead iterator.
   *
   * Returns `null` if the iterator is not positioned on a symbol:
   *
   * - Before the first iteration step
   * - After the iterator is exhausted
   * - After a {@link reset} or {@link resetState} call
   */
  get currentTypeId() {
    return this.positioned ? C._ts_lookahead_iterator_current_symbol(this[0]) : null;
  }
  /**
   * Get the current symbol name of the lookahead iterator.
   *
   * Returns `null` if the iterator is not positioned on a symbol.
   */
  get currentType() {
    const id = this.currentTypeId;
    if (id === null) return null;
    return this.language.types[id] ?? C.UTF8ToString(C._ts_language_symbol_name(this.language[0], id));
  }
  /** Delete the lookahead iterator, freeing its resources. */
  delete() {
    finalizer?.unregister(this);
    C._ts_lookahead_iterator_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Reset the lookahead iterator.
   *
   * This returns `true` if the language was set successfully and `false`
   * otherwise.
   */
  reset(language, stateId) {
    if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
      this.language = language;
      this.positioned = false;
      return true;
    }
    return false;
  }
  /**
   * Reset the lookahead iterator to another state.
   *
   * This returns `true` if the iterator was reset to the given state and
   * `false` otherwise.
   */
  resetState(stateId) {
    if (!C._ts_lookahead_iterator_reset_state(this[0], stateId)) return false;
    this.positioned = false;
    return true;
  }
  /**
   * Returns an iterator that iterates over the symbols of the lookahead iterator.
   *
   * The iterator will yield the current symbol name as a string for each step
   * until there are no more symbols to iterate over.
   */
  [Symbol.iterator]() {
    return {
      next: /* @__PURE__ */ __name(() => {
        this.positioned = Boolean(C._ts_lookahead_iterator_next(this[0]));
        const value = this.currentType;
        return value === null ? { done: true, value: "" } : { done: false, value };
      }, "next")
    };
  }
};

// src/tree.ts
function getText(tree, startIndex, endIndex, startPosition) {
  const length = endIndex - startIndex;
  let result = tree.textCallback(startIndex, startPosition);
  if (result) {
    startIndex += result.length;
    while (startIndex < endIndex) {
      const string = tree.textCallback(startIndex, startPosition);
      if (string && string.length > 0) {
        startIndex += string.length;
        result += string;
      } else {
        break;
      }
    }
    if (startIndex > endIndex) {
      result = result.slice(0, length);
    }
  }
  return result ?? "";
}
__name(getText, "getText");
var finalizer2 = newFinalizer((address) => {
  C._ts_tree_delete(address);
});
var Tree = class _Tree {
  static {
    __name(this, "Tree");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  textCallback;
  /** The language that was used to parse the syntax tree. */
  language;
  /** @internal */
  constructor(internal, address, language, textCallback) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    this.textCallback = textCallback;
    finalizer2?.register(this, address, this);
  }
  /** Create a shallow copy of the syntax tree. This is very fast. */
  copy() {
    const address = C._ts_tree_copy(this[0]);
    return new _Tree(INTERNAL, address, this.language, this.textCallback);
  }
  /** Delete the syntax tree, freeing its resources. */
  delete() {
    finalizer2?.unregister(this);
    C._ts_tree_delete(this[0]);
    this[0] = 0;
  }
  /** Get the root node of the syntax tree. */
  get rootNode() {
    C._ts_tree_root_node_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Get the root node of the syntax tree, but with its position shifted
   * forward by the given offset.
   */
  rootNodeWithOffset(offsetBytes, offsetExtent) {
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, offsetBytes, "i32");
    marshalPoint(address + SIZE_OF_INT, offsetExtent);
    C._ts_tree_root_node_with_offset_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Edit the syntax tree to keep it in sync with source code that has been
   * edited.
   *
   * You must describe the edit both in terms of byte offsets and in terms of
   * row/column coordinates.
   */
  edit(edit) {
    marshalEdit(edit);
    C._ts_tree_edit_wasm(this[0]);
  }
  /** Create a new {@link TreeCursor} starting from the root of the tree. */
  walk() {
    return this.rootNode.walk();
  }
  /**
   * Compare this old edited syntax tree to a new syntax tree representing
   * the same document, returning a sequence of ranges whose syntactic
   * structure has changed.
   *
   * For this to work correctly, this syntax tree must have been edited such
   * that its ranges match up to the new tree. Generally, you'll want to
   * call this method right after calling one of the [`Parser::parse`]
   * functions. Call it on the old tree that was passed to parse, and
   * pass the new tree that was returned from `parse`.
   */
  getChangedRanges(other) {
    if (!(other instanceof _Tree)) {
      throw new TypeError("Argument must be a Tree");
    }
    C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the included ranges that were used to parse the syntax tree. */
  getIncludedRanges() {
    C._ts_tree_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
};

// src/tree_cursor.ts
var finalizer3 = newFinalizer((handles) => {
  marshalTreeCursor({ handles });
  C._ts_tree_cursor_delete_wasm(0);
});
var TreeCursor = class _TreeCursor {
  static {
    __name(this, "TreeCursor");
  }
  /** @internal */
  handles = [0, 0, 0, 0];
  // Internal handles for Wasm, shared with the finalizer.
  /** @internal */
  tree;
  /** @internal */
  constructor(internal, tree) {
    assertInternal(internal);
    this.tree = tree;
    unmarshalTreeCursor(this);
    finalizer3?.register(this, this.handles, this);
  }
  /** Creates a deep copy of the tree cursor. This allocates new memory. */
  copy() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_copy_wasm(this.tree[0]);
    return new _TreeCursor(INTERNAL, this.tree);
  }
  /** Delete the tree cursor, freeing its resources. */
  delete() {
    finalizer3?.unregister(this);
    marshalTreeCursor(this);
    C._ts_tree_cursor_delete_wasm(this.tree[0]);
    this.handles.fill(0);
  }
  /** Get the tree cursor's current {@link Node}. */
  get currentNode() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_current_node_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the numerical field id of this tree cursor's current node.
   *
   * See also {@link TreeCursor#currentFieldName}.
   */
  get currentFieldId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
  }
  /** Get the field name of this tree cursor's current node. */
  get currentFieldName() {
    return this.tree.language.fields[this.currentFieldId];
  }
  /**
   * Get the depth of the cursor's current node relative to the original
   * node that the cursor was constructed with.
   */
  get currentDepth() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
  }
  /**
   * Get the index of the cursor's current node out of all of the
   * descendants of the original node that the cursor was constructed with.
   */
  get currentDescendantIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
  }
  /** Get the type of the cursor's current node. */
  get nodeType() {
    return this.tree.language.types[this.nodeTypeId] || "ERROR";
  }
  /** Get the type id of the cursor's current node. */
  get nodeTypeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
  }
  /** Get the state id of the cursor's current node. */
  get nodeStateId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
  }
  /** Get the id of the cursor's current node. */
  get nodeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
  }
  /**
   * Check if the cursor's current node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get nodeIsNamed() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if the cursor's current node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get nodeIsMissing() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Get the string content of the cursor's current node. */
  get nodeText() {
    marshalTreeCursor(this);
    const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
    const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    const startPosition = unmarshalPoint(TRANSFER_BUFFER);
    return getText(this.tree, startIndex, endIndex, startPosition);
  }
  /** Get the start position of the cursor's current node. */
  get startPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the end position of the cursor's current node. */
  get endPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_end_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the start index of the cursor's current node. */
  get startIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
  }
  /** Get the end index of the cursor's current node. */
  get endIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
  }
  /**
   * Move this cursor to the first child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   */
  gotoFirstChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the last child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoFirstChild} because it needs to
   * iterate through all the children to compute the child's position.
   */
  gotoLastChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the parent of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no parent node (the cursor was already on the
   * root node).
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoParent() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the next sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no next sibling node.
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoNextSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the previous sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no previous sibling node.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoNextSibling} due to how node
   * positions are stored. In the worst case, this will need to iterate
   * through all the children up to the previous sibling node to recalculate
   * its position. Also note that the node the cursor was constructed with is
   * considered the root of the cursor, and the cursor cannot walk outside this node.
   */
  gotoPreviousSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move the cursor to the node that is the nth descendant of
   * the original node that the cursor was constructed with, where
   * zero represents the original node itself.
   */
  gotoDescendant(goalDescendantIndex) {
    marshalTreeCursor(this);
    C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
    unmarshalTreeCursor(this);
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForIndex(goalIndex) {
    marshalTreeCursor(this);
    C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
    const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given position.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForPosition(goalPosition) {
    marshalTreeCursor(this);
    marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
    const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Re-initialize this tree cursor to start at the original node that the
   * cursor was constructed with.
   */
  reset(node) {
    marshalNode(node);
    marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
    C._ts_tree_cursor_reset_wasm(node.tree[0]);
    unmarshalTreeCursor(this);
    this.tree = node.tree;
  }
  /**
   * Re-initialize a tree cursor to the same position as another cursor.
   *
   * Unlike {@link TreeCursor#reset}, this will not lose parent
   * information and allows reusing already created cursors.
   */
  resetTo(cursor) {
    marshalTreeCursor(this, TRANSFER_BUFFER);
    marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
    C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
    unmarshalTreeCursor(this);
    this.tree = cursor.tree;
  }
};

// src/node.ts
var Node = class {
  static {
    __name(this, "Node");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
  /** @internal */
  constructor(internal, {
    id,
    tree,
    startIndex,
    startPosition,
    other
  }) {
    assertInternal(internal);
    this[0] = other;
    this.id = id;
    this.tree = tree;
    this.startIndex = startIndex;
    this.startPosition = startPosition;
  }
  /**
   * The numeric id for this node that is unique.
   *
   * Within a given syntax tree, no two nodes have the same id. However:
   *
   * * If a new tree is created based on an older tree, and a node from the old tree is reused in
   *   the process, then that node will have the same id in both trees.
   *
   * * A node not marked as having changes does not guarantee it was reused.
   *
   * * If a node is marked as having changed in the old tree, it will not be reused.
   */
  id;
  /** The byte index where this node starts. */
  startIndex;
  /** The position where this node starts. */
  startPosition;
  /** The tree that this node belongs to. */
  tree;
  /** Get this node's type as a numerical id. */
  get typeId() {
    marshalNode(this);
    return C._ts_node_symbol_wasm(this.tree[0]);
  }
  /**
   * Get the node's type as a numerical id as it appears in the grammar,
   * ignoring aliases.
   */
  get grammarId() {
    marshalNode(this);
    return C._ts_node_grammar_symbol_wasm(this.tree[0]);
  }
  /** Get this node's type as a string. */
  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }
  /**
   * Get this node's symbol name as it appears in the grammar, ignoring
   * aliases as a string.
   */
  get grammarType() {
    return this.tree.language.types[this.grammarId] || "ERROR";
  }
  /**
   * Check if this node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get isNamed() {
    marshalNode(this);
    return C._ts_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *extra*.
   *
   * Extra nodes represent things like comments, which are not required
   * by the grammar, but can appear anywhere.
   */
  get isExtra() {
    marshalNode(this);
    return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error.
   *
   * Syntax errors represent parts of the code that could not be incorporated
   * into a valid syntax tree.
   */
  get isError() {
    marshalNode(this);
    return C._ts_node_is_error_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get isMissing() {
    marshalNode(this);
    return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Check if this node has been edited. */
  get hasChanges() {
    marshalNode(this);
    return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error or contains any syntax
   * errors anywhere within it.
   */
  get hasError() {
    marshalNode(this);
    return C._ts_node_has_error_wasm(this.tree[0]) === 1;
  }
  /** Get the byte index where this node ends. */
  get endIndex() {
    marshalNode(this);
    return C._ts_node_end_index_wasm(this.tree[0]);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    marshalNode(this);
    C._ts_node_end_point_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the string content of this node. */
  get text() {
    return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
  }
  /** Get this node's parse state. */
  get parseState() {
    marshalNode(this);
    return C._ts_node_parse_state_wasm(this.tree[0]);
  }
  /** Get the parse state after this node. */
  get nextParseState() {
    marshalNode(this);
    return C._ts_node_next_parse_state_wasm(this.tree[0]);
  }
  /** Check if this node is equal to another node. */
  equals(other) {
    return this.tree === other.tree && this.id === other.id;
  }
  /**
   * Get the node's child at the given index, where zero represents the first child.
   *
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#children} instead.
   */
  child(index) {
    marshalNode(this);
    C._ts_node_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's *named* child at the given index.
   *
   * See also {@link Node#isNamed}.
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#namedChildren} instead.
   */
  namedChild(index) {
    marshalNode(this);
    C._ts_node_named_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's child with the given numerical field id.
   *
   * See also {@link Node#childForFieldName}. You can
   * convert a field name to an id using {@link Language#fieldIdForName}.
   */
  childForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the first child with the given field name.
   *
   * If multiple children may have the same field name, access them using
   * {@link Node#childrenForFieldName}.
   */
  childForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1) return this.childForFieldId(fieldId);
    return null;
  }
  /** Get the field name of this node's child at the given index. */
  fieldNameForChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /** Get the field name of this node's named child at the given index. */
  fieldNameForNamedChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /**
   * Get an array of this node's children with a given field name.
   *
   * See also {@link Node#children}.
   */
  childrenForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
    return [];
  }
  /**
    * Get an array of this node's children with a given field id.
    *
    * See also {@link Node#childrenForFieldName}.
    */
  childrenForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the node's first child that contains or starts after the given byte offset. */
  firstChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's first named child that contains or starts after the given byte offset. */
  firstNamedChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's number of children. */
  get childCount() {
    marshalNode(this);
    return C._ts_node_child_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's number of *named* children.
   *
   * See also {@link Node#isNamed}.
   */
  get namedChildCount() {
    marshalNode(this);
    return C._ts_node_named_child_count_wasm(this.tree[0]);
  }
  /** Get this node's first child. */
  get firstChild() {
    return this.child(0);
  }
  /**
   * Get this node's first named child.
   *
   * See also {@link Node#isNamed}.
   */
  get firstNamedChild() {
    return this.namedChild(0);
  }
  /** Get this node's last child. */
  get lastChild() {
    return this.child(this.childCount - 1);
  }
  /**
   * Get this node's last named child.
   *
   * See also {@link Node#isNamed}.
   */
  get lastNamedChild() {
    return this.namedChild(this.namedChildCount - 1);
  }
  /**
   * Iterate over this node's children.
   *
   * If you're walking the tree recursively, you may want to use the
   * {@link TreeCursor} APIs directly instead.
   */
  get children() {
    if (!this._children) {
      marshalNode(this);
      C._ts_node_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._children = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._children[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._children;
  }
  /**
   * Iterate over this node's named children.
   *
   * See also {@link Node#children}.
   */
  get namedChildren() {
    if (!this._namedChildren) {
      marshalNode(this);
      C._ts_node_named_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._namedChildren = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._namedChildren[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._namedChildren;
  }
  /**
   * Get the descendants of this node that are the given type, or in the given types array.
   *
   * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
   *
   * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
   */
  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
    const symbols = [];
    const typesBySymbol = this.tree.language.types;
    for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
      if (types.includes(typesBySymbol[i2])) {
        symbols.push(i2);
      }
    }
    if (types.includes("ERROR")) {
      symbols.push(65535);
    }
    const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
    for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
      C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
    }
    marshalNode(this);
    C._ts_node_descendants_of_type_wasm(
      this.tree[0],
      symbolsAddress,
      symbols.length,
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column
    );
    const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
    const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(descendantCount);
    if (descendantCount > 0) {
      let address = descendantAddress;
      for (let i2 = 0; i2 < descendantCount; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
    }
    C._free(descendantAddress);
    C._free(symbolsAddress);
    return result;
  }
  /** Get this node's next sibling. */
  get nextSibling() {
    marshalNode(this);
    C._ts_node_next_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's previous sibling. */
  get previousSibling() {
    marshalNode(this);
    C._ts_node_prev_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's next *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get nextNamedSibling() {
    marshalNode(this);
    C._ts_node_next_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's previous *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get previousNamedSibling() {
    marshalNode(this);
    C._ts_node_prev_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's number of descendants, including one for the node itself. */
  get descendantCount() {
    marshalNode(this);
    return C._ts_node_descendant_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's immediate parent.
   * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
   */
  get parent() {
    marshalNode(this);
    C._ts_node_parent_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the node that contains `descendant`.
   *
   * Note that this can return `descendant` itself.
   */
  childWithDescendant(descendant) {
    marshalNode(this);
    marshalNode(descendant, 1);
    C._ts_node_child_with_descendant_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given byte range. */
  descendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given byte range. */
  namedDescendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given point range. */
  descendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given point range. */
  namedDescendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Create a new {@link TreeCursor} starting from this node.
   *
   * Note that the given node is considered the root of the cursor,
   * and the cursor cannot walk outside this node.
   */
  walk() {
    marshalNode(this);
    C._ts_tree_cursor_new_wasm(this.tree[0]);
    return new TreeCursor(INTERNAL, this.tree);
  }
  /**
   * Edit this node to keep it in-sync with source code that has been edited.
   *
   * This function is only rarely needed. When you edit a syntax tree with
   * the {@link Tree#edit} method, all of the nodes that you retrieve from
   * the tree afterward will already reflect the edit. You only need to
   * use {@link Node#edit} when you have a specific {@link Node} instance that
   * you want to keep and continue to use after an edit.
   */
  edit(edit) {
    const { point, index } = edit.editPoint(this.startPosition, this.startIndex);
    this.startPosition = point;
    this.startIndex = index;
  }
  /** Get the S-expression representation of this node. */
  toString() {
    marshalNode(this);
    const address = C._ts_node_to_string_wasm(this.tree[0]);
    const result = C.AsciiToString(address);
    C._free(address);
    return result;
  }
};

// src/marshal.ts
function unmarshalCaptures(query, tree, address, patternIndex, result) {
  for (let i2 = 0, n = result.length; i2 < n; i2++) {
    const captureIndex = C.getValue(address, "i32");
    address += SIZE_OF_INT;
    const node = unmarshalNode(tree, address);
    address += SIZE_OF_NODE;
    result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
  }
  return address;
}
__name(unmarshalCaptures, "unmarshalCaptures");
function marshalNode(node, index = 0) {
  let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
  C.setValue(address, node.id, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node[0], "i32");
}
__name(marshalNode, "marshalNode");
function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  const id = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  if (id === 0) return null;
  const index = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const row = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const column = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const other = C.getValue(address, "i32");
  const result = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index,
    startPosition: { row, column },
    other
  });
  return result;
}
__name(unmarshalNode, "unmarshalNode");
function marshalTreeCursor({ handles }, address = TRANSFER_BUFFER) {
  C.setValue(address + 0 * SIZE_OF_INT, handles[0], "i32");
  C.setValue(address + 1 * SIZE_OF_INT, handles[1], "i32");
  C.setValue(address + 2 * SIZE_OF_INT, handles[2], "i32");
  C.setValue(address + 3 * SIZE_OF_INT, handles[3], "i32");
}
__name(marshalTreeCursor, "marshalTreeCursor");
function unmarshalTreeCursor({ handles }) {
  handles[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
  handles[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
  handles[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
  handles[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
}
__name(unmarshalTreeCursor, "unmarshalTreeCursor");
function marshalPoint(address, point) {
  C.setValue(address, point.row, "i32");
  C.setValue(address + SIZE_OF_INT, point.column, "i32");
}
__name(marshalPoint, "marshalPoint");
function unmarshalPoint(address) {
  const result = {
    row: C.getValue(address, "i32") >>> 0,
    column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
  };
  return result;
}
__name(unmarshalPoint, "unmarshalPoint");
function marshalRange(address, range) {
  marshalPoint(address, range.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, range.endPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, range.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, range.endIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalRange, "marshalRange");
function unmarshalRange(address) {
  const result = {};
  result.startPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.endPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.startIndex = C.getValue(address, "i32") >>> 0;
  address += SIZE_OF_INT;
  result.endIndex = C.getValue(address, "i32") >>> 0;
  return result;
}
__name(unmarshalRange, "unmarshalRange");
function marshalEdit(edit, address = TRANSFER_BUFFER) {
  marshalPoint(address, edit.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.oldEndPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.newEndPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, edit.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.oldEndIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.newEndIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalEdit, "marshalEdit");
function unmarshalLanguageMetadata(address) {
  const major_version = C.getValue(address, "i32");
  const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
  const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
  return { major_version, minor_version, patch_version };
}
__name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");

// src/language.ts
var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
var Language = class _Language {
  static {
    __name(this, "Language");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /**
   * A list of all node types in the language. The index of each type in this
   * array is its node type id.
   */
  types;
  /**
   * A list of all field names in the language. The index of each field name in
   * this array is its field id.
   */
  fields;
  /** @internal */
  constructor(internal, address) {
    assertInternal(internal);
    this[0] = address;
    this.types = new Array(C._ts_language_symbol_count(this[0]));
    for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
      if (C._ts_language_symbol_type(this[0], i2) < 2) {
        this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
      }
    }
    this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
    for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
      const fieldName = C._ts_language_field_name_for_id(this[0], i2);
      if (fieldName !== 0) {
        this.fields[i2] = C.UTF8ToString(fieldName);
      } else {
        this.fields[i2] = null;
      }
    }
  }
  /**
   * Gets the name of the language.
   */
  get name() {
    const ptr = C._ts_language_name(this[0]);
    if (ptr === 0) return null;
    return C.UTF8ToString(ptr);
  }
  /**
   * Gets the ABI version of the language.
   */
  get abiVersion() {
    return C._ts_language_abi_version(this[0]);
  }
  /**
  * Get the metadata for this language. This information is generated by the
  * CLI, and relies on the language author providing the correct metadata in
  * the language's `tree-sitter.json` file.
  */
  get metadata() {
    C._ts_language_metadata_wasm(this[0]);
    const length = C.getValue(TRANSFER_BUFFER, "i32");
    if (length === 0) return null;
    return unmarshalLanguageMetadata(TRANSFER_BUFFER + SIZE_OF_INT);
  }
  /**
   * Gets the number of fields in the language.
   */
  get fieldCount() {
    return this.fields.length - 1;
  }
  /**
   * Gets the number of states in the language.
   */
  get stateCount() {
    return C._ts_language_state_count(this[0]);
  }
  /**
   * Get the field id for a field name.
   */
  fieldIdForName(fieldName) {
    const result = this.fields.indexOf(fieldName);
    return result !== -1 ? result : null;
  }
  /**
   * Get the field name for a field id.
   */
  fieldNameForId(fieldId) {
    return this.fields[fieldId] ?? null;
  }
  /**
   * Get the node type id for a node type name.
   */
  idForNodeType(type, named) {
    const typeLength = C.lengthBytesUTF8(type);
    const typeAddress = C._malloc(typeLength + 1);
    C.stringToUTF8(type, typeAddress, typeLength + 1);
    const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
    C._free(typeAddress);
    return result || null;
  }
  /**
   * Gets the number of node types in the language.
   */
  get nodeTypeCount() {
    return C._ts_language_symbol_count(this[0]);
  }
  /**
   * Get the node type name for a node type id.
   */
  nodeTypeForId(typeId) {
    const name2 = C._ts_language_symbol_name(this[0], typeId);
    return name2 ? C.UTF8ToString(name2) : null;
  }
  /**
   * Check if a node type is named.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
   */
  nodeTypeIsNamed(typeId) {
    return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Check if a node type is visible.
   */
  nodeTypeIsVisible(typeId) {
    return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Get the supertypes ids of this language.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
   */
  get supertypes() {
    C._ts_language_supertypes_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the subtype ids for a given supertype node id.
   */
  subtypes(supertype) {
    C._ts_language_subtypes_wasm(this[0], supertype);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the next state id for a given state id and node type id.
   */
  nextState(stateId, typeId) {
    return C._ts_language_next_state(this[0], stateId, typeId);
  }
  /**
   * Create a new lookahead iterator for this language and parse state.
   *
   * This returns `null` if state is invalid for this language.
   *
   * Iterating {@link LookaheadIterator} will yield valid symbols in the given
   * parse state. A newly created iterator is not positioned on a symbol, so
   * {@link LookaheadIterator#currentType} returns `null` until the first
   * iteration step.
   *
   * Lookahead iterators can be useful for generating suggestions and improving
   * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
   * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
   * lookahead iterator created on the previous non-extra leaf node may be
   * appropriate.
   */
  lookaheadIterator(stateId) {
    const address = C._ts_lookahead_iterator_new(this[0], stateId);
    if (address) return new LookaheadIterator(INTERNAL, address, this);
    return null;
  }
  /**
   * Load a language from a WebAssembly module.
   * The module can be provided as a path to a file, a `URL` to a file, or as a
   * buffer.
   */
  static async load(input) {
    let binary2;
    if (input instanceof Uint8Array) {
      binary2 = input;
    } else if (globalThis.process?.versions.node) {
      const fs2 = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 943, 23));
      binary2 = await fs2.readFile(input);
    } else {
      const response = await fetch(input);
      if (!response.ok) {
        const body2 = await response.text();
        throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
      }
      const retryResp = response.clone();
      try {
        binary2 = await WebAssembly.compileStreaming(response);
      } catch (reason) {
        console.error("wasm streaming compile failed:", reason);
        console.error("falling back to ArrayBuffer instantiation");
        binary2 = new Uint8Array(await retryResp.arrayBuffer());
      }
    }
    const mod = await C.loadWebAssemblyModule(binary2, { loadAsync: true });
    return _Language.loadFromWasmExports(mod, { sync: false });
  }
  static loadFromWasmExports(mod, { sync }) {
    const symbolNames = Object.keys(mod);
    const functionName = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
    if (!functionName) {
      console.log(`Couldn't find language function in Wasm file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
      throw new Error(`Language.${sync ? "loadSync" : "load"} failed: no language function found in Wasm file`);
    }
    const languageAddress = mod[functionName]();
    return new _Language(INTERNAL, languageAddress);
  }
  /**
   * Load a language synchronously from a pre-compiled WebAssembly module.
   * Use this when the host environment provides a `WebAssembly.Module` directly.
   */
  static loadSync(wasmModule) {
    const mod = C.loadWebAssemblyModule(wasmModule, { loadAsync: false });
    return _Language.loadFromWasmExports(mod, { sync: true });
  }
};

// src/bindings.ts
var import_web_tree_sitter = __toESM(require_web_tree_sitter(), 1);
var Module2 = null;
async function initializeBinding(moduleOptions) {
  return Module2 ??= await (0, import_web_tree_sitter.default)(moduleOptions);
}
__name(initializeBinding, "initializeBinding");
function checkModule() {
  return !!Module2;
}
__name(checkModule, "checkModule");

// src/parser.ts
var TRANSFER_BUFFER;
var LANGUAGE_VERSION;
var MIN_COMPATIBLE_VERSION;
var finalizer4 = newFinalizer((addresses) => {
  C._ts_parser_delete(addresses[0]);
  C._free(addresses[1]);
});
var Parser = class {
  static {
    __name(this, "Parser");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  [1] = 0;
  // Internal handle for Wasm
  /** @internal */
  logCallback = null;
  /** The parser's current language. */
  language = null;
  /**
   * This must always be called before creating a Parser.
   *
   * You can optionally pass in options to configure the Wasm module, the most common
   * one being `locateFile` to help the module find the `.wasm` file.
   */
  static async init(moduleOptions) {
    setModule(await initializeBinding(moduleOptions));
    TRANSFER_BUFFER = C._ts_init();
    LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
    MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /**
   * Create a new parser.
   */
  constructor() {
    this.initialize();
    finalizer4?.register(this, [this[0], this[1]], this);
  }
  /** @internal */
  initialize() {
    if (!checkModule()) {
      throw new Error("cannot construct a Parser before calling `init()`");
    }
    C._ts_parser_new_wasm();
    this[0] = C.getValue(TRANSFER_BUFFER, "i32");
    this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /** Delete the parser, freeing its resources. */
  delete() {
    finalizer4?.unregister(this);
    C._ts_parser_delete(this[0]);
    C._free(this[1]);
    this[0] = 0;
    this[1] = 0;
  }
  /**
   * Set the language that the parser should use for parsing.
   *
   * If the language was not successfully assigned, an error will be thrown.
   * This happens if the language was generated with an incompatible
   * version of the Tree-sitter CLI. Check the language's version using
   * {@link Language#version} and compare it to this library's
   * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
   */
  setLanguage(language) {
    let address;
    if (!language) {
      address = 0;
      this.language = null;
    } else if (language.constructor === Language) {
      address = language[0];
      const version = C._ts_language_abi_version(address);
      if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
        throw new Error(
          `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
        );
      }
      this.language = language;
    } else {
      throw new Error("Argument must be a Language");
    }
    C._ts_parser_set_language(this[0], address);
    return this;
  }
  /**
   * Parse a slice of UTF8 text.
   *
   * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
   *
   * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
   *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
   *   the new text using {@link Tree#edit}.
   *
   * @param {ParseOptions} [options] - Options for parsing the text.
   *  This can be used to set the included ranges, or a progress callback.
   *
   * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
   *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
   *  - The progress callback returned true.
   */
  parse(callback, oldTree, options) {
    if (typeof callback === "string") {
      C.currentParseCallback = (index) => callback.slice(index);
    } else if (typeof callback === "function") {
      C.currentParseCallback = callback;
    } else {
      throw new Error("Argument must be a string or a function");
    }
    if (options?.progressCallback) {
      C.currentProgressCallback = options.progressCallback;
    } else {
      C.currentProgressCallback = null;
    }
    if (this.logCallback) {
      C.currentLogCallback = this.logCallback;
      C._ts_parser_enable_logger_wasm(this[0], 1);
    } else {
      C.currentLogCallback = null;
      C._ts_parser_enable_logger_wasm(this[0], 0);
    }
    let rangeCount = 0;
    let rangeAddress = 0;
    if (options?.includedRanges) {
      rangeCount = options.includedRanges.length;
      rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
      let address = rangeAddress;
      for (let i2 = 0; i2 < rangeCount; i2++) {
        marshalRange(address, options.includedRanges[i2]);
        address += SIZE_OF_RANGE;
      }
    }
    const treeAddress = C._ts_parser_parse_wasm(
      this[0],
      this[1],
      oldTree ? oldTree[0] : 0,
      rangeAddress,
      rangeCount
    );
    if (!treeAddress) {
      C.currentParseCallback = null;
      C.currentLogCallback = null;
      C.currentProgressCallback = null;
      return null;
    }
    if (!this.language) {
      throw new Error("Parser must have a language to parse");
    }
    const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
    C.currentParseCallback = null;
    C.currentLogCallback = null;
    C.currentProgressCallback = null;
    return result;
  }
  /**
   * Instruct the parser to start the next parse from the beginning.
   *
   * If the parser previously failed because of a callback, 
   * then by default, it will resume where it left off on the
   * next call to {@link Parser#parse} or other parsing functions.
   * If you don't want to resume, and instead intend to use this parser to
   * parse some other document, you must call `reset` first.
   */
  reset() {
    C._ts_parser_reset(this[0]);
  }
  /** Get the ranges of text that the parser will include when parsing. */
  getIncludedRanges() {
    C._ts_parser_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Set the logging callback that a parser should use during parsing. */
  setLogger(callback) {
    if (!callback) {
      this.logCallback = null;
    } else if (typeof callback !== "function") {
      throw new Error("Logger callback must be a function");
    } else {
      this.logCallback = callback;
    }
    return this;
  }
  /** Get the parser's current logger. */
  getLogger() {
    return this.logCallback;
  }
};

// src/query.ts
var PREDICATE_STEP_TYPE_CAPTURE = 1;
var PREDICATE_STEP_TYPE_STRING = 2;
var QUERY_WORD_REGEX = /[\w-]+/g;
var CaptureQuantifier = {
  Zero: 0,
  ZeroOrOne: 1,
  ZeroOrMore: 2,
  One: 3,
  OneOrMore: 4
};
var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
var QueryErrorKind = {
  Syntax: 1,
  NodeName: 2,
  FieldName: 3,
  CaptureName: 4,
  PatternStructure: 5
};
var QueryError = class _QueryError extends Error {
  constructor(kind, info2, index, length) {
    super(_QueryError.formatMessage(kind, info2));
    this.kind = kind;
    this.info = info2;
    this.index = index;
    this.length = length;
    this.name = "QueryError";
  }
  kind;
  info;
  index;
  length;
  static {
    __name(this, "QueryError");
  }
  /** Formats an error message based on the error kind and info */
  static formatMessage(kind, info2) {
    switch (kind) {
      case QueryErrorKind.NodeName:
        return `Bad node name '${info2.word}'`;
      case QueryErrorKind.FieldName:
        return `Bad field name '${info2.word}'`;
      case QueryErrorKind.CaptureName:
        return `Bad capture name @${info2.word}`;
      case QueryErrorKind.PatternStructure:
        return `Bad pattern structure at offset ${info2.suffix}`;
      case QueryErrorKind.Syntax:
        return `Bad syntax at offset ${info2.suffix}`;
    }
  }
};
function parseAnyPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
    );
  }
  if (!isCaptureStep(steps[1])) {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
    );
  }
  const isPositive = operator === "eq?" || operator === "any-eq?";
  const matchAll = !operator.startsWith("any-");
  if (isCaptureStep(steps[2])) {
    const captureName1 = steps[1].name;
    const captureName2 = steps[2].name;
    textPredicates[index].push((captures) => {
      const nodes1 = [];
      const nodes2 = [];
      for (const c of captures) {
        if (c.name === captureName1) nodes1.push(c.node);
        if (c.name === captureName2) nodes2.push(c.node);
      }
      const compare = /* @__PURE__ */ __name((n1, n2, positive) => {
        return positive ? n1.text === n2.text : n1.text !== n2.text;
      }, "compare");
      return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare(n1, n2, isPositive)));
    });
  } else {
    const captureName = steps[1].name;
    const stringValue = steps[2].value;
    const matches = /* @__PURE__ */ __name((n) => n.text === stringValue, "matches");
    const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue, "doesNotMatch");
    textPredicates[index].push((captures) => {
      const nodes = [];
      for (const c of captures) {
        if (c.name === captureName) nodes.push(c.node);
      }
      const test = isPositive ? matches : doesNotMatch;
      return matchAll ? nodes.every(test) : nodes.some(test);
    });
  }
}
__name(parseAnyPredicate, "parseAnyPredicate");
function parseMatchPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  if (steps[2].type !== "string") {
    throw new Error(
      `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
    );
  }
  const isPositive = operator === "match?" || operator === "any-match?";
  const matchAll = !operator.startsWith("any-");
  const captureName = steps[1].name;
  const regex = new RegExp(steps[2].value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    const test = /* @__PURE__ */ __name((text, positive) => {
      return positive ? regex.test(text) : !regex.test(text);
    }, "test");
    if (nodes.length === 0) return !isPositive;
    return matchAll ? nodes.every((text) => test(text, isPositive)) : nodes.some((text) => test(text, isPositive));
  });
}
__name(parseMatchPredicate, "parseMatchPredicate");
function parseAnyOfPredicate(steps, index, operator, textPredicates) {
  if (steps.length < 2) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  const isPositive = operator === "any-of?";
  const captureName = steps[1].name;
  const stringSteps = steps.slice(2);
  if (!stringSteps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const values = stringSteps.map((s) => s.value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    if (nodes.length === 0) return !isPositive;
    return nodes.every((text) => values.includes(text)) === isPositive;
  });
}
__name(parseAnyOfPredicate, "parseAnyOfPredicate");
function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
    );
  }
  if (!steps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const properties = operator === "is?" ? assertedProperties : refutedProperties;
  if (!properties[index]) properties[index] = {};
  properties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseIsPredicate, "parseIsPredicate");
function parseSetDirective(steps, index, setProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
  }
  if (!steps.every(isStringStep)) {
    throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
  }
  if (!setProperties[index]) setProperties[index] = {};
  setProperties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseSetDirective, "parseSetDirective");
function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
  if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
    const name2 = captureNames[stepValueId];
    steps.push({ type: "capture", name: name2 });
  } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
    steps.push({ type: "string", value: stringValues[stepValueId] });
  } else if (steps.length > 0) {
    if (steps[0].type !== "string") {
      throw new Error("Predicates must begin with a literal value");
    }
    const operator = steps[0].value;
    switch (operator) {
      case "any-not-eq?":
      case "not-eq?":
      case "any-eq?":
      case "eq?":
        parseAnyPredicate(steps, index, operator, textPredicates);
        break;
      case "any-not-match?":
      case "not-match?":
      case "any-match?":
      case "match?":
        parseMatchPredicate(steps, index, operator, textPredicates);
        break;
      case "not-any-of?":
      case "any-of?":
        parseAnyOfPredicate(steps, index, operator, textPredicates);
        break;
      case "is?":
      case "is-not?":
        parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
        break;
      case "set!":
        parseSetDirective(steps, index, setProperties);
        break;
      default:
        predicates[index].push({ operator, operands: steps.slice(1) });
    }
    steps.length = 0;
  }
}
__name(parsePattern, "parsePattern");
function indexForByteOffset(source, byteOffset) {
  return new TextEncoder().encodeInto(source, new Uint8Array(byteOffset)).read;
}
__name(indexForByteOffset, "indexForByteOffset");
var finalizer5 = newFinalizer((address) => {
  C._ts_query_delete(address);
});
var Query = class {
  static {
    __name(this, "Query");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  exceededMatchLimit;
  /** @internal */
  textPredicates;
  /** @internal */
  source;
  /** The names of the captures used in the query. */
  captureNames;
  /** The quantifiers of the captures used in the query. */
  captureQuantifiers;
  /**
   * The other user-defined predicates associated with the given index.
   *
   * This includes predicates with operators other than:
   * - `match?`
   * - `eq?` and `not-eq?`
   * - `any-of?` and `not-any-of?`
   * - `is?` and `is-not?`
   * - `set!`
   */
  predicates;
  /** The properties for predicates with the operator `set!`. */
  setProperties;
  /** The properties for predicates with the operator `is?`. */
  assertedProperties;
  /** The properties for predicates with the operator `is-not?`. */
  refutedProperties;
  /** The maximum number of in-progress matches for this cursor. */
  matchLimit;
  /**
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  constructor(language, source) {
    const sourceLength = C.lengthBytesUTF8(source);
    const sourceAddress = C._malloc(sourceLength + 1);
    C.stringToUTF8(source, sourceAddress, sourceLength + 1);
    const address = C._ts_query_new(
      language[0],
      sourceAddress,
      sourceLength,
      TRANSFER_BUFFER,
      TRANSFER_BUFFER + SIZE_OF_INT
    );
    if (!address) {
      const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
      const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
      const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
      const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
      C._free(sourceAddress);
      switch (errorId) {
        case QueryErrorKind.Syntax:
          throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
        case QueryErrorKind.NodeName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.FieldName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.CaptureName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.PatternStructure:
          throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
      }
    }
    const stringCount = C._ts_query_string_count(address);
    const captureCount = C._ts_query_capture_count(address);
    const patternCount = C._ts_query_pattern_count(address);
    const captureNames = new Array(captureCount);
    const captureQuantifiers = new Array(patternCount);
    const stringValues = new Array(stringCount);
    for (let i2 = 0; i2 < captureCount; i2++) {
      const nameAddress = C._ts_query_capture_name_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
    }
    for (let i2 = 0; i2 < patternCount; i2++) {
      const captureQuantifiersArray = new Array(captureCount);
      for (let j = 0; j < captureCount; j++) {
        const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
        captureQuantifiersArray[j] = quantifier;
      }
      captureQuantifiers[i2] = captureQuantifiersArray;
    }
    for (let i2 = 0; i2 < stringCount; i2++) {
      const valueAddress = C._ts_query_string_value_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
    }
    const setProperties = new Array(patternCount);
    const assertedProperties = new Array(patternCount);
    const refutedProperties = new Array(patternCount);
    const predicates = new Array(patternCount);
    const textPredicates = new Array(patternCount);
    for (let i2 = 0; i2 < patternCount; i2++) {
      const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
      const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
      predicates[i2] = [];
      textPredicates[i2] = [];
      const steps = new Array();
      let stepAddress = predicatesAddress;
      for (let j = 0; j < stepCount; j++) {
        const stepType = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        const stepValueId = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        parsePattern(
          i2,
          stepType,
          stepValueId,
          captureNames,
          stringValues,
          steps,
          textPredicates,
          predicates,
          setProperties,
          assertedProperties,
          refutedProperties
        );
      }
      Object.freeze(textPredicates[i2]);
      Object.freeze(predicates[i2]);
      Object.freeze(setProperties[i2]);
      Object.freeze(assertedProperties[i2]);
      Object.freeze(refutedProperties[i2]);
    }
    C._free(sourceAddress);
    this[0] = address;
    this.captureNames = captureNames;
    this.captureQuantifiers = captureQuantifiers;
    this.textPredicates = textPredicates;
    this.source = source;
    this.predicates = predicates;
    this.setProperties = setProperties;
    this.assertedProperties = assertedProperties;
    this.refutedProperties = refutedProperties;
    this.exceededMatchLimit = false;
    finalizer5?.register(this, address, this);
  }
  /** Delete the query, freeing its resources. */
  delete() {
    finalizer5?.unregister(this);
    C._ts_query_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Iterate over all of the matches in the order that they were found.
   *
   * Each match contains the index of the pattern that matched, and a list of
   * captures. Because multiple patterns can match the same set of nodes,
   * one match may contain captures that appear *before* some of the
   * captures from a previous match.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  matches(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
    const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
    const startContainingIndex = options.startContainingIndex ?? 0;
    const endContainingIndex = options.endContainingIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
      throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
    }
    if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
      throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_matches_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      startContainingPosition.row,
      startContainingPosition.column,
      endContainingPosition.row,
      endContainingPosition.column,
      startContainingIndex,
      endContainingIndex,
      matchLimit,
      maxStartDepth
    );
    const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array(rawCount);
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    let filteredCount = 0;
    let address = startAddress;
    for (let i2 = 0; i2 < rawCount; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captures = new Array(captureCount);
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        result[filteredCount] = { patternIndex, captures };
        const setProperties = this.setProperties[patternIndex];
        result[filteredCount].setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        result[filteredCount].assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        result[filteredCount].refutedProperties = refutedProperties;
        filteredCount++;
      }
    }
    result.length = filteredCount;
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /**
   * Iterate over all of the individual captures in the order that they
   * appear.
   *
   * This is useful if you don't care about which pattern matched, and just
   * want a single, ordered sequence of captures.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  captures(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
    const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
    const startContainingIndex = options.startContainingIndex ?? 0;
    const endContainingIndex = options.endContainingIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
      throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
    }
    if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
      throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_captures_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      startContainingPosition.row,
      startContainingPosition.column,
      endContainingPosition.row,
      endContainingPosition.column,
      startContainingIndex,
      endContainingIndex,
      matchLimit,
      maxStartDepth
    );
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array();
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    const captures = new Array();
    let address = startAddress;
    for (let i2 = 0; i2 < count; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      captures.length = captureCount;
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        const capture = captures[captureIndex];
        const setProperties = this.setProperties[patternIndex];
        capture.setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        capture.assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        capture.refutedProperties = refutedProperties;
        result.push(capture);
      }
    }
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /** Get the predicates for a given pattern. */
  predicatesForPattern(patternIndex) {
    return this.predicates[patternIndex];
  }
  /**
   * Disable a certain capture within a query.
   *
   * This prevents the capture from being returned in matches, and also
   * avoids any resource usage associated with recording the capture.
   */
  disableCapture(captureName) {
    const captureNameLength = C.lengthBytesUTF8(captureName);
    const captureNameAddress = C._malloc(captureNameLength + 1);
    C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
    C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
    C._free(captureNameAddress);
  }
  /**
   * Disable a certain pattern within a query.
   *
   * This prevents the pattern from matching, and also avoids any resource
   * usage associated with the pattern. This throws an error if the pattern
   * index is out of bounds.
   */
  disablePattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    C._ts_query_disable_pattern(this[0], patternIndex);
  }
  /**
   * Check if, on its last execution, this cursor exceeded its maximum number
   * of in-progress matches.
   */
  didExceedMatchLimit() {
    return this.exceededMatchLimit;
  }
  /** Get the index where the given pattern starts in the query's source. */
  startIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    const byteOffset = C._ts_query_start_byte_for_pattern(this[0], patternIndex);
    return indexForByteOffset(this.source, byteOffset);
  }
  /** Get the index where the given pattern ends in the query's source. */
  endIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    const byteOffset = C._ts_query_end_byte_for_pattern(this[0], patternIndex);
    return indexForByteOffset(this.source, byteOffset);
  }
  /** Get the number of patterns in the query. */
  patternCount() {
    return C._ts_query_pattern_count(this[0]);
  }
  /** Get the index for a given capture name. */
  captureIndexForName(captureName) {
    return this.captureNames.indexOf(captureName);
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternRooted(patternIndex) {
    return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternNonLocal(patternIndex) {
    return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
  }
  /**
   * Check if the step at the given index in the query's source is 'definite'.
   *
   * A query step is 'definite' if its parent pattern will be guaranteed to
   * match successfully once it reaches the step.
   */
  isPatternGuaranteedAtStep(index) {
    const byteOffset = C.lengthBytesUTF8(this.source.slice(0, index));
    return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteOffset) === 1;
  }
};
// Annotate the CommonJS export names for ESM import in node:
0 && (0);
module.exports["default"] = module.exports;
//# sourceMappingURL=web-tree-sitter.cjs.map


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
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
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
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it uses a non-standard name for the exports (exports).
(() => {
var exports = __webpack_exports__;

Object.defineProperty(exports, "B", ({ value: true }));
// Entry of a parse worker thread (bundled as dist/parse-worker.js): parses the batches of files the
// main thread sends and posts their structure back, already in the form the cache file stores.
const node_worker_threads_1 = __nccwpck_require__(919);
const cache_js_1 = __nccwpck_require__(872);
const parse_file_js_1 = __nccwpck_require__(112);
const grammar_js_1 = __nccwpck_require__(147);
const port = node_worker_threads_1.parentPort;
if (port) {
    // Compiling the grammar starts at once: a thread is started before the files it will parse are known.
    void (0, grammar_js_1.pythonParser)().catch(() => undefined);
    port.on('message', async ({ id, batch }) => {
        const reply = { id, outcomes: [], unparsed: [] };
        for (const request of batch) {
            try {
                const { parsed, parsedJson: _unset, ...outcome } = await (0, parse_file_js_1.parseFile)(request);
                reply.outcomes.push({ ...outcome, parsedJson: (0, cache_js_1.parsedToJson)(parsed) });
            }
            catch {
                reply.unparsed.push(request);
            }
        }
        port.postMessage(reply);
    });
}

})();

var __webpack_exports___esModule = __webpack_exports__.B;

