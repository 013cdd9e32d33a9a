/**
 * What the shared adapter suite's parts have in common: the target under test, an adapter per
 * role, the demo dataset the target was seeded with, and small helpers (typed errors, pages,
 * waiting for live changes).
 */
import assert from 'node:assert/strict';
import { demoDataset, type DemoDataset, type Page, type TokenRole } from '@hansei/core';
import type { HanseiAdapter } from '../adapter.js';
import { HanseiError, type ErrorKind } from '../errors.js';

/** The instant the target's clock starts at, and its demo dataset is built for. */
export const TEST_NOW = Date.parse('2026-11-25T09:00:00.000Z');

/** What a setup gives the suite: the backend under test, seeded with `demoDataset({ now: TEST_NOW })`. */
export interface SuiteTarget {
  /** An adapter calling as `role` (null: anonymous), all on the same data. */
  adapter(role: TokenRole | null): HanseiAdapter;
  /** Moves the clock the backend stamps writes with (epoch ms). Tests that need it skip without it. */
  setNow?(ms: number): void;
  close(): void | Promise<void>;
}

/** The suite's state, filled in by its `before` hook. */
export interface SuiteContext {
  target: SuiteTarget;
  admin: HanseiAdapter;
  responder: HanseiAdapter;
  viewer: HanseiAdapter;
  anon: HanseiAdapter;
  /** The demo the target holds. */
  readonly data: DemoDataset;
}

/** A fresh suite context (its adapters arrive in `before`). */
export function suiteContext(): SuiteContext {
  return { data: demoDataset({ now: TEST_NOW }) } as SuiteContext;
}

/** An instant `minutes` from TEST_NOW, ISO. */
export const at = (minutes: number): string => new Date(TEST_NOW + minutes * 60_000).toISOString();

/** Input the type system would refuse (partial or wrong on purpose): the backend judges it. */
export const loose = <T>(value: Record<string, unknown> | unknown[]): T => value as T;

/** Awaits `promise` expecting a HanseiError of `kind`; returns it. */
export async function rejects(promise: Promise<unknown>, kind: ErrorKind, message?: string): Promise<HanseiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof HanseiError, `expected a HanseiError, got ${String(error)}`);
    assert.equal(error.kind, kind, `${message ?? ''} (${error.message})`);
    return error;
  }
  assert.fail(`expected a ${kind} error${message ? `: ${message}` : ''}, but the call succeeded`);
}

/** The field paths of a validation error, sorted. */
export const paths = (error: HanseiError): string[] => error.fieldErrors.map((e) => e.path).sort();

/** Every item of a paged list, following cursors; checks no page exceeds `limit`. */
export async function everything<T>(next: (cursor: string | undefined) => Promise<Page<T>>, limit: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await next(cursor);
    assert.ok(page.data.length <= limit, `a page of ${page.data.length} items, over the limit of ${limit}`);
    items.push(...page.data);
    if (page.nextCursor === null) return items;
    cursor = page.nextCursor;
  }
  assert.fail('more than 1000 pages: the cursor does not advance');
}

/** Waits until `check` returns true (live changes may arrive over a network), at most 5 s. */
export async function waitFor(check: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Compares text the way the backend orders ids and ranks: by code unit. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Moves the target's clock, when it can; returns whether it could. */
export function clock(ctx: SuiteContext, ms: number): boolean {
  if (!ctx.target.setNow) return false;
  ctx.target.setNow(ms);
  return true;
}
