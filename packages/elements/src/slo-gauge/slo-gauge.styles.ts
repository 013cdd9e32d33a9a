import { css } from 'lit';
import { buttonStyles, stateRowStyles, visuallyHiddenStyles } from '../internal/shared-styles.js';
import { statusIconStyles } from '../internal/status-icons.styles.js';

/**
 * Styles of `<hansei-slo-gauge>`: the full card reflows from desktop down to 320 px with a
 * container query (figures and burn rates stack, the chart keeps its width); the compact line
 * wraps. Every colour comes from the theme tokens, with the status tones for alert, budget and
 * verdicts (always beside an icon and words). In forced-colours mode the chart keeps its line,
 * zero line and bands in system colours.
 */
export const sloGaugeStyles = [
  statusIconStyles,
  visuallyHiddenStyles,
  stateRowStyles,
  buttonStyles,
  css`
    :host {
      display: block;
      --_muted: var(--hansei-color-muted, light-dark(#59636e, #9198a1));
      --_chart-height: var(--hansei-slo-gauge-chart-height, 7.5rem);
      --_line: var(--hansei-slo-gauge-line, var(--_hansei-color-text));
    }

    .base,
    .state,
    [part='missing-adapter'] {
      box-sizing: border-box;
      margin: 0;
      color: var(--_hansei-color-text);
      font-family: var(--_hansei-font-family);
      font-size: var(--_hansei-font-size);
      line-height: 1.45;
      overflow-wrap: anywhere;
    }

    p,
    dl,
    dd,
    ul,
    ol,
    figure {
      margin: 0;
      padding: 0;
    }

    .muted,
    .state.loading {
      color: var(--_muted);
    }

    /* States ----------------------------------------------------------------------------- */
    a {
      color: var(--hansei-color-link, var(--_hansei-color-focus));
    }

    /* The card ---------------------------------------------------------------------------- */
    .full {
      container-type: inline-size;
      display: grid;
      gap: 0.9em;
      padding: var(--hansei-slo-gauge-padding, 1em);
      border: 1px solid var(--_hansei-color-border);
      border-radius: var(--hansei-slo-gauge-radius, 8px);
      background: var(--_hansei-color-surface);
    }

    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.4em 1em;
    }
    .name {
      font-weight: 600;
      font-size: 1.15em;
    }

    .alert {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      padding: 0.2em 0.6em;
      border: 1px solid var(--_tone);
      border-radius: 999px;
      font-weight: 600;
    }
    .alert-detail {
      font-weight: 400;
      margin-inline-start: -0.4em;
    }
    .full .alert {
      border-radius: 0.75em;
    }

    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
      gap: 0.75em 1.25em;
    }
    .figure dt {
      color: var(--_muted);
    }
    .figure dd {
      display: flex;
      flex-direction: column;
      align-items: start;
      gap: 0.2em;
    }
    .value {
      font-size: 1.6em;
      font-weight: 600;
      line-height: 1.2;
      font-variant-numeric: tabular-nums;
    }
    .verdict,
    .burn-state {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
    }

    .bar {
      display: block;
      box-sizing: border-box;
      inline-size: 100%;
      max-inline-size: 16em;
      block-size: 0.5em;
      border: 1px solid var(--_muted);
      border-radius: 999px;
      overflow: hidden;
    }
    .bar .fill {
      display: block;
      block-size: 100%;
      background: var(--_hansei-status-none);
    }
    .bar.low .fill {
      background: var(--_hansei-status-minor);
    }
    .bar.overspent,
    .bar.exhausted {
      border-color: var(--_hansei-status-critical);
      background: repeating-linear-gradient(135deg, var(--_hansei-status-critical) 0 2px, transparent 2px 6px);
    }

    /* The chart --------------------------------------------------------------------------- */
    .chart {
      display: grid;
      gap: 0.3em;
    }
    .chart-title,
    .section-title {
      font-weight: 600;
    }
    .plot {
      position: relative;
      block-size: var(--_chart-height);
      margin-inline-start: 3.6em;
      margin-block-start: 0.9em;
    }
    .plot svg {
      display: block;
      inline-size: 100%;
      block-size: 100%;
      overflow: visible;
    }
    .plot .line {
      fill: none;
      stroke: var(--_line);
      stroke-width: 2;
      vector-effect: non-scaling-stroke;
      stroke-linejoin: round;
    }
    .plot .area.ok {
      fill: var(--_hansei-status-none);
      fill-opacity: 0.18;
    }
    .plot .area.over {
      fill: var(--_hansei-status-critical);
      fill-opacity: 0.3;
    }
    .plot .zero,
    .plot .full,
    .plot .now {
      stroke: var(--_muted);
      stroke-width: 1;
      vector-effect: non-scaling-stroke;
    }
    .plot .zero {
      stroke-dasharray: 4 3;
    }
    .plot .full {
      stroke-opacity: 0.5;
    }
    .plot .band {
      fill: var(--_hansei-status-major);
      fill-opacity: 0.22;
    }
    .y-label {
      position: absolute;
      inset-inline-end: calc(100% + 0.4em);
      translate: 0 -50%;
      color: var(--_muted);
      font-size: 0.85em;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .y-label.bottom {
      top: 100%;
      translate: 0 -100%;
    }
    .x-axis {
      position: relative;
      display: flex;
      justify-content: space-between;
      margin-inline-start: 3.6em;
      color: var(--_muted);
      font-size: 0.85em;
    }
    .now-label {
      position: absolute;
      left: calc(var(--_x) * 1%);
      translate: -50% 0;
    }

    .markers {
      position: absolute;
      inset: 0;
      pointer-events: none;
    }
    .detail {
      pointer-events: auto;
    }
    .marker,
    .number {
      display: inline-grid;
      place-items: center;
      box-sizing: border-box;
      min-inline-size: 1.75em;
      min-block-size: 1.75em;
      padding: 0 0.3em;
      border: 2px solid var(--_hansei-color-surface);
      border-radius: 999px;
      background: var(--_hansei-status-major);
      color: var(--_hansei-status-on);
      font-weight: 700;
      line-height: 1;
      font-variant-numeric: tabular-nums;
    }
    .marker {
      position: absolute;
      top: 0;
      left: calc(var(--_x) * 1%);
      translate: -50% -50%;
      min-inline-size: 24px;
      min-block-size: 24px;
      pointer-events: auto;
      font-size: 0.85em;
    }
    .marker[aria-expanded='true'] {
      outline: 2px solid var(--_hansei-color-focus);
      outline-offset: 1px;
    }

    .detail {
      position: absolute;
      z-index: 1;
      top: 1.2em;
      left: clamp(0%, calc(var(--_x) * 1% - 8em), calc(100% - 16em));
      box-sizing: border-box;
      inline-size: min(16em, 100%);
      padding: 0.5em 0.7em;
      border: 1px solid var(--_hansei-color-border);
      border-radius: 6px;
      background: var(--_hansei-color-surface);
      box-shadow: 0 4px 12px rgb(0 0 0 / 0.18);
    }
    .detail-title {
      display: flex;
      align-items: start;
      gap: 0.4em;
      font-weight: 600;
    }

    /* Incidents and burn rates ---------------------------------------------------------------- */
    .incidents ol,
    .burn-rates ul {
      list-style: none;
      display: grid;
      gap: 0.5em;
      margin-block-start: 0.4em;
    }
    .incident {
      display: flex;
      align-items: start;
      gap: 0.5em;
    }
    .incident .number {
      font-size: 0.85em;
    }
    .incident-text {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    code {
      font-size: 0.95em;
    }

    .burn-rates ul {
      grid-template-columns: 1fr;
    }
    @container (min-width: 30em) {
      .burn-rates ul {
        grid-template-columns: repeat(2, 1fr);
      }
    }
    @container (min-width: 64em) {
      .burn-rates ul {
        grid-template-columns: repeat(4, 1fr);
      }
    }
    .burn {
      padding: 0.5em 0.7em;
      border: 1px solid var(--_hansei-color-border);
      border-radius: 6px;
    }
    .burn.firing {
      border-color: var(--_tone, var(--_hansei-status-critical));
      border-inline-start-width: 4px;
    }
    .burn-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.25em 0.75em;
      font-weight: 600;
    }

    @container (max-width: 26em) {
      .alert-detail {
        display: none;
      }
      .value {
        font-size: 1.35em;
      }
    }

    /* Compact ----------------------------------------------------------------------------------- */
    .compact {
      display: grid;
      gap: 0.35em;
      padding: 0.5em 0.75em;
      border: 1px solid var(--_hansei-color-border);
      border-radius: var(--hansei-slo-gauge-radius, 8px);
      background: var(--_hansei-color-surface);
    }
    .compact .line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 1em;
    }
    .compact .name {
      flex: 1 1 10em;
      font-size: 1em;
    }
    .compact .budget {
      display: inline-flex;
      align-items: center;
      gap: 0.3em;
    }
    .compact .bar {
      max-inline-size: none;
      block-size: 0.35em;
    }

    @media (forced-colors: active) {
      .plot .line {
        stroke: CanvasText;
      }
      .plot .zero,
      .plot .full,
      .plot .now {
        stroke: GrayText;
      }
      .plot .band {
        fill: Highlight;
      }
      .marker,
      .number {
        border-color: CanvasText;
      }
      .bar .fill {
        background: CanvasText;
      }
    }
  `,
];
