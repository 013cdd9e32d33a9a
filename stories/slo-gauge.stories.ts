import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { HanseiError, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter, type MemoryAdapterOptions } from '@hansei/adapters/memory';
import type { Slo, SloReport } from '@hansei/core';
import type { SloGaugeIncident } from '@hansei/elements/slo-gauge/slo-gauge.js';
import '@hansei/elements/define/slo-gauge.js';
import '@hansei/elements/define/provider.js';

/** The demo's now: Wednesday 25 November 2026, 18:30 in Tokyo. */
const NOW = Date.parse('2026-11-25T09:30:00.000Z');
const HOUR = 3_600_000;
const ZONE = 'Asia/Tokyo';

/** The demo's SLOs: check-in is burning (page), checkout has overspent, login and the API are healthy. */
const SLO_IDS = ['slo_checkin', 'slo_checkout', 'slo_login', 'slo_api_latency'] as const;

/** The demo organisation as a viewer reads it (SLOs need a token). */
function viewer(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({ now: () => NOW, role: 'viewer', ...options });
}

interface Args {
  sloId: string;
  size: 'full' | 'compact';
  hrefTemplate: string;
}

interface Loaded {
  adapter?: HanseiAdapter;
  report?: SloReport;
  slo?: Slo;
  incidents?: readonly SloGaugeIncident[];
  now?: number;
}

function gauge(args: Args, loaded: Loaded): TemplateResult {
  return html`<hansei-provider time-zone=${ZONE} .adapter=${loaded.adapter}>
    <hansei-slo-gauge
      slo-id=${args.sloId}
      size=${args.size}
      href-template=${args.hrefTemplate}
      .report=${loaded.report}
      .slo=${loaded.slo}
      .incidents=${loaded.incidents}
      .now=${loaded.now ?? NOW}
    ></hansei-slo-gauge>
  </hansei-provider>`;
}

const meta = {
  title: 'SLOs/SLO gauge',
  component: 'hansei-slo-gauge',
  argTypes: {
    sloId: { control: 'select', options: [...SLO_IDS] },
    size: { control: 'inline-radio', options: ['full', 'compact'] },
    hrefTemplate: { control: 'text' },
  },
  args: { sloId: 'slo_checkin', size: 'full', hrefTemplate: '/incidents/{id}' },
  loaders: [(): Loaded => ({ adapter: viewer() })],
  render: (args, { loaded }) => gauge(args, loaded as Loaded),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Burning: an incident is spending the budget fast, so the fast window pairs fire and someone is paged. */
export const Burning: Story = {};

/**
 * Burning slowly: the incident has been mitigated for an hour (good samples since), so only the
 * slow 3 day / 6 hour pair still fires: a ticket, not a page.
 */
export const Ticket: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const clock = { now: NOW };
      const adapter = new MemoryAdapter({ now: () => clock.now, role: 'viewer' });
      clock.now = NOW + HOUR;
      const samples = [];
      for (let at = NOW; at < NOW + HOUR; at += 300_000) samples.push({ at, good: 2000, total: 2000 });
      await adapter.as('responder').ingestSamples('slo_checkin', samples);
      return { adapter, now: clock.now };
    },
  ],
};

/** Exhausted: two payment incidents spent the budget twice over; the budget is below zero and the objective missed. */
export const Overspent: Story = { args: { sloId: 'slo_checkout' } };

/** Healthy, on a calendar month: at this rate the budget lasts the window. */
export const Healthy: Story = { args: { sloId: 'slo_login' } };

/** A Timeslices SLO: the budget in time (5-minute slices that must be 95 % fast). */
export const Timeslices: Story = { args: { sloId: 'slo_api_latency' } };

/** Compact: one line per SLO, as in a list or a dashboard. */
export const Compact: Story = {
  render: (_args, { loaded }) =>
    html`<hansei-provider time-zone=${ZONE} .adapter=${(loaded as Loaded).adapter}>
      <div style="display: grid; gap: 0.5rem">
        ${SLO_IDS.map((id) => html`<hansei-slo-gauge slo-id=${id} size="compact" .now=${NOW}></hansei-slo-gauge>`)}
      </div>
    </hansei-provider>`,
};

/** Every demo SLO at full size. */
export const AllStates: Story = {
  render: (_args, { loaded }) =>
    html`<hansei-provider time-zone=${ZONE} .adapter=${(loaded as Loaded).adapter}>
      <div style="display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 36rem), 1fr))">
        ${SLO_IDS.map((id) => html`<hansei-slo-gauge slo-id=${id} href-template="/incidents/{id}" .now=${NOW}></hansei-slo-gauge>`)}
      </div>
    </hansei-provider>`,
};

