import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RANK_DIGITS, rankBetween, ranksBetween } from './rank.js';

/** Mulberry32: a seeded PRNG, so every run inserts at the same places. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

/** The key as the base-62 fraction it stands for. */
function fraction(key: string): number {
  let value = 0;
  for (let i = key.length - 1; i >= 0; i--) value = (value + RANK_DIGITS.indexOf(key[i]!)) / 62;
  return value;
}

function assertBetween(key: string, before: string | null, after: string | null): void {
  assert.match(key, VALID, `"${key}" is not a valid key`);
  if (before !== null) assert.ok(before < key, `"${before}" < "${key}"`);
  if (after !== null) assert.ok(key < after, `"${key}" < "${after}"`);
}

const isRangeError = (...parts: string[]) => (e: unknown) =>
  e instanceof RangeError && parts.every((p) => e.message.includes(p));

describe('RANK_DIGITS', () => {
  it('has 62 digits in ascending ASCII order', () => {
    assert.equal(RANK_DIGITS.length, 62);
    for (let i = 1; i < RANK_DIGITS.length; i++) assert.ok(RANK_DIGITS[i - 1]! < RANK_DIGITS[i]!);
  });
});

describe('rankBetween', () => {
  it('makes a first key, and keys at either open end', () => {
    const first = rankBetween(null, null);
    assertBetween(first, null, null);
    assertBetween(rankBetween(first, null), first, null);
    assertBetween(rankBetween(null, first), null, first);
    assertBetween(rankBetween(null, '1'), null, '1');
    assertBetween(rankBetween('z', null), 'z', null);
    assertBetween(rankBetween('zzz', null), 'zzz', null);
    assertBetween(rankBetween(null, '0001'), null, '0001');
  });

  it('puts a short key before a long first key', () => {
    for (const first of ['Vabc', '0Vqr', 'zz01']) {
      const key = rankBetween(null, first);
      assertBetween(key, null, first);
      assert.ok(key.length < first.length, `"${key}" before "${first}"`);
    }
  });

  it('fits a key between close neighbours, at most one digit longer', () => {
    const pairs: [string, string][] = [
      ['A', 'B'],
      ['A', 'A1'],
      ['A', 'A01'],
      ['Az', 'B'],
      ['Azzz', 'B'],
      ['1', '2'],
      ['y', 'z'],
      ['01', '1'],
      ['V', 'VV'],
      ['abc', 'abd'],
    ];
    for (const [before, after] of pairs) {
      const key = rankBetween(before, after);
      assertBetween(key, before, after);
      assert.ok(key.length <= Math.max(before.length, after.length) + 1, `"${key}" between "${before}" and "${after}"`);
    }
  });

  it('lands near the middle of a wide gap', () => {
    const key = rankBetween('1', 'z');
    assert.ok(Math.abs(fraction(key) - (fraction('1') + fraction('z')) / 2) < 1 / 62);
  });

  it('rejects keys out of order, naming them', () => {
    assert.throws(() => rankBetween('B', 'A'), isRangeError('"B"', '"A"', 'before < after'));
    assert.throws(() => rankBetween('A', 'A'), isRangeError('"A"'));
  });

  it('rejects characters outside the alphabet, empty keys and keys ending in 0', () => {
    assert.throws(() => rankBetween('a-b', null), isRangeError('"a-b"', '"-"', 'at 1'));
    assert.throws(() => rankBetween(null, 'café'), isRangeError('"café"', '"é"'));
    assert.throws(() => rankBetween('A', 'B C'), isRangeError('"B C"', '" "'));
    assert.throws(() => rankBetween('', null), isRangeError('""', 'non-empty'));
    assert.throws(() => rankBetween(null, 'A0'), isRangeError('"A0"', 'end in "0"'));
    assert.throws(() => rankBetween(42 as unknown as string, null), isRangeError('42'));
  });

  it('keeps order through thousands of random insertions, with short keys', () => {
    const random = prng(20260925);
    const keys: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const at = Math.floor(random() * (keys.length + 1));
      const before = keys[at - 1] ?? null;
      const after = keys[at] ?? null;
      const key = rankBetween(before, after);
      assertBetween(key, before, after);
      if (before !== null && after !== null) assert.ok(key.length <= Math.max(before.length, after.length) + 1);
      keys.splice(at, 0, key);
    }
    for (let i = 1; i < keys.length; i++) assert.ok(keys[i - 1]! < keys[i]!);
    assert.ok(Math.max(...keys.map((k) => k.length)) <= 12, 'random insertions keep keys short');
  });

  it('grows keys only logarithmically when appending or prepending at one end', () => {
    let last = rankBetween(null, null);
    let first = last;
    for (let i = 0; i < 10_000; i++) {
      const next = rankBetween(last, null);
      assert.ok(last < next);
      last = next;
      const previous = rankBetween(null, first);
      assert.ok(previous < first);
      first = previous;
    }
    // 10,000 steps fit in 5 digits (2·log62(10,000) ≈ 4.5); allow one more.
    assert.ok(last.length <= 6, `append key "${last}"`);
    assert.ok(first.length <= 6, `prepend key "${first}"`);
    assert.match(last, VALID);
    assert.match(first, VALID);
  });

  it('adds about one digit per 5 or 6 inserts at the same spot', () => {
    const before = 'V';
    let after = 'W';
    for (let i = 1; i <= 600; i++) {
      const key = rankBetween(before, after);
      assertBetween(key, before, after);
      after = key;
      assert.ok(key.length <= 2 + Math.ceil(i / 5), `insert ${i}: "${key}"`);
    }
  });
});

