// The reporters a run feeds, behind one interface: the console, the JUnit file, the JSON file.
// Each reads its own options (command line and ini) here, so a new option is wired in one place
// and the run only asks for the configured reporters. To add a reporter: implement Reporter
// (FileReporter for one that writes a file at the end) and create it in `configuredReporters`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { getIni, type Config } from '../config/index.js';
import type { CollectionError, TestResult } from '../types.js';
import { ConsoleReporter, type FinishInfo, type SessionInfo, type ShowCapture, type TbStyle } from './console.js';
import { jsonReport } from './json.js';
import { junitOf91, junitTimestamp, junitXml, type JunitOptions } from './junit.js';
import { inRunOrder } from './run-order.js';

/** The end of a session, as every reporter gets it. */
export interface SessionEnd extends FinishInfo {
  /** Ids discovery listed that their module does not produce: no result, named in the files. */
  notCollected: string[];
  workers: number;
}

/** What a run tells its reporters, in order: start, results and errors as they come, finish. */
export interface Reporter {
  sessionStart(info: SessionInfo): void;
  collectionError(e: CollectionError): void;
  /** `teardownOutput` (-s): writes what the test's teardown printed, which the console shows
   * after the test's outcome and before its teardown error, as pytest; called once. */
  testResult(r: TestResult, teardownOutput?: () => void): void;
  /** A result the run deselected, whose collection warnings still count (ConsoleReporter.collectionWarnings). */
  collectionWarnings?(r: TestResult): void;
  /** The run corrected discovery's counts (see ConsoleReporter.correctCounts), and --lf/--ff's status. */
  correctCounts(selected: number, deselected: number, lastFailedStatus?: string): void;
  /** Every count is known: a held header may be printed. */
  countsKnown(): void;
  unitDone(file: string, engine?: { engine: string; reason: string | null }): void;
  /** -s: test `id` ('' between tests) is about to print on the terminal. */
  testOutput?(id: string): void;
  /** One worker: a debugger in test `id` takes the terminal (ConsoleReporter.debuggerStarts). */
  debuggerStarts?(id: string): void;
  /** pytest's header lines from a worker's pytest session (ConsoleReporter.headerLines). */
  headerLines?(lines: string[]): void;
  /** The workers' Python (ConsoleReporter.pythonExecutable). */
  pythonExecutable?(path: string): void;
  /** `--collect-only`: the ids collected, in collection order (ConsoleReporter.collectedItems). */
  collectedItems?(ids: readonly string[]): void;
  finish(end: SessionEnd): void;
}

/** The command-line options the reporters read (CliOptions has them under these names). */
export interface ReportRequest {
  verbosity: number;
  color: 'yes' | 'no' | 'auto';
  durations: number | null;
  durationsMin: number | null;
  disableWarnings: boolean;
  reportChars: string | null;
  tb: string | null;
  showCapture: ShowCapture;
  noHeader: boolean;
  /** --show-engines: a line per module naming the engine that ran it. */
  showEngines: boolean;
  junitxml: string | null;
  junitPrefix: string | null;
  json: string | null;
  engine: string;
  capture?: 'fd' | 'sys' | 'no';
  /** `--collect-only`: the console lists the collected ids and closes with pytest's collection line. */
  collectOnly?: boolean;
}

/**
 * pytest's terminal width (terminalwriter.get_terminal_width): shutil.get_terminal_size's, that
 * is COLUMNS when a positive number, else the terminal's columns when stdout is one, else 80;
 * below 40 it takes 80 (a terminal that reports no size gives 0).
 */
export function consoleWidth(env: NodeJS.ProcessEnv, stdout: { isTTY?: boolean; columns?: number }): number {
  const fromEnv = /^\s*\d+\s*$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : 0;
  const width = fromEnv > 0 ? fromEnv : stdout.isTTY === true && (stdout.columns ?? 0) > 0 ? stdout.columns! : 80;
  return width < 40 ? 80 : width;
}

/** Where the run happens: the invocation directory, the environment, the terminal. */
export interface ReportPlace {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Console output goes here. */
  write: (s: string) => void;
  tty: boolean;
  /** pytest's terminal width (consoleWidth). */
  columns: number;
  startedAt: Date;
  /** The selected ids in collection order: the summaries and report files list in pytest's order. */
  collectionOrder?: readonly string[];
}

