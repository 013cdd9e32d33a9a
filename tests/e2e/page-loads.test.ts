/**
 * Many full page loads in one tab, as a person who follows links, types URLs and goes back and
 * forth does: every page still reads what it needs, and the server holds one event stream for
 * the page on screen, not one for every page behind it. (Chromium keeps pages in its back/forward
 * cache; one that kept its live stream open held one of the six connections per host, and after
 * five such pages every request of the portal and the status page waited.)
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { eventually, newPage, signedInPage, useServer, waitForPageText } from './harness.js';

/** Portal deep links, and a text each shows once its data is read. */
const PORTAL: readonly (readonly [path: string, ready: string])[] = [
  ['incidents', 'Delayed push notifications'],
  ['incidents/inc_0026', 'Delayed push notifications'],
  ['prevention', 'Prevention'],
  ['admin/guideline', 'SEV1'],
  ['postmortems', 'Postmortems'],
  ['slos', 'SLOs'],
];

describe('full page loads in one tab', { timeout: 600_000 }, () => {
  const env = useServer(['portal', 'status-page']);

  /** Event streams the server holds open now (the health check tells an admin). */
  async function streams(): Promise<number> {
    const response = await fetch(`${env.server.url}/v1/health`, { headers: { authorization: `Bearer ${env.server.tokens.admin}` } });
    const body = (await response.json()) as { streams?: number };
    assert.equal(typeof body.streams, 'number', 'an admin reads the count of open streams');
    return body.streams!;
  }

  /** A read from the page, over the browser's own connections to the server, with the page's token. */
  async function readFromPage(page: Page, token: string): Promise<number> {
    return (await page.evaluate(
      `fetch('/v1/incidents?limit=1', { headers: { authorization: 'Bearer ${token}' }, signal: AbortSignal.timeout(15000) }).then((r) => r.status)`,
    )) as number;
  }

  /** Records, in the page, whether it was shown from the back/forward cache. */
  async function watchRestores(page: Page): Promise<void> {
    await page.evaluateOnNewDocument(`addEventListener('pageshow', (event) => { if (event.persisted) window.__restored = (window.__restored || 0) + 1; });`);
  }

  it('reads every portal view after many loads, with one event stream open on the server', async () => {
    const page = await signedInPage(env.browser, env.server.tokens.admin, 'admin');
    await watchRestores(page);
    const seen: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [path, ready] of PORTAL) {
        await page.goto(`${env.server.url}/portal/${path}`);
        await waitForPageText(page, ready, 30_000);
        assert.equal(await readFromPage(page, env.server.tokens.admin), 200, `a read after loading ${path} (round ${round + 1})`);
        // The page on screen holds one stream; those of the pages behind it are closed.
        await eventually(async () => (await streams()) === 1, `one stream open after loading ${path} (round ${round + 1})`);
        seen.push(path);
      }
    }
    assert.equal(seen.length, PORTAL.length * 3);
    await page.browserContext().close();
    await eventually(async () => (await streams()) === 0, 'no stream once the tab is closed');
  });

  it('takes the stream up again on a page restored from the back/forward cache, and shows what changed meanwhile', async () => {
    const api = env.server.adapter(env.server.tokens.admin);
    const page = await signedInPage(env.browser, env.server.tokens.admin, 'admin');
    await watchRestores(page);
    await page.goto(`${env.server.url}/portal/incidents/inc_0026`);
    await waitForPageText(page, 'Delayed push notifications', 30_000);
    await eventually(async () => (await streams()) === 1, 'the incident page’s stream');
    await page.goto(`${env.server.url}/portal/admin/guideline`);
    await waitForPageText(page, 'SEV1', 30_000);
    // Renamed while the incident page waits in the cache.
    const incident = await api.getIncident('inc_0026');
    const title = `Delayed push notifications, renamed ${Date.now()}`;
    await api.updateIncident('inc_0026', { title }, incident.version);
    await page.goBack();
    assert.equal(await page.evaluate('window.__restored || 0'), 1, 'the incident page came back from the back/forward cache');
    await waitForPageText(page, title, 30_000);
    await eventually(async () => (await streams()) === 1, 'one stream: the restored page’s');
    assert.equal(await readFromPage(page, env.server.tokens.admin), 200);
    await api.updateIncident('inc_0026', { title: incident.title }, (await api.getIncident('inc_0026')).version);
    await page.browserContext().close();
  });

  it('loads the public status page many times in one tab, with one event stream open', async () => {
    const page = await newPage(env.browser);
    await watchRestores(page);
    for (let i = 0; i < 12; i++) {
      const path = ['/', '/history', '/ja/'][i % 3]!;
      await page.goto(`${env.server.url}${path}`);
      await page.waitForSelector('#content');
      assert.equal(await page.evaluate(`fetch('/v1/status.json', { signal: AbortSignal.timeout(15000) }).then((r) => r.status)`), 200, `a read after loading ${path}`);
      await eventually(async () => (await streams()) === 1, `one stream open after loading ${path} (${i + 1})`);
    }
    await page.goBack();
    assert.equal(await page.evaluate('window.__restored || 0'), 1, 'the status page came back from the back/forward cache');
    await eventually(async () => (await streams()) === 1, 'the restored status page’s stream');
    await page.browserContext().close();
  });
});
