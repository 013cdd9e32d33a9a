import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ComponentStatus, ComponentStatusChange } from './domain.js';
import { DAY_MS, HOUR_MS, toIso, toMs } from './time.js';
import { MAX_UPTIME_DAYS, UPTIME_WEIGHTS, dailyUptime, dayBoundaries, uptimeOverWindow } from './uptime.js';

function change(
  at: string,
  status: ComponentStatus,
  incidentId: string | null = null,
  maintenanceId: string | null = null,
): ComponentStatusChange {
  return { componentId: 'api', status, at, incidentId, maintenanceId };
}

const H = 3600; // seconds in an hour

/** A component with one incident and one maintenance over three UTC days. */
const history: ComponentStatusChange[] = [
  change('2026-11-20T00:00:00Z', 'operational'),
  change('2026-11-24T10:00:00Z', 'major_outage', 'inc1'),
  change('2026-11-24T11:00:00Z', 'partial_outage', 'inc1'),
  change('2026-11-24T13:00:00Z', 'operational', 'inc1'),
  change('2026-11-25T02:00:00Z', 'under_maintenance', null, 'm1'),
  change('2026-11-25T04:00:00Z', 'operational', null, 'm1'),
];
const end = '2026-11-25T12:00:00Z';

const isRangeError = (...parts: string[]) => (e: unknown) =>
  e instanceof RangeError && parts.every((p) => e.message.includes(p));

describe('UPTIME_WEIGHTS', () => {
  it('counts major outage fully, partial outage for 30 %, degraded not at all, and excludes maintenance', () => {
    assert.equal(UPTIME_WEIGHTS.major_outage, 1);
    assert.equal(UPTIME_WEIGHTS.partial_outage, 0.3);
    assert.equal(UPTIME_WEIGHTS.degraded_performance, 0);
    assert.equal(UPTIME_WEIGHTS.operational, 0);
    assert.equal(UPTIME_WEIGHTS.under_maintenance, null);
  });
});

describe('dayBoundaries', () => {
  it('cuts UTC days ending with the day containing end', () => {
    const days = dayBoundaries(end, 3);
    assert.deepEqual(days.dates, ['2026-11-23', '2026-11-24', '2026-11-25']);
    assert.deepEqual(days.starts.map(toIso), [
      '2026-11-23T00:00:00.000Z',
      '2026-11-24T00:00:00.000Z',
      '2026-11-25T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
    ]);
    assert.equal(days.end, toMs(end));
    assert.equal(days.timeZone, 'UTC');
  });

  it('accepts epoch milliseconds and an end exactly at midnight', () => {
    const days = dayBoundaries(toMs('2026-11-25T00:00:00Z'), 1);
    assert.deepEqual(days.dates, ['2026-11-25']);
    assert.equal(days.starts[0], toMs('2026-11-25T00:00:00Z'));
    // The day containing end has no time yet, so no data.
    assert.equal(dailyUptime(history, { boundaries: days })[0]?.uptime, null);
  });

  it('returns the same frozen object when asked again with the same arguments', () => {
    const a = dayBoundaries(end, 90, 'Asia/Tokyo');
    assert.equal(dayBoundaries(end, 90, 'Asia/Tokyo'), a);
    assert.notEqual(dayBoundaries(end, 90, 'Europe/Paris'), a);
    assert.ok(Object.isFrozen(a) && Object.isFrozen(a.dates) && Object.isFrozen(a.starts));
    assert.equal(a.dates.length, 90);
    assert.equal(a.dates[89], '2026-11-25');
  });

  it('cuts at local midnight in the given zone', () => {
    // 2026-11-24T16:00Z is already the 25th in Tokyo (UTC+9).
    const days = dayBoundaries('2026-11-24T16:00:00Z', 2, 'Asia/Tokyo');
    assert.deepEqual(days.dates, ['2026-11-24', '2026-11-25']);
    assert.deepEqual(days.starts.map(toIso), [
      '2026-11-23T15:00:00.000Z',
      '2026-11-24T15:00:00.000Z',
      '2026-11-25T15:00:00.000Z',
    ]);
  });

  it('makes 23- and 25-hour days when the clock changes', () => {
    const lengths = (e: string, n: number, zone: string) => {
      const d = dayBoundaries(e, n, zone);
      return d.dates.map((date, i) => [date, (d.starts[i + 1]! - d.starts[i]!) / HOUR_MS]);
    };
    assert.deepEqual(lengths('2026-03-09T12:00:00Z', 3, 'America/New_York'), [
      ['2026-03-07', 24],
      ['2026-03-08', 23],
      ['2026-03-09', 24],
    ]);
    assert.deepEqual(lengths('2026-11-02T12:00:00Z', 3, 'America/New_York'), [
      ['2026-10-31', 24],
      ['2026-11-01', 25],
      ['2026-11-02', 24],
    ]);
    assert.deepEqual(lengths('2026-10-26T12:00:00Z', 2, 'Europe/London'), [
      ['2026-10-25', 25],
      ['2026-10-26', 24],
    ]);
  });

  it('starts a day at the jump when its midnight does not exist', () => {
    // Santiago moved its clocks from 00:00 to 01:00 on 2022-09-11.
    const days = dayBoundaries('2022-09-12T12:00:00Z', 2, 'America/Santiago');
    assert.deepEqual(days.dates, ['2022-09-11', '2022-09-12']);
    assert.equal(toIso(days.starts[0]!), '2022-09-11T04:00:00.000Z'); // 00:00 at -04 = 01:00 at -03
    assert.equal(days.starts[1]! - days.starts[0]!, 23 * HOUR_MS);
  });

  it('rejects bad day counts, ends and time zones, naming them', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, MAX_UPTIME_DAYS + 1]) {
      assert.throws(() => dayBoundaries(end, bad), isRangeError(`days ${bad}`));
    }
    assert.throws(() => dayBoundaries(end, 3, 'Mars/Olympus'), isRangeError('"Mars/Olympus"', 'IANA'));
    assert.throws(() => dayBoundaries('yesterday', 3), isRangeError('"yesterday"'));
    assert.throws(() => dayBoundaries(Number.POSITIVE_INFINITY, 3), isRangeError('end Infinity'));
  });
});

