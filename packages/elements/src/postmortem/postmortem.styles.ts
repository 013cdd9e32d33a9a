import { css } from 'lit';
import { markdownStyles } from '../internal/markdown.js';
import { formBaseStyles } from '../internal/form-styles.js';
import { visuallyHiddenStyles } from '../internal/shared-styles.js';

const documentStyles = css`
  :host {
    --_warn: var(--_hansei-status-minor);
  }
  h2 {
    font-size: 1.45em;
    overflow-wrap: anywhere;
  }
  h3 {
    font-size: 1.15em;
  }
  fieldset {
    margin: 0;
  }
  .document,
  .start,
  .section,
  .builder,
  .header {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
  }
  .document {
    gap: 1.5rem;
  }
  .section {
    padding-block-start: 1.25rem;
    border-block-start: 1px solid var(--_hansei-color-border);
  }
  :is(.builder, .new-action, .start, fieldset, .review, .checklist, .from-incident) > button {
    justify-self: start;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  .row > .field {
    flex: 1 1 14rem;
  }
  fieldset {
    display: grid;
    gap: 0.35rem;
    min-width: 0;
    padding: 0.75rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 0.5rem;
  }
  .choice > span {
    display: grid;
  }

  textarea {
    field-sizing: content;
    min-block-size: 4.5em;
    max-block-size: 40em;
  }
  .title-input {
    font-size: 1.3em;
    font-weight: 700;
  }
  button.link {
    min-block-size: 2.25rem;
    padding: 0.25rem 0.4rem;
    border: none;
    background: none;
    color: var(--_hansei-color-focus);
    text-decoration: underline;
  }
  a {
    color: var(--_hansei-color-focus);
  }

  .prompt {
    color: var(--_muted);
  }
  .prompt {
    font-style: italic;
  }
  .required {
    color: var(--_error);
  }
  .eyebrow {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    color: var(--_muted);
    font-weight: 600;
  }
  .status {
    padding: 0.1em 0.6em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.9em;
  }
  .status.published {
    color: var(--_hansei-status-none);
  }
  .status.in_review {
    color: var(--_warn);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
  }
  .meta div {
    display: flex;
    gap: 0.4rem;
  }
  .meta dt {
    font-weight: 600;
  }

  /* Toolbar: stays in reach while writing a long document. */
  .toolbar {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 0.5rem;
    background: var(--_subtle);
  }
  @container (max-width: 32rem) {
    .toolbar {
      position: static;
    }
  }
  .save-state {
    flex: 1 1 12rem;
    color: var(--_muted);
  }

  .banner,
  .conflict,
  .action-error,
  .state,
  .from-incident,
  .checklist,
  .new-action,
  .balance {
    display: grid;
    gap: 0.5rem;
    min-width: 0;
    padding: 0.75rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 0.5rem;
  }
  .banner {
    border-inline-start: 0.35rem solid var(--_hansei-color-focus);
  }
  .action-error,
  .error-state {
    border-color: var(--_error);
  }
  .conflict,
  .checklist {
    border-inline-start: 0.35rem solid var(--_warn);
  }
  .from-incident,
  .balance,
  .new-action {
    background: var(--_subtle);
  }
  .from-incident summary {
    cursor: pointer;
    font-weight: 600;
  }
  .from-incident[open] > summary {
    margin-block-end: 0.5rem;
  }
  .conflicts,
  .items,
  .actions,
  .entries {
    display: grid;
    gap: 0.75rem;
    padding: 0;
    list-style: none;
  }
  .sides {
    display: grid;
    gap: 0.5rem;
  }
  @container (min-width: 40rem) {
    .sides {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .side {
    display: grid;
    gap: 0.25rem;
    padding: 0.5rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 0.375rem;
  }
  .side .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  /* Blame prompts: gentle, beside the words. */
  .blame {
    display: grid;
    gap: 0.25rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 0.25rem solid var(--_warn);
    background: var(--_subtle);
    list-style: none;
  }
  .blame q {
    font-weight: 600;
  }
  .item.blaming fieldset {
    border-color: var(--_warn);
  }
  .advice.todo {
    color: var(--_warn);
    font-weight: 600;
  }
  .advice.done {
    color: var(--_hansei-status-none);
  }
  .advice:empty {
    display: none;
  }

  /* Timeline entries from the incident: many, so off-screen ones are not laid out. */
  .entries {
    gap: 0;
    max-block-size: 24rem;
    overflow-y: auto;
  }
  .entry {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0 0.75rem;
    padding-block: 0.35rem;
    border-block-end: 1px solid var(--_hansei-color-border);
    content-visibility: auto;
    contain-intrinsic-size: auto 2.5em;
  }
  .entry time {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .entry-kind {
    font-weight: 600;
  }
  .entry-body {
    grid-column: 1 / -1;
  }

  /* Actions */
  .action {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
  }
  .action-title {
    flex: 1 1 12rem;
    overflow-wrap: anywhere;
  }
  .kind {
    padding: 0 0.5em;
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    font-size: 0.9em;
    font-weight: 600;
  }
  .kind.root_cause {
    color: var(--_hansei-status-none);
  }
  .meter {
    block-size: 0.5rem;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_warn) 45%, transparent);
    overflow: hidden;
  }
  .meter .root {
    display: block;
    block-size: 100%;
    background: var(--_hansei-status-none);
  }
  .ask {
    color: var(--_warn);
    font-weight: 600;
  }
  .kinds {
    gap: 0.5rem;
  }
  .templates {
    gap: 0.75rem;
  }
  .read {
    padding-inline-start: 1.4em;
  }
  .read li + li {
    margin-block-start: 0.35rem;
  }
  .public-summary {
    white-space: pre-wrap;
  }

  @media (forced-colors: active) {
    .meter .root {
      background: CanvasText;
    }
  }

  /* Printing: the document, not the tools. */
  @media print {
    :host {
      color: #000;
      background: #fff;
      color-scheme: light;
    }
    .toolbar,
    .banner,
    .blame,
    .new-action,
    .checklist,
    button,
    [part~='transition'],
    .advice,
    .hint,
    .prompt {
      display: none !important;
    }
    .toolbar {
      position: static;
    }
    textarea,
    input:not([type='radio']),
    select {
      border: none;
      padding: 0;
      resize: none;
      field-sizing: content;
      max-block-size: none;
      appearance: none;
    }
    fieldset {
      border: none;
      padding: 0;
    }
    .from-incident:not([open]) {
      display: none;
    }
    .entries {
      max-block-size: none;
      overflow: visible;
    }
    .section {
      break-inside: avoid-page;
    }
  }
`;

/** Styles of `<hansei-postmortem>`. */
export const postmortemStyles = [visuallyHiddenStyles, formBaseStyles, markdownStyles, documentStyles];
