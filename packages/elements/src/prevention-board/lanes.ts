/** One swimlane of the board (or the whole board, without swimlanes): its row of columns of cards. */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { Id } from '@hansei/core';
import { renderCard, type CardHelpers } from './card.js';
import type { BoardMoves } from './moves.js';
import type { LaneView } from './view.js';
import type { ColumnWindows } from './windows.js';
import { columnWords } from './words.js';

export interface LaneContext {
  /** The swimlane's title; null without swimlanes (the columns' headings are then h3). */
  readonly title: string | null;
  /** Changes when every card must render again (words, names, incidents). */
  readonly epoch: number;
  readonly helpers: CardHelpers;
  readonly moves: Pick<BoardMoves, 'indicator' | 'moving' | 'target' | 'dragged'>;
  readonly windows: ColumnWindows;
  menuOpen(lane: number, id: Id): boolean;
}

export function renderLane(lane: LaneView, index: number, context: LaneContext): TemplateResult {
  const { title, moves, windows } = context;
  // While a card is dragged the strip neither snaps nor scrolls smoothly: auto-scroll moves it.
  const columns = html`<div
    class=${moves.dragged ? 'columns dragging' : 'columns'}
    part="columns"
    role="group"
    tabindex="0"
    aria-label=${title === null ? msg('Columns', { desc: 'Prevention board: label of the row of columns' }) : msg(str`Columns: ${title}`, { desc: 'Prevention board: label of the row of columns of one swimlane' })}
  >
    ${lane.columns.map((column) => {
      const heading = `c-${index}-${column.status}`;
      const indicator = moves.indicator(index, column.status);
      const dropBefore = indicator?.before ?? null;
      const moving = moves.moving;
      const count = windows.rendered(index, column.status, column.cards.length, moves.target);
      const name = html`${columnWords(column.status)} <span class="count">${column.cards.length}</span>`;
      return html`<div class="column status-${column.status}" part="column" role="group" data-drop-column data-lane=${index} data-status=${column.status} aria-labelledby=${heading}>
        ${title === null ? html`<h3 id=${heading} class="column-title">${name}</h3>` : html`<h4 id=${heading} class="column-title">${name}</h4>`}
        ${column.cards.length === 0 && indicator === null ? html`<p class="empty-column">${msg('No actions', { desc: 'Prevention board: an empty column' })}</p>` : nothing}
        <ol class="cards">
          ${repeat(
            column.cards.slice(0, count),
            (card) => card.action.id,
            (card) => {
              const id = card.action.id;
              const isMoving = moving !== null && moving.id === id && moving.lane === index;
              // Unchanged cards are not rendered again: a move re-renders the card that moved.
              return guard([card, index, isMoving, dropBefore === id, context.menuOpen(index, id), context.epoch], () =>
                renderCard(card, index, { moving: isMoving, dropBefore: dropBefore === id }, context.helpers),
              );
            },
          )}
          ${indicator !== null && indicator.before === null ? html`<li class="drop-end" aria-hidden="true"></li>` : nothing}
          ${windows.renderMore(index, column.status, column.cards.length, moves.target)}
        </ol>
      </div>`;
    })}
  </div>`;
  if (title === null) return columns;
  return html`<div class="lane" part="lane" role="group" aria-labelledby="lane-${index}">
    <h3 id="lane-${index}" class="lane-title">${title} <span class="count">${lane.count}</span></h3>
    ${columns}
  </div>`;
}
