import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { defineAdapter, HanseiError, type HanseiAdapter } from '@hansei/adapters';
import { openStatusStore, withStatusCache } from '@hansei/adapters/offline/status';
import type { PageIndicator, StatusSnapshot } from '@hansei/core';
import { HanseiStatusSummary } from './status-summary.js';
import { statusSummaryTemplate } from './status-summary.template.js';
import { setLocale } from '../internal/localization.js';
import { cachedMemory, memory, NOW, RECORDED, setComponentStatus, statuspage, ZONE } from '../internal/status-fixtures.test.js';
import '../define/provider.js';

const registeredByClassModule = customElements.get('hansei-status-summary');

const root = (el: HTMLElement): ShadowRoot => el.shadowRoot!;
const part = (el: HTMLElement, name: string): HTMLElement | null => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: HTMLElement, name: string): string => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The summary inside a provider in Tokyo time reading through `adapter`. */
async function inTokyo(adapter: HanseiAdapter, now = NOW): Promise<HanseiStatusSummary> {
  const wrapper = await fixture<HTMLElement>(html`<hansei-provider time-zone=${ZONE} .adapter=${adapter}>
    <hansei-status-summary .now=${now}></hansei-status-summary>
  </hansei-provider>`);
  return wrapper.querySelector('hansei-status-summary')!;
}

/** Waits until the element shows something other than its loading state. */
async function settled(el: HanseiStatusSummary): Promise<void> {
  await waitUntil(() => !root(el).querySelector('.base.loading'), 'the summary kept loading');
  await el.updateComplete;
}

async function snapshotOf(indicator: PageIndicator, description: string): Promise<StatusSnapshot> {
  const snapshot = await memory().status();
  return { ...snapshot, status: { indicator, description } };
}

