/**
 * Insights (internal: viewers and up): incident metrics over a time range, and the weekly review
 * an engineering manager runs (the week's incidents, prevention actions due and overdue, SLOs
 * burning, postmortems waiting for review, prevention that missed). All of it computed by
 * @hansei/core from the stored documents.
 */
import * as v from 'valibot';
import {
  DAY_MS,
  IncidentMetricsSchema,
  WeeklyReviewSchema,
  actionMix,
  countsBySeverityAndWeek,
  dueBetween,
  isInstant,
  isoWeekOf,
  mondayOf,
  mttx,
  overdueActions,
  recurrence,
  recurredAfterDone,
  startOfIsoWeek,
  toIso,
  toMs,
  WEEK_MS,
  type AlertState,
  type IncidentMetrics,
  type Postmortem,
  type PreventionAction,
  type Slo,
  type SloReport,
  type Stored,
  type WeeklyReview,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import { invalid } from '../http/errors.js';
import { contentTag, defineRoute, json, type RouteSpec } from '../http/route.js';
import { withVersion, type Versioned } from '../store/documents.js';
import { withUpdates, type StoredIncident } from '../store/incidents.js';
import { readGuideline } from '../store/settings.js';
import { readCache } from './common.js';
import { reportOf } from './slos.js';

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

async function docs<T>(sql: Sql, text: string, params: readonly unknown[] = []): Promise<T[]> {
  return (await sql.query<{ doc: T }>(text, params)).map((row) => row.doc);
}

/** The rows `text` selects (`doc` and `version`), as stored entities with their versions. */
async function storedDocs<T extends object>(sql: Sql, text: string, params: readonly unknown[] = []): Promise<Stored<T>[]> {
  return (await sql.query<Versioned<T>>(text, params)).map(withVersion);
}

/** `picked` (what core chose among `all`) as the stored entities they are, with their versions. */
function restored<T extends { readonly id: string }>(picked: readonly T[], all: readonly Stored<T>[]): Stored<T>[] {
  const byId = new Map(all.map((x) => [x.id, x]));
  return picked.flatMap((x) => byId.get(x.id) ?? []);
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
    responses: { 200: { description: 'The metrics.', schema: IncidentMetricsSchema } },
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
      const body: IncidentMetrics = {
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
    responses: { 200: { description: 'The review.', schema: WeeklyReviewSchema } },
    handler: async ({ services, caller, query }) => {
      const now = services.now();
      const start = query.week === undefined ? startOfIsoWeek(now) : mondayOf(query.week);
      if (start === null) throw invalid([{ path: 'week', message: `${String(query.week)} is not a week of that year.` }], 'query');
      const end = start + WEEK_MS;
      const asOf = Math.min(now, end - 1);
      const sql = services.db;
      const rows = await sql.query<Versioned<StoredIncident>>('select doc, version from incidents where started_at < $1 order by started_at, id', [toIso(end)]);
      const incidents = rows.map((r) => r.doc);
      const ofWeek = rows.filter((r) => toMs(r.doc.startedAt) >= start);
      const actions = await storedDocs<PreventionAction>(sql, 'select doc, version from prevention_actions order by status, rank, id');
      const slos = await storedDocs<Slo>(sql, 'select doc, version from slos order by created_at, id');
      const burning: { slo: Stored<Slo>; report: SloReport }[] = [];
      for (const slo of slos) {
        const report = await reportOf(sql, slo, asOf);
        if (report.alert !== 'ok' || report.budgetRemaining < LOW_BUDGET) burning.push({ slo, report });
      }
      burning.sort((a, b) => ALERT_ORDER[a.report.alert] - ALERT_ORDER[b.report.alert] || a.report.budgetRemaining - b.report.budgetRemaining);
      const body: WeeklyReview = {
        week: isoWeekOf(start),
        start: date(start),
        end: date(end - DAY_MS),
        asOf: toIso(asOf),
        incidents: (await withUpdates(sql, ofWeek)).map(withVersion),
        actionsDue: restored(dueBetween(actions, date(start), date(end - DAY_MS)), actions),
        // Core keeps the objects it is given: these actions carry their versions too.
        actionsOverdue: overdueActions(actions, date(asOf)),
        slosBurning: burning,
        postmortemsInReview: await storedDocs<Postmortem>(sql, `select doc, version from postmortems where status = 'in_review' order by updated_at, id`),
        recurredAfterDone: recurredAfterDone(actions, incidents),
      };
      return json(body, { etag: contentTag(JSON.stringify(body)), cacheControl: readCache(caller) });
    },
  }),
] as unknown as RouteSpec<never, never, never>[];
