/**
 * Insights (internal: viewers and up): incident metrics over a time range, and the weekly review
 * an engineering manager runs (the week's incidents, prevention actions due and overdue, SLOs
 * burning, postmortems waiting for review, prevention that missed). All of it computed by
 * @hansei/core from the stored documents.
 */
import * as v from 'valibot';
import {
  ACTION_HORIZONS,
  ACTION_KINDS,
  DAY_MS,
  DURATION_METRICS,
  IncidentSchema,
  PostmortemSchema,
  PreventionActionSchema,
  SloSchema,
  actionMix,
  countsBySeverityAndWeek,
  dueBetween,
  isInstant,
  mttx,
  overdueActions,
  recurrence,
  recurredAfterDone,
  startOfIsoWeek,
  toIso,
  toMs,
  WEEK_MS,
  type AlertState,
  type Postmortem,
  type PreventionAction,
  type Slo,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import { invalid } from '../http/errors.js';
import { contentTag, defineRoute, json, type RouteSpec } from '../http/route.js';
import { withUpdates, type StoredIncident } from '../store/incidents.js';
import { readGuideline } from '../store/settings.js';
import { readCache } from './common.js';
import { SloReportSchema, reportOf } from './slos.js';

const TAGS = ['insights'];
/** The metrics' default range: the last 12 weeks. */
const DEFAULT_RANGE_MS = 12 * WEEK_MS;
/** The longest range metrics cover (a week-by-week chart of ten years). */
const MAX_RANGE_MS = 3653 * DAY_MS;
/** An SLO is burning when it alerts or has less than this share of its budget left. */
const LOW_BUDGET = 0.25;
/** Burning SLOs come paging first, then ticketing, then by budget left. */
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

const MetricsQuery = v.object({ from: optionalInstant('from'), to: optionalInstant('to') });

const WeekQuery = v.object({
  week: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^\d{4}-W\d{2}$/, 'The week must be an ISO week like 2026-W48.'))),
});

// Response shapes (what core computes), for the OpenAPI document.
const DurationStatsSchema = v.object({ count: v.number(), mean: v.nullable(v.number()), median: v.nullable(v.number()), p90: v.nullable(v.number()) });
const MttxSchema = v.object({ incidents: v.number(), ...Object.fromEntries(DURATION_METRICS.map((m) => [m, DurationStatsSchema])) });
const MetricsSchema = v.object({
  from: v.string(),
  to: v.string(),
  severities: v.array(v.string()),
  mttx: MttxSchema,
  weeks: v.array(v.object({ week: v.string(), start: v.string(), counts: v.record(v.string(), v.number()), other: v.number(), total: v.number() })),
  recurrence: v.object({ total: v.number(), recurrences: v.number(), rate: v.nullable(v.number()), ids: v.array(v.string()) }),
  actionMix: v.object({
    total: v.number(),
    byKind: v.object(Object.fromEntries(ACTION_KINDS.map((k) => [k, v.number()]))),
    byHorizon: v.object(Object.fromEntries(ACTION_HORIZONS.map((h) => [h, v.number()]))),
    rootCauseShare: v.nullable(v.number()),
    needsRootCause: v.boolean(),
  }),
});
const ReviewSchema = v.object({
  week: v.string(),
  start: v.string(),
  end: v.string(),
  asOf: v.string(),
  incidents: v.array(IncidentSchema),
  actionsDue: v.array(PreventionActionSchema),
  actionsOverdue: v.array(v.object({ action: PreventionActionSchema, daysOverdue: v.number() })),
  slosBurning: v.array(v.object({ slo: SloSchema, report: SloReportSchema })),
  postmortemsInReview: v.array(PostmortemSchema),
  recurredAfterDone: v.array(v.object({ action: PreventionActionSchema, recurrenceIds: v.array(v.string()) })),
});

async function docs<T>(sql: Sql, text: string, params: readonly unknown[] = []): Promise<T[]> {
  return (await sql.query<{ doc: T }>(text, params)).map((row) => row.doc);
}

/** `2026-W48` of the ISO week starting on Monday `monday` (epoch ms, UTC). */
export function isoWeekOf(monday: number): string {
  const thursday = new Date(monday + 3 * DAY_MS); // a week belongs to the year of its Thursday
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday 00:00 UTC of ISO week `2026-W48`, or null when the year has no such week. */
export function mondayOf(week: string): number | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const monday = startOfIsoWeek(Date.UTC(Number(match[1]), 0, 4)) + (Number(match[2]) - 1) * WEEK_MS;
  return isoWeekOf(monday) === week ? monday : null;
}

