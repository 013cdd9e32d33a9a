import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StatusAdapter } from '@hansei/adapters';
import type { StatusSnapshot } from '@hansei/core';
import '@hansei/elements/define/provider.js';
import '@hansei/elements/define/maintenance-list.js';
import { failing, loading, longWords, memory, NOW, RECORDED, stale, statuspage, TIME_ZONES } from './status-support.js';

interface Args {
  timeZone: string;
  headingLevel: number;
}

/** What a story's loader gives: an adapter to read through, or a snapshot to show, and the time. */
interface Loaded {
  adapter?: StatusAdapter;
  snapshot?: StatusSnapshot;
  now?: number;
}

const meta = {
  title: 'Status page/Maintenance list',
  component: 'hansei-maintenance-list',
  argTypes: {
    timeZone: { control: 'select', options: TIME_ZONES },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
  },
  args: { timeZone: 'Asia/Tokyo', headingLevel: 3 },
  loaders: [(): Promise<Loaded> => Promise.resolve({ adapter: memory(), now: NOW })],
  render: (args, { loaded }) => {
    const { adapter, snapshot, now } = loaded as Loaded;
    return html`<hansei-provider time-zone=${args.timeZone}>
      <hansei-maintenance-list heading-level=${args.headingLevel} .adapter=${adapter} .snapshot=${snapshot} .now=${now}></hansei-maintenance-list>
    </hansei-provider>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The demo page: one maintenance in progress, two upcoming; windows in Tokyo time. */
export const Default: Story = {};

/** The same windows in New York time (the time zone control switches any story). */
export const OtherTimeZone: Story = { args: { timeZone: 'America/New_York' } };

/** Many items: Twilio's nine scheduled carrier maintenances, read through the StatuspageAdapter. */
export const ManyMaintenances: Story = {
  loaders: [() => ({ adapter: statuspage('twilio'), now: RECORDED.twilio })],
  args: { timeZone: 'America/Los_Angeles' },
};

/** A real maintenance in progress: CloudAMQP. */
export const InProgress: Story = {
  loaders: [() => ({ adapter: statuspage('cloudamqp'), now: RECORDED.cloudamqp })],
  args: { timeZone: 'UTC' },
};

/** None scheduled (GitHub had none that day). */
export const Empty: Story = { loaders: [() => ({ adapter: statuspage('githubQuiet'), now: RECORDED.githubQuiet })] };

export const Loading: Story = { loaders: [() => ({ adapter: loading() })] };

/** The status could not be read and none is known: Try again. */
export const LoadError: Story = { loaders: [() => ({ adapter: failing() })] };

/** Offline after an earlier visit: the last known maintenances, "as of" when they were read. */
export const Stale: Story = { loaders: [async () => ({ adapter: await stale(), now: NOW })] };

/** Japanese (the Locale toolbar switches any story). */
export const Japanese: Story = { globals: { locale: 'ja' } };

/** Dark scheme (the Theme toolbar switches any story). */
export const Dark: Story = { globals: { theme: 'dark' } };

/** At 320 px with a long title, in Japanese. */
export const Narrow: Story = {
  loaders: [async () => ({ snapshot: await longWords(), now: NOW })],
  globals: { locale: 'ja' },
  decorators: [(story) => html`<div style="inline-size: 320px">${story()}</div>`],
};
