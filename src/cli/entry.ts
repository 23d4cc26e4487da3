// The `fastest` executable (dist/cli.js): a small bundle that answers an unchanged repeat of
// `fastest discover` from its memo without loading anything else, and otherwise hands over to the
// main bundle beside it (dist/main.mjs), whose compile and start-up cost most of a warm discovery.
import { writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isatty } from 'node:tty';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { replayMemo } from '../memo/discover-memo.js';

const startedMs = performance.now();
const argv = process.argv.slice(2);
const mainBundle = join(dirname(fileURLToPath(import.meta.url)), 'main.mjs');

/** Writes straight to fd 1: setting up process.stdout costs a few ms, a tenth of a replay. */
function writeStdout(chunks: Buffer[]): void {
  for (const [index, chunk] of chunks.entries()) {
    let written = 0;
    try {
      while (written < chunk.length) written += writeSync(1, chunk, written);
    } catch {
      // A non-blocking pipe that is full (EAGAIN): the stream waits for it.
      process.stdout.write(chunk.subarray(written));
      for (const rest of chunks.slice(index + 1)) process.stdout.write(rest);
      return;
    }
  }
}

function replayed(): boolean {
  if (argv[0] !== 'discover') return false;
  const command = { argv, cwd: process.cwd(), bundlePath: mainBundle, stdoutIsTTY: isatty(1) };
  const exitCode = replayMemo(command, process.env, startedMs, writeStdout);
  if (exitCode === null) return false;
  process.exitCode = exitCode;
  return true;
}

if (!replayed()) {
  import(/* webpackIgnore: true */ pathToFileURL(mainBundle).href).catch((error: unknown) => {
    process.stderr.write(`fastest: cannot load ${mainBundle}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  });
}
