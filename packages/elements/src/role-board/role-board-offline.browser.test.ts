import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '@hansei/adapters/memory';
import type { HanseiAdapter } from '@hansei/adapters';
import type { AnnounceDetail } from '../internal/announcer.js';
import { offlineAdapter } from '../internal/offline-fixtures.test.js';
import type { HanseiRoleBoard } from './role-board.js';
import '../define/role-board.js';

const NOW = Date.parse('2026-11-25T09:30:00.000Z');
const CHECKIN = 'inc_0027';
const QUEUED = 'Offline: your changes are kept on this device and will be saved when the connection returns.';
const cleanups: (() => void | Promise<void>)[] = [];

const root = (el: HanseiRoleBoard) => el.shadowRoot!;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const holders = (el: HanseiRoleBoard, role: string) =>
  [...root(el).querySelectorAll(`li[data-role="${role}"] .holders .grab, li[data-role="${role}"] .holders .name`)].map((n) => n.textContent?.trim() ?? '');
const busy = (el: HanseiRoleBoard) => root(el).querySelector('section.board')?.getAttribute('aria-busy');

async function board(source: HanseiAdapter): Promise<{ el: HanseiRoleBoard; heard: AnnounceDetail[] }> {
  const el = await fixture<HanseiRoleBoard>(html`<hansei-role-board incident-id=${CHECKIN} .adapter=${source}></hansei-role-board>`);
  const heard: AnnounceDetail[] = [];
  el.addEventListener('hansei-announce', (e) => heard.push(e.detail));
  await waitUntil(() => busy(el) === 'false', 'the board did not load');
  return { el, heard };
}

/** Picks `item` from the menu of the chip matching `selector`. */
async function choose(el: HanseiRoleBoard, selector: string, item: string): Promise<void> {
  const button = root(el).querySelector<HTMLButtonElement>(`${selector} .menu-button`)!;
  button.click();
  await el.updateComplete;
  const menu = root(el).getElementById(button.getAttribute('aria-controls')!)!;
  const found = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((i) => text(i).startsWith(item));
  if (!found) throw new Error(`no menu item ${item}`);
  found.click();
  await el.updateComplete;
}

describe('hansei-role-board offline (withOffline)', () => {
  afterEach(async () => {
    for (const undo of cleanups.splice(0)) await undo();
  });

  it('keeps a role given offline on the board, says it waits, and confirms it once sent', async () => {
    const backend = new MemoryAdapter({ now: () => NOW });
    const { adapter, connect } = await offlineAdapter(cleanups, backend);
    const { el, heard } = await board(adapter);
    await choose(el, '[data-person="per_nakamura"][data-assignment=""]', 'Deputy');
    await waitUntil(() => text(root(el).querySelector('[part="queued"]')) === QUEUED, 'the note that it waits');
    expect(holders(el, 'deputy')).to.deep.equal(['Mei Nakamura']);
    expect(root(el).querySelector('[part="message"]'), 'no error, nothing undone').to.equal(null);
    expect(heard.map((h) => h.message)).to.include(QUEUED);
    expect((await backend.listIncidentRoles(CHECKIN)).history.some((a) => a.personId === 'per_nakamura')).to.equal(false);
    await expect(el).to.be.accessible();

    connect();
    await waitUntil(() => busy(el) === 'false' && !root(el).querySelector('[part="queued"]'), 'the change sent');
    expect(holders(el, 'deputy')).to.deep.equal(['Mei Nakamura']);
    const stored = (await backend.listIncidentRoles(CHECKIN)).history.find((a) => a.personId === 'per_nakamura');
    expect(stored?.role).to.equal('deputy');
    expect(heard.at(-1)?.message).to.equal('Back online: the changes you made offline are saved.');
  });

  it('says so and shows the roles as they are when the change made offline is refused', async () => {
    const backend = new MemoryAdapter({ now: () => NOW });
    const { adapter, connect } = await offlineAdapter(cleanups, backend);
    const { el } = await board(adapter);
    await choose(el, 'li[data-role="incident_commander"] .holders [data-person="per_yamamoto"]', 'Release');
    await waitUntil(() => root(el).querySelector('[part="queued"]'), 'the note that it waits');
    expect(holders(el, 'incident_commander')).to.deep.equal([]);
    // Meanwhile someone else releases that assignment first.
    const ic = (await backend.listIncidentRoles(CHECKIN)).history.find((a) => a.role === 'incident_commander' && a.releasedAt === null)!;
    await backend.as('responder').releaseRole(CHECKIN, { assignmentId: ic.id });
    await backend.as('responder').assignRole(CHECKIN, { role: 'incident_commander', personId: 'per_suzuki' });
    connect();
    await waitUntil(() => root(el).querySelector('[part="message"]'), 'the refusal shown');
    expect(text(root(el).querySelector('[part="message"]'))).to.match(/^The changes you made offline were not saved: .+ The board shows the roles as they are now\./);
    await waitUntil(() => holders(el, 'incident_commander').length === 1, 'the roles as they are');
    expect(holders(el, 'incident_commander')).to.deep.equal(['Haruka Suzuki']);
  });
});
