/**
 * What every public answer shares: CORS open to any origin (no credentials are involved),
 * Cache-Control for shared caches, a strong ETag with 304 on If-None-Match, and the page origin
 * a request implies.
 */
import type { Context } from 'hono';
import type { Rendered } from './cache.js';

/** Cache-Control of public documents: shared caches keep them briefly and may serve them stale while revalidating. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30';

/** CORS headers of every public answer. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy',
};

/** Request headers a preflight may ask for: a list of header names. */
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

/** The answer to a CORS preflight (OPTIONS) of a public, read-only resource. */
export function preflight(c: Context): Response {
  const asked = c.req.header('access-control-request-headers')?.trim() ?? '';
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': asked && asked.length <= 500 && HEADER_LIST.test(asked) ? asked : 'If-None-Match, Last-Event-ID, Authorization',
      'access-control-max-age': '86400',
      'cache-control': 'public, max-age=86400',
    },
  });
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header === etag) return true;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * Context key of extra response headers a middleware asks public handlers to add (the rate
 * limiter's); a handler that adds them clears the key, so the middleware knows not to.
 */
export const EXTRA_HEADERS = 'hansei.publicHeaders';

/**
 * A rendered document as a response: 200 with the body, or 304 when the client has it. The
 * header object is plain, which @hono/node-server writes without building a `Headers`.
 */
export function respond(c: Context, doc: Rendered, contentType: string, cacheControl = PUBLIC_CACHE_CONTROL): Response {
  const extra = c.get(EXTRA_HEADERS as never) as Record<string, string> | undefined;
  if (extra) c.set(EXTRA_HEADERS as never, undefined as never);
  const headers: Record<string, string> = { ...CORS_HEADERS, 'cache-control': cacheControl, etag: doc.etag, ...extra };
  if (etagMatches(c.req.header('if-none-match'), doc.etag)) return new Response(null, { status: 304, headers });
  headers['content-type'] = contentType;
  return new Response(doc.body, { status: 200, headers });
}

/** The origin to use as the page URL when none is configured: from the request, or a proxy's headers when trusted. */
export function requestOrigin(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (host && (proto === 'http' || proto === 'https')) {
      const origin = `${proto}://${host}`;
      if (ORIGIN.test(origin)) return origin;
    }
  }
  const match = ORIGIN_PREFIX.exec(c.req.url);
  return match ? match[0] : 'http://localhost';
}

/** An origin: scheme and a host of name or address characters, with an optional port. */
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]{1,253}(:\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]{2,45}\](:\d{1,5})?$/;
const ORIGIN_PREFIX = /^https?:\/\/(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?(?=\/|$)/;
