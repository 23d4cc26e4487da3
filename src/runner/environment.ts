// What of the CI runner's environment a test may see. The GitHub runner hands every step files
// and tokens that act on the workflow: GITHUB_ENV / GITHUB_PATH change the environment and PATH of
// every later step, GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY set outputs, state and the
// summary, INPUT_* hold an action's inputs (its token), ACTIONS_* the runtime token, the cache and
// results service URLs and the OIDC token request. None of that is a test's business; what tests
// legitimately read (CI, GITHUB_ACTIONS, GITHUB_SHA, GITHUB_REF, RUNNER_OS...) stays.

/** Runner variables that let a process act on the workflow rather than describe it. */
export const RUNNER_CAPABILITY_VARIABLES: readonly string[] = ['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'];
/** Prefixes of such variables: action inputs, post-step state, runner service tokens and URLs. */
export const RUNNER_CAPABILITY_PREFIXES: readonly string[] = ['INPUT_', 'STATE_', 'ACTIONS_'];

export function isRunnerCapability(name: string): boolean {
  // Windows environment names are case-insensitive.
  const upper = name.toUpperCase();
  return RUNNER_CAPABILITY_VARIABLES.includes(upper) || RUNNER_CAPABILITY_PREFIXES.some((p) => upper.startsWith(p));
}

/** `env` without the runner's capability variables: the environment every test process gets. */
export function testEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) if (!isRunnerCapability(name)) out[name] = value;
  return out;
}
