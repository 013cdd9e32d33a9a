import { css } from 'lit';

export const statusBadgeStyles = css`
  :host {
    display: inline-block;
    max-width: 100%;
    vertical-align: middle;
  }

  .base {
    --_color: var(--_hansei-status-unknown);

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
    --_color: var(--_hansei-status-none);
  }
  .base.minor {
    --_color: var(--_hansei-status-minor);
  }
  .base.major {
    --_color: var(--_hansei-status-major);
  }
  .base.critical {
    --_color: var(--_hansei-status-critical);
  }
  .base.maintenance {
    --_color: var(--_hansei-status-maintenance);
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
    border-color: var(--_color);
  }
  a.base:hover .label {
    text-decoration-thickness: 2px;
  }
  a.base:focus-visible {
    outline: 2px solid var(--_hansei-color-focus);
    outline-offset: 2px;
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
    fill: var(--_color);
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
