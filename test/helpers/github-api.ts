// A loopback stand-in for the parts of the GitHub REST API the merge job uses (issue comments and
// check runs), recording every call. `readOnly` answers writes the way GitHub answers a
// read-only token (a pull request from a fork): 403 "Resource not accessible by integration".
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  path: string;
  /** The query string, `?a=b` ('' when none). */
  query?: string;
  body?: Record<string, unknown>;
}

/** An open pull request as GET /repos/{owner}/{repo}/pulls lists it (the fields the Action reads). */
export interface FakePull {
  number: number;
  head: { sha: string; ref: string; label: string; repo: { full_name: string } };
  base: { repo: { full_name: string } };
}

export interface FakeComment {
  id: number;
  body: string;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  conclusion?: string;
  annotations: Record<string, unknown>[];
}

export class FakeGitHubApi {
  readonly calls: ApiCall[] = [];
  readonly comments: FakeComment[] = [];
  readonly checkRuns: FakeCheckRun[] = [];
  readonly pulls: FakePull[] = [];
  readOnly = false;
  private server: Server | undefined;
  private nextId = 1000;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  reset(): void {
    this.calls.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString('utf8')));
      req.on('end', () => resolve(text));
    });
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    this.calls.push({ method, path: url.pathname, query: url.search, body });
    if (!req.headers.authorization?.includes('fake-gh-token')) return send(res, 401, { message: 'Bad credentials' });
    if (method !== 'GET' && this.readOnly) return send(res, 403, { message: 'Resource not accessible by integration', status: '403' });

    let m: RegExpExecArray | null;
    if (/^\/repos\/[^/]+\/[^/]+\/pulls$/.test(url.pathname) && method === 'GET') {
      const head = url.searchParams.get('head');
      return send(
        res,
        200,
        this.pulls.filter((p) => head === null || p.head.label === head),
      );
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
      if (method === 'GET')
        return send(
          res,
          200,
          this.comments.map((c) => ({ id: c.id, body: c.body, user: { login: 'github-actions[bot]' } })),
        );
      if (method === 'POST') {
        const comment = { id: this.nextId++, body: String(body?.body ?? '') };
        this.comments.push(comment);
        return send(res, 201, comment);
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname)) && method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(m![1]));
      if (!comment) return send(res, 404, { message: 'Not Found' });
      comment.body = String(body?.body ?? '');
      return send(res, 200, comment);
    }
    if (/^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(url.pathname) && method === 'POST') {
      const output = (body?.output ?? {}) as { annotations?: Record<string, unknown>[] };
      const run: FakeCheckRun = {
        id: this.nextId++,
        name: String(body?.name),
        head_sha: String(body?.head_sha),
        conclusion: body?.conclusion as string | undefined,
        annotations: [...(output.annotations ?? [])],
      };
      if ((output.annotations?.length ?? 0) > 50) return send(res, 422, { message: 'at most 50 annotations a request' });
      this.checkRuns.push(run);
      return send(res, 201, { id: run.id });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(url.pathname)) && method === 'PATCH') {
      const run = this.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return send(res, 404, { message: 'Not Found' });
      const output = (body?.output ?? {}) as { annotations?: Record<string, unknown>[] };
      if ((output.annotations?.length ?? 0) > 50) return send(res, 422, { message: 'at most 50 annotations a request' });
      run.annotations.push(...(output.annotations ?? []));
      return send(res, 200, { id: run.id });
    }
    send(res, 404, { message: `Not Found: ${method} ${url.pathname}` });
  }
}

function send(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(data));
}
