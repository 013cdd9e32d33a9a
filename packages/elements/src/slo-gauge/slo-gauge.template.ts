/**
 * The markup of `<hansei-slo-gauge>`, as a pure function of what it shows: the element renders it
 * in the browser (and adds the incident markers' details on focus, hover and tap), and a page can
 * render the same on the server, readable without JavaScript.
 *
 * Computed styles go through `styleProps` (the CSSOM), never a `style="..."` attribute: a page
 * whose Content-Security-Policy forbids inline styles (no 'unsafe-inline') blocks those.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Id } from '@hansei/core';
import { statusIcon } from '../internal/status-icons.js';
import { styleProps } from '../internal/style-props.js';
import { missingTemplate } from '../internal/status-view.js';
import type { TimeContext } from '../internal/status-time.js';
import { CHART_HEIGHT, CHART_WIDTH, sloGaugeModel, type IncidentRow, type SloGaugeData, type SloGaugeModel } from './model.js';

/**
 * What the gauge shows:
 * - `missing`: neither data nor an adapter;
 * - `no-id`: an adapter but no `slo-id` to read;
 * - `loading`: the first read has not answered;
 * - `error`: it failed (with the adapter's error kind) and there is nothing to show;
 * - `ready`: a report to show; `asOf` is set when it is an earlier one because reading a fresh
 *   one failed.
 */
export type SloGaugeView =
  | { readonly state: 'missing' }
  | { readonly state: 'no-id' }
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly kind: string }
  | { readonly state: 'ready'; readonly data: SloGaugeData; readonly asOf: Date | null };

/** How to draw it besides the data. */
export interface SloGaugeContext extends TimeContext {
  /** `full` (default): figures, chart, incidents, burn rates; `compact`: one line. */
  readonly size: 'full' | 'compact';
  /** Link of an incident: `{id}` is replaced by its id. Null: titles are not links. */
  readonly hrefTemplate: string | null;
  /** The incident whose marker's detail is open (in the browser), or null. */
  readonly open: Id | null;
  /** What "Try again" calls; without it (on the server) there is no button. */
  readonly onRetry?: () => void;
}

function hrefOf(template: string | null, id: Id): string | null {
  return template ? template.replaceAll('{id}', encodeURIComponent(id)) : null;
}

function titleTemplate(row: IncidentRow, ctx: SloGaugeContext): TemplateResult {
  const href = hrefOf(ctx.hrefTemplate, row.id);
  const text = row.titled ? row.label : html`<code>${row.label}</code>`;
  return href ? html`<a part="incident-link" href=${href}>${text}</a>` : html`<span class="incident-title">${text}</span>`;
}

function errorWords(kind: string): string {
  switch (kind) {
    case 'not_found':
      return msg('There is no SLO with this id.', { id: 'slo-gauge.not-found', desc: 'SLO gauge: the adapter has no SLO with the slo-id given' });
    case 'unauthorized':
      return msg('Sign in to see this SLO.', { id: 'slo-gauge.unauthorized', desc: 'SLO gauge: reading needs a signed-in person' });
    case 'forbidden':
      return msg('You do not have access to this SLO.', { id: 'slo-gauge.forbidden', desc: 'SLO gauge: the reader may not read SLOs' });
    case 'unsupported':
      return msg('This data source has no SLOs.', { id: 'slo-gauge.unsupported', desc: 'SLO gauge: the adapter has no SLO reads (e.g. a Statuspage page)' });
    default:
      return msg('The SLO could not be loaded. Check your connection and try again.', { id: 'slo-gauge.error', desc: 'SLO gauge: reading the SLO failed' });
  }
}

/** The kinds of failure that trying again cannot fix. */
const FINAL = new Set(['not_found', 'unauthorized', 'forbidden', 'unsupported']);

function stateTemplate(view: SloGaugeView, ctx: SloGaugeContext): TemplateResult {
  switch (view.state) {
    case 'missing':
      return missingTemplate();
    case 'no-id':
      return html`<p part="state" class="state" role="note">
        ${msg('Set slo-id to the id of the SLO to show.', { id: 'slo-gauge.no-id', desc: 'SLO gauge: it has an adapter but no slo-id' })}
      </p>`;
    case 'loading':
      return html`<p part="state" class="state loading" role="status">${msg('Loading SLO…', { id: 'slo-gauge.loading', desc: 'SLO gauge: while the SLO is read' })}</p>`;
    default: {
      const kind = view.state === 'error' ? view.kind : '';
      return html`<div part="state error" class="state error" role="alert">
        ${statusIcon('unknown')}
        <p>${errorWords(kind)}</p>
        ${ctx.onRetry && !FINAL.has(kind)
          ? html`<button part="button" type="button" @click=${ctx.onRetry}>${msg('Try again', { id: 'slo-gauge.retry', desc: 'SLO gauge: button to read the SLO again' })}</button>`
          : nothing}
      </div>`;
    }
  }
}

