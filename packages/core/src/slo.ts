/**
 * SLO math for ratio SLIs (good / total), OpenSLO-shaped: the window, the error budget, burn rates
 * over the SRE workbook's multiwindow multi-burn-rate pairs, the alert they raise, time to
 * exhaustion, the budget burndown and the budget each incident consumed.
 *
 * Samples are counts over intervals that start at `at` (epoch ms). A sample belongs to a time
 * range when its `at` does: ranges are half-open, `[from, to)`, and nothing at or after `now` is
 * counted. Samples must be in ascending order of `at`; one pass checks that while it builds prefix
 * sums, after which every window is two binary searches.
 */
import type {
  AlertState,
  BudgetPoint,
  BurnRate,
  BurnRateWindowPair,
  CalendarWindow,
  Incident,
  IncidentBudgetUse,
  SliSample,
  Slo,
  SloReport,
} from './domain.js';
import { BUDGETING_METHODS } from './domain.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS, isDuration, parseDuration, toIso, toMs, zoneFormat, zoneOffset } from './time.js';

// ---------------------------------------------------------------------------------------------
// Windows

/** An SLO window in epoch milliseconds, `[start, end)`. */
export interface SloWindow {
  readonly start: number;
  readonly end: number;
}

const CALENDAR_DURATION = /^(\d+)(d|w|M|Q|Y)$/;

/**
 * The SLO's window at `now` (epoch ms), `[start, end)`.
 * - Rolling: `[now - duration, now)`.
 * - Calendar: the whole calendar period that contains `now`, so `end` is usually in the future.
 *   Periods repeat forwards and backwards from `calendar.startTime`, counted in wall-clock time in
 *   `calendar.timeZone`: `d` and `w` are local days (23 or 25 hours across a DST change), `M`, `Q`
 *   and `Y` are calendar months (a start on the 31st falls on the last day of shorter months).
 *   A local start time that a DST change skips moves forward by the gap, and one that occurs twice
 *   takes the earlier instant (Temporal's "compatible" rule).
 *
 * `end - start` is the period the burn-rate math uses. Throws a RangeError for an invalid `now`,
 * duration, start time or time zone.
 */
export function sloWindow(slo: Slo, now: number): SloWindow {
  checkNow(now);
  const window = slo.timeWindow;
  if (window.isRolling === true) {
    if (!isDuration(window.duration)) {
      throw new RangeError(
        `Invalid rolling window duration "${window.duration}" on SLO "${slo.id}": expected a whole number and a unit m, h, d or w, like "30d".`,
      );
    }
    return { start: now - parseDuration(window.duration), end: now };
  }
  if (window.isRolling === false) return calendarWindow(slo.id, window, now);
  throw new RangeError(
    `Invalid timeWindow.isRolling ${String((window as { isRolling: unknown }).isRolling)} on SLO "${slo.id}": expected true (rolling) or false (calendar).`,
  );
}

function calendarWindow(sloId: string, window: CalendarWindow, now: number): SloWindow {
  const match = CALENDAR_DURATION.exec(window.duration);
  const count = match ? Number(match[1]) : 0;
  if (!match || count <= 0) {
    throw new RangeError(
      `Invalid calendar window duration "${window.duration}" on SLO "${sloId}": expected a whole number and a unit d, w, M, Q or Y, like "1M".`,
    );
  }
  if (typeof window.calendar !== 'object' || window.calendar === null) {
    throw new RangeError(`Missing calendar on the calendar window of SLO "${sloId}": expected { startTime, timeZone }.`);
  }
  const unit = match[2];
  const origin = toMs(window.calendar.startTime);
  const zone = zoneFormat(window.calendar.timeZone);
  // Wall-clock times are epoch-ms-like numbers read with the UTC Date methods.
  const originWall = origin + zoneOffset(zone, origin);
  const nowWall = now + zoneOffset(zone, now);
  let boundary: (k: number) => number; // wall-clock time of the k-th boundary
  let k: number;
  if (unit === 'd' || unit === 'w') {
    const step = count * (unit === 'w' ? WEEK_MS : DAY_MS);
    boundary = (i) => originWall + i * step;
    k = Math.floor((nowWall - originWall) / step);
  } else {
    const months = count * (unit === 'M' ? 1 : unit === 'Q' ? 3 : 12);
    const o = new Date(originWall);
    const year = o.getUTCFullYear();
    const month = o.getUTCMonth();
    const day = o.getUTCDate();
    const timeOfDay = originWall - Date.UTC(year, month, day);
    boundary = (i) => {
      const m = month + i * months;
      const daysInMonth = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
      return Date.UTC(year, m, Math.min(day, daysInMonth)) + timeOfDay;
    };
    const n = new Date(nowWall);
    k = Math.floor(((n.getUTCFullYear() - year) * 12 + n.getUTCMonth() - month) / months);
  }
  // The estimate is off by at most one period near a boundary: step to the right one.
  let start = wallToInstant(zone, boundary(k));
  while (start > now) start = wallToInstant(zone, boundary(--k));
  let end = wallToInstant(zone, boundary(k + 1));
  while (end <= now) {
    start = end;
    end = wallToInstant(zone, boundary(++k + 1));
  }
  return { start, end };
}

