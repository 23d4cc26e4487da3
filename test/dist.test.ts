// dist/ is committed: it must be what `npm run build` makes from src/, and run without node_modules.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(__dirname, '..');

describe('dist/', () => {
  // the build takes ~25 s on an idle machine and over 180 s when the machine is loaded
  it('is current with src/', { timeout: 400_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'fastest-dist-'));
    try {
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, env: { ...process.env, FASTEST_BUILD_OUT: out }, stdio: 'pipe' });
      const built = readdirSync(out).sort();
      expect(readdirSync(join(repo, 'dist')).sort()).toEqual(built);
      for (const file of built) {
        const same = readFileSync(join(out, file)).equals(readFileSync(join(repo, 'dist', file)));
        expect(same, `dist/${file} is stale: run npm run build and commit dist/`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('runs `node dist/cli.js discover` from a copy of the repo with no node_modules', () => {
    const copy = mkdtempSync(join(tmpdir(), 'fastest-nonm-'));
    try {
      for (const part of ['dist', 'python', 'examples']) cpSync(join(repo, part), join(copy, part), { recursive: true });
      const r = spawnSync(process.execPath, ['dist/cli.js', 'discover', '--no-cache', 'examples/demo'], { cwd: copy, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('tests/test_cart.py::test_milk[2-2.2]');
      expect(r.stdout).toMatch(/14 tests collected in/);
      const version = spawnSync(process.execPath, ['dist/cli.js', '--version'], { cwd: copy, encoding: 'utf8' });
      expect(version.stdout).toMatch(/^fastest \d+\.\d+\.\d+/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('runs the example project with pytest-identical counts', () => {
    const copy = mkdtempSync(join(tmpdir(), 'fastest-demo-'));
    try {
      for (const part of ['dist', 'python', 'examples']) cpSync(join(repo, part), join(copy, part), { recursive: true });
      const r = spawnSync(process.execPath, ['dist/cli.js', 'examples/demo'], { cwd: copy, encoding: 'utf8' });
      expect(r.stdout).toMatch(/12 passed, 1 skipped, 1 xfailed in/);
      expect(r.status).toBe(0);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
