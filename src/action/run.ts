// command: run — one shard of the plan, in a fresh `fastest` process with the local worker pool.
// Everything the process prints is the tests' text: it reaches the log inside one
// `::stop-commands::<token>` fence, so no test can issue a workflow command. The process gets
// none of the runner's files and tokens (runner/environment.ts), and the step's own file-command
// files are put back as they were if a test changed them anyway.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { collect, openSession } from '../cli/session.js';
import { coverageActive } from '../coverage/options.js';
import { coverageSpec, keepShardCoverage, shardCoveragePath } from '../coverage/session.js';
import { fenceBlock, fenceToken } from '../report/fence.js';
import { mergeJUnit } from '../merge/merge.js';
import { testEnvironment } from '../runner/environment.js';
import { ExitCode } from '../types.js';
import { baseId } from '../nodeid.js';
import { readPlan, type Plan } from '../shard/plan.js';
import { discoveryEntry, restoreEntry, runStateEntry, testFilesHash, type CacheEntryRef } from './cache.js';
import { readEvent } from './event.js';
import { STATE } from './state.js';
import { runtimePythonPath } from '../runner/python.js';
import { InputError, type ActionInputs } from './inputs.js';
import { loadPlanInput } from './planinput.js';
import { countMerged, type ActionCounts } from './counts.js';
import { coverageOptionsOf, shardCoverageArgs } from './coverage.js';
import { coverageRootPath, keepCoverageRoot } from '../coverage/shards.js';
import type { RoleOutcome } from './outcome.js';
import { finishAttempt, prepareRerun, type PreparedRerun } from './previous-attempt.js';

/** The runner's file-command files: what a step writes to them acts on the workflow. */
export const RUNNER_FILE_VARIABLES = ['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const;

/**
 * Keeps the step's file-command files as they are before the tests run; `restore()` after them
 * puts back any the tests changed (a test can find them without the variables: by listing the
 * runner's file-command directory or reading an ancestor's /proc/<pid>/environ) and returns
 * their variable names.
 */
export function guardRunnerFiles(env: NodeJS.ProcessEnv): { restore(): string[] } {
  const kept: { name: string; path: string; content: Buffer | undefined }[] = [];
  for (const name of RUNNER_FILE_VARIABLES) {
    const path = env[name];
    if (!path) continue;
    let content: Buffer | undefined;
    try {
      content = readFileSync(path);
    } catch {
      content = undefined;
    }
    kept.push({ name, path, content });
  }
  return {
    restore(): string[] {
      const changed: string[] = [];
      for (const { name, path, content } of kept) {
        let now: Buffer | undefined;
        try {
          now = readFileSync(path);
        } catch {
          now = undefined;
        }
        if (now === undefined ? content === undefined : content !== undefined && now.equals(content)) continue;
        changed.push(name);
        if (content === undefined) rmSync(path, { force: true });
        else writeFileSync(path, content);
      }
      return changed;
    },
  };
}

/** dist/cli.js, beside this bundle (dist/action.mjs). */
export function cliPath(): string {
  const path = join(dirname(fileURLToPath(import.meta.url)), 'cli.js');
  if (!existsSync(path)) throw new Error(`cannot find ${path} next to the action`);
  return path;
}

/** Runs `node cli.js argv` in cwd, its output fenced on our stdout; resolves to its exit code. */
export function runFenced(argv: string[], cwd: string, env: NodeJS.ProcessEnv, write: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const token = fenceToken();
  write(`::stop-commands::${token}\n`);
  let atLineStart = true;
  const forward = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    if (text === '') return;
    write(text);
    atLineStart = text.endsWith('\n');
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath(), ...argv], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      write(`${atLineStart ? '' : '\n'}::${token}::\n`);
      resolve(code ?? (signal ? ExitCode.INTERNAL_ERROR : ExitCode.OK));
    });
  });
}

