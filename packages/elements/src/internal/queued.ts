/**
 * Writes made offline. Behind `withOffline` (@hansei/adapters/offline) a write the server cannot
 * get rejects with a `QueuedError` (`queued: true`, `entryId`): the change waits in the outbox and
 * goes out when the connection returns. An element says so in the same words everywhere, keeps
 * what the person wrote, and follows the entry to learn whether it was sent, refused or discarded.
 * Told apart by shape, so no element loads the offline module (IndexedDB code) for it.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { HanseiAdapter } from '@hansei/adapters';
import type { Outbox, SettledEntry } from '@hansei/adapters/offline';

/** What a `QueuedError` carries. */
export interface QueuedWrite {
  readonly queued: true;
  /** The outbox entry holding the write. */
  readonly entryId: number;
  /** Every entry of a change made of several writes (see {@link queuedTogether}), in order. */
  readonly entryIds?: readonly number[];
}

/** `last`, naming the entries of `earlier` too: one change that went to the outbox as several writes. */
export function queuedTogether<E extends QueuedWrite>(earlier: readonly QueuedWrite[], last: E): E {
  const ids = [...earlier.flatMap((e) => e.entryIds ?? [e.entryId]), ...(last.entryIds ?? [last.entryId])];
  return Object.assign(last, { entryIds: ids });
}

/** True when `error` says a write waits in the outbox rather than failed. */
export function isQueuedWrite(error: unknown): error is QueuedWrite {
  const value = error as { queued?: unknown; entryId?: unknown } | null;
  return typeof value === 'object' && value !== null && value.queued === true && typeof value.entryId === 'number';
}

/** "Offline: your changes are kept on this device and will be saved when the connection returns." */
export function queuedWords(): string {
  return msg('Offline: your changes are kept on this device and will be saved when the connection returns.', {
    desc: 'Any element: a write was kept in the outbox while offline',
  });
}

/** A write made offline went out. */
export function queuedSentWords(): string {
  return msg('Back online: the changes you made offline are saved.', { desc: 'Any element: a write kept offline was sent' });
}

/**
 * A write made offline was refused when it went out, or discarded from the outbox; `kept` adds
 * that what the person wrote is still there to try again.
 */
export function queuedFailedWords(outcome: QueuedOutcome, kept = false): string {
  const said =
    outcome.outcome === 'discarded'
      ? msg('The changes you made offline were discarded from the outbox.', { desc: 'Any element: a write kept offline was discarded by the person' })
      : msg(str`The changes you made offline were not saved: ${outcome.outcome === 'failed' ? outcome.error.message : ''}`, {
          desc: 'Any element: a write kept offline was refused by the server; followed by the reason',
        });
  return kept ? `${said} ${msg('What you wrote is still here.', { desc: 'Any element: after a refused offline write, the text is kept' })}` : said;
}

/** How the writes an element queued ended: all `sent` (the last answer), or the first that did not go. */
export type QueuedOutcome =
  | { readonly outcome: 'sent'; readonly value: unknown }
  | { readonly outcome: 'failed'; readonly error: Error }
  | { readonly outcome: 'discarded' };

/** The outbox of an adapter wrapped by `withOffline`, if it is one. */
function outboxOf(adapter: HanseiAdapter): Outbox | null {
  const outbox = (adapter as { outbox?: Partial<Outbox> }).outbox;
  return outbox && typeof outbox.onSettle === 'function' ? (outbox as Outbox) : null;
}

/**
 * Follows the outbox entries `ids` (in the order they were queued) until every one was sent, or
 * one was refused or discarded. Resolves with that outcome; never, when `signal` aborts first or
 * the adapter has no outbox to follow (the element then keeps saying the change waits).
 */
export function followQueued(adapter: HanseiAdapter, ids: readonly number[], signal?: AbortSignal): Promise<QueuedOutcome> {
  const outbox = outboxOf(adapter);
  return new Promise((resolve) => {
    if (!outbox || signal?.aborted || ids.length === 0) return;
    const left = new Set(ids);
    const last = ids[ids.length - 1];
    let value: unknown;
    const stop = outbox.onSettle((settled: SettledEntry) => {
      if (!left.has(settled.id)) return;
      if (settled.outcome === 'sent') {
        left.delete(settled.id);
        if (settled.id === last) value = settled.value;
        if (left.size > 0) return;
        done({ outcome: 'sent', value });
      } else done(settled.outcome === 'failed' ? { outcome: 'failed', error: settled.error } : { outcome: 'discarded' });
    });
    const done = (outcome: QueuedOutcome) => {
      stop();
      signal?.removeEventListener('abort', stop);
      resolve(outcome);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * An element's writes waiting in the outbox: `follow` one (its `note` says it waits, the host
 * re-renders), and hear how it ended. A newer `follow`, or `forget`, stops following the last.
 */
export class QueuedController implements ReactiveController {
  /** What the element says while its change waits; empty when nothing waits. */
  note = '';
  readonly #host: ReactiveControllerHost;
  #following: AbortController | null = null;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to set up: following starts with a queued write.
  }

  /** Follows the writes `error` names through `adapter`'s outbox; `settled` hears how they ended. */
  follow(adapter: HanseiAdapter, error: QueuedWrite, settled: (outcome: QueuedOutcome) => void): void {
    this.forget();
    const following = (this.#following = new AbortController());
    this.note = queuedWords();
    this.#host.requestUpdate();
    void followQueued(adapter, error.entryIds ?? [error.entryId], following.signal).then((outcome) => {
      if (following.signal.aborted) return;
      this.#following = null;
      this.note = '';
      this.#host.requestUpdate();
      settled(outcome);
    });
  }

  /** Stops following (the element moved on to something else); the writes still go out. */
  forget(): void {
    this.#following?.abort();
    this.#following = null;
    if (this.note) {
      this.note = '';
      this.#host.requestUpdate();
    }
  }
}

/** The note that a change waits in the outbox (`part="queued"`), or nothing. */
export function renderQueued(note: string): TemplateResult | typeof nothing {
  return note ? html`<p class="queued" part="queued" role="status">${note}</p>` : nothing;
}
