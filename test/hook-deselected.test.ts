// A conftest's pytest_collection_modifyitems that deselects tests and says so through
// `config.hook.pytest_deselected` (the `--integration` / device-mark pattern): pytest counts them
// as deselected (`collected 9 items / 3 deselected / 6 selected`, `6 passed, 3 deselected`).
// Each worker runs the hook over the modules it collects and reports what it deselected; Node
// counts each id once, and only those the command line collects (node-id arguments leave a
// module's other tests uncollected). The collected line, the closing line and the exit code are
// compared here with the installed pytest's, for both engines, one and two workers, and (the
// default setting) after a run taught discovery; and `--co -q` whole.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eachSettingAgainstPytest, fastestOutput, projectPerEngine } from './helpers/against-pytest.js';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' };

const CONFTEST = [
  'def pytest_addoption(parser):',
  '    parser.addoption("--integration", action="store_true")',
  '',
  'def pytest_collection_modifyitems(config, items):',
  '    if config.getoption("--integration"):',
  '        return',
  '    selected, deselected = [], []',
  '    for item in items:',
  '        gone = "integration" in item.keywords or item.name.endswith("[heavy]")',
  '        (deselected if gone else selected).append(item)',
  '    if deselected:',
  '        config.hook.pytest_deselected(items=deselected)',
  '        items[:] = selected',
  '',
].join('\n');

function writeProject(dir: string): void {
  mkdirSync(join(dir, 'tests'));
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\nmarkers =\n    integration: needs the service\n');
  writeFileSync(join(dir, 'tests', 'conftest.py'), CONFTEST);
  const module = 'import pytest\n\ndef test_1():\n    pass\n\n@pytest.mark.integration\ndef test_2():\n    pass\n\ndef test_3():\n    pass\n';
  for (const name of ['a', 'b']) writeFileSync(join(dir, 'tests', `test_${name}.py`), module);
  writeFileSync(
    join(dir, 'tests', 'test_p.py'),
    'import pytest\n\n@pytest.mark.parametrize("size", ["light", "heavy"])\ndef test_size(size):\n    assert size\n\nclass TestK:\n    @pytest.mark.integration\n    def test_k(self):\n        pass\n\n    def test_m(self):\n        pass\n',
  );
}

const dirs = projectPerEngine('fastest-hook-deselected-', writeProject);

interface Outcome {
  code: number | null;
  /** The collected line and the closing line (a run), or the whole output (--co -q). */
  lines: string[];
}

function outcomeOf(code: number | null, out: string, listing: boolean): Outcome {
  const text = out.replace(/ in \d+\.\d\ds( =*)?$/gm, ' in T$1');
  if (listing) return { code, lines: text.trimEnd().split('\n') };
  return { code, lines: text.split('\n').filter((line) => /^collected |(passed|deselected|no tests ran).* in T/.test(line)) };
}

const expected = new Map<string, Outcome>();
function pytest(args: string[]): Outcome {
  const key = JSON.stringify(args);
  if (!expected.has(key)) {
    const r = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], { cwd: dirs[0], env, encoding: 'utf8' });
    expected.set(key, outcomeOf(r.status, r.stdout + r.stderr, args.includes('--co')));
  }
  return expected.get(key)!;
}

async function fastest(dir: string, args: string[]): Promise<Outcome> {
  const { code, out } = await fastestOutput(['-p', 'no:cacheprovider', ...args], dir, env);
  return outcomeOf(code, out, args.includes('--co'));
}

const CASES: string[][] = [
  [],
  ['--integration'],
  ['-k', 'test_1 or size'],
  ['-k', 'test_2'],
  ['-m', 'integration'],
  ['--deselect', 'tests/test_a.py::test_1'],
  ['tests/test_a.py::test_2'],
  ['tests/test_a.py::test_2', 'tests/test_b.py::test_1'],
  ['tests/test_p.py::test_size'],
  ['tests/test_p.py::TestK'],
  ['--co', '-q'],
  ['--co', '-q', '-k', 'test_1'],
  ['--co', '-q', 'tests/test_a.py::test_2', 'tests/test_b.py::test_1'],
];

describe('tests a conftest hook deselects are counted as pytest counts them', () => {
  beforeAll(() => {
    for (const args of CASES) pytest(args);
  });

  it('pytest counts them (the fixture is what it means to be)', () => {
    expect(pytest([]).lines).toEqual([
      'collected 10 items / 4 deselected / 6 selected',
      '======================= 6 passed, 4 deselected in T ========================',
    ]);
  });

  eachSettingAgainstPytest(dirs, CASES, ['-q', '-p', 'no:cacheprovider'], env, fastest, pytest);

  it('the native engine runs such a module itself', async () => {
    const dir = dirs[0]!;
    const r = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '--show-engines', '-n', '1'], { cwd: dir, env, encoding: 'utf8' });
    expect(r.stdout).toContain('tests/test_a.py: native engine\n');
    expect(r.stdout).not.toContain('pytest engine');
  });
});
