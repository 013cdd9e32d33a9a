import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { databasesUnderTest } from '../testing/postgres.js';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { SECRET, seedPage } from '../testing/public.js';
import { badgeSvg } from './badge.js';

const texts = (svg: string) => [...svg.matchAll(/<text x="[\d.]+" y="14">([^<]*)<\/text>/g)].map((m) => m[1]);

for (const { name, open } of databasesUnderTest()) {
  describe(`status badge (${name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(open, { public: { rateLimit: false } });
    });
    after(() => api?.close());

    it('shows the page status, cacheable, with an ETag and 304', async () => {
      const res = await api.request('GET', '/v1/badge.svg');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.match(res.headers.get('cache-control') ?? '', /^public, max-age=\d+/);
      assert.match(res.text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="20" role="img" aria-label="status: operational">/);
      assert.match(res.text, /<title>status: operational<\/title>/);
      assert.deepEqual(texts(res.text), ['status', 'operational']);
      assert.match(res.text, /fill="#2e7d32"/);
      const etag = res.headers.get('etag') as string;
      assert.equal((await api.request('GET', '/v1/badge.svg', { headers: { 'if-none-match': etag } })).status, 304);
    });

    it('follows the page and shows one visible component on request', async () => {
      const ids = await seedPage(api);
      const page = await api.request('GET', '/v1/badge.svg');
      assert.deepEqual(texts(page.text), ['status', 'degraded']);
      const component = await api.request('GET', `/v1/badge.svg?component=${ids['api']}`);
      assert.equal(component.status, 200);
      assert.deepEqual(texts(component.text), ['API', 'partial outage']);
      const hidden = await api.request('GET', `/v1/badge.svg?component=${ids['hidden']}`);
      assert.equal(hidden.status, 404);
      assert.equal(hidden.headers.get('content-type'), 'application/problem+json');
      assert.ok(!hidden.text.includes(SECRET));
      assert.equal((await api.request('GET', '/v1/badge.svg?component=nope')).status, 404);
      assert.equal((await api.request('GET', `/v1/badge.svg?component=${ids['core']}`)).status, 404, 'groups have no badge of their own');
    });

    it('escapes a custom label and rejects bad ones', async () => {
      const res = await api.request('GET', `/v1/badge.svg?label=${encodeURIComponent('<b>"Acme" & co</b>')}`);
      assert.equal(res.status, 200);
      assert.ok(!res.text.includes('<b>'));
      assert.deepEqual(texts(res.text), ['&lt;b&gt;&quot;Acme&quot; &amp; co&lt;/b&gt;', 'degraded']);
      const long = await api.request('GET', `/v1/badge.svg?label=${'x'.repeat(41)}`);
      assert.equal(long.status, 422);
      assert.deepEqual(long.body.errors.map((e: { path: string }) => e.path), ['label']);
      assert.equal((await api.request('GET', '/v1/badge.svg?label=')).status, 422);
    });
  });
}

describe('badgeSvg', () => {
  it('sizes both halves to their text', () => {
    const width = (svg: string) => Number(/width="(\d+)"/.exec(svg)?.[1]);
    assert.ok(width(badgeSvg('status', 'major outage', '#000')) > width(badgeSvg('status', 'ok', '#000')));
    assert.ok(width(badgeSvg('状態', 'ok', '#000')) > width(badgeSvg('ab', 'ok', '#000')));
  });
});
