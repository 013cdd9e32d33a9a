import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { StatuspageAdapter, type StatusAdapter } from '@hansei/adapters';
import type { Incident, StatusSnapshot } from '@hansei/core';
import '@hansei/elements/define/provider.js';
import '@hansei/elements/define/incident-feed.js';
import githubIncidents from '../packages/adapters/src/statuspage/fixtures/github-incidents.json' with { type: 'json' };
import githubOutage from '../packages/adapters/src/statuspage/fixtures/github-summary-2020-04-02.json' with { type: 'json' };
import { failing, loading, memory, NOW, stale } from './status-support.js';

/** What a story's loader gives: an adapter to read through, or data to show. */
interface Loaded {
  adapter?: StatusAdapter;
  snapshot?: StatusSnapshot;
  incidents?: readonly Incident[];
  now?: number;
}

interface Args {
  show: 'all' | 'open' | 'history';
  month: string;
  hrefTemplate: string;
  monthHrefTemplate: string;
  pageSize: number;
}

const meta = {
  title: 'Status page/Incident feed',
  component: 'hansei-incident-feed',
  argTypes: {
    show: { control: 'select', options: ['all', 'open', 'history'] },
    month: { control: 'text' },
    hrefTemplate: { control: 'text' },
    monthHrefTemplate: { control: 'text' },
    pageSize: { control: { type: 'number', min: 1, max: 200 } },
  },
  args: { show: 'all', month: '', hrefTemplate: '/incidents/{id}', monthHrefTemplate: '', pageSize: 20 },
  loaders: [(): Promise<Loaded> => Promise.resolve({ adapter: memory() })],
  render: (args, { loaded }) => {
    const { adapter, snapshot, incidents, now } = loaded as Loaded;
    return html`<hansei-provider time-zone="Asia/Tokyo">
      <hansei-incident-feed
        .adapter=${adapter}
        .snapshot=${snapshot}
        .incidents=${incidents}
        .now=${now ?? NOW}
        show=${args.show}
        month=${args.month}
        page-size=${args.pageSize}
        href-template=${args.hrefTemplate}
        month-href-template=${ifDefined(args.monthHrefTemplate || undefined)}
      ></hansei-incident-feed>
    </hansei-provider>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** GitHub's real page through the StatuspageAdapter: summary.json (an outage) and incidents.json (September 2024). */
function github(): StatuspageAdapter {
  const documents: Record<string, unknown> = { '/api/v2/summary.json': githubOutage, '/api/v2/incidents.json': githubIncidents };
  const fetch = (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const document = documents[url.pathname];
    return Promise.resolve(
      document ? new Response(JSON.stringify(document), { headers: { 'content-type': 'application/json' } }) : new Response('Not Found', { status: 404 }),
    );
  };
  return new StatuspageAdapter({ baseUrl: 'https://www.githubstatus.com', fetch, now: () => Date.parse(githubIncidents.page.updated_at) });
}

/** The demo read anonymously: two open incidents with their updates, then this month. Page with Older and Newer. */
export const Default: Story = {};

/** October 2026: a busy month, one incident with a published postmortem (open "Postmortem"). */
export const HistoryWithPostmortem: Story = { args: { show: 'history', month: '2026-10' } };

/** Only the open incidents, as the top of a status page shows them. */
export const OpenOnly: Story = { args: { show: 'open' } };

/** Nothing open (data: a snapshot without incidents). */
export const NothingOpen: Story = {
  args: { show: 'open' },
  loaders: [async () => ({ snapshot: { ...(await memory().status()), incidents: [] } })],
};

/** A month without incidents. */
export const EmptyMonth: Story = { args: { show: 'history', month: '2026-06' } };

/** Many items, three at a time: "Show more incidents" reads the next page of the month. */
export const ShowMore: Story = { args: { show: 'history', month: '2026-10', pageSize: 3 } };

/** Month links instead of buttons (`month-href-template`), as a server-rendered history page pages without JavaScript. */
export const MonthLinks: Story = { args: { show: 'history', month: '2026-10', monthHrefTemplate: '?month={month}' } };

/** From data, as the server-rendered page gives it: `snapshot`, and `incidents` of `month`. */
export const FromData: Story = {
  args: { month: '2026-11' },
  loaders: [
    async () => {
      const adapter = memory();
      const range = { from: '2026-10-31T15:00:00.000Z', to: '2026-11-30T15:00:00.000Z' };
      return { snapshot: await adapter.status(), incidents: (await adapter.listIncidents({ ...range, limit: 200 })).data };
    },
  ],
};

/** A real page: GitHub through the StatuspageAdapter (an outage in progress, and September 2024). */
export const Statuspage: Story = { loaders: [() => ({ adapter: github(), now: Date.parse(githubIncidents.page.updated_at) })] };

export const Loading: Story = { loaders: [() => ({ adapter: loading() })] };

/** Nothing could be read: Try again. */
export const LoadError: Story = { loaders: [() => ({ adapter: failing() })] };

/** Offline after an earlier visit: the last known open incidents, "as of" when they were read; the history cannot be read. */
export const Stale: Story = {
  loaders: [async () => ({ adapter: await stale({ down: ['status', 'listIncidents'], namespace: 'feed-stale-story:' }) })],
};

/** Japanese (the Locale toolbar switches any story). */
export const Japanese: Story = { globals: { locale: 'ja' } };

/** Dark scheme (the Theme toolbar switches any story). */
export const Dark: Story = { args: { month: '2026-10' }, globals: { theme: 'dark' } };

/** At 320 px, in Japanese, with a long title and message. */
export const Narrow: Story = {
  args: { show: 'open' },
  loaders: [
    async () => {
      const snapshot = await memory().status();
      const long = 'Payments, invoices and receipts for every studio in every region (including the new ones) are failing intermittently';
      const incidents = snapshot.incidents.map((i, n) =>
        n === 0 ? { ...i, title: long, updates: i.updates.map((u) => ({ ...u, body: `${u.body}\n\n${long}: see https://status.kinetic.example/incidents/${i.id}?from=${'x'.repeat(60)}` })) } : i,
      );
      return { snapshot: { ...snapshot, incidents } };
    },
  ],
  globals: { locale: 'ja' },
  decorators: [(story) => html`<div style="inline-size: 320px">${story()}</div>`],
};

/**
 * Long words and Japanese text in one incident, at 320 px: a long title, a long unbroken word,
 * and a Japanese update, declared on the demo page by a responder.
 */
export const LongAndJapaneseText: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = memory();
      const at = new Date(NOW - 25 * 60_000).toISOString();
      await adapter.as('responder').declareIncident({
        title: 'Reservations, check-in and cashless payments are failing at studios in every region, including the new ones',
        severity: 'SEV1',
        impact: 'critical',
        visibility: 'public',
        startedAt: at,
        detectedAt: at,
        components: [{ componentId: 'cmp_payments', status: 'major_outage' }],
        updateBody:
          '現在、全国の店舗で予約・チェックイン・キャッシュレス決済がご利用いただけない状況が発生しております。原因を調査しており、30 分以内に続報をお知らせします。Affected endpoint: https://api.example.com/v1/reservations/studios/check-in/cashless-payments/confirmations',
      });
      return { adapter };
    },
  ],
  args: { show: 'open' },
  decorators: [(story) => html`<div style="inline-size: 320px">${story()}</div>`],
};
