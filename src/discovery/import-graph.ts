// The import graph for test-impact selection: which project files each test module (and, in turn,
// each project module it reaches) depends on. Built from the same tree-sitter parse and per-file
// cache as discovery; project modules that are not test files are read for their imports only.
import { basename, dirname, join, relative, sep } from 'node:path';
import { probePath } from '../memo/inputs.js';
import { loadCache, parsedOf, saveCache, type CacheEntry } from './cache.js';
import { ImportResolver } from './imports.js';
import { lookupCache, storeParsed, toNodePath } from './index.js';
import { openParsePool } from './parse-pool.js';
import { dirsUpToRootdir } from './walk.js';

export interface ImportGraph {
  /**
   * rootdir-relative file -> the rootdir-relative files it depends on: what its imports could run
   * (existing or not: a module added or deleted changes what an import finds), the `__init__.py`
   * of its own packages, and for a test module or conftest.py the conftest.py files above it.
   */
  deps: Map<string, string[]>;
  /** Files that import modules named only at run time (`importlib.import_module(name)`). */
  dynamic: string[];
  /** Files that could not be read or parsed: what they import is unknown. */
  unreadable: string[];
}

export interface ImportGraphOptions {
  rootdir: string;
  /** Absolute paths of the test files (modules, and any other files items come from). */
  testFiles: string[];
  /**
   * Directories on sys.path inside the project, besides each module's own basedir: the rootdir,
   * the invocation directory, `pythonpath` entries, `src/`, conftest.py basedirs.
   */
  roots: string[];
  useCache: boolean;
}

const PYTHON_SOURCE = /\.pyi?$/;

/** The conftest.py files pytest loads for a file (existing or not: a new one is a change too). */
function conftestChain(file: string, rootdir: string): string[] {
  const dirs = dirsUpToRootdir(dirname(file), rootdir);
  return dirs.map((dir) => join(dir, 'conftest.py')).filter((conftest) => conftest !== file);
}

/** The `__init__.py` files that importing `file` as part of its packages runs, and its own directory's. */
function packageInits(file: string, rootdir: string): string[] {
  const out = [join(dirname(file), '__init__.py')];
  for (let dir = dirname(file); dir.startsWith(rootdir + sep) && probePath(join(dir, '__init__.py'))?.isFile(); dir = dirname(dir)) {
    out.push(join(dirname(dir), '__init__.py'));
  }
  return out.filter((init) => init !== file);
}

export async function buildImportGraph(opts: ImportGraphOptions): Promise<ImportGraph> {
  const { rootdir } = opts;
  const cache = opts.useCache ? loadCache(rootdir) : null;
  const resolver = new ImportResolver(rootdir, () => null);
  const roots = [...new Set(opts.roots)];
  const inProject = (abs: string) => abs.startsWith(rootdir + sep);
  const deps = new Map<string, string[]>();
  const dynamic: string[] = [];
  const unreadable: string[] = [];
  const seen = new Set<string>();
  const testFiles = new Set(opts.testFiles);
  let wave = opts.testFiles.filter((f) => !seen.has(f) && (seen.add(f), true));
  const pool = openParsePool(wave.filter((f) => PYTHON_SOURCE.test(f)).length);
  try {
    while (wave.length > 0) {
      const next: string[] = [];
      const visit = (abs: string, entry: CacheEntry | null) => {
        const rel = toNodePath(rootdir, abs);
        const parsed = entry ? parsedOf(entry) : null;
        if (parsed?.dynamicImport) dynamic.push(rel);
        const found: string[] = [];
        if (PYTHON_SOURCE.test(abs)) {
          for (const mod of parsed?.importRefs ?? []) found.push(...resolver.sourceCandidates(mod, abs, roots));
          found.push(...packageInits(abs, rootdir));
        }
        if (testFiles.has(abs) || basename(abs) === 'conftest.py') found.push(...conftestChain(abs, rootdir));
        const mine = new Set<string>();
        for (const dep of found) {
          if (!inProject(dep) || dep === abs) continue;
          mine.add(toNodePath(rootdir, dep));
          if (!seen.has(dep) && probePath(dep)?.isFile()) {
            seen.add(dep);
            next.push(dep);
          }
        }
        deps.set(rel, [...mine]);
      };
      const requests = [];
      for (const abs of wave) {
        if (!PYTHON_SOURCE.test(abs)) {
          visit(abs, null);
          continue;
        }
        let found;
        try {
          found = lookupCache(abs, toNodePath(rootdir, abs), cache, true);
        } catch {
          unreadable.push(toNodePath(rootdir, abs));
          visit(abs, null);
          continue;
        }
        if ('entry' in found) visit(abs, found.entry);
        else requests.push({ ...found.parse, importsOnly: true as const });
      }
      await pool.parse(
        requests,
        (outcome) => visit(outcome.abs, storeParsed(toNodePath(rootdir, outcome.abs), outcome, cache)),
        () => undefined,
      );
      for (const request of requests) {
        if (!deps.has(toNodePath(rootdir, request.abs))) {
          unreadable.push(toNodePath(rootdir, request.abs));
          visit(request.abs, null);
        }
      }
      wave = next;
    }
  } finally {
    pool.close();
  }
  if (cache) saveCache(rootdir, cache);
  return { deps, dynamic, unreadable };
}

/** Directories on sys.path that are inside the project, for `roots`. */
export function projectRoots(rootdir: string, invocationDir: string, pythonpath: string[], conftests: string[]): string[] {
  const resolver = new ImportResolver(rootdir, () => null);
  const roots = [rootdir, invocationDir, ...pythonpath];
  const src = join(rootdir, 'src');
  if (probePath(src)?.isDirectory()) roots.push(src);
  for (const conftest of conftests) roots.push(resolver.basedir(conftest));
  return [...new Set(roots)].filter((root) => root === rootdir || !relative(rootdir, root).startsWith('..'));
}
