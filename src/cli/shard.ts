// `--plan FILE --shard K` and `--shard K/N`: which of the selected tests this process runs.
import { join, resolve } from 'node:path';
import { digestIds, makePlan, readPlan, unitTestIds, type Plan } from '../shard/plan.js';
import { baseId, DEFAULT_TIMINGS_PATH, Estimator, loadTimings } from '../shard/timings.js';
import type { TestItem } from '../types.js';
import { UsageError } from './args.js';
import type { Session } from './session.js';

export interface ShardSelection {
  items: TestItem[];
  /** Expected seconds per test id, for the local scheduler. */
  expected: Map<string, number>;
}

function itemsOfShard(plan: Plan, index: number, items: TestItem[]): TestItem[] {
  const shard = plan.shards.find((s) => s.index === index);
  if (!shard) throw new UsageError(`--shard ${index}: the plan has ${plan.shards.length} shards`);
  const wanted = new Set<string>();
  for (const unit of shard.units) for (const id of unitTestIds(unit)) wanted.add(id);
  return items.filter((i) => wanted.has(i.id) || (i.dynamic && wanted.has(baseId(i.id))));
}

export async function selectShard(session: Session, items: TestItem[]): Promise<ShardSelection> {
  const { options, config } = session;
  const timingsPath = join(config.rootdir, DEFAULT_TIMINGS_PATH);
  const loaded = loadTimings(timingsPath);
  if (loaded.warning) process.stderr.write(`fastest: warning: ${loaded.warning}\n`);
  const estimator = new Estimator(loaded.store);
  const expected = new Map<string, number>();
  for (const item of items) expected.set(item.id, estimator.test(item));
  if (options.plan) {
    if (!options.shard) throw new UsageError('--plan needs --shard K');
    const plan = readPlan(resolve(session.cwd, options.plan));
    if (digestIds(items.map((i) => i.id)) !== plan.digest) {
      process.stderr.write('fastest: warning: the tests discovered here differ from the plan\'s; running the plan\'s units that exist\n');
    }
    return { items: itemsOfShard(plan, options.shard.index, items), expected };
  }
  if (options.shard) {
    if (options.shard.total === null) throw new UsageError('--shard K needs --plan FILE, or use --shard K/N');
    const plan = makePlan(items, loaded.store, { shards: options.shard.total, explicitIds: true });
    return { items: itemsOfShard(plan, options.shard.index, items), expected };
  }
  return { items, expected };
}
