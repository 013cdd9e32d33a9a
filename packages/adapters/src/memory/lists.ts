/**
 * Lists as the server pages them: a stable order (a sort value, then the id), pages of `limit`
 * items, and an opaque cursor holding the last item's sort value and id, so the next page starts
 * right after it: no duplicates or gaps while items are added or removed.
 */
import type { Page } from '@hansei/core';
import { badRequest } from './problems.js';

export type SortValue = string | number;

const toBase64Url = (text: string): string => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string): string => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

/** A cursor for an item with sort value `value` and `id`. Opaque to callers. */
export function encodeCursor(value: SortValue, id: string): string {
  return toBase64Url(JSON.stringify([value, id]));
}

/** The sort value and id a cursor holds; a 400 (kind `validation`) for one this backend did not give out. */
export function decodeCursor(cursor: string): [SortValue, string] {
  try {
    const value = JSON.parse(fromBase64Url(cursor)) as unknown;
    if (Array.isArray(value) && value.length === 2 && (typeof value[0] === 'string' || typeof value[0] === 'number') && typeof value[1] === 'string') {
      return [value[0], value[1]];
    }
  } catch {
    // fall through
  }
  throw badRequest('The cursor is not one this server gave out. Start again without a cursor.');
}

/** Compares sort values: numbers by value, text by code unit (byte order for ASCII). */
export function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface PageOptions<T> {
  /** The value an item sorts by; ties are broken by `id`. */
  readonly key: (item: T) => SortValue;
  readonly id: (item: T) => string;
  readonly direction: 'asc' | 'desc';
  readonly cursor?: string | undefined;
  readonly limit: number;
  /** Checks a decoded cursor's sort value before use (throw to refuse it). */
  readonly checkCursor?: (value: SortValue) => void;
}

/** One page of `items` (in any order) sorted by `options.key` then id, after `options.cursor`. */
export function pageOf<T, R = T>(items: readonly T[], options: PageOptions<T>, map: (item: T) => R = (item) => item as unknown as R): Page<R> {
  const sign = options.direction === 'desc' ? -1 : 1;
  const order = (a: [SortValue, string], b: [SortValue, string]): number => sign * (compareValues(a[0], b[0]) || compareValues(a[1], b[1]));
  const keyed = items.map((item) => ({ item, at: [options.key(item), options.id(item)] as [SortValue, string] }));
  keyed.sort((a, b) => order(a.at, b.at));
  let rest = keyed;
  if (options.cursor !== undefined) {
    const after = decodeCursor(options.cursor);
    options.checkCursor?.(after[0]);
    rest = keyed.filter((k) => order(k.at, after) > 0);
  }
  const page = rest.slice(0, options.limit);
  const last = page[page.length - 1];
  return Object.freeze({
    data: Object.freeze(page.map((k) => map(k.item))),
    nextCursor: rest.length > options.limit && last ? encodeCursor(last.at[0], last.at[1]) : null,
  });
}
