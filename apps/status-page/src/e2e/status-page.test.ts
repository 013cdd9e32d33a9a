/**
 * The status page end to end: the built app, a real `hansei serve --demo` on PGlite, real HTTP,
 * the system Chromium. Without JavaScript it shows everything; with it, an update posted through
 * the API appears without a reload; when the API goes down the last known status stays, dated;
 * the Japanese page; times in the visitor's zone; axe-clean in light and dark; and a static
 * export on a plain static server, its API down.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import type { StatusSnapshot } from '@hansei/core';
import { axeViolations, buildStatusPage, hansei, launch, serve, shownText, staticServer, type Served } from './harness.js';

const PORT = 4310;
const STATIC_PORT = 4311;

describe('the status page in Chromium, served by hansei serve', () => {
  let work: string;
  let server: Served;
  let browser: Browser;
  let snapshot: StatusSnapshot;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'hansei-status-e2e-'));
    await buildStatusPage();
    server = await serve(PORT, join(work, 'data'));
    browser = await launch();
    snapshot = (await (await fetch(`${server.url}/v1/status.json`)).json()) as StatusSnapshot;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function open(path: string, options: { js?: boolean; dark?: boolean; width?: number; zone?: string } = {}): Promise<Page> {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(options.js ?? true);
    await page.setBypassCSP(true);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: options.dark ? 'dark' : 'light' }]);
    if (options.zone) await page.emulateTimezone(options.zone);
    await page.setViewport({ width: options.width ?? 1200, height: 900 });
    const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    assert.ok(response, path);
    return page;
  }

  it('shows the whole status without JavaScript: state, incidents, maintenance, components, uptime', async () => {
    const page = await open('/', { js: false });
    try {
      assert.ok((await shownText(page, 'status-summary')).includes(snapshot.status.description));
      const incidents = await shownText(page, 'incidents');
      for (const incident of snapshot.incidents) assert.ok(incidents.includes(incident.title), incident.title);
      const maintenances = await shownText(page, 'maintenances');
      for (const m of snapshot.maintenances) assert.ok(maintenances.includes(m.title), m.title);
      // Every component is there; those in an all-operational group behind its disclosure (native <details>).
      const components = await page.evaluate(() => document.getElementById('components')!.shadowRoot!.querySelector('.list')!.textContent);
      const shown = snapshot.components.filter((c) => !(c.onlyShowIfDegraded && c.status === 'operational'));
      for (const c of shown) assert.ok(components.includes(c.name), c.name);
      const groups = await page.evaluate(() => [...document.getElementById('components')!.shadowRoot!.querySelectorAll('details[part="group-details"] > summary')].map((s) => (s as HTMLElement).innerText));
      assert.equal(groups.length, snapshot.groups.length, 'every group can be opened');
      const rows = await page.evaluate(() => document.getElementById('uptime')!.shadowRoot!.querySelectorAll('.row').length);
      assert.equal(rows, snapshot.components.length);
      const days = await page.evaluate(() => [...document.getElementById('uptime')!.shadowRoot!.querySelectorAll('button.bar')].filter((b) => b.getAttribute('title')).length);
      assert.equal(days, snapshot.components.length * 90, 'every day is named');
      // Links work without script: to an incident, whose page has its whole update history.
      const incident = snapshot.incidents[0]!;
      await Promise.all([page.waitForNavigation(), page.evaluate(() => (document.getElementById('incidents')!.shadowRoot!.querySelector('a[part="incident-link"]') as HTMLAnchorElement).click())]);
      assert.equal(new URL(page.url()).pathname, `/incidents/${incident.id}/`);
      assert.equal(await page.evaluate(() => document.querySelector('h1')!.textContent), incident.title);
      const updates = await page.evaluate(() => document.getElementById('incident')!.shadowRoot!.querySelectorAll('[part="update"]').length);
      assert.equal(updates, incident.updates.length);
    } finally {
      await page.close();
    }
  });

  it('pages history by month without JavaScript', async () => {
    const page = await open('/history/', { js: false });
    try {
      const month = await page.evaluate(() => document.getElementById('history')!.shadowRoot!.querySelector('.month')!.textContent);
      await Promise.all([page.waitForNavigation(), page.evaluate(() => (document.getElementById('history')!.shadowRoot!.querySelector('a.older') as HTMLAnchorElement).click())]);
      assert.match(new URL(page.url()).pathname, /^\/history\/\d{4}-\d{2}\/$/);
      assert.notEqual(await page.evaluate(() => document.getElementById('history')!.shadowRoot!.querySelector('.month')!.textContent), month);
    } finally {
      await page.close();
    }
  });

  it('has a Japanese page, and a visible switch between the languages', async () => {
    const page = await open('/ja/');
    try {
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
      assert.equal(await page.evaluate(() => document.getElementById('components-heading')!.textContent), 'コンポーネント');
      assert.match(await shownText(page, 'incidents'), /現在のインシデント/);
      const english = await page.$('nav a[hreflang="en"]');
      assert.ok(english && (await english.isVisible()));
      await Promise.all([page.waitForNavigation(), english.click()]);
      assert.equal(new URL(page.url()).pathname, '/');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    } finally {
      await page.close();
    }
  });

  it('shows times in the visitor time zone', async () => {
    const incident = snapshot.incidents[0]!;
    const page = await open(`/incidents/${incident.id}/`, { zone: 'Asia/Tokyo' });
    try {
      await page.waitForFunction(() => document.getElementById('time-zone')?.textContent !== 'Coordinated Universal Time');
      assert.equal(await page.evaluate(() => document.getElementById('time-zone')!.textContent), 'Japan Standard Time');
      const times = await page.evaluate(() =>
        [...document.getElementById('incident')!.shadowRoot!.querySelectorAll('time[data-format="datetime"]')].map((t) => ({ at: t.getAttribute('datetime')!, text: t.textContent })),
      );
      assert.ok(times.length > 0);
      for (const { at, text } of times) {
        const hour = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tokyo', hour: 'numeric', minute: '2-digit' }).format(Date.parse(at));
        assert.ok(text.includes(hour), `${text} is in Tokyo time (${hour})`);
      }
    } finally {
      await page.close();
    }
  });

  it('shows an incident update posted through the API without a reload', async () => {
    const incident = snapshot.incidents[0]!;
    const page = await open('/');
    try {
      await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
      const body = `Live from the API ${Date.now()}`;
      const response = await fetch(`${server.url}/v1/incidents/${incident.id}/updates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'monitoring', body }),
      });
      assert.equal(response.status, 201, await response.text());
      await page.waitForFunction((text) => document.getElementById('incidents')?.shadowRoot?.textContent?.includes(text), { timeout: 15_000 }, body);
      assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, 'the page was not reloaded');
      assert.equal(await page.evaluate(() => document.getElementById('status-summary')!.hasAttribute('stale')), false);
    } finally {
      await page.close();
    }
  });

  it('is axe-clean in light and dark, wide and narrow, in both languages', async () => {
    const incident = snapshot.incidents[0]!;
    const cases: [string, { dark?: boolean; width?: number }][] = [
      ['/', {}],
      ['/', { dark: true, width: 360 }],
      ['/ja/', { dark: true }],
      [`/incidents/${incident.id}/`, {}],
      [`/maintenances/${snapshot.maintenances[0]!.id}/`, { dark: true }],
      ['/history/', { width: 360 }],
      ['/no-such-page', {}],
    ];
    for (const [path, options] of cases) {
      const page = await open(path, options);
      try {
        assert.deepEqual(await axeViolations(page), [], `${path} ${JSON.stringify(options)}`);
      } finally {
        await page.close();
      }
    }
  });

  it('keeps showing the last known status, with its time, when the API goes down', async () => {
    const page = await open('/');
    try {
      const before = await shownText(page, 'components');
      assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('status-summary')!.shadowRoot!.querySelector('.as-of')!).display), 'none');
      await server.stop();
      await page.waitForSelector('#status-summary[stale]', { timeout: 15_000 });
      const note = await page.evaluate(() => {
        const asOf = document.getElementById('status-summary')!.shadowRoot!.querySelector<HTMLElement>('.as-of')!;
        return { shown: getComputedStyle(asOf).display !== 'none', text: asOf.innerText, at: asOf.querySelector('time')!.getAttribute('datetime') };
      });
      assert.ok(note.shown, 'the note shows');
      assert.match(note.text, /Last known status as of .*\d.*\. It could not be refreshed just now\./s);
      assert.equal(note.at, await page.evaluate(() => document.getElementById('content')!.dataset['generatedAt']), 'dated when the status shown was read');
      assert.equal(await shownText(page, 'components'), before, 'the status stays');
    } finally {
      await page.close();
    }
  });

  it('exports pages that work from a plain static server, showing the exported status, dated, while the API is down', async () => {
    const dir = join(work, 'export');
    await hansei(['export', dir, '--data', join(work, 'data'), '--url', 'https://status.example.com']);
    const site = await staticServer(dir, STATIC_PORT);
    const page = await browser.newPage();
    try {
      await page.goto(`${site.url}/`, { waitUntil: 'load' });
      assert.ok((await shownText(page, 'components')).includes(snapshot.components[0]!.name));
      await page.waitForSelector('#status-summary[stale]', { timeout: 15_000 });
      assert.match(await page.evaluate(() => document.getElementById('status-summary')!.shadowRoot!.querySelector<HTMLElement>('.as-of')!.innerText), /Last known status as of/);
      const incident = snapshot.incidents[0]!;
      await Promise.all([page.waitForNavigation(), page.evaluate(() => (document.getElementById('incidents')!.shadowRoot!.querySelector('a[part="incident-link"]') as HTMLAnchorElement).click())]);
      assert.equal(await page.evaluate(() => document.querySelector('h1')!.textContent), incident.title);
      await Promise.all([page.waitForNavigation(), page.click('nav a[hreflang="ja"]')]);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
      const missing = await page.goto(`${site.url}/incidents/nope/`);
      assert.equal(missing?.status(), 404);
      assert.match(await page.evaluate(() => document.querySelector('h1')!.textContent), /Page not found/);
    } finally {
      await page.close();
      await site.close();
    }
  });
});
