/**
 * The markup of `<hansei-incident-feed>`, as a pure function of what it shows, so the status page
 * renders the very same on the server (Lit SSR, no JavaScript in the page): the open incidents
 * with all their updates, and one month of history. Readable without JavaScript: update messages
 * are Markdown rendered without ever parsing HTML, postmortem summaries open with a native
 * `<details>`, and the month pager is made of links when the page gives `monthHrefTemplate`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { Id, Incident, PostmortemSummary } from '@hansei/core';
import { renderMarkdown } from '../internal/markdown.js';
import { statusIcon, type StatusTone } from '../internal/status-icons.js';
import { instant, type TimeContext } from '../internal/status-time.js';
import { timeTemplate } from '../internal/status-view.js';
import { componentStatusWords, incidentStatusWords } from '../internal/status-words.js';
import { monthLabel, shiftMonth, type Month } from './months.js';
import { impactWords } from './words.js';

/** One month of history. */
export interface FeedMonth {
  readonly month: Month;
  /** The month's incidents read so far, most recently started first. */
  readonly incidents: readonly Incident[];
  /** More of the month's incidents can be read ("Show more"). */
  readonly more: boolean;
}

/** What the feed shows. */
export interface IncidentFeedData {
  /** Open incidents, most recently started first; null when not shown (see the context's notes). */
  readonly open: readonly Incident[] | null;
  /** The month of history shown; null when not shown. */
  readonly history: FeedMonth | null;
  /** Component names by id, for the affected components. */
  readonly components: ReadonlyMap<Id, string>;
  /** Published postmortem summaries by incident id. */
  readonly postmortems: ReadonlyMap<Id, PostmortemSummary>;
}

/** What the feed is: open incidents, history, or both. */
export type FeedView = 'all' | 'open' | 'history';

/** How to render it. */
export interface IncidentFeedContext extends TimeContext {
  /** Which sections (default `all`). */
  readonly view?: FeedView;
  /** Level of the section headings (default 2); incident titles are one below. */
  readonly headingLevel?: number;
  /** Incident links: `{id}` is replaced by the id, e.g. `/incidents/{id}`; without it titles are not links. */
  readonly hrefTemplate?: string | null | undefined;
  /** Month links, e.g. `/history?month={month}`: the pager is made of links (works without script). */
  readonly monthHrefTemplate?: string | null | undefined;
  /** The pager is made of buttons the live element handles (when there are no month links). */
  readonly interactive?: boolean;
  /** The latest month that may be shown: no "Newer" beyond it. */
  readonly latestMonth: Month;
  /** The earliest month that may be shown: no "Older" before it (default: none, always "Older"). */
  readonly earliestMonth?: Month | null | undefined;
  /** Shown instead of the open incidents while `data.open` is null (loading, error). */
  readonly openNote?: TemplateResult | typeof nothing;
  /** Shown instead of (or, with `data.history`, under) the month's incidents (loading, error). */
  readonly historyNote?: TemplateResult | typeof nothing;
}

/** The link of incident `id` from `template` (`{id}` replaced), or null without a template. */
export function incidentHref(template: string | null | undefined, id: Id): string | null {
  return template ? template.replaceAll('{id}', encodeURIComponent(id)) : null;
}

/** The link of `month` from `template` (`{month}` replaced), or null without a template. */
export function monthHref(template: string | null | undefined, month: Month): string | null {
  return template ? template.replaceAll('{month}', month) : null;
}

/** The tone an impact is drawn in. */
function impactTone(impact: string): StatusTone {
  return impact === 'minor' || impact === 'major' || impact === 'critical' ? impact : 'unknown';
}

function time(iso: string, ctx: TimeContext): TemplateResult | typeof nothing {
  const at = instant(iso);
  return Number.isFinite(at) ? timeTemplate(iso, ctx, 'datetime') : nothing;
}

function heading(level: number, content: unknown, cls: string, id?: string): TemplateResult {
  return html`<div role="heading" aria-level=${Math.min(6, level)} class=${cls} id=${ifDefined(id)}>${content}</div>`;
}

/**
 * The components an incident affects, named from the map (else from its updates), as a list in
 * the locale's words ("A, B, and C"), each with its status when `withStatus`.
 */
