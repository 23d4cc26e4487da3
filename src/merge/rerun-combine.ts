// A shard re-run on a later attempt of a CI workflow run: what its previous attempt's JUnit leaves
// to do, and one JUnit file of the two attempts together.
//
// Work is decided per planned id (a plan's unit ids; a dynamic id stands for the ids it expands
// to): done when the previous attempt has results for it and none failed (or it was recorded as
// not collected), else run again. The combined file holds the done ids' testcases from the
// previous attempt, each marked with the property `fastest.attempt` (the attempt that ran it),
// then this attempt's testcases. A test that failed before keeps its earlier attempts in Maven
// Surefire's elements, as reporters read them: passing now, `<flakyFailure>`/`<flakyError>`;
// failing again, the first attempt's `<failure>`/`<error>` stays the testcase's own and later
// ones become `<rerunFailure>`/`<rerunError>`.
import sax from 'sax';
import { coveringIds } from '../nodeid.js';
import { NOT_COLLECTED_PROPERTY } from '../report/junit.js';
import { elementXml, openTagXml, propertiesXml, type JUnitCase, type JUnitChild, type JUnitDocument } from './junit-read.js';

/** The testcase property naming the CI attempt a carried-over result comes from. */
export const ATTEMPT_PROPERTY = 'fastest.attempt';

export interface RerunWork {
  /** Planned ids to run again (failed, errored or without a result), in plan order. */
  rerun: string[];
  /** Planned ids whose previous results stand. */
  done: Set<string>;
  /** Why the whole shard must run again, when it must (a result no planned id covers). */
  wholeShard?: string;
}

function isFailing(c: JUnitCase): boolean {
  return c.outcome === 'failed' || c.outcome === 'error' || c.teardownError !== undefined;
}

function notCollectedOf(doc: JUnitDocument): string[] {
  return doc.suites.flatMap((s) => (s.properties ?? []).filter((p) => p.name === NOT_COLLECTED_PROPERTY).map((p) => p.value));
}

function fileOf(id: string): string {
  const at = id.indexOf('::');
  return at < 0 ? id : id.slice(0, at);
}

/** The planned id a testcase stands for, if any. */
function plannedIdOf(c: JUnitCase, planned: ReadonlySet<string>): string | undefined {
  return coveringIds(c.id).find((id) => planned.has(id));
}

export function rerunWork(plannedIds: readonly string[], previous: JUnitDocument): RerunWork {
  const planned = new Set(plannedIds);
  const seen = new Set<string>();
  const failed = new Set<string>();
  for (const c of previous.cases) {
    if (c.collection && !isFailing(c)) {
      // A module skipped as a whole (pytest.skip at module level): its planned ids stand.
      for (const id of plannedIds) if (fileOf(id) === c.file) seen.add(id);
      continue;
    }
    const id = c.collection ? undefined : plannedIdOf(c, planned);
    if (id === undefined) {
      const what = c.collection ? `a collection error in ${c.file}` : `a result for ${c.id}, which the plan does not give this shard`;
      return { rerun: [...plannedIds], done: new Set(), wholeShard: `the previous attempt has ${what}` };
    }
    seen.add(id);
    if (isFailing(c)) failed.add(id);
  }
  for (const id of notCollectedOf(previous)) if (planned.has(id) && !failed.has(id)) seen.add(id);
  const done = new Set(plannedIds.filter((id) => seen.has(id) && !failed.has(id)));
  return { rerun: plannedIds.filter((id) => !done.has(id)), done };
}

