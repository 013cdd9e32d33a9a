import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DAY_MS,
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
  it('rejects instants without a zone and nonsense', () => {
    for (const bad of ['2026-11-25', '2026-11-25T09:30:00', 'yesterday', '2026-13-45T99:00:00Z']) {
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
