// The RestAdapter at the edge of the world: a real node:http server per test answers with the
// fault under test (refused connections, 5xx, Retry-After, slowness, bad bodies, problems, dropped
// event streams). Every call either recovers or ends in a typed HanseiError, and nothing is lost.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import { TEST_NOW, databasesUnderTest, seedDemo, startTestApi, type TestApi } from '@hansei/api/testing';
import type { Component, Stored } from '@hansei/core';
import { HanseiError, RestAdapter, type Change, type ErrorKind, type LiveState, type RestAdapterOptions } from '@hansei/adapters';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

type Handler = (request: IncomingMessage, response: ServerResponse, n: number, seen: Seen) => void;

interface Fault {
  readonly url: string;
  /** Every request the server received, in order. */
  readonly seen: Seen[];
  close(): Promise<void>;
}

const open: Fault[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((fault) => fault.close()));
});

/** A server on a loopback port whose `handler` decides each answer (n counts requests from 1). */
async function serve(handler: Handler): Promise<Fault> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const one: Seen = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString() };
      seen.push(one);
      handler(request, response, seen.length, one);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fault: Fault = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(fault);
  return fault;
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

const problem = (status: number, detail: string, extra: Record<string, unknown> = {}) => ({ type: 'about:blank', title: 'Problem', status, detail, ...extra });

const COMPONENT = {
  id: 'cmp_1',
  name: 'API',
  description: null,
  status: 'operational',
  groupId: null,
  position: 0,
  showcase: true,
  onlyShowIfDegraded: false,
  startDate: null,
  createdAt: '2026-11-25T09:00:00.000Z',
  updatedAt: '2026-11-25T09:00:00.000Z',
  version: 3,
};

/** An adapter for `fault` that retries fast (tests wait for no real backoff unless they say so). */
function adapter(fault: Pick<Fault, 'url'>, options: Partial<RestAdapterOptions> = {}): RestAdapter {
  return new RestAdapter({ baseUrl: fault.url, random: () => 0.5, retries: { baseMs: 2, maxMs: 10 }, ...options });
}

/** Asserts that `promise` rejects with a HanseiError of `kind`, and returns it. */
async function failsWith(promise: Promise<unknown>, kind: ErrorKind): Promise<HanseiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof HanseiError, `expected a HanseiError, got ${String(error)}`);
    assert.equal(error.kind, kind, `kind: ${error.message}`);
    return error;
  }
  assert.fail(`expected a rejection with kind ${kind}`);
}

