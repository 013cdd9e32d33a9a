import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  COMPONENT_STATUSES,
  IMPACTS,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
  PAGE_INDICATORS,
  fromStatuspageComponents,
  fromStatuspageIncidents,
  fromStatuspageMaintenances,
  fromStatuspageSummary,
} from '@hansei/core';
import { databasesUnderTest } from '../testing/postgres.js';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';
import { HOUR, SECRET, iso, publishEvent, seedPage, setPage } from '../testing/public.js';
import { seedDemo } from '../seed.js';
import { STATUSPAGE_DOCUMENTS } from './statuspage.js';

const PATHS = STATUSPAGE_DOCUMENTS.map((d) => d.path);

function checkEnums(doc: Record<string, unknown>): void {
  const components = (doc['components'] ?? []) as { status: string }[];
  for (const c of components) assert.ok((COMPONENT_STATUSES as readonly string[]).includes(c.status), c.status);
  for (const i of (doc['incidents'] ?? []) as { status: string; impact: string; incident_updates: { status: string }[] }[]) {
    assert.ok([...INCIDENT_STATUSES, 'postmortem'].includes(i.status), i.status);
    assert.ok((IMPACTS as readonly string[]).includes(i.impact), i.impact);
  }
  for (const m of (doc['scheduled_maintenances'] ?? []) as { status: string; impact: string }[]) {
    assert.ok((MAINTENANCE_STATUSES as readonly string[]).includes(m.status), m.status);
    assert.equal(m.impact, 'maintenance');
  }
  const status = doc['status'] as { indicator: string } | undefined;
  if (status) assert.ok((PAGE_INDICATORS as readonly string[]).includes(status.indicator));
}

