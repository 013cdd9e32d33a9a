import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { HanseiAdapter } from '@hansei/adapters';
import { PAGE_INDICATORS, type PageIndicator } from '@hansei/core';
import { type HanseiStatusBadge } from './status-badge.js';
import { getLocale, setLocale } from '../internal/localization.js';
import { cachedMemory, memory, NOW, setComponentStatus, statuspage, ZONE } from '../internal/status-fixtures.test.js';
import '../define/provider.js';

// Captured before the define module is imported (below, in `before`): the class module alone
// must not register the tag.

const english: Record<PageIndicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major Service Outage',
  maintenance: 'Service Under Maintenance',
};

const japanese: Record<PageIndicator, string> = {
  none: 'すべてのシステムが正常に稼働しています',
  minor: '軽微なサービス障害が発生しています',
  major: '一部のシステムで障害が発生しています',
  critical: '大規模なサービス障害が発生しています',
  maintenance: 'サービスはメンテナンス中です',
};

function part(el: HanseiStatusBadge, name: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part ${name}`);
  return found;
}

function label(el: HanseiStatusBadge): string {
  return part(el, 'label').textContent?.trim() ?? '';
}

/** The icon's drawing, to tell states apart by shape rather than colour. */
function iconShape(el: HanseiStatusBadge): string {
  return part(el, 'icon').querySelector('svg')?.innerHTML.replace(/<!--[^>]*-->/g, '') ?? '';
}

describe('hansei-status-badge', () => {
  describe('rendering', () => {
    before(async () => {
      await import('../define/status-badge.js');
    });

    for (const indicator of PAGE_INDICATORS) {
      it(`shows "${indicator}" as an icon and text`, async () => {
        const el = await fixture<HanseiStatusBadge>(
          html`<hansei-status-badge .indicator=${indicator}></hansei-status-badge>`,
        );
        expect(label(el)).to.equal(english[indicator]);
        expect(part(el, 'label').getAttribute('lang')).to.equal('en');
        const svg = part(el, 'icon').querySelector('svg');
        expect(svg, 'icon').to.exist;
        expect(svg?.getAttribute('aria-hidden')).to.equal('true');
        expect(el.getAttribute('indicator')).to.equal(indicator);
        expect(part(el, 'base').classList.contains(indicator)).to.equal(true);
      });
    }

    it('draws a different icon for every state, not just a different colour', async () => {
      const shapes = new Set<string>();
      for (const indicator of PAGE_INDICATORS) {
        const el = await fixture<HanseiStatusBadge>(
          html`<hansei-status-badge .indicator=${indicator}></hansei-status-badge>`,
        );
        shapes.add(iconShape(el));
      }
      expect(shapes.size).to.equal(PAGE_INDICATORS.length);
    });

    it('reads the indicator attribute and follows changes', async () => {
      const el = await fixture<HanseiStatusBadge>(
        html`<hansei-status-badge indicator="minor"></hansei-status-badge>`,
      );
      expect(label(el)).to.equal(english.minor);
      el.setAttribute('indicator', 'critical');
      await el.updateComplete;
      expect(label(el)).to.equal(english.critical);
      el.indicator = 'none';
      await el.updateComplete;
      expect(label(el)).to.equal(english.none);
      expect(el.getAttribute('indicator')).to.equal('none');
    });

    it('says the status is unavailable without an indicator or with a bad one', async () => {
      const missing = await fixture<HanseiStatusBadge>(
        html`<hansei-status-badge></hansei-status-badge>`,
      );
      expect(label(missing)).to.equal('Status Unavailable');
      const bad = await fixture<HanseiStatusBadge>(
        html`<hansei-status-badge indicator="none"></hansei-status-badge>`,
      );
      bad.setAttribute('indicator', 'fine');
      await bad.updateComplete;
      expect(label(bad)).to.equal('Status Unavailable');
      expect(part(bad, 'base').classList.contains('unknown')).to.equal(true);
    });

    it('is a polite, atomic status region', async () => {
      const el = await fixture<HanseiStatusBadge>(
        html`<hansei-status-badge indicator="major"></hansei-status-badge>`,
      );
      const region = el.shadowRoot?.querySelector('[role="status"]');
      expect(region, 'status region').to.exist;
      expect(region?.getAttribute('aria-atomic')).to.equal('true');
      expect(region?.contains(part(el, 'label'))).to.equal(true);
    });

    it('shows a description instead of the default text', async () => {
      const el = await fixture<HanseiStatusBadge>(
        html`<hansei-status-badge
          indicator="major"
          description="Payments are degraded"
        ></hansei-status-badge>`,
      );
      expect(label(el)).to.equal('Payments are degraded');
      // The page's own words: their language is the page's, not the kit's.
      expect(part(el, 'label').hasAttribute('lang')).to.equal(false);
      el.description = '   ';
      await el.updateComplete;
      expect(label(el)).to.equal(english.major);
    });

    it('links to the status page when href is set', async () => {
      const el = await fixture<HanseiStatusBadge>(
        html`<hansei-status-badge
          indicator="none"
          href="https://status.example.com/"
        ></hansei-status-badge>`,
      );
      const base = part(el, 'base');
      expect(base.localName).to.equal('a');
      expect(base.getAttribute('href')).to.equal('https://status.example.com/');
      expect(base.textContent?.trim()).to.equal(english.none);
      base.focus();
      expect(el.shadowRoot?.activeElement).to.equal(base);
      el.href = undefined;
      await el.updateComplete;
      expect(part(el, 'base').localName).to.equal('span');
    });

    it('fits a narrow container by wrapping its text', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 140px">
          <hansei-status-badge indicator="maintenance"></hansei-status-badge>
        </div>`,
      );
      const el = wrapper.querySelector('hansei-status-badge');
      if (!el) throw new Error('no badge');
      await el.updateComplete;
      expect(el.getBoundingClientRect().width).to.be.at.most(140);
      expect(part(el, 'base').getBoundingClientRect().width).to.be.at.most(140);
    });

    describe('in Japanese', () => {
      before(async () => {
        expect(await setLocale('ja-JP')).to.equal('ja');
      });
      after(async () => {
        await setLocale('en');
      });

      for (const indicator of PAGE_INDICATORS) {
        it(`shows "${indicator}" in Japanese`, async () => {
          const el = await fixture<HanseiStatusBadge>(
            html`<hansei-status-badge .indicator=${indicator}></hansei-status-badge>`,
          );
          expect(label(el)).to.equal(japanese[indicator]);
          expect(part(el, 'label').getAttribute('lang')).to.equal('ja');
        });
      }

      it('has no axe violations', async () => {
        const el = await fixture<HanseiStatusBadge>(
          html`<hansei-status-badge indicator="critical" href="/status"></hansei-status-badge>`,
        );
        await expect(el).to.be.accessible();
      });
    });

    it('re-renders when the locale changes', async () => {
      const el = await fixture<HanseiStatusBadge>(
        html`<hansei-status-badge indicator="none"></hansei-status-badge>`,
      );
      try {
        await setLocale('ja');
        expect(getLocale()).to.equal('ja');
        await el.updateComplete;
        expect(label(el)).to.equal(japanese.none);
      } finally {
        await setLocale('en');
      }
      await el.updateComplete;
      expect(label(el)).to.equal(english.none);
    });

    describe('accessibility and theme', () => {
      afterEach(async () => {
        await emulateMedia({ colorScheme: 'light' });
      });

      for (const indicator of PAGE_INDICATORS) {
        it(`has no axe violations in light for "${indicator}" (plain and linked)`, async () => {
          const wrapper = await fixture<HTMLDivElement>(
            html`<div style="background: #fff; padding: 8px">
              <hansei-status-badge .indicator=${indicator}></hansei-status-badge>
              <hansei-status-badge .indicator=${indicator} href="/status"></hansei-status-badge>
            </div>`,
          );
          await expect(wrapper).to.be.accessible();
        });

        it(`has no axe violations in dark for "${indicator}" (plain and linked)`, async () => {
          const wrapper = await fixture<HTMLDivElement>(
            html`<div style="--hansei-color-scheme: dark; background: #0d1117; padding: 8px">
              <hansei-status-badge .indicator=${indicator}></hansei-status-badge>
              <hansei-status-badge .indicator=${indicator} href="/status"></hansei-status-badge>
            </div>`,
          );
          await expect(wrapper).to.be.accessible();
        });
      }

      it('is light by default and dark when an ancestor sets --hansei-color-scheme', async () => {
        await emulateMedia({ colorScheme: 'light' });
        const wrapper = await fixture<HTMLDivElement>(
          html`<div>
            <hansei-status-badge indicator="none"></hansei-status-badge>
            <div style="--hansei-color-scheme: dark">
              <hansei-status-badge indicator="none"></hansei-status-badge>
            </div>
          </div>`,
        );
        const [light, dark] = [...wrapper.querySelectorAll('hansei-status-badge')];
        if (!light || !dark) throw new Error('no badges');
        expect(getComputedStyle(part(light, 'base')).backgroundColor).to.equal('rgb(255, 255, 255)');
        expect(getComputedStyle(part(dark, 'base')).backgroundColor).to.equal('rgb(13, 17, 23)');
      });

      it('follows prefers-color-scheme unless an ancestor forces a scheme', async () => {
        await emulateMedia({ colorScheme: 'dark' });
        const wrapper = await fixture<HTMLDivElement>(
          html`<div>
            <hansei-status-badge indicator="none"></hansei-status-badge>
            <div style="--hansei-color-scheme: light">
              <hansei-status-badge indicator="none"></hansei-status-badge>
            </div>
          </div>`,
        );
        const [auto, light] = [...wrapper.querySelectorAll('hansei-status-badge')];
        if (!auto || !light) throw new Error('no badges');
        expect(getComputedStyle(part(auto, 'base')).backgroundColor).to.equal('rgb(13, 17, 23)');
        expect(getComputedStyle(part(light, 'base')).backgroundColor).to.equal(
          'rgb(255, 255, 255)',
        );
      });

      it('lets a page restyle a status colour with a public token', async () => {
        const el = await fixture<HanseiStatusBadge>(
          html`<hansei-status-badge
            indicator="critical"
            style="--hansei-status-critical: rgb(1, 2, 3)"
          ></hansei-status-badge>`,
        );
        const shape = part(el, 'icon').querySelector('.shape');
        if (!shape) throw new Error('no icon shape');
        expect(getComputedStyle(shape).fill).to.equal('rgb(1, 2, 3)');
      });
    });
  });
  describe('from a snapshot or an adapter', () => {
    before(async () => {
      await import('../define/status-badge.js');
    });

    /** Waits until the badge no longer says it is loading. */
    async function settled(el: HanseiStatusBadge): Promise<void> {
      await waitUntil(() => label(el) !== 'Loading status…', 'the badge kept loading');
      await el.updateComplete;
    }

    it("shows a snapshot's state in its words", async () => {
      const el = await fixture<HanseiStatusBadge>(html`<hansei-status-badge .snapshot=${await memory().status()}></hansei-status-badge>`);
      expect(label(el)).to.equal('Partially Degraded Service');
      expect(part(el, 'base').classList.contains('minor')).to.equal(true);
      expect(part(el, 'label').getAttribute('lang')).to.equal('en');
    });

    it('reads the status through its adapter when it has no indicator', async () => {
      const el = await fixture<HanseiStatusBadge>(html`<hansei-status-badge .adapter=${memory()}></hansei-status-badge>`);
      await settled(el);
      expect(label(el)).to.equal('Partially Degraded Service');
      expect(el.hasAttribute('indicator')).to.equal(false);
    });

    it("reads through the provider's adapter, and a real Statuspage page", async () => {
      const adapter: HanseiAdapter = statuspage('githubOutage');
      const wrapper = await fixture<HTMLElement>(html`<hansei-provider .adapter=${adapter}>
        <hansei-status-badge href="https://www.githubstatus.com"></hansei-status-badge>
      </hansei-provider>`);
      const el = wrapper.querySelector('hansei-status-badge')!;
      await settled(el);
      expect(label(el)).to.equal('Partial System Outage');
      expect(part(el, 'base').classList.contains('major')).to.equal(true);
      await expect(wrapper).to.be.accessible();
    });

    it('reads nothing while it has an indicator', async () => {
      const adapter = statuspage('githubOutage');
      const el = await fixture<HanseiStatusBadge>(html`<hansei-status-badge indicator="none" .adapter=${adapter}></hansei-status-badge>`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(adapter.requests).to.deep.equal([]);
      expect(label(el)).to.equal(english.none);
      el.indicator = undefined;
      await el.updateComplete;
      await waitUntil(() => label(el) === 'Partial System Outage', 'did not read');
      expect(adapter.requests).to.deep.equal(['/api/v2/summary.json']);
      expect(label(el)).to.equal('Partial System Outage');
    });

    it('says it is loading, then unavailable when the read fails', async () => {
      let answer!: () => void;
      const hold = new Promise<void>((resolve) => (answer = resolve));
      const el = await fixture<HanseiStatusBadge>(html`<hansei-status-badge .adapter=${statuspage('githubQuiet', { hold, failWith: () => 503 })}></hansei-status-badge>`);
      expect(label(el)).to.equal('Loading status…');
      expect(part(el, 'base').classList.contains('unknown')).to.equal(true);
      answer();
      await settled(el);
      expect(label(el)).to.equal('Status Unavailable');
    });

    it('shows the last known state with its time when the adapter fails after a cached read', async () => {
      const { adapter, control } = cachedMemory();
      const mount = async (): Promise<HanseiStatusBadge> => {
        const wrapper = await fixture<HTMLElement>(html`<hansei-provider time-zone=${ZONE} .adapter=${adapter}>
          <hansei-status-badge .now=${NOW}></hansei-status-badge>
        </hansei-provider>`);
        return wrapper.querySelector('hansei-status-badge')!;
      };
      await settled(await mount());
      control.down = true;
      const el = await mount();
      await waitUntil(() => label(el).includes('as of'), 'no as-of');
      expect(label(el)).to.equal('Partially Degraded Service (as of 6:30 PM)');
    });

    it('follows live changes', async () => {
      const source = memory();
      const el = await fixture<HanseiStatusBadge>(html`<hansei-status-badge .adapter=${source}></hansei-status-badge>`);
      await settled(el);
      await setComponentStatus(source, 'cmp_payments', 'major_outage');
      await waitUntil(() => label(el) !== 'Partially Degraded Service', 'the change did not arrive', { timeout: 3000 });
      expect(label(el)).to.equal('Partial System Outage');
      expect(part(el, 'base').classList.contains('major')).to.equal(true);
    });

    it("says an adapter's state in Japanese", async () => {
      await setLocale('ja');
      try {
        const el = await fixture<HanseiStatusBadge>(html`<hansei-status-badge .adapter=${memory()}></hansei-status-badge>`);
        await waitUntil(() => part(el, 'base').classList.contains('minor'), 'did not read');
        expect(label(el)).to.equal('一部のサービスでパフォーマンスが低下しています');
        expect(part(el, 'label').getAttribute('lang')).to.equal('ja');
      } finally {
        await setLocale('en');
      }
    });
  });
});
