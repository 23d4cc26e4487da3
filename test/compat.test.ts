// End to end through the CLI: every engine against real pytest on the same projects, per node id.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = join(__dirname, '..');
const cli = join(repo, 'dist', 'cli.js');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-compat-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Outcomes = Map<string, string>;

async function pytestOutcomes(dir: string, args: string[]): Promise<Outcomes> {
  const out = join(dir, 'pytest-outcomes.jsonl');
  await run(
    'python3',
    ['-m', 'pytest', '-p', 'native_pytest_outcomes', '-p', 'no:cacheprovider', '-p', 'no:benchmark', '-q', '--continue-on-collection-errors', ...args],
    {
      cwd: dir,
      env: { ...process.env, PYTHONPATH: join(repo, 'test'), NATIVE_PYTEST_OUT: out },
      maxBuffer: 1 << 28,
    },
  ).catch((e: { code?: number }) => {
    if (typeof e.code !== 'number' || e.code > 2) throw e;
  });
  const outcomes: Outcomes = new Map();
  for (const line of readFileSync(out, 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line) as { id: string; outcome: string; teardownError?: boolean };
    if (r.outcome === 'collect_error') outcomes.set(r.id, 'collect_error');
    else outcomes.set(r.id, `${r.outcome}${r.teardownError ? '+teardown_error' : ''}`);
  }
  return outcomes;
}

async function fastestOutcomes(dir: string, engine: string, args: string[]): Promise<{ outcomes: Outcomes; engines: Set<string> }> {
  const json = join(dir, `fastest-${engine}.json`);
  await run(
    process.execPath,
    [cli, '--engine', engine, '-n', '2', '--no-cache', '--continue-on-collection-errors', '-p', 'no:benchmark', '--json', json, ...args],
    {
      cwd: dir,
      env: { ...process.env, GITHUB_ACTIONS: '' },
      maxBuffer: 1 << 28,
    },
  ).catch((e: { code?: number }) => {
    if (typeof e.code !== 'number' || e.code > 2) throw e;
  });
  const report = JSON.parse(readFileSync(json, 'utf8')) as {
    tests: { id: string; outcome: string; teardownError: string | null; engine: string | null }[];
    collectionErrors: { file: string }[];
  };
  const outcomes: Outcomes = new Map();
  for (const e of report.collectionErrors) outcomes.set(e.file, 'collect_error');
  for (const t of report.tests) outcomes.set(t.id, `${t.outcome}${t.teardownError ? '+teardown_error' : ''}`);
  return { outcomes, engines: new Set(report.tests.map((t) => t.engine ?? '?')) };
}

function sorted(m: Outcomes): [string, string][] {
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const projects: { name: string; source: string; args: string[]; engines: string[]; knownDifferences?: Record<string, string> }[] = [
  { name: 'example project', source: join(repo, 'examples', 'demo'), args: [], engines: ['auto', 'native', 'pytest'] },
  { name: 'report fixture', source: join(repo, 'test', 'fixtures', 'report-basic'), args: ['tests'], engines: ['auto', 'pytest'] },
  {
    name: 'native fixture',
    source: join(repo, 'test', 'fixtures', 'native-basic'),
    args: [],
    engines: ['auto', 'pytest'],
    // A failing subTest is a SUBFAILED report of its own and the test passes, under every engine
    // as under pytest 9 (test/subtests.test.ts compares the reports themselves).
  },
  // auto runs modules whose marks are all registered natively and leaves the rest to pytest.
  { name: 'strict markers', source: join(repo, 'test', 'fixtures', 'native-strict-markers'), args: ['--strict-markers'], engines: ['auto', 'pytest'] },
  { name: 'strict ini', source: join(repo, 'test', 'fixtures', 'native-strict-markers'), args: ['-o', 'strict=true'], engines: ['auto'] },
  // async: pytest 9 alone (async tests fail, async fixtures error); pytest-asyncio's function-scoped
  // loops run natively; its fixtures, loop scopes and auto-mode async fixtures go to pytest under auto
  // (which module runs where, and --engine native: test/native-async.test.ts).
  { name: 'async without plugin', source: join(repo, 'test', 'fixtures', 'native-async-noplugin'), args: [], engines: ['auto'] },
  { name: 'async pytest-asyncio strict', source: join(repo, 'test', 'fixtures', 'native-async-asyncio'), args: [], engines: ['auto'] },
  { name: 'async pytest-asyncio fixtures', source: join(repo, 'test', 'fixtures', 'native-async-routed'), args: [], engines: ['auto'] },
  { name: 'async asyncio_mode auto', source: join(repo, 'test', 'fixtures', 'native-async-auto'), args: [], engines: ['auto'] },
  // Tests a conftest's pytest_collect_file makes of .yaml files (test/discovery-collect-file.test.ts).
  { name: 'conftest pytest_collect_file', source: join(repo, 'test', 'fixtures', 'discovery-collect-file'), args: [], engines: ['auto', 'pytest'] },
  {
    name: 'conftest pytest_collect_file -k',
    source: join(repo, 'test', 'fixtures', 'discovery-collect-file'),
    args: ['-k', 'cases or zeta'],
    engines: ['auto'],
  },
];

describe('fastest outcomes equal pytest outcomes, per node id', () => {
  for (const project of projects) {
    for (const engine of project.engines) {
      it(`${project.name} with --engine ${engine}`, async () => {
        const dir = join(work, `${project.name.replace(/\W/g, '-')}-${engine}`);
        cpSync(project.source, dir, { recursive: true });
        const theirs = await pytestOutcomes(dir, project.args);
        const ours = (await fastestOutcomes(dir, engine, project.args)).outcomes;
        for (const [id, outcome] of Object.entries(project.knownDifferences ?? {})) {
          if (engine !== 'pytest' && ours.has(id)) ours.set(id, theirs.get(id) ?? outcome);
        }
        expect(sorted(ours)).toEqual(sorted(theirs));
      });
    }
  }
});