describe('hansei-status-summary', () => {
  before(async () => {
    await import('../define/status-summary.js');
  });

  it('is registered by the define module, not by the class module', async () => {
    expect(registeredByClassModule).to.equal(undefined);
    const again = await import('../define/status-summary.js');
    expect(again.HanseiStatusSummary).to.equal(HanseiStatusSummary);
    expect(customElements.get('hansei-status-summary')).to.equal(HanseiStatusSummary);
  });

  describe('from snapshot data', () => {
    it('shows the state in words and tone, the page name and when it was updated, reading nothing', async () => {
      const snapshot = await memory().status();
      const source = memory();
      let reads = 0;
      const counting = Object.assign(Object.create(source) as typeof source, {
        status: () => {
          reads += 1;
          return source.status();
        },
      });
      const adapter: HanseiAdapter = counting;
      const el = await fixture<HanseiStatusSummary>(html`<hansei-provider time-zone=${ZONE} .adapter=${adapter}>
        <hansei-status-summary .snapshot=${snapshot} .now=${NOW}></hansei-status-summary>
      </hansei-provider>`).then((p) => p.querySelector('hansei-status-summary')!);
      await el.updateComplete;
      expect(text(el, 'description')).to.equal('Partially Degraded Service');
      expect(part(el, 'banner')?.classList.contains('tone-minor')).to.equal(true);
      expect(part(el, 'description')?.querySelector('[lang]')?.getAttribute('lang')).to.equal('en');
      expect(text(el, 'page-name')).to.equal('Kinetic Status');
      // Updated at 09:09 UTC: 18:09 the same day in Tokyo, so only the time.
      expect(text(el, 'updated')).to.equal('Updated 6:09 PM');
      expect(part(el, 'updated')?.querySelector('time')?.getAttribute('datetime')).to.equal('2026-11-25T09:09:00.000Z');
      expect(part(el, 'as-of')).to.equal(null);
      expect(reads).to.equal(0);
    });

    const cases: [PageIndicator, string, string][] = [
      ['none', 'All Systems Operational', 'tone-none'],
      ['minor', 'Minor Service Outage', 'tone-minor'],
      ['minor', 'Degraded System Service', 'tone-minor'],
      ['major', 'Partial System Outage', 'tone-major'],
      ['critical', 'Major System Outage', 'tone-critical'],
      ['critical', 'Major Service Outage', 'tone-critical'],
      ['maintenance', 'Service Under Maintenance', 'tone-maintenance'],
    ];
    for (const [indicator, description, tone] of cases) {
      it(`says "${description}" for ${indicator}, with its own icon`, async () => {
        const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .snapshot=${await snapshotOf(indicator, description)}></hansei-status-summary>`);
        expect(text(el, 'description')).to.equal(description);
        expect(part(el, 'banner')?.classList.contains(tone)).to.equal(true);
        expect(part(el, 'icon')?.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
      });
    }

    it('draws a different icon for each indicator', async () => {
      const shapes = new Set<string>();
      for (const indicator of ['none', 'minor', 'major', 'critical', 'maintenance'] as const) {
        const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .snapshot=${await snapshotOf(indicator, '')}></hansei-status-summary>`);
        shapes.add(part(el, 'icon')?.querySelector('svg')?.innerHTML.replace(/<!--[^>]*-->/g, '') ?? '');
      }
      expect(shapes.size).to.equal(5);
    });

    it("shows a page's own description as written, unmarked, and the indicator's words without one", async () => {
      const own = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .snapshot=${await snapshotOf('major', 'Payments are slow <b>now</b>')}></hansei-status-summary>`);
      expect(text(own, 'description')).to.equal('Payments are slow <b>now</b>');
      expect(part(own, 'description')?.querySelector('b')).to.equal(null);
      expect(part(own, 'description')?.querySelector('[lang]')).to.equal(null);
      const none = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .snapshot=${await snapshotOf('critical', '  ')}></hansei-status-summary>`);
      expect(text(none, 'description')).to.equal('Major Service Outage');
    });

    it('says the status is unavailable for an unknown indicator', async () => {
      const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .snapshot=${await snapshotOf('bogus' as PageIndicator, '')}></hansei-status-summary>`);
      expect(text(el, 'description')).to.equal('Status Unavailable');
      expect(part(el, 'banner')?.classList.contains('tone-unknown')).to.equal(true);
    });

    it('gives the date when the page was updated on another day', async () => {
      const snapshot = await memory().status();
      const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary
        .snapshot=${{ ...snapshot, page: { ...snapshot.page, updatedAt: '2026-11-20T01:00:00.000Z' } }}
        .now=${NOW}
      ></hansei-status-summary>`);
      expect(text(el, 'updated')).to.match(/^Updated Nov 20, \d{1,2}:00 [AP]M$/);
    });

    it('is a pure template the server can render: same words from data alone', async () => {
      const snapshot = await memory().status();
      const container = document.createElement('div');
      const { render } = await import('lit');
      render(statusSummaryTemplate({ state: 'ready', snapshot, asOf: new Date(NOW - 60_000) }, { locale: 'en', timeZone: ZONE, now: NOW }), container);
      expect(container.querySelector('[part~="description"]')?.textContent?.trim()).to.equal('Partially Degraded Service');
      expect(container.querySelector('[part~="as-of"]')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
        'Last known status as of 6:29 PM. It could not be refreshed just now.',
      );
      render(statusSummaryTemplate({ state: 'error' }, { locale: 'en', timeZone: ZONE, now: NOW }), container);
      // No retry without script.
      expect(container.querySelector('button')).to.equal(null);
      expect(container.querySelector('[part~="error"]')).to.exist;
    });
  });

  describe('from an adapter', () => {
    it('reads the demo anonymously through its adapter property', async () => {
      const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .adapter=${memory()} .now=${NOW}></hansei-status-summary>`);
      await settled(el);
      expect(text(el, 'description')).to.equal('Partially Degraded Service');
      expect(text(el, 'page-name')).to.equal('Kinetic Status');
    });

    it("reads through the provider's adapter, in the provider's time zone", async () => {
      const adapter: HanseiAdapter = memory();
      const wrapper = await fixture<HTMLElement>(html`<hansei-provider time-zone="America/New_York" .adapter=${adapter}>
        <hansei-status-summary .now=${NOW}></hansei-status-summary>
      </hansei-provider>`);
      const el = wrapper.querySelector('hansei-status-summary')!;
      await settled(el);
      expect(text(el, 'updated')).to.equal('Updated 4:09 AM');
    });

    it('reads a real Statuspage page (Twilio) through the StatuspageAdapter', async () => {
      const adapter = statuspage('twilio');
      const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .adapter=${adapter} .now=${RECORDED.twilio}></hansei-status-summary>`);
      await settled(el);
      expect(text(el, 'description')).to.equal('Partially Degraded Service');
      expect(part(el, 'banner')?.classList.contains('tone-minor')).to.equal(true);
      expect(text(el, 'page-name')).to.equal('Twilio');
      expect(adapter.requests).to.deep.equal(['/api/v2/summary.json']);
    });

    it('reads GitHub during an outage and on a quiet day', async () => {
      const outage = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .adapter=${statuspage('githubOutage')}></hansei-status-summary>`);
      await settled(outage);
      expect(text(outage, 'description')).to.equal('Partial System Outage');
      expect(part(outage, 'banner')?.classList.contains('tone-major')).to.equal(true);
      const quiet = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .adapter=${statuspage('githubQuiet')}></hansei-status-summary>`);
      await settled(quiet);
      expect(text(quiet, 'description')).to.equal('All Systems Operational');
      expect(text(quiet, 'page-name')).to.equal('GitHub');
    });

    it('says it is loading until the first answer, in the live region', async () => {
      let answer!: () => void;
      const hold = new Promise<void>((resolve) => (answer = resolve));
      const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .adapter=${statuspage('githubQuiet', { hold })}></hansei-status-summary>`);
      await el.updateComplete;
      expect(text(el, 'description')).to.equal('Loading status…');
      expect(part(el, 'banner')?.classList.contains('tone-unknown')).to.equal(true);
      const region = part(el, 'description');
      expect(region?.getAttribute('role')).to.equal('status');
      answer();
      await settled(el);
      // The same live region now says the state, so the change is announced.
      expect(part(el, 'description')).to.equal(region);
      expect(text(el, 'description')).to.equal('All Systems Operational');
    });

    it('shows an error with Try again when the first read fails, and recovers', async () => {
      let failing = true;
      const adapter = statuspage('githubQuiet', { failWith: () => (failing ? 503 : null) });
      const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .adapter=${adapter}></hansei-status-summary>`);
      await waitUntil(() => part(el, 'error'), 'no error shown');
      expect(text(el, 'description')).to.equal('Status Unavailable');
      expect(part(el, 'error')?.getAttribute('role')).to.equal('alert');
      expect(text(el, 'error')).to.contain('The status could not be loaded.');
      await expect(el).to.be.accessible();
      failing = false;
      part(el, 'button')!.click();
      await waitUntil(() => text(el, 'description') === 'All Systems Operational', 'did not recover');
      expect(part(el, 'error')).to.equal(null);
    });

    it('shows the last known status "as of" its time when the adapter fails after a cached read', async () => {
      const { adapter, control } = cachedMemory();
      const first = await inTokyo(adapter);
      await settled(first);
      expect(part(first, 'as-of')).to.equal(null);
      control.down = true;
      // A later visit: the cache answers first, the fresh read fails.
      const later = await inTokyo(adapter, NOW + 3_600_000);
      await waitUntil(() => part(later, 'as-of'), 'no as-of note');
      expect(text(later, 'description')).to.equal('Partially Degraded Service');
      expect(text(later, 'as-of')).to.equal('Last known status as of 6:30 PM. It could not be refreshed just now.');
      expect(part(later, 'as-of')?.querySelector('time')?.getAttribute('datetime')).to.equal(new Date(NOW).toISOString());
      // The element that was fine learns it too when it reads again.
      await first.reload();
      await first.updateComplete;
      expect(part(first, 'as-of')).to.exist;
      control.down = false;
      await later.reload();
      await later.updateComplete;
      expect(part(later, 'as-of')).to.equal(null);
    });

    it('follows live changes and announces them in the same live region', async () => {
      const source = memory();
      const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .adapter=${source}></hansei-status-summary>`);
      await settled(el);
      const region = part(el, 'description');
      await setComponentStatus(source, 'cmp_payments', 'major_outage');
      await waitUntil(() => text(el, 'description') !== 'Partially Degraded Service', 'the change did not arrive', { timeout: 3000 });
      expect(text(el, 'description')).to.equal('Partial System Outage');
      expect(part(el, 'description')).to.equal(region);
    });

    it('does not miss a change made while a read is under way (behind the status cache)', async () => {
      const source = memory();
      let gate: Promise<void> | null = null;
      // Reads answer what the backend had when they started, after the gate opens.
      const slow = defineAdapter('slow', {
        capabilities: source.capabilities,
        subscribe: (listener, options) => source.subscribe(listener, options),
        status: async () => {
          const snapshot = await source.status();
          if (gate) await gate;
          return snapshot;
        },
      });
      const adapter = withStatusCache(slow, openStatusStore(`hansei-status-summary-test-${Date.now()}`));
      const el = await inTokyo(adapter);
      await settled(el);
      let open!: () => void;
      gate = new Promise<void>((resolve) => (open = resolve));
      const reloading = el.reload();
      await setComponentStatus(source, 'cmp_payments', 'major_outage');
      // The change's read is asked for while the first is held.
      await new Promise((resolve) => setTimeout(resolve, 400));
      gate = null;
      open();
      await reloading;
      await el.updateComplete;
      expect(text(el, 'description')).to.equal('Partial System Outage');
    });

    it('switches to another adapter without showing the old one', async () => {
      const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .adapter=${statuspage('githubOutage')}></hansei-status-summary>`);
      await settled(el);
      el.adapter = statuspage('cloudamqp');
      await el.updateComplete;
      expect(text(el, 'description')).not.to.equal('Partial System Outage');
      await waitUntil(() => text(el, 'description') === 'Service Under Maintenance', 'did not switch');
      expect(text(el, 'page-name')).to.equal('CloudAMQP');
    });

    it('stops reading when removed and reads again when put back', async () => {
      const source = memory();
      const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .adapter=${source}></hansei-status-summary>`);
      await settled(el);
      const parent = el.parentElement!;
      el.remove();
      await setComponentStatus(source, 'cmp_payments', 'major_outage');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(text(el, 'description')).to.equal('Partially Degraded Service');
      parent.append(el);
      await waitUntil(() => text(el, 'description') === 'Partial System Outage', 'did not read again');
    });

    it('says so without snapshot or adapter', async () => {
      const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary></hansei-status-summary>`);
      expect(text(el, 'missing-adapter')).to.contain('No data source');
    });

    it('shows the error state when the backend fails', async () => {
      const broken = memory({ failWith: () => new HanseiError({ kind: 'server', message: 'Boom.' }) });
      const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .adapter=${broken}></hansei-status-summary>`);
      await waitUntil(() => part(el, 'error'), 'no error shown');
    });
  });

  describe('in Japanese', () => {
    before(async () => {
      await setLocale('ja');
    });
    after(async () => {
      await setLocale('en');
    });

    it('says the state, the update time and the as-of note in Japanese', async () => {
      const snapshot = await memory().status();
      const el = await fixture<HanseiStatusSummary>(html`<hansei-provider time-zone=${ZONE}>
        <hansei-status-summary .snapshot=${snapshot} .now=${NOW}></hansei-status-summary>
      </hansei-provider>`).then((p) => p.querySelector('hansei-status-summary')!);
      await el.updateComplete;
      expect(text(el, 'description')).to.equal('一部のサービスでパフォーマンスが低下しています');
      expect(part(el, 'description')?.querySelector('[lang]')?.getAttribute('lang')).to.equal('ja');
      expect(text(el, 'updated')).to.equal('18:09 更新');
      await expect(el).to.be.accessible();
    });

    it('translates every description Statuspage derives', async () => {
      for (const description of ['All Systems Operational', 'Degraded System Service', 'Major System Outage', 'Service Under Maintenance']) {
        const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .snapshot=${await snapshotOf('minor', description)}></hansei-status-summary>`);
        expect(text(el, 'description')).not.to.equal(description);
        expect(text(el, 'description')).to.match(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    });

    it('says the stale note in Japanese', async () => {
      const { adapter, control } = cachedMemory();
      const first = await inTokyo(adapter);
      await settled(first);
      control.down = true;
      await first.reload();
      await first.updateComplete;
      expect(text(first, 'as-of')).to.contain('18:30');
      expect(text(first, 'as-of')).to.match(/[\u3040-\u30ff\u4e00-\u9fff]/);
    });
  });

  describe('accessibility, theme and size', () => {
    afterEach(async () => {
      await emulateMedia({ colorScheme: 'light' });
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`has no axe violations in ${scheme} for every indicator`, async () => {
        const background = scheme === 'dark' ? '#0d1117' : '#ffffff';
        for (const indicator of ['none', 'minor', 'major', 'critical', 'maintenance'] as const) {
          const wrapper = await fixture<HTMLElement>(html`<div style="--hansei-color-scheme: ${scheme}; background: ${background}; padding: 8px">
            <hansei-status-summary .snapshot=${await snapshotOf(indicator, '')}></hansei-status-summary>
          </div>`);
          await expect(wrapper).to.be.accessible();
        }
      });
    }

    it('is dark when the viewer prefers dark', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await fixture<HanseiStatusSummary>(html`<hansei-status-summary .snapshot=${await snapshotOf('none', '')}></hansei-status-summary>`);
      // The dark green, and dark text on it.
      expect(getComputedStyle(part(el, 'banner')!).backgroundColor).to.equal('rgb(63, 185, 80)');
      expect(getComputedStyle(part(el, 'banner')!).color).to.equal('rgb(13, 17, 23)');
    });

    it('fits 320 px with long words, in Japanese too', async () => {
      await setLocale('ja');
      try {
        const snapshot = await memory().status();
        const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 320px">
          <hansei-status-summary
            .snapshot=${{ ...snapshot, page: { ...snapshot.page, name: 'A status page with a very long name that has to wrap somewhere' } }}
          ></hansei-status-summary>
        </div>`);
        const el = wrapper.querySelector('hansei-status-summary')!;
        await el.updateComplete;
        for (const name of ['base', 'banner', 'meta']) {
          const box = part(el, name)!;
          expect(box.scrollWidth, name).to.be.at.most(box.clientWidth + 1);
          expect(box.getBoundingClientRect().width, name).to.be.at.most(320);
        }
      } finally {
        await setLocale('en');
      }
    });
  });
});
