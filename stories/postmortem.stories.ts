import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { HanseiError, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter, type MemoryAdapterOptions } from '@hansei/adapters/memory';
import { createDrafts, openOfflineStore, type Drafts } from '@hansei/adapters/offline';
import type { HanseiPostmortem } from '@hansei/elements/postmortem/postmortem.js';
import '@hansei/elements/define/postmortem.js';
import '@hansei/elements/define/provider.js';
import { expect, waitFor } from 'storybook/test';
import { offline } from './offline-support.js';

/** The demo's clock. */
const NOW = Date.parse('2026-11-25T09:30:00.000Z');
/** A draft: "Errors in reservations and the member app after a release", with three actions. */
const DRAFT = 'pm_0009';
/** In review: "Check-in unavailable at studios with the new door controllers". */
const IN_REVIEW = 'pm_0007';
/** Published, written in Japanese: the expired gateway certificate. */
const PUBLISHED_JA = 'pm_0001';
/** Published, in English: card payments failing (the checkout SLO lost budget). */
const PUBLISHED = 'pm_0008';
/** A resolved incident without a postmortem yet. */
const NO_POSTMORTEM = 'inc_0024';

function memory(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({ now: () => NOW, ...options });
}

type Args = Pick<HanseiPostmortem, 'postmortemId' | 'incidentId' | 'disabled'>;

interface Loaded {
  adapter?: HanseiAdapter;
  drafts?: Drafts | null;
  /** Back online (the stories of writes made offline). */
  connect?: () => void;
}

