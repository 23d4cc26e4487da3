// Test classes inherited from test classes imported from other test modules (issue 12,
// itsdangerous' `TestURLSafeTimedSerializer(TestURLSafeSerializer, TestTimedSerializer)`): pytest
// collects the inherited methods under the subclass's id, in the order of Python's MRO (C3: the
// methods of bases further down the MRO come first). A diamond of imported classes, a mixin
// imported from another test module, an order where C3 differs from the naive one, and bases that
// admit no MRO (the module's import raises: the module stays whole and dynamic, never a phantom).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', 'dist', 'cli.js');
const project = mkdtempSync(join(tmpdir(), 'fastest-inherit-'));
cpSync(join(__dirname, 'fixtures', 'discovery-inherit'), project, { recursive: true });
afterAll(() => rmSync(project, { recursive: true, force: true }));

const idLines = (out: string) => out.split('\n').filter((line) => line.includes('::'));

describe('discover follows test classes inherited across test modules', () => {
  it('lists the ids pytest collects, in its order', () => {
    const pytest = spawnSync('python3', ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'], { cwd: project, encoding: 'utf8' });
    expect(pytest.stdout).toContain('ERROR tests/test_inh/test_conflict.py - TypeError: Cannot create a consistent');
    const expected = idLines(pytest.stdout);
    expect(expected.length, pytest.stdout + pytest.stderr).toBe(35);
    const discover = spawnSync(process.execPath, [cli, 'discover', '--no-cache'], { cwd: project, encoding: 'utf8' });
    expect(discover.status, discover.stderr).toBe(0);
    expect(idLines(discover.stdout)).toEqual(expected);
    // the module whose class has no MRO runs whole: its error is the run's to report
    expect(discover.stdout.split('\n')).not.toContain('tests/test_inh/test_conflict.py::test_never_collected');
    expect(discover.stdout).toContain('tests/test_inh/test_conflict.py  (dynamic: ids known at run time)');
  });
});
