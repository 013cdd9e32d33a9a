/**
 * The outbox: writes made while the backend could not be reached, kept in the offline store and
 * replayed in the order they were made, one at a time, when the connection returns. A write the
 * backend refuses (a conflict, invalid input) is never dropped: it stays, marked `failed` with the
 * error and the server's `current`, until the person resolves it.
 */
import type { HanseiAdapter } from '../adapter.js';
import { HanseiError, type ErrorKind } from '../errors.js';
import type { OutboxRecord } from './schema.js';
import type { OfflineStore } from './store.js';
import { newIdempotencyKey, writeSpec, type WriteArgs, type WriteMethod } from './writes.js';

interface EntryFields {
  /** Increases with the order writes were made in; replays follow it. */
  readonly id: number;
  /** The id of the entity the write changes (its first argument), or null for a create or replace. */
  readonly target: string | null;
  /** For updates and deletes: the version the change was based on. A replay after someone else's edit is a conflict. */
  readonly baseVersion: number | null;
  /** For creates: sent with every attempt, so a create cannot happen twice. */
  readonly idempotencyKey: string | null;
  readonly queuedAt: Date;
  /** `pending`: waits for a replay. `failed`: the backend refused it; see `error`, then resolve it. */
  readonly state: 'pending' | 'failed';
  /** Replays tried so far. */
  readonly attempts: number;
  /** Why it failed (or why its last replay stopped); null when none was tried or it went through. */
  readonly error: HanseiError | null;
  /** On a conflict: the entity as the server now has it (with its `version`); null otherwise. */
  readonly current: unknown;
}

/** A write in the outbox; narrow on `method` to get its typed `args`. */
export type OutboxEntry = {
  [M in WriteMethod]: EntryFields & { readonly method: M; readonly args: Readonly<WriteArgs<M>> };
}[WriteMethod];

/** What one replay did. */
export interface FlushResult {
  readonly sent: number;
  /** Entries the backend refused in this replay, now `failed`. */
  readonly failed: number;
  /** Entries still waiting (a transient failure stopped the replay, or the page is offline). */
  readonly pending: number;
}

/**
 * How an entry left the pending list: `sent` (with the backend's answer), `failed` (the backend
 * refused it: it stays in the outbox, marked failed, unless a caller took the error), or
 * `discarded` by the person.
 */
export type SettledEntry =
  | { readonly id: number; readonly outcome: 'sent'; readonly value: unknown }
  | { readonly id: number; readonly outcome: 'failed'; readonly error: HanseiError }
  | { readonly id: number; readonly outcome: 'discarded' };

/** The outbox, as elements see it. */
export interface Outbox {
  /** Every entry, oldest first, pending and failed alike. */
  list(): Promise<OutboxEntry[]>;
  /**
   * Settles an entry the person has looked at: `discard` drops it; `retry-with` makes it pending
   * again, with new arguments when given (e.g. the patch re-based on `current` and its version),
   * keeping its place in the order, and starts a replay when online. A create retried gets a
   * new idempotency key (its first attempt created nothing). Rejects with kind `not_found` for an
   * id no longer in the outbox.
   */
  resolve(id: number, action: 'discard'): Promise<void>;
  resolve<M extends WriteMethod>(id: number, action: 'retry-with', args?: Readonly<WriteArgs<M>>): Promise<void>;
  /**
   * Replays pending entries in order, one at a time: a success removes the entry; a transient
   * failure (network, timeout, 503, 429) or a 401 stops the replay and keeps the rest for later;
   * any other refusal marks that entry `failed` and goes on. Calls made during a replay run
   * after it. Across tabs, one replays at a time (Web Locks, where available).
   */
  flush(): Promise<FlushResult>;
  /** Calls `listener` with every entry after each change; returns the unsubscribe function. */
  onChange(listener: (entries: readonly OutboxEntry[]) => void): () => void;
  /**
   * Calls `listener` as each entry is sent, refused or discarded in this page (an element that
   * got a `QueuedError` follows its `entryId` here: keep the draft until it is sent); returns the
   * unsubscribe function.
   */
  onSettle(listener: (settled: SettledEntry) => void): () => void;
}

/** The outbox and what the offline adapter needs on top: queueing, and sending now behind what waits. */
export interface OutboxQueue {
  readonly outbox: Outbox;
  /** Queues a write; resolves with its entry id. */
  add(method: WriteMethod, args: readonly unknown[], idempotencyKey: string | null): Promise<number>;
  /** Whether any entry waits for a replay (failed ones do not hold later writes back). */
  hasPending(): Promise<boolean>;
  /**
   * Replays up to and including entry `id` and settles with its own outcome: its value when
   * sent; its error when refused (it then leaves the outbox: the caller has it); `queued` when
   * the replay stopped before it.
   */
  send(id: number): Promise<{ readonly value: unknown } | { readonly error: HanseiError } | 'queued'>;
  /** Schedules a replay after the backoff delay (or the server's Retry-After, when longer). */
  retryLater(error: HanseiError): void;
  /** Cancels a scheduled replay and schedules no more. */
  dispose(): void;
}