/** The instant of a wall-clock time: the earlier one in a fall-back overlap, shifted forward in a gap. */
function wallToInstant(format: Intl.DateTimeFormat, wall: number): number {
  const before = zoneOffset(format, wall - DAY_MS);
  const after = zoneOffset(format, wall + DAY_MS);
  const early = wall - before;
  if (before === after) return early;
  // Across an offset change: `early` is right unless it lands past the change, where `late` is.
  // In a gap neither is right and `early` is the shifted-forward instant.
  const late = wall - after;
  return zoneOffset(format, early) !== before && zoneOffset(format, late) === after ? late : early;
}

// ---------------------------------------------------------------------------------------------
// Burn rates

/** The SRE workbook's pairs for a 30-day SLO, with the share of the budget each one allows. */
const WORKBOOK_PAIRS = [
  { severity: 'page', longMs: HOUR_MS, shortMs: 5 * MINUTE_MS, budgetPercent: 2 },
  { severity: 'page', longMs: 6 * HOUR_MS, shortMs: 30 * MINUTE_MS, budgetPercent: 5 },
  { severity: 'ticket', longMs: DAY_MS, shortMs: 2 * HOUR_MS, budgetPercent: 10 },
  { severity: 'ticket', longMs: 3 * DAY_MS, shortMs: 6 * HOUR_MS, budgetPercent: 10 },
] as const;

/**
 * The SRE workbook's multiwindow multi-burn-rate alert pairs for an SLO period of `periodMs`:
 * page 1h/5m (2 % of the budget), page 6h/30m (5 %), ticket 1d/2h (10 %), ticket 3d/6h (10 %).
 * Each threshold is the burn rate that spends that share in the long window,
 * `share * periodMs / longMs`: exactly 14.4, 6, 3 and 1 for 30 days (integer arithmetic, one
 * rounding). Throws a RangeError when `periodMs` is not a positive finite number.
 */
export function defaultWindowPairs(periodMs: number): BurnRateWindowPair[] {
  if (!(periodMs > 0 && Number.isFinite(periodMs))) {
    throw new RangeError(`Invalid SLO period ${periodMs} ms: expected a positive number of milliseconds.`);
  }
  return WORKBOOK_PAIRS.map(({ budgetPercent, ...pair }) => ({
    ...pair,
    threshold: (budgetPercent * periodMs) / (100 * pair.longMs),
  }));
}

/**
 * Burn rate: the error rate `(total - good) / total` over the error budget `1 - target`. 1 spends
 * the budget exactly over the SLO period; 14.4 spends a 30-day budget in 50 hours. Null when
 * `total` is 0 (nothing measured). Throws a RangeError unless 0 <= good <= total and target is
 * in [0, 1).
 */
export function burnRate(good: number, total: number, target: number): number | null {
  checkTarget(target, 'burnRate');
  if (!(good >= 0 && good <= total && Number.isFinite(total))) {
    throw new RangeError(`Invalid counts good ${good}, total ${total}: expected finite numbers with 0 <= good <= total.`);
  }
  return total === 0 ? null : (total - good) / total / (1 - target);
}

/**
 * The fraction of a period's whole error budget that a steady `rate` burn spends in `windowMs`:
 * `rate * windowMs / periodMs` (14.4 for 1 hour of 30 days is 0.02). Throws a RangeError for a
 * negative or non-finite rate or window, or a period that is not positive.
 */