/** The children of a testcase read back from its XML (text before children, as the reader keeps it). */
function childrenOf(c: JUnitCase): JUnitChild[] {
  const root: JUnitChild = { tag: 'testcase', attrs: {}, text: '', children: [] };
  const stack: JUnitChild[] = [];
  const parser = sax.parser(true);
  parser.onopentag = (tag) => {
    const node: JUnitChild = { tag: tag.name, attrs: tag.attributes as Record<string, string>, text: '', children: [] };
    if (stack.length === 0) stack.push(root);
    else {
      (stack[stack.length - 1] as JUnitChild).children.push(node);
      stack.push(node);
    }
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = parser.oncdata = (text) => {
    const top = stack[stack.length - 1];
    if (top !== undefined && top !== root) top.text += text;
  };
  parser.write(c.xmlInner === '' ? `${c.xmlOpen} />` : `${c.xmlOpen}>${c.xmlInner}</testcase>`).close();
  return root.children;
}

const ATTEMPT_TAGS = new Set(['flakyFailure', 'flakyError', 'rerunFailure', 'rerunError']);
const OUTPUT_TAGS = new Set(['system-out', 'system-err']);

/** A failed attempt as one element of `kind` ('flaky' or 'rerun'): its failure and its output. */
function attemptElement(decisive: JUnitChild, output: JUnitChild[], kind: 'flaky' | 'rerun'): JUnitChild {
  const tag = `${kind}${decisive.tag === 'error' || decisive.tag.endsWith('Error') ? 'Error' : 'Failure'}`;
  return { tag, attrs: decisive.attrs, text: decisive.text, children: [...decisive.children, ...output] };
}

/** A failing testcase's attempts, oldest first: its own failure (with its output), then its reruns. */
function failedAttempts(children: JUnitChild[]): JUnitChild[] {
  const decisive = children.find((ch) => ch.tag === 'failure') ?? children.find((ch) => ch.tag === 'error');
  const output = children.filter((ch) => OUTPUT_TAGS.has(ch.tag));
  const first = decisive ? [attemptElement(decisive, output, 'rerun')] : [];
  return [...first, ...children.filter((ch) => ch.tag === 'rerunFailure' || ch.tag === 'rerunError')];
}

/** `c`'s start tag (its attributes as read) with `children`. */
function caseWith(c: JUnitCase, children: JUnitChild[]): string {
  return c.xmlOpen + elementXml('testcase', {}, '', children).slice('<testcase'.length);
}

/** `c` with its earlier attempts (failing testcases of the previous attempt, oldest first) folded in. */
function withEarlierAttempts(c: JUnitCase, earlier: JUnitCase): string {
  const before = failedAttempts(childrenOf(earlier));
  if (before.length === 0) return caseXmlOf(c);
  const own = childrenOf(c);
  if (!isFailing(c)) {
    const flaky = before.map((a) => ({ ...a, tag: a.tag.replace(/^rerun/, 'flaky') }));
    const ownAttempts = own.filter((ch) => ATTEMPT_TAGS.has(ch.tag));
    return caseWith(c, [...own.filter((ch) => !ATTEMPT_TAGS.has(ch.tag)), ...flaky, ...ownAttempts]);
  }
  // Failing again: the first attempt's failure is the testcase's own (Surefire), the rest reruns.
  const [first, ...later] = before as [JUnitChild, ...JUnitChild[]];
  const firstOwn: JUnitChild = { tag: first.tag.endsWith('Error') ? 'error' : 'failure', attrs: first.attrs, text: first.text, children: [] };
  const ownDecisive = own.find((ch) => ch.tag === 'failure') ?? own.find((ch) => ch.tag === 'error');
  const rest = own.filter((ch) => ch !== ownDecisive && !ATTEMPT_TAGS.has(ch.tag));
  const ownNow = ownDecisive ? [attemptElement(ownDecisive, [], 'rerun')] : [];
  return caseWith(c, [firstOwn, ...rest, ...later, ...ownNow, ...own.filter((ch) => ch.tag === 'rerunFailure' || ch.tag === 'rerunError')]);
}

function caseXmlOf(c: JUnitCase): string {
  return c.xmlInner === '' ? `${c.xmlOpen} />` : `${c.xmlOpen}>${c.xmlInner}</testcase>`;
}

/** A carried-over testcase marked with the attempt it ran in (kept when it already says). */
function markedAttempt(c: JUnitCase, attempt: number): string {
  if (c.xmlInner.includes(`name="${ATTEMPT_PROPERTY}"`)) return caseXmlOf(c);
  const property = `<property name="${ATTEMPT_PROPERTY}" value="${attempt}" />`;
  const inner = c.xmlInner.startsWith('<properties>')
    ? `<properties>${property}${c.xmlInner.slice('<properties>'.length)}`
    : `<properties>${property}</properties>${c.xmlInner}`;
  return `${c.xmlOpen}>${inner}</testcase>`;
}

export interface CombineInput {
  previous: JUnitDocument;
  /** The CI attempt the previous results are from (carried-over testcases without a mark get it). */
  previousAttempt: number;
  done: ReadonlySet<string>;
  plannedIds: readonly string[];
  /** This attempt's results; undefined when nothing was run again. */
  current?: JUnitDocument;
}

/** One JUnit document (as pytest's xunit layout: one `<testsuite>`) of both attempts. */
export function combineAttempts(input: CombineInput): string {
  const planned = new Set(input.plannedIds);
  const cases: string[] = [];
  const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  let seconds = 0;
  const count = (c: JUnitCase): void => {
    counts.tests += 1;
    if (c.outcome === 'failed') counts.failures += 1;
    if (c.outcome === 'error' || c.teardownError) counts.errors += 1;
    if (c.outcome === 'skipped' || c.outcome === 'xfailed') counts.skipped += 1;
    seconds += c.time;
  };
  const failedBefore = new Map<string, JUnitCase>();
  for (const c of input.previous.cases) {
    const id = plannedIdOf(c, planned);
    const skippedModule = c.collection === true && !isFailing(c) && input.plannedIds.some((p) => fileOf(p) === c.file && input.done.has(p));
    if ((id !== undefined && input.done.has(id)) || skippedModule) {
      cases.push(markedAttempt(c, input.previousAttempt));
      count(c);
    } else if (isFailing(c)) failedBefore.set(c.id, c);
  }
  for (const c of input.current?.cases ?? []) {
    const earlier = failedBefore.get(c.id);
    cases.push(earlier ? withEarlierAttempts(c, earlier) : caseXmlOf(c));
    count(c);
  }
  const notCollected = [...notCollectedOf(input.previous).filter((id) => input.done.has(id)), ...(input.current ? notCollectedOf(input.current) : [])];
  const properties = propertiesXml(notCollected.map((id) => ({ name: NOT_COLLECTED_PROPERTY, value: id })));
  const open = openTagXml('testsuite', {
    name: 'pytest',
    errors: String(counts.errors),
    failures: String(counts.failures),
    skipped: String(counts.skipped),
    tests: String(counts.tests),
    time: seconds.toFixed(3),
  });
  const body = `${properties}${cases.join('')}`;
  return `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests">${open}${body === '' ? ' />' : `>${body}</testsuite>`}</testsuites>\n`;
}
