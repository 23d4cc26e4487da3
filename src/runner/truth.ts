// What the run says was collected, against what discovery listed (docs/protocol.md, "Collected
// counts"): ids a module does not produce are not collected (no result, not counted), dynamic
// items count as the ids they expand to, and each module's true ids are kept for the discovery
// cache to learn from.
import { baseId, containerIds, coveringIds, pathContains } from '../nodeid.js';
import type { TestItem, Unit } from '../types.js';
import type { UnitCollected } from './pool.js';

export interface TruthInput {
  selected: TestItem[];
  deselected: TestItem[];
  /** Every item discovery listed (the files' items the cache learns about). */
  all: TestItem[];
  units: Unit[];
  /** Expanded id asked for by argument (`test_p[1]`) -> the dynamic item it narrows. */
  narrowOwner: Map<string, string>;
  /** Ids asked for (a plan's) that discovery no longer lists: not collected from the start. */
  notListed?: string[];
  /** Whether -k/-m/--deselect keep an expansion the worker reports (Node-side expansion filter). */
  keeps(id: string): boolean;
  /** Wait for every run file's counts, not only those with dynamic items (node ids were asked for:
   * a few tests, and one the module does not produce changes the header to pytest's). */
  waitForAll?: boolean;
  /** Files whose counts only their units know (tests -k/-m left to the run). */
  waitForFiles?: ReadonlySet<string>;
}

/** How many of `ids` each item stands for: its own id, else its expansions and its contents. */
function countsOf(items: TestItem[], ids: string[]): Map<TestItem, string[]> {
  const byKey = new Map<string, string[]>();
  const add = (key: string, id: string) => {
    const list = byKey.get(key);
    if (list) list.push(id);
    else byKey.set(key, [id]);
  };
  for (const id of ids) {
    add(id, id);
    // Containers are cut from the id without its parameters: those may hold `::` themselves (`[a::b]`).
    const base = baseId(id);
    if (base !== id) add(base, id);
    for (const container of containerIds(base)) add(container, id);
  }
  // An id listed as an item of its own is that item's, not also its container's.
  const listed = new Set(items.map((item) => item.id));
  const out = new Map<TestItem, string[]>();
  for (const item of items) {
    const found = byKey.get(item.id) ?? [];
    out.set(item, found.includes(item.id) ? [item.id] : found.filter((id) => !listed.has(id)));
  }
  return out;
}

export class CollectionTruth {
  /** Selected tests, corrected as units report: the progress total. */
  selected: number;
  /** Collected tests removed by -k/-m/--deselect, corrected as modules report. */
  deselected: number;
  /** Selected ids discovery listed that their module does not produce. */
  readonly notCollected: string[] = [];
  /** Files whose header counts the console waits for (they hold dynamic items). */
  readonly waitFor: Set<string>;
  /** Each reported module's ids in collection order. */
  readonly modules = new Map<string, string[]>();
  private readonly selectedByFile = new Map<string, number>();
  private readonly deselectedByFile = new Map<string, TestItem[]>();
  /** The listed ids -k/-m/--deselect left out: a unit that runs them anyway (a class a node id
   * asked for, whose tests the filter judges id by id) does not count them again. */
  private readonly deselectedIds: Set<string>;
  private readonly narrowOwner: Map<string, string>;
  private readonly keeps: (id: string) => boolean;
  private readonly selectedItemsByFile = new Map<string, TestItem[]>();
  private readonly runFiles: Set<string>;
  /** Modules a collector inside of failed (a class): counted from the pass, taught nothing. */
  private readonly partialFiles = new Set<string>();
  /** How many tests the collection pass found in run files it found other than listed. */
  private readonly passItems = new Map<string, number>();
  /** Ids a conftest's or plugin's pytest_collection_modifyitems deselected (pytest_deselected), per file. */
  private readonly hookDeselected = new Map<string, Set<string>>();
  /** Of those, the listed selected ids the counts moved from selected to deselected, per file. */
  private readonly hookUnselected = new Map<string, Set<string>>();
  /** How many of those the run's arguments collect (a listing counts them beside its own deselected). */
  hookDeselectedCollected = 0;

