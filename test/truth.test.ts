// "The run is the truth": ids discovery lists that pytest's import never defines (phantoms) are
// not collected — no result, not counted, not in JUnit, not missing in a merge — and the next
// discovery knows. Every count and exit code here is compared with real pytest's.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCollected } from '../src/discovery/cache.js';
import { ConsoleReporter } from '../src/report/console.js';
import { CollectionTruth } from '../src/runner/truth.js';
import type { TestItem } from '../src/types.js';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const FIXTURE = join(__dirname, 'fixtures', 'truth-phantoms');
/** Phantoms no static reading can rule out (an environment variable; a module-level `del` loop). */
const UNDECIDABLE = ['tests/test_phantoms.py::test_env_only', 'tests/test_phantoms.py::test_deleted'];
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-truth-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

let copies = 0;
/** A fresh copy of the fixture (its own discovery cache). */
function project(): string {
  const dir = join(work, `p${copies++}`);
  cpSync(FIXTURE, dir, { recursive: true, filter: (src) => !src.includes('.fastest') });
  return dir;
}

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', FASTEST_FIXTURE_NEVER_SET: '', PYTHONDONTWRITEBYTECODE: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const fastest = (args: string[], cwd: string) => run(process.execPath, [cli, ...args], cwd);
const pytest = (args: string[], cwd: string) => run('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], cwd);

/** The lines whose counts must be pytest's: `collected ...` and the closing line without its time. */
function counts(out: string): { header: string | undefined; closing: string | undefined } {
  const lines = out.split('\n');
  const header = lines.find((l) => /^(collecting \.\.\. )?collected /.test(l));
  const closing = lines.reverse().find((l) => / in \d+\.\d\ds/.test(l));
  return { header, closing: closing?.replace(/ in \d+\.\d\ds.*/, '').replace(/^=+ /, '') };
}

/** pytest -v's progress column, in order. */
function progress(out: string): string[] {
  return out.split('\n').flatMap((l) => /(PASSED|FAILED|ERROR|SKIPPED)\s+(\[\s*\d+%\])$/.exec(l)?.[2] ?? []);
}

function collectOnlyIds(out: string): string[] {
  return out.split('\n').filter((l) => l.includes('::'));
}

describe('not-collected ids (phantoms) against real pytest', () => {
  it('discovery lists phantoms on a cold cache (the fixture is meaningful)', () => {
    const dir = project();
    const ids = collectOnlyIds(fastest(['discover'], dir).out).map((l) => l.split('  ')[0]);
    for (const phantom of UNDECIDABLE) expect(ids).toContain(phantom);
  });

  it('a full run prints pytest header, progress and closing line, exit 0; a second discover lists pytest ids', () => {
    const dir = project();
    const ref = pytest(['-v'], dir);
    const got = fastest(['-v'], dir);
    expect(got.code).toBe(ref.code);
    expect(counts(got.out)).toEqual(counts(ref.out));
    expect(progress(got.out)).toEqual(progress(ref.out));
    expect(got.out).not.toMatch(/ERROR|no result/);
    // Discovery learned what the run collected: exactly pytest's ids, cheaply (no re-parse).
    const again = fastest(['discover'], dir);
    expect(collectOnlyIds(again.out)).toEqual(collectOnlyIds(pytest(['--collect-only', '-q'], dir).out));
    // And the next run's header is right from discovery alone.
    expect(counts(fastest([], dir).out)).toEqual(counts(pytest([], dir).out));
  });

  it('-k matching only a phantom exits 5 with pytest header and closing line', () => {
    const dir = project();
    const ref = pytest(['-k', 'env_only'], dir);
    const got = fastest(['-k', 'env_only'], dir);
    expect(ref.code).toBe(5);
    expect(got.code).toBe(5);
    expect(counts(got.out)).toEqual(counts(ref.out));
  });

  it('-k over a dynamic item and a phantom matches pytest', () => {
    const dir = project();
    const ref = pytest(['-k', 'loaded or windows'], dir);
    const got = fastest(['-k', 'loaded or windows'], dir);
    expect(got.code).toBe(ref.code);
    expect(counts(got.out)).toEqual(counts(ref.out));
  });

  it('a phantom node id exits 4 with pytest message', () => {
    const dir = project();
    const arg = 'tests/test_phantoms.py::test_env_only';
    const ref = pytest([arg], dir);
    const got = fastest([arg], dir);
    expect(ref.code).toBe(4);
    expect(got.code).toBe(4);
    expect(got.err.trim()).toBe(ref.err.trim());
    expect(counts(got.out).header).toBe(counts(ref.out).header);
    // Once learned, still refused with pytest's message (the module's collection decides again:
    // what a module makes at import may depend on the environment).
    const again = fastest([arg], dir);
    expect(again.code).toBe(4);
    expect(again.err.trim()).toBe(ref.err.trim());
  });

  it('writes JUnit without phantoms, naming them in a suite property', () => {
    const dir = project();
    const ref = pytest(['--junitxml=ref.xml'], dir);
    const got = fastest(['--junitxml=got.xml'], dir);
    const names = (xml: string) => [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => `${m[1]}.${m[2]}`).sort();
    const gotXml = readFileSync(join(dir, 'got.xml'), 'utf8');
    expect(names(gotXml)).toEqual(names(readFileSync(join(dir, 'ref.xml'), 'utf8')));
    for (const id of UNDECIDABLE) expect(gotXml).toContain(`<property name="fastest_not_collected" value="${id}" />`);
    expect(got.code).toBe(ref.code);
  });

  it('a phantom node id beside real ones: pytest refuses the run before any test (exit 4), so does fastest', () => {
    const dir = project();
    const args = [...UNDECIDABLE, 'tests/test_phantoms.py::test_plain', 'tests/test_static.py'];
    const ref = pytest(args, dir);
    const got = fastest(args, dir);
    expect(ref.code).toBe(4);
    expect(got.code).toBe(4);
    expect(got.err.trim()).toBe(ref.err.trim());
    // (pytest's header counts what it collected before the refusal, "collected 1 item" here; fastest says 0)
    expect(counts(ref.out).closing).toBe('no tests ran');
    expect(counts(got.out).closing).toBe('no tests ran');
    expect(got.out).not.toMatch(/PASSED|passed|\.\s+\[/);
    // learned from the pass: discovery refuses it the next time, still before any test
    const again = fastest(args, dir);
    expect(again.code).toBe(4);
    expect(again.err.trim()).toBe(ref.err.trim());
    expect(again.out).not.toMatch(/PASSED|passed|\.\s+\[/);
  });

  it.each([
    ['each shard in its own checkout', true],
    ['shards sharing one checkout (the cache learns between them)', false],
  ])('plan -> shards -> merge exits 0 as pytest does: %s', (_name, separate) => {
    const planDir = project();
    const plan = join(work, `plan-${copies}.json`);
    const summary = join(work, `summary-${copies}.md`);
    expect(fastest(['plan', '--shards', '2', '--out', plan], planDir).code).toBe(0);
    const planned = readFileSync(plan, 'utf8');
    for (const id of UNDECIDABLE) expect(planned).toContain(id);
    const xmls: string[] = [];
    for (const shard of [1, 2]) {
      const dir = separate ? project() : planDir;
      const xml = join(work, `s${copies}-${shard}.xml`);
      const r = fastest(['--plan', plan, '--shard', String(shard), '--junitxml', xml], dir);
      expect([0, 5]).toContain(r.code);
      expect(r.out).not.toMatch(/no result|ERROR/);
      xmls.push(xml);
    }
    const merged = fastest(['merge', '--plan', plan, '--summary', summary, ...xmls], planDir);
    expect(merged.code).toBe(pytest([], planDir).code);
    expect(merged.out).toMatch(/8 passed\n$/);
    expect(merged.err).not.toMatch(/have no result/);
    expect(merged.err).toMatch(/planned test\(s\) not collected/);
    expect(readFileSync(summary, 'utf8')).toMatch(/planned test\(s\) not collected/);
  });
});

/** Rewrites one entry of the discovery cache in place (its line), keeping its stored digest. */
function editCacheEntry(dir: string, rel: string, edit: (entry: Record<string, unknown>) => unknown): void {
  const path = join(dir, '.fastest', 'discovery.json');
  const lines = readFileSync(path, 'utf8').split('\n');
  const index = lines.findIndex((l) => l.startsWith(JSON.stringify(rel) + ':'));
  expect(index).toBeGreaterThan(0);
  const comma = lines[index].endsWith(',') ? ',' : '';
  const entry = (JSON.parse(`{${lines[index].slice(0, lines[index].length - comma.length)}}`) as Record<string, Record<string, unknown>>)[rel];
  lines[index] = `${JSON.stringify(rel)}:${JSON.stringify(edit(entry) ?? entry)}${comma}`;
  writeFileSync(path, lines.join('\n'));
  rmSync(join(dir, '.fastest', 'memo'), { recursive: true, force: true }); // a replay would not read the cache
}

describe('discovery cache integrity', () => {
  it('drops an entry whose members were edited under the right content hash, with one warning', () => {
    const dir = project();
    const first = fastest(['discover'], dir);
    editCacheEntry(dir, 'tests/test_static.py', (entry) => {
      (entry.parsed as { members: unknown[] }).members = [];
    });
    const after = fastest(['discover'], dir);
    expect(after.code).toBe(0);
    expect(collectOnlyIds(after.out)).toEqual(collectOnlyIds(first.out));
    expect(after.err.trim().split('\n')).toHaveLength(1);
    expect(after.err).toMatch(/^fastest: warning: ignoring 1 discovery cache entry that does not match its digest in .*discovery\.json; re-parsing$/m);
    // Re-parsed and stored again: the next discovery is quiet.
    rmSync(join(dir, '.fastest', 'memo'), { recursive: true, force: true });
    expect(fastest(['discover'], dir).err).toBe('');
  });

  it.each([
    ['a forged learned record', (e: Record<string, unknown>) => void (e.collected = { 'tests/test_static.py::test_one': [] })],
    ['a member of the wrong type', (e: Record<string, unknown>) => void ((e.parsed as { members: unknown }).members = 'x')],
    ['a non-object entry', () => 7],
  ])('never trusts or crashes on %s', (_name, edit) => {
    const dir = project();
    const first = fastest(['discover'], dir);
    editCacheEntry(dir, 'tests/test_static.py', edit);
    const after = fastest(['discover'], dir);
    expect(after.code).toBe(0);
    expect(collectOnlyIds(after.out)).toEqual(collectOnlyIds(first.out));
    expect(after.err.trim().split('\n').length).toBeLessThanOrEqual(1);
  });
});

function item(id: string, dynamic = false): TestItem {
  const [file, ...names] = id.split('::');
  const last = names.pop() ?? '';
  const bracket = last.indexOf('[');
  return {
    id,
    file,
    line: 1,
    classes: names,
    function: bracket < 0 ? last : last.slice(0, bracket),
    ...(bracket < 0 ? {} : { param: last.slice(bracket + 1, -1) }),
    marks: [],
    dynamic,
  };
}

describe('CollectionTruth', () => {
  const f = 't/test_a.py';
  // A dynamic class as discovery lists it: its name among the classes, no function.
  const dynamicClass: TestItem = { ...item(`${f}::TestC`, true), classes: ['TestC'], function: '' };
  const listed = [item(`${f}::test_ok`), item(`${f}::test_phantom`), item(`${f}::test_dyn`, true), dynamicClass, item(`${f}::test_off`)];

  it('corrects counts from a whole-file unit and learns every listed item that differs', () => {
    const selected = listed.slice(0, 4);
    const truth = new CollectionTruth({
      selected,
      deselected: [],
      all: listed,
      units: [{ file: f, ids: null, expected: 1 }],
      narrowOwner: new Map(),
      keeps: () => true,
    });
    expect([...truth.waitFor]).toEqual([f]);
    const ids = [`${f}::test_ok`, `${f}::test_dyn[1]`, `${f}::test_dyn[2]`, `${f}::TestC::test_m`, `${f}::test_extra`];
    expect(truth.unitCollected({ file: f, unitIds: null, ids, missing: [], retry: false })).toBe(true);
    expect(truth.selected).toBe(5);
    expect(truth.notCollected).toEqual([`${f}::test_phantom`]);
    expect(truth.waitFor.size).toBe(0);
    expect(truth.lessons(listed)).toEqual(
      new Map([
        [
          f,
          {
            [`${f}::test_phantom`]: [],
            [`${f}::test_dyn`]: [`${f}::test_dyn[1]`, `${f}::test_dyn[2]`],
            [`${f}::TestC`]: [`${f}::TestC::test_m`],
            [`${f}::test_off`]: [],
            // an id no listed item stands for (another collector's, or one discovery missed): kept apart
            '': [`${f}::test_extra`],
          },
        ],
      ]),
    );
  });

  it('corrects selected and deselected counts from a unit that names ids, once per unit', () => {
    const selected = [listed[1], listed[2]];
    const deselected = [listed[0], listed[4]];
    const keeps = (id: string) => !id.endsWith('[2]');
    const unit = { file: f, ids: selected.map((i) => i.id), expected: 1 };
    const truth = new CollectionTruth({ selected, deselected, all: listed, units: [unit], narrowOwner: new Map(), keeps });
    const module = [`${f}::test_ok`, `${f}::test_dyn[1]`, `${f}::test_dyn[2]`];
    truth.unitCollected({ file: f, unitIds: unit.ids, ids: [`${f}::test_dyn[1]`, `${f}::test_dyn[2]`], missing: [`${f}::test_phantom`], module, retry: false });
    // test_dyn[1] is selected; test_dyn[2] is deselected by -k; test_off does not exist.
    expect([truth.selected, truth.deselected]).toEqual([1, 2]);
    expect(truth.notCollected).toEqual([`${f}::test_phantom`]);
    // What a dead worker left is not counted again.
    expect(truth.unitCollected({ file: f, unitIds: [`${f}::test_dyn`], ids: [`${f}::test_dyn[2]`], missing: [], retry: true })).toBe(false);
  });

  it('turns learned records into items: expansions, contents, and phantoms dropped', () => {
    const items = applyCollected(listed, {
      [`${f}::test_phantom`]: [],
      [`${f}::test_dyn`]: [`${f}::test_dyn[x-1]`],
      [`${f}::TestC`]: [`${f}::TestC::test_m[a]`],
    });
    expect(items.map((i) => [i.id, i.classes, i.function, i.param, i.dynamic])).toEqual([
      [`${f}::test_ok`, [], 'test_ok', undefined, false],
      [`${f}::test_dyn[x-1]`, [], 'test_dyn', 'x-1', false],
      [`${f}::TestC::test_m[a]`, ['TestC'], 'test_m', 'a', false],
      [`${f}::test_off`, [], 'test_off', undefined, false],
    ]);
  });
});

describe('the console header', () => {
  it('is held until the counts are known, then printed with what waited behind it', () => {
    let out = '';
    const reporter = new ConsoleReporter({ write: (s) => (out += s), verbosity: 0, color: false, tty: false, githubActions: false });
    reporter.sessionStart({
      rootdir: '/r',
      inifile: null,
      python: '3.11',
      platform: 'linux',
      workers: 1,
      collected: 2,
      deselected: 3,
      deferHeader: true,
      engine: 'auto',
    });
    reporter.testResult({ id: 't.py::a[1]', outcome: 'passed', when: 'call', duration: 0 });
    expect(out).toBe('');
    reporter.correctCounts(1, 4);
    reporter.countsKnown();
    reporter.unitDone('t.py');
    reporter.finish({ seconds: 0, deselected: 4 });
    expect(out).toContain('collected 5 items / 4 deselected / 1 selected\n');
    expect(out).toMatch(/t\.py \.\s+\[100%\]/);
    expect(out).toMatch(/1 passed, 4 deselected in 0\.00s/);
  });
});
