import { css } from 'lit';
import { stackedBaseStyles } from '../internal/shared-styles.js';
import { statusElementStyles } from '../internal/status-styles.js';

export const componentListStyles = [
  statusElementStyles,
  stackedBaseStyles,
  css`
    .list,
    .members {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .list {
      border: 1px solid var(--_hansei-color-border);
      border-radius: var(--hansei-component-list-radius, 8px);
      background: var(--_hansei-color-surface);
    }
    .list > li + li {
      border-block-start: 1px solid var(--_hansei-color-border);
    }
    .members {
      border-block-start: 1px solid var(--_hansei-color-border);
    }
    .members > li + li {
      border-block-start: 1px dashed var(--_hansei-color-border);
    }

    /* One line: [chevron] name ... (icon) status; the status wraps under the name when narrow. */
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 0.75em;
      min-block-size: 2.75em;
      padding: 0.5em 0.75em;
      box-sizing: border-box;
    }
    summary.row {
      cursor: pointer;
      list-style: none;
      border-radius: inherit;
    }
    summary.row::-webkit-details-marker {
      display: none;
    }
    /* The disclosure's chevron: points right when closed, down when open. */
    summary.row::before {
      content: '';
      flex: none;
      inline-size: 0.45em;
      block-size: 0.45em;
      margin-inline: 0.15em 0.1em;
      border-block-end: 2px solid currentColor;
      border-inline-end: 2px solid currentColor;
      transform: rotate(-45deg);
      transition: transform 0.15s;
    }
    :host(:dir(rtl)) summary.row::before {
      transform: rotate(135deg);
    }
    details[open] > summary.row::before {
      transform: rotate(45deg);
    }
    .row.plain {
      /* Lines up with the names of rows that have a chevron. */
      padding-inline-start: calc(0.75em + 0.45em + 0.25em + 0.75em);
    }
    summary.row:hover .name {
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }
    summary.row:focus-visible {
      outline-offset: -2px;
    }
    .members .row {
      padding-inline-start: 1.75em;
    }
    .members .row.plain {
      padding-inline-start: calc(1.75em + 0.45em + 0.25em + 0.75em);
    }

    .name {
      flex: 1 1 10em;
      min-width: 0;
    }
    .group > details > summary .name {
      font-weight: 600;
    }
    .heading {
      display: flex;
      flex: 1 1 10em;
      flex-direction: column;
      min-width: 0;
    }
    .heading > .name {
      flex: none;
    }
    .count {
      color: var(--_muted);
      font-size: 0.9em;
    }

    .state {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      margin-inline-start: auto;
      color: var(--_tone);
      font-weight: 500;
    }
    .state.tone-none {
      color: var(--_hansei-color-text);
      font-weight: 400;
    }

    .description {
      padding: 0 0.75em 0.6em calc(0.75em + 0.45em + 0.25em + 0.75em);
      color: var(--_muted);
    }
    .members .description {
      padding-inline-start: calc(1.75em + 0.45em + 0.25em + 0.75em);
    }
    .group > details > .description {
      margin-block-start: -0.25em;
    }

    .empty {
      color: var(--_muted);
    }

    @media (prefers-reduced-motion: reduce) {
      summary.row::before {
        transition: none;
      }
    }
  `,
];
