// `fastest merge` of 100,000 testcases (bench/merge-memory.mjs's 50 files of 2,000, 1 in 500
// failed), before and after a change, run alternately: peak RSS and user CPU, medians.
//   node bench/merge-flaky.mjs BEFORE_CLI [AFTER_CLI] [--runs N]
// Three inputs: the plain files with `--out`; the same with retries (1 in 100 tests flaky with a
// <flakyFailure>, every failure with a <rerunFailure>); and the retried files with a timings store
// of the default branch (`--timings` with a test history of 5,000 entries, half the failures
// known) and `--timings-out`, which learns timings and records the history. A CLI without the
// history still reads and writes the store (its timings). bench/RESULTS.md holds recorded runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const clis = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
const before = clis[0];
const after = clis[1] ?? join(root, 'dist/cli.js');
if (!before) throw new Error('usage: node bench/merge-flaky.mjs BEFORE_CLI [AFTER_CLI] [--runs N]');
const dir = mkdtempSync(join(tmpdir(), 'fastest-bench-flaky-'));

function files(retries) {
  const out = [];
  for (let f = 0; f < 50; f++) {
    let body = '';
    for (let i = 0; i < 2000; i++) {
      const failed = i % 500 === 0;
      const flaky = retries && !failed && i % 100 === 7;
      const attrs = `classname="tests.pkg${f}.test_mod${i % 40}.TestThing" name="test_case_${i}[param-${i}]" file="tests/pkg${f}/test_mod${i % 40}.py" line="${i}" time="0.00${i % 10}"`;
      const rerun = retries ? '<rerunFailure message="assert 1 == 2">E   assert 1 == 2</rerunFailure>' : '';
      if (failed)
        body += `<testcase ${attrs}><failure message="assert 1 == 2">def test():\n&gt;   assert 1 == 2\nE   assert 1 == 2</failure>${rerun}</testcase>`;
      else if (flaky)
        body += `<testcase ${attrs}><flakyFailure message="timeout" type="TimeoutError">E   TimeoutError<system-out>attempt 1</system-out></flakyFailure></testcase>`;
      else body += `<testcase ${attrs} />`;
    }
    const path = join(dir, `${retries ? 'retry' : 'plain'}-${f}.xml`);
    writeFileSync(
      path,
      `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" failures="4" skipped="0" tests="2000" time="12.5">${body}</testsuite></testsuites>`,
    );
    out.push(path);
  }
  return out;
}

/** A default-branch store: 5,000 history entries, the failures of even-numbered files known. */
function store() {
  const tests = {};
  for (let f = 0; f < 50; f++)
    for (let i = 0; i < 2000; i += 500)
      if (f % 2 === 0) tests[`tests/pkg${f}/test_mod${i % 40}.py::TestThing::test_case_${i}[param-${i}]`] = { o: 'ppf', at: 9 };
  for (let k = 0; Object.keys(tests).length < 5000; k++) tests[`tests/old/test_gone.py::test_${k}`] = { o: 'pyp', at: 9 };
  const path = join(dir, 'store.json');
  writeFileSync(path, JSON.stringify({ version: 1, tests: {}, modules: {}, runs: 9, history: { runs: 9, tests } }));
  return path;
}

function once(cli, argv) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U', process.execPath, cli, 'merge', ...argv], { encoding: 'utf8' });
  const [kb, user] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { mb: kb / 1024, user, status: r.status, line: r.stdout.trim().split('\n').pop() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const plain = files(false);
  const retried = files(true);
  const storePath = store();
  const out = join(dir, 'merged.xml');
  const cases = [
    ['100,000 testcases', () => [...plain, '--out', out]],
    ['100,000 with retries', () => [...retried, '--out', out]],
    [
      '100,000 with retries, a store with history, --timings-out',
      () => [...retried, '--out', out, '--timings', storePath, '--timings-out', join(dir, 'learned.json')],
    ],
  ];
  console.log('| `fastest merge` of | before: peak RSS MiB | after: peak RSS MiB | before: user CPU s | after: user CPU s | before / after exit |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const [label, argv] of cases) {
    const b = [];
    const a = [];
    for (let k = 0; k < runs; k++) {
      b.push(once(before, argv()));
      a.push(once(after, argv()));
    }
    const fmt = (xs, key) => median(xs.map((x) => x[key])).toFixed(key === 'mb' ? 0 : 2);
    console.log(`| ${label} | ${fmt(b, 'mb')} | ${fmt(a, 'mb')} | ${fmt(b, 'user')} | ${fmt(a, 'user')} | ${b[0].status} / ${a[0].status} |`);
    console.error(`  before: ${b[0].line}\n  after:  ${a[0].line}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
