import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { HanseiError, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter, type MemoryAdapterOptions } from '@hansei/adapters/memory';
import { ACTION_KINDS, ACTION_STATUSES, type ActionFilter, type LaneKind } from '@hansei/core';
import type { HanseiPreventionBoard } from '@hansei/elements';
import '@hansei/elements/define/prevention-board.js';

/** The demo's clock: in Tokyo it is Wednesday 25 November 2026. */
const NOW = Date.parse('2026-11-25T09:30:00.000Z');
const TODAY = '2026-11-25';
/** The demo's duplicate-charge incidents: a SEV1 and its recurrence, with done actions that missed. */
const DUPLICATE_CHARGES = 'inc_0007';

function memory(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({ now: () => NOW, ...options });
}

/** `adapter` with other capabilities (a read-only backend, say). */
function withCapabilities(adapter: HanseiAdapter, capabilities: Partial<HanseiAdapter['capabilities']>): HanseiAdapter {
  return new Proxy(adapter, {
    get(target, key) {
      if (key === 'capabilities') return { ...target.capabilities, ...capabilities };
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

interface Args {
  lanes: LaneKind | 'none';
  readonly: boolean;
  incidentId: string;
}

interface Loaded {
  adapter?: HanseiAdapter;
  filter?: ActionFilter;
}

const meta = {
  title: 'Learning/Prevention board',
  component: 'hansei-prevention-board',
  argTypes: {
    lanes: { control: 'select', options: ['none', 'incident', 'owner', 'kind', 'overdue'] },
    readonly: { control: 'boolean' },
    incidentId: { control: 'text' },
  },
  args: { lanes: 'none', readonly: false, incidentId: '' },
  loaders: [(): Loaded => ({ adapter: memory() })],
  render: (args, { loaded }) => {
    const { adapter, filter } = loaded as Loaded;
    return html`<hansei-prevention-board
      today=${TODAY}
      lanes=${args.lanes}
      incident-id=${args.incidentId}
      ?readonly=${args.readonly}
      .adapter=${adapter}
      .filter=${filter ?? {}}
    ></hansei-prevention-board>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The demo organisation's prevention work: drag cards, or use the keyboard or each card's menu. */
export const Default: Story = {};

/** Waiting for the adapter (it never answers here). */
export const Loading: Story = {
  loaders: [(): Loaded => ({ adapter: memory({ latencyMs: 3_600_000 }) })],
};

/** No prevention actions yet: the board says where they come from, and asks for a root-cause one. */
export const Empty: Story = {
  loaders: [(): Loaded => ({ adapter: memory({ dataset: 'empty' }) })],
};

/** The adapter cannot list the actions: the board says why and offers to try again. */
export const LoadError: Story = {
  loaders: [
    (): Loaded => ({
      adapter: memory({
        failWith: ({ method }) => (method === 'listActions' ? new HanseiError({ kind: 'unavailable', message: 'The Hansei server is not answering. Try again in a minute.', status: 503 }) : null),
      }),
    }),
  ],
};

/** A viewer's token: the board shows, nothing moves, no menus. */
export const Viewer: Story = {
  loaders: [(): Loaded => ({ adapter: memory().as('viewer') })],
};

/** A read-only adapter (no write capability): the same board, only to look at. */
export const ReadOnlyAdapter: Story = {
  loaders: [(): Loaded => ({ adapter: withCapabilities(memory(), { write: [], live: false }) })],
};

/** Filtered: Sho Kobayashi's root-cause work. */
export const Filtered: Story = {
  loaders: [(): Loaded => ({ adapter: memory(), filter: { ownerId: 'per_kobayashi', kinds: ['prevent', 'process', 'remove'] } })],
};

/** Only what is overdue: open actions past their due date (in the viewer's time zone) stand out. */
export const Overdue: Story = {
  loaders: [(): Loaded => ({ adapter: memory(), filter: { overdue: true } })],
};

/** One incident (duplicate charges): its done mitigations missed, since the incident recurred. */
export const MissedPrevention: Story = {
  loaders: [(): Loaded => ({ adapter: memory(), filter: { incidentId: DUPLICATE_CHARGES } })],
};

/** Only short-term work shown: the balance asks for a root-cause action. */
export const ShortTermOnly: Story = {
  loaders: [(): Loaded => ({ adapter: memory(), filter: { kinds: ['mitigate', 'detect'] } })],
};

/** Swimlanes by incident: an action linked to two incidents is in both lanes. */
export const LanesByIncident: Story = { args: { lanes: 'incident' } };

/** Swimlanes by owner. */
export const LanesByOwner: Story = { args: { lanes: 'owner' } };

/** Swimlanes by kind: short-term and root-cause work side by side. */
export const LanesByKind: Story = { args: { lanes: 'kind' } };

/** Swimlanes overdue or not. */
export const LanesByOverdue: Story = { args: { lanes: 'overdue' } };

/** One incident's board (`incident-id`), e.g. beside its postmortem. */
export const OneIncident: Story = { args: { incidentId: DUPLICATE_CHARGES } };

/** Every move fails after a moment: watch it show at once, then go back with a message. */
export const SaveFails: Story = {
  loaders: [
    (): Loaded => ({
      adapter: memory({
        latencyMs: 600,
        failWith: ({ method }) =>
          method === 'moveAction' || method === 'updateAction' ? new HanseiError({ kind: 'server', message: 'The database is read-only during maintenance.', status: 503 }) : null,
      }),
    }),
  ],
};

/** Long titles and Japanese text wrap inside their cards. */
export const LongAndJapaneseText: Story = {
  globals: { locale: 'ja' },
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = memory();
      await adapter.createAction({
        title: '予約確定処理のタイムアウト時に決済ゲートウェイへの再送を止め、コールバックで確定する方式に統一し、店舗スタッフ向けの手順書も改訂する',
        description: '決済の二重計上を防ぐため。',
        incidentIds: ['inc_0007', 'inc_0020'],
        kind: 'prevent',
        ownerId: 'per_sato',
        dueDate: '2026-11-10',
        status: 'in_progress',
        externalUrl: 'https://linear.example/KIN-9999',
      });
      await adapter.createAction({
        title: 'Supercalifragilisticexpialidocious-configuration-flag-that-nobody-remembers-adding-to-the-booking-service should be removed',
        incidentIds: ['inc_0015'],
        kind: 'remove',
        status: 'todo',
      });
      return { adapter };
    },
  ],
};

/** In Japanese (the Locale toolbar switches any story). */
export const Japanese: Story = { globals: { locale: 'ja' } };

/** Dark scheme (the Theme toolbar switches any story). */
export const Dark: Story = { globals: { theme: 'dark' } };

/** 320 px wide: the columns scroll sideways, one at a time. */
export const Narrow: Story = {
  decorators: [(story) => html`<div style="inline-size: 320px">${story()}</div>`],
};

/** 2,000 actions: each column renders its first 50 cards, then more as it is scrolled. */
export const TwoThousandCards: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = memory();
      const incidents = (await adapter.listIncidents({ limit: 200 })).data.map((i) => i.id);
      const people = (await adapter.listPeople({ limit: 200 })).data.map((p) => p.id);
      for (let i = 51; i < 2000; i++) {
        await adapter.createAction({
          title: `Prevention action ${i + 1}: cap retries for the booking service`,
          incidentIds: [incidents[i % incidents.length]!],
          kind: ACTION_KINDS[i % ACTION_KINDS.length]!,
          ownerId: people[i % people.length]!,
          dueDate: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`,
          status: ACTION_STATUSES[i % ACTION_STATUSES.length]!,
        });
      }
      return { adapter };
    },
  ],
};

