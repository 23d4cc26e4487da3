// How the plan travels from the plan job to the run and merge jobs. The runner hands every `with:`
// value to an action as one environment variable, and Linux refuses one over 128 KiB, so no input
// or output may carry the plan itself once it is big. The plan job's `plan` output is a small
// handle instead (always under PLAN_HANDLE_MAX_BYTES), naming the plan's sha256 and where it is:
//   {"fastestPlan":1,"sha256":"…","bytes":N,"gzip":"<base64>"}                  small plans, inline
//   {"fastestPlan":1,"sha256":"…","bytes":N,"cacheKey":"…","file":"fastest-plan/plan.json"}
//       in the Actions cache under a key scoped to the run and attempt
//   {"fastestPlan":1,"sha256":"…","bytes":N,"file":"fastest-plan/plan.json"}
//       no cache service: the workflow uploads the file as an artifact and downloads it in place
// run and merge fetch the plan, check its digest, then its shape. A `plan:` input may also be a
// plan's JSON itself or a path to a plan file inside the workspace.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { MAX_PLAN_BYTES, planProblem, readPlanText, type Plan } from '../shard/plan.js';
import { cacheAvailable, restoreEntry, saveEntry, workspacePath, type CacheEntryRef } from './cache.js';
import { InputError } from './inputs.js';

/** No input or output of the Action carries more than this (the runner's limit is 128 KiB a variable). */
export const MAX_ACTION_VALUE_BYTES = 64 * 1024;
/** The inline handle's budget: the gzip'd plan in base64 plus the handle's few fields. */
export const PLAN_HANDLE_MAX_BYTES = 60 * 1024;
/** Where the plan file is, relative to the workspace, in every job. */
export const PLAN_FILE = 'fastest-plan/plan.json';

export interface PlanHandle {
  fastestPlan: 1;
  /** sha256 (hex) of the plan file's bytes (the compact JSON). */
  sha256: string;
  bytes: number;
  /** The compact JSON, gzip'd, in base64. */
  gzip?: string;
  /** The Actions cache key the plan was saved under (restored exactly, never by prefix). */
  cacheKey?: string;
  /** Workspace-relative path of the plan file (cache and artifact transports). */
  file?: string;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The cache entry of this run's plan: one key per run and attempt, restored by exact key only. */
export function planCacheEntry(prefix: string, env: NodeJS.ProcessEnv): CacheEntryRef {
  return { path: PLAN_FILE, key: `${prefix}-plan-${env.GITHUB_RUN_ID || 'local'}-${env.GITHUB_RUN_ATTEMPT || '1'}`, restoreKeys: [] };
}

/** The inline handle, or undefined when the compressed plan does not fit the budget. */
export function inlineHandle(compact: string, limit: number = PLAN_HANDLE_MAX_BYTES): string | undefined {
  const handle: PlanHandle = {
    fastestPlan: 1,
    sha256: sha256(compact),
    bytes: Buffer.byteLength(compact),
    gzip: gzipSync(compact, { level: 9 }).toString('base64'),
  };
  const text = JSON.stringify(handle);
  return Buffer.byteLength(text) <= limit ? text : undefined;
}

export interface PublishedPlan {
  handle: string;
  how: 'inline' | 'cache' | 'file';
  /** For 'file': the one line that says which workflow steps to add. */
  advice?: string;
}

export function artifactAdvice(bytes: number): string {
  return (
    `the plan (${bytes} bytes) is too big to pass inline and no Actions cache service took it: ` +
    `add to the plan job, after this action, \`actions/upload-artifact\` with \`name: fastest-plan, path: ${dirname(PLAN_FILE)}/\`, ` +
    `and to the run and merge jobs, before this action, \`actions/download-artifact\` with \`name: fastest-plan, path: ${dirname(PLAN_FILE)}\`; ` +
    'then `plan: ${{ needs.<plan job>.outputs.plan }}` finds it'
  );
}

/**
 * Makes the plan reachable from the later jobs of this run; returns the handle for the `plan`
 * output. The plan file is always written to PLAN_FILE in the workspace.
 */
export async function publishPlan(
  compact: string,
  workspace: string,
  cacheEntry: CacheEntryRef | undefined,
  inlineLimit: number = PLAN_HANDLE_MAX_BYTES,
): Promise<PublishedPlan> {
  const file = join(workspace, PLAN_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, compact);
  const inline = inlineHandle(compact, inlineLimit);
  if (inline !== undefined) return { handle: inline, how: 'inline' };
  const base: PlanHandle = { fastestPlan: 1, sha256: sha256(compact), bytes: Buffer.byteLength(compact), file: PLAN_FILE };
  if (cacheEntry && (await saveEntry(cacheEntry, workspace, 'plan'))) return { handle: JSON.stringify({ ...base, cacheKey: cacheEntry.key }), how: 'cache' };
  return { handle: JSON.stringify(base), how: 'file', advice: artifactAdvice(base.bytes) };
}

export interface PlanInput {
  plan: Plan;
  /** A file holding the plan, for `fastest --plan FILE`. */
  file: string;
}

/** The plan from a `plan:` input: a handle, a plan's JSON, or a path inside the workspace. */
export async function loadPlanInput(raw: string, workspace: string, tempDir: string, opts: { cache: boolean } = { cache: true }): Promise<PlanInput> {
  if (Buffer.byteLength(raw) > MAX_ACTION_VALUE_BYTES) {
    throw new InputError(
      `input 'plan' is ${Buffer.byteLength(raw)} bytes, over the ${MAX_ACTION_VALUE_BYTES}-byte limit of an input: pass the plan job's 'plan' output (a small handle) or a path to the plan file`,
    );
  }
  if (raw.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      throw new InputError("input 'plan' starts with '{' but is not valid JSON");
    }
    const text = isRecord(data) && 'fastestPlan' in data ? await fetchByHandle(parseHandle(data), workspace, opts.cache) : raw;
    return { plan: checkedPlan(text, "input 'plan'"), file: writeTemp(tempDir, text) };
  }
  const file = planPath(raw, workspace);
  return { plan: checkedPlan(readPlanFile(file, `input 'plan' (${raw})`), `plan file ${raw}`), file };
}

