// The pytest engine collects each unit anew in one session per worker. pytest 9.1 binds a
// conftest's fixtures to the Directory node that first collected it, so every unit after the
// first must still find them (on 9.1.1 they were "not found" from the second module on).
// FASTEST_TEST_PYTHON picks the interpreter (and so the pytest version) under test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirForFile } from './helpers/temp-dir.js';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const project = resolve(__dirname, 'fixtures/runner-shared-conftest');
const python = process.env.FASTEST_TEST_PYTHON ?? 'python3';

function run(args: string[]) {
  return spawnSync(process.execPath, [cli, '-q', '-p', 'no:cacheprovider', '--no-cache', '--python', python, ...args], { cwd: project, encoding: 'utf8' });
}

describe('conftest fixtures across the units of one pytest-engine worker', () => {
  it.each([['pytest'], ['auto']])('--engine %s -n 1: every module finds them, as under pytest', (engine) => {
    const pytest = spawnSync(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: project, encoding: 'utf8' });
    const fastest = run(['-n', '1', '--engine', engine]);
    const closing = (out: string) =>
      out
        .trim()
        .split('\n')
        .at(-1)!
        .replace(/ in [\d.]+s.*$/, '');
    expect(closing(pytest.stdout)).toBe('12 passed');
    expect(closing(fastest.stdout), fastest.stdout + fastest.stderr).toBe('12 passed');
    expect(fastest.status).toBe(0);
  });
});

// pygments' tests/examplefiles/: 458 directories of files that only a conftest's pytest_collect_file
// collects. pytest's walk lists each directory once; the pytest engine collected each file in a
// perform_collect of its own, which listed every directory on its path (and made a collector for
// every file there) again for each file.
describe('files a conftest hook collects, in many directories', () => {
  it.each([['pytest'], ['auto']])('--engine %s -n 1: each directory is listed once, as under pytest', (engine) => {
    const dir = tempDirForFile('fastest-walk-');
    writeFileSync(join(dir, 'pytest.ini'), '[pytest]\ntestpaths = tests\n');
    for (const lexer of ['alpha', 'beta', 'gamma']) {
      mkdirSync(join(dir, 'tests', 'examples', lexer), { recursive: true });
      for (const name of ['one', 'two', 'three']) writeFileSync(join(dir, 'tests', 'examples', lexer, `${name}.txt`), `${lexer} ${name}\n`);
    }
    writeFileSync(
      join(dir, 'tests', 'conftest.py'),
      [
        'import os',
        'import pytest',
        'class TextItem(pytest.Item):',
        '    def runtest(self):',
        '        assert self.path.read_text().split()[0] == self.path.parent.name',
        'class TextFile(pytest.File):',
        '    def collect(self):',
        '        yield TextItem.from_parent(self, name="text")',
        'def pytest_collect_file(file_path, parent):',
        '    if file_path.suffix == ".txt":',
        '        with open(os.environ["COLLECT_LOG"], "a") as log:',
        '            log.write(file_path.parent.name + "/" + file_path.name + "\\n")',
        '        return TextFile.from_parent(parent, path=file_path)',
        '',
      ].join('\n'),
    );
    const calls = (log: string) => readFileSync(log, 'utf8').trim().split('\n').sort();
    const pytestLog = join(dir, 'pytest.log');
    const pytest = spawnSync(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, COLLECT_LOG: pytestLog },
    });
    expect(pytest.stdout).toContain('9 passed');
    const fastestLog = join(dir, 'fastest.log');
    const fastest = spawnSync(process.execPath, [cli, '-q', '-p', 'no:cacheprovider', '--no-cache', '--python', python, '-n', '1', '--engine', engine], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, COLLECT_LOG: fastestLog },
    });
    expect(fastest.stdout, fastest.stdout + fastest.stderr).toContain('9 passed');
    expect(calls(pytestLog)).toHaveLength(9);
    expect(calls(fastestLog)).toEqual(calls(pytestLog));
  });
});

// babel: the root conftest's pytest_collect_file makes every file of the rootdir a candidate the
// pytest engine collects on its own (README.txt first). pytest 9.1 drops the conftests still
// waiting for their Directory when a collection finishes: tests/conftest.py, an initial conftest,
// lost its fixtures for every module after the first file (`fixture 'fx' not found`, first run).
describe('a root conftest collecting files, and a tests/conftest.py fixture', () => {
  it.each([['pytest'], ['auto']])('--engine %s -n 1: the fixture is found, as under pytest', (engine) => {
    const dir = tempDirForFile('fastest-pending-conftest-');
    mkdirSync(join(dir, 'tests'));
    writeFileSync(join(dir, 'README.txt'), 'read me\n');
    writeFileSync(join(dir, 'conftest.py'), 'def pytest_collect_file(file_path, parent):\n    return None\n');
    writeFileSync(join(dir, 'tests', 'conftest.py'), 'import pytest\n\n@pytest.fixture\ndef fx():\n    return 1\n');
    writeFileSync(join(dir, 'tests', 'test_a.py'), 'def test_a(fx):\n    assert fx == 1\n');
    const pytest = spawnSync(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: dir, encoding: 'utf8' });
    expect(pytest.stdout).toContain('1 passed');
    const fastest = spawnSync(process.execPath, [cli, '-q', '-p', 'no:cacheprovider', '--python', python, '-n', '1', '--engine', engine], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(fastest.stdout, fastest.stdout + fastest.stderr).toContain('1 passed');
    expect(fastest.status).toBe(0);
  });
});
