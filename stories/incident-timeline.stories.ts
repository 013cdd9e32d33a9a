import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { defineAdapter, HanseiError, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter, type MemoryAdapterOptions } from '@hansei/adapters/memory';
import type { Person, TimelineEventKind } from '@hansei/core';
import '@hansei/elements/define/provider.js';
import '@hansei/elements/define/incident-timeline.js';
import type { HanseiIncidentTimeline } from '@hansei/elements/incident-timeline/incident-timeline.js';
import { expect, waitFor } from 'storybook/test';
import { offline } from './offline-support.js';

/** The demo's clock: two incidents are open (push notifications, inc_0026; check-in, inc_0027). */
const NOW = Date.parse('2026-11-25T09:30:00.000Z');
const PUSH = 'inc_0026';
/** Open, written in Japanese. */
const CHECKIN = 'inc_0027';
/** A resolved SEV1 with a long log. */
const LONG = 'inc_0020';
const scribe: Person = { id: 'per_tanaka', name: 'Yui Tanaka', email: null, handle: 'yui', timeZone: 'Asia/Tokyo' };

function memory(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({ now: () => NOW, ...options });
}

interface Args {
  incidentId: string;
  timeZone: string;
  newestFirst: boolean;
}

interface Loaded {
  adapter?: HanseiAdapter;
  incidentId?: string;
  /** Back online (the stories of writes made offline). */
  connect?: () => void;
}

const meta = {
  title: 'Incidents/Incident timeline',
  component: 'hansei-incident-timeline',
  argTypes: {
    incidentId: { control: 'text' },
    timeZone: { control: 'select', options: ['Asia/Tokyo', 'UTC', 'America/New_York', 'Europe/London'] },
    newestFirst: { control: 'boolean' },
  },
  args: { incidentId: PUSH, timeZone: 'Asia/Tokyo', newestFirst: false },
  loaders: [(): Promise<Loaded> => Promise.resolve({ adapter: memory() })],
  render: (args, { loaded }) => {
    const { adapter, incidentId } = loaded as Loaded;
    return html`<hansei-provider .adapter=${adapter} .person=${scribe} time-zone=${args.timeZone}>
      <hansei-incident-timeline incident-id=${incidentId ?? args.incidentId} ?newest-first=${args.newestFirst}></hansei-incident-timeline>
    </hansei-provider>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/**
 * An open incident: public updates and the internal log merged in time order. Type in the
 * composer and press Enter to add an event; Shift+Enter starts a new line.
 */
export const Default: Story = {};

/** Newest first, with the composer on top. */
export const NewestFirst: Story = { args: { newestFirst: true } };

/** A resolved SEV1 with a long log, read in New York time (times carry the date when entries span days). */
export const ResolvedSev1: Story = { args: { incidentId: LONG, timeZone: 'America/New_York' } };

/** An incident written in Japanese, with the kit in Japanese (the Locale toolbar switches any story). */
export const Japanese: Story = {
  args: { incidentId: CHECKIN },
  globals: { locale: 'ja' },
};

/** Dark scheme (the Theme toolbar switches any story). */
export const Dark: Story = { globals: { theme: 'dark' } };

/** At 320 px: filters and composer wrap; long words and URLs wrap too. */
export const Narrow: Story = {
  args: { incidentId: CHECKIN },
  globals: { locale: 'ja' },
  decorators: [(story) => html`<div style="inline-size: 320px">${story()}</div>`],
};

/** Waiting for the adapter (it never answers here). */
export const Loading: Story = {
  loaders: [(): Promise<Loaded> => Promise.resolve({ adapter: memory({ latencyMs: 3_600_000 }) })],
};

/** The incident could not be read: the timeline says why and offers to try again. */
export const LoadError: Story = {
  loaders: [
    (): Promise<Loaded> =>
      Promise.resolve({
        adapter: memory({
          failWith: (call) =>
            call.method === 'getIncident' ? new HanseiError({ kind: 'unavailable', message: 'The server is restarting; try again in a minute.' }) : null,
        }),
      }),
  ],
};

/** An id that does not exist. */
export const NotFound: Story = { args: { incidentId: 'inc_9999' } };

/** Every event added here is refused: it shows at once, then is taken back with the reason, Try again and Discard. */
export const WriteFails: Story = {
  loaders: [
    (): Promise<Loaded> =>
      Promise.resolve({
        adapter: memory({
          latencyMs: 600,
          failWith: (call) => (call.method === 'addTimelineEvent' ? new HanseiError({ kind: 'network', message: 'You are offline.' }) : null),
        }),
      }),
  ],
};

/** Writes are slow (1.5 s): an added event shows as "Saving…" until the adapter confirms it. */
export const SlowWrites: Story = {
  loaders: [(): Promise<Loaded> => Promise.resolve({ adapter: memory({ latencyMs: 1_500 }) })],
};

/** A read-only adapter: the same entries, no composer. */
export const ReadOnly: Story = {
  loaders: [
    (): Promise<Loaded> => {
      const source = memory();
      return Promise.resolve({
        adapter: defineAdapter('read-only', {
          capabilities: { read: ['status', 'incidents', 'people'], write: [], live: true },
          session: (o) => source.session(o),
          getIncident: (id, o) => source.getIncident(id, o),
          listTimeline: (id, o) => source.listTimeline(id, o),
          listPeople: (q, o) => source.listPeople(q, o),
          subscribe: (l, o) => source.subscribe(l, o),
        }),
      });
    },
  ],
};

/** An anonymous reader (or a Statuspage adapter): public updates only, and a note that internal events need sign-in. */
export const Anonymous: Story = {
  loaders: [(): Promise<Loaded> => Promise.resolve({ adapter: memory().as(null) })],
};

/** An incident with nothing on it yet. */
export const Empty: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const source = memory();
      const incident = await source.getIncident(PUSH);
      return {
        adapter: defineAdapter('empty', {
          capabilities: { read: ['status', 'incidents'], write: ['incidents'], live: false },
          getIncident: () => Promise.resolve({ ...incident, updates: [] }),
          listTimeline: () => Promise.resolve([]),
          addTimelineEvent: (id, input, o) => source.addTimelineEvent(id, input, o),
        }),
      };
    },
  ],
};

/** Markdown in bodies, including hostile input: shown as text, never run. */
export const Markdown: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = memory();
      const bodies = [
        '**Mitigation:** rolled back `gateway@4.2.1` to `4.2.0`.\n\n- p95 back under 300 ms\n- error rate 0.02 %\n\nSee [the dashboard](https://grafana.kinetic.example/d/gateway) or https://status.kinetic.example.',
        '> Customer report: "check-in spins forever"\n\n```\nERROR upstream timeout after 30000 ms\n```',
        '| Time | Event |\n|---|---|\n| 09:12 | Rollback started |\n| 09:20 | Rollback done |',
        'Hostile, shown as text: <script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) &lt;b&gt;',
        `A very long word: ${'x'.repeat(400)}`,
      ];
      for (const body of bodies) await adapter.addTimelineEvent(PUSH, { body });
      return { adapter };
    },
  ],
};

/** 500 events: rendering stays quick (keyed entries; off-screen ones are not laid out). */
export const FiveHundredEvents: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = memory();
      const kinds: TimelineEventKind[] = ['note', 'action', 'note', 'component_changed', 'note'];
      const start = NOW - 8 * 3_600_000;
      for (let i = 0; i < 500; i++) {
        await adapter.addTimelineEvent(PUSH, {
          kind: kinds[i % kinds.length]!,
          body: `Check ${i + 1}: queue depth **${(i * 37) % 900}**, workers ${8 + (i % 5)}. See https://grafana.kinetic.example/d/push?from=${i}`,
          at: new Date(start + i * 50_000).toISOString(),
        });
      }
      return { adapter };
    },
  ],
};

