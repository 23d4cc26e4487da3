// Merging retried tests (Surefire's flakyFailure/rerunFailure elements), the default branch's test
// history in the timings store, and failures classified as new, still failing or fixed.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeCommand } from '../src/cli/merge.js';
import { commentBody } from '../src/action/report.js';
import { readJUnitFile } from '../src/merge/junit-read.js';
import { mergeJUnit } from '../src/merge/merge.js';
import {
  emptyHistory,
  flakiest,
  HISTORY_MAX_ID_CHARS,
  HISTORY_MAX_TESTS,
  HISTORY_RUNS,
  historyOf,
  recordRun,
  storedHistory,
  type FlakyHistory,
  type RunMark,
} from '../src/merge/history.js';
import { renderSummary } from '../src/merge/summary.js';
import { mergeVerdict } from '../src/merge/verdict.js';
import { emptyTimings, loadTimings, saveTimings } from '../src/shard/timings.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-merge-flaky-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAD =
  '<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" failures="0" skipped="0" tests="1" time="1.0">';
const TAIL = '</testsuite></testsuites>\n';

function junit(name: string, cases: string): string {
  const path = join(dir, name);
  writeFileSync(path, `${HEAD}${cases}${TAIL}`);
  return path;
}

function tc(test: string, inner = '', module = 'test_a'): string {
  const attrs = `classname="tests.${module}" name="${test}" file="tests/${module}.py" line="4" time="0.01"`;
  return inner === '' ? `<testcase ${attrs} />` : `<testcase ${attrs}>${inner}</testcase>`;
}

const FAIL = '<failure message="assert 1 == 2">def test():\n&gt;   assert 1 == 2\nE   assert 1 == 2</failure>';

function io(): { out: string; err: string; stdout: (s: string) => void; stderr: (s: string) => void } {
  const sink = {
    out: '',
    err: '',
    stdout: (s: string) => {
      sink.out += s;
    },
    stderr: (s: string) => {
      sink.err += s;
    },
  };
  return sink;
}

/** A timings store whose history says, per test id, its outcomes on the default branch. */
function storeWith(path: string, marks: Record<string, string>, runs = 3): void {
  const history: FlakyHistory = { runs, tests: new Map(Object.entries(marks).map(([id, m]) => [id, { marks: m, at: runs }])) };
  saveTimings(path, { ...emptyTimings(), tests: { 'tests/test_a.py::test_ok': 0.5 }, runs: 1, history: storedHistory(history) });
}