  constructor(input: TruthInput) {
    this.selected = input.selected.length;
    this.deselected = input.deselected.length;
    this.narrowOwner = input.narrowOwner;
    this.keeps = input.keeps;
    this.notCollected.push(...(input.notListed ?? []));
    for (const item of input.selected) {
      this.selectedByFile.set(item.file, (this.selectedByFile.get(item.file) ?? 0) + 1);
      const list = this.selectedItemsByFile.get(item.file);
      if (list) list.push(item);
      else this.selectedItemsByFile.set(item.file, [item]);
    }
    this.deselectedIds = new Set(input.deselected.map((item) => item.id));
    for (const item of input.deselected) {
      const list = this.deselectedByFile.get(item.file);
      if (list) list.push(item);
      else this.deselectedByFile.set(item.file, [item]);
    }
    this.runFiles = new Set(input.units.map((u) => u.file));
    this.waitFor = new Set();
    for (const item of [...input.selected, ...input.deselected]) {
      if ((item.dynamic || input.waitForAll || input.waitForFiles?.has(item.file)) && this.runFiles.has(item.file)) this.waitFor.add(item.file);
    }
  }

  /**
   * The collection pass collected `items` tests in a run file whose listed items are all static:
   * other than as many as discovery listed (a plugin collects more, pytest-describe's blocks),
   * the header waits for its unit's ids, as for a file with dynamic items.
   */
  passCollected(file: string, items: number): void {
    if (!this.runFiles.has(file) || this.modules.has(file)) return;
    const listed = (this.selectedByFile.get(file) ?? 0) + (this.hookUnselected.get(file)?.size ?? 0) + (this.deselectedByFile.get(file)?.length ?? 0);
    const collected = items + (this.hookDeselected.get(file)?.size ?? 0);
    // (a file with dynamic items waits already)
    if (this.waitFor.has(file) || (listed > 0 && collected !== listed)) {
      this.waitFor.add(file);
      this.passItems.set(file, items);
    }
  }

  /**
   * The session ends at the pass's collection errors, no unit runs: the files the header waits for
   * count what the pass collected in them (pytest's `collected N items / 1 error`). Only without
   * -k/-m/--deselect (the pass counts a module's tests, not which of them a filter keeps).
   */
  countFromPass(): boolean {
    let changed = false;
    for (const [file, items] of this.passItems) {
      if (!this.waitFor.has(file) || this.deselectedByFile.has(file)) continue;
      this.selected += items - (this.selectedByFile.get(file) ?? 0);
      this.selectedByFile.set(file, items);
      this.waitFor.delete(file);
      changed = true;
    }
    return changed;
  }

  /**
   * The collection pass collected `ids` in `file`, where a collector inside failed (a class,
   * reported as its own error): those are the module's tests, the failed collector's listed ones
   * are not collected. Its units' collected frames change nothing after this.
   */
  partiallyCollected(file: string, ids: string[]): void {
    if (this.partialFiles.has(file)) return;
    this.partialFiles.add(file);
    const kept = ids.filter((id) => this.keeps(id)).length;
    this.selected += kept - (this.selectedByFile.get(file) ?? 0);
    this.deselected += ids.length - kept - (this.deselectedByFile.get(file)?.length ?? 0);
    this.selectedByFile.set(file, kept);
    this.deselectedByFile.delete(file);
    for (const [item, found] of countsOf(this.selectedItemsByFile.get(file) ?? [], ids)) if (found.length === 0) this.notCollected.push(item.id);
    this.modules.set(file, ids);
    this.waitFor.delete(file);
  }

  /**
   * A module's hooks deselected `ids` (a conftest's or plugin's pytest_collection_modifyitems,
   * through pytest_deselected), as the collection pass or a unit reports them, once per worker
   * that collected it: each id counts once, as deselected, and a listed selected one no longer as
   * selected (the module's collected ids leave it out). Returns true when a count changed.
   */
  hookDeselect(file: string, ids: readonly string[]): boolean {
    let seen = this.hookDeselected.get(file);
    if (!seen) this.hookDeselected.set(file, (seen = new Set()));
    // (each unit of the file, in each worker, reports them again)
    const fresh = ids.filter((id) => !seen.has(id));
    if (fresh.length === 0) return false;
    const unselected = this.hookUnselected.get(file) ?? new Set<string>();
    const listedSelected = new Set(this.selectedItemsByFile.get(file)?.map((item) => item.id));
    const listedDeselected = new Set(this.deselectedByFile.get(file)?.map((item) => item.id));
    let changed = false;
    for (const id of fresh) {
      seen.add(id);
      if (listedDeselected.has(id)) {
        this.hookDeselectedCollected++; // -k/-m/--deselect left it out already
        continue;
      }
      // (the module's other tests, which node-id arguments leave uncollected: pytest's hook never sees them)
      if (!listedSelected.has(id) && !coveringIds(id).some((cover) => listedSelected.has(cover))) continue;
      this.hookDeselectedCollected++;
      changed = true;
      this.deselected++;
      // (once the file's ids are known its selected count is theirs, which leave the id out)
      if (listedSelected.has(id) && !this.modules.has(file)) {
        unselected.add(id);
        this.selected--;
        this.selectedByFile.set(file, (this.selectedByFile.get(file) ?? 1) - 1);
      }
    }
    if (unselected.size > 0) this.hookUnselected.set(file, unselected);
    return changed;
  }

