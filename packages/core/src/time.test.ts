import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DAY_MS,
  SECOND_MS,
  dateMs,
  instantMs,
  isIsoDate,
  wallClock,
  zoneFormat,
  zoneOffset,
  HOUR_MS,
  MINUTE_MS,
  isDuration,
  parseDuration,
  startOfIsoWeek,
  startOfUtcDay,
  toIso,
  toMs,
} from './time.js';

describe('parseDuration', () => {
  it('reads every fixed unit', () => {
    assert.equal(parseDuration('30s'), 30_000);
    assert.equal(parseDuration('5m'), 5 * MINUTE_MS);
    assert.equal(parseDuration('6h'), 6 * HOUR_MS);
    assert.equal(parseDuration('30d'), 30 * DAY_MS);
    assert.equal(parseDuration('2w'), 14 * DAY_MS);
  });
  it('rejects zero, calendar units and garbage with the input in the message', () => {
    for (const bad of ['0m', '1M', '1.5h', 'h', '', '5 m', '-1d']) {
      assert.throws(() => parseDuration(bad), (e: unknown) => e instanceof RangeError && e.message.includes(`"${bad}"`));
      assert.equal(isDuration(bad), false);
    }
    assert.equal(isDuration('28d'), true);
  });
});

describe('toMs / toIso', () => {
  it('round-trips UTC and honours offsets', () => {
    assert.equal(toIso(toMs('2026-11-25T09:30:00Z')), '2026-11-25T09:30:00.000Z');
    assert.equal(toMs('2026-11-25T18:30:00+09:00'), toMs('2026-11-25T09:30:00Z'));
    assert.equal(toMs('2026-11-25T09:30Z'), toMs('2026-11-25T09:30:00.000Z'));
  });
  it('reads the canonical UTC forms exactly as Date.parse does', () => {
    for (const text of ['2026-11-25T09:30:00Z', '2026-11-25T09:30:00.123Z', '2024-02-29T23:59:59.999Z', '1999-12-31T00:00:00Z', '0001-01-01T00:00:00Z']) {
      assert.equal(toMs(text), Date.parse(text), text);
    }
    assert.equal(toIso(toMs('2026-11-25T09:30:00.007Z')), '2026-11-25T09:30:00.007Z');
  });
  it('rejects canonical-looking instants that do not exist', () => {
    for (const bad of ['2026-02-29T00:00:00Z', '2026-04-31T00:00:00.000Z', '2026-11-25T24:00:00Z', '2026-11-25T23:60:00Z', '2026-11-25T23:59:60Z', '2026-11-25T09:30:00.12aZ', '2026-11-25T09:30:0xZ', '2026-11-25T09:30:00,123Z', '2026-11-25 09:30:00Z', '2026/11/25T09:30:00Z', '2026-11-25T09-30:00Z', '2026-11-25T09:30-00Z', '2026-11-25X09:30:00Z', '2026-11-25T09:30:00+0']) {
      assert.throws(() => toMs(bad), RangeError, bad);
    }
  });
  it('rejects instants without a zone and nonsense', () => {
    for (const bad of ['2026-11-25', '2026-11-25T09:30:00', 'yesterday', '2026-13-45T99:00:00Z', '2026-02-30T00:00:00Z']) {
      assert.throws(() => toMs(bad), RangeError);
    }
  });
});

describe('day and week boundaries', () => {
  it('finds midnight UTC and the ISO week start (Monday)', () => {
    const wed = toMs('2026-11-25T23:59:59Z'); // a Wednesday
    assert.equal(toIso(startOfUtcDay(wed)), '2026-11-25T00:00:00.000Z');
    assert.equal(toIso(startOfIsoWeek(wed)), '2026-11-23T00:00:00.000Z');
    const sunday = toMs('2026-11-29T12:00:00Z');
    assert.equal(toIso(startOfIsoWeek(sunday)), '2026-11-23T00:00:00.000Z');
    const monday = toMs('2026-11-30T00:00:00Z');
    assert.equal(toIso(startOfIsoWeek(monday)), '2026-11-30T00:00:00.000Z');
  });
});

describe('isIsoDate / dateMs', () => {
  it('knows month lengths and leap years', () => {
    for (const good of ['2026-12-01', '2024-02-29', '2000-02-29', '2026-01-31']) assert.equal(isIsoDate(good), true, good);
    for (const bad of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '0000-01-01', '2026-1-1', '2026-12-01T00:00:00Z', 20261201, null]) {
      assert.equal(isIsoDate(bad), false, String(bad));
    }
  });
  it('gives midnight UTC of a real date and names a bad one', () => {
    assert.equal(toIso(dateMs('2026-12-01', 'due date')), '2026-12-01T00:00:00.000Z');
    assert.throws(() => dateMs('2026-02-30', 'due date'), /Invalid due date "2026-02-30": expected a calendar date YYYY-MM-DD/);
  });
});

describe('instantMs', () => {
  it('accepts epoch milliseconds and ISO text', () => {
    assert.equal(instantMs(1_000, 'from'), 1_000);
    assert.equal(instantMs('1970-01-01T00:00:01Z', 'from'), 1_000);
  });
  it('names the bad value', () => {
    assert.throws(() => instantMs(Number.NaN, 'from'), /Invalid from NaN/);
    assert.throws(() => instantMs(Number.POSITIVE_INFINITY, 'to'), /Invalid to Infinity/);
    assert.throws(() => instantMs('today', 'to'), /Invalid instant "today"/);
  });
});

describe('time zones', () => {
  it('reads wall clocks and offsets, DST included', () => {
    const tokyo = zoneFormat('Asia/Tokyo');
    assert.equal(zoneFormat('Asia/Tokyo'), tokyo, 'cached');
    const at = toMs('2026-11-25T15:30:45.678Z');
    assert.equal(toIso(wallClock(tokyo, at)), '2026-11-26T00:30:45.000Z');
    assert.equal(zoneOffset(tokyo, at), 9 * HOUR_MS);
    const london = zoneFormat('Europe/London');
    assert.equal(zoneOffset(london, toMs('2026-07-01T12:00:00Z')), HOUR_MS);
    assert.equal(zoneOffset(london, toMs('2026-12-01T12:00:00Z')), 0);
    assert.equal(zoneOffset(zoneFormat('America/St_Johns'), toMs('2026-12-01T12:00:00Z')), -(3 * HOUR_MS + 30 * MINUTE_MS));
    assert.equal(zoneOffset(zoneFormat('UTC'), -1500), 0, 'before the epoch, to the second');
    assert.equal(SECOND_MS, 1000);
  });
  it('names an unknown zone', () => {
    assert.throws(() => zoneFormat('Mars/Olympus'), /Invalid time zone "Mars\/Olympus"/);
  });
});
