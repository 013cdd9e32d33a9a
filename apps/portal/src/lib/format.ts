/** Dates, times and durations for people, in their language and time zone (Intl), never by hand. */
import { localize, zoneFormat, zoneOffset, type Locale, type LocalizedText } from '@hansei/core';

const tag = (locale: Locale) => (locale === 'ja' ? 'ja-JP' : 'en-GB');

/** `25 Nov 2026, 10:42` in the viewer's zone; an empty string for null. */
export function dateTime(iso: string | null | undefined, locale: Locale, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** `25 Nov 2026` (a calendar date `YYYY-MM-DD`, or an instant in the viewer's zone). */
export function dateOnly(value: string | null | undefined, locale: Locale, timeZone = 'UTC'): string {
  if (!value) return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  const zone = /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : timeZone;
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeZone: zone }).format(date);
}

/** A duration in the largest two units that matter (`2 h 5 min`, `3 d 4 h`); `—` for null. */
export function duration(ms: number | null | undefined, locale: Locale): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const parts: [number, 'day' | 'hour' | 'minute'][] = [
    [Math.floor(minutes / 1440), 'day'],
    [Math.floor((minutes % 1440) / 60), 'hour'],
    [minutes % 60, 'minute'],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  if (shown.length === 0) shown.push([0, 'minute']);
  return shown.map(([n, unit]) => new Intl.NumberFormat(tag(locale), { style: 'unit', unit, unitDisplay: 'short' }).format(n)).join(' ');
}

/** A fraction as a percentage (`12.5%`); `—` for null. */
export function percent(fraction: number | null | undefined, locale: Locale, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits: digits }).format(fraction);
}

/** Organisation-configured text in the viewer's language (English when there is no Japanese). */
export function localized(text: LocalizedText | undefined, locale: Locale): string {
  return text ? localize(text, locale) : '';
}

/** Today as `YYYY-MM-DD` in `timeZone`. */
export function today(timeZone: string, now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The instant a calendar date starts in `timeZone` (`2026-11-25` in Tokyo -> `2026-11-24T15:00:00.000Z`),
 * for date filters. Null for a malformed date.
 */
export function startOfDay(date: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 10) !== date) return null;
  // The zone's offset at that moment (twice, for days that start near a DST change).
  let guess = utc;
  const format = zoneFormat(timeZone);
  for (let i = 0; i < 2; i++) guess = utc - zoneOffset(format, guess);
  return new Date(guess).toISOString();
}

/** The next calendar date (`2026-12-31` -> `2027-01-01`). */
export function nextDate(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
