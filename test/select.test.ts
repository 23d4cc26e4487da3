// The select stage against real pytest: every case below runs through pytest 9 (in one Python
// process, test/fixtures/select-tools/oracle.py) and through selectItems, and the selected ids,
// their order and the error messages must be identical. pytest's answers are recorded in
// test/fixtures/select-tools/recorded-*.json (pytest costs seconds per case on a loaded machine);
// they are re-recorded when the case list changes, or always with SELECT_ORACLE=1.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestItem } from '../src/types.js';
import { evaluate, expansionSelected, parseExpression, SelectionError, selectItems, type SelectOptions } from '../src/select/index.js';
import { applyLastFailed, lastFailedPath, nextLastFailed, planLastFailed, readLastFailed, updateLastFailed } from '../src/select/lastfailed.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures');
const ORACLE = path.join(fixtures, 'select-tools', 'oracle.py');

interface OracleCase {
  ids: string[];
  exit: number;
  errors: string[];
  status: string[];
}
interface OracleOutput {
  items?: TestItem[];
  cases: OracleCase[];
}

function runOracle(rootdir: string, cases: string[][], dump: boolean, env: Record<string, string> = {}): OracleOutput {
  const proc = spawnSync('python3', [ORACLE], {
    input: JSON.stringify({ rootdir, dump, cases }),
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env },
  });
  if (proc.status !== 0) throw new Error(`oracle failed: ${proc.stderr}`);
  return JSON.parse(proc.stdout) as OracleOutput;
}

const LIVE = process.env.SELECT_ORACLE === '1';

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** pytest's answers for `key` (the case list): from the recording, or live when it is stale. */
function recorded<T>(name: string, key: unknown, run: () => T): T {
  const file = path.join(fixtures, 'select-tools', `recorded-${name}.json`);
  if (!LIVE && fs.existsSync(file)) {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { key: unknown; value: T };
    if (JSON.stringify(saved.key) === JSON.stringify(key)) return saved.value;
  }
  const value = run();
  fs.writeFileSync(file, JSON.stringify({ key, value }, null, 1) + '\n');
  return value;
}

function pytestArgs(opts: SelectOptions): string[] {
  const args: string[] = [];
  if (opts.keyword !== undefined) args.push('-k', opts.keyword);
  if (opts.markexpr !== undefined) args.push('-m', opts.markexpr);
  for (const d of opts.deselect ?? []) args.push('--deselect', d);
  args.push(...(opts.nodeIds ?? []));
  return args;
}

/** What selectItems gives in the oracle's terms: ids, or the error messages and exit code 4. */
function ours(items: TestItem[], opts: SelectOptions): { ids: string[]; errors: string[] } {
  try {
    return { ids: selectItems(items, opts).selected.map((item) => item.id), errors: [] };
  } catch (err) {
    if (err instanceof SelectionError) {
      expect(err.exitCode).toBe(4);
      return { ids: [], errors: err.messages };
    }
    throw err;
  }
}

const BASIC = path.join(fixtures, 'select-basic');

