// Where the command line sends the run. fastest's own options stay with fastest; pytest's other
// options send every module to the pytest engine or the whole session to real pytest
// (pytest-options.ts); options nobody in fastest knows are put to pytest's own parser, with the
// user's plugins and conftest files (python/fastest_worker/option_check.py): it names their
// arity, or refuses them with pytest's own message and exit 4.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { getIni, type Config } from '../config/index.js';
import { keptForInterpreter } from '../discovery/interpreter.js';
import { contentOf, isRacy, recheck, stampOf, statOrUndefined, type Stamp } from '../memo/inputs.js';
import { RunnerError } from '../runner/errors.js';
import { runtimePythonPath } from '../runner/python.js';
import { addRoute, UsageError, type CliOptions, type PluginOptions } from './args.js';
import type { Arity } from './pytest-options.js';
import type { WarningRecord } from '../types.js';

export type ProbeResult =
  | { status: 'usage'; messages: string[] }
  | { status: 'pytest' }
  | { status: 'ok'; options: Record<string, Arity>; unknownIni: string[]; strictConfig: boolean; configWarnings?: WarningRecord[]; inputs?: string[] };

const PROBE_CODE = 'import sys; from fastest_worker.option_check import main; sys.exit(main(sys.argv[1:]))';

function probeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, PYTHONPATH: runtimePythonPath(env.PYTHONPATH) };
}

function parseProbe(stdout: string): ProbeResult {
  try {
    const parsed = JSON.parse(stdout) as ProbeResult;
    if (parsed && typeof parsed === 'object' && typeof parsed.status === 'string') return parsed;
  } catch {
    // a probe that crashed (no pytest at all): real pytest says why
  }
  return { status: 'pytest' };
}