  /** The ids the hooks of `file` deselected. */
  hookDeselectedIn(file: string): ReadonlySet<string> {
    return this.hookDeselected.get(file) ?? new Set();
  }

  /** A unit's collected frame; returns true when a count changed. */
  unitCollected(info: UnitCollected): boolean {
    if (this.partialFiles.has(info.file)) {
      this.waitFor.delete(info.file);
      return false;
    }
    const [selectedBefore, deselectedBefore] = [this.selected, this.deselected];
    const hookChanged = info.deselected !== undefined && this.hookDeselect(info.file, info.deselected);
    const hooked = this.hookDeselected.get(info.file);
    const kept = info.ids.filter((id) => this.keeps(id));
    if (!info.retry) {
      if (info.unitIds === null) {
        // The whole file: the items discovery listed for it become what the module produced.
        this.selected += kept.length - (this.selectedByFile.get(info.file) ?? 0);
        this.deselected += this.newlyDeselected(info.ids, kept);
        const items = this.selectedItemsByFile.get(info.file) ?? [];
        const ids = new Set(hooked ? [...info.ids, ...hooked] : info.ids);
        // Usually every listed item was collected as itself: none is missing, no expansion to count.
        if (!items.every((item) => ids.has(item.id))) {
          for (const [item, found] of countsOf(items, [...ids])) if (found.length === 0) this.notCollected.push(item.id);
        }
      } else {
        const unselected = this.hookUnselected.get(info.file);
        const items = new Set(info.unitIds.map((id) => this.narrowOwner.get(id) ?? id).filter((id) => !unselected?.has(id)));
        this.selected += kept.length - items.size;
        this.deselected += this.newlyDeselected(info.ids, kept);
        this.notCollected.push(...info.missing);
      }
    }
    const collected = info.unitIds === null ? info.ids : info.module;
    const module = collected && hooked ? [...new Set([...collected, ...hooked])] : collected;
    if (module && !this.modules.has(info.file)) {
      this.modules.set(info.file, module);
      // Deselected items of the file: as many as the module really has of them.
      const deselected = this.deselectedByFile.get(info.file);
      if (deselected) {
        for (const [, ids] of countsOf(deselected, module)) {
          // (a unit run whole ran the tests of a deselected item it made: newlyDeselected counted them)
          if (info.unitIds === null && ids.length > 0) continue;
          this.deselected += ids.length - 1;
        }
      }
    }
    this.waitFor.delete(info.file);
    // (a test the filter left out moves from selected to deselected: the sum alone stays)
    return hookChanged || this.selected !== selectedBefore || this.deselected !== deselectedBefore;
  }

  /**
   * How many more tests a unit's filter left out than the listed items it ran that -k/-m had
   * deselected already (a module run whole because its import makes tests, a class a node id
   * asked for): each such item counted once, its tests as they are.
   */
  private newlyDeselected(ids: string[], kept: string[]): number {
    if (kept.length === ids.length) return 0; // (no filter judged the unit's tests)
    const keptIds = new Set(kept);
    const counted = new Set<string>();
    let rejected = 0;
    for (const id of ids) {
      if (keptIds.has(id)) continue;
      rejected++;
      for (const covering of coveringIds(id)) if (this.deselectedIds.has(covering)) counted.add(covering);
    }
    return rejected - counted.size;
  }

  /** Tests discovery did not list, found in a module whose listed tests were all deselected. */
  found(selected: number, deselected: number): void {
    this.selected += selected;
    this.deselected += deselected;
  }

  /**
   * The collection pass collected `ids` in `file`, whose listed tests were all deselected: each
   * deselected item counts the tests the module made of it (a run-time parametrize's), and a listed
   * test it did not make (a hook replaced its class: SQLAlchemy's plugin) was never pytest's to
   * deselect.
   */
  moduleFound(file: string, ids: string[]): void {
    if (this.modules.has(file)) return;
    this.modules.set(file, ids);
    const deselected = this.deselectedByFile.get(file);
    if (deselected) for (const [, found] of countsOf(deselected, ids)) this.deselected += found.length - 1;
  }

