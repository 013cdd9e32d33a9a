/**
 * `<portal-incident>`: one incident, where the team works during it: its state and times, the
 * form to post updates and change fields, who holds which role (hand-offs recorded), the internal
 * timeline, related incidents, its prevention actions, and the way to its postmortem.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { Change } from '@hansei/adapters';
import type { Incident, PreventionAction, Stored } from '@hansei/core';
import { incidentStatusWords } from '@hansei/elements/internal/status-words.js';
import { impactWord, relationWord, visibilityWord } from '@hansei/elements/incident-form/words.js';
import '@hansei/elements/define/incident-form.js';
import '@hansei/elements/define/role-board.js';
import '@hansei/elements/define/incident-timeline.js';
import { dateTime, duration } from '../lib/format.js';
import { PortalView, problemText } from '../lib/view.js';
import { routeHref } from '../routes.js';
import { incidentStyles } from './incident.styles.js';
import { actionKindWord, actionStatusWord } from '../lib/words.js';

interface Related {
  readonly id: string;
  readonly relation: Incident['related'][number]['relation'];
  readonly incident: Stored<Incident> | null;
}

@customElement('portal-incident')
export class PortalIncident extends PortalView {
  static override styles = [...PortalView.styles, incidentStyles];

  @property({ attribute: false }) incidentId = '';

  @state() private incident: Stored<Incident> | null = null;
  @state() private related: readonly Related[] = [];
  @state() private actions: readonly Stored<PreventionAction>[] = [];
  @state() private problem = '';

  #live: AbortController | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('incidentId') || changed.has('providedAdapter') || changed.has('adapter')) && this.source && this.incidentId) {
      this.incident = null;
      void this.#load();
      this.#subscribe();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#live?.abort();
  }

  #subscribe(): void {
    this.#live?.abort();
    const live = (this.#live = new AbortController());
    this.api.subscribe((change: Change) => this.#onChange(change), { signal: live.signal });
  }

  #onChange(change: Change): void {
    const id = this.incidentId;
    if ((change.type === 'incident.updated' || change.type === 'incident.update.created') && change.data.incident.id === id) void this.#load();
    if (change.type.startsWith('action.') || (change.type.startsWith('postmortem.') && 'postmortem' in change.data && change.data.postmortem.incidentId === id)) {
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    const id = this.incidentId;
    try {
      // Live copies of public incidents are their public view: read the whole incident again.
      const [incident, actions] = await Promise.all([this.api.getIncident(id), this.api.listActions({ incident: id, limit: 200 }).catch(() => null)]);
      if (id !== this.incidentId) return;
      this.incident = incident;
      this.problem = '';
      if (actions) this.actions = actions.data;
      this.related = await Promise.all(
        incident.related.map(async (r) => ({
          id: r.incidentId,
          relation: r.relation,
          incident: await this.api.getIncident(r.incidentId).catch(() => null),
        })),
      );
    } catch (error) {
      if (id === this.incidentId) this.problem = problemText(error);
    }
  }

  protected override render() {
    if (!this.source) return this.renderMissingAdapter();
    const incident = this.incident;
    if (!incident) {
      return this.problem
        ? html`<h1>${msg('Incident')}</h1>
            <p class="error" role="alert">${this.problem} <button @click=${() => this.#load()}>${msg('Try again')}</button></p>`
        : html`<p class="muted" role="status">${msg('Loading the incident…')}</p>`;
    }
    const readOnly = !this.canRespond;
    return html`<p class="crumbs"><a href=${routeHref({ view: 'incidents', query: {} })}>${msg('Incidents')}</a></p>
      <div class="head">
        <h1>${incident.title}</h1>
      </div>
      <p class="facts">
        <span class="badge sev">${incident.severity}</span>
        <span class="badge" data-status=${incident.status}>${incidentStatusWords(incident.status)}</span>
        <span class="badge">${msg('Impact:')} ${impactWord(incident.impact)}</span>
        <span class="badge">${visibilityWord(incident.visibility)}</span>
        ${incident.labels.map((label) => html`<a class="badge" href=${routeHref({ view: 'incidents', query: { label } })}>${label}</a>`)}
      </p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.#renderTimes(incident)}
      ${this.#renderPostmortem(incident, readOnly)}
      <div class="grid">
        <section class="work" aria-labelledby="update-title">
          <h2 id="update-title">${msg('Post an update')}</h2>
          <hansei-incident-form incident-id=${incident.id} @hansei-incident-updated=${() => this.#load()}></hansei-incident-form>
          <h2 id="timeline-title">${msg('Timeline')}</h2>
          <hansei-incident-timeline incident-id=${incident.id} newest-first aria-labelledby="timeline-title"></hansei-incident-timeline>
        </section>
        <aside aria-label=${msg('Roles, related incidents and actions')}>
          <h2>${msg('Roles')}</h2>
          <hansei-role-board incident-id=${incident.id} ?readonly=${readOnly}></hansei-role-board>
          ${this.#renderRelated()} ${this.#renderActions()}
        </aside>
      </div>`;
  }

  #renderTimes(incident: Stored<Incident>) {
    const { locale, timeZone } = this.settings;
    const since = (at: string | null) => (at ? duration(Date.parse(at) - Date.parse(incident.startedAt), locale) : '—');
    const rows: [string, string | null][] = [
      [msg('Started'), incident.startedAt],
      [msg('Detected'), incident.detectedAt],
      [msg('Acknowledged'), incident.acknowledgedAt],
      [msg('Mitigated'), incident.mitigatedAt],
      [msg('Resolved'), incident.resolvedAt],
    ];
    return html`<dl class="times">
      ${rows.map(
        ([label, at]) => html`<div>
          <dt>${label}</dt>
          <dd>${at ? html`${dateTime(at, locale, timeZone)} <span class="muted">(+${since(at)})</span>` : html`<span class="muted">—</span>`}</dd>
        </div>`,
      )}
    </dl>`;
  }

  #renderPostmortem(incident: Stored<Incident>, readOnly: boolean) {
    if (incident.postmortemId) {
      return html`<p class="postmortem">
        <a class="button" href=${routeHref({ view: 'postmortem', id: incident.postmortemId })}>${msg('Open the postmortem')}</a>
      </p>`;
    }
    const level = this.settings.guideline.levels.find((l) => l.code === incident.severity);
    const required = level?.demands.postmortem === 'required';
    return html`<p class="postmortem">
      ${required ? html`<span class="notice">${msg('The guideline requires a postmortem for this severity.')}</span>` : nothing}
      ${readOnly
        ? html`<span class="muted">${msg('No postmortem yet.')}</span>`
        : html`<a class="button primary" href=${routeHref({ view: 'postmortem-new', incidentId: incident.id })}>${msg('Start the postmortem')}</a>`}
    </p>`;
  }

  #renderRelated() {
    if (this.related.length === 0) return html`<h2>${msg('Related incidents')}</h2><p class="muted">${msg('None linked.')}</p>`;
    return html`<h2>${msg('Related incidents')}</h2>
      <ul class="plain">
        ${this.related.map(
          (r) => html`<li>
            <span class="badge">${relationWord(r.relation)}</span>
            <a href=${routeHref({ view: 'incident', id: r.id })}>${r.incident?.title ?? r.id}</a>
            ${r.incident ? html`<span class="muted">${dateTime(r.incident.startedAt, this.settings.locale, this.settings.timeZone)}</span>` : nothing}
          </li>`,
        )}
      </ul>`;
  }

  #renderActions() {
    return html`<h2>${msg('Prevention actions')}</h2>
      ${this.actions.length === 0
        ? html`<p class="muted">${msg('None yet: they are added in the postmortem.')}</p>`
        : html`<ul class="plain">
            ${this.actions.map(
              (a) => html`<li>
                <a href=${routeHref({ view: 'prevention', query: { incident: this.incidentId } })}>${a.title}</a>
                <span class="badge">${actionKindWord(a.kind)}</span> <span class="badge">${actionStatusWord(a.status)}</span>
              </li>`,
            )}
          </ul>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-incident': PortalIncident;
  }
}
