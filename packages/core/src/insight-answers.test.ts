import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Stored } from './answers.js';
import { demoDataset } from './demo.js';
import type { Incident, PreventionAction, SloReport } from './domain.js';
import {
  DEFAULT_METRICS_RANGE_MS,
  MetricsQuerySchema,
  ReviewQuerySchema,
  burningSlos,
  incidentMetrics,
  metricsRange,
  reviewWeek,
  startedIn,
  weeklyReview,
} from './insight-answers.js';
import { DAY_MS, WEEK_MS, toIso, toMs } from './time.js';
import { validate } from './validate.js';

const now = Date.UTC(2026, 10, 25, 10); // Wednesday 2026-11-25 (ISO week 48)

describe('the insight queries', () => {
  it('parse instants to epoch ms and check the week form', () => {
    assert.deepEqual(validate(MetricsQuerySchema, { from: ' 2026-11-01T00:00:00Z ' }), { ok: true, value: { from: Date.UTC(2026, 10, 1) } });
    const bad = validate(MetricsQuerySchema, { to: 'yesterday' });
    assert.equal(bad.ok, false);
    assert.deepEqual(!bad.ok && bad.issues.map((i) => i.path), ['to']);
    assert.deepEqual(validate(ReviewQuerySchema, { week: '2026-W48 ' }), { ok: true, value: { week: '2026-W48' } });
    const week = validate(ReviewQuerySchema, { week: '2026-48' });
    assert.deepEqual(!week.ok && week.issues, [{ path: 'week', message: 'The week must be an ISO week like 2026-W48.' }]);
  });
});

describe('metricsRange', () => {
  it('defaults to the 12 weeks before now', () => {
    assert.deepEqual(metricsRange({}, now), { ok: true, value: { from: now - DEFAULT_METRICS_RANGE_MS, to: now } });
    assert.deepEqual(metricsRange({ to: 1_000_000_000_000 }, now), { ok: true, value: { from: 1_000_000_000_000 - 12 * WEEK_MS, to: 1_000_000_000_000 } });
  });
  it('refuses an empty or reversed range at `to`, and one over ten years at `from`', () => {
    assert.deepEqual(metricsRange({ from: now, to: now }, now), { ok: false, issues: [{ path: 'to', message: '"to" must be after "from".' }] });
    assert.deepEqual(metricsRange({ from: now - 3654 * DAY_MS }, now), { ok: false, issues: [{ path: 'from', message: 'The range can be at most ten years long.' }] });
    assert.equal(metricsRange({ from: now - 3653 * DAY_MS }, now).ok, true);
  });
});

describe('reviewWeek', () => {
  it('is this week, as of now, by default', () => {
    const monday = Date.UTC(2026, 10, 23);
    assert.deepEqual(reviewWeek(undefined, now), { ok: true, value: { from: monday, to: monday + WEEK_MS, asOf: now } });
  });
  it('is as of its last millisecond for a past week', () => {
    const found = reviewWeek('2026-W40', now);
    assert.ok(found.ok);
    assert.equal(toIso(found.value.from), '2026-09-28T00:00:00.000Z');
    assert.equal(found.value.asOf, found.value.to - 1);
  });
  it('names a week the year does not have', () => {
    assert.deepEqual(reviewWeek('2026-W54', now), { ok: false, issues: [{ path: 'week', message: '2026-W54 is not a week of that year.' }] });
  });
});

describe('startedIn', () => {
  it('includes the start and excludes the end', () => {
    const range = { from: Date.UTC(2026, 10, 23), to: Date.UTC(2026, 10, 30) };
    assert.equal(startedIn({ startedAt: '2026-11-23T00:00:00.000Z' }, range), true);
    assert.equal(startedIn({ startedAt: '2026-11-30T00:00:00.000Z' }, range), false);
    assert.equal(startedIn({ startedAt: '2026-11-22T23:59:59.999Z' }, range), false);
  });
});

describe('burningSlos', () => {
  const report = (alert: SloReport['alert'], budgetRemaining: number) => ({ alert, budgetRemaining }) as SloReport;
  it('keeps alerting SLOs and those low on budget: paging first, then ticketing, then least budget left', () => {
    const slos = [
      { slo: 'healthy', report: report('ok', 0.9) },
      { slo: 'low', report: report('ok', 0.1) },
      { slo: 'ticket', report: report('ticket', 0.5) },
      { slo: 'page-rich', report: report('page', 0.8) },
      { slo: 'page-poor', report: report('page', -0.2) },
      { slo: 'edge', report: report('ok', 0.25) },
    ];
    assert.deepEqual(burningSlos(slos).map((s) => s.slo), ['page-poor', 'page-rich', 'ticket', 'low']);
  });
});

describe('incidentMetrics', () => {
  const data = demoDataset({ now });
  const range = { from: now - 4 * WEEK_MS, to: now - WEEK_MS };
  const severities = data.guideline.levels.map((l) => l.code);
  const metrics = incidentMetrics(data.incidents, data.actions, range, severities);
  it('answers the range as instants and the severities as given', () => {
    assert.equal(metrics.from, toIso(range.from));
    assert.equal(metrics.to, toIso(range.to));
    assert.deepEqual(metrics.severities, severities);
  });
  it('counts the incidents that started in the range only', () => {
    const counted = metrics.weeks.reduce((n, w) => n + Object.values(w.counts).reduce((a, b) => a + b, 0) + w.other, 0);
    const inRange = data.incidents.filter((i) => toMs(i.startedAt) >= range.from && toMs(i.startedAt) < range.to).length;
    assert.ok(inRange > 0, 'the demo has incidents in the range');
    assert.equal(counted, inRange);
  });
  it('mixes every action the team means to do, whatever the range', () => {
    assert.equal(metrics.actionMix.total, data.actions.filter((a) => a.status !== 'wont_do').length);
  });
});

describe('weeklyReview', () => {
  const data = demoDataset({ now });
  const found = reviewWeek(undefined, now);
  assert.ok(found.ok);
  const week = found.value;
  const withVersion = <T extends object>(doc: T, version = 3): Stored<T> => ({ ...doc, version });
  const actions: Stored<PreventionAction>[] = data.actions.map((a) => withVersion(a));
  const before = data.incidents.filter((i) => toMs(i.startedAt) < week.to);
  const ofWeek: Stored<Incident>[] = before.filter((i) => startedIn(i, week)).map((i) => withVersion(i));
  const review = weeklyReview({ week, incidents: before, ofWeek, actions, slos: [], inReview: [] });
  it('names the week and its dates', () => {
    assert.equal(review.week, '2026-W48');
    assert.equal(review.start, '2026-11-23');
    assert.equal(review.end, '2026-11-29');
    assert.equal(review.asOf, toIso(now));
    assert.equal(review.incidents, ofWeek);
  });
  it('answers the actions due with their versions, and those overdue as of now', () => {
    assert.ok(review.actionsDue.length > 0 && review.actionsOverdue.length > 0, 'the demo has actions due this week and overdue');
    for (const action of review.actionsDue) {
      assert.equal(action.version, 3);
      assert.ok(action.dueDate !== null && action.dueDate >= review.start && action.dueDate <= review.end);
    }
    for (const overdue of review.actionsOverdue) assert.ok(overdue.action.dueDate !== null && overdue.action.dueDate < '2026-11-25');
  });
  it('finds the done actions whose incident recurred among the incidents given', () => {
    assert.ok(review.recurredAfterDone.length > 0, 'the demo has prevention that missed');
    assert.deepEqual(weeklyReview({ week, incidents: [], ofWeek, actions, slos: [], inReview: [] }).recurredAfterDone, []);
  });
});
