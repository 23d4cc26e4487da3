// `--collect-only -q`: the ids the workers' collection pass collected, as the command line selects
// them. pytest imports every module to list it; discovery alone cannot see a module that fails
// to import, or the tests a module makes when it is imported.
import { coveringIds } from '../nodeid.js';
import { expansionSelected, type SelectOptions } from '../select/index.js';
import { wholeFileItem, type TestItem } from '../types.js';

export interface PassListing {
  /** The ids pytest lists, in collection order. */
  ids: string[];
  /** Collected ids -k, -m, --deselect or --lf leave out (pytest's `N deselected`). */
  deselected: number;
}

/**
 * What pytest lists of what each file collected. An id discovery listed keeps discovery's
 * verdict; any other (an expansion, a test made at import) is judged as pytest judges it: under
 * the node-id arguments, then by -k/-m/--deselect. An id the workers' filter left out
 * (`filteredByWorkers`) is deselected when discovery did not decide it (`leftToRun`: -k/-m could
 * not, a decorator's attributes say). A file without collected ids (it failed to import, or
 * skipped itself) lists nothing.
 */
export function listingOfPass(
  files: readonly string[],
  collectedByFile: ReadonlyMap<string, readonly string[]>,
  selected: readonly TestItem[],
  deselected: readonly TestItem[],
  narrowIds: ReadonlyMap<string, readonly string[]>,
  selectOptions: SelectOptions,
  filteredByWorkers: ReadonlySet<string> = new Set(),
  leftToRun: ReadonlySet<string> = new Set(),
): PassListing {
  const chosen = new Map(selected.map((item) => [item.id, item]));
  const left = new Set(deselected.map((item) => item.id));
  const underArguments: SelectOptions = { ...selectOptions, keyword: undefined, markexpr: undefined, deselect: [] };
  // (-k/-m the workers judged, every test when a conftest's hook may add marks: `filterAtRun`)
  const judging = selectOptions.filterAtRun ? { ...selectOptions, keyword: undefined, markexpr: undefined } : selectOptions;
  const listing: PassListing = { ids: [], deselected: 0 };
  const judge = (item: TestItem, id: string): void => {
    if (!expansionSelected(item, id, undefined, underArguments)) return;
    if (expansionSelected(item, id, undefined, judging)) listing.ids.push(id);
    else listing.deselected++;
  };
  for (const file of files) {
    for (const id of collectedByFile.get(file) ?? []) {
      // (discovery's verdict on an id it listed stands, unless it left the id to the run:
      // `leftToRun`, or every test when a conftest's hook may add marks)
      if (filteredByWorkers.has(id) && (selectOptions.filterAtRun || !chosen.has(id) || leftToRun.has(id))) listing.deselected++;
      else if (chosen.has(id)) listing.ids.push(id);
      else if (left.has(id)) listing.deselected++;
      else {
        const covering = coveringIds(id).find((cover) => chosen.has(cover) || left.has(cover));
        if (covering === undefined) {
          judge(wholeFileItem(file), id);
        } else if (left.has(covering)) {
          listing.deselected++;
        } else {
          const narrowed = narrowIds.get(covering);
          if (narrowed === undefined) judge(chosen.get(covering)!, id);
          else if (narrowed.includes(id)) listing.ids.push(id);
        }
      }
    }
  }
  return listing;
}
