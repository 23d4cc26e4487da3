// pytest-cov's command-line interface (pytest-cov 7.1: plugin.py), parsed by fastest itself so
// that `--cov` works whether or not pytest-cov is installed; coverage.py does the measuring.
import { ConfigError as UsageError } from '../config/errors.js';

export const FILE_REPORTS = ['annotate', 'html', 'xml', 'json', 'markdown', 'markdown-append', 'lcov'] as const;
export const TERM_REPORTS = ['term', 'term-missing'] as const;

export interface CoverageOptions {
  /** `--cov` values in order; `true` for a bare `--cov` (no source filter). */
  sources: (string | true)[];
  /** `--cov-report` TYPE -> DEST (or `skip-covered` for term reports), in the order given. */
  reports: Record<string, string | null>;
  config: string;
  branch: boolean | null;
  failUnder: number | null;
  precision: number | null;
  append: boolean;
  context: 'test' | null;
  noCov: boolean;
  noCovOnFail: boolean;
  /** A `--cov…` option after `--no-cov`: pytest-cov prints a warning about it. */
  noCovShouldWarn: boolean;
}

export function defaultCoverageOptions(): CoverageOptions {
  return {
    sources: [], reports: {}, config: '.coveragerc', branch: null, failUnder: null, precision: null,
    append: false, context: null, noCov: false, noCovOnFail: false, noCovShouldWarn: false,
  };
}

const ALL_REPORTS: readonly string[] = [...TERM_REPORTS, ...FILE_REPORTS];

/** pytest-cov's validate_report and StoreReport. */
export function addReport(cov: CoverageOptions, arg: string, flag: string): void {
  const colon = arg.indexOf(':');
  const type = colon >= 0 ? arg.slice(0, colon) : arg;
  const list = `[${ALL_REPORTS.map((r) => `'${r}'`).join(', ')}]`;
  if (type !== '' && !ALL_REPORTS.includes(type)) throw new UsageError(`argument ${flag}: invalid choice: "${arg}" (choose from "${list}")`);
  let dest: string | null = null;
  if (colon >= 0) {
    const modifier = arg.slice(colon + 1);
    if ((TERM_REPORTS as readonly string[]).includes(type) && modifier === 'skip-covered') {
      dest = modifier;
    } else if (!(FILE_REPORTS as readonly string[]).includes(type)) {
      throw new UsageError(`argument ${flag}: output specifier not supported for: "${arg}" (choose from "[${FILE_REPORTS.map((r) => `'${r}'`).join(', ')}]")`);
    } else {
      dest = modifier;
    }
  }
  // coverage.py has no default file for Markdown
  if ((type === 'markdown' || type === 'markdown-append') && dest === null) dest = 'coverage.md';
  cov.reports[type] = dest;
  if ('markdown' in cov.reports && 'markdown-append' in cov.reports && cov.reports.markdown === cov.reports['markdown-append']) {
    throw new UsageError(
      `markdown and markdown-append options cannot point to the same file: '${cov.reports.markdown}'. Please redirect one of them using :DEST (e.g. --cov-report=markdown:dest_file.md)`,
    );
  }
}

/** pytest-cov's validate_fail_under. */
export function failUnderValue(value: string, flag: string): number {
  const n = /^\s*[-+]?\d+\s*$/.test(value) ? parseInt(value, 10) : Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`argument ${flag}: An integer or float value is required.`);
  if (n > 100) {
    throw new UsageError(`argument ${flag}: Your desire for over-achievement is admirable but misplaced. The maximum value is 100. Perhaps write more integration tests?`);
  }
  return n;
}

export function contextValue(value: string, flag: string): 'test' {
  if (value !== 'test') throw new UsageError(`argument ${flag}: The only supported value is "test".`);
  return value;
}

/** Whether the run measures: some `--cov` and no `--no-cov` (pytest-cov's plugin is active). */
export function coverageActive(cov: CoverageOptions): boolean {
  return cov.sources.length > 0 && !cov.noCov;
}

/** The source filter: none when any `--cov` was bare (`--cov --cov=pkg` is `--cov`). */
export function coverageSources(cov: CoverageOptions): string[] | null {
  return cov.sources.includes(true) ? null : cov.sources.filter((s): s is string => s !== true);
}

/** The reports to make: `term` when none is named, none for a lone `--cov-report=`. */
export function coverageReports(cov: CoverageOptions): Record<string, string | null> {
  const names = Object.keys(cov.reports);
  if (names.length === 0) return { term: null };
  if (names.length === 1 && names[0] === '') return {};
  return cov.reports;
}
