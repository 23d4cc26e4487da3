// The warnings summary lists what collecting warned first, in the modules' collection order, then
// what the tests warned, as pytest (which collects every module before running a test). Two
// workers each collect several modules before their first result, and a long module is split
// between them on the warm run: the order must not depend on which result carried a module's
// collection warnings (tornado: websocket_test.py:46 listed before util_test.py in 3 of 7 runs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const env = { ...process.env, GITHUB_ACTIONS: '', PYTHONDONTWRITEBYTECODE: '1' };
let dir: string;

const helper = (name: string) => `class TestHelper${name}:\n    def __init__(self):\n        pass\n\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-warnings-order-'));
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  // a test that warns while it runs, in the module collected first
  writeFileSync(join(dir, 'test_a.py'), 'import warnings\n\ndef test_a():\n    warnings.warn(UserWarning("run time"))\n');
  writeFileSync(join(dir, 'test_b.py'), helper('B') + 'def test_b():\n    pass\n');
  const classes = Array.from(
    { length: 6 },
    (_, c) => `class TestC${c}:\n` + [0, 1, 2].map((t) => `    def test_${t}(self):\n        time.sleep(0.1)\n`).join('\n'),
  );
  writeFileSync(join(dir, 'test_m.py'), 'import time\n\n' + helper('M') + classes.join('\n'));
  writeFileSync(join(dir, 'test_z.py'), helper('Z') + 'def test_z():\n    pass\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The warnings summary's location lines. */
const locations = (out: string) => {
  const start = out.indexOf('warnings summary');
  return start < 0
    ? []
    : out
        .slice(start)
        .split('\n')
        .filter((line) => /^test_\w+\.py/.test(line));
};

describe('the warnings summary order', () => {
  it("is pytest's with two workers, first run and warm (a long module split)", () => {
    const p = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-q'], { cwd: dir, env, encoding: 'utf8' });
    expect(locations(p.stdout)).toEqual(['test_b.py:1', 'test_m.py:3', 'test_z.py:1', 'test_a.py::test_a']);
    for (let round = 0; round < 4; round++) {
      const f = spawnSync(process.execPath, [cli, '-p', 'no:cacheprovider', '-q', '-n', '2'], { cwd: dir, env, encoding: 'utf8' });
      expect({ round, locations: locations(f.stdout) }).toEqual({ round, locations: locations(p.stdout) });
    }
  });
});
