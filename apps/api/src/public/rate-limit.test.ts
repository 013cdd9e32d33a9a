import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { databasesUnderTest } from '../testing/postgres.js';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { clientKey, rateLimit, type RateLimitOptions } from './rate-limit.js';

/** An app behind the limiter: `/open` answers 200, `/guarded` 401 unless the token is "good". */
function appWith(options: RateLimitOptions) {
  const app = new Hono();
  app.use('*', rateLimit(options));
  app.get('/open', (c) => c.text('ok'));
  app.get('/private', (c) => c.text('not counted'));
  app.get('/guarded', (c) => (c.req.header('authorization') === 'Bearer good' ? c.text('in') : c.text('no', 401)));
  return (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
}

describe('rateLimit', () => {
  it('allows the budget per window, then answers 429 problem+json with Retry-After and RateLimit headers', async () => {
    let now = 1_000_000;
    const get = appWith({ public: { limit: 3, windowMs: 60_000 }, clock: () => now });
    for (const remaining of ['2', '1', '0']) {
      const res = await get('/open');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('ratelimit-limit'), '3');
      assert.equal(res.headers.get('ratelimit-remaining'), remaining);
      assert.equal(res.headers.get('ratelimit-reset'), '60');
      assert.equal(res.headers.get('ratelimit-policy'), '3;w=60');
    }
    now += 15_000;
    const refused = await get('/open');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('content-type'), 'application/problem+json');
    assert.equal(refused.headers.get('retry-after'), '45');
    assert.equal(refused.headers.get('ratelimit-remaining'), '0');
    const problem = (await refused.json()) as { status: number; detail: string; retryAfter: number };
    assert.equal(problem.status, 429);
    assert.match(problem.detail, /3 per 60 s\)\. Try again in 45 s\./);
    now += 45_000;
    assert.equal((await get('/open')).status, 200, 'a new window');
  });

  it('counts per client: X-Forwarded-For only behind a trusted proxy, read from the right', async () => {
    const now = 5_000;
    const direct = appWith({ public: { limit: 1, windowMs: 1_000 }, clock: () => now });
    assert.equal((await direct('/open', { 'x-forwarded-for': '1.1.1.1' })).status, 200);
    assert.equal((await direct('/open', { 'x-forwarded-for': '2.2.2.2' })).status, 429, 'not trusted: one client');
    const proxied = appWith({ public: { limit: 1, windowMs: 1_000 }, trustProxy: true, clock: () => now });
    assert.equal((await proxied('/open', { 'x-forwarded-for': '1.1.1.1' })).status, 200);
    assert.equal((await proxied('/open', { 'x-forwarded-for': '2.2.2.2' })).status, 200);
    assert.equal((await proxied('/open', { 'x-forwarded-for': '9.9.9.9, 1.1.1.1' })).status, 429, 'a forged left part changes nothing');
    const twoHops = appWith({ public: { limit: 1, windowMs: 1_000 }, trustProxy: 2, clock: () => now });
    assert.equal((await twoHops('/open', { 'x-forwarded-for': '3.3.3.3, 10.0.0.1' })).status, 200);
    assert.equal((await twoHops('/open', { 'x-forwarded-for': '7.7.7.7, 3.3.3.3, 10.0.0.2' })).status, 429);
  });

  it('counts only what isPublic selects', async () => {
    const get = appWith({ public: { limit: 1, windowMs: 1_000 }, isPublic: (c) => c.req.path === '/open', clock: () => 0 });
    assert.equal((await get('/open')).status, 200);
    assert.equal((await get('/open')).status, 429);
    const other = await get('/private');
    assert.equal(other.status, 200);
    assert.equal(other.headers.get('ratelimit-limit'), null);
  });

  it('after too many 401s, refuses requests with credentials but not anonymous ones', async () => {
    let now = 0;
    const get = appWith({ public: false, authFailures: { limit: 2, windowMs: 10_000 }, clock: () => now });
    assert.equal((await get('/guarded', { authorization: 'Bearer guess1' })).status, 401);
    assert.equal((await get('/guarded', { authorization: 'Bearer good' })).status, 200, 'successes do not count');
    assert.equal((await get('/guarded', { authorization: 'Bearer guess2' })).status, 401);
    const refused = await get('/guarded', { authorization: 'Bearer good' });
    assert.equal(refused.status, 429);
    assert.match(((await refused.json()) as { detail: string }).detail, /failed authentications/);
    assert.equal(refused.headers.get('retry-after'), '10');
    assert.equal((await get('/guarded?access_token=good')).status, 429, 'a token in the query counts as credentials');
    assert.equal((await get('/open')).status, 200, 'anonymous requests go on');
    now = 10_000;
    assert.equal((await get('/guarded', { authorization: 'Bearer good' })).status, 200);
  });

  it('forgets the oldest clients beyond maxClients', async () => {
    const get = appWith({ public: { limit: 1, windowMs: 60_000 }, trustProxy: true, maxClients: 2, clock: () => 0 });
    for (const ip of ['1.0.0.1', '1.0.0.2', '1.0.0.3']) assert.equal((await get('/open', { 'x-forwarded-for': ip })).status, 200);
    assert.equal((await get('/open', { 'x-forwarded-for': '1.0.0.1' })).status, 200, 'forgotten, so counted afresh');
    assert.equal((await get('/open', { 'x-forwarded-for': '1.0.0.1' })).status, 429);
  });
});

