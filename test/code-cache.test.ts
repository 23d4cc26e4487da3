// The executable loads its bundle through V8's code cache (src/cli/code-cache.ts), kept in the
// user's cache directory: written after a first run, used by the next, keyed by the bundle's
// content, and never able to break a run when it is corrupt, truncated or from another build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as NodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, readCodeCache, userCacheDir, writeCodeCache } from '../src/cli/code-cache.js';

const repo = join(__dirname, '..');
const cli = join(repo, 'dist', 'cli.js');
const builtinCache = typeof (NodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fastest-code-cache-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], cacheHome: string, extra: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: join(repo, 'examples', 'demo'),
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: cacheHome, FASTEST_CODE_CACHE: '', ...extra },
  });
  return { status: r.status, out: r.stdout.replace(/ in \d+\.\d+s/, ''), err: r.stderr };
}

function cacheFiles(cacheHome: string): string[] {
  const dir = join(cacheHome, 'fastest', 'v8');
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
}

describe.skipIf(builtinCache)('code cache of the bundle (Node without module.enableCompileCache)', () => {
  it('is written after a first run, named by the bundle content, and used (not rewritten) by the next', () => {
    const home = join(work, 'first');
    const first = run(['--collect-only', '-q'], home);
    expect(first.status).toBe(0);
    const files = cacheFiles(home);
    expect(files).toHaveLength(1);
    const digest = createHash('sha256')
      .update(readFileSync(join(repo, 'dist', 'main.js')))
      .digest('hex')
      .slice(0, 32);
    expect(files[0]).toContain(`main.js-${digest}-${process.version}-${process.arch}.v8cache`);
    expect(readCodeCache(files[0])).not.toBeNull();
    const before = statSync(files[0]);
    const second = run(['--collect-only', '-q'], home);
    expect(second).toEqual(first);
    const after = statSync(files[0]);
    // accepted by V8: not written again (a write renames a new file over it)
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it.each([
    ['flipped bytes in its data', (data: Buffer) => Buffer.from(data.map((b, i) => (i > 100 && i % 7 === 0 ? b ^ 0xff : b)))],
    ['truncated', (data: Buffer) => data.subarray(0, Math.floor(data.length / 2))],
    ['garbage', () => Buffer.from('not a cache at all\n'.repeat(50))],
    ['empty', () => Buffer.alloc(0)],
  ])('a cache file with %s is ignored and rewritten; the output is the same', (_name, spoil) => {
    const home = join(work, `spoiled-${_name.replace(/\W/g, '')}`);
    const clean = run(['--collect-only', '-q'], home);
    const [file] = cacheFiles(home);
    writeFileSync(file, spoil(readFileSync(file)));
    expect(readCodeCache(file)).toBeNull();
    const again = run(['--collect-only', '-q'], home);
    expect(again).toEqual(clean);
    expect(readCodeCache(file)).not.toBeNull();
  });

  it('data that passes the file check but that V8 refuses (another build, other flags) loads the bundle plainly and is replaced', () => {
    const home = join(work, 'refused');
    const clean = run(['--collect-only', '-q'], home);
    const [file] = cacheFiles(home);
    writeCodeCache(file, Buffer.from('x'.repeat(4096)));
    expect(readCodeCache(file)?.length).toBe(4096);
    const again = run(['--collect-only', '-q'], home);
    expect(again).toEqual(clean);
    expect(readCodeCache(file)!.length).toBeGreaterThan(4096);
  });

  it('FASTEST_CODE_CACHE=0 neither reads nor writes one', () => {
    const home = join(work, 'off');
    const r = run(['--collect-only', '-q'], home, { FASTEST_CODE_CACHE: '0' });
    expect(r.status).toBe(0);
    expect(cacheFiles(home)).toEqual([]);
  });

  it('a discovery (dist/discover.js) gives the same ids with and without its cache', () => {
    const home = join(work, 'discover');
    const plain = run(['discover', '--no-cache'], home, { FASTEST_CODE_CACHE: '0' });
    const first = run(['discover', '--no-cache'], home);
    const cached = run(['discover', '--no-cache'], home);
    expect(plain.status).toBe(0);
    expect(first).toEqual(plain);
    expect(cached).toEqual(plain);
    expect(cacheFiles(home).some((f) => f.includes('discover.js-'))).toBe(true);
  });
});

describe('loadBundle', () => {
  it('gives a bundle its own require, module and __filename, with and without a cache', () => {
    const dir = mkdtempSync(join(work, 'bundle-'));
    const bundle = join(dir, 'b.js');
    writeFileSync(bundle, "#!/usr/bin/env node\n'use strict';\nmodule.exports.where = __filename;\nmodule.exports.sep = require('node:path').sep;\n");
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    const writes: (() => void)[] = [];
    const first = loadBundle(bundle, env, NodeModule.createRequire(bundle), (write) => writes.push(write)) as { where: string; sep: string };
    expect(first).toEqual({ where: bundle, sep: '/' });
    for (const write of writes) write();
    if (!builtinCache) expect(readdirSync(join(dir, 'cache', 'fastest', 'v8'))).toHaveLength(1);
    const second = loadBundle(bundle, env, NodeModule.createRequire(bundle)) as { where: string };
    expect(second.where).toBe(bundle);
  });

  it('keeps a few caches per bundle name, the newest', () => {
    const dir = join(mkdtempSync(join(work, 'keep-')), 'v8');
    for (let i = 0; i < 7; i++) writeCodeCache(join(dir, `main.js-${i}-v1-x64.v8cache`), Buffer.from(`data ${i}`));
    writeCodeCache(join(dir, 'discover.js-0-v1-x64.v8cache'), Buffer.from('other'));
    const left = readdirSync(dir).sort();
    expect(left.filter((n) => n.startsWith('main.js-'))).toHaveLength(4);
    expect(left).toContain('discover.js-0-v1-x64.v8cache');
  });

  it('the cache directory follows XDG_CACHE_HOME, else ~/.cache', () => {
    expect(userCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/fastest');
    if (process.platform === 'linux') expect(userCacheDir({})).toMatch(/\.cache\/fastest$/);
  });
});
