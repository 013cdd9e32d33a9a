import { css } from 'lit';
import { buttonStyles, stateRowStyles } from './shared-styles.js';
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
  `,
  stateRowStyles,
  buttonStyles,
  css`
    .as-of .icon {
      align-self: start;
      margin-block-start: 0.15em;
    }
    button:hover {
      border-color: var(--_hansei-color-text);
    }

    @media (forced-colors: active) {
      button {
        border-color: ButtonText;
      }
    }
  `,
];
