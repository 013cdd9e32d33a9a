/* eslint-disable @typescript-eslint/no-explicit-any -- the harness gives response bodies as parsed JSON */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SEVERITY_GUIDELINE, publicIncident } from '@hansei/core';
import { allIncidents, getIncident } from '../store/incidents.js';
import { insertPerson } from '../store/people.js';
import { TEST_NOW, startTestApi, type TestApi, type TestResponse } from '../testing/harness.js';
import { databasesUnderTest } from '../testing/postgres.js';

const MINUTE = 60_000;
/** An instant `minutes` from the test clock's start. */
const at = (minutes: number) => new Date(TEST_NOW + minutes * MINUTE).toISOString();

const ids = (list: TestResponse) => list.body.data.map((i: { id: string }) => i.id) as string[];

for (const { name, open } of databasesUnderTest()) {
  describe(`incidents (${name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(open);
      for (const [id, person] of [['per_ada', 'Ada'], ['per_bo', 'Bo'], ['per_cy', 'Cy']] as const) {
        await insertPerson(api.db, { id, name: person, email: null, handle: null, timeZone: null }, at(0));
      }
    });
    after(() => api?.close());
    beforeEach(() => api.setNow(TEST_NOW));

    const declare = (body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      api.request('POST', '/v1/incidents', {
        as: 'responder',
        headers,
        body: { title: 'Checkout fails', severity: 'SEV2', startedAt: at(-20), detectedAt: at(-15), ...body },
      });
    const component = async (name: string, extra: Record<string, unknown> = {}) =>
      (await api.request('POST', '/v1/components', { as: 'admin', body: { name, ...extra } })).body as { id: string };
    const componentStatus = async (id: string) => (await api.request('GET', `/v1/components/${id}`, { as: 'viewer' })).body.status as string;
    const post = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      api.request('POST', `/v1/incidents/${id}/updates`, { as: 'responder', body, headers });
    const patch = (id: string, body: Record<string, unknown>, etag: string | null) =>
      api.request('PATCH', `/v1/incidents/${id}`, { as: 'responder', body, headers: etag === null ? {} : { 'if-match': etag } });
    const timeline = async (id: string) => (await api.request('GET', `/v1/incidents/${id}/timeline`, { as: 'viewer' })).body.data as any[];

    it('declares incidents for responders only, with problems that say what to fix', async () => {
      assert.equal((await api.request('POST', '/v1/incidents', { body: { title: 'x' } })).status, 401);
      const viewer = await api.request('POST', '/v1/incidents', { as: 'viewer', body: { title: 'x' } });
      assert.equal(viewer.status, 403);
      const missing = await api.request('POST', '/v1/incidents', { as: 'responder', body: { summary: 'nothing else' } });
      assert.equal(missing.status, 422);
      const paths = missing.body.errors.map((e: { path: string }) => e.path);
      for (const path of ['title', 'severity', 'startedAt', 'detectedAt']) assert.ok(paths.includes(path), JSON.stringify(paths));
      const order = await declare({ detectedAt: at(-30) });
      assert.equal(order.status, 422);
      assert.deepEqual(order.body.errors.map((e: { path: string }) => e.path), ['detectedAt']);
      const severity = await declare({ severity: 'SEV9' });
      assert.equal(severity.status, 422);
      assert.equal(severity.body.errors[0].path, 'severity');
      assert.match(severity.body.errors[0].message, /SEV1, SEV2, SEV3, SEV4/);
      const unknownComponent = await declare({ components: [{ componentId: 'cmp_nope', status: 'major_outage' }] });
      assert.equal(unknownComponent.status, 409);
      assert.match(unknownComponent.body.detail, /cmp_nope/);
      const created = await declare({ title: '  Login slow ', labels: ['Auth'] });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('etag'), '"1"');
      assert.equal(created.headers.get('location'), `/v1/incidents/${created.body.id}`);
      assert.match(created.body.id, /^inc_/);
      assert.equal(created.body.title, 'Login slow');
      assert.equal(created.body.visibility, 'internal');
      assert.equal(created.body.status, 'investigating');
      assert.deepEqual(created.body.labels, ['auth']);
      assert.deepEqual(created.body.updates, []);
      const events = await timeline(created.body.id);
      assert.deepEqual(events.map((e) => e.kind), ['detected']);
      assert.equal(events[0].at, at(-15));
    });

    it("checks severities against the organisation's guideline, falling back to the default", async () => {
      const guideline = { ...DEFAULT_SEVERITY_GUIDELINE, levels: DEFAULT_SEVERITY_GUIDELINE.levels.map((l, i) => ({ ...l, code: `P${i + 1}` })) };
      await api.db.query(`insert into settings (key, version, updated_at, doc) values ('severity-guideline', 1, $1, $2)`, [at(0), JSON.stringify(guideline)]);
      try {
        assert.equal((await declare({ severity: 'P1' })).status, 201);
        assert.equal((await declare({ severity: 'SEV1' })).status, 422);
      } finally {
        await api.db.query(`delete from settings where key = 'severity-guideline'`);
      }
      assert.equal((await declare({ severity: 'SEV1' })).status, 201);
    });

    it('runs the lifecycle: declare with components, update, monitor, resolve and restore the components', async () => {
      const api1 = await component('Lifecycle API');
      const web = await component('Lifecycle web');
      const declared = await declare({
        title: 'Checkout errors',
        visibility: 'public',
        impact: 'major',
        components: [
          { componentId: api1.id, status: 'major_outage' },
          { componentId: web.id, status: 'degraded_performance' },
        ],
        updateBody: 'We are investigating errors at checkout.',
      });
      assert.equal(declared.status, 201);
      const id = declared.body.id as string;
      assert.equal(await componentStatus(api1.id), 'major_outage');
      assert.equal(await componentStatus(web.id), 'degraded_performance');
      assert.equal(declared.body.updates.length, 1);
      const first = declared.body.updates[0];
      assert.equal(first.visibility, 'public');
      assert.equal(first.status, 'investigating');
      assert.deepEqual(first.affectedComponents, [
        { componentId: api1.id, name: 'Lifecycle API', oldStatus: 'operational', newStatus: 'major_outage' },
        { componentId: web.id, name: 'Lifecycle web', oldStatus: 'operational', newStatus: 'degraded_performance' },
      ]);

      api.setNow(TEST_NOW + 10 * MINUTE);
      const identified = await post(id, { status: 'identified', body: 'A bad deploy; rolling back.', components: [{ componentId: web.id, status: 'partial_outage' }] });
      assert.equal(identified.status, 201);
      assert.equal(identified.headers.get('etag'), '"2"');
      assert.equal(identified.body.incident.status, 'identified');
      assert.deepEqual(identified.body.update.affectedComponents, [{ componentId: web.id, name: 'Lifecycle web', oldStatus: 'degraded_performance', newStatus: 'partial_outage' }]);
      assert.equal(await componentStatus(web.id), 'partial_outage');
      assert.deepEqual(identified.body.incident.components.find((c: { componentId: string }) => c.componentId === web.id), { componentId: web.id, status: 'partial_outage' });

      api.setNow(TEST_NOW + 20 * MINUTE);
      const internal = await post(id, { status: 'identified', body: 'Rollback is slow on shard 3.', visibility: 'internal' });
      assert.equal(internal.status, 201);
      assert.equal(internal.body.update.affectedComponents, null);
      const monitoring = await post(id, { status: 'monitoring', body: 'Fix deployed; watching.' });
      assert.equal(monitoring.body.incident.mitigatedAt, at(20));
      assert.equal(monitoring.body.incident.resolvedAt, null);

      api.setNow(TEST_NOW + 40 * MINUTE);
      const resolved = await post(id, { status: 'resolved', body: 'All clear.' });
      assert.equal(resolved.status, 201);
      const incident = resolved.body.incident;
      assert.equal(incident.status, 'resolved');
      assert.equal(incident.resolvedAt, at(40));
      assert.equal(incident.mitigatedAt, at(20), 'kept');
      assert.equal(await componentStatus(api1.id), 'operational');
      assert.equal(await componentStatus(web.id), 'operational');
      assert.deepEqual(
        resolved.body.update.affectedComponents.map((c: any) => [c.name, c.oldStatus, c.newStatus]),
        [
          ['Lifecycle API', 'major_outage', 'operational'],
          ['Lifecycle web', 'partial_outage', 'operational'],
        ],
      );
      const got = await api.request('GET', `/v1/incidents/${id}`, { as: 'viewer' });
      assert.equal(got.headers.get('etag'), '"5"');
      assert.deepEqual(got.body.updates.map((u: any) => u.status), ['resolved', 'monitoring', 'identified', 'identified', 'investigating'], 'newest first');
      const updates = await api.request('GET', `/v1/incidents/${id}/updates`, { as: 'viewer' });
      assert.equal(updates.body.data.length, 5);
      const kinds = (await timeline(id)).map((e) => e.kind);
      assert.deepEqual(kinds, ['detected', 'status_changed', 'update_posted', 'update_posted', 'status_changed', 'update_posted', 'status_changed', 'update_posted']);
      const history = await api.db.query<{ status: string; incident_id: string | null }>('select status, incident_id from component_status_changes where component_id = $1 order by seq', [api1.id]);
      assert.deepEqual(history.map((h) => [h.status, h.incident_id]), [['operational', null], ['major_outage', id], ['operational', id]]);
      api.setNow(TEST_NOW);
    });

    it('keeps a component down while another open incident affects it, and restores it when that one resolves by PATCH', async () => {
      const shared = await component('Shared DB');
      const one = await declare({ visibility: 'public', components: [{ componentId: shared.id, status: 'major_outage' }] });
      const two = await declare({ visibility: 'public', components: [{ componentId: shared.id, status: 'degraded_performance' }] });
      assert.equal(await componentStatus(shared.id), 'major_outage', 'the worst of both');
      await post(one.body.id, { status: 'resolved', body: 'First fixed.' });
      assert.equal(await componentStatus(shared.id), 'degraded_performance', 'the other incident still affects it');
      const resolved = await patch(two.body.id, { status: 'resolved' }, '"1"');
      assert.equal(resolved.status, 200);
      assert.equal(resolved.headers.get('etag'), '"2"');
      assert.equal(resolved.body.resolvedAt, at(0));
      assert.equal(resolved.body.mitigatedAt, at(0));
      assert.equal(await componentStatus(shared.id), 'operational');
      assert.ok((await timeline(two.body.id)).some((e) => e.kind === 'status_changed' && /investigating to resolved/.test(e.body)));
      const reopened = await patch(two.body.id, { status: 'identified' }, '"2"');
      assert.equal(reopened.body.resolvedAt, null);
      assert.equal(await componentStatus(shared.id), 'degraded_performance', 'reopening sets the status again');
    });

    it('leaves showcased components alone for internal incidents', async () => {
      const shown = await component('Shown on page');
      const hidden = await component('Batch jobs', { showcase: false });
      const declared = await declare({
        components: [
          { componentId: shown.id, status: 'major_outage' },
          { componentId: hidden.id, status: 'major_outage' },
        ],
      });
      assert.equal(declared.body.visibility, 'internal');
      assert.equal(await componentStatus(shown.id), 'operational');
      assert.equal(await componentStatus(hidden.id), 'major_outage');
      const published = await patch(declared.body.id, { visibility: 'public' }, '"1"');
      assert.equal(published.status, 200);
      assert.equal(await componentStatus(shown.id), 'major_outage', 'going public applies it');
    });

    it('changes incidents only with a current If-Match, and logs severity changes', async () => {
      const { body: incident } = await declare({ summary: 'Original summary' });
      const path = `/v1/incidents/${incident.id}`;
      assert.equal((await patch(incident.id, { severity: 'SEV1' }, null)).status, 428);
      assert.equal((await api.request('PATCH', path, { as: 'viewer', body: { severity: 'SEV1' }, headers: { 'if-match': '"1"' } })).status, 403);
      const changed = await patch(incident.id, { severity: 'SEV1', summary: 'Worse than thought' }, '"1"');
      assert.equal(changed.status, 200);
      assert.equal(changed.headers.get('etag'), '"2"');
      const stale = await patch(incident.id, { summary: 'Overwrite attempt', severity: 'SEV3' }, '"1"');
      assert.equal(stale.status, 412);
      assert.equal(stale.body.currentEtag, '"2"');
      assert.equal(stale.body.current.summary, 'Worse than thought');
      const now = await api.request('GET', path, { as: 'viewer' });
      assert.equal(now.body.summary, 'Worse than thought', 'nothing overwritten');
      assert.equal(now.body.severity, 'SEV1');
      assert.equal(now.headers.get('etag'), '"2"');
      assert.equal((await patch(incident.id, { summary: 'x' }, 'nonsense')).status, 412);
      assert.equal((await patch(incident.id, {}, '"2"')).status, 422);
      const badSeverity = await patch(incident.id, { severity: 'SEV7' }, '"2"');
      assert.equal(badSeverity.status, 422);
      assert.equal(badSeverity.body.errors[0].path, 'severity');
      const resolvedAtAlone = await patch(incident.id, { resolvedAt: at(5) }, '"2"');
      assert.equal(resolvedAtAlone.status, 422, 'resolvedAt only with status resolved');
      assert.ok(resolvedAtAlone.body.errors.some((e: { path: string }) => e.path === 'resolvedAt'));
      const beforeStart = await patch(incident.id, { startedAt: at(-10) }, '"2"');
      assert.equal(beforeStart.status, 422, 'the merged incident obeys the create rules');
      assert.equal((await patch('inc_nope', { summary: 'x' }, '"1"')).status, 404);
      const events = await timeline(incident.id);
      assert.deepEqual(events.map((e) => e.kind), ['detected', 'severity_changed']);
      assert.equal(events[1].body, 'Severity changed from SEV2 to SEV1.');
      const revalidated = await api.request('GET', path, { as: 'viewer', headers: { 'if-none-match': '"2"' } });
      assert.equal(revalidated.status, 304);
    });

    it('posts updates idempotently and validates them', async () => {
      const { body: incident } = await declare();
      const key = { 'idempotency-key': `update-${incident.id}` };
      const first = await post(incident.id, { status: 'identified', body: 'Found it.' }, key);
      const again = await post(incident.id, { status: 'identified', body: 'Found it.' }, key);
      assert.equal(first.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(again.body.update.id, first.body.update.id);
      const got = await api.request('GET', `/v1/incidents/${incident.id}`, { as: 'viewer' });
      assert.equal(got.body.updates.length, 1);
      assert.equal(got.headers.get('etag'), '"2"');
      const bad = await post(incident.id, { status: 'on_fire', body: '' });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['body', 'status']);
      assert.equal((await post(incident.id, { status: 'identified', body: 'x', components: [{ componentId: 'cmp_nope', status: 'major_outage' }] })).status, 409);
      assert.equal((await post('inc_nope', { status: 'identified', body: 'x' })).status, 404);
      assert.equal((await api.request('POST', `/v1/incidents/${incident.id}/updates`, { as: 'viewer', body: { status: 'identified', body: 'x' } })).status, 403);
      assert.equal((await api.request('POST', `/v1/incidents/${incident.id}/updates`, { body: { status: 'identified', body: 'x' } })).status, 401);
      const replayedCreate = await declare({ title: 'Replayed' }, { 'idempotency-key': 'declare-replayed' });
      const replayedAgain = await declare({ title: 'Replayed' }, { 'idempotency-key': 'declare-replayed' });
      assert.equal(replayedAgain.body.id, replayedCreate.body.id);
      const all = await api.request('GET', '/v1/incidents?q=Replayed', { as: 'viewer' });
      assert.equal(all.body.data.length, 1);
    });

    it('never shows anonymous callers internal incidents, internal updates, the timeline or roles', async () => {
      const { body: secret } = await declare({ title: 'Secret internal breach' });
      const { body: open } = await declare({ title: 'Public slowness', visibility: 'public', updateBody: 'We see slowness.' });
      await post(open.id, { status: 'identified', body: 'Internal note: shard 7 customer ACME', visibility: 'internal' });
      await api.request('POST', `/v1/incidents/${open.id}/related`, { as: 'responder', body: { incidentId: secret.id } });

      assert.equal((await api.request('GET', `/v1/incidents/${secret.id}`)).status, 404);
      assert.equal((await api.request('GET', `/v1/incidents/${secret.id}/updates`)).status, 404);
      assert.equal((await api.request('GET', `/v1/incidents/${secret.id}`, { as: 'viewer' })).status, 200);
      const list = await api.request('GET', '/v1/incidents?limit=200');
      assert.equal(list.status, 200);
      assert.match(list.headers.get('cache-control') ?? '', /public/);
      assert.equal(list.headers.get('vary'), 'authorization');
      assert.ok(list.body.data.every((i: { visibility: string }) => i.visibility === 'public'));
      assert.ok(!list.text.includes('Secret internal breach'));
      assert.ok(!list.text.includes('shard 7'));
      assert.ok(!list.text.includes(secret.id), 'not even as a related incident');
      assert.deepEqual((await api.request('GET', '/v1/incidents?visibility=internal')).body.data, []);

      const one = await api.request('GET', `/v1/incidents/${open.id}`);
      assert.equal(one.status, 200);
      assert.deepEqual(one.body.updates.map((u: { body: string }) => u.body), ['We see slowness.']);
      assert.deepEqual(one.body.related, []);
      const updates = await api.request('GET', `/v1/incidents/${open.id}/updates`);
      assert.deepEqual(updates.body.data.map((u: { visibility: string }) => u.visibility), ['public']);
      const full = await api.request('GET', `/v1/incidents/${open.id}`, { as: 'viewer' });
      assert.equal(full.body.updates.length, 2);
      assert.deepEqual(full.body.related, [{ incidentId: secret.id, relation: 'related' }]);

      for (const path of ['timeline', 'roles']) {
        assert.equal((await api.request('GET', `/v1/incidents/${open.id}/${path}`)).status, 401, path);
        assert.equal((await api.request('GET', `/v1/incidents/${secret.id}/${path}`)).status, 401, path);
      }
      assert.equal((await api.request('POST', `/v1/incidents/${open.id}/roles`, { body: { role: 'scribe', personId: 'per_ada' } })).status, 401);

      const events = await api.db.query<{ audience: string; type: string; data: any }>('select audience, type, data from events order by id');
      const publicText = JSON.stringify(events.filter((e) => e.audience === 'public'));
      assert.ok(!publicText.includes('Secret internal breach'), 'no internal incident on the public stream');
      assert.ok(!publicText.includes('shard 7'), 'no internal update on the public stream');
      assert.ok(events.some((e) => e.audience === 'internal' && e.type === 'incident.created' && e.data.incident.id === secret.id));
      assert.ok(events.some((e) => e.audience === 'public' && e.type === 'incident.created' && e.data.incident.id === open.id));

      const withdrawn = await patch(open.id, { visibility: 'internal' }, (await api.request('GET', `/v1/incidents/${open.id}`, { as: 'viewer' })).headers.get('etag'));
      assert.equal(withdrawn.status, 200);
      assert.equal((await api.request('GET', `/v1/incidents/${open.id}`)).status, 404);
      const [last] = await api.db.query<{ audience: string; type: string; data: any }>('select audience, type, data from events order by id desc limit 1');
      assert.deepEqual(last, { audience: 'public', type: 'incident.withdrawn', data: { id: open.id } });
    });

    it('filters, searches and pages through incidents without duplicates or gaps', async () => {
      const db = await component('Filter target');
      const made: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await declare({
          title: i === 3 ? 'Payment 100% failure' : `Paging incident ${i}`,
          summary: i === 5 ? 'The LEDGER drifted' : '',
          severity: i % 2 === 0 ? 'SEV3' : 'SEV4',
          labels: ['paging', ...(i < 2 ? ['early'] : [])],
          visibility: i === 6 ? 'internal' : 'public',
          startedAt: at(-1000 + i * 10),
          detectedAt: at(-1000 + i * 10),
          components: i === 4 ? [{ componentId: db.id, status: 'degraded_performance' }] : [],
          ...(i === 1 ? { status: 'resolved', resolvedAt: at(-900) } : {}),
        });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        made.push(res.body.id);
      }
      const newestFirst = [...made].reverse();
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: TestResponse = await api.request('GET', `/v1/incidents?label=paging&limit=3${cursor ? `&cursor=${cursor}` : ''}`, { as: 'viewer' });
        assert.equal(page.status, 200);
        assert.ok(page.body.data.length <= 3);
        seen.push(...ids(page));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor);
      assert.equal(pages, 3);
      assert.deepEqual(seen, newestFirst, 'every incident once, newest first');

      const query = async (q: string, as: 'viewer' | null = 'viewer') => ids(await api.request('GET', `/v1/incidents?label=paging&${q}`, { as }));
      assert.deepEqual(await query('severity=SEV3'), [made[6], made[4], made[2], made[0]]);
      assert.deepEqual(await query('severity=SEV3&visibility=public'), [made[4], made[2], made[0]]);
      assert.deepEqual(await query('severity=SEV3', null), [made[4], made[2], made[0]], 'anonymous: public only');
      assert.deepEqual(ids(await api.request('GET', '/v1/incidents?label=early', { as: 'viewer' })), [made[1], made[0]]);
      assert.equal((await query('label=early')).length, 7, 'several labels: any of them');
      assert.deepEqual(await query('status=resolved'), [made[1]]);
      assert.deepEqual(await query('status=resolved,identified'), [made[1]]);
      assert.deepEqual(await query('open=false'), [made[1]]);
      assert.equal((await query('open=true')).length, 6);
      assert.deepEqual(await query(`component=${db.id}`), [made[4]]);
      assert.deepEqual(await query(`from=${at(-980)}&to=${at(-960)}`), [made[3], made[2]], 'from inclusive, to exclusive');
      assert.deepEqual(await query('q=payment'), [made[3]], 'case-insensitive title search');
      assert.deepEqual(await query('q=100%25'), [made[3]], '% is a literal');
      assert.deepEqual(await query('q=ledger'), [made[5]], 'summary search');
      assert.deepEqual(await query('q=_'), [], '_ is a literal');
      assert.deepEqual(await query(`id=${made[2]},${made[5]},inc_missing`), [made[5], made[2]], 'several ids: the ones that exist');
      assert.deepEqual(await query(`id=${made[6]}&id=${made[0]}`, null), [made[0]], 'ids: anonymous, public only');

      for (const bad of ['limit=0', 'limit=abc', `id=${'x'.repeat(129)}`, `id=${Array.from({ length: 101 }, (_, i) => `inc_${i}`).join(',')}`, 'status=on_fire', `from=${at(0)}&to=${at(-5)}`, 'open=maybe', 'visibility=secret']) {
        const res = await api.request('GET', `/v1/incidents?${bad}`, { as: 'viewer' });
        assert.equal(res.status, 422, bad);
        assert.ok(res.body.errors.length > 0);
      }
      assert.equal((await api.request('GET', '/v1/incidents?cursor=garbage', { as: 'viewer' })).status, 400);
      const list = await api.request('GET', '/v1/incidents?label=paging', { as: 'viewer' });
      assert.equal((await api.request('GET', '/v1/incidents?label=paging', { as: 'viewer', headers: { 'if-none-match': list.headers.get('etag') as string } })).status, 304);
    });

    it('assigns roles, hands them off with history, and lists the required roles nobody holds', async () => {
      const { body: incident } = await declare({ severity: 'SEV1' });
      const roles = (as: 'viewer' | 'responder' = 'viewer') => api.request('GET', `/v1/incidents/${incident.id}/roles`, { as });
      const assign = (body: Record<string, unknown>, as: 'viewer' | 'responder' = 'responder') => api.request('POST', `/v1/incidents/${incident.id}/roles`, { as, body });
      const empty = await roles();
      assert.equal(empty.status, 200);
      assert.deepEqual(empty.body, { current: [], history: [], missing: ['incident_commander', 'communications', 'scribe'] });

      assert.equal((await assign({ role: 'incident_commander', personId: 'per_ada' }, 'viewer')).status, 403);
      const ic = await assign({ role: 'incident_commander', personId: 'per_ada', note: 'on call' });
      assert.equal(ic.status, 201);
      assert.equal(ic.body.personId, 'per_ada');
      assert.equal(ic.body.releasedAt, null);
      assert.equal(ic.body.note, 'on call');
      const taken = await assign({ role: 'incident_commander', personId: 'per_bo' });
      assert.equal(taken.status, 409);
      assert.match(taken.body.detail, /hand-off/);
      assert.equal(taken.body.assignmentId, ic.body.id);
      const nobody = await assign({ role: 'scribe', personId: 'per_nobody' });
      assert.equal(nobody.status, 409);
      assert.match(nobody.body.detail, /per_nobody/);
      const badRole = await assign({ role: 'chief_of_fun', personId: 'per_ada' });
      assert.equal(badRole.status, 422);
      assert.equal(badRole.body.errors[0].path, 'role');
      assert.equal((await assign({ role: 'Bad Role', personId: 'per_ada' })).status, 422);

      const handOffPath = `/v1/incidents/${incident.id}/roles/${ic.body.id}/hand-off`;
      const mismatch = await api.request('POST', handOffPath, { as: 'responder', body: { assignmentId: 'rol_other', personId: 'per_bo' } });
      assert.equal(mismatch.status, 422);
      assert.equal(mismatch.body.errors[0].path, 'assignmentId');
      assert.equal((await api.request('POST', handOffPath, { as: 'responder', body: { assignmentId: ic.body.id, personId: 'per_nobody' } })).status, 409);
      assert.equal((await api.request('POST', handOffPath, { as: 'responder', body: { assignmentId: ic.body.id, personId: 'per_ada' } })).status, 409, 'not to the holder');
      assert.equal((await api.request('POST', handOffPath, { as: 'viewer', body: { assignmentId: ic.body.id, personId: 'per_bo' } })).status, 403);
      api.setNow(TEST_NOW + 30 * MINUTE);
      const handOff = await api.request('POST', handOffPath, { as: 'responder', body: { assignmentId: ic.body.id, personId: 'per_bo', note: 'shift change' } });
      assert.equal(handOff.status, 201);
      assert.equal(handOff.body.released.id, ic.body.id);
      assert.equal(handOff.body.released.releasedAt, at(30));
      assert.equal(handOff.body.released.handedOffTo, handOff.body.assignment.id);
      assert.equal(handOff.body.released.note, 'on call', 'history is not overwritten');
      assert.equal(handOff.body.assignment.personId, 'per_bo');
      assert.equal(handOff.body.assignment.role, 'incident_commander');
      assert.equal(handOff.body.assignment.assignedAt, at(30));
      const again = await api.request('POST', handOffPath, { as: 'responder', body: { assignmentId: ic.body.id, personId: 'per_cy' } });
      assert.equal(again.status, 409, 'an ended assignment cannot be handed off again');

      assert.equal((await assign({ role: 'subject_matter_expert', personId: 'per_ada' })).status, 201);
      assert.equal((await assign({ role: 'subject_matter_expert', personId: 'per_cy' })).status, 201, 'several experts at once');
      assert.equal((await assign({ role: 'subject_matter_expert', personId: 'per_cy' })).status, 409, 'but not the same one twice');
      const scribe = await assign({ role: 'scribe', personId: 'per_cy' });

      const now = await roles();
      assert.deepEqual(now.body.missing, ['communications']);
      assert.deepEqual(now.body.current.map((a: any) => [a.role, a.personId]), [
        ['incident_commander', 'per_bo'],
        ['subject_matter_expert', 'per_ada'],
        ['subject_matter_expert', 'per_cy'],
        ['scribe', 'per_cy'],
      ]);
      assert.deepEqual(now.body.history.slice(0, 1).map((a: any) => [a.role, a.personId, a.releasedAt, a.handedOffTo]), [['incident_commander', 'per_ada', at(30), handOff.body.assignment.id]]);
      assert.equal(now.body.history.length, 5);

      const releasePath = `/v1/incidents/${incident.id}/roles/${scribe.body.id}/release`;
      const early = await api.request('POST', releasePath, { as: 'responder', body: { assignmentId: scribe.body.id, at: at(0) } });
      assert.equal(early.status, 422, 'not before it began');
      api.setNow(TEST_NOW + 45 * MINUTE);
      const released = await api.request('POST', releasePath, { as: 'responder', body: { assignmentId: scribe.body.id, note: 'went home' } });
      assert.equal(released.status, 200);
      assert.equal(released.body.releasedAt, at(45));
      assert.equal(released.body.handedOffTo, null);
      assert.equal((await api.request('POST', releasePath, { as: 'responder', body: { assignmentId: scribe.body.id } })).status, 409);
      assert.deepEqual((await roles()).body.missing, ['communications', 'scribe']);

      const { body: other } = await declare();
      const foreign = await api.request('POST', `/v1/incidents/${other.id}/roles/${handOff.body.assignment.id}/release`, { as: 'responder', body: { assignmentId: handOff.body.assignment.id } });
      assert.equal(foreign.status, 404, "another incident's assignment");
      assert.equal((await api.request('GET', '/v1/incidents/inc_nope/roles', { as: 'viewer' })).status, 404);
      assert.equal((await api.request('POST', '/v1/incidents/inc_nope/roles', { as: 'responder', body: { role: 'scribe', personId: 'per_ada' } })).status, 404);

      const roleEvents = (await timeline(incident.id)).filter((e) => e.kind === 'role_changed').map((e) => e.body);
      assert.ok(roleEvents.includes('Ada took the Incident Commander role.'), JSON.stringify(roleEvents));
      assert.ok(roleEvents.includes('Incident Commander handed off from Ada to Bo.'));
      assert.ok(roleEvents.includes('Cy released the Scribe role. went home'));

      const resolved = await patch(incident.id, { status: 'resolved' }, '"1"');
      assert.equal(resolved.status, 200);
      assert.deepEqual((await roles()).body.missing, [], 'nothing is missing once resolved');
      api.setNow(TEST_NOW);
    });

    it('keeps an internal timeline for token holders', async () => {
      const { body: incident } = await declare();
      const path = `/v1/incidents/${incident.id}/timeline`;
      assert.equal((await api.request('POST', path, { as: 'viewer', body: { body: 'x' } })).status, 403);
      assert.equal((await api.request('POST', path, { body: { body: 'x' } })).status, 401);
      const bad = await api.request('POST', path, { as: 'responder', body: { kind: 'gossip', body: '', link: 'javascript:alert(1)' } });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['body', 'kind', 'link']);
      const note = await api.request('POST', path, { as: 'responder', body: { body: 'Paged the DB team.', at: at(-16), link: 'https://chat.example/msg/1' } });
      assert.equal(note.status, 201);
      assert.equal(note.body.kind, 'note');
      assert.equal(note.body.link, 'https://chat.example/msg/1');
      const action = await api.request('POST', path, { as: 'responder', body: { kind: 'action', body: 'Restarted the pool.' } });
      assert.equal(action.body.at, at(0));
      const events = await timeline(incident.id);
      assert.deepEqual(events.map((e) => e.kind), ['note', 'detected', 'action'], 'ordered by time');
      assert.equal((await api.request('GET', '/v1/incidents/inc_nope/timeline', { as: 'viewer' })).status, 404);
      assert.equal((await api.request('POST', '/v1/incidents/inc_nope/timeline', { as: 'responder', body: { body: 'x' } })).status, 404);
    });

    it('links related incidents: recurrences only of earlier ones, never itself, never twice', async () => {
      const { body: earlier } = await declare({ startedAt: at(-300), detectedAt: at(-300) });
      const { body: later } = await declare({ startedAt: at(-100), detectedAt: at(-100) });
      const link = (from: string, body: Record<string, unknown>) => api.request('POST', `/v1/incidents/${from}/related`, { as: 'responder', body });
      const backwards = await link(earlier.id, { incidentId: later.id, relation: 'recurrence_of' });
      assert.equal(backwards.status, 409);
      assert.match(backwards.body.detail, /earlier/);
      const self = await link(later.id, { incidentId: later.id });
      assert.equal(self.status, 422);
      assert.equal(self.body.errors[0].path, 'incidentId');
      assert.equal((await link(later.id, { incidentId: 'inc_nope' })).status, 409);
      assert.equal((await link('inc_nope', { incidentId: later.id })).status, 404);
      assert.equal((await api.request('POST', `/v1/incidents/${later.id}/related`, { as: 'viewer', body: { incidentId: earlier.id } })).status, 403);
      const linked = await link(later.id, { incidentId: earlier.id, relation: 'recurrence_of' });
      assert.equal(linked.status, 200);
      assert.equal(linked.headers.get('etag'), '"2"');
      assert.deepEqual(linked.body.related, [{ incidentId: earlier.id, relation: 'recurrence_of' }]);
      assert.equal((await link(later.id, { incidentId: earlier.id, relation: 'related' })).status, 409, 'no duplicates');
      const moveStart = await patch(later.id, { startedAt: at(-400), detectedAt: at(-400) }, '"2"');
      assert.equal(moveStart.status, 409, 'a recurrence stays later than what it recurs');

      const path = `/v1/incidents/${later.id}/related/${earlier.id}`;
      assert.equal((await api.request('DELETE', path, { as: 'responder' })).status, 428);
      const stale = await api.request('DELETE', path, { as: 'responder', headers: { 'if-match': '"1"' } });
      assert.equal(stale.status, 412);
      assert.equal((await api.request('GET', `/v1/incidents/${later.id}`, { as: 'viewer' })).body.related.length, 1, 'nothing removed');
      const removed = await api.request('DELETE', path, { as: 'responder', headers: { 'if-match': '"2"' } });
      assert.equal(removed.status, 200);
      assert.deepEqual(removed.body.related, []);
      assert.equal(removed.headers.get('etag'), '"3"');
      assert.equal((await api.request('DELETE', path, { as: 'responder', headers: { 'if-match': '"3"' } })).status, 404);
      const declaredWithLink = await declare({ startedAt: at(-50), detectedAt: at(-50), related: [{ incidentId: earlier.id, relation: 'recurrence_of' }] });
      assert.equal(declaredWithLink.status, 201);
      const declaredBackwards = await declare({ startedAt: at(-500), detectedAt: at(-500), related: [{ incidentId: earlier.id, relation: 'recurrence_of' }] });
      assert.equal(declaredBackwards.status, 409);
    });

    it('gives other modules incidents with their updates, and public views', async () => {
      const { body: incident } = await declare({ visibility: 'public', updateBody: 'Public words.' });
      await post(incident.id, { status: 'identified', body: 'Private words.', visibility: 'internal' });
      const found = await getIncident(api.db, incident.id);
      assert.ok(found);
      assert.equal(found.version, 2);
      assert.equal(found.doc.updates.length, 2);
      assert.equal(publicIncident(found.doc).updates.length, 1);
      const everything = await allIncidents(api.db);
      assert.ok(everything.some((i) => i.visibility === 'internal'));
      const publicOnly = await allIncidents(api.db, { publicOnly: true });
      assert.ok(publicOnly.every((i) => i.visibility === 'public' && i.updates.every((u) => u.visibility === 'public')));
      const starts = publicOnly.map((i) => i.startedAt);
      assert.deepEqual(starts, [...starts].sort().reverse(), 'most recently started first');
    });

    it('documents every incident route in the OpenAPI document', async () => {
      const doc = await api.request('GET', '/v1/openapi.json');
      for (const path of ['/v1/incidents', '/v1/incidents/{id}', '/v1/incidents/{id}/updates', '/v1/incidents/{id}/timeline', '/v1/incidents/{id}/roles', '/v1/incidents/{id}/roles/{assignmentId}/hand-off', '/v1/incidents/{id}/roles/{assignmentId}/release', '/v1/incidents/{id}/related', '/v1/incidents/{id}/related/{relatedId}']) {
        assert.ok(doc.body.paths[path], path);
      }
      assert.equal(doc.body.paths['/v1/incidents'].post.operationId, 'createIncident');
      assert.ok(doc.body.paths['/v1/incidents/{id}'].patch.parameters.some((p: { name: string }) => p.name === 'If-Match'));
    });
  });
}
