// -k/-m/--deselect over tests only a module's import makes: a parametrize list built at run time
// with `pytest.param(marks=...)` (pycodestyle's `-m skipif`: fastest deselected all 775 tests,
// exit 5), the methods of a class on an imported base (mako's TemplateTest), a class a node id
// names (websockets' `ClientTests -k keepalive`), a module that writes its own namespace. The
// workers send each collected test's marks when -k/-m leaves a test to the run, a test a run
// taught keeps its marks unknown to -m, and the workers judge the tests a unit does not list by
// their own ids: counts and tests are pytest's, first and taught, and the tests the filter leaves
// out are not run (each test appends its name to a log, which must hold what pytest's run wrote:
// before, they ran in the worker and Node dropped their results). A dynamic item -k deselects
// whole counts the tests its module makes of it, not one. A module that star-imports another runs
// whole under a filter: the tests the import brings were lost beside a class discovery listed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, runNamesLogged, writeLines } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-dynamic-marks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const logged = (name: string, indent: string) => `${indent}open(os.environ["RAN_LOG"], "a").write(${name} + "\\n")`;

it("-k/-m judge run-time parametrize marks, an imported base class's methods and a module's own tests as pytest, and run none they leave out, in either engine", async () => {
  const temp = join(work, 'tmp');
  const selections = [
    ['-m', 'slow'],
    ['-m', 'not slow'],
    ['-m', 'skipif'],
    ['-m', 'parametrize'],
    ['-k', 'plain'],
    ['-k', 'two'],
    ['--deselect', 'test_params.py::test_x[three]'],
    ['-k', 'plain or made_b'],
    ['test_base.py::LexerTest', '-k', 'plain'],
    // every listed test deselected
    ['-k', 'not a'],
    // the tests a star import brings beside a class discovery lists (lark's tests/__main__.py)
    ['-k', 'not Named'],
  ];
  // (pytest's outcome of a selection is the same for every engine and round: asked once)
  const pytestOf = new Map<string, Awaited<ReturnType<typeof runNamesLogged>>>();
  for (const engine of ['auto', 'pytest']) {
    const dir = join(work, engine);
    const log = join(dir, 'ran.log');
    writeLines(dir, 'pytest.ini', ['[pytest]', 'markers =', '    slow: slow tests']);
    writeLines(dir, 'lib/extbase.py', ['class TemplateTest:', '    """A base from outside the test module."""']);
    writeLines(dir, 'test_params.py', [
      'import os',
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
      logged('f"x{x}"', '    '),
    ]);
    writeLines(dir, 'test_base.py', [
      'import os',
      'import pytest',
      'from extbase import TemplateTest',
      '',
      'class LexerTest(TemplateTest):',
      '    @pytest.mark.slow',
      '    @pytest.mark.parametrize("y", [1, 2])',
      '    def test_param(self, y):',
      logged('f"param{y}"', '        '),
      '',
      '    def test_plain(self):',
      logged('"plain"', '        '),
    ]);
    writeLines(dir, 'test_made.py', [
      'import os',
      '',
      'def _make(name):',
      '    def test():',
      logged('name', '        '),
      '    globals()["test_made_" + name] = test',
      '',
      'for _name in ("a", "b"):',
      '    _make(_name)',
      '',
      'def test_static():',
      logged('"static"', '    '),
    ]);
    writeLines(dir, 'lib/starlib.py', ['import os', '', 'class TestStarred:', '    def test_starred(self):', logged('"starred"', '        ')]);
    writeLines(dir, 'test_star.py', ['import os', 'from starlib import *', '', 'class TestNamed:', '    def test_named(self):', logged('"named"', '        ')]);
    const env = { PYTHONPATH: join(dir, 'lib') };
    const common = ['-p', 'no:cacheprovider', '-rA', '-o', 'python_classes=*Test Test*'];
    const ran = (cmd: string, args: string[]) => runNamesLogged(cmd, args, dir, temp, log, env);
    // (the taught round exercises discovery's cache, the same whichever engine runs: auto's alone)
    for (const round of engine === 'auto' ? ['first', 'taught'] : ['first']) {
      if (round === 'taught') await ran(process.execPath, [cli, '--engine', engine, ...common]);
      for (const k of selections) {
        if (round === 'first') rmSync(join(dir, '.fastest'), { recursive: true, force: true });
        const pytest = pytestOf.get(k.join(' ')) ?? (await ran('python3', ['-m', 'pytest', ...common, ...k]));
        pytestOf.set(k.join(' '), pytest);
        const fastest = await ran(process.execPath, [cli, '--engine', engine, ...common, ...k]);
        const label = { engine, round, k: k.join(' ') };
        expect({ ...label, ...fastest }).toEqual({ ...label, ...pytest });
      }
    }
  }
}, 300_000);
