// A small glob for `fastest merge 'results/**/*.xml'` (Node 20 has no fs.glob): `*` and `?`
// within one path segment, `**` for any number of directories. Results sorted, without repeats.
import { join, resolve } from 'node:path';
import { listLoggedDir, probePath } from '../memo/inputs.js';

/** `files`: only files match (JUnit inputs); `paths`: files and directories (pytest's testpaths). */
export type GlobMatch = 'files' | 'paths';

export function expandGlobs(patterns: string[], cwd = process.cwd(), match: GlobMatch = 'files'): string[] {
  const found = new Set<string>();
  for (const pattern of patterns) {
    if (!/[*?]/.test(pattern)) {
      if (accepts(match, resolve(cwd, pattern))) found.add(pattern);
      continue;
    }
    const absolute = pattern.startsWith('/');
    const segments = pattern.split('/').filter((s) => s !== '' && s !== '.');
    walk(absolute ? '/' : '', segments, cwd, found, match);
  }
  return [...found].sort();
}

function walk(prefix: string, segments: string[], cwd: string, found: Set<string>, match: GlobMatch): void {
  const [segment, ...rest] = segments;
  const here = prefix === '' ? cwd : resolve(cwd, prefix);
  if (segment === undefined) {
    if (accepts(match, here)) found.add(prefix);
    return;
  }
  if (segment === '**') {
    walk(prefix, rest, cwd, found, match);
    for (const dir of listDir(here)) if (dir.isDirectory()) walk(join(prefix, dir.name), segments, cwd, found, match);
    return;
  }
  if (!/[*?]/.test(segment)) {
    walk(join(prefix, segment), rest, cwd, found, match);
    return;
  }
  const matcher = segmentRegExp(segment);
  for (const entry of listDir(here)) {
    if (!matcher.test(entry.name)) continue;
    const last = rest.length === 0;
    if (last ? match === 'paths' || entry.isFile() || entry.isSymbolicLink() : entry.isDirectory() || entry.isSymbolicLink()) {
      walk(join(prefix, entry.name), rest, cwd, found, match);
    }
  }
}

function accepts(match: GlobMatch, path: string): boolean {
  return match === 'files' ? isFile(path) : exists(path);
}

function exists(path: string): boolean {
  return probePath(path) !== undefined;
}

function segmentRegExp(segment: string): RegExp {
  const body = segment
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  // Like a shell, `*` does not match a leading dot.
  return new RegExp(segment.startsWith('.') ? `^${body}$` : `^(?!\\.)${body}$`);
}

function listDir(dir: string): import('node:fs').Dirent[] {
  try {
    return listLoggedDir(dir);
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  return probePath(path)?.isFile() ?? false;
}
