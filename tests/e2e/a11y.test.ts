/**
 * Every view of the portal, as a person meets it: no axe violations (WCAG 2.x A and AA, shadow
 * roots included) in light and English and in dark and Japanese, and nothing wider than a 360 px
 * screen.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { axeViolations, DEEP_TEXT, signedInPage, useServer, waitForPageText } from './harness.js';

/** Each view, and a text that says its data is on screen. */
const VIEWS: readonly (readonly [path: string, ready: string | null])[] = [
  ['prevention', null],
  ['incidents', 'Delayed push notifications'],
  ['incidents/inc_0026', 'Delayed push notifications'],
  ['incidents/new', null],
  ['postmortems', null],
  ['slos', null],
  ['trends', null],
  ['review', null],
  ['admin/guideline', 'SEV1'],
  ['admin/components', null],
  ['admin/maintenances', null],
  ['admin/templates', null],
  ['admin/tokens', null],
];

async function settle(page: Page, ready: string | null): Promise<void> {
  try {
    await settled(page, ready);
  } catch (error) {
    const text = ((await page.evaluate(DEEP_TEXT)) as string).replace(/\s+/g, ' ');
    throw new Error(`${page.url()} did not settle: ${text.slice(0, 600)}`, { cause: error });
  }
}

async function settled(page: Page, ready: string | null): Promise<void> {
  if (ready) await waitForPageText(page, ready, 60_000);
  // Views and elements say "Loading" while they read; wait until none does (the live stream
  // keeps a request open, so the network is never idle).
  await page.waitForFunction(`!(${DEEP_TEXT}).match(/Loading|読み込み中/)`, { polling: 200, timeout: 60_000 });
  await new Promise((resolve) => setTimeout(resolve, 250));
}

describe('the portal for everyone', { timeout: 900_000 }, () => {
  const env = useServer();

  // Each pass loads every view in turn in one tab, as a person following deep links does.
  it('has no axe violations in any view, light and English', async () => {
    const page = await signedInPage(env.browser, env.server.tokens.admin, 'admin');
    const found: string[] = [];
    for (const [path, ready] of VIEWS) {
      await page.goto(`${env.server.url}/portal/${path}`);
      await settle(page, ready);
      for (const violation of await axeViolations(page)) found.push(`${path}: ${violation}`);
    }
    await page.browserContext().close();
    assert.deepEqual(found, []);
  });

  it('has no axe violations in dark and Japanese, and says things in Japanese', async () => {
    const page = await signedInPage(env.browser, env.server.tokens.admin, 'admin', { lang: 'ja', dark: true });
    const found: string[] = [];
    for (const [path] of VIEWS.filter(([p]) => !p.startsWith('admin/') || p === 'admin/guideline')) {
      await page.goto(`${env.server.url}/portal/${path}`);
      await settle(page, null);
      assert.equal(await page.evaluate('document.documentElement.lang'), 'ja');
      for (const violation of await axeViolations(page)) found.push(`${path}: ${violation}`);
      if (path === 'trends') {
        const text = (await page.evaluate(DEEP_TEXT)) as string;
        assert.ok(text.includes('重大度別の週ごとのインシデント数'), text.replace(/\s+/g, ' ').slice(0, 800));
      }
    }
    await page.browserContext().close();
    assert.deepEqual(found, []);
  });

  it('fits a 360 px screen in every view: nothing scrolls sideways', async () => {
    const page = await signedInPage(env.browser, env.server.tokens.admin, 'admin', { width: 360 });
    const wide: string[] = [];
    for (const [path, ready] of VIEWS) {
      await page.goto(`${env.server.url}/portal/${path}`);
      await settle(page, ready);
      const width = (await page.evaluate('document.scrollingElement.scrollWidth')) as number;
      if (width > 361) wide.push(`${path}: ${width}px`);
    }
    await page.browserContext().close();
    assert.deepEqual(wide, []);
  });
});
