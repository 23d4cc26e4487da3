#!/usr/bin/env node
'use strict';
const __WEBPACK_EXTERNAL_createRequire = require('node:module').createRequire;
const __fastestModuleUrl = require('node:url').pathToFileURL(__filename).href;
/******/ var __webpack_modules__ = ({

/***/ 7593:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.HELP = exports.UnknownOptionError = exports.UsageError = void 0;
exports.defaultOptions = defaultOptions;
exports.addRoute = addRoute;
exports.parseArgs = parseArgs;
exports.pytestArgv = pytestArgv;
exports.parseCommandArgs = parseCommandArgs;
exports.splitCommand = splitCommand;
// Command-line parsing for every command: pytest's flag names (`-xvs`, `-k EXPR`, `-kEXPR`,
// `--flag=value`) for a run and `discover`, and the flags of `plan` and `merge`, in one table.
const options_js_1 = __nccwpck_require__(5988);
const pytest_options_js_1 = __nccwpck_require__(4936);
const types_js_1 = __nccwpck_require__(8522);
const verdict_js_1 = __nccwpck_require__(7689);
const ci_env_js_1 = __nccwpck_require__(6436);
const inputs_js_1 = __nccwpck_require__(417);
const basetemp_js_1 = __nccwpck_require__(7947);
class UsageError extends Error {
    exitCode = types_js_1.ExitCode.USAGE_ERROR;
}
exports.UsageError = UsageError;
function defaultOptions() {
    return {
        command: 'run',
        paths: [],
        keyword: null,
        markexpr: null,
        maxfail: 0,
        verbosity: 0,
        capture: 'fd',
        workers: null,
        dist: null,
        junitxml: null,
        junitPrefix: null,
        json: null,
        jsonOutput: false,
        timeout: null,
        reruns: null,
        rerunsDelay: null,
        rerunsDelayBackoffFactor: null,
        onlyRerun: [],
        rerunExcept: [],
        lastFailed: false,
        failedFirst: false,
        durations: null,
        durationsMin: null,
        engine: 'auto',
        python: null,
        shard: null,
        plan: null,
        ignore: [],
        ignoreGlob: [],
        deselect: [],
        overrides: [],
        asyncioMode: null,
        configFile: null,
        rootdir: null,
        importMode: null,
        plugins: [],
        warningFilters: [],
        reportChars: null,
        tb: null,
        collectOnly: false,
        continueOnCollectionErrors: false,
        strictMarkers: false,
        noCache: false,
        cacheClear: false,
        color: 'auto',
        runxfail: false,
        disableWarnings: false,
        noHeader: false,
        showEngines: false,
        basetemp: null,
        help: false,
        version: false,
        pytestArgs: [],
        strictConfig: false,
        collectInVirtualenv: false,
        showCapture: 'all',
        routes: [],
        coverage: (0, options_js_1.defaultCoverageOptions)(),
        changed: null,
        affectedBy: null,
        shards: null,
        targetSeconds: null,
        jobOverheadSeconds: null,
        timings: null,
        out: null,
        matrix: false,
        summary: null,
        timingsOut: null,
        failOn: 'any',
    };
}
/** pytest-cov: a `--cov…` option after `--no-cov` makes it warn. */
function covOption(o) {
    if (o.coverage.noCov)
        o.coverage.noCovShouldWarn = true;
    return o.coverage;
}
/** The commands that open a session with pytest's options (argv, config, discovery, selection). */
const SESSION_COMMANDS = ['run', 'discover', 'watch'];
function intValue(flag, value, min = 0) {
    if (!/^-?\d+$/.test(value) || Number(value) < min)
        throw new UsageError(`argument ${flag}: invalid int value: '${value}'`);
    return Number(value);
}
function floatValue(flag, value) {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n))
        throw new UsageError(`argument ${flag}: invalid float value: '${value}'`);
    return n;
}
function positiveSeconds(flag, value) {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n <= 0)
        throw new UsageError(`${flag} expects a positive number of seconds, got '${value}'`);
    return n;
}
function shardCount(flag, value) {
    if (value === 'auto')
        return 'auto';
    if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 256)
        return Number(value);
    throw new UsageError(`${flag} expects a number from 1 to 256 or 'auto', got '${value}'`);
}
/** Where `option` sends the run, unless it already said so. */
function addRoute(o, option, route) {
    if (!o.routes.some((r) => r.option === option))
        o.routes.push({ option, route });
}
const XDIST_MODES = ['each', 'load', 'loadscope', 'loadfile', 'loadgroup', 'worksteal', 'no'];
function choice(flag, value, choices) {
    if (!choices.includes(value)) {
        throw new UsageError(`argument ${flag}: invalid choice: '${value}' (choose from ${choices.map((c) => `'${c}'`).join(', ')})`);
    }
    return value;
}
const FLAGS = [
    {
        names: ['-k'],
        value: true,
        apply: (o, v) => {
            o.keyword = v;
        },
    },
    {
        names: ['-m'],
        value: true,
        apply: (o, v) => {
            o.markexpr = v;
        },
    },
    {
        names: ['-x', '--exitfirst'],
        value: false,
        apply: (o) => {
            o.maxfail = 1;
        },
    },
    {
        names: ['--maxfail'],
        value: true,
        apply: (o, v, f) => {
            // pytest stops once its failures reach the value: a negative one at the first failure
            const maxfail = intValue(f, v, Number.MIN_SAFE_INTEGER);
            o.maxfail = maxfail < 0 ? 1 : maxfail;
        },
    },
    {
        names: ['-v', '--verbose'],
        value: false,
        apply: (o) => {
            o.verbosity += 1;
        },
    },
    {
        names: ['-q', '--quiet'],
        value: false,
        apply: (o) => {
            o.verbosity -= 1;
        },
    },
    {
        names: ['--verbosity'],
        value: true,
        apply: (o, v, f) => {
            o.verbosity = intValue(f, v, -10);
        },
    },
    {
        names: ['-s'],
        value: false,
        apply: (o) => {
            o.capture = 'no';
        },
        forward: true,
    },
    {
        names: ['--capture'],
        value: true,
        forward: true,
        apply: (o, v, f) => {
            const c = choice(f, v, ['fd', 'sys', 'no', 'tee-sys']);
            o.capture = c === 'tee-sys' ? 'sys' : c;
            // tee-sys both captures and passes output through as each test prints it: real pytest runs
            // the session (workers would report it per module, out of pytest's order).
            if (c === 'tee-sys')
                addRoute(o, '--capture=tee-sys', 'session');
        },
    },
    {
        names: ['-n', '--numprocesses'],
        value: true,
        apply: (o, v, f) => {
            o.workers = v === 'auto' || v === 'logical' ? 'auto' : intValue(f, v);
        },
    },
    {
        // fastest's workers take whole modules (a long one cut into runs of whole classes), as xdist's
        // load, loadscope, loadfile and worksteal keep a scope's tests on one worker; loadscope and
        // loadfile also keep a long module whole. `each` (every test on every worker) and
        // `loadgroup` (xdist_group marks across modules) are real pytest's session.
        names: ['--dist'],
        value: true,
        apply: (o, v, f) => {
            o.dist = choice(f, v, XDIST_MODES);
            if (o.dist === 'each' || o.dist === 'loadgroup')
                addRoute(o, '--dist', 'session');
        },
    },
    {
        names: ['--junitxml', '--junit-xml'],
        value: true,
        apply: (o, v) => {
            o.junitxml = v;
        },
    },
    {
        names: ['--junit-prefix', '--junitprefix'],
        value: true,
        apply: (o, v) => {
            o.junitPrefix = v;
        },
    },
    {
        names: ['--json'],
        value: true,
        apply: (o, v) => {
            o.json = v;
        },
    },
    {
        names: ['--timeout'],
        value: true,
        apply: (o, v, f) => {
            o.timeout = floatValue(f, v);
        },
    },
    {
        names: ['--reruns'],
        value: true,
        apply: (o, v, f) => {
            o.reruns = intValue(f, v, Number.MIN_SAFE_INTEGER);
        },
    },
    {
        names: ['--reruns-delay'],
        value: true,
        apply: (o, v, f) => {
            o.rerunsDelay = floatValue(f, v);
        },
    },
    {
        names: ['--reruns-delay-backoff-factor'],
        value: true,
        apply: (o, v, f) => {
            o.rerunsDelayBackoffFactor = floatValue(f, v);
        },
    },
    {
        names: ['--only-rerun'],
        value: true,
        apply: (o, v) => {
            o.onlyRerun.push(v);
        },
    },
    {
        names: ['--rerun-except'],
        value: true,
        apply: (o, v) => {
            o.rerunExcept.push(v);
        },
    },
    {
        names: ['--lf', '--last-failed'],
        value: false,
        apply: (o) => {
            o.lastFailed = true;
        },
    },
    {
        names: ['--ff', '--failed-first'],
        value: false,
        apply: (o) => {
            o.failedFirst = true;
        },
    },
    {
        names: ['--durations'],
        value: true,
        apply: (o, v, f) => {
            // a negative N leaves out the last -N entries (pytest's `dlist[:N]`)
            o.durations = intValue(f, v, Number.MIN_SAFE_INTEGER);
        },
    },
    {
        names: ['--durations-min'],
        value: true,
        apply: (o, v, f) => {
            o.durationsMin = floatValue(f, v);
        },
    },
    {
        names: ['--engine'],
        value: true,
        apply: (o, v, f) => {
            o.engine = choice(f, v, ['auto', 'native', 'pytest']);
        },
    },
    {
        names: ['--python'],
        value: true,
        commands: [...SESSION_COMMANDS, 'merge'],
        apply: (o, v) => {
            o.python = v;
        },
    },
    {
        names: ['--shard'],
        value: true,
        apply: (o, v, f) => {
            o.shard = parseShard(f, v);
        },
    },
    {
        names: ['--plan'],
        value: true,
        commands: [...SESSION_COMMANDS, 'merge'],
        apply: (o, v) => {
            o.plan = v;
        },
    },
    {
        names: ['--ignore'],
        value: true,
        apply: (o, v) => {
            o.ignore.push(v);
        },
    },
    {
        names: ['--ignore-glob'],
        value: true,
        apply: (o, v) => {
            o.ignoreGlob.push(v);
        },
    },
    {
        names: ['--deselect'],
        value: true,
        apply: (o, v) => {
            o.deselect.push(v);
        },
    },
    {
        names: ['-o', '--override-ini'],
        value: true,
        forward: true,
        apply: (o, v) => {
            o.overrides.push(v);
        },
    },
    {
        names: ['-c', '--config-file'],
        value: true,
        forward: true,
        apply: (o, v) => {
            o.configFile = v;
        },
    },
    {
        names: ['--rootdir'],
        value: true,
        forward: true,
        apply: (o, v) => {
            o.rootdir = v;
        },
    },
    {
        names: ['--import-mode'],
        value: true,
        forward: true,
        apply: (o, v, f) => {
            o.importMode = choice(f, v, ['prepend', 'append', 'importlib']);
        },
    },
    {
        names: ['-p'],
        value: true,
        forward: true,
        apply: (o, v) => {
            o.plugins.push(v);
        },
    },
    {
        names: ['-W', '--pythonwarnings'],
        value: true,
        forward: true,
        apply: (o, v) => {
            o.warningFilters.push(v);
        },
    },
    {
        names: ['-r'],
        value: true,
        apply: (o, v) => {
            o.reportChars = v;
        },
    },
    {
        names: ['--tb'],
        value: true,
        forward: true,
        apply: (o, v, f) => {
            o.tb = choice(f, v, ['auto', 'long', 'short', 'no', 'line', 'native']);
            // pytest's native traceback starts in its runner and goes through pluggy and its plugins'
            // hook wrappers: the pytest engine has those frames, the native engine its own.
            o.routes = o.routes.filter((r) => r.option !== '--tb=native');
            if (o.tb === 'native')
                o.routes.push({ option: '--tb=native', route: 'engine' });
        },
    },
    {
        names: ['--co', '--collect-only', '--collectonly'],
        value: false,
        apply: (o) => {
            o.collectOnly = true;
        },
    },
    {
        names: ['--continue-on-collection-errors'],
        value: false,
        apply: (o) => {
            o.continueOnCollectionErrors = true;
        },
    },
    {
        names: ['--strict-markers', '--strict'],
        value: false,
        forward: true,
        apply: (o) => {
            o.strictMarkers = true;
        },
    },
    // pytest-asyncio's flag: it wins over the ini whatever the order, so it becomes the last -o.
    {
        names: ['--asyncio-mode'],
        value: true,
        apply: (o, v, f) => {
            o.asyncioMode = choice(f, v, ['auto', 'strict']);
        },
    },
    {
        names: ['--no-cache'],
        value: false,
        apply: (o) => {
            o.noCache = true;
        },
    },
    {
        names: ['--cache-clear'],
        value: false,
        apply: (o) => {
            o.cacheClear = true;
        },
    },
    {
        names: ['--color'],
        value: true,
        apply: (o, v, f) => {
            o.color = choice(f, v, ['yes', 'no', 'auto']);
        },
    },
    {
        names: ['--runxfail'],
        value: false,
        forward: true,
        apply: (o) => {
            o.runxfail = true;
        },
    },
    {
        names: ['--disable-warnings', '--disable-pytest-warnings'],
        value: false,
        apply: (o) => {
            o.disableWarnings = true;
        },
    },
    {
        names: ['--no-header'],
        value: false,
        apply: (o) => {
            o.noHeader = true;
        },
    },
    {
        names: ['--show-engines'],
        value: false,
        apply: (o) => {
            o.showEngines = true;
        },
    },
    {
        names: ['--strict-config'],
        value: false,
        forward: true,
        apply: (o) => {
            o.strictConfig = true;
        },
    },
    {
        names: ['--collect-in-virtualenv'],
        value: false,
        forward: true,
        apply: (o) => {
            o.collectInVirtualenv = true;
        },
    },
    {
        names: ['--show-capture'],
        value: true,
        forward: true,
        apply: (o, v, f) => {
            o.showCapture = choice(f, v, ['no', 'stdout', 'stderr', 'log', 'all']);
        },
    },
    {
        names: ['--basetemp'],
        value: true,
        forward: true,
        apply: (o, v, f) => {
            // (a worker's tmp_path would empty it: the project itself)
            if ((0, basetemp_js_1.basetempRefused)(v, process.cwd()))
                throw new UsageError(`argument ${f}: ${basetemp_js_1.BASETEMP_REFUSED}`);
            o.basetemp = v;
        },
    },
    // pytest-cov's options (coverage/options.ts): measured by fastest's workers with coverage.py
    {
        names: ['--cov'],
        value: false,
        apply: () => { },
        optional: (o, v) => {
            covOption(o).sources.push(v ?? true);
        },
    },
    {
        names: ['--cov-reset'],
        value: false,
        apply: (o) => {
            covOption(o).sources = [];
        },
    },
    {
        names: ['--cov-report'],
        value: true,
        commands: [...SESSION_COMMANDS, 'merge'],
        apply: (o, v, f) => {
            (0, options_js_1.addReport)(covOption(o), v, f);
        },
    },
    {
        names: ['--cov-config'],
        value: true,
        commands: [...SESSION_COMMANDS, 'merge'],
        apply: (o, v) => {
            covOption(o).config = v;
        },
    },
    {
        names: ['--cov-branch'],
        value: false,
        apply: (o) => {
            covOption(o).branch = true;
        },
    },
    {
        names: ['--cov-fail-under'],
        value: true,
        commands: [...SESSION_COMMANDS, 'merge'],
        apply: (o, v, f) => {
            covOption(o).failUnder = (0, options_js_1.failUnderValue)(v, f);
        },
    },
    {
        names: ['--cov-precision'],
        value: true,
        apply: (o, v, f) => {
            covOption(o).precision = intValue(f, v, -1000);
        },
    },
    {
        names: ['--cov-append'],
        value: false,
        apply: (o) => {
            covOption(o).append = true;
        },
    },
    {
        names: ['--cov-context'],
        value: true,
        apply: (o, v, f) => {
            covOption(o).context = (0, options_js_1.contextValue)(v, f);
        },
    },
    {
        names: ['--no-cov'],
        value: false,
        apply: (o) => {
            o.coverage.noCov = true;
        },
    },
    {
        names: ['--no-cov-on-fail'],
        value: false,
        apply: (o) => {
            o.coverage.noCovOnFail = true;
        },
    },
    {
        names: ['--changed'],
        value: false,
        nargs: '?',
        apply: (o, v) => {
            o.changed = { ref: v === '' ? null : v };
        },
    },
    {
        names: ['--affected-by'],
        value: false,
        nargs: '+',
        apply: (o, _v, _f, vs) => {
            o.affectedBy = [...(o.affectedBy ?? []), ...vs];
        },
    },
    {
        names: ['-h', '--help'],
        value: false,
        apply: (o) => {
            o.help = true;
        },
    },
    {
        names: ['-V', '--version'],
        value: false,
        apply: (o) => {
            o.version = true;
        },
    },
    // fastest plan and fastest merge
    {
        names: ['--shards'],
        value: true,
        commands: ['plan'],
        apply: (o, v, f) => {
            o.shards = shardCount(f, v);
        },
    },
    {
        names: ['--target-seconds'],
        value: true,
        commands: ['plan'],
        apply: (o, v, f) => {
            o.targetSeconds = positiveSeconds(f, v);
        },
    },
    {
        names: ['--job-overhead-seconds'],
        value: true,
        commands: ['plan'],
        apply: (o, v, f) => {
            o.jobOverheadSeconds = positiveSeconds(f, v);
        },
    },
    {
        names: ['--matrix'],
        value: false,
        commands: ['plan'],
        apply: (o) => {
            o.matrix = true;
        },
    },
    {
        names: ['--timings'],
        value: true,
        commands: ['plan', 'merge', ...SESSION_COMMANDS],
        apply: (o, v) => {
            o.timings = v;
        },
    },
    {
        names: ['--out'],
        value: true,
        commands: ['plan', 'merge'],
        apply: (o, v) => {
            o.out = v;
        },
    },
    {
        names: ['--summary'],
        value: true,
        commands: ['merge'],
        apply: (o, v) => {
            o.summary = v;
        },
    },
    {
        names: ['--timings-out'],
        value: true,
        commands: ['merge'],
        apply: (o, v) => {
            o.timingsOut = v;
        },
    },
    {
        names: ['--fail-on'],
        value: true,
        commands: ['merge'],
        apply: (o, v, f) => {
            o.failOn = choice(f, v, verdict_js_1.FAIL_ON_VALUES);
        },
    },
];
function parseShard(flag, value) {
    if (value === 'auto') {
        try {
            // Logged: a remembered `discover --shard auto` answer holds only while these variables do.
            return (0, ci_env_js_1.shardFromCiEnv)((0, inputs_js_1.loggedEnv)(process.env));
        }
        catch (err) {
            if (err instanceof ci_env_js_1.CiShardError)
                throw new UsageError(err.message);
            throw err;
        }
    }
    const m = /^(\d+)(?:\/(\d+))?$/.exec(value);
    if (!m)
        throw new UsageError(`argument ${flag}: expected K/N, K or auto, got '${value}'`);
    const index = Number(m[1]);
    const total = m[2] === undefined ? null : Number(m[2]);
    if (index < 1 || (total !== null && (total < 1 || index > total)))
        throw new UsageError(`argument ${flag}: shard ${value} is out of range`);
    return { index, total };
}
/** Each command's flags by name. */
const flagsOf = new Map();
for (const spec of FLAGS) {
    for (const command of spec.commands ?? SESSION_COMMANDS) {
        let byName = flagsOf.get(command);
        if (!byName)
            flagsOf.set(command, (byName = new Map()));
        for (const name of spec.names)
            byName.set(name, spec);
    }
}
/** fastest's own flags, which pytest has no equivalent of: never handed to a real pytest run. */
const FASTEST_ONLY = new Set([
    '-n',
    '--numprocesses',
    '--engine',
    '--python',
    '--json',
    '--shard',
    '--plan',
    '--timings',
    '--no-cache',
    '--changed',
    '--affected-by',
    '--show-engines',
]);
/** Plugin options fastest implements itself; pytest knows them only with the plugin installed. */
const PLUGIN_OPTIONS_DONE_NATIVELY = new Set([
    '--timeout',
    '--asyncio-mode',
    '--reruns',
    '--reruns-delay',
    '--reruns-delay-backoff-factor',
    '--only-rerun',
    '--rerun-except',
    '--dist',
]);
/** An option neither fastest, pytest's built-in table, nor a conftest.py declares: pytest's parser decides. */
class UnknownOptionError extends UsageError {
    option;
    constructor(option, arg) {
        super(`unrecognized arguments: ${arg}`);
        this.option = option;
    }
}
exports.UnknownOptionError = UnknownOptionError;
function arityOf(name, known) {
    // plan and merge take their own flags only: pytest's options mean nothing to them.
    if (!SESSION_COMMANDS.includes(known.command))
        return undefined;
    const routed = pytest_options_js_1.routedByName.get(name);
    if (routed)
        return routed.arity;
    const conftest = known.conftest?.get(name);
    if (conftest !== undefined)
        return conftest ? 'one' : 'none';
    return known.plugins.get(name);
}
function routeOf(name, known) {
    const routed = pytest_options_js_1.routedByName.get(name);
    if (routed)
        return routed.route;
    if (known.conftest?.has(name))
        return 'conftest';
    return (0, pytest_options_js_1.pluginOptionRoute)(name);
}
/** An `optional` value is taken from the next argument unless that looks like an option (argparse). */
function takesNext(arity, next) {
    if (arity === 'one')
        return true;
    return arity === 'optional' && next !== undefined && !(next.startsWith('-') && next.length > 1);
}
/**
 * Splits argv into paths and options. `known.conftest === null` is the first pass, which only
 * needs the config file and paths: unknown long options are skipped there.
 */
function* tokens(argv, known) {
    const byName = flagsOf.get(known.command) ?? new Map();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            for (const rest of argv.slice(i + 1))
                yield { kind: 'path', value: rest };
            return;
        }
        if (arg.startsWith('--')) {
            const eq = arg.indexOf('=');
            const name = eq >= 0 ? arg.slice(0, eq) : arg;
            const spec = byName.get(name);
            if (!spec) {
                const arity = arityOf(name, known);
                if (arity === undefined) {
                    if (known.conftest === null)
                        continue; // first pass: conftest options are not known yet
                    if (known.passUnknown) {
                        yield { kind: 'other', name, value: undefined, raw: [arg], route: 'engine' };
                        continue;
                    }
                    throw new UnknownOptionError(name, arg);
                }
                if (arity === 'none' && eq >= 0)
                    throw new UsageError(`argument ${name}: ignored explicit argument '${arg.slice(eq + 1)}'`);
                let value = eq >= 0 ? arg.slice(eq + 1) : undefined;
                const raw = [arg];
                if (eq < 0 && takesNext(arity, argv[i + 1])) {
                    value = argv[++i];
                    if (value === undefined)
                        throw new UsageError(`argument ${name}: expected one argument`);
                    raw.push(value);
                }
                yield { kind: 'other', name, value, raw, route: routeOf(name, known) };
                continue;
            }
            if (spec.optional) {
                const value = eq >= 0 ? arg.slice(eq + 1) : takesNext('optional', argv[i + 1]) ? argv[++i] : undefined;
                yield { kind: 'flag', name, value, raw: value === undefined ? [arg] : eq >= 0 ? [arg] : [arg, value], spec };
            }
            else if (spec.nargs) {
                const values = eq >= 0 ? [arg.slice(eq + 1)] : [];
                const raw = [arg];
                while (eq < 0 && takesNext('optional', argv[i + 1]) && argv[i + 1] !== '--' && (spec.nargs === '+' || values.length === 0)) {
                    values.push(argv[++i]);
                    raw.push(values[values.length - 1]);
                }
                if (spec.nargs === '+' && values.length === 0)
                    throw new UsageError(`argument ${name}: expected at least one argument`);
                yield { kind: 'flag', name, value: values[0], raw, spec, values };
                continue;
            }
            else if (spec.value) {
                const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
                if (value === undefined)
                    throw new UsageError(`argument ${name}: expected one argument`);
                yield { kind: 'flag', name, value, raw: eq >= 0 ? [arg] : [arg, value], spec };
            }
            else {
                if (eq >= 0)
                    throw new UsageError(`argument ${name}: ignored explicit argument '${arg.slice(eq + 1)}'`);
                yield { kind: 'flag', name, value: undefined, raw: [arg], spec };
            }
            continue;
        }
        if (arg.startsWith('-') && arg.length > 1) {
            for (let j = 1; j < arg.length; j++) {
                const name = `-${arg[j]}`;
                const spec = byName.get(name);
                if (!spec) {
                    const arity = arityOf(name, known);
                    if (arity === undefined) {
                        if (known.conftest === null)
                            break;
                        if (known.passUnknown) {
                            yield { kind: 'other', name, value: undefined, raw: [`-${arg.slice(j + 1)}`], route: 'engine' };
                            break;
                        }
                        throw new UnknownOptionError(name, arg);
                    }
                    // A routed short option (-l): the rest of the cluster goes on as flags or its value.
                    const rest = arg.slice(j + 1);
                    if (arity !== 'none' && (rest.length > 0 || takesNext(arity, argv[i + 1]))) {
                        const value = rest.length > 0 ? rest.replace(/^=/, '') : argv[++i];
                        if (value === undefined)
                            throw new UsageError(`argument ${name}: expected one argument`);
                        yield { kind: 'other', name, value, raw: [name, value], route: routeOf(name, known) };
                        break;
                    }
                    yield { kind: 'other', name, value: undefined, raw: [name], route: routeOf(name, known) };
                    continue;
                }
                if (spec.value) {
                    const rest = arg.slice(j + 1);
                    const value = rest.length > 0 ? rest.replace(/^=/, '') : argv[++i];
                    if (value === undefined)
                        throw new UsageError(`argument ${name}: expected one argument`);
                    yield { kind: 'flag', name, value, raw: [name, value], spec };
                    break;
                }
                yield { kind: 'flag', name, value: undefined, raw: [name], spec };
            }
            continue;
        }
        yield { kind: 'path', value: arg };
    }
}
/**
 * Parses argv (without node and script) into options. `conftestOptions` are the options conftest
 * files add (name -> takes a value), `pluginOptions` those of installed plugins; both go on to
 * the engines. `conftestOptions === null` skips unknown long flags (a first pass that only needs
 * the config file and paths).
 */
function parseArgs(argv, conftestOptions = new Map(), pluginOptions = new Map(), command = 'run') {
    const o = defaultOptions();
    o.command = command;
    const given = [];
    for (const token of tokens(argv, { command, conftest: conftestOptions, plugins: pluginOptions })) {
        if (token.kind === 'path') {
            o.paths.push(token.value);
            continue;
        }
        given.push(token.name);
        if (token.kind === 'flag') {
            if (token.spec.optional)
                token.spec.optional(o, token.value, token.name);
            else
                token.spec.apply(o, token.value ?? '', token.name, token.values ?? []);
            if (token.spec.forward)
                o.pytestArgs.push(...token.raw);
        }
        else {
            o.pytestArgs.push(...token.raw);
            if (token.route !== 'conftest')
                addRoute(o, token.name, token.route);
        }
    }
    routeBlockedBuiltins(o, given);
    if (o.asyncioMode) {
        o.overrides.push(`asyncio_mode=${o.asyncioMode}`);
        o.pytestArgs.push('-o', `asyncio_mode=${o.asyncioMode}`);
    }
    return o;
}
/**
 * pytest's own plugins whose work fastest does itself in every engine: blocked with `-p no:NAME`,
 * pytest runs without it (no capturing, TestCase classes not collected, skip and xfail marks
 * inert, no report, no Python test collection, no --pdb), which real pytest shows.
 */
const BUILTINS_DONE_BY_FASTEST = new Set(['capture', 'unittest', 'skipping', 'terminal', 'python', 'debugging']);
/** The options of pytest's own plugins fastest honours: with the plugin blocked, pytest refuses them. */
const BUILTIN_PLUGIN_OPTIONS = {
    cacheprovider: /^--(lf|last-failed|ff|failed-first|nf|new-first|cache-show|cache-clear|lfnf|last-failed-no-failures)$/,
    stepwise: /^--(sw|stepwise|sw-skip|stepwise-skip|sw-reset|stepwise-reset)$/,
    junitxml: /^--(junitxml|junit-xml|junit-prefix|junitprefix)$/,
    logging: /^--log-/,
};
/** `-p no:NAME` of such a plugin, or with one of its options given: real pytest runs the session. */
function routeBlockedBuiltins(o, given) {
    for (const plugin of o.plugins) {
        if (!plugin.startsWith('no:'))
            continue;
        const name = plugin.slice(3);
        const option = BUILTIN_PLUGIN_OPTIONS[name] ? given.find((g) => BUILTIN_PLUGIN_OPTIONS[name].test(g)) : undefined;
        if (BUILTINS_DONE_BY_FASTEST.has(name) || option !== undefined)
            addRoute(o, `-p ${plugin}`, 'session');
    }
}
/**
 * The user's command line as real pytest is to see it: fastest's own flags dropped, and the
 * plugin options fastest does itself kept only where pytest knows them (`keepPluginOptions`).
 */
function pytestArgv(argv, conftestOptions, pluginOptions, keepPluginOptions = new Set(), 
/** Arguments that name what to collect instead of the command line's paths (at the end). */
paths) {
    const out = [];
    // Without pluginOptions (pytest not asked yet), unknown options pass through for pytest to judge.
    for (const token of tokens(argv, { command: 'run', conftest: conftestOptions, plugins: pluginOptions ?? new Map(), passUnknown: pluginOptions === null })) {
        if (token.kind === 'path') {
            if (!paths)
                out.push(token.value);
        }
        else if (token.kind === 'other')
            out.push(...token.raw);
        else if (FASTEST_ONLY.has(token.name))
            continue;
        else if (PLUGIN_OPTIONS_DONE_NATIVELY.has(token.name) && !keepPluginOptions.has(token.name))
            continue;
        else
            out.push(...token.raw);
    }
    if (paths)
        out.push(...paths);
    return out;
}
/** `fastest plan` and `fastest merge`: their flags and paths, with the same parser and errors. */
function parseCommandArgs(command, argv) {
    return parseArgs(argv, new Map(), new Map(), command);
}
const COMMANDS = new Set(['discover', 'plan', 'merge', 'watch']);
/** Splits off the subcommand: `fastest discover ...` → ['discover', rest]. */
function splitCommand(argv) {
    if (argv.length > 0 && COMMANDS.has(argv[0]))
        return { command: argv[0], rest: argv.slice(1) };
    return { command: 'run', rest: argv };
}
exports.HELP = `usage: fastest [options] [file_or_dir] [file_or_dir] [...]
       fastest discover [PATHS] [-k EXPR] [-m EXPR] [--json]
       fastest plan --shards N|auto [--target-seconds S] [--timings FILE] [--out plan.json] [--matrix]
       fastest merge GLOB... [--plan plan.json] [--out merged.xml] [--summary summary.md] [--timings FILE]
                     [--timings-out FILE] [--fail-on any|new] [--cov-report xml|lcov|json[:DEST]]
                     [--cov-fail-under N] [--cov-config F]
       fastest watch [options] [file_or_dir] [...]   (runs, then on each save the tests it can affect;
                                                   keys: a all, f failed, q quit; also --watch)

Runs a pytest suite, in parallel, with pytest's node ids, outcomes and exit codes.

selection:
  -k EXPR               only run tests which match the given substring expression
  -m MARKEXPR           only run tests matching the given mark expression
  --deselect NODEID     deselect item (via node id prefix) during collection
  --ignore PATH         ignore path during collection (multi-allowed)
  --ignore-glob GLOB    ignore path pattern during collection
  --lf, --last-failed   rerun only the tests that failed at the last run (or all if none failed)
  --ff, --failed-first  run all tests, but run the last failures first
  --co, --collect-only  only collect tests, don't execute them
  --changed [REF]       only the tests that uncommitted and untracked changes can affect
                        (with REF: also the changes of REF...HEAD); -v says why each test runs
  --affected-by PATH... only the tests that changes to these files can affect

running:
  -n N|auto             number of worker processes (default: auto, one per CPU)
  --engine ENGINE       auto (default): native engine, pytest where a module needs it;
                        native: never fall back; pytest: run everything through pytest
  --python PATH         interpreter (default: the active virtualenv's python, else python3)
  -x, --exitfirst       exit instantly on first error or failed test
  --maxfail N           exit after first N failures or errors
  --timeout SEC         fail a test that runs longer than SEC seconds (its worker is replaced)
  --reruns N            run a failing test up to N more times (pytest-rerunfailures' options:
                        --reruns-delay S, --only-rerun REGEX, --rerun-except REGEX; the flaky mark)
  -s                    shortcut for --capture=no
  --capture METHOD      per-test capturing method: one of fd|sys|no
  -p NAME               load (or with no:NAME, block) a plugin in the pytest engine
  -W FILTER             set which warnings to report, see -W option of python itself
  --shard K/N           run shard K of N, planned from the timings store
  --shard auto          K and N from GitLab, CircleCI or Buildkite parallelism variables
  --timings FILE        the timings store to plan --shard K/N|auto from (default .fastest/timings.json)
  --plan FILE --shard K run shard K of a plan made by \`fastest plan\`
  --no-cache            don't read or write the discovery cache under .fastest/
  --cache-clear         remove the discovery cache before the run

reporting:
  -v, --verbose         increase verbosity
  -q, --quiet           decrease verbosity
  -r CHARS              show extra test summary info as specified by chars (fEsxXpPaA)
  --tb STYLE            traceback print mode (auto/long/short/line/native/no)
  --durations N         show N slowest setup/test durations (N=0 for all)
  --junitxml PATH       create junit-xml style report file at given path
  --json PATH           write every result as JSON to PATH
  --color yes|no|auto   color terminal output
  --show-engines        say which engine ran each module (and why not the native one)

configuration (read as pytest reads them: pytest.ini, pyproject.toml, tox.ini, setup.cfg):
  -c, --config-file FILE  load configuration from FILE
  --rootdir DIR         define root directory for tests
  -o, --override-ini K=V  override ini option
  --import-mode MODE    prepend (default), append or importlib
  --strict-markers      markers not registered in the markers ini are errors
  --asyncio-mode MODE   pytest-asyncio's mode (auto or strict), as -o asyncio_mode=MODE

coverage (pytest-cov's options; coverage.py measures every worker, one combined report):
  --cov[=SOURCE]        measure SOURCE (path or package; multi-allowed), or everything
  --cov-report TYPE     term, term-missing[:skip-covered], annotate, html, xml, json,
                        markdown, markdown-append, lcov [:DEST] (multi-allowed)
  --cov-config PATH     coverage.py config file (default: .coveragerc)
  --cov-branch          measure branches
  --cov-fail-under MIN  fail if the total coverage is less than MIN
  --cov-append, --cov-context=test, --cov-precision N, --cov-reset, --no-cov, --no-cov-on-fail

every other option of pytest, and of the plugins installed, is accepted: options that change
how tests run or read (-l, --full-trace, --log-level, plugin options...) run every module with
the pytest engine; doctests (--doctest-modules, --doctest-glob...) are listed by discovery and
run in the pytest engine; --cov is measured by fastest's workers with coverage.py; --pdb,
--trace, --fixtures, --markers, --setup-plan, --sw and the like run the whole session with real
pytest. pytest's own parser refuses the rest.

  -h, --help            show this help message and exit
  -V, --version         show fastest's version
`;


/***/ }),

/***/ 9238:
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

/***/ 6577:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.conftestOptions = conftestOptions;
exports.initialConftestPaths = initialConftestPaths;
// Options that conftest.py files add with `pytest_addoption` (`--runslow`): pytest accepts them,
// so fastest does too and hands them to the engines; any other unknown flag stays an error.
const node_path_1 = __nccwpck_require__(6760);
const inputs_js_1 = __nccwpck_require__(417);
const walk_js_1 = __nccwpck_require__(4765);
const ADDOPTION = /\.addoption\(\s*((?:["'][^"']+["']\s*,\s*)*["'][^"']+["'])([^)]*)\)/g;
const VALUELESS_ACTION = /action\s*=\s*["'](store_true|store_false|store_const|count|help|version)["']/;
function optionsIn(source, into) {
    if (!source.includes('pytest_addoption'))
        return;
    for (const m of source.matchAll(ADDOPTION)) {
        const takesValue = !VALUELESS_ACTION.test(m[2]);
        for (const name of m[1].matchAll(/["']([^"']+)["']/g))
            if (name[1].startsWith('--'))
                into.set(name[1], takesValue);
    }
}
/** The options of the conftest.py files pytest loads at start-up (initialConftestPaths). */
function conftestOptions(conftests) {
    const options = new Map();
    for (const file of conftests) {
        if ((0, inputs_js_1.probePath)(file) === undefined)
            continue;
        try {
            optionsIn((0, inputs_js_1.readLoggedFile)(file).toString('utf8'), options);
        }
        catch {
            // unreadable: pytest will say so
        }
    }
    return options;
}
/**
 * Where pytest looks for the conftest.py files it loads at start-up (each may be missing): the
 * rootdir; each anchor (a path the command line names, else a `testpaths` entry, else the
 * invocation directory) and its parents up to the rootdir; and the `test*` subdirectories of an
 * anchor that is a directory (PytestPluginManager._try_load_conftest): `tests/conftest.py`'s
 * `--runslow` is an option of `pytest` run from the project's root.
 */
function initialConftestPaths(rootdir, anchors) {
    const seen = new Set();
    const addUp = (start) => {
        for (const dir of (0, walk_js_1.dirsUpToRootdir)((0, node_path_1.resolve)(start), rootdir))
            seen.add(dir);
    };
    addUp(rootdir);
    for (const anchor of anchors) {
        addUp(anchor);
        for (const sub of testSubdirectories((0, node_path_1.resolve)(anchor)))
            addUp(sub);
    }
    return [...seen].map((dir) => (0, node_path_1.join)(dir, 'conftest.py'));
}
/** The directories named `test*` in `dir` (none when it is not a directory), as pytest's glob. */
function testSubdirectories(dir) {
    if (!(0, inputs_js_1.probePath)(dir)?.isDirectory())
        return [];
    try {
        return (0, inputs_js_1.listLoggedDir)(dir)
            .filter((entry) => entry.name.startsWith('test') && (entry.isDirectory() || (entry.isSymbolicLink() && (0, inputs_js_1.probePath)((0, node_path_1.join)(dir, entry.name))?.isDirectory())))
            .map((entry) => (0, node_path_1.join)(dir, entry.name))
            .sort();
    }
    catch {
        return []; // unreadable: pytest loads nothing there either
    }
}


/***/ }),

/***/ 2731:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.printDiscovery = printDiscovery;
exports.discoverCommand = discoverCommand;
// `fastest discover` / `--collect-only`: ids like `pytest --collect-only -q`, or JSON.
const node_path_1 = __nccwpck_require__(6760);
const node_url_1 = __nccwpck_require__(3136);
const discover_memo_js_1 = __nccwpck_require__(7542);
const inputs_js_1 = __nccwpck_require__(417);
const counts_js_1 = __nccwpck_require__(5132);
const session_js_1 = __nccwpck_require__(2594);
const shard_js_1 = __nccwpck_require__(7718);
const types_js_1 = __nccwpck_require__(8522);
const impact_report_js_1 = __nccwpck_require__(1785);
function dynamicNote(item) {
    if (item.unverified)
        return '  (dynamic: not found in the source, a run decides whether the module makes it)';
    return item.dynamic ? '  (dynamic: ids known at run time)' : '';
}
/** The listing's tests and errors: a module Python cannot compile is its error, not a whole-file item. */
function listedAndErrors({ selection, discovery }) {
    const syntaxErrorOf = new Map((discovery.syntaxErrors ?? []).map((e) => [e.file, e]));
    const uncompiled = (item) => (item.id === item.file ? syntaxErrorOf.get(item.file) : undefined);
    return {
        listed: selection.selected.filter((item) => !uncompiled(item)),
        errors: [...discovery.errors, ...selection.selected.flatMap((item) => uncompiled(item) ?? [])],
    };
}
function printDiscovery(session, collected, seconds, write) {
    const { selection, discovery } = collected;
    const { listed, errors } = listedAndErrors(collected);
    if (session.options.jsonOutput) {
        write(`${JSON.stringify({
            rootdir: discovery.rootdir,
            tests: listed.map((i) => ({ id: i.id, file: i.file, line: i.line, marks: i.marks.map((m) => m.name), dynamic: i.dynamic })),
            errors,
            deselected: selection.deselected.length,
        }, null, 2)}\n`);
        return errors.length > 0 ? types_js_1.ExitCode.INTERRUPTED : listed.length === 0 ? types_js_1.ExitCode.NO_TESTS_COLLECTED : types_js_1.ExitCode.OK;
    }
    const counts = session.options.verbosity < -1;
    if (counts) {
        // -qq: no closing line
        write((0, counts_js_1.countsPerFile)(listed.map((item) => item.id)));
    }
    else {
        // One write: a write per id costs a system call each, which dominated warm discovery.
        write(listed.map((item) => `${item.id}${dynamicNote(item)}\n`).join(''));
    }
    if (errors.length > 0) {
        write(`\n${'='.repeat(36)} ERRORS ${'='.repeat(36)}\n`);
        for (const e of errors) {
            const title = ` ERROR collecting ${e.file} `;
            const side = Math.max(1, Math.floor((80 - title.length) / 2));
            write(`${'_'.repeat(side)}${title}${'_'.repeat(Math.max(1, 80 - title.length - side))}\n${e.message}\n`);
        }
    }
    const closing = { ...(0, counts_js_1.emptyCounts)(), deselected: selection.deselected.length, error: errors.length };
    const collectedCount = listed.length + selection.deselected.length;
    write(counts ? '\n' : `\n${(0, counts_js_1.closingLine)(closing, seconds, 80, { verbosity: -1, collected: collectedCount })}\n`);
    if (errors.length > 0)
        return types_js_1.ExitCode.INTERRUPTED;
    return listed.length === 0 ? types_js_1.ExitCode.NO_TESTS_COLLECTED : types_js_1.ExitCode.OK;
}
/** `fastest discover`, its inputs logged so that an unchanged repeat can be answered by the entry bundle. */
async function discoverCommand(argv, rest, write) {
    const jsonOutput = rest.includes('--json');
    const started = performance.now();
    const cwd = process.cwd();
    (0, inputs_js_1.startInputLog)();
    let collected;
    let session;
    try {
        session = (0, session_js_1.openSession)(rest.filter((a) => a !== '--json'), 'discover', cwd, (0, inputs_js_1.loggedEnv)(process.env));
        session.options.jsonOutput = jsonOutput;
        collected = await (0, shard_js_1.shardListing)(session, await (0, session_js_1.collect)(session));
    }
    catch (error) {
        (0, inputs_js_1.takeInputLog)();
        throw error;
    }
    const inputs = (0, inputs_js_1.takeInputLog)();
    const { options } = session;
    // A test-impact selection depends on git's state, which the input log does not see.
    const memoable = inputs !== null &&
        !options.noCache &&
        !options.cacheClear &&
        !options.lastFailed &&
        !options.failedFirst &&
        options.changed === null &&
        options.affectedBy === null &&
        options.shard === null && // (a share depends on the timings store too)
        collected.discovery.warnings.length === 0 &&
        collected.discovery.errors.length === 0 &&
        collected.discovery.syntaxErrors === undefined;
    for (const w of collected.discovery.warnings)
        process.stderr.write(`fastest: warning: ${w}\n`);
    let stdout = '';
    const exitCode = printDiscovery(session, collected, (performance.now() - started) / 1000, (s) => {
        if (memoable)
            stdout += s;
        write(s);
    });
    if (collected.impact && !jsonOutput)
        write((0, impact_report_js_1.impactClosingLine)(collected.impact, collected.selection.selected.length));
    if (memoable && inputs && (exitCode === 0 || exitCode === 5)) {
        const command = { argv, cwd, bundlePath: (0, node_path_1.join)((0, node_path_1.dirname)((0, node_url_1.fileURLToPath)(__fastestModuleUrl)), 'main.js') };
        (0, discover_memo_js_1.writeMemo)(session.config.rootdir, command, inputs, stdout, exitCode);
    }
    return exitCode;
}


/***/ }),

/***/ 6367:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.errorOutcome = errorOutcome;
exports.finishCommand = finishCommand;
const errors_js_1 = __nccwpck_require__(5507);
const types_js_1 = __nccwpck_require__(8522);
const args_js_1 = __nccwpck_require__(7593);
const broken_pipe_js_1 = __nccwpck_require__(9238);
function exitCodeOf(error) {
    if (error && typeof error === 'object' && 'exitCode' in error && typeof error.exitCode === 'number') {
        return error.exitCode;
    }
    return null;
}
/**
 * The one line and exit code an error ends a command with: a usage error (a UsageError, or any
 * error carrying exit code 4: bad config, bad plan...) as pytest words it (`ERROR: ...`), or as
 * `fastest plan: error: ...` for the commands pytest has not (`command`); an error carrying its
 * own exit code with its message; anything else as an internal error.
 */
function errorOutcome(error, command) {
    const code = exitCodeOf(error);
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof errors_js_1.RunnerError && error.verbatim)
        return { exitCode: error.exitCode, line: message };
    if (code === types_js_1.ExitCode.USAGE_ERROR || error instanceof args_js_1.UsageError) {
        return {
            exitCode: types_js_1.ExitCode.USAGE_ERROR,
            line: command ? `fastest ${command}: error: ${message}\n` : `ERROR: ${message}\n${error.blankLine === true ? '\n' : ''}`,
        };
    }
    const who = command ? `fastest ${command}` : 'fastest';
    if (code !== null)
        return { exitCode: code, line: `${who}: ${message}\n` };
    const errno = error?.code;
    const detail = error instanceof Error && process.env.FASTEST_DEBUG ? error.stack : command ? `${errno ? `${errno} ` : ''}${message.split('\n')[0]}` : message;
    return { exitCode: types_js_1.ExitCode.INTERNAL_ERROR, line: `${who}: internal error: ${detail}\n` };
}
function finishCommand(command) {
    (0, broken_pipe_js_1.exitQuietlyOnBrokenPipe)();
    return command.then((code) => {
        process.exitCode = code;
    }, (error) => {
        const { exitCode, line } = errorOutcome(error);
        process.stderr.write(line);
        process.exitCode = exitCode;
    });
}


/***/ }),

/***/ 1785:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.impactReasonsBlock = impactReasonsBlock;
exports.impactClosingLine = impactClosingLine;
const LISTED_CHANGES = 10;
function changesText(impact) {
    const files = impact.changes.files;
    if (files.length === 0)
        return `${impact.changes.source}: no changed files`;
    const shown = files.slice(0, LISTED_CHANGES).join(', ');
    const more = files.length > LISTED_CHANGES ? `, and ${files.length - LISTED_CHANGES} more` : '';
    return `${impact.changes.source}: ${files.length} changed file${files.length === 1 ? '' : 's'} (${shown}${more})`;
}
function impactReasonsBlock(impact, selected) {
    const lines = [`selected by ${changesText(impact)}:`];
    if (impact.impact.everything !== null)
        lines.push(`  every test: ${impact.impact.everything}`);
    else
        for (const item of selected)
            lines.push(`  ${item.id}: ${impact.impact.reasons.get(item.id) ?? 'selected'}`);
    return `${lines.join('\n')}\n`;
}
function impactClosingLine(impact, selectedCount) {
    return `${selectedCount} of ${impact.total} tests selected by ${changesText(impact)}\n`;
}


/***/ }),

/***/ 6501:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.probeNow = probeNow;
exports.probeNowKept = probeNowKept;
exports.probeLaterKept = probeLaterKept;
exports.probeLater = probeLater;
exports.refusal = refusal;
exports.pytestSettles = pytestSettles;
exports.pluginOptionsOf = pluginOptionsOf;
exports.iniRoutes = iniRoutes;
exports.routeCoverage = routeCoverage;
exports.runRoute = runRoute;
exports.applyEngineRoute = applyEngineRoute;
exports.runRealPytest = runRealPytest;
// Where the command line sends the run. fastest's own options stay with fastest; pytest's other
// options send every module to the pytest engine or the whole session to real pytest
// (pytest-options.ts); options nobody in fastest knows are put to pytest's own parser, with the
// user's plugins and conftest files (python/fastest_worker/option_check.py): it names their
// arity, or refuses them with pytest's own message and exit 4.
const node_child_process_1 = __nccwpck_require__(1421);
const node_path_1 = __nccwpck_require__(6760);
const index_js_1 = __nccwpck_require__(9750);
const interpreter_js_1 = __nccwpck_require__(4248);
const inputs_js_1 = __nccwpck_require__(417);
const errors_js_1 = __nccwpck_require__(5507);
const python_js_1 = __nccwpck_require__(5530);
const args_js_1 = __nccwpck_require__(7593);
const PROBE_CODE = 'import sys; from fastest_worker.option_check import main; sys.exit(main(sys.argv[1:]))';
function probeEnv(env) {
    return { ...env, PYTHONPATH: (0, python_js_1.runtimePythonPath)(env.PYTHONPATH) };
}
function parseProbe(stdout) {
    try {
        const parsed = JSON.parse(stdout);
        if (parsed && typeof parsed === 'object' && typeof parsed.status === 'string')
            return parsed;
    }
    catch {
        // a probe that crashed (no pytest at all): real pytest says why
    }
    return { status: 'pytest' };
}
/** pytest's parser over the user's arguments, now (an unknown option must be settled before discovery). */
function probeNow(python, argv, cwd, env) {
    try {
        return parseProbe((0, node_child_process_1.execFileSync)(python, ['-c', PROBE_CODE, ...argv], { cwd, env: probeEnv(env), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 }));
    }
    catch (error) {
        const out = error.stdout;
        return parseProbe(typeof out === 'string' ? out : '');
    }
}
const KEPT_FILE = 'option-probe.json';
const KEPT_VERSION = 2;
/** The variables that change what pytest loads at start-up (its plugins, the import path). */
const PROBE_ENV = [
    'PYTEST_ADDOPTS',
    'PYTEST_PLUGINS',
    'PYTEST_DISABLE_PLUGIN_AUTOLOAD',
    'PYTHONPATH',
    'PYTHONHOME',
    'PYTHONNOUSERSITE',
    'PYTHONSAFEPATH',
    'PYTHONUSERBASE',
];
function inputNow(path) {
    const st = (0, inputs_js_1.statOrUndefined)(path);
    return [path, st ? (0, inputs_js_1.stampOf)(st) : null, (0, inputs_js_1.contentOf)(path, st)];
}
const ARITIES = new Set(['none', 'one', 'optional']);
/** The file is the project's, but read as untrusted: anything off its shape is asked again. */
function isKeptProbe(value) {
    const kept = value;
    const result = kept?.result;
    if (result?.status !== 'ok' || typeof result.options !== 'object' || result.options === null || !Array.isArray(kept.inputs))
        return false;
    const strings = (list) => Array.isArray(list) && list.every((item) => typeof item === 'string');
    return (Object.values(result.options).every((arity) => ARITIES.has(arity)) &&
        strings(result.unknownIni) &&
        typeof result.strictConfig === 'boolean' &&
        (result.configWarnings === undefined ||
            (Array.isArray(result.configWarnings) &&
                result.configWarnings.every((w) => typeof w?.message === 'string' && typeof w.filename === 'string' && typeof w.lineno === 'number'))) &&
        kept.inputs.every((input) => Array.isArray(input) &&
            typeof input[0] === 'string' &&
            (input[1] === null || (Array.isArray(input[1]) && input[1].length === 4 && input[1].every((n) => typeof n === 'number'))) &&
            (input[2] === null || typeof input[2] === 'string')));
}
/**
 * The inputs as they are now when each still has its kept content (those whose state is unchanged
 * are not read), else null.
 */
function sameContent(inputs) {
    const now = [];
    for (const input of inputs) {
        const [path, stamp, content] = input;
        const held = (0, inputs_js_1.recheck)(path, (0, inputs_js_1.statOrUndefined)(path), stamp, content);
        if (held === null)
            return null;
        now.push(held === 'same' ? input : [path, held, content]);
    }
    return now;
}
/** None written too recently for its state to vouch for its content (isRacy). */
function settled(inputs) {
    return inputs.every(([, stamp]) => stamp === null || !(0, inputs_js_1.isRacy)(stamp[1]));
}
/**
 * pytest's parser's answer for `argv`, kept in `.fastest/option-probe.json` per interpreter file,
 * command line, working directory and PYTEST_ and PYTHON variables while none of what it read has
 * changed: pytest's start with every plugin and the initial conftests is ~0.5-0.8 s of CPU, that a
 * run waited for (probeNow: the ini addopts hold a plugin's option, `--benchmark-disable`,
 * `--reuse-db`) or ran beside its workers' start (probeLater: --strict-config, ini keys to check).
 * `watched`: files whose appearance or change matters too (the conftest.py files pytest would load
 * at start-up, the ini file). Only an accepting answer with its inputs is kept: a refusal, or a
 * pytest that cannot start, is asked again each time, as before.
 */
class KeptProbeAnswer {
    watched;
    kept;
    constructor(python, argv, cwd, env, keepDir, watched) {
        this.watched = watched;
        this.kept = (0, interpreter_js_1.keptForInterpreter)(python, env, [(0, node_path_1.join)(keepDir, KEPT_FILE)], KEPT_VERSION, PROBE_ENV, isKeptProbe, {
            question: [cwd, argv, watched],
            byPath: true,
        });
    }
    /** The kept answer, when nothing it was made from has changed (its state, or else its content). */
    answer() {
        const kept = this.kept?.kept;
        if (!kept)
            return undefined;
        const now = sameContent(kept.inputs);
        if (now === null)
            return undefined;
        // Re-stamped (a fresh checkout or runner): kept with the new states, so that the next run only stats.
        if (now.some((input, at) => input !== kept.inputs[at]) && settled(now))
            this.kept.keep({ result: kept.result, inputs: now });
        return kept.result;
    }
    keep(result) {
        // (an answer without its inputs, a probe that could not list them, is not kept)
        if (this.kept && result.status === 'ok' && Array.isArray(result.inputs)) {
            const inputs = [...new Set([...result.inputs, ...this.watched, this.kept.real])].map(inputNow);
            // A file written just now may change again without its stamp changing: asked again next time.
            if (settled(inputs))
                this.kept.keep({ result: { ...result, inputs: undefined }, inputs });
        }
        return result;
    }
}
/** probeNow, answered by the kept answer when there is one (KeptProbeAnswer). */
function probeNowKept(python, argv, cwd, env, keepDir, watched) {
    const kept = new KeptProbeAnswer(python, argv, cwd, env, keepDir, watched);
    return kept.answer() ?? kept.keep(probeNow(python, argv, cwd, env));
}
/** probeLater, answered by the kept answer when there is one (KeptProbeAnswer). */
function probeLaterKept(python, argv, cwd, env, keepDir, watched) {
    const kept = new KeptProbeAnswer(python, argv, cwd, env, keepDir, watched);
    const answer = kept.answer();
    return answer ? Promise.resolve(answer) : probeLater(python, argv, cwd, env).then((result) => kept.keep(result));
}
/** The same, alongside discovery (--strict-config: which ini keys pytest does not know). */
function probeLater(python, argv, cwd, env) {
    return new Promise((resolvePromise) => {
        (0, node_child_process_1.execFile)(python, ['-c', PROBE_CODE, ...argv], { cwd, env: probeEnv(env), encoding: 'utf8', timeout: 120_000 }, (_error, stdout) => {
            resolvePromise(parseProbe(String(stdout ?? '')));
        });
    });
}
/** pytest's refusal, as pytest prints it (`ERROR: ` and the message, then a blank line). */
function refusal(probe) {
    // finishCommand writes `ERROR: ${message}\n`; pytest writes each message as `ERROR: {msg}\n\n`.
    return new args_js_1.UsageError(probe.messages.join('\n\nERROR: ') + '\n');
}
/**
 * Whether real pytest must run the session after all: pytest cannot start, or --strict-config
 * meets ini keys the initial conftest files and plugins do not register (pytest decides only
 * after collecting, when every conftest has had its say). A refusal is thrown.
 */
async function pytestSettles(probe) {
    const result = await probe;
    if (result.status === 'usage')
        throw refusal(result);
    return result.status === 'pytest' || (result.strictConfig && result.unknownIni.length > 0);
}
function pluginOptionsOf(probe) {
    return new Map(Object.entries(probe.options));
}
/**
 * Routes the config file asks for (pytest reads these ini values whatever the command line):
 * live logging (`log_cli`) and a log file (`log_file`) span the session, which real pytest runs;
 * so does a `console_output_style` other than the default.
 */
function iniRoutes(config) {
    const routes = [];
    if ((0, index_js_1.getIni)(config, 'log_cli', 'bool') === true)
        routes.push({ option: 'log_cli (ini)', route: 'session' });
    const logFile = (0, index_js_1.getIni)(config, 'log_file', 'string');
    if (logFile !== undefined && logFile.trim() !== '')
        routes.push({ option: 'log_file (ini)', route: 'session' });
    const maxWarnings = (0, index_js_1.getIni)(config, 'max_warnings', 'string');
    if (maxWarnings !== undefined && maxWarnings.trim() !== '')
        routes.push({ option: 'max_warnings (ini)', route: 'session' });
    // the progress column other than pytest's default percentages (classic, count, times,
    // progress-even-when-capture-no): fastest's reporter prints percentages only
    const style = (0, index_js_1.getIni)(config, 'console_output_style', 'string');
    if (style !== undefined && style.trim() !== '' && style.trim() !== 'progress')
        routes.push({ option: 'console_output_style (ini)', route: 'session' });
    return routes;
}
/**
 * Where pytest-cov's options send the run. fastest measures `--cov` itself in every engine; real
 * pytest runs the session for what only pytest-cov prints (`--cov` with `--collect-only`, its
 * warning about `--cov…` after `--no-cov`), and `--cov-context=test` needs pytest's test phases
 * (the pytest engine).
 */
function routeCoverage(options) {
    const cov = options.coverage;
    if (cov.sources.length === 0)
        return;
    if (cov.noCovShouldWarn)
        (0, args_js_1.addRoute)(options, '--no-cov', 'session');
    if (cov.noCov)
        return;
    if (options.collectOnly)
        (0, args_js_1.addRoute)(options, '--cov', 'session');
    if (cov.context === 'test')
        (0, args_js_1.addRoute)(options, '--cov-context', 'engine');
}
/** The strongest route any option asks for: a session beats the engine, which beats fastest. */
function runRoute(options) {
    const session = options.routes.find((r) => r.route === 'session');
    if (session)
        return { kind: 'session', option: session.option };
    const engine = options.routes.find((r) => r.route === 'engine');
    if (engine)
        return { kind: 'engine', option: engine.option };
    return { kind: 'fastest', option: null };
}
/**
 * Every module into the pytest engine; `--engine native` cannot honour the option. Doctests run in
 * the pytest engine only (the modules that have them), which `--engine native` cannot honour either.
 */
function applyEngineRoute(options, route) {
    const doctest = options.routes.find((r) => r.route === 'doctest');
    if (doctest && options.engine === 'native')
        throw new args_js_1.UsageError(`${doctest.option}: doctests run in the pytest engine; --engine native cannot honour it`);
    if (route.kind !== 'engine')
        return;
    if (options.engine === 'native')
        throw new args_js_1.UsageError(`${route.option} needs the pytest engine; --engine native cannot honour it`);
    options.engine = 'pytest';
}
const FORWARDED_SIGNALS = ['SIGTERM', 'SIGHUP'];
/**
 * Real pytest in the foreground, on the user's terminal, with their environment and arguments:
 * it prints what pytest prints and its exit code is the run's. It shares the terminal's process
 * group, so a Ctrl-C reaches it directly (pytest ends with its "Interrupted" summary and exit 2);
 * SIGTERM and SIGHUP sent to fastest are passed on to it.
 */
function runRealPytest(python, argv, cwd, env) {
    // `pytest` as the program name in its usage text, as when the user types `pytest`; the entry
    // point's own function (pytest 9.1 deprecates calling console_main: a warning on stderr).
    const code = 'import sys; sys.argv[0] = "pytest"; import pytest; from _pytest import config; ' +
        'sys.exit((getattr(config, "_console_main", None) or pytest.console_main)())';
    return new Promise((resolvePromise, reject) => {
        const child = (0, node_child_process_1.spawn)(python, ['-c', code, ...argv], { cwd, env, stdio: 'inherit' });
        const forward = (signal) => () => {
            child.kill(signal);
        };
        const handlers = FORWARDED_SIGNALS.map((signal) => [signal, forward(signal)]);
        // Ctrl-C: the terminal sends it to pytest too; fastest waits for pytest's own ending.
        const onSigint = () => { };
        process.on('SIGINT', onSigint);
        for (const [signal, handler] of handlers)
            process.on(signal, handler);
        const done = () => {
            process.removeListener('SIGINT', onSigint);
            for (const [signal, handler] of handlers)
                process.removeListener(signal, handler);
        };
        child.on('error', (error) => {
            done();
            reject(new errors_js_1.RunnerError(`cannot run pytest with ${python}: ${error.message}`));
        });
        child.on('exit', (exitCode, signal) => {
            done();
            // pytest ended by a signal (SIGTERM passed on...): fastest ends the same way
            if (exitCode === null && signal !== null)
                process.kill(process.pid, signal);
            resolvePromise(exitCode ?? 2);
        });
    });
}


/***/ }),

/***/ 80:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.pluginsMayBeOff = pluginsMayBeOff;
exports.iniKeysToAsk = iniKeysToAsk;
// Which ini keys need no word from pytest: those pytest 8.4-9.1 registers itself (with plugin
// autoload off), fastest's own, and those of the plugins most suites configure while plugins load
// as pytest loads them by default. Any other may be one pytest warns of (`PytestConfigWarning:
// Unknown config option: X`), and so may a plugin's once `-p no:...` or
// PYTEST_DISABLE_PLUGIN_AUTOLOAD can leave its plugin out: then pytest's own parser is asked,
// alongside discovery (option_check.py's configWarnings), once for as long as what it read is
// unchanged (option-route.ts KeptProbeAnswer).
const PYTEST_INI = `addopts assertion_text_diff_style cache_dir collect_imported_tests consider_namespace_packages
console_output_style disable_test_id_escaping_and_forfeit_all_rights_to_community_support doctest_encoding
doctest_optionflags empty_parameter_set_mark enable_assertion_pass_hook faulthandler_exit_on_timeout
faulthandler_timeout filterwarnings junit_duration_report junit_family junit_log_passing_tests junit_logging
junit_suite_name log_auto_indent log_cli log_cli_date_format log_cli_format log_cli_level log_date_format
log_file log_file_date_format log_file_format log_file_level log_file_mode log_format log_level markers
max_warnings minversion norecursedirs python_classes python_files python_functions pythonpath
required_plugins strict strict_config strict_markers strict_parametrization_ids strict_xfail testpaths
tmp_path_retention_count tmp_path_retention_policy truncation_limit_chars truncation_limit_lines
usefixtures verbosity_assertions verbosity_subtests verbosity_test_cases xfail_strict`;
// pytest-asyncio, -django, -env, -mock, -xdist, -qt, -bdd, -timeout's session limit, anyio...
const PLUGIN_INI = `asyncio_mode asyncio_default_fixture_loop_scope asyncio_default_test_loop_scope
timeout_disable_debugger_detection session_timeout DJANGO_SETTINGS_MODULE DJANGO_CONFIGURATION
django_find_project django_debug_mode FAIL_INVALID_TEMPLATE_VARS env env_files env_override_existing_values
mock_use_standalone_module mock_traceback_monkeypatch rsyncdirs rsyncignore looponfailroots qt_api
qt_default_raising qt_log_level_fail qt_log_ignore qt_no_exception_capture bdd_features_base_dir
spec_header_format spec_test_format spec_success_indicator flakes-ignore mypy-ini-file randomly_seed`;
// fastest's own: its impact analysis', and the keys of pytest-timeout and pytest-rerunfailures,
// which fastest implements with or without those plugins (as it registers the `flaky` mark).
const FASTEST_INI = 'impact_deps timeout timeout_method timeout_func_only reruns reruns_delay reruns_delay_backoff_factor';
// pytest's own plugins (8.4-9.1): `-p no:` of one of them leaves every plugin's key registered.
const PYTEST_PLUGINS = `assertion cacheprovider capture debugging doctest faulthandler fixtures freeze_support
helpconfig junitxml legacypath logging main mark monkeypatch pastebin pytester pytester_assertions python
recwarn reports runner setuponly setupplan skipping stepwise subtests terminal terminalprogress
threadexception tmpdir unittest unraisableexception warnings`;
const words = (text) => new Set(text.split(/\s+/));
const OWN = words(`${PYTEST_INI} ${FASTEST_INI}`);
const PLUGINS = words(PLUGIN_INI);
const BUILTIN_PLUGINS = words(PYTEST_PLUGINS);
/** Whether the plugins named by `-p` (and the environment) may leave an installed plugin unloaded. */
function pluginsMayBeOff(plugins, env) {
    return !!env.PYTEST_DISABLE_PLUGIN_AUTOLOAD || plugins.some((name) => name.startsWith('no:') && !BUILTIN_PLUGINS.has(name.slice(3)));
}
/** The ini keys pytest's parser must judge: nobody's, and a plugin's when `pluginsMayBeOff`. */
function iniKeysToAsk(ini, pluginsMayBeOff) {
    return Object.keys(ini).filter((key) => !OWN.has(key) && (pluginsMayBeOff || !PLUGINS.has(key)));
}


/***/ }),

/***/ 4936:
/***/ ((__unused_webpack_module, exports) => {


// pytest's own options (8.4–9.x) that fastest does not take over in its own parser (args.ts), and
// where each one sends the run: every module into the pytest engine with the option passed on, or
// the whole session to real pytest in the foreground (interactive, informational, session-wide).
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.routedByName = exports.PYTEST_ROUTED_OPTIONS = void 0;
exports.benchmarksMeasured = benchmarksMeasured;
exports.lastOptionValue = lastOptionValue;
exports.autoMode = autoMode;
exports.pluginOptionRoute = pluginOptionRoute;
exports.PYTEST_ROUTED_OPTIONS = [
    // failure text and assertion handling, computed in the worker
    { names: ['-l', '--showlocals'], arity: 'none', route: 'worker' },
    { names: ['--no-showlocals'], arity: 'none', route: 'worker' },
    { names: ['--full-trace', '--fulltrace'], arity: 'none', route: 'engine' },
    { names: ['--assert'], arity: 'one', route: 'engine' },
    { names: ['--code-highlight'], arity: 'one', route: 'engine' },
    // captured logging (the "Captured log" sections, caplog, the root logger's level)
    { names: ['--log-level'], arity: 'one', route: 'worker' },
    { names: ['--log-format'], arity: 'one', route: 'worker' },
    { names: ['--log-date-format'], arity: 'one', route: 'worker' },
    { names: ['--log-auto-indent'], arity: 'one', route: 'worker' },
    { names: ['--log-disable'], arity: 'one', route: 'worker' },
    // which conftest files and plugins load
    { names: ['--confcutdir'], arity: 'one', route: 'engine' },
    { names: ['--noconftest'], arity: 'none', route: 'engine' },
    { names: ['--disable-plugin-autoload'], arity: 'none', route: 'engine' },
    // pytest 9.1's warnings budget (exit 6 past it; pytest 9.0 and older refuse the option): real
    // pytest runs the session until fastest counts warnings against it itself
    { names: ['--max-warnings'], arity: 'one', route: 'session' },
    // interactive
    { names: ['--pdb'], arity: 'none', route: 'session' },
    // the debugger class pytest uses for --pdb, --trace and a test's breakpoint(): alone (deepdiff's
    // addopts) it takes effect only at a breakpoint, which the pytest engine's workers stop at
    { names: ['--pdbcls'], arity: 'one', route: 'engine' },
    { names: ['--trace'], arity: 'none', route: 'session' },
    // informational: pytest prints instead of (or around) running
    { names: ['--markers'], arity: 'none', route: 'session' },
    { names: ['--fixtures', '--funcargs'], arity: 'none', route: 'session' },
    { names: ['--fixtures-per-test'], arity: 'none', route: 'session' },
    { names: ['--setup-only', '--setuponly'], arity: 'none', route: 'session' },
    { names: ['--setup-show', '--setupshow'], arity: 'none', route: 'session' },
    { names: ['--setup-plan', '--setupplan'], arity: 'none', route: 'session' },
    { names: ['--cache-show'], arity: 'optional', route: 'session' },
    { names: ['--trace-config', '--traceconfig'], arity: 'none', route: 'session' },
    { names: ['--debug'], arity: 'optional', route: 'session' },
    { names: ['--pastebin'], arity: 'one', route: 'session' },
    // order and selection kept across runs in pytest's cache
    { names: ['--sw', '--stepwise'], arity: 'none', route: 'session' },
    { names: ['--sw-skip', '--stepwise-skip'], arity: 'none', route: 'session' },
    { names: ['--sw-reset', '--stepwise-reset'], arity: 'none', route: 'session' },
    { names: ['--nf', '--new-first'], arity: 'none', route: 'session' },
    { names: ['--lfnf', '--last-failed-no-failures'], arity: 'one', route: 'session' },
    // collection fastest's static discovery does not do
    { names: ['--pyargs'], arity: 'none', route: 'session' },
    { names: ['--keep-duplicates', '--keepduplicates'], arity: 'none', route: 'session' },
    // doctests: listed by discovery, run by the pytest engine
    { names: ['--doctest-modules'], arity: 'none', route: 'doctest' },
    { names: ['--doctest-glob'], arity: 'one', route: 'doctest' },
    { names: ['--doctest-report'], arity: 'one', route: 'doctest' },
    { names: ['--doctest-ignore-import-errors'], arity: 'none', route: 'doctest' },
    { names: ['--doctest-continue-on-failure'], arity: 'none', route: 'doctest' },
    // the terminal summary
    { names: ['--no-summary'], arity: 'none', route: 'session' },
    { names: ['--no-fold-skipped'], arity: 'none', route: 'session' },
    { names: ['--force-short-summary'], arity: 'none', route: 'session' },
    { names: ['--xfail-tb'], arity: 'none', route: 'session' },
    // live logging and log files (one file for the whole session)
    { names: ['--log-cli-level'], arity: 'one', route: 'session' },
    { names: ['--log-cli-format'], arity: 'one', route: 'session' },
    { names: ['--log-cli-date-format'], arity: 'one', route: 'session' },
    { names: ['--log-file'], arity: 'one', route: 'session' },
    { names: ['--log-file-mode'], arity: 'one', route: 'session' },
    { names: ['--log-file-level'], arity: 'one', route: 'session' },
    { names: ['--log-file-format'], arity: 'one', route: 'session' },
    { names: ['--log-file-date-format'], arity: 'one', route: 'session' },
];
/**
 * Plugin options whose effect spans the whole session, which per-worker pytest sessions would
 * split or lose: pytest-cov's. fastest implements the options pytest-cov 7 has (coverage/options.ts);
 * one it does not know (a later pytest-cov's) sends the session to real pytest.
 */
const SESSION_PLUGIN_PREFIXES = ['--cov', '--no-cov'];
/**
 * pytest-rerunfailures' options beyond those fastest implements (args.ts, cli/reruns.ts): fastest
 * drives the retries and unregisters the plugin in its workers, so these run real pytest, with
 * the plugin, for the session (without the plugin pytest refuses them, as fastest does).
 */
const SESSION_PLUGIN_OPTIONS = new Set([
    '--force-reruns',
    '--reruns-mode',
    '--rerun-exclude-path',
    '--fail-on-flaky',
    '--max-suite-reruns',
    '--rerun-show-tracebacks',
]);
/**
 * Plugin options the workers read, in either engine, and no other part of the run sees:
 * pytest-benchmark's that only its fixture reads (graphql-core's `addopts = "--benchmark-disable"`
 * sent every module to the pytest engine; the native engine loads the plugin itself when the run
 * measures nothing, native/plugins.py), but not those that select tests (`--benchmark-only`) or
 * write the session's results (`--benchmark-json`, `--benchmark-autosave`, ...); and anyio's
 * mode, which the native engine reads as the plugin does (native/support.py).
 */
const WORKER_PLUGIN_OPTIONS = new Set([
    '--benchmark-disable',
    '--benchmark-skip',
    '--benchmark-min-time',
    '--benchmark-max-time',
    '--benchmark-min-rounds',
    '--benchmark-timer',
    '--benchmark-calibration-precision',
    '--benchmark-warmup',
    '--benchmark-warmup-iterations',
    '--benchmark-disable-gc',
    '--anyio-mode',
]);
/**
 * Whether pytest-benchmark would measure this run's benchmarks: `--benchmark-disable` (without
 * `--benchmark-enable`) makes its fixture call each function once, and `--benchmark-skip`
 * (without `--benchmark-only`) skips them; either way it keeps no stats, prints no table and
 * saves nothing, so the benchmarks need not share one worker's session (runner/schedule.ts).
 */
function benchmarksMeasured(pytestArgs) {
    const given = new Set(pytestArgs);
    const disabled = given.has('--benchmark-disable') && !given.has('--benchmark-enable');
    const skipped = given.has('--benchmark-skip') && !given.has('--benchmark-only');
    return !disabled && !skipped;
}
/** The value of the last `option VALUE` or `option=VALUE` among pytest's arguments (undefined: none). */
function lastOptionValue(pytestArgs, option) {
    let value;
    for (let i = 0; i < pytestArgs.length; i++) {
        const arg = pytestArgs[i];
        if (arg === option && i + 1 < pytestArgs.length)
            value = pytestArgs[++i];
        else if (arg.startsWith(`${option}=`))
            value = arg.slice(option.length + 1);
    }
    return value;
}
/** A plugin's auto mode (anyio's, pytest-asyncio's: it takes every coroutine test): the last `option`, else the ini's value. */
function autoMode(pytestArgs, option, ini) {
    return (lastOptionValue(pytestArgs, option) ?? ini)?.trim() === 'auto';
}
function pluginOptionRoute(name) {
    if (WORKER_PLUGIN_OPTIONS.has(name))
        return 'worker';
    if (SESSION_PLUGIN_OPTIONS.has(name))
        return 'session';
    return SESSION_PLUGIN_PREFIXES.some((p) => name === p || name.startsWith(`${p}-`)) ? 'session' : 'engine';
}
exports.routedByName = new Map(exports.PYTEST_ROUTED_OPTIONS.flatMap((o) => o.names.map((n) => [n, o])));


/***/ }),

/***/ 2594:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.firstPass = firstPass;
exports.openSession = openSession;
exports.collect = collect;
exports.impactSettings = impactSettings;
// The front of every command: options (argv + addopts), config, discovery and selection.
const node_fs_1 = __nccwpck_require__(3024);
const node_path_1 = __nccwpck_require__(6760);
const node_url_1 = __nccwpck_require__(3136);
const index_js_1 = __nccwpck_require__(9750);
const index_js_2 = __nccwpck_require__(9750);
const index_js_3 = __nccwpck_require__(2974);
const discover_memo_js_1 = __nccwpck_require__(7542);
const inputs_js_1 = __nccwpck_require__(417);
const python_js_1 = __nccwpck_require__(5530);
const glob_js_1 = __nccwpck_require__(348);
const walk_js_1 = __nccwpck_require__(4765);
const index_js_4 = __nccwpck_require__(1276);
const impact_js_1 = __nccwpck_require__(3292);
const index_js_5 = __nccwpck_require__(2258);
const args_js_1 = __nccwpck_require__(7593);
const conftest_options_js_1 = __nccwpck_require__(6577);
const pytest_ini_js_1 = __nccwpck_require__(80);
const option_route_js_1 = __nccwpck_require__(6501);
const pytest_options_js_1 = __nccwpck_require__(4936);
/**
 * The first reading of argv (paths, `-c`, `--rootdir`, `-o`) and the config it finds, with the
 * `-o` values of PYTEST_ADDOPTS before argv's (pytest reads them together before its ini).
 */
function firstPass(argv, cwd, env) {
    const first = (0, args_js_1.parseArgs)(argv, null);
    // (shlex's ValueError leaves pytest's main: exit 1)
    const envAddopts = env.PYTEST_ADDOPTS ? (0, index_js_1.shellWordsOf)(env.PYTEST_ADDOPTS, 'PYTEST_ADDOPTS', 1) : [];
    const overrides = [...(envAddopts.length > 0 ? (0, args_js_1.parseArgs)(envAddopts, null).overrides : []), ...first.overrides];
    return { first, config: configOf(first, cwd, env, overrides), overrides, envAddopts };
}
/** The config the first reading of argv finds, with these `-o` values over its ini. */
function configOf(first, cwd, env, overrides) {
    return (0, index_js_1.loadConfig)({
        cwd,
        args: first.paths,
        inifile: first.configFile ?? undefined,
        rootdir: first.rootdir ?? undefined,
        overrides,
        env,
    });
}
/** Reads argv, then the config, then argv again behind the ini addopts and PYTEST_ADDOPTS. */
function openSession(argv, command, cwd, env) {
    const { first, config, overrides, envAddopts } = firstPass(argv, cwd, env);
    // pytest's anchors: the paths named that exist, else (none named) its testpaths decision
    const named = first.paths.map((p) => (0, node_path_1.resolve)(cwd, pathPart(p))).filter((path) => (0, inputs_js_1.probePath)(path) !== undefined);
    const anchors = named.length > 0 ? named : first.paths.length > 0 ? [(0, node_path_1.resolve)(cwd)] : (testpathMatches(config, cwd) ?? [(0, node_path_1.resolve)(cwd)]);
    const conftests = (0, conftest_options_js_1.initialConftestPaths)(config.rootdir, anchors);
    const extraOptions = (0, conftest_options_js_1.conftestOptions)(conftests);
    const watched = [...conftests, ...(config.inifile ? [config.inifile] : [])];
    const keepDir = (0, node_path_1.join)(config.rootdir, '.fastest');
    const probeNow = (python, probeArgv) => (0, option_route_js_1.probeNowKept)(python, probeArgv, cwd, env, keepDir, watched);
    const probeLater = (python, probeArgv) => (0, option_route_js_1.probeLaterKept)(python, probeArgv, cwd, env, keepDir, watched);
    const allArgs = [...config.addopts, ...envAddopts, ...argv];
    // Chosen on first use: discovery needs an interpreter only to word a syntax error, and a choice
    // it never made keeps PATH and pyenv's variables out of the inputs its memo depends on.
    let choice = null;
    let pythonOption = first.python;
    const chosen = () => (choice ??= (0, python_js_1.choosePython)(pythonOption, cwd, (0, node_path_1.join)(config.rootdir, '.fastest'), env));
    let probed = null;
    let pluginOptions = null;
    // The command line as pytest is to parse it (the probes', and the tests' sys.argv): argv without
    // fastest's own options, made when first needed.
    let commandLine;
    const commandLineOf = () => (commandLine ??= (0, args_js_1.pytestArgv)(argv, extraOptions, null));
    let options;
    try {
        options = (0, args_js_1.parseArgs)(allArgs, extraOptions);
    }
    catch (error) {
        if (!(error instanceof args_js_1.UnknownOptionError))
            throw error;
        // An option of an installed plugin, or one pytest refuses: pytest's parser says which.
        probed = probeNow(chosen().python, commandLineOf());
        if (probed.status === 'usage')
            throw (0, option_route_js_1.refusal)(probed);
        if (probed.status === 'ok') {
            pluginOptions = (0, option_route_js_1.pluginOptionsOf)(probed);
            options = (0, args_js_1.parseArgs)(allArgs, extraOptions, pluginOptions);
        }
        else {
            // pytest cannot even start (a conftest that fails to import...): it says so itself.
            options = parseTakingUnknown(allArgs, extraOptions);
            options.routes.unshift({ option: error.option, route: 'session' });
        }
    }
    options.command = command;
    // pytest 9.1 applies the ini addopts' `-o` to its ini too (8.x and 9.0 do not): the config
    // file and rootdir stay the first's
    const configAfterAddopts = options.overrides.join('\0') === overrides.join('\0') ? config : configOf(first, cwd, env, options.overrides);
    pythonOption = options.python;
    if (options.timeout === null)
        options.timeout = pytestTimeoutSetting(config, env);
    options.routes.push(...(0, option_route_js_1.iniRoutes)(config));
    const { paths, fromTestpaths } = decidePaths(options, config, cwd);
    // A path outside the rootdir (`-c /dev/null` makes /dev the rootdir): pytest names its tests
    // from the path it was given (nodes._check_initialpaths_for_relpath), not from the rootdir as
    // discovery does: real pytest runs the session.
    if (!paths.every((path) => (0, walk_js_1.isWithin)(path, config.rootdir)))
        options.routes.push({ option: 'a path outside the rootdir', route: 'session' });
    // pytest 9's `--strict` and `strict` ini turn strict_config on too (the probe reads pytest's verdict)
    const strictConfig = options.strictConfig || options.pytestArgs.includes('--strict') || ((0, index_js_1.getIni)(config, 'strict_config', 'bool') ?? (0, index_js_1.getIni)(config, 'strict', 'bool') ?? false);
    let probe = probed ? Promise.resolve(probed) : null;
    if (probe === null && strictConfig && command === 'run') {
        probe = probeLater(chosen().python, commandLineOf());
    }
    // An ini key pytest may not know: its parser says which, for the warnings summary. When a
    // warning filter may make that warning an error, pytest's run ends in an INTERNALERROR after
    // collecting (the probe then answers `pytest`): the route waits for the answer.
    let warningsProbe = probe;
    if (warningsProbe === null && command === 'run' && (0, pytest_ini_js_1.iniKeysToAsk)(config.ini, (0, pytest_ini_js_1.pluginsMayBeOff)(options.plugins, env)).length > 0) {
        warningsProbe = probeLater(chosen().python, commandLineOf());
        const filters = [...options.warningFilters, ...((0, index_js_1.getIni)(config, 'filterwarnings', 'linelist') ?? [])];
        if (filters.some((filter) => filter.trim().startsWith('error')))
            probe = warningsProbe;
    }
    // `required_plugins`: pytest's parse refuses the run when an installed plugin's distribution is
    // missing or of another version (its usage error); its parser answers which (kept while the
    // installed packages are unchanged).
    if (probe === null && command === 'run' && ((0, index_js_1.getIni)(config, 'required_plugins', 'args') ?? []).length > 0) {
        probe = warningsProbe ?? probeLater(chosen().python, commandLineOf());
    }
    const configWarnings = warningsProbe ? warningsProbe.then((r) => (r.status === 'ok' ? (r.configWarnings ?? []) : [])) : Promise.resolve([]);
    return {
        options,
        config,
        configAfterAddopts,
        cwd,
        paths,
        fromTestpaths,
        get python() {
            return chosen().python;
        },
        set python(python) {
            choice = { python, shim: null };
        },
        get pythonShim() {
            return chosen().shim;
        },
        probe,
        configWarnings,
        get commandLine() {
            return commandLineOf();
        },
        pytestArgv: (paths) => {
            if (pluginOptions === null && /--timeout|--asyncio-mode|--reruns|--only-rerun|--rerun-except/.test(argv.join(' '))) {
                // whether pytest knows fastest's own plugin options (pytest-timeout's, pytest-asyncio's, pytest-rerunfailures')
                const known = probeNow(chosen().python, commandLineOf());
                if (known.status === 'ok')
                    pluginOptions = (0, option_route_js_1.pluginOptionsOf)(known);
            }
            const keep = new Set([...(pluginOptions?.keys() ?? [])]);
            return (0, args_js_1.pytestArgv)(argv, extraOptions, pluginOptions, keep, paths);
        },
    };
}
/**
 * pytest-timeout's settings when `--timeout` is not given, in its order: the PYTEST_TIMEOUT
 * variable, then the `timeout` ini. fastest enforces them itself (a hung test's worker is replaced).
 */
function pytestTimeoutSetting(config, env) {
    const fromEnv = env.PYTEST_TIMEOUT;
    const [text, where] = fromEnv !== undefined && fromEnv !== '' ? [fromEnv, 'PYTEST_TIMEOUT environment variable'] : [(0, index_js_1.getIni)(config, 'timeout', 'string'), 'config file'];
    if (text === undefined || text.trim() === '')
        return null;
    const seconds = Number(text.trim());
    if (!Number.isFinite(seconds))
        throw new args_js_1.UsageError(`Invalid timeout ${text} from ${where}`);
    return seconds;
}
/** parseArgs with every unknown option taken as a flag without a value (real pytest judges them). */
function parseTakingUnknown(args, conftest) {
    const unknown = new Map();
    for (;;) {
        try {
            return (0, args_js_1.parseArgs)(args, conftest, unknown);
        }
        catch (error) {
            if (!(error instanceof args_js_1.UnknownOptionError) || unknown.has(error.option))
                throw error;
            unknown.set(error.option, 'none');
        }
    }
}
function pathPart(arg) {
    const at = arg.indexOf('::');
    return at >= 0 ? arg.slice(0, at) : arg;
}
/** pytest's `_decide_args`: the given args, else testpaths when run from the rootdir, else cwd. */
function decidePaths(options, config, cwd) {
    if (options.paths.length > 0) {
        // Real pytest runs the session (--pyargs: an argument may name a package): it checks them.
        const pytestChecks = options.routes.some((r) => r.route === 'session');
        const paths = options.paths.map((arg) => {
            const abs = (0, node_path_1.resolve)(cwd, pathPart(arg));
            if ((0, inputs_js_1.probePath)(abs) === undefined && !pytestChecks)
                throw new args_js_1.UsageError(`file or directory not found: ${arg}`);
            return abs;
        });
        return { paths, fromTestpaths: false };
    }
    const found = testpathMatches(config, cwd);
    return found ? { paths: found, fromTestpaths: true } : { paths: [(0, node_path_1.resolve)(cwd)], fromTestpaths: false };
}
/** What the `testpaths` globs match, when pytest uses them (run from the rootdir); null when it does not. */
function testpathMatches(config, cwd) {
    if ((0, node_path_1.resolve)(cwd) !== config.rootdir || config.testpaths.length === 0)
        return null;
    const found = config.testpaths.flatMap((p) => (0, glob_js_1.expandGlobs)([p], config.rootdir, 'paths').map((rel) => (0, node_path_1.resolve)(config.rootdir, rel)));
    return found.length > 0 ? found : null;
}
async function collect(session, settings = {}) {
    const { options, config } = session;
    if (options.cacheClear) {
        (0, node_fs_1.rmSync)((0, node_path_1.join)(config.rootdir, '.fastest', 'discovery.json'), { force: true });
        // pytest's Cache.clear_cache: its values (lastfailed, stepwise...) and dirs, before --lf reads them
        const pytestCache = (0, node_path_1.resolve)(config.rootdir, (0, index_js_1.getIni)(config, 'cache_dir', 'string') ?? '.pytest_cache');
        for (const sub of ['v', 'd'])
            (0, node_fs_1.rmSync)((0, node_path_1.join)(pytestCache, sub), { recursive: true, force: true });
    }
    // an installed plugin loads by its entry point unless autoloading is off, or when `-p` names it; `-p no:` blocks it
    const pluginMayLoad = (name) => !options.plugins.includes(`no:${name}`) && (!process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD || options.plugins.includes(name));
    const { discovery, rememberDiscovery } = await discoverOrRecall(settings.remember === true && !options.noCache && !options.cacheClear, {
        rootdir: config.rootdir,
        paths: session.paths,
        walk: {
            pythonFiles: config.pythonFiles,
            norecursedirs: config.norecursedirs.length > 0 ? config.norecursedirs : [...index_js_2.DEFAULT_NORECURSEDIRS],
            ignore: options.ignore.map((p) => (0, node_path_1.resolve)(session.cwd, p)),
            ignoreGlob: options.ignoreGlob.map((p) => (0, node_path_1.resolve)(session.cwd, p)),
            collectInVirtualenv: options.collectInVirtualenv,
        },
        rules: {
            pythonFunctions: config.pythonFunctions,
            pythonClasses: config.pythonClasses,
            idOptions: { noEscaping: (0, index_js_1.getIni)(config, 'disable_test_id_escaping_and_forfeit_all_rights_to_community_support', 'bool') ?? false },
            warningsAreErrors: ((0, index_js_1.getIni)(config, 'filterwarnings', 'linelist') ?? []).some((line) => line.trim() === 'error'),
            hypothesisPlugin: pluginMayLoad('hypothesispytest'),
            anyioPlugin: pluginMayLoad('anyio'),
            anyioAutoMode: (0, pytest_options_js_1.autoMode)(options.pytestArgs, '--anyio-mode', (0, index_js_1.getIni)(config, 'anyio_mode', 'string')),
            asyncioAutoMode: pluginMayLoad('asyncio') && (0, pytest_options_js_1.autoMode)(options.pytestArgs, '--asyncio-mode', (0, index_js_1.getIni)(config, 'asyncio_mode', 'string')),
        },
        useCache: !options.noCache,
        python: () => session.python,
        doctest: (0, index_js_3.doctestOptionsOf)(options.pytestArgs, (0, index_js_1.getIni)(config, 'doctest_encoding', 'string')),
        onWalked: settings.onWalked,
        onModuleTests: settings.onModuleTests,
    });
    const nodeIds = options.paths.map((arg) => {
        const at = arg.indexOf('::');
        const abs = (0, node_path_1.resolve)(session.cwd, pathPart(arg));
        return (0, index_js_3.toNodePath)(config.rootdir, abs) + (at >= 0 ? arg.slice(at) : '');
    });
    const selectOptions = {
        keyword: options.keyword ?? undefined,
        markexpr: options.markexpr ?? undefined,
        deselect: options.deselect,
        // the rootdir named covers every other argument (pytest 9 drops those it subsumes)
        nodeIds: nodeIds.some((id) => id === '' || id === '.') ? [] : nodeIds,
        rootdir: config.rootdir,
        erroredFiles: discovery.errors.map((e) => e.file),
        // a node id into a module that discovery does not list may be a test made at import: the run decides
        modules: new Set(discovery.modules ?? discovery.items.map((item) => item.file)),
        ...(discovery.itemHooks && (options.keyword !== null || options.markexpr !== null) ? { filterAtRun: true } : {}),
    };
    const selection = (0, index_js_4.selectItems)(discovery.items, selectOptions);
    if (options.changed === null && options.affectedBy === null)
        return { discovery, selection, selectOptions, rememberDiscovery };
    const impact = await impactOf(session, discovery);
    return {
        discovery,
        selection: (0, impact_js_1.applyImpact)(selection, impact.impact.reasons),
        selectOptions,
        impact: { ...impact, total: selection.selected.length },
        rememberDiscovery,
    };
}
const REMEMBERED_DISCOVERY = 'run discovery';
/** A remembered value of the shape discovery answers (a damaged memo file is worked out again). */
function isDiscoveryResult(value, rootdir) {
    const result = value;
    return (typeof result === 'object' &&
        result !== null &&
        result.rootdir === rootdir &&
        Array.isArray(result.items) &&
        result.items.every((item) => typeof item?.id === 'string' && typeof item.file === 'string' && Array.isArray(item.marks) && Array.isArray(item.classes)) &&
        Array.isArray(result.errors) &&
        Array.isArray(result.warnings) &&
        typeof result.parsedFiles === 'number' &&
        typeof result.cachedFiles === 'number');
}
async function discoverOrRecall(remember, opts) {
    if (!remember || (0, inputs_js_1.inputLogOn)())
        return { discovery: await (0, index_js_3.discover)(opts) };
    const bundlePath = (0, node_path_1.join)((0, node_path_1.dirname)((0, node_url_1.fileURLToPath)(__fastestModuleUrl)), 'main.js');
    // Everything discovery depends on but its logged inputs: its options (the config as read), the interpreter.
    const key = JSON.stringify([REMEMBERED_DISCOVERY, { ...opts, python: opts.python() }]);
    const recalled = (0, discover_memo_js_1.recallValue)(opts.rootdir, key, bundlePath, process.env, (value) => isDiscoveryResult(value, opts.rootdir));
    if (recalled !== undefined)
        return { discovery: { ...recalled, parsedFiles: 0, cachedFiles: recalled.parsedFiles + recalled.cachedFiles } };
    (0, inputs_js_1.startInputLog)();
    let discovery;
    try {
        discovery = await (0, index_js_3.discover)(opts);
    }
    catch (error) {
        (0, inputs_js_1.takeInputLog)();
        throw error;
    }
    const inputs = (0, inputs_js_1.takeInputLog)();
    if (!inputs || discovery.errors.length > 0 || discovery.warnings.length > 0)
        return { discovery };
    return { discovery, rememberDiscovery: () => (0, discover_memo_js_1.rememberValue)(opts.rootdir, key, bundlePath, inputs, discovery) };
}
/** The `impact_deps` lines: the ini's, then [tool.fastest]'s. */
function impactDepsLines(config) {
    const table = config.fastest.impact_deps;
    const fromTable = typeof table === 'string' ? table.split('\n') : Array.isArray(table) ? table.filter((l) => typeof l === 'string') : [];
    return [...((0, index_js_1.getIni)(config, 'impact_deps', 'linelist') ?? []), ...fromTable];
}
/** What the impact stage reads of the session's config, for these items. */
function impactSettings(session, items) {
    const { options, config } = session;
    return {
        rootdir: config.rootdir,
        invocationDir: config.invocationDir,
        inifile: config.inifile === null ? null : (0, index_js_3.toNodePath)(config.rootdir, config.inifile),
        pythonpath: (0, index_js_1.getIni)(config, 'pythonpath', 'paths') ?? [],
        impactDeps: impactDepsLines(config),
        items,
        useCache: !options.noCache,
    };
}
async function impactOf(session, discovery) {
    const { options } = session;
    try {
        return await (0, index_js_5.computeImpact)({
            ...impactSettings(session, discovery.items),
            request: { ...(options.changed ? { changed: options.changed } : {}), ...(options.affectedBy ? { affectedBy: options.affectedBy } : {}) },
        });
    }
    catch (error) {
        if (error instanceof index_js_5.ChangesError || error instanceof index_js_5.ImpactDepsError)
            throw new args_js_1.UsageError(error.message);
        throw error;
    }
}


/***/ }),

/***/ 7718:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.selectShard = selectShard;
exports.shardListing = shardListing;
// `--plan FILE --shard K` and `--shard K/N`: which of the selected tests this process runs.
const node_path_1 = __nccwpck_require__(6760);
const plan_js_1 = __nccwpck_require__(8597);
const nodeid_js_1 = __nccwpck_require__(9098);
const index_js_1 = __nccwpck_require__(1276);
const timings_js_1 = __nccwpck_require__(7307);
const args_js_1 = __nccwpck_require__(7593);
function shardOfFile(file, shards) {
    let hash = 0;
    for (let i = 0; i < file.length; i++)
        hash = (hash * 31 + file.charCodeAt(i)) >>> 0;
    return (hash % shards) + 1;
}
/** The shard that reports `file`'s collection error (ShardSelection.ownsCollectionError). */
function collectionErrorOwner(plan) {
    const holder = new Map();
    for (const shard of plan.shards)
        for (const unit of shard.units)
            if (!holder.has(unit.file))
                holder.set(unit.file, shard.index);
    return (file) => holder.get(file) ?? shardOfFile(file, plan.shards.length);
}
/**
 * `all`: every discovered item, selected or not (an id -k removed is not "not listed").
 * `modules`: the test modules found here: a planned id no item stands for in one of them (a test
 * made at import, planned as an unverified item) runs as one, for the module's collection to decide.
 */
function itemsOfShard(plan, index, items, all, modules) {
    const shard = plan.shards.find((s) => s.index === index);
    if (!shard)
        throw new args_js_1.UsageError(`--shard ${index}: the plan has ${plan.shards.length} shards`);
    const wanted = new Set();
    for (const unit of shard.units)
        for (const id of (0, plan_js_1.unitTestIds)(unit))
            wanted.add(id);
    const found = new Set();
    // A planned dynamic item (its id without parameters, or a module or class) is satisfied by the
    // ids a run taught discovery it expands to.
    const planned = (item) => (0, nodeid_js_1.coveringIds)(item.id).find((id) => wanted.has(id));
    const selected = items.filter((item) => planned(item) !== undefined);
    for (const item of [...all, ...selected]) {
        const id = planned(item);
        if (id !== undefined)
            found.add(id);
    }
    const notFound = [...wanted].filter((id) => !found.has(id));
    const unverified = notFound.filter((id) => id.includes('::') && modules.has((0, nodeid_js_1.pathOfId)(id))).map(index_js_1.unverifiedItemOfId);
    return { items: [...selected, ...unverified], notListed: notFound.filter((id) => !id.includes('::') || !modules.has((0, nodeid_js_1.pathOfId)(id))) };
}
async function selectShard(session, items, all = items, modules = new Set(), measuredFiles = {}) {
    const { options, config } = session;
    const timingsPath = options.timings !== null ? (0, node_path_1.resolve)(session.cwd, options.timings) : (0, node_path_1.join)(config.rootdir, timings_js_1.DEFAULT_TIMINGS_PATH);
    const loaded = (0, timings_js_1.loadTimings)(timingsPath);
    if (loaded.warning)
        process.stderr.write(`fastest: warning: ${loaded.warning}\n`);
    const estimator = new timings_js_1.Estimator(loaded.store, measuredFiles);
    const expected = new Map();
    for (const item of items)
        expected.set(item.id, estimator.test(item));
    if (options.shard?.source)
        process.stderr.write(`fastest: shard ${options.shard.index} of ${options.shard.total} from ${options.shard.source}\n`);
    if (options.plan) {
        if (!options.shard)
            throw new args_js_1.UsageError('--plan needs --shard K');
        const plan = (0, plan_js_1.readPlan)((0, node_path_1.resolve)(session.cwd, options.plan));
        if ((0, plan_js_1.digestIds)(items.map((i) => i.id)) !== plan.digest) {
            process.stderr.write("fastest: warning: the tests discovered here differ from the plan's; running the plan's units that exist\n");
        }
        const { index, total } = options.shard;
        if (total !== null && total !== plan.shards.length)
            throw new args_js_1.UsageError(`--shard ${index}/${total}: the plan has ${plan.shards.length} shards`);
        const owner = collectionErrorOwner(plan);
        return { ...itemsOfShard(plan, index, items, all, modules), expected, ownsCollectionError: (file) => owner(file) === index };
    }
    if (options.shard) {
        if (options.shard.total === null)
            throw new args_js_1.UsageError('--shard K needs --plan FILE, or use --shard K/N');
        const { index, total } = options.shard;
        const plan = (0, plan_js_1.makePlan)(items, loaded.store, { shards: total, explicitIds: true });
        const owner = collectionErrorOwner(plan);
        return { ...itemsOfShard(plan, index, items, all, modules), expected, ownsCollectionError: (file) => owner(file) === index };
    }
    return { items, expected, ownsCollectionError: () => true, notListed: [] };
}
/**
 * What `--collect-only` (and `fastest discover`) list under `--shard`/`--plan`: the shard's share
 * of the selection, as its run selects it, and the collection errors it reports; as collected
 * without a shard.
 */
async function shardListing(session, collected) {
    if (!session.options.shard)
        return collected;
    const { discovery, selection } = collected;
    const shard = await selectShard(session, selection.selected, discovery.items, collected.selectOptions.modules);
    return {
        ...collected,
        discovery: { ...discovery, errors: discovery.errors.filter((e) => shard.ownsCollectionError(e.file)) },
        selection: { ...selection, selected: shard.items },
    };
}


/***/ }),

/***/ 7827:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConfigError = void 0;
/**
 * A bad config file, option or override: pytest's UsageError, exit code 4, or, where pytest lets
 * Python's exception out of its main (a missing `-c` file, `addopts` shlex cannot split), exit 1;
 * where its collection meets it (`python_files`), exit 2. One line.
 */
class ConfigError extends Error {
    blankLine;
    exitCode;
    /** `blankLine`: pytest raises it as a UsageError from its own main, which prints a blank line after. */
    constructor(message, blankLine = false, exitCode = 4) {
        super(message.replace(/\s*\n\s*/g, ' ').trim());
        this.blankLine = blankLine;
        this.exitCode = exitCode;
        this.name = 'ConfigError';
    }
}
exports.ConfigError = ConfigError;


/***/ }),

/***/ 8261:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


// Reading one candidate config file the way pytest's load_config_dict_from_file does.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.readTextFile = readTextFile;
exports.readToml = readToml;
exports.plainToml = plainToml;
exports.loadConfigDictFromFile = loadConfigDictFromFile;
exports.readFastestTable = readFastestTable;
const node_path_1 = __nccwpck_require__(6760);
const smol_toml_1 = __nccwpck_require__(7106);
const inputs_js_1 = __nccwpck_require__(417);
const errors_js_1 = __nccwpck_require__(7827);
const ini_parser_js_1 = __nccwpck_require__(5986);
const pystr_js_1 = __nccwpck_require__(2560);
const CFG_PYTEST_SECTION = '[pytest] section in setup.cfg files is no longer supported, change to [tool:pytest] instead.';
function readTextFile(path) {
    let bytes;
    try {
        bytes = (0, inputs_js_1.readLoggedFile)(path);
    }
    catch (err) {
        const code = err.code ?? 'error';
        const why = code === 'ENOENT' ? 'No such file or directory' : code === 'EISDIR' ? 'Is a directory' : code;
        throw new errors_js_1.ConfigError(`${path}: cannot read config file: ${why}`);
    }
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new errors_js_1.ConfigError(`${path}: config file is not valid UTF-8`);
    }
}
function readIni(path) {
    try {
        return (0, ini_parser_js_1.parseIni)(path, readTextFile(path));
    }
    catch (err) {
        if (err instanceof ini_parser_js_1.IniParseError)
            throw new errors_js_1.ConfigError(err.message);
        throw err;
    }
}
function readToml(path) {
    const text = (0, pystr_js_1.pyUniversalNewlines)(readTextFile(path));
    try {
        return (0, smol_toml_1.parse)(text, { integersAsBigInt: true });
    }
    catch (err) {
        if (err instanceof smol_toml_1.TomlError) {
            const reason = (err.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '');
            throw new errors_js_1.ConfigError(`${path}:${err.line}: invalid TOML: ${reason} (column ${err.column})`);
        }
        throw err;
    }
}
function isTable(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}
function iniSectionDict(doc, section) {
    const dict = new Map();
    for (const [key, entry] of doc.get(section)?.entries ?? []) {
        dict.set(key, { value: entry.value, text: entry.value, origin: 'file', mode: 'ini', line: entry.line });
    }
    return dict;
}
/**
 * TOML values as plain JSON-friendly data: integers (parsed as bigint so that `1.0` and `1` stay
 * apart while pytest's str() of them is taken) become numbers.
 */
function plainToml(v) {
    if (typeof v === 'bigint')
        return Number(v);
    if (Array.isArray(v))
        return v.map(plainToml);
    if (isTable(v))
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainToml(x)]));
    return v;
}
function tomlDict(table, mode) {
    const dict = new Map();
    for (const [key, raw] of Object.entries(table)) {
        // INI mode turns scalars into str as pytest's make_scalar does; lists stay lists.
        const text = Array.isArray(raw) ? raw.map(pystr_js_1.pyStrOfTomlValue) : (0, pystr_js_1.pyStrOfTomlValue)(raw);
        const value = mode === 'ini' ? text : plainToml(raw);
        dict.set(key, { value, text, origin: 'file', mode });
    }
    return dict;
}
/** pytest's config from `path`, or null when the file holds no pytest configuration. */
function loadConfigDictFromFile(path) {
    const suffix = (0, node_path_1.extname)((0, node_path_1.basename)(path));
    const name = (0, node_path_1.basename)(path);
    if (suffix === '.ini') {
        const doc = readIni(path);
        if (doc.has('pytest'))
            return iniSectionDict(doc, 'pytest');
        // pytest.ini is always the source of configuration, even when empty.
        if (name === 'pytest.ini' || name === '.pytest.ini')
            return new Map();
    }
    else if (suffix === '.cfg') {
        const doc = readIni(path);
        if (doc.has('tool:pytest'))
            return iniSectionDict(doc, 'tool:pytest');
        if (doc.has('pytest')) {
            const line = doc.get('pytest')?.line;
            throw new errors_js_1.ConfigError(`${path}:${line}: ${CFG_PYTEST_SECTION}`);
        }
    }
    else if (suffix === '.toml') {
        const doc = readToml(path);
        if (name === 'pytest.toml' || name === '.pytest.toml') {
            const table = doc['pytest'];
            if (table === undefined)
                return new Map();
            if (!isTable(table))
                throw new errors_js_1.ConfigError(`${path}: 'pytest' must be a table`);
            return tomlDict(table, 'toml');
        }
        const tool = doc['tool'];
        const toolPytest = isTable(tool) ? tool['pytest'] : undefined;
        if (!isTable(toolPytest))
            return null;
        const { ini_options: iniOptions, ...tomlOptions } = toolPytest;
        const hasToml = Object.keys(tomlOptions).length > 0;
        if (hasToml && iniOptions !== undefined && (!isTable(iniOptions) || Object.keys(iniOptions).length > 0)) {
            throw new errors_js_1.ConfigError(`${path}: Cannot use both [tool.pytest] (native TOML types) and [tool.pytest.ini_options] ` +
                '(string-based INI format) simultaneously. Please use [tool.pytest] with native TOML types ' +
                '(recommended) or [tool.pytest.ini_options] for backwards compatibility.');
        }
        if (hasToml)
            return tomlDict(tomlOptions, 'toml');
        if (iniOptions !== undefined) {
            if (!isTable(iniOptions))
                throw new errors_js_1.ConfigError(`${path}: [tool.pytest.ini_options] must be a table`);
            return tomlDict(iniOptions, 'ini');
        }
    }
    return null;
}
/** The [tool.fastest] table of a pyproject.toml, or {} when it has none. */
function readFastestTable(pyprojectPath) {
    const tool = readToml(pyprojectPath)['tool'];
    const fastest = isTable(tool) ? tool['fastest'] : undefined;
    return isTable(fastest) ? plainToml(fastest) : {};
}


/***/ }),

/***/ 5731:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


// rootdir and config-file discovery: pytest 9's _pytest/config/findpaths.py, rule for rule.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CONFIG_NAMES = void 0;
exports.commonPath = commonPath;
exports.isFsRoot = isFsRoot;
exports.locateConfig = locateConfig;
exports.getCommonAncestor = getCommonAncestor;
exports.getDirsFromArgs = getDirsFromArgs;
exports.parseOverrideIni = parseOverrideIni;
exports.expandVars = expandVars;
exports.determineSetup = determineSetup;
const node_path_1 = __nccwpck_require__(6760);
const inputs_js_1 = __nccwpck_require__(417);
const ancestors_js_1 = __nccwpck_require__(3000);
const errors_js_1 = __nccwpck_require__(7827);
const files_js_1 = __nccwpck_require__(8261);
const pystr_js_1 = __nccwpck_require__(2560);
exports.CONFIG_NAMES = ['pytest.toml', '.pytest.toml', 'pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg'];
function isFile(p) {
    return (0, inputs_js_1.probePath)(p)?.isFile() ?? false;
}
function isDir(p) {
    return (0, inputs_js_1.probePath)(p)?.isDirectory() ?? false;
}
function safeExists(p) {
    return (0, inputs_js_1.probePath)(p) !== undefined;
}
function parentsOf(p) {
    return (0, ancestors_js_1.selfAndParents)(p).slice(1);
}
/** os.path.commonpath of two absolute paths. */
function commonPath(a, b) {
    const pa = a.split(node_path_1.sep).filter(Boolean);
    const pb = b.split(node_path_1.sep).filter(Boolean);
    const shared = [];
    for (let i = 0; i < Math.min(pa.length, pb.length) && pa[i] === pb[i]; i++)
        shared.push(pa[i]);
    return node_path_1.sep + shared.join(node_path_1.sep);
}
function isFsRoot(p) {
    return p === node_path_1.sep;
}
function locateConfig(invocationDir, args) {
    const paths = args.filter((a) => !a.startsWith('-'));
    if (paths.length === 0)
        paths.push(invocationDir);
    let foundPyprojectToml = null;
    for (const arg of paths) {
        for (const base of (0, ancestors_js_1.selfAndParents)((0, node_path_1.resolve)(invocationDir, arg))) {
            for (const [index, configName] of exports.CONFIG_NAMES.entries()) {
                const p = (0, node_path_1.join)(base, configName);
                if (!isFile(p))
                    continue;
                if (configName === 'pyproject.toml' && foundPyprojectToml === null)
                    foundPyprojectToml = p;
                const inicfg = (0, files_js_1.loadConfigDictFromFile)(p);
                if (inicfg === null)
                    continue;
                const ignoredConfigFiles = exports.CONFIG_NAMES.slice(index + 1).filter((other) => {
                    const p2 = (0, node_path_1.join)(base, other);
                    return isFile(p2) && (0, files_js_1.loadConfigDictFromFile)(p2) !== null;
                });
                return { rootdir: base, inifile: p, inicfg, ignoredConfigFiles };
            }
        }
    }
    // A pyproject.toml without pytest config still marks the rootdir (and is the "configfile").
    if (foundPyprojectToml !== null) {
        return { rootdir: (0, node_path_1.dirname)(foundPyprojectToml), inifile: foundPyprojectToml, inicfg: new Map(), ignoredConfigFiles: [] };
    }
    return { rootdir: null, inifile: null, inicfg: new Map(), ignoredConfigFiles: [] };
}
function getCommonAncestor(invocationDir, paths) {
    let ancestor = null;
    for (const path of paths) {
        if (!safeExists(path))
            continue;
        if (ancestor === null) {
            ancestor = path;
        }
        else if (path === ancestor || parentsOf(path).includes(ancestor)) {
            continue;
        }
        else if (parentsOf(ancestor).includes(path)) {
            ancestor = path;
        }
        else {
            ancestor = commonPath(path, ancestor);
        }
    }
    if (ancestor === null)
        return invocationDir;
    return isFile(ancestor) ? (0, node_path_1.dirname)(ancestor) : ancestor;
}
/** Directories of the positional args that exist; node ids count by their file part. */
function getDirsFromArgs(invocationDir, args) {
    return args
        .filter((a) => !a.startsWith('-'))
        .map((a) => (0, node_path_1.resolve)(invocationDir, a.split('::')[0] ?? ''))
        .filter(safeExists)
        .map((p) => (isDir(p) ? p : (0, node_path_1.dirname)(p)));
}
/** `-o name=value` overrides; the last one for a name wins. */
function parseOverrideIni(overrides) {
    const dict = new Map();
    for (const item of overrides) {
        const eq = item.indexOf('=');
        if (eq < 0) {
            throw new errors_js_1.ConfigError(`-o/--override-ini expects option=value style (got: ${(0, pystr_js_1.pyRepr)(item)}).`);
        }
        const value = item.slice(eq + 1);
        dict.set(item.slice(0, eq), { value, text: value, origin: 'override', mode: 'ini' });
    }
    return dict;
}
/** posixpath.expandvars: `$NAME` and `${NAME}` of set variables; unset ones stay as written. */
function expandVars(s, env) {
    return s.replace(/\$([A-Za-z0-9_]+|\{[^}]*\})/g, (whole, name) => {
        const key = name.startsWith('{') ? name.slice(1, -1) : name;
        const value = env[key];
        return value === undefined ? whole : value;
    });
}
function determineSetup(opts) {
    const { invocationDir } = opts;
    const dirs = getDirsFromArgs(invocationDir, opts.args);
    let rootdir = null;
    let inifile;
    let inicfg;
    let ignoredConfigFiles = [];
    if (opts.inifile) {
        inifile = (0, node_path_1.resolve)(invocationDir, opts.inifile);
        // pytest only fails here for suffixes it reads; a missing file is always a usage error for us.
        // (`-c /dev/null`, the idiom for no config, is a file pytest reads nothing from)
        const found = (0, inputs_js_1.probePath)(inifile);
        if (found === undefined || found.isDirectory())
            throw new errors_js_1.ConfigError(`${inifile}: config file not found (from -c/--config-file)`, false, 1);
        inicfg = (0, files_js_1.loadConfigDictFromFile)(inifile) ?? new Map();
        if (!opts.rootdirArg)
            rootdir = (0, node_path_1.dirname)(inifile);
    }
    else {
        const ancestor = getCommonAncestor(invocationDir, dirs);
        ({ rootdir, inifile, inicfg, ignoredConfigFiles } = locateConfig(invocationDir, [ancestor]));
        if (rootdir === null && !opts.rootdirArg) {
            rootdir = (0, ancestors_js_1.selfAndParents)(ancestor).find((d) => isFile((0, node_path_1.join)(d, 'setup.py'))) ?? null;
            if (rootdir === null) {
                if (!(dirs.length === 1 && dirs[0] === ancestor)) {
                    ({ rootdir, inifile, inicfg } = locateConfig(invocationDir, dirs));
                }
                if (rootdir === null) {
                    rootdir = getCommonAncestor(invocationDir, [invocationDir, ancestor]);
                    if (isFsRoot(rootdir))
                        rootdir = ancestor;
                }
            }
        }
    }
    if (opts.rootdirArg) {
        rootdir = (0, node_path_1.resolve)(invocationDir, expandVars(opts.rootdirArg, opts.env ?? process.env));
        if (!isDir(rootdir)) {
            throw new errors_js_1.ConfigError(`Directory '${rootdir}' not found. Check your '--rootdir' option.`, true);
        }
    }
    for (const [key, value] of parseOverrideIni(opts.overrideIni))
        inicfg.set(key, value);
    if (rootdir === null)
        throw new Error('unreachable: rootdir not determined');
    return { rootdir, inifile, inicfg, ignoredConfigFiles };
}


/***/ }),

/***/ 9750:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


// The config stage: rootdir, the config file pytest would use, and the ini values fastest needs.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEFAULT_NORECURSEDIRS = exports.shellWordsOf = exports.ShellSplitError = exports.splitShellArgs = exports.ConfigError = void 0;
exports.getIni = getIni;
exports.loadConfig = loadConfig;
const node_path_1 = __nccwpck_require__(6760);
const inputs_js_1 = __nccwpck_require__(417);
const files_js_1 = __nccwpck_require__(8261);
const findpaths_js_1 = __nccwpck_require__(5731);
const errors_js_1 = __nccwpck_require__(7827);
const values_js_1 = __nccwpck_require__(3750);
var errors_js_2 = __nccwpck_require__(7827);
Object.defineProperty(exports, "ConfigError", ({ enumerable: true, get: function () { return errors_js_2.ConfigError; } }));
var shlex_js_1 = __nccwpck_require__(1494);
Object.defineProperty(exports, "splitShellArgs", ({ enumerable: true, get: function () { return shlex_js_1.splitShellArgs; } }));
Object.defineProperty(exports, "ShellSplitError", ({ enumerable: true, get: function () { return shlex_js_1.ShellSplitError; } }));
var values_js_2 = __nccwpck_require__(3750);
Object.defineProperty(exports, "shellWordsOf", ({ enumerable: true, get: function () { return values_js_2.shellWordsOf; } }));
exports.DEFAULT_NORECURSEDIRS = ['*.egg', '.*', '_darcs', 'build', 'CVS', 'dist', 'node_modules', 'venv', '{arch}'];
function iniSource(config) {
    return { inifile: config.inifile, baseDir: config.inifile ? (0, node_path_1.dirname)(config.inifile) : config.invocationDir };
}
function dictOf(config) {
    return new Map(Object.entries(config.iniValues));
}
function getIni(config, name, type) {
    return (0, values_js_1.readIni)(dictOf(config), iniSource(config), name, type);
}
function rawIniRecord(inicfg) {
    const out = {};
    for (const [key, { text }] of inicfg)
        out[key] = Array.isArray(text) ? [...text] : text;
    return out;
}
/** The pyproject.toml whose [tool.fastest] applies: the config file itself, else the rootdir's. */
function fastestPyproject(inifile, rootdir) {
    if (inifile !== null && (0, node_path_1.basename)(inifile) === 'pyproject.toml')
        return inifile;
    const candidates = [inifile && (0, node_path_1.join)((0, node_path_1.dirname)(inifile), 'pyproject.toml'), (0, node_path_1.join)(rootdir, 'pyproject.toml')];
    return candidates.find((p) => !!p && (0, inputs_js_1.probePath)(p) !== undefined) ?? null;
}
function xfailStrictOf(inicfg, src) {
    let own;
    try {
        own = (0, values_js_1.readIni)(inicfg, src, 'strict_xfail', 'bool');
    }
    catch (error) {
        if (!(error instanceof errors_js_1.ConfigError))
            throw error;
        return String((0, values_js_1.readIni)(inicfg, src, 'strict_xfail', 'string'));
    }
    return own ?? (0, values_js_1.readIni)(inicfg, src, 'strict', 'bool') ?? false;
}
function loadConfig(opts) {
    const invocationDir = (0, node_path_1.resolve)(opts.cwd);
    const setup = (0, findpaths_js_1.determineSetup)({
        inifile: opts.inifile,
        overrideIni: opts.overrides ?? [],
        args: opts.args,
        rootdirArg: opts.rootdir,
        invocationDir,
        env: opts.env,
    });
    const { inicfg } = setup;
    const src = iniSource({ inifile: setup.inifile, invocationDir });
    const list = (name, type, fallback) => (0, values_js_1.readIni)(inicfg, src, name, type) ?? [...fallback];
    const pyproject = fastestPyproject(setup.inifile, setup.rootdir);
    return {
        rootdir: setup.rootdir,
        inifile: setup.inifile,
        testpaths: list('testpaths', 'args', []),
        pythonFiles: list('python_files', 'args', ['test_*.py', '*_test.py']),
        pythonClasses: list('python_classes', 'args', ['Test']),
        pythonFunctions: list('python_functions', 'args', ['test']),
        norecursedirs: list('norecursedirs', 'args', exports.DEFAULT_NORECURSEDIRS),
        markers: list('markers', 'linelist', []),
        addopts: list('addopts', 'args', []),
        xfailStrict: xfailStrictOf(inicfg, src),
        asyncioMode: (0, values_js_1.readIni)(inicfg, src, 'asyncio_mode', 'string') ?? null,
        ini: rawIniRecord(inicfg),
        fastest: pyproject === null ? {} : (0, files_js_1.readFastestTable)(pyproject),
        ignoredConfigFiles: setup.ignoredConfigFiles,
        iniValues: Object.fromEntries(inicfg),
        invocationDir,
    };
}


/***/ }),

/***/ 5986:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


// An INI reader with the semantics of the `iniconfig` package that pytest uses (its legacy mode:
// no inline-comment stripping). Values continue on indented lines, joined with "\n"; whole-line
// comments start with `#` or `;`; `name = value` or `name: value`.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.IniParseError = void 0;
exports.parseIni = parseIni;
const pystr_js_1 = __nccwpck_require__(2560);
class IniParseError extends Error {
    path;
    line;
    reason;
    constructor(path, line, // 1-based
    reason) {
        super(`${path}:${line}: ${reason}`);
        this.path = path;
        this.line = line;
        this.reason = reason;
    }
}
exports.IniParseError = IniParseError;
const COMMENT_CHARS = '#;';
function parseIni(path, text) {
    const tokens = tokenize(path, (0, pystr_js_1.pySplitLines)((0, pystr_js_1.pyUniversalNewlines)(text)));
    const doc = new Map();
    for (const t of tokens) {
        if (t.section === null)
            throw new IniParseError(path, t.index + 1, 'no section header defined');
        if (t.name === null) {
            if (doc.has(t.section)) {
                throw new IniParseError(path, t.index + 1, `duplicate section ${(0, pystr_js_1.pyRepr)(t.section)}`);
            }
            doc.set(t.section, { line: t.index + 1, entries: new Map() });
        }
        else {
            const section = doc.get(t.section);
            if (section === undefined)
                throw new Error('unreachable: entry before its section');
            if (section.entries.has(t.name)) {
                throw new IniParseError(path, t.index + 1, `duplicate name ${(0, pystr_js_1.pyRepr)(t.name)}`);
            }
            section.entries.set(t.name, { value: t.value ?? '', line: t.index + 1 });
        }
    }
    return doc;
}
function tokenize(path, lines) {
    const result = [];
    let section = null;
    lines.forEach((rawLine, index) => {
        const parsed = parseLine(path, rawLine, index);
        if (parsed.kind === 'blank')
            return;
        if (parsed.kind === 'value') {
            result.push({ index, section, name: parsed.name, value: parsed.value });
        }
        else if (parsed.kind === 'section') {
            if (parsed.name === '')
                throw new IniParseError(path, index + 1, 'empty section name');
            section = parsed.name;
            result.push({ index, section, name: null, value: null });
        }
        else {
            const last = result.pop();
            if (last === undefined || last.name === null) {
                throw new IniParseError(path, index + 1, 'unexpected value continuation');
            }
            last.value = last.value ? `${last.value}\n${parsed.value}` : parsed.value;
            result.push(last);
        }
    });
    return result;
}
function parseLine(path, rawLine, index) {
    if (isCommentLine(rawLine))
        return { kind: 'blank' };
    let line = (0, pystr_js_1.pyRstrip)(rawLine);
    if (line === '')
        return { kind: 'blank' };
    if (line[0] === '[') {
        const realLine = line;
        for (const c of COMMENT_CHARS)
            line = (0, pystr_js_1.pyRstrip)(line.split(c)[0] ?? '');
        if (line.endsWith(']'))
            return { kind: 'section', name: line.slice(1, -1) };
        return { kind: 'continuation', value: (0, pystr_js_1.pyStrip)(realLine) };
    }
    if (!(0, pystr_js_1.pyIsSpace)(line[0] ?? '')) {
        let name;
        let value;
        const eq = line.indexOf('=');
        if (eq >= 0 && !line.slice(0, eq).includes(':')) {
            name = line.slice(0, eq);
            value = line.slice(eq + 1);
        }
        else {
            const colon = line.indexOf(':');
            if (colon < 0)
                throw new IniParseError(path, index + 1, `unexpected line: ${(0, pystr_js_1.pyRepr)(line)}`);
            name = line.slice(0, colon);
            value = line.slice(colon + 1);
        }
        return { kind: 'value', name: (0, pystr_js_1.pyStrip)(name), value: (0, pystr_js_1.pyStrip)(value) };
    }
    return { kind: 'continuation', value: (0, pystr_js_1.pyStrip)(line) };
}
function isCommentLine(line) {
    const first = (0, pystr_js_1.pyLstrip)(line).slice(0, 1);
    // Python's `'' in "#;"` is true, so blank lines count as comments too.
    return first === '' || COMMENT_CHARS.includes(first);
}


/***/ }),

/***/ 2560:
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

/***/ 1494:
/***/ ((__unused_webpack_module, exports) => {


// Python's shlex.split(s) (posix=True, comments=False, whitespace_split=True), which is how
// pytest splits `addopts`, PYTEST_ADDOPTS and every ini value of type "args".
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ShellSplitError = void 0;
exports.splitShellArgs = splitShellArgs;
class ShellSplitError extends Error {
}
exports.ShellSplitError = ShellSplitError;
const WHITESPACE = ' \t\r\n';
const QUOTES = `'"`;
const ESCAPE = '\\';
const ESCAPED_QUOTES = '"';
/** Split `s` the way Python's `shlex.split` does; throws ShellSplitError with shlex's message. */
function splitShellArgs(s) {
    const tokens = [];
    // The shlex state machine: ' ' between tokens, 'a' inside a bare word, a quote character
    // inside that quote, '\\' right after an escape (escapedState says where to return).
    let state = ' ';
    let escapedState = ' ';
    let token = '';
    let quoted = false;
    const finish = () => {
        if (token !== '' || quoted)
            tokens.push(token);
        token = '';
        quoted = false;
    };
    for (const ch of s) {
        if (state === ' ') {
            if (WHITESPACE.includes(ch))
                continue;
            if (ch === ESCAPE) {
                escapedState = 'a';
                state = ch;
            }
            else if (QUOTES.includes(ch)) {
                state = ch;
            }
            else {
                token = ch;
                state = 'a';
            }
        }
        else if (QUOTES.includes(state)) {
            quoted = true;
            if (ch === state) {
                state = 'a';
            }
            else if (ch === ESCAPE && ESCAPED_QUOTES.includes(state)) {
                escapedState = state;
                state = ch;
            }
            else {
                token += ch;
            }
        }
        else if (state === ESCAPE) {
            // Inside double quotes a backslash only escapes `"` and `\`; elsewhere it is kept.
            if (QUOTES.includes(escapedState) && ch !== state && ch !== escapedState)
                token += state;
            token += ch;
            state = escapedState;
        }
        else {
            // state 'a'
            if (WHITESPACE.includes(ch)) {
                state = ' ';
                finish();
            }
            else if (QUOTES.includes(ch)) {
                state = ch;
            }
            else if (ch === ESCAPE) {
                escapedState = 'a';
                state = ch;
            }
            else {
                token += ch;
            }
        }
    }
    if (QUOTES.includes(state))
        throw new ShellSplitError('No closing quotation');
    if (state === ESCAPE)
        throw new ShellSplitError('No escaped character');
    finish();
    return tokens;
}


/***/ }),

/***/ 3750:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


// Typed reading of raw config values: pytest's Config._getini (_getini_ini / _getini_toml).
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.INI_ALIASES = void 0;
exports.shellWordsOf = shellWordsOf;
exports.pickRawValue = pickRawValue;
exports.readIni = readIni;
const node_path_1 = __nccwpck_require__(6760);
const errors_js_1 = __nccwpck_require__(7827);
const pystr_js_1 = __nccwpck_require__(2560);
const shlex_js_1 = __nccwpck_require__(1494);
/** The list keys pytest reads while it parses the command line (the others, while it collects). */
const READ_BEFORE_COLLECTION = new Set(['addopts', 'testpaths', 'required_plugins', 'pythonpath']);
/** `text` split as pytest's shlex splits it; shlex's ValueError as a ConfigError with pytest's exit code (`where`: what the text is). */
function shellWordsOf(text, where, exitCode) {
    try {
        return (0, shlex_js_1.splitShellArgs)(text);
    }
    catch (err) {
        if (err instanceof shlex_js_1.ShellSplitError)
            throw new errors_js_1.ConfigError(`${where}: ValueError: ${err.message}`, false, exitCode);
        throw err;
    }
}
/** Aliases pytest registers (alias -> canonical name). */
exports.INI_ALIASES = { xfail_strict: 'strict_xfail' };
/** The raw value pytest would pick for `name`: -o beats the file, canonical name beats alias. */
function pickRawValue(inicfg, name) {
    const canonical = exports.INI_ALIASES[name] ?? name;
    const candidates = [];
    const direct = inicfg.get(canonical);
    if (direct)
        candidates.push({ key: canonical, value: direct, canonical: true });
    for (const [alias, target] of Object.entries(exports.INI_ALIASES)) {
        const v = inicfg.get(alias);
        if (target === canonical && v)
            candidates.push({ key: alias, value: v, canonical: false });
    }
    const rank = (c) => (c.value.origin === 'override' ? 2 : 0) + (c.canonical ? 1 : 0);
    let best;
    for (const c of candidates)
        if (best === undefined || rank(c) > rank(best))
            best = c;
    return best && { key: best.key, value: best.value };
}
function where(src, key, v) {
    if (v.origin === 'override')
        return `-o ${key}`;
    const file = src.inifile ?? '<config>';
    return v.line !== undefined ? `${file}:${v.line}` : file;
}
/** repr() of a TOML value, given its str() form (`text`) computed when the file was read. */
function pyReprOf(raw, text) {
    if (typeof raw === 'string')
        return (0, pystr_js_1.pyRepr)(raw);
    if (Array.isArray(raw) && Array.isArray(text)) {
        return '[' + raw.map((item, i) => (typeof item === 'string' ? (0, pystr_js_1.pyRepr)(item) : text[i])).join(', ') + ']';
    }
    return Array.isArray(text) ? text.join(', ') : text;
}
function strToBool(s) {
    const val = s.toLowerCase();
    if (['y', 'yes', 't', 'true', 'on', '1'].includes(val))
        return true;
    if (['n', 'no', 'f', 'false', 'off', '0'].includes(val))
        return false;
    return null;
}
function pyTypeName(v) {
    if (typeof v === 'string')
        return 'str';
    if (typeof v === 'boolean')
        return 'bool';
    if (typeof v === 'bigint')
        return 'int';
    if (typeof v === 'number')
        return Number.isInteger(v) ? 'int' : 'float';
    if (Array.isArray(v))
        return 'list';
    if (v instanceof Date)
        return 'datetime';
    return 'dict';
}
function readIni(inicfg, src, name, type) {
    const picked = pickRawValue(inicfg, name);
    if (picked === undefined)
        return undefined;
    const { key, value: cv } = picked;
    const at = where(src, key, cv);
    const raw = cv.value;
    if (cv.mode === 'ini') {
        if (type === 'args' || type === 'paths') {
            // (shlex's ValueError leaves pytest's main for what it reads while it parses the command
            // line, and is a collection error for what its collection reads)
            const list = typeof raw === 'string' ? shellWordsOf(raw, `${at}: ${key}`, READ_BEFORE_COLLECTION.has(key) ? 1 : 2) : raw.map(pystr_js_1.pyStrOfTomlValue);
            return type === 'paths' ? list.map((p) => (0, node_path_1.resolve)(src.baseDir, p)) : list;
        }
        if (type === 'linelist') {
            if (typeof raw !== 'string')
                return raw.map(pystr_js_1.pyStrOfTomlValue);
            return raw
                .split('\n')
                .map(pystr_js_1.pyStrip)
                .filter((t) => t !== '');
        }
        const text = typeof raw === 'string' ? raw : (0, pystr_js_1.pyStrOfTomlValue)(raw);
        if (type === 'bool') {
            const b = strToBool((0, pystr_js_1.pyStrip)(text));
            if (b === null)
                throw new errors_js_1.ConfigError(`${at}: ${key}: invalid truth value ${(0, pystr_js_1.pyRepr)((0, pystr_js_1.pyStrip)(text).toLowerCase())}`);
            return b;
        }
        if (type === 'int' || type === 'float') {
            const t = (0, pystr_js_1.pyStrip)(text).replace(/(?<=\d)_(?=\d)/g, '');
            const n = Number(t);
            const ok = type === 'int' ? /^[+-]?\d+$/.test(t) : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t);
            if (!ok)
                throw new errors_js_1.ConfigError(`${at}: ${key}: expected ${type === 'int' ? 'an int' : 'a float'}, got ${(0, pystr_js_1.pyRepr)(text)}`);
            return n;
        }
        return text;
    }
    // TOML mode: native types, no coercion.
    const got = `got ${pyTypeName(raw)}: ${pyReprOf(raw, cv.text)}`;
    if (type === 'args' || type === 'linelist' || type === 'paths') {
        if (!Array.isArray(raw))
            throw new errors_js_1.ConfigError(`${at}: config option '${key}' expects a list for type '${type}', ${got}`);
        raw.forEach((item, i) => {
            if (typeof item !== 'string') {
                throw new errors_js_1.ConfigError(`${at}: config option '${key}' expects a list of strings, but item at index ${i} is ${pyTypeName(item)}: ${cv.text[i] ?? ''}`);
            }
        });
        const list = raw;
        return type === 'paths' ? list.map((p) => (0, node_path_1.resolve)(src.baseDir, p)) : [...list];
    }
    if (type === 'bool') {
        if (typeof raw !== 'boolean')
            throw new errors_js_1.ConfigError(`${at}: config option '${key}' expects a bool, ${got}`);
        return raw;
    }
    if (type === 'int') {
        // TOML ints are plain numbers here, so an integral float (`5.0`) passes too.
        if (typeof raw !== 'number' || !Number.isInteger(raw)) {
            throw new errors_js_1.ConfigError(`${at}: config option '${key}' expects an int, ${got}`);
        }
        return raw;
    }
    if (type === 'float') {
        if (typeof raw !== 'number')
            throw new errors_js_1.ConfigError(`${at}: config option '${key}' expects a float, ${got}`);
        return raw;
    }
    if (typeof raw !== 'string')
        throw new errors_js_1.ConfigError(`${at}: config option '${key}' expects a string, ${got}`);
    return raw;
}


/***/ }),

/***/ 6351:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.onPath = onPath;
// Where a command is found on PATH, as a shell would start it: shared by the runner (which
// interpreter runs the workers) and discovery (which interpreter its guards are evaluated for).
const node_fs_1 = __nccwpck_require__(3024);
const node_path_1 = __nccwpck_require__(6760);
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

/***/ 5988:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TERM_REPORTS = exports.FILE_REPORTS = void 0;
exports.defaultCoverageOptions = defaultCoverageOptions;
exports.addReport = addReport;
exports.failUnderValue = failUnderValue;
exports.contextValue = contextValue;
exports.coverageActive = coverageActive;
exports.coverageSources = coverageSources;
exports.coverageReports = coverageReports;
// pytest-cov's command-line interface (pytest-cov 7.1: plugin.py), parsed by fastest itself so
// that `--cov` works whether or not pytest-cov is installed; coverage.py does the measuring.
const errors_js_1 = __nccwpck_require__(7827);
exports.FILE_REPORTS = ['annotate', 'html', 'xml', 'json', 'markdown', 'markdown-append', 'lcov'];
exports.TERM_REPORTS = ['term', 'term-missing'];
function defaultCoverageOptions() {
    return {
        sources: [], reports: {}, config: '.coveragerc', branch: null, failUnder: null, precision: null,
        append: false, context: null, noCov: false, noCovOnFail: false, noCovShouldWarn: false,
    };
}
const ALL_REPORTS = [...exports.TERM_REPORTS, ...exports.FILE_REPORTS];
/** pytest-cov's validate_report and StoreReport. */
function addReport(cov, arg, flag) {
    const colon = arg.indexOf(':');
    const type = colon >= 0 ? arg.slice(0, colon) : arg;
    const list = `[${ALL_REPORTS.map((r) => `'${r}'`).join(', ')}]`;
    if (type !== '' && !ALL_REPORTS.includes(type))
        throw new errors_js_1.ConfigError(`argument ${flag}: invalid choice: "${arg}" (choose from "${list}")`);
    let dest = null;
    if (colon >= 0) {
        const modifier = arg.slice(colon + 1);
        if (exports.TERM_REPORTS.includes(type) && modifier === 'skip-covered') {
            dest = modifier;
        }
        else if (!exports.FILE_REPORTS.includes(type)) {
            throw new errors_js_1.ConfigError(`argument ${flag}: output specifier not supported for: "${arg}" (choose from "[${exports.FILE_REPORTS.map((r) => `'${r}'`).join(', ')}]")`);
        }
        else {
            dest = modifier;
        }
    }
    // coverage.py has no default file for Markdown
    if ((type === 'markdown' || type === 'markdown-append') && dest === null)
        dest = 'coverage.md';
    cov.reports[type] = dest;
    if ('markdown' in cov.reports && 'markdown-append' in cov.reports && cov.reports.markdown === cov.reports['markdown-append']) {
        throw new errors_js_1.ConfigError(`markdown and markdown-append options cannot point to the same file: '${cov.reports.markdown}'. Please redirect one of them using :DEST (e.g. --cov-report=markdown:dest_file.md)`);
    }
}
/** pytest-cov's validate_fail_under. */
function failUnderValue(value, flag) {
    const n = /^\s*[-+]?\d+\s*$/.test(value) ? parseInt(value, 10) : Number(value);
    if (value.trim() === '' || !Number.isFinite(n))
        throw new errors_js_1.ConfigError(`argument ${flag}: An integer or float value is required.`);
    if (n > 100) {
        throw new errors_js_1.ConfigError(`argument ${flag}: Your desire for over-achievement is admirable but misplaced. The maximum value is 100. Perhaps write more integration tests?`);
    }
    return n;
}
function contextValue(value, flag) {
    if (value !== 'test')
        throw new errors_js_1.ConfigError(`argument ${flag}: The only supported value is "test".`);
    return value;
}
/** Whether the run measures: some `--cov` and no `--no-cov` (pytest-cov's plugin is active). */
function coverageActive(cov) {
    return cov.sources.length > 0 && !cov.noCov;
}
/** The source filter: none when any `--cov` was bare (`--cov --cov=pkg` is `--cov`). */
function coverageSources(cov) {
    return cov.sources.includes(true) ? null : cov.sources.filter((s) => s !== true);
}
/** The reports to make: `term` when none is named, none for a lone `--cov-report=`. */
function coverageReports(cov) {
    const names = Object.keys(cov.reports);
    if (names.length === 0)
        return { term: null };
    if (names.length === 1 && names[0] === '')
        return {};
    return cov.reports;
}


/***/ }),

/***/ 6872:
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
const node_crypto_1 = __nccwpck_require__(7598);
const node_fs_1 = __nccwpck_require__(3024);
const node_path_1 = __nccwpck_require__(6760);
const nodeid_js_1 = __nccwpck_require__(9098);
const types_js_1 = __nccwpck_require__(8522);
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

/***/ 5663:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.doctestOptionsOf = doctestOptionsOf;
exports.doctestPlaceholder = doctestPlaceholder;
exports.isDoctestTextfile = isDoctestTextfile;
exports.doctestTextItems = doctestTextItems;
exports.isDoctestModule = isDoctestModule;
exports.moduleNameOf = moduleNameOf;
exports.doctestModuleItems = doctestModuleItems;
exports.placeDoctests = placeDoctests;
// Doctests as pytest's doctest plugin collects them (_pytest/doctest.py), found statically:
// - DoctestTextfile: a file matching --doctest-glob (default `test*.txt`; any .txt/.rst named on
//   the command line) that has examples: one item `path::name`.
// - DoctestModule (--doctest-modules): every walked .py file but setup.py and __main__.py; one
//   item per docstring with examples, named as doctest.DocTestFinder names them from the
//   module's `__name__` (`pkg.mod`, `pkg.mod.func`, `pkg.mod.Class.method`, nested classes),
//   in DocTestFinder's order (sorted by name).
// Where reading the source cannot be sure what DocTestFinder will see (`__test__`, docstrings or
// `__module__` set at run time, a definition under a condition, an unknown decorator, a rebound
// name, --import-mode=importlib names), the module is one dynamic item (its path) that the
// pytest engine expands at run time: never an invented id. So is a module with no example that
// is no test module: pytest still imports it, and its import can fail (a test module's import is
// its tests' own).
const node_fs_1 = __nccwpck_require__(3024);
const node_path_1 = __nccwpck_require__(6760);
const types_js_1 = __nccwpck_require__(8522);
const fnmatch_js_1 = __nccwpck_require__(8035);
const grammar_js_1 = __nccwpck_require__(6147);
/** The doctest options among pytest arguments (command line and addopts). */
function doctestOptionsOf(pytestArgs, encoding) {
    const globs = [];
    let modules = false;
    let importMode = 'prepend';
    for (let i = 0; i < pytestArgs.length; i++) {
        const arg = pytestArgs[i];
        if (arg === '--doctest-modules')
            modules = true;
        else if (arg === '--doctest-glob' && i + 1 < pytestArgs.length)
            globs.push(pytestArgs[++i]);
        else if (arg.startsWith('--doctest-glob='))
            globs.push(arg.slice('--doctest-glob='.length));
        else if (arg === '--import-mode' && i + 1 < pytestArgs.length)
            importMode = pytestArgs[++i];
        else if (arg.startsWith('--import-mode='))
            importMode = arg.slice('--import-mode='.length);
    }
    return { modules, globs, encoding: encoding ?? 'utf-8', importMode };
}
/** A PS1 line of doctest.DocTestParser (tabs expanded): where an example starts. */
const EXAMPLE_LINE = /^[ \t]*>>>/m;
function doctestItem(file, name, line) {
    return { id: `${file}::${name}`, file, line, classes: [], function: name, marks: [], dynamic: false };
}
/** The whole file, expanded by the pytest engine at run time. */
function doctestPlaceholder(file) {
    return (0, types_js_1.wholeFileItem)(file);
}
const NODE_ENCODINGS = {
    'utf-8': 'utf8',
    utf8: 'utf8',
    utf_8: 'utf8',
    ascii: 'latin1',
    'us-ascii': 'latin1',
    latin1: 'latin1',
    'latin-1': 'latin1',
    'iso-8859-1': 'latin1',
    'iso8859-1': 'latin1',
    'utf-16': 'utf16le',
    'utf-16-le': 'utf16le',
};
/** Whether pytest's doctest plugin makes a DoctestTextfile of this non-Python file. */
function isDoctestTextfile(abs, named, options) {
    if (named && (abs.endsWith('.txt') || abs.endsWith('.rst')))
        return true;
    const globs = options.globs.length > 0 ? options.globs : ['test*.txt'];
    return globs.some((glob) => (0, fnmatch_js_1.fnmatchPath)(glob, abs));
}
/** A DoctestTextfile's item, when the text has examples (pytest yields none otherwise). */
function doctestTextItems(abs, file, options) {
    const encoding = NODE_ENCODINGS[options.encoding.toLowerCase()];
    let text;
    try {
        if (encoding === undefined)
            return [doctestPlaceholder(file)];
        text = (0, node_fs_1.readFileSync)(abs, encoding);
    }
    catch {
        return [doctestPlaceholder(file)]; // pytest reports what it cannot read
    }
    return EXAMPLE_LINE.test(text) ? [doctestItem(file, (0, node_path_1.basename)(abs), 1)] : [];
}
/** Whether pytest's doctest plugin makes a DoctestModule of this .py file. */
function isDoctestModule(abs, options) {
    if (!options.modules)
        return false;
    const name = (0, node_path_1.basename)(abs);
    if (name === '__main__.py')
        return false;
    if (name === 'setup.py') {
        try {
            const content = (0, node_fs_1.readFileSync)(abs, 'latin1');
            return !(content.includes('setuptools') || content.includes('distutils'));
        }
        catch {
            return true;
        }
    }
    return true;
}
/** The module's `__name__` as pytest's prepend/append import gives it: packages up from the file. */
function moduleNameOf(abs) {
    const parts = [(0, node_path_1.basename)(abs).replace(/\.py$/, '')];
    if (parts[0] === '__init__')
        parts.pop();
    let dir = (0, node_path_1.dirname)(abs);
    while ((0, node_fs_1.existsSync)((0, node_path_1.join)(dir, '__init__.py'))) {
        parts.unshift((0, node_path_1.basename)(dir));
        const up = (0, node_path_1.dirname)(dir);
        if (up === dir)
            break;
        dir = up;
    }
    return parts.join('.');
}
class Unsure extends Error {
}
/** Decorators that leave DocTestFinder the function's own docstring under its own name. */
const KNOWN_FUNCTION_DECORATORS = new Set(['staticmethod', 'classmethod', 'property']);
/** Class decorators that return the class itself. */
const KNOWN_CLASS_DECORATORS = new Set(['dataclass', 'dataclasses.dataclass', 'total_ordering', 'functools.total_ordering']);
/** A docstring's value, when `node` (a body's first statement) is one. */
function docstringOf(statement) {
    if (!statement || statement.type !== 'expression_statement' || statement.namedChildCount !== 1)
        return null;
    const expr = statement.namedChild(0);
    const pieces = expr.type === 'string' ? [expr] : expr.type === 'concatenated_string' ? expr.namedChildren.filter((c) => c !== null) : null;
    if (!pieces)
        return null;
    let value = '';
    for (const piece of pieces) {
        if (piece.type !== 'string')
            return null;
        const text = piece.text;
        const prefix = /^[A-Za-z]*/.exec(text)[0].toLowerCase();
        if (prefix.includes('f') || prefix.includes('b'))
            return null;
        const rest = text.slice(prefix.length);
        const quote = rest.startsWith('"""') || rest.startsWith("'''") ? 3 : 1;
        let body = rest.slice(quote, rest.length - quote);
        if (!prefix.includes('r'))
            body = body.replace(/\\(\r?\n|n|t|\\)/g, (_m, c) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === '\\' ? '\\' : ''));
        value += body;
    }
    return value;
}
function bodyOf(definition) {
    const body = definition.childForFieldName('body');
    return body ? body.namedChildren.filter((c) => c !== null && c.type !== 'comment') : [];
}
function hasExamples(doc) {
    return doc !== null && EXAMPLE_LINE.test(doc);
}
/** Whether anything in the definition (its docstring, or a member's, at any depth) has examples. */
function mentionsExamples(node) {
    return node.text.includes('>>>');
}
/** Names a statement binds other than by def/class (assignments, imports, del, for targets...). */
function otherBindings(statement) {
    const names = [];
    const collect = (target) => {
        if (!target)
            return;
        if (target.type === 'identifier')
            names.push(target.text);
        else
            for (const child of target.namedChildren)
                if (child && child.type !== 'attribute' && child.type !== 'subscript')
                    collect(child);
    };
    const node = statement.type === 'expression_statement' && statement.namedChildCount === 1 ? statement.namedChild(0) : statement;
    if (node.type === 'assignment' || node.type === 'augmented_assignment')
        collect(node.childForFieldName('left'));
    else if (node.type === 'delete_statement')
        collect(node.namedChild(0));
    else if (node.type === 'import_from_statement' || node.type === 'import_statement') {
        for (const child of node.namedChildren) {
            if (!child || child.type === 'relative_import' || child === node.childForFieldName('module_name'))
                continue;
            if (child.type === 'aliased_import')
                names.push(child.childForFieldName('alias')?.text ?? '');
            else if (child.type === 'dotted_name')
                names.push(child.text.split('.')[0]);
            else if (child.type === 'wildcard_import')
                names.push('*');
        }
    }
    return names;
}
/**
 * The named docstrings of a namespace (module or class body), as DocTestFinder walks its
 * `__dict__`: the last definition of each name, functions and classes defined here, properties
 * and static/class methods in classes. Throws Unsure when the source cannot settle it.
 */
function findInBody(statements, prefix, inClass, out) {
    const definitions = new Map();
    const rebound = new Set();
    for (const statement of statements) {
        let definition = statement;
        let decorators = [];
        if (statement.type === 'decorated_definition') {
            definition = statement.childForFieldName('definition');
            decorators = statement.namedChildren.filter((c) => c !== null && c.type === 'decorator').map((d) => d.text.replace(/^@\s*/, '').trim());
        }
        if (definition.type === 'function_definition' || definition.type === 'class_definition') {
            const name = definition.childForFieldName('name')?.text ?? '';
            if (!mentionsExamples(statement)) {
                definitions.delete(name);
                rebound.delete(name);
                continue;
            }
            const known = definition.type === 'class_definition' ? KNOWN_CLASS_DECORATORS : KNOWN_FUNCTION_DECORATORS;
            for (const decorator of decorators) {
                // a property's setter/deleter keeps the property (and its getter's docstring)
                if (inClass && /^[A-Za-z_][A-Za-z0-9_]*\.(setter|getter|deleter)$/.test(decorator) && decorator.split('.')[0] === name)
                    continue;
                if (!known.has(decorator))
                    throw new Unsure();
            }
            if (decorators.some((d) => /\.(setter|getter|deleter)$/.test(d)))
                continue;
            definitions.set(name, statement);
            rebound.delete(name);
            continue;
        }
        if (['if_statement', 'try_statement', 'with_statement', 'for_statement', 'while_statement', 'match_statement'].includes(statement.type)) {
            if (mentionsExamples(statement))
                throw new Unsure(); // a definition that may or may not exist
            for (const name of [...definitions.keys()])
                if (new RegExp(`\\b${name}\\b`).test(statement.text))
                    throw new Unsure();
            continue;
        }
        for (const name of otherBindings(statement)) {
            if (name === '*' && definitions.size > 0)
                throw new Unsure();
            if (definitions.has(name))
                rebound.add(name);
        }
    }
    if (rebound.size > 0)
        throw new Unsure();
    for (const [name, statement] of definitions) {
        const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
        const qualified = `${prefix}.${name}`;
        const body = bodyOf(definition);
        if (hasExamples(docstringOf(body[0])))
            out.push({ name: qualified, line: definition.startPosition.row + 1 });
        if (definition.type === 'class_definition')
            findInBody(body, qualified, true, out);
    }
}
/**
 * A DoctestModule's items, read from its source; one dynamic placeholder when the source cannot
 * settle them. No items when no docstring has examples.
 */
async function doctestModuleItems(abs, file, options) {
    let source;
    try {
        source = (0, node_fs_1.readFileSync)(abs, 'utf8');
    }
    catch {
        return [doctestPlaceholder(file)];
    }
    // docstrings, `__test__` or `__module__` set at run time (maybe copied from another module)
    if (/\b__test__\b|\b__doc__\s*[+]?=|\.__doc__\b|\b__module__\s*=/.test(source))
        return [doctestPlaceholder(file)];
    if (!source.includes('>>>'))
        return [];
    if (options.importMode !== 'prepend' && options.importMode !== 'append')
        return [doctestPlaceholder(file)];
    const parser = await (0, grammar_js_1.pythonParser)();
    const tree = parser.parse(source);
    if (!tree)
        return [doctestPlaceholder(file)];
    try {
        if (tree.rootNode.hasError)
            return [doctestPlaceholder(file)];
        const moduleName = moduleNameOf(abs);
        const statements = tree.rootNode.namedChildren.filter((c) => c !== null && c.type !== 'comment');
        const found = [];
        if (hasExamples(docstringOf(statements[0])))
            found.push({ name: moduleName, line: 1 });
        findInBody(statements, moduleName, false, found);
        // DocTestFinder sorts its tests (by name first: names are unique within a module).
        found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        return found.map(({ name, line }) => doctestItem(file, name, line));
    }
    catch (error) {
        if (error instanceof Unsure)
            return [doctestPlaceholder(file)];
        throw error;
    }
    finally {
        tree.delete();
    }
}
/**
 * The doctest items of a walk, merged in pytest's collection order with the file placeholders
 * (which keep their files: a conftest's hook may collect them instead). A module's doctests come
 * before its own tests (the doctest plugin's collector is asked first).
 */
async function placeDoctests(walked, placeholders, options, files) {
    const covered = new Set(placeholders.map((p) => p.item.file));
    const entries = [];
    const othersSeq = new Map(walked.others.map((o, index) => [files.nodePath(o.path), index]));
    for (const p of placeholders)
        entries.push({ ...p, rank: 0, seq: othersSeq.get(p.item.file) ?? 0 });
    const jobs = [];
    walked.others.forEach(({ path, after }, seq) => {
        const file = files.nodePath(path);
        if (covered.has(file) || !files.keep(path))
            return;
        if (path.endsWith('.py')) {
            if (!isDoctestModule(path, options))
                return;
            jobs.push(doctestModuleItems(path, file, options).then((items) => {
                // imported all the same: its import error is a collection error (simplejson's Python 2 `ordered_dict.py`)
                for (const item of items.length > 0 ? items : [doctestPlaceholder(file)])
                    entries.push({ item, after, rank: 0, seq });
            }));
        }
        else if (isDoctestTextfile(path, files.named.has(path), options)) {
            for (const item of doctestTextItems(path, file, options))
                entries.push({ item, after, rank: 0, seq });
        }
    });
    if (options.modules) {
        walked.modules.forEach((path, index) => {
            if (!files.keep(path) || !isDoctestModule(path, options))
                return;
            jobs.push(doctestModuleItems(path, files.nodePath(path), options).then((items) => {
                for (const item of items)
                    entries.push({ item: item.dynamic ? { ...item, beside: true } : item, after: index, rank: 1, seq: 0 });
            }));
        });
    }
    await Promise.all(jobs);
    // stable: items of one file stay in the order they were found
    return entries
        .map((entry, order) => ({ entry, order }))
        .sort((a, b) => a.entry.after - b.entry.after || a.entry.rank - b.entry.rank || a.entry.seq - b.entry.seq || a.order - b.order)
        .map(({ entry }) => ({ item: entry.item, after: entry.after }));
}


/***/ }),

/***/ 3446:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.emptyLevel = emptyLevel;
exports.fixtureDefOf = fixtureDefOf;
exports.opaqueDef = opaqueDef;
exports.requestedArgs = requestedArgs;
exports.addDef = addDef;
exports.parametrizeArgnames = parametrizeArgnames;
exports.fixtureParametrization = fixtureParametrization;
exports.noteParamKeys = noteParamKeys;
exports.reorderItems = reorderItems;
const paramids_js_1 = __nccwpck_require__(6977);
const SCOPES = ['function', 'class', 'module', 'package', 'session'];
function emptyLevel() {
    return { defs: new Map() };
}
/** The fixture a parsed function defines, bound to `attr`. */
function fixtureDefOf(fn, attr, inClass, opaque, origin) {
    const facts = fn.fixture;
    if (!facts)
        return null;
    const def = {
        name: facts.name,
        attr,
        argnames: requestedArgs(fn, inClass),
        scope: facts.scope ?? 'function',
        autouse: facts.autouse,
    };
    if (facts.params !== undefined)
        def.params = facts.params;
    if (facts.ids !== undefined)
        def.ids = facts.ids;
    if (opaque || fn.otherDecorators)
        def.opaque = true;
    if (origin)
        def.origin = origin;
    return def;
}
/** A name bound by an import or an open guard, which may be a fixture of any kind. */
function opaqueDef(attr) {
    return { name: attr, attr, argnames: [], scope: '?', autouse: false, opaque: true };
}
/** pytest's getfuncargnames: arguments without a default; a method's first is bound. */
function requestedArgs(fn, inClass) {
    let names = fn.argnames;
    if (inClass && !fn.isStatic)
        names = names.slice(1);
    if (fn.optionalArgs)
        names = names.filter((n) => !fn.optionalArgs.includes(n));
    return names;
}
function addDef(level, def) {
    level.defs.set(def.name, def);
}
function parametrizeArgnames(mark) {
    const value = mark.args[0] ?? mark.kwargs.argnames;
    return value === undefined ? null : (0, paramids_js_1.argnamesOf)(value);
}
/** The argnames a parametrize mark makes indirect: all, some, or none; null when not literal. */
function indirectOf(mark, argnames) {
    const value = mark.kwargs.indirect;
    if (value === undefined || value === false)
        return new Set();
    if (value === true)
        return new Set(argnames);
    if (value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple')) {
        const names = new Set();
        for (const item of value.items) {
            if (typeof item !== 'string')
                return null;
            names.add(item);
        }
        return names;
    }
    return null;
}
/**
 * How the fixtures parametrize one test: the parametrize calls pytest makes for the params of the
 * fixtures in its closure (before the test's own parametrize marks), and the scope of each of the
 * test's own marks' params. `levels`: the chain from the rootdir's conftest.py to the innermost
 * class; `argnames`: the test's requested arguments; `marks`: its marks in iter_markers order.
 * null when something can't be known statically.
 */
function fixtureParametrization(levels, argnames, marks) {
    if (levels.some((l) => l.unknownNames))
        return null;
    const parametrizeMarks = marks.filter((m) => m.name === 'parametrize');
    const direct = new Set();
    const parametrized = new Set();
    const markInfo = [];
    for (const mark of parametrizeMarks) {
        const names = parametrizeArgnames(mark);
        if (names === null)
            return null;
        const indirect = indirectOf(mark, names);
        if (indirect === null)
            return null;
        for (const n of names) {
            parametrized.add(n);
            if (!indirect.has(n))
                direct.add(n);
        }
        markInfo.push({ argnames: names, indirect });
    }
    const usefixtures = [];
    for (const mark of marks) {
        if (mark.name !== 'usefixtures')
            continue;
        if (Object.keys(mark.kwargs).length > 0 || mark.dynamicArgs)
            return null;
        for (const arg of mark.args) {
            if (typeof arg !== 'string')
                return null;
            usefixtures.push(arg);
        }
    }
    const autouse = [];
    for (const level of levels) {
        const own = [...level.defs.values()].filter((d) => d.autouse).sort((a, b) => (a.attr < b.attr ? -1 : a.attr > b.attr ? 1 : 0));
        autouse.push(...own.map((d) => d.name));
    }
    const initial = [...new Set([...autouse, ...usefixtures, ...argnames])];
    const defsCache = new Map();
    const defsOf = (name) => {
        let defs = defsCache.get(name);
        if (!defs) {
            defs = levels.flatMap((l) => {
                const d = l.defs.get(name);
                return d ? [d] : [];
            });
            defsCache.set(name, defs);
        }
        return defs;
    };
    // traverse_fixture_closure: DFS, each name once, an override requesting its own name reaches the
    // definition it overrides
    const closure = [];
    const indices = new Map();
    let unknown = false;
    const visit = (name) => {
        let index = indices.get(name);
        if (index === -1)
            return;
        if (index === undefined) {
            closure.push(name);
            indices.set(name, -1);
        }
        if (direct.has(name))
            return;
        const defs = defsOf(name);
        if (defs.length === 0)
            return;
        index = indices.get(name) ?? -1;
        if (-index > defs.length)
            return;
        const def = defs[defs.length + index];
        if (def.opaque) {
            unknown = true;
            return;
        }
        indices.set(name, index - 1);
        for (const dep of def.argnames)
            visit(dep);
        indices.set(name, index);
    };
    for (const name of initial)
        visit(name);
    if (unknown)
        return null;
    const scopeOf = (name) => {
        const defs = defsOf(name);
        if (direct.has(name) || defs.length === 0)
            return 0;
        return SCOPES.indexOf(defs[defs.length - 1].scope);
    };
    if (closure.some((n) => scopeOf(n) < 0))
        return null;
    // sorted by scope, highest first (a stable sort, as Python's)
    const sorted = closure.map((name, i) => ({ name, i, s: scopeOf(name) })).sort((a, b) => b.s - a.s || a.i - b.i);
    const fixtureCalls = [];
    for (const { name } of sorted) {
        if (parametrized.has(name))
            continue;
        const defs = defsOf(name);
        for (let i = defs.length - 1; i >= 0; i--) {
            const def = defs[i];
            if (def.params !== undefined) {
                const kwargs = {};
                if (def.ids !== undefined)
                    kwargs.ids = def.ids;
                fixtureCalls.push({ mark: { name: 'parametrize', args: [name, def.params], kwargs }, scope: def.scope, ...(def.origin ? { origin: def.origin } : {}) });
                break;
            }
            if (!def.argnames.includes(name))
                break;
        }
    }
    const markScopes = [];
    for (const [i, mark] of parametrizeMarks.entries()) {
        const scope = mark.kwargs.scope;
        const { argnames: names, indirect } = markInfo[i];
        if (scope !== undefined) {
            if (typeof scope !== 'string' || !SCOPES.includes(scope))
                return null;
            markScopes.push(scope);
        }
        else if (names.length > 0 && indirect.size === names.length) {
            // _find_parametrized_scope: the narrowest scope of the fixtures used
            const used = names.flatMap((n) => {
                const defs = defsOf(n);
                return defs.length > 0 ? [SCOPES.indexOf(defs[defs.length - 1].scope)] : [];
            });
            if (used.some((s) => s < 0))
                return null;
            markScopes.push(SCOPES[used.length > 0 ? Math.min(...used) : 0]);
        }
        else {
            markScopes.push('function');
        }
    }
    return { fixtureCalls, markScopes };
}
const paramKeysOf = new WeakMap();
/** Records the keys of an item's higher-scoped params: `params` lists argname, index and scope of each. */
function noteParamKeys(item, params) {
    let keys;
    for (const { argname, index, scope } of params) {
        if (scope === 'function')
            continue;
        const node = scope === 'session'
            ? ''
            : scope === 'package'
                ? item.file.slice(0, item.file.lastIndexOf('/') + 1)
                : scope === 'module'
                    ? item.file
                    : `${item.file}::${item.classes.join('::')}`;
        keys ??= new Map();
        const list = keys.get(scope) ?? [];
        list.push(`${argname}\0${index}\0${node}`);
        keys.set(scope, list);
    }
    if (keys)
        paramKeysOf.set(item, keys);
}
const HIGH_SCOPES = ['session', 'package', 'module', 'class'];
/**
 * pytest's reorder_items (fixtures.py): items sharing a higher-scoped param are grouped so the
 * fixture is set up once per param. Items without such params keep their order.
 */
function reorderItems(items) {
    if (!items.some((i) => paramKeysOf.has(i)))
        return items;
    const argkeysByItem = new Map();
    const itemsByArgkey = new Map();
    for (const scope of HIGH_SCOPES) {
        const byItem = new Map();
        const byKey = new Map();
        for (const item of items) {
            const keys = [...new Set(paramKeysOf.get(item)?.get(scope) ?? [])];
            if (keys.length === 0)
                continue;
            byItem.set(item, keys);
            for (const key of keys) {
                const list = byKey.get(key) ?? [];
                if (!list.includes(item))
                    list.push(item);
                byKey.set(key, list);
            }
        }
        argkeysByItem.set(scope, byItem);
        itemsByArgkey.set(scope, byKey);
    }
    const atScope = (scoped, scopeIndex) => {
        if (scopeIndex >= HIGH_SCOPES.length || scoped.length < 3)
            return scoped;
        const scope = HIGH_SCOPES[scopeIndex];
        const byItem = argkeysByItem.get(scope);
        const byKey = itemsByArgkey.get(scope);
        const inSet = new Set(scoped);
        const ignore = new Set();
        const deque = [...scoped];
        const done = new Set();
        while (deque.length > 0) {
            const noKey = new Set();
            let slicing = null;
            while (deque.length > 0) {
                const item = deque.shift();
                if (done.has(item) || noKey.has(item))
                    continue;
                const keys = (byItem.get(item) ?? []).filter((k) => !ignore.has(k));
                if (keys.length === 0) {
                    noKey.add(item);
                    continue;
                }
                // dict.popitem(): the last key
                slicing = keys[keys.length - 1];
                const matching = byKey.get(slicing).filter((i) => inSet.has(i));
                for (let m = matching.length - 1; m >= 0; m--) {
                    const i = matching[m];
                    deque.unshift(i);
                    // move_to_end(i, last=False) in every scope's lists
                    for (const other of HIGH_SCOPES) {
                        for (const key of argkeysByItem.get(other).get(i) ?? []) {
                            const list = itemsByArgkey.get(other).get(key);
                            const at = list.indexOf(i);
                            if (at >= 0)
                                list.splice(at, 1);
                            list.unshift(i);
                        }
                    }
                }
                break;
            }
            if (noKey.size > 0)
                for (const i of atScope([...noKey], scopeIndex + 1))
                    done.add(i);
            if (slicing !== null)
                ignore.add(slicing);
        }
        return [...done];
    };
    return atScope(items, 0);
}


/***/ }),

/***/ 8035:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.fnmatch = fnmatch;
exports.fnmatchPath = fnmatchPath;
// Python's fnmatch.fnmatch (POSIX: case-sensitive) and pytest's fnmatch_ex for paths.
const node_path_1 = __nccwpck_require__(6760);
const cache = new Map();
function translate(pattern) {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '*')
            re += '[\\s\\S]*';
        else if (ch === '?')
            re += '[\\s\\S]';
        else if (ch === '[') {
            let j = i + 1;
            if (pattern[j] === '!')
                j++;
            if (pattern[j] === ']')
                j++;
            while (j < pattern.length && pattern[j] !== ']')
                j++;
            if (j >= pattern.length) {
                re += '\\[';
            }
            else {
                let body = pattern.slice(i + 1, j).replace(/\\/g, '\\\\');
                if (body.startsWith('!'))
                    body = `^${body.slice(1)}`;
                else if (body.startsWith('^'))
                    body = `\\${body}`;
                re += `[${body}]`;
                i = j;
            }
        }
        else
            re += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
    }
    return new RegExp(`^(?:${re})$`);
}
function fnmatch(name, pattern) {
    let re = cache.get(pattern);
    if (!re) {
        re = translate(pattern);
        cache.set(pattern, re);
    }
    return re.test(name);
}
/** pytest's fnmatch_ex: patterns without a separator match the base name, others the path. */
function fnmatchPath(pattern, path) {
    if (!pattern.includes('/'))
        return fnmatch((0, node_path_1.basename)(path), pattern);
    const full = (0, node_path_1.isAbsolute)(path) && !(0, node_path_1.isAbsolute)(pattern) ? `*/${pattern}` : pattern;
    return fnmatch(path, full);
}


/***/ }),

/***/ 6147:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.grammarKind = grammarKind;
exports.pythonParser = pythonParser;
exports.readyPythonParser = readyPythonParser;
exports.grammarQuery = grammarQuery;
const node_fs_1 = __nccwpck_require__(3024);
const node_module_1 = __nccwpck_require__(8995);
const node_path_1 = __nccwpck_require__(6760);
const node_url_1 = __nccwpck_require__(3136);
const node_worker_threads_1 = __nccwpck_require__(5919);
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

/***/ 4050:
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

/***/ 7572:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.readIdFunction = readIdFunction;
const grammar_js_1 = __nccwpck_require__(6147);
const pyliteral_js_1 = __nccwpck_require__(9692);
function named(node) {
    return (node?.namedChildren ?? []).filter((c) => c !== null && c.type !== 'comment');
}
/** The `__name__` of a value that surely has one (a class, function or module; not an enum member). */
function dunderName(value) {
    return value !== null && typeof value === 'object' && value.py === 'name' && !value.enumMember ? value.name : undefined;
}
/** Whether a value surely has no `__name__` attribute (literals, containers, plain instances, enum members). */
function hasNoName(value) {
    if (value === null || typeof value !== 'object')
        return true;
    switch (value.py) {
        case 'int':
        case 'float':
        case 'bytes':
        case 'complex':
        case 'tuple':
        case 'list':
        case 'dict':
        case 'set':
        case 'object':
        case 'pattern':
            return true;
        case 'name':
            return value.enumMember === true;
        default:
            return false;
    }
}
/** A value the literal reader computes with exactly as Python does (no name, call or container). */
function isScalar(value) {
    if (value === null || typeof value !== 'object')
        return true;
    return value.py === 'int' || value.py === 'float' || value.py === 'bytes' || value.py === 'complex';
}
/** Lambdas read, by source (one per parametrize mark, read again for each item it expands). */
const functions = new Map();
/** The lambda `source` (`lambda v: ...`) as a function of the value, or null when its shape is not read. */
function readIdFunction(source) {
    if (functions.has(source))
        return functions.get(source);
    if (functions.size > 1024)
        functions.clear();
    const read = parseIdFunction(source);
    functions.set(source, read);
    return read;
}
function parseIdFunction(source) {
    const parser = (0, grammar_js_1.readyPythonParser)();
    const tree = parser ? parser.parse(`(${source})\n`) : null;
    if (!tree || tree.rootNode.hasError)
        return null;
    const lambda = named(named(named(tree.rootNode)[0])[0])[0];
    if (lambda?.type !== 'lambda')
        return null;
    const params = named(lambda.childForFieldName('parameters'));
    const body = lambda.childForFieldName('body');
    if (params.length !== 1 || params[0].type !== 'identifier' || !body)
        return null;
    const param = params[0].text;
    if (body.type === 'identifier' && body.text === param)
        return (value) => value;
    if (body.type === 'attribute' && body.text.replace(/\s+/g, '') === `${param}.__name__`)
        return dunderName;
    if (body.type === 'call' && body.text.replace(/\s+/g, '').replace(/'/g, '"') === `getattr(${param},"__name__",${param})`)
        return (value, unshadowed) => (unshadowed ? (dunderName(value) ?? (hasNoName(value) ? value : undefined)) : undefined);
    return (value) => {
        if (!isScalar(value))
            return undefined;
        const result = (0, pyliteral_js_1.readLiteral)(body, { ...(0, pyliteral_js_1.emptyLiteralContext)(), locals: new Map([[param, value]]) });
        return isScalar(result) ? result : undefined;
    };
}


/***/ }),

/***/ 5524:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.buildImportGraph = buildImportGraph;
exports.projectRoots = projectRoots;
// The import graph for test-impact selection: which project files each test module (and, in turn,
// each project module it reaches) depends on. Built from the same tree-sitter parse and per-file
// cache as discovery; project modules that are not test files are read for their imports only.
const node_path_1 = __nccwpck_require__(6760);
const inputs_js_1 = __nccwpck_require__(417);
const cache_js_1 = __nccwpck_require__(6872);
const imports_js_1 = __nccwpck_require__(3048);
const index_js_1 = __nccwpck_require__(2974);
const parse_pool_js_1 = __nccwpck_require__(9740);
const walk_js_1 = __nccwpck_require__(4765);
const PYTHON_SOURCE = /\.pyi?$/;
/** The conftest.py files pytest loads for a file (existing or not: a new one is a change too). */
function conftestChain(file, rootdir) {
    const dirs = (0, walk_js_1.dirsUpToRootdir)((0, node_path_1.dirname)(file), rootdir);
    return dirs.map((dir) => (0, node_path_1.join)(dir, 'conftest.py')).filter((conftest) => conftest !== file);
}
/** The `__init__.py` files that importing `file` as part of its packages runs, and its own directory's. */
function packageInits(file, rootdir) {
    const out = [(0, node_path_1.join)((0, node_path_1.dirname)(file), '__init__.py')];
    for (let dir = (0, node_path_1.dirname)(file); dir.startsWith(rootdir + node_path_1.sep) && (0, inputs_js_1.probePath)((0, node_path_1.join)(dir, '__init__.py'))?.isFile(); dir = (0, node_path_1.dirname)(dir)) {
        out.push((0, node_path_1.join)((0, node_path_1.dirname)(dir), '__init__.py'));
    }
    return out.filter((init) => init !== file);
}
async function buildImportGraph(opts) {
    const { rootdir } = opts;
    const cache = opts.useCache ? (0, cache_js_1.loadCache)(rootdir) : null;
    const resolver = new imports_js_1.ImportResolver(rootdir, () => null);
    const roots = [...new Set(opts.roots)];
    const inProject = (abs) => abs.startsWith(rootdir + node_path_1.sep);
    const deps = new Map();
    const dynamic = [];
    const unreadable = [];
    const seen = new Set();
    const testFiles = new Set(opts.testFiles);
    let wave = opts.testFiles.filter((f) => !seen.has(f) && (seen.add(f), true));
    const pool = (0, parse_pool_js_1.openParsePool)(wave.filter((f) => PYTHON_SOURCE.test(f)).length);
    try {
        while (wave.length > 0) {
            const next = [];
            const visit = (abs, entry) => {
                const rel = (0, index_js_1.toNodePath)(rootdir, abs);
                const parsed = entry ? (0, cache_js_1.parsedOf)(entry) : null;
                if (parsed?.dynamicImport)
                    dynamic.push(rel);
                const found = [];
                if (PYTHON_SOURCE.test(abs)) {
                    for (const mod of parsed?.importRefs ?? [])
                        found.push(...resolver.sourceCandidates(mod, abs, roots));
                    found.push(...packageInits(abs, rootdir));
                }
                if (testFiles.has(abs) || (0, node_path_1.basename)(abs) === 'conftest.py')
                    found.push(...conftestChain(abs, rootdir));
                const mine = new Set();
                for (const dep of found) {
                    if (!inProject(dep) || dep === abs)
                        continue;
                    mine.add((0, index_js_1.toNodePath)(rootdir, dep));
                    if (!seen.has(dep) && (0, inputs_js_1.probePath)(dep)?.isFile()) {
                        seen.add(dep);
                        next.push(dep);
                    }
                }
                deps.set(rel, [...mine]);
            };
            const requests = [];
            for (const abs of wave) {
                if (!PYTHON_SOURCE.test(abs)) {
                    visit(abs, null);
                    continue;
                }
                let found;
                try {
                    found = (0, index_js_1.lookupCache)(abs, (0, index_js_1.toNodePath)(rootdir, abs), cache, true);
                }
                catch {
                    unreadable.push((0, index_js_1.toNodePath)(rootdir, abs));
                    visit(abs, null);
                    continue;
                }
                if ('entry' in found)
                    visit(abs, found.entry);
                else
                    requests.push({ ...found.parse, importsOnly: true });
            }
            await pool.parse(requests, (outcome) => visit(outcome.abs, (0, index_js_1.storeParsed)((0, index_js_1.toNodePath)(rootdir, outcome.abs), outcome, cache)), () => undefined);
            for (const request of requests) {
                if (!deps.has((0, index_js_1.toNodePath)(rootdir, request.abs))) {
                    unreadable.push((0, index_js_1.toNodePath)(rootdir, request.abs));
                    visit(request.abs, null);
                }
            }
            wave = next;
        }
    }
    finally {
        pool.close();
    }
    if (cache)
        (0, cache_js_1.saveCache)(rootdir, cache);
    return { deps, dynamic, unreadable };
}
/** Directories on sys.path that are inside the project, for `roots`. */
function projectRoots(rootdir, invocationDir, pythonpath, conftests) {
    const resolver = new imports_js_1.ImportResolver(rootdir, () => null);
    const roots = [rootdir, invocationDir, ...pythonpath];
    const src = (0, node_path_1.join)(rootdir, 'src');
    if ((0, inputs_js_1.probePath)(src)?.isDirectory())
        roots.push(src);
    for (const conftest of conftests)
        roots.push(resolver.basedir(conftest));
    return [...new Set(roots)].filter((root) => root === rootdir || !(0, node_path_1.relative)(rootdir, root).startsWith('..'));
}


/***/ }),

/***/ 4384:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.importRefs = importRefs;
const grammar_js_1 = __nccwpck_require__(6147);
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

/***/ 3048:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ImportResolver = void 0;
const node_path_1 = __nccwpck_require__(6760);
const inputs_js_1 = __nccwpck_require__(417);
class ImportResolver {
    rootdir;
    probe;
    memo = new Map();
    /** `probe`: asked on first use; null when there is no interpreter to ask. */
    constructor(rootdir, probe) {
        this.rootdir = rootdir;
        this.probe = probe;
    }
    /** The guard environment of the module at `file` (absolute). */
    envFor(file) {
        return {
            facts: () => this.probe(),
            importable: (mod, name) => this.importable(mod, name, file),
            moduleSource: (mod) => this.moduleSource(mod, file),
            isProjectModule: (mod) => this.isProjectModule(mod, file),
            locate: (mod, fromFile) => this.locate(mod, fromFile ?? file),
        };
    }
    /** Each located source once per discovery (the same object each time: callers memoize on it). */
    located = new Map();
    locate(mod, fromFile) {
        let source = fromFile;
        let pkg;
        if (mod !== null) {
            const found = this.find(mod, fromFile);
            if (!found)
                return undefined;
            source = found.kind === 'package' ? found.init : found.file;
            pkg = found.kind === 'package';
        }
        else
            pkg = fromFile.endsWith(`${node_path_1.sep}__init__.py`);
        if (source === null)
            return undefined;
        if (!this.located.has(source)) {
            const text = this.sourceText(source);
            this.located.set(source, text === undefined ? undefined : { file: source, text, package: pkg });
        }
        return this.located.get(source);
    }
    /**
     * Each path's state once per discovery: `from pkg import NAME` asks whether NAME is a submodule
     * (a directory, `NAME.py`, an extension file each suffix) for every importing module, ~5 stats a
     * name (graphql-core's tests: ~75 ms of stats in a first discovery). The first look is the memo's input.
     */
    states = new Map();
    stateOf(path) {
        if (this.states.has(path))
            return this.states.get(path);
        const st = (0, inputs_js_1.probePath)(path);
        this.states.set(path, st);
        return st;
    }
    isFile(path) {
        return this.stateOf(path)?.isFile() === true;
    }
    isDir(path) {
        return this.stateOf(path)?.isDirectory() === true;
    }
    /** pytest's prepend import mode puts the first directory above the module without __init__.py on sys.path. */
    basedir(file) {
        let dir = (0, node_path_1.dirname)(file);
        while (this.isFile((0, node_path_1.join)(dir, '__init__.py')) && (0, node_path_1.dirname)(dir) !== dir)
            dir = (0, node_path_1.dirname)(dir);
        return dir;
    }
    /** `name` in one directory: a module file, a package (or namespace) directory, or nothing. */
    findIn(dir, name, suffixes) {
        const pkg = (0, node_path_1.join)(dir, name);
        if (this.isDir(pkg)) {
            const init = (0, node_path_1.join)(pkg, '__init__.py');
            return { kind: 'package', dirs: [pkg], init: this.isFile(init) ? init : null };
        }
        if (this.isFile(`${pkg}.py`))
            return { kind: 'module', file: `${pkg}.py` };
        for (const suffix of suffixes)
            if (this.isFile(`${pkg}${suffix}`))
                return { kind: 'module', file: null };
        return null;
    }
    /** The module `dotted` looked up from `file`; null: certainly absent; undefined: can't be told. */
    find(dotted, file) {
        const key = `${dotted}\0${dotted.startsWith('.') ? (0, node_path_1.dirname)(file) : this.basedir(file)}`;
        if (this.memo.has(key))
            return this.memo.get(key);
        const found = this.resolve(dotted, file);
        this.memo.set(key, found);
        return found;
    }
    resolve(dotted, file) {
        const probe = this.probe();
        const suffixes = probe?.extensionSuffixes ?? ['.so', '.pyd'];
        const level = /^\.*/.exec(dotted)[0].length;
        const parts = dotted
            .slice(level)
            .split('.')
            .filter((p) => p !== '');
        let found;
        if (level > 0) {
            // A relative import needs the module to be in a package.
            let dir = (0, node_path_1.dirname)(file);
            if (!this.isFile((0, node_path_1.join)(dir, '__init__.py')))
                return null;
            for (let i = 1; i < level; i++)
                dir = (0, node_path_1.dirname)(dir);
            const init = (0, node_path_1.join)(dir, '__init__.py');
            found = { kind: 'package', dirs: [dir], init: this.isFile(init) ? init : null };
        }
        else {
            const top = parts.shift();
            if (probe?.builtins.includes(top))
                return parts.length === 0 ? { kind: 'module', file: null } : undefined;
            const dirs = [this.basedir(file), this.rootdir, ...(probe?.path ?? [])];
            found = null;
            for (const dir of dirs) {
                const here = this.findIn(dir, top, suffixes);
                if (here === null)
                    continue;
                // A directory without __init__.py is a namespace portion: a module or regular package
                // later on the path is imported instead (PathFinder).
                if (found === null || (found.kind === 'package' && found.init === null && (here.kind === 'module' || here.init !== null)))
                    found = here;
                else if (found.kind === 'package' && here.kind === 'package' && found.init === null)
                    found.dirs.push(...here.dirs);
                if (found.kind === 'module' || found.init !== null)
                    break;
            }
            if (found === null) {
                // Something else may import it: a finder of an editable install, a zip file on sys.path.
                const certain = probe !== null && probe.standardFinders && !probe.path.some((p) => this.isFile(p));
                return certain ? null : undefined;
            }
        }
        for (const part of parts) {
            if (found.kind !== 'package')
                return undefined;
            let next = null;
            for (const dir of found.dirs) {
                next = this.findIn(dir, part, suffixes);
                if (next)
                    break;
            }
            // A package can make submodules of its own (os.path, __path__ changes): not found is not certain.
            if (next === null)
                return undefined;
            found = next;
        }
        return found;
    }
    /**
     * For the import graph: every file that importing `dotted` from `file` could run, whether it
     * exists now or not (a module deleted or added is a change the graph must see). For each of
     * `roots` and the module's basedir (or, for a relative import, its package), the packages'
     * `__init__.py` on the way and the module as `X.py` or `X/__init__.py`. A superset of what
     * `find` picks: which root wins depends on the import mode and sys.path at run time.
     */
    sourceCandidates(dotted, file, roots) {
        const level = /^\.*/.exec(dotted)[0].length;
        const parts = dotted
            .slice(level)
            .split('.')
            .filter((p) => p !== '');
        const out = [];
        let bases;
        if (level > 0) {
            let dir = (0, node_path_1.dirname)(file);
            for (let i = 1; i < level; i++)
                dir = (0, node_path_1.dirname)(dir);
            out.push((0, node_path_1.join)(dir, '__init__.py'));
            bases = [dir];
        }
        else {
            bases = [...new Set([this.basedir(file), ...roots])];
        }
        for (const base of bases) {
            let dir = base;
            for (const part of parts) {
                out.push((0, node_path_1.join)(dir, `${part}.py`), (0, node_path_1.join)(dir, part, '__init__.py'));
                dir = (0, node_path_1.join)(dir, part);
            }
        }
        return out;
    }
    importable(mod, name, file) {
        const found = this.find(mod, file);
        if (found === null)
            return false;
        if (found === undefined)
            return undefined;
        if (name === undefined)
            return true;
        if (found.kind === 'package') {
            const suffixes = this.probe()?.extensionSuffixes ?? ['.so', '.pyd'];
            if (found.dirs.some((dir) => this.findIn(dir, name, suffixes) !== null))
                return true;
        }
        const source = found.kind === 'package' ? found.init : found.file;
        if (source === null)
            return found.kind === 'package' && found.init === null && !mod.startsWith('.') ? false : undefined;
        const text = this.sourceText(source);
        if (text === undefined)
            return undefined;
        const names = this.namesIn(source, text);
        const plain = /^\w+$/.test(name);
        const word = plain ? names.words.has(name) : new RegExp(`\\b${name.replace(/[^\w]/g, '')}\\b`).test(text);
        if (!word)
            return names.bindsAtRunTime ? undefined : false;
        if (plain)
            return names.bound.has(name) ? true : undefined;
        const binds = new RegExp(`^\\s*(?:(?:async\\s+)?def|class)\\s+${name}\\b|^${name}\\s*[:=]|^\\s*(?:from\\s+\\S+\\s+)?import\\s[^\\n]*\\b${name}\\b`, 'm');
        return binds.test(text) ? true : undefined;
    }
    /**
     * A source's words, the names it visibly binds (a def or class, `NAME =` or `NAME:` at a line's
     * start, any word after an import statement's `import`) and whether it may bind names at run
     * time (globals().update(...), sys.modules[__name__], __getattr__, a star import), read once: a
     * package's `__init__.py` is asked about each of hundreds of names (graphql-core's tests import
     * ~500 from `graphql`), and two regexes over its text per name were ~0.2 s of a first discovery.
     */
    names = new Map();
    namesIn(source, text) {
        let names = this.names.get(source);
        if (names === undefined) {
            const bound = new Set();
            for (const m of text.matchAll(/^\s*(?:(?:async\s+)?def|class)\s+(\w+)/gm))
                bound.add(m[1]);
            for (const m of text.matchAll(/^(\w+)\s*[:=]/gm))
                bound.add(m[1]);
            for (const m of text.matchAll(/^\s*(?:from\s+\S+\s+)?import\s([^\n]*)/gm))
                for (const w of m[1].match(/\w+/g) ?? [])
                    bound.add(w);
            const bindsAtRunTime = /__getattr__|import \*|globals\(\)|sys\.modules\[__name__\]/.test(text);
            names = { words: new Set(text.match(/\w+/g) ?? []), bound, bindsAtRunTime };
            this.names.set(source, names);
        }
        return names;
    }
    /** Each module source read once per discovery (the first read is the memo's input). */
    texts = new Map();
    sourceText(source) {
        if (!this.texts.has(source)) {
            try {
                this.texts.set(source, (0, inputs_js_1.readLoggedFile)(source).toString('utf8'));
            }
            catch {
                this.texts.set(source, undefined);
            }
        }
        return this.texts.get(source);
    }
    isProjectModule(mod, file) {
        const found = this.find(mod, file);
        if (!found)
            return found === null ? false : undefined;
        const path = found.kind === 'package' ? found.dirs[0] : found.file;
        if (path === null)
            return false;
        return path.startsWith(this.rootdir + node_path_1.sep) && !path.includes(`${node_path_1.sep}site-packages${node_path_1.sep}`);
    }
    moduleSource(mod, file) {
        const found = this.find(mod, file);
        if (!found)
            return undefined;
        const source = found.kind === 'package' ? found.init : found.file;
        if (source === null)
            return null;
        return this.sourceText(source);
    }
}
exports.ImportResolver = ImportResolver;


/***/ }),

/***/ 2974:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.doctestOptionsOf = exports.itemsOfCollectedModule = exports.itemsOfCollectedFile = exports.holdCacheInMemory = exports.flushHeldCache = void 0;
exports.toNodePath = toNodePath;
exports.lookupCache = lookupCache;
exports.storeParsed = storeParsed;
exports.learnCollected = learnCollected;
exports.discover = discover;
// Discovery: paths -> test modules -> parsed structure (cached) -> pytest node ids.
const node_child_process_1 = __nccwpck_require__(1421);
const node_fs_1 = __nccwpck_require__(3024);
const node_path_1 = __nccwpck_require__(6760);
const types_js_1 = __nccwpck_require__(8522);
const inputs_js_1 = __nccwpck_require__(417);
const cache_js_1 = __nccwpck_require__(6872);
var cache_js_2 = __nccwpck_require__(6872);
Object.defineProperty(exports, "flushHeldCache", ({ enumerable: true, get: function () { return cache_js_2.flushHeldCache; } }));
Object.defineProperty(exports, "holdCacheInMemory", ({ enumerable: true, get: function () { return cache_js_2.holdCacheInMemory; } }));
Object.defineProperty(exports, "itemsOfCollectedFile", ({ enumerable: true, get: function () { return cache_js_2.itemsOfCollectedFile; } }));
Object.defineProperty(exports, "itemsOfCollectedModule", ({ enumerable: true, get: function () { return cache_js_2.itemsOfCollectedModule; } }));
var doctests_js_1 = __nccwpck_require__(5663);
Object.defineProperty(exports, "doctestOptionsOf", ({ enumerable: true, get: function () { return doctests_js_1.doctestOptionsOf; } }));
const items_js_1 = __nccwpck_require__(546);
const parse_pool_js_1 = __nccwpck_require__(9740);
const fnmatch_js_1 = __nccwpck_require__(8035);
const fixtures_js_1 = __nccwpck_require__(3446);
const guards_js_1 = __nccwpck_require__(4050);
const imports_js_1 = __nccwpck_require__(3048);
const interpreter_js_1 = __nccwpck_require__(4248);
const walk_js_1 = __nccwpck_require__(4765);
const doctests_js_2 = __nccwpck_require__(5663);
function toNodePath(rootdir, absolute) {
    const rel = (0, node_path_1.relative)(rootdir, absolute);
    return node_path_1.sep === '/' ? rel : rel.split(node_path_1.sep).join('/');
}
/**
 * A file's cached structure when its size and mtime, or else its content hash, are unchanged. An
 * entry stored while the file's mtime was too recent to be trusted is confirmed by its hash.
 */
function lookupCache(abs, rel, cache, importsOnly = false) {
    const st = (0, node_fs_1.statSync)(abs);
    let cached = cache?.entries.get(rel);
    // An entry that holds only a module's imports serves the import graph, not discovery; one of
    // what a file that was no module collected serves neither.
    if ((cached?.importsOnly && !importsOnly) || cached?.collectedOnly)
        cached = undefined;
    if (cached && cached.size === st.size && cached.mtimeMs === st.mtimeMs && cached.ctimeMs === st.ctimeMs && !cached.racy)
        return { entry: cached, st };
    if (cached && cached.hash === (0, inputs_js_1.sha1)((0, node_fs_1.readFileSync)(abs))) {
        const { racy: _racy, ...confirmed } = cached;
        const entry = markRacy({ ...confirmed, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs });
        cache.entries.set(rel, entry);
        cache.dirty = true;
        return { entry, st };
    }
    return { parse: { abs, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ...(importsOnly ? { importsOnly: true } : {}) }, st };
}
/** Flags an entry whose file was written too shortly before it was read for its stamps to vouch for it. */
function markRacy(entry) {
    if ((0, inputs_js_1.isRacy)(Math.max(entry.mtimeMs, entry.ctimeMs)))
        entry.racy = true;
    return entry;
}
function storeParsed(rel, outcome, cache) {
    const entry = { size: outcome.size, mtimeMs: outcome.mtimeMs, ctimeMs: outcome.ctimeMs, hash: outcome.hash };
    if (outcome.importsOnly)
        entry.importsOnly = true;
    if (outcome.parsed !== undefined)
        entry.parsed = outcome.parsed;
    if (outcome.parsedJson !== undefined)
        entry.parsedJson = outcome.parsedJson;
    markRacy(entry);
    if (cache) {
        cache.entries.set(rel, entry);
        cache.dirty = true;
    }
    return entry;
}
/** Notes the file's content as an input of this discovery (when inputs are being logged). */
function noted(abs, st, entry) {
    (0, inputs_js_1.noteFile)(abs, st, entry.hash);
    return entry;
}
const SYNTAX_CHECK = `
import json, sys, traceback
out = {}
for path in sys.argv[1:]:
    try:
        with open(path, 'rb') as f:
            compile(f.read(), path, 'exec', dont_inherit=True)
        out[path] = None
    except SyntaxError as e:
        out[path] = ''.join(traceback.format_exception_only(type(e), e))
    except Exception as e:
        out[path] = None
print(json.dumps(out))
`;
/**
 * Asks Python whether files tree-sitter could not parse are really invalid, and its message. The
 * interpreter is chosen only when there is such a file.
 */
function confirmSyntaxErrors(python, files) {
    const verdicts = new Map();
    if (files.length === 0)
        return verdicts;
    try {
        const output = (0, node_child_process_1.execFileSync)(python(), ['-c', SYNTAX_CHECK, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        const parsed = JSON.parse(output);
        for (const f of files)
            verdicts.set(f, parsed[f] ?? null);
    }
    catch {
        for (const f of files)
            verdicts.set(f, 'SyntaxError: invalid syntax (tree-sitter could not parse this file)\n');
    }
    return verdicts;
}
function syntaxErrorMessage(pythonText) {
    return pythonText
        .trimEnd()
        .split('\n')
        .map((line) => `E   ${line}`)
        .join('\n');
}
function lookup(abs, rootdir, cache) {
    const rel = toNodePath(rootdir, abs);
    return { abs, rel, found: lookupCache(abs, rel, cache) };
}
/**
 * pytest_ignore_collect's `collect_ignore` / `collect_ignore_glob`: a path is skipped when a
 * conftest.py between the rootdir and the path's parent lists it (paths relative to that
 * conftest's directory); an ignored directory takes everything below it along.
 */
function ignoredByConftest(file, rootdir, conftests, imports) {
    let maybe = false;
    for (let path = file; path.startsWith(rootdir) && path !== rootdir; path = (0, node_path_1.dirname)(path)) {
        for (const dir of (0, walk_js_1.dirsUpToRootdir)((0, node_path_1.dirname)(path), rootdir)) {
            const info = conftests.get(dir);
            if (!info)
                continue;
            if (info.collectIgnore.includes(path) || info.collectIgnoreGlob.some((g) => (0, fnmatch_js_1.fnmatch)(path, g)))
                return true;
            for (const { path: listed, glob, guard } of info.collectIgnoreGuarded ?? []) {
                if (!(glob ? (0, fnmatch_js_1.fnmatch)(path, listed) : listed === path))
                    continue;
                // added under a condition (`if not PY_3_14_PLUS: collect_ignore.extend(...)`)
                const taken = imports ? (0, guards_js_1.evaluateGuard)(guard, imports.envFor((0, node_path_1.join)(dir, 'conftest.py'))) : null;
                if (taken === true)
                    return true;
                if (taken === null)
                    maybe = true;
            }
        }
    }
    return maybe ? 'maybe' : false;
}
function conftestChain(file, rootdir, conftests) {
    const merged = {
        parametrizedFixtures: new Set(),
        fixtureArgs: new Map(),
        hasGenerateTests: false,
        collectIgnore: [],
        collectIgnoreGlob: [],
        fixtureLevels: [],
    };
    for (const dir of (0, walk_js_1.dirsUpToRootdir)((0, node_path_1.dirname)(file), rootdir)) {
        const info = conftests.get(dir);
        if (!info)
            continue;
        for (const f of info.parametrizedFixtures)
            merged.parametrizedFixtures.add(f);
        for (const [name, args] of info.fixtureArgs)
            merged.fixtureArgs.set(name, [...(merged.fixtureArgs.get(name) ?? []), ...args]);
        merged.hasGenerateTests ||= info.hasGenerateTests;
        merged.makesModules ||= info.makesModules;
        merged.fixtureLevels.unshift(...info.fixtureLevels); // from the rootdir's down
    }
    return merged;
}
/**
 * Files that are not Python modules, below a conftest.py that defines pytest_collect_file (or
 * pytest_collect_directory) and not ignored: each is one dynamic item whose id is its path, run
 * whole by the pytest engine, which reports whatever the hook collects from it (maybe nothing).
 * Only directories with such a conftest pay for this.
 */
function fileCollectedPlaceholders(others, walk, rootdir, conftests) {
    const collectingDirs = [...conftests].filter(([, info]) => info.collectsFiles).map(([dir]) => dir);
    if (collectingDirs.length === 0)
        return [];
    const below = (path) => collectingDirs.some((dir) => path.startsWith(dir + node_path_1.sep));
    return others
        .filter(({ path }) => below(path) && (0, node_path_1.basename)(path) !== '__init__.py' && !(0, walk_js_1.ignoredPath)(path, walk) && ignoredByConftest(path, rootdir, conftests) !== true)
        .map(({ path, after }) => {
        const file = toNodePath(rootdir, path);
        return { item: (0, types_js_1.wholeFileItem)(file), after };
    });
}
/**
 * The conftest.py files from the file's directory up to the rootdir, as one hash of their contents:
 * what a conftest hook collected from a file is kept while it is unchanged. `memo`: per directory.
 */
function conftestsKey(abs, rootdir, memo = new Map()) {
    const parts = [];
    for (const dir of (0, walk_js_1.dirsUpToRootdir)((0, node_path_1.dirname)(abs), rootdir)) {
        let part = memo.get(dir);
        if (part === undefined) {
            try {
                part = (0, inputs_js_1.sha1)((0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, 'conftest.py')));
            }
            catch {
                part = '-';
            }
            memo.set(dir, part);
        }
        parts.push(part);
    }
    return (0, inputs_js_1.sha1)(Buffer.from(parts.join('\n')));
}
/** The stamps of a file that is no module, for what a run collected from it. */
function otherFileStamp(rootdir, file) {
    const abs = (0, node_path_1.join)(rootdir, file);
    try {
        const st = (0, node_fs_1.statSync)(abs);
        const hash = (0, inputs_js_1.sha1)((0, node_fs_1.readFileSync)(abs));
        const stamp = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, hash, conftests: conftestsKey(abs, rootdir) };
        if ((0, inputs_js_1.isRacy)(Math.max(st.mtimeMs, st.ctimeMs)))
            stamp.racy = true;
        return stamp;
    }
    catch {
        return null;
    }
}
/**
 * Records what a run collected (`lessons`: file -> listed id -> collected ids; `modules`: file ->
 * every id it collected) in the discovery cache: for modules, the corrections of their items; for
 * files that are no module (a conftest hook's, doctest text files), the ids they collected.
 */
function learnCollected(rootdir, lessons, modules, doctest = (0, doctests_js_2.doctestOptionsOf)([], undefined)) {
    const memo = new Map();
    return (0, cache_js_1.learnCollected)(rootdir, lessons, modules, (file) => otherFileStamp(rootdir, file), (file) => besideKey((0, node_path_1.join)(rootdir, file), rootdir, doctest, memo));
}
/**
 * What a test module's other collectors depend on besides its content: the conftest.py files above
 * it (their pytest_collect_file) and the doctest options (the doctest plugin's DoctestModule).
 */
function besideKey(abs, rootdir, doctest, memo) {
    return `${conftestsKey(abs, rootdir, memo)}:${doctest.modules ? `doctest-modules:${doctest.importMode}` : ''}`;
}
/**
 * The ids a run collected from test modules beside their own tests (a conftest hook's, their
 * doctests, tests the module adds at import), in place of the module's whole-file doctest
 * placeholder; only for cached modules whose conftest.py files and doctest options are as they
 * were then. Placed before each module's tests as pytest collects them (`placeholders`), or, when
 * the run had them among the module's own (`order`), for inCollectedOrder (`inModule`, by path).
 */
function withBeside(placeholders, files, modules, rootdir, doctest) {
    const memo = new Map();
    const learned = new Map();
    const inModule = new Map();
    const indexOfFile = new Map(files.map((abs, index) => [abs, index]));
    for (const l of modules) {
        const beside = 'entry' in l.found ? l.found.entry.beside : undefined;
        if (!beside || beside.key !== besideKey(l.abs, rootdir, doctest, memo))
            continue;
        if (beside.order)
            inModule.set(l.abs, { items: (0, cache_js_1.itemsOfCollectedFile)(l.rel, beside.ids, []).map((item) => ({ ...item, beside: true })), order: beside.order });
        else
            learned.set(l.rel, { after: indexOfFile.get(l.abs) ?? 0, ids: beside.ids });
    }
    if (learned.size === 0 && inModule.size === 0)
        return { placeholders, inModule };
    const learnedFiles = new Set([...learned.keys(), ...modules.filter((l) => inModule.has(l.abs)).map((l) => l.rel)]);
    const out = placeholders.filter(({ item }) => !(item.dynamic && item.id === item.file && learnedFiles.has(item.file)));
    for (const [file, { after, ids }] of learned)
        for (const item of (0, cache_js_1.itemsOfCollectedFile)(file, ids, []))
            out.push({ item: { ...item, beside: true }, after });
    // stable: each module's ids go after the other files' placeholders before it
    const sorted = out
        .map((p, order) => ({ p, order }))
        .sort((a, b) => a.p.after - b.p.after || a.order - b.order)
        .map(({ p }) => p);
    return { placeholders: sorted, inModule };
}
/**
 * A module's items and the learned ones no listed item stands for, in the order the run collected
 * them (`order`); an item the run did not collect (listed since) keeps its place after the one
 * listed before it.
 */
function inCollectedOrder(own, learned, order) {
    const position = new Map(order.map((id, index) => [id, index]));
    let last = -1;
    const keyed = own.map((item, index) => {
        const at = position.get(item.id);
        if (at !== undefined)
            last = at;
        return { item, key: at ?? last + 0.5, index };
    });
    const placed = learned.map((item, index) => ({ item, key: position.get(item.id) ?? order.length, index: own.length + index }));
    return [...keyed, ...placed].sort((a, b) => a.key - b.key || a.index - b.index).map(({ item }) => item);
}
/**
 * Placeholders of files that are no module, replaced by the ids a run collected from them when the
 * file and the conftest.py files above it are unchanged since.
 */
function learnedPlaceholders(placed, moduleFiles, rootdir, cache, doctest) {
    if (!cache || placed.length === 0)
        return placed;
    const memo = new Map();
    const learnedOf = (file, items) => {
        const entry = cache.entries.get(file);
        // a conftest.py (parsed, so its entry is current) a hook was offered: what it collected
        if (entry?.collected && !entry.collectedOnly)
            return (0, cache_js_1.applyCollected)(items, entry.collected);
        if (!entry?.collectedOnly)
            return null;
        const abs = (0, node_path_1.join)(rootdir, file);
        let st;
        try {
            st = (0, node_fs_1.statSync)(abs);
        }
        catch {
            return null;
        }
        // the file is an input of this discovery (a memo of it is stale when the file changes)
        if (!(entry.size === st.size && entry.mtimeMs === st.mtimeMs && entry.ctimeMs === st.ctimeMs && !entry.racy)) {
            const hash = (0, inputs_js_1.sha1)((0, node_fs_1.readFileSync)(abs));
            (0, inputs_js_1.noteFile)(abs, st, hash);
            if (entry.hash !== hash)
                return null;
            const { racy: _racy, ...confirmed } = entry;
            cache.entries.set(file, markRacy({ ...confirmed, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs }));
            cache.dirty = true;
        }
        else
            (0, inputs_js_1.noteFile)(abs, st, entry.hash);
        if (entry.collectedOnly.conftests !== conftestsKey(abs, rootdir, memo))
            return null;
        return (0, cache_js_1.itemsOfCollectedFile)(file, entry.collectedOnly.ids, items[0].marks);
    };
    const byFile = new Map();
    for (const p of placed) {
        const list = byFile.get(p.item.file);
        if (list)
            list.push(p);
        else
            byFile.set(p.item.file, [p]);
    }
    const out = [];
    for (const [file, list] of byFile) {
        const learned = moduleFiles.has(file)
            ? null
            : learnedOf(file, list.map((p) => p.item));
        // A DoctestModule with no doctests is imported all the same: each run keeps its placeholder,
        // so that an import error (a change in another file, the environment) is pytest's collection
        // error, and coverage sees the import (jsonpickle's compat.py). A conftest.py's is the module
        // its loading imported.
        const importedAnyway = learned?.length === 0 && file.endsWith('.py') && !/(^|\/)conftest\.py$/.test(file) && (0, doctests_js_2.isDoctestModule)((0, node_path_1.join)(rootdir, file), doctest);
        if (learned === null || importedAnyway)
            out.push(...list);
        else
            for (const item of learned)
                out.push({ item, after: list[0].after });
    }
    return out;
}
/** Module items and file placeholders in pytest's collection order (placeholders go after `after` walked modules). */
function interleave(files, modules, itemsOf, placeholders) {
    const moduleIndex = new Map(modules.map((l, index) => [l.abs, index]));
    const items = [];
    let next = 0;
    files.forEach((abs, fileIndex) => {
        for (; next < placeholders.length && placeholders[next].after <= fileIndex; next++)
            items.push(placeholders[next].item);
        const index = moduleIndex.get(abs);
        if (index !== undefined)
            items.push(...itemsOf[index]);
    });
    for (; next < placeholders.length; next++)
        items.push(placeholders[next].item);
    return items;
}
async function discover(opts) {
    const { rootdir } = opts;
    const cache = opts.useCache ? (0, cache_js_1.loadCache)(rootdir) : null;
    const walked = (0, walk_js_1.findCollectable)(opts.paths, opts.walk);
    const files = walked.modules;
    // The conftest.py files of every directory from the modules (and every walked directory that
    // has one) up to the rootdir come first: their collect_ignore decides which modules are
    // collected at all, and their pytest_collect_file which other files are. A directory argument
    // with no test module in it still has the conftest.py files above it (a parent's hook collects it).
    const argumentDirs = opts.paths.flatMap((path) => ((0, inputs_js_1.probePath)(path)?.isDirectory() ? [path] : []));
    const conftestDirs = [...new Set([...files.map(node_path_1.dirname), ...walked.conftestDirs, ...argumentDirs].flatMap((dir) => (0, walk_js_1.dirsUpToRootdir)(dir, rootdir)))];
    const conftestLookups = conftestDirs.flatMap((dir) => ((0, inputs_js_1.probePath)((0, node_path_1.join)(dir, 'conftest.py')) ? [lookup((0, node_path_1.join)(dir, 'conftest.py'), rootdir, cache)] : []));
    const moduleLookups = files.map((abs) => lookup(abs, rootdir, cache));
    const toParse = (lookups) => lookups.flatMap(({ found }) => ('parse' in found ? [found.parse] : []));
    const conftestRequests = toParse(conftestLookups);
    const moduleRequests = toParse(moduleLookups);
    opts.onWalked?.(files.length, moduleRequests.map((request) => request.abs));
    const parseRequests = [...conftestRequests, ...moduleRequests];
    const pool = (0, parse_pool_js_1.openParsePool)(parseRequests.length, parseRequests.reduce((bytes, request) => bytes + request.size, 0));
    try {
        const byAbs = (lookups) => new Map(lookups.map((l) => [l.abs, l]));
        // What the modules import, for the runner's warm-parent decision (DiscoveryResult.importedModules).
        const importedTops = new Set();
        let importsKnown = true;
        const noteImports = (parsed) => {
            if (parsed.dynamicImport)
                importsKnown = false;
            for (const ref of parsed.importRefs ?? [])
                importedTops.add(ref.startsWith('.') ? ref : ref.split('.')[0]);
        };
        let probe;
        const imports = new imports_js_1.ImportResolver(rootdir, () => {
            if (probe === undefined) {
                try {
                    probe = (0, interpreter_js_1.probeInterpreter)(opts.python(), rootdir);
                }
                catch {
                    probe = null;
                }
            }
            return probe;
        });
        const conftests = new Map();
        const conftestByAbs = byAbs(conftestLookups);
        const addConftest = (l, entry) => {
            const parsed = (0, cache_js_1.parsedOf)(noted(l.abs, l.found.st, entry));
            noteImports(parsed);
            // the names in its fixtures' params are the conftest's own
            conftests.set((0, node_path_1.dirname)(l.abs), (0, items_js_1.conftestFacts)(parsed, (0, node_path_1.dirname)(l.abs), { env: imports.envFor(l.abs), imports: parsed.imports ?? {} }));
        };
        for (const l of conftestLookups)
            if ('entry' in l.found)
                addConftest(l, l.found.entry);
        // A conftest.py that can't be read or parsed adds nothing here; pytest reports it when it runs.
        await pool.parse(conftestRequests, (outcome) => {
            const l = conftestByAbs.get(outcome.abs);
            addConftest(l, storeParsed(l.rel, outcome, cache));
        }, () => undefined);
        // A file given as an argument (or by testpaths) is an initial path: pytest collects it whatever
        // collect_ignore says (Session._collect_path asks pytest_ignore_collect only of other paths).
        const initialPaths = new Set(opts.paths);
        const ignored = new Map(moduleLookups.map((l) => [l, initialPaths.has(l.abs) ? false : ignoredByConftest(l.abs, rootdir, conftests, imports)]));
        const modules = moduleLookups.filter((l) => ignored.get(l) !== true);
        // a module a conftest.py may ignore, under a condition that can't be decided: it runs whole
        const maybeIgnored = new Set(modules.filter((l) => ignored.get(l) === 'maybe').map((l) => l.abs));
        const placed = await (0, doctests_js_2.placeDoctests)(walked, fileCollectedPlaceholders(walked.others, opts.walk, rootdir, conftests), opts.doctest ?? (0, doctests_js_2.doctestOptionsOf)([], undefined), {
            named: new Set(opts.paths),
            keep: (abs) => !(0, walk_js_1.ignoredPath)(abs, opts.walk) && (initialPaths.has(abs) || ignoredByConftest(abs, rootdir, conftests, imports) !== true),
            nodePath: (abs) => toNodePath(rootdir, abs),
        });
        // (a test module's doctest items are left as they are: its own entry holds its lessons)
        const { placeholders, inModule } = withBeside(learnedPlaceholders(placed, new Set(modules.map((l) => l.rel)), rootdir, cache, opts.doctest ?? (0, doctests_js_2.doctestOptionsOf)([], undefined)), files, modules, rootdir, opts.doctest ?? (0, doctests_js_2.doctestOptionsOf)([], undefined));
        const entries = new Array(modules.length);
        const itemsOf = new Array(modules.length);
        const errorsOf = new Array(modules.length);
        const indexOf = new Map(modules.map((l, index) => [l.abs, index]));
        // A module that imports a test class from another module is collected once every module is
        // parsed: the class is read from that module's structure.
        const deferred = [];
        let parsedByAbs = null;
        const active = new Set();
        const foreignFrom = (fromAbs) => (mod, name) => {
            const found = imports.envFor(fromAbs).locate?.(mod);
            const parsed = found ? parsedByAbs?.get(found.file) : undefined;
            const key = `${found?.file}\0${name}`;
            if (!found || !parsed || active.has(key))
                return undefined;
            active.add(key);
            try {
                return (0, items_js_1.foreignClassOf)(parsed, name, { env: imports.envFor(found.file), imports: parsed.imports ?? {} }, foreignFrom(found.file));
            }
            finally {
                active.delete(key);
            }
        };
        // ... or a class whose base is imported (a mixin of another test module)
        const importsTestClass = (parsed) => {
            const imported = new Set(parsed.members.flatMap((m) => (m.kind === 'assign' && m.importedFrom !== undefined ? [m.name] : [])));
            if (imported.size === 0)
                return false;
            if ([...imported].some((name) => (0, items_js_1.matchesPrefixOrGlob)(opts.rules.pythonClasses, name)))
                return true;
            return parsed.members.some((m) => m.kind === 'class' && m.bases.some((b) => imported.has(b)));
        };
        // Items are built as each module's structure arrives, while the threads parse the rest.
        const collectModule = (index, entry, late = false) => {
            const l = modules[index];
            entries[index] = noted(l.abs, l.found.st, entry);
            const parsed = (0, cache_js_1.parsedOf)(entry);
            noteImports(parsed);
            if (parsed.syntaxError && entry.syntaxError !== null)
                return; // confirmed below
            if (maybeIgnored.has(l.abs)) {
                itemsOf[index] = [(0, types_js_1.wholeFileItem)(l.rel, parsed.pytestmark)];
                errorsOf[index] = [];
                return;
            }
            if (!late && importsTestClass(parsed)) {
                deferred.push(index);
                return;
            }
            const result = (0, items_js_1.itemsOfModule)(l.rel, parsed, opts.rules, conftestChain(l.abs, rootdir, conftests), imports.envFor(l.abs), late ? foreignFrom(l.abs) : undefined);
            // What runs of this content collected corrects what static reading could not know.
            itemsOf[index] = (0, cache_js_1.applyCollected)(result.items, entry.collected, l.rel);
            errorsOf[index] = result.errors;
            opts.onModuleTests?.(itemsOf[index].length);
        };
        const requests = toParse(modules);
        const parsing = pool.parse(requests, (outcome) => {
            const index = indexOf.get(outcome.abs);
            collectModule(index, storeParsed(modules[index].rel, outcome, cache));
        });
        // The cached modules' items are built while the parse (or the grammar's compile) is under way.
        modules.forEach((l, index) => {
            if ('entry' in l.found)
                collectModule(index, l.found.entry);
        });
        await parsing;
        if (deferred.length > 0) {
            parsedByAbs = new Map();
            modules.forEach((l, index) => {
                const entry = entries[index];
                if (entry && !entry.syntaxError)
                    parsedByAbs.set(l.abs, (0, cache_js_1.parsedOf)(entry));
            });
            for (const index of deferred)
                collectModule(index, entries[index], true);
        }
        const syntaxErrors = [];
        const unconfirmed = modules.flatMap((l, index) => (itemsOf[index] === undefined ? [{ l, entry: entries[index] }] : []));
        const needPython = unconfirmed.filter(({ entry }) => entry.syntaxError === undefined);
        const verdicts = confirmSyntaxErrors(opts.python, needPython.map(({ l }) => l.abs));
        for (const { l, entry } of needPython) {
            entry.syntaxError = verdicts.get(l.abs) ?? null;
            if (cache)
                cache.dirty = true;
        }
        for (const { l, entry } of unconfirmed) {
            const index = indexOf.get(l.abs);
            if (entry.syntaxError) {
                itemsOf[index] = [(0, types_js_1.wholeFileItem)(l.rel)];
                errorsOf[index] = [];
                syntaxErrors.push({ file: l.rel, message: syntaxErrorMessage(entry.syntaxError) });
            }
            else {
                collectModule(index, entry);
            }
        }
        modules.forEach((l, index) => {
            const learned = inModule.get(l.abs);
            if (learned && itemsOf[index] !== undefined)
                itemsOf[index] = inCollectedOrder(itemsOf[index], learned.items, learned.order);
        });
        if (cache)
            (0, cache_js_1.saveCache)(rootdir, cache);
        const parsedFiles = conftestRequests.length + requests.length;
        return {
            rootdir,
            items: (0, fixtures_js_1.reorderItems)(placeholders.length === 0 ? itemsOf.flat() : interleave(files, modules, itemsOf, placeholders)),
            errors: errorsOf.flat(),
            ...(syntaxErrors.length > 0 ? { syntaxErrors } : {}),
            parsedFiles,
            cachedFiles: conftestLookups.length + modules.length - parsedFiles,
            warnings: cache?.warning ? [cache.warning] : [],
            modules: modules.map((l) => l.rel),
            iteratorParametrize: modules.filter((_, index) => entries[index] && (0, cache_js_1.parsedOf)(entries[index]).generatorParametrize).map((l) => l.rel),
            namespaceWriters: modules
                .filter((_, index) => {
                const parsed = entries[index] && (0, cache_js_1.parsedOf)(entries[index]);
                // (`from x import *` binds names discovery does not know: lark's tests/__main__.py)
                return parsed && (parsed.namespaceWrites || parsed.dynamicReasons.length > 0);
            })
                .map((l) => l.rel),
            ...([...conftests.values()].some((info) => info.changesItems) ? { itemHooks: true } : {}),
            ...(importsKnown ? { importedModules: [...importedTops].sort() } : {}),
        };
    }
    finally {
        pool.close();
    }
}


/***/ }),

/***/ 4248:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.keptForInterpreter = keptForInterpreter;
exports.probeInterpreter = probeInterpreter;
// What the interpreter that will run the tests says about itself (version, platform,
// implementation, import path), asked only when a module's guard needs it and remembered in
// .fastest/interpreter.json, keyed by the interpreter file's identity and the variables that shape
// sys.path. The interpreter's file is an input of a remembered discovery (the memo), so another
// interpreter makes the memo miss.
const node_child_process_1 = __nccwpck_require__(1421);
const node_fs_1 = __nccwpck_require__(3024);
const node_path_1 = __nccwpck_require__(6760);
const which_js_1 = __nccwpck_require__(6351);
const inputs_js_1 = __nccwpck_require__(417);
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
function isScript(path) {
    let fd;
    try {
        fd = (0, node_fs_1.openSync)(path, 'r');
        const head = Buffer.alloc(2);
        return (0, node_fs_1.readSync)(fd, head, 0, 2, 0) === 2 && head.toString('latin1') === '#!';
    }
    catch {
        return false;
    }
    finally {
        if (fd !== undefined)
            (0, node_fs_1.closeSync)(fd);
    }
}
function cacheFile(rootdir) {
    return (0, node_path_1.join)(rootdir, '.fastest', 'interpreter.json');
}
function readEntries(path, version) {
    try {
        const data = JSON.parse((0, node_fs_1.readFileSync)(path, 'utf8'));
        return data.version === version && data.entries && typeof data.entries === 'object' ? data.entries : {};
    }
    catch {
        return {};
    }
}
/**
 * Answers about the interpreter `python` names (on PATH), kept in `files` (JSON files, `version`
 * their format; the first that holds an answer gives it) by the identity of the interpreter's file
 * (path, real path, size, mtime, inode), the values of `envNames` and `question` (what else the
 * answer is for: a command line); null when there is no such interpreter file. `byPath`: by its
 * path and real path only, for an answer that checks the interpreter's content itself (a fresh
 * CI runner installs the same interpreter at the same path, with another inode and mtime).
 */
function keptForInterpreter(python, env, files, version, envNames, accept, { question = [], byPath = false } = {}) {
    const found = (0, which_js_1.onPath)(python, env);
    if (found === null)
        return null;
    let real;
    let st;
    try {
        real = (0, node_fs_1.realpathSync)(found);
        st = (0, node_fs_1.statSync)(found);
    }
    catch {
        return null;
    }
    const identity = byPath ? [found, real] : [found, real, st.size, st.mtimeMs, st.ino];
    const key = JSON.stringify([...identity, ...envNames.map((name) => env[name] ?? null), ...question]);
    // A version manager's shim (a script) picks its interpreter anew each time: its answer is not kept.
    const script = isScript(found);
    const stores = files.map((file) => ({ file, entries: script ? {} : readEntries(file, version) }));
    const kept = stores.map(({ entries }) => entries[key]).find((value) => accept(value));
    return {
        found,
        real,
        st,
        kept,
        keep(value) {
            if (script)
                return;
            const text = JSON.stringify(value);
            for (const { file, entries } of stores) {
                if (JSON.stringify(entries[key]) === text)
                    continue;
                const others = Object.entries(entries)
                    .filter(([other]) => other !== key)
                    .slice(-(MAX_ENTRIES - 1));
                try {
                    (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(file), { recursive: true });
                    const tmp = `${file}.${process.pid}.tmp`;
                    (0, node_fs_1.writeFileSync)(tmp, JSON.stringify({ version, entries: Object.fromEntries([...others, [key, value]]) }));
                    (0, node_fs_1.renameSync)(tmp, file);
                }
                catch {
                    // asked again next time
                }
            }
        },
    };
}
function isProbe(value) {
    const p = value;
    return (typeof p === 'object' &&
        p !== null &&
        Array.isArray(p.version_info) &&
        p.version_info.length === 5 &&
        typeof p.platform === 'string' &&
        Array.isArray(p.path) &&
        Array.isArray(p.builtins) &&
        Array.isArray(p.extensionSuffixes));
}
/**
 * The probe of `python` (a command or path), from the cache when the interpreter file and the
 * environment are as they were; null when there is no working interpreter.
 */
function probeInterpreter(python, rootdir) {
    const env = (0, inputs_js_1.loggedEnv)(process.env);
    const interpreter = keptForInterpreter(python, env, [cacheFile(rootdir)], PROBE_VERSION, ['PYTHONPATH', 'PYTHONHOME', 'PYTHONNOUSERSITE'], isProbe);
    if (interpreter === null)
        return null;
    // By content too: a CI runner's interpreter is the same file under another stamp.
    if ((0, inputs_js_1.inputLogOn)())
        (0, inputs_js_1.noteFile)(interpreter.found, interpreter.st, (0, inputs_js_1.contentOf)(interpreter.found, interpreter.st) ?? '');
    if (interpreter.kept)
        return interpreter.kept;
    let probe;
    try {
        const output = (0, node_child_process_1.execFileSync)(interpreter.found, ['-c', PROBE_SCRIPT], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] });
        const parsed = JSON.parse(output);
        if (!isProbe(parsed))
            return null;
        probe = parsed;
    }
    catch {
        return null;
    }
    interpreter.keep(probe);
    return probe;
}


/***/ }),

/***/ 546:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.matchesPrefixOrGlob = matchesPrefixOrGlob;
exports.foreignClassOf = foreignClassOf;
exports.itemsOfModule = itemsOfModule;
exports.conftestFacts = conftestFacts;
// Applies pytest's collection rules (python_functions, python_classes, __test__, unittest,
// inheritance, parametrize) to a parsed module, giving its test items in pytest's order.
const node_path_1 = __nccwpck_require__(6760);
const types_js_1 = __nccwpck_require__(8522);
const fnmatch_js_1 = __nccwpck_require__(8035);
const guards_js_1 = __nccwpck_require__(4050);
const paramids_js_1 = __nccwpck_require__(6977);
const fixtures_js_1 = __nccwpck_require__(3446);
const stdlib_js_1 = __nccwpck_require__(8780);
const values_js_1 = __nccwpck_require__(3502);
const FILE_COLLECTING_HOOKS = new Set(['pytest_collect_file', 'pytest_collect_directory']);
const MODULE_MAKING_HOOKS = new Set(['pytest_pycollect_makemodule', 'pytest_collect_directory']);
const ITEM_CHANGING_HOOKS = new Set(['pytest_collection_modifyitems', 'pytest_itemcollected']);
/** Bases that add no tests and change nothing pytest collects. */
const NEUTRAL_BASES = /^(object|(abc\.)?ABC|(typing\.)?(Generic|Protocol)(\[.*\])?)$/s;
const UNITTEST_BASE = /(^|\.)(TestCase|IsolatedAsyncioTestCase|TransactionTestCase|SimpleTestCase|LiveServerTestCase|StaticLiveServerTestCase|AsyncTestCase|AioHTTPTestCase)$/;
/** pytest's `_matches_prefix_or_glob_option`. */
function matchesPrefixOrGlob(patterns, name) {
    for (const option of patterns) {
        if (name.startsWith(option))
            return true;
        if (/[*?[]/.test(option) && (0, fnmatch_js_1.fnmatch)(name, option))
            return true;
    }
    return false;
}
/** A base's name or module that says it may be a TestCase (or carry tests). */
const TESTISH = /test|case/i;
/**
 * The namespace the module's (or class body's) code leaves, as pytest sees it: a dict, so each name
 * keeps the position of its first binding and the value of its last; `del` removes it; members
 * whose guard is false under the interpreter are not bound at all.
 */
function namespace(members, scope) {
    const bound = new Map();
    const { objects } = scope;
    for (const m of members) {
        let uncertain = false;
        if (m.guard) {
            const taken = scope.env ? (0, guards_js_1.evaluateGuard)(m.guard, scope.env) : null;
            if (taken === false)
                continue;
            uncertain = taken === null;
        }
        const existing = bound.get(m.name);
        if (m.kind === 'assign') {
            if (m.deleted || m.testDisabled) {
                if (existing && uncertain)
                    existing.uncertain = true;
                else if (existing && m.deleted)
                    bound.delete(m.name);
                else if (existing)
                    objects.disabled.add(existing.member);
                continue;
            }
            const target = m.alias === undefined ? undefined : bound.get(m.alias);
            if (target && target.member.kind !== 'assign') {
                if (m.marks)
                    objects.marks.set(target.member, [...(objects.marks.get(target.member) ?? []), ...m.marks]);
                if (m.marks && uncertain)
                    target.uncertain = true;
                bound.set(m.name, { name: m.name, member: target.member, uncertain: uncertain || target.uncertain || m.wrapped === true });
                continue;
            }
        }
        bound.set(m.name, { name: m.name, member: m, uncertain: uncertain || (existing?.uncertain === true && m.guard !== undefined) });
    }
    return [...bound.values()];
}
/** The function as bound to `name`, with the marks rebinding stored on it (appended, as store_mark does). */
function boundFunction(fn, name, scope) {
    const stored = scope.objects.marks.get(fn);
    if (!stored && name === fn.name)
        return fn;
    return { ...fn, name, marks: stored ? [...[...stored].reverse(), ...fn.marks] : fn.marks };
}
/** A base outside the module's classes that brings no tests: its name in the MRO (typing's `Generic[T]` is `Generic`). */
function opaqueBase(base) {
    if (UNITTEST_BASE.test(base))
        return base.endsWith('.TestCase') || base === 'TestCase' ? ['TestCase'] : [base, 'TestCase'];
    if (!NEUTRAL_BASES.test(base))
        return null;
    const name = base.replace(/\[.*$/s, '').replace(/^(typing|abc)\./, '');
    return name === 'Protocol' ? ['Protocol', 'Generic'] : [name];
}
/** Python's C3 merge; null when no consistent order exists (the class statement raises TypeError). */
function c3Merge(sequences) {
    const lists = sequences.map((l) => [...l]).filter((l) => l.length > 0);
    const result = [];
    while (lists.length > 0) {
        const head = lists.map((l) => l[0]).find((candidate) => !lists.some((l) => l.indexOf(candidate) > 0));
        if (head === undefined)
            return null;
        result.push(head);
        for (let i = lists.length - 1; i >= 0; i--) {
            if (lists[i][0] === head)
                lists[i].shift();
            if (lists[i].length === 0)
                lists.splice(i, 1);
        }
    }
    return result;
}
/** Thrown when a class's bases admit no MRO: importing the module fails, as pytest collects it. */
class InconsistentMro extends Error {
}
function linearize(cls, scope, visiting) {
    if (visiting.has(cls))
        return null;
    visiting.add(cls);
    try {
        const bases = [];
        const heads = [];
        for (const [i, base] of cls.bases.entries()) {
            // `object` before another base: Python finds no consistent order
            if (base === 'object') {
                if (i < cls.bases.length - 1)
                    return null;
                continue;
            }
            const local = scope.classesByName.get(base);
            const chain = local && local !== cls ? linearize(local, scope, visiting) : opaqueBase(base);
            if (chain === null)
                return null;
            bases.push(chain);
            heads.push(chain[0]);
        }
        const merged = c3Merge([...bases, heads]);
        if (merged === null)
            throw new InconsistentMro();
        return [cls, ...merged];
    }
    finally {
        visiting.delete(cls);
    }
}
/**
 * The class and the classes of its bases that are resolved within the module (or imported from
 * another test module), in Python's method resolution order (C3); null if some base is unknown.
 */
function mro(cls, scope) {
    const order = linearize(cls, scope, new Set());
    return order === null ? null : order.filter((c) => typeof c !== 'string');
}
function isUnittestClass(cls, scope, depth = 0) {
    if (depth > 20)
        return false;
    return cls.bases.some((base) => {
        const local = scope.classesByName.get(base);
        if (local && local !== cls)
            return isUnittestClass(local, scope, depth + 1);
        return UNITTEST_BASE.test(base);
    });
}
/**
 * What a base class defined outside the module can bring: `plain` when it is certainly no TestCase
 * and sets no `__test__` (builtins, the standard library, other packages' classes whose names say
 * nothing of tests), `unknown` otherwise.
 */
function externalBase(base, scope) {
    if (NEUTRAL_BASES.test(base))
        return 'plain';
    const generic = base.indexOf('[');
    const name = generic >= 0 ? base.slice(0, generic) : base;
    const dot = name.indexOf('.');
    const head = dot < 0 ? name : name.slice(0, dot);
    const imported = scope.mod.imports?.[head];
    if (imported === undefined)
        return dot < 0 && stdlib_js_1.BUILTIN_CLASSES.has(name) ? 'plain' : 'unknown';
    const colon = imported.indexOf(':');
    const rest = dot < 0 ? '' : name.slice(dot + 1);
    const dotted = colon >= 0 ? `${imported.slice(0, colon)}.${imported.slice(colon + 1)}${rest ? `.${rest}` : ''}` : `${imported}${rest ? `.${rest}` : ''}`;
    const module = dotted.slice(0, dotted.lastIndexOf('.'));
    const className = dotted.slice(dotted.lastIndexOf('.') + 1);
    if (module === '' || TESTISH.test(className) || /(^|\.)tests?(\.|$)|^unittest|^doctest/.test(module))
        return 'unknown';
    if (module.startsWith('.') || !stdlib_js_1.STDLIB_MODULES.has(module.split('.')[0])) {
        // The project's own module (or a package's): its text must not speak of TestCase or __test__.
        const source = scope.env?.moduleSource?.(module, scope.file);
        if (source === undefined)
            return 'unknown';
        if (source !== null && /TestCase|unittest|__test__/.test(source))
            return 'unknown';
    }
    return 'plain';
}
function classTestAttr(chain) {
    for (const c of chain)
        if (c.testAttr !== null)
            return c.testAttr;
    return null;
}
/** Marks of a class as pytest sees them with consider_mro: bases first, then its own. */
function classMarks(chain) {
    const marks = [];
    for (const c of [...chain].reverse())
        marks.push(...c.bodyMarks, ...[...c.decoratorMarks].reverse());
    return marks;
}
function isAbstract(chain) {
    const defined = new Map();
    for (const c of [...chain].reverse()) {
        for (const m of c.members)
            if (m.kind === 'function')
                defined.set(m.name, m);
    }
    return [...defined.values()].some((f) => f.abstract);
}
function methodTable(chain, scope) {
    // PyCollector.collect: own dict first, then the MRO; reversed so that inherited come first.
    const seen = new Set();
    const perClass = [];
    for (const c of chain) {
        const values = [];
        for (const b of namespace(c.members, scope)) {
            if (seen.has(b.name))
                continue;
            seen.add(b.name);
            values.push(b);
        }
        perClass.push(values);
    }
    return perClass.reverse().flat();
}
/** Own marks (innermost decorator first), then inherited, then the module's; shared when nothing is added. */
function combineMarks(own, inherited, module) {
    if (own.length === 0 && inherited.length === 0)
        return module;
    const marks = [];
    for (let i = own.length - 1; i >= 0; i--)
        marks.push(own[i]);
    for (const m of inherited)
        marks.push(m);
    for (const m of module)
        marks.push(m);
    return marks;
}
function usesFixtureIn(fn, marks, fixtures) {
    if (fixtures.size === 0)
        return false;
    return (fn.argnames.some((a) => fixtures.has(a)) || marks.some((m) => m.name === 'usefixtures' && m.args.some((a) => typeof a === 'string' && fixtures.has(a))));
}
/** The mark hypothesis' pytest plugin adds to its tests (pytest_collection_modifyitems). */
const HYPOTHESIS_MARK = { name: 'hypothesis', args: [], kwargs: {} };
/** What `@given` sets on the test function (hypothesis 6.168), which `-k` matches too. */
const HYPOTHESIS_ATTRIBUTES = [
    '__wrapped_target',
    '_hypothesis_internal_use_reproduce_failure',
    '_hypothesis_internal_use_seed',
    '_hypothesis_internal_use_settings',
    'hypothesis',
    'is_hypothesis_test',
];
const ANYIO_USEFIXTURES = { name: 'usefixtures', args: ['anyio_backend'], kwargs: {} };
/** What pytest-asyncio's auto mode adds to a coroutine test (`item.add_marker("asyncio")`). */
const ASYNCIO_MARK = { name: 'asyncio', args: [], kwargs: {} };
/** Whether anyio's plugin takes a coroutine test with these marks (its own mark, or its auto mode). */
function takenByAnyio(marks, rules) {
    return rules.anyioPlugin !== false && (rules.anyioAutoMode === true || marks.some((m) => m.name === 'anyio'));
}
// Runs once per test of the suite, so it builds each item in one literal instead of spreading a base.
function functionItems(fn, classes, inheritedMarks, scope, generateTests, out, unittest = false) {
    const baseId = classes.length === 0 ? `${scope.file}::${fn.name}` : `${scope.file}::${classes.join('::')}::${fn.name}`;
    let marks = combineMarks(fn.hypothesis && scope.rules.hypothesisPlugin !== false ? [HYPOTHESIS_MARK, ...fn.marks] : fn.marks, inheritedMarks, scope.mod.pytestmark);
    // anyio's pytest_pycollect_makeitem adds usefixtures("anyio_backend") to a coroutine test it
    // takes: the backends of the project's own anyio_backend parametrize it, or those of the
    // plugin's (the backends installed, known at run time only)
    const coroutine = fn.isAsync === true && !unittest;
    const anyioTakes = coroutine && takenByAnyio(marks, scope.rules);
    if (anyioTakes)
        marks = [ANYIO_USEFIXTURES, ...marks];
    if (coroutine && scope.rules.asyncioAutoMode && !marks.some((m) => m.name === 'asyncio'))
        marks = [ASYNCIO_MARK, ...marks];
    const backendsUnknown = anyioTakes && !scope.fixtureLevels.some((level) => level.defs.has('anyio_backend'));
    const usesBenchmark = !unittest && usesFixtureIn(fn, marks, scope.benchmarkFixtures);
    const push = (id, dynamic, itemMarks, param) => {
        const item = { id, file: scope.file, line: fn.line, classes, function: fn.name, marks: itemMarks, dynamic };
        if (param !== undefined)
            item.param = param;
        if (fn.marks.length > 0)
            item.functionAttrs = ['pytestmark'];
        if (fn.hypothesis)
            item.functionAttrs = [...(item.functionAttrs ?? []), ...HYPOTHESIS_ATTRIBUTES];
        else if (fn.otherDecorators)
            item.functionAttrsUnknown = true;
        if (unittest)
            item.unittest = true;
        if (usesBenchmark)
            item.usesBenchmark = true;
        out.items.push(item);
    };
    if (unittest)
        return push(baseId, false, marks);
    if (fn.marksUnknown || generateTests || backendsUnknown)
        return push(baseId, true, marks);
    // The fixtures' params come first (FixtureManager.pytest_generate_tests runs before the marks').
    const origin = memberOrigin.get(fn);
    let calls;
    const keyed = scope.fixtureLevels.some((l) => l.hasParams) || marks.some((m) => m.name === 'parametrize' && ('indirect' in m.kwargs || 'scope' in m.kwargs));
    const usesParametrized = usesFixtureIn(fn, marks, scope.parametrizedFixtures);
    const byFixtures = (keyed || usesParametrized) && !fn.otherDecorators ? (0, fixtures_js_1.fixtureParametrization)(scope.fixtureLevels, (0, fixtures_js_1.requestedArgs)(fn, classes.length > 0), marks) : null;
    if (byFixtures) {
        let own = 0;
        calls = [
            ...byFixtures.fixtureCalls,
            ...marks.filter((m) => m.name === 'parametrize').map((mark) => ({ mark, scope: byFixtures.markScopes[own++], origin })),
        ];
    }
    else if (usesParametrized) {
        return push(baseId, true, marks);
    }
    else {
        calls = marks.filter((m) => m.name === 'parametrize').map((mark) => ({ mark, scope: 'function', origin }));
    }
    if (calls.length === 0)
        return push(baseId, false, marks);
    const parametrize = calls.map((c) => c.mark);
    let expansion = (0, paramids_js_1.expandParametrize)(parametrize, scope.rules.idOptions, scope.mod.pytestAliases);
    if ('dynamic' in expansion && scope.env?.locate) {
        // names and calls the parser could not read: followed through the imports (slower, so only here)
        const own = { env: scope.env, imports: scope.mod.imports ?? {} };
        const resolved = calls.map(({ mark: m, origin: from }) => {
            const valueScope = from ?? own;
            return {
                ...m,
                args: m.args.map((a) => (0, values_js_1.resolveValue)(a, valueScope)),
                kwargs: Object.fromEntries(Object.entries(m.kwargs).map(([k, v]) => [k, (0, values_js_1.resolveValue)(v, valueScope)])),
            };
        });
        expansion = (0, paramids_js_1.expandParametrize)(resolved, scope.rules.idOptions, scope.mod.pytestAliases);
    }
    if ('dynamic' in expansion)
        return push(baseId, true, marks);
    const highScoped = calls.some((c) => c.scope !== 'function');
    for (const c of expansion.cases) {
        push(`${baseId}[${c.id}]`, false, c.marks.length === 0 ? marks : [...c.marks, ...marks], c.id);
        if (highScoped) {
            const item = out.items[out.items.length - 1];
            (0, fixtures_js_1.noteParamKeys)(item, calls.flatMap((call, i) => ((0, fixtures_js_1.parametrizeArgnames)(call.mark) ?? []).map((argname) => ({ argname, index: c.indices[i], scope: call.scope }))));
        }
    }
}
function dynamicClassItem(cls, classes, scope, out) {
    out.items.push({
        id: [scope.file, ...classes].join('::'),
        file: scope.file,
        line: cls.line,
        classes,
        function: '',
        marks: [...classMarks([cls]), ...scope.mod.pytestmark],
        dynamic: true,
    });
}
function unittestItems(cls, classes, scope, out) {
    const chain = mro(cls, scope);
    if (chain === null) {
        dynamicClassItem(cls, classes, scope, out);
        return;
    }
    if (classTestAttr(chain) === false || isAbstract(chain))
        return;
    const methods = new Map();
    for (const c of [...chain].reverse()) {
        for (const m of c.members) {
            if (m.kind === 'function')
                methods.set(m.name, m);
            else
                methods.delete(m.name);
        }
    }
    // unittest.TestLoader.getTestCaseNames: names starting with "test", sorted.
    const names = [...methods.keys()].filter((n) => n.startsWith('test')).sort();
    const marks = classMarks(chain);
    for (const name of names)
        functionItems(methods.get(name), classes, marks, scope, false, out, true);
    if (names.length === 0 && methods.has('runTest'))
        functionItems(methods.get('runTest'), classes, marks, scope, false, out, true);
}
/** A class that can't be a test class: not named as one, no TestCase and no `__test__` in its bases. */
function neverTestClass(cls, scope, depth = 0) {
    if (depth > 20 || cls.testAttr === true)
        return false;
    if (depth === 0 && matchesPrefixOrGlob(scope.rules.pythonClasses, cls.name))
        return false;
    return cls.bases.every((base) => {
        const local = scope.classesByName.get(base);
        if (local && local !== cls)
            return neverTestClass(local, scope, depth + 1);
        if (UNITTEST_BASE.test(base))
            return false;
        return externalBase(base, scope) === 'plain';
    });
}
function classItems(cls, outer, outerMarks, scope, out) {
    const classes = [...outer, cls.name];
    if (neverTestClass(cls, scope))
        return;
    if (isUnittestClass(cls, scope)) {
        unittestItems(cls, classes, scope, out);
        return;
    }
    const chain = outer.length === 0 ? mro(cls, scope) : cls.bases.every((b) => NEUTRAL_BASES.test(b)) ? [cls] : null;
    // Every builtin class but object has its own __init__ or __new__: pytest warns and collects nothing.
    if (chain === null && cls.bases.some((b) => stdlib_js_1.BUILTIN_CLASSES.has(b) && b !== 'object' && !scope.mod.imports?.[b] && !scope.classesByName.has(b)))
        return;
    if (chain === null) {
        dynamicClassItem(cls, classes, scope, out);
        return;
    }
    const testAttr = classTestAttr(chain);
    if (!(matchesPrefixOrGlob(scope.rules.pythonClasses, cls.name) || testAttr === true))
        return;
    if (isAbstract(chain) || testAttr === false)
        return;
    if (chain.some((c) => c.hasInit || c.hasNew))
        return; // pytest warns and collects nothing
    const marks = [...classMarks(chain), ...outerMarks];
    const generateTests = scope.generateTests || chain.some((c) => c.hasGenerateTests);
    const table = methodTable(chain, scope);
    const outerLevels = scope.fixtureLevels;
    scope.fixtureLevels = [...outerLevels, fixtureLevelOf(table, true)];
    try {
        for (const binding of table)
            memberItems(binding, classes, marks, scope, generateTests, out);
    }
    finally {
        scope.fixtureLevels = outerLevels;
    }
}
/** The fixtures a module's or class's namespace defines; any other name it binds may be one too. */
function fixtureLevelOf(bindings, inClass) {
    const level = (0, fixtures_js_1.emptyLevel)();
    for (const { name, member, uncertain } of bindings) {
        if (member.kind === 'function') {
            const def = (0, fixtures_js_1.fixtureDefOf)(member, name, inClass, uncertain, memberOrigin.get(member));
            if (def) {
                (0, fixtures_js_1.addDef)(level, def);
                if (def.params !== undefined)
                    level.hasParams = true;
            }
        }
        else if (member.kind === 'assign' && !member.deleted && !member.testDisabled && !SPECIAL_NAMES.has(name)) {
            (0, fixtures_js_1.addDef)(level, (0, fixtures_js_1.opaqueDef)(name));
        }
    }
    return level;
}
/** Module attributes pytest reads for itself, which are never fixtures. */
const SPECIAL_NAMES = new Set(['pytestmark', 'collect_ignore', 'collect_ignore_glob', '__test__', '__all__']);
/** The items of one name of a module's or class's namespace. */
function memberItems(binding, classes, marks, scope, generateTests, out) {
    const { member, name } = binding;
    if (scope.objects.disabled.has(member))
        return;
    if (member.kind === 'assign' && member.importedFrom !== undefined) {
        const imported = classes.length === 0 && !binding.uncertain ? scope.importedClasses.get(name) : undefined;
        if (imported) {
            // A class imported from another test module is collected here again, as pytest does.
            classItems(imported, classes, marks, scope, out);
            return;
        }
        // A test class or function imported from the project is collected here too; what it holds is
        // known when the module runs.
        const isClass = matchesPrefixOrGlob(scope.rules.pythonClasses, name);
        if ((isClass || matchesPrefixOrGlob(scope.rules.pythonFunctions, name)) &&
            classes.length === 0 &&
            scope.env?.isProjectModule?.(member.importedFrom) === true) {
            out.items.push({
                id: `${scope.file}::${name}`,
                file: scope.file,
                line: 1,
                classes: isClass ? [name] : [],
                function: isClass ? '' : name,
                marks: scope.mod.pytestmark,
                dynamic: true,
            });
        }
        return;
    }
    if (member.kind === 'function') {
        const fn = boundFunction(member, name, scope);
        if (binding.uncertain) {
            if (!matchesPrefixOrGlob(scope.rules.pythonFunctions, name) || fn.fixture)
                return;
            const ids = [...classes, name];
            out.items.push({
                id: [scope.file, ...ids].join('::'),
                file: scope.file,
                line: fn.line,
                classes,
                function: name,
                marks: combineMarks(fn.marks, marks, scope.mod.pytestmark),
                dynamic: true,
            });
            return;
        }
        testFunctionItems(fn, classes, marks, scope, generateTests, out);
    }
    else if (member.kind === 'class') {
        const cls = name === member.name ? member : { ...member, name };
        if (binding.uncertain) {
            if (!neverTestClass(cls, scope))
                dynamicClassItem(cls, [...classes, name], scope, out);
            return;
        }
        classItems(cls, classes, marks, scope, out);
    }
}
/** A module or class member that is a function: its items when python_functions names it a test. */
function testFunctionItems(fn, classes, marks, scope, generateTests, out) {
    if (!matchesPrefixOrGlob(scope.rules.pythonFunctions, fn.name) || fn.fixture)
        return;
    if (fn.isGenerator)
        collectionFails(scope, out, `'yield' keyword is allowed in fixtures, but not in tests (${fn.name})`);
    functionItems(fn, classes, marks, scope, generateTests, out);
}
/** Records the module's collection error and abandons the whole module (caught in itemsOfModule). */
function collectionFails(scope, out, message) {
    out.errors.push({ file: scope.file, message });
    throw new CollectionFailed();
}
class CollectionFailed extends Error {
}
/** Functions of classes imported from another module: the names in their values are that module's. */
const memberOrigin = new WeakMap();
/**
 * The class `name` of a parsed module, bound once and unconditionally, with the classes its bases
 * name (defined there, or imported there from another test module, through `importedFrom`).
 */
function foreignClassOf(mod, name, origin, importedFrom, depth = 0) {
    if (depth > 8)
        return undefined;
    const bound = mod.members.filter((m) => m.name === name);
    if (bound.length !== 1 || bound[0].guard !== undefined)
        return undefined;
    const member = bound[0];
    if (member.kind === 'assign')
        return member.importedFrom !== undefined ? importedFrom(member.importedFrom, name) : undefined;
    if (member.kind !== 'class')
        return undefined;
    const classes = new Map();
    for (const base of member.bases) {
        if (NEUTRAL_BASES.test(base) || stdlib_js_1.BUILTIN_CLASSES.has(base) || UNITTEST_BASE.test(base))
            continue;
        const found = foreignClassOf(mod, base, origin, importedFrom, depth + 1);
        if (!found)
            return undefined;
        for (const [n, c] of found.classes) {
            if ((classes.get(n) ?? c) !== c)
                return undefined;
            classes.set(n, c);
        }
        if ((classes.get(base) ?? found.cls) !== found.cls)
            return undefined;
        classes.set(base, found.cls);
    }
    noteOrigin(member, origin);
    return { cls: member, classes };
}
function noteOrigin(cls, origin) {
    for (const m of cls.members) {
        if (memberOrigin.has(m))
            continue;
        memberOrigin.set(m, origin);
        if (m.kind === 'class')
            noteOrigin(m, origin);
    }
}
/** The items pytest would collect from one parsed module, in pytest's order. */
function itemsOfModule(file, mod, rules, conftest, env, foreign) {
    const out = { items: [], errors: [] };
    if (mod.testAttr === false)
        return out;
    // A conftest hook builds the module's collector: it runs whole, as pytest collects it.
    if (conftest.makesModules)
        return { items: [(0, types_js_1.wholeFileItem)(file, mod.pytestmark)], errors: [] };
    // Importing the module skips it (or may): none of its tests is listed, and it runs whole, as a
    // dynamic item, so that the run reports its skip as pytest does ("1 skipped").
    if (mod.collectIf && (env ? (0, guards_js_1.evaluateGuard)(mod.collectIf, env) : null) !== true) {
        return { items: [(0, types_js_1.wholeFileItem)(file, mod.pytestmark)], errors: [] };
    }
    // Importing it fails (an unconditional import of what the interpreter certainly lacks), or may
    // (a generator passed to parametrize warns on pytest 9.1, an error where warnings are): pytest
    // reports the module's collection error; it runs whole, and the run reports what pytest does.
    // Only a module that is found but lacks the name: one not found may be on a path pytest or a
    // conftest adds (`pythonpath`, `sys.path.insert`).
    const importFails = env !== undefined &&
        mod.requiredImports?.some((g) => g.k === 'imp' && g.name !== undefined && env.importable(g.mod) === true && env.importable(g.mod, g.name) === false) ===
            true;
    if (importFails || (mod.generatorParametrize && rules.warningsAreErrors)) {
        return { items: [(0, types_js_1.wholeFileItem)(file, mod.pytestmark)], errors: [] };
    }
    const classesByName = new Map();
    const parametrizedFixtures = new Set(conftest.parametrizedFixtures);
    const fixtureArgs = new Map(conftest.fixtureArgs);
    const collectFixtures = (members) => {
        for (const m of members) {
            if (m.kind === 'class') {
                collectFixtures(m.members);
            }
            else if (m.kind === 'function' && m.fixture) {
                if (m.fixture.parametrized)
                    parametrizedFixtures.add(m.fixture.name);
                if (m.argnames.length > 0)
                    fixtureArgs.set(m.fixture.name, [...(fixtureArgs.get(m.fixture.name) ?? []), ...m.argnames]);
            }
        }
    };
    for (const m of mod.members)
        if (m.kind === 'class')
            classesByName.set(m.name, m);
    const importedClasses = new Map();
    if (foreign) {
        for (const m of mod.members) {
            if (m.kind !== 'assign' || m.importedFrom === undefined || m.guard !== undefined)
                continue;
            const found = foreign(m.importedFrom, m.name);
            // its bases are looked up by name: a clash with another class leaves it dynamic
            if (!found || [...found.classes].some(([n, c]) => (classesByName.get(n) ?? c) !== c))
                continue;
            for (const [n, c] of found.classes)
                classesByName.set(n, c);
            const cls = found.cls.name === m.name ? found.cls : { ...found.cls, name: m.name };
            classesByName.set(m.name, cls);
            importedClasses.set(m.name, cls);
        }
    }
    collectFixtures(mod.members);
    addRequestingFixtures(parametrizedFixtures, fixtureArgs);
    const benchmarkFixtures = new Set([BENCHMARK_FIXTURE]);
    addRequestingFixtures(benchmarkFixtures, fixtureArgs);
    const scope = {
        file,
        mod,
        classesByName,
        rules,
        parametrizedFixtures,
        benchmarkFixtures,
        generateTests: mod.hasGenerateTests || conftest.hasGenerateTests,
        env,
        fixtureLevels: conftest.fixtureLevels,
        importedClasses,
        objects: { marks: new Map(), disabled: new Set() },
    };
    let bindings;
    try {
        bindings = namespace(mod.members, scope);
        scope.fixtureLevels = [...conftest.fixtureLevels, fixtureLevelOf(bindings, false)];
        if (mod.dynamicReasons.length > 0)
            scope.fixtureLevels[scope.fixtureLevels.length - 1].unknownNames = true;
        for (const binding of bindings)
            memberItems(binding, [], [], scope, scope.generateTests, out);
    }
    catch (e) {
        // a test class whose bases admit no MRO: the module's import raises, it runs whole
        if (e instanceof InconsistentMro)
            return { items: [(0, types_js_1.wholeFileItem)(file, mod.pytestmark)], errors: [] };
        if (!(e instanceof CollectionFailed))
            throw e;
        return { items: [], errors: out.errors };
    }
    if (out.items.length === 0 && mayDefineTestsAtRunTime(mod, bindings, rules)) {
        // Nothing visible to the parser, but the module may still make tests when imported: it
        // runs whole, and whatever pytest would collect from it is reported.
        out.items.push((0, types_js_1.wholeFileItem)(file, mod.pytestmark));
    }
    return out;
}
function mayDefineTestsAtRunTime(mod, bindings, rules) {
    if (mod.dynamicReasons.length > 0)
        return true; // `from x import *`
    return bindings.some(({ member, name }) => member.kind === 'assign' &&
        member.importedFrom === undefined &&
        (matchesPrefixOrGlob(rules.pythonFunctions, name) || matchesPrefixOrGlob(rules.pythonClasses, name)));
}
/**
 * A fixture that requests a parametrized fixture (directly or through others) parametrizes the
 * tests that use it too. Fixtures of the same name anywhere in scope count together: more items
 * dynamic, never fewer.
 */
/** pytest-benchmark's fixture. */
const BENCHMARK_FIXTURE = 'benchmark';
function addRequestingFixtures(parametrized, fixtureArgs) {
    if (parametrized.size === 0)
        return;
    for (let grew = true; grew;) {
        grew = false;
        for (const [name, args] of fixtureArgs) {
            if (!parametrized.has(name) && args.some((a) => a !== name && parametrized.has(a))) {
                parametrized.add(name);
                grew = true;
            }
        }
    }
}
/** Fixture facts of a conftest.py that matter to the modules below it. */
function conftestFacts(mod, dir, origin) {
    const parametrizedFixtures = new Set();
    const fixtureArgs = new Map();
    for (const m of mod.members) {
        if (m.kind === 'function' && m.fixture?.parametrized)
            parametrizedFixtures.add(m.fixture.name);
        if (m.kind === 'function' && m.fixture && m.argnames.length > 0)
            fixtureArgs.set(m.fixture.name, m.argnames);
    }
    // A hook is a module-level function, or a name imported from a plugin module.
    const defines = (hooks) => mod.members.some((m) => (m.kind === 'function' || m.kind === 'assign') && hooks.has(m.name));
    const level = (0, fixtures_js_1.emptyLevel)();
    for (const m of mod.members) {
        if (m.kind === 'function' && m.fixture) {
            const def = (0, fixtures_js_1.fixtureDefOf)(m, m.name, false, m.guard !== undefined, origin);
            (0, fixtures_js_1.addDef)(level, def);
            if (def.params !== undefined)
                level.hasParams = true;
        }
        else if (m.kind === 'assign' && !m.deleted && !m.testDisabled && !SPECIAL_NAMES.has(m.name)) {
            (0, fixtures_js_1.addDef)(level, (0, fixtures_js_1.opaqueDef)(m.name));
            if (m.name === 'pytest_plugins')
                level.unknownNames = true;
        }
    }
    if (mod.dynamicReasons.length > 0)
        level.unknownNames = true;
    const added = (glob, conditional) => (mod.collectIgnoreAdded ?? []).filter((a) => a.glob === glob && (a.guard !== undefined) === conditional).flatMap((a) => a.paths);
    const guarded = (mod.collectIgnoreAdded ?? []).flatMap((a) => a.guard ? a.paths.map((p) => ({ path: (0, node_path_1.resolve)(dir, p), glob: a.glob, guard: a.guard })) : []);
    return {
        fixtureLevels: [level],
        parametrizedFixtures,
        fixtureArgs,
        hasGenerateTests: mod.hasGenerateTests,
        collectsFiles: defines(FILE_COLLECTING_HOOKS),
        makesModules: defines(MODULE_MAKING_HOOKS),
        changesItems: defines(ITEM_CHANGING_HOOKS),
        collectIgnore: [...mod.collectIgnore, ...added(false, false)].map((p) => (0, node_path_1.resolve)(dir, p)),
        collectIgnoreGlob: [...mod.collectIgnoreGlob, ...added(true, false)].map((p) => (0, node_path_1.resolve)(dir, p)),
        ...(guarded.length > 0 ? { collectIgnoreGuarded: guarded } : {}),
    };
}


/***/ }),

/***/ 6977:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.asciiEscapedStr = asciiEscapedStr;
exports.asciiEscapedBytes = asciiEscapedBytes;
exports.argnamesOf = argnamesOf;
exports.expandParametrize = expandParametrize;
const pystr_js_1 = __nccwpck_require__(2560);
const idfunctions_js_1 = __nccwpck_require__(7572);
/** str values: `val.encode("unicode_escape").decode("ascii")`, as pytest's ascii_escaped. */
function asciiEscapedStr(value) {
    let out = '';
    for (const ch of value) {
        const code = ch.codePointAt(0);
        if (ch === '\\')
            out += '\\\\';
        else if (ch === '\t')
            out += '\\t';
        else if (ch === '\n')
            out += '\\n';
        else if (ch === '\r')
            out += '\\r';
        else if (code >= 0x20 && code < 0x7f)
            out += ch;
        else
            out += (0, pystr_js_1.escapeCodePoint)(code);
    }
    return out;
}
/** bytes values: `val.decode("ascii", "backslashreplace")` and then non-printables escaped. */
function asciiEscapedBytes(latin1) {
    let out = '';
    for (const ch of latin1) {
        const code = ch.charCodeAt(0);
        if (ch === '\t')
            out += '\\t';
        else if (ch === '\n')
            out += '\\n';
        else if (ch === '\r')
            out += '\\r';
        else if (code >= 0x20 && code < 0x7f)
            out += ch;
        else
            out += (0, pystr_js_1.escapeCodePoint)(code);
    }
    return out;
}
function escapeText(value, opts) {
    return opts.noEscaping ? value : asciiEscapedStr(value);
}
/** `_idval_from_value`: an id from a value, null when the type gives none, undefined when unknown. */
function idFromValue(value, opts) {
    if (typeof value === 'string')
        return escapeText(value, opts);
    if (value === null)
        return 'None';
    if (typeof value === 'boolean')
        return value ? 'True' : 'False';
    if (typeof value === 'number')
        return String(value);
    switch (value.py) {
        case 'bytes':
            return opts.noEscaping ? value.value : asciiEscapedBytes(value.value);
        case 'int':
        case 'float':
        case 'complex':
            return value.repr;
        case 'name':
            return value.name;
        case 'pattern':
            return asciiEscapedStr(value.pattern);
        case 'tuple':
        case 'list':
        case 'dict':
        case 'set':
        case 'object':
            return null;
        default:
            return undefined;
    }
}
/** `_idval_from_function`, then the value's own id when the callable returns None or an unsupported type; undefined when unknown. */
function idFromFunction(idFunction, unshadowed, value, opts) {
    const returned = idFunction(value, unshadowed);
    if (returned === undefined)
        return undefined;
    const fromReturned = returned === null ? null : idFromValue(returned, opts);
    return fromReturned === null ? idFromValue(value, opts) : fromReturned;
}
function marksOfValue(value) {
    if (value === undefined || value === null)
        return [];
    if (typeof value === 'object' && 'py' in value) {
        if (value.py === 'mark')
            return [value.mark];
        if (value.py === 'list' || value.py === 'tuple') {
            const marks = [];
            for (const item of value.items) {
                if (item === null || typeof item !== 'object' || item.py !== 'mark')
                    return null;
                marks.push(item.mark);
            }
            return marks;
        }
    }
    return null;
}
function isPytestParam(value, pytestAliases) {
    return (value !== null && typeof value === 'object' && value.py === 'call' && (value.func === 'param' || pytestAliases.some((p) => value.func === `${p}.param`)));
}
function argnamesOf(value) {
    if (typeof value === 'string')
        return value
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s.length > 0);
    if (value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple')) {
        const names = [];
        for (const item of value.items) {
            if (typeof item !== 'string')
                return null;
            names.push(item);
        }
        return names;
    }
    return null;
}
/** Ids of one `parametrize(argnames, argvalues, ids=..., ...)` mark, or why they are unknown. */
function expandOne(mark, opts, pytestAliases) {
    if (mark.dynamicArgs && mark.args.length < 2)
        return { dynamic: 'parametrize arguments are not literals' };
    const argnamesValue = mark.args[0] ?? mark.kwargs.argnames;
    const given = mark.args[1] ?? mark.kwargs.argvalues;
    // a dict whose keys are known: parametrize iterates its keys
    const argvaluesValue = given !== null && typeof given === 'object' && given.py === 'dict' && given.keys ? { py: 'list', items: given.keys } : given;
    const argnames = argnamesValue === undefined ? null : argnamesOf(argnamesValue);
    if (argnames === null)
        return { dynamic: 'parametrize argnames are not literal' };
    if (argvaluesValue === undefined ||
        argvaluesValue === null ||
        typeof argvaluesValue !== 'object' ||
        (argvaluesValue.py !== 'list' && argvaluesValue.py !== 'tuple')) {
        return { dynamic: 'parametrize argvalues are not a literal list' };
    }
    const sets = [];
    for (const raw of argvaluesValue.items) {
        let values;
        let id = null;
        let marks = [];
        if (isPytestParam(raw, pytestAliases)) {
            values = raw.args;
            const idValue = raw.kwargs.id;
            if (idValue === undefined || idValue === null)
                id = null;
            else if (typeof idValue === 'string')
                id = escapeText(idValue, opts);
            else
                id = undefined;
            const m = marksOfValue(raw.kwargs.marks);
            if (m === null)
                return { dynamic: 'pytest.param marks are not literal' };
            marks = m;
        }
        else if (argnames.length === 1) {
            values = [raw];
        }
        else if (raw !== null && typeof raw === 'object' && (raw.py === 'tuple' || raw.py === 'list')) {
            values = raw.items;
        }
        else {
            return { dynamic: 'parametrize value is not a literal tuple' };
        }
        if (values.length !== argnames.length)
            return { dynamic: 'parametrize values do not match the argnames' };
        if (id === undefined)
            return { dynamic: 'pytest.param id is not literal' };
        sets.push({ values, id, marks });
    }
    if (sets.length === 0) {
        // pytest turns an empty argvalues into one skipped case with the id "NOTSET".
        return { cases: [{ id: 'NOTSET', marks: [{ name: 'skip', args: [], kwargs: {} }], indices: [0] }] };
    }
    const idsValue = mark.kwargs.ids;
    let ids = null;
    let idFunction = null;
    let unshadowed = false;
    if (idsValue !== null && typeof idsValue === 'object' && idsValue.py === 'name' && idsValue.lambda !== undefined) {
        idFunction = (0, idfunctions_js_1.readIdFunction)(idsValue.lambda);
        unshadowed = idsValue.unshadowed === true;
        if (idFunction === null)
            return { dynamic: 'ids is a callable' };
    }
    else if (idsValue !== undefined && idsValue !== null) {
        if (typeof idsValue !== 'object' || (idsValue.py !== 'list' && idsValue.py !== 'tuple'))
            return { dynamic: 'ids is not a literal list' };
        ids = idsValue.items;
        if (ids.length !== sets.length)
            return { dynamic: 'ids and parameter sets differ in number' };
    }
    const resolved = [];
    for (let idx = 0; idx < sets.length; idx++) {
        const set = sets[idx];
        if (set.id !== null && set.id !== undefined) {
            resolved.push(set.id);
            continue;
        }
        if (ids && ids[idx] !== null) {
            const fromIds = idFromValue(ids[idx], opts);
            if (fromIds === undefined || fromIds === null)
                return { dynamic: 'ids entry is not a literal' };
            resolved.push(fromIds);
            continue;
        }
        const parts = [];
        for (let i = 0; i < argnames.length; i++) {
            const fromValue = idFunction ? idFromFunction(idFunction, unshadowed, set.values[i], opts) : idFromValue(set.values[i], opts);
            if (fromValue === undefined)
                return { dynamic: 'parametrize value is not a literal' };
            parts.push(fromValue === null ? `${argnames[i]}${idx}` : fromValue);
        }
        resolved.push(parts.join('-'));
    }
    return { cases: makeUnique(resolved).map((id, i) => ({ id, marks: sets[i].marks, indices: [i] })) };
}
/** pytest's suffixing of duplicate ids (make_unique_parameterset_ids). */
function makeUnique(ids) {
    const counts = new Map();
    for (const id of ids)
        counts.set(id, (counts.get(id) ?? 0) + 1);
    if (counts.size === ids.length)
        return ids;
    const taken = new Set(ids);
    const suffixes = new Map();
    const result = [...ids];
    for (let index = 0; index < ids.length; index++) {
        const id = ids[index];
        if (counts.get(id) <= 1)
            continue;
        const sep = id.length > 0 && /[0-9]$/.test(id) ? '_' : '';
        let n = suffixes.get(id) ?? 0;
        let candidate = `${id}${sep}${n}`;
        while (taken.has(candidate)) {
            n += 1;
            candidate = `${id}${sep}${n}`;
        }
        result[index] = candidate;
        taken.add(candidate);
        suffixes.set(id, n + 1);
    }
    return result;
}
/**
 * Expands all parametrize marks of an item, given in pytest's iter_markers order (the
 * function's own marks bottom decorator first, then the class's, then the module's).
 */
function expandParametrize(parametrizeMarks, opts, pytestAliases) {
    let cases = [{ id: '', marks: [], indices: [] }];
    let first = true;
    for (const mark of parametrizeMarks) {
        const one = expandOne(mark, opts, pytestAliases);
        if ('dynamic' in one)
            return one;
        const next = [];
        for (const outer of cases) {
            for (const inner of one.cases) {
                next.push({ id: first ? inner.id : `${outer.id}-${inner.id}`, marks: [...outer.marks, ...inner.marks], indices: [...outer.indices, ...inner.indices] });
            }
        }
        cases = next;
        first = false;
    }
    return { cases };
}


/***/ }),

/***/ 9112:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseFile = parseFile;
// Reading, hashing and parsing one test file: the unit of work shared by the main thread and the
// parse worker threads.
const node_fs_1 = __nccwpck_require__(3024);
const inputs_js_1 = __nccwpck_require__(417);
const grammar_js_1 = __nccwpck_require__(6147);
const parse_js_1 = __nccwpck_require__(6985);
async function parseFile(request) {
    const content = (0, node_fs_1.readFileSync)(request.abs);
    const parser = await (0, grammar_js_1.pythonParser)();
    const source = content.toString('utf8');
    return { ...request, hash: (0, inputs_js_1.sha1)(content), parsed: request.importsOnly ? (0, parse_js_1.parseImportsOnly)(parser, source) : (0, parse_js_1.parseModule)(parser, source) };
}


/***/ }),

/***/ 9740:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_BYTES_ON_MAIN_THREAD = void 0;
exports.adoptParseThreads = adoptParseThreads;
exports.parseThreadCount = parseThreadCount;
exports.openParsePool = openParsePool;
// Parses many files at once. With enough files and a bundled worker entry, parse threads (one per
// core) pull batches from one queue and the main thread only receives: parsing on the main thread
// leaves its garbage in the largest heap (the cache, the items), where collecting it costs most.
// Threads the executable started before the main bundle loaded (prestartParseThreads in entry.ts)
// are adopted first; they have compiled the grammar by the time the first files are known.
// Threads parse with the WebAssembly grammar (see grammar.ts), which costs about 1.5x the CPU of
// the native binding: where the native binding loads, the main thread parses alone up to
// MAX_BYTES_ON_MAIN_THREAD, and the executable starts no threads ahead.
const node_fs_1 = __nccwpck_require__(3024);
const node_os_1 = __nccwpck_require__(8161);
const node_path_1 = __nccwpck_require__(6760);
const node_url_1 = __nccwpck_require__(3136);
const node_worker_threads_1 = __nccwpck_require__(5919);
const grammar_js_1 = __nccwpck_require__(6147);
const parse_file_js_1 = __nccwpck_require__(9112);
const thread_count_js_1 = __nccwpck_require__(7358);
/** Below this many files the main thread alone is faster than starting a thread. */
const MIN_FILES_FOR_THREADS = 24;
/**
 * Up to this many bytes to parse, native tree-sitter on the main thread beats the parse threads:
 * cold discover of 10,000 generated tests (100 files, 353 KB) takes 0.77 s of CPU against 1.17 s
 * with two threads, in the same wall time on an idle machine; at 1 MB the CPU is near even and two
 * threads finish sooner (bench/RESULTS.md, "Session 9 — speed").
 */
exports.MAX_BYTES_ON_MAIN_THREAD = 512 * 1024;
const BATCH_FILES = 4;
/** Batches sent ahead to each thread, so that it never waits for the main thread's next turn. */
const BATCHES_IN_FLIGHT = 2;
const adopted = [];
/** Threads started ahead of the main bundle, handed over for the next parse (and ended by it). */
function adoptParseThreads(threads) {
    adopted.push(...threads);
}
/** The bundled worker entry beside dist/main.js; absent when running from src/ (tests), then no threads. */
function parseWorkerEntry() {
    const path = (0, node_path_1.join)((0, node_path_1.dirname)((0, node_url_1.fileURLToPath)(__fastestModuleUrl)), 'parse-worker.js');
    return (0, node_fs_1.existsSync)(path) ? path : null;
}
/** How many parse threads to use (0: the main thread parses alone). */
function parseThreadCount(load) {
    const { files, bytes, forced } = load;
    if (forced !== null)
        return Math.min(forced, files);
    if (bytes <= exports.MAX_BYTES_ON_MAIN_THREAD && load.nativeGrammar)
        return 0;
    if (load.adopted > 0)
        return Math.min(load.adopted, files);
    if (files < MIN_FILES_FOR_THREADS)
        return 0;
    return Math.max(0, Math.min(load.cores, thread_count_js_1.MAX_PARSE_THREADS, Math.floor(files / MIN_FILES_FOR_THREADS)));
}
function threadCount(files, bytes) {
    const forced = (0, thread_count_js_1.forcedParseThreads)(process.env);
    // The native grammar is only loaded (on this thread) when its answer matters.
    const nativeGrammar = forced === null && bytes <= exports.MAX_BYTES_ON_MAIN_THREAD && (0, grammar_js_1.grammarKind)() === 'native';
    return parseThreadCount({ files, bytes, nativeGrammar, adopted: adopted.length, cores: (0, node_os_1.availableParallelism)(), forced });
}
/**
 * Threads for about `files` parses of `bytes` in all (unknown: counted as many): adopted ones
 * first, none when too few files to repay them or the native grammar on this thread is cheaper.
 */
function openParsePool(files, bytes = Number.POSITIVE_INFINITY) {
    const entry = parseWorkerEntry();
    const threads = entry ? threadCount(files, bytes) : 0;
    const workers = adopted.splice(0, threads);
    for (const spare of adopted.splice(0))
        void spare.terminate();
    while (workers.length < threads)
        workers.push(new node_worker_threads_1.Worker(entry));
    for (const worker of workers)
        worker.ref();
    const live = new Set(workers);
    for (const worker of workers) {
        const lost = () => live.delete(worker);
        worker.once('error', lost);
        worker.once('exit', lost);
    }
    return {
        parse: (requests, onParsed, onFailed) => parseWith([...live], requests, onParsed, onFailed),
        close() {
            for (const worker of workers) {
                worker.removeAllListeners();
                void worker.terminate();
            }
        },
    };
}
async function parseWith(workers, requests, onParsed, onFailed = (error) => {
    throw error;
}) {
    const queue = [...requests];
    /** Batches sent and not answered, by thread and batch id. */
    const pending = new Map();
    const leftovers = [];
    let nextBatch = 0;
    let wake = () => { };
    const finished = new Promise((resolve) => {
        wake = resolve;
    });
    const settle = () => {
        if (pending.size === 0)
            leftovers.push(...queue.splice(0));
        const busy = [...pending.values()].some((batches) => batches.size > 0);
        if (!busy && queue.length === 0)
            wake();
    };
    const send = (worker) => {
        const batch = queue.splice(0, BATCH_FILES);
        if (batch.length === 0)
            return;
        const id = nextBatch++;
        pending.get(worker).set(id, batch);
        worker.postMessage({ id, batch });
    };
    const listeners = workers.map((worker) => {
        const onMessage = (reply) => {
            pending.get(worker)?.delete(reply.id);
            for (const outcome of reply.outcomes)
                onParsed(outcome);
            leftovers.push(...reply.unparsed);
            if (pending.has(worker))
                send(worker);
            settle();
        };
        // A thread that fails or ends without answering hands what it held back to the main thread.
        const onLost = () => {
            const held = pending.get(worker);
            if (!held)
                return;
            pending.delete(worker);
            for (const batch of held.values())
                leftovers.push(...batch);
            settle();
        };
        return { worker, onMessage, onLost };
    });
    for (const { worker, onMessage, onLost } of listeners) {
        pending.set(worker, new Map());
        worker.on('message', onMessage);
        worker.on('error', onLost);
        worker.on('exit', onLost);
        for (let i = 0; i < BATCHES_IN_FLIGHT; i++)
            send(worker);
    }
    try {
        if (workers.length > 0) {
            settle();
            await finished;
        }
        // Without threads, or for what they handed back or held when they were lost.
        for (const request of workers.length > 0 ? leftovers : queue) {
            let outcome;
            try {
                outcome = await (0, parse_file_js_1.parseFile)(request);
            }
            catch (error) {
                onFailed(error);
                continue;
            }
            onParsed(outcome);
        }
    }
    finally {
        for (const { worker, onMessage, onLost } of listeners) {
            worker.off('message', onMessage);
            worker.off('error', onLost);
            worker.off('exit', onLost);
        }
    }
}


/***/ }),

/***/ 6985:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseModule = parseModule;
exports.parseImportsOnly = parseImportsOnly;
const guards_js_1 = __nccwpck_require__(4050);
const import_refs_js_1 = __nccwpck_require__(4384);
const pyliteral_js_1 = __nccwpck_require__(9692);
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

/***/ 9692:
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
const pystr_js_1 = __nccwpck_require__(2560);
Object.defineProperty(exports, "pyFloatRepr", ({ enumerable: true, get: function () { return pystr_js_1.pyFloatRepr; } }));
const stdlib_js_1 = __nccwpck_require__(8780);
const regex_js_1 = __nccwpck_require__(5637);
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

/***/ 5637:
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

/***/ 8780:
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

/***/ 4725:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.coloramaString = coloramaString;
exports.stringExpression = stringExpression;
const grammar_js_1 = __nccwpck_require__(6147);
const pyliteral_js_1 = __nccwpck_require__(9692);
/** colorama/ansi.py's statements that make the codes, whitespace-normalized. */
const ANSI_STATEMENTS = [
    "CSI = '\\033['",
    "def code_to_chars(code): return CSI + str(code) + 'm'",
    'class AnsiCodes(object): def __init__(self): ' +
        '# the subclasses declare class attributes which are numbers. ' +
        '# Upon instantiation we define instance attributes, which are the same ' +
        '# as the class attributes but wrapped with the ANSI escape sequence ' +
        "for name in dir(self): if not name.startswith('_'): value = getattr(self, name) setattr(self, name, code_to_chars(value))",
];
const squeeze = (text) => text.replace(/\s+/g, ' ');
/** Per ansi.py text: whether its codes are made as read here. */
const checkedTexts = new Map();
function ansiText(scope) {
    const own = scope.env.locate?.(null);
    const ansi = own ? scope.env.locate?.('colorama.ansi', own.file) : undefined;
    const init = own ? scope.env.locate?.('colorama', own.file) : undefined;
    if (!ansi || !init)
        return null;
    let ok = checkedTexts.get(ansi.text);
    if (ok === undefined) {
        const flat = squeeze(ansi.text);
        ok = ANSI_STATEMENTS.every((statement) => flat.includes(statement)) && !/\bsetattr\b[\s\S]*\bsetattr\b/.test(ansi.text);
        if (checkedTexts.size > 64)
            checkedTexts.clear();
        checkedTexts.set(ansi.text, ok);
    }
    // the package binds the instances from .ansi and nothing else of those names
    if (!ok || !/^from \.ansi import Fore, Back, Style, Cursor$/m.test(init.text) || /^\s*(Fore|Back|Style)\s*=/m.test(init.text))
        return null;
    return ansi.text;
}
/** `Fore.RED`, `Back.LIGHTGREEN_EX`, `Style.RESET_ALL` (imported from colorama): its str, or null. */
function coloramaString(dotted, scope) {
    const parts = dotted.split('.');
    if (parts.length !== 2)
        return null;
    const [head, attr] = parts;
    const bound = scope.imports[head];
    const m = bound === undefined ? null : /^colorama(?:\.ansi)?:(Fore|Back|Style)$/.exec(bound);
    if (!m || attr.startsWith('_'))
        return null;
    const text = ansiText(scope);
    if (text === null)
        return null;
    // `Fore = AnsiFore()`, once; the class's `ATTR = int` at its body's indentation, once
    const instance = [...text.matchAll(new RegExp(`^${m[1]}[ \\t]*=[ \\t]*(\\w+)\\(\\)[ \\t]*$`, 'gm'))];
    if (instance.length !== 1 || new RegExp(`^${m[1]}\\b`, 'gm').exec(text.replace(instance[0][0], '')) !== null)
        return null;
    const cls = instance[0][1];
    const body = new RegExp(`^class ${cls}\\(AnsiCodes\\):\\n((?:[ \\t]+[^\\n]*\\n|\\n)*)`, 'm').exec(text)?.[1];
    if (!body)
        return null;
    const codes = [...body.matchAll(new RegExp(`^[ \\t]+${attr}[ \\t]*=[ \\t]*(\\d+)[ \\t]*$`, 'gm'))];
    if (codes.length !== 1 || new RegExp(`\\b${attr}\\b`).test(body.replace(codes[0][0], '')))
        return null;
    return `\x1b[${Number(codes[0][1])}m`;
}
/** Parsed expression sources (short, and few per discovery). */
const expressions = new Map();
function expressionOf(source) {
    if (expressions.has(source))
        return expressions.get(source);
    const parser = (0, grammar_js_1.readyPythonParser)();
    const tree = parser ? parser.parse(`(${source})\n`) : null;
    const statement = tree && !tree.rootNode.hasError ? tree.rootNode.namedChildren[0] : null;
    const expression = statement?.type === 'expression_statement' ? (statement.namedChildren[0] ?? null) : null;
    if (expressions.size > 4096)
        expressions.clear();
    expressions.set(source, expression);
    return expression;
}
/**
 * `"a" + Fore.RED + "b"`, `"x %s" % NAME`: str literals, colorama codes and names of certain value
 * joined by `+` and `%` (`%s` and `%%` only); its str, or null.
 */
function stringExpression(source, scope, nameValue) {
    if (!/\b(Fore|Back|Style)\.|%/.test(source))
        return null;
    const node = expressionOf(source);
    const value = node ? evaluate(node, scope, nameValue) : null;
    return typeof value === 'string' ? value : null;
}
function evaluate(node, scope, nameValue) {
    switch (node.type) {
        case 'parenthesized_expression': {
            const inner = node.namedChildren.filter((c) => c !== null && c.type !== 'comment');
            return inner.length === 1 ? evaluate(inner[0], scope, nameValue) : null;
        }
        case 'binary_operator': {
            const left = node.childForFieldName('left');
            const right = node.childForFieldName('right');
            const op = node.childForFieldName('operator')?.text;
            if (!left || !right || (op !== '+' && op !== '%'))
                return null;
            const a = evaluate(left, scope, nameValue);
            if (typeof a !== 'string')
                return null;
            if (op === '%')
                return percentFormat(a, right, scope, nameValue);
            const b = evaluate(right, scope, nameValue);
            return typeof b === 'string' ? a + b : null;
        }
        case 'string':
        case 'concatenated_string':
        case 'integer': {
            const value = (0, pyliteral_js_1.readLiteral)(node, (0, pyliteral_js_1.emptyLiteralContext)());
            return typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value)) ? value : null;
        }
        case 'attribute':
            return coloramaString(node.text, scope);
        case 'identifier':
            return nameValue(node.text) ?? null;
        default:
            return null;
    }
}
/** `template % args` where the template's directives are `%s` (one per argument) and `%%`. */
function percentFormat(template, right, scope, nameValue) {
    const parts = right.type === 'tuple' ? right.namedChildren.filter((c) => c !== null && c.type !== 'comment') : [right];
    const args = [];
    for (const part of parts) {
        const value = evaluate(part, scope, nameValue);
        if (value === null)
            return null;
        args.push(String(value));
    }
    let used = 0;
    let failed = false;
    const out = template.replace(/%(.?)/g, (_, directive) => {
        if (directive === '%')
            return '%';
        if (directive !== 's' || used >= args.length)
            failed = true;
        return args[used++] ?? '';
    });
    return failed || used !== args.length ? null : out;
}


/***/ }),

/***/ 7358:
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

/***/ 3502:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.resolveValue = resolveValue;
const grammar_js_1 = __nccwpck_require__(6147);
const guards_js_1 = __nccwpck_require__(4050);
const pyliteral_js_1 = __nccwpck_require__(9692);
const stdlib_js_1 = __nccwpck_require__(8780);
const strexpr_js_1 = __nccwpck_require__(4725);
/** Standard-library classes whose instances have no `__name__` and are no str, number, enum or pattern. */
const PLAIN_STDLIB_CLASSES = new Set([
    'datetime.datetime',
    'datetime.date',
    'datetime.time',
    'datetime.timedelta',
    'datetime.timezone',
    'datetime.tzinfo',
    'decimal.Decimal',
    'fractions.Fraction',
    'functools.partial',
    'collections.OrderedDict',
    'collections.defaultdict',
    'collections.deque',
    'collections.Counter',
    'collections.UserDict',
    'collections.UserList',
    'pathlib.Path',
    'pathlib.PurePath',
    'pathlib.PosixPath',
    'pathlib.PurePosixPath',
    'pathlib.PureWindowsPath',
    'uuid.UUID',
    'io.StringIO',
    'io.BytesIO',
    'abc.ABC',
    'typing.Generic',
    'typing.Protocol',
    'typing.NamedTuple',
    'logging.Handler',
    'logging.Filter',
    'logging.Formatter',
    'logging.StreamHandler',
    'json.JSONEncoder',
    'collections.abc.Mapping',
    'collections.abc.MutableMapping',
    'collections.abc.Sequence',
    'collections.abc.Iterable',
    'collections.abc.Iterator',
    'collections.abc.Set',
    'collections.abc.MutableSet',
    'collections.abc.Sized',
    'collections.abc.Container',
    'collections.abc.Hashable',
]);
/** Class decorators that return the class itself (or one of the same name and kind). */
const KEEPING_CLASS_DECORATORS = /^@\s*(dataclass(es\.dataclass)?|functools\.total_ordering|total_ordering|attrs?\.(s|attrs|define|frozen|mutable))\b/;
/** In a class body, what could give its instances a `__name__`, or make calling it return something else. */
const NAME_GIVING = /\b__name__\s*[:=]|def\s+__name__\b|__getattr__|__getattribute__|__new__|__dict__|setattr\(|metaclass|__init_subclass__/;
const MAX_DEPTH = 8;
function escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Bindings found per module text and name (texts are read once per discovery, so few and long-lived). */
const bindings = new Map();
const MAX_MEMO_TEXTS = 512;
/** The one statement binding `name` in a module's text; null when none, undefined when more than one or not at the top level. */
function bindingOf(text, name) {
    let perText = bindings.get(text);
    if (!perText) {
        if (bindings.size >= MAX_MEMO_TEXTS)
            bindings.clear();
        perText = new Map();
        bindings.set(text, perText);
    }
    if (perText.has(name))
        return perText.get(name);
    const found = findBinding(text, name);
    perText.set(name, found);
    return found;
}
function findBinding(text, name) {
    const n = escapeRe(name);
    const re = new RegExp(`^([ \\t]*)(?:(class|(?:async[ \\t]+)?def)[ \\t]+${n}\\b|${n}[ \\t]*(?::[^=\\n]*)?=(?!=)|(from[ \\t]+\\S+[ \\t]+import\\b[^\\n]*\\b${n}\\b|import[ \\t]+[^\\n]*\\bas[ \\t]+${n}\\b))`, 'gm');
    let found = null;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        // a function's binding is its own, unless it declares the name `global`
        if (m[1] !== '' && insideClassOrDef(text, m.index, m[1].length) && !new RegExp(`\\bglobal\\b[^\\n]*\\b${n}\\b`).test(text))
            continue;
        if (m[1] !== '' || found !== null)
            return undefined;
        found = { kind: m[2] === 'class' ? 'class' : m[2] ? 'def' : m[3] ? 'import' : 'other', index: m.index };
    }
    // a parenthesized `from x import (\n  a,\n  name,\n)` binds it too
    const multi = new RegExp(`^from[ \\t]+\\S+[ \\t]+import[ \\t]*\\(([^)]*)\\)`, 'gm');
    for (let m = multi.exec(text); m !== null; m = multi.exec(text)) {
        if (!new RegExp(`\\b${n}\\b`).test(m[1]) || (found !== null && found.index === m.index))
            continue;
        if (found !== null)
            return undefined;
        found = { kind: 'import', index: m.index };
    }
    if (found === null && /^from[ \t]+\S+[ \t]+import[ \t]+\*|^def __getattr__/m.test(text))
        return undefined;
    return found;
}
/**
 * Whether the line at `index` (indented by `indent`) lies in a class or function body: the
 * lines that open its enclosing blocks, found by lesser indentation, include a `class` or `def`.
 * A binding there is no module-level one. (A multi-line string or bracket at lesser indentation
 * reads as another block, which only makes the binding count as module-level.)
 */
function insideClassOrDef(text, index, indent) {
    let width = indent;
    let end = index;
    while (width > 0 && end > 0) {
        const start = text.lastIndexOf('\n', end - 2) + 1;
        const line = text.slice(start, end - 1);
        end = start;
        const body = line.trimStart();
        if (body === '' || body.startsWith('#'))
            continue;
        const lineIndent = line.length - body.length;
        if (lineIndent >= width)
            continue;
        if (/^(class|def|async[ \t]+def)\b/.test(body))
            return true;
        width = lineIndent;
    }
    return false;
}
/** `from M import A as name` (plain or parenthesized) at `index`: `M` and `A`. */
function importedAt(text, index, name) {
    const head = /^from[ \t]+(\S+)[ \t]+import[ \t]*(\(([^)]*)\)|[^\n]*)/.exec(text.slice(index));
    if (!head)
        return null;
    const names = (head[3] ?? head[2])
        .replace(/#[^\n]*/g, '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    for (const entry of names) {
        const m = /^(\w+)(?:\s+as\s+(\w+))?$/.exec(entry);
        if (m && (m[2] ?? m[1]) === name)
            return { module: head[1], attr: m[1] };
    }
    return null;
}
/** The dotted name `path` (`Foo`, `mod.Foo`) as bound in the module `text` at `file`. */
function lookup(env, file, text, imports, path, depth) {
    if (depth > MAX_DEPTH || path.length === 0)
        return undefined;
    const [head, ...rest] = path;
    if (imports !== null && imports[head] !== undefined)
        return followImport(env, file, imports[head], rest, depth);
    const binding = bindingOf(text, head);
    // `import head` / `import head.sub` at the top level (and nothing else binding it): the module
    if (binding === null && new RegExp(`^import[ \\t]+(?:[\\w.]+[ \\t]*,[ \\t]*)*${escapeRe(head)}(?:\\.[\\w.]+)?[ \\t]*(?:,[^\\n]*)?$`, 'm').test(text))
        return followImport(env, file, head, rest, depth);
    if (!binding)
        return undefined;
    if (binding.kind === 'import') {
        const from = importedAt(text, binding.index, head);
        if (from)
            return followImport(env, file, `${from.module}:${from.attr}`, rest, depth);
        // `import a.b as head`
        const plain = new RegExp(`^import[ \\t]+([A-Za-z_][\\w.]*)[ \\t]+as[ \\t]+${escapeRe(head)}[ \\t]*(?:#[^\\n]*)?$`, 'm').exec(text.slice(binding.index));
        return plain && plain.index === 0 ? followImport(env, file, plain[1], rest, depth) : undefined;
    }
    if (binding.kind === 'class' && rest.length === 1)
        return enumMember(text, binding.index, head, rest[0]) ?? otherEnumMember(env, text, binding.index, head, rest[0]);
    if (binding.kind === 'other' && rest.length === 0) {
        // `NAME = Other.MEMBER` (annotated or not): what that dotted name is
        const alias = new RegExp(`^${escapeRe(head)}[ \\t]*(?::[^=\\n]*)?=[ \\t]*([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)[ \\t]*(?:#[^\\n]*)?$`, 'm').exec(text.slice(binding.index));
        if (alias && alias.index === 0)
            return lookup(env, file, text, null, alias[1].split('.'), depth + 1);
    }
    if (binding.kind === 'other' && rest.length === 1)
        return boundMethod(env, file, text, binding.index, head, rest[0], depth);
    if (rest.length > 0)
        return undefined;
    if (binding.kind === 'class') {
        // decorators above it must keep the class
        const before = text.slice(0, binding.index).split('\n');
        before.pop();
        for (let i = before.length - 1; i >= 0 && before[i].startsWith('@'); i--)
            if (!KEEPING_CLASS_DECORATORS.test(before[i]) && !attrsClassDecorator(before[i], text, file))
                return undefined;
        return { kind: 'class', name: head, file, text, start: binding.index };
    }
    if (binding.kind === 'other')
        return (namedTupleClass(text, binding.index, head, file) ??
            attrsMadeClass(env, text, binding.index, head, file) ??
            cmpUsingClass(env, text, binding.index, head, file) ??
            projectFunctionClass(env, text, binding.index, head, file, depth));
    if (binding.kind === 'def') {
        const before = text.slice(0, binding.index).split('\n');
        before.pop();
        if (before.length > 0 && before[before.length - 1].startsWith('@'))
            return undefined;
        return { kind: 'function', name: head };
    }
    return undefined;
}
/** What in an Enum's body changes its members' `str()` or which names are members. */
const ENUM_CUSTOMIZING = /__str__|__format__|__new__|_missing_|_ignore_|_generate_next_value_|metaclass|__init_subclass__|__getattr__/;
/** An enum class's bases, body and members as written (`NAME = value` at its body's indentation, in order); undefined when decorated or customized. */
function enumMembers(text, start) {
    const before = text.slice(0, start).split('\n');
    before.pop();
    if (before.length > 0 && before[before.length - 1].startsWith('@'))
        return undefined;
    const parts = classParts(text, start);
    if (!parts || ENUM_CUSTOMIZING.test(parts.body))
        return undefined;
    const indent = /\n([ \t]+)\S/.exec(parts.body)?.[1];
    if (!indent)
        return undefined;
    const names = [];
    const written = [];
    const assignment = new RegExp(`^${indent}([A-Za-z_]\\w*)[ \\t]*=[ \\t]*([^\\n]*?)[ \\t]*(?:#[^\\n]*)?$`, 'gm');
    for (let m = assignment.exec(parts.body); m !== null; m = assignment.exec(parts.body)) {
        if (m[1].startsWith('_') || names.includes(m[1]))
            return undefined;
        names.push(m[1]);
        written.push(m[2]);
    }
    return { ...parts, indent, names, written };
}
/**
 * `Class.MEMBER` where Class derives from `enum.Enum` alone and MEMBER is one of its members, not
 * an alias: its members are assigned one each, all `object()`, all `auto()`, or all distinct str or
 * int literals (equal values would make the later name an alias of the first).
 */
function enumMember(text, start, cls, member) {
    const members = enumMembers(text, start);
    if (!members || members.bases.length !== 1 || !isEnumBase(text, members.bases[0]) || !members.names.includes(member))
        return undefined;
    const all = members.written;
    const kinds = [/^object\(\)$/, /^(enum\.)?auto\(\)$/, /^"[\w .-]*"$|^'[\w .-]*'$/, /^-?[1-9]\d*$|^0$/];
    const kind = kinds.find((re) => all.every((v) => re.test(v)));
    if (!kind)
        return undefined;
    if (kind === kinds[2] || kind === kinds[3]) {
        const literal = all.map((v) => (kind === kinds[2] ? v.slice(1, -1) : v));
        if (new Set(literal).size !== literal.length)
            return undefined;
    }
    return { kind: 'enum member', name: `${cls}.${member}` };
}
/**
 * `Class.MEMBER` of an enum whose members' `str()` is their value, or a `Flag` of `auto()` members
 * (`str()` is `Class.MEMBER`): `IntEnum`/`IntFlag` (int literals or `auto()`: their `str()` is the
 * value from Python 3.11), `StrEnum` (3.11+; str literals, or `auto()`: the lowercased name), and
 * `(str, Enum)` with str literals (a str: pytest's id is its text, on every version). Other mixins,
 * custom `__str__`, aliases where the name matters: undefined.
 */
function otherEnumMember(env, text, start, cls, member) {
    const members = enumMembers(text, start);
    if (!members)
        return undefined;
    const { bases, body, indent, names, written } = members;
    const kind = bases.length === 1
        ? ['IntEnum', 'IntFlag', 'StrEnum', 'Flag'].find((name) => isEnumBase(text, bases[0], name))
        : bases.length === 2 && bases[0] === 'str' && bindingOf(text, 'str') === null && isEnumBase(text, bases[1], 'Enum')
            ? 'str mixin'
            : undefined;
    if (!kind)
        return undefined;
    const version = env.facts()?.version_info;
    const modern = version !== undefined && (version[0] > 3 || (version[0] === 3 && version[1] >= 11));
    if (kind !== 'Flag' && kind !== 'str mixin' && !modern)
        return undefined;
    // every statement at the members' indentation is read: an annotated or unpacking one would shift auto()'s values
    const statementsAt = body.split('\n').filter((line) => line.startsWith(indent) && /^\S/.test(line.slice(indent.length)));
    if (!statementsAt.every((line) => /^[ \t]*(def |async def |@|#|pass\b|"""|'''|[A-Za-z_]\w*[ \t]*=[^=])/.test(line)))
        return undefined;
    const at = names.indexOf(member);
    if (at < 0)
        return undefined;
    const auto = written.every((v) => /^(enum\.)?auto\(\)$/.test(v));
    if (kind === 'Flag')
        return auto ? { kind: 'enum member', name: `${cls}.${member}` } : undefined;
    if (kind === 'IntEnum' || kind === 'IntFlag') {
        if (auto)
            return { kind: 'value', value: kind === 'IntEnum' ? at + 1 : 2 ** at };
        return written.every((v) => /^-?[1-9]\d{0,14}$|^0$/.test(v)) ? { kind: 'value', value: Number(written[at]) } : undefined;
    }
    if (kind === 'StrEnum' && auto)
        return { kind: 'value', value: member.toLowerCase() };
    return written.every((v) => /^"[\w .-]*"$|^'[\w .-]*'$/.test(v)) ? { kind: 'value', value: written[at].slice(1, -1) } : undefined;
}
/** Whether a class's base (as written in `text`) is `enum.Enum`. */
function isEnumBase(text, base, enumClass = 'Enum') {
    if (base === `enum.${enumClass}`)
        return /^import[ \t]+enum[ \t]*$/m.test(text);
    if (base !== enumClass)
        return false;
    const binding = bindingOf(text, enumClass);
    if (binding?.kind !== 'import')
        return false;
    const from = importedAt(text, binding.index, enumClass);
    return from?.module === 'enum' && from.attr === enumClass;
}
/**
 * `Name = namedtuple("Name", ...)` (from collections): a class named by its first argument whose
 * instances are tuples (field names can't start with an underscore, so none is `__name__`).
 */
function namedTupleClass(text, index, name, file) {
    const m = new RegExp(`^${escapeRe(name)}[ \\t]*=[ \\t]*(collections\\.)?namedtuple\\(\\s*(["'])(\\w+)\\2\\s*,`).exec(text.slice(index));
    if (!m)
        return undefined;
    const imported = bindingOf(text, 'namedtuple');
    const fromCollections = m[1]
        ? /^import[ \t]+collections[ \t]*$/m.test(text)
        : imported?.kind === 'import' && importedAt(text, imported.index, 'namedtuple')?.module === 'collections';
    if (!fromCollections)
        return undefined;
    return { kind: 'class', name: m[3], file, text, start: -1 };
}
/**
 * `Name = attr.make_class("Name", [...], ...)` (attrs' own, through `import attr`, `import attrs` or
 * `from attr(s) import make_class`): a class named by its first argument, which make_class passes to
 * `types.new_class(name, bases, ...)`; only without `bases` (a base's metaclass could rename it).
 * What calling it gives is not proven (its fields could make a `__name__`).
 */
function attrsMadeClass(env, text, index, name, file) {
    const m = new RegExp(`^${escapeRe(name)}[ \\t]*=[ \\t]*(?:(attrs?)\\.)?make_class\\(\\s*(["'])(\\w+)\\2\\s*,([^()]*)\\)`).exec(text.slice(index));
    if (!m)
        return undefined;
    const [, prefix, , className, rest] = m;
    const others = topLevelParts(rest).slice(1);
    if (others.some((part) => !/^\w+\s*=/.test(part) || /^(bases|class_body)\s*=/.test(part)))
        return undefined;
    if (prefix) {
        if (bindingOf(text, prefix) !== null || !new RegExp(`^import[ \\t]+${prefix}[ \\t]*(?:#[^\\n]*)?$`, 'm').test(text))
            return undefined;
    }
    else {
        const imported = bindingOf(text, 'make_class');
        const from = imported?.kind === 'import' ? importedAt(text, imported.index, 'make_class') : null;
        if (!from || (from.module !== 'attr' && from.module !== 'attrs') || from.attr !== 'make_class')
            return undefined;
    }
    // attrs' make_class, as installed (or as the project itself, in attrs' own checkout)
    const made = env.locate?.('attr._make', file);
    if (!made || !/^def make_class\(\s*name,/m.test(made.text) || !/types\.new_class\(name, bases\b/.test(made.text))
        return undefined;
    return { kind: 'class', name: className, file, text, start: -1, opaqueInstances: true };
}
function followImport(env, fromFile, bound, rest, depth) {
    const colon = bound.indexOf(':');
    const module = colon < 0 ? bound : bound.slice(0, colon);
    const attr = colon < 0 ? null : bound.slice(colon + 1);
    if (attr === null) {
        // `import a` (or `import a.b as c`): the module object, then attributes of it
        if (rest.length === 0)
            return !module.startsWith('.') && !module.includes('.') && (stdlib_js_1.STDLIB_MODULES.has(module) || env.locate?.(module, fromFile))
                ? { kind: 'module', name: module }
                : undefined;
        if (stdlib_js_1.STDLIB_MODULES.has(module.split('.')[0]))
            return stdlibFound(`${module}.${rest.join('.')}`);
        const target = env.locate?.(module, fromFile);
        if (!target)
            return undefined;
        // `import pkg.sub` then `pkg.sub.Name`: a submodule the package's __init__ does not bind
        if (rest.length > 1 && target.package && bindingOf(target.text, rest[0]) === null) {
            // only where the importing module imports that submodule itself (else the attribute may be missing)
            const importing = env.locate?.(null, fromFile);
            const sub0 = escapeRe(`${module}.${rest[0]}`);
            if (!importing || !new RegExp(`^import[ \\t]+${sub0}[ \\t]*$|^from[ \\t]+${sub0}[ \\t.]`, 'm').test(importing.text))
                return undefined;
            const sub = env.locate?.(`${module}.${rest[0]}`, fromFile);
            return sub ? lookup(env, sub.file, sub.text, null, rest.slice(1), depth + 1) : undefined;
        }
        return lookup(env, target.file, target.text, null, rest, depth + 1);
    }
    if (stdlib_js_1.STDLIB_MODULES.has(module.split('.')[0]) && !module.startsWith('.'))
        return stdlibFound([module, attr, ...rest].join('.'));
    const target = env.locate?.(module, fromFile);
    if (!target)
        return undefined;
    const binding = target.package ? bindingOf(target.text, attr) : undefined;
    const from = binding?.kind === 'import' ? importedAt(target.text, binding.index, attr) : null;
    // `from pkg import sub`: a submodule the package's __init__ does not bind (or binds with `from . import sub`)
    const submodule = binding === null || (from !== null && from.module === '.' && from.attr === attr);
    if (!submodule)
        return lookup(env, target.file, target.text, null, [attr, ...rest], depth + 1);
    const sub = env.locate?.(`${module}.${attr}`, fromFile);
    if (!sub)
        return undefined;
    if (rest.length === 0)
        return module.startsWith('.') ? undefined : { kind: 'module', name: `${module}.${attr}` };
    return lookup(env, sub.file, sub.text, null, rest, depth + 1);
}
/**
 * `obj.attr` where the module binds `obj = Class(...)` once, Class has no base and nothing that
 * changes attribute lookup, its body binds `attr` once, by a `def` (maybe a `@staticmethod` or
 * `@classmethod`), and neither module assigns an attribute of that name: a bound method (or the
 * function), whose `__name__` is the def's (loguru's `logger.add`).
 */
function boundMethod(env, file, text, index, name, attr, depth) {
    const made = new RegExp(`^${escapeRe(name)}[ \\t]*=[ \\t]*([A-Za-z_][\\w.]*)\\(`).exec(text.slice(index));
    // `x.attr = ...`, `x.attr += ...`, `x.attr, y = ...`
    const assigned = new RegExp(`\\.${escapeRe(attr)}[ \\t]*(?:[-+*/|&]?=(?!=)|,[^\\n=]*=(?!=))`);
    if (!made || assigned.test(text))
        return undefined;
    const cls = lookup(env, file, text, null, made[1].split('.'), depth + 1);
    if (cls?.kind !== 'class' || cls.start < 0 || assigned.test(cls.text))
        return undefined;
    const members = classTopLines(cls.text, cls.start);
    if (!members)
        return undefined;
    const a = escapeRe(attr);
    const def = new RegExp(`^(?:async[ \\t]+)?def[ \\t]+${a}[ \\t]*\\(`);
    const otherBinding = new RegExp(`^(?:class[ \\t]+${a}\\b|(?:from|import|for|with|del)\\b[^\\n]*\\b${a}\\b|[\\w, \\t]*\\b${a}[ \\t]*(?:,|:|[-+*/|&]?=(?!=)))`);
    const defs = members.flatMap((line, i) => (def.test(line) ? [i] : []));
    if (defs.length !== 1 || members.some((line) => otherBinding.test(line)))
        return undefined;
    // its decorators (comments between them read past)
    for (let i = defs[0] - 1; i >= 0 && /^[@#]/.test(members[i]); i--)
        if (!/^(#.*|@(staticmethod|classmethod)[ \t]*(#.*)?)$/.test(members[i]))
            return undefined;
    return { kind: 'function', name: attr };
}
/** classTopLines' answers per class (text and start): a class is asked for each of its attributes. */
const topLines = new Map();
/**
 * The statements' first lines at a class body's own indentation (indentation removed), for a class
 * with no base (or `object`) and nothing that changes attribute lookup; null otherwise.
 */
function classTopLines(text, start) {
    let perText = topLines.get(text);
    if (!perText) {
        if (topLines.size >= MAX_MEMO_TEXTS)
            topLines.clear();
        perText = new Map();
        topLines.set(text, perText);
    }
    const known = perText.get(start);
    if (known !== undefined)
        return known;
    const parts = classParts(text, start);
    const indent = parts ? /\n([ \t]+)\S/.exec(parts.body)?.[1] : undefined;
    const plain = parts &&
        indent &&
        (parts.bases.length === 0 || (parts.bases.length === 1 && parts.bases[0] === 'object')) &&
        !/__getattr__|__getattribute__|__dict__|__class__|setattr\(|metaclass/.test(parts.body);
    const lines = plain
        ? parts.body.split('\n').flatMap((line) => (line.startsWith(indent) && /^\S/.test(line.slice(indent.length)) ? [line.slice(indent.length)] : []))
        : null;
    perText.set(start, lines);
    return lines;
}
/** Standard-library classmethods that return an instance of a class of PLAIN_STDLIB_CLASSES. */
const PLAIN_STDLIB_FACTORIES = new Set(['datetime.datetime.now', 'datetime.datetime.utcnow', 'datetime.date.today', 'datetime.datetime.today']);
/** Standard-library objects with no id of their own (under capture, pytest's stand-ins, nameless too). */
const PLAIN_STDLIB_OBJECTS = new Set(['sys.stdin', 'sys.stdout', 'sys.stderr', 'sys.stdout.buffer', 'sys.stderr.buffer']);
function stdlibFound(dotted) {
    if (PLAIN_STDLIB_OBJECTS.has(dotted))
        return { kind: 'instance', name: dotted };
    // a constructor classmethod: its `__name__` is the method's; calling it gives a plain instance
    if (PLAIN_STDLIB_FACTORIES.has(dotted))
        return { kind: 'class', name: dotted.slice(dotted.lastIndexOf('.') + 1), file: '', text: '', start: -1 };
    return PLAIN_STDLIB_CLASSES.has(dotted) ? { kind: 'class', name: dotted.slice(dotted.lastIndexOf('.') + 1), file: '', text: '', start: -1 } : undefined;
}
/** The comma-separated parts of a list, split only outside brackets (`Generic[A, B], ABC`). */
function topLevelParts(list) {
    const parts = [];
    let depth = 0;
    let current = '';
    for (const ch of list) {
        if (ch === '(' || ch === '[' || ch === '{')
            depth++;
        else if (ch === ')' || ch === ']' || ch === '}')
            depth--;
        if (ch === ',' && depth === 0) {
            parts.push(current);
            current = '';
        }
        else
            current += ch;
    }
    parts.push(current);
    return parts.map((p) => p.trim()).filter(Boolean);
}
/** The text of a class statement from `start`: its header (bases) and its indented body. */
function classParts(text, start) {
    let i = text.indexOf('class', start) + 5;
    let depth = 0;
    let header = '';
    for (; i < text.length; i++) {
        const ch = text[i];
        if (ch === '(' || ch === '[')
            depth++;
        else if (ch === ')' || ch === ']')
            depth--;
        else if (ch === ':' && depth === 0)
            break;
        header += ch;
    }
    const open = header.indexOf('(');
    const bases = open < 0 ? [] : topLevelParts(header.slice(open + 1, header.lastIndexOf(')')).replace(/#[^\n]*/g, ''));
    const after = text.slice(i + 1);
    const end = after.search(/\n(?=[^\s#])/);
    return { bases, body: end < 0 ? after : after.slice(0, end) };
}
/** Whether calling the class surely gives an instance without `__name__` that is no str, number, enum or pattern. */
function isPlainClass(env, found, depth, proven) {
    if (found.opaqueInstances)
        return false;
    if (found.start < 0)
        return true; // a listed standard-library class or a namedtuple
    const key = `${found.file}\0${found.start}`;
    // a base reached twice (a diamond) keeps its answer; one reached while it is checked is a cycle
    const known = proven.get(key);
    if (known !== undefined)
        return known;
    if (depth > MAX_DEPTH)
        return false;
    proven.set(key, false);
    const parts = classParts(found.text, found.start);
    if (!parts || NAME_GIVING.test(parts.body))
        return false;
    const plain = parts.bases.every((written) => {
        if (written.includes('=') || written.startsWith('*'))
            return false; // metaclass=, **kwargs
        // `Base[T]` (a generic alias) subclasses Base itself (its __mro_entries__)
        const base = written.replace(/\s*\[[\s\S]*\]$/, '');
        if (stdlib_js_1.PLAIN_BUILTIN_CLASSES.has(base) && bindingOf(found.text, base) === null)
            return true;
        if (!/^[A-Za-z_][\w.]*$/.test(base))
            return false;
        const baseFound = lookup(env, found.file, found.text, null, base.split('.'), depth + 1);
        return baseFound?.kind === 'class' && isPlainClass(env, baseFound, depth + 1, proven);
    });
    proven.set(key, plain);
    return plain;
}
function resolveName(dotted, scope) {
    const own = scope.env.locate?.(null);
    if (!own)
        return undefined;
    return lookup(scope.env, own.file, own.text, scope.imports, dotted.split('.'), 0);
}
/**
 * The value with names and calls replaced where their id is certain: `{py: 'name'}` for a class,
 * function or module, `{py: 'object'}` for an instance of a plain class. Others are left as they are.
 */
function resolveValue(value, scope) {
    if (value === null || typeof value !== 'object')
        return value;
    switch (value.py) {
        case 'tuple':
        case 'list':
            return { py: value.py, items: value.items.map((v) => resolveValue(v, scope)) };
        case 'expr': {
            if (!pyliteral_js_1.DOTTED_NAME.test(value.source)) {
                const own = scope.env.locate?.(null);
                const nameValue = (name) => (own && scope.imports[name] === undefined ? guardedConstant(scope.env, own.text, name) : undefined);
                return (attributeComprehension(value.source, scope) ?? importedExpression(value.source, scope) ?? (0, strexpr_js_1.stringExpression)(value.source, scope, nameValue) ?? value);
            }
            const nameOf = nameAttribute(value.source, scope);
            if (nameOf !== undefined)
                return nameOf;
            const imported = importedList(value.source, scope);
            if (imported)
                return imported;
            const found = resolveName(value.source, scope);
            if (found?.kind === 'instance')
                return { py: 'object', repr: found.name };
            if (found?.kind === 'value')
                return found.value;
            if (found?.kind === 'enum member')
                return { py: 'name', name: found.name, enumMember: true };
            return found ? { py: 'name', name: found.name } : ((0, strexpr_js_1.coloramaString)(value.source, scope) ?? value);
        }
        case 'object': {
            // `list(NAME)`, `tuple(NAME.keys())` of an unknown name read as a new container: of an imported constant, its items
            const m = /^(list|tuple)\(\s*([A-Za-z_]\w*)(?:\s*\.\s*(keys|values|items)\(\s*\))?\s*\)$/.exec(value.repr);
            const arg = m ? (m[3] ? { py: 'call', func: `${m[2]}.${m[3]}`, args: [], kwargs: {} } : { py: 'expr', source: m[2] }) : undefined;
            return (m && arg && importedView({ py: 'call', func: m[1], args: [arg], kwargs: {} }, scope)) ?? value;
        }
        case 'call': {
            if (value.func === 'param' || value.func.endsWith('.param')) {
                return { ...value, args: value.args.map((v) => resolveValue(v, scope)) };
            }
            const viewed = importedView(value, scope);
            if (viewed)
                return viewed;
            const found = resolveName(value.func, scope);
            if (found?.kind === 'class' && isPlainClass(scope.env, found, 0, new Map()))
                return { py: 'object', repr: `${value.func}(...)` };
            return (found?.kind === 'function' && projectFunctionInstance(value, scope)) || value;
        }
        case 'name': {
            // a lambda calling `getattr`: the builtin, when the module binds no other (anywhere: the lambda runs after the import)
            const own = value.lambda !== undefined && /\bgetattr\b/.test(value.lambda) ? scope.env.locate?.(null) : undefined;
            return own && bindingOf(own.text, 'getattr') === null ? { ...value, unshadowed: true } : value;
        }
        default:
            return value;
    }
}
// ---- `[item.attr for item in module.LIST]`, LIST a list of instances built in another module ----
/** Trees of helper modules, parsed once per text while items are built. */
const trees = new Map();
function treeOf(text) {
    if (trees.has(text))
        return trees.get(text);
    if (trees.size >= MAX_MEMO_TEXTS)
        trees.clear();
    const parser = (0, grammar_js_1.readyPythonParser)();
    const tree = parser ? parser.parse(text) : null;
    const usable = tree && !tree.rootNode.hasError ? tree : null;
    trees.set(text, usable);
    return usable;
}
function named(node) {
    return (node?.namedChildren ?? []).filter((c) => c !== null && c.type !== 'comment');
}
const COMPREHENSION_OF_ATTRIBUTE = /^\[\s*([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s+for\s+\1\s+in\s+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.([A-Za-z_]\w*)\s*\]$/;
/**
 * `[item.name for item in mod.LIST]` where `mod` is an imported module whose LIST is a module-level
 * list literal of calls of classes whose `__init__` stores a positional argument as `self.name`,
 * extended only by `+=`/`.extend`/`.append` of lists under conditions the interpreter decides:
 * the list of those arguments. Anything else: null (the item stays dynamic).
 */
function attributeComprehension(source, scope) {
    const m = COMPREHENSION_OF_ATTRIBUTE.exec(source);
    if (!m)
        return null;
    const [, , attr, head, listName] = m;
    const [first, ...submodules] = head.split('.');
    const bound = scope.imports[first];
    if (bound === undefined)
        return null;
    const own = scope.env.locate?.(null);
    // the importing module must not change the list either (`mod.LIST.append(...)`, `mod.LIST += ...`)
    if (!own || new RegExp(`\\.${escapeRe(listName)}\\s*(\\.\\s*\\w+\\s*\\(|\\+=|\\[[^\\]]*\\]\\s*=(?!=))`).test(own.text))
        return null;
    const module = [bound.replace(':', '.'), ...submodules].join('.');
    if (module.startsWith('.') || stdlib_js_1.STDLIB_MODULES.has(module.split('.')[0]))
        return null;
    const target = scope.env.locate?.(module, own.file);
    if (!target)
        return null;
    const elements = moduleList(scope.env, target.text, listName);
    if (!elements)
        return null;
    const values = [];
    for (const element of elements) {
        if (element === null || typeof element !== 'object' || element.py !== 'call' || Object.keys(element.kwargs).length > 0)
            return null;
        const found = pyliteral_js_1.DOTTED_NAME.test(element.func) ? lookup(scope.env, target.file, target.text, null, element.func.split('.'), 0) : undefined;
        if (found?.kind !== 'class' || found.start < 0)
            return null;
        const index = initStoresArgument(scope.env, found, attr, 0);
        if (index === undefined || index >= element.args.length)
            return null;
        const value = element.args[index];
        if ((0, pyliteral_js_1.isDynamic)(value) || (value !== null && typeof value === 'object' && value.py !== 'int' && value.py !== 'float' && value.py !== 'bytes'))
            return null;
        values.push(value);
    }
    return { py: 'list', items: values };
}
/** A value made of literals only (no name, call or mark anywhere in it). */
function plainLiteral(value) {
    if (value === null || typeof value !== 'object')
        return true;
    if (value.py === 'tuple' || value.py === 'list')
        return value.items.every(plainLiteral);
    return value.py === 'int' || value.py === 'float' || value.py === 'bytes' || value.py === 'complex';
}
/**
 * `NAME` bound by `from mod import NAME` (a project module, maybe relative), where `mod` binds NAME
 * once at its top level to a list literal of literals, extended only as moduleList allows, or to
 * an expression moduleConstant can read (a comprehension over a dict imported there from another
 * project module, as structlog's `[m for m in NAME_TO_LEVEL if m != "notset"]`), and the importing
 * module does not change it: that list. Null otherwise (the item stays dynamic).
 */
function importedList(name, scope) {
    const bound = importedBinding(name, scope);
    if (!bound)
        return null;
    const { target, attr, binding } = bound;
    let perText = importedLists.get(target.text);
    if (!perText) {
        if (importedLists.size >= MAX_MEMO_TEXTS)
            importedLists.clear();
        perText = new Map();
        importedLists.set(target.text, perText);
    }
    if (!perText.has(attr)) {
        // a list display (`NAME = [` or `NAME: list[str] = [`), maybe extended; else a constant expression
        const display = binding.kind === 'other' && new RegExp(`^${escapeRe(attr)}[ \\t]*(?::[^=\\n]*)?=[ \\t]*\\[`).test(target.text.slice(binding.index));
        const items = (display ? moduleList(scope.env, target.text, attr) : undefined) ?? sequenceItems(moduleConstant(scope.env, target.file, target.text, attr, 0));
        perText.set(attr, items && items.every(plainLiteral) ? { py: 'list', items } : null);
    }
    return perText.get(attr);
}
/**
 * `NAME` bound by `from mod import NAME` (a project module, maybe relative, of at most
 * MAX_LIST_MODULE), which the importing module does not change, and which `mod` binds itself (a
 * package's attribute in its __init__, not a submodule of that name): where.
 */
function importedBinding(name, scope) {
    const bound = scope.imports[name];
    const colon = bound?.indexOf(':') ?? -1;
    if (bound === undefined || colon < 0)
        return null;
    const module = bound.slice(0, colon);
    const attr = bound.slice(colon + 1);
    if (stdlib_js_1.STDLIB_MODULES.has(module.split('.')[0]))
        return null;
    const own = scope.env.locate?.(null);
    if (!own || new RegExp(`\\b${escapeRe(name)}\\s*(\\.\\s*\\w+\\s*\\(|\\+=|\\[[^\\]]*\\]\\s*=(?!=))`).test(own.text.replace(readingCalls(name), '')))
        return null;
    const target = scope.env.locate?.(module, own.file);
    // a large module is not parsed on the main thread for this (packaging's 51 KB test_version.py: 60 ms)
    if (!target || target.text.length > MAX_LIST_MODULE)
        return null;
    const binding = bindingOf(target.text, attr);
    if (binding?.kind !== 'other' && binding?.kind !== 'import')
        return null;
    return { target, attr, binding };
}
/** `NAME.keys()` and the other READING_METHODS called with no argument: reads, not changes. */
function readingCalls(name) {
    return new RegExp(`\\b${escapeRe(name)}\\s*\\.\\s*(${[...READING_METHODS].join('|')})\\s*\\(\\s*\\)`, 'g');
}
/** An imported project module's constant (moduleConstant), by the name the module binds it to. */
function importedConstant(name, scope) {
    const bound = importedBinding(name, scope);
    return bound ? moduleConstant(scope.env, bound.target.file, bound.target.text, bound.attr, 0) : null;
}
/**
 * Calls over an imported constant: `NAME.keys()`, `.values()`, `.items()` of a dict, and `list(...)`
 * or `tuple(...)` of such a view or of an imported list, tuple or dict (its keys), where the module
 * does not bind `list`/`tuple` itself: the sequence they give. Null otherwise.
 */
function importedView(value, scope) {
    if (value === null || typeof value !== 'object' || value.py !== 'call' || Object.keys(value.kwargs).length > 0)
        return null;
    const view = /^([A-Za-z_]\w*)\.(keys|values|items)$/.exec(value.func);
    if (view) {
        const dict = value.args.length === 0 ? importedConstant(view[1], scope) : null;
        if (dict === null || typeof dict !== 'object' || dict.py !== 'dict' || !dict.keys || !dict.values)
            return null;
        const { keys, values } = dict;
        const items = view[2] === 'keys' ? keys : view[2] === 'values' ? values : keys.map((key, i) => ({ py: 'tuple', items: [key, values[i]] }));
        return items.every(plainLiteral) ? { py: 'list', items } : null;
    }
    if ((value.func !== 'list' && value.func !== 'tuple') || value.args.length !== 1 || scope.imports[value.func] !== undefined)
        return null;
    const own = scope.env.locate?.(null);
    if (!own || bindingOf(own.text, value.func) !== null)
        return null;
    const [arg] = value.args;
    const inner = arg !== null && typeof arg === 'object' && arg.py === 'expr' && /^[A-Za-z_]\w*$/.test(arg.source)
        ? importedConstant(arg.source, scope)
        : importedView(arg, scope);
    if (inner === null || typeof inner !== 'object')
        return null;
    const items = inner.py === 'list' || inner.py === 'tuple' ? inner.items : inner.py === 'dict' ? inner.keys : undefined;
    return items && items.every(plainLiteral) ? { py: value.func === 'tuple' ? 'tuple' : 'list', items } : null;
}
function sequenceItems(value) {
    return value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple') ? value.items : undefined;
}
/** The largest module importedList parses for a list (helper modules of constants are small). */
const MAX_LIST_MODULE = 32 * 1024;
/** importedList's answers per module text and name (a list is often read by many tests). */
const importedLists = new Map();
/** moduleConstant's answers per module text and name (null while one is being read: a cycle). */
const moduleConstants = new Map();
/** Data with no name, call, object or unknown part: str, numbers, bytes, None, bools, lists, tuples, dicts of them. */
function dataOnly(value) {
    if (value === null || typeof value !== 'object')
        return true;
    if (value.py === 'tuple' || value.py === 'list')
        return value.items.every(dataOnly);
    if (value.py === 'dict')
        return value.keys !== undefined && value.values !== undefined && value.values.every(dataOnly);
    return value.py === 'int' || value.py === 'float' || value.py === 'bytes' || value.py === 'complex';
}
/**
 * The value the project module `text` (at `file`) gives its top-level `name` at import, read without
 * running it: `name` is bound there once, unconditionally at the top level, by `name = EXPR` or by
 * `from M import name` (M a project module, followed the same way), and every other mention of it
 * in the module only reads it; EXPR is made of literals (lists, tuples, dicts, comprehensions, the
 * builtins pyliteral evaluates) and of names bound the same way before it. Null otherwise.
 */
function moduleConstant(env, file, text, name, depth) {
    if (depth > MAX_DEPTH || text.length > MAX_LIST_MODULE)
        return null;
    let perText = moduleConstants.get(text);
    if (!perText) {
        if (moduleConstants.size >= MAX_MEMO_TEXTS)
            moduleConstants.clear();
        perText = new Map();
        moduleConstants.set(text, perText);
    }
    if (perText.has(name))
        return perText.get(name);
    perText.set(name, null);
    const value = readModuleConstant(env, file, text, name, depth);
    perText.set(name, value);
    return value;
}
function readModuleConstant(env, file, text, name, depth) {
    const binding = bindingOf(text, name);
    if (binding?.kind === 'import') {
        const from = importedAt(text, binding.index, name);
        if (!from || from.module === '__future__' || stdlib_js_1.STDLIB_MODULES.has(from.module.split('.')[0]))
            return null;
        const target = env.locate?.(from.module, file);
        // a package's submodule of that name is a module, not a constant
        if (!target || (target.package && bindingOf(target.text, from.attr) === null))
            return null;
        const value = moduleConstant(env, target.file, target.text, from.attr, depth + 1);
        return value !== null && unchangedIn(text, name, binding.index, value) ? value : null;
    }
    if (binding?.kind !== 'other')
        return null;
    const root = treeOf(text)?.rootNode;
    if (!root)
        return null;
    const statement = named(root).find((stmt) => {
        const expr = stmt.type === 'expression_statement' ? named(stmt)[0] : undefined;
        return expr?.type === 'assignment' && expr.childForFieldName('left')?.type === 'identifier' && expr.childForFieldName('left')?.text === name;
    });
    const assignment = statement ? named(statement)[0] : undefined;
    const left = assignment?.childForFieldName('left');
    const right = assignment?.childForFieldName('right');
    if (!statement || !left || !right || statement.startIndex !== binding.index)
        return null;
    const ctx = (0, pyliteral_js_1.emptyLiteralContext)();
    for (const id of right.descendantsOfType('identifier')) {
        if (!id || id.text === name || ctx.assignedNames.has(id.text) || !namesAVariable(id))
            continue;
        const used = bindingOf(text, id.text);
        if (used === null)
            continue; // a builtin or a comprehension variable
        ctx.assignedNames.add(id.text);
        // a name bound after the statement would fail the import: left unknown
        if (used === undefined || used.index > statement.startIndex || (used.kind !== 'other' && used.kind !== 'import'))
            continue;
        const value = moduleConstant(env, file, text, id.text, depth + 1);
        if (value !== null)
            ctx.constants.set(id.text, value);
    }
    const value = (0, pyliteral_js_1.readLiteral)(right, ctx);
    return dataOnly(value) && unchangedIn(text, name, statement.startIndex, value) ? value : null;
}
/** Whether an identifier names a variable: not the attribute of `x.name`, not the keyword of `f(name=...)`. */
function namesAVariable(id) {
    const parent = id.parent;
    if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.startIndex === id.startIndex)
        return false;
    return !(parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.startIndex === id.startIndex);
}
/** A value no operation changes in place: str, numbers, bytes, None, bools, tuples of them. */
function immutable(value) {
    if (value === null || typeof value !== 'object')
        return true;
    if (value.py === 'tuple')
        return value.items.every(immutable);
    return value.py === 'int' || value.py === 'float' || value.py === 'bytes' || value.py === 'complex';
}
/** Where a mention of a name binds it (or deletes it) rather than reads it. */
const BINDING_PLACES = new Set([
    'delete_statement',
    'global_statement',
    'nonlocal_statement',
    'import_statement',
    'import_from_statement',
    'as_pattern',
    'parameters',
    'lambda_parameters',
]);
/** Whether this mention of a name rebinds it: an assignment's or a loop's target, `:=`, `del`, `global`, an import, a parameter. */
function rebinds(id) {
    for (let node = id, parent = id.parent; parent; node = parent, parent = parent.parent) {
        // a parameter's default value is read (`def f(n=NAME)`), only its name is bound
        if ((parent.type === 'default_parameter' || parent.type === 'typed_default_parameter') && parent.childForFieldName('value')?.startIndex === node.startIndex)
            return false;
        if (BINDING_PLACES.has(parent.type))
            return true;
        const target = parent.type === 'assignment' || parent.type === 'augmented_assignment' || parent.type === 'for_statement' || parent.type === 'for_in_clause'
            ? parent.childForFieldName('left')
            : parent.type === 'named_expression'
                ? parent.childForFieldName('name')
                : null;
        if (target && target.startIndex === node.startIndex && target.endIndex === node.endIndex)
            return true;
        if (/statement$|definition$|^block$|^module$/.test(parent.type))
            return false;
    }
    return false;
}
/**
 * Whether the module keeps `name` as bound by the statement at `boundAt`: no other mention binds
 * it again; for a mutable value (a list, a dict), every mention only reads it (onlyRead, readInPlace).
 */
function unchangedIn(text, name, boundAt, value) {
    const root = treeOf(text)?.rootNode;
    if (!root)
        return false;
    const fixed = immutable(value);
    for (const id of root.descendantsOfType('identifier')) {
        if (!id || id.text !== name || !namesAVariable(id))
            continue;
        if (statementOf(id)?.startIndex === boundAt)
            continue;
        if (fixed ? rebinds(id) : !onlyRead(id) && !readInPlace(id) && !readByBuiltin(id, text))
            return false;
    }
    return true;
}
/** Builtins that read their argument and keep no reference to it. */
const READING_BUILTINS = new Set(['list', 'tuple', 'len', 'sorted', 'set', 'frozenset', 'min', 'max', 'sum', 'any', 'all', 'enumerate', 'zip', 'reversed']);
/** `list(name)`, `len(name)`... (the builtin not bound by the module): a read. */
function readByBuiltin(id, text) {
    const call = id.parent?.type === 'argument_list' ? id.parent.parent : null;
    const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
    return fn?.type === 'identifier' && READING_BUILTINS.has(fn.text) && bindingOf(text, fn.text) === null;
}
/** The top-level statement a node is in. */
function statementOf(node) {
    let current = node;
    while (current?.parent && current.parent.type !== 'module')
        current = current.parent;
    return current;
}
/** Read-only methods of lists and dicts: calling one leaves the value as it is. */
const READING_METHODS = new Set(['keys', 'values', 'items', 'get', 'copy', 'index', 'count']);
/** `name[key]` read (not assigned or deleted), or `name.keys()` and the other READING_METHODS called. */
function readInPlace(id) {
    const parent = id.parent;
    if (!parent)
        return false;
    if (parent.type === 'attribute' && parent.childForFieldName('object')?.startIndex === id.startIndex) {
        const method = parent.childForFieldName('attribute')?.text ?? '';
        return READING_METHODS.has(method) && parent.parent?.type === 'call' && parent.parent.childForFieldName('function')?.startIndex === parent.startIndex;
    }
    if (parent.type !== 'subscript' || parent.childForFieldName('value')?.startIndex !== id.startIndex)
        return false;
    const holder = parent.parent;
    if (!holder)
        return false;
    if ((holder.type === 'assignment' || holder.type === 'augmented_assignment') && holder.childForFieldName('left')?.startIndex === parent.startIndex)
        return false;
    return holder.type !== 'delete_statement' && holder.type !== 'pattern_list' && holder.type !== 'expression_list';
}
/** What a module's top-level `import`s and guard-valued names mean to its conditions, statement by statement. */
function noteForGuards(stmt, guards) {
    if (stmt.type === 'import_statement') {
        for (const child of stmt.childrenForFieldName('name')) {
            if (!child)
                continue;
            const aliased = child.type === 'aliased_import';
            const dotted = aliased ? child.childForFieldName('name')?.text : child.text;
            const local = aliased ? child.childForFieldName('alias')?.text : dotted?.split('.')[0];
            if (dotted && local)
                guards.modules.set(local, aliased ? dotted : local);
        }
    }
    else if (stmt.type === 'import_from_statement') {
        const from = stmt.childForFieldName('module_name')?.text;
        for (const child of stmt.childrenForFieldName('name')) {
            if (!child || !from)
                continue;
            const aliased = child.type === 'aliased_import';
            const imported = aliased ? child.childForFieldName('name')?.text : child.text;
            const local = aliased ? child.childForFieldName('alias')?.text : child.text;
            if (imported && local)
                guards.fromImports.set(local, `${from}.${imported}`);
        }
    }
    else if (stmt.type === 'expression_statement') {
        const assignment = named(stmt)[0];
        const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
        const right = assignment?.childForFieldName('right');
        if (left?.type === 'identifier' && right)
            guards.names.set(left.text, (0, guards_js_1.toGuard)(right, guards));
        else if (left)
            for (const id of left.descendantsOfType('identifier'))
                if (id)
                    guards.names.delete(id.text);
    }
}
/** A top-level statement changing `name` as a list: `name += [...]`, `name.extend([...])`, `name.append(x)`; its added items. */
function listExtension(stmt, name) {
    if (stmt.type !== 'expression_statement')
        return undefined;
    const expr = named(stmt)[0];
    if (!expr)
        return undefined;
    const ctx = (0, pyliteral_js_1.emptyLiteralContext)();
    if (expr.type === 'augmented_assignment' && expr.childForFieldName('left')?.text === name) {
        const right = expr.childForFieldName('right');
        const value = right && expr.childForFieldName('operator')?.text === '+=' ? (0, pyliteral_js_1.readLiteral)(right, ctx) : null;
        return value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple') ? value.items : null;
    }
    const fn = expr.type === 'call' ? expr.childForFieldName('function') : null;
    if (fn?.type !== 'attribute' || fn.childForFieldName('object')?.text !== name)
        return undefined;
    const method = fn.childForFieldName('attribute')?.text;
    const args = named(expr.childForFieldName('arguments'));
    if (args.length !== 1 || args[0].type === 'keyword_argument' || args[0].type === 'list_splat')
        return null;
    const value = (0, pyliteral_js_1.readLiteral)(args[0], ctx);
    if (method === 'append')
        return [value];
    if (method === 'extend')
        return value !== null && typeof value === 'object' && (value.py === 'list' || value.py === 'tuple') ? value.items : null;
    return null;
}
/**
 * The final items of the module-level list `name` in `text`: bound once at the top level to a list
 * literal, then only extended at the top level or in a top-level `if`/`elif`/`else` whose condition
 * the interpreter decides; elsewhere the name (or an attribute of that name, such as an alias
 * `Cls.name = name`) is only iterated or aliased. Undefined when that can't be shown.
 */
function moduleList(env, text, name) {
    const tree = treeOf(text);
    if (!tree)
        return undefined;
    const root = tree.rootNode;
    const guards = (0, guards_js_1.emptyGuardScope)();
    let items;
    const handled = new Set();
    const extend = (stmt, guard) => {
        const added = listExtension(stmt, name);
        if (added === undefined)
            return true;
        if (added === null || items === undefined)
            return false;
        const taken = guard === null ? true : (0, guards_js_1.evaluateGuard)(guard, env);
        if (taken === null)
            return false;
        if (taken)
            items.push(...added);
        handled.add(named(stmt)[0].startIndex); // `name += ...` and `name.extend(...)` start with the name
        return true;
    };
    for (const stmt of named(root)) {
        if (stmt.type === 'expression_statement') {
            const expr = named(stmt)[0];
            if (expr?.type === 'assignment' && expr.childForFieldName('left')?.type === 'identifier' && expr.childForFieldName('left')?.text === name) {
                const right = expr.childForFieldName('right');
                if (items !== undefined || right?.type !== 'list')
                    return undefined;
                const value = (0, pyliteral_js_1.readLiteral)(right, (0, pyliteral_js_1.emptyLiteralContext)());
                if (value === null || typeof value !== 'object' || value.py !== 'list')
                    return undefined;
                items = [...value.items];
                handled.add(stmt.startIndex);
                continue;
            }
            if (!extend(stmt, null))
                return undefined;
        }
        else if (stmt.type === 'if_statement') {
            const branches = ifBranches(stmt, guards);
            if (!branches)
                return undefined;
            for (const branch of branches)
                for (const inner of named(branch.body))
                    if (!extend(inner, branch.guard))
                        return undefined;
        }
        noteForGuards(stmt, guards);
    }
    if (items === undefined)
        return undefined;
    // every other mention only reads the list (or binds a class attribute of the same name)
    for (const id of root.descendantsOfType('identifier')) {
        if (id && id.text === name && !handled.has(id.startIndex) && !onlyRead(id))
            return undefined;
    }
    return items;
}
/** The branches of an `if`/`elif`/`else` with the guard under which each runs (an `else` absent: none for it). */
function ifBranches(stmt, guards) {
    const branches = [];
    const condition = stmt.childForFieldName('condition');
    let taken = condition ? (0, guards_js_1.toGuard)(condition, guards) : null;
    if (!taken)
        return undefined;
    branches.push({ body: stmt.childForFieldName('consequence'), guard: taken });
    let rest = (0, guards_js_1.notGuard)(taken);
    for (const alternative of stmt.childrenForFieldName('alternative')) {
        if (alternative?.type === 'elif_clause') {
            const c = alternative.childForFieldName('condition');
            taken = c ? (0, guards_js_1.toGuard)(c, guards) : null;
            if (!taken)
                return undefined;
            branches.push({ body: alternative.childForFieldName('consequence'), guard: { k: 'and', es: [rest, taken] } });
            rest = { k: 'and', es: [rest, (0, guards_js_1.notGuard)(taken)] };
        }
        else if (alternative) {
            branches.push({ body: alternative.childForFieldName('body'), guard: rest });
        }
    }
    return branches;
}
/** Node types where an identifier is bound (as the left side, target or name). */
const BINDING_PARENTS = new Set([
    'global_statement',
    'nonlocal_statement',
    'delete_statement',
    'as_pattern',
    'aliased_import',
    'dotted_name',
    'parameters',
    'default_parameter',
    'typed_parameter',
    'typed_default_parameter',
    'lambda_parameters',
    'pattern_list',
    'tuple_pattern',
    'list_pattern',
    'function_definition',
    'class_definition',
]);
/**
 * A str or int bound to `name` only by one top-level `if`/`elif`/`else` whose conditions the
 * interpreter decides, each branch binding it once to a literal (loguru's `UTC_NAME` under
 * `sys.version_info`), and mentioned nowhere else but where it is read: the taken branch's value.
 */
function guardedConstant(env, text, name) {
    let perText = guardedConstants.get(text);
    if (!perText) {
        if (guardedConstants.size >= MAX_MEMO_TEXTS)
            guardedConstants.clear();
        perText = new Map();
        guardedConstants.set(text, perText);
    }
    if (!perText.has(name))
        perText.set(name, readGuardedConstant(env, text, name));
    return perText.get(name);
}
/** guardedConstant's answers per module text and name (one interpreter per discovery). */
const guardedConstants = new Map();
function readGuardedConstant(env, text, name) {
    const tree = treeOf(text);
    if (!tree)
        return undefined;
    const guards = (0, guards_js_1.emptyGuardScope)();
    const assignments = new Set();
    let value;
    let boundAt = 0;
    for (const stmt of named(tree.rootNode)) {
        if (stmt.type === 'if_statement' && new RegExp(`^\\s*${escapeRe(name)}\\s*=[^=]`, 'm').test(stmt.text)) {
            const branches = value === undefined && assignments.size === 0 ? ifBranches(stmt, guards) : undefined;
            if (!branches)
                return undefined;
            let chosen;
            for (const branch of branches) {
                const body = named(branch.body);
                const assignment = body.length === 1 && body[0].type === 'expression_statement' ? named(body[0])[0] : undefined;
                const right = assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === name ? assignment.childForFieldName('right') : null;
                if (!assignment || !right)
                    return undefined;
                assignments.add(assignment.startIndex);
                const taken = (0, guards_js_1.evaluateGuard)(branch.guard, env);
                if (taken === null)
                    return undefined;
                if (taken && chosen === undefined)
                    chosen = (0, pyliteral_js_1.readLiteral)(right, (0, pyliteral_js_1.emptyLiteralContext)());
            }
            if (typeof chosen !== 'string' && !(typeof chosen === 'number' && Number.isSafeInteger(chosen)))
                return undefined;
            value = chosen;
            boundAt = stmt.endIndex;
        }
        noteForGuards(stmt, guards);
    }
    if (value === undefined)
        return undefined;
    // bound nowhere else (the branches' own assignments start with the name), read only after the `if`
    for (const id of tree.rootNode.descendantsOfType('identifier')) {
        if (!id || id.text !== name || assignments.has(id.startIndex))
            continue;
        const p = id.parent;
        if (!p || id.startIndex < boundAt)
            return undefined;
        const left = p.type === 'named_expression' ? p.childForFieldName('name') : p.childForFieldName('left');
        const binds = ['assignment', 'augmented_assignment', 'for_statement', 'for_in_clause', 'named_expression'].includes(p.type)
            ? left?.startIndex === id.startIndex
            : BINDING_PARENTS.has(p.type);
        if (binds)
            return undefined;
    }
    // nor through the module's namespace (`globals()[...] = `, `setattr(sys.modules[__name__], ...)`)
    return /\bglobals\(\)|\bvars\(\)|sys\.modules\[__name__\]/.test(text) ? undefined : value;
}
/** Whether this mention of `name` (or of `x.name`) leaves the list as it is. */
function onlyRead(id) {
    const parent = id.parent;
    if (!parent)
        return false;
    let node = id;
    if (parent.type === 'attribute' && parent.childForFieldName('attribute')?.startIndex === id.startIndex)
        node = parent;
    else if (parent.type === 'attribute')
        return false; // `name.method(...)`
    const holder = node.parent;
    if (!holder)
        return false;
    if ((holder.type === 'for_in_clause' || holder.type === 'for_statement') && holder.childForFieldName('right')?.startIndex === node.startIndex)
        return true;
    if (holder.type === 'assignment') {
        const left = holder.childForFieldName('left');
        const right = holder.childForFieldName('right');
        // an alias (`Cls.name = name`), or a class attribute of the same name in a class body
        if (right?.startIndex === node.startIndex && right.type === 'identifier')
            return left?.type === 'attribute' || left?.type === 'identifier';
        if (left?.startIndex === node.startIndex) {
            if (node.type === 'attribute')
                return true; // rebinds an attribute; the list is untouched
            return holder.parent?.parent?.parent?.type === 'class_definition';
        }
    }
    return false;
}
/** Class-body code that could make `self.attr` something other than what `__init__` stored. */
const ATTRIBUTE_CHANGING = /__setattr__|__getattribute__|__new__|metaclass|__dict__|__set_name__|__init_subclass__/;
/**
 * The index of the positional argument (after `self`) that calling the class stores as `self.attr`
 * and that nothing else in the class chain changes: its `__init__` assigns it directly, or passes
 * it on to its single base's `__init__` (`super().__init__(name)`, `Base.__init__(self, name)`).
 */
function initStoresArgument(env, found, attr, depth) {
    if (depth > MAX_DEPTH)
        return undefined;
    const tree = treeOf(found.text);
    const cls = tree?.rootNode
        .descendantsOfType('class_definition')
        .find((c) => c?.startIndex === found.start + (/^[ \t]*/.exec(found.text.slice(found.start))?.[0].length ?? 0));
    const body = cls?.childForFieldName('body');
    if (!cls || !body)
        return undefined;
    const bodyText = body.text;
    if (ATTRIBUTE_CHANGING.test(bodyText))
        return undefined;
    const a = escapeRe(attr);
    // no property, method or class attribute of that name, no `setattr(self, ...)` outside __getattr__
    if (new RegExp(`\\bdef\\s+${a}\\b|^\\s*${a}\\s*[:=]`, 'm').test(bodyText))
        return undefined;
    const withoutGetattr = named(body)
        .filter((m) => !(m.type === 'function_definition' && m.childForFieldName('name')?.text === '__getattr__'))
        .map((m) => m.text)
        .join('\n');
    if (/setattr\(\s*self\b/.test(withoutGetattr))
        return undefined;
    const stores = withoutGetattr.match(new RegExp(`\\bself\\.${a}\\s*(=(?!=)|\\+=|:)`, 'g'))?.length ?? 0;
    const init = named(body).find((m) => m.type === 'function_definition' && m.childForFieldName('name')?.text === '__init__');
    const bases = named(cls.childForFieldName('superclasses'));
    if (!init)
        return stores === 0 && bases.length === 1 ? baseStores(env, found, bases[0].text, attr, depth) : undefined;
    if (stores > 1)
        return undefined;
    const params = named(init.childForFieldName('parameters')).map((p) => p.type === 'identifier'
        ? p.text
        : p.type === 'default_parameter' || p.type === 'typed_parameter' || p.type === 'typed_default_parameter'
            ? (p.childForFieldName('name')?.text ?? p.namedChildren[0]?.text ?? '')
            : '');
    if (params[0] !== 'self')
        return undefined;
    const initBody = init.childForFieldName('body');
    const reassigned = new Set((initBody?.descendantsOfType(['assignment', 'augmented_assignment']) ?? [])
        .map((n) => n?.childForFieldName('left'))
        .filter((l) => l?.type === 'identifier')
        .map((l) => l.text));
    const positional = (argument) => {
        if (argument?.type !== 'identifier' || reassigned.has(argument.text))
            return undefined;
        const index = params.indexOf(argument.text);
        return index > 0 && params.slice(1, index).every((p) => p !== '') ? index - 1 : undefined;
    };
    for (const stmt of named(initBody)) {
        const expr = stmt.type === 'expression_statement' ? named(stmt)[0] : undefined;
        if (!expr)
            continue;
        if (stores === 1 && expr.type === 'assignment' && expr.childForFieldName('left')?.text === `self.${attr}`) {
            return positional(expr.childForFieldName('right') ?? undefined);
        }
        if (stores === 0 && expr.type === 'call' && bases.length === 1) {
            const fn = expr.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
            const args = named(expr.childForFieldName('arguments'));
            const viaSuper = /^super\((\w+,self)?\)\.__init__$/.test(fn);
            const viaBase = fn === `${bases[0].text}.__init__` && args[0]?.text === 'self';
            if (!viaSuper && !viaBase)
                continue;
            const inBase = baseStores(env, found, bases[0].text, attr, depth);
            return inBase === undefined ? undefined : positional(args[inBase + (viaBase ? 1 : 0)]);
        }
    }
    return undefined;
}
function baseStores(env, found, base, attr, depth) {
    if (!pyliteral_js_1.DOTTED_NAME.test(base))
        return undefined;
    const baseFound = lookup(env, found.file, found.text, null, base.split('.'), depth + 1);
    return baseFound?.kind === 'class' && baseFound.start >= 0 ? initStoresArgument(env, baseFound, attr, depth + 1) : undefined;
}
// ---- Values made by calls the module's import makes: classes attrs' `cmp_using` and `make_class`
// ---- name (directly or through a small project function), instances a small project function returns.
/** The largest module whose tree is read to follow a call into a function of it. */
const MAX_FUNCTION_MODULE = 64 * 1024;
/** Names attrs binds to its class decorators (`@attrs(...)`, `@define`): they return a class of the same name. */
const ATTRS_CLASS_DECORATORS = new Set(['attrs', 's', 'attributes', 'define', 'frozen', 'mutable']);
/** Whether `module` (as written in `file`'s import) is attrs' own: `attr`, `attrs`, `attr._make`, or `._make` inside the attr package. */
function isAttrsModule(module, file) {
    if (module === 'attr' || module === 'attrs' || module === 'attr._make')
        return true;
    return (module === '._make' || module === '.') && /[\\/]attr[\\/][^\\/]+\.py$/.test(file);
}
/** `@attrs(...)`, `@define` and the other attrs class decorators, bound by an import of attrs' own in `text`. */
function attrsClassDecorator(line, text, file) {
    const m = /^@\s*([A-Za-z_]\w*)\s*(?:\(|$|#)/.exec(line.trim());
    if (!m || !ATTRS_CLASS_DECORATORS.has(m[1]))
        return false;
    const binding = bindingOf(text, m[1]);
    const from = binding?.kind === 'import' ? importedAt(text, binding.index, m[1]) : null;
    return from !== null && ATTRS_CLASS_DECORATORS.has(from.attr) && isAttrsModule(from.module, file);
}
/** The top-level statement `name = call(...)` at `index` of a module: the call node. */
function assignedCall(text, index, name) {
    if (text.length > MAX_FUNCTION_MODULE)
        return null;
    const root = treeOf(text)?.rootNode;
    const stmt = root ? named(root).find((s) => s.startIndex === index) : undefined;
    const expr = stmt?.type === 'expression_statement' ? named(stmt)[0] : undefined;
    if (expr?.type !== 'assignment' || expr.childForFieldName('left')?.text !== name)
        return null;
    const right = expr.childForFieldName('right');
    return right?.type === 'call' ? right : null;
}
/** A call's arguments: positional and keyword nodes; null with `*args` or `**kwargs`. */
function callArguments(call) {
    const positional = [];
    const keywords = new Map();
    for (const arg of named(call.childForFieldName('arguments'))) {
        if (arg.type === 'list_splat' || arg.type === 'dictionary_splat')
            return null;
        if (arg.type === 'keyword_argument') {
            const key = arg.childForFieldName('name')?.text;
            const value = arg.childForFieldName('value');
            if (!key || !value || keywords.has(key))
                return null;
            keywords.set(key, value);
        }
        else {
            if (keywords.size > 0)
                return null;
            positional.push(arg);
        }
    }
    return { positional, keywords };
}
/** Whether the callee as written in `text` (at `file`) is attrs' `make_class` (or `cmp_using`), as the interpreter would import it. */
function isAttrsFunction(env, text, file, callee, fn) {
    const dotted = /^(attrs?)\.(\w+)$/.exec(callee);
    if (dotted) {
        if (dotted[2] !== fn || bindingOf(text, dotted[1]) !== null || !new RegExp(`^import[ \\t]+${dotted[1]}[ \\t]*(?:#[^\\n]*)?$`, 'm').test(text))
            return false;
    }
    else {
        const binding = bindingOf(text, callee);
        const from = binding?.kind === 'import' ? importedAt(text, binding.index, callee) : null;
        if (!from ||
            from.attr !== fn ||
            !(isAttrsModule(from.module, file) || from.module === 'attr._cmp' || (from.module === '._cmp' && isAttrsModule('.', file))))
            return false;
    }
    // attrs' own, as installed (or as the project itself, in attrs' own checkout)
    if (fn === 'make_class') {
        const made = env.locate?.('attr._make', file);
        return made !== undefined && /^def make_class\(\s*name,/m.test(made.text) && /types\.new_class\(name, bases\b/.test(made.text);
    }
    const cmp = env.locate?.('attr._cmp', file);
    return cmp !== undefined && /^def cmp_using\(/m.test(cmp.text) && /types\.new_class\(\s*class_name, \(object,\)/.test(cmp.text);
}
/**
 * `Name = cmp_using(..., class_name="Name")` (attrs' own): a class named by `class_name` (default
 * "Comparable"), which cmp_using passes to `types.new_class(class_name, (object,), ...)`.
 */
function cmpUsingClass(env, text, index, name, file) {
    const head = new RegExp(`^${escapeRe(name)}[ \\t]*=[ \\t]*((?:attrs?\\.)?cmp_using)\\(`).exec(text.slice(index));
    if (!head)
        return undefined;
    const call = assignedCall(text, index, name);
    const args = call ? callArguments(call) : null;
    // cmp_using(eq, lt, le, gt, ge, require_same_type, class_name)
    if (!args || args.positional.length > 6 || !isAttrsFunction(env, text, file, head[1], 'cmp_using'))
        return undefined;
    const given = args.keywords.get('class_name');
    const className = given ? (0, pyliteral_js_1.readLiteral)(given, (0, pyliteral_js_1.emptyLiteralContext)()) : 'Comparable';
    if (typeof className !== 'string')
        return undefined;
    return { kind: 'class', name: className, file, text, start: -1, opaqueInstances: true };
}
/** The undecorated top-level `def name` the module binds `name` to (itself, or through `from M import name` of project modules). */
function projectFunction(env, file, text, name, depth) {
    if (depth > MAX_DEPTH || text.length > MAX_FUNCTION_MODULE)
        return undefined;
    const binding = bindingOf(text, name);
    if (binding?.kind === 'import') {
        const from = importedAt(text, binding.index, name);
        if (!from || (stdlib_js_1.STDLIB_MODULES.has(from.module.split('.')[0]) && !from.module.startsWith('.')))
            return undefined;
        const target = env.locate?.(from.module, file);
        if (!target || (target.package && bindingOf(target.text, from.attr) === null))
            return undefined;
        return projectFunction(env, target.file, target.text, from.attr, depth + 1);
    }
    if (binding?.kind !== 'def' || /^async\b/.test(text.slice(binding.index)))
        return undefined;
    const before = text.slice(0, binding.index).split('\n');
    before.pop();
    if (before.length > 0 && before[before.length - 1].startsWith('@'))
        return undefined;
    const root = treeOf(text)?.rootNode;
    const node = root ? named(root).find((s) => s.startIndex === binding.index && s.type === 'function_definition') : undefined;
    return node ? { file, text, node } : undefined;
}
/** EXPR of a function whose body is a docstring at most and `return EXPR`. */
function returnedExpression(fn) {
    const body = named(fn.childForFieldName('body'));
    const statements = body.length > 0 && body[0].type === 'expression_statement' && named(body[0])[0]?.type === 'string' ? body.slice(1) : body;
    return statements.length === 1 && statements[0].type === 'return_statement' ? named(statements[0])[0] : undefined;
}
/**
 * A function whose body is a docstring at most and `return EXPR`, called with arguments that bind
 * its plain parameters (no `*args`, `**kwargs`, keyword-only or positional-only ones) as Python
 * would: EXPR, and each parameter's node (the call's argument, or the default).
 */
function inlineCall(fn, call) {
    const params = [];
    for (const p of named(fn.childForFieldName('parameters'))) {
        if (p.type === 'identifier')
            params.push({ name: p.text, fallback: null });
        else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
            const pname = p.childForFieldName('name')?.text;
            const fallback = p.childForFieldName('value');
            if (!pname || !fallback)
                return null;
            params.push({ name: pname, fallback });
        }
        else if (p.type === 'typed_parameter') {
            const inner = p.namedChildren.find((c) => c?.type === 'identifier');
            if (!inner)
                return null;
            params.push({ name: inner.text, fallback: null });
        }
        else
            return null;
    }
    const value = returnedExpression(fn);
    const args = callArguments(call);
    if (!value || !args || args.positional.length > params.length)
        return null;
    const bound = new Map();
    args.positional.forEach((arg, i) => bound.set(params[i].name, arg));
    for (const [key, arg] of args.keywords) {
        if (bound.has(key) || !params.some((p) => p.name === key))
            return null;
        bound.set(key, arg);
    }
    for (const p of params) {
        if (bound.has(p.name))
            continue;
        if (p.fallback === null)
            return null;
        bound.set(p.name, p.fallback);
    }
    return { value, params: bound };
}
/**
 * `Name = f(...)` where `f` is a small project function returning `make_class(param, ...)` (attrs'
 * own, with no `bases=`, as attrs' tests' `simple_class(name="EqC", ...)`): a class named by the
 * str the call gives that parameter (or its default).
 */
function projectFunctionClass(env, text, index, name, file, depth) {
    const head = new RegExp(`^${escapeRe(name)}[ \\t]*=[ \\t]*([A-Za-z_]\\w*)\\(`).exec(text.slice(index));
    if (!head || head[1] === 'make_class' || head[1] === 'cmp_using')
        return undefined;
    const fn = projectFunction(env, file, text, head[1], depth + 1);
    // bound (defined or imported) before the call runs
    const bound = bindingOf(text, head[1]);
    if (!fn || !bound || bound.index > index || !/\bmake_class\(/.test(fn.node.text))
        return undefined;
    const call = assignedCall(text, index, name);
    const inlined = call ? inlineCall(fn.node, call) : null;
    if (!inlined || inlined.value.type !== 'call')
        return undefined;
    const callee = inlined.value.childForFieldName('function')?.text ?? '';
    const made = callArguments(inlined.value);
    if (!made || made.positional.length < 1 || made.positional.length > 2 || made.keywords.has('bases') || made.keywords.has('class_body'))
        return undefined;
    if (!isAttrsFunction(env, fn.text, fn.file, callee, 'make_class'))
        return undefined;
    const first = made.positional[0];
    const nameNode = first.type === 'identifier' ? inlined.params.get(first.text) : first;
    const className = nameNode ? (0, pyliteral_js_1.readLiteral)(nameNode, (0, pyliteral_js_1.emptyLiteralContext)()) : null;
    if (typeof className !== 'string')
        return undefined;
    return { kind: 'class', name: className, file, text, start: -1, opaqueInstances: true };
}
/**
 * `f(...)` (a name the module binds) where `f` is a small project function returning `Cls(...)` of
 * a class proven plain (attrs' `instance_of(int)` returning an `_InstanceOfValidator`): an instance
 * without `__name__`. Undefined otherwise.
 */
function projectFunctionInstance(value, scope) {
    if (!/^[A-Za-z_]\w*$/.test(value.func))
        return undefined;
    const own = scope.env.locate?.(null);
    const fn = own ? projectFunction(scope.env, own.file, own.text, value.func, 0) : undefined;
    if (!fn)
        return undefined;
    const params = named(fn.node.childForFieldName('parameters'));
    const required = params.filter((p) => p.type === 'identifier' || p.type === 'typed_parameter').length;
    const plain = params.every((p) => ['identifier', 'typed_parameter', 'default_parameter', 'typed_default_parameter'].includes(p.type));
    if (!plain || value.args.length < required || value.args.length > params.length || Object.keys(value.kwargs).length > 0)
        return undefined;
    const returned = returnedExpression(fn.node);
    const callee = returned?.type === 'call' ? returned.childForFieldName('function')?.text : undefined;
    if (!callee || !pyliteral_js_1.DOTTED_NAME.test(callee))
        return undefined;
    // the class is looked up where the function is defined; a parameter of that name would shadow it
    if (params.some((p) => p.text === callee.split('.')[0] || p.childForFieldName('name')?.text === callee.split('.')[0]))
        return undefined;
    const found = lookup(scope.env, fn.file, fn.text, null, callee.split('.'), 1);
    return found?.kind === 'class' && isPlainClass(scope.env, found, 1, new Map()) ? { py: 'object', repr: `${value.func}(...)` } : undefined;
}
/** `Name.__name__` of a class or function whose name is certain (an ASCII identifier): that str. */
function nameAttribute(source, scope) {
    if (!source.endsWith('.__name__'))
        return undefined;
    const found = resolveName(source.slice(0, -'.__name__'.length), scope);
    return (found?.kind === 'class' || found?.kind === 'function') && /^[A-Za-z_]\w*$/.test(found.name) ? found.name : undefined;
}
/**
 * An expression the parser could not read because it names what the module imports or calls: names
 * bound once by `from M import NAME` (M a project module whose NAME moduleConstant reads), `mod.NAME`
 * of an imported project module, and calls of small project functions returning data (functionData),
 * as structlog's conftest `[m for m in NAME_TO_LEVEL if m != "notset"]`, `"x" *
 * (tracebacks.LOCALS_MAX_STRING + 10)` and `[({key}, None) for key in extra_dict()]`: its value
 * when nothing in it is left unknown. Null otherwise.
 */
function importedExpression(source, scope) {
    const own = scope.env.locate?.(null);
    if (!own || source.length > 2048)
        return null;
    const root = treeOf(source)?.rootNode;
    const statement = root ? named(root) : [];
    const expr = statement.length === 1 && statement[0].type === 'expression_statement' ? named(statement[0]) : [];
    if (expr.length !== 1)
        return null;
    const ctx = (0, pyliteral_js_1.emptyLiteralContext)();
    const known = new Map();
    ctx.known = known;
    for (const id of expr[0].descendantsOfType('identifier')) {
        if (!id || ctx.constants.has(id.text) || !namesAVariable(id))
            continue;
        const parent = id.parent;
        const binding = bindingOf(own.text, id.text);
        if (binding === null)
            continue; // a builtin or a comprehension variable
        ctx.assignedNames.add(id.text);
        // a class attribute of that name may be what a decorator in the class body reads
        if (boundInBlock(own.text, id.text))
            continue;
        if (binding?.kind === 'def' && parent?.type === 'call' && parent.childForFieldName('function')?.startIndex === id.startIndex) {
            // (where the expression is first written in the module: a later copy runs later)
            const data = functionData(scope.env, own, id.text, parent, own.text.indexOf(source));
            if (data !== null)
                known.set(parent.text, data);
            continue;
        }
        if (binding?.kind !== 'import' || scope.imports[id.text] === undefined)
            continue;
        const value = importedConstant(id.text, scope);
        if (value !== null) {
            ctx.constants.set(id.text, value);
            continue;
        }
        // `mod.NAME`, mod an imported project module (`import mod`, `from pkg import mod`), the importing module not changing it
        const attr = parent?.type === 'attribute' && parent.childForFieldName('object')?.startIndex === id.startIndex
            ? parent.childForFieldName('attribute')?.text
            : undefined;
        const module = attr ? importedModule(id.text, scope, own.file) : undefined;
        if (!attr || !module || new RegExp(`\\b${escapeRe(id.text)}\\s*\\.\\s*${escapeRe(attr)}\\s*(=(?!=)|\\+=|\\.\\s*\\w+\\s*\\()`).test(own.text))
            continue;
        const constant = moduleConstant(scope.env, module.file, module.text, attr, 0);
        if (constant !== null && immutable(constant))
            known.set(parent.text, constant);
    }
    if (ctx.constants.size === 0 && known.size === 0)
        return null;
    const value = (0, pyliteral_js_1.readLiteral)(expr[0], ctx);
    return (0, pyliteral_js_1.isDynamic)(value) ? null : value;
}
/**
 * `f(args)` (written at `at` in the module `own`) of a module-level undecorated `def f` before it, whose body is `return EXPR`
 * (a docstring at most), EXPR data once its parameters are bound to the call's literal arguments
 * or defaults (structlog's `extra_dict()` returning a dict display): that data, a new object at
 * each call as Python makes it. Null otherwise.
 */
function functionData(env, own, name, call, at) {
    const fn = projectFunction(env, own.file, own.text, name, 0);
    // defined before the call runs (else it fails: a NameError)
    if (!fn || fn.file !== own.file || at < 0 || fn.node.endIndex > at)
        return null;
    const inlined = inlineCall(fn.node, call);
    if (!inlined)
        return null;
    const ctx = (0, pyliteral_js_1.emptyLiteralContext)();
    ctx.locals = new Map();
    for (const [param, node] of inlined.params) {
        const value = (0, pyliteral_js_1.readLiteral)(node, (0, pyliteral_js_1.emptyLiteralContext)());
        if (!dataOnly(value))
            return null;
        ctx.locals.set(param, value);
    }
    // a module-level name of the function's module shadows the builtin of that name
    for (const id of inlined.value.descendantsOfType('identifier'))
        if (id && !ctx.locals.has(id.text) && bindingOf(fn.text, id.text) !== null)
            ctx.assignedNames.add(id.text);
    const value = (0, pyliteral_js_1.readLiteral)(inlined.value, ctx);
    return (0, pyliteral_js_1.isDynamic)(value) ? null : value;
}
/** Whether `text` binds `name` in an indented block too (a class attribute, a function's local, an import there). */
function boundInBlock(text, name) {
    const n = escapeRe(name);
    return new RegExp(`^[ \\t]+(?:(?:class|(?:async[ \\t]+)?def)[ \\t]+${n}\\b|${n}[ \\t]*(?::[^=\\n]*)?=(?!=)|(?:from[ \\t]+\\S+[ \\t]+)?import\\b[^\\n]*\\b${n}\\b|for[ \\t][^\\n]*\\b${n}\\b[^\\n]*\\bin\\b)`, 'm').test(text);
}
/** The project module an imported name is bound to (`import mod`, `import a.b as mod`, `from pkg import mod` of a submodule). */
function importedModule(name, scope, fromFile) {
    const bound = scope.imports[name];
    if (bound === undefined || (!bound.startsWith('.') && stdlib_js_1.STDLIB_MODULES.has(bound.split(/[.:]/)[0])))
        return undefined;
    const colon = bound.indexOf(':');
    if (colon < 0)
        return scope.env.locate?.(bound, fromFile);
    const pkgName = bound.slice(0, colon);
    const attr = bound.slice(colon + 1);
    const pkg = scope.env.locate?.(pkgName, fromFile);
    if (!pkg?.package)
        return undefined;
    // the package binds nothing of that name, or binds its own submodule (`from . import mod`, `from pkg import mod`)
    const binding = bindingOf(pkg.text, attr);
    const from = binding?.kind === 'import' ? importedAt(pkg.text, binding.index, attr) : null;
    if (binding !== null && !(from && from.attr === attr && (from.module === '.' || from.module === pkgName)))
        return undefined;
    return scope.env.locate?.(`${pkgName}.${attr}`, fromFile);
}


/***/ }),

/***/ 4765:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ignoredPath = ignoredPath;
exports.isWithin = isWithin;
exports.dirsUpToRootdir = dirsUpToRootdir;
exports.findTestFiles = findTestFiles;
exports.findCollectable = findCollectable;
const node_path_1 = __nccwpck_require__(6760);
const inputs_js_1 = __nccwpck_require__(417);
const fnmatch_js_1 = __nccwpck_require__(8035);
function isVirtualenv(dir) {
    return (0, inputs_js_1.probePath)((0, node_path_1.join)(dir, 'pyvenv.cfg')) !== undefined || (0, inputs_js_1.probePath)((0, node_path_1.join)(dir, 'conda-meta', 'history')) !== undefined;
}
/** --ignore / --ignore-glob. */
function ignoredPath(path, rules) {
    if (rules.ignore.includes(path))
        return true;
    return rules.ignoreGlob.some((g) => (0, fnmatch_js_1.fnmatch)(path, g));
}
function ignoredDir(path, name, rules) {
    if (name === '__pycache__')
        return true;
    if (ignoredPath(path, rules))
        return true;
    if (!rules.collectInVirtualenv && isVirtualenv(path))
        return true;
    return rules.norecursedirs.some((pattern) => (0, fnmatch_js_1.fnmatchPath)(pattern, path));
}
function kindOf(dir, entry) {
    if (entry.isDirectory())
        return 'dir';
    if (entry.isFile())
        return 'file';
    if (entry.isSymbolicLink()) {
        const st = (0, inputs_js_1.probePath)((0, node_path_1.join)(dir, entry.name));
        return st?.isDirectory() ? 'dir' : st?.isFile() ? 'file' : null;
    }
    return null;
}
function walkDir(dir, rules, out) {
    let entries;
    try {
        entries = (0, inputs_js_1.listLoggedDir)(dir);
    }
    catch {
        return;
    }
    const isPackage = entries.some((e) => e.name === '__init__.py');
    if (entries.some((e) => e.name === 'conftest.py'))
        out.conftestDirs.push(dir);
    entries.sort((a, b) => {
        if (isPackage && (a.name === '__init__.py') !== (b.name === '__init__.py'))
            return a.name === '__init__.py' ? -1 : 1;
        return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
    for (const entry of entries) {
        const path = (0, node_path_1.join)(dir, entry.name);
        const kind = kindOf(dir, entry);
        if (kind === 'dir') {
            if (!ignoredDir(path, entry.name, rules))
                walkDir(path, rules, out);
        }
        else if (kind === 'file') {
            if (!entry.name.endsWith('.py'))
                out.others.push({ path, after: out.modules.length });
            else if (ignoredPath(path, rules))
                continue;
            else if (rules.pythonFiles.some((pattern) => (0, fnmatch_js_1.fnmatchPath)(pattern, path)))
                out.modules.push(path);
            else
                out.others.push({ path, after: out.modules.length }); // __init__.py too: a DoctestModule
        }
    }
}
/**
 * `dir` and its parents up to and including `rootdir`, innermost first; just `dir` when it is not
 * below the rootdir. The directories whose conftest.py files apply to something in `dir`.
 */
/** Whether `path` is `dir` or lies below it. */
function isWithin(path, dir) {
    return path === dir || path.startsWith(dir.endsWith(node_path_1.sep) ? dir : dir + node_path_1.sep);
}
function dirsUpToRootdir(dir, rootdir) {
    const dirs = [];
    for (let d = dir;; d = (0, node_path_1.dirname)(d)) {
        dirs.push(d);
        if (d === rootdir || (0, node_path_1.dirname)(d) === d || !d.startsWith(rootdir))
            return dirs;
    }
}
/**
 * Test module paths (absolute) for the given argument paths, in pytest's collection order.
 * A file named explicitly is collected even if it does not match python_files.
 */
function findTestFiles(argPaths, rules) {
    return findCollectable(argPaths, rules).modules;
}
/** Test modules as findTestFiles, with the other files and conftest directories the walk saw. */
function findCollectable(argPaths, rules) {
    const out = { modules: [], others: [], conftestDirs: [] };
    const seen = new Set();
    for (const arg of argPaths) {
        const path = (0, node_path_1.resolve)(arg);
        const found = { modules: [], others: [], conftestDirs: [] };
        const st = (0, inputs_js_1.probePath)(path);
        if (!st)
            continue;
        if (st.isDirectory())
            walkDir(path, rules, found);
        else if (path.endsWith('.py'))
            found.modules.push(path);
        else {
            found.others.push({ path, after: 0 });
            found.conftestDirs.push((0, node_path_1.dirname)(path));
        }
        const offset = out.modules.length;
        for (const f of found.modules) {
            if (!seen.has(f)) {
                seen.add(f);
                out.modules.push(f);
            }
        }
        for (const o of found.others) {
            if (!seen.has(o.path)) {
                seen.add(o.path);
                out.others.push({ path: o.path, after: Math.min(offset + o.after, out.modules.length) });
            }
        }
        out.conftestDirs.push(...found.conftestDirs);
    }
    return out;
}


/***/ }),

/***/ 512:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.affectedTests = affectedTests;
const deps_js_1 = __nccwpck_require__(3798);
const CONFIG_FILES = new Set(['pytest.ini', '.pytest.ini', 'setup.cfg', 'tox.ini', 'pyproject.toml']);
const PYTHON_SOURCE = /\.pyi?$/;
/** Multi-source reverse walk: file -> the next file on its way to a changed one (itself when changed). */
function dependents(graph, sources) {
    const reverse = new Map();
    for (const [file, deps] of graph.deps) {
        for (const dep of deps) {
            let list = reverse.get(dep);
            if (!list)
                reverse.set(dep, (list = []));
            list.push(file);
        }
    }
    const toward = new Map(sources.map((s) => [s, s]));
    let frontier = [...sources];
    while (frontier.length > 0) {
        const next = [];
        for (const file of frontier) {
            for (const user of reverse.get(file) ?? []) {
                if (toward.has(user))
                    continue;
                toward.set(user, file);
                next.push(user);
            }
        }
        frontier = next;
    }
    return toward;
}
function chainOf(file, toward) {
    const chain = [file];
    for (let at = file; toward.get(at) !== at;) {
        at = toward.get(at);
        chain.push(at);
    }
    return chain;
}
function affectedTests({ items, graph, changed, rules, inifile }) {
    const reasons = new Map();
    const byFile = new Map();
    for (const item of items) {
        let list = byFile.get(item.file);
        if (!list)
            byFile.set(item.file, (list = []));
        list.push(item);
    }
    const select = (files, why) => {
        for (const file of files)
            for (const item of byFile.get(file) ?? [])
                if (!reasons.has(item.id))
                    reasons.set(item.id, why(file));
    };
    let everything = null;
    const pythonChanges = [];
    let unexplainedPython = null;
    for (const file of changed) {
        const matched = rules.filter((rule) => rule.matches(file));
        if (byFile.has(file))
            select([file], () => `${file} changed`);
        for (const rule of matched) {
            select([...byFile.keys()].filter((f) => rule.testPaths.some((p) => (0, deps_js_1.underTestPath)(f, p))), () => `impact_deps '${rule.glob}' matches ${file}`);
        }
        if (PYTHON_SOURCE.test(file)) {
            pythonChanges.push(file);
            if (matched.length === 0)
                unexplainedPython ??= file;
        }
        else if (!byFile.has(file) && matched.length === 0 && everything === null) {
            const kind = CONFIG_FILES.has(file.slice(file.lastIndexOf('/') + 1)) || file === inifile ? 'a config file' : 'not a Python file';
            everything = `${file} changed (${kind}, not in impact_deps)`;
        }
    }
    if (pythonChanges.length > 0) {
        const toward = dependents(graph, pythonChanges);
        select([...byFile.keys()].filter((f) => toward.has(f) && toward.get(f) !== f), (f) => {
            const chain = chainOf(f, toward);
            return `depends on ${chain[chain.length - 1]}: ${chain.join(' -> ')}`;
        });
    }
    // A module loaded by a run-time name could be any changed one.
    const unknown = [...graph.dynamic, ...graph.unreadable];
    if (unexplainedPython !== null && unknown.length > 0) {
        const toward = dependents(graph, unknown);
        select([...byFile.keys()].filter((f) => toward.has(f)), (f) => {
            const chain = chainOf(f, toward);
            const loader = chain[chain.length - 1];
            return `${loader} imports modules named at run time (${unexplainedPython} changed): ${chain.join(' -> ')}`;
        });
    }
    if (everything !== null) {
        for (const item of items)
            if (!reasons.has(item.id))
                reasons.set(item.id, `every test: ${everything}`);
    }
    return { reasons, everything };
}


/***/ }),

/***/ 7763:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ChangesError = void 0;
exports.changedFiles = changedFiles;
// Which files a change touches, from git: `--changed` (uncommitted and untracked changes against
// HEAD), `--changed REF` (`git diff REF...HEAD` plus the working tree), or `--affected-by PATH...`.
const node_child_process_1 = __nccwpck_require__(1421);
const node_path_1 = __nccwpck_require__(6760);
class ChangesError extends Error {
}
exports.ChangesError = ChangesError;
function git(cwd, args) {
    try {
        return (0, node_child_process_1.execFileSync)('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
    }
    catch (error) {
        const stderr = error.stderr?.trim().split('\n')[0];
        throw new ChangesError(`--changed: git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`);
    }
}
/** What test runs themselves write (fastest's and pytest's caches, bytecode): never a change to the project. */
const RUN_STATE = /(?:^|\/)(?:\.fastest|\.pytest_cache|__pycache__)\/|\.py[co]$/;
function lines(text) {
    return text.split('\0').filter((l) => l !== '');
}
function toRootdirPath(rootdir, abs) {
    const rel = (0, node_path_1.relative)(rootdir, abs);
    if (rel === '' || rel.startsWith('..'))
        return null;
    return node_path_1.sep === '/' ? rel : rel.split(node_path_1.sep).join('/');
}
function changedFiles(request, rootdir, cwd) {
    const found = new Set();
    const sources = [];
    if (request.changed) {
        const top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
        const ref = request.changed.ref;
        const names = [];
        // --no-renames: a moved file is its old path deleted and its new path added, both changes.
        if (ref !== null)
            names.push(...lines(git(top, ['diff', '--name-only', '--no-renames', '-z', `${ref}...HEAD`, '--'])));
        names.push(...lines(git(top, ['diff', '--name-only', '--no-renames', '-z', 'HEAD', '--'])));
        names.push(...lines(git(top, ['ls-files', '--others', '--exclude-standard', '-z'])));
        for (const name of names) {
            const rel = toRootdirPath(rootdir, (0, node_path_1.resolve)(top, name));
            if (rel !== null && !RUN_STATE.test(rel))
                found.add(rel);
        }
        sources.push(ref === null ? 'uncommitted changes' : `changes since ${ref}`);
    }
    if (request.affectedBy) {
        for (const path of request.affectedBy) {
            const rel = toRootdirPath(rootdir, (0, node_path_1.resolve)(cwd, path));
            if (rel !== null)
                found.add(rel);
        }
        sources.push('--affected-by');
    }
    return { files: [...found].sort(), source: sources.join(' and ') };
}


/***/ }),

/***/ 3798:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ImpactDepsError = void 0;
exports.parseImpactDeps = parseImpactDeps;
exports.underTestPath = underTestPath;
// The `impact_deps` setting: what the import graph cannot see. Each line is `GLOB: TESTPATH...`:
// a changed file matching GLOB (rootdir-relative, matched like pytest's --ignore-glob: a pattern
// without `/` matches the file name, one with `/` the whole path, `*` crossing directories) selects
// the tests under each TESTPATH (rootdir-relative file or directory; none: no tests). A file it
// matches is explained by it: a config or non-Python file no longer selects every test, and a
// Python file no longer selects the tests that import modules by run-time names.
const fnmatch_js_1 = __nccwpck_require__(8035);
class ImpactDepsError extends Error {
}
exports.ImpactDepsError = ImpactDepsError;
function parseImpactDeps(lines) {
    const rules = [];
    for (const raw of lines) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const colon = line.indexOf(':');
        if (colon <= 0)
            throw new ImpactDepsError(`impact_deps: expected 'GLOB: TESTPATH...', got '${line}'`);
        const glob = line.slice(0, colon).trim();
        const testPaths = line
            .slice(colon + 1)
            .trim()
            .split(/\s+/)
            .filter((p) => p !== '')
            .map((p) => p.replace(/^\.\//, '').replace(/\/+$/, ''));
        rules.push({ glob, testPaths, matches: (path) => (0, fnmatch_js_1.fnmatchPath)(glob, path) });
    }
    return rules;
}
/** Whether a test file lies under a TESTPATH (the path itself, or a directory above it; `.` is all). */
function underTestPath(file, testPath) {
    return testPath === '.' || testPath === '' || file === testPath || file.startsWith(`${testPath}/`);
}


/***/ }),

/***/ 2258:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ImpactDepsError = exports.ChangesError = void 0;
exports.computeImpact = computeImpact;
exports.projectGraph = projectGraph;
// The impact stage: changed files (git or --affected-by) + the import graph -> which tests to run, and why.
const node_path_1 = __nccwpck_require__(6760);
const import_graph_js_1 = __nccwpck_require__(5524);
const walk_js_1 = __nccwpck_require__(4765);
const inputs_js_1 = __nccwpck_require__(417);
const affected_js_1 = __nccwpck_require__(512);
const changes_js_1 = __nccwpck_require__(7763);
const deps_js_1 = __nccwpck_require__(3798);
var changes_js_2 = __nccwpck_require__(7763);
Object.defineProperty(exports, "ChangesError", ({ enumerable: true, get: function () { return changes_js_2.ChangesError; } }));
var deps_js_2 = __nccwpck_require__(3798);
Object.defineProperty(exports, "ImpactDepsError", ({ enumerable: true, get: function () { return deps_js_2.ImpactDepsError; } }));
async function computeImpact(opts) {
    const rules = (0, deps_js_1.parseImpactDeps)(opts.impactDeps);
    const changes = (0, changes_js_1.changedFiles)(opts.request, opts.rootdir, opts.invocationDir);
    if (changes.files.length === 0)
        return { changes, impact: { reasons: new Map(), everything: null } };
    const graph = opts.graph ?? (await projectGraph(opts));
    return { changes, impact: (0, affected_js_1.affectedTests)({ items: opts.items, graph, changed: changes.files, rules, inifile: opts.inifile }) };
}
/** The import graph of the items' test files, their conftest.py files and the project modules they reach. */
async function projectGraph(opts) {
    const testFiles = [...new Set(opts.items.map((item) => (0, node_path_1.join)(opts.rootdir, item.file)))];
    const conftests = [...new Set(testFiles.flatMap((f) => (0, walk_js_1.dirsUpToRootdir)((0, node_path_1.dirname)(f), opts.rootdir)))]
        .map((dir) => (0, node_path_1.join)(dir, 'conftest.py'))
        .filter((conftest) => (0, inputs_js_1.probePath)(conftest)?.isFile());
    return (0, import_graph_js_1.buildImportGraph)({
        rootdir: opts.rootdir,
        testFiles,
        roots: (0, import_graph_js_1.projectRoots)(opts.rootdir, opts.invocationDir, opts.pythonpath, conftests),
        useCache: opts.useCache,
    });
}


/***/ }),

/***/ 3000:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.selfAndParents = selfAndParents;
// The directories above a path, for every upward search (config files, memos, .python-version):
// a leaf module, so that the small executable bundle can use it too.
const node_path_1 = __nccwpck_require__(6760);
/** `p` and each of its parents, up to the filesystem root. */
function selfAndParents(p) {
    const out = [p];
    for (let cur = p, up = (0, node_path_1.dirname)(p); up !== cur; cur = up, up = (0, node_path_1.dirname)(up))
        out.push(up);
    return out;
}


/***/ }),

/***/ 7542:
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
const node_fs_1 = __nccwpck_require__(3024);
const node_module_1 = __nccwpck_require__(8995);
const node_path_1 = __nccwpck_require__(6760);
const ancestors_js_1 = __nccwpck_require__(3000);
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
const node_fs_1 = __nccwpck_require__(3024);
const node_module_1 = __nccwpck_require__(8995);
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

/***/ 7689:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FAIL_ON_VALUES = void 0;
exports.mergeVerdict = mergeVerdict;
exports.mergedLine = mergedLine;
exports.problemReport = problemReport;
// What a merge means, written once for `fastest merge` and the Action's merge role: the exit code,
// the reasons a merge failed, the one-line totals and the listing of what went wrong.
const types_js_1 = __nccwpck_require__(8522);
exports.FAIL_ON_VALUES = ['any', 'new'];
function mergeVerdict(result, failOn = 'any') {
    // Without a history every failure is new.
    const newFailures = result.known?.newCount ?? result.failureCount;
    const knownFailures = result.failureCount - newFailures;
    const failing = failOn === 'any' ? result.failureCount : newFailures;
    const note = failOn === 'new' && knownFailures > 0
        ? `${knownFailures} known failure(s) (failing on the default branch too) do not fail the merge (fail-on: new)`
        : undefined;
    const reasons = [
        failing > 0 && (failOn === 'any' ? `${result.failureCount} test(s) failed` : `${newFailures} new failure(s)`),
        result.missing.length > 0 && `${result.missing.length} planned test(s) have no result`,
        result.duplicateCount > 0 && `${result.duplicateCount} test(s) ran more than once`,
        result.malformed.length > 0 && `${result.malformed.length} JUnit file(s) are malformed`,
    ].filter((s) => typeof s === 'string');
    if (reasons.length > 0)
        return { exitCode: types_js_1.ExitCode.TESTS_FAILED, reasons, note };
    return { exitCode: result.counts.tests === 0 ? types_js_1.ExitCode.NO_TESTS_COLLECTED : types_js_1.ExitCode.OK, reasons, note };
}
/** `merged 2 of 3 JUnit file(s): 1 failed, 9 passed, 2 missing`. */
function mergedLine(result, files) {
    const { counts } = result;
    const errors = counts.error + counts.teardownErrors;
    const parts = [
        counts.failed && `${counts.failed} failed`,
        counts.passed && `${counts.passed} passed`,
        result.retries?.flakyCount && `${result.retries.flakyCount} flaky`,
        counts.skipped && `${counts.skipped} skipped`,
        counts.xfailed && `${counts.xfailed} xfailed`,
        counts.xpassed && `${counts.xpassed} xpassed`,
        errors && `${errors} error${errors === 1 ? '' : 's'}`,
        result.missing.length && `${result.missing.length} missing`,
    ].filter((p) => typeof p === 'string');
    return `merged ${files - result.malformed.length} of ${files} JUnit file(s): ${parts.join(', ') || 'no tests'}`;
}
/**
 * The merge's problems, each line starting `fastest merge: `: malformed files skipped, planned
 * tests with no result, planned tests not collected, tests that ran twice. The ids and parse
 * errors come from the JUnit files: the caller fences the text on GitHub.
 */
function problemReport(result, fileName = (file) => file) {
    return [
        ...result.malformed.map((bad) => `fastest merge: skipping ${fileName(bad.file)}: malformed JUnit XML: ${bad.error}\n`),
        idList('planned test(s) have no result', result.missing),
        notCollectedLine(result.notCollected ?? []),
        idList('test(s) ran more than once', result.duplicates, result.duplicateCount),
    ].join('');
}
/** Planned ids their modules do not define (pytest never collects them): information, not a loss. */
function notCollectedLine(ids) {
    if (ids.length === 0)
        return '';
    const more = ids.length > 5 ? `, ... and ${ids.length - 5} more` : '';
    return `fastest merge: ${ids.length} planned test(s) not collected (their modules do not define them; not counted): ${ids.slice(0, 5).join(', ')}${more}\n`;
}
function idList(what, ids, total = ids.length) {
    if (total === 0)
        return '';
    const shown = ids.slice(0, 50);
    const more = total > shown.length ? `  ... and ${total - shown.length} more\n` : '';
    return `fastest merge: ${total} ${what}:\n${shown.map((id) => `  ${id}\n`).join('')}${more}`;
}


/***/ }),

/***/ 9098:
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

/***/ 2105:
/***/ ((__unused_webpack_module, exports) => {


// Terminal text helpers with pytest's exact semantics: ANSI markup (TerminalWriter._esctable),
// display width (_pytest/_io/wcwidth.py), separator lines (TerminalWriter.sep) and Python's
// number formatting where JS differs.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.markup = markup;
exports.wcwidth = wcwidth;
exports.wcswidth = wcswidth;
exports.sepLine = sepLine;
exports.pyCenter = pyCenter;
exports.pyFixed = pyFixed;
exports.pyRjust = pyRjust;
const ESC_CODES = {
    red: 31,
    green: 32,
    yellow: 33,
    blue: 34,
    purple: 35,
    cyan: 36,
    white: 37,
    bold: 1,
    light: 2,
};
/** Wraps text the way pytest's TerminalWriter.markup does: codes in the order given, one reset. */
function markup(text, enabled, ...styles) {
    if (!enabled || styles.length === 0)
        return text;
    return styles.map((s) => `\x1b[${ESC_CODES[s]}m`).join('') + text + '\x1b[0m';
}
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const COMBINING = /^[\p{Mn}\p{Me}]$/u;
const CONTROL = /^\p{Cc}$/u;
function isWide(cp) {
    // East Asian Wide/Fullwidth ranges (the common blocks; unicodedata.east_asian_width F/W).
    return ((cp >= 0x1100 && cp <= 0x115f) ||
        (cp >= 0x231a && cp <= 0x231b) ||
        (cp >= 0x2329 && cp <= 0x232a) ||
        (cp >= 0x23e9 && cp <= 0x23ec) ||
        (cp >= 0x25fd && cp <= 0x25fe) ||
        (cp >= 0x2614 && cp <= 0x2615) ||
        (cp >= 0x2648 && cp <= 0x2653) ||
        (cp >= 0x26aa && cp <= 0x26ab) ||
        (cp >= 0x2705 && cp <= 0x2705) ||
        (cp >= 0x274c && cp <= 0x274c) ||
        (cp >= 0x2e80 && cp <= 0x303e) ||
        (cp >= 0x3041 && cp <= 0x33ff) ||
        (cp >= 0x3400 && cp <= 0x4dbf) ||
        (cp >= 0x4e00 && cp <= 0x9fff) ||
        (cp >= 0xa000 && cp <= 0xa4cf) ||
        (cp >= 0xa960 && cp <= 0xa97f) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe10 && cp <= 0xfe19) ||
        (cp >= 0xfe30 && cp <= 0xfe6f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) ||
        (cp >= 0x1f300 && cp <= 0x1f64f) ||
        (cp >= 0x1f900 && cp <= 0x1f9ff) ||
        (cp >= 0x20000 && cp <= 0x3fffd));
}
/** Columns one character takes; -1 when not printable (pytest's wcwidth). */
function wcwidth(ch) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x20 && cp < 0x7f)
        return 1;
    if (cp === 0 || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2063)) {
        return 0;
    }
    if (CONTROL.test(ch))
        return -1;
    if (COMBINING.test(ch))
        return 0;
    return isWide(cp) ? 2 : 1;
}
/** Display width of a string; -1 if it holds a non-printable character (pytest's wcswidth). */
function wcswidth(s) {
    // Printable ASCII (the usual progress line) is one column a character, and NFC leaves it as is.
    if (PRINTABLE_ASCII.test(s))
        return s.length;
    let width = 0;
    for (const ch of s.normalize('NFC')) {
        const w = wcwidth(ch);
        if (w < 0)
            return -1;
        width += w;
    }
    return width;
}
/** A separator line as TerminalWriter.sep builds it (without the newline). */
function sepLine(sepchar, title, fullwidth) {
    let line;
    if (title !== undefined) {
        const n = Math.max(Math.floor((fullwidth - title.length - 2) / (2 * sepchar.length)), 1);
        const fill = sepchar.repeat(n);
        line = `${fill} ${title} ${fill}`;
    }
    else {
        line = sepchar.repeat(Math.floor(fullwidth / sepchar.length));
    }
    if (line.length + sepchar.trimEnd().length <= fullwidth)
        line += sepchar.trimEnd();
    return line;
}
/** Python's str.center(width, fill). */
function pyCenter(s, width, fill = ' ') {
    const pad = width - s.length;
    if (pad <= 0)
        return s;
    const left = Math.floor(pad / 2) + (pad & width & 1);
    return fill.repeat(left) + s + fill.repeat(pad - left);
}
/** Python's `f"{x:.{digits}f}"`: like toFixed, but exact ties round half to even. */
function pyFixed(x, digits) {
    const fixed = x.toFixed(digits);
    const probe = Math.abs(x).toFixed(Math.min(digits + 40, 100));
    const tail = probe.slice(probe.indexOf('.') + 1 + digits);
    if (!/^50*$/.test(tail))
        return fixed;
    // An exact tie: toFixed rounded away from zero; Python rounds to the even neighbour.
    const truncated = (x < 0 ? '-' : '') + probe.slice(0, probe.indexOf('.') + 1 + digits).replace(/\.$/, '');
    const lastDigit = Number(truncated.replace(/\D/g, '').slice(-1));
    return lastDigit % 2 === 0 ? truncated : fixed;
}
/** Python's str.rjust. */
function pyRjust(s, width) {
    return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}


/***/ }),

/***/ 5132:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


// Tallies and the closing line, as pytest's terminal reporter builds them
// (_pytest/terminal.py: _build_normal_summary_stats_line, summary_stats, format_session_duration).
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.COUNT_ORDER = void 0;
exports.emptyCounts = emptyCounts;
exports.subtestCategory = subtestCategory;
exports.addResult = addResult;
exports.countResults = countResults;
exports.colorForType = colorForType;
exports.mainColor = mainColor;
exports.pluralize = pluralize;
exports.summaryParts = summaryParts;
exports.formatSessionDuration = formatSessionDuration;
exports.countsPerFile = countsPerFile;
exports.collectOnlyParts = collectOnlyParts;
exports.closingLine = closingLine;
const nodeid_js_1 = __nccwpck_require__(9098);
const color_js_1 = __nccwpck_require__(2105);
/** pytest's KNOWN_TYPES order: the order the closing line lists categories in (then the
 * categories pytest does not know, such as `subtests passed`). */
exports.COUNT_ORDER = [
    'failed',
    'passed',
    'skipped',
    'deselected',
    'xfailed',
    'xpassed',
    'warnings',
    'error',
    'subtestsPassed',
    'rerun',
];
/** The closing line's word for a category. */
const COUNT_LABEL = { subtestsPassed: 'subtests passed' };
/** Categories pytest's terminal reporter does not know: seeing one turns a green line yellow. */
const UNKNOWN_TYPES = ['subtestsPassed', 'rerun'];
function emptyCounts() {
    return { failed: 0, passed: 0, skipped: 0, deselected: 0, xfailed: 0, xpassed: 0, warnings: 0, error: 0, subtestsPassed: 0, rerun: 0 };
}
/**
 * The stats category of a subtest report (pytest 9's subtests plugin, pytest_report_teststatus),
 * or null when it is not counted: with subtest verbosity 0 only failures count.
 */
function subtestCategory(report, subtestVerbosity) {
    if (report.outcome === 'failed')
        return 'failed';
    if (subtestVerbosity === 0)
        return null;
    return report.outcome === 'passed' ? 'subtestsPassed' : report.outcome;
}
/** Adds one result to the tally in place. `subtestVerbosity`: pytest's verbosity for
 * subtests (its global verbosity unless `verbosity_subtests` says otherwise). */
function addResult(counts, result, subtestVerbosity = 0) {
    if (result.subtests) {
        for (const sub of result.subtests) {
            const category = subtestCategory(sub, subtestVerbosity);
            if (category)
                counts[category] += 1;
        }
    }
    counts[result.outcome === 'error' ? 'error' : result.outcome] += 1;
    if (result.teardownError)
        counts.error += 1;
    if (result.warnings)
        counts.warnings += result.warnings.length;
    if (result.attempts)
        counts.rerun += result.attempts.length;
}
function countResults(results, errors = [], extra = {}) {
    const counts = emptyCounts();
    for (const r of results)
        addResult(counts, r, extra.subtestVerbosity ?? 0);
    for (const _ of errors)
        counts.error += 1;
    counts.deselected += extra.deselected ?? 0;
    counts.warnings += extra.warnings ?? 0;
    return counts;
}
const COLOR_FOR_TYPE = {
    failed: 'red',
    error: 'red',
    warnings: 'yellow',
    passed: 'green',
    subtestsPassed: 'green',
};
const DEFAULT_COLOR = 'yellow';
function colorForType(key) {
    return COLOR_FOR_TYPE[key] ?? DEFAULT_COLOR;
}
/**
 * The closing line's colour (_determine_main_color). `finished` false means tests are still
 * running, when pytest keeps green until something fails.
 */
function mainColor(counts, finished = true) {
    if (counts.failed > 0 || counts.error > 0)
        return 'red';
    if (counts.warnings > 0 || counts.xpassed > 0 || UNKNOWN_TYPES.some((k) => counts[k] > 0))
        return 'yellow';
    if (counts.passed > 0 || !finished)
        return 'green';
    return 'yellow';
}
/** pytest's pluralize: only `error`, `warnings` and `test` change with the count. */
function pluralize(count, noun) {
    if (noun !== 'error' && noun !== 'warnings' && noun !== 'test')
        return `${count} ${noun}`;
    const singular = noun === 'warnings' ? 'warning' : noun;
    return `${count} ${count === 1 ? singular : singular + 's'}`;
}
/** The parts of the closing line, e.g. `7 failed`, `9 passed`, and its main colour. */
function summaryParts(counts) {
    const main = mainColor(counts);
    const parts = [];
    for (const key of exports.COUNT_ORDER) {
        const n = counts[key];
        if (n > 0) {
            const color = colorForType(key);
            parts.push({ text: pluralize(n, COUNT_LABEL[key] ?? key), color, bold: color === main });
        }
    }
    if (parts.length === 0)
        parts.push({ text: 'no tests ran', color: DEFAULT_COLOR, bold: false });
    return { parts, main };
}
/** Python's str(datetime.timedelta(seconds=int(s))): `0:01:05`, `1 day, 2:03:04`. */
function timedelta(totalSeconds) {
    const days = Math.floor(totalSeconds / 86400);
    const rest = totalSeconds - days * 86400;
    const h = Math.floor(rest / 3600);
    const m = Math.floor((rest % 3600) / 60);
    const s = rest % 60;
    const clock = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
    return days > 0 ? `${days} day${days === 1 ? '' : 's'}, ${clock}` : clock;
}
/** `0.52s`, or `65.30s (0:01:05)` from a minute on. */
function formatSessionDuration(seconds) {
    if (seconds < 60)
        return `${(0, color_js_1.pyFixed)(seconds, 2)}s`;
    return `${(0, color_js_1.pyFixed)(seconds, 2)}s (${timedelta(Math.trunc(seconds))})`;
}
/** `--collect-only -qq`: pytest's count of the ids of each file, by file name, a line each. */
function countsPerFile(ids) {
    const perFile = new Map();
    for (const id of ids)
        perFile.set((0, nodeid_js_1.pathOfId)(id), (perFile.get((0, nodeid_js_1.pathOfId)(id)) ?? 0) + 1);
    return [...perFile.keys()]
        .sort()
        .map((file) => `${file}: ${perFile.get(file)}\n`)
        .join('');
}
/**
 * pytest's closing line of `--collect-only` (_build_collect_only_summary_stats_line):
 * `3/10 tests collected (7 deselected), 1 error`. `collected` counts the deselected too.
 */
function collectOnlyParts(collected, deselected, errors) {
    let main = collected === 0 || collected === deselected ? 'yellow' : 'green';
    const text = collected === 0
        ? 'no tests collected'
        : deselected === 0
            ? `${pluralize(collected, 'test')} collected`
            : collected === deselected
                ? `no tests collected (${deselected} deselected)`
                : `${collected - deselected}/${pluralize(collected, 'test')} collected (${deselected} deselected)`;
    const parts = [{ text, color: main, bold: false }];
    if (errors > 0) {
        main = 'red';
        parts.push({ text: pluralize(errors, 'error'), color: main, bold: false });
    }
    return { parts, main };
}
/**
 * The last line of a run, without the newline:
 * `==== 1 failed, 99 passed, 2 skipped, 1 xfailed in 0.52s ====`, centred in `width`.
 */
function closingLine(counts, seconds, width = 80, opts = {}) {
    const color = opts.color ?? false;
    const verbosity = opts.verbosity ?? 0;
    if (verbosity < -1)
        return '';
    const { parts, main } = opts.collected !== undefined ? collectOnlyParts(opts.collected, counts.deselected, counts.error) : summaryParts(counts);
    const displaySep = verbosity >= 0;
    let fullwidth = width;
    const rendered = parts.map((p) => {
        const styles = p.bold ? [p.color, 'bold'] : [p.color];
        const withMarkup = (0, color_js_1.markup)(p.text, color, ...styles);
        fullwidth += withMarkup.length - p.text.length;
        return withMarkup;
    });
    let msg = rendered.join(', ');
    const duration = ` in ${formatSessionDuration(seconds)}`;
    const durationMarked = (0, color_js_1.markup)(duration, color, main);
    fullwidth += durationMarked.length - duration.length;
    msg += durationMarked;
    if (!displaySep)
        return (0, color_js_1.markup)(msg, color, main);
    // pytest re-opens the main colour after the last reset so the right-hand fill is coloured too.
    const reopen = color ? `\x1b[${main === 'red' ? 31 : main === 'green' ? 32 : 33}m` : '';
    fullwidth += reopen.length;
    msg += reopen;
    return (0, color_js_1.markup)((0, color_js_1.sepLine)('=', msg, fullwidth), color, main);
}


/***/ }),

/***/ 7947:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BASETEMP_REFUSED = void 0;
exports.basetempRefused = basetempRefused;
exports.workerBasetempArgs = workerBasetempArgs;
// `--basetemp DIR` with more than one worker. Each worker's pytest (or native tmp_path factory)
// empties its basetemp before making the first temporary directory in it, so two workers given the
// same DIR deleted each other's directories (werkzeug's CI command). As under pytest-xdist, the run
// empties DIR once and each worker gets `DIR/gwN` of its own; one worker keeps DIR itself.
const node_fs_1 = __nccwpck_require__(3024);
const node_path_1 = __nccwpck_require__(6760);
const BASETEMP = '--basetemp';
/** The value of the last `--basetemp` in `args` (pytest's argparse keeps the last), or null. */
function basetempOf(args) {
    let value = null;
    for (let at = 0; at < args.length; at++) {
        const arg = args[at];
        if (arg === BASETEMP && at + 1 < args.length)
            value = args[++at];
        else if (arg.startsWith(`${BASETEMP}=`))
            value = arg.slice(BASETEMP.length + 1);
    }
    return value;
}
/** pytest's message for a basetemp it refuses (`validate_basetemp`). */
exports.BASETEMP_REFUSED = 'basetemp must not be empty, the current working directory or any parent directory of it';
/** pytest's validate_basetemp refuses `value`: empty, the working directory or one of its parents
 * (after symlinks too). Emptying it would delete the project. */
function basetempRefused(value, cwd) {
    if (value === '')
        return true;
    const atOrBelow = (base, query) => base === query || base.startsWith(query.endsWith(node_path_1.sep) ? query : query + node_path_1.sep);
    const real = (path) => {
        try {
            return (0, node_fs_1.realpathSync)(path);
        }
        catch {
            return path;
        }
    };
    const path = (0, node_path_1.resolve)(cwd, value);
    return atOrBelow(cwd, path) || atOrBelow(real(cwd), real(path));
}
/**
 * The pytest arguments of each worker when `args` name a basetemp and the run has `workers` of
 * them: `(index) => args` with `--basetemp DIR/gwINDEX`, after emptying DIR (mode 0700, as pytest
 * makes it). Null when nothing changes: one worker, no `--basetemp`, or one pytest refuses (its
 * usage error is the workers' to give).
 */
function workerBasetempArgs(args, workers, cwd) {
    if (workers < 2)
        return null;
    const value = basetempOf(args);
    if (value === null || basetempRefused(value, cwd))
        return null;
    const dir = (0, node_path_1.resolve)(cwd, value);
    try {
        (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
        (0, node_fs_1.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    }
    catch {
        return null; // (each worker's pytest meets the same problem, and reports it as pytest would)
    }
    return (index) => [...args, `${BASETEMP}=${(0, node_path_1.resolve)(dir, `gw${index}`)}`];
}


/***/ }),

/***/ 5047:
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

/***/ 5507:
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

/***/ 5530:
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
const node_child_process_1 = __nccwpck_require__(1421);
const node_fs_1 = __nccwpck_require__(3024);
const node_path_1 = __nccwpck_require__(6760);
const node_tty_1 = __nccwpck_require__(7066);
const node_url_1 = __nccwpck_require__(3136);
const environment_js_1 = __nccwpck_require__(5047);
const errors_js_1 = __nccwpck_require__(5507);
const shim_js_1 = __nccwpck_require__(1349);
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

/***/ 1349:
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
const node_fs_1 = __nccwpck_require__(3024);
const node_path_1 = __nccwpck_require__(6760);
const ancestors_js_1 = __nccwpck_require__(3000);
const which_js_1 = __nccwpck_require__(6351);
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

/***/ 2312:
/***/ ((__unused_webpack_module, exports) => {


// pytest's match-expression language for -k and -m (`_pytest/mark/expression.py`, pytest 9):
//
//   expression: expr? EOF
//   expr:       and_expr ('or' and_expr)*
//   and_expr:   not_expr ('and' not_expr)*
//   not_expr:   'not' not_expr | '(' expr ')' | ident kwargs?
//   ident:      (\w|:|\+|-|\.|\[|\]|\\|/)+
//   kwargs:     '(' name '=' value (',' name '=' value)* ')'
//   value:      'string' | "string" | -?[0-9]+ | True | False | None
//
// Positions and columns count code points, as Python does, so error columns match pytest's.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SelectionError = void 0;
exports.parseExpression = parseExpression;
exports.evaluate = evaluate;
/** A usage error in selection arguments: pytest exits with 4 and prints `ERROR: <message>`. */
class SelectionError extends Error {
    exitCode = 4;
    /** (pytest's main writes a blank line after each: errorOutcome) */
    blankLine = true;
    /**
     * pytest writes each to stderr as `ERROR: ${msg}\n\n`; `message` joins them so that writing
     * `ERROR: ${message}\n\n` reproduces pytest's output byte for byte.
     */
    messages;
    constructor(messages) {
        const list = typeof messages === 'string' ? [messages] : messages;
        super(list.join('\n\nERROR: '));
        this.name = 'SelectionError';
        this.messages = list;
    }
}
exports.SelectionError = SelectionError;
// How pytest names each token type in "expected X; got Y".
const TOKEN_WORDS = {
    lparen: 'left parenthesis',
    rparen: 'right parenthesis',
    or: 'or',
    and: 'and',
    not: 'not',
    ident: 'identifier',
    eof: 'end of input',
    equal: '=',
    string: 'string literal',
    comma: ',',
};
/** A syntax error as Python's SyntaxError carries it: pytest prints text, offset and msg. */
class ExpressionSyntaxError extends Error {
    msg;
    column;
    text;
    constructor(msg, column, text) {
        super(msg);
        this.msg = msg;
        this.column = column;
        this.text = text;
    }
}
// Python's `\w` on str: letters and numbers of any script, and the underscore.
const IDENT_CHAR = /[\p{L}\p{N}_:+\-.[\]\\/]/u;
const PY_IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;
const PY_KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '));
/** Lexes lazily, like pytest's generator: a bad character after a parse error is never reached. */
class Scanner {
    input;
    chars;
    pos = 0;
    current;
    constructor(input) {
        this.input = input;
        this.chars = Array.from(input);
        this.current = this.lexOne();
    }
    error(msg, pos) {
        throw new ExpressionSyntaxError(msg, pos + 1, this.input);
    }
    lexOne() {
        const chars = this.chars;
        while (this.pos < chars.length && (chars[this.pos] === ' ' || chars[this.pos] === '\t'))
            this.pos++;
        const pos = this.pos;
        if (pos >= chars.length)
            return { type: 'eof', value: '', pos };
        const ch = chars[pos];
        const single = { '(': 'lparen', ')': 'rparen', '=': 'equal', ',': 'comma' };
        const singleType = single[ch];
        if (singleType) {
            this.pos++;
            return { type: singleType, value: ch, pos };
        }
        if (ch === "'" || ch === '"') {
            const end = chars.indexOf(ch, pos + 1);
            if (end === -1)
                this.error(`closing quote "${ch}" is missing`, pos);
            // pytest looks for a backslash anywhere in the input, not only inside this literal.
            const backslash = chars.indexOf('\\');
            if (backslash !== -1)
                this.error('escaping with "\\" not supported in marker expression', backslash);
            this.pos = end + 1;
            return { type: 'string', value: chars.slice(pos, end + 1).join(''), pos };
        }
        let end = pos;
        while (end < chars.length && IDENT_CHAR.test(chars[end]))
            end++;
        if (end === pos)
            this.error(`unexpected character "${ch}"`, pos);
        this.pos = end;
        const value = chars.slice(pos, end).join('');
        const type = value === 'or' ? 'or' : value === 'and' ? 'and' : value === 'not' ? 'not' : 'ident';
        return { type, value, pos };
    }
    accept(type) {
        if (this.current.type !== type)
            return null;
        const token = this.current;
        if (token.type !== 'eof')
            this.current = this.lexOne();
        return token;
    }
    expect(type) {
        return this.accept(type) ?? this.reject([type]);
    }
    reject(expected) {
        const words = expected.map((t) => TOKEN_WORDS[t]).join(' OR ');
        this.error(`expected ${words}; got ${TOKEN_WORDS[this.current.type]}`, this.current.pos);
    }
    errorAt(msg, pos) {
        this.error(msg, pos);
    }
}
function parseExpr(s) {
    let left = parseAnd(s);
    while (s.accept('or'))
        left = { kind: 'or', left, right: parseAnd(s) };
    return left;
}
function parseAnd(s) {
    let left = parseNot(s);
    while (s.accept('and'))
        left = { kind: 'and', left, right: parseNot(s) };
    return left;
}
function parseNot(s) {
    if (s.accept('not'))
        return { kind: 'not', operand: parseNot(s) };
    if (s.accept('lparen')) {
        const inner = parseExpr(s);
        s.expect('rparen');
        return inner;
    }
    const ident = s.accept('ident');
    if (ident) {
        if (s.accept('lparen')) {
            const kwargs = [parseKwarg(s)];
            while (s.accept('comma'))
                kwargs.push(parseKwarg(s));
            s.expect('rparen');
            return { kind: 'call', name: ident.value, kwargs };
        }
        return { kind: 'ident', name: ident.value };
    }
    return s.reject(['not', 'lparen', 'ident']);
}
function parseKwarg(s) {
    const name = s.expect('ident');
    if (!PY_IDENTIFIER.test(name.value))
        s.errorAt(`not a valid python identifier ${name.value}`, name.pos);
    if (PY_KEYWORDS.has(name.value))
        s.errorAt(`unexpected reserved python keyword \`${name.value}\``, name.pos);
    s.expect('equal');
    const str = s.accept('string');
    if (str)
        return [name.value, str.value.slice(1, -1)];
    const token = s.expect('ident');
    const text = token.value;
    if (/^-?[0-9]+$/.test(text))
        return [name.value, BigInt(text)];
    if (text === 'True')
        return [name.value, true];
    if (text === 'False')
        return [name.value, false];
    if (text === 'None')
        return [name.value, null];
    return s.errorAt(`unexpected character/s "${text}"`, token.pos);
}
// Python's compiler rejects a repeated keyword argument after parsing, with no position.
function checkRepeatedKwargs(expr) {
    switch (expr.kind) {
        case 'call': {
            const seen = new Set();
            for (const [key] of expr.kwargs) {
                if (seen.has(key))
                    throw new ExpressionSyntaxError(`keyword argument repeated: ${key}`, 1, null);
                seen.add(key);
            }
            return;
        }
        case 'not':
            return checkRepeatedKwargs(expr.operand);
        case 'and':
        case 'or':
            checkRepeatedKwargs(expr.left);
            return checkRepeatedKwargs(expr.right);
        default:
            return;
    }
}
/**
 * Parses a match expression; `what` is the option for the error message (`-k` or `-m`).
 * Throws SelectionError with pytest's exact wording on a malformed expression.
 */
function parseExpression(input, what = '-k') {
    try {
        const s = new Scanner(input);
        let expr;
        if (s.accept('eof')) {
            expr = { kind: 'empty' };
        }
        else {
            expr = parseExpr(s);
            s.expect('eof');
        }
        checkRepeatedKwargs(expr);
        return expr;
    }
    catch (err) {
        if (err instanceof ExpressionSyntaxError) {
            throw new SelectionError(`Wrong expression passed to '${what}': ${err.text ?? 'None'}: at column ${err.column ?? 'None'}: ${err.msg}`);
        }
        throw err;
    }
}
/**
 * Evaluates with Python's short-circuit order (a matcher that throws is only reached when
 * pytest would reach it), extended to Kleene logic for unknown answers.
 */
function evaluate(expr, matcher) {
    switch (expr.kind) {
        case 'empty':
            return false;
        case 'ident':
            return matcher(expr.name);
        case 'call':
            return matcher(expr.name, expr.kwargs);
        case 'not': {
            const v = evaluate(expr.operand, matcher);
            return v === 'unknown' ? v : !v;
        }
        case 'and':
            return evaluateBinary(expr.left, expr.right, matcher, false);
        case 'or':
            return evaluateBinary(expr.left, expr.right, matcher, true);
    }
}
/** `and` (decisive: false) or `or` (decisive: true): the decisive answer on either side wins. */
function evaluateBinary(left, right, matcher, decisive) {
    const l = evaluate(left, matcher);
    if (l === decisive)
        return decisive;
    const r = evaluate(right, matcher);
    if (r === decisive)
        return decisive;
    return l === 'unknown' || r === 'unknown' ? 'unknown' : !decisive;
}


/***/ }),

/***/ 3292:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.applyImpact = applyImpact;
function applyImpact(selection, affected) {
    const selected = [];
    const deselected = [...selection.deselected];
    for (const item of selection.selected)
        (affected.has(item.id) ? selected : deselected).push(item);
    return { ...selection, selected, deselected };
}


/***/ }),

/***/ 1276:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


// The select stage: node-id arguments, --deselect, -k and -m over discovered items, with
// pytest's semantics. Last-failed selection lives in lastfailed.ts (apply it after this).
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
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.markMatcher = exports.keywordMatcher = exports.keywordNames = exports.evaluate = exports.parseExpression = exports.SelectionError = void 0;
exports.namedNodeIds = namedNodeIds;
exports.selectItems = selectItems;
exports.unverifiedItemOfId = unverifiedItemOfId;
exports.unverifiedItem = unverifiedItem;
exports.expansionSelected = expansionSelected;
exports.unmatchedNodeIds = unmatchedNodeIds;
const types_js_1 = __nccwpck_require__(8522);
const expression_js_1 = __nccwpck_require__(2312);
const match_js_1 = __nccwpck_require__(697);
const nodeid_js_1 = __nccwpck_require__(267);
var expression_js_2 = __nccwpck_require__(2312);
Object.defineProperty(exports, "SelectionError", ({ enumerable: true, get: function () { return expression_js_2.SelectionError; } }));
Object.defineProperty(exports, "parseExpression", ({ enumerable: true, get: function () { return expression_js_2.parseExpression; } }));
Object.defineProperty(exports, "evaluate", ({ enumerable: true, get: function () { return expression_js_2.evaluate; } }));
var match_js_2 = __nccwpck_require__(697);
Object.defineProperty(exports, "keywordNames", ({ enumerable: true, get: function () { return match_js_2.keywordNames; } }));
Object.defineProperty(exports, "keywordMatcher", ({ enumerable: true, get: function () { return match_js_2.keywordMatcher; } }));
Object.defineProperty(exports, "markMatcher", ({ enumerable: true, get: function () { return match_js_2.markMatcher; } }));
__exportStar(__nccwpck_require__(5939), exports);
/** The node ids below module level the command line names (`test_x.py::TestA`, without a
 * parametrization), as pytest keeps them: an argument a wider one covers is dropped. */
function namedNodeIds(opts) {
    const args = nodeIdArgs(opts) ?? [];
    return args.filter((arg) => arg.parts.length > 0).map((arg) => [arg.path, ...arg.parts].join('::'));
}
/** The node-id arguments as pytest 9 keeps them (null: none given). */
function nodeIdArgs(opts) {
    return opts.nodeIds && opts.nodeIds.length > 0 ? (0, nodeid_js_1.normalizeNodeIdArgs)(opts.nodeIds.map((raw, i) => (0, nodeid_js_1.parseNodeIdArg)(raw, i, opts.rootdir))) : null;
}
function compile(opts) {
    // pytest strips leading whitespace from -k only; an -m of spaces is the empty expression (False).
    const keywordText = (opts.keyword ?? '').trimStart();
    const args = nodeIdArgs(opts);
    const filters = [];
    if (keywordText)
        filters.push({ expr: (0, expression_js_1.parseExpression)(keywordText, '-k'), matcherOf: match_js_1.keywordMatcher });
    if (opts.markexpr)
        filters.push({ expr: (0, expression_js_1.parseExpression)(opts.markexpr, '-m'), matcherOf: match_js_1.markMatcher });
    return { filters, deselect: opts.deselect ?? [], args };
}
/** Whether --deselect, -k and -m keep the item (`unknown`: depends on its expansions). */
function filterItem(item, sel) {
    let answer = true;
    for (const prefix of sel.deselect) {
        if (item.id.startsWith(prefix))
            return false;
        // (a deselected expansion, or a test inside a dynamic module or class)
        if (item.dynamic && item.param === undefined && (prefix.startsWith(item.id + '[') || prefix.startsWith(item.id + '::')))
            answer = 'unknown';
    }
    for (const { expr, matcherOf } of sel.filters) {
        const v = (0, expression_js_1.evaluate)(expr, matcherOf(item));
        if (v === false)
            return false;
        if (v === 'unknown')
            answer = 'unknown';
    }
    return answer;
}
/**
 * Selects what `pytest [nodeIds] [-k] [-m] [--deselect]` would run from `items` (in collection
 * order). Throws SelectionError (exit code 4) with pytest's message on bad input.
 */
function selectItems(items, opts) {
    const sel = compile(opts);
    const narrowIds = new Map();
    const checkExpansions = new Set();
    let requested = items;
    const notRequested = [];
    const unverified = [];
    if (sel.args) {
        const errored = new Set(opts.erroredFiles ?? []);
        const errors = [];
        // For each item: the index of the first argument that selects it whole, or the expansions asked for.
        const whole = new Map();
        const partial = new Map();
        for (const arg of sel.args) {
            let matched = false;
            let container = false;
            for (const item of items) {
                const v = (0, nodeid_js_1.argSelects)(arg, item);
                if (v === false)
                    continue;
                matched = true;
                if (arg.parametrization === null && arg.parts.length > 0 && arg.parts.length < item.classes.length + 1)
                    container = true;
                if (v === true) {
                    if (!whole.has(item))
                        whole.set(item, arg.index);
                }
                else {
                    const entry = partial.get(item) ?? { index: arg.index, ids: [] };
                    if (!entry.ids.includes(v))
                        entry.ids.push(v);
                    partial.set(item, entry);
                }
            }
            if (container && opts.modules?.has(arg.path)) {
                // A class asked for: members the module sets at import (setattr) are its too; the worker
                // runs whatever the class collects.
                const item = unverifiedItem(arg.path, arg.parts, null);
                unverified.push(item);
                whole.set(item, arg.index);
            }
            if (!matched) {
                const message = (0, nodeid_js_1.notFoundMessage)(arg, items, opts.rootdir, errored);
                if (message === null)
                    continue;
                if (opts.modules?.has(arg.path) && !errored.has(arg.path) && message.startsWith('not found: ')) {
                    const item = unverifiedItem(arg.path, arg.parts, arg.parametrization);
                    unverified.push(item);
                    whole.set(item, arg.index);
                }
                else
                    errors.push(message);
            }
        }
        if (errors.length > 0)
            throw new expression_js_1.SelectionError(errors);
        const order = new Map();
        for (const item of [...items, ...unverified]) {
            const w = whole.get(item);
            const p = partial.get(item);
            if (w !== undefined)
                order.set(item, Math.min(w, p?.index ?? Infinity));
            else if (p) {
                order.set(item, p.index);
                narrowIds.set(item.id, p.ids);
            }
            else
                notRequested.push(item);
        }
        // Stable sort: argument order first, collection order within one argument.
        requested = [...items, ...unverified].filter((item) => order.has(item)).sort((a, b) => order.get(a) - order.get(b));
    }
    const selected = [];
    const deselected = [];
    const atRun = opts.filterAtRun === true && sel.filters.length > 0;
    const deselectOnly = atRun ? { ...sel, filters: [] } : sel;
    for (const item of requested) {
        const v = atRun ? (filterItem(item, deselectOnly) === false ? false : 'unknown') : filterItem(item, sel);
        if (v === false) {
            deselected.push(item);
            narrowIds.delete(item.id);
        }
        else {
            selected.push(item);
            if (v === 'unknown')
                checkExpansions.add(item.id);
        }
    }
    return { selected, deselected, notRequested, narrowIds, checkExpansions, unverified };
}
/** unverifiedItem of a full node id (`file::C::test[p]`, rootdir-relative). */
function unverifiedItemOfId(id) {
    const arg = (0, nodeid_js_1.parseNodeIdArg)(id, 0);
    return unverifiedItem(arg.path, arg.parts, arg.parametrization);
}
/**
 * The item standing for a node id no listed item matches (`file::TestC::test_m[1]`): the worker
 * runs whatever the module collects under that id, or reports it missing.
 */
function unverifiedItem(file, parts, parametrization) {
    const fn = parts[parts.length - 1] ?? '';
    return {
        id: `${file}::${parts.join('::')}${parametrization ?? ''}`,
        file,
        line: 1,
        classes: parts.slice(0, -1),
        function: fn,
        ...(parametrization !== null ? { param: parametrization.slice(1, -1) } : {}),
        marks: [],
        dynamic: true,
        unverified: true,
    };
}
// expansionSelected runs once per expansion result with the same options object: parse them once.
const compiledByOptions = new WeakMap();
function compiledFor(opts) {
    let sel = compiledByOptions.get(opts);
    if (!sel) {
        sel = compile(opts);
        compiledByOptions.set(opts, sel);
    }
    return sel;
}
/**
 * For a dynamic item, whether one of its expansions (its final id and marks, as the worker
 * reports them) is selected by the same options. The runner calls this for items in
 * `checkExpansions` or `narrowIds` and skips the expansions it rejects. `opts` must not change
 * between calls (its compiled form is reused). Without the marks the worker sent, a test with
 * marks of its own no one knows is kept when they could decide -m.
 */
function expansionSelected(item, expandedId, expandedMarks, opts) {
    const { marksUnknown, ...expanded } = (0, types_js_1.itemOfExpandedId)(item, expandedId);
    const concrete = expandedMarks !== undefined ? { ...expanded, marks: expandedMarks } : { ...expanded, ...(marksUnknown ? { marksUnknown } : {}) };
    const sel = compiledFor(opts);
    if (sel.args && !sel.args.some((arg) => (0, nodeid_js_1.argSelects)(arg, concrete) === true))
        return false;
    const answer = filterItem(concrete, sel);
    return concrete.marksUnknown ? answer !== false : answer === true;
}
/**
 * pytest's `not found` messages (exit 4) for the node-id arguments in `opts` that select none of
 * `items`: after a run, `items` without the ids their modules turned out not to produce.
 */
function unmatchedNodeIds(items, opts) {
    const sel = compile(opts);
    if (!sel.args)
        return [];
    const errored = new Set(opts.erroredFiles ?? []);
    const messages = [];
    for (const arg of sel.args) {
        if (items.some((item) => (0, nodeid_js_1.argSelects)(arg, item) !== false))
            continue;
        const message = (0, nodeid_js_1.notFoundMessage)(arg, items, opts.rootdir, errored);
        if (message)
            messages.push(message);
    }
    return messages;
}


/***/ }),

/***/ 5939:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


// --lf / --ff over pytest's own cache file `.pytest_cache/v/cache/lastfailed` (a JSON object
// nodeid -> true), read and written the way `_pytest/cacheprovider.py` (LFPlugin) does, so that
// pytest and fastest runs share one record of failures.
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.lastFailedPath = lastFailedPath;
exports.readLastFailed = readLastFailed;
exports.planLastFailed = planLastFailed;
exports.applyLastFailed = applyLastFailed;
exports.nextLastFailed = nextLastFailed;
exports.updateLastFailed = updateLastFailed;
exports.updateNodeIds = updateNodeIds;
const node_fs_1 = __importDefault(__nccwpck_require__(3024));
const node_path_1 = __importDefault(__nccwpck_require__(6760));
const nodeid_js_1 = __nccwpck_require__(9098);
const DEFAULT_CACHE_DIR = '.pytest_cache';
function lastFailedPath(rootdir, cacheDir = DEFAULT_CACHE_DIR) {
    return node_path_1.default.join(node_path_1.default.resolve(rootdir, cacheDir), 'v', 'cache', 'lastfailed');
}
/** Reads the record; a missing file is an empty record, a corrupt one is empty with a warning. */
function readLastFailed(rootdir, cacheDir = DEFAULT_CACHE_DIR) {
    const file = lastFailedPath(rootdir, cacheDir);
    let text;
    try {
        text = node_fs_1.default.readFileSync(file, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return { ids: new Set() };
        return { ids: new Set(), warning: `could not read ${file}: ${err.message}; ignoring it` };
    }
    try {
        const data = JSON.parse(text);
        if (data === null || typeof data !== 'object' || Array.isArray(data))
            throw new Error('not a JSON object');
        return { ids: new Set(Object.keys(data)) };
    }
    catch (err) {
        return { ids: new Set(), warning: `cache file ${file} is corrupt (${err.message}); ignoring it` };
    }
}
/** The ids of a file's collectors: its directories, then the file itself. */
function pathCollectorIds(file) {
    const segments = file.split('/');
    return segments.map((_, i) => segments.slice(0, i + 1).join('/'));
}
/** The paths (directories and files) of the recorded failures. */
function failedPaths(failed) {
    return new Set([...failed].flatMap((id) => pathCollectorIds(id.split('::')[0])));
}
/** The collector an item hangs under: its innermost class, else its module. */
function parentId(item) {
    return item.classes.length > 0 ? `${item.file}::${item.classes.join('::')}` : item.file;
}
/** The id of the module's child that holds the item: the item itself, or its outermost class. */
function moduleChildId(item) {
    return item.classes.length > 0 ? `${item.file}::${item.classes[0]}` : item.id;
}
/**
 * Whether the record marks the item failed: true, false, or the failed expansions of a dynamic
 * item. pytest replaces a recorded collector (a module that failed to import, say) by its
 * children when it collects again, in a post-order walk: an item counts as failed when its own
 * id or its direct parent's id is recorded; a recorded grandparent only records the parent.
 */
function failedPart(item, failed, expansionsByBase) {
    if (failed.has(item.id) || failed.has(parentId(item)))
        return true;
    if (item.dynamic && item.param === undefined) {
        const expansions = expansionsByBase.get(item.id);
        if (expansions)
            return expansions;
    }
    return false;
}
function expansionsIndex(failed) {
    const index = new Map();
    for (const id of failed) {
        const bracket = (0, nodeid_js_1.paramStart)(id);
        if (bracket === -1 || !id.endsWith(']'))
            continue;
        const base = id.slice(0, bracket);
        const list = index.get(base) ?? [];
        list.push(id);
        index.set(base, list);
    }
    return index;
}
/**
 * With --lf and no recorded failure among the items, pytest still runs everything but collects
 * the paths of recorded failures first, directory by directory (a stable sort per level).
 */
function lastFailedPathsFirst(items, lfPaths) {
    const root = { children: new Map() };
    for (const item of items) {
        const segments = item.file.split('/');
        let node = root;
        for (let i = 0; i < segments.length - 1; i++) {
            const key = segments.slice(0, i + 1).join('/');
            let child = node.children.get(key);
            if (!child || Array.isArray(child)) {
                child = { children: new Map() };
                node.children.set(key, child);
            }
            node = child;
        }
        const list = node.children.get(item.file) ?? [];
        list.push(item);
        node.children.set(item.file, list);
    }
    const out = [];
    const walk = (node) => {
        const entries = [...node.children.entries()];
        const ordered = [...entries.filter(([key]) => lfPaths.has(key)), ...entries.filter(([key]) => !lfPaths.has(key))];
        for (const [, child] of ordered) {
            if (Array.isArray(child))
                out.push(...child);
            else
                walk(child);
        }
    };
    walk(root);
    return out;
}
/**
 * --lf / --ff over the selected items (pytest applies them after -k, -m and --deselect), with
 * pytest's order, status line and quirks.
 */
function planLastFailed(items, lastfailed, mode, options = {}) {
    const failed = lastfailed instanceof Set ? lastfailed : lastfailed.ids;
    const narrowIds = new Map();
    if (failed.size === 0) {
        if (options.lastFailedNoFailures === 'none') {
            return { items: [], narrowIds, deselected: items, status: 'no previously failed tests, deselecting all items.' };
        }
        return { items, narrowIds, deselected: [], status: 'no previously failed tests, not deselecting items.' };
    }
    const index = expansionsIndex(failed);
    let considered = items;
    let skippedFiles = 0;
    let skipsModule;
    let collectedIds;
    if (mode === 'lf') {
        const lfPaths = failedPaths(failed);
        const survivors = collectLastFailed(options.collected ?? items, failed, index, lfPaths, options.initPaths ?? new Set());
        collectedIds = survivors.ids;
        // A module with no listed item is off the walk's lf-first order too: skipped once one was found.
        const listed = new Set((options.collected ?? items).map((item) => item.file));
        const unlistedSkipped = (file) => survivors.found && !listed.has(file) && !lfPaths.has(file);
        skippedFiles = survivors.skipped.size + (options.modules ?? []).filter(unlistedSkipped).length;
        skipsModule = (file) => survivors.skipped.has(file) || unlistedSkipped(file);
        considered = lastFailedPathsFirst(items, lfPaths).filter((item) => survivors.ids.has(item.id));
    }
    const previouslyFailed = [];
    const previouslyPassed = [];
    let failedCount = 0;
    for (const item of considered) {
        const part = failedPart(item, failed, index);
        if (part === false) {
            previouslyPassed.push(item);
            continue;
        }
        previouslyFailed.push(item);
        if (part === true)
            failedCount++;
        else {
            failedCount += part.length;
            if (mode === 'lf')
                narrowIds.set(item.id, part);
        }
    }
    const suffix = skippedFiles > 0 ? ` (skipped ${skippedFiles} ${skippedFiles === 1 ? 'file' : 'files'})` : '';
    if (previouslyFailed.length === 0) {
        return { items: considered, narrowIds, deselected: [], status: `${failed.size} known failures not in selected tests${suffix}`, skipsModule, collectedIds };
    }
    const noun = failedCount === 1 ? 'failure' : 'failures';
    if (mode === 'ff') {
        return {
            items: [...previouslyFailed, ...previouslyPassed],
            narrowIds,
            deselected: [],
            status: `rerun previous ${failedCount} ${noun} first`,
        };
    }
    return {
        items: previouslyFailed,
        narrowIds,
        deselected: previouslyPassed,
        status: `rerun previous ${failedCount} ${noun}${suffix}`,
        skipsModule,
        collectedIds,
    };
}
/**
 * What --lf lets through collection: the paths of recorded failures are collected first; once a
 * module holding a recorded failure has been collected, later modules keep only their recorded
 * functions (and all their classes), and modules off those paths are skipped.
 */
function collectLastFailed(collected, failed, index, lfPaths, initPaths) {
    const isRecorded = (id, item) => failed.has(id) || (item.dynamic && item.param === undefined && id === item.id && index.has(id));
    const ordered = lastFailedPathsFirst(collected, lfPaths);
    const ids = new Set();
    const skipped = new Set();
    let found = false;
    for (let start = 0; start < ordered.length;) {
        const file = ordered[start].file;
        let end = start;
        while (end < ordered.length && ordered[end].file === file)
            end++;
        const group = ordered.slice(start, end);
        start = end;
        let kept = group;
        if (!lfPaths.has(file)) {
            if (found) {
                skipped.add(file);
                kept = [];
            }
        }
        else if (found || group.some((item) => isRecorded(moduleChildId(item), item))) {
            found = true;
            kept = initPaths.has(file) ? group : group.filter((item) => item.classes.length > 0 || isRecorded(item.id, item));
        }
        for (const item of kept)
            ids.add(item.id);
    }
    return { ids, skipped, found };
}
/** --lf ('lf') or --ff ('ff') with pytest's default --lfnf=all. */
function applyLastFailed(items, lastfailed, mode) {
    return planLastFailed(items, lastfailed, mode).items;
}
const CLEARS = new Set(['passed', 'skipped', 'xfailed', 'xpassed']);
const RECORDS = new Set(['failed', 'error']);
const README = `# pytest cache directory #

This directory contains data from the pytest's cache plugin,
which provides the \`--lf\` and \`--ff\` options, as well as the \`cache\` fixture.

**Do not** commit this to version control.

See [the docs](https://docs.pytest.org/en/stable/how-to/cache.html) for more information.
`;
const CACHEDIR_TAG = `Signature: 8a477f597d28d172789f06886806bc55
# This file is a cache directory tag created by pytest.
# For information about cache directory tags, see:
#\thttps://bford.info/cachedir/spec.html
`;
function ensureCacheDir(cacheRoot) {
    if (node_fs_1.default.existsSync(cacheRoot))
        return;
    node_fs_1.default.mkdirSync(cacheRoot, { recursive: true });
    node_fs_1.default.writeFileSync(node_path_1.default.join(cacheRoot, 'README.md'), README);
    node_fs_1.default.writeFileSync(node_path_1.default.join(cacheRoot, '.gitignore'), '# Created by pytest automatically.\n*\n');
    node_fs_1.default.writeFileSync(node_path_1.default.join(cacheRoot, 'CACHEDIR.TAG'), CACHEDIR_TAG);
}
/**
 * The record after a run, by pytest's rule: a pass or skip (incl. xfail/xpass) removes the id, a
 * failure or error adds it, tests that did not run keep their entry. `collectedIds` (every id
 * collected this run, selected or not) lets a recorded collector that now collects be replaced by
 * its tests, as pytest does.
 */
function nextLastFailed(previous, results, collectedIds = []) {
    const next = new Set(previous);
    // The collection tree (directories, modules, classes) in collection order.
    const children = new Map();
    const roots = [];
    const addChild = (parent, child) => {
        const list = parent === null ? roots : (children.get(parent) ?? children.set(parent, []).get(parent));
        if (!list.includes(child))
            list.push(child);
    };
    // Only the subtrees of recorded nodes matter, and a node's id is a prefix of every id below it:
    // with nothing recorded (a passing suite) no tree is built at all.
    const recorded = [...previous];
    const below = recorded.length > 64 ? collectedIds : collectedIds.filter((id) => recorded.some((node) => id.startsWith(node)));
    for (const id of below) {
        const chain = nodeChain(id);
        chain.forEach((node, i) => addChild(i === 0 ? null : chain[i - 1], node));
    }
    // Each collector reports after its children (post-order); a recorded collector that collects
    // is replaced by its direct children.
    const report = (node) => {
        const kids = children.get(node);
        if (!kids)
            return;
        for (const kid of kids)
            report(kid);
        if (next.delete(node))
            for (const kid of kids)
                next.add(kid);
    };
    for (const root of roots)
        report(root);
    for (const { id, outcome } of results) {
        if (CLEARS.has(outcome))
            next.delete(id);
        else if (RECORDS.has(outcome))
            next.add(id);
    }
    return next;
}
/** The node ids from the outermost directory down to the item: `a`, `a/f.py`, `a/f.py::C`, `a/f.py::C::t[1]`. */
function nodeChain(id) {
    const [file = '', ...names] = (0, nodeid_js_1.baseId)(id).split('::');
    const chain = pathCollectorIds(file);
    for (let i = 0; i < names.length - 1; i++)
        chain.push(`${file}::${names.slice(0, i + 1).join('::')}`);
    if (names.length > 0)
        chain.push(id);
    return chain;
}
/**
 * Updates `.pytest_cache/v/cache/lastfailed` after a run; writes only when the set changed, in
 * pytest's format (indent 2, insertion order). Returns a warning instead of throwing on I/O errors.
 */
function updateLastFailed(rootdir, results, collectedIds = [], cacheDir = DEFAULT_CACHE_DIR) {
    const previous = readLastFailed(rootdir, cacheDir);
    const next = nextLastFailed(previous.ids, results, collectedIds);
    const same = !previous.warning && next.size === previous.ids.size && [...next].every((id) => previous.ids.has(id));
    if (same)
        return { written: false };
    const file = lastFailedPath(rootdir, cacheDir);
    // Object keys that look like array indices would be reordered by JSON.stringify; build the text by hand.
    const body = [...next].map((id) => `  ${JSON.stringify(id)}: true`).join(',\n');
    const text = next.size === 0 ? '{}' : `{\n${body}\n}`;
    try {
        ensureCacheDir(node_path_1.default.resolve(rootdir, cacheDir));
        node_fs_1.default.mkdirSync(node_path_1.default.dirname(file), { recursive: true });
        node_fs_1.default.writeFileSync(file, text, 'utf8');
        return { written: true, warning: previous.warning };
    }
    catch (err) {
        return { written: false, warning: `cache could not write path ${file}: ${err.message}` };
    }
}
/**
 * pytest's `cache/nodeids` (NFPlugin): the ids every run has collected, sorted, which --nf reads
 * to tell new tests from old. Written after each run as pytest writes it (indent 2).
 */
function updateNodeIds(rootdir, collectedIds, cacheDir = DEFAULT_CACHE_DIR) {
    const file = node_path_1.default.join(node_path_1.default.resolve(rootdir, cacheDir), 'v', 'cache', 'nodeids');
    let previous = [];
    try {
        const data = JSON.parse(node_fs_1.default.readFileSync(file, 'utf8'));
        if (Array.isArray(data))
            previous = data.filter((id) => typeof id === 'string');
    }
    catch {
        // missing or corrupt: pytest starts from an empty list too
    }
    const next = [...new Set([...previous, ...collectedIds])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const text = JSON.stringify(next, null, 2);
    try {
        if (node_fs_1.default.existsSync(file) && node_fs_1.default.readFileSync(file, 'utf8') === text)
            return { written: false };
        ensureCacheDir(node_path_1.default.resolve(rootdir, cacheDir));
        node_fs_1.default.mkdirSync(node_path_1.default.dirname(file), { recursive: true });
        node_fs_1.default.writeFileSync(file, text, 'utf8');
        return { written: true };
    }
    catch (err) {
        return { written: false, warning: `cache could not write path ${file}: ${err.message}` };
    }
}


/***/ }),

/***/ 697:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


// The -k and -m matchers (`_pytest/mark/__init__.py`: KeywordMatcher, MarkMatcher) over TestItem.
// A dynamic item's param ids and per-param marks are unknown until it runs: anything they could
// decide answers `unknown`, and the caller keeps the item for a check at run time.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.keywordNames = keywordNames;
exports.keywordMatcher = keywordMatcher;
exports.markMatcher = markMatcher;
exports.pyEquals = pyEquals;
const expression_js_1 = __nccwpck_require__(2312);
/**
 * The names pytest's KeywordMatcher collects for an item: every node of its chain except the
 * Session and the rootdir's Dir (each directory, the module file name, classes, the function
 * name with its `[param]`), plus mark names and the function's attribute names.
 */
function keywordNames(item) {
    const names = item.file.split('/').filter((part) => part !== '');
    names.push(...item.classes);
    names.push(item.param !== undefined ? `${item.function}[${item.param}]` : item.function);
    for (const mark of item.marks)
        names.push(mark.name);
    const attrs = item.functionAttrs;
    if (attrs)
        names.push(...attrs);
    return names;
}
function keywordMatcher(item) {
    const lowered = keywordNames(item).map((name) => name.toLowerCase());
    return (subname, kwargs) => {
        if (kwargs && kwargs.length > 0) {
            throw new expression_js_1.SelectionError('Keyword expressions do not support call parameters.');
        }
        const needle = subname.toLowerCase();
        if (lowered.some((name) => name.includes(needle)))
            return true;
        // An expansion's `[id]` could contain any substring, a decorator's attributes any name.
        return item.dynamic || item.functionAttrsUnknown ? 'unknown' : false;
    };
}
function markMatcher(item) {
    return (name, kwargs) => {
        let answer = false;
        for (const mark of item.marks) {
            if (mark.name !== name)
                continue;
            const v = markKwargsMatch(mark, kwargs ?? []);
            if (v === true)
                return true;
            if (v === 'unknown')
                answer = 'unknown';
        }
        // An expansion may carry marks of its own (`pytest.param(..., marks=...)`).
        if (answer === false && (item.dynamic || item.marksUnknown))
            return 'unknown';
        return answer;
    };
}
function markKwargsMatch(mark, kwargs) {
    let answer = true;
    for (const [key, wanted] of kwargs) {
        const has = Object.prototype.hasOwnProperty.call(mark.kwargs, key);
        // With non-literal arguments (`**opts`, or a null placeholder) the value is unknown.
        const v = has
            ? mark.dynamicArgs && mark.kwargs[key] === null
                ? 'unknown'
                : pyEquals(mark.kwargs[key], wanted)
            : mark.dynamicArgs
                ? 'unknown'
                : false;
        if (v === false)
            return false;
        if (v === 'unknown')
            answer = 'unknown';
    }
    return answer;
}
/** Python's `value == wanted` for a mark's kwarg against an expression literal. */
function pyEquals(value, wanted) {
    if (wanted === null) {
        if (value === null)
            return true;
        return isOpaque(value) ? 'unknown' : false;
    }
    if (typeof wanted === 'string') {
        if (typeof value === 'string')
            return value === wanted;
        return isOpaque(value) ? 'unknown' : false;
    }
    // bool and int compare as numbers in Python: True == 1, 1 == 1.0.
    const wantedNumber = typeof wanted === 'boolean' ? (wanted ? 1n : 0n) : wanted;
    const n = numericValue(value);
    if (n === 'unknown')
        return 'unknown';
    if (n === null)
        return false;
    return n === wantedNumber;
}
/** Values whose result discovery could not know (a call, an arbitrary expression). */
function isOpaque(value) {
    return value !== null && typeof value === 'object' && (value.py === 'expr' || value.py === 'call');
}
/** The integer a Python value equals, null if it equals no integer. */
function numericValue(value) {
    if (typeof value === 'boolean')
        return value ? 1n : 0n;
    if (typeof value === 'number')
        return Number.isInteger(value) ? BigInt(value) : null;
    if (value === null || typeof value === 'string')
        return null;
    if (value.py === 'int') {
        try {
            return BigInt(value.repr.replace(/_/g, ''));
        }
        catch {
            return 'unknown';
        }
    }
    if (value.py === 'float') {
        const f = Number(value.repr);
        if (Number.isNaN(f))
            return null;
        return Number.isInteger(f) ? BigInt(f) : null;
    }
    return isOpaque(value) ? 'unknown' : null;
}


/***/ }),

/***/ 267:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


// Node-id arguments (`tests/`, `tests/test_a.py`, `tests/test_a.py::TestB::test_c[1]`) the way
// pytest 9 resolves them (`_pytest/main.py`: resolve_collection_argument,
// normalize_collection_arguments, Session.collect).
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseNodeIdArg = parseNodeIdArg;
exports.normalizeNodeIdArgs = normalizeNodeIdArgs;
exports.argSelects = argSelects;
exports.notFoundMessage = notFoundMessage;
const node_path_1 = __importDefault(__nccwpck_require__(6760));
const nodeid_js_1 = __nccwpck_require__(9098);
const expression_js_1 = __nccwpck_require__(2312);
/** Splits one argument; paths must already be relative to the rootdir (or absolute, with rootdir given). */
function parseNodeIdArg(raw, index, rootdir) {
    const bracket = raw.indexOf('[');
    const base = bracket === -1 ? raw : raw.slice(0, bracket);
    const parametrization = bracket === -1 ? null : raw.slice(bracket);
    const [rawPath = '', ...parts] = base.split('::');
    if (parametrization !== null && parts.length === 0) {
        throw new expression_js_1.SelectionError(`path cannot contain [] parametrization: ${raw}`);
    }
    return { raw, path: normalizePath(rawPath, rootdir), parts, parametrization, index };
}
function normalizePath(p, rootdir) {
    let rel = p.replace(/\\/g, '/');
    if (rootdir && node_path_1.default.isAbsolute(rel))
        rel = node_path_1.default.relative(rootdir, rel).replace(/\\/g, '/');
    rel = node_path_1.default.posix.normalize(rel === '' ? '.' : rel).replace(/\/+$/, '');
    return rel === '.' ? '' : rel;
}
/** pytest's is_collection_argument_subsumed_by: `by` selects everything `arg` selects. */
function subsumedBy(arg, by) {
    if (arg.path !== by.path)
        return by.parts.length === 0 && (0, nodeid_js_1.pathContains)(by.path, arg.path);
    if (by.parts.length > arg.parts.length)
        return false;
    if (by.parts.some((part, i) => arg.parts[i] !== part))
        return false;
    return by.parametrization === null || by.parametrization === arg.parametrization;
}
function compareArgs(a, b) {
    const keyA = [a.path, ...a.parts];
    const keyB = [b.path, ...b.parts];
    // Paths compare component-wise in Python (Path objects), parts as a list.
    const pa = a.path.split('/');
    const pb = b.path.split('/');
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
        if (pa[i] !== pb[i])
            return pa[i] < pb[i] ? -1 : 1;
    }
    if (pa.length !== pb.length)
        return pa.length - pb.length;
    for (let i = 1; i < Math.min(keyA.length, keyB.length); i++) {
        if (keyA[i] !== keyB[i])
            return keyA[i] < keyB[i] ? -1 : 1;
    }
    if (keyA.length !== keyB.length)
        return keyA.length - keyB.length;
    const ra = a.parametrization ?? '';
    const rb = b.parametrization ?? '';
    return ra === rb ? 0 : ra < rb ? -1 : 1;
}
/** Drops duplicate and overlapping arguments, keeping the wider one, in the order given. */
function normalizeNodeIdArgs(args) {
    const sorted = [...args].sort(compareArgs);
    const kept = [];
    let last;
    for (const arg of sorted) {
        if (!last || !subsumedBy(arg, last)) {
            kept.push(arg);
            last = arg;
        }
    }
    return kept.sort((a, b) => a.index - b.index);
}
/** Names of an item's nodes below its module: classes, then the function with its `[param]`. */
function nodeNames(item) {
    const fn = item.param !== undefined ? `${item.function}[${item.param}]` : item.function;
    return [...item.classes, fn];
}
/**
 * Whether `arg` selects `item`: `true`, `false`, or for a dynamic item named with a
 * parametrization, the full id it asks for (the item runs narrowed to that expansion).
 */
function argSelects(arg, item) {
    if (arg.parts.length === 0)
        return (0, nodeid_js_1.pathContains)(arg.path, item.file);
    if (item.file !== arg.path)
        return false;
    const names = nodeNames(item);
    if (arg.parts.length > names.length)
        return false;
    const last = arg.parts.length - 1;
    for (let i = 0; i < last; i++)
        if (names[i] !== arg.parts[i])
            return false;
    const name = names[last];
    const isFunctionLevel = last === names.length - 1;
    if (arg.parametrization === null)
        return name.split('[')[0] === arg.parts[last];
    if (isFunctionLevel && item.dynamic && item.param === undefined) {
        return name === arg.parts[last] ? `${item.id}${arg.parametrization}` : false;
    }
    return name === arg.parts[last] + arg.parametrization;
}
/**
 * pytest's "not found" usage errors for arguments that select nothing, with the collectors it
 * names (`<Module x.py>`, `<Class C>`); absolute paths when rootdir is known.
 */
function notFoundMessage(arg, items, rootdir, erroredFiles) {
    const shown = [rootdir ? node_path_1.default.join(rootdir, arg.path) : arg.path, ...arg.parts].join('::');
    const inFile = items.filter((item) => item.file === arg.path);
    if (arg.parts.length > 0 && inFile.length === 0 && !erroredFiles.has(arg.path)) {
        if (items.some((item) => item.file.startsWith(arg.path + '/'))) {
            return `directory argument cannot contain :: selection parts: ${arg.raw}`;
        }
    }
    if (arg.parts.length === 0 || erroredFiles.has(arg.path)) {
        return erroredFiles.has(arg.path) ? `found no collectors for ${shown}` : null;
    }
    // Walk down the node tree level by level, like Session.collect, collecting the collectors
    // in which a part matched nothing.
    const notFoundIn = [];
    let anyMatched = false;
    const basename = arg.path.split('/').pop();
    const work = [{ repr: `<Module ${basename}>`, items: inFile, depth: 0 }];
    while (work.length > 0) {
        const node = work.pop();
        const part = arg.parts[node.depth];
        const isLast = node.depth === arg.parts.length - 1;
        const children = new Map();
        for (const item of node.items) {
            const names = nodeNames(item);
            const name = names[node.depth];
            if (name === undefined)
                continue;
            const matched = isLast && arg.parametrization !== null
                ? name === part + arg.parametrization || (item.dynamic && item.param === undefined && node.depth === names.length - 1 && name === part)
                : isLast
                    ? name.split('[')[0] === part
                    : name === part;
            if (!matched)
                continue;
            const group = children.get(name) ?? [];
            group.push(item);
            children.set(name, group);
        }
        if (children.size === 0) {
            notFoundIn.push(node.repr);
            continue;
        }
        for (const [name, group] of children) {
            if (isLast) {
                anyMatched = true;
                continue;
            }
            // A function is not a collector: parts below it match nothing and name no collector.
            const isCollector = group.some((item) => nodeNames(item).length > node.depth + 1);
            // (a unittest.TestCase subclass is pytest's UnitTestCase collector)
            if (isCollector)
                work.push({ repr: `<${group.every((item) => item.unittest) ? 'UnitTestCase' : 'Class'} ${name}>`, items: group, depth: node.depth + 1 });
        }
    }
    if (anyMatched)
        return null;
    if (notFoundIn.length === 0)
        return `found no collectors for ${shown}`;
    return `not found: ${shown}\n(no match in any of [${notFoundIn.join(', ')}])`;
}


/***/ }),

/***/ 6436:
/***/ ((__unused_webpack_module, exports) => {


// `--shard auto`: the shard this job runs, from the parallelism variables other CI systems set
// on each of a job's parallel copies. GitLab counts from 1; CircleCI and Buildkite from 0.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CiShardError = exports.CI_SHARD_SYSTEMS = void 0;
exports.shardFromCiEnv = shardFromCiEnv;
exports.CI_SHARD_SYSTEMS = [
    { name: 'GitLab CI', indexVariable: 'CI_NODE_INDEX', totalVariable: 'CI_NODE_TOTAL', firstIndex: 1 },
    { name: 'CircleCI', indexVariable: 'CIRCLE_NODE_INDEX', totalVariable: 'CIRCLE_NODE_TOTAL', firstIndex: 0 },
    { name: 'Buildkite', indexVariable: 'BUILDKITE_PARALLEL_JOB', totalVariable: 'BUILDKITE_PARALLEL_JOB_COUNT', firstIndex: 0 },
];
/** Thrown with a one-line message: the caller turns it into its usage error. */
class CiShardError extends Error {
}
exports.CiShardError = CiShardError;
/**
 * The first CI system (in CI_SHARD_SYSTEMS order) whose index or count variable is set. A
 * system with only one of its pair set, or values that are not whole numbers in range, is an
 * error rather than a silent fallback to the next system.
 */
function shardFromCiEnv(env) {
    for (const system of exports.CI_SHARD_SYSTEMS) {
        const rawIndex = env[system.indexVariable]?.trim();
        const rawTotal = env[system.totalVariable]?.trim();
        if (!rawIndex && !rawTotal)
            continue;
        const both = `${system.indexVariable}=${rawIndex ?? ''}, ${system.totalVariable}=${rawTotal ?? ''}`;
        if (!rawIndex || !rawTotal)
            throw new CiShardError(`--shard auto: ${system.name} sets only one of ${system.indexVariable} and ${system.totalVariable} (${both})`);
        if (!/^\d+$/.test(rawIndex) || !/^\d+$/.test(rawTotal))
            throw new CiShardError(`--shard auto: ${system.name}'s ${both} are not whole numbers`);
        const total = Number(rawTotal);
        const index = Number(rawIndex) - system.firstIndex + 1;
        if (total < 1 || index < 1 || index > total) {
            throw new CiShardError(`--shard auto: ${system.name}'s ${both} is out of range (${system.indexVariable} counts from ${system.firstIndex})`);
        }
        return { index, total, source: `${system.name} (${both})` };
    }
    const names = exports.CI_SHARD_SYSTEMS.map((s) => `${s.indexVariable}/${s.totalVariable}`).join(', ');
    throw new CiShardError(`--shard auto: no CI parallelism variables are set (looked for ${names}); give --shard K/N`);
}


/***/ }),

/***/ 348:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.expandGlobs = expandGlobs;
// A small glob for `fastest merge 'results/**/*.xml'` (Node 20 has no fs.glob): `*` and `?`
// within one path segment, `**` for any number of directories. Results sorted, without repeats.
const node_path_1 = __nccwpck_require__(6760);
const inputs_js_1 = __nccwpck_require__(417);
function expandGlobs(patterns, cwd = process.cwd(), match = 'files') {
    const found = new Set();
    for (const pattern of patterns) {
        if (!/[*?]/.test(pattern)) {
            if (accepts(match, (0, node_path_1.resolve)(cwd, pattern)))
                found.add(pattern);
            continue;
        }
        const absolute = pattern.startsWith('/');
        const segments = pattern.split('/').filter((s) => s !== '' && s !== '.');
        walk(absolute ? '/' : '', segments, cwd, found, match);
    }
    return [...found].sort();
}
function walk(prefix, segments, cwd, found, match) {
    const [segment, ...rest] = segments;
    const here = prefix === '' ? cwd : (0, node_path_1.resolve)(cwd, prefix);
    if (segment === undefined) {
        if (accepts(match, here))
            found.add(prefix);
        return;
    }
    if (segment === '**') {
        walk(prefix, rest, cwd, found, match);
        for (const dir of listDir(here))
            if (dir.isDirectory())
                walk((0, node_path_1.join)(prefix, dir.name), segments, cwd, found, match);
        return;
    }
    if (!/[*?]/.test(segment)) {
        walk((0, node_path_1.join)(prefix, segment), rest, cwd, found, match);
        return;
    }
    const matcher = segmentRegExp(segment);
    for (const entry of listDir(here)) {
        if (!matcher.test(entry.name))
            continue;
        const last = rest.length === 0;
        if (last ? match === 'paths' || entry.isFile() || entry.isSymbolicLink() : entry.isDirectory() || entry.isSymbolicLink()) {
            walk((0, node_path_1.join)(prefix, entry.name), rest, cwd, found, match);
        }
    }
}
function accepts(match, path) {
    return match === 'files' ? isFile(path) : exists(path);
}
function exists(path) {
    return (0, inputs_js_1.probePath)(path) !== undefined;
}
function segmentRegExp(segment) {
    const body = segment
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]');
    // Like a shell, `*` does not match a leading dot.
    return new RegExp(segment.startsWith('.') ? `^${body}$` : `^(?!\\.)${body}$`);
}
function listDir(dir) {
    try {
        return (0, inputs_js_1.listLoggedDir)(dir);
    }
    catch {
        return [];
    }
}
function isFile(path) {
    return (0, inputs_js_1.probePath)(path)?.isFile() ?? false;
}


/***/ }),

/***/ 4447:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.lpt = lpt;
exports.refine = refine;
// Packing units into shards: LPT (longest first onto the least loaded shard), then refinement by
// moves and swaps off the most loaded shard, and moves of single pieces of split modules.
const units_js_1 = __nccwpck_require__(9599);
const SWAP_PARTNERS = 8;
function lpt(units, shardCount) {
    const shards = Array.from({ length: shardCount }, () => []);
    // Min-heap of [load, shard index]: the lightest shard, lowest index on ties.
    const heap = Array.from({ length: shardCount }, (_, i) => [0, i]);
    const lighter = (a, b) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
    for (const unit of [...units].sort(units_js_1.compareUnitsLongestFirst)) {
        const top = heap[0];
        if (!top)
            break;
        shards[top[1]]?.push(unit);
        top[0] += unit.predicted;
        // Sift the grown root down.
        let i = 0;
        for (;;) {
            const left = 2 * i + 1;
            const right = left + 1;
            let smallest = i;
            if (left < heap.length && lighter(heap[left], heap[smallest]))
                smallest = left;
            if (right < heap.length && lighter(heap[right], heap[smallest]))
                smallest = right;
            if (smallest === i)
                break;
            [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
            i = smallest;
        }
    }
    return shards;
}
/**
 * Lowers the makespan step by step, each step taking the exchange that leaves the most loaded
 * shard and its partner closest to even:
 * - move one of its units to another shard, or swap one for a smaller unit elsewhere;
 * - move one piece (class or test) of a split module to a shard that already runs a part of that
 *   module (no setup is paid again; moving a part's last piece saves its setup), or to the lightest
 *   shard without one, as a new part that pays the setup.
 * Every step lowers the larger load of the pair below the current makespan; the step count is capped.
 */
function refine(shards, shardCount, maxSteps) {
    if (shardCount < 2)
        return shards;
    // Each shard's units kept sorted ascending by predicted seconds, for the binary searches.
    const sorted = shards.map((units) => [...units].sort((a, b) => -(0, units_js_1.compareUnitsLongestFirst)(a, b)));
    const loads = sorted.map((units) => units.reduce((s, u) => s + u.predicted, 0));
    const where = new Map();
    sorted.forEach((units, index) => units.forEach((unit) => where.set(unit, index)));
    for (let shard = 0; shard < shardCount; shard++)
        for (const unit of [...(sorted[shard] ?? [])])
            joinSiblingPart(unit, shard, sorted, loads, where);
    const total = loads.reduce((a, b) => a + b, 0);
    const epsilon = Math.max(1e-9, total * 1e-9);
    for (let step = 0; step < maxSteps; step++) {
        let heaviest = 0;
        for (let i = 1; i < shardCount; i++)
            if ((loads[i] ?? 0) > (loads[heaviest] ?? 0))
                heaviest = i;
        const top = loads[heaviest] ?? 0;
        const from = sorted[heaviest] ?? [];
        let best;
        // An exchange object is built only once `improves` says it beats the best so far.
        const improves = (pairMax) => pairMax < top - epsilon && (!best || pairMax < best.pairMax - epsilon);
        const keep = (exchange) => {
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
            if (other === heaviest)
                continue;
            const gap = top - (loads[other] ?? 0);
            if (gap <= epsilon)
                continue;
            const to = sorted[other] ?? [];
            const movable = upperBound(from, gap - epsilon);
            for (let u = 0; u < movable; u++) {
                const out = from[u]?.predicted ?? 0;
                // Move: the pair's new maximum is max(top - out, other + out).
                const pairMax = Math.max(top - out, top - gap + out);
                if (improves(pairMax))
                    keep({ kind: 'unit', pairMax, other, out: u, back: -1 });
            }
            if (!swapPartners.has(other))
                continue;
            for (let u = 0; u < from.length; u++) {
                const out = from[u]?.predicted ?? 0;
                // Swap with a smaller unit `back` so that out - back is near gap / 2.
                const near = lowerBound(to, out - gap / 2);
                for (const v of [near - 1, near]) {
                    const back = to[v]?.predicted;
                    if (back === undefined)
                        continue;
                    const delta = out - back;
                    if (delta <= epsilon || delta >= gap - epsilon)
                        continue;
                    const pairMax = Math.max(top - delta, top - gap + delta);
                    if (improves(pairMax))
                        keep({ kind: 'unit', pairMax, other, out: u, back: v });
                }
            }
        }
        for (const unit of from)
            if (unit.split)
                considerPieceMoves(unit, heaviest, top, loads, where, ascending, improves, keep);
        if (!best)
            break;
        if (!applyExchange(best, heaviest, sorted, loads, where))
            break;
    }
    for (const units of sorted)
        for (const unit of units)
            if (unit.split)
                settlePart(unit);
    return sorted;
}
function considerPieceMoves(unit, heaviest, top, loads, where, ascending, improves, keep) {
    if (!unit.split)
        return;
    const { group, pieces } = unit.split;
    const setup = group.module.setup;
    // Moving a part's only piece removes the part, and the setup it paid, from this shard.
    const freed = pieces.length === 1 ? setup : 0;
    const holders = new Set();
    for (const part of group.parts) {
        const other = where.get(part);
        if (other === undefined)
            continue;
        holders.add(other);
        if (other === heaviest)
            continue;
        const load = loads[other] ?? 0;
        // Best piece p: max(top - freed - p, load + p) is least near p = (top - freed - load) / 2.
        for (const p of nearestPieces(pieces, (top - freed - load) / 2)) {
            const seconds = pieces[p]?.seconds ?? 0;
            const pairMax = Math.max(top - freed - seconds, load + seconds);
            if (improves(pairMax))
                keep({ kind: 'piece', pairMax, other, unit, piece: p, into: part });
        }
    }
    if (pieces.length < 2)
        return;
    const other = ascending.find((index) => !holders.has(index));
    if (other === undefined)
        return;
    const load = (loads[other] ?? 0) + setup;
    for (const p of nearestPieces(pieces, (top - load) / 2)) {
        const seconds = pieces[p]?.seconds ?? 0;
        const pairMax = Math.max(top - seconds, load + seconds);
        if (improves(pairMax))
            keep({ kind: 'piece', pairMax, other, unit, piece: p, into: undefined });
    }
}
/** Indexes of the pieces (sorted shortest first) on either side of `seconds`. */
function nearestPieces(pieces, seconds) {
    const lo = partitionPoint(pieces, (piece) => piece.seconds < seconds);
    return [lo - 1, lo].filter((i) => i >= 0 && i < pieces.length);
}
/** Carries out an exchange; false when it no longer applies. */
function applyExchange(exchange, heaviest, sorted, loads, where) {
    const from = sorted[heaviest] ?? [];
    const to = sorted[exchange.other] ?? [];
    if (exchange.kind === 'unit') {
        const outUnit = from[exchange.out];
        const backUnit = exchange.back >= 0 ? to[exchange.back] : undefined;
        if (!outUnit)
            return false;
        from.splice(exchange.out, 1);
        if (backUnit)
            to.splice(exchange.back, 1);
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
        if (backUnit)
            joinSiblingPart(backUnit, heaviest, sorted, loads, where);
        return true;
    }
    const { unit, into } = exchange;
    if (!unit.split)
        return false;
    const { group, pieces } = unit.split;
    const [moved] = pieces.splice(exchange.piece, 1);
    if (!moved)
        return false;
    const setup = group.module.setup;
    removeUnit(from, unit);
    if (pieces.length === 0) {
        group.parts.delete(unit);
        where.delete(unit);
        loads[heaviest] = (loads[heaviest] ?? 0) - moved.seconds - setup;
    }
    else {
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
    const part = {
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
function joinSiblingPart(unit, shard, sorted, loads, where) {
    if (!unit.split || where.get(unit) !== shard)
        return;
    const { group, pieces } = unit.split;
    let sibling;
    for (const part of group.parts)
        if (part !== unit && where.get(part) === shard)
            sibling = part;
    if (!sibling?.split)
        return;
    const units = sorted[shard] ?? [];
    removeUnit(units, unit);
    removeUnit(units, sibling);
    group.parts.delete(unit);
    where.delete(unit);
    for (const piece of pieces)
        insertPiece(sibling.split.pieces, piece);
    sibling.predicted += unit.predicted - group.module.setup;
    insertSorted(units, sibling);
    loads[shard] = (loads[shard] ?? 0) - group.module.setup;
}
/** A part's items, key and seconds from its pieces, once they stop moving. */
function settlePart(unit) {
    if (!unit.split)
        return;
    const { group, pieces } = unit.split;
    unit.items = (0, units_js_1.partItems)(group.module, pieces);
    unit.key = unit.items[0]?.id ?? unit.file;
    unit.predicted = group.module.setup + (0, units_js_1.sumSeconds)(pieces);
}
function insertPiece(pieces, piece) {
    pieces.splice(partitionPoint(pieces, (m) => (0, units_js_1.comparePieces)(m, piece) < 0), 0, piece);
}
function removeUnit(units, unit) {
    const index = units.indexOf(unit);
    if (index >= 0)
        units.splice(index, 1);
}
/** First index whose unit is not below `seconds`. */
function lowerBound(units, seconds) {
    return partitionPoint(units, (unit) => unit.predicted < seconds);
}
/** First index whose unit is above `seconds`. */
function upperBound(units, seconds) {
    return partitionPoint(units, (unit) => unit.predicted <= seconds);
}
function insertSorted(units, unit) {
    units.splice(partitionPoint(units, (m) => (0, units_js_1.compareUnitsLongestFirst)(m, unit) > 0), 0, unit);
}
/** Binary search over `items`, partitioned so `before` holds for a prefix: the length of that prefix. */
function partitionPoint(items, before) {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(items[mid]))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}


/***/ }),

/***/ 8597:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PlanError = exports.MAX_PLAN_BYTES = exports.DEFAULT_JOB_OVERHEAD_SECONDS = exports.MAX_SHARDS = exports.PLAN_VERSION = void 0;
exports.planLine = planLine;
exports.makePlan = makePlan;
exports.digestIds = digestIds;
exports.unitTestIds = unitTestIds;
exports.matrixJson = matrixJson;
exports.unitsForShard = unitsForShard;
exports.readPlanText = readPlanText;
exports.readPlan = readPlan;
exports.planProblem = planProblem;
// The partitioner: test items + timings -> a Plan that gives every selected test to exactly one
// shard. Units are whole modules (module-scoped fixtures stay whole); a module too long for one
// shard is split by class or test, each part paying the module's setup again (split.ts). Units are
// packed by LPT, then refined by moves and swaps off the most loaded shard and by moves of single
// classes or tests of split modules (pack.ts). Everything is ordered canonically first, so the plan
// does not depend on input order.
const node_crypto_1 = __nccwpck_require__(7598);
const node_fs_1 = __nccwpck_require__(3024);
const types_js_1 = __nccwpck_require__(8522);
const pack_js_1 = __nccwpck_require__(4447);
const split_js_1 = __nccwpck_require__(7240);
const timings_js_1 = __nccwpck_require__(7307);
const units_js_1 = __nccwpck_require__(9599);
exports.PLAN_VERSION = 1;
exports.MAX_SHARDS = 256;
exports.DEFAULT_JOB_OVERHEAD_SECONDS = 30;
/** The largest plan file read (a plan for 100,000 tests is about 4 MB). */
exports.MAX_PLAN_BYTES = 64 * 1024 * 1024;
const DEFAULT_REFINE_STEPS = 2000;
/** A plan that cannot be made or read: bad input, so pytest's usage-error exit code. */
class PlanError extends Error {
    exitCode = types_js_1.ExitCode.USAGE_ERROR;
}
exports.PlanError = PlanError;
/** `12 tests in 2 shard(s), predicted 3.1s per shard at most, 5.9s in all, from 3 learned run(s)`. */
function planLine(plan, tests, learnedRuns) {
    const makespan = Math.max(...plan.shards.map((s) => s.predicted));
    const known = learnedRuns > 0 ? `from ${learnedRuns} learned run(s)` : 'with no timings yet (even split by count)';
    return `${tests} tests in ${plan.shards.length} shard(s), predicted ${makespan.toFixed(1)}s per shard at most, ${plan.total.toFixed(1)}s in all, ${known}`;
}
function makePlan(items, timings, opts) {
    const selected = canonicalItems(items);
    const modules = groupModules(selected, new timings_js_1.Estimator(timings));
    const digest = digestIds(selected.map((i) => i.id));
    const explicitIds = opts.explicitIds ?? false;
    const steps = opts.refineSteps ?? DEFAULT_REFINE_STEPS;
    if (opts.shards === 'auto') {
        const count = autoShardCount(modules, opts);
        return packPlan(modules, count, digest, explicitIds, steps);
    }
    if (!Number.isInteger(opts.shards) || opts.shards < 1 || opts.shards > exports.MAX_SHARDS) {
        throw new PlanError(`shard count must be an integer from 1 to ${exports.MAX_SHARDS}, got ${opts.shards}`);
    }
    return packPlan(modules, opts.shards, digest, explicitIds, steps);
}
/** Items sorted by (file, line, id), duplicate ids dropped. Grouped by file first: fewer string compares. */
function canonicalItems(items) {
    const byFile = new Map();
    for (const item of items) {
        const list = byFile.get(item.file);
        if (list)
            list.push(item);
        else
            byFile.set(item.file, [item]);
    }
    const seen = new Set();
    const sorted = [];
    for (const file of [...byFile.keys()].sort(units_js_1.compareStrings)) {
        const list = byFile.get(file) ?? [];
        list.sort((a, b) => a.line - b.line || (0, units_js_1.compareStrings)(a.id, b.id));
        for (const item of list) {
            if (seen.has(item.id))
                continue;
            seen.add(item.id);
            sorted.push(item);
        }
    }
    return sorted;
}
function digestIds(ids) {
    const sorted = [...ids].sort(units_js_1.compareStrings);
    return (0, node_crypto_1.createHash)('sha256').update(sorted.join('\n')).digest('hex');
}
function groupModules(items, estimator) {
    const modules = [];
    for (const item of items) {
        let current = modules[modules.length - 1];
        if (!current || current.file !== item.file) {
            current = { file: item.file, items: [], estimates: [], setup: estimator.moduleSetup(item.file), testsSeconds: 0, longestTest: 0 };
            modules.push(current);
        }
        const seconds = estimator.test(item);
        current.items.push(item);
        current.estimates.push(seconds);
        current.testsSeconds += seconds;
        current.longestTest = Math.max(current.longestTest, seconds);
    }
    return modules;
}
/**
 * Without a target, the count that minimises (total / N + N * overhead): the wall time of one
 * shard traded against the job overhead every extra shard adds, i.e. N = sqrt(total / overhead).
 * With a target, the fewest shards whose planned makespan fits the target.
 */
function autoShardCount(modules, opts) {
    const total = (0, split_js_1.modulesTotal)(modules);
    const testCount = modules.reduce((n, m) => n + m.items.length, 0);
    const ceiling = Math.max(1, Math.min(exports.MAX_SHARDS, testCount));
    const clamp = (n) => Math.max(1, Math.min(ceiling, n));
    const target = opts.targetSeconds;
    if (target === undefined) {
        const overhead = opts.jobOverheadSeconds ?? exports.DEFAULT_JOB_OVERHEAD_SECONDS;
        if (!(overhead > 0))
            throw new PlanError('job overhead seconds must be positive');
        return clamp(Math.round(Math.sqrt(total / overhead)));
    }
    if (!(target > 0))
        throw new PlanError('target seconds must be positive');
    let count = clamp(Math.ceil(total / target));
    let previous = Infinity;
    for (let attempt = 0; attempt < 12; attempt++) {
        const makespan = Math.max(...packPlan(modules, count, '', false, opts.refineSteps ?? DEFAULT_REFINE_STEPS).shards.map((s) => s.predicted));
        // Stop when it fits, when no more shards are allowed, or when more shards stopped helping
        // (the makespan is held up by a unit that cannot be split further).
        if (makespan <= target || count >= ceiling || makespan > previous * 0.99)
            break;
        previous = makespan;
        count = clamp(Math.max(count + 1, Math.ceil((count * makespan) / target)));
    }
    return count;
}
function packPlan(modules, shardCount, digest, explicitIds, refineSteps) {
    const rule = (0, split_js_1.splitRule)(modules, shardCount);
    const units = modules.flatMap((module) => (0, split_js_1.moduleUnits)(module, rule, shardCount));
    const assignment = (0, pack_js_1.refine)((0, pack_js_1.lpt)(units, shardCount), shardCount, refineSteps);
    const shards = assignment.map((shardUnits, i) => {
        const ordered = [...shardUnits].sort((a, b) => (0, units_js_1.compareStrings)(a.file, b.file) || (0, units_js_1.compareStrings)(a.key, b.key));
        return {
            index: i + 1,
            predicted: round3(ordered.reduce((sum, u) => sum + u.predicted, 0)),
            tests: ordered.reduce((n, u) => n + u.items.length, 0),
            units: ordered.map((u) => toPlanUnit(u, explicitIds)),
        };
    });
    return { version: exports.PLAN_VERSION, digest, total: round3(shards.reduce((s, sh) => s + sh.predicted, 0)), shards };
}
function toPlanUnit(unit, explicitIds) {
    const ids = unit.items.map((i) => i.id);
    if (unit.whole && !explicitIds)
        return { file: unit.file, ids: null, tests: ids, predicted: round3(unit.predicted) };
    return { file: unit.file, ids, predicted: round3(unit.predicted) };
}
function round3(x) {
    return Math.round(x * 1000) / 1000;
}
/** The ids a plan unit stands for (dynamic items by base id). */
function unitTestIds(unit) {
    return unit.ids ?? unit.tests ?? [];
}
/** The GitHub Actions matrix for a plan: `{"shard":[1,2,...]}`, about 1 KB at 256 shards. */
function matrixJson(plan) {
    return JSON.stringify({ shard: plan.shards.map((s) => s.index) });
}
/** The units shard `index` (1-based) runs, in plan order. */
function unitsForShard(plan, index) {
    const shard = plan.shards.find((s) => s.index === index);
    if (!shard)
        throw new PlanError(`shard ${index} is not in the plan (it has shards 1 to ${plan.shards.length})`);
    return shard.units.map((u) => ({ file: u.file, ids: u.ids === null ? null : [...u.ids], expected: u.predicted }));
}
/**
 * The text of a plan file: a regular file up to `maxBytes`. Opened without blocking and checked
 * before reading, so a FIFO or a device (`/dev/zero`) is refused rather than waited on.
 */
function readPlanText(path, maxBytes = exports.MAX_PLAN_BYTES) {
    let fd;
    try {
        fd = (0, node_fs_1.openSync)(path, node_fs_1.constants.O_RDONLY | (node_fs_1.constants.O_NONBLOCK ?? 0));
    }
    catch (err) {
        throw new PlanError(`cannot read plan ${path}: ${err.code ?? err.message}`);
    }
    try {
        const stat = (0, node_fs_1.fstatSync)(fd);
        if (!stat.isFile())
            throw new PlanError(`plan ${path} is not a regular file`);
        if (stat.size > maxBytes)
            throw new PlanError(`plan ${path} is ${stat.size} bytes, over the ${maxBytes}-byte limit`);
        const buffer = Buffer.alloc(stat.size);
        let read = 0;
        while (read < stat.size) {
            const n = (0, node_fs_1.readSync)(fd, buffer, read, stat.size - read, read);
            if (n === 0)
                break;
            read += n;
        }
        return buffer.subarray(0, read).toString('utf8');
    }
    finally {
        (0, node_fs_1.closeSync)(fd);
    }
}
function readPlan(path) {
    const text = readPlanText(path);
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        throw new PlanError(`plan ${path} is not valid JSON`);
    }
    const problem = planProblem(data);
    if (problem)
        throw new PlanError(`plan ${path} is invalid: ${problem}`);
    return data;
}
/** What is wrong with a would-be plan, or undefined when it is a valid plan. */
function planProblem(data) {
    if (!isRecord(data))
        return 'not a JSON object';
    if (data['version'] !== exports.PLAN_VERSION)
        return `unsupported version ${JSON.stringify(data['version'])}`;
    if (typeof data['digest'] !== 'string')
        return '"digest" is not a string';
    if (!isSeconds(data['total']))
        return '"total" is not a number of seconds';
    const shards = data['shards'];
    if (!Array.isArray(shards) || shards.length < 1 || shards.length > exports.MAX_SHARDS)
        return `"shards" must list 1 to ${exports.MAX_SHARDS} shards`;
    const seen = new Set();
    for (const [i, shard] of shards.entries()) {
        const where = `shard ${i + 1}`;
        if (!isRecord(shard))
            return `${where} is not an object`;
        if (shard['index'] !== i + 1)
            return `${where} has index ${JSON.stringify(shard['index'])}`;
        if (!isSeconds(shard['predicted']))
            return `${where}: "predicted" is not a number of seconds`;
        if (typeof shard['tests'] !== 'number' || !Number.isInteger(shard['tests']) || shard['tests'] < 0)
            return `${where}: "tests" is not a count`;
        const units = shard['units'];
        if (!Array.isArray(units))
            return `${where}: "units" is not a list`;
        for (const unit of units) {
            if (!isRecord(unit) || typeof unit['file'] !== 'string' || !isSeconds(unit['predicted']))
                return `${where} has a malformed unit`;
            const ids = unit['ids'] === null ? unit['tests'] : unit['ids'];
            if (ids === undefined && unit['ids'] === null)
                continue;
            if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
                return `${where}: unit ${unit['file']} has malformed ids`;
            for (const id of ids) {
                if (seen.has(id))
                    return `test ${id} is planned twice`;
                seen.add(id);
            }
        }
    }
    return undefined;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isSeconds(value) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}


/***/ }),

/***/ 7240:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.modulesTotal = modulesTotal;
exports.splitRule = splitRule;
exports.moduleUnits = moduleUnits;
// Which modules are split, and into which parts. A module is kept whole (module-scoped fixtures
// run once) unless it is too long for one shard; then every part pays the module's setup again.
const units_js_1 = __nccwpck_require__(9599);
function modulesTotal(modules) {
    return modules.reduce((sum, m) => sum + m.setup + m.testsSeconds, 0);
}
/**
 * Seconds of tests each part of a module may hold, or undefined to keep the module whole.
 * A module longer than a share is split into parts that fill a share with the setup, but not into
 * parts under half a share (a costly setup paid again and again would eat the gain), nor into
 * parts longer than the makespan no plan can beat. A module whose setup nearly fills a share is
 * split only when it is longer than that makespan, into parts that just fit it.
 */
function partRoom(module, rule, share = rule.share) {
    const whole = module.setup + module.testsSeconds;
    if (whole <= share)
        return undefined;
    const target = Math.max(share, rule.floor);
    const room = Math.max(share - module.setup, share / 2);
    if (module.testsSeconds > room)
        return Math.min(room, target - module.setup);
    return whole > target ? target - module.setup : undefined;
}
/**
 * The split rule for N shards. The share is the least C such that the suite, with every split
 * module paying its setup once more per extra part (parts sized by partRoom for C), fits in N * C.
 */
function splitRule(modules, shardCount) {
    const total = modulesTotal(modules);
    let floor = 0;
    for (const module of modules)
        floor = Math.max(floor, module.setup + module.longestTest);
    const rule = { share: total / shardCount, floor };
    // Only modules longer than total / N may be split, and only their setups grow the total.
    const splittable = modules.filter((m) => m.setup > 0 && m.setup + m.testsSeconds > rule.share);
    const fits = (capacity) => {
        let work = total;
        for (const m of splittable) {
            const room = partRoom(m, rule, capacity);
            if (room !== undefined)
                work += (Math.min(shardCount, m.items.length, Math.ceil(m.testsSeconds / room - 1e-9)) - 1) * m.setup;
        }
        return work <= shardCount * capacity;
    };
    if (splittable.length === 0 || fits(rule.share))
        return rule;
    let low = rule.share;
    let high = rule.share * 2;
    // Terminates: with enough capacity no module is split and the total fits.
    while (!fits(high))
        high *= 2;
    for (let i = 0; i < 40 && high - low > rule.share * 1e-6; i++) {
        const mid = (low + high) / 2;
        if (fits(mid))
            high = mid;
        else
            low = mid;
    }
    return { share: high, floor };
}
/** The module as one unit, or as parts when the rule says it is too long for one shard. */
function moduleUnits(module, rule, shardCount) {
    const room = shardCount > 1 && module.items.length > 1 ? partRoom(module, rule) : undefined;
    return room === undefined ? [(0, units_js_1.wholeModule)(module)] : splitModule(module, room, shardCount);
}
/**
 * Splits a module into the fewest parts whose tests fit in `room` seconds each, as even as the
 * pieces allow. Pieces are top-level classes and module-level functions (class-scoped fixtures
 * stay whole); a class longer than `room` is broken into single tests. Pieces go longest first
 * onto the lightest part.
 */
function splitModule(module, room, shardCount) {
    const atoms = [];
    const byClass = new Map();
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
    const pieces = [];
    for (const atom of atoms) {
        if (atom.seconds > room && atom.indexes.length > 1) {
            for (const index of atom.indexes)
                pieces.push({ indexes: [index], seconds: module.estimates[index] ?? 0 });
        }
        else
            pieces.push(atom);
    }
    pieces.sort((a, b) => b.seconds - a.seconds || (a.indexes[0] ?? 0) - (b.indexes[0] ?? 0));
    const most = Math.min(pieces.length, shardCount);
    // A part of several pieces over the room means too few parts; a single long piece cannot help it.
    const overfull = (part) => part.length > 1 && (0, units_js_1.sumSeconds)(part) > room * (1 + 1e-9);
    let parts = spreadPieces(pieces, Math.min(most, Math.max(1, Math.ceil(module.testsSeconds / room - 1e-9))));
    while (parts.length < most && parts.some(overfull))
        parts = spreadPieces(pieces, parts.length + 1);
    if (parts.length <= 1)
        return [(0, units_js_1.wholeModule)(module)];
    const group = { module, parts: new Set() };
    for (const part of parts) {
        if (part.length === 0)
            continue;
        part.sort(units_js_1.comparePieces);
        const items = (0, units_js_1.partItems)(module, part);
        const unit = {
            file: module.file,
            items,
            whole: false,
            predicted: module.setup + (0, units_js_1.sumSeconds)(part),
            key: items[0]?.id ?? module.file,
            split: { group, pieces: part },
        };
        group.parts.add(unit);
    }
    return [...group.parts];
}
/** Pieces (longest first) each onto the lightest of `count` parts. */
function spreadPieces(pieces, count) {
    const parts = Array.from({ length: count }, () => []);
    const loads = new Array(count).fill(0);
    for (const piece of pieces) {
        let lightest = 0;
        for (let i = 1; i < count; i++)
            if ((loads[i] ?? 0) < (loads[lightest] ?? 0))
                lightest = i;
        parts[lightest]?.push(piece);
        loads[lightest] = (loads[lightest] ?? 0) + piece.seconds;
    }
    return parts;
}


/***/ }),

/***/ 7307:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Estimator = exports.MAX_TIMINGS_BYTES = exports.MIN_ESTIMATE_SECONDS = exports.UNKNOWN_TEST_SECONDS = exports.DEFAULT_TIMINGS_PATH = exports.TIMINGS_VERSION = void 0;
exports.emptyTimings = emptyTimings;
exports.loadTimings = loadTimings;
exports.parseTimings = parseTimings;
exports.saveTimings = saveTimings;
exports.median = median;
// The timing store: seconds per test id and setup seconds per module, and the estimates a plan is
// made from. The store is learned from JUnit results by merge/learn.ts.
const node_fs_1 = __nccwpck_require__(3024);
const node_path_1 = __nccwpck_require__(6760);
const nodeid_js_1 = __nccwpck_require__(9098);
exports.TIMINGS_VERSION = 1;
exports.DEFAULT_TIMINGS_PATH = '.fastest/timings.json';
/** What a test costs when nothing at all is known. */
exports.UNKNOWN_TEST_SECONDS = 0.1;
/** No estimate goes below this: a zero would let the planner pile tests anywhere. */
exports.MIN_ESTIMATE_SECONDS = 0.001;
/** A larger store is not read: a million tests' timings take about 80 MB. */
exports.MAX_TIMINGS_BYTES = 256 * 1024 * 1024;
function coverageBaseline(value) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    const { total, sha } = value;
    if (typeof total !== 'number' || !Number.isFinite(total) || total < 0 || total > 100)
        return undefined;
    return typeof sha === 'string' && /^[0-9a-f]{7,64}$/.test(sha) ? { total, sha } : { total };
}
function emptyTimings() {
    return { version: exports.TIMINGS_VERSION, tests: {}, modules: {}, runs: 0 };
}
/** Reads a store; a missing file is an empty store, a corrupt or foreign one is ignored with a warning. */
function loadTimings(path) {
    let text;
    try {
        const size = (0, node_fs_1.statSync)(path).size;
        if (size > exports.MAX_TIMINGS_BYTES)
            return { store: emptyTimings(), warning: `ignoring timings ${path}: ${size} bytes, over the ${exports.MAX_TIMINGS_BYTES}-byte limit` };
        text = (0, node_fs_1.readFileSync)(path, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return { store: emptyTimings() };
        return { store: emptyTimings(), warning: `ignoring timings ${path}: ${err.message}` };
    }
    return parseTimings(text, path);
}
function parseTimings(text, source) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        return { store: emptyTimings(), warning: `ignoring timings ${source}: not valid JSON` };
    }
    const problem = timingsProblem(data);
    if (problem)
        return { store: emptyTimings(), warning: `ignoring timings ${source}: ${problem}` };
    const raw = data;
    const coverage = coverageBaseline(data['coverage']);
    const store = {
        version: exports.TIMINGS_VERSION,
        tests: { ...raw.tests },
        modules: { ...raw.modules },
        runs: raw.runs,
        ...(coverage ? { coverage } : {}),
    };
    if (raw.history !== undefined)
        store.history = raw.history;
    return { store };
}
function timingsProblem(data) {
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        return 'not a JSON object';
    const record = data;
    if (record['version'] !== exports.TIMINGS_VERSION)
        return `unsupported version ${JSON.stringify(record['version'])}`;
    if (typeof record['runs'] !== 'number' || !(record['runs'] >= 0))
        return '"runs" is not a count';
    for (const key of ['tests', 'modules']) {
        const table = record[key];
        if (typeof table !== 'object' || table === null || Array.isArray(table))
            return `"${key}" is not an object`;
        for (const [name, seconds] of Object.entries(table)) {
            if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
                return `"${key}" entry ${JSON.stringify(name)} is not a number of seconds`;
            }
        }
    }
    return undefined;
}
function saveTimings(path, store) {
    (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    (0, node_fs_1.writeFileSync)(tmp, `${JSON.stringify(sortedStore(store))}\n`);
    (0, node_fs_1.renameSync)(tmp, path);
}
function sortedStore(store) {
    const sortKeys = (table) => Object.fromEntries(Object.keys(table)
        .sort()
        .map((k) => [k, round6(table[k] ?? 0)]));
    const sorted = {
        version: store.version,
        tests: sortKeys(store.tests),
        modules: sortKeys(store.modules),
        runs: store.runs,
        ...(store.coverage ? { coverage: store.coverage } : {}),
    };
    if (store.history !== undefined)
        sorted.history = store.history;
    return sorted;
}
function round6(x) {
    return Math.round(x * 1e6) / 1e6;
}
/** Predicts seconds for test items and module setups from a store; never returns zero. */
class Estimator {
    store;
    measuredFiles;
    fileMeans = new Map();
    dirMeans = new Map();
    dynamicSums = new Map();
    suiteMedian = exports.UNKNOWN_TEST_SECONDS;
    indexed = false;
    /**
     * @param measuredFiles what the last local run measured per file (runner/run-cost.ts), for the
     *   files the store has no test of: a local run plans with its own measures, not test counts.
     */
    constructor(store, measuredFiles = {}) {
        this.store = store;
        this.measuredFiles = measuredFiles;
    }
    /** The fallback tables, built on the first test the store does not know. */
    buildIndex() {
        if (this.indexed)
            return;
        this.indexed = true;
        const fileTotals = new Map();
        const dirTotals = new Map();
        const add = (map, key, seconds) => {
            const entry = map.get(key);
            if (entry) {
                entry.sum += seconds;
                entry.count += 1;
            }
            else
                map.set(key, { sum: seconds, count: 1 });
        };
        const all = [];
        for (const [id, seconds] of Object.entries(this.store.tests)) {
            all.push(seconds);
            add(fileTotals, (0, nodeid_js_1.pathOfId)(id), seconds);
            const base = (0, nodeid_js_1.baseId)(id);
            if (base !== id)
                add(this.dynamicSums, base, seconds);
        }
        for (const [file, t] of fileTotals) {
            this.fileMeans.set(file, t.sum / t.count);
            for (let dir = parentDir(file); dir !== undefined; dir = parentDir(dir)) {
                const entry = dirTotals.get(dir);
                if (entry) {
                    entry.sum += t.sum;
                    entry.count += t.count;
                }
                else
                    dirTotals.set(dir, { sum: t.sum, count: t.count });
            }
        }
        for (const [dir, t] of dirTotals)
            this.dirMeans.set(dir, t.sum / t.count);
        if (all.length > 0)
            this.suiteMedian = median(all);
    }
    /** Seconds for one item, module setup excluded. */
    test(item) {
        const known = this.store.tests[item.id];
        if (known !== undefined)
            return Math.max(known, exports.MIN_ESTIMATE_SECONDS);
        this.buildIndex();
        if (item.dynamic) {
            const cases = this.dynamicSums.get(item.id);
            if (cases)
                return Math.max(cases.sum, exports.MIN_ESTIMATE_SECONDS);
            return Math.max(this.fallback(item.file) * literalParamCases(item), exports.MIN_ESTIMATE_SECONDS);
        }
        return Math.max(this.fallback(item.file), exports.MIN_ESTIMATE_SECONDS);
    }
    /** Setup seconds a shard pays to run any part of this module. */
    moduleSetup(file) {
        return this.store.modules[file] ?? 0;
    }
    fallback(file) {
        const fileMean = this.fileMeans.get(file);
        if (fileMean !== undefined)
            return fileMean;
        const measured = Object.hasOwn(this.measuredFiles, file) ? this.measuredFiles[file] : undefined;
        if (measured && measured.tests > 0)
            return measured.seconds / measured.tests;
        for (let dir = parentDir(file); dir !== undefined; dir = parentDir(dir)) {
            const dirMean = this.dirMeans.get(dir);
            if (dirMean !== undefined)
                return dirMean;
        }
        return this.suiteMedian;
    }
}
exports.Estimator = Estimator;
/** Product of the lengths of literal parametrize lists; 1 where a list is not literal. */
function literalParamCases(item) {
    let cases = 1;
    for (const mark of item.marks) {
        if (mark.name !== 'parametrize')
            continue;
        const values = mark.args[1] ?? mark.kwargs['argvalues'];
        if (typeof values === 'object' && values !== null && 'items' in values && Array.isArray(values.items)) {
            cases *= Math.max(1, values.items.length);
        }
    }
    return cases;
}
/** `a/b/c.py` -> `a/b` -> `a` -> undefined: the root is not a directory here, the suite median is. */
function parentDir(path) {
    const slash = path.lastIndexOf('/');
    return slash <= 0 ? undefined : path.slice(0, slash);
}
function median(values) {
    if (values.length === 0)
        return 0;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}


/***/ }),

/***/ 9599:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.compareStrings = compareStrings;
exports.compareUnitsLongestFirst = compareUnitsLongestFirst;
exports.comparePieces = comparePieces;
exports.wholeModule = wholeModule;
exports.partItems = partItems;
exports.sumSeconds = sumSeconds;
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function compareUnitsLongestFirst(a, b) {
    return b.predicted - a.predicted || compareStrings(a.file, b.file) || compareStrings(a.key, b.key);
}
/** Shortest first, then by position in the module. */
function comparePieces(a, b) {
    return a.seconds - b.seconds || (a.indexes[0] ?? 0) - (b.indexes[0] ?? 0);
}
function wholeModule(module) {
    return { file: module.file, items: module.items, whole: true, predicted: module.setup + module.testsSeconds, key: module.items[0]?.id ?? module.file };
}
/** A part's items in module order, from its pieces. */
function partItems(module, pieces) {
    return pieces
        .flatMap((piece) => piece.indexes)
        .sort((a, b) => a - b)
        .map((i) => module.items[i])
        .filter((item) => item !== undefined);
}
function sumSeconds(pieces) {
    return pieces.reduce((sum, piece) => sum + piece.seconds, 0);
}


/***/ }),

/***/ 8522:
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

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("fs");

/***/ }),

/***/ 1943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("fs/promises");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:fs");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:module");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:path");

/***/ }),

/***/ 7066:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:tty");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:url");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__fastestModuleUrl)("node:worker_threads");

/***/ }),

/***/ 7106:
/***/ ((__unused_webpack_module, exports) => {

/*!
* Copyright (c) Squirrel Chat et al., All rights reserved.
* SPDX-License-Identifier: BSD-3-Clause
*
* Redistribution and use in source and binary forms, with or without
* modification, are permitted provided that the following conditions are met:
*
* 1. Redistributions of source code must retain the above copyright notice, this
*    list of conditions and the following disclaimer.
* 2. Redistributions in binary form must reproduce the above copyright notice,
*    this list of conditions and the following disclaimer in the
*    documentation and/or other materials provided with the distribution.
* 3. Neither the name of the copyright holder nor the names of its contributors
*    may be used to endorse or promote products derived from this software without
*    specific prior written permission.
*
* THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
* ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
* WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
* DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
* FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
* DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
* SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
* CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
* OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
* OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
*/

Object.defineProperties(exports, {
	__esModule: { value: true },
	[Symbol.toStringTag]: { value: "Module" }
});
//#region src/error.ts
function getLineColFromPtr(string, ptr) {
	let lines = string.slice(0, ptr).split(/\r?\n/);
	return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
	let lines = string.split(/\r?\n/);
	let codeblock = "";
	let numberLen = (Math.log10(line + 1) | 0) + 1;
	for (let i = line - 1; i <= line + 1; i++) {
		let l = lines[i - 1];
		if (!l) continue;
		codeblock += i.toString().padEnd(numberLen, " ");
		codeblock += ":  ";
		codeblock += l;
		codeblock += "\n";
		if (i === line) {
			codeblock += " ".repeat(numberLen + column + 2);
			codeblock += "^\n";
		}
	}
	return codeblock;
}
var TomlError = class TomlError extends Error {
	line;
	column;
	codeblock;
	constructor(message, options) {
		const [line, column] = getLineColFromPtr(options.toml, options.ptr);
		const codeblock = makeCodeBlock(options.toml, line, column);
		super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
		this.line = line;
		this.column = column;
		this.codeblock = codeblock;
	}
	/** @internal */
	static x(message, ctx, ptr) {
		throw new TomlError(message, {
			toml: ctx.s,
			ptr: ptr ?? ctx.p
		});
	}
};
//#endregion
//#region src/primitive.ts
/** @internal */
function parseString(ctx) {
	let startPtr = ctx.p;
	let c = ctx.s.charCodeAt(ctx.p++);
	let first = c;
	let isLiteral = c === 39;
	let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
	if (isMultiline) {
		if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10) ctx.p++;
		else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) ctx.p += 2;
	}
	let parsed = "";
	let sliceStart = ctx.p;
	let state = 0;
	for (; ctx.p < ctx.s.length; ctx.p++) {
		c = ctx.s.charCodeAt(ctx.p);
		if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) state = state && 3;
		else if (c < 32 && c !== 9 || c === 127) TomlError.x("control characters are not allowed in strings", ctx);
		else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
			if (isMultiline) {
				if (ctx.s.charCodeAt(ctx.p + 3) === first) ctx.p++;
				if (ctx.s.charCodeAt(ctx.p + 3) === first) ctx.p++;
			}
			if (!state) {
				let s = ctx.s.slice(sliceStart, ctx.p);
				parsed = parsed ? parsed + s : s;
			}
			ctx.p += isMultiline ? 3 : 1;
			return parsed;
		} else if (!state) {
			if (!isLiteral && c === 92) {
				parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
				state = 1;
			}
		} else if (state === 1) {
			if (c === 120 || c === 117 || c === 85) {
				let errPtr = ctx.p++ - 1;
				let value = 0;
				let len = c === 120 ? 2 : c === 117 ? 4 : 8;
				for (let j = 0; j < len; j++, ctx.p++) {
					let hex = ctx.s.charCodeAt(ctx.p);
					let digit = hex >= 48 && hex <= 57 ? hex - 48 : hex >= 65 && hex <= 70 ? hex - 65 + 10 : hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1;
					if (digit < 0) TomlError.x("invalid non-hex character in unicode escape", ctx);
					value = value << 4 | digit;
				}
				if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) TomlError.x("invalid unicode escape", ctx, errPtr);
				parsed += String.fromCodePoint(value);
				sliceStart = ctx.p--;
				state = 0;
			} else if (isMultiline && (c === 32 || c === 9)) state = 2;
			else {
				if (c === 98) parsed += "\b";
				else if (c === 116) parsed += "	";
				else if (c === 110) parsed += "\n";
				else if (c === 102) parsed += "\f";
				else if (c === 114) parsed += "\r";
				else if (c === 101) parsed += "\x1B";
				else if (c === 34) parsed += "\"";
				else if (c === 92) parsed += "\\";
				else TomlError.x("unrecognised escape sequence", ctx);
				sliceStart = ctx.p + 1;
				state = 0;
			}
		} else if (c !== 32 && c !== 9) {
			if (state === 2) TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
			state = !isLiteral && c === 92 ? 1 : 0;
			sliceStart = ctx.p;
		}
	}
	TomlError.x("unfinished string", ctx, startPtr);
}
//#endregion
//#region src/date.ts
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class TomlDate extends Date {
	#hasDate = false;
	#hasTime = false;
	#offset = null;
	constructor(date, fasttype, unsafeDelim) {
		let hasDate = true;
		let hasTime = true;
		let offset = "Z";
		let c;
		if (typeof date === "string") {
			if (fasttype) prep: {
				if (fasttype < 3) {
					if (+date.slice(11, 13) > 23) {
						date = "";
						break prep;
					}
					if (fasttype === 2) {
						offset = null;
						date += "Z";
					} else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) offset = date.slice(date.length - 6);
					if (unsafeDelim) date = date.slice(0, 10) + "T" + date.slice(11);
				} else if (fasttype === 4) date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
				hasDate = fasttype !== 4;
				hasTime = fasttype !== 3;
			}
			else {
				let match = date.match(DATE_TIME_RE);
				if (match) {
					if (!match[1]) {
						hasDate = false;
						date = `0000-01-01T${date}`;
					}
					hasTime = !!match[2];
					hasTime && date[10] === " " && (date = date.replace(" ", "T"));
					if (match[2] && +match[2] > 23) date = "";
					else {
						offset = match[3] || null;
						if (!offset && hasTime) date += "Z";
					}
				} else date = "";
			}
		}
		super(date);
		if (!isNaN(this.getTime())) {
			this.#hasDate = hasDate;
			this.#hasTime = hasTime;
			this.#offset = offset;
		}
	}
	isDateTime() {
		return this.#hasDate && this.#hasTime;
	}
	isLocal() {
		return !this.#hasDate || !this.#hasTime || !this.#offset;
	}
	isDate() {
		return this.#hasDate && !this.#hasTime;
	}
	isTime() {
		return this.#hasTime && !this.#hasDate;
	}
	isValid() {
		return this.#hasDate || this.#hasTime;
	}
	toISOString() {
		let iso = super.toISOString();
		if (this.isDate()) return iso.slice(0, 10);
		if (this.isTime()) return iso.slice(11, 23);
		if (this.#offset === null) return iso.slice(0, -1);
		if (this.#offset === "Z" || this.#offset === "z") return iso;
		let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
		offset = this.#offset[0] === "-" ? offset : -offset;
		return (/* @__PURE__ */ new Date(this.getTime() - offset * 6e4)).toISOString().slice(0, -1) + this.#offset;
	}
	static wrapAsOffsetDateTime(jsDate, offset = "Z") {
		let date = new TomlDate(jsDate);
		date.#offset = offset;
		return date;
	}
	static wrapAsLocalDateTime(jsDate) {
		let date = new TomlDate(jsDate);
		date.#offset = null;
		return date;
	}
	static wrapAsLocalDate(jsDate) {
		let date = new TomlDate(jsDate);
		date.#hasTime = false;
		date.#offset = null;
		return date;
	}
	static wrapAsLocalTime(jsDate) {
		let date = new TomlDate(jsDate);
		date.#hasDate = false;
		date.#offset = null;
		return date;
	}
};
//#endregion
//#region src/extract.ts
function isDigit(char, base = 10) {
	return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
	return char === 32 || char === 9 || char === 10 || char === 13 || delim && (char === delim || char === 44) || char === 35;
}
/** @internal */
function extractValue(ctx, end) {
	let errPtr = ctx.p;
	let c = ctx.s.charCodeAt(ctx.p);
	if (c === 91 || c === 123) {
		ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
		let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
		ctx.d++;
		return value;
	}
	if (c === 34 || c === 39) return parseString(ctx);
	if (c === 116) {
		if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101) TomlError.x("invalid value", ctx, errPtr);
		return ctx.p++, true;
	}
	if (c === 102) {
		if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101) TomlError.x("invalid value", ctx, errPtr);
		return ctx.p++, false;
	}
	if (c === 43 || c === 45) return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
	if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) return parseDate(ctx, c, end);
	if (ctx.s.charCodeAt(ctx.p + 2) === 58) return parseTime(ctx, c, end);
	return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
	let c = startChr;
	let state = 0;
	let hasUnderscores = false;
	if (c === 105) {
		if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102) TomlError.x("invalid value", ctx, startPtr);
		return ctx.p++, (sign || 1) / 0;
	}
	if (c === 110) {
		if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110) TomlError.x("invalid value", ctx, startPtr);
		return ctx.p++, NaN;
	}
	if (c === 48) {
		if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr)) return ctx.bi === true ? 0n : 0;
		if (!sign) {
			if (c === 120) return parseIntegerBaseN(ctx, startPtr, 16, endChr);
			else if (c === 98) return parseIntegerBaseN(ctx, startPtr, 2, endChr);
			else if (c === 111) return parseIntegerBaseN(ctx, startPtr, 8, endChr);
		}
		if (c === 46) state = 2;
		else if (c === 101 || c === 69) state = 4;
		else TomlError.x("illegal leading zero", ctx, startPtr);
	} else if (!isDigit(c)) TomlError.x("invalid value", ctx, startPtr);
	while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
		if (!state) state = 1;
		if (c === 95) {
			if (!(state & 1)) TomlError.x("illegal underscore", ctx);
			state += 11;
			hasUnderscores = true;
		} else if (state === 1 && c === 46) state = 2;
		else if ((state === 1 || state === 3) && (c === 101 || c === 69)) state = 4;
		else if (state === 4 && (c === 43 || c === 45)) state = 6;
		else if (!isDigit(c)) TomlError.x(`illegal character in numeric literal`, ctx);
		else if (state > 9) state -= 11;
		else if (!(state & 1)) state++;
	}
	if (!state) {
		let val = (startChr - 48) * (sign || 1);
		return ctx.bi === true ? BigInt(val) : val;
	}
	if (!(state & 1)) TomlError.x("unfinished numeric value", ctx, startPtr);
	let str = ctx.s.slice(startPtr, ctx.p);
	if (hasUnderscores) str = str.replaceAll("_", "");
	return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
	let c, underscore = 1;
	while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) if (c === 95) {
		if (underscore & 1) TomlError.x("illegal underscore", ctx);
		underscore = 3;
	} else if (!isDigit(c, base)) TomlError.x(`illegal character in numeric literal`, ctx);
	else if (underscore & 1) underscore--;
	if (underscore & 1) TomlError.x("unfinished numeric value", ctx);
	let str = ctx.s.slice(startPtr + 2, ctx.p);
	if (underscore) str = str.replaceAll("_", "");
	return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
	if (ctx.bi !== true) int: {
		let val = parseInt(str, base);
		if (!Number.isSafeInteger(val)) {
			if (ctx.bi) break int;
			TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
		}
		return val;
	}
	return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
	let startPtr = ctx.p++, unsafeSeparator;
	if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
	ctx.p += 5;
	if (!isDigit(ctx.s.charCodeAt(ctx.p++))) TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
	if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) return readDate(ctx, ctx.s.slice(startPtr, ctx.p), 3, false, startPtr);
	if (ctx.s.charCodeAt(ctx.p += 3) !== 58) TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
	if (ctx.s.charCodeAt(ctx.p += 3) === 58) ctx.p += 3;
	if (ctx.s.charCodeAt(ctx.p) === 46) while (isDigit(ctx.s.charCodeAt(++ctx.p)));
	if (c = ctx.s.charCodeAt(ctx.p)) {
		if (c === 90 || c === 122) return readDate(ctx, ctx.s.slice(startPtr, ++ctx.p), 1, unsafeSeparator, startPtr, "[+00:00]");
		if (c === 43 || c === 45) return readDate(ctx, ctx.s.slice(startPtr, ctx.p += 6), 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
	}
	return readDate(ctx, ctx.s.slice(startPtr, ctx.p), 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
	let start = ctx.p;
	if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) return parseNumber(ctx, --ctx.p, c, 0, endChr);
	if (ctx.s.charCodeAt(ctx.p += 4) === 58) ctx.p += 3;
	if (ctx.s.charCodeAt(ctx.p) === 46) while (isDigit(ctx.s.charCodeAt(++ctx.p)));
	return readDate(ctx, ctx.s.slice(start, ctx.p), 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
	if (ctx.ld) {
		let date = new TomlDate(str, type, unsafeDelim);
		if (!date.isValid()) TomlError.x("invalid date", ctx, errPtr);
		return date;
	}
	try {
		if (temporalSuffix) str += temporalSuffix;
		switch (type) {
			case 1: return Temporal.ZonedDateTime.from(str);
			case 2: return Temporal.PlainDateTime.from(str);
			case 3: return Temporal.PlainDate.from(str);
			case 4: return Temporal.PlainTime.from(str);
		}
	} catch (e) {
		TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
	}
}
//#endregion
//#region src/util.ts
/** @internal */
function skipComment(ctx) {
	for (; ctx.p < ctx.s.length; ctx.p++) {
		let c = ctx.s.charCodeAt(ctx.p);
		if (c === 10) break;
		if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
			ctx.p++;
			break;
		}
		if (c < 32 && c !== 9 || c === 127) TomlError.x("control characters are not allowed in comments", ctx);
	}
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
	let c;
	while (ctx.p < ctx.s.length) {
		while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10))) ctx.p++;
		if (banComments || c !== 35) break;
		skipComment(ctx);
	}
}
//#endregion
//#region src/struct.ts
/** @internal */
function parseKey(ctx, end = 61) {
	let startPtr;
	let state = 0;
	let parsed = [];
	let sliceStart;
	let c = ctx.s.charCodeAt(startPtr = ctx.p);
	do
		if (c === end) {
			if (!state) TomlError.x("unexpected end of key", ctx);
			if (state === 1) parsed.push(ctx.s.slice(sliceStart, ctx.p));
			return ctx.p++, parsed;
		} else if (c === 46) {
			if (!state) TomlError.x("illegal empty bare key", ctx);
			if (state === 1) parsed.push(ctx.s.slice(sliceStart, ctx.p));
			state = 0;
		} else if (!state && (c === 34 || c === 39)) {
			if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2)) TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
			parsed.push(parseString(ctx));
			state = 2;
			ctx.p--;
		} else if (c === 32 || c === 9) {
			if (state === 1) {
				parsed.push(ctx.s.slice(sliceStart, ctx.p));
				state = 2;
			}
		} else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) TomlError.x("illegal character in key", ctx);
		else if (!state) {
			state = 1;
			sliceStart = ctx.p;
		}
	while (c = ctx.s.charCodeAt(++ctx.p));
	TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
	let startPtr = ctx.p++;
	let res = Object.create(null);
	let seen = /* @__PURE__ */ new Set();
	let c;
	while (ctx.p < ctx.s.length) {
		skipVoid(ctx);
		if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
			ctx.p++;
			return res;
		}
		let k;
		let t = res;
		let hasOwn = false;
		let errPtr = ctx.p;
		let key = parseKey(ctx);
		for (let i = 0; i < key.length; i++) {
			if (i) t = hasOwn ? t[k] : t[k] = Object.create(null);
			k = key[i];
			if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) TomlError.x("trying to redefine an already defined value", ctx, errPtr);
			let unsafe = k === "__proto__";
			if (ctx.uk && (unsafe || k === "constructor")) {
				t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
				break;
			}
			if (!hasOwn && unsafe) Object.defineProperty(t, k, {
				enumerable: true,
				configurable: true,
				writable: true
			});
		}
		if (hasOwn) TomlError.x("trying to redefine an already defined value", ctx, errPtr);
		skipVoid(ctx, true, true);
		let value = extractValue(ctx, 125);
		if (t && typeof (t[k] = value) === "object") seen.add(value);
		skipVoid(ctx);
		if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) return res;
		if (c !== 44) TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
	}
	TomlError.x("unfinished table", ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
	let startPtr = ctx.p++;
	let res = [];
	let c;
	while (ctx.p < ctx.s.length) {
		skipVoid(ctx);
		if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
			ctx.p++;
			return res;
		}
		res.push(extractValue(ctx, 93));
		skipVoid(ctx);
		if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) return res;
		if (c !== 44) TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
	}
	TomlError.x("unfinished array", ctx, startPtr);
}
//#endregion
//#region src/parse.ts
function peekTable(ctx, key, table, meta, type) {
	let t = table;
	let m = meta;
	let k;
	let hasOwn = false;
	let state;
	for (let i = 0; i < key.length; i++) {
		if (i) {
			t = hasOwn ? t[k] : t[k] = Object.create(null);
			m = (state = m[k]).c;
			if (type === 0 && (state.t === 1 || state.t === 2)) return null;
			if (state.t === 2) {
				let l = t.length - 1;
				t = t[l];
				m = m[l].c;
			}
		}
		k = key[i];
		if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) return null;
		if (!hasOwn) {
			let unsafe = k === "__proto__";
			if (ctx.uk && (unsafe || k === "constructor")) return false;
			if (unsafe) {
				Object.defineProperty(t, k, {
					enumerable: true,
					configurable: true,
					writable: true
				});
				Object.defineProperty(m, k, {
					enumerable: true,
					configurable: true,
					writable: true
				});
			}
			m[k] = {
				t: i < key.length - 1 && type === 2 ? 3 : type,
				d: false,
				i: 0,
				c: Object.create(null)
			};
		}
	}
	state = m[k];
	if (state.t !== type && !(type === 1 && state.t === 3)) return null;
	if (type === 2) {
		if (!state.d) {
			state.d = true;
			t[k] = [];
		}
		t[k].push(t = Object.create(null));
		state.c[state.i++] = state = {
			t: 1,
			d: false,
			i: 0,
			c: Object.create(null)
		};
	}
	if (state.d) return null;
	state.d = true;
	if (type === 1) t = hasOwn ? t[k] : t[k] = Object.create(null);
	else if (type === 0 && hasOwn) return null;
	return [
		k,
		t,
		state.c
	];
}
function validateTablePeek(ctx, peek, ptr) {
	if (peek === null || ctx.uk === 2) TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
	let ctx = {
		s: toml,
		p: 0,
		d: options.maxDepth ?? 1e3,
		bi: options.integersAsBigInt ?? false,
		ld: options.useLegacyDate ?? true,
		uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
	};
	let res = Object.create(null);
	let meta = Object.create(null);
	let tmp;
	let skipping = false;
	let tbl = res;
	let m = meta;
	if (toml.charCodeAt(0) === 65279) ctx.p++;
	skipVoid(ctx);
	while (ctx.p < toml.length) {
		if (toml.charCodeAt(ctx.p) === 91) {
			let isTableArray = toml.charCodeAt(++ctx.p) === 91;
			tmp = ctx.p += +isTableArray;
			skipping = false;
			let k = parseKey(ctx, 93);
			if (isTableArray) {
				if (toml.charCodeAt(ctx.p) !== 93) TomlError.x("expected end of table array declaration", ctx);
				ctx.p++;
			}
			let p = peekTable(ctx, k, res, meta, isTableArray ? 2 : 1);
			if (!p) {
				validateTablePeek(ctx, p, tmp);
				skipping = true;
			} else {
				m = p[2];
				tbl = p[1];
			}
		} else {
			tmp = ctx.p;
			let p = peekTable(ctx, parseKey(ctx), tbl, m, 0);
			if (!p && !skipping) validateTablePeek(ctx, p, tmp);
			skipVoid(ctx, true, true);
			let v = extractValue(ctx, void 0);
			if (p && !skipping) p[1][p[0]] = v;
		}
		skipVoid(ctx, true);
		if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
		skipVoid(ctx);
	}
	return res;
}
//#endregion
//#region src/stringify.ts
let BARE_KEY = /^[a-z0-9-_]+$/i;
let HAS_WELLFORMED = !!"".isWellFormed;
function extendedTypeOf(obj) {
	let type = typeof obj;
	if (type === "object") {
		if (Array.isArray(obj)) return "array";
		if (typeof obj.getUTCDate === "function" && obj instanceof Date) return "date";
		if (globalThis.Temporal) {
			if (obj.until) {
				if (obj instanceof Temporal.ZonedDateTime) return "temporal/tz+uc";
				if (obj instanceof Temporal.PlainDateTime || obj instanceof Temporal.PlainDate) return "temporal/uc";
				if (obj instanceof Temporal.PlainTime || obj instanceof Temporal.Instant) return "temporal";
				if (obj instanceof Temporal.PlainYearMonth) return "temporal/x";
			} else if (obj.toPlainDate && obj instanceof Temporal.PlainMonthDay || obj.negated && obj instanceof Temporal.Duration) return "temporal/x";
		}
	}
	return type;
}
function isArrayOfTables(obj) {
	for (let i = 0; i < obj.length; i++) if (extendedTypeOf(obj[i]) !== "object") return false;
	return obj.length != 0;
}
function formatWellFormedStringUnchecked(s) {
	return JSON.stringify(s).replaceAll("", "\\u007f");
}
function formatString(s) {
	return formatWellFormedStringUnchecked(HAS_WELLFORMED ? s.toWellFormed() : s);
}
function formatKey(s) {
	if (BARE_KEY.test(s)) return s;
	if (HAS_WELLFORMED && !s.isWellFormed()) throw new RangeError("key contains illegal lone surrogates");
	return formatWellFormedStringUnchecked(s);
}
function stringifyValue(val, type, depth, numberAsFloat, strictTemporal) {
	if (depth === 0) throw new Error("Could not stringify the object: maximum object depth exceeded");
	switch (type) {
		case "number":
			if (isNaN(val)) return "nan";
			if (val === Infinity) return "inf";
			if (val === -Infinity) return "-inf";
			if (Number.isInteger(val) && (numberAsFloat || !Number.isSafeInteger(val))) return val.toFixed(1);
		case "bigint":
		case "boolean":
		case "temporal": return val.toString();
		case "string": return formatString(val);
		case "date":
			if (isNaN(val.getTime())) throw new TypeError("cannot serialize invalid date");
			return val.toISOString();
		case "object": return stringifyInlineTable(val, depth, numberAsFloat, strictTemporal);
		case "array": return stringifyArray(val, depth, numberAsFloat, strictTemporal);
		case "temporal/tz+uc": if (strictTemporal) {
			let tz = val.timeZoneId;
			let tzc = tz.charCodeAt(0);
			if (tzc !== 43 && tzc !== 45 && (tzc !== 85 && tzc !== 71 && tzc !== 90 && tzc !== 69 || tz !== "UTC" && tz !== "UCT" && tz !== "Universal" && tz !== "Zulu" && !tz.startsWith("GMT") && tz !== "Greenwich" && !tz.startsWith("Etc/"))) throw new TypeError("Temporal objects with an IANA timezone are not allowed in Temporal strict mode");
		}
		case "temporal/uc":
			if (strictTemporal && val.calendarId !== "iso8601") throw new TypeError("Temporal objects with a non-default calendar are not allowed in Temporal strict mode");
			return val.toString({
				calendarName: "never",
				timeZoneName: "never"
			});
		case "temporal/x": throw new TypeError("Unsupported " + val[Symbol.toStringTag]);
	}
}
function stringifyInlineTable(obj, depth, numberAsFloat, strictTemporal) {
	let keys = Object.keys(obj);
	if (keys.length === 0) return "{}";
	let res = "{ ";
	for (let i = 0; i < keys.length; i++) {
		let k = keys[i];
		if (i) res += ", ";
		res += formatKey(k) + " = " + stringifyValue(obj[k], extendedTypeOf(obj[k]), depth - 1, numberAsFloat, strictTemporal);
	}
	return res + " }";
}
function stringifyArray(array, depth, numberAsFloat, strictTemporal) {
	if (array.length === 0) return "[]";
	let res = "[ ";
	for (let i = 0; i < array.length; i++) {
		if (i) res += ", ";
		if (array[i] === null || array[i] === void 0) throw new TypeError("arrays cannot contain null or undefined values");
		res += stringifyValue(array[i], extendedTypeOf(array[i]), depth - 1, numberAsFloat, strictTemporal);
	}
	return res + " ]";
}
function stringifyArrayTable(array, key, depth, numberAsFloat, strictTemporal) {
	if (depth === 0) throw new Error("Could not stringify the object: maximum object depth exceeded");
	let res = "";
	for (let i = 0; i < array.length; i++) {
		res += `${res && "\n"}[[${key}]]\n`;
		res += stringifyTable(0, array[i], key, depth, numberAsFloat, strictTemporal);
	}
	return res;
}
function stringifyTable(tableKey, obj, prefix, depth, numberAsFloat, strictTemporal) {
	if (depth === 0) throw new Error("Could not stringify the object: maximum object depth exceeded");
	let preamble = "";
	let tables = "";
	let keys = Object.keys(obj);
	for (let i = 0; i < keys.length; i++) {
		let k = keys[i];
		if (obj[k] !== null && obj[k] !== void 0) {
			let type = extendedTypeOf(obj[k]);
			if (type === "symbol" || type === "function") throw new TypeError(`cannot serialize values of type '${type}'`);
			let key = formatKey(k);
			if (type === "array" && isArrayOfTables(obj[k])) tables += (tables && "\n") + stringifyArrayTable(obj[k], prefix ? `${prefix}.${key}` : key, depth - 1, numberAsFloat, strictTemporal);
			else if (type === "object") {
				let tblKey = prefix ? `${prefix}.${key}` : key;
				tables += (tables && "\n") + stringifyTable(tblKey, obj[k], tblKey, depth - 1, numberAsFloat, strictTemporal);
			} else {
				preamble += key;
				preamble += " = ";
				preamble += stringifyValue(obj[k], type, depth, numberAsFloat, strictTemporal);
				preamble += "\n";
			}
		}
	}
	if (tableKey && (preamble || !tables)) preamble = preamble ? `[${tableKey}]\n${preamble}` : `[${tableKey}]`;
	return preamble && tables ? `${preamble}\n${tables}` : preamble || tables;
}
function stringify(obj, { maxDepth = 1e3, numbersAsFloat = false, strictTemporal = false } = {}) {
	if (extendedTypeOf(obj) !== "object") throw new TypeError("stringify can only be called with an object");
	let str = stringifyTable(0, obj, "", maxDepth, numbersAsFloat, strictTemporal);
	if (str[str.length - 1] !== "\n") return str + "\n";
	return str;
}
//#endregion
//#region src/index.ts
/** @deprecated use `import * as ... from 'smol-toml'` instead */
var src_default = {
	parse,
	stringify,
	TomlDate,
	TomlError
};
//#endregion
exports.TomlDate = TomlDate;
exports.TomlError = TomlError;
exports["default"] = src_default;
exports.parse = parse;
exports.stringify = stringify;


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
          var fs = __nccwpck_require__(9896);
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
      const fs2 = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1943, 23));
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
exports.a = runCli;
// `fastest discover` on its own (dist/discover.js): the executable loads this instead of the whole
// CLI (dist/main.js) for a discovery the memo can't answer. Half the code of main.js, without the
// runner, the reports and their libraries: ~40 ms less start-up on every such discovery.
const parse_pool_js_1 = __nccwpck_require__(9740);
const discover_js_1 = __nccwpck_require__(2731);
const finish_js_1 = __nccwpck_require__(6367);
function runCli(argv, handoff = { parseThreads: [] }) {
    (0, parse_pool_js_1.adoptParseThreads)(handoff.parseThreads);
    return (0, finish_js_1.finishCommand)((0, discover_js_1.discoverCommand)(argv, argv.slice(1), (s) => process.stdout.write(s)));
}

})();

var __webpack_exports___esModule = __webpack_exports__.B;
var __webpack_exports__runCli = __webpack_exports__.a;
module.exports.runCli = __webpack_exports__runCli;
