import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { defineAdapter, HanseiError, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter, type MemoryCall } from '@hansei/adapters/memory';
import type { Person } from '@hansei/core';
import { type HanseiIncidentTimeline } from './incident-timeline.js';
import { setLocale } from '../internal/localization.js';
import { matches, mergeEntries, zonedNow, zonedToIso } from './entries.js';
import '../define/provider.js';


const NOW = Date.parse('2026-11-25T09:00:00.000Z');
/** Open, public, in the demo: 3 updates and 13 timeline events. */
const ID = 'inc_0026';
const ZONE = 'Asia/Tokyo';
const scribe: Person = { id: 'per_tanaka', name: 'Yui Tanaka', email: null, handle: null, timeZone: ZONE };

function memory(options: ConstructorParameters<typeof MemoryAdapter>[0] = {}): MemoryAdapter {
  return new MemoryAdapter({ now: () => NOW, ...options });
}

/** Reads from `source`, writes nothing: capabilities say so. */
function readOnly(source: MemoryAdapter): HanseiAdapter {
  return defineAdapter('read-only', {
    capabilities: { read: ['status', 'incidents', 'people'], write: [], live: true },
    session: (o) => source.session(o),
    getIncident: (id, o) => source.getIncident(id, o),
    listTimeline: (id, o) => source.listTimeline(id, o),
    listPeople: (q, o) => source.listPeople(q, o),
    subscribe: (l, o) => source.subscribe(l, o),
  });
}

