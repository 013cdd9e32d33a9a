import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alternateHref, exportPath, hrefTemplates, parseStatusRoute, statusHref, type StatusRoute } from './routes.js';

describe('status page routes', () => {
  it('parses pages in both languages, with or without the final slash', () => {
    const cases: [string, StatusRoute][] = [
      ['/', { locale: 'en', page: { view: 'home' } }],
      ['/index.html', { locale: 'en', page: { view: 'home' } }],
      ['/ja', { locale: 'ja', page: { view: 'home' } }],
      ['/ja/', { locale: 'ja', page: { view: 'home' } }],
      ['/ja/index.html', { locale: 'ja', page: { view: 'home' } }],
      ['/incidents/inc-1', { locale: 'en', page: { view: 'incident', id: 'inc-1' } }],
      ['/incidents/inc-1/', { locale: 'en', page: { view: 'incident', id: 'inc-1' } }],
      ['/ja/incidents/inc-1/', { locale: 'ja', page: { view: 'incident', id: 'inc-1' } }],
      ['/maintenances/m%201/', { locale: 'en', page: { view: 'maintenance', id: 'm 1' } }],
      ['/history', { locale: 'en', page: { view: 'history', month: null } }],
      ['/history/', { locale: 'en', page: { view: 'history', month: null } }],
      ['/ja/history/2026-03/', { locale: 'ja', page: { view: 'history', month: '2026-03' } }],
      ['/history/2026-12', { locale: 'en', page: { view: 'history', month: '2026-12' } }],
    ];
    for (const [path, route] of cases) assert.deepEqual(parseStatusRoute(path), route, path);
  });

  it('gives not-found for unknown or malformed paths', () => {
    for (const path of [
      '/nope',
      '/incidents',
      '/incidents/',
      '/incidents//',
      '//incidents/a',
      '/incidents/a/b',
      '/incidents/..',
      '/incidents/%2E%2E/',
      '/incidents/a%2Fb',
      '/incidents/%00',
      '/history/2026-13',
      '/history/26-01',
      '/history/2026-01/x',
      '/incidents/%E0%A4%A',
      '/japan',
      'incidents/a',
    ]) {
      assert.equal(parseStatusRoute(path).page.view, 'not-found', path);
    }
    assert.equal(parseStatusRoute('/ja/nope').locale, 'ja');
  });

  it('builds canonical hrefs that parse back, and switches language on the same page', () => {
    const routes: StatusRoute[] = [
      { locale: 'en', page: { view: 'home' } },
      { locale: 'ja', page: { view: 'home' } },
      { locale: 'ja', page: { view: 'incident', id: 'a b+c' } },
      { locale: 'en', page: { view: 'maintenance', id: 'm1' } },
      { locale: 'ja', page: { view: 'history', month: null } },
      { locale: 'en', page: { view: 'history', month: '2025-12' } },
    ];
    for (const route of routes) {
      const href = statusHref(route);
      assert.ok(href.endsWith('/'), href);
      assert.deepEqual(parseStatusRoute(new URL(href, 'http://x').pathname), route);
    }
    assert.equal(alternateHref({ locale: 'en', page: { view: 'incident', id: 'i1' } }, 'ja'), '/ja/incidents/i1/');
    assert.equal(alternateHref({ locale: 'ja', page: { view: 'history', month: '2026-02' } }, 'en'), '/history/2026-02/');
    assert.equal(statusHref({ locale: 'ja', page: { view: 'not-found' } }), '/ja/');
  });

  it('gives link templates and export paths that match the hrefs', () => {
    const t = hrefTemplates('ja');
    assert.equal(t.incident.replace('{id}', 'x'), statusHref({ locale: 'ja', page: { view: 'incident', id: 'x' } }));
    assert.equal(t.month.replace('{month}', '2026-01'), statusHref({ locale: 'ja', page: { view: 'history', month: '2026-01' } }));
    assert.equal(exportPath({ locale: 'en', page: { view: 'home' } }), 'index.html');
    assert.equal(exportPath({ locale: 'ja', page: { view: 'incident', id: 'a b' } }), 'ja/incidents/a b/index.html');
    assert.equal(exportPath({ locale: 'en', page: { view: 'history', month: null } }), 'history/index.html');
  });
});
