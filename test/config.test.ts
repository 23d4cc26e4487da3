import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, getIni, loadConfig, splitShellArgs, type Config } from '../src/config/index.js';
import { parseIni, IniParseError } from '../src/config/ini-parser.js';
import { selfAndParents } from '../src/memo/ancestors.js';
import { CONFIG_NAMES } from '../src/config/findpaths.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures');
const oracleScript = join(fixtures, 'config-oracle', 'pytest_config_oracle.py');

// Fixtures are copied to a temp dir so that the upward config search never meets files of the
// repository (or of whoever checks it out) above them.
let root = '';

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'fastest-config-')));
  for (const name of readdirSync(fixtures)) {
    if (name.startsWith('config-') && name !== 'config-oracle') cpSync(join(fixtures, name), join(root, name), { recursive: true });
  }
  const stray = selfAndParents(root)
    .flatMap((d) => [...CONFIG_NAMES, 'setup.py'].map((n) => join(d, n)))
    .filter(existsSync);
  expect(stray, 'config files above the temp dir would skew the upward search').toEqual([]);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Case {
  name: string;
  cwd: string; // relative to the temp root
  args: string[];
  inifile?: string;
  rootdir?: string;
  overrides?: string[];
  /** pytest's exit code for a config it cannot read (4, its usage error, unless given). */
  exitCode?: number;
  /** The bad value is kept as its text for where it is used (xfail_strict). */
  readWhereUsed?: true;
}

interface OracleConfig {
  error?: string;
  rootdir?: string;
  inifile?: string | null;
  ignored?: string[];
  rawStr?: Record<string, string | string[]>;
  typedError?: string;
  typed?: Record<string, unknown>;
}

interface OracleReply {
  config: OracleConfig[];
  shlex: (string[] | { error: string })[];
  ini: (Record<string, Record<string, string>> | { error: string })[];
}

function askPytest(request: { config?: Case[]; shlex?: string[]; ini?: string[] }): OracleReply {
  const config = (request.config ?? []).map((c) => ({ ...c, cwd: join(root, c.cwd) }));
  const out = execFileSync('python3', [oracleScript], {
    input: JSON.stringify({ ...request, config }),
    encoding: 'utf8',
    env: { ...process.env, PYTEST_ADDOPTS: '' },
  });
  return JSON.parse(out) as OracleReply;
}

function load(c: Case): Config {
  return loadConfig({
    cwd: join(root, c.cwd),
    args: c.args,
    inifile: c.inifile,
    rootdir: c.rootdir,
    overrides: c.overrides,
  });
}

