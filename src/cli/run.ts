// `fastest [PATHS]`: collect, select, run in the worker pool, report like pytest.
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { countResults } from '../report/counts.js';
import { fenceBlock } from '../report/fence.js';
import { coveringIds, pathOfId } from '../nodeid.js';
import { configuredReporters, consoleColored, consoleWidth, junitIniOptions } from '../report/reporters.js';
import {
  checkPythonRemembered,
  COLD_WORKER_SECONDS,
  CollectionTruth,
  filesUnder,
  estimatedTestSeconds,
  listedModuleSeconds,
  makeUnits,
  passFiles,
  pycacheDir,
  PrestartedWorkers,
  readRunCost,
  recordedTestSeconds,
  runtimePythonPath,
  runUnits,
  unitsInItemOrder,
  WarmRun,
  workersWorthStarting,
  writeRunCost,
  type FileSelection,
  type ExpectedSeconds,
  type MeasuredCost,
  type RunCost,
  type WarmUse,
} from '../runner/index.js';
import {
  expansionSelected,
  namedNodeIds,
  planLastFailed,
  readLastFailed,
  type LastFailed,
  selectItems,
  SelectionError,
  unmatchedNodeIds,
  updateLastFailed,
  updateNodeIds,
} from '../select/index.js';
import { doctestOptionsOf, itemsOfCollectedModule, learnCollected } from '../discovery/index.js';
import { forgetMemos } from '../memo/discover-memo.js';
import { probePath } from '../memo/inputs.js';
import {
  isCollectionSkip,
  type CollectionError,
  type DiscoveryResult,
  type Mark,
  type PluginsSummary,
  type RerunSettings,
  type TestItem,
  type TestResult,
  type Unit,
  type WarningRecord,
  wholeFileItem,
} from '../types.js';
import { UsageError, type CliOptions } from './args.js';
import { benchmarksMeasured, lastOptionValue } from './pytest-options.js';
import { rerunSettings } from './reruns.js';
import { rememberInterpreter } from '../runner/shim.js';
import { earlyWorkersStarted, reviseEarlyWorkers, settleEarlyWorkers } from '../runner/early.js';
import { userCacheDir } from './code-cache.js';
import { impactClosingLine, impactReasonsBlock } from './impact-report.js';
import { printDiscovery } from './discover.js';
import { listingOfPass } from './listing.js';
import { handleSignals } from './signals.js';
import { applyEngineRoute, pytestSettles, routeCoverage, runRealPytest, runRoute } from './option-route.js';
import { coverageActive } from '../coverage/options.js';
import { coverageSpec, finishCoverage, prepareCoverage, type CoverageOutcome, type CoverageSpec } from '../coverage/session.js';
import { collect, openSession, type Collected, type Session } from './session.js';
import { collectedIdsOf, iniForWorkers, itemsAsCollected, namedPaths } from './unlisted.js';
import { selectShard, shardListing } from './shard.js';
import { VERSION } from './version.js';
import { getIni, type Config } from '../config/index.js';

/**
 * Groups the selected items by file, noting files run whole (every collected item selected), and
 * `madeAtImport`'s files with a selection -k/-m/--deselect judged (they run whole, each test
 * judged by its id: the tests their import makes are no listed id's).
 */
function filesOf(selected: TestItem[], all: TestItem[], narrowIds: Map<string, string[]>, madeAtImport: ReadonlySet<string>): Map<string, FileSelection> {
  const totalPerFile = new Map<string, number>();
  for (const item of all) totalPerFile.set(item.file, (totalPerFile.get(item.file) ?? 0) + 1);
  const byFile = new Map<string, FileSelection>();
  for (const item of selected) {
    let entry = byFile.get(item.file);
    if (!entry) {
      entry = { items: [], whole: true };
      byFile.set(item.file, entry);
    }
    entry.items.push(item);
    // (an unverified item is none of the listed ones: the file runs narrowed to the ids asked for)
    if (narrowIds.has(item.id) || item.unverified) entry.whole = false;
  }
  for (const [file, entry] of byFile) {
    if (madeAtImport.has(file)) Object.assign(entry, { whole: true, keepWhole: true });
    else if (entry.items.length !== totalPerFile.get(file)) entry.whole = false;
  }
  return byFile;
}

/** pytest's `--code-highlight` (yes by default), the last one given. */
function codeHighlight(pytestArgs: string[]): boolean {
  return lastOptionValue(pytestArgs, '--code-highlight') !== 'no';
}

/** Node ids a unit names for narrowed dynamic items (`test_p[1]` asked for by argument). */
function applyNarrowing(units: Unit[], narrowIds: Map<string, string[]>): Unit[] {
  if (narrowIds.size === 0) return units;
  return units.map((u) => (u.ids === null ? u : { ...u, ids: u.ids.flatMap((id) => narrowIds.get(id) ?? [id]) }));
}

function withoutIds(items: TestItem[], ids: string[]): TestItem[] {
  const gone = new Set(ids);
  return items.filter((item) => !gone.has(item.id));
}

/**
 * `-n N` workers (at most one per unit); `-n auto` (the default) up to one per core, and given the
 * expected seconds of the tests and of a worker's start, only as many as pay for themselves.
 */
export function workerCount(session: Session, units: number, seconds?: { expected: ExpectedSeconds; worker: number }): number {
  const wanted = session.options.workers;
  const auto = wanted === null || wanted === 'auto';
  const n = auto ? availableParallelism() : wanted;
  const most = Math.max(1, Math.min(n === 0 ? 1 : n, Math.max(units, 1)));
  return auto && seconds ? workersWorthStarting(most, seconds.expected, seconds.worker) : most;
}

/**
 * -s with one worker: what a test's teardown prints waits for the test's result, since pytest
 * prints the result letter when the call ends and only then runs the teardown; the console
 * writes it between the letter and a teardown error (Reporter.testResult).
 */
class HeldTeardownOutput {
  private id: string | null = null;
  private chunks: [1 | 2, string][] = [];
  constructor(private readonly print: (stream: 1 | 2, text: string) => void) {}

  hold(id: string, stream: 1 | 2, text: string): void {
    if (this.id !== id) this.release();
    this.id = id;
    this.chunks.push([stream, text]);
  }

  /** What test `id`'s teardown printed, as the writer of it its result is shown with. */
  take(id: string): (() => void) | undefined {
    if (this.id !== id) return undefined;
    const chunks = this.chunks;
    this.id = null;
    this.chunks = [];
    return () => {
      for (const [stream, text] of chunks) this.print(stream, text);
    };
  }

  /** Prints what is held (its test's result is not coming, or not shown). */
  release(): void {
    if (this.id !== null) this.take(this.id)?.();
  }
}

/**
 * Batches console writes per event-loop turn: a write per test result is a system call each.
 * `hold(true)`: nothing is written until `hold(false)` (a test's debugger has the terminal).
 */
