import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sloReport, type SliSample, type Slo } from '@hansei/core';
import { writeIncidents } from '../seed.js';
import { incidentDoc } from '../testing/docs.js';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';
import { databasesUnderTest } from '../testing/postgres.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const AVAILABILITY = {
  name: 'Checkout availability',
  service: 'checkout',
  indicator: { good: 'http_requests{code!~"5.."}', total: 'http_requests' },
  timeWindow: { duration: '30d', isRolling: true },
  budgetingMethod: 'Occurrences',
  objective: { target: 0.99 },
  labels: ['payments', 'tier:1'],
};

/** Samples every 5 minutes over [from, to): 100 events each, `good(at)` of them good. */
function samples(from: number, to: number, good: (at: number) => number = () => 100): SliSample[] {
  const out: SliSample[] = [];
  for (let at = from; at < to; at += 5 * MINUTE) out.push({ at, good: good(at), total: 100 });
  return out;
}

for (const { name, open } of databasesUnderTest()) {
  describe(`SLOs (${name})`, () => {
    let api: TestApi;
    let componentId: string;
    before(async () => {
      api = await startTestApi(open);
      componentId = (await api.request('POST', '/v1/components', { as: 'admin', body: { name: 'Checkout' } })).body.id;
    });
    after(() => api?.close());

    let tick = 0;
    /** Creates an SLO a millisecond after the previous one (lists are in creation order). */
    const create = async (body: unknown, headers: Record<string, string> = {}) => {
      api.setNow(TEST_NOW + ++tick);
      const response = await api.request('POST', '/v1/slos', { as: 'admin', body, headers });
      api.setNow(TEST_NOW);
      return response;
    };
    const ingest = (id: string, body: unknown, as: 'responder' | 'viewer' | null = 'responder') => api.request('POST', `/v1/slos/${id}/samples`, { as, body });

    it('creates SLOs for admins only, validating the OpenSLO shape', async () => {
      assert.equal((await api.request('POST', '/v1/slos', { body: AVAILABILITY })).status, 401);
      assert.equal((await api.request('POST', '/v1/slos', { as: 'viewer', body: AVAILABILITY })).status, 403);
      assert.equal((await api.request('POST', '/v1/slos', { as: 'responder', body: AVAILABILITY })).status, 403);
      const created = await create({ ...AVAILABILITY, componentId });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.match(created.body.id, /^slo_/);
      assert.equal(created.headers.get('etag'), '"1"');
      assert.equal(created.headers.get('location'), `/v1/slos/${created.body.id}`);
      assert.deepEqual(created.body.objective, { target: 0.99, timeSliceTarget: null, timeSliceWindow: null });
      assert.equal(created.body.description, '');
      const bad = await create({ ...AVAILABILITY, objective: { target: 1.5 }, budgetingMethod: 'Timeslices', timeWindow: { duration: 'forever', isRolling: true } });
      assert.equal(bad.status, 422);
      const paths = bad.body.errors.map((e: { path: string }) => e.path);
      for (const path of ['objective.target', 'timeWindow.duration', 'objective.timeSliceTarget']) assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
      const unknownComponent = await create({ ...AVAILABILITY, componentId: 'cmp_nope' });
      assert.equal(unknownComponent.status, 409);
      assert.match(unknownComponent.body.detail, /cmp_nope/);
    });

    it('never duplicates a retried create', async () => {
      const key = { 'idempotency-key': 'slo-latency-1' };
      const body = { ...AVAILABILITY, name: 'Search latency', service: 'search', labels: ['search'] };
      const first = await create(body, key);
      const again = await create(body, key);
      assert.equal(first.status, 201);
      assert.equal(again.body.id, first.body.id);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      const list = await api.request('GET', '/v1/slos?service=search', { as: 'viewer' });
      assert.equal(list.body.data.length, 1);
    });

    it('lists SLOs to viewers with filters and cursor pages, never to anonymous callers', async () => {
      await create({ ...AVAILABILITY, name: 'Checkout latency', labels: ['latency'] });
      assert.equal((await api.request('GET', '/v1/slos')).status, 401);
      const all = await api.request('GET', '/v1/slos', { as: 'viewer' });
      assert.equal(all.status, 200);
      assert.deepEqual(all.body.data.map((s: Slo) => s.name), ['Checkout availability', 'Search latency', 'Checkout latency']);
      assert.equal(all.body.nextCursor, null);
      const byService = await api.request('GET', '/v1/slos?service=checkout', { as: 'viewer' });
      assert.deepEqual(byService.body.data.map((s: Slo) => s.name), ['Checkout availability', 'Checkout latency']);
      const byComponent = await api.request('GET', `/v1/slos?component=${componentId}`, { as: 'viewer' });
      assert.deepEqual(byComponent.body.data.map((s: Slo) => s.name), ['Checkout availability']);
      const byLabel = await api.request('GET', '/v1/slos?label=latency,search', { as: 'viewer' });
      assert.deepEqual(byLabel.body.data.map((s: Slo) => s.name), ['Search latency', 'Checkout latency']);
      const first = await api.request('GET', '/v1/slos?limit=2', { as: 'viewer' });
      assert.equal(first.body.data.length, 2);
      const second = await api.request('GET', `/v1/slos?limit=2&cursor=${first.body.nextCursor}`, { as: 'viewer' });
      assert.deepEqual(second.body.data.map((s: Slo) => s.name), ['Checkout latency']);
      assert.equal(second.body.nextCursor, null);
      assert.equal((await api.request('GET', '/v1/slos?limit=0', { as: 'viewer' })).status, 422);
      assert.equal((await api.request('GET', '/v1/slos?cursor=garbage', { as: 'viewer' })).status, 400);
      const etag = all.headers.get('etag') as string;
      assert.equal((await api.request('GET', '/v1/slos', { as: 'viewer', headers: { 'if-none-match': etag } })).status, 304);
    });

    it('gets one SLO with its version ETag', async () => {
      const { body: slo } = await create({ ...AVAILABILITY, name: 'One' });
      assert.equal((await api.request('GET', `/v1/slos/${slo.id}`)).status, 401);
      const one = await api.request('GET', `/v1/slos/${slo.id}`, { as: 'viewer' });
      assert.equal(one.status, 200);
      assert.deepEqual(one.body, slo);
      assert.equal(one.headers.get('etag'), '"1"');
      assert.equal((await api.request('GET', `/v1/slos/${slo.id}`, { as: 'viewer', headers: { 'if-none-match': '"1"' } })).status, 304);
      assert.equal((await api.request('GET', '/v1/slos/slo_nope', { as: 'viewer' })).status, 404);
    });

    it('patches with If-Match, re-validating the merged SLO', async () => {
      const { body: slo } = await create({ ...AVAILABILITY, name: 'Patch me' });
      const path = `/v1/slos/${slo.id}`;
      const patch = (body: unknown, etag?: string, as: 'admin' | 'responder' = 'admin') => api.request('PATCH', path, { as, body, headers: etag ? { 'if-match': etag } : {} });
      assert.equal((await patch({ name: 'x' }, '"1"', 'responder')).status, 403);
      assert.equal((await patch({ name: 'x' })).status, 428);
      assert.equal((await patch({}, '"1"')).status, 422);
      // Alone, the patch is fine; merged with the stored objective it lacks the slice fields.
      const merged = await patch({ budgetingMethod: 'Timeslices' }, '"1"');
      assert.equal(merged.status, 422);
      assert.deepEqual(merged.body.errors.map((e: { path: string }) => e.path), ['objective.timeSliceTarget', 'objective.timeSliceWindow']);
      assert.equal((await patch({ componentId: 'cmp_nope' }, '"1"')).status, 409);
      api.setNow(TEST_NOW + HOUR);
      const saved = await patch({ budgetingMethod: 'Timeslices', objective: { target: 0.95, timeSliceTarget: 0.9, timeSliceWindow: '5m' }, componentId }, '"1"');
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.headers.get('etag'), '"2"');
      assert.equal(saved.body.budgetingMethod, 'Timeslices');
      assert.equal(saved.body.componentId, componentId);
      assert.equal(saved.body.name, 'Patch me');
      assert.equal(saved.body.createdAt, slo.createdAt);
      assert.equal(saved.body.updatedAt, new Date(TEST_NOW + HOUR).toISOString());
      api.setNow(TEST_NOW);
      const stale = await patch({ name: 'Stale' }, '"1"');
      assert.equal(stale.status, 412);
      assert.equal(stale.body.current.budgetingMethod, 'Timeslices');
      assert.equal((await api.request('GET', path, { as: 'viewer' })).body.name, 'Patch me', 'nothing overwritten');
      assert.equal((await api.request('PATCH', '/v1/slos/slo_nope', { as: 'admin', body: { name: 'x' }, headers: { 'if-match': '"1"' } })).status, 404);
    });

    it('ingests samples in batches, upserting on (slo, at) so a re-send is harmless', async () => {
      const { body: slo } = await create({ ...AVAILABILITY, name: 'Ingest' });
      const batch = samples(TEST_NOW - DAY, TEST_NOW);
      assert.equal((await ingest(slo.id, batch, null)).status, 401);
      assert.equal((await ingest(slo.id, batch, 'viewer')).status, 403);
      assert.equal((await ingest('slo_nope', batch)).status, 404);
      const bad = await ingest(slo.id, [{ at: TEST_NOW, good: 5, total: 4 }, { at: -1, good: 0, total: 0 }]);
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path), ['0.total', '1.at']);
      assert.equal((await ingest(slo.id, [])).status, 422);
      const first = await ingest(slo.id, batch);
      assert.equal(first.status, 200);
      assert.deepEqual(first.body, { accepted: batch.length });
      const report = (await api.request('GET', `/v1/slos/${slo.id}/report`, { as: 'viewer' })).body;
      const again = await ingest(slo.id, batch);
      assert.deepEqual(again.body, { accepted: batch.length });
      const count = async () => (await api.db.query<{ n: number }>('select count(*)::int as n from sli_samples where slo_id = $1', [slo.id]))[0]?.n;
      assert.equal(await count(), batch.length, 'no duplicates');
      assert.deepEqual((await api.request('GET', `/v1/slos/${slo.id}/report`, { as: 'viewer' })).body, report, 'same report');
      // A corrected sample replaces the stored one; repeats within a batch: the last wins.
      const at = batch[10]!.at;
      const fixed = await ingest(slo.id, [{ at, good: 10, total: 100 }, { at, good: 40, total: 100 }]);
      assert.deepEqual(fixed.body, { accepted: 1 });
      assert.equal(await count(), batch.length);
      const [row] = await api.db.query<{ good: number }>('select good from sli_samples where slo_id = $1 and at = $2', [slo.id, at]);
      assert.equal(row?.good, 40);
      const corrected = (await api.request('GET', `/v1/slos/${slo.id}/report`, { as: 'viewer' })).body;
      assert.equal(corrected.good, report.good - 60);
    });

    it('takes 10,000 samples in one request, and no more', async () => {
      const { body: slo } = await create({ ...AVAILABILITY, name: 'Bulk' });
      const batch = samples(TEST_NOW - 10_000 * 5 * MINUTE, TEST_NOW);
      assert.equal(batch.length, 10_000);
      const started = performance.now();
      const response = await ingest(slo.id, batch);
      const ms = performance.now() - started;
      assert.equal(response.status, 200);
      assert.equal(response.body.accepted, 10_000);
      console.log(`  10,000 samples ingested in ${ms.toFixed(0)} ms (${name})`);
      assert.ok(ms < 10_000, `took ${ms} ms`);
      const tooMany = await ingest(slo.id, [...batch, { at: TEST_NOW, good: 1, total: 1 }]);
      assert.equal(tooMany.status, 422);
      const tooLarge = await api.request('POST', `/v1/slos/${slo.id}/samples`, {
        as: 'responder',
        raw: JSON.stringify(batch.slice(0, 10)) + ' '.repeat(2 * 1024 * 1024),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(tooLarge.status, 413);
    });

    it("reports what core's sloReport computes on the same data, charging the component's incidents", async () => {
      const { body: slo } = await create({ ...AVAILABILITY, name: 'Report', componentId });
      const blip = { from: TEST_NOW - 3 * DAY, to: TEST_NOW - 3 * DAY + 2 * HOUR };
      const data = samples(TEST_NOW - 34 * DAY, TEST_NOW + HOUR, (at) => (at >= blip.from && at < blip.to ? 50 : at >= TEST_NOW - 2 * HOUR ? 80 : 100));
      for (let i = 0; i < data.length; i += 10_000) assert.equal((await ingest(slo.id, data.slice(i, i + 10_000))).status, 200);
      const iso = (ms: number) => new Date(ms).toISOString();
      const ours = { componentId, status: 'major_outage' as const };
      await writeIncidents(api.db, [
        incidentDoc({ id: 'inc_blip', startedAt: iso(blip.from), resolvedAt: iso(blip.to), components: [ours] }),
        incidentDoc({ id: 'inc_elsewhere', startedAt: iso(blip.from), components: [{ componentId: 'cmp_other', status: 'major_outage' }] }),
        incidentDoc({ id: 'inc_long_ago', startedAt: iso(TEST_NOW - 60 * DAY), components: [ours] }),
        incidentDoc({ id: 'inc_now', startedAt: iso(TEST_NOW - 2 * HOUR), status: 'investigating', mitigatedAt: null, resolvedAt: null, components: [ours] }),
      ]);
      assert.equal((await api.request('GET', `/v1/slos/${slo.id}/report`)).status, 401);
      assert.equal((await api.request('GET', '/v1/slos/slo_nope/report', { as: 'viewer' })).status, 404);
      const response = await api.request('GET', `/v1/slos/${slo.id}/report`, { as: 'viewer' });
      assert.equal(response.status, 200);
      const expected = sloReport(slo, data, {
        now: TEST_NOW,
        incidents: [
          { id: 'inc_blip', startedAt: iso(blip.from), resolvedAt: iso(blip.to) },
          { id: 'inc_now', startedAt: iso(TEST_NOW - 2 * HOUR), resolvedAt: null },
        ],
      });
      assert.deepEqual(response.body, JSON.parse(JSON.stringify(expected)));
      assert.equal(response.body.alert, 'page');
      assert.deepEqual(response.body.incidents.map((i: { incidentId: string; bad: number }) => [i.incidentId, i.bad]), [
        ['inc_blip', 24 * 50],
        ['inc_now', 24 * 20],
      ]);
      const etag = response.headers.get('etag') as string;
      assert.equal((await api.request('GET', `/v1/slos/${slo.id}/report`, { as: 'viewer', headers: { 'if-none-match': etag } })).status, 304);
      api.setNow(TEST_NOW + 5 * MINUTE);
      assert.notEqual((await api.request('GET', `/v1/slos/${slo.id}/report`, { as: 'viewer' })).headers.get('etag'), etag, 'the clock moves the report');
      api.setNow(TEST_NOW);
    });

    it('deletes an SLO with If-Match, and its samples with it', async () => {
      const { body: slo } = await create({ ...AVAILABILITY, name: 'Delete me' });
      await ingest(slo.id, samples(TEST_NOW - HOUR, TEST_NOW));
      const path = `/v1/slos/${slo.id}`;
      assert.equal((await api.request('DELETE', path, { as: 'responder', headers: { 'if-match': '"1"' } })).status, 403);
      assert.equal((await api.request('DELETE', path, { as: 'admin' })).status, 428);
      const stale = await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"7"' } });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.currentEtag, '"1"');
      assert.equal((await api.request('GET', path, { as: 'viewer' })).status, 200, 'still there');
      assert.equal((await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"1"' } })).status, 204);
      assert.equal((await api.request('GET', path, { as: 'viewer' })).status, 404);
      const left = await api.db.query('select 1 from sli_samples where slo_id = $1', [slo.id]);
      assert.equal(left.length, 0);
      assert.equal((await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"1"' } })).status, 404);
    });
  });
}