describe('ranksBetween', () => {
  it('spreads n keys evenly over an open board', () => {
    const keys = ranksBetween(null, null, 100);
    assert.equal(keys.length, 100);
    const values = [0, ...keys.map(fraction), 1];
    const gaps = values.slice(1).map((v, i) => v - values[i]!);
    assert.ok(Math.min(...gaps) > 0);
    // 100 keys need 2 digits (62² = 3,844 places); the gaps differ by at most one place.
    assert.ok(Math.max(...keys.map((k) => k.length)) <= 2);
    assert.ok((Math.max(...gaps) - Math.min(...gaps)) * 62 ** 2 <= 1 + 1e-9, 'gaps differ by at most one unit');
    keys.forEach((k, i) => assertBetween(k, i === 0 ? null : keys[i - 1]!, null));
  });

  it('fits keys between two keys and after one, in order', () => {
    for (const [before, after] of [
      ['A', 'B'],
      ['A', 'A1'],
      ['y', null],
      [null, '01'],
    ] as [string | null, string | null][]) {
      const keys = ranksBetween(before, after, 50);
      assert.equal(keys.length, 50);
      let previous = before;
      for (const key of keys) {
        assertBetween(key, previous, after);
        previous = key;
      }
    }
  });

  it('gives nothing for 0 and the same key as rankBetween for 1', () => {
    assert.deepEqual(ranksBetween('A', 'B', 0), []);
    for (const [before, after] of [
      ['A', 'C'],
      ['A', 'B'],
      ['0V', 'zzz'],
    ] as [string, string][]) {
      assert.deepEqual(ranksBetween(before, after, 1), [rankBetween(before, after)]);
    }
  });

  it('stays within ceil(log62(n + 1)) digits of the longer neighbour', () => {
    for (const n of [1, 61, 62, 3843, 3844]) {
      const keys = ranksBetween('abc', 'abd', n);
      const bound = 3 + Math.ceil(Math.log(n + 1) / Math.log(62) - 1e-12);
      assert.ok(Math.max(...keys.map((k) => k.length)) <= bound, `n = ${n}`);
    }
  });

  it('spreads 10,000 keys with at most 4 digits', () => {
    const keys = ranksBetween(null, null, 10_000);
    for (let i = 1; i < keys.length; i++) assert.ok(keys[i - 1]! < keys[i]!);
    assert.ok(Math.max(...keys.map((k) => k.length)) <= 4);
  });

  it('rejects a bad count, bad keys and keys out of order', () => {
    for (const n of [-1, 1.5, Number.NaN]) {
      assert.throws(() => ranksBetween(null, null, n), isRangeError(`count ${n}`));
    }
    assert.throws(() => ranksBetween('B', 'A', 2), isRangeError('"B"', '"A"'));
    assert.throws(() => ranksBetween('A0', null, 2), isRangeError('"A0"'));
    assert.throws(() => ranksBetween(null, 'A!', 2), isRangeError('"A!"'));
  });
});
