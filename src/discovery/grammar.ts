import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { Parser, Language, Query } from 'web-tree-sitter';

let parserPromise: Promise<Parser> | null = null;

// web-tree-sitter is imported statically so the bundle stays one file; only Parser.init (the wasm
// compile) is deferred until a file must be parsed.
/** Finds a wasm file next to the bundle (dist/) or in node_modules (source runs). */
function locateWasm(fileName: string, packageName: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const besideBundle = join(here, fileName);
  if (existsSync(besideBundle)) return besideBundle;
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', packageName, fileName);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`cannot find ${fileName}: reinstall fastest`);
  }
}

/** The native binding's classes, as far as discovery uses them. */
interface NativeBinding {
  Parser: new () => { setLanguage(language: unknown): void; parse(source: string): NativeTree };
  Query: new (language: unknown, source: string) => Query;
  python: object;
}
interface NativeTree {
  rootNode: unknown;
  delete?: () => void;
}

let native: NativeBinding | null | undefined;

/**
 * The native tree-sitter binding (the `tree-sitter` package, an optional dependency built at
 * install, with `tree-sitter-python`'s prebuilt grammar), when it loads here; null otherwise
 * (not installed, no compiler at install, a bundle without node_modules such as the Action's):
 * discovery then uses the WebAssembly grammar. Both give the same trees; the native one starts in
 * ~15 ms where the wasm compile takes 20-50 ms and its first parses run unoptimized (Liftoff).
 * FASTEST_TREE_SITTER=wasm forces the fallback (tests compare the two).
 * Parse threads always use the wasm grammar: a thread ended (Worker.terminate, or the process
 * exiting) while the native addon loads or holds a tree aborts the whole process ("terminate called
 * after throwing an instance of 'Napi::Error'", exit 134: 11 of 90 discover runs of 6 at once).
 */
function nativeBinding(): NativeBinding | null {
  if (native !== undefined) return native;
  native = null;
  if (process.env.FASTEST_TREE_SITTER === 'wasm' || !isMainThread) return native;
  try {
    // A runtime require with computed names: the bundler must not pull the addons into dist/.
    const load = createRequire(import.meta.url);
    const [runtime, grammar] = ['tree-sitter', 'tree-sitter-python'];
    const NativeParser = load(runtime) as NativeBinding['Parser'] & { Query: NativeBinding['Query'] };
    const python = load(grammar) as object;
    new NativeParser().setLanguage(python); // a grammar built for another runtime ABI throws here
    native = { Parser: NativeParser, Query: NativeParser.Query, python };
  } catch {
    native = null;
  }
  return native;
}

/** Which grammar discovery parses with (for benchmarks and tests). */
export function grammarKind(): 'native' | 'wasm' {
  return nativeBinding() ? 'native' : 'wasm';
}

/**
 * The native parser behind web-tree-sitter's interface: its nodes have the same members (type,
 * text, startIndex in UTF-16 units, childForFieldName, namedChildren...), its trees are freed by
 * the garbage collector (delete is a no-op).
 */
function nativeParser(binding: NativeBinding): Parser {
  const parser = new binding.Parser();
  parser.setLanguage(binding.python);
  return {
    parse(source: string) {
      const tree = parser.parse(source);
      tree.delete ??= () => undefined;
      return tree;
    },
  } as unknown as Parser;
}

/** The tree-sitter parser for Python, loaded once and only when a file must be parsed. */
export function pythonParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    const binding = nativeBinding();
    if (binding) return nativeParser(binding);
    await Parser.init({ locateFile: () => locateWasm('web-tree-sitter.wasm', 'web-tree-sitter') });
    const language = await Language.load(locateWasm('tree-sitter-python.wasm', 'tree-sitter-python'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

let nativeReady: Parser | null | undefined;

/**
 * A parser usable at once (synchronously) for reading a helper module while items are built: the
 * native one on this thread; null under the WebAssembly grammar, whose load is asynchronous (what
 * needs it then stays dynamic, the same on every run: the wasm parser's readiness on this thread
 * depends on which files the parse threads handed back).
 */
export function readyPythonParser(): Parser | null {
  if (nativeReady !== undefined) return nativeReady;
  const binding = nativeBinding();
  nativeReady = binding ? nativeParser(binding) : null;
  return nativeReady;
}

/** A query on the grammar of `language` (a tree's), native or wasm as the tree is. */
export function grammarQuery(language: Language, source: string): Query {
  const binding = nativeBinding();
  if (binding && (language as unknown) === binding.python) return new binding.Query(language, source);
  return new Query(language, source);
}
