// The front of every command: options (argv + addopts), config, discovery and selection.
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getIni, loadConfig, shellWordsOf, type Config } from '../config/index.js';
import { DEFAULT_NORECURSEDIRS } from '../config/index.js';
import { discover, doctestOptionsOf, toNodePath, type DiscoverOptions } from '../discovery/index.js';
import { recallValue, rememberValue } from '../memo/discover-memo.js';
import { inputLogOn, probePath, startInputLog, takeInputLog } from '../memo/inputs.js';
import { choosePython, type PythonChoice } from '../runner/python.js';
import type { ShimChoice } from '../runner/shim.js';
import { expandGlobs } from '../shard/glob.js';
import { isWithin } from '../discovery/walk.js';
import { selectItems, type SelectOptions, type SelectResult } from '../select/index.js';
import { applyImpact } from '../select/impact.js';
import { ChangesError, computeImpact, ImpactDepsError, type ImpactOptions, type ImpactResult } from '../impact/index.js';
import type { DiscoveryResult, TestItem, WarningRecord } from '../types.js';
import { parseArgs, pytestArgv, UnknownOptionError, UsageError, type CliOptions, type PluginOptions } from './args.js';
import { conftestOptions, initialConftestPaths } from './conftest-options.js';
import { iniKeysToAsk, pluginsMayBeOff } from './pytest-ini.js';
import { iniRoutes, pluginOptionsOf, probeLaterKept, probeNowKept, refusal, type ProbeResult } from './option-route.js';
import { autoMode } from './pytest-options.js';

export interface Session {
  options: CliOptions;
  /** The config, with the `-o` values of the command line and PYTEST_ADDOPTS over its ini. */
  config: Config;
  /** The same with the `-o` values of the ini's `addopts` too, as pytest >= 9.1 reads its ini
   * (`config` itself when `addopts` has none). */
  configAfterAddopts: Config;
  cwd: string;
  /** Absolute paths collection starts from. */
  paths: string[];
  /** The paths are the `testpaths` ini's matches (pytest's ArgsSource.TESTPATHS: its header's
   * `testpaths:` line). */
  fromTestpaths: boolean;
  python: string;
  /** Set when `python` is a version manager's shim whose choice is to be remembered. */
  pythonShim: ShimChoice | null;
  /** pytest's parser over the arguments, when fastest needs its word (unknown options, strict config). */
  probe: Promise<ProbeResult> | null;
  /** What pytest warns of while configuring (unknown ini keys), for the warnings summary. */
  configWarnings: Promise<WarningRecord[]>;
  /** The user's command line as real pytest is to get it, when the session goes to pytest;
   * `paths`: what to collect instead of the command line's paths. */
  pytestArgv(paths?: readonly string[]): string[];
  /** The command line as pytest's `sys.argv` holds it after its script: argv without fastest's own options. */
  readonly commandLine: string[];
}

/**
 * The first reading of argv (paths, `-c`, `--rootdir`, `-o`) and the config it finds, with the
 * `-o` values of PYTEST_ADDOPTS before argv's (pytest reads them together before its ini).
 */
export function firstPass(
  argv: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): { first: CliOptions; config: Config; overrides: string[]; envAddopts: string[] } {
  const first = parseArgs(argv, null);
  // (shlex's ValueError leaves pytest's main: exit 1)
  const envAddopts = env.PYTEST_ADDOPTS ? shellWordsOf(env.PYTEST_ADDOPTS, 'PYTEST_ADDOPTS', 1) : [];
  const overrides = [...(envAddopts.length > 0 ? parseArgs(envAddopts, null).overrides : []), ...first.overrides];
  return { first, config: configOf(first, cwd, env, overrides), overrides, envAddopts };
}

/** The config the first reading of argv finds, with these `-o` values over its ini. */
function configOf(first: CliOptions, cwd: string, env: NodeJS.ProcessEnv, overrides: string[]): Config {
  return loadConfig({
    cwd,
    args: first.paths,
    inifile: first.configFile ?? undefined,
    rootdir: first.rootdir ?? undefined,
    overrides,
    env,
  });
}