function asOfTemplate(asOf: Date, ctx: SloGaugeContext): TemplateResult {
  const time = new Intl.DateTimeFormat(ctx.locale, { hour: 'numeric', minute: '2-digit', timeZone: ctx.timeZone }).format(asOf);
  return html`<p part="as-of" class="as-of" role="status">
    ${statusIcon('unknown')}
    <span>${msg(str`Showing the report from ${time}: it could not be refreshed just now.`, { id: 'slo-gauge.as-of', desc: 'SLO gauge: the report shown is an earlier one; the time it was read' })}</span>
  </p>`;
}

/** The alert in words and icon: "Page: the error budget is burning fast; act now." */
function alertTemplate(model: SloGaugeModel, detail: boolean): TemplateResult {
  return html`<p part="alert" class="alert tone-${model.alertTone}" role="status">
    ${statusIcon(model.alertTone)}<span class="alert-word">${model.alertWord}</span>${detail
      ? html`<span class="alert-detail">: ${model.alertDetail}</span>`
      : nothing}
  </p>`;
}

function barTemplate(model: SloGaugeModel): TemplateResult {
  return html`<span part="budget-bar" class="bar ${model.budget.state}" aria-hidden="true"
    ><span class="fill" style=${styleProps({ 'inline-size': `${(model.budget.fill * 100).toFixed(1)}%` })}></span
  ></span>`;
}

/** One line: name, attainment, budget left, alert. */
function compactTemplate(model: SloGaugeModel, view: Extract<SloGaugeView, { state: 'ready' }>, ctx: SloGaugeContext): TemplateResult {
  const { attainment, budget } = model;
  const value = attainment.value ?? msg('no data', { id: 'slo-gauge.rate-none', desc: 'A burn rate over a window with no events' });
  return html`<div part="base" class="base compact alert-${model.alert} budget-${budget.state}">
    <p class="line">
      <span part="name" class="name">${model.name}</span>
      <span part="attainment" class="attainment tone-${attainment.tone}"
        >${msg(str`${value} of ${attainment.objective}`, { id: 'slo-gauge.compact-attainment', desc: 'Compact SLO gauge: attainment, then the objective ("99.87% of 99.9%")' })}</span
      >
      <span part="budget" class="budget tone-${budget.tone}">
        ${budget.state === 'overspent' || budget.state === 'exhausted' ? statusIcon('critical') : nothing}
        ${budget.state === 'overspent'
          ? msg(str`Budget overspent (${budget.value})`, { id: 'slo-gauge.compact-overspent', desc: 'Compact SLO gauge: the budget is below zero; the share' })
          : msg(str`${budget.value} budget left`, { id: 'slo-gauge.compact-budget', desc: 'Compact SLO gauge: the share of the error budget left' })}
      </span>
      ${alertTemplate(model, false)}
    </p>
    ${barTemplate(model)} ${view.asOf ? asOfTemplate(view.asOf, ctx) : nothing}
  </div>`;
}

function figuresTemplate(model: SloGaugeModel): TemplateResult {
  const { attainment, budget, exhaustion } = model;
  return html`<dl part="figures" class="figures">
    <div part="figure attainment" class="figure">
      <dt>${msg('Attainment', { id: 'slo-gauge.attainment', desc: 'SLO gauge: the share of good events or slices in the window' })}</dt>
      <dd>
        <span class="value">${attainment.value ?? '—'}</span>
        <span class="sub">${msg(str`Objective ${attainment.objective}`, { id: 'slo-gauge.objective', desc: 'SLO gauge: the objective, a percentage' })}</span>
        <span class="verdict tone-${attainment.tone}">${statusIcon(attainment.tone)}${attainment.verdict}</span>
      </dd>
    </div>
    <div part="figure budget" class="figure">
      <dt>${msg('Error budget left', { id: 'slo-gauge.budget', desc: 'SLO gauge: the share of the error budget not yet spent' })}</dt>
      <dd>
        <span class="value">${budget.value}</span>
        ${barTemplate(model)}
        <span class="sub">${budget.amount}</span>
        ${budget.stateWord ? html`<span class="verdict tone-${budget.tone}">${statusIcon(budget.tone)}${budget.stateWord}</span>` : nothing}
      </dd>
    </div>
    <div part="figure exhaustion" class="figure">
      <dt>${msg('Budget runs out', { id: 'slo-gauge.exhaustion', desc: 'SLO gauge: when the error budget will be gone at the current burn rate' })}</dt>
      <dd>
        <span class="value">${exhaustion.value}</span>
        <span class="sub"
          >${exhaustion.detail}${exhaustion.at !== null && exhaustion.atText !== null
            ? html` · <time datetime=${new Date(exhaustion.at).toISOString()}>${exhaustion.atText}</time>`
            : nothing}</span
        >
      </dd>
    </div>
  </dl>`;
}

