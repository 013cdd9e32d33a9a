/**
 * GETs of a Statuspage v2 page's JSON documents for the StatuspageAdapter. Every call
 * - ends after its timeout (kind `timeout`) or when its signal aborts (kind `aborted`), the body
 *   read included;
 * - turns a failed connection into kind `network`, an HTTP error into the kind its status means
 *   (404 `not_found`, 502/503/504 `unavailable`, other 5xx `server`, with Retry-After), and a
 *   body that is not JSON into `bad_response`;
 * - when `conditional` is on, revalidates what it read before: it sends the ETag and
 *   Last-Modified it last saw, and a 304 reuses that body. The cache is bounded (least recently
 *   used documents go first).
 *
 * Requests carry only `Accept`, a CORS-safelisted header, so a browser sends them cross-origin
 * without a preflight. `If-None-Match` and `If-Modified-Since` are not safelisted, which is why
 * conditional requests are off by default in a browser (its own HTTP cache revalidates there)
 * and on elsewhere.
 */
import type { CallOptions } from '../adapter.js';
import { HanseiError, isProblemDetails, kindForStatus, parseRetryAfter } from '../errors.js';

export interface StatuspageHttpOptions {
  /** The page's origin, with a path prefix if it has one: `https://www.githubstatus.com`. */
  readonly baseUrl: string;
  /** The fetch to use (default: the global one, looked up on each call). */
  readonly fetch?: typeof fetch;
  /** Milliseconds a call may take when it does not say (default 10,000). */
  readonly timeoutMs?: number;
  /** Revalidate with ETag / Last-Modified (default: on outside a browser, off in one). */
  readonly conditional?: boolean;
  /** The clock in epoch ms (reads HTTP-date Retry-After headers). */
  readonly now?: () => number;
}

interface Cached {
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly text: string;
}

/** Documents the revalidation cache keeps; a page has eight. */
const CACHE_SIZE = 16;

const DEFAULT_TIMEOUT_MS = 10_000;

/** Reads a Statuspage page's documents (see the module comment). */
export class StatuspageHttp {
  readonly baseUrl: string;
  readonly #options: StatuspageHttpOptions;
  /** url -> validators and body; a Map keeps insertion order, so it is an LRU. */
  readonly #cache = new Map<string, Cached>();

  constructor(options: StatuspageHttpOptions) {
    this.#options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** Whether calls revalidate with ETag / Last-Modified. */
  get conditional(): boolean {
    return this.#options.conditional ?? !('document' in globalThis);
  }

  /**
   * GETs `path` (`/api/v2/summary.json`) and resolves with its parsed JSON. Rejects with a
   * {@link HanseiError} only.
   */
  async get(path: string, options: CallOptions = {}): Promise<unknown> {
    const url = this.baseUrl + path;
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const { signal } = options;
    if (signal?.aborted) throw aborted(url, signal.reason);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    try {
      return await this.#get(url, controller.signal);
    } catch (error) {
      if (error instanceof HanseiError) throw error;
      if (signal?.aborted) throw aborted(url, signal.reason);
      if (timedOut) {
        throw new HanseiError({
          kind: 'timeout',
          message: `${url} did not answer within ${timeoutMs} ms. The page may be slow or down; try again later.`,
          cause: error,
        });
      }
      throw new HanseiError({
        kind: 'network',
        message: `Could not reach ${url}. Check the page's address and the network connection.`,
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  }

  async #get(url: string, signal: AbortSignal): Promise<unknown> {
    const cached = this.conditional ? this.#cache.get(url) : undefined;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
    const response = await (this.#options.fetch ?? fetch)(url, { headers, signal });
    if (response.status === 304 && cached) {
      await response.body?.cancel();
      this.#remember(url, cached);
      return parse(url, cached.text);
    }
    const text = await response.text();
    if (!response.ok) throw failed(url, response, text, this.#options.now?.() ?? Date.now());
    const json = parse(url, text);
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (this.conditional && (etag || lastModified)) this.#remember(url, { etag, lastModified, text });
    return json;
  }

  #remember(url: string, entry: Cached): void {
    this.#cache.delete(url);
    this.#cache.set(url, entry);
    for (const oldest of this.#cache.keys()) {
      if (this.#cache.size <= CACHE_SIZE) break;
      this.#cache.delete(oldest);
    }
  }
}

function aborted(url: string, reason: unknown): HanseiError {
  return new HanseiError({ kind: 'aborted', message: `The request for ${url} was cancelled.`, cause: reason });
}

function parse(url: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HanseiError({
      kind: 'bad_response',
      message: `${url} did not answer with JSON. Check that the base URL is a Statuspage page (its /api/v2 documents).`,
      cause: error,
    });
  }
}

/** The error for an HTTP error status; a problem+json body (a Hansei server's) is kept. */
function failed(url: string, response: Response, text: string, now: number): HanseiError {
  let body: unknown = null;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Statuspage error pages are HTML; only a problem+json body adds anything.
  }
  const { status } = response;
  const kind = kindForStatus(status);
  const advice =
    kind === 'not_found'
      ? ' Check that the base URL is a Statuspage page.'
      : kind === 'unavailable' || kind === 'server' || kind === 'rate_limited'
        ? ' Try again later.'
        : '';
  return new HanseiError({
    kind,
    status,
    message: `${url} answered with HTTP ${status}.${advice}`,
    problem: isProblemDetails(body) ? body : null,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now),
  });
}
