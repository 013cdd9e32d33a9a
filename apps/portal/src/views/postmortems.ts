/**
 * `<portal-postmortems>`: the library of every postmortem, so learning reaches the whole
 * organisation: searched by text, by the incident's component, by contributing-factor category
 * and by label. The search lives in the URL.
 */
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { CONTRIBUTING_FACTOR_CATEGORIES, POSTMORTEM_STATUSES, type Component, type Postmortem, type Stored } from '@hansei/core';
import { dateOnly } from '../lib/format.js';
import { searchLibrary, type LibraryEntry } from '../lib/postmortem-search.js';
import { PortalView, problemText } from '../lib/view.js';
import { categoryWord, postmortemStatusWord } from '../lib/words.js';
import { routeHref } from '../routes.js';
import { field } from '../lib/form.js';

const KEYS = ['q', 'component', 'category', 'label', 'status'] as const;

@customElement('portal-postmortems')
export class PortalPostmortems extends PortalView {
  @property({ attribute: false }) query: Readonly<Record<string, string>> = {};

  @state() private entries: readonly LibraryEntry[] | null = null;
  @state() private components: readonly Stored<Component>[] = [];
  @state() private problem = '';

  protected override async load(): Promise<void> {
    this.problem = '';
    try {
      const postmortems: Stored<Postmortem>[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.api.listPostmortems({ limit: 200, ...(cursor ? { cursor } : {}) });
        postmortems.push(...page.data);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      this.components = await this.api.listComponents().catch(() => []);
      const entries: LibraryEntry[] = [];
      for (let i = 0; i < postmortems.length; i += 8) {
        entries.push(
          ...(await Promise.all(
            postmortems.slice(i, i + 8).map(async (postmortem) => ({ postmortem, incident: await this.api.getIncident(postmortem.incidentId).catch(() => null) })),
          )),
        );
      }
      this.entries = entries;
    } catch (error) {
      this.problem = problemText(error);
    }
  }

  #apply(event: Event): void {
    event.preventDefault();
    const data = new FormData((event.currentTarget as HTMLElement).closest('form')!);
    const query: Record<string, string> = {};
    for (const key of KEYS) {
      const value = field(data, key);
      if (value) query[key] = value;
    }
    this.navigate(routeHref({ view: 'postmortems', query }), true);
  }

  protected override render() {
    if (!this.source) return this.renderMissingAdapter();
    const q = this.query;
    const found = this.entries ? searchLibrary(this.entries, q) : null;
    const { locale, timeZone } = this.settings;
    const names = new Map(this.components.map((c) => [c.id, c.name]));
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
          ${Object.keys(q).length ? html`<a href=${routeHref({ view: 'postmortems', query: {} })}>${msg('Clear')}</a>` : nothing}
        </div>
      </form>
      ${this.problem ? html`<p class="error" role="alert">${this.problem} <button @click=${() => this.load()}>${msg('Try again')}</button></p>` : nothing}
      <p role="status" class="muted">${found === null ? (this.problem ? '' : msg('Loading postmortems…')) : msg(str`${found.length} postmortems`)}</p>
      <ul class="plain">
        ${(found ?? []).map(({ postmortem: p, incident }) => html`<li class="card">
          <a href=${routeHref({ view: 'postmortem', id: p.id })}><strong>${p.title}</strong></a>
          <span class="badge">${postmortemStatusWord(p.status)}</span>
          ${incident ? html`<span class="badge">${incident.severity}</span>` : nothing}
          <p class="muted">
            ${incident ? html`${dateOnly(incident.startedAt, locale, timeZone)} · ${incident.components.map((c) => names.get(c.componentId) ?? c.componentId).join(', ')}` : nothing}
          </p>
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
