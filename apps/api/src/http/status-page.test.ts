import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { databasesUnderTest } from '../testing/postgres.js';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { publishEvent, seedPage } from '../testing/public.js';
import { fakeStatusPage, type FakeStatusPage } from '../testing/status-page.js';
import { loadStatusPage } from './status-page.js';

const pglite = databasesUnderTest()[0]!;

/** A raw GET over node:http (fetch would decompress and hide what went over the wire). */
function get(api: TestApi, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(`${api.url}${path}`, { headers: { 'accept-encoding': 'identity', connection: 'close', ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const all = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') all.set(name, value);
        resolve({ status: response.statusCode ?? 0, headers: all, body: Buffer.concat(chunks) });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

describe('the status page served next to the API', () => {
  let api: TestApi;
  let page: FakeStatusPage;
  let work: string;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'hansei-status-page-'));
    await mkdir(join(work, 'assets'));
    await mkdir(join(work, '.vite'));
    await writeFile(join(work, 'assets', 'status-abc.js'), 'console.log("live");'.repeat(20));
    await writeFile(join(work, 'robots.txt'), 'User-agent: *\nAllow: /\n');
    await writeFile(join(work, '.vite', 'manifest.json'), '{}');
    page = fakeStatusPage(work);
    api = await startTestApi(pglite.open, { public: { rateLimit: false }, statusPage: page });
    await seedPage(api);
  });
  after(async () => {
    await api?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('renders each page from the public API, in-process, with 404 for pages that do not exist', async () => {
    const home = await get(api, '/');
    assert.equal(home.status, 200);
    assert.equal(home.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(home.body.toString(), /<title>[^<]+<\/title>.*<p>[^<]+ \/<\/p>/s);
    const missing = await get(api, '/no/such/page');
    assert.equal(missing.status, 404);
    assert.match(missing.body.toString(), /\/no\/such\/page/);
    assert.equal(missing.headers.get('content-type'), 'text/html; charset=utf-8');
  });

  it('never shadows the API, the Statuspage documents or the portal', async () => {
    assert.equal((await api.request('GET', '/v1/status.json')).status, 200);
    const unknown = await api.request('GET', '/v1/nothing');
    assert.equal(unknown.status, 404);
    assert.match(unknown.headers.get('content-type') ?? '', /problem\+json/);
    assert.match((await api.request('GET', '/api/v2/nothing.json')).headers.get('content-type') ?? '', /problem\+json/);
    assert.match((await api.request('GET', '/portal/')).headers.get('content-type') ?? '', /problem\+json/);
  });

  it('compresses with Brotli or gzip as the client accepts, and answers 304 to a matching ETag', async () => {
    const plain = await get(api, '/');
    const br = await get(api, '/', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.deepEqual(brotliDecompressSync(br.body), plain.body);
    const gzip = await get(api, '/', { 'accept-encoding': 'gzip;q=1, br;q=0' });
    assert.equal(gzip.headers.get('content-encoding'), 'gzip');
    assert.deepEqual(gunzipSync(gzip.body), plain.body);
    assert.equal(gzip.headers.get('vary'), 'Accept-Encoding');
    assert.equal(Number(gzip.headers.get('content-length')), gzip.body.length);
    const etag = plain.headers.get('etag')!;
    assert.match(etag, /^"[\w-]+"$/);
    const again = await get(api, '/', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  it('sends the headers a public page needs: short shared caching, CORS for exported pages, CSP, nosniff', async () => {
    const { headers } = await get(api, '/ja/');
    assert.equal(headers.get('cache-control'), 'public, max-age=5, stale-while-revalidate=30');
    assert.equal(headers.get('access-control-allow-origin'), '*');
    assert.equal(headers.get('x-content-type-options'), 'nosniff');
    assert.match(headers.get('content-security-policy') ?? '', /script-src 'self';/);
  });

  it('renders a page once until something changes', async () => {
    await get(api, '/ja/');
    const before = page.renders;
    await get(api, '/ja/');
    await get(api, '/ja/');
    assert.equal(page.renders, before, 'served from the cache');
    await publishEvent(api.db, 'public', 'component.updated', {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    await get(api, '/ja/');
    assert.equal(page.renders, before + 1, 'rendered again after a change');
  });

  it('serves the last page it rendered, marked stale, when rendering fails; without one, a page that says so (503)', async () => {
    await get(api, '/');
    page.fail = true;
    try {
      api.surface?.source.cache.invalidate();
      const stale = await get(api, '/');
      assert.equal(stale.status, 200);
      assert.match(stale.body.toString(), /<hansei-status-summary id="status-summary" stale>/);
      assert.equal(stale.headers.get('cache-control'), 'no-store');
      const never = await get(api, '/never-rendered');
      assert.equal(never.status, 503);
      assert.equal(never.headers.get('retry-after'), '10');
      assert.match(never.body.toString(), /unavailable/);
    } finally {
      page.fail = false;
    }
  });

  it('serves the built script (immutable) and robots.txt, and nothing else from the build folder', async () => {
    const script = await get(api, '/assets/status-abc.js', { 'accept-encoding': 'gzip' });
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(script.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(script.headers.get('content-encoding'), 'gzip');
    assert.match(gunzipSync(script.body).toString(), /console\.log\("live"\)/);
    const robots = await get(api, '/robots.txt');
    assert.equal(robots.body.toString(), 'User-agent: *\nAllow: /\n');
    for (const path of ['/.vite/manifest.json', '/assets/missing.js', '/assets/..%2f..%2fpackage.json']) {
      const response = await get(api, path);
      assert.equal(response.status, 404, path);
      assert.match(response.headers.get('content-type') ?? '', /text\/html/, path);
    }
  });
});

describe('loadStatusPage', () => {
  it('is null when the status page has not been built', async () => {
    assert.equal(await loadStatusPage(join(tmpdir(), 'no-such-build')), null);
  });
});
