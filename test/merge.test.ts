import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ATTRIBUTE_CAP,
  caseXml,
  ELEMENT_TEXT_CAP,
  elementXml,
  nodeIdFromJUnit,
  parseJUnit,
  readJUnitFile,
  type JUnitDocument,
} from '../src/merge/junit-read.js';
import { junitXml } from '../src/report/junit.js';
import { FAILURES_KEPT, LIST_KEPT, mergeJUnit } from '../src/merge/merge.js';
import { effectiveCommands } from './helpers/action-runner.js';
import { renderSummary } from '../src/merge/summary.js';
import { makePlan } from '../src/shard/plan.js';
import { emptyTimings } from '../src/shard/timings.js';
import type { TestItem } from '../src/types.js';

const project = join(__dirname, 'fixtures', 'junit-project');
/** Keep the fixture free of __pycache__. */
const pythonEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
let dir: string;
let xunit1: string;
let xunit2: string;
let collected: string[];

function runPytest(out: string, extra: string[]): void {
  spawnSync('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--continue-on-collection-errors', `--junitxml=${out}`, ...extra], {
    cwd: project,
    encoding: 'utf8',
    env: pythonEnv,
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-merge-'));
  xunit1 = join(dir, 'xunit1.xml');
  xunit2 = join(dir, 'xunit2.xml');
  runPytest(xunit1, ['-o', 'junit_family=xunit1']);
  runPytest(xunit2, []);
  const listing = spawnSync('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--collect-only', '--continue-on-collection-errors'], {
    cwd: project,
    encoding: 'utf8',
    env: pythonEnv,
  }).stdout;
  collected = listing.split('\n').filter((l) => l.includes('::'));
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading pytest JUnit', () => {
  it('reconstructs the node ids pytest collects, in both junit families', () => {
    expect(collected.length).toBe(15);
    for (const file of [xunit1, xunit2]) {
      const doc = readJUnitFile(file);
      const ids = [...new Set(doc.cases.filter((c) => !c.collection).map((c) => c.id))];
      expect(ids.sort()).toEqual([...collected].sort());
      expect(doc.cases.filter((c) => c.collection).map((c) => c.id)).toEqual(['tests/test_broken_import.py']);
    }
  });

  it('reads outcomes, 1-based lines, messages and the teardown double report', () => {
    const doc = readJUnitFile(xunit1);
    const byId = new Map(doc.cases.map((c) => [c.id, c]));
    const outcome = (id: string) => byId.get(`tests/test_outcomes.py::${id}`)?.outcome;
    expect(outcome('test_pass')).toBe('passed');
    expect(outcome('test_fail')).toBe('failed');
    expect(outcome('test_skip')).toBe('skipped');
    expect(outcome('test_xfail')).toBe('xfailed');
    expect(outcome('test_xpass_strict')).toBe('failed');
    expect(outcome('test_setup_error')).toBe('error');
    expect(outcome('TestGroup::test_param[a::b/c]')).toBe('passed');
    const fail = byId.get('tests/test_outcomes.py::test_fail');
    expect(fail?.line).toBe(8); // `def test_fail` is on line 8; pytest writes 7
    expect(fail?.message).toContain('arithmetic & <xml> "quotes"');
    expect(fail?.details).toContain('assert 1 + 1 == 3');
    const both = doc.cases.filter((c) => c.id === 'tests/test_outcomes.py::test_fail_and_teardown_error');
    expect(both).toHaveLength(1);
    expect(both[0]?.outcome).toBe('failed');
    expect(both[0]?.teardownError?.message).toContain('teardown exploded');
    const slow = doc.cases.filter((c) => c.file === 'tests/sub/test_slow_setup.py');
    expect(slow[0]?.time).toBeGreaterThan(0.25);
  });

  it('maps classnames back to paths without a file attribute', () => {
    expect(nodeIdFromJUnit('tests.test_a.TestB', 'test_c[1]', 'tests/test_a.py').id).toBe('tests/test_a.py::TestB::test_c[1]');
    expect(nodeIdFromJUnit('tests.test_a.TestB.TestC', 'test_d').id).toBe('tests/test_a.py::TestB::TestC::test_d');
    expect(nodeIdFromJUnit('test_top', 'test_x[a.b]').id).toBe('test_top.py::test_x[a.b]');
    const known = (segments: string[]) => (segments.slice(0, 3).join('.') === 'pkg.v1.test_Mod' ? { file: 'pkg/v1/test_Mod.py', consumed: 3 } : undefined);
    expect(nodeIdFromJUnit('pkg.v1.test_Mod.TestX', 'test_y', undefined, known).id).toBe('pkg/v1/test_Mod.py::TestX::test_y');
    // A file attribute that does not match the classname (inherited test): fall back to the classname.
    expect(nodeIdFromJUnit('tests.test_child.TestChild', 'test_base', 'tests/base.py').id).toBe('tests/test_child.py::TestChild::test_base');
  });
});

