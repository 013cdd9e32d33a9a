/**
 * A viewer token reads everything and can change nothing: no write controls anywhere in the
 * portal, the admin and declare pages refuse, and the server refuses writes the UI never offers.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HanseiError } from '@hansei/adapters';
import { newPage, signIn, useServer, waitForText } from './harness.js';

describe('a viewer in the portal', { timeout: 180_000 }, () => {
  const env = useServer();

  it('reads, but is offered no way to change anything, and the server refuses writes', async () => {
    const errors: string[] = [];
    const page = await newPage(env.browser, errors);
    await signIn(page, env.server.url, env.server.tokens.viewer);
    await waitForText(page, 'portal-app >>> .who', 'Viewer');
    const nav = await page.$$eval('portal-app >>> nav#nav a', (links) => links.map((a) => a.textContent?.trim()));
    assert.ok(nav.includes('Incidents') && nav.includes('Trends'));
    assert.ok(!nav.includes('Admin'), 'no admin entry for a viewer');
    assert.equal(await page.$('portal-app >>> a.declare'), null, 'no declare button in the header');
    // The incident list shows incidents, without a declare link.
    await page.waitForSelector('portal-app >>> portal-incidents >>> tbody tr');
    assert.equal(await page.$('portal-app >>> portal-incidents >>> a.button.primary'), null);

    // An open incident: the form says the viewer cannot change it, the board and timeline only show.
    const open = (await env.server.adapter(env.server.tokens.viewer).listIncidents({ open: true })).data[0]!;
    await page.goto(`${env.server.url}/portal/incidents/${open.id}`);
    await waitForText(page, 'portal-app >>> portal-incident >>> hansei-incident-form >>> [part="read-only"]', '');
    await page.waitForSelector('portal-app >>> portal-incident >>> hansei-role-board[readonly]');
    assert.equal(await page.$('portal-app >>> portal-incident >>> hansei-role-board >>> .menu-button'), null, 'no role menus');
    assert.equal(await page.$('portal-app >>> portal-incident >>> hansei-incident-timeline >>> form'), null, 'no timeline composer');
    assert.equal(await page.$('portal-app >>> portal-incident >>> a[href*="/postmortems/new"]'), null, 'no way to start a postmortem');

    // Deep links to write pages refuse in words.
    await page.goto(`${env.server.url}/portal/admin/tokens`);
    await waitForText(page, 'portal-app >>> main .notice', 'Only admins');
    await page.goto(`${env.server.url}/portal/incidents/new`);
    await waitForText(page, 'portal-app >>> main .notice', 'Viewers can read incidents but not declare them');

    // And the server itself refuses a write made with the token anyway.
    await assert.rejects(
      env.server.adapter(env.server.tokens.viewer).updateIncident(open.id, { title: 'Changed by a viewer' }, open.version),
      (error: unknown) => error instanceof HanseiError && error.kind === 'forbidden',
    );
    assert.deepEqual(errors, []);
  });
});
