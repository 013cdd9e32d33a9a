import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimestamp, prepareParams } from './values.js';

describe('parseTimestamp', () => {
  it('turns PostgreSQL timestamp text into Date#toISOString text', () => {
    assert.equal(parseTimestamp('2026-11-25 09:00:00+00'), '2026-11-25T09:00:00.000Z');
    assert.equal(parseTimestamp('2026-11-25 09:00:00.123456+00'), '2026-11-25T09:00:00.123Z');
    assert.equal(parseTimestamp('2026-11-25 09:00:00.5'), '2026-11-25T09:00:00.500Z');
    assert.equal(parseTimestamp('2026-11-25 14:30:00+05:30'), '2026-11-25T09:00:00.000Z');
    assert.equal(parseTimestamp('2026-11-25 01:00:00-08'), '2026-11-25T09:00:00.000Z');
    assert.equal(parseTimestamp('1850-01-01 00:00:00+00:19:32'), '1849-12-31T23:40:28.000Z');
    assert.equal(parseTimestamp('0050-03-04 05:06:07+00'), '0050-03-04T05:06:07.000Z');
  });

  it('leaves what it cannot represent as PostgreSQL wrote it', () => {
    for (const text of ['infinity', '-infinity', '0044-03-15 12:00:00+00 BC', '12026-01-01 00:00:00+00']) assert.equal(parseTimestamp(text), text);
  });
});

describe('prepareParams', () => {
  it('sends undefined as null, dates as ISO text and plain objects as JSON, the rest unchanged', () => {
    const bytes = Buffer.from([1]);
    assert.deepEqual(prepareParams([undefined, null, new Date(0), { a: [1] }, [1, 2], 'x', 1, true, 2n, bytes]), [
      null,
      null,
      '1970-01-01T00:00:00.000Z',
      '{"a":[1]}',
      [1, 2],
      'x',
      1,
      true,
      2n,
      bytes,
    ]);
    assert.deepEqual(prepareParams(undefined), []);
  });
});
