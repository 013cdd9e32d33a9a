import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import type { HanseiAdapter } from '@hansei/adapters';
import type { Component, StatusSnapshot } from '@hansei/core';
import { HanseiComponentList } from './component-list.js';
import { componentListTemplate, componentRows } from './component-list.template.js';
import { setLocale } from '../internal/localization.js';
import { cachedMemory, memory, NOW, setComponentStatus, statuspage, SUMMARIES, ZONE } from '../internal/status-fixtures.test.js';
import '../define/provider.js';

const registeredByClassModule = customElements.get('hansei-component-list');

const root = (el: HTMLElement): ShadowRoot => el.shadowRoot!;
const all = (el: HTMLElement, selector: string): HTMLElement[] => [...root(el).querySelectorAll<HTMLElement>(selector)];
const part = (el: HTMLElement, name: string): HTMLElement | null => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const words = (node: Element | null | undefined): string => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Group name -> its row's words, for every group. */
function groups(el: HTMLElement): Map<string, { open: boolean; status: string; count: string; members: string[] }> {
  return new Map(
    all(el, '[part~="group"]').map((g) => [
      words(g.querySelector('[part~="group-name"]')),
      {
        open: g.querySelector('details')!.open,
        status: words(g.querySelector('[part~="group-summary"] [part~="status"]')),
        count: words(g.querySelector('[part~="count"]')),
        members: [...g.querySelectorAll('[part~="member"]')].map((m) => `${words(m.querySelector('[part~="name"]'))}: ${words(m.querySelector('[part~="status"]'))}`),
      },
    ]),
  );
}

/** The top-level rows' names, in order. */
const topNames = (el: HTMLElement): string[] => all(el, '.list > li').map((li) => words(li.querySelector('[part~="name"]')));

async function settled(el: HanseiComponentList): Promise<void> {
  await waitUntil(() => !part(el, 'loading'), 'the list kept loading');
  await el.updateComplete;
}

async function demoSnapshot(): Promise<StatusSnapshot> {
  return memory().status();
}

