import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import { HanseiError, StatuspageAdapter, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter } from '@hansei/adapters/memory';
import { openStatusStore, withStatusCache } from '@hansei/adapters/offline/status';
import type { ComponentStatus, ComponentUptime, DayUptime, StatusSnapshot } from '@hansei/core';
import { HanseiUptimeBars } from './uptime-bars.js';
import { uptimeBarsModel, uptimeBarsTemplate } from './uptime-bars.template.js';
import { formatDuration, formatUptime, windowUptime } from './model.js';
import { setLocale } from '../internal/localization.js';
import '../define/provider.js';

const registeredByClassModule = customElements.get('hansei-uptime-bars');

const NOW = Date.parse('2026-11-25T09:00:00.000Z');
const ZONE = 'Asia/Tokyo';

/** The 90 dates ending 2026-11-25. */
const DATES = Array.from({ length: 90 }, (_, i) => new Date(Date.parse('2026-11-25T00:00:00Z') - (89 - i) * 86_400_000).toISOString().slice(0, 10));

/** A day with `seconds` in the given statuses, the rest of 24 h operational; uptime computed as core does. */
function day(date: string, seconds: Partial<Record<ComponentStatus, number>> = {}, incidentIds: string[] = []): DayUptime {
  const s = { operational: 0, degraded_performance: 0, partial_outage: 0, major_outage: 0, under_maintenance: 0, ...seconds };
  const others = s.degraded_performance + s.partial_outage + s.major_outage + s.under_maintenance;
  if (!('operational' in seconds)) s.operational = Math.max(0, 86_400 - others);
  const measured = s.operational + s.degraded_performance + s.partial_outage + s.major_outage;
  const uptime = measured > 0 ? 1 - (0.3 * s.partial_outage + s.major_outage) / measured : null;
  return { date, uptime, seconds: s, incidentIds };
}

const noData = (date: string): DayUptime => ({ date, uptime: null, seconds: { operational: 0, degraded_performance: 0, partial_outage: 0, major_outage: 0, under_maintenance: 0 }, incidentIds: [] });

/** Two components: "API" with a bad day 10 days ago and a new "Search" whose first 20 days have no data. */
function sample(): ComponentUptime[] {
  return [
    {
      componentId: 'cmp_api',
      days: DATES.map((date, i) =>
        i === 79
          ? day(date, { partial_outage: 3_720, major_outage: 1_800 }, ['inc_1'])
          : i === 85
            ? day(date, { degraded_performance: 600 }, ['inc_2'])
            : i === 60
              ? day(date, { under_maintenance: 7_200 })
              : day(date),
      ),
    },
    { componentId: 'cmp_search', days: DATES.map((date, i) => (i < 20 ? noData(date) : day(date))) },
  ];
}

const names = [
  { id: 'cmp_api', name: 'Public API' },
  { id: 'cmp_search', name: 'Search' },
];
const titles = [
  { id: 'inc_1', title: 'Requests failing in Tokyo' },
  { id: 'inc_2', title: 'Slow searches <script>alert(1)</script>' },
];

const root = (el: HTMLElement): ShadowRoot => el.shadowRoot!;
const rows = (el: HanseiUptimeBars) => [...root(el).querySelectorAll<HTMLElement>('.row')];
const bars = (el: HanseiUptimeBars, row = 0) => [...rows(el)[row]!.querySelectorAll<HTMLButtonElement>('button.bar')];
const detail = (el: HanseiUptimeBars) => root(el).querySelector<HTMLElement>('.detail');
const focused = (el: HanseiUptimeBars) => root(el).activeElement as HTMLButtonElement | null;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** A bar's accessible name: the whole day in words. */
const name = (bar: HTMLButtonElement | undefined) => bar?.getAttribute('aria-label') ?? '';

