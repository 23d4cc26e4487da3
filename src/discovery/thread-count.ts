// How many parse threads: shared by the executable (which may start them early) and the parse pool,
// without loading worker_threads.

export const MAX_PARSE_THREADS = 4;

/** FASTEST_PARSE_THREADS=N when set to a whole number (0: parse on the main thread only). */
export function forcedParseThreads(env: NodeJS.ProcessEnv): number | null {
  const forced = Number.parseInt(env.FASTEST_PARSE_THREADS ?? '', 10);
  return Number.isInteger(forced) && forced >= 0 ? forced : null;
}

/**
 * Whether the native tree-sitter binding is installed where `resolve` looks (a lookup, no load):
 * then a discovery parses on the main thread unless it has much to parse (parse-pool.ts), and
 * threads started ahead would be wasted. A binding that is installed and then fails to load only
 * costs that head start.
 */
export function nativeGrammarInstalled(env: NodeJS.ProcessEnv, resolve: (name: string) => string): boolean {
  if (env.FASTEST_TREE_SITTER === 'wasm') return false;
  try {
    // Computed names: the bundler must not pull the addons into dist/.
    for (const name of ['tree-sitter', 'tree-sitter-python']) resolve(name);
    return true;
  } catch {
    return false;
  }
}
