/**
 * The RestAdapter's HTTP core: one typed `call` for every route of the contract.
 *
 * The route, its method, path parameters, query, body, If-Match, Idempotency-Key and answer are
 * all typed from the generated `paths` (openapi.ts), so when the server's contract changes and the
 * adapter does not follow, it stops compiling. At run time each call
 * - sends the bearer token the provider gives now (asked again on every attempt);
 * - ends after `timeoutMs` (kind `timeout`) or when its signal aborts (kind `aborted`);
 * - retries what is safe to repeat (GET, PUT, DELETE, and writes carrying an Idempotency-Key) on
 *   a network error, a timeout, 429, 502, 503 and 504, with exponential backoff and full jitter,
 *   or after the Retry-After the server asked for (capped);
 * - revalidates reads with the ETag it last saw (If-None-Match; a 304 reuses the body), keeping
 *   the last 64 (URL, token) pairs;
 * - turns problem+json into a {@link HanseiError}, and anything that is not the JSON it expects
 *   into kind `bad_response`: never an unhandled exception.
 */
import type { CallOptions } from '../adapter.js';
import { HanseiError, errorFromResponse, type ErrorKind } from '../errors.js';
import type { paths } from './openapi.js';

// ---------------------------------------------------------------------------------------------
// Types from the contract

/** HTTP methods as the generated `paths` name them. */
export type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

/** The operation at `path` and `method` (never when the route has no such method). */
export type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
/** The paths that have `method`. */
export type PathWith<M extends Method> = { [P in keyof paths]: [Operation<P, M>] extends [never] ? never : P }[keyof paths];

type Params<O> = O extends { readonly parameters: infer X } ? X : never;
type JsonOf<C> = C extends { readonly content: { readonly 'application/json': infer J } } ? J : never;
type BodyOf<O> = O extends { readonly requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type HeadersOf<O> = NonNullable<Params<O> extends { readonly header?: infer H } ? H : never>;
type Has<H, K extends string> = [H] extends [never] ? false : K extends keyof H ? true : false;

/** What a successful call answers: the JSON of its 200 or 201, or undefined for a 204. */
export type Answer<O> = O extends { readonly responses: infer R }
  ? { [S in keyof R]: S extends 200 | 201 ? JsonOf<R[S]> : S extends 204 ? undefined : never }[keyof R]
  : never;

/**
 * What a call sends, as its operation declares it: path parameters when it has some, the query it
 * takes, its body, `ifMatch` (a version) when it requires If-Match, and `key` when it accepts an
 * Idempotency-Key (required: every create sends one, so a retry never creates twice).
 */
export type Request<O> = (Params<O> extends { readonly path: infer A } ? { readonly path: A } : { readonly path?: never }) &
  (Params<O> extends { readonly query?: infer Q } ? ([NonNullable<Q>] extends [never] ? { readonly query?: never } : { readonly query?: Q }) : unknown) &
  ([BodyOf<O>] extends [never] ? { readonly body?: never } : { readonly body: BodyOf<O> }) &
  (Has<HeadersOf<O>, 'If-Match'> extends true ? { readonly ifMatch: number } : { readonly ifMatch?: never }) &
  (Has<HeadersOf<O>, 'Idempotency-Key'> extends true ? { readonly key: string } : { readonly key?: never });

/** The untyped shape every {@link Request} has at run time. */
interface Sent {
  readonly path?: Readonly<Record<string, string>>;
  readonly query?: object;
  readonly body?: unknown;
  readonly ifMatch?: number;
  readonly key?: string;
}

// ---------------------------------------------------------------------------------------------
// Options

/** How calls are retried. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 3; 1 never retries). */
  readonly attempts?: number;
  /** The first backoff ceiling in ms, doubled per attempt (default 250). */
  readonly baseMs?: number;
  /** The largest backoff ceiling in ms (default 5,000). */
  readonly maxMs?: number;
  /** The longest Retry-After honoured in ms; a longer one is waited for this long (default 10,000). */
  readonly retryAfterMaxMs?: number;
}

/** Where the server is, how to authenticate, and how patient to be. */
export interface HttpOptions {
  /** The server's origin, with a path prefix if it has one: `https://status.example.com`. */
  readonly baseUrl: string;
  /** Gives the bearer token (or null: anonymous); asked on every request, so it may refresh. */
  readonly token?: () => string | null | undefined | Promise<string | null | undefined>;
  /** The fetch to use (default: the global one). */
  readonly fetch?: typeof fetch;
  /** Milliseconds an attempt may take before it ends as kind `timeout` (default 10,000). */
  readonly timeoutMs?: number;
  readonly retries?: RetryOptions;
  /** The clock, in epoch ms (reads HTTP-date Retry-After headers). */
  readonly now?: () => number;
  /** Randomness in [0, 1) for jitter. */
  readonly random?: () => number;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** A HanseiError of `kind` with `message` (and what caused it). */
export const fail = (kind: ErrorKind, message: string, cause?: unknown): HanseiError => new HanseiError({ kind, message, cause });

/** Resolves after `ms`, or rejects with kind `aborted` when `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      if (signal?.aborted) reject(fail('aborted', 'The request was cancelled.', signal.reason));
      else resolve();
    };
    const timer = setTimeout(done, ms);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done);
  });
}

/** A full-jitter backoff delay for the `attempt`-th retry (0-based). */
export const backoff = (random: () => number, baseMs: number, maxMs: number, attempt: number): number =>
  Math.round(random() * Math.min(maxMs, baseMs * 2 ** attempt));

/** `?a=1&b=x&b=y` from an object (arrays repeat the name; undefined and null are left out). */
function search(query: object | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const one of ([] as unknown[]).concat(value)) if (one != null) params.append(name, `${one as string | number | boolean}`);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const isJson = (type: string | null) => /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type ?? '');