/** Reads argv, then the config, then argv again behind the ini addopts and PYTEST_ADDOPTS. */
export function openSession(argv: string[], command: CliOptions['command'], cwd: string, env: NodeJS.ProcessEnv): Session {
  const { first, config, overrides, envAddopts } = firstPass(argv, cwd, env);
  // pytest's anchors: the paths named that exist, else (none named) its testpaths decision
  const named = first.paths.map((p) => resolve(cwd, pathPart(p))).filter((path) => probePath(path) !== undefined);
  const anchors = named.length > 0 ? named : first.paths.length > 0 ? [resolve(cwd)] : (testpathMatches(config, cwd) ?? [resolve(cwd)]);
  const conftests = initialConftestPaths(config.rootdir, anchors);
  const extraOptions = conftestOptions(conftests);
  const watched = [...conftests, ...(config.inifile ? [config.inifile] : [])];
  const keepDir = join(config.rootdir, '.fastest');
  const probeNow = (python: string, probeArgv: string[]) => probeNowKept(python, probeArgv, cwd, env, keepDir, watched);
  const probeLater = (python: string, probeArgv: string[]) => probeLaterKept(python, probeArgv, cwd, env, keepDir, watched);
  const allArgs = [...config.addopts, ...envAddopts, ...argv];
  // Chosen on first use: discovery needs an interpreter only to word a syntax error, and a choice
  // it never made keeps PATH and pyenv's variables out of the inputs its memo depends on.
  let choice: PythonChoice | null = null;
  let pythonOption = first.python;
  const chosen = () => (choice ??= choosePython(pythonOption, cwd, join(config.rootdir, '.fastest'), env));
  let probed: ProbeResult | null = null;
  let pluginOptions: PluginOptions | null = null;
  // The command line as pytest is to parse it (the probes', and the tests' sys.argv): argv without
  // fastest's own options, made when first needed.
  let commandLine: string[] | undefined;
  const commandLineOf = () => (commandLine ??= pytestArgv(argv, extraOptions, null));
  let options: CliOptions;
  try {
    options = parseArgs(allArgs, extraOptions);
  } catch (error) {
    if (!(error instanceof UnknownOptionError)) throw error;
    // An option of an installed plugin, or one pytest refuses: pytest's parser says which.
    probed = probeNow(chosen().python, commandLineOf());
    if (probed.status === 'usage') throw refusal(probed);
    if (probed.status === 'ok') {
      pluginOptions = pluginOptionsOf(probed);
      options = parseArgs(allArgs, extraOptions, pluginOptions);
    } else {
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
  if (options.timeout === null) options.timeout = pytestTimeoutSetting(config, env);
  options.routes.push(...iniRoutes(config));
  const { paths, fromTestpaths } = decidePaths(options, config, cwd);
  // A path outside the rootdir (`-c /dev/null` makes /dev the rootdir): pytest names its tests
  // from the path it was given (nodes._check_initialpaths_for_relpath), not from the rootdir as
  // discovery does: real pytest runs the session.
  if (!paths.every((path) => isWithin(path, config.rootdir))) options.routes.push({ option: 'a path outside the rootdir', route: 'session' });
  // pytest 9's `--strict` and `strict` ini turn strict_config on too (the probe reads pytest's verdict)
  const strictConfig =
    options.strictConfig || options.pytestArgs.includes('--strict') || (getIni(config, 'strict_config', 'bool') ?? getIni(config, 'strict', 'bool') ?? false);
  let probe: Promise<ProbeResult> | null = probed ? Promise.resolve(probed) : null;
  if (probe === null && strictConfig && command === 'run') {
    probe = probeLater(chosen().python, commandLineOf());
  }
  // An ini key pytest may not know: its parser says which, for the warnings summary. When a
  // warning filter may make that warning an error, pytest's run ends in an INTERNALERROR after
  // collecting (the probe then answers `pytest`): the route waits for the answer.
  let warningsProbe = probe;
  if (warningsProbe === null && command === 'run' && iniKeysToAsk(config.ini, pluginsMayBeOff(options.plugins, env)).length > 0) {
    warningsProbe = probeLater(chosen().python, commandLineOf());
    const filters = [...options.warningFilters, ...(getIni(config, 'filterwarnings', 'linelist') ?? [])];
    if (filters.some((filter) => filter.trim().startsWith('error'))) probe = warningsProbe;
  }
  // `required_plugins`: pytest's parse refuses the run when an installed plugin's distribution is
  // missing or of another version (its usage error); its parser answers which (kept while the
  // installed packages are unchanged).
  if (probe === null && command === 'run' && (getIni(config, 'required_plugins', 'args') ?? []).length > 0) {
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
    set python(python: string) {
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
    pytestArgv: (paths?: readonly string[]) => {
      if (pluginOptions === null && /--timeout|--asyncio-mode|--reruns|--only-rerun|--rerun-except/.test(argv.join(' '))) {
        // whether pytest knows fastest's own plugin options (pytest-timeout's, pytest-asyncio's, pytest-rerunfailures')
        const known = probeNow(chosen().python, commandLineOf());
        if (known.status === 'ok') pluginOptions = pluginOptionsOf(known);
      }
      const keep = new Set([...(pluginOptions?.keys() ?? [])]);
      return pytestArgv(argv, extraOptions, pluginOptions, keep, paths);
    },
  };
}

/**
 * pytest-timeout's settings when `--timeout` is not given, in its order: the PYTEST_TIMEOUT
 * variable, then the `timeout` ini. fastest enforces them itself (a hung test's worker is replaced).
 */
function pytestTimeoutSetting(config: Config, env: NodeJS.ProcessEnv): number | null {
  const fromEnv = env.PYTEST_TIMEOUT;
  const [text, where] =
    fromEnv !== undefined && fromEnv !== '' ? [fromEnv, 'PYTEST_TIMEOUT environment variable'] : [getIni(config, 'timeout', 'string'), 'config file'];
  if (text === undefined || text.trim() === '') return null;
  const seconds = Number(text.trim());
  if (!Number.isFinite(seconds)) throw new UsageError(`Invalid timeout ${text} from ${where}`);
  return seconds;
}

/** parseArgs with every unknown option taken as a flag without a value (real pytest judges them). */
function parseTakingUnknown(args: string[], conftest: Map<string, boolean>): CliOptions {
  const unknown = new Map<string, 'none'>();
  for (;;) {
    try {
      return parseArgs(args, conftest, unknown);
    } catch (error) {
      if (!(error instanceof UnknownOptionError) || unknown.has(error.option)) throw error;
      unknown.set(error.option, 'none');
    }
  }
}

function pathPart(arg: string): string {
  const at = arg.indexOf('::');
  return at >= 0 ? arg.slice(0, at) : arg;
}

/** pytest's `_decide_args`: the given args, else testpaths when run from the rootdir, else cwd. */
function decidePaths(options: CliOptions, config: Config, cwd: string): { paths: string[]; fromTestpaths: boolean } {
  if (options.paths.length > 0) {
    // Real pytest runs the session (--pyargs: an argument may name a package): it checks them.
    const pytestChecks = options.routes.some((r) => r.route === 'session');
    const paths = options.paths.map((arg) => {
      const abs = resolve(cwd, pathPart(arg));
      if (probePath(abs) === undefined && !pytestChecks) throw new UsageError(`file or directory not found: ${arg}`);
      return abs;
    });
    return { paths, fromTestpaths: false };
  }
  const found = testpathMatches(config, cwd);
  return found ? { paths: found, fromTestpaths: true } : { paths: [resolve(cwd)], fromTestpaths: false };
}

/** What the `testpaths` globs match, when pytest uses them (run from the rootdir); null when it does not. */
function testpathMatches(config: Config, cwd: string): string[] | null {
  if (resolve(cwd) !== config.rootdir || config.testpaths.length === 0) return null;
  const found = config.testpaths.flatMap((p) => expandGlobs([p], config.rootdir, 'paths').map((rel) => resolve(config.rootdir, rel)));
  return found.length > 0 ? found : null;
}

export interface Collected {
  discovery: DiscoveryResult;
  selection: SelectResult;
  /** What selected: to judge node-id arguments again once the run knows what was collected. */
  selectOptions: SelectOptions;
  /** --changed / --affected-by: the changes, and why each selected test was selected. */
  impact?: ImpactResult & { total: number };
  /**
   * Keeps the discovery worked out for this run (`collect(session, { remember: true })`), called
   * by the run once it is over and taught the discovery cache nothing (a lesson would make it
   * stale at once), so the write is not on the way to the first test.
   */
  rememberDiscovery?: () => void;
}

/** Discovery and selection, as pytest's collection phase. */
/**
 * `collect(session, { remember: true })`: a run's discovery is kept with the log of its inputs
 * (memo/discover-memo.ts rememberValue, when the run calls `Collected.rememberDiscovery`) and
 * used again while none of them changed: a warm run
 * then reads one file instead of re-evaluating every module's items (itsdangerous 140 ms of
 * Node's start, 10,000 tests 230 ms).
 */
export interface CollectSettings extends Pick<DiscoverOptions, 'onWalked' | 'onModuleTests'> {
  remember?: boolean;
}

export async function collect(session: Session, settings: CollectSettings = {}): Promise<Collected> {
  const { options, config } = session;
  if (options.cacheClear) {
    rmSync(join(config.rootdir, '.fastest', 'discovery.json'), { force: true });
    // pytest's Cache.clear_cache: its values (lastfailed, stepwise...) and dirs, before --lf reads them
    const pytestCache = resolve(config.rootdir, getIni(config, 'cache_dir', 'string') ?? '.pytest_cache');
    for (const sub of ['v', 'd']) rmSync(join(pytestCache, sub), { recursive: true, force: true });
  }
  // an installed plugin loads by its entry point unless autoloading is off, or when `-p` names it; `-p no:` blocks it
  const pluginMayLoad = (name: string) =>
    !options.plugins.includes(`no:${name}`) && (!process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD || options.plugins.includes(name));
  const { discovery, rememberDiscovery } = await discoverOrRecall(settings.remember === true && !options.noCache && !options.cacheClear, {
    rootdir: config.rootdir,
    paths: session.paths,
    walk: {
      pythonFiles: config.pythonFiles,
      norecursedirs: config.norecursedirs.length > 0 ? config.norecursedirs : [...DEFAULT_NORECURSEDIRS],
      ignore: options.ignore.map((p) => resolve(session.cwd, p)),
      ignoreGlob: options.ignoreGlob.map((p) => resolve(session.cwd, p)),
      collectInVirtualenv: options.collectInVirtualenv,
    },
    rules: {
      pythonFunctions: config.pythonFunctions,
      pythonClasses: config.pythonClasses,
      idOptions: { noEscaping: getIni(config, 'disable_test_id_escaping_and_forfeit_all_rights_to_community_support', 'bool') ?? false },
      warningsAreErrors: (getIni(config, 'filterwarnings', 'linelist') ?? []).some((line) => line.trim() === 'error'),
      hypothesisPlugin: pluginMayLoad('hypothesispytest'),
      anyioPlugin: pluginMayLoad('anyio'),
      anyioAutoMode: autoMode(options.pytestArgs, '--anyio-mode', getIni(config, 'anyio_mode', 'string')),
      asyncioAutoMode: pluginMayLoad('asyncio') && autoMode(options.pytestArgs, '--asyncio-mode', getIni(config, 'asyncio_mode', 'string')),
    },
    useCache: !options.noCache,
    python: () => session.python,
    doctest: doctestOptionsOf(options.pytestArgs, getIni(config, 'doctest_encoding', 'string')),
    onWalked: settings.onWalked,
    onModuleTests: settings.onModuleTests,
  });
  const nodeIds = options.paths.map((arg) => {
    const at = arg.indexOf('::');
    const abs = resolve(session.cwd, pathPart(arg));
    return toNodePath(config.rootdir, abs) + (at >= 0 ? arg.slice(at) : '');
  });
  const selectOptions: SelectOptions = {
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
  const selection = selectItems(discovery.items, selectOptions);
  if (options.changed === null && options.affectedBy === null) return { discovery, selection, selectOptions, rememberDiscovery };
  const impact = await impactOf(session, discovery);
  return {
    discovery,
    selection: applyImpact(selection, impact.impact.reasons),
    selectOptions,
    impact: { ...impact, total: selection.selected.length },
    rememberDiscovery,
  };
}

const REMEMBERED_DISCOVERY = 'run discovery';

/** A remembered value of the shape discovery answers (a damaged memo file is worked out again). */
function isDiscoveryResult(value: unknown, rootdir: string): value is DiscoveryResult {
  const result = value as DiscoveryResult | null | undefined;
  return (
    typeof result === 'object' &&
    result !== null &&
    result.rootdir === rootdir &&
    Array.isArray(result.items) &&
    result.items.every((item) => typeof item?.id === 'string' && typeof item.file === 'string' && Array.isArray(item.marks) && Array.isArray(item.classes)) &&
    Array.isArray(result.errors) &&
    Array.isArray(result.warnings) &&
    typeof result.parsedFiles === 'number' &&
    typeof result.cachedFiles === 'number'
  );
}

async function discoverOrRecall(remember: boolean, opts: DiscoverOptions): Promise<{ discovery: DiscoveryResult; rememberDiscovery?: () => void }> {
  if (!remember || inputLogOn()) return { discovery: await discover(opts) };
  const bundlePath = join(dirname(fileURLToPath(import.meta.url)), 'main.js');
  // Everything discovery depends on but its logged inputs: its options (the config as read), the interpreter.
  const key = JSON.stringify([REMEMBERED_DISCOVERY, { ...opts, python: opts.python() }]);
  const recalled = recallValue(opts.rootdir, key, bundlePath, process.env, (value): value is DiscoveryResult => isDiscoveryResult(value, opts.rootdir));
  if (recalled !== undefined) return { discovery: { ...recalled, parsedFiles: 0, cachedFiles: recalled.parsedFiles + recalled.cachedFiles } };
  startInputLog();
  let discovery: DiscoveryResult;
  try {
    discovery = await discover(opts);
  } catch (error) {
    takeInputLog();
    throw error;
  }
  const inputs = takeInputLog();
  if (!inputs || discovery.errors.length > 0 || discovery.warnings.length > 0) return { discovery };
  return { discovery, rememberDiscovery: () => rememberValue(opts.rootdir, key, bundlePath, inputs, discovery) };
}

/** The `impact_deps` lines: the ini's, then [tool.fastest]'s. */
function impactDepsLines(config: Config): string[] {
  const table = config.fastest.impact_deps;
  const fromTable = typeof table === 'string' ? table.split('\n') : Array.isArray(table) ? table.filter((l): l is string => typeof l === 'string') : [];
  return [...(getIni(config, 'impact_deps', 'linelist') ?? []), ...fromTable];
}

/** What the impact stage reads of the session's config, for these items. */
export function impactSettings(session: Session, items: TestItem[]): Omit<ImpactOptions, 'request'> {
  const { options, config } = session;
  return {
    rootdir: config.rootdir,
    invocationDir: config.invocationDir,
    inifile: config.inifile === null ? null : toNodePath(config.rootdir, config.inifile),
    pythonpath: getIni(config, 'pythonpath', 'paths') ?? [],
    impactDeps: impactDepsLines(config),
    items,
    useCache: !options.noCache,
  };
}

async function impactOf(session: Session, discovery: DiscoveryResult): Promise<ImpactResult> {
  const { options } = session;
  try {
    return await computeImpact({
      ...impactSettings(session, discovery.items),
      request: { ...(options.changed ? { changed: options.changed } : {}), ...(options.affectedBy ? { affectedBy: options.affectedBy } : {}) },
    });
  } catch (error) {
    if (error instanceof ChangesError || error instanceof ImpactDepsError) throw new UsageError(error.message);
    throw error;
  }
}
