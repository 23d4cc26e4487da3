// Options that conftest.py files add with `pytest_addoption` (`--runslow`): pytest accepts them,
// so fastest does too and hands them to the engines; any other unknown flag stays an error.
import { join, resolve } from 'node:path';
import { listLoggedDir, probePath, readLoggedFile } from '../memo/inputs.js';
import { dirsUpToRootdir } from '../discovery/walk.js';

/** Option name -> whether it takes a value. */
export type ConftestOptions = Map<string, boolean>;

const ADDOPTION = /\.addoption\(\s*((?:["'][^"']+["']\s*,\s*)*["'][^"']+["'])([^)]*)\)/g;
const VALUELESS_ACTION = /action\s*=\s*["'](store_true|store_false|store_const|count|help|version)["']/;

function optionsIn(source: string, into: ConftestOptions): void {
  if (!source.includes('pytest_addoption')) return;
  for (const m of source.matchAll(ADDOPTION)) {
    const takesValue = !VALUELESS_ACTION.test(m[2]);
    for (const name of m[1].matchAll(/["']([^"']+)["']/g)) if (name[1].startsWith('--')) into.set(name[1], takesValue);
  }
}

/** The options of the conftest.py files pytest loads at start-up (initialConftestPaths). */
export function conftestOptions(conftests: string[]): ConftestOptions {
  const options: ConftestOptions = new Map();
  for (const file of conftests) {
    if (probePath(file) === undefined) continue;
    try {
      optionsIn(readLoggedFile(file).toString('utf8'), options);
    } catch {
      // unreadable: pytest will say so
    }
  }
  return options;
}

/**
 * Where pytest looks for the conftest.py files it loads at start-up (each may be missing): the
 * rootdir; each anchor (a path the command line names, else a `testpaths` entry, else the
 * invocation directory) and its parents up to the rootdir; and the `test*` subdirectories of an
 * anchor that is a directory (PytestPluginManager._try_load_conftest): `tests/conftest.py`'s
 * `--runslow` is an option of `pytest` run from the project's root.
 */
export function initialConftestPaths(rootdir: string, anchors: string[]): string[] {
  const seen = new Set<string>();
  const addUp = (start: string) => {
    for (const dir of dirsUpToRootdir(resolve(start), rootdir)) seen.add(dir);
  };
  addUp(rootdir);
  for (const anchor of anchors) {
    addUp(anchor);
    for (const sub of testSubdirectories(resolve(anchor))) addUp(sub);
  }
  return [...seen].map((dir) => join(dir, 'conftest.py'));
}

/** The directories named `test*` in `dir` (none when it is not a directory), as pytest's glob. */
function testSubdirectories(dir: string): string[] {
  if (!probePath(dir)?.isDirectory()) return [];
  try {
    return listLoggedDir(dir)
      .filter((entry) => entry.name.startsWith('test') && (entry.isDirectory() || (entry.isSymbolicLink() && probePath(join(dir, entry.name))?.isDirectory())))
      .map((entry) => join(dir, entry.name))
      .sort();
  } catch {
    return []; // unreadable: pytest loads nothing there either
  }
}