const root = (el: HanseiIncidentTimeline): ShadowRoot => el.shadowRoot!;
const entries = (el: HanseiIncidentTimeline): HTMLElement[] => [...root(el).querySelectorAll<HTMLElement>('[part~="entry"]')];
const find = <T extends Element = HTMLElement>(el: HanseiIncidentTimeline, selector: string): T => {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

async function ready(el: HanseiIncidentTimeline): Promise<void> {
  await waitUntil(() => root(el).querySelector('.list, .empty, .error, [part="missing-adapter"]'), 'the timeline did not render');
  await el.updateComplete;
}

/** The element inside a provider with a fixed time zone and person. */
async function mount(adapter: HanseiAdapter, attributes: { id?: string; newestFirst?: boolean; width?: string } = {}): Promise<HanseiIncidentTimeline> {
  const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: ${attributes.width ?? 'auto'}">
    <hansei-provider time-zone=${ZONE} .adapter=${adapter} .person=${scribe}>
      <hansei-incident-timeline incident-id=${attributes.id ?? ID} ?newest-first=${attributes.newestFirst ?? false}></hansei-incident-timeline>
    </hansei-provider>
  </div>`);
  const el = wrapper.querySelector('hansei-incident-timeline')!;
  await ready(el);
  return el;
}

async function choose(el: HanseiIncidentTimeline, show: string): Promise<void> {
  const select = find<HTMLSelectElement>(el, '.filters select');
  select.value = show;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function search(el: HanseiIncidentTimeline, text: string): Promise<void> {
  const input = find<HTMLInputElement>(el, '.filters input[type="search"]');
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function type(el: HanseiIncidentTimeline, text: string): Promise<HTMLTextAreaElement> {
  const textarea = find<HTMLTextAreaElement>(el, 'textarea');
  textarea.focus();
  await sendKeys({ type: text });
  return textarea;
}

const kindText = (entry: HTMLElement): string => entry.querySelector('[part~="kind"]')?.textContent?.trim() ?? '';

describe('hansei-incident-timeline', () => {
  before(async () => {
    await import('../define/incident-timeline.js');
  });

  describe('entries', () => {
    it('merges updates and internal events in time order', async () => {
      const adapter = memory();
      const incident = await adapter.getIncident(ID);
      const timeline = await adapter.listTimeline(ID);
      const el = await mount(adapter);
      const list = entries(el);
      expect(list.length).to.equal(incident.updates.length + timeline.length);
      expect(list.filter((e) => e.classList.contains('update')).length).to.equal(incident.updates.length);
      const times = list.map((e) => Date.parse(e.querySelector('time')!.getAttribute('datetime')!));
      expect(times).to.deep.equal([...times].sort((a, b) => a - b));
      // An update comes before the events logged at the same instant.
      const firstUpdate = list.findIndex((e) => e.classList.contains('update'));
      const sameTime = list.filter((e) => e.querySelector('time')!.getAttribute('datetime') === list[firstUpdate]!.querySelector('time')!.getAttribute('datetime'));
      expect(sameTime[0]).to.equal(list[firstUpdate]);
    });

    it('shows each time in the viewer time zone, a kind icon and words, and the author', async () => {
      const adapter = memory();
      const timeline = await adapter.listTimeline(ID);
      const el = await mount(adapter);
      const event = timeline.find((e) => e.authorId !== null)!;
      const entry = root(el).querySelector<HTMLElement>(`[data-key="e:${event.id}"]`)!;
      const expected = new Intl.DateTimeFormat('en', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(Date.parse(event.at));
      expect(entry.querySelector('time')!.textContent).to.equal(expected);
      expect(entry.querySelector('time')!.getAttribute('datetime')).to.equal(event.at);
      expect(entry.querySelector('[part~="icon"] svg')!.getAttribute('aria-hidden')).to.equal('true');
      expect(kindText(entry)).to.not.equal('');
      const people = await adapter.listPeople({ limit: 200 });
      const author = people.data.find((p) => p.id === event.authorId)!;
      await waitUntil(() => entry.querySelector('[part~="author"]'), 'no author shown');
      expect(entry.querySelector('[part~="author"]')!.textContent).to.equal(author.name);
      expect(find(el, '[part="summary"]').textContent).to.contain(ZONE);
    });

    it('adds the date to the times when the entries span days', async () => {
      const adapter = memory();
      const early = await adapter.addTimelineEvent(ID, { body: 'First signs, the day before.', at: '2026-11-23T23:00:00.000Z' });
      const el = await mount(adapter);
      const time = find(el, `[data-key="e:${early.id}"] time`);
      const expected = new Intl.DateTimeFormat('en', { timeZone: ZONE, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(Date.parse(early.at));
      expect(time.textContent).to.equal(expected);
      expect(time.textContent).to.contain('Nov 24');
      expect(time.getAttribute('title')).to.contain('2026');
    });

    it('draws a different icon for every kind', async () => {
      const adapter = memory();
      const el = await mount(adapter);
      const shapes = new Map<string, string>();
      for (const entry of entries(el)) {
        const kind = [...entry.classList].find((c) => !['entry', 'update', 'event', 'pending'].includes(c) && c !== '')!;
        shapes.set(kind, entry.querySelector('svg')!.innerHTML.replace(/<!--[^>]*-->/g, ''));
      }
      expect(new Set(shapes.values()).size).to.equal(shapes.size);
    });

    it('links a timeline event to its link, when safe', async () => {
      const adapter = memory();
      const timeline = await adapter.listTimeline(ID);
      const withLink = timeline.find((e) => e.link !== null)!;
      const el = await mount(adapter);
      const link = find<HTMLAnchorElement>(el, `[data-key="e:${withLink.id}"] [part~="link"]`);
      expect(link.getAttribute('href')).to.equal(withLink.link);
    });

    it('shows newest first, with the composer on top, when asked', async () => {
      const el = await mount(memory(), { newestFirst: true });
      const times = entries(el).map((e) => Date.parse(e.querySelector('time')!.getAttribute('datetime')!));
      expect(times).to.deep.equal([...times].sort((a, b) => b - a));
      const base = find(el, '[part="base"]');
      expect(base.firstElementChild!.getAttribute('part')).to.equal('composer');
    });

    it('says so when there is nothing yet', async () => {
      const source = memory();
      const incident = await source.getIncident(ID);
      const adapter = defineAdapter('empty', {
        capabilities: { read: ['status', 'incidents'], write: [], live: false },
        getIncident: () => Promise.resolve({ ...incident, updates: [] }),
        listTimeline: () => Promise.resolve([]),
      });
      const el = await mount(adapter);
      expect(entries(el).length).to.equal(0);
      expect(find(el, '.empty').textContent).to.contain('Nothing on the timeline yet.');
    });
  });

  describe('filters', () => {
    it('shows updates only, events only, or events of one kind', async () => {
      const adapter = memory();
      const incident = await adapter.getIncident(ID);
      const timeline = await adapter.listTimeline(ID);
      const el = await mount(adapter);
      await choose(el, 'updates');
      expect(entries(el).length).to.equal(incident.updates.length);
      expect(entries(el).every((e) => e.classList.contains('update'))).to.equal(true);
      await choose(el, 'events');
      expect(entries(el).length).to.equal(timeline.length);
      await choose(el, 'component_changed');
      const components = timeline.filter((e) => e.kind === 'component_changed');
      expect(components.length).to.be.greaterThan(0);
      expect(entries(el).length).to.equal(components.length);
      expect(find(el, '[part="summary"]').textContent).to.contain(`Entries shown: ${components.length} of ${incident.updates.length + timeline.length}`);
      await choose(el, 'all');
      expect(entries(el).length).to.equal(incident.updates.length + timeline.length);
    });

    it('searches the text and the author, ignoring case and width', async () => {
      const adapter = memory();
      const timeline = await adapter.listTimeline(ID);
      const el = await mount(adapter);
      await waitUntil(() => root(el).querySelector('[part~="author"]'), 'no author shown');
      const author = root(el).querySelector('[part~="author"]')!.textContent;
      const given = author.split(' ')[0]!;
      await search(el, given.toLowerCase());
      expect(entries(el).length).to.be.greaterThan(0);
      expect(entries(el).every((e) => e.querySelector('[part~="author"]')?.textContent === author || e.textContent.includes(given))).to.equal(true);
      const word = timeline[0]!.body.split(/\s+/).find((w) => w.length > 4)!;
      await search(el, word.toUpperCase());
      const expected = mergeEntries((await adapter.getIncident(ID)).updates, timeline).filter((e) => matches(e, { show: 'all', text: word }));
      expect(entries(el).length).to.equal(expected.length);
      expect(entries(el).length).to.be.greaterThan(0);
      // Full-width letters find their ASCII forms.
      const wide = [...word].map((c) => (/[A-Za-z]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
      await search(el, wide);
      expect(entries(el).length).to.equal(expected.length);
      await search(el, 'ｚｚｚ no such words');
      expect(entries(el).length).to.equal(0);
      expect(find(el, '.empty').textContent).to.contain('No entries match');
    });
  });

  describe('adding events', () => {
    it('adds an event with Enter, keeps focus in the composer, and stores it once', async () => {
      const adapter = memory();
      const before = (await adapter.listTimeline(ID)).length;
      const el = await mount(adapter);
      const textarea = await type(el, 'Restarted the **push** workers');
      const added = oneEvent(el, 'hansei-timeline-event-added');
      await sendKeys({ press: 'Enter' });
      const { detail } = await added;
      expect(detail.event.body).to.equal('Restarted the **push** workers');
      expect(detail.event.kind).to.equal('note');
      await el.updateComplete;
      expect(textarea.value).to.equal('');
      expect(root(el).activeElement).to.equal(textarea);
      const stored = await adapter.listTimeline(ID);
      expect(stored.length).to.equal(before + 1);
      const entry = find(el, `[data-key="e:${detail.event.id}"]`);
      expect(entry.querySelector('strong')!.textContent).to.equal('push');
      expect(entries(el).filter((e) => e.textContent.includes('Restarted the')).length).to.equal(1);
      await waitUntil(() => find(el, '[role="status"].visually-hidden').textContent === 'Added to the timeline.');
    });

    it('starts a new line with Shift+Enter, and adds with Ctrl+Enter too', async () => {
      const adapter = memory();
      const el = await mount(adapter);
      const textarea = await type(el, 'First line');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ type: 'second line' });
      expect(textarea.value).to.equal('First line\nsecond line');
      const added = oneEvent(el, 'hansei-timeline-event-added');
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Control' });
      const { detail } = await added;
      expect(detail.event.body).to.equal('First line\nsecond line');
      await el.updateComplete;
      const entry = find(el, `[data-key="e:${detail.event.id}"]`);
      expect(entry.querySelector('.body br')).to.exist;
    });

    it('does not add while an input method is composing (Japanese kana to kanji)', async () => {
      const adapter = memory();
      const before = (await adapter.listTimeline(ID)).length;
      const el = await mount(adapter);
      const textarea = await type(el, 'kanji');
      const composing = new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, composed: true, cancelable: true });
      textarea.dispatchEvent(composing);
      await el.updateComplete;
      expect(composing.defaultPrevented).to.equal(false);
      expect(textarea.value).to.equal('kanji');
      expect((await adapter.listTimeline(ID)).length).to.equal(before);
    });

    it('takes the kind and a time in the viewer time zone', async () => {
      const adapter = memory();
      const el = await mount(adapter);
      const kind = find<HTMLSelectElement>(el, 'select[name="kind"]');
      kind.value = 'mitigated';
      const at = find<HTMLInputElement>(el, 'input[name="at"]');
      at.value = '2026-11-25T17:30';
      const added = oneEvent(el, 'hansei-timeline-event-added');
      await type(el, 'Rolled back the gateway');
      await sendKeys({ press: 'Enter' });
      const { detail } = await added;
      expect(detail.event.kind).to.equal('mitigated');
      expect(detail.event.at).to.equal('2026-11-25T08:30:00.000Z');
      expect(kind.value).to.equal('note');
      expect(at.value).to.equal('');
    });

    it('refuses an empty event with a message and adds nothing', async () => {
      const adapter = memory();
      const before = (await adapter.listTimeline(ID)).length;
      const el = await mount(adapter);
      const textarea = await type(el, '   ');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(find(el, '#composer-error').textContent).to.contain('Write what happened first.');
      expect(textarea.getAttribute('aria-invalid')).to.equal('true');
      expect(root(el).activeElement).to.equal(textarea);
      expect((await adapter.listTimeline(ID)).length).to.equal(before);
    });

    it('shows the event at once and takes it back, keeping the text, when the adapter refuses', async () => {
      let failing = true;
      const calls: MemoryCall[] = [];
      const adapter = memory({
        latencyMs: 400,
        failWith: (call) => {
          if (call.method !== 'addTimelineEvent') return null;
          calls.push(call);
          return failing ? new HanseiError({ kind: 'unavailable', message: 'The server is busy; try again in a minute.' }) : null;
        },
      });
      const el = await mount(adapter);
      const count = entries(el).length;
      await type(el, 'Paged the database team');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      // Optimistic: shown, marked as saving.
      const pending = entries(el).filter((e) => e.classList.contains('pending'));
      expect(pending.length).to.equal(1);
      expect(pending[0]!.textContent).to.contain('Paged the database team');
      expect(pending[0]!.textContent).to.contain('Saving…');
      // Rolled back, with the reason and the text kept.
      await waitUntil(() => root(el).querySelector('[part~="failure"]'), 'no failure shown');
      expect(entries(el).length).to.equal(count);
      const failure = find(el, '[part~="failure"]');
      expect(failure.textContent).to.contain('The server is busy');
      expect(failure.querySelector('.failed-text')!.textContent).to.equal('Paged the database team');
      expect(failure.querySelector('[role="alert"]')).to.exist;
      // Try again: the same idempotency key, stored once.
      failing = false;
      const added = oneEvent(el, 'hansei-timeline-event-added');
      failure.querySelector<HTMLButtonElement>('button')!.click();
      await added;
      await el.updateComplete;
      expect(root(el).querySelector('[part~="failure"]')).to.equal(null);
      const keys = calls.map((c) => (c.args[2] as { idempotencyKey: string }).idempotencyKey);
      expect(keys.length).to.equal(2);
      expect(keys[1]).to.equal(keys[0]);
      expect((await adapter.listTimeline(ID)).filter((e) => e.body === 'Paged the database team').length).to.equal(1);
      expect(entries(el).filter((e) => e.textContent.includes('Paged the database team')).length).to.equal(1);
    });

    it('keeps what is being written, and refused events, through a reload', async () => {
      const adapter = memory({ failWith: (call) => (call.method === 'addTimelineEvent' ? new HanseiError({ kind: 'network', message: 'Offline.' }) : null) });
      const el = await mount(adapter);
      await type(el, 'Refused one');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).querySelector('[part~="failure"]'));
      await type(el, 'Half-written note');
      const reloaded = el.reload();
      await el.updateComplete;
      expect(root(el).querySelector('textarea')).to.equal(null); // the loading state replaced the view
      await reloaded;
      await el.updateComplete;
      expect(find<HTMLTextAreaElement>(el, 'textarea').value).to.equal('Half-written note');
      expect(find(el, '[part~="failure"] .failed-text').textContent).to.equal('Refused one');
    });

    it('discards a refused event on request', async () => {
      const adapter = memory({ failWith: (call) => (call.method === 'addTimelineEvent' ? new HanseiError({ kind: 'network', message: 'Offline.' }) : null) });
      const el = await mount(adapter);
      await type(el, 'Will fail');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).querySelector('[part~="failure"]'));
      const discard = [...find(el, '[part~="failure"]').querySelectorAll('button')].find((b) => b.textContent.includes('Discard'))!;
      discard.click();
      await el.updateComplete;
      expect(root(el).querySelector('[part~="failure"]')).to.equal(null);
      expect(root(el).activeElement).to.equal(find(el, 'textarea'));
    });
  });

  describe('live', () => {
    it('shows events and updates made elsewhere as they happen', async () => {
      const adapter = memory();
      const el = await mount(adapter);
      const count = entries(el).length;
      const other = adapter.as('responder');
      const event = await other.addTimelineEvent(ID, { kind: 'action', body: 'Scaled the notification workers to 12.' });
      await waitUntil(() => root(el).querySelector(`[data-key="e:${event.id}"]`), 'live event did not appear');
      expect(kindText(find(el, `[data-key="e:${event.id}"]`))).to.equal('Action taken');
      await waitUntil(() => find(el, '[role="status"].visually-hidden').textContent.includes('New timeline event'));
      const posted = await other.postIncidentUpdate(ID, { status: 'resolved', body: 'Notifications are delivered on time again.' });
      await waitUntil(() => root(el).querySelector(`[data-key="u:${posted.update.id}"]`), 'live update did not appear');
      expect(entries(el).length).to.be.greaterThan(count + 1);
      // Taken out of the page and put back: still live.
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await waitUntil(() => root(el).querySelector('.list'), 'did not render again');
      const again = await other.addTimelineEvent(ID, { body: 'After moving the element.' });
      await waitUntil(() => root(el).querySelector(`[data-key="e:${again.id}"]`), 'not live after reconnecting');
      // Events of other incidents stay out.
      await other.addTimelineEvent('inc_0027', { body: 'Elsewhere.' });
      await el.updateComplete;
      expect(entries(el).some((e) => e.textContent.includes('Elsewhere.'))).to.equal(false);
    });
  });

  describe('safe markdown', () => {
    it('renders hostile markdown inert, with its text intact', async () => {
      const adapter = memory();
      const hostile = [
        '<script>window.__hanseiPwned = 1</script>',
        '<img src=x onerror="window.__hanseiPwned = 2"> <iframe src="javascript:window.__hanseiPwned = 3"></iframe>',
        '[click me](javascript:window.__hanseiPwned=4) [data](data:text/html,<script>alert(1)</script>) <javascript:alert(1)>',
        '[mixed](JaVaScRiPt:alert(1)) [ent](javascript&#58;alert(1)) &lt;b&gt;entity&lt;/b&gt; &amp;',
        '***nested *emphasis* here*** and **a _b **c** d_ e**',
        `long ${'x'.repeat(3000)}`,
        '[fine](https://ok.example/path) https://bare.example/x.',
      ].join('\n\n');
      const body = `${hostile}\n\n${'word '.repeat(1400)}`;
      expect(body.length).to.be.greaterThan(10_000);
      const event = await adapter.addTimelineEvent(ID, { body });
      const el = await mount(adapter, { width: '320px' });
      const entry = find(el, `[data-key="e:${event.id}"]`);
      const content = entry.querySelector('.body')!;
      expect(content.querySelectorAll('script, img, iframe, object, embed, svg').length).to.equal(0);
      for (const a of content.querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^(https?:\/\/|mailto:)/);
      expect([...content.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://ok.example/path', 'https://bare.example/x']);
      expect([...content.querySelectorAll('*')].some((n) => [...n.attributes].some((attr) => attr.name.startsWith('on')))).to.equal(false);
      const text = content.textContent;
      expect(text).to.contain('<script>window.__hanseiPwned = 1</script>');
      expect(text).to.contain('<img src=x onerror="window.__hanseiPwned = 2">');
      expect(text).to.contain('click me');
      expect(text).to.contain('<b>entity</b> &');
      expect(content.querySelector('em strong, strong em')).to.exist;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __hanseiPwned?: number }).__hanseiPwned).to.equal(undefined);
      // A 3,000-character word wraps inside 320 px instead of widening the element.
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(content.scrollWidth).to.be.at.most(content.clientWidth + 1);
    });
  });

  describe('access', () => {
    it('shows no composer with a read-only adapter or a viewer', async () => {
      const adapter = memory();
      const readOnlyEl = await mount(readOnly(adapter));
      expect(entries(readOnlyEl).length).to.be.greaterThan(0);
      expect(root(readOnlyEl).querySelector('[part="composer"], textarea')).to.equal(null);
      const viewer = await mount(adapter.as('viewer'));
      expect(entries(viewer).some((e) => e.classList.contains('event'))).to.equal(true);
      expect(root(viewer).querySelector('[part="composer"]')).to.equal(null);
    });

    it('shows public updates to an anonymous reader and says internal events need sign-in', async () => {
      const adapter = memory();
      const incident = await adapter.getIncident(ID);
      const el = await mount(adapter.as(null));
      expect(entries(el).length).to.equal(incident.updates.filter((u) => u.visibility === 'public').length);
      expect(entries(el).every((e) => e.classList.contains('update'))).to.equal(true);
      expect(find(el, '[part="notice"]').textContent).to.contain('Internal events need sign-in');
      expect(root(el).querySelector('optgroup')).to.equal(null);
      expect(root(el).querySelector('[part="composer"]')).to.equal(null);
    });

    it('shows updates from an adapter without a timeline (like Statuspage)', async () => {
      const source = memory().as(null);
      const adapter = defineAdapter('statuspage-like', {
        capabilities: { read: ['status'], write: [], live: false },
        getIncident: (id, o) => source.getIncident(id, o),
      });
      const el = await mount(adapter);
      expect(entries(el).length).to.be.greaterThan(0);
      expect(find(el, '[part="notice"]').textContent).to.contain('public updates only');
    });
  });

  describe('errors and missing pieces', () => {
    it('says why it could not load, and tries again', async () => {
      let failing = true;
      const adapter = memory({ failWith: (call) => (failing && call.method === 'getIncident' ? new HanseiError({ kind: 'network', message: 'The network is unreachable.' }) : null) });
      const el = await mount(adapter);
      expect(find(el, '.error').textContent).to.contain('The network is unreachable.');
      failing = false;
      find<HTMLButtonElement>(el, '.button').click();
      await waitUntil(() => root(el).querySelector('.list'), 'did not load on retry');
    });

    it('says when the incident does not exist', async () => {
      const el = await mount(memory(), { id: 'inc_nope' });
      expect(find(el, '.error').textContent).to.contain('No incident with the id inc_nope');
    });

    it('says when it has no adapter or no incident id', async () => {
      const bare = await fixture<HanseiIncidentTimeline>(html`<hansei-incident-timeline incident-id=${ID}></hansei-incident-timeline>`);
      expect(find(bare, '[part="missing-adapter"]').textContent).to.contain('No data source');
      const noId = await fixture<HanseiIncidentTimeline>(html`<hansei-incident-timeline></hansei-incident-timeline>`);
      noId.adapter = memory();
      await noId.updateComplete;
      expect(find(noId, '[part="notice"]').textContent).to.contain('incident-id');
    });
  });

  describe('long incidents', () => {
    it('renders 500 events, and filters them', async () => {
      const adapter = memory();
      const base = Date.parse('2026-11-25T05:00:00.000Z');
      for (let i = 0; i < 500; i++) {
        await adapter.addTimelineEvent(ID, { kind: i % 10 === 0 ? 'action' : 'note', body: `Check ${i}: latency **${i % 7}** ms, see https://grafana.example/d/${i}`, at: new Date(base + i * 20_000).toISOString() });
      }
      const el = await mount(adapter);
      const total = (await adapter.listTimeline(ID)).length + (await adapter.getIncident(ID)).updates.length;
      expect(entries(el).length).to.equal(total);
      await choose(el, 'action');
      expect(entries(el).length).to.be.at.least(50);
      await search(el, 'Check 490');
      expect(entries(el).length).to.equal(1);
    });
  });

  describe('accessibility, theme, language, width', () => {
    after(async () => {
      await setLocale('en');
      await emulateMedia({ colorScheme: 'light' });
    });

    it('has no axe violations in light', async () => {
      const el = await mount(memory());
      await expect(el).to.be.accessible();
    });

    it('has no axe violations in dark, with a refused event shown', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const adapter = memory({ failWith: (call) => (call.method === 'addTimelineEvent' ? new HanseiError({ kind: 'network', message: 'Offline.' }) : null) });
      const wrapper = await fixture<HTMLElement>(html`<div style="background: #0d1117; --hansei-color-scheme: dark">
        <hansei-incident-timeline incident-id=${ID}></hansei-incident-timeline>
      </div>`);
      const el = wrapper.querySelector('hansei-incident-timeline')!;
      el.adapter = adapter;
      await waitUntil(() => root(el).querySelector('.list'), 'no list');
      await type(el, 'x');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).querySelector('[part~="failure"]'));
      expect(getComputedStyle(find(el, '[part="base"]')).backgroundColor).to.equal('rgb(13, 17, 23)');
      await expect(wrapper).to.be.accessible();
    });

    it('speaks Japanese and has no axe violations', async () => {
      await setLocale('ja');
      const el = await mount(memory(), { id: 'inc_0027' });
      expect(find(el, 'textarea').closest('label')!.textContent).to.contain('何が起きたか');
      expect(find(el, '[part="base"]').getAttribute('lang')).to.equal('ja');
      const time = new Intl.DateTimeFormat('ja', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(Date.parse(entries(el)[0]!.querySelector('time')!.getAttribute('datetime')!));
      expect(entries(el)[0]!.querySelector('time')!.textContent).to.equal(time);
      await expect(el).to.be.accessible();
      await setLocale('en');
    });

    it('lets the list scroll inside a height, reachable from the keyboard', async () => {
      const el = await mount(memory());
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(find(el, '[part="list"]').hasAttribute('tabindex')).to.equal(false);
      const bounded = await fixture<HTMLElement>(html`<div style="--hansei-timeline-max-height: 200px">
        <hansei-incident-timeline incident-id=${ID}></hansei-incident-timeline>
      </div>`);
      const inner = bounded.querySelector('hansei-incident-timeline')!;
      inner.adapter = memory();
      await waitUntil(() => root(inner).querySelector('.list'), 'no list');
      await inner.updateComplete;
      const list = find(inner, '[part="list"]');
      expect(list.getBoundingClientRect().height).to.be.at.most(200);
      await waitUntil(() => list.getAttribute('tabindex') === '0', 'the bounded list is not focusable');
      await expect(inner).to.be.accessible();
    });

    it('fits 320 px', async () => {
      const el = await mount(memory(), { width: '320px' });
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      const base = find(el, '[part="base"]');
      expect(base.scrollWidth).to.be.at.most(320);
      for (const part of ['filters', 'composer']) {
        const node = find(el, `[part="${part}"]`);
        expect(node.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
      }
    });
  });
});

