// `--basetemp DIR` with more than one worker. Each worker's pytest (or native tmp_path factory)
// empties its basetemp before making the first temporary directory in it, so two workers given the
// same DIR deleted each other's directories (werkzeug's CI command). As under pytest-xdist, the run
// empties DIR once and each worker gets `DIR/gwN` of its own; one worker keeps DIR itself.
import { mkdirSync, realpathSync, rmSync } from 'node:fs';
import { resolve, sep } from 'node:path';

const BASETEMP = '--basetemp';

/** The value of the last `--basetemp` in `args` (pytest's argparse keeps the last), or null. */
function basetempOf(args: readonly string[]): string | null {
  let value: string | null = null;
  for (let at = 0; at < args.length; at++) {
    const arg = args[at]!;
    if (arg === BASETEMP && at + 1 < args.length) value = args[++at]!;
    else if (arg.startsWith(`${BASETEMP}=`)) value = arg.slice(BASETEMP.length + 1);
  }
  return value;
}

/** pytest's message for a basetemp it refuses (`validate_basetemp`). */
export const BASETEMP_REFUSED = 'basetemp must not be empty, the current working directory or any parent directory of it';

/** pytest's validate_basetemp refuses `value`: empty, the working directory or one of its parents
 * (after symlinks too). Emptying it would delete the project. */
export function basetempRefused(value: string, cwd: string): boolean {
  if (value === '') return true;
  const atOrBelow = (base: string, query: string) => base === query || base.startsWith(query.endsWith(sep) ? query : query + sep);
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  const path = resolve(cwd, value);
  return atOrBelow(cwd, path) || atOrBelow(real(cwd), real(path));
}

/**
 * The pytest arguments of each worker when `args` name a basetemp and the run has `workers` of
 * them: `(index) => args` with `--basetemp DIR/gwINDEX`, after emptying DIR (mode 0700, as pytest
 * makes it). Null when nothing changes: one worker, no `--basetemp`, or one pytest refuses (its
 * usage error is the workers' to give).
 */
export function workerBasetempArgs(args: readonly string[], workers: number, cwd: string): ((index: number) => string[]) | null {
  if (workers < 2) return null;
  const value = basetempOf(args);
  if (value === null || basetempRefused(value, cwd)) return null;
  const dir = resolve(cwd, value);
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    return null; // (each worker's pytest meets the same problem, and reports it as pytest would)
  }
  return (index) => [...args, `${BASETEMP}=${resolve(dir, `gw${index}`)}`];
}