const meta = {
  title: 'Learning/Postmortem',
  component: 'hansei-postmortem',
  argTypes: {
    postmortemId: { control: 'text' },
    incidentId: { control: 'text' },
    disabled: { control: 'boolean' },
  },
  args: { postmortemId: DRAFT, incidentId: '', disabled: false },
  loaders: [(): Loaded => ({ adapter: memory() })],
  render: (args, { loaded }) => {
    const { adapter, drafts = null } = loaded as Loaded;
    return html`<hansei-postmortem
      postmortem-id=${args.postmortemId}
      incident-id=${args.incidentId}
      ?disabled=${args.disabled}
      .adapter=${adapter}
      .drafts=${drafts}
    ></hansei-postmortem>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** A draft being written: the template's sections and prompts, the incident's facts, factors, actions and the balance, the review. */
export const Draft: Story = {};

/** No postmortem yet: choose a template (the kit's default, the Google SRE book, Atlassian, PagerDuty) and start; the impact, timeline and responders are drafted from the incident. */
export const NewFromIncident: Story = {
  args: { postmortemId: '', incidentId: NO_POSTMORTEM },
};

/** An organisation's own template, offered beside the built-in ones. */
export const WithOwnTemplate: Story = {
  args: { postmortemId: '', incidentId: NO_POSTMORTEM },
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = memory();
      await adapter.createPostmortemTemplate({
        name: { en: 'Short postmortem (SEV3–SEV4)', ja: '簡易ポストモーテム（SEV3〜SEV4）' },
        description: { en: 'What happened, why, and one action that removes the cause.', ja: '何が起き、なぜ起き、原因を取り除く対策をひとつ。' },
        sections: [
          { key: 'summary', title: { en: 'Summary', ja: '概要' }, prompt: { en: 'Two sentences.', ja: '2文で。' }, required: true },
          { key: 'five_whys', title: { en: 'Five whys', ja: 'なぜなぜ分析' }, prompt: { en: 'Until you reach a process.', ja: 'プロセスに行き着くまで。' }, required: true },
          { key: 'action_items', title: { en: 'One action', ja: '対策' }, prompt: { en: 'Prefer one that removes work.', ja: '作業を減らすものを優先して。' }, required: true },
        ],
      });
      return { adapter };
    },
  ],
};

/** In review: the next step is publishing, with the public summary the status page shows. */
export const InReview: Story = {
  args: { postmortemId: IN_REVIEW },
  loaders: [(): Loaded => ({ adapter: memory({ role: 'responder' }) })],
};

/** Published: only an admin takes it off the status page. */
export const Published: Story = {
  args: { postmortemId: PUBLISHED },
};

/** A viewer reads it: Markdown, no fields; export and print still work. */
export const Viewer: Story = {
  args: { postmortemId: PUBLISHED },
  loaders: [(): Loaded => ({ adapter: memory({ role: 'viewer' }) })],
};

/** Someone else saved the same section: both sides, and keep yours, take theirs or keep both. */
export const Conflict: Story = {
  loaders: [(): Loaded => ({ adapter: memory() })],
  play: async ({ canvasElement, loaded }) => {
    const el = canvasElement.querySelector('hansei-postmortem');
    await waitForDocument(el);
    const summary = el?.shadowRoot?.querySelector<HTMLTextAreaElement>('#f-s-summary');
    if (summary) {
      summary.value = 'A release renamed a database column that the running version still read. Bookings failed for 25 minutes.';
      summary.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    const other = ((loaded as Loaded).adapter as MemoryAdapter).as('responder');
    const now = await other.getPostmortem(DRAFT);
    await other.updatePostmortem(
      DRAFT,
      { sections: now.sections.map((s) => (s.key === 'summary' ? { ...s, body: 'Bookings and the member app failed after the evening release, until it was rolled back.' } : s)) },
      now.version,
    );
  },
};

/** Gentle prompts where the text blames a person, in English and Japanese, and the five whys stopping at a person. */
export const BlamePrompts: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('hansei-postmortem');
    await waitForDocument(el);
    type(el, '#f-s-what_went_wrong', 'The on-call engineer forgot to check the canary, which was careless. Root cause: human error. We will be more careful.');
    type(el, '#f-s-lessons', '担当者が確認を怠った。今後は注意を徹底する。');
  },
};

/** A draft kept on this device is offered back: "Restored your unsaved changes from 10:42". (Its own page only: it writes to IndexedDB.) */
export const RestoredDraft: Story = {
  parameters: { docs: { disable: true } },
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = memory();
      const drafts = createDrafts(await openOfflineStore({ name: 'hansei-storybook-postmortem' }));
      const base = await adapter.getPostmortem(DRAFT);
      const content = { ...base, sections: base.sections.map((s) => (s.key === 'detection' ? { ...s, body: 'An error-rate alert on reservations, four minutes after the deploy.' } : s)) };
      await drafts.saveDraft({ element: 'hansei-postmortem', entity: DRAFT }, { content, base });
      return { adapter, drafts };
    },
  ],
};

/** An incident with a 200-event timeline: the entries scroll inside their panel. (Not repeated on the docs page: it is heavy.) */
export const LongTimeline: Story = {
  parameters: { docs: { disable: true } },
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = memory();
      const start = Date.parse((await adapter.getIncident('inc_0025')).startedAt);
      for (let i = 0; i < 180; i++) {
        await adapter.addTimelineEvent('inc_0025', { kind: i % 4 === 0 ? 'action' : 'note', body: `Check ${i + 1}: error rate **${(i * 7) % 40} %**.`, at: new Date(start + i * 20_000).toISOString() });
      }
      return { adapter };
    },
  ],
};

/** Japanese: a postmortem written in Japanese, with the kit in Japanese (the Locale toolbar switches any story). */
export const Japanese: Story = {
  args: { postmortemId: PUBLISHED_JA },
  globals: { locale: 'ja' },
};

/** Long text: a title and sections far longer than usual wrap and grow. */
export const LongText: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = memory();
      const pm = await adapter.getPostmortem(DRAFT);
      const long = 'Reservations, waitlists and the member app failed for members of large studio chains while the release rolled out across every region, because '.repeat(6);
      await adapter.updatePostmortem(
        DRAFT,
        { title: `${pm.title}: reservations, waitlists, payments and check-in across every studio chain in Japan and Singapore`, sections: pm.sections.map((s) => (s.key === 'summary' ? { ...s, body: long } : s)) },
        pm.version,
      );
      return { adapter };
    },
  ],
};

/** Dark scheme (the Theme toolbar switches any story). */
export const Dark: Story = {
  globals: { theme: 'dark' },
};

/** 320 px wide: everything stacks, nothing scrolls sideways. */
export const Narrow: Story = {
  globals: { locale: 'ja' },
  decorators: [(story) => html`<div style="inline-size: 320px">${story()}</div>`],
};

/** Waiting for the adapter (it never answers here). */
export const Loading: Story = {
  parameters: { docs: { disable: true } },
  loaders: [(): Loaded => ({ adapter: memory({ latencyMs: 3_600_000 }) })],
};

/** The postmortem cannot be loaded: the element says why and offers to try again. */
export const LoadError: Story = {
  loaders: [
    (): Loaded => ({
      adapter: memory({ failWith: ({ method }) => (method === 'getPostmortem' ? new HanseiError({ kind: 'unavailable', status: 503, message: 'The server is restarting; try again in a minute.' }) : null) }),
    }),
  ],
};

/** No adapter: the element says how to give it one. */
export const NoAdapter: Story = {
  loaders: [(): Loaded => ({})],
};

/** Inside a provider, like every element on a page: the provider's adapter, language and time zone. */
export const InProvider: Story = {
  render: (args, { loaded }) =>
    html`<hansei-provider time-zone="Asia/Tokyo" .adapter=${(loaded as Loaded).adapter}>
      <hansei-postmortem postmortem-id=${args.postmortemId} .drafts=${null}></hansei-postmortem>
    </hansei-provider>`,
};

function type(el: HanseiPostmortem | null, selector: string, value: string): void {
  const field = el?.shadowRoot?.querySelector<HTMLTextAreaElement>(selector);
  if (!field) return;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Waits until the element has loaded and shows its document. */
async function waitForDocument(el: HanseiPostmortem | null): Promise<void> {
  for (let i = 0; i < 150 && !el?.shadowRoot?.querySelector('[part~="document"]'); i++) await new Promise((r) => setTimeout(r, 20));
  await el?.updateComplete;
}

/** Adds a prevention action while offline, behind the outbox the portal uses. */
async function addActionOffline(canvasElement: HTMLElement): Promise<HanseiPostmortem> {
  const el = canvasElement.querySelector('hansei-postmortem');
  if (!el) throw new Error('no hansei-postmortem');
  await waitForDocument(el);
  type(el, '#action-title', 'Alert when reservations fail for more than a minute');
  el.shadowRoot?.querySelector<HTMLFormElement>('form.new-action')?.requestSubmit();
  await waitFor(() => expect(el.shadowRoot?.querySelector('[part~="action-waiting"]')).toBeTruthy(), { timeout: 5000 });
  return el;
}

/** An action added while offline: listed as waiting to be sent, and the form is free for the next one. */
export const ActionWaitingOffline: Story = {
  loaders: [async (): Promise<Loaded> => ({ ...(await offline(memory())) })],
  play: async ({ canvasElement }) => {
    await addActionOffline(canvasElement);
  },
};

/** The connection returns: the waiting action is created and joins the list. */
export const ActionSentOnReconnect: Story = {
  loaders: [async (): Promise<Loaded> => ({ ...(await offline(memory())) })],
  play: async ({ canvasElement, loaded }) => {
    const el = await addActionOffline(canvasElement);
    (loaded as Loaded).connect?.();
    await waitFor(() => expect(el.shadowRoot?.querySelector('[part~="action-waiting"]')).toBeNull(), { timeout: 5000 });
  },
};