describe('retried tests through the merge', () => {
  it('keeps every attempt element in the merged file and counts flaky and rerun-failed tests', () => {
    const shard1 = junit(
      'retry-1.xml',
      tc(
        'test_flaky',
        '<flakyFailure message="assert 0 == 1" type="AssertionError">E   assert 0 == 1<system-out>attempt 1 out</system-out></flakyFailure>' +
          '<flakyError message="fixture broke" type="RuntimeError">E   RuntimeError</flakyError><system-out>final out</system-out>',
      ) + tc('test_ok'),
    );
    const shard2 = junit(
      'retry-2.xml',
      tc(
        'test_broken',
        `${FAIL}<rerunFailure message="assert 1 == 3" type="AssertionError">E   assert 1 == 3</rerunFailure><rerunError message="timeout" type="Failed">E   Failed: Timeout</rerunError>`,
        'test_b',
      ),
    );
    const out = join(dir, 'retry-merged.xml');
    const result = mergeJUnit([shard1, shard2], { out });
    expect(result.counts).toMatchObject({ tests: 3, passed: 2, failed: 1 });
    expect(result.retries).toMatchObject({ flakyCount: 1, rerunFailedCount: 1 });
    expect(result.retries?.flaky).toEqual([
      {
        id: 'tests/test_a.py::test_flaky',
        file: 'tests/test_a.py',
        line: 5,
        outcome: 'passed',
        attemptCount: 2,
        attempts: [
          { kind: 'flakyFailure', message: 'assert 0 == 1' },
          { kind: 'flakyError', message: 'fixture broke' },
        ],
      },
    ]);
    const merged = readFileSync(out, 'utf8');
    expect(merged).toContain(
      '<flakyFailure message="assert 0 == 1" type="AssertionError">E   assert 0 == 1<system-out>attempt 1 out</system-out></flakyFailure>',
    );
    expect(merged).toContain('<rerunError message="timeout" type="Failed">E   Failed: Timeout</rerunError>');
    // Read back, the merged file says the same.
    const again = mergeJUnit([out]);
    expect(again.retries).toMatchObject({ flakyCount: 1, rerunFailedCount: 1 });
    expect(readJUnitFile(out).cases.find((c) => c.id.endsWith('test_broken'))?.attemptCount).toBe(2);
  });

  it("merges pytest-rerunfailures' own JUnit (final outcomes only, no attempt elements)", () => {
    // rerunfailures reports the reruns to the terminal only; its JUnit holds the last attempt.
    const file = junit('rerunfailures.xml', tc('test_flaky', '<system-out>passed the second time</system-out>') + tc('test_broken', FAIL));
    const result = mergeJUnit([file], { out: join(dir, 'rerunfailures-merged.xml') });
    expect(result.counts).toMatchObject({ tests: 2, passed: 1, failed: 1 });
    expect(result.retries).toEqual({ flakyCount: 0, flaky: [], rerunFailedCount: 0 });
    expect(mergeVerdict(result).exitCode).toBe(1);
  });

  it('fastest merge names the flaky tests and their attempts, and counts them in its line', async () => {
    const file = junit('retry-cli.xml', tc('test_flaky', '<flakyFailure message="boom">E boom</flakyFailure>') + tc('test_ok'));
    const sink = io();
    expect(await mergeCommand([file], sink, {})).toBe(0);
    expect(sink.err).toContain(
      'fastest merge: 1 flaky test(s) passed after failed attempts:\n  tests/test_a.py::test_flaky: passed on attempt 2 of 2; attempt 1: failed (boom)\n',
    );
    expect(sink.out).toBe('merged 1 of 1 JUnit file(s): 2 passed, 1 flaky\n');
  });
});

