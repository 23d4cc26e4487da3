// pytest's parser over a command line with a plugin's option (cli/option-route.ts probeNowKept): the
// answer is kept in .fastest/option-probe.json and asked again when a plugin module, a conftest.py
// pytest loads at start-up or the ini file changes, or such a conftest.py appears.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(__dirname, '..');
const cli = join(repo, 'dist', 'cli.js');
let work: string;
let project: string;
let plugins: string;
let probeLog: string;

const PLUGIN = (action: string) => `def pytest_addoption(parser):\n    parser.addoption("--opt-a", action="${action}")\n`;
// The probe is the one process that has fastest_worker.option_check loaded when a conftest is imported.
const PROBE_NOTE = `import os, sys\nif "fastest_worker.option_check" in sys.modules:\n    with open(os.environ["PROBE_LOG"], "a") as f:\n        f.write("%d\\n" % os.getpid())\n`;

/** Written a minute ago (the kept answer trusts no file written in the last seconds). */
function writeOld(path: string, text: string, secondsAgo = 60): void {
  writeFileSync(path, text);
  const when = Date.now() / 1000 - secondsAgo;
  utimesSync(path, when, when);
}

function probes(): number {
  try {
    return new Set(readFileSync(probeLog, 'utf8').split('\n').filter(Boolean)).size; // a probe per process, whatever its conftests
  } catch {
    return 0;
  }
}

