import { css } from 'lit';

/**
 * Theme tokens shared by every Hansei element.
 *
 * Every colour, font and size an element uses is a private custom property (`--_hansei-*`) that
 * falls back from a public one (`--hansei-*`). Set the public ones anywhere above the element
 * (custom properties inherit through shadow roots) to restyle it; never set the private ones.
 *
 * Light and dark: one mechanism, the CSS `color-scheme` of the element, controlled by
 * `--hansei-color-scheme`.
 * - By default (`light dark`) the elements follow the viewer's `prefers-color-scheme`.
 * - To force a scheme, set `--hansei-color-scheme: dark` (or `light`) on any ancestor, e.g. for a
 *   page that has its own theme switch:
 *   `html[data-theme="dark"] { --hansei-color-scheme: dark; }`
 *   `html[data-theme="light"] { --hansei-color-scheme: light; }`
 *
 * A custom property is used (rather than an ancestor class or attribute selector) because it
 * crosses shadow boundaries in every browser without script and without a global stylesheet.
 * Default colours are written with `light-dark()`, so a public token may also be given a
 * `light-dark(<light>, <dark>)` value of its own.
 */
export const themeTokens = css`
  :host {
    color-scheme: var(--hansei-color-scheme, light dark);

    --_hansei-font-family: var(
      --hansei-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      'Hiragino Sans',
      'Noto Sans JP',
      sans-serif
    );
    --_hansei-font-size: var(--hansei-font-size, 0.875rem);
    --_hansei-color-text: var(--hansei-color-text, light-dark(#1f2328, #e6edf3));
    --_hansei-color-surface: var(--hansei-color-surface, light-dark(#ffffff, #0d1117));
    --_hansei-color-border: var(--hansei-color-border, light-dark(#d1d9e0, #3d444d));
    --_hansei-color-focus: var(--hansei-color-focus, light-dark(#0969da, #4493f8));

    /* Status colours: at least 3:1 against the surface in both schemes (icons, borders). */
    --_hansei-status-none: var(--hansei-status-none, light-dark(#1a7f37, #3fb950));
    --_hansei-status-minor: var(--hansei-status-minor, light-dark(#9a6700, #d29922));
    --_hansei-status-major: var(--hansei-status-major, light-dark(#bc4c00, #db6d28));
    --_hansei-status-critical: var(--hansei-status-critical, light-dark(#cf222e, #f85149));
    --_hansei-status-maintenance: var(--hansei-status-maintenance, light-dark(#0969da, #4493f8));
    --_hansei-status-unknown: var(--hansei-status-unknown, light-dark(#59636e, #9198a1));
    /* Glyphs drawn on a status colour. */
    --_hansei-status-on: var(--hansei-status-on, light-dark(#ffffff, #0d1117));
  }

  :host([hidden]) {
    display: none !important;
  }
`;
