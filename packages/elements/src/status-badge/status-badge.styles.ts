import { css } from 'lit';
import { statusIconStyles } from '../internal/status-icons.styles.js';

/**
 * Styles of `<hansei-status-badge>`: a pill whose border (on hover, as a link) and icon take the
 * colour of its status (`--_tone`, set by the tone class on `.base`); the icons come from
 * `status-icons.styles.ts`.
 */
export const statusBadgeStyles = [
  statusIconStyles,
  css`
    :host {
      display: inline-block;
      max-width: 100%;
      vertical-align: middle;
    }

    .base {
      --_tone: var(--_hansei-status-unknown);

      box-sizing: border-box;
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      max-width: 100%;
      padding: 0.25em 0.75em 0.25em 0.5em;
      border: 1px solid var(--_hansei-color-border);
      border-radius: 1em;
      background: var(--_hansei-color-surface);
      color: var(--_hansei-color-text);
      font-family: var(--_hansei-font-family);
      font-size: var(--_hansei-font-size);
      font-weight: 500;
      line-height: 1.4;
      text-decoration: none;
    }

    .base.none {
      --_tone: var(--_hansei-status-none);
    }
    .base.minor {
      --_tone: var(--_hansei-status-minor);
    }
    .base.major {
      --_tone: var(--_hansei-status-major);
    }
    .base.critical {
      --_tone: var(--_hansei-status-critical);
    }
    .base.maintenance {
      --_tone: var(--_hansei-status-maintenance);
    }

    a.base {
      cursor: pointer;
    }
    a.base .label {
      text-decoration: underline;
      text-decoration-thickness: 1px;
      text-underline-offset: 0.2em;
    }
    a.base:hover {
      border-color: var(--_tone);
    }
    a.base:hover .label {
      text-decoration-thickness: 2px;
    }
    a.base:focus-visible {
      outline: 2px solid var(--_hansei-color-focus);
      outline-offset: 2px;
    }

    .label {
      min-width: 0;
      overflow-wrap: anywhere;
    }
    /* "(as of 10:42)" after the last known state. */
    .as-of {
      font-weight: 400;
    }

    @media (forced-colors: active) {
      .base {
        border-color: CanvasText;
      }
    }
  `,
];
