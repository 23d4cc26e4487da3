// The lines a change adds or modifies, per file: `git diff -U0 REF...HEAD` read for the new
// side's line numbers (for the coverage of a pull request's changed lines). Deleted files and
// pure deletions add no lines.
import { execFileSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { ChangesError } from './changes.js';

/** rootdir-relative path ('/'-separated) -> the new side's added or changed line numbers, ascending. */
export type ChangedLines = Map<string, number[]>;

/** git's C-style quoting of unusual path names (`"b/caf\303\251.py"`), undone. */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The changed lines of a unified diff with no context (`-U0`), by the new side's path. */
export function parseDiffLines(diff: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let current: number[] | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = unquoteGitPath(line.slice(4).replace(/\t$/, ''));
      if (name === '/dev/null' || !name.startsWith('b/')) {
        current = undefined;
        continue;
      }
      const path = name.slice(2);
      current = out.get(path) ?? [];
      out.set(path, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.push(n);
    }
  }
  for (const [path, lines] of out) if (lines.length === 0) out.delete(path);
  return out;
}

/**
 * The lines `REF...HEAD` adds or changes, keyed by rootdir-relative path (files outside the
 * rootdir are left out). Throws ChangesError when git cannot tell (no repository, REF unknown).
 */
export function changedLines(ref: string, rootdir: string): ChangedLines {
  const run = (args: string[]): string => {
    try {
      return execFileSync('git', args, { cwd: rootdir, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr?.trim().split('\n')[0];
      throw new ChangesError(`git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`);
    }
  };
  const top = run(['rev-parse', '--show-toplevel']).trim();
  const diff = run(['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '--no-renames', '-U0', `${ref}...HEAD`, '--']);
  const out: ChangedLines = new Map();
  for (const [path, lines] of parseDiffLines(diff)) {
    const rel = relative(rootdir, resolve(top, path));
    if (rel === '' || rel.startsWith('..')) continue;
    out.set(sep === '/' ? rel : rel.split(sep).join('/'), lines);
  }
  return out;
}
