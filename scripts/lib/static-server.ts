// A tiny static file server on 127.0.0.1 for test fixtures and the demo page. Content scripts do not
// run on file:// URLs by default, so pages must come over HTTP; a random free port keeps parallel
// runs on a shared machine apart.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';

/** Content types by file extension; anything else is served as bytes. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A running static file server. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string;
  /** Every request path served, in order (tests use it to see what a page fetched). */
  requests: string[];
  /** Absolute URL of a path on this server (default `/`). */
  url(pathname?: string): string;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/**
 * Serves the files under `root` on 127.0.0.1 (port 0 = a free one). `/` serves `index.html`; paths that
 * leave `root` get 403; `/favicon.ico` gets an empty 204 so browsers log no 404 for it.
 */
export async function serveDirectory(
  root: string,
  { port = 0 }: { port?: number } = {},
): Promise<StaticServer> {
  const base = path.resolve(root);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    respond(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(`Bad request: ${error instanceof Error ? error.message : error}`);
    });
  });
  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(pathname);
    if (pathname === '/favicon.ico') return void res.writeHead(204).end();
    const file = path.join(base, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (file !== base && !file.startsWith(base + path.sep)) return void res.writeHead(403).end('Forbidden');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile())
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${pathname}`);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store', // fixtures change between runs; never let the browser reuse a stale copy
    });
    createReadStream(file).pipe(res);
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    origin,
    requests,
    url: (pathname = '/') => new URL(pathname, `${origin}/`).href,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
