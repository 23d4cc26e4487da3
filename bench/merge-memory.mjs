// Peak memory and wall time of `fastest merge` (the built CLI, dist/cli.js) on hostile and large
// JUnit files. Run: `node bench/merge-memory.mjs [path/to/cli.js]` (a few minutes on 2 cores;
// writes up to 512 MiB at a time under the temp directory and removes it). The minimal-testcase
// files (the 1,000,000 and the per-file limit of 256 MiB) run once each. Prints a Markdown table;
// bench/RESULTS.md holds recorded runs.
//
// Each merge runs in its own process under /usr/bin/time, so the figure is the process's peak
// resident set (what the runner's memory limit sees), not just the JavaScript heap.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = process.argv[2] ?? join(root, 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'fastest-bench-mem-'));

const HEAD =
  '<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" failures="1" skipped="0" tests="2" time="1.0">';
const TAIL = '</testsuite></testsuites>\n';

/** One failed testcase whose <failure> body is `mb` MiB of traceback-like text, and one passed. */
function hugeBody(path, mb) {
  const fd = openSync(path, 'w');
  writeSync(
    fd,
    `${HEAD}<testcase classname="tests.test_big" name="test_huge" file="tests/test_big.py" line="1" time="0.5"><failure message="assert out == expected">`,
  );
  const line = 'E   AssertionError: assert &apos;xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx&apos; == &lt;Thing id=42&gt; &amp; more\n';
  const chunk = line.repeat(Math.ceil((1024 * 1024) / line.length));
  for (let i = 0; i < mb; i++) writeSync(fd, chunk);
  writeSync(fd, '</failure></testcase><testcase classname="tests.test_big" name="test_ok" file="tests/test_big.py" line="9" time="0.1" />');
  writeSync(fd, TAIL);
  closeSync(fd);
}

/** The 100,000-testcase merge of bench/shard.mjs: 50 files of 2,000 testcases, 1 in 500 failed. */
function manyCases() {
  const files = [];
  for (let f = 0; f < 50; f++) {
    let body = '';
    for (let i = 0; i < 2000; i++) {
      const failed = i % 500 === 0;
      const attrs = `classname="tests.pkg${f}.test_mod${i % 40}.TestThing" name="test_case_${i}[param-${i}]" file="tests/pkg${f}/test_mod${i % 40}.py" line="${i}" time="0.00${i % 10}"`;
      body += failed
        ? `<testcase ${attrs}><failure message="assert 1 == 2">def test():\n&gt;   assert 1 == 2\nE   assert 1 == 2</failure></testcase>`
        : `<testcase ${attrs} />`;
    }
    const path = join(dir, `shard-${f}.xml`);
    const fd = openSync(path, 'w');
    writeSync(
      fd,
      `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" failures="4" skipped="0" tests="2000" time="12.5">${body}</testsuite></testsuites>`,
    );
    closeSync(fd);
    files.push(path);
  }
  return files;
}

/** Minimal testcases (`<testcase classname="t.test_m1" name="test_1" time="0.001"/>`) until the file is `mb` MiB. */
function minimalCases(path, mb, first = 0) {
  const fd = openSync(path, 'w');
  writeSync(fd, HEAD.replace('failures="1"', 'failures="0"'));
  let written = 0;
  let i = first;
  while (written < mb * 1024 * 1024 - 64 * 1024) {
    let chunk = '';
    for (let k = 0; k < 1000; k++, i++) chunk += `<testcase classname="t.test_m${i % 100}" name="test_${i}" time="0.001"/>`;
    written += writeSync(fd, chunk);
  }
  writeSync(fd, TAIL);
  closeSync(fd);
  return i - first;
}

function measure(label, files, repeats = 3) {
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const out = join(dir, 'merged.xml');
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M %e %U', process.execPath, cli, 'merge', ...files, '--out', out], { encoding: 'utf8' });
    const last = r.stderr.trim().split('\n').pop() ?? '';
    const [kb, seconds, user] = last.split(' ').map(Number);
    const crashed = /heap out of memory|FATAL ERROR/.test(r.stderr);
    runs.push({
      mb: kb / 1024,
      seconds,
      user,
      status: crashed ? 'heap out of memory' : `exit ${r.status}`,
      merged: crashed ? 0 : (statSync(out, { throwIfNoEntry: false })?.size ?? 0),
    });
    rmSync(out, { force: true });
    if (crashed || seconds > 30 || runs.length >= repeats) break;
  }
  runs.sort((a, b) => a.seconds - b.seconds);
  const median = runs[Math.floor(runs.length / 2)];
  return `| ${label} | ${(bytes / 1024 / 1024).toFixed(0)} | ${median.mb.toFixed(0)} | ${median.seconds.toFixed(2)} | ${median.user.toFixed(2)} | ${median.status} | ${(median.merged / 1024 / 1024).toFixed(1)} |`;
}

const rows = [];
try {
  const many = manyCases();
  rows.push(measure('100,000 testcases in 50 files', many));
  for (const f of many) rmSync(f);
  for (const mb of [25, 200]) {
    const path = join(dir, `huge-${mb}.xml`);
    hugeBody(path, mb);
    rows.push(measure(`one ${mb} MiB <failure> body`, [path]));
    rmSync(path);
  }
  const million = join(dir, 'million.xml');
  const n = minimalCases(million, 63);
  rows.push(measure(`${n.toLocaleString('en')} minimal testcases`, [million], 1));
  rmSync(million);
  // The per-file limit (DEFAULT_MAX_JUNIT_BYTES) filled with minimal testcases, twice over.
  const full = [0, 1].map((k) => join(dir, `full-${k}.xml`));
  const perFile = full.map((path, k) => minimalCases(path, 255.5, k * 10_000_000));
  rows.push(measure(`${perFile[0].toLocaleString('en')} minimal testcases (one 256 MiB file)`, [full[0]], 1));
  rows.push(measure(`${(perFile[0] + perFile[1]).toLocaleString('en')} minimal testcases (two 256 MiB files)`, full, 1));
  for (const f of full) rmSync(f);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log('| `fastest merge` on | input MiB | peak RSS MiB | wall s (median of 3) | user CPU s | result | merged MiB |');
console.log('|---|---:|---:|---:|---:|---|---:|');
for (const row of rows) console.log(row);
