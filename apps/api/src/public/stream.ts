/**
 * Live changes over Server-Sent Events: `GET /v1/stream`.
 *
 * Anonymous clients get `public` events only; a viewer token or better (`Authorization: Bearer`,
 * or `?access_token=` since EventSource cannot set headers) also gets `internal` ones. Each event
 * is `id:` (the event id), `event:` (its type) and `data:` (its data as JSON). A client that
 * reconnects with Last-Event-ID (header, or `?lastEventId=`) first gets every event it missed,
 * then the live ones. A comment every 15 s keeps proxies from closing an idle stream. A client
 * holding too many streams at once gets 429 (see stream-limit.ts).
 *
 * One {@link EventHub} per process LISTENs on the events channel and reads each batch of new
 * events once for all its clients, so a change written through any process sharing the
 * database reaches every client of every process.
 */
import type { Context, Hono } from 'hono';
import * as v from 'valibot';
import { validate } from '@hansei/core';
import type { Database } from '../db/database.js';
import { resolveCaller } from '../http/auth.js';
import { HttpError, invalid } from '../http/errors.js';
import { problemResponse } from '../http/problem.js';
import type { Services } from '../services.js';
import { EVENTS_CHANNEL, eventsAfter, type Audience, type ChangeEvent } from '../store/events.js';
import { problem } from '../http/problem.js';
import { clientAddress, clientKey } from './rate-limit.js';
import { CORS_HEADERS, preflight } from './respond.js';
import { OpenStreams, type StreamClient, type StreamLimits } from './stream-limit.js';

export const STREAM_PATH = '/v1/stream';

const ALL: readonly Audience[] = ['public', 'internal'];
const PUBLIC_ONLY: readonly Audience[] = ['public'];
const BATCH = 500;
/** Late ids remembered to deliver each event once (see {@link EventHub}). */
const RECENT = 4096;

type Subscriber = (events: readonly ChangeEvent[]) => void;

/**
 * Wakes on every NOTIFY of the events channel and reads the new events once for all
 * subscribers. Event ids come from a sequence, so a transaction that commits late can carry an
 * id below ones already delivered: the NOTIFY names its id, and the hub reads it then. Each
 * event is delivered at most once.
 */
export class EventHub {
  readonly #db: Database;
  readonly #subscribers = new Set<Subscriber>();
  #started: Promise<void> | undefined;
  #stop: (() => Promise<void>) | undefined;
  #lastId = 0;
  readonly #late = new Set<number>();
  readonly #delivered = new Set<number>();
  #dirty = false;
  #pumping: Promise<void> | undefined;
  /** Notifications count once the starting point is known (earlier events are behind it). */
  #ready = false;
  #closed = false;

  constructor(db: Database) {
    this.#db = db;
  }

  /** How many clients are subscribed. */
  get size(): number {
    return this.#subscribers.size;
  }

  /** Adds a subscriber (listening first if needed); resolves with a function that removes it. */
  async subscribe(subscriber: Subscriber): Promise<() => void> {
    await this.#start();
    this.#subscribers.add(subscriber);
    return () => {
      this.#subscribers.delete(subscriber);
    };
  }

  /** The newest event id now. */
  async head(): Promise<number> {
    const [row] = await this.#db.query<{ id: number | null }>('select max(id) as id from events');
    return Number(row?.id ?? 0);
  }

