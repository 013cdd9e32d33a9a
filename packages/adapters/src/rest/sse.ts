/**
 * Live changes from `GET /v1/stream` (Server-Sent Events), read with fetch streaming rather than
 * EventSource so the bearer token travels in the Authorization header (and it runs in Node 20).
 *
 * {@link eventStreamParser} reads the text/event-stream format (fields `id`, `event`, `data`,
 * `retry`, and comments). {@link LiveChanges} keeps one connection per adapter for all its
 * subscribers: it opens with the first subscriber and closes with the last, reconnects after a
 * drop with exponential backoff and full jitter (from the server's `retry:`), resumes with
 * Last-Event-ID so no change is missed, and never delivers an event id twice.
 *
 * In a browser it lets go of the connection while the page cannot use it, and takes it up again
 * (resuming after the last event id) when the page comes back: at `pagehide` and `freeze` at
 * once, and after `hiddenMs` in a hidden tab. Over HTTP/1.1 a browser keeps at most six
 * connections per host for every page of an origin: a page kept in the back/forward cache, a
 * frozen tab or a tab in the background would otherwise hold one of them with its stream, and a
 * few of them stall every other request to the server.
 */
import type { Change, LiveState, SubscribeOptions } from '../adapter.js';
import { HanseiError, errorFromResponse } from '../errors.js';
import { backoff, fail, sleep, type Http } from './http.js';

/**
 * One block of the stream: `id` is null when it had no `id:` field, `data` is null when it had no
 * `data:` field (then only its id counts: it moves the resume point but is no event).
 */
export interface StreamEvent {
  readonly id: string | null;
  readonly event: string;
  readonly data: string | null;
}

/**
 * A parser of the text/event-stream format: feed it decoded text in any chunks; it calls
 * `onEvent` for each block with data or an id and `onRetry` for each valid `retry:` field. Lines end in
 * CRLF, LF or CR; a CR at the end of a chunk waits for the next one in case an LF follows.
 */
export function eventStreamParser(onEvent: (event: StreamEvent) => void, onRetry: (ms: number) => void = () => undefined): (chunk: string) => void {
  let buffer = '';
  let first = true;
  let id: string | null = null;
  let event = '';
  let data: string[] = [];
  const line = (text: string) => {
    if (text === '') {
      if (data.length || id !== null) onEvent({ id, event: event || 'message', data: data.length ? data.join('\n') : null });
      id = null;
      event = '';
      data = [];
      return;
    }
    const colon = text.indexOf(':');
    if (colon === 0) return;
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry(Number(value));
  };
  return (chunk) => {
    buffer += chunk;
    if (first && buffer) {
      first = false;
      if (buffer.startsWith('\uFEFF')) buffer = buffer.slice(1);
    }
    const ends = /\r\n|\r|\n/g;
    let start = 0;
    for (let match = ends.exec(buffer); match; match = ends.exec(buffer)) {
      if (match[0] === '\r' && match.index === buffer.length - 1) break;
      line(buffer.slice(start, match.index));
      start = ends.lastIndex;
    }
    buffer = buffer.slice(start);
  };
}

/** Tuning of the live connection. */
export interface LiveOptions {
  /** The reconnection delay ceiling before the server names one with `retry:` (default 1,000 ms). */
  readonly baseMs?: number;
  /** The largest reconnection delay ceiling (default 30,000 ms). */
  readonly maxMs?: number;
  /** A connection silent this long is taken as lost (default 45,000 ms; the server comments every 15 s). */
  readonly idleMs?: number;
  /**
   * A page hidden this long (a tab in the background, a minimised window) lets go of its
   * connection until it is shown again (default 5,000 ms; `Infinity` keeps it).
   */
  readonly hiddenMs?: number;
  /**
   * Where the page's lifecycle is heard (default: the browser's window, none elsewhere); null
   * keeps the connection whatever the page does.
   */
  readonly page?: PageLifecycle | null;
}

/**
 * A page's lifecycle: `target` gets `pagehide`, `pageshow`, `freeze`, `resume` and
 * `visibilitychange` (heard while capturing, so the window hears those fired at its document),
 * and `hidden()` says whether the page is hidden now.
 */
