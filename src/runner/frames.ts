// Length-prefixed MessagePack frames (docs/protocol.md): 4-byte big-endian length, then one map.
// Every frame a worker sends is checked here, where it arrives: what a worker (or a test writing
// to the protocol pipe) sends is untrusted, and a frame that is not one of the kinds below, fully
// formed, becomes a `malformed` frame naming what is wrong, never a crash or a guess.
import { Packr, Unpackr } from 'msgpackr';
import type { Writable } from 'node:stream';
import type { Attempt, Mark, Outcome, PluginsSummary, PyValue, RerunSettings, SubtestReport, SummaryText, TestResult, Unit, WarningRecord } from '../types.js';

const packr = new Packr({ useRecords: false });
const unpackr = new Unpackr({ useRecords: false, mapsAsObjects: true });

// Node -> worker.
export interface InitFrame {
  t: 'init';
  rootdir: string;
  engine: 'auto' | 'native' | 'pytest';
  args: string[];
  /** The command line without fastest's own options: the tests' `sys.argv` after pytest's script. */
  argv?: string[];
  capture: 'fd' | 'sys' | 'no';
  verbose: number;
  cacheDir: string;
  workerId: number;
  maxfail: number;
  ini: Record<string, unknown>;
  /** pytest-timeout's limit in seconds (0: none); the worker times each test itself. */
  timeout: number;
  /** `--cov`: what the worker measures (coverage/session.ts CoverageSpec), from its start. */
  coverage?: object;
  /** pytest-rerunfailures' options and ini, resolved; absent: only `flaky` marks rerun. */
  reruns?: RerunSettings;
  /** The paths named on the command line, absolute: pytest collects these even where a
   * conftest's collect_ignore names them. */
  namedPaths?: string[];
  /** The command line's node ids below module level (`test_x.py::TestA`), rootdir-relative, without
   * a parametrization, of modules it names no wider way: pytest collects only the classes on their
   * paths, so another class's collection warnings are not raised. */
  namedNodes?: string[];
  /** The console is coloured: send `longreprMarkup` beside each failure text, highlighted
   * with pygments unless `highlight` is false (`--code-highlight=no`). */
  markup?: { highlight: boolean };
  /** The console's width, when it is a terminal (the plugins' summary sections are drawn to it). */
  columns?: number;
  /** -k/-m judge tests a dynamic item expands to: `collected` carries each test's marks. */
  reportMarks?: true;
  /** -k/-m/--deselect as given: the worker judges each test the unit does not list by its own id, and leaves out those they deselect (`collected.filtered`). */
  filter?: TestFilter;
  /** This worker sends pytest's header lines (`header` frame): the first, when the console shows it. */
  header?: true;

  /** The shared state file (state-file.ts); absent: each test's start comes as a `start` frame. */
  state?: string;
  /** Node's pid: a worker that outlives Node (killed outright) removes its state file itself. */
  nodePid?: number;
}
export interface RunFrame {
  t: 'run';
  unit: Unit;
}
/** `collect`: the collection pass (collect a file before any test runs); `run` uses what it kept.
 * `importOnly`: a file of another worker's share, imported for what importing it does.
 * `ids`: collect_done lists the ids collected (a module whose listed tests are all deselected).
 * `list`: a listing (`--collect-only`): collect_done carries what the collection warned. */
export type NodeFrame =
  | InitFrame
  | RunFrame
  | { t: 'collect'; file: string; importOnly?: true; ids?: true; list?: true }
  | { t: 'cancel' }
  | { t: 'stop' }
  | { t: 'conftests' }
  /** The terminal is the worker's debugger's now (its `debug` frame); `tty`: Node's stdout is a terminal. */
  | { t: 'debug_go'; tty: boolean }
  /** Before init: test modules to rewrite into `cacheDir`'s rewrite cache, without importing them. */
  | { t: 'precompile'; files: string[]; cacheDir: string };

