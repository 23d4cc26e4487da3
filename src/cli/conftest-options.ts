// Options that conftest.py files add with `pytest_addoption` (`--runslow`): pytest accepts them,
// so fastest does too and hands them to the engines; any other unknown flag stays an error.
import { join, resolve } from 'node:path';
import { probePath, readLoggedFile } from '../memo/inputs.js';
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
 * rootdir, and the directories of the given paths and their parents up to the rootdir.
 */
export function initialConftestPaths(rootdir: string, startDirs: string[]): string[] {
  const seen = new Set<string>();
  for (const start of [rootdir, ...startDirs]) {
    for (const dir of dirsUpToRootdir(resolve(start), rootdir)) seen.add(dir);
  }
  return [...seen].map((dir) => join(dir, 'conftest.py'));
}
