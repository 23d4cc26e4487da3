// Watch latency benchmark (issue 18 item 5): on the 10,000-test generated suite, the time from a
// file's write to the first result line of the run it starts under `fastest watch -v`, against
// the time from starting a fresh `fastest -v FILE` to its first result line, alternating, in the
// same session; medians. Each edit changes one test of one module (a one-test change: its module
// is what the save can affect).
// Usage: node bench/watch-latency.mjs [--edits N] [--tests N]
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSuite } from './gen.mjs';

const cli = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const edits = arg('--edits', 7);
const tests = arg('--tests', 10000);
const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', FORCE_COLOR: '0', NO_COLOR: '1' };
const RESULT = /::\S+ (PASSED|FAILED|ERROR|SKIPPED)/;

const dir = join(tmpdir(), 'fastest-bench-watch');
generateSuite(dir, { tests, perFile: 100, kind: 'trivial' });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A fresh `fastest -v FILE`: ms to its first result line, and to its exit. */
function freshRun(file) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    let first = null;
    let text = '';
    const child = spawn(process.execPath, [cli, '-v', file], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => {
      text += chunk;
      if (first === null && RESULT.test(text)) first = performance.now() - started;
    });
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`fastest exited ${code}\n${text.slice(-2000)}`));
      else resolvePromise({ first, total: performance.now() - started });
    });
  });
}

const watcher = spawn(process.execPath, [cli, 'watch', '-v'], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
let output = '';
let waiter = null;
watcher.stdout.on('data', (chunk) => {
  output += chunk;
  waiter?.();
});
watcher.stderr.on('data', (chunk) => process.stderr.write(chunk));
/** Resolves when the output after `from` matches `pattern`: the ms it took, measured at arrival. */
function until(pattern, from, since) {
  return new Promise((resolvePromise) => {
    waiter = () => {
      if (pattern.test(output.slice(from))) {
        waiter = null;
        resolvePromise(performance.now() - since);
      }
    };
    waiter();
  });
}

const startedWatch = performance.now();
const initial = await until(/waiting for changes/, 0, startedWatch);
process.stderr.write(`watch: first run of all ${tests} tests ${(initial / 1000).toFixed(2)} s\n`);

const watchFirst = [];
const watchDone = [];
const fresh = [];
const freshDone = [];
for (let i = 0; i < edits; i++) {
  const file = `tests/test_mod_${String((i * 37) % Math.ceil(tests / 100)).padStart(5, '0')}.py`;
  const path = join(dir, file);
  const source = readFileSync(path, 'utf8');
  const from = output.length;
  const written = performance.now();
  writeFileSync(path, source.replace('assert 0 + 1 == 1', `assert 0 + 1 == 1, ${i}`));
  watchFirst.push(await until(RESULT, from, written));
  watchDone.push(await until(/waiting for changes/, from, written));
  const run = await freshRun(file);
  fresh.push(run.first);
  freshDone.push(run.total);
  process.stderr.write(
    `edit ${i + 1}: watch first result ${watchFirst[i].toFixed(0)} ms (run done ${watchDone[i].toFixed(0)} ms); fresh fastest first result ${run.first.toFixed(0)} ms (done ${run.total.toFixed(0)} ms)\n`,
  );
}
watcher.stdin.write('q\n');
await new Promise((r) => watcher.on('close', r));
rmSync(dir, { recursive: true, force: true });

console.log(`| ${tests} tests, ${edits} one-test edits | median | min | max |`);
console.log('| --- | ---: | ---: | ---: |');
const row = (label, xs) => console.log(`| ${label} | ${median(xs).toFixed(0)} ms | ${Math.min(...xs).toFixed(0)} ms | ${Math.max(...xs).toFixed(0)} ms |`);
row('watch: write → first result line', watchFirst);
row('watch: write → run done', watchDone);
row('fresh `fastest -v FILE`: start → first result line', fresh);
row('fresh `fastest -v FILE`: start → exit', freshDone);
console.log(`\nwatch first result / fresh first result: ${(median(watchFirst) / median(fresh)).toFixed(2)}`);
