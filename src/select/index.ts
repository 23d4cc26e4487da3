// The select stage: node-id arguments, --deselect, -k and -m over discovered items, with
// pytest's semantics. Last-failed selection lives in lastfailed.ts (apply it after this).

import { itemOfExpandedId, type Mark, type TestItem } from '../types.js';
import { evaluate, parseExpression, SelectionError, type Expr, type Matcher, type Truth } from './expression.js';
import { keywordMatcher, markMatcher } from './match.js';
import { argSelects, normalizeNodeIdArgs, notFoundMessage, parseNodeIdArg, type NodeIdArg } from './nodeid.js';

export { SelectionError, parseExpression, evaluate } from './expression.js';
export type { Expr, KwargValue, Matcher, Truth } from './expression.js';
export { keywordNames, keywordMatcher, markMatcher } from './match.js';
export * from './lastfailed.js';

export interface SelectOptions {
  /** `-k EXPR` */
  keyword?: string;
  /** `-m EXPR` */
  markexpr?: string;
  /** `--deselect PREFIX`, each a node-id prefix relative to the rootdir. */
  deselect?: string[];
  /** Positional arguments: rootdir-relative paths or node ids (absolute paths need `rootdir`). */
  nodeIds?: string[];
  /** Absolute rootdir: turns absolute arguments relative, and error messages absolute like pytest's. */
  rootdir?: string;
  /** Files that failed to collect: a node id into one is not a "not found" error. */
  erroredFiles?: string[];
  /**
   * The test modules the walk found: a node id into one that no listed item matches is kept as an
   * `unverified` item for the run's collection to decide (a test the module makes at import), not
   * refused. Absent: such a node id is refused at once.
   */
  modules?: ReadonlySet<string>;
  /** -k and -m are the run's to judge (a conftest's hook may add marks and keywords: discovery's
   * `itemHooks`): every test they could leave out is selected as `unknown`, for the workers to
   * judge; --deselect still applies. */
  filterAtRun?: boolean;
}

export interface SelectResult {
  /** In pytest's run order: by argument order first, then collection order. */
  selected: TestItem[];
  /** Removed by -k, -m or --deselect (pytest's "N deselected"). */
  deselected: TestItem[];
  /** Not under any node-id argument: pytest never collects them, so they count nowhere. */
  notRequested: TestItem[];
  /** Dynamic items asked for only by specific expansions (`test_p[1]`): item id -> requested ids. */
  narrowIds: Map<string, string[]>;
  /**
   * Dynamic items kept because whether they (or some of their expansions) are selected depends
   * on their expanded ids or marks: the runner checks each expansion with `expansionSelected`.
   */
  checkExpansions: Set<string>;
  /** The `unverified` items made for node ids no listed item matches (also in `selected` or `deselected`). */
  unverified: TestItem[];
}

/** A parsed -k or -m expression with the matcher that answers its names for an item. */
interface ExprFilter {
  expr: Expr;
  matcherOf: (item: TestItem) => Matcher;
}

interface CompiledSelection {
  /** -k, then -m, when given. */
  filters: ExprFilter[];
  deselect: string[];
  args: NodeIdArg[] | null;
}

/** The node ids below module level the command line names (`test_x.py::TestA`, without a
 * parametrization), as pytest keeps them: an argument a wider one covers is dropped. */
export function namedNodeIds(opts: SelectOptions): string[] {
  const args = nodeIdArgs(opts) ?? [];
  return args.filter((arg) => arg.parts.length > 0).map((arg) => [arg.path, ...arg.parts].join('::'));
}

/** The node-id arguments as pytest 9 keeps them (null: none given). */
function nodeIdArgs(opts: SelectOptions): NodeIdArg[] | null {
  return opts.nodeIds && opts.nodeIds.length > 0 ? normalizeNodeIdArgs(opts.nodeIds.map((raw, i) => parseNodeIdArg(raw, i, opts.rootdir))) : null;
}

