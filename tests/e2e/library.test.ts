/**
 * The postmortem library through the portal against a real server: the server searches and pages,
 * so opening the library is one read of postmortems and one of their incidents (never one per
 * postmortem); a search by text (typed full-width, in capitals) and by contributing-factor
 * category finds what the server finds; "Show more" reads the next page; the search is a link.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Postmortem, Stored } from '@hansei/core';
import { axeViolations, eventually, signedInPage, useServer, waitForPageText } from './harness.js';

const VIEW = 'portal-app >>> portal-postmortems';

/** The titles of the library's cards, in order. */
const titles = (page: Page): Promise<string[]> => page.$$eval(`${VIEW} >>> li.card > a strong`, (cards) => cards.map((c) => c.textContent?.trim() ?? ''));

/** The API reads the page makes from now on (method and path with query). */
function reads(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/v1/') && url.pathname !== '/v1/stream') seen.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  return seen;
}

describe('the postmortem library, searched on the server', { timeout: 300_000 }, () => {
  const env = useServer();

  it('reads a page and its incidents in two calls, searches by text and category, and shows more', async () => {
    const api = env.server.adapter(env.server.tokens.responder);
    const made: Stored<Postmortem>[] = [];
    for (let i = 0; i < 27; i++) {
      const started = new Date(Date.UTC(2026, 0, 1 + i)).toISOString();
      const incident = await api.declareIncident({ title: `Shelf incident ${i}`, severity: 'SEV3', startedAt: started, detectedAt: started });
      made.push(
        await api.createPostmortem({
          incidentId: incident.id,
          title: `Bookshelf review ${String(i).padStart(2, '0')}`,
          contributingFactors: i === 5 ? [{ category: 'culture', description: '締め切り前のリリース' }] : [],
        } as never),
      );
    }

    const page = await signedInPage(env.browser, env.server.tokens.viewer, 'viewer');
    const seen = reads(page);
    await page.goto(`${env.server.url}/portal/postmortems`);
    await eventually(async () => (await titles(page)).length === 25, 'the first page of 25');
    const libraryReads = seen.filter((r) => /\/v1\/(postmortems|incidents)/.test(r));
    assert.equal(libraryReads.filter((r) => r.startsWith('GET /v1/postmortems?')).length, 1, libraryReads.join('\n'));
    assert.equal(libraryReads.filter((r) => r.startsWith('GET /v1/incidents?') && r.includes('id=')).length, 1, 'one read of the incidents of the page');
    assert.ok(!libraryReads.some((r) => /^GET \/v1\/incidents\/[^/?]+$/.test(r)), 'never one read per postmortem');

    // Text, typed full-width and in capitals: the server folds it.
    const search = await page.waitForSelector(`${VIEW} >>> input[name=q]`);
    await search!.type('ＢＯＯＫＳＨＥＬＦ');
    await search!.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'ＢＯＯＫＳＨＥＬＦ');
    await waitForPageText(page, '25 postmortems shown');
    assert.ok((await titles(page)).every((t) => t.startsWith('Bookshelf review')));
    assert.ok(seen.some((r) => r.startsWith('GET /v1/postmortems?') && r.includes(`q=${encodeURIComponent('ＢＯＯＫＳＨＥＬＦ')}`)), 'the server is asked');
    const more = await page.waitForSelector(`${VIEW} >>> button:not([type=submit])::-p-text(Show more)`);
    await more!.click();
    await eventually(async () => (await titles(page)).length === 27, 'the second page added');
    const all = await titles(page);
    assert.equal(new Set(all).size, 27, 'no repeats');
    assert.deepEqual([...all].sort(), made.map((p) => p.title).sort());
    assert.equal(await page.$(`${VIEW} >>> button::-p-text(Show more)`), null, 'nothing more');
    await page.waitForSelector(`${VIEW} >>> li.card p.muted a[href*="/incidents/"]`);
    assert.deepEqual(await axeViolations(page), []);

    // A category, and the words with it: every match, as the server answers.
    await page.select(`${VIEW} >>> select[name=category]`, 'culture');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('category') === 'culture');
    await eventually(async () => JSON.stringify(await titles(page)) === JSON.stringify(['Bookshelf review 05']), 'only the culture one');
    const culture = (await api.listPostmortems({ category: ['culture'], limit: 200 })).data.map((p) => p.title);
    await page.goto(`${env.server.url}/portal/postmortems?category=culture`);
    await eventually(async () => (await titles(page)).length === culture.length, 'the deep link');
    assert.deepEqual(await titles(page), culture);

    // A Japanese word from a contributing factor, in a new tab through the URL.
    const other = await signedInPage(env.browser, env.server.tokens.viewer, 'viewer', { lang: 'ja' });
    await other.goto(`${env.server.url}/portal/postmortems?q=${encodeURIComponent('締め切り')}`);
    await eventually(async () => JSON.stringify(await titles(other)) === JSON.stringify(['Bookshelf review 05']), 'found by a Japanese word');
    await waitForPageText(other, '1 件のポストモーテムを表示中');

    // Nothing found says so.
    await other.goto(`${env.server.url}/portal/postmortems?q=nothing-has-this`);
    await waitForPageText(other, 'この検索に一致するポストモーテムはありません。');
  });
});
