import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoDataset } from '@hansei/core';
import { SeedRefusedError, seedDemo, type SeedSummary } from './seed.js';
import { TEST_NOW, startTestApi, type TestApi } from './testing/harness.js';
import { databasesUnderTest } from './testing/postgres.js';

const DAY = 86_400_000;

/** Rows per table that the demo must fill, by summary key. */
const TABLES: Readonly<Record<Exclude<keyof SeedSummary, 'ms'>, string>> = {
  people: 'people',
  componentGroups: 'component_groups',
  components: 'components',
  statusChanges: 'component_status_changes',
  incidents: 'incidents',
  incidentUpdates: 'incident_updates',
  timelineEvents: 'timeline_events',
  roleAssignments: 'role_assignments',
  maintenances: 'maintenances',
  postmortems: 'postmortems',
  actions: 'prevention_actions',
  slos: 'slos',
  samples: 'sli_samples',
  settings: 'settings',
};

for (const { name, open } of databasesUnderTest()) {
  describe(`seed (${name})`, () => {
    let api: TestApi;
    let summary: SeedSummary;
    const data = demoDataset({ now: TEST_NOW });
    before(async () => {
      api = await startTestApi(open);
    });
    after(() => api?.close());

    async function counts(): Promise<Record<string, number>> {
      const out: Record<string, number> = {};
      for (const [key, table] of Object.entries(TABLES)) {
        out[key] = (await api.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n ?? -1;
      }
      return out;
    }

    /** Every item of a list route, following cursors. */
    async function all(path: string, as: 'viewer' | null = 'viewer'): Promise<{ id: string }[]> {
      const items: { id: string }[] = [];
      let cursor: string | null = null;
      do {
        const separator = path.includes('?') ? '&' : '?';
        const response = await api.request('GET', `${path}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`, { as });
        assert.equal(response.status, 200, `${path}: ${response.text}`);
        items.push(...(response.body.data as { id: string }[]));
        cursor = (response.body.nextCursor as string | null | undefined) ?? null;
      } while (cursor);
      return items;
    }

    it('loads the whole demo in one transaction, fast, and says what it wrote', async () => {
      summary = await seedDemo(api.db, TEST_NOW);
      console.log(`  seeded the demo in ${summary.ms} ms (${name}): ${JSON.stringify({ ...summary, ms: undefined })}`);
      const expected = {
        people: data.people.length,
        componentGroups: data.groups.length,
        components: data.components.length,
        statusChanges: data.statusChanges.length,
        incidents: data.incidents.length,
        incidentUpdates: data.incidents.reduce((n, i) => n + i.updates.length, 0),
        timelineEvents: data.timeline.length,
        roleAssignments: data.roles.length,
        maintenances: data.maintenances.length,
        postmortems: data.postmortems.length,
        actions: data.actions.length,
        slos: data.slos.length,
        samples: Object.values(data.samples).reduce((n, s) => n + s.length, 0),
        settings: 3,
      };
      const { ms, ...written } = summary;
      assert.deepEqual(written, expected);
      assert.deepEqual(await counts(), expected);
      assert.ok(ms < 30_000, `took ${ms} ms`);
      // What the issue asks of the demo.
      assert.ok(expected.components >= 12 && expected.componentGroups > 0);
      assert.ok(expected.actions >= 40);
      const links = await api.db.query<{ n: number }>('select count(*)::int as n from action_incidents');
      assert.equal(links[0]?.n, data.actions.reduce((n, a) => n + new Set(a.incidentIds).size, 0));
    });

    it('reads back through the API', async () => {
      assert.deepEqual((await all('/v1/components')).map((c) => c.id).sort(), data.components.map((c) => c.id).sort());
      const showcased = data.components.filter((c) => c.showcase).map((c) => c.id).sort();
      assert.deepEqual((await all('/v1/components', null)).map((c) => c.id).sort(), showcased, 'anonymous: showcased only');
      assert.equal((await all('/v1/component-groups')).length, data.groups.length);
      const incidents = await all('/v1/incidents?limit=200');
      assert.deepEqual(incidents.map((i) => i.id).sort(), data.incidents.map((i) => i.id).sort());
      const publicIds = data.incidents.filter((i) => i.visibility === 'public').map((i) => i.id).sort();
      assert.ok(publicIds.length < data.incidents.length, 'the demo has internal incidents');
      const anonymous = (await all('/v1/incidents?limit=200', null)) as unknown as { id: string; updates: { visibility: string }[] }[];
      assert.deepEqual(anonymous.map((i) => i.id).sort(), publicIds, 'anonymous: public incidents only');
      assert.ok(anonymous.every((i) => i.updates.every((u) => u.visibility === 'public')), 'anonymous: public updates only');
      const withTimeline = data.timeline[0]!.incidentId;
      const timeline = await api.request('GET', `/v1/incidents/${withTimeline}/timeline`, { as: 'viewer' });
      assert.equal(timeline.status, 200);
      assert.equal(timeline.body.data.length, data.timeline.filter((e) => e.incidentId === withTimeline).length);
      assert.equal((await all('/v1/maintenances?limit=200')).length, data.maintenances.length);
      assert.equal((await all('/v1/postmortems?limit=200')).length, data.postmortems.length);
      assert.equal((await all('/v1/actions?limit=200')).length, data.actions.length);
      assert.equal((await all('/v1/people?limit=200')).length, data.people.length);
      assert.deepEqual((await all('/v1/slos')).map((s) => s.id).sort(), data.slos.map((s) => s.id).sort());
      assert.deepEqual((await api.request('GET', '/v1/severity-guideline', { as: 'viewer' })).body, data.guideline);
      assert.deepEqual((await api.request('GET', '/v1/roles', { as: 'viewer' })).body.data, data.roleDefinitions);
      assert.deepEqual((await api.request('GET', '/v1/page')).body, data.page);
    });

    it('shows healthy, burning and exhausted SLOs', async () => {
      const states: string[] = [];
      for (const slo of data.slos) {
        const report = await api.request('GET', `/v1/slos/${slo.id}/report`, { as: 'viewer' });
        assert.equal(report.status, 200);
        const { alert, budgetRemaining } = report.body as { alert: string; budgetRemaining: number };
        states.push(budgetRemaining <= 0 ? 'exhausted' : alert !== 'ok' ? 'burning' : budgetRemaining > 0.25 ? 'healthy' : 'low');
      }
      assert.deepEqual([...new Set(states)].sort(), ['burning', 'exhausted', 'healthy'], states.join(', '));
      const review = await api.request('GET', '/v1/review', { as: 'viewer' });
      assert.equal(review.status, 200);
      assert.equal(review.body.slosBurning.length, states.filter((s) => s !== 'healthy').length);
      assert.equal(review.body.slosBurning[0].report.alert, 'page', 'the paging SLO first');
    });

    it('refuses to seed over incidents, and replaces everything on request', async () => {
      await assert.rejects(seedDemo(api.db, TEST_NOW), (error: unknown) => {
        assert.ok(error instanceof SeedRefusedError);
        assert.match(error.message, new RegExp(`already has ${data.incidents.length} incidents.*--replace`));
        return true;
      });
      const before = await counts();
      const replaced = await seedDemo(api.db, TEST_NOW + DAY, { replace: true });
      const { ms: _ms, ...written } = replaced;
      const { ms: _first, ...first } = summary;
      assert.deepEqual(written, first, 'the same amount again, not twice as much');
      assert.deepEqual(await counts(), before);
      const guideline = await api.request('GET', '/v1/severity-guideline', { as: 'viewer' });
      assert.equal(guideline.status, 200, 'tokens survive a replace');
      assert.equal(guideline.headers.get('etag'), '"1"');
      const incidents = await api.db.query<{ started_at: string }>('select max(started_at) as started_at from incidents');
      assert.ok(Date.parse(incidents[0]!.started_at) > TEST_NOW - DAY, 'rebuilt for the new now');
    });
  });
}