/** A reporter that writes one file when the session ends; it keeps what it was given. */
abstract class FileReporter implements Reporter {
  private readonly arrived: TestResult[] = [];
  protected readonly errors: CollectionError[] = [];
  constructor(
    readonly path: string,
    private readonly collectionOrder: readonly string[] | undefined,
  ) {}
  /** The results in pytest's order, as its report files list them. */
  protected get results(): TestResult[] {
    return inRunOrder(this.arrived, this.collectionOrder);
  }
  sessionStart(): void {}
  collectionError(e: CollectionError): void {
    this.errors.push(e);
  }
  testResult(r: TestResult): void {
    this.arrived.push(r);
  }
  correctCounts(): void {}
  countsKnown(): void {}
  unitDone(): void {}
  finish(end: SessionEnd): void {
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, this.render(end));
  }
  protected abstract render(end: SessionEnd): string;
}

/** `--junitxml`, with pytest's junit_* ini options. */
export class JunitReporter extends FileReporter {
  constructor(
    path: string,
    private readonly options: Omit<JunitOptions, 'seconds' | 'timestamp' | 'hostname' | 'notCollected'>,
    private readonly startedAt: Date,
    collectionOrder?: readonly string[],
    /** The ini options as pytest >= 9.1 reads them (the addopts' `-o` applied), when they differ. */
    private readonly iniOf91?: ReturnType<typeof junitIniOptions>,
  ) {
    super(path, collectionOrder);
  }

  protected render(end: SessionEnd): string {
    return junitXml(this.results, this.errors, {
      ...this.options,
      ...(this.iniOf91 && junitOf91(end.pytestVersion) ? this.iniOf91 : {}),
      hostname: hostname(),
      timestamp: junitTimestamp(this.startedAt),
      seconds: end.seconds,
      notCollected: end.notCollected,
      pytestVersion: end.pytestVersion,
    });
  }
}

/** pytest's junit_* ini options (junitxml.py's pytest_addoption), as JunitOptions. */
export function junitIniOptions(config: Config): Pick<JunitOptions, 'suiteName' | 'family' | 'logging' | 'logPassingTests' | 'durationReport'> {
  return {
    suiteName: getIni(config, 'junit_suite_name', 'string') ?? 'pytest',
    // pytest: `legacy` is xunit1; only xunit1 keeps file/line.
    family: ['xunit1', 'legacy'].includes(getIni(config, 'junit_family', 'string') ?? 'xunit2') ? 'xunit1' : 'xunit2',
    logging: getIni(config, 'junit_logging', 'string') ?? 'no',
    logPassingTests: getIni(config, 'junit_log_passing_tests', 'bool') ?? true,
    durationReport: getIni(config, 'junit_duration_report', 'string') ?? 'total',
  };
}

/** `--json PATH`. */
export class JsonReporter extends FileReporter {
  constructor(
    path: string,
    private readonly meta: { rootdir: string; engine: string },
    private readonly startedAt: Date,
    collectionOrder?: readonly string[],
  ) {
    super(path, collectionOrder);
  }

  protected render(end: SessionEnd): string {
    return jsonReport(this.results, this.errors, {
      ...this.meta,
      seconds: end.seconds,
      started: this.startedAt.toISOString(),
      workers: end.workers,
      interrupted: end.interrupted,
      notCollected: end.notCollected,
    });
  }
}

const TB_STYLES: readonly TbStyle[] = ['auto', 'long', 'short', 'line', 'native', 'no'];

/**
 * Whether the console is coloured, as pytest's terminal writer decides (`should_do_markup`):
 * `--color` yes or no; under auto PY_COLORS=1 or 0, then NO_COLOR, then FORCE_COLOR (docutils' CI
 * sets it), then a terminal that is not TERM=dumb.
 */
export function consoleColored(color: ReportRequest['color'], tty: boolean, env: NodeJS.ProcessEnv): boolean {
  if (color !== 'auto') return color === 'yes';
  if (env.PY_COLORS === '1' || env.PY_COLORS === '0') return env.PY_COLORS === '1';
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR) return true;
  return tty && env.TERM !== 'dumb';
}

