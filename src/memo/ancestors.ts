// The directories above a path, for every upward search (config files, memos, .python-version):
// a leaf module, so that the small executable bundle can use it too.
import { dirname } from 'node:path';

/** `p` and each of its parents, up to the filesystem root. */
export function selfAndParents(p: string): string[] {
  const out = [p];
  for (let cur = p, up = dirname(p); up !== cur; cur = up, up = dirname(up)) out.push(up);
  return out;
}
