import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BurnRateWindowPair, Incident, SliSample, Slo, SloObjective, TimeWindow } from './domain.js';
import {
  budgetConsumedFraction,
  burnRate,
  defaultWindowPairs,
  sloReport,
  sloWindow,
  type IncidentSpan,
} from './slo.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, toIso, toMs } from './time.js';

const MONTH_MS = 30 * DAY_MS;
const NOW = toMs('2026-06-30T12:00:00Z');

type SloOverrides = Partial<Omit<Slo, 'objective'>> & { objective?: Partial<SloObjective> };

function makeSlo(over: SloOverrides = {}): Slo {
  const { objective, ...rest } = over;
  return {
    id: 'slo-api',
    name: 'API availability',
    description: '',
    service: 'api',
    componentId: null,
    indicator: { good: 'http_ok', total: 'http_all' },
    timeWindow: { duration: '30d', isRolling: true },
    budgetingMethod: 'Occurrences',
    labels: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...rest,
    objective: { target: 0.999, timeSliceTarget: null, timeSliceWindow: null, ...objective },
  };
}

function calendar(duration: string, startTime: string, timeZone: string): TimeWindow {
  return { duration, isRolling: false, calendar: { startTime, timeZone } };
}

/**
 * Per-minute samples of `total` events over the `days` before `now`; `bad(ago)` is the bad count
 * of the sample that starts `ago` minutes before `now` (1 is the last one).
 */
function perMinute(now: number, days: number, bad: (ago: number) => number = () => 0, total = 10_000): SliSample[] {
  const count = Math.round(days * 24 * 60);
  return Array.from({ length: count }, (_, i) => {
    const ago = count - i;
    return { at: now - ago * MINUTE_MS, good: total - bad(ago), total };
  });
}

/** Bad events per 10,000 that burn a 99.9 % budget at `rate`. */
const badAt = (rate: number): number => rate * 10;

function near(actual: number | null, expected: number, relative = 1e-9): void {
  assert.ok(actual !== null, `expected ${expected}, got null`);
  assert.ok(
    Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected)),
    `expected ${expected}, got ${actual}`,
  );
}

function rangeError(...parts: string[]) {
  return (e: unknown): boolean => e instanceof RangeError && parts.every((p) => e.message.includes(p));
}

describe('defaultWindowPairs', () => {
  it('gives the SRE workbook pairs with thresholds exactly 14.4, 6, 3 and 1 for 30 days', () => {
    const pairs = defaultWindowPairs(MONTH_MS);
    assert.deepEqual(
      pairs.map((p) => [p.severity, p.longMs, p.shortMs]),
      [
        ['page', HOUR_MS, 5 * MINUTE_MS],
        ['page', 6 * HOUR_MS, 30 * MINUTE_MS],
        ['ticket', DAY_MS, 2 * HOUR_MS],
        ['ticket', 3 * DAY_MS, 6 * HOUR_MS],
      ],
    );
    assert.deepEqual(
      pairs.map((p) => p.threshold),
      [14.4, 6, 3, 1],
    );
  });
  it('derives thresholds from the budget share and the period, so other periods keep the shares', () => {
    const february = defaultWindowPairs(28 * DAY_MS);
    near(february[0]?.threshold ?? null, 13.44);
    const shares = [0.02, 0.05, 0.1, 0.1];
    for (const period of [7 * DAY_MS, 28 * DAY_MS, 31 * DAY_MS, 743 * HOUR_MS]) {
      defaultWindowPairs(period).forEach((p, i) => near(budgetConsumedFraction(p.threshold, p.longMs, period), shares[i] as number));
    }
  });
  it('rejects a period that is not positive', () => {
    for (const bad of [0, -DAY_MS, Number.NaN, Infinity]) {
      assert.throws(() => defaultWindowPairs(bad), rangeError(`${bad}`, 'positive'));
    }
  });
});

