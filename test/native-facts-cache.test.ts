// The native engine's module facts (python/fastest_worker/native/support.py) are kept in
// .fastest/native-facts-*.json. A fresh checkout (a CI run job restoring .fastest) gives every
// file a new mtime: facts of an unchanged file are reused by its content, not parsed again.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'fastest-facts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Python: \`parsed\` lists each module whose facts were parsed (not taken from a cache). */
const COUNTING_PARSES = `parsed = []
real = support._parse_facts
def counting(*args):
    parsed.append(args[0])
    return real(*args)
support._parse_facts = counting
`;

const script = `
import json, os, sys, time
from fastest_worker.native import support
d = sys.argv[1]
path = os.path.join(d, "test_m.py")
cache = os.path.join(d, ".fastest")
with open(path, "w") as f:
    f.write("import pytest\\n\\n@pytest.fixture\\ndef thing():\\n    return 1\\n\\ndef test_a(thing):\\n    pass\\n")
${COUNTING_PARSES}support.load_facts_cache(cache)
first = support._facts(path, False)
support.save_facts_cache()
support._parsed.clear()
t = time.time() + 100
os.utime(path, (t, t))  # a checkout: same content, new mtime
support.load_facts_cache(cache)
again = support._facts(path, False)
support._parsed.clear()
support.load_facts_cache(cache)
with open(path, "a") as f:
    f.write("\\ndef test_b():\\n    pass\\n")
changed = support._facts(path, False)
print(json.dumps({"parsed": len(parsed), "fixtures": sorted(again.fixtures), "same": sorted(first.requested) == sorted(again.requested), "changed": sorted(changed.requested)}))
`;

it('reuses the facts of a file whose mtime changed but not its content, and parses a changed one', () => {
  const out = execFileSync('python3', ['-c', script, dir], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: join(__dirname, '..', 'python') } });
  const result = JSON.parse(out) as { parsed: number; fixtures: string[]; same: boolean; changed: string[] };
  // parsed at first, not after the new mtime, again after the content changed
  expect(result.parsed).toBe(2);
  expect(result.fixtures).toEqual(['thing']);
  expect(result.same).toBe(true);
  expect(result.changed).toEqual(['thing']);
});

// A first run: the worker rewriting a module ahead of the run shares its facts (facts_ahead);
// another worker checking the module takes them instead of parsing it. Facts made for other
// describe prefixes, of other content, or half written are not taken.
const shared = `
import json, os, sys
from fastest_worker.native import support
d = sys.argv[1]
cache = os.path.join(d, ".fastest")
path = os.path.join(d, "test_shared.py")
with open(path, "w") as f:
    f.write("import pytest\\n\\n@pytest.fixture(autouse=True)\\ndef auto():\\n    return 1\\n\\n"
            "@pytest.mark.parametrize('x', [1, 2])\\ndef test_a(auto, x, request):\\n    pass\\n")
${COUNTING_PARSES}out = {}
support.facts_ahead(path, cache)  # worker A, before the run's configuration
support.load_facts_cache(cache, 1)  # worker B
taken = support._facts(path, False)
out["takenParsed"] = len(parsed)
support._parsed.clear()
support._shared_dir = None
own = support._facts(path, False)  # parsed here, as before
out["same"] = taken.to_json() == own.to_json()
support._parsed.clear()
support.load_facts_cache(cache, 1, ("describe",))  # pytest-describe's blocks: other rules
support._facts(path, False)
out["otherPrefixesParsed"] = len(parsed)
support._parsed.clear()
support.load_facts_cache(cache, 1)
with open(path, "a") as f:
    f.write("\\n@pytest.fixture\\ndef extra():\\n    return 2\\n")
changed = support._facts(path, False)
out["changedParsed"] = len(parsed)
out["changedFixtures"] = sorted(changed.fixtures)
support._parsed.clear()
with open(support._shared_file(support._shared_dir, path), "w") as f:
    f.write('{"version": ')  # another worker's half-written file
support._facts(path, False)
out["corruptParsed"] = len(parsed)
print(json.dumps(out))
`;

it('takes the facts another worker shared of the same content and rules, and parses otherwise', () => {
  const out = execFileSync('python3', ['-c', shared, dir], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: join(__dirname, '..', 'python') } });
  const result = JSON.parse(out) as Record<string, unknown>;
  expect(result).toEqual({
    takenParsed: 0,
    same: true,
    otherPrefixesParsed: 2,
    changedParsed: 3,
    changedFixtures: ['auto', 'extra'],
    corruptParsed: 4,
  });
});
