// What importing a conftest warns is in pytest's warnings summary once, before what the modules
// below it warned: an initial conftest's (pytest loads it as it configures) and one pytest loads
// as its walk reaches the directory. Each worker imports the conftests of its modules; the pytest
// engine's session loads the initial ones as it starts (it reported none of them, hpack), the
// native engine with its first module (two workers reported them twice). Whole output compared.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, normalOutput, runIn, writeLines } from './helpers/against-pytest.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-conftest-warn-'));
  writeLines(dir, 'conftest.py', ['import warnings', 'warnings.warn(UserWarning("root conftest imported"))']);
  writeLines(dir, 'sub/conftest.py', ['import warnings', 'warnings.warn(DeprecationWarning("sub conftest imported"))']);
  writeLines(dir, 'test_a.py', ['import warnings', 'warnings.warn(UserWarning("test_a imported"))', '', 'def test_a():', '    pass']);
  writeLines(dir, 'test_b.py', ['def test_b():', '    pass']);
  for (const name of ['c', 'd']) writeLines(dir, `sub/test_${name}.py`, [`def test_${name}():`, '    pass']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('warnings raised while a conftest is imported', () => {
  for (const paths of [[], ['sub']]) {
    it(`are pytest's, in every engine, one and two workers (args ${JSON.stringify(paths)})`, async () => {
      const common = ['-q', '-p', 'no:cacheprovider', ...paths];
      const pytest = await runIn('python3', ['-m', 'pytest', ...common], dir, '', join(dir, 'tmp-p'));
      expect(pytest.out).toContain('conftest imported');
      for (const [engine, workers] of [
        ['auto', '2'],
        ['native', '2'],
        ['pytest', '2'],
        ['pytest', '1'],
      ]) {
        rmSync(join(dir, '.fastest'), { recursive: true, force: true });
        const fastest = await runIn(process.execPath, [cli, '--engine', engine!, '-n', workers!, ...common], dir, '', join(dir, 'tmp-f'));
        const label = `--engine ${engine} -n ${workers}`;
        expect(normalOutput(fastest.out), label).toBe(normalOutput(pytest.out));
        expect(fastest.code, label).toBe(pytest.code);
      }
    }, 120_000);
  }
});