const keywordCases = [
  'test_param',
  'TestGroup',
  'not TestGroup',
  'tests and not alpha',
  'PARAM and not 2',
  '1-2',
  'x-y',
  'slow',
  'db',
  'net',
  'alpha.py',
  'unit',
  'test_root.py',
  'root',
  'test_vals and True',
  'None',
  'inner',
  'mark',
  'test_beta_and',
  'or_not',
  '(slow or fast) and not group',
  '  test_plain',
  'other/test_gamma.py',
  'alpha.py::test_plain',
  'TEST_ROOT_ONE',
  'parametrize',
  'a b]',
  'other',
  'select',
  'select-basic',
  'tests/unit',
  '',
];
const markCases = [
  'slow',
  'not slow',
  'fast and db',
  'net(kind="http")',
  "net(kind='ftp', secure=False)",
  'net(port=80)',
  'net(secure=1)',
  'net(secure=True)',
  'net(port=None)',
  'net(port=21, kind="http")',
  'net(port=0)',
  'parametrize',
  'db or slow',
  ' ',
  'xyz',
  'Slow',
  'net(kind="none")',
  'net(port=-80)',
];
const errorCases: SelectOptions[] = [
  { keyword: 'a and' },
  { keyword: 'a $' },
  { keyword: '(a' },
  { keyword: 'a)' },
  { keyword: 'not' },
  { keyword: 'a b' },
  { keyword: 'tést and' },
  { keyword: 'foo(a=1)' },
  { keyword: 'test_plain or foo(a=1)' },
  { keyword: '"a"' },
  { keyword: 'and' },
  { keyword: 'a or or b' },
  { markexpr: "a(b='x" },
  { markexpr: 'a(b="x\\y")' },
  { markexpr: 'a(1=2)' },
  { markexpr: 'a(if=2)' },
  { markexpr: 'a(True=2)' },
  { markexpr: 'net(kind=1, kind=2)' },
  { markexpr: 'a(b=)' },
  { markexpr: 'a(b=1.5)' },
  { markexpr: 'a()' },
  { markexpr: 'a(b=1 c=2)' },
  { markexpr: 'a(b=-)' },
  { markexpr: 'a(b.c=1)' },
  { markexpr: 'a(and=1)' },
  { markexpr: 'x\\y(b="1")' },
];
const nodeIdCases: SelectOptions[] = [
  { nodeIds: ['tests'] },
  { nodeIds: ['tests/test_alpha.py::TestGroup'] },
  { nodeIds: ['tests/test_alpha.py::test_param[a b]'] },
  { nodeIds: ['tests/unit/test_beta.py', 'test_root.py'] },
  { nodeIds: ['tests/test_alpha.py::TestGroup::TestInner', 'tests/test_alpha.py::test_ids'] },
  { nodeIds: ['tests/test_alpha.py::test_param[2]', 'tests/test_alpha.py::test_param', 'tests/test_alpha.py::test_param[1]'] },
  { nodeIds: ['tests/test_alpha.py::TestGroup::test_vals[None]', 'other'] },
  { nodeIds: ['tests/', 'tests/unit', 'test_root.py', 'test_root.py'] },
  { nodeIds: ['./other/test_gamma.py', '.'] },
  { nodeIds: ['tests/test_alpha.py::test_zz'] },
  { nodeIds: ['tests/test_alpha.py::test_param[9]'] },
  { nodeIds: ['tests/test_alpha.py::test_zz', 'tests/test_alpha.py::TestGroup::nope'] },
  { nodeIds: ['tests[1]'] },
  { nodeIds: ['tests::x'] },
  { nodeIds: ['tests/test_alpha.py::test_plain::x'] },
  { nodeIds: ['tests/test_alpha.py::TestGroup[x]'] },
  { nodeIds: ['tests/test_alpha.py::TestGroup::TestInner::test_deep', 'tests/test_alpha.py::TestGroup::TestInner::nope'] },
];
const deselectCases: SelectOptions[] = [
  { deselect: ['tests/test_alpha.py::test_param'] },
  { deselect: ['tests/unit'] },
  { deselect: ['tests/test_alpha.py::test_p'] },
  { deselect: ['test_root.py::test_root_one'], keyword: 'root' },
  { deselect: ['tests/test_alpha.py::TestGroup::test_vals[True]', 'other/'] },
  { nodeIds: ['tests'], keyword: 'group', markexpr: 'not slow' },
  { nodeIds: ['tests/test_alpha.py::TestGroup', 'test_root.py'], markexpr: 'slow or fast', deselect: ['test_root.py::test_Root_Two'] },
];
const allCases: SelectOptions[] = [
  ...keywordCases.map((keyword) => ({ keyword })),
  ...markCases.map((markexpr) => ({ markexpr })),
  ...errorCases,
  ...nodeIdCases,
  ...deselectCases,
];

