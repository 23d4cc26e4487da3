// Discovery benchmark: fastest cold/warm discovery vs `pytest --collect-only -q`, same run.
// Usage: node bench/discovery.mjs [sizes...]   (default: 1000 10000 100000)
//
// cold: no .fastest/ (every file parsed). edited: one test file changed since the last run (the
// memo misses; the discovery cache serves the other files). warm: nothing changed (the memo
// answers). `node -e 0` is Node's own start on this machine, the floor of any fastest command.
//
// NODE_EXTRA_CA_CERTS makes every Node process read and parse a certificate bundle before running
// anything (50-80 ms here); it is set on the development VMs for their proxy and not on GitHub's
// runners, so fastest and `node -e 0` are timed without it (the table says when it was removed).
import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSuite } from './gen.mjs';

const cli = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);

const nodeEnv = { ...process.env };
const removedCaCerts = nodeEnv.NODE_EXTRA_CA_CERTS !== undefined;
delete nodeEnv.NODE_EXTRA_CA_CERTS;

function timed(cmd, args, cwd, env = {}) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...(cmd === process.execPath ? nodeEnv : process.env), ...env } });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const lines = args[0] === '-e' ? 0 : r.stdout.split('\n').filter((l) => l.includes('::')).length;
  return { seconds, lines };
}

function best(n, fn) {
  let min = Infinity;
  let result;
  for (let i = 0; i < n; i++) {
    result = fn();
    min = Math.min(min, result.seconds);
  }
  return { ...result, seconds: min };
}

const nodeStart = best(10, () => timed(process.execPath, ['-e', '0'], tmpdir())).seconds;
const rows = [];
for (const size of sizes.length ? sizes : [1000, 10000, 100000]) {
  const dir = join(tmpdir(), `fastest-bench-discovery-${size}`);
  const { files } = generateSuite(dir, { tests: size, perFile: 100 });
  // Rounds of pytest, cold, edited and warm one after the other, best of each: the VM's speed
  // drifts by tens of percent over minutes, and each round puts both tools in the same minute.
  // pytest runs in the first round only at 100,000 (two minutes a run).
  const rounds = 3;
  const testFiles = readdirSync(join(dir, 'tests')).filter((f) => f.endsWith('.py'));
  let edits = 0;
  const runs = { pytest: [], cold: [], edited: [], warm: [] };
  for (let round = 0; round < rounds; round++) {
    if (round === 0 || size < 100000)
      runs.pytest.push(timed('python3', ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'], dir, { PYTHONDONTWRITEBYTECODE: '1' }));
    rmSync(join(dir, '.fastest'), { recursive: true, force: true });
    runs.cold.push(timed(process.execPath, [cli, 'discover'], dir));
    appendFileSync(join(dir, 'tests', testFiles[edits++ % testFiles.length]), `# edit ${edits}\n`);
    runs.edited.push(timed(process.execPath, [cli, 'discover'], dir));
    for (let i = 0; i < 2; i++) runs.warm.push(timed(process.execPath, [cli, 'discover'], dir));
  }
  const fastestOf = (list) => list.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const [pytest, cold, edited, warm] = [runs.pytest, runs.cold, runs.edited, runs.warm].map(fastestOf);
  for (const run of [cold, edited, warm]) {
    if (run.lines !== pytest.lines) throw new Error(`id counts differ: pytest ${pytest.lines}, fastest ${run.lines}`);
  }
  rows.push({ size, files, pytest: pytest.seconds, cold: cold.seconds, edited: edited.seconds, warm: warm.seconds });
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  `node -e 0: ${(nodeStart * 1000).toFixed(0)} ms${removedCaCerts ? ' (fastest and node timed without NODE_EXTRA_CA_CERTS, which this environment sets)' : ''}`,
);
console.log('');
console.log('| tests | files | pytest --collect-only -q | fastest cold | one file edited | warm | cold speed-up | edited speed-up | warm speed-up |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const ratio = (s) => `${(r.pytest / s).toFixed(1)}x`;
  console.log(
    `| ${r.size} | ${r.files} | ${r.pytest.toFixed(2)} s | ${r.cold.toFixed(3)} s | ${r.edited.toFixed(3)} s | ${r.warm.toFixed(3)} s | ${ratio(r.cold)} | ${ratio(r.edited)} | ${ratio(r.warm)} |`,
  );
}