/** Parses `text` when `type` says JSON; null when it is empty, not JSON, or malformed. */
function parse(text: string, type: string | null): unknown {
  try {
    return isJson(type) && text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

interface Cached {
  readonly etag: string;
  readonly text: string;
}

/** Entries the ETag cache keeps (least recently used go first). */
const CACHE_SIZE = 64;

// ---------------------------------------------------------------------------------------------
// The client

/** Typed HTTP calls to a Hansei server (see the module comment). */
export class Http {
  readonly baseUrl: string;
  readonly options: HttpOptions;
  /** (token, url) -> the last ETag and body read there; a Map keeps insertion order, so it is an LRU. */
  readonly #cache = new Map<string, Cached>();

  constructor(options: HttpOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** The bearer token now. A provider that throws ends the call as kind `unauthorized`. */
  async token(): Promise<string | null> {
    try {
      return (await this.options.token?.()) ?? null;
    } catch (error) {
      throw fail('unauthorized', 'The token provider failed, so nothing was sent. Sign in again.', error);
    }
  }

  /** The fetch to use, looked up on each call so a test or polyfill may replace the global one. */
  fetch(...args: Parameters<typeof fetch>): Promise<Response> {
    return (this.options.fetch ?? fetch)(...args);
  }

  /**
   * Calls `method path` and resolves with its JSON answer (undefined for 204). Rejects with a
   * {@link HanseiError} only.
   */
  call<M extends Method, P extends PathWith<M>>(method: M, path: P, request: Request<Operation<P, M>>, options?: CallOptions): Promise<Answer<Operation<P, M>>>;
  async call(method: Method, path: string, request: Sent, options: CallOptions = {}): Promise<unknown> {
    const url = this.url(path, request.path) + search(request.query);
    const { attempts = 3, baseMs = 250, maxMs = 5000, retryAfterMaxMs = 10_000 } = this.options.retries ?? {};
    const retryable = method === 'get' || method === 'put' || method === 'delete' || request.key !== undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#once(method.toUpperCase(), url, path, request, options);
      } catch (error) {
        const failure = error as HanseiError;
        if (!retryable || attempt >= attempts || !failure.transient) throw failure;
        const wait = failure.retryAfterMs ?? backoff(this.options.random ?? Math.random, baseMs, maxMs, attempt - 1);
        await sleep(Math.min(wait, retryAfterMaxMs), options.signal);
      }
    }
  }

  /** The full URL of `path` with its `{name}` parameters filled in. */
  url(path: string, params: Readonly<Record<string, string>> = {}): string {
    return this.baseUrl + path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  }

  /**
   * The version of the document at `path` as last read with the current token (its ETag is
   * `"<version>"`), reading it first when it was never read.
   */
  async version(path: PathWith<'get'>, options?: CallOptions): Promise<number> {
    const key = async () => `${(await this.token()) ?? ''} ${this.url(path)}`;
    let cached = this.#cache.get(await key());
    if (!cached) {
      await this.call('get', path, {}, options);
      cached = this.#cache.get(await key());
    }
    const match = /^(?:W\/)?"(\d+)"$/.exec(cached?.etag ?? '');
    if (!match) throw fail('bad_response', `${path} has no version ETag to change it safely with.`);
    return Number(match[1]);
  }

  async #once(method: string, url: string, path: string, request: Sent, options: CallOptions): Promise<unknown> {
    const what = `${method} ${path}`;
    const { signal } = options;
    const token = await this.token();
    if (signal?.aborted) throw fail('aborted', `${what} was cancelled.`, signal.reason);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.ifMatch !== undefined) headers['if-match'] = `"${request.ifMatch}"`;
    if (request.key !== undefined) headers['idempotency-key'] = request.key;
    // The cache holds what GET of this URL would answer with this token: reads revalidate it,
    // and a PUT or PATCH there answers with the new representation and ETag, so it refreshes it.
    const cacheKey = `${token ?? ''} ${url}`;
    const cached = method === 'GET' ? this.#cache.get(cacheKey) : undefined;
    if (cached) headers['if-none-match'] = cached.etag;

    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? 10_000;
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal?.addEventListener('abort', abort);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort();
    }, timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(url, {
        method,
        headers,
        body: request.body === undefined ? null : JSON.stringify(request.body),
        signal: controller.signal,
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw fail('aborted', `${what} was cancelled.`, signal.reason);
      if (timedOut) throw fail('timeout', `${what} got no answer within ${timeoutMs} ms.`, error);
      throw fail('network', `Could not reach ${this.baseUrl}: check the connection.`, error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }

    const type = response.headers.get('content-type');
    if (response.status === 304 && cached) {
      this.#cache.delete(cacheKey);
      this.#cache.set(cacheKey, cached);
      return JSON.parse(cached.text) as unknown;
    }
    if (!response.ok) {
      throw errorFromResponse(response.status, parse(text, type), { retryAfter: response.headers.get('retry-after'), now: (this.options.now ?? Date.now)() });
    }
    this.#cache.delete(cacheKey);
    if (response.status === 204) return undefined;
    const bad = (why: string) => fail('bad_response', `${what} answered ${why}: is ${this.baseUrl} a Hansei server?`);
    if (!isJson(type)) throw bad(`with ${type ?? 'no content type'} instead of JSON`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw bad('with malformed JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('with JSON that is not an object');
    const etag = response.headers.get('etag');
    if (etag && /^(GET|PUT|PATCH)$/.test(method)) {
      this.#cache.set(cacheKey, { etag, text });
      if (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value as string);
    }
    return value;
  }
}
