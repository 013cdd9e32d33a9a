/**
 * Idempotency keys for the creates an element makes (an incident, a prevention action): one key
 * per request, and the same key again when the same request is retried after a failure that may
 * not have reached the backend, so a retried create happens once.
 */
import { HanseiError, type CreateOptions } from '@hansei/adapters';

/** One key per create request; the same key again when the same request is retried after a failure in transit. */
export class RetryKeys {
  #pending: { body: string; key: string | undefined } | null = null;

  /** The options to send `request` with. */
  for(request: unknown): CreateOptions {
    const body = JSON.stringify(request);
    if (this.#pending?.body !== body) this.#pending = { body, key: globalThis.crypto?.randomUUID?.() };
    return this.#pending.key ? { idempotencyKey: this.#pending.key } : {};
  }

  /** The create is over: keep the key only when it failed in a way that may not have reached the backend. */
  settle(error?: unknown): void {
    if (!(error instanceof HanseiError && error.transient)) this.#pending = null;
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
