// The impact stage: changed files (git or --affected-by) + the import graph -> which tests to run, and why.
import { dirname, join } from 'node:path';
import { buildImportGraph, projectRoots, type ImportGraph } from '../discovery/import-graph.js';
import { dirsUpToRootdir } from '../discovery/walk.js';
import { probePath } from '../memo/inputs.js';
import type { TestItem } from '../types.js';
import { affectedTests, type Impact } from './affected.js';
import { changedFiles, type ChangeRequest, type Changes } from './changes.js';
import { parseImpactDeps } from './deps.js';

export { ChangesError, type ChangeRequest, type Changes } from './changes.js';
export { ImpactDepsError } from './deps.js';
export type { Impact } from './affected.js';
export type { ImportGraph } from '../discovery/import-graph.js';

export interface ImpactOptions {
  rootdir: string;
  invocationDir: string;
  /** rootdir-relative config file, if any. */
  inifile: string | null;
  /** The `pythonpath` ini, absolute. */
  pythonpath: string[];
  /** The `impact_deps` lines (ini and [tool.fastest]). */
  impactDeps: string[];
  request: ChangeRequest;
  items: TestItem[];
  useCache: boolean;
  /** The import graph, when the caller keeps one (fastest watch): not built again. */
  graph?: ImportGraph;
}

export interface ImpactResult {
  changes: Changes;
  impact: Impact;
}

export async function computeImpact(opts: ImpactOptions): Promise<ImpactResult> {
  const rules = parseImpactDeps(opts.impactDeps);
  const changes = changedFiles(opts.request, opts.rootdir, opts.invocationDir);
  if (changes.files.length === 0) return { changes, impact: { reasons: new Map(), everything: null } };
  const graph = opts.graph ?? (await projectGraph(opts));
  return { changes, impact: affectedTests({ items: opts.items, graph, changed: changes.files, rules, inifile: opts.inifile }) };
}

/** The import graph of the items' test files, their conftest.py files and the project modules they reach. */
export async function projectGraph(opts: Omit<ImpactOptions, 'request' | 'impactDeps' | 'inifile' | 'graph'>): Promise<ImportGraph> {
  const testFiles = [...new Set(opts.items.map((item) => join(opts.rootdir, item.file)))];
  const conftests = [...new Set(testFiles.flatMap((f) => dirsUpToRootdir(dirname(f), opts.rootdir)))]
    .map((dir) => join(dir, 'conftest.py'))
    .filter((conftest) => probePath(conftest)?.isFile());
  return buildImportGraph({
    rootdir: opts.rootdir,
    testFiles,
    roots: projectRoots(opts.rootdir, opts.invocationDir, opts.pythonpath, conftests),
    useCache: opts.useCache,
  });
}