// Interaction stories ---------------------------------------------------------------------------

async function ready(canvas: HTMLElement): Promise<{ el: HanseiPreventionBoard; root: ShadowRoot }> {
  const el = canvas.querySelector('hansei-prevention-board');
  if (!el) throw new Error('no board');
  await waitFor(() => expect(el.shadowRoot?.querySelector('section.board[aria-busy="false"]')).toBeTruthy(), { timeout: 5000 });
  return { el, root: el.shadowRoot! };
}

function ids(root: ShadowRoot, status: string): string[] {
  return [...root.querySelectorAll<HTMLElement>(`[data-drop-column][data-status="${status}"] li[data-id]`)].map((li) => li.dataset['id'] ?? '');
}

/** Keys go to the focused button inside the board, as a keyboard would send them. */
function press(target: Element, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

/**
 * The keyboard instead of dragging: Move picks "Load test a 400-site chain…" up, ArrowRight and
 * ArrowUp choose the top of In progress, Enter drops it: one write, announced.
 */
export const KeyboardMove: Story = {
  play: async ({ canvasElement }) => {
    const { el, root } = await ready(canvasElement);
    const move = root.querySelector<HTMLButtonElement>('li[data-id="act_0030"] .move');
    if (!move) throw new Error('no Move button');
    move.focus();
    move.click();
    await el.updateComplete;
    await expect(move.getAttribute('aria-pressed')).toBe('true');
    press(move, 'ArrowRight');
    await el.updateComplete;
    press(move, 'ArrowUp');
    await el.updateComplete;
    press(move, 'Enter');
    await waitFor(() => expect(ids(root, 'in_progress')[0]).toBe('act_0030'));
    await waitFor(() => expect(root.querySelector('section.board')?.getAttribute('aria-busy')).toBe('false'));
  },
};

/** The menu instead of dragging: "More…" on a card, then "Move to Done"; the card can then be verified. */
export const MenuMove: Story = {
  play: async ({ canvasElement }) => {
    const { el, root } = await ready(canvasElement);
    root.querySelector<HTMLButtonElement>('li[data-id="act_0017"] .menu-button')?.click();
    await el.updateComplete;
    const item = [...root.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((i) => i.textContent?.trim() === 'Move to Done');
    await expect(item).toBeTruthy();
    item?.click();
    await waitFor(() => expect(ids(root, 'done')).toContain('act_0017'));
    await waitFor(() => expect(root.querySelector('li[data-id="act_0017"] .verify')).toBeTruthy());
  },
};

/** Verified effective: a done action gets its verdict from the card's button. */
export const VerifiedEffective: Story = {
  play: async ({ canvasElement }) => {
    const { root } = await ready(canvasElement);
    root.querySelector<HTMLButtonElement>('li[data-id="act_0021"] .verify')?.click();
    await waitFor(() => expect(root.querySelector('li[data-id="act_0021"] [part~="verified"]')).toBeTruthy());
  },
};

/** Someone else moved the card first: the board shows it where it is now, and says so. */
export const Conflict: Story = {
  // Not live: the board does not hear of the other move before it writes.
  loaders: [(): Loaded => ({ adapter: withCapabilities(memory(), { live: false }) })],
  play: async ({ canvasElement, loaded }) => {
    const { el, root } = await ready(canvasElement);
    const adapter = (loaded as Loaded).adapter!;
    const now = await adapter.getAction('act_0045');
    await adapter.moveAction('act_0045', { status: 'in_review' }, now.version);
    root.querySelector<HTMLButtonElement>('li[data-id="act_0045"] .menu-button')?.click();
    await el.updateComplete;
    [...root.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((i) => i.textContent?.trim() === 'Move to In progress')?.click();
    await waitFor(() => expect(root.querySelector('[part="message"]')?.textContent).toContain('Someone else changed the board first'));
  },
};
