// The interpreter check remembered per interpreter file (runner/python-check.ts): a run no longer
// starts a Python only to learn its version once that interpreter file was checked.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPythonRemembered } from '../src/runner/python-check.js';
import { RunnerError } from '../src/runner/errors.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-python-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The real interpreter behind `python3` (not a version manager's shim). */
const python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
const version = execFileSync(python, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' }).trim();

describe('the remembered interpreter check', () => {
  it('checks an interpreter once, then answers from .fastest without starting it', async () => {
    const cacheDir = join(work, 'a', '.fastest');
    const executables: string[] = [];
    expect(await checkPythonRemembered(python, [cacheDir], (e) => executables.push(e))).toBe(version);
    const file = join(cacheDir, 'python-check.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { version: string; executable: string }> };
    expect(Object.values(stored.entries)).toEqual([{ version, executable: python }]);
    // what is remembered is what answers (no interpreter asked): shown by an entry edited by hand
    for (const check of Object.values(stored.entries)) check.version = '3.99.1';
    writeFileSync(file, JSON.stringify(stored));
    expect(await checkPythonRemembered(python, [cacheDir], (e) => executables.push(e))).toBe('3.99.1');
    expect(executables).toEqual([python, python]);
  });

  it('checks again past a damaged entry, and rewrites it', async () => {
    const cacheDir = join(work, 'b', '.fastest');
    await checkPythonRemembered(python, [cacheDir]);
    const file = join(cacheDir, 'python-check.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { version: unknown }> };
    for (const check of Object.values(stored.entries)) check.version = 'three';
    writeFileSync(file, JSON.stringify(stored));
    expect(await checkPythonRemembered(python, [cacheDir])).toBe(version);
    writeFileSync(file, '{not json');
    expect(await checkPythonRemembered(python, [cacheDir])).toBe(version);
    expect(Object.values((JSON.parse(readFileSync(file, 'utf8')) as { entries: object }).entries)).toHaveLength(1);
  });

  it("answers a fresh checkout's first run from the user's cache directory, and keeps the answer in its .fastest", async () => {
    const userCache = join(work, 'user-cache');
    const first = join(work, 'd', '.fastest');
    expect(await checkPythonRemembered(python, [first, userCache])).toBe(version);
    const shared = join(userCache, 'python-check.json');
    const stored = JSON.parse(readFileSync(shared, 'utf8')) as { entries: Record<string, { version: string }> };
    for (const check of Object.values(stored.entries)) check.version = '3.99.2';
    writeFileSync(shared, JSON.stringify(stored));
    // a new checkout: no .fastest, the user's cache answers (no interpreter asked) and .fastest keeps it
    const fresh = join(work, 'e', '.fastest');
    expect(await checkPythonRemembered(python, [fresh, userCache])).toBe('3.99.2');
    expect(await checkPythonRemembered(python, [fresh])).toBe('3.99.2');
    // the project's own answer comes first
    expect(await checkPythonRemembered(python, [first, userCache])).toBe(version);
  });

  it('never remembers a script (a version manager shim picks anew), and still fails a missing interpreter', async () => {
    const cacheDir = join(work, 'c', '.fastest');
    const shim = join(work, 'python-shim');
    writeFileSync(shim, `#!/bin/sh\nexec ${python} "$@"\n`);
    chmodSync(shim, 0o755);
    expect(await checkPythonRemembered(shim, [cacheDir])).toBe(version);
    expect(existsSync(join(cacheDir, 'python-check.json'))).toBe(false);
    await expect(checkPythonRemembered(join(work, 'no-such-python'), [cacheDir])).rejects.toBeInstanceOf(RunnerError);
  });
});
