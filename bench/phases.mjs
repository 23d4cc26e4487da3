// Preloaded into fastest (`node --import ./bench/phases.mjs dist/cli.js ...`): at exit, appends one line of
// phase times (ms from Node's start) to $PHASES_OUT (default stderr): first worker spawned, first
// hello, first `collected` (the collection pass over), last unit_done, last worker exit, Node's exit.
import cp from 'node:child_process';
import { appendFileSync } from 'node:fs';

const t = {};
const mark = (k, last = false) => {
  if (last || t[k] === undefined) t[k] = performance.now();
};
const orig = cp.spawn;
cp.spawn = function (cmd, args) {
  const p = orig.apply(this, arguments);
  const a = (args || []).join(' ');
  if (a.includes('fastest_worker')) {
    mark('spawn');
    p.stdout?.on('data', (b) => {
      const s = b.toString('latin1');
      if (s.includes('hello')) mark('hello');
      if (s.includes('collected')) mark('collected');
      if (s.includes('unit_done')) mark('lastUnitDone', true);
    });
    p.on('exit', () => mark('workersExited', true));
  }
  return p;
};
process.on('exit', () => {
  mark('nodeExit');
  const order = ['spawn', 'hello', 'collected', 'lastUnitDone', 'workersExited', 'nodeExit'];
  const line = order.map((k) => `${k}=${t[k] === undefined ? '-' : t[k].toFixed(0)}`).join(' ');
  appendFileSync(process.env.PHASES_OUT || '/dev/stderr', line + '\n');
});
