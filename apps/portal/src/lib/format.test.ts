import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { duration, localized, nextDate, percent, startOfDay, today } from './format.js';

describe('format', () => {
  it('words durations in their two largest units', () => {
    assert.equal(duration(null, 'en'), '—');
    assert.match(duration(0, 'en'), /^0 min/);
    assert.match(duration(125 * 60_000, 'en'), /^2 hrs? 5 min/);
    assert.match(duration((3 * 1440 + 4 * 60 + 7) * 60_000, 'en'), /^3 days? 4 hrs?/);
    assert.match(duration(90 * 60_000, 'ja'), /1.*時間.*30.*分/);
  });

  it('starts a day at local midnight of the time zone, across DST', () => {
    assert.equal(startOfDay('2026-11-25', 'Asia/Tokyo'), '2026-11-24T15:00:00.000Z');
    assert.equal(startOfDay('2026-11-25', 'UTC'), '2026-11-25T00:00:00.000Z');
    assert.equal(startOfDay('2026-03-29', 'Europe/London'), '2026-03-29T00:00:00.000Z');
    assert.equal(startOfDay('2026-03-30', 'Europe/London'), '2026-03-29T23:00:00.000Z');
    assert.equal(startOfDay('2026-13-01', 'UTC'), null);
    assert.equal(startOfDay('2026-02-30', 'UTC'), null);
    assert.equal(startOfDay('nope', 'UTC'), null);
  });

  it('counts dates, percentages and localized text', () => {
    assert.equal(nextDate('2026-12-31'), '2027-01-01');
    assert.equal(today('Asia/Tokyo', Date.parse('2026-11-24T16:00:00Z')), '2026-11-25');
    assert.equal(percent(0.125, 'en'), '12.5%');
    assert.equal(percent(null, 'en'), '—');
    assert.equal(localized({ en: 'Major', ja: '重大' }, 'ja'), '重大');
    assert.equal(localized({ en: 'Major' }, 'ja'), 'Major');
  });
});
