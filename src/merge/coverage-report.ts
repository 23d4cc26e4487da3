// Markdown for combined coverage (the Action's merge): the total, its change against the default
// branch's last total, the coverage of the lines a pull request changed, and the files with the
// most missed lines. File names come from coverage data the tests' jobs wrote: untrusted, so
// always in code spans. Bounded: the section fits in SECTION_MAX_BYTES, the comment lines in a
// few kilobytes.
import type { CombinedCoverageFile } from '../coverage/session.js';
import { inlineCode, tableCode } from '../report/markdown.js';
import type { CoverageBaseline } from '../shard/timings.js';

export interface ChangedLinesCoverage {
  /** Changed lines coverage.py measures (statements), and those of them that ran. */
  measurable: number;
  covered: number;
  /** Changed files with a changed line that did not run, most such lines first. */
  files: { file: string; uncovered: number[] }[];
}

export interface CoverageReportData {
  total: number;
  /** The total as coverage.py displays it (`87.5`). */
  totalText: string;
  precision: number;
  files: CombinedCoverageFile[];
  /** The default branch's last total (the timings store), when known. */
  baseline?: CoverageBaseline;
  /** The pull request's changed lines, or why they are not measured. */
  changed?: ChangedLinesCoverage | { reason: string };
  /** pytest-cov's fail-under lines. */
  failure?: string | null;
  required?: string | null;
}

export const SECTION_MAX_BYTES = 64 * 1024;
/** Rows of the per-file table, at most. */
export const TABLE_ROWS = 50;
const FILE_CHARS = 200;

/** `3-5, 9, 12-14`, at most `max` ranges then `…`. */
export function lineRanges(lines: number[], max = 20): string {
  const ranges: string[] = [];
  const sorted = [...lines].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    ranges.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return ranges.length > max ? `${ranges.slice(0, max).join(', ')}, …` : ranges.join(', ');
}

interface MeasuredLines {
  executed_lines?: number[];
  missing_lines?: number[];
}

/** The changed lines coverage.py measured (`files`: coverage.json's `files`, by rootdir-relative name). */
export function changedLinesCoverage(changed: ReadonlyMap<string, number[]>, files: Readonly<Record<string, MeasuredLines>>): ChangedLinesCoverage {
  let measurable = 0;
  let covered = 0;
  const uncoveredFiles: { file: string; uncovered: number[] }[] = [];
  for (const [file, lines] of changed) {
    const measured = files[file];
    if (!measured) continue;
    const executed = new Set(measured.executed_lines ?? []);
    const missing = new Set(measured.missing_lines ?? []);
    const uncovered: number[] = [];
    for (const line of lines) {
      if (executed.has(line)) {
        measurable++;
        covered++;
      } else if (missing.has(line)) {
        measurable++;
        uncovered.push(line);
      }
    }
    if (uncovered.length > 0) uncoveredFiles.push({ file, uncovered });
  }
  uncoveredFiles.sort((a, b) => b.uncovered.length - a.uncovered.length || (a.file < b.file ? -1 : 1));
  return { measurable, covered, files: uncoveredFiles };
}

function percent(covered: number, of: number, precision: number): string {
  return of === 0 ? '100' : ((100 * covered) / of).toFixed(precision);
}

/** `+1.2`, `-0.4`, `±0.0` percentage points. */
function deltaText(data: CoverageReportData): string | undefined {
  if (data.baseline === undefined) return undefined;
  const digits = Math.max(1, data.precision);
  const delta = data.total - data.baseline.total;
  const shown = Math.abs(delta).toFixed(digits);
  const sign = Number(shown) === 0 ? '±' : delta > 0 ? '+' : '-';
  return `${sign}${shown} points against the default branch (${data.baseline.total.toFixed(data.precision)}%${data.baseline.sha ? ` at ${data.baseline.sha.slice(0, 7)}` : ''})`;
}

