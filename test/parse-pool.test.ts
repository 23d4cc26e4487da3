import { describe, expect, it } from 'vitest';
import { MAX_BYTES_ON_MAIN_THREAD, parseThreadCount, type ParseLoad } from '../src/discovery/parse-pool.js';
import { nativeGrammarInstalled } from '../src/discovery/thread-count.js';

const load = (over: Partial<ParseLoad>): ParseLoad => ({ files: 100, bytes: 353_400, nativeGrammar: true, adopted: 0, cores: 2, forced: null, ...over });

describe('parse threads: the choice', () => {
  it('parses on the main thread with the native grammar up to the measured size, threads beyond', () => {
    // 10,000 generated tests: 100 files, 353 KB (bench/RESULTS.md "Session 9 — speed").
    expect(parseThreadCount(load({}))).toBe(0);
    expect(parseThreadCount(load({ bytes: MAX_BYTES_ON_MAIN_THREAD }))).toBe(0);
    expect(parseThreadCount(load({ bytes: MAX_BYTES_ON_MAIN_THREAD + 1 }))).toBe(2);
    // Threads started ahead are ended unused when the main thread is cheaper.
    expect(parseThreadCount(load({ adopted: 2 }))).toBe(0);
  });

  it('uses threads for many files under the WebAssembly grammar, and obeys FASTEST_PARSE_THREADS', () => {
    expect(parseThreadCount(load({ nativeGrammar: false }))).toBe(2);
    expect(parseThreadCount(load({ nativeGrammar: false, files: 10, bytes: 30_000 }))).toBe(0);
    expect(parseThreadCount(load({ nativeGrammar: false, adopted: 3 }))).toBe(3);
    expect(parseThreadCount(load({ forced: 3 }))).toBe(3);
    expect(parseThreadCount(load({ forced: 0, nativeGrammar: false }))).toBe(0);
  });

  it('starts no threads ahead where the native binding is installed, unless the wasm grammar is forced', () => {
    const resolve = (name: string) => `/nm/${name}`;
    const missing = (name: string): string => {
      throw new Error(`cannot find ${name}`);
    };
    expect(nativeGrammarInstalled({}, resolve)).toBe(true);
    expect(nativeGrammarInstalled({ FASTEST_TREE_SITTER: 'wasm' }, resolve)).toBe(false);
    expect(nativeGrammarInstalled({}, missing)).toBe(false);
  });
});
