/**
 * Times in the visitor's time zone. The server renders every time in UTC as
 * `<time datetime data-format>` (the status elements' `timeTemplate`); this rewords each in the
 * visitor's zone with the elements' own formatting (`formatAs`), in the page's language, and names
 * the zone in the footer (`#time-zone`).
 */
import { formatAs, type TimeFormat } from '@hansei/elements/internal/status-time.js';
import { queryDeep } from './dom.js';

const FORMATS: readonly string[] = ['moment', 'datetime', 'window'];

/** The visitor's IANA time zone. */
export function visitorZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Rewords every marked `<time>` under `root` (shadow roots included) in the visitor's zone. */
export function localiseTimes(root: ParentNode, timeZone = visitorZone(), now = Date.now()): void {
  const locale = document.documentElement.lang || 'en';
  const ctx = { locale, timeZone, now };
  for (const time of queryDeep<HTMLTimeElement>(root, 'time[data-format]')) {
    const format = time.dataset['format'] ?? '';
    const at = Date.parse(time.dateTime);
    if (!FORMATS.includes(format) || Number.isNaN(at)) continue;
    const until = Date.parse(time.dataset['until'] ?? '');
    time.textContent = formatAs(format as TimeFormat, at, ctx, Number.isNaN(until) ? at : until);
  }
  const zone = document.getElementById('time-zone');
  if (zone) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(now).find((p) => p.type === 'timeZoneName')?.value;
    if (name) zone.textContent = name;
  }
}
