// Tests a module makes at import (issue 12, "the run is the truth"): a node id, a plan's id or a
// recorded --lf failure that discovery does not list, in a test module that exists, goes to the
// run, whose collection decides, as pytest's does. Compared with real pytest on
// test/fixtures/truth-made-at-import (generated functions, methods set on a class, computed params).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from './helpers/action-runner.js';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const action = join(__dirname, '..', 'dist', 'action.mjs');
const FIXTURE = join(__dirname, 'fixtures', 'truth-made-at-import');
const MADE = 'tests/test_made.py';
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-unlisted-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

let copies = 0;
/** A fresh copy of the fixture: no discovery cache, no pytest cache. */
function project(): string {
  const dir = join(work, `p${copies++}`);
  cpSync(FIXTURE, dir, { recursive: true, filter: (src) => !src.includes('.fastest') && !src.includes('.pytest_cache') });
  return dir;
}

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const fastest = (args: string[], cwd: string) => run(process.execPath, [cli, ...args], cwd);
const pytest = (args: string[], cwd: string) => run('python3', ['-m', 'pytest', ...args], cwd);

/** The output without the header lines that name the tools and plugins, and without times. */
function normal(out: string): string {
  return out
    .replace(/^(platform|plugins|rootdir|configfile|cachedir|workers|benchmark|asyncio|hypothesis-profile|Using --randomly-seed)\b.*\n/gm, '')
    .replace(/ in \d+\.\d+s( \(\d+:\d+:\d+\))?/g, ' in T');
}

