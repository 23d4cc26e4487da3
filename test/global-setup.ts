// Every `python3` the tests start (the reference pytest, fastest's workers) is the private test
// environment's: its bin/ goes first on PATH, and VIRTUAL_ENV names it (fastest prefers the active
// virtualenv's interpreter). scripts/test-venv.sh makes or refreshes it (`npm test` runs it in
// pretest; here too, so `npx vitest run test/X.test.ts` works on a fresh clone).
// FASTEST_TEST_VENV picks another environment (the version matrix); FASTEST_TEST_VENV=none
// leaves PATH as it is.
// pytest autoloads no installed plugin by default here (PYTEST_DISABLE_PLUGIN_AUTOLOAD=1, for the
// reference pytest and fastest alike): loading the environment's six plugins cost each pytest
// start ~0.9 s of CPU, a third of what the suite spent. A test about plugins, or about a project
// that has them, sets PYTEST_DISABLE_PLUGIN_AUTOLOAD to '' for its runs.
import { execFileSync } from 'node:child_process';
import { delimiter, join, resolve } from 'node:path';

export default function setup(): void {
  process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD = '1';
  const chosen = process.env.FASTEST_TEST_VENV;
  if (chosen === 'none') return;
  const repo = resolve(__dirname, '..');
  const venv = resolve(repo, chosen ?? join('.venvs', 'test'));
  if (chosen === undefined) execFileSync('bash', [join(repo, 'scripts', 'test-venv.sh'), venv], { stdio: 'inherit' });
  process.env.PATH = `${join(venv, 'bin')}${delimiter}${process.env.PATH ?? ''}`;
  process.env.VIRTUAL_ENV = venv;
}
