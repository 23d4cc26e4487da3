// The floor under a cold discovery: a fresh Node process that only loads web-tree-sitter, compiles
// the Python grammar and parses a generated suite's files (tree-sitter's own work, nothing of
// fastest's: no config, walk, items, cache or output), on 1 and 2 threads, against
// `pytest --collect-only -q` on the same suite. The lowest wall time of 5 is printed.
// Usage: node bench/parse-floor.mjs [tests]   (default 10000; files of 100 tests)
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSuite } from './gen.mjs';

const repo = resolve(import.meta.dirname, '..');
const size = Number(process.argv[2] ?? 10000);
const dir = join(tmpdir(), `fastest-bench-floor-${size}`);
generateSuite(dir, { tests: size, perFile: 100 });
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS; // see bench/discovery.mjs

// Each thread compiles the grammar and parses every n-th file; the process ends when all are done.
const script = `
const { Worker, isMainThread, workerData, parentPort } = require('node:worker_threads');
const { readdirSync, readFileSync } = require('node:fs');
const dir = ${JSON.stringify(join(dir, 'tests'))};
if (isMainThread) {
  const threads = Number(process.argv[2]);
  let done = 0;
  for (let i = 0; i < threads; i++) {
    let finished = false;
    new Worker(__filename, { workerData: { i, threads } })
      .on('message', () => { finished = true; if (++done === threads) process.exit(0); })
      .on('error', (e) => { console.error(e); process.exit(1); })
      .on('exit', () => { if (!finished) { console.error('a thread ended without parsing its files'); process.exit(1); } });
  }
} else {
  (async () => {
    const { Parser, Language } = await import(${JSON.stringify(join(repo, 'node_modules/web-tree-sitter/web-tree-sitter.js'))});
    await Parser.init();
    const parser = new Parser();
    parser.setLanguage(await Language.load(${JSON.stringify(join(repo, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'))}));
    const files = readdirSync(dir).sort();
    for (let f = workerData.i; f < files.length; f += workerData.threads) parser.parse(readFileSync(dir + '/' + files[f], 'utf8')).delete();
    parentPort.postMessage('done');
  })();
}
`;
const scriptFile = join(tmpdir(), `fastest-bench-floor-${process.pid}.cjs`);
(await import('node:fs')).writeFileSync(scriptFile, script);

function best(cmd, args, n) {
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const r = spawnSync(cmd, args, { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
    min = Math.min(min, (performance.now() - started) / 1000);
  }
  return min;
}

const pytest = best('python3', ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'], 1);
const node = best(process.execPath, ['-e', '0'], 5);
const one = best(process.execPath, [scriptFile, '1'], 5);
const two = best(process.execPath, [scriptFile, '2'], 5);
console.log(`${size} tests: pytest --collect-only -q ${pytest.toFixed(2)} s; 50x of it: ${((pytest / 50) * 1000).toFixed(0)} ms`);
console.log(`node -e 0: ${(node * 1000).toFixed(0)} ms`);
console.log(`start + compile grammar + parse every file, 1 thread: ${(one * 1000).toFixed(0)} ms (${(pytest / one).toFixed(1)}x)`);
console.log(`start + compile grammar + parse every file, 2 threads: ${(two * 1000).toFixed(0)} ms (${(pytest / two).toFixed(1)}x)`);
rmSync(dir, { recursive: true, force: true });
rmSync(scriptFile, { force: true });
