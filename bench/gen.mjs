// Generates synthetic pytest suites for the benchmarks (deterministic for the same arguments).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * kind 'trivial': `tests` trivial tests in files of `perFile` (plain, class methods, literal parametrize).
 * kind 'fixtures': module- and function-scoped fixtures on every test.
 * kind 'sleep': each test sleeps `sleepMs`.
 */
export function generateSuite(dir, { tests, perFile = 100, kind = 'trivial', sleepMs = 5 }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'tests'), { recursive: true });
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\ntestpaths = tests\n');
  const files = Math.ceil(tests / perFile);
  let made = 0;
  for (let f = 0; f < files; f++) {
    const n = Math.min(perFile, tests - made);
    const lines = ['import pytest', 'import time', ''];
    if (kind === 'fixtures') {
      lines.push('@pytest.fixture(scope="module")', 'def resource():', '    data = {"items": list(range(100))}', '    yield data', '    data.clear()', '');
      lines.push('@pytest.fixture', 'def item(resource):', '    return resource["items"][3]', '');
    }
    let i = 0;
    while (i < n) {
      const left = n - i;
      if (kind === 'trivial' && left >= 10 && i % 30 === 10) {
        lines.push(
          '@pytest.mark.parametrize("a,b", [' + Array.from({ length: 10 }, (_, k) => `(${k}, "v${k}")`).join(', ') + '])',
          `def test_param_${i}(a, b):`,
          '    assert a >= 0',
          '',
        );
        i += 10;
      } else if (kind === 'trivial' && left >= 5 && i % 30 === 20) {
        lines.push(`class TestGroup${i}:`);
        for (let k = 0; k < 5; k++) lines.push(`    def test_m${k}(self):`, '        assert True', '');
        i += 5;
      } else {
        const args = kind === 'fixtures' ? 'item, resource' : '';
        const body =
          kind === 'sleep'
            ? `    time.sleep(${sleepMs / 1000})`
            : kind === 'fixtures'
              ? '    assert item == 3 and resource'
              : `    assert ${i} + 1 == ${i + 1}`;
        lines.push(`def test_t${i}(${args}):`, body, '');
        i += 1;
      }
    }
    made += n;
    writeFileSync(join(dir, 'tests', `test_mod_${String(f).padStart(5, '0')}.py`), lines.join('\n'));
  }
  return { files, tests: made };
}
