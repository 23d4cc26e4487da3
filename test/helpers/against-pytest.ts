// Running pytest and fastest alike on the same project, for tests that compare their whole output.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

export const cli = process.env.CLI_UNDER_TEST ?? join(__dirname, '..', '..', 'dist', 'cli.js');

export const compareEnv = {
  ...process.env,
  GITHUB_ACTIONS: '',
  CI: '',
  PYTHONDONTWRITEBYTECODE: '1',
  PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1',
  COLUMNS: '80',
  PYTHONHASHSEED: '0',
};

export interface Ran {
  code: number | null;
  out: string;
  err: string;
}

/** Each run gets its own temporary root: concurrent cases sharing /tmp/pytest-of-USER race on
 * pytest's cleanup of old numbered directories and print an rm_rf warning. */
export function runIn(cmd: string, args: string[], cwd: string, input: string, tempRoot: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Ran> {
  mkdirSync(tempRoot, { recursive: true });
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { cwd, env: { ...compareEnv, PYTEST_DEBUG_TEMPROOT: tempRoot, ...extraEnv } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdin.on('error', () => {});
    child.stdin.end(input);
    child.on('close', (code) => resolvePromise({ code, out, err }));
  });
}

/** Times (and the summary line's padding, which a longer time shortens) and fastest's own header
 * lines out; everything else as printed. */
export function normalOutput(text: string): string {
  return text
    .replace(/^platform .*\n/m, '')
    .replace(/^workers: .*\n/m, '')
    .replace(/ in \d+\.\d+s( \(\d+:\d+:\d+\))?/g, ' in T')
    .replace(/=+ ([^\n]* in T[^\n]*?) =+/g, '= $1 =')
    .replace(/^\d+\.\d+s (call|setup|teardown) /gm, 'Ns $1 ');
}

/** The `PASSED|FAILED|ERROR|XFAIL|SKIPPED <id>` lines of `-rA`'s short summary, sorted. */
export function statusLines(out: string): string[] {
  return out
    .split('\n')
    .filter((line) => /^(PASSED|FAILED|ERROR|XFAIL|SKIPPED) /.test(line))
    .sort();
}

/**
 * Copies of `fixture` (fixtureCopies) and `inProject(dir, command, args)`, which runs pytest or
 * fastest in a copy with `pytestArgs` first and `env` (or the env of the copy's dir) and returns
 * the run and its fixture log (runLogged).
 */
export function loggedProjects(fixture: string, prefix: string, pytestArgs: string[], env: NodeJS.ProcessEnv | ((dir: string) => NodeJS.ProcessEnv)) {
  const { work, project } = fixtureCopies(fixture, prefix);
  const inProject = (dir: string, command: 'pytest' | 'fastest', args: string[]) =>
    runLogged(dir, command, [...pytestArgs, ...args], join(work, 'tmp'), typeof env === 'function' ? env(dir) : env);
  return { project, inProject };
}

/** A run's whole output (normalOutput), exit code and fixture log are pytest's. */
export function expectSameOutput(fastest: { ran: Ran; log: string }, pytest: { ran: Ran; log: string }, label: string): void {
  expect(normalOutput(fastest.ran.out), label).toBe(normalOutput(pytest.ran.out));
  expect(fastest.ran.code, label).toBe(pytest.ran.code);
  expect(fastest.log, label).toBe(pytest.log);
}

/** A run's outcomes (`-rA` lines), closing line and fixture log lines, in any order, are pytest's. */
export function expectSameResults(fastest: { ran: Ran; log: string }, pytest: { ran: Ran; log: string }): void {
  expect(statusLines(fastest.ran.out)).toEqual(statusLines(pytest.ran.out));
  expect(summaryLine(fastest.ran.out)).toBe(summaryLine(pytest.ran.out));
  expect(fastest.log.split('\n').sort()).toEqual(pytest.log.split('\n').sort());
}

/** Writes `lines` (a newline after each) to `path` below `dir`, making its directories. */
export function writeLines(dir: string, path: string, lines: string[]): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), lines.join('\n') + '\n');
}

/** The run's closing line without its time and its `=` padding: "2 failed, 3 passed". */
export function summaryLine(text: string): string {
  return text
    .trim()
    .split('\n')
    .at(-1)!
    .replace(/ in [\d.]+s/, '')
    .replace(/=/g, '')
    .trim();
}

