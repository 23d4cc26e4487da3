// Which files a change touches, from git: `--changed` (uncommitted and untracked changes against
// HEAD), `--changed REF` (`git diff REF...HEAD` plus the working tree), or `--affected-by PATH...`.
import { execFileSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';

export class ChangesError extends Error {}

export interface ChangeRequest {
  /** `--changed [REF]`: null REF is the working tree against HEAD. */
  changed?: { ref: string | null };
  /** `--affected-by PATH...`, relative to the invocation directory. */
  affectedBy?: string[];
}

export interface Changes {
  /** rootdir-relative paths with `/` separators (deleted files included). */
  files: string[];
  /** What they are: `uncommitted changes`, `changes since main`, `--affected-by`. */
  source: string;
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n')[0];
    throw new ChangesError(`--changed: git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/** What test runs themselves write (fastest's and pytest's caches, bytecode): never a change to the project. */
const RUN_STATE = /(?:^|\/)(?:\.fastest|\.pytest_cache|__pycache__)\/|\.py[co]$/;

function lines(text: string): string[] {
  return text.split('\0').filter((l) => l !== '');
}

function toRootdirPath(rootdir: string, abs: string): string | null {
  const rel = relative(rootdir, abs);
  if (rel === '' || rel.startsWith('..')) return null;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

export function changedFiles(request: ChangeRequest, rootdir: string, cwd: string): Changes {
  const found = new Set<string>();
  const sources: string[] = [];
  if (request.changed) {
    const top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
    const ref = request.changed.ref;
    const names: string[] = [];
    // --no-renames: a moved file is its old path deleted and its new path added, both changes.
    if (ref !== null) names.push(...lines(git(top, ['diff', '--name-only', '--no-renames', '-z', `${ref}...HEAD`, '--'])));
    names.push(...lines(git(top, ['diff', '--name-only', '--no-renames', '-z', 'HEAD', '--'])));
    names.push(...lines(git(top, ['ls-files', '--others', '--exclude-standard', '-z'])));
    for (const name of names) {
      const rel = toRootdirPath(rootdir, resolve(top, name));
      if (rel !== null && !RUN_STATE.test(rel)) found.add(rel);
    }
    sources.push(ref === null ? 'uncommitted changes' : `changes since ${ref}`);
  }
  if (request.affectedBy) {
    for (const path of request.affectedBy) {
      const rel = toRootdirPath(rootdir, resolve(cwd, path));
      if (rel !== null) found.add(rel);
    }
    sources.push('--affected-by');
  }
  return { files: [...found].sort(), source: sources.join(' and ') };
}
