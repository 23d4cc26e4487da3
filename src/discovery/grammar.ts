import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, Language } from 'web-tree-sitter';

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

/** The tree-sitter parser for Python, loaded once and only when a file must be parsed. */
export function pythonParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init({ locateFile: () => locateWasm('web-tree-sitter.wasm', 'web-tree-sitter') });
    const language = await Language.load(locateWasm('tree-sitter-python.wasm', 'tree-sitter-python'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}
