import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUILT_IN_INCIDENT_TEMPLATES, INCIDENT_TEMPLATES_MAX, incidentTemplatePrefill } from '@hansei/core';
import { seedDemo } from '../seed.js';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';
import { databasesUnderTest } from '../testing/postgres.js';

const ours = {
  name: { en: 'Payments fail', ja: '決済の失敗' },
  description: { en: 'Card payments fail at the studios.' },
  title: { en: 'Card payments fail', ja: 'カード決済の失敗' },
  severity: 'SEV1',
  impact: 'critical',
  visibility: 'public',
  labels: ['payments', 'Payments'],
  updateBody: { en: 'Card payments fail. We are on it.', ja: 'カード決済が失敗しています。対応中です。' },
};

for (const { name, open } of databasesUnderTest()) {
  describe(`incident templates (${name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(open);
    });
    after(() => api?.close());

    const create = (body: unknown, headers: Record<string, string> = {}) => api.request('POST', '/v1/incident-templates', { as: 'admin', body, headers });
    const patch = (id: string, version: number | null, body: unknown) =>
      api.request('PATCH', `/v1/incident-templates/${id}`, { as: 'admin', body, headers: version === null ? {} : { 'if-match': `"${version}"` } });
    const remove = (id: string, version: number, as: 'admin' | 'responder' = 'admin') => api.request('DELETE', `/v1/incident-templates/${id}`, { as, headers: { 'if-match': `"${version}"` } });
    const ownIds = async () =>
      (await api.request('GET', '/v1/incident-templates', { as: 'viewer' })).body.data.filter((t: { builtIn: boolean }) => !t.builtIn).map((t: { id: string }) => t.id);

    it('lists the built-in templates first, for token holders only', async () => {
      assert.equal((await api.request('GET', '/v1/incident-templates')).status, 401);
      const list = await api.request('GET', '/v1/incident-templates', { as: 'viewer' });
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.data.map((t: { id: string; builtIn: boolean; version: number }) => [t.id, t.builtIn, t.version]), [
        ['degraded-performance', true, 1],
        ['component-outage', true, 1],
        ['security-internal', true, 1],
        ['data-issue', true, 1],
      ]);
      assert.deepEqual(list.body.data[2], { ...BUILT_IN_INCIDENT_TEMPLATES[2], version: 1 });
      assert.match(list.headers.get('cache-control') ?? '', /private/);
      const again = await api.request('GET', '/v1/incident-templates', { as: 'viewer', headers: { 'if-none-match': list.headers.get('etag') ?? '' } });
      assert.equal(again.status, 304);
      const one = await api.request('GET', '/v1/incident-templates/data-issue', { as: 'viewer' });
      assert.deepEqual([one.status, one.headers.get('etag'), one.body.name.ja], [200, '"1"', 'データ不整合']);
      assert.equal((await api.request('GET', '/v1/incident-templates/itpl_missing', { as: 'viewer' })).status, 404);
    });

    it("adds an organisation's template for admins only, validated, once per idempotency key", async () => {
      assert.equal((await api.request('POST', '/v1/incident-templates', { body: ours })).status, 401);
      assert.equal((await api.request('POST', '/v1/incident-templates', { as: 'responder', body: ours })).status, 403);
      const bad = await create({ name: { en: '' }, severity: 'SEV 1', impact: 'huge', components: [{ componentId: 'api', status: 'down' }], labels: ['Not a label!'] });
      assert.equal(bad.status, 422);
      const paths = bad.body.errors.map((e: { path: string }) => e.path);
      for (const path of ['name.en', 'severity', 'impact', 'components.0.status', 'labels.0']) assert.ok(paths.includes(path), paths.join(', '));
      const key = { 'idempotency-key': 'incident-template-payments' };
      const body = { ...ours, builtIn: true, id: 'mine' };
      const created = await create(body, key);
      assert.equal(created.status, 201);
      assert.match(created.body.id, /^itpl_/);
      assert.deepEqual(
        [created.body.builtIn, created.body.version, created.body.labels, created.body.summary, created.body.components],
        [false, 1, ['payments'], { en: '' }, []],
        'builtIn and the id are the kit’s to say; labels are lowercased once',
      );
      assert.equal(created.headers.get('location'), `/v1/incident-templates/${created.body.id}`);
      const replay = await create(body, key);
      assert.deepEqual([replay.body.id, replay.headers.get('idempotent-replayed')], [created.body.id, 'true']);
      const list = await api.request('GET', '/v1/incident-templates', { as: 'viewer' });
      assert.equal(list.body.data.filter((t: { id: string }) => t.id === created.body.id).length, 1);
      assert.equal(list.body.data.at(-1).id, created.body.id, 'after the built-ins');
      const [event] = await api.db.query<{ audience: string }>(`select audience from events where type = 'incident-template.created' and data->'template'->>'id' = $1`, [created.body.id]);
      assert.equal(event?.audience, 'internal');
    });

    it('changes and deletes with a current If-Match; built-in templates never change', async () => {
      const { body: template } = await create(ours);
      assert.equal((await patch(template.id, null, { name: { en: 'x' } })).status, 428);
      const changed = await patch(template.id, 1, { severity: null, labels: [], updateBody: { en: '' } });
      assert.deepEqual([changed.status, changed.headers.get('etag'), changed.body.severity, changed.body.labels, changed.body.updateBody, changed.body.name], [200, '"2"', null, [], { en: '' }, ours.name]);
      const stale = await patch(template.id, 1, { name: { en: 'Too late' } });
      assert.deepEqual([stale.status, stale.body.current.severity, stale.body.current.version], [412, null, 2]);
      assert.equal((await api.request('PATCH', `/v1/incident-templates/${template.id}`, { as: 'responder', body: { name: { en: 'x' } }, headers: { 'if-match': '"2"' } })).status, 403);
      assert.equal((await patch(template.id, 2, {})).status, 422);
      const builtIn = await patch('component-outage', 1, { severity: 'SEV1' });
      assert.equal(builtIn.status, 409);
      assert.match(builtIn.body.detail, /built into the kit/);
      assert.equal((await remove('security-internal', 1)).status, 409);
      assert.equal((await patch('itpl_missing', 1, { name: { en: 'x' } })).status, 404);
      assert.equal((await remove(template.id, 2, 'responder')).status, 403);
      assert.equal((await remove(template.id, 1)).status, 412);
      assert.equal((await remove(template.id, 2)).status, 204);
      assert.equal((await api.request('GET', `/v1/incident-templates/${template.id}`, { as: 'viewer' })).status, 404);
      const [deleted] = await api.db.query(`select 1 from events where type = 'incident-template.deleted' and data->>'id' = $1`, [template.id]);
      assert.ok(deleted);
    });

    it('prefills a declaration the server accepts, and changing the template later leaves the incident alone', async () => {
      const { body: template } = await create(ours);
      const { name: _name, description: _description, ...fields } = incidentTemplatePrefill(template, 'ja');
      const declared = await api.request('POST', '/v1/incidents', { as: 'responder', body: { ...fields, startedAt: '2026-11-25T08:50:00Z', detectedAt: '2026-11-25T08:55:00Z' } });
      assert.equal(declared.status, 201, JSON.stringify(declared.body));
      assert.deepEqual([declared.body.title, declared.body.severity, declared.body.impact, declared.body.visibility, declared.body.labels], ['カード決済の失敗', 'SEV1', 'critical', 'public', ['payments']]);
      assert.equal(declared.body.updates[0]?.body, 'カード決済が失敗しています。対応中です。');
      await patch(template.id, 1, { title: { en: 'Renamed' } });
      assert.equal((await api.request('GET', `/v1/incidents/${declared.body.id}`, { as: 'viewer' })).body.title, 'カード決済の失敗');
    });

    it(`keeps at most ${INCIDENT_TEMPLATES_MAX} of the organisation's own, and a demo seed that replaces everything empties them`, async () => {
      const existing = (await ownIds()).length;
      await api.db.transaction(async (tx) => {
        for (let i = existing; i < INCIDENT_TEMPLATES_MAX; i++) {
          const doc = { ...BUILT_IN_INCIDENT_TEMPLATES[0], id: `itpl_fill_${i}`, builtIn: false };
          await tx.query(`insert into incident_templates (id, version, created_at, updated_at, doc) values ($1, 1, $2, $2, $3)`, [doc.id, '2026-11-25T00:00:00.000Z', JSON.stringify(doc)]);
        }
      });
      const refused = await create(ours);
      assert.equal(refused.status, 409);
      assert.match(refused.body.detail, new RegExp(`already has ${INCIDENT_TEMPLATES_MAX} incident templates`));
      await seedDemo(api.db, TEST_NOW, { replace: true });
      assert.deepEqual(await ownIds(), []);
      assert.equal((await create(ours)).status, 201, 'room again');
    });
  });
}