describe('a node id of a test made at import', () => {
  it.each([
    [[`${MADE}::test_gen_1`]],
    [[`${MADE}::test_gen_2`]],
    [[`${MADE}::test_computed[4]`]],
    [[`${MADE}::test_computed`]],
    [[`${MADE}::TestMade::test_member_1`]],
    [[`${MADE}::TestMade`]],
    [[`${MADE}::test_gen_1`, `${MADE}::test_static`]],
    [[`${MADE}::test_gen_0`, 'tests/test_other.py::test_one', '-n', '2']],
    [[`${MADE}::test_gen_2`, `${MADE}::TestMade::test_member_0`, '-n', '1']],
  ])('%j runs as under pytest (whole output)', (args) => {
    const dir = project();
    const ref = pytest(['-p', 'no:cacheprovider', ...args.filter((a) => a !== '-n' && !/^\d$/.test(a))], dir);
    const got = fastest(['-p', 'no:cacheprovider', ...args], dir);
    expect(got.code).toBe(ref.code);
    // (with workers, modules report in the order they finish: their progress column differs)
    const view = (out: string) =>
      args.includes('-n')
        ? normal(out)
            .replace(/\[\s*\d+%\]$/gm, '')
            .split('\n')
            .sort()
        : normal(out);
    expect(view(got.out)).toEqual(view(ref.out));
  });

  it.each([[`${MADE}::test_gen_9`], [`${MADE}::TestMade::test_zz`], [`${MADE}::test_computed[5]`]])(
    '%s, which the module does not make: exit 4 with pytest message, no test run',
    (arg) => {
      const dir = project();
      const ref = pytest(['-p', 'no:cacheprovider', arg, `${MADE}::test_static`], dir);
      const got = fastest(['-p', 'no:cacheprovider', arg, `${MADE}::test_static`], dir);
      expect(ref.code).toBe(4);
      expect(got.code).toBe(4);
      expect(got.err.trim()).toBe(ref.err.trim());
      expect(got.out).not.toMatch(/passed|\.\s+\[/);
    },
  );

  it('discover lists it as one the run decides; --collect-only -q answers as pytest; after a run discover lists pytest ids', () => {
    const dir = project();
    const arg = `${MADE}::test_gen_1`;
    const listed = fastest(['discover', arg], dir);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^tests\/test_made\.py::test_gen_1 {2}\(dynamic: not found in the source, a run decides whether the module makes it\)$/m);
    const ref = pytest(['-p', 'no:cacheprovider', '--collect-only', '-q', arg], dir);
    const got = fastest(['-p', 'no:cacheprovider', '--collect-only', '-q', arg], dir);
    expect(got.code).toBe(ref.code);
    expect(normal(got.out)).toBe(normal(ref.out));
    // a run teaches the module's ids: discover then lists exactly pytest's, before any other run
    expect(fastest(['-p', 'no:cacheprovider', arg], dir).code).toBe(0);
    const learned = fastest(['discover', arg], dir);
    expect(normal(learned.out).replace(/ in T/, '')).toBe(normal(ref.out).replace(/ in T/, ''));
    // in pytest's order: ids learned in a class discovery lists go where the run collected them
    const whole = (out: string) => out.split('\n').filter((l) => l.includes('::'));
    expect(whole(fastest(['discover'], dir).out)).toEqual(whole(pytest(['-p', 'no:cacheprovider', '--collect-only', '-q'], dir).out));
  });

  it('--shard K/N and plan -> shards -> merge run it and exit as pytest', () => {
    const args = [`${MADE}::test_gen_1`, `${MADE}::TestMade::test_member_0`, `${MADE}::test_gen_2`, 'tests/test_other.py::test_two'];
    const dir = project();
    const ref = pytest(['-p', 'no:cacheprovider', ...args], dir);
    expect(ref.code).toBe(1);
    const plan = join(dir, 'plan.json');
    expect(fastest(['plan', '--shards', '2', '--out', plan, ...args], dir).code).toBe(0);
    const planned = readFileSync(plan, 'utf8');
    for (const id of args) expect(planned).toContain(JSON.stringify(id));
    const xmls: string[] = [];
    const ran: string[] = [];
    for (const shard of [1, 2]) {
      const xml = join(dir, `s${shard}.xml`);
      const r = fastest(['-p', 'no:cacheprovider', '--plan', plan, '--shard', String(shard), '--junitxml', xml], project());
      expect([0, 1]).toContain(r.code);
      ran.push(...[...readFileSync(xml, 'utf8').matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => `${m[1]}.${m[2]}`));
      xmls.push(xml);
    }
    expect(ran.sort()).toEqual([
      'tests.test_made.TestMade.test_member_0',
      'tests.test_made.test_gen_1',
      'tests.test_made.test_gen_2',
      'tests.test_other.test_two',
    ]);
    const merged = fastest(['merge', ...xmls, '--plan', plan], dir);
    expect(merged.code).toBe(ref.code);
    expect(merged.out).toMatch(/1 failed, 3 passed/);
    // --shard K/N without a plan: the two shards together run what pytest runs
    const split = [1, 2].map((k) => fastest(['-p', 'no:cacheprovider', '--shard', `${k}/2`, ...args], project()));
    const count = (pattern: RegExp) => split.reduce((n, r) => n + Number(pattern.exec(r.out)?.[1] ?? 0), 0);
    expect(count(/(\d+) passed/)).toBe(3);
    expect(count(/(\d+) failed/)).toBe(1);
  });
});

