// The config stage: rootdir, the config file pytest would use, and the ini values fastest needs.

import { basename, dirname, join, resolve } from 'node:path';
import { probePath } from '../memo/inputs.js';
import { readFastestTable, type ConfigDict, type ConfigValue } from './files.js';
import { determineSetup } from './findpaths.js';
import { ConfigError } from './errors.js';
import { readIni, type IniSource, type IniType } from './values.js';

export { ConfigError } from './errors.js';
export { splitShellArgs, ShellSplitError } from './shlex.js';
export type { ConfigValue } from './files.js';
export type { IniType } from './values.js';
export { shellWordsOf } from './values.js';

export const DEFAULT_NORECURSEDIRS: readonly string[] = ['*.egg', '.*', '_darcs', 'build', 'CVS', 'dist', 'node_modules', 'venv', '{arch}'];

export interface Config {
  rootdir: string; // absolute
  inifile: string | null; // absolute path of the config file used, or null
  testpaths: string[];
  pythonFiles: string[];
  pythonClasses: string[];
  pythonFunctions: string[];
  norecursedirs: string[];
  markers: string[]; // lines of the `markers` ini value
  addopts: string[]; // the ini `addopts`, split like shlex (PYTEST_ADDOPTS is the caller's)
  /** strict_xfail / xfail_strict, falling back to `strict`; the text of one that is no truth
   * value (pytest raises only where an xfail mark is evaluated: that test errors). */
  xfailStrict: boolean | string;
  asyncioMode: string | null; // asyncio_mode ini (pytest-asyncio), null if unset
  ini: Record<string, string | string[]>; // every raw key, after -o overrides
  fastest: Record<string, unknown>; // [tool.fastest] in pyproject.toml
  /** Basenames next to inifile that also hold pytest config and were ignored (pytest warns). */
  ignoredConfigFiles: string[];
  /** Raw values with their origin and mode, for getIni. */
  iniValues: Record<string, ConfigValue>;
  /** The directory pytest was invoked from (absolute). */
  invocationDir: string;
}

export interface LoadConfigOptions {
  cwd: string;
  /** Positional args: paths or node ids (`tests/test_a.py::test_x`). */
  args: string[];
  /** -c / --config-file */
  inifile?: string;
  /** --rootdir (environment variables are expanded, as pytest does) */
  rootdir?: string;
  /** -o / --override-ini values, each `name=value` */
  overrides?: string[];
  /** Environment for --rootdir expansion; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

function iniSource(config: Pick<Config, 'inifile' | 'invocationDir'>): IniSource {
  return { inifile: config.inifile, baseDir: config.inifile ? dirname(config.inifile) : config.invocationDir };
}

function dictOf(config: Pick<Config, 'iniValues'>): ConfigDict {
  return new Map(Object.entries(config.iniValues));
}

/**
 * Any ini option, typed as pytest's `config.getini(name)` returns it for an option registered
 * with `type`; undefined when unset. Throws ConfigError for values of the wrong type.
 */
export function getIni(config: Config, name: string, type: 'bool'): boolean | undefined;
export function getIni(config: Config, name: string, type: 'args' | 'linelist' | 'paths'): string[] | undefined;
export function getIni(config: Config, name: string, type: 'string'): string | undefined;
export function getIni(config: Config, name: string, type: 'int' | 'float'): number | undefined;
export function getIni(config: Config, name: string, type: IniType): unknown {
  return readIni(dictOf(config), iniSource(config), name, type);
}

function rawIniRecord(inicfg: ConfigDict): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, { text }] of inicfg) out[key] = Array.isArray(text) ? [...text] : text;
  return out;
}

/** The pyproject.toml whose [tool.fastest] applies: the config file itself, else the rootdir's. */
function fastestPyproject(inifile: string | null, rootdir: string): string | null {
  if (inifile !== null && basename(inifile) === 'pyproject.toml') return inifile;
  const candidates = [inifile && join(dirname(inifile), 'pyproject.toml'), join(rootdir, 'pyproject.toml')];
  return candidates.find((p): p is string => !!p && probePath(p) !== undefined) ?? null;
}

function xfailStrictOf(inicfg: ConfigDict, src: IniSource): boolean | string {
  let own: boolean | undefined;
  try {
    own = readIni(inicfg, src, 'strict_xfail', 'bool');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return String(readIni(inicfg, src, 'strict_xfail', 'string'));
  }
  return own ?? readIni(inicfg, src, 'strict', 'bool') ?? false;
}

export function loadConfig(opts: LoadConfigOptions): Config {
  const invocationDir = resolve(opts.cwd);
  const setup = determineSetup({
    inifile: opts.inifile,
    overrideIni: opts.overrides ?? [],
    args: opts.args,
    rootdirArg: opts.rootdir,
    invocationDir,
    env: opts.env,
  });
  const { inicfg } = setup;
  const src = iniSource({ inifile: setup.inifile, invocationDir });
  const list = (name: string, type: 'args' | 'linelist', fallback: readonly string[]): string[] => readIni(inicfg, src, name, type) ?? [...fallback];

  const pyproject = fastestPyproject(setup.inifile, setup.rootdir);
  return {
    rootdir: setup.rootdir,
    inifile: setup.inifile,
    testpaths: list('testpaths', 'args', []),
    pythonFiles: list('python_files', 'args', ['test_*.py', '*_test.py']),
    pythonClasses: list('python_classes', 'args', ['Test']),
    pythonFunctions: list('python_functions', 'args', ['test']),
    norecursedirs: list('norecursedirs', 'args', DEFAULT_NORECURSEDIRS),
    markers: list('markers', 'linelist', []),
    addopts: list('addopts', 'args', []),
    xfailStrict: xfailStrictOf(inicfg, src),
    asyncioMode: readIni(inicfg, src, 'asyncio_mode', 'string') ?? null,
    ini: rawIniRecord(inicfg),
    fastest: pyproject === null ? {} : readFastestTable(pyproject),
    ignoredConfigFiles: setup.ignoredConfigFiles,
    iniValues: Object.fromEntries(inicfg),
    invocationDir,
  };
}
