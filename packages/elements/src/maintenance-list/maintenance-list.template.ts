/**
 * The markup of `<hansei-maintenance-list>`, as a pure function of what it shows: the element
 * renders it in the browser, and the status page renders the same on the server.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Maintenance, MaintenanceUpdate, StatusSnapshot } from '@hansei/core';
import { statusIcon } from '../internal/status-icons.js';
import { formatMoment, formatRelative, instant, type TimeContext } from '../internal/status-time.js';
import { asOfTemplate, errorTemplate, loadingTemplate, missingTemplate, timeTemplate, type StatusTemplateContext, type StatusView } from '../internal/status-view.js';
import { maintenanceStatusWords } from '../internal/status-words.js';

/** The template context of the maintenance list: the status one, and the level of the titles' headings. */
export interface MaintenanceTemplateContext extends StatusTemplateContext {
  /** `aria-level` of each maintenance's title (default 3). */
  readonly headingLevel?: number;
  /** Maintenance links: `{id}` is replaced by the maintenance's id (e.g. `/maintenances/{id}/`); without it titles are not links. */
  readonly hrefTemplate?: string | null | undefined;
}

const ACTIVE = new Set(['in_progress', 'verifying']);

/**
 * The maintenances the list shows, in the order it shows them: those under way (in progress,
 * verifying) first, then the scheduled ones; each part soonest window first. Completed ones (and
 * statuses the kit does not know) are left out.
 */
export function shownMaintenances(snapshot: Pick<StatusSnapshot, 'maintenances'>): Maintenance[] {
  const start = (m: Maintenance) => instant(m.scheduledFor);
  return (snapshot.maintenances ?? [])
    .filter((m) => m.status === 'scheduled' || ACTIVE.has(m.status))
    .sort((a, b) => Number(ACTIVE.has(b.status)) - Number(ACTIVE.has(a.status)) || start(a) - start(b));
}

/** When, relative to now: "Starts in 2 days" before a window, "Until 2:00 PM" during one. */
function whenWords(maintenance: Maintenance, ctx: TimeContext): string {
  const from = instant(maintenance.scheduledFor);
  const until = instant(maintenance.scheduledUntil);
  if (ACTIVE.has(maintenance.status)) {
    if (Number.isNaN(until)) return '';
    const time = formatMoment(until, ctx);
    return until > ctx.now
      ? msg(str`Until ${time}`, { id: 'maintenance-list.until', desc: 'A maintenance under way: when its window ends (a time, or a date and time)' })
      : msg(str`Planned to end at ${time}`, { id: 'maintenance-list.planned-end', desc: 'A maintenance under way whose window has already ended: when it was planned to end' });
  }
  if (Number.isNaN(from)) return '';
  if (Math.abs(from - ctx.now) < 60_000) return msg('Starts now', { id: 'maintenance-list.starts-now', desc: 'A scheduled maintenance whose window begins within a minute' });
  const relative = formatRelative(from, ctx);
  return from > ctx.now
    ? msg(str`Starts ${relative}`, { id: 'maintenance-list.starts', desc: 'A scheduled maintenance: when it begins, relative to now ("in 2 days", "tomorrow", "in 3 hours")' })
    : msg(str`Was due to start ${relative}`, { id: 'maintenance-list.late', desc: 'A scheduled maintenance that has not started although its window began: when ("5 minutes ago")' });
}

/** The window in the viewer's time zone. */
function windowTemplate(maintenance: Maintenance, ctx: TimeContext): TemplateResult | typeof nothing {
  const from = instant(maintenance.scheduledFor);
  const until = instant(maintenance.scheduledUntil);
  if (Number.isNaN(from)) return nothing;
  const when = whenWords(maintenance, ctx);
  return html`<p part="window" class="window">
    ${when ? html`<strong part="when" class="when">${when}</strong>` : nothing}
    <span part="range" class="range">${timeTemplate(from, ctx, 'window', Number.isNaN(until) ? from : until)}</span>
  </p>`;
}

/** The names of the components it affects, as a list in the locale's way ("A, B, and C"). */
function componentsTemplate(maintenance: Maintenance, names: ReadonlyMap<string, string>, ctx: TimeContext): TemplateResult | typeof nothing {
  const affected = (maintenance.components ?? []).map((id) => names.get(id)).filter((name): name is string => name !== undefined);
  if (affected.length === 0) return nothing;
  return html`<p part="components" class="components">
    <span class="label">${msg('Affected components:', { id: 'maintenance-list.affected', desc: 'Before the names of the components a maintenance affects' })}</span>
    <span>${new Intl.ListFormat(ctx.locale, { type: 'conjunction' }).format(affected)}</span>
  </p>`;
}

