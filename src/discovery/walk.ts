// Finds test modules the way pytest's Dir/Package collectors do: sorted by name, files and
// directories interleaved, __init__.py first in a package, with pytest's ignore rules.
import type { Dirent } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { listLoggedDir, probePath } from '../memo/inputs.js';
import { fnmatch, fnmatchPath } from './fnmatch.js';

export interface WalkRules {
  pythonFiles: string[];
  norecursedirs: string[];
  /** Absolute paths from --ignore. */
  ignore: string[];
  /** Patterns from --ignore-glob, matched against absolute paths. */
  ignoreGlob: string[];
  collectInVirtualenv: boolean;
}

function isVirtualenv(dir: string): boolean {
  return probePath(join(dir, 'pyvenv.cfg')) !== undefined || probePath(join(dir, 'conda-meta', 'history')) !== undefined;
}

/** --ignore / --ignore-glob. */
export function ignoredPath(path: string, rules: WalkRules): boolean {
  if (rules.ignore.includes(path)) return true;
  return rules.ignoreGlob.some((g) => fnmatch(path, g));
}

function ignoredDir(path: string, name: string, rules: WalkRules): boolean {
  if (name === '__pycache__') return true;
  if (ignoredPath(path, rules)) return true;
  if (!rules.collectInVirtualenv && isVirtualenv(path)) return true;
  return rules.norecursedirs.some((pattern) => fnmatchPath(pattern, path));
}

function kindOf(dir: string, entry: Dirent): 'dir' | 'file' | null {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (entry.isSymbolicLink()) {
    const st = probePath(join(dir, entry.name));
    return st?.isDirectory() ? 'dir' : st?.isFile() ? 'file' : null;
  }
  return null;
}

/** What one walk finds, besides the test modules. */
interface WalkFound {
  modules: string[];
  /**
   * Files that are not test modules (nor __init__.py), in walk order, each with the number of test modules found
   * before it: a conftest's pytest_collect_file may make tests of them. Not yet checked against
   * --ignore (only the few below such a conftest ever are).
   */
  others: { path: string; after: number }[];
  /** Directories walked that hold a conftest.py (pytest loads it even when no test module is there). */
  conftestDirs: string[];
}

function walkDir(dir: string, rules: WalkRules, out: WalkFound): void {
  let entries: Dirent[];
  try {
    entries = listLoggedDir(dir);
  } catch {
    return;
  }
  const isPackage = entries.some((e) => e.name === '__init__.py');
  if (entries.some((e) => e.name === 'conftest.py')) out.conftestDirs.push(dir);
  entries.sort((a, b) => {
    if (isPackage && (a.name === '__init__.py') !== (b.name === '__init__.py')) return a.name === '__init__.py' ? -1 : 1;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const kind = kindOf(dir, entry);
    if (kind === 'dir') {
      if (!ignoredDir(path, entry.name, rules)) walkDir(path, rules, out);
    } else if (kind === 'file') {
      if (!entry.name.endsWith('.py')) out.others.push({ path, after: out.modules.length });
      else if (ignoredPath(path, rules)) continue;
      else if (rules.pythonFiles.some((pattern) => fnmatchPath(pattern, path))) out.modules.push(path);
      else out.others.push({ path, after: out.modules.length }); // __init__.py too: a DoctestModule
    }
  }
}

/**
 * `dir` and its parents up to and including `rootdir`, innermost first; just `dir` when it is not
 * below the rootdir. The directories whose conftest.py files apply to something in `dir`.
 */
/** Whether `path` is `dir` or lies below it. */
export function isWithin(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

export function dirsUpToRootdir(dir: string, rootdir: string): string[] {
  const dirs: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    dirs.push(d);
    if (d === rootdir || dirname(d) === d || !d.startsWith(rootdir)) return dirs;
  }
}

/**
 * Test module paths (absolute) for the given argument paths, in pytest's collection order.
 * A file named explicitly is collected even if it does not match python_files.
 */
export function findTestFiles(argPaths: string[], rules: WalkRules): string[] {
  return findCollectable(argPaths, rules).modules;
}

/** Test modules as findTestFiles, with the other files and conftest directories the walk saw. */
export function findCollectable(argPaths: string[], rules: WalkRules): WalkFound {
  const out: WalkFound = { modules: [], others: [], conftestDirs: [] };
  const seen = new Set<string>();
  for (const arg of argPaths) {
    const path = resolve(arg);
    const found: WalkFound = { modules: [], others: [], conftestDirs: [] };
    const st = probePath(path);
    if (!st) continue;
    if (st.isDirectory()) walkDir(path, rules, found);
    else if (path.endsWith('.py')) found.modules.push(path);
    else {
      found.others.push({ path, after: 0 });
      found.conftestDirs.push(dirname(path));
    }
    const offset = out.modules.length;
    for (const f of found.modules) {
      if (!seen.has(f)) {
        seen.add(f);
        out.modules.push(f);
      }
    }
    for (const o of found.others) {
      if (!seen.has(o.path)) {
        seen.add(o.path);
        out.others.push({ path: o.path, after: Math.min(offset + o.after, out.modules.length) });
      }
    }
    out.conftestDirs.push(...found.conftestDirs);
  }
  return out;
}
