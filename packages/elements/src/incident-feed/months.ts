/**
 * Calendar months in a time zone, for the incident history: which month an instant falls in,
 * the month before or after, and the instants where a month starts and ends (local midnight on
 * the first, whatever the zone's clock does that night).
 */
import { wallClock, zoneFormat, zoneOffset } from '@hansei/core';

/** A calendar month, `YYYY-MM`. */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a month `YYYY-MM`. */
export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && MONTH.test(value);
}

function parts(month: Month): [number, number] {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`Invalid month "${month}": expected YYYY-MM, like 2026-11.`);
  return [Number(match[1]), Number(match[2])];
}

/** The month that contains `ms` on the wall clock of `timeZone`. */
export function monthOf(ms: number, timeZone: string): Month {
  return new Date(wallClock(zoneFormat(timeZone), ms)).toISOString().slice(0, 7);
}

/** The month `delta` months after `month` (before, when negative). */
export function shiftMonth(month: Month, delta: number): Month {
  const [year, m] = parts(month);
  return new Date(Date.UTC(year, m - 1 + delta, 1)).toISOString().slice(0, 7);
}

/** Epoch ms of local midnight starting the first day of `month` in `timeZone`. */
function monthStart(month: Month, timeZone: string): number {
  const [year, m] = parts(month);
  const wall = Date.UTC(year, m - 1, 1);
  const format = zoneFormat(timeZone);
  const guess = wall - zoneOffset(format, wall);
  const exact = wall - zoneOffset(format, guess);
  // When midnight does not exist (the clock jumps over it), the day starts at the jump.
  return wallClock(format, exact) === wall ? exact : Math.max(guess, exact);
}

/** The instants (ISO 8601, UTC) where `month` starts and the next one starts, in `timeZone`. */
export function monthRange(month: Month, timeZone: string): { readonly from: string; readonly to: string } {
  return {
    from: new Date(monthStart(month, timeZone)).toISOString(),
    to: new Date(monthStart(shiftMonth(month, 1), timeZone)).toISOString(),
  };
}

/** `month` in words, e.g. `November 2026` or `2026年11月`. */
export function monthLabel(month: Month, locale: string): string {
  const [year, m] = parts(month);
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, m - 1, 1));
}
