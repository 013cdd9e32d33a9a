import { css } from 'lit';
import { menuStyles } from '../internal/menus.js';
import { visuallyHiddenStyles } from '../internal/shared-styles.js';

const boardStyles = css`
  :host {
    --_muted: var(--hansei-color-text-muted, light-dark(#59636e, #9198a1));
    --_raised: var(--hansei-color-surface-raised, light-dark(#f6f8fa, #151b23));
    --_flag: var(--_hansei-status-major);

    display: block;
    container-type: inline-size;
    color: var(--_hansei-color-text);
    font-family: var(--_hansei-font-family);
    font-size: var(--_hansei-font-size);
    line-height: 1.5;
  }

  .board {
    display: grid;
    gap: 0.75rem;
    padding: 0.75rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 0.5rem;
    background: var(--_hansei-color-surface);
  }

  h2,
  h3,
  p,
  ul,
  ol {
    margin: 0;
  }
  ul,
  ol {
    padding: 0;
    list-style: none;
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }
  h2 {
    font-size: 1.15em;
  }
  .meta {
    display: flex;
    gap: 0.5rem;
    color: var(--_muted);
  }
  .severity {
    font-weight: 600;
    color: var(--_hansei-color-text);
  }

  .hint,
  .note,
  .empty,
  .since,
  .holds,
  .when,
  .how,
  .saving-text {
    color: var(--_muted);
  }
  .hint {
    font-size: 0.9em;
  }

  .missing-banner,
  .flag {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    font-weight: 600;
  }
  .missing-banner {
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_flag);
    border-inline-start-width: 0.3rem;
    border-radius: 0.375rem;
  }
  .missing-banner.severe,
  .role.severe {
    --_flag: var(--_hansei-status-critical);
  }
  .warn {
    flex: none;
    inline-size: 1.1em;
    block-size: 1.1em;
    margin-block-start: 0.2em;
  }
  .warn .shape {
    fill: var(--_flag);
  }
  .warn .glyph {
    fill: none;
    stroke: var(--_hansei-status-on);
    stroke-width: 1.8;
    stroke-linecap: round;
  }
  .warn .dot {
    fill: var(--_hansei-status-on);
  }

  .message {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_hansei-status-critical);
    border-radius: 0.375rem;
    background: var(--_hansei-color-surface);
  }
  .queued {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_hansei-color-border);
    border-inline-start: 0.3rem solid var(--_hansei-color-focus);
    border-radius: 0.375rem;
  }
  .message p {
    flex: 1 1 16rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .layout {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(13rem, 1fr);
    gap: 0.75rem;
    align-items: start;
  }
  @container (max-width: 40rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  .roles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: 0.75rem;
  }

  .role {
    display: grid;
    align-content: start;
    gap: 0.5rem;
    min-width: 0;
    padding: 0.75rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 0.5rem;
    background: var(--_raised);
    overflow-wrap: anywhere;
  }
  .role.missing {
    border-color: var(--_flag);
    border-inline-start-width: 0.3rem;
  }
  .carrying .role {
    border-style: dashed;
    cursor: pointer;
  }
  .role.over {
    border-color: var(--_hansei-color-focus);
    border-style: solid;
    background: color-mix(in srgb, var(--_hansei-color-focus) 12%, var(--_raised));
    box-shadow: inset 0 0 0 1px var(--_hansei-color-focus);
  }
  .role:focus-visible {
    outline: 2px solid var(--_hansei-color-focus);
    outline-offset: 2px;
  }
  .role-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
  }
  .role-name {
    font-size: 1em;
  }
  .tag {
    padding: 0 0.4rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 1rem;
    font-size: 0.8em;
  }
  .tag-missing {
    border-color: var(--_flag);
    font-weight: 600;
  }

  .holders,
  .people-list {
    display: grid;
    gap: 0.375rem;
  }
  .people {
    display: grid;
    gap: 0.5rem;
    min-width: 0;
  }
  .people h3 {
    font-size: 1em;
  }
  .people-list > li {
    display: grid;
    gap: 0.125rem;
  }
  .holds {
    padding-inline-start: 1.75rem;
    font-size: 0.85em;
  }

  .chip {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    min-width: 0;
    padding: 0.25rem 0.375rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 0.375rem;
    background: var(--_hansei-color-surface);
  }
  .chip[draggable='true'] {
    cursor: grab;
  }
  .chip.carried {
    outline: 2px dashed var(--_hansei-color-focus);
    outline-offset: 1px;
  }
  .chip.saving {
    border-style: dashed;
  }
  .grip {
    flex: none;
    inline-size: 1em;
    block-size: 1em;
    fill: var(--_muted);
  }
  .name,
  .grab {
    flex: 1 1 auto;
    min-width: 0;
    font-weight: 500;
    text-align: start;
  }
  .since,
  .saving-text {
    font-size: 0.85em;
  }

  button,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    min-block-size: 1.75rem;
    border-radius: 0.25rem;
    cursor: pointer;
  }
  .grab {
    padding: 0.125rem 0.25rem;
    border: 1px solid transparent;
    background: none;
  }
  .grab[aria-pressed='true'] {
    border-color: var(--_hansei-color-focus);
  }
  .menu-button,
  .action {
    padding: 0.125rem 0.5rem;
    border: 1px solid var(--_hansei-color-border);
    background: var(--_hansei-color-surface);
  }
  button:hover {
    border-color: var(--_hansei-color-text);
  }
  button:focus-visible,
  input:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_hansei-color-focus);
    outline-offset: 1px;
  }

  .role > .menu-wrap {
    justify-self: start;
  }

  details > summary {
    cursor: pointer;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .duties ul {
    display: grid;
    gap: 0.25rem;
    padding-inline-start: 1.1rem;
    margin-block-start: 0.25rem;
    list-style: disc;
    font-size: 0.9em;
  }
  .history ol {
    display: grid;
    gap: 0.375rem;
    margin-block-start: 0.25rem;
    font-size: 0.9em;
  }
  .entry {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
    padding-inline-start: 0.5rem;
    border-inline-start: 2px solid var(--_hansei-color-border);
  }
  .entry.now {
    border-inline-start-color: var(--_hansei-color-focus);
  }
  .who {
    font-weight: 500;
  }
  .note-text {
    flex-basis: 100%;
  }

  .filter {
    display: grid;
    gap: 0.125rem;
  }
  .filter input {
    min-width: 0;
    padding: 0.25rem 0.375rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 0.25rem;
    background: var(--_hansei-color-surface);
  }

  @media (forced-colors: active) {
    .role.over,
    .chip.carried {
      outline: 2px solid Highlight;
    }
    .warn .shape {
      fill: CanvasText;
    }
    .warn .glyph {
      stroke: Canvas;
    }
    .warn .dot {
      fill: Canvas;
    }
  }
`;

/** Styles of `<hansei-role-board>`, after the shared visually-hidden rule. */
export const roleBoardStyles = [visuallyHiddenStyles, menuStyles, boardStyles];
