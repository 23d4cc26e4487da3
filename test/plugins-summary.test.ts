// What plugins write at the end of a session (their pytest_terminal_summary hooks) and
// pytest-benchmark's table, checked against real pytest on test/fixtures/plugin-summary: a
// conftest.py summary section, benchmarks in two modules (one through a conftest fixture that
// requests `benchmark`) and plain tests beside them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixtureCopies, hasModule, runIn, type Ran } from './helpers/against-pytest.js';

const fixture = join(__dirname, 'fixtures', 'plugin-summary');
const { work, project } = fixtureCopies(fixture, 'fastest-plugins-summary-');

// The installed plugins load, as for a user (the comparison helpers turn autoloading off).
const PLUGINS_ON = { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '' };
const pytest = (args: string[], dir: string): Promise<Ran> =>
  runIn('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], dir, '', join(work, 'tmp'), PLUGINS_ON);
const fastest = (args: string[], dir: string): Promise<Ran> => runIn(process.execPath, [cli, '--no-cache', ...args], dir, '', join(work, 'tmp'), PLUGINS_ON);

/** The closing line without its time. */
function closing(out: string): string {
  const last = out.trimEnd().split('\n').at(-1) ?? '';
  return last.replace(/^=+ | =+$/g, '').replace(/ in [\d.]+s( \([^)]*\))?$/, '');
}

/**
 * The end of the output, from the first summary section to the closing line, with what changes
 * from run to run made constant: a benchmark table keeps its title, its column names, each row's
 * name and number of columns, and its legend; the time unit and the numbers go.
 */
function summaryShape(out: string): string[] {
  const lines = out.trimEnd().split('\n');
  // after the last progress line
  let start = lines.length;
  while (start > 0 && !/ \[\s*\d+%\]$/.test(lines[start - 1])) start--;
  let columns = 0;
  return lines.slice(start, -1).map((line) => {
    const title = /^-+ (benchmark.*?) -+$/.exec(line);
    if (title) return `TABLE ${title[1]}`;
    if (/^-+$/.test(line)) return 'RULE';
    const header = /^Name \(time in \S+\)\s+(.*)$/.exec(line);
    if (header) {
      columns = header[1].trim().split(/\s+(?=[A-Z])/).length;
      // (the OPS unit scales with the numbers too)
      return `COLUMNS ${header[1]
        .trim()
        .replace(/ \(\S+\/s\)/, '')
        .replace(/\s+/g, ' ')}`;
    }
    const row = /^(test_\S+)\s+(.*)$/.exec(line);
    if (row && columns > 0) return `ROW ${row[1]} ${row[2].trim().split(/\s+/).length >= columns ? 'full' : 'short'}`;
    return line.replace(/ in [\d.]+s/, ' in T');
  });
}

/** The names of the benchmarks a --benchmark-json file holds, in its order. */
function jsonNames(file: string): string[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { benchmarks: { fullname: string }[] };
  return data.benchmarks.map((bench) => bench.fullname);
}

/**
 * The fixture without its conftest hook and fixture: test_decode.py requests `benchmark` itself;
 * `ini` is added to pytest.ini.
 */
function withoutConftestHooks(ini: string): (dir: string) => void {
  return (dir: string) => {
    writeFileSync(join(dir, 'conftest.py'), '');
    writeFileSync(join(dir, 'pytest.ini'), `[pytest]\ntestpaths = tests\n${ini}`);
    writeFileSync(join(dir, 'tests', 'conftest.py'), '');
    const decode = join(dir, 'tests', 'test_decode.py');
    writeFileSync(
      decode,
      readFileSync(decode, 'utf8').replace(
        'def test_decode_all(decode_all):\n    assert len(decode_all())',
        'def test_decode_all(benchmark):\n    assert len(benchmark(lambda: [json.loads(s) for s in SAMPLES]))',
      ),
    );
  };
}

