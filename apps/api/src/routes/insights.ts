/**
 * Insights (internal: viewers and up): incident metrics over a time range, and the weekly review
 * an engineering manager runs (the week's incidents, prevention actions due and overdue, SLOs
 * burning, postmortems waiting for review, prevention that missed). All of it computed by
 * @hansei/core from the stored documents.
 */
import {
  IncidentMetricsSchema,
  MetricsQuerySchema,
  ReviewQuerySchema,
  WeeklyReviewSchema,
  incidentMetrics,
  metricsRange,
  reviewWeek,
  startedIn,
  toIso,
  weeklyReview,
  type Postmortem,
  type PreventionAction,
  type Slo,
  type SloWithReport,
  type Stored,
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

async function docs<T>(sql: Sql, text: string, params: readonly unknown[] = []): Promise<T[]> {
  return (await sql.query<{ doc: T }>(text, params)).map((row) => row.doc);
}

/** The rows `text` selects (`doc` and `version`), as stored entities with their versions. */
async function storedDocs<T extends object>(sql: Sql, text: string, params: readonly unknown[] = []): Promise<Stored<T>[]> {
  return (await sql.query<Versioned<T>>(text, params)).map(withVersion);
}

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
    query: MetricsQuerySchema,
    responses: { 200: { description: 'The metrics.', schema: IncidentMetricsSchema } },
    handler: async ({ services, caller, query }) => {
      const found = metricsRange(query, services.now());
      if (!found.ok) throw invalid(found.issues, 'query');
      const range = found.value;
      const sql = services.db;
      const guideline = await readGuideline(sql);
      // Every incident before `to`: recurrence needs the earlier incidents a link points to.
      const incidents = await docs<StoredIncident>(sql, 'select doc from incidents where started_at < $1', [toIso(range.to)]);
      const actions = await docs<PreventionAction>(sql, 'select doc from prevention_actions');
      const body = incidentMetrics(incidents, actions, range, guideline.levels.map((l) => l.code));
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
    query: ReviewQuerySchema,
    responses: { 200: { description: 'The review.', schema: WeeklyReviewSchema } },
    handler: async ({ services, caller, query }) => {
      const found = reviewWeek(query.week, services.now());
      if (!found.ok) throw invalid(found.issues, 'query');
      const week = found.value;
      const sql = services.db;
      const rows = await sql.query<Versioned<StoredIncident>>('select doc, version from incidents where started_at < $1 order by started_at, id', [toIso(week.to)]);
      const slos: SloWithReport<Stored<Slo>>[] = [];
      for (const slo of await storedDocs<Slo>(sql, 'select doc, version from slos order by created_at, id')) slos.push({ slo, report: await reportOf(sql, slo, week.asOf) });
      const body = weeklyReview({
        week,
        incidents: rows.map((r) => r.doc),
        ofWeek: (await withUpdates(sql, rows.filter((r) => startedIn(r.doc, week)))).map(withVersion),
        // Core keeps the objects it is given: the actions it answers carry their versions too.
        actions: await storedDocs<PreventionAction>(sql, 'select doc, version from prevention_actions order by status, rank, id'),
        slos,
        inReview: await storedDocs<Postmortem>(sql, `select doc, version from postmortems where status = 'in_review' order by updated_at, id`),
      });
      return json(body, { etag: contentTag(JSON.stringify(body)), cacheControl: readCache(caller) });
    },
  }),
] as unknown as RouteSpec<never, never, never>[];