/** Whether the tests' Python can import `name` (a plugin a test needs). */
export function hasModule(name: string): boolean {
  try {
    execFileSync('python3', ['-c', `import ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Fresh copies of a fixture project (each run writes its caches there) under one temporary
 * directory `work`, removed after the test file: `project(change?)` makes the next copy.
 */
export function fixtureCopies(fixture: string, prefix: string): { work: string; project: (change?: (dir: string) => void) => string } {
  const work = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  let copies = 0;
  return {
    work,
    project(change) {
      const dir = join(work, `p${copies++}`);
      cpSync(fixture, dir, { recursive: true });
      change?.(dir);
      return dir;
    },
  };
}

/**
 * pytest or fastest run in a fixture copy `dir` from a clean state (no `.fastest`, no
 * `fixture-log.txt`), with what the project's fixtures wrote to `fixture-log.txt` ('' if nothing).
 */
export async function runLogged(
  dir: string,
  command: 'pytest' | 'fastest',
  args: string[],
  tempRoot: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ ran: Ran; log: string }> {
  const logFile = join(dir, 'fixture-log.txt');
  rmSync(logFile, { force: true });
  rmSync(join(dir, '.fastest'), { recursive: true, force: true });
  const [cmd, head] = command === 'pytest' ? ['python3', ['-m', 'pytest']] : [process.execPath, [cli]];
  const ran = await runIn(cmd, [...head, ...args], dir, '', tempRoot, extraEnv);
  let log = '';
  try {
    log = readFileSync(logFile, 'utf8');
  } catch {
    // nothing logged
  }
  return { ran, log };
}

/** The engine and worker settings a comparison runs each case under: both engines, one and two workers. */
export const ENGINE_SETTINGS: readonly (readonly [engine: string, workers: string])[] = [
  ['auto', '2'],
  ['native', '1'],
  ['pytest', '2'],
];

/**
 * The rounds setting `at` of ENGINE_SETTINGS runs its cases in: `false` before any run taught
 * discovery the project, `true` after one did. Only the default setting (auto, two workers) runs the
 * taught round: what it adds is discovery's cache, the same whichever engine runs the tests, and a
 * round is one fastest start per case (three settings, two rounds were most of a file's time).
 */
export const roundsOfSetting = (at: number): boolean[] => (at === 0 ? [false, true] : [false]);

/**
 * One concurrent test per engine setting: each of `cases` run by `fastest(dir, args)` with the
 * setting's engine and workers in its project (projectPerEngine), in each of its rounds
 * (roundsOfSetting: before any run, and for the default setting after a run of `teachArgs`), equals
 * `pytest(args)`.
 */
export function eachSettingAgainstPytest<T extends object>(
  dirs: readonly string[],
  cases: readonly string[][],
  teachArgs: readonly string[],
  env: NodeJS.ProcessEnv,
  fastest: (dir: string, args: string[]) => Promise<T>,
  pytest: (args: string[]) => T,
): void {
  it.concurrent.each(ENGINE_SETTINGS.map(([engine, workers], index) => [engine, workers, index] as const))(
    'engine %s, -n %s',
    async (engine, workers, index) => {
      const dir = dirs[index]!;
      for (const taught of roundsOfSetting(index)) {
        rmSync(join(dir, '.fastest'), { recursive: true, force: true });
        if (taught) spawnSync(process.execPath, [cli, ...teachArgs], { cwd: dir, env });
        for (const args of cases) {
          const got = await fastest(dir, [...args, '--engine', engine, '-n', workers]);
          expect({ args, taught, ...got }).toEqual({ args, taught, ...pytest(args) });
        }
      }
    },
    // (the default setting runs two rounds; under load the clean clone's took over the default 120 s)
    360_000,
  );
}

/**
 * `run(dir, key)` once per key for projects made alike (projectPerEngine): the first project asked
 * runs it, and every other gets its result with its own directory in place of that project's.
 */
export function oncePerKey<T extends object>(run: (dir: string, key: string) => Promise<T>): (dir: string, key: string) => Promise<T> {
  const runs = new Map<string, { dir: string; result: Promise<T> }>();
  return async (dir, key) => {
    let first = runs.get(key);
    if (first === undefined) {
      first = { dir, result: run(dir, key) };
      runs.set(key, first);
    }
    const result = await first.result;
    if (first.dir === dir) return result;
    const from = first.dir;
    return Object.fromEntries(Object.entries(result).map(([name, value]) => [name, typeof value === 'string' ? value.replaceAll(from, dir) : value])) as T;
  };
}

/** One temporary project per engine setting (their cases run side by side), each made by `write`. */
export function projectPerEngine(prefix: string, write: (dir: string) => void): string[] {
  const dirs: string[] = [];
  beforeAll(() => {
    for (const _ of ENGINE_SETTINGS) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      write(dir);
      dirs.push(dir);
    }
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return dirs;
}

/** fastest's exit code and its stdout and stderr together, in the order written. */
export async function fastestOutput(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [cli, ...args], { cwd, env });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, out };
}

/** Runs `cmd` in `dir` where each test appends its name to the file `log` (`RAN_LOG`): the summary
 * line, the `-rA` status lines and the names of the tests that ran, sorted. */
export async function runNamesLogged(cmd: string, args: string[], dir: string, tempRoot: string, log: string, env: NodeJS.ProcessEnv = {}) {
  writeFileSync(log, '');
  const out = (await runIn(cmd, args, dir, '', tempRoot, { ...env, RAN_LOG: log })).out;
  return { line: summaryLine(out), tests: statusLines(out), ran: readFileSync(log, 'utf8').split('\n').filter(Boolean).sort() };
}
