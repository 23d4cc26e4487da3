// The interpreter check (checkPython: that it runs, and its version for the header) remembered
// per interpreter file in `.fastest/python-check.json` (discovery/interpreter.ts keptForInterpreter,
// as the interpreter probe is kept): every run started one more Python only for it (~40 ms of CPU,
// and ~30 ms of Node's own start spawning it) beside the workers' start. A reinstalled or upgraded
// interpreter is checked again; a script (a version manager's shim, whose choice may change) and an
// interpreter that cannot be found are checked every time, as before. The user's cache directory
// keeps the same answers, so that a fresh checkout of a project (a new .fastest) does not ask again.
import { join } from 'node:path';
import { keptForInterpreter } from '../discovery/interpreter.js';
import { checkPython, isSupported } from './python.js';

const CHECK_FILE = 'python-check.json';
const CHECK_VERSION = 1;

interface RememberedCheck {
  version: string;
  executable: string | null;
}

function isCheck(value: unknown): value is RememberedCheck {
  const check = value as RememberedCheck | undefined;
  const match = typeof check?.version === 'string' ? /^(\d+)\.(\d+)\.\d+$/.exec(check.version) : null;
  return match !== null && isSupported(Number(match[1]), Number(match[2])) && (check!.executable === null || typeof check!.executable === 'string');
}

/**
 * checkPython, answered from the first of `cacheDirs` (the project's .fastest, then the user's
 * cache directory, which a fresh checkout can answer from) that checked this interpreter file
 * before; the answer is kept in each that lacks it.
 */
export function checkPythonRemembered(
  python: string,
  cacheDirs: string[],
  onExecutable?: (executable: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const interpreter = keptForInterpreter(
    python,
    env,
    cacheDirs.map((dir) => join(dir, CHECK_FILE)),
    CHECK_VERSION,
    ['PYTHONHOME'],
    isCheck,
  );
  if (interpreter === null) return checkPython(python, onExecutable);
  const remembered = interpreter.kept;
  if (remembered) {
    if (remembered.executable) onExecutable?.(remembered.executable);
    interpreter.keep(remembered);
    return Promise.resolve(remembered.version);
  }
  let executable: string | null = null;
  return checkPython(python, (found) => {
    executable = found;
    onExecutable?.(found);
  }).then((version) => {
    interpreter.keep({ version, executable });
    return version;
  });
}