/** From data: the page already has the report and the SLO, and no adapter; incidents show by id. */
export const FromData: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = viewer();
      return { report: await adapter.getSloReport('slo_checkout'), slo: await adapter.getSlo('slo_checkout') };
    },
  ],
};

/** From data with the incidents' titles and times given by the page: marked on the chart, no lookups. */
export const FromDataWithIncidents: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = viewer();
      const report = await adapter.getSloReport('slo_checkout');
      const incidents = await Promise.all(report.incidents.map((use) => adapter.getIncident(use.incidentId)));
      return { report, slo: await adapter.getSlo('slo_checkout'), incidents };
    },
  ],
};

/** Many incidents on one window: eight markers, and the list under the chart. */
export const ManyIncidents: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = viewer();
      const report = await adapter.getSloReport('slo_checkin');
      const all = await adapter.listIncidents({ limit: 100 });
      const inWindow = all.data.filter((i) => Date.parse(i.startedAt) >= report.windowStart).slice(0, 8);
      const share = 1 / (inWindow.length * 2);
      return {
        slo: await adapter.getSlo('slo_checkin'),
        report: { ...report, incidents: inWindow.map((i) => ({ incidentId: i.id, bad: Math.round(report.budgetTotal * share), budgetFraction: share })) },
        incidents: inWindow,
      };
    },
  ],
};

/** Nothing measured yet: no attainment, rates without data. */
export const NoData: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = viewer();
      const report = await adapter.getSloReport('slo_login');
      return {
        slo: await adapter.getSlo('slo_login'),
        report: {
          ...report,
          good: 0,
          total: 0,
          attainment: null,
          budgetTotal: 0,
          budgetConsumed: 0,
          budgetRemaining: 1,
          timeToExhaustionMs: null,
          budgetSeries: [
            { at: report.windowStart, remaining: 1 },
            { at: NOW, remaining: 1 },
          ],
          burnRates: report.burnRates.map((rate) => ({ ...rate, longRate: null, shortRate: null, firing: false })),
        },
      };
    },
  ],
};

/** A long name, in Japanese (the Locale toolbar switches any story). */
export const LongNameJapanese: Story = {
  globals: { locale: 'ja' },
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = viewer();
      const admin = adapter.as('admin');
      const slo = await admin.getSlo('slo_checkin');
      await admin.updateSlo('slo_checkin', { name: 'QR チェックインでゲートが 3 秒以内に開いた割合（全店舗、会員アプリと受付端末の両方）' }, slo.version);
      return { adapter };
    },
  ],
};

/** Dark scheme (the Theme toolbar switches any story). */
export const Dark: Story = { globals: { theme: 'dark' } };

/** 320 px wide: the card stacks its figures and burn rates; the compact line wraps. */
export const Narrow: Story = {
  render: (_args, { loaded }) =>
    html`<hansei-provider time-zone=${ZONE} .adapter=${(loaded as Loaded).adapter}>
      <div style="inline-size: 320px; display: grid; gap: 0.75rem">
        <hansei-slo-gauge slo-id="slo_checkout" size="compact" .now=${NOW}></hansei-slo-gauge>
        <hansei-slo-gauge slo-id="slo_checkin" .now=${NOW}></hansei-slo-gauge>
      </div>
    </hansei-provider>`,
};

/** Waiting for the adapter (it never answers here). */
export const Loading: Story = {
  loaders: [(): Loaded => ({ adapter: viewer({ latencyMs: 24 * HOUR }) })],
};

/** The adapter fails: the gauge says so and offers to try again. */
export const LoadError: Story = {
  loaders: [
    (): Loaded => ({ adapter: viewer({ failWith: () => new HanseiError({ kind: 'network', message: 'The API cannot be reached (story).' }) }) }),
  ],
};

/** An id the adapter does not know. */
export const NotFound: Story = { args: { sloId: 'slo_unknown' } };

/** An anonymous reader (the public status page's adapter) may not read SLOs. */
export const SignedOut: Story = {
  loaders: [(): Loaded => ({ adapter: viewer({ role: null }) })],
};

/** The report read earlier stays when a later read fails, with the time it is from. */
export const Stale: Story = {
  loaders: [
    (): Loaded => {
      const control = { down: false };
      const adapter = viewer({ failWith: () => (control.down ? new HanseiError({ kind: 'network', message: 'The API cannot be reached (story).' }) : null) });
      // Read once; then new samples arrive and the adapter becomes unreachable before the gauge reads again.
      setTimeout(() => {
        void adapter
          .as('responder')
          .ingestSamples('slo_checkin', [{ at: NOW - 60_000, good: 10, total: 10 }])
          .then(() => {
            control.down = true;
          });
      }, 1500);
      return { adapter };
    },
  ],
};

/** Without a provider or adapter, the gauge says how to give it one. */
export const NoAdapter: Story = { loaders: [(): Loaded => ({})] };