function affected(incident: Incident, data: IncidentFeedData, ctx: TimeContext, withStatus: boolean): TemplateResult | typeof nothing {
  const fromUpdates = new Map<Id, string>();
  for (const update of incident.updates ?? []) for (const c of update.affectedComponents ?? []) fromUpdates.set(c.componentId, c.name);
  const components = incident.components ?? [];
  if (components.length === 0) return nothing;
  const items = components.map((c) => {
    const name = data.components.get(c.componentId) ?? fromUpdates.get(c.componentId) ?? c.componentId;
    return withStatus ? html`${name} <span class="muted">(${componentStatusWords(c.status)})</span>` : html`${name}`;
  });
  // The locale's separators between the items, as Intl.ListFormat places them.
  const parts = new Intl.ListFormat(ctx.locale, { type: 'conjunction' }).formatToParts(items.map((_, i) => String(i)));
  return html`<p class="affected" part="affected">
    <span class="label">${msg('Affected:', { id: 'incident-feed.affected', desc: 'Incident feed: before the list of affected components' })}</span>
    <span>${parts.map((p) => (p.type === 'element' ? items[Number(p.value)] : p.value))}</span>
  </p>`;
}

function postmortemTemplate(summary: PostmortemSummary | undefined, ctx: TimeContext, open = false): TemplateResult | typeof nothing {
  if (!summary) return nothing;
  return html`<details class="postmortem" part="postmortem" ?open=${open}>
    <summary>${msg(str`Postmortem: ${summary.title}`, { id: 'incident-feed.postmortem', desc: 'Incident feed: opens the public summary of a published postmortem' })}</summary>
    <div class="markdown">${renderMarkdown(summary.publicSummary)}</div>
    <p class="muted">${msg(html`Published ${time(summary.publishedAt, ctx)}`, { id: 'incident-feed.postmortem-published', desc: 'Incident feed: when the postmortem was published' })}</p>
  </details>`;
}

function titleTemplate(incident: Incident, ctx: IncidentFeedContext, level: number): TemplateResult {
  const href = incidentHref(ctx.hrefTemplate, incident.id);
  return heading(level, href ? html`<a part="incident-link" href=${href}>${incident.title}</a>` : incident.title, 'title');
}

function impactTemplate(incident: Incident): TemplateResult {
  return html`<span class="state tone-${impactTone(incident.impact)}">${statusIcon(impactTone(incident.impact))}<span part="impact">${impactWords(incident.impact)}</span></span>`;
}

function updateTemplate(update: Incident['updates'][number], ctx: TimeContext): TemplateResult {
  return html`<li class="update" part="update">
    <p class="update-head"><strong part="update-status">${incidentStatusWords(update.status)}</strong> ${time(update.displayAt || update.createdAt, ctx)}</p>
    <div class="markdown" part="message">${renderMarkdown(update.body)}</div>
  </li>`;
}

/** An open incident: title, impact, affected components with their status, every update (newest first). */
function openIncidentTemplate(incident: Incident, data: IncidentFeedData, ctx: IncidentFeedContext, level: number): TemplateResult {
  return html`<li class="incident tone-${impactTone(incident.impact)}" part="incident">
    ${titleTemplate(incident, ctx, level)}
    <p class="meta">${impactTemplate(incident)}</p>
    ${affected(incident, data, ctx, true)}
    <ol class="updates" part="updates" role="list">
      ${(incident.updates ?? []).map((u) => updateTemplate(u, ctx))}
    </ol>
    ${postmortemTemplate(data.postmortems.get(incident.id), ctx)}
  </li>`;
}

/** A past incident: title, impact, when, affected components, its latest update, the postmortem's summary. */
function pastIncidentTemplate(incident: Incident, data: IncidentFeedData, ctx: IncidentFeedContext, level: number): TemplateResult {
  const latest = incident.updates?.[0];
  const started = instant(incident.startedAt);
  // When it started (and ended), in the viewer's zone, with the zone's name.
  const resolved = instant(incident.resolvedAt);
  const when = Number.isFinite(started) ? timeTemplate(started, ctx, 'window', Number.isFinite(resolved) ? resolved : started) : nothing;
  return html`<li class="incident tone-${impactTone(incident.impact)}" part="incident">
    ${titleTemplate(incident, ctx, level)}
    <p class="meta">${impactTemplate(incident)}<span class="muted">${when}</span></p>
    ${affected(incident, data, ctx, false)}
    ${latest ? html`<ol class="updates" part="updates" role="list">${updateTemplate(latest, ctx)}</ol>` : nothing}
    ${postmortemTemplate(data.postmortems.get(incident.id), ctx)}
  </li>`;
}

/**
 * One incident on a page of its own (whose heading, the title, the page gives): impact, status,
 * when it started and ended, the affected components with their status, every public update
 * (newest first) and the published postmortem's public summary, open.
 */
