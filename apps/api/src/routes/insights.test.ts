import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SEVERITY_GUIDELINE, type SliSample } from '@hansei/core';
import { writeActions, writeIncidents, writePostmortems } from '../seed.js';
import { actionDoc, incidentDoc, postmortemDoc } from '../testing/docs.js';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';
import { databasesUnderTest } from '../testing/postgres.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const SLO = {
  service: 'checkout',
  indicator: { good: 'good', total: 'total' },
  timeWindow: { duration: '30d', isRolling: true },
  budgetingMethod: 'Occurrences',
  objective: { target: 0.99 },
};

/** 30 days of samples every 5 minutes up to TEST_NOW, 100 events each, `good(at)` good. */
function month(good: (at: number) => number): SliSample[] {
  const out: SliSample[] = [];
  for (let at = TEST_NOW - 30 * DAY; at < TEST_NOW; at += 5 * MINUTE) out.push({ at, good: good(at), total: 100 });
  return out;
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

for (const { name, open } of databasesUnderTest()) {
  describe(`insights (${name})`, () => {
    let api: TestApi;
    const slos: Record<string, string> = {};
    before(async () => {
      api = await startTestApi(open);
      // Week 2026-W48 runs from Monday 23 to Sunday 29 November; TEST_NOW is Wednesday the 25th.
      await writeIncidents(api.db, [
        incidentDoc({ id: 'inc_old', startedAt: '2026-10-01T12:00:00.000Z' }),
        incidentDoc({ id: 'inc_prev', startedAt: '2026-11-22T23:59:00.000Z', severity: 'SEV4' }),
        incidentDoc({ id: 'inc_b', startedAt: '2026-11-23T00:00:00.000Z', severity: 'SEV1', visibility: 'internal' }),
        incidentDoc({
          id: 'inc_a',
          startedAt: '2026-11-24T10:00:00.000Z',
          severity: 'SEV2',
          related: [{ incidentId: 'inc_old', relation: 'recurrence_of' }],
          updates: [
            {
              id: 'upd_a',
              incidentId: 'inc_a',
              status: 'investigating',
              body: 'Looking into it.',
              visibility: 'public',
              authorId: null,
              createdAt: '2026-11-24T10:05:00.000Z',
              updatedAt: '2026-11-24T10:05:00.000Z',
              displayAt: '2026-11-24T10:05:00.000Z',
              affectedComponents: null,
            },
          ],
        }),
      ]);
      await writeActions(api.db, [
        actionDoc({ id: 'act_due', incidentIds: ['inc_a'], dueDate: '2026-11-27', rank: 'a' }),
        actionDoc({ id: 'act_due_done', incidentIds: ['inc_a'], dueDate: '2026-11-26', status: 'done', completedAt: '2026-11-24T12:00:00.000Z' }),
        actionDoc({ id: 'act_overdue', incidentIds: ['inc_prev'], dueDate: '2026-11-20', status: 'in_progress', kind: 'detect' }),
        actionDoc({ id: 'act_missed', incidentIds: ['inc_old'], status: 'done', kind: 'mitigate', completedAt: '2026-10-15T00:00:00.000Z' }),
        actionDoc({ id: 'act_wont', incidentIds: ['inc_old'], status: 'wont_do', kind: 'mitigate' }),
      ]);
      await writePostmortems(api.db, [
        postmortemDoc({ id: 'pm_review', incidentId: 'inc_old', status: 'in_review' }),
        postmortemDoc({ id: 'pm_draft', incidentId: 'inc_prev' }),
      ]);
      const burning = (at: number) => (at >= TEST_NOW - 2 * HOUR ? 80 : 100); // burn rate 20 over the last two hours
      const spent = (at: number) => (at >= TEST_NOW - 20 * DAY && at < TEST_NOW - 19 * DAY ? 0 : 100); // a whole bad day, long ago
      for (const [key, good] of Object.entries({ healthy: () => 100, burning, spent })) {
        const created = await api.request('POST', '/v1/slos', { as: 'admin', body: { ...SLO, name: key } });
        slos[key] = created.body.id;
        assert.equal((await api.request('POST', `/v1/slos/${created.body.id}/samples`, { as: 'responder', body: month(good) })).status, 200);
      }
    });
    after(() => api?.close());

    it('keeps metrics and the review from anonymous callers', async () => {
      assert.equal((await api.request('GET', '/v1/metrics')).status, 401);
      assert.equal((await api.request('GET', '/v1/review')).status, 401);
      assert.equal((await api.request('GET', '/v1/review?week=2026-W48')).status, 401);
    });

    it('computes incident metrics over the last 12 weeks by default', async () => {
      const response = await api.request('GET', '/v1/metrics', { as: 'viewer' });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const metrics = response.body;
      assert.equal(metrics.to, new Date(TEST_NOW).toISOString());
      assert.equal(metrics.from, new Date(TEST_NOW - 84 * DAY).toISOString());
      assert.deepEqual(metrics.severities, ['SEV1', 'SEV2', 'SEV3', 'SEV4']);
      assert.equal(metrics.mttx.incidents, 4);
      assert.deepEqual(metrics.mttx.timeToResolve, { count: 4, mean: HOUR, median: HOUR, p90: HOUR });
      assert.equal(metrics.mttx.timeToDetect.median, 5 * MINUTE);
      assert.equal(metrics.weeks.length, 13);
      const w48 = metrics.weeks.find((w: { week: string }) => w.week === '2026-W48');
      assert.deepEqual(w48, { week: '2026-W48', start: '2026-11-23', counts: { SEV1: 1, SEV2: 1, SEV3: 0, SEV4: 0 }, other: 0, total: 2 });
      assert.deepEqual(metrics.recurrence, { total: 4, recurrences: 1, rate: 0.25, ids: ['inc_a'] });
      assert.equal(metrics.actionMix.total, 4, 'wont_do left out');
      assert.deepEqual(metrics.actionMix.byKind, { mitigate: 1, prevent: 2, detect: 1, process: 0, remove: 0 });
      assert.equal(metrics.actionMix.needsRootCause, false);
      assert.match(response.headers.get('cache-control') ?? '', /private/);
      const etag = response.headers.get('etag') as string;
      assert.equal((await api.request('GET', '/v1/metrics', { as: 'viewer', headers: { 'if-none-match': etag } })).status, 304);
    });

    it('takes a range, and refuses a bad one', async () => {
      const week = await api.request('GET', '/v1/metrics?from=2026-11-23T00:00:00Z&to=2026-11-30T09:00:00%2B09:00', { as: 'viewer' });
      assert.equal(week.status, 200);
      assert.equal(week.body.to, '2026-11-30T00:00:00.000Z');
      assert.equal(week.body.mttx.incidents, 2);
      assert.deepEqual(week.body.recurrence, { total: 2, recurrences: 1, rate: 0.5, ids: ['inc_a'] });
      assert.equal(week.body.weeks.length, 1);
      const bad = await api.request('GET', '/v1/metrics?from=yesterday', { as: 'viewer' });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path), ['from']);
      const backwards = await api.request('GET', '/v1/metrics?from=2026-11-30T00:00:00Z&to=2026-11-23T00:00:00Z', { as: 'viewer' });
      assert.equal(backwards.status, 422);
      assert.deepEqual(backwards.body.errors.map((e: { path: string }) => e.path), ['to']);
      assert.equal((await api.request('GET', '/v1/metrics?from=2026-12-01T00:00:00Z', { as: 'viewer' })).status, 422, 'from after now');
      assert.equal((await api.request('GET', '/v1/metrics?from=1970-01-01T00:00:00Z', { as: 'viewer' })).status, 422, 'over ten years');
    });

    it("gives the current week's review by default", async () => {
      const response = await api.request('GET', '/v1/review', { as: 'viewer' });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const review = response.body;
      assert.equal(review.week, '2026-W48');
      assert.equal(review.start, '2026-11-23');
      assert.equal(review.end, '2026-11-29');
      assert.equal(review.asOf, new Date(TEST_NOW).toISOString());
      assert.deepEqual(ids(review.incidents), ['inc_b', 'inc_a'], 'started in the week, internal ones too');
      assert.deepEqual(review.incidents.map((i: { updates: { id: string }[] }) => ids(i.updates)), [[], ['upd_a']], 'with their updates');
      assert.deepEqual(ids(review.actionsDue), ['act_due'], 'open and due in the week');
      assert.deepEqual(review.actionsOverdue.map((o: { action: { id: string }; daysOverdue: number }) => [o.action.id, o.daysOverdue]), [['act_overdue', 5]]);
      assert.deepEqual(review.slosBurning.map((b: { slo: { id: string } }) => b.slo.id), [slos['burning'], slos['spent']]);
      const [burning, spent] = review.slosBurning;
      assert.equal(burning.report.alert, 'page');
      assert.equal(spent.report.alert, 'ok');
      assert.ok(spent.report.budgetRemaining < 0.25);
      assert.deepEqual(ids(review.postmortemsInReview), ['pm_review']);
      assert.deepEqual(review.recurredAfterDone.map((m: { action: { id: string }; recurrenceIds: string[] }) => [m.action.id, m.recurrenceIds]), [['act_missed', ['inc_a']]]);
      const same = await api.request('GET', '/v1/review?week=2026-W48', { as: 'viewer' });
      assert.deepEqual(same.body, review);
    });

    it('reviews a past week as of its end', async () => {
      const response = await api.request('GET', '/v1/review?week=2026-W47', { as: 'viewer' });
      assert.equal(response.status, 200);
      const review = response.body;
      assert.equal(review.start, '2026-11-16');
      assert.equal(review.asOf, '2026-11-22T23:59:59.999Z');
      assert.deepEqual(ids(review.incidents), ['inc_prev']);
      assert.deepEqual(ids(review.actionsDue), ['act_overdue']);
      assert.deepEqual(review.actionsOverdue.map((o: { daysOverdue: number }) => o.daysOverdue), [2]);
      assert.deepEqual(review.slosBurning.map((b: { slo: { id: string } }) => b.slo.id), [slos['spent']], 'the burn began after that week');
      assert.deepEqual(review.recurredAfterDone, [], 'the recurrence came later');
    });

    it('refuses a week that does not exist', async () => {
      for (const week of ['2026-W60', '2025-W53', 'last-week', '2026-W1']) {
        const response = await api.request('GET', `/v1/review?week=${week}`, { as: 'viewer' });
        assert.equal(response.status, 422, week);
        assert.deepEqual(response.body.errors.map((e: { path: string }) => e.path), ['week']);
      }
    });

    it("counts by the organisation's own severity codes", async () => {
      const { updatedAt: _updatedAt, ...input } = DEFAULT_SEVERITY_GUIDELINE;
      const levels = input.levels.slice(0, 2).map((level, i) => ({ ...level, code: `P${i + 1}` }));
      const saved = await api.request('PUT', '/v1/severity-guideline', { as: 'admin', body: { ...input, levels }, headers: { 'if-match': '"0"' } });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const metrics = (await api.request('GET', '/v1/metrics', { as: 'viewer' })).body;
      assert.deepEqual(metrics.severities, ['P1', 'P2']);
      const w48 = metrics.weeks.find((w: { week: string }) => w.week === '2026-W48');
      assert.deepEqual(w48.counts, { P1: 0, P2: 0 });
      assert.equal(w48.other, 2);
    });
  });
}
