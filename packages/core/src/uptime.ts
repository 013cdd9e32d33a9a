/**
 * Uptime of a status-page component from its status history: the daily bars (90 days by
 * default on a status page) and the uptime over any window.
 *
 * A history is a list of {@link ComponentStatusChange}s, each meaning "from `at` on, the
 * component had `status`". Time before the first change has no data. The last status holds
 * until the `end` (or `to`) you pass: pass "now", not an instant in the future.
 */
import { COMPONENT_STATUSES } from './domain.js';
import type { ComponentStatus, ComponentStatusChange, Id, IsoDate } from './domain.js';
import { DAY_MS, instantMs, isIsoDate, toMs, wallClock, zoneFormat, zoneOffset, type Instant } from './time.js';

/**
 * How much of each second spent in a status counts as downtime, as Atlassian Statuspage's
 * uptime showcase computes it: a major outage counts in full, a partial outage for 30 %,
 * degraded performance not at all ("Display historical uptime of components",
 * https://help.statuspage.io/help/uptime-calendar; the same weights are documented by Instatus,
 * https://instatus.com/help/status-page/uptime-colors, and by Harness for its own SLIs).
 *
 * `null`: the time is left out of both the measured time and the downtime. Planned maintenance
 * is announced in advance, so it neither helps nor hurts uptime.
 *
 * uptime = 1 - (Σ weight × time in status) / (time measured, maintenance excluded)
 */
export const UPTIME_WEIGHTS: Readonly<Record<ComponentStatus, number | null>> = {
  operational: 0,
  degraded_performance: 0,
  partial_outage: 0.3,
  major_outage: 1,
  under_maintenance: null,
};

/** The most days {@link dayBoundaries} cuts at once: ten years. */
export const MAX_UPTIME_DAYS = 3660;

/** An instant: ISO 8601 with a zone, or epoch milliseconds. */
export type { Instant } from './time.js';

/** The calendar days of a report, with their boundaries in one time zone. */
export interface DayBoundaries {
  /** IANA time zone the days are cut in. */
  readonly timeZone: string;
  /** The days, `YYYY-MM-DD`, oldest first. */
  readonly dates: readonly IsoDate[];
  /**
   * `dates.length + 1` instants in epoch milliseconds: day `i` is `[starts[i], starts[i + 1])`.
   * A day is 23 or 25 hours long when the zone changes its clock that day.
   */
  readonly starts: readonly number[];
  /** Epoch milliseconds where data stops (the `end` given): the last day is cut there. */
  readonly end: number;
}

/** One day of a component's uptime bar. */
export interface DayUptime {
  readonly date: IsoDate;
  /**
   * Weighted uptime in [0, 1] (see {@link UPTIME_WEIGHTS}); null when the day has no measured
   * time: before the first change, before the component's start date, after `end`, or spent
   * entirely in maintenance.
   */
  readonly uptime: number | null;
  /** Seconds spent in each status that day (fractional when changes fall between seconds). */
  readonly seconds: Readonly<Record<ComponentStatus, number>>;
  /**
   * Incidents that touched the day, in order of first appearance: a change carrying the
   * incident's id happened that day, or a non-operational status set by such a change was in
   * effect during it.
   */
  readonly incidentIds: readonly Id[];
}

/** What the days are and which incidents may be listed. */
export type DailyUptimeOptions = (
  | {
      /** "Now": the last day is the one containing it, and data stops there. */
      readonly end: Instant;
      /** How many days, ending with the day containing `end`. */
      readonly days: number;
      /** IANA time zone the days are cut in; default `UTC`. */
      readonly timeZone?: string;
    }
  | {
      /** Days computed once with {@link dayBoundaries}, to share across components. */
      readonly boundaries: DayBoundaries;
    }
) & {
  /** The component's first day (`Component.startDate`): earlier days have no data. */
  readonly startDate?: IsoDate | null;
  /**
   * Only these incident ids are listed (e.g. the public incidents, so an internal incident's
   * id never reaches the public page). Default: every id found in the history.
   */
  readonly incidents?: ReadonlySet<Id> | readonly Id[];
};

