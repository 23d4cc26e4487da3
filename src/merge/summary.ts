// Markdown for a GitHub job summary of a merged run: totals, failures first, slowest tests,
// shard balance. Always under the size GitHub accepts for a step summary (1 MiB).
import type { JUnitCase } from './junit-read.js';
import { codeBlock, cutChars, inlineCode, tableCode } from '../report/markdown.js';
import type { MergeResult } from './merge.js';
import { comparedWithHistory, fixedSection, flakiestSection, flakySection, inlineIds, isKnownFailure } from './flaky-report.js';

/** GitHub rejects step summaries over 1 MiB; stay a little below it. */
export const DEFAULT_SUMMARY_MAX_BYTES = 1024 * 1024 - 4096;

export interface SummaryOptions {
  maxBytes?: number;
  /** How many slowest tests to list (default 10). */
  slowest?: number;
  /** Lines of each failure message to show (default 12). */
  messageLines?: number;
  title?: string;
  /** The URL of a failure's line in the code, if it has one (the Action links to the commit). */
  link?: (file: string, line: number | undefined) => string | undefined;
  /** Lines (our own words, not JUnit text) quoted under the heading, e.g. the verdict's note. */
  notes?: string[];
}

const MAX_LINE_CHARS = 300;

export function renderSummary(result: MergeResult, opts: SummaryOptions = {}): string {
  const maxBytes = opts.maxBytes ?? DEFAULT_SUMMARY_MAX_BYTES;
  const sections: string[] = [];
  const seconds = result.shards.reduce((s, sh) => Math.max(s, sh.wallSeconds ?? sh.seconds), 0);
  sections.push(
    `## ${opts.title ?? 'fastest'}: ${totalsLine(result)} in ${seconds.toFixed(2)}s (${result.shards.length} ${result.shards.length === 1 ? 'file' : 'files'})\n`,
  );
  if (opts.notes?.length) sections.push(opts.notes.map((n) => `> ${n}\n`).join(''));

  const problems: string[] = [];
  if (result.missing.length > 0) problems.push(`- :warning: **${result.missing.length} planned test(s) have no result**: ${inlineList(result.missing, 20)}`);
  if (result.duplicateCount > 0)
    problems.push(`- :warning: **${result.duplicateCount} test(s) ran more than once**: ${inlineList(result.duplicates, 20, result.duplicateCount)}`);
  if (result.notCollected?.length)
    problems.push(
      `- ${result.notCollected.length} planned test(s) not collected (their modules do not define them; not counted): ${inlineList(result.notCollected, 10)}`,
    );
  if (result.unexpectedCount > 0)
    problems.push(`- ${result.unexpectedCount} result(s) not in the plan: ${inlineList(result.unexpected, 10, result.unexpectedCount)}`);
  for (const bad of result.malformed.slice(0, 20)) problems.push(`- :warning: skipped malformed ${inlineCode(bad.file)}: ${inlineCode(bad.error)}`);
  if (result.malformed.length > 20) problems.push(`- ... and ${result.malformed.length - 20} more malformed files`);
  if (problems.length > 0) sections.push(`${problems.join('\n')}\n`);

  // The merge keeps the first FAILURES_KEPT failures: more than fit in the summary. With the
  // default branch's history, new failures lead and the known ones follow under their own heading.
  const entry = (c: JUnitCase): string => failureEntry(c, opts.messageLines ?? 12, opts.link);
  const known = comparedWithHistory(result) ? result.known : undefined;
  const failureGroups =
    known === undefined
      ? [{ header: `### Failures (${result.failureCount})\n`, entries: result.failures.map(entry), count: result.failureCount }]
      : [
          {
            header: `### New failures (${known.newCount})\n`,
            entries: result.failures.filter((c) => !isKnownFailure(result, c)).map(entry),
            count: known.newCount,
          },
          {
            header: `### Still failing (${known.stillFailingCount}): failing on the default branch too\n`,
            entries: result.failures.filter((c) => isKnownFailure(result, c)).map(entry),
            count: known.stillFailingCount,
          },
        ].filter((g) => g.count > 0);

  const slowest = result.slowest.slice(0, opts.slowest ?? 10);
  const slowSection =
    slowest.length === 0
      ? ''
      : `### Slowest tests\n\n| seconds | test |\n|---:|---|\n${slowest.map((c) => `| ${c.seconds.toFixed(3)} | ${tableCode(c.id)} |`).join('\n')}\n`;
  const balanceSection = shardBalance(result);

  // Failures come first but may be cut; the fixed-size sections after them always fit.
  const tail = [fixedSection(result), flakySection(result), flakiestSection(result), slowSection, balanceSection].filter((s) => s !== '').join('\n');
  const head = sections.join('\n');
  const noteRoom = 200;
  let budget = maxBytes - byteLength(head) - byteLength(tail) - noteRoom;
  for (const group of failureGroups) {
    if (group.entries.length === 0 && group.count === 0) continue;
    const shown: string[] = [];
    budget -= byteLength(group.header);
    for (const entry of group.entries) {
      const size = byteLength(entry) + 1;
      if (size > budget) break;
      shown.push(entry);
      budget -= size;
    }
    const cut = group.count - shown.length;
    const note = cut > 0 ? `\n_${cut} more failure(s) not shown: the summary is limited to ${maxBytes} bytes. See the merged JUnit file._\n` : '';
    sections.push(`${group.header}\n${shown.join('\n')}${note}`);
    budget -= byteLength(note);
  }
  let out = [...sections, tail].filter((s) => s !== '').join('\n');
  if (byteLength(out) > maxBytes) out = truncateBytes(out, maxBytes - noteRoom) + '\n\n_Summary truncated to fit the size limit._\n';
  return out;
}

