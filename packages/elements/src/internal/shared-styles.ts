import { css } from 'lit';

/**
 * Hides text from the eye but keeps it for screen readers (labels, hints, live regions). Both
 * class names in use are covered: `.visually-hidden` and the short `.vh`.
 */
export const visuallyHiddenStyles = css`
  .vh,
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/** Stacks the children of `.base` in a column, 0.75em apart (the status lists). */
export const stackedBaseStyles = css`
  .base {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
  }
`;

/**
 * The error and "as of" rows: the message wraps beside its icon and retry button, the "as of"
 * line in the muted text token (`--_muted`, which the element defines on `:host`).
 */
export const stateRowStyles = css`
  .error,
  .as-of {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
  }
  .error > p,
  .as-of > span {
    flex: 1 1 12em;
    min-width: 0;
  }
  .as-of {
    color: var(--_muted);
  }
`;

/**
 * Plain buttons (retry and the like) at a comfortable touch size, from the theme tokens, and the
 * visible focus ring of everything focusable.
 */
export const buttonStyles = css`
  button {
    min-block-size: 2.75em;
    padding: 0.35em 1em;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 6px;
    background: var(--_hansei-color-surface);
    color: var(--_hansei-color-text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--_hansei-color-focus);
    outline-offset: 2px;
  }
`;
