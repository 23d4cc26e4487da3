// How many parse threads: shared by the executable (which may start them early) and the parse pool,
// without loading worker_threads.

export const MAX_PARSE_THREADS = 4;

/** FASTEST_PARSE_THREADS=N when set to a whole number (0: parse on the main thread only). */
export function forcedParseThreads(env: NodeJS.ProcessEnv): number | null {
  const forced = Number.parseInt(env.FASTEST_PARSE_THREADS ?? '', 10);
  return Number.isInteger(forced) && forced >= 0 ? forced : null;
}
