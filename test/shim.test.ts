// A pyenv shim's choice of interpreter is remembered and reused while nothing it depends on changes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPython, choosePython } from '../src/runner/python.js';
import { rememberInterpreter } from '../src/runner/shim.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-shim-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const realPython = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();

function fakePyenv(): { env: NodeJS.ProcessEnv; project: string; cacheDir: string } {
  const bin = join(work, 'shims');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'python3'), `#!/usr/bin/env bash\n# a stand-in for a pyenv shim\nexec ${JSON.stringify(realPython)} "$@"\n`, { mode: 0o755 });
  const project = join(work, 'project');
  mkdirSync(project, { recursive: true });
  const env = { PATH: `${bin}${delimiter}/usr/bin${delimiter}/bin`, HOME: join(work, 'home'), PYENV_ROOT: join(work, 'pyenv-root') };
  return { env, project, cacheDir: join(project, '.fastest') };
}

describe('pyenv shims', () => {
  it('start the interpreter the shim chose, until a version file changes', async () => {
    const { env, project, cacheDir } = fakePyenv();
    const first = choosePython(null, project, cacheDir, env);
    expect(first.python).toBe('python3');
    expect(first.shim).not.toBeNull();
    await checkPython(first.python, (exe) => rememberInterpreter(first.shim!, exe));

    const second = choosePython(null, project, cacheDir, env);
    expect(second).toEqual({ python: realPython, shim: null });
    // as `pyenv exec` does, the interpreter's directory leads PATH
    expect(env.PATH!.split(delimiter)[0]).toBe(dirname(realPython));

    writeFileSync(join(project, '.python-version'), '3.11\n');
    const afterPin = choosePython(null, project, cacheDir, { ...env, PATH: `${join(work, 'shims')}${delimiter}/usr/bin` });
    expect(afterPin.python).toBe('python3');
    expect(afterPin.shim).not.toBeNull();
  });

  it('leave --python, real binaries and a corrupt memory alone', () => {
    const { env, project, cacheDir } = fakePyenv();
    expect(choosePython('/opt/py/bin/python', project, cacheDir, env)).toEqual({ python: '/opt/py/bin/python', shim: null });
    const direct = { PATH: `${dirname(realPython)}${delimiter}/usr/bin` };
    expect(choosePython(null, project, cacheDir, direct).shim).toBeNull();
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'python.json'), '{not json');
    expect(choosePython(null, project, cacheDir, { ...env }).python).toBe('python3');
  });
});
