// `--shard K/N --collect-only` lists the shard's share, what `--shard K/N` runs, counted as the
// shard's run counts it (its header's `collected` line): `-q` ids and `N tests collected` as
// `pytest --collect-only -q` prints them for those tests, `-qq` pytest's count per file, and the
// collector tree (real pytest's) with `collected N items` (none for an empty shard, as its run).
// Also `--plan FILE --shard K`, and
// `--collect-only -qq` without a shard, compared with pytest.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, normalOutput, runIn } from './helpers/against-pytest.js';

let dir: string;
/** The runs' temporary roots, apart from the project (which pytest walks). */
let temps: string;

const FILES: Record<string, string> = {
  'pytest.ini': '[pytest]\n',
  'tests/test_a.py': 'def test_a1():\n    pass\n\ndef test_a2():\n    pass\n\ndef test_a3():\n    pass\n',
  'tests/test_b.py': 'import pytest\n\n@pytest.mark.parametrize("n", [1, 2, 3])\ndef test_b(n):\n    pass\n',
  'tests/sub/test_c.py': 'class TestC:\n    def test_c1(self):\n        pass\n\n    def test_c2(self):\n        pass\n',
  'tests/test_d.py': 'def test_d1():\n    pass\n\ndef test_d2():\n    pass\n',
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-shardco-'));
  temps = mkdtempSync(join(tmpdir(), 'fastest-shardco-temps-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(temps, { recursive: true, force: true });
});

const BASE = ['-p', 'no:cacheprovider'];

/** The ids a run executed, from its JUnit file (`classname` and `name` back to node ids). */
function junitIds(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map(([, classname, name]) => {
    const parts = classname!.split('.');
    // tests.sub.test_c.TestC -> tests/sub/test_c.py::TestC
    const moduleEnd = parts.findIndex((part) => part.startsWith('test_'));
    const file = `${parts.slice(0, moduleEnd + 1).join('/')}.py`;
    return [file, ...parts.slice(moduleEnd + 1), name!.replace(/&quot;/g, '"')].join('::');
  });
}

async function fastest(args: string[], temp: string) {
  return runIn(process.execPath, [cli, ...BASE, ...args], dir, '', temp);
}

async function pytest(args: string[], temp: string) {
  return runIn('python3', ['-m', 'pytest', ...BASE, ...args], dir, '', temp);
}

describe('--shard K/N --collect-only lists the shard', () => {
  it.concurrent.each([[[]], [['-k', 'not 2']]])('%j', async (selection: string[]) => {
    const temp = join(temps, `${selection.length}`);
    const idsOf = (out: string) => out.split('\n').filter((line) => line.includes('::'));
    // what -k leaves out of the whole suite: the shard's run counts it deselected, as pytest does
    const kept = new Set(idsOf((await pytest(['--co', '-q', ...selection], temp)).out));
    const deselected = idsOf((await pytest(['--co', '-q'], temp)).out).filter((id) => !kept.has(id));
    const listed: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const junit = join(dir, `run-${shard.replace('/', 'of')}-${selection.length}.xml`);
      const run = await fastest(['--shard', shard, ...selection, `--junitxml=${junit}`], temp);
      const ran = junitIds(junit);
      expect(ran.length).toBeGreaterThan(0);
      const q = await fastest(['--shard', shard, ...selection, '--co', '-q'], temp);
      const ids = idsOf(q.out);
      expect({ shard, ids: [...ids].sort() }).toEqual({ shard, ids: [...ran].sort() });
      listed.push(...ids);
      // pytest collecting the share (and what -k leaves out, which it deselects) says the same
      const p = await pytest(['--co', '-q', ...selection, ...ids, ...deselected], temp);
      expect({ shard, code: q.code, out: normalOutput(q.out) }).toEqual({ shard, code: p.code, out: normalOutput(p.out) });
      // -qq: the share's count per file
      const qq = await fastest(['--shard', shard, ...selection, '--co', '-qq'], temp);
      const pqq = await pytest(['--co', '-qq', ...selection, ...ids, ...deselected], temp);
      expect({ shard, code: qq.code, out: qq.out }).toEqual({ shard, code: pqq.code, out: pqq.out });
      // the tree (real pytest's): the `collected` line is the shard run's header line
      const tree = await fastest(['--shard', shard, ...selection, '--co'], temp);
      const collectedLine = (out: string) => out.split('\n').find((line) => line.startsWith('collected '));
      expect({ shard, line: collectedLine(tree.out) }).toEqual({ shard, line: collectedLine(run.out) });
      for (const id of ids) expect(tree.out).toContain(`<Function ${id.split('::').at(-1)}>`);
    }
    // the shards' shares are the selection, each test in one of them
    expect([...listed].sort()).toEqual([...kept].sort());
  });

  it('an empty shard: the tree collects nothing, as its run says ("collected 0 items"), and -q says it as pytest', async () => {
    const temp = join(temps, 'empty');
    const idsOf = (out: string) => out.split('\n').filter((line) => line.includes('::'));
    const collectedLine = (out: string) => out.split('\n').find((line) => line.startsWith('collected '));
    const all = idsOf((await pytest(['--co', '-q'], temp)).out);
    for (const selection of [[], ['-k', 'a1']]) {
      const q = await fastest(['--shard', '12/12', ...selection, '--co', '-q'], temp);
      expect({ selection, ids: idsOf(q.out) }).toEqual({ selection, ids: [] });
      const run = await fastest(['--shard', '12/12', ...selection], temp);
      const tree = await fastest(['--shard', '12/12', ...selection, '--co'], temp);
      expect({ selection, code: tree.code, line: collectedLine(tree.out) }).toEqual({ selection, code: 5, line: collectedLine(run.out) });
      // pytest collecting none of the suite's tests but what -k leaves out (which it deselects)
      const kept = new Set(idsOf((await pytest(['--co', '-q', ...selection], temp)).out));
      const deselected = all.filter((id) => !kept.has(id));
      const p = await pytest(['--co', '-q', ...selection, ...(deselected.length ? deselected : ['--ignore-glob=*'])], temp);
      expect({ selection, code: q.code, out: normalOutput(q.out) }).toEqual({ selection, code: p.code, out: normalOutput(p.out) });
    }
  });

  it('--plan FILE --shard K', async () => {
    const temp = join(temps, 'plan');
    const plan = join(dir, 'plan.json');
    const made = await runIn(process.execPath, [cli, 'plan', '--shards', '2', '--out', plan], dir, '', temp);
    expect(made.code).toBe(0);
    for (const shard of ['1', '2']) {
      const junit = join(dir, `plan-run-${shard}.xml`);
      await fastest(['--plan', plan, '--shard', shard, `--junitxml=${junit}`], temp);
      const q = await fastest(['--plan', plan, '--shard', shard, '--co', '-q'], temp);
      const ids = q.out.split('\n').filter((line) => line.includes('::'));
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.sort()).toEqual(junitIds(junit).sort());
      expect(q.out).toContain(`\n${ids.length} tests collected in `);
    }
  });

  it('--collect-only -qq without a shard, as pytest', async () => {
    const temp = join(temps, 'qq');
    for (const args of [
      ['--co', '-qq'],
      ['--co', '-qqq', '-k', 'c1 or b'],
      ['--co', '-qq', 'tests/sub'],
    ]) {
      const p = await pytest(args, temp);
      const f = await fastest(args, temp);
      expect({ args, code: f.code, out: f.out }).toEqual({ args, code: p.code, out: p.out });
    }
  });
});
