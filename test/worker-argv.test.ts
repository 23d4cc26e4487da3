// sys.argv in tests is pytest's: its script, then the command line's arguments without fastest's
// own options (isort's test_importable imports its __main__, whose argparse reads sys.argv: under
// the worker's own argv it printed another banner).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, hasModule, runIn, writeLines } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-worker-argv-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A project whose one test writes its sys.argv to ARGV_OUT; `argv()` reads what it wrote. */
function argvProject(name: string): { dir: string; out: string; argv: () => string[] } {
  const dir = join(work, name);
  writeLines(dir, 'pytest.ini', ['[pytest]']);
  writeLines(dir, 'test_argv.py', [
    'import json, os, sys',
    '',
    'def test_argv():',
    '    with open(os.environ["ARGV_OUT"], "w") as f:',
    '        json.dump(sys.argv, f)',
  ]);
  const out = join(work, `${name}-argv.json`);
  return { dir, out, argv: () => JSON.parse(readFileSync(out, 'utf8')) as string[] };
}

it("a test's sys.argv holds pytest's script and the command line, in either engine and worker count", async () => {
  const { dir, out, argv } = argvProject('p');
  const args = ['-p', 'no:cacheprovider', '-q', 'test_argv.py', '-k', 'argv'];
  await runIn('python3', ['-m', 'pytest', ...args], dir, '', join(work, 'tmp'), { ARGV_OUT: out });
  const pytest = argv();
  expect(pytest.slice(1)).toEqual(args);
  for (const engine of ['native', 'pytest']) {
    await runIn(process.execPath, [cli, ...args, '--engine', engine], dir, '', join(work, 'tmp'), { ARGV_OUT: out });
    const fastest = argv();
    expect({ engine, argv: fastest.slice(1) }).toEqual({ engine, argv: args });
    // the `pytest` script beside the interpreter, as when pytest is typed (else pytest's __main__.py)
    expect(['pytest', '__main__.py']).toContain(basename(fastest[0]!));
  }
});

it.skipIf(!hasModule('xdist'))("with -n, a test's sys.argv is pytest-xdist's workers' (typer's coverage of a click app run with no arguments)", async () => {
  const { dir, out, argv } = argvProject('x');
  const args = ['-p', 'no:cacheprovider', '-q', 'test_argv.py'];
  for (const workers of ['1', '2']) {
    await runIn('python3', ['-m', 'pytest', '-p', 'xdist', '-n', workers, ...args], dir, '', join(work, 'tmp'), { ARGV_OUT: out });
    const pytest = argv();
    expect(pytest).toEqual(['-c']);
    for (const engine of ['native', 'pytest']) {
      await runIn(process.execPath, [cli, '-n', workers, '--engine', engine, ...args], dir, '', join(work, 'tmp'), { ARGV_OUT: out });
      expect({ engine, workers, argv: argv() }).toEqual({ engine, workers, argv: pytest });
    }
  }
});

// The tests' __main__ is the `pytest` script's (no __spec__, no __package__), not the worker's
// module as under `python -m`: hypothesis warns of a conftest's `.example()` only under a module's
// __main__ (hpack: `NonInteractiveExampleWarning` that its CI's `pytest` never shows), click names
// the program from __package__.
it("a test's __main__ is the pytest script's, in either engine and worker count", async () => {
  const dir = join(work, 'main');
  writeLines(dir, 'pytest.ini', ['[pytest]']);
  writeLines(dir, 'test_main.py', [
    'import json, os, sys',
    '',
    'def test_main():',
    '    main = sys.modules["__main__"]',
    '    with open(os.environ["MAIN_OUT"], "w") as f:',
    '        json.dump([repr(main.__spec__), main.__package__, os.path.basename(main.__file__)], f)',
  ]);
  const out = join(work, 'main.json');
  const main = () => JSON.parse(readFileSync(out, 'utf8')) as unknown[];
  const args = ['-p', 'no:cacheprovider', '-q', 'test_main.py'];
  await runIn('pytest', args, dir, '', join(work, 'tmp'), { MAIN_OUT: out });
  const pytest = main();
  expect(pytest).toEqual(['None', null, 'pytest']);
  for (const [engine, workers] of [
    ['native', '1'],
    ['pytest', '2'],
  ]) {
    await runIn(process.execPath, [cli, ...args, '--engine', engine!, '-n', workers!], dir, '', join(work, 'tmp'), { MAIN_OUT: out });
    expect({ engine, main: main() }).toEqual({ engine, main: pytest });
  }
});
