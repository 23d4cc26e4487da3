// Every option of `pytest --help` (plugins off) names the test that compares its effect with
// pytest's (issue 13: "for each option a test of its effect against pytest's"). The list comes
// from the parser of the pytest in the test environment, so an option a new pytest adds fails
// here until it has a test; a named test that does not exist fails too.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRY, type EffectTest } from './helpers/option-registry.js';

/** Whether `file` holds a test titled `test`: a quoted title, or an `it.each` argument list. */
function testExists({ file, test }: EffectTest): boolean {
  const source = readFileSync(join(__dirname, file), 'utf8');
  if ([`'${test}'`, `"${test}"`, `\`${test}\``].some((quoted) => source.includes(quoted))) return true;
  if (!test.startsWith('[')) return false;
  const args = JSON.parse(test) as string[];
  return source.includes(`[[${args.map((a) => `'${a}'`).join(', ')}]]`);
}

describe('every option of pytest --help has a test of its effect against pytest', () => {
  it('names one for each option, and each named test exists', () => {
    const listing = execFileSync(
      'python3',
      [
        '-c',
        [
          'import json',
          'from _pytest.config import get_config',
          'p = get_config([])._parser',
          'ap = getattr(p, "optparser", None) or p._getparser()',
          'print(json.dumps([a.option_strings[0] for a in ap._actions if a.option_strings]))',
        ].join('\n'),
      ],
      { encoding: 'utf8', env: { ...process.env, PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' } },
    );
    const options = JSON.parse(listing) as string[];
    expect(options.length).toBeGreaterThan(85);
    expect(options.filter((o) => !(o in REGISTRY))).toEqual([]);
    expect(Object.entries(REGISTRY).filter(([, entry]) => !testExists(entry))).toEqual([]);
  });
});
