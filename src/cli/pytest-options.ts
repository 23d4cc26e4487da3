// pytest's own options (8.4–9.x) that fastest does not take over in its own parser (args.ts), and
// where each one sends the run: every module into the pytest engine with the option passed on, or
// the whole session to real pytest in the foreground (interactive, informational, session-wide).

/** How many values an option takes, as argparse reads them. */
export type Arity = 'none' | 'one' | 'optional';

/**
 * `engine`: every module runs in the pytest engine with the option in its arguments (it changes
 * how tests run or how their failures read, which only pytest reproduces).
 * `session`: real pytest runs the whole session with the user's arguments (the debugger, listings
 * pytest prints instead of running, order or selection kept across runs, live logs and
 * log files, terminal-summary changes).
 * `doctest`: discovery lists the doctests (src/discovery/doctests.ts) and the modules that have
 * them run in the pytest engine with the option; the other modules run as usual.
 * `worker`: passed to the workers as it is; both engines honour it (the native engine reads it in
 * python/fastest_worker/native/config.py).
 */
export type Route = 'engine' | 'session' | 'doctest' | 'worker';

export interface RoutedOption {
  names: string[];
  arity: Arity;
  route: Route;
}

export const PYTEST_ROUTED_OPTIONS: readonly RoutedOption[] = [
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
export function benchmarksMeasured(pytestArgs: readonly string[]): boolean {
  const given = new Set(pytestArgs);
  const disabled = given.has('--benchmark-disable') && !given.has('--benchmark-enable');
  const skipped = given.has('--benchmark-skip') && !given.has('--benchmark-only');
  return !disabled && !skipped;
}

/** The value of the last `option VALUE` or `option=VALUE` among pytest's arguments (undefined: none). */
export function lastOptionValue(pytestArgs: readonly string[], option: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < pytestArgs.length; i++) {
    const arg = pytestArgs[i];
    if (arg === option && i + 1 < pytestArgs.length) value = pytestArgs[++i];
    else if (arg.startsWith(`${option}=`)) value = arg.slice(option.length + 1);
  }
  return value;
}

/** A plugin's auto mode (anyio's, pytest-asyncio's: it takes every coroutine test): the last `option`, else the ini's value. */
export function autoMode(pytestArgs: readonly string[], option: string, ini: string | undefined): boolean {
  return (lastOptionValue(pytestArgs, option) ?? ini)?.trim() === 'auto';
}

export function pluginOptionRoute(name: string): Route {
  if (WORKER_PLUGIN_OPTIONS.has(name)) return 'worker';
  if (SESSION_PLUGIN_OPTIONS.has(name)) return 'session';
  return SESSION_PLUGIN_PREFIXES.some((p) => name === p || name.startsWith(`${p}-`)) ? 'session' : 'engine';
}

export const routedByName: ReadonlyMap<string, RoutedOption> = new Map(PYTEST_ROUTED_OPTIONS.flatMap((o) => o.names.map((n) => [n, o] as const)));