function markerTemplate(row: IncidentRow, ctx: SloGaugeContext): TemplateResult {
  const open = ctx.open === row.id;
  return html`<button
    part="marker"
    class="marker"
    type="button"
    style=${styleProps({ '--_x': String(row.from) })}
    data-id=${row.id}
    aria-expanded=${open ? 'true' : 'false'}
    aria-controls="incident-detail"
  >
    <span class="visually-hidden">${msg('Incident', { id: 'slo-gauge.incident', desc: 'Before the number of an incident marker on the SLO chart' })} </span>${row.n}<span
      class="visually-hidden"
      >: ${row.label}</span
    >
  </button>`;
}

/** The open marker's details, right after it (so Tab goes from the marker into its links). */
function detailTemplate(row: IncidentRow, ctx: SloGaugeContext): TemplateResult {
  return html`<div part="incident-detail" id="incident-detail" class="detail" style=${styleProps({ '--_x': String(row.from) })}>
    <p class="detail-title"><span class="number" aria-hidden="true">${row.n}</span> ${titleTemplate(row, ctx)}</p>
    <p>${row.share} · ${row.amount}</p>
    ${row.when ? html`<p class="muted">${row.when}</p>` : nothing}
  </div>`;
}

function chartTemplate(model: SloGaugeModel, ctx: SloGaugeContext): TemplateResult {
  const { chart } = model;
  const pct = (y: number) => ((y / CHART_HEIGHT) * 100).toFixed(2);
  const marked = model.incidents.filter((r) => r.from !== null);
  return html`<figure part="chart" class="chart">
    <figcaption class="chart-title">${msg('Error budget over the window', { id: 'slo-gauge.chart-title', desc: 'Title of the SLO budget burndown chart' })}</figcaption>
    <div class="plot">
      <svg part="chart-image" role="img" aria-label=${chart.summary} viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" preserveAspectRatio="none">
        ${svg`<defs>
          <clipPath id="above"><rect x="0" y="0" width=${CHART_WIDTH} height=${chart.zeroY}></rect></clipPath>
          <clipPath id="below"><rect x="0" y=${chart.zeroY} width=${CHART_WIDTH} height=${Math.max(0, CHART_HEIGHT - chart.zeroY)}></rect></clipPath>
        </defs>
        ${marked.map(
          (r) =>
            svg`<rect class="band" x=${((r.from! / 100) * CHART_WIDTH).toFixed(2)} y="0" width=${Math.max(1, ((r.to! - r.from!) / 100) * CHART_WIDTH).toFixed(2)} height=${CHART_HEIGHT}></rect>`,
        )}
        <line class="full" x1="0" x2=${CHART_WIDTH} y1=${chart.fullY} y2=${chart.fullY}></line>
        <polygon class="area ok" clip-path="url(#above)" points=${chart.area}></polygon>
        <polygon class="area over" clip-path="url(#below)" points=${chart.area}></polygon>
        <line class="zero" x1="0" x2=${CHART_WIDTH} y1=${chart.zeroY} y2=${chart.zeroY}></line>
        ${chart.nowInside ? svg`<line class="now" x1=${chart.nowX} x2=${chart.nowX} y1="0" y2=${CHART_HEIGHT}></line>` : nothing}
        <polyline class="line" points=${chart.line}></polyline>`}
      </svg>
      <span class="y-label" style=${styleProps({ top: `${pct(chart.fullY)}%` })} aria-hidden="true">${chart.fullLabel}</span>
      <span class="y-label" style=${styleProps({ top: `${pct(chart.zeroY)}%` })} aria-hidden="true">${chart.zeroLabel}</span>
      ${chart.bottomLabel ? html`<span class="y-label bottom" aria-hidden="true">${chart.bottomLabel}</span>` : nothing}
      ${marked.length > 0
        ? html`<div class="markers">
            ${marked.map((r) => html`${markerTemplate(r, ctx)}${ctx.open === r.id ? detailTemplate(r, ctx) : nothing}`)}
            ${marked.some((r) => r.id === ctx.open) ? nothing : html`<div id="incident-detail" hidden></div>`}
          </div>`
        : nothing}
    </div>
    <div class="x-axis" aria-hidden="true">
      <span>${chart.startLabel}</span>
      ${chart.nowInside ? html`<span class="now-label" style=${styleProps({ '--_x': ((chart.nowX / CHART_WIDTH) * 100).toFixed(2) })}>${msg('Now', { id: 'slo-gauge.now', desc: 'Chart axis label: where the budget line ends' })}</span>` : nothing}
      <span>${chart.endLabel}</span>
    </div>
    <div class="visually-hidden">
      <table part="chart-table">
      <caption>${msg('Key figures of the chart', { id: 'slo-gauge.facts', desc: 'Caption of the visually hidden table that describes the budget chart' })}</caption>
      <tbody>
        ${chart.facts.map(([label, value]) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`)}
        </tbody>
      </table>
    </div>
  </figure>`;
}

function incidentsTemplate(model: SloGaugeModel, ctx: SloGaugeContext): TemplateResult {
  const title = msg('Incidents that spent budget', { id: 'slo-gauge.incidents-title', desc: 'Title of the list of incidents that spent error budget' });
  if (model.incidents.length === 0) {
    return html`<p part="incidents" class="incidents-none muted">
      ${msg('No incidents spent budget in this window.', { id: 'slo-gauge.chart-no-incidents', desc: 'Text alternative of the budget chart: no incidents' })}
    </p>`;
  }
  // A named group, not a <section>: a page with several gauges would repeat the same landmark.
  return html`<div role="group" part="incidents" class="incidents" aria-labelledby="incidents-title">
    <p class="section-title" id="incidents-title">${title}</p>
    <ol>
      ${model.incidents.map(
        (row) => html`<li part="incident" class="incident" data-id=${row.id}>
          <span class="number" aria-hidden="true">${row.n}</span>
          <span class="incident-text">
            ${titleTemplate(row, ctx)}
            <span class="incident-figures">${row.share} · ${row.amount}</span>
            ${row.when ? html`<span class="muted">${row.when}</span>` : nothing}
          </span>
        </li>`,
      )}
    </ol>
  </div>`;
}

function burnRatesTemplate(model: SloGaugeModel): TemplateResult {
  return html`<div role="group" part="burn-rates" class="burn-rates" aria-labelledby="burn-title">
    <p class="section-title" id="burn-title">${msg('Burn rates', { id: 'slo-gauge.burn-rates', desc: 'Title of the list of burn-rate window pairs' })}</p>
    <ul>
      ${model.burnRates.map(
        (row) => html`<li part="burn-rate${row.firing ? ' burn-rate-firing' : ''}" class="burn tone-${row.tone}${row.firing ? ' firing' : ''}">
          <p class="burn-head">
            <span class="burn-severity">${row.severityWord}</span>
            <span class="burn-state tone-${row.tone}">${statusIcon(row.tone)}${row.stateWord}</span>
          </p>
          <p>${row.rates}</p>
          <p class="muted">${row.threshold}</p>
        </li>`,
      )}
    </ul>
  </div>`;
}

function fullTemplate(model: SloGaugeModel, view: Extract<SloGaugeView, { state: 'ready' }>, ctx: SloGaugeContext): TemplateResult {
  return html`<article part="base" class="base full alert-${model.alert} budget-${model.budget.state}" aria-labelledby="name">
    <header class="header">
      <p part="name" class="name" id="name">${model.name}</p>
      ${alertTemplate(model, true)}
    </header>
    <p part="window" class="window muted">${model.window} · ${model.method}</p>
    ${view.asOf ? asOfTemplate(view.asOf, ctx) : nothing} ${figuresTemplate(model)} ${chartTemplate(model, ctx)} ${incidentsTemplate(model, ctx)}
    ${burnRatesTemplate(model)}
  </article>`;
}

/**
 * The gauge: in `ready`, the full card (name, alert in words and icon, window, attainment against
 * the objective, budget left with its amount, when it runs out, the budget-over-the-window chart
 * with its incidents marked and its text alternative, the incidents listed, the burn rate of each
 * window pair) or, with `size: 'compact'`, one line (name, attainment, budget left, alert);
 * otherwise the loading, error or missing state.
 */
export function sloGaugeTemplate(view: SloGaugeView, ctx: SloGaugeContext): TemplateResult {
  if (view.state !== 'ready') return stateTemplate(view, ctx);
  const model = sloGaugeModel(view.data, ctx);
  return ctx.size === 'compact' ? compactTemplate(model, view, ctx) : fullTemplate(model, view, ctx);
}
