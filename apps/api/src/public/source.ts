/**
 * The shared state of the public surface in one process: the services, the document cache and
 * how to read a request's origin. Every public route serves through {@link PublicSource.serve}.
 */
import type { Context } from 'hono';
import type { Services } from '../services.js';
import { DocumentCache, rendered, type CacheOptions, type Rendered } from './cache.js';
import { loadPublicData, type PublicData } from './data.js';
import { requestOrigin, respond } from './respond.js';

export interface SourceOptions {
  /** Read the client's origin from X-Forwarded-Proto/-Host (behind a trusted proxy). */
  readonly trustProxy?: boolean;
  readonly cache?: CacheOptions;
}

/** Renders a document's text from the public data and the request's origin. */
export type Render = (input: PublicData, origin: string) => string;

export class PublicSource {
  readonly services: Services;
  readonly cache: DocumentCache;
  readonly trustProxy: boolean;

  constructor(services: Services, options: SourceOptions = {}) {
    this.services = services;
    this.trustProxy = options.trustProxy ?? false;
    this.cache = new DocumentCache(services.db, options.cache);
  }

  /** The public data for pages at `origin`, cached until the next change. */
  data(origin: string): Promise<PublicData> {
    return this.cache.get(`data\n${origin}`, () => loadPublicData(this.services.db, origin));
  }

  /** A document by `key` (unique per document and variant), cached until the next change. */
  document(key: string, origin: string, render: Render): Promise<Rendered> {
    return this.cache.get(`${key}\n${origin}`, async () => rendered(render(await this.data(origin), origin)));
  }

  /**
   * Answers `c` with a document: from the cache without touching the database when warm
   * (synchronously), else rendered once for every request waiting on it.
   */
  serve(c: Context, key: string, contentType: string, render: Render): Response | Promise<Response> {
    const origin = requestOrigin(c, this.trustProxy);
    const hit = this.cache.peek<Rendered>(`${key}\n${origin}`);
    if (hit) return respond(c, hit, contentType);
    return this.document(key, origin, render).then((doc) => respond(c, doc, contentType));
  }

  close(): Promise<void> {
    return this.cache.close();
  }
}