describe('clientKey', () => {
  it('groups IPv6 by /64 and unwraps IPv4-mapped addresses', () => {
    assert.equal(clientKey('203.0.113.9'), '203.0.113.9');
    assert.equal(clientKey('::ffff:203.0.113.9'), '203.0.113.9');
    assert.equal(clientKey('2001:db8:0:1:aaaa::1'), '2001:db8:0:1::/64');
    assert.equal(clientKey('2001:DB8:0:1:bbbb:1:2:3'), '2001:db8:0:1::/64');
    assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(clientKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.equal(clientKey('::1'), '0:0:0:0::/64');
  });
});

for (const { name, open } of databasesUnderTest()) {
  describe(`rate limits on the server (${name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(open, { public: { rateLimit: { public: { limit: 4, windowMs: 60_000 }, authFailures: { limit: 2, windowMs: 60_000 } } } });
    });
    after(() => api?.close());

    it('limits public documents and anonymous API reads per address, with headers on every answer', async () => {
      const summary = await api.request('GET', '/api/v2/summary.json');
      assert.equal(summary.status, 200);
      assert.equal(summary.headers.get('ratelimit-remaining'), '3');
      const components = await api.request('GET', '/v1/components');
      assert.equal(components.status, 200);
      assert.equal(components.headers.get('ratelimit-remaining'), '2');
      const notModified = await api.request('GET', '/api/v2/summary.json', { headers: { 'if-none-match': summary.headers.get('etag') as string } });
      assert.equal(notModified.status, 304);
      assert.equal(notModified.headers.get('ratelimit-remaining'), '1');
      assert.equal((await api.request('GET', '/v1/feed.atom')).status, 200);
      const refused = await api.request('GET', '/v1/badge.svg');
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('access-control-allow-origin'), '*', 'browsers can read the 429');
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      assert.equal((await api.request('GET', '/api/v2/status.json', { as: 'viewer' })).status, 429, 'a token does not lift the public surface budget');
      assert.equal((await api.request('GET', '/v1/components', { as: 'viewer' })).status, 200, 'token holders reading the API are not counted');
      assert.equal((await api.request('GET', '/v1/health')).status, 200, 'health checks are not counted');
    });

    it('refuses credentials from an address after too many 401s', async () => {
      assert.equal((await api.request('GET', '/v1/components', { authorization: 'Bearer hsk_guess1' })).status, 401);
      assert.equal((await api.request('GET', '/v1/stream', { authorization: 'Bearer hsk_guess2' })).status, 429, 'public budget spent above');
      assert.equal((await api.request('POST', '/v1/components', { authorization: 'Bearer hsk_guess3', body: { name: 'x' } })).status, 401);
      const refused = await api.request('GET', '/v1/components', { as: 'admin' });
      assert.equal(refused.status, 429);
      assert.match(refused.body.detail, /failed authentications/);
    });
  });
}
