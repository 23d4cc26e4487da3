// A module discovery lists but whose import fails when pytest collects it (nothing a static reading
// sees: here a module-level call that raises): after one run, discovery no longer lists its ids
// (phantoms) but the module as one dynamic item, the node id pytest reports the error under. Only
// pytest's own collection (the pytest engine) teaches it: the native engine may fail a module
// pytest imports (flask's werkzeug proxies under pytest 9.1).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-colerr-'));
  mkdirSync(join(dir, 'tests'));
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\ntestpaths = tests\n');
  writeFileSync(join(dir, 'tests', 'test_ok.py'), 'def test_ok():\n    pass\n');
  writeFileSync(join(dir, 'tests', 'test_boom.py'), 'import json\n\nCONFIG = json.loads("{")\n\n\ndef test_a():\n    pass\n\n\ndef test_b():\n    pass\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' };
function discovered(): { id: string; dynamic: boolean }[] {
  const r = spawnSync(process.execPath, [cli, 'discover', '--json'], { cwd: dir, encoding: 'utf8', env });
  return JSON.parse(r.stdout).tests;
}

describe('a module that fails to collect in the run', () => {
  it('is listed as its ids before a run, as one dynamic item after it, with pytest exit code', () => {
    const pytest = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '--collect-only', '-q'], { cwd: dir, encoding: 'utf8', env });
    expect(pytest.stdout).toContain('ERROR tests/test_boom.py');
    expect(discovered().map((t) => t.id)).toEqual(['tests/test_boom.py::test_a', 'tests/test_boom.py::test_b', 'tests/test_ok.py::test_ok']);
    // pytest's own collection (the pytest engine) is trusted with a module's collection error
    const run = spawnSync(process.execPath, [cli, '--engine', 'pytest'], { cwd: dir, encoding: 'utf8', env });
    const pytestRun = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider'], { cwd: dir, encoding: 'utf8', env });
    expect(run.status).toBe(pytestRun.status);
    expect(run.stdout).toContain('ERROR tests/test_boom.py');
    expect(discovered()).toEqual([
      expect.objectContaining({ id: 'tests/test_boom.py', dynamic: true }),
      expect.objectContaining({ id: 'tests/test_ok.py::test_ok', dynamic: false }),
    ]);
  });
});
