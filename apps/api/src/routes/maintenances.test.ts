import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { databasesUnderTest } from '../testing/postgres.js';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';
import { insertIncident } from '../testing/fixtures.js';

const hours = (n: number) => new Date(TEST_NOW + n * 3600_000).toISOString();

for (const { name, open } of databasesUnderTest()) {
  describe(`maintenances (${name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(open);
    });
    after(() => api?.close());

    const component = async (body: Record<string, unknown> = {}) => (await api.request('POST', '/v1/components', { as: 'admin', body: { name: 'Service', ...body } })).body as { id: string };
    const statusOf = async (id: string) => (await api.request('GET', `/v1/components/${id}`, { as: 'viewer' })).body.status as string;
    const create = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      api.request('POST', '/v1/maintenances', { as: 'responder', body: { title: 'Database upgrade', scheduledFor: hours(1), scheduledUntil: hours(2), ...body }, headers });
    const post = (id: string, status: string, body = `Now ${status}.`) => api.request('POST', `/v1/maintenances/${id}/updates`, { as: 'responder', body: { status, body } });

    it('schedules a maintenance for responders, with its first update', async () => {
      const db = await component({ name: 'Database' });
      assert.equal((await api.request('POST', '/v1/maintenances', { body: { title: 'x', scheduledFor: hours(1), scheduledUntil: hours(2) } })).status, 401);
      assert.equal((await api.request('POST', '/v1/maintenances', { as: 'viewer', body: { title: 'x', scheduledFor: hours(1), scheduledUntil: hours(2) } })).status, 403);
      const created = await create({ components: [db.id, db.id], updateBody: 'We will upgrade the database.', scheduledFor: '2026-11-25T19:00:00+09:00' });
      assert.equal(created.status, 201);
      assert.match(created.body.id, /^mnt_/);
      assert.equal(created.headers.get('etag'), '"1"');
      assert.equal(created.headers.get('location'), `/v1/maintenances/${created.body.id}`);
      assert.equal(created.body.status, 'scheduled');
      assert.equal(created.body.scheduledFor, '2026-11-25T10:00:00.000Z');
      assert.deepEqual(created.body.components, [db.id]);
      assert.equal(created.body.updates.length, 1);
      assert.equal(created.body.updates[0].body, 'We will upgrade the database.');
      assert.equal(created.body.updates[0].status, 'scheduled');
      assert.equal(await statusOf(db.id), 'operational', 'scheduled: nothing changes yet');
    });

    it('refuses bad bodies (422 with paths) and unknown components (409)', async () => {
      const backwards = await create({ scheduledFor: hours(3), scheduledUntil: hours(2) });
      assert.equal(backwards.status, 422);
      assert.deepEqual(backwards.body.errors.map((e: { path: string }) => e.path), ['scheduledUntil']);
      const missing = await api.request('POST', '/v1/maintenances', { as: 'responder', body: { scheduledFor: 'tomorrow' } });
      assert.equal(missing.status, 422);
      const paths = missing.body.errors.map((e: { path: string }) => e.path);
      assert.ok(['title', 'scheduledFor', 'scheduledUntil'].every((p) => paths.includes(p)), JSON.stringify(paths));
      const unknown = await create({ components: ['cmp_nope'] });
      assert.equal(unknown.status, 409);
      assert.match(unknown.body.detail, /cmp_nope/);
      assert.deepEqual(unknown.body.missing, ['cmp_nope']);
    });

    it('never duplicates a retried create', async () => {
      const key = { 'idempotency-key': 'mnt-retry-1' };
      const first = await create({ title: 'Retried window' }, key);
      const again = await create({ title: 'Retried window' }, key);
      assert.equal(again.status, 201);
      assert.equal(again.body.id, first.body.id);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      const list = await api.request('GET', '/v1/maintenances?limit=200');
      assert.equal(list.body.data.filter((m: { title: string }) => m.title === 'Retried window').length, 1);
    });

    it('is public to read, hiding components the public page hides', async () => {
      const shown = await component({ name: 'Public API' });
      const hidden = await component({ name: 'Batch jobs', showcase: false });
      const { body: m } = await create({ title: 'Mixed window', components: [shown.id, hidden.id] });
      const anonymous = await api.request('GET', `/v1/maintenances/${m.id}`);
      assert.equal(anonymous.status, 200);
      assert.deepEqual(anonymous.body.components, [shown.id]);
      assert.match(anonymous.headers.get('cache-control') ?? '', /public/);
      assert.match(anonymous.headers.get('vary') ?? '', /authorization/i);
      assert.doesNotMatch(anonymous.text, new RegExp(hidden.id));
      const etag = anonymous.headers.get('etag') as string;
      assert.equal((await api.request('GET', `/v1/maintenances/${m.id}`, { headers: { 'if-none-match': etag } })).status, 304);
      const list = await api.request('GET', '/v1/maintenances?limit=200');
      assert.doesNotMatch(list.text, new RegExp(hidden.id));
      const viewer = await api.request('GET', `/v1/maintenances/${m.id}`, { as: 'viewer' });
      assert.deepEqual(viewer.body.components, [shown.id, hidden.id]);
      assert.equal(viewer.headers.get('etag'), '"1"');
      assert.equal((await api.request('GET', '/v1/maintenances/mnt_missing')).status, 404);
      const [event] = await api.db.query<{ audience: string; data: { maintenance: { components: string[] } } }>(
        `select audience, data from events where type = 'maintenance.created' and data->'maintenance'->>'id' = $1`,
        [m.id],
      );
      assert.equal(event?.audience, 'public');
      assert.deepEqual(event?.data.maintenance.components, [shown.id], 'public events hide hidden components too');
    });

    it('pages by window start, latest first, without duplicates, and filters', async () => {
      for (let i = 0; i < 5; i++) await create({ title: `Window ${i}`, scheduledFor: hours(100 + i * 10), scheduledUntil: hours(101 + i * 10) });
      const seen: { id: string; scheduledFor: string }[] = [];
      let cursor: string | null = null;
      do {
        const page = await api.request('GET', `/v1/maintenances?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(page.status, 200);
        seen.push(...page.body.data);
        cursor = page.body.nextCursor;
      } while (cursor);
      assert.equal(new Set(seen.map((m) => m.id)).size, seen.length, 'no duplicates');
      const all = await api.request('GET', '/v1/maintenances?limit=200');
      assert.equal(seen.length, all.body.data.length);
      const starts = seen.map((m) => m.scheduledFor);
      assert.deepEqual(starts, [...starts].sort().reverse());
      assert.equal(seen[0]?.scheduledFor, hours(140));
      const ranged = await api.request('GET', `/v1/maintenances?from=${hours(115)}&to=${hours(125)}`);
      assert.deepEqual(ranged.body.data.map((m: { title: string }) => m.title), ['Window 2']);
      const overlapping = await api.request('GET', `/v1/maintenances?from=${encodeURIComponent(hours(100.5))}&to=${hours(100.6)}`);
      assert.deepEqual(overlapping.body.data.map((m: { title: string }) => m.title), ['Window 0'], 'a window overlapping the range counts');
      const completed = await api.request('GET', '/v1/maintenances?status=completed,verifying');
      assert.deepEqual(completed.body.data, []);
      assert.equal((await api.request('GET', `/v1/maintenances?from=${hours(5)}&to=${hours(1)}`)).status, 422);
      assert.equal((await api.request('GET', '/v1/maintenances?status=done')).status, 422);
      assert.equal((await api.request('GET', '/v1/maintenances?cursor=nope')).status, 400);
    });

    it('moves components under maintenance and back through the lifecycle', async () => {
      const a = await component({ name: 'Storage' });
      const b = await component({ name: 'Search' });
      const { body: m } = await create({ title: 'Storage migration', components: [a.id, b.id] });
      assert.equal((await api.request('POST', `/v1/maintenances/${m.id}/updates`, { body: { status: 'in_progress', body: 'x' } })).status, 401);
      assert.equal((await api.request('POST', `/v1/maintenances/${m.id}/updates`, { as: 'viewer', body: { status: 'in_progress', body: 'x' } })).status, 403);
      const badUpdate = await api.request('POST', `/v1/maintenances/${m.id}/updates`, { as: 'responder', body: { status: 'paused', body: '' } });
      assert.equal(badUpdate.status, 422);
      assert.deepEqual(badUpdate.body.errors.map((e: { path: string }) => e.path).sort(), ['body', 'status']);
      assert.equal((await post('mnt_missing', 'in_progress')).status, 404);

      const started = await post(m.id, 'in_progress', 'Migration started.');
      assert.equal(started.status, 201);
      assert.equal(started.headers.get('etag'), '"2"');
      assert.equal(started.body.status, 'in_progress');
      assert.equal(started.body.updates[0].body, 'Migration started.');
      assert.equal(await statusOf(a.id), 'under_maintenance');
      assert.equal(await statusOf(b.id), 'under_maintenance');
      const history = await api.db.query<{ maintenance_id: string }>(`select maintenance_id from component_status_changes where component_id = $1 and status = 'under_maintenance'`, [a.id]);
      assert.deepEqual(history.map((h) => h.maintenance_id), [m.id]);

      // An incident opens on Search during the window.
      await insertIncident(api.db, { title: 'Search slow', components: [{ componentId: b.id, status: 'degraded_performance' }] });
      assert.equal((await post(m.id, 'verifying')).status, 201);
      assert.equal(await statusOf(a.id), 'under_maintenance', 'still held while verifying');
      const back = await post(m.id, 'scheduled');
      assert.equal(back.status, 409);
      assert.match(back.body.detail, /cannot go back from verifying to scheduled/);
      assert.equal((await post(m.id, 'in_progress', 'Verification failed, retrying.')).status, 201, 'verifying -> in_progress is allowed');
      const done = await post(m.id, 'completed', 'All done.');
      assert.equal(done.status, 201);
      assert.deepEqual(done.body.updates.map((u: { status: string }) => u.status), ['completed', 'in_progress', 'verifying', 'in_progress']);
      assert.equal(await statusOf(a.id), 'operational');
      assert.equal(await statusOf(b.id), 'degraded_performance', 'an open incident still affects it');
      const after = await post(m.id, 'in_progress');
      assert.equal(after.status, 409);
      assert.match(after.body.detail, /completed/);
      const events = await api.db.query<{ audience: string }>(`select audience from events where type = 'maintenance.updated' and data->'maintenance'->>'id' = $1`, [m.id]);
      assert.equal(events.length, 4);
      assert.ok(events.every((e) => e.audience === 'public'));
    });

    it('keeps a component under maintenance while another maintenance still holds it', async () => {
      const c = await component({ name: 'Queue' });
      const { body: one } = await create({ title: 'First', components: [c.id], status: 'in_progress' });
      assert.equal(await statusOf(c.id), 'under_maintenance', 'created in progress: held at once');
      const { body: two } = await create({ title: 'Second', components: [c.id] });
      await post(two.id, 'in_progress');
      await post(one.id, 'completed');
      assert.equal(await statusOf(c.id), 'under_maintenance');
      await post(two.id, 'completed');
      assert.equal(await statusOf(c.id), 'operational');
    });

    it('leaves a component someone set by hand during the window alone', async () => {
      const c = await component({ name: 'CDN' });
      const { body: m } = await create({ title: 'CDN swap', components: [c.id] });
      await post(m.id, 'in_progress');
      const current = await api.request('GET', `/v1/components/${c.id}`, { as: 'viewer' });
      await api.request('PATCH', `/v1/components/${c.id}`, { as: 'responder', body: { status: 'major_outage' }, headers: { 'if-match': current.headers.get('etag') as string } });
      await post(m.id, 'completed');
      assert.equal(await statusOf(c.id), 'major_outage');
    });

    it('changes a maintenance with If-Match, keeping the window and status rules', async () => {
      const a = await component({ name: 'Mail' });
      const b = await component({ name: 'SMS' });
      const { body: m } = await create({ title: 'Messaging', components: [a.id] });
      const path = `/v1/maintenances/${m.id}`;
      assert.equal((await api.request('PATCH', path, { as: 'viewer', body: { title: 'x' }, headers: { 'if-match': '"1"' } })).status, 403);
      assert.equal((await api.request('PATCH', path, { as: 'responder', body: { title: 'x' } })).status, 428);
      const backwards = await api.request('PATCH', path, { as: 'responder', body: { scheduledUntil: hours(0.5) }, headers: { 'if-match': '"1"' } });
      assert.equal(backwards.status, 422);
      assert.equal(backwards.body.errors[0].path, 'scheduledUntil');
      assert.equal((await api.request('PATCH', path, { as: 'responder', body: { components: ['cmp_nope'] }, headers: { 'if-match': '"1"' } })).status, 409);
      const started = await api.request('PATCH', path, { as: 'responder', body: { status: 'in_progress', title: 'Messaging upgrade' }, headers: { 'if-match': '"1"' } });
      assert.equal(started.status, 200);
      assert.equal(started.headers.get('etag'), '"2"');
      assert.equal(await statusOf(a.id), 'under_maintenance');
      const swapped = await api.request('PATCH', path, { as: 'responder', body: { components: [b.id] }, headers: { 'if-match': '"2"' } });
      assert.equal(swapped.status, 200);
      assert.equal(await statusOf(a.id), 'operational', 'taken off the list: released');
      assert.equal(await statusOf(b.id), 'under_maintenance', 'added while in progress: held');
      const stale = await api.request('PATCH', path, { as: 'responder', body: { title: 'Lost edit' }, headers: { 'if-match': '"2"' } });
      assert.equal(stale.status, 412);
      assert.deepEqual(stale.body.current.components, [b.id]);
      assert.equal((await api.request('GET', path)).body.title, 'Messaging upgrade');
      assert.equal((await api.request('PATCH', path, { as: 'responder', body: { status: 'scheduled' }, headers: { 'if-match': '"3"' } })).status, 409);
      assert.equal((await api.request('PATCH', path, { as: 'responder', body: {}, headers: { 'if-match': '"3"' } })).status, 422);
      assert.equal((await api.request('PATCH', '/v1/maintenances/mnt_missing', { as: 'responder', body: { title: 'x' }, headers: { 'if-match': '"1"' } })).status, 404);
    });

    it('deletes for admins with If-Match, releasing its components', async () => {
      const c = await component({ name: 'Billing' });
      const { body: m } = await create({ title: 'Billing move', components: [c.id], status: 'in_progress' });
      const path = `/v1/maintenances/${m.id}`;
      assert.equal(await statusOf(c.id), 'under_maintenance');
      assert.equal((await api.request('DELETE', path, { as: 'responder', headers: { 'if-match': '"1"' } })).status, 403);
      assert.equal((await api.request('DELETE', path, { as: 'admin' })).status, 428);
      assert.equal((await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"7"' } })).status, 412);
      assert.equal((await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"1"' } })).status, 204);
      assert.equal((await api.request('GET', path)).status, 404);
      assert.equal(await statusOf(c.id), 'operational');
      assert.equal((await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"1"' } })).status, 404);
    });
  });
}