const STATUS_INDEX = new Map<string, number>(COMPONENT_STATUSES.map((status, i) => [status, i]));
const OPERATIONAL = 0;
/** Downtime weight by status index; NaN marks a status excluded from the measured time. */
const WEIGHT = COMPONENT_STATUSES.map((status) => UPTIME_WEIGHTS[status] ?? Number.NaN);

/** The last result of {@link dayBoundaries}: every component of a page asks for the same days. */
let last: DayBoundaries | null = null;
/**
 * The last `days` calendar days ending with the day that contains `end`, cut at local midnight
 * in `timeZone` (default `UTC`). Day boundaries come from `Intl` (about `days + 3` look-ups), so
 * days on which the clock changes are 23 or 25 hours long, and a day whose midnight is skipped
 * starts when the clock jumps. Compute it once and pass it to {@link dailyUptime} for every
 * component; the last result is also kept, so calling it again with the same arguments returns
 * the same (frozen) object at no cost. Throws a RangeError for a bad `end`, a `days` that is not
 * an integer from 1 to {@link MAX_UPTIME_DAYS}, or an unknown time zone.
 */
export function dayBoundaries(end: Instant, days: number, timeZone = 'UTC'): DayBoundaries {
  const endMs = instantMs(end, 'end');
  if (!Number.isInteger(days) || days < 1 || days > MAX_UPTIME_DAYS) {
    throw new RangeError(`Invalid days ${days}: expected an integer from 1 to ${MAX_UPTIME_DAYS}, like 90.`);
  }
  if (last !== null && last.end === endMs && last.dates.length === days && last.timeZone === timeZone) return last;
  const format = timeZone === 'UTC' ? null : zoneFormat(timeZone);
  // Wall-clock midnight (as if UTC) of the first day, and offsets sampled a day apart around it.
  const endWall = format === null ? endMs : endMs + zoneOffset(format, endMs);
  const first = Math.floor(endWall / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
  const sampled: number[] = [];
  for (let k = 0; k <= days + 2; k++) sampled.push(format === null ? 0 : zoneOffset(format, first + (k - 1) * DAY_MS));
  const dates: IsoDate[] = [];
  const starts: number[] = [];
  for (let i = 0; i <= days; i++) {
    const wall = first + i * DAY_MS;
    if (i < days) dates.push(new Date(wall).toISOString().slice(0, 10));
    const before = sampled[i]!;
    const after = sampled[i + 2]!;
    if (before === after || format === null) {
      starts.push(wall - before);
      continue;
    }
    // The clock changes within a day of this midnight: keep the earliest candidate that really
    // shows midnight; when none does, midnight was skipped and the day starts at the jump.
    const candidates = [wall - after, wall - before].sort((a, b) => a - b);
    starts.push(candidates.find((c) => wallClock(format, c) === wall) ?? wall - before);
  }
  last = Object.freeze({ timeZone, dates: Object.freeze(dates), starts: Object.freeze(starts), end: endMs });
  return last;
}

interface Timeline {
  readonly times: number[];
  readonly statuses: number[];
  readonly incidents: (Id | null)[];
}

function timeline(history: readonly ComponentStatusChange[]): Timeline {
  const n = history.length;
  const times = new Array<number>(n);
  const statuses = new Array<number>(n);
  const incidents = new Array<Id | null>(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const change = history[i]!;
    const status = STATUS_INDEX.get(change.status);
    if (status === undefined) {
      throw new RangeError(
        `Invalid component status "${change.status}" at ${change.at}: expected one of ${COMPONENT_STATUSES.join(', ')}.`,
      );
    }
    times[i] = toMs(change.at);
    statuses[i] = status;
    incidents[i] = change.incidentId;
    if (i > 0 && times[i]! < times[i - 1]!) sorted = false;
  }
  if (sorted) return { times, statuses, incidents };
  const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]!);
  return {
    times: order.map((i) => times[i]!),
    statuses: order.map((i) => statuses[i]!),
    incidents: order.map((i) => incidents[i]!),
  };
}

/** Weighted uptime of per-status milliseconds, or null when nothing was measured. */
function weighted(ms: readonly number[]): number | null {
  let measured = 0;
  let down = 0;
  for (let s = 0; s < ms.length; s++) {
    const w = WEIGHT[s]!;
    if (Number.isNaN(w)) continue;
    measured += ms[s]!;
    down += w * ms[s]!;
  }
  return measured > 0 ? 1 - down / measured : null;
}

