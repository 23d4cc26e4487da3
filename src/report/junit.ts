// JUnit XML in pytest's own format (_pytest/junitxml.py, LogXML + _NodeReporter), serialised the
// way xml.etree.ElementTree.tostring does, so files written by pytest and by fastest mix freely.

import { posix } from 'node:path';
import { pyRepr } from '../config/pystr.js';
import type { Attempt, CollectionError, TestResult } from '../types.js';
import { pyCenter, pyFixed } from './color.js';

export interface JunitOptions {
  /** `junit_suite_name`, default `pytest`. */
  suiteName?: string;
  hostname: string;
  /** Suite start, as pytest writes it: see `junitTimestamp`. */
  timestamp: string;
  /** Wall-clock seconds of the session. */
  seconds: number;
  /** `junit_family`: xunit1 keeps `file` and `line` on every testcase; xunit2 (pytest's default) drops them. */
  family?: 'xunit1' | 'xunit2';
  /** `junit_logging` (no, log, system-out, system-err, out-err, all), default `no` as in pytest; like pytest, another value
   * writes no captured output. */
  logging?: string;
  /** `junit_log_passing_tests`, default true. */
  logPassingTests?: boolean;
  /** `junit_duration_report`: `total` (default) or `call`; as pytest, a testcase's time adds the
   * durations of the phases so named (`total`: all). */
  durationReport?: string;
  /** `--junitprefix`. */
  prefix?: string;
  /** Absolute rootdir: skip details name the file absolutely, as pytest does. */
  rootdir?: string;
  /** The workers' pytest version: 9.1 changed two details (see junitOf91). */
  pytestVersion?: string;
  /**
   * Ids discovery listed that their module does not produce (not collected): no testcase, one
   * `<property name="fastest_not_collected">` each in the suite's properties, for `merge`.
   */
  notCollected?: string[];
}

/** The testsuite property that names an id planned but not collected (read by `merge`). */
export const NOT_COLLECTED_PROPERTY = 'fastest_not_collected';

/** pytest 9.1 writes characters above U+FFFF as they are (9.0 and older escape them); set per junitXml call. */
let astralKept = false;

/** pytest >= 9.1 (its JUnit differs: characters above U+FFFF, the count of a test with a teardown error). */
export function junitOf91(pytestVersion: string | undefined): boolean {
  const m = /^(\d+)\.(\d+)/.exec(pytestVersion ?? '');
  return m !== null && (Number(m[1]) > 9 || (Number(m[1]) === 9 && Number(m[2]) >= 1));
}

/**
 * pytest's bin_xml_escape: characters XML cannot hold become the visible text `#xNN`.
 * (pytest's character class accidentally admits U+007F..U+009F; before 9.1 it also rejects every
 * astral character; this matches it.)
 */
export function binXmlEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const ok =
      cp === 0x9 ||
      cp === 0xa ||
      cp === 0xd ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) ||
      (astralKept && cp >= 0x10000 && cp <= 0x10ffff);
    if (ok) out += ch;
    else
      out +=
        '#x' +
        cp
          .toString(16)
          .toUpperCase()
          .padStart(cp <= 0xff ? 2 : 4, '0');
  }
  return out;
}

const PY_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g');

/**
 * str() of a pytest longrepr: the terminal text stripped (TerminalRepr.__str__), which is what
 * pytest puts in JUnit. Our longrepr is the terminal text itself.
 */
export function longreprText(s: string): string {
  return s.replace(PY_STRIP, '');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#09;');
}

interface XmlElement {
  tag: string;
  attrs: [string, string][];
  text?: string;
  children: XmlElement[];
}

function el(tag: string, attrs: [string, string][], text?: string): XmlElement {
  return { tag, attrs, text, children: [] };
}

function serialize(e: XmlElement): string {
  const attrs = e.attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  if (e.text === undefined && e.children.length === 0) return `<${e.tag}${attrs} />`;
  return `<${e.tag}${attrs}>${escapeText(e.text ?? '')}${e.children.map(serialize).join('')}</${e.tag}>`;
}

