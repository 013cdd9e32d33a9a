/**
 * Incident templates through the portal, against one real server: an admin copies a built-in
 * template into one of the organisation's and changes it; a save that meets someone else's
 * newer version keeps the draft and shows theirs, and saving over it is a choice; a responder
 * declares from the template; the admin deletes it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { axeViolations, clickButton, eventually, signedInPage, useServer, waitForPageText, waitForText } from './harness.js';

const ADMIN = 'portal-app >>> portal-admin-incident-templates';
const FORM = 'portal-app >>> portal-declare >>> hansei-incident-form';

/** Sets a field (deep selector) as a person typing would, so the page hears `input`. */
async function fill(page: Page, selector: string, value: string): Promise<void> {
  const field = await page.waitForSelector(selector);
  await field!.evaluate((el, text) => {
    (el as HTMLInputElement).value = text;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }, value);
}

/** Clicks the button `label` of the template card that says `name`. */
async function onCard(page: Page, name: string, label: string): Promise<void> {
  const card = await waitForText(page, `${ADMIN} >>> li.card`, name);
  for (const button of await card.$$('button')) {
    if ((await button.evaluate((b) => b.textContent?.trim())) === label) return button.click();
  }
  throw new Error(`No ${label} on the card of ${name}.`);
}

describe('incident templates, end to end', { timeout: 300_000 }, () => {
  const env = useServer();

  it('are made in admin from a built-in one, saved over a newer version only by choice, offered when declaring, and deleted', async () => {
    const api = env.server.adapter(env.server.tokens.admin);
    const admin = await signedInPage(env.browser, env.server.tokens.admin, 'admin');
    admin.on('dialog', (dialog) => void dialog.accept());
    await admin.goto(`${env.server.url}/portal/admin/templates`);
    await waitForText(admin, `${ADMIN} >>> li.card`, 'Outage of a component', 60_000);

    // Copy a built-in template, name it, make it SEV1 with its own labels, save.
    await onCard(admin, 'Outage of a component', 'Copy as a new template');
    await fill(admin, `${ADMIN} >>> form input[name="name"]`, 'Check-in gates offline');
    await fill(admin, `${ADMIN} >>> form input[name="name-ja"]`, 'チェックインゲートの停止');
    await fill(admin, `${ADMIN} >>> form input[name="title"]`, 'Members cannot check in at some studios');
    await admin.select(`${ADMIN} >>> form select[name="severity"]`, 'SEV1');
    await fill(admin, `${ADMIN} >>> form input[name="labels"]`, 'iot, check-in');
    await clickButton(admin, 'Save the template', ADMIN);
    await waitForText(admin, `${ADMIN} >>> [role="status"]`, 'Saved the template "Check-in gates offline"');
    const ours = await eventually(async () => (await api.listIncidentTemplates()).find((t) => t.name.en === 'Check-in gates offline'), 'the new template');
    assert.deepEqual(
      [ours.builtIn, ours.version, ours.severity, ours.impact, ours.visibility, ours.labels, ours.name.ja, ours.title.ja],
      [false, 1, 'SEV1', 'major', 'public', ['iot', 'check-in'], 'チェックインゲートの停止', 'サービス障害'],
    );

    // Edit it while someone else saves it first: the draft stays, theirs is shown, saving over it is a choice.
    await onCard(admin, 'Check-in gates offline', 'Edit');
    await fill(admin, `${ADMIN} >>> form input[name="title"]`, 'Check-in gates are offline');
    await api.updateIncidentTemplate(ours.id, { name: { en: 'Gates offline (theirs)' }, impact: 'minor' }, 1);
    await clickButton(admin, 'Save the template', ADMIN);
    await waitForText(admin, `${ADMIN} >>> .conflict`, 'now version 2');
    await waitForText(admin, `${ADMIN} >>> .conflict`, 'Gates offline (theirs)');
    assert.equal((await api.getIncidentTemplate(ours.id)).version, 2, 'nothing was overwritten');
    assert.equal(await admin.$eval(`${ADMIN} >>> form input[name="title"]`, (el) => el.value), 'Check-in gates are offline', 'the draft is kept');
    await clickButton(admin, 'Save mine over theirs', ADMIN);
    await waitForText(admin, `${ADMIN} >>> [role="status"]`, 'Saved the template');
    const saved = await api.getIncidentTemplate(ours.id);
    assert.deepEqual([saved.version, saved.name.en, saved.title.en, saved.impact], [3, 'Check-in gates offline', 'Check-in gates are offline', 'major']);

    // A responder declares from it: the form offers it beside the built-in ones.
    const responder = await signedInPage(env.browser, env.server.tokens.responder, 'responder');
    await responder.goto(`${env.server.url}/portal/incidents/new`);
    const picker = await responder.waitForSelector(`${FORM} >>> #f-template`, { timeout: 60_000 });
    const options = await picker!.evaluate((select) => [...(select as HTMLSelectElement).options].map((o) => o.textContent?.trim()));
    assert.deepEqual(options, ['Degraded performance', 'Outage of a component', 'Security incident (internal)', 'Data issue', 'Check-in gates offline']);
    await responder.select(`${FORM} >>> #f-template`, '4');
    await clickButton(responder, 'Use template', FORM);
    assert.equal(await responder.$eval(`${FORM} >>> #f-title`, (el) => (el as HTMLInputElement).value), 'Check-in gates are offline');
    await responder.click(`${FORM} >>> [part="submit"]`);
    await responder.waitForFunction(() => /\/portal\/incidents\/(?!new)[^/]+$/.test(location.pathname), { timeout: 30_000 });
    const id = decodeURIComponent(new URL(responder.url()).pathname.split('/').pop()!);
    const incident = await api.getIncident(id);
    assert.deepEqual(
      [incident.title, incident.severity, incident.impact, incident.visibility, incident.labels, incident.updates[0]?.body.startsWith('We are investigating an outage')],
      ['Check-in gates are offline', 'SEV1', 'major', 'public', ['iot', 'check-in'], true],
    );

    // Deleted in admin; the incident declared from it stays as it is.
    await onCard(admin, 'Check-in gates offline', 'Delete');
    await waitForText(admin, `${ADMIN} >>> [role="status"]`, 'Deleted the template "Check-in gates offline"');
    assert.equal((await api.listIncidentTemplates()).some((t) => t.id === ours.id), false);
    assert.equal((await api.getIncident(id)).title, 'Check-in gates are offline');
    await waitForPageText(admin, 'Postmortem templates');
    await admin.browserContext().close();
    await responder.browserContext().close();
  });

  it('edits a template axe-clean in light and English, and in dark and Japanese on a 360 px screen', async () => {
    for (const options of [{ lang: 'en', dark: false }, { lang: 'ja', dark: true, width: 360 }] as const) {
      const page = await signedInPage(env.browser, env.server.tokens.admin, 'admin', options);
      await page.goto(`${env.server.url}/portal/admin/templates`);
      const copy = options.lang === 'ja' ? 'コピーして新しいテンプレートにする' : 'Copy as a new template';
      await waitForText(page, `${ADMIN} >>> li.card`, options.lang === 'ja' ? 'データ不整合' : 'Data issue', 60_000);
      await onCard(page, options.lang === 'ja' ? 'データ不整合' : 'Data issue', copy);
      await page.waitForSelector(`${ADMIN} >>> form input[name="updateBody"], ${ADMIN} >>> form textarea[name="updateBody"]`);
      if (options.lang === 'ja') await waitForPageText(page, '対応者の選択のまま');
      assert.deepEqual(await axeViolations(page), [], `${options.lang}${options.dark ? ', dark' : ''}`);
      if (options.width) {
        const wide = (await page.evaluate(`document.documentElement.scrollWidth`)) as number;
        assert.ok(wide <= 360, `the page is ${wide} px wide at 360 px`);
      }
      await page.browserContext().close();
    }
  });
});