/** When replays are retried on their own after a transient failure: doubling from `firstMs` up to `maxMs`. */
export interface RetryOptions {
  readonly firstMs: number;
  readonly maxMs: number;
}

/** Replays stop on these and keep the entry for later. */
const STOP: ReadonlySet<ErrorKind> = new Set(['network', 'timeout', 'unavailable', 'rate_limited', 'unauthorized', 'aborted']);

function asHanseiError(error: unknown): HanseiError {
  return error instanceof HanseiError
    ? error
    : new HanseiError({ kind: 'bad_response', message: `The adapter failed with an unexpected error: ${String(error)}`, cause: error });
}

function toEntry(record: OutboxRecord): OutboxEntry {
  const spec = writeSpec(record.method);
  const arity = spec?.arity ?? 0;
  const error = record.error && new HanseiError(record.error);
  const first = record.args[0];
  const version = record.args[arity - 1];
  return {
    id: record.id ?? 0,
    method: record.method as WriteMethod,
    args: record.args as never,
    target: arity > 1 && typeof first === 'string' ? first : null,
    baseVersion: spec?.kind === 'v' && typeof version === 'number' ? version : null,
    idempotencyKey: record.idempotencyKey,
    queuedAt: new Date(record.queuedAt),
    state: record.state,
    attempts: record.attempts,
    error,
    current: error?.current ?? null,
  } as OutboxEntry;
}

/** The version of the entity a write answered with (a stored entity, or the incident of a posted update). */
function versionOf(value: unknown): number | null {
  const version = (value as { version?: unknown } | null | undefined)?.version;
  return typeof version === 'number' ? version : null;
}

/**
 * The outbox kept in `store`, replayed through `adapter` while `online()` holds. Used by
 * `withOffline`, which is what elements get; this is its engine.
 */
