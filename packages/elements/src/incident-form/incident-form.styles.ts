import { css } from 'lit';
import { formBaseStyles } from '../internal/form-styles.js';
import { visuallyHiddenStyles } from '../internal/shared-styles.js';

const formStyles = css`
  .form,
  .fields {
    display: grid;
    gap: 1.25rem;
    min-width: 0;
  }
  .fields {
    margin: 0;
    padding: 0;
    border: 0;
  }

  .group {
    display: grid;
    gap: 0.35rem;
    min-width: 0;
    margin: 0;
    padding: 0.75rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 0.5rem;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
  }

  .hint {
    font-size: 0.95em;
  }
  .advice {
    font-weight: 600;
    color: inherit;
  }

  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .inline select {
    flex: 1 1 12rem;
    inline-size: auto;
  }

  .actions,
  .banner-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
  }

  /* Severity */
  .levels {
    display: grid;
    gap: 0.75rem;
  }
  @container (min-width: 44rem) {
    .levels {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .level {
    display: grid;
    gap: 0.5rem;
    align-content: start;
    padding: 0.75rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 0.5rem;
    background: var(--_subtle);
  }
  .level.chosen {
    border: 2px solid var(--_hansei-color-focus);
  }
  .level-choice {
    font-size: 1.05em;
  }
  .level-guide {
    display: grid;
    gap: 0.5rem;
    font-size: 0.95em;
  }
  .criteria,
  .notes,
  .targets {
    padding-inline-start: 1.2em;
  }
  .demands {
    display: grid;
    gap: 0.2rem;
  }
  .demands div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.4rem;
  }
  .demands dt {
    font-weight: 600;
  }
  .demands dt::after {
    content: ':';
  }

  /* Components and related incidents */
  .components,
  .related-list {
    display: grid;
    gap: 0.5rem;
    padding: 0;
    list-style: none;
  }
  .component,
  .related-item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .component .choice {
    flex: 1 1 10rem;
  }
  .component-status,
  .related-controls {
    display: flex;
    flex: 1 1 12rem;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  .component-status select,
  .related-controls select {
    flex: 1 1 10rem;
    inline-size: auto;
  }
  .related-title {
    flex: 1 1 10rem;
    overflow-wrap: anywhere;
  }

  /* Times */
  .times {
    display: grid;
    gap: 0.35rem;
  }
  .pair {
    display: grid;
    gap: 0.75rem;
  }
  @container (min-width: 30rem) {
    .pair {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }

  /* The update and its preview */
  .update {
    display: grid;
    gap: 1rem;
    align-items: start;
  }
  @container (min-width: 44rem) {
    .update {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .preview {
    display: grid;
    gap: 0.5rem;
  }
  .preview-card {
    --_impact: var(--_hansei-status-none);

    display: grid;
    gap: 0.35rem;
    padding: 0.75rem;
    border: 1px solid var(--_hansei-color-border);
    border-inline-start: 0.35rem solid var(--_impact);
    border-radius: 0.5rem;
    background: var(--_subtle);
    overflow-wrap: anywhere;
  }
  .preview-card.impact-minor {
    --_impact: var(--_hansei-status-minor);
  }
  .preview-card.impact-major {
    --_impact: var(--_hansei-status-major);
  }
  .preview-card.impact-critical {
    --_impact: var(--_hansei-status-critical);
  }
  .preview-title {
    font-weight: 700;
    font-size: 1.05em;
  }
  .preview-message {
    white-space: pre-wrap;
  }

  /* Feedback */
  .banner,
  .error-summary,
  .conflict,
  .action-error,
  .note,
  .queued {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--_hansei-color-border);
    border-inline-start-width: 0.35rem;
    border-radius: 0.5rem;
  }
  .banner,
  .queued {
    border-inline-start-color: var(--_hansei-color-focus);
  }
  .queued {
    margin: 0;
  }
  .error-summary,
  .action-error {
    border-color: var(--_error);
  }
  .error-summary ul {
    padding-inline-start: 1.2em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }
  .action-error p + p {
    font-weight: 400;
    color: var(--_hansei-color-text);
  }
  .conflict {
    border-color: var(--_hansei-status-minor);
  }
  .conflict-fields {
    display: grid;
    gap: 0.75rem;
    padding: 0;
    list-style: none;
  }
  .conflict dl {
    display: grid;
    gap: 0.2rem;
  }
  .conflict dl div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  .conflict dt {
    font-weight: 600;
    min-inline-size: 3.5rem;
  }
  .conflict dd {
    flex: 1 1 12rem;
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .level.chosen,
    .preview-card {
      border-color: CanvasText;
    }
  }
`;

/** Styles of `<hansei-incident-form>`, after the shared visually-hidden rule. */
export const incidentFormStyles = [visuallyHiddenStyles, formBaseStyles, formStyles];
