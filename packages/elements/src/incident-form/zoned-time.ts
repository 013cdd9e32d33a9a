/**
 * Times as a person types them (a `datetime-local` value, wall-clock time in the viewer's time
 * zone) and as they are stored (ISO 8601 in UTC), through core's zone helpers.
 */
import { DAY_MS, MINUTE_MS, toIso, toMs, wallClock, zoneFormat, zoneOffset } from '@hansei/core';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The `datetime-local` value (`2026-11-25T18:30`) of a UTC instant in `timeZone`; '' for ''. */
export function toLocalInput(iso: string, timeZone: string): string {
  if (!iso) return '';
  try {
    return toIso(wallClock(zoneFormat(timeZone), toMs(iso))).slice(0, 16);
  } catch {
    return '';
  }
}

/**
 * The UTC instant of a `datetime-local` value read in `timeZone`; '' when the value is empty or
 * not a time. A wall-clock time skipped by a daylight-saving change moves forward by the gap; one
 * that happens twice is the earlier.
 */
export function fromLocalInput(value: string, timeZone: string): string {
  const m = LOCAL.exec(value);
  if (!m) return '';
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  if (Number.isNaN(wall)) return '';
  const format = zoneFormat(timeZone);
  // The offsets in force a day either side; a time on neither is in a daylight-saving gap.
  const before = zoneOffset(format, wall - DAY_MS);
  const after = zoneOffset(format, wall + DAY_MS);
  const fits = [wall - before, wall - after].filter((ms) => wallClock(format, ms) === wall);
  return toIso(fits.length > 0 ? Math.min(...fits) : wall - before);
}

/** `UTC+09:00`: the offset of `timeZone` at `ms`, to show next to times typed in it. */
export function offsetText(timeZone: string, ms: number): string {
  const minutes = Math.round(zoneOffset(zoneFormat(timeZone), ms) / MINUTE_MS);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
