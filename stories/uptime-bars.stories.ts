import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StatusAdapter } from '@hansei/adapters';
import type { ComponentUptime, DayUptime, StatusSnapshot } from '@hansei/core';
import '@hansei/elements/define/provider.js';
import '@hansei/elements/define/uptime-bars.js';
import { failing, loading, memory, NOW, stale, statuspage } from './status-support.js';

/** What a story's loader gives: an adapter to read through, or data to show. */
interface Loaded {
  adapter?: StatusAdapter;
  uptime?: readonly ComponentUptime[];
  snapshot?: StatusSnapshot;
}

interface Args {
  days: number;
  hrefTemplate: string;
  noLegend: boolean;
}

const ZONE = 'Asia/Tokyo';

const meta = {
  title: 'Status page/Uptime bars',
  component: 'hansei-uptime-bars',
  argTypes: {
    days: { control: { type: 'number', min: 1, max: 90 } },
    hrefTemplate: { control: 'text' },
    noLegend: { control: 'boolean' },
  },
  args: { days: 90, hrefTemplate: '/incidents/{id}', noLegend: false },
  loaders: [(): Promise<Loaded> => Promise.resolve({ adapter: memory() })],
  render: (args, { loaded }) => {
    const { adapter, uptime, snapshot } = loaded as Loaded;
    return html`<hansei-provider time-zone=${ZONE}>
      <hansei-uptime-bars
        .adapter=${adapter}
        .uptime=${uptime}
        .snapshot=${snapshot}
        .now=${NOW}
        days=${args.days}
        href-template=${args.hrefTemplate}
        ?no-legend=${args.noLegend}
      ></hansei-uptime-bars>
    </hansei-provider>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** A day: `seconds` in the statuses given, the rest of the day operational. */
function day(date: string, seconds: Partial<DayUptime['seconds']> = {}, incidentIds: string[] = []): DayUptime {
  const s = { operational: 0, degraded_performance: 0, partial_outage: 0, major_outage: 0, under_maintenance: 0, ...seconds };
  s.operational = Math.max(0, 86_400 - s.degraded_performance - s.partial_outage - s.major_outage - s.under_maintenance);
  const measured = s.operational + s.degraded_performance + s.partial_outage + s.major_outage;
  return { date, uptime: measured > 0 ? 1 - (0.3 * s.partial_outage + s.major_outage) / measured : null, seconds: s, incidentIds };
}

/**
 * The demo read from the memory adapter, reshaped for a state: every level on one row, and a
 * component added 40 days ago whose earlier days have no data.
 */
async function demoData(): Promise<Loaded> {
  const adapter = memory();
  const snapshot = await adapter.status();
  const uptime = await adapter.uptime({ days: 90, timeZone: ZONE });
  const dates = uptime[0]!.days.map((d) => d.date);
  const levels = dates.map((date, i) =>
    [
      day(date),
      day(date, { degraded_performance: 5_400 }),
      day(date, { partial_outage: 3_000 }),
      day(date, { major_outage: 2_100 }, ['inc_0015']),
      day(date, { under_maintenance: 7_200 }),
    ][i % 5]!,
  );
  const fresh = dates.map((date, i) => (i < 50 ? { date, uptime: null, seconds: { operational: 0, degraded_performance: 0, partial_outage: 0, major_outage: 0, under_maintenance: 0 }, incidentIds: [] } : day(date)));
  return {
    uptime: [{ componentId: 'cmp_levels', days: levels }, { componentId: 'cmp_fresh', days: fresh }, ...uptime.slice(0, 3)],
    snapshot: {
      ...snapshot,
      components: [
        { ...snapshot.components[0]!, id: 'cmp_levels', name: 'Every kind of day' },
        { ...snapshot.components[0]!, id: 'cmp_fresh', name: 'Search v2 (new: 40 days of data)' },
        ...snapshot.components,
      ],
    },
  };
}

/** The demo page read through the memory adapter: 14 components, 90 days. Hover, focus or tap a bar. */
export const Default: Story = {};

/** From data (`uptime` and `snapshot` properties, as the server-rendered page gives them): every level and days with no data. */
export const FromData: Story = { loaders: [demoData] };

/** Many items: 28 components (the demo's twice). */
export const ManyComponents: Story = {
  loaders: [
    async () => {
      const adapter = memory();
      const snapshot = await adapter.status();
      const uptime = await adapter.uptime({ days: 90, timeZone: ZONE });
      const copies = uptime.map((u) => ({ ...u, componentId: `${u.componentId}_eu` }));
      const names = snapshot.components.map((c) => ({ ...c, id: `${c.id}_eu`, name: `${c.name} (EU)` }));
      return { uptime: [...uptime, ...copies], snapshot: { ...snapshot, components: [...snapshot.components, ...names] } };
    },
  ],
};

/** The last 30 days only (`days="30"`). */
export const ThirtyDays: Story = { args: { days: 30 } };

/** A Statuspage page publishes no uptime: the element says so. */
export const StatuspageAdapter: Story = { loaders: [() => ({ adapter: statuspage('githubOutage') })] };

export const Loading: Story = { loaders: [() => ({ adapter: loading() })] };

/** The uptime could not be read and none is known: Try again. */
export const LoadError: Story = { loaders: [() => ({ adapter: failing() })] };

/** Offline after an earlier visit: the last known bars, "as of" when they were read. */
export const Stale: Story = {
  loaders: [
    async () => ({
      adapter: await stale({ down: ['uptime', 'status'], namespace: 'uptime-stale-story:', warm: (adapter) => adapter.uptime({ days: 90, timeZone: ZONE }) }),
    }),
  ],
};

/** No components to show. */
export const Empty: Story = { loaders: [() => ({ uptime: [] })] };

/** Japanese (the Locale toolbar switches any story). */
export const Japanese: Story = { loaders: [demoData], globals: { locale: 'ja' } };

/** Dark scheme (the Theme toolbar switches any story). */
export const Dark: Story = { loaders: [demoData], globals: { theme: 'dark' } };

/** At 320 px, in Japanese, with a long name: the last 30 days and their uptime. */
export const Narrow: Story = {
  loaders: [
    async () => {
      const data = await demoData();
      const components = data.snapshot!.components.map((c, i) => (i === 0 ? { ...c, name: 'Payments, invoices and receipts for every studio in every region (including the new ones)' } : c));
      return { ...data, snapshot: { ...data.snapshot!, components } };
    },
  ],
  globals: { locale: 'ja' },
  decorators: [(story) => html`<div style="inline-size: 320px">${story()}</div>`],
};
