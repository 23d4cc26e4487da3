// "The run is the truth": ids discovery lists that pytest's import never defines (phantoms) are
// not collected — no result, not counted, not in JUnit, not missing in a merge — and the next
// discovery knows. Every count and exit code here is compared with real pytest's.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const FIXTURE = join(__dirname, 'fixtures', 'truth-phantoms');
const PHANTOMS = [
  'tests/test_phantoms.py::test_windows_only',
  'tests/test_phantoms.py::test_env_only',
  'tests/test_phantoms.py::Helper',
  'tests/test_phantoms.py::test_deleted',
];
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
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', FASTEST_FIXTURE_NEVER_SET: '', PYTHONDONTWRITEBYTECODE: '1' } });
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
    for (const phantom of ['tests/test_phantoms.py::test_env_only', 'tests/test_phantoms.py::test_deleted']) expect(ids).toContain(phantom);
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
    // Once learned, discovery itself refuses it, before any worker starts.
    const again = fastest([arg], dir);
    expect(again.code).toBe(4);
    expect(again.err.trim()).toBe(ref.err.trim());
  });

  it('writes JUnit without phantoms, naming them in a suite property', () => {
    const dir = project();
    pytest(['--junitxml=ref.xml'], dir);
    const got = fastest(['--junitxml=got.xml', ...PHANTOMS, 'tests/test_phantoms.py::test_plain', 'tests/test_static.py'], dir);
    const names = (xml: string) => [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => `${m[1]}.${m[2]}`).sort();
    const gotXml = readFileSync(join(dir, 'got.xml'), 'utf8');
    const refNames = names(readFileSync(join(dir, 'ref.xml'), 'utf8')).filter((n) => n.endsWith('test_plain') || n.includes('test_static'));
    expect(names(gotXml)).toEqual(refNames);
    for (const id of PHANTOMS) expect(gotXml).toContain(`<property name="fastest_not_collected" value="${id}" />`);
    // pytest refuses the phantom node ids (exit 4); fastest ran the rest, then says so.
    expect(got.code).toBe(4);
    expect(got.err).toContain('ERROR: not found:');
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
    for (const id of ['tests/test_phantoms.py::test_env_only', 'tests/test_phantoms.py::test_deleted']) expect(planned).toContain(id);
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

describe('discovery cache integrity', () => {
  it('drops an entry whose members were edited under the right content hash, with one warning', () => {
    const dir = project();
    const first = fastest(['discover'], dir);
    const cachePath = join(dir, '.fastest', 'discovery.json');
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { files: Record<string, { parsed: { members: unknown[] } }> };
    cache.files['tests/test_static.py'].parsed.members = [];
    writeFileSync(cachePath, JSON.stringify(cache));
    rmSync(join(dir, '.fastest', 'memo'), { recursive: true, force: true }); // replays would not read the cache
    const after = fastest(['discover'], dir);
    expect(after.code).toBe(0);
    expect(after.out).toBe(first.out.replace(/in \d+\.\d\ds/, after.out.match(/in \d+\.\d\ds/)![0]));
    expect(after.err.trim().split('\n')).toHaveLength(1);
    expect(after.err).toMatch(/warning: ignoring 1 discovery cache entry that do not match their digest/);
  });

  it.each([
    ['a forged learned record', (e: Record<string, unknown>) => (e.collected = { 'tests/test_static.py::test_one': [] })],
    ['a member of the wrong type', (e: Record<string, unknown>) => ((e.parsed as { members: unknown }).members = 'x')],
    ['a non-object entry', (_e: Record<string, unknown>, files: Record<string, unknown>) => (files['tests/test_static.py'] = 7)],
  ])('never trusts or crashes on %s', (_name, edit) => {
    const dir = project();
    const first = fastest(['discover'], dir);
    const cachePath = join(dir, '.fastest', 'discovery.json');
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { files: Record<string, Record<string, unknown>> };
    edit(cache.files['tests/test_static.py'], cache.files);
    writeFileSync(cachePath, JSON.stringify(cache));
    rmSync(join(dir, '.fastest', 'memo'), { recursive: true, force: true });
    const after = fastest(['discover'], dir);
    expect(after.code).toBe(0);
    expect(collectOnlyIds(after.out)).toEqual(collectOnlyIds(first.out));
    expect(after.err.trim().split('\n').length).toBeLessThanOrEqual(1);
  });
});