describe('RestAdapter against faults', () => {
  it('server down: connection refused ends as kind network after the retries', async () => {
    const gone = await serve(() => undefined);
    await gone.close();
    open.length = 0;
    let calls = 0;
    const counting: typeof fetch = (...args) => {
      calls++;
      return fetch(...args);
    };
    const error = await failsWith(adapter(gone, { fetch: counting }).listComponents(), 'network');
    assert.equal(calls, 3, 'a GET is tried three times');
    assert.equal(error.transient, true);
    assert.match(error.message, /Could not reach http:\/\/127\.0\.0\.1:\d+: check the connection/);
  });

  it('500 is not retried and keeps the problem', async () => {
    const fault = await serve((_q, r) => json(r, 500, problem(500, 'The database is on fire.')));
    const error = await failsWith(adapter(fault).listComponents(), 'server');
    assert.equal(fault.seen.length, 1);
    assert.equal(error.status, 500);
    assert.equal(error.message, 'The database is on fire.');
  });

  it('503 with Retry-After is retried after the time asked for, then succeeds', async () => {
    const fault = await serve((_q, r, n) => (n === 1 ? json(r, 503, problem(503, 'Restarting.'), { 'retry-after': '1' }) : json(r, 200, { data: [COMPONENT] })));
    // A backoff of 30 s would outlast the test's timeout: only honouring Retry-After (1 s) passes.
    const patient = adapter(fault, { retries: { baseMs: 60_000, maxMs: 60_000 } });
    assert.deepEqual(await patient.listComponents(), [COMPONENT]);
    assert.equal(fault.seen.length, 2);
  });

  it('503 every time exhausts the attempts to kind unavailable with retryAfterMs', async () => {
    const fault = await serve((_q, r) => json(r, 503, problem(503, 'Down for maintenance.'), { 'retry-after': '120' }));
    const error = await failsWith(adapter(fault, { retries: { attempts: 4, retryAfterMaxMs: 5 } }).getIncident('inc_1'), 'unavailable');
    assert.equal(fault.seen.length, 4);
    assert.equal(error.retryAfterMs, 120_000);
    assert.equal(error.message, 'Down for maintenance.');
  });

  it('429, 502 and 504 are retried too; 400-class answers are not', async () => {
    const statuses = [429, 502, 504];
    const fault = await serve((_q, r, n) => (n <= 3 ? json(r, statuses[n - 1] ?? 500, problem(503, 'Busy.')) : json(r, 200, { data: [] })));
    assert.deepEqual(await adapter(fault, { retries: { attempts: 4, baseMs: 1, maxMs: 2 } }).listComponents(), []);
    assert.equal(fault.seen.length, 4);
    const notFound = await serve((_q, r) => json(r, 404, problem(404, 'No such incident.')));
    await failsWith(adapter(notFound).getIncident('inc_x'), 'not_found');
    assert.equal(notFound.seen.length, 1);
  });

  it('a response slower than the timeout ends as kind timeout (each attempt timed)', async () => {
    const fault = await serve(() => undefined); // never answers
    const error = await failsWith(adapter(fault, { timeoutMs: 50, retries: { attempts: 2, baseMs: 1, maxMs: 1 } }).listComponents(), 'timeout');
    assert.equal(fault.seen.length, 2);
    assert.match(error.message, /GET \/v1\/components got no answer within 50 ms/);
    const slowBody = await serve((_q, r) => {
      r.writeHead(200, { 'content-type': 'application/json' });
      r.write('{"data": ['); // and the rest never comes
    });
    await failsWith(adapter(slowBody).listComponents({ timeoutMs: 50 }), 'timeout');
  });

  it('malformed JSON, a wrong content type or a non-object body end as kind bad_response', async () => {
    const malformed = await serve((_q, r) => {
      r.writeHead(200, { 'content-type': 'application/json' });
      r.end('{"data": [');
    });
    const error = await failsWith(adapter(malformed).listComponents(), 'bad_response');
    assert.match(error.message, /GET \/v1\/components answered with malformed JSON/);
    assert.equal(malformed.seen.length, 1, 'not retried');

    const html = await serve((_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html' });
      r.end('<html>Welcome to nginx</html>');
    });
    assert.match((await failsWith(adapter(html).listComponents(), 'bad_response')).message, /with text\/html instead of JSON/);

    const array = await serve((_q, r) => json(r, 200, [1, 2]));
    await failsWith(adapter(array).getIncident('inc_1'), 'bad_response');
  });

  it('401, 403 and 409 become unauthorized, forbidden and conflict with their problems', async () => {
    const cases: [number, ErrorKind][] = [
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [409, 'conflict'],
    ];
    for (const [status, kind] of cases) {
      const fault = await serve((_q, r) => json(r, status, problem(status, `Because ${status}.`, status === 409 ? { errors: [{ path: 'name', message: 'Taken.' }] } : {})));
      const error = await failsWith(adapter(fault, { token: () => 'secret' }).createComponent({ name: 'API' }), kind);
      assert.equal(error.status, status);
      assert.equal(error.message, `Because ${status}.`);
      assert.equal(fault.seen.length, 1);
      assert.equal(fault.seen[0]?.headers.authorization, 'Bearer secret');
      if (status === 409) assert.deepEqual(error.fieldErrors, [{ path: 'name', message: 'Taken.' }]);
    }
  });

  it('422 field issues arrive as fieldErrors', async () => {
    const fault = await serve((_q, r) => json(r, 422, problem(422, 'Fix the fields.', { errors: [{ path: 'components.0.status', message: 'Unknown status.' }] })));
    const error = await failsWith(adapter(fault).createComponent({ name: 'API' }), 'validation');
    assert.deepEqual(error.fieldErrors, [{ path: 'components.0.status', message: 'Unknown status.' }]);
  });

  it('writes send If-Match of the version; 412 is a conflict whose current is the entity now', async () => {
    const current = { ...COMPONENT, name: 'Changed meanwhile', version: 4 };
    const fault = await serve((_q, r) => json(r, 412, problem(412, 'Someone changed it.', { current, currentEtag: '"4"' })));
    const error = await failsWith(adapter(fault).updateComponent('cmp_1', { name: 'Mine' }, 3), 'conflict');
    assert.equal(fault.seen[0]?.headers['if-match'], '"3"');
    assert.equal(fault.seen[0]?.method, 'PATCH');
    assert.equal(fault.seen[0]?.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(fault.seen[0]?.body ?? ''), { name: 'Mine' });
    assert.deepEqual(error.current, current);
    assert.equal(fault.seen.length, 1, 'a PATCH without an Idempotency-Key is not retried');
  });

  it('abort mid-request ends as kind aborted, at once and without a retry', async () => {
    const controller = new AbortController();
    const fault = await serve(() => controller.abort(new Error('the person left the page')));
    const error = await failsWith(adapter(fault).listComponents({ signal: controller.signal }), 'aborted');
    assert.equal(fault.seen.length, 1);
    assert.equal((error.cause as Error).message, 'the person left the page');
    await failsWith(adapter(fault).listComponents({ signal: controller.signal }), 'aborted');
    assert.equal(fault.seen.length, 1, 'an already aborted signal sends nothing');
  });

  it('abort during the wait between retries ends as kind aborted', async () => {
    const controller = new AbortController();
    const fault = await serve((_q, r) => {
      json(r, 503, problem(503, 'Busy.'), { 'retry-after': '60' });
      setTimeout(() => controller.abort(), 20);
    });
    await failsWith(adapter(fault, { retries: { retryAfterMaxMs: 60_000 } }).listComponents({ signal: controller.signal }), 'aborted');
    assert.equal(fault.seen.length, 1);
  });

  it('a POST without an Idempotency-Key is never retried', async () => {
    const fault = await serve((_q, r) => json(r, 503, problem(503, 'Busy.')));
    await failsWith(adapter(fault).createToken({ name: 'ci', role: 'viewer' }), 'unavailable');
    await failsWith(adapter(fault).ingestSamples('slo_1', [{ at: 1, good: 1, total: 1 }]), 'unavailable');
    assert.equal(fault.seen.length, 2);
    assert.ok(fault.seen.every((s) => s.headers['idempotency-key'] === undefined));
  });

  it('a create sends an Idempotency-Key and retries with the same one', async () => {
    const fault = await serve((_q, r, n) => (n === 1 ? (r.socket?.destroy(), undefined) : json(r, 201, COMPONENT)));
    assert.deepEqual(await adapter(fault).createComponent({ name: 'API' }), COMPONENT);
    assert.equal(fault.seen.length, 2);
    const [first, second] = fault.seen.map((s) => s.headers['idempotency-key']);
    assert.equal(typeof first, 'string');
    assert.match(String(first), /^[\x21-\x7e]{1,200}$/);
    assert.equal(second, first);
    await adapter(fault).createComponent({ name: 'API' }, { idempotencyKey: 'mine-1' });
    assert.equal(fault.seen[2]?.headers['idempotency-key'], 'mine-1');
    await adapter(fault).createComponent({ name: 'API' });
    assert.notEqual(fault.seen[3]?.headers['idempotency-key'], first, 'each create has its own key');
  });

  it('revalidates reads with the ETag and reuses the body on 304, per token', async () => {
    const fault = await serve((q, r) => {
      if (q.headers['if-none-match'] === '"3"') return void r.writeHead(304, { etag: '"3"' }).end();
      json(r, 200, COMPONENT, { etag: '"3"' });
    });
    let token = 'one';
    const rest = adapter(fault, { token: () => token });
    const first = await rest.getIncident('cmp_1');
    const again = await rest.getIncident('cmp_1');
    assert.deepEqual(again, first);
    assert.notEqual(again, first, 'each call gets its own copy');
    assert.equal(fault.seen[1]?.headers['if-none-match'], '"3"');
    token = 'two';
    await rest.getIncident('cmp_1');
    assert.equal(fault.seen[2]?.headers['if-none-match'], undefined, 'another token does not share the cache');
  });

  it('a PATCH answer refreshes the cached read of the same URL; a DELETE drops it', async () => {
    const fault = await serve((q, r) => {
      if (q.method === 'PATCH') return json(r, 200, { ...COMPONENT, version: 4 }, { etag: '"4"' });
      if (q.method === 'DELETE') return void r.writeHead(204).end();
      if (q.headers['if-none-match'] === '"4"') return void r.writeHead(304, { etag: '"4"' }).end();
      json(r, 200, COMPONENT, { etag: '"3"' });
    });
    const rest = adapter(fault);
    await rest.getMaintenance('mnt_1');
    await rest.updateMaintenance('mnt_1', {}, 3);
    assert.equal((await rest.getMaintenance('mnt_1')).version, 4);
    assert.equal(fault.seen[2]?.headers['if-none-match'], '"4"');
    assert.equal(fault.seen[2]?.url, '/v1/maintenances/mnt_1');
    await rest.deleteMaintenance('mnt_1', 4);
    await rest.getMaintenance('mnt_1');
    assert.equal(fault.seen[4]?.headers['if-none-match'], undefined);
  });

  it('asks the token provider on every request; a failing provider is kind unauthorized', async () => {
    const fault = await serve((_q, r) => json(r, 200, { data: [] }));
    let n = 0;
    const rest = adapter(fault, { token: () => Promise.resolve(`t${++n}`) });
    await rest.listComponents();
    await rest.listComponentGroups();
    assert.deepEqual(
      fault.seen.map((s) => s.headers.authorization),
      ['Bearer t1', 'Bearer t2'],
    );
    await failsWith(
      adapter(fault, {
        token: () => {
          throw new Error('logged out');
        },
      }).listComponents(),
      'unauthorized',
    );
    await adapter(fault, { token: () => null }).listComponents();
    assert.equal(fault.seen[2]?.headers.authorization, undefined);
  });

  it('sends queries with repeated names for lists, and deletes answer nothing', async () => {
    const fault = await serve((q, r) => (q.method === 'DELETE' ? void r.writeHead(204).end() : json(r, 200, { data: [], nextCursor: null })));
    await adapter(fault).listIncidents({ status: ['investigating', 'identified'], open: true, limit: 10 });
    assert.equal(fault.seen[0]?.url, '/v1/incidents?status=investigating&status=identified&open=true&limit=10');
    assert.equal(await adapter(fault).deleteAction('act/1', 2), undefined);
    assert.equal(fault.seen[1]?.url, '/v1/actions/act%2F1');
    assert.equal(fault.seen[1]?.headers['if-match'], '"2"');
  });
});

