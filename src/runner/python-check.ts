// The interpreter check (checkPython: that it runs, and its version for the header) remembered
// per interpreter file in `.fastest/python-check.json`: every run started one more Python only
// for it (~40 ms of CPU, and ~30 ms of Node's own start spawning it) beside the workers' start.
// The entry is keyed by the interpreter as found on PATH, its real path and that file's size,
// times and inode, so a reinstalled or upgraded interpreter is checked again; a script (a version
// manager's shim, whose choice may change) and an interpreter that cannot be found are checked
// every time, as before.
import { mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onPath } from '../config/which.js';
import { isScript } from '../discovery/interpreter.js';
import { checkPython, isSupported } from './python.js';

const CHECK_FILE = 'python-check.json';
const CHECK_VERSION = 1;
/** Interpreters remembered per project (the newest kept). */
const KEPT_CHECKS = 8;

interface RememberedCheck {
  version: string;
  executable: string | null;
}

function checkKey(python: string, env: NodeJS.ProcessEnv): string | null {
  const found = onPath(python, env);
  if (found === null) return null;
  try {
    const st = statSync(found);
    if (!st.isFile() || isScript(found)) return null;
    return JSON.stringify([found, realpathSync(found), st.size, st.mtimeMs, st.ctimeMs, st.ino, env.PYTHONHOME ?? null]);
  } catch {
    return null;
  }
}

function readChecks(file: string): Record<string, RememberedCheck> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; checks?: unknown };
    return data.version === CHECK_VERSION && typeof data.checks === 'object' && data.checks !== null ? (data.checks as Record<string, RememberedCheck>) : {};
  } catch {
    return {};
  }
}

function usable(check: RememberedCheck | undefined): check is RememberedCheck {
  const match = typeof check?.version === 'string' ? /^(\d+)\.(\d+)\.\d+$/.exec(check.version) : null;
  return match !== null && isSupported(Number(match[1]), Number(match[2])) && (check!.executable === null || typeof check!.executable === 'string');
}

/** checkPython, answered from `cacheDir` when this interpreter file was checked before. */
export function checkPythonRemembered(
  python: string,
  cacheDir: string,
  onExecutable?: (executable: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const key = checkKey(python, env);
  if (key === null) return checkPython(python, onExecutable);
  const file = join(cacheDir, CHECK_FILE);
  const checks = readChecks(file);
  const remembered = checks[key];
  if (usable(remembered)) {
    if (remembered.executable) onExecutable?.(remembered.executable);
    return Promise.resolve(remembered.version);
  }
  let executable: string | null = null;
  return checkPython(python, (found) => {
    executable = found;
    onExecutable?.(found);
  }).then((version) => {
    const kept = Object.entries(checks)
      .filter(([other]) => other !== key)
      .slice(-(KEPT_CHECKS - 1));
    try {
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ version: CHECK_VERSION, checks: Object.fromEntries([...kept, [key, { version, executable }]]) }));
      renameSync(tmp, file);
    } catch {
      // a read-only checkout checks again next time
    }
    return version;
  });
}
