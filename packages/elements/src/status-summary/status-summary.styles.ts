import { css } from 'lit';
import { statusElementStyles } from '../internal/status-styles.js';

export const statusSummaryStyles = [
  statusElementStyles,
  css`
    .base {
      display: flex;
      flex-direction: column;
      gap: 0.5em;
    }

    .banner {
      display: flex;
      align-items: center;
      gap: 0.6em;
      padding: 0.85em 1em;
      border-radius: var(--hansei-status-summary-radius, 8px);
      background: var(--_tone);
      color: var(--_hansei-status-on);
    }
    /* On the tone's colour, the icon is drawn the other way round. */
    .banner .icon {
      inline-size: 1.5em;
      block-size: 1.5em;
    }
    .banner .icon .shape {
      fill: var(--_hansei-status-on);
    }
    .banner .icon .glyph {
      stroke: var(--_tone);
    }
    .banner .icon .dot {
      fill: var(--_tone);
    }
    .description {
      min-width: 0;
      font-size: var(--hansei-status-summary-font-size, 1.25em);
      font-weight: 600;
      line-height: 1.3;
    }

    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1em;
      color: var(--_muted);
    }
    .page-name {
      color: var(--_hansei-color-text);
      font-weight: 600;
    }

    @media (forced-colors: active) {
      .banner {
        border: 2px solid CanvasText;
      }
      .banner .icon .shape {
        fill: CanvasText;
      }
      .banner .icon .glyph {
        stroke: Canvas;
      }
      .banner .icon .dot {
        fill: Canvas;
      }
    }
  `,
];
