// Coverage benchmark (issue 16): `fastest --cov` against `pytest --cov` and `pytest -n 2 --cov`
// (pytest-cov + pytest-xdist), measured in the same run; the JSON reports of all three are
// compared (totals and per-file missing lines) so that a fast wrong answer cannot pass.
// Usage: node bench/coverage.mjs [generated] [attrs] [more-itertools]...
//   generated: bench/gen.mjs's 10,000 trivial tests in 100 files, `--cov` (no source filter);
//              with FASTEST_BENCH_PYTHON (default .venvs/cov/bin/python: python3's packages plus
//              coverage and pytest-cov, made by test/coverage.test.ts)
//   NAME:      /work/corpus/NAME with its .venv (coverage and pytest-cov installed in it), `--cov`
//              and the project's own [tool.coverage] configuration
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSuite } from './gen.mjs';

const repo = resolve(import.meta.dirname, '..');
const cli = join(repo, 'dist', 'cli.js');
const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', GITHUB_ACTIONS: '', CI: '' };

function run(cmd, args, cwd) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env });
  const seconds = (performance.now() - started) / 1000;
  const summary = (r.stdout.trim().split('\n').pop() ?? '').replace(/=/g, '').trim();
  if (![0, 1].includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return { seconds, summary, status: r.status };
}

function essentials(path) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const files = Object.fromEntries(Object.entries(report.files).map(([name, f]) => [name, { missing: f.missing_lines, branches: f.missing_branches ?? null }]));
  return JSON.stringify({ totals: report.totals, files });
}

function measure(name, dir, python, covArgs, extraPytest = []) {
  const json = (label) => join(tmpdir(), `fastest-bench-cov-${name}-${label}.json`);
  const runners = [
    ['pytest --cov', python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...extraPytest, ...covArgs, `--cov-report=json:${json('pytest')}`]],
    [
      'pytest -n 2 --cov',
      python,
      ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-n', '2', ...extraPytest, ...covArgs, `--cov-report=json:${json('xdist')}`],
    ],
    ['fastest -n 2', process.execPath, [cli, '-q', '-n', '2', '--python', python]],
    ['fastest -n 2 --cov', process.execPath, [cli, '-q', '-n', '2', '--python', python, ...covArgs, `--cov-report=json:${json('fastest')}`]],
  ];
  // a first fastest run fills .fastest/ (discovery cache, compiled modules): the runs measured
  // are a developer's second run, as in bench/run.mjs's warm column
  run(process.execPath, [cli, '-q', '-n', '2', '--python', python], dir);
  const times = {};
  for (const [label, cmd, args] of runners) {
    const r = run(cmd, args, dir);
    times[label] = r;
    process.stderr.write(`${name}: ${label}: ${r.seconds.toFixed(2)} s (${r.summary})\n`);
  }
  const same = essentials(json('fastest')) === essentials(json('pytest'));
  const sameXdist = essentials(json('xdist')) === essentials(json('pytest'));
  const total = JSON.parse(readFileSync(json('fastest'), 'utf8')).totals.percent_covered_display;
  const ratio = (a, b) => (times[a].seconds / times[b].seconds).toFixed(2);
  return `| ${name} | ${runners.map(([l]) => `${times[l].seconds.toFixed(2)} s`).join(' | ')} | ${ratio('pytest --cov', 'fastest -n 2 --cov')}x | ${ratio('pytest -n 2 --cov', 'fastest -n 2 --cov')}x | ${total}% | ${same ? 'yes' : 'NO'} | ${sameXdist ? 'yes' : 'NO'} |`;
}

const names = process.argv.slice(2);
const lines = [];
for (const name of names.length ? names : ['generated']) {
  if (name === 'generated') {
    const python = process.env.FASTEST_BENCH_PYTHON ?? join(repo, '.venvs', 'cov', 'bin', 'python');
    if (!existsSync(python)) throw new Error(`${python} missing: run npx vitest run test/coverage.test.ts first, or set FASTEST_BENCH_PYTHON`);
    const dir = join(tmpdir(), 'fastest-bench-cov-generated');
    generateSuite(dir, { tests: 10000, perFile: 100, kind: 'trivial' });
    lines.push(measure('10,000 trivial tests, 100 files, `--cov`', dir, python, ['--cov']));
    rmSync(dir, { recursive: true, force: true });
  } else {
    const dir = join('/work/corpus', name);
    lines.push(measure(name, dir, join(dir, '.venv', 'bin', 'python'), ['--cov']));
  }
}
console.log(
  "| suite | pytest --cov | pytest -n 2 --cov | fastest -n 2 (no coverage) | fastest -n 2 --cov | vs pytest --cov | vs pytest -n 2 --cov | total | fastest report = pytest's | xdist report = pytest's |",
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
for (const l of lines) console.log(l);
