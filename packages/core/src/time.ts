/** Time helpers shared by the domain logic. Pure; UTC unless a time zone is named. */

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

const UNIT_MS: Readonly<Record<string, number>> = {
  s: SECOND_MS,
  m: MINUTE_MS,
  h: HOUR_MS,
  d: DAY_MS,
  w: WEEK_MS,
};

const DURATION = /^(\d+)(s|m|h|d|w)$/;

/**
 * Milliseconds in a fixed-length duration such as `5m`, `1h`, `30d` or `2w` (OpenSLO's short
 * form, without calendar units). Throws a RangeError naming the input when it is not one.
 */
export function parseDuration(duration: string): number {
  const match = DURATION.exec(duration);
  const amount = match ? Number(match[1]) : 0;
  if (!match || amount <= 0) {
    throw new RangeError(
      `Invalid duration "${duration}": expected a positive whole number and a unit s, m, h, d or w, like "5m" or "30d".`,
    );
  }
  return amount * (UNIT_MS[match[2] as string] as number);
}

/** True when `duration` is a fixed-length duration {@link parseDuration} accepts. */
export function isDuration(duration: string): boolean {
  const match = DURATION.exec(duration);
  return match !== null && Number(match[1]) > 0;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Epoch milliseconds of an ISO 8601 instant with a time zone designator. Throws a RangeError
 * naming the input for anything else (a bare date, a local time, garbage).
 */
export function toMs(instant: string): number {
  const ms = ISO_INSTANT.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new RangeError(`Invalid instant "${instant}": expected ISO 8601 with a time zone, like "2026-11-25T09:30:00Z".`);
  }
  return ms;
}

/** The ISO 8601 UTC string of epoch milliseconds. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Midnight UTC of the day that contains `ms`. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Monday 00:00 UTC of the ISO week that contains `ms`. */
export function startOfIsoWeek(ms: number): number {
  const day = startOfUtcDay(ms);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY_MS;
}
