import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RelatedIncident } from './domain.js';
import { countsBySeverityAndWeek, incidentDurations, mttx, recurrence } from './metrics.js';
import type { IncidentTimes } from './metrics.js';
import { MINUTE_MS, toIso, toMs } from './time.js';

const T0 = toMs('2026-11-02T09:00:00Z'); // a Monday

/** An incident starting `startMin` minutes after T0, with the others as minutes after its start. */
function timed(
  id: string,
  startMin: number,
  after: { detect?: number; ack?: number | null; mitigate?: number | null; resolve?: number | null } = {},
): IncidentTimes {
  const start = T0 + startMin * MINUTE_MS;
  const at = (m: number | null | undefined) => (m === null || m === undefined ? null : toIso(start + m * MINUTE_MS));
  return {
    id,
    startedAt: toIso(start),
    detectedAt: toIso(start + (after.detect ?? 0) * MINUTE_MS),
    acknowledgedAt: at(after.ack),
    mitigatedAt: at(after.mitigate),
    resolvedAt: at(after.resolve),
  };
}

const isRangeError = (...parts: string[]) => (e: unknown) =>
  e instanceof RangeError && parts.every((p) => e.message.includes(p));

describe('incidentDurations', () => {
  it('measures detect and acknowledge as steps, mitigate and resolve from the start', () => {
    const d = incidentDurations(timed('a', 0, { detect: 5, ack: 7, mitigate: 30, resolve: 90 }));
    assert.deepEqual(d, {
      incidentId: 'a',
      timeToDetect: 5 * MINUTE_MS,
      timeToAcknowledge: 2 * MINUTE_MS,
      timeToMitigate: 30 * MINUTE_MS,
      timeToResolve: 90 * MINUTE_MS,
    });
  });

  it('gives null for a missing timestamp', () => {
    const d = incidentDurations(timed('open', 0, { detect: 1 }));
    assert.equal(d.timeToDetect, MINUTE_MS);
    assert.equal(d.timeToAcknowledge, null);
    assert.equal(d.timeToMitigate, null);
    assert.equal(d.timeToResolve, null);
  });

  it('rejects timestamps out of order or invalid, naming the incident', () => {
    assert.throws(() => incidentDurations(timed('early', 0, { detect: -5 })), isRangeError('"early"', 'detectedAt', 'startedAt'));
    assert.throws(
      () => incidentDurations(timed('ack', 0, { detect: 10, ack: 5 })),
      isRangeError('"ack"', 'acknowledgedAt', 'detectedAt'),
    );
    assert.throws(
      () => incidentDurations({ ...timed('bad', 0), resolvedAt: 'later' }),
      isRangeError('"later"'),
    );
  });
});

describe('mttx', () => {
  const incidents = [
    timed('a', 0, { detect: 1, ack: 2, mitigate: 10, resolve: 10 }),
    timed('b', 60, { detect: 3, ack: 4, mitigate: 20, resolve: 20 }),
    timed('c', 120, { detect: 5, ack: null, mitigate: 30, resolve: 30 }),
    timed('d', 180, { detect: 7, ack: 10, mitigate: null, resolve: 40 }),
    timed('e', 240, { detect: 9, ack: 12, mitigate: null, resolve: 100 }),
    timed('later', 24 * 60, { detect: 1000, resolve: 5000 }),
  ];
  const window = { from: T0, to: T0 + 24 * 60 * MINUTE_MS };

  it('summarises each duration over the incidents started in the window', () => {
    const report = mttx(incidents, window);
    assert.equal(report.incidents, 5);
    const m = MINUTE_MS;
    // resolve: 10, 20, 30, 40, 100 minutes. p90 sits 0.6 of the way from 40 to 100.
    assert.deepEqual(report.timeToResolve, { count: 5, mean: 40 * m, median: 30 * m, p90: (40 + 0.6 * 60) * m });
    // detect: 1, 3, 5, 7, 9.
    assert.equal(report.timeToDetect.mean, 5 * m);
    assert.equal(report.timeToDetect.median, 5 * m);
    // acknowledge (from detection): 1, 1, 3, 3 minutes; one incident was never acknowledged.
    assert.equal(report.timeToAcknowledge.count, 4);
    assert.equal(report.timeToAcknowledge.mean, 2 * m);
    assert.equal(report.timeToAcknowledge.median, 2 * m);
    // mitigate: 10, 20, 30 minutes; two incidents have no mitigation time.
    assert.equal(report.timeToMitigate.count, 3);
    assert.equal(report.timeToMitigate.median, 20 * m);
    assert.ok(Math.abs(report.timeToMitigate.p90! - 28 * m) < 1e-6);
  });

  it('includes from and excludes to, and accepts ISO instants', () => {
    const report = mttx(incidents, { from: incidents[1]!.startedAt, to: incidents[3]!.startedAt });
    assert.equal(report.incidents, 2);
    assert.equal(report.timeToResolve.mean, 25 * MINUTE_MS);
  });

  it('gives nulls when nothing started in the window, and one value for every statistic of one', () => {
    const empty = mttx(incidents, { from: T0 - 10 * MINUTE_MS, to: T0 });
    assert.deepEqual(empty.timeToDetect, { count: 0, mean: null, median: null, p90: null });
    assert.equal(empty.incidents, 0);
    const one = mttx([incidents[0]!], window);
    assert.deepEqual(one.timeToResolve, { count: 1, mean: 10 * MINUTE_MS, median: 10 * MINUTE_MS, p90: 10 * MINUTE_MS });
  });

  it('does not reorder the incidents it is given', () => {
    const reversed = [...incidents].reverse();
    const copy = [...reversed];
    assert.deepEqual(mttx(reversed, window), mttx(incidents, window));
    assert.deepEqual(reversed, copy);
  });

  it('rejects an empty or reversed window and bad instants', () => {
    assert.throws(() => mttx(incidents, { from: T0, to: T0 }), isRangeError('not before', 'from < to'));
    assert.throws(() => mttx(incidents, { from: Number.NaN, to: T0 }), isRangeError('from NaN'));
    assert.throws(() => mttx(incidents, { from: T0, to: 'tomorrow' }), isRangeError('"tomorrow"'));
  });
});

