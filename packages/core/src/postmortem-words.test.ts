import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACTION_KINDS, CONTRIBUTING_FACTOR_CATEGORIES } from './domain.js';
import { ACTION_KIND_HINTS, ACTION_KIND_WORDS, FACTOR_CATEGORY_HINTS, FACTOR_CATEGORY_WORDS, durationWords, wordOf } from './postmortem-words.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time.js';

describe('postmortem words', () => {
  it('names every category and kind in English and Japanese', () => {
    for (const c of CONTRIBUTING_FACTOR_CATEGORIES) {
      assert.ok(FACTOR_CATEGORY_WORDS[c].ja && FACTOR_CATEGORY_HINTS[c].ja, c);
    }
    for (const k of ACTION_KINDS) assert.ok(ACTION_KIND_WORDS[k].ja && ACTION_KIND_HINTS[k].ja, k);
    assert.equal(wordOf(FACTOR_CATEGORY_WORDS, 'culture', 'ja-JP'), '文化');
    assert.equal(wordOf(FACTOR_CATEGORY_WORDS, 'culture', 'fr'), 'Culture');
  });

  it('says durations with two units at most', () => {
    assert.equal(durationWords(30_000, 'en'), '< 1 min');
    assert.equal(durationWords(-5, 'ja'), '1分未満');
    assert.equal(durationWords(45 * MINUTE_MS + 59_000, 'en'), '45 min');
    assert.equal(durationWords(HOUR_MS + 25 * MINUTE_MS, 'en'), '1 h 25 min');
    assert.equal(durationWords(HOUR_MS + 25 * MINUTE_MS, 'ja'), '1時間25分');
    assert.equal(durationWords(2 * HOUR_MS, 'en'), '2 h');
    assert.equal(durationWords(2 * DAY_MS + 3 * HOUR_MS + 10 * MINUTE_MS, 'en'), '2 d 3 h');
    assert.equal(durationWords(2 * DAY_MS + 10 * MINUTE_MS, 'ja'), '2日');
  });
});