function compile(opts: SelectOptions): CompiledSelection {
  // pytest strips leading whitespace from -k only; an -m of spaces is the empty expression (False).
  const keywordText = (opts.keyword ?? '').trimStart();
  const args = nodeIdArgs(opts);
  const filters: ExprFilter[] = [];
  if (keywordText) filters.push({ expr: parseExpression(keywordText, '-k'), matcherOf: keywordMatcher });
  if (opts.markexpr) filters.push({ expr: parseExpression(opts.markexpr, '-m'), matcherOf: markMatcher });
  return { filters, deselect: opts.deselect ?? [], args };
}

/** Whether --deselect, -k and -m keep the item (`unknown`: depends on its expansions). */
function filterItem(item: TestItem, sel: CompiledSelection): Truth {
  let answer: Truth = true;
  for (const prefix of sel.deselect) {
    if (item.id.startsWith(prefix)) return false;
    // (a deselected expansion, or a test inside a dynamic module or class)
    if (item.dynamic && item.param === undefined && (prefix.startsWith(item.id + '[') || prefix.startsWith(item.id + '::'))) answer = 'unknown';
  }
  for (const { expr, matcherOf } of sel.filters) {
    const v = evaluate(expr, matcherOf(item));
    if (v === false) return false;
    if (v === 'unknown') answer = 'unknown';
  }
  return answer;
}

/**
 * Selects what `pytest [nodeIds] [-k] [-m] [--deselect]` would run from `items` (in collection
 * order). Throws SelectionError (exit code 4) with pytest's message on bad input.
 */
export function selectItems(items: TestItem[], opts: SelectOptions): SelectResult {
  const sel = compile(opts);
  const narrowIds = new Map<string, string[]>();
  const checkExpansions = new Set<string>();
  let requested: TestItem[] = items;
  const notRequested: TestItem[] = [];
  const unverified: TestItem[] = [];

  if (sel.args) {
    const errored = new Set(opts.erroredFiles ?? []);
    const errors: string[] = [];
    // For each item: the index of the first argument that selects it whole, or the expansions asked for.
    const whole = new Map<TestItem, number>();
    const partial = new Map<TestItem, { index: number; ids: string[] }>();
    for (const arg of sel.args) {
      let matched = false;
      let container = false;
      for (const item of items) {
        const v = argSelects(arg, item);
        if (v === false) continue;
        matched = true;
        if (arg.parametrization === null && arg.parts.length > 0 && arg.parts.length < item.classes.length + 1) container = true;
        if (v === true) {
          if (!whole.has(item)) whole.set(item, arg.index);
        } else {
          const entry = partial.get(item) ?? { index: arg.index, ids: [] };
          if (!entry.ids.includes(v)) entry.ids.push(v);
          partial.set(item, entry);
        }
      }
      if (container && opts.modules?.has(arg.path)) {
        // A class asked for: members the module sets at import (setattr) are its too; the worker
        // runs whatever the class collects.
        const item = unverifiedItem(arg.path, arg.parts, null);
        unverified.push(item);
        whole.set(item, arg.index);
      }
      if (!matched) {
        const message = notFoundMessage(arg, items, opts.rootdir, errored);
        if (message === null) continue;
        if (opts.modules?.has(arg.path) && !errored.has(arg.path) && message.startsWith('not found: ')) {
          const item = unverifiedItem(arg.path, arg.parts, arg.parametrization);
          unverified.push(item);
          whole.set(item, arg.index);
        } else errors.push(message);
      }
    }
    if (errors.length > 0) throw new SelectionError(errors);
    const order = new Map<TestItem, number>();
    for (const item of [...items, ...unverified]) {
      const w = whole.get(item);
      const p = partial.get(item);
      if (w !== undefined) order.set(item, Math.min(w, p?.index ?? Infinity));
      else if (p) {
        order.set(item, p.index);
        narrowIds.set(item.id, p.ids);
      } else notRequested.push(item);
    }
    // Stable sort: argument order first, collection order within one argument.
    requested = [...items, ...unverified].filter((item) => order.has(item)).sort((a, b) => order.get(a)! - order.get(b)!);
  }

  const selected: TestItem[] = [];
  const deselected: TestItem[] = [];
  const atRun = opts.filterAtRun === true && sel.filters.length > 0;
  const deselectOnly = atRun ? { ...sel, filters: [] } : sel;
  for (const item of requested) {
    const v = atRun ? (filterItem(item, deselectOnly) === false ? false : 'unknown') : filterItem(item, sel);
    if (v === false) {
      deselected.push(item);
      narrowIds.delete(item.id);
    } else {
      selected.push(item);
      if (v === 'unknown') checkExpansions.add(item.id);
    }
  }
  return { selected, deselected, notRequested, narrowIds, checkExpansions, unverified };
}

