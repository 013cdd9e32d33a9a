/**
 * The public surface: the Statuspage v2-compatible `/api/v2/*.json` documents, the kit's own
 * status snapshot (`/v1/status.json`), the Atom feed, the status badge and the live event
 * stream, with rate limits. Anonymous, CORS-open, cached in
 * memory until the next change event (see cache.ts).
 *
 * ```ts
 * const app = new Hono();
 * mountPublic(app, services);   // first, so its rate limiter also guards the API's routes
 * mountApi(app, services, version);
 * ```
 */
import type { Context, Hono } from 'hono';
import { StatusSnapshotSchema } from '@hansei/core';
import type { RouteSpec } from '../http/route.js';
import type { Services } from '../services.js';
import { BADGE_PATH, BadgeQuery, SVG_TYPE, mountBadge } from './badge.js';
import type { CacheOptions } from './cache.js';
import { ATOM_TYPE, FEED_PATHS, mountFeed } from './feed.js';
import { rateLimit, type RateLimitOptions } from './rate-limit.js';
import { SNAPSHOT_PATH, mountSnapshot } from './snapshot.js';
import { PublicSource } from './source.js';
import { STATUSPAGE_DOCUMENTS, mountStatuspage } from './statuspage.js';
import { EventHub, STREAM_PATH, StreamQuery, mountStream, type StreamOptions } from './stream.js';
import type { OpenStreams } from './stream-limit.js';

export { rateLimit, type Budget, type RateLimitOptions } from './rate-limit.js';

export interface PublicOptions {
  /**
   * Behind a reverse proxy: take the client address from X-Forwarded-For (`true`: one proxy, a
   * number: that many) and the page origin from X-Forwarded-Proto/-Host. Default false.
   */
  readonly trustProxy?: boolean | number;
  /** Budgets (see rate-limit.ts); false turns rate limiting off (benchmarks). */
  readonly rateLimit?: Omit<RateLimitOptions, 'trustProxy' | 'isPublic'> | false;
  readonly cache?: CacheOptions;
  readonly stream?: StreamOptions;
}

/** What {@link mountPublic} set up, to shut down with the server. */
export interface PublicSurface {
  readonly source: PublicSource;
  readonly hub: EventHub;
  /** The event streams open now, per client. */
  readonly streams: OpenStreams;
  /** Stops listening for changes and ends the streams' subscriptions. */
  close(): Promise<void>;
}

/** Paths of the public surface: rate-limited whatever credentials come with them. */
const SURFACE = new Set<string>([...FEED_PATHS, BADGE_PATH, STREAM_PATH, SNAPSHOT_PATH]);

/** Requests that count against the public budget: the public surface, and anonymous API calls. */
function isPublic(c: Context): boolean {
  const path = c.req.path;
  if (path.startsWith('/api/') || SURFACE.has(path)) return true;
  return path.startsWith('/v1/') && path !== '/v1/health' && c.req.header('authorization') === undefined;
}

const mounted = new WeakMap<Hono, PublicSurface>();

/**
 * Mounts the public surface on `app` (once per app: a second call returns the first surface).
 * Mount it before the API so its rate limiter sees the API's 401s.
 */
export function mountPublic(app: Hono, services: Services, options: PublicOptions = {}): PublicSurface {
  const existing = mounted.get(app);
  if (existing) return existing;
  const trustProxy = options.trustProxy ?? false;
  const source = new PublicSource(services, { trustProxy: trustProxy !== false && trustProxy !== 0, ...(options.cache ? { cache: options.cache } : {}) });
  const hub = new EventHub(services.db);
  if (options.rateLimit !== false) app.use('*', rateLimit({ ...options.rateLimit, trustProxy, isPublic }));
  mountStatuspage(app, source);
  mountSnapshot(app, source);
  mountFeed(app, source);
  mountBadge(app, source);
  const streams = mountStream(app, services, hub, options.stream, trustProxy);
  const surface: PublicSurface = {
    source,
    hub,
    streams,
    close: async () => {
      await Promise.all([source.close(), hub.close()]);
    },
  };
  mounted.set(app, surface);
  return surface;
}

/** Closes what {@link mountPublic} set up on `app` (listeners, streams), if anything. */
export async function closePublic(app: Hono): Promise<void> {
  const surface = mounted.get(app);
  mounted.delete(app);
  await surface?.close();
}

const served = (): Promise<Response> => Promise.reject(new Error('Public routes are served by mountPublic, not mountRoute.'));
const TAGS = ['public'];

/**
 * The public routes described for the OpenAPI document (`buildOpenApi([...ROUTES,
 * ...PUBLIC_ROUTE_DOCS], ...)`). Documentation only: {@link mountPublic} serves them.
 */
export const PUBLIC_ROUTE_DOCS: readonly RouteSpec<never, never, never>[] = [
  ...STATUSPAGE_DOCUMENTS.map((doc) => ({
    method: 'GET' as const,
    path: doc.path,
    operationId: doc.operationId,
    summary: doc.summary,
    description: 'Atlassian Statuspage v2-compatible. Anonymous, CORS-open, cacheable (ETag, 304).',
    tags: ['statuspage'],
    access: 'public' as const,
    responses: { 200: { description: 'The document.', mediaType: 'application/json' }, 429: { description: 'Too many requests: see Retry-After.' } },
    handler: served,
  })),
  {
    method: 'GET',
    path: SNAPSHOT_PATH,
    operationId: 'getStatusSnapshot',
    summary: 'The public status page at first sight, in one document',
    description:
      'The page, its status (as `/api/v2/status.json`), the groups with a visible component, the visible components with the statuses the page shows, unresolved public incidents (public updates only, most recently started first), maintenances scheduled, in progress or verifying (soonest first), and when it was generated. Anonymous (a token changes nothing), CORS-open, cacheable (ETag, 304); also written by `hansei export`.',
    tags: TAGS,
    access: 'public',
    responses: { 200: { description: 'The snapshot.', schema: StatusSnapshotSchema }, 429: { description: 'Too many requests: see Retry-After.' } },
    handler: served,
  },
  {
    method: 'GET',
    path: FEED_PATHS[0],
    operationId: 'feed',
    summary: 'Atom feed of public incidents and maintenances',
    description: `Also served at ${FEED_PATHS.slice(1).join(' and ')}.`,
    tags: TAGS,
    access: 'public',
    responses: { 200: { description: 'The 50 most recently changed, newest first.', mediaType: ATOM_TYPE } },
    handler: served,
  },
  {
    method: 'GET',
    path: BADGE_PATH,
    operationId: 'badge',
    summary: 'Status badge (SVG)',
    tags: TAGS,
    access: 'public',
    query: BadgeQuery,
    responses: { 200: { description: 'The badge.', mediaType: SVG_TYPE }, 404: { description: 'No such visible component.' } },
    handler: served,
  },
  {
    method: 'GET',
    path: STREAM_PATH,
    operationId: 'stream',
    summary: 'Live change events (Server-Sent Events)',
    description:
      'Anonymous: public events. With a token (Authorization: Bearer, or ?access_token= for EventSource): internal events too. Resume with Last-Event-ID (header, or ?lastEventId=); the opening block carries the id to resume from. One client (a token, or an anonymous address) may hold a limited number of streams at once.',
    tags: TAGS,
    access: 'public',
    query: StreamQuery,
    responses: {
      200: { description: 'An endless event stream.', mediaType: 'text/event-stream' },
      401: { description: 'The token is unknown or revoked.' },
      429: { description: 'Too many requests, or this client holds the most event streams it may: see Retry-After.' },
    },
    handler: served,
  },
] as RouteSpec<never, never, never>[];
