import { css } from 'lit';

/** Chartist's look, in the kit's tokens. */
export const chartStyles = css`
  .chart svg {
    display: block;
    overflow: visible;
  }
  .ct-label {
    fill: var(--_muted);
    color: var(--_muted);
    font-size: 0.75rem;
    line-height: 1;
  }
  .ct-chart-bar .ct-label,
  .ct-chart-line .ct-label {
    display: flex;
  }
  .ct-label.ct-horizontal.ct-end {
    align-items: flex-start;
    justify-content: center;
    text-align: center;
  }
  .ct-label.ct-vertical.ct-start {
    align-items: flex-end;
    justify-content: flex-end;
    text-align: right;
  }
  .ct-grid {
    stroke: var(--_hansei-color-border);
    stroke-width: 1px;
    stroke-dasharray: 2px;
  }
  .ct-bar {
    fill: none;
    stroke-width: 12px;
  }
  .ct-line {
    fill: none;
    stroke-width: 3px;
  }
  .ct-point {
    stroke-width: 8px;
    stroke-linecap: round;
  }
  .s1 .ct-bar,
  .s1 .ct-line,
  .s1 .ct-point {
    stroke: var(--_hansei-status-critical);
  }
  .s2 .ct-bar,
  .s2 .ct-line,
  .s2 .ct-point {
    stroke: var(--_hansei-status-major);
  }
  .s3 .ct-bar,
  .s3 .ct-line,
  .s3 .ct-point {
    stroke: var(--_hansei-status-minor);
  }
  .s4 .ct-bar,
  .s4 .ct-line,
  .s4 .ct-point {
    stroke: var(--_hansei-status-maintenance);
  }
  .s5 .ct-bar,
  .s5 .ct-line,
  .s5 .ct-point {
    stroke: var(--_hansei-status-unknown);
  }
  .s3 .ct-line {
    stroke-dasharray: 6 4;
  }
  .s4 .ct-line {
    stroke-dasharray: 2 3;
  }
  .figure {
    display: block;
    font-size: 1.75rem;
  }
  .summary .card {
    display: grid;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin: 0.25rem 0;
  }
  .key {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  .key .ct-bar {
    stroke-width: 12px;
  }
  .mix {
    display: flex;
    block-size: 1.25rem;
    border-radius: 6px;
    overflow: hidden;
    border: 1px solid var(--_hansei-color-border);
  }
  .mix .short {
    background: repeating-linear-gradient(45deg, var(--_hansei-status-minor) 0 6px, transparent 6px 9px);
  }
  .mix .root {
    background: var(--_hansei-status-none);
  }
  details {
    margin-block: 0.5rem 1rem;
  }
`;
