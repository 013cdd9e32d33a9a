import { css } from 'lit';
import { menuStyles } from '../internal/menus.js';
import { buttonStyles, visuallyHiddenStyles } from '../internal/shared-styles.js';

const boardStyles = css`
  :host {
    --_muted: var(--hansei-color-text-muted, light-dark(#59636e, #9198a1));
    --_raised: var(--hansei-color-surface-raised, light-dark(#f6f8fa, #151b23));
    --_column: var(--hansei-prevention-column-width, 16rem);
    --_late: var(--_hansei-status-critical);
    --_short: var(--_hansei-status-major);
    --_root: var(--_hansei-status-none);

    display: block;
    container-type: inline-size;
    color: var(--_hansei-color-text);
    font-family: var(--_hansei-font-family);
    font-size: var(--_hansei-font-size);
    line-height: 1.5;
  }

  .board {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
    padding: 0.75rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 0.5rem;
    background: var(--_hansei-color-surface);
  }

  h2,
  h3,
  h4,
  p,
  ul,
  ol {
    margin: 0;
  }
  ul,
  ol {
    padding: 0;
    list-style: none;
  }
  h2 {
    font-size: 1.15em;
  }
  h3,
  h4 {
    font-size: 1em;
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: start;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }

  /* Balance of short-term and root-cause work. */
  .balance {
    display: grid;
    gap: 0.25rem;
    flex: 0 1 24rem;
    min-width: min(100%, 14rem);
  }
  .balance h3 {
    font-size: 0.9em;
    color: var(--_muted);
    font-weight: 600;
  }
  .balance-figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
  }
  .balance-figures .short::before,
  .balance-figures .root::before {
    content: '';
    display: inline-block;
    inline-size: 0.7em;
    block-size: 0.7em;
    margin-inline-end: 0.3em;
    border-radius: 2px;
    background: var(--_short);
  }
  .balance-figures .root::before {
    background: var(--_root);
  }
  .share {
    font-weight: 600;
  }
  .balance-bar {
    display: flex;
    block-size: 0.5rem;
    overflow: hidden;
    border-radius: 999px;
    background: var(--_raised);
  }
  .bar-short {
    background: var(--_short);
  }
  .bar-root {
    background: var(--_root);
  }
  .balance-warning {
    padding-inline-start: 0.5rem;
    border-inline-start: 3px solid var(--_short);
    font-weight: 600;
  }

  /* Filters. */
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 0.75rem;
  }
  .field {
    display: grid;
    gap: 0.125rem;
    min-width: 0;
    flex: 1 1 9rem;
    max-inline-size: 16rem;
  }
  .field.search {
    flex-basis: 12rem;
  }
  .field > span {
    font-size: 0.9em;
    color: var(--_muted);
  }
  input,
  select {
    min-width: 0;
    min-block-size: 2.25rem;
    padding: 0.25rem 0.375rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 0.25rem;
    background: var(--_hansei-color-surface);
    color: inherit;
    font: inherit;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-block-size: 2.25rem;
  }
  .check input {
    min-block-size: auto;
    inline-size: 1.1rem;
    block-size: 1.1rem;
  }
  .count,
  .hint,
  .note,
  .empty-column {
    color: var(--_muted);
  }
  .empty {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .message {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_late);
    border-inline-start-width: 4px;
    border-radius: 0.375rem;
  }
  .message > p {
    flex: 1 1 14rem;
  }

  /* Lanes and columns. */
  .lane {
    display: grid;
    gap: 0.375rem;
    padding-block-start: 0.5rem;
    border-block-start: 1px solid var(--_hansei-color-border);
  }
  .lane-title,
  .column-title {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    overflow-wrap: anywhere;
  }
  .count {
    font-weight: 400;
  }
  .columns {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(min(var(--_column), 85cqi), 1fr);
    gap: 0.5rem;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-snap-type: x proximity;
    padding-block-end: 0.25rem;
  }
  .column {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    min-width: 0;
    padding: 0.5rem;
    border-radius: 0.375rem;
    background: var(--_raised);
    scroll-snap-align: start;
  }
  .cards {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    flex: 1;
    min-block-size: 2.5rem;
  }

  /* Cards. Off-screen cards skip layout and paint until they scroll near (2,000 cards stay smooth). */
  .card {
    position: relative;
    display: grid;
    gap: 0.25rem;
    padding: 0.5rem;
    border: 1px solid var(--_hansei-color-border);
    border-inline-start: 4px solid var(--_root);
    border-radius: 0.375rem;
    background: var(--_hansei-color-surface);
    content-visibility: auto;
    contain-intrinsic-size: auto 9rem;
  }
  .card.kind-mitigate,
  .card.kind-detect {
    border-inline-start-color: var(--_short);
  }
  .card[draggable='true'] {
    cursor: grab;
  }
  .card.moving {
    outline: 2px dashed var(--_hansei-color-focus);
    outline-offset: 1px;
    opacity: 0.75;
  }
  .card.saving {
    opacity: 0.7;
  }
  .card.overdue,
  .card.missed {
    border-color: var(--_late);
  }
  .card.drop-before::before,
  .drop-end {
    content: '';
    display: block;
    block-size: 3px;
    border-radius: 2px;
    background: var(--_hansei-color-focus);
  }
  .card.drop-before::before {
    position: absolute;
    inset-inline: 0;
    inset-block-start: calc(-0.1875rem - 2px);
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: baseline;
    font-size: 0.85em;
  }
  .kind {
    font-weight: 600;
  }
  .horizon {
    font-weight: 400;
    color: var(--_muted);
  }
  .badge {
    padding: 0 0.375rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 999px;
  }
  .badge.verified {
    border-color: var(--_root);
  }
  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .incidents {
    display: grid;
    gap: 0.125rem;
    font-size: 0.9em;
  }
  .incident {
    display: flex;
    gap: 0.375rem;
    min-width: 0;
  }
  .incident-title {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .severity {
    flex: none;
    padding: 0 0.3rem;
    border-radius: 0.25rem;
    font-weight: 600;
    font-size: 0.9em;
    color: var(--_hansei-status-on);
    background: var(--_hansei-status-unknown);
  }
  .tone-critical {
    background: var(--_hansei-status-critical);
  }
  .tone-major {
    background: var(--_hansei-status-major);
  }
  .tone-minor {
    background: var(--_hansei-status-minor);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .owner.nobody {
    font-style: italic;
  }
  .due.is-overdue {
    color: var(--_late);
    font-weight: 600;
  }
  .late {
    margin-inline-start: 0.375rem;
  }
  .tracker {
    overflow-wrap: anywhere;
    color: var(--_hansei-color-focus);
  }
  .flag {
    padding-inline-start: 0.5rem;
    border-inline-start: 3px solid var(--_late);
    font-size: 0.9em;
  }
  .card-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    align-items: start;
  }
  .card-actions button,
  .menu-button {
    min-block-size: 2.25rem;
    padding: 0.125rem 0.5rem;
    font-weight: 500;
  }
  .move {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
  }
  .move[aria-pressed='true'] {
    border-color: var(--_hansei-color-focus);
    background: var(--_raised);
  }
  /* Six dots, drawn (no SVG per card: 2,000 cards would carry 14,000 more elements). */
  .grip {
    inline-size: 0.625em;
    block-size: 1em;
    background: radial-gradient(circle, currentColor 0.09em, transparent 0.1em) 0 0 / 0.3125em 0.3333em;
  }
  @media (forced-colors: active) {
    .grip {
      forced-color-adjust: none;
      background-image: radial-gradient(circle, ButtonText 0.09em, transparent 0.1em);
    }
  }
  .more {
    display: flex;
    justify-content: center;
  }
  .columns.dragging {
    scroll-snap-type: none;
    scroll-behavior: auto;
  }
  .columns:focus-visible {
    outline: 2px solid var(--_hansei-color-focus);
    outline-offset: 2px;
  }

  @media (prefers-reduced-motion: no-preference) {
    .columns {
      scroll-behavior: smooth;
    }
  }

  @media (forced-colors: active) {
    .card.moving,
    .card.drop-before::before,
    .drop-end {
      outline: 2px solid Highlight;
      background: Highlight;
    }
    .severity {
      border: 1px solid CanvasText;
    }
  }
`;

/** Styles of `<hansei-prevention-board>`. */
export const preventionBoardStyles = [visuallyHiddenStyles, buttonStyles, menuStyles, boardStyles];
