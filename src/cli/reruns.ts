// pytest-rerunfailures' settings (its options, then its ini values), resolved the way the plugin
// reads them, for the workers that do the retries (python/fastest_worker/reruns.py).
import { getIni, type Config } from '../config/index.js';
import type { RerunSettings } from '../types.js';
import { UsageError, type CliOptions } from './args.js';

/** Python's int()/float() of an ini string, or undefined where they raise (the plugin ignores those). */
function iniNumber(config: Config, name: string, integer: boolean): number | undefined {
  const text = getIni(config, name, 'string')?.trim();
  if (text === undefined || text === '') return undefined;
  if (integer ? !/^[-+]?\d+$/.test(text.replace(/_/g, '')) : !Number.isFinite(Number(text))) return undefined;
  return Number(integer ? text.replace(/_/g, '') : text);
}

/**
 * The session's rerun settings, or undefined when no option or ini asks for reruns (a `flaky`
 * mark still reruns its test). `--reruns` with `--pdb` is refused, as the plugin does.
 */
export function rerunSettings(options: CliOptions, config: Config): RerunSettings | undefined {
  const count = options.reruns ?? iniNumber(config, 'reruns', true) ?? null;
  const delay = options.rerunsDelay ?? iniNumber(config, 'reruns_delay', false) ?? 0;
  const backoff = options.rerunsDelayBackoffFactor ?? iniNumber(config, 'reruns_delay_backoff_factor', false) ?? 1;
  if (count && !options.collectOnly && options.routes.some((r) => r.option === '--pdb')) throw new UsageError('--reruns incompatible with --pdb');
  if (count === null && delay === 0 && backoff === 1 && options.onlyRerun.length === 0 && options.rerunExcept.length === 0) return undefined;
  return { count, delay, backoff, onlyRerun: options.onlyRerun, rerunExcept: options.rerunExcept };
}
