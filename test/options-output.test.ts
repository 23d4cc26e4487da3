// What each pytest option changes in the output, against real pytest (issue 13: "for each option
// a test of its effect against pytest's"). Each case runs pytest, then fastest, in the same
// directory (a fresh copy of the project each time, so rootdir and paths read alike) and compares
// the exit code, the whole stdout and stderr (times and fastest's own header lines left out) and
// the files the option writes. Stateful options (cache, stepwise, new-first) run the same rounds
// under both. test/option-registry.test.ts maps every option of `pytest --help` to its test.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, normalOutput as normal, runIn as run, type Ran } from './helpers/against-pytest.js';

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-optout-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PROJECT: Record<string, string> = {
  'pytest.ini': '[pytest]\nmarkers =\n    slow: a slow test\n',
  'other.ini': '[pytest]\naddopts = -rA\nmarkers =\n    slow: a slow test\n',
  'test_a.py': [
    'import logging',
    'import sys',
    'import warnings',
    'import pytest',
    '',
    'def test_pass():',
    '    logging.getLogger("a").warning("warned %s", 1)',
    '    logging.getLogger("a").info("info here\\nsecond line")',
    '    print("out here")',
    '    sys.stderr.write("err here\\n")',
    '',
    'def test_fail():',
    '    logging.getLogger("b").error("bad thing")',
    '    print("fail out")',
    '    assert 1 == 2',
    '',
    '@pytest.mark.skip(reason="no")',
    'def test_skip():',
    '    pass',
    '',
    '@pytest.mark.slow',
    'def test_tmp(tmp_path):',
    '    (tmp_path / "made.txt").write_text("x")',
    '',
    'def test_warn():',
    '    warnings.warn(UserWarning("careful"))',
    '',
  ].join('\n'),
};

function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      found.push(relative(dir, full));
      if (statSync(full).isDirectory()) walk(full);
    }
  };
  walk(dir);
  return found;
}

interface Case {
  /** Files added to PROJECT for this case. */
  files?: Record<string, string>;
  /** The arguments of each round; every round is compared. */
  rounds: string[][];
  /** Typed into the debugger (--pdb, --trace). */
  input?: string;
  /** Called before each round after the first (a new test file for --nf). */
  between?: (dir: string, round: number) => void;
  /** What the option writes, as text to compare. */
  artifacts?: (dir: string) => unknown;
  /** fastest's own arguments added to each of its rounds (its engine choice). */
  fastestArgs?: string[];
  /** The view of the output to compare, where the whole output cannot agree line for line. */
  view?: (r: Ran) => unknown;
  /** Environment of both tools' runs. */
  env?: NodeJS.ProcessEnv;
}

async function both(name: string, c: Case): Promise<{ pytest: unknown[]; fastest: unknown[] }> {
  const dir = join(work, name);
  const seen: Record<'pytest' | 'fastest', unknown[]> = { pytest: [], fastest: [] };
  for (const who of ['pytest', 'fastest'] as const) {
    rmSync(dir, { recursive: true, force: true });
    for (const [path, text] of Object.entries({ ...PROJECT, ...c.files })) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    for (const [round, args] of c.rounds.entries()) {
      if (round > 0) c.between?.(dir, round);
      const r =
        who === 'pytest'
          ? await run('python3', ['-m', 'pytest', ...args], dir, c.input ?? '', join(work, '_temproot', name, who), c.env)
          : await run(process.execPath, [cli, ...args, ...(c.fastestArgs ?? [])], dir, c.input ?? '', join(work, '_temproot', name, who), c.env);
      const view = c.view ? c.view(r) : { code: r.code, out: normal(r.out), err: normal(r.err) };
      seen[who].push({ round, args, view, artifacts: c.artifacts?.(dir) });
    }
  }
  return seen;
}

const lines = (text: string) => text.split('\n');

