// Workers started by the executable before the main bundle loads (src/runner/early.ts): taken by
// the run when they are exactly what it would start, ended on every other way a command goes, never
// started with an interpreter a file in the project names. Outcomes equal real pytest's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { earlyKey } from '../src/runner/early.js';
import { summaryLine } from './helpers/against-pytest.js';

const cli = resolve(__dirname, '..', 'dist', 'cli.js');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// Preloaded into the CLI: logs each worker start, with the bundle that made it and its pid.
const HOOK = `
import cp from 'node:child_process';
import { appendFileSync } from 'node:fs';
const orig = cp.spawn;
cp.spawn = function (cmd, args) {
  const child = orig.apply(this, arguments);
  if ((args || []).includes('fastest_worker') && !(args || []).includes('--warm-parent')) {
    const stack = new Error().stack;
    const by = stack.includes('main.js') ? 'main' : stack.includes('cli.js') ? 'entry' : 'other';
    appendFileSync(process.env.SPAWN_LOG, JSON.stringify({ by, pid: child.pid, cmd }) + '\\n');
  }
  return child;
};
`;

interface Project {
  root: string;
  log: string;
  hook: string;
}

function project(ini = '[pytest]\n'): Project {
  const base = mkdtempSync(join(tmpdir(), 'fastest-early-'));
  dirs.push(base);
  const root = join(base, 'proj');
  mkdirSync(join(root, 'tests'), { recursive: true });
  writeFileSync(join(root, 'pytest.ini'), ini);
  for (const name of ['a', 'b', 'c']) {
    writeFileSync(join(root, 'tests', `test_${name}.py`), `import pytest\n\n@pytest.mark.parametrize("x", range(5))\ndef test_${name}(x):\n    assert x < 4\n`);
  }
  const hook = join(base, 'hook.mjs');
  writeFileSync(hook, HOOK);
  return { root, log: join(base, 'spawns.jsonl'), hook };
}

const env = (p: Project) => ({ ...process.env, GITHUB_ACTIONS: '', FASTEST_WARM_PARENT: '', SPAWN_LOG: p.log });

function run(p: Project, args: string[]) {
  rmSync(p.log, { force: true });
  const r = spawnSync(process.execPath, ['--import', p.hook, cli, ...args], { cwd: p.root, encoding: 'utf8', env: env(p) });
  const spawns = existsSync(p.log)
    ? readFileSync(p.log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { by: string; pid: number; cmd: string })
    : [];
  return { code: r.status, out: r.stdout + r.stderr, spawns };
}

function pytestSummary(p: Project, args: string[]): string {
  const r = spawnSync('python', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], { cwd: p.root, encoding: 'utf8', env: env(p) });
  return summaryLine(r.stdout);
}