describe('new, still failing and fixed against the default branch', () => {
  // On the default branch: test_still and test_fixed failed in the latest run, test_was_flaky
  // passed after a retry, test_recovered failed before but passed last.
  const history = {
    'tests/test_a.py::test_still': 'ppf',
    'tests/test_a.py::test_fixed': 'ff',
    'tests/test_a.py::test_was_flaky': 'y',
    'tests/test_a.py::test_recovered': 'fp',
  };

  it('classifies each failure and lists the fixed tests', () => {
    const store = join(dir, 'classify-store.json');
    storeWith(store, history);
    const file = junit(
      'classify.xml',
      tc('test_still', FAIL) + tc('test_fixed') + tc('test_was_flaky', FAIL) + tc('test_recovered', FAIL) + tc('test_absent', FAIL) + tc('test_ok'),
    );
    const loaded = historyOf(loadTimings(store).store, store);
    expect(loaded.warning).toBeUndefined();
    const result = mergeJUnit([file], { history: loaded.history });
    expect(result.failureCount).toBe(4);
    expect(result.known).toMatchObject({ newCount: 3, stillFailingCount: 1, fixed: ['tests/test_a.py::test_fixed'], fixedCount: 1, recorded: false });
    expect([...(result.known?.stillFailing ?? [])]).toEqual(['tests/test_a.py::test_still']);
    expect(mergeVerdict(result, 'any')).toMatchObject({ exitCode: 1, reasons: ['4 test(s) failed'] });
    expect(mergeVerdict(result, 'new')).toMatchObject({ exitCode: 1, reasons: ['3 new failure(s)'] });
  });

  it('fail-on new passes a run whose only failures are known, says so, and fails one with a new failure', async () => {
    const store = join(dir, 'failon-store.json');
    storeWith(store, history);
    const knownOnly = junit('failon-known.xml', tc('test_still', FAIL) + tc('test_fixed') + tc('test_ok'));
    const sink = io();
    expect(await mergeCommand([knownOnly, '--timings', store, '--fail-on', 'new'], sink, {})).toBe(0);
    expect(sink.out).toContain('fastest merge: 1 known failure(s) (failing on the default branch too) do not fail the merge (fail-on: new)\n');
    expect(sink.err).toContain('fastest merge: failures: 0 new, 1 still failing on the default branch\n');
    expect(sink.err).toContain('fastest merge: 1 test(s) fixed (failing on the default branch, passing now): tests/test_a.py::test_fixed\n');
    // The default is any: the known failure fails the merge.
    expect(await mergeCommand([knownOnly, '--timings', store], io(), {})).toBe(1);

    const withNew = junit('failon-new.xml', tc('test_still', FAIL) + tc('test_absent', FAIL));
    const sink2 = io();
    expect(await mergeCommand([withNew, '--timings', store, '--fail-on', 'new'], sink2, {})).toBe(1);
    expect(sink2.err).toContain('failures: 1 new, 1 still failing');
    // Without a store (a first run) every failure is new.
    expect(await mergeCommand([knownOnly, '--fail-on', 'new'], io(), {})).toBe(1);
    expect(await mergeCommand([knownOnly, '--timings', join(dir, 'no-such-store.json'), '--fail-on', 'new'], io(), {})).toBe(1);
    const bad = io();
    expect(await mergeCommand([knownOnly, '--fail-on', 'some'], bad, {})).toBe(4);
    expect(bad.err).toContain("argument --fail-on: invalid choice: 'some' (choose from 'any', 'new')");
  });

  it('--timings-out records the run in the history: latest outcomes, flaky and failed counts over the window', async () => {
    const store = join(dir, 'record-store.json');
    const run1 = junit('record-1.xml', tc('test_still', FAIL) + tc('test_flaky', '<flakyFailure message="x" />') + tc('test_ok'));
    expect(await mergeCommand([run1, '--timings-out', store], io(), {})).toBe(1);
    let saved = historyOf(loadTimings(store).store, store).history;
    expect(storedHistory(saved)).toEqual({
      runs: 1,
      tests: { 'tests/test_a.py::test_flaky': { o: 'y', at: 1 }, 'tests/test_a.py::test_still': { o: 'f', at: 1 } },
    });
    const run2 = junit('record-2.xml', tc('test_still', FAIL) + tc('test_flaky') + tc('test_ok', FAIL));
    const sink = io();
    expect(await mergeCommand([run2, '--timings-out', store, '--fail-on', 'new'], sink, {})).toBe(1);
    expect(sink.err).toContain('failures: 1 new, 1 still failing');
    saved = historyOf(loadTimings(store).store, store).history;
    expect(storedHistory(saved).tests).toEqual({
      'tests/test_a.py::test_flaky': { o: 'yp', at: 2 },
      'tests/test_a.py::test_ok': { o: 'f', at: 2 },
      'tests/test_a.py::test_still': { o: 'ff', at: 2 },
    });
    // The timings are learned as before beside it.
    expect(loadTimings(store).store.runs).toBe(2);
    // A broken test is not flaky; the flaky one is.
    expect(flakiest(saved, 10).map((t) => t.id)).toEqual(['tests/test_a.py::test_flaky']);
  });
});

