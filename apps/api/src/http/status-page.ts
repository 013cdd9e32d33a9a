/**
 * The public status page, served next to the API (same origin): every page rendered on the
 * server by the status page app (apps/status-page, built to `dist/server/index.js` and loaded by
 * path, so the API depends on none of its code), cached until the next change event like the
 * public documents, compressed (Brotli or gzip), with ETags; and its few static files (the
 * script, robots.txt).
 *
 * The renderer reads the status through the API's own public routes, answered in-process (no
 * socket), as an anonymous visitor: a page can never show more than the public API does.
 *
 * When a page cannot be rendered (the database is down), the last page rendered for that URL is
 * served, marked stale ("Last known status as of <time>"); without one, a page that says the
 * status cannot be read right now. Never a blank page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context, Hono } from 'hono';
import type { Logger } from '../log.js';
import type { Services } from '../services.js';
import { etagMatches, requestOrigin } from '../public/respond.js';
import type { PublicSource } from '../public/source.js';
import { contentTag } from './route.js';

/** What the status page app's server module (`createStatusPage()`) gives; declared here, not imported. */
export interface StatusPageRenderer {
  /** The built browser files (script, robots.txt), or null. */
  readonly clientDir: string | null;
  render(request: { readonly url: string; readonly fetch: typeof fetch; readonly now?: number }): Promise<{ readonly status: number; readonly html: string; readonly generatedAt: string }>;
  unavailable(url: string): string;
  exportPages(request: { readonly url: string; readonly fetch: typeof fetch; readonly now?: number; readonly api?: string | null }): Promise<readonly { readonly path: string; readonly html: string }[]>;
}

/**
 * Loads the built status page from `dir` (apps/status-page/dist); null when it has not been built.
 */
export async function loadStatusPage(dir: string): Promise<StatusPageRenderer | null> {
  const entry = join(dir, 'server', 'index.js');
  if (!existsSync(entry)) return null;
  const module = (await import(pathToFileURL(entry).href)) as { createStatusPage(options?: { clientDir?: string | null }): StatusPageRenderer };
  const client = join(dir, 'client');
  return module.createStatusPage({ clientDir: existsSync(client) ? client : null });
}

/** A body in each encoding a client may take, made once. */
interface Encoded {
  readonly identity: Buffer;
  readonly gzip: Buffer;
  readonly br: Buffer;
  readonly etag: string;
}

function encode(text: string | Buffer): Encoded {
  const identity = typeof text === 'string' ? Buffer.from(text) : text;
  return {
    identity,
    gzip: gzipSync(identity, { level: 9 }),
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    etag: contentTag(identity.toString('latin1')),
  };
}

/** The encoding to send: Brotli, else gzip, when the client accepts it (q > 0). */
function chooseEncoding(header: string | undefined): 'br' | 'gzip' | 'identity' {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : 'identity';
}

/** Headers every page answer has. */
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  // Short, so a CDN in front helps under load without holding an incident's news back.
  'cache-control': 'public, max-age=5, stale-while-revalidate=30',
  // Exported pages on another origin fetch live pages from here.
  'access-control-allow-origin': '*',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  // Inline styles (in the head and in each shadow root); scripts only from this origin; the
  // favicon is a data: URL.
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
};

function send(c: Context, body: Encoded, status: number, headers: Record<string, string>): Response {
  const all: Record<string, string> = { ...headers, etag: body.etag, vary: 'Accept-Encoding' };
  if (status === 200 && etagMatches(c.req.header('if-none-match'), body.etag)) return new Response(null, { status: 304, headers: all });
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  if (encoding !== 'identity') all['content-encoding'] = encoding;
  const bytes = body[encoding];
  all['content-length'] = String(bytes.length);
  return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(bytes), { status, headers: all });
}

/** The client's static files, read and compressed once each. */
const STATIC_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

/** Paths that are the API's or another app's, never a status page. */
function isElsewhere(path: string): boolean {
  return path.startsWith('/v1/') || path === '/v1' || path.startsWith('/api/') || path === '/portal' || path.startsWith('/portal/');
}

/** The summary banner of a page marked stale (see the status page's views: the host's `stale` attribute). */
function markStale(html: string): string {
  return html.replace('<hansei-status-summary id="status-summary"', '<hansei-status-summary id="status-summary" stale');
}

export interface StatusPageOptions {
  readonly services: Services;
  /** The public surface's document cache and origin rules (pages are cached like its documents). */
  readonly source: PublicSource;
  readonly log: Logger;
}

/** Last pages rendered, per URL, kept for when rendering fails; at most this many. */
const LAST_GOOD_MAX = 256;

/** Mounts the status page on `app` (after the API's routes, which it never shadows). */
export function mountStatusPage(app: Hono, page: StatusPageRenderer, options: StatusPageOptions): void {
  const { services, source, log } = options;
  const files = new Map<string, Encoded | null>();
  const lastGood = new Map<string, { readonly html: string; readonly status: number }>();

  if (page.clientDir) {
    const root = normalize(page.clientDir + sep);
    app.get('/*', async (c, next) => {
      const path = c.req.path;
      const type = STATIC_TYPES[path.slice(path.lastIndexOf('.'))];
      if (!type || isElsewhere(path) || path.includes('..') || path.startsWith('/.')) return next();
      let file = files.get(path);
      if (file === undefined) {
        const full = normalize(join(root, path));
        file = full.startsWith(root) && existsSync(full) ? encode(readFileSync(full)) : null;
        files.set(path, file);
      }
      if (!file) return next();
      const immutable = path.startsWith('/assets/');
      return send(c, file, 200, {
        'content-type': type,
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        'x-content-type-options': 'nosniff',
      });
    });
  }

  app.get('/*', async (c, next) => {
    const path = c.req.path;
    if (isElsewhere(path)) return next();
    const origin = requestOrigin(c, source.trustProxy);
    const url = `${origin}${path}`;
    const key = `page\n${url}`;
    // The renderer reads the API in-process, as the visitor (whose address the rate limiter counts).
    const local = ((input: string | URL | Request, init?: RequestInit) => app.fetch(new Request(input, init), c.env)) as typeof fetch;
    try {
      const rendered = await source.cache.get(key, async () => {
        const result = await page.render({ url, fetch: local, now: services.now() });
        return { status: result.status, html: result.html, body: encode(result.html) };
      });
      if (lastGood.size >= LAST_GOOD_MAX && !lastGood.has(key)) lastGood.delete(lastGood.keys().next().value!);
      lastGood.set(key, { html: rendered.html, status: rendered.status });
      return send(c, rendered.body, rendered.status, { ...PAGE_HEADERS });
    } catch (error) {
      log.error('status page failed to render', { path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      const last = lastGood.get(key);
      const headers = { ...PAGE_HEADERS, 'cache-control': 'no-store' };
      if (last) return send(c, encode(markStale(last.html)), last.status, headers);
      return send(c, encode(page.unavailable(url)), 503, { ...headers, 'retry-after': '10' });
    }
  });
}
