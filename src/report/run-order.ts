// The order pytest reports results in: it collects before it runs, so the reports of modules
// skipped whole at collection come first, then the tests' in the order it runs them, collection
// order. Workers finish tests in another order; the summaries and the report files put them back.

import { baseId, pathOfId } from '../nodeid.js';
import { isCollectionSkip, type TestResult } from '../types.js';

/**
 * `results` in pytest's order. `collectionOrder`: the selected ids in collection order (a module's
 * file stands for the tests it makes at collection). Modules in their order; within a module, its
 * units in their order (a unit ranks by its first listed id), and a unit's results as its worker ran
 * them: that is pytest's own order of the module's items, which discovery's listing is not when
 * pytest reorders them (parameters of a module-scoped fixture grouped, anyio's backends).
 */
export function inRunOrder(results: readonly TestResult[], collectionOrder: readonly string[] | undefined): TestResult[] {
  const order = collectionOrder ?? [];
  const position = positionsOf(order);
  const n = results.length;
  const collected = new Uint8Array(n);
  const moduleRank = new Float64Array(n);
  const unitRank = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = results[i];
    collected[i] = isCollectionSkip(r) ? 0 : 1;
    moduleRank[i] = position.get(pathOfId(r.id)) ?? order.length;
    const start = r.unitStart;
    unitRank[i] = start === undefined ? -1 : (position.get(start) ?? position.get(baseId(start)) ?? -1);
  }
  const indexes = Array.from({ length: n }, (_, i) => i);
  indexes.sort((a, b) => collected[a] - collected[b] || moduleRank[a] - moduleRank[b] || unitRank[a] - unitRank[b] || a - b);
  return indexes.map((i) => results[i]);
}

/** Each id's and each module's place in `order`, made once per order (the console and each report file ask). */
const positions = new WeakMap<readonly string[], Map<string, number>>();

function positionsOf(order: readonly string[]): Map<string, number> {
  const known = positions.get(order);
  if (known !== undefined) return known;
  const position = new Map<string, number>();
  let file = '';
  order.forEach((id, index) => {
    if (position.get(id) === undefined) position.set(id, index);
    // ids come grouped by module: a new module's first item gives its place
    if (id.startsWith(file) && id.startsWith('::', file.length)) return;
    file = pathOfId(id);
    if (position.get(file) === undefined) position.set(file, index);
  });
  positions.set(order, position);
  return position;
}
