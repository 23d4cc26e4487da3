// A loopback stand-in for the GitHub Actions cache service v2, as @actions/cache v6 talks to it
// with ACTIONS_CACHE_SERVICE_V2=true: twirp JSON calls to
// github.actions.results.api.v1.CacheService (CreateCacheEntry, FinalizeCacheEntryUpload,
// GetCacheEntryDownloadURL) at ACTIONS_RESULTS_URL, then the archive itself over HTTP: uploaded
// with the Azure Blob SDK's requests (one `PUT` with x-ms-blob-type: BlockBlob, or `PUT
// ?comp=block` parts and a `PUT ?comp=blocklist`) to the signed URL, downloaded with a `GET`.
// Listens on 127.0.0.1 only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  finalized: boolean;
  blob?: Buffer;
  blocks: Map<string, Buffer>;
  createdAt: number;
}

export interface CacheCall {
  method: string;
  /** Twirp method name, or 'blob-put' / 'blob-get'. */
  name: string;
  body?: Record<string, unknown>;
}

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

export class FakeCacheServer {
  readonly entries: CacheEntry[] = [];
  readonly calls: CacheCall[] = [];
  private server: Server | undefined;
  private clock = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'internal', msg: String(err) }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The environment the runner gives a JavaScript action when the cache service is on. */
  env(): Record<string, string> {
    return {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: this.url,
      ACTIONS_RUNTIME_TOKEN: 'fake-runtime-token',
      GITHUB_SERVER_URL: 'https://github.com',
    };
  }

  savedKeys(): string[] {
    return this.entries.filter((e) => e.finalized).map((e) => e.key);
  }

  /** The archive saved under `key` (as @actions/cache made it: tar, compressed), if any. */
  archiveOf(key: string): Buffer | undefined {
    return this.entries.find((e) => e.finalized && e.key === key)?.blob;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname.startsWith(SERVICE) && req.method === 'POST') {
      if (req.headers.authorization !== 'Bearer fake-runtime-token') return json(res, 401, { code: 'unauthenticated', msg: 'no runtime token' });
      const name = url.pathname.slice(SERVICE.length);
      const request = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
      this.calls.push({ method: 'POST', name, body: request });
      return json(res, 200, this.twirp(name, request));
    }
    const blob = /^\/blob\/(\d+)$/.exec(url.pathname);
    if (blob) {
      const entry = this.entries.find((e) => e.id === Number(blob[1]));
      if (!entry) return json(res, 404, { error: 'no such blob' });
      if (req.method === 'PUT') return this.blobPut(entry, url, req, body, res);
      if (req.method === 'GET' || req.method === 'HEAD') {
        this.calls.push({ method: req.method, name: 'blob-get' });
        if (!entry.blob) return json(res, 404, { error: 'not uploaded' });
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(entry.blob.length) });
        res.end(req.method === 'GET' ? entry.blob : undefined);
        return;
      }
    }
    json(res, 404, { error: `unexpected ${req.method} ${url.pathname}` });
  }

  private twirp(name: string, request: Record<string, unknown>): Record<string, unknown> {
    const key = String(request.key ?? '');
    const version = String(request.version ?? '');
    if (name === 'CreateCacheEntry') {
      if (this.entries.some((e) => e.key === key && e.version === version)) return { ok: false, message: `cache entry ${key} already exists` };
      const entry: CacheEntry = { id: this.entries.length + 1, key, version, finalized: false, blocks: new Map(), createdAt: ++this.clock };
      this.entries.push(entry);
      return { ok: true, signed_upload_url: `${this.url}blob/${entry.id}?sv=2024&sig=fake` };
    }
    if (name === 'FinalizeCacheEntryUpload') {
      const entry = this.entries.find((e) => e.key === key && e.version === version && !e.finalized);
      if (!entry?.blob) return { ok: false, message: `nothing uploaded for ${key}` };
      if (String(entry.blob.length) !== String(request.size_bytes)) return { ok: false, message: `size mismatch for ${key}` };
      entry.finalized = true;
      entry.createdAt = ++this.clock;
      return { ok: true, entry_id: String(entry.id) };
    }
    if (name === 'GetCacheEntryDownloadURL') {
      const usable = this.entries.filter((e) => e.finalized && e.version === version).sort((a, b) => b.createdAt - a.createdAt);
      // The primary key matches exactly, then each restore key as a prefix, newest first.
      let match = usable.find((e) => e.key === key);
      for (const prefix of (request.restore_keys as string[] | undefined) ?? []) {
        match ??= usable.find((e) => e.key.startsWith(prefix));
      }
      if (!match) return { ok: false };
      return { ok: true, signed_download_url: `${this.url}blob/${match.id}?sig=fake`, matched_key: match.key };
    }
    return { ok: false, message: `unknown method ${name}` };
  }

  private blobPut(entry: CacheEntry, url: URL, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const comp = url.searchParams.get('comp');
    const headers = {
      etag: '"0x1"',
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': String(entry.id),
      'x-ms-version': '2024-05-04',
      'x-ms-request-server-encrypted': 'true',
    };
    if (entry.finalized) {
      res.writeHead(409, headers);
      res.end();
      return;
    }
    if (comp === 'block') {
      this.calls.push({ method: 'PUT', name: 'blob-put-block' });
      entry.blocks.set(url.searchParams.get('blockid') ?? '', body);
    } else if (comp === 'blocklist') {
      this.calls.push({ method: 'PUT', name: 'blob-put-blocklist' });
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1] ?? '');
      entry.blob = Buffer.concat(ids.map((id) => entry.blocks.get(id) ?? Buffer.alloc(0)));
    } else {
      if (req.headers['x-ms-blob-type'] !== 'BlockBlob') {
        res.writeHead(400, headers);
        res.end();
        return;
      }
      this.calls.push({ method: 'PUT', name: 'blob-put' });
      entry.blob = body;
    }
    res.writeHead(201, headers);
    res.end();
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(data));
}
