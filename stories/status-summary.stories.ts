import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StatusAdapter } from '@hansei/adapters';
import type { PageIndicator, StatusSnapshot } from '@hansei/core';
import '@hansei/elements/define/provider.js';
import '@hansei/elements/define/status-summary.js';
import { failing, loading, longWords, memory, NOW, RECORDED, stale, statuspage, TIME_ZONES } from './status-support.js';

interface Args {
  timeZone: string;
}

/** What a story's loader gives: an adapter to read through, or a snapshot to show, and the time. */
interface Loaded {
  adapter?: StatusAdapter;
  snapshot?: StatusSnapshot;
  now?: number;
}

const meta = {
  title: 'Status page/Status summary',
  component: 'hansei-status-summary',
  argTypes: { timeZone: { control: 'select', options: TIME_ZONES } },
  args: { timeZone: 'Asia/Tokyo' },
  loaders: [(): Promise<Loaded> => Promise.resolve({ adapter: memory(), now: NOW })],
  render: (args, { loaded }) => {
    const { adapter, snapshot, now } = loaded as Loaded;
    return html`<hansei-provider time-zone=${args.timeZone}>
      <hansei-status-summary .adapter=${adapter} .snapshot=${snapshot} .now=${now}></hansei-status-summary>
    </hansei-provider>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The demo page, read through its adapter: two components are degraded. */
export const Default: Story = {};

/** A real page on a quiet day: GitHub, read through the StatuspageAdapter. */
export const Operational: Story = {
  loaders: [() => ({ adapter: statuspage('githubQuiet'), now: RECORDED.githubQuiet })],
  args: { timeZone: 'UTC' },
};

/** A real outage: GitHub on 2 April 2020. */
export const PartialOutage: Story = {
  loaders: [() => ({ adapter: statuspage('githubOutage'), now: RECORDED.githubOutage })],
  args: { timeZone: 'UTC' },
};

/** A real maintenance in progress: CloudAMQP. */
export const Maintenance: Story = {
  loaders: [() => ({ adapter: statuspage('cloudamqp'), now: RECORDED.cloudamqp })],
  args: { timeZone: 'UTC' },
};

/** Every state Statuspage derives, from snapshot data: each with its colour, icon and words. */
export const AllStates: Story = {
  loaders: [async () => ({ snapshot: await memory().status(), now: NOW })],
  render: (args, { loaded }) => {
    const { snapshot } = loaded as Loaded;
    if (!snapshot) return html``;
    const states: [PageIndicator, string][] = [
      ['none', 'All Systems Operational'],
      ['minor', 'Partially Degraded Service'],
      ['minor', 'Degraded System Service'],
      ['minor', 'Minor Service Outage'],
      ['major', 'Partial System Outage'],
      ['critical', 'Major System Outage'],
      ['critical', 'Major Service Outage'],
      ['maintenance', 'Service Under Maintenance'],
    ];
    return html`<hansei-provider time-zone=${args.timeZone}>
      <div style="display: grid; gap: 1rem">
        ${states.map(
          ([indicator, description]) =>
            html`<hansei-status-summary .snapshot=${{ ...snapshot, status: { indicator, description } }} .now=${NOW}></hansei-status-summary>`,
        )}
      </div>
    </hansei-provider>`;
  },
};

/** Loading: the banner says so, in the live region that will announce the state. */
export const Loading: Story = { loaders: [() => ({ adapter: loading() })] };

/** The status could not be read and none is known: Try again. */
export const LoadError: Story = { loaders: [() => ({ adapter: failing() })] };

/** Offline after an earlier visit: the last known status, "as of" when it was read. */
export const Stale: Story = { loaders: [async () => ({ adapter: await stale() })] };

/** Neither snapshot nor adapter: the element says how to fix it. */
export const MissingAdapter: Story = { loaders: [() => ({})] };

/** The page's own description (not one Statuspage derives) is shown as written. */
export const OwnDescription: Story = {
  loaders: [async () => ({ snapshot: { ...(await memory().status()), status: { indicator: 'major', description: 'Card payments are failing at some studios' } }, now: NOW })],
};

/** Japanese (the Locale toolbar switches any story). */
export const Japanese: Story = { globals: { locale: 'ja' } };

/** Dark scheme (the Theme toolbar switches any story). */
export const Dark: Story = {
  ...AllStates,
  globals: { theme: 'dark' },
};

/** At 320 px with a long page name, in Japanese. */
export const Narrow: Story = {
  loaders: [async () => ({ snapshot: await longWords(), now: NOW })],
  globals: { locale: 'ja' },
  decorators: [(story) => html`<div style="inline-size: 320px">${story()}</div>`],
};
