/**
 * `<portal-app>`: the portal's shell. Signs in, gives every view the adapter through
 * `<hansei-provider>`, routes by URL (every view has a deep link, see routes.ts), and holds the
 * header: navigation, language, colour scheme, the outbox of writes made offline, and who is
 * signed in.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { Locale } from '@hansei/core';
import type { OutboxEntry } from '@hansei/adapters/offline';
import type { HanseiAdapter, LiveState } from '@hansei/adapters';
import { HanseiElement } from '@hansei/elements/internal/hansei-element.js';
import { buttonStyles, visuallyHiddenStyles } from '@hansei/elements/internal/shared-styles.js';
import '@hansei/elements/define/provider.js';
import { forgetSession, mayRespond, resume, signIn, SignInError, type Connection, type SignInProblem } from '../connection.js';
import { applyLocale, applyTheme, initialLocale, initialTheme, THEMES, type Theme } from '../preferences.js';
import { BASE, parseRoute, routeHref, type Route } from '../routes.js';
import { navFor, titleOf } from './nav.js';
import { renderSignIn } from './sign-in.js';
import { shellStyles } from './portal-app.styles.js';
import { loadView, viewTemplate } from './views.js';

const here = (): Route => parseRoute(location.pathname, location.search);

/** The connection's adapter, as the provider takes it (the outbox wrapper is a full HanseiAdapter). */
const adapterOf = (connection: Connection): HanseiAdapter => connection.adapter;

@customElement('portal-app')
export class PortalApp extends HanseiElement {
  static override styles = [HanseiElement.styles, visuallyHiddenStyles, buttonStyles, shellStyles, css``];

  @state() private connection: Connection | null = null;
  @state() private starting = true;
  @state() private signingIn = false;
  @state() private signInProblem: SignInProblem | null = null;
  @state() private route: Route = here();
  @state() private viewReady: Route['view'] | null = null;
  @state() private viewError = '';
  @state() private locale: Locale = initialLocale();
  @state() private theme: Theme = initialTheme();
  @state() private online = navigator.onLine;
  @state() private live: LiveState['state'] = 'closed';
  @state() private outbox: readonly OutboxEntry[] = [];
  @state() private outboxOpen = false;
  @state() private menuOpen = false;

  #stop: (() => void)[] = [];
  #focusAfterRender = false;

