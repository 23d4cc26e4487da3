// A failing test's arguments as pytest prints them (`capsys = <_pytest.capture.CaptureFixture
// object at 0x...>`): the native engine's stand-ins for pytest's builtin fixtures print as pytest's.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixtureCopies, normalOutput, runIn, writeLines } from './helpers/against-pytest.js';

const { work, project } = fixtureCopies(join(__dirname, 'fixtures', 'native-basic'), 'fastest-fixture-reprs-');
const FIXTURES = [
  'capsys',
  'capfd',
  'capsysbinary',
  'capfdbinary',
  'capteesys',
  'monkeypatch',
  'caplog',
  'subtests',
  'recwarn',
  'pytestconfig',
  'request',
  'record_property',
  'record_testsuite_property',
  'record_xml_attribute',
  'doctest_namespace',
];

describe("builtin fixtures in a failure's arguments", () => {
  it('print as under pytest', async () => {
    const dir = project((d) =>
      writeLines(
        d,
        'tests/test_args.py',
        FIXTURES.flatMap((name) => [`def test_${name}(${name}):`, '    assert 0', '']),
      ),
    );
    const args = ['-p', 'no:cacheprovider', 'tests/test_args.py'];
    const addresses = (out: string) => normalOutput(out).replace(/0x[0-9a-f]+/g, '0x');
    const pytest = await runIn('python3', ['-m', 'pytest', ...args], dir, '', join(work, 'tmp'));
    const fastest = await runIn(process.execPath, [cli, ...args, '-n', '1', '--engine', 'native'], dir, '', join(work, 'tmp'));
    expect(addresses(pytest.out)).toContain('capsys = <_pytest.capture.CaptureFixture object at 0x>');
    expect(addresses(fastest.out)).toBe(addresses(pytest.out));
  }, 60_000);
});
