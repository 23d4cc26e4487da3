// The Action's inputs, read once and checked: plain data for the roles. Paths are resolved
// against GITHUB_WORKSPACE (where actions/upload-artifact looks too), except the test paths in
// `args`, which are relative to `working-directory` as they would be for `fastest` run there.
import { isAbsolute, resolve } from 'node:path';
import { splitShellArgs } from '../config/index.js';
import { FAIL_ON_VALUES, type FailOn } from '../merge/verdict.js';

export type Role = 'plan' | 'run' | 'merge';

export interface ActionInputs {
  command: Role;
  shards: number | 'auto';
  targetSeconds?: number;
  /** 1-based shard index (run). */
  shard?: number;
  /** The plan as given: compact JSON text or a path to a plan file ('' when not given). */
  plan: string;
  python: string;
  /** Extra fastest arguments (paths, -k, -m, --timeout...), split like a shell would. */
  args: string[];
  /** Absolute directory fastest runs in. */
  workingDirectory: string;
  /** Absolute workspace root: relative paths in inputs and cache entries are relative to it. */
  workspace: string;
  /** run: the JUnit file to write; merge: a directory, file or glob of the shards' files. */
  junitPath: string;
  cache: boolean;
  cacheKeyPrefix: string;
  githubToken: string;
  comment: boolean;
  maxAnnotations: number;
  /** merge: report on the run that triggered this `workflow_run` workflow (workflow-run.ts). */
  fromWorkflowRun: boolean;
  /** merge: which failures fail the job (merge/verdict.ts). */
  failOn: FailOn;
  /** run, on a re-run of the workflow run: only the tests that did not pass before (previous-attempt.ts). */
  rerunFailedOnly: boolean;
  /** Measure coverage in the run jobs and report it at merge (also on when `args` has `--cov`). */
  coverage: boolean;
  /** merge: fail when the combined total is under this (pytest-cov's --cov-fail-under), once. */
  coverageFailUnder: number | null;
  /** plan, on pull requests: only the tests the PR's diff against its base can affect. */
  affected: boolean;
}

export class InputError extends Error {}

/** `get(name)` returns the raw input ('' when unset), as core.getInput does. */
export function readInputs(get: (name: string) => string, env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const command = get('command').trim();
  if (command !== 'plan' && command !== 'run' && command !== 'merge') {
    throw new InputError(`input 'command' must be plan, run or merge, got '${command}'`);
  }
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const within = (p: string): string => (isAbsolute(p) ? p : resolve(workspace, p));

  const shardsRaw = get('shards').trim() || 'auto';
  let shards: number | 'auto';
  if (shardsRaw === 'auto') shards = 'auto';
  else if (/^\d+$/.test(shardsRaw) && Number(shardsRaw) >= 1 && Number(shardsRaw) <= 256) shards = Number(shardsRaw);
  else throw new InputError(`input 'shards' must be a number from 1 to 256 or 'auto', got '${shardsRaw}'`);

  const targetRaw = get('target-seconds').trim();
  let targetSeconds: number | undefined;
  if (targetRaw !== '') {
    targetSeconds = Number(targetRaw);
    if (!Number.isFinite(targetSeconds) || targetSeconds <= 0) throw new InputError(`input 'target-seconds' must be a positive number, got '${targetRaw}'`);
  }

  const shardRaw = get('shard').trim();
  let shard: number | undefined;
  if (shardRaw !== '') {
    if (!/^\d+$/.test(shardRaw) || Number(shardRaw) < 1) throw new InputError(`input 'shard' must be a shard number (1, 2, ...), got '${shardRaw}'`);
    shard = Number(shardRaw);
  }
  if (command === 'run' && shard === undefined) throw new InputError("command 'run' needs input 'shard' (use ${{ matrix.shard }})");
  const plan = get('plan').trim();
  if (command === 'run' && plan === '') throw new InputError("command 'run' needs input 'plan' (use ${{ needs.<plan job>.outputs.plan }})");

  let args: string[];
  try {
    args = splitShellArgs(get('args'));
  } catch (err) {
    throw new InputError(`input 'args' cannot be split into arguments: ${(err as Error).message}`);
  }

  const maxRaw = get('max-annotations').trim() || '50';
  if (!/^\d+$/.test(maxRaw)) throw new InputError(`input 'max-annotations' must be a count, got '${maxRaw}'`);

  const fromWorkflowRun = booleanInput(get, 'from-workflow-run', false);
  if (fromWorkflowRun && command !== 'merge') throw new InputError(`input 'from-workflow-run' is for command 'merge', not '${command}'`);

  const failOn = get('fail-on').trim() || 'any';
  if (!(FAIL_ON_VALUES as readonly string[]).includes(failOn)) throw new InputError(`input 'fail-on' must be any or new, got '${failOn}'`);
  const failUnderRaw = get('coverage-fail-under').trim();
  let coverageFailUnder: number | null = null;
  if (failUnderRaw !== '') {
    coverageFailUnder = Number(failUnderRaw);
    if (!Number.isFinite(coverageFailUnder) || coverageFailUnder < 0 || coverageFailUnder > 100)
      throw new InputError(`input 'coverage-fail-under' must be a percentage from 0 to 100, got '${failUnderRaw}'`);
  }

  const junitRaw = get('junit-path').trim();
  const junitDefault = command === 'run' ? `fastest-results/junit-shard-${shard}.xml` : 'fastest-results';
  return {
    command,
    shards,
    targetSeconds,
    shard,
    plan,
    python: get('python').trim(),
    args,
    workingDirectory: within(get('working-directory').trim() || '.'),
    workspace,
    junitPath: within(junitRaw || junitDefault),
    cache: booleanInput(get, 'cache', true),
    cacheKeyPrefix: get('cache-key-prefix').trim() || 'fastest-v1',
    githubToken: get('github-token').trim(),
    comment: booleanInput(get, 'comment', true),
    maxAnnotations: Number(maxRaw),
    fromWorkflowRun,
    failOn: failOn as FailOn,
    rerunFailedOnly: booleanInput(get, 'rerun-failed-only', true),
    coverage: booleanInput(get, 'coverage', false),
    coverageFailUnder,
    affected: booleanInput(get, 'affected', false),
  };
}

/** YAML 1.2 core schema booleans, as core.getBooleanInput accepts them. */
function booleanInput(get: (name: string) => string, name: string, fallback: boolean): boolean {
  const raw = get(name).trim();
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new InputError(`input '${name}' must be true or false, got '${raw}'`);
}
