// `--plan FILE --shard K` and `--shard K/N`: which of the selected tests this process runs.
import { join, resolve } from 'node:path';
import { digestIds, makePlan, readPlan, unitTestIds, type Plan } from '../shard/plan.js';
import { coveringIds, pathOfId } from '../nodeid.js';
import { unverifiedItemOfId } from '../select/index.js';
import { DEFAULT_TIMINGS_PATH, Estimator, loadTimings } from '../shard/timings.js';
import type { FileCost } from '../runner/run-cost.js';
import type { TestItem } from '../types.js';
import { UsageError } from './args.js';
import type { Collected, Session } from './session.js';

export interface ShardSelection {
  items: TestItem[];
  /** Expected seconds per test id, for the local scheduler. */
  expected: Map<string, number>;
  /**
   * Whether this process reports a file's collection error (every shard's collection pass imports
   * the whole plan's modules, as pytest's collection would): the shard the plan gives the file's
   * tests to, which meets the error in its own units anyway; a file the plan holds no items of (an
   * error discovery saw) goes to one shard chosen by its name. Exactly one shard, lest the merge
   * count the error twice.
   */
  ownsCollectionError: (file: string) => boolean;
  /**
   * The shard's planned ids that no discovered item here stands for: runs of this content found
   * that pytest does not collect them (the discovery cache learned it), or the file changed.
   */
  notListed: string[];
}

function shardOfFile(file: string, shards: number): number {
  let hash = 0;
  for (let i = 0; i < file.length; i++) hash = (hash * 31 + file.charCodeAt(i)) >>> 0;
  return (hash % shards) + 1;
}

/** The shard that reports `file`'s collection error (ShardSelection.ownsCollectionError). */
function collectionErrorOwner(plan: Plan): (file: string) => number {
  const holder = new Map<string, number>();
  for (const shard of plan.shards) for (const unit of shard.units) if (!holder.has(unit.file)) holder.set(unit.file, shard.index);
  return (file) => holder.get(file) ?? shardOfFile(file, plan.shards.length);
}

/**
 * `all`: every discovered item, selected or not (an id -k removed is not "not listed").
 * `modules`: the test modules found here: a planned id no item stands for in one of them (a test
 * made at import, planned as an unverified item) runs as one, for the module's collection to decide.
 */
function itemsOfShard(plan: Plan, index: number, items: TestItem[], all: TestItem[], modules: ReadonlySet<string>): { items: TestItem[]; notListed: string[] } {
  const shard = plan.shards.find((s) => s.index === index);
  if (!shard) throw new UsageError(`--shard ${index}: the plan has ${plan.shards.length} shards`);
  const wanted = new Set<string>();
  for (const unit of shard.units) for (const id of unitTestIds(unit)) wanted.add(id);
  const found = new Set<string>();
  // A planned dynamic item (its id without parameters, or a module or class) is satisfied by the
  // ids a run taught discovery it expands to.
  const planned = (item: TestItem): string | undefined => coveringIds(item.id).find((id) => wanted.has(id));
  const selected = items.filter((item) => planned(item) !== undefined);
  for (const item of [...all, ...selected]) {
    const id = planned(item);
    if (id !== undefined) found.add(id);
  }
  const notFound = [...wanted].filter((id) => !found.has(id));
  const unverified = notFound.filter((id) => id.includes('::') && modules.has(pathOfId(id))).map(unverifiedItemOfId);
  return { items: [...selected, ...unverified], notListed: notFound.filter((id) => !id.includes('::') || !modules.has(pathOfId(id))) };
}

export async function selectShard(
  session: Session,
  items: TestItem[],
  all: TestItem[] = items,
  modules: ReadonlySet<string> = new Set(),
  measuredFiles: Readonly<Record<string, FileCost>> = {},
): Promise<ShardSelection> {
  const { options, config } = session;
  const timingsPath = options.timings !== null ? resolve(session.cwd, options.timings) : join(config.rootdir, DEFAULT_TIMINGS_PATH);
  const loaded = loadTimings(timingsPath);
  if (loaded.warning) process.stderr.write(`fastest: warning: ${loaded.warning}\n`);
  const estimator = new Estimator(loaded.store, measuredFiles);
  const expected = new Map<string, number>();
  for (const item of items) expected.set(item.id, estimator.test(item));
  if (options.shard?.source) process.stderr.write(`fastest: shard ${options.shard.index} of ${options.shard.total} from ${options.shard.source}\n`);
  if (options.plan) {
    if (!options.shard) throw new UsageError('--plan needs --shard K');
    const plan = readPlan(resolve(session.cwd, options.plan));
    if (digestIds(items.map((i) => i.id)) !== plan.digest) {
      process.stderr.write("fastest: warning: the tests discovered here differ from the plan's; running the plan's units that exist\n");
    }
    const { index, total } = options.shard;
    if (total !== null && total !== plan.shards.length) throw new UsageError(`--shard ${index}/${total}: the plan has ${plan.shards.length} shards`);
    const owner = collectionErrorOwner(plan);
    return { ...itemsOfShard(plan, index, items, all, modules), expected, ownsCollectionError: (file) => owner(file) === index };
  }
  if (options.shard) {
    if (options.shard.total === null) throw new UsageError('--shard K needs --plan FILE, or use --shard K/N');
    const { index, total } = options.shard;
    const plan = makePlan(items, loaded.store, { shards: total, explicitIds: true });
    const owner = collectionErrorOwner(plan);
    return { ...itemsOfShard(plan, index, items, all, modules), expected, ownsCollectionError: (file) => owner(file) === index };
  }
  return { items, expected, ownsCollectionError: () => true, notListed: [] };
}

/**
 * What `--collect-only` (and `fastest discover`) list under `--shard`/`--plan`: the shard's share
 * of the selection, as its run selects it, and the collection errors it reports; as collected
 * without a shard.
 */
export async function shardListing(session: Session, collected: Collected): Promise<Collected> {
  if (!session.options.shard) return collected;
  const { discovery, selection } = collected;
  const shard = await selectShard(session, selection.selected, discovery.items, collected.selectOptions.modules);
  return {
    ...collected,
    discovery: { ...discovery, errors: discovery.errors.filter((e) => shard.ownsCollectionError(e.file)) },
    selection: { ...selection, selected: shard.items },
  };
}
