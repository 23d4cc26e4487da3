// command: run — one shard of the plan, in a fresh `fastest` process with the local worker pool.
// Everything the process prints is the tests' text: it reaches the log inside one
// `::stop-commands::<token>` fence, so no test can issue a workflow command.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { openSession } from '../cli/session.js';
import { fenceToken } from '../report/fence.js';
import { readJUnitFile } from '../report/junit-read.js';
import { discoveryEntry, restoreEntry, testFilesHash } from './cache.js';
import type { ActionInputs } from './inputs.js';
import { loadPlanInput } from './planinput.js';
import { countCases, type ActionCounts } from './counts.js';

/** Variables a test must not see or use: the Action's inputs (the token), its files, the runtime token. */
export function testEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  const hidden = new Set([
    'GITHUB_OUTPUT',
    'GITHUB_STATE',
    'GITHUB_STEP_SUMMARY',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_CACHE_SERVICE_V2',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
  ]);
  for (const [name, value] of Object.entries(env)) {
    if (hidden.has(name) || name.startsWith('INPUT_') || name.startsWith('STATE_')) continue;
    out[name] = value;
  }
  return out;
}

/** dist/cli.js next to this bundle (dist/action.mjs); from sources, the repository's dist/. */
export function cliPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [join(dir, 'cli.js'), join(dir, 'dist', 'cli.js')]) if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find dist/cli.js next to the action');
    dir = parent;
  }
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
      resolve(code ?? (signal ? 3 : 0));
    });
  });
}

export interface RunOutcome {
  exitCode: number;
  counts: ActionCounts;
}

export async function runRole(inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<RunOutcome> {
  const shard = inputs.shard as number;
  const tempDir = join(env.RUNNER_TEMP || join(inputs.workspace, '.fastest-action'), 'fastest', `shard-${shard}`);
  const { plan, file: planFile } = loadPlanInput(inputs.plan, inputs.workspace, tempDir);
  if (!plan.shards.some((s) => s.index === shard)) {
    throw new Error(`shard ${shard} is not in the plan (it has shards 1 to ${plan.shards.length})`);
  }
  const cwd = inputs.workingDirectory;
  if (inputs.cache) {
    const session = openSession(inputs.args, 'discover', cwd, env);
    await restoreEntry(discoveryEntry(inputs.cacheKeyPrefix, inputs.workspace, session.config.rootdir, testFilesHash(session)), 'discovery cache');
  }
  mkdirSync(dirname(inputs.junitPath), { recursive: true });
  const argv = [...inputs.args, '--plan', planFile, '--shard', String(shard), '--junitxml', inputs.junitPath, '-o', 'junit_family=xunit1'];
  if (inputs.python) argv.push('--python', inputs.python);
  core.info(`fastest: running shard ${shard} of ${plan.shards.length} (${plan.shards[shard - 1]?.tests ?? 0} tests planned)`);
  const exitCode = await runFenced(argv, cwd, testEnvironment(env));

  let counts: ActionCounts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(inputs.junitPath)) {
    try {
      counts = countCases(readJUnitFile(inputs.junitPath).cases);
    } catch (err) {
      core.warning(`fastest: cannot read the JUnit file ${inputs.junitPath}: ${(err as Error).message}`);
    }
  }
  core.setOutput('passed', String(counts.passed));
  core.setOutput('failed', String(counts.failed));
  core.setOutput('skipped', String(counts.skipped));
  core.setOutput('junit-path', inputs.junitPath);
  return { exitCode, counts };
}
