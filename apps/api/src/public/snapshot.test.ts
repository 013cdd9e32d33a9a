/* eslint-disable @typescript-eslint/no-explicit-any -- the harness gives response bodies as parsed JSON */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StatusSnapshotSchema, validate } from '@hansei/core';
import { databasesUnderTest } from '../testing/postgres.js';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';
import { HOUR, SECRET, insertIncident, iso, publishEvent, seedPage } from '../testing/public.js';

const PATH = '/v1/status.json';

for (const { name, open } of databasesUnderTest()) {
  describe(`the status snapshot, /v1/status.json (${name})`, () => {
    let api: TestApi;
    let ids: Record<string, string>;
    before(async () => {
      api = await startTestApi(open, { public: { rateLimit: false } });
    });
    after(() => api?.close());

    it('serves an empty page: the default page info, all operational, nothing listed', async () => {
      const res = await api.request('GET', PATH);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.deepEqual(Object.keys(res.body), ['page', 'status', 'groups', 'components', 'incidents', 'maintenances', 'generatedAt']);
      assert.equal(res.body.page.name, 'Hansei Status');
      assert.equal(res.body.page.url, api.url);
      assert.deepEqual(res.body.status, { indicator: 'none', description: 'All Systems Operational' });
      for (const list of ['groups', 'components', 'incidents', 'maintenances']) assert.deepEqual(res.body[list], [], list);
      assert.equal(res.body.generatedAt, iso(TEST_NOW));
    });

    it('is anonymous, CORS-open and cacheable, with a strong ETag and 304, like the v2 documents', async () => {
      const res = await api.request('GET', PATH);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.match(res.headers.get('cache-control') ?? '', /^public, max-age=\d+, stale-while-revalidate=\d+$/);
      const etag = res.headers.get('etag') as string;
      assert.match(etag, /^"[\w-]+"$/);
      const again = await api.request('GET', PATH, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304);
      assert.equal(again.text, '');
      assert.equal((await api.request('GET', PATH, { as: 'admin' })).text, res.text, 'a token changes nothing');
      const pre = await api.request('OPTIONS', PATH, { headers: { origin: 'https://widget.example', 'access-control-request-method': 'GET' } });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-origin'), '*');
    });

    it('shows visible components with their effective statuses, open public incidents and coming maintenances, nothing internal', async () => {
      ids = await seedPage(api);
      // A second open public incident, started later, linked to the internal incident and
      // naming the hidden component in an update: neither may show.
      const later = await insertIncident(api.db, {
        title: 'Slow search',
        status: 'investigating',
        startedAt: iso(TEST_NOW - 30 * 60_000),
        related: [{ incidentId: ids['internal'] as string, relation: 'related' }, { incidentId: ids['open'] as string, relation: 'related' }],
        components: [{ componentId: ids['hidden'] as string, status: 'partial_outage' }],
        updates: [
          {
            body: 'Looking.',
            affectedComponents: [
              { componentId: ids['hidden'] as string, name: `Billing ${SECRET}`, oldStatus: 'operational', newStatus: 'partial_outage' },
              { componentId: ids['web'] as string, name: 'Web', oldStatus: 'operational', newStatus: 'operational' },
            ],
          },
          { body: `Hidden note ${SECRET}`, visibility: 'internal' },
        ],
      });
      await publishEvent(api.db, 'public', 'test.seeded');
      const res = await api.request('GET', PATH);
      assert.equal(res.status, 200);
      assert.ok(!res.text.includes(SECRET), 'no internal text');
      assert.ok(!res.text.includes(ids['internal'] as string), 'no internal incident, not even as a link');
      assert.ok(!res.text.includes(ids['hidden'] as string), 'no hidden component');
      const snapshot = res.body;
      const checked = validate(StatusSnapshotSchema, snapshot);
      assert.ok(checked.ok, JSON.stringify(checked.ok ? null : checked.issues));

      assert.deepEqual(snapshot.groups.map((g: any) => g.id), [ids['core']]);
      assert.deepEqual(
        snapshot.components.map((c: any) => [c.name, c.status]),
        [
          ['API', 'partial_outage'],
          ['Web', 'under_maintenance'],
        ],
        'the statuses the page shows (open incident, active maintenance)',
      );
      assert.deepEqual(snapshot.incidents.map((i: any) => i.id), [later.id, ids['open']], 'most recently started first');
      const [first, second] = snapshot.incidents;
      assert.deepEqual(first.related, [{ incidentId: ids['open'], relation: 'related' }]);
      assert.deepEqual(first.components, []);
      assert.deepEqual(first.updates.map((u: any) => u.body), ['Looking.']);
      assert.deepEqual(first.updates[0].affectedComponents, [{ componentId: ids['web'], name: 'Web', oldStatus: 'operational', newStatus: 'operational' }]);
      assert.deepEqual(second.updates.map((u: any) => u.body), ['Cause found.', 'We are looking into it.'], 'public updates, newest first');
      assert.deepEqual(second.components.map((c: any) => c.componentId), [ids['api']]);
      assert.deepEqual(snapshot.maintenances.map((m: any) => m.id), [ids['active'], ids['upcoming']], 'soonest first, none completed');

      const v2 = (await api.request('GET', '/api/v2/status.json')).body;
      assert.deepEqual(snapshot.status, v2.status, 'the status of status.json');
      assert.deepEqual(
        { id: snapshot.page.id, name: snapshot.page.name, url: snapshot.page.url, time_zone: snapshot.page.timeZone, updated_at: snapshot.page.updatedAt },
        v2.page,
      );
    });

    it('shows a change made through the API on the next request', async () => {
      const before = await api.request('GET', PATH);
      const etag = before.headers.get('etag') as string;
      const component = await api.request('GET', `/v1/components/${ids['api']}`);
      const patched = await api.request('PATCH', `/v1/components/${ids['api']}`, { as: 'admin', body: { name: 'Public API' }, headers: { 'if-match': component.headers.get('etag') as string } });
      assert.equal(patched.status, 200, patched.text);
      api.setNow(TEST_NOW + HOUR);
      const after = await api.request('GET', PATH, { headers: { 'if-none-match': etag } });
      assert.equal(after.status, 200);
      assert.ok(after.body.components.some((c: { name: string }) => c.name === 'Public API'));
      assert.equal(after.body.generatedAt, iso(TEST_NOW + HOUR), 'rendered anew');
      assert.notEqual(after.headers.get('etag'), etag);
      api.setNow(TEST_NOW);
    });
  });
}
