/**
 * Insights in memory, by the server's rules (apps/api/src/routes/insights.ts): incident metrics
 * over a range (default: the 12 weeks before now) and the weekly review, computed by
 * @hansei/core from the stored documents.
 */
import {
  MetricsQuerySchema,
  ReviewQuerySchema,
  incidentMetrics,
  metricsRange,
  reviewWeek,
  startedIn,
  toIso,
  weeklyReview as reviewOf,
  type IncidentMetrics,
  type WeeklyReview,
} from '@hansei/core';
import { check, fullIncident, stored, type Ctx } from './context.js';
import { invalid } from './problems.js';
import { reportOf } from './slos.js';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Metrics of the incidents that started in [from, to) (default: the 12 weeks before now). */
export function metrics(ctx: Ctx, range: { readonly from?: string; readonly to?: string }): IncidentMetrics {
  const found = metricsRange(check(MetricsQuerySchema, range, 'query'), ctx.store.now());
  if (!found.ok) throw invalid(found.issues, 'query');
  const severities = ctx.store.state.guideline.doc.levels.map((l) => l.code);
  const incidents = [...ctx.store.state.incidents.values()].map((r) => r.doc);
  const actions = [...ctx.store.state.actions.values()].map((r) => r.doc);
  return Object.freeze(incidentMetrics(incidents, actions, found.value, severities));
}

/** The weekly review of ISO week `week` (`2026-W48`; default: this week). */
export function weeklyReview(ctx: Ctx, week: string | undefined): WeeklyReview {
  const found = reviewWeek(check(ReviewQuerySchema, { week }, 'query').week, ctx.store.now());
  if (!found.ok) throw invalid(found.issues, 'query');
  const span = found.value;
  const state = ctx.store.state;
  const end = toIso(span.to);
  const rows = [...state.incidents.values()].filter((r) => r.doc.startedAt < end).sort((a, b) => byText(a.doc.startedAt, b.doc.startedAt) || byText(a.doc.id, b.doc.id));
  const slos = [...state.slos.values()].sort((a, b) => byText(a.createdAt, b.createdAt) || byText(a.doc.id, b.doc.id));
  return Object.freeze(
    reviewOf({
      week: span,
      incidents: rows.map((r) => r.doc),
      ofWeek: rows.filter((r) => startedIn(r.doc, span)).map((r) => stored({ doc: fullIncident(ctx, r), version: r.version })),
      actions: [...state.actions.values()].sort((a, b) => byText(a.doc.status, b.doc.status) || byText(a.doc.rank, b.doc.rank) || byText(a.doc.id, b.doc.id)).map((r) => stored(r)),
      slos: slos.map((row) => ({ slo: stored(row), report: reportOf(ctx, row.doc, span.asOf) })),
      inReview: [...state.postmortems.values()]
        .filter((r) => r.doc.status === 'in_review')
        .sort((a, b) => byText(a.doc.updatedAt, b.doc.updatedAt) || byText(a.doc.id, b.doc.id))
        .map((r) => stored(r)),
    }),
  );
}
