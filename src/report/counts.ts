// Tallies and the closing line, as pytest's terminal reporter builds them
// (_pytest/terminal.py: _build_normal_summary_stats_line, summary_stats, format_session_duration).

import { pathOfId } from '../nodeid.js';
import type { CollectionError, SubtestReport, TestResult } from '../types.js';
import { markup, pyFixed, sepLine, type Markup } from './color.js';

/** Counts per pytest stats key. A teardown error adds one `error`; collection errors are `error`s;
 * each recorded warning adds one to `warnings`. */
export interface Counts {
  failed: number;
  passed: number;
  skipped: number;
  deselected: number;
  xfailed: number;
  xpassed: number;
  warnings: number;
  error: number;
  /** pytest 9's `subtests passed`: passed subtests, counted only when subtests are verbose. */
  subtestsPassed: number;
  /** pytest-rerunfailures' `rerun`: attempts that failed and were run again. */
  rerun: number;
}

/** pytest's KNOWN_TYPES order: the order the closing line lists categories in (then the
 * categories pytest does not know, such as `subtests passed`). */
export const COUNT_ORDER: readonly (keyof Counts)[] = [
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
const COUNT_LABEL: Partial<Record<keyof Counts, string>> = { subtestsPassed: 'subtests passed' };

/** Categories pytest's terminal reporter does not know: seeing one turns a green line yellow. */
const UNKNOWN_TYPES: readonly (keyof Counts)[] = ['subtestsPassed', 'rerun'];

export function emptyCounts(): Counts {
  return { failed: 0, passed: 0, skipped: 0, deselected: 0, xfailed: 0, xpassed: 0, warnings: 0, error: 0, subtestsPassed: 0, rerun: 0 };
}

/**
 * The stats category of a subtest report (pytest 9's subtests plugin, pytest_report_teststatus),
 * or null when it is not counted: with subtest verbosity 0 only failures count.
 */
export function subtestCategory(report: SubtestReport, subtestVerbosity: number): keyof Counts | null {
  if (report.outcome === 'failed') return 'failed';
  if (subtestVerbosity === 0) return null;
  return report.outcome === 'passed' ? 'subtestsPassed' : report.outcome;
}

/** Adds one result to the tally in place. `subtestVerbosity`: pytest's verbosity for
 * subtests (its global verbosity unless `verbosity_subtests` says otherwise). */
export function addResult(counts: Counts, result: TestResult, subtestVerbosity = 0): void {
  if (result.subtests) {
    for (const sub of result.subtests) {
      const category = subtestCategory(sub, subtestVerbosity);
      if (category) counts[category] += 1;
    }
  }
  counts[result.outcome === 'error' ? 'error' : result.outcome] += 1;
  if (result.teardownError) counts.error += 1;
  if (result.warnings) counts.warnings += result.warnings.length;
  if (result.attempts) counts.rerun += result.attempts.length;
}

export function countResults(
  results: Iterable<TestResult>,
  errors: Iterable<CollectionError> = [],
  extra: { deselected?: number; warnings?: number; subtestVerbosity?: number } = {},
): Counts {
  const counts = emptyCounts();
  for (const r of results) addResult(counts, r, extra.subtestVerbosity ?? 0);
  for (const _ of errors) counts.error += 1;
  counts.deselected += extra.deselected ?? 0;
  counts.warnings += extra.warnings ?? 0;
  return counts;
}

const COLOR_FOR_TYPE: Partial<Record<keyof Counts, Markup>> = {
  failed: 'red',
  error: 'red',
  warnings: 'yellow',
  passed: 'green',
  subtestsPassed: 'green',
};
const DEFAULT_COLOR: Markup = 'yellow';

export function colorForType(key: keyof Counts): Markup {
  return COLOR_FOR_TYPE[key] ?? DEFAULT_COLOR;
}

/**
 * The closing line's colour (_determine_main_color). `finished` false means tests are still
 * running, when pytest keeps green until something fails.
 */
export function mainColor(counts: Counts, finished = true): Markup {
  if (counts.failed > 0 || counts.error > 0) return 'red';
  if (counts.warnings > 0 || counts.xpassed > 0 || UNKNOWN_TYPES.some((k) => counts[k] > 0)) return 'yellow';
  if (counts.passed > 0 || !finished) return 'green';
  return 'yellow';
}

/** pytest's pluralize: only `error`, `warnings` and `test` change with the count. */
export function pluralize(count: number, noun: string): string {
  if (noun !== 'error' && noun !== 'warnings' && noun !== 'test') return `${count} ${noun}`;
  const singular = noun === 'warnings' ? 'warning' : noun;
  return `${count} ${count === 1 ? singular : singular + 's'}`;
}

export interface SummaryPart {
  text: string;
  color: Markup;
  bold: boolean;
}

/** The parts of the closing line, e.g. `7 failed`, `9 passed`, and its main colour. */
export function summaryParts(counts: Counts): { parts: SummaryPart[]; main: Markup } {
  const main = mainColor(counts);
  const parts: SummaryPart[] = [];
  for (const key of COUNT_ORDER) {
    const n = counts[key];
    if (n > 0) {
      const color = colorForType(key);
      parts.push({ text: pluralize(n, COUNT_LABEL[key] ?? key), color, bold: color === main });
    }
  }
  if (parts.length === 0) parts.push({ text: 'no tests ran', color: DEFAULT_COLOR, bold: false });
  return { parts, main };
}

/** Python's str(datetime.timedelta(seconds=int(s))): `0:01:05`, `1 day, 2:03:04`. */
function timedelta(totalSeconds: number): string {
  const days = Math.floor(totalSeconds / 86400);
  const rest = totalSeconds - days * 86400;
  const h = Math.floor(rest / 3600);
  const m = Math.floor((rest % 3600) / 60);
  const s = rest % 60;
  const clock = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return days > 0 ? `${days} day${days === 1 ? '' : 's'}, ${clock}` : clock;
}

/** `0.52s`, or `65.30s (0:01:05)` from a minute on. */
export function formatSessionDuration(seconds: number): string {
  if (seconds < 60) return `${pyFixed(seconds, 2)}s`;
  return `${pyFixed(seconds, 2)}s (${timedelta(Math.trunc(seconds))})`;
}

/** `--collect-only -qq`: pytest's count of the ids of each file, by file name, a line each. */
export function countsPerFile(ids: readonly string[]): string {
  const perFile = new Map<string, number>();
  for (const id of ids) perFile.set(pathOfId(id), (perFile.get(pathOfId(id)) ?? 0) + 1);
  return [...perFile.keys()]
    .sort()
    .map((file) => `${file}: ${perFile.get(file)}\n`)
    .join('');
}

/**
 * pytest's closing line of `--collect-only` (_build_collect_only_summary_stats_line):
 * `3/10 tests collected (7 deselected), 1 error`. `collected` counts the deselected too.
 */
export function collectOnlyParts(collected: number, deselected: number, errors: number): { parts: SummaryPart[]; main: Markup } {
  let main: Markup = collected === 0 || collected === deselected ? 'yellow' : 'green';
  const text =
    collected === 0
      ? 'no tests collected'
      : deselected === 0
        ? `${pluralize(collected, 'test')} collected`
        : collected === deselected
          ? `no tests collected (${deselected} deselected)`
          : `${collected - deselected}/${pluralize(collected, 'test')} collected (${deselected} deselected)`;
  const parts: SummaryPart[] = [{ text, color: main, bold: false }];
  if (errors > 0) {
    main = 'red';
    parts.push({ text: pluralize(errors, 'error'), color: main, bold: false });
  }
  return { parts, main };
}

export interface ClosingLineOptions {
  color?: boolean;
  /** pytest verbosity: below 0 the line has no `=` fill; below -1 pytest prints nothing (''). */
  verbosity?: number;
  /** `--collect-only`: the items collected, deselected ones included; the line is collectOnlyParts'. */
  collected?: number;
}

/**
 * The last line of a run, without the newline:
 * `==== 1 failed, 99 passed, 2 skipped, 1 xfailed in 0.52s ====`, centred in `width`.
 */
export function closingLine(counts: Counts, seconds: number, width = 80, opts: ClosingLineOptions = {}): string {
  const color = opts.color ?? false;
  const verbosity = opts.verbosity ?? 0;
  if (verbosity < -1) return '';
  const { parts, main } = opts.collected !== undefined ? collectOnlyParts(opts.collected, counts.deselected, counts.error) : summaryParts(counts);
  const displaySep = verbosity >= 0;
  let fullwidth = width;
  const rendered = parts.map((p) => {
    const styles: Markup[] = p.bold ? [p.color, 'bold'] : [p.color];
    const withMarkup = markup(p.text, color, ...styles);
    fullwidth += withMarkup.length - p.text.length;
    return withMarkup;
  });
  let msg = rendered.join(', ');
  const duration = ` in ${formatSessionDuration(seconds)}`;
  const durationMarked = markup(duration, color, main);
  fullwidth += durationMarked.length - duration.length;
  msg += durationMarked;
  if (!displaySep) return markup(msg, color, main);
  // pytest re-opens the main colour after the last reset so the right-hand fill is coloured too.
  const reopen = color ? `\x1b[${main === 'red' ? 31 : main === 'green' ? 32 : 33}m` : '';
  fullwidth += reopen.length;
  msg += reopen;
  return markup(sepLine('=', msg, fullwidth), color, main);
}
