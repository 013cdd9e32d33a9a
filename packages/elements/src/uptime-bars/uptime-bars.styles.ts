import { css } from 'lit';
import { visuallyHiddenStyles } from '../internal/shared-styles.js';

const barStyles = css`
  :host {
    --_bar-height: var(--hansei-uptime-bar-height, 2.125rem);
  }

  .base {
    container: hansei-uptime / inline-size;
  }
  .unavailable,
  .empty,
  .as-of {
    font-family: var(--_hansei-font-family);
    font-size: var(--_hansei-font-size);
    line-height: 1.45;
  }
  .unavailable,
  .empty {
    color: var(--_muted);
  }
  .as-of {
    margin-block-end: 0.75em;
  }

  .narrow {
    display: none;
  }
  @container hansei-uptime (max-width: 479.98px) {
    .wide,
    .day.old {
      display: none;
    }
    .narrow {
      display: inline;
    }
  }

  .rows,
  .bars,
  .legend,
  .durations,
  .incidents {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .rows {
    display: flex;
    flex-direction: column;
    gap: 1.25em;
  }
  .row {
    min-width: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25em 1em;
    margin-block-end: 0.375em;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .uptime {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .track {
    position: relative;
  }
  .bars {
    display: flex;
    gap: 2px;
    block-size: var(--_bar-height);
  }
  .day {
    display: flex;
    flex: 1 1 0;
    min-width: 0;
  }

  .bar,
  .swatch {
    --_c: var(--_hansei-status-none);
    --_tint: color-mix(in srgb, var(--_c) 30%, transparent);

    box-sizing: border-box;
    background: var(--_c);
    border-radius: 2px;
  }
  .bar {
    flex: 1 1 auto;
    min-width: 0;
    min-block-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .bar:hover {
    border-color: var(--_c);
    filter: brightness(1.15);
  }
  .bar[aria-expanded='true'] {
    outline: 2px solid var(--_hansei-color-text);
    outline-offset: 1px;
  }
  .bar:focus-visible {
    outline: 2px solid var(--_hansei-color-focus);
    outline-offset: 2px;
  }

  .degraded_performance {
    --_c: var(--_hansei-status-minor);
    background: linear-gradient(to top, var(--_c) 0 64%, var(--_tint) 64% 100%);
  }
  .partial_outage {
    --_c: var(--_hansei-status-major);
    background: repeating-linear-gradient(to bottom, var(--_c) 0 3px, var(--_tint) 3px 5px);
  }
  .major_outage {
    --_c: var(--_hansei-status-critical);
    background: linear-gradient(to bottom, var(--_c) 0 20%, transparent 20% 30%, var(--_c) 30% 100%);
  }
  .under_maintenance {
    --_c: var(--_hansei-status-maintenance);
    background: var(--_tint);
    border: 2px solid var(--_c);
  }
  .none {
    --_c: var(--_hansei-status-unknown);
    background: transparent;
    border: 1px dashed var(--_c);
  }

  .axis {
    display: flex;
    justify-content: space-between;
    gap: 1em;
    margin-block-start: 0.25em;
    color: var(--_muted);
    font-size: 0.857em;
  }

  .detail {
    --_w: min(18rem, 100%);

    position: absolute;
    z-index: 1;
    inset-block-start: calc(100% + 0.5em);
    inset-inline-start: clamp(0px, calc(var(--_x, 100%) - var(--_w) / 2), calc(100% - var(--_w)));
    box-sizing: border-box;
    inline-size: var(--_w);
    padding: 0.625em 0.75em;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 6px;
    background: var(--_hansei-color-surface);
    box-shadow: 0 4px 12px color-mix(in srgb, var(--_hansei-color-text) 18%, transparent);
  }
  /* Bridges the gap above the detail, so a pointer on its way from a bar to a link keeps it open. */
  .detail::before {
    content: '';
    position: absolute;
    inset-inline: 0;
    inset-block-end: 100%;
    block-size: calc(0.5em + 1px);
  }
  .detail p {
    margin: 0 0 0.25em;
  }
  .detail-date {
    font-weight: 600;
  }
  .detail-label {
    margin-block-start: 0.5em !important;
    font-weight: 600;
  }
  .durations li,
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .incidents {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  .incidents li {
    overflow-wrap: anywhere;
  }
  .detail a {
    color: var(--hansei-color-link, var(--_hansei-color-focus));
    text-underline-offset: 0.15em;
  }
  .detail a:focus-visible {
    outline: 2px solid var(--_hansei-color-focus);
    outline-offset: 2px;
    border-radius: 2px;
  }

  .swatch {
    display: inline-block;
    flex: none;
    inline-size: 0.625rem;
    block-size: 1.25rem;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em 1.25em;
    margin-block-start: 1.25em;
    color: var(--_muted);
    font-size: 0.857em;
  }

  @media (forced-colors: active) {
    .bar[class],
    .swatch[class] {
      forced-color-adjust: none;
      --_c: CanvasText;
      --_tint: Canvas;
    }
    .bar:focus-visible,
    .bar[aria-expanded='true'] {
      outline-color: Highlight;
    }
  }
`;

/**
 * The bars: each level has a colour AND a pattern, so no day is told apart by colour alone:
 * operational solid, degraded performance filled two thirds, partial outage striped, major
 * outage broken near the top, maintenance hollow, no data dashed. The narrow layout (the last
 * days only) is a container query on `.base`, so it works without script (server rendering).
 */
export const uptimeBarsStyles = [visuallyHiddenStyles, barStyles];
