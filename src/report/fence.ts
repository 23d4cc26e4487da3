// GitHub Actions safety (docs/ARCHITECTURE.md, invariant 4): nothing a test prints may issue workflow
// commands. Text the tests control is written between `::stop-commands::TOKEN` and `::TOKEN::`,
// with a token the test cannot guess; values put into our own commands are escaped the way
// @actions/core escapes them.

import { randomUUID } from 'node:crypto';

/** Escaping for a workflow command's data part (after the final `::`). */
export function escapeWorkflowData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for a workflow command's property values (`file=...,line=...`). */
export function escapeWorkflowProperty(s: string): string {
  return escapeWorkflowData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A fresh token that does not occur in `text`. */
export function fenceToken(text = ''): string {
  for (;;) {
    const token = randomUUID();
    if (!text.includes(token)) return token;
  }
}

/**
 * Wraps untrusted text so the runner ignores workflow commands inside it. The result ends with a
 * newline; `text` gets one added if it lacks it, so the closing marker starts its own line.
 */
export function fenceBlock(text: string, token: string = fenceToken(text)): string {
  const body = text.endsWith('\n') ? text : text + '\n';
  return `::stop-commands::${token}\n${body}::${token}::\n`;
}

/** Writes blocks of untrusted text through `write`, fenced when running under GitHub Actions. */
export class Fence {
  constructor(
    private readonly enabled: boolean,
    private readonly write: (s: string) => void,
  ) {}

  /** Writes `text` (whole lines) fenced, or as is when fencing is off. */
  block(text: string): void {
    if (text === '') return;
    this.write(this.enabled ? fenceBlock(text) : text);
  }

  /** Untrusted text that must stay on one line (a reason in a progress line). */
  inline(text: string): string {
    return this.enabled ? text.replace(/[\r\n]/g, ' ') : text;
  }
}
