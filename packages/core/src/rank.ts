/**
 * Ordering keys for the prevention board (fractional indexing): moving a card writes one new key
 * between its neighbours' keys, and never renumbers the others.
 *
 * A key is a non-empty string over the base-62 digits `0-9A-Za-z` (in ASCII order, so keys
 * compare with plain `<`), read as a fraction 0.d1d2d3... in base 62. A key never ends in `0`,
 * the smallest digit, so there is always room before it and between any two keys.
 *
 * Between two keys the new key is their midpoint (to the last digit), at most one digit longer
 * than the longer key. At an open end the new key takes a small step at a length that grows with how far the
 * board has already been extended: appending one card after another gives `W`, `X`, ... `y`,
 * then `z1`, `z11`, `z12`, ... `zyz` (3 digits at most, about 3,700 keys), then `zz01`, ...
 * (5 digits at most, about 230,000 keys), so n appends at one end need about 2·log62(n) digits.
 * Prepending mirrors it with leading `0`s. Repeated inserts at the same spot between two keys
 * still add a digit every 5 or 6 inserts, as with any fractional indexing.
 */

/** The digits, in ascending (ASCII) order. */
export const RANK_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const BASE = RANK_DIGITS.length; // 62
const ZERO = RANK_DIGITS[0]!;
const TOP = RANK_DIGITS[BASE - 1]!;
const BIG_BASE = BigInt(BASE);

function digit(key: string, i: number): number {
  const code = key.charCodeAt(i);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z
  if (code >= 97 && code <= 122) return code - 61; // a-z
  return -1;
}

function checkKey(key: string, name: string): void {
  if (typeof key !== 'string' || key.length === 0) {
    throw new RangeError(`Invalid rank ${name} ${JSON.stringify(key)}: expected a non-empty string of 0-9, A-Z, a-z.`);
  }
  for (let i = 0; i < key.length; i++) {
    if (digit(key, i) < 0) {
      throw new RangeError(
        `Invalid rank ${name} "${key}": character "${key[i]}" at ${i} is not one of 0-9, A-Z, a-z.`,
      );
    }
  }
  if (key.endsWith(ZERO)) {
    throw new RangeError(`Invalid rank ${name} "${key}": a rank must not end in "0", or nothing fits before it.`);
  }
}

function checkKeys(before: string | null, after: string | null): void {
  if (before !== null) checkKey(before, 'before');
  if (after !== null) checkKey(after, 'after');
  if (before !== null && after !== null && before >= after) {
    throw new RangeError(`Invalid ranks: before "${before}" is not smaller than after "${after}"; expected before < after.`);
  }
}

/**
 * `n` keys evenly spread strictly between `a` ('' for 0) and `b` (null for 1), ascending;
 * requires a < b. Works on the keys as whole numbers of base-62 digits at the shortest length
 * that leaves room for n keys, so the spacing is exact up to one unit of the last digit.
 */
function spread(a: string, b: string | null, n: number): string[] {
  const count = BigInt(n + 1);
  for (let length = Math.max(a.length, b === null ? 1 : b.length); ; length++) {
    const low = toInteger(a, length);
    const gap = (b === null ? BIG_BASE ** BigInt(length) : toInteger(b, length)) - low;
    if (gap < count) continue;
    const keys: string[] = [];
    for (let i = 1n; i < count; i++) keys.push(fromInteger(low + (gap * i) / count, length));
    return keys;
  }
}

/** The first `length` digits of `key` (padded with zeros) as one whole number. */
function toInteger(key: string, length: number): bigint {
  let value = 0n;
  for (let i = 0; i < length; i++) value = value * BIG_BASE + BigInt(i < key.length ? digit(key, i) : 0);
  return value;
}

/** The key of `length` digits for a whole number, without trailing zeros. */
function fromInteger(value: bigint, length: number): string {
  const digits: number[] = new Array<number>(length);
  for (let i = length - 1; i >= 0; i--) {
    digits[i] = Number(value % BIG_BASE);
    value /= BIG_BASE;
  }
  return trim(digits);
}

/**
 * The next key after `key`, for an append at the open end. Keys of class p start with p `z`s
 * followed by p + 1 digits; the step is one unit in the last of those, and when a class is full
 * the next one opens, so lengths grow logarithmically with the number of appends.
 */
function stepAfter(key: string): string {
  let p = 0;
  while (key[p] === TOP) p++;
  const digits = classDigits(key, p);
  // Add one unit at the last digit, carrying; the first digit is below `z`, so it absorbs any carry.
  for (let i = p; ++digits[i]! === BASE; i--) digits[i] = 0;
  // The class is full once its first digit reaches `z`: open the next one.
  if (digits[0] === BASE - 1) return TOP.repeat(p + 1) + ZERO.repeat(p) + RANK_DIGITS[1];
  return TOP.repeat(p) + trim(digits);
}

/** The mirror of {@link stepAfter}: the next key before `key`, for a prepend at the open end. */
function stepBefore(key: string): string {
  let p = 0;
  while (key[p] === ZERO) p++;
  const digits = classDigits(key, p);
  // When `key` goes on after its class's digits, those digits alone are a smaller key.
  if (key.length > 2 * p + 1) return ZERO.repeat(p) + trim(digits);
  // Take one unit off the last digit, borrowing; the first digit is above `0`, so it covers any borrow.
  for (let i = p; --digits[i]! < 0; i--) digits[i] = BASE - 1;
  if (digits[0] === 0) return ZERO.repeat(p + 1) + TOP.repeat(p + 1);
  return ZERO.repeat(p) + trim(digits);
}

/** The p + 1 digits of `key` after its first p, padded with zeros. */
function classDigits(key: string, p: number): number[] {
  const digits: number[] = [];
  for (let i = p; i <= 2 * p; i++) digits.push(i < key.length ? digit(key, i) : 0);
  return digits;
}

/** The digits as a key, without trailing zeros. */
function trim(digits: readonly number[]): string {
  let end = digits.length;
  while (end > 0 && digits[end - 1] === 0) end--;
  let out = '';
  for (let i = 0; i < end; i++) out += RANK_DIGITS[digits[i]!];
  return out;
}

/**
 * A key strictly between `before` and `after` (null: that end is open), for a card dropped
 * between two cards, at the top (`before` null) or at the bottom (`after` null). Between two
 * keys it is their midpoint, at most one digit longer than the longer of them; at an open end it
 * is a short step (see the module notes). Throws a RangeError when a key is empty, has a
 * character outside 0-9A-Za-z or ends in `0`, or when `before` is not smaller than `after`.
 */
export function rankBetween(before: string | null, after: string | null): string {
  checkKeys(before, after);
  if (before === null) return after === null ? spread('', null, 1)[0]! : stepBefore(after);
  return after === null ? stepAfter(before) : spread(before, after, 1)[0]!;
}

/**
 * `n` keys strictly between `before` and `after` (null: open end), ascending and spread evenly
 * (the gaps differ by at most one unit of the last digit), for seeding a column or moving
 * several cards at once. They are as short as room for n keys allows: at most
 * ceil(log62(n + 1)) digits longer than the longer neighbour. Throws a RangeError for a bad
 * key, keys out of order, or an `n` that is not a non-negative integer.
 */
export function ranksBetween(before: string | null, after: string | null, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`Invalid count ${n}: expected a non-negative integer.`);
  }
  checkKeys(before, after);
  return n === 0 ? [] : spread(before ?? '', after, n);
}
