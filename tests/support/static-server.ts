/**
 * A small static file server for browser tests: serves a folder (or several, by URL prefix) over
 * real HTTP on 127.0.0.1, with the content types a browser insists on for modules, optional
 * response headers (e.g. a Content-Security-Policy) and an optional reverse proxy to an API, the
 * way a team puts a Hansei server behind its own origin.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServerOptions {
  /** URL prefix (`/`, `/bundle/`) to folder on disk; the longest matching prefix wins. */
  readonly mounts: Readonly<Record<string, string>>;
  /** Headers added to an HTML response (e.g. `content-security-policy`), by its URL path. */
  readonly htmlHeaders?: (path: string) => Readonly<Record<string, string>>;
  /** Requests whose path starts with one of these prefixes go to `proxy.target` unchanged. */
  readonly proxy?: { readonly prefixes: readonly string[]; readonly target: string };
}

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on the first free port from 4400 to 4499 (the range these tests use), else any free port. */
export async function listen(server: Server): Promise<number> {
  for (let port = 4400; port <= 4500; port++) {
    const bound = await new Promise<boolean>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
        else reject(error);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port === 4500 ? 0 : port, '127.0.0.1');
    });
    if (bound) {
      const address = server.address();
      if (address && typeof address === 'object') return address.port;
    }
  }
  throw new Error('No free port.');
}

function proxyTo(target: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', target);
  const upstream = request(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`proxy: ${error.message}`);
  });
  req.pipe(upstream);
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const mounts = Object.entries(options.mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (options.proxy?.prefixes.some((prefix) => path.startsWith(prefix))) {
      proxyTo(options.proxy.target, req, res);
      return;
    }
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    if (!mount || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(mount ? 405 : 404, { 'content-type': 'text/plain' }).end(mount ? 'Method Not Allowed' : 'Not Found');
      return;
    }
    const [prefix, folder] = mount;
    const dir = normalize(folder).replace(/[\\/]+$/, '');
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store' };
    if (type.startsWith('text/html')) Object.assign(headers, options.htmlHeaders?.(path));
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
