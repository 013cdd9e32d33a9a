/**
 * The in-memory backend behind one or more {@link MemoryAdapter}s: its state, its clock, its ids,
 * writes as transactions (all of a write or none of it), the live changes each write publishes
 * (delivered in a microtask after it commits, to the audiences allowed to see them) and
 * idempotency keys.
 */
import { toIso, type DemoDataset, type Id } from '@hansei/core';
import type { Change } from '../adapter.js';
import type { MemoryState } from './state.js';
import { deepFreeze, emptyState, seededState } from './state.js';

/** `public` changes reach anonymous subscribers too; `internal` ones need a role. */
export type Audience = 'public' | 'internal';

interface Listener {
  readonly audience: Audience;
  readonly deliver: (change: Change) => void;
}

interface Replay {
  readonly request: string;
  readonly result: unknown;
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case, as the server's ids
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface MemoryStoreOptions {
  /** The clock, epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /** What the store starts with: a demo dataset, or `'empty'`. */
  readonly dataset: DemoDataset | 'empty';
}

/** One in-memory backend. Several adapters (one per role) can share it. */
export class MemoryStore {
  readonly now: () => number;
  #state: MemoryState;
  #pending: { audience: Audience; change: Change }[] | null = null;
  readonly #listeners = new Set<Listener>();
  readonly #replays = new Map<string, Replay & { at: number }>();
  #sequence = 0;

  constructor(options: MemoryStoreOptions) {
    this.now = options.now ?? Date.now;
    const at = toIso(this.now());
    this.#state = options.dataset === 'empty' ? emptyState(at) : seededState(options.dataset, at);
  }

  /** The current state (immutable). */
  get state(): MemoryState {
    return this.#state;
  }

  /** The clock as an ISO instant. */
  isoNow(): string {
    return toIso(this.now());
  }

  /**
   * A new id like the server's: `<prefix>_`, 10 characters of time (so ids sort by creation), and
   * 10 of a counter (so ids made in the same millisecond sort in the order they were made).
   */
  newId(prefix: string): Id {
    const encode = (n: number): string => {
      let out = '';
      for (let i = 0; i < 10; i++) {
        out = (ALPHABET[n % 32] as string) + out;
        n = Math.floor(n / 32);
      }
      return out;
    };
    return `${prefix}_${encode(this.now())}${encode(++this.#sequence)}`;
  }

  /** Replaces parts of the state; only inside {@link transaction}. */
  set(next: Partial<MemoryState>): void {
    if (this.#pending === null) throw new Error('MemoryStore.set outside a transaction.');
    this.#state = { ...this.#state, ...next };
  }

  /** Queues a change for the subscribers of `audience`, delivered once the write commits. */
  publish(audience: Audience, change: Change): void {
    if (this.#pending === null) throw new Error('MemoryStore.publish outside a transaction.');
    this.#pending.push({ audience, change: deepFreeze(change) });
  }

  /**
   * Runs a write: when `write` throws, the state is as before and nothing is published; when it
   * returns, its changes reach the subscribers in a microtask, in order. Transactions do not nest.
   */
  transaction<T>(write: () => T): T {
    if (this.#pending !== null) return write();
    const before = this.#state;
    this.#pending = [];
    try {
      const result = write();
      const changes = this.#pending;
      this.#pending = null;
      if (changes.length > 0) queueMicrotask(() => this.#deliver(changes));
      return result;
    } catch (error) {
      this.#state = before;
      this.#pending = null;
      throw error;
    }
  }

  #deliver(changes: readonly { audience: Audience; change: Change }[]): void {
    for (const { audience, change } of changes) {
      for (const listener of [...this.#listeners]) {
        if (audience !== 'public' && listener.audience !== 'internal') continue;
        try {
          listener.deliver(change);
        } catch (error) {
          // One failing listener must not keep the change from the others; the error still surfaces.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    }
  }

  /** Hears the changes `audience` may see until the returned function is called. */
  listen(audience: Audience, deliver: (change: Change) => void): () => void {
    const listener: Listener = { audience, deliver };
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Runs a create once per idempotency key (scoped to the caller): a repeat with the same
   * `request` gets the first result back; a repeat with another request is refused by
   * `reused()`. A create that fails leaves the key free. Keys live 24 hours.
   */
  once<T>(scope: string, key: string, request: string, run: () => T, reused: () => Error): T {
    const now = this.now();
    for (const [k, replay] of this.#replays) if (replay.at < now - IDEMPOTENCY_TTL_MS) this.#replays.delete(k);
    const id = `${scope}\n${key}`;
    const replay = this.#replays.get(id);
    if (replay) {
      if (replay.request !== request) throw reused();
      return replay.result as T;
    }
    const result = run();
    this.#replays.set(id, { request, result, at: now });
    return result;
  }
}

/** Builds the store for a dataset option: the given dataset, none, or the demo for the clock's now. */
export function storeFor(options: { now?: () => number; dataset?: DemoDataset | 'empty' }, demo: (now: number) => DemoDataset): MemoryStore {
  const now = options.now ?? Date.now;
  return new MemoryStore({ now, dataset: options.dataset ?? demo(now()) });
}