describe('hostile and malformed XML', () => {
  it('refuses DOCTYPE entity definitions (billion laughs) quickly', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><testsuites><testsuite><testcase classname="a" name="&lol2;"/></testsuite></testsuites>';
    expect(() => parseJUnit(laughs, 'laughs.xml')).toThrow(/laughs\.xml: malformed JUnit XML: DOCTYPE/);
  });

  it('does not expand external or unknown entities, decodes only the XML basics', () => {
    const doc = parseJUnit('<testsuite><testcase classname="t" name="x&amp;&lt;&#65;&#x42;&foo;"/></testsuite>', 'e.xml');
    expect(doc.cases[0]?.name).toBe('x&<AB&foo;');
  });

  it('survives a huge attribute, keeping its start and saying how much was cut, and enforces the size limit', () => {
    const big = 'A'.repeat(5_000_000);
    const doc = parseJUnit(`<testsuite><testcase classname="t" name="x"><failure message="${big}">y</failure></testcase></testsuite>`, 'big.xml');
    const message = doc.cases[0]?.message ?? '';
    expect(message.startsWith('A'.repeat(ATTRIBUTE_CAP))).toBe(true);
    expect(message.slice(ATTRIBUTE_CAP)).toBe(
      `\n[fastest: ${5_000_000 - ATTRIBUTE_CAP} more characters of this message attribute cut; at most ${ATTRIBUTE_CAP} are kept]`,
    );
    expect(() => parseJUnit(`<testsuite>${' '.repeat(2000)}</testsuite>`, 'small.xml', { maxBytes: 1000 })).toThrow(/over the 1000-byte limit/);
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    const deep = `<testsuite>${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</testsuite>`;
    expect(() => parseJUnit(deep, 'deep.xml')).toThrow(/deep\.xml: malformed JUnit XML: elements nested more than 64 deep/);
  });

  it('names truncated, empty and non-JUnit files', () => {
    expect(() => parseJUnit('<testsuites><testsuite><testcase classname="a" name="b"/>', 'cut.xml')).toThrow(/cut\.xml: malformed/);
    expect(() => parseJUnit('', 'empty.xml')).toThrow(/empty\.xml: malformed JUnit XML: file is empty/);
    expect(() => parseJUnit('<html><body/></html>', 'page.xml')).toThrow(/no <testsuites> or <testsuite> root/);
    expect(() => parseJUnit('<testsuites><testsuite></testcase></testsuites>', 'mismatch.xml')).toThrow(
      /expected <\/testsuite> but found <\/testcase> \(line 1\)/,
    );
    expect(() => parseJUnit('\u0000\u0001binary', 'bin.xml')).toThrow(/bin\.xml: malformed/);
    expect(() => parseJUnit('<testsuite></testsuite><testsuite></testsuite>', 'two.xml')).toThrow(/two\.xml: malformed JUnit XML: more than one root element/);
    expect(() => parseJUnit('<testsuite></testsuite>junk', 'after.xml')).toThrow(/after\.xml: malformed JUnit XML: text data outside of root node/);
    expect(() => parseJUnit('<testsuite><testcase classname="t" name=a/></testsuite>', 'unquoted.xml')).toThrow(/unquoted attribute value/);
  });
});

