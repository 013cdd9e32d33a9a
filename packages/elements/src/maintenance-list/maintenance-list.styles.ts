import { css } from 'lit';
import { stackedBaseStyles } from '../internal/shared-styles.js';
import { statusElementStyles } from '../internal/status-styles.js';

export const maintenanceListStyles = [
  statusElementStyles,
  stackedBaseStyles,
  css`
    .list {
      display: flex;
      flex-direction: column;
      gap: 0.75em;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .maintenance {
      display: flex;
      flex-direction: column;
      gap: 0.4em;
      padding: 0.75em 1em;
      border: 1px solid var(--_hansei-color-border);
      border-inline-start: 4px solid var(--_hansei-color-border);
      border-radius: var(--hansei-maintenance-list-radius, 8px);
      background: var(--_hansei-color-surface);
    }
    .maintenance.active {
      border-inline-start-color: var(--_hansei-status-maintenance);
    }

    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25em 0.75em;
    }
    .title a {
      color: var(--hansei-color-link, var(--_hansei-color-focus));
      text-underline-offset: 0.15em;
    }
    .title {
      flex: 1 1 12em;
      min-width: 0;
      font-size: 1.07em;
      font-weight: 600;
    }
    .state {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      color: var(--_tone);
      font-weight: 600;
    }
    .upcoming .state {
      color: var(--_muted);
    }
    .state .icon {
      align-self: center;
    }

    .window {
      display: flex;
      flex-wrap: wrap;
      gap: 0.1em 0.75em;
    }
    .when {
      font-weight: 600;
    }
    .range {
      color: var(--_muted);
    }

    .components .label {
      color: var(--_muted);
    }

    .update {
      display: flex;
      flex-direction: column;
      gap: 0.2em;
      padding-block-start: 0.4em;
      border-block-start: 1px dashed var(--_hansei-color-border);
    }
    .body {
      white-space: pre-line;
    }
    .posted,
    .empty {
      color: var(--_muted);
    }
    .posted {
      font-size: 0.9em;
    }

    /* One maintenance on a page of its own (maintenanceDetailTemplate). */
    .detail {
      display: flex;
      flex-direction: column;
      gap: 0.6em;
    }
    .updates {
      display: flex;
      flex-direction: column;
      gap: 0.6em;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .summary {
      white-space: pre-line;
    }

    @media (forced-colors: active) {
      .maintenance.active {
        border-inline-start-color: Highlight;
      }
    }
  `,
];
