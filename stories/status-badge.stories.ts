import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { StatusAdapter } from '@hansei/adapters';
import type { HanseiStatusBadge } from '@hansei/elements';
import '@hansei/elements/define/status-badge.js';
import { failing, loading, memory, NOW, stale, statuspage } from './status-support.js';

type Indicator = NonNullable<HanseiStatusBadge['indicator']>;
type Args = Pick<HanseiStatusBadge, 'indicator' | 'description' | 'href'>;

const indicators = ['none', 'minor', 'major', 'critical', 'maintenance'] as const satisfies readonly Indicator[];

const meta = {
  title: 'Status page/Status badge',
  component: 'hansei-status-badge',
  argTypes: {
    indicator: { control: 'select', options: [...indicators, undefined] },
    description: { control: 'text' },
    href: { control: 'text' },
  },
  args: { indicator: 'none' },
  render: ({ indicator, description, href }) =>
    html`<hansei-status-badge
      .indicator=${indicator}
      description=${ifDefined(description)}
      href=${ifDefined(href)}
    ></hansei-status-badge>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Everything is working. */
export const Operational: Story = { args: { indicator: 'none' } };

export const MinorOutage: Story = { args: { indicator: 'minor' } };

export const PartialOutage: Story = { args: { indicator: 'major' } };

export const MajorOutage: Story = { args: { indicator: 'critical' } };

export const Maintenance: Story = { args: { indicator: 'maintenance' } };

/** No indicator yet (or an unrecognised one): the badge does not guess. */
export const Unknown: Story = { args: { indicator: undefined } };

/** Every state at once, as an icon and words. */
export const AllStates: Story = {
  render: () =>
    html`<div style="display: flex; flex-direction: column; align-items: start; gap: 0.5rem">
      ${indicators.map(
        (indicator) => html`<hansei-status-badge .indicator=${indicator}></hansei-status-badge>`,
      )}
      <hansei-status-badge></hansei-status-badge>
    </div>`,
};

/** The same states in Japanese (the Locale toolbar switches any story). */
export const Japanese: Story = {
  ...AllStates,
  globals: { locale: 'ja' },
};

/** The page's own words replace the default text. */
export const CustomDescription: Story = {
  args: { indicator: 'major', description: 'Payments are slower than usual' },
};

/** With `href`, the badge links to the status page. */
export const Link: Story = {
  args: { indicator: 'minor', href: 'https://status.example.com/' },
};

/** Dark scheme (the Theme toolbar switches any story). */
export const Dark: Story = {
  ...AllStates,
  globals: { theme: 'dark' },
};

/** In a narrow column (160 px) the text wraps beside the icon. */
export const Narrow: Story = {
  args: { indicator: 'maintenance', href: 'https://status.example.com/' },
  globals: { locale: 'ja' },
  decorators: [(story) => html`<div style="inline-size: 160px">${story()}</div>`],
};

/** With no `indicator`, the badge reads the status through an adapter (here the demo page, through its provider or its own `adapter`). */
function fromAdapter(load: () => StatusAdapter | Promise<StatusAdapter>, now?: number): Story {
  return {
    loaders: [async () => ({ adapter: await load() })],
    render: (_args, { loaded }) =>
      html`<hansei-status-badge .adapter=${(loaded as { adapter: StatusAdapter }).adapter} .now=${now} href="https://status.example.com/"></hansei-status-badge>`,
  };
}

/** Read through an adapter: the demo page, where two components are degraded. */
export const FromAdapter: Story = fromAdapter(() => memory(), NOW);

/** Read from a real Statuspage page in the middle of an outage (GitHub, 2 April 2020). */
export const FromStatuspage: Story = fromAdapter(() => statuspage('githubOutage'));

/** Waiting for the adapter's first answer: "Loading status…". */
export const Loading: Story = fromAdapter(() => loading(), NOW);

/** The status cannot be read and none is known: the badge says the status is unavailable. */
export const LoadError: Story = fromAdapter(() => failing(), NOW);

/** Offline after an earlier visit: the last known state, "as of" when it was read. */
export const Stale: Story = fromAdapter(() => stale({ namespace: 'badge-stale:' }));