/**
 * Adds the milliseconds of [from, to) spent in each status to `ms`, starting from change `j`
 * (the last change before `from`, or -1), and returns the change in effect at `to`. When `ids`
 * is given, collects the incidents touching the span.
 */
function measure(
  line: Timeline,
  j: number,
  from: number,
  to: number,
  ms: number[],
  ids: Id[] | null,
  only: ReadonlySet<Id> | null,
): number {
  const { times, statuses, incidents } = line;
  const n = times.length;
  while (j + 1 < n && times[j + 1]! < from) j++;
  if (j >= 0 && statuses[j] !== OPERATIONAL) collect(ids, incidents[j]!, only);
  let t = from;
  for (;;) {
    const next = j + 1 < n ? times[j + 1]! : Number.POSITIVE_INFINITY;
    const stop = next < to ? next : to;
    if (j >= 0) ms[statuses[j]!]! += stop - t;
    if (next >= to) return j;
    t = next;
    j++;
    collect(ids, incidents[j]!, only);
  }
}

function collect(ids: Id[] | null, id: Id | null, only: ReadonlySet<Id> | null): void {
  if (ids !== null && id !== null && (only === null || only.has(id)) && !ids.includes(id)) ids.push(id);
}

/**
 * One {@link DayUptime} per day, oldest first: for the `days` days ending with the day that
 * contains `end` (cut in `timeZone`), or for precomputed `boundaries`. Days before `startDate`
 * have no data. Runs in O(days + changes); the history need not be sorted (changes at the same
 * instant apply in the order given). Throws a RangeError naming the bad value for an invalid
 * instant, status, start date, day count or time zone.
 */
export function dailyUptime(history: readonly ComponentStatusChange[], options: DailyUptimeOptions): DayUptime[] {
  const days = 'boundaries' in options ? options.boundaries : dayBoundaries(options.end, options.days, options.timeZone);
  const startDate = options.startDate ?? null;
  if (startDate !== null && !isIsoDate(startDate)) {
    throw new RangeError(`Invalid start date "${String(startDate)}": expected a calendar date YYYY-MM-DD.`);
  }
  const only = options.incidents === undefined ? null : options.incidents instanceof Set ? options.incidents : new Set(options.incidents);
  const line = timeline(history);
  const result: DayUptime[] = [];
  const ms = [0, 0, 0, 0, 0];
  let j = -1;
  for (let i = 0; i < days.dates.length; i++) {
    const date = days.dates[i]!;
    const from = days.starts[i]!;
    const to = Math.min(days.starts[i + 1]!, days.end);
    ms.fill(0);
    const ids: Id[] = [];
    if ((startDate === null || date >= startDate) && from < to) j = measure(line, j, from, to, ms, ids, only);
    result.push({
      date,
      uptime: weighted(ms),
      seconds: {
        operational: ms[0]! / 1000,
        degraded_performance: ms[1]! / 1000,
        partial_outage: ms[2]! / 1000,
        major_outage: ms[3]! / 1000,
        under_maintenance: ms[4]! / 1000,
      },
      incidentIds: ids,
    });
  }
  return result;
}

/**
 * Weighted uptime in [0, 1] over the window [from, to) (see {@link UPTIME_WEIGHTS}): time before
 * the first change and time in maintenance are left out. Null when nothing in the window was
 * measured. To honour a component's start date, pass a `from` no earlier than it. Throws a
 * RangeError for an invalid instant or status, or when `from` is after `to`.
 */
export function uptimeOverWindow(history: readonly ComponentStatusChange[], from: Instant, to: Instant): number | null {
  const fromMs = instantMs(from, 'from');
  const toMsValue = instantMs(to, 'to');
  if (fromMs > toMsValue) {
    throw new RangeError(`Invalid window: from ${String(from)} is after to ${String(to)}; expected from <= to.`);
  }
  const ms = [0, 0, 0, 0, 0];
  if (fromMs < toMsValue) measure(timeline(history), -1, fromMs, toMsValue, ms, null, null);
  return weighted(ms);
}