// Worker -> Node.
export interface HelloFrame {
  t: 'hello';
  pid: number;
  python: string;
  pytest: string | null;
  nativeUnsupported: string | null;
  /** The worker's time.monotonic() when it said hello (the clock of the state file's start times). */
  clock?: number;
  /** Its sys.executable. */
  executable?: string;
}
/** The command line's -k, -m and --deselect (rootdir-relative prefixes). */
export interface TestFilter {
  keyword?: string;
  markexpr?: string;
  deselect?: string[];
  /** Judge every test, those the unit lists by their own ids too (a conftest's hook may add marks). */
  all?: true;
}
export interface CollectedFrame {
  t: 'collected';
  file: string;
  ids: string[];
  missing?: string[];
  module?: string[];
  /** What a conftest's or plugin's pytest_collection_modifyitems deselected of the module (pytest_deselected): collected, not run. */
  deselected?: string[];
  /** Under init's `reportMarks`: each test's marks, its own and its parents' (`pytest.param(marks=...)` among them). */
  marks?: Record<string, Mark[]>;
  /** Those of `ids` init's `filter` leaves out: collected, deselected, not run. */
  filtered?: string[];
  /** CPU seconds the worker has spent on what .fastest keeps for the next run (python/fastest_worker/cache_fill.py; absent: none). */
  cacheFillCpu?: number;
}
export interface StartFrame {
  t: 'start';
  id: string;
  /** The test's own pytest-timeout settings (its `timeout` mark; 0: not timed); absent: the run's. */
  timeout?: number;
  timeoutMethod?: TimeoutMethod;
}
export type TimeoutMethod = 'signal' | 'thread';
/** -s: what tests wrote to fd 1 or 2, in order with the other frames; `id`: the test running ('' between tests). */
export interface OutputFrame {
  t: 'output';
  stream: 1 | 2;
  id: string;
  text: string;
  /** Written by the test's teardown, which pytest runs after printing the test's result letter. */
  teardown?: boolean;
}
/** A test's result: TestResult's fields, in a fresh object (`worker` is Node's to set). */
export interface ResultFrame {
  t: 'result';
  result: TestResult;
}
export interface CollectErrorFrame {
  t: 'collect_error';
  file: string;
  message: string;
  messageMarkup?: string;
  crash?: string;
  /** --engine native refused the module (fastest's limit, not a pytest collection error). */
  refused?: boolean;
  /** The node id of the collector inside the module that failed (a class): the module's other tests were collected. */
  id?: string;
}
/** A `collect` is done (its collection error, if any, was sent before). */
export interface CollectDoneFrame {
  t: 'collect_done';
  file: string;
  /** The engine that collected it: only pytest's own collection errors are learned by discovery. */
  engine?: 'native' | 'pytest';
  /** How many tests the module collected (a full collect; absent when it was only imported). */
  items?: number;
  /** The ids it collected, when the `collect` frame asked (`ids`), or when `partial`. */
  ids?: string[];
  /** A collector inside the module failed to collect (its collect_error came first, with its id); `ids` holds what the rest collected. */
  partial?: true;
  /** The module was skipped at import: its skip's result, which the file's unit sends too (Node reports this one only when the session ends at the pass's errors). */
  skipped?: TestResult;
  /** What a conftest's or plugin's pytest_collection_modifyitems deselected (pytest_deselected); not in `items`/`ids`. */
  deselected?: string[];
  /** Those of `ids` init's `filter` leaves out (sent with `ids` the `collect` frame asked for). */
  filtered?: string[];
  /** CPU seconds the worker has spent on what .fastest keeps for the next run (python/fastest_worker/cache_fill.py; absent: none). */
  cacheFillCpu?: number;
  /** A listing's `collect` (`list`): what importing and collecting the module warned. */
  warnings?: WarningRecord[];
}
export interface UnitDoneFrame {
  t: 'unit_done';
  file: string;
  engine: 'native' | 'pytest' | null;
  reason: string | null;
}
export interface SessionErrorFrame {
  t: 'session_error';
  message: string;
}
/** At `stop`: what the `pytest_terminal_summary` hooks of the conftest files and of the other
 * plugins (pytest-benchmark's table...) wrote in this worker's pytest session, as text for the
 * console (untrusted: printed, never read). */
