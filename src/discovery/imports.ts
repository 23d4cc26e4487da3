// Whether a module would import `X`, told without importing anything: X is looked for the way
// Python's path finder would (X.py, X/__init__.py, a namespace directory X/, an extension module
// X.<suffix>) in the directories pytest puts on sys.path for the module and in the interpreter's
// own sys.path, or among its builtin modules. Every path looked at is an input of the discovery memo.
import type { Stats } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { probePath, readLoggedFile } from '../memo/inputs.js';
import type { GuardEnv } from './guards.js';
import type { InterpreterProbe } from './interpreter.js';

type Found = { kind: 'module'; file: string | null } | { kind: 'package'; dirs: string[]; init: string | null };

export class ImportResolver {
  private readonly memo = new Map<string, Found | null | undefined>();

  /** `probe`: asked on first use; null when there is no interpreter to ask. */
  constructor(
    private readonly rootdir: string,
    private readonly probe: () => InterpreterProbe | null,
  ) {}

  /** The guard environment of the module at `file` (absolute). */
  envFor(file: string): GuardEnv {
    return {
      facts: () => this.probe(),
      importable: (mod, name) => this.importable(mod, name, file),
      moduleSource: (mod) => this.moduleSource(mod, file),
      isProjectModule: (mod) => this.isProjectModule(mod, file),
      locate: (mod, fromFile) => this.locate(mod, fromFile ?? file),
    };
  }

  /** Each located source once per discovery (the same object each time: callers memoize on it). */
  private readonly located = new Map<string, { file: string; text: string; package: boolean } | undefined>();

  private locate(mod: string | null, fromFile: string): { file: string; text: string; package: boolean } | undefined {
    let source: string | null = fromFile;
    let pkg: boolean;
    if (mod !== null) {
      const found = this.find(mod, fromFile);
      if (!found) return undefined;
      source = found.kind === 'package' ? found.init : found.file;
      pkg = found.kind === 'package';
    } else pkg = fromFile.endsWith(`${sep}__init__.py`);
    if (source === null) return undefined;
    if (!this.located.has(source)) {
      const text = this.sourceText(source);
      this.located.set(source, text === undefined ? undefined : { file: source, text, package: pkg });
    }
    return this.located.get(source);
  }

  /**
   * Each path's state once per discovery: `from pkg import NAME` asks whether NAME is a submodule
   * (a directory, `NAME.py`, an extension file each suffix) for every importing module, ~5 stats a
   * name (graphql-core's tests: ~75 ms of stats in a first discovery). The first look is the memo's input.
   */
  private readonly states = new Map<string, Stats | undefined>();

  private stateOf(path: string): Stats | undefined {
    if (this.states.has(path)) return this.states.get(path);
    const st = probePath(path);
    this.states.set(path, st);
    return st;
  }

  private isFile(path: string): boolean {
    return this.stateOf(path)?.isFile() === true;
  }

  private isDir(path: string): boolean {
    return this.stateOf(path)?.isDirectory() === true;
  }

  /** pytest's prepend import mode puts the first directory above the module without __init__.py on sys.path. */
  basedir(file: string): string {
    let dir = dirname(file);
    while (this.isFile(join(dir, '__init__.py')) && dirname(dir) !== dir) dir = dirname(dir);
    return dir;
  }

  /** `name` in one directory: a module file, a package (or namespace) directory, or nothing. */
  private findIn(dir: string, name: string, suffixes: string[]): Found | null {
    const pkg = join(dir, name);
    if (this.isDir(pkg)) {
      const init = join(pkg, '__init__.py');
      return { kind: 'package', dirs: [pkg], init: this.isFile(init) ? init : null };
    }
    if (this.isFile(`${pkg}.py`)) return { kind: 'module', file: `${pkg}.py` };
    for (const suffix of suffixes) if (this.isFile(`${pkg}${suffix}`)) return { kind: 'module', file: null };
    return null;
  }

