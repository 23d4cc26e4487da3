// Node ids discovery does not list (tests a module makes at import), checked as pytest's
// collection would: one worker collects their modules, with no unit to run. Used by `fastest plan`
// and the Action's plan role before planning, and by `--lf` for recorded failures (cli/run.ts).
import { resolve } from 'node:path';
import { itemsOfCollectedModule } from '../discovery/index.js';
import { runUnits, type RunOptions } from '../runner/index.js';
import { SelectionError, unmatchedNodeIds } from '../select/index.js';
import type { TestItem } from '../types.js';
import type { Config } from '../config/index.js';
import type { Collected, Session } from './session.js';

/** The items with those of the files in `collected` replaced by the ids their modules collected. */
export function itemsAsCollected(items: TestItem[], collected: Map<string, string[]>): TestItem[] {
  // (a listed item keeps what discovery knows of it: a unittest class is pytest's UnitTestCase)
  return [
    ...items.filter((item) => !collected.has(item.file)),
    ...[...collected].flatMap(([file, ids]) =>
      itemsOfCollectedModule(
        file,
        items.filter((item) => item.file === file),
        ids,
      ),
    ),
  ];
}

/** The options of a run of one worker and no unit, which only collects or imports (its own part added). */
export function oneWorkerWithoutUnits(session: Session, own: Partial<RunOptions>): RunOptions {
  const { config, options } = session;
  return {
    rootdir: config.rootdir,
    python: session.python,
    workers: 1,
    engine: options.engine,
    pytestArgs: options.pytestArgs,
    capture: options.capture,
    verbose: options.verbosity,
    ini: iniForWorkers(config),
    namedPaths: namedPaths(session),
    invocationDir: session.cwd,
    ...own,
  };
}

/** What one worker's collection of these modules makes: module -> ids (a module that fails to collect is left out). */
export async function collectedIdsOf(session: Session, files: string[]): Promise<Map<string, string[]>> {
  const checkedModules = new Map<string, string[]>();
  await runUnits(
    [],
    oneWorkerWithoutUnits(session, {
      timeoutSeconds: session.options.timeout ?? undefined,
      collectFirst: { stopOnErrors: false, files, idsOf: files },
    }),
    {
      result: () => undefined,
      collectionError: () => undefined,
      unitDone: () => undefined,
      passIds: (file, ids) => checkedModules.set(file, ids),
      collectionDone: () => 'stop',
      workerOutput: () => undefined,
    },
  );
  return checkedModules;
}

/**
 * Before `fastest plan` plans (the CLI and the Action's plan role): node ids discovery does not
 * list (tests a module makes at import, `unverified`) or only stands for by a dynamic item
 * (`test_p[5]` of params known at run time) are checked as a run checks them: one worker collects
 * their modules, and an id its module does not make is pytest's usage error (SelectionError:
 * `not found: ...`, exit 4). An id of a module that fails to collect is planned: its shard reports
 * the error.
 */
export async function checkUnlistedIds(session: Session, collected: Collected): Promise<void> {
  const { discovery, selection, selectOptions } = collected;
  const narrowed = selection.selected.filter((item) => selection.narrowIds.has(item.id));
  if (selection.unverified.length === 0 && narrowed.length === 0) return;
  const files = new Set([...selection.unverified, ...narrowed].map((item) => item.file));
  const order = discovery.modules ?? [...files];
  const checked = await collectedIdsOf(
    session,
    order.filter((file) => files.has(file)),
  );
  const unchecked = selection.unverified.filter((item) => !checked.has(item.file));
  const refused = unmatchedNodeIds([...itemsAsCollected(discovery.items, checked), ...unchecked], selectOptions);
  if (refused.length > 0) throw new SelectionError(refused);
}

/** The paths the command line names (node ids cut at `::`), absolute: the workers' `namedPaths`. */
export function namedPaths(session: Session): string[] {
  return session.options.paths.map((arg) => resolve(session.cwd, arg.split('::')[0]));
}

/** The ini values the workers' native engine reads. */
export function iniForWorkers(config: Config): Record<string, unknown> {
  return {
    ...config.ini,
    xfail_strict: config.xfailStrict,
    asyncio_mode: config.asyncioMode,
    inifile: config.inifile,
    ignoredConfigFiles: config.ignoredConfigFiles,
  };
}
