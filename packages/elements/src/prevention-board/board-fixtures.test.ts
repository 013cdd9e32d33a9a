// What the prevention board's browser tests share: the demo clock, adapters, and ways to find and
// drive the board's parts.
import { fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import type { HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter } from '@hansei/adapters/memory';
import type { AnnounceDetail } from '../internal/announcer.js';
// The class module registers nothing (the define module does); imported for its tag's type.
import './prevention-board.js';
import type { HanseiPreventionBoard } from './prevention-board.js';
import type { LaneKind } from '@hansei/core';

/** The demo's clock; in Tokyo it is 2026-11-25 then. */
export const NOW = Date.parse('2026-11-25T09:30:00.000Z');
export const TODAY = '2026-11-25';

export function memory(options: ConstructorParameters<typeof MemoryAdapter>[0] = {}): MemoryAdapter {
  return new MemoryAdapter({ now: () => NOW, ...options });
}

/** `adapter` with other capabilities (e.g. no live changes, or no writes), every call its own. */
export function withCapabilities(adapter: HanseiAdapter, capabilities: Partial<HanseiAdapter['capabilities']>): HanseiAdapter {
  return new Proxy(adapter, {
    get(target, key) {
      if (key === 'capabilities') return { ...target.capabilities, ...capabilities };
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function root(el: HanseiPreventionBoard): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

export function text(node: Element | ShadowRoot): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the board has loaded and no write is under way. */
export async function settled(el: HanseiPreventionBoard): Promise<void> {
  await waitUntil(() => root(el).querySelector('section.board[aria-busy="false"]') !== null, 'the board did not settle', { timeout: 5000 });
  await el.updateComplete;
}

export async function board(source: HanseiAdapter, attributes: { lanes?: LaneKind | 'none'; incidentId?: string } = {}): Promise<HanseiPreventionBoard> {
  const el = await fixture<HanseiPreventionBoard>(
    html`<hansei-prevention-board today=${TODAY} lanes=${attributes.lanes ?? 'none'} incident-id=${attributes.incidentId ?? ''} .adapter=${source}></hansei-prevention-board>`,
  );
  await settled(el);
  return el;
}

/** The card of action `id` (in swimlane `lane`). */
export function card(el: HanseiPreventionBoard, id: string, lane = 0): HTMLElement {
  const found = root(el).querySelector<HTMLElement>(`li[data-lane="${lane}"][data-id="${id}"]`);
  if (!found) throw new Error(`no card ${id} in lane ${lane}`);
  return found;
}

/** A column of a swimlane. */
export function column(el: HanseiPreventionBoard, status: string, lane = 0): HTMLElement {
  const found = root(el).querySelector<HTMLElement>(`[data-drop-column][data-lane="${lane}"][data-status="${status}"]`);
  if (!found) throw new Error(`no column ${status} in lane ${lane}`);
  return found;
}

/** The ids of the cards a column shows, in order. */
export function ids(el: HanseiPreventionBoard, status: string, lane = 0): string[] {
  return [...column(el, status, lane).querySelectorAll<HTMLElement>('li[data-id]')].map((li) => li.dataset['id'] ?? '');
}

/** Everything the board says through its live regions, in order. */
export function listen(el: HanseiPreventionBoard): AnnounceDetail[] {
  const heard: AnnounceDetail[] = [];
  el.addEventListener('hansei-announce', (e) => heard.push(e.detail));
  return heard;
}

/** Opens a card's menu and returns its items. */
export async function openMenu(el: HanseiPreventionBoard, id: string, lane = 0): Promise<HTMLElement[]> {
  const button = card(el, id, lane).querySelector<HTMLButtonElement>('.menu-button');
  if (!button) throw new Error(`card ${id} has no menu`);
  button.click();
  await el.updateComplete;
  const menuId = button.getAttribute('aria-controls');
  const menu = menuId ? root(el).getElementById(menuId) : null;
  if (!menu) throw new Error('the menu did not open');
  return [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
}

export async function choose(el: HanseiPreventionBoard, id: string, label: string, lane = 0): Promise<void> {
  const items = await openMenu(el, id, lane);
  const item = items.find((i) => text(i) === label);
  if (!item) throw new Error(`no menu item "${label}" among ${items.map((i) => text(i)).join(' | ')}`);
  item.click();
  await el.updateComplete;
}

function dragEvent(type: string, at: Element, edge: 'top' | 'bottom' | 'middle'): DragEvent {
  const box = at.getBoundingClientRect();
  const y = edge === 'top' ? box.top + 3 : edge === 'bottom' ? box.bottom - 3 : box.top + box.height / 2;
  return new DragEvent(type, {
    bubbles: true,
    composed: true,
    cancelable: true,
    dataTransfer: new DataTransfer(),
    clientX: box.left + box.width / 2,
    clientY: y,
  });
}

/** A native HTML5 drag, as the browser fires it, from `source` onto `target` (near its top or bottom edge). */
export async function drag(source: HTMLElement, target: HTMLElement, edge: 'top' | 'bottom' | 'middle' = 'middle'): Promise<void> {
  source.scrollIntoView({ block: 'center', inline: 'center' });
  source.dispatchEvent(dragEvent('dragstart', source, 'middle'));
  await nextFrame();
  target.scrollIntoView({ block: 'center', inline: 'center' });
  await nextFrame();
  target.dispatchEvent(dragEvent('dragenter', target, edge));
  target.dispatchEvent(dragEvent('dragover', target, edge));
  await nextFrame();
  target.dispatchEvent(dragEvent('drop', target, edge));
  source.dispatchEvent(dragEvent('dragend', source, edge));
  await nextFrame();
}
