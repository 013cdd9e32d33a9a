import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter } from '@hansei/adapters/memory';
import type { Drafts } from '@hansei/adapters/offline';
import { freshDrafts as sharedFreshDrafts } from '../internal/drafts-fixtures.test.js';
import { offlineAdapter } from '../internal/offline-fixtures.test.js';
import type { HanseiIncidentForm } from './incident-form.js';
import '../define/incident-form.js';

const NOW = Date.UTC(2026, 10, 25, 9, 30);
const OPEN_ID = 'inc_0026';
const NEW_KEY = { element: 'hansei-incident-form', entity: 'new' } as const;
const QUEUED = 'Offline: your changes are kept on this device and will be saved when the connection returns.';

const cleanups: (() => void | Promise<void>)[] = [];
const freshDrafts = () => sharedFreshDrafts(cleanups);

const $ = <T extends Element = HTMLElement>(el: HanseiIncidentForm, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
const text = (el: HanseiIncidentForm, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function type(el: HanseiIncidentForm, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function form(adapter: HanseiAdapter, drafts: Drafts, incidentId?: string): Promise<HanseiIncidentForm> {
  const el = await fixture<HanseiIncidentForm>(html`<hansei-incident-form .adapter=${adapter} .drafts=${drafts} .templates=${[]}></hansei-incident-form>`);
  if (incidentId) el.setAttribute('incident-id', incidentId);
  await waitUntil(() => $(el, 'form'), 'the form did not load', { timeout: 3000 });
  await el.updateComplete;
  return el;
}

describe('hansei-incident-form offline (withOffline)', () => {
  afterEach(async () => {
    for (const undo of cleanups.splice(0)) await undo();
  });

  it('says a declare made offline waits, keeps the draft, and finishes when it is sent', async () => {
    const backend = new MemoryAdapter({ now: () => NOW });
    const { adapter, connect } = await offlineAdapter(cleanups, backend);
    const drafts = await freshDrafts();
    const el = await form(adapter, drafts);
    await type(el, '#f-title', 'Bookings fail on the train');
    ($(el, 'input[name="severity"][value="SEV2"]') as HTMLInputElement).click();
    await el.updateComplete;
    expect(await el.submit()).to.equal(null);
    await el.updateComplete;
    expect(text(el, '[part="queued"]')).to.equal(QUEUED);
    expect($(el, '[part="action-error"]'), 'no error').to.equal(null);
    expect($<HTMLInputElement>(el, '#f-title')!.value).to.equal('Bookings fail on the train');
    await drafts.flush();
    expect((await drafts.loadDraft<{ model: { title: string } }>(NEW_KEY))?.value.model.title).to.equal('Bookings fail on the train');
    await expect(el).to.be.accessible();

    const declared = oneEvent(el, 'hansei-incident-declared');
    connect();
    const { detail } = await declared;
    expect(detail.incident.title).to.equal('Bookings fail on the train');
    expect((await backend.getIncident(detail.incident.id)).severity).to.equal('SEV2');
    await el.updateComplete;
    expect($(el, '[part="queued"]')).to.equal(null);
    expect(text(el, '[part="done"]')).to.equal('Back online: the changes you made offline are saved.');
    expect($<HTMLInputElement>(el, '#f-title')!.value).to.equal('');
    await waitUntil(async () => (await drafts.loadDraft(NEW_KEY)) === null, 'the draft is discarded once sent');
  });

  it('queues an update behind the field change it goes with, and shows the incident as saved once both are sent', async () => {
    const backend = new MemoryAdapter({ now: () => NOW });
    const { adapter, connect } = await offlineAdapter(cleanups, backend);
    const el = await form(adapter, await freshDrafts(), OPEN_ID);
    await waitUntil(() => $<HTMLInputElement>(el, '#f-title')?.value, 'the incident loaded');
    await type(el, '#f-title', 'Push notifications late for everyone');
    await type(el, '#f-message', 'Written offline: still looking.');
    expect(await el.submit()).to.equal(null);
    await el.updateComplete;
    expect(text(el, '[part="queued"]')).to.equal(QUEUED);
    expect((await adapter.outbox.list()).map((e) => e.method)).to.deep.equal(['updateIncident', 'postIncidentUpdate']);

    const updated = oneEvent(el, 'hansei-incident-updated');
    connect();
    const { detail } = await updated;
    expect(detail.incident.title).to.equal('Push notifications late for everyone');
    expect(detail.update?.body).to.equal('Written offline: still looking.');
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#f-message')!.value).to.equal('');
    expect(await adapter.outbox.list()).to.deep.equal([]);
  });

  it('keeps what was written and says why when the queued change is refused on reconnect', async () => {
    const backend = new MemoryAdapter({ now: () => NOW });
    const { adapter, connect } = await offlineAdapter(cleanups, backend);
    const drafts = await freshDrafts();
    const el = await form(adapter, drafts, OPEN_ID);
    await waitUntil(() => $<HTMLInputElement>(el, '#f-title')?.value, 'the incident loaded');
    await type(el, '#f-title', 'Mine, written offline');
    expect(await el.submit()).to.equal(null);
    // Meanwhile someone else renames it.
    const now = await backend.getIncident(OPEN_ID);
    await backend.as('responder').updateIncident(OPEN_ID, { title: 'Theirs' }, now.version);
    connect();
    await waitUntil(() => $(el, '[part="action-error"]'), 'the refusal shown');
    expect(text(el, '[part="action-error"]')).to.match(/The changes you made offline were not saved: .+ What you wrote is still here\./);
    expect($(el, '[part="queued"]')).to.equal(null);
    expect($<HTMLInputElement>(el, '#f-title')!.value).to.equal('Mine, written offline');
    await drafts.flush();
    expect(await drafts.loadDraft({ element: 'hansei-incident-form', entity: OPEN_ID })).to.not.equal(null);
    expect((await adapter.outbox.list()).map((e) => e.state)).to.deep.equal(['failed']);
  });

  it('declares once when the page reloads while the declare waits and the restored draft is sent again', async () => {
    const backend = new MemoryAdapter({ now: () => NOW });
    const { adapter, connect } = await offlineAdapter(cleanups, backend);
    const drafts = await freshDrafts();
    const before = (await backend.listIncidents({ limit: 100 })).data.length;
    const first = await form(adapter, drafts);
    await type(first, '#f-title', 'Turnstiles reject passes');
    ($(first, 'input[name="severity"][value="SEV2"]') as HTMLInputElement).click();
    await first.updateComplete;
    expect(await first.submit()).to.equal(null);
    await drafts.flush();
    // The page reloads: a new element, the same drafts and outbox. The draft comes back, and the
    // person, not knowing the declare waits, sends it again.
    first.remove();
    const again = await form(adapter, drafts);
    expect($<HTMLInputElement>(again, '#f-title')!.value).to.equal('Turnstiles reject passes');
    expect(await again.submit()).to.equal(null);
    const queued = await adapter.outbox.list();
    expect(queued.map((e) => e.method)).to.deep.equal(['declareIncident', 'declareIncident']);
    expect(queued[1]!.idempotencyKey, 'the same create, by its key').to.equal(queued[0]!.idempotencyKey);

    const declared = oneEvent(again, 'hansei-incident-declared');
    connect();
    await declared;
    await waitUntil(async () => (await adapter.outbox.list()).length === 0, 'the outbox emptied');
    const titles = (await backend.listIncidents({ limit: 100 })).data.map((i) => i.title);
    expect(titles.filter((t) => t === 'Turnstiles reject passes'), 'one incident').to.have.length(1);
    expect(titles).to.have.length(before + 1);
  });
});