describe('hostile JUnit merges into well-formed XML', () => {
  /** Python's expat: a strict XML parser that is not ours. */
  function expatProblem(path: string): string {
    const r = spawnSync(
      'python3',
      ['-c', 'import sys, xml.dom.minidom\ntry:\n  xml.dom.minidom.parse(sys.argv[1])\nexcept Exception as e:\n  print(e)', path],
      { encoding: 'utf8' },
    );
    return `${r.stdout}${r.stderr}`.trim();
  }

  it("keeps the shards' suite properties (record_testsuite_property) in the merged suite, not fastest's own", () => {
    const shard = (name: string, properties: string) => {
      const path = join(dir, name);
      writeFileSync(
        path,
        `<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" time="1"><properties>${properties}</properties>` +
          `<testcase classname="tests.test_${name}" name="test_x" file="tests/test_${name}.py" line="1" time="0.1" /></testsuite></testsuites>`,
      );
      return path;
    };
    const files = [
      shard('p1', '<property name="ARCH" value="PPC &amp; x" /><property name="fastest_not_collected" value="tests/test_gone.py::test_y" />'),
      shard('p2', '<property name="STORAGE" value="CEPH" />'),
    ];
    const merged = join(dir, 'properties-merged.xml');
    const result = mergeJUnit(files, { out: merged });
    expect(result.notCollected).toEqual(['tests/test_gone.py::test_y']);
    expect(readFileSync(merged, 'utf8')).toContain(
      '<testsuite name="pytest" errors="0" failures="0" skipped="0" tests="2" time="2.000"><properties><property name="ARCH" value="PPC &amp; x" /><property name="STORAGE" value="CEPH" /></properties><testcase ',
    );
    expect(expatProblem(merged)).toBe('');
  });

  it('replaces NULs and references to characters XML forbids, and cuts a huge body with a marker', () => {
    const huge = 'x'.repeat(ELEMENT_TEXT_CAP + 123_456);
    const hostile = join(dir, 'hostile.xml');
    writeFileSync(
      hostile,
      '<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" time="1">' +
        '<testcase classname="tests.test_h" name="test_nul[\u0000&#0;]" file="tests/test_h.py" line="1" time="0.1">' +
        '<failure message="bad &#0; &#x1B;[31m &#xFFFE; &#xD800; \u0001">NUL \u0000 ref &#0; esc &#27; &#x8; ok &#x1F600; &lt;tag&gt;</failure>' +
        '<system-out>out \u0007 bell</system-out></testcase>' +
        `<testcase classname="tests.test_h" name="test_huge" file="tests/test_h.py" line="5" time="0.1"><failure message="big">${huge}</failure></testcase>` +
        '</testsuite></testsuites>',
    );
    // Before the fix, expat already refuses the input: the point is that the merged file is clean.
    expect(expatProblem(hostile)).not.toBe('');
    const merged = join(dir, 'hostile-merged.xml');
    const result = mergeJUnit([hostile], { out: merged });
    expect(result.malformed).toEqual([]);
    expect(result.counts.failed).toBe(2);
    const xml = readFileSync(merged, 'utf8');
    expect(expatProblem(merged)).toBe('');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]|&#0;|&#27;/);
    const nul = result.failures[0];
    expect(nul?.id).toBe('tests/test_h.py::test_nul[\uFFFD\uFFFD]');
    expect(nul?.message).toBe('bad \uFFFD \uFFFD[31m \uFFFD \uFFFD \uFFFD');
    expect(nul?.details).toBe('NUL \uFFFD ref \uFFFD esc \uFFFD \uFFFD ok \u{1F600} <tag>');
    const cut = result.failures[1]?.details ?? '';
    expect(cut.startsWith('x'.repeat(ELEMENT_TEXT_CAP))).toBe(true);
    expect(cut.slice(ELEMENT_TEXT_CAP)).toBe(`\n[fastest: 123456 more characters of this <failure> cut; at most ${ELEMENT_TEXT_CAP} are kept]`);
    // Read back by our reader too.
    expect(parseJUnit(xml, 'merged.xml').cases.map((c) => c.id)).toEqual(result.failures.map((c) => c.id));
  });

  it('keeps a short start of every body once the text budget of the merge is spent', () => {
    const files = [0, 1, 2].map((n) => {
      const path = join(dir, `budget-${n}.xml`);
      const body = `<testcase classname="tests.test_b${n}" name="test_x" file="tests/test_b${n}.py" time="0.1"><failure message="m">${String(n).repeat(20_000)}</failure></testcase>`;
      writeFileSync(path, `<testsuites><testsuite name="pytest">${body}</testsuite></testsuites>`);
      return path;
    });
    const result = mergeJUnit(files, { textBudget: 30_000 });
    const kept = result.failures.map((c) => (c.details ?? '').split('\n')[0]?.length);
    // The first body fits; the second gets what is left of the budget; the third the floor (4,096).
    expect(kept).toEqual([20_000, 10_000, 4096]);
    expect(result.failures[2]?.details).toContain('[fastest: 15904 more characters of this <failure> cut; at most 4096 are kept]');
  });
});

