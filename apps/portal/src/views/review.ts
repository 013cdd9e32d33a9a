/**
 * `<portal-review>`: the weekly review: the week's incidents, actions due and overdue, SLOs
 * burning, postmortems waiting for review and preventions that missed; week by week, and
 * exportable as Markdown.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { isoWeekOf, mondayOf, type WeeklyReview } from '@hansei/core';
import '@hansei/elements/define/slo-gauge.js';
import { incidentStatusWords } from '@hansei/elements/internal/status-words.js';
import { dateOnly, dateTime } from '../lib/format.js';
import { reviewMarkdown, type ReviewWords } from '../lib/review-markdown.js';
import { PortalView, problemText } from '../lib/view.js';
import { actionStatusWord } from '../lib/words.js';
import { BASE, routeHref } from '../routes.js';

const WEEK_MS = 7 * 86_400_000;

@customElement('portal-review')
export class PortalReview extends PortalView {
  /** ISO week (`2026-W48`); null: this week. */
  @property({ attribute: false }) week: string | null = null;

  @state() private review: WeeklyReview | null = null;
  @state() private problem = '';
  @state() private copied = '';

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('week') || changed.has('providedAdapter') || changed.has('adapter')) && this.source) void this.#load();
  }

  async #load(): Promise<void> {
    this.problem = '';
    this.review = null;
    try {
      this.review = await this.api.weeklyReview(this.week ?? undefined);
    } catch (error) {
      this.problem = problemText(error);
    }
  }

  #words(review: WeeklyReview): ReviewWords {
    return {
      title: msg(str`Weekly review ${review.week}`),
      incidents: msg('Incidents this week'),
      actionsDue: msg('Actions due this week'),
      actionsOverdue: msg('Overdue actions'),
      slosBurning: msg('SLOs burning budget'),
      postmortemsInReview: msg('Postmortems waiting for review'),
      recurred: msg('Done, yet the incident recurred'),
      none: msg('None.'),
      daysOverdue: (days) => msg(str`${days} days overdue`),
      budgetLeft: (p) => msg(str`${p} of budget left`),
      due: (date) => msg(str`due ${date}`),
    };
  }

  #markdown(review: WeeklyReview): string {
    return reviewMarkdown(review, this.#words(review), this.settings.locale, (path) => new URL(`${BASE}${path}`, location.origin).href);
  }

  #download(review: WeeklyReview): void {
    const url = URL.createObjectURL(new Blob([this.#markdown(review)], { type: 'text/markdown;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `hansei-review-${review.week}.md`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async #copy(review: WeeklyReview): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.#markdown(review));
      this.copied = msg('Copied as Markdown.');
    } catch {
      this.copied = msg('The browser did not allow copying; use Download instead.');
    }
  }

  #shift(review: WeeklyReview, weeks: number): string {
    const monday = mondayOf(review.week);
    return routeHref({ view: 'review', week: monday === null ? null : isoWeekOf(monday + weeks * WEEK_MS) });
  }

  protected override render() {
    if (!this.source) return this.renderMissingAdapter();
    const r = this.review;
    const { locale, timeZone } = this.settings;
    return html`<div class="head">
        <h1>${r ? msg(str`Weekly review ${r.week}`) : msg('Weekly review')}</h1>
        ${r
          ? html`<div class="toolbar">
              <a href=${this.#shift(r, -1)}>${msg('Previous week')}</a>
              <a href=${this.#shift(r, 1)}>${msg('Next week')}</a>
              <button @click=${() => this.#download(r)}>${msg('Download Markdown')}</button>
              <button @click=${() => this.#copy(r)}>${msg('Copy Markdown')}</button>
            </div>`
          : nothing}
      </div>
      <p class="vh" role="status">${this.copied}</p>
      ${this.copied ? html`<p class="muted">${this.copied}</p>` : nothing}
      ${this.problem ? html`<p class="error" role="alert">${this.problem} <button @click=${() => this.#load()}>${msg('Try again')}</button></p>` : nothing}
      ${!r && !this.problem ? html`<p class="muted" role="status">${msg('Loading the review…')}</p>` : nothing}
      ${r
        ? html`<p class="muted">${dateOnly(r.start, locale, timeZone)} – ${dateOnly(new Date(Date.parse(r.end) - 1).toISOString(), locale, timeZone)}</p>
            <section aria-labelledby="r-incidents">
              <h2 id="r-incidents">${msg('Incidents this week')} <span class="badge" data-count="incidents">${r.incidents.length}</span></h2>
              ${this.#list(
                r.incidents.map(
                  (i) => html`<a href=${routeHref({ view: 'incident', id: i.id })}>${i.title}</a>
                    <span class="badge">${i.severity}</span> ${incidentStatusWords(i.status)}
                    <span class="muted">${dateTime(i.startedAt, locale, timeZone)}</span>`,
                ),
              )}
            </section>
            <section aria-labelledby="r-due">
              <h2 id="r-due">${msg('Actions due this week')} <span class="badge">${r.actionsDue.length}</span></h2>
              ${this.#list(r.actionsDue.map((a) => html`${a.title} <span class="badge">${actionStatusWord(a.status)}</span> <span class="muted">${dateOnly(a.dueDate, locale)}</span>`))}
            </section>
            <section aria-labelledby="r-overdue">
              <h2 id="r-overdue">${msg('Overdue actions')} <span class="badge" data-count="overdue">${r.actionsOverdue.length}</span></h2>
              ${this.#list(r.actionsOverdue.map((o) => html`${o.action.title} <span class="badge">${msg(str`${o.daysOverdue} days overdue`)}</span>`))}
            </section>
            <section aria-labelledby="r-slos">
              <h2 id="r-slos">${msg('SLOs burning budget')} <span class="badge">${r.slosBurning.length}</span></h2>
              ${r.slosBurning.length === 0
                ? html`<p class="muted">${msg('None.')}</p>`
                : html`<ul class="cards">
                    ${r.slosBurning.map(
                      (s) => html`<li class="card">
                        <a href=${routeHref({ view: 'slo', id: s.slo.id })}>${s.slo.name}</a>
                        <hansei-slo-gauge size="compact" .slo=${s.slo} .report=${s.report}></hansei-slo-gauge>
                      </li>`,
                    )}
                  </ul>`}
            </section>
            <section aria-labelledby="r-pm">
              <h2 id="r-pm">${msg('Postmortems waiting for review')} <span class="badge">${r.postmortemsInReview.length}</span></h2>
              ${this.#list(r.postmortemsInReview.map((p) => html`<a href=${routeHref({ view: 'postmortem', id: p.id })}>${p.title}</a>`))}
            </section>
            <section aria-labelledby="r-missed">
              <h2 id="r-missed">${msg('Done, yet the incident recurred')} <span class="badge">${r.recurredAfterDone.length}</span></h2>
              ${this.#list(
                r.recurredAfterDone.map(
                  (m) => html`${m.action.title} → ${m.recurrenceIds.map((id) => html`<a href=${routeHref({ view: 'incident', id })}>${id}</a> `)}`,
                ),
              )}
            </section>`
        : nothing}`;
  }

  #list(items: readonly unknown[]) {
    return items.length === 0 ? html`<p class="muted">${msg('None.')}</p>` : html`<ul class="plain">${items.map((item) => html`<li>${item}</li>`)}</ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-review': PortalReview;
  }
}