/** Of `ids`, the ones this job's own selection (`args`: -k, -m, --deselect) deselects. */
async function deselectedHere(ids: string[], inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<Set<string>> {
  const session = openSession(inputs.args, 'discover', inputs.workingDirectory, env);
  if (inputs.python) session.python = inputs.python;
  const deselected = new Set((await collect(session)).selection.deselected.map((i) => i.id));
  return new Set(ids.filter((id) => deselected.has(id) || deselected.has(baseId(id))));
}

/** The step's verdict on a shard: its failure message, if it failed. */
export function runFailure(shard: number, exitCode: number, counts: ActionCounts, missing: string[]): string | undefined {
  const summary = `${counts.failed} failed, ${counts.passed} passed, ${counts.skipped} skipped`;
  if (missing.length > 0) return `fastest: shard ${shard}: ${missing.length} planned test(s) did not run (listed above); ${summary}`;
  if (exitCode === ExitCode.TESTS_FAILED) return `fastest: shard ${shard}: ${summary}`;
  if (exitCode === ExitCode.NO_TESTS_COLLECTED || exitCode === ExitCode.OK) return undefined;
  return `fastest: shard ${shard} did not complete (exit code ${exitCode}${exitCode === ExitCode.INTERRUPTED ? ': interrupted or collection errors' : ''}); ${summary}`;
}

/** Names the file a re-executed run step resumes from (see shedSecrets). */
export const RESUME_VARIABLE = 'FASTEST_ACTION_RESUME';

/** What the test half of a run step needs: no token among it. */
interface PreparedRun {
  inputs: ActionInputs;
  planFile: string;
  argv: string[];
  /** A re-run of the workflow run: what the earlier attempt left to do (previous-attempt.ts). */
  rerun?: PreparedRerun;
  /** The run state to save after the tests (default branch), its bytecode pinned first. */
  stateSave?: CacheEntryRef;
  python?: string;
}

export async function runRole(inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<RoleOutcome> {
  const shard = inputs.shard as number;
  const tempDir = join(env.RUNNER_TEMP || join(inputs.workspace, '.fastest-action'), 'fastest', `shard-${shard}`);
  const { plan, file: planFile } = await loadPlanInput(inputs.plan, inputs.workspace, tempDir, { cache: inputs.cache });
  if (!plan.shards.some((s) => s.index === shard)) {
    throw new InputError(`shard ${shard} is not in the plan (it has shards 1 to ${plan.shards.length})`);
  }
  const cwd = inputs.workingDirectory;
  let stateSave: CacheEntryRef | undefined;
  let python: string | undefined;
  inputs = { ...inputs, args: shardCoverageArgs(inputs.args, inputs.coverage, coverageOptionsOf(inputs.args, cwd, env).cov) };
  if (inputs.cache) {
    const session = openSession(inputs.args, 'discover', cwd, env);
    python = inputs.python || session.python;
    // The run state first: the discovery cache restored after it is the one keyed on the files.
    const state = runStateEntry(inputs.cacheKeyPrefix, inputs.workspace, session.config.rootdir, shard, env);
    const restored = await restoreEntry(state, 'run state');
    const writes = readEvent(env).cacheWrites;
    if (restored !== state.key && writes.allowed) stateSave = state;
    else if (!writes.allowed) core.info(`fastest: not saving the run state: ${writes.reason}`);
    await restoreEntry(discoveryEntry(inputs.cacheKeyPrefix, inputs.workspace, session.config.rootdir, testFilesHash(session)), 'discovery cache');
  }
  mkdirSync(dirname(inputs.junitPath), { recursive: true });
  rmSync(inputs.junitPath, { force: true });
  rmSync(shardCoveragePath(inputs.junitPath), { force: true });
  rmSync(coverageRootPath(shardCoveragePath(inputs.junitPath)), { force: true });
  const rerun = await prepareRerun(inputs, env, plan, tempDir);
  const runPlan = rerun?.runPlanFile ?? planFile;
  const argv = [...inputs.args, '--plan', runPlan, '--shard', String(shard), '--junitxml', inputs.junitPath, '-o', 'junit_family=xunit1'];
  if (inputs.python) argv.push('--python', inputs.python);
  core.info(`fastest: running shard ${shard} of ${plan.shards.length} (${plan.shards[shard - 1]?.tests ?? 0} tests planned)`);
  const prepared: PreparedRun = { inputs: { ...inputs, githubToken: '' }, planFile, argv, rerun, stateSave, python };
  shedSecrets(prepared, tempDir, env);
  return runTests(prepared, plan, env);
}

/**
 * A test can read /proc/<pid>/environ of this process, its ancestor, which the runner started
 * with the tokens (INPUT_GITHUB-TOKEN, ACTIONS_RUNTIME_TOKEN...). Where Node can (process.execve,
 * Node 23.11+, Linux), the step replaces itself before the tests start with a process whose
 * environment holds none of them, resuming from a file it deletes on reading. Returns only when
 * it cannot.
 */
function shedSecrets(prepared: PreparedRun, tempDir: string, env: NodeJS.ProcessEnv): void {
  const execve = (process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never }).execve;
  if (typeof execve !== 'function' || process.platform !== 'linux' || env[RESUME_VARIABLE] !== undefined || !process.argv[1]) return;
  const file = join(tempDir, 'resume.json');
  writeFileSync(file, JSON.stringify(prepared), { mode: 0o600 });
  const kept = testEnvironment(env);
  // The step's file-command files: outputs are written there, and guardRunnerFiles restores them.
  for (const name of RUNNER_FILE_VARIABLES) if (env[name] !== undefined) kept[name] = env[name];
  kept[RESUME_VARIABLE] = file;
  execve.call(process, process.execPath, [process.execPath, ...process.execArgv, process.argv[1]], kept);
}

/** The test half of a run step re-executed by shedSecrets. */
export async function resumeRun(env: NodeJS.ProcessEnv): Promise<RoleOutcome> {
  const file = env[RESUME_VARIABLE] ?? '';
  const prepared = JSON.parse(readFileSync(file, 'utf8')) as PreparedRun;
  rmSync(file, { force: true });
  delete env[RESUME_VARIABLE];
  return runTests(prepared, readPlan(prepared.planFile), env);
}

async function runTests(prepared: PreparedRun, plan: Plan, env: NodeJS.ProcessEnv): Promise<RoleOutcome> {
  const { inputs, argv } = prepared;
  const shard = inputs.shard as number;
  const guard = guardRunnerFiles(env);
  // A re-run whose shard passed before runs nothing: its earlier results stand.
  const nothingToRun = prepared.rerun !== undefined && prepared.rerun.runPlanFile === undefined;
  const exitCode = nothingToRun ? ExitCode.OK : await runFenced(argv, inputs.workingDirectory, testEnvironment(env));
  const tampered = guard.restore();
  const attemptSave = finishAttempt(inputs, env, plan, prepared.rerun);
  const coverageData = await keepCoverage(inputs, env);
  if (coverageData) core.info(`fastest: coverage data of shard ${shard} kept in ${coverageData}`);
  if (tampered.length > 0) core.warning(`fastest: the tests wrote to the runner's ${tampered.join(', ')} file(s); the changes were discarded`);

  let counts: ActionCounts = { passed: 0, failed: 0, skipped: 0 };
  let missing: string[] = [];
  if (existsSync(inputs.junitPath)) {
    const result = mergeJUnit([inputs.junitPath], { plan: shardOnly(plan, shard) });
    const bad = result.malformed[0];
    if (bad) core.warning(`fastest: cannot read the JUnit file ${inputs.junitPath}: ${bad.error}`);
    else {
      counts = countMerged(result.counts);
      missing = await unexcused(result.missing, inputs, env);
    }
  }
  if (missing.length > 0) {
    // Ids come from the tests' files: fenced.
    process.stdout.write(
      fenceBlock(
        `${missing.length} planned test(s) of shard ${shard} did not run:\n${missing
          .slice(0, 50)
          .map((id) => `  ${id}`)
          .join('\n')}${missing.length > 50 ? `\n  … and ${missing.length - 50} more` : ''}`,
      ),
    );
  }
  if (exitCode === ExitCode.NO_TESTS_COLLECTED && missing.length === 0) core.info(`fastest: shard ${shard} had no tests to run`);
  const state: Record<string, string> = attemptSave !== undefined ? { [STATE.attemptSave]: attemptSave } : {};
  if (prepared.stateSave) {
    await pinBytecode(prepared.python ?? 'python3', join(inputs.workspace, prepared.stateSave.path, 'pycache'), env);
    state[STATE.runStateSave] = JSON.stringify(prepared.stateSave);
  }
  return {
    exitCode,
    outputs: { passed: String(counts.passed), failed: String(counts.failed), skipped: String(counts.skipped), 'junit-path': inputs.junitPath },
    state,
    failure: runFailure(shard, exitCode, counts, missing),
  };
}

/**
 * The workers' bytecode checked by its sources' content instead of their mtimes, which a fresh
 * checkout changes (python/fastest_worker/pycache_pin.py). Runs in the token-free test half of
 * the step, never in the post step; a failure only costs the next job its compile time.
 */
function pinBytecode(python: string, pycacheDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (!existsSync(pycacheDir)) return Promise.resolve();
  return new Promise((done) => {
    const child = spawn(python, ['-m', 'fastest_worker.pycache_pin', pycacheDir], {
      env: { ...testEnvironment(env), PYTHONPATH: runtimePythonPath(env.PYTHONPATH) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    child.stdout.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')));
    child.stderr.resume();
    child.on('error', () => done());
    child.on('close', (code) => {
      if (code === 0) core.info(`fastest: bytecode for the next run jobs: ${said.trim().slice(0, 200)}`);
      else core.info('fastest: could not pin the bytecode to its sources (the next run jobs compile it)');
      done();
    });
  });
}

/** `--cov` in the args (or addopts): the shard's coverage data beside its JUnit file, for merge. */
async function keepCoverage(inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<string | null> {
  try {
    const session = openSession(inputs.args, 'discover', inputs.workingDirectory, env);
    if (!coverageActive(session.options.coverage)) return null;
    const spec = coverageSpec(session.options.coverage, inputs.workingDirectory, 0);
    const kept = await keepShardCoverage(inputs.python || session.python, spec, inputs.junitPath, testEnvironment(env));
    if (kept !== null) keepCoverageRoot(kept, inputs.workingDirectory);
    return kept;
  } catch (error) {
    core.warning(`fastest: cannot keep the coverage data: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** The plan with only shard `index`, to check one shard's results against. */
function shardOnly(plan: Plan, index: number): Plan {
  return { ...plan, shards: plan.shards.filter((s) => s.index === index) };
}

/** Missing ids (mergeJUnit already left out the ids the shard's JUnit records as not collected), less those this job's args deselect. */
async function unexcused(missing: string[], inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<string[]> {
  if (missing.length === 0) return [];
  let excused: Set<string>;
  try {
    excused = await deselectedHere(missing, inputs, env);
  } catch {
    // The project cannot be read here (no checkout): nothing is excused.
    excused = new Set();
  }
  return missing.filter((id) => !excused.has(id));
}
