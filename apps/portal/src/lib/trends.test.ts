import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryAdapter } from '@hansei/adapters/memory';
import { hours, mondayOf, periodsOf, readTrends } from './trends.js';

describe('trends', () => {
  it('cuts whole ISO weeks ending with this one into periods', () => {
    const now = Date.parse('2026-11-26T12:00:00Z'); // a Thursday
    assert.equal(new Date(mondayOf(now)).toISOString(), '2026-11-23T00:00:00.000Z');
    const range = periodsOf(12, 4, now);
    assert.equal(new Date(range.to).toISOString(), '2026-11-30T00:00:00.000Z');
    assert.equal(range.periods.length, 3);
    assert.equal(range.periods[0]!.from, range.from);
    assert.equal(range.periods.at(-1)!.to, range.to);
    assert.equal(periodsOf(10, 4, now).periods.length, 3);
    assert.equal(hours(90 * 60_000), 1.5);
    assert.equal(hours(null), null);
  });

  it('reads metrics per period and the overdue actions through the adapter', async () => {
    const adapter = new MemoryAdapter();
    const now = Date.now();
    const trends = await readTrends(adapter, 52, '2100-01-01', now);
    assert.equal(trends.periods.length, 13);
    const weekly = trends.all.weeks.reduce((sum, w) => sum + w.total, 0);
    const perPeriod = trends.periods.reduce((sum, p) => sum + p.metrics.mttx.incidents, 0);
    assert.equal(perPeriod, trends.all.mttx.incidents, 'the periods cover the range exactly');
    assert.equal(weekly, trends.all.mttx.incidents);
    assert.ok(trends.all.mttx.incidents > 0, 'the demo has incidents in the last year');
    // Every open action with a due date is overdue by 2100.
    assert.ok(trends.overdue.length > 0 && trends.overdue.length <= trends.openActions);
  });
});