async function fromData(width = '800px'): Promise<HanseiUptimeBars> {
  const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: ${width}">
    <hansei-uptime-bars .uptime=${sample()} .incidents=${titles} href-template="/incidents/{id}"></hansei-uptime-bars>
  </div>`);
  const el = wrapper.querySelector('hansei-uptime-bars')!;
  el.snapshot = { components: names, incidents: [] } as unknown as StatusSnapshot;
  await el.updateComplete;
  return el;
}

async function inProvider(adapter: HanseiAdapter, width = '800px'): Promise<HanseiUptimeBars> {
  const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: ${width}">
    <hansei-provider time-zone=${ZONE} .adapter=${adapter}>
      <hansei-uptime-bars href-template="/incidents/{id}" .now=${NOW}></hansei-uptime-bars>
    </hansei-provider>
  </div>`);
  const el = wrapper.querySelector('hansei-uptime-bars')!;
  await waitUntil(() => root(el).querySelector('.row, [part="unavailable"], [part="error"], [part="missing-adapter"]'), 'the bars did not render', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

/** A fetch that answers from the recorded Statuspage fixtures, as the page would. */
function statuspageFetch(files: Record<string, string>): typeof fetch {
  return async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const file = files[url.pathname];
    if (!file) return new Response('Not found', { status: 404 });
    const body = await (await fetch(new URL(`../../../adapters/src/statuspage/fixtures/${file}`, import.meta.url))).text();
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

describe('hansei-uptime-bars', () => {
  before(async () => {
    await import('../define/uptime-bars.js');
  });

  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await setLocale('en');
  });

  it('is not registered by the class module, and is by the define module', async () => {
    expect(registeredByClassModule).to.equal(undefined);
    const module = await import('../define/uptime-bars.js');
    expect(customElements.get('hansei-uptime-bars')).to.equal(HanseiUptimeBars);
    expect(module.HanseiUptimeBars).to.equal(HanseiUptimeBars);
  });

  describe('the model', () => {
    it('computes uptime over the window with core weights, rounded down', () => {
      const days = sample()[0]!.days;
      // 90 days, one with 3,720 s partial (x0.3) and 1,800 s major: 1 - (1116 + 1800) / (90 x 86400 - 7200 maintenance).
      const expected = 1 - (0.3 * 3_720 + 1_800) / (90 * 86_400 - 7_200);
      expect(windowUptime(days)).to.be.closeTo(expected, 1e-12);
      expect(formatUptime(0.99996)).to.equal('99.99%');
      expect(formatUptime(1)).to.equal('100%');
      expect(windowUptime([noData('2026-11-25')])).to.equal(null);
    });

    it('formats durations in hours and minutes, rounding up', () => {
      expect(formatDuration(20)).to.equal('1 min');
      expect(formatDuration(3_720)).to.equal('1 hr 2 min');
      expect(formatDuration(7_200)).to.equal('2 hr');
      expect(formatDuration(3_720, 'ja')).to.equal('1 時間 2 分');
    });
  });

  describe('from data', () => {
    it('shows every component with its name, uptime and 90 bars', async () => {
      const el = await fromData();
      expect(rows(el)).to.have.length(2);
      expect(text(rows(el)[0]!.querySelector('.name'))).to.equal('Public API');
      expect(text(rows(el)[0]!.querySelector('.uptime .wide'))).to.equal(`${formatUptime(windowUptime(sample()[0]!.days)!)} uptime`);
      expect(text(rows(el)[0]!.querySelector('.uptime .wide'))).to.equal('99.96% uptime');
      expect(bars(el, 0)).to.have.length(90);
      expect(bars(el, 1)).to.have.length(90);
      const list = rows(el)[0]!.querySelector('ol')!;
      expect(list.getAttribute('aria-labelledby')).to.equal('name-0 days-0');
      expect(text(root(el).getElementById('days-0')?.querySelector('.wide'))).to.equal('daily uptime, last 90 days');
    });

    it('draws each day by its worst status, with a pattern class and the day in words', async () => {
      const el = await fromData();
      const api = bars(el, 0);
      expect(api[79]!.classList.contains('major_outage')).to.equal(true);
      expect(api[85]!.classList.contains('degraded_performance')).to.equal(true);
      expect(api[60]!.classList.contains('under_maintenance')).to.equal(true);
      expect(api[0]!.classList.contains('operational')).to.equal(true);
      expect(name(api[79])).to.equal(
        `Sun, Nov 15, 2026: ${formatUptime(1 - (0.3 * 3_720 + 1_800) / 86_400)} uptime. Major Outage: 30 min. Partial Outage: 1 hr 2 min. Incidents: Requests failing in Tokyo.`,
      );
      expect(name(api[0])).to.equal('Fri, Aug 28, 2026: 100% uptime. No downtime recorded.');
      // Different patterns, not only different colours.
      const backgrounds = new Set(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance', 'none'].map((level) => {
        const swatch = root(el).querySelector(`.legend .swatch.${level}`)!;
        const style = getComputedStyle(swatch);
        return `${style.backgroundImage}|${style.borderStyle}|${style.borderWidth}`;
      }));
      expect(backgrounds.size).to.equal(6);
    });

    it('shows days without data as such', async () => {
      const el = await fromData();
      const search = bars(el, 1);
      expect(search[0]!.classList.contains('none')).to.equal(true);
      expect(name(search[0])).to.equal('Fri, Aug 28, 2026: No data.');
      expect(name(search[20])).to.contain('100% uptime');
      expect(text(root(el).querySelector('.legend'))).to.contain('No data');
    });

    it('escapes incident titles', async () => {
      const el = await fromData();
      bars(el, 0)[85]!.click();
      await el.updateComplete;
      expect(detail(el)?.querySelector('script')).to.equal(null);
      expect(text(detail(el))).to.contain('Slow searches <script>alert(1)</script>');
    });

    it('renders the same markup without the element (server rendering)', () => {
      const container = document.createElement('div');
      const model = uptimeBarsModel(sample(), { names, titles }, { locale: 'en' });
      render(uptimeBarsTemplate(model, { hrefTemplate: '/incidents/{id}' }), container);
      const buttons = container.querySelectorAll('button.bar');
      expect(buttons).to.have.length(180);
      expect(container.querySelector('[aria-expanded]')).to.equal(null);
      expect(container.querySelectorAll('button.bar[tabindex="0"]')).to.have.length(2);
      // Without script, the title names the day (its accessible name) and is the browser's own tooltip.
      expect(buttons[79]!.getAttribute('title')).to.contain('Requests failing in Tokyo');
      expect(buttons[79]!.hasAttribute('aria-label')).to.equal(false);
      expect(container.querySelectorAll('.day.old')).to.have.length(120);
    });

    it('shows only the components asked for, in that order', async () => {
      const el = await fromData();
      el.componentIds = 'cmp_search cmp_api';
      await el.updateComplete;
      expect(rows(el).map((r) => text(r.querySelector('.name')))).to.deep.equal(['Search', 'Public API']);
    });
  });

  describe('a day\'s detail', () => {
    it('opens on focus and moves with the arrow keys, Home and End', async () => {
      const el = await fromData();
      const api = bars(el, 0);
      expect(api.map((b) => b.tabIndex).indexOf(0)).to.equal(89);
      expect(api.filter((b) => b.tabIndex === 0).length).to.equal(1);
      api[89]!.focus();
      await el.updateComplete;
      expect(text(detail(el)?.querySelector('.detail-date'))).to.equal('Wed, Nov 25, 2026');
      expect(api[89]!.getAttribute('aria-expanded')).to.equal('true');
      expect(api[89]!.getAttribute('aria-controls')).to.equal(detail(el)!.id);

      for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(focused(el) === api[85], 'focused').to.equal(true);
      expect(api[85]!.tabIndex).to.equal(0);
      expect(api[89]!.tabIndex).to.equal(-1);
      expect(text(detail(el))).to.contain('Degraded Performance: 10 min');
      const link = detail(el)!.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('/incidents/inc_2');

      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(focused(el) === api[0], 'focused').to.equal(true);
      expect(text(detail(el)?.querySelector('.detail-date'))).to.equal('Fri, Aug 28, 2026');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(focused(el) === api[89], 'focused').to.equal(true);
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el) === api[89], 'focused').to.equal(true);
    });

    it('moves between components with Up and Down, keeping the day', async () => {
      const el = await fromData();
      bars(el, 0)[85]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focused(el) === bars(el, 1)[85], 'focused').to.equal(true);
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(focused(el) === bars(el, 0)[85], 'focused').to.equal(true);
    });

    it('closes with Escape, keeps focus, and opens again with Enter; Tab reaches its links', async () => {
      const el = await fromData();
      const api = bars(el, 0);
      api[79]!.focus();
      await el.updateComplete;
      expect(detail(el) !== null, 'detail open').to.equal(true);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(detail(el) === null, 'detail closed').to.equal(true);
      expect(focused(el) === api[79], 'focused').to.equal(true);
      expect(api[79]!.getAttribute('aria-expanded')).to.equal('false');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(detail(el) !== null, 'detail open').to.equal(true);
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(focused(el)?.tagName).to.equal('A');
      expect(text(focused(el))).to.equal('Requests failing in Tokyo');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(detail(el) === null, 'detail closed').to.equal(true);
      expect(focused(el) === api[79], 'focused').to.equal(true);
    });

    it('opens on hover and closes when the pointer leaves', async () => {
      const el = await fromData();
      const bar = bars(el, 0)[79]!;
      bar.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }));
      await el.updateComplete;
      expect(text(detail(el))).to.contain('Major Outage: 30 min');
      // On its way to the detail's link, the pointer keeps it open.
      bar.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true, pointerType: 'mouse', relatedTarget: detail(el) }));
      await el.updateComplete;
      expect(detail(el) !== null, 'detail open').to.equal(true);
      const box = detail(el)!.getBoundingClientRect();
      const gap = bar.getBoundingClientRect().bottom + 2;
      expect(el.shadowRoot!.elementFromPoint(box.left + 10, gap)?.closest('.detail, .bars')).to.exist;
      detail(el)!.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true, pointerType: 'mouse', relatedTarget: document.body }));
      await el.updateComplete;
      expect(detail(el) === null, 'detail closed').to.equal(true);
    });

    it('opens on tap, closes on a second tap or a tap elsewhere', async () => {
      const el = await fromData();
      const bar = bars(el, 0)[60]!;
      bar.click();
      await el.updateComplete;
      expect(text(detail(el))).to.contain('Under Maintenance: 2 hr');
      bar.click();
      await el.updateComplete;
      expect(detail(el) === null, 'detail closed').to.equal(true);
      bar.click();
      await el.updateComplete;
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(detail(el) === null, 'detail closed').to.equal(true);
    });
  });

  describe('narrow screens', () => {
    it('shows the last 30 days and their uptime below 480 px, and keeps the keys within them', async () => {
      const el = await fromData('320px');
      await waitUntil(() => bars(el, 0).filter((b) => b.checkVisibility()).length === 30, 'not 30 days');
      const visible = bars(el, 0).filter((b) => b.checkVisibility());
      expect(visible[0] === bars(el, 0)[60]).to.equal(true);
      const uptime = rows(el)[0]!.querySelector('.uptime')!;
      expect(uptime.querySelector('.narrow')!.checkVisibility()).to.equal(true);
      expect(uptime.querySelector('.wide')!.checkVisibility()).to.equal(false);
      expect(text(uptime.querySelector('.narrow'))).to.equal(`${formatUptime(windowUptime(sample()[0]!.days.slice(-30))!)} uptime`);
      expect(text(rows(el)[0]!.querySelector('.axis .narrow'))).to.equal('30 days ago');
      await waitUntil(() => el.shadowRoot!.querySelector('.row') && (el as unknown as { narrow: boolean }).narrow, 'the element did not notice');
      bars(el, 0)[89]!.focus();
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(focused(el) === bars(el, 0)[60], 'focused').to.equal(true);
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el) === bars(el, 0)[60], 'focused').to.equal(true);
      // The detail stays inside the element.
      const box = detail(el)!.getBoundingClientRect();
      const host = el.getBoundingClientRect();
      expect(box.left).to.be.at.least(host.left - 0.5);
      expect(box.right).to.be.at.most(host.right + 0.5);
    });

    it('moves a Tab stop that would be hidden to a day that shows', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 800px"><hansei-uptime-bars .uptime=${sample()}></hansei-uptime-bars></div>`);
      const el = wrapper.querySelector('hansei-uptime-bars')!;
      await el.updateComplete;
      bars(el, 0)[0]!.click();
      await el.updateComplete;
      wrapper.style.inlineSize = '320px';
      await waitUntil(() => bars(el, 0)[0]!.tabIndex === -1, 'the tab stop stayed on a hidden day');
      expect(bars(el, 0)[60]!.tabIndex).to.equal(0);
    });
  });

  describe('from adapters', () => {
    it('reads 90 days of the demo anonymously, with names and incident titles', async () => {
      const adapter = new MemoryAdapter({ now: () => NOW, role: null });
      const el = await inProvider(adapter);
      const snapshot = await adapter.status();
      expect(rows(el)).to.have.length(snapshot.components.length);
      expect(rows(el).map((r) => text(r.querySelector('.name')))).to.deep.equal(snapshot.components.map((c) => c.name));
      expect(bars(el, 0)).to.have.length(90);
      const uptime = await adapter.uptime({ days: 90, timeZone: ZONE });
      // A resolved incident's title is not in the snapshot: it was looked up.
      const r = uptime.findIndex((u) => u.days.some((d) => d.incidentIds.includes('inc_0015')));
      const i = uptime[r]!.days.findIndex((d) => d.incidentIds.includes('inc_0015'));
      const title = (await adapter.getIncident('inc_0015')).title;
      await waitUntil(() => name(bars(el, r)[i]).includes(title), 'the title was not looked up');
      expect(name(bars(el, r)[i])).to.contain(`Incidents: ${title}.`);
      expect(bars(el, r)[i]!.hasAttribute('title')).to.equal(false);
    });

    it('says uptime is not available with the Statuspage adapter', async () => {
      const adapter = new StatuspageAdapter({
        baseUrl: 'https://www.githubstatus.com',
        fetch: statuspageFetch({ '/api/v2/summary.json': 'github-summary-2020-04-02.json' }),
      });
      const el = await inProvider(adapter);
      expect(text(root(el).querySelector('[part="unavailable"]'))).to.equal('Uptime is not available for this status page.');
      await expect(el).to.be.accessible();
    });

    it('shows loading, then an error with Try again that reads again', async () => {
      let fail = true;
      const adapter = new MemoryAdapter({
        now: () => NOW,
        role: null,
        latencyMs: 50,
        failWith: ({ method }) => (fail && method === 'uptime' ? new HanseiError({ kind: 'unavailable', message: 'Down for a moment.' }) : null),
      });
      const wrapper = await fixture<HTMLElement>(html`<hansei-provider .adapter=${adapter}><hansei-uptime-bars></hansei-uptime-bars></hansei-provider>`);
      const el = wrapper.querySelector('hansei-uptime-bars')!;
      await el.updateComplete;
      expect(text(root(el).querySelector('[part="loading"]'))).to.equal('Loading status…');
      await waitUntil(() => root(el).querySelector('[part="error"]'), 'no error shown');
      expect(text(root(el).querySelector('[part="error"]'))).to.contain('could not be loaded');
      await expect(el).to.be.accessible();
      fail = false;
      root(el).querySelector<HTMLButtonElement>('[part="error"] button')!.click();
      await waitUntil(() => rows(el).length > 0, 'not read again');
    });

    it('shows the last known bars with their time when the adapter cannot be reached', async () => {
      // The real status cache on IndexedDB, remembering answers read half an hour ago.
      const control = { down: false };
      const source = new MemoryAdapter({
        now: () => NOW,
        role: null,
        failWith: ({ method }) => (control.down && (method === 'uptime' || method === 'status') ? new HanseiError({ kind: 'network', message: 'Offline (test).' }) : null),
      });
      const cached = withStatusCache(source, openStatusStore(`hansei-uptime-bars-test-${Date.now()}`), { now: () => NOW - 30 * 60_000 });
      await cached.uptime({ days: 90, timeZone: ZONE });
      const status = await cached.status();
      control.down = true;
      const el = await inProvider(cached);
      expect(rows(el)).to.have.length(status.components.length);
      expect(text(root(el).querySelector('[part="as-of"]'))).to.equal('Last known status as of 5:30 PM. It could not be refreshed just now.');
    });

    it('says so without an adapter', async () => {
      const el = await fixture<HanseiUptimeBars>(html`<hansei-uptime-bars></hansei-uptime-bars>`);
      expect(root(el).querySelector('[part="missing-adapter"]')).to.exist;
    });

    it('reads again after a live change', async () => {
      let clock = NOW;
      const admin = new MemoryAdapter({ now: () => clock });
      const el = await inProvider(admin.as(null));
      const snapshot = await admin.status();
      const r = snapshot.components.findIndex((c) => c.name === 'Search');
      expect(bars(el, r)[89]!.classList.contains('operational')).to.equal(true);
      const search = (await admin.listComponents()).find((c) => c.name === 'Search')!;
      await admin.updateComponent(search.id, { status: 'major_outage' }, search.version);
      clock += 600_000;
      await waitUntil(() => bars(el, r)[89]!.classList.contains('major_outage'), 'the change did not arrive', { timeout: 5000 });
    });
  });

  describe('accessibility', () => {
    it('has no axe violations, with a detail open', async () => {
      const el = await fromData();
      bars(el, 0)[79]!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('has no axe violations in dark', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const wrapper = await fixture<HTMLElement>(html`<div style="background: #0d1117; color: #e6edf3; --hansei-color-scheme: dark">
        <hansei-uptime-bars .uptime=${sample()}></hansei-uptime-bars>
      </div>`);
      const el = wrapper.querySelector('hansei-uptime-bars')!;
      await el.updateComplete;
      bars(el, 0)[79]!.click();
      await el.updateComplete;
      expect(getComputedStyle(detail(el)!).backgroundColor).to.equal('rgb(13, 17, 23)');
      await expect(wrapper).to.be.accessible();
    });

    it('speaks Japanese', async () => {
      await setLocale('ja');
      const el = await fromData();
      expect(text(rows(el)[0]!.querySelector('.uptime .wide'))).to.equal('稼働率 99.96%');
      expect(name(bars(el, 0)[79])).to.contain('稼働率 96.62%。重大な障害：30 分。');
      expect(text(rows(el)[0]!.querySelector('.axis'))).to.contain('90 日前');
      bars(el, 0)[79]!.click();
      await el.updateComplete;
      expect(text(detail(el))).to.contain('関連するインシデント');
      await expect(el).to.be.accessible();
    });
  });
});
