// Entry of a parse worker thread (bundled as dist/parse-worker.mjs): parses the batches of files the
// main thread sends and posts their structure back.
import { parentPort } from 'node:worker_threads';
import { parseFile, type ParseOutcome, type ParseRequest } from './parse-file.js';

export interface BatchRequest {
  batch: ParseRequest[];
}

/** `unparsed`: requests this thread could not handle (say, an unreadable file), left to the main thread. */
export interface BatchReply {
  outcomes: ParseOutcome[];
  unparsed: ParseRequest[];
}

const port = parentPort;
if (port) {
  port.on('message', async ({ batch }: BatchRequest) => {
    const outcomes: ParseOutcome[] = [];
    const unparsed: ParseRequest[] = [];
    for (const request of batch) {
      try {
        outcomes.push(await parseFile(request));
      } catch {
        unparsed.push(request);
      }
    }
    port.postMessage({ outcomes, unparsed } satisfies BatchReply);
  });
}
