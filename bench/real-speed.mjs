// Real suites speed (issue 17 item 6): for real projects of bench/corpus.json, with their own
// config untouched, times in the same rounds, alternating:
//   pytest            python -m pytest -q ARGS
//   xdist             python -m pytest -q -n auto ARGS   (pytest-xdist, see --xdist)
//   fastest cold      fastest -q ARGS with no .fastest/ (a fresh checkout)
//   fastest warm      fastest -q ARGS a third time (the cold run and a second run, which may make
//                     the warm-parent probe once per checkout, are its untimed warm-up)
// and gives medians of wall and CPU seconds (user + system of the whole process tree, GNU time),
// the same-run ratios pytest/fastest and xdist/fastest, the load average at each run and each
// runner's last summary line and exit code.
//
// Usage: node bench/real-speed.mjs [NAME...] [--rounds N] [--fastest DIR] [--out FILE]
//                                  [--xdist DIR] [--work DIR] [--timeout SEC] [--extra K=V]
//   NAME       projects of bench/corpus.json (default: click attrs packaging jsonschema pygments
//              dateutil jinja structlog more-itertools flask@.venv903 loguru); NAME@VENV runs it
//              with the venv VENV beside its .venv (flask: pytest 9.1.1 stops at its conftest's
//              use of the removed _pytest.monkeypatch.notset, so its .venv903 with pytest 9.0.3)
//   --xdist    a directory holding pytest-xdist and execnet (pip install --target DIR); it is put
//              on PYTHONPATH for the xdist runs only, so the projects' venvs stay as they are and
//              the other runners see exactly the project's environment
//   --work     where each project is copied (its .venv excluded), so runs here never race with
//              other users of /work/corpus; its package still imports from its venv (editable)
//   --out      JSON lines, one object per project (appended)
//   --extra    an environment variable for the fastest runs only (e.g. FASTEST_WARM_PARENT=0)
//   --base DIR another fastest checkout (a `git archive` of the base commit), measured cold and
//              warm in the same rounds ("base cold", "base warm"), for before/after ratios
//   --no-xdist leave the xdist runner out
//   --list     the project list (default bench/corpus.json; same shape)
//   --floor    also, per round, pytest with --junit-xml and `python -c "import pytest"`: the sum of
//              the testcases' times (setup + call + teardown: the suite's own code, which no
//              runner makes cheaper), the longest testcase, and a worker's least start; the
//              floor of any runner on `--cores` cores (default 2) is start + max(that sum /
//              cores, the longest testcase), and pytest's wall over it the largest speed-up any
//              runner could reach on the project
//   --floor-only  pytest and the floor's runs alone (no xdist, no fastest)
//
// Bytecode: PYTHONDONTWRITEBYTECODE is unset and PYTHONPYCACHEPREFIX points outside the copy, as
// a developer's machine writes __pycache__ (pytest's rewritten test modules included); one
// untimed pytest run fills it before the first round. The venvs' site-packages are compiled.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

const here = dirname(new URL(import.meta.url).pathname);
const argv = process.argv.slice(2);
const valued = ['--rounds', '--fastest', '--out', '--xdist', '--work', '--timeout', '--extra', '--base', '--list', '--cores'];
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const rounds = Number(option('--rounds', '3'));
const cli = join(resolve(option('--fastest', resolve(here, '..'))), 'dist', 'cli.js');
const outFile = resolve(option('--out', '/tmp/real-speed.jsonl'));
const xdistDir = resolve(option('--xdist', '/work/corpus/_xdist'));
const withXdist = !argv.includes('--no-xdist');
const floorOnly = argv.includes('--floor-only');
const withFloor = floorOnly || argv.includes('--floor');
const cores = Number(option('--cores', '2'));
const baseCli = option('--base', null) === null ? null : join(resolve(option('--base')), 'dist', 'cli.js');
const workRoot = resolve(option('--work', join(tmpdir(), 'fastest-real-speed')));
const timeoutMs = Number(option('--timeout', '900')) * 1000;
const fastestExtra = Object.fromEntries(argv.flatMap((a, i) => (argv[i - 1] === '--extra' ? [a.split('=')] : [])).map(([k, ...v]) => [k, v.join('=')]));
const chosen = argv.filter((a, i) => !a.startsWith('--') && !valued.includes(argv[i - 1]));
const defaults = ['click', 'attrs', 'packaging', 'jsonschema', 'pygments', 'dateutil', 'jinja', 'structlog', 'more-itertools', 'flask@.venv903', 'loguru'];
const list = JSON.parse(readFileSync(resolve(option('--list', join(here, 'corpus.json'))), 'utf8')).projects;
const projects = (chosen.length ? chosen : defaults).map((spec) => {
  const [name, venv] = spec.split('@');
  const p = list.find((q) => q.name === name);
  if (!p) throw new Error(`unknown project ${name}`);
  return venv ? { ...p, python: p.python.replace('/.venv/', `/${venv}/`), venv } : { ...p, venv: '.venv' };
});
if (withXdist && !floorOnly && !existsSync(join(xdistDir, 'xdist'))) {
  throw new Error(
    `no pytest-xdist in ${xdistDir}: PIP_INDEX_URL=file:///opt/pypi/simple python -m pip install --no-deps --target ${xdistDir} pytest-xdist execnet`,
  );
}

