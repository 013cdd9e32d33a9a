/**
 * How many cards each column renders. With content-visibility on each card, measured: 2,000
 * cards rendered at once took 1.8 s (5.3 s without content-visibility); a column's first 50, a
 * fraction of that. More follow when a column is scrolled near its end (an IntersectionObserver
 * on its "Show more" row) or when that button is pressed; a move always renders the place it
 * aims at and the card it moved.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ActionStatus, Id } from '@hansei/core';
import type { Target } from './moves.js';

export const FIRST_CARDS = 50;
export const MORE_CARDS = 100;

/** What the windows need from the board. */
export interface WindowHost extends ReactiveControllerHost, HTMLElement {
  /** The ids a lane shows in a column, in order (rendered or not). */
  shownIds(lane: number, status: ActionStatus): readonly Id[];
}

export class ColumnWindows implements ReactiveController {
  readonly #host: WindowHost;
  #limits = new Map<string, number>();
  #observer: IntersectionObserver | null = null;
  /** Where focus should go after the board renders more (from the button). */
  focus: readonly string[] = [];

  constructor(host: WindowHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Back to the first cards of every column (the filters or swimlanes changed). */
  reset(): void {
    if (this.#limits.size === 0) return;
    this.#limits = new Map();
    this.#host.requestUpdate();
  }

  /** How many cards of a column to render: its limit, and always the place `target` aims at. */
  rendered(lane: number, status: ActionStatus, total: number, target: Target | null): number {
    let count = this.#limits.get(`${lane}|${status}`) ?? FIRST_CARDS;
    if (target && target.lane === lane && target.status === status) count = Math.max(count, target.index + 2);
    return Math.min(count, total);
  }

  /** Makes a column render at least down to card `id` (a card moved there keeps focus). */
  upTo(lane: number, status: ActionStatus, id: Id): void {
    const index = this.#host.shownIds(lane, status).indexOf(id);
    const key = `${lane}|${status}`;
    if (index < (this.#limits.get(key) ?? FIRST_CARDS)) return;
    this.#limits.set(key, index + 1);
    this.#host.requestUpdate();
  }

  /** The "Show more" row of a column with cards not rendered yet. */
  renderMore(lane: number, status: ActionStatus, total: number, target: Target | null): TemplateResult | typeof nothing {
    const left = total - this.rendered(lane, status, total, target);
    if (left <= 0) return nothing;
    const next = Math.min(left, MORE_CARDS);
    return html`<li class="more" data-more="${lane}|${status}">
      <button type="button" data-act="more">${msg(str`Show ${next} more (${left} not shown yet)`, { desc: 'Prevention board: render more cards of a long column' })}</button>
    </li>`;
  }

  /** Renders more of column `key` (`lane|status`); from the button, focus goes to the first new card. */
  more(key: string, fromButton: boolean): void {
    const [lane, status] = key.split('|');
    if (lane === undefined || status === undefined) return;
    const ids = this.#host.shownIds(Number(lane), status as ActionStatus);
    const now = this.rendered(Number(lane), status as ActionStatus, ids.length, null);
    if (now >= ids.length) return;
    this.#limits.set(key, now + MORE_CARDS);
    const next = ids[now];
    if (fromButton && next !== undefined) {
      const card = `li[data-lane="${lane}"][data-id="${CSS.escape(next)}"]`;
      this.focus = [`${card} .move`, `${card} a`, `li[data-more="${CSS.escape(key)}"] button`];
    }
    this.#host.requestUpdate();
  }

  /** Watches the "Show more" rows: a column nearing the viewport renders more. */
  hostUpdated(): void {
    const rows = this.#host.shadowRoot?.querySelectorAll<HTMLElement>('li[data-more]') ?? [];
    if (rows.length === 0 && !this.#observer) return;
    this.#observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) this.more((entry.target as HTMLElement).dataset['more'] ?? '', false);
      },
      { rootMargin: '600px' },
    );
    this.#observer.disconnect();
    for (const row of rows) this.#observer.observe(row);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }
}
