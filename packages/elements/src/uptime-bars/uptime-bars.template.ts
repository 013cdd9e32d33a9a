/**
 * The markup of `<hansei-uptime-bars>`, as a pure function of its model, so the status page can
 * render the very same markup on the server (Lit SSR, no JavaScript in the page).
 *
 * Readable without JavaScript: every day is a list item whose bar is named with the whole day in
 * words (date, uptime, time in each status, incidents): the live element names it with
 * `aria-label`; without the element, the same words are its `title`, which is both its accessible
 * name and the browser's own tooltip (saying them once halves the bytes of a server-rendered page
 * of bars). An attribute rather than visually hidden text: 1,800 hidden sentences cost the layout
 * three times as much. The
 * narrow layout (the last 30 days) comes from a container query, not from script. The element
 * adds the interactive parts on top: roving focus, the day's detail on hover, focus and tap.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { Id } from '@hansei/core';
import { componentStatusWords as componentStatusWord } from '../internal/status-words.js';
import type { BarDay, BarRow, UptimeBarsModel } from './model.js';

export type { UptimeBarsModel } from './model.js';
export { uptimeBarsModel } from './model.js';

/** How to render the model: what only the live element knows, plus links. */
export interface UptimeBarsContext {
  /** Incident links: `{id}` is replaced by the incident's id (e.g. `/incidents/{id}`); none when unset. */
  readonly hrefTemplate?: string | null | undefined;
  /** Rendered by the live element: bars say whether their detail is open (`aria-expanded`). */
  readonly interactive?: boolean;
  /** Per row, the day that takes the row's Tab stop (default: the last day). */
  readonly focus?: ReadonlyMap<Id, number>;
  /** The day whose detail is shown, if any. */
  readonly open?: { readonly rowId: Id; readonly index: number } | null;
  /** Show the legend (default true). */
  readonly legend?: boolean;
}

/** The link of incident `id` from `template` (`{id}` replaced), or null without a template. */
export function incidentHref(template: string | null | undefined, id: Id): string | null {
  return template ? template.replaceAll('{id}', encodeURIComponent(id)) : null;
}

const today = (): string => msg('Today', { id: 'uptime-bars.today', desc: 'Uptime bars: the right end of the bars' });
const daysAgo = (n: number): string => msg(str`${n} days ago`, { id: 'uptime-bars.days-ago', desc: 'Uptime bars: the left end of the bars, e.g. "90 days ago"' });
const lastDays = (n: number): string =>
  msg(str`daily uptime, last ${n} days`, { id: 'uptime-bars.last-days', desc: 'Uptime bars: names the list of bars after the component name, e.g. "Search, daily uptime, last 90 days"' });

function detailTemplate(day: BarDay, row: number, hrefTemplate: string | null | undefined): TemplateResult {
  return html`<div class="detail" part="detail" id="detail-${row}">
    <p class="detail-date">${day.dateText}</p>
    ${day.uptimeText ? html`<p class="detail-uptime">${day.uptimeText}</p>` : nothing}
    ${day.durations.length > 0
      ? html`<ul class="durations" role="list">
          ${day.durations.map(
            (d) => html`<li><span class="swatch ${d.status}" aria-hidden="true"></span>${componentStatusWord(d.status)}: ${d.text}</li>`,
          )}
        </ul>`
      : day.level === 'none'
        ? nothing
        : html`<p>${msg('No downtime recorded.', { id: 'uptime-bars.no-downtime', desc: 'Uptime bars: a day without any downtime' })}</p>`}
    ${day.incidents.length > 0
      ? html`<p class="detail-label">${msg('Related incidents', { id: 'uptime-bars.related', desc: 'Uptime bars: heading of the incidents of one day' })}</p>
          <ul class="incidents" role="list">
            ${day.incidents.map((incident) => {
              const title = incident.title ?? msg(str`Incident ${incident.id}`, { id: 'uptime-bars.untitled-incident', desc: 'Uptime bars: an incident whose title is not known' });
              const href = incidentHref(hrefTemplate, incident.id);
              return html`<li>${href ? html`<a part="incident-link" href=${href}>${title}</a>` : title}</li>`;
            })}
          </ul>`
      : nothing}
  </div>`;
}

function rowTemplate(row: BarRow, r: number, model: UptimeBarsModel, ctx: UptimeBarsContext): TemplateResult {
  const count = row.days.length;
  const firstNarrow = count - model.narrowDays;
  const chosen = ctx.focus?.get(row.id);
  const stop = chosen !== undefined && chosen >= 0 && chosen < count ? chosen : count - 1;
  const openIndex = ctx.open?.rowId === row.id ? ctx.open.index : -1;
  const openDay = row.days[openIndex];
  return html`<li class="row" part="row" data-row=${r}>
    <div class="head">
      <span class="name" part="name" id="name-${r}">${row.name}</span>
      <span class="uptime" part="uptime"
        ><span class="wide">${row.uptimeText}</span><span class="narrow">${row.narrowUptimeText}</span></span
      >
    </div>
    <span class="vh" id="days-${r}"><span class="wide">${lastDays(count)}</span><span class="narrow">${lastDays(Math.min(count, model.narrowDays))}</span></span>
    <div class="track">
      <ol class="bars" part="bars" role="list" aria-labelledby="name-${r} days-${r}">
        ${row.days.map(
          (day, i) =>
            html`<li class=${i < firstNarrow ? 'day old' : 'day'}>
              <button
                type="button"
                class="bar ${day.level}"
                part="bar bar-${day.level}"
                data-index=${i}
                tabindex=${i === stop ? 0 : -1}
                aria-expanded=${ifDefined(ctx.interactive ? (i === openIndex ? 'true' : 'false') : undefined)}
                aria-controls=${ifDefined(i === openIndex ? `detail-${r}` : undefined)}
                aria-label=${ifDefined(ctx.interactive ? day.label : undefined)}
                title=${ifDefined(ctx.interactive ? undefined : day.label)}
              ></button>
            </li>`,
        )}
      </ol>
      ${openDay ? detailTemplate(openDay, r, ctx.hrefTemplate) : nothing}
    </div>
    <div class="axis" part="axis" aria-hidden="true">
      <span class="wide">${daysAgo(count)}</span><span class="narrow">${daysAgo(Math.min(count, model.narrowDays))}</span>
      <span>${today()}</span>
    </div>
  </li>`;
}

/**
 * The uptime bars of `model` (see {@link uptimeBarsModel}): a list of components, each with its
 * uptime over the window and one bar per day, and a legend of the bars' colours and patterns.
 */
export function uptimeBarsTemplate(model: UptimeBarsModel, ctx: UptimeBarsContext = {}): TemplateResult {
  return html`<div class="base" part="base">
    <ul class="rows" part="rows" role="list">
      ${model.rows.map((row, r) => rowTemplate(row, r, model, ctx))}
    </ul>
    ${ctx.legend === false
      ? nothing
      : html`<ul class="legend" part="legend" role="list" aria-label=${msg('Legend', { id: 'uptime-bars.legend', desc: 'Uptime bars: names the legend of bar colours and patterns' })}>
          ${model.legend.map((entry) => html`<li><span class="swatch ${entry.level}" aria-hidden="true"></span>${entry.text}</li>`)}
        </ul>`}
  </div>`;
}
