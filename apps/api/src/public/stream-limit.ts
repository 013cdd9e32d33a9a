/**
 * The event streams open in this process, counted per client, with a ceiling per client: a
 * client that leaks streams (a script that opens one per render and never closes it, or someone
 * holding sockets on purpose) is refused more, with 429 and Retry-After, while everyone else's
 * streams go on. A client is its token when it sends one, otherwise its address (IPv6 per /64,
 * behind trusted proxies the address they saw; see rate-limit.ts).
 *
 * The ceilings are generous because a client is not a person: one token may serve a wall of
 * dashboards, and one address may be a company's NAT with every employee on the status page. A
 * browser itself keeps at most six connections per host over HTTP/1.1, so no ceiling here can
 * keep one browser from starving itself; that is the client's part (the RestAdapter lets go of
 * its stream while its page is away).
 */

/** How many streams one token may hold open at once (default). */
export const DEFAULT_STREAMS_PER_TOKEN = 100;
/** How many anonymous streams one address may hold open at once (default). */
export const DEFAULT_STREAMS_PER_ADDRESS = 1_000;

export interface StreamLimits {
  /** Streams one token may hold open (default {@link DEFAULT_STREAMS_PER_TOKEN}). */
  readonly perToken?: number;
  /** Anonymous streams one address may hold open (default {@link DEFAULT_STREAMS_PER_ADDRESS}). */
  readonly perAddress?: number;
}

/** Who holds a stream: a token (by id) or, anonymous, an address. */
export type StreamClient = { readonly token: string } | { readonly address: string };

/** The open streams, per client (see the module comment). */
export class OpenStreams {
  readonly perToken: number;
  readonly perAddress: number;
  readonly #byClient = new Map<string, number>();
  #size = 0;

  constructor(limits: StreamLimits = {}) {
    this.perToken = limits.perToken ?? DEFAULT_STREAMS_PER_TOKEN;
    this.perAddress = limits.perAddress ?? DEFAULT_STREAMS_PER_ADDRESS;
  }

  /** Streams open now, all clients together. */
  get size(): number {
    return this.#size;
  }

  /** The ceiling for `client`. */
  limitOf(client: StreamClient): number {
    return 'token' in client ? this.perToken : this.perAddress;
  }

  /** Streams `client` holds open now. */
  countOf(client: StreamClient): number {
    return this.#byClient.get(keyOf(client)) ?? 0;
  }

  /**
   * Counts a new stream for `client`. Returns the function that ends it (calling it more
   * than once changes nothing), or null when the client holds its ceiling already.
   */
  open(client: StreamClient): (() => void) | null {
    const key = keyOf(client);
    const count = this.#byClient.get(key) ?? 0;
    if (count >= this.limitOf(client)) return null;
    this.#byClient.set(key, count + 1);
    this.#size++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#size--;
      const left = (this.#byClient.get(key) ?? 1) - 1;
      if (left > 0) this.#byClient.set(key, left);
      else this.#byClient.delete(key);
    };
  }
}

function keyOf(client: StreamClient): string {
  return 'token' in client ? `token ${client.token}` : `address ${client.address}`;
}
