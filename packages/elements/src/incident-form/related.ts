/**
 * Related earlier incidents: a search through the adapter (`listIncidents({ q })`, a moment after
 * the person stops typing) and what the form shows for each linked incident.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { HanseiAdapter } from '@hansei/adapters';
import { INCIDENT_RELATIONS, type Id, type Incident, type IncidentRelation, type RelatedIncident } from '@hansei/core';
import { describedBy, errorsOf, type FormView } from './view.js';
import { relationWord } from './words.js';

/** What the form knows of an incident it may link to. */
export interface IncidentGlimpse {
  readonly id: Id;
  readonly title: string;
  readonly severity: string;
  readonly startedAt: string;
}

const glimpse = ({ id, title, severity, startedAt }: Incident): IncidentGlimpse => ({ id, title, severity, startedAt });

/** The search and the titles of incidents seen so far. */
export class RelatedSearch implements ReactiveController {
  query = '';
  results: readonly IncidentGlimpse[] = [];
  state: 'idle' | 'searching' | 'done' | 'failed' = 'idle';
  error = '';
  readonly known = new Map<Id, IncidentGlimpse>();

  readonly #host: ReactiveControllerHost & { readonly source: HanseiAdapter | undefined };
  readonly #delayMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost & { readonly source: HanseiAdapter | undefined }, delayMs = 250) {
    this.#host = host;
    this.#delayMs = delayMs;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  /** The person typed `query`: search a moment later (at once with `now`). */
  type(query: string, now = false): void {
    this.query = query;
    clearTimeout(this.#timer);
    if (!query.trim()) {
      this.#abort?.abort();
      this.results = [];
      this.state = 'idle';
      this.#host.requestUpdate();
      return;
    }
    if (now) void this.search();
    else this.#timer = setTimeout(() => void this.search(), this.#delayMs);
  }

  /** Searches now; resolves when the results are in. */
  async search(): Promise<void> {
    const source = this.#host.source;
    const q = this.query.trim();
    if (!source || !q) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.state = 'searching';
    this.#host.requestUpdate();
    try {
      const page = await source.listIncidents({ q, limit: 8 }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.results = page.data.map(glimpse);
      for (const found of this.results) this.known.set(found.id, found);
      this.state = 'done';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.state = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
    }
    this.#host.requestUpdate();
  }

  /** Looks up the incidents in `ids` not seen yet, to show their titles. */
  async describe(ids: readonly Id[]): Promise<void> {
    const source = this.#host.source;
    const unknown = ids.filter((id) => !this.known.has(id));
    if (!source || unknown.length === 0) return;
    const found = await Promise.all(unknown.map((id) => source.getIncident(id).then(glimpse, () => null)));
    for (const incident of found) if (incident) this.known.set(incident.id, incident);
    this.#host.requestUpdate();
  }

  /** Remembers an incident (e.g. the one being edited), so it is never offered as its own relative. */
  remember(incident: Incident): void {
    this.known.set(incident.id, glimpse(incident));
  }
}

/** The linked incidents and the search that adds to them. */
export function renderRelated(view: FormView, search: RelatedSearch): TemplateResult {
  const linked = view.model.related;
  const self = view.base?.id;
  const offered = search.results.filter((r) => r.id !== self && !linked.some((l) => l.incidentId === r.id));
  const date = new Intl.DateTimeFormat(view.settings.locale, { dateStyle: 'medium', timeZone: view.settings.timeZone });
  const when = (iso: string) => (iso ? date.format(new Date(iso)) : '');
  const setRelation = (id: Id, relation: IncidentRelation) =>
    view.change({ related: linked.map((l) => (l.incidentId === id ? { ...l, relation } : l)) });
  const link = (id: Id) => view.change({ related: [...linked, { incidentId: id, relation: 'related' }] });
  const unlink = (id: Id) => view.change({ related: linked.filter((l) => l.incidentId !== id) });

  const row = (item: RelatedIncident, index: number) => {
    const known = search.known.get(item.incidentId);
    const name = known?.title ?? item.incidentId;
    return html`<li class="related-item">
      <span class="related-title">${name}</span>
      ${known ? html`<span class="muted">${known.severity} · ${when(known.startedAt)}</span>` : nothing}
      <span class="related-controls">
        <label class="visually-hidden" for="f-related-${index}">${msg(str`How "${name}" is related`, { desc: 'Incident form: label of the relation select of a linked incident' })}</label>
        <select id="f-related-${index}" @change=${(e: Event) => setRelation(item.incidentId, (e.target as HTMLSelectElement).value as IncidentRelation)}>
          ${INCIDENT_RELATIONS.map((r) => html`<option value=${r} ?selected=${item.relation === r}>${relationWord(r)}</option>`)}
        </select>
        <button type="button" class="secondary" @click=${() => unlink(item.incidentId)}>
          ${msg('Remove', { id: 'incident-form.remove', desc: 'Incident form: unlink a related incident' })}<span class="visually-hidden">: ${name}</span>
        </button>
      </span>
    </li>`;
  };

  const status =
    search.state === 'searching'
      ? msg('Searching…', { id: 'incident-form.searching', desc: 'Incident form: related incident search is running' })
      : search.state === 'failed'
        ? msg(str`The search failed: ${search.error}`, { desc: 'Incident form: related incident search failed' })
        : search.state === 'done'
          ? offered.length === 0
            ? msg('No other incidents match.', { desc: 'Incident form: related incident search found nothing' })
            : msg(str`${offered.length} incidents found.`, { desc: 'Incident form: how many incidents the search found' })
          : '';

  return html`<fieldset class="group" id="f-related" aria-describedby=${describedBy(view, 'related', true)}>
    <legend>${msg('Related earlier incidents', { desc: 'Incident form: legend of the related incidents field' })}</legend>
    <p class="hint" id="f-related-hint">
      ${msg('Link incidents with the same cause or symptoms, so recurrences are counted.', { desc: 'Incident form: hint of the related incidents field' })}
    </p>
    ${errorsOf(view, 'related')}
    ${linked.length > 0 ? html`<ul class="related-list" part="related-list">${linked.map(row)}</ul>` : nothing}
    <label for="f-related-search">${msg('Find an incident', { desc: 'Incident form: label of the related incident search' })}</label>
    <input
      id="f-related-search"
      type="search"
      autocomplete="off"
      .value=${live(search.query)}
      @input=${(e: Event) => search.type((e.target as HTMLInputElement).value)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          search.type((e.target as HTMLInputElement).value, true);
        }
      }}
    />
    <p class="hint" role="status">${status}</p>
    ${offered.length > 0
      ? html`<ul class="related-list" part="related-results">
          ${offered.map(
            (r) => html`<li class="related-item">
              <span class="related-title">${r.title}</span>
              <span class="muted">${r.severity} · ${when(r.startedAt)}</span>
              <button type="button" class="secondary" @click=${() => link(r.id)}>
                ${msg('Link', { id: 'incident-form.link', desc: 'Incident form: link a found incident as related' })}<span class="visually-hidden">: ${r.title}</span>
              </button>
            </li>`,
          )}
        </ul>`
      : nothing}
  </fieldset>`;
}
