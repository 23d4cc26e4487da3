// Typed reading of raw config values: pytest's Config._getini (_getini_ini / _getini_toml).

import { resolve } from 'node:path';
import { ConfigError } from './errors.js';
import type { ConfigDict, ConfigValue } from './files.js';
import { pyRepr, pyStrip, pyStrOfTomlValue } from './pystr.js';
import { ShellSplitError, splitShellArgs } from './shlex.js';

/** The list keys pytest reads while it parses the command line (the others, while it collects). */
const READ_BEFORE_COLLECTION = new Set(['addopts', 'testpaths', 'required_plugins', 'pythonpath']);

/** `text` split as pytest's shlex splits it; shlex's ValueError as a ConfigError with pytest's exit code (`where`: what the text is). */
export function shellWordsOf(text: string, where: string, exitCode: 1 | 2): string[] {
  try {
    return splitShellArgs(text);
  } catch (err) {
    if (err instanceof ShellSplitError) throw new ConfigError(`${where}: ValueError: ${err.message}`, false, exitCode);
    throw err;
  }
}

export type IniType = 'string' | 'args' | 'linelist' | 'paths' | 'bool' | 'int' | 'float';

/** Aliases pytest registers (alias -> canonical name). */
export const INI_ALIASES: Readonly<Record<string, string>> = { xfail_strict: 'strict_xfail' };

export interface IniSource {
  /** The config file the values came from, for error messages. */
  inifile: string | null;
  /** Directory relative paths of type "paths" resolve against (inifile's dir, else cwd). */
  baseDir: string;
}

/** The raw value pytest would pick for `name`: -o beats the file, canonical name beats alias. */
export function pickRawValue(inicfg: ConfigDict, name: string): { key: string; value: ConfigValue } | undefined {
  const canonical = INI_ALIASES[name] ?? name;
  const candidates: { key: string; value: ConfigValue; canonical: boolean }[] = [];
  const direct = inicfg.get(canonical);
  if (direct) candidates.push({ key: canonical, value: direct, canonical: true });
  for (const [alias, target] of Object.entries(INI_ALIASES)) {
    const v = inicfg.get(alias);
    if (target === canonical && v) candidates.push({ key: alias, value: v, canonical: false });
  }
  const rank = (c: (typeof candidates)[number]): number => (c.value.origin === 'override' ? 2 : 0) + (c.canonical ? 1 : 0);
  let best: (typeof candidates)[number] | undefined;
  for (const c of candidates) if (best === undefined || rank(c) > rank(best)) best = c;
  return best && { key: best.key, value: best.value };
}

function where(src: IniSource, key: string, v: ConfigValue): string {
  if (v.origin === 'override') return `-o ${key}`;
  const file = src.inifile ?? '<config>';
  return v.line !== undefined ? `${file}:${v.line}` : file;
}

/** repr() of a TOML value, given its str() form (`text`) computed when the file was read. */
function pyReprOf(raw: unknown, text: string | string[]): string {
  if (typeof raw === 'string') return pyRepr(raw);
  if (Array.isArray(raw) && Array.isArray(text)) {
    return '[' + raw.map((item, i) => (typeof item === 'string' ? pyRepr(item) : text[i])).join(', ') + ']';
  }
  return Array.isArray(text) ? text.join(', ') : text;
}

function strToBool(s: string): boolean | null {
  const val = s.toLowerCase();
  if (['y', 'yes', 't', 'true', 'on', '1'].includes(val)) return true;
  if (['n', 'no', 'f', 'false', 'off', '0'].includes(val)) return false;
  return null;
}

function pyTypeName(v: unknown): string {
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Date) return 'datetime';
  return 'dict';
}

/**
 * The value of ini option `name` converted to `type` as pytest's getini would return it, or
 * undefined when unset. Bad values throw ConfigError naming the file (and line, for INI files).
 */
