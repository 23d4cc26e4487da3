// `fastest --shard auto`: the shard from GitLab's, CircleCI's or Buildkite's parallelism
// variables, and every parallel job planning the same timing-balanced split on its own (no plan
// file): each shard a separate process, together every test exactly once.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDirForFile } from './helpers/temp-dir.js';
import { readJUnitFile } from '../src/merge/junit-read.js';
import { CI_SHARD_SYSTEMS, shardFromCiEnv } from '../src/shard/ci-env.js';
import { TIMINGS_VERSION } from '../src/shard/timings.js';

const cli = join(__dirname, '..', 'dist', 'cli.js');

/** The environment without any CI parallelism variable of this machine's own. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
  for (const s of CI_SHARD_SYSTEMS) {
    delete env[s.indexVariable];
    delete env[s.totalVariable];
  }
  return { ...env, ...extra };
}

describe('shardFromCiEnv', () => {
  it("reads GitLab's 1-based CI_NODE_INDEX, CircleCI's and Buildkite's 0-based indices", () => {
    expect(shardFromCiEnv({ CI_NODE_INDEX: '2', CI_NODE_TOTAL: '3' })).toEqual({ index: 2, total: 3, source: 'GitLab CI (CI_NODE_INDEX=2, CI_NODE_TOTAL=3)' });
    expect(shardFromCiEnv({ CIRCLE_NODE_INDEX: '0', CIRCLE_NODE_TOTAL: '4' })).toMatchObject({ index: 1, total: 4 });
    expect(shardFromCiEnv({ CIRCLE_NODE_INDEX: '3', CIRCLE_NODE_TOTAL: '4' })).toMatchObject({ index: 4, total: 4 });
    expect(shardFromCiEnv({ BUILDKITE_PARALLEL_JOB: '2', BUILDKITE_PARALLEL_JOB_COUNT: '3' })).toMatchObject({ index: 3, total: 3 });
    expect(shardFromCiEnv({ CI_NODE_INDEX: ' 1 ', CI_NODE_TOTAL: '1' })).toMatchObject({ index: 1, total: 1 });
  });

  it('refuses out-of-range, non-numeric and half-set variables, and says when none is set', () => {
    expect(() => shardFromCiEnv({})).toThrow(
      '--shard auto: no CI parallelism variables are set (looked for CI_NODE_INDEX/CI_NODE_TOTAL, CIRCLE_NODE_INDEX/CIRCLE_NODE_TOTAL, BUILDKITE_PARALLEL_JOB/BUILDKITE_PARALLEL_JOB_COUNT); give --shard K/N',
    );
    // GitLab counts from 1: index 0 is not a shard; CircleCI's index equal to the total is past the last.
    expect(() => shardFromCiEnv({ CI_NODE_INDEX: '0', CI_NODE_TOTAL: '2' })).toThrow('out of range (CI_NODE_INDEX counts from 1)');
    expect(() => shardFromCiEnv({ CIRCLE_NODE_INDEX: '2', CIRCLE_NODE_TOTAL: '2' })).toThrow('out of range (CIRCLE_NODE_INDEX counts from 0)');
    expect(() => shardFromCiEnv({ BUILDKITE_PARALLEL_JOB: 'x', BUILDKITE_PARALLEL_JOB_COUNT: '2' })).toThrow('are not whole numbers');
    expect(() => shardFromCiEnv({ CI_NODE_TOTAL: '2' })).toThrow('GitLab CI sets only one of CI_NODE_INDEX and CI_NODE_TOTAL');
  });
});

describe('fastest --shard auto', () => {
  let project: string;
  let timings: string;
  const ids: string[] = [];

  beforeAll(() => {
    project = tempDirForFile('fastest-shard-auto-');
    mkdirSync(join(project, 'tests'));
    writeFileSync(join(project, 'pytest.ini'), '[pytest]\n');
    const store = { version: TIMINGS_VERSION, runs: 3, tests: {} as Record<string, number>, modules: {} as Record<string, number> };
    // One heavy module and five light ones: by count a 2-way split would be 3 modules each, by
    // the timings the heavy module is a shard on its own.
    for (let m = 0; m < 6; m++) {
      const file = `tests/test_m${m}.py`;
      const body = Array.from({ length: 4 }, (_, t) => `def test_${t}():\n    assert True\n`).join('\n');
      writeFileSync(join(project, file), body);
      for (let t = 0; t < 4; t++) {
        const id = `${file}::test_${t}`;
        ids.push(id);
        store.tests[id] = m === 0 ? 2.5 : 0.5;
      }
    }
    timings = join(project, 'durations.json');
    writeFileSync(timings, JSON.stringify(store));
  });

  function runShard(env: Record<string, string>, tag: string): { ids: string[]; status: number | null; stderr: string } {
    const junit = join(project, `junit-${tag}.xml`);
    const r = spawnSync(process.execPath, [cli, '--shard', 'auto', '--timings', 'durations.json', '--junitxml', junit, '-q', '-p', 'no:cacheprovider'], {
      cwd: project,
      env: cleanEnv(env),
      encoding: 'utf8',
    });
    const got = r.status === 0 ? readJUnitFile(junit).cases.map((c) => c.id) : [];
    return { ids: got.sort(), status: r.status, stderr: r.stderr };
  }

  it('without CI variables: one line on stderr and exit 4 (usage error)', () => {
    const r = spawnSync(process.execPath, [cli, '--shard', 'auto'], { cwd: project, env: cleanEnv(), encoding: 'utf8' });
    expect(r.status).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--shard auto: no CI parallelism variables are set');
  });

  it('each CI system: separate processes, every test exactly once, the same split whatever the system, timing-balanced', () => {
    const splits: string[][][] = [];
    for (const system of CI_SHARD_SYSTEMS) {
      const shards: string[][] = [];
      for (let k = 0; k < 2; k++) {
        const r = runShard({ [system.indexVariable]: String(k + system.firstIndex), [system.totalVariable]: '2' }, `${system.indexVariable}-${k}`);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stderr).toContain(`fastest: shard ${k + 1} of 2 from ${system.name} (`);
        shards.push(r.ids);
      }
      const all = shards.flat();
      expect(all).toHaveLength(ids.length);
      expect(new Set(all)).toEqual(new Set(ids));
      splits.push(shards);
    }
    expect(splits[1]).toEqual(splits[0]);
    expect(splits[2]).toEqual(splits[0]);
    // Balanced by the timings file, not by count: the 10 s module alone in one shard, the five 2 s ones in the other.
    const heavy = ids.filter((id) => id.startsWith('tests/test_m0.py'));
    expect(splits[0]?.some((shard) => JSON.stringify(shard) === JSON.stringify(heavy))).toBe(true);
  }, 120_000);

  it('with a plan file: the index from the CI, and a count that differs from the plan is a usage error', () => {
    const plan = spawnSync(process.execPath, [cli, 'plan', '--shards', '2', '--timings', 'durations.json', '--out', 'plan.json'], {
      cwd: project,
      env: cleanEnv(),
      encoding: 'utf8',
    });
    expect(plan.status, plan.stderr).toBe(0);
    const junit = join(project, 'junit-plan.xml');
    const run = spawnSync(process.execPath, [cli, '--plan', 'plan.json', '--shard', 'auto', '--junitxml', junit, '-p', 'no:cacheprovider'], {
      cwd: project,
      env: cleanEnv({ CIRCLE_NODE_INDEX: '1', CIRCLE_NODE_TOTAL: '2' }),
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readJUnitFile(junit).cases.length).toBeGreaterThan(0);
    const wrong = spawnSync(process.execPath, [cli, '--plan', 'plan.json', '--shard', 'auto'], {
      cwd: project,
      env: cleanEnv({ CIRCLE_NODE_INDEX: '1', CIRCLE_NODE_TOTAL: '3' }),
      encoding: 'utf8',
    });
    expect(wrong.status).toBe(4);
    expect(wrong.stderr).toContain('--shard 2/3: the plan has 2 shards');
  }, 60_000);

  it('the same shard twice, in separate processes, runs the same tests; 3 shards also cover every test once', () => {
    const first = runShard({ CI_NODE_INDEX: '2', CI_NODE_TOTAL: '3' }, 'again-1');
    const second = runShard({ CI_NODE_INDEX: '2', CI_NODE_TOTAL: '3' }, 'again-2');
    expect(first.ids.length).toBeGreaterThan(0);
    expect(second.ids).toEqual(first.ids);
    const all = [
      first.ids,
      runShard({ CI_NODE_INDEX: '1', CI_NODE_TOTAL: '3' }, 'three-1').ids,
      runShard({ CI_NODE_INDEX: '3', CI_NODE_TOTAL: '3' }, 'three-3').ids,
    ].flat();
    expect(all.sort()).toEqual([...ids].sort());
  }, 120_000);
});
