/**
 * Rate limits per client address, with fixed windows and two separate budgets:
 * - `public`: requests to public routes (the status documents, feed, badge, stream and anonymous
 *   API reads). Past the budget, 429 until the window ends.
 * - `authFailures`: 401 answers. Once a client has spent it, every request it makes with
 *   credentials (an Authorization header or `?access_token=`) gets 429 until the window ends, so
 *   guessing tokens is slow. Anonymous requests are not affected by it.
 *
 * Counters live in this process's memory: with several processes behind a load balancer each
 * keeps its own, so a client may get up to (processes x budget) per window. That is the usual
 * trade for a limiter that costs no I/O; put a shared limiter in the proxy when it matters.
 *
 * The client address is the socket's peer, or, with `trustProxy`, the address the trusted proxy
 * saw, read from X-Forwarded-For counting from the right (the left part is whatever the client
 * sent, so never trusted). IPv6 clients are counted per /64, the block one subscriber gets.
 *
 * Answers carry RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset and RateLimit-Policy
 * (draft-ietf-httpapi-ratelimit-headers), and a 429 carries Retry-After and a problem+json body.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { problem, problemResponse } from '../http/problem.js';
import { CORS_HEADERS, EXTRA_HEADERS } from './respond.js';

/** A budget: at most `limit` per window of `windowMs`. */
export interface Budget {
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateLimitOptions {
  /** Requests to public routes, per client (default {@link DEFAULT_PUBLIC_BUDGET}); false: unlimited. */
  readonly public?: Budget | false;
  /** 401 answers per client (default {@link DEFAULT_AUTH_FAILURE_BUDGET}); false: unlimited. */
  readonly authFailures?: Budget | false;
  /**
   * Behind a reverse proxy: read the client from X-Forwarded-For. `true` trusts one proxy (the
   * rightmost address), a number trusts that many. Default false: the socket's peer.
   */
  readonly trustProxy?: boolean | number;
  /** Which requests count against the public budget (default: all). */
  readonly isPublic?: (c: Context) => boolean;
  /** Milliseconds clock (default `Date.now`). */
  readonly clock?: () => number;
  /** Clients remembered per budget at most (default 100,000); the oldest are forgotten first. */
  readonly maxClients?: number;
}

/** 600 requests a minute per client: polling every 10 s uses 6, a page load about 5. */
export const DEFAULT_PUBLIC_BUDGET: Budget = { limit: 600, windowMs: 60_000 };
/** 20 failed authentications per 10 minutes per client. */
export const DEFAULT_AUTH_FAILURE_BUDGET: Budget = { limit: 20, windowMs: 10 * 60_000 };

interface Window {
  count: number;
  readonly reset: number;
}

/** Fixed-window counters by client. */
class Windows {
  readonly #windows = new Map<string, Window>();
  #nextSweep = 0;

  constructor(
    readonly budget: Budget,
    readonly max: number,
  ) {}

  /** The client's current window, if it has one. */
  peek(key: string, now: number): Window | undefined {
    const window = this.#windows.get(key);
    return window && window.reset > now ? window : undefined;
  }

  /** Counts one for the client; returns its window. */
  take(key: string, now: number): Window {
    let window = this.peek(key, now);
    if (!window) {
      this.#sweep(now);
      window = { count: 0, reset: now + this.budget.windowMs };
      this.#windows.delete(key);
      this.#windows.set(key, window);
    }
    window.count++;
    return window;
  }

  #sweep(now: number): void {
    if (now >= this.#nextSweep) {
      this.#nextSweep = now + this.budget.windowMs;
      for (const [key, window] of this.#windows) if (window.reset <= now) this.#windows.delete(key);
    }
    // Insertion order is age order: drop the oldest when too many clients are remembered.
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < this.max) break;
      this.#windows.delete(key);
    }
  }
}

/** An IPv6 address's /64 prefix, or the address itself when it is not IPv6 (IPv4-mapped ones become IPv4). */
export function clientKey(address: string): string {
  const bare = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return mapped[1] as string;
  if (!bare.includes(':')) return bare;
  const [head = '', tail] = bare.split('::', 2);
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  if (groups.length < 4) return bare;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The client's address: the socket's peer, or the one `hops` trusted proxies saw. */
export function clientAddress(c: Context, trustProxy: boolean | number = false): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = env?.incoming?.socket?.remoteAddress ?? 'unknown';
  const hops = trustProxy === true ? 1 : typeof trustProxy === 'number' ? trustProxy : 0;
  if (hops <= 0) return peer;
  const forwarded = c.req.header('x-forwarded-for');
  if (!forwarded) return peer;
  const chain = forwarded
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return chain[Math.max(0, chain.length - hops)] ?? peer;
}

function hasCredentials(c: Context): boolean {
  return c.req.header('authorization') !== undefined || c.req.url.includes('access_token=');
}

/** RateLimit-* headers for a window of `budget`. */
function limitHeaders(budget: Budget, window: Window, now: number): Record<string, string> {
  return {
    'ratelimit-limit': String(budget.limit),
    'ratelimit-remaining': String(Math.max(0, budget.limit - window.count)),
    'ratelimit-reset': String(Math.max(0, Math.ceil((window.reset - now) / 1000))),
    'ratelimit-policy': `${budget.limit};w=${Math.ceil(budget.windowMs / 1000)}`,
  };
}

function tooMany(headers: Record<string, string>, detail: string): Response {
  const retry = headers['ratelimit-reset'] ?? '1';
  return problemResponse(problem(429, 'rate-limited', 'Too Many Requests', `${detail} Try again in ${retry} s.`, { retryAfter: Number(retry) }), {
    ...CORS_HEADERS,
    ...headers,
    'retry-after': retry,
  });
}

/**
 * A Hono middleware enforcing the public and auth-failure budgets. Install it before the routes
 * it guards (Hono runs handlers in the order they were added).
 */
export function rateLimit(options: RateLimitOptions = {}): MiddlewareHandler {
  const clock = options.clock ?? Date.now;
  const max = options.maxClients ?? 100_000;
  const pub = options.public === false ? null : new Windows(options.public ?? DEFAULT_PUBLIC_BUDGET, max);
  const auth = options.authFailures === false ? null : new Windows(options.authFailures ?? DEFAULT_AUTH_FAILURE_BUDGET, max);
  const isPublic = options.isPublic ?? (() => true);
  return async (c, next) => {
    const now = clock();
    const key = clientKey(clientAddress(c, options.trustProxy));
    if (auth && hasCredentials(c)) {
      const window = auth.peek(key, now);
      if (window && window.count >= auth.budget.limit) {
        return tooMany(limitHeaders(auth.budget, window, now), `Too many failed authentications from your address (${auth.budget.limit} per ${Math.ceil(auth.budget.windowMs / 1000)} s): check the token you send.`);
      }
    }
    let headers: Record<string, string> | undefined;
    if (pub && isPublic(c)) {
      const window = pub.take(key, now);
      headers = limitHeaders(pub.budget, window, now);
      if (window.count > pub.budget.limit) {
        return tooMany(headers, `Too many requests from your address (${pub.budget.limit} per ${Math.ceil(pub.budget.windowMs / 1000)} s).`);
      }
      // Public handlers add these to their own header object (cheaper than editing the response).
      c.set(EXTRA_HEADERS as never, headers as never);
    }
    await next();
    if (auth && c.res.status === 401) auth.take(key, now);
    if (headers && c.get(EXTRA_HEADERS as never) !== undefined) {
      try {
        for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
      } catch {
        // A response with immutable headers (proxied) goes out without them.
      }
    }
  };
}
