// Reading one candidate config file the way pytest's load_config_dict_from_file does.

import { basename, extname } from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { readLoggedFile } from '../memo/inputs.js';
import { ConfigError } from './errors.js';
import { IniParseError, parseIni, type IniDocument } from './ini-parser.js';
import { pyStrOfTomlValue, pyUniversalNewlines } from './pystr.js';

/**
 * One raw config value with where it came from. mode 'ini': str or list of str, coerced by type
 * when read (ini files, [tool.pytest.ini_options], -o). mode 'toml': native TOML types, checked
 * strictly ([tool.pytest], pytest.toml).
 */
export interface ConfigValue {
  value: unknown;
  origin: 'file' | 'override';
  mode: 'ini' | 'toml';
  /** Python's str() of the value (of each item, for lists), as reported in Config.ini. */
  text: string | string[];
  /** 1-based line of the key in an INI file, when known. */
  line?: number;
}

export type ConfigDict = Map<string, ConfigValue>;

const CFG_PYTEST_SECTION = '[pytest] section in setup.cfg files is no longer supported, change to [tool:pytest] instead.';

export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readLoggedFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'ENOENT' ? 'No such file or directory' : code === 'EISDIR' ? 'Is a directory' : code;
    throw new ConfigError(`${path}: cannot read config file: ${why}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError(`${path}: config file is not valid UTF-8`);
  }
}

function readIni(path: string): IniDocument {
  try {
    return parseIni(path, readTextFile(path));
  } catch (err) {
    if (err instanceof IniParseError) throw new ConfigError(err.message);
    throw err;
  }
}

type TomlTable = Record<string, unknown>;

export function readToml(path: string): TomlTable {
  const text = pyUniversalNewlines(readTextFile(path));
  try {
    return parseToml(text, { integersAsBigInt: true }) as TomlTable;
  } catch (err) {
    if (err instanceof TomlError) {
      const reason = (err.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '');
      throw new ConfigError(`${path}:${err.line}: invalid TOML: ${reason} (column ${err.column})`);
    }
    throw err;
  }
}

function isTable(v: unknown): v is TomlTable {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

function iniSectionDict(doc: IniDocument, section: string): ConfigDict {
  const dict: ConfigDict = new Map();
  for (const [key, entry] of doc.get(section)?.entries ?? []) {
    dict.set(key, { value: entry.value, text: entry.value, origin: 'file', mode: 'ini', line: entry.line });
  }
  return dict;
}

/**
 * TOML values as plain JSON-friendly data: integers (parsed as bigint so that `1.0` and `1` stay
 * apart while pytest's str() of them is taken) become numbers.
 */
export function plainToml(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plainToml);
  if (isTable(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainToml(x)]));
  return v;
}

function tomlDict(table: TomlTable, mode: 'ini' | 'toml'): ConfigDict {
  const dict: ConfigDict = new Map();
  for (const [key, raw] of Object.entries(table)) {
    // INI mode turns scalars into str as pytest's make_scalar does; lists stay lists.
    const text = Array.isArray(raw) ? raw.map(pyStrOfTomlValue) : pyStrOfTomlValue(raw);
    const value = mode === 'ini' ? text : plainToml(raw);
    dict.set(key, { value, text, origin: 'file', mode });
  }
  return dict;
}

/** pytest's config from `path`, or null when the file holds no pytest configuration. */
export function loadConfigDictFromFile(path: string): ConfigDict | null {
  const suffix = extname(basename(path));
  const name = basename(path);
  if (suffix === '.ini') {
    const doc = readIni(path);
    if (doc.has('pytest')) return iniSectionDict(doc, 'pytest');
    // pytest.ini is always the source of configuration, even when empty.
    if (name === 'pytest.ini' || name === '.pytest.ini') return new Map();
  } else if (suffix === '.cfg') {
    const doc = readIni(path);
    if (doc.has('tool:pytest')) return iniSectionDict(doc, 'tool:pytest');
    if (doc.has('pytest')) {
      const line = doc.get('pytest')?.line;
      throw new ConfigError(`${path}:${line}: ${CFG_PYTEST_SECTION}`);
    }
  } else if (suffix === '.toml') {
    const doc = readToml(path);
    if (name === 'pytest.toml' || name === '.pytest.toml') {
      const table = doc['pytest'];
      if (table === undefined) return new Map();
      if (!isTable(table)) throw new ConfigError(`${path}: 'pytest' must be a table`);
      return tomlDict(table, 'toml');
    }
    const tool = doc['tool'];
    const toolPytest = isTable(tool) ? tool['pytest'] : undefined;
    if (!isTable(toolPytest)) return null;
    const { ini_options: iniOptions, ...tomlOptions } = toolPytest;
    const hasToml = Object.keys(tomlOptions).length > 0;
    if (hasToml && iniOptions !== undefined && (!isTable(iniOptions) || Object.keys(iniOptions).length > 0)) {
      throw new ConfigError(
        `${path}: Cannot use both [tool.pytest] (native TOML types) and [tool.pytest.ini_options] ` +
          '(string-based INI format) simultaneously. Please use [tool.pytest] with native TOML types ' +
          '(recommended) or [tool.pytest.ini_options] for backwards compatibility.',
      );
    }
    if (hasToml) return tomlDict(tomlOptions, 'toml');
    if (iniOptions !== undefined) {
      if (!isTable(iniOptions)) throw new ConfigError(`${path}: [tool.pytest.ini_options] must be a table`);
      return tomlDict(iniOptions, 'ini');
    }
  }
  return null;
}

/** The [tool.fastest] table of a pyproject.toml, or {} when it has none. */
export function readFastestTable(pyprojectPath: string): Record<string, unknown> {
  const tool = readToml(pyprojectPath)['tool'];
  const fastest = isTable(tool) ? tool['fastest'] : undefined;
  return isTable(fastest) ? (plainToml(fastest) as Record<string, unknown>) : {};
}