describe('countsBySeverityAndWeek', () => {
  const at = (startedAt: string, severity: string) => ({ startedAt, severity });
  const severities = ['SEV1', 'SEV2', 'SEV3'];

  it('counts per ISO week and severity, every week and every code present', () => {
    const weeks = countsBySeverityAndWeek(
      [
        at('2026-11-24T10:00:00Z', 'SEV1'), // before from, though in the first week
        at('2026-11-25T10:00:00Z', 'SEV1'),
        at('2026-11-29T23:59:59Z', 'SEV2'), // Sunday: still week 48
        at('2026-12-07T00:00:00Z', 'SEV2'), // Monday of week 50
        at('2026-12-08T00:00:00Z', 'SEV5'), // a level not asked for
        at('2026-12-09T00:00:00Z', 'SEV3'), // at `to`: excluded
      ],
      { from: '2026-11-25T00:00:00Z', to: '2026-12-09T00:00:00Z', severities },
    );
    assert.deepEqual(weeks, [
      { week: '2026-W48', start: '2026-11-23', counts: { SEV1: 1, SEV2: 1, SEV3: 0 }, other: 0, total: 2 },
      { week: '2026-W49', start: '2026-11-30', counts: { SEV1: 0, SEV2: 0, SEV3: 0 }, other: 0, total: 0 },
      { week: '2026-W50', start: '2026-12-07', counts: { SEV1: 0, SEV2: 1, SEV3: 0 }, other: 1, total: 2 },
    ]);
  });

  it('names weeks by the year of their Thursday', () => {
    const weeks = (from: string, to: string) =>
      countsBySeverityAndWeek([], { from, to, severities }).map((w) => [w.week, w.start]);
    assert.deepEqual(weeks('2026-12-28T00:00:00Z', '2027-01-05T00:00:00Z'), [
      ['2026-W53', '2026-12-28'],
      ['2027-W01', '2027-01-04'],
    ]);
    assert.deepEqual(weeks('2024-12-30T00:00:00Z', '2024-12-31T00:00:00Z'), [['2025-W01', '2024-12-30']]);
    assert.deepEqual(weeks('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'), [['2026-W01', '2025-12-29']]);
  });

  it('rejects a severity listed twice and a bad window', () => {
    assert.throws(
      () => countsBySeverityAndWeek([], { from: T0, to: T0 + 1, severities: ['SEV1', 'SEV1'] }),
      isRangeError('"SEV1"', 'twice'),
    );
    assert.throws(() => countsBySeverityAndWeek([], { from: T0, to: T0 - 1, severities }), RangeError);
  });
});

describe('recurrence', () => {
  const inc = (id: string, startMin: number, related: RelatedIncident[] = []) => ({
    id,
    startedAt: toIso(T0 + startMin * MINUTE_MS),
    related,
  });
  const incidents = [
    inc('first', 0),
    inc('again', 100, [{ incidentId: 'first', relation: 'recurrence_of' }]),
    inc('cousin', 200, [{ incidentId: 'first', relation: 'related' }]),
    inc('backwards', 300, [{ incidentId: 'future', relation: 'recurrence_of' }]),
    inc('future', 400),
    inc('orphan', 500, [{ incidentId: 'not-loaded', relation: 'recurrence_of' }]),
    inc('third', 600, [
      { incidentId: 'cousin', relation: 'related' },
      { incidentId: 'again', relation: 'recurrence_of' },
    ]),
  ];

  it('counts incidents that recur an earlier, known incident', () => {
    const report = recurrence(incidents, { from: T0, to: T0 + 1000 * MINUTE_MS });
    assert.deepEqual(report, { total: 7, recurrences: 2, rate: 2 / 7, ids: ['again', 'third'] });
  });

  it('looks up earlier incidents outside the window', () => {
    const report = recurrence(incidents, { from: T0 + 50 * MINUTE_MS, to: T0 + 250 * MINUTE_MS });
    assert.deepEqual(report, { total: 2, recurrences: 1, rate: 0.5, ids: ['again'] });
  });

  it('gives a null rate when no incident started in the window', () => {
    assert.deepEqual(recurrence(incidents, { from: T0 - 10 * MINUTE_MS, to: T0 }), {
      total: 0,
      recurrences: 0,
      rate: null,
      ids: [],
    });
  });

  it('rejects a bad instant', () => {
    assert.throws(() => recurrence([inc('x', 0), { ...inc('y', 1), startedAt: 'soon' }], { from: T0, to: T0 + 1 }), isRangeError('"soon"'));
  });
});