function totalsLine(result: MergeResult): string {
  const parts = totalsParts(result);
  return parts.length > 0 ? parts.join(', ') : 'no tests ran';
}

/** `3 failed`, `10 passed`, ... `1 missing`: the non-zero totals of a merged run, in pytest's order. */
export function totalsParts(result: MergeResult): string[] {
  const { counts } = result;
  const parts: string[] = [];
  const add = (n: number, word: string): void => {
    if (n > 0) parts.push(`${n} ${word}`);
  };
  add(counts.failed, 'failed');
  add(counts.passed, 'passed');
  add(result.retries?.flakyCount ?? 0, 'flaky');
  add(counts.skipped, 'skipped');
  add(counts.xfailed, 'xfailed');
  add(counts.xpassed, 'xpassed');
  add(counts.error + counts.teardownErrors, counts.error + counts.teardownErrors === 1 ? 'error' : 'errors');
  if (result.missing.length > 0) parts.push(`${result.missing.length} missing`);
  return parts;
}

function failureEntry(c: JUnitCase, lines: number, link: SummaryOptions['link']): string {
  const where = inlineCode(c.line !== undefined ? `${c.file}:${c.line}` : c.file);
  const url = link?.(c.file, c.line);
  const label = c.outcome === 'error' ? 'ERROR' : c.teardownError ? 'FAILED (and teardown error)' : 'FAILED';
  const body = [c.message, c.details, c.teardownError?.message].filter((s): s is string => s !== undefined && s !== '');
  const excerpt = body
    .join('\n')
    .split('\n')
    .slice(0, lines)
    .map((l) => cutChars(l, MAX_LINE_CHARS))
    .join('\n');
  const heading = `- **${label}** ${inlineCode(c.id)} at ${url !== undefined ? `[${where}](${url})` : where}`;
  return excerpt === '' ? heading : `${heading}\n${codeBlock(excerpt)}`;
}

function shardBalance(result: MergeResult): string {
  if (result.shards.length === 0) return '';
  const rows = result.shards.map((s) => {
    const actual = s.wallSeconds ?? s.seconds;
    return `| ${s.shard ?? ''} | ${tableCode(s.file)} | ${s.tests} | ${s.predicted !== undefined ? s.predicted.toFixed(1) : ''} | ${actual.toFixed(1)} |`;
  });
  const actuals = result.shards.map((s) => s.wallSeconds ?? s.seconds);
  const mean = actuals.reduce((a, b) => a + b, 0) / actuals.length;
  const ratio = mean > 0 ? Math.max(...actuals) / mean : 1;
  const shown = rows.length > 300 ? [...rows.slice(0, 300), `| | ... ${rows.length - 300} more | | | |`] : rows;
  return `### Shard balance\n\nImbalance (slowest / mean): **${ratio.toFixed(2)}**\n\n| shard | file | tests | predicted s | actual s |\n|---:|---|---:|---:|---:|\n${shown.join('\n')}\n`;
}

function inlineList(ids: string[], limit: number, total: number = ids.length): string {
  return inlineIds(ids, limit, total);
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * The whole lines of `text` that fit in `maxBytes`: a cut inside a line could leave a code span
 * open, and what followed its backticks would render as Markdown.
 */
function truncateBytes(text: string, maxBytes: number): string {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= maxBytes) return text;
  const lastBreak = buf.lastIndexOf(0x0a, maxBytes);
  return buf.subarray(0, Math.max(0, lastBreak)).toString('utf8');
}
