import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createToken } from '../http/auth.js';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';
import { databasesUnderTest } from '../testing/postgres.js';

for (const { name, open } of databasesUnderTest()) {
  describe(`the caller's session (${name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(open);
    });
    after(() => api?.close());

    it('is null for anonymous callers, and never stored by caches', async () => {
      const res = await api.request('GET', '/v1/session');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { role: null, token: null });
      assert.equal(res.headers.get('cache-control'), 'private, no-store');
      assert.equal(res.headers.get('vary'), 'authorization');
    });

    it("names the token's role, id and name, never its secret", async () => {
      const tokens = (await api.request('GET', '/v1/tokens', { as: 'admin' })).body.data as { id: string; name: string }[];
      for (const role of ['viewer', 'responder', 'admin'] as const) {
        const res = await api.request('GET', '/v1/session', { as: role });
        assert.equal(res.status, 200);
        const token = tokens.find((t) => t.name === `test ${role}`);
        assert.ok(token);
        assert.deepEqual(res.body, { role, token: { id: token.id, name: `test ${role}` } });
        assert.ok(!res.text.includes(api.tokens[role]), 'no secret');
        assert.equal(res.headers.get('cache-control'), 'private, no-store');
      }
    });

    it('answers 401 for an unknown, malformed or revoked token', async () => {
      const unknown = await api.request('GET', '/v1/session', { authorization: 'Bearer hsk_not-a-real-token' });
      assert.equal(unknown.status, 401);
      assert.equal(unknown.headers.get('content-type'), 'application/problem+json');
      assert.equal((await api.request('GET', '/v1/session', { authorization: 'Basic abc' })).status, 401);
      const { token, record } = await createToken(api.db, { role: 'viewer', name: 'short-lived' }, TEST_NOW);
      assert.equal((await api.request('GET', '/v1/session', { authorization: `Bearer ${token}` })).body.token.name, 'short-lived');
      assert.equal((await api.request('DELETE', `/v1/tokens/${record.id}`, { as: 'admin' })).status, 204);
      assert.equal((await api.request('GET', '/v1/session', { authorization: `Bearer ${token}` })).status, 401);
    });
  });
}
