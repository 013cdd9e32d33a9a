import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import { HanseiError, StatuspageAdapter, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter } from '@hansei/adapters/memory';
import { openStatusStore, withStatusCache } from '@hansei/adapters/offline/status';
import type { Incident, StatusSnapshot } from '@hansei/core';
import { HanseiIncidentFeed } from './incident-feed.js';
import { incidentFeedTemplate, type FeedView } from './incident-feed.template.js';
import { monthLabel, monthOf, monthRange, shiftMonth } from './months.js';
import { setLocale } from '../internal/localization.js';
import '../define/provider.js';

const registeredByClassModule = customElements.get('hansei-incident-feed');

const NOW = Date.parse('2026-11-25T09:30:00.000Z');
const ZONE = 'Asia/Tokyo';

const root = (el: HTMLElement): ShadowRoot => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const openItems = (el: HanseiIncidentFeed) => [...root(el).querySelectorAll<HTMLElement>('.open .incident')];
const historyItems = (el: HanseiIncidentFeed) => [...root(el).querySelectorAll<HTMLElement>('.history .incident')];
const titles = (items: HTMLElement[]) => items.map((i) => text(i.querySelector('.title')));
const button = (el: HanseiIncidentFeed, selector: string) => root(el).querySelector<HTMLButtonElement>(selector);
const monthShown = (el: HanseiIncidentFeed) => text(root(el).querySelector('.month'));

function memory(options: ConstructorParameters<typeof MemoryAdapter>[0] = {}): MemoryAdapter {
  return new MemoryAdapter({ now: () => NOW, role: null, ...options });
}