  /** The file failed to collect, or pytest stopped collecting before it: none of its items count. */
  collectionFailed(file: string): void {
    if (this.modules.has(file)) return;
    this.selected -= this.selectedByFile.get(file) ?? 0;
    this.deselected -= this.deselectedByFile.get(file)?.length ?? 0;
    this.selectedByFile.delete(file);
    this.deselectedByFile.delete(file);
    // (its error or skip stands for its listed tests: none of them is "not collected")
    this.selectedItemsByFile.delete(file);
    this.waitFor.delete(file);
  }

  /** A collector was skipped whole or failed (a module at import; a directory whose conftest
   * skips or fails to load): the files it holds collect nothing. */
  collectorUncollected(id: string): void {
    for (const file of filesUnder([...this.selectedByFile.keys(), ...this.deselectedByFile.keys()], [id])) this.collectionFailed(file);
  }

  /** A unit ended (its file may have failed to collect: its counts stay as discovery said). */
  unitDone(file: string): void {
    this.waitFor.delete(file);
  }

  /**
   * What the run taught about each reported module, for the discovery cache: every listed item
   * whose id the module does not produce as such, with the ids it stands for (none: a phantom).
   * Only modules with something to teach: such an item, or ids no listed item accounts for.
   * The ids of the file's other collectors (those no item of the module's own stands for) are
   * the record's '' when they are not what discovery listed for them (`beside` items).
   * A listed module that failed to collect in the run, or was skipped whole at import
   * (`erroredFiles`), teaches that it is a collection error: `{file: [file]}`, the module as one
   * dynamic item, none of its listed ids (it runs whole, and reports its error or skip).
   */
  lessons(all: TestItem[], erroredFiles: string[] = []): Map<string, Record<string, string[]>> {
    const byFile = new Map<string, TestItem[]>();
    for (const item of all) {
      if (!this.modules.has(item.file)) continue;
      const list = byFile.get(item.file);
      if (list) list.push(item);
      else byFile.set(item.file, [item]);
    }
    const lessons = new Map<string, Record<string, string[]>>();
    for (const [file, module] of this.modules) {
      // (what a class that failed would have held is not known: discovery lists it again)
      if (this.partialFiles.has(file)) continue;
      const items = byFile.get(file) ?? [];
      // The usual module: collected exactly as listed, nothing to teach (what the loop below finds
      // too, without its containers and maps: 10,000 ids cost ~30 ms there).
      if (items.length === module.length && listedExactly(items, module)) continue;
      const record: Record<string, string[]> = {};
      const own = items.filter((item) => !item.beside);
      const accounted = new Set<string>();
      for (const [item, ids] of countsOf(own, module)) {
        for (const id of ids) accounted.add(id);
        // a dynamic item collected as itself teaches that it is exact (hypothesis' @given tests)
        if (ids.length === 1 && ids[0] === item.id && !item.dynamic) continue;
        record[item.id] = ids;
      }
      // The ids the module's own items do not stand for are its file's other collectors' (a
      // conftest's pytest_collect_file, the doctest plugin's): under '', when not as listed.
      const beside = accounted.size === module.length ? [] : module.filter((id) => !accounted.has(id));
      const listedBeside = items.filter((item) => item.beside);
      if (!(listedBeside.length === beside.length && listedExactly(listedBeside, beside))) record[''] = beside;
      if (Object.keys(record).length > 0) lessons.set(file, record);
    }
    const listedFiles = new Set(all.map((item) => item.file));
    for (const file of erroredFiles) {
      // (the pytest engine reports such a module as collected with no ids: its error or module
      // skip is the truth, and the file runs whole)
      if (listedFiles.has(file)) lessons.set(file, { [file]: [file] });
    }
    return lessons;
  }
}

/** Every item static and among the ids collected (as many items as ids). */
function listedExactly(items: TestItem[], collected: string[]): boolean {
  const ids = new Set(collected);
  return items.every((item) => !item.dynamic && ids.has(item.id));
}

/** Those of `files` that the collectors `collectorIds` (modules, directories: '' the rootdir) hold. */
export function filesUnder(files: Iterable<string>, collectorIds: readonly string[]): string[] {
  return [...new Set(files)].filter((file) => collectorIds.some((id) => pathContains(id, file)));
}
