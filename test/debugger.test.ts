// A debugger a test starts (breakpoint(), pdb.set_trace(), pytest.set_trace()) reads fastest's
// stdin and prompts on its terminal, as under pytest (python/fastest_worker/debugger.py): the
// worker's debugger gets Node's stdin and writes through Node, one worker's debugger at a time.
// Before, it read /dev/null: every breakpoint failed its test with bdb.BdbQuit.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, normalOutput, runIn, summaryLine, writeLines } from './helpers/against-pytest.js';

const work = mkdtempSync(join(tmpdir(), 'fastest-debugger-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const tempRoot = join(work, 'tmp');
const common = ['-p', 'no:cacheprovider'];

/** Runs the command after `--` in a pseudo-terminal, answering each new `(Pdb)` prompt with the
 * next of the arguments before it (Python escapes: `\\x03` is Ctrl-C); prints what it showed. */
const PTY_DRIVER = [
  'import codecs, os, pty, select, sys, time',
  'sep = sys.argv.index("--")',
  'answers = [codecs.decode(a, "unicode_escape").encode("latin-1") for a in sys.argv[1:sep]]',
  'pid, fd = pty.fork()',
  'if pid == 0:',
  '    os.execvp(sys.argv[sep + 1], sys.argv[sep + 1:])',
  'out, prompts, deadline = b"", 0, time.time() + 60',
  'while time.time() < deadline:',
  '    if select.select([fd], [], [], 0.2)[0]:',
  '        try:',
  '            chunk = os.read(fd, 4096)',
  '        except OSError:',
  '            break',
  '        if not chunk:',
  '            break',
  '        out += chunk',
  '        if out.rstrip().endswith(b"(Pdb)") and out.count(b"(Pdb)") > prompts and answers:',
  '            prompts = out.count(b"(Pdb)")',
  '            time.sleep(0.2)',
  '            os.write(fd, answers.pop(0))',
  '    elif os.waitpid(pid, os.WNOHANG)[0]:',
  '        break',
  'sys.stdout.write(out.decode(errors="replace").replace("\\r", ""))',
];

/** What the debuggers printed, in order: their banners, prompts and answers (not the progress letters around them). */
function transcript(out: string): string[] {
  return out.split('\n').filter((line) => /^(>|\(Pdb\)|-> |--Return--)/.test(line));
}

function project(files: Record<string, string[]>): string {
  const dir = mkdtempSync(join(work, 'p'));
  for (const [path, lines] of Object.entries(files)) writeLines(dir, path, lines);
  return dir;
}

const fixtureAndTests = {
  'test_many.py': [
    'import pytest',
    '',
    '@pytest.fixture',
    'def value():',
    '    v = 10',
    '    breakpoint()',
    '    return v',
    '',
    'def test_fixture(value):',
    '    print("in test")',
    '    assert value == 10',
    '',
    'def test_twice():',
    '    a = 1',
    '    breakpoint()',
    '    a += 1',
    '    pytest.set_trace()',
    '    assert a == 2',
    '',
    'def test_plain():',
    '    print("hello")',
    '',
    'def test_quit_here():',
    '    import pdb; pdb.set_trace()',
    '    assert True',
    '',
    'def test_after_quit():',
    '    pass',
  ],
};

describe('a debugger a test starts', () => {
  it.concurrent.each([
    ['native', []],
    ['pytest', []],
    ['native', ['-s']],
    ['pytest', ['-s']],
  ])('prompts as under pytest: engine %s %j', async (engine, extra) => {
    const dir = project(fixtureAndTests);
    // a fixture's breakpoint, two in one test, pytest.set_trace(), then `q`: pytest's Exit
    const input = 'p v\nc\np a\nc\np a\nc\nq\n';
    const pytest = await runIn('python3', ['-m', 'pytest', ...common, ...extra], dir, input, tempRoot);
    const fastest = await runIn(process.execPath, [cli, ...common, ...extra, '-n', '1', '--engine', engine], dir, input, tempRoot);
    expect(transcript(pytest.out)).toContain('(Pdb) 10');
    expect(transcript(fastest.out)).toEqual(transcript(pytest.out));
    // with one worker the whole console is pytest's: the file's line before each banner, its letters
    expect(normalOutput(fastest.out)).toBe(normalOutput(pytest.out));
    expect(fastest.out).toContain('_pytest.outcomes.Exit: Quitting debugger');
    expect(fastest.code).toBe(pytest.code);
  });

  it.concurrent.each([['0'], ['1']])('takes turns on two workers (warm parent %s), each reading its own lines of a piped stdin', async (warmParent) => {
    const files: Record<string, string[]> = {};
    for (const m of ['a', 'b']) {
      files[`test_${m}.py`] = [
        'import time',
        '',
        `def test_${m}1():`,
        '    time.sleep(0.3)',
        `    name = "${m}"`,
        '    breakpoint()',
        `    assert name == "${m}"`,
        '',
        `def test_${m}2():`,
        '    pass',
      ];
    }
    const dir = project(files);
    const fastest = await runIn(process.execPath, [cli, ...common, '-n', '2'], dir, 'p name\nc\np name\nc\n', tempRoot, { FASTEST_WARM_PARENT: warmParent });
    expect(summaryLine(fastest.out)).toBe('4 passed');
    // each session whole, one after the other: its stop, its answer, its continue
    const sessions = transcript(fastest.out).join('\n').split('PDB set_trace (IO-capturing turned off)').slice(1);
    expect(sessions.map((session) => /test_([ab])\.py\(\d+\)test_\1/.exec(session)?.[1]).sort()).toEqual(['a', 'b']);
    for (const session of sessions) {
      const module = /test_([ab])\.py/.exec(session)![1];
      expect(session).toContain(`(Pdb) '${module}'`);
      expect(session).toContain('PDB continue (IO-capturing resumed)');
    }
    expect(fastest.code).toBe(0);
  });

  it("--pdbcls alone (deepdiff's addopts): fastest runs the tests, a breakpoint() starts the class it names", async () => {
    const dir = project({
      'mydbg.py': [
        'import pdb',
        '',
        'class MyPdb(pdb.Pdb):',
        '    def __init__(self, *args, **kwargs):',
        '        print("MyPdb in use")',
        '        super().__init__(*args, **kwargs)',
      ],
      'test_t.py': ['def test_debugged():', '    x = 41', '    breakpoint()', '    assert x + 1 == 42', '', 'def test_other():', '    pass'],
    });
    const args = [...common, '--pdbcls=mydbg:MyPdb'];
    const pytest = await runIn('python3', ['-m', 'pytest', ...args], dir, 'c\n', tempRoot);
    const fastest = await runIn(process.execPath, [cli, ...args, '-n', '1'], dir, 'c\n', tempRoot);
    expect(pytest.out).toContain('MyPdb in use');
    expect(fastest.out).toMatch(/^platform .* fastest-/m); // not handed to real pytest
    expect(normalOutput(fastest.out)).toBe(normalOutput(pytest.out));
    expect(fastest.code).toBe(pytest.code);
  });

  it.concurrent.each([['native'], ['pytest']])('on a terminal, edits lines with readline and takes Ctrl-C as pytest does: engine %s', async (engine) => {
    const dir = project({ 'test_t.py': ['def test_debugged():', '    x = 41', '    breakpoint()', '    assert x + 1 == 42'] });
    writeLines(dir, 'drive.py', PTY_DRIVER);
    // an answer, Ctrl-C at the prompt, the history's last line again (up arrow), continue
    const answers = ['p x+1\n', '\x03', '\x1b[A\n', 'c\n'];
    const drive = (command: string[]) => runIn('python3', ['drive.py', ...answers, '--', ...command], dir, '', tempRoot);
    const pytest = await drive(['python3', '-m', 'pytest', ...common, 'test_t.py']);
    const fastest = await drive([process.execPath, cli, ...common, '-n', '1', '--engine', engine, 'test_t.py']);
    const expected = ['(Pdb) p x+1', '(Pdb) --KeyboardInterrupt--', '(Pdb) p x+1', '(Pdb) c'];
    expect(transcript(pytest.out).filter((line) => line.startsWith('(Pdb)'))).toEqual(expected);
    expect(transcript(fastest.out)).toEqual(transcript(pytest.out));
    expect(summaryLine(fastest.out.replace(/\x1b\[[0-9;]*m/g, ''))).toBe('1 passed');
  });

  it.concurrent.each([['native'], ['pytest']])("-s: a test reads fastest's stdin, as under pytest -s: engine %s", async (engine) => {
    const dir = project({ 'test_in.py': ['def test_input():', '    assert input() == "hi"', '    assert input() == "there"'] });
    const pytest = await runIn('python3', ['-m', 'pytest', ...common, '-s', '-q'], dir, 'hi\nthere\n', tempRoot);
    const fastest = await runIn(process.execPath, [cli, ...common, '-s', '-q', '-n', '1', '--engine', engine], dir, 'hi\nthere\n', tempRoot);
    expect(summaryLine(pytest.out)).toBe('1 passed');
    expect(summaryLine(fastest.out)).toBe(summaryLine(pytest.out));
  });

  it('reads /dev/null as under pytest when stdin is empty: the test fails with BdbQuit', async () => {
    const dir = project({ 'test_x.py': ['def test_a():', '    pass', '', 'def test_b():', '    breakpoint()'] });
    const pytest = await runIn('python3', ['-m', 'pytest', ...common, '-q'], dir, '', tempRoot);
    const fastest = await runIn(process.execPath, [cli, ...common, '-q', '-n', '1'], dir, '', tempRoot);
    expect(summaryLine(fastest.out)).toBe(summaryLine(pytest.out));
    expect(fastest.out).toContain('FAILED test_x.py::test_b - bdb.BdbQuit');
    expect(fastest.code).toBe(pytest.code);
  });

  it('is not timed out by --timeout while it waits for the user', async () => {
    const dir = project({ 'test_t.py': ['def test_debugged():', '    x = 1', '    breakpoint()', '    assert x == 1'] });
    const ran = await new Promise<{ code: number | null; out: string }>((resolvePromise) => {
      const child = spawn(process.execPath, [cli, ...common, '-q', '-n', '1', '--timeout', '1'], {
        cwd: dir,
        env: { ...process.env, PYTEST_DEBUG_TEMPROOT: tempRoot },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      setTimeout(() => child.stdin.end('c\n'), 2500);
      child.on('close', (code) => resolvePromise({ code, out }));
    });
    expect(ran.out).toContain('(Pdb)');
    expect(summaryLine(ran.out)).toBe('1 passed');
    expect(ran.code).toBe(0);
  });
});
