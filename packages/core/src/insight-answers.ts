/**
 * The insight answers a backend gives: incident metrics over a range and the weekly review,
 * assembled from the stored documents it loads. Pure: the range, the week and the documents come
 * from the caller, so the reference server and the in-memory adapter answer the same.
 */
import * as v from 'valibot';
import type { IncidentMetrics, Stored, WeeklyReview } from './answers.js';
import type { AlertState, Incident, Postmortem, PreventionAction, Slo, SloReport } from './domain.js';
import { isoWeekOf, mondayOf } from './iso-week.js';
import { countsBySeverityAndWeek, mttx, recurrence } from './metrics.js';
import { actionMix, dueBetween, overdueActions, recurredAfterDone } from './prevention.js';
import { isInstant } from './schemas.js';
import { DAY_MS, WEEK_MS, startOfIsoWeek, toIso, toMs } from './time.js';
import type { ValidationResult } from './validate.js';

/** The range metrics cover when none is asked for: the 12 weeks before `to`. */
export const DEFAULT_METRICS_RANGE_MS = 12 * WEEK_MS;
/** The longest range metrics cover (a week-by-week chart of ten years). */
export const MAX_METRICS_RANGE_MS = 3653 * DAY_MS;
/** An SLO is burning when it alerts or has less than this share of its budget left. */
export const LOW_BUDGET = 0.25;
/** Burning SLOs come paging first, then ticketing. */
const ALERT_ORDER: Readonly<Record<AlertState, number>> = { page: 0, ticket: 1, ok: 2 };

const optionalInstant = (key: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((s: string) => isInstant(s), `"${key}" must be a date and time with a time zone, like 2026-11-25T09:30:00Z.`),
      v.transform((s) => toMs(s)),
    ),
  );

/** What the metrics are asked for: `from` and `to`, instants with a time zone (both optional), parsed to epoch ms. */
export const MetricsQuerySchema = v.object({ from: optionalInstant('from'), to: optionalInstant('to') });

/** What the weekly review is asked for: `week`, an ISO week like `2026-W48` (optional: this week). */
export const ReviewQuerySchema = v.object({
  week: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^\d{4}-W\d{2}$/, 'The week must be an ISO week like 2026-W48.'))),
});

/** A range [from, to) of epoch milliseconds. */
export interface MsRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The range metrics cover: `to` defaults to `now`, `from` to {@link DEFAULT_METRICS_RANGE_MS}
 * before `to`. An issue when `to` is not after `from` (at `to`) or the range is longer than ten
 * years (at `from`).
 */
export function metricsRange(given: { readonly from?: number | undefined; readonly to?: number | undefined }, now: number): ValidationResult<MsRange> {
  const to = given.to ?? now;
  const from = given.from ?? to - DEFAULT_METRICS_RANGE_MS;
  if (from >= to) return { ok: false, issues: [{ path: 'to', message: '"to" must be after "from".' }] };
  if (to - from > MAX_METRICS_RANGE_MS) return { ok: false, issues: [{ path: 'from', message: 'The range can be at most ten years long.' }] };
  return { ok: true, value: { from, to } };
}

/**
 * The metrics of the incidents that started in `range`: MTTx, counts per ISO week for each of
 * `severities` (guideline order), recurrence; and the mix of all `actions`. `incidents` may hold
 * more: those started at or after `range.to` are left out, earlier ones stay (recurrence needs
 * the incidents a link points to).
 */
export function incidentMetrics(
  incidents: readonly Omit<Incident, 'updates'>[],
  actions: readonly PreventionAction[],
  range: MsRange,
  severities: readonly string[],
): IncidentMetrics {
  const to = toIso(range.to);
  const before = incidents.filter((i) => i.startedAt < to);
  return {
    from: toIso(range.from),
    to,
    severities,
    mttx: mttx(before, range),
    weeks: countsBySeverityAndWeek(before, { ...range, severities }),
    recurrence: recurrence(before, range),
    actionMix: actionMix(actions),
  };
}

/** The week a review covers, epoch ms: [start, end), and the instant it is as of. */
export interface ReviewWeek extends MsRange {
  /** `now` during the week; the last millisecond of a past week (and of a future one). */
  readonly asOf: number;
}

/**
 * The week of the review of ISO week `week` (`2026-W48`; default: the week of `now`); an issue
 * at `week` when that year has no such week. Check the form of `week` first
 * ({@link ReviewQuerySchema}).
 */
export function reviewWeek(week: string | undefined, now: number): ValidationResult<ReviewWeek> {
  const from = week === undefined ? startOfIsoWeek(now) : mondayOf(week);
  if (from === null) return { ok: false, issues: [{ path: 'week', message: `${String(week)} is not a week of that year.` }] };
  const to = from + WEEK_MS;
  return { ok: true, value: { from, to, asOf: Math.min(now, to - 1) } };
}

/** One SLO and its report. */
export interface SloWithReport<S> {
  readonly slo: S;
  readonly report: SloReport;
}

/**
 * The burning SLOs among `slos`: alerting, or with less than {@link LOW_BUDGET} of the budget
 * left; paging first, then ticketing, then least budget left (stable otherwise).
 */
export function burningSlos<S>(slos: readonly SloWithReport<S>[]): SloWithReport<S>[] {
  return slos
    .filter(({ report }) => report.alert !== 'ok' || report.budgetRemaining < LOW_BUDGET)
    .sort((a, b) => ALERT_ORDER[a.report.alert] - ALERT_ORDER[b.report.alert] || a.report.budgetRemaining - b.report.budgetRemaining);
}

/** What {@link weeklyReview} is assembled from. */
export interface ReviewSources {
  readonly week: ReviewWeek;
  /** Every incident that started before the end of the week (for recurrences), oldest first. */
  readonly incidents: readonly Pick<Incident, 'id' | 'startedAt' | 'related'>[];
  /** The incidents that started in the week, with their updates, as answered. */
  readonly ofWeek: readonly Stored<Incident>[];
  /** Every prevention action, in board order. */
  readonly actions: readonly Stored<PreventionAction>[];
  /** Every SLO with its report as of `week.asOf`. */
  readonly slos: readonly SloWithReport<Stored<Slo>>[];
  /** The postmortems in review, least recently edited first. */
  readonly inReview: readonly Stored<Postmortem>[];
}

const date = (ms: number): string => toIso(ms).slice(0, 10);

/**
 * The weekly review: the week's incidents, open actions due in it and overdue as of
 * `week.asOf`, burning SLOs ({@link burningSlos}), postmortems in review, and done actions
 * whose incident recurred. Actions keep the versions they come with.
 */
export function weeklyReview(sources: ReviewSources): WeeklyReview {
  const { week, actions } = sources;
  const byId = new Map(actions.map((a) => [a.id, a]));
  const due = dueBetween(actions, date(week.from), date(week.to - DAY_MS));
  return {
    week: isoWeekOf(week.from),
    start: date(week.from),
    end: date(week.to - DAY_MS),
    asOf: toIso(week.asOf),
    incidents: sources.ofWeek,
    actionsDue: due.flatMap((a) => byId.get(a.id) ?? []),
    actionsOverdue: overdueActions(actions, date(week.asOf)),
    slosBurning: burningSlos(sources.slos),
    postmortemsInReview: sources.inReview,
    recurredAfterDone: recurredAfterDone(actions, sources.incidents),
  };
}

/** Whether `incident` started in `range` [from, to). */
export function startedIn(incident: Pick<Incident, 'startedAt'>, range: MsRange): boolean {
  const at = toMs(incident.startedAt);
  return at >= range.from && at < range.to;
}