describe('fastest merge on GitHub Actions', () => {
  it('fences ids and parse errors from the JUnit files, so they cannot issue workflow commands', () => {
    const ghDir = mkdtempSync(join(dir, 'gh-'));
    // A test name with a newline: listed as a duplicate, its second line would start with `::error`.
    const evil = 'test_x[a&#10;::error title=pwned::owned&#10;::add-mask::secret]';
    const testcase = `<testcase classname="tests.test_e" name="${evil}" file="tests/test_e.py" time="0.1" />`;
    writeFileSync(join(ghDir, 'a.xml'), `<testsuites><testsuite name="pytest">${testcase}</testsuite></testsuites>`);
    writeFileSync(join(ghDir, 'b.xml'), `<testsuites><testsuite name="pytest">${testcase}</testsuite></testsuites>`);
    writeFileSync(join(ghDir, 'c.xml'), '<testsuites><testsuite>\n::warning::from a parse error');
    const cli = join(__dirname, '..', 'dist', 'cli.js');
    const run = (githubActions: string) =>
      spawnSync(process.execPath, [cli, 'merge', join(ghDir, '*.xml')], { encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: githubActions } });
    const plain = run('false');
    expect(plain.status).toBe(1);
    // Unfenced (off GitHub), the runner would act on them: the attack is real.
    expect(effectiveCommands(plain.stderr).map((c) => c.command)).toContain('error');
    const onGitHub = run('true');
    expect(onGitHub.status).toBe(1);
    expect(onGitHub.stderr).toContain('::error title=pwned::owned');
    expect(onGitHub.stderr).toContain('test(s) ran more than once');
    expect(onGitHub.stderr).toContain('malformed JUnit XML');
    expect(effectiveCommands(onGitHub.stderr)).toEqual([]);
    expect(effectiveCommands(onGitHub.stdout)).toEqual([]);
  });
});

function itemsFromIds(ids: string[]): TestItem[] {
  return ids.map((id, i) => {
    const [file = '', ...rest] = id.split('::');
    const last = rest[rest.length - 1] ?? '';
    const bracket = last.indexOf('[');
    return {
      id,
      file,
      line: i + 1,
      classes: rest.slice(0, -1),
      function: bracket < 0 ? last : last.slice(0, bracket),
      param: bracket < 0 ? undefined : last.slice(bracket + 1, -1),
      marks: [],
      dynamic: false,
    };
  });
}

