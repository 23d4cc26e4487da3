// Entry of a parse worker thread (bundled as dist/parse-worker.js): parses the batches of files the
// main thread sends and posts their structure back, already in the form the cache file stores.
import { parentPort } from 'node:worker_threads';
import { parsedToJson } from './cache.js';
import { parseFile, type ParseRequest } from './parse-file.js';
import { pythonParser } from './grammar.js';

export interface BatchRequest {
  id: number;
  batch: ParseRequest[];
}

/** `unparsed`: requests this thread could not handle (say, an unreadable file), left to the main thread. */
export interface BatchReply {
  id: number;
  outcomes: { abs: string; size: number; mtimeMs: number; ctimeMs: number; importsOnly?: true; hash: string; parsedJson: string }[];
  unparsed: ParseRequest[];
}

const port = parentPort;
if (port) {
  // Compiling the grammar starts at once: a thread is started before the files it will parse are known.
  void pythonParser().catch(() => undefined);
  port.on('message', async ({ id, batch }: BatchRequest) => {
    const reply: BatchReply = { id, outcomes: [], unparsed: [] };
    for (const request of batch) {
      try {
        const { parsed, parsedJson: _unset, ...outcome } = await parseFile(request);
        reply.outcomes.push({ ...outcome, parsedJson: parsedToJson(parsed) });
      } catch {
        reply.unparsed.push(request);
      }
    }
    port.postMessage(reply);
  });
}
