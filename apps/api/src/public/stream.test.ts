import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPostgres } from '../db/postgres.js';
import { databasesUnderTest, freshPostgresUrl } from '../testing/postgres.js';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { publishEvent } from '../testing/public.js';
import { formatEvent } from './stream.js';

interface SseEvent {
  readonly id: string;
  readonly event: string;
  readonly data: unknown;
}

/** A minimal EventSource over fetch: collects events and comments. */
class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  /** Ids of blocks without data: points to resume from. */
  readonly marks: string[] = [];
  readonly #abort = new AbortController();
  #buffer = '';
  #wake: (() => void) | undefined;
  #done: Promise<void> = Promise.resolve();

  static async open(url: string, headers: Record<string, string> = {}): Promise<{ client: SseClient; response: Response }> {
    const client = new SseClient();
    const response = await fetch(url, { headers, signal: client.#abort.signal });
    if (response.ok && response.body) {
      client.#done = client.#read(response.body);
      await client.waitFor(() => client.comments.some((c) => c.startsWith('hansei events')), 'the ready comment');
    }
    return { client, response };
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body) {
        this.#buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
          const block = this.#buffer.slice(0, end);
          this.#buffer = this.#buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
            else {
              const colon = line.indexOf(':');
              fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
            }
          }
          if (fields['data'] !== undefined) this.events.push({ id: fields['id'] ?? '', event: fields['event'] ?? 'message', data: JSON.parse(fields['data']) });
          else if (fields['id'] !== undefined) this.marks.push(fields['id']);
          this.#wake?.();
        }
      }
    } catch {
      // Aborted.
    }
  }

  /** Resolves once `ready()` holds; fails after `ms`. */
  async waitFor(ready: () => boolean, what: string, ms = 5_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!ready()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; events: ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        setTimeout(resolve, 25);
      });
    }
  }

  types(): string[] {
    return this.events.map((e) => e.event);
  }

  async close(): Promise<void> {
    this.#abort.abort();
    await this.#done;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

for (const { name, open } of databasesUnderTest()) {
  describe(`event stream (${name})`, () => {
    let api: TestApi;
    const clients: SseClient[] = [];
    const connect = async (path = '/v1/stream', headers: Record<string, string> = {}) => {
      const { client, response } = await SseClient.open(`${api.url}${path}`, headers);
      assert.equal(response.status, 200, `${path}: ${response.status}`);
      clients.push(client);
      return { client, response };
    };
    before(async () => {
      api = await startTestApi(open, { public: { rateLimit: false, stream: { heartbeatMs: 100 } } });
    });
    after(async () => {
      await Promise.all(clients.map((c) => c.close()));
      await api?.close();
    });

    it('streams public events to anonymous clients and every event to token holders', async () => {
      const { client: anonymous, response } = await connect();
      assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      assert.match(response.headers.get('cache-control') ?? '', /no-cache/);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      const { client: viewer } = await connect('/v1/stream', { authorization: `Bearer ${api.tokens.viewer}` });
      const { client: query } = await connect(`/v1/stream?access_token=${encodeURIComponent(api.tokens.responder)}`);
      await publishEvent(api.db, 'internal', 'timeline.added', { secret: 'internal note' });
      const publicId = await publishEvent(api.db, 'public', 'incident.updated', { title: 'Slow <checkout>\nline two' });
      await viewer.waitFor(() => viewer.events.length === 2, 'two events for the viewer');
      await query.waitFor(() => query.events.length === 2, 'two events with ?access_token=');
      await anonymous.waitFor(() => anonymous.events.length === 1, 'one event for anonymous');
      assert.deepEqual(viewer.types(), ['timeline.added', 'incident.updated']);
      assert.deepEqual(anonymous.events, [{ id: String(publicId), event: 'incident.updated', data: { title: 'Slow <checkout>\nline two' } }]);
      // A change through the API: a hidden component is internal news, a shown one public.
      await api.request('POST', '/v1/components', { as: 'admin', body: { name: 'Hidden', showcase: false } });
      await api.request('POST', '/v1/components', { as: 'admin', body: { name: 'Shown' } });
      await viewer.waitFor(() => viewer.events.length === 4, 'the component events');
      await anonymous.waitFor(() => anonymous.events.length === 2, 'the public component event');
      assert.equal((anonymous.events[1]?.data as unknown as { component: { name: string } }).component.name, 'Shown');
      await sleep(50);
      assert.equal(anonymous.events.length, 2, 'nothing internal followed');
    });

    it('sends keep-alive comments', async () => {
      const { client } = await connect();
      await client.waitFor(() => client.comments.includes('heartbeat'), 'a heartbeat');
    });

    it('resumes after Last-Event-ID (header or query) with only the later events, then streams live', async () => {
      const first = await publishEvent(api.db, 'public', 'resume.one');
      const second = await publishEvent(api.db, 'internal', 'resume.two');
      const third = await publishEvent(api.db, 'public', 'resume.three');
      const { client: anonymous } = await connect('/v1/stream', { 'last-event-id': String(first) });
      await anonymous.waitFor(() => anonymous.events.length >= 1, 'the replay');
      const { client: viewer } = await connect(`/v1/stream?lastEventId=${first}&access_token=${api.tokens.viewer}`);
      await viewer.waitFor(() => viewer.events.length >= 2, 'the replay');
      const fourth = await publishEvent(api.db, 'public', 'resume.four');
      await anonymous.waitFor(() => anonymous.events.length === 2, 'the live event');
      await viewer.waitFor(() => viewer.events.length === 3, 'the live event');
      assert.deepEqual(anonymous.events.map((e) => Number(e.id)), [third, fourth]);
      assert.deepEqual(viewer.events.map((e) => Number(e.id)), [second, third, fourth]);
      const { client: future } = await connect('/v1/stream', { 'last-event-id': '999999999' });
      const fifth = await publishEvent(api.db, 'public', 'resume.five');
      await future.waitFor(() => future.events.length === 1, 'events after a future id');
      assert.equal(Number(future.events[0]?.id), fifth);
    });

    it('names the point to resume from as it opens, so a client that reconnects before any event misses none', async () => {
      const before = await publishEvent(api.db, 'public', 'mark.before');
      const { client: first } = await connect();
      assert.deepEqual(first.marks, [String(before)]);
      await first.close();
      const missed = await publishEvent(api.db, 'public', 'mark.missed');
      const { client: again } = await connect('/v1/stream', { 'last-event-id': first.marks[0]! });
      await again.waitFor(() => again.events.length === 1, 'the event made while away');
      assert.deepEqual(again.events.map((e) => [Number(e.id), e.event]), [[missed, 'mark.missed']]);
      assert.deepEqual(again.marks, [String(before)]);
    });

    it('refuses bad tokens and bad event ids', async () => {
      const bad = await api.request('GET', '/v1/stream', { authorization: 'Bearer hsk_nope' });
      assert.equal(bad.status, 401);
      assert.equal(bad.headers.get('content-type'), 'application/problem+json');
      assert.equal((await api.request('GET', '/v1/stream?access_token=hsk_nope')).status, 401);
      const badId = await api.request('GET', '/v1/stream', { headers: { 'last-event-id': 'abc' } });
      assert.equal(badId.status, 422);
      assert.deepEqual(badId.body.errors.map((e: { path: string }) => e.path), ['Last-Event-ID']);
      const badQuery = await api.request('GET', '/v1/stream?lastEventId=-1');
      assert.equal(badQuery.status, 422);
      assert.deepEqual(badQuery.body.errors.map((e: { path: string }) => e.path), ['lastEventId']);
    });

    it('lets go of a client that disconnects', async () => {
      const hub = api.surface?.hub;
      assert.ok(hub);
      await Promise.all(clients.splice(0).map((c) => c.close()));
      await eventually(() => hub.size === 0, 'every subscriber gone');
      const { client } = await connect();
      assert.equal(hub.size, 1);
      await client.close();
      await eventually(() => hub.size === 0, 'the subscriber gone');
    });
  });
}

describe('event stream across processes (postgres)', () => {
  const postgres = databasesUnderTest().find((d) => d.name === 'postgres');
  it('delivers an event written through one server to clients of another, and refreshes its cache', { skip: !postgres && 'no PostgreSQL' }, async () => {
    const url = await freshPostgresUrl();
    const one = await startTestApi(() => openPostgres(url), { public: { rateLimit: false } });
    const two = await startTestApi(() => openPostgres(url), { public: { rateLimit: false } });
    const { client } = await SseClient.open(`${two.url}/v1/stream`);
    try {
      const before = await two.request('GET', '/api/v2/components.json');
      assert.deepEqual(before.body.components, []);
      const created = await one.request('POST', '/v1/components', { as: 'admin', body: { name: 'Across' } });
      assert.equal(created.status, 201);
      await client.waitFor(() => client.events.some((e) => e.event === 'component.created'), 'the event from the other server');
      await eventually(async () => (await two.request('GET', '/api/v2/components.json')).body.components.length === 1, "the other server's summary");
    } finally {
      await client.close();
      await two.close();
      await one.close();
    }
  });
});

describe('formatEvent', () => {
  it('writes id, event and one data line of JSON', () => {
    assert.equal(formatEvent({ id: 7, audience: 'public', type: 'a\nb', at: '', data: { text: 'x\ny' } }), 'id: 7\nevent: a b\ndata: {"text":"x\\ny"}\n\n');
  });
});
