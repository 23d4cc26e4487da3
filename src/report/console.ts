// The console reporter: pytest's terminal output (_pytest/terminal.py) from a stream of results
// that arrive interleaved from parallel workers. It writes only through the given sink.

import { isAbsolute, relative, resolve, sep } from 'node:path';
import {
  isCollectionSkip,
  raisedWhileCollecting,
  type CollectionError,
  type Outcome,
  type PluginsSummary,
  type SubtestReport,
  type SummaryText,
  type TestResult,
  type WarningRecord,
} from '../types.js';
import { pathOfId } from '../nodeid.js';
import { pyFixed, pyRjust, wcswidth, type Markup } from './color.js';
import { addResult, closingLine, colorForType, countsPerFile, emptyCounts, mainColor, subtestCategory, type Counts } from './counts.js';
import { Fence } from './fence.js';
import { inRunOrder } from './run-order.js';
import { wrapAfter } from './textwrap.js';
import { TermWriter } from './writer.js';

export type TbStyle = 'auto' | 'long' | 'short' | 'line' | 'native' | 'no';
export type ShowCapture = 'no' | 'stdout' | 'stderr' | 'log' | 'all';

export interface ConsoleOptions {
  write: (s: string) => void;
  /** -2 -qq, -1 -q, 0 default, 1 -v, 2 -vv. */
  verbosity: number;
  color: boolean;
  tty: boolean;
  /** Fence untrusted text with ::stop-commands:: (invariant 4). */
  githubActions: boolean;
  /** Terminal width, default 80. */
  width?: number;
  /** --durations N (0: all); undefined: no list. */
  durations?: number;
  /** --durations-min; default 0.005 (0 with -vv). */
  durationsMin?: number;
  /** --disable-warnings: no warnings summary (the closing line still counts them). */
  disableWarnings?: boolean;
  /** The invocation directory: node ids on the terminal are shown relative to it, as pytest's
   * cwd_relative_nodeid. Default: the rootdir. */
  cwd?: string;
  /** -r chars, default 'fE'. */
  reportChars?: string;
  tb?: TbStyle;
  /** --show-capture; true/undefined means 'all', false 'no'. */
  showCapture?: boolean | ShowCapture;
  /** pytest's running_on_ci(): short summary messages are not trimmed. Default: githubActions. */
  ci?: boolean;
  /** CI or BUILD_NUMBER is set, perhaps empty: pytest before 9 is then on CI (FinishInfo.pytestVersion). */
  ciVariableSet?: boolean;
  /** pytest's `verbosity_subtests`; default: `verbosity`. At 0 only failed subtests are shown and counted. */
  subtestVerbosity?: number;
  /** --no-header: no platform, rootdir, configfile (and workers) lines. */
  noHeader?: boolean;
  /** --show-engines: a line per module saying which engine ran it (and why not native). */
  showEngines?: boolean;
  /** -s: tests print to the terminal, so pytest shows no `[ NN%]` progress (its
   * `_show_progress_info`); with one worker each result is shown as it comes, between the
   * output of its test and the next's. Default: false. */
  captureNo?: boolean;
  /** The selected ids in collection order: summaries list in pytest's order, not completion order. */
  collectionOrder?: readonly string[];
  /** The JUnit file the run writes (absolute), for pytest's `generated xml file:` line. */
  junitxml?: string;
  /** `--collect-only` (with -q or -qq): the collected ids are listed, nothing runs, and the
   * closing line is pytest's for a collection (`3 tests collected, 1 error in 0.05s`). */
  collectOnly?: boolean;
}

export interface SessionInfo {
  rootdir: string;
  inifile: string | null;
  python: string;
  platform: string;
  workers: number;
  /** Tests selected to run (pytest's `session.testscollected`): the total of the progress. */
  collected: number;
  /** Collected but removed by -k, -m or --deselect: the header counts them, as pytest's. */
  deselected?: number;
  /**
   * Hold the header (and everything after it) until `countsKnown()`: discovery had items whose
   * number only the run knows (docs/protocol.md, "Collected counts").
   */
  deferHeader?: boolean;
  engine: string;
  /** fastest's version, shown on the platform line. */
  version?: string;
  /** The workers' sys.executable, which pytest's platform line ends with under -v. */
  executable?: string;
  /** Collection errors already known before the run (static discovery). */
  collectionErrors?: number;
  /** Modules skipped while collected (`pytest.importorskip` at their top): not among `collected`. */
  collectionSkips?: number;
  /** pytest's `cachedir:` header line (under -v, or a configured cache_dir), when it shows. */
  cachedir?: string;
  /** --lf/--ff: what the last-failed plugin did, printed after the collected line as pytest's `run-last-failure: …`. */
  lastFailedStatus?: string;
  /** Config files of lower rank beside the inifile that pytest ignores (its configfile line's warning). */
  ignoredConfigFiles?: string[];
  /** The `testpaths` ini, when the run's paths are its matches (pytest's `testpaths:` line). */
  testpaths?: string[];
  /** pytest's own header lines after its platform line, from a worker's pytest session
   * (`headerLines`): they replace the cachedir/rootdir/configfile/testpaths lines written here. */
  pytestLines?: string[];
}

export interface FinishInfo {
  seconds: number;
  /** The workers' pytest version, when a worker started. */
  pytestVersion?: string;
  /** Shown as `!!!! <text> !!!!` before the closing line, e.g. `stopping after 1 failures`. */
  interrupted?: string;
  /** Printed as it is under that line: where a test's KeyboardInterrupt was raised (the worker renders it). */
  interruptedDetail?: string;
  /**
   * A test's pytest.exit() return code: other than 2, pytest's session did not end INTERRUPTED, so
   * its line comes after the closing line (at pytest_unconfigure), and with a code other than 0,
   * 1, 4 or 5 the terminal summary (failures, warnings, short summary, plugins') is not written.
   */
  exitCallCode?: number;
  /** Path of the JUnit file written, for pytest's `generated xml file:` line (default: the
   * option's). */
  junitxml?: string;
  /** Tests removed by -k, -m or --deselect: pytest's `N deselected`. */
  deselected?: number;
  /** pytest-cov's output (`--cov`). */
  coverage?: CoverageSummary;
  /** Warnings pytest issues while configuring (`Unknown config option: X`): first in the
   * warnings summary, counted in the closing line. */
  configWarnings?: WarningRecord[];
  /** What the plugins' terminal-summary hooks wrote in each worker's pytest session, in worker
   * order (combinePluginsSummaries). */
  pluginsSummaries?: PluginsSummary[];
}

/** What pytest-cov writes: its failure or report warning right after the run, then its section. */
export interface CoverageSummary {
  failure: string | null;
  warning: string | null;
  /** The `tests coverage` section's text ('' for none). */
  report: string;
  required: { text: string; failed: boolean } | null;
}

