// Writes test/file-seconds.json (the order test/sequencer.ts starts test files in) from the
// output of a whole `npm test` run: `npm test 2>&1 | tee run.log; node scripts/file-seconds.mjs run.log`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const log = readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
const seconds = {};
for (const match of log.matchAll(/^ [✓❯×] (test\/\S+\.test\.ts) .* (\d+)ms$/gm)) seconds[match[1]] = Math.round(Number(match[2]) / 100) / 10;
const sorted = Object.entries(seconds).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'file-seconds.json');
writeFileSync(out, JSON.stringify(Object.fromEntries(sorted), null, 2) + '\n');
console.log(`${sorted.length} files -> ${out}`);
