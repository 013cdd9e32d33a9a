/**
 * `<portal-trends>`: incidents per week by severity, MTTx over time, the recurrence rate, the share
 * of short-term fixes against root-cause work, and the actions past due. Each chart has its
 * numbers in a table beside it; the charts library loads after the numbers are on screen.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { dateOnly, duration, percent, today } from '../lib/format.js';
import { hours, readTrends, type Trends } from '../lib/trends.js';
import { PortalView, problemText } from '../lib/view.js';
import { actionKindWord } from '../lib/words.js';
import { routeHref } from '../routes.js';
import { chartStyles } from './charts.styles.js';
import type { Series } from './charts.js';

const RANGES = [12, 26, 52] as const;

@customElement('portal-trends')
export class PortalTrends extends PortalView {
  static override styles = [...PortalView.styles, chartStyles];

  @state() private weeks: (typeof RANGES)[number] = 26;
  @state() private trends: Trends | null = null;
  @state() private problem = '';
  @state() private loading = false;

  #request: AbortController | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('weeks') || changed.has('providedAdapter') || changed.has('adapter')) && this.source) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#request?.abort();
  }

  async #load(): Promise<void> {
    this.#request?.abort();
    const request = (this.#request = new AbortController());
    this.loading = true;
    this.problem = '';
    try {
      const trends = await readTrends(this.api, this.weeks, today(this.settings.timeZone), Date.now(), request.signal);
      if (!request.signal.aborted) this.trends = trends;
    } catch (error) {
      if (!request.signal.aborted) this.problem = problemText(error);
    } finally {
      if (this.#request === request) this.loading = false;
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('trends') && this.trends) void this.#draw(this.trends);
  }

  async #draw(trends: Trends): Promise<void> {
    const charts = await import('./charts.js');
    if (this.trends !== trends) return;
    const weekly = this.renderRoot.querySelector('#weekly-chart');
    const mttx = this.renderRoot.querySelector('#mttx-chart');
    if (weekly) charts.drawStackedBars(weekly, trends.all.weeks.map((w) => w.week.slice(5)), this.#severitySeries(trends));
    if (mttx) charts.drawLines(mttx, trends.periods.map((p) => dateOnly(p.from, this.settings.locale)), this.#mttxSeries(trends));
  }

  #severitySeries(trends: Trends): Series[] {
    const series: Series[] = trends.all.severities.map((code, i) => ({
      name: code,
      className: `s${Math.min(i + 1, 5)}`,
      data: trends.all.weeks.map((w) => w.counts[code] ?? 0),
    }));
    if (trends.all.weeks.some((w) => w.other > 0)) series.push({ name: msg('Other'), className: 's5', data: trends.all.weeks.map((w) => w.other) });
    return series;
  }

  #mttxSeries(trends: Trends): Series[] {
    return [
      { name: msg('Time to acknowledge'), className: 's4', data: trends.periods.map((p) => hours(p.metrics.mttx.timeToAcknowledge.median)) },
      { name: msg('Time to mitigate'), className: 's2', data: trends.periods.map((p) => hours(p.metrics.mttx.timeToMitigate.median)) },
      { name: msg('Time to resolve'), className: 's1', data: trends.periods.map((p) => hours(p.metrics.mttx.timeToResolve.median)) },
    ];
  }

  protected override render() {
    if (!this.source) return this.renderMissingAdapter();
    const t = this.trends;
    return html`<div class="head">
        <h1>${msg('Trends')}</h1>
        <label class="field">${msg('Range')}
          <select @change=${(e: Event) => (this.weeks = Number((e.target as HTMLSelectElement).value) as (typeof RANGES)[number])}>
            ${RANGES.map((w) => html`<option value=${w} ?selected=${w === this.weeks}>${msg(str`Last ${w} weeks`)}</option>`)}
          </select>
        </label>
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem} <button @click=${() => this.#load()}>${msg('Try again')}</button></p>` : nothing}
      <p class="vh" role="status">${this.loading ? msg('Loading trends…') : ''}</p>
      ${t ? this.#renderTrends(t) : this.problem ? nothing : html`<p class="muted">${msg('Loading trends…')}</p>`}`;
  }

  #renderTrends(t: Trends) {
    const { locale } = this.settings;
    const total = t.all.mttx.incidents;
    const mix = t.all.actionMix;
    const severities = this.#severitySeries(t);
    return html`<ul class="cards summary" aria-label=${msg('Key figures')}>
        <li class="card"><span class="muted">${msg('Incidents')}</span><strong class="figure" data-figure="incidents">${total}</strong></li>
        <li class="card">
          <span class="muted">${msg('Recurrence rate')}</span>
          <strong class="figure" data-figure="recurrence">${percent(t.all.recurrence.rate, locale)}</strong>
          <span class="muted">${msg(str`${t.all.recurrence.recurrences} of ${t.all.recurrence.total} happened before`)}</span>
        </li>
        <li class="card">
          <span class="muted">${msg('Root-cause share of actions')}</span>
          <strong class="figure" data-figure="root-cause">${percent(mix.rootCauseShare, locale)}</strong>
          <span class="muted">${msg(str`${mix.byHorizon.short_term} short-term, ${mix.byHorizon.root_cause} root-cause`)}</span>
        </li>
        <li class="card">
          <span class="muted">${msg('Overdue actions')}</span>
          <strong class="figure" data-figure="overdue">${t.overdue.length}</strong>
          <span class="muted">${msg(str`of ${t.openActions} open`)}</span>
        </li>
        <li class="card">
          <span class="muted">${msg('Median time to resolve')}</span>
          <strong class="figure">${duration(t.all.mttx.timeToResolve.median, locale)}</strong>
        </li>
      </ul>

      <section aria-labelledby="weekly-title">
        <h2 id="weekly-title">${msg('Incidents per week by severity')}</h2>
        <p class="legend">${severities.map((s) => html`<span class="key ${s.className}"><svg aria-hidden="true" width="12" height="12"><g class="ct-series"><line class="ct-bar" x1="6" x2="6" y1="0" y2="12"></line></g></svg> ${s.name}</span>`)}</p>
        <div id="weekly-chart" class="chart" role="img" aria-label=${msg(str`${total} incidents over ${t.all.weeks.length} weeks; the table below has the numbers.`)}></div>
        <details>
          <summary>${msg('The numbers')}</summary>
          <table class="responsive">
            <thead><tr><th scope="col">${msg('Week')}</th>${severities.map((s) => html`<th scope="col">${s.name}</th>`)}<th scope="col">${msg('Total')}</th></tr></thead>
            <tbody>
              ${t.all.weeks.map(
                (w, i) => html`<tr>
                  <th scope="row">${w.week}</th>
                  ${severities.map((s) => html`<td data-label=${s.name}>${s.data[i]}</td>`)}
                  <td data-label=${msg('Total')}>${w.total}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </details>
      </section>

      <section aria-labelledby="mttx-title">
        <h2 id="mttx-title">${msg('MTTx over time (median hours)')}</h2>
        <p class="legend">${this.#mttxSeries(t).map((s) => html`<span class="key ${s.className}"><svg aria-hidden="true" width="16" height="8"><g class="ct-series"><line class="ct-line" x1="0" x2="16" y1="4" y2="4"></line></g></svg> ${s.name}</span>`)}</p>
        <div id="mttx-chart" class="chart" role="img" aria-label=${msg('Median times to acknowledge, mitigate and resolve per period; the table below has the numbers.')}></div>
        <details>
          <summary>${msg('The numbers')}</summary>
          <table class="responsive">
            <thead>
              <tr>
                <th scope="col">${msg('From')}</th><th scope="col">${msg('Incidents')}</th>
                <th scope="col">${msg('Acknowledge')}</th><th scope="col">${msg('Mitigate')}</th><th scope="col">${msg('Resolve')}</th>
                <th scope="col">${msg('Recurrences')}</th>
              </tr>
            </thead>
            <tbody>
              ${t.periods.map(
                (p) => html`<tr>
                  <th scope="row">${dateOnly(p.from, locale)}</th>
                  <td data-label=${msg('Incidents')}>${p.metrics.mttx.incidents}</td>
                  <td data-label=${msg('Acknowledge')}>${duration(p.metrics.mttx.timeToAcknowledge.median, locale)}</td>
                  <td data-label=${msg('Mitigate')}>${duration(p.metrics.mttx.timeToMitigate.median, locale)}</td>
                  <td data-label=${msg('Resolve')}>${duration(p.metrics.mttx.timeToResolve.median, locale)}</td>
                  <td data-label=${msg('Recurrences')}>${p.metrics.recurrence.recurrences} (${percent(p.metrics.recurrence.rate, locale)})</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </details>
      </section>

      <section aria-labelledby="mix-title">
        <h2 id="mix-title">${msg('Short-term fixes and root-cause work')}</h2>
        ${mix.total === 0
          ? html`<p class="muted">${msg('No prevention actions in this range.')}</p>`
          : html`<div class="mix" role="img" aria-label=${msg(str`${mix.byHorizon.short_term} short-term, ${mix.byHorizon.root_cause} root-cause actions`)}>
                <span class="short" style=${`flex-grow:${mix.byHorizon.short_term}`}></span><span class="root" style=${`flex-grow:${mix.byHorizon.root_cause}`}></span>
              </div>
              <ul class="plain kinds">
                ${Object.entries(mix.byKind).map(([kind, n]) => html`<li>${actionKindWord(kind as never)}: <strong>${n}</strong></li>`)}
              </ul>`}
      </section>

      <section aria-labelledby="overdue-title">
        <h2 id="overdue-title">${msg('Overdue actions')}</h2>
        ${t.overdue.length === 0
          ? html`<p class="muted">${msg('No open action is past its due date.')}</p>`
          : html`<ul class="plain">
              ${t.overdue.slice(0, 20).map(
                (o) => html`<li>
                  <a href=${routeHref({ view: 'prevention', query: { incident: o.action.incidentIds[0] ?? '' } })}>${o.action.title}</a>
                  <span class="badge">${msg(str`${o.daysOverdue} days overdue`)}</span>
                </li>`,
              )}
            </ul>
            ${t.overdue.length > 20 ? html`<p class="muted">${msg(str`and ${t.overdue.length - 20} more`)}</p>` : nothing}`}
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-trends': PortalTrends;
  }
}
