import { css } from 'lit';

/**
 * Colours of the status tones and the icons of `status-icons.ts`: an element with class
 * `tone-<tone>` gets `--_tone`, that tone's colour from the theme tokens; an `.icon` is filled
 * with it, its glyph drawn in `--_hansei-status-on`. In forced-colours mode the icons keep their
 * shapes in system colours.
 */
export const statusIconStyles = css`
  .tone-none {
    --_tone: var(--_hansei-status-none);
  }
  .tone-minor {
    --_tone: var(--_hansei-status-minor);
  }
  .tone-major {
    --_tone: var(--_hansei-status-major);
  }
  .tone-critical {
    --_tone: var(--_hansei-status-critical);
  }
  .tone-maintenance {
    --_tone: var(--_hansei-status-maintenance);
  }
  .tone-unknown {
    --_tone: var(--_hansei-status-unknown);
  }

  .icon {
    display: inline-flex;
    flex: none;
    inline-size: 1.15em;
    block-size: 1.15em;
  }
  .icon svg {
    inline-size: 100%;
    block-size: 100%;
  }
  .icon .shape {
    fill: var(--_tone);
  }
  .icon .glyph {
    fill: none;
    stroke: var(--_hansei-status-on);
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .icon .dot {
    fill: var(--_hansei-status-on);
  }

  @media (forced-colors: active) {
    .icon .shape {
      fill: CanvasText;
    }
    .icon .glyph {
      stroke: Canvas;
    }
    .icon .dot {
      fill: Canvas;
    }
  }
`;
