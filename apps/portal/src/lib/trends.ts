/**
 * What the trends view reads and how: incident metrics over the range (weekly counts by severity,
 * recurrence, the action mix), MTTx per period over the same range, and the open actions past
 * their due date. All through the adapter; the arithmetic is core's.
 */
import type { HanseiAdapter } from '@hansei/adapters';
import { overdueActions, type IncidentMetrics, type OverdueAction, type PreventionAction } from '@hansei/core';

const WEEK_MS = 7 * 86_400_000;

export interface Period {
  readonly from: string;
  readonly to: string;
  readonly metrics: IncidentMetrics;
}

export interface Trends {
  readonly all: IncidentMetrics;
  /** The range cut in periods of `periodWeeks`, oldest first (MTTx and recurrence over time). */
  readonly periods: readonly Period[];
  readonly overdue: readonly OverdueAction[];
  /** Open actions counted for `overdue`. */
  readonly openActions: number;
}

/** The start of the ISO week (Monday 00:00 UTC) containing `ms`. */
export function mondayOf(ms: number): number {
  const day = new Date(ms);
  const monday = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) - ((day.getUTCDay() + 6) % 7) * 86_400_000;
  return monday;
}

/** `weeks` whole ISO weeks ending with the one containing `now`, cut in periods of `periodWeeks` weeks. */
export function periodsOf(weeks: number, periodWeeks: number, now: number): { from: number; to: number; periods: { from: number; to: number }[] } {
  const to = mondayOf(now) + WEEK_MS;
  const from = to - weeks * WEEK_MS;
  const periods = [];
  for (let start = from; start < to; start += periodWeeks * WEEK_MS) periods.push({ from: start, to: Math.min(to, start + periodWeeks * WEEK_MS) });
  return { from, to, periods };
}

async function openActions(adapter: HanseiAdapter, signal?: AbortSignal): Promise<PreventionAction[]> {
  const all: PreventionAction[] = [];
  let cursor: string | undefined;
  do {
    const page = await adapter.listActions({ status: ['todo', 'in_progress', 'in_review'], limit: 200, ...(cursor ? { cursor } : {}) }, { timeoutMs: 30_000, ...(signal ? { signal } : {}) });
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** Reads everything the trends view shows over the last `weeks` weeks. */
export async function readTrends(adapter: HanseiAdapter, weeks: number, today: string, now = Date.now(), signal?: AbortSignal): Promise<Trends> {
  const periodWeeks = weeks <= 13 ? 1 : 4;
  const range = periodsOf(weeks, periodWeeks, now);
  const iso = (ms: number) => new Date(ms).toISOString();
  // Metrics are computed on the server over many incidents: give them longer than a plain read,
  // and ask for the periods two at a time rather than all at once.
  const options = { timeoutMs: 30_000, ...(signal ? { signal } : {}) };
  const periods: Period[] = new Array<Period>(range.periods.length);
  const readPeriods = async (start: number) => {
    for (let i = start; i < range.periods.length; i += 2) {
      const p = range.periods[i]!;
      periods[i] = { from: iso(p.from), to: iso(p.to), metrics: await adapter.metrics({ from: iso(p.from), to: iso(p.to) }, options) };
    }
  };
  const [all, actions] = await Promise.all([
    adapter.metrics({ from: iso(range.from), to: iso(range.to) }, options),
    openActions(adapter, signal),
    readPeriods(0),
    readPeriods(1),
  ]);
  return { all, periods, overdue: overdueActions(actions, today), openActions: actions.length };
}

/** Milliseconds to hours (one decimal), null kept. */
export const hours = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 360_000) / 10);