/** Events arrive live: another responder adds one every 3 seconds. */
export const Live: Story = {
  loaders: [
    (): Promise<Loaded> => {
      const adapter = memory();
      const other = adapter.as('responder');
      let n = 0;
      const timer = setInterval(() => {
        n += 1;
        if (n > 20) clearInterval(timer);
        void other.addTimelineEvent(PUSH, { kind: 'action', body: `Scaled the notification workers to ${8 + n}.` });
      }, 3_000);
      return Promise.resolve({ adapter });
    },
  ],
};

/** With no adapter, the element says so. */
export const NoAdapter: Story = {
  render: () => html`<hansei-incident-timeline incident-id=${PUSH}></hansei-incident-timeline>`,
};

/** Adds an event while offline: it shows in the log as saving, and the composer says it waits. */
async function addOffline(canvasElement: HTMLElement): Promise<HanseiIncidentTimeline> {
  const el = canvasElement.querySelector<HanseiIncidentTimeline>('hansei-incident-timeline');
  if (!el) throw new Error('no hansei-incident-timeline');
  await waitFor(() => expect(el.shadowRoot?.querySelector('form textarea')).toBeTruthy(), { timeout: 5000 });
  const box = el.shadowRoot?.querySelector('textarea');
  if (box) box.value = 'Rolled back the push gateway to the last release.';
  el.shadowRoot?.querySelector<HTMLFormElement>('form')?.requestSubmit();
  await waitFor(() => expect(el.shadowRoot?.querySelector('[part="queued"]')).toBeTruthy(), { timeout: 5000 });
  return el;
}

/** An event added while offline (behind the outbox the portal uses): kept in the log as saving, said to wait. */
export const WaitingOffline: Story = {
  loaders: [async (): Promise<Loaded> => ({ ...(await offline(memory())) })],
  play: async ({ canvasElement }) => {
    await addOffline(canvasElement);
  },
};

/** The connection returns: the waiting event is saved and no longer marked as saving. */
export const SentOnReconnect: Story = {
  loaders: [async (): Promise<Loaded> => ({ ...(await offline(memory())) })],
  play: async ({ canvasElement, loaded }) => {
    const el = await addOffline(canvasElement);
    (loaded as Loaded).connect?.();
    await waitFor(() => expect(el.shadowRoot?.querySelector('[part="queued"]')).toBeNull(), { timeout: 5000 });
    await waitFor(() => expect(el.shadowRoot?.querySelector('[part~="entry"].pending')).toBeNull(), { timeout: 5000 });
  },
};