  #start(): Promise<void> {
    this.#started ??= (async () => {
      if (this.#closed) throw new Error('The event stream is shut down.');
      this.#stop = await this.#db.listen(EVENTS_CHANNEL, (payload) => this.#notified(payload));
      this.#lastId = await this.head();
      this.#ready = true;
    })().catch((error: unknown) => {
      this.#started = undefined;
      throw error;
    });
    return this.#started;
  }

  #notified(payload: string): void {
    if (!this.#ready) return;
    const id = Number(payload);
    if (Number.isSafeInteger(id) && id <= this.#lastId && !this.#delivered.has(id)) this.#late.add(id);
    this.#dirty = true;
    this.#kick();
  }

  /** Starts reading unless a read is under way; one that ends as a notification arrives starts again. */
  #kick(): void {
    if (this.#pumping) return;
    this.#pumping = this.#pump().finally(() => {
      this.#pumping = undefined;
      if (this.#dirty && !this.#closed) this.#kick();
    });
  }

  async #pump(): Promise<void> {
    while (this.#dirty && !this.#closed) {
      this.#dirty = false;
      const late = [...this.#late];
      this.#late.clear();
      let rows: ChangeEvent[];
      try {
        rows = await this.#db.query<ChangeEvent>(
          'select id, audience, type, at, data from events where id > $1 or id = any($2) order by id limit $3',
          [this.#lastId, late, BATCH],
        );
      } catch (error) {
        if (!this.#closed) console.error('hansei: reading new events failed', error);
        return;
      }
      const fresh = rows.filter((e) => !this.#delivered.has(e.id));
      for (const event of fresh) {
        this.#delivered.add(event.id);
        if (event.id > this.#lastId) this.#lastId = event.id;
      }
      if (this.#delivered.size > RECENT) {
        const keep = [...this.#delivered].sort((a, b) => a - b).slice(-RECENT / 2);
        this.#delivered.clear();
        for (const id of keep) this.#delivered.add(id);
      }
      if (rows.length === BATCH) this.#dirty = true;
      if (fresh.length) for (const subscriber of [...this.#subscribers]) subscriber(fresh);
    }
  }

  /** Stops listening and drops every subscriber. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#subscribers.clear();
    await this.#started?.catch(() => undefined);
    await this.#stop?.().catch(() => undefined);
    await this.#pumping;
  }
}

/** One event in the text/event-stream format. */
export function formatEvent(event: ChangeEvent): string {
  return `id: ${event.id}\nevent: ${event.type.replace(/[\r\n]/g, ' ')}\ndata: ${JSON.stringify(event.data ?? null)}\n\n`;
}

/** An event id, as Last-Event-ID carries it. */
const EventId = v.pipe(v.string(), v.trim(), v.regex(/^\d{1,15}$/, 'Last-Event-ID must be an event id (a whole number) this server sent.'), v.transform(Number));
/** Query of the stream: `lastEventId` to resume, `access_token` for EventSource, which cannot set headers. */
export const StreamQuery = v.object({
  lastEventId: v.optional(EventId),
  access_token: v.optional(v.pipe(v.string(), v.maxLength(200, 'The access token is too long.'))),
});

export interface StreamOptions {
  /** Milliseconds between keep-alive comments (default 15 s). */
  readonly heartbeatMs?: number;
  /** Streams one client may hold open at once (see stream-limit.ts). */
  readonly limits?: StreamLimits;
}

/** Seconds a client refused for holding too many streams is asked to wait. */
const FULL_RETRY_S = 30;

const encoder = new TextEncoder();

function fail(error: unknown): Response {
  if (error instanceof HttpError) return problemResponse(error.problem, { ...CORS_HEADERS, ...error.headers });
  throw error;
}

/** The response for one client: replay after `after` (or nothing when null), then live events. */
function eventStream(services: Services, hub: EventHub, audiences: readonly Audience[], after: number | null, heartbeatMs: number, end: () => void): Response {
  let unsubscribe: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  const cleanup = () => {
    closed = true;
    end();
    unsubscribe?.();
    unsubscribe = undefined;
    if (heartbeat) clearInterval(heartbeat);
  };
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
      // Live events that arrive while the replay runs wait here.
      let buffer: ChangeEvent[] | null = [];
      const allowed = (e: ChangeEvent) => audiences.includes(e.audience);
      let from = 0;
      const replayed = new Set<number>();
      const deliver = (events: readonly ChangeEvent[]) => {
        for (const e of events) if (allowed(e) && e.id > from && !replayed.has(e.id)) send(formatEvent(e));
      };
      try {
        unsubscribe = await hub.subscribe((events) => (buffer ? buffer.push(...events) : deliver(events)));
        if (closed) return cleanup();
        // An id from the future (the database was replaced) counts from the newest event.
        from = after === null ? await hub.head() : Math.min(after, await hub.head());
        // Subscribed: from here on nothing is missed. The first comment says so, and its id is the
        // point to resume from, so a client that reconnects before any event came misses none.
        send(`: hansei events\nretry: 3000\nid: ${from}\n\n`);
        if (after !== null) {
          for (let cursor = from; !closed; ) {
            const page = await eventsAfter(services.db, cursor, audiences, BATCH);
            for (const e of page) {
              replayed.add(e.id);
              send(formatEvent(e));
            }
            const last = page.at(-1);
            if (page.length < BATCH || !last) break;
            cursor = last.id;
          }
        }
        const waiting = buffer;
        buffer = null;
        deliver(waiting);
      } catch (error) {
        console.error('hansei: an event stream failed', error);
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      }
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      ...CORS_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store',
      'x-accel-buffering': 'no',
      vary: 'authorization',
    },
  });
}

/**
 * Mounts `GET /v1/stream` on `app`, served from `hub`; returns the count of open streams.
 * `trustProxy` says how the client's address is read (as the rate limiter reads it).
 */
export function mountStream(app: Hono, services: Services, hub: EventHub, options: StreamOptions = {}, trustProxy: boolean | number = false): OpenStreams {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const open = new OpenStreams(options.limits);
  app.get(STREAM_PATH, async (c: Context) => {
    try {
      const query = validate(StreamQuery, c.req.query());
      if (!query.ok) throw invalid(query.issues, 'query');
      const header = c.req.header('last-event-id');
      let after = query.value.lastEventId ?? null;
      if (header !== undefined && header.trim() !== '') {
        const id = validate(EventId, header);
        if (!id.ok) throw invalid(id.issues.map((issue) => ({ ...issue, path: 'Last-Event-ID' })), 'headers');
        after = id.value;
      }
      const token = query.value.access_token;
      const authorization = c.req.header('authorization') ?? (token !== undefined ? `Bearer ${token}` : null);
      const caller = await resolveCaller(services, authorization);
      const client: StreamClient = caller ? { token: caller.tokenId } : { address: clientKey(clientAddress(c, trustProxy)) };
      const end = open.open(client);
      if (!end) {
        const limit = open.limitOf(client);
        throw new HttpError(
          problem(429, 'too-many-streams', 'Too Many Event Streams', `This ${caller ? 'token' : 'address'} holds ${limit} event streams open already, the most one client may. Close a page that follows live changes, or try again later.`, { limit }),
          { 'retry-after': String(FULL_RETRY_S) },
        );
      }
      return eventStream(services, hub, caller ? ALL : PUBLIC_ONLY, after, heartbeatMs, end);
    } catch (error) {
      return fail(error);
    }
  });
  app.options(STREAM_PATH, preflight);
  return open;
}
