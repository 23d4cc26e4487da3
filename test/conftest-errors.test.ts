// A conftest that fails to import while pytest collects (not an initial conftest): pytest's
// collector of the conftest's directory fails, so the error is named by the directory
// (`ERROR collecting sub`, `ERROR sub - ...`, a JUnit testcase `sub`), once, however many modules
// lie below it; nothing under it is collected or counted. Compared with pytest for an ImportError,
// a warning that `filterwarnings = error` turns into one and a hook pytest refuses to register,
// under both engines and one or two workers.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, runIn } from './helpers/against-pytest.js';

let work: string;

const PROJECT: Record<string, string> = {
  'pytest.ini': '[pytest]\nfilterwarnings =\n    error\n',
  'test_a.py': 'def test_a():\n    pass\n',
  'sub/conftest.py': 'import no_such_module_here\n',
  'sub/test_s.py': 'def test_s():\n    pass\n',
  'sub/test_s2.py': 'def test_s2():\n    pass\n',
  'sub/deep/test_d.py': 'def test_d():\n    pass\n',
  'warns/conftest.py': 'import warnings\nwarnings.warn(UserWarning("from the conftest"))\n',
  'warns/test_w.py': 'def test_w():\n    pass\n',
  'warns/test_w2.py': 'def test_w2():\n    pass\n',
};

// A hook taking py.path's `path`: pytest 9 refuses to register it (PytestRemovedIn9Warning, an
// error there and under `filterwarnings = error`). The native engine leaves such a conftest to
// pytest's (auto; `--engine native` refuses the modules below it).
const LEGACY: Record<string, string> = {
  'pytest.ini': '[pytest]\nfilterwarnings =\n    error\n',
  'test_a.py': 'def test_a():\n    pass\n',
  'legacy/conftest.py': 'def pytest_collect_file(path, parent):\n    return None\n',
  'legacy/test_l.py': 'def test_l():\n    pass\n',
  'legacy/deep/test_l2.py': 'def test_l2():\n    pass\n',
};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-conftesterr-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What names and counts the errors: exit code, the error headers, the short summary, the last
 * line, the tests that ran, and JUnit's testcases (tracebacks differ: the native engine's import
 * frames are not importlib's). */
function view(code: number | null, out: string, xml: string): unknown {
  const lines = out.split('\n');
  return {
    code,
    collected: lines.find((l) => l.startsWith('collected ')),
    headers: lines.filter((l) => l.includes(' ERROR collecting ')).sort(),
    summary: lines.filter((l) => /^(ERROR|FAILED|PASSED) /.test(l)).sort(),
    last: lines
      .filter((l) => l.startsWith('=') || l.startsWith('!'))
      .at(-1)
      ?.replace(/ in [\d.]+s/, ' in T'),
    testcases: [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => `${m[1]}|${m[2]}`).sort(),
  };
}

const RUNS = [
  ['-n', '1', '--engine', 'native'],
  ['-n', '2', '--engine', 'native'],
  ['-n', '1', '--engine', 'pytest'],
  ['-n', '2', '--engine', 'pytest'],
];

const LEGACY_RUNS = [
  ['-n', '1'],
  ['-n', '2'],
  ['-n', '2', '--engine', 'pytest'],
];

describe("a conftest's import error is its directory's collection error, as pytest's", () => {
  it.concurrent.each([
    ['import error', PROJECT, RUNS, []],
    ['import error', PROJECT, RUNS, ['--continue-on-collection-errors']],
    ['refused hook', LEGACY, LEGACY_RUNS, []],
    ['refused hook', LEGACY, LEGACY_RUNS, ['--continue-on-collection-errors']],
  ] as const)('%s %j', async (name, project, runs, args) => {
    const dir = join(work, `${name.replace(' ', '-')}${args.length ? '-continue' : ''}`);
    for (const [path, text] of Object.entries(project)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const common = ['-p', 'no:cacheprovider', '-rA', '--junitxml=out.xml', ...args];
    const temp = join(dir, '..', `_temp-${name.replace(' ', '-')}`);
    const p = await runIn('python3', ['-m', 'pytest', ...common], dir, '', temp);
    const expected = view(p.code, p.out, readFileSync(join(dir, 'out.xml'), 'utf8'));
    const named = project === PROJECT ? [' sub ', ' warns '] : [' legacy '];
    expect(expected).toMatchObject({ headers: expect.arrayContaining(named.map((n) => expect.stringContaining(n))) });
    for (const extra of runs) {
      // (the refused hook: a first run, then one on what it taught discovery; the import errors'
      // runs follow each other)
      for (const round of project === PROJECT ? ['after the last'] : ['first', 'taught']) {
        if (round === 'first') rmSync(join(dir, '.fastest'), { recursive: true, force: true });
        const f = await runIn(process.execPath, [cli, ...common, ...extra], dir, '', temp);
        const run = `${round}: ${extra.join(' ')}`;
        expect({ run, ...(view(f.code, f.out, readFileSync(join(dir, 'out.xml'), 'utf8')) as object) }).toEqual({ run, ...(expected as object) });
      }
    }
  });
});
