import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StatusAdapter } from '@hansei/adapters';
import type { StatusSnapshot } from '@hansei/core';
import '@hansei/elements/define/provider.js';
import '@hansei/elements/define/component-list.js';
import { failing, loading, longWords, memory, NOW, stale, statuspage } from './status-support.js';

/** What a story's loader gives: an adapter to read through, or a snapshot to show. */
interface Loaded {
  adapter?: StatusAdapter;
  snapshot?: StatusSnapshot;
}

const meta = {
  title: 'Status page/Component list',
  component: 'hansei-component-list',
  loaders: [(): Promise<Loaded> => Promise.resolve({ adapter: memory() })],
  render: (_args, { loaded }) => {
    const { adapter, snapshot } = loaded as Loaded;
    return html`<hansei-component-list .adapter=${adapter} .snapshot=${snapshot} .now=${NOW}></hansei-component-list>`;
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/**
 * The demo page: groups with a degraded or maintained member start open. "Invoices & receipts"
 * is marked "only show if degraded" and is operational, so it is left out. Open a component to
 * read its description.
 */
export const Default: Story = {};

/** Many items: Twilio's real page, 8 groups and 65 components, read through the StatuspageAdapter. */
export const ManyComponents: Story = { loaders: [() => ({ adapter: statuspage('twilio') })] };

/** A real outage, ungrouped components: GitHub on 2 April 2020. */
export const Outage: Story = { loaders: [() => ({ adapter: statuspage('githubOutage') })] };

/** Every status at once, from snapshot data. */
export const AllStatuses: Story = {
  loaders: [
    async () => {
      const snapshot = await memory().status();
      const statuses = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const;
      return { snapshot: { ...snapshot, components: snapshot.components.map((c, i) => ({ ...c, status: statuses[i % statuses.length]! })) } };
    },
  ],
};

/** No components to show. */
export const Empty: Story = {
  loaders: [async () => ({ snapshot: { ...(await memory().status()), components: [], groups: [] } })],
};

export const Loading: Story = { loaders: [() => ({ adapter: loading() })] };

/** The status could not be read and none is known: Try again. */
export const LoadError: Story = { loaders: [() => ({ adapter: failing() })] };

/** Offline after an earlier visit: the last known list, "as of" when it was read. */
export const Stale: Story = { loaders: [async () => ({ adapter: await stale() })] };

/** Japanese (the Locale toolbar switches any story). */
export const Japanese: Story = { globals: { locale: 'ja' } };

/** Dark scheme (the Theme toolbar switches any story). */
export const Dark: Story = { ...AllStatuses, globals: { theme: 'dark' } };

/** At 320 px with long names, in Japanese: statuses move under the names. */
export const Narrow: Story = {
  loaders: [async () => ({ snapshot: await longWords() })],
  globals: { locale: 'ja' },
  decorators: [(story) => html`<div style="inline-size: 320px">${story()}</div>`],
};
