// What pytest's junitxml fixtures record, in the JUnit file as pytest writes it: record_property's
// pairs (the testcase's <properties>), record_testsuite_property's (the suite's), and
// record_xml_attribute's (testcase attributes under junit_family xunit1, dropped under xunit2),
// with pytest's warnings (the experimental API, and the two fixtures' incompatibility with xunit2).
// Compared with the installed pytest, both engines, each family.
import { join } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, fixtureCopies, normalOutput, runIn, writeLines } from './helpers/against-pytest.js';

const { work, project } = fixtureCopies(join(__dirname, 'fixtures', 'native-basic'), 'fastest-junit-records-');

const TEST_MODULE = [
  'def test_records(record_testsuite_property, record_property, record_xml_attribute):',
  '    record_testsuite_property("ARCH", "PPC")',
  '    record_property("k", "v")',
  '    record_property("n", 3)',
  '    record_xml_attribute("extra", 1)',
  '',
  'def test_fails(record_property):',
  '    record_property("why", "<bad & \\x01>")',
  '    assert 0',
  '',
  'def test_suite_name_checked(record_testsuite_property):',
  '    record_testsuite_property(1, "x")',
  '',
];

const withoutTimes = (xml: string) => xml.replace(/ time="[^"]*"| timestamp="[^"]*"| hostname="[^"]*"|0x[0-9a-f]+/g, '');

describe("pytest's junitxml fixtures", () => {
  for (const family of ['xunit2', 'xunit1']) {
    it(`write what they record (junit_family = ${family})`, async () => {
      const dir = project((d) => writeLines(d, 'tests/test_records.py', TEST_MODULE));
      const args = ['-p', 'no:cacheprovider', '-o', `junit_family=${family}`, '-rA', 'tests/test_records.py'];
      const pytest = await runIn('python3', ['-m', 'pytest', ...args, '--junitxml=p.xml'], dir, '', join(work, 'tmp'));
      const expected = withoutTimes(readFileSync(join(dir, 'p.xml'), 'utf8'));
      expect(expected).toContain('<property name="ARCH" value="PPC" />');
      expect(expected).toContain('<property name="n" value="3" />');
      for (const engine of ['native', 'pytest']) {
        const fastest = await runIn(process.execPath, [cli, ...args, '-n', '1', '--engine', engine, '--junitxml=f.xml'], dir, '', join(work, 'tmp'));
        expect(withoutTimes(readFileSync(join(dir, 'f.xml'), 'utf8')), engine).toBe(expected);
        const console = (out: string) =>
          normalOutput(out)
            .replace(/0x[0-9a-f]+/g, '0x')
            .replace(/^-+ generated xml file.*\n/m, '');
        expect(console(fastest.out), engine).toBe(console(pytest.out));
      }
    }, 60_000);
  }

  it("a worker's session ends as pytest's: the later pytest_unconfigure hooks run, nothing is printed", async () => {
    // (pytest's junitxml unregistered fastest's records at pytest_unconfigure, which were never a
    // plugin: its assertion printed a traceback under -s and stopped the hooks after it)
    const dir = project((d) => {
      writeLines(d, 'tests/test_ends.py', ['def test_one():', '    pass']);
      writeLines(d, 'tests/conftest.py', [
        'import os',
        'import pytest',
        '',
        '@pytest.hookimpl(trylast=True)',
        'def pytest_unconfigure(config):',
        '    open(os.path.join(str(config.rootpath), "unconfigured.txt"), "a").write("ran\\n")',
      ]);
    });
    for (const engine of ['auto', 'pytest']) {
      rmSync(join(dir, 'unconfigured.txt'), { force: true });
      const ran = await runIn(
        process.execPath,
        [cli, '-p', 'no:cacheprovider', '-s', '-n', '1', '--engine', engine, '--junitxml=f.xml', 'tests'],
        dir,
        '',
        join(work, 'tmp'),
      );
      expect({ engine, err: ran.err, unconfigured: readFileSync(join(dir, 'unconfigured.txt'), 'utf8') }).toEqual({ engine, err: '', unconfigured: 'ran\n' });
      expect(ran.out).not.toContain('Traceback');
    }
  }, 60_000);

  it('a failed subtest logs its captured output when passing tests log none', async () => {
    const dir = project((d) =>
      writeLines(d, 'tests/test_subtests.py', [
        'import unittest',
        '',
        'class TestSub(unittest.TestCase):',
        '    def test_sub(self):',
        '        for i in range(3):',
        '            with self.subTest(i=i):',
        '                print("in", i)',
        '                self.assertLess(i, 1)',
        '',
      ]),
    );
    // (--capture=sys: under fd capture pytest's own subtest letters land in the test's output)
    const args = ['-p', 'no:cacheprovider', '--capture=sys', '-o', 'junit_logging=system-out', '-o', 'junit_log_passing_tests=false', 'tests/test_subtests.py'];
    await runIn('python3', ['-m', 'pytest', ...args, '--junitxml=p.xml'], dir, '', join(work, 'tmp'));
    const expected = withoutTimes(readFileSync(join(dir, 'p.xml'), 'utf8'));
    expect(expected.match(/Captured Out/g)?.length).toBe(2);
    for (const engine of ['native', 'pytest']) {
      await runIn(process.execPath, [cli, ...args, '-n', '1', '--engine', engine, '--junitxml=f.xml'], dir, '', join(work, 'tmp'));
      expect(withoutTimes(readFileSync(join(dir, 'f.xml'), 'utf8')), engine).toBe(expected);
    }
  }, 60_000);
});
