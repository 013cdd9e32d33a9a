/* eslint-disable @typescript-eslint/no-explicit-any -- the harness gives response bodies as parsed JSON */
/**
 * Every versioned entity the API answers carries `version`, the number of its ETag: single
 * reads, creates and updates, list items, entities nested in answers, the entities inside change
 * events and the `current` of a 412. The stored documents never hold it (the row's column does).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiDocument } from './api.js';
import { databasesUnderTest } from './testing/postgres.js';
import { TEST_NOW, startTestApi, type TestApi, type TestResponse } from './testing/harness.js';

const MINUTE = 60_000;
const at = (minutes: number) => new Date(TEST_NOW + minutes * MINUTE).toISOString();

/** Tables of versioned entities, by the key their change events carry them under. */
const TABLES: Readonly<Record<string, string>> = {
  component: 'components',
  group: 'component_groups',
  incident: 'incidents',
  maintenance: 'maintenances',
  postmortem: 'postmortems',
  action: 'prevention_actions',
  slo: 'slos',
  person: 'people',
};

/** The version an answer's ETag names. */
function etagVersion(res: TestResponse): number {
  const match = /^"(\d+)"$/.exec(res.headers.get('etag') ?? '');
  assert.ok(match, `no version ETag: ${res.headers.get('etag')}`);
  return Number(match[1]);
}

/** Asserts `res` is `status` and its body carries the version of its ETag; returns the body. */
function carries(res: TestResponse, status = 200): any {
  assert.equal(res.status, status, res.text);
  assert.equal(res.body.version, etagVersion(res), `${res.body.id}: version ${res.body.version}, ETag ${res.headers.get('etag')}`);
  return res.body;
}

/** Operations that answer versioned entities, and the stored schema each answer names. */
const STORED_ANSWERS: Readonly<Record<string, string>> = {
  listComponents: 'StoredComponent',
  getComponent: 'StoredComponent',
  createComponent: 'StoredComponent',
  updateComponent: 'StoredComponent',
  listComponentGroups: 'StoredComponentGroup',
  createComponentGroup: 'StoredComponentGroup',
  updateComponentGroup: 'StoredComponentGroup',
  listIncidents: 'StoredIncident',
  getIncident: 'StoredIncident',
  createIncident: 'StoredIncident',
  updateIncident: 'StoredIncident',
  postIncidentUpdate: 'UpdatePosted',
  linkRelatedIncident: 'StoredIncident',
  unlinkRelatedIncident: 'StoredIncident',
  listMaintenances: 'StoredMaintenance',
  getMaintenance: 'StoredMaintenance',
  createMaintenance: 'StoredMaintenance',
  updateMaintenance: 'StoredMaintenance',
  postMaintenanceUpdate: 'StoredMaintenance',
  listPostmortems: 'StoredPostmortem',
  getPostmortem: 'StoredPostmortem',
  createPostmortem: 'StoredPostmortem',
  updatePostmortem: 'StoredPostmortem',
  listActions: 'StoredPreventionAction',
  getAction: 'StoredPreventionAction',
  createAction: 'StoredPreventionAction',
  updateAction: 'StoredPreventionAction',
  moveAction: 'StoredPreventionAction',
  listSlos: 'StoredSlo',
  getSlo: 'StoredSlo',
  createSlo: 'StoredSlo',
  updateSlo: 'StoredSlo',
  listPeople: 'StoredPerson',
  getPerson: 'StoredPerson',
  createPerson: 'StoredPerson',
  updatePerson: 'StoredPerson',
  getWeeklyReview: 'WeeklyReview',
};

