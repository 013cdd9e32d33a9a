/**
 * Nothing typed or changed is lost: a reload in the middle of typing a postmortem keeps the text;
 * a change made offline waits in the outbox and reaches the server on reconnect; two people
 * editing one postmortem get a conflict to settle, never a silent overwrite; a queued change that
 * conflicts with someone else's is shown side by side for a person to resolve.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clickButton, eventually, newPage, signIn, useServer, waitForText } from './harness.js';

const PM = 'portal-app >>> portal-postmortem >>> hansei-postmortem';
const FORM = 'portal-app >>> portal-incident >>> hansei-incident-form';

describe('offline, drafts and conflicts', { timeout: 300_000 }, () => {
  const env = useServer();

  async function draftPostmortem() {
    const api = env.server.adapter(env.server.tokens.admin);
    const drafts = (await api.listPostmortems({ status: ['draft'] })).data;
    assert.ok(drafts.length >= 2, 'the demo has draft postmortems');
    return { api, drafts };
  }

  it('keeps what was being typed in a postmortem across a reload', async () => {
    const { drafts } = await draftPostmortem();
    const target = drafts[0]!;
    const page = await newPage(env.browser);
    await signIn(page, env.server.url, env.server.tokens.responder, `postmortems/${target.id}`);
    const box = await page.waitForSelector(`${PM} >>> #f-s-summary`);
    const typed = ' Typed just before the reload, never saved.';
    await box!.type(typed);
    await page.reload();
    const again = await page.waitForSelector(`${PM} >>> #f-s-summary`);
    await page
      .waitForFunction((el, text) => (el as HTMLTextAreaElement).value.includes(text), {}, again, typed.trim())
      .catch(async (error: unknown) => {
        throw new Error(`After the reload the summary reads: ${await again!.evaluate((el) => (el as HTMLTextAreaElement).value)}`, { cause: error });
      });
    await waitForText(page, `${PM} >>> [part~="draft-banner"]`, '');
    // Saving it afterwards sends exactly what was typed.
    await clickButton(page, 'Save', PM);
    await waitForText(page, `${PM} >>> [part~="save-state"]`, 'Saved');
    const stored = await env.server.adapter(env.server.tokens.admin).getPostmortem(target.id);
    assert.ok(stored.sections.find((s) => s.key === 'summary')?.body.includes(typed.trim()));
  });

  it('sends a change made offline when the connection returns', async () => {
    const api = env.server.adapter(env.server.tokens.admin);
    const open = (await api.listIncidents({ open: true })).data[0]!;
    const page = await newPage(env.browser);
    await signIn(page, env.server.url, env.server.tokens.responder, `incidents/${open.id}`);
    const message = await page.waitForSelector(`${FORM} >>> #f-message`);
    await page.setOfflineMode(true);
    await waitForText(page, 'portal-app >>> .banner', 'You are offline');
    const body = `Written while offline at ${Date.now()}.`;
    await message!.type(body);
    await page.click(`${FORM} >>> [part="submit"]`);
    await waitForText(page, 'portal-app >>> button.outbox', 'Outbox: 1 waiting');
    assert.ok(!(await api.getIncident(open.id)).updates.some((u) => u.body === body), 'not sent while offline');
    await page.setOfflineMode(false);
    const sent = await eventually(async () => (await api.getIncident(open.id)).updates.find((u) => u.body === body), 'the queued update reached the server');
    assert.equal(sent.incidentId, open.id);
    await page.waitForFunction(() => !document.querySelector('portal-app')?.shadowRoot?.querySelector('button.outbox'));
    // Sent once, even though the replay and the page both know about it.
    assert.equal((await api.getIncident(open.id)).updates.filter((u) => u.body === body).length, 1);
  });

  it('gives two people editing one postmortem a conflict to settle, and loses neither edit', async () => {
    const { api, drafts } = await draftPostmortem();
    const target = drafts[1]!;
    const [a, b] = [await newPage(env.browser), await newPage(env.browser)];
    await signIn(a, env.server.url, env.server.tokens.responder, `postmortems/${target.id}`);
    await signIn(b, env.server.url, env.server.tokens.admin, `postmortems/${target.id}`);
    const boxA = await a.waitForSelector(`${PM} >>> #f-s-summary`);
    const boxB = await b.waitForSelector(`${PM} >>> #f-s-summary`);
    await boxB!.type(' Second person: the vendor changed the door firmware.');
    await boxA!.type(' First person: the retry storm made it worse.');
    await clickButton(a, 'Save', PM);
    await waitForText(a, `${PM} >>> [part~="save-state"]`, 'Saved');
    // B edited the same section from the same version: B is shown both, not overwritten.
    await waitForText(b, `${PM} >>> [part~="conflict-item"]`, 'First person: the retry storm made it worse.');
    await waitForText(b, `${PM} >>> [part~="conflict-item"]`, 'Second person: the vendor changed the door firmware.');
    await clickButton(b, 'Keep both', PM);
    await clickButton(b, 'Save', PM);
    await waitForText(b, `${PM} >>> [part~="save-state"]`, 'Saved');
    const summary = (await api.getPostmortem(target.id)).sections.find((s) => s.key === 'summary')?.body ?? '';
    assert.ok(summary.includes('First person: the retry storm made it worse.'), summary);
    assert.ok(summary.includes('Second person: the vendor changed the door firmware.'), summary);
  });

  it('shows a queued change that conflicts with someone else’s beside theirs, and applies mine on top when asked', async () => {
    const api = env.server.adapter(env.server.tokens.admin);
    const open = (await api.listIncidents({ open: true })).data.at(-1)!;
    const page = await newPage(env.browser);
    await signIn(page, env.server.url, env.server.tokens.responder, `incidents/${open.id}`);
    const title = await page.waitForSelector(`${FORM} >>> #f-title`);
    await page.setOfflineMode(true);
    await title!.click({ count: 3 });
    await title!.type('Mine: written offline');
    await page.click(`${FORM} >>> [part="submit"]`);
    await waitForText(page, 'portal-app >>> button.outbox', 'Outbox: 1 waiting');
    // Meanwhile someone else renames it.
    const current = await api.getIncident(open.id);
    await api.updateIncident(open.id, { title: 'Theirs: renamed online' }, current.version);
    await page.setOfflineMode(false);
    await waitForText(page, 'portal-app >>> button.outbox', 'need you');
    await clickButton(page, 'Outbox', 'portal-app');
    const row = await waitForText(page, 'portal-app >>> portal-outbox >>> tr', 'title');
    const text = await row.evaluate((el) => el.textContent ?? '');
    assert.match(text, /Mine: written offline/);
    assert.match(text, /Theirs: renamed online/);
    assert.equal((await api.getIncident(open.id)).title, 'Theirs: renamed online', 'nothing overwritten yet');
    await clickButton(page, 'Apply mine on top of theirs', 'portal-app >>> portal-outbox');
    await eventually(async () => (await api.getIncident(open.id)).title === 'Mine: written offline', 'my change applied on top');
  });
});