describe('dailyUptime', () => {
  it('weights outages, excludes maintenance and lists the incidents of each day', () => {
    const days = dailyUptime(history, { end, days: 3 });
    assert.deepEqual(
      days.map((d) => d.date),
      ['2026-11-23', '2026-11-24', '2026-11-25'],
    );
    const [quiet, outage, today] = days;
    assert.deepEqual(quiet, {
      date: '2026-11-23',
      uptime: 1,
      seconds: { operational: 24 * H, degraded_performance: 0, partial_outage: 0, major_outage: 0, under_maintenance: 0 },
      incidentIds: [],
    });
    assert.deepEqual(outage?.seconds, {
      operational: 21 * H,
      degraded_performance: 0,
      partial_outage: 2 * H,
      major_outage: 1 * H,
      under_maintenance: 0,
    });
    assert.equal(outage?.uptime, 1 - (1 * H + 0.3 * 2 * H) / (24 * H));
    assert.deepEqual(outage?.incidentIds, ['inc1']);
    // Today is cut at `end` (12:00); the 2 hours of maintenance count for neither side.
    assert.equal(today?.seconds.operational, 10 * H);
    assert.equal(today?.seconds.under_maintenance, 2 * H);
    assert.equal(today?.uptime, 1);
    assert.deepEqual(today?.incidentIds, []);
  });

  it('counts degraded performance as up', () => {
    const days = dailyUptime(
      [change('2026-11-24T00:00:00Z', 'degraded_performance', 'slow'), change('2026-11-24T06:00:00Z', 'operational')],
      { end: '2026-11-24T12:00:00Z', days: 1 },
    );
    assert.equal(days[0]?.uptime, 1);
    assert.equal(days[0]?.seconds.degraded_performance, 6 * H);
    assert.deepEqual(days[0]?.incidentIds, ['slow']);
  });

  it('has no data before the first change, and measures only the known part of a day', () => {
    const days = dailyUptime([change('2026-11-24T12:00:00Z', 'major_outage', 'x')], { end: '2026-11-25T06:00:00Z', days: 3 });
    assert.equal(days[0]?.uptime, null);
    assert.equal(days[0]?.seconds.operational, 0);
    assert.equal(days[1]?.uptime, 0);
    assert.equal(days[1]?.seconds.major_outage, 12 * H);
    assert.equal(days[2]?.seconds.major_outage, 6 * H);
    assert.deepEqual(
      days.map((d) => d.incidentIds),
      [[], ['x'], ['x']],
    );
    assert.deepEqual(
      dailyUptime([], { end, days: 2 }).map((d) => d.uptime),
      [null, null],
    );
  });

  it('gives null for a day spent entirely in maintenance', () => {
    const days = dailyUptime(
      [change('2026-11-23T00:00:00Z', 'under_maintenance', null, 'm'), change('2026-11-24T00:00:00Z', 'operational')],
      { end: '2026-11-24T01:00:00Z', days: 2 },
    );
    assert.equal(days[0]?.uptime, null);
    assert.equal(days[0]?.seconds.under_maintenance, 24 * H);
    assert.equal(days[1]?.uptime, 1);
  });

  it('gives null for days before the start date', () => {
    const days = dailyUptime(history, { end, days: 3, startDate: '2026-11-24' });
    assert.equal(days[0]?.uptime, null);
    assert.equal(days[0]?.seconds.operational, 0);
    assert.equal(days[1]?.seconds.major_outage, 1 * H);
    assert.deepEqual(days[1]?.incidentIds, ['inc1']);
  });

  it('carries an outage across days, and an operational change does not drag its incident along', () => {
    const days = dailyUptime(
      [
        change('2026-11-22T20:00:00Z', 'major_outage', 'long'),
        change('2026-11-25T00:00:00Z', 'operational', 'long'),
      ],
      { end: '2026-11-26T12:00:00Z', days: 4 },
    );
    assert.deepEqual(
      days.map((d) => [d.date, d.uptime, d.incidentIds]),
      [
        ['2026-11-23', 0, ['long']],
        ['2026-11-24', 0, ['long']],
        ['2026-11-25', 1, ['long']], // resolved at midnight: the resolving change is that day
        ['2026-11-26', 1, []],
      ],
    );
  });

  it('lists each incident once, in order, including one whose change lasted no time', () => {
    const days = dailyUptime(
      [
        change('2026-11-24T01:00:00Z', 'partial_outage', 'a'),
        change('2026-11-24T02:00:00Z', 'major_outage', 'b'),
        change('2026-11-24T02:00:00Z', 'major_outage', 'c'),
        change('2026-11-24T03:00:00Z', 'partial_outage', 'a'),
        change('2026-11-24T04:00:00Z', 'operational', 'a'),
      ],
      { end: '2026-11-24T12:00:00Z', days: 1 },
    );
    assert.deepEqual(days[0]?.incidentIds, ['a', 'b', 'c']);
    assert.equal(days[0]?.seconds.major_outage, 1 * H);
    assert.equal(days[0]?.seconds.partial_outage, 2 * H);
  });

  it('lists only the incidents it is given, as an array or a set', () => {
    const two = [
      change('2026-11-24T01:00:00Z', 'partial_outage', 'public'),
      change('2026-11-24T02:00:00Z', 'major_outage', 'internal'),
      change('2026-11-24T03:00:00Z', 'operational'),
    ];
    const options = { end: '2026-11-24T12:00:00Z', days: 1 };
    assert.deepEqual(dailyUptime(two, { ...options, incidents: ['public'] })[0]?.incidentIds, ['public']);
    assert.deepEqual(dailyUptime(two, { ...options, incidents: new Set(['internal']) })[0]?.incidentIds, ['internal']);
    assert.deepEqual(dailyUptime(two, options)[0]?.incidentIds, ['public', 'internal']);
    // Filtering the list never changes the uptime.
    assert.equal(dailyUptime(two, { ...options, incidents: [] })[0]?.uptime, dailyUptime(two, options)[0]?.uptime);
  });

  it('ignores changes after end and sorts an unsorted history', () => {
    const withFuture = [...history, change('2026-11-25T13:00:00Z', 'major_outage', 'future')];
    assert.deepEqual(dailyUptime(withFuture, { end, days: 3 }), dailyUptime(history, { end, days: 3 }));
    const shuffled = [history[3]!, history[0]!, history[5]!, history[1]!, history[4]!, history[2]!];
    assert.deepEqual(dailyUptime(shuffled, { end, days: 3 }), dailyUptime(history, { end, days: 3 }));
  });

  it('gives the same days with precomputed boundaries, shared across components', () => {
    const boundaries = dayBoundaries(end, 5, 'Asia/Tokyo');
    const other = [change('2026-11-21T00:00:00Z', 'partial_outage', 'p')];
    assert.deepEqual(dailyUptime(history, { boundaries }), dailyUptime(history, { end, days: 5, timeZone: 'Asia/Tokyo' }));
    assert.deepEqual(dailyUptime(other, { boundaries }), dailyUptime(other, { end, days: 5, timeZone: 'Asia/Tokyo' }));
  });

  it('cuts days in the time zone, and a DST day holds 23 hours', () => {
    const outage = [change('2026-11-20T00:00:00Z', 'operational'), change('2026-11-24T16:00:00Z', 'major_outage', 'x')];
    const utc = dailyUptime(outage, { end: '2026-11-24T17:00:00Z', days: 2 });
    const tokyo = dailyUptime(outage, { end: '2026-11-24T17:00:00Z', days: 2, timeZone: 'Asia/Tokyo' });
    assert.deepEqual(
      utc.map((d) => [d.date, d.seconds.major_outage]),
      [
        ['2026-11-23', 0],
        ['2026-11-24', 1 * H],
      ],
    );
    assert.deepEqual(
      tokyo.map((d) => [d.date, d.seconds.major_outage]),
      [
        ['2026-11-24', 0],
        ['2026-11-25', 1 * H],
      ],
    );
    const ny = dailyUptime([change('2026-03-01T00:00:00Z', 'operational')], {
      end: '2026-03-09T12:00:00Z',
      days: 3,
      timeZone: 'America/New_York',
    });
    assert.deepEqual(
      ny.map((d) => d.seconds.operational / H),
      [24, 23, 8], // the last day is cut at end: 12:00Z is 08:00 EDT
    );
  });

  it('adds up to the same uptime as the whole window', () => {
    const days = dailyUptime(history, { end, days: 3 });
    const total = { measured: 0, down: 0 };
    for (const d of days) {
      for (const [status, seconds] of Object.entries(d.seconds)) {
        const w = UPTIME_WEIGHTS[status as ComponentStatus];
        if (w === null) continue;
        total.measured += seconds;
        total.down += w * seconds;
      }
    }
    const whole = uptimeOverWindow(history, '2026-11-23T00:00:00Z', end);
    assert.ok(whole !== null);
    assert.ok(Math.abs(whole - (1 - total.down / total.measured)) < 1e-12);
  });

  it('rejects a bad status, instant or start date, naming it', () => {
    const bad = [change('2026-11-24T00:00:00Z', 'down' as ComponentStatus)];
    assert.throws(() => dailyUptime(bad, { end, days: 1 }), isRangeError('"down"', 'major_outage'));
    assert.throws(() => dailyUptime([change('2026-11-24', 'operational')], { end, days: 1 }), isRangeError('"2026-11-24"'));
    for (const date of ['2026-02-30', '2026-1-1', 'today']) {
      assert.throws(() => dailyUptime(history, { end, days: 1, startDate: date }), isRangeError(`"${date}"`, 'YYYY-MM-DD'));
    }
  });
});

