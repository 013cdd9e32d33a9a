import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alternateHref, parseStatusRoute, statusHref, type StatusRoute } from './routes.js';

describe('status page routes', () => {
  it('parses pages in both languages', () => {
    const cases: [string, string, StatusRoute][] = [
      ['/', '', { locale: 'en', page: { view: 'home' } }],
      ['/index.html', '', { locale: 'en', page: { view: 'home' } }],
      ['/ja', '', { locale: 'ja', page: { view: 'home' } }],
      ['/ja/', '', { locale: 'ja', page: { view: 'home' } }],
      ['/incidents/inc-1', '', { locale: 'en', page: { view: 'incident', id: 'inc-1' } }],
      ['/ja/incidents/inc-1', '', { locale: 'ja', page: { view: 'incident', id: 'inc-1' } }],
      ['/maintenances/m%201', '', { locale: 'en', page: { view: 'maintenance', id: 'm 1' } }],
      ['/history', '', { locale: 'en', page: { view: 'history', page: 1 } }],
      ['/ja/history', '?page=3', { locale: 'ja', page: { view: 'history', page: 3 } }],
    ];
    for (const [path, search, route] of cases) assert.deepEqual(parseStatusRoute(path, search), route, path + search);
  });

  it('gives not-found for unknown or malformed paths and pages', () => {
    for (const [path, search] of [['/nope', ''], ['/incidents', ''], ['/incidents/a/b', ''], ['/history', '?page=0'], ['/history', '?page=-1'], ['/history', '?page=x'], ['/ja/history/2', ''], ['/incidents/%E0%A4%A', ''], ['/japan', '']] as const) {
      assert.equal(parseStatusRoute(path, search).page.view, 'not-found', path + search);
    }
    assert.equal(parseStatusRoute('/ja/nope').locale, 'ja');
  });

  it('builds hrefs that parse back, and switches language on the same page', () => {
    const routes: StatusRoute[] = [
      { locale: 'en', page: { view: 'home' } },
      { locale: 'ja', page: { view: 'incident', id: 'a/b c' } },
      { locale: 'en', page: { view: 'maintenance', id: 'm1' } },
      { locale: 'ja', page: { view: 'history', page: 1 } },
      { locale: 'en', page: { view: 'history', page: 12 } },
    ];
    for (const route of routes) {
      const url = new URL(statusHref(route), 'http://x');
      assert.deepEqual(parseStatusRoute(url.pathname, url.search), route);
    }
    assert.equal(alternateHref({ locale: 'en', page: { view: 'incident', id: 'i1' } }, 'ja'), '/ja/incidents/i1');
    assert.equal(alternateHref({ locale: 'ja', page: { view: 'history', page: 2 } }, 'en'), '/history?page=2');
    assert.equal(statusHref({ locale: 'ja', page: { view: 'not-found' } }), '/ja/');
  });
});
