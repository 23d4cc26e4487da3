// `fastest discover` / `--collect-only`: ids like `pytest --collect-only -q`, or JSON.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeMemo } from '../memo/discover-memo.js';
import { loggedEnv, startInputLog, takeInputLog } from '../memo/inputs.js';
import { closingLine, countsPerFile, emptyCounts } from '../report/counts.js';
import { collect, openSession, type Collected, type Session } from './session.js';
import { shardListing } from './shard.js';
import { ExitCode, type CollectionError, type TestItem } from '../types.js';
import { impactClosingLine } from './impact-report.js';

function dynamicNote(item: TestItem): string {
  if (item.unverified) return '  (dynamic: not found in the source, a run decides whether the module makes it)';
  return item.dynamic ? '  (dynamic: ids known at run time)' : '';
}

/** The listing's tests and errors: a module Python cannot compile is its error, not a whole-file item. */
function listedAndErrors({ selection, discovery }: Collected): { listed: TestItem[]; errors: CollectionError[] } {
  const syntaxErrorOf = new Map((discovery.syntaxErrors ?? []).map((e) => [e.file, e]));
  const uncompiled = (item: TestItem) => (item.id === item.file ? syntaxErrorOf.get(item.file) : undefined);
  return {
    listed: selection.selected.filter((item) => !uncompiled(item)),
    errors: [...discovery.errors, ...selection.selected.flatMap((item) => uncompiled(item) ?? [])],
  };
}

export function printDiscovery(session: Session, collected: Collected, seconds: number, write: (s: string) => void): number {
  const { selection, discovery } = collected;
  const { listed, errors } = listedAndErrors(collected);
  if (session.options.jsonOutput) {
    write(
      `${JSON.stringify(
        {
          rootdir: discovery.rootdir,
          tests: listed.map((i) => ({ id: i.id, file: i.file, line: i.line, marks: i.marks.map((m) => m.name), dynamic: i.dynamic })),
          errors,
          deselected: selection.deselected.length,
        },
        null,
        2,
      )}\n`,
    );
    return errors.length > 0 ? ExitCode.INTERRUPTED : listed.length === 0 ? ExitCode.NO_TESTS_COLLECTED : ExitCode.OK;
  }
  const counts = session.options.verbosity < -1;
  if (counts) {
    // -qq: no closing line
    write(countsPerFile(listed.map((item) => item.id)));
  } else {
    // One write: a write per id costs a system call each, which dominated warm discovery.
    write(listed.map((item) => `${item.id}${dynamicNote(item)}\n`).join(''));
  }
  if (errors.length > 0) {
    write(`\n${'='.repeat(36)} ERRORS ${'='.repeat(36)}\n`);
    for (const e of errors) {
      const title = ` ERROR collecting ${e.file} `;
      const side = Math.max(1, Math.floor((80 - title.length) / 2));
      write(`${'_'.repeat(side)}${title}${'_'.repeat(Math.max(1, 80 - title.length - side))}\n${e.message}\n`);
    }
  }
  const closing = { ...emptyCounts(), deselected: selection.deselected.length, error: errors.length };
  const collectedCount = listed.length + selection.deselected.length;
  write(counts ? '\n' : `\n${closingLine(closing, seconds, 80, { verbosity: -1, collected: collectedCount })}\n`);
  if (errors.length > 0) return ExitCode.INTERRUPTED;
  return listed.length === 0 ? ExitCode.NO_TESTS_COLLECTED : ExitCode.OK;
}

/** `fastest discover`, its inputs logged so that an unchanged repeat can be answered by the entry bundle. */
export async function discoverCommand(argv: string[], rest: string[], write: (s: string) => void): Promise<number> {
  const jsonOutput = rest.includes('--json');
  const started = performance.now();
  const cwd = process.cwd();
  startInputLog();
  let collected: Collected;
  let session: Session;
  try {
    session = openSession(
      rest.filter((a) => a !== '--json'),
      'discover',
      cwd,
      loggedEnv(process.env),
    );
    session.options.jsonOutput = jsonOutput;
    collected = await shardListing(session, await collect(session));
  } catch (error) {
    takeInputLog();
    throw error;
  }
  const inputs = takeInputLog();
  const { options } = session;
  // A test-impact selection depends on git's state, which the input log does not see.
  const memoable =
    inputs !== null &&
    !options.noCache &&
    !options.cacheClear &&
    !options.lastFailed &&
    !options.failedFirst &&
    options.changed === null &&
    options.affectedBy === null &&
    options.shard === null && // (a share depends on the timings store too)
    collected.discovery.warnings.length === 0 &&
    collected.discovery.errors.length === 0 &&
    collected.discovery.syntaxErrors === undefined;
  for (const w of collected.discovery.warnings) process.stderr.write(`fastest: warning: ${w}\n`);
  let stdout = '';
  const exitCode = printDiscovery(session, collected, (performance.now() - started) / 1000, (s) => {
    if (memoable) stdout += s;
    write(s);
  });
  if (collected.impact && !jsonOutput) write(impactClosingLine(collected.impact, collected.selection.selected.length));
  if (memoable && inputs && (exitCode === 0 || exitCode === 5)) {
    const command = { argv, cwd, bundlePath: join(dirname(fileURLToPath(import.meta.url)), 'main.js') };
    writeMemo(session.config.rootdir, command, inputs, stdout, exitCode);
  }
  return exitCode;
}
