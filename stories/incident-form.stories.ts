import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { defineAdapter, HanseiError, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter, type MemoryAdapterOptions } from '@hansei/adapters/memory';
import { createDrafts, openOfflineStore, type Drafts } from '@hansei/adapters/offline';
import { expect, waitFor } from 'storybook/test';
import type { HanseiIncidentForm, IncidentFormTemplate } from '@hansei/elements/incident-form/incident-form.js';
import '@hansei/elements/define/incident-form.js';
import '@hansei/elements/define/provider.js';
import { offline } from './offline-support.js';

/** The demo's clock: two incidents are open (check-in delays inc_0027, push notifications inc_0026). */
const NOW = Date.parse('2026-11-25T09:30:00.000Z');
const PUSH = 'inc_0026';

function memory(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({ now: () => NOW, ...options });
}

const templates: IncidentFormTemplate[] = [
  {
    name: 'Payments failing',
    title: 'Card payments are failing',
    severity: 'SEV1',
    impact: 'critical',
    visibility: 'public',
    components: [{ componentId: 'cmp_payments', status: 'major_outage' }],
    labels: ['payments'],
    updateBody: 'Card payments are failing at studios and in the app. We are investigating and will update within 30 minutes.',
  },
  {
    name: 'Login problems',
    title: 'Some members cannot log in',
    severity: 'SEV2',
    impact: 'major',
    components: [{ componentId: 'cmp_auth', status: 'partial_outage' }],
    labels: ['auth'],
  },
  { name: 'Slow admin console', title: 'The admin console is slow', severity: 'SEV3', impact: 'minor', labels: ['admin'] },
];

type Args = Pick<HanseiIncidentForm, 'incidentId' | 'name' | 'disabled'>;

interface Loaded {
  adapter?: HanseiAdapter;
  drafts?: Drafts | null;
  /** Unset: the form offers the adapter's incident templates. */
  templates?: IncidentFormTemplate[];
  /** Back online (the stories of writes made offline). */
  connect?: () => void;
}

