/**
 * `<portal-incidents>`: every incident, most recently started first, filtered by status, severity,
 * component, label and date, and searched by text. The filters live in the URL, so a filtered list
 * is a link to share.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { INCIDENT_STATUSES, type Component, type Incident, type IncidentListQuery, type Stored } from '@hansei/core';
import { incidentStatusWords } from '@hansei/elements/internal/status-words.js';
import { impactWord } from '@hansei/elements/incident-form/words.js';
import { dateTime, duration, nextDate, startOfDay } from '../lib/format.js';
import { PagedList } from '../lib/paged-list.js';
import { PortalView, problemText } from '../lib/view.js';
import { routeHref } from '../routes.js';
import { fields } from '../lib/form.js';

/** The filters the URL may carry. */
export const FILTER_KEYS = ['status', 'severity', 'component', 'label', 'from', 'to', 'q'] as const;

/** The adapter query for the URL's filters (dates are whole days in the viewer's time zone). */
export function incidentQuery(query: Readonly<Record<string, string>>, timeZone: string): Partial<IncidentListQuery> {
  const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : undefined);
  const statuses = list(query['status']);
  const open = statuses?.includes('open');
  const out: Record<string, unknown> = {
    status: statuses?.filter((s) => s !== 'open'),
    severity: list(query['severity']),
    component: query['component'] || undefined,
    label: list(query['label']),
    q: query['q'] || undefined,
    from: query['from'] ? startOfDay(query['from'], timeZone) ?? undefined : undefined,
    to: query['to'] ? startOfDay(nextDate(query['to']), timeZone) ?? undefined : undefined,
    open: open || undefined,
    limit: 50,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

@customElement('portal-incidents')
export class PortalIncidents extends PortalView {
  /** The URL's filters. */
  @property({ attribute: false }) query: Readonly<Record<string, string>> = {};

  @state() private components: readonly Stored<Component>[] = [];

  readonly #list = new PagedList<Stored<Incident>>(this, async (cursor, signal) => {
    const page = await this.api.listIncidents({ ...incidentQuery(this.query, this.settings.timeZone), ...(cursor ? { cursor } : {}) }, { signal });
    return { items: page.data, nextCursor: page.nextCursor };
  }, problemText);

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('query') || changed.has('providedAdapter') || changed.has('adapter')) && this.source) void this.#list.load();
    if ((changed.has('providedAdapter') || changed.has('adapter')) && this.source) {
      this.source.listComponents().then(
        (components) => (this.components = components),
        () => undefined,
      );
    }
  }

  #apply(event: Event): void {
    event.preventDefault();
    const form = (event.currentTarget as HTMLElement).closest('form')!;
    const data = new FormData(form);
    const query: Record<string, string> = {};
    for (const key of FILTER_KEYS) {
      const values = fields(data, key).filter(Boolean);
      if (values.length) query[key] = values.join(',');
    }
    this.navigate(routeHref({ view: 'incidents', query }), true);
  }

  protected override render() {
    if (!this.source) return this.renderMissingAdapter();
    const q = this.query;
    const statuses = (q['status'] ?? '').split(',');
    const severities = (q['severity'] ?? '').split(',');
    const filtered = Object.keys(q).length > 0;
    const list = this.#list;
    return html`<div class="head">
        <h1>${msg('Incidents')}</h1>
        ${this.canRespond ? html`<a class="button primary" href=${routeHref({ view: 'declare' })}>${msg('Declare incident')}</a>` : nothing}
      </div>
      <form class="filters" role="search" aria-label=${msg('Filter incidents')} @submit=${this.#apply}>
        <div class="toolbar">
          <label class="field grow">${msg('Search')}
            <input type="search" name="q" .value=${q['q'] ?? ''} placeholder=${msg('Title or summary')} />
          </label>
          <label class="field">${msg('Status')}
            <select name="status" @change=${this.#apply}>
              <option value="" ?selected=${!q['status']}>${msg('Any')}</option>
              <option value="open" ?selected=${statuses.includes('open')}>${msg('Open (not resolved)')}</option>
              ${INCIDENT_STATUSES.map((s) => html`<option value=${s} ?selected=${statuses.includes(s)}>${incidentStatusWords(s)}</option>`)}
            </select>
          </label>
          <label class="field">${msg('Severity')}
            <select name="severity" @change=${this.#apply}>
              <option value="" ?selected=${!q['severity']}>${msg('Any')}</option>
              ${this.settings.guideline.levels.map((l) => html`<option value=${l.code} ?selected=${severities.includes(l.code)}>${l.code}</option>`)}
            </select>
          </label>
          <label class="field">${msg('Component')}
            <select name="component" @change=${this.#apply}>
              <option value="" ?selected=${!q['component']}>${msg('Any')}</option>
              ${this.components.map((c) => html`<option value=${c.id} ?selected=${q['component'] === c.id}>${c.name}</option>`)}
            </select>
          </label>
          <label class="field">${msg('Label')}
            <input name="label" .value=${q['label'] ?? ''} size="12" />
          </label>
          <label class="field">${msg('Started from')}
            <input type="date" name="from" .value=${q['from'] ?? ''} @change=${this.#apply} />
          </label>
          <label class="field">${msg('to')}
            <input type="date" name="to" .value=${q['to'] ?? ''} @change=${this.#apply} />
          </label>
          <button type="submit">${msg('Apply')}</button>
          ${filtered ? html`<a href=${routeHref({ view: 'incidents', query: {} })}>${msg('Clear filters')}</a>` : nothing}
        </div>
      </form>
      ${list.problem ? html`<p class="error" role="alert">${list.problem} <button @click=${() => list.load()}>${msg('Try again')}</button></p>` : nothing}
      <p class="vh" role="status">${list.loading ? msg('Loading incidents…') : msg(str`${list.items.length} incidents shown`)}</p>
      ${!list.loading && !list.problem && list.items.length === 0
        ? html`<p class="state">${filtered ? msg('No incident matches these filters.') : msg('No incidents yet. When something breaks, declare one.')}</p>`
        : this.#renderTable()}
      ${list.next ? html`<button @click=${() => list.load(true)} ?disabled=${list.loading}>${msg('Show more')}</button>` : nothing}`;
  }

  #renderTable() {
    const { locale, timeZone } = this.settings;
    return html`<table class="responsive">
      <caption class="vh">${msg('Incidents, most recently started first')}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Incident')}</th>
          <th scope="col">${msg('Severity')}</th>
          <th scope="col">${msg('Status')}</th>
          <th scope="col">${msg('Impact')}</th>
          <th scope="col">${msg('Started')}</th>
          <th scope="col">${msg('Duration')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.#list.items.map((incident) => {
          const end = incident.resolvedAt ? Date.parse(incident.resolvedAt) : Date.now();
          return html`<tr>
            <td data-label=${msg('Incident')}>
              <a href=${routeHref({ view: 'incident', id: incident.id })}>${incident.title}</a>
              ${incident.labels.length ? html`<br /><span class="muted">${incident.labels.join(', ')}</span>` : nothing}
              ${incident.visibility === 'internal' ? html` <span class="badge">${msg('Internal')}</span>` : nothing}
            </td>
            <td data-label=${msg('Severity')}><span class="badge">${incident.severity}</span></td>
            <td data-label=${msg('Status')}>${incidentStatusWords(incident.status)}</td>
            <td data-label=${msg('Impact')}>${impactWord(incident.impact)}</td>
            <td data-label=${msg('Started')}>${dateTime(incident.startedAt, locale, timeZone)}</td>
            <td data-label=${msg('Duration')}>${duration(end - Date.parse(incident.startedAt), locale)}${incident.resolvedAt ? '' : html` <span class="muted">${msg('(open)')}</span>`}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-incidents': PortalIncidents;
  }
}