function bufferedStdout(): { write: (s: string) => void; flush: () => void; hold: (on: boolean) => void } {
  let chunks: string[] = [];
  let scheduled = false;
  let held = false;
  const flush = () => {
    scheduled = false;
    if (chunks.length === 0 || held) return;
    const text = chunks.join('');
    chunks = [];
    process.stdout.write(text);
  };
  return {
    write: (s: string) => {
      chunks.push(s);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
    hold: (on: boolean) => {
      if (on) flush();
      held = on;
      if (!on) flush();
    },
  };
}

/**
 * pytest refuses a bad `-W` filter (unknown category, bad action...) with a usage error before
 * the session starts. Python parses them (pytest's own parser when installed, for its exact
 * message); this runs alongside discovery and only when `-W` is given. Resolves to the usage
 * error's message, or null.
 */
function checkWarningFilters(python: string, filters: string[], env: NodeJS.ProcessEnv): Promise<string | null> {
  if (filters.length === 0) return Promise.resolve(null);
  const code = 'import sys; from fastest_worker.native.warnings_rec import main; sys.exit(main(sys.argv[1:]))';
  return new Promise((resolvePromise) => {
    execFile(python, ['-c', code, ...filters], { env: { ...env, PYTHONPATH: runtimePythonPath(env.PYTHONPATH) } }, (error, stdout) => {
      // Exit 4 is a refused filter; any other failure is left to the workers to report.
      const exit = error && typeof error.code === 'number' ? error.code : 0;
      resolvePromise(exit === 4 ? String(stdout) : null);
    });
  });
}

/**
 * The arguments for real pytest; a test-impact selection goes along as --deselect of the tests it
 * leaves out. `share` (a shard's tests): they are named instead of the command line's paths, with
 * the tests -k/-m/--deselect leave out, which pytest then deselects as the shard's run counts them.
 */
async function realPytestArgv(session: Session, known?: Collected, share?: TestItem[]): Promise<string[]> {
  let argv: string[];
  let deselect: TestItem[] = [];
  if (share === undefined) argv = session.pytestArgv();
  else {
    const { discovery, selection } = known ?? (await collect(session));
    const named = new Set([...share, ...selection.deselected].map((item) => item.id));
    const listed = discovery.items.filter((item) => named.delete(item.id));
    const ids = [...listed.map((item) => item.id), ...named];
    if (ids.length > 0) {
      argv = session.pytestArgv(ids.map((id) => cwdRelativeArg(session, id)));
    } else if (session.options.paths.every((arg) => !arg.includes('::') && probePath(resolve(session.cwd, arg))?.isDirectory() === true)) {
      // an empty share: pytest's walk of the run's directories ignores every entry, so that it
      // collects nothing, as the shard's run ("collected 0 items")
      argv = [...session.pytestArgv(), '--ignore-glob=*'];
    } else {
      // (a file named on the command line is collected whatever ignores it: its tests are deselected)
      argv = session.pytestArgv();
      deselect = selection.selected;
    }
  }
  if (session.options.changed !== null || session.options.affectedBy !== null) {
    const { selection, impact } = known ?? (await collect(session));
    if (impact) {
      deselect = [...deselect, ...selection.deselected.filter((item) => !impact.impact.reasons.has(item.id))];
      process.stderr.write(impactClosingLine(impact, selection.selected.length));
    }
  }
  return [...argv, ...deselect.flatMap((item) => ['--deselect', item.id])];
}

/** A node id (rootdir-relative) as an argument pytest started in the session's directory reads. */
function cwdRelativeArg(session: Session, id: string): string {
  const file = pathOfId(id);
  const path = relative(session.cwd, resolve(session.config.rootdir, file)) || '.';
  return path + id.slice(file.length);
}

/** What `fastest watch` (watch.ts) keeps between the runs it makes in its own process. */
export interface RunHooks {
  /** The warm parent kept alive across runs, used instead of a run's own. */
  warm?: WarmUse;
  /** Aborts the run as SIGINT does (a key pressed, a quit). */
  signal?: AbortSignal;
  /** The caller handles the process's signals itself. */
  noSignalHandlers?: boolean;
  /** The run's results and errors, at its end. */
  finished?(results: TestResult[], errors: CollectionError[]): void;
  /** What discovery and selection found, before the run. */
  collected?(collected: Collected): void;
  /** Absolute paths to collect instead of the command line's (its options still apply). */
  paths?: string[];
  /** The interpreter's version, already checked. */
  pythonCheck?: Promise<string>;
}

export async function runCommand(argv: string[], cwd: string, env: NodeJS.ProcessEnv, hooks: RunHooks = {}): Promise<number> {
  const started = performance.now();
  const startedAt = new Date();
  const session = openSession(argv, 'run', cwd, env);
  const { options, config } = session;
  if (hooks.paths) {
    options.paths = hooks.paths;
    session.paths = hooks.paths;
  }
  routeCoverage(options);
  const reruns = rerunSettings(options, config);
  const route = runRoute(options);
  if (route.kind === 'session') {
    settleEarlyWorkers(config.rootdir, null);
    return runRealPytest(session.python, await realPytestArgv(session), cwd, env);
  }
  applyEngineRoute(options, route);
  const shim = session.pythonShim;
  // The workers started ahead: as many as the last run's measures say pay for themselves.
  const readsDiscoveryOnly = options.collectOnly && !listsFromPass(options);
  const runCost = readsDiscoveryOnly ? null : readRunCost(join(config.rootdir, '.fastest'));
  const startWorkers = workerCount(
    session,
    Number.MAX_SAFE_INTEGER,
    runCost ? { expected: recordedTestSeconds(runCost), worker: runCost.workerSeconds } : undefined,
  );
  const filterCheck = readsDiscoveryOnly ? Promise.resolve(null) : checkWarningFilters(session.python, options.warningFilters, env);
  // A warm parent (runner/warm.ts) or the Python workers start now, so that their start-up
  // overlaps discovery; unused ones are ended.
  const warm: WarmUse | undefined = options.collectOnly
    ? undefined
    : (hooks.warm ??
      new WarmRun({
        python: session.python,
        rootdir: config.rootdir,
        cwd,
        workers: startWorkers,
        pycacheDir: pycacheDir({ rootdir: config.rootdir }),
        cacheDir: join(config.rootdir, '.fastest'),
        env,
        firstRun: runCost === null,
      }));
  const prestarted =
    readsDiscoveryOnly || warm?.parent
      ? undefined
      : new PrestartedWorkers({
          python: session.python,
          cwd,
          count: startWorkers,
          // A first run knows its modules after discovery's walk: the rest start then, if needed.
          startNow: runCost === null ? Math.max(1, earlyWorkersStarted()) : startWorkers,
          pycacheDir: pycacheDir({ rootdir: config.rootdir }),
        });
  // The executable's early workers this run did not take are ended; the plan is kept for the next.
  settleEarlyWorkers(config.rootdir, prestarted ? { workers: startWorkers, pycacheDir: pycacheDir({ rootdir: config.rootdir }) } : null);
  // (after the workers: a spawn blocks this thread, and the workers' start is the longer path)
  const pythonCheck =
    hooks.pythonCheck ??
    checkPythonRemembered(
      session.python,
      [join(config.rootdir, '.fastest'), userCacheDir(env)],
      shim ? (executable) => rememberInterpreter(shim, executable) : undefined,
    );
  pythonCheck.catch(() => undefined); // awaited below; a collect-only run never needs it
  // --cov: coverage.py's configuration read and old data erased while discovery runs.
  let coverage: MeasuredRun | null = null;
  if (coverageActive(options.coverage)) {
    const spec = coverageSpec(options.coverage, cwd, consoleWidth(env, process.stdout));
    const prepared = pythonCheck.then(() => prepareCoverage(session.python, spec, env));
    prepared.catch(() => undefined); // awaited before the run
    coverage = { spec, prepared };
  }
  const removeSignalHandlers = hooks.noSignalHandlers ? () => {} : handleSignals(started);
  try {
    return await runSession(session, env, started, startedAt, pythonCheck, prestarted, filterCheck, coverage, reruns, runCost, warm, hooks);
  } finally {
    prestarted?.dispose();
    warm?.end();
    removeSignalHandlers();
  }
}

interface MeasuredRun {
  spec: CoverageSpec;
  prepared: Promise<unknown>;
}

/**
 * What the collection pass imports beyond the units' files, as pytest's collection would: every
 * module its walk finds, tests run or not (runner/pool.ts collectFirst). --lf skips the modules
 * pytest's lfplugin skips (`lastFailedSkips`); a shard imports the whole plan's modules, but only
 * reports (and runs tests made at collection in) those whose collection errors it owns; an impact
 * selection is a deselection, as pytest's --deselect.
 */
function passSelection(
  discovery: DiscoveryResult,
  units: Unit[],
  /** What -k/-m/--deselect kept (null: an impact selection, which runs no test it did not pick). */
  selected: TestItem[] | null,
  lastFailedSkips: ((file: string) => boolean) | undefined,
  ownsFile: (file: string) => boolean,
  /** unlistedModules() of the same arguments. */
  unlisted: string[],
): { files?: string[]; unlisted?: string[]; deselected?: string[]; importOnly?: string[] } {
  if (!discovery.modules) return {};
  const modules = lastFailedSkips ? discovery.modules.filter((file) => !lastFailedSkips(file)) : discovery.modules;
  const withUnits = new Set(units.map((unit) => unit.file));
  const withSelected = new Set(selected?.map((item) => item.file));
  const listed = new Set(discovery.items.map((item) => item.file));
  const others = modules.filter((file) => !withUnits.has(file) && !ownsFile(file));
  const mine = (file: string) => !withUnits.has(file) && ownsFile(file);
  return {
    files: passFiles(units, modules),
    unlisted,
    deselected: selected ? modules.filter((file) => mine(file) && listed.has(file) && !withSelected.has(file)) : [],
    importOnly: others,
  };
}

/**
 * The test modules of the collection pass that discovery listed no item of: their tests, if any,
 * are made at collection (none of a module listing none has a unit).
 */
function unlistedModules(
  discovery: DiscoveryResult,
  selected: TestItem[] | null,
  lastFailedSkips: ((file: string) => boolean) | undefined,
  ownsFile: (file: string) => boolean,
): string[] {
  if (!discovery.modules || !selected) return [];
  const listed = new Set(discovery.items.map((item) => item.file));
  return discovery.modules.filter((file) => !listed.has(file) && ownsFile(file) && !lastFailedSkips?.(file));
}

/**
 * The selected ids in pytest's collection order, with each unlisted module's file in its place
 * among the modules: its tests are made at collection, and rank by their file.
 */
function collectionOrderOf(selected: TestItem[], unlisted: string[], modules: string[] | undefined): string[] {
  if (unlisted.length === 0 || !modules) return selected.map((item) => item.id);
  const place = new Map(modules.map((file, index) => [file, index]));
  const waiting = [...unlisted].sort((a, b) => place.get(a)! - place.get(b)!);
  const order: string[] = [];
  let next = 0;
  for (const item of selected) {
    const at = place.get(item.file);
    while (at !== undefined && next < waiting.length && place.get(waiting[next])! < at) order.push(waiting[next++]);
    order.push(item.id);
  }
  order.push(...waiting.slice(next));
  return order;
}

/**
 * --lf/--ff with recorded failures that discovery does not list in a test module that exists
 * (a test made at import, or one renamed or deleted since): which of them the module makes
 * decides pytest's plan (`rerun previous N failures`, or everything when none is collected), so
 * one worker collects those modules first, and their items become what it collected. Stale ids
 * are then left out as pytest leaves them.
 */
async function withUnlistedFailures(
  session: Session,
  collected: Collected,
  recorded: LastFailed,
): Promise<{ collected: Collected; checkedModules: Map<string, string[]> }> {
  const { discovery, selectOptions } = collected;
  const modules = selectOptions.modules ?? new Set<string>();
  const listed = new Set(discovery.items.map((item) => item.id));
  const dynamic = new Set(discovery.items.filter((item) => item.dynamic).map((item) => item.id));
  const erroredFiles = new Set(discovery.errors.map((e) => e.file));
  const files = new Set<string>();
  for (const id of recorded.ids) {
    const file = pathOfId(id);
    if (id === file || !modules.has(file) || erroredFiles.has(file)) continue;
    const covering = coveringIds(id).filter((cover) => listed.has(cover));
    // --ff runs a failed expansion of an item only the import expands (parametrize over a call's
    // result) first, its other expansions in their place: the module's ids say which those are
    if (
      covering.length === 0 ||
      (session.options.failedFirst && !session.options.lastFailed && covering.every((cover) => cover !== id && dynamic.has(cover)))
    ) {
      files.add(file);
    }
  }
  if (files.size === 0) return { collected, checkedModules: new Map() };
  const order = discovery.modules ?? [...files];
  const checkedModules = await collectedIdsOf(
    session,
    order.filter((file) => files.has(file)),
  );
  if (checkedModules.size === 0) return { collected, checkedModules };
  // (a module that failed to collect keeps its listed items: the run reports its error)
  const byFile = new Map<string, TestItem[]>();
  for (const item of discovery.items) if (checkedModules.has(item.file)) byFile.set(item.file, [...(byFile.get(item.file) ?? []), item]);
  const corrected: TestItem[] = [];
  const placed = new Set<string>();
  for (const item of discovery.items) {
    const ids = checkedModules.get(item.file);
    if (ids === undefined || item.beside) corrected.push(item);
    else if (!placed.has(item.file)) {
      placed.add(item.file);
      corrected.push(...itemsOfCollectedModule(item.file, byFile.get(item.file) ?? [], ids));
    }
  }
  // a module discovery listed nothing of goes where the walk found it
  for (const [file, ids] of checkedModules) {
    if (placed.has(file)) continue;
    const at = corrected.findIndex((item) => order.indexOf(item.file) > order.indexOf(file));
    corrected.splice(at < 0 ? corrected.length : at, 0, ...itemsOfCollectedModule(file, [], ids));
  }
  const fixed = { ...discovery, items: corrected };
  return { collected: { ...collected, discovery: fixed, selection: selectItems(corrected, selectOptions) }, checkedModules };
}

/** `--collect-only -q`/`-qq`: listed from the workers' collection pass, unless pytest's own
 * collection must answer (decided after discovery). JSON lists discovery's items. */
function listsFromPass(options: CliOptions): boolean {
  return options.collectOnly && options.verbosity < 0 && !options.jsonOutput;
}

async function runSession(
  session: Session,
  env: NodeJS.ProcessEnv,
  started: number,
  startedAt: Date,
  pythonCheck: Promise<string>,
  prestarted: PrestartedWorkers | undefined,
  filterCheck: Promise<string | null>,
  coverage: MeasuredRun | null,
  reruns: RerunSettings | undefined,
  runCost: RunCost | null,
  warm?: WarmUse,
  hooks: RunHooks = {},
): Promise<number> {
  const { options, config, cwd } = session;
  /** A first run's modules listed so far, and their test time at the cold estimate. */
  const listedSoFar = { modules: 0, seconds: 0 };
  let collected: Collected = await collect(session, {
    remember: true,
    // The prestarted workers rewrite the modules Node parses meanwhile.
    onWalked: (_modules, toParse) => {
      if (options.engine !== 'pytest' && toParse.length > 0) prestarted?.precompile(toParse, join(config.rootdir, '.fastest'));
    },
    // A first run starts the others as the tests listed so far say they pay for themselves (the
    // plan may start more, or end some): a small suite keeps the one started first.
    onModuleTests:
      runCost === null && prestarted
        ? (listed) => {
            listedSoFar.modules++;
            listedSoFar.seconds += listedModuleSeconds(listed);
            const expected = { tests: listedSoFar.seconds, longestFile: 0 };
            prestarted.grow(workerCount(session, listedSoFar.modules, { expected, worker: COLD_WORKER_SECONDS }));
          }
        : undefined,
  });
  const { rememberDiscovery } = collected;
  /** The items discovery listed, before a check of recorded failures (what the cache learns against). */
  const listedItems = collected.discovery.items;
  /** What the check of recorded failures collected: module -> ids. */
  let checkedModules = new Map<string, string[]>();
  const listing = listsFromPass(options);
  /** --lf/--ff: pytest's record of failures, as the run starts. */
  const recordedFailures = options.lastFailed || options.failedFirst ? readLastFailed(config.rootdir, pytestCacheDir(config)) : undefined;
  if ((!options.collectOnly || listing) && recordedFailures) {
    ({ collected, checkedModules } = await withUnlistedFailures(session, collected, recordedFailures));
  }
  hooks.collected?.(collected);
  const { discovery, selection } = collected;
  const out = bufferedStdout();
  const write = out.write;
  for (const w of discovery.warnings) process.stderr.write(`fastest: warning: ${w}\n`);
  const impact = collected.impact;
  if (impact && options.verbosity > 0 && !options.jsonOutput) write(impactReasonsBlock(impact, selection.selected));
  if (options.collectOnly) {
    // pytest's warnings summary of a collection (an ini key it does not know; pytest 9.1's warning
    // for an iterator passed to parametrize): real pytest collects, and says them as it does.
    // Without -q pytest prints its collector tree (<Dir>, <Module>, docstrings under -v), which
    // only pytest's own collectors know: real pytest prints it. `--co -q` lists what the workers'
    // collection pass collects (a module that fails to import is pytest's error, not a listing).
    const tree = options.verbosity >= 0;
    // A node id only the module's import can settle (selection.unverified), or an item whose ids
    // only the module's import knows (a parametrize over a name, a unittest class discovery cannot
    // read; until a run has taught them): pytest's collection answers, with pytest's ids.
    const pytestDecides =
      tree || selection.unverified.length > 0 || (discovery.iteratorParametrize?.length ?? 0) > 0 || selection.selected.some((item) => item.dynamic);
    if (!options.jsonOutput && (pytestDecides || (await session.configWarnings).length > 0)) {
      prestarted?.dispose();
      // --shard: the shard's share, as its run would collect it
      const sharded = options.shard ? (await shardListing(session, collected)).selection.selected : undefined;
      out.flush();
      return runRealPytest(session.python, await realPytestArgv(session, collected, sharded), cwd, env);
    }
    if (options.jsonOutput) {
      const code = printDiscovery(session, await shardListing(session, collected), (performance.now() - started) / 1000, write);
      out.flush();
      return code;
    }
  }

  const pythonVersion = await pythonCheck;
  // pytest prints its usage error as `ERROR: {msg}\n` plus the line's own newline.
  const filterError = await filterCheck;
  if (filterError !== null) throw new UsageError(filterError + '\n');
  if (session.probe !== null && (await pytestSettles(session.probe))) {
    prestarted?.dispose();
    return runRealPytest(session.python, await realPytestArgv(session, collected), cwd, env);
  }
  let selected = selection.selected;
  const narrowIds = new Map(selection.narrowIds);
  let lastFailedSkips: ((file: string) => boolean) | undefined;
  let lastFailedStatus: string | undefined;
  /** --lf/--ff's plan once modules failed to collect again: pytest finds no recorded failure in them. */
  let lastFailedPlanWithout: ((uncollected: ReadonlySet<string>) => { status: string; selected: number; deselected: number }) | undefined;
  /** What that plan changed in the counts so far. */
  const lastFailedRecount = { selected: 0, deselected: 0 };
  /** What --lf deselects (pytest's `N deselected`, beside -k/-m's). */
  let deselected = selection.deselected;
  const collectedOrder = selected;
  if (recordedFailures) {
    // pytest's --lf filters modules and functions while it collects, before -k/-m deselect: it
    // walks every item the arguments name, and what it leaves out is neither collected nor deselected.
    const named = new Set([...selection.selected, ...selection.deselected].map((item) => item.id));
    const mode = options.lastFailed ? 'lf' : 'ff';
    const planned = selected;
    const namedItems = discovery.items.filter((item) => named.has(item.id));
    const initPaths = new Set((collected.selectOptions.nodeIds ?? []).map(pathOfId));
    const modules = discovery.modules ?? [];
    const plan = planLastFailed(planned, recordedFailures, mode, { collected: namedItems, initPaths, modules });
    lastFailedPlanWithout = (uncollected) => {
      const again = planLastFailed(
        planned.filter((item) => !uncollected.has(item.file)),
        recordedFailures,
        mode,
        { collected: namedItems.filter((item) => !uncollected.has(item.file)), initPaths, modules },
      );
      const kept = (items: TestItem[]) => items.filter((item) => !uncollected.has(item.file)).length;
      return {
        status: again.status,
        selected: again.items.length - kept(plan.items),
        deselected: again.deselected.length - kept(plan.deselected),
      };
    };
    selected = plan.items;
    lastFailedStatus = plan.status;
    lastFailedSkips = plan.skipsModule;
    const kept = plan.collectedIds;
    deselected = [...(kept ? deselected.filter((item) => kept.has(item.id)) : deselected), ...plan.deselected];
    for (const [id, ids] of plan.narrowIds) narrowIds.set(id, ids);
  }
  const shard = await selectShard(session, selected, discovery.items, collected.selectOptions.modules, runCost?.files);
  selected = shard.items;
  const discoveryErrors = discovery.errors.filter((e) => shard.ownsCollectionError(e.file));

  const unlisted = unlistedModules(discovery, impact ? null : selection.selected, lastFailedSkips, shard.ownsCollectionError);
  /** pytest's terminal width: the console's and the workers' (their tracebacks, separators). */
  const width = consoleWidth(env, process.stdout);
  const reporter = configuredReporters(
    options,
    config,
    {
      cwd,
      env,
      write,
      tty: process.stdout.isTTY === true,
      columns: width,
      startedAt,
      collectionOrder: collectionOrderOf(selected, unlisted, discovery.modules),
    },
    session.configAfterAddopts,
  );
  // (only a selection -k/-m/--deselect make alone: --lf, --ff and node ids narrow a module's tests
  // themselves, and a module run whole would run the others)
  const expansionFilter = { keyword: options.keyword ?? undefined, markexpr: options.markexpr ?? undefined, deselect: options.deselect };
  /** -k, -m or --deselect: which of a module's tests run is theirs to judge, id by id. */
  const filtering = expansionFilter.keyword !== undefined || expansionFilter.markexpr !== undefined || expansionFilter.deselect.length > 0;
  const judged = filtering && !options.lastFailed && !options.failedFirst && !options.paths.some((arg) => arg.includes('::'));
  const fileSelections = filesOf(selected, discovery.items, narrowIds, new Set(judged ? discovery.namespaceWriters : []));
  const expectedSeconds = {
    expected: estimatedTestSeconds(runCost, new Map([...fileSelections].map(([file, s]) => [file, s.items.length])), unlisted),
    worker: runCost?.workerSeconds ?? COLD_WORKER_SECONDS,
  };
  const pinBenchmarks = benchmarksMeasured(options.pytestArgs);
  const keepModulesWhole = options.dist === 'loadscope' || options.dist === 'loadfile';
  // (an unlisted module's tests become a unit of their own when the collection pass finds them)
  const fileUnits = makeUnits(
    fileSelections,
    shard.expected,
    workerCount(session, fileSelections.size + unlisted.length, expectedSeconds),
    pinBenchmarks,
    keepModulesWhole,
  );
  // --ff runs failed tests first across modules, as pytest does; the pieces of a module that
  // makes are for order, not for more workers. A unit holding a test -k/-m left to the run is
  // judged whole by its worker (a whole file's unit always is: it lists no id).
  /** Items whose tests -k/-m must still judge (dynamic ones, those a decorator may name): usually none. */
  const toCheck = new Map(selected.filter((i) => selection.checkExpansions.has(i.id)).map((i) => [i.id, i]));
  const filesLeftToRun = new Set([...toCheck.values()].map((item) => item.file));
  const units = applyNarrowing(
    options.failedFirst && !options.lastFailed ? unitsInItemOrder(selected, collectedOrder, fileUnits, shard.expected, pinBenchmarks) : fileUnits,
    narrowIds,
  ).map((unit) =>
    filtering && (unit.ids ? unit.ids.some((id) => selection.checkExpansions.has(id)) : filesLeftToRun.has(unit.file))
      ? { ...unit, judge: true as const }
      : unit,
  );
  const workers = workerCount(session, fileUnits.length + unlisted.length, expectedSeconds);
  prestarted?.keep(workers);
  const selectedIds = new Set(filtering ? selected.map((item) => item.id) : []);
  /** Each collected test's marks, as the workers sent them under -k/-m (`reportMarks`). */
  const collectedMarks = new Map<string, Mark[]>();
  /** A result's test is kept when the nearest item standing for it that was selected is: judged
   * id by id when -k/-m left that item to the run (a dynamic item, a class a node id asked for). */
  /** Tests the workers left out of their units' runs, judged with the module imported (`collected.filtered`). */
  const filteredByWorkers = new Set<string>();
  /** Tests a unit the workers judged whole (`Unit.judge`) kept: theirs is the answer. */
  const keptByWorkers = new Set<string>();
  /** The workers judge -k/-m on every test (discovery's `itemHooks`): theirs is the answer. */
  const filterAtRun = collected.selectOptions.filterAtRun === true;
  const checkExpansion = (id: string) => {
    if (!filtering) return true;
    if (filteredByWorkers.has(id)) return false;
    if (filterAtRun || keptByWorkers.has(id)) return true;
    for (const covering of coveringIds(id)) {
      const item = toCheck.get(covering);
      if (item) return expansionSelected(item, id, collectedMarks.get(id), expansionFilter);
      if (selectedIds.has(covering)) return true;
    }
    // a test no listed item stands for (pyyaml's test_ext.py makes some through globals()): the
    // filter judges it by its id, as a test of its module
    return expansionSelected(wholeFileItem(pathOfId(id)), id, collectedMarks.get(id), expansionFilter);
  };
  const narrowOwner = new Map<string, string>();
  for (const [itemId, ids] of narrowIds) for (const id of ids) narrowOwner.set(id, itemId);
  // What the run says was collected: counts, not-collected ids, what the discovery cache learns.
  const nodeIdsAsked = options.paths.some((arg) => arg.includes('::'));
  /** What the collection pass collected in the modules of the node ids asked for. */
  const passCollected = new Map<string, string[]>();
  /** A listing: what collecting each module warned (a run's results carry it). */
  const passWarned = new Map<string, WarningRecord[]>();
  let refusedNodeIds: string[] = [];
  const truth = new CollectionTruth({
    selected,
    deselected,
    all: discovery.items,
    units,
    narrowOwner,
    keeps: checkExpansion,
    notListed: shard.notListed,
    waitForAll: nodeIdsAsked || filterAtRun,
    // (the modules of tests -k/-m left to the run: what the filter keeps of them is the workers' to say)
    waitForFiles: filesLeftToRun,
  });
  for (const [file, ids] of checkedModules) truth.modules.set(file, ids);
  // pytest collects every module before the first test: a collection error stops the session
  // (or counts against --maxfail) before anything runs, and the header counts what collected.
  // The workers collect their shares first (the collection pass); the header waits for it.
  // (a listing lists the other modules' tests before the errors, as pytest)
  const stopAtDiscoveryErrors = discoveryErrors.length > 0 && !options.continueOnCollectionErrors && !listing;
  const pass = passSelection(discovery, units, impact ? null : selection.selected, lastFailedSkips, shard.ownsCollectionError, unlisted);
  // Modules to import though no test of them is selected: the workers start all the same.
  const runs = units.length > 0 || (pass.files?.length ?? 0) > 0;
  // (with nothing to run a worker still imports the initial conftests, as pytest's configure does)
  const deferHeader = !stopAtDiscoveryErrors;
  reporter.sessionStart({
    rootdir: config.rootdir,
    inifile: config.inifile,
    python: pythonVersion,
    platform: process.platform,
    workers,
    collected: selected.length,
    deselected: deselected.length,
    deferHeader,
    engine: options.engine,
    version: VERSION,
    cachedir: cacheDirHeader(config, options),
    lastFailedStatus,
    testpaths: session.fromTestpaths ? config.testpaths : undefined,
    ignoredConfigFiles: config.ignoredConfigFiles,
    // A held header counts the errors reported while it waits (these included).
    collectionErrors: deferHeader ? 0 : discoveryErrors.length,
  });
  const results: TestResult[] = [];
  /** What the plugins' terminal-summary hooks wrote in each worker's pytest session. */
  const pluginsSummaries = new Map<number, PluginsSummary>();
  /** What plugins wrote to stderr while each worker's pytest session ended. */
  const sessionStderr = new Map<number, string>();
  const errors: CollectionError[] = [...discoveryErrors];
  /** The files discovery lists that collected nothing: under a collector that failed or was skipped whole. */
  const uncollectedFiles = () =>
    new Set(
      filesUnder(
        discovery.items.map((item) => item.file),
        uncollectedIds(errors, results),
      ),
    );
  /** Files pytest's own collection ran on (the pytest engine): their collection errors are pytest's. */
  const collectedByPytest = new Set<string>();
  for (const e of discoveryErrors) reporter.collectionError(e);

  if (coverage) await coverage.prepared;
  let interruptedText: string | undefined;
  let interruptedDetail: string | undefined;
  /** A test's pytest.exit() (or KeyboardInterrupt, 2): the code the run ends with. */
  let exitCallCode: number | undefined;
  let exitCode = 0;
  let stoppedEarly = false;
  let pytestVersion: string | undefined;
  if (stopAtDiscoveryErrors) {
    interruptedText = `Interrupted: ${discoveryErrors.length} error${discoveryErrors.length === 1 ? '' : 's'} during collection`;
    exitCode = 2;
  } else {
    const abort = new AbortController();
    let debuggerPid: number | undefined;
    const onSigint = () => {
      if (debuggerPid === undefined) return abort.abort();
      // Ctrl-C at a test's debugger interrupts its command, as at pytest's (pdb goes on)
      try {
        process.kill(debuggerPid, 'SIGINT');
      } catch {
        // (the worker is gone: its exit ends the debugger's turn)
      }
      process.once('SIGINT', onSigint);
    };
    process.once('SIGINT', onSigint);
    hooks.signal?.addEventListener('abort', onSigint);
    let nativeNoticeShown = false;
    // Packages --cov measures are imported by each worker under coverage, never by the parent.
    if (runs)
      warm?.preload(
        [...new Set(units.map((unit) => join(config.rootdir, unit.file)))],
        (coverage?.spec.source ?? []).map((source) => basename(source).split('.')[0]),
        discovery.importedModules,
        workers,
      );
    let measured: MeasuredCost | undefined;
    // -s: a test's output goes to the stream it wrote to, in order with the results
    const printTestOutput = (stream: 1 | 2, text: string) => {
      if (stream === 1) return write(text);
      out.flush(); // what came before reaches the terminal first
      process.stderr.write(text);
    };
    const heldTeardown = options.capture === 'no' && workers === 1 ? new HeldTeardownOutput(printTestOutput) : null;
    const summary = await runUnits(
      units,
      {
        rootdir: config.rootdir,
        python: session.python,
        workers,
        engine: options.engine,
        pytestArgs: options.pytestArgs,
        commandLine: session.commandLine,
        // `pytest -n N` runs the tests in pytest-xdist's workers, whose sys.argv is ['-c']
        ...(options.workers !== null && options.workers !== 0 ? { xdistArgv: true } : {}),
        // (-k matches mark names too)
        reportMarks:
          (selection.checkExpansions.size > 0 || unlisted.length > 0) && (expansionFilter.keyword !== undefined || expansionFilter.markexpr !== undefined),
        ...(filtering
          ? {
              filter: {
                ...(options.keyword !== null ? { keyword: options.keyword } : {}),
                ...(options.markexpr !== null ? { markexpr: options.markexpr } : {}),
                deselect: options.deselect,
                ...(filterAtRun ? { all: true as const } : {}),
              },
            }
          : {}),
        capture: options.capture,
        verbose: options.verbosity,
        timeoutSeconds: options.timeout ?? undefined,
        maxfail: options.maxfail > 0 ? options.maxfail : undefined,
        signal: abort.signal,
        prestarted,
        warmParent: runs ? warm?.parent : undefined,
        ini: iniForWorkers(config),
        coverage: coverage?.spec,
        reruns,
        junitFamily: options.junitxml ? junitIniOptions(config).family : undefined,
        namedPaths: namedPaths(session),
        namedNodes: namedNodeIds(collected.selectOptions),
        invocationDir: cwd,
        markup: consoleColored(options.color, process.stdout.isTTY === true, env) ? { highlight: codeHighlight(options.pytestArgs) } : undefined,
        columns: width,
        // the header waits for the collection pass: a worker's pytest session writes its lines meanwhile
        header: options.verbosity >= 0 && !options.noHeader,
        conftestsOnly: !runs,
        collectFirst: {
          stopOnErrors: !options.continueOnCollectionErrors,
          ...pass,
          // node ids asked for: the pass reports what their modules collect, to refuse one no module produces
          ...(nodeIdsAsked ? { idsOf: [...new Set(units.map((unit) => unit.file))] } : {}),
          listOnly: listing,
        },
      },
      {
        result: (r) => {
          const teardownOutput = heldTeardown?.take(r.id);
          // A module skipped whole at import is a collection report, as pytest's: reported
          // whatever -k/-m select, and it holds no item (its listed tests leave the counts).
          const collectionSkip = isCollectionSkip(r);
          if (!collectionSkip && !checkExpansion(r.id)) {
            reporter.collectionWarnings?.(r);
            return teardownOutput?.();
          }
          if (collectionSkip) {
            truth.collectorUncollected(pathOfId(r.id));
            reporter.correctCounts(truth.selected, truth.deselected);
          }
          results.push(r);
          reporter.testResult(r, teardownOutput);
        },
        collectionError: (e) => {
          errors.push(e);
          reporter.collectionError(e);
          if (lastFailedPlanWithout && e.id === undefined) {
            const again = lastFailedPlanWithout(uncollectedFiles());
            if (!options.continueOnCollectionErrors) {
              // the session stops at the error: it counts what pytest's --lf would have collected
              truth.selected += again.selected - lastFailedRecount.selected;
              truth.deselected += again.deselected - lastFailedRecount.deselected;
              lastFailedRecount.selected = again.selected;
              lastFailedRecount.deselected = again.deselected;
            }
            reporter.correctCounts(truth.selected, truth.deselected, again.status);
          }
        },
        unitCollected: (info) => {
          if (info.marks) for (const [id, marks] of Object.entries(info.marks)) collectedMarks.set(id, marks);
          if (info.filtered) for (const id of info.filtered) filteredByWorkers.add(id);
          if (info.judged) for (const id of info.ids) if (!filteredByWorkers.has(id)) keptByWorkers.add(id);
          if (truth.unitCollected(info)) reporter.correctCounts(truth.selected, truth.deselected);
          if (truth.waitFor.size === 0) reporter.countsKnown();
        },
        fileCollected: (file, engine, items) => {
          if (engine === 'pytest') collectedByPytest.add(file);
          if (items !== undefined) truth.passCollected(file, items);
        },
        foundIds: (file, ids, filtered) => {
          // A module whose listed tests were all deselected: tests it makes at collection that
          // -k/-m/--deselect keep run, as pytest's selection keeps them; the others are deselected.
          const listed = new Set(discovery.items.filter((item) => item.file === file).map((item) => item.id));
          // (an expansion of a listed dynamic item is that item's, deselected with it)
          const coverings = ids.map((id) => coveringIds(id));
          const made = ids.filter((_, at) => !coverings[at]!.some((covering) => listed.has(covering)));
          const whole = wholeFileItem(file);
          const left = new Set(filtered);
          const kept = made.filter((id) => !left.has(id) && expansionSelected(whole, id, undefined, expansionFilter));
          truth.found(kept.length, made.length - kept.length);
          // what its hooks deselected it made too
          truth.moduleFound(file, [...ids, ...truth.hookDeselectedIn(file)]);
          reporter.correctCounts(truth.selected, truth.deselected);
          return kept;
        },
        fileFound: (file) => {
          // Tests discovery did not list (a plugin's or the module's own making): counted as the
          // worker reports them, -k/-m judged on each id as for a whole-file item.
          truth.waitFor.add(file);
          if (filtering) {
            toCheck.set(file, wholeFileItem(file));
          }
        },
        passIds: (file, ids, filtered) => {
          passCollected.set(file, ids);
          for (const id of filtered) filteredByWorkers.add(id);
        },
        passWarnings: (file, warnings) => passWarned.set(file, warnings),
        passDeselected: (file, ids) => {
          if (truth.hookDeselect(file, ids)) reporter.correctCounts(truth.selected, truth.deselected);
        },
        partiallyCollected: (file, ids) => {
          truth.partiallyCollected(file, ids);
          reporter.correctCounts(truth.selected, truth.deselected);
        },
        collectionDone: (uncounted, stopping) => {
          // A node id asked for that its module does not produce: pytest's usage error (exit 4),
          // before any test runs; it counts nothing ("collected 0 items").
          // (what a module's hooks deselected was collected: a node id naming it is deselected, not refused)
          const collectedInPass = new Map([...passCollected].map(([file, ids]) => [file, [...ids, ...truth.hookDeselectedIn(file)]]));
          const refused = passCollected.size > 0 ? unmatchedNodeIds(itemsAsCollected(discovery.items, collectedInPass), collected.selectOptions) : [];
          if (refused.length > 0) {
            refusedNodeIds = refused;
            // what the pass collected is what the discovery cache learns from
            for (const [file, ids] of collectedInPass) if (!truth.modules.has(file)) truth.modules.set(file, ids);
            truth.selected = 0;
            truth.deselected = 0;
            reporter.correctCounts(0, 0);
            reporter.countsKnown();
            return 'stop';
          }
          if (listing) return 'stop';
          for (const file of uncounted) truth.collectionFailed(file);
          // (--lf keeps only a module's recorded failures while it collects: the pass collects it whole)
          const fromPass = stopping && !filtering && !options.lastFailed && truth.countFromPass();
          if (uncounted.length > 0 || fromPass) reporter.correctCounts(truth.selected, truth.deselected);
          if (truth.waitFor.size === 0) reporter.countsKnown();
        },
        unitDone: (file, info) => {
          if (info.engine === 'pytest') collectedByPytest.add(file);
          truth.unitDone(file);
          if (truth.waitFor.size === 0) reporter.countsKnown();
          reporter.unitDone(file, { engine: info.engine, reason: info.reason });
        },
        // Said once, under the header: a pytest the native engine is not tested with.
        workerReady: (_worker, info) => {
          pytestVersion = info.pytest ?? undefined;
          if (info.executable !== undefined) reporter.pythonExecutable?.(info.executable);
          if (info.nativeUnsupported === null || nativeNoticeShown || options.engine !== 'auto' || options.verbosity < 0) return;
          nativeNoticeShown = true;
          write(`${info.nativeUnsupported}: the pytest engine runs every module\n`);
        },
        // -s: what tests print reaches the log directly; under GitHub it must not issue commands.
        // (A workflow command only counts at the start of a line: the fence opens on a fresh one.)
        measured: (cost) => (measured = cost),
        pluginsSummary: (worker, summary) => pluginsSummaries.set(worker, summary),
        header: (lines) => reporter.headerLines?.(lines),
        sessionStderr: (worker, text) => sessionStderr.set(worker, text),
        // a test's debugger (breakpoint()) prompts on the terminal; the run's own output waits
        debugger: (on, pid, running) => {
          if (on && running !== undefined && workers === 1) reporter.debuggerStarts?.(running);
          out.hold(on);
          debuggerPid = on ? pid : undefined;
        },
        debuggerOutput: (stream, text) => (stream === 1 ? process.stdout : process.stderr).write(text),
        workerOutput: options.capture === 'no' ? (_w, text) => write(env.GITHUB_ACTIONS === 'true' ? `\n${fenceBlock(text)}` : text) : undefined,
        // -s: a test's own output, in order with the results (its teardown's, after its letter)
        testOutput: (stream, text, id, teardown) => {
          const fenced = env.GITHUB_ACTIONS === 'true' ? `\n${fenceBlock(text)}` : text;
          if (teardown && heldTeardown) return heldTeardown.hold(id, stream, fenced);
          heldTeardown?.release();
          reporter.testOutput?.(id);
          printTestOutput(stream, fenced);
        },
      },
    );
    out.hold(false); // (a run a signal ended while a debugger had the terminal)
    heldTeardown?.release();
    reporter.countsKnown(); // (nothing ran: the header waited for the initial conftests)
    process.removeListener('SIGINT', onSigint);
    hooks.signal?.removeEventListener('abort', onSigint);
    // A run cut short measured its units only in part.
    if (runs && measured && !listing && !summary.interrupted && !summary.stoppedEarly && summary.collectionErrors === undefined) {
      writeRunCost(join(config.rootdir, '.fastest'), measured, runCost);
      const next = readRunCost(join(config.rootdir, '.fastest'));
      if (next) reviseEarlyWorkers(workerCount(session, Number.MAX_SAFE_INTEGER, { expected: recordedTestSeconds(next), worker: next.workerSeconds }));
    }
    const listingErrors = listing && !options.continueOnCollectionErrors && refusedNodeIds.length === 0 ? errors.length : 0;
    if (summary.collectionErrors !== undefined || listingErrors > 0) {
      const n = summary.collectionErrors ?? listingErrors;
      interruptedText = `Interrupted: ${n} error${n === 1 ? '' : 's'} during collection`;
      exitCode = 2;
    } else if (summary.interruptMessage !== undefined) {
      interruptedText = summary.interruptMessage;
      interruptedDetail = summary.interruptDetail;
      exitCode = exitCallCode = summary.interruptExitCode ?? 2;
    } else if (summary.interrupted) {
      interruptedText = 'KeyboardInterrupt';
      exitCode = 2;
    } else if (summary.stoppedEarly) {
      interruptedText = `stopping after ${options.maxfail} failures`;
      stoppedEarly = true;
    }
  }
  const runtimeCollectErrors = errors.length - discoveryErrors.length;
  // pytest-cov reports when pytest's run loop ends normally (-x and --maxfail included), not
  // after an interruption or collection errors.
  let coverageOutcome: CoverageOutcome | undefined;
  if (coverage && (interruptedText === undefined || stoppedEarly) && !(runtimeCollectErrors > 0 && !options.continueOnCollectionErrors)) {
    const testsFailed = errors.length > 0 || results.some((r) => r.outcome === 'failed' || r.outcome === 'error' || r.teardownError !== undefined);
    coverageOutcome = await finishCoverage(session.python, coverage.spec, testsFailed, env);
  }
  /** The collection pass's modules in collection order. */
  const passOrder = pass.files ?? [...new Set(units.map((unit) => unit.file))];
  /** `--collect-only -q`: what the pass collected, as pytest lists it (null: a run, or refused). */
  const listed =
    listing && refusedNodeIds.length === 0
      ? listingOfPass(passOrder, passCollected, selected, deselected, narrowIds, collected.selectOptions, filteredByWorkers, selection.checkExpansions)
      : null;
  if (listed) {
    // what -k/-m left out of modules the pass did not list (another shard's) counts as the run's header counts it
    const failed = new Set([...errors.map((e) => e.file), ...results.filter(isCollectionSkip).map((r) => r.file ?? pathOfId(r.id))]);
    const deselectedElsewhere = deselected.filter((item) => !passCollected.has(item.file) && !failed.has(item.file)).length;
    truth.selected = listed.ids.length;
    truth.deselected = listed.deselected + deselectedElsewhere + truth.hookDeselectedCollected;
    reporter.correctCounts(truth.selected, truth.deselected);
    if (options.failedFirst && !options.lastFailed && recordedFailures) {
      // --ff orders pytest's items, and so its listing: the recorded failures first
      const failed = recordedFailures.ids;
      listed.ids = [...listed.ids.filter((id) => failed.has(id)), ...listed.ids.filter((id) => !failed.has(id))];
    }
    reporter.collectedItems?.(listed.ids);
  }
  const seconds = (performance.now() - started) / 1000;
  // A module that failed to collect is recorded by its file id, as pytest records it.
  const outcomes = [...results.map((r) => ({ id: r.id, outcome: r.outcome })), ...errors.map((e) => ({ id: e.file, outcome: 'error' }))];
  // `-p no:cacheprovider` turns pytest's cache off, and with it the lastfailed file.
  if (!options.plugins.includes('no:cacheprovider')) {
    // (--collect-only: pytest records what failed to collect, and leaves --nf's ids alone)
    // (the tests discovery lists in a module that failed to collect were not collected)
    const uncollected = uncollectedFiles();
    const collectedIds = (listed?.ids ?? selected.map((i) => i.id)).filter((id) => !uncollected.has(pathOfId(id)));
    updateLastFailed(config.rootdir, outcomes, collectedIds, pytestCacheDir(config));
    // the ids pytest's session collected (expansions as run) for --nf
    if (!listed) updateNodeIds(config.rootdir, [...new Set([...selected.map((i) => i.id), ...results.map((r) => r.id)])], pytestCacheDir(config));
  }
  const configWarnings = await session.configWarnings;
  // pytest's plugins write it at pytest_sessionfinish, before the terminal summary: what several
  // workers wrote alike once
  const stderrAtEnd = [...new Set([...sessionStderr.keys()].sort((a, b) => a - b).map((worker) => sessionStderr.get(worker)!))].join('');
  if (stderrAtEnd !== '') {
    out.flush();
    process.stderr.write(env.GITHUB_ACTIONS === 'true' ? fenceBlock(stderrAtEnd) : stderrAtEnd);
  }
  reporter.finish({
    seconds,
    // (a listing's collection warnings, in collection order: nothing ran to carry them)
    configWarnings: [...configWarnings, ...passOrder.flatMap((file) => passWarned.get(file) ?? [])],
    interrupted: interruptedText,
    ...(interruptedDetail !== undefined ? { interruptedDetail } : {}),
    ...(exitCallCode !== undefined ? { exitCallCode } : {}),
    deselected: truth.deselected,
    notCollected: truth.notCollected,
    workers,
    coverage: coverageOutcome,
    pytestVersion,
    pluginsSummaries: [...pluginsSummaries.keys()].sort((a, b) => a - b).map((worker) => pluginsSummaries.get(worker)!),
  });
  if (impact) write(impactClosingLine(impact, listed?.ids.length ?? selected.length));
  out.flush();
  hooks.finished?.(results, errors);
  if (
    !options.noCache &&
    !listed &&
    learnCollected(
      config.rootdir,
      truth.lessons(listedItems, [
        ...errors
          .filter((e) => e.id === undefined)
          .map((e) => e.file)
          .filter((file) => collectedByPytest.has(file)),
        // a module skipped at import (importorskip), a directory whose conftest skips: the skip is
        // the truth of the files it holds
        ...filesUnder(
          listedItems.map((item) => item.file),
          results.filter(isCollectionSkip).map((r) => pathOfId(r.id)),
        ),
      ]),
      truth.modules,
      doctestOptionsOf(options.pytestArgs, undefined),
    )
  )
    forgetMemos(config.rootdir);
  else rememberDiscovery?.();
  if (exitCode !== 0 && refusedNodeIds.length === 0) return exitCode;
  // A node id asked for whose module does not produce it: pytest's usage error, once collected.
  const notFound =
    refusedNodeIds.length > 0
      ? refusedNodeIds
      : truth.notCollected.length > 0
        ? unmatchedNodeIds(withoutIds([...discovery.items, ...selection.unverified], truth.notCollected), collected.selectOptions)
        : [];
  if (notFound.length > 0) throw new SelectionError(notFound);
  if (listed) return errors.length > 0 ? 1 : listed.ids.length === 0 ? 5 : 0;
  const c = countResults(results, errors);
  // -x/--maxfail reached by collection errors is pytest's "stopping after N failures", exit 1.
  if (runtimeCollectErrors > 0 && !options.continueOnCollectionErrors && !stoppedEarly) return 2;
  // pytest-cov counts a total under --cov-fail-under as a failed test.
  if (c.failed > 0 || c.error > 0 || errors.length > 0 || coverageOutcome?.failed) return 1;
  if (results.length === 0) return 5;
  return 0;
}

/** pytest's cacheprovider header (`cachedir: …`): under -v, or when `cache_dir` is not the default. */
function cacheDirHeader(config: Config, options: CliOptions): string | undefined {
  if (options.plugins.includes('no:cacheprovider')) return undefined;
  const configured = pytestCacheDir(config);
  if (options.verbosity <= 0 && configured === '.pytest_cache') return undefined;
  const full = resolve(config.rootdir, configured);
  const inside = relative(config.rootdir, full);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : full;
}

function pytestCacheDir(config: Config): string {
  return getIni(config, 'cache_dir', 'string') ?? '.pytest_cache';
}

/** The collectors that collected nothing: modules and directories that failed to collect or were skipped whole. */
function uncollectedIds(errors: readonly CollectionError[], results: readonly TestResult[]): string[] {
  return [...errors.filter((e) => e.id === undefined).map((e) => e.file), ...results.filter(isCollectionSkip).map((r) => pathOfId(r.id))];
}
