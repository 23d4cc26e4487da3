// -m over tests whose own marks discovery cannot read: `pytest.param(marks=...)` in a parametrize
// list built at run time (pycodestyle's `-m skipif`: fastest deselected all 775 tests, exit 5), and
// the methods of a class on an imported base (mako's TemplateTest). The workers send each
// collected test's marks when -k/-m leaves a test to the run, and a test a run taught keeps its
// marks unknown to -m: counts and tests are pytest's, first and taught.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, runIn, statusLines, summaryLine, writeLines } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-dynamic-marks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("-m judges run-time parametrize marks and an imported base class's methods as pytest, in either engine", async () => {
  const temp = join(work, 'tmp');
  const selections = [
    ['-m', 'slow'],
    ['-m', 'not slow'],
    ['-m', 'skipif'],
    ['-m', 'parametrize'],
    ['-k', 'plain'],
  ];
  for (const engine of ['auto', 'pytest']) {
    const dir = join(work, engine);
    writeLines(dir, 'pytest.ini', ['[pytest]', 'markers =', '    slow: slow tests']);
    writeLines(dir, 'lib/extbase.py', ['class TemplateTest:', '    """A base from outside the test module."""']);
    writeLines(dir, 'test_params.py', [
      'import pytest',
      '',
      'def cases():',
      '    return [',
      '        pytest.param(1, marks=pytest.mark.slow, id="one"),',
      '        pytest.param(2, id="two"),',
      '        pytest.param(3, marks=pytest.mark.skipif(False, reason="never"), id="three"),',
      '    ]',
      '',
      '@pytest.mark.parametrize("x", cases())',
      'def test_x(x):',
      '    assert x',
    ]);
    writeLines(dir, 'test_base.py', [
      'import pytest',
      'from extbase import TemplateTest',
      '',
      'class LexerTest(TemplateTest):',
      '    @pytest.mark.slow',
      '    @pytest.mark.parametrize("y", [1, 2])',
      '    def test_param(self, y):',
      '        assert y',
      '',
      '    def test_plain(self):',
      '        pass',
    ]);
    const env = { PYTHONPATH: join(dir, 'lib') };
    const common = ['-p', 'no:cacheprovider', '-rA', '-o', 'python_classes=*Test Test*'];
    for (const round of ['first', 'taught']) {
      if (round === 'taught') await runIn(process.execPath, [cli, '--engine', engine, ...common], dir, '', temp, env);
      for (const k of selections) {
        if (round === 'first') rmSync(join(dir, '.fastest'), { recursive: true, force: true });
        const pytest = await runIn('python3', ['-m', 'pytest', ...common, ...k], dir, '', temp, env);
        const fastest = await runIn(process.execPath, [cli, '--engine', engine, ...common, ...k], dir, '', temp, env);
        const label = { engine, round, k: k.join(' ') };
        expect({ ...label, line: summaryLine(fastest.out), tests: statusLines(fastest.out) }).toEqual({
          ...label,
          line: summaryLine(pytest.out),
          tests: statusLines(pytest.out),
        });
      }
    }
  }
}, 180_000);
