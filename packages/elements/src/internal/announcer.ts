import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** How urgently a screen reader should speak: `polite` waits for a pause, `assertive` interrupts. */
export type Politeness = 'polite' | 'assertive';

/** What `hansei-announce` carries. */
export interface AnnounceDetail {
  readonly message: string;
  readonly politeness: Politeness;
}

export interface AnnouncerOptions {
  /**
   * Where the live regions live:
   * - `element` (default): inside the host's shadow root, where the host renders
   *   `announcer.render()`; each element speaks for itself.
   * - `page`: one pair of regions per page, appended to `document.body` and shared by every
   *   Hansei element (and every copy of this module: the page keeps them under a global symbol).
   *   For hosts that cannot render the regions, or pages that prefer a single region.
   */
  readonly scope?: 'element' | 'page';
  /**
   * Milliseconds between emptying a region and writing the message into it (default 100). The
   * pause makes screen readers notice a change even when the same words are said twice.
   */
  readonly delayMs?: number;
}

type Host = ReactiveControllerHost & HTMLElement;

/** Visually hidden but spoken. Set through the CSSOM, so a strict `style-src` CSP does not block it. */
const HIDDEN: Partial<CSSStyleDeclaration> = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: '0',
  border: '0',
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};

const ATTRIBUTE = 'data-hansei-announcer';
const PAGE_REGIONS = Symbol.for('hansei.announcer.page-regions');

function hide(element: HTMLElement): void {
  Object.assign(element.style, HIDDEN);
}

/** The page's shared regions, created on first use; undefined where there is no document body. */
function pageRegion(politeness: Politeness): HTMLElement | undefined {
  if (typeof document === 'undefined' || !document.body) return undefined;
  const global = globalThis as { [PAGE_REGIONS]?: HTMLElement };
  let container = global[PAGE_REGIONS];
  if (!container || !container.isConnected) {
    container = document.createElement('div');
    container.setAttribute(ATTRIBUTE, 'page');
    hide(container);
    for (const level of ['polite', 'assertive'] as const) {
      const region = document.createElement('div');
      region.setAttribute(ATTRIBUTE, level);
      region.setAttribute('aria-live', level);
      region.setAttribute('aria-atomic', 'true');
      container.append(region);
    }
    document.body.append(container);
    global[PAGE_REGIONS] = container;
  }
  return container.querySelector<HTMLElement>(`[${ATTRIBUTE}="${politeness}"]`) ?? undefined;
}

/**
 * Speaks short messages to screen reader users through ARIA live regions: the outcome of an
 * action that changed something without moving focus ("Yui Tanaka is now Incident Commander"),
 * or an error ("Could not save…", assertively).
 *
 * Each announcement empties the region, then writes the message after `delayMs`, so the same
 * words said twice are spoken twice; a newer message of the same politeness replaces one still
 * waiting. Before speaking, the host dispatches a cancelable, bubbling, composed
 * `hansei-announce` event: a page with its own announcer (or toasts) can take the message and
 * call `preventDefault()` to keep the built-in regions quiet.
 *
 * @example
 * ```ts
 * class MyElement extends HanseiElement {
 *   #announcer = new Announcer(this);
 *   render() {
 *     return html`…${this.#announcer.render()}`; // once, at the top level of the template
 *   }
 *   saved() {
 *     this.#announcer.announce(msg('Saved.'));
 *   }
 * }
 * ```
 */
export class Announcer implements ReactiveController {
  readonly #host: Host;
  readonly #scope: 'element' | 'page';
  readonly #delayMs: number;
  readonly #timers = new Map<Politeness, ReturnType<typeof setTimeout>>();
  #last: AnnounceDetail | null = null;

  constructor(host: Host, options: AnnouncerOptions = {}) {
    this.#host = host;
    this.#scope = options.scope ?? 'element';
    this.#delayMs = Math.max(0, options.delayMs ?? 100);
    host.addController(this);
  }

  /** The latest message announced (or handed to a page that took it), if any. */
  get lastAnnouncement(): AnnounceDetail | null {
    return this.#last;
  }

  /**
   * The live regions, for an `element`-scoped announcer: render this once, at the top level of
   * the host's template, so it stays in place between renders. Empty for a `page` announcer.
   */
  render(): TemplateResult {
    if (this.#scope === 'page') return html``;
    return html`<div data-hansei-announcer="element"
      ><div data-hansei-announcer="polite" aria-live="polite" aria-atomic="true"></div
      ><div data-hansei-announcer="assertive" aria-live="assertive" aria-atomic="true"></div
    ></div>`;
  }

  /** Says `message` (blank messages are ignored). */
  announce(message: string, politeness: Politeness = 'polite'): void {
    const text = message.trim();
    if (!text) return;
    const detail: AnnounceDetail = { message: text, politeness };
    this.#last = detail;
    const event = new CustomEvent<AnnounceDetail>('hansei-announce', {
      detail,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    if (!this.#host.dispatchEvent(event)) return;
    const region = this.#region(politeness);
    if (!region) return;
    clearTimeout(this.#timers.get(politeness));
    region.textContent = '';
    this.#timers.set(
      politeness,
      setTimeout(() => {
        this.#timers.delete(politeness);
        region.textContent = text;
      }, this.#delayMs),
    );
  }

  /** Empties both regions (and drops messages still waiting), e.g. when the content they spoke of is gone. */
  clear(): void {
    for (const politeness of ['polite', 'assertive'] as const) {
      clearTimeout(this.#timers.get(politeness));
      this.#timers.delete(politeness);
      const region = this.#region(politeness);
      if (region) region.textContent = '';
    }
  }

  /** Hides the host's regions as soon as they are rendered, so they never take space in its layout. */
  hostUpdated(): void {
    if (this.#scope === 'element') this.#container();
  }

  hostDisconnected(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  /** The host's own region when it rendered one, else the page's. */
  #region(politeness: Politeness): HTMLElement | undefined {
    if (this.#scope === 'element') {
      const own = this.#container()?.querySelector<HTMLElement>(`[${ATTRIBUTE}="${politeness}"]`);
      if (own) return own;
    }
    return pageRegion(politeness);
  }

  /** The host's rendered regions (hidden), if it rendered them. */
  #container(): HTMLElement | undefined {
    const root = this.#host.shadowRoot ?? this.#host;
    const container = root.querySelector<HTMLElement>(`[${ATTRIBUTE}="element"]`) ?? undefined;
    if (container && container.style.position !== 'absolute') hide(container);
    return container;
  }
}

declare global {
  interface HTMLElementEventMap {
    'hansei-announce': CustomEvent<AnnounceDetail>;
  }
}