describe('uptimeOverWindow', () => {
  it('weights a window that spans the outage', () => {
    // 10:00-14:00 on the 24th: 1 h major, 2 h partial, 1 h operational.
    const uptime = uptimeOverWindow(history, '2026-11-24T10:00:00Z', '2026-11-24T14:00:00Z');
    assert.equal(uptime, 1 - (1 + 0.3 * 2) / 4);
  });

  it('excludes maintenance and time before the first change, accepting epoch milliseconds', () => {
    const from = toMs('2026-11-19T00:00:00Z'); // a day before the first change
    const to = toMs(end);
    const measured = (to - toMs('2026-11-20T00:00:00Z')) / 1000 - 2 * H;
    assert.equal(uptimeOverWindow(history, from, to), 1 - (1 * H + 0.3 * 2 * H) / measured);
    assert.equal(uptimeOverWindow(history, '2026-11-25T02:00:00Z', '2026-11-25T04:00:00Z'), null);
    assert.equal(uptimeOverWindow(history, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'), null);
    assert.equal(uptimeOverWindow(history, to, to), null);
    assert.equal(uptimeOverWindow([], from, from + DAY_MS), null);
  });

  it('rejects a reversed window and bad instants', () => {
    assert.throws(() => uptimeOverWindow(history, end, '2026-11-24T00:00:00Z'), isRangeError('from', 'after', 'to'));
    assert.throws(() => uptimeOverWindow(history, Number.NaN, 0), isRangeError('from NaN'));
    assert.throws(() => uptimeOverWindow(history, 0, 'soon'), isRangeError('"soon"'));
  });
});
