import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';
import { databasesUnderTest } from '../testing/postgres.js';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(TEST_NOW + hours * HOUR).toISOString();

for (const { name, open } of databasesUnderTest()) {
  describe(`daily uptime of the whole page (${name})`, () => {
    let api: TestApi;
    const ids: Record<string, string> = {};
    before(async () => {
      api = await startTestApi(open);
      const component = async (key: string, body: Record<string, unknown>) => {
        const res = await api.request('POST', '/v1/components', { as: 'admin', body });
        assert.equal(res.status, 201, res.text);
        ids[key] = res.body.id;
      };
      await component('late', { name: 'Listed second', position: 5 });
      await component('early', { name: 'Listed first', position: 2 });
      await component('hidden', { name: 'Hidden batch', position: 0, showcase: false });
      // A public incident takes `late` down for 3 hours, then becomes internal: anonymous
      // readers must not learn its id from the uptime bars.
      api.setNow(TEST_NOW + 2 * HOUR);
      const incident = await api.request('POST', '/v1/incidents', {
        as: 'responder',
        body: { title: 'Queue stuck', severity: 'SEV2', visibility: 'public', startedAt: at(2), detectedAt: at(2), components: [{ componentId: ids['late'], status: 'major_outage' }] },
      });
      assert.equal(incident.status, 201, incident.text);
      ids['incident'] = incident.body.id;
      api.setNow(TEST_NOW + 5 * HOUR);
      const resolved = await api.request('PATCH', `/v1/incidents/${ids['incident']}`, { as: 'responder', body: { status: 'resolved' }, headers: { 'if-match': incident.headers.get('etag') as string } });
      assert.equal(resolved.status, 200, resolved.text);
      const hidden = await api.request('PATCH', `/v1/incidents/${ids['incident']}`, { as: 'responder', body: { visibility: 'internal' }, headers: { 'if-match': resolved.headers.get('etag') as string } });
      assert.equal(hidden.status, 200, hidden.text);
      api.setNow(TEST_NOW + 8 * HOUR);
    });
    after(() => api?.close());

    it('lists every public component in page order, as its own uptime route computes it', async () => {
      const page = await api.request('GET', '/v1/uptime?days=3&timeZone=UTC');
      assert.equal(page.status, 200, page.text);
      assert.deepEqual(page.body.data.map((u: { componentId: string }) => u.componentId), [ids['early'], ids['late']]);
      for (const entry of page.body.data) {
        const own = await api.request('GET', `/v1/components/${entry.componentId}/uptime?days=3&timeZone=UTC`);
        assert.deepEqual(entry, own.body);
      }
      const late = page.body.data[1].days;
      assert.equal(late.length, 3);
      assert.equal(late[2].date, '2026-11-25');
      // 3 hours of major outage out of the 8 measured since the component was created.
      assert.ok(Math.abs(late[2].uptime - 5 / 8) < 1e-9, String(late[2].uptime));
      assert.deepEqual(late[2].incidentIds, [], 'the incident is internal now');
      const viewer = await api.request('GET', '/v1/uptime?days=3&timeZone=UTC', { as: 'viewer' });
      assert.deepEqual(viewer.body.data[1].days[2].incidentIds, [ids['incident']], 'a token holder sees it');
      assert.ok(!viewer.text.includes(ids['hidden'] as string), 'hidden components are never listed');
    });

    it('cuts days at midnight in the page time zone unless told another', async () => {
      const utc = await api.request('GET', '/v1/uptime?days=2');
      assert.deepEqual(utc.body.data[0].days.map((d: { date: string }) => d.date), ['2026-11-24', '2026-11-25'], "the page's default zone is UTC");
      const page = await api.request('GET', '/v1/page');
      const put = await api.request('PUT', '/v1/page', { as: 'admin', body: { name: 'Acme', url: 'https://status.acme.test', timeZone: 'Pacific/Kiritimati' }, headers: { 'if-match': page.headers.get('etag') as string } });
      assert.equal(put.status, 200, put.text);
      // 17:00 UTC on the 25th is 07:00 on the 26th at UTC+14.
      const local = await api.request('GET', '/v1/uptime?days=2');
      assert.deepEqual(local.body.data[0].days.map((d: { date: string }) => d.date), ['2026-11-25', '2026-11-26']);
      const asked = await api.request('GET', '/v1/uptime?days=2&timeZone=UTC');
      assert.deepEqual(asked.body.data[0], utc.body.data[0]);
    });

    it('is cacheable: public for anonymous readers, with an ETag and 304', async () => {
      const first = await api.request('GET', '/v1/uptime');
      assert.equal(first.status, 200);
      assert.equal(first.body.data[0].days.length, 90, '90 days by default');
      assert.match(first.headers.get('cache-control') ?? '', /^public/);
      assert.equal(first.headers.get('vary'), 'authorization');
      const etag = first.headers.get('etag') as string;
      assert.match(etag, /^"[\w-]+"$/);
      assert.equal((await api.request('GET', '/v1/uptime', { headers: { 'if-none-match': etag } })).status, 304);
      assert.match((await api.request('GET', '/v1/uptime', { as: 'viewer' })).headers.get('cache-control') ?? '', /^private/);
    });

    it('refuses days outside 1 to 90, unknown time zones and bad tokens', async () => {
      for (const query of ['days=0', 'days=91', 'days=abc', 'timeZone=Mars/Olympus', 'timeZone=']) {
        const res = await api.request('GET', `/v1/uptime?${query}`);
        assert.equal(res.status, 422, query);
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
      }
      assert.equal((await api.request('GET', '/v1/uptime?days=1')).body.data[0].days.length, 1);
      assert.equal((await api.request('GET', '/v1/uptime', { authorization: 'Bearer hsk_not-a-real-token' })).status, 401);
    });
  });
}