describe('timeline entries', () => {
  it('converts wall-clock times in a time zone to UTC, across daylight saving', () => {
    expect(zonedToIso('2026-11-25T17:30', 'Asia/Tokyo')).to.equal('2026-11-25T08:30:00.000Z');
    expect(zonedToIso('2026-07-01T09:00', 'America/New_York')).to.equal('2026-07-01T13:00:00.000Z');
    expect(zonedToIso('2026-12-01T09:00', 'America/New_York')).to.equal('2026-12-01T14:00:00.000Z');
    // Skipped (clocks forward at 02:00): read with the offset before, 03:30 EDT.
    expect(zonedToIso('2026-03-08T02:30', 'America/New_York')).to.equal('2026-03-08T07:30:00.000Z');
    // Twice (clocks back at 02:00): the earlier, 01:30 EDT.
    expect(zonedToIso('2026-11-01T01:30', 'America/New_York')).to.equal('2026-11-01T05:30:00.000Z');
    expect(zonedToIso('yesterday', 'UTC')).to.equal(null);
    expect(zonedNow('Asia/Tokyo', Date.parse('2026-11-25T08:30:00.000Z'))).to.equal('2026-11-25T17:30');
  });

  it('places pending events by their time, or last when they have none', () => {
    const event = { id: 'e1', incidentId: ID, kind: 'note' as const, at: '2026-11-25T08:00:00.000Z', body: 'a', authorId: null, link: null };
    const late = { key: 'k1', kind: 'note' as const, body: 'b', at: '2020-01-01T00:00:00.000Z', timed: false, authorId: null };
    const timed = { key: 'k2', kind: 'note' as const, body: 'c', at: '2026-11-25T07:00:00.000Z', timed: true, authorId: null };
    expect(mergeEntries([], [event], [late, timed]).map((e) => e.key)).to.deep.equal(['p:k2', 'e:e1', 'p:k1']);
  });
});