  /** The module `dotted` looked up from `file`; null: certainly absent; undefined: can't be told. */
  private find(dotted: string, file: string): Found | null | undefined {
    const key = `${dotted}\0${dotted.startsWith('.') ? dirname(file) : this.basedir(file)}`;
    if (this.memo.has(key)) return this.memo.get(key);
    const found = this.resolve(dotted, file);
    this.memo.set(key, found);
    return found;
  }

  private resolve(dotted: string, file: string): Found | null | undefined {
    const probe = this.probe();
    const suffixes = probe?.extensionSuffixes ?? ['.so', '.pyd'];
    const level = /^\.*/.exec(dotted)![0].length;
    const parts = dotted
      .slice(level)
      .split('.')
      .filter((p) => p !== '');
    let found: Found | null;
    if (level > 0) {
      // A relative import needs the module to be in a package.
      let dir = dirname(file);
      if (!this.isFile(join(dir, '__init__.py'))) return null;
      for (let i = 1; i < level; i++) dir = dirname(dir);
      const init = join(dir, '__init__.py');
      found = { kind: 'package', dirs: [dir], init: this.isFile(init) ? init : null };
    } else {
      const top = parts.shift()!;
      if (probe?.builtins.includes(top)) return parts.length === 0 ? { kind: 'module', file: null } : undefined;
      const dirs = [this.basedir(file), this.rootdir, ...(probe?.path ?? [])];
      found = null;
      for (const dir of dirs) {
        const here = this.findIn(dir, top, suffixes);
        if (here === null) continue;
        // A directory without __init__.py is a namespace portion: a module or regular package
        // later on the path is imported instead (PathFinder).
        if (found === null || (found.kind === 'package' && found.init === null && (here.kind === 'module' || here.init !== null))) found = here;
        else if (found.kind === 'package' && here.kind === 'package' && found.init === null) found.dirs.push(...here.dirs);
        if (found.kind === 'module' || found.init !== null) break;
      }
      if (found === null) {
        // Something else may import it: a finder of an editable install, a zip file on sys.path.
        const certain = probe !== null && probe.standardFinders && !probe.path.some((p) => this.isFile(p));
        return certain ? null : undefined;
      }
    }
    for (const part of parts) {
      if (found.kind !== 'package') return undefined;
      let next: Found | null = null;
      for (const dir of found.dirs) {
        next = this.findIn(dir, part, suffixes);
        if (next) break;
      }
      // A package can make submodules of its own (os.path, __path__ changes): not found is not certain.
      if (next === null) return undefined;
      found = next;
    }
    return found;
  }

  /**
   * For the import graph: every file that importing `dotted` from `file` could run, whether it
   * exists now or not (a module deleted or added is a change the graph must see). For each of
   * `roots` and the module's basedir (or, for a relative import, its package), the packages'
   * `__init__.py` on the way and the module as `X.py` or `X/__init__.py`. A superset of what
   * `find` picks: which root wins depends on the import mode and sys.path at run time.
   */
  sourceCandidates(dotted: string, file: string, roots: readonly string[]): string[] {
    const level = /^\.*/.exec(dotted)![0].length;
    const parts = dotted
      .slice(level)
      .split('.')
      .filter((p) => p !== '');
    const out: string[] = [];
    let bases: string[];
    if (level > 0) {
      let dir = dirname(file);
      for (let i = 1; i < level; i++) dir = dirname(dir);
      out.push(join(dir, '__init__.py'));
      bases = [dir];
    } else {
      bases = [...new Set([this.basedir(file), ...roots])];
    }
    for (const base of bases) {
      let dir = base;
      for (const part of parts) {
        out.push(join(dir, `${part}.py`), join(dir, part, '__init__.py'));
        dir = join(dir, part);
      }
    }
    return out;
  }

