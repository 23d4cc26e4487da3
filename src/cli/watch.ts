// `fastest watch [options] [paths]` (or `fastest --watch ...`): runs the suite, then watches the
// project and, on each save, runs the tests the saved files can affect (`--affected-by`, last
// failures first), in this same process: discovery's cache stays in memory (only saved files are
// parsed again) and one warm parent (runner/warm.ts) keeps pytest, the engine and the suite's
// third-party imports loaded; each run's workers are forked from it and import the project's
// modules themselves, so they see the saved code. A saved conftest.py, config file or installed
// package starts a new parent. Keys: `a` runs everything, `f` the failing tests, `q` quits
// (single keys on a terminal, one a line from a pipe).
import { watch, statSync, type FSWatcher } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { flushHeldCache, holdCacheInMemory } from '../discovery/index.js';
import { fnmatch } from '../discovery/fnmatch.js';
import { isWithin } from '../discovery/walk.js';
import { computeImpact, projectGraph, type ImportGraph } from '../impact/index.js';
import { probePath } from '../memo/inputs.js';
import { countResults, summaryParts } from '../report/counts.js';
import { checkPython, FORK_AVAILABLE, keepStdinFromWorkers, KeptWarmParent, pycacheDir, warmParentSetting } from '../runner/index.js';
import { killAllWorkerGroups } from '../runner/worker.js';
import { forgetBytecode } from '../runner/stale-bytecode.js';
import { wholeFileItem, type CollectionError, type TestItem, type TestResult } from '../types.js';
import { errorOutcome } from './finish.js';
import { impactReasonsBlock } from './impact-report.js';
import { runCommand, workerCount } from './run.js';
import { impactSettings, openSession } from './session.js';

/** Directories and files no save of the user's is in: runner state, VCS, virtualenvs, caches, editor droppings. */
const IGNORED =
  /(?:^|\/)(?:\.fastest|\.git|\.hg|\.svn|\.venv|venv|\.tox|\.nox|node_modules|__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.hypothesis|build|dist|[^/]*\.egg-info)(?:\/|$)|\.py[co]$|~$|\.sw[px]$|(?:^|\/)4913$|(?:^|\/)\.#/;
/** Saves closer together than this are one change (an editor's write, rename and chmod). */
const DEBOUNCE_MS = 20;
const CONFIG_FILES = new Set(['pytest.ini', '.pytest.ini', 'pyproject.toml', 'setup.cfg', 'tox.ini']);
const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';
const KEYS = '(a: run all, f: run failed, q: quit)';

export function ignoredByWatch(rel: string): boolean {
  return IGNORED.test(rel.split(sep).join('/'));
}

/**
 * Saved files after which the warm parent's imports may be stale: a conftest.py or config file
 * (what the suite imports, and how), or a package's own file (site-packages inside the project).
 */
export function invalidatesParent(rel: string, inifile: string | null): boolean {
  const name = basename(rel);
  return name === 'conftest.py' || CONFIG_FILES.has(name) || rel === inifile || /(?:^|\/)(?:site|dist)-packages\//.test(rel);
}

type Request = { kind: 'changes'; files: Set<string> } | { kind: 'all' } | { kind: 'failed' };

/** One item per test file: what the import graph and the impact stage need to pick files. */
function fileItems(files: Iterable<string>): TestItem[] {
  return [...files].sort().map((file) => wholeFileItem(file));
}

function under(abs: string, scope: string[]): boolean {
  return scope.some((path) => isWithin(abs, path));
}

