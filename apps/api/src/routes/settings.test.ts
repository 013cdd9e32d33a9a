import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ROLES, DEFAULT_SEVERITY_GUIDELINE } from '@hansei/core';
import { readGuideline, readPageInfo, readRoles } from '../store/settings.js';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';
import { databasesUnderTest } from '../testing/postgres.js';

const { updatedAt: _updatedAt, ...GUIDELINE_INPUT } = DEFAULT_SEVERITY_GUIDELINE;

/** The default guideline with `change` applied to its first level. */
function withFirstLevel(change: Record<string, unknown>): Record<string, unknown> {
  const [first, ...rest] = GUIDELINE_INPUT.levels;
  return { ...GUIDELINE_INPUT, levels: [{ ...first, ...change }, ...rest] };
}

for (const { name, open } of databasesUnderTest()) {
  describe(`settings (${name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(open);
    });
    after(() => api?.close());

    const put = (path: string, body: unknown, etag?: string, as: 'viewer' | 'responder' | 'admin' = 'admin') =>
      api.request('PUT', path, { as, body, headers: etag === undefined ? {} : { 'if-match': etag } });

    it('serves the default guideline and roles at ETag "0" to viewers, never to anonymous callers', async () => {
      assert.equal((await api.request('GET', '/v1/severity-guideline')).status, 401);
      assert.equal((await api.request('GET', '/v1/roles')).status, 401);
      const guideline = await api.request('GET', '/v1/severity-guideline', { as: 'viewer' });
      assert.equal(guideline.status, 200);
      assert.equal(guideline.headers.get('etag'), '"0"');
      assert.deepEqual(guideline.body, DEFAULT_SEVERITY_GUIDELINE);
      assert.equal((await api.request('GET', '/v1/severity-guideline', { as: 'viewer', headers: { 'if-none-match': '"0"' } })).status, 304);
      const roles = await api.request('GET', '/v1/roles', { as: 'viewer' });
      assert.equal(roles.status, 200);
      assert.equal(roles.headers.get('etag'), '"0"');
      assert.deepEqual(roles.body.data, DEFAULT_ROLES);
      assert.deepEqual(await readGuideline(api.db), DEFAULT_SEVERITY_GUIDELINE);
      assert.deepEqual(await readRoles(api.db), DEFAULT_ROLES);
    });

    it('lets only admins replace the guideline, with If-Match', async () => {
      const body = withFirstLevel({ name: { en: 'Everything is on fire' } });
      assert.equal((await api.request('PUT', '/v1/severity-guideline', { body, headers: { 'if-match': '"0"' } })).status, 401);
      assert.equal((await put('/v1/severity-guideline', body, '"0"', 'viewer')).status, 403);
      assert.equal((await put('/v1/severity-guideline', body, '"0"', 'responder')).status, 403);
      assert.equal((await put('/v1/severity-guideline', body)).status, 428);
      const saved = await put('/v1/severity-guideline', body, '"0"');
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.headers.get('etag'), '"1"');
      assert.equal(saved.body.levels[0].name.en, 'Everything is on fire');
      assert.equal(saved.body.updatedAt, new Date(TEST_NOW).toISOString());
      const read = await api.request('GET', '/v1/severity-guideline', { as: 'viewer' });
      assert.equal(read.headers.get('etag'), '"1"');
      assert.deepEqual(read.body, saved.body);
      assert.equal((await readGuideline(api.db)).levels[0]?.name.en, 'Everything is on fire');
    });

    it('refuses a stale If-Match with the current guideline, overwriting nothing', async () => {
      const stale = await put('/v1/severity-guideline', withFirstLevel({ name: { en: 'Stale' } }), '"0"');
      assert.equal(stale.status, 412);
      assert.equal(stale.body.currentEtag, '"1"');
      assert.equal(stale.body.current.levels[0].name.en, 'Everything is on fire');
      assert.equal((await put('/v1/severity-guideline', withFirstLevel({ name: { en: 'Stale' } }), 'garbage')).status, 412);
      assert.equal((await readGuideline(api.db)).levels[0]?.name.en, 'Everything is on fire');
    });

    it('answers 422 with the problems of a bad guideline: the schema and checkGuideline', async () => {
      const empty = await put('/v1/severity-guideline', { levels: [], whenUnsure: { en: 'x' } }, '"1"');
      assert.equal(empty.status, 422);
      assert.ok(empty.body.errors.some((e: { path: string }) => e.path === 'levels'), JSON.stringify(empty.body));
      const duplicate = await put('/v1/severity-guideline', withFirstLevel({ code: 'SEV2' }), '"1"');
      assert.equal(duplicate.status, 422);
      assert.ok(duplicate.body.errors.some((e: { path: string }) => e.path === 'levels.1.code'), JSON.stringify(duplicate.body));
      // Only checkGuideline knows the roles: a level that requires an undefined one.
      const [first] = GUIDELINE_INPUT.levels;
      const unknownRole = await put('/v1/severity-guideline', withFirstLevel({ demands: { ...first!.demands, requiredRoles: ['incident_commander', 'chief_of_vibes'] } }), '"1"');
      assert.equal(unknownRole.status, 422);
      assert.equal(unknownRole.headers.get('content-type'), 'application/problem+json');
      assert.deepEqual(
        unknownRole.body.errors.map((e: { path: string }) => e.path),
        ['levels.0.demands.requiredRoles.1'],
      );
      assert.match(unknownRole.body.errors[0].message, /chief_of_vibes/);
      assert.equal((await readGuideline(api.db)).levels[0]?.name.en, 'Everything is on fire', 'nothing saved');
    });

    it('replaces the roles, refusing duplicates and roles the guideline still requires', async () => {
      const custom = { key: 'chief_of_vibes', name: { en: 'Chief of vibes' }, responsibilities: [], multiple: false, command: false };
      assert.equal((await put('/v1/roles', { data: [...DEFAULT_ROLES, custom] }, '"0"', 'responder')).status, 403);
      assert.equal((await put('/v1/roles', { data: [...DEFAULT_ROLES, custom] })).status, 428);
      const duplicate = await put('/v1/roles', { data: [...DEFAULT_ROLES, custom, custom] }, '"0"');
      assert.equal(duplicate.status, 422);
      assert.deepEqual(duplicate.body.errors.map((e: { path: string }) => e.path), [`data.${DEFAULT_ROLES.length + 1}.key`]);
      const empty = await put('/v1/roles', { data: [] }, '"0"');
      assert.equal(empty.status, 422);
      const dropsCommander = await put('/v1/roles', { data: [custom] }, '"0"');
      assert.equal(dropsCommander.status, 409);
      assert.match(dropsCommander.body.detail, /incident_commander/);
      const saved = await put('/v1/roles', { data: [...DEFAULT_ROLES, custom] }, '"0"');
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.headers.get('etag'), '"1"');
      assert.equal((await put('/v1/roles', { data: DEFAULT_ROLES }, '"0"')).status, 412);
      assert.equal((await readRoles(api.db)).length, DEFAULT_ROLES.length + 1);
      // Now the guideline may require the new role.
      const [first] = GUIDELINE_INPUT.levels;
      const guideline = await put('/v1/severity-guideline', withFirstLevel({ demands: { ...first!.demands, requiredRoles: ['chief_of_vibes'] } }), '"1"');
      assert.equal(guideline.status, 200, JSON.stringify(guideline.body));
      assert.deepEqual(guideline.body.levels[0].demands.requiredRoles, ['chief_of_vibes']);
    });

    it('serves the status page details to anyone, with a default', async () => {
      const page = await api.request('GET', '/v1/page');
      assert.equal(page.status, 200);
      assert.equal(page.body.name, 'Hansei Status');
      assert.equal(page.body.url, api.url);
      assert.equal(page.body.timeZone, 'UTC');
      assert.equal(page.headers.get('etag'), '"0"');
      assert.match(page.headers.get('cache-control') ?? '', /public/);
      assert.equal((await api.request('GET', '/v1/page', { headers: { 'if-none-match': '"0"' } })).status, 304);
      assert.equal((await readPageInfo(api.db)).name, 'Hansei Status');
    });

    it('lets admins set the status page details with If-Match', async () => {
      const body = { name: 'Acme Status', url: 'https://status.acme.example', timeZone: 'Asia/Tokyo' };
      assert.equal((await api.request('PUT', '/v1/page', { body, headers: { 'if-match': '"0"' } })).status, 401);
      assert.equal((await put('/v1/page', body, '"0"', 'responder')).status, 403);
      assert.equal((await put('/v1/page', body)).status, 428);
      const bad = await put('/v1/page', { name: '', url: 'javascript:alert(1)', timeZone: 'Mars/Olympus' }, '"0"');
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['name', 'timeZone', 'url']);
      const saved = await put('/v1/page', body, '"0"');
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.deepEqual(saved.body, { id: 'page', ...body, updatedAt: new Date(TEST_NOW).toISOString() });
      const stale = await put('/v1/page', { ...body, name: 'Stale' }, '"0"');
      assert.equal(stale.status, 412);
      assert.equal(stale.body.current.name, 'Acme Status');
      const read = await api.request('GET', '/v1/page');
      assert.equal(read.body.name, 'Acme Status');
      assert.equal(read.headers.get('etag'), '"1"');
    });

    it('describes the routes in the OpenAPI document', async () => {
      const doc = await api.request('GET', '/v1/openapi.json');
      assert.equal(doc.body.paths['/v1/severity-guideline'].put.operationId, 'replaceSeverityGuideline');
      assert.ok(doc.body.paths['/v1/roles'].put);
      assert.ok(doc.body.paths['/v1/page'].get);
    });
  });
}
