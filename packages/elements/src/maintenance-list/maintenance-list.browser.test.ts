import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { render } from 'lit';
import type { HanseiAdapter } from '@hansei/adapters';
import type { Maintenance, StatusSnapshot } from '@hansei/core';
import { HanseiMaintenanceList } from './maintenance-list.js';
import { maintenanceListTemplate, shownMaintenances } from './maintenance-list.template.js';
import { setLocale } from '../internal/localization.js';
import { cachedMemory, memory, NOW, RECORDED, statuspage, SUMMARIES, ZONE } from '../internal/status-fixtures.test.js';
import '../define/provider.js';

const registeredByClassModule = customElements.get('hansei-maintenance-list');

const root = (el: HTMLElement): ShadowRoot => el.shadowRoot!;
const all = (el: HTMLElement, selector: string): HTMLElement[] => [...root(el).querySelectorAll<HTMLElement>(selector)];
const part = (el: HTMLElement, name: string): HTMLElement | null => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const words = (node: Element | null | undefined): string => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Each maintenance shown, as its words. */
function items(el: HTMLElement): { title: string; status: string; when: string; range: string; components: string; update: string; active: boolean }[] {
  return all(el, '[part~="maintenance"]').map((li) => ({
    title: words(li.querySelector('[part~="title"]')),
    status: words(li.querySelector('[part~="status"]')),
    when: words(li.querySelector('[part~="when"]')),
    range: words(li.querySelector('[part~="range"]')),
    components: words(li.querySelector('[part~="components"]')),
    update: words(li.querySelector('[part~="update"]')),
    active: li.part.contains('active'),
  }));
}

async function settled(el: HanseiMaintenanceList): Promise<void> {
  await waitUntil(() => !part(el, 'loading'), 'the list kept loading');
  await el.updateComplete;
}