const date = (ms: number) => toIso(ms).slice(0, 10);

export const insightRoutes: RouteSpec<never, never, never>[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/metrics',
    operationId: 'getIncidentMetrics',
    summary: 'Incident metrics over a time range',
    description:
      'Incidents that started in [from, to) (default: the 12 weeks before now): time to detect, acknowledge, mitigate and resolve (count, mean, median, p90), counts per ISO week and severity, recurrence; and the mix of prevention action kinds overall.',
    tags: TAGS,
    access: 'viewer',
    query: MetricsQuery,
    responses: { 200: { description: 'The metrics.', schema: MetricsSchema } },
    handler: async ({ services, caller, query }) => {
      const to = query.to ?? services.now();
      const from = query.from ?? to - DEFAULT_RANGE_MS;
      if (from >= to) throw invalid([{ path: 'to', message: '"to" must be after "from".' }], 'query');
      if (to - from > MAX_RANGE_MS) throw invalid([{ path: 'from', message: 'The range can be at most ten years long.' }], 'query');
      const sql = services.db;
      const guideline = await readGuideline(sql);
      const severities = guideline.levels.map((l) => l.code);
      // Every incident before `to`: recurrence needs the earlier incidents a link points to.
      const incidents = await docs<StoredIncident>(sql, 'select doc from incidents where started_at < $1', [toIso(to)]);
      const actions = await docs<PreventionAction>(sql, 'select doc from prevention_actions');
      const window = { from, to };
      const body = {
        from: toIso(from),
        to: toIso(to),
        severities,
        mttx: mttx(incidents, window),
        weeks: countsBySeverityAndWeek(incidents, { ...window, severities }),
        recurrence: recurrence(incidents, window),
        actionMix: actionMix(actions),
      };
      return json(body, { etag: contentTag(JSON.stringify(body)), cacheControl: readCache(caller) });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/review',
    operationId: 'getWeeklyReview',
    summary: 'The weekly review',
    description:
      'For ISO week `week` (default: the current one): the incidents that started in it, open prevention actions due in it and overdue, SLOs burning (alerting or under 25 % of budget left; paging first, then ticketing, then by budget left), postmortems in review, and done actions whose incident recurred. Overdue actions and SLO reports are as of the end of the week, or now for the current week.',
    tags: TAGS,
    access: 'viewer',
    query: WeekQuery,
    responses: { 200: { description: 'The review.', schema: ReviewSchema } },
    handler: async ({ services, caller, query }) => {
      const now = services.now();
      const start = query.week === undefined ? startOfIsoWeek(now) : mondayOf(query.week);
      if (start === null) throw invalid([{ path: 'week', message: `${String(query.week)} is not a week of that year.` }], 'query');
      const end = start + WEEK_MS;
      const asOf = Math.min(now, end - 1);
      const sql = services.db;
      const incidents = await docs<StoredIncident>(sql, 'select doc from incidents where started_at < $1 order by started_at, id', [toIso(end)]);
      const ofWeek = incidents.filter((i) => toMs(i.startedAt) >= start).map((doc) => ({ doc, version: 0 }));
      const actions = await docs<PreventionAction>(sql, 'select doc from prevention_actions order by status, rank, id');
      const slos = await docs<Slo>(sql, 'select doc from slos order by created_at, id');
      const burning = [];
      for (const slo of slos) {
        const report = await reportOf(sql, slo, asOf);
        if (report.alert !== 'ok' || report.budgetRemaining < LOW_BUDGET) burning.push({ slo, report });
      }
      burning.sort((a, b) => ALERT_ORDER[a.report.alert] - ALERT_ORDER[b.report.alert] || a.report.budgetRemaining - b.report.budgetRemaining);
      const body = {
        week: isoWeekOf(start),
        start: date(start),
        end: date(end - DAY_MS),
        asOf: toIso(asOf),
        incidents: (await withUpdates(sql, ofWeek)).map((r) => r.doc),
        actionsDue: dueBetween(actions, date(start), date(end - DAY_MS)),
        actionsOverdue: overdueActions(actions, date(asOf)),
        slosBurning: burning,
        postmortemsInReview: await docs<Postmortem>(sql, `select doc from postmortems where status = 'in_review' order by updated_at, id`),
        recurredAfterDone: recurredAfterDone(actions, incidents),
      };
      return json(body, { etag: contentTag(JSON.stringify(body)), cacheControl: readCache(caller) });
    },
  }),
] as unknown as RouteSpec<never, never, never>[];
