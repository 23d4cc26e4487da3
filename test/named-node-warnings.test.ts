// A node-id argument naming a class or function: pytest collects only the collectors on its path,
// so a sibling class is never collected and its collection warning (a test class with an
// `__init__`) is never raised. fastest collects the module whole and keeps those warnings quiet
// (tornado: `8 passed, 6 warnings` against pytest's `8 passed`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ENGINE_SETTINGS, normalOutput, oncePerKey, projectPerEngine, runIn } from './helpers/against-pytest.js';

const testModule = `
class TestA:
    def test_a(self):
        pass

class TestB:
    def __init__(self):
        pass
    def test_b(self):
        pass

class TestD:
    class TestInner:
        def __new__(cls):
            return object.__new__(cls)
        def test_i(self):
            pass
    def test_d(self):
        pass

def test_f():
    pass
`;

const dirs = projectPerEngine('fastest-named-node-warnings-', (dir) => {
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  writeFileSync(join(dir, 'test_c.py'), testModule);
  writeFileSync(join(dir, 'test_other.py'), 'class TestO:\n    def __init__(self):\n        pass\n\ndef test_o():\n    pass\n');
});

/** The warnings summary and the closing line. */
const fromWarnings = (out: string) => {
  const start = out.indexOf('warnings summary');
  return start < 0 ? out.trimEnd().split('\n').pop()! : out.slice(start);
};

const COMMAND_LINES: string[][] = [
  ['test_c.py::TestA'],
  ['test_c.py::test_f'],
  ['test_c.py::TestA::test_a', 'test_c.py::test_f'],
  ['test_c.py::TestD'],
  ['test_c.py::TestD::test_d'],
  ['test_c.py'],
  ['test_c.py::TestA', 'test_c.py'],
  ['test_c.py::TestA', 'test_other.py'],
  ['.', 'test_c.py::TestA'],
  ['--co', '-q', 'test_c.py::TestA'],
  ['-k', 'test_a', 'test_c.py'],
];

describe('collection warnings under node-id arguments', () => {
  const pytestRun = oncePerKey((dir, key) => runIn('python3', ['-m', 'pytest', ...(JSON.parse(key) as string[])], dir, '', join(dir, 'tmp-p')));
  ENGINE_SETTINGS.forEach(([engine, workers], at) => {
    it(`are pytest's (engine ${engine}, ${workers} workers)`, async () => {
      const dir = dirs[at]!;
      for (const args of COMMAND_LINES) {
        const common = ['-p', 'no:cacheprovider', ...args];
        const pytest = await pytestRun(dir, JSON.stringify(common));
        const fastest = await runIn(process.execPath, [cli, '--engine', engine, '-n', workers, ...common], dir, '', join(dir, 'tmp-f'));
        const label = args.join(' ');
        // two workers print a module's progress line as its results come
        const compared = workers === '1' || args.includes('--co') ? normalOutput : (out: string) => fromWarnings(normalOutput(out));
        expect(compared(fastest.out), label).toBe(compared(pytest.out));
        expect(fastest.code, label).toBe(pytest.code);
      }
    });
  });
});