export interface PageLifecycle {
  readonly target: EventTarget;
  readonly hidden: () => boolean;
}

const LIFECYCLE = ['pagehide', 'pageshow', 'freeze', 'resume', 'visibilitychange'] as const;

/** The browser page this code runs in, or null outside a browser (Node, a worker). */
function browserPage(): PageLifecycle | null {
  if (typeof window === 'undefined' || typeof document === 'undefined') return null;
  return { target: window, hidden: () => document.visibilityState === 'hidden' };
}

interface Subscriber {
  readonly listener: (change: Change) => void;
  readonly onState: ((state: LiveState) => void) | undefined;
}

/**
 * Calls a subscriber's function: one that throws must not stop the others or the connection, so
 * its error is reported as uncaught instead.
 */
function safely<T>(call: (value: T) => void, value: T): void {
  try {
    call(value);
  } catch (error) {
    setTimeout(() => {
      throw error;
    });
  }
}

/** Event ids remembered so a replayed event is not delivered twice. */
const SEEN = 256;

/** One shared live connection for all of an adapter's subscribers (see the module comment). */
export class LiveChanges {
  readonly #http: Http;
  readonly #options: LiveOptions;
  readonly #subscribers = new Set<Subscriber>();
  #state: LiveState = { state: 'closed' };
  #stop: AbortController | null = null;
  /** The connection under way (or being opened), to let go of while the page is away. */
  #connection: AbortController | null = null;
  /** The page is away (hidden long enough, frozen, unloaded or in the back/forward cache). */
  #away = false;
  #back: (() => void) | null = null;

  constructor(http: Http, options: LiveOptions = {}) {
    this.#http = http;
    this.#options = options;
  }

