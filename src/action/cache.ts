// The discovery cache and the timings store travel between jobs and runs through the Actions
// cache service (@actions/cache). Keys:
//   discovery: <prefix>-discovery-<os>-<hash of the test files>, restore-keys <prefix>-discovery-<os>-
//   timings:   <prefix>-timings-<run id>-<attempt> (saved by merge on the default branch only),
//              restored by the restore-key <prefix>-timings-: the newest one the branch can see,
//              which for a pull request is the default branch's latest.
//   run state: <prefix>-state-<os>-<arch>-shard<K>-<run id>-<attempt> (saved by run jobs on the
//              default branch only): the rest of `.fastest` a run job rebuilds (bytecode pinned
//              to its sources' content, rewritten test modules, engine facts, remembered discoveries, the interpreter
//              probe, pytest's answer on plugin options, the warm parent's record); restored by <prefix>-state-<os>-<arch>-shard<K>-,
//              then any shard's.
// Without a cache service (a local run, GHES without cache) the Action says so once and goes on.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import * as cache from '@actions/cache';
import * as core from '@actions/core';
import { DEFAULT_NORECURSEDIRS } from '../config/index.js';
import { findTestFiles } from '../discovery/walk.js';
import type { Session } from '../cli/session.js';

export interface CacheEntryRef {
  /** Path as given to @actions/cache: relative to the workspace, '/'-separated. */
  path: string;
  /** Patterns beside `path` (`!…` leaves files out); `path` alone when absent. */
  patterns?: string[];
  key: string;
  restoreKeys: string[];
}

let unavailableSaid = false;

/** True when a cache service is configured; says once per process when it is not. */
export function cacheAvailable(): boolean {
  if (cache.isFeatureAvailable()) return true;
  if (!unavailableSaid) {
    core.info('fastest: no GitHub Actions cache service here (ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL unset): discovery and timings are not cached');
    unavailableSaid = true;
  }
  return false;
}

export function workspacePath(workspace: string, absolute: string): string {
  const rel = relative(workspace, absolute);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** sha256 over the test files discovery would read (and the conftest.py files above them). */
export function testFilesHash(session: Session): string {
  const { config, options } = session;
  const files = findTestFiles(session.paths, {
    pythonFiles: config.pythonFiles,
    norecursedirs: config.norecursedirs.length > 0 ? config.norecursedirs : [...DEFAULT_NORECURSEDIRS],
    ignore: options.ignore,
    ignoreGlob: options.ignoreGlob,
    collectInVirtualenv: false,
  });
  const all = new Set(files);
  for (const file of files) {
    for (let dir = dirname(file); dir.startsWith(config.rootdir); dir = dirname(dir)) {
      const conftest = join(dir, 'conftest.py');
      if (existsSync(conftest)) all.add(conftest);
      if (dir === config.rootdir || dirname(dir) === dir) break;
    }
  }
  const hash = createHash('sha256');
  for (const file of [...all].sort()) {
    hash.update(relative(config.rootdir, file)).update('\0');
    hash.update(createHash('sha1').update(readFileSync(file)).digest('hex')).update('\n');
  }
  return hash.digest('hex').slice(0, 32);
}

export function discoveryEntry(prefix: string, workspace: string, rootdir: string, filesHash: string): CacheEntryRef {
  const base = `${prefix}-discovery-${process.platform}-`;
  return { path: workspacePath(workspace, join(rootdir, '.fastest', 'discovery.json')), key: base + filesHash, restoreKeys: [base] };
}

export function timingsEntry(prefix: string, workspace: string, rootdir: string, env: NodeJS.ProcessEnv): CacheEntryRef {
  const base = `${prefix}-timings-`;
  const run = `${env.GITHUB_RUN_ID || 'local'}-${env.GITHUB_RUN_ATTEMPT || '1'}`;
  return { path: workspacePath(workspace, join(rootdir, '.fastest', 'timings.json')), key: base + run, restoreKeys: [base] };
}

/**
 * What a run job rebuilds under `.fastest`, without the discovery cache and the timings store
 * (their own entries, keyed on what they depend on).
 */
export function runStateEntry(prefix: string, workspace: string, rootdir: string, shard: number, env: NodeJS.ProcessEnv): CacheEntryRef {
  const dir = workspacePath(workspace, join(rootdir, '.fastest'));
  const base = `${prefix}-state-${process.platform}-${process.arch}-`;
  const run = `${env.GITHUB_RUN_ID || 'local'}-${env.GITHUB_RUN_ATTEMPT || '1'}`;
  return {
    path: dir,
    // @actions/cache hands tar every path its globs match, and tar takes a directory whole: the
    // entries are .fastest's children, so that a `!` pattern leaves a child out. Left out: the
    // discovery cache and the timings (entries of their own). memo/ goes with it: a remembered
    // discovery is checked by its inputs' contents where their stamps differ (another checkout).
    patterns: [`${dir}/*`, `!${dir}/discovery.json`, `!${dir}/timings.json`],
    key: `${base}shard${shard}-${run}`,
    restoreKeys: [`${base}shard${shard}-`, base],
  };
}

/**
 * Restores one entry; returns the key restored, or undefined on a miss or any failure (a cache
 * problem never fails the job). @actions/cache resolves paths against the workspace.
 */
export async function restoreEntry(entry: CacheEntryRef, what: string): Promise<string | undefined> {
  if (!cacheAvailable()) return undefined;
  try {
    const hit = await cache.restoreCache(entry.patterns ?? [entry.path], entry.key, entry.restoreKeys);
    core.info(hit ? `fastest: restored the ${what} from cache key ${hit}` : `fastest: no cached ${what} yet (key ${entry.key})`);
    return hit;
  } catch (err) {
    core.warning(`fastest: could not restore the ${what}: ${(err as Error).message}`);
    return undefined;
  }
}

/** Saves one entry when its file exists; returns whether it was saved. */
export async function saveEntry(entry: CacheEntryRef, workspace: string, what: string): Promise<boolean> {
  if (!cacheAvailable()) return false;
  if (!existsSync(join(workspace, entry.path))) {
    core.info(`fastest: no ${what} to save (${entry.path} does not exist)`);
    return false;
  }
  try {
    const id = await cache.saveCache(entry.patterns ?? [entry.path], entry.key);
    if (id === -1) return false;
    core.info(`fastest: saved the ${what} under cache key ${entry.key}`);
    return true;
  } catch (err) {
    core.warning(`fastest: could not save the ${what}: ${(err as Error).message}`);
    return false;
  }
}
