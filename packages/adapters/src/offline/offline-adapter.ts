/**
 * `withOffline`: a HanseiAdapter that keeps working when the backend cannot be reached. Reads pass
 * through (status and uptime remembered, see status-cache.ts); writes made offline wait in the
 * outbox and are replayed, in order, when the connection returns.
 */
import type { CreateOptions, HanseiAdapter } from '../adapter.js';
import { HanseiError } from '../errors.js';
import { extend } from './delegate.js';
import { createOutbox, type Outbox, type RetryOptions } from './outbox.js';
import { withStatusCache, type StatusCache, type StatusCacheOptions } from './status-cache.js';
import type { OfflineStore } from './store.js';
import { WRITES, newIdempotencyKey, writeSpec, type WriteMethod } from './writes.js';

/**
 * How a write made offline rejects: kind `network` (so code that handles a network error keeps
 * working), with `queued: true` and the outbox entry's id. The change is safe on this device and
 * is sent when the connection returns; an element says so ("saved offline, will be sent") and
 * can follow the entry through `outbox.onChange`. Keep the form's draft until then.
 */
export class QueuedError extends HanseiError {
  readonly queued = true;
  /** The outbox entry holding the write. */
  readonly entryId: number;

  constructor(entryId: number, cause?: unknown) {
    super({
      kind: 'network',
      message: 'The server cannot be reached. The change is saved on this device and will be sent when the connection returns.',
      cause,
    });
    this.entryId = entryId;
  }
}

/** True when `error` says a write was queued in the outbox rather than lost. */
export function isQueued(error: unknown): error is QueuedError {
  return error instanceof QueuedError;
}

/** Options of {@link withOffline}. */
export interface OfflineOptions extends StatusCacheOptions {
  /** Whether the page is online (default: `navigator.onLine`). Writes made while false are queued without trying. */
  readonly online?: () => boolean;
  /** Where `online` events come from (default: the window); each one replays the outbox. */
  readonly onlineEvents?: EventTarget;
  /**
   * While online, a replay stopped by a transient failure (or a write queued after a network
   * error) is tried again on its own after 5 s, doubling up to 5 min, or after the server's
   * Retry-After when longer (default). `false` leaves it to `online` events and `flush()`.
   */
  readonly retry?: RetryOptions | false;
}

/** A HanseiAdapter with the status cache's watches, its outbox, and `dispose`. */
export type OfflineAdapter = Omit<HanseiAdapter, keyof StatusCache> &
  StatusCache & {
    readonly outbox: Outbox;
    /** Stops listening for `online` events and cancels a scheduled replay. */
    dispose(): void;
  };

/**
 * Wraps `adapter` for use offline. A write (any method in the outbox's list: creates, updates,
 * deletes, moves; not tokens) made while offline, or failing with kind `network`, is queued and
 * rejects with a {@link QueuedError}. Made while earlier writes still wait, it is queued behind
 * them and, when online, sent right away in order: it then resolves or rejects as a direct call
 * would. Creates always carry an idempotency key (one is made when the call has none), the same
 * on the first try and on every replay, so nothing is created twice. Updates and deletes carry
 * the version they were based on: a replay after someone else's edit is a conflict kept in the
 * outbox with the server's `current`, never an overwrite.
 *
 * @example
 * const adapter = withOffline(new RestAdapter({ baseUrl, token }), await openOfflineStore());
 * try {
 *   await adapter.updatePostmortem(id, patch, version);
 *   await drafts.discardDraft(key);
 * } catch (error) {
 *   if (isQueued(error)) showNote('Saved offline; it will be sent when you are back online.');
 *   else throw error;
 * }
 * adapter.outbox.onChange((entries) => (badge.count = entries.length));
 */
export function withOffline(adapter: HanseiAdapter, store: OfflineStore, options: OfflineOptions = {}): OfflineAdapter {
  const online = options.online ?? (() => (globalThis.navigator as Navigator | undefined)?.onLine ?? true);
  const queued = createOutbox(store, adapter, { online, ...(options.retry === undefined ? {} : { retry: options.retry }) });
  const { outbox } = queued;
  const cached = withStatusCache(adapter, store, options);

  async function queue(method: WriteMethod, args: readonly unknown[], key: string | null, cause?: unknown): Promise<never> {
    throw new QueuedError(await queued.add(method, args, key), cause);
  }

  async function write(method: WriteMethod, given: readonly unknown[]): Promise<unknown> {
    const { kind, arity } = writeSpec(method) ?? { kind: 'p', arity: given.length };
    const args = given.slice(0, arity);
    const callOptions = (given[arity] ?? {}) as CreateOptions;
    const key = kind === 'c' ? (callOptions.idempotencyKey ?? newIdempotencyKey()) : null;
    if (!online()) return queue(method, args, key);
    if (await queued.hasPending()) {
      // Behind what waits, so the order the person made changes in holds.
      const id = await queued.add(method, args, key);
      const outcome = await queued.send(id);
      if (outcome === 'queued') throw new QueuedError(id);
      if ('error' in outcome) throw outcome.error;
      return outcome.value;
    }
    try {
      const methods = adapter as unknown as Record<WriteMethod, (...a: unknown[]) => Promise<unknown>>;
      return await methods[method](...args, key ? { ...callOptions, idempotencyKey: key } : callOptions);
    } catch (error) {
      if (error instanceof HanseiError && error.kind === 'network') {
        // Online, yet the server cannot be reached (a captive portal, the server is down): try again later.
        queued.retryLater(error);
        return queue(method, args, key, error);
      }
      throw error;
    }
  }

  const writes: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of Object.keys(WRITES) as WriteMethod[]) writes[method] = (...args) => write(method, args);

  const events = options.onlineEvents ?? (typeof window === 'undefined' ? undefined : window);
  // In the background: a replay that cannot finish (the store was closed) has nothing to report.
  const onOnline = () => void outbox.flush().catch(() => undefined);
  events?.addEventListener('online', onOnline);
  if (online()) onOnline();

  return extend(cached, {
    ...writes,
    outbox,
    dispose: () => {
      events?.removeEventListener('online', onOnline);
      queued.dispose();
    },
  });
}