  override connectedCallback(): void {
    super.connectedCallback();
    applyTheme(this.theme);
    void applyLocale(this.locale);
    addEventListener('popstate', this.#onPopState);
    addEventListener('online', this.#onConnectivity);
    addEventListener('offline', this.#onConnectivity);
    this.addEventListener('portal-navigate', this.#onNavigate);
    document.addEventListener('click', this.#onClick);
    // Fetch the view's code while the session is checked, not after.
    if (this.route.view !== 'sign-in') loadView(this.route).catch(() => undefined);
    void resume().then((connection) => {
      this.starting = false;
      if (connection) this.#connected(connection);
      else if (this.route.view !== 'sign-in') this.#go(routeHref({ view: 'sign-in' }) + `?next=${encodeURIComponent(location.pathname + location.search)}`, true);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.#onPopState);
    removeEventListener('online', this.#onConnectivity);
    removeEventListener('offline', this.#onConnectivity);
    document.removeEventListener('click', this.#onClick);
    this.#disconnect();
  }

  #connected(connection: Connection): void {
    this.#disconnect();
    this.connection = connection;
    const { adapter } = connection;
    this.#stop.push(adapter.outbox.onChange((entries) => (this.outbox = entries)));
    void adapter.outbox.list().then((entries) => (this.outbox = entries));
    const live = new AbortController();
    adapter.subscribe(() => undefined, { signal: live.signal, onState: (s) => (this.live = s.state) });
    this.#stop.push(() => live.abort(), () => adapter.dispose());
  }

  #disconnect(): void {
    for (const stop of this.#stop.splice(0)) stop();
  }

  readonly #onPopState = () => {
    this.route = here();
    this.#focusAfterRender = true;
  };

  readonly #onConnectivity = () => {
    this.online = navigator.onLine;
  };

  readonly #onNavigate = (event: CustomEvent<{ href: string; replace?: boolean }>) => {
    this.#go(event.detail.href, event.detail.replace ?? false);
  };

  /** Links to the portal open in place (history entry, focus on the new view), wherever they are. */
  readonly #onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.hasAttribute('href'));
    if (!link || link.target || link.hasAttribute('download') || link.origin !== location.origin || !link.pathname.startsWith(BASE)) return;
    event.preventDefault();
    this.#go(link.pathname + link.search + link.hash);
  };

  #go(href: string, replace = false): void {
    if (replace) history.replaceState(null, '', href);
    else if (href !== location.pathname + location.search) history.pushState(null, '', href);
    const focus = !replace;
    this.route = here();
    this.menuOpen = false;
    this.#focusAfterRender = focus;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('route') || changed.has('connection') || changed.has('locale')) {
      document.title = `${titleOf(this.route)} · Hansei`;
    }
    if ((changed.has('route') || changed.has('connection')) && this.connection) {
      const route = this.route;
      if (this.viewReady !== route.view) {
        this.viewError = '';
        loadView(route).then(
          () => {
            if (this.route === route) this.viewReady = route.view;
          },
          () => {
            if (this.route === route) this.viewError = msg('This part of the portal could not be loaded. Check your connection and reload.');
          },
        );
      }
    }
  }

  protected override updated(): void {
    if (this.#focusAfterRender) {
      this.#focusAfterRender = false;
      this.renderRoot.querySelector<HTMLElement>('main')?.focus();
    }
  }

  async #signIn(token: string, remember: boolean): Promise<void> {
    this.signingIn = true;
    this.signInProblem = null;
    try {
      const connection = await signIn(token, remember);
      this.#connected(connection);
      const next = new URLSearchParams(location.search).get('next');
      this.#go(next && next.startsWith(BASE) && !next.startsWith(routeHref({ view: 'sign-in' })) ? next : routeHref({ view: 'incidents', query: {} }), true);
      this.#focusAfterRender = true;
    } catch (error) {
      this.signInProblem = error instanceof SignInError ? error.problem : 'other';
    } finally {
      this.signingIn = false;
    }
  }

  #signOut(): void {
    forgetSession();
    this.#disconnect();
    this.connection = null;
    this.#go(routeHref({ view: 'sign-in' }), true);
  }

  async #setLocale(locale: Locale): Promise<void> {
    this.locale = locale;
    await applyLocale(locale);
  }

