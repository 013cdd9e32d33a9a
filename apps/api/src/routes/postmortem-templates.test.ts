import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUILT_IN_POSTMORTEM_TEMPLATES, POSTMORTEM_TEMPLATES_MAX } from '@hansei/core';
import { databasesUnderTest } from '../testing/postgres.js';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { insertIncident } from '../testing/fixtures.js';

const ours = {
  name: { en: 'Weekly-review postmortem', ja: '週次レビュー用' },
  sections: [
    { key: 'summary', title: { en: 'Summary', ja: '概要' }, prompt: { en: 'What happened?' }, required: true },
    { key: 'five_whys', title: { en: 'Five whys' }, prompt: { en: 'Dig.' }, required: true },
    { key: 'things_to_stop', title: { en: 'What we stop doing' }, prompt: { en: '' }, required: false },
  ],
};

for (const { name, open } of databasesUnderTest()) {
  describe(`postmortem templates (${name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(open);
    });
    after(() => api?.close());

    const create = (body: unknown, headers: Record<string, string> = {}) => api.request('POST', '/v1/postmortem-templates', { as: 'admin', body, headers });
    const patch = (id: string, version: number | null, body: unknown) =>
      api.request('PATCH', `/v1/postmortem-templates/${id}`, { as: 'admin', body, headers: version === null ? {} : { 'if-match': `"${version}"` } });

    it('lists the built-in templates first, for token holders only', async () => {
      assert.equal((await api.request('GET', '/v1/postmortem-templates')).status, 401);
      const list = await api.request('GET', '/v1/postmortem-templates', { as: 'viewer' });
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.data.slice(0, 4).map((t: { id: string; builtIn: boolean; version: number }) => [t.id, t.builtIn, t.version]), [
        ['default', true, 1],
        ['google-sre', true, 1],
        ['atlassian', true, 1],
        ['pagerduty', true, 1],
      ]);
      assert.deepEqual(list.body.data[1], { ...BUILT_IN_POSTMORTEM_TEMPLATES[1], version: 1 });
      assert.match(list.headers.get('cache-control') ?? '', /private/);
      const again = await api.request('GET', '/v1/postmortem-templates', { as: 'viewer', headers: { 'if-none-match': list.headers.get('etag') ?? '' } });
      assert.equal(again.status, 304);
      const one = await api.request('GET', '/v1/postmortem-templates/pagerduty', { as: 'viewer' });
      assert.deepEqual([one.status, one.headers.get('etag'), one.body.name.ja], [200, '"1"', 'PagerDuty のポストモーテム']);
      assert.equal((await api.request('GET', '/v1/postmortem-templates/pmt_missing', { as: 'viewer' })).status, 404);
    });

    it("adds an organisation's template for admins only, validated, once per idempotency key", async () => {
      assert.equal((await api.request('POST', '/v1/postmortem-templates', { body: ours })).status, 401);
      assert.equal((await api.request('POST', '/v1/postmortem-templates', { as: 'responder', body: ours })).status, 403);
      const bad = await create({ name: { en: '' }, sections: [{ key: 'Bad Key', title: { en: 'x' }, prompt: { en: '' }, required: true }, { key: 'a', title: { en: '' } }] });
      assert.equal(bad.status, 422);
      const paths = bad.body.errors.map((e: { path: string }) => e.path);
      for (const path of ['name.en', 'sections.0.key', 'sections.1.title.en', 'sections.1.required']) assert.ok(paths.includes(path), paths.join(', '));
      const key = { 'idempotency-key': 'template-weekly' };
      const created = await create({ ...ours, builtIn: true }, key);
      assert.equal(created.status, 201);
      assert.match(created.body.id, /^pmt_/);
      assert.deepEqual([created.body.builtIn, created.body.version, created.body.description], [false, 1, { en: '' }], 'builtIn is the kit’s to say');
      assert.equal(created.headers.get('location'), `/v1/postmortem-templates/${created.body.id}`);
      const replay = await create({ ...ours, builtIn: true }, key);
      assert.deepEqual([replay.body.id, replay.headers.get('idempotent-replayed')], [created.body.id, 'true']);
      const list = await api.request('GET', '/v1/postmortem-templates', { as: 'viewer' });
      assert.equal(list.body.data.filter((t: { id: string }) => t.id === created.body.id).length, 1);
      assert.equal(list.body.data.at(-1).id, created.body.id, 'after the built-ins');
      const [event] = await api.db.query<{ audience: string }>(`select audience from events where type = 'postmortem-template.created' and data->'template'->>'id' = $1`, [created.body.id]);
      assert.equal(event?.audience, 'internal');
    });

    it('changes and deletes with a current If-Match; built-in templates never change', async () => {
      const { body: template } = await create(ours);
      assert.equal((await patch(template.id, null, { name: { en: 'x' } })).status, 428);
      const changed = await patch(template.id, 1, { name: { en: 'Renamed' }, sections: [ours.sections[0]] });
      assert.deepEqual([changed.status, changed.headers.get('etag'), changed.body.name, changed.body.sections.length], [200, '"2"', { en: 'Renamed' }, 1]);
      const stale = await patch(template.id, 1, { name: { en: 'Too late' } });
      assert.deepEqual([stale.status, stale.body.current.name.en, stale.body.current.version], [412, 'Renamed', 2]);
      assert.equal((await api.request('PATCH', `/v1/postmortem-templates/${template.id}`, { as: 'responder', body: { name: { en: 'x' } }, headers: { 'if-match': '"2"' } })).status, 403);
      const builtIn = await patch('default', 1, { name: { en: 'Ours now' } });
      assert.equal(builtIn.status, 409);
      assert.match(builtIn.body.detail, /built into the kit/);
      assert.equal((await api.request('DELETE', '/v1/postmortem-templates/atlassian', { as: 'admin', headers: { 'if-match': '"1"' } })).status, 409);
      assert.equal((await patch('pmt_missing', 1, { name: { en: 'x' } })).status, 404);
      assert.equal((await api.request('DELETE', `/v1/postmortem-templates/${template.id}`, { as: 'admin', headers: { 'if-match': '"1"' } })).status, 412);
      assert.equal((await api.request('DELETE', `/v1/postmortem-templates/${template.id}`, { as: 'admin', headers: { 'if-match': '"2"' } })).status, 204);
      assert.equal((await api.request('GET', `/v1/postmortem-templates/${template.id}`, { as: 'viewer' })).status, 404);
      const [deleted] = await api.db.query(`select 1 from events where type = 'postmortem-template.deleted' and data->>'id' = $1`, [template.id]);
      assert.ok(deleted);
    });

    it("starts a postmortem from the organisation's template, which keeps its sections when the template changes", async () => {
      const { body: template } = await create(ours);
      const incident = await insertIncident(api.db, { title: 'Bookings slow' });
      const started = await api.request('POST', '/v1/postmortems', { as: 'responder', body: { incidentId: incident.id, templateId: template.id } });
      assert.equal(started.status, 201);
      assert.deepEqual([started.body.templateId, started.body.sections.map((s: { key: string }) => s.key)], [template.id, ['summary', 'five_whys', 'things_to_stop']]);
      await api.request('DELETE', `/v1/postmortem-templates/${template.id}`, { as: 'admin', headers: { 'if-match': '"1"' } });
      const kept = await api.request('GET', `/v1/postmortems/${started.body.id}`, { as: 'viewer' });
      assert.equal(kept.body.sections.length, 3);
      const other = await insertIncident(api.db, { title: 'Login slow' });
      const missing = await api.request('POST', '/v1/postmortems', { as: 'responder', body: { incidentId: other.id, templateId: template.id } });
      assert.equal(missing.status, 409);
      const sre = await api.request('POST', '/v1/postmortems', { as: 'responder', body: { incidentId: other.id, templateId: 'google-sre' } });
      assert.equal(sre.body.sections.at(-1).key, 'supporting_information');
    });

    it(`keeps at most ${POSTMORTEM_TEMPLATES_MAX} of the organisation's own`, async () => {
      const existing = (await api.request('GET', '/v1/postmortem-templates', { as: 'viewer' })).body.data.filter((t: { builtIn: boolean }) => !t.builtIn).length;
      await api.db.transaction(async (tx) => {
        for (let i = existing; i < POSTMORTEM_TEMPLATES_MAX; i++) {
          await tx.query(`insert into postmortem_templates (id, version, created_at, updated_at, doc) values ($1, 1, $2, $2, $3)`, [`pmt_fill_${i}`, '2026-11-25T00:00:00.000Z', JSON.stringify({ ...ours, id: `pmt_fill_${i}`, description: { en: '' }, builtIn: false })]);
        }
      });
      const refused = await create(ours);
      assert.equal(refused.status, 409);
      assert.match(refused.body.detail, new RegExp(`already has ${POSTMORTEM_TEMPLATES_MAX}`));
    });
  });
}