describe('selection against pytest on test/fixtures/select-basic', () => {
  let items: TestItem[];
  let expected: OracleCase[];
  beforeAll(() => {
    const args = allCases.map(pytestArgs);
    // Recorded messages name the rootdir as <ROOT>, so the recording holds wherever the repo is.
    const out = recorded(
      'basic',
      args,
      () =>
        JSON.parse(
          JSON.stringify(runOracle(BASIC, args, true))
            .split(fs.realpathSync(BASIC))
            .join('<ROOT>'),
        ) as OracleOutput,
    );
    items = out.items!;
    expected = out.cases;
  }, 60_000);

  it('the fixture is what the cases expect', () => {
    expect(items).toHaveLength(24);
  });

  allCases.forEach((opts, i) => {
    it(`pytest ${JSON.stringify(pytestArgs(opts))}`, () => {
      const want = expected[i]!;
      const got = ours(items, { ...opts, rootdir: '<ROOT>' });
      expect(got.errors).toEqual(want.errors);
      if (want.exit === 4) expect(got.errors.length).toBeGreaterThan(0);
      else expect(got.ids).toEqual(want.ids);
    });
  });

  it('reports -k/-m/--deselect removals as deselected and node-id misses as not requested', () => {
    const result = selectItems(items, { nodeIds: ['tests/unit'], keyword: 'pair' });
    expect(result.selected.map((t) => t.id)).toEqual(['tests/unit/test_beta.py::test_pair[1-2]', 'tests/unit/test_beta.py::test_pair[3-4]']);
    expect(result.deselected).toHaveLength(3);
    expect(result.notRequested).toHaveLength(19);
    expect(result.narrowIds.size).toBe(0);
    expect(result.checkExpansions.size).toBe(0);
  });

  it('without functionAttrs, `pytestmark` is not a keyword (the one known gap)', () => {
    const bare = items.map(({ functionAttrs: _drop, ...rest }: TestItem & { functionAttrs?: string[] }) => rest);
    expect(selectItems(bare, { keyword: 'mark' }).selected).toHaveLength(0);
  });
});

describe('expression parser', () => {
  it('parses precedence: not > and > or, left to right', () => {
    expect(parseExpression('a or b and not c')).toEqual({
      kind: 'or',
      left: { kind: 'ident', name: 'a' },
      right: { kind: 'and', left: { kind: 'ident', name: 'b' }, right: { kind: 'not', operand: { kind: 'ident', name: 'c' } } },
    });
    expect(parseExpression('')).toEqual({ kind: 'empty' });
    expect(parseExpression('  \t ')).toEqual({ kind: 'empty' });
  });

  it("reads identifiers with pytest's characters and keyword values", () => {
    expect(parseExpression('tests/a.py::T[1-x]+y\\z')).toEqual({ kind: 'ident', name: 'tests/a.py::T[1-x]+y\\z' });
    expect(parseExpression('m(a=1, b="s p", c=\'q\', d=True, e=False, f=None, g=-12345678901234567890)', '-m')).toEqual({
      kind: 'call',
      name: 'm',
      kwargs: [
        ['a', 1n],
        ['b', 's p'],
        ['c', 'q'],
        ['d', true],
        ['e', false],
        ['f', null],
        ['g', -12345678901234567890n],
      ],
    });
    // `and`/`or`/`not` are words only when whole: these are identifiers.
    expect(parseExpression('android or notable or order')).toMatchObject({ kind: 'or' });
  });

  it('throws SelectionError with exit code 4 and the option name', () => {
    expect(() => parseExpression('a and', '-m')).toThrowError(
      "Wrong expression passed to '-m': a and: at column 6: expected not OR left parenthesis OR identifier; got end of input",
    );
    try {
      parseExpression('(');
    } catch (err) {
      expect(err).toBeInstanceOf(SelectionError);
      expect((err as SelectionError).exitCode).toBe(4);
    }
  });

  it('evaluates with Kleene logic for unknown answers', () => {
    const truth = { t: true, f: false, u: 'unknown' } as const;
    const m = (name: string) => truth[name as keyof typeof truth];
    const ev = (s: string) => evaluate(parseExpression(s), m);
    expect(ev('t and u')).toBe('unknown');
    expect(ev('f and u')).toBe(false);
    expect(ev('t or u')).toBe(true);
    expect(ev('f or u')).toBe('unknown');
    expect(ev('not u')).toBe('unknown');
    expect(ev('not (f or t)')).toBe(false);
  });
});

