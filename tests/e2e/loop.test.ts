/**
 * The whole loop of issue 9, in the portal and on the public status page, against one real
 * server: declare a SEV2 incident; assign an incident commander and hand command off; post
 * updates and watch each reach the status page without a reload; resolve; write the postmortem,
 * add two actions, see them on the prevention board and move one to done; find it all in the
 * weekly review and the trends.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { periodsOf } from '../../apps/portal/src/lib/trends.js';
import { clickButton, eventually, newPage, signIn, useServer, waitForPageText, waitForText } from './harness.js';

const FORM = 'portal-app >>> portal-incident >>> hansei-incident-form';
const BOARD = 'portal-app >>> portal-incident >>> hansei-role-board';
const PM = 'portal-app >>> portal-postmortem >>> hansei-postmortem';
const BOARD_PAGE = 'portal-app >>> portal-prevention >>> hansei-prevention-board';

/** Picks a role for a person from the person's menu on the role board. */
async function roleFromMenu(page: Page, personId: string, item: string): Promise<void> {
  const button = await page.waitForSelector(`${BOARD} >>> [data-person="${personId}"][data-assignment=""] .menu-button`);
  await button!.click();
  const choice = await waitForText(page, `${BOARD} >>> [role="menuitem"]`, item);
  await choice.click();
}

/** Posts an update from the incident page: a status, and a message for the status page. */
async function postUpdate(page: Page, status: string, message: string): Promise<void> {
  await page.click(`${FORM} >>> input[name="status"][value="${status}"]`);
  const box = await page.waitForSelector(`${FORM} >>> #f-message`);
  await box!.type(message);
  await page.click(`${FORM} >>> [part="submit"]`);
  await waitForText(page, `${FORM} >>> [part="done"]`, 'Update posted');
}