describe('hansei-component-list', () => {
  before(async () => {
    await import('../define/component-list.js');
  });

  it('is registered by the define module, not by the class module', async () => {
    expect(registeredByClassModule).to.equal(undefined);
    const again = await import('../define/component-list.js');
    expect(again.HanseiComponentList).to.equal(HanseiComponentList);
    expect(customElements.get('hansei-component-list')).to.equal(HanseiComponentList);
  });

  describe('from snapshot data', () => {
    it('lists groups and ungrouped components in page order, each status as icon and words', async () => {
      const el = await fixture<HanseiComponentList>(html`<hansei-component-list .snapshot=${await demoSnapshot()}></hansei-component-list>`);
      expect(topNames(el)).to.deep.equal(['Member experience', 'Studio operations', 'Payments', 'Platform', 'Website & online sign-up']);
      const byName = groups(el);
      expect(byName.get('Member experience')).to.deep.equal({
        open: true,
        status: 'Degraded Performance',
        count: '4 components',
        members: ['Member app: Operational', 'Reservations: Operational', 'Check-in & door access: Degraded Performance', 'Notifications: Degraded Performance'],
      });
      expect(byName.get('Studio operations')?.status).to.equal('Under Maintenance');
      expect(byName.get('Studio operations')?.open).to.equal(true);
      expect(byName.get('Platform')).to.include({ open: false, status: 'Operational', count: '3 components' });
      // Every status has an icon beside its words, hidden from assistive technology.
      for (const status of all(el, '[part~="status"]')) {
        const icon = status.previousElementSibling;
        expect(icon?.getAttribute('part')).to.equal('icon');
        expect(icon?.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
      }
    });

    it('leaves out an operational component marked "only show if degraded", and shows it when degraded', async () => {
      const snapshot = await demoSnapshot();
      const el = await fixture<HanseiComponentList>(html`<hansei-component-list .snapshot=${snapshot}></hansei-component-list>`);
      expect(groups(el).get('Payments')).to.deep.include({ count: '1 component', members: ['Cashless payments: Operational'] });
      const degraded = {
        ...snapshot,
        components: snapshot.components.map((c) => (c.id === 'cmp_invoices' ? { ...c, status: 'partial_outage' as const } : c)),
      };
      el.snapshot = degraded;
      await el.updateComplete;
      expect(groups(el).get('Payments')).to.deep.include({
        open: true,
        status: 'Partial Outage',
        count: '2 components',
        members: ['Cashless payments: Operational', 'Invoices & receipts: Partial Outage'],
      });
    });

    it('leaves out a group with nothing to show, and lists a component of an unknown group on its own', () => {
      const base = { id: 'x', description: null, position: 1, showcase: true, onlyShowIfDegraded: false, startDate: null, createdAt: '', updatedAt: '' };
      const components: Component[] = [
        { ...base, id: 'a', name: 'Hidden', status: 'operational', groupId: 'g1', onlyShowIfDegraded: true },
        { ...base, id: 'b', name: 'Orphan', status: 'operational', groupId: 'nope', position: 0 },
      ];
      const groupsIn = [{ id: 'g1', name: 'G1', description: null, position: 0, createdAt: '', updatedAt: '' }];
      const rows = componentRows({ groups: groupsIn, components });
      expect(rows.map((r) => (r.kind === 'group' ? r.group.name : r.component.name))).to.deep.equal(['Orphan']);
    });

    it("gives a group the worst of its members' statuses, in core's order", async () => {
      const { COMPONENT_STATUSES, worstStatus } = await import('@hansei/core');
      const snapshot = await demoSnapshot();
      const [a, b] = snapshot.components.filter((c) => c.groupId === 'grp_platform');
      for (const first of COMPONENT_STATUSES) {
        for (const second of COMPONENT_STATUSES) {
          const rows = componentRows({ groups: snapshot.groups, components: [{ ...a!, status: first }, { ...b!, status: second }] });
          expect(rows[0]?.kind === 'group' && rows[0].status, `${first} + ${second}`).to.equal(worstStatus([first, second]));
        }
      }
    });

    it('says "Unknown" for a status the kit does not know, with the unknown icon', async () => {
      const snapshot = await demoSnapshot();
      const el = await fixture<HanseiComponentList>(html`<hansei-component-list
        .snapshot=${{ ...snapshot, components: snapshot.components.map((c) => (c.id === 'cmp_website' ? { ...c, status: 'on_fire' as Component['status'] } : c)) }}
      ></hansei-component-list>`);
      const website = all(el, '.list > li').at(-1)!;
      expect(words(website.querySelector('[part~="status"]'))).to.equal('Unknown');
      expect(website.querySelector('.icon')?.classList.contains('tone-unknown')).to.equal(true);
    });

    it("shows a component's description on demand, from the keyboard", async () => {
      const el = await fixture<HanseiComponentList>(html`<hansei-component-list .snapshot=${await demoSnapshot()}></hansei-component-list>`);
      const website = all(el, '.list > li').at(-1)!;
      const details = website.querySelector('details')!;
      const description = website.querySelector('[part~="description"]')!;
      expect(details.open).to.equal(false);
      expect(description.checkVisibility()).to.equal(false);
      website.querySelector('summary')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(details.open).to.equal(true);
      expect(words(description)).to.equal('kinetic.example and online sign-up for new members.');
      expect(description.checkVisibility()).to.equal(true);
    });

    it('opens and closes a group from the keyboard, and a later status change opens it', async () => {
      const snapshot = await demoSnapshot();
      const el = await fixture<HanseiComponentList>(html`<hansei-component-list .snapshot=${snapshot}></hansei-component-list>`);
      const platform = all(el, '[part~="group"]').find((g) => words(g.querySelector('[part~="group-name"]')) === 'Platform')!;
      const summary = platform.querySelector('summary')!;
      summary.focus();
      await sendKeys({ press: 'Space' });
      expect(platform.querySelector('details')!.open).to.equal(true);
      await sendKeys({ press: 'Space' });
      expect(platform.querySelector('details')!.open).to.equal(false);
      el.snapshot = { ...snapshot, components: snapshot.components.map((c) => (c.id === 'cmp_auth' ? { ...c, status: 'major_outage' as const } : c)) };
      await el.updateComplete;
      expect(platform.querySelector('details')!.open).to.equal(true);
      expect(groups(el).get('Platform')?.status).to.equal('Major Outage');
    });

    it('escapes names and descriptions', async () => {
      const snapshot = await demoSnapshot();
      const evil = '<img src=x onerror="window.__pwned=1">';
      const el = await fixture<HanseiComponentList>(html`<hansei-component-list
        .snapshot=${{ ...snapshot, components: snapshot.components.map((c) => ({ ...c, name: evil, description: evil })) }}
      ></hansei-component-list>`);
      expect(root(el).querySelector('img')).to.equal(null);
      expect(words(root(el).querySelector('[part~="member"] [part~="name"]'))).to.equal(evil);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('says when there is nothing to show', async () => {
      const snapshot = await demoSnapshot();
      const el = await fixture<HanseiComponentList>(html`<hansei-component-list .snapshot=${{ ...snapshot, components: [], groups: [] }}></hansei-component-list>`);
      expect(words(part(el, 'empty'))).to.equal('No components to show.');
    });

    it('is a pure template: readable without script, groups open by their own markup', async () => {
      const container = document.createElement('div');
      render(componentListTemplate({ state: 'ready', snapshot: await demoSnapshot(), asOf: null }, { locale: 'en', timeZone: ZONE, now: NOW }), container);
      const opened = [...container.querySelectorAll('details[open] > summary [part~="group-name"]')].map((n) => n.textContent);
      expect(opened).to.deep.equal(['Member experience', 'Studio operations']);
      expect(container.querySelectorAll('script, [onclick]').length).to.equal(0);
    });
  });

  describe('from an adapter', () => {
    it('reads the demo anonymously (internal components never appear)', async () => {
      const el = await fixture<HanseiComponentList>(html`<hansei-component-list .adapter=${memory()}></hansei-component-list>`);
      await settled(el);
      expect(topNames(el)).to.have.length(5);
      expect(words(root(el).querySelector('.base'))).not.to.contain('Background jobs');
    });

    it("reads through the provider's adapter", async () => {
      const adapter: HanseiAdapter = memory();
      const wrapper = await fixture<HTMLElement>(html`<hansei-provider .adapter=${adapter}><hansei-component-list></hansei-component-list></hansei-provider>`);
      const el = wrapper.querySelector('hansei-component-list')!;
      await settled(el);
      expect(groups(el).get('Member experience')?.status).to.equal('Degraded Performance');
    });

    it("renders Twilio's page: 8 groups, their members, the degraded ones open", async () => {
      const el = await fixture<HanseiComponentList>(html`<hansei-component-list .adapter=${statuspage('twilio')}></hansei-component-list>`);
      await settled(el);
      const twilioGroups = SUMMARIES.twilio.components.filter((c) => c.group);
      const shown = groups(el);
      expect(shown.size).to.equal(twilioGroups.length);
      for (const group of twilioGroups) {
        const row = shown.get(group.name);
        expect(row, group.name).to.exist;
        const members = SUMMARIES.twilio.components.filter((c) => c.group_id === group.id && !(c.only_show_if_degraded && c.status === 'operational'));
        expect(row!.members, group.name).to.deep.equal(members.map((c) => `${c.name}: ${c.status === 'operational' ? 'Operational' : 'Degraded Performance'}`));
        const anyDown = SUMMARIES.twilio.components.some((c) => c.group_id === group.id && c.status !== 'operational');
        expect(row!.open, group.name).to.equal(anyDown);
      }
      // Twilio marks Documentation "only show if degraded"; it is operational, so it is left out.
      expect(shown.get('TWILIO PLATFORM')?.members.join()).not.to.contain('Documentation');
      expect(shown.get('TWILIO PLATFORM')?.count).to.equal('6 components');
    });

    it("renders GitHub's outage, worst first words and all", async () => {
      const el = await fixture<HanseiComponentList>(html`<hansei-component-list .adapter=${statuspage('githubOutage')}></hansei-component-list>`);
      await settled(el);
      const rows = all(el, '.list > li').map((li) => `${words(li.querySelector('[part~="name"]'))}: ${words(li.querySelector('[part~="status"]'))}`);
      const expected = SUMMARIES.githubOutage.components
        .filter((c) => !c.only_show_if_degraded || c.status !== 'operational')
        .sort((a, b) => a.position - b.position)
        .map((c) => `${c.name}: ${{ operational: 'Operational', major_outage: 'Major Outage', partial_outage: 'Partial Outage', degraded_performance: 'Degraded Performance', under_maintenance: 'Under Maintenance' }[c.status]}`);
      expect(rows).to.deep.equal(expected);
    });

    it('says it is loading, then shows the error with Try again', async () => {
      let answer!: () => void;
      const hold = new Promise<void>((resolve) => (answer = resolve));
      let failing = true;
      const el = await fixture<HanseiComponentList>(html`<hansei-component-list .adapter=${statuspage('githubQuiet', { hold, failWith: () => (failing ? 500 : null) })}></hansei-component-list>`);
      expect(words(part(el, 'loading'))).to.equal('Loading status…');
      answer();
      await waitUntil(() => part(el, 'error'), 'no error');
      await expect(el).to.be.accessible();
      failing = false;
      part(el, 'button')!.click();
      await waitUntil(() => part(el, 'list'), 'did not recover');
    });

    it('shows the last known list "as of" its time when the adapter fails after a cached read', async () => {
      const { adapter, control } = cachedMemory();
      const mount = async (): Promise<HanseiComponentList> => {
        const wrapper = await fixture<HTMLElement>(html`<hansei-provider time-zone=${ZONE} .adapter=${adapter}>
          <hansei-component-list .now=${NOW}></hansei-component-list>
        </hansei-provider>`);
        return wrapper.querySelector('hansei-component-list')!;
      };
      const first = await mount();
      await settled(first);
      expect(part(first, 'as-of')).to.equal(null);
      control.down = true;
      const later = await mount();
      await waitUntil(() => part(later, 'as-of'), 'no as-of note');
      expect(words(part(later, 'as-of'))).to.equal('Last known status as of 6:30 PM. It could not be refreshed just now.');
      expect(topNames(later)).to.have.length(5);
    });

    it('follows live changes', async () => {
      const source = memory();
      const el = await fixture<HanseiComponentList>(html`<hansei-component-list .adapter=${source}></hansei-component-list>`);
      await settled(el);
      expect(groups(el).get('Platform')?.status).to.equal('Operational');
      await setComponentStatus(source, 'cmp_search', 'partial_outage');
      await waitUntil(() => groups(el).get('Platform')?.status === 'Partial Outage', 'the change did not arrive', { timeout: 3000 });
      expect(groups(el).get('Platform')?.open).to.equal(true);
    });
  });

  describe('in Japanese', () => {
    before(async () => {
      await setLocale('ja');
    });
    after(async () => {
      await setLocale('en');
    });

    it('says statuses and counts in Japanese, and stays accessible', async () => {
      const el = await fixture<HanseiComponentList>(html`<hansei-component-list .snapshot=${await demoSnapshot()}></hansei-component-list>`);
      const byName = groups(el);
      expect(byName.get('Member experience')?.status).to.equal('パフォーマンス低下');
      expect(byName.get('Member experience')?.count).to.equal('4 件のコンポーネント');
      expect(byName.get('Studio operations')?.status).to.equal('メンテナンス中');
      expect(byName.get('Platform')?.status).to.equal('正常');
      await expect(el).to.be.accessible();
    });
  });

  describe('accessibility, theme and size', () => {
    afterEach(async () => {
      await emulateMedia({ colorScheme: 'light' });
    });

    /** Every status at once, descriptions open. */
    async function everyStatus(): Promise<StatusSnapshot> {
      const snapshot = await demoSnapshot();
      const statuses = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const;
      return { ...snapshot, components: snapshot.components.map((c, i) => ({ ...c, status: statuses[i % statuses.length]! })) };
    }

    for (const scheme of ['light', 'dark'] as const) {
      it(`has no axe violations in ${scheme}, groups and descriptions open`, async () => {
        await emulateMedia({ colorScheme: scheme });
        const wrapper = await fixture<HTMLElement>(html`<div style="background: ${scheme === 'dark' ? '#0d1117' : '#fff'}; padding: 8px">
          <hansei-component-list .snapshot=${await everyStatus()}></hansei-component-list>
        </div>`);
        const el = wrapper.querySelector('hansei-component-list')!;
        await el.updateComplete;
        for (const details of all(el, 'details')) (details as HTMLDetailsElement).open = true;
        await expect(wrapper).to.be.accessible();
      });
    }

    it('is dark when an ancestor asks for it', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="--hansei-color-scheme: dark">
        <hansei-component-list .snapshot=${await demoSnapshot()}></hansei-component-list>
      </div>`);
      const el = wrapper.querySelector('hansei-component-list')!;
      await el.updateComplete;
      expect(getComputedStyle(part(el, 'list')!).backgroundColor).to.equal('rgb(13, 17, 23)');
    });

    it('fits 320 px: nothing overflows, long names wrap, statuses stay beside or under their names', async () => {
      const snapshot = await everyStatus();
      const long = {
        ...snapshot,
        components: snapshot.components.map((c, i) => (i === 0 ? { ...c, name: 'An extraordinarily long component name without many places to break_it_at_all' } : c)),
      };
      await setLocale('ja');
      try {
        const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 320px"><hansei-component-list .snapshot=${long}></hansei-component-list></div>`);
        const el = wrapper.querySelector('hansei-component-list')!;
        await el.updateComplete;
        for (const details of all(el, 'details')) (details as HTMLDetailsElement).open = true;
        const list = part(el, 'list')!;
        expect(list.getBoundingClientRect().width).to.be.at.most(320);
        for (const row of all(el, '.row')) {
          expect(row.scrollWidth, words(row)).to.be.at.most(row.clientWidth + 1);
          const box = row.getBoundingClientRect();
          for (const child of row.querySelectorAll('.state, .name')) {
            const r = child.getBoundingClientRect();
            expect(r.right, words(child)).to.be.at.most(box.right + 1);
          }
        }
      } finally {
        await setLocale('en');
      }
    });
  });
});
