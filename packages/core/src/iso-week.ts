/**
 * ISO weeks by name (`2026-W48`): what the weekly review is asked for. Pure; UTC.
 */
import { DAY_MS, WEEK_MS, startOfIsoWeek } from './time.js';

/** The name (`2026-W48`) of the ISO week starting on Monday `monday` (epoch ms, 00:00 UTC). */
export function isoWeekOf(monday: number): string {
  const thursday = new Date(monday + 3 * DAY_MS); // a week belongs to the year of its Thursday
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday 00:00 UTC (epoch ms) of ISO week `2026-W48`, or null when it is malformed or the year has no such week. */
export function mondayOf(week: string): number | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const monday = startOfIsoWeek(Date.UTC(Number(match[1]), 0, 4)) + (Number(match[2]) - 1) * WEEK_MS;
  return isoWeekOf(monday) === week ? monday : null;
}