describe('burnRate and budgetConsumedFraction', () => {
  it('divides the error rate by the error budget', () => {
    near(burnRate(9_856, 10_000, 0.999), 14.4);
    near(burnRate(99, 100, 0.99), 1);
    assert.equal(burnRate(10, 10, 0.999), 0);
    assert.equal(burnRate(0, 10, 0), 1);
    assert.equal(burnRate(0, 0, 0.999), null);
  });
  it('reproduces the workbook: 14.4x for 1h spends 2 %, 6x for 6h 5 %, 3x for 1d and 1x for 3d 10 %', () => {
    near(budgetConsumedFraction(14.4, HOUR_MS, MONTH_MS), 0.02);
    near(budgetConsumedFraction(6, 6 * HOUR_MS, MONTH_MS), 0.05);
    near(budgetConsumedFraction(3, DAY_MS, MONTH_MS), 0.1);
    near(budgetConsumedFraction(1, 3 * DAY_MS, MONTH_MS), 0.1);
    assert.equal(budgetConsumedFraction(1, MONTH_MS, MONTH_MS), 1);
  });
  it('rejects impossible inputs with the value in the message', () => {
    assert.throws(() => burnRate(1, 2, 1), rangeError('target 1', '[0, 1)'));
    assert.throws(() => burnRate(3, 2, 0.9), rangeError('good 3', 'total 2'));
    assert.throws(() => burnRate(-1, 2, 0.9), rangeError('good -1'));
    assert.throws(() => burnRate(1, Infinity, 0.9), rangeError('Infinity'));
    assert.throws(() => budgetConsumedFraction(-1, HOUR_MS, MONTH_MS), rangeError('-1'));
    assert.throws(() => budgetConsumedFraction(1, Number.NaN, MONTH_MS), rangeError('NaN'));
    assert.throws(() => budgetConsumedFraction(1, HOUR_MS, 0), rangeError('period 0'));
  });
});