describe('the OpenAPI document', () => {
  const doc = openApiDocument('0.0.0-test') as any;
  const operations = new Map<string, any>();
  for (const item of Object.values<any>(doc.paths)) for (const operation of Object.values<any>(item)) operations.set(operation.operationId, operation);

  it('documents `version`, a whole number from 1, on every stored entity', () => {
    for (const name of new Set(Object.values(STORED_ANSWERS).filter((n) => n.startsWith('Stored')))) {
      const schema = doc.components.schemas[name];
      assert.ok(schema.required.includes('version'), name);
      assert.deepEqual({ type: schema.properties.version.type, minimum: schema.properties.version.minimum }, { type: 'integer', minimum: 1 }, name);
    }
    assert.equal(doc.components.schemas.UpdatePosted.properties.incident.$ref, '#/components/schemas/StoredIncident');
    for (const key of ['incidents', 'actionsDue', 'postmortemsInReview']) assert.match(doc.components.schemas.WeeklyReview.properties[key].items.$ref, /\/Stored/, key);
  });

  it('answers every versioned entity as its stored schema', () => {
    for (const [operationId, name] of Object.entries(STORED_ANSWERS)) {
      const operation = operations.get(operationId);
      assert.ok(operation, operationId);
      const [success] = Object.entries(operation.responses as Record<string, any>).filter(([status]) => status.startsWith('2'));
      assert.ok(success, operationId);
      const schema = JSON.stringify(success[1].content['application/json'].schema);
      assert.ok(schema.includes(`"#/components/schemas/${name}"`), `${operationId}: ${schema}`);
    }
  });

  it('describes the session, the status snapshot and the uptime of the page', () => {
    assert.equal(operations.get('getSession').responses['200'].content['application/json'].schema.$ref, '#/components/schemas/Session');
    assert.equal(doc.paths['/v1/status.json'].get.responses['200'].content['application/json'].schema.$ref, '#/components/schemas/StatusSnapshot');
    assert.deepEqual(doc.paths['/v1/status.json'].get.security, []);
    const uptime = doc.paths['/v1/uptime'].get;
    assert.equal(uptime.responses['200'].content['application/json'].schema.properties.data.items.$ref, '#/components/schemas/ComponentUptime');
    assert.deepEqual(uptime.parameters.map((p: any) => p.name), ['days', 'timeZone']);
  });
});

