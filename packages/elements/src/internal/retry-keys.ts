/**
 * Idempotency keys for the creates an element makes (an incident, a prevention action): one key
 * per request, and the same key again when the same request is sent again after a failure that
 * may not have reached the backend, or after it went to the outbox (it will reach the backend
 * later), so the create happens once. An element that keeps drafts keeps the key with its draft
 * ({@link RetryKeys.saved}, {@link RetryKeys.restore}): a draft restored after a reload and sent
 * again is the same create, not a second one.
 */
import { HanseiError, type CreateOptions } from '@hansei/adapters';
import { isQueuedWrite } from './queued.js';

/** The key of a create that may have reached, or will reach, the backend: kept with a draft. */
export interface PendingKey {
  /** The request, as JSON. */
  readonly body: string;
  readonly key: string;
}

const isPendingKey = (value: unknown): value is PendingKey =>
  typeof value === 'object' && value !== null && typeof (value as PendingKey).body === 'string' && typeof (value as PendingKey).key === 'string';

/** One key per create request; the same key again when the same request is sent again. */
export class RetryKeys {
  #pending: { body: string; key: string | undefined } | null = null;

  /** The options to send `request` with. */
  for(request: unknown): CreateOptions {
    const body = JSON.stringify(request);
    if (this.#pending?.body !== body) this.#pending = { body, key: globalThis.crypto?.randomUUID?.() };
    return this.#pending.key ? { idempotencyKey: this.#pending.key } : {};
  }

  /**
   * The create is over: keep the key only when it failed in a way that may not have reached the
   * backend, or waits in the outbox.
   */
  settle(error?: unknown): void {
    if (!((error instanceof HanseiError && error.transient) || isQueuedWrite(error))) this.#pending = null;
  }

  /** The key to keep with a draft, or null when no create is pending. */
  get saved(): PendingKey | null {
    return this.#pending?.key ? { body: this.#pending.body, key: this.#pending.key } : null;
  }

  /** Takes back a key kept with a draft (anything else is ignored). */
  restore(saved: unknown): void {
    if (isPendingKey(saved)) this.#pending = { body: saved.body, key: saved.key };
  }
}

/** Runs a create of `request` with its key, settling the key by the outcome. */
export async function create<T>(keys: RetryKeys, request: unknown, run: (options: CreateOptions) => Promise<T>): Promise<T> {
  try {
    const result = await run(keys.for(request));
    keys.settle();
    return result;
  } catch (error) {
    keys.settle(error);
    throw error;
  }
}
