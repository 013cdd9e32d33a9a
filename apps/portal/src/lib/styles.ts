import { css } from 'lit';
import { buttonStyles, visuallyHiddenStyles } from '@hansei/elements/internal/shared-styles.js';

/** What every view shares: headings, toolbars, tables that become cards when narrow, fields, states. */
export const viewStyles = [
  visuallyHiddenStyles,
  buttonStyles,
  css`
    :host {
      display: block;
      font-family: var(--_hansei-font-family);
      color: var(--_hansei-color-text);
      --_muted: var(--hansei-color-muted, light-dark(#59636e, #9198a1));
      --_subtle: var(--hansei-color-subtle, light-dark(#f6f8fa, #151b23));
    }
    h1 {
      font-size: 1.5rem;
      margin: 0 0 1rem;
    }
    h2 {
      font-size: 1.15rem;
      margin: 1.5rem 0 0.5rem;
    }
    h3 {
      font-size: 1rem;
      margin: 1rem 0 0.25rem;
    }
    a {
      color: var(--hansei-color-link, var(--_hansei-color-focus));
    }
    .muted {
      color: var(--_muted);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 0.75rem;
      align-items: end;
      margin-block-end: 1rem;
    }
    .primary {
      background: var(--_hansei-color-focus);
      border-color: var(--_hansei-color-focus);
      color: var(--_hansei-status-on);
    }
    .danger {
      color: var(--_hansei-status-critical);
    }
    button:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    a.button {
      display: inline-flex;
      align-items: center;
      min-block-size: 2.75em;
      padding: 0.35em 1em;
      border-radius: 6px;
      font-weight: 600;
      text-decoration: none;
    }
    a.button.primary {
      color: var(--_hansei-status-on);
    }
    :focus-visible {
      outline: 2px solid var(--_hansei-color-focus);
      outline-offset: 2px;
    }
    label.field {
      display: grid;
      gap: 0.2rem;
      font-weight: 600;
    }
    label.check {
      display: flex;
      gap: 0.4rem;
      align-items: center;
    }
    input,
    select,
    textarea {
      font: inherit;
      font-weight: 400;
      color: inherit;
      background: var(--_hansei-color-surface);
      border: 1px solid var(--_muted);
      border-radius: 6px;
      padding: 0.4rem 0.5rem;
      min-block-size: 2.75em;
      box-sizing: border-box;
      max-inline-size: 100%;
    }
    textarea {
      min-block-size: 5em;
      inline-size: 100%;
    }
    input[type='checkbox'] {
      min-block-size: auto;
      inline-size: 1.1rem;
      block-size: 1.1rem;
    }
    fieldset {
      border: 1px solid var(--_hansei-color-border);
      border-radius: 8px;
      padding: 0.75rem;
      margin: 0 0 1rem;
      min-inline-size: 0;
    }
    legend {
      font-weight: 700;
      padding: 0 0.25rem;
    }
    .card {
      border: 1px solid var(--_hansei-color-border);
      border-radius: 8px;
      padding: 0.75rem 1rem;
      background: var(--_hansei-color-surface);
    }
    .cards {
      display: grid;
      gap: 0.75rem;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
      padding: 0;
      list-style: none;
    }
    .state {
      padding: 1rem;
      border-radius: 8px;
      background: var(--_subtle);
    }
    .error {
      color: var(--_hansei-status-critical);
    }
    .notice {
      border-inline-start: 4px solid var(--_hansei-status-minor);
      padding: 0.5rem 0.75rem;
      background: var(--_subtle);
    }
    .badge {
      display: inline-block;
      padding: 0 0.4em;
      border-radius: 4px;
      border: 1px solid var(--_hansei-color-border);
      font-size: 0.85em;
      font-weight: 600;
      white-space: nowrap;
    }
    table {
      border-collapse: collapse;
      inline-size: 100%;
    }
    th,
    td {
      text-align: start;
      padding: 0.45rem 0.5rem;
      border-block-end: 1px solid var(--_hansei-color-border);
      vertical-align: top;
    }
    th {
      font-size: 0.85em;
      color: var(--_muted);
    }
    ul.plain-row,
    .plain-row {
      list-style: none;
      padding: 0;
    }
    .plain-row a[aria-current='page'] {
      font-weight: 700;
    }
    ul.plain {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.5rem;
    }
    /* Narrow screens: table rows become cards, each cell labelled by data-label. */
    @media (max-width: 40rem) {
      table.responsive,
      table.responsive tbody {
        display: block;
      }
      table.responsive td {
        overflow-wrap: anywhere;
      }
      table.responsive thead {
        position: absolute;
        clip-path: inset(50%);
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
      }
      table.responsive tr {
        display: block;
        border: 1px solid var(--_hansei-color-border);
        border-radius: 8px;
        margin-block-end: 0.5rem;
        padding: 0.25rem 0;
      }
      table.responsive td {
        display: block;
        border: 0;
        padding: 0.2rem 0.75rem;
      }
      table.responsive td[data-label]::before {
        content: attr(data-label);
        display: block;
        color: var(--_muted);
        font-size: 0.85em;
      }
    }
  `,
];