export function budgetConsumedFraction(rate: number, windowMs: number, periodMs: number): number {
  if (!(rate >= 0 && Number.isFinite(rate) && windowMs >= 0 && Number.isFinite(windowMs))) {
    throw new RangeError(`Invalid burn rate ${rate} or window ${windowMs} ms: expected finite numbers >= 0.`);
  }
  if (!(periodMs > 0 && Number.isFinite(periodMs))) {
    throw new RangeError(`Invalid SLO period ${periodMs} ms: expected a positive number of milliseconds.`);
  }
  return (rate * windowMs) / periodMs;
}

/**
 * Relative slack when comparing a burn rate with its threshold: "at or above" should hold for a
 * steady burn exactly at the threshold even though 1 - 0.999 is not exactly 0.001 in binary.
 */
const RATE_SLACK = 1e-9;

// ---------------------------------------------------------------------------------------------
// Report

/** An incident's time range: the domain {@link Incident} fits. Unresolved ones run to `now`. */
export type IncidentSpan = Pick<Incident, 'id' | 'startedAt' | 'resolvedAt'>;

export interface SloReportOptions {
  /** Evaluation time, epoch ms. Samples at or after it are ignored. */
  readonly now: number;
  /** Incidents to charge budget to, reported in the given order. */
  readonly incidents?: readonly IncidentSpan[];
  /** Burn-rate alert rules; default {@link defaultWindowPairs} for the window's period. */
  readonly windowPairs?: readonly BurnRateWindowPair[];
  /** Most points in `budgetSeries` (at least 2); default 120. */
  readonly seriesPoints?: number;
}

/** Good and total counts with prefix sums: `good[i]` is the sum of the first `i` entries. */
interface Series {
  readonly at: Float64Array;
  readonly good: Float64Array;
  readonly total: Float64Array;
  readonly n: number;
}

/**
 * The full report of one SLO at `options.now` from its SLI samples (ascending `at`).
 *
 * - Counts cover `[windowStart, now)`. Occurrences counts events; Timeslices cuts time into
 *   slices of `timeSliceWindow` from the window's start, counts a slice good when its good / total
 *   reaches `timeSliceTarget`, and skips slices with no events; a slice belongs where it starts.
 * - `budgetTotal = (1 - target) * total`, `budgetConsumed` = bad, `budgetRemaining =
 *   1 - consumed / budgetTotal` (1 with no data, negative when overspent).
 * - Each window pair's rates cover `[now - longMs, now)` and `[now - shortMs, now)`. They look back
 *   from `now` even past a calendar window's start, so alerts do not reset at a month boundary.
 *   A pair fires when both rates are at or above its threshold; `alert` is `page` if a page pair
 *   fires, else `ticket` if a ticket pair does, else `ok`.
 * - `timeToExhaustionMs = budgetRemaining * period / rate` at the first pair's long-window rate
 *   (1h by default): 0 when the budget is already gone, null when nothing is burning.
 * - `budgetSeries` is the burndown from 1 at the window's start to `budgetRemaining` at `now`,
 *   at most `seriesPoints` points on sample boundaries spread evenly over the samples.
 * - Each incident gets the bad events (or slices) in `[startedAt, resolvedAt ?? now)` clipped to
 *   the window, and that over `budgetTotal`. Overlapping incidents both count shared events.
 *
 * Throws a RangeError naming the bad value for an impossible SLO (target outside [0, 1),
 * Timeslices without a slice target in (0, 1] or a slice window up to the period, an unknown
 * budgeting method, a bad window), samples out of order or with good > total, a bad `now`,
 * `seriesPoints`, window pair or incident time.
 */