export async function watchCommand(rest: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  keepStdinFromWorkers(); // its keys are read here
  const session = openSession(rest, 'watch', cwd, env);
  const { config, options } = session;
  const rootdir = config.rootdir;
  const inifile = config.inifile === null ? null : relative(rootdir, config.inifile).split(sep).join('/');
  const tty = process.stdout.isTTY === true;
  const out = (text: string) => process.stdout.write(text);
  holdCacheInMemory(rootdir);
  const warm =
    FORK_AVAILABLE && warmParentSetting(env) !== 'off'
      ? new KeptWarmParent({
          python: session.python,
          rootdir,
          cwd,
          workers: workerCount(session, Number.MAX_SAFE_INTEGER),
          pycacheDir: pycacheDir({ rootdir }),
        })
      : undefined;
  const bytecodePrefixes = [env.PYTHONPYCACHEPREFIX ?? pycacheDir({ rootdir })];
  const pythonCheck = checkPython(session.python);
  pythonCheck.catch(() => undefined); // a run reports it
  /** The command line's paths (or testpaths): a save outside them runs nothing. */
  const scope = session.paths;
  /** Node ids on the command line: each save's run selects with --affected-by over them instead. */
  const byNodeId = options.paths.some((arg) => arg.includes('::'));
  /** rootdir-relative test files, as of the last discovery of everything (and the saves since). */
  const testFiles = new Set<string>();
  /** The import graph of testFiles, built after each run, while the developer edits. */
  let graph: Promise<ImportGraph> | null = null;
  const rebuildGraph = () => {
    graph = projectGraph(impactSettings(session, fileItems(testFiles)));
    graph.catch(() => undefined); // a selection that needs it reports it
  };

  const queue: Request[] = [];
  let running: Promise<void> | null = null;
  let abort: AbortController | null = null;
  let quitting = false;
  let timer: NodeJS.Timeout | null = null;
  let pending = new Set<string>();
  /** Tests failing as of the runs so far (a later pass of the same test clears it). */
  const failing = new Set<string>();
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (finish = resolve));

  const noteResults = (results: TestResult[], errors: CollectionError[]) => {
    for (const r of results) {
      if (r.outcome === 'failed' || r.outcome === 'error' || r.teardownError !== undefined) failing.add(r.id);
      else failing.delete(r.id);
    }
    for (const e of errors) failing.add(e.file);
  };
  /** The run's tallies as pytest's closing line words them (`1 failed, 2 passed`). */
  const countsOf = (results: TestResult[], errors: CollectionError[]) =>
    summaryParts(countResults(results, errors))
      .parts.map((part) => part.text)
      .join(', ');

  const runRequest = async (request: Request) => {
    let extra: string[];
    let title: string;
    let saved: string[] = [];
    if (request.kind === 'all') {
      extra = [];
      title = 'running every test';
    } else if (request.kind === 'failed') {
      if (failing.size === 0) {
        out(`\nfastest watch: no failing tests to run; waiting for changes ${KEYS}\n`);
        return;
      }
      extra = ['--lf'];
      title = 'running the failing tests';
    } else {
      saved = [...request.files].sort();
      extra = ['--ff'];
      title = `${saved.length} file${saved.length === 1 ? '' : 's'} changed: ${saved.slice(0, 5).join(', ')}${saved.length > 5 ? ', ...' : ''}`;
      const invalidating = saved.find((f) => invalidatesParent(f, inifile));
      if (warm && invalidating !== undefined) {
        warm.rebuild();
        title += `; new warm parent (${invalidating} changed)`;
      }
      forgetBytecode(
        saved.map((f) => join(rootdir, f)),
        bytecodePrefixes,
      );
    }
    if (tty) out(CLEAR_SCREEN);
    out(`fastest watch: ${title}\n`);
    let paths: string[] | undefined;
    if (request.kind === 'changes') {
      if (byNodeId || graph === null) {
        extra.push('--affected-by', ...saved.map((f) => join(rootdir, f)));
      } else {
        let picked: string[] | null;
        try {
          picked = await affectedFiles(saved, await graph);
        } catch (error) {
          process.stderr.write(errorOutcome(error).line);
          return waiting('the changes could not be read');
        }
        if (picked === null)
          extra = []; // every test
        else if (picked.length === 0) return waiting('no test is affected');
        else paths = picked;
      }
    }
    const controller = new AbortController();
    abort = controller;
    let code: number;
    let summary = '';
    try {
      code = await runCommand([...rest, ...extra], cwd, env, {
        warm,
        signal: controller.signal,
        noSignalHandlers: true,
        pythonCheck,
        ...(paths ? { paths } : {}),
        // Discovery of the whole scope (of the run's paths only, when given) says which files hold tests.
        collected: ({ discovery }) => {
          if (paths) for (const file of paths) testFiles.delete(relative(rootdir, file).split(sep).join('/'));
          else testFiles.clear();
          for (const item of discovery.items) testFiles.add(item.file);
          for (const error of discovery.errors) testFiles.add(error.file);
        },
        finished: (results, errors) => {
          noteResults(results, errors);
          summary = countsOf(results, errors);
        },
      });
    } catch (error) {
      const outcome = errorOutcome(error);
      process.stderr.write(outcome.line);
      code = outcome.exitCode;
    } finally {
      abort = null;
      flushHeldCache();
    }
    rebuildGraph();
    if (!quitting) out(`\nfastest watch: ${summary ? `${summary}, ` : ''}exit ${code}; waiting for changes ${KEYS}\n`);
  };
  const waiting = (why: string) => {
    if (!quitting) out(`fastest watch: ${why}; waiting for changes ${KEYS}\n`);
  };

  /**
   * The test files the saved files can affect (impact stage, on the graph of the last run: only
   * the saved files' own imports can differ from it, and they are selected themselves), new test
   * files among them, within the command line's paths; null when every test is.
   */
  const affectedFiles = async (saved: string[], known: ImportGraph): Promise<string[] | null> => {
    const settings = impactSettings(session, fileItems(testFiles));
    const impact = await computeImpact({ ...settings, graph: known, request: { affectedBy: saved.map((f) => join(rootdir, f)) } });
    if (impact.impact.everything !== null) {
      out(`every test: ${impact.impact.everything}\n`);
      return null;
    }
    const fresh = saved.filter(
      (f) => !testFiles.has(f) && config.pythonFiles.some((glob) => fnmatch(basename(f), glob)) && probePath(join(rootdir, f))?.isFile(),
    );
    for (const f of saved) if (!probePath(join(rootdir, f))) testFiles.delete(f); // deleted
    const picked = [...impact.impact.reasons.keys(), ...fresh].map((f) => join(rootdir, f)).filter((abs) => under(abs, scope) && probePath(abs));
    const items = fileItems(picked.map((abs) => relative(rootdir, abs).split(sep).join('/')));
    if (options.verbosity > 0) out(impactReasonsBlock(impact, items));
    const files = impact.changes.files;
    const listed = `${files.slice(0, 10).join(', ')}${files.length > 10 ? `, and ${files.length - 10} more` : ''}`;
    out(`${items.length} of ${testFiles.size} test files affected by ${files.length} changed file${files.length === 1 ? '' : 's'} (${listed})\n`);
    return picked;
  };

  const drain = () => {
    if (running || quitting) return;
    const next = queue.shift();
    if (!next) return;
    running = runRequest(next).finally(() => {
      running = null;
      drain();
    });
  };
  const request = (next: Request) => {
    if (quitting) return;
    const last = queue[queue.length - 1];
    if (next.kind === 'changes' && last?.kind === 'changes') for (const f of next.files) last.files.add(f);
    else if (next.kind === 'all')
      queue.splice(0, queue.length, next); // everything covers what waited
    else if (!(last && last.kind === next.kind)) queue.push(next);
    drain();
  };

  const flush = () => {
    timer = null;
    const files = new Set([...pending].filter((rel) => savedFile(join(rootdir, rel))));
    pending = new Set();
    if (files.size > 0) request({ kind: 'changes', files });
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(rootdir, { recursive: true }, (_event, name) => {
      if (name === null) return;
      const rel = relative(rootdir, join(rootdir, name.toString()));
      if (rel === '' || rel.startsWith('..') || ignoredByWatch(rel)) return;
      pending.add(rel.split(sep).join('/'));
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, DEBOUNCE_MS);
    });
  } catch (error) {
    warm?.close();
    process.stderr.write(`fastest watch: cannot watch ${rootdir}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  }

  const quit = (code: number) => {
    if (quitting) return;
    quitting = true;
    queue.length = 0;
    abort?.abort();
    finish(code);
  };
  const onKey = (key: string) => {
    if (key === 'q') quit(0);
    else if (key === '\u0003')
      quit(2); // Ctrl-C on a raw terminal: pytest's KeyboardInterrupt exit
    else if (key === 'a') request({ kind: 'all' });
    else if (key === 'f') request({ kind: 'failed' });
  };
  const stdin = process.stdin;
  const raw = stdin.isTTY === true;
  if (raw) stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  let lineBuffer = '';
  const onData = (chunk: string) => {
    if (raw) {
      for (const key of chunk) onKey(key);
      return;
    }
    lineBuffer += chunk;
    let newline: number;
    while ((newline = lineBuffer.indexOf('\n')) >= 0) {
      const line = lineBuffer.slice(0, newline).trim();
      lineBuffer = lineBuffer.slice(newline + 1);
      if (line.length === 1) onKey(line);
    }
  };
  stdin.on('data', onData);

  // SIGINT stops the run under way and quits; SIGTERM and SIGHUP end every process at once and
  // then fastest itself by the same signal, as a run does (cli/signals.ts).
  const onSigint = () => quit(2);
  const fatal = (signal: NodeJS.Signals) => () => {
    quitting = true;
    watcher.close();
    warm?.close();
    killAllWorkerGroups();
    removeHandlers();
    process.kill(process.pid, signal);
  };
  const fatalHandlers = (['SIGTERM', 'SIGHUP'] as const).map((signal) => [signal, fatal(signal)] as const);
  const removeHandlers = () => {
    process.removeListener('SIGINT', onSigint);
    for (const [signal, handler] of fatalHandlers) process.removeListener(signal, handler);
  };
  process.on('SIGINT', onSigint);
  for (const [signal, handler] of fatalHandlers) process.on(signal, handler);

  request({ kind: 'all' });
  const code = await done;
  watcher.close();
  if (timer) clearTimeout(timer);
  stdin.off('data', onData);
  if (raw) stdin.setRawMode(false);
  stdin.pause();
  await running;
  warm?.close();
  killAllWorkerGroups();
  flushHeldCache();
  removeHandlers();
  return code;
}

/**
 * A file saved or deleted, not a directory, nor a tool's temporary file already gone (`sed -i`,
 * an editor's write-and-rename): a deleted Python module is a change, other vanished files are not.
 */
function savedFile(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return /\.pyi?$/.test(path);
  }
}
