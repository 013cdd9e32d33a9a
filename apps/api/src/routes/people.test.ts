import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { databasesUnderTest } from '../testing/postgres.js';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { insertIncident, insertRoleAssignment, setIncidentStatus } from '../testing/fixtures.js';

for (const { name, open } of databasesUnderTest()) {
  describe(`people (${name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(open);
    });
    after(() => api?.close());

    const create = (body: unknown, headers: Record<string, string> = {}) => api.request('POST', '/v1/people', { as: 'admin', body, headers });

    it('adds people for admins only, and validates them', async () => {
      assert.equal((await api.request('POST', '/v1/people', { body: { name: 'Hanako' } })).status, 401);
      assert.equal((await api.request('POST', '/v1/people', { as: 'viewer', body: { name: 'Hanako' } })).status, 403);
      assert.equal((await api.request('POST', '/v1/people', { as: 'responder', body: { name: 'Hanako' } })).status, 403);
      const created = await create({ name: ' Hanako Sato ', email: 'hanako@example.com', handle: '@hanako', timeZone: 'Asia/Tokyo' });
      assert.equal(created.status, 201);
      assert.match(created.body.id, /^per_/);
      assert.equal(created.headers.get('etag'), '"1"');
      assert.equal(created.headers.get('location'), `/v1/people/${created.body.id}`);
      assert.deepEqual(created.body, { id: created.body.id, name: 'Hanako Sato', email: 'hanako@example.com', handle: 'hanako', timeZone: 'Asia/Tokyo', version: 1 });
      const bad = await create({ email: 'not-an-email', timeZone: 'Mars/Olympus' });
      assert.equal(bad.status, 422);
      const paths = bad.body.errors.map((e: { path: string }) => e.path);
      assert.ok(paths.includes('name') && paths.includes('email') && paths.includes('timeZone'), JSON.stringify(paths));
    });

    it('never duplicates a retried create', async () => {
      const key = { 'idempotency-key': 'person-taro' };
      const first = await create({ name: 'Taro' }, key);
      const again = await create({ name: 'Taro' }, key);
      assert.equal(again.body.id, first.body.id);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      const all = await api.request('GET', '/v1/people?limit=200', { as: 'viewer' });
      assert.equal(all.body.data.filter((p: { name: string }) => p.name === 'Taro').length, 1);
    });

    it('lists and reads people for token holders only, never anonymously', async () => {
      const { body: person } = await create({ name: 'Secret Agent', email: 'agent@example.com' });
      const anonymous = await api.request('GET', '/v1/people');
      assert.equal(anonymous.status, 401);
      assert.doesNotMatch(anonymous.text, /agent@example\.com/);
      assert.equal((await api.request('GET', `/v1/people/${person.id}`)).status, 401);
      const one = await api.request('GET', `/v1/people/${person.id}`, { as: 'viewer' });
      assert.equal(one.status, 200);
      assert.equal(one.body.email, 'agent@example.com');
      assert.match(one.headers.get('cache-control') ?? '', /private/);
      assert.equal((await api.request('GET', `/v1/people/${person.id}`, { as: 'viewer', headers: { 'if-none-match': '"1"' } })).status, 304);
      assert.equal((await api.request('GET', '/v1/people/per_missing', { as: 'viewer' })).status, 404);
    });

    it('pages through people with a cursor, without duplicates or gaps', async () => {
      for (let i = 0; i < 7; i++) await create({ name: `Pager ${i}` });
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await api.request('GET', `/v1/people?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { as: 'viewer' });
        assert.equal(page.status, 200);
        assert.ok(page.body.data.length <= 3);
        seen.push(...page.body.data.map((p: { id: string }) => p.id));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor);
      assert.equal(new Set(seen).size, seen.length, 'no duplicates');
      const all = await api.request('GET', '/v1/people?limit=200', { as: 'viewer' });
      assert.deepEqual(seen, all.body.data.map((p: { id: string }) => p.id));
      assert.ok(pages >= 4);
      assert.equal((await api.request('GET', '/v1/people?cursor=garbage', { as: 'viewer' })).status, 400);
      assert.equal((await api.request('GET', '/v1/people?limit=0', { as: 'viewer' })).status, 422);
    });

    it('changes a person with a current If-Match only', async () => {
      const { body: person } = await create({ name: 'Jiro' });
      const path = `/v1/people/${person.id}`;
      assert.equal((await api.request('PATCH', path, { as: 'responder', body: { name: 'J' }, headers: { 'if-match': '"1"' } })).status, 403);
      assert.equal((await api.request('PATCH', path, { as: 'admin', body: { name: 'J' } })).status, 428);
      const changed = await api.request('PATCH', path, { as: 'admin', body: { handle: 'jiro', email: '' }, headers: { 'if-match': '"1"' } });
      assert.equal(changed.status, 200);
      assert.equal(changed.headers.get('etag'), '"2"');
      assert.equal(changed.body.handle, 'jiro');
      assert.equal(changed.body.email, null);
      const stale = await api.request('PATCH', path, { as: 'admin', body: { name: 'Saburo' }, headers: { 'if-match': '"1"' } });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.current.handle, 'jiro');
      assert.equal((await api.request('GET', path, { as: 'viewer' })).body.name, 'Jiro');
      assert.equal((await api.request('PATCH', path, { as: 'admin', body: {}, headers: { 'if-match': '"2"' } })).status, 422);
      assert.equal((await api.request('PATCH', '/v1/people/per_missing', { as: 'admin', body: { name: 'x' }, headers: { 'if-match': '"1"' } })).status, 404);
    });

    it('refuses to delete someone who holds an active role or owns open actions, naming them', async () => {
      const { body: person } = await create({ name: 'Busy Person' });
      const path = `/v1/people/${person.id}`;
      const incident = await insertIncident(api.db, { title: 'Login outage' });
      const assignment = await insertRoleAssignment(api.db, incident.id, person.id, 'incident_commander');
      const done = await insertIncident(api.db, { title: 'Old thing' });
      await insertRoleAssignment(api.db, done.id, person.id, 'scribe');
      await setIncidentStatus(api.db, done.id, 'resolved');
      const action = await api.request('POST', '/v1/actions', { as: 'responder', body: { title: 'Add login alert', kind: 'detect', incidentIds: [incident.id], ownerId: person.id } });
      assert.equal(action.status, 201);

      assert.equal((await api.request('DELETE', path, { as: 'responder', headers: { 'if-match': '"1"' } })).status, 403);
      assert.equal((await api.request('DELETE', path, { as: 'admin' })).status, 428);
      const refused = await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"1"' } });
      assert.equal(refused.status, 409);
      assert.match(refused.body.detail, /incident_commander on "Login outage"/);
      assert.match(refused.body.detail, /"Add login alert"/);
      assert.doesNotMatch(refused.body.detail, /Old thing/, 'roles on resolved incidents do not count');
      assert.deepEqual(refused.body.roles, [{ incidentId: incident.id, incidentTitle: 'Login outage', role: 'incident_commander' }]);
      assert.deepEqual(refused.body.actions.map((a: { id: string }) => a.id), [action.body.id]);

      await api.db.query('update role_assignments set released_at = $2 where id = $1', [assignment.id, new Date().toISOString()]);
      const moved = await api.request('POST', `/v1/actions/${action.body.id}/move`, { as: 'responder', body: { status: 'done' }, headers: { 'if-match': '"1"' } });
      assert.equal(moved.status, 200);
      assert.equal((await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"9"' } })).status, 412);
      assert.equal((await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"1"' } })).status, 204);
      assert.equal((await api.request('GET', path, { as: 'viewer' })).status, 404);
      assert.equal((await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"1"' } })).status, 404);
    });
  });
}