/** True once none of the pids is a live process (a zombie counts as gone). */
async function allGone(pids: number[]): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const alive = pids.filter((pid) => {
      try {
        return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    });
    if (alive.length === 0) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** A plan for `args` in the project, as a run would have recorded it. */
function writePlan(p: Project, args: string[], plan: object) {
  mkdirSync(join(p.root, '.fastest'), { recursive: true });
  const key = earlyKey(args, p.root, env(p));
  writeFileSync(join(p.root, '.fastest', 'early-workers.json'), JSON.stringify({ version: 1, plans: { [key]: plan } }));
}

const python = () => join(process.env.VIRTUAL_ENV!, 'bin', 'python');

describe.skipIf(process.platform === 'win32')('workers started before the main bundle', () => {
  it('a fresh checkout: the run takes the workers the executable started, and the next run too', () => {
    const p = project();
    // enough source (400 tests, 14 KB) for the walk to guess the suite worth a worker per core
    const big = Array.from({ length: 400 }, (_, i) => `def test_big_${i}():\n    assert ${i} >= 0\n`).join('\n');
    writeFileSync(join(p.root, 'tests', 'test_big.py'), big);
    const args = ['-q', '-p', 'no:cacheprovider'];
    const cold = run(p, args);
    expect(cold.code, cold.out).toBe(1);
    expect(summaryLine(cold.out)).toBe(pytestSummary(p, []));
    // one per core: the first started by the executable, none started twice
    expect(cold.spawns.map((s) => s.by)).toEqual(['entry', ...Array(availableParallelism() - 1).fill('main')]);
    // the plan the next run starts: as many as the run's measures now say (one for this suite)
    const warm = run(p, args);
    expect(summaryLine(warm.out)).toBe(pytestSummary(p, []));
    expect(warm.spawns.length).toBeGreaterThan(0);
    expect(warm.spawns.map((s) => s.by)).toEqual(Array(warm.spawns.length).fill('entry'));
    // another command line in the same project has a plan of its own
    const other = run(p, ['-q', '-p', 'no:cacheprovider', 'tests/test_a.py']);
    expect(
      other.spawns.every((s) => s.by === 'main'),
      JSON.stringify(other.spawns),
    ).toBe(true);
    expect(summaryLine(other.out)).toBe(pytestSummary(p, ['tests/test_a.py']));
    expect(run(p, ['-q', '-p', 'no:cacheprovider', 'tests/test_a.py']).spawns.every((s) => s.by === 'entry')).toBe(true);
  }, 300_000);

  it('a fresh checkout of a small suite, or of one test module, starts one worker: the others wait for discovery to say they are needed', () => {
    const p = project();
    const args = ['-q', '-p', 'no:cacheprovider'];
    // three modules of a few hundred bytes: before, one worker per core, of which the plan ended all but one
    const small = run(p, args);
    expect(summaryLine(small.out)).toBe(pytestSummary(p, []));
    expect(small.spawns.map((s) => s.by)).toEqual(['entry']);
    rmSync(join(p.root, '.fastest'), { recursive: true, force: true });
    for (const name of ['b', 'c']) rmSync(join(p.root, 'tests', `test_${name}.py`));
    const cold = run(p, args);
    expect(summaryLine(cold.out)).toBe(pytestSummary(p, []));
    expect(cold.spawns.map((s) => s.by)).toEqual(['entry']);
  }, 300_000);

  it('never starts an interpreter the record names when the run would choose another', () => {
    const p = project();
    const args = ['-q'];
    const fake = join(p.root, 'evil-python');
    writeFileSync(fake, '#!/bin/sh\ntouch "$0.ran"\nexit 3\n', { mode: 0o755 });
    writePlan(p, args, { python: fake, cwd: p.root, workers: 1, pycacheDir: join(p.root, '.fastest', 'pycache') });
    const r = run(p, args);
    expect(existsSync(`${fake}.ran`)).toBe(false);
    expect(r.spawns.length).toBeGreaterThan(0);
    expect(r.spawns.every((s) => s.by === 'main' && s.cmd === python())).toBe(true);
    expect(summaryLine(r.out)).toBe(pytestSummary(p, []));
  }, 300_000);

  it('ends the early workers the run does not take, however the command ends', async () => {
    const plan = (p: Project, workers: number) => ({ python: python(), cwd: p.root, workers, pycacheDir: join(p.root, '.fastest', 'pycache') });
    // a plan for other workers than the run starts (its count comes from its own measures)
    const p = project();
    const cores = availableParallelism();
    writePlan(p, ['-q'], plan(p, cores + 1));
    const fewer = run(p, ['-q']);
    expect(summaryLine(fewer.out)).toBe(pytestSummary(p, []));
    expect(fewer.spawns.map((s) => s.by)).toEqual([...Array(cores + 1).fill('entry'), ...Array(cores).fill('main')]);
    expect(await allGone(fewer.spawns.map((s) => s.pid))).toBe(true);
    // a usage error before any worker is asked for
    writePlan(p, ['-q', '--maxfail', 'many'], plan(p, 2));
    const usage = run(p, ['-q', '--maxfail', 'many']);
    expect(usage.code).toBe(4);
    expect(usage.spawns.map((s) => s.by)).toEqual(['entry', 'entry']);
    expect(await allGone(usage.spawns.map((s) => s.pid))).toBe(true);
    // the run goes to real pytest (log_cli)
    const routed = project('[pytest]\nlog_cli = true\n');
    writePlan(routed, ['-q'], plan(routed, 2));
    const real = run(routed, ['-q']);
    expect(summaryLine(real.out)).toBe(pytestSummary(routed, []));
    expect(real.spawns.map((s) => s.by)).toEqual(['entry', 'entry']);
    expect(await allGone(real.spawns.map((s) => s.pid))).toBe(true);
    // and it keeps what it learnt: that command starts none ahead any more
    expect(run(routed, ['-q']).spawns).toEqual([]);
    // --collect-only's tree (real pytest's) starts none, --help none at all; -q's listing (the
    // workers' collection pass) learns its plan as a run does
    expect(run(p, ['--co']).spawns.filter((s) => s.by === 'entry')).toEqual([]);
    const listing = ['-q', '--co', '-p', 'no:cacheprovider'];
    expect(run(p, listing).spawns.length).toBeGreaterThan(0);
    const listedAgain = run(p, listing);
    expect(listedAgain.spawns.length).toBeGreaterThan(0);
    expect(listedAgain.spawns.map((s) => s.by)).toEqual(Array(listedAgain.spawns.length).fill('entry'));
    expect(run(p, ['--help']).spawns).toEqual([]);
    expect(readdirSync(join(p.root, '.fastest'))).toContain('early-workers.json');
  }, 300_000);
});
