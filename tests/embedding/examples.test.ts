/**
 * The examples in examples/, each in headless Chromium as a visitor would load it, against the
 * single-file bundles and the examples' own Vite builds (made fresh before the tests):
 * - plain HTML with no build step: three separately bundled elements (three copies of Lit) that
 *   still share one provider and one language; on the demo adapter, and against a real
 *   `hansei serve` on PGlite behind the page's own origin;
 * - a page under a strict Content-Security-Policy with Trusted Types: everything works, with no
 *   violation reported;
 * - React 19 and Vue 3 apps: properties, attributes and events through each framework.
 * Every page: no console error, no failed request, no axe violation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, watchPage } from '../support/chromium.js';
import { ROOT, startStaticServer, type StaticServer } from '../support/static-server.js';
import { axe, build, JAPANESE, shadowText, startHansei, STRICT_CSP, type HanseiServer } from './setup.js';

let browser: Browser;
let site: StaticServer;

/** CSP violations the page reports (securitypolicyviolation events), kept on window. */
const WATCH_CSP = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));`;

before(async () => {
  await build({ examples: true });
  site = await startStaticServer({
    mounts: { '/': ROOT },
    // The CSP example carries its policy in a <meta>; the built React and Vue apps get a strict
    // header: neither needs inline script, inline style or eval.
    htmlHeaders: (path): Record<string, string> => (/^\/examples\/(csp|react\/dist|vue\/dist)\//.test(path) ? { 'content-security-policy': STRICT_CSP } : {}),
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

interface Opened {
  readonly page: Page;
  readonly problems: string[];
}

async function open(
  url: string,
  options: { readonly width?: number; readonly before?: (page: Page) => Promise<unknown>; readonly expected?: readonly RegExp[] } = {},
): Promise<Opened> {
  const page = await browser.newPage();
  await page.setViewport({ width: options.width ?? 1100, height: 900 });
  const problems = watchPage(page, { ignore: [/\/favicon\.ico\b/, ...(options.expected ?? [])] });
  await page.evaluateOnNewDocument(WATCH_CSP);
  await options.before?.(page);
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/** Waits until `selector`'s shadow root shows text matching `pattern`; returns that text. */
async function waitForText(page: Page, selector: string, pattern: RegExp, timeout = 20_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = await shadowText(page, selector);
    if (pattern.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${selector} never showed ${pattern}; it shows: ${text.slice(0, 400)}`);
}