function changedText(data: CoverageReportData): string | undefined {
  const changed = data.changed;
  if (changed === undefined) return undefined;
  if ('reason' in changed) return `Changed lines: not measured (${changed.reason})`;
  if (changed.measurable === 0) return 'Changed lines: no changed line is a measured statement';
  return `Changed lines: **${percent(changed.covered, changed.measurable, data.precision)}%** (${changed.covered} of ${changed.measurable} changed statements ran)`;
}

function headline(data: CoverageReportData): string {
  const delta = deltaText(data);
  return `Coverage: **${data.totalText}%**${delta ? `, ${delta}` : ''}`;
}

/** The job summary's coverage section (`### Coverage` …), at most `maxBytes`. */
export function coverageSection(data: CoverageReportData, maxBytes: number = SECTION_MAX_BYTES): string {
  const lines = [`### ${headline(data)}`, ''];
  if (data.failure) lines.push(`:x: ${inlineCode(data.failure)}`, '');
  else if (data.required) lines.push(`${inlineCode(data.required)}`, '');
  const changed = changedText(data);
  if (changed) lines.push(changed, '');
  if (data.changed && !('reason' in data.changed) && data.changed.files.length > 0) {
    lines.push('| file | changed lines not run |', '|---|---|');
    for (const f of data.changed.files.slice(0, 20)) lines.push(`| ${tableCode(f.file, FILE_CHARS)} | ${lineRanges(f.uncovered)} |`);
    if (data.changed.files.length > 20) lines.push(`| … ${data.changed.files.length - 20} more | |`);
    lines.push('');
  }
  const rows = [...data.files].filter((f) => f.missing > 0 || f.partialBranches > 0);
  rows.sort((a, b) => b.missing - a.missing || b.partialBranches - a.partialBranches || (a.file < b.file ? -1 : 1));
  const branches = data.files.some((f) => f.branches > 0);
  const head = branches
    ? ['| file | statements | missed | branches | partial | cover |', '|---|---:|---:|---:|---:|---:|']
    : ['| file | statements | missed | cover |', '|---|---:|---:|---:|'];
  const body: string[] = [];
  const fixed = Buffer.byteLength(lines.join('\n')) + Buffer.byteLength(head.join('\n')) + 300;
  let used = fixed;
  for (const f of rows.slice(0, TABLE_ROWS)) {
    const cells = branches
      ? [tableCode(f.file, FILE_CHARS), f.statements, f.missing, f.branches, f.partialBranches, `${f.percent.toFixed(data.precision)}%`]
      : [tableCode(f.file, FILE_CHARS), f.statements, f.missing, `${f.percent.toFixed(data.precision)}%`];
    const row = `| ${cells.join(' | ')} |`;
    if (used + Buffer.byteLength(row) + 1 > maxBytes) break;
    body.push(row);
    used += Buffer.byteLength(row) + 1;
  }
  const full = data.files.length - rows.length;
  if (body.length > 0) {
    lines.push(...head, ...body);
    const left = rows.length - body.length;
    lines.push(
      '',
      `${left > 0 ? `${left} more file(s) with missed lines not shown; ` : ''}${full} of ${data.files.length} file(s) fully covered. Full reports: \`coverage.xml\`, \`lcov.info\`.`,
    );
  } else {
    lines.push(`All ${data.files.length} measured file(s) fully covered.`);
  }
  return `${lines.join('\n')}\n`;
}

/** The PR comment's coverage lines: total and change, changed lines, at most 5 files. */
export function coverageCommentLines(data: CoverageReportData): string[] {
  const out = [`**${headline(data)}**`];
  if (data.failure) out.push(`:x: ${inlineCode(data.failure)}`);
  const changed = changedText(data);
  if (changed) out.push(changed);
  if (data.changed && !('reason' in data.changed)) {
    for (const f of data.changed.files.slice(0, 5)) out.push(`- ${inlineCode(f.file, FILE_CHARS)}: lines ${lineRanges(f.uncovered, 10)} did not run`);
    if (data.changed.files.length > 5) out.push(`- … and ${data.changed.files.length - 5} more file(s) in the job summary`);
  }
  return out;
}