export interface PluginsSummaryFrame {
  t: 'plugins_summary';
  summary: PluginsSummary;
}
/** The first worker's pytest session header: the lines pytest writes after its platform line
 * (its own rootdir/configfile/testpaths/plugins lines, the plugins' and initial conftests'
 * pytest_report_header lines), untrusted: printed, never read. */
export interface HeaderFrame {
  t: 'header';
  lines: string[];
}
/** At `stop`: what plugins wrote to stderr while the worker's pytest session ended
 * (pytest-benchmark's `Wrote benchmark data in: FILE`), untrusted: printed, never read. */
export interface SessionStderrFrame {
  t: 'session_stderr';
  text: string;
}
export interface FatalFrame {
  t: 'fatal';
  message: string;
  exitCode: number;
  interrupt: boolean;
  /** The message is pytest's own text (a failing initial conftest's import error): printed as it is. */
  verbatim?: boolean;
  /** An interrupt's: what pytest prints under its `!!! message !!!` line (a KeyboardInterrupt's place), untrusted. */
  detail?: string;
}
/** A debugger a test started wants the terminal (`on`: Node answers `debug_go` when it is this
 * worker's turn, and holds its own output), or is done with it. */
export interface DebugFrame {
  t: 'debug';
  on: boolean;
}
/** What the debugger writes (python/fastest_worker/debugger.py), printed at once: it prompts. */
export interface ConsoleFrame {
  t: 'console';
  stream: 1 | 2;
  text: string;
}
/** Not sent by a worker: what arrived instead of a valid frame (undecodable bytes, a wrong shape). */
export interface MalformedFrame {
  t: 'malformed';
  problem: string;
}
export type WorkerFrame =
  | HelloFrame
  | CollectedFrame
  | StartFrame
  | OutputFrame
  | ResultFrame
  | CollectErrorFrame
  | CollectDoneFrame
  | UnitDoneFrame
  | SessionErrorFrame
  | PluginsSummaryFrame
  | HeaderFrame
  | SessionStderrFrame
  | DebugFrame
  | ConsoleFrame
  | FatalFrame;

/** Larger than any frame a worker builds (results.py bounds what a test controls). */
export const MAX_FRAME_BYTES = 256 * 1024 * 1024;