describe('the history stays bounded and survives corruption', () => {
  it('caps entries, outcomes per test and id length, and forgets what stopped failing or running', () => {
    let history = emptyHistory();
    const marks = new Map<string, RunMark>();
    for (let i = 0; i < HISTORY_MAX_TESTS + 5000; i++) marks.set(`tests/test_m.py::test_${i}`, i % 4 === 0 ? 'y' : 'f');
    marks.set(`tests/test_m.py::test_${'x'.repeat(HISTORY_MAX_ID_CHARS)}`, 'f');
    history = recordRun(history, marks);
    expect(history.tests.size).toBe(HISTORY_MAX_TESTS);
    // Those failing now are kept first: the new-versus-known answer needs them.
    expect([...history.tests.values()].every((e) => e.marks === 'f')).toBe(true);
    const one = new Map<string, RunMark>([['tests/test_m.py::test_0', 'f']]);
    for (let run = 0; run < HISTORY_RUNS * 2; run++) history = recordRun(history, one);
    expect(history.tests.get('tests/test_m.py::test_0')?.marks).toBe('f'.repeat(HISTORY_RUNS));
    // Not seen for HISTORY_RUNS runs: gone.
    expect(history.tests.size).toBe(1);
    for (let run = 0; run < HISTORY_RUNS; run++) history = recordRun(history, new Map([['tests/test_m.py::test_0', 'p']]));
    expect(history.tests.size).toBe(0);

    // The store file stays small with the history full of the longest ids accepted.
    const full: FlakyHistory = { runs: 100, tests: new Map() };
    for (let i = 0; i < HISTORY_MAX_TESTS; i++)
      full.tests.set(`${String(i).padStart(6, '0')}${'y'.repeat(HISTORY_MAX_ID_CHARS - 6)}`, { marks: 'yf'.repeat(HISTORY_RUNS / 2), at: 100 });
    const path = join(dir, 'full-store.json');
    saveTimings(path, { ...emptyTimings(), history: storedHistory(full) });
    expect(statSync(path).size).toBeLessThan(6 * 1024 * 1024);
    expect(historyOf(loadTimings(path).store, path).history.tests.size).toBe(HISTORY_MAX_TESTS);
  });

  it('a corrupt or hostile history is ignored with one line, the timings beside it still used, and the merge goes on', async () => {
    const file = junit('corrupt-run.xml', tc('test_still', FAIL) + tc('test_ok'));
    const cases: [unknown, string][] = [
      ['nope', 'not a JSON object'],
      [{ runs: -1, tests: {} }, '"runs" is not a count'],
      [{ runs: 2, tests: [] }, '"tests" is not an object'],
      [{ runs: 2, tests: { a: { o: 'f'.repeat(HISTORY_RUNS + 1), at: 1 } } }, 'entry "a" has no outcomes'],
      [{ runs: 2, tests: { a: { o: 'fz', at: 1 } } }, 'entry "a" has no outcomes'],
      [{ runs: 2, tests: { a: { o: 'f', at: 3 } } }, 'entry "a" has a bad run number'],
      [{ runs: 2, tests: { ['x'.repeat(HISTORY_MAX_ID_CHARS + 1)]: { o: 'f', at: 1 } } }, `a test id is longer than ${HISTORY_MAX_ID_CHARS} characters`],
      [
        { runs: 2, tests: Object.fromEntries(Array.from({ length: HISTORY_MAX_TESTS + 1 }, (_, i) => [`t${i}`, { o: 'f', at: 1 }])) },
        `more than ${HISTORY_MAX_TESTS} tests`,
      ],
    ];
    for (const [history, problem] of cases) {
      const store = join(dir, 'corrupt-store.json');
      writeFileSync(store, JSON.stringify({ version: 1, tests: { 'tests/test_a.py::test_ok': 0.5 }, modules: {}, runs: 4, history }));
      const loaded = loadTimings(store);
      expect(loaded.warning).toBeUndefined();
      expect(loaded.store.tests['tests/test_a.py::test_ok']).toBe(0.5);
      expect(historyOf(loaded.store, store)).toEqual({ history: emptyHistory(), warning: `ignoring the test history in ${store}: ${problem}` });
      const sink = io();
      expect(await mergeCommand([file, '--timings', store, '--fail-on', 'new'], sink, {})).toBe(1);
      expect(sink.err).toBe(
        `fastest merge: failures: 1 new, 0 still failing on the default branch\nfastest merge: warning: ignoring the test history in ${store}: ${problem}\n`,
      );
    }
    // A store that is not JSON at all: one warning, as before, and every failure new.
    const broken = join(dir, 'broken-store.json');
    writeFileSync(broken, '{"version": 1, "tests": {');
    const sink = io();
    expect(await mergeCommand([file, '--timings', broken, '--timings-out', join(dir, 'rebuilt.json'), '--fail-on', 'new'], sink, {})).toBe(1);
    expect(sink.err.split('\n').filter((l) => l.includes('warning'))).toEqual([`fastest merge: warning: ignoring timings ${broken}: not valid JSON`]);
    // Rebuilt from this run alone.
    expect(storedHistory(historyOf(loadTimings(join(dir, 'rebuilt.json')).store, 'x').history).tests).toEqual({
      'tests/test_a.py::test_still': { o: 'f', at: 1 },
    });
  });
});