/** pytest's terminal reporter, with the terminal options of the command line. */
export function consoleReporter(request: ReportRequest, place: ReportPlace): ConsoleReporter {
  const { env } = place;
  const tb = TB_STYLES.find((style) => style === request.tb);
  return new ConsoleReporter({
    write: place.write,
    verbosity: request.verbosity,
    color: consoleColored(request.color, place.tty, env),
    tty: place.tty,
    githubActions: env.GITHUB_ACTIONS === 'true',
    // pytest's running_on_ci(): on CI the short summary keeps whole messages (pytest 9: a CI or
    // BUILD_NUMBER that is not empty; before 9: one that is set).
    ci: Boolean(env.CI || env.BUILD_NUMBER),
    ciVariableSet: env.CI !== undefined || env.BUILD_NUMBER !== undefined,
    width: place.columns,
    durations: request.durations ?? undefined,
    durationsMin: request.durationsMin ?? undefined,
    disableWarnings: request.disableWarnings,
    cwd: place.cwd,
    reportChars: request.reportChars ?? undefined,
    tb,
    showCapture: request.showCapture,
    noHeader: request.noHeader,
    showEngines: request.showEngines,
    captureNo: request.capture === 'no',
    collectionOrder: place.collectionOrder,
    junitxml: request.junitxml ? resolve(place.cwd, request.junitxml) : undefined,
    collectOnly: request.collectOnly,
  });
}

/** Feeds every reporter in turn; files are written before the console's summary names them. */
class Reporters implements Reporter {
  constructor(private readonly all: Reporter[]) {}
  sessionStart(info: SessionInfo): void {
    for (const r of this.all) r.sessionStart(info);
  }
  collectionError(e: CollectionError): void {
    for (const r of this.all) r.collectionError(e);
  }
  testResult(result: TestResult, teardownOutput?: () => void): void {
    for (const r of this.all) r.testResult(result, teardownOutput);
  }
  collectionWarnings(result: TestResult): void {
    for (const r of this.all) r.collectionWarnings?.(result);
  }
  correctCounts(selected: number, deselected: number, lastFailedStatus?: string): void {
    for (const r of this.all) r.correctCounts(selected, deselected, lastFailedStatus);
  }
  countsKnown(): void {
    for (const r of this.all) r.countsKnown();
  }
  unitDone(file: string, engine?: { engine: string; reason: string | null }): void {
    for (const r of this.all) r.unitDone(file, engine);
  }
  testOutput(id: string): void {
    for (const r of this.all) r.testOutput?.(id);
  }
  debuggerStarts(id: string): void {
    for (const r of this.all) r.debuggerStarts?.(id);
  }
  headerLines(lines: string[]): void {
    for (const r of this.all) r.headerLines?.(lines);
  }
  collectedItems(ids: readonly string[]): void {
    for (const r of this.all) r.collectedItems?.(ids);
  }
  pythonExecutable(path: string): void {
    for (const r of this.all) r.pythonExecutable?.(path);
  }
  finish(end: SessionEnd): void {
    for (const r of this.all) r.finish(end);
  }
}

/** The reporters the command line and the config ask for, as one Reporter. */
export function configuredReporters(request: ReportRequest, config: Config, place: ReportPlace, configAfterAddopts = config): Reporter {
  const all: Reporter[] = [];
  if (request.junitxml) {
    const options = { ...junitIniOptions(config), prefix: request.junitPrefix ?? undefined, rootdir: config.rootdir };
    const iniOf91 = configAfterAddopts === config ? undefined : junitIniOptions(configAfterAddopts);
    all.push(new JunitReporter(resolve(place.cwd, request.junitxml), options, place.startedAt, place.collectionOrder, iniOf91));
  }
  if (request.json) {
    all.push(new JsonReporter(resolve(place.cwd, request.json), { rootdir: config.rootdir, engine: request.engine }, place.startedAt, place.collectionOrder));
  }
  all.push(consoleReporter(request, place));
  return new Reporters(all);
}
