import { css } from 'lit';
import { markdownStyles } from '../internal/markdown.js';
import { visuallyHiddenStyles } from '../internal/shared-styles.js';
import { statusElementStyles } from '../internal/status-styles.js';

export const incidentFeedStyles = [
  statusElementStyles,
  markdownStyles,
  visuallyHiddenStyles,
  css`
    .base {
      display: flex;
      flex-direction: column;
      gap: 1.5em;
    }
    .as-of {
      margin-block-end: 1em;
      font-family: var(--_hansei-font-family);
      font-size: var(--_hansei-font-size);
    }

    .section {
      display: flex;
      flex-direction: column;
      gap: 0.75em;
      min-width: 0;
    }
    .section-heading {
      font-size: 1.15em;
      font-weight: 700;
    }
    .muted,
    .empty {
      color: var(--_muted);
    }

    .incidents,
    .updates {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .incidents {
      display: flex;
      flex-direction: column;
      gap: 0.75em;
    }
    .incident {
      display: flex;
      flex-direction: column;
      gap: 0.5em;
      min-width: 0;
      padding: 0.75em 1em;
      border: 1px solid var(--_hansei-color-border);
      border-inline-start: 4px solid var(--_tone, var(--_hansei-status-unknown));
      border-radius: 6px;
      background: var(--_hansei-color-surface);
    }
    .title {
      font-size: 1.07em;
      font-weight: 600;
    }
    a {
      color: var(--hansei-color-link, var(--_hansei-color-focus));
      text-underline-offset: 0.15em;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 1em;
    }
    .state {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
    }

    .affected .label {
      margin-inline-end: 0.35em;
      font-weight: 600;
    }

    .updates {
      display: flex;
      flex-direction: column;
      gap: 0.75em;
    }
    .update + .update {
      padding-block-start: 0.75em;
      border-block-start: 1px solid var(--_hansei-color-border);
    }
    .update-head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25em 0.75em;
      margin-block-end: 0.25em;
    }
    .update-head time {
      color: var(--_muted);
    }

    .postmortem summary {
      cursor: pointer;
      font-weight: 600;
    }
    .postmortem[open] summary {
      margin-block-end: 0.5em;
    }
    .postmortem .markdown {
      margin-block-end: 0.5em;
    }

    .pager {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5em;
    }
    .month {
      flex: 1 1 auto;
      order: 0;
      font-weight: 600;
      text-align: center;
    }
    .page.older {
      order: -1;
    }
    .page.newer {
      order: 1;
      margin-inline-start: auto;
    }
    a.page {
      display: inline-flex;
      align-items: center;
      min-block-size: 2.75em;
      padding-inline: 0.5em;
    }
    button[aria-disabled='true'] {
      opacity: 0.55;
      cursor: default;
    }
    .more {
      align-self: start;
    }
  `,
];
