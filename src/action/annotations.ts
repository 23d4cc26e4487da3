// Failure annotations. GitHub shows at most 10 error annotations per step made with workflow
// commands; a check run takes any number, 50 per API request. So: all of them (up to
// max-annotations) on a check run when the token may write checks, else the 10 most useful as
// `::error` commands and a note in the summary of how many more there are.
import { join, relative, sep } from 'node:path';
import type { JUnitCase } from '../merge/junit-read.js';
import { escapeWorkflowData, escapeWorkflowProperty } from '../report/fence.js';
import { attemptsLine } from '../merge/attempts.js';
import type { FlakyTest } from '../merge/classify.js';

export const COMMAND_ANNOTATION_LIMIT = 10;
export const CHECK_RUN_BATCH = 50;
const MAX_MESSAGE_CHARS = 4000;
const MAX_MESSAGE_LINES = 30;

export interface Annotation {
  /** Repository-relative path, '/'-separated. */
  path: string;
  line: number;
  title: string;
  message: string;
  /** A notice (a flaky test) rather than a failure. */
  notice?: boolean;
}

/** JUnit paths are relative to the rootdir (the working directory); annotations want the repo's. */
export function repoPath(workspace: string, workingDirectory: string, file: string): string {
  const rel = relative(workspace, join(workingDirectory, file));
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/**
 * The line that failed: the last `file:line: ` entry of the traceback that is in the test's own
 * file (a failure inside a helper points at the test's call into it); else the test's line.
 */
export function failingLine(c: JUnitCase): number | undefined {
  let found: number | undefined;
  for (const text of [c.details, c.teardownError?.details]) {
    for (const m of (text ?? '').matchAll(/^(.+?):(\d+): /gm)) {
      const file = (m[1] ?? '').trim();
      if (file === c.file || file.endsWith(`/${c.file}`)) found = Number(m[2]);
    }
    if (found !== undefined) return found;
  }
  return c.line;
}

export function annotationOf(c: JUnitCase, workspace: string, workingDirectory: string): Annotation {
  const label = c.collection ? 'ERROR collecting' : c.outcome === 'error' ? 'ERROR' : 'FAILED';
  const body = [c.message, c.details, c.teardownError ? `teardown: ${c.teardownError.message}\n${c.teardownError.details}` : undefined]
    .filter((s): s is string => s !== undefined && s.trim() !== '')
    .join('\n');
  let message = body.split('\n').slice(0, MAX_MESSAGE_LINES).join('\n');
  if (message.length > MAX_MESSAGE_CHARS) message = `${message.slice(0, MAX_MESSAGE_CHARS)}…`;
  return {
    path: repoPath(workspace, workingDirectory, c.file),
    line: failingLine(c) ?? 1,
    title: `${label} ${c.id}`.slice(0, 255),
    message: message === '' ? label : message,
  };
}

/** A notice on a flaky test's line naming its attempts. */
export function flakyAnnotationOf(t: FlakyTest, workspace: string, workingDirectory: string): Annotation {
  return {
    path: repoPath(workspace, workingDirectory, t.file),
    line: t.line ?? 1,
    title: `FLAKY ${t.id}`.slice(0, 255),
    message: attemptsLine(t).slice(0, MAX_MESSAGE_CHARS),
    notice: true,
  };
}

/**
 * The `limit` most useful annotations: those that point at a line first, then spread over as
 * many files as possible (round robin over files in order), so one broken module does not hide
 * the others.
 */
export function mostUseful(annotations: Annotation[], limit: number, hasLine: (a: Annotation) => boolean): Annotation[] {
  const ranked = [...annotations.filter(hasLine), ...annotations.filter((a) => !hasLine(a))];
  const byFile = new Map<string, Annotation[]>();
  for (const a of ranked) {
    const list = byFile.get(a.path) ?? [];
    list.push(a);
    byFile.set(a.path, list);
  }
  const queues = [...byFile.values()];
  const out: Annotation[] = [];
  for (let round = 0; out.length < limit; round++) {
    let took = false;
    for (const q of queues) {
      const a = q[round];
      if (a === undefined) continue;
      took = true;
      out.push(a);
      if (out.length >= limit) break;
    }
    if (!took) break;
  }
  return out;
}

/** `::error file=...,line=...,title=...::message` (`::notice` for a notice), escaped as @actions/core escapes. */
export function errorCommand(a: Annotation): string {
  const props = [`file=${escapeWorkflowProperty(a.path)}`, `line=${a.line}`, `title=${escapeWorkflowProperty(a.title)}`].join(',');
  return `::${a.notice ? 'notice' : 'error'} ${props}::${escapeWorkflowData(a.message)}\n`;
}

export function batches<T>(items: T[], size: number = CHECK_RUN_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
