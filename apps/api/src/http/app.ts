import { existsSync } from 'node:fs';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { mountApi } from '../api.js';
import { mountPublic, type PublicOptions, type PublicSurface } from '../public/index.js';
import { resolveCaller } from './auth.js';
import { silentLogger, type Logger } from '../log.js';
import type { Services } from '../services.js';
import { problem, problemResponse } from './problem.js';
import { mountStatusPage, type StatusPageRenderer } from './status-page.js';
import { apiCors } from './cors.js';

export interface AppOptions {
  /** Reported by the health route and the OpenAPI document. */
  readonly version: string;
  /** The database and clock behind the REST API; without them only health and the apps are served. */
  readonly services?: Services | undefined;
  /**
   * The public surface (Statuspage v2 documents, Atom feed, badge, event stream, rate limits),
   * mounted with the API; false leaves it out.
   */
  readonly public?: PublicOptions | false | undefined;
  /** Where request and error logs go (default: nowhere). */
  readonly log?: Logger | undefined;
  /**
   * The status page to serve at `/`, rendered on the server from the public API (see
   * status-page.ts; `loadStatusPage` loads the built one). Needs `services` and the public surface.
   */
  readonly statusPage?: StatusPageRenderer | null | undefined;
  /** A built portal to serve at `/portal/` (skipped when the folder does not exist). */
  readonly portalDir?: string | undefined;
  /**
   * Origins of other sites whose pages may call `/v1` with a token (see cors.ts; `*` for any).
   * None by default: the status page and the portal are same-origin.
   */
  readonly corsOrigins?: readonly string[] | undefined;
}

/** The Hansei HTTP application: the REST API under /v1, and the built apps when given. */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const log = options.log ?? silentLogger;
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    log.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 });
  });

  if (options.corsOrigins?.length) app.use('/v1/*', apiCors(options.corsOrigins));
  let surface: PublicSurface | undefined;
  app.get('/v1/health', async (c) => {
    // An admin also reads how many event streams this process holds open (an operator's figure).
    const admin = options.services && (await resolveCaller(options.services, c.req.header('authorization') ?? null).catch(() => null))?.role === 'admin';
    return c.json({ status: 'ok', version: options.version, ...(admin && surface ? { streams: surface.streams.size } : {}) }, 200, { 'cache-control': 'no-store' });
  });
  if (options.services) {
    // First the public surface: its rate limiter guards what is mounted after it.
    surface = options.public !== false ? mountPublic(app, options.services, options.public ?? {}) : undefined;
    mountApi(app, options.services, options.version);
    if (options.statusPage && surface) mountStatusPage(app, options.statusPage, { services: options.services, source: surface.source, log });
  }

  if (options.portalDir && existsSync(options.portalDir)) {
    const portalDir = options.portalDir;
    app.get('/portal', (c) => c.redirect('/portal/', 301));
    app.use('/portal/*', serveStatic({ root: portalDir, rewriteRequestPath: (path) => path.slice('/portal'.length) }));
    // Deep links: every other /portal/... path is the portal's single page.
    app.get('/portal/*', serveStatic({ root: portalDir, path: 'index.html' }));
  }

  app.notFound((c) =>
    problemResponse(problem(404, 'not-found', 'Not Found', `Nothing is served at ${c.req.method} ${c.req.path}.`, { instance: c.req.path })),
  );
  app.onError((error, c) => {
    log.error('request failed', { method: c.req.method, path: c.req.path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return problemResponse(
      problem(500, 'internal', 'Internal Server Error', 'The server failed to handle this request. It has been logged; try again, and report it if it persists.', {
        instance: c.req.path,
      }),
    );
  });
  return app;
}
