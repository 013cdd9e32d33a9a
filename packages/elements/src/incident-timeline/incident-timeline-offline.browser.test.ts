import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '@hansei/adapters/memory';
import type { HanseiAdapter } from '@hansei/adapters';
import type { Person } from '@hansei/core';
import { offlineAdapter } from '../internal/offline-fixtures.test.js';
import type { HanseiIncidentTimeline } from './incident-timeline.js';
import '../define/incident-timeline.js';
import '../define/provider.js';

const NOW = Date.parse('2026-11-25T09:00:00.000Z');
const ID = 'inc_0026';
const scribe: Person = { id: 'per_tanaka', name: 'Yui Tanaka', email: null, handle: null, timeZone: 'Asia/Tokyo' };
const QUEUED = 'Offline: your changes are kept on this device and will be saved when the connection returns.';
const cleanups: (() => void | Promise<void>)[] = [];

const root = (el: HanseiIncidentTimeline) => el.shadowRoot!;
const text = (el: HanseiIncidentTimeline, selector: string) => root(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const entryWith = (el: HanseiIncidentTimeline, body: string) => [...root(el).querySelectorAll<HTMLElement>('[part~="entry"]')].find((e) => e.textContent?.includes(body));

async function mount(adapter: HanseiAdapter): Promise<HanseiIncidentTimeline> {
  const wrapper = await fixture<HTMLElement>(html`<hansei-provider time-zone="Asia/Tokyo" .adapter=${adapter} .person=${scribe}>
    <hansei-incident-timeline incident-id=${ID}></hansei-incident-timeline>
  </hansei-provider>`);
  const el = wrapper.querySelector('hansei-incident-timeline')!;
  await waitUntil(() => root(el).querySelector('form'), 'the composer did not render');
  return el;
}

async function add(el: HanseiIncidentTimeline, body: string): Promise<void> {
  root(el).querySelector('textarea')!.value = body;
  root(el).querySelector<HTMLFormElement>('form[part~="composer"], form')!.requestSubmit();
  await el.updateComplete;
}

describe('hansei-incident-timeline offline (withOffline)', () => {
  afterEach(async () => {
    for (const undo of cleanups.splice(0)) await undo();
  });

  it('shows an event added offline as saving, says it waits, and keeps it until it is sent', async () => {
    const backend = new MemoryAdapter({ now: () => NOW });
    const { adapter, connect } = await offlineAdapter(cleanups, backend);
    const el = await mount(adapter);
    await add(el, 'Rolled back the push gateway (offline).');
    await waitUntil(() => text(el, '[part="queued"]') === QUEUED, 'the note that it waits');
    expect(entryWith(el, 'Rolled back the push gateway')?.classList.contains('pending')).to.equal(true);
    expect(root(el).querySelector('[part="failure"]'), 'not shown as a failure').to.equal(null);
    await expect(el).to.be.accessible();

    const added = oneEvent(el, 'hansei-timeline-event-added');
    connect();
    const { detail } = await added;
    expect(detail.event.body).to.equal('Rolled back the push gateway (offline).');
    await el.updateComplete;
    expect(root(el).querySelector('[part="queued"]')).to.equal(null);
    expect(entryWith(el, 'Rolled back the push gateway')?.classList.contains('pending')).to.equal(false);
    const stored = await backend.listTimeline(ID);
    expect(stored.filter((e) => e.body === 'Rolled back the push gateway (offline).')).to.have.length(1);
  });

  it('offers the text back when the queued event is discarded from the outbox', async () => {
    const { adapter } = await offlineAdapter(cleanups, new MemoryAdapter({ now: () => NOW }));
    const el = await mount(adapter);
    await add(el, 'A note I will drop.');
    await waitUntil(() => root(el).querySelector('[part="queued"]'), 'the note that it waits');
    const [entry] = await adapter.outbox.list();
    await adapter.outbox.resolve(entry!.id, 'discard');
    await waitUntil(() => root(el).querySelector('[part="failure"]'), 'the discarded event offered back');
    expect(text(el, '[part="failure"]')).to.contain('A note I will drop.').and.contain('discarded from the outbox');
    expect(root(el).querySelector('[part="queued"]')).to.equal(null);
  });
});