describe.skipIf(!hasModule('pytest_benchmark'))("plugins' terminal summary and pytest-benchmark", () => {
  it("prints the conftest's section once and pytest-benchmark's one table where pytest does, with -n 1 and -n 2", async () => {
    const p = await pytest([], project());
    expect(p.code).toBe(0);
    const expected = summaryShape(p.out);
    expect(expected).toContain('TABLE benchmark: 4 tests');
    expect(expected).toContain('format: {"encoding": "utf-8", "records": 50}');
    for (const workers of ['1', '2']) {
      const f = await fastest(['-n', workers], project());
      expect({ workers, code: f.code, err: f.err }).toEqual({ workers, code: 0, err: '' });
      expect({ workers, shape: summaryShape(f.out) }).toEqual({ workers, shape: expected });
    }
  }, 180_000);

  it('without the conftest hook and benchmark options the plain modules run natively, and the table is still one', async () => {
    // (a --benchmark-* option that writes or selects sends every module to the pytest engine, as
    // any plugin option, and so does a conftest fixture that requests `benchmark`: the native
    // engine has no such fixture)
    const plain = withoutConftestHooks('');
    const p = await pytest(['-q'], project(plain));
    const f = await fastest(['-q', '-n', '2', '--show-engines'], project(plain));
    expect(f.code).toBe(p.code);
    expect(f.out).toMatch(/test_plain_1\.py: native engine/);
    expect(f.out).toMatch(/test_decode\.py: pytest engine/);
    // rows sorted: pytest-benchmark's default order (fastest first) changes from run to run
    const table = (out: string) => {
      const lines = summaryShape(out).filter((line) => /^(TABLE|COLUMNS|ROW)/.test(line));
      return [...lines.filter((line) => !line.startsWith('ROW')), ...lines.filter((line) => line.startsWith('ROW')).sort()];
    };
    expect(table(p.out)).toContain('TABLE benchmark: 4 tests');
    expect(table(f.out)).toEqual(table(p.out));
    expect(closing(f.out)).toBe(closing(p.out));
  }, 180_000);

  it('--benchmark-disable and the tuning options: every module runs natively (the benchmark fixture too), no table, as pytest', async () => {
    const plain = withoutConftestHooks('addopts = --benchmark-disable\n');
    const args = ['-q', '--benchmark-min-rounds', '2'];
    const p = await pytest(args, project(plain));
    expect(p.code).toBe(0);
    expect(p.out).not.toContain('benchmark: ');
    for (const workers of ['1', '2']) {
      const f = await fastest([...args, '-n', workers, '--show-engines'], project(plain));
      expect({ workers, code: f.code, err: f.err }).toEqual({ workers, code: 0, err: '' });
      expect(f.out).toMatch(/test_plain_1\.py: native engine/);
      expect(f.out).toMatch(/test_decode\.py: native engine/);
      expect(f.out).not.toContain('benchmark: ');
      expect(closing(f.out)).toBe(closing(p.out));
    }
  }, 180_000);

  it('--benchmark-json writes every benchmark, in pytest order, from one worker', async () => {
    const pdir = project();
    const fdir = project();
    const p = await pytest(['-q', '--benchmark-json=out.json'], pdir);
    const f = await fastest(['-q', '-n', '2', '--benchmark-json=out.json'], fdir);
    expect(f.code).toBe(p.code);
    expect(existsSync(join(fdir, 'out.json'))).toBe(true);
    expect(jsonNames(join(fdir, 'out.json'))).toEqual(jsonNames(join(pdir, 'out.json')));
    expect(jsonNames(join(pdir, 'out.json'))).toHaveLength(4);
    expect(closing(f.out)).toBe(closing(p.out));
  }, 180_000);

  it("what pytest-benchmark writes to stderr at the session's end ('Wrote benchmark data in', 'Saved benchmark data in') is shown as pytest shows it", async () => {
    const p = await pytest(['-q', '--benchmark-json=out.json'], project());
    expect(p.err).toMatch(/Wrote benchmark data in: .*out\.json/);
    for (const workers of ['1', '2']) {
      const f = await fastest(['-q', '-n', workers, '--benchmark-json=out.json'], project());
      expect({ workers, err: f.err }).toEqual({ workers, err: p.err });
    }
    // the saved file's name has the date and time of the run in it
    const saved = (err: string) => err.replace(/_\d{8}_\d{6}(_uncommited-changes)?\.json/g, '_DATE.json').replace(/p\d+\/\.benchmarks/g, 'P/.benchmarks');
    const pa = await pytest(['-q', '--benchmark-autosave'], project());
    expect(pa.err).toMatch(/Saved benchmark data in: /);
    const fa = await fastest(['-q', '-n', '2', '--benchmark-autosave'], project());
    expect(saved(fa.err)).toBe(saved(pa.err));
  }, 180_000);

  it('--benchmark-autosave saves one run with every benchmark', async () => {
    const fdir = project();
    const f = await fastest(['-q', '-n', '2', '--benchmark-autosave'], fdir);
    expect(f.code).toBe(0);
    const saved = execFileSync('find', [join(fdir, '.benchmarks'), '-name', '*.json'], { encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(saved).toHaveLength(1);
    expect(jsonNames(saved[0]).sort()).toEqual([
      'tests/test_decode.py::test_decode_all',
      'tests/test_decode.py::test_decode_one',
      'tests/test_encode.py::test_encode[10]',
      'tests/test_encode.py::test_encode[1]',
    ]);
  }, 180_000);

  it('--benchmark-skip, --benchmark-only and --benchmark-disable count as in pytest, without a table where pytest has none', async () => {
    for (const option of ['--benchmark-skip', '--benchmark-only', '--benchmark-disable']) {
      const p = await pytest(['-q', option], project());
      const f = await fastest(['-q', '-n', '2', option], project());
      expect({ option, code: f.code, closing: closing(f.out) }).toEqual({ option, code: p.code, closing: closing(p.out) });
      expect({ option, shape: summaryShape(f.out) }).toEqual({ option, shape: summaryShape(p.out) });
    }
  }, 300_000);
});