describe('dynamic items against pytest on test/fixtures/select-dynamic', () => {
  const root = path.join(fixtures, 'select-dynamic');
  // Discovery cannot read `cases()`: it gives one dynamic item by its base id.
  const dynamicItem: TestItem = {
    id: 'test_dyn.py::test_dyn',
    file: 'test_dyn.py',
    line: 8,
    classes: [],
    function: 'test_dyn',
    marks: [{ name: 'parametrize', args: ['x', { py: 'expr', source: 'cases()' }], kwargs: {} }],
    dynamic: true,
  };
  const cases: SelectOptions[] = [
    { keyword: 'slow' },
    { keyword: 'not slow' },
    { keyword: 'dyn and 2' },
    { keyword: 'static' },
    { keyword: 'not dyn' },
    { markexpr: 'slow' },
    { markexpr: 'not slow' },
    { markexpr: 'parametrize' },
    { nodeIds: ['test_dyn.py::test_dyn[2]'] },
    { nodeIds: ['test_dyn.py::test_dyn[2]', 'test_dyn.py::test_dyn[1]'] },
    { nodeIds: ['test_dyn.py::test_dyn'] },
    { nodeIds: ['test_dyn.py::test_dyn[2]'], keyword: 'not 2' },
    { deselect: ['test_dyn.py::test_dyn[slow'] },
    { deselect: ['test_dyn.py::test_dyn'] },
  ];
  let expanded: TestItem[];
  let expected: OracleCase[];
  beforeAll(() => {
    const args = cases.map(pytestArgs);
    const out = recorded('dynamic', args, () => runOracle(root, args, true));
    expanded = out.items!;
    expected = out.cases;
  }, 60_000);

  cases.forEach((opts, i) => {
    it(`pytest ${JSON.stringify(pytestArgs(opts))}`, () => {
      const staticItem = expanded.find((t) => t.id === 'test_dyn.py::test_static')!;
      const result = selectItems([dynamicItem, staticItem], opts);
      // What the runner does: run each kept dynamic item, then keep only the expansions that
      // `expansionSelected` accepts (for items in checkExpansions or narrowIds).
      const ids: string[] = [];
      for (const item of result.selected) {
        if (!item.dynamic) {
          ids.push(item.id);
          continue;
        }
        const narrowed = result.narrowIds.get(item.id);
        for (const exp of expanded.filter((t) => t.id.startsWith(item.id + '['))) {
          if (narrowed && !narrowed.includes(exp.id)) continue;
          const check = result.checkExpansions.has(item.id) || narrowed !== undefined;
          if (!check || expansionSelected(item, exp.id, exp.marks, opts)) ids.push(exp.id);
        }
      }
      expect(ids.sort()).toEqual([...expected[i]!.ids].sort());
    });
  });

  it('decides statically where the known names suffice', () => {
    expect(selectItems([dynamicItem], { keyword: 'test_dyn' }).checkExpansions.size).toBe(0);
    expect(selectItems([dynamicItem], { keyword: 'not test_dyn' }).selected).toHaveLength(0);
    expect(selectItems([dynamicItem], { markexpr: 'parametrize' }).checkExpansions.size).toBe(0);
    const narrowed = selectItems([dynamicItem], { nodeIds: ['test_dyn.py::test_dyn[a::b]', 'test_dyn.py::test_dyn[c]'] });
    expect(narrowed.narrowIds.get('test_dyn.py::test_dyn')).toEqual(['test_dyn.py::test_dyn[a::b]', 'test_dyn.py::test_dyn[c]']);
  });
});