async function assertClean({ page, problems }: Opened): Promise<void> {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe violations: ${JSON.stringify(violations, null, 2)}`);
  assert.deepEqual(await page.evaluate('window.__cspViolations'), [], 'Content-Security-Policy violations');
  assert.deepEqual(problems, [], 'the page reported problems');
}

/** Picks `personId` up on the role board with the keyboard and drops them on the next role. */
async function keyboardMove(page: Page, board: string, personId: string): Promise<void> {
  const focused = await page.evaluate(`(() => {
    const grab = document.querySelector(${JSON.stringify(board)}).shadowRoot.querySelector('[data-person="${personId}"] .grab');
    grab?.focus();
    return Boolean(grab);
  })()`);
  assert.ok(focused, `no grab button for ${personId}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

describe('examples/plain: no build step, one file per element', () => {
  it('shows the status and two SLO gauges from three separate bundles sharing one provider', async () => {
    const opened = await open(`${site.url}/examples/plain/`);
    const { page } = opened;
    await waitForText(page, 'hansei-slo-gauge[slo-id="slo_checkin"]', /\d+(\.\d+)?\s?%/);
    await waitForText(page, 'hansei-slo-gauge[slo-id="slo_checkout"]', /\d+(\.\d+)?\s?%/);
    await waitForText(page, 'hansei-status-summary', /\S/);
    // Three bundles, so three copies of Lit on the page, and it works.
    assert.equal(await page.evaluate('globalThis.litElementVersions.length'), 3);
    await assertClean(opened);
    await page.close();
  });

  it('switches every element to Japanese from the provider, across the bundles', async () => {
    const opened = await open(`${site.url}/examples/plain/`);
    const { page } = opened;
    await waitForText(page, 'hansei-slo-gauge[slo-id="slo_checkin"]', /%/);
    await page.select('#language', 'ja');
    // The provider's bundle switches; the gauge's and the summary's own copies follow.
    await waitForText(page, 'hansei-slo-gauge[slo-id="slo_checkin"]', JAPANESE);
    await waitForText(page, 'hansei-slo-gauge[slo-id="slo_checkout"]', JAPANESE);
    await waitForText(page, 'hansei-status-summary', JAPANESE);
    await assertClean(opened);
    await page.close();
  });

  describe('against a real hansei serve on PGlite, behind the page’s origin', () => {
    let hansei: HanseiServer;
    let proxied: StaticServer;

    before(async () => {
      hansei = await startHansei();
      // The team's own origin serves its page and forwards /v1 to Hansei (no CORS needed).
      proxied = await startStaticServer({ mounts: { '/': ROOT }, proxy: { prefixes: ['/v1/'], target: hansei.url } });
    });

    after(async () => {
      await proxied?.close();
      await hansei?.stop();
    });

    it('reads the SLOs and the status through RestAdapter with the page’s token', async () => {
      const opened = await open(`${proxied.url}/examples/plain/?api=${encodeURIComponent(proxied.url)}`, {
        before: (page) => page.evaluateOnNewDocument(`sessionStorage.setItem('hansei-token', ${JSON.stringify(hansei.token)})`),
      });
      const { page } = opened;
      const gauge = await waitForText(page, 'hansei-slo-gauge[slo-id="slo_checkin"]', /\d+(\.\d+)?\s?%/, 60_000);
      assert.match(gauge, /check-in/i);
      await waitForText(page, 'hansei-slo-gauge[slo-id="slo_checkout"]', /\d+(\.\d+)?\s?%/, 60_000);
      await waitForText(page, 'hansei-status-summary', /\S/, 60_000);
      await assertClean(opened);
      await page.close();
    });

    it('says so in the gauge when the token is refused, with no console error', async () => {
      const opened = await open(`${proxied.url}/examples/plain/?api=${encodeURIComponent(proxied.url)}`, {
        before: (page) => page.evaluateOnNewDocument(`sessionStorage.setItem('hansei-token', 'not-a-token')`),
        // The refused reads (and the live stream) are HTTP 401s, which the browser logs; nothing else may go wrong.
        expected: [/\b401\b.*\/v1\//],
      });
      const { page } = opened;
      await waitForText(page, 'hansei-slo-gauge[slo-id="slo_checkin"]', /sign|token|permission|access/i, 60_000);
      await assertClean(opened);
      await page.close();
    });
  });
});

describe('examples/csp: a strict Content-Security-Policy with Trusted Types', () => {
  it('renders every element with no violation: styles through the CSSOM, templates through lit-html’s policy', async () => {
    const opened = await open(`${site.url}/examples/csp/`);
    const { page } = opened;
    await waitForText(page, 'hansei-slo-gauge', /\d+(\.\d+)?\s?%/);
    await waitForText(page, 'hansei-uptime-bars', /\S/);
    await waitForText(page, 'hansei-role-board', /Incident Commander/);
    await waitForText(page, 'hansei-prevention-board', /\S{20}/);
    await waitForText(page, 'hansei-incident-form', /Severity/);
    await waitForText(page, 'hansei-postmortem', /Five whys/i);
    // The postmortem's balance meter is sized through the CSSOM too.
    assert.equal(await page.evaluate(`document.querySelector('hansei-postmortem').shadowRoot.querySelector('.meter .root')?.style.getPropertyValue('inline-size')?.endsWith('%')`), true);
    // The gauge's computed widths are applied (a `style` attribute would have been blocked).
    const fill = await page.evaluate(`getComputedStyle(document.querySelector('hansei-slo-gauge').shadowRoot.querySelector('.fill')).inlineSize`);
    assert.notEqual(fill, '0px');
    assert.equal(await page.evaluate(`document.querySelector('hansei-slo-gauge').shadowRoot.querySelector('.fill').getAttribute('style')?.length > 0`), true);
    await assertClean(opened);
    await page.close();
  });

  it('moves a person by keyboard on the role board and validates the incident form, still with no violation', async () => {
    const opened = await open(`${site.url}/examples/csp/`);
    const { page } = opened;
    await waitForText(page, 'hansei-role-board', /Yui Tanaka/);
    await keyboardMove(page, 'hansei-role-board', 'per_tanaka');
    await waitForText(page, 'hansei-role-board', /Yui Tanaka is now Deputy/);
    await waitForText(page, 'hansei-incident-form', /Severity/);
    await page.evaluate(`document.querySelector('hansei-incident-form').submit()`);
    await waitForText(page, 'hansei-incident-form', /title/i);
    assert.equal(await page.evaluate(`document.querySelector('hansei-incident-form').validity.valid`), false);
    await assertClean(opened);
    await page.close();
  });
});

for (const framework of ['react', 'vue'] as const) {
  describe(`examples/${framework}: a ${framework === 'react' ? 'React 19' : 'Vue 3'} app, built with Vite, under a strict CSP header`, () => {
    it('passes the adapter as a property and renders the gauge and the role board', async () => {
      const opened = await open(`${site.url}/examples/${framework}/dist/`);
      const { page } = opened;
      await waitForText(page, 'hansei-slo-gauge', /\d+(\.\d+)?\s?%/);
      await waitForText(page, 'hansei-role-board', /Incident Commander/);
      assert.equal(await page.evaluate(`typeof document.querySelector('hansei-provider').adapter?.listSlos`), 'function');
      assert.equal(await page.evaluate(`document.querySelector('hansei-role-board').incidentId`), 'inc_0027');
      await assertClean(opened);
      await page.close();
    });

    it(`hears the role board’s event in ${framework} and switches language through a bound property`, async () => {
      const opened = await open(`${site.url}/examples/${framework}/dist/`);
      const { page } = opened;
      await waitForText(page, 'hansei-role-board', /Yui Tanaka/);
      await keyboardMove(page, 'hansei-role-board', 'per_tanaka');
      await page.waitForFunction(`document.querySelector('#changes')?.textContent.includes('deputy')`, { timeout: 20_000 });
      assert.match(await page.$eval('#changes', (el) => el.textContent ?? ''), /assigned: deputy → per_tanaka/);
      await page.select('select', 'ja');
      await waitForText(page, 'hansei-role-board', JAPANESE);
      await waitForText(page, 'hansei-slo-gauge', JAPANESE);
      assert.equal(await page.evaluate(`document.querySelector('hansei-provider').lang`), 'ja');
      await assertClean(opened);
      await page.close();
    });
  });
}
