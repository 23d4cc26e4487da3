// Warm parent benchmark (issue 17 item 3): fastest with workers forked from a warm parent
// (FASTEST_WARM_PARENT=1) and started as before (=0), against pytest, in the same run,
// alternating, medians. Cold = no .fastest/ (a fresh checkout); warm = a developer's next run.
// Usage: node bench/warm-parent.mjs [--rounds N] [--cli PATH/dist/cli.js] [--python PY] [--generated [--test-ms N]] [DIR...]
//   --generated: a suite of 40 modules x 5 tests whose conftest imports a package costing 1 s of
//   CPU at import (put in a virtualenv's site-packages, as a third-party package is); each test
//   spends --test-ms of CPU (default 10: 2 s of tests, so a second worker pays for itself; with 0
//   the suite runs on one worker, where a parent can only cost).
//   The "auto" rows are what a user gets (FASTEST_WARM_PARENT unset: the parent where the record
//   says the shared imports cost enough and more than one worker runs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const cli = resolve(option('--cli', resolve(import.meta.dirname, '..', 'dist', 'cli.js')));
const rounds = Number(option('--rounds', '3'));
const testMs = Number(option('--test-ms', '10'));
let python = option('--python', 'python3');
const generated = args.includes('--generated');
const dirs = args.filter((a) => !a.startsWith('--')).map((d) => resolve(d));

function makeGenerated() {
  const base = mkdtempSync(join(tmpdir(), 'fastest-warm-bench-'));
  spawnSync(python, ['-m', 'venv', '--system-site-packages', join(base, 'venv')], { stdio: 'inherit' });
  const venvPython = join(base, 'venv', 'bin', 'python');
  const site = spawnSync(venvPython, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).stdout.trim();
  mkdirSync(join(site, 'heavypkg'));
  writeFileSync(join(site, 'heavypkg', '__init__.py'), 'import time\n_t = time.process_time()\nwhile time.process_time() - _t < 1.0:\n    pass\nVALUE = 42\n');
  const root = join(base, 'proj');
  mkdirSync(join(root, 'tests'), { recursive: true });
  writeFileSync(join(root, 'pytest.ini'), '[pytest]\n');
  writeFileSync(join(root, 'tests', 'conftest.py'), 'import heavypkg\nimport pytest\n\n\n@pytest.fixture\ndef heavy():\n    return heavypkg.VALUE\n');
  for (let m = 0; m < 40; m++) {
    const tests = Array.from({ length: 5 }, (_, t) => `def test_${t}(heavy):\n    busy()\n    assert heavy == 42\n`).join('\n\n');
    const busy = `def busy():\n    t = time.process_time()\n    while time.process_time() - t < ${testMs / 1000}:\n        pass\n`;
    writeFileSync(join(root, 'tests', `test_m${m}.py`), `import time\n\nimport heavypkg\n\n\n${busy}\n\n${tests}`);
  }
  python = venvPython;
  return root;
}

const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
// Wall time, and the CPU seconds of the whole process tree (GNU time): on a shared machine the
// CPU a warm parent saves shows there even when the wall time is noise.
const timeFile = join(tmpdir(), `fastest-warm-bench-time-${process.pid}`);
function timed(cmd, argv, cwd, extra = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, cmd, ...argv], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...env, ...extra },
  });
  const [seconds, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  const summary = (r.stdout.trim().split('\n').pop() ?? '').replace(/=/g, '').trim();
  return { seconds, cpu: user + system, summary, code: r.status };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const projects = [...(generated ? [makeGenerated()] : []), ...dirs];
for (const root of projects) {
  const runners = [
    ['pytest', () => timed(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], root)],
    [
      'fastest spawn, cold',
      () => (
        rmSync(join(root, '.fastest'), { recursive: true, force: true }),
        timed(process.execPath, [cli, '-q', '--python', python], root, { FASTEST_WARM_PARENT: '0' })
      ),
    ],
    [
      'fastest warm parent, cold',
      () => (
        rmSync(join(root, '.fastest'), { recursive: true, force: true }),
        timed(process.execPath, [cli, '-q', '--python', python], root, { FASTEST_WARM_PARENT: '1' })
      ),
    ],
    ['fastest spawn, warm', () => timed(process.execPath, [cli, '-q', '--python', python], root, { FASTEST_WARM_PARENT: '0' })],
    ['fastest warm parent, warm', () => timed(process.execPath, [cli, '-q', '--python', python], root, { FASTEST_WARM_PARENT: '1' })],
    ['fastest auto, warm', () => timed(process.execPath, [cli, '-q', '--python', python], root, { FASTEST_WARM_PARENT: '' })],
  ];
  const times = new Map(runners.map(([name]) => [name, []]));
  const cpus = new Map(runners.map(([name]) => [name, []]));
  const summaries = new Map();
  for (let round = 0; round < rounds; round++) {
    for (const [name, go] of runners) {
      const r = go();
      times.get(name).push(r.seconds);
      cpus.get(name).push(r.cpu);
      summaries.set(name, `${r.summary} (exit ${r.code})`);
    }
  }
  const base = median(times.get('pytest'));
  console.log(`\n${root} (median of ${rounds}, ${python})`);
  console.log('| runner | median wall s | pytest / runner | median CPU s | result |\n|---|---|---|---|---|');
  for (const [name] of runners) {
    const m = median(times.get(name));
    console.log(`| ${name} | ${m.toFixed(2)} | ${(base / m).toFixed(2)}x | ${median(cpus.get(name)).toFixed(2)} | ${summaries.get(name)} |`);
  }
}
