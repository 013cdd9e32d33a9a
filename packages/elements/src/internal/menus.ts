import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import { focusFirst } from './focus.js';

/** One choice of a menu. */
export interface MenuItem {
  readonly label: string;
  readonly run: () => void;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The look of {@link Menus}: the menu opens below its button, in the flow. Uses the theme tokens,
 * and the host's `--_muted` and `--_raised` when it defines them.
 */
export const menuStyles = css`
  .menu-wrap {
    display: inline-grid;
    justify-items: start;
    gap: 0.25rem;
    min-width: 0;
    max-width: 100%;
  }
  .menu {
    display: grid;
    min-width: min(14rem, 100%);
    max-width: 100%;
    max-block-size: 16rem;
    overflow-y: auto;
    padding: 0.25rem;
    border: 1px solid var(--_hansei-color-border);
    border-radius: 0.375rem;
    background: var(--_hansei-color-surface);
    box-shadow: 0 4px 12px color-mix(in srgb, var(--_hansei-color-text) 18%, transparent);
  }
  .menu [role='menuitem'] {
    padding: 0.25rem 0.5rem;
    border: 1px solid transparent;
    background: none;
    text-align: start;
    overflow-wrap: anywhere;
  }
  .menu [role='menuitem']:focus {
    border-color: var(--_hansei-color-focus);
    background: var(--_raised, light-dark(#f6f8fa, #151b23));
  }
  .menu [aria-disabled='true'] {
    color: var(--_muted, light-dark(#59636e, #9198a1));
  }
`;

/**
 * Menu buttons with their menus (ARIA menu button pattern), at most one open at a time, for an
 * element's shadow root: the button opens its menu and focus goes to the first item; ArrowUp,
 * ArrowDown, Home, End and a first letter move between items; Enter or a click chooses; Escape
 * closes it and focus returns to the button; Tab, a click or focus elsewhere closes it.
 *
 * Items are only worked out while their menu is open, so many closed menus cost little.
 */
export class Menus implements ReactiveController {
  readonly #host: Host;
  readonly #onOpen: () => void;
  #open: string | null = null;
  #focus: readonly string[] = [];

  readonly #onPointerDown = (event: PointerEvent): void => {
    if (this.#open === null) return;
    const inside = event.composedPath().some((node) => node instanceof HTMLElement && node.dataset['menu'] === this.#open);
    if (!inside) this.close();
  };

  /** `onOpen` runs whenever a menu opens (e.g. to end another way of moving things). */
  constructor(host: Host, onOpen: () => void = () => {}) {
    this.#host = host;
    this.#onOpen = onOpen;
    host.addController(this);
  }

  /** The id of the open menu, if any. */
  get open(): string | null {
    return this.#open;
  }

  /**
   * Closes the open menu. With `refocus`, focus goes back to its button after the next render,
   * or to the first of `fallback` that exists when the button is gone.
   */
  close(refocus = false, fallback: readonly string[] = []): void {
    const id = this.#open;
    if (id === null) return;
    this.#open = null;
    if (refocus) this.#focus = [`#${CSS.escape(`${id}-button`)}`, ...fallback];
    this.#host.requestUpdate();
  }

  #toggle(id: string): void {
    if (this.#open === id) {
      this.close();
      return;
    }
    this.#open = id;
    this.#focus = [`#${CSS.escape(`${id}-menu`)} [role="menuitem"]`];
    this.#onOpen();
    this.#host.requestUpdate();
  }

  #onKeydown(event: KeyboardEvent): void {
    const menu = event.currentTarget as HTMLElement;
    const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const current = items.indexOf(event.composedPath()[0] as HTMLElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (current + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (current - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
      return;
    } else if (event.key === 'Tab') {
      this.close();
      return;
    } else if (event.key.length === 1 && /\S/u.test(event.key)) {
      const letter = event.key.toLocaleLowerCase();
      const order = [...items.slice(current + 1), ...items.slice(0, current + 1)];
      const match = order.find((item) => (item.textContent ?? '').trim().toLocaleLowerCase().startsWith(letter));
      if (match) next = items.indexOf(match);
    }
    if (next === null) return;
    event.preventDefault();
    items[next]?.focus();
  }

  #onFocusOut(event: FocusEvent): void {
    const wrapper = event.currentTarget as HTMLElement;
    const next = event.relatedTarget;
    if (next instanceof Node && wrapper.contains(next)) return;
    if (next !== null) this.close();
  }

  /**
   * Menu `id` (unique in the shadow root): its button, showing `button.text` and named by it
   * followed by `button.context` (what it is about: the visible words stay the start of the
   * name, as voice control users say them), and while open the menu of `items()`, named
   * `button.menu`. `fallback` selectors take focus after a choice that removed the button.
   */
  render(
    id: string,
    button: { readonly text: string; readonly context: string; readonly menu: string },
    items: () => readonly MenuItem[],
    fallback: readonly string[] = [],
  ): TemplateResult {
    const open = this.#open === id;
    const choices = open ? items() : [];
    return html`<span class="menu-wrap" data-menu=${id} @focusout=${(e: FocusEvent) => this.#onFocusOut(e)}>
      <button
        type="button"
        class="menu-button"
        id="${id}-button"
        aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${ifDefined(open ? `${id}-menu` : undefined)}
        aria-label="${button.text} ${button.context}"
        @click=${() => this.#toggle(id)}
      >
        ${button.text}
      </button>
      ${open
        ? html`<div class="menu" part="menu" role="menu" id="${id}-menu" aria-label=${button.menu} @keydown=${(e: KeyboardEvent) => this.#onKeydown(e)}>
            ${choices.length === 0
              ? html`<button type="button" role="menuitem" tabindex="-1" aria-disabled="true" @click=${() => this.close(true)}>
                  ${msg('Nothing to choose', { desc: 'A menu with no possible choice' })}
                </button>`
              : choices.map(
                  (item) =>
                    html`<button
                      type="button"
                      role="menuitem"
                      tabindex="-1"
                      @click=${() => {
                        this.close(true, fallback);
                        item.run();
                      }}
                    >
                      ${item.label}
                    </button>`,
                )}
          </div>`
        : nothing}
    </span>`;
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.#onPointerDown, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#onPointerDown, true);
    this.#open = null;
  }

  /** Moves focus where the last open or close asked, once the menu or its button is rendered. */
  hostUpdated(): void {
    const selectors = this.#focus;
    if (selectors.length === 0) return;
    this.#focus = [];
    focusFirst(this.#host.shadowRoot ?? this.#host, selectors);
  }
}
