import { css } from 'lit';

export const shellStyles = css`
  :host {
    display: block;
    min-block-size: 100vh;
    font-family: var(--_hansei-font-family);
    font-size: 1rem;
    color: var(--_hansei-color-text);
    background: var(--_hansei-color-surface);
    --_muted: var(--hansei-color-muted, light-dark(#59636e, #9198a1));
    --_subtle: var(--hansei-color-subtle, light-dark(#f6f8fa, #151b23));
  }
  .skip {
    position: absolute;
    inset-inline-start: 0.5rem;
    inset-block-start: -3rem;
    padding: 0.5rem;
    background: var(--_hansei-color-surface);
    z-index: 2;
  }
  .skip:focus {
    inset-block-start: 0.5rem;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.5rem 1rem;
    border-block-end: 1px solid var(--_hansei-color-border);
    background: var(--_subtle);
  }
  .brand {
    font-weight: 800;
    font-size: 1.15rem;
    color: inherit;
    text-decoration: none;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav a {
    display: inline-block;
    padding: 0.5rem 0.6rem;
    border-radius: 6px;
    color: inherit;
    text-decoration: none;
  }
  nav a:hover {
    text-decoration: underline;
  }
  nav a[aria-current='page'] {
    font-weight: 700;
    box-shadow: inset 0 -3px 0 var(--_hansei-color-focus);
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-inline-start: auto;
  }
  select {
    font: inherit;
    color: inherit;
    background: var(--_hansei-color-surface);
    border: 1px solid var(--_muted);
    border-radius: 6px;
    min-block-size: 2.75em;
    padding: 0 0.4rem;
  }
  .who {
    font-weight: 600;
    color: var(--_muted);
  }
  a.button {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75em;
    padding: 0 1em;
    border-radius: 6px;
    font-weight: 600;
    text-decoration: none;
  }
  .primary {
    background: var(--_hansei-color-focus);
    color: var(--_hansei-status-on);
  }
  .outbox.attention {
    border-color: var(--_hansei-status-critical);
    color: var(--_hansei-status-critical);
  }
  .menu-button {
    display: none;
  }
  .banner {
    margin: 0;
    padding: 0.5rem 1rem;
    border-block-end: 1px solid var(--_hansei-color-border);
    background: light-dark(#fff8c5, #3b2e00);
  }
  main {
    padding: 1rem clamp(0.75rem, 3vw, 2rem) 3rem;
    max-inline-size: 90rem;
    margin-inline: auto;
  }
  main:focus {
    outline: none;
  }
  .sign-in {
    max-inline-size: 28rem;
  }
  .sign-in form {
    display: grid;
    gap: 0.6rem;
  }
  .sign-in input[type='password'] {
    font: inherit;
    color: inherit;
    background: var(--_hansei-color-surface);
    border: 1px solid var(--_muted);
    border-radius: 6px;
    min-block-size: 2.75em;
    padding: 0 0.5rem;
  }
  .field {
    font-weight: 600;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .hint,
  .muted {
    color: var(--_muted);
    margin: 0;
  }
  .error {
    color: var(--_hansei-status-critical);
  }
  .notice {
    border-inline-start: 4px solid var(--_hansei-status-minor);
    padding: 0.5rem 0.75rem;
    background: var(--_subtle);
  }
  a {
    color: var(--_hansei-color-focus);
  }
  :focus-visible {
    outline: 2px solid var(--_hansei-color-focus);
    outline-offset: 2px;
  }
  @media (max-width: 52rem) {
    .menu-button {
      display: inline-block;
    }
    nav {
      order: 3;
      flex-basis: 100%;
      display: none;
    }
    nav.open {
      display: block;
    }
    nav ul {
      flex-direction: column;
    }
    .tools {
      margin-inline-start: 0;
      flex-basis: 100%;
    }
  }
`;