for (const { name, open } of databasesUnderTest()) {
  describe(`versions in every entity answered (${name})`, () => {
    let api: TestApi;
    const as = { admin: 'admin', responder: 'responder', viewer: 'viewer' } as const;
    const ids: Record<string, string> = {};
    const send = (method: string, path: string, body?: unknown, etag?: string, role: 'admin' | 'responder' | 'viewer' = as.admin) =>
      api.request(method, path, { as: role, ...(body === undefined ? {} : { body }), headers: etag === undefined ? {} : { 'if-match': etag } });
    /** The single read of `path` for a token holder: its body's version is its ETag's. */
    const read = async (path: string) => carries(await api.request('GET', path, { as: 'viewer' }));

    before(async () => {
      api = await startTestApi(open);
    });
    after(() => api?.close());

    it('components and groups: creates, updates, reads and lists', async () => {
      const group = carries(await send('POST', '/v1/component-groups', { name: 'Core' }), 201);
      assert.equal(group.version, 1);
      ids['group'] = group.id;
      const component = carries(await send('POST', '/v1/components', { name: 'API', groupId: group.id }), 201);
      ids['component'] = component.id;
      const hidden = carries(await send('POST', '/v1/components', { name: 'Batch', showcase: false }), 201);
      ids['hidden'] = hidden.id;
      const renamed = carries(await send('PATCH', `/v1/components/${component.id}`, { name: 'Public API' }, '"1"'));
      assert.equal(renamed.version, 2);
      carries(await send('PATCH', `/v1/component-groups/${group.id}`, { name: 'Core services' }, '"1"'));
      assert.equal((await read(`/v1/components/${component.id}`)).version, 2);
      assert.equal(carries(await api.request('GET', `/v1/components/${component.id}`)).version, 2, 'anonymous too');
      const list = (await api.request('GET', '/v1/components', { as: 'viewer' })).body.data;
      assert.deepEqual(list.map((c: any) => [c.id, c.version]), [[component.id, 2], [hidden.id, 1]]);
      assert.deepEqual((await api.request('GET', '/v1/component-groups')).body.data.map((g: any) => g.version), [2]);
    });

    it('incidents: declare, update, post, link; anonymous public views too', async () => {
      const declared = carries(
        await send('POST', '/v1/incidents', { title: 'Checkout fails', severity: 'SEV2', visibility: 'public', startedAt: at(-20), detectedAt: at(-15), components: [{ componentId: ids['component'], status: 'major_outage' }] }, undefined, as.responder),
        201,
      );
      ids['incident'] = declared.id;
      const other = carries(await send('POST', '/v1/incidents', { title: 'Earlier', severity: 'SEV3', startedAt: at(-60), detectedAt: at(-60) }, undefined, as.responder), 201);
      const patched = carries(await send('PATCH', `/v1/incidents/${declared.id}`, { summary: 'Card payments fail.' }, `"${declared.version}"`, as.responder));
      const posted = await send('POST', `/v1/incidents/${declared.id}/updates`, { status: 'identified', body: 'Found it.', visibility: 'public' }, undefined, as.responder);
      assert.equal(posted.status, 201, posted.text);
      assert.equal(posted.body.incident.version, etagVersion(posted), 'UpdatePosted.incident');
      assert.ok(posted.body.incident.version > patched.version);
      const linked = carries(await send('POST', `/v1/incidents/${declared.id}/related`, { incidentId: other.id }, undefined, as.responder));
      const unlinked = carries(await send('DELETE', `/v1/incidents/${declared.id}/related/${other.id}`, undefined, `"${linked.version}"`, as.responder));
      assert.equal((await read(`/v1/incidents/${declared.id}`)).version, unlinked.version);
      assert.equal(carries(await api.request('GET', `/v1/incidents/${declared.id}`)).version, unlinked.version, 'the public view');
      const anonymous = (await api.request('GET', '/v1/incidents')).body.data;
      assert.deepEqual(anonymous.map((i: any) => [i.id, i.version]), [[declared.id, unlinked.version]]);
      const all = (await api.request('GET', '/v1/incidents', { as: 'viewer' })).body.data;
      assert.deepEqual(all.map((i: any) => [i.id, i.version]), [[declared.id, unlinked.version], [other.id, 1]]);
    });

    it('maintenances: schedule, update, post; the public view too', async () => {
      const created = carries(
        await send('POST', '/v1/maintenances', { title: 'DB upgrade', scheduledFor: at(60), scheduledUntil: at(120), components: [ids['component'], ids['hidden']] }, undefined, as.responder),
        201,
      );
      ids['maintenance'] = created.id;
      const patched = carries(await send('PATCH', `/v1/maintenances/${created.id}`, { summary: 'Minor version.' }, '"1"', as.responder));
      const posted = carries(await send('POST', `/v1/maintenances/${created.id}/updates`, { status: 'in_progress', body: 'Started.' }, undefined, as.responder), 201);
      assert.equal(posted.version, patched.version + 1);
      assert.equal((await read(`/v1/maintenances/${created.id}`)).version, posted.version);
      const view = await api.request('GET', `/v1/maintenances/${created.id}`);
      assert.equal(view.body.version, posted.version, 'the public view, tagged by its content');
      assert.deepEqual(view.body.components, [ids['component']]);
      assert.deepEqual((await api.request('GET', '/v1/maintenances')).body.data.map((m: any) => m.version), [posted.version]);
    });

    it('people, postmortems, actions and SLOs', async () => {
      const person = carries(await send('POST', '/v1/people', { name: 'Ada' }), 201);
      ids['person'] = person.id;
      carries(await send('PATCH', `/v1/people/${person.id}`, { handle: 'ada' }, '"1"'));
      assert.deepEqual((await api.request('GET', '/v1/people', { as: 'viewer' })).body.data.map((p: any) => p.version), [2]);
      assert.equal((await read(`/v1/people/${person.id}`)).version, 2);

      const postmortem = carries(await send('POST', '/v1/postmortems', { incidentId: ids['incident'], ownerId: person.id }, undefined, as.responder), 201);
      ids['postmortem'] = postmortem.id;
      const inReview = carries(await send('PATCH', `/v1/postmortems/${postmortem.id}`, { status: 'in_review' }, '"1"', as.responder));
      assert.equal((await read(`/v1/postmortems/${postmortem.id}`)).version, inReview.version);
      assert.deepEqual((await api.request('GET', '/v1/postmortems', { as: 'viewer' })).body.data.map((p: any) => p.version), [inReview.version]);

      const action = carries(await send('POST', '/v1/actions', { title: 'Add a canary', kind: 'prevent', incidentIds: [ids['incident']], dueDate: at(2 * 24 * 60).slice(0, 10) }, undefined, as.responder), 201);
      ids['action'] = action.id;
      const edited = carries(await send('PATCH', `/v1/actions/${action.id}`, { description: 'Before every deploy.' }, '"1"', as.responder));
      const moved = carries(await send('POST', `/v1/actions/${action.id}/move`, { status: 'in_progress' }, `"${edited.version}"`, as.responder));
      assert.equal((await read(`/v1/actions/${action.id}`)).version, moved.version);
      assert.deepEqual((await api.request('GET', '/v1/actions', { as: 'viewer' })).body.data.map((a: any) => a.version), [moved.version]);

      const slo = carries(
        await send('POST', '/v1/slos', { name: 'Checkout availability', service: 'checkout', indicator: { good: 'good', total: 'total' }, timeWindow: { duration: '30d', isRolling: true }, budgetingMethod: 'Occurrences', objective: { target: 0.99 } }),
        201,
      );
      ids['slo'] = slo.id;
      const changed = carries(await send('PATCH', `/v1/slos/${slo.id}`, { description: 'Card payments.' }, '"1"'));
      assert.equal((await read(`/v1/slos/${slo.id}`)).version, changed.version);
      assert.deepEqual((await api.request('GET', '/v1/slos', { as: 'viewer' })).body.data.map((s: any) => s.version), [changed.version]);
      const burning = Array.from({ length: 12 }, (_, i) => ({ at: TEST_NOW - (i + 1) * 5 * MINUTE, good: 0, total: 100 }));
      assert.equal((await send('POST', `/v1/slos/${slo.id}/samples`, burning, undefined, as.responder)).status, 200);
    });

    it('the weekly review nests stored entities with their versions', async () => {
      const review = await api.request('GET', '/v1/review', { as: 'viewer' });
      assert.equal(review.status, 200, review.text);
      const current = async (path: string) => etagVersion(await api.request('GET', path, { as: 'viewer' }));
      assert.deepEqual(review.body.incidents.map((i: any) => i.version), [await current(`/v1/incidents/${review.body.incidents[0].id}`), await current(`/v1/incidents/${review.body.incidents[1].id}`)]);
      assert.deepEqual(review.body.actionsDue.map((a: any) => [a.id, a.version]), [[ids['action'], await current(`/v1/actions/${ids['action']}`)]]);
      assert.deepEqual(review.body.slosBurning.map((s: any) => [s.slo.id, s.slo.version]), [[ids['slo'], await current(`/v1/slos/${ids['slo']}`)]]);
      assert.equal(review.body.slosBurning[0].report.alert, 'page');
      assert.deepEqual(review.body.postmortemsInReview.map((p: any) => [p.id, p.version]), [[ids['postmortem'], await current(`/v1/postmortems/${ids['postmortem']}`)]]);
    });

    it('a stale write gets 412 with the current entity and its version', async () => {
      const cases: [string, string, unknown][] = [
        ['PATCH', `/v1/components/${ids['component']}`, { name: 'Stale' }],
        ['PATCH', `/v1/component-groups/${ids['group']}`, { name: 'Stale' }],
        ['PATCH', `/v1/incidents/${ids['incident']}`, { title: 'Stale' }],
        ['DELETE', `/v1/incidents/${ids['incident']}/related/inc_none`, undefined],
        ['PATCH', `/v1/maintenances/${ids['maintenance']}`, { title: 'Stale' }],
        ['PATCH', `/v1/postmortems/${ids['postmortem']}`, { title: 'Stale' }],
        ['PATCH', `/v1/actions/${ids['action']}`, { title: 'Stale' }],
        ['POST', `/v1/actions/${ids['action']}/move`, { status: 'todo' }],
        ['PATCH', `/v1/slos/${ids['slo']}`, { name: 'Stale' }],
        ['PATCH', `/v1/people/${ids['person']}`, { name: 'Stale' }],
        ['DELETE', `/v1/people/${ids['person']}`, undefined],
        ['DELETE', `/v1/components/${ids['hidden']}`, undefined],
      ];
      for (const [method, path, body] of cases) {
        const res = await send(method, path, body, '"999"');
        assert.equal(res.status, 412, `${method} ${path}: ${res.text}`);
        assert.equal(typeof res.body.current.version, 'number', `${method} ${path}`);
        assert.equal(res.body.currentEtag, `"${res.body.current.version}"`, `${method} ${path}`);
        assert.equal(res.headers.get('etag'), res.body.currentEtag);
        const [, , collection, id] = path.split('/');
        const now =
          collection === 'component-groups'
            ? (await api.request('GET', '/v1/component-groups')).body.data.find((g: any) => g.id === id).version // groups have no single read
            : etagVersion(await api.request('GET', `/v1/${collection}/${id}`, { as: 'viewer' }));
        assert.equal(res.body.current.version, now, `${method} ${path}`);
        assert.equal(res.body.current.id, id, `${method} ${path}`);
      }
    });

    it('group deletes tell live readers of their members’ new versions', async () => {
      const before = etagVersion(await api.request('GET', `/v1/components/${ids['component']}`));
      const group = await api.request('GET', `/v1/component-groups`);
      assert.equal((await send('DELETE', `/v1/component-groups/${ids['group']}`, undefined, `"${group.body.data[0].version}"`)).status, 204);
      const after = await read(`/v1/components/${ids['component']}`);
      assert.equal(after.version, before + 1);
      assert.equal(after.groupId, null);
      const [event] = await api.db.query<{ data: any }>(`select data from events where type = 'component.updated' order by id desc limit 1`);
      assert.deepEqual(event?.data.component, after);
    });

    it('postmortems tell live readers of the incident and actions they change', async () => {
      const lastEvent = async (type: string, key: string, id: string) =>
        (await api.db.query<{ data: any }>(`select data from events where type = $1 and data->$2->>'id' = $3 order by id desc limit 1`, [type, key, id]))[0]?.data;
      const incident = carries(await send('POST', '/v1/incidents', { title: 'Login slow', severity: 'SEV3', startedAt: at(-30), detectedAt: at(-30) }, undefined, as.responder), 201);
      const postmortem = carries(await send('POST', '/v1/postmortems', { incidentId: incident.id }, undefined, as.responder), 201);
      const linked = await read(`/v1/incidents/${incident.id}`);
      assert.equal(linked.postmortemId, postmortem.id);
      assert.deepEqual((await lastEvent('incident.updated', 'incident', incident.id))?.incident, linked);
      const action = carries(await send('POST', '/v1/actions', { title: 'Cache sessions', kind: 'mitigate', incidentIds: [incident.id], postmortemId: postmortem.id }, undefined, as.responder), 201);
      assert.equal((await send('DELETE', `/v1/postmortems/${postmortem.id}`, undefined, '"1"')).status, 204);
      const unlinked = await read(`/v1/incidents/${incident.id}`);
      assert.equal(unlinked.postmortemId, null);
      assert.deepEqual((await lastEvent('incident.updated', 'incident', incident.id))?.incident, unlinked);
      const freed = await read(`/v1/actions/${action.id}`);
      assert.equal(freed.postmortemId, null);
      assert.equal(freed.version, action.version + 1);
      assert.deepEqual((await lastEvent('action.updated', 'action', action.id))?.action, freed);
    });

    it('every change event carries its entity with its version, and no stored document holds one', async () => {
      const events = await api.db.query<{ type: string; data: Record<string, any> }>('select type, data from events order by id');
      let checked = 0;
      for (const event of events) {
        for (const key of Object.keys(TABLES)) {
          const entity = event.data[key];
          if (!entity) continue;
          checked++;
          assert.equal(entity.version, event.data['version'], `${event.type}: ${key}.version is the version beside it`);
          assert.ok(Number.isInteger(entity.version) && entity.version >= 1, `${event.type}: ${JSON.stringify(entity.version)}`);
        }
      }
      assert.ok(checked >= 25, `only ${checked} entities in events`);
      const types = new Set(events.map((e) => e.type));
      for (const type of ['component.created', 'component.updated', 'component-group.created', 'component-group.updated', 'incident.created', 'incident.updated', 'incident.update.created', 'maintenance.created', 'maintenance.updated', 'postmortem.created', 'postmortem.updated', 'action.created', 'action.updated', 'action.moved', 'slo.created', 'slo.updated', 'person.created', 'person.updated']) {
        assert.ok(types.has(type), `no ${type} event was checked`);
      }
      for (const table of Object.values(TABLES)) {
        const [row] = await api.db.query<{ n: number }>(`select count(*)::int as n from ${table} where doc ? 'version'`);
        assert.equal(row?.n, 0, `${table}: a stored document holds a version`);
      }
    });
  });
}
