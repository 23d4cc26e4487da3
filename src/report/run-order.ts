// The order pytest reports results in: it collects before it runs, so the reports of modules
// skipped whole at collection come first, then the tests' in the order it runs them, collection
// order. Workers finish tests in another order; the summaries and the report files put them back.

import { baseId, pathOfId } from '../nodeid.js';
import { isCollectionSkip, type TestResult } from '../types.js';

/**
 * `results` in pytest's order. `collectionOrder`: the selected ids in collection order (a module's
 * file stands for the tests it makes at collection). A result ranks by its id, else its base id
 * (an expanded dynamic item), else its file's first item; ties keep the order they came in.
 */
export function inRunOrder(results: readonly TestResult[], collectionOrder: readonly string[] | undefined): TestResult[] {
  const order = collectionOrder ?? [];
  const position = new Map<string, number>();
  let file = '';
  order.forEach((id, index) => {
    if (position.get(id) === undefined) position.set(id, index);
    // ids come grouped by module: a new module's first item gives its place
    if (id.startsWith(file) && id.startsWith('::', file.length)) return;
    file = pathOfId(id);
    if (position.get(file) === undefined) position.set(file, index);
  });
  const rank = (id: string) => position.get(id) ?? position.get(baseId(id)) ?? position.get(pathOfId(id)) ?? order.length;
  // One number per result, (collected, rank, arrival), sorted as a typed array: a comparator over
  // objects took 8-16 ms for 10,000 results.
  const n = results.length;
  const keys = new Float64Array(n);
  for (let arrival = 0; arrival < n; arrival++) {
    const r = results[arrival];
    const collected = isCollectionSkip(r) ? 0 : order.length + 1;
    keys[arrival] = (collected + rank(r.id)) * n + arrival;
  }
  keys.sort();
  const sorted = new Array<TestResult>(n);
  for (let i = 0; i < n; i++) sorted[i] = results[keys[i] % n];
  return sorted;
}