function parseHandle(data: Record<string, unknown>): PlanHandle {
  const bad = (what: string): never => {
    throw new InputError(`input 'plan' is not a valid plan handle: ${what}`);
  };
  if (data.fastestPlan !== 1) bad(`unsupported handle version ${JSON.stringify(data.fastestPlan)}`);
  if (typeof data.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(data.sha256)) bad('"sha256" is not a sha256 digest');
  if (typeof data.bytes !== 'number' || !Number.isInteger(data.bytes) || data.bytes < 0 || data.bytes > MAX_PLAN_BYTES)
    bad(`"bytes" is not a size up to ${MAX_PLAN_BYTES}`);
  for (const field of ['gzip', 'cacheKey', 'file'] as const)
    if (data[field] !== undefined && typeof data[field] !== 'string') bad(`"${field}" is not a string`);
  if (data.gzip === undefined && data.file === undefined) bad('it names neither an inline plan nor a file');
  return data as unknown as PlanHandle;
}

async function fetchByHandle(handle: PlanHandle, workspace: string, useCache: boolean): Promise<string> {
  let text: string;
  if (handle.gzip !== undefined) {
    try {
      text = gunzipSync(Buffer.from(handle.gzip, 'base64'), { maxOutputLength: MAX_PLAN_BYTES }).toString('utf8');
    } catch (err) {
      throw new InputError(`input 'plan': the inline plan cannot be decompressed: ${(err as Error).message}`);
    }
  } else {
    const file = planPath(handle.file ?? PLAN_FILE, workspace);
    if (handle.cacheKey !== undefined && useCache && cacheAvailable()) {
      await restoreEntry({ path: workspacePath(workspace, file), key: handle.cacheKey, restoreKeys: [] }, 'plan');
    }
    if (!existsSync(file)) {
      const how = handle.cacheKey !== undefined ? `the plan job saved it in the Actions cache (${handle.cacheKey}), which this job could not restore; ` : '';
      throw new InputError(`input 'plan': no plan file at ${handle.file ?? PLAN_FILE}: ${how}${artifactAdvice(handle.bytes)}`);
    }
    text = readPlanFile(file, `plan file ${handle.file ?? PLAN_FILE}`);
  }
  const digest = sha256(text);
  if (digest !== handle.sha256) {
    throw new InputError(
      `the plan's sha256 is ${digest.slice(0, 12)}…, not ${handle.sha256.slice(0, 12)}… as the plan job's handle says: the plan was changed or belongs to another run`,
    );
  }
  return text;
}

/** A plan path must resolve, symlinks followed, to a file inside the workspace. */
export function planPath(raw: string, workspace: string): string {
  const file = isAbsolute(raw) ? raw : resolve(workspace, raw);
  let root: string;
  try {
    root = realpathSync(workspace);
  } catch {
    root = resolve(workspace);
  }
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    // Not there (yet): judge the path as written.
    real = file;
  }
  if (real !== root && !real.startsWith(root + sep)) {
    throw new InputError(`input 'plan': ${raw} is outside the workspace (${workspace}); a plan file must be inside it`);
  }
  return file;
}

function readPlanFile(file: string, what: string): string {
  try {
    return readPlanText(file);
  } catch (err) {
    throw new InputError(`${what}: ${(err as Error).message}`);
  }
}

function checkedPlan(text: string, what: string): Plan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(`${what} is not valid JSON`);
  }
  const problem = planProblem(data);
  if (problem) throw new InputError(`${what} is not a fastest plan: ${problem}`);
  return data as Plan;
}

function writeTemp(tempDir: string, text: string): string {
  mkdirSync(tempDir, { recursive: true });
  const file = join(tempDir, 'plan.json');
  writeFileSync(file, text);
  return file;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
