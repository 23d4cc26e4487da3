// Under PYTHONDONTWRITEBYTECODE=1 fastest writes the bytecode of what the collection pass imports
// to .fastest/pycache, and none of what tests import, as pytest writes none. alembic's tests write
// revision modules into scratch/, import them and delete the directory: bytecode kept in the
// prefix made the next test's module of the same name, size and mtime second load the old one
// (`KeyError` in its revision map). Here the second module has the first's size and mtime. Tests
// see no pycache prefix but the user's: `py_compile` writes beside the source (alembic's
// sourceless revisions). What tests import lazily still keeps its bytecode in .fastest/pycache
// (faker's providers: compiling them on every run cost it a tenth of its time), checked against
// the source's last change.
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, runIn, summaryLine, writeLines } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-generated-modules-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('a module a test writes, imports and deletes leaves no bytecode the next one of its name loads', async () => {
  const dir = join(work, 'p');
  writeLines(dir, 'pytest.ini', ['[pytest]']);
  writeLines(dir, 'test_gen.py', [
    'import importlib, os, shutil, sys',
    '',
    'def load(value):',
    '    os.makedirs("scratch", exist_ok=True)',
    '    path = os.path.join("scratch", "revision.py")',
    '    with open(path, "w") as f:',
    '        f.write("VALUE = %d\\n" % value)',
    '    os.utime(path, (1_000_000_000, 1_000_000_000))',
    '    sys.path.insert(0, os.path.abspath("scratch"))',
    '    try:',
    '        sys.modules.pop("revision", None)',
    '        importlib.invalidate_caches()',
    '        return importlib.import_module("revision").VALUE',
    '    finally:',
    '        sys.path.pop(0)',
    '        shutil.rmtree("scratch")',
    '',
    'def test_first():',
    '    assert load(1) == 1',
    '',
    'def test_second():',
    '    assert load(2) == 2',
    '',
    'def test_compiled_beside_its_source():',
    '    import py_compile',
    '    os.makedirs("compiled", exist_ok=True)',
    '    with open("compiled/m.py", "w") as f:',
    '        f.write("X = 1\\n")',
    '    try:',
    '        py_compile.compile("compiled/m.py")',
    '        assert os.listdir("compiled/__pycache__")',
    '    finally:',
    '        shutil.rmtree("compiled")',
  ]);
  const args = ['-q', '-p', 'no:cacheprovider', '-n', '1'];
  const pytest = await runIn('python3', ['-m', 'pytest', ...args.slice(0, 3)], dir, '', join(work, 'tmp'));
  expect(summaryLine(pytest.out)).toBe('3 passed');
  for (const engine of ['auto', 'pytest']) {
    for (const round of ['first', 'warm']) {
      const fastest = await runIn(process.execPath, [cli, ...args, '--engine', engine], dir, '', join(work, 'tmp'));
      expect({ engine, round, line: summaryLine(fastest.out) }).toEqual({ engine, round, line: '3 passed' });
    }
  }
}, 120_000);

function filesUnder(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
}

it('a module tests import lazily keeps its bytecode in .fastest/pycache, and a rewrite of its size and mtime is not loaded stale', async () => {
  for (const engine of ['auto', 'pytest']) {
    const dir = join(work, `lazy-${engine}`);
    writeLines(dir, 'pytest.ini', ['[pytest]']);
    writeLines(dir, 'test_lazy.py', [
      'def test_lazy():',
      '    import lazy_provider',
      '    with open("expected.txt") as f:',
      '        assert lazy_provider.VALUE == int(f.read())',
    ]);
    const write = (value: number) => {
      writeFileSync(join(dir, 'lazy_provider.py'), `VALUE = ${value}\n`);
      writeFileSync(join(dir, 'expected.txt'), String(value));
      utimesSync(join(dir, 'lazy_provider.py'), 1_000_000_000, 1_000_000_000);
    };
    const args = ['-q', '-p', 'no:cacheprovider', '-n', '1', '--engine', engine];
    for (const value of [1, 2, 3]) {
      write(value);
      const fastest = await runIn(process.execPath, [cli, ...args], dir, '', join(work, 'tmp'));
      expect({ engine, value, line: summaryLine(fastest.out) }).toEqual({ engine, value, line: '1 passed' });
      const kept = filesUnder(join(dir, '.fastest', 'pycache')).filter((name) => /lazy_provider\.cpython-\d+\.pyc$/.test(name));
      expect({ engine, value, kept: kept.length }).toEqual({ engine, value, kept: 1 });
      expect(existsSync(join(dir, '__pycache__'))).toBe(false);
    }
  }
}, 120_000);