export function readIni(inicfg: ConfigDict, src: IniSource, name: string, type: 'bool'): boolean | undefined;
export function readIni(inicfg: ConfigDict, src: IniSource, name: string, type: 'args' | 'linelist' | 'paths'): string[] | undefined;
export function readIni(inicfg: ConfigDict, src: IniSource, name: string, type: 'string'): string | undefined;
export function readIni(inicfg: ConfigDict, src: IniSource, name: string, type: 'int' | 'float'): number | undefined;
export function readIni(inicfg: ConfigDict, src: IniSource, name: string, type: IniType): unknown;
export function readIni(inicfg: ConfigDict, src: IniSource, name: string, type: IniType): unknown {
  const picked = pickRawValue(inicfg, name);
  if (picked === undefined) return undefined;
  const { key, value: cv } = picked;
  const at = where(src, key, cv);
  const raw = cv.value;

  if (cv.mode === 'ini') {
    if (type === 'args' || type === 'paths') {
      // (shlex's ValueError leaves pytest's main for what it reads while it parses the command
      // line, and is a collection error for what its collection reads)
      const list =
        typeof raw === 'string' ? shellWordsOf(raw, `${at}: ${key}`, READ_BEFORE_COLLECTION.has(key) ? 1 : 2) : (raw as unknown[]).map(pyStrOfTomlValue);
      return type === 'paths' ? list.map((p) => resolve(src.baseDir, p)) : list;
    }
    if (type === 'linelist') {
      if (typeof raw !== 'string') return (raw as unknown[]).map(pyStrOfTomlValue);
      return raw
        .split('\n')
        .map(pyStrip)
        .filter((t) => t !== '');
    }
    const text = typeof raw === 'string' ? raw : pyStrOfTomlValue(raw);
    if (type === 'bool') {
      const b = strToBool(pyStrip(text));
      if (b === null) throw new ConfigError(`${at}: ${key}: invalid truth value ${pyRepr(pyStrip(text).toLowerCase())}`);
      return b;
    }
    if (type === 'int' || type === 'float') {
      const t = pyStrip(text).replace(/(?<=\d)_(?=\d)/g, '');
      const n = Number(t);
      const ok = type === 'int' ? /^[+-]?\d+$/.test(t) : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t);
      if (!ok) throw new ConfigError(`${at}: ${key}: expected ${type === 'int' ? 'an int' : 'a float'}, got ${pyRepr(text)}`);
      return n;
    }
    return text;
  }

  // TOML mode: native types, no coercion.
  const got = `got ${pyTypeName(raw)}: ${pyReprOf(raw, cv.text)}`;
  if (type === 'args' || type === 'linelist' || type === 'paths') {
    if (!Array.isArray(raw)) throw new ConfigError(`${at}: config option '${key}' expects a list for type '${type}', ${got}`);
    raw.forEach((item: unknown, i) => {
      if (typeof item !== 'string') {
        throw new ConfigError(`${at}: config option '${key}' expects a list of strings, but item at index ${i} is ${pyTypeName(item)}: ${cv.text[i] ?? ''}`);
      }
    });
    const list = raw as string[];
    return type === 'paths' ? list.map((p) => resolve(src.baseDir, p)) : [...list];
  }
  if (type === 'bool') {
    if (typeof raw !== 'boolean') throw new ConfigError(`${at}: config option '${key}' expects a bool, ${got}`);
    return raw;
  }
  if (type === 'int') {
    // TOML ints are plain numbers here, so an integral float (`5.0`) passes too.
    if (typeof raw !== 'number' || !Number.isInteger(raw)) {
      throw new ConfigError(`${at}: config option '${key}' expects an int, ${got}`);
    }
    return raw;
  }
  if (type === 'float') {
    if (typeof raw !== 'number') throw new ConfigError(`${at}: config option '${key}' expects a float, ${got}`);
    return raw;
  }
  if (typeof raw !== 'string') throw new ConfigError(`${at}: config option '${key}' expects a string, ${got}`);
  return raw;
}
