/**
 * The main content of each page: the status elements' templates, each in its element's
 * declarative shadow root (see ssr.ts), framed by the page's own headings and sections. Called
 * inside `inLocale` (localize.ts): every word goes through `msg()`.
 *
 * The DOM is stable, for scripts and tests (docs/architecture.md lists it): `#status-summary`
 * (the banner; attribute `stale` while the page's script cannot reach the API), `#incidents`
 * (open incidents), `#maintenances`, `#components`, `#uptime`, `#incident`, `#maintenance`,
 * `#history`, each a `hansei-*` host whose shadow root holds the element's markup and parts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@hansei/core';
import { statusSummaryTemplate } from '@hansei/elements/status-summary/status-summary.template.js';
import { componentListTemplate } from '@hansei/elements/component-list/component-list.template.js';
import { maintenanceDetailTemplate, maintenanceListTemplate, shownMaintenances } from '@hansei/elements/maintenance-list/maintenance-list.template.js';
import { uptimeBarsModel, uptimeBarsTemplate } from '@hansei/elements/uptime-bars/uptime-bars.template.js';
import { incidentDetailTemplate, incidentFeedTemplate } from '@hansei/elements/incident-feed/incident-feed.template.js';
import { monthLabel } from '@hansei/elements/incident-feed/months.js';
import type { TimeContext } from '@hansei/elements/internal/status-time.js';
import type { StatusView as ElementView } from '@hansei/elements/internal/status-view.js';
import { hrefTemplates, statusHref } from '../routes.js';
import { UPTIME_DAYS, type PageData } from './data.js';
import { serverHtml, shadowHost, type ServerRenderedTemplate } from './ssr.js';
import { words } from './words.js';

/** How a page is rendered: its language, the time zone of its times (UTC), now. */
export interface ViewContext extends TimeContext {
  readonly locale: Locale;
  /** The oldest month history pages link to (no "Older" before it); none: always. */
  readonly earliestMonth?: string | null;
}

/** Days of uptime on narrow screens (the bars' container query shows only these below 480 px). */
const NARROW_DAYS = 30;

/** The banner, on every page: the state now, and the "as of" note the script shows when the API is out of reach. */
function summary(data: PageData, ctx: ViewContext): ServerRenderedTemplate {
  const generated = Date.parse(data.snapshot.generatedAt);
  const view: ElementView = { state: 'ready', snapshot: data.snapshot, asOf: new Date(Number.isFinite(generated) ? generated : ctx.now) };
  return shadowHost('hansei-status-summary', 'status-summary', statusSummaryTemplate(view, ctx));
}

function componentNames(data: PageData): ReadonlyMap<string, string> {
  return new Map(data.snapshot.components.map((c) => [c.id, c.name]));
}

function home(data: Extract<PageData, { view: 'home' }>, ctx: ViewContext): ServerRenderedTemplate {
  const links = hrefTemplates(ctx.locale);
  const ready: ElementView = { state: 'ready', snapshot: data.snapshot, asOf: null };
  const feed = incidentFeedTemplate(
    { open: data.snapshot.incidents, history: null, components: componentNames(data), postmortems: new Map() },
    { ...ctx, view: 'open', headingLevel: 2, hrefTemplate: links.incident, latestMonth: '9999-12' },
  );
  const maintenances = shownMaintenances(data.snapshot).length > 0;
  const uptime = data.uptime
    ? shadowHost(
        'hansei-uptime-bars',
        'uptime',
        uptimeBarsTemplate(uptimeBarsModel(data.uptime, { names: data.snapshot.components, titles: data.titles }, { locale: ctx.locale, narrowDays: NARROW_DAYS })),
      )
    : html`<p>${words.uptimeUnavailable()}</p>`;
  return serverHtml`${summary(data, ctx)}
    ${shadowHost('hansei-incident-feed', 'incidents', feed)}
    ${maintenances
      ? serverHtml`<section aria-labelledby="maintenance-heading"><h2 id="maintenance-heading">${words.maintenance()}</h2>${shadowHost(
          'hansei-maintenance-list',
          'maintenances',
          maintenanceListTemplate(ready, { ...ctx, headingLevel: 3, hrefTemplate: links.maintenance }),
        )}</section>`
      : nothing}
    <section aria-labelledby="components-heading"><h2 id="components-heading">${words.components()}</h2>${shadowHost('hansei-component-list', 'components', componentListTemplate(ready, ctx))}</section>
    <section aria-labelledby="uptime-heading"><h2 id="uptime-heading">${words.uptime(UPTIME_DAYS)}</h2>${uptime}
      <p class="more"><a href=${statusHref({ locale: ctx.locale, page: { view: 'history', month: null } })}>${words.historyLink()}</a></p></section>`;
}

