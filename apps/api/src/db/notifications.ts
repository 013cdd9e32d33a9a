/**
 * LISTEN/NOTIFY plumbing both drivers share: channel validation and the table of subscribers,
 * which LISTENs a channel once however many callbacks share it.
 */

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Throws unless `channel` is 1 to 63 lowercase ASCII letters, digits and underscores, not starting
 * with a digit. LISTEN takes an identifier, not a parameter, so the name goes into SQL text; and
 * lowercase only means `LISTEN "name"` and `pg_notify('name', …)` always agree.
 */
export function assertChannel(channel: string): void {
  if (typeof channel !== 'string' || !CHANNEL.test(channel)) {
    throw new TypeError(
      `Invalid notification channel ${JSON.stringify(channel)}: use 1 to 63 lowercase letters, digits and underscores, not starting with a digit.`,
    );
  }
}

/** The SQL that starts or stops listening on a (validated) channel. */
export function listenSql(channel: string, listen: boolean): string {
  assertChannel(channel);
  return `${listen ? 'LISTEN' : 'UNLISTEN'} "${channel}"`;
}

interface Subscriber {
  readonly onPayload: (payload: string) => void;
}

/**
 * The callbacks per channel. `apply(channel, true)` must make the connection LISTEN on the
 * channel, `apply(channel, false)` UNLISTEN; calls are serialised and only made when a channel
 * gains its first subscriber or loses its last.
 */
export class Subscriptions {
  readonly #subscribers = new Map<string, Set<Subscriber>>();
  /** The channels the last successful `apply` calls left listened. */
  readonly #applied = new Set<string>();
  #queue: Promise<void> = Promise.resolve();
  readonly #apply: (channel: string, listen: boolean) => Promise<void>;

  constructor(apply: (channel: string, listen: boolean) => Promise<void>) {
    this.#apply = apply;
  }

  /** The channels that have subscribers (to LISTEN again on a new connection). */
  channels(): string[] {
    return [...this.#subscribers.keys()];
  }

  /** Adds a subscriber; resolves once its channel is listened, with a function that removes it. */
  async add(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    assertChannel(channel);
    if (typeof onPayload !== 'function') throw new TypeError('listen needs a callback');
    const subscriber: Subscriber = { onPayload };
    const set = this.#subscribers.get(channel) ?? new Set();
    this.#subscribers.set(channel, set);
    set.add(subscriber);
    try {
      await this.#sync(channel);
    } catch (error) {
      this.#remove(channel, subscriber);
      await this.#sync(channel).catch(() => undefined);
      throw error;
    }
    let removed = false;
    return async () => {
      if (removed) return;
      removed = true;
      this.#remove(channel, subscriber);
      await this.#sync(channel);
    };
  }

  /** Calls the channel's subscribers; one that throws does not keep the others from their payload. */
  dispatch(channel: string, payload: string): void {
    for (const subscriber of [...(this.#subscribers.get(channel) ?? [])]) {
      try {
        subscriber.onPayload(payload);
      } catch (error) {
        console.error(`hansei: a listener on channel "${channel}" threw`, error);
      }
    }
  }

  /** Drops every subscriber (on close); no SQL is run. */
  clear(): void {
    this.#subscribers.clear();
    this.#applied.clear();
  }

  #remove(channel: string, subscriber: Subscriber): void {
    const set = this.#subscribers.get(channel);
    set?.delete(subscriber);
    if (set?.size === 0) this.#subscribers.delete(channel);
  }

  /** Queues bringing the connection's LISTEN state for `channel` in line with its subscribers. */
  #sync(channel: string): Promise<void> {
    const run = async () => {
      const wanted = this.#subscribers.has(channel);
      if (wanted === this.#applied.has(channel)) return;
      await this.#apply(channel, wanted);
      if (wanted) this.#applied.add(channel);
      else this.#applied.delete(channel);
    };
    const next = this.#queue.then(run);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
