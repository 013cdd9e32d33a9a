/**
 * Route by route, on the seeded demo: no anonymous answer ever carries internal data. Every GET
 * route open to anonymous callers is called with every id the demo has (internal ones too), and
 * its body must hold none of the internal texts: internal incidents and updates, the timeline,
 * people, postmortem sections, prevention actions, SLOs, hidden components, tokens.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoDataset } from '@hansei/core';
import { ROUTES } from './api.js';
import { PUBLIC_ROUTE_DOCS } from './public/index.js';
import { seedDemo } from './seed.js';
import { databasesUnderTest } from './testing/postgres.js';
import { TEST_NOW, startTestApi, type TestApi } from './testing/harness.js';

/** Texts that only internal records hold (long enough not to occur by chance). */
function internalTexts(): string[] {
  const demo = demoDataset({ now: TEST_NOW });
  const texts: string[] = [];
  for (const incident of demo.incidents) {
    if (incident.visibility === 'internal') texts.push(incident.id, incident.title, incident.summary);
    for (const update of incident.updates) if (update.visibility === 'internal' || incident.visibility === 'internal') texts.push(update.body);
  }
  for (const event of demo.timeline) texts.push(event.body);
  for (const person of demo.people) texts.push(person.name, ...(person.email ? [person.email] : []));
  for (const postmortem of demo.postmortems) for (const section of postmortem.sections) texts.push(section.body);
  for (const action of demo.actions) texts.push(action.id, action.title);
  for (const slo of demo.slos) texts.push(slo.id);
  for (const component of demo.components) if (!component.showcase) texts.push(component.id, component.name);
  texts.push('test viewer', 'test responder', 'test admin');
  // Compare on the JSON-escaped form, as the texts appear inside answers.
  return [...new Set(texts)].filter((text) => text.trim().length >= 12).map((text) => JSON.stringify(text).slice(1, -1));
}

function allIds(): string[] {
  const demo = demoDataset({ now: TEST_NOW });
  return [
    ...demo.incidents.map((x) => x.id),
    ...demo.components.map((x) => x.id),
    ...demo.groups.map((x) => x.id),
    ...demo.maintenances.map((x) => x.id),
    ...demo.postmortems.map((x) => x.id),
    ...demo.actions.map((x) => x.id),
    ...demo.people.map((x) => x.id),
    ...demo.slos.map((x) => x.id),
  ];
}

for (const { name, open } of databasesUnderTest()) {
  describe(`anonymous callers never see internal data (${name})`, () => {
    let api: TestApi;
    const secrets = internalTexts();
    const ids = allIds();
    before(async () => {
      api = await startTestApi(open, { public: { rateLimit: false } });
      await seedDemo(api.db, TEST_NOW);
    });
    after(() => api?.close());

    const anonymousGets = [...ROUTES, ...PUBLIC_ROUTE_DOCS].filter((route) => route.method === 'GET' && route.access === 'public' && !route.path.includes('stream'));

    it('has internal data to hide, and public routes to check', () => {
      assert.ok(secrets.length > 100, `only ${secrets.length} internal texts`);
      assert.ok(anonymousGets.length >= 10, `only ${anonymousGets.length} anonymous routes`);
    });

    for (const route of anonymousGets) {
      it(`GET ${route.path}`, async () => {
        const paths = route.path.includes(':') ? ids.map((id) => route.path.replace(/:\w+/, encodeURIComponent(id))) : [route.path];
        let answered = 0;
        for (const path of paths) {
          const response = await api.request('GET', path);
          assert.ok(response.status < 500, `${path}: ${response.status}`);
          if (response.status !== 200) continue;
          answered++;
          const leaked = secrets.find((secret) => response.text.includes(secret));
          assert.equal(leaked, undefined, `${path} leaks internal text: ${leaked}`);
        }
        assert.ok(answered > 0, `${route.path} never answered 200: the check saw nothing`);
      });
    }

    it('the status snapshot and the uptime bars of the demo hold public things only', async () => {
      const demo = demoDataset({ now: TEST_NOW });
      const shown = new Set(demo.components.filter((c) => c.showcase).map((c) => c.id));
      const publicIncidents = new Set(demo.incidents.filter((i) => i.visibility === 'public').map((i) => i.id));
      const snapshot = (await api.request('GET', '/v1/status.json')).body;
      assert.ok(snapshot.components.length > 0 && snapshot.incidents.length > 0, 'the demo shows something');
      for (const component of snapshot.components) assert.ok(shown.has(component.id), component.id);
      for (const incident of snapshot.incidents) {
        assert.ok(publicIncidents.has(incident.id), incident.id);
        for (const update of incident.updates) assert.equal(update.visibility, 'public', update.id);
        for (const link of incident.related) assert.ok(publicIncidents.has(link.incidentId), link.incidentId);
        for (const affected of incident.components) assert.ok(shown.has(affected.componentId), affected.componentId);
      }
      for (const maintenance of snapshot.maintenances) for (const id of maintenance.components) assert.ok(shown.has(id), id);
      const uptime = (await api.request('GET', '/v1/uptime')).body;
      assert.deepEqual(uptime.data.map((u: { componentId: string }) => u.componentId), snapshot.components.map((c: { id: string }) => c.id), 'the same components, in page order');
      for (const entry of uptime.data) for (const day of entry.days) for (const id of day.incidentIds) assert.ok(publicIncidents.has(id), id);
    });

    it('the same routes do show internal data to a token holder (the check can fail)', async () => {
      const internal = demoDataset({ now: TEST_NOW }).incidents.find((i) => i.visibility === 'internal');
      assert.ok(internal);
      const withToken = await api.request('GET', `/v1/incidents/${internal.id}`, { as: 'viewer' });
      assert.equal(withToken.status, 200);
      assert.ok(secrets.some((secret) => withToken.text.includes(secret)));
    });
  });
}
