import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseRoute, routeHref, type Route } from './routes.js';

describe('portal routes', () => {
  it('parses every view', () => {
    const cases: [string, string, Route][] = [
      ['/portal/', '', { view: 'incidents', query: {} }],
      ['/portal', '', { view: 'incidents', query: {} }],
      ['/portal/incidents', '?status=open&severity=SEV1&q=', { view: 'incidents', query: { status: 'open', severity: 'SEV1' } }],
      ['/portal/incidents/new', '', { view: 'declare' }],
      ['/portal/incidents/inc%2F1', '', { view: 'incident', id: 'inc/1' }],
      ['/portal/postmortems', '?category=culture', { view: 'postmortems', query: { category: 'culture' } }],
      ['/portal/postmortems/pm1', '', { view: 'postmortem', id: 'pm1' }],
      ['/portal/postmortems/new', '?incident=inc%201', { view: 'postmortem-new', incidentId: 'inc 1' }],
      ['/portal/prevention', '?owner=p1', { view: 'prevention', query: { owner: 'p1' } }],
      ['/portal/slos', '', { view: 'slos' }],
      ['/portal/slos/checkout', '', { view: 'slo', id: 'checkout' }],
      ['/portal/trends', '', { view: 'trends' }],
      ['/portal/review', '', { view: 'review', week: null }],
      ['/portal/review/2026-W48', '', { view: 'review', week: '2026-W48' }],
      ['/portal/admin', '', { view: 'admin', section: 'guideline' }],
      ['/portal/admin/tokens', '', { view: 'admin', section: 'tokens' }],
      ['/portal/sign-in', '', { view: 'sign-in' }],
    ];
    for (const [path, search, route] of cases) assert.deepEqual(parseRoute(path, search), route, path + search);
  });

  it('gives not-found for unknown and malformed paths instead of throwing', () => {
    for (const path of ['/elsewhere', '/portal/nope', '/portal/incidents/a/b', '/portal/review/2026-W60', '/portal/admin/secrets', '/portal/incidents/%E0%A4%A', '/portal/trends/x', '/portal/prevention/x', '/portal/sign-in/x', '/portal/postmortems/new']) {
      assert.deepEqual(parseRoute(path), { view: 'not-found', path }, path);
    }
  });

  it('builds hrefs that parse back to the same route', () => {
    const routes: Route[] = [
      { view: 'incidents', query: { status: 'open', label: 'db' } },
      { view: 'incident', id: 'inc 7/x' },
      { view: 'declare' },
      { view: 'postmortems', query: {} },
      { view: 'postmortem', id: 'pm1' },
      { view: 'postmortem-new', incidentId: 'inc/7' },
      { view: 'prevention', query: { kind: 'prevent' } },
      { view: 'slos' },
      { view: 'slo', id: 's1' },
      { view: 'trends' },
      { view: 'review', week: null },
      { view: 'review', week: '2026-W01' },
      { view: 'admin', section: 'components' },
      { view: 'sign-in' },
    ];
    for (const route of routes) {
      const url = new URL(routeHref(route), 'http://x');
      assert.deepEqual(parseRoute(url.pathname, url.search), route, routeHref(route));
    }
    assert.equal(routeHref({ view: 'incidents', query: { z: '1', a: '2' } }), '/portal/incidents?a=2&z=1');
    assert.equal(routeHref({ view: 'not-found', path: '/x' }), '/x');
    assert.equal(routeHref({ view: 'slos' }, '/'), '/slos');
  });
});
