/**
 * Insights in memory, by the server's rules (apps/api/src/routes/insights.ts): incident metrics
 * over a range (default: the 12 weeks before now) and the weekly review, computed by
 * @hansei/core from the stored documents.
 */
import {
  DAY_MS,
  WEEK_MS,
  actionMix,
  countsBySeverityAndWeek,
  dueBetween,
  isInstant,
  mondayOf,
  isoWeekOf,
  mttx,
  overdueActions,
  recurrence,
  recurredAfterDone,
  startOfIsoWeek,
  toIso,
  toMs,
  type AlertState,
  type IncidentMetrics,
  type PreventionAction,
  type Slo,
  type SloReport,
  type Stored,
  type WeeklyReview,
} from '@hansei/core';
import { fullIncident, stored, type Ctx } from './context.js';
import { invalid } from './problems.js';
import { reportOf } from './slos.js';

const DEFAULT_RANGE_MS = 12 * WEEK_MS;
const MAX_RANGE_MS = 3653 * DAY_MS;
/** An SLO is burning when it alerts or has less than this share of its budget left. */
const LOW_BUDGET = 0.25;
const ALERT_ORDER: Readonly<Record<AlertState, number>> = { page: 0, ticket: 1, ok: 2 };
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const date = (ms: number): string => toIso(ms).slice(0, 10);

/** An optional instant of the query, checked as the server checks it. */
function instantOf(value: string | undefined, key: string): number | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value.trim() : value;
  if (!isInstant(text)) throw invalid([{ path: key, message: `"${key}" must be a date and time with a time zone, like 2026-11-25T09:30:00Z.` }], 'query');
  return toMs(text);
}

/** Metrics of the incidents that started in [from, to) (default: the 12 weeks before now). */
export function metrics(ctx: Ctx, range: { readonly from?: string; readonly to?: string }): IncidentMetrics {
  const given = { from: instantOf(range.from, 'from'), to: instantOf(range.to, 'to') };
  const to = given.to ?? ctx.store.now();
  const from = given.from ?? to - DEFAULT_RANGE_MS;
  if (from >= to) throw invalid([{ path: 'to', message: '"to" must be after "from".' }], 'query');
  if (to - from > MAX_RANGE_MS) throw invalid([{ path: 'from', message: 'The range can be at most ten years long.' }], 'query');
  const severities = ctx.store.state.guideline.doc.levels.map((l) => l.code);
  const toText = toIso(to);
  const incidents = [...ctx.store.state.incidents.values()].map((r) => r.doc).filter((i) => i.startedAt < toText);
  const actions = [...ctx.store.state.actions.values()].map((r) => r.doc);
  const window = { from, to };
  return Object.freeze({
    from: toIso(from),
    to: toText,
    severities,
    mttx: mttx(incidents, window),
    weeks: countsBySeverityAndWeek(incidents, { ...window, severities }),
    recurrence: recurrence(incidents, window),
    actionMix: actionMix(actions),
  });
}

/** The weekly review of ISO week `week` (`2026-W48`; default: this week). */
export function weeklyReview(ctx: Ctx, week: string | undefined): WeeklyReview {
  const name = week?.trim();
  if (name !== undefined && !/^\d{4}-W\d{2}$/.test(name)) throw invalid([{ path: 'week', message: 'The week must be an ISO week like 2026-W48.' }], 'query');
  const now = ctx.store.now();
  const start = name === undefined ? startOfIsoWeek(now) : mondayOf(name);
  if (start === null) throw invalid([{ path: 'week', message: `${String(name)} is not a week of that year.` }], 'query');
  const end = start + WEEK_MS;
  const asOf = Math.min(now, end - 1);
  const state = ctx.store.state;
  const endText = toIso(end);
  const rows = [...state.incidents.values()].filter((r) => r.doc.startedAt < endText).sort((a, b) => byText(a.doc.startedAt, b.doc.startedAt) || byText(a.doc.id, b.doc.id));
  const incidents = rows.map((r) => r.doc);
  const ofWeek = rows.filter((r) => toMs(r.doc.startedAt) >= start).map((r) => stored({ doc: fullIncident(ctx, r), version: r.version }));
  const actionRows = [...state.actions.values()].sort((a, b) => byText(a.doc.status, b.doc.status) || byText(a.doc.rank, b.doc.rank) || byText(a.doc.id, b.doc.id));
  const actions = actionRows.map((r) => stored(r));
  const burning: { slo: Stored<Slo>; report: SloReport }[] = [];
  for (const row of [...state.slos.values()].sort((a, b) => byText(a.createdAt, b.createdAt) || byText(a.doc.id, b.doc.id))) {
    const report = reportOf(ctx, row.doc, asOf);
    if (report.alert !== 'ok' || report.budgetRemaining < LOW_BUDGET) burning.push({ slo: stored(row), report });
  }
  burning.sort((a, b) => ALERT_ORDER[a.report.alert] - ALERT_ORDER[b.report.alert] || a.report.budgetRemaining - b.report.budgetRemaining);
  const inReview = [...state.postmortems.values()]
    .filter((r) => r.doc.status === 'in_review')
    .sort((a, b) => byText(a.doc.updatedAt, b.doc.updatedAt) || byText(a.doc.id, b.doc.id))
    .map((r) => stored(r));
  return Object.freeze({
    week: isoWeekOf(start),
    start: date(start),
    end: date(end - DAY_MS),
    asOf: toIso(asOf),
    incidents: ofWeek,
    actionsDue: dueBetween(actions, date(start), date(end - DAY_MS)) as Stored<PreventionAction>[],
    actionsOverdue: overdueActions(actions, date(asOf)),
    slosBurning: burning,
    postmortemsInReview: inReview,
    recurredAfterDone: recurredAfterDone(actions, incidents),
  });
}