const CASES: Record<string, Case> = {
  // verbosity
  '-v': { rounds: [['-v']] },
  '-vv': { rounds: [['-vv']] },
  '-q': { rounds: [['-q']] },
  '-qq': { rounds: [['-qq']] },
  '--verbosity=2': { rounds: [['--verbosity=2']] },
  '--verbosity=-1': { rounds: [['--verbosity=-1']] },
  '--no-header': { rounds: [['--no-header', '-v']] },
  // capture
  '--capture=fd': { rounds: [['--capture=fd', '-rA']] },
  '--capture=sys': { rounds: [['--capture=sys', '-rA']] },
  '--capture=tee-sys': { rounds: [['--capture=tee-sys', '-rA']] },
  // -s: every worker streams what its tests print as they print it, so the lines cannot
  // interleave with the progress line as pytest's single process does; what was printed, the
  // outcomes, the report and the exit code are pytest's. (The test's stderr arrives on stdout:
  // the worker's stderr carries both streams.)
  '-s': {
    rounds: [['-s', '-rA']],
    view: (r) => ({
      code: r.code,
      printed: lines(r.out + r.err)
        .filter((l) => /out here|err here|fail out/.test(l))
        .map((l) => l.replace(/^.*?(out here|err here|fail out).*$/, '$1'))
        .sort(),
      after: normal(r.out).split(/^=+ FAILURES =+$/m)[1],
    }),
  },
  '--capture=no': {
    rounds: [['--capture=no']],
    view: (r) => ({ code: r.code, after: normal(r.out).split(/^=+ FAILURES =+$/m)[1] }),
  },
  '--show-capture=stdout': { rounds: [['--show-capture=stdout']] },
  '--show-capture=log': { rounds: [['--show-capture=log']] },
  // captured logging
  '--log-level --log-format --log-date-format': {
    rounds: [['--log-level=INFO', '--log-format=%(asctime)s %(levelname)s [%(name)s] %(message)s', '--log-date-format=%Y', '-rA']],
  },
  '--log-auto-indent': { rounds: [['--log-level=INFO', '--log-auto-indent=on', '-rA']] },
  '--log-disable': { rounds: [['--log-disable=b', '-rA']] },
  // live logs
  '--log-cli-level --log-cli-format --log-cli-date-format': {
    rounds: [['--log-cli-level=INFO', '--log-cli-format=%(asctime)s %(levelname)s %(message)s', '--log-cli-date-format=%Y']],
  },
  // the log file
  '--log-file --log-file-level --log-file-format --log-file-date-format --log-file-mode': {
    rounds: [
      ['--log-file=run.log', '--log-file-level=INFO', '--log-file-format=%(asctime)s %(levelname)s %(message)s', '--log-file-date-format=%Y'],
      ['--log-file=run.log', '--log-file-mode=a', '--log-file-level=WARNING', '--log-file-format=%(levelname)s %(message)s'],
    ],
    artifacts: (dir) => readFileSync(join(dir, 'run.log'), 'utf8'),
  },
  // files the session writes
  '--basetemp': { rounds: [['--basetemp=bt', '-q']], artifacts: (dir) => tree(join(dir, 'bt')).filter((p) => !p.includes('-current')) },
  '--junitxml --junit-prefix': {
    rounds: [['--junitxml=out.xml', '--junit-prefix=pre']],
    artifacts: (dir) =>
      [...readFileSync(join(dir, 'out.xml'), 'utf8').matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => `${m[1]}::${m[2]}`),
  },
  '--debug': {
    rounds: [
      ['--debug', '-q'],
      ['--debug=other.log', '-q'],
    ],
    artifacts: (dir) =>
      ['pytestdebug.log', 'other.log'].map((f) => existsSync(join(dir, f)) && readFileSync(join(dir, f), 'utf8').includes('pytest_sessionstart')),
  },
  // no network here: pytest's own failure to reach the paste service, as pytest reports it
  '--pastebin=failed': { rounds: [['--pastebin=failed']] },
  '--pastebin=all': { rounds: [['--pastebin=all', '-q']] },
  // the debugger, driven through stdin
  '--pdb': { rounds: [['--pdb']], input: 'p 6 * 7\nc\n' },
  '--pdb --pdbcls': { rounds: [['--pdb', '--pdbcls=pdb:Pdb']], input: 'c\n' },
  '--trace': { rounds: [['--trace', '-k', 'pass or fail']], input: 'n\nc\nq\n' },
  // warnings, plugins, configuration
  '-W error::UserWarning': { rounds: [['-W', 'error::UserWarning']] },
  '--disable-warnings': { rounds: [['--disable-warnings']] },
  '-p no:warnings': { rounds: [['-p', 'no:warnings']] },
  '-p no:cacheprovider': { rounds: [['-p', 'no:cacheprovider', '-v']], artifacts: (dir) => existsSync(join(dir, '.pytest_cache')) },
  '-o': { rounds: [['-o', 'log_level=INFO', '--override-ini=console_output_style=classic']] },
  '-c': { rounds: [['-c', 'other.ini']] },
  // --rootdir above the invocation directory: workers run where fastest was started and write a
  // traceback's files relative to it, as pytest does (--tb=short: every entry)
  '--rootdir': {
    rounds: [
      ['--rootdir=..', '-rA'],
      ['--rootdir=..', '--tb=short', '-q'],
    ],
  },
  '--rootdir missing': { rounds: [['--rootdir=sub', '-q']] },
  '--strict': { rounds: [['--strict', '-m', 'slow']] },
  '--strict-config': { rounds: [['--strict-config', '-o', 'bogus_key=1']] },
  // selection and stopping
  '-k': { rounds: [['-k', 'pass or tmp', '-rA']] },
  '-m': { rounds: [['-m', 'not slow', '-rA']] },
  '-x': { rounds: [['-x']] },
  '--maxfail': { rounds: [['--maxfail=1']] },
  '--continue-on-collection-errors': {
    files: { 'test_broken.py': 'import no_such_module_here\n' },
    rounds: [['-q'], ['--continue-on-collection-errors', '-q']],
  },
  '-l': { rounds: [['-l']] },
  '--no-showlocals': { rounds: [['-l', '--no-showlocals']] },
  '--collect-only': { rounds: [['--collect-only']] },
  '--co -q': { rounds: [['--co', '-q']] },
  // the terminal report
  '--tb=short': { rounds: [['--tb=short']] },
  // --tb=native: the traceback from pytest's runner frames down, as pytest prints it (the
  // modules run in the pytest engine)
  '--tb=native': { rounds: [['--tb=native'], ['--tb=native', '--tb=short']] },
  '--color=no': { rounds: [['--color=no']] },
  // --color=yes: pytest's colours throughout, the failure's source highlighted by pygments
  // (importable in the test environment), the crash line's file in bold red and the level names of
  // captured log lines coloured (pytest's ColoredLevelFormatter), as the worker renders them with
  // pytest's own writer and formatter, in both engines; --code-highlight=no leaves the source
  // plain. ERROR's two escape codes come in the order of a set: PYTHONHASHSEED (compareEnv in
  // test/helpers/against-pytest.ts) fixes
  // it for both tools.
  '--color=yes': {
    rounds: [
      ['--color=yes', '-rA'],
      ['--color=yes', '--code-highlight=no', '--tb=short'],
    ],
  },
  '--color=yes, pytest engine': { rounds: [['--color=yes', '-rA']], fastestArgs: ['--engine', 'pytest'] },
  // colour from the environment, as pytest's terminal writer reads it (docutils' CI sets
  // FORCE_COLOR): the short summary then keeps a failure's whole message
  'FORCE_COLOR=1': { rounds: [['-rA'], ['--color=no']], env: { FORCE_COLOR: '1' } },
  'PY_COLORS=1': { rounds: [['-rA']], env: { PY_COLORS: '1', NO_COLOR: '1' } },
  'PY_COLORS=0': { rounds: [['-rA', '--code-highlight=no']], env: { PY_COLORS: '0', FORCE_COLOR: '1' } },
  // the level names in the JUnit file's captured log too (pytest writes the coloured sections)
  '--color=yes junit_logging': {
    rounds: [['--color=yes', '-q', '-o', 'junit_logging=all', '--junitxml=out.xml']],
    artifacts: (dir) => readFileSync(join(dir, 'out.xml'), 'utf8').replace(/ (time|timestamp|hostname)="[^"]*"/g, ''),
  },
  // a collection error under --color=yes: its source highlighted, the `Interrupted` line plain
  '--color=yes collection error': {
    files: { 'test_b.py': 'def f():\n    raise ValueError("boom")\n\nf()\n' },
    rounds: [['--color=yes']],
  },
  '--durations': {
    rounds: [['--durations=0', '--durations-min=0', '-q']],
    // equal durations tie: pytest keeps its report order, so compare the lines as a set
    view: (r) => ({ code: r.code, lines: lines(normal(r.out)).sort() }),
  },
  // pytest's cache across runs
  '--lf': { rounds: [['-q'], ['--lf', '-q']] },
  // --ff: pytest's order, the failed test of the module first (a module comes twice when only some
  // of its tests failed: test/runner.test.ts, unitsInItemOrder)
  '--ff': { rounds: [['-q'], ['--ff', '-v']] },
  '--lfnf=none': {
    rounds: [
      ['-q', '-k', 'pass'],
      ['--lf', '--lfnf=none', '-q'],
    ],
  },
  '--cache-clear': { rounds: [['-q'], ['--lf', '--cache-clear', '-q']] },
  '--cache-show': { rounds: [['-q'], ['--cache-show']] },
  '--cache-show=glob': { rounds: [['-q'], ['--cache-show', 'cache/last*']] },
  '--nf': {
    rounds: [['-q'], ['--nf', '-v']],
    between: (dir) => {
      writeFileSync(join(dir, 'test_new.py'), 'def test_new():\n    pass\n');
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(dir, 'test_new.py'), later, later);
    },
  },
  '--sw': {
    rounds: [
      ['--sw', '-q'],
      ['--sw', '-q'],
    ],
  },
  '--sw-skip': {
    rounds: [
      ['--sw-skip', '-v'],
      ['--sw-skip', '-v'],
    ],
  },
  '--sw-reset': {
    rounds: [
      ['--sw', '-q'],
      ['--sw-reset', '-q'],
    ],
  },
};

describe('what each option changes in the output, against pytest', () => {
  it.concurrent.each(Object.keys(CASES))('%s', async (name) => {
    const seen = await both(name.replace(/[^a-z0-9]+/gi, '_'), CASES[name]);
    expect(seen.fastest).toEqual(seen.pytest);
  });
});