/** The newest update (by when it is shown), else nothing. */
function latestUpdate(maintenance: Maintenance): MaintenanceUpdate | undefined {
  return [...(maintenance.updates ?? [])].sort((a, b) => instant(b.displayAt) - instant(a.displayAt))[0];
}

/** The latest update's words and when it was posted; the maintenance's summary when it has none. */
function updateTemplate(maintenance: Maintenance, ctx: TimeContext): TemplateResult | typeof nothing {
  const update = latestUpdate(maintenance);
  const body = (update?.body ?? maintenance.summary ?? '').trim();
  if (!body) return nothing;
  const posted = instant(update?.displayAt);
  const time = update && !Number.isNaN(posted) ? timeTemplate(posted, ctx, 'moment') : null;
  return html`<div part="update" class="update">
    <p class="body">${body}</p>
    ${time
      ? html`<p class="posted">${msg(html`Posted ${time}`, { id: 'maintenance-list.posted', desc: 'When the latest update of a maintenance was posted; the time follows' })}</p>`
      : nothing}
  </div>`;
}

function maintenanceTemplate(maintenance: Maintenance, names: ReadonlyMap<string, string>, ctx: MaintenanceTemplateContext): TemplateResult {
  const active = ACTIVE.has(maintenance.status);
  return html`<li part="maintenance${active ? ' active' : ''}" class="maintenance ${active ? 'active' : 'upcoming'}" data-id=${maintenance.id}>
    <div class="top">
      <p part="title" class="title" role="heading" aria-level=${ctx.headingLevel ?? 3}>
        ${ctx.hrefTemplate
          ? html`<a part="maintenance-link" href=${ctx.hrefTemplate.replaceAll('{id}', encodeURIComponent(maintenance.id))}>${maintenance.title}</a>`
          : maintenance.title}
      </p>
      <span part="status" class="state tone-maintenance">${statusIcon('maintenance')}<span>${maintenanceStatusWords(maintenance.status)}</span></span>
    </div>
    ${windowTemplate(maintenance, ctx)} ${componentsTemplate(maintenance, names, ctx)} ${updateTemplate(maintenance, ctx)}
  </li>`;
}

/**
 * One maintenance on a page of its own (whose heading, the title, the page gives): its status,
 * window in the viewer's time zone with a relative phrase, the components it affects, what it is
 * about, and every update (newest first) with its status and when it was posted.
 */
export function maintenanceDetailTemplate(maintenance: Maintenance, names: ReadonlyMap<string, string>, ctx: TimeContext): TemplateResult {
  const updates = [...(maintenance.updates ?? [])].sort((a, b) => instant(b.displayAt) - instant(a.displayAt));
  const summary = maintenance.summary?.trim();
  return html`<div part="base" class="base detail">
    <p part="status" class="state tone-maintenance">${statusIcon('maintenance')}<span>${maintenanceStatusWords(maintenance.status)}</span></p>
    ${windowTemplate(maintenance, ctx)} ${componentsTemplate(maintenance, names, ctx)}
    ${summary ? html`<p part="summary" class="summary">${summary}</p>` : nothing}
    ${updates.length > 0
      ? html`<ol part="updates" class="updates" role="list">
          ${updates.map((update) => {
            const posted = instant(update.displayAt);
            return html`<li part="update" class="update">
              <p class="posted"><strong>${maintenanceStatusWords(update.status)}</strong> ${Number.isNaN(posted) ? nothing : timeTemplate(posted, ctx, 'datetime')}</p>
              <p class="body">${update.body}</p>
            </li>`;
          })}
        </ol>`
      : nothing}
  </div>`;
}

/**
 * The maintenances under way and upcoming: title, status in words, window in the viewer's time
 * zone with a relative phrase, affected components by name, the latest update; an empty state
 * that says none is scheduled; loading, error and "as of" states.
 */
export function maintenanceListTemplate(view: StatusView, ctx: MaintenanceTemplateContext): TemplateResult {
  if (view.state === 'missing') return missingTemplate();
  if (view.state === 'loading') return loadingTemplate();
  if (view.state === 'error') return errorTemplate(ctx);
  const maintenances = shownMaintenances(view.snapshot);
  const names = new Map((view.snapshot.components ?? []).map((c) => [c.id, c.name]));
  return html`<div part="base" class="base">
    ${view.asOf ? asOfTemplate(view.asOf, ctx) : nothing}
    ${maintenances.length === 0
      ? html`<p part="empty" class="empty">${msg('No maintenance is scheduled.', { id: 'maintenance-list.empty', desc: 'There is no maintenance under way or upcoming' })}</p>`
      : html`<ul part="list" class="list" role="list">
          ${maintenances.map((m) => maintenanceTemplate(m, names, ctx))}
        </ul>`}
  </div>`;
}