  private importable(mod: string, name: string | undefined, file: string): boolean | undefined {
    const found = this.find(mod, file);
    if (found === null) return false;
    if (found === undefined) return undefined;
    if (name === undefined) return true;
    if (found.kind === 'package') {
      const suffixes = this.probe()?.extensionSuffixes ?? ['.so', '.pyd'];
      if (found.dirs.some((dir) => this.findIn(dir, name, suffixes) !== null)) return true;
    }
    const source = found.kind === 'package' ? found.init : found.file;
    if (source === null) return found.kind === 'package' && found.init === null && !mod.startsWith('.') ? false : undefined;
    const text = this.sourceText(source);
    if (text === undefined) return undefined;
    const names = this.namesIn(source, text);
    const plain = /^\w+$/.test(name);
    const word = plain ? names.words.has(name) : new RegExp(`\\b${name.replace(/[^\w]/g, '')}\\b`).test(text);
    if (!word) return names.bindsAtRunTime ? undefined : false;
    if (plain) return names.bound.has(name) ? true : undefined;
    const binds = new RegExp(`^\\s*(?:(?:async\\s+)?def|class)\\s+${name}\\b|^${name}\\s*[:=]|^\\s*(?:from\\s+\\S+\\s+)?import\\s[^\\n]*\\b${name}\\b`, 'm');
    return binds.test(text) ? true : undefined;
  }

  /**
   * A source's words, the names it visibly binds (a def or class, `NAME =` or `NAME:` at a line's
   * start, any word after an import statement's `import`) and whether it may bind names at run
   * time (globals().update(...), sys.modules[__name__], __getattr__, a star import), read once: a
   * package's `__init__.py` is asked about each of hundreds of names (graphql-core's tests import
   * ~500 from `graphql`), and two regexes over its text per name were ~0.2 s of a first discovery.
   */
  private readonly names = new Map<string, { words: Set<string>; bound: Set<string>; bindsAtRunTime: boolean }>();

  private namesIn(source: string, text: string): { words: Set<string>; bound: Set<string>; bindsAtRunTime: boolean } {
    let names = this.names.get(source);
    if (names === undefined) {
      const bound = new Set<string>();
      for (const m of text.matchAll(/^\s*(?:(?:async\s+)?def|class)\s+(\w+)/gm)) bound.add(m[1]);
      for (const m of text.matchAll(/^(\w+)\s*[:=]/gm)) bound.add(m[1]);
      for (const m of text.matchAll(/^\s*(?:from\s+\S+\s+)?import\s([^\n]*)/gm)) for (const w of m[1].match(/\w+/g) ?? []) bound.add(w);
      const bindsAtRunTime = /__getattr__|import \*|globals\(\)|sys\.modules\[__name__\]/.test(text);
      names = { words: new Set(text.match(/\w+/g) ?? []), bound, bindsAtRunTime };
      this.names.set(source, names);
    }
    return names;
  }

  /** Each module source read once per discovery (the first read is the memo's input). */
  private readonly texts = new Map<string, string | undefined>();

  private sourceText(source: string): string | undefined {
    if (!this.texts.has(source)) {
      try {
        this.texts.set(source, readLoggedFile(source).toString('utf8'));
      } catch {
        this.texts.set(source, undefined);
      }
    }
    return this.texts.get(source);
  }

  private isProjectModule(mod: string, file: string): boolean | undefined {
    const found = this.find(mod, file);
    if (!found) return found === null ? false : undefined;
    const path = found.kind === 'package' ? found.dirs[0] : found.file;
    if (path === null) return false;
    return path.startsWith(this.rootdir + sep) && !path.includes(`${sep}site-packages${sep}`);
  }

  private moduleSource(mod: string, file: string): string | null | undefined {
    const found = this.find(mod, file);
    if (!found) return undefined;
    const source = found.kind === 'package' ? found.init : found.file;
    if (source === null) return null;
    return this.sourceText(source);
  }
}
