import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POSTMORTEM_TEMPLATE, postmortemFoldedText, type Incident, type Postmortem } from '@hansei/core';
import { migrate } from '../db/migrate.js';
import { MIGRATIONS } from '../db/migrations.js';
import { databasesUnderTest } from '../testing/postgres.js';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';
import { insertIncident } from '../testing/fixtures.js';

for (const { name, open } of databasesUnderTest()) {
  describe(`postmortems (${name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(open);
    });
    after(() => api?.close());

    const create = (body: Record<string, unknown>, headers: Record<string, string> = {}) => api.request('POST', '/v1/postmortems', { as: 'responder', body, headers });
    const patch = (id: string, version: number, body: unknown, as: 'responder' | 'admin' = 'responder') =>
      api.request('PATCH', `/v1/postmortems/${id}`, { as, body, headers: { 'if-match': `"${version}"` } });
    const incidentRow = async (id: string) =>
      (await api.db.query<{ version: number; postmortem_id: string | null }>(`select version, doc->>'postmortemId' as postmortem_id from incidents where id = $1`, [id]))[0];

    it("starts an incident's postmortem from the template and links the incident", async () => {
      const incident = await insertIncident(api.db, { title: 'Payments down' });
      assert.equal((await api.request('POST', '/v1/postmortems', { body: { incidentId: incident.id } })).status, 401);
      assert.equal((await api.request('POST', '/v1/postmortems', { as: 'viewer', body: { incidentId: incident.id } })).status, 403);
      const created = await create({ incidentId: incident.id, contributingFactors: [{ category: 'architecture_infrastructure', description: 'Single database primary' }] });
      assert.equal(created.status, 201);
      const pm = created.body;
      assert.match(pm.id, /^pm_/);
      assert.equal(created.headers.get('etag'), '"1"');
      assert.equal(created.headers.get('location'), `/v1/postmortems/${pm.id}`);
      assert.equal(pm.title, 'Payments down');
      assert.equal(pm.status, 'draft');
      assert.equal(pm.templateId, 'default');
      assert.equal(pm.publishedAt, null);
      assert.deepEqual(pm.sections.map((s: { key: string }) => s.key), DEFAULT_POSTMORTEM_TEMPLATE.sections.map((s) => s.key));
      assert.equal(pm.sections[0].title, 'Summary');
      assert.match(pm.contributingFactors[0].id, /^cf_/);
      assert.deepEqual(await incidentRow(incident.id), { version: 2, postmortem_id: pm.id }, 'incident linked, new version');

      const again = await create({ incidentId: incident.id });
      assert.equal(again.status, 409);
      assert.equal(again.body.postmortemId, pm.id);
      assert.match(again.body.detail, /already has a postmortem/);
      assert.equal((await incidentRow(incident.id))?.version, 2, 'nothing written');
    });

    it('refuses bad input: 422 for the body, 409 for what it names', async () => {
      const incident = await insertIncident(api.db);
      const invalid = await create({ title: '', sections: [{ key: 'Bad Key', title: 'x', body: '' }] });
      assert.equal(invalid.status, 422);
      const paths = invalid.body.errors.map((e: { path: string }) => e.path);
      assert.ok(paths.includes('incidentId') && paths.includes('title') && paths.includes('sections.0.key'), JSON.stringify(paths));
      assert.equal((await create({ incidentId: 'inc_missing' })).status, 409);
      const owner = await create({ incidentId: incident.id, ownerId: 'per_missing' });
      assert.equal(owner.status, 409);
      assert.match(owner.body.detail, /per_missing/);
      assert.equal((await create({ incidentId: incident.id, templateId: 'nope' })).status, 409);
      assert.equal((await incidentRow(incident.id))?.postmortem_id, null, 'nothing linked');
    });

    it('never duplicates a retried create', async () => {
      const incident = await insertIncident(api.db);
      const key = { 'idempotency-key': 'pm-retry' };
      const first = await create({ incidentId: incident.id }, key);
      const again = await create({ incidentId: incident.id }, key);
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.equal(again.body.id, first.body.id);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
    });

    it('is internal: token holders read it, anonymous callers never do', async () => {
      const incident = await insertIncident(api.db, { visibility: 'public' });
      const { body: pm } = await create({ incidentId: incident.id, publicSummary: 'Draft words' });
      assert.equal((await api.request('GET', '/v1/postmortems')).status, 401);
      assert.equal((await api.request('GET', `/v1/postmortems/${pm.id}`)).status, 401);
      const summary = await api.request('GET', `/v1/incidents/${incident.id}/postmortem-summary`);
      assert.equal(summary.status, 404, 'a draft is never visible anonymously');
      assert.doesNotMatch(summary.text, /Draft words/);
      const one = await api.request('GET', `/v1/postmortems/${pm.id}`, { as: 'viewer' });
      assert.equal(one.status, 200);
      assert.equal(one.headers.get('etag'), '"1"');
      assert.equal((await api.request('GET', `/v1/postmortems/${pm.id}`, { as: 'viewer', headers: { 'if-none-match': '"1"' } })).status, 304);
      assert.equal((await api.request('GET', '/v1/postmortems/pm_missing', { as: 'viewer' })).status, 404);
      const events = await api.db.query<{ audience: string }>(`select audience from events where type like 'postmortem%' and (data->'postmortem'->>'id' = $1 or data->>'incidentId' = $2)`, [pm.id, incident.id]);
      assert.ok(events.length > 0 && events.every((e) => e.audience === 'internal'), 'drafts never reach the public stream');
    });

    it('two people editing: the first PATCH wins, the second gets 412 with the current document and loses nothing', async () => {
      const incident = await insertIncident(api.db);
      const { body: pm } = await create({ incidentId: incident.id });
      const path = `/v1/postmortems/${pm.id}`;
      const alice = await api.request('GET', path, { as: 'responder' });
      const bob = await api.request('GET', path, { as: 'responder' });
      assert.equal(alice.headers.get('etag'), '"1"');
      assert.equal(bob.headers.get('etag'), '"1"');
      type Section = { key: string; title: string; body: string };
      const edit = (sections: Section[], key: string, body: string) => sections.map((s) => (s.key === key ? { ...s, body } : s));

      const aliceSections = edit(alice.body.sections, 'summary', 'A deploy broke payments.');
      const first = await api.request('PATCH', path, { as: 'responder', body: { sections: aliceSections }, headers: { 'if-match': alice.headers.get('etag') as string } });
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('etag'), '"2"');

      const bobSections = edit(bob.body.sections, 'impact', '12% of payments failed for 40 minutes.');
      const second = await api.request('PATCH', path, { as: 'responder', body: { sections: bobSections }, headers: { 'if-match': bob.headers.get('etag') as string } });
      assert.equal(second.status, 412);
      assert.equal(second.headers.get('etag'), '"2"');
      assert.equal(second.body.currentEtag, '"2"');
      const current = second.body.current;
      assert.equal(current.sections.find((s: Section) => s.key === 'summary').body, 'A deploy broke payments.', "the 412 carries Alice's section");
      const stored = await api.request('GET', path, { as: 'viewer' });
      assert.equal(stored.body.sections.find((s: Section) => s.key === 'summary').body, 'A deploy broke payments.', "Alice's section was not overwritten");

      // Bob re-applies his change on the current document.
      const merged = await api.request('PATCH', path, { as: 'responder', body: { sections: edit(current.sections, 'impact', '12% of payments failed for 40 minutes.') }, headers: { 'if-match': second.body.currentEtag } });
      assert.equal(merged.status, 200);
      const bodies = Object.fromEntries(merged.body.sections.map((s: Section) => [s.key, s.body]));
      assert.equal(bodies['summary'], 'A deploy broke payments.');
      assert.equal(bodies['impact'], '12% of payments failed for 40 minutes.');
      assert.equal((await api.request('PATCH', path, { as: 'responder', body: { title: 'x' } })).status, 428);
      assert.equal((await api.request('PATCH', path, { as: 'viewer', body: { title: 'x' }, headers: { 'if-match': '"3"' } })).status, 403);
      assert.equal((await patch(pm.id, 3, {})).status, 422);
      assert.equal((await patch(pm.id, 3, { ownerId: 'per_missing' })).status, 409);
      assert.equal((await patch('pm_missing', 1, { title: 'x' })).status, 404);
    });

    it('publishes through review, with a public summary, for public incidents only', async () => {
      const incident = await insertIncident(api.db, { title: 'Login outage', visibility: 'public', status: 'resolved', resolvedAt: new Date(TEST_NOW).toISOString() });
      const { body: pm } = await create({ incidentId: incident.id });
      const summaryPath = `/v1/incidents/${incident.id}/postmortem-summary`;
      const skip = await patch(pm.id, 1, { status: 'published', publicSummary: 'Too soon.' });
      assert.equal(skip.status, 409);
      assert.match(skip.body.detail, /review first/);
      assert.equal((await patch(pm.id, 1, { status: 'in_review' })).status, 200);
      const noSummary = await patch(pm.id, 2, { status: 'published' });
      assert.equal(noSummary.status, 422);
      assert.deepEqual(noSummary.body.errors.map((e: { path: string }) => e.path), ['publicSummary']);
      assert.equal((await patch(pm.id, 2, { status: 'published', publicSummary: '   ' })).status, 422, 'blank counts as none');
      assert.equal((await api.request('GET', summaryPath)).status, 404, 'in review: still hidden');

      api.setNow(TEST_NOW + 86_400_000);
      const published = await patch(pm.id, 2, { status: 'published', publicSummary: 'A bad certificate broke logins for 20 minutes.' });
      assert.equal(published.status, 200);
      assert.equal(published.body.publishedAt, new Date(TEST_NOW + 86_400_000).toISOString());
      api.setNow(TEST_NOW);
      const summary = await api.request('GET', summaryPath);
      assert.equal(summary.status, 200);
      assert.deepEqual(summary.body, { incidentId: incident.id, title: 'Login outage', publicSummary: 'A bad certificate broke logins for 20 minutes.', publishedAt: published.body.publishedAt });
      assert.match(summary.headers.get('cache-control') ?? '', /public/);
      assert.equal((await api.request('GET', summaryPath, { headers: { 'if-none-match': summary.headers.get('etag') as string } })).status, 304);
      const [event] = await api.db.query<{ audience: string; data: { publicSummary: string } }>(`select audience, data from events where type = 'postmortem-summary.updated' and data->>'incidentId' = $1`, [incident.id]);
      assert.equal(event?.audience, 'public');
      assert.equal(event?.data.publicSummary, 'A bad certificate broke logins for 20 minutes.');

      const cleared = await patch(pm.id, 3, { publicSummary: null });
      assert.equal(cleared.status, 422, 'a published postmortem keeps its public summary');
      const toDraft = await patch(pm.id, 3, { status: 'draft' }, 'admin');
      assert.equal(toDraft.status, 409);
      assert.match(toDraft.body.detail, /cannot go back to draft/);
      const responder = await patch(pm.id, 3, { status: 'in_review' });
      assert.equal(responder.status, 403);
      assert.match(responder.body.detail, /Only an admin/);
      const unpublished = await patch(pm.id, 3, { status: 'in_review' }, 'admin');
      assert.equal(unpublished.status, 200);
      assert.equal(unpublished.body.publishedAt, null);
      assert.equal((await api.request('GET', summaryPath)).status, 404, 'off the status page again');
      const withdrawn = await api.db.query(`select 1 from events where type = 'postmortem-summary.deleted' and audience = 'public' and data->>'incidentId' = $1`, [incident.id]);
      assert.equal(withdrawn.length, 1);
    });

    it('never shows the summary of an internal incident, even when published', async () => {
      const incident = await insertIncident(api.db, { visibility: 'internal' });
      const { body: pm } = await create({ incidentId: incident.id });
      await patch(pm.id, 1, { status: 'in_review' });
      assert.equal((await patch(pm.id, 2, { status: 'published', publicSummary: 'Internal words' })).status, 200);
      const anonymous = await api.request('GET', `/v1/incidents/${incident.id}/postmortem-summary`);
      assert.equal(anonymous.status, 404);
      assert.doesNotMatch(anonymous.text, /Internal words/);
      assert.equal((await api.request('GET', `/v1/incidents/${incident.id}/postmortem-summary`, { as: 'viewer' })).status, 404);
      const leaked = await api.db.query(`select 1 from events where audience = 'public' and data::text like '%Internal words%'`);
      assert.equal(leaked.length, 0);
      assert.equal((await api.request('GET', '/v1/incidents/inc_missing/postmortem-summary')).status, 404);
    });

    it('pages by last edit, newest first, without duplicates, and filters', async () => {
      const owner = (await api.request('POST', '/v1/people', { as: 'admin', body: { name: 'Owner' } })).body;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        api.setNow(TEST_NOW + (i + 1) * 60_000);
        const incident = await insertIncident(api.db);
        const { body } = await create({ incidentId: incident.id, title: `Paged ${i}`, labels: i % 2 ? ['payments'] : ['auth'], ownerId: i === 4 ? owner.id : null });
        ids.push(body.id);
      }
      api.setNow(TEST_NOW + 10 * 60_000);
      await patch(ids[0] as string, 1, { status: 'in_review' });
      api.setNow(TEST_NOW);
      const seen: { id: string; updatedAt: string }[] = [];
      let cursor: string | null = null;
      do {
        const page = await api.request('GET', `/v1/postmortems?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { as: 'viewer' });
        assert.equal(page.status, 200);
        seen.push(...page.body.data);
        cursor = page.body.nextCursor;
      } while (cursor);
      assert.equal(new Set(seen.map((p) => p.id)).size, seen.length, 'no duplicates');
      const times = seen.map((p) => p.updatedAt);
      assert.deepEqual(times, [...times].sort().reverse());
      assert.equal(seen[0]?.id, ids[0], 'the latest edit comes first');
      const review = await api.request('GET', '/v1/postmortems?status=in_review', { as: 'viewer' });
      assert.ok(review.body.data.some((p: { id: string }) => p.id === ids[0]));
      assert.ok(review.body.data.every((p: { status: string }) => p.status === 'in_review'));
      const labelled = await api.request('GET', '/v1/postmortems?label=payments', { as: 'viewer' });
      assert.deepEqual(labelled.body.data.map((p: { title: string }) => p.title).sort(), ['Paged 1', 'Paged 3']);
      const owned = await api.request('GET', `/v1/postmortems?owner=${owner.id}`, { as: 'viewer' });
      assert.deepEqual(owned.body.data.map((p: { id: string }) => p.id), [ids[4]]);
      const first = seen.find((p) => p.id === ids[2]) as unknown as { incidentId: string };
      const byIncident = await api.request('GET', `/v1/postmortems?incident=${first.incidentId}`, { as: 'viewer' });
      assert.deepEqual(byIncident.body.data.map((p: { id: string }) => p.id), [ids[2]]);
      assert.equal((await api.request('GET', '/v1/postmortems?status=final', { as: 'viewer' })).status, 422);
    });

    it('searches the library: words, component, category and label in SQL, paged through the filtered list', async () => {
      const ids = (body: { data: { id: string }[] }) => body.data.map((p) => p.id).sort();
      const list = async (query: string) => {
        const answer = await api.request('GET', `/v1/postmortems?${query}`, { as: 'viewer' });
        assert.equal(answer.status, 200, answer.text);
        return answer.body as { data: { id: string; title: string }[]; nextCursor: string | null };
      };
      const made: string[] = [];
      const make = async (incident: Partial<Incident>, body: Record<string, unknown>) => {
        const row = await insertIncident(api.db, incident);
        const created = await create({ incidentId: row.id, ...body });
        assert.equal(created.status, 201, created.text);
        made.push(created.body.id);
        return created.body.id as string;
      };
      const api1 = [{ componentId: 'cmp_lib_api', status: 'major_outage' }] as Incident['components'];
      const dbPm = await make(
        { title: 'Libsearch checkout failing', components: api1, labels: ['team:libsearch'] },
        {
          title: 'Libsearch DB primary',
          sections: [{ key: 'summary', title: 'Summary', body: 'The connection pool ran dry: 100% of slots_used.' }],
          contributingFactors: [{ category: 'architecture_infrastructure', description: 'One primary for every write' }],
          fiveWhys: [{ question: 'Why did retries pile up?', answer: 'No jitter in the client' }],
        },
      );
      const jaPm = await make(
        { title: 'Libsearch 決済の遅延', components: [...api1, { componentId: 'cmp_lib_web', status: 'degraded_performance' }] },
        {
          title: 'Libsearch 障害報告',
          sections: [{ key: 'lessons', title: '教訓', body: 'コネクションプールの上限を監視する' }],
          contributingFactors: [{ category: 'culture', description: '金曜日のリリース' }],
          labels: ['libsearch-db'],
          publicSummary: 'Payments were slow for 20 minutes.',
        },
      );
      const webPm = await make(
        { title: 'Libsearch web outage', components: [{ componentId: 'cmp_lib_web', status: 'partial_outage' }] },
        { title: 'Libsearch CDN purge', contributingFactors: [{ category: 'release_monitoring_operations', description: 'A purge without review' }], labels: ['libsearch-db'] },
      );

      assert.deepEqual(ids(await list('q=libsearch')), [...made].sort(), 'a word found in every title');
      assert.deepEqual(ids(await list('q=%EF%BC%A4%EF%BD%82%20PRIMARY%20libsearch')), [dbPm], 'full-width and upper case fold ("Ｄｂ PRIMARY")');
      assert.deepEqual(ids(await list(`q=${encodeURIComponent('コネクションプール')}`)), [jaPm], 'a Japanese word in a section body');
      assert.deepEqual(ids(await list(`q=${encodeURIComponent('決済')}`)), [jaPm], "the incident's title");
      assert.deepEqual(ids(await list('q=jitter')), [dbPm], 'a five-whys answer');
      assert.deepEqual(ids(await list('q=purge%20review')), [webPm], 'a contributing factor');
      assert.deepEqual(ids(await list('q=slow%20minutes%20libsearch')), [jaPm], 'the public summary');
      assert.deepEqual(ids(await list('q=team%3Alibsearch')), [], "the incident's labels are a filter, not text");
      assert.deepEqual(ids(await list('q=libsearch%20nothing-has-this')), [], 'every word must match');
      assert.deepEqual(ids(await list('q=100%25')), [dbPm], '% is literal');
      assert.deepEqual(ids(await list('q=slots_used')), [dbPm], '_ is literal');
      assert.deepEqual(ids(await list('q=slots%25used')), [], '% matches no other characters');
      assert.deepEqual(ids(await list('q=slotsxused')), [], '_ matches no other character');

      assert.deepEqual(ids(await list('component=cmp_lib_api')), [dbPm, jaPm].sort(), "any of the incident's components");
      assert.deepEqual(ids(await list('component=cmp_lib_web')), [jaPm, webPm].sort());
      assert.deepEqual(ids(await list('category=culture&q=libsearch')), [jaPm]);
      assert.deepEqual(ids(await list('category=culture,release_monitoring_operations&q=libsearch')), [jaPm, webPm].sort(), 'any of the categories');
      assert.deepEqual(ids(await list('label=team:libsearch')), [dbPm], "the incident's label");
      assert.deepEqual(ids(await list('label=libsearch-db')), [jaPm, webPm].sort(), "the postmortem's label");
      assert.deepEqual(ids(await list('label=libsearch-db,team:libsearch')), [...made].sort(), 'any of the labels, on either');
      assert.deepEqual(ids(await list('component=cmp_lib_web&category=culture&label=libsearch-db&q=%E6%95%99%E8%A8%93')), [jaPm], 'all filters at once');
      assert.deepEqual(ids(await list('component=cmp_lib_api&category=release_monitoring_operations')), [], 'filters combine with and');

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await list(`q=libsearch&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.data.map((p) => p.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      assert.equal(pages, 3, 'one page per match, and no empty last page');
      assert.deepEqual([...seen].sort(), [...made].sort(), 'every match once across the pages');

      const wrong = await api.request('GET', '/v1/postmortems?category=luck', { as: 'viewer' });
      assert.equal(wrong.status, 422);
      assert.equal(wrong.body.errors[0].path, 'category.0');
      assert.match(wrong.body.errors[0].message, /Category must be one of product_quality, .*culture/);
      assert.equal((await api.request('GET', `/v1/postmortems?q=${'x'.repeat(201)}`, { as: 'viewer' })).status, 422);
    });

    it('folds the text of postmortems written before the search column (migration 4), and folds each write', async () => {
      const db = await open();
      try {
        await migrate(db, MIGRATIONS.filter((m) => m.version < 4));
        const incident = await insertIncident(db, { title: 'Older incident' });
        const at = new Date(TEST_NOW).toISOString();
        const doc = { id: 'pm_old', incidentId: incident.id, title: 'Ｏｌｄ write-up', ownerId: null, status: 'draft', templateId: 'default',
          sections: [{ key: 'summary', title: '概要', body: 'A RETRY storm' }], contributingFactors: [{ id: 'cf_1', category: 'skills', description: '手順書がない' }],
          fiveWhys: [{ question: 'Why?', answer: 'No jitter' }], acknowledgements: [], labels: ['legacy'], publicSummary: null, createdAt: at, updatedAt: at, publishedAt: null };
        await db.query('insert into postmortems (id, version, created_at, updated_at, incident_id, status, doc) values ($1, 1, $2, $2, $3, $4, $5)', ['pm_old', at, incident.id, 'draft', JSON.stringify(doc)]);
        await migrate(db);
        const [row] = await db.query<{ search_text: string }>('select search_text from postmortems where id = $1', ['pm_old']);
        assert.equal(row?.search_text, postmortemFoldedText(doc as Postmortem), 'the same text as a write folds');
      } finally {
        await db.close();
      }
      const incident = await insertIncident(api.db);
      const { body: pm } = await create({ incidentId: incident.id, title: 'Ｆｏｌｄed on create' });
      const folded = async () => (await api.db.query<{ search_text: string }>('select search_text from postmortems where id = $1', [pm.id]))[0]?.search_text;
      assert.match((await folded()) ?? '', /^folded on create\n/);
      await patch(pm.id, 1, { title: 'Ｒｅｆｏｌｄｅｄ on patch' });
      assert.match((await folded()) ?? '', /^refolded on patch\n/);
    });

    it('deletes for admins with If-Match, unlinking the incident and actions', async () => {
      const incident = await insertIncident(api.db, { visibility: 'public' });
      const { body: pm } = await create({ incidentId: incident.id });
      const action = await api.request('POST', '/v1/actions', { as: 'responder', body: { title: 'Rotate certs automatically', kind: 'prevent', incidentIds: [incident.id], postmortemId: pm.id } });
      assert.equal(action.status, 201);
      const path = `/v1/postmortems/${pm.id}`;
      assert.equal((await api.request('DELETE', path, { as: 'responder', headers: { 'if-match': '"1"' } })).status, 403);
      assert.equal((await api.request('DELETE', path, { as: 'admin' })).status, 428);
      assert.equal((await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"4"' } })).status, 412);
      assert.equal((await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"1"' } })).status, 204);
      assert.equal((await api.request('GET', path, { as: 'viewer' })).status, 404);
      assert.deepEqual(await incidentRow(incident.id), { version: 3, postmortem_id: null });
      const unlinked = await api.request('GET', `/v1/actions/${action.body.id}`, { as: 'viewer' });
      assert.equal(unlinked.body.postmortemId, null);
      assert.equal(unlinked.headers.get('etag'), '"2"');
      assert.equal((await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"1"' } })).status, 404);
      assert.equal((await create({ incidentId: incident.id })).status, 201, 'the incident can have a new postmortem');
    });
  });
}
