/**
 * Dates and times of the status elements, through `Intl`, in the viewer's time zone: moments
 * ("14:05", "Nov 24, 9:30 AM"), windows ("Thu, Nov 26, 2:00 – 3:00 AM GMT+9") and relative
 * phrases ("in 2 days", "tomorrow"). Pure (the clock comes in as `now`), so the server-side
 * templates use them too.
 */

/** Where and when the words are for: the locale of `Intl`, the time zone, and the time now. */
export interface TimeContext {
  /** BCP 47 language tag for `Intl` (`en`, `ja`). */
  readonly locale: string;
  /** IANA time zone dates are shown in. */
  readonly timeZone: string;
  /** Now, epoch milliseconds. */
  readonly now: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formats = new Map<string, Intl.DateTimeFormat>();

/** A cached `Intl.DateTimeFormat`; a time zone `Intl` does not know falls back to UTC. */
function dateFormat(ctx: TimeContext, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${ctx.locale}|${ctx.timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(ctx.locale, { ...options, timeZone: ctx.timeZone });
    } catch {
      format = new Intl.DateTimeFormat(ctx.locale, { ...options, timeZone: 'UTC' });
    }
    formats.set(key, format);
  }
  return format;
}

/** The calendar day of `at` in the context's time zone, as a day number (days since 1970-01-01). */
function dayNumber(at: number, ctx: TimeContext): number {
  const parts = dateFormat(ctx, { year: 'numeric', month: 'numeric', day: 'numeric', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(get('year'), get('month') - 1, get('day')) / DAY);
}

function sameYear(at: number, ctx: TimeContext): boolean {
  const year = (t: number) => dateFormat(ctx, { year: 'numeric' }).format(t);
  return year(at) === year(ctx.now);
}

/** The time of day of `at`: "2:05 PM" (en), "14:05" (ja). */
export function formatTime(at: number, ctx: TimeContext): string {
  return dateFormat(ctx, { hour: 'numeric', minute: '2-digit' }).format(at);
}

/** The date and time of `at`: "Nov 24, 9:30 AM", with the year when it is not this year's. */
export function formatDateTime(at: number, ctx: TimeContext): string {
  return dateFormat(ctx, {
    ...(sameYear(at, ctx) ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(at);
}

/** `at` as briefly as is clear: its time of day when it is today, else its date and time. */
export function formatMoment(at: number, ctx: TimeContext): string {
  return dayNumber(at, ctx) === dayNumber(ctx.now, ctx) ? formatTime(at, ctx) : formatDateTime(at, ctx);
}

/**
 * A window from `from` to `until`, with the weekday and the time zone's short name, the shared
 * parts said once: "Thu, Nov 26, 2:00 – 3:00 AM GMT+9".
 */
export function formatWindow(from: number, until: number, ctx: TimeContext): string {
  const format = dateFormat(ctx, {
    ...(sameYear(from, ctx) && sameYear(until, ctx) ? {} : { year: 'numeric' }),
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return until > from ? format.formatRange(from, until) : format.format(from);
}

/**
 * `at` relative to now, as people say it: "in 5 minutes", "in 3 hours", "tomorrow", "in 2 days",
 * "5 minutes ago". Under a day away it counts minutes or hours; further, calendar days in the time
 * zone. Within a minute: "now".
 */
export function formatRelative(at: number, ctx: TimeContext): string {
  const format = new Intl.RelativeTimeFormat(ctx.locale, { numeric: 'auto' });
  const diff = at - ctx.now;
  const size = Math.abs(diff);
  if (size < MINUTE) return format.format(0, 'second');
  if (size < HOUR) return format.format(Math.round(diff / MINUTE), 'minute');
  if (size < DAY) return format.format(Math.round(diff / HOUR), 'hour');
  return format.format(dayNumber(at, ctx) - dayNumber(ctx.now, ctx), 'day');
}

/**
 * How a time is worded: `moment` ({@link formatMoment}), `datetime` ({@link formatDateTime}) or
 * `window` ({@link formatWindow}, from a time until another). The status elements mark each
 * `<time>` with it (`data-format`), so a page rendered on the server in UTC can be reworded in
 * the viewer's time zone by its script.
 */
export type TimeFormat = 'moment' | 'datetime' | 'window';

/** `at` (and, for a window, `until`) worded as `format` says. */
export function formatAs(format: TimeFormat, at: number, ctx: TimeContext, until = at): string {
  return format === 'window' ? formatWindow(at, until, ctx) : format === 'datetime' ? formatDateTime(at, ctx) : formatMoment(at, ctx);
}

/** Milliseconds of an ISO instant, or NaN when it is not one. */
export function instant(iso: string | null | undefined): number {
  return typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
}
