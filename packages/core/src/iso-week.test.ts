import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isoWeekOf, mondayOf } from './iso-week.js';

describe('ISO weeks', () => {
  it('names the week of a Monday and finds the Monday of a name', () => {
    const monday = Date.UTC(2026, 10, 23);
    assert.equal(isoWeekOf(monday), '2026-W48');
    assert.equal(mondayOf('2026-W48'), monday);
  });
  it('puts a week in the year of its Thursday', () => {
    assert.equal(isoWeekOf(Date.UTC(2024, 11, 30)), '2025-W01');
    assert.equal(mondayOf('2025-W01'), Date.UTC(2024, 11, 30));
    assert.equal(mondayOf('2020-W53'), Date.UTC(2020, 11, 28), '2020 has 53 weeks');
  });
  it('refuses weeks a year does not have, and malformed names', () => {
    assert.equal(mondayOf('2025-W53'), null);
    assert.equal(mondayOf('2026-W53'), Date.UTC(2026, 11, 28), '2026 has 53 weeks');
    assert.equal(mondayOf('2026-W00'), null);
    assert.equal(mondayOf('2026-48'), null);
  });
});
