import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { HanseiError, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter, type MemoryAdapterOptions } from '@hansei/adapters/memory';
import type { RoleDefinition } from '@hansei/core';
import type { HanseiRoleBoard } from '@hansei/elements';
import '@hansei/elements/define/role-board.js';
import { offline } from './offline-support.js';

/** The demo's clock: its open SEV2 (check-in delays, inc_0027) has a full team. */
const NOW = Date.parse('2026-11-25T09:30:00.000Z');
const CHECKIN = 'inc_0027';
/** A resolved SEV1 of the demo whose command was handed off. */
const HANDED_OFF = 'inc_0007';

function memory(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({ now: () => NOW, ...options });
}

interface Args {
  incidentId: string;
  readonly: boolean;
}

interface Loaded {
  adapter?: HanseiAdapter;
  incidentId?: string;
  roles?: readonly RoleDefinition[];
  /** Back online (the stories of writes made offline). */
  connect?: () => void;
}

const meta = {
  title: 'Incidents/Role board',
  component: 'hansei-role-board',
  argTypes: {
    incidentId: { control: 'text' },
    readonly: { control: 'boolean' },
  },
  args: { incidentId: CHECKIN, readonly: false },
  loaders: [(): Loaded => ({ adapter: memory() })],
  render: (args, { loaded }) => {
    const { adapter, incidentId, roles } = loaded as Loaded;
    return html`<hansei-role-board
      incident-id=${incidentId ?? args.incidentId}
      ?readonly=${args.readonly}
      .adapter=${adapter}
      .roles=${roles}
    ></hansei-role-board>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** An open SEV2 with a full team: drag people between roles, or use the keyboard or the menus. */
export const Default: Story = {};

/** Command was handed off during this SEV1: the history keeps both commanders and the times. */
export const HandOffHistory: Story = {
  args: { incidentId: HANDED_OFF },
};

/** A SEV1 just declared: nobody holds the roles it requires, and the board says so. */
export const MissingRequiredRoles: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = memory();
      const at = new Date(NOW - 5 * 60_000).toISOString();
      const incident = await adapter.declareIncident({ title: 'Payments failing for every member', severity: 'SEV1', startedAt: at, detectedAt: at });
      return { adapter, incidentId: incident.id };
    },
  ],
};

/** Waiting for the adapter (it never answers here). */
export const Loading: Story = {
  loaders: [(): Loaded => ({ adapter: memory({ latencyMs: 3_600_000 }) })],
};

/** The adapter cannot read the roles: the board says why and offers to try again. */
export const LoadError: Story = {
  loaders: [
    (): Loaded => ({
      adapter: memory({
        failWith: ({ method }) =>
          method === 'listIncidentRoles' ? new HanseiError({ kind: 'unavailable', message: 'The Hansei server is not answering. Try again in a minute.', status: 503 }) : null,
      }),
    }),
  ],
};

/** Every change fails after a moment: watch it show at once, then be undone with a message. */
export const SaveFails: Story = {
  loaders: [
    (): Loaded => ({
      adapter: memory({
        latencyMs: 600,
        failWith: ({ method }) =>
          method === 'assignRole' || method === 'handOffRole' || method === 'releaseRole'
            ? new HanseiError({ kind: 'server', message: 'The database is read-only during maintenance.', status: 503 })
            : null,
      }),
    }),
  ],
};

/** A viewer's token: the board shows, but nothing can be dragged and there are no menus. */
export const Viewer: Story = {
  loaders: [(): Loaded => ({ adapter: memory().as('viewer') })],
};

/** The `readonly` attribute: the same board for a page that only shows it. */
export const ReadOnly: Story = {
  args: { readonly: true },
};

/** An incident of the demo dataset that does not exist. */
export const UnknownIncident: Story = {
  args: { incidentId: 'inc_missing' },
};

/** An organisation with no people yet. */
export const Empty: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = memory({ dataset: 'empty' });
      const at = new Date(NOW - 10 * 60_000).toISOString();
      const incident = await adapter.declareIncident({ title: 'Search is slow', severity: 'SEV3', startedAt: at, detectedAt: at });
      return { adapter, incidentId: incident.id };
    },
  ],
};

/** 50 people and 10 roles, some with long names and Japanese responsibilities. */
export const ManyPeopleAndRoles: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = memory();
      for (let i = 1; i <= 36; i++) await adapter.createPerson({ name: `Responder ${i}`, email: null, handle: `responder${i}`, timeZone: null });
      const roles = [...(await adapter.listRoles())];
      const extra: RoleDefinition[] = [
        { key: 'customer_liaison', name: { en: 'Customer liaison for enterprise accounts and partner studios', ja: 'エンタープライズ顧客・提携スタジオ向け窓口' }, responsibilities: [{ en: 'Calls the enterprise accounts affected and keeps a list of who was told what, and when.', ja: '影響を受けたエンタープライズ顧客に連絡し、誰にいつ何を伝えたかを記録する。' }], multiple: true, command: false },
        { key: 'security', name: { en: 'Security', ja: 'セキュリティ' }, responsibilities: [{ en: 'Decides whether data was exposed.', ja: 'データ漏えいの有無を判断する。' }], multiple: false, command: false },
        { key: 'legal', name: { en: 'Legal', ja: '法務' }, responsibilities: [{ en: 'Reviews public statements.', ja: '対外発表を確認する。' }], multiple: false, command: false },
        { key: 'executive', name: { en: 'Executive sponsor', ja: '役員' }, responsibilities: [{ en: 'Approves refunds.', ja: '返金を承認する。' }], multiple: false, command: false },
      ];
      await adapter.replaceRoles([...roles, ...extra]);
      return { adapter };
    },
  ],
};

/** In Japanese (the Locale toolbar switches any story). */
export const Japanese: Story = {
  globals: { locale: 'ja' },
};

/** Dark scheme (the Theme toolbar switches any story). */
export const Dark: Story = {
  globals: { theme: 'dark' },
};

/** 320 px wide: the roles stack above the people. */
export const Narrow: Story = {
  decorators: [(story) => html`<div style="inline-size: 320px">${story()}</div>`],
};

/** The board inside a story, once it shows its roles. */
async function loadedBoard(canvasElement: HTMLElement): Promise<HanseiRoleBoard> {
  const board = canvasElement.querySelector<HanseiRoleBoard>('hansei-role-board')!;
  await waitFor(() => expect(board.shadowRoot?.querySelector('li[data-role]')).toBeTruthy(), { timeout: 5000 });
  await board.updateComplete;
  return board;
}

/** The live region's words (what a screen reader hears). */
function announced(board: HanseiRoleBoard): string {
  return board.shadowRoot?.querySelector('[data-hansei-announcer="polite"]')?.textContent?.trim() ?? '';
}

function grab(board: HanseiRoleBoard, personId: string): HTMLButtonElement {
  const button = board.shadowRoot?.querySelector<HTMLButtonElement>(`[data-person="${personId}"] .grab`);
  if (!button) throw new Error(`No grab button for ${personId}`);
  return button;
}

/**
 * The keyboard alternative to a drag: Enter picks Yui Tanaka up, the arrow keys choose a role
 * (the first is a hand-off of command, the next Deputy), Enter drops, and the board says what
 * happened.
 */
export const KeyboardMove: Story = {
  play: async ({ canvasElement }) => {
    const board = await loadedBoard(canvasElement);
    grab(board, 'per_tanaka').focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(grab(board, 'per_tanaka').getAttribute('aria-pressed')).toBe('true'));
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(board.shadowRoot?.activeElement?.getAttribute('data-role')).toBe('deputy'));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(announced(board)).toBe('Yui Tanaka is now Deputy.'), { timeout: 5000 });
  },
};

/** Escape puts a picked-up person back where they were, with focus on them. */
export const KeyboardCancel: Story = {
  play: async ({ canvasElement }) => {
    const board = await loadedBoard(canvasElement);
    grab(board, 'per_tanaka').focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(grab(board, 'per_tanaka').getAttribute('aria-pressed')).toBe('true'));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(announced(board)).toBe('Cancelled. Yui Tanaka was not moved.'));
    await expect(board.shadowRoot?.activeElement).toBe(grab(board, 'per_tanaka'));
  },
};

/** The menu alternative: a person's menu lists every role they can take; arrow down to Deputy, Enter. */
export const MenuMove: Story = {
  play: async ({ canvasElement }) => {
    const board = await loadedBoard(canvasElement);
    const button = board.shadowRoot?.querySelector<HTMLButtonElement>('[data-person="per_nakamura"] .menu-button');
    if (!button) throw new Error('No menu button for Mei Nakamura');
    button.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('true'));
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(announced(board)).toBe('Mei Nakamura is now Deputy.'), { timeout: 5000 });
  },
};

/** The keyboard move in Japanese: the same keys, the instructions and announcements in Japanese. */
export const KeyboardMoveJapanese: Story = {
  globals: { locale: 'ja' },
  play: async ({ canvasElement }) => {
    const board = await loadedBoard(canvasElement);
    grab(board, 'per_tanaka').focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(announced(board)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/), { timeout: 5000 });
  },
};

/** Gives Mei Nakamura the Deputy role from her menu while offline; the board shows it as waiting. */
async function assignOffline(canvasElement: HTMLElement): Promise<HanseiRoleBoard> {
  const board = await loadedBoard(canvasElement);
  const button = board.shadowRoot?.querySelector<HTMLButtonElement>('[data-person="per_nakamura"] .menu-button');
  if (!button) throw new Error('No menu button for Mei Nakamura');
  button.click();
  await board.updateComplete;
  const menu = board.shadowRoot?.getElementById(button.getAttribute('aria-controls') ?? '');
  const deputy = [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])].find((item) => item.textContent?.trim().startsWith('Deputy'));
  if (!deputy) throw new Error('No Deputy item in the menu');
  deputy.click();
  await waitFor(() => expect(board.shadowRoot?.querySelector('[part="queued"]')).toBeTruthy(), { timeout: 5000 });
  return board;
}

/** A role given while offline (behind the outbox the portal uses): shown on the board, said to wait until the connection returns. */
export const WaitingOffline: Story = {
  loaders: [async (): Promise<Loaded> => ({ ...(await offline(memory())) })],
  play: async ({ canvasElement }) => {
    await assignOffline(canvasElement);
  },
};

/** The connection returns: the waiting role is saved, and the board says the offline changes are saved. */
export const SentOnReconnect: Story = {
  loaders: [async (): Promise<Loaded> => ({ ...(await offline(memory())) })],
  play: async ({ canvasElement, loaded }) => {
    const board = await assignOffline(canvasElement);
    (loaded as Loaded).connect?.();
    await waitFor(() => expect(announced(board)).toBe('Back online: the changes you made offline are saved.'), { timeout: 5000 });
  },
};