export function createOutbox(
  store: OfflineStore,
  adapter: HanseiAdapter,
  options: { online: () => boolean; lockName?: string; retry?: RetryOptions | false },
): OutboxQueue {
  const listeners = new Set<(entries: readonly OutboxEntry[]) => void>();
  const settles = new Set<(settled: SettledEntry) => void>();
  const settled = (entry: SettledEntry): void => {
    for (const listener of [...settles]) listener(entry);
  };
  const waiters = new Map<number, (outcome: { value: unknown } | { error: HanseiError }) => void>();
  const lockName = options.lockName ?? `hansei-outbox:${store.name}`;
  let current: Promise<FlushResult> | null = null;
  let next: Promise<FlushResult> | null = null;
  /** What stopped the last replay; null when it ran to the end. */
  let stoppedBy: HanseiError | null = null;
  const retry = options.retry ?? { firstMs: 5_000, maxMs: 300_000 };
  let delay = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  function retryLater(error: HanseiError): void {
    if (!retry || disposed) return;
    clearTimeout(timer);
    delay = delay ? Math.min(delay * 2, retry.maxMs) : retry.firstMs;
    timer = setTimeout(() => void flush().catch(() => undefined), Math.max(delay, error.retryAfterMs ?? 0));
  }

  async function list(): Promise<OutboxEntry[]> {
    return (await store.getAll('outbox')).map(toEntry);
  }

  function changed(): void {
    if (listeners.size === 0) return;
    list().then(
      (entries) => {
        for (const listener of listeners) listener(entries);
      },
      () => undefined, // the store was closed meanwhile
    );
  }

  /** After `done` went through at `version`, later pending writes to the same entity based on the same version follow it (they were made on top of it, on this device). */
  async function rebase(done: OutboxRecord, version: number): Promise<void> {
    const spec = writeSpec(done.method);
    if (spec?.kind !== 'v') return;
    const [target] = done.args;
    const base = done.args[spec.arity - 1];
    for (const record of await store.getAll('outbox')) {
      const later = writeSpec(record.method);
      if ((record.id ?? 0) <= (done.id ?? 0) || record.state !== 'pending' || later?.kind !== 'v') continue;
      if (record.args[0] !== target || record.args[later.arity - 1] !== base) continue;
      const args = [...record.args];
      args[later.arity - 1] = version;
      await store.put('outbox', { ...record, args });
    }
  }

  async function replayOne(record: OutboxRecord): Promise<'sent' | 'failed' | 'stop'> {
    const id = record.id ?? 0;
    const spec = writeSpec(record.method);
    try {
      const method = (adapter as unknown as Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>)[record.method];
      if (!spec || typeof method !== 'function') {
        throw new HanseiError({ kind: 'unsupported', message: `This page cannot send "${record.method}"; discard the change, or reload the page and try again.` });
      }
      const value = await method.call(adapter, ...record.args, record.idempotencyKey ? { idempotencyKey: record.idempotencyKey } : {});
      await store.delete('outbox', id);
      const version = versionOf(value);
      if (version !== null) await rebase(record, version);
      waiters.get(id)?.({ value });
      settled({ id, outcome: 'sent', value });
      return 'sent';
    } catch (caught) {
      const error = asHanseiError(caught);
      const kept = await store.get('outbox', id);
      const waiter = waiters.get(id);
      // A caller waiting for this very write hears of anything but a passing failure at once.
      if (STOP.has(error.kind) && !(waiter && !error.transient)) {
        stoppedBy = error;
        if (kept) await store.put('outbox', { ...kept, attempts: kept.attempts + 1 });
        return 'stop';
      }
      if (waiter) {
        // The error is the caller's to show; the outbox does not keep it too.
        await store.delete('outbox', id);
        waiter({ error });
      } else if (kept) {
        const stored = { kind: error.kind, message: error.message, status: error.status, problem: error.problem };
        await store.put('outbox', { ...kept, state: 'failed', attempts: kept.attempts + 1, error: stored });
      }
      settled({ id, outcome: 'failed', error });
      return 'failed';
    }
  }

  async function replay(): Promise<FlushResult> {
    let sent = 0;
    let failed = 0;
    let after = 0;
    stoppedBy = null;
    while (options.online()) {
      const record = (await store.getAll('outbox')).find((r) => r.state === 'pending' && (r.id ?? 0) > after);
      if (!record) break;
      after = record.id ?? 0;
      const outcome = await replayOne(record);
      changed();
      if (outcome === 'stop') break;
      if (outcome === 'sent') sent += 1;
      else failed += 1;
    }
    const pending = (await store.getAll('outbox')).filter((r) => r.state === 'pending').length;
    if (!stoppedBy) delay = 0;
    else if (pending > 0 && options.online()) retryLater(stoppedBy);
    return { sent, failed, pending };
  }

  function flush(): Promise<FlushResult> {
    if (current) {
      next ??= current.then(() => {
        next = null;
        return flush();
      });
      return next;
    }
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    const started = locks ? locks.request(lockName, replay).then((result) => result) : replay();
    const running = started.finally(() => {
      current = null;
    });
    current = running;
    return running;
  }

  async function resolve(id: number, action: 'discard' | 'retry-with', args?: readonly unknown[]): Promise<void> {
    const record = await store.get('outbox', id);
    if (!record) throw new HanseiError({ kind: 'not_found', message: `The outbox has no entry ${id}; it was sent or discarded already.` });
    if (action === 'discard') {
      await store.delete('outbox', id);
      settled({ id, outcome: 'discarded' });
    } else {
      const spec = writeSpec(record.method);
      if (args && args.length !== spec?.arity) throw new TypeError(`"${record.method}" takes ${spec?.arity ?? 0} arguments before its options; retry-with got ${args.length}.`);
      const idempotencyKey = spec?.kind === 'c' ? newIdempotencyKey() : null;
      await store.put('outbox', { ...record, args: args ?? record.args, idempotencyKey, state: 'pending', error: null });
      if (options.online()) flush().catch(() => undefined);
    }
    changed();
  }

  return {
    outbox: {
      list,
      flush,
      resolve,
      onChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      onSettle(listener) {
        settles.add(listener);
        return () => settles.delete(listener);
      },
    },
    async add(method, args, idempotencyKey) {
      const record: OutboxRecord = { method, args: [...args], idempotencyKey, queuedAt: Date.now(), state: 'pending', attempts: 0, error: null };
      const id = await store.put('outbox', record);
      changed();
      return id;
    },
    async hasPending() {
      return (await store.getAll('outbox')).some((r) => r.state === 'pending');
    },
    async send(id) {
      const outcome = new Promise<{ value: unknown } | { error: HanseiError }>((resolveOutcome) => waiters.set(id, resolveOutcome));
      try {
        const settled = await Promise.race([outcome, flush().then(() => 'queued' as const)]);
        // The replay may settle the entry in the same turn it finishes.
        return settled === 'queued' ? await Promise.race([outcome, Promise.resolve('queued' as const)]) : settled;
      } finally {
        waiters.delete(id);
      }
    },
    retryLater,
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