const meta = {
  title: 'Incidents/Incident form',
  component: 'hansei-incident-form',
  argTypes: {
    incidentId: { control: 'text' },
    name: { control: 'text' },
    disabled: { control: 'boolean' },
  },
  args: { incidentId: undefined, name: 'incident', disabled: false },
  loaders: [(): Loaded => ({ adapter: memory() })],
  render: (args, { loaded }) => {
    const { adapter, drafts = null, templates: offered } = loaded as Loaded;
    return html`<hansei-incident-form
      incident-id=${args.incidentId ?? ''}
      name=${args.name}
      ?disabled=${args.disabled}
      .adapter=${adapter}
      .drafts=${drafts}
      .templates=${offered}
    ></hansei-incident-form>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Declare a new incident: severity with the guideline beside each level, and the status page preview. */
export const Declare: Story = {};

/** Templates given by the page (the `templates` property) prefill the form: pick one and press "Use template". */
export const WithTemplates: Story = {
  loaders: [(): Loaded => ({ adapter: memory(), templates })],
};

/**
 * With no `templates` property the form offers the adapter's incident templates: the kit's
 * built-in ones (degraded performance, outage of a component, security incident (internal),
 * data issue) and the organisation's own, made by an admin. Here "Outage of a component" is
 * applied: SEV2, major, public, and a first update ready to post.
 */
export const TemplatesFromTheAdapter: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = memory();
      await adapter.createIncidentTemplate({
        name: { en: 'Check-in gates offline', ja: 'チェックインゲートの停止' },
        description: { en: 'The IoT gates at the studios cannot check members in.' },
        title: { en: 'Members cannot check in at some studios', ja: '一部店舗でチェックインできない' },
        severity: 'SEV2',
        impact: 'major',
        visibility: 'public',
        labels: ['iot', 'check-in'],
      });
      return { adapter };
    },
  ],
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('hansei-incident-form');
    await waitForForm(el);
    const select = el?.shadowRoot?.querySelector<HTMLSelectElement>('#f-template');
    if (select) select.value = '1';
    el?.shadowRoot?.querySelector<HTMLButtonElement>('.templates button')?.click();
  },
};

/** Post an update to an open incident: new status, message, component changes; changed fields are saved with the version. */
export const Update: Story = {
  args: { incidentId: PUSH },
};

/** A draft saved earlier is offered back: "Restored a draft from 10:42 — Keep / Discard". */
export const RestoredDraft: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const drafts = createDrafts(await openOfflineStore({ name: 'hansei-storybook-incident-form' }));
      const adapter = memory();
      const { emptyModel } = await import('@hansei/elements/incident-form/model.js');
      await drafts.saveDraft(
        { element: 'hansei-incident-form', entity: 'new' },
        { model: { ...emptyModel(Date.now()), title: 'Reservations calendar does not load', severity: 'SEV2', message: 'We are looking into' }, base: null },
      );
      return { adapter, drafts };
    },
  ],
};

/** Waiting for the adapter (it never answers here). */
export const Loading: Story = {
  args: { incidentId: PUSH },
  loaders: [(): Loaded => ({ adapter: memory({ latencyMs: 3_600_000 }) })],
};

/** The incident cannot be loaded: the form says why and offers to try again. */
export const LoadError: Story = {
  args: { incidentId: 'inc_missing' },
};

/** Submitting fails for a reason no field is to blame for: said at the action, nothing is lost. */
export const SubmitError: Story = {
  loaders: [
    (): Loaded => ({
      adapter: memory({
        failWith: ({ method }) =>
          method === 'declareIncident' ? new HanseiError({ kind: 'unavailable', status: 503, message: 'The server is restarting; try again in a minute.' }) : null,
      }),
      templates,
    }),
  ],
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('hansei-incident-form');
    await waitForForm(el);
    el?.shadowRoot?.querySelector<HTMLButtonElement>('.templates button')?.click();
    await el?.submit();
  },
};

/** Declares from a template while offline, behind the outbox (`withOffline`) the portal uses. */
async function declareOffline(canvasElement: HTMLElement): Promise<HanseiIncidentForm> {
  const el = canvasElement.querySelector('hansei-incident-form');
  if (!el) throw new Error('no hansei-incident-form');
  await waitForForm(el);
  el.shadowRoot?.querySelector<HTMLButtonElement>('.templates button')?.click();
  await el.submit();
  await waitFor(() => expect(el.shadowRoot?.querySelector('[part="queued"]')).toBeTruthy());
  return el;
}

/** Declared while offline: the incident waits in the outbox, the form says so and keeps what was typed. */
export const WaitingOffline: Story = {
  loaders: [async (): Promise<Loaded> => ({ ...(await offline(memory())), templates })],
  play: async ({ canvasElement }) => {
    await declareOffline(canvasElement);
  },
};

/** The connection returns: the waiting incident is declared, and the form says the offline changes are saved. */
export const SentOnReconnect: Story = {
  loaders: [async (): Promise<Loaded> => ({ ...(await offline(memory())), templates })],
  play: async ({ canvasElement, loaded }) => {
    const el = await declareOffline(canvasElement);
    (loaded as Loaded).connect?.();
    await waitFor(() => expect(el.shadowRoot?.querySelector('[part="done"]')).toBeTruthy(), { timeout: 5000 });
  },
};

/** Submitted empty: every problem at its field, and a summary linking to each. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('hansei-incident-form');
    await waitForForm(el);
    await el?.submit();
  },
};

/** Someone else saved the incident first: their values beside yours, field by field, and the choice. */
export const Conflict: Story = {
  args: { incidentId: PUSH },
  play: async ({ canvasElement, loaded }) => {
    const el = canvasElement.querySelector('hansei-incident-form');
    await waitForForm(el);
    const adapter = (loaded as Loaded).adapter as MemoryAdapter;
    const other = adapter.as('responder');
    const now = await other.getIncident(PUSH);
    await other.updateIncident(PUSH, { title: 'Push notifications delayed up to an hour', severity: 'SEV2' }, now.version);
    const title = el?.shadowRoot?.querySelector<HTMLInputElement>('#f-title');
    if (title) {
      title.value = 'Notifications arrive late on Android';
      title.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    await el?.submit();
  },
};

/** A read-only adapter (a Statuspage page, say): the form says it cannot declare here. */
export const ReadOnly: Story = {
  loaders: [(): Loaded => ({ adapter: defineAdapter('read-only', { capabilities: { read: ['status', 'incidents'], write: [], live: false } }) })],
};

/** A viewer's token: the form says the role cannot change incidents. */
export const Viewer: Story = {
  args: { incidentId: PUSH },
  loaders: [(): Loaded => ({ adapter: memory({ role: 'viewer' }) })],
};

/** No adapter and no form: the element says how to give it one. */
export const NoAdapter: Story = {
  loaders: [(): Loaded => ({})],
};

/** Inside a native form without an adapter: the form submits the incident as JSON under the element's name. */
export const InNativeForm: Story = {
  render: (args) => html`<form
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const output = form.querySelector('output');
      if (output) output.value = (new FormData(form).get(args.name) as string | null) ?? '';
    }}
    @reset=${(event: Event) => {
      const output = (event.target as HTMLFormElement).querySelector('output');
      if (output) output.value = '';
    }}
  >
    <hansei-incident-form name=${args.name} .drafts=${null}></hansei-incident-form>
    <p style="display: flex; gap: 0.5rem; margin-block: 1rem">
      <button>Submit the form</button>
      <button type="reset">Reset</button>
    </p>
    <output style="display: block; white-space: pre-wrap; font-family: monospace; overflow-wrap: anywhere"></output>
  </form>`,
};

/** Japanese, with long Japanese text (the Locale toolbar switches any story). */
export const Japanese: Story = {
  globals: { locale: 'ja' },
  loaders: [
    (): Loaded => ({
      adapter: memory(),
      templates: [
        {
          name: '決済障害',
          title: '一部店舗でキャッシュレス決済ができず、会員アプリからの月額プランの更新も失敗している',
          severity: 'SEV1',
          impact: 'critical',
          visibility: 'public',
          components: [
            { componentId: 'cmp_payments', status: 'major_outage' },
            { componentId: 'cmp_memberships', status: 'partial_outage' },
          ],
          updateBody: '現在、一部の店舗でキャッシュレス決済がご利用いただけない状況が発生しております。原因を調査しており、30 分以内に続報をお知らせします。',
        },
      ],
    }),
  ],
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('hansei-incident-form');
    await waitForForm(el);
    el?.shadowRoot?.querySelector<HTMLButtonElement>('.templates button')?.click();
  },
};

/** Dark scheme (the Theme toolbar switches any story). */
export const Dark: Story = {
  args: { incidentId: PUSH },
  globals: { theme: 'dark' },
};

/** 320 px wide: every field stacks, nothing scrolls sideways. */
export const Narrow: Story = {
  args: { incidentId: PUSH },
  decorators: [(story) => html`<div style="inline-size: 320px">${story()}</div>`],
};

/** Many components to choose from (60), in a provider set to Tokyo time. */
export const ManyComponents: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const adapter = memory();
      for (let i = 1; i <= 45; i++) await adapter.createComponent({ name: `Region ${String(i).padStart(2, '0')} edge cache` });
      return { adapter };
    },
  ],
  render: (_args, { loaded }) =>
    html`<hansei-provider time-zone="Asia/Tokyo" .adapter=${(loaded as Loaded).adapter}>
      <hansei-incident-form .drafts=${null}></hansei-incident-form>
    </hansei-provider>`,
};

/** Waits until the element has loaded and shows its form. */
async function waitForForm(el: HanseiIncidentForm | null): Promise<void> {
  for (let i = 0; i < 100 && !el?.shadowRoot?.querySelector('form'); i++) await new Promise((r) => setTimeout(r, 20));
  await el?.updateComplete;
}
