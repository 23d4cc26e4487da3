// Discovery benchmark: fastest cold/warm discovery vs `pytest --collect-only -q`, same run.
// Usage: node bench/discovery.mjs [sizes...]   (default: 1000 10000 100000)
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSuite } from './gen.mjs';

const cli = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

function timed(cmd, args, cwd, env = {}) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const lines = r.stdout.split('\n').filter((l) => l.includes('::')).length;
  return { seconds, lines };
}

function best(n, fn) {
  let min = Infinity;
  let result;
  for (let i = 0; i < n; i++) {
    result = fn();
    min = Math.min(min, result.seconds);
  }
  return { ...result, seconds: min };
}

const rows = [];
for (const size of sizes.length ? sizes : [1000, 10000, 100000]) {
  const dir = join(tmpdir(), `fastest-bench-discovery-${size}`);
  const { files } = generateSuite(dir, { tests: size, perFile: 100 });
  const repeats = size >= 100000 ? 1 : 3;
  const pytest = best(repeats, () => timed('python3', ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'], dir, { PYTHONDONTWRITEBYTECODE: '1' }));
  const cold = best(repeats, () => {
    rmSync(join(dir, '.fastest'), { recursive: true, force: true });
    return timed(process.execPath, [cli, 'discover'], dir);
  });
  timed(process.execPath, [cli, 'discover'], dir);
  const warm = best(repeats + 2, () => timed(process.execPath, [cli, 'discover'], dir));
  if (cold.lines !== pytest.lines || warm.lines !== pytest.lines) throw new Error(`id counts differ: pytest ${pytest.lines}, cold ${cold.lines}, warm ${warm.lines}`);
  rows.push({ size, files, pytest: pytest.seconds, cold: cold.seconds, warm: warm.seconds });
  rmSync(dir, { recursive: true, force: true });
}

console.log('| tests | files | pytest --collect-only -q | fastest cold | fastest warm | cold speed-up | warm speed-up |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.size} | ${r.files} | ${r.pytest.toFixed(2)} s | ${r.cold.toFixed(3)} s | ${r.warm.toFixed(3)} s | ${(r.pytest / r.cold).toFixed(1)}x | ${(r.pytest / r.warm).toFixed(1)}x |`);
}