for (const { name, open } of databasesUnderTest()) {
  describe(`Statuspage v2 documents (${name})`, () => {
    let api: TestApi;
    let ids: Record<string, string>;
    before(async () => {
      api = await startTestApi(open, { public: { rateLimit: false } });
    });
    after(() => api?.close());

    it('serves an empty page with the default page info and no internal data', async () => {
      const res = await api.request('GET', '/api/v2/summary.json');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.deepEqual(Object.keys(res.body), ['page', 'components', 'incidents', 'scheduled_maintenances', 'status']);
      assert.deepEqual(Object.keys(res.body.page), ['id', 'name', 'url', 'time_zone', 'updated_at']);
      assert.equal(res.body.page.name, 'Hansei Status');
      assert.equal(res.body.page.url, api.url);
      assert.equal(res.body.page.time_zone, 'UTC');
      assert.deepEqual(res.body.status, { indicator: 'none', description: 'All Systems Operational' });
      assert.deepEqual(res.body.components, []);
      const back = fromStatuspageSummary(res.body);
      assert.equal(back.page.name, 'Hansei Status');
    });

    it('serves every document with CORS, caching headers and a strong ETag, and 304 when unchanged', async () => {
      for (const path of PATHS) {
        const res = await api.request('GET', path);
        assert.equal(res.status, 200, path);
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
        assert.match(res.headers.get('cache-control') ?? '', /^public, max-age=\d+, stale-while-revalidate=\d+$/);
        const etag = res.headers.get('etag') ?? '';
        assert.match(etag, /^"[\w-]+"$/, 'strong ETag');
        const again = await api.request('GET', path, { headers: { 'if-none-match': etag } });
        assert.equal(again.status, 304, path);
        assert.equal(again.text, '');
        assert.equal(again.headers.get('etag'), etag);
        assert.equal(again.headers.get('access-control-allow-origin'), '*');
        const other = await api.request('GET', path, { headers: { 'if-none-match': '"nope", W/' + etag } });
        assert.equal(other.status, 304, 'weak comparison for If-None-Match');
        assert.equal((await api.request('GET', path, { headers: { 'if-none-match': '"nope"' } })).status, 200);
      }
    });

    it('answers CORS preflights and HEAD', async () => {
      const pre = await api.request('OPTIONS', '/api/v2/summary.json', {
        headers: { origin: 'https://widget.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
      });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-origin'), '*');
      assert.match(pre.headers.get('access-control-allow-methods') ?? '', /GET/);
      assert.equal(pre.headers.get('access-control-allow-headers'), 'if-none-match');
      const head = await fetch(`${api.url}/api/v2/status.json`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.ok(head.headers.get('etag'));
      assert.equal(await head.text(), '');
    });

    it('shows public incidents, updates and visible components only, with Statuspage fields and enums', async () => {
      ids = await seedPage(api);
      const docs: Record<string, { text: string; body: Record<string, unknown> }> = {};
      for (const path of PATHS) {
        const res = await api.request('GET', path);
        assert.equal(res.status, 200);
        docs[path] = res;
        assert.ok(!res.text.includes(SECRET), `${path} leaks internal data`);
        assert.ok(!res.text.includes(ids['internal'] as string), `${path} shows the internal incident`);
        assert.ok(!res.text.includes(ids['hidden'] as string), `${path} shows the hidden component`);
        checkEnums(res.body);
      }
      const summary = docs['/api/v2/summary.json']?.body as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      assert.deepEqual(
        summary.components.map((c: { name: string }) => c.name),
        ['Core', 'API', 'Web'],
      );
      const group = summary.components[0];
      assert.equal(group.group, true);
      assert.deepEqual(group.components, [ids['api'], ids['web']]);
      assert.equal(group.status, 'partial_outage', 'the worst of its members');
      assert.deepEqual(Object.keys(summary.components[1]), ['id', 'name', 'status', 'created_at', 'updated_at', 'position', 'description', 'showcase', 'start_date', 'group_id', 'page_id', 'group', 'only_show_if_degraded']);
      assert.equal(summary.components[1].group_id, ids['core']);
      assert.equal(summary.components[1].status, 'partial_outage', 'the open incident sets it');
      assert.equal(summary.components[2].status, 'under_maintenance', 'the active maintenance sets it');
      assert.deepEqual(summary.incidents.map((i: { id: string }) => i.id), [ids['open']]);
      const incident = summary.incidents[0];
      assert.deepEqual(Object.keys(incident), [
        'id', 'name', 'status', 'created_at', 'updated_at', 'monitoring_at', 'resolved_at', 'impact', 'shortlink', 'started_at', 'page_id', 'incident_updates', 'components',
      ]);
      assert.deepEqual(incident.incident_updates.map((u: { body: string }) => u.body), ['Cause found.', 'We are looking into it.']);
      assert.deepEqual(incident.incident_updates[0].affected_components, [{ code: ids['api'], name: 'API', old_status: 'operational', new_status: 'partial_outage' }]);
      assert.equal(incident.shortlink, `${api.url}/incidents/${ids['open']}`);
      assert.deepEqual(incident.components.map((c: { id: string }) => c.id), [ids['api']]);
      assert.deepEqual(summary.scheduled_maintenances.map((m: { id: string }) => m.id), [ids['active'], ids['upcoming']]);
      assert.deepEqual(summary.status, { indicator: 'minor', description: 'Minor Service Outage' });
      assert.equal(summary.page.updated_at, iso(TEST_NOW), 'the latest change on the page');

      const incidents = docs['/api/v2/incidents.json']?.body as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      assert.deepEqual(
        incidents.incidents.map((i: { id: string; status: string }) => [i.id, i.status]),
        [
          [ids['open'], 'identified'],
          [ids['withPostmortem'], 'postmortem'],
          [ids['draft'], 'resolved'],
        ],
      );
      const unresolved = docs['/api/v2/incidents/unresolved.json']?.body as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      assert.deepEqual(unresolved.incidents.map((i: { id: string }) => i.id), [ids['open']]);
      const all = docs['/api/v2/scheduled-maintenances.json']?.body as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      assert.deepEqual(all.scheduled_maintenances.map((m: { id: string }) => m.id), [ids['upcoming'], ids['active'], ids['done']]);
      assert.deepEqual(Object.keys(all.scheduled_maintenances[0]).slice(-2), ['scheduled_for', 'scheduled_until']);
      const upcoming = docs['/api/v2/scheduled-maintenances/upcoming.json']?.body as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      assert.deepEqual(upcoming.scheduled_maintenances.map((m: { id: string }) => m.id), [ids['upcoming']]);
      const active = docs['/api/v2/scheduled-maintenances/active.json']?.body as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      assert.deepEqual(active.scheduled_maintenances.map((m: { id: string }) => m.id), [ids['active']]);
      assert.deepEqual(docs['/api/v2/status.json']?.body, { page: summary.page, status: summary.status });
      assert.deepEqual(docs['/api/v2/components.json']?.body, { page: summary.page, components: summary.components });
    });

    it('round-trips through the Statuspage readers, as an existing client reads them', async () => {
      const get = async (path: string) => (await api.request('GET', path)).text;
      const summary = fromStatuspageSummary(await get('/api/v2/summary.json'));
      assert.equal(summary.status.indicator, 'minor');
      assert.deepEqual(summary.groups.map((g) => g.id), [ids['core']]);
      assert.deepEqual(summary.components.map((c) => c.id), [ids['api'], ids['web']]);
      assert.equal(summary.incidents[0]?.updates.length, 2);
      const incidents = fromStatuspageIncidents(await get('/api/v2/incidents.json'));
      assert.equal(incidents.incidents.length, 3);
      assert.equal(incidents.incidents[1]?.status, 'resolved', 'postmortem reads back as resolved');
      fromStatuspageIncidents(await get('/api/v2/incidents/unresolved.json'));
      fromStatuspageComponents(await get('/api/v2/components.json'));
      for (const path of ['/api/v2/scheduled-maintenances.json', '/api/v2/scheduled-maintenances/upcoming.json', '/api/v2/scheduled-maintenances/active.json']) {
        fromStatuspageMaintenances(await get(path));
      }
    });

    it('shows a change made through the API on the next request', async () => {
      const before = await api.request('GET', '/api/v2/components.json');
      const etag = before.headers.get('etag') as string;
      const patched = await api.request('PATCH', `/v1/components/${ids['api']}`, { as: 'admin', body: { name: 'Public API' }, headers: { 'if-match': '"1"' } });
      assert.equal(patched.status, 200, patched.text);
      const after = await api.request('GET', '/api/v2/components.json', { headers: { 'if-none-match': etag } });
      assert.equal(after.status, 200);
      assert.ok(after.body.components.some((c: { name: string }) => c.name === 'Public API'));
      assert.notEqual(after.headers.get('etag'), etag);
    });

    it('serves warm hits from memory, and a published change from the database', async () => {
      const first = await api.request('GET', '/api/v2/summary.json');
      await setPage(api.db, { id: 'acme', name: 'Acme Status', url: 'https://status.acme.test', timeZone: 'Asia/Tokyo', updatedAt: iso(TEST_NOW + HOUR) });
      const cached = await api.request('GET', '/api/v2/summary.json');
      assert.equal(cached.body.page.name, 'Hansei Status', 'no event yet: the cached document');
      assert.equal(cached.headers.get('etag'), first.headers.get('etag'));
      await publishEvent(api.db, 'internal', 'settings.updated');
      const fresh = await api.request('GET', '/api/v2/summary.json');
      assert.deepEqual(fresh.body.page, { id: 'acme', name: 'Acme Status', url: 'https://status.acme.test', time_zone: 'Asia/Tokyo', updated_at: iso(TEST_NOW + HOUR) });
      assert.equal(fresh.body.incidents[0].shortlink, `https://status.acme.test/incidents/${ids['open']}`);
    });

    it('keeps answering while many requests miss at once', async () => {
      api.surface?.source.cache.invalidate();
      const answers = await Promise.all(Array.from({ length: 20 }, () => api.request('GET', '/api/v2/summary.json')));
      assert.ok(answers.every((a) => a.status === 200));
      assert.equal(new Set(answers.map((a) => a.headers.get('etag'))).size, 1);
    });

    it('is read-only: other methods are not served', async () => {
      const res = await api.request('POST', '/api/v2/summary.json', { body: {} });
      assert.equal(res.status, 404);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
    });
  });
}

describe('page origin behind a trusted proxy', () => {
  const pglite = databasesUnderTest()[0];
  it('takes the page URL from X-Forwarded-Proto and -Host only when trusted and well-formed', async () => {
    const direct = await startTestApi(pglite!.open, { public: { rateLimit: false } });
    const proxied = await startTestApi(pglite!.open, { public: { rateLimit: false, trustProxy: true } });
    try {
      const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'status.example.com, internal:8080' };
      assert.equal((await direct.request('GET', '/api/v2/status.json', { headers: forwarded })).body.page.url, direct.url);
      assert.equal((await proxied.request('GET', '/api/v2/status.json', { headers: forwarded })).body.page.url, 'https://status.example.com');
      const forged = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example/<script>' };
      assert.equal((await proxied.request('GET', '/api/v2/status.json', { headers: forged })).body.page.url, proxied.url);
    } finally {
      await proxied.close();
      await direct.close();
    }
  });
});

for (const { name, open } of databasesUnderTest()) {
  describe(`Statuspage v2 documents of the seeded demo (${name})`, () => {
    it('serves every document of the demo, readable by Statuspage clients, without internal incidents or updates', async () => {
      const api = await startTestApi(open, { public: { rateLimit: false } });
      try {
        await seedDemo(api.db, TEST_NOW);
        api.surface?.source.cache.invalidate();
        const internal = await api.db.query<{ id: string }>(`select id from incidents where visibility = 'internal'`);
        const internalUpdates = await api.db.query<{ id: string }>(`select id from incident_updates where visibility = 'internal'`);
        assert.ok(internal.length + internalUpdates.length > 0, 'the demo has internal records to hide');
        for (const path of [...PATHS, '/v1/feed.atom', '/v1/badge.svg']) {
          const res = await api.request('GET', path);
          assert.equal(res.status, 200, path);
          for (const { id } of [...internal, ...internalUpdates]) assert.ok(!res.text.includes(id), `${path} shows internal ${id}`);
          if (path.endsWith('.json')) checkEnums(res.body);
        }
        const summary = fromStatuspageSummary((await api.request('GET', '/api/v2/summary.json')).text);
        assert.ok(summary.components.length >= 12);
        assert.ok(summary.groups.length > 0);
        assert.equal(fromStatuspageIncidents((await api.request('GET', '/api/v2/incidents.json')).text).incidents.length > 0, true);
      } finally {
        await api.close();
      }
    });
  });
}
