// Markdown the merge job publishes: the job summary (merge/summary.ts with file:line links to the
// code) and the sticky PR comment. Both stay under GitHub's limits: 1 MiB for a step summary,
// 65,536 characters for a comment.
import type { JUnitCase } from '../merge/junit-read.js';
import type { MergeResult } from '../merge/merge.js';
import { inlineCode } from '../report/markdown.js';
import { comparedWithHistory, inlineIds, isKnownFailure } from '../merge/flaky-report.js';
import { DEFAULT_SUMMARY_MAX_BYTES, renderSummary, totalsParts } from '../merge/summary.js';
import { repoPath } from './annotations.js';

export const SUMMARY_MAX_BYTES = DEFAULT_SUMMARY_MAX_BYTES;
export const COMMENT_MAX_CHARS = 65_536;

export interface LinkContext {
  serverUrl: string;
  repository: string;
  sha: string;
  workspace: string;
  workingDirectory: string;
}

/**
 * The URL of `file` (rootdir-relative, from a JUnit file) at `line` in the repository at the
 * commit; undefined when the path leaves the repository (`..`), which a browser would resolve to
 * another page.
 */
export function codeLink(ctx: LinkContext, file: string, line: number | undefined): string | undefined {
  const rel = repoPath(ctx.workspace, ctx.workingDirectory, file);
  const segments = rel.split('/');
  if (rel === '' || rel.startsWith('/') || segments.some((s) => s === '..' || s === '.' || s === '')) return undefined;
  // encodeURIComponent leaves ( ) ' ! * as they are; ( ) would end a Markdown link destination.
  const path = segments.map((s) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
  return `${ctx.serverUrl}/${ctx.repository}/blob/${ctx.sha}/${path}${line !== undefined ? `#L${line}` : ''}`;
}

/** The job summary, with links, and `notes` (e.g. about annotations) after the heading. */
export function jobSummary(result: MergeResult, ctx: LinkContext, notes: string[], maxBytes: number = SUMMARY_MAX_BYTES): string {
  const noteText = notes.map((n) => `> ${n}\n`).join('');
  // Links make each failure longer: render smaller until the linked text fits.
  let budget = maxBytes - Buffer.byteLength(noteText) - 1024;
  for (let attempt = 0; attempt < 6; attempt++) {
    const linked = withNotes(renderSummary(result, { maxBytes: budget, link: (file, line) => codeLink(ctx, file, line) }), noteText);
    const size = Buffer.byteLength(linked);
    if (size <= maxBytes) return linked;
    budget = Math.floor(budget * (maxBytes / size) * 0.9);
  }
  return withNotes(renderSummary(result, { maxBytes: maxBytes - Buffer.byteLength(noteText) - 256 }), noteText);
}

function withNotes(markdown: string, noteText: string): string {
  if (noteText === '') return markdown;
  const firstBreak = markdown.indexOf('\n');
  if (firstBreak < 0) return `${markdown}\n\n${noteText}`;
  return `${markdown.slice(0, firstBreak + 1)}\n${noteText}${markdown.slice(firstBreak + 1)}`;
}

/** The summary's totals, plus the tests that ran twice. */
export function totalsText(result: MergeResult): string {
  const parts = totalsParts(result);
  if (result.duplicateCount > 0) parts.push(`${result.duplicateCount} run twice`);
  return parts.length > 0 ? parts.join(', ') : 'no tests ran';
}

export function commentMarker(workflow: string): string {
  return `<!-- fastest-report: ${workflow.replace(/--/g, '- -')} -->`;
}

export interface CommentContext extends LinkContext {
  marker: string;
  runUrl: string;
}

function inline(text: string): string {
  return inlineCode(text, 300);
}

function firstLine(c: JUnitCase): string {
  return (c.message ?? c.details ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
}

/** The comment's short lists of fixed and flaky tests (each at most 20 ids, as code). */
function retryLines(result: MergeResult): string[] {
  const out: string[] = [];
  const known = result.known;
  if (known !== undefined && known.fixedCount > 0) out.push('', `**Fixed (${known.fixedCount})**: ${inlineIds(known.fixed, 20, known.fixedCount, 300)}`);
  const retries = result.retries;
  if (retries !== undefined && retries.flakyCount > 0)
    out.push(
      '',
      `**Flaky (${retries.flakyCount})**, passed after failed attempts: ${inlineIds(
        retries.flaky.map((t) => t.id),
        20,
        retries.flakyCount,
        300,
      )}`,
    );
  return out;
}

/**
 * The sticky comment: totals, failures with links, missing tests, a link to the run. `failures`
 * are those the merge kept (the first FAILURES_KEPT of result.failureCount).
 */
export function commentBody(
  result: MergeResult,
  failures: JUnitCase[],
  ctx: CommentContext,
  notes: string[],
  maxChars: number = COMMENT_MAX_CHARS,
  /** Lines after the failures (coverage), bounded by the caller. */
  sections: string[] = [],
): string {
  const failureCount = Math.max(result.failureCount, failures.length);
  const ok = failureCount === 0 && result.missing.length === 0 && result.duplicateCount === 0 && result.malformed.length === 0;
  const head = [ctx.marker, `### ${ok ? ':white_check_mark:' : ':x:'} fastest: ${totalsText(result)}`, '', ...notes.map((n) => `> ${n}`)];
  const tail = [...(sections.length > 0 ? ['', ...sections] : []), '', `[Full report](${ctx.runUrl}) · commit ${ctx.sha.slice(0, 7)}`];
  const lines = failures.map((c) => {
    const where = c.line !== undefined ? `${c.file}:${c.line}` : c.file;
    const msg = firstLine(c);
    const url = codeLink(ctx, c.file, c.line);
    return `- ${inline(c.id)} at ${url !== undefined ? `[${inline(where)}](${url})` : inline(where)}${msg ? ` — ${inlineCode(msg, 200)}` : ''}`;
  });
  const missing =
    result.missing.length > 0
      ? [
          `**${result.missing.length} planned test(s) have no result:** ${result.missing.slice(0, 20).map(inline).join(', ')}${result.missing.length > 20 ? ', …' : ''}`,
          '',
        ]
      : [];
  const retried = retryLines(result);
  const fixed = head.join('\n').length + tail.join('\n').length + missing.join('\n').length + retried.join('\n').length + 300;
  // With the default branch's history, new failures lead; the known ones follow.
  const known = comparedWithHistory(result) ? result.known : undefined;
  const newLines = known === undefined ? lines : lines.filter((_, i) => !isKnownFailure(result, failures[i] as JUnitCase));
  const knownLines = known === undefined ? [] : lines.filter((_, i) => isKnownFailure(result, failures[i] as JUnitCase));
  let used = fixed;
  const fit = (group: string[]): string[] => {
    const shown: string[] = [];
    for (const line of group) {
      if (used + line.length + 1 > maxChars) break;
      shown.push(line);
      used += line.length + 1;
    }
    return shown;
  };
  const shownNew = fit(newLines);
  const shownKnown = fit(knownLines);
  const body = [...head, ...missing];
  if (known === undefined && lines.length > 0) body.push(`**Failures (${failureCount})**`, '', ...shownNew);
  if (known !== undefined && known.newCount > 0) body.push(`**New failures (${known.newCount})**`, '', ...shownNew, '');
  if (known !== undefined && known.stillFailingCount > 0)
    body.push(`**Still failing (${known.stillFailingCount})**: failing on the default branch too`, '', ...shownKnown);
  const shownCount = shownNew.length + shownKnown.length;
  if (lines.length > 0 && shownCount < failureCount) body.push('', `_…and ${failureCount - shownCount} more in the [job summary](${ctx.runUrl})._`);
  body.push(...retried);
  body.push(...tail);
  return body.join('\n');
}