function junitFile(path: string, cases: { id: string; time?: number; failure?: string }[]): string {
  const body = cases
    .map(({ id, time = 0.01, failure }) => {
      const [file = '', ...rest] = id.split('::');
      const name = rest.pop() ?? '';
      const classname = [file.replace(/\//g, '.').replace(/\.py$/, ''), ...rest].join('.');
      const attrs = `classname="${classname}" name="${name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}" file="${file}" line="1" time="${time}"`;
      return failure ? `<testcase ${attrs}><failure message="${failure}">long repr\nline 2</failure></testcase>` : `<testcase ${attrs} />`;
    })
    .join('');
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" time="1.5">${body}</testsuite></testsuites>`,
  );
  return path;
}

describe('merging shards', () => {
  const ids = Array.from({ length: 12 }, (_, i) => `tests/test_m${i % 3}.py::test_${i}`);

  it('joins shards, checks the plan, and writes parseable JUnit', () => {
    const plan = makePlan(itemsFromIds(ids), emptyTimings(), { shards: 2 });
    const files = plan.shards.map((s, i) =>
      junitFile(
        join(dir, `ok-${i}.xml`),
        s.units.flatMap((u) => (u.ids ?? u.tests ?? []).map((id) => ({ id }))),
      ),
    );
    const out = join(dir, 'ok-merged.xml');
    const result = mergeJUnit(files, { plan, out });
    expect(result.missing).toEqual([]);
    expect(result.duplicates).toEqual([]);
    expect(result.counts.passed).toBe(12);
    expect(result.shards.map((s) => s.shard)).toEqual([1, 2]);
    const reread = parseJUnit(readFileSync(out, 'utf8'), 'merged.xml');
    expect(reread.cases.map((c) => c.id).sort()).toEqual([...ids].sort());
  });

  it('names missing tests, duplicates and malformed files', () => {
    const plan = makePlan(itemsFromIds(ids), emptyTimings(), { shards: 3 });
    const a = junitFile(
      join(dir, 'a.xml'),
      ids.slice(0, 6).map((id) => ({ id })),
    );
    const b = junitFile(join(dir, 'b.xml'), [{ id: ids[5] ?? '' }, { id: ids[6] ?? '', failure: 'boom' }]);
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, '<testsuites><testsuite><testcase classname="x" name="y">');
    const result = mergeJUnit([a, b, bad], { plan });
    expect(result.missing).toEqual(ids.slice(7).sort());
    expect(result.duplicates).toEqual([ids[5]]);
    expect(result.malformed).toHaveLength(1);
    expect(result.malformed[0]?.file).toBe(bad);
    expect(result.counts.failed).toBe(1);
    // The summary names each missing and duplicated id whole (each list item is inline code).
    const md = renderSummary(result);
    for (const id of [...result.missing, ...result.duplicates]) expect(md).toContain(`\`${id}\``);
  });

  it('counts a dynamic item as present when any of its expanded ids is', () => {
    const items = itemsFromIds(['t/test_d.py::test_dyn', 't/test_d.py::test_static']);
    items[0]!.dynamic = true;
    const plan = makePlan(items, emptyTimings(), { shards: 1 });
    const f = junitFile(join(dir, 'dyn.xml'), [{ id: 't/test_d.py::test_dyn[a]' }, { id: 't/test_d.py::test_dyn[b]' }, { id: 't/test_d.py::test_static' }]);
    const result = mergeJUnit([f], { plan });
    expect(result.missing).toEqual([]);
    expect(result.unexpected).toEqual([]);
    const none = junitFile(join(dir, 'dyn-none.xml'), [{ id: 't/test_d.py::test_static' }]);
    expect(mergeJUnit([none], { plan }).missing).toEqual(['t/test_d.py::test_dyn']);
  });

  it('takes ids a shard recorded as not collected as information, never as missing', () => {
    const planned = ['t/test_p.py::test_ok', 't/test_p.py::test_windows_only', 't/test_p.py::test_gone'];
    const plan = makePlan(itemsFromIds(planned), emptyTimings(), { shards: 1 });
    const file = join(dir, 'not-collected.xml');
    const notCollected = ['t/test_p.py::test_windows_only', 't/test_p.py::a "quoted" <id>'];
    writeFileSync(
      file,
      junitXml([{ id: 't/test_p.py::test_ok', outcome: 'passed', when: 'call', duration: 0.1, file: 't/test_p.py', line: 1 }], [], {
        hostname: 'h',
        timestamp: 't',
        seconds: 0.1,
        notCollected,
      }),
    );
    const result = mergeJUnit([file], { plan });
    expect(result.missing).toEqual(['t/test_p.py::test_gone']);
    expect(result.notCollected).toEqual([...notCollected].sort());
    expect(result.counts.tests).toBe(1);
    expect(renderSummary(result)).toContain('2 planned test(s) not collected');
  });

  // The 3 s budget is measured by bench/shard.mjs, never asserted here: timing tests fail on slow days.
  it('merges 100,000 testcases from 50 files', () => {
    const files: string[] = [];
    for (let f = 0; f < 50; f++) {
      const cases = Array.from({ length: 2000 }, (_, i) => ({ id: `tests/pkg${f}/test_mod${i % 40}.py::TestThing::test_case_${i}[param-${i}]`, time: 0.001 }));
      files.push(junitFile(join(dir, `big-${f}.xml`), cases));
    }
    // Wall time overcounts when the machine is shared, CPU time counts V8's parallel GC threads
    // too: the smaller of the two is the fairer reading.
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    const result = mergeJUnit(files);
    const wall = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    expect(result.counts.tests).toBe(100_000);
    expect(result.duplicates).toEqual([]);
    console.log(`merge of 100,000 testcases from 50 files: ${wall.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU`);
  }, 30_000);
});