describe('plan checks a node id discovery does not list, as a run does', () => {
  it.each([[`${MADE}::test_gen_9`], [`${MADE}::TestMade::test_zz`], [`${MADE}::test_computed[5]`]])(
    '%s, which the module does not make: exit 4 with pytest message, no plan',
    (arg) => {
      const dir = project();
      const args = [arg, `${MADE}::test_static`, 'tests/test_other.py::test_two'];
      const ref = pytest(['-p', 'no:cacheprovider', ...args], dir);
      const plan = join(dir, 'plan.json');
      const got = fastest(['plan', '--shards', '2', '--out', plan, ...args], dir);
      expect(ref.code).toBe(4);
      expect(got.code).toBe(4);
      expect(got.err).toBe(ref.err);
      expect(existsSync(plan)).toBe(false);
    },
  );

  it('ids the modules make are planned (each module collected once, by one worker)', () => {
    const dir = project();
    const args = [`${MADE}::test_gen_1`, `${MADE}::test_computed[4]`, `${MADE}::TestMade::test_member_1`, 'tests/test_other.py::test_one'];
    // (a param of a dynamic item is planned as that item, narrowed to the id: its own id in the plan)
    const planIds = args.map((id) => id.replace('test_computed[4]', 'test_computed'));
    expect(pytest(['-p', 'no:cacheprovider', ...args], dir).code).toBe(0);
    const plan = join(dir, 'plan.json');
    const got = fastest(['plan', '--shards', '2', '--out', plan, ...args], dir);
    expect(got.code, got.err).toBe(0);
    const planned = readFileSync(plan, 'utf8');
    for (const id of planIds) expect(planned).toContain(JSON.stringify(id));
  });

  it('the Action plan role: exit 4 with pytest message for one the module does not make; plans one it makes', async () => {
    const job = async (args: string) => {
      const workspace = join(mkdtempSync(join(work, 'action-')), 'ws');
      cpSync(FIXTURE, join(workspace, 'proj'), { recursive: true, filter: (src) => !src.includes('.fastest') && !src.includes('.pytest_cache') });
      return (await runAction({ action, workspace, inputs: { 'working-directory': 'proj', command: 'plan', shards: '2', args } })).main;
    };
    const refused = await job(`${MADE}::test_gen_9 ${MADE}::test_static`);
    const ref = pytest(['-p', 'no:cacheprovider', `${MADE}::test_gen_9`, `${MADE}::test_static`], project());
    // (the step fails as every failed step does, exit 1, naming the command's exit code)
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('fastest plan failed (exit code 4)');
    // (the project's absolute path differs: the Action's checkout is another directory)
    const relative = (text: string) => text.replace(/\S*\/(tests\/test_made\.py)/g, '$1');
    expect(relative(refused.stdout)).toContain(relative(ref.err).trim());
    const planned = await job(`${MADE}::test_gen_1 ${MADE}::test_static`);
    expect(planned.code, planned.stdout + planned.stderr).toBe(0);
    expect(planned.stdout).toContain('fastest plan: 2 tests');
  });
});

describe('--lf with recorded failures discovery does not list', () => {
  /** A project whose pytest cache records `failures` (pytest's own full run writes the rest of the cache). */
  function recorded(failures: string[] | null): string {
    const dir = project();
    pytest(['-q'], dir);
    if (failures !== null) {
      mkdirSync(join(dir, '.pytest_cache', 'v', 'cache'), { recursive: true });
      writeFileSync(join(dir, '.pytest_cache', 'v', 'cache', 'lastfailed'), JSON.stringify(Object.fromEntries(failures.map((id) => [id, true]))));
    }
    return dir;
  }

  it.each([
    ['as pytest recorded them (a generated test, a computed param, a plain test)', null, ['--lf']],
    ['a generated one, a renamed one and one of a deleted file', [`${MADE}::test_gen_2`, `${MADE}::test_renamed`, 'tests/test_gone.py::test_x'], ['--lf']],
    ['only renamed ones: run all, as pytest', [`${MADE}::test_renamed`, `${MADE}::TestMade::test_gone`], ['--lf']],
    ['a class member and a test of another module', [`${MADE}::TestMade::test_member_1`, 'tests/test_other.py::test_two'], ['--lf']],
    ['--ff', null, ['--ff']],
    ['--lf -k', null, ['--lf', '-k', 'gen or static']],
  ])('%s: whole output as pytest, and the record after it', (_name, failures, args) => {
    const outputs = (['pytest', 'fastest'] as const).map((who) => {
      const dir = recorded(failures);
      const r = who === 'pytest' ? pytest(args, dir) : fastest(args, dir);
      return {
        code: r.code,
        out: normal(r.out),
        record: Object.keys(JSON.parse(readFileSync(join(dir, '.pytest_cache', 'v', 'cache', 'lastfailed'), 'utf8')) as object).sort(),
      };
    });
    expect(outputs[0]!.out).toMatch(/run-last-failure: /);
    expect(outputs[1]).toEqual(outputs[0]);
  });
});