export function encodeFrame(frame: NodeFrame): Buffer {
  const body = packr.pack(frame);
  const header = Buffer.allocUnsafe(4);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

const corked = new WeakSet<Writable>();

/**
 * Writes a frame to a worker's input; the frames written in one turn of the event loop go out as
 * one write (the collection pass sends each worker a frame per module: 100 writes, each waking it).
 */
export function writeFrame(stream: Writable, frame: NodeFrame): void {
  if (!corked.has(stream)) {
    corked.add(stream);
    stream.cork();
    process.nextTick(() => {
      corked.delete(stream);
      stream.uncork();
    });
  }
  stream.write(encodeFrame(frame));
}

/**
 * Writes a frame to a worker's input at once (with what this turn wrote before it): for a frame
 * sent from inside a long synchronous stretch (discovery's parse of every module is one chain of
 * microtasks, and writeFrame's uncork would wait for its end).
 */
export function writeFrameNow(stream: Writable, frame: NodeFrame): void {
  if (corked.delete(stream)) stream.uncork();
  stream.write(encodeFrame(frame));
}

class Malformed extends Error {}

function fail(problem: string): never {
  throw new Malformed(problem);
}

type Fields = Record<string, unknown>;

function str(map: Fields, key: string, what: string): string {
  const value = map[key];
  if (typeof value !== 'string') fail(`${what}: '${key}' is not a string`);
  return value;
}

function optStr(map: Fields, key: string, what: string): string | undefined {
  return map[key] === undefined || map[key] === null ? undefined : str(map, key, what);
}

function strOrNull(map: Fields, key: string, what: string): string | null {
  return map[key] === undefined || map[key] === null ? null : str(map, key, what);
}

function num(map: Fields, key: string, what: string): number {
  const value = map[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${what}: '${key}' is not a finite number`);
  return value;
}

function strings(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) fail(`${what} is not a list of strings`);
  return value as string[];
}

function map(value: unknown, what: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Buffer.isBuffer(value)) fail(`${what} is not a map`);
  return value as Fields;
}

function summaryText(value: unknown, key: string): SummaryText {
  const fields = map(value, `plugins_summary: '${key}'`);
  const text = str(fields, 'text', `plugins_summary ${key}`);
  if (fields.newlineAt === undefined || fields.newlineAt === null) return { text };
  const newlineAt = num(fields, 'newlineAt', `plugins_summary ${key}`);
  if (!Number.isInteger(newlineAt) || newlineAt < 0 || newlineAt > text.length)
    fail(`plugins_summary ${key}: 'newlineAt' ${newlineAt} is not a place in its text`);
  return { text, newlineAt };
}

function oneOf<T extends string>(map: Fields, key: string, allowed: readonly T[], what: string): T {
  const value = map[key];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(`${what}: '${key}' is ${describe(value)}, not one of ${allowed.join('/')}`);
  }
  return value as T;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}

const OUTCOMES: readonly Outcome[] = ['passed', 'failed', 'error', 'skipped', 'xfailed', 'xpassed'];
const SUBTEST_OUTCOMES: readonly SubtestReport['outcome'][] = ['passed', 'failed', 'skipped', 'xfailed', 'xpassed'];
const PHASES: readonly TestResult['when'][] = ['collect', 'setup', 'call', 'teardown'];
const ENGINES = ['native', 'pytest'] as const;

function sections(value: unknown, what: string): [string, string][] {
  return stringPairs(value, what, 'sections', 'a section is not a [title, text] pair');
}

/** A list of [string, string] pairs (`field` of a frame), checked. */
function stringPairs(value: unknown, what: string, field: string, problem = `an entry of '${field}' is not a [name, value] pair`): [string, string][] {
  if (!Array.isArray(value)) fail(`${what}: '${field}' is not a list`);
  for (const pair of value) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') fail(`${what}: ${problem}`);
  }
  return value as [string, string][];
}

function warnings(value: unknown, what: string): WarningRecord[] {
  if (!Array.isArray(value)) fail(`${what}: 'warnings' is not a list`);
  return value.map((entry) => {
    const fields = map(entry, `${what}: a warning`);
    const record: WarningRecord = {
      message: str(fields, 'message', `${what}: a warning`),
      filename: str(fields, 'filename', `${what}: a warning`),
      lineno: num(fields, 'lineno', `${what}: a warning`),
    };
    const nodeid = optStr(fields, 'nodeid', `${what}: a warning`);
    if (nodeid !== undefined) record.nodeid = nodeid;
    const module = optStr(fields, 'module', `${what}: a warning`);
    if (module !== undefined) record.module = module;
    return record;
  });
}

function subtest(value: unknown, what: string): SubtestReport {
  const fields = map(value, `${what}: a subtest`);
  const where = `${what}: a subtest`;
  const report: SubtestReport = {
    outcome: oneOf(fields, 'outcome', SUBTEST_OUTCOMES, where),
    description: str(fields, 'description', where),
  };
  copyTexts(fields, report, ['longrepr', 'longreprMarkup', 'message', 'crashline'], where);
  if (fields.sections !== undefined) report.sections = sections(fields.sections, where);
  if (fields.hidden === true) report.hidden = true;
  return report;
}

type TextField = 'longrepr' | 'longreprMarkup' | 'message' | 'crashline' | 'headline' | 'skipCrash';

/** Copies the optional text fields a result and a subtest report share, each checked a string. */
function copyTexts(fields: Fields, target: Partial<Record<TextField, string>>, keys: readonly TextField[], where: string): void {
  for (const key of keys) {
    const text = optStr(fields, key, where);
    if (text !== undefined) target[key] = text;
  }
}

function isSeconds(value: unknown): value is number | undefined {
  return value === undefined || (typeof value === 'number' && Number.isFinite(value));
}

/** A `result` frame's fields as a TestResult: only the known fields, each of its type. */
function testResult(fields: Fields): TestResult {
  const id = str(fields, 'id', 'result');
  const what = `result for ${id}`;
  const result: TestResult = {
    id,
    outcome: oneOf(fields, 'outcome', OUTCOMES, what),
    when: oneOf(fields, 'when', PHASES, what),
    duration: num(fields, 'duration', what),
  };
  const file = optStr(fields, 'file', what);
  if (file !== undefined) result.file = file;
  if (fields.line !== undefined && fields.line !== null) result.line = num(fields, 'line', what);
  copyTexts(fields, result, ['longrepr', 'longreprMarkup', 'message', 'crashline', 'headline', 'skipCrash'], what);
  if (fields.sections !== undefined) result.sections = sections(fields.sections, what);
  if (fields.skipFileOnly === true) result.skipFileOnly = true;
  for (const field of ['userProperties', 'xmlAttributes', 'suiteProperties'] as const) {
    if (fields[field] !== undefined) result[field] = stringPairs(fields[field], what, field);
  }
  if (fields.teardownError !== undefined) {
    const teardown = map(fields.teardownError, `${what}: 'teardownError'`);
    result.teardownError = {
      longrepr: str(teardown, 'longrepr', `${what}: 'teardownError'`),
      message: str(teardown, 'message', `${what}: 'teardownError'`),
    };
    const marked = optStr(teardown, 'longreprMarkup', `${what}: 'teardownError'`);
    if (marked !== undefined) result.teardownError.longreprMarkup = marked;
  }
  if (fields.phases !== undefined) {
    const phases = map(fields.phases, `${what}: 'phases'`);
    const { setup, call, teardown } = phases;
    if (!isSeconds(setup) || !isSeconds(call) || !isSeconds(teardown)) fail(`${what}: 'phases' holds more than numbers`);
    result.phases = {};
    if (setup !== undefined) result.phases.setup = setup;
    if (call !== undefined) result.phases.call = call;
    if (teardown !== undefined) result.phases.teardown = teardown;
  }
  if (fields.warnings !== undefined) result.warnings = warnings(fields.warnings, what);
  if (fields.subtests !== undefined) {
    if (!Array.isArray(fields.subtests)) fail(`${what}: 'subtests' is not a list`);
    result.subtests = fields.subtests.map((entry) => subtest(entry, what));
  }
  if (fields.engine !== undefined) result.engine = oneOf(fields, 'engine', ENGINES, what);
  if (fields.attempts !== undefined) {
    if (!Array.isArray(fields.attempts)) fail(`${what}: 'attempts' is not a list`);
    result.attempts = fields.attempts.map((entry) => attempt(entry, what));
  }
  return result;
}

const ATTEMPT_OUTCOMES: readonly Attempt['outcome'][] = ['failed', 'error'];
const ATTEMPT_PHASES: readonly Attempt['when'][] = ['setup', 'call', 'teardown'];

function attempt(value: unknown, what: string): Attempt {
  const where = `${what}: an attempt`;
  const fields = map(value, where);
  const entry: Attempt = {
    outcome: oneOf(fields, 'outcome', ATTEMPT_OUTCOMES, where),
    when: oneOf(fields, 'when', ATTEMPT_PHASES, where),
    duration: num(fields, 'duration', where),
  };
  copyTexts(fields, entry, ['longrepr', 'message'], where);
  const type = optStr(fields, 'type', where);
  if (type !== undefined) entry.type = type;
  if (fields.sections !== undefined) entry.sections = sections(fields.sections, where);
  return entry;
}

/** The frame a worker sent, checked; throws Malformed naming the first thing wrong. */
function checkedFrame(value: unknown): WorkerFrame {
  const fields = map(value, 'the frame');
  const kind = fields.t;
  switch (kind) {
    case 'start': {
      const frame: StartFrame = { t: 'start', id: str(fields, 'id', 'start') };
      if (fields.timeout === undefined || fields.timeout === null) return frame;
      frame.timeout = Math.max(0, num(fields, 'timeout', 'start'));
      frame.timeoutMethod = oneOf(fields, 'timeoutMethod', ['signal', 'thread'] as const, 'start');
      return frame;
    }
    case 'output': {
      const frame: OutputFrame = {
        t: 'output',
        stream: num(fields, 'stream', 'output') === 2 ? 2 : 1,
        id: str(fields, 'id', 'output'),
        text: str(fields, 'text', 'output'),
      };
      if (fields.teardown === true) frame.teardown = true;
      return frame;
    }
    case 'result':
      return { t: 'result', result: testResult(fields) };
    case 'collected': {
      const frame: CollectedFrame = { t: 'collected', file: str(fields, 'file', 'collected'), ids: strings(fields.ids, "collected: 'ids'") };
      if (fields.missing !== undefined) frame.missing = strings(fields.missing, "collected: 'missing'");
      if (fields.module !== undefined) frame.module = strings(fields.module, "collected: 'module'");
      if (fields.deselected !== undefined) frame.deselected = strings(fields.deselected, "collected: 'deselected'");
      if (fields.marks !== undefined) frame.marks = markRecords(fields.marks);
      if (fields.filtered !== undefined) frame.filtered = strings(fields.filtered, "collected: 'filtered'");
      if (fields.cacheFillCpu !== undefined) frame.cacheFillCpu = num(fields, 'cacheFillCpu', 'collected');
      return frame;
    }
    case 'collect_error': {
      const frame: CollectErrorFrame = { t: 'collect_error', file: str(fields, 'file', 'collect_error'), message: str(fields, 'message', 'collect_error') };
      if (fields.crash !== undefined && fields.crash !== null) frame.crash = str(fields, 'crash', 'collect_error');
      const marked = optStr(fields, 'messageMarkup', 'collect_error');
      if (marked !== undefined) frame.messageMarkup = marked;
      if (fields.refused === true) frame.refused = true;
      const collector = optStr(fields, 'id', 'collect_error');
      if (collector !== undefined) frame.id = collector;
      return frame;
    }
    case 'collect_done': {
      const frame: CollectDoneFrame = { t: 'collect_done', file: str(fields, 'file', 'collect_done') };
      if (fields.engine === 'native' || fields.engine === 'pytest') frame.engine = fields.engine;
      if (fields.items !== undefined && fields.items !== null) frame.items = num(fields, 'items', 'collect_done');
      if (fields.ids !== undefined && fields.ids !== null) frame.ids = strings(fields.ids, 'collect_done ids');
      if (fields.partial === true) frame.partial = true;
      if (fields.skipped !== undefined && fields.skipped !== null) frame.skipped = testResult(map(fields.skipped, 'collect_done skipped'));
      if (fields.cacheFillCpu !== undefined) frame.cacheFillCpu = num(fields, 'cacheFillCpu', 'collect_done');
      if (fields.warnings !== undefined) frame.warnings = warnings(fields.warnings, 'collect_done');
      if (fields.deselected !== undefined) frame.deselected = strings(fields.deselected, 'collect_done deselected');
      if (fields.filtered !== undefined) frame.filtered = strings(fields.filtered, 'collect_done filtered');
      return frame;
    }
    case 'unit_done':
      return {
        t: 'unit_done',
        file: str(fields, 'file', 'unit_done'),
        engine: fields.engine === undefined || fields.engine === null ? null : oneOf(fields, 'engine', ENGINES, 'unit_done'),
        reason: strOrNull(fields, 'reason', 'unit_done'),
      };
    case 'hello': {
      const frame: HelloFrame = {
        t: 'hello',
        pid: num(fields, 'pid', 'hello'),
        python: str(fields, 'python', 'hello'),
        pytest: strOrNull(fields, 'pytest', 'hello'),
        nativeUnsupported: strOrNull(fields, 'nativeUnsupported', 'hello'),
      };
      if (fields.clock !== undefined) frame.clock = num(fields, 'clock', 'hello');
      const executable = optStr(fields, 'executable', 'hello');
      if (executable !== undefined) frame.executable = executable;
      return frame;
    }
    case 'session_error':
      return { t: 'session_error', message: str(fields, 'message', 'session_error') };
    case 'plugins_summary':
      return { t: 'plugins_summary', summary: { conftests: summaryText(fields.conftests, 'conftests'), plugins: summaryText(fields.plugins, 'plugins') } };
    case 'header':
      return { t: 'header', lines: strings(fields.lines, 'header: lines') };
    case 'session_stderr':
      return { t: 'session_stderr', text: str(fields, 'text', 'session_stderr') };
    case 'debug':
      return { t: 'debug', on: fields.on === true };
    case 'console':
      return { t: 'console', stream: num(fields, 'stream', 'console') === 2 ? 2 : 1, text: str(fields, 'text', 'console') };
    case 'fatal': {
      const exitCode = num(fields, 'exitCode', 'fatal');
      if (!Number.isInteger(exitCode) || exitCode < 0 || exitCode > 255) fail(`fatal: 'exitCode' ${exitCode} is not an exit code`);
      const frame: FatalFrame = { t: 'fatal', message: str(fields, 'message', 'fatal'), exitCode, interrupt: fields.interrupt === true };
      if (fields.verbatim === true) frame.verbatim = true;
      const detail = optStr(fields, 'detail', 'fatal');
      if (detail) frame.detail = detail;
      return frame;
    }
    default:
      return fail(`unknown frame kind ${describe(kind)}`);
  }
}

/** A decoded frame from a worker, checked: the frame, or `malformed` saying what is wrong. */
export function parseWorkerFrame(value: unknown): WorkerFrame | MalformedFrame {
  try {
    return checkedFrame(value);
  } catch (err) {
    if (err instanceof Malformed) return { t: 'malformed', problem: err.message };
    throw err;
  }
}

/**
 * Splits a byte stream into worker frames. Chunks are kept in a list and joined once per frame,
 * so a frame of hundreds of megabytes costs one copy, not one per chunk. After bytes that do not
 * decode (or announce an impossible length) the stream cannot be resynchronised: one `malformed`
 * frame is delivered and the rest is dropped.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Body length of the frame being read, once its header is in. */
  private need: number | null = null;
  private broken = false;

  constructor(private readonly onFrame: (frame: WorkerFrame | MalformedFrame) => void) {}

  push(chunk: Buffer): void {
    if (this.broken) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.need === null) {
        if (this.buffered < 4) return;
        this.need = this.take(4).readUInt32BE(0);
        if (this.need > MAX_FRAME_BYTES) return this.breakOff(`a frame announces ${this.need} bytes (more than ${MAX_FRAME_BYTES})`);
      }
      if (this.buffered < this.need) return;
      const body = this.take(this.need);
      this.need = null;
      let decoded: unknown;
      try {
        decoded = unpackr.unpack(body);
      } catch (err) {
        return this.breakOff(`undecodable MessagePack (${err instanceof Error ? err.message : String(err)})`);
      }
      this.onFrame(parseWorkerFrame(decoded));
      if (this.broken) return;
    }
  }

  private breakOff(problem: string): void {
    this.broken = true;
    this.chunks = [];
    this.buffered = 0;
    this.need = null;
    this.onFrame({ t: 'malformed', problem });
  }

  private take(n: number): Buffer {
    const first = this.chunks[0];
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const chunk = this.chunks[0];
        const use = Math.min(chunk.length, n - filled);
        chunk.copy(out, filled, 0, use);
        filled += use;
        if (use === chunk.length) this.chunks.shift();
        else this.chunks[0] = chunk.subarray(use);
      }
    }
    this.buffered -= n;
    return out;
  }
}

/** `collected`'s marks: {id: [[name, kwargs, opaque], ...]} (python/fastest_worker/results.py mark_records). */
function markRecords(value: unknown): Record<string, Mark[]> {
  const out: Record<string, Mark[]> = {};
  for (const [id, marks] of Object.entries(map(value, "collected: 'marks'"))) {
    if (!Array.isArray(marks)) fail("collected: a test's 'marks' is not a list");
    out[id] = marks.map((entry: unknown) => {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string') fail('collected: a mark is not [name, kwargs, opaque]');
      const kwargs: Record<string, PyValue> = {};
      for (const [key, v] of Object.entries(map(entry[1], "collected: a mark's kwargs"))) {
        // (a value Python sent as opaque is null, with the mark's `dynamicArgs`)
        kwargs[key] = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
      }
      return { name: entry[0] as string, args: [], kwargs, ...(entry[2] === true ? { dynamicArgs: true } : {}) };
    });
  }
  return out;
}