describe('sloWindow', () => {
  it('ends a rolling window at now', () => {
    assert.deepEqual(sloWindow(makeSlo(), NOW), { start: NOW - MONTH_MS, end: NOW });
    const week = makeSlo({ timeWindow: { duration: '1w', isRolling: true } });
    assert.deepEqual(sloWindow(week, NOW), { start: NOW - 7 * DAY_MS, end: NOW });
  });

  const cases: [string, TimeWindow, string, string, string][] = [
    ['a month in UTC', calendar('1M', '2026-01-01T00:00:00Z', 'UTC'), '2026-02-15T08:00:00Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
    ['the instant on a boundary as the new period', calendar('1M', '2026-01-01T00:00:00Z', 'UTC'), '2026-03-01T00:00:00Z', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
    ['the last millisecond as the old period', calendar('1M', '2026-01-01T00:00:00Z', 'UTC'), '2026-02-28T23:59:59.999Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
    ['a month starting on the 31st, clamped in February', calendar('1M', '2026-01-31T00:00:00Z', 'UTC'), '2026-02-28T12:00:00Z', '2026-02-28T00:00:00.000Z', '2026-03-31T00:00:00.000Z'],
    ['the period before the clamped one', calendar('1M', '2026-01-31T00:00:00Z', 'UTC'), '2026-02-27T12:00:00Z', '2026-01-31T00:00:00.000Z', '2026-02-28T00:00:00.000Z'],
    ['a leap-year February', calendar('1M', '2024-01-31T00:00:00Z', 'UTC'), '2024-03-01T00:00:00Z', '2024-02-29T00:00:00.000Z', '2024-03-31T00:00:00.000Z'],
    ['periods before startTime', calendar('1M', '2026-01-01T00:00:00Z', 'UTC'), '2025-12-15T12:00:00Z', '2025-12-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    ['a New York month across the March DST change (743 h)', calendar('1M', '2026-01-01T00:00:00-05:00', 'America/New_York'), '2026-03-15T00:00:00Z', '2026-03-01T05:00:00.000Z', '2026-04-01T04:00:00.000Z'],
    ['a New York month across the November DST change (745 h)', calendar('1M', '2026-01-01T00:00:00-05:00', 'America/New_York'), '2026-11-01T12:00:00Z', '2026-11-01T04:00:00.000Z', '2026-12-01T05:00:00.000Z'],
    ['a London day that springs forward (23 h)', calendar('1d', '2026-01-01T00:00:00Z', 'Europe/London'), '2026-03-29T12:00:00Z', '2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z'],
    ['a London day that falls back (25 h)', calendar('1d', '2026-01-01T00:00:00Z', 'Europe/London'), '2026-10-25T12:00:00Z', '2026-10-24T23:00:00.000Z', '2026-10-26T00:00:00.000Z'],
    ['a London month in summer time', calendar('1M', '2026-01-01T00:00:00Z', 'Europe/London'), '2026-07-31T23:30:00Z', '2026-07-31T23:00:00.000Z', '2026-08-31T23:00:00.000Z'],
    ['a start time skipped by DST, moved forward by the gap', calendar('1d', '2026-03-07T02:30:00-05:00', 'America/New_York'), '2026-03-08T16:00:00Z', '2026-03-08T07:30:00.000Z', '2026-03-09T06:30:00.000Z'],
    ['a start time repeated by DST, the earlier instant', calendar('1d', '2026-10-31T01:30:00-04:00', 'America/New_York'), '2026-11-01T17:00:00Z', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z'],
    ['a period whose end, in the repeated hour, has already passed', calendar('1d', '2026-10-31T01:30:00-04:00', 'America/New_York'), '2026-11-01T06:15:00Z', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z'],
    ['fortnights from a Monday', calendar('2w', '2026-01-05T00:00:00Z', 'UTC'), '2026-02-03T00:00:00Z', '2026-02-02T00:00:00.000Z', '2026-02-16T00:00:00.000Z'],
    ['a quarter in Tokyo', calendar('1Q', '2026-01-01T00:00:00+09:00', 'Asia/Tokyo'), '2026-05-15T12:00:00Z', '2026-03-31T15:00:00.000Z', '2026-06-30T15:00:00.000Z'],
    ['a year in Kolkata (+05:30)', calendar('1Y', '2025-04-01T00:00:00+05:30', 'Asia/Kolkata'), '2026-06-01T00:00:00Z', '2026-03-31T18:30:00.000Z', '2027-03-31T18:30:00.000Z'],
  ];
  for (const [name, timeWindow, now, start, end] of cases) {
    it(`finds ${name}`, () => {
      const w = sloWindow(makeSlo({ timeWindow }), toMs(now));
      assert.deepEqual([toIso(w.start), toIso(w.end)], [start, end]);
    });
  }

  it('rejects bad windows and a bad now with the value in the message', () => {
    const bad = (timeWindow: unknown) => makeSlo({ timeWindow: timeWindow as TimeWindow });
    assert.throws(() => sloWindow(makeSlo(), Number.NaN), rangeError('now NaN'));
    assert.throws(() => sloWindow(bad({ duration: '1M', isRolling: true }), NOW), rangeError('"1M"', 'rolling'));
    for (const duration of ['0M', '1h', 'M', '1.5M']) {
      assert.throws(() => sloWindow(bad(calendar(duration, '2026-01-01T00:00:00Z', 'UTC')), NOW), rangeError(`"${duration}"`, 'd, w, M, Q or Y'));
    }
    assert.throws(() => sloWindow(bad(calendar('1M', '2026-01-01T00:00:00Z', 'Mars/Olympus')), NOW), rangeError('"Mars/Olympus"', 'IANA'));
    assert.throws(() => sloWindow(bad(calendar('1M', '2026-01-01', 'UTC')), NOW), rangeError('"2026-01-01"'));
    assert.throws(() => sloWindow(bad({ duration: '1M', isRolling: false }), NOW), rangeError('Missing calendar', 'slo-api'));
    assert.throws(() => sloWindow(bad({ duration: '30d', isRolling: 'yes' }), NOW), rangeError('isRolling yes'));
  });
});

describe('sloReport: the workbook numbers', () => {
  const workbook: [string, number, number, number, number][] = [
    // name, burn rate, for how long, share of the budget, index of the pair it fires
    ['14.4x for 1 hour spends 2 %', 14.4, HOUR_MS, 0.02, 0],
    ['6x for 6 hours spends 5 %', 6, 6 * HOUR_MS, 0.05, 1],
    ['3x for 1 day spends 10 %', 3, DAY_MS, 0.1, 2],
    ['1x for 3 days spends 10 %', 1, 3 * DAY_MS, 0.1, 3],
  ];
  for (const [name, rate, duration, share, pairIndex] of workbook) {
    it(name, () => {
      const minutes = duration / MINUTE_MS;
      const samples = perMinute(NOW, 30, (ago) => (ago <= minutes ? badAt(rate) : 0));
      const incident: IncidentSpan = { id: 'inc-1', startedAt: toIso(NOW - duration), resolvedAt: toIso(NOW) };
      const report = sloReport(makeSlo(), samples, { now: NOW, incidents: [incident] });
      near(1 - report.budgetRemaining, share);
      near(report.incidents[0]?.budgetFraction ?? null, share);
      assert.equal(report.incidents[0]?.bad, badAt(rate) * minutes);
      const pair = report.burnRates[pairIndex];
      assert.ok(pair);
      near(pair.longRate, rate);
      near(pair.shortRate, rate);
      assert.equal(pair.firing, true);
      assert.equal(report.alert, pair.severity);
    });
  }
});

describe('sloReport: alert state', () => {
  it('pages when both windows of a page pair burn at 15x', () => {
    const report = sloReport(makeSlo(), perMinute(NOW, 30, (ago) => (ago <= 60 ? badAt(15) : 0)), { now: NOW });
    assert.equal(report.alert, 'page');
    assert.deepEqual(report.burnRates.map((r) => r.firing), [true, false, false, false]);
  });
  it('does not alert on a short spike that fires only the short window', () => {
    const report = sloReport(makeSlo(), perMinute(NOW, 30, (ago) => (ago <= 5 ? badAt(100) : 0)), { now: NOW });
    const [fast] = report.burnRates;
    assert.ok(fast);
    near(fast.shortRate, 100);
    near(fast.longRate, (100 * 5) / 60);
    assert.ok((fast.longRate as number) < fast.threshold);
    assert.deepEqual(report.burnRates.map((r) => r.firing), [false, false, false, false]);
    assert.equal(report.alert, 'ok');
  });
  it('stops paging once the short window has recovered, though the long one is still high', () => {
    const report = sloReport(makeSlo(), perMinute(NOW, 30, (ago) => (ago > 10 && ago <= 50 ? badAt(30) : 0)), { now: NOW });
    const [fast] = report.burnRates;
    near(fast?.longRate ?? null, 20);
    assert.equal(fast?.shortRate, 0);
    assert.equal(report.alert, 'ok');
  });
  it('raises a ticket for a slow steady 2x burn over 3 days', () => {
    const report = sloReport(makeSlo(), perMinute(NOW, 30, (ago) => (ago <= 3 * 1440 ? badAt(2) : 0)), { now: NOW });
    assert.deepEqual(report.burnRates.map((r) => r.firing), [false, false, false, true]);
    assert.equal(report.alert, 'ticket');
  });
  it('reports the most severe firing pair', () => {
    const report = sloReport(makeSlo(), perMinute(NOW, 30, (ago) => (ago <= 3 * 1440 ? badAt(20) : 0)), { now: NOW });
    assert.deepEqual(report.burnRates.map((r) => r.firing), [true, true, true, true]);
    assert.equal(report.alert, 'page');
  });
  it('uses the window pairs it is given', () => {
    const pairs: BurnRateWindowPair[] = [{ severity: 'ticket', longMs: 2 * HOUR_MS, shortMs: 10 * MINUTE_MS, threshold: 5 }];
    const report = sloReport(makeSlo(), perMinute(NOW, 30, (ago) => (ago <= 120 ? badAt(6) : 0)), { now: NOW, windowPairs: pairs });
    assert.equal(report.burnRates.length, 1);
    assert.deepEqual({ ...report.burnRates[0], longRate: 0, shortRate: 0 }, { ...pairs[0], longRate: 0, shortRate: 0, firing: true });
    assert.equal(report.alert, 'ticket');
    const none = sloReport(makeSlo(), perMinute(NOW, 1, () => badAt(0.5)), { now: NOW, windowPairs: [] });
    near(none.budgetRemaining, 0.5);
    assert.deepEqual([none.burnRates, none.alert, none.timeToExhaustionMs], [[], 'ok', null]);
  });
  it('rejects a bad window pair', () => {
    const base: BurnRateWindowPair = { severity: 'page', longMs: HOUR_MS, shortMs: 5 * MINUTE_MS, threshold: 14.4 };
    for (const pair of [
      { ...base, longMs: 0 },
      { ...base, shortMs: 2 * HOUR_MS },
      { ...base, threshold: Number.NaN },
      { ...base, threshold: 0 },
      { ...base, severity: 'ok' as 'page' },
    ]) {
      assert.throws(() => sloReport(makeSlo(), [], { now: NOW, windowPairs: [pair] }), rangeError('Invalid burn-rate window pair', `"longMs":${pair.longMs}`));
    }
  });
});

describe('sloReport: budget', () => {
  it('sums events and derives attainment and budget', () => {
    const samples = perMinute(NOW, 30, (ago) => (ago % 1000 === 0 ? 1_000 : 0));
    const report = sloReport(makeSlo(), samples, { now: NOW });
    const bad = Math.floor(43_200 / 1000) * 1_000;
    assert.equal(report.total, 43_200 * 10_000);
    assert.equal(report.good, 43_200 * 10_000 - bad);
    assert.equal(report.budgetConsumed, bad);
    near(report.budgetTotal, 432_000);
    near(report.attainment, 1 - bad / (43_200 * 10_000));
    near(report.budgetRemaining, 1 - bad / 432_000);
    assert.deepEqual([report.sloId, report.target, report.budgetingMethod], ['slo-api', 0.999, 'Occurrences']);
    assert.deepEqual([report.windowStart, report.windowEnd], [NOW - MONTH_MS, NOW]);
  });
  it('reports an empty window as untouched', () => {
    const report = sloReport(makeSlo(), [], { now: NOW, incidents: [{ id: 'i', startedAt: toIso(NOW - HOUR_MS), resolvedAt: null }] });
    assert.deepEqual(
      { ...report, burnRates: report.burnRates.map((r) => [r.longRate, r.shortRate, r.firing]) },
      {
        sloId: 'slo-api',
        windowStart: NOW - MONTH_MS,
        windowEnd: NOW,
        target: 0.999,
        budgetingMethod: 'Occurrences',
        good: 0,
        total: 0,
        attainment: null,
        budgetTotal: 0,
        budgetConsumed: 0,
        budgetRemaining: 1,
        burnRates: [[null, null, false], [null, null, false], [null, null, false], [null, null, false]],
        alert: 'ok',
        timeToExhaustionMs: null,
        budgetSeries: [
          { at: NOW - MONTH_MS, remaining: 1 },
          { at: NOW, remaining: 1 },
        ],
        incidents: [{ incidentId: 'i', bad: 0, budgetFraction: 0 }],
      },
    );
  });
  it('goes negative when overspent, with no time left', () => {
    const report = sloReport(makeSlo(), perMinute(NOW, 30, () => 5_000), { now: NOW });
    near(report.attainment, 0.5);
    near(report.budgetRemaining, 1 - 0.5 / 0.001);
    assert.equal(report.timeToExhaustionMs, 0);
    assert.equal(report.alert, 'page');
    near(report.budgetSeries.at(-1)?.remaining ?? null, report.budgetRemaining);
  });
  it('gives the time to exhaustion at the 1h burn rate', () => {
    const report = sloReport(makeSlo(), perMinute(NOW, 30, (ago) => (ago <= 60 ? badAt(14.4) : 0)), { now: NOW });
    near(report.budgetRemaining, 0.98);
    // 98 % of a 30-day budget at 14.4x lasts 0.98 * 720 h / 14.4 = 49 h.
    near(report.timeToExhaustionMs, 49 * HOUR_MS);
    const calm = sloReport(makeSlo(), perMinute(NOW, 30, (ago) => (ago > 120 && ago <= 180 ? badAt(14.4) : 0)), { now: NOW });
    near(calm.budgetRemaining, 0.98);
    assert.equal(calm.burnRates[0]?.longRate, 0);
    assert.equal(calm.timeToExhaustionMs, null);
  });
  it('handles a zero target: the whole total is budget', () => {
    const report = sloReport(makeSlo({ objective: { target: 0 } }), perMinute(NOW, 1, () => 2_500), { now: NOW });
    assert.equal(report.budgetTotal, report.total);
    assert.equal(report.budgetRemaining, 0.75);
  });
  it('ignores samples at or after now and before the window', () => {
    const samples = perMinute(NOW + 10 * MINUTE_MS, 31, () => 0);
    const report = sloReport(makeSlo(), samples, { now: NOW });
    assert.equal(report.total, 43_200 * 10_000);
    const atNow = sloReport(makeSlo(), [{ at: NOW, good: 0, total: 5 }], { now: NOW });
    assert.equal(atNow.total, 0);
  });
  it('lets burn-rate windows look back past a calendar window start', () => {
    const now = toMs('2026-06-01T01:00:00Z');
    const slo = makeSlo({ timeWindow: calendar('1M', '2026-01-01T00:00:00Z', 'UTC') });
    const report = sloReport(slo, perMinute(now, 3, () => badAt(3)), { now });
    assert.equal(report.windowStart, toMs('2026-06-01T00:00:00Z'));
    assert.equal(report.total, 60 * 10_000);
    assert.deepEqual(report.burnRates.map((r) => r.threshold), defaultWindowPairs(30 * DAY_MS).map((r) => r.threshold));
    near(report.burnRates[3]?.longRate ?? null, 3);
    assert.equal(report.alert, 'ticket');
  });
  it('takes the burn-rate period from the whole calendar period, mid-period', () => {
    const slo = makeSlo({ timeWindow: calendar('1M', '2026-01-01T00:00:00Z', 'UTC') });
    const now = toMs('2026-02-10T00:00:00Z');
    const report = sloReport(slo, perMinute(now, 9, (ago) => (ago <= 60 ? badAt(13.44) : 0)), { now });
    assert.equal(report.windowEnd - report.windowStart, 28 * DAY_MS);
    near(report.burnRates[0]?.threshold ?? null, 13.44);
    assert.equal(report.alert, 'page');
  });
});

describe('sloReport: samples', () => {
  it('rejects samples out of order, naming the sample', () => {
    const samples = perMinute(NOW, 1);
    const swapped = [...samples];
    [swapped[10], swapped[11]] = [swapped[11] as SliSample, swapped[10] as SliSample];
    assert.throws(() => sloReport(makeSlo(), swapped, { now: NOW }), rangeError('ascending', 'sample 11'));
  });
  it('accepts samples that share an instant', () => {
    const at = NOW - MINUTE_MS;
    const report = sloReport(makeSlo(), [{ at, good: 1, total: 2 }, { at, good: 3, total: 4 }], { now: NOW });
    assert.deepEqual([report.good, report.total], [4, 6]);
  });
  it('rejects impossible counts and instants', () => {
    const at = NOW - MINUTE_MS;
    for (const [sample, parts] of [
      [{ at, good: 5, total: 4 }, ['good 5', 'total 4']],
      [{ at, good: -1, total: 4 }, ['good -1']],
      [{ at, good: 1, total: Infinity }, ['total Infinity']],
      [{ at: Number.NaN, good: 1, total: 1 }, ['at NaN']],
    ] as [SliSample, string[]][]) {
      assert.throws(() => sloReport(makeSlo(), [sample], { now: NOW }), rangeError('sample 0', ...parts));
    }
  });
});

describe('sloReport: SLO validation', () => {
  it('rejects a target outside [0, 1)', () => {
    for (const target of [1, -0.01, Number.NaN, 99.9]) {
      assert.throws(() => sloReport(makeSlo({ objective: { target } }), [], { now: NOW }), rangeError(`target ${target}`, 'slo-api', '[0, 1)'));
    }
  });
  it('rejects an unknown budgeting method', () => {
    const slo = makeSlo({ budgetingMethod: 'RatioTimeslices' as 'Timeslices' });
    assert.throws(() => sloReport(slo, [], { now: NOW }), rangeError('"RatioTimeslices"', 'Occurrences or Timeslices'));
  });
  it('rejects Timeslices without a usable slice target or window', () => {
    const timeslices = (objective: Partial<SloObjective>) => makeSlo({ budgetingMethod: 'Timeslices', objective });
    for (const timeSliceTarget of [null, 0, 1.5]) {
      assert.throws(
        () => sloReport(timeslices({ timeSliceTarget, timeSliceWindow: '5m' }), [], { now: NOW }),
        rangeError(`timeSliceTarget ${timeSliceTarget}`, '(0, 1]'),
      );
    }
    for (const timeSliceWindow of [null, '5x', '31d']) {
      assert.throws(
        () => sloReport(timeslices({ timeSliceTarget: 0.95, timeSliceWindow }), [], { now: NOW }),
        rangeError(`timeSliceWindow ${timeSliceWindow === null ? 'null' : `"${timeSliceWindow}"`}`, 'slo-api'),
      );
    }
  });
  it('ignores slice settings for Occurrences', () => {
    const slo = makeSlo({ objective: { timeSliceTarget: 0.5, timeSliceWindow: '1m' } });
    assert.equal(sloReport(slo, perMinute(NOW, 1, () => 9_000), { now: NOW }).budgetConsumed, 1440 * 9_000);
  });
  it('rejects a bad now and a bad seriesPoints', () => {
    assert.throws(() => sloReport(makeSlo(), [], { now: Infinity }), rangeError('now Infinity'));
    for (const seriesPoints of [1, 2.5, 0]) {
      assert.throws(() => sloReport(makeSlo(), [], { now: NOW, seriesPoints }), rangeError(`seriesPoints ${seriesPoints}`));
    }
  });
});

describe('sloReport: Timeslices', () => {
  const slo = makeSlo({
    timeWindow: { duration: '1d', isRolling: true },
    budgetingMethod: 'Timeslices',
    objective: { target: 0.9, timeSliceTarget: 0.95, timeSliceWindow: '5m' },
  });

  it('counts good and bad slices and skips slices with no events', () => {
    const start = NOW - DAY_MS;
    const minute = (m: number, good: number, total = 100): SliSample => ({ at: start + m * MINUTE_MS, good, total });
    const samples = [
      ...[0, 1, 2, 3, 4].map((m) => minute(m, 100)), // slice 0: good
      ...[5, 6, 7, 8, 9].map((m) => minute(m, m === 7 ? 70 : 100)), // slice 1: 470/500 = 0.94, bad
      ...[10, 11, 12, 13, 14].map((m) => minute(m, m === 10 ? 75 : 100)), // slice 2: 475/500 = 0.95, good
      // slice 3: no samples; slice 4: samples with no events
      ...[20, 21].map((m) => minute(m, 0, 0)),
      minute(25, 0, 1), // slice 5: bad
      minute(DAY_MS / MINUTE_MS, 0, 1), // at now: ignored
    ];
    const report = sloReport(slo, samples, { now: NOW, seriesPoints: 100 });
    assert.deepEqual([report.good, report.total, report.budgetConsumed], [2, 4, 2]);
    near(report.attainment, 0.5);
    near(report.budgetTotal, 0.4);
    near(report.budgetRemaining, 1 - 2 / 0.4);
    // The burndown steps at slice starts: one point per counted slice boundary.
    assert.deepEqual(
      report.budgetSeries.map((p) => (p.at - start) / MINUTE_MS),
      [0, 5, 10, 25, DAY_MS / MINUTE_MS],
    );
  });
  it('cuts slices from the window start, not the epoch', () => {
    const now = NOW + 2 * MINUTE_MS; // window starts 2 minutes past a 5-minute mark
    const start = now - DAY_MS;
    const samples = perMinute(now, 1, (ago) => (ago === 1440 - 5 || ago === 1440 - 6 ? 100 : 0), 100);
    // Bad minutes 5 and 6 after the start are both in the slice [5, 10): one bad slice, not two.
    const report = sloReport(slo, samples, { now, seriesPoints: 300 });
    assert.deepEqual([report.total, report.budgetConsumed], [288, 1]);
    assert.deepEqual(report.budgetSeries.slice(0, 4).map((p) => (p.at - start) / MINUTE_MS), [0, 5, 10, 15]);
  });
  it('computes burn rates and incident use in slices', () => {
    const samples = perMinute(NOW, 1, (ago) => (ago <= 60 && ago % 10 === 0 ? 50 : 0), 100);
    const report = sloReport(slo, samples, {
      now: NOW,
      incidents: [{ id: 'inc', startedAt: toIso(NOW - HOUR_MS), resolvedAt: toIso(NOW - 30 * MINUTE_MS) }],
    });
    // 6 of the last 12 slices are bad: error rate 0.5 over a budget of 0.1.
    near(report.burnRates[0]?.longRate ?? null, 5);
    assert.deepEqual(report.incidents.map((i) => [i.incidentId, i.bad]), [['inc', 3]]);
    near(report.incidents[0]?.budgetFraction ?? null, 3 / (0.1 * 288));
  });
});

describe('sloReport: incidents', () => {
  const samples = perMinute(NOW, 30, (ago) => (ago <= 120 ? 100 : ago > 43_000 ? 10 : 0));
  it('charges each incident the bad events in its time range, clipped to the window', () => {
    const incidents: IncidentSpan[] = [
      { id: 'resolved', startedAt: toIso(NOW - 2 * HOUR_MS), resolvedAt: toIso(NOW - HOUR_MS) },
      { id: 'ongoing', startedAt: toIso(NOW - 30 * MINUTE_MS), resolvedAt: null },
      { id: 'before-window', startedAt: toIso(NOW - 40 * DAY_MS), resolvedAt: toIso(NOW - MONTH_MS + 10 * MINUTE_MS) },
      { id: 'outside', startedAt: toIso(NOW - 60 * DAY_MS), resolvedAt: toIso(NOW - 50 * DAY_MS) },
    ];
    const report = sloReport(makeSlo(), samples, { now: NOW, incidents });
    assert.deepEqual(
      report.incidents.map((i) => [i.incidentId, i.bad]),
      [
        ['resolved', 6_000],
        ['ongoing', 3_000],
        ['before-window', 100],
        ['outside', 0],
      ],
    );
    for (const use of report.incidents) near(use.budgetFraction, use.bad / report.budgetTotal);
  });
  it('accepts domain incidents', () => {
    const incident = { id: 'inc-9', startedAt: toIso(NOW - HOUR_MS), resolvedAt: null } as Partial<Incident> as Incident;
    const report = sloReport(makeSlo(), samples, { now: NOW, incidents: [incident] });
    assert.equal(report.incidents[0]?.bad, 6_000);
  });
  it('rejects an incident resolved before it started, or with a bad instant', () => {
    const backwards = { id: 'inc-2', startedAt: toIso(NOW), resolvedAt: toIso(NOW - HOUR_MS) };
    assert.throws(() => sloReport(makeSlo(), [], { now: NOW, incidents: [backwards] }), rangeError('"inc-2"', 'before startedAt'));
    const garbled = { id: 'inc-3', startedAt: 'yesterday', resolvedAt: null };
    assert.throws(() => sloReport(makeSlo(), [], { now: NOW, incidents: [garbled] }), rangeError('"yesterday"'));
  });
});

describe('sloReport: budget series', () => {
  it('downsamples a month of minutes to 120 points of the burndown', () => {
    const samples = perMinute(NOW, 30, (ago) => (ago % 97 === 0 ? 2_000 : 0));
    const report = sloReport(makeSlo(), samples, { now: NOW });
    const series = report.budgetSeries;
    assert.equal(series.length, 120);
    assert.deepEqual(series[0], { at: NOW - MONTH_MS, remaining: 1 });
    assert.deepEqual(series.at(-1), { at: NOW, remaining: report.budgetRemaining });
    for (let i = 1; i < series.length; i++) {
      const point = series[i] as { at: number; remaining: number };
      assert.ok(point.at > (series[i - 1]?.at ?? Infinity) && point.remaining <= (series[i - 1]?.remaining ?? -Infinity));
      const bad = samples.filter((s) => s.at < point.at).reduce((sum, s) => sum + s.total - s.good, 0);
      near(point.remaining, 1 - bad / report.budgetTotal);
    }
  });
  it('keeps every sample boundary when there are fewer samples than points', () => {
    const samples = [0, 1, 2].map((m) => ({ at: NOW - (3 - m) * MINUTE_MS, good: 999, total: 1_000 }));
    const report = sloReport(makeSlo(), samples, { now: NOW });
    const expected = [
      [NOW - MONTH_MS, 1],
      [NOW - 2 * MINUTE_MS, 2 / 3],
      [NOW - MINUTE_MS, 1 / 3],
      [NOW, 0],
    ];
    assert.deepEqual(report.budgetSeries.map((p) => p.at), expected.map(([at]) => at));
    report.budgetSeries.forEach((p, i) => near(p.remaining, expected[i]?.[1] as number));
  });
  it('honours seriesPoints', () => {
    const report = sloReport(makeSlo(), perMinute(NOW, 30, () => 1), { now: NOW, seriesPoints: 2 });
    assert.deepEqual(report.budgetSeries.map((p) => p.at), [NOW - MONTH_MS, NOW]);
    const seven = sloReport(makeSlo(), perMinute(NOW, 30, () => 1), { now: NOW, seriesPoints: 7 });
    assert.deepEqual(
      seven.budgetSeries.map((p) => p.at),
      [0, 1, 2, 3, 4, 5, 6].map((j) => NOW - MONTH_MS + j * 5 * DAY_MS),
    );
  });
});
