// --lf / --ff when the recorded failure is a module that still fails to import (cattrs' `-x --ff`
// after a run): pytest collects no test of it, so it finds none of the recorded failures among its
// items ("1 known failures not in selected tests"), deselects nothing, and records the module
// again, never its tests. fastest counted the tests discovery lists in it as previous failures
// ("rerun previous 2 failures first") and wrote them into the record as failed.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ENGINE_SETTINGS, normalOutput, oncePerKey, projectPerEngine, runIn } from './helpers/against-pytest.js';

const dirs = projectPerEngine('fastest-lastfailed-uncollected-', (dir) => {
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  writeFileSync(join(dir, 'test_bad.py'), 'import not_a_module_anywhere\n\ndef test_x():\n    pass\n\ndef test_y():\n    pass\n');
  writeFileSync(join(dir, 'test_ok.py'), 'def test_ok():\n    pass\n\ndef test_fails():\n    assert 0\n');
});

const COMMAND_LINES = [['--lf'], ['--ff'], ['--lf', '-v'], ['--ff', '-q'], ['--lf', '-k', 'test_ok']];
const record = (dir: string) => join(dir, '.pytest_cache', 'v', 'cache', 'lastfailed');

/** A fresh .pytest_cache in `dir` whose record of failures is `recorded`. */
function seed(dir: string, recorded: string): void {
  rmSync(join(dir, '.pytest_cache'), { recursive: true, force: true });
  mkdirSync(join(record(dir), '..'), { recursive: true });
  writeFileSync(record(dir), recorded);
}

/** pytest's run of [recorded, args] (a JSON key) over a seeded record, and the record it left, once per key. */
const pytestOverRecord = () =>
  oncePerKey(async (dir, key) => {
    const [recorded, args] = JSON.parse(key) as [string, string[]];
    seed(dir, recorded);
    const pytest = await runIn('python3', ['-m', 'pytest', ...args], dir, '', join(dir, 'tmp-p'));
    return { ...pytest, record: readFileSync(record(dir), 'utf8') };
  });
const pytestRun = pytestOverRecord();

describe('--lf/--ff with a recorded module that still fails to import', () => {
  ENGINE_SETTINGS.forEach(([engine, workers], at) => {
    it(`reports and records as pytest (engine ${engine}, ${workers} workers)`, async () => {
      const dir = dirs[at]!;
      for (const recorded of ['{\n  "test_bad.py": true\n}', '{\n  "test_bad.py": true,\n  "test_ok.py::test_fails": true\n}']) {
        for (const args of COMMAND_LINES) {
          const pytest = await pytestRun(dir, JSON.stringify([recorded, args]));
          seed(dir, recorded);
          const fastest = await runIn(process.execPath, [cli, '--engine', engine, '-n', workers, ...args], dir, '', join(dir, 'tmp-f'));
          const label = `${recorded} ${args.join(' ')}`;
          expect(normalOutput(fastest.out).replace(/^cachedir: .*\n/m, ''), label).toBe(normalOutput(pytest.out).replace(/^cachedir: .*\n/m, ''));
          expect(fastest.code, label).toBe(pytest.code);
          expect(readFileSync(record(dir), 'utf8'), label).toBe(pytest.record);
        }
      }
    });
  });
});

// --lf keeps every test of a file the command line names while it collects (pytest's
// isinitpath), then deselects those that did not fail (cattrs: `tests/test_preconf.py --lf`,
// `61 items / 59 deselected`); and it counts each module it skips collecting, tests or none (rich:
// a module whose tests are all under `if sys.platform == "win32":`, `(skipped 61 files)`).
const namedDirs = projectPerEngine('fastest-lastfailed-named-', (dir) => {
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  writeFileSync(join(dir, 'test_a.py'), 'def test_fail():\n    assert 0\n\ndef test_pass():\n    pass\n');
  writeFileSync(join(dir, 'test_c.py'), 'x = 1\n');
  writeFileSync(join(dir, 'test_d.py'), 'def test_d():\n    pass\n');
});

describe('--lf with named files and modules without tests', () => {
  const namedPytestRun = pytestOverRecord();
  ENGINE_SETTINGS.forEach(([engine, workers], at) => {
    it(`reports as pytest (engine ${engine}, ${workers} workers)`, async () => {
      const dir = namedDirs[at]!;
      const commandLines = [
        ['test_a.py', '--lf'],
        ['--lf'],
        ['test_a.py::test_pass', 'test_a.py::test_fail', '--lf'],
        ['--lf', '-v'],
        ['test_a.py', 'test_d.py', '--lf'],
      ];
      for (const args of commandLines) {
        const recorded = '{\n  "test_a.py::test_fail": true\n}';
        const pytest = await namedPytestRun(dir, JSON.stringify([recorded, args]));
        seed(dir, recorded);
        const fastest = await runIn(process.execPath, [cli, '--engine', engine, '-n', workers, ...args], dir, '', join(dir, 'tmp-f'));
        const label = args.join(' ');
        expect(normalOutput(fastest.out).replace(/^cachedir: .*\n/m, ''), label).toBe(normalOutput(pytest.out).replace(/^cachedir: .*\n/m, ''));
        expect(fastest.code, label).toBe(pytest.code);
      }
    });
  });
});