export function sloReport(slo: Slo, samples: readonly SliSample[], options: SloReportOptions): SloReport {
  const { now } = options;
  const target = checkTarget(slo.objective.target, `SLO "${slo.id}"`);
  const { start, end } = sloWindow(slo, now);
  const periodMs = end - start;
  const seriesPoints = options.seriesPoints ?? 120;
  if (!(Number.isInteger(seriesPoints) && seriesPoints >= 2)) {
    throw new RangeError(`Invalid seriesPoints ${seriesPoints}: expected a whole number >= 2.`);
  }
  const series = buildSeries(slo, samples, now, start, periodMs);

  const window = countIn(series, start, now);
  const bad = window.total - window.good;
  const budgetTotal = (1 - target) * window.total;
  const budgetRemaining = window.total === 0 ? 1 : 1 - bad / budgetTotal;

  const pairs = options.windowPairs ?? defaultWindowPairs(periodMs);
  const burnRates = pairs.map((pair): BurnRate => {
    checkPair(pair);
    const long = countIn(series, now - pair.longMs, now);
    const short = countIn(series, now - pair.shortMs, now);
    const longRate = burnRate(long.good, long.total, target);
    const shortRate = burnRate(short.good, short.total, target);
    const floor = pair.threshold * (1 - RATE_SLACK);
    const firing = longRate !== null && shortRate !== null && longRate >= floor && shortRate >= floor;
    return { ...pair, longRate, shortRate, firing };
  });
  const alert: AlertState = burnRates.some((r) => r.firing && r.severity === 'page')
    ? 'page'
    : burnRates.some((r) => r.firing)
      ? 'ticket'
      : 'ok';

  const rate = burnRates[0]?.longRate ?? null;
  const timeToExhaustionMs =
    budgetRemaining <= 0 ? 0 : rate === null || rate <= 0 ? null : (budgetRemaining * periodMs) / rate;

  const incidents = (options.incidents ?? []).map((incident): IncidentBudgetUse => {
    const startedAt = toMs(incident.startedAt);
    const resolvedAt = incident.resolvedAt === null ? now : toMs(incident.resolvedAt);
    if (resolvedAt < startedAt) {
      throw new RangeError(
        `Invalid incident "${incident.id}": resolvedAt ${incident.resolvedAt} is before startedAt ${incident.startedAt}.`,
      );
    }
    const from = Math.max(start, startedAt);
    const to = Math.min(now, resolvedAt);
    const counts = to > from ? countIn(series, from, to) : { good: 0, total: 0 };
    const incidentBad = counts.total - counts.good;
    return { incidentId: incident.id, bad: incidentBad, budgetFraction: budgetTotal > 0 ? incidentBad / budgetTotal : 0 };
  });

  return {
    sloId: slo.id,
    windowStart: start,
    windowEnd: end,
    target,
    budgetingMethod: slo.budgetingMethod,
    good: window.good,
    total: window.total,
    attainment: window.total === 0 ? null : window.good / window.total,
    budgetTotal,
    budgetConsumed: bad,
    budgetRemaining,
    burnRates,
    alert,
    timeToExhaustionMs,
    budgetSeries: burndown(series, start, now, budgetTotal, seriesPoints),
    incidents,
  };
}

/** The series the SLO budgets on: events (Occurrences) or slices (Timeslices), before `now`. */
function buildSeries(slo: Slo, samples: readonly SliSample[], now: number, start: number, periodMs: number): Series {
  const method = slo.budgetingMethod;
  if (!BUDGETING_METHODS.includes(method)) {
    throw new RangeError(
      `Invalid budgetingMethod "${String(method)}" on SLO "${slo.id}": expected ${BUDGETING_METHODS.join(' or ')}.`,
    );
  }
  const count = samples.length;
  const at = new Float64Array(count);
  const good = new Float64Array(count + 1);
  const total = new Float64Array(count + 1);
  let n = 0;
  let previous = -Infinity;

  if (method === 'Occurrences') {
    for (let i = 0; i < count; i++) {
      const sample = samples[i] as SliSample;
      checkSample(sample, i, previous);
      previous = sample.at;
      if (sample.at >= now) continue;
      at[n] = sample.at;
      good[n + 1] = (good[n] as number) + sample.good;
      total[n + 1] = (total[n] as number) + sample.total;
      n++;
    }
    return { at, good, total, n };
  }

  const { timeSliceTarget, timeSliceWindow } = slo.objective;
  if (typeof timeSliceTarget !== 'number' || !(timeSliceTarget > 0 && timeSliceTarget <= 1)) {
    throw new RangeError(
      `Invalid timeSliceTarget ${timeSliceTarget} on Timeslices SLO "${slo.id}": expected a number in (0, 1], like 0.95.`,
    );
  }
  if (typeof timeSliceWindow !== 'string' || !isDuration(timeSliceWindow) || parseDuration(timeSliceWindow) > periodMs) {
    throw new RangeError(
      `Invalid timeSliceWindow ${timeSliceWindow === null ? 'null' : `"${timeSliceWindow}"`} on Timeslices SLO "${slo.id}": expected a duration like "5m" no longer than the ${periodMs} ms window.`,
    );
  }
  const sliceMs = parseDuration(timeSliceWindow);
  let slice = Number.NaN;
  let sliceGood = 0;
  let sliceTotal = 0;
  const flush = (): void => {
    if (sliceTotal > 0) {
      at[n] = start + slice * sliceMs;
      good[n + 1] = (good[n] as number) + (sliceGood / sliceTotal >= timeSliceTarget ? 1 : 0);
      total[n + 1] = (total[n] as number) + 1;
      n++;
    }
  };
  for (let i = 0; i < count; i++) {
    const sample = samples[i] as SliSample;
    checkSample(sample, i, previous);
    previous = sample.at;
    if (sample.at >= now) continue;
    const k = Math.floor((sample.at - start) / sliceMs);
    if (k !== slice) {
      flush();
      slice = k;
      sliceGood = 0;
      sliceTotal = 0;
    }
    sliceGood += sample.good;
    sliceTotal += sample.total;
  }
  flush();
  return { at, good, total, n };
}