/** pytest's parser over the user's arguments, now (an unknown option must be settled before discovery). */
export function probeNow(python: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv): ProbeResult {
  try {
    return parseProbe(
      execFileSync(python, ['-c', PROBE_CODE, ...argv], { cwd, env: probeEnv(env), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 }),
    );
  } catch (error) {
    const out = (error as { stdout?: string }).stdout;
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

/**
 * What the probe read (its `inputs`, the start-up conftest candidates, the ini file, the
 * interpreter), by state and by content: a file's sha1, a directory's names (namesHash); null for
 * a missing path. A state that differs with the same content (a fresh checkout, a CI runner that
 * installed the same packages) still vouches for the answer.
 */
type KeptInput = [path: string, stamp: Stamp | null, content: string | null];
type KeptInputs = KeptInput[];

interface KeptProbe {
  result: Extract<ProbeResult, { status: 'ok' }>;
  inputs: KeptInputs;
}

function inputNow(path: string): KeptInput {
  const st = statOrUndefined(path);
  return [path, st ? stampOf(st) : null, contentOf(path, st)];
}

const ARITIES = new Set(['none', 'one', 'optional']);

/** The file is the project's, but read as untrusted: anything off its shape is asked again. */
function isKeptProbe(value: unknown): value is KeptProbe {
  const kept = value as KeptProbe | undefined;
  const result = kept?.result;
  if (result?.status !== 'ok' || typeof result.options !== 'object' || result.options === null || !Array.isArray(kept!.inputs)) return false;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  return (
    Object.values(result.options).every((arity) => ARITIES.has(arity)) &&
    strings(result.unknownIni) &&
    typeof result.strictConfig === 'boolean' &&
    (result.configWarnings === undefined ||
      (Array.isArray(result.configWarnings) &&
        result.configWarnings.every((w) => typeof w?.message === 'string' && typeof w.filename === 'string' && typeof w.lineno === 'number'))) &&
    kept!.inputs.every(
      (input) =>
        Array.isArray(input) &&
        typeof input[0] === 'string' &&
        (input[1] === null || (Array.isArray(input[1]) && input[1].length === 4 && input[1].every((n) => typeof n === 'number'))) &&
        (input[2] === null || typeof input[2] === 'string'),
    )
  );
}

/**
 * The inputs as they are now when each still has its kept content (those whose state is unchanged
 * are not read), else null.
 */
function sameContent(inputs: KeptInputs): KeptInputs | null {
  const now: KeptInputs = [];
  for (const input of inputs) {
    const [path, stamp, content] = input;
    const held = recheck(path, statOrUndefined(path), stamp, content);
    if (held === null) return null;
    now.push(held === 'same' ? input : [path, held, content]);
  }
  return now;
}

/** None written too recently for its state to vouch for its content (isRacy). */
function settled(inputs: KeptInputs): boolean {
  return inputs.every(([, stamp]) => stamp === null || !isRacy(stamp[1]));
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
  private readonly kept: ReturnType<typeof keptForInterpreter<KeptProbe>>;

  constructor(
    python: string,
    argv: string[],
    cwd: string,
    env: NodeJS.ProcessEnv,
    keepDir: string,
    private readonly watched: string[],
  ) {
    this.kept = keptForInterpreter(python, env, [join(keepDir, KEPT_FILE)], KEPT_VERSION, PROBE_ENV, isKeptProbe, {
      question: [cwd, argv, watched],
      byPath: true,
    });
  }

  /** The kept answer, when nothing it was made from has changed (its state, or else its content). */
  answer(): ProbeResult | undefined {
    const kept = this.kept?.kept;
    if (!kept) return undefined;
    const now = sameContent(kept.inputs);
    if (now === null) return undefined;
    // Re-stamped (a fresh checkout or runner): kept with the new states, so that the next run only stats.
    if (now.some((input, at) => input !== kept.inputs[at]) && settled(now)) this.kept!.keep({ result: kept.result, inputs: now });
    return kept.result;
  }

  keep(result: ProbeResult): ProbeResult {
    // (an answer without its inputs, a probe that could not list them, is not kept)
    if (this.kept && result.status === 'ok' && Array.isArray(result.inputs)) {
      const inputs = [...new Set([...result.inputs, ...this.watched, this.kept.real])].map(inputNow);
      // A file written just now may change again without its stamp changing: asked again next time.
      if (settled(inputs)) this.kept.keep({ result: { ...result, inputs: undefined }, inputs });
    }
    return result;
  }
}

/** probeNow, answered by the kept answer when there is one (KeptProbeAnswer). */
export function probeNowKept(python: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv, keepDir: string, watched: string[]): ProbeResult {
  const kept = new KeptProbeAnswer(python, argv, cwd, env, keepDir, watched);
  return kept.answer() ?? kept.keep(probeNow(python, argv, cwd, env));
}

/** probeLater, answered by the kept answer when there is one (KeptProbeAnswer). */
export function probeLaterKept(python: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv, keepDir: string, watched: string[]): Promise<ProbeResult> {
  const kept = new KeptProbeAnswer(python, argv, cwd, env, keepDir, watched);
  const answer = kept.answer();
  return answer ? Promise.resolve(answer) : probeLater(python, argv, cwd, env).then((result) => kept.keep(result));
}

/** The same, alongside discovery (--strict-config: which ini keys pytest does not know). */
export function probeLater(python: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<ProbeResult> {
  return new Promise((resolvePromise) => {
    execFile(python, ['-c', PROBE_CODE, ...argv], { cwd, env: probeEnv(env), encoding: 'utf8', timeout: 120_000 }, (_error, stdout) => {
      resolvePromise(parseProbe(String(stdout ?? '')));
    });
  });
}

/** pytest's refusal, as pytest prints it (`ERROR: ` and the message, then a blank line). */
export function refusal(probe: Extract<ProbeResult, { status: 'usage' }>): UsageError {
  // finishCommand writes `ERROR: ${message}\n`; pytest writes each message as `ERROR: {msg}\n\n`.
  return new UsageError(probe.messages.join('\n\nERROR: ') + '\n');
}

/**
 * Whether real pytest must run the session after all: pytest cannot start, or --strict-config
 * meets ini keys the initial conftest files and plugins do not register (pytest decides only
 * after collecting, when every conftest has had its say). A refusal is thrown.
 */
export async function pytestSettles(probe: Promise<ProbeResult>): Promise<boolean> {
  const result = await probe;
  if (result.status === 'usage') throw refusal(result);
  return result.status === 'pytest' || (result.strictConfig && result.unknownIni.length > 0);
}

export function pluginOptionsOf(probe: Extract<ProbeResult, { status: 'ok' }>): PluginOptions {
  return new Map(Object.entries(probe.options));
}

export interface RunRoute {
  /** `fastest`: fastest runs it (engines as asked); `engine`: every module in the pytest engine;
   * `session`: real pytest runs the session. */
  kind: 'fastest' | 'engine' | 'session';
  /** The option that decided it. */
  option: string | null;
}

/**
 * Routes the config file asks for (pytest reads these ini values whatever the command line):
 * live logging (`log_cli`) and a log file (`log_file`) span the session, which real pytest runs;
 * so does a `console_output_style` other than the default.
 */
export function iniRoutes(config: Config): CliOptions['routes'] {
  const routes: CliOptions['routes'] = [];
  if (getIni(config, 'log_cli', 'bool') === true) routes.push({ option: 'log_cli (ini)', route: 'session' });
  const logFile = getIni(config, 'log_file', 'string');
  if (logFile !== undefined && logFile.trim() !== '') routes.push({ option: 'log_file (ini)', route: 'session' });
  const maxWarnings = getIni(config, 'max_warnings', 'string');
  if (maxWarnings !== undefined && maxWarnings.trim() !== '') routes.push({ option: 'max_warnings (ini)', route: 'session' });
  // the progress column other than pytest's default percentages (classic, count, times,
  // progress-even-when-capture-no): fastest's reporter prints percentages only
  const style = getIni(config, 'console_output_style', 'string');
  if (style !== undefined && style.trim() !== '' && style.trim() !== 'progress') routes.push({ option: 'console_output_style (ini)', route: 'session' });
  return routes;
}

/**
 * Where pytest-cov's options send the run. fastest measures `--cov` itself in every engine; real
 * pytest runs the session for what only pytest-cov prints (`--cov` with `--collect-only`, its
 * warning about `--cov…` after `--no-cov`), and `--cov-context=test` needs pytest's test phases
 * (the pytest engine).
 */
export function routeCoverage(options: CliOptions): void {
  const cov = options.coverage;
  if (cov.sources.length === 0) return;
  if (cov.noCovShouldWarn) addRoute(options, '--no-cov', 'session');
  if (cov.noCov) return;
  if (options.collectOnly) addRoute(options, '--cov', 'session');
  if (cov.context === 'test') addRoute(options, '--cov-context', 'engine');
}

/** The strongest route any option asks for: a session beats the engine, which beats fastest. */
export function runRoute(options: CliOptions): RunRoute {
  const session = options.routes.find((r) => r.route === 'session');
  if (session) return { kind: 'session', option: session.option };
  const engine = options.routes.find((r) => r.route === 'engine');
  if (engine) return { kind: 'engine', option: engine.option };
  return { kind: 'fastest', option: null };
}

/**
 * Every module into the pytest engine; `--engine native` cannot honour the option. Doctests run in
 * the pytest engine only (the modules that have them), which `--engine native` cannot honour either.
 */
export function applyEngineRoute(options: CliOptions, route: RunRoute): void {
  const doctest = options.routes.find((r) => r.route === 'doctest');
  if (doctest && options.engine === 'native') throw new UsageError(`${doctest.option}: doctests run in the pytest engine; --engine native cannot honour it`);
  if (route.kind !== 'engine') return;
  if (options.engine === 'native') throw new UsageError(`${route.option} needs the pytest engine; --engine native cannot honour it`);
  options.engine = 'pytest';
}

const FORWARDED_SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];

/**
 * Real pytest in the foreground, on the user's terminal, with their environment and arguments:
 * it prints what pytest prints and its exit code is the run's. It shares the terminal's process
 * group, so a Ctrl-C reaches it directly (pytest ends with its "Interrupted" summary and exit 2);
 * SIGTERM and SIGHUP sent to fastest are passed on to it.
 */
export function runRealPytest(python: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  // `pytest` as the program name in its usage text, as when the user types `pytest`; the entry
  // point's own function (pytest 9.1 deprecates calling console_main: a warning on stderr).
  const code =
    'import sys; sys.argv[0] = "pytest"; import pytest; from _pytest import config; ' +
    'sys.exit((getattr(config, "_console_main", None) or pytest.console_main)())';
  return new Promise((resolvePromise, reject) => {
    const child = spawn(python, ['-c', code, ...argv], { cwd, env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => () => {
      child.kill(signal);
    };
    const handlers = FORWARDED_SIGNALS.map((signal) => [signal, forward(signal)] as const);
    // Ctrl-C: the terminal sends it to pytest too; fastest waits for pytest's own ending.
    const onSigint = () => {};
    process.on('SIGINT', onSigint);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const done = () => {
      process.removeListener('SIGINT', onSigint);
      for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    };
    child.on('error', (error) => {
      done();
      reject(new RunnerError(`cannot run pytest with ${python}: ${error.message}`));
    });
    child.on('exit', (exitCode, signal) => {
      done();
      // pytest ended by a signal (SIGTERM passed on...): fastest ends the same way
      if (exitCode === null && signal !== null) process.kill(process.pid, signal);
      resolvePromise(exitCode ?? 2);
    });
  });
}
