import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashToken } from '../http/auth.js';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';
import { databasesUnderTest } from '../testing/postgres.js';

for (const { name, open } of databasesUnderTest()) {
  describe(`tokens (${name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(open);
    });
    after(() => api?.close());

    const create = (body: unknown, headers: Record<string, string> = {}) => api.request('POST', '/v1/tokens', { as: 'admin', body, headers });

    it('lists tokens to admins only, never with a secret or hash', async () => {
      assert.equal((await api.request('GET', '/v1/tokens')).status, 401);
      assert.equal((await api.request('GET', '/v1/tokens', { as: 'viewer' })).status, 403);
      assert.equal((await api.request('GET', '/v1/tokens', { as: 'responder' })).status, 403);
      const list = await api.request('GET', '/v1/tokens', { as: 'admin' });
      assert.equal(list.status, 200);
      assert.equal(list.headers.get('cache-control'), 'no-store');
      assert.deepEqual(list.body.data.map((t: { role: string }) => t.role).sort(), ['admin', 'responder', 'viewer']);
      for (const token of Object.values(api.tokens)) {
        assert.ok(!list.text.includes(token), 'no secret');
        assert.ok(!list.text.includes(hashToken(token)), 'no hash');
      }
      assert.deepEqual(Object.keys(list.body.data[0]).sort(), ['createdAt', 'id', 'lastUsedAt', 'name', 'revokedAt', 'role']);
    });

    it('creates a token for admins, showing its secret once', async () => {
      assert.equal((await api.request('POST', '/v1/tokens', { body: { role: 'viewer', name: 'x' } })).status, 401);
      assert.equal((await api.request('POST', '/v1/tokens', { as: 'responder', body: { role: 'viewer', name: 'x' } })).status, 403);
      const bad = await create({ role: 'superuser', name: '' });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['name', 'role']);
      const created = await create({ role: 'viewer', name: '  Grafana  ' });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('cache-control'), 'no-store');
      assert.match(created.body.token, /^hsk_/);
      assert.equal(created.body.name, 'Grafana');
      assert.equal(created.body.role, 'viewer');
      assert.equal(created.body.createdAt, new Date(TEST_NOW).toISOString());
      assert.equal(created.headers.get('location'), `/v1/tokens/${created.body.id}`);
      const works = await api.request('GET', '/v1/roles', { authorization: `Bearer ${created.body.token}` });
      assert.equal(works.status, 200);
      assert.equal((await api.request('GET', '/v1/tokens', { authorization: `Bearer ${created.body.token}` })).status, 403, 'a viewer token');
      const list = await api.request('GET', '/v1/tokens', { as: 'admin' });
      const listed = list.body.data.find((t: { id: string }) => t.id === created.body.id);
      assert.equal(listed.name, 'Grafana');
      assert.equal(listed.lastUsedAt, new Date(TEST_NOW).toISOString());
      assert.ok(!list.text.includes(created.body.token));
      const stored = await api.db.query<{ hash: string }>('select hash from tokens where id = $1', [created.body.id]);
      assert.equal(stored[0]?.hash, hashToken(created.body.token), 'stored as its hash only');
    });

    it('never replays a secret: an Idempotency-Key does not apply to token creation', async () => {
      const key = { 'idempotency-key': 'token-1' };
      const first = await create({ role: 'responder', name: 'CI' }, key);
      const second = await create({ role: 'responder', name: 'CI' }, key);
      assert.equal(first.status, 201);
      assert.equal(second.status, 201);
      assert.notEqual(first.body.token, second.body.token);
      const stored = await api.db.query<{ body: string | null }>('select body from idempotency_keys');
      assert.ok(stored.every((row) => !row.body?.includes(first.body.token)));
    });

    it('revokes a token: its next request gets 401, though resolved tokens are cached', async () => {
      const { body: created } = await create({ role: 'responder', name: 'Pager bot' });
      const auth = `Bearer ${created.token}`;
      assert.equal((await api.request('GET', '/v1/roles', { authorization: auth })).status, 200, 'now cached');
      assert.equal((await api.request('DELETE', `/v1/tokens/${created.id}`)).status, 401);
      assert.equal((await api.request('DELETE', `/v1/tokens/${created.id}`, { as: 'viewer' })).status, 403);
      assert.equal((await api.request('DELETE', `/v1/tokens/${created.id}`, { as: 'responder' })).status, 403);
      assert.equal((await api.request('DELETE', '/v1/tokens/tok_nope', { as: 'admin' })).status, 404);
      const revoked = await api.request('DELETE', `/v1/tokens/${created.id}`, { as: 'admin' });
      assert.equal(revoked.status, 204);
      const after = await api.request('GET', '/v1/roles', { authorization: auth });
      assert.equal(after.status, 401);
      assert.match(after.body.detail, /revoked/);
      assert.equal((await api.request('GET', '/v1/page', { authorization: auth })).status, 401, 'also on public routes');
      assert.equal((await api.request('DELETE', `/v1/tokens/${created.id}`, { as: 'admin' })).status, 204, 'revoking again changes nothing');
      const listed = (await api.request('GET', '/v1/tokens', { as: 'admin' })).body.data.find((t: { id: string }) => t.id === created.id);
      assert.equal(listed.revokedAt, new Date(TEST_NOW).toISOString());
    });
  });
}
