/**
 * The list queries of the adapter interface, answered in memory over what a Statuspage page
 * publishes. The page itself takes no query: `incidents.json` and `scheduled-maintenances.json`
 * hold its 50 most recent incidents and maintenances, so the filters see those 50 and nothing
 * older.
 */
import { DEFAULT_PAGE_SIZE, toMs } from '@hansei/core';
import type { Incident, IncidentListQuery, Maintenance, MaintenanceListQuery, Page } from '@hansei/core';

/** What an incident list query may hold; every filter is optional (as are cursor and limit). */
export type IncidentQuery = Partial<IncidentListQuery>;
/** What a maintenance list query may hold; every filter is optional. */
export type MaintenanceQuery = Partial<MaintenanceListQuery>;

const ms = (instant: string | undefined): number | null => (instant === undefined ? null : toMs(instant));
const some = <T>(list: readonly T[] | undefined): list is readonly T[] => list !== undefined && list.length > 0;

/**
 * Whether `incident` passes `query`, with the server's meanings: `status`, `severity` (any of
 * the listed), `visibility`, `label` (any of them: Statuspage incidents have none, so none
 * pass), `component` (among the affected ones), `open` (not resolved, or with false: resolved),
 * `from` / `to` (started in [from, to)) and `q` (in the title or summary, any case).
 */
export function incidentMatches(incident: Incident, query: IncidentQuery): boolean {
  const from = ms(query.from);
  const to = ms(query.to);
  const started = toMs(incident.startedAt);
  const text = query.q?.trim().toLowerCase();
  return (
    (!some(query.status) || query.status.includes(incident.status)) &&
    (!some(query.severity) || query.severity.includes(incident.severity)) &&
    (query.visibility === undefined || query.visibility === incident.visibility) &&
    (!some(query.label) || incident.labels.some((label) => query.label?.includes(label))) &&
    (!query.component || incident.components.some((c) => c.componentId === query.component)) &&
    (query.open === undefined || query.open === (incident.status !== 'resolved')) &&
    (from === null || started >= from) &&
    (to === null || started < to) &&
    (!text || incident.title.toLowerCase().includes(text) || incident.summary.toLowerCase().includes(text))
  );
}

/** Whether `maintenance` passes `query`: `status` (any of the listed), and a window overlapping [from, to]. */
export function maintenanceMatches(maintenance: Maintenance, query: MaintenanceQuery): boolean {
  const from = ms(query.from);
  const to = ms(query.to);
  return (
    (!some(query.status) || query.status.includes(maintenance.status)) &&
    (from === null || toMs(maintenance.scheduledUntil) >= from) &&
    (to === null || toMs(maintenance.scheduledFor) <= to)
  );
}

/**
 * Throws a RangeError saying what is wrong with the `cursor`, `limit`, `from` or `to` of
 * `query`, so a bad query fails before any request.
 */
export function checkQuery(query: IncidentQuery | MaintenanceQuery): void {
  const from = ms(query.from);
  const to = ms(query.to);
  if (from !== null && to !== null && to < from) throw new RangeError('"to" cannot be before "from".');
  paginate([], query.cursor, query.limit);
}

/** Most recently started first (then the most recently created, then by id). */
export const byStartedDesc = (a: Incident, b: Incident): number =>
  toMs(b.startedAt) - toMs(a.startedAt) || toMs(b.createdAt) - toMs(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Soonest window first (then by id). */
export const byWindowAsc = (a: Maintenance, b: Maintenance): number =>
  toMs(a.scheduledFor) - toMs(b.scheduledFor) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Latest window first (then by id). */
export const byWindowDesc = (a: Maintenance, b: Maintenance): number =>
  toMs(b.scheduledFor) - toMs(a.scheduledFor) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One page of `items` (already filtered and ordered): `limit` of them (default 50) from the
 * position `cursor` names. The cursor is that position as text. It is good for the document it
 * came from: a page that changed in between may repeat or skip an item.
 */
export function paginate<T>(items: readonly T[], cursor: string | undefined, limit: number | undefined): Page<T> {
  const start = cursor === undefined || cursor === '' ? 0 : Number(cursor);
  if (!Number.isInteger(start) || start < 0) {
    throw new RangeError(`Invalid cursor "${cursor}": pass back the nextCursor of the previous page, or none for the first.`);
  }
  const size = limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Invalid limit ${size}: it must be a whole number, 1 or more.`);
  const end = start + size;
  return { data: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}