function loadError(c: Case): ConfigError {
  try {
    load(c);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${c.name}`);
}

const CASES: Case[] = [
  // every file kind
  { name: 'pytest.ini (+ ignored setup.cfg)', cwd: 'config-pytest-ini', args: [] },
  { name: 'pyproject ini_options', cwd: 'config-pyproject-ini-options', args: [] },
  { name: 'pyproject [tool.pytest]', cwd: 'config-pyproject-native', args: [] },
  { name: 'pytest.toml beats pytest.ini', cwd: 'config-pytest-toml', args: [] },
  { name: '.pytest.ini without section', cwd: 'config-dot-pytest-ini', args: [] },
  { name: 'tox.ini [pytest]', cwd: 'config-tox', args: [] },
  { name: 'setup.cfg [tool:pytest]', cwd: 'config-setup-cfg', args: [] },
  // upward search and rootdir from args
  { name: 'upward from a deep dir', cwd: 'config-pytest-ini/tests/sub', args: [] },
  { name: 'node id arg', cwd: 'config-pytest-ini', args: ['tests/sub/test_a.py::test_ok'] },
  { name: 'args with options mixed in', cwd: 'config-pytest-ini', args: ['-x', 'other'] },
  { name: 'pyproject without section is a candidate', cwd: 'config-pyproject-nosection/pkg/deep', args: [] },
  { name: 'pyproject without section loses to ini above', cwd: 'config-pyproject-under-ini/sub', args: [] },
  { name: 'nearest config wins', cwd: 'config-nested', args: ['inner/tests'] },
  { name: 'common ancestor of two args', cwd: 'config-nested', args: ['inner/tests', 'other'] },
  { name: 'cwd elsewhere, arg inside', cwd: 'config-noconfig', args: ['../config-nested/inner/tests/test_a.py'] },
  { name: 'setup.py marks rootdir', cwd: 'config-setup-py/src/tests', args: [] },
  { name: 'setup.py with arg', cwd: 'config-setup-py', args: ['src/tests/test_a.py::test_ok'] },
  { name: 'no config: cwd', cwd: 'config-noconfig/a', args: [] },
  { name: 'no config: common ancestor of args', cwd: 'config-noconfig/a/x', args: ['.', '../../b'] },
  { name: 'no config: args in dirs without config, cwd above', cwd: 'config-noconfig', args: ['a/x/test_a.py', 'b'] },
  { name: 'missing arg path is ignored', cwd: 'config-pytest-ini', args: ['does/not/exist.py'] },
  { name: 'arg dirs each find configs', cwd: 'config-noconfig', args: ['../config-tox', '../config-setup-cfg'] },
  { name: 'empty pytest.toml still counts', cwd: 'config-empty-tables/a', args: [] },
  { name: 'empty ini_options table counts', cwd: 'config-empty-tables/b', args: [] },
  { name: 'empty [tool.pytest] does not count', cwd: 'config-empty-tables/c', args: [] },
  { name: 'parametrized node id', cwd: 'config-empty-tables', args: ['c/test_a.py::test_ok[1-2]'] },
  // -c and --rootdir
  { name: '-c pins rootdir to its dir', cwd: 'config-noconfig', args: [], inifile: '../config-tox/tox.ini' },
  { name: '-c with --rootdir', cwd: 'config-noconfig', args: [], inifile: '../config-tox/tox.ini', rootdir: 'a' },
  { name: '-c with a file of another suffix', cwd: 'config-setup-py', args: [], inifile: 'setup.py' },
  { name: '-c custom toml', cwd: 'config-noconfig', args: [], inifile: '../config-pyproject-native/pyproject.toml' },
  { name: '--rootdir keeps the located inifile', cwd: 'config-pytest-ini', args: [], rootdir: 'tests' },
  { name: '-c pyproject without section', cwd: 'config-noconfig/a', args: [], inifile: '../../config-pyproject-nosection/pyproject.toml' },
  { name: '--rootdir is a file', cwd: 'config-tox', args: [], rootdir: 'test_a.py' },
  { name: '--rootdir missing', cwd: 'config-pytest-ini', args: [], rootdir: 'nope' },
  // overrides
  {
    name: '-o overrides and adds',
    cwd: 'config-pytest-ini',
    args: [],
    overrides: ['markers=a\nb', 'strict_xfail=false', 'python_files=x_*.py', 'new_key=1', 'addopts=-q', 'addopts=-v -s'],
  },
  { name: '-o alias vs canonical in file', cwd: 'config-pytest-toml', args: [], overrides: ['xfail_strict=true'] },
  { name: '-o on a toml-mode file', cwd: 'config-pyproject-native', args: [], overrides: ['testpaths=a b', 'strict=0'] },
  { name: '-o malformed', cwd: 'config-tox', args: [], overrides: ['novalue'] },
  // malformed
  { name: 'ini unexpected line', cwd: 'config-bad-ini-line', args: [] },
  { name: 'ini duplicate name', cwd: 'config-bad-ini-dup', args: [] },
  { name: 'ini continuation first', cwd: 'config-bad-ini-continuation', args: [] },
  { name: 'bad toml', cwd: 'config-bad-toml', args: [] },
  { name: 'setup.cfg [pytest]', cwd: 'config-bad-setup-cfg', args: [] },
  { name: 'both tool.pytest tables', cwd: 'config-bad-both-tables', args: [] },
  { name: 'malformed ignored sibling', cwd: 'config-bad-ignored-sibling', args: [] },
  // shlex's ValueError leaves pytest's main: exit 1
  { name: 'addopts unclosed quote', cwd: 'config-bad-addopts', args: [], exitCode: 1 },
  // pytest raises only where it reads the value (an xfail mark's evaluation: that test errors)
  { name: 'bool not a truth value', cwd: 'config-bad-bool', args: [], readWhereUsed: true },
  { name: 'native toml wrong type', cwd: 'config-bad-native-type', args: [] },
];

describe('loadConfig agrees with pytest 9', () => {
  let oracle: OracleConfig[] = [];
  beforeAll(() => {
    oracle = askPytest({ config: CASES }).config;
  });

  CASES.forEach((c, i) => {
    it(c.name, () => {
      const want = oracle[i] as OracleConfig;
      if (c.readWhereUsed) {
        expect(want.error ?? want.typedError ?? (hasTypedError(want) ? 'typed' : undefined)).toBeDefined();
        expect(load(c).xfailStrict).toBe('maybe');
        return;
      }
      if (want.error !== undefined || want.typedError !== undefined || hasTypedError(want)) {
        const err = loadError(c);
        expect(err.exitCode).toBe(c.exitCode ?? 4);
        expect(err.message).not.toContain('\n');
        return;
      }
      const got = load(c);
      expect(got.rootdir).toBe(want.rootdir);
      expect(got.inifile).toBe(want.inifile);
      expect(got.ignoredConfigFiles).toEqual(want.ignored);
      expect(got.ini).toEqual(want.rawStr);
      const typed = want.typed ?? {};
      expect(got.testpaths).toEqual(typed['testpaths']);
      expect(got.pythonFiles).toEqual(typed['python_files']);
      expect(got.pythonClasses).toEqual(typed['python_classes']);
      expect(got.pythonFunctions).toEqual(typed['python_functions']);
      expect(got.norecursedirs).toEqual(typed['norecursedirs']);
      expect(got.markers).toEqual(typed['markers']);
      expect(got.addopts).toEqual(typed['addopts']);
      expect(got.xfailStrict).toBe(typed['strict_xfail'] ?? typed['strict'] ?? false);
    });
  });
});

function hasTypedError(o: OracleConfig): boolean {
  return Object.values(o.typed ?? {}).some((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
}

describe('loadConfig details', () => {
  const at = (rel: string): string => join(root, rel);

  it('reads pytest.ini values, asyncio_mode and [tool.fastest] of the rootdir pyproject', () => {
    const cfg = load({ name: '', cwd: 'config-pytest-ini/tests', args: [] });
    expect(cfg.rootdir).toBe(at('config-pytest-ini'));
    expect(cfg.inifile).toBe(at('config-pytest-ini/pytest.ini'));
    expect(cfg.ignoredConfigFiles).toEqual(['setup.cfg']);
    expect(cfg.asyncioMode).toBe('auto');
    expect(cfg.xfailStrict).toBe(true);
    expect(cfg.norecursedirs).toEqual(['.git', 'build', 'my dir']);
    expect(cfg.ini['custom_key']).toBe('value with = sign');
    expect(cfg.fastest).toEqual({ workers: 3, engine: 'native' });
  });

  it('reads pyproject ini_options as strings and [tool.fastest]', () => {
    const cfg = load({ name: '', cwd: 'config-pyproject-ini-options/tests', args: [] });
    expect(cfg.ini['minversion']).toBe('6.0');
    expect(cfg.ini['xfail_strict']).toBe('True');
    expect(cfg.ini['timeout']).toBe('30');
    expect(cfg.testpaths).toEqual(['tests', 'integration']);
    expect(cfg.asyncioMode).toBeNull();
    expect(cfg.fastest).toEqual({ shards: 4, exclude: ['tests/slow'] });
    expect(getIni(cfg, 'timeout', 'int')).toBe(30);
    expect(getIni(cfg, 'minversion', 'float')).toBe(6);
  });

  it('keeps native TOML types in [tool.pytest] and applies `strict` to xfail', () => {
    const cfg = load({ name: '', cwd: 'config-pyproject-native', args: [] });
    expect(cfg.addopts).toEqual(['-v', '--tb=line']);
    expect(cfg.pythonFiles).toEqual(['spec_*.py']);
    expect(cfg.xfailStrict).toBe(true); // strict = true, no strict_xfail
    expect(cfg.asyncioMode).toBe('strict');
    expect(getIni(cfg, 'strict', 'bool')).toBe(true);
    expect(getIni(cfg, 'testpaths', 'paths')).toEqual([at('config-pyproject-native/tests')]);
    expect(() => getIni(cfg, 'strict', 'string')).toThrow(/expects a string, got bool: True/);
    expect(cfg.fastest).toEqual({});
    const withOverride = loadConfig({ cwd: at('config-pyproject-native'), args: [], overrides: ['strict=no'] });
    expect(withOverride.xfailStrict).toBe(false); // -o values are INI mode even over a TOML file
    expect(withOverride.ini['strict']).toBe('no');
    expect(() => getIni(cfg, 'addopts', 'bool')).toThrow(/expects a bool, got list: \['-v', '--tb=line'\]$/);
  });

  it('-o beats the file and the canonical name beats its alias', () => {
    const base: Case = { name: '', cwd: 'config-pytest-toml', args: [] };
    expect(load(base).xfailStrict).toBe(false); // strict_xfail = false in pytest.toml
    expect(load({ ...base, overrides: ['xfail_strict=yes'] }).xfailStrict).toBe(true);
    expect(load({ ...base, overrides: ['xfail_strict=yes', 'strict_xfail=off'] }).xfailStrict).toBe(false);
    expect(load({ ...base, overrides: ['asyncio_mode=auto'] }).asyncioMode).toBe('auto');
    expect(load({ ...base, overrides: ['k=a=b'] }).ini['k']).toBe('a=b');
  });

  it('expands environment variables in --rootdir', () => {
    const cfg = loadConfig({ cwd: at('config-noconfig'), args: [], rootdir: '$FASTEST_T/b', env: { FASTEST_T: at('config-noconfig') } });
    expect(cfg.rootdir).toBe(at('config-noconfig/b'));
  });

  it('gives one-line errors naming file and line', () => {
    const msg = (cwd: string, extra: Partial<Case> = {}): string => loadError({ name: '', cwd, args: [], ...extra }).message;
    expect(msg('config-bad-ini-line')).toBe(`${at('config-bad-ini-line/pytest.ini')}:3: unexpected line: 'this line has no separator'`);
    expect(msg('config-bad-ini-dup')).toBe(`${at('config-bad-ini-dup/pytest.ini')}:3: duplicate name 'markers'`);
    expect(msg('config-bad-ini-continuation')).toBe(`${at('config-bad-ini-continuation/tox.ini')}:1: unexpected value continuation`);
    expect(msg('config-bad-toml')).toMatch(new RegExp(`^${escape(at('config-bad-toml/pyproject.toml'))}:\\d+: invalid TOML: `));
    expect(msg('config-bad-setup-cfg')).toBe(
      `${at('config-bad-setup-cfg/setup.cfg')}:4: [pytest] section in setup.cfg files is no longer supported, change to [tool:pytest] instead.`,
    );
    expect(msg('config-bad-both-tables')).toMatch(/pyproject\.toml: Cannot use both \[tool\.pytest\]/);
    expect(msg('config-bad-ignored-sibling')).toBe(`${at('config-bad-ignored-sibling/setup.cfg')}:1: unexpected value continuation`);
    expect(msg('config-bad-addopts')).toBe(`${at('config-bad-addopts/pytest.ini')}:3: addopts: ValueError: No closing quotation`);
    expect(msg('config-bad-native-type')).toBe(
      `${at('config-bad-native-type/pyproject.toml')}: config option 'testpaths' expects a list for type 'args', got str: 'tests'`,
    );
    expect(msg('config-tox', { overrides: ['novalue'] })).toBe("-o/--override-ini expects option=value style (got: 'novalue').");
    expect(msg('config-tox', { overrides: ['addopts="x'] })).toBe('-o addopts: addopts: ValueError: No closing quotation');
    expect(msg('config-tox', { rootdir: 'nope' })).toBe(`Directory '${at('config-tox/nope')}' not found. Check your '--rootdir' option.`);
    expect(msg('config-tox', { inifile: 'nope.ini' })).toMatch(/nope\.ini: config file not found/);
  });

  it('rejects config files that are not UTF-8', () => {
    const dir = at('config-made-latin1');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pytest.ini'), Buffer.from('[pytest]\nmarkers = caf\xe9\n', 'latin1'));
    const err = loadError({ name: '', cwd: 'config-made-latin1', args: [] });
    expect(err.message).toBe(`${join(dir, 'pytest.ini')}: config file is not valid UTF-8`);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('splitShellArgs agrees with shlex.split', () => {
  const inputs = [
    '',
    '   ',
    '-v -x',
    '-k "not slow and not flaky"',
    "-p 'no:cacheprovider'",
    'a"b c"d',
    "it's\\ fine",
    '"a\\"b" \'c\\d\' e\\ f',
    '"x\\y" "x\\\\y" "\\$"',
    "'' \"\" a''b",
    'tab\tnew\nline\r\nend',
    '--tb=short  # not a comment',
    '"unclosed',
    "'unclosed",
    'trailing\\',
    '"esc at end\\',
    'ünï "cødé 𝄞"',
  ];
  it('on tricky inputs', () => {
    const want = askPytest({ shlex: inputs }).shlex;
    inputs.forEach((s, i) => {
      let got: string[] | { error: string };
      try {
        got = splitShellArgs(s);
      } catch (err) {
        got = { error: (err as Error).message };
      }
      expect(got, JSON.stringify(s)).toEqual(want[i]);
    });
  });
});

describe('INI reader agrees with iniconfig', () => {
  const texts = [
    '[pytest]\naddopts = -v\n  -x\n\n  -s\n',
    '[pytest]\nkey =\n    a\n    # comment\n    ; another\n    b\n',
    '[pytest] # trailing\nname: value\nother = x: y\nurl: http://a=b\n',
    '[a]\nx = 1 # not stripped\n[b]\ny=\n',
    '\ufeff[pytest]\n',
    '[pytest]\r\nwin = 1\r\n  two\r\n',
    '[pytest]\nx = 1\n[unterminated\n',
    '[]\n',
    '[a]\n[a]\n',
    '[a]\nx=1\nx=2\n',
    'x = 1\n',
    '[a]\n[b]\n  cont\n',
    '  cont\n',
    '[a]\nbare\n',
    '[ spaced ]\n k = v \n',
    '[a]\nx = \n  \n  y\n',
    '[a]\nk\u00a0= v\u00a0\n',
    '[a]\n\u200bzero\x01width\n',
    'é\u2028\n',
  ];
  it('on tricky inputs', () => {
    const want = askPytest({ ini: texts }).ini;
    texts.forEach((text, i) => {
      let got: Record<string, Record<string, string>> | { error: string };
      try {
        const doc = parseIni('x.ini', text);
        got = Object.fromEntries([...doc].map(([name, s]) => [name, Object.fromEntries([...s.entries].map(([k, e]) => [k, e.value]))]));
      } catch (err) {
        expect(err).toBeInstanceOf(IniParseError);
        got = { error: (err as Error).message };
      }
      expect(got, JSON.stringify(text)).toEqual(want[i]);
    });
  });
});

describe('real pytest --co header', () => {
  it('prints the same rootdir and configfile', () => {
    const cases: Case[] = [
      { name: '', cwd: 'config-tox', args: [] },
      { name: '', cwd: 'config-pyproject-nosection/pkg/deep', args: [] },
      { name: '', cwd: 'config-noconfig', args: ['a/x/test_a.py', 'b'] },
    ];
    for (const c of cases) {
      const cfg = load(c);
      const run = spawnSync('python3', ['-m', 'pytest', '--co', '-p', 'no:cacheprovider', ...c.args], {
        cwd: join(root, c.cwd),
        encoding: 'utf8',
        env: { ...process.env, PYTEST_ADDOPTS: '', PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' },
      });
      const rootLine = /^rootdir: (.*)$/m.exec(run.stdout)?.[1];
      const configLine = /^configfile: (.*)$/m.exec(run.stdout)?.[1] ?? null;
      expect(rootLine, run.stdout + run.stderr).toBe(cfg.rootdir);
      expect(configLine).toBe(cfg.inifile === null ? null : cfg.inifile.slice(cfg.rootdir.length + 1));
    }
  });
});

describe('TOML floats in [tool.pytest.ini_options]', () => {
  it('read as Python str() of the float, as pytest reads them', async () => {
    const { pyStrOfTomlValue } = await import('../src/config/pystr.js');
    const values = [1e-5, 1e16, 0.5, 3.0, -0.0, 1e15, 123456789.125, 1e-4];
    const python = execFileSync(
      'python3',
      ['-c', `print("\\n".join(str(x) for x in (${values.map((v) => `float("${Object.is(v, -0) ? '-0.0' : String(v)}")`).join(', ')})))`],
      { encoding: 'utf8' },
    );
    expect(values.map((v) => pyStrOfTomlValue(v))).toEqual(python.trim().split('\n'));
  });
});