/** What the reporter saw; the exit code is the caller's decision. */
export interface FinishSummary {
  counts: Counts;
  exitCode?: never;
}

/**
 * The plugins' summary sections of several workers as one: each worker's pytest session ran its
 * share of the tests, and the same hook wrote in each. A text several workers wrote alike (a
 * constant line, a section of a plugin that has nothing per test) is printed once, as pytest's
 * one session prints it; texts that differ are all printed, in worker order (a hook that reads the
 * reporter's stats sees its worker's share).
 */
export function combinePluginsSummaries(summaries: readonly PluginsSummary[]): { conftests: SummaryText[]; plugins: SummaryText[] } {
  const distinct = (texts: SummaryText[]) => {
    const seen = new Set<string>();
    return texts.filter((t) => {
      const key = `${t.newlineAt ?? ''}:${t.text}`;
      if (t.text === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  return { conftests: distinct(summaries.map((s) => s.conftests)), plugins: distinct(summaries.map((s) => s.plugins)) };
}

/** pytest's getreportopt: expands a/A/N, lower-cases the old F/S aliases, drops duplicates. */
export function normalizeReportChars(chars: string): string {
  let opts = '';
  for (let ch of chars) {
    if (ch === 'F' || ch === 'S') ch = ch.toLowerCase();
    if (ch === 'a') opts = 'sxXEf';
    else if (ch === 'A') opts = 'PpsxXEf';
    else if (ch === 'N') opts = '';
    else if (!opts.includes(ch)) opts += ch;
  }
  return opts;
}

/** The head line pytest prints above a test's report: the engine's when it sent one (a doctest's,
 * a test in a pytest-describe block), else the one the id gives. */
function headlineOf(result: TestResult): string {
  return result.headline ?? failureHeadline(result.id);
}

/** The head line pytest prints above a failure: `TestC.test_m[1-a]` for `f.py::TestC::test_m[1-a]`. */
export function failureHeadline(id: string): string {
  const sep = id.indexOf('::');
  if (sep === -1) return id;
  const rest = id.slice(sep + 2);
  const bracket = rest.indexOf('[');
  if (bracket === -1) return rest.replace(/::/g, '.');
  return rest.slice(0, bracket).replace(/::/g, '.') + rest.slice(bracket);
}

/** pytest's _format_trimmed: first line of msg put in `format` at `{}`, ellipsised to fit, or null. */
export function formatTrimmed(format: string, msg: string, availableWidth: number): string | null {
  const nl = msg.indexOf('\n');
  if (nl !== -1) msg = msg.slice(0, nl);
  const ellipsis = '...';
  const formatWidth = wcswidth(format.replace('{}', ''));
  if (formatWidth + ellipsis.length > availableWidth) return null;
  if (formatWidth + wcswidth(msg) > availableWidth) {
    availableWidth -= ellipsis.length;
    let chars = Array.from(msg).slice(0, Math.max(availableWidth, 0));
    while (formatWidth + wcswidth(chars.join('')) > availableWidth) chars = chars.slice(0, -1);
    msg = chars.join('') + ellipsis;
  }
  return format.replace('{}', () => msg);
}

interface Letter {
  letter: string;
  word: string;
  color: Markup;
}

const STATUS: Record<Outcome, Letter> = {
  passed: { letter: '.', word: 'PASSED', color: 'green' },
  failed: { letter: 'F', word: 'FAILED', color: 'red' },
  error: { letter: 'E', word: 'ERROR', color: 'red' },
  skipped: { letter: 's', word: 'SKIPPED', color: 'yellow' },
  xfailed: { letter: 'x', word: 'XFAIL', color: 'yellow' },
  xpassed: { letter: 'X', word: 'XPASS', color: 'yellow' },
};
/** pytest-rerunfailures' status of an attempt that is run again. */
const RERUN: Letter = { letter: 'R', word: 'RERUN', color: 'yellow' };
const TEARDOWN_ERROR: Letter = STATUS.error;

/** A subtest's letter and word (pytest 9's subtests plugin), or null when it is not shown. */
function subtestStatus(sub: SubtestReport, subtestVerbosity: number): Letter | null {
  if (sub.outcome === 'failed') return { letter: 'u', word: `SUBFAILED${sub.description}`, color: 'red' };
  if (subtestVerbosity === 0) return null;
  switch (sub.outcome) {
    case 'passed':
      return { letter: 'u', word: `SUBPASSED${sub.description}`, color: 'green' };
    case 'skipped':
      return { letter: '-', word: `SUBSKIPPED${sub.description}`, color: 'yellow' };
    case 'xfailed':
      return { letter: 'y', word: `SUBXFAIL${sub.description}`, color: 'yellow' };
    case 'xpassed':
      return STATUS.xpassed;
  }
}
const LIVE_STATUS_MIN_TESTS = 200;
const LIVE_STATUS_INTERVAL_MS = 50;

/** A test's failed subtests and then the test itself, when failed: pytest's `stats['failed']`. */
interface FailedReport {
  result: TestResult;
  subtest?: SubtestReport;
}

/** One report as pytest's terminal reporter keeps it in `stats`. */
interface Report {
  result: TestResult;
  /** The teardown error of `result`, reported separately as pytest does. */
  teardown: boolean;
}

function stripSkipped(reason: string): string {
  return reason.startsWith('Skipped: ') ? reason.slice('Skipped: '.length) : reason === 'Skipped' ? '' : reason;
}

/** Whether the installed pytest (its version as the workers report it) is older than 9. */
function beforePytest9(version: string | undefined): boolean {
  return Number(/^(\d+)\./.exec(version ?? '')?.[1]) < 9;
}

export class ConsoleReporter {
  private readonly tw: TermWriter;
  private readonly fence: Fence;
  private readonly verbosity: number;
  private readonly reportChars: string;
  private readonly tb: TbStyle;
  private readonly showCapture: ShowCapture;
  private ci: boolean;
  private readonly subtestVerbosity: number;

  private rootdir = '';
  /** The invocation directory when it differs from the rootdir (set at sessionStart): node ids
   * on the terminal are shown relative to it. */
  private relativeTo: string | null = null;
  private collected = 0;
  /** pytest's currentfspath: a progress line is open (a blank line precedes the summary). */
  private currentFsPath: string | null = null;
  /** -s -v: the id whose line testOutput started before its output; its result goes on that line. */
  private prefixBeforeOutput: string | null = null;
  private workers = 0;
  private readonly counts = emptyCounts();
  private configWarnings: WarningRecord[] = [];
  /** What collecting warned that rode on a result the run then deselected (collectionWarnings). */
  private readonly collectionWarningsOfDropped: [WarningRecord, TestResult][] = [];
  /** Counts of what the progress display has shown, for its colour. */
  private readonly shownCounts = emptyCounts();
  private readonly reportedIds = new Set<string>();
  /** Modules skipped while collected: in the counts and the -rs summary, never in the progress. */
  private collectionSkips = 0;
  private readonly results: TestResult[] = [];
  /** `results` sorted by inRunOrder(), made when a summary first needs it. */
  private resultsInRunOrder: TestResult[] | undefined;
  private readonly collectionErrors: CollectionError[] = [];
  /** TTY, default verbosity, many tests: a status line redrawn with \r below the file lines. */
  private liveStatus = false;
  private statusShown = false;
  private statusDrawnAt = -Infinity;
  /** Live mode closes each file's line at unitDone, so the status line has a line of its own. */
  private lineClosed = false;
  /** Default verbosity: results wait here until their file's unit is done. */
  private readonly pendingByFile = new Map<string, TestResult[]>();
  /** --show-engines: the modules whose engine line is written. */
  private readonly enginesShown = new Set<string>();
  /** The header waiting for the run's collected counts, and what arrived meanwhile. */
  private heldHeader: SessionInfo | null = null;
  private readonly held: (() => void)[] = [];

  constructor(private readonly opts: ConsoleOptions) {
    this.tw = new TermWriter(
      (text) => {
        this.clearStatus();
        opts.write(text);
      },
      opts.color,
      opts.width ?? 80,
    );
    this.fence = new Fence(opts.githubActions, (s) => this.tw.write(s));
    this.verbosity = opts.verbosity;
    this.reportChars = normalizeReportChars(opts.reportChars ?? 'fE');
    this.tb = opts.tb ?? 'auto';
    const sc = opts.showCapture;
    this.showCapture = sc === undefined || sc === true ? 'all' : sc === false ? 'no' : sc;
    this.ci = opts.ci ?? opts.githubActions;
    this.subtestVerbosity = opts.subtestVerbosity ?? opts.verbosity;
  }

  sessionStart(info: SessionInfo): void {
    this.rootdir = info.rootdir;
    const cwd = this.opts.cwd;
    this.relativeTo = cwd !== undefined && info.rootdir && resolve(cwd) !== resolve(info.rootdir) ? cwd : null;
    this.collected = info.collected;
    this.workers = info.workers;
    if (info.deferHeader) {
      this.heldHeader = { ...info };
      return;
    }
    this.writeHeader(info);
  }

  /**
   * The run corrected the counts discovery gave (ids a module does not produce, dynamic items
   * expanded): the progress total from now on, and the header's numbers if it is still held;
   * `lastFailedStatus`: --lf/--ff's header line as the collection found the recorded failures.
   */
  correctCounts(selected: number, deselected: number, lastFailedStatus?: string): void {
    this.collected = selected;
    if (this.heldHeader) {
      this.heldHeader.collected = selected;
      this.heldHeader.deselected = deselected;
      if (lastFailedStatus !== undefined) this.heldHeader.lastFailedStatus = lastFailedStatus;
    }
  }

  /**
   * pytest's header lines after its platform line, as a worker's pytest session wrote them (the
   * plugins' and initial conftests' pytest_report_header lines among pytest's own): printed
   * instead of this reporter's own, when the header is still held.
   */
  headerLines(lines: string[]): void {
    if (this.heldHeader && this.heldHeader.pytestLines === undefined) this.heldHeader.pytestLines = lines;
  }

  /** The workers' Python: pytest's platform line ends ` -- <sys.executable>` under -v. */
  pythonExecutable(path: string): void {
    if (this.heldHeader && this.heldHeader.executable === undefined) this.heldHeader.executable = path;
  }

  /** Every count the header needs is known: print it and what waited behind it. */
  countsKnown(): void {
    const info = this.heldHeader;
    if (!info) return;
    this.heldHeader = null;
    this.writeHeader(info);
    for (const replay of this.held.splice(0)) replay();
  }

  private writeHeader(info: SessionInfo): void {
    this.liveStatus = this.opts.tty && this.verbosity === 0 && info.collected > LIVE_STATUS_MIN_TESTS;
    if (this.verbosity < 0) return;
    this.tw.sep('=', 'test session starts', 'bold');
    if (!this.opts.noHeader) {
      const version = info.version ? `, fastest-${info.version}` : '';
      const executable = info.executable !== undefined && this.verbosity > 0 ? ` -- ${info.executable}` : '';
      this.tw.line(`platform ${info.platform} -- Python ${info.python}${version}${executable}`);
      if (info.pytestLines !== undefined) {
        // (plugins' and conftests' text: untrusted)
        this.fence.block(info.pytestLines.map((line) => line + '\n').join(''));
      } else {
        if (info.cachedir !== undefined) this.tw.line(`cachedir: ${info.cachedir}`);
        this.tw.line(`rootdir: ${info.rootdir}`);
        const ignored = info.ignoredConfigFiles?.length ? ` (WARNING: ignoring pytest config in ${info.ignoredConfigFiles.join(', ')}!)` : '';
        if (info.inifile) this.tw.line(`configfile: ${bestRelPath(info.rootdir, resolve(info.rootdir, info.inifile))}${ignored}`);
        if (info.testpaths !== undefined) this.tw.line(`testpaths: ${info.testpaths.join(', ')}`);
      }
      this.tw.line(`workers: ${info.workers}, engine: ${info.engine}`);
    }
    // pytest's report_collect: every collected item, then errors, deselected, modules skipped
    // while collected (no items) and selected.
    const deselected = info.deselected ?? 0;
    const total = info.collected + deselected;
    let collected = `collected ${total} item${total === 1 ? '' : 's'}`;
    const errors = info.collectionErrors ?? 0;
    if (errors) collected += ` / ${errors} error${errors === 1 ? '' : 's'}`;
    if (deselected) collected += ` / ${deselected} deselected`;
    if (info.collectionSkips) collected += ` / ${info.collectionSkips} skipped`;
    if (deselected) collected += ` / ${info.collected} selected`;
    // pytest bolds this line only where it redraws it in place (a TTY); elsewhere -v leaves its
    // `collecting ... ` in front.
    if (this.opts.tty) this.tw.line(collected, 'bold');
    else if (this.verbosity >= 1) this.tw.line(`collecting ... ${collected}`);
    else this.tw.line(collected);
    if (info.lastFailedStatus !== undefined) this.tw.line(`run-last-failure: ${info.lastFailedStatus}`);
  }

  collectionError(e: CollectionError): void {
    if (this.heldHeader) {
      this.heldHeader.collectionErrors = (this.heldHeader.collectionErrors ?? 0) + 1;
      this.held.push(() => this.collectionError(e));
      return;
    }
    this.collectionErrors.push(e);
    this.counts.error += 1;
    this.shownCounts.error += 1;
  }

  testResult(r: TestResult, teardownOutput?: () => void): void {
    const collectionSkip = isCollectionSkip(r);
    if (this.heldHeader) {
      if (collectionSkip) this.heldHeader.collectionSkips = (this.heldHeader.collectionSkips ?? 0) + 1;
      this.held.push(() => this.testResult(r, teardownOutput));
      return;
    }
    this.results.push(r);
    this.resultsInRunOrder = undefined;
    addResult(this.counts, r, this.subtestVerbosity);
    if (collectionSkip) {
      // pytest counts it (`collected N items / K skipped`, the closing line, -rs) and shows no
      // progress for it: it is no item (the run has counted its listed tests out: correctCounts)
      this.collectionSkips += 1;
      teardownOutput?.();
      return;
    }
    if (this.verbosity === 0 && !(this.opts.captureNo && this.workers === 1)) {
      teardownOutput?.(); // (output streams as it comes here: the file's letters come later)
      const file = pathOfId(r.id);
      const pending = this.pendingByFile.get(file);
      if (pending) pending.push(r);
      else this.pendingByFile.set(file, [r]);
      if (this.liveStatus) this.drawStatus();
    } else {
      this.showResult(r, teardownOutput);
    }
  }

  /**
   * `r` is a test -k/-m deselected once its module's collection named it (the module ran whole):
   * it is no result, but what collecting warned that rode on it is pytest's to report.
   */
  collectionWarnings(r: TestResult): void {
    if (this.heldHeader) {
      this.held.push(() => this.collectionWarnings(r));
      return;
    }
    for (const w of r.warnings ?? []) {
      if (!raisedWhileCollecting(w)) continue;
      this.collectionWarningsOfDropped.push([w, r]);
      this.counts.warnings += 1;
    }
  }

  /**
   * A unit (module) finished. With --show-engines (not -v: that prints pytest's lines only), says
   * which engine ran it and, when the native engine handed it to pytest, why.
   */
  unitDone(file: string, engine?: { engine: string; reason: string | null }): void {
    if (this.heldHeader) {
      this.held.push(() => this.unitDone(file, engine));
      return;
    }
    if (engine && this.opts.showEngines && !this.enginesShown.has(file)) {
      // once per module, whichever of its units (a long module cut between workers) ends first
      this.enginesShown.add(file);
      const why = engine.reason ? ` (${engine.reason})` : '';
      this.ensureNewline();
      if (this.tw.lineWidth > 0) this.tw.line(); // -q's progress line
      this.tw.line(`${file}: ${engine.engine} engine${why}`, 'cyan');
    }
    const pending = this.pendingByFile.get(file);
    if (!pending) return;
    this.pendingByFile.delete(file);
    for (const r of pending) this.showResult(r);
    if (this.liveStatus) {
      this.writeProgressFill();
      this.tw.write('\n');
      this.lineClosed = true;
      this.drawStatus(true);
    }
  }

  /**
   * `--collect-only -q`: pytest's list of the collected items at the end of its collection, an
   * id a line (-qq: the count of each file's, by file name).
   */
  collectedItems(ids: readonly string[]): void {
    this.countsKnown();
    // (one write: a write per id costs a system call each)
    this.tw.write(this.verbosity < -1 ? countsPerFile(ids) : ids.map((id) => `${id}\n`).join(''));
  }

  private drawStatus(force = false): void {
    const now = performance.now();
    if (!force && now - this.statusDrawnAt < LIVE_STATUS_INTERVAL_MS) return;
    if (this.tw.lineWidth !== 0) return;
    this.statusDrawnAt = now;
    const done = this.results.length - this.collectionSkips;
    const pct = this.collected ? Math.min(Math.floor((done * 100) / this.collected), 100) : 100;
    let text = `[${String(pct).padStart(3)}%] ${done}/${this.collected} tests`;
    for (const key of ['failed', 'error', 'skipped'] as const) {
      if (this.counts[key]) text += `, ${this.counts[key]} ${key}`;
    }
    text = text.slice(0, this.tw.fullwidth - 1);
    this.opts.write('\r' + this.tw.markup(text, mainColor(this.counts, false)));
    this.statusShown = true;
  }

  private clearStatus(): void {
    if (!this.statusShown) return;
    this.statusShown = false;
    this.opts.write('\r' + ' '.repeat(this.tw.fullwidth - 1) + '\r');
  }

  finish(info: FinishInfo): FinishSummary {
    if (this.opts.ciVariableSet && beforePytest9(info.pytestVersion)) this.ci = true;
    this.countsKnown();
    if (info.deselected) this.counts.deselected = info.deselected;
    this.configWarnings = info.configWarnings ?? [];
    this.counts.warnings += this.configWarnings.length;
    for (const file of [...this.pendingByFile.keys()]) this.unitDone(file);
    // pytest writes the final percentage only when the run loop ends normally.
    this.coverageAfterRun(info.coverage);
    if (this.verbosity <= 0 && this.reportedIds.size > 0 && !info.interrupted && !this.lineClosed) {
      this.writeProgressFill(true);
    }
    if (!this.lineClosed) this.tw.line('');
    this.clearStatus();
    const exitCode = info.exitCallCode ?? 2;
    if ([0, 1, 2, 4, 5].includes(exitCode)) this.terminalSummary(info);
    const interruptedAtExit = info.interrupted !== undefined && exitCode !== 2;
    // pytest colours its -x/--maxfail stop (session.shouldfail) red, not an interruption's line
    if (info.interrupted && !interruptedAtExit) this.interruptedLines(info.interrupted, info.interruptedDetail);
    this.summaryStats(info.seconds);
    if (info.interrupted && interruptedAtExit) this.interruptedLines(info.interrupted, info.interruptedDetail);
    return { counts: { ...this.counts } };
  }

  /** What pytest's pytest_terminal_summary hooks write. */
  private terminalSummary(info: FinishInfo): void {
    this.summaryErrors();
    this.summaryFailures();
    this.summaryWarnings();
    this.summaryPasses('passed', 'PASSES', 'P');
    this.summaryPasses('xpassed', 'XPASSES', 'X');
    this.summaryReruns();
    // pytest's terminal-summary hooks, last registered first: --junitxml's line, the conftest
    // files', pytest-cov's, the installed plugins', then --durations (pytest's runner module).
    const junitxml = info.junitxml ?? this.opts.junitxml;
    // (pytest before 9 prints it under -q too)
    if (junitxml && (this.verbosity >= 0 || beforePytest9(info.pytestVersion))) this.writeSep('-', `generated xml file: ${junitxml}`);
    const plugins = combinePluginsSummaries(info.pluginsSummaries ?? []);
    this.pluginsText(plugins.conftests);
    if (info.coverage) this.coverageSection(info.coverage);
    this.pluginsText(plugins.plugins);
    this.summaryDurations();
    this.shortTestSummary();
  }

  private interruptedLines(text: string, detail: string | undefined): void {
    this.writeSep('!', text, ...(/^stopping after \d+ failures$/.test(text) ? (['red'] as Markup[]) : []));
    if (detail) this.tw.write(detail);
  }

  // ---- progress ----

  private progressMessage(allDone = false): string {
    const reported = this.reportedIds.size;
    const total = allDone ? Math.max(reported, 1) : this.collected;
    if (!total) return ' [100%]';
    const pct = Math.min(Math.floor((reported * 100) / total), 100);
    return ` [${String(pct).padStart(3)}%]`;
  }

  private progressColor(): Markup {
    return mainColor(this.shownCounts, this.reportedIds.size >= this.collected);
  }

  private writeProgressFill(allDone = false): void {
    if (this.opts.captureNo) return;
    const msg = this.progressMessage(allDone);
    const fill = this.tw.fullwidth - this.tw.lineWidth - 1;
    this.tw.write(pyRjust(msg, fill), allDone ? mainColor(this.shownCounts, true) : this.progressColor());
  }

  private showResult(r: TestResult, teardownOutput?: () => void): void {
    // pytest-rerunfailures logs each attempt that is run again as a `rerun` report first
    for (const _ of r.attempts ?? []) this.showReport(r, RERUN, 'rerun');
    let hiddenShown = false;
    for (const sub of r.subtests ?? []) {
      const status = subtestStatus(sub, this.subtestVerbosity);
      if (status === null) continue;
      if (sub.hidden) {
        // pytest wrote it into the test's captured output; it still counts for the colour, and
        // in verbose mode the test's `id ` prefix line is left behind on its own.
        const category = subtestCategory(sub, this.subtestVerbosity);
        if (category) this.shownCounts[category] += 1;
        hiddenShown = true;
        continue;
      }
      this.showReport(r, status, sub);
    }
    if (hiddenShown && this.verbosity > 0) {
      this.tw.line();
      this.tw.write(this.locationLine(r) + ' ');
    }
    this.showReport(r, STATUS[r.outcome], false);
    // pytest prints the letter with the call's report; the teardown runs (and prints) after it
    teardownOutput?.();
    if (r.teardownError) this.showReport(r, TEARDOWN_ERROR, true);
  }

  private startFileLine(file: string): void {
    if (this.currentFsPath === file) return;
    if (this.currentFsPath !== null && !this.lineClosed) this.writeProgressFill();
    this.currentFsPath = file;
    if (!this.lineClosed) this.tw.line();
    this.lineClosed = false;
    this.tw.write(this.cwdRelative(file) + ' ');
  }

  /**
   * -s with one worker: test `id` is about to print. pytest wrote its line's start when the test
   * started (the file's, or under -v the id's), before the output; what the test prints goes
   * straight to the terminal, past the writer, as under pytest.
   */
  testOutput(id: string): void {
    if (this.heldHeader || id === '' || !this.opts.captureNo || this.workers !== 1) return;
    // (-q shows no file and no id: the output follows the last letter, as pytest's)
    if (this.verbosity < 0) return;
    if (this.verbosity === 0) return this.startFileLine(pathOfId(id));
    if (this.prefixBeforeOutput === id) return;
    this.tw.line();
    this.tw.write(this.cwdRelative(id) + ' ');
    this.prefixBeforeOutput = id;
    this.currentFsPath = id;
  }

  /**
   * One worker: a debugger in test `id` takes the terminal. pytest wrote the file's line so far
   * (its name when the file's first test started, then its letters) before the debugger's banner.
   */
  debuggerStarts(id: string): void {
    if (this.heldHeader || this.verbosity !== 0) return;
    const file = pathOfId(id);
    const pending = this.pendingByFile.get(file) ?? [];
    this.pendingByFile.delete(file);
    this.startFileLine(file);
    for (const r of pending) this.showResult(r);
  }

  /** `report`: false for the test's own outcome, true for its teardown error, `rerun` for an
   * earlier attempt, or one of its subtests. */
  private showReport(r: TestResult, status: Letter, report: boolean | SubtestReport | 'rerun'): void {
    const teardown = report === true;
    const rerun = report === 'rerun';
    const sub = typeof report === 'object' ? report : undefined;
    // pytest starts a file's line (closing the previous one) before the test reports.
    if (this.verbosity === 0) this.startFileLine(pathOfId(r.id));
    if (teardown) this.shownCounts.error += 1;
    else if (rerun) this.shownCounts.rerun += 1;
    else if (sub) {
      const category = subtestCategory(sub, this.subtestVerbosity);
      if (category) this.shownCounts[category] += 1;
    } else this.shownCounts[r.outcome] += 1;
    // pytest counts a test towards the progress when it finishes, or under -v at its first report
    if (!rerun || this.verbosity > 0) this.reportedIds.add(r.id);
    const isLast = this.reportedIds.size >= this.collected;
    if (this.verbosity <= 0) {
      this.tw.write(status.letter, status.color);
      if (!isLast && !this.opts.captureNo && this.tw.lineWidth + ' [100%]'.length + 1 >= this.tw.fullwidth) {
        this.tw.write(this.progressMessage() + '\n', this.progressColor());
      }
      return;
    }
    if (this.prefixBeforeOutput !== r.id) {
      this.tw.line();
      this.tw.write(this.locationLine(r) + ' ');
    }
    this.prefixBeforeOutput = null;
    this.tw.write(status.word, status.color);
    this.currentFsPath = r.id;
    const outcome = sub ? sub.outcome : r.outcome;
    if (!teardown && !rerun && (outcome === 'skipped' || outcome === 'xfailed' || outcome === 'xpassed')) {
      let reason = (sub ? sub.message : r.message) ?? '';
      reason = outcome === 'skipped' ? stripSkipped(reason) : reason.replace(/^reason: /, '');
      let formatted: string | null;
      if (this.verbosity < 2) {
        const available = this.tw.fullwidth - this.tw.lineWidth - ' [100%]'.length - 1;
        formatted = formatTrimmed(' ({})', reason, available);
      } else {
        formatted = ` (${reason})`;
      }
      // pytest's wrap_write: wrapped to the screen, which cuts (or loses) a reason after a long id
      if (reason && formatted !== null) this.tw.write(this.fence.inline(wrapAfter(formatted, this.tw.lineWidth, this.tw.fullwidth)));
    }
    this.writeProgressFill();
  }

  // ---- summary ----

  /**
   * pytest-cov writes these when the run loop ends, before pytest's final percentage, each as
   * `\nERROR: …\n`: the first newline ends the last progress line (already ended under -v here).
   */
  private coverageAfterRun(coverage: CoverageSummary | undefined): void {
    const messages = [coverage?.warning ? `WARNING: ${coverage.warning}` : null, coverage?.failure ? `ERROR: ${coverage.failure}` : null].filter(
      (m) => m !== null,
    );
    messages.forEach((message, i) => {
      this.tw.write(`${i > 0 || this.tw.lineWidth > 0 ? '\n' : ''}${message}\n`, 'red', 'bold');
    });
    // pytest's blank line before its summary, which a closed progress line would have skipped
    if (messages.length > 0) this.lineClosed = false;
  }

  /** What plugins wrote through pytest's terminal reporter, as they wrote it (their own lines
   * and separators, drawn to the console's width and colours by the worker), with the newline
   * that ends a progress line still open where the reporter would have written it. */
  private pluginsText(texts: readonly SummaryText[]): void {
    for (const { text, newlineAt } of texts) {
      const newline = newlineAt !== undefined && this.currentFsPath !== null;
      if (newlineAt !== undefined) this.currentFsPath = null;
      this.fence.block(newline ? `${text.slice(0, newlineAt)}\n${text.slice(newlineAt)}` : text);
    }
  }

  private coverageSection(coverage: CoverageSummary): void {
    if (!coverage.report && !coverage.required) return;
    this.writeSep('=', 'tests coverage');
    this.tw.write(coverage.report);
    if (coverage.required) this.tw.write(coverage.required.text, ...((coverage.required.failed ? ['red', 'bold'] : ['green']) as Markup[]));
  }

  private writeSep(sepchar: string, title: string, ...styles: Markup[]): void {
    this.ensureNewline();
    this.tw.sep(sepchar, title, ...styles);
  }

  private ensureNewline(): void {
    if (this.currentFsPath !== null) {
      this.tw.line();
      this.currentFsPath = null;
    }
  }

  /** The longrepr as pytest's toterminal writes it: with pytest's markup when the worker sent it
   * (`marked`), else with light colouring of `E` lines. */
  private renderLongrepr(text: string, marked?: string): string {
    if (this.tw.color && marked !== undefined) return (marked.endsWith('\n') ? marked.slice(0, -1) : marked) + '\n';
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    const lines = body.split('\n').map((l) => (l.startsWith('E ') ? this.tw.markup(l, 'bold', 'red') : l));
    return lines.join('\n') + '\n';
  }

  private renderSections(sections: [string, string][], filter: (name: string) => boolean): string {
    if (this.showCapture === 'no') return '';
    let out = '';
    for (const [name, content] of sections) {
      if (!filter(name)) continue;
      if (this.showCapture !== 'all' && !name.includes(this.showCapture)) continue;
      const dashed = new TermWriter((s) => (out += s), this.tw.color, this.tw.fullwidth);
      dashed.sep('-', name);
      out += (content.endsWith('\n') ? content.slice(0, -1) : content) + '\n';
    }
    return out;
  }

  private errorReports(): Report[] {
    const reports: Report[] = [];
    for (const r of this.inRunOrder()) {
      if (r.outcome === 'error') reports.push({ result: r, teardown: false });
      if (r.teardownError) reports.push({ result: r, teardown: true });
    }
    return reports;
  }

  private summaryErrors(): void {
    if (this.tb === 'no') return;
    const reports = this.errorReports();
    if (reports.length === 0 && this.collectionErrors.length === 0) return;
    this.writeSep('=', 'ERRORS');
    for (const e of this.collectionErrors) {
      this.tw.sep('_', `ERROR collecting ${e.file}`, 'red', 'bold');
      this.fence.block(this.renderLongrepr(e.message, e.messageMarkup));
    }
    for (const { result: r, teardown } of reports) {
      const when = teardown ? 'teardown' : r.when === 'call' ? 'setup' : r.when;
      const head = when === 'collect' ? `ERROR collecting ${headlineOf(r)}` : `ERROR at ${when} of ${headlineOf(r)}`;
      this.tw.sep('_', head, 'red', 'bold');
      const longrepr = teardown ? r.teardownError!.longrepr : (r.longrepr ?? r.message ?? '');
      const marked = teardown ? r.teardownError!.longreprMarkup : r.longreprMarkup;
      const sections = r.sections ?? [];
      // A setup error's report holds only the setup sections; a teardown's holds every phase.
      const filter = when === 'setup' ? (n: string) => n.includes('setup') : () => true;
      this.fence.block(this.renderLongrepr(longrepr, marked) + this.renderSections(sections, filter));
    }
  }

  /** Failed reports in pytest's order: each test's failed subtests, then the test if it failed. */
  private failedReports(): FailedReport[] {
    const reports: FailedReport[] = [];
    for (const r of this.inRunOrder()) {
      for (const subtest of r.subtests ?? []) if (subtest.outcome === 'failed') reports.push({ result: r, subtest });
      if (r.outcome === 'failed') reports.push({ result: r });
    }
    return reports;
  }

  private summaryFailures(): void {
    if (this.tb === 'no') return;
    const failed = this.failedReports();
    if (failed.length === 0) return;
    this.writeSep('=', 'FAILURES');
    for (const { result: r, subtest } of failed) {
      const report = subtest ?? r;
      const longrepr = report.longrepr ?? report.message ?? '';
      const sections = report.sections ?? [];
      if (this.tb === 'line') {
        // pytest: the report (with its captured output), then the crash line.
        let text = this.renderLongrepr(longrepr) + this.renderSections(sections, (n) => !n.includes('teardown'));
        if (report.crashline !== undefined) text += report.crashline + '\n';
        this.fence.block(text);
        continue;
      }
      // A subtest's head line is pytest's SubtestReport.head_line: the test's, then the subtest.
      const title = headlineOf(r);
      const headline = subtest ? `${title} ${subtest.description}` : title;
      this.tw.sep('_', headline, 'red', 'bold');
      let text = this.renderLongrepr(longrepr, report.longreprMarkup) + this.renderSections(sections, (n) => !n.includes('teardown'));
      // Teardown output follows, unless teardown failed (then it shows under ERRORS).
      if (!subtest && !r.teardownError) text += this.renderSections(sections, (n) => n.includes('teardown'));
      this.fence.block(text);
    }
  }

  private summaryPasses(outcome: 'passed' | 'xpassed', title: string, char: string): void {
    if (this.tb === 'no' || !this.reportChars.includes(char)) return;
    const reports = this.inRunOrder().filter((r) => r.outcome === outcome);
    if (reports.length === 0) return;
    this.writeSep('=', title);
    for (const r of reports) {
      const sections = r.sections ?? [];
      const callSections = sections.filter(([n]) => !n.includes('teardown'));
      let text = '';
      if (callSections.length > 0) {
        this.tw.sep('_', headlineOf(r), 'green', 'bold');
        text += this.renderSections(callSections, () => true);
      }
      if (!r.teardownError) text += this.renderSections(sections, (n) => n.includes('teardown'));
      this.fence.block(text);
    }
  }

  /** pytest-rerunfailures' `-rR` section: one line per attempt that was run again. */
  private summaryReruns(): void {
    if (!this.reportChars.includes('R') && !this.reportChars.includes('r')) return;
    const lines = this.inRunOrder().flatMap((r) => (r.attempts ?? []).map(() => `RERUN ${r.id}`));
    if (lines.length === 0) return;
    this.writeSep('=', 'rerun test summary info');
    this.fence.block(lines.map((l) => l + '\n').join(''));
  }

  private summaryDurations(): void {
    const n = this.opts.durations;
    if (n === undefined) return;
    const min = this.opts.durationsMin ?? (this.verbosity < 2 ? 0.005 : 0);
    // One entry per phase report, as pytest's stats hold them; results without phase times
    // (e.g. read back from JUnit) count as one `call`.
    const entries: { id: string; when: string; duration: number }[] = [];
    for (const r of this.inRunOrder()) {
      if (r.when === 'collect') continue;
      if (!r.phases) {
        entries.push({ id: r.id, when: 'call', duration: r.duration });
        continue;
      }
      for (const when of ['setup', 'call', 'teardown'] as const) {
        const d = r.phases[when];
        if (d !== undefined) entries.push({ id: r.id, when, duration: d });
      }
    }
    let list = entries.sort((a, b) => b.duration - a.duration);
    if (list.length === 0) return;
    if (!n) this.writeSep('=', 'slowest durations');
    else {
      this.writeSep('=', `slowest ${n} durations`);
      list = list.slice(0, n);
    }
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      if (r.duration < min) {
        this.tw.line('');
        let message = `(${list.length - i} durations < ${formatG(min)}s hidden.`;
        if (this.opts.durationsMin === undefined) message += '  Use -vv to show these durations.';
        this.tw.line(message + ')');
        break;
      }
      this.tw.line(`${pyFixed(r.duration, 2)}s ${r.when.padEnd(8)} ${r.id}`);
    }
  }

  /** `tests/a.py::` + bold `TestC::test_m`, as _get_node_id_with_markup. */
  private nodeIdMarked(id: string): string {
    id = this.cwdRelative(id);
    const sep = id.indexOf('::');
    if (sep === -1) return id;
    return id.slice(0, sep + 2) + this.tw.markup(id.slice(sep + 2), 'bold');
  }

  /** `FAILED id - message` (_get_line_with_reprcrash_message). */
  private lineWithMessage(word: string, color: Markup, id: string, message: string | undefined): string {
    return this.withMessage(`${this.tw.markup(word, color)} ${this.nodeIdMarked(id)}`, message);
  }

  /** pytest's `_get_line_with_reprcrash_message`: ` - message`, trimmed to the terminal's width. */
  private withMessage(line: string, message: string | undefined): string {
    if (message === undefined) return line;
    if (this.ci || this.verbosity >= 2) return `${line} - ${message}`;
    const trimmed = formatTrimmed(' - {}', message, this.tw.fullwidth - wcswidth(line));
    if (trimmed !== null) line += trimmed;
    return line;
  }

  private shortTestSummary(): void {
    if (!this.reportChars) return;
    const lines: string[] = [];
    const yellowWord = (w: string) => this.tw.markup(w, 'yellow');
    for (const ch of this.reportChars) {
      switch (ch) {
        case 'f':
          for (const { result: r, subtest } of this.failedReports()) {
            const word = subtest ? `SUBFAILED${subtest.description}` : 'FAILED';
            lines.push(this.lineWithMessage(word, colorForType('failed'), r.id, (subtest ?? r).message));
          }
          break;
        case 'E':
          for (const e of this.collectionErrors) lines.push(this.withMessage(`${this.tw.markup('ERROR', 'red')} ${this.cwdRelative(e.id ?? e.file)}`, e.crash));
          for (const { result: r, teardown } of this.errorReports()) {
            const message = teardown ? r.teardownError!.message : r.message;
            lines.push(this.lineWithMessage('ERROR', 'red', r.id, message));
          }
          break;
        case 'p':
          for (const r of this.inRunOrder()) {
            if (r.outcome === 'passed') lines.push(this.lineWithMessage('PASSED', 'green', r.id, undefined));
          }
          break;
        case 'x':
        case 'X':
          for (const r of this.inRunOrder()) {
            const wanted = ch === 'x' ? 'xfailed' : 'xpassed';
            // Subtests are in pytest's stats only when subtests are verbose.
            const subtests = this.subtestVerbosity === 0 ? [] : (r.subtests ?? []);
            for (const sub of subtests) {
              if (sub.outcome !== wanted) continue;
              const word = wanted === 'xfailed' ? `SUBXFAIL${sub.description}` : 'XPASS';
              lines.push(`${yellowWord(word)} ${this.nodeIdMarked(r.id)}${sub.message ? ` - ${sub.message}` : ''}`);
            }
            if (r.outcome !== wanted) continue;
            let line = `${yellowWord(ch === 'x' ? 'XFAIL' : 'XPASS')} ${this.nodeIdMarked(r.id)}`;
            if (r.message) line += ` - ${r.message}`;
            lines.push(line);
          }
          break;
        case 's': {
          const { folds, word } = this.foldedSkips();
          for (const fold of folds) {
            const where = fold.line === undefined ? fold.file : `${fold.file}:${fold.line}`;
            lines.push(`${yellowWord(word)} [${fold.count}] ${where}: ${fold.reason}`);
          }
          break;
        }
      }
    }
    if (lines.length === 0) return;
    this.writeSep('=', 'short test summary info', 'cyan', 'bold');
    this.fence.block(lines.map((l) => l + '\n').join(''));
  }

  /**
   * pytest's _folded_skips: skips with the same location and reason share a line. `word` is the
   * first skip report's (pytest uses it for every line): `SKIPPED`, or a subtest's `SUBSKIPPED(...)`.
   */
  private foldedSkips(): { folds: { count: number; file: string; line?: number; reason: string }[]; word: string } {
    const folds = new Map<string, { count: number; file: string; line?: number; reason: string }>();
    const skips: TestResult[] = [];
    let word: string | undefined;
    for (const r of this.inRunOrder()) {
      // A skipped subtest is in pytest's stats only when subtests are verbose.
      if (this.subtestVerbosity !== 0) {
        for (const sub of r.subtests ?? []) {
          if (sub.outcome !== 'skipped') continue;
          word ??= `SUBSKIPPED${sub.description}`;
          skips.push({ ...r, outcome: 'skipped', message: sub.message, longrepr: sub.longrepr });
        }
      }
      if (r.outcome === 'skipped') {
        word ??= 'SKIPPED';
        skips.push(r);
      }
    }
    for (const r of skips) {
      let file = r.file ?? pathOfId(r.id);
      let line = r.line;
      let reason = r.message ?? '';
      // A skip's longrepr is pytest's `path:lineno: reason`, naming where the skip was raised.
      const m = r.longrepr ? /^(.*?):(\d+): ([\s\S]*)$/.exec(r.longrepr) : null;
      if (m) {
        const inRootdir = this.relative(m[1]);
        // pytest's bestrelpath from the invocation dir, even for a file outside the rootdir
        file = isAbsolute(inRootdir) ? bestRelPath(this.relativeTo ?? this.rootdir, inRootdir) : this.cwdRelative(inRootdir);
        line = Number(m[2]);
        if (!r.message) reason = m[3];
      }
      reason = reason.startsWith('Skipped: ') ? reason.slice('Skipped: '.length) : reason;
      if (r.skipFileOnly) line = undefined;
      const key = JSON.stringify([file, line ?? null, reason]);
      const fold = folds.get(key);
      if (fold) fold.count += 1;
      else folds.set(key, { count: 1, file, line, reason });
    }
    return { folds: [...folds.values()], word: word ?? 'SKIPPED' };
  }

  /** The results in pytest's order (run-order.ts), sorted when a summary first needs them. */
  private inRunOrder(): TestResult[] {
    this.resultsInRunOrder ??= inRunOrder(this.results, this.opts.collectionOrder);
    return this.resultsInRunOrder;
  }

  /**
   * pytest's _locationline: the id, and under -vv the file that defines the test when it is not
   * the id's (an inherited test), as pytest's bestrelpath leaves a rootdir-relative path: unchanged.
   */
  private locationLine(r: TestResult): string {
    const line = this.cwdRelative(r.id);
    if (this.verbosity < 2 || r.file === undefined || r.file === pathOfId(r.id)) return line;
    return `${line} <- ${r.file}`;
  }

  /** pytest's cwd_relative_nodeid: the path part of a rootdir-relative id, relative to the cwd. */
  private cwdRelative(id: string): string {
    const cwd = this.relativeTo;
    if (cwd === null) return id;
    const at = id.indexOf('::');
    const path = at === -1 ? id : id.slice(0, at);
    if (isAbsolute(path)) return id;
    return bestRelPath(cwd, resolve(this.rootdir, path)) + (at === -1 ? '' : id.slice(at));
  }

  /** pytest's summary_warnings: warnings grouped by their text, each group under its locations. */
  private summaryWarnings(): void {
    if (this.opts.disableWarnings) return;
    const groups = new Map<string, string[]>();
    for (const w of this.configWarnings) {
      const where = w.nodeid || `${bestRelPath(this.opts.cwd ?? this.rootdir, resolve(this.rootdir, w.filename))}:${w.lineno}`;
      groups.set(w.message, [...(groups.get(w.message) ?? []), where]);
    }
    // pytest collects every module before it runs a test: what collecting warned comes first, in
    // the modules' collection order (a worker's collection warnings ride on whichever of its
    // results came first, another file's when it collected several), then what the tests warned
    const position = new Map<string, number>();
    for (const [at, id] of (this.opts.collectionOrder ?? []).entries()) if (!position.has(pathOfId(id))) position.set(pathOfId(id), at);
    const collecting: [WarningRecord, TestResult][] = [];
    const running: [WarningRecord, TestResult][] = [];
    // (a collection warning names its module; one a conftest's pytest_configure issued while
    // collecting has none: it belongs with the module its result is of)
    const collectedIn = ([w, r]: [WarningRecord, TestResult]) => {
      const module = w.module ?? pathOfId(r.id);
      // the session's start (initial conftests, pytest_configure); a conftest as pytest's walk
      // makes its directory's node, while collecting the directory above (before importing any
      // module there), outer directories' first
      if (module === '') return -1;
      if (module === 'conftest.py' || module.endsWith('/conftest.py')) {
        const parts = module.split('/');
        const above = parts.slice(0, -2).join('/');
        let first = Infinity;
        for (const [file, at] of position) if (at < first && (above === '' || file.startsWith(`${above}/`))) first = at;
        return first - 0.5 + (parts.length - 1) / 1000;
      }
      return position.get(module) ?? Infinity;
    };
    for (const r of this.inRunOrder()) for (const w of r.warnings ?? []) (raisedWhileCollecting(w) ? collecting : running).push([w, r]);
    for (const [w, r] of this.collectionWarningsOfDropped) collecting.push([w, r]);
    // (each warning's place computed once, not in every comparison)
    const places = new Map(collecting.map((entry) => [entry, collectedIn(entry)]));
    collecting.sort((a, b) => places.get(a)! - places.get(b)!);
    for (const [w, r] of [...collecting, ...running]) {
      const nodeid = w.nodeid ?? r.id;
      const where = nodeid || `${bestRelPath(this.opts.cwd ?? this.rootdir, resolve(this.rootdir, w.filename))}:${w.lineno}`;
      const group = groups.get(w.message);
      if (group) group.push(where);
      else groups.set(w.message, [where]);
    }
    if (groups.size === 0) return;
    this.writeSep('=', 'warnings summary', 'yellow');
    let text = '';
    for (const [message, locations] of groups) {
      let where: string;
      if (locations.length < 10) where = locations.join('\n');
      else {
        const perFile = new Map<string, number>();
        for (const loc of locations) {
          const file = loc.split('::', 1)[0];
          perFile.set(file, (perFile.get(file) ?? 0) + 1);
        }
        where = [...perFile].map(([file, n]) => `${file}: ${n} warning${n > 1 ? 's' : ''}`).join('\n');
      }
      const body = message.split(/\r\n|\r|\n/);
      if (body.length > 0 && body[body.length - 1] === '') body.pop();
      text += `${where}\n${body
        .map((l) => '  ' + l)
        .join('\n')
        .trimEnd()}\n\n`;
    }
    text += '-- Docs: https://docs.pytest.org/en/stable/how-to/capture-warnings.html\n';
    this.fence.block(text);
  }

  private relative(path: string): string {
    const root = this.rootdir.replace(/\/$/, '');
    return root && path.startsWith(root + '/') ? path.slice(root.length + 1) : path;
  }

  private summaryStats(seconds: number): void {
    if (this.verbosity < -1) return;
    const line = closingLine(this.counts, seconds, this.tw.fullwidth, {
      color: this.tw.color,
      verbosity: this.verbosity,
      collected: this.opts.collectOnly ? this.collected + this.counts.deselected : undefined,
    });
    this.ensureNewline();
    this.tw.writeMarked(line + '\n', '\n');
  }
}

/** pytest's bestrelpath: `to` relative to the directory `from` ('.' when they are the same). */
function bestRelPath(from: string, to: string): string {
  if (resolve(from) === resolve(to)) return '.';
  return relative(from, to).split(sep).join('/');
}

/** Python's `{x:g}` for the small positive numbers durations-min takes. */
function formatG(x: number): string {
  return String(Number(x.toPrecision(6)));
}
