import { css } from 'lit';
import { markdownStyles } from '../internal/markdown.js';

const timelineStyles = css`
  :host {
    display: block;
    --_muted: var(--hansei-color-muted, light-dark(#59636e, #9198a1));
    --_accent: var(--_hansei-color-focus);
  }

  .base,
  .notice {
    box-sizing: border-box;
    color: var(--_hansei-color-text);
    background: var(--_hansei-color-surface);
    font-family: var(--_hansei-font-family);
    font-size: var(--_hansei-font-size);
    line-height: 1.45;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
  }
  .loading {
    color: var(--_muted);
  }

  .filters,
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 0.75em;
    align-items: end;
  }
  .row.end {
    justify-content: space-between;
    align-items: center;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    min-width: 0;
  }
  .grow,
  .composer > .field {
    flex: 1 1 12em;
  }
  .label {
    font-weight: 600;
  }
  .input {
    box-sizing: border-box;
    max-width: 100%;
    min-height: 2.25em;
    padding: 0.35em 0.5em;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 6px;
    background: var(--_hansei-color-surface);
    color: inherit;
    font: inherit;
  }
  textarea.input {
    width: 100%;
    resize: vertical;
    min-height: 4em;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_hansei-status-critical);
  }
  .input:focus-visible,
  .button:focus-visible,
  .link:focus-visible {
    outline: 2px solid var(--_hansei-color-focus);
    outline-offset: 2px;
  }

  .button {
    min-height: 2.25em;
    padding: 0.35em 0.9em;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 6px;
    background: var(--_hansei-color-surface);
    color: inherit;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_hansei-color-surface);
  }

  .summary,
  .hint,
  .time,
  .author,
  .saving,
  .empty {
    color: var(--_muted);
  }
  .summary,
  .hint,
  .notice,
  .empty,
  .error {
    margin: 0;
  }
  .hint {
    flex: 1 1 14em;
    font-size: 0.92em;
  }
  .notice {
    padding: 0.5em 0.75em;
    border: 1px solid var(--_hansei-color-border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: 6px;
  }
  .error {
    color: var(--_hansei-status-critical);
    font-weight: 600;
  }

  .list {
    margin: 0;
    padding: 0;
    list-style: none;
    max-block-size: var(--hansei-timeline-max-height, none);
    overflow-y: auto;
  }
  .entry {
    display: grid;
    grid-template-columns: 1.5em minmax(0, 1fr);
    gap: 0.6em;
    padding: 0.6em 0;
    border-block-end: 1px solid var(--_hansei-color-border);
    content-visibility: auto;
    contain-intrinsic-size: auto 4.5em;
  }
  .entry:last-child {
    border-block-end: none;
  }
  /* Not faded: an entry waiting in the outbox can stay a while, and must stay readable. */
  .entry.pending .content {
    font-style: italic;
  }
  .icon {
    display: flex;
    justify-content: center;
    padding-block-start: 0.1em;
    color: var(--_muted);
  }
  .icon svg,
  .link svg {
    inline-size: 1.15em;
    block-size: 1.15em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .update .icon {
    color: var(--_hansei-status-maintenance);
  }
  .detected .icon {
    color: var(--_hansei-status-critical);
  }
  .mitigated .icon,
  .resolved .icon {
    color: var(--_hansei-status-none);
  }
  .content {
    min-width: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.15em 0.6em;
    align-items: baseline;
    margin: 0 0 0.2em;
  }
  .kind {
    font-weight: 600;
  }
  .tag {
    padding: 0 0.45em;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 1em;
    font-size: 0.85em;
  }
  .time {
    font-variant-numeric: tabular-nums;
  }
  .link {
    display: inline-flex;
    gap: 0.3em;
    align-items: center;
    margin-block-start: 0.25em;
    color: var(--hansei-color-link, var(--_hansei-color-focus));
    overflow-wrap: anywhere;
  }

  .composer {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    padding: 0.75em;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 8px;
  }
  .queued {
    margin: 0;
    padding: 0.5em 0.75em;
    border-inline-start: 0.3em solid var(--_hansei-color-focus);
  }
  .failures {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .failure {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    align-items: center;
    padding: 0.5em 0;
  }
  .failure p {
    flex: 1 1 100%;
    margin: 0;
  }
  .failed-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    .button.primary {
      border-color: ButtonText;
    }
  }
`;

export const incidentTimelineStyles = [markdownStyles, timelineStyles];
