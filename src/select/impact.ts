// Applies a test-impact selection (--changed / --affected-by): the tests no change can affect are
// deselected, as `--deselect` would.
import type { TestItem } from '../types.js';
import type { SelectResult } from './index.js';

export function applyImpact(selection: SelectResult, affected: ReadonlyMap<string, string>): SelectResult {
  const selected: TestItem[] = [];
  const deselected = [...selection.deselected];
  for (const item of selection.selected) (affected.has(item.id) ? selected : deselected).push(item);
  return { ...selection, selected, deselected };
}