  #setTheme(theme: Theme): void {
    this.theme = theme;
    applyTheme(theme);
  }

  protected override render() {
    return html`${this.#renderHeader()}
      ${this.#renderBanner()}
      <main id="main" tabindex="-1" aria-busy=${this.starting ? 'true' : 'false'}>${this.#renderMain()}</main>
      ${this.outboxOpen && this.connection
        ? html`<portal-outbox
            .outbox=${this.connection.adapter.outbox}
            .entries=${this.outbox}
            @close=${() => (this.outboxOpen = false)}
          ></portal-outbox>`
        : nothing}`;
  }

  #skip(event: Event): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  #renderHeader() {
    const connection = this.connection;
    const waiting = this.outbox.filter((e) => e.state === 'pending').length;
    const failed = this.outbox.filter((e) => e.state === 'failed').length;
    return html`<header>
      <button class="skip" @click=${this.#skip}>${msg('Skip to content')}</button>
      <a class="brand" href=${routeHref({ view: 'incidents', query: {} })}>Hansei</a>
      ${connection
        ? html`<button
              class="menu-button"
              aria-expanded=${this.menuOpen ? 'true' : 'false'}
              aria-controls="nav"
              @click=${() => (this.menuOpen = !this.menuOpen)}
            >
              ${msg('Menu')}
            </button>
            <nav id="nav" aria-label=${msg('Portal')} class=${this.menuOpen ? 'open' : ''}>
              <ul>
                ${navFor(connection.role).map(
                  (item) =>
                    html`<li>
                      <a href=${routeHref(item.route)} aria-current=${item.views.includes(this.route.view) ? 'page' : 'false'}>${item.label()}</a>
                    </li>`,
                )}
              </ul>
            </nav>`
        : nothing}
      <div class="tools">
        ${connection && mayRespond(connection.role)
          ? html`<a class="button primary declare" href=${routeHref({ view: 'declare' })}>${msg('Declare incident')}</a>`
          : nothing}
        ${connection && (waiting || failed)
          ? html`<button class=${failed ? 'outbox attention' : 'outbox'} @click=${() => this.#openOutbox()} aria-haspopup="dialog">
              ${failed ? msg(str`Outbox: ${failed} need you`) : msg(str`Outbox: ${waiting} waiting`)}
            </button>`
          : nothing}
        <label class="pick">
          <span class="vh">${msg('Language')}</span>
          <select @change=${(e: Event) => void this.#setLocale((e.target as HTMLSelectElement).value as Locale)} .value=${this.locale}>
            <option value="en" ?selected=${this.locale === 'en'} lang="en">English</option>
            <option value="ja" ?selected=${this.locale === 'ja'} lang="ja">日本語</option>
          </select>
        </label>
        <label class="pick">
          <span class="vh">${msg('Colour scheme')}</span>
          <select @change=${(e: Event) => this.#setTheme((e.target as HTMLSelectElement).value as Theme)} .value=${this.theme}>
            ${THEMES.map(
              (theme) =>
                html`<option value=${theme} ?selected=${this.theme === theme}>
                  ${theme === 'system' ? msg('System colours') : theme === 'light' ? msg('Light') : msg('Dark')}
                </option>`,
            )}
          </select>
        </label>
        ${connection
          ? html`<span class="who" title=${connection.name}>
                ${connection.role === 'admin' ? msg('Admin') : connection.role === 'responder' ? msg('Responder') : msg('Viewer')}
              </span>
              <button @click=${() => this.#signOut()}>${msg('Sign out')}</button>`
          : nothing}
      </div>
    </header>`;
  }

  async #openOutbox(): Promise<void> {
    await import('./outbox-panel.js');
    this.outboxOpen = true;
  }

  #renderBanner() {
    if (!this.connection) return nothing;
    if (!this.online) {
      return html`<p class="banner offline" role="status">
        ${msg('You are offline. What you type is kept on this device, and changes wait in the outbox until the connection returns.')}
      </p>`;
    }
    if (this.connection.unverified) {
      return html`<p class="banner" role="status">${msg('The server could not be reached when the portal started; your role is the one remembered.')}</p>`;
    }
    if (this.live === 'retrying') return html`<p class="banner" role="status">${msg('Live updates are reconnecting…')}</p>`;
    return nothing;
  }

  #renderMain() {
    if (this.starting) return html`<p class="muted">${msg('Loading…')}</p>`;
    const connection = this.connection;
    if (!connection) {
      return renderSignIn({ busy: this.signingIn, problem: this.signInProblem, onSubmit: (token, remember) => void this.#signIn(token, remember) });
    }
    const route = this.route;
    if (route.view === 'not-found') {
      return html`<h1>${msg('Page not found')}</h1>
        <p>${msg('Nothing in the portal lives at this address.')} <a href=${routeHref({ view: 'incidents', query: {} })}>${msg('Go to incidents')}</a></p>`;
    }
    if (route.view === 'sign-in') {
      return html`<h1>${msg('Signed in')}</h1>
        <p><a href=${routeHref({ view: 'incidents', query: {} })}>${msg('Go to incidents')}</a></p>`;
    }
    if (route.view === 'admin' && connection.role !== 'admin') {
      return html`<h1>${msg('Admin')}</h1>
        <p class="notice">${msg('Only admins can configure the portal. Your token can read everything else.')}</p>`;
    }
    if (route.view === 'declare' && !mayRespond(connection.role)) {
      return html`<h1>${msg('Declare an incident')}</h1>
        <p class="notice">${msg('Viewers can read incidents but not declare them. Ask an admin for a responder token.')}</p>`;
    }
    if (this.viewError) return html`<p class="error" role="alert">${this.viewError}</p>`;
    if (this.viewReady !== route.view) return html`<p class="muted">${msg('Loading…')}</p>`;
    return html`<hansei-provider .adapter=${adapterOf(connection)} lang=${this.locale}>${viewTemplate(route, connection.role)}</hansei-provider>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-app': PortalApp;
  }
}
