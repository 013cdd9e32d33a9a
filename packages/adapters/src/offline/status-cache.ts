/**
 * The last known public status, kept in the offline store so the status page can show something
 * true, and dated, when the API cannot be reached: stale-while-revalidate for `status()` and
 * `uptime()`.
 *
 * The cached adapter's own `status()` and `uptime()` behave as the wrapped adapter's do (fresh or
 * a rejection) and remember each answer; `watchStatus` and `watchUptime` are the
 * stale-while-revalidate reads: the remembered answer first, then the fresh one, or the
 * remembered one again with the error when fetching failed.
 */
import type { CallOptions, HanseiAdapter, UptimeOptions } from '../adapter.js';
import { HanseiError } from '../errors.js';
import type { ComponentUptime, StatusSnapshot } from '@hansei/core';
import { extend } from './delegate.js';
import type { StatusStore } from './status-store.js';

/**
 * One delivery of a watched read.
 * - `stale: false`: `snapshot` was fetched just now (`asOf`).
 * - `stale: true` without `error`: the remembered snapshot from `asOf`, shown while a fresh one is
 *   fetched; a fresh delivery or one with `error` follows.
 * - `stale: true` with `error`: fetching failed; `snapshot` is the last known one, from `asOf`
 *   ("as of 10:42"), or null when there is none to show.
 */
export type StatusRead<T> =
  | { readonly snapshot: T; readonly asOf: Date; readonly stale: boolean; readonly error?: HanseiError }
  | { readonly snapshot: null; readonly asOf: null; readonly stale: true; readonly error: HanseiError };

/** Receives each {@link StatusRead} of a watch, in order. */
export type StatusListener<T> = (read: StatusRead<T>) => void;

/**
 * The status reads of a cached adapter: `status()` and `uptime()` fetch as the wrapped adapter's
 * do (fresh, or a rejection) and remember each answer; the watches are stale-while-revalidate.
 */
export interface StatusCache extends Pick<HanseiAdapter, 'status' | 'uptime'> {
  /**
   * Calls `listener` with the remembered snapshot (when there is one), then with a fresh one or,
   * when fetching fails, with the remembered one and the error. Resolves when done; never
   * rejects. After `options.signal` aborts, `listener` hears nothing more.
   */
  watchStatus(listener: StatusListener<StatusSnapshot>, options?: CallOptions): Promise<void>;
  /** Like {@link StatusCache.watchStatus}, for daily uptime (remembered per `days` and `timeZone`). */
  watchUptime(listener: StatusListener<readonly ComponentUptime[]>, options?: UptimeOptions): Promise<void>;
}

/** The part of an adapter the status cache reads. */
export type StatusSource = Pick<HanseiAdapter, 'status' | 'uptime'>;

