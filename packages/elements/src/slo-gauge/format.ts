/**
 * Numbers, percentages, spans of time and dates of the SLO gauge, through `Intl` in the given
 * locale (and time zone for dates). Pure, so the server-side template uses them too.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A cached `Intl.DateTimeFormat`; a time zone `Intl` does not know falls back to UTC. */
function dateFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    }
    dateFormats.set(key, format);
  }
  return format;
}

/** Decimal places of `value` (up to `most`): 99.9 has 1, 99 has 0. */
function decimals(value: number, most: number): number {
  let places = 0;
  while (places < most && Math.abs(Math.round(value * 10 ** places) - value * 10 ** places) > 1e-6) places++;
  return places;
}

/**
 * Decimal places that show an attainment against an objective of `target`: one more than the
 * objective's percentage has, between 2 and 4 (99.9 % -> 2, so 99.87 %; 99.99 % -> 3).
 */
export function attainmentDigits(target: number): number {
  return Math.min(4, Math.max(2, decimals(target * 100, 3) + 1));
}

/** An objective as a percentage, as precise as it is: 0.999 -> "99.9%", 0.99 -> "99%". */
export function formatObjective(target: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 4 }).format(target);
}

/**
 * An attainment as a percentage with {@link attainmentDigits} places, cut (not rounded) so that
 * an attainment below the objective never reads as meeting it: 0.99899 at 99.9 % -> "99.89%".
 */
export function formatAttainment(attainment: number, target: number, locale: string): string {
  const digits = attainmentDigits(target);
  const scale = 10 ** (digits + 2);
  const cut = Math.floor(attainment * scale + 1e-9) / scale;
  return numberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(cut);
}

/** A share of the error budget with at most one decimal: 0.40919 -> "40.9%", -1.921 -> "-192.1%". */
export function formatShare(fraction: number, locale: string): string {
  // A tiny negative rounds to 0: say "0%", not "-0%".
  const value = Math.abs(fraction) < 0.0005 ? 0 : fraction;
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** A share on the chart's axis, whole: -1.921 -> "-192%". */
export function formatAxisShare(fraction: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** A count of events or slices, whole: 26215.47 -> "26,215". */
export function formatCount(count: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(Math.floor(count + 1e-9));
}

/** A burn rate or threshold: two decimals under 10 (0.93, 6), one above (14.4, 49.2). */
export function formatRate(rate: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: rate < 10 ? 2 : 1 }).format(rate);
}

function unit(value: number, name: 'day' | 'hour' | 'minute', locale: string): string {
  return numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
}

/** A burn-rate window in its largest whole unit: "1 hr", "5 min", "3 days". */
export function formatWindowSpan(ms: number, locale: string): string {
  if (ms >= DAY && ms % DAY === 0) return unit(ms / DAY, 'day', locale);
  if (ms >= HOUR && ms % HOUR === 0) return unit(ms / HOUR, 'hour', locale);
  return unit(Math.round(ms / MINUTE), 'minute', locale);
}

/**
 * An amount of time in its two largest units, rounded to the minute: "6 hr 43 min", "2 days
 * 4 hr", "25 min" (like `Intl.DurationFormat`, which not every browser has).
 */
export function formatAmountOfTime(ms: number, locale: string): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE + 1e-9);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days > 0) {
    parts.push(unit(days, 'day', locale));
    if (hours > 0) parts.push(unit(hours, 'hour', locale));
  } else if (hours > 0) {
    parts.push(unit(hours, 'hour', locale));
    if (rest > 0) parts.push(unit(rest, 'minute', locale));
  } else {
    parts.push(unit(rest, 'minute', locale));
  }
  return parts.length === 1 ? (parts[0] as string) : new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }).format(parts);
}

/** A day: "Nov 25" (en), "11月25日" (ja), with the year when it is not `now`'s. */
export function formatDay(at: number, locale: string, timeZone: string, now: number): string {
  const year = (t: number) => dateFormat(locale, timeZone, { year: 'numeric' }).format(t);
  return dateFormat(locale, timeZone, { ...(year(at) === year(now) ? {} : { year: 'numeric' }), month: 'short', day: 'numeric' }).format(at);
}

/** A range of instants with their dates, the shared parts said once: "Nov 9, 8:01 – 10:01 AM". */
export function formatRange(from: number, to: number, locale: string, timeZone: string, now: number): string {
  const year = (t: number) => dateFormat(locale, timeZone, { year: 'numeric' }).format(t);
  const format = dateFormat(locale, timeZone, {
    ...(year(from) === year(now) && year(to) === year(now) ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  return to > from ? format.formatRange(from, to) : format.format(from);
}

/** An instant with its date: "Nov 25, 3:29 PM". */
export function formatInstant(at: number, locale: string, timeZone: string, now: number): string {
  return formatRange(at, at, locale, timeZone, now);
}