/** pytest's mangle_test_address: `a/b.py::C::f[x]` -> ['a.b', 'C', 'f[x]']. */
export function mangleTestAddress(id: string): string[] {
  const bracket = id.indexOf('[');
  const path = bracket === -1 ? id : id.slice(0, bracket);
  const params = bracket === -1 ? '' : id.slice(bracket);
  const names = path.split('::');
  names[0] = names[0].replace(/\//g, '.').replace(/\.py$/, '');
  names[names.length - 1] += params;
  return names;
}

/** `2026-11-24T23:01:10.352000+00:00`: isoformat of the local time, as pytest writes it. */
export function junitTimestamp(date: Date): string {
  const offsetMin = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offsetMin * 60_000);
  const base = local
    .toISOString()
    .replace('Z', '')
    .replace(/\.(\d{3})$/, '.$1000');
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  return `${base}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const PHASES = ['setup', 'call', 'teardown'];

/**
 * The sections a pytest report of phase `upTo` carries: pytest accumulates them over the phases,
 * so a call report holds setup and call output. Section names end with their phase.
 */
function sectionsUpTo(sections: [string, string][] | undefined, upTo: string): [string, string][] {
  const limit = PHASES.indexOf(upTo);
  return (sections ?? []).filter(([name]) => {
    const phase = PHASES.indexOf(name.slice(name.lastIndexOf(' ') + 1));
    return phase === -1 || limit === -1 || phase <= limit;
  });
}

/** pytest's TestReport.capstdout / capstderr (sections joined as they are) and caplog (joined by
 * newlines: each log section is stripped). */
function sectionText(sections: [string, string][], prefix: string): string {
  return sections
    .filter(([name]) => name.startsWith(prefix))
    .map(([, text]) => text)
    .join(prefix === 'Captured log' ? '\n' : '');
}

/** The `message` of a failure: the crash message, else the stripped longrepr. */
function failureMessage(report: { message?: string; longrepr?: string }): string {
  return binXmlEscape(report.message ?? longreprText(report.longrepr ?? ''));
}

function skipReason(message: string | undefined): string {
  return (message ?? '').replace(/^Skipped: /, '');
}

function xfailReason(message: string | undefined): string {
  return (message ?? '').replace(/^reason: /, '');
}

/** A `skipped` element: a skip carries `details` as its text, an xfail has none. */
function skippedElement(type: 'pytest.skip' | 'pytest.xfail', reason: string, details?: string): XmlElement {
  return el(
    'skipped',
    [
      ['type', type],
      ['message', binXmlEscape(reason)],
    ],
    details === undefined ? undefined : binXmlEscape(details),
  );
}

interface SuiteStats {
  error: number;
  passed: number;
  failure: number;
  skipped: number;
}

class TestcaseBuilder {
  readonly children: XmlElement[] = [];
  /** record_property's pairs: the testcase's first child, as pytest's _NodeReporter.to_xml. */
  properties: [string, string][] = [];
  constructor(
    private readonly attrs: [string, string][],
    private readonly stats: SuiteStats,
    public duration: number,
  ) {}

  add(kind: 'failure' | 'error' | 'skipped' | 'system-out' | 'system-err' | 'attempt', e: XmlElement): void {
    if (kind in this.stats) this.stats[kind as keyof SuiteStats] += 1;
    this.children.push(e);
  }

  simple(kind: 'failure' | 'error', message: string, data: string): void {
    this.add(kind, el(kind, [['message', message]], binXmlEscape(longreprText(data))));
  }

  toXml(): XmlElement {
    const e = el('testcase', [...this.attrs, ['time', pyFixed(this.duration, 3)]]);
    if (this.properties.length > 0) e.children.push(propertiesElement(this.properties));
    e.children.push(...this.children);
    return e;
  }
}

/** `<properties>` with a `<property name= value=/>` per pair. */
function propertiesElement(pairs: [string, string][]): XmlElement {
  const properties = el('properties', []);
  for (const [name, value] of pairs) {
    properties.children.push(
      el('property', [
        ['name', binXmlEscape(name)],
        ['value', binXmlEscape(value)],
      ]),
    );
  }
  return properties;
}

/**
 * A testcase's attributes with record_xml_attribute's: each replaces the one of its name or is
 * added after them (pytest's record_testreport restores them over its own); xunit2 keeps only
 * `classname` and `name` (custom attributes are not valid there).
 */
function withRecordedAttributes(attrs: [string, string][], recorded: [string, string][] | undefined, family: 'xunit1' | 'xunit2'): [string, string][] {
  if (!recorded || recorded.length === 0) return attrs;
  const merged = new Map(attrs);
  for (const [name, value] of recorded) merged.set(name, binXmlEscape(value));
  const all = [...merged];
  return family === 'xunit1' ? all : all.filter(([name]) => name === 'classname' || name === 'name');
}

/**
 * One earlier attempt: `<rerunFailure>`/`<rerunError>` when the test failed in the end,
 * `<flakyFailure>`/`<flakyError>` otherwise, with Surefire's `message` and `type` attributes and
 * `stackTrace`, `system-out`, `system-err` children (the attempt's own captured output).
 */
function attemptElement(attempt: Attempt, stillFailing: boolean): XmlElement {
  const tag = `${stillFailing ? 'rerun' : 'flaky'}${attempt.outcome === 'error' ? 'Error' : 'Failure'}`;
  const e = el(tag, [
    ['message', binXmlEscape(failureMessage(attempt))],
    ['type', binXmlEscape(attempt.type ?? (attempt.outcome === 'error' ? `${attempt.when} error` : 'failure'))],
  ]);
  if (attempt.longrepr) e.children.push(el('stackTrace', [], binXmlEscape(longreprText(attempt.longrepr))));
  const out = sectionText(attempt.sections ?? [], 'Captured stdout');
  const err = sectionText(attempt.sections ?? [], 'Captured stderr');
  if (out) e.children.push(el('system-out', [], binXmlEscape(out)));
  if (err) e.children.push(el('system-err', [], binXmlEscape(err)));
  return e;
}

/** A testcase's time: pytest adds each phase's report duration when `report` is `total` or the phase. */
function testcaseSeconds(r: TestResult, report: string): number {
  // pytest adds every report of the test, a rerun's attempts included
  if (report === 'total') return r.duration + (r.attempts ?? []).reduce((sum, a) => sum + a.duration, 0);
  if (report !== 'setup' && report !== 'call' && report !== 'teardown') return 0;
  // A result Node made (a crash) has no phases: its duration is the call's.
  if (!r.phases) return report === 'call' && r.when === 'call' ? r.duration : 0;
  return r.phases[report] ?? 0;
}

/** pytest's JUnit XML for one session: collection errors first, then results in the given order. */
export function junitXml(results: TestResult[], errors: CollectionError[], opts: JunitOptions): string {
  astralKept = junitOf91(opts.pytestVersion);
  try {
    return junitXmlText(results, errors, opts);
  } finally {
    astralKept = false;
  }
}

function junitXmlText(results: TestResult[], errors: CollectionError[], opts: JunitOptions): string {
  const pytest91 = junitOf91(opts.pytestVersion);
  const family = opts.family ?? 'xunit2';
  const logging = opts.logging ?? 'no';
  const logPassing = opts.logPassingTests ?? true;
  const durationReport = opts.durationReport ?? 'total';
  const stats: SuiteStats = { error: 0, passed: 0, failure: 0, skipped: 0 };
  const cases: TestcaseBuilder[] = [];
  /** record_testsuite_property's pairs, in the order the results came. */
  const suiteProperties: [string, string][] = [];
  let doubleFail = 0;

  const testcaseAttrs = (id: string, file: string, line: number | undefined): [string, string][] => {
    const names = mangleTestAddress(id);
    const classnames = names.slice(0, -1);
    if (opts.prefix) classnames.unshift(opts.prefix);
    const attrs: [string, string][] = [
      ['classname', binXmlEscape(classnames.join('.'))],
      ['name', binXmlEscape(names[names.length - 1])],
    ];
    if (family === 'xunit1') {
      attrs.push(['file', binXmlEscape(file)]);
      if (line !== undefined) attrs.push(['line', String(line)]);
    }
    return attrs;
  };

  const open = (attrs: [string, string][], duration: number): TestcaseBuilder => {
    const tc = new TestcaseBuilder(attrs, stats, duration);
    cases.push(tc);
    return tc;
  };

  // write_captured_output: `content` sections of the report that ends the testcase.
  const writeCaptured = (tc: TestcaseBuilder, allSections: [string, string][] | undefined, phase: string): void => {
    if (logging === 'no') return;
    const sections = sectionsUpTo(allSections, phase);
    const prepare = (content: string, header: string) => [pyCenter(header, 80, '-'), content, ''].join('\n');
    let all = '';
    if (logging === 'log' || logging === 'all') all = prepare(sectionText(sections, 'Captured log'), ' Captured Log ');
    if (logging === 'system-out' || logging === 'out-err' || logging === 'all') {
      all += prepare(sectionText(sections, 'Captured stdout'), ' Captured Out ');
      tc.add('system-out', el('system-out', [], binXmlEscape(all)));
      all = '';
    }
    if (logging === 'system-err' || logging === 'out-err' || logging === 'all') {
      all += prepare(sectionText(sections, 'Captured stderr'), ' Captured Err ');
      tc.add('system-err', el('system-err', [], binXmlEscape(all)));
      all = '';
    }
    if (all) tc.add('system-out', el('system-out', [], binXmlEscape(all)));
  };

  const rootNoSlash = opts.rootdir ? opts.rootdir.replace(/\/$/, '') : undefined;
  /** A rootdir-relative path made absolute, as pytest names skipped files (as is without a rootdir). */
  const absolute = (path: string): string =>
    rootNoSlash === undefined ? path : path.startsWith('../') ? posix.normalize(`${rootNoSlash}/${path}`) : `${rootNoSlash}/${path}`;

  /** A subtest skip's text: pytest names the file absolutely (`/root/t.py:3: reason`). */
  const skipDetails = (longrepr: string | undefined, reason: string): string => {
    const m = longrepr ? /^(.*?):(\d+): ([\s\S]*)$/.exec(longrepr) : null;
    if (!m) return longrepr ?? reason;
    const path = !m[1].startsWith('/') ? absolute(m[1]) : m[1];
    return `${path}:${m[2]}: ${m[3]}`;
  };

  // named by the collector that failed (a class inside the module: its node id), as pytest's
  for (const e of errors) open(testcaseAttrs(e.id ?? e.file, e.file, undefined), 0).simple('error', 'collection failure', e.message);

  for (const r of results) {
    const file = r.file ?? r.id.split('::')[0];
    // pytest's JUnit line is the 0-based line of the function (its first decorator).
    const attrs = withRecordedAttributes(testcaseAttrs(r.id, file, r.line === undefined ? undefined : r.line - 1), r.xmlAttributes, family);
    if (r.suiteProperties) suiteProperties.push(...r.suiteProperties);
    let tc = open(attrs, testcaseSeconds(r, durationReport));
    let teardownPassed = true;

    // pytest 9 logs each subtest report on the test's own testcase, before the test's outcome.
    for (const sub of r.subtests ?? []) {
      switch (sub.outcome) {
        case 'passed':
        case 'xpassed':
          stats.passed += 1;
          break;
        case 'failed':
          tc.simple('failure', failureMessage(sub), sub.longrepr ?? '');
          // as for a failed test: its own captured output, when passing tests log none
          if (!logPassing) writeCaptured(tc, sub.sections, 'call');
          break;
        case 'skipped': {
          const reason = skipReason(sub.message);
          tc.add('skipped', skippedElement('pytest.skip', reason, skipDetails(sub.longrepr, reason)));
          break;
        }
        case 'xfailed':
          tc.add('skipped', skippedElement('pytest.xfail', xfailReason(sub.message)));
          break;
      }
    }

    switch (r.outcome) {
      case 'passed':
      case 'xpassed':
        stats.passed += 1;
        break;
      case 'failed':
        if (r.when === 'call') {
          tc.simple('failure', failureMessage(r), r.longrepr ?? '');
          if (!logPassing) writeCaptured(tc, r.sections, 'call');
        } else {
          // Failed outside the call (pytest reports those as errors; kept for robustness).
          tc.simple('error', binXmlEscape(`failed on ${r.when === 'teardown' ? 'teardown' : 'setup'} with "${r.message ?? ''}"`), r.longrepr ?? '');
        }
        break;
      case 'error':
        if (r.when === 'collect') {
          tc.simple('error', 'collection failure', r.longrepr ?? r.message ?? '');
        } else {
          const phase = r.when === 'teardown' ? 'teardown' : 'setup';
          tc.simple('error', binXmlEscape(`failed on ${phase} with "${r.message ?? r.longrepr ?? ''}"`), r.longrepr ?? '');
          if (phase === 'teardown') teardownPassed = false;
        }
        break;
      case 'skipped': {
        const reason = skipReason(r.message);
        const details = skipDetails(r.longrepr ?? `${absolute(file)}:${r.line ?? 0}: ${reason}`, reason);
        if (r.when === 'collect') {
          // A module skipped while collected: pytest writes its report's longrepr tuple, untyped.
          const m = /^(.*?):(\d+): [\s\S]*$/.exec(details);
          const where = m ? `${pyRepr(m[1])}, ${m[2]}` : `${pyRepr(absolute(file))}, ${r.line ?? 0}`;
          // (pytest's crash message: `Skipped: why`, or `Skipped` alone for a skip that gave no reason)
          const crash = r.skipCrash ?? (reason === 'Skipped' ? reason : `Skipped: ${reason}`);
          tc.add('skipped', el('skipped', [['message', 'collection skipped']], binXmlEscape(`(${where}, ${pyRepr(crash)})`)));
        } else {
          tc.add('skipped', skippedElement('pytest.skip', reason, details));
        }
        writeCaptured(tc, r.sections, r.when);
        break;
      }
      case 'xfailed':
        tc.add('skipped', skippedElement('pytest.xfail', xfailReason(r.message)));
        break;
    }

    // Earlier attempts of a rerun test, in Maven Surefire's elements (read by Jenkins and the
    // JUnit reporting actions): rerun* in a test that still failed, flaky* in one that then passed.
    for (const attempt of r.attempts ?? []) tc.add('attempt', attemptElement(attempt, r.outcome === 'failed' || r.outcome === 'error'));

    if (r.teardownError) {
      teardownPassed = false;
      if (r.outcome === 'failed' && r.when === 'call') {
        // pytest closes the failed testcase and opens a second one for the teardown error
        // (counted twice from 9.1 on).
        if (!pytest91) doubleFail += 1;
        tc = open(attrs, 0);
      } else if (pytest91) {
        doubleFail += 1; // 9.1: one testcase element, counted once (pytest #3850)
      }
      tc.simple('error', binXmlEscape(`failed on teardown with "${r.teardownError.message}"`), r.teardownError.longrepr);
    }
    if (logPassing || !teardownPassed) writeCaptured(tc, r.sections, 'teardown');
    // pytest's finalize adds the test's properties to the testcase its teardown report closes
    if (r.userProperties) tc.properties.push(...r.userProperties);
  }

  const tests = stats.passed + stats.failure + stats.skipped + stats.error - doubleFail;
  const suite = el('testsuite', [
    ['name', opts.suiteName ?? 'pytest'],
    ['errors', String(stats.error)],
    ['failures', String(stats.failure)],
    ['skipped', String(stats.skipped)],
    ['tests', String(tests)],
    ['time', pyFixed(opts.seconds, 3)],
    ['timestamp', opts.timestamp],
    ['hostname', opts.hostname],
  ]);
  // One <properties>: the tests' record_testsuite_property pairs, then the ids fastest did not collect (for `merge`).
  const properties = [...suiteProperties, ...(opts.notCollected ?? []).map((id): [string, string] => [NOT_COLLECTED_PROPERTY, id])];
  if (properties.length > 0) suite.children.push(propertiesElement(properties));
  suite.children.push(...cases.map((c) => c.toXml()));
  const root = el('testsuites', [['name', 'pytest tests']]);
  root.children.push(suite);
  return '<?xml version="1.0" encoding="utf-8"?>' + serialize(root);
}
