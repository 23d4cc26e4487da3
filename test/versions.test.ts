// The supported Python and pytest ranges are stated in four places that must agree: package.json's
// engines, the worker package, the README, and the CI matrix that tests them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(__dirname, '..');
const read = (path: string) => readFileSync(join(repo, path), 'utf8');
const pythonConstant = (name: string) => read('python/fastest_worker/__init__.py').match(new RegExp(`^${name} = "([^"]+)"$`, 'm'))?.[1];

describe('supported versions', () => {
  const engines = (JSON.parse(read('package.json')) as { engines: Record<string, string> }).engines;

  it('package.json engines and the worker package give the same ranges', () => {
    expect(engines.python).toBe('>=3.9 <3.14');
    expect(engines.pytest).toBe('>=8.4 <10');
    expect(pythonConstant('SUPPORTED_PYTHON')?.replace(',', ' ')).toBe(engines.python);
    expect(pythonConstant('SUPPORTED_PYTEST')?.replace(',', ' ')).toBe(engines.pytest);
  });

  it('the README states them, with the native engine range', () => {
    const readme = read('README.md');
    expect(readme).toContain('Python 3.9–3.13 and pytest 8.4–9.x');
    const native = read('python/fastest_worker/native/__init__.py').match(/^SUPPORTED_PYTEST_TEXT = "pytest>=(\d+\.\d+),<9\.2"$/m);
    expect(native?.[1]).toBe('8.4');
    expect(readme).toContain('runs with pytest\n8.4–9.1');
  });

  it('the CI matrix runs both ends of the Python range and every tested pytest', () => {
    const cells =
      read('scripts/test-versions.sh')
        .match(/FASTEST_VERSION_CELLS:-"([^"]+)"/)?.[1]
        .split(' ') ?? [];
    const pythons = new Set(cells.map((cell) => cell.split(':')[0]));
    const pytests = new Set([...cells.map((cell) => cell.split(':')[1]), read('test/requirements.txt').match(/^pytest==(\S+)$/m)?.[1]]);
    for (const python of ['3.9', '3.13']) expect(pythons).toContain(python);
    expect([...pytests].sort()).toEqual(['8.4.2', '9.0.3', '9.1.1']);
    for (const cell of cells.filter((c) => c.startsWith('3.9:') || c.startsWith('3.13:'))) expect(cell).toMatch(/:full$/);
  });
});
