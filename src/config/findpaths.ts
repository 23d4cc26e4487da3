// rootdir and config-file discovery: pytest 9's _pytest/config/findpaths.py, rule for rule.

import { dirname, join, resolve, sep } from 'node:path';
import { probePath } from '../memo/inputs.js';
import { selfAndParents } from '../memo/ancestors.js';
import { ConfigError } from './errors.js';
import { loadConfigDictFromFile, type ConfigDict } from './files.js';
import { pyRepr } from './pystr.js';

export const CONFIG_NAMES = ['pytest.toml', '.pytest.toml', 'pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg'] as const;

export interface Setup {
  rootdir: string;
  inifile: string | null;
  inicfg: ConfigDict;
  /** Basenames of files next to the chosen one that also hold pytest config (pytest warns). */
  ignoredConfigFiles: string[];
}

function isFile(p: string): boolean {
  return probePath(p)?.isFile() ?? false;
}

function isDir(p: string): boolean {
  return probePath(p)?.isDirectory() ?? false;
}

function safeExists(p: string): boolean {
  return probePath(p) !== undefined;
}

function parentsOf(p: string): string[] {
  return selfAndParents(p).slice(1);
}

/** os.path.commonpath of two absolute paths. */
export function commonPath(a: string, b: string): string {
  const pa = a.split(sep).filter(Boolean);
  const pb = b.split(sep).filter(Boolean);
  const shared: string[] = [];
  for (let i = 0; i < Math.min(pa.length, pb.length) && pa[i] === pb[i]; i++) shared.push(pa[i] as string);
  return sep + shared.join(sep);
}

export function isFsRoot(p: string): boolean {
  return p === sep;
}

export function locateConfig(
  invocationDir: string,
  args: string[],
): { rootdir: string | null; inifile: string | null; inicfg: ConfigDict; ignoredConfigFiles: string[] } {
  const paths = args.filter((a) => !a.startsWith('-'));
  if (paths.length === 0) paths.push(invocationDir);
  let foundPyprojectToml: string | null = null;
  for (const arg of paths) {
    for (const base of selfAndParents(resolve(invocationDir, arg))) {
      for (const [index, configName] of CONFIG_NAMES.entries()) {
        const p = join(base, configName);
        if (!isFile(p)) continue;
        if (configName === 'pyproject.toml' && foundPyprojectToml === null) foundPyprojectToml = p;
        const inicfg = loadConfigDictFromFile(p);
        if (inicfg === null) continue;
        const ignoredConfigFiles = CONFIG_NAMES.slice(index + 1).filter((other) => {
          const p2 = join(base, other);
          return isFile(p2) && loadConfigDictFromFile(p2) !== null;
        });
        return { rootdir: base, inifile: p, inicfg, ignoredConfigFiles };
      }
    }
  }
  // A pyproject.toml without pytest config still marks the rootdir (and is the "configfile").
  if (foundPyprojectToml !== null) {
    return { rootdir: dirname(foundPyprojectToml), inifile: foundPyprojectToml, inicfg: new Map(), ignoredConfigFiles: [] };
  }
  return { rootdir: null, inifile: null, inicfg: new Map(), ignoredConfigFiles: [] };
}

export function getCommonAncestor(invocationDir: string, paths: string[]): string {
  let ancestor: string | null = null;
  for (const path of paths) {
    if (!safeExists(path)) continue;
    if (ancestor === null) {
      ancestor = path;
    } else if (path === ancestor || parentsOf(path).includes(ancestor)) {
      continue;
    } else if (parentsOf(ancestor).includes(path)) {
      ancestor = path;
    } else {
      ancestor = commonPath(path, ancestor);
    }
  }
  if (ancestor === null) return invocationDir;
  return isFile(ancestor) ? dirname(ancestor) : ancestor;
}

/** Directories of the positional args that exist; node ids count by their file part. */
export function getDirsFromArgs(invocationDir: string, args: string[]): string[] {
  return args
    .filter((a) => !a.startsWith('-'))
    .map((a) => resolve(invocationDir, a.split('::')[0] ?? ''))
    .filter(safeExists)
    .map((p) => (isDir(p) ? p : dirname(p)));
}

/** `-o name=value` overrides; the last one for a name wins. */
export function parseOverrideIni(overrides: string[]): ConfigDict {
  const dict: ConfigDict = new Map();
  for (const item of overrides) {
    const eq = item.indexOf('=');
    if (eq < 0) {
      throw new ConfigError(`-o/--override-ini expects option=value style (got: ${pyRepr(item)}).`);
    }
    const value = item.slice(eq + 1);
    dict.set(item.slice(0, eq), { value, text: value, origin: 'override', mode: 'ini' });
  }
  return dict;
}

/** posixpath.expandvars: `$NAME` and `${NAME}` of set variables; unset ones stay as written. */
export function expandVars(s: string, env: NodeJS.ProcessEnv): string {
  return s.replace(/\$([A-Za-z0-9_]+|\{[^}]*\})/g, (whole, name: string) => {
    const key = name.startsWith('{') ? name.slice(1, -1) : name;
    const value = env[key];
    return value === undefined ? whole : value;
  });
}

export function determineSetup(opts: {
  inifile: string | undefined;
  overrideIni: string[];
  args: string[];
  rootdirArg: string | undefined;
  invocationDir: string;
  env?: NodeJS.ProcessEnv;
}): Setup {
  const { invocationDir } = opts;
  const dirs = getDirsFromArgs(invocationDir, opts.args);
  let rootdir: string | null = null;
  let inifile: string | null;
  let inicfg: ConfigDict;
  let ignoredConfigFiles: string[] = [];

  if (opts.inifile) {
    inifile = resolve(invocationDir, opts.inifile);
    // pytest only fails here for suffixes it reads; a missing file is always a usage error for us.
    // (`-c /dev/null`, the idiom for no config, is a file pytest reads nothing from)
    const found = probePath(inifile);
    if (found === undefined || found.isDirectory()) throw new ConfigError(`${inifile}: config file not found (from -c/--config-file)`, false, 1);
    inicfg = loadConfigDictFromFile(inifile) ?? new Map();
    if (!opts.rootdirArg) rootdir = dirname(inifile);
  } else {
    const ancestor = getCommonAncestor(invocationDir, dirs);
    ({ rootdir, inifile, inicfg, ignoredConfigFiles } = locateConfig(invocationDir, [ancestor]));
    if (rootdir === null && !opts.rootdirArg) {
      rootdir = selfAndParents(ancestor).find((d) => isFile(join(d, 'setup.py'))) ?? null;
      if (rootdir === null) {
        if (!(dirs.length === 1 && dirs[0] === ancestor)) {
          ({ rootdir, inifile, inicfg } = locateConfig(invocationDir, dirs));
        }
        if (rootdir === null) {
          rootdir = getCommonAncestor(invocationDir, [invocationDir, ancestor]);
          if (isFsRoot(rootdir)) rootdir = ancestor;
        }
      }
    }
  }
  if (opts.rootdirArg) {
    rootdir = resolve(invocationDir, expandVars(opts.rootdirArg, opts.env ?? process.env));
    if (!isDir(rootdir)) {
      throw new ConfigError(`Directory '${rootdir}' not found. Check your '--rootdir' option.`, true);
    }
  }
  for (const [key, value] of parseOverrideIni(opts.overrideIni)) inicfg.set(key, value);
  if (rootdir === null) throw new Error('unreachable: rootdir not determined');
  return { rootdir, inifile, inicfg, ignoredConfigFiles };
}