const timeFile = join(tmpdir(), `real-speed-time-${process.pid}`);
function timed(cmd, args, cwd, env) {
  const load = loadavg()[0];
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, cmd, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  const [seconds, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  const summary =
    (r.stdout ?? '')
      .trim()
      .split('\n')
      .filter((l) => l.trim())
      .at(-1)
      ?.replace(/=/g, '')
      .trim() ?? '';
  return { seconds, cpu: user + system, load, code: r.status, summary: summary.replace(/ in [\d.]+s.*$/, '') };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The sum and the longest of a JUnit file's testcase times (pytest's junit_duration_report=total). */
function testcaseSeconds(xml) {
  const text = readFileSync(xml, 'utf8');
  rmSync(xml, { force: true });
  let sum = 0;
  let longest = 0;
  for (const m of text.matchAll(/<testcase\b[^>]*?\btime="([\d.]+)"/g)) {
    sum += Number(m[1]);
    longest = Math.max(longest, Number(m[1]));
  }
  return { sum, longest };
}

for (const project of projects) {
  const copy = join(workRoot, project.name);
  if (!existsSync(copy)) {
    mkdirSync(workRoot, { recursive: true });
    const skip = new Set(['.venv', '.venv903', '.fastest', '.pytest_cache', '__pycache__']);
    cpSync(project.dir, copy, { recursive: true, filter: (src) => !skip.has(basename(src)) });
  }
  const python = project.python;
  const bin = dirname(python);
  const env = { ...process.env, VIRTUAL_ENV: dirname(bin), PATH: `${bin}:${process.env.PATH}`, PYTHONPYCACHEPREFIX: `${copy}.pycache` };
  delete env.PYTHONDONTWRITEBYTECODE;
  delete env.PYTHONHOME;
  const args = project.args ?? [];
  const fastestEnv = { ...env, ...fastestExtra };
  // fastest cold then warm, for this build and --base's (each in its own copy of .fastest)
  const fastestRunners = (label, cliPath) => [
    [
      `${label} cold`,
      () => {
        rmSync(join(copy, '.fastest'), { recursive: true, force: true });
        return timed(process.execPath, [cliPath, '-q', '--python', python, ...args], copy, fastestEnv);
      },
    ],
    [
      `${label} warm`,
      () => {
        // the checkout's second run, untimed: it may make the warm-parent probe (once per
        // checkout, never on a first run); warm is what every run after it costs
        timed(process.execPath, [cliPath, '-q', '--python', python, ...args], copy, fastestEnv);
        return timed(process.execPath, [cliPath, '-q', '--python', python, ...args], copy, fastestEnv);
      },
    ],
  ];
  const runners = [
    ['pytest', () => timed(python, ['-m', 'pytest', '-q', ...args], copy, env)],
    ...(baseCli ? fastestRunners('base', baseCli) : []),
    [
      'xdist -n auto',
      () => timed(python, ['-m', 'pytest', '-q', '-n', 'auto', ...args], copy, { ...env, PYTHONPATH: [xdistDir, env.PYTHONPATH].filter(Boolean).join(':') }),
    ],
    ...fastestRunners('fastest', cli),
    ...(withFloor
      ? [
          [
            'pytest --junit-xml',
            () => {
              const xml = join(tmpdir(), `real-speed-junit-${process.pid}.xml`);
              const r = timed(python, ['-m', 'pytest', '-q', `--junit-xml=${xml}`, ...args], copy, env);
              return { ...r, testSeconds: testcaseSeconds(xml) };
            },
          ],
          ['python -c "import pytest"', () => timed(python, ['-c', 'import pytest'], copy, env)],
        ]
      : []),
  ].filter(([name]) => (withXdist || name !== 'xdist -n auto') && !(floorOnly && (name.startsWith('fastest') || name.startsWith('xdist'))));
  timed(python, ['-m', 'pytest', '-q', ...args], copy, env); // fills the bytecode cache
  const runs = new Map(runners.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, go] of runners) {
      const r = go();
      runs.get(name).push(r);
      process.stderr.write(
        `${project.name} round ${round + 1} ${name}: ${r.seconds.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU, load ${r.load.toFixed(1)}, exit ${r.code}: ${r.summary}\n`,
      );
    }
  }
  const stats = Object.fromEntries(
    [...runs].map(([name, rs]) => [
      name,
      {
        wall: median(rs.map((r) => r.seconds)),
        cpu: median(rs.map((r) => r.cpu)),
        loads: rs.map((r) => Number(r.load.toFixed(1))),
        walls: rs.map((r) => r.seconds),
        summary: rs.at(-1).summary,
        exit: rs.at(-1).code,
        ...(rs[0].testSeconds !== undefined
          ? { testSeconds: median(rs.map((r) => r.testSeconds.sum)), longestTest: median(rs.map((r) => r.testSeconds.longest)) }
          : {}),
      },
    ]),
  );
  // same-run ratios: per round, then the median of the rounds' ratios
  const ratio = (base, runner) => (runs.has(base) && runs.has(runner) ? median(runs.get(base).map((r, i) => r.seconds / runs.get(runner)[i].seconds)) : NaN);
  const cpuRatio = (base, runner) => (stats[base] && stats[runner] ? stats[base].cpu / stats[runner].cpu : NaN);
  const record = {
    project: project.name,
    venv: project.venv,
    commit: project.commit,
    args,
    rounds,
    when: new Date().toISOString(),
    fastestExtra,
    stats,
    ratios: {
      'pytest/fastest warm': ratio('pytest', 'fastest warm'),
      'pytest/fastest cold': ratio('pytest', 'fastest cold'),
      'xdist/fastest warm': ratio('xdist -n auto', 'fastest warm'),
      'xdist/fastest cold': ratio('xdist -n auto', 'fastest cold'),
      'pytest/xdist': ratio('pytest', 'xdist -n auto'),
      ...(baseCli ? { 'pytest/base warm': ratio('pytest', 'base warm'), 'pytest/base cold': ratio('pytest', 'base cold') } : {}),
    },
    // CPU seconds are what the load does not stretch: pytest's CPU / fastest's
    cpuRatios: {
      'pytest/fastest warm': cpuRatio('pytest', 'fastest warm'),
      'pytest/fastest cold': cpuRatio('pytest', 'fastest cold'),
      'xdist/fastest warm': cpuRatio('xdist -n auto', 'fastest warm'),
      ...(baseCli ? { 'pytest/base warm': cpuRatio('pytest', 'base warm'), 'pytest/base cold': cpuRatio('pytest', 'base cold') } : {}),
    },
  };
  if (withFloor) {
    const start = stats['python -c "import pytest"'].wall;
    const { testSeconds, longestTest } = stats['pytest --junit-xml'];
    const floor = start + Math.max(testSeconds / cores, longestTest);
    record.floor = { cores, start, testSeconds, longestTest, floor, 'pytest/floor': stats.pytest.wall / floor };
  }
  appendFileSync(outFile, `${JSON.stringify(record)}\n`);
  const f = (x) => x.toFixed(2);
  console.log(`\n${project.name} (${project.commit.slice(0, 12)}, median of ${rounds})`);
  console.log('| runner | median wall s | median CPU s | load at each run | result (exit) |\n|---|---:|---:|---|---|');
  for (const [name, s] of Object.entries(stats)) console.log(`| ${name} | ${f(s.wall)} | ${f(s.cpu)} | ${s.loads.join(', ')} | ${s.summary} (${s.exit}) |`);
  if (record.floor) {
    const { start, testSeconds, longestTest, floor } = record.floor;
    console.log(
      `floor on ${cores} cores: start ${f(start)} + max(testcases ${f(testSeconds)} / ${cores}, longest ${f(longestTest)}) = ${f(floor)} s; pytest/floor ${f(record.floor['pytest/floor'])}x (the most any runner could gain)`,
    );
  }
  console.log(
    Object.entries(record.ratios)
      .filter(([, v]) => Number.isFinite(v))
      .map(([k, v]) => `${k} ${f(v)}x`)
      .join('; '),
  );
  console.log(
    `CPU: ${Object.entries(record.cpuRatios)
      .filter(([, v]) => Number.isFinite(v))
      .map(([k, v]) => `${k} ${f(v)}x`)
      .join('; ')}`,
  );
}
