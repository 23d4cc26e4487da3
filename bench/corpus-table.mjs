// One agreement table from bench/corpus.mjs result directories (later directories' rows replace
// earlier ones for the same project), in the order of bench/corpus.json, plus the time ratios.
// Usage: node bench/corpus-table.mjs OUT_DIR[:reused]... (each with a results.json; `:reused`: its
// rows ran fastest against an earlier session's pytest runs (--reuse-pytest), so their time ratio
// is not of one run: shown in parentheses and left out of the median, as is a row whose pytest run
// was killed at corpus.mjs's time limit)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const here = dirname(new URL(import.meta.url).pathname);
const list = JSON.parse(readFileSync(join(here, 'corpus.json'), 'utf8')).projects;
const rows = new Map();
for (const arg of process.argv.slice(2)) {
  const [dir, mark] = arg.split(':');
  const file = join(dir, 'results.json');
  if (!existsSync(file)) continue;
  for (const r of JSON.parse(readFileSync(file, 'utf8')).results) rows.set(r.name, { ...r, reused: mark === 'reused' });
}
const out = [
  '| project (commit) | args | pytest ids | agreeing / compared | differ | lost | extra | flaky under pytest | exit pytest / fastest | summary line as pytest | pytest | fastest | ratio | load |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: |',
];
const ratios = [];
let full = 0;
let measured = 0;
for (const p of list) {
  const r = rows.get(p.name);
  const f = r && Object.values(r.fastestRuns ?? {})[0];
  if (!f) {
    out.push(`| ${p.name} | not run | | | | | | | | | | | | |`);
    continue;
  }
  const a = f.agreement;
  const compared = a.pytestCases - a.flaky.length;
  measured++;
  // an extra id is the same test as a flaky one when its id changes every run (marshmallow puts
  // the current time in two parametrize ids): same function, another id
  const base = (key) => key.replace(/\[.*$/, '');
  const flakyFunctions = new Set(a.flaky.map((x) => base(x.key)));
  const extra = a.extra.filter((x) => !flakyFunctions.has(base(x.key)));
  if (a.same === compared && !a.lost.length && !extra.length && f.summarySame !== false) full++;
  const args = r.args.join(' ');
  const argText = args.length > 60 ? `${r.args.length} args (bench/corpus.json)` : args ? `\`${args}\`` : '';
  // a pytest run killed at the time limit gives no time to compare either: in parentheses, out of the median
  const notOfOneRun = r.reused || r.pytestRuns.some((x) => x.timedOut);
  if (f.ratio && !notOfOneRun) ratios.push({ name: p.name, time: f.seconds / r.pytestSeconds });
  const ratio = f.ratio ? (notOfOneRun ? `(${f.ratio.toFixed(2)}x)` : `${f.ratio.toFixed(2)}x`) : 'none';
  out.push(
    `| ${p.name} (${r.commit.slice(0, 7)}) | ${argText} | ${r.pytestCollect.ids} | ${a.same} / ${compared} | ${a.differ.length} | ${a.lost.length} | ${a.extra.length}${extra.length < a.extra.length ? ` (${a.extra.length - extra.length} of a flaky test)` : ''} | ${a.flaky.length} | ${r.pytestRuns.map((x) => (x.timedOut ? 'killed' : x.code)).join(',')} / ${f.code} | ${f.summarySame === undefined ? 'not compared' : f.summarySame ? 'yes' : 'no'} | ${r.pytestSeconds.toFixed(1)} s | ${f.seconds.toFixed(1)} s | ${ratio} | ${f.load.toFixed(1)} |`,
  );
}
ratios.sort((x, y) => x.time - y.time);
const median =
  ratios.length === 0
    ? NaN
    : ratios.length % 2
      ? ratios[(ratios.length - 1) / 2].time
      : (ratios[ratios.length / 2 - 1].time + ratios[ratios.length / 2].time) / 2;
out.push('');
out.push(`${full} of ${measured} entries at 100% of pytest-stable testcases (and pytest's summary line).`);
out.push(
  `fastest/pytest time: median ${median.toFixed(2)} (pytest/fastest ${(1 / median).toFixed(2)}x) over ${ratios.length} entries; slowest: ${ratios
    .slice(-3)
    .reverse()
    .map((x) => `${x.name} ${x.time.toFixed(2)}`)
    .join(', ')}.`,
);
console.log(out.join('\n'));