/** The small line above a page's title that says what it is, linking back to the home page. */
function crumbs(label: string, ctx: ViewContext): ServerRenderedTemplate {
  return serverHtml`<p class="crumbs"><a href=${statusHref({ locale: ctx.locale, page: { view: 'home' } })}>${words.back()}</a> › ${label}</p>`;
}

function incident(data: Extract<PageData, { view: 'incident' }>, ctx: ViewContext): ServerRenderedTemplate {
  const postmortems = new Map(data.postmortem ? [[data.incident.id, data.postmortem]] : []);
  return serverHtml`${summary(data, ctx)}
    <div>${crumbs(words.incidentLabel(), ctx)}<h1>${data.incident.title}</h1></div>
    ${shadowHost('hansei-incident-feed', 'incident', incidentDetailTemplate(data.incident, { components: componentNames(data), postmortems }, ctx))}`;
}

function maintenance(data: Extract<PageData, { view: 'maintenance' }>, ctx: ViewContext): ServerRenderedTemplate {
  return serverHtml`${summary(data, ctx)}
    <div>${crumbs(words.maintenanceLabel(), ctx)}<h1>${data.maintenance.title}</h1></div>
    ${shadowHost('hansei-maintenance-list', 'maintenance', maintenanceDetailTemplate(data.maintenance, componentNames(data), ctx))}`;
}

function history(data: Extract<PageData, { view: 'history' }>, ctx: ViewContext): ServerRenderedTemplate {
  const links = hrefTemplates(ctx.locale);
  const feed = incidentFeedTemplate(
    { open: null, history: { month: data.month, incidents: data.incidents, more: false }, components: componentNames(data), postmortems: data.postmortems },
    { ...ctx, view: 'history', headingLevel: 1, hrefTemplate: links.incident, monthHrefTemplate: links.month, latestMonth: data.latestMonth, earliestMonth: ctx.earliestMonth },
  );
  return serverHtml`${summary(data, ctx)}${shadowHost('hansei-incident-feed', 'history', feed)}`;
}

function notFound(data: PageData, ctx: ViewContext): ServerRenderedTemplate {
  return serverHtml`${summary(data, ctx)}
    <div><h1>${words.notFound()}</h1><p>${words.notFoundBody()}</p>
    <p class="more"><a href=${statusHref({ locale: ctx.locale, page: { view: 'home' } })}>${words.back()}</a></p></div>`;
}

/** The main content of `data`'s page. */
export function mainContent(data: PageData, ctx: ViewContext): ServerRenderedTemplate {
  switch (data.view) {
    case 'home':
      return home(data, ctx);
    case 'incident':
      return incident(data, ctx);
    case 'maintenance':
      return maintenance(data, ctx);
    case 'history':
      return history(data, ctx);
    case 'not-found':
      return notFound(data, ctx);
  }
}

/** The month of a history page in words (for its title), else null. */
export function historyMonthLabel(data: PageData, locale: Locale): string | null {
  return data.view === 'history' ? monthLabel(data.month, locale) : null;
}

export type { TemplateResult };
