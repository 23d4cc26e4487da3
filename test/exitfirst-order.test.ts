// -x / --maxfail with several workers: pytest has run every test before the failure that stops
// it, and none after. The units before the failing one run to their end (on any worker, in
// order); those after it are dropped or stopped (what another worker already ran of a later
// module stays reported). rich's `-x`: pytest `1 failed, 209 passed`, fastest with two workers
// said `1 failed, 58 passed`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, projectPerEngine, runIn, statusLines } from './helpers/against-pytest.js';

const SETTINGS = [
  ['auto', '2'],
  ['pytest', '2'],
] as const;

// test_a.py runs long on one worker while test_b.py fails early on the other
const dirs = projectPerEngine('fastest-exitfirst-', (dir) => {
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  const module = (count: number, failing: number) =>
    'import time\n\n' + Array.from({ length: count }, (_, i) => `def test_${i}():\n    time.sleep(0.03)\n${i === failing ? '    assert 0\n' : ''}`).join('\n');
  writeFileSync(join(dir, 'test_a.py'), module(40, -1));
  writeFileSync(join(dir, 'test_b.py'), module(6, 2));
  writeFileSync(join(dir, 'test_c.py'), module(10, -1));
  writeFileSync(join(dir, 'test_d.py'), module(10, -1));
});

describe('-x with two workers', () => {
  SETTINGS.forEach(([engine, workers], at) => {
    it(`runs what pytest ran before the failure, and nothing after it (engine ${engine})`, async () => {
      const dir = dirs[at]!;
      for (const args of [
        ['-x', '-rA'],
        ['--maxfail=1', '-q', '-rA'],
      ]) {
        const common = ['-p', 'no:cacheprovider', ...args];
        const pytest = await runIn('python3', ['-m', 'pytest', ...common], dir, '', join(dir, 'tmp-p'));
        expect(pytest.out).toContain('1 failed, 42 passed');
        for (const round of ['first', 'taught']) {
          const fastest = await runIn(process.execPath, [cli, '--engine', engine, '-n', workers, ...common], dir, '', join(dir, 'tmp-f'));
          const label = `${round}: ${args.join(' ')}`;
          // every test pytest ran, with its outcome; what else ran is a test after the failure
          // that the other worker had started before it (a later module: nothing of it is lost)
          const ran = statusLines(fastest.out);
          expect(ran, label).toEqual(expect.arrayContaining(statusLines(pytest.out)));
          const extra = ran.filter((line) => !statusLines(pytest.out).includes(line));
          expect(
            extra.every((line) => line.startsWith('PASSED test_d.py::')),
            `${label}: ${extra.join(', ')}`,
          ).toBe(true);
          expect(fastest.code, label).toBe(pytest.code);
        }
      }
    });
  });
});
