import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { databasesUnderTest } from '../testing/postgres.js';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';

for (const { name, open } of databasesUnderTest()) {
  describe(`components and groups (${name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(open);
    });
    after(() => api?.close());

    const create = (body: unknown, headers: Record<string, string> = {}) => api.request('POST', '/v1/components', { as: 'admin', body, headers });

    it('creates a component for admins only', async () => {
      assert.equal((await api.request('POST', '/v1/components', { body: { name: 'API' } })).status, 401);
      const viewer = await api.request('POST', '/v1/components', { as: 'viewer', body: { name: 'API' } });
      assert.equal(viewer.status, 403);
      assert.match(viewer.body.detail, /needs the admin role; your token has the viewer role/);
      assert.equal((await api.request('POST', '/v1/components', { as: 'responder', body: { name: 'API' } })).status, 403);
      const created = await create({ name: '  Public API  ', description: 'REST and webhooks' });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('etag'), '"1"');
      assert.equal(created.headers.get('location'), `/v1/components/${created.body.id}`);
      assert.equal(created.body.name, 'Public API');
      assert.equal(created.body.status, 'operational');
      assert.equal(created.body.createdAt, new Date(TEST_NOW).toISOString());
      assert.match(created.body.id, /^cmp_/);
    });

    it('answers bad bodies with problems that say what to fix', async () => {
      const missing = await create({ description: 'no name' });
      assert.equal(missing.status, 422);
      assert.equal(missing.headers.get('content-type'), 'application/problem+json');
      assert.ok(missing.body.errors.some((e: { path: string }) => e.path === 'name'), JSON.stringify(missing.body));
      const badStatus = await create({ name: 'X', status: 'on_fire' });
      assert.equal(badStatus.status, 422);
      assert.ok(badStatus.body.errors.some((e: { path: string }) => e.path === 'status'));
      const notJson = await api.request('POST', '/v1/components', { as: 'admin', raw: '{"name": ', headers: { 'content-type': 'application/json' } });
      assert.equal(notJson.status, 400);
      assert.match(notJson.body.detail, /not valid JSON/);
      const wrongType = await api.request('POST', '/v1/components', { as: 'admin', raw: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(wrongType.status, 415);
      const huge = await api.request('POST', '/v1/components', { as: 'admin', body: { name: 'x', description: 'y'.repeat(300_000) } });
      assert.equal(huge.status, 413);
    });

    it('never duplicates a retried create with the same Idempotency-Key', async () => {
      const key = { 'idempotency-key': 'create-checkout-1' };
      const first = await create({ name: 'Checkout' }, key);
      const again = await create({ name: 'Checkout' }, key);
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.equal(again.body.id, first.body.id);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      const list = await api.request('GET', '/v1/components', { as: 'viewer' });
      assert.equal(list.body.data.filter((c: { name: string }) => c.name === 'Checkout').length, 1);
      const reused = await create({ name: 'Something else' }, key);
      assert.equal(reused.status, 422);
      assert.match(reused.body.detail, /already used for a different request/);
      assert.equal((await create({ name: 'Z' }, { 'idempotency-key': 'bad key with spaces' })).status, 400);
    });

    it('updates only with a current If-Match, and says what changed when stale', async () => {
      const { body: component } = await create({ name: 'Search' });
      const path = `/v1/components/${component.id}`;
      const noMatch = await api.request('PATCH', path, { as: 'responder', body: { status: 'degraded_performance' } });
      assert.equal(noMatch.status, 428);
      const first = await api.request('PATCH', path, { as: 'responder', body: { status: 'degraded_performance' }, headers: { 'if-match': '"1"' } });
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('etag'), '"2"');
      assert.equal(first.body.status, 'degraded_performance');
      const stale = await api.request('PATCH', path, { as: 'responder', body: { name: 'Search v2' }, headers: { 'if-match': '"1"' } });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.current.status, 'degraded_performance');
      assert.equal(stale.body.currentEtag, '"2"');
      assert.equal((await api.request('GET', path, { as: 'viewer' })).body.name, 'Search', 'nothing overwritten');
      const garbage = await api.request('PATCH', path, { as: 'responder', body: { name: 'x' }, headers: { 'if-match': 'nonsense' } });
      assert.equal(garbage.status, 412);
      const empty = await api.request('PATCH', path, { as: 'responder', body: {}, headers: { 'if-match': '"2"' } });
      assert.equal(empty.status, 422);
      assert.equal((await api.request('PATCH', '/v1/components/cmp_nope', { as: 'responder', body: { name: 'x' }, headers: { 'if-match': '"1"' } })).status, 404);
    });

    it('revalidates reads with ETags (304) and marks anonymous answers cacheable', async () => {
      const first = await api.request('GET', '/v1/components');
      assert.equal(first.status, 200);
      assert.match(first.headers.get('cache-control') ?? '', /public/);
      const etag = first.headers.get('etag') as string;
      const again = await api.request('GET', '/v1/components', { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304);
      assert.equal(again.text, '');
      const authed = await api.request('GET', '/v1/components', { as: 'viewer' });
      assert.match(authed.headers.get('cache-control') ?? '', /private/);
    });

    it('hides components that are not showcased from anonymous readers', async () => {
      const { body: hidden } = await create({ name: 'Internal batch jobs', showcase: false });
      const anonymous = await api.request('GET', '/v1/components');
      assert.ok(!anonymous.body.data.some((c: { id: string }) => c.id === hidden.id));
      assert.equal((await api.request('GET', `/v1/components/${hidden.id}`)).status, 404);
      assert.equal((await api.request('GET', `/v1/components/${hidden.id}/uptime`)).status, 404);
      const viewer = await api.request('GET', '/v1/components', { as: 'viewer' });
      assert.ok(viewer.body.data.some((c: { id: string }) => c.id === hidden.id));
    });

    it('rejects a wrong token even on public routes', async () => {
      const wrong = await api.request('GET', '/v1/components', { authorization: 'Bearer hsk_not-a-real-token' });
      assert.equal(wrong.status, 401);
      assert.match(wrong.headers.get('www-authenticate') ?? '', /Bearer/);
      assert.equal((await api.request('GET', '/v1/components', { authorization: 'Basic abc' })).status, 401);
    });

    it('groups components, refuses unknown groups, and ungroups on group delete', async () => {
      const group = await api.request('POST', '/v1/component-groups', { as: 'admin', body: { name: 'Payments' } });
      assert.equal(group.status, 201);
      const unknown = await create({ name: 'Card', groupId: 'grp_missing' });
      assert.equal(unknown.status, 409);
      const member = await create({ name: 'Card', groupId: group.body.id });
      assert.equal(member.body.groupId, group.body.id);
      const renamed = await api.request('PATCH', `/v1/component-groups/${group.body.id}`, { as: 'admin', body: { name: 'Payments & billing' }, headers: { 'if-match': '"1"' } });
      assert.equal(renamed.status, 200);
      const groups = await api.request('GET', '/v1/component-groups');
      assert.ok(groups.body.data.some((g: { name: string }) => g.name === 'Payments & billing'));
      const removed = await api.request('DELETE', `/v1/component-groups/${group.body.id}`, { as: 'admin', headers: { 'if-match': '"2"' } });
      assert.equal(removed.status, 204);
      const after = await api.request('GET', `/v1/components/${member.body.id}`);
      assert.equal(after.body.groupId, null);
    });

    it('deletes with If-Match and reports daily uptime from the status history', async () => {
      const { body: c } = await create({ name: 'Webhooks' });
      api.setNow(TEST_NOW + 6 * 3600_000);
      await api.request('PATCH', `/v1/components/${c.id}`, { as: 'responder', body: { status: 'major_outage' }, headers: { 'if-match': '"1"' } });
      api.setNow(TEST_NOW + 9 * 3600_000);
      await api.request('PATCH', `/v1/components/${c.id}`, { as: 'responder', body: { status: 'operational' }, headers: { 'if-match': '"2"' } });
      api.setNow(TEST_NOW + 12 * 3600_000);
      const uptime = await api.request('GET', `/v1/components/${c.id}/uptime?days=3`);
      assert.equal(uptime.status, 200);
      assert.equal(uptime.body.days.length, 3);
      const today = uptime.body.days[2];
      assert.equal(today.date, '2026-11-25');
      // 3 hours of major outage out of the 12 measured hours since the component was created.
      assert.ok(Math.abs(today.uptime - 0.75) < 1e-9, String(today.uptime));
      assert.equal(uptime.body.days[0].uptime, null, 'no data before the component existed');
      assert.equal((await api.request('GET', `/v1/components/${c.id}/uptime?days=0`)).status, 422);
      assert.equal((await api.request('GET', `/v1/components/${c.id}/uptime?days=abc`)).status, 422);
      assert.equal((await api.request('DELETE', `/v1/components/${c.id}`, { as: 'admin', headers: { 'if-match': '"1"' } })).status, 412);
      assert.equal((await api.request('DELETE', `/v1/components/${c.id}`, { as: 'admin', headers: { 'if-match': '"3"' } })).status, 204);
      assert.equal((await api.request('GET', `/v1/components/${c.id}`)).status, 404);
      api.setNow(TEST_NOW);
    });

    it('serves the OpenAPI 3.1 document generated from the routes', async () => {
      const doc = await api.request('GET', '/v1/openapi.json');
      assert.equal(doc.status, 200);
      assert.equal(doc.body.openapi, '3.1.0');
      const create = doc.body.paths['/v1/components'].post;
      assert.equal(create.operationId, 'createComponent');
      assert.ok(create.requestBody.content['application/json'].schema.properties.name);
      assert.ok(create.responses['422']);
      assert.ok(doc.body.paths['/v1/components/{id}'].patch.parameters.some((p: { name: string }) => p.name === 'If-Match'));
      assert.ok(doc.body.components.schemas.Component);
      assert.doesNotMatch(doc.text, /#\/\$defs\//);
      assert.equal((await api.request('GET', '/v1/openapi.json', { headers: { 'if-none-match': doc.headers.get('etag') as string } })).status, 304);
    });
  });
}
