// The failure section of a conftest's own Item class that keeps pytest's default reportinfo (an
// empty domain) is titled as pytest titles it, "test session" (html5lib's 1,017 failing tree
// tests were titled by their names).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, normalOutput, runIn, writeLines } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-custom-item-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("a custom item's failure is titled as pytest's", async () => {
  const temp = join(work, 'tmp');
  const dir = join(work, 'project');
  writeLines(dir, 'pytest.ini', ['[pytest]']);
  writeLines(dir, 'conftest.py', [
    'import pytest',
    '',
    'def pytest_collect_file(file_path, parent):',
    '    if file_path.suffix == ".dat":',
    '        return DatFile.from_parent(parent, path=file_path)',
    '',
    'class DatFile(pytest.File):',
    '    def collect(self):',
    '        for line in self.path.read_text().splitlines():',
    '            yield DatItem.from_parent(self, name=line)',
    '',
    'class DatItem(pytest.Item):',
    '    def runtest(self):',
    '        assert self.name != "bad"',
  ]);
  writeLines(dir, 'cases.dat', ['good', 'bad']);
  const args = ['-p', 'no:cacheprovider'];
  const pytest = await runIn('python3', ['-m', 'pytest', ...args], dir, '', temp);
  expect(pytest.out).toContain(' test session ');
  const fastest = await runIn(process.execPath, [cli, ...args], dir, '', temp);
  // (the item's traceback runs through pytest's own frames: their addresses and descriptors vary)
  const body = (out: string) =>
    normalOutput(out)
      .slice(normalOutput(out).indexOf('= FAILURES ='))
      .replace(/0x[0-9a-f]+|oldfd=\d+/g, 'X');
  expect(body(fastest.out)).toBe(body(pytest.out));
}, 60_000);