/** The list inside a provider in `zone`, showing `snapshot` or reading `adapter`, at `now`. */
async function mount(options: { snapshot?: StatusSnapshot; adapter?: HanseiAdapter; now?: number; zone?: string; width?: string }): Promise<HanseiMaintenanceList> {
  const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: ${options.width ?? 'auto'}">
    <hansei-provider time-zone=${options.zone ?? ZONE} .adapter=${options.adapter}>
      <hansei-maintenance-list .snapshot=${options.snapshot} .now=${options.now ?? NOW}></hansei-maintenance-list>
    </hansei-provider>
  </div>`);
  const el = wrapper.querySelector('hansei-maintenance-list')!;
  await el.updateComplete;
  return el;
}

const demo = (): Promise<StatusSnapshot> => memory().status();

describe('hansei-maintenance-list', () => {
  before(async () => {
    await import('../define/maintenance-list.js');
  });

  it('is registered by the define module, not by the class module', async () => {
    expect(registeredByClassModule).to.equal(undefined);
    const again = await import('../define/maintenance-list.js');
    expect(again.HanseiMaintenanceList).to.equal(HanseiMaintenanceList);
    expect(customElements.get('hansei-maintenance-list')).to.equal(HanseiMaintenanceList);
  });

  describe('from snapshot data', () => {
    it('shows the one under way, then the upcoming ones, in the viewer time zone with relative phrases', async () => {
      const el = await mount({ snapshot: await demo() });
      expect(items(el)).to.deep.equal([
        {
          title: 'Data exports storage migration',
          status: 'In progress',
          when: 'Until 7:55 PM',
          range: 'Wed, Nov 25, 5:55 – 7:55 PM GMT+9',
          components: 'Affected components: Data exports',
          update: 'Scheduled maintenance is in progress. We will provide updates as necessary. Posted 5:55 PM',
          active: true,
        },
        {
          title: 'Login service upgrade',
          status: 'Scheduled',
          // 31.5 hours away: the day after tomorrow in Tokyo.
          when: 'Starts in 2 days',
          range: 'Fri, Nov 27, 2:00 – 3:00 AM GMT+9',
          components: 'Affected components: Login & authentication',
          update:
            'We will upgrade the login service. Members who are already signed in are not affected; new sign-ins may fail for up to 5 minutes. Posted Nov 24, 3:00 PM',
          active: false,
        },
        {
          title: 'Reservations database upgrade to PostgreSQL 17',
          status: 'Scheduled',
          when: 'Starts in 7 days',
          range: 'Wed, Dec 2, 2:00 – 5:00 AM GMT+9',
          components: 'Affected components: Reservations, Member app, and Admin console',
          update:
            'We will upgrade the reservations database. Bookings, the member app and the admin console will be read-only for up to 30 minutes during the window. Posted Nov 23, 11:00 AM',
          active: false,
        },
      ]);
      // Titles are headings, for moving between them.
      const title = part(el, 'title')!;
      expect(title.getAttribute('role')).to.equal('heading');
      expect(title.getAttribute('aria-level')).to.equal('3');
      expect(part(el, 'icon')?.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
    });

    it('says the window in another time zone, and when it is tomorrow', async () => {
      const el = await mount({ snapshot: await demo(), zone: 'America/New_York', now: Date.parse('2026-11-26T02:00:00Z') });
      const [, login] = items(el);
      expect(login?.range).to.equal('Thu, Nov 26, 12:00 – 1:00 PM EST');
      expect(login?.when).to.equal('Starts in 15 hours');
      const later = await mount({ snapshot: await demo(), zone: 'America/New_York', now: Date.parse('2026-11-25T12:00:00Z') });
      expect(items(later)[1]?.when).to.equal('Starts tomorrow');
    });

    it('counts minutes near the start, says "now", and owns up to a late start or an overrun', async () => {
      const snapshot = await demo();
      const start = Date.parse('2026-11-26T17:00:00Z');
      const soon = await mount({ snapshot, now: start - 25 * 60_000 });
      expect(items(soon)[1]?.when).to.equal('Starts in 25 minutes');
      const now = await mount({ snapshot, now: start - 20_000 });
      expect(items(now)[1]?.when).to.equal('Starts now');
      const late = await mount({ snapshot, now: start + 5 * 60_000 });
      expect(items(late)[1]?.when).to.equal('Was due to start 5 minutes ago');
      const overrun = await mount({ snapshot, now: Date.parse('2026-11-25T11:30:00Z') });
      expect(items(overrun)[0]?.when).to.equal('Planned to end at 7:55 PM');
    });

    it('uses heading-level for the titles', async () => {
      const el = await fixture<HanseiMaintenanceList>(html`<hansei-maintenance-list heading-level="2" .snapshot=${await demo()}></hansei-maintenance-list>`);
      expect(part(el, 'title')?.getAttribute('aria-level')).to.equal('2');
    });

    it('says so when none is scheduled, and leaves out completed ones', async () => {
      const snapshot = await demo();
      const completed: Maintenance = { ...snapshot.maintenances[0]!, status: 'completed' };
      const el = await mount({ snapshot: { ...snapshot, maintenances: [completed] } });
      expect(words(part(el, 'empty'))).to.equal('No maintenance is scheduled.');
      expect(part(el, 'list')).to.equal(null);
      expect(shownMaintenances({ maintenances: [completed] })).to.deep.equal([]);
    });

    it('escapes titles and update text', async () => {
      const snapshot = await demo();
      const evil = '<img src=x onerror="window.__pwned=1">';
      const first = snapshot.maintenances[0]!;
      const el = await mount({
        snapshot: { ...snapshot, maintenances: [{ ...first, title: evil, updates: first.updates.map((u) => ({ ...u, body: evil })) }] },
      });
      expect(root(el).querySelector('img')).to.equal(null);
      expect(words(part(el, 'title'))).to.equal(evil);
    });

    it('is a pure template: the same words without the element', async () => {
      const container = document.createElement('div');
      render(maintenanceListTemplate({ state: 'ready', snapshot: await demo(), asOf: null }, { locale: 'en', timeZone: ZONE, now: NOW, headingLevel: 4 }), container);
      expect(container.querySelectorAll('[part~="maintenance"]')).to.have.length(3);
      expect(container.querySelector('[part~="title"]')?.getAttribute('aria-level')).to.equal('4');
      expect(words(container.querySelector('[part~="when"]'))).to.equal('Until 7:55 PM');
    });
  });

  describe('from an adapter', () => {
    it('reads the demo anonymously', async () => {
      const el = await mount({ adapter: memory() });
      await settled(el);
      expect(items(el).map((i) => i.title)).to.deep.equal(['Data exports storage migration', 'Login service upgrade', 'Reservations database upgrade to PostgreSQL 17']);
    });

    it("reads Twilio's nine scheduled maintenances, in the viewer's time zone", async () => {
      const el = await mount({ adapter: statuspage('twilio'), now: RECORDED.twilio, zone: 'America/Los_Angeles' });
      await settled(el);
      const shown = items(el);
      expect(shown).to.have.length(SUMMARIES.twilio.scheduled_maintenances.length);
      expect(shown[0]).to.deep.include({
        title: '[Scheduled] SMS Carrier Maintenance - Tele2 Russia',
        status: 'Scheduled',
        when: 'Starts in 2 hours',
        range: 'Tue, Jun 16, 4:00 – 8:00 PM PDT',
        components: 'Affected components: SMS, Europe',
      });
      expect(shown[1]?.components).to.equal('Affected components: SMS Short Code, North America and SMS Long Code, North America');
      expect(shown.every((m) => m.update.length > 0)).to.equal(true);
    });

    it("reads CloudAMQP's maintenance in progress", async () => {
      const el = await mount({ adapter: statuspage('cloudamqp'), now: RECORDED.cloudamqp, zone: 'UTC' });
      await settled(el);
      const [only] = items(el);
      expect(only).to.deep.include({ status: 'In progress', when: 'Until 11:00 PM', active: true, components: 'Affected components: Shared servers' });
      expect(only?.update).to.equal('Scheduled maintenance is currently in progress. We will provide updates as necessary. Posted 9:10 PM');
    });

    it('says none is scheduled for GitHub, which had none', async () => {
      const el = await mount({ adapter: statuspage('githubOutage'), now: RECORDED.githubOutage });
      await settled(el);
      expect(words(part(el, 'empty'))).to.equal('No maintenance is scheduled.');
    });

    it('says it is loading, then shows the error with Try again, and recovers', async () => {
      let answer!: () => void;
      const hold = new Promise<void>((resolve) => (answer = resolve));
      let failing = true;
      const el = await mount({ adapter: statuspage('cloudamqp', { hold, failWith: () => (failing ? 503 : null) }), now: RECORDED.cloudamqp });
      expect(words(part(el, 'loading'))).to.equal('Loading status…');
      answer();
      await waitUntil(() => part(el, 'error'), 'no error');
      expect(words(part(el, 'error'))).to.contain('could not be loaded');
      failing = false;
      part(el, 'button')!.click();
      await waitUntil(() => part(el, 'list'), 'did not recover');
    });

    it('shows the last known maintenances "as of" their time when the adapter fails after a cached read', async () => {
      const { adapter, control } = cachedMemory();
      const first = await mount({ adapter });
      await settled(first);
      control.down = true;
      const later = await mount({ adapter });
      await waitUntil(() => part(later, 'as-of'), 'no as-of note');
      expect(words(part(later, 'as-of'))).to.equal('Last known status as of 6:30 PM. It could not be refreshed just now.');
      expect(items(later)).to.have.length(3);
    });

    it('follows live changes: a newly scheduled maintenance appears', async () => {
      const source = memory();
      const el = await mount({ adapter: source });
      await settled(el);
      await source.as('admin').scheduleMaintenance({
        title: 'Search index rebuild',
        summary: 'We will rebuild the search index.',
        scheduledFor: '2026-11-28T01:00:00.000Z',
        scheduledUntil: '2026-11-28T02:00:00.000Z',
        components: ['cmp_search'],
      });
      await waitUntil(() => items(el).some((i) => i.title === 'Search index rebuild'), 'the change did not arrive', { timeout: 3000 });
      expect(items(el).find((i) => i.title === 'Search index rebuild')?.components).to.equal('Affected components: Search');
    });

    it('counts from the clock when now is not set', async () => {
      const snapshot = await demo();
      const soon = new Date(Date.now() + 10 * 60_000 + 20_000).toISOString();
      const later = new Date(Date.now() + 70 * 60_000).toISOString();
      const el = await fixture<HanseiMaintenanceList>(html`<hansei-maintenance-list
        .snapshot=${{ ...snapshot, maintenances: [{ ...snapshot.maintenances[1]!, scheduledFor: soon, scheduledUntil: later }] }}
      ></hansei-maintenance-list>`);
      expect(words(part(el, 'when'))).to.equal('Starts in 10 minutes');
    });
  });

  describe('in Japanese', () => {
    before(async () => {
      await setLocale('ja');
    });
    after(async () => {
      await setLocale('en');
    });

    it('says statuses, windows and relative phrases in Japanese', async () => {
      const el = await mount({ snapshot: await demo() });
      const [active, login, database] = items(el);
      expect(active).to.deep.include({ status: '実施中', when: '19:55 まで' });
      expect(active?.range).to.equal('11/25(水) 17時55分～19時55分(JST)');
      expect(login).to.deep.include({ status: '予定', when: '明後日に開始' });
      expect(database?.components).to.equal('影響を受けるコンポーネント: Reservations、Member app、Admin console');
      await expect(el).to.be.accessible();
    });

    it('says the empty state in Japanese', async () => {
      const snapshot = await demo();
      const el = await mount({ snapshot: { ...snapshot, maintenances: [] } });
      expect(words(part(el, 'empty'))).to.equal('予定されているメンテナンスはありません。');
    });
  });

  describe('accessibility, theme and size', () => {
    afterEach(async () => {
      await emulateMedia({ colorScheme: 'light' });
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`has no axe violations in ${scheme}`, async () => {
        await emulateMedia({ colorScheme: scheme });
        const wrapper = await fixture<HTMLElement>(html`<div style="background: ${scheme === 'dark' ? '#0d1117' : '#fff'}; padding: 8px">
          <hansei-maintenance-list .snapshot=${await demo()} .now=${NOW}></hansei-maintenance-list>
        </div>`);
        await expect(wrapper).to.be.accessible();
      });
    }

    it('is dark when an ancestor asks for it', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="--hansei-color-scheme: dark">
        <hansei-maintenance-list .snapshot=${await demo()}></hansei-maintenance-list>
      </div>`);
      const el = wrapper.querySelector('hansei-maintenance-list')!;
      await el.updateComplete;
      expect(getComputedStyle(part(el, 'maintenance')!).backgroundColor).to.equal('rgb(13, 17, 23)');
    });

    it('fits 320 px with Twilio\'s long names, in Japanese too', async () => {
      await setLocale('ja');
      try {
        const el = await mount({ adapter: statuspage('twilio'), now: RECORDED.twilio, width: '320px' });
        await settled(el);
        for (const item of all(el, '[part~="maintenance"]')) {
          expect(item.getBoundingClientRect().width).to.be.at.most(320);
          expect(item.scrollWidth, words(item.querySelector('[part~="title"]'))).to.be.at.most(item.clientWidth + 1);
        }
      } finally {
        await setLocale('en');
      }
    });
  });
});
