// pyenv puts shell-script shims on PATH: every start of `python3` through one runs dozens of shell
// processes (80-100 ms of CPU here, ~0.5 s on a busy machine) before Python itself starts, and
// fastest starts several interpreters per run. The interpreter the shim chose is remembered in
// .fastest/python.json, keyed by everything pyenv's choice depends on (PYENV_VERSION, the
// .python-version files from the working directory up, the global version file), and started
// directly. Other version managers (asdf, mise) read more sources; their shims are left alone.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { selfAndParents } from '../memo/ancestors.js';
import { onPath } from '../config/which.js';

const VERSION_ENV = ['PYENV_VERSION', 'PYENV_ROOT', 'PYENV_DIR', 'PYENV_VIRTUAL_ENV'];

/** A script (not a binary) that names pyenv in its first bytes. */
function isShim(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(512);
    const length = readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, length).toString('latin1');
    return text.startsWith('#!') && text.includes('pyenv');
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** What the shim's choice depends on: the shim, pyenv's variables, the version files it reads. */
function shimKey(shim: string, cwd: string, env: NodeJS.ProcessEnv): string {
  const files: [string, string][] = [];
  for (const dir of selfAndParents(cwd)) {
    const text = readOrEmpty(join(dir, '.python-version'));
    if (text) files.push([dir, text]);
  }
  const pyenvRoot = env.PYENV_ROOT ?? join(env.HOME ?? '', '.pyenv');
  files.push(['global', readOrEmpty(join(pyenvRoot, 'version'))]);
  return JSON.stringify({ shim, env: VERSION_ENV.map((name) => env[name] ?? null), files });
}

export interface ShimChoice {
  /** The shim found on PATH. */
  shim: string;
  key: string;
  cacheFile: string;
}

/** The shim `command` resolves to, with the key of its choice; null when it is not a shim. */
export function shimOf(command: string, cwd: string, cacheDir: string, env: NodeJS.ProcessEnv): ShimChoice | null {
  const found = onPath(command, env);
  if (!found || !isShim(found)) return null;
  return { shim: found, key: shimKey(found, cwd, env), cacheFile: join(cacheDir, 'python.json') };
}

/** The interpreter this shim chose last time under the same conditions, if it still exists. */
export function rememberedInterpreter(choice: ShimChoice): string | null {
  try {
    const saved = JSON.parse(readFileSync(choice.cacheFile, 'utf8')) as { key?: unknown; executable?: unknown };
    if (saved.key !== choice.key || typeof saved.executable !== 'string' || !isAbsolute(saved.executable)) return null;
    return existsSync(saved.executable) ? saved.executable : null;
  } catch {
    return null;
  }
}

export function rememberInterpreter(choice: ShimChoice, executable: string): void {
  if (!isAbsolute(executable)) return;
  try {
    mkdirSync(dirname(choice.cacheFile), { recursive: true });
    writeFileSync(choice.cacheFile, JSON.stringify({ key: choice.key, executable }));
  } catch {
    // read-only checkout: the shim is asked again next time
  }
}