describe('summary', () => {
  it('lists failures first with file:line and the message, and a balance table', () => {
    const result = mergeJUnit([xunit1]);
    const md = renderSummary(result);
    expect(md).toMatch(/^## fastest: 3 failed, 9 passed, 1 skipped, 1 xfailed, 3 errors in /);
    expect(md.indexOf('### Failures')).toBeLessThan(md.indexOf('### Slowest tests'));
    expect(md).toContain('`tests/test_outcomes.py:8`');
    expect(md).toContain('arithmetic & <xml> "quotes"');
    expect(md).toContain('### Shard balance');
    expect(md).toContain('Imbalance (slowest / mean): **1.00**');
  });

  it('stays under the size cap however many failures there are', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ id: `tests/test_f.py::test_${i}`, failure: `${'x'.repeat(400)}` }));
    const result = mergeJUnit([junitFile(join(dir, 'many.xml'), many)]);
    const md = renderSummary(result, { maxBytes: 100_000 });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(100_000);
    expect(md).toMatch(/more failure\(s\) not shown/);
    expect(md).toContain('### Slowest tests');
    const full = renderSummary(result);
    expect(Buffer.byteLength(full)).toBeLessThan(1024 * 1024);
  });
});

/** The merged file as the merge built it before it streamed: every document whole, then one string. */
function wholeDocumentMerge(paths: string[]): string {
  const docs: JUnitDocument[] = [];
  for (const path of paths) {
    try {
      docs.push(readJUnitFile(path));
    } catch {
      // skipped, as the merge skips a malformed file
    }
  }
  const cases = docs.flatMap((d) => d.cases);
  const count = (o: string) => cases.filter((c) => c.outcome === o).length;
  const teardownErrors = cases.filter((c) => c.teardownError).length;
  const time = docs.reduce((s, d) => s + d.suites.reduce((t, suite) => t + (suite.time ?? 0), 0), 0);
  const attrs = {
    name: 'pytest',
    errors: String(count('error') + teardownErrors),
    failures: String(count('failed')),
    skipped: String(count('skipped') + count('xfailed')),
    tests: String(cases.length),
    time: time.toFixed(3),
  };
  return `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests">${elementXml('testsuite', attrs, '', [], cases.map(caseXml).join(''))}</testsuites>\n`;
}

