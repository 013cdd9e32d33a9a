/**
 * The in-memory cache of rendered public documents (body and ETag), per process.
 *
 * Every change event (a NOTIFY on {@link EVENTS_CHANNEL}, from this process or any other sharing
 * the database) empties it, so a change shows on the next request everywhere; a short TTL is the
 * safety net for notifications lost while a PostgreSQL LISTEN connection was down. This
 * process's own writes also empty it as they are written, and nothing is kept until their NOTIFY
 * arrives, so whoever wrote sees the change on their very next request. A warm hit is
 * a map lookup: no database, no promise. Concurrent misses of one key share one render, and a
 * render that was under way when a change arrived is served to its callers but not kept.
 */
import { contentTag } from '../http/route.js';
import type { Database } from '../db/database.js';
import { EVENTS_CHANNEL, onLocalPublish } from '../store/events.js';

/** A rendered document. */
export interface Rendered {
  readonly body: string;
  /** Strong ETag of `body`. */
  readonly etag: string;
}

export interface CacheOptions {
  /** How long an entry lives without any change event (default 10 s). */
  readonly ttlMs?: number;
  /** Entries kept at most; past it the cache starts over (default 512). */
  readonly maxEntries?: number;
  /** Milliseconds clock (default `Date.now`). */
  readonly clock?: () => number;
}

/** How long a written event's NOTIFY is waited for before caching resumes (its transaction rolled back). */
const AWAIT_NOTIFY_MS = 5_000;

interface Entry<T> {
  readonly value: T;
  readonly generation: number;
  readonly expires: number;
}

interface Pending<T> {
  readonly promise: Promise<T>;
  readonly generation: number;
}

/** A rendered document from its text. */
export function rendered(body: string): Rendered {
  return { body, etag: contentTag(body) };
}

/** Values by key, emptied by change events. */
export class DocumentCache {
  readonly #entries = new Map<string, Entry<unknown>>();
  readonly #pending = new Map<string, Pending<unknown>>();
  readonly #ttl: number;
  readonly #max: number;
  readonly #clock: () => number;
  #generation = 0;
  /** Entries are kept only while change events are heard. */
  #listening = false;
  #stop: (() => Promise<void>) | undefined;
  readonly #stopLocal: () => void;
  /** Ids of this process's events whose NOTIFY has not arrived yet, with when to stop waiting. */
  readonly #awaiting = new Map<number, number>();
  #closed = false;
  readonly ready: Promise<void>;

  /** Starts listening for change events on `db`; `ready` resolves once it does (or has failed). */
  constructor(db: Database, options: CacheOptions = {}) {
    this.#ttl = options.ttlMs ?? 10_000;
    this.#max = options.maxEntries ?? 512;
    this.#clock = options.clock ?? Date.now;
    this.#stopLocal = onLocalPublish((from, id) => {
      if (from !== db) return;
      this.#awaiting.set(id, this.#clock() + AWAIT_NOTIFY_MS);
      this.invalidate();
    });
    this.ready = db.listen(EVENTS_CHANNEL, (payload) => {
      this.#awaiting.delete(Number(payload));
      this.invalidate();
    }).then(
      async (stop) => {
        if (this.#closed) return stop();
        this.#stop = stop;
        this.#listening = true;
      },
      (error: unknown) => {
        console.error('hansei: the public cache cannot listen for changes, so it keeps nothing', error);
      },
    );
  }

  /** The fresh entry for `key`, if any. */
  peek<T>(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined || entry.generation !== this.#generation) return undefined;
    if (entry.expires <= this.#clock()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  /** The entry for `key`, rendered by `render` on a miss (one render per key at a time). */
  get<T>(key: string, render: () => Promise<T>): Promise<T> {
    const hit = this.peek<T>(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const generation = this.#generation;
    const pending = this.#pending.get(key);
    if (pending && pending.generation === generation) return pending.promise as Promise<T>;
    const promise = render().then(
      (value) => {
        if (this.#pending.get(key)?.promise === promise) this.#pending.delete(key);
        if (this.#listening && generation === this.#generation && !this.#waiting()) {
          if (this.#entries.size >= this.#max) this.#entries.clear();
          this.#entries.set(key, { value, generation, expires: this.#clock() + this.#ttl });
        }
        return value;
      },
      (error: unknown) => {
        if (this.#pending.get(key)?.promise === promise) this.#pending.delete(key);
        throw error;
      },
    );
    this.#pending.set(key, { promise, generation });
    return promise;
  }

  /** Whether an event of this process is written but not yet heard (its transaction may not have committed). */
  #waiting(): boolean {
    if (this.#awaiting.size === 0) return false;
    const now = this.#clock();
    // A rolled-back transaction never notifies: stop waiting for it after a while.
    for (const [id, until] of this.#awaiting) if (until <= now) this.#awaiting.delete(id);
    return this.#awaiting.size > 0;
  }

  /** Forgets everything (a change happened). */
  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
  }

  /** Stops listening and forgets everything. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#listening = false;
    this.#stopLocal();
    this.invalidate();
    const stop = this.#stop;
    this.#stop = undefined;
    await stop?.().catch(() => undefined);
  }
}