/** The feed inside a provider in Tokyo, once it shows something for both sections. */
async function mount(adapter: HanseiAdapter, attributes: { month?: string; show?: FeedView; width?: string; pageSize?: number; now?: number } = {}): Promise<HanseiIncidentFeed> {
  const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: ${attributes.width ?? '720px'}">
    <hansei-provider time-zone=${ZONE} .adapter=${adapter}>
      <hansei-incident-feed
        href-template="/incidents/{id}"
        month=${attributes.month ?? ''}
        show=${attributes.show ?? 'all'}
        page-size=${attributes.pageSize ?? 20}
        .now=${attributes.now ?? NOW}
      ></hansei-incident-feed>
    </hansei-provider>
  </div>`);
  const el = wrapper.querySelector('hansei-incident-feed')!;
  await settled(el);
  return el;
}

/** Waits until nothing is loading. */
async function settled(el: HanseiIncidentFeed): Promise<void> {
  await waitUntil(() => el.shadowRoot && !el.shadowRoot.querySelector('[part="loading"]') && el.shadowRoot.querySelector('.base, [part="missing-adapter"]'), 'still loading', { timeout: 4000 });
  await el.updateComplete;
}

/** Answers from recorded Statuspage payloads (the fetch is the edge of the world). */
function statuspage(files: Record<string, string>, now: number): StatuspageAdapter & { requests: string[] } {
  const requests: string[] = [];
  const fetchStub = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    requests.push(url.pathname);
    const file = files[url.pathname];
    if (!file) return new Response('Not Found', { status: 404 });
    const body = await (await fetch(new URL(`../../../adapters/src/statuspage/fixtures/${file}`, import.meta.url))).text();
    return new Response(body, { headers: { 'content-type': 'application/json' } });
  };
  return Object.assign(new StatuspageAdapter({ baseUrl: 'https://www.githubstatus.com', fetch: fetchStub, now: () => now }), { requests });
}

describe('hansei-incident-feed', () => {
  before(async () => {
    await import('../define/incident-feed.js');
  });

  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await setLocale('en');
  });

  it('is not registered by the class module, and is by the define module', async () => {
    expect(registeredByClassModule).to.equal(undefined);
    const module = await import('../define/incident-feed.js');
    expect(customElements.get('hansei-incident-feed')).to.equal(HanseiIncidentFeed);
    expect(module.HanseiIncidentFeed).to.equal(HanseiIncidentFeed);
  });

  describe('months', () => {
    it('cuts months at local midnight, across clock changes', () => {
      expect(monthRange('2026-11', 'Asia/Tokyo')).to.deep.equal({ from: '2026-10-31T15:00:00.000Z', to: '2026-11-30T15:00:00.000Z' });
      // Los Angeles is on daylight time on 1 November 2026 (the clock goes back later that night).
      expect(monthRange('2026-11', 'America/Los_Angeles')).to.deep.equal({ from: '2026-11-01T07:00:00.000Z', to: '2026-12-01T08:00:00.000Z' });
      expect(monthRange('2026-03', 'UTC')).to.deep.equal({ from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
      expect(shiftMonth('2026-01', -1)).to.equal('2025-12');
      expect(shiftMonth('2026-12', 1)).to.equal('2027-01');
      expect(monthOf(Date.parse('2026-10-31T15:30:00Z'), 'Asia/Tokyo')).to.equal('2026-11');
      expect(monthOf(Date.parse('2026-10-31T15:30:00Z'), 'UTC')).to.equal('2026-10');
      expect(monthLabel('2026-11', 'en')).to.equal('November 2026');
      expect(monthLabel('2026-11', 'ja')).to.equal('2026年11月');
    });
  });

  describe('from data', () => {
    async function fromData(): Promise<{ el: HanseiIncidentFeed; snapshot: StatusSnapshot; month: Incident[] }> {
      const adapter = memory();
      const snapshot = await adapter.status();
      const month = [...(await adapter.listIncidents({ ...monthRange('2026-10', ZONE), limit: 200 })).data];
      const evil: Incident = {
        ...month[0]!,
        id: 'inc_evil',
        title: 'Slow <img src=x onerror=alert(1)>',
        updates: [{ ...month[0]!.updates[0]!, body: 'We **fixed** it. <script>alert(1)</script>' }],
      };
      const postmortems = [await adapter.getPostmortemSummary('inc_0015')];
      const el = await fixture<HanseiIncidentFeed>(html`<hansei-incident-feed
        .snapshot=${snapshot}
        .incidents=${[evil, ...month]}
        .postmortems=${postmortems}
        .now=${NOW}
        month="2026-10"
        href-template="/incidents/{id}"
      ></hansei-incident-feed>`);
      return { el, snapshot, month };
    }

    it('shows the open incidents with every update, the status in words and the time', async () => {
      const { el, snapshot } = await fromData();
      expect(titles(openItems(el))).to.deep.equal(snapshot.incidents.map((i) => i.title));
      const first = openItems(el)[0]!;
      const incident = snapshot.incidents[0]!;
      expect(first.querySelectorAll('.update')).to.have.length(incident.updates.length);
      expect(text(first.querySelector('[part="update-status"]'))).to.equal({ investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' }[incident.updates[0]!.status]);
      expect(first.querySelector('time')?.getAttribute('datetime')).to.equal(incident.updates[0]!.displayAt);
      expect(first.querySelector('a')?.getAttribute('href')).to.equal(`/incidents/${incident.id}`);
      const component = snapshot.components.find((c) => c.id === incident.components[0]!.componentId)!;
      expect(text(first.querySelector('.affected'))).to.contain(component.name);
      expect(text(first.querySelector('.affected'))).to.contain('Degraded Performance');
      expect(text(first.querySelector('[part="impact"]'))).to.match(/impact$/);
    });

    it('shows the month given, with a postmortem summary, escaping every text', async () => {
      const { el, month } = await fromData();
      expect(monthShown(el)).to.equal('October 2026');
      expect(historyItems(el)).to.have.length(month.length + 1);
      const evil = historyItems(el)[0]!;
      expect(evil.querySelector('img, script')).to.equal(null);
      expect(text(evil.querySelector('.title'))).to.equal('Slow <img src=x onerror=alert(1)>');
      expect(evil.querySelector('.markdown strong')?.textContent).to.equal('fixed');
      expect(text(evil.querySelector('.markdown'))).to.contain('<script>alert(1)</script>');
      const withPostmortem = historyItems(el).find((i) => i.querySelector('.postmortem'))!;
      expect(text(withPostmortem.querySelector('.title'))).to.equal(month.find((i) => i.id === 'inc_0015')!.title);
      expect(text(withPostmortem.querySelector('.postmortem summary'))).to.match(/^Postmortem: /);
      expect(withPostmortem.querySelector<HTMLDetailsElement>('.postmortem')!.open).to.equal(false);
    });

    it('renders the same markup without the element (server rendering), with month links', async () => {
      const adapter = memory();
      const snapshot = await adapter.status();
      const month = (await adapter.listIncidents({ ...monthRange('2026-11', ZONE), limit: 200 })).data;
      const container = document.createElement('div');
      render(
        incidentFeedTemplate(
          { open: snapshot.incidents, history: { month: '2026-11', incidents: month, more: false }, components: new Map(snapshot.components.map((c) => [c.id, c.name])), postmortems: new Map() },
          { locale: 'en', timeZone: ZONE, now: NOW, latestMonth: '2026-11', hrefTemplate: '/incidents/{id}', monthHrefTemplate: '/history?month={month}' },
        ),
        container,
      );
      expect(container.querySelectorAll('.open .incident')).to.have.length(snapshot.incidents.length);
      expect(container.querySelectorAll('.history .incident')).to.have.length(month.length);
      expect(container.querySelector('a.page.older')?.getAttribute('href')).to.equal('/history?month=2026-10');
      expect(container.querySelector('.page.newer')).to.equal(null);
      expect(container.querySelector('button')).to.equal(null);
    });
  });

  describe('from the memory adapter (anonymous)', () => {
    it('reads the open incidents and this month, public only', async () => {
      const adapter = memory();
      const el = await mount(adapter);
      const snapshot = await adapter.status();
      expect(titles(openItems(el))).to.deep.equal(snapshot.incidents.map((i) => i.title));
      expect(monthShown(el)).to.equal('November 2026');
      const month = (await adapter.listIncidents({ ...monthRange('2026-11', ZONE), limit: 200 })).data;
      expect(titles(historyItems(el))).to.deep.equal(month.map((i) => i.title));
      const admin = adapter.as('admin');
      const internal = (await admin.listIncidents({ limit: 200, visibility: 'internal' })).data;
      for (const incident of internal) expect(titles(historyItems(el))).not.to.include(incident.title);
    });

    it('pages to older and newer months, announcing each, and not beyond this month', async () => {
      const adapter = memory();
      const el = await mount(adapter);
      const newer = button(el, '.page.newer')!;
      expect(newer.getAttribute('aria-disabled')).to.equal('true');
      newer.click();
      await el.updateComplete;
      expect(monthShown(el)).to.equal('November 2026');

      setTimeout(() => button(el, '.page.older')!.click());
      const event = await oneEvent(el, 'hansei-month-change');
      expect(event.detail).to.deep.equal({ month: '2026-10' });
      await settled(el);
      expect(monthShown(el)).to.equal('October 2026');
      const october = (await adapter.listIncidents({ ...monthRange('2026-10', ZONE), limit: 200 })).data;
      expect(titles(historyItems(el))).to.deep.equal(october.map((i) => i.title));
      expect(text(root(el).querySelector('[role="status"]'))).to.equal(`October 2026: ${october.length} incidents.`);
      // A published postmortem's summary is looked up; the others have none.
      await waitUntil(() => root(el).querySelector('.postmortem'), 'no postmortem summary');
      const summary = await adapter.getPostmortemSummary('inc_0015');
      expect(text(root(el).querySelector('.postmortem summary'))).to.equal(`Postmortem: ${summary.title}`);
      expect(root(el).querySelectorAll('.postmortem')).to.have.length(1);

      button(el, '.page.newer')!.click();
      await settled(el);
      expect(monthShown(el)).to.equal('November 2026');
    });

    it('pages with the keyboard, focus staying on the button', async () => {
      const el = await mount(memory());
      button(el, '.page.older')!.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(monthShown(el)).to.equal('October 2026');
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(monthShown(el)).to.equal('September 2026');
      expect(root(el).activeElement === button(el, '.page.older')).to.equal(true);
    });

    it('says when a month has no incidents', async () => {
      const el = await mount(memory(), { month: '2026-06' });
      expect(text(root(el).querySelector('.history [part="empty"]'))).to.equal('No incidents reported in June 2026.');
    });

    it('shows more of a busy month, a page at a time', async () => {
      const adapter = memory();
      const el = await mount(adapter, { month: '2026-10', pageSize: 4, show: 'history' });
      expect(root(el).querySelector('.open')).to.equal(null);
      const october = (await adapter.listIncidents({ ...monthRange('2026-10', ZONE), limit: 200 })).data;
      expect(october.length).to.be.greaterThan(4);
      expect(historyItems(el)).to.have.length(4);
      button(el, '.more')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => historyItems(el).length === Math.min(8, october.length), 'no more shown');
      // Focus moves to the first incident added.
      await waitUntil(() => root(el).activeElement === historyItems(el)[4]!.querySelector('.title a'), 'focus did not move to the new incident');
      while (button(el, '.more')) {
        button(el, '.more')!.click();
        await waitUntil(() => !root(el).querySelector('[part="loading"]') && historyItems(el).length > 0, 'stuck');
        await el.updateComplete;
      }
      expect(titles(historyItems(el))).to.deep.equal(october.map((i) => i.title));
    });

    it('uses links for the months with month-href-template', async () => {
      const wrapper = await fixture<HTMLElement>(html`<hansei-provider time-zone=${ZONE} .adapter=${memory()}>
        <hansei-incident-feed show="history" month="2026-10" month-href-template="/history?month={month}" .now=${NOW}></hansei-incident-feed>
      </hansei-provider>`);
      const el = wrapper.querySelector('hansei-incident-feed')!;
      await settled(el);
      expect(root(el).querySelector('a.page.older')?.getAttribute('href')).to.equal('/history?month=2026-09');
      expect(root(el).querySelector('a.page.newer')?.getAttribute('href')).to.equal('/history?month=2026-11');
      expect(root(el).querySelector('button.page')).to.equal(null);
    });

    it('shows a new update as it is posted', async () => {
      const adapter = memory();
      const el = await mount(adapter);
      const before = openItems(el)[0]!.querySelectorAll('.update').length;
      const id = (await adapter.status()).incidents[0]!.id;
      await adapter.as('responder').postIncidentUpdate(id, { status: 'monitoring', body: 'A fix is rolling out to **every** region.' });
      await waitUntil(() => openItems(el)[0]?.querySelectorAll('.update').length === before + 1, 'the update did not arrive', { timeout: 4000 });
      expect(text(openItems(el)[0]!.querySelector('.update .markdown'))).to.equal('A fix is rolling out to every region.');
    });
  });

  describe('from the Statuspage adapter', () => {
    it('shows the open incident of summary.json and the month of incidents.json', async () => {
      const recorded = Date.parse('2024-09-17T08:08:17Z');
      const adapter = statuspage(
        { '/api/v2/summary.json': 'github-summary-2020-04-02.json', '/api/v2/incidents.json': 'github-incidents.json' },
        recorded,
      );
      const el = await mount(adapter, { now: recorded, width: '360px' });
      expect(titles(openItems(el))).to.deep.equal(['Incident on 2020-04-02 20:20 UTC']);
      expect(openItems(el)[0]!.querySelectorAll('.update')).to.have.length(2);
      expect(text(openItems(el)[0]!.querySelector('[part="update-status"]'))).to.equal('Investigating');
      expect(monthShown(el)).to.equal('September 2024');
      expect(titles(historyItems(el))).to.deep.equal(['Incident with Pages and Actions', 'Disruption with Git SSH']);
      const pages = historyItems(el)[0]!;
      expect(text(pages.querySelector('[part="update-status"]'))).to.equal('Resolved');
      expect(text(pages.querySelector('.affected'))).to.equal('Affected: GitHub Actions and GitHub Pages');
      expect(root(el).querySelector('.postmortem')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    it('shows loading, then a history error with Try again that reads again', async () => {
      let fail = true;
      const adapter = memory({
        latencyMs: 40,
        failWith: ({ method }) => (fail && method === 'listIncidents' ? new HanseiError({ kind: 'unavailable', message: 'Busy (test).' }) : null),
      });
      const wrapper = await fixture<HTMLElement>(html`<hansei-provider time-zone=${ZONE} .adapter=${adapter}>
        <hansei-incident-feed .now=${NOW}></hansei-incident-feed>
      </hansei-provider>`);
      const el = wrapper.querySelector('hansei-incident-feed')!;
      await el.updateComplete;
      expect(root(el).querySelector('[part="loading"]')).to.exist;
      await waitUntil(() => root(el).querySelector('.history [part="error"]'), 'no error');
      expect(openItems(el).length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      fail = false;
      button(el, '.history [part="error"] button')!.click();
      await waitUntil(() => historyItems(el).length > 0, 'not read again');
    });

    it('shows the last known open incidents with their time when the adapter cannot be reached', async () => {
      const control = { down: false };
      const source = memory({ failWith: ({ method }) => (control.down && method === 'status' ? new HanseiError({ kind: 'network', message: 'Offline (test).' }) : null) });
      const cached = withStatusCache(source, openStatusStore(`hansei-feed-test-${Date.now()}`), { now: () => NOW - 20 * 60_000 });
      await cached.status();
      control.down = true;
      const el = await mount(cached);
      expect(openItems(el).length).to.be.greaterThan(0);
      expect(text(root(el).querySelector('[part="as-of"]'))).to.equal('Last known status as of 6:10 PM. It could not be refreshed just now.');
    });

    it('says so without data and without an adapter', async () => {
      const el = await fixture<HanseiIncidentFeed>(html`<hansei-incident-feed></hansei-incident-feed>`);
      expect(root(el).querySelector('[part="missing-adapter"]')).to.exist;
    });
  });

  describe('accessibility', () => {
    it('has no axe violations, with a postmortem open', async () => {
      const el = await mount(memory(), { month: '2026-10' });
      await waitUntil(() => root(el).querySelector('.postmortem'), 'no postmortem summary');
      root(el).querySelector<HTMLDetailsElement>('.postmortem')!.open = true;
      await expect(el).to.be.accessible();
    });

    it('has no axe violations in dark, 320 px wide', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const wrapper = await fixture<HTMLElement>(html`<div style="background: #0d1117; color: #e6edf3; --hansei-color-scheme: dark; inline-size: 320px">
        <hansei-provider time-zone=${ZONE} .adapter=${memory()}><hansei-incident-feed .now=${NOW}></hansei-incident-feed></hansei-provider>
      </div>`);
      const el = wrapper.querySelector('hansei-incident-feed')!;
      await settled(el);
      expect(getComputedStyle(openItems(el)[0]!).backgroundColor).to.equal('rgb(13, 17, 23)');
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(root(el).querySelector('.base')!.scrollWidth).to.be.at.most(320);
      await expect(wrapper).to.be.accessible();
    });

    it('speaks Japanese', async () => {
      await setLocale('ja');
      const el = await mount(memory());
      expect(text(root(el).querySelector('#open-heading'))).to.equal('現在のインシデント');
      expect(monthShown(el)).to.equal('2026年11月');
      expect(['調査中', '原因特定', '経過観察中', '解決済み']).to.include(text(openItems(el)[0]!.querySelector('[part="update-status"]')));
      expect(text(button(el, '.page.older'))).to.contain('前の月');
      await expect(el).to.be.accessible();
    });
  });
});
