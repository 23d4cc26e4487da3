// A node id its module does not produce is pytest's usage error, worded as pytest words it: the
// collector it names (a unittest class is pytest's UnitTestCase, pytz's), and the blank line
// pytest's main writes after each message. Compared on stderr byte for byte, first and taught.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, runIn, writeLines } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-not-found-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("a node id no module produces is refused with pytest's words", async () => {
  const temp = join(work, 'tmp');
  const dir = join(work, 'project');
  writeLines(dir, 'pytest.ini', ['[pytest]']);
  writeLines(dir, 'test_u.py', [
    'import unittest',
    '',
    'class TC(unittest.TestCase):',
    '    def test_a(self):',
    '        pass',
    '',
    'class TestPlain:',
    '    def test_b(self):',
    '        pass',
  ]);
  for (const round of ['first', 'taught']) {
    if (round === 'first') rmSync(join(dir, '.fastest'), { recursive: true, force: true });
    else await runIn(process.execPath, [cli, '-p', 'no:cacheprovider'], dir, '', temp);
    for (const id of ['test_u.py::TC::test_zz', 'test_u.py::TestPlain::test_zz', 'test_u.py::nothing', "-k 'a and'"]) {
      const args = ['-p', 'no:cacheprovider', ...(id.startsWith('-k') ? ['-k', 'a and'] : [id])];
      const pytest = await runIn('python3', ['-m', 'pytest', ...args], dir, '', temp);
      const fastest = await runIn(process.execPath, [cli, ...args], dir, '', temp);
      expect({ round, id, code: fastest.code, err: fastest.err }).toEqual({ round, id, code: pytest.code, err: pytest.err });
    }
  }
}, 120_000);