describe('the whole loop, end to end', { timeout: 300_000 }, () => {
  const env = useServer(['portal', 'status-page']);

  it('declares, commands, communicates, resolves, learns and measures', async () => {
    const errors: string[] = [];
    const portal = await newPage(env.browser, errors);
    const status = await newPage(env.browser, errors);
    const api = env.server.adapter(env.server.tokens.admin);
    const title = `Bookings fail at some studios ${Date.now()}`;
    const window = periodsOf(26, 4, Date.now());
    const before = (await api.metrics({ from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() })).mttx.incidents;

    // 1. Declare a SEV2 in the portal, public, with a component in partial outage.
    await signIn(portal, env.server.url, env.server.tokens.responder);
    await portal.click('portal-app >>> a.declare');
    const titleBox = await portal.waitForSelector('portal-app >>> portal-declare >>> hansei-incident-form >>> #f-title');
    await titleBox!.type(title);
    const declare = 'portal-app >>> portal-declare >>> hansei-incident-form';
    await portal.click(`${declare} >>> input[name="severity"][value="SEV2"]`);
    await portal.click(`${declare} >>> input[name="impact"][value="major"]`);
    await portal.click(`${declare} >>> input[name="visibility"][value="public"]`);
    await portal.click(`${declare} >>> #f-components-first`);
    await portal.select(`${declare} >>> #f-component-0`, 'partial_outage');
    await (await portal.waitForSelector(`${declare} >>> #f-message`))!.type('We are investigating failed bookings.');
    await portal.click(`${declare} >>> [part="submit"]`);
    await portal.waitForFunction(() => /\/portal\/incidents\/(?!new)[^/]+$/.test(location.pathname));
    const id = decodeURIComponent(new URL(portal.url()).pathname.split('/').pop()!);
    const declared = await api.getIncident(id);
    assert.equal(declared.title, title);
    assert.equal(declared.severity, 'SEV2');
    assert.equal(declared.visibility, 'public');

    // The public page shows it (anonymous, no token), and will follow it live from here on.
    await status.goto(`${env.server.url}/`);
    await waitForPageText(status, title);
    await waitForPageText(status, 'We are investigating failed bookings.');

    // 2. Assign an incident commander, then hand command off to someone else.
    const people = (await api.listPeople({ limit: 200 })).data;
    const [first, second] = [people[0]!, people[1]!];
    await portal.waitForSelector(`${BOARD} >>> [data-person="${first.id}"]`);
    await roleFromMenu(portal, first.id, 'Incident Commander');
    await eventually(async () => (await api.listIncidentRoles(id)).current.some((a) => a.role === 'incident_commander' && a.personId === first.id), 'the first commander');
    await roleFromMenu(portal, second.id, 'Incident Commander (take over');
    const roles = await eventually(async () => {
      const now = await api.listIncidentRoles(id);
      return now.current.some((a) => a.role === 'incident_commander' && a.personId === second.id) ? now : null;
    }, 'the hand-off');
    const commanders = roles.history.filter((a) => a.role === 'incident_commander');
    assert.deepEqual(commanders.map((a) => a.personId), [first.id, second.id]);
    assert.equal(commanders[0]!.handedOffTo, commanders[1]!.id, 'the hand-off is recorded, not overwritten');

    // 3. Post updates; each reaches the status page without a reload.
    const marker = await status.evaluate(() => ((window as unknown as { e2eMarker: number }).e2eMarker = Math.random()));
    await postUpdate(portal, 'identified', 'We found a database lock on the booking service.');
    await waitForPageText(status, 'We found a database lock on the booking service.');
    await postUpdate(portal, 'monitoring', 'A fix is out; we are watching bookings recover.');
    await waitForPageText(status, 'A fix is out; we are watching bookings recover.');
    assert.equal(await status.evaluate(() => (window as unknown as { e2eMarker?: number }).e2eMarker), marker, 'the status page was never reloaded');

    // 4. Resolve it (the component back to operational).
    await portal.select(`${FORM} >>> #f-component-0`, 'operational').catch(() => undefined);
    await postUpdate(portal, 'resolved', 'Bookings work again at every studio.');
    const resolved = await eventually(async () => {
      const now = await api.getIncident(id);
      return now.status === 'resolved' ? now : null;
    }, 'the incident resolved');
    assert.ok(resolved.resolvedAt);
    await status.goto(`${env.server.url}/incidents/${encodeURIComponent(id)}`);
    await waitForPageText(status, 'Bookings work again at every studio.');

    // 5. Write the postmortem: start it from the incident (the default template), write, save.
    await portal.goto(`${env.server.url}/portal/incidents/${encodeURIComponent(id)}`);
    await (await portal.waitForSelector('portal-app >>> portal-incident >>> a[href*="/postmortems/new"]'))!.click();
    await clickButton(portal, 'Start the postmortem', PM);
    await portal.waitForFunction(() => /\/portal\/postmortems\/(?!new)[^/?]+$/.test(location.pathname));
    const postmortemId = decodeURIComponent(new URL(portal.url()).pathname.split('/').pop()!);
    assert.equal((await api.getIncident(id)).postmortemId, postmortemId);
    await (await portal.waitForSelector(`${PM} >>> #f-s-summary`))!.type(' A lock held by a slow migration blocked bookings for an hour.');
    await clickButton(portal, 'Save', PM);
    await waitForText(portal, `${PM} >>> [part~="save-state"]`, 'Saved');
    const written = await api.getPostmortem(postmortemId);
    assert.match(written.sections.find((s) => s.key === 'summary')?.body ?? '', /A lock held by a slow migration blocked bookings for an hour\./);

    // 6. Two prevention actions from the postmortem: a root-cause one and a short-term one.
    for (const [actionTitle, kind] of [
      ['Run schema migrations with a lock timeout', 'prevent'],
      ['Alert when booking errors pass 1% for 5 minutes', 'detect'],
    ] as const) {
      await (await portal.waitForSelector(`${PM} >>> #action-title`))!.type(actionTitle);
      await portal.click(`${PM} >>> input[name="action-kind"][value="${kind}"]`);
      await clickButton(portal, 'Add to the prevention board', PM);
      await waitForText(portal, `${PM} >>> [part~="action"]`, actionTitle);
    }
    const actions = (await api.listActions({ incident: id })).data;
    assert.equal(actions.length, 2);
    assert.ok(actions.every((a) => a.postmortemId === postmortemId));

    // 7. Both are on the prevention board; move one to done from its menu.
    await portal.goto(`${env.server.url}/portal/prevention?incident=${encodeURIComponent(id)}`);
    const done = actions.find((a) => a.kind === 'detect')!;
    for (const action of actions) await portal.waitForSelector(`${BOARD_PAGE} >>> li[data-id="${action.id}"]`);
    await (await portal.waitForSelector(`${BOARD_PAGE} >>> li[data-id="${done.id}"] .menu-button`))!.click();
    await (await waitForText(portal, `${BOARD_PAGE} >>> [role="menuitem"]`, 'Move to Done')).click();
    const moved = await eventually(async () => {
      const now = await api.getAction(done.id);
      return now.status === 'done' ? now : null;
    }, 'the action moved to done');
    assert.ok(moved.completedAt);

    // 8. The weekly review lists the incident; the trends count it.
    await portal.goto(`${env.server.url}/portal/review`);
    await waitForText(portal, 'portal-app >>> portal-review >>> section', title);
    await portal.goto(`${env.server.url}/portal/trends`);
    const figure = await waitForText(portal, 'portal-app >>> portal-trends >>> [data-figure="incidents"]', '');
    const range = periodsOf(26, 4, Date.now());
    const metrics = await api.metrics({ from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() });
    assert.equal(Number(await figure.evaluate((el) => el.textContent)), metrics.mttx.incidents);
    assert.equal(metrics.mttx.incidents, before + 1, 'the new incident is counted');
    assert.deepEqual(errors, []);
    await clickButton(portal, 'Sign out', 'portal-app');
    await portal.waitForSelector('portal-app >>> #token');
  });
});
