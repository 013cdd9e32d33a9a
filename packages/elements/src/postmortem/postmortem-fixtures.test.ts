/**
 * Test support, not a test (named `*.test.ts` so the package never publishes it, and not
 * `*.browser.test.ts`, so the runner does not run it). What the postmortem element's browser
 * tests share: the demo backend in
 * memory at the demo's clock, drafts stores of their own, and small helpers to find, type and
 * click inside the element's shadow root.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter } from '@hansei/adapters/memory';
import type { Drafts } from '@hansei/adapters/offline';
import { freshDrafts as sharedFreshDrafts } from '../internal/drafts-fixtures.test.js';
import { HanseiPostmortem } from './postmortem.js';

export const NOW = Date.UTC(2026, 10, 25, 9, 30);
/** A draft postmortem of the demo ("Errors in reservations and the member app after a release"), with three actions. */
export const DRAFT_PM = 'pm_0009';
/** A resolved incident of the demo without a postmortem. */
export const NO_PM_INCIDENT = 'inc_0024';

/** The demo backend in memory. */
export const memory = (options: ConstructorParameters<typeof MemoryAdapter>[0] = {}): MemoryAdapter => new MemoryAdapter({ now: () => NOW, ...options });

export const cleanups: (() => void | Promise<void>)[] = [];

/** A drafts store of its own (a fresh IndexedDB database), removed after the test. */
export const freshDrafts = (name?: string): Promise<Drafts> => sharedFreshDrafts(cleanups, name);

export async function cleanUp(): Promise<void> {
  for (const undo of cleanups.splice(0)) await undo();
}

export function $<T extends Element = HTMLElement>(el: HanseiPostmortem, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

export const $$ = <T extends Element = HTMLElement>(el: HanseiPostmortem, selector: string): T[] => [...(el.shadowRoot?.querySelectorAll<T>(selector) ?? [])];

export const text = (el: Element | null | undefined): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Waits until the element shows its document, start panel or a state. */
export async function ready(el: HanseiPostmortem, selector = '[part~="document"], [part~="start"], [part~="notice"], [part~="load-error"], [part~="missing-adapter"]'): Promise<HanseiPostmortem> {
  await waitUntil(() => el.shadowRoot?.querySelector(selector), `the postmortem did not show ${selector}`, { timeout: 4000 });
  await el.updateComplete;
  return el;
}

/** Types `value` into the field `selector` (an input event, as a person typing). */
export async function type(el: HanseiPostmortem, selector: string, value: string, event = 'input'): Promise<void> {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event(event, { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The button whose text starts with `label`. */
export function button(el: HanseiPostmortem, label: string): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(el, 'button').find((b) => text(b).startsWith(label));
  if (!found) throw new Error(`no button ${label}: ${$$(el, 'button').map((b) => text(b)).join(' | ')}`);
  return found;
}

export async function click(el: HanseiPostmortem, label: string): Promise<void> {
  button(el, label).click();
  await el.updateComplete;
}

/** A postmortem element on `adapter`, with drafts of its own unless given. */
export async function postmortem(options: { adapter?: HanseiAdapter; drafts?: Drafts | null; postmortemId?: string; incidentId?: string; disabled?: boolean } = {}): Promise<HanseiPostmortem> {
  const el = await fixture<HanseiPostmortem>(html`<hansei-postmortem
    .adapter=${'adapter' in options ? options.adapter : memory()}
    .drafts=${options.drafts === undefined ? await freshDrafts() : options.drafts}
    postmortem-id=${options.postmortemId ?? ''}
    incident-id=${options.incidentId ?? ''}
    ?disabled=${options.disabled ?? false}
  ></hansei-postmortem>`);
  if (!(el instanceof HanseiPostmortem)) throw new Error('<hansei-postmortem> is not registered: import ../define/postmortem.js first.');
  return ready(el);
}
