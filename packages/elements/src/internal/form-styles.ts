import { css } from 'lit';

/**
 * A module of its own, so elements that are not forms do not carry it (a `css` tag is never
 * dropped as unused).
 *
 * The base of the elements that are forms and documents (the incident form, the postmortem):
 * the host's text, font and the muted, subtle and error tokens (`--_muted`, `--_subtle`,
 * `--_error`), margins reset, headings, fields (`.field`, `.choice`) and their invalid state, the
 * focus ring, hints and errors, and the primary and secondary buttons.
 */
export const formBaseStyles = css`
  :host {
    --_muted: var(--hansei-color-muted, light-dark(#59636e, #9198a1));
    --_subtle: var(--hansei-color-subtle, light-dark(#f6f8fa, #151b23));
    --_error: var(--_hansei-status-critical);

    display: block;
    container-type: inline-size;
    min-width: 0;
    color: var(--_hansei-color-text);
    background: var(--_hansei-color-surface);
    font-family: var(--_hansei-font-family);
    font-size: var(--_hansei-font-size);
    line-height: 1.5;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  h2,
  h3,
  h4,
  h5,
  p,
  ul,
  ol,
  dl,
  dd {
    margin: 0;
  }
  h2 {
    font-size: 1.35em;
    line-height: 1.3;
  }
  h3 {
    font-size: 1.1em;
  }
  h4,
  h5 {
    font-size: 1em;
  }

  legend,
  label {
    font-weight: 600;
  }
  legend {
    padding: 0 0.25rem;
  }
  .field {
    display: grid;
    gap: 0.35rem;
    min-width: 0;
    margin: 0;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    font-weight: 400;
  }
  .choice input {
    flex: none;
    margin: 0.2em 0 0;
    inline-size: 1.1em;
    block-size: 1.1em;
    accent-color: var(--_hansei-color-focus);
  }

  input:not([type='radio'], [type='checkbox']),
  select,
  textarea {
    inline-size: 100%;
    min-width: 0;
    padding: 0.45rem 0.6rem;
    border: 1px solid var(--_muted);
    border-radius: 0.375rem;
    background: var(--_hansei-color-surface);
    color: inherit;
    font: inherit;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true']:not([type='radio']) {
    border-color: var(--_error);
    border-width: 2px;
  }

  :focus-visible,
  [tabindex='-1']:focus {
    outline: 2px solid var(--_hansei-color-focus);
    outline-offset: 2px;
  }

  .hint,
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_error);
    font-weight: 600;
  }

  button {
    min-block-size: 2.25rem;
    padding: 0.4rem 0.9rem;
    border-radius: 0.375rem;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button.primary {
    border: 1px solid var(--_hansei-color-focus);
    background: var(--_hansei-color-focus);
    color: var(--_hansei-status-on);
  }
  button.secondary {
    border: 1px solid var(--_muted);
    background: var(--_hansei-color-surface);
    color: inherit;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
`;