  /** Adds a subscriber; the returned function (or `options.signal`) removes it. */
  subscribe(listener: (change: Change) => void, options: SubscribeOptions = {}): () => void {
    const { signal, onState } = options;
    const subscriber: Subscriber = { listener, onState };
    const remove = () => {
      signal?.removeEventListener('abort', remove);
      if (!this.#subscribers.delete(subscriber)) return;
      onState?.({ state: 'closed' });
      if (!this.#subscribers.size) {
        this.#stop?.abort();
        this.#stop = null;
        this.#state = { state: 'closed' };
      }
    };
    if (signal?.aborted) {
      onState?.({ state: 'closed' });
      return () => undefined;
    }
    this.#subscribers.add(subscriber);
    signal?.addEventListener('abort', remove);
    if (this.#stop) onState?.(this.#state);
    else {
      this.#stop = new AbortController();
      this.#followPage(this.#stop.signal);
      void this.#run(this.#stop.signal);
    }
    return remove;
  }

  /** Lets go of the connection while the page is away, and takes it up again when it is back (see the module comment). */
  #followPage(stop: AbortSignal): void {
    const page = this.#options.page === undefined ? browserPage() : this.#options.page;
    if (!page) return;
    const hiddenMs = this.#options.hiddenMs ?? 5_000;
    let hiding: ReturnType<typeof setTimeout> | undefined;
    const away = () => {
      clearTimeout(hiding);
      this.#away = true;
      this.#connection?.abort();
    };
    const onEvent = (event: Event) => {
      clearTimeout(hiding);
      if (event.type === 'pagehide' || event.type === 'freeze') away();
      else if (!page.hidden()) {
        this.#away = false;
        this.#back?.();
      } else if (Number.isFinite(hiddenMs) && !this.#away) hiding = setTimeout(away, hiddenMs);
    };
    for (const type of LIFECYCLE) page.target.addEventListener(type, onEvent, { capture: true });
    if (page.hidden()) onEvent(new Event('visibilitychange'));
    stop.addEventListener('abort', () => {
      clearTimeout(hiding);
      this.#away = false;
      for (const type of LIFECYCLE) page.target.removeEventListener(type, onEvent, { capture: true });
    });
  }

  /** Resolves when the page is back, or the last subscriber left. */
  #untilBack(stop: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.#back = null;
        stop.removeEventListener('abort', done);
        resolve();
      };
      this.#back = done;
      stop.addEventListener('abort', done);
    });
  }

  #emit(state: LiveState, signal: AbortSignal): void {
    if (signal.aborted) return;
    this.#state = state;
    for (const { onState } of [...this.#subscribers]) if (onState) safely(onState, state);
  }

  #deliver(change: Change): void {
    for (const { listener } of [...this.#subscribers]) safely(listener, change);
  }

  async #run(stop: AbortSignal): Promise<void> {
    const http = this.#http;
    const { baseMs = 1000, maxMs = 30_000, idleMs = 45_000 } = this.#options;
    let retryMs = baseMs;
    let attempt = 0;
    let lastId = '';
    const seen: string[] = [];
    while (!stop.aborted) {
      if (this.#away) {
        // Nothing is missed meanwhile: the next connection resumes after the last event id.
        this.#emit({ state: 'closed' }, stop);
        await this.#untilBack(stop);
        attempt = 0;
        continue;
      }
      this.#emit({ state: 'connecting' }, stop);
      const connection = new AbortController();
      this.#connection = connection;
      const abort = () => connection.abort();
      stop.addEventListener('abort', abort);
      let idle: ReturnType<typeof setTimeout> | undefined;
      const quiet = () => {
        clearTimeout(idle);
        idle = setTimeout(abort, idleMs);
      };
      let error: Error;
      try {
        quiet();
        const token = await http.token();
        const headers: Record<string, string> = { accept: 'text/event-stream' };
        if (token) headers['authorization'] = `Bearer ${token}`;
        if (lastId) headers['last-event-id'] = lastId;
        const response = await http.fetch(http.url('/v1/stream'), { headers, signal: connection.signal });
        if (!response.ok) {
          const text = await response.text();
          let body: unknown = null;
          try {
            body = JSON.parse(text);
          } catch {
            // Not a problem document: the status alone says what went wrong.
          }
          throw errorFromResponse(response.status, body, { retryAfter: response.headers.get('retry-after') });
        }
        if (!/^text\/event-stream/i.test(response.headers.get('content-type') ?? '') || !response.body) {
          throw fail('bad_response', `The live stream at ${http.baseUrl} did not answer with text/event-stream. Is it a Hansei server?`);
        }
        this.#emit({ state: 'open' }, stop);
        attempt = 0;
        const parse = eventStreamParser(
          ({ id, event, data }) => {
            if (stop.aborted) return;
            if (id !== null) {
              lastId = id;
              if (seen.includes(id)) return;
              seen.push(id);
              if (seen.length > SEEN) seen.shift();
            }
            if (data === null) return;
            let value: unknown;
            try {
              value = JSON.parse(data);
            } catch {
              return; // Not a change this adapter can read; the stream goes on.
            }
            if (event !== 'message') this.#deliver({ type: event, data: value } as Change);
          },
          (ms) => {
            retryMs = ms;
          },
        );
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          quiet();
          parse(decoder.decode(value, { stream: true }));
        }
        error = fail('network', 'The live connection closed.');
      } catch (caught) {
        error =
          caught instanceof HanseiError
            ? caught
            : connection.signal.aborted && !stop.aborted
              ? fail('timeout', `The live connection was silent for ${idleMs} ms.`, caught)
              : fail('network', `The live connection to ${http.baseUrl} failed.`, caught);
      } finally {
        clearTimeout(idle);
        stop.removeEventListener('abort', abort);
        this.#connection = null;
      }
      if (stop.aborted) return;
      if (this.#away) continue;
      // A server that asks for a wait (429 or 503 with Retry-After) gets at least that.
      const asked = error instanceof HanseiError ? (error.retryAfterMs ?? 0) : 0;
      const retryInMs = Math.max(backoff(http.options.random ?? Math.random, retryMs, maxMs, attempt++), asked);
      this.#emit({ state: 'retrying', retryInMs, error }, stop);
      await sleep(retryInMs, stop).catch(() => undefined);
    }
  }
}
