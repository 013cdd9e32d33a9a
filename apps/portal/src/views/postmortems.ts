/**
 * `<portal-postmortems>`: the library of every postmortem, so learning reaches the whole
 * organisation: searched by text, by the incident's component, by contributing-factor category
 * and by label. The backend searches and pages (most recently edited first); each page's
 * incidents come in one call. The search lives in the URL.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { CONTRIBUTING_FACTOR_CATEGORIES, POSTMORTEM_STATUSES, type Component, type Id, type Stored } from '@hansei/core';
import { dateOnly } from '../lib/format.js';
import { LIBRARY_KEYS, libraryQuery, readLibraryPage, type LibraryEntry, type LibraryIncident } from '../lib/postmortem-library.js';
import { PagedList } from '../lib/paged-list.js';
import { PortalView, problemText } from '../lib/view.js';
import { categoryWord, postmortemStatusWord } from '../lib/words.js';
import { routeHref } from '../routes.js';
import { field } from '../lib/form.js';

@customElement('portal-postmortems')
export class PortalPostmortems extends PortalView {
  /** The URL's search. */
  @property({ attribute: false }) query: Readonly<Record<string, string>> = {};

  @state() private components: readonly Stored<Component>[] = [];

  /** Incidents read so far, by id (null: could not be read), kept across searches. */
  readonly #incidents = new Map<Id, LibraryIncident | null>();
  readonly #list = new PagedList<LibraryEntry>(this, async (cursor, signal) => {
    const page = await readLibraryPage(this.api, libraryQuery(this.query, cursor), this.#incidents, { signal });
    return { items: page.entries, nextCursor: page.nextCursor };
  }, problemText);

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('providedAdapter') || changed.has('adapter')) && this.source) {
      this.#incidents.clear();
      this.source.listComponents().then(
        (components) => (this.components = components),
        () => undefined,
      );
    }
    if ((changed.has('query') || changed.has('providedAdapter') || changed.has('adapter')) && this.source) void this.#list.load();
  }

  #apply(event: Event): void {
    event.preventDefault();
    const data = new FormData((event.currentTarget as HTMLElement).closest('form')!);
    const query: Record<string, string> = {};
    for (const key of LIBRARY_KEYS) {
      const value = field(data, key);
      if (value) query[key] = value;
    }
    this.navigate(routeHref({ view: 'postmortems', query }), true);
  }

  protected override render() {
    if (!this.source) return this.renderMissingAdapter();
    const q = this.query;
    const list = this.#list;
    const filtered = Object.keys(q).length > 0;
    return html`<h1>${msg('Postmortems')}</h1>
      <p class="muted">${msg('Every postmortem, to learn from what happened anywhere in the organisation.')}</p>
      <form role="search" aria-label=${msg('Search postmortems')} @submit=${this.#apply}>
        <div class="toolbar">
          <label class="field grow">${msg('Search')} <input type="search" name="q" .value=${q['q'] ?? ''} /></label>
          <label class="field">${msg('Component')}
            <select name="component" @change=${this.#apply}>
              <option value="">${msg('Any')}</option>
              ${this.components.map((c) => html`<option value=${c.id} ?selected=${q['component'] === c.id}>${c.name}</option>`)}
            </select>
          </label>
          <label class="field">${msg('Contributing factor')}
            <select name="category" @change=${this.#apply}>
              <option value="">${msg('Any')}</option>
              ${CONTRIBUTING_FACTOR_CATEGORIES.map((c) => html`<option value=${c} ?selected=${q['category'] === c}>${categoryWord(c)}</option>`)}
            </select>
          </label>
          <label class="field">${msg('Label')} <input name="label" .value=${q['label'] ?? ''} size="12" /></label>
          <label class="field">${msg('Status')}
            <select name="status" @change=${this.#apply}>
              <option value="">${msg('Any')}</option>
              ${POSTMORTEM_STATUSES.map((s) => html`<option value=${s} ?selected=${q['status'] === s}>${postmortemStatusWord(s)}</option>`)}
            </select>
          </label>
          <button type="submit">${msg('Search')}</button>
          ${filtered ? html`<a href=${routeHref({ view: 'postmortems', query: {} })}>${msg('Clear')}</a>` : nothing}
        </div>
      </form>
      ${list.problem ? html`<p class="error" role="alert">${list.problem} <button @click=${() => list.load()}>${msg('Try again')}</button></p>` : nothing}
      <p role="status" class="muted">${list.loading ? msg('Loading postmortems…') : list.problem ? '' : msg(str`${list.items.length} postmortems shown, most recently edited first`)}</p>
      ${!list.loading && !list.problem && list.items.length === 0
        ? html`<p class="state">${filtered ? msg('No postmortem matches this search.') : msg('No postmortems yet. Start one from a resolved incident.')}</p>`
        : this.#renderList()}
      ${list.next ? html`<button @click=${() => list.load(true)} ?disabled=${list.loading}>${msg('Show more')}</button>` : nothing}`;
  }

  #renderList() {
    const { locale, timeZone } = this.settings;
    const names = new Map(this.components.map((c) => [c.id, c.name]));
    return html`<ul class="plain">
      ${this.#list.items.map(({ postmortem: p, incident }) => html`<li class="card">
        <a href=${routeHref({ view: 'postmortem', id: p.id })}><strong>${p.title}</strong></a>
        <span class="badge">${postmortemStatusWord(p.status)}</span>
        ${incident ? html`<span class="badge">${incident.severity}</span>` : nothing}
        ${incident
          ? html`<p class="muted">
              <a href=${routeHref({ view: 'incident', id: incident.id })}>${incident.title}</a> · ${dateOnly(incident.startedAt, locale, timeZone)}${incident.components.length
                ? html` · ${incident.components.map((c) => names.get(c.componentId) ?? c.componentId).join(', ')}`
                : nothing}
            </p>`
          : nothing}
        ${p.contributingFactors.length
          ? html`<p>${[...new Set(p.contributingFactors.map((f) => f.category))].map((c) => html`<a class="badge" href=${routeHref({ view: 'postmortems', query: { category: c } })}>${categoryWord(c)}</a> `)}</p>`
          : nothing}
        ${p.labels.length ? html`<p class="muted">${p.labels.join(', ')}</p>` : nothing}
      </li>`)}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-postmortems': PortalPostmortems;
  }
}
