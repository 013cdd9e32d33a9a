import { css } from 'lit';
import { statusIconStyles } from './status-icons.styles.js';

/**
 * What the status elements share: the host box, the muted text token, the icons and tones, and
 * the loading, error, "as of" and no-data-source states of `status-view.ts`.
 */
export const statusElementStyles = [
  statusIconStyles,
  css`
    :host {
      display: block;
      --_muted: var(--hansei-color-muted, light-dark(#59636e, #9198a1));
    }

    .base,
    .loading,
    .error,
    [part='missing-adapter'] {
      box-sizing: border-box;
      margin: 0;
      color: var(--_hansei-color-text);
      font-family: var(--_hansei-font-family);
      font-size: var(--_hansei-font-size);
      line-height: 1.45;
      overflow-wrap: anywhere;
    }

    p {
      margin: 0;
    }

    .loading {
      color: var(--_muted);
    }

    .error,
    .as-of {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 0.75em;
    }
    .error > p,
    .as-of > span {
      flex: 1 1 12em;
      min-width: 0;
    }
    .as-of {
      color: var(--_muted);
    }
    .as-of .icon {
      align-self: start;
      margin-block-start: 0.15em;
    }

    button {
      min-block-size: 2.75em;
      padding: 0.35em 1em;
      border: 1px solid var(--_hansei-color-border);
      border-radius: 6px;
      background: var(--_hansei-color-surface);
      color: var(--_hansei-color-text);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    button:hover {
      border-color: var(--_hansei-color-text);
    }
    :focus-visible {
      outline: 2px solid var(--_hansei-color-focus);
      outline-offset: 2px;
    }

    @media (forced-colors: active) {
      button {
        border-color: ButtonText;
      }
    }
  `,
];