function run(tool: 'fastest' | 'pytest') {
  const env = { ...process.env, PYTHONPATH: plugins, PROBE_LOG: probeLog, GITHUB_ACTIONS: '', CI: '' };
  const args = tool === 'fastest' ? [cli, '-q', '-p', 'no:cacheprovider'] : ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'];
  const r = spawnSync(tool === 'fastest' ? process.execPath : 'python3', args, { cwd: project, env, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-probe-kept-'));
  project = join(work, 'project');
  plugins = join(work, 'plugins');
  probeLog = join(work, 'probes.log');
  mkdirSync(join(project, 'tests'), { recursive: true });
  mkdirSync(plugins);
  writeOld(join(plugins, 'plug_a.py'), PLUGIN('store_true'));
  writeOld(join(project, 'pytest.ini'), '[pytest]\ntestpaths = tests\naddopts = -p plug_a --opt-a\n');
  writeOld(join(project, 'conftest.py'), PROBE_NOTE);
  writeOld(join(project, 'tests', 'test_opt.py'), 'def test_opt(request):\n    assert request.config.getoption("opt_a") is True\n');
  for (const dir of [plugins, join(project, 'tests'), project]) utimesSync(dir, Date.now() / 1000 - 60, Date.now() / 1000 - 60);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a plugin's option in addopts: pytest's parser is asked once while nothing it read changes", () => {
  it('the first run asks, the next ones do not', () => {
    const first = run('fastest');
    expect(first.status, first.out).toBe(0);
    expect(first.out).toContain('1 passed');
    expect(probes()).toBe(1);
    for (let i = 0; i < 2; i++) {
      const again = run('fastest');
      expect(again.status, again.out).toBe(0);
      expect(again.out).toContain('1 passed');
    }
    expect(probes()).toBe(1);
  });

  it('a fresh checkout or runner (every state new, the same contents) keeps the answer, re-stamped', () => {
    expect(run('fastest').status).toBe(0);
    const before = probes();
    const kept = join(project, '.fastest', 'option-probe.json');
    const stampOf = (path: string) => {
      const entries = Object.values(
        (JSON.parse(readFileSync(kept, 'utf8')) as { entries: Record<string, { inputs: [string, number[] | null, string | null][] }> }).entries,
      );
      return entries.flatMap((entry) => entry.inputs.filter(([p]) => p === path).map(([, stamp]) => stamp?.[1]));
    };
    // the same texts written again (new inodes, mtimes and ctimes), the directories touched
    writeOld(join(plugins, 'plug_a.py'), readFileSync(join(plugins, 'plug_a.py'), 'utf8'), 90);
    writeOld(join(project, 'conftest.py'), readFileSync(join(project, 'conftest.py'), 'utf8'), 90);
    writeOld(join(project, 'pytest.ini'), readFileSync(join(project, 'pytest.ini'), 'utf8'), 90);
    utimesSync(plugins, Date.now() / 1000 - 90, Date.now() / 1000 - 90);
    const again = run('fastest');
    expect(again.status, again.out).toBe(0);
    expect(again.out).toContain('1 passed');
    expect(probes()).toBe(before);
    // kept with the new states: the next run only stats them (the plugin's mtime is now 90 s old, not 60)
    const [restamped] = stampOf(join(plugins, 'plug_a.py'));
    expect(Math.abs(restamped! - (Date.now() - 90_000))).toBeLessThan(15_000);
  });

  it("a plugin module's change is seen: its option now wants a value, and pytest's refusal is fastest's", () => {
    writeOld(join(plugins, 'plug_a.py'), PLUGIN('store'), 30);
    const pytest = run('pytest');
    const fastest = run('fastest');
    expect(pytest.status).toBe(4);
    expect(fastest.status, fastest.out).toBe(4);
    // (a kept answer would have accepted it: the refusal is the probe's)
    expect(fastest.out).toContain('--opt-a: expected one argument');
    writeOld(join(plugins, 'plug_a.py'), PLUGIN('store_true'), 20);
    const back = run('fastest');
    expect(back.status, back.out).toBe(0);
  });

  it('a conftest.py appearing where pytest loads one at start-up is seen', () => {
    expect(run('fastest').status).toBe(0);
    const before = probes();
    writeOld(join(project, 'tests', 'conftest.py'), PROBE_NOTE);
    const after = run('fastest');
    expect(after.status, after.out).toBe(0);
    expect(probes()).toBeGreaterThan(before);
  });

  it('a corrupt kept file, or an entry off its shape, is asked again', () => {
    const kept = join(project, '.fastest', 'option-probe.json');
    expect(run('fastest').status).toBe(0);
    const good = JSON.parse(readFileSync(kept, 'utf8')) as { entries: Record<string, { result: { options: Record<string, string> } }> };
    for (const entry of Object.values(good.entries)) entry.result.options['--opt-a'] = 'many';
    for (const text of ['{not json', JSON.stringify(good)]) {
      writeFileSync(kept, text);
      const before = probes();
      const again = run('fastest');
      expect(again.status, again.out).toBe(0);
      expect(again.out).toContain('1 passed');
      expect(probes()).toBe(before + 1);
    }
  });

  it('--strict-config (the parser asked beside discovery) is kept the same way', () => {
    const strict = join(work, 'strict');
    mkdirSync(join(strict, 'tests'), { recursive: true });
    writeOld(join(strict, 'pytest.ini'), '[pytest]\naddopts = --strict-config\n');
    writeOld(join(strict, 'conftest.py'), PROBE_NOTE);
    writeOld(join(strict, 'tests', 'test_one.py'), 'def test_one():\n    pass\n');
    const env = { ...process.env, PROBE_LOG: probeLog, GITHUB_ACTIONS: '', CI: '' };
    const before = probes();
    for (let i = 0; i < 3; i++) {
      const r = spawnSync(process.execPath, [cli, '-q', '-p', 'no:cacheprovider'], { cwd: strict, env, encoding: 'utf8' });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain('1 passed');
    }
    expect(probes()).toBe(before + 1);
    writeOld(join(strict, 'pytest.ini'), '[pytest]\naddopts = --strict-config\nunknown_key = 1\n', 10);
    const refused = spawnSync(process.execPath, [cli, '-q', '-p', 'no:cacheprovider'], { cwd: strict, env, encoding: 'utf8' });
    const pytest = spawnSync('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: strict, env, encoding: 'utf8' });
    expect(refused.status).toBe(pytest.status);
    expect(probes()).toBe(before + 2);
  });

  it('the ini file changing is seen', () => {
    expect(run('fastest').status).toBe(0);
    const before = probes();
    writeOld(join(project, 'pytest.ini'), '[pytest]\ntestpaths = tests\naddopts = -p plug_a --opt-a -rA\n', 10);
    const after = run('fastest');
    expect(after.status, after.out).toBe(0);
    expect(after.out).toContain('PASSED tests/test_opt.py::test_opt');
    expect(probes()).toBeGreaterThan(before);
  });
});
