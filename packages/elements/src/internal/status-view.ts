/**
 * What a status element shows, as data its pure template renders (in the browser and, without
 * JavaScript, on the server), and the template pieces the status elements share: loading,
 * error, no data source, and the "as of" note of a stale status.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import type { StatusSnapshot } from '@hansei/core';
import { statusIcon } from './status-icons.js';
import { formatAs, type TimeContext, type TimeFormat } from './status-time.js';

/**
 * The state of a status element:
 * - `missing`: it has neither a snapshot nor an adapter;
 * - `loading`: the first read has not answered yet;
 * - `error`: the read failed and there is no earlier status to show;
 * - `ready`: a snapshot to show. `asOf` is set when it is the last known one because reading a
 *   fresh one failed (show it as "as of <time>"), null when it is current.
 */
export type StatusView =
  | { readonly state: 'missing' }
  | { readonly state: 'loading' }
  | { readonly state: 'error' }
  | { readonly state: 'ready'; readonly snapshot: StatusSnapshot; readonly asOf: Date | null };

/** What a status template needs besides its data: time words (see `TimeContext`) and, in the browser, a retry. */
export interface StatusTemplateContext extends TimeContext {
  /** Called by the error state's "Try again" button; without it (on the server) there is no button. */
  readonly onRetry?: () => void;
}

/**
 * A `<time>`: `at` (an ISO instant, kept as given, or epoch milliseconds) worded as `format` says
 * in the context's zone, marked with `data-format` (and a window's end with `data-until`) so a
 * server-rendered page's script can reword it in the viewer's time zone (see `formatAs`).
 */
export function timeTemplate(at: string | number, ctx: TimeContext, format: TimeFormat, until?: number): TemplateResult {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  const end = format === 'window' && until !== undefined && until !== ms ? until : undefined;
  return html`<time datetime=${typeof at === 'string' ? at : new Date(ms).toISOString()} data-format=${format} data-until=${ifDefined(end === undefined ? undefined : new Date(end).toISOString())}
    >${formatAs(format, ms, ctx, end ?? ms)}</time
  >`;
}

/** The loading state: words (no spinner to wait on), in a `part="loading"` paragraph. */
export function loadingTemplate(): TemplateResult {
  return html`<p part="loading" class="loading">${msg('Loading status…', { id: 'status.loading', desc: 'Shown while a status element reads the status' })}</p>`;
}

/** The error state: the status could not be read and there is none to show; "Try again" when the context can. */
export function errorTemplate(ctx: StatusTemplateContext): TemplateResult {
  return html`<div part="error" class="error" role="alert">
    ${statusIcon('unknown')}
    <p>${msg('The status could not be loaded. Check your connection and try again.', { id: 'status.error', desc: 'Shown when reading the status failed and there is no earlier status to show' })}</p>
    ${ctx.onRetry
      ? html`<button part="button" type="button" @click=${ctx.onRetry}>${msg('Try again', { id: 'status.retry', desc: 'Button: read the status again' })}</button>`
      : nothing}
  </div>`;
}

/** Without snapshot or adapter: says so and how to fix it (the data elements' words). */
export function missingTemplate(): TemplateResult {
  return html`<p part="missing-adapter" role="note">
    ${msg('No data source: place this element inside <hansei-provider> or set its adapter property.', {
      desc: 'Shown by an element that has no adapter to read from',
    })}
  </p>`;
}

/** The note on a stale status: the last known one, from `asOf`, because a fresh one could not be read. */
export function asOfTemplate(asOf: Date, ctx: TimeContext): TemplateResult {
  const time = timeTemplate(asOf.getTime(), ctx, 'moment');
  return html`<p part="as-of" class="as-of">
    ${statusIcon('unknown')}
    <span
      >${msg(html`Last known status as of ${time}.`, {
        id: 'status.as-of',
        desc: 'Shown when the status could not be refreshed; the time is when it was last read',
      })}
      ${msg('It could not be refreshed just now.', { id: 'status.as-of-reason', desc: 'Follows "Last known status as of <time>."' })}</span
    >
  </p>`;
}
