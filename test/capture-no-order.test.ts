// -s with one worker: pytest's byte order on both streams. pytest writes the file's (or under -v
// the test's) line start, then what the test prints, then its result letter, then what its
// teardown prints (fixture finalizers, the module's and class's teardowns), then a teardown
// error's letter; the worker forwards what tests write to fds 1 and 2 through the protocol, before
// the frame that follows it, marking what a teardown writes (python/fastest_worker/output_order.py),
// and the console shows each result as it comes, its teardown's output after its letter, without
// progress percentages (pytest's _show_progress_info is off under -s); under -q no file or id.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, normalOutput, runIn } from './helpers/against-pytest.js';

let dir: string;
/** The runs' temporary roots, apart from the project (which pytest walks). */
let temps: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fastest-sorder-'));
  temps = mkdtempSync(join(tmpdir(), 'fastest-sorder-temps-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'pytest.ini'), '[pytest]\n');
  writeFileSync(
    join(dir, 'test_a.py'),
    [
      'import sys',
      'import pytest',
      '',
      '@pytest.fixture',
      'def noisy():',
      '    print("setup says")',
      '    yield',
      '',
      'def test_pass(noisy):',
      '    print("out here")',
      '    sys.stderr.write("err here\\n")',
      '',
      'def test_fail():',
      '    print("fail out")',
      '    assert 1 == 2',
      '',
      'def test_quiet():',
      '    pass',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'test_b.py'), 'def test_b():\n    print("b out", end="")\n\ndef test_b2():\n    print("b2 out")\n');
  writeFileSync(
    join(dir, 'test_c.py'),
    [
      'import sys',
      'import pytest',
      '',
      '@pytest.fixture(scope="session")',
      'def session_res():',
      '    yield',
      '    print("session teardown")',
      '',
      '@pytest.fixture(scope="module")',
      'def module_res():',
      '    print("module setup")',
      '    yield',
      '    print("module teardown")',
      '    sys.stderr.write("module teardown err\\n")',
      '',
      '@pytest.fixture',
      'def finalized(request):',
      '    request.addfinalizer(lambda: print("finalizer ran", end=""))',
      '',
      '@pytest.fixture',
      'def broken_teardown():',
      '    yield',
      '    print("about to fail")',
      '    raise RuntimeError("teardown failed")',
      '',
      '@pytest.fixture',
      'def broken_setup():',
      '    print("setup fails")',
      '    raise RuntimeError("setup failed")',
      '',
      '@pytest.fixture',
      'def cleanup_after_setup_error(request):',
      '    request.addfinalizer(lambda: print("cleaned up after setup error"))',
      '',
      'def teardown_module():',
      '    print("teardown_module")',
      '',
      'def test_first(session_res, module_res, finalized):',
      '    print("first body")',
      '',
      'def test_teardown_error(broken_teardown):',
      '    print("body before teardown error")',
      '',
      'def test_setup_error(cleanup_after_setup_error, broken_setup):',
      '    pass',
      '',
      'def test_fails_then_finalizer(finalized):',
      '    assert 0',
      '',
      'class TestClass:',
      '    @classmethod',
      '    def teardown_class(cls):',
      '        print("teardown_class")',
      '',
      '    def teardown_method(self, method):',
      '        print("teardown_method", method.__name__)',
      '',
      '    def test_in_class(self):',
      '        print("in class")',
      '',
      '    def test_skipped(self):',
      '        pytest.skip("not now")',
      '',
      'def test_last(module_res):',
      '    print("last body", end="")',
      '',
    ].join('\n'),
  );
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(temps, { recursive: true, force: true });
});

describe('-s output order with one worker, as pytest', () => {
  it.concurrent.each([
    ['-s', 'native'],
    ['-s', 'pytest'],
    ['-s -v', 'native'],
    ['-s -v', 'pytest'],
    ['-s -rA', 'native'],
    ['-s -v -rA', 'pytest'],
    ['-s', 'auto'],
    // (-q shows no file and no id: what a test prints follows the last letter)
    ['-s -q', 'native'],
    ['-s -qq -rA', 'pytest'],
  ])('%s, %s engine', async (args, engine) => {
    const argv = ['-p', 'no:cacheprovider', ...args.split(' ')];
    const temp = join(temps, `${args}-${engine}`.replace(/ /g, ''));
    const p = await runIn('python3', ['-m', 'pytest', ...argv], dir, '', temp);
    const f = await runIn(process.execPath, [cli, ...argv, '-n', '1', '--engine', engine], dir, '', temp);
    expect(p.out).toContain('out here');
    expect(p.out).toMatch(/(\.|PASSED)module teardown\n/); // (a teardown's output follows its letter)
    expect({ code: f.code, out: normalOutput(f.out), err: f.err }).toEqual({ code: p.code, out: normalOutput(p.out), err: p.err });
  });
});