/** Options of {@link withStatusCache}. */
export interface StatusCacheOptions {
  /** Keeps the answers of several backends sharing one store apart (e.g. the API's base URL). */
  readonly namespace?: string;
  /** The clock, in epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

function asHanseiError(error: unknown): HanseiError {
  return error instanceof HanseiError
    ? error
    : new HanseiError({ kind: 'bad_response', message: `The adapter failed with an unexpected error: ${String(error)}`, cause: error });
}

/**
 * `adapter` with its status reads remembered in `store`, and {@link StatusCache}'s watches added.
 * Everything else is `adapter`'s own. Watches that run at the same time share one fetch.
 *
 * @example
 * const adapter = withStatusCache(new RestAdapter({ baseUrl }), await openOfflineStore());
 * // in an element:
 * watchStatus(adapter, ({ snapshot, asOf, stale, error }) => {
 *   this.snapshot = snapshot;
 *   this.asOf = error && snapshot ? asOf : null; // show "as of <time>" only when offline
 * }, { signal: this.#disconnected.signal });
 */
export function withStatusCache<A extends StatusSource>(adapter: A, store: StatusStore, options: StatusCacheOptions = {}): Omit<A, keyof StatusCache> & StatusCache {
  const namespace = options.namespace ?? '';
  const now = options.now ?? Date.now;
  const running = new Map<string, Promise<{ value: unknown; fetchedAt: number }>>();

  /** Fetches, remembers and resolves with the answer and when it came. */
  async function fetchAndKeep<T>(key: string, fetch: () => Promise<T>): Promise<{ value: T; fetchedAt: number }> {
    const value = await fetch();
    const record = { key, value, fetchedAt: now() };
    await store.put('status', record).catch(() => undefined);
    return record;
  }

  function shared<T>(key: string, fetch: () => Promise<T>): Promise<{ value: T; fetchedAt: number }> {
    let promise = running.get(key) as Promise<{ value: T; fetchedAt: number }> | undefined;
    if (!promise) {
      promise = fetchAndKeep(key, fetch).finally(() => running.delete(key));
      running.set(key, promise);
    }
    return promise;
  }

  async function watch<T>(key: string, fetch: () => Promise<T>, listener: StatusListener<T>, signal: AbortSignal | undefined): Promise<void> {
    const emit = (read: StatusRead<T>) => {
      if (!signal?.aborted) listener(read);
    };
    let fresh = false;
    const fetching = shared(key, fetch).then((record) => {
      fresh = true;
      return record;
    });
    fetching.catch(() => undefined);
    const cached = await store.get('status', key).catch(() => undefined);
    const last = cached && { snapshot: cached.value as T, asOf: new Date(cached.fetchedAt), stale: true as const };
    if (last && !fresh) emit(last);
    try {
      const record = await fetching;
      emit({ snapshot: record.value, asOf: new Date(record.fetchedAt), stale: false });
    } catch (caught) {
      const error = asHanseiError(caught);
      if (error.kind !== 'aborted') emit(last ? { ...last, error } : { snapshot: null, asOf: null, stale: true, error });
    }
  }

  const uptimeKey = (o: UptimeOptions = {}) => `${namespace}uptime:${o.days ?? 90}:${o.timeZone ?? ''}`;
  const statusKey = `${namespace}status`;

  return extend(adapter, {
    status: (callOptions?: CallOptions) => fetchAndKeep(statusKey, () => adapter.status(callOptions)).then((r) => r.value),
    uptime: (uptimeOptions?: UptimeOptions) => fetchAndKeep(uptimeKey(uptimeOptions), () => adapter.uptime(uptimeOptions)).then((r) => r.value),
    watchStatus: (listener: StatusListener<StatusSnapshot>, callOptions: CallOptions = {}) =>
      watch(statusKey, () => adapter.status({ timeoutMs: callOptions.timeoutMs }), listener, callOptions.signal),
    watchUptime: (listener: StatusListener<readonly ComponentUptime[]>, uptimeOptions: UptimeOptions = {}) =>
      watch(uptimeKey(uptimeOptions), () => adapter.uptime({ ...uptimeOptions, signal: undefined }), listener, uptimeOptions.signal),
  } satisfies StatusCache);
}

function hasCache(adapter: object): adapter is StatusCache {
  return typeof (adapter as Partial<StatusCache>).watchStatus === 'function';
}

/**
 * The status read an element should use: stale-while-revalidate when `adapter` has a status
 * cache ({@link withStatusCache}, `withOffline`), otherwise one fresh fetch, delivered the same way
 * (`{ snapshot, asOf, stale: false }`, or `{ snapshot: null, error }` when it fails). Never rejects.
 */
export async function watchStatus(adapter: Pick<HanseiAdapter, 'status'>, listener: StatusListener<StatusSnapshot>, options: CallOptions = {}): Promise<void> {
  if (hasCache(adapter)) return adapter.watchStatus(listener, options);
  return once(() => adapter.status(options), listener, options.signal);
}

/** {@link watchStatus} for daily uptime. */
export async function watchUptime(adapter: Pick<HanseiAdapter, 'uptime'>, listener: StatusListener<readonly ComponentUptime[]>, options: UptimeOptions = {}): Promise<void> {
  if (hasCache(adapter)) return adapter.watchUptime(listener, options);
  return once(() => adapter.uptime(options), listener, options.signal);
}

async function once<T>(fetch: () => Promise<T>, listener: StatusListener<T>, signal: AbortSignal | undefined): Promise<void> {
  let read: StatusRead<T>;
  try {
    read = { snapshot: await fetch(), asOf: new Date(), stale: false };
  } catch (caught) {
    const error = asHanseiError(caught);
    if (error.kind === 'aborted') return;
    read = { snapshot: null, asOf: null, stale: true, error };
  }
  if (!signal?.aborted) listener(read);
}