/** Good and total of the series entries whose `at` is in `[from, to)`. */
function countIn(series: Series, from: number, to: number): { good: number; total: number } {
  const i = lowerBound(series, from);
  const j = lowerBound(series, to);
  return {
    good: (series.good[j] as number) - (series.good[i] as number),
    total: (series.total[j] as number) - (series.total[i] as number),
  };
}

/** Index of the first entry with `at >= ms` (n when none). */
function lowerBound(series: Series, ms: number): number {
  let lo = 0;
  let hi = series.n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((series.at[mid] as number) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Budget left over `[start, now)` at up to `points` sample boundaries, evenly spread by index. */
function burndown(series: Series, start: number, now: number, budgetTotal: number, points: number): BudgetPoint[] {
  const first = lowerBound(series, start);
  const m = lowerBound(series, now) - first;
  const count = Math.max(2, Math.min(points, m + 1));
  const out: BudgetPoint[] = [];
  for (let j = 0; j < count; j++) {
    const b = Math.round((j * m) / (count - 1)); // strictly increasing because count - 1 <= m
    const i = first + b;
    const at = j === 0 ? start : j === count - 1 ? now : (series.at[i] as number);
    const bad =
      (series.total[i] as number) - (series.total[first] as number) - ((series.good[i] as number) - (series.good[first] as number));
    out.push({ at, remaining: budgetTotal > 0 ? 1 - bad / budgetTotal : 1 });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Checks

function checkNow(now: number): void {
  if (!Number.isFinite(now)) throw new RangeError(`Invalid now ${now}: expected epoch milliseconds.`);
}

function checkTarget(target: number, where: string): number {
  if (typeof target !== 'number' || !(target >= 0 && target < 1)) {
    throw new RangeError(`Invalid target ${target} for ${where}: expected a number in [0, 1), like 0.999.`);
  }
  return target;
}

function checkSample(sample: SliSample, index: number, previous: number): void {
  const { at, good, total } = sample;
  if (!Number.isFinite(at)) {
    throw new RangeError(`Invalid SLI sample ${index}: at ${at} is not epoch milliseconds.`);
  }
  if (at < previous) {
    throw new RangeError(
      `SLI samples must be in ascending order of at: sample ${index} at ${toIso(at)} comes after ${toIso(previous)}.`,
    );
  }
  if (!(good >= 0 && good <= total && Number.isFinite(total))) {
    throw new RangeError(
      `Invalid SLI sample ${index} at ${toIso(at)}: good ${good}, total ${total}; expected finite numbers with 0 <= good <= total.`,
    );
  }
}

function checkPair(pair: BurnRateWindowPair): void {
  const { severity, longMs, shortMs, threshold } = pair;
  if (
    (severity !== 'page' && severity !== 'ticket') ||
    !(shortMs > 0 && longMs >= shortMs && Number.isFinite(longMs)) ||
    !(threshold > 0 && Number.isFinite(threshold))
  ) {
    throw new RangeError(
      `Invalid burn-rate window pair ${JSON.stringify(pair)}: expected severity page or ticket, 0 < shortMs <= longMs and a threshold > 0.`,
    );
  }
}
