import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app.js';
import { createLogger } from '../log.js';
import { startServer, type RunningServer } from '../server.js';
import { PROBLEM_MEDIA_TYPE } from './problem.js';
import { fakeStatusPage } from '../testing/status-page.js';

describe('the HTTP server', () => {
  let server: RunningServer;
  const dir = mkdtempSync(join(tmpdir(), 'hansei-app-'));

  before(async () => {
    mkdirSync(join(dir, 'portal'));
    writeFileSync(join(dir, 'portal', 'index.html'), '<title>portal</title>');
    server = await startServer({ port: 0, host: '127.0.0.1', version: '9.9.9', portalDir: join(dir, 'portal') });
  });
  after(() => server.close(0));

  it('answers the health check over real HTTP', async () => {
    const response = await fetch(`${server.url}/v1/health`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), { status: 'ok', version: '9.9.9' });
  });

  it('answers unknown API paths with RFC 9457 problem+json', async () => {
    const response = await fetch(`${server.url}/v1/nothing-here`);
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('content-type'), PROBLEM_MEDIA_TYPE);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body['status'], 404);
    assert.equal(body['title'], 'Not Found');
    assert.equal(body['type'], '/v1/problems/not-found');
    assert.match(String(body['detail']), /GET \/v1\/nothing-here/);
  });

  it('serves the portal, with deep links, at /portal/ (the status page: status-page.test.ts)', async () => {
    assert.equal((await fetch(`${server.url}/api/v2/nothing.json`)).status, 404);
    assert.match(await (await fetch(`${server.url}/portal/`)).text(), /portal/);
    assert.match(await (await fetch(`${server.url}/portal/incidents/42`)).text(), /portal/);
    const redirect = await fetch(`${server.url}/portal`, { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/portal/');
  });
});

describe('createApp', () => {
  it('skips app folders that do not exist, and a status page without an API to read', async () => {
    const app = createApp({ version: '1', statusPage: fakeStatusPage(), portalDir: '/nonexistent/portal' });
    for (const path of ['/portal/', '/']) {
      const response = await app.request(path);
      assert.equal(response.status, 404);
      assert.equal(response.headers.get('content-type'), PROBLEM_MEDIA_TYPE);
    }
  });

  it('turns an unexpected failure into a 500 problem without leaking internals, and logs it', async () => {
    const lines: string[] = [];
    const app = createApp({ version: '1', log: createLogger('info', (line) => void lines.push(line)) });
    app.get('/v1/boom', () => {
      throw new Error('secret stack detail');
    });
    const response = await app.request('/v1/boom');
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.doesNotMatch(text, /secret stack detail/);
    assert.equal((JSON.parse(text) as { title: string }).title, 'Internal Server Error');
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.ok(logged.some((entry) => entry['level'] === 'error' && String(entry['error']).includes('secret stack detail')));
    assert.ok(logged.some((entry) => entry['msg'] === 'request' && entry['status'] === 500 && entry['path'] === '/v1/boom'));
  });

});