/** unverifiedItem of a full node id (`file::C::test[p]`, rootdir-relative). */
export function unverifiedItemOfId(id: string): TestItem {
  const arg = parseNodeIdArg(id, 0);
  return unverifiedItem(arg.path, arg.parts, arg.parametrization);
}

/**
 * The item standing for a node id no listed item matches (`file::TestC::test_m[1]`): the worker
 * runs whatever the module collects under that id, or reports it missing.
 */
export function unverifiedItem(file: string, parts: string[], parametrization: string | null): TestItem {
  const fn = parts[parts.length - 1] ?? '';
  return {
    id: `${file}::${parts.join('::')}${parametrization ?? ''}`,
    file,
    line: 1,
    classes: parts.slice(0, -1),
    function: fn,
    ...(parametrization !== null ? { param: parametrization.slice(1, -1) } : {}),
    marks: [],
    dynamic: true,
    unverified: true,
  };
}

// expansionSelected runs once per expansion result with the same options object: parse them once.
const compiledByOptions = new WeakMap<SelectOptions, CompiledSelection>();

function compiledFor(opts: SelectOptions): CompiledSelection {
  let sel = compiledByOptions.get(opts);
  if (!sel) {
    sel = compile(opts);
    compiledByOptions.set(opts, sel);
  }
  return sel;
}

/**
 * For a dynamic item, whether one of its expansions (its final id and marks, as the worker
 * reports them) is selected by the same options. The runner calls this for items in
 * `checkExpansions` or `narrowIds` and skips the expansions it rejects. `opts` must not change
 * between calls (its compiled form is reused). Without the marks the worker sent, a test with
 * marks of its own no one knows is kept when they could decide -m.
 */
export function expansionSelected(item: TestItem, expandedId: string, expandedMarks: Mark[] | undefined, opts: SelectOptions): boolean {
  const { marksUnknown, ...expanded } = itemOfExpandedId(item, expandedId);
  const concrete: TestItem = expandedMarks !== undefined ? { ...expanded, marks: expandedMarks } : { ...expanded, ...(marksUnknown ? { marksUnknown } : {}) };
  const sel = compiledFor(opts);
  if (sel.args && !sel.args.some((arg) => argSelects(arg, concrete) === true)) return false;
  const answer = filterItem(concrete, sel);
  return concrete.marksUnknown ? answer !== false : answer === true;
}

/**
 * pytest's `not found` messages (exit 4) for the node-id arguments in `opts` that select none of
 * `items`: after a run, `items` without the ids their modules turned out not to produce.
 */
export function unmatchedNodeIds(items: TestItem[], opts: SelectOptions): string[] {
  const sel = compile(opts);
  if (!sel.args) return [];
  const errored = new Set(opts.erroredFiles ?? []);
  const messages: string[] = [];
  for (const arg of sel.args) {
    if (items.some((item) => argSelects(arg, item) !== false)) continue;
    const message = notFoundMessage(arg, items, opts.rootdir, errored);
    if (message) messages.push(message);
  }
  return messages;
}