/** Writes one event in the text/event-stream format. */
const event = (id: number, type: string, data: unknown) => `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
const changed = (n: number) => ({ component: { ...COMPONENT, name: `v${n}`, version: n } });

/** Resolves when `check` holds, polling on a short timer (gives up after 5 s). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('RestAdapter live changes against faults', () => {
  it('a stream that drops mid-way reconnects with Last-Event-ID and gets the missed event once', async () => {
    const fault = await serve((_q, r, n) => {
      r.writeHead(200, { 'content-type': 'text/event-stream' });
      if (n === 1) {
        r.write(': hansei events\nretry: 5\n\n');
        r.write(event(1, 'component.updated', changed(1)));
        r.write(event(2, 'component.updated', changed(2)));
        // Event 3 is cut off half-way, then the connection drops.
        r.write(event(3, 'component.updated', changed(3)).slice(0, 30));
        setTimeout(() => r.socket?.destroy(), 20);
      } else {
        // The server replays what came after Last-Event-ID: 3, then a live one; 2 comes again by mistake.
        r.write(event(2, 'component.updated', changed(2)));
        r.write(event(3, 'component.updated', changed(3)));
        r.write(event(4, 'component.updated', changed(4)));
      }
    });
    const changes: Change[] = [];
    const states: LiveState['state'][] = [];
    const rest = adapter(fault, { token: () => 'live' });
    const stop = rest.subscribe((change) => changes.push(change), { onState: (s) => states.push(s.state) });
    await until(() => changes.length >= 4, 'four changes');
    stop();
    assert.deepEqual(
      changes.map((c) => (c.type === 'component.updated' ? c.data.component.name : c.type)),
      ['v1', 'v2', 'v3', 'v4'],
    );
    assert.equal(fault.seen.length, 2);
    assert.equal(fault.seen[0]?.headers['last-event-id'], undefined);
    assert.equal(fault.seen[1]?.headers['last-event-id'], '2');
    assert.equal(fault.seen[1]?.headers.authorization, 'Bearer live');
    assert.equal(fault.seen[1]?.headers.accept, 'text/event-stream');
    assert.deepEqual(states, ['connecting', 'open', 'retrying', 'connecting', 'open', 'closed']);
  });

  it('one connection serves every subscriber; it closes with the last one', async () => {
    let closed = 0;
    const fault = await serve((_q, r) => {
      r.on('close', () => closed++);
      r.writeHead(200, { 'content-type': 'text/event-stream' });
      r.write(': hansei events\n\n');
      setTimeout(() => r.write(event(1, 'component.deleted', { id: 'cmp_1' })), 30);
    });
    const rest = adapter(fault);
    const a: Change[] = [];
    const b: Change[] = [];
    const bStates: string[] = [];
    const controller = new AbortController();
    const stopA = rest.subscribe((c) => a.push(c));
    rest.subscribe((c) => b.push(c), { signal: controller.signal, onState: (s) => bStates.push(s.state) });
    await until(() => a.length === 1 && b.length === 1, 'both subscribers to hear the change');
    assert.equal(fault.seen.length, 1);
    assert.deepEqual(a, [{ type: 'component.deleted', data: { id: 'cmp_1' } }]);
    stopA();
    assert.equal(closed, 0, 'still one subscriber');
    controller.abort();
    await until(() => closed === 1, 'the connection to close');
    assert.equal(bStates.at(-1), 'closed');
    assert.equal(fault.seen.length, 1);
  });

  it('an error answer or a wrong content type is retried with backoff, reported through onState', async () => {
    const fault = await serve((_q, r, n) => {
      if (n === 1) return json(r, 503, problem(503, 'Starting up.'));
      if (n === 2) return void r.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
      r.writeHead(200, { 'content-type': 'text/event-stream' });
      r.write(event(9, 'demo.seeded', { replaced: true }));
    });
    const errors: HanseiError[] = [];
    const changes: Change[] = [];
    const stop = adapter(fault, { live: { baseMs: 2 } }).subscribe((c) => changes.push(c), {
      onState: (s) => {
        if (s.state === 'retrying') errors.push(s.error as HanseiError);
      },
    });
    await until(() => changes.length === 1, 'the change after two failures');
    stop();
    assert.deepEqual(
      errors.map((e) => e.kind),
      ['unavailable', 'bad_response'],
    );
  });

  it('a silent connection is taken as lost and replaced', async () => {
    const fault = await serve((_q, r, n) => {
      r.writeHead(200, { 'content-type': 'text/event-stream' });
      if (n === 1) r.write(event(1, 'person.deleted', { id: 'per_1' }));
      else r.write(event(2, 'person.deleted', { id: 'per_2' }));
    });
    const changes: Change[] = [];
    const stop = adapter(fault, { live: { idleMs: 300, baseMs: 1 } }).subscribe((c) => changes.push(c));
    await until(() => changes.length === 2, 'the change from the second connection');
    stop();
    assert.equal(fault.seen[1]?.headers['last-event-id'], '1');
  });

  it('a signal aborted before subscribing only reports closed', () => {
    const states: string[] = [];
    const stop = adapter({ url: 'http://127.0.0.1:9' }).subscribe(() => undefined, { signal: AbortSignal.abort(), onState: (s) => states.push(s.state) });
    stop();
    assert.deepEqual(states, ['closed']);
  });
});

// A few happy paths against the real API (PGlite); the shared behavioural suite covers the rest.
describe('RestAdapter against the real API (PGlite)', () => {
  let api: TestApi;
  const pglite = databasesUnderTest().find((d) => d.name === 'pglite');
  before(async () => {
    assert.ok(pglite, 'PGlite is always among the databases under test');
    api = await startTestApi(() => pglite.open(), { public: { rateLimit: false } });
    await seedDemo(api.db, TEST_NOW);
  });
  after(() => api?.close());

  const as = (role: 'viewer' | 'responder' | 'admin' | null, options: Partial<RestAdapterOptions> = {}) =>
    new RestAdapter({ baseUrl: api.url, token: () => (role ? api.tokens[role] : null), ...options });

  it('reads the public page anonymously: session, status, uptime, components', async () => {
    const anonymous = as(null);
    assert.deepEqual(await anonymous.session(), { role: null, token: null });
    const snapshot = await anonymous.status();
    assert.ok(snapshot.components.length > 0);
    assert.equal(typeof snapshot.status.description, 'string');
    const uptime = await anonymous.uptime({ days: 7, timeZone: 'Asia/Tokyo' });
    assert.deepEqual(uptime.map((u) => u.componentId).sort(), snapshot.components.map((c) => c.id).sort());
    assert.ok(uptime.every((u) => u.days.length === 7));
    const components = await anonymous.listComponents();
    assert.ok(components.every((c) => Number.isInteger(c.version) && c.version > 0));
    await failsWith(anonymous.listPeople(), 'unauthorized');
    await failsWith(as('viewer').createComponent({ name: 'Nope' }), 'forbidden');
    assert.equal((await as('viewer').session()).role, 'viewer');
  });

  it('creates, updates with the version, and reports a stale version as a conflict with the current entity', async () => {
    const admin = as('admin');
    const created = await admin.createComponent({ name: 'Checkout' });
    assert.equal(created.version, 1);
    const renamed = await admin.updateComponent(created.id, { name: 'Checkout API' }, created.version);
    assert.equal(renamed.version, 2);
    const stale = await failsWith(admin.updateComponent(created.id, { name: 'Lost update' }, created.version), 'conflict');
    const current = stale.current as Stored<Component>;
    assert.equal(current.name, 'Checkout API');
    assert.equal(current.version, 2);
    await failsWith(admin.deleteComponent(created.id, 1), 'conflict');
    await admin.deleteComponent(created.id, 2);
    await failsWith(admin.getIncident('inc_missing'), 'not_found');
  });

  it('revalidates reads with ETags (the server answers 304)', async () => {
    const statuses: number[] = [];
    const watching: typeof fetch = async (...args) => {
      const response = await fetch(...args);
      statuses.push(response.status);
      return response;
    };
    const viewer = as('viewer', { fetch: watching });
    const [first] = (await viewer.listIncidents({ limit: 1 })).data;
    assert.ok(first);
    const one = await viewer.getIncident(first.id);
    const again = await viewer.getIncident(first.id);
    assert.deepEqual(again, one);
    assert.deepEqual(statuses.slice(-2), [200, 304]);
  });

  it('replaces a settings document with the ETag it last read; a change in between is a conflict', async () => {
    const mine = as('admin');
    const theirs = as('admin');
    const page = await mine.getPage();
    await theirs.getPage();
    const { name, url, timeZone } = page;
    const changed = await theirs.replacePage({ name: `${name} (theirs)`, url, timeZone });
    assert.equal(changed.name, `${name} (theirs)`);
    await failsWith(mine.replacePage({ name: `${name} (mine)`, url, timeZone }), 'conflict');
    assert.equal((await mine.getPage()).name, `${name} (theirs)`);
    assert.equal((await mine.replacePage({ name: `${name} (mine)`, url, timeZone })).name, `${name} (mine)`);
    // The answer of a replace is what the next one builds on: no read in between is needed.
    assert.equal((await mine.replacePage({ name, url, timeZone })).name, name);
    await failsWith(theirs.replacePage({ name: `${name} (stale)`, url, timeZone }), 'conflict');
  });

  it('delivers live changes made by someone else, and stops on unsubscribe', async () => {
    const admin = as('admin');
    const changes: Change[] = [];
    const states: string[] = [];
    const stop = as('viewer').subscribe((change) => changes.push(change), { onState: (s) => states.push(s.state) });
    await until(() => states.includes('open'), 'the stream to open');
    const created = await admin.createComponent({ name: 'Search' });
    await admin.updateComponent(created.id, { status: 'partial_outage' }, created.version);
    await until(() => changes.some((c) => c.type === 'component.updated'), 'component.updated');
    const updated = changes.find((c) => c.type === 'component.updated');
    assert.ok(updated?.type === 'component.updated');
    assert.equal(updated.data.component.id, created.id);
    assert.equal(updated.data.component.status, 'partial_outage');
    assert.equal(updated.data.component.version, 2);
    stop();
    assert.equal(states.at(-1), 'closed');
  });
});
