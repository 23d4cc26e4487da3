// Python's fnmatch.fnmatch (POSIX: case-sensitive) and pytest's fnmatch_ex for paths.
import { basename, isAbsolute } from 'node:path';

const cache = new Map<string, RegExp>();

function translate(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else if (ch === '[') {
      let j = i + 1;
      if (pattern[j] === '!') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j++;
      if (j >= pattern.length) {
        re += '\\[';
      } else {
        let body = pattern.slice(i + 1, j).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        else if (body.startsWith('^')) body = `\\${body}`;
        re += `[${body}]`;
        i = j;
      }
    } else re += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^(?:${re})$`);
}

export function fnmatch(name: string, pattern: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    re = translate(pattern);
    cache.set(pattern, re);
  }
  return re.test(name);
}

/** pytest's fnmatch_ex: patterns without a separator match the base name, others the path. */
export function fnmatchPath(pattern: string, path: string): boolean {
  if (!pattern.includes('/')) return fnmatch(basename(path), pattern);
  const full = isAbsolute(path) && !isAbsolute(pattern) ? `*/${pattern}` : pattern;
  return fnmatch(path, full);
}
