// Runs dist/action.mjs the way the GitHub runner does: inputs as INPUT_<NAME> variables (upper
// case, hyphens kept), file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY), the event
// payload at GITHUB_EVENT_PATH, then the post step with the saved state as STATE_<name>. The log
// is read the way the runner reads it: workflow commands at line starts, honouring
// ::stop-commands::TOKEN ... ::TOKEN::. Inputs not given get action.yml's defaults, as on a runner.
// The step runs under FASTEST_ACTION_NODE when set (e.g. Node 24, the runtime action.yml names),
// else under this Node.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** The commands a runner would act on in `log` (lines are trimmed at the start, as it does). */
export function effectiveCommands(log: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  let stopToken: string | null = null;
  for (const rawLine of log.split(/\r?\n/)) {
    const line = rawLine.trimStart();
    if (stopToken !== null) {
      if (line.trimEnd() === `::${stopToken}::`) stopToken = null;
      continue;
    }
    const m = /^::([A-Za-z-]+)(?: ([^:]*?))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
    }
    const command = { command: m[1] ?? '', properties, data: unescapeData(m[3] ?? '') };
    if (command.command === 'stop-commands') {
      stopToken = command.data;
      continue;
    }
    out.push(command);
  }
  return out;
}

/** `name<<DELIM\nvalue\nDELIM` records of a file command (GITHUB_OUTPUT, GITHUB_STATE). */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i] ?? '');
      out[heredoc[1] ?? ''] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

export interface StepResult {
  /** -1 when the step could not start (spawn error, e.g. E2BIG for an environment string over 128 KiB). */
  code: number;
  /** The largest `NAME=value` string of the step's environment, in bytes, and its name. */
  envLargest: { name: string; bytes: number };
  /** Every environment string together, in bytes. */
  envBytes: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** What the step left in its GITHUB_ENV and GITHUB_PATH files (the runner would apply it to later steps). */
  envFile: string;
  pathFile: string;
  commands: WorkflowCommand[];
}

export interface ActionRun {
  main: StepResult;
  post: StepResult;
}

export interface ActionOptions {
  action: string;
  workspace: string;
  inputs: Record<string, string>;
  env?: Record<string, string | undefined>;
  event?: unknown;
  eventName?: string;
  /** The Node that runs the step (default: FASTEST_ACTION_NODE, else this Node). */
  node?: string;
}

/** The environment a runner starts a step with: no INPUT_/STATE_/GITHUB_ leftovers of this process. */
function baseEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(INPUT_|STATE_|GITHUB_|ACTIONS_|RUNNER_)/.test(k)) continue;
    out[k] = v;
  }
  return out;
}

/** `name: default` of each input in action.yml; `${{ github.token }}` stands for a runner token. */
export function actionDefaults(actionYml: string): Record<string, string> {
  const out: Record<string, string> = {};
  const text = readFileSync(actionYml, 'utf8');
  const inputs = text.slice(text.indexOf('\ninputs:'), text.indexOf('\noutputs:'));
  let name = '';
  for (const line of inputs.split('\n')) {
    const input = /^ {2}([a-z][\w-]*):\s*$/.exec(line);
    if (input) name = input[1] ?? '';
    const value = /^ {4}default:\s*(.*)$/.exec(line);
    if (value && name) {
      const raw = (value[1] ?? '').trim();
      out[name] = raw === '${{ github.token }}' ? 'ghs_runner-default-token' : raw.replace(/^"(.*)"$/, '$1');
    }
  }
  return out;
}

function spawnStep(node: string, action: string, cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(node, [action], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    // A step that cannot start (E2BIG: "Argument list too long") is a failed step, as on a runner.
    child.on('error', (err) => resolve({ code: -1, stdout, stderr: `${stderr}${err.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function envSizes(env: Record<string, string>): { envLargest: { name: string; bytes: number }; envBytes: number } {
  let envLargest = { name: '', bytes: 0 };
  let envBytes = 0;
  for (const [name, value] of Object.entries(env)) {
    const bytes = Buffer.byteLength(`${name}=${value}`) + 1;
    envBytes += bytes;
    if (bytes > envLargest.bytes) envLargest = { name, bytes };
  }
  return { envLargest, envBytes };
}

export async function runAction(opts: ActionOptions): Promise<ActionRun> {
  const files = mkdtempSync(join(opts.workspace, '..', 'runner-'));
  const temp = join(files, 'temp');
  mkdirSync(temp);
  const eventPath = join(files, 'event.json');
  writeFileSync(eventPath, JSON.stringify(opts.event ?? {}));
  const common: Record<string, string> = {
    ...baseEnv(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: opts.workspace,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: opts.eventName ?? 'pull_request',
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_SHA: 'mergesha0000000000000000000000000000000',
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'tests',
    GITHUB_SERVER_URL: 'https://github.com',
  };
  const inputs = { ...actionDefaults(join(dirname(opts.action), '..', 'action.yml')), ...opts.inputs };
  for (const [name, value] of Object.entries(inputs)) common[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(opts.env ?? {})) {
    if (value === undefined) delete common[name];
    else common[name] = value;
  }

  const step = async (kind: 'main' | 'post', state: Record<string, string>): Promise<StepResult> => {
    const output = join(files, `${kind}-output`);
    const stateFile = join(files, `${kind}-state`);
    const summary = join(files, `${kind}-summary`);
    const envFile = join(files, `${kind}-env`);
    const pathFile = join(files, `${kind}-path`);
    for (const f of [output, stateFile, summary, envFile, pathFile]) writeFileSync(f, '');
    const env: Record<string, string> = {
      ...common,
      GITHUB_OUTPUT: output,
      GITHUB_STATE: stateFile,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_ENV: envFile,
      GITHUB_PATH: pathFile,
    };
    const withState: Record<string, string> = env;
    for (const [k, v] of Object.entries(state)) withState[`STATE_${k}`] = v;
    const r = await spawnStep(opts.node ?? (process.env.FASTEST_ACTION_NODE || process.execPath), opts.action, opts.workspace, withState);
    const commands = effectiveCommands(r.stdout);
    const outputs = parseFileCommand(readFileSync(output, 'utf8'));
    // The deprecated stdout command still sets outputs on a runner; count it as one would.
    for (const c of commands) if (c.command === 'set-output' && c.properties.name) outputs[c.properties.name] = c.data;
    return {
      ...r,
      ...envSizes(withState),
      outputs,
      state: parseFileCommand(readFileSync(stateFile, 'utf8')),
      summary: readFileSync(summary, 'utf8'),
      envFile: readFileSync(envFile, 'utf8'),
      pathFile: readFileSync(pathFile, 'utf8'),
      commands,
    };
  };
  const main = await step('main', {});
  const post = await step('post', main.state);
  return { main, post };
}