describe('last failed against pytest on test/fixtures/select-lf', () => {
  const ORDER = [
    'pkg/test_two.py::test_a',
    'pkg/test_two.py::TestK::test_b',
    'test_one.py::test_pass',
    'test_one.py::test_fail',
    'test_one.py::test_param[1]',
    'test_one.py::test_param[2]',
    'test_one.py::test_param[3]',
    'test_one.py::test_skip',
    'test_one.py::test_xfail',
    'test_one.py::test_error',
    'test_zzz.py::test_last',
  ];
  const LF_CASES = [['--lf'], ['--ff'], ['--lf', '-k', 'param'], ['--ff', '-k', 'not fail']];
  const MODULE_RECORD = '{\n  "pkg/test_two.py": true,\n  "test_zzz.py::test_last": true\n}';
  const CORRUPT = '{"broken": tru';
  interface LfRecording {
    items: TestItem[];
    /** pytest's cache file after each of three runs. */
    files: string[];
    lfCases: OracleCase[];
    moduleCases: OracleCase[];
    corruptCases: OracleCase[];
  }
  let rec: LfRecording;
  let items: TestItem[];
  const readRaw = (dir: string) => fs.readFileSync(lastFailedPath(dir), 'utf8');

  function recordPytest(): LfRecording {
    const tmp = tempDir('select-lf-');
    fs.cpSync(path.join(fixtures, 'select-lf'), tmp, { recursive: true });
    const pytestRun = (args: string[], env: Record<string, string> = {}) =>
      spawnSync('python3', ['-m', 'pytest', '-q', ...args], {
        cwd: tmp,
        encoding: 'utf8',
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env },
      });
    const files: string[] = [];
    // Run 1: pkg/test_two.py fails to import. Run 2: everything collects, test_one.py has
    // failures and an error. Run 3: all fixed, but only `-k param` runs.
    pytestRun([], { SELECT_LF_BREAK: '1' });
    files.push(readRaw(tmp));
    pytestRun([]);
    files.push(readRaw(tmp));
    pytestRun(['-k', 'param'], { SELECT_LF_FIXED: '1' });
    files.push(readRaw(tmp));
    const oracle = (cases: string[][], lastfailed: string) => {
      const proc = spawnSync('python3', [ORACLE], {
        input: JSON.stringify({ rootdir: tmp, dump: false, cases, lastfailed }),
        encoding: 'utf8',
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      });
      return (JSON.parse(proc.stdout) as OracleOutput).cases;
    };
    return {
      items: runOracle(tmp, [], true).items!,
      files,
      lfCases: oracle(LF_CASES, files[2]!),
      moduleCases: oracle([['--lf'], ['--ff']], MODULE_RECORD),
      corruptCases: oracle([['--lf']], CORRUPT),
    };
  }

  beforeAll(() => {
    rec = recorded('lastfailed', { LF_CASES, MODULE_RECORD, CORRUPT }, recordPytest);
    items = rec.items;
    expect(items.map((t) => t.id)).toEqual(ORDER);
  }, 120_000);

  it('writes the same file as pytest after each run', () => {
    const dir = tempDir('select-lf-ours-');
    updateLastFailed(dir, [{ id: 'pkg/test_two.py', outcome: 'error' }]);
    expect(readRaw(dir)).toBe(rec.files[0]);
    expect(fs.readdirSync(path.join(dir, '.pytest_cache')).sort()).toEqual(['.gitignore', 'CACHEDIR.TAG', 'README.md', 'v']);
    const run2 = [
      { id: 'pkg/test_two.py::test_a', outcome: 'passed' },
      { id: 'pkg/test_two.py::TestK::test_b', outcome: 'passed' },
      { id: 'test_one.py::test_pass', outcome: 'passed' },
      { id: 'test_one.py::test_fail', outcome: 'failed' },
      { id: 'test_one.py::test_param[1]', outcome: 'passed' },
      { id: 'test_one.py::test_param[2]', outcome: 'failed' },
      { id: 'test_one.py::test_param[3]', outcome: 'passed' },
      { id: 'test_one.py::test_skip', outcome: 'skipped' },
      { id: 'test_one.py::test_xfail', outcome: 'xfailed' },
      { id: 'test_one.py::test_error', outcome: 'error' },
      { id: 'test_zzz.py::test_last', outcome: 'passed' },
    ];
    expect(updateLastFailed(dir, run2, ORDER).written).toBe(true);
    expect(readRaw(dir)).toBe(rec.files[1]);
    const run3 = ['1', '2', '3'].map((n) => ({ id: `test_one.py::test_param[${n}]`, outcome: 'passed' }));
    updateLastFailed(dir, run3, ORDER);
    expect(readRaw(dir)).toBe(rec.files[2]);
    // pytest's quirk, kept: the class of a module that failed to import stays recorded a run longer.
    expect([...readLastFailed(dir).ids]).toEqual(['test_one.py::test_fail', 'test_one.py::test_error', 'pkg/test_two.py::TestK::test_b']);
    expect(updateLastFailed(dir, run3, ORDER).written).toBe(false);
  });

  it('selects for --lf and --ff like pytest, status line included', () => {
    const dir = tempDir('select-lf-ours-');
    fs.mkdirSync(path.dirname(lastFailedPath(dir)), { recursive: true });
    fs.writeFileSync(lastFailedPath(dir), rec.files[2]!);
    const lastfailed = readLastFailed(dir);
    LF_CASES.forEach((args, i) => {
      const mode = args[0] === '--lf' ? 'lf' : 'ff';
      const selected = selectItems(items, { keyword: args[2] }).selected;
      const plan = planLastFailed(selected, lastfailed, mode, { collected: items });
      expect(
        plan.items.map((t) => t.id),
        args.join(' '),
      ).toEqual(rec.lfCases[i]!.ids);
      expect(`run-last-failure: ${plan.status}`).toBe(rec.lfCases[i]!.status[0]);
      if (!args[2]) expect(applyLastFailed(selected, lastfailed, mode)).toEqual(plan.items);
    });
  });

  it('handles a module that failed to collect, and a corrupt cache, like pytest', () => {
    const dir = tempDir('select-lf-mod-');
    fs.mkdirSync(path.dirname(lastFailedPath(dir)), { recursive: true });
    fs.writeFileSync(lastFailedPath(dir), MODULE_RECORD);
    const lastfailed = readLastFailed(dir);
    for (const [i, mode] of (['lf', 'ff'] as const).entries()) {
      const plan = planLastFailed(items, lastfailed, mode);
      expect(
        plan.items.map((t) => t.id),
        mode,
      ).toEqual(rec.moduleCases[i]!.ids);
      expect(`run-last-failure: ${plan.status}`).toBe(rec.moduleCases[i]!.status[0]);
    }
    // The module's record is replaced by its direct children (its class stays a record).
    expect([...nextLastFailed(lastfailed.ids, [], ORDER)]).toEqual(['test_zzz.py::test_last', 'pkg/test_two.py::test_a', 'pkg/test_two.py::TestK']);

    fs.writeFileSync(lastFailedPath(dir), CORRUPT);
    const corrupt = readLastFailed(dir);
    expect(corrupt.ids.size).toBe(0);
    expect(corrupt.warning).toMatch(/corrupt/);
    const plan = planLastFailed(items, corrupt, 'lf');
    expect(plan.items.map((t) => t.id)).toEqual(rec.corruptCases[0]!.ids);
    expect(`run-last-failure: ${plan.status}`).toBe(rec.corruptCases[0]!.status[0]);
    // A corrupt file is rewritten on the next update.
    expect(updateLastFailed(dir, [{ id: 'test_zzz.py::test_last', outcome: 'failed' }]).written).toBe(true);
    expect([...readLastFailed(dir).ids]).toEqual(['test_zzz.py::test_last']);
  });

  it('narrows a dynamic item to its recorded expansions', () => {
    const dyn: TestItem = { ...items[4]!, id: 'test_one.py::test_param', param: undefined, dynamic: true };
    const plan = planLastFailed([dyn, items[2]!], new Set(['test_one.py::test_param[2]']), 'lf');
    expect(plan.items).toEqual([dyn]);
    expect(plan.narrowIds.get(dyn.id)).toEqual(['test_one.py::test_param[2]']);
    expect(plan.status).toBe('rerun previous 1 failure');
  });

  it('has no record and runs everything when the file is missing', () => {
    const dir = tempDir('select-lf-none-');
    const none = readLastFailed(dir);
    expect(none).toEqual({ ids: new Set() });
    expect(planLastFailed(items, none, 'lf').status).toBe('no previously failed tests, not deselecting items.');
    expect(planLastFailed(items, none, 'lf', { lastFailedNoFailures: 'none' }).items).toEqual([]);
  });
});
