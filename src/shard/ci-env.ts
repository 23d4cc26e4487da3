// `--shard auto`: the shard this job runs, from the parallelism variables other CI systems set
// on each of a job's parallel copies. GitLab counts from 1; CircleCI and Buildkite from 0.

export interface CiShard {
  /** 1-based, as in `--shard K/N`. */
  index: number;
  total: number;
  /** Where it came from: `GitLab CI (CI_NODE_INDEX=2, CI_NODE_TOTAL=4)`. */
  source: string;
}

interface CiSystem {
  name: string;
  indexVariable: string;
  totalVariable: string;
  /** What the index variable holds for the first shard. */
  firstIndex: 0 | 1;
}

export const CI_SHARD_SYSTEMS: readonly CiSystem[] = [
  { name: 'GitLab CI', indexVariable: 'CI_NODE_INDEX', totalVariable: 'CI_NODE_TOTAL', firstIndex: 1 },
  { name: 'CircleCI', indexVariable: 'CIRCLE_NODE_INDEX', totalVariable: 'CIRCLE_NODE_TOTAL', firstIndex: 0 },
  { name: 'Buildkite', indexVariable: 'BUILDKITE_PARALLEL_JOB', totalVariable: 'BUILDKITE_PARALLEL_JOB_COUNT', firstIndex: 0 },
];

/** Thrown with a one-line message: the caller turns it into its usage error. */
export class CiShardError extends Error {}

/**
 * The first CI system (in CI_SHARD_SYSTEMS order) whose index or count variable is set. A
 * system with only one of its pair set, or values that are not whole numbers in range, is an
 * error rather than a silent fallback to the next system.
 */
export function shardFromCiEnv(env: NodeJS.ProcessEnv): CiShard {
  for (const system of CI_SHARD_SYSTEMS) {
    const rawIndex = env[system.indexVariable]?.trim();
    const rawTotal = env[system.totalVariable]?.trim();
    if (!rawIndex && !rawTotal) continue;
    const both = `${system.indexVariable}=${rawIndex ?? ''}, ${system.totalVariable}=${rawTotal ?? ''}`;
    if (!rawIndex || !rawTotal)
      throw new CiShardError(`--shard auto: ${system.name} sets only one of ${system.indexVariable} and ${system.totalVariable} (${both})`);
    if (!/^\d+$/.test(rawIndex) || !/^\d+$/.test(rawTotal)) throw new CiShardError(`--shard auto: ${system.name}'s ${both} are not whole numbers`);
    const total = Number(rawTotal);
    const index = Number(rawIndex) - system.firstIndex + 1;
    if (total < 1 || index < 1 || index > total) {
      throw new CiShardError(`--shard auto: ${system.name}'s ${both} is out of range (${system.indexVariable} counts from ${system.firstIndex})`);
    }
    return { index, total, source: `${system.name} (${both})` };
  }
  const names = CI_SHARD_SYSTEMS.map((s) => `${s.indexVariable}/${s.totalVariable}`).join(', ');
  throw new CiShardError(`--shard auto: no CI parallelism variables are set (looked for ${names}); give --shard K/N`);
}
