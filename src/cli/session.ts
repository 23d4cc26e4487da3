// The front of every command: options (argv + addopts), config, discovery and selection.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getIni, loadConfig, splitShellArgs, type Config } from '../config/index.js';
import { DEFAULT_NORECURSEDIRS } from '../config/index.js';
import { discover, toNodePath } from '../discovery/index.js';
import { probePath } from '../memo/inputs.js';
import { choosePython, type PythonChoice } from '../runner/python.js';
import type { ShimChoice } from '../runner/shim.js';
import { expandGlobs } from '../shard/glob.js';
import { selectItems, type SelectOptions, type SelectResult } from '../select/index.js';
import type { DiscoveryResult } from '../types.js';
import { parseArgs, UsageError, type CliOptions } from './args.js';
import { conftestOptions } from './conftest-options.js';

export interface Session {
  options: CliOptions;
  config: Config;
  cwd: string;
  /** Absolute paths collection starts from. */
  paths: string[];
  python: string;
  /** Set when `python` is a version manager's shim whose choice is to be remembered. */
  pythonShim: ShimChoice | null;
}

/** Reads argv, then the config, then argv again behind the ini addopts and PYTEST_ADDOPTS. */
export function openSession(argv: string[], command: CliOptions['command'], cwd: string, env: NodeJS.ProcessEnv): Session {
  const first = parseArgs(argv, null);
  const config = loadConfig({
    cwd,
    args: first.paths,
    inifile: first.configFile ?? undefined,
    rootdir: first.rootdir ?? undefined,
    overrides: first.overrides,
    env,
  });
  const envAddopts = env.PYTEST_ADDOPTS ? splitShellArgs(env.PYTEST_ADDOPTS) : [];
  const pathDirs = first.paths.map((p) => resolve(cwd, pathPart(p)));
  const extraOptions = conftestOptions(config.rootdir, [...pathDirs, ...config.testpaths.map((p) => resolve(config.rootdir, p))]);
  const options = parseArgs([...config.addopts, ...envAddopts, ...argv], extraOptions);
  options.command = command;
  const paths = decidePaths(options, config, cwd);
  // Chosen on first use: discovery needs an interpreter only to word a syntax error, and a choice
  // it never made keeps PATH and pyenv's variables out of the inputs its memo depends on.
  let choice: PythonChoice | null = null;
  const chosen = () => (choice ??= choosePython(options.python, cwd, join(config.rootdir, '.fastest'), env));
  return {
    options,
    config,
    cwd,
    paths,
    get python() {
      return chosen().python;
    },
    set python(python: string) {
      choice = { python, shim: null };
    },
    get pythonShim() {
      return chosen().shim;
    },
  };
}

function pathPart(arg: string): string {
  const at = arg.indexOf('::');
  return at >= 0 ? arg.slice(0, at) : arg;
}

/** pytest's `_decide_args`: the given args, else testpaths when run from the rootdir, else cwd. */
function decidePaths(options: CliOptions, config: Config, cwd: string): string[] {
  if (options.paths.length > 0) {
    return options.paths.map((arg) => {
      const abs = resolve(cwd, pathPart(arg));
      if (probePath(abs) === undefined) throw new UsageError(`file or directory not found: ${arg}`);
      return abs;
    });
  }
  if (resolve(cwd) === config.rootdir && config.testpaths.length > 0) {
    const found = config.testpaths.flatMap((p) => expandGlobs([p], config.rootdir, 'paths').map((rel) => resolve(config.rootdir, rel)));
    if (found.length > 0) return found;
  }
  return [resolve(cwd)];
}

export interface Collected {
  discovery: DiscoveryResult;
  selection: SelectResult;
  /** What selected: to judge node-id arguments again once the run knows what was collected. */
  selectOptions: SelectOptions;
}

/** Discovery and selection, as pytest's collection phase. */
export async function collect(session: Session): Promise<Collected> {
  const { options, config } = session;
  if (options.cacheClear) rmSync(join(config.rootdir, '.fastest', 'discovery.json'), { force: true });
  const discovery = await discover({
    rootdir: config.rootdir,
    paths: session.paths,
    walk: {
      pythonFiles: config.pythonFiles,
      norecursedirs: config.norecursedirs.length > 0 ? config.norecursedirs : [...DEFAULT_NORECURSEDIRS],
      ignore: options.ignore.map((p) => resolve(session.cwd, p)),
      ignoreGlob: options.ignoreGlob.map((p) => resolve(session.cwd, p)),
      collectInVirtualenv: false,
    },
    rules: {
      pythonFunctions: config.pythonFunctions,
      pythonClasses: config.pythonClasses,
      idOptions: { noEscaping: getIni(config, 'disable_test_id_escaping_and_forfeit_all_rights_to_community_support', 'bool') ?? false },
    },
    useCache: !options.noCache,
    python: () => session.python,
  });
  const nodeIds = options.paths.map((arg) => {
    const at = arg.indexOf('::');
    const abs = resolve(session.cwd, pathPart(arg));
    return toNodePath(config.rootdir, abs) + (at >= 0 ? arg.slice(at) : '');
  });
  const selectOptions: SelectOptions = {
    keyword: options.keyword ?? undefined,
    markexpr: options.markexpr ?? undefined,
    deselect: options.deselect,
    nodeIds: nodeIds.filter((id) => id !== '' && id !== '.'),
    rootdir: config.rootdir,
    erroredFiles: discovery.errors.map((e) => e.file),
  };
  const selection = selectItems(discovery.items, selectOptions);
  return { discovery, selection, selectOptions };
}