describe('the summary and the comment', () => {
  const md = new MarkdownIt({ html: true, linkify: true });
  const hostile = 'test_x[`<img src=x onerror=alert(1)>` [a](http://evil) @octocat]';

  function classifiedResult() {
    const store = join(dir, 'summary-store.json');
    storeWith(store, { 'tests/test_a.py::test_still': 'f', 'tests/test_a.py::test_fixed': 'f' });
    const file = junit(
      'summary.xml',
      tc('test_still', FAIL) +
        tc('test_new', FAIL) +
        tc('test_fixed') +
        tc(hostile.replace(/</g, '&lt;').replace(/>/g, '&gt;'), '<flakyFailure message="[click](http://evil) &lt;b&gt;x&lt;/b&gt;" />'),
    );
    return mergeJUnit([file], { history: historyOf(loadTimings(store).store, store).history });
  }

  it('lead with new failures, then the known ones, fixed and flaky tests; JUnit text only in code', () => {
    const result = classifiedResult();
    const summary = renderSummary(result);
    expect(summary).toContain('## fastest: 2 failed, 2 passed, 1 flaky');
    const order = [
      '### New failures (1)',
      'tests/test_a.py::test_new',
      '### Still failing (1)',
      'tests/test_a.py::test_still',
      '### Fixed (1)',
      '### Flaky tests (1)',
    ];
    const at = order.map((s) => summary.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);

    const ctx = {
      serverUrl: 'https://github.com',
      repository: 'o/r',
      sha: 'abcdef1234567',
      workspace: '/ws',
      workingDirectory: '/ws',
      marker: '<!-- m -->',
      runUrl: 'https://run',
    };
    const comment = commentBody(result, result.failures, ctx, []);
    const corder = ['**New failures (1)**', 'test_new', '**Still failing (1)**', 'test_still', '**Fixed (1)**', '**Flaky (1)**'];
    const cat = corder.map((s) => comment.indexOf(s));
    expect(cat.every((i) => i >= 0)).toBe(true);
    expect([...cat].sort((a, b) => a - b)).toEqual(cat);

    for (const text of [summary, comment]) {
      const tokens = md.parse(text, {}).flatMap((t) => [t, ...(t.children ?? [])]);
      // Only our own: the comment's marker, and its links to the run and the code.
      const live = tokens.filter((t) => /html|link_open|image/.test(t.type)).map((t) => `${t.type} ${t.content}${t.attrGet('href') ?? ''}`);
      expect(live.filter((l) => l !== 'html_block <!-- m -->\n' && !/^link_open https:\/\/(run|github\.com\/o\/r\/blob\/)/.test(l))).toEqual([]);
      // The flaky test is named, inside code.
      expect(tokens.some((t) => t.type === 'code_inline' && t.content.includes('<img src=x onerror=alert(1)>'))).toBe(true);
    }
    // Its attempts are named too, in code.
    expect(summary).toContain('passed on attempt 2 of 2; attempt 1: failed ([click](http://evil) <b>x</b>)');
  });

  it('without a history, failures are listed as before', () => {
    const file = junit('plain.xml', tc('test_new', FAIL));
    const summary = renderSummary(mergeJUnit([file]));
    expect(summary).toContain('### Failures (1)');
    expect(summary).not.toContain('New failures');
  });
});
