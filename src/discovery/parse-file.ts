// Reading, hashing and parsing one test file: the unit of work shared by the main thread and the
// parse worker threads.
import { readFileSync } from 'node:fs';
import { sha1 } from '../memo/inputs.js';
import { pythonParser } from './grammar.js';
import { parseImportsOnly, parseModule, type ParsedModule } from './parse.js';

export interface ParseRequest {
  abs: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  /** Read only the imports (a project module the import graph reaches that is not a test file). */
  importsOnly?: true;
}

export interface ParseOutcome {
  abs: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  importsOnly?: true;
  hash: string;
  /** The structure, when parsed on this thread (see CacheEntry.parsed). */
  parsed?: ParsedModule;
  /** `parsed` as the cache stores it, when a parse thread made it. */
  parsedJson?: string;
}

export async function parseFile(request: ParseRequest): Promise<ParseOutcome & { parsed: ParsedModule }> {
  const content = readFileSync(request.abs);
  const parser = await pythonParser();
  const source = content.toString('utf8');
  return { ...request, hash: sha1(content), parsed: request.importsOnly ? parseImportsOnly(parser, source) : parseModule(parser, source) };
}