export function incidentDetailTemplate(incident: Incident, data: Pick<IncidentFeedData, 'components' | 'postmortems'>, ctx: TimeContext): TemplateResult {
  const started = instant(incident.startedAt);
  const resolved = instant(incident.resolvedAt);
  const feed: IncidentFeedData = { ...data, open: null, history: null };
  return html`<div class="base" part="base">
    <article class="incident tone-${impactTone(incident.impact)}" part="incident">
      <p class="meta">
        ${impactTemplate(incident)}<strong part="status">${incidentStatusWords(incident.status)}</strong>
        ${Number.isFinite(started) ? html`<span class="muted">${timeTemplate(started, ctx, 'window', Number.isFinite(resolved) ? resolved : started)}</span>` : nothing}
      </p>
      ${affected(incident, feed, ctx, true)}
      <ol class="updates" part="updates" role="list">
        ${(incident.updates ?? []).map((u) => updateTemplate(u, ctx))}
      </ol>
      ${postmortemTemplate(data.postmortems.get(incident.id), ctx, true)}
    </article>
  </div>`;
}

function pagerButton(kind: 'older' | 'newer', month: Month, enabled: boolean, ctx: IncidentFeedContext): TemplateResult | typeof nothing {
  const label = monthLabel(month, ctx.locale);
  const words =
    kind === 'older'
      ? msg('Older', { id: 'incident-feed.older', desc: 'Incident feed: shows the month before' })
      : msg('Newer', { id: 'incident-feed.newer', desc: 'Incident feed: shows the month after' });
  const content = html`${kind === 'older' ? html`<span aria-hidden="true">‹ </span>` : nothing}${words}<span class="vh">: ${label}</span>${kind === 'newer'
      ? html`<span aria-hidden="true"> ›</span>`
      : nothing}`;
  const href = monthHref(ctx.monthHrefTemplate, month);
  if (href) return enabled ? html`<a class="page ${kind}" part="pager-link" href=${href}>${content}</a>` : nothing;
  if (!ctx.interactive) return nothing;
  return html`<button type="button" class="page ${kind}" part="button" data-month=${month} aria-disabled=${enabled ? 'false' : 'true'}>${content}</button>`;
}

function historyTemplate(data: IncidentFeedData, ctx: IncidentFeedContext, level: number): TemplateResult {
  const history = data.history;
  const month = history?.month ?? ctx.latestMonth;
  const label = monthLabel(month, ctx.locale);
  return html`<section class="section history" part="history" aria-labelledby="history-heading">
    ${heading(level, msg('Incident history', { id: 'incident-feed.history', desc: 'Incident feed: heading of past incidents by month' }), 'section-heading', 'history-heading')}
    <div class="pager" part="pager">
      ${pagerButton('older', shiftMonth(month, -1), !ctx.earliestMonth || month > ctx.earliestMonth, ctx)}
      ${heading(level + 1, label, 'month')}
      ${pagerButton('newer', shiftMonth(month, 1), month < ctx.latestMonth, ctx)}
    </div>
    ${history
      ? history.incidents.length > 0
        ? html`<ol class="incidents" part="incidents" role="list">
            ${history.incidents.map((i) => pastIncidentTemplate(i, data, ctx, level + 2))}
          </ol>`
        : html`<p class="empty" part="empty">${msg(str`No incidents reported in ${label}.`, { id: 'incident-feed.month-empty', desc: 'Incident feed: a month without incidents, e.g. "No incidents reported in November 2026."' })}</p>`
      : nothing}
    ${ctx.historyNote ?? nothing}
    ${history?.more && ctx.interactive
      ? html`<button type="button" class="more" part="button">${msg('Show more incidents', { id: 'incident-feed.more', desc: 'Incident feed: reads more incidents of the month' })}</button>`
      : nothing}
  </section>`;
}

function openTemplate(data: IncidentFeedData, ctx: IncidentFeedContext, level: number): TemplateResult {
  return html`<section class="section open" part="open" aria-labelledby="open-heading">
    ${heading(level, msg('Current incidents', { id: 'incident-feed.open', desc: 'Incident feed: heading of the incidents not yet resolved' }), 'section-heading', 'open-heading')}
    ${data.open === null
      ? (ctx.openNote ?? nothing)
      : data.open.length > 0
        ? html`<ol class="incidents" part="incidents" role="list">${data.open.map((i) => openIncidentTemplate(i, data, ctx, level + 1))}</ol>`
        : html`<p class="empty" part="empty">${msg('No incidents right now.', { id: 'incident-feed.none-open', desc: 'Incident feed: nothing is open' })}</p>`}
  </section>`;
}

/**
 * The feed of `data`: the open incidents with every update, then a month of history with its
 * pager ("Older", "Newer"), as `ctx.view` asks.
 */
export function incidentFeedTemplate(data: IncidentFeedData, ctx: IncidentFeedContext): TemplateResult {
  const view = ctx.view ?? 'all';
  const level = Math.min(6, Math.max(1, Math.floor(ctx.headingLevel ?? 2)));
  return html`<div class="base" part="base">
    ${view !== 'history' ? openTemplate(data, ctx, level) : nothing}
    ${view !== 'open' ? historyTemplate(data, ctx, level) : nothing}
  </div>`;
}
