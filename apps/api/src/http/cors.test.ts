import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPglite } from '../db/pglite.js';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { parseCorsOrigins } from './cors.js';

const ADMIN = 'https://admin.example.com';

describe('CORS for /v1: pages on other origins', () => {
  let api: TestApi;
  let closed: TestApi;
  before(async () => {
    api = await startTestApi(() => openPglite(), { public: true, corsOrigins: [ADMIN, 'http://localhost:5173'] });
    closed = await startTestApi(() => openPglite(), { public: true });
  });
  after(async () => {
    await api?.close();
    await closed?.close();
  });

  const preflight = (target: TestApi, origin: string, method = 'PATCH') =>
    fetch(`${target.url}/v1/incidents/inc_1`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type, if-match, idempotency-key' },
    });

  it('answers a preflight from an allowed origin with what the RestAdapter sends', async () => {
    const response = await preflight(api, ADMIN);
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), ADMIN);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /PATCH/);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',');
    for (const header of ['authorization', 'content-type', 'if-match', 'if-none-match', 'idempotency-key', 'last-event-id']) assert.ok(allowed.includes(header), header);
    assert.equal(response.headers.get('access-control-allow-credentials'), null, 'tokens, never cookies');
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  it('marks answers for an allowed origin, errors included, and exposes ETag and Location', async () => {
    const read = await api.request('GET', '/v1/incidents', { as: 'viewer', headers: { origin: ADMIN } });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('access-control-allow-origin'), ADMIN);
    const exposed = read.headers.get('access-control-expose-headers') ?? '';
    assert.match(exposed, /ETag/);
    assert.match(exposed, /Location/);
    assert.match(exposed, /Retry-After/);
    assert.match(exposed, /Idempotent-Replayed/);
    const refused = await api.request('GET', '/v1/tokens', { as: 'viewer', headers: { origin: ADMIN } });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), ADMIN, 'the page can read why it was refused');
  });

  it('gives other origins nothing on private routes, and keeps the public routes open to all', async () => {
    const other = await preflight(api, 'https://evil.example.net');
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const read = await api.request('GET', '/v1/incidents', { as: 'viewer', headers: { origin: 'https://evil.example.net' } });
    assert.equal(read.headers.get('access-control-allow-origin'), null);
    const snapshot = await api.request('GET', '/v1/status.json', { headers: { origin: 'https://evil.example.net' } });
    assert.equal(snapshot.status, 200);
    assert.equal(snapshot.headers.get('access-control-allow-origin'), '*');
  });

  it('is off when no origin is named', async () => {
    const response = await preflight(closed, ADMIN);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const read = await closed.request('GET', '/v1/incidents', { as: 'viewer', headers: { origin: ADMIN } });
    assert.equal(read.headers.get('access-control-allow-origin'), null);
  });

  it('allows any origin with *', async () => {
    const any = await startTestApi(() => openPglite(), { corsOrigins: ['*'] });
    try {
      const read = await any.request('GET', '/v1/incidents', { as: 'viewer', headers: { origin: 'https://wiki.example.org' } });
      assert.equal(read.headers.get('access-control-allow-origin'), 'https://wiki.example.org');
    } finally {
      await any.close();
    }
  });
});

describe('parseCorsOrigins', () => {
  it('reads origins separated by commas or spaces, once each', () => {
    assert.deepEqual(parseCorsOrigins('https://a.example.com, http://localhost:5173 https://a.example.com'), ['https://a.example.com', 'http://localhost:5173']);
    assert.deepEqual(parseCorsOrigins(' * '), ['*']);
    assert.deepEqual(parseCorsOrigins(''), []);
    assert.deepEqual(parseCorsOrigins('http://[::1]:8080'), ['http://[::1]:8080']);
  });

  it('refuses what is not an origin, naming it', () => {
    for (const bad of ['https://a.example.com/', 'https://A.example.com', 'a.example.com', 'ftp://a.example.com', 'https://a.example.com/path', 'https://*.example.com']) {
      assert.throws(() => parseCorsOrigins(bad), (error: Error) => error.message.includes(`"${bad}"`), bad);
    }
  });
});