describe('a merge that streams', () => {
  it('writes the same merged file as merging whole documents, without a malformed file part-way through', () => {
    const files = [xunit1, xunit2];
    const partial = join(dir, 'stream-partial.xml');
    // Two good testcases, then the file breaks: nothing of it may reach the merged file or the counts.
    writeFileSync(
      partial,
      '<testsuites><testsuite name="pytest" time="9"><testcase classname="tests.test_p" name="test_a" file="tests/test_p.py" time="1" /><testcase classname="tests.test_p" name="test_b" file="tests/test_p.py" time="1"><failure message="x">y</failure></testcase><testcase>',
    );
    files.push(partial);
    files.push(
      junitFile(
        join(dir, 'stream-more.xml'),
        Array.from({ length: 3000 }, (_, i) => ({
          id: `tests/test_s${i % 7}.py::test_${i}`,
          time: (i % 13) / 1000,
          failure: i % 97 === 0 ? 'boom <&>' : undefined,
        })),
      ),
    );
    const out = join(dir, 'stream-out', 'merged.xml');
    const result = mergeJUnit(files, { out });
    expect(result.malformed.map((m) => m.file)).toEqual([partial]);
    expect(readFileSync(out, 'utf8')).toBe(wholeDocumentMerge(files));
    expect(result.counts.tests).toBe(parseJUnit(readFileSync(out, 'utf8'), 'merged.xml').cases.length);
    expect(result.failures.map((c) => c.id)).not.toContain('tests/test_p.py::test_b');
    // The body went through a temporary file next to the output, and that is gone.
    expect(readdirSync(join(dir, 'stream-out'))).toEqual(['merged.xml']);
  });

  it('writes an empty <testsuite /> when no file holds a testcase', () => {
    const empty = join(dir, 'stream-empty.xml');
    writeFileSync(empty, '<testsuites><testsuite name="pytest" time="0.5"></testsuite></testsuites>');
    const out = join(dir, 'stream-empty-merged.xml');
    expect(mergeJUnit([empty], { out }).counts.tests).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(wholeDocumentMerge([empty]));
    expect(readFileSync(out, 'utf8')).toContain('<testsuite name="pytest" errors="0" failures="0" skipped="0" tests="0" time="0.500" /></testsuites>');
  });

  it('a malformed file counts for nothing: not a duplicate, not found for the plan, not a shard', () => {
    const ids = ['tests/test_q.py::test_1', 'tests/test_q.py::test_2', 'tests/test_q.py::test_3'];
    const plan = makePlan(itemsFromIds(ids), emptyTimings(), { shards: 1 });
    const good = junitFile(join(dir, 'q-good.xml'), [{ id: ids[0] ?? '' }]);
    const broken = join(dir, 'q-broken.xml');
    writeFileSync(
      broken,
      readFileSync(junitFile(join(dir, 'q-tmp.xml'), [{ id: ids[0] ?? '' }, { id: ids[1] ?? '' }]))
        .toString()
        .replace('</testsuites>', '<oops></testsuites>'),
    );
    const result = mergeJUnit([good, broken], { plan });
    expect(result.malformed.map((m) => m.file)).toEqual([broken]);
    expect(result.duplicates).toEqual([]);
    expect(result.duplicateCount).toBe(0);
    expect(result.missing).toEqual([ids[1], ids[2]]);
    expect(result.shards.map((s) => s.file)).toEqual([good]);
    expect(result.counts.tests).toBe(1);
  });

  it('keeps the first FAILURES_KEPT failures and counts all; the summary says how many', () => {
    const n = FAILURES_KEPT + 25;
    const file = junitFile(
      join(dir, 'many-failures.xml'),
      Array.from({ length: n }, (_, i) => ({ id: `tests/test_f.py::test_${i}`, failure: 'no' })),
    );
    const result = mergeJUnit([file]);
    expect(result.counts.failed).toBe(n);
    expect(result.failureCount).toBe(n);
    expect(result.failures).toHaveLength(FAILURES_KEPT);
    expect(result.failures[0]?.id).toBe('tests/test_f.py::test_0');
    const md = renderSummary(result, { maxBytes: 50_000 });
    expect(md).toContain(`### Failures (${n})`);
    expect(md).toMatch(new RegExp(`_${n - (md.match(/^- \*\*FAILED\*\*/gm) ?? []).length} more failure\\(s\\) not shown`));
  });

  it('lists the first LIST_KEPT duplicates and unexpected ids by name and counts them all', () => {
    const n = LIST_KEPT + 300;
    const ids = Array.from({ length: n }, (_, i) => `tests/test_d.py::test_${String(i).padStart(5, '0')}`);
    const plan = makePlan(itemsFromIds(['tests/test_other.py::test_x']), emptyTimings(), { shards: 1 });
    const a = junitFile(
      join(dir, 'dup-a.xml'),
      ids.map((id) => ({ id })),
    );
    const b = junitFile(
      join(dir, 'dup-b.xml'),
      ids.map((id) => ({ id })),
    );
    const result = mergeJUnit([a, b], { plan });
    expect(result.duplicateCount).toBe(n);
    expect(result.duplicates).toEqual(ids.slice(0, LIST_KEPT));
    expect(result.unexpectedCount).toBe(n);
    expect(result.unexpected).toHaveLength(LIST_KEPT);
    expect(result.missing).toEqual(['tests/test_other.py::test_x']);
    const md = renderSummary(result);
    expect(md).toContain(`**${n} test(s) ran more than once**`);
    expect(md).toContain(`, ... ${n - 20} more`);
    expect(md).toContain(`${n} result(s) not in the plan`);
  });

  it('keeps the slowest tests exactly as sorting all of them would', () => {
    const cases = Array.from({ length: 5000 }, (_, i) => ({ id: `tests/test_t${i % 5}.py::test_${i}`, time: ((i * 7919) % 1000) / 1000 }));
    const result = mergeJUnit([junitFile(join(dir, 'slow.xml'), cases)]);
    const expected = [...cases].sort((x, y) => y.time - x.time || (x.id < y.id ? -1 : 1)).slice(0, 10);
    expect(result.slowest.slice(0, 10)).toEqual(expected.map((c) => ({ id: c.id, seconds: c.time })));
  });
});
