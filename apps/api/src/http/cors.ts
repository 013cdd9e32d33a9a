/**
 * CORS for the kit's own API (`/v1`), so that a page on another origin (an admin console, a wiki,
 * a React app) can embed the elements with a RestAdapter and a token, with no proxy in between.
 *
 * Off unless origins are named (`hansei serve --cors-origin https://admin.example.com`, or
 * `HANSEI_CORS_ORIGINS`): the portal and the status page are same-origin and need none of it.
 * Tokens travel in the Authorization header, never in cookies, so no credentials mode is involved;
 * `*` allows any origin to use a token it already holds.
 *
 * A request from an origin that is not allowed is passed on untouched: the public routes keep
 * their own open CORS (`public/respond.ts`), and a browser refuses everything else.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { CORS_HEADERS } from '../public/respond.js';

/** What the RestAdapter sends (see adapters/src/rest/http.ts and sse.ts). */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Accept', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'Last-Event-ID'];
/** What it reads, besides the CORS-safelisted ones: versions, where a create went, replays, back-off. */
const EXPOSED_HEADERS = [...new Set([...(CORS_HEADERS['access-control-expose-headers'] ?? '').split(/,\s*/), 'Location', 'Idempotent-Replayed'])];

/** An origin as a browser sends it: scheme, host and an optional port; nothing after. */
const ORIGIN = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origins of a setting: separated by commas or spaces, each `scheme://host[:port]` (lower
 * case, as browsers send them) or `*`. Throws with the offending entry named.
 */
export function parseCorsOrigins(text: string): readonly string[] {
  const origins = text.split(/[\s,]+/).filter(Boolean);
  for (const origin of origins) {
    if (origin !== '*' && !ORIGIN.test(origin)) {
      throw new Error(
        `"${origin}" is not an origin. Name each as a browser sends it: scheme, host and port only, in lower case (e.g. https://admin.example.com or http://localhost:5173), or * for any.`,
      );
    }
  }
  return [...new Set(origins)];
}

/** Middleware for `/v1/*` that answers preflights and marks answers for the allowed origins. */
export function apiCors(origins: readonly string[]): MiddlewareHandler {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  const handler = cors({
    origin: (origin) => (any || allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ALLOWED_HEADERS,
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined || !(any || allowed.has(origin))) return next();
    // The answer differs by Origin: shared caches must keep one per origin.
    c.header('Vary', 'Origin', { append: true });
    return handler(c, next);
  };
}
