// collection_filters.py: pytest collects every module inside one warnings context, so a filter a
// module's import adds stays for the modules collected after it. Here each collection is a
// context of its own: what one left (filters added in front, behind, or a list it reset) must be
// there in the next, over the filters that context installed, and gone once the contexts end.
// (collection-reports.test.ts compares the whole run with pytest.)
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const SCRIPT = `
import json, sys, warnings
sys.path.insert(0, sys.argv[1])
from fastest_worker.collection_filters import CarriedFilters

carried = CarriedFilters()
outside = list(warnings.filters)

def collect(imports):
    """One collection: its own context with the session's filter, then what the module does."""
    with warnings.catch_warnings():
        warnings.filterwarnings("always", category=DeprecationWarning)
        carried.resume()
        imports()
        seen = [(action, message.pattern if message else None, category.__name__) for action, message, category, _, _ in warnings.filters]
        carried.keep()
    return seen

steps = [
    collect(lambda: warnings.simplefilter("error")),
    collect(lambda: warnings.filterwarnings("ignore", message="x")),
    collect(lambda: warnings.filterwarnings("ignore", message="y", append=True)),
    collect(lambda: None),
    collect(lambda: warnings.resetwarnings()),
    collect(lambda: None),
    collect(lambda: warnings.simplefilter("default")),
]
print(json.dumps({"steps": steps, "restored": warnings.filters == outside}))
`;

it('carries what one collection added to its warning filters into the next, and nothing out of them', () => {
  const out = execFileSync('python3', ['-c', SCRIPT, join(__dirname, '..', 'python')], { encoding: 'utf8' });
  const { steps, restored } = JSON.parse(out) as { steps: [string, string | null, string][][]; restored: boolean };
  const always: [string, string | null, string] = ['always', null, 'DeprecationWarning'];
  expect(steps[0]![0]).toEqual(['error', null, 'Warning']);
  // the next collection starts with the first one's filter, in front of its own
  expect(steps[1]!.slice(0, 3)).toEqual([['ignore', 'x', 'Warning'], ['error', null, 'Warning'], always]);
  expect(steps[2]!.slice(0, 3)).toEqual([['ignore', 'x', 'Warning'], ['error', null, 'Warning'], always]);
  // a filter appended stays behind, the front ones in front
  expect(steps[3]!.at(0)).toEqual(['ignore', 'x', 'Warning']);
  expect(steps[3]!.at(-1)).toEqual(['ignore', 'y', 'Warning']);
  // resetwarnings() empties the list, and the next collections start from that
  expect(steps[4]).toEqual([]);
  expect(steps[5]).toEqual([]);
  expect(steps[6]).toEqual([['default', null, 'Warning']]);
  expect(restored).toBe(true);
});
