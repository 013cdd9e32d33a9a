import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { HanseiError, type HanseiAdapter, type StatuspageAdapter } from '@hansei/adapters';
import { MemoryAdapter, type MemoryAdapterOptions } from '@hansei/adapters/memory';
import type { HanseiProvider } from '@hansei/elements';
import '@hansei/elements/define/provider.js';
import '@hansei/elements/define/status-summary.js';
import '@hansei/elements/define/slo-gauge.js';
import '@hansei/elements/define/incident-timeline.js';
import { NOW, statuspage, TIME_ZONES } from './status-support.js';

/** The demo organisation as a responder reads it. */
function responder(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({ now: () => NOW, role: 'responder', ...options });
}

interface Args {
  lang: string;
  timeZone: string;
}

interface Loaded {
  adapter?: HanseiAdapter | StatuspageAdapter;
}

/** One provider, three elements inside it that take everything from it. */
const meta = {
  title: 'Basics/Provider',
  component: 'hansei-provider',
  argTypes: {
    lang: { control: 'inline-radio', options: ['', 'en', 'ja'] },
    timeZone: { control: 'select', options: ['', ...TIME_ZONES] },
  },
  args: { lang: '', timeZone: 'Asia/Tokyo' },
  loaders: [(): Loaded => ({ adapter: responder() })],
  render: (args, { loaded }) =>
    html`<hansei-provider lang=${args.lang} time-zone=${args.timeZone} .adapter=${(loaded as Loaded).adapter}>
      <div style="display: grid; gap: 1rem">
        <hansei-status-summary .now=${NOW}></hansei-status-summary>
        <hansei-slo-gauge slo-id="slo_checkin" size="compact" .now=${NOW}></hansei-slo-gauge>
        <hansei-incident-timeline incident-id="inc_0027"></hansei-incident-timeline>
      </div>
    </hansei-provider>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Adapter, language and time zone from one provider: nothing is set on the elements themselves. */
export const Default: Story = {};

/** `lang="ja"` on the provider: every element inside speaks Japanese. */
export const Japanese: Story = {
  args: { lang: 'ja' },
  play: async ({ canvasElement }) => {
    const provider = canvasElement.querySelector<HanseiProvider>('hansei-provider');
    await waitFor(() => expect(provider?.settings.locale).toBe('ja'));
  },
};

/** Another time zone: the timeline's times move, the data does not. */
export const NewYorkTime: Story = { args: { timeZone: 'America/New_York' } };

/** A status-only adapter (the StatuspageAdapter on a recorded page): the SLO gauge says it cannot read SLOs; the status still shows. */
export const StatusOnlyAdapter: Story = {
  loaders: [(): Loaded => ({ adapter: statuspage('githubOutage') })],
};

/**
 * The adapter arrives after the elements (a page that signs in first): they say they have no
 * adapter, then load when the provider gets one.
 */
export const AdapterArrivesLater: Story = {
  loaders: [(): Loaded => ({})],
  play: async ({ canvasElement }) => {
    const provider = canvasElement.querySelector<HanseiProvider>('hansei-provider')!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    provider.adapter = responder();
    await waitFor(() => expect(provider.adapter).toBeDefined());
  },
};

/** The organisation's guideline cannot be read: the provider says so in an event and keeps the default SEV1-SEV4. */
export const GuidelineUnavailable: Story = {
  loaders: [
    (): Loaded => ({
      adapter: responder({
        failWith: ({ method }) =>
          method === 'getSeverityGuideline' ? new HanseiError({ kind: 'unavailable', status: 503, message: 'Settings are not available right now.' }) : null,
      }),
    }),
  ],
  render: (args, context) => html`<p role="status" data-provider-error></p>${meta.render(args, context)}`,
  play: async ({ canvasElement }) => {
    const out = canvasElement.querySelector('[data-provider-error]')!;
    canvasElement.addEventListener('hansei-provider-error', (event) => {
      out.textContent = `hansei-provider-error: ${String((event as CustomEvent<{ error: unknown }>).detail.error)}`;
    });
    // The provider read the guideline when it got its adapter; give it the adapter again to see the event.
    const provider = canvasElement.querySelector<HanseiProvider>('hansei-provider')!;
    const adapter = provider.adapter;
    provider.adapter = undefined;
    await provider.updateComplete;
    provider.adapter = adapter;
    await waitFor(() => expect(out.textContent).toContain('Settings are not available'));
  },
};

/** Dark scheme (the Theme toolbar switches any story). */
export const Dark: Story = { globals: { theme: 'dark' } };

/** 320 px wide, in Japanese. */
export const Narrow: Story = {
  args: { lang: 'ja' },
  decorators: [(story) => html`<div style="inline-size: 320px">${story()}</div>`],
};
