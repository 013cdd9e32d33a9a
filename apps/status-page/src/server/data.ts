/**
 * What each page shows, read through a status adapter: the same reads an anonymous visitor of the
 * API can make, so a page can never show more than the public API does. `hansei serve` hands the
 * renderer a `RestStatusAdapter` whose fetch answers in-process; tests use the `MemoryAdapter`.
 */
import type { StatusAdapter } from '@hansei/adapters';
import type { ComponentUptime, Id, Incident, Maintenance, PostmortemSummary, StatusSnapshot } from '@hansei/core';
import { monthOf, monthRange, type Month } from '@hansei/elements/incident-feed/months.js';
import type { StatusView } from '../routes.js';

/** Days of uptime bars on the home page. */
export const UPTIME_DAYS = 90;
/** Pages of a month's incidents read at most (200 each). */
const MONTH_PAGES = 5;
/** Postmortem summaries looked up at once. */
const PARALLEL = 8;

/** What a page shows. Every page has the snapshot: the page's name and state (title, favicon). */
export type PageData =
  | { readonly view: 'home'; readonly snapshot: StatusSnapshot; readonly uptime: readonly ComponentUptime[] | null; readonly titles: ReadonlyMap<Id, string> }
  | { readonly view: 'incident'; readonly snapshot: StatusSnapshot; readonly incident: Incident; readonly postmortem: PostmortemSummary | null }
  | { readonly view: 'maintenance'; readonly snapshot: StatusSnapshot; readonly maintenance: Maintenance }
  | {
      readonly view: 'history';
      readonly snapshot: StatusSnapshot;
      readonly month: Month;
      readonly latestMonth: Month;
      readonly incidents: readonly Incident[];
      readonly postmortems: ReadonlyMap<Id, PostmortemSummary>;
    }
  | { readonly view: 'not-found'; readonly snapshot: StatusSnapshot };

/** Whether an adapter error means "there is no such thing (for you)". */
function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'not_found';
}

/** `read()`, or null when it rejects with not-found; any other failure rejects. */
async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** `read()`, or null on any failure (for what a page can show without). */
async function optional<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch {
    return null;
  }
}

/**
 * An incident as the page shows it: only the components the page shows (the snapshot's), in its
 * components and in its updates' changes, and its public updates only.
 */
export function shownIncident(incident: Incident, snapshot: StatusSnapshot): Incident {
  const shown = new Set(snapshot.components.map((c) => c.id));
  return {
    ...incident,
    components: (incident.components ?? []).filter((c) => shown.has(c.componentId)),
    updates: (incident.updates ?? [])
      .filter((u) => u.visibility === undefined || u.visibility === 'public')
      .map((u) => {
        const kept = u.affectedComponents?.filter((c) => shown.has(c.componentId)) ?? null;
        return { ...u, affectedComponents: kept && kept.length > 0 ? kept : null };
      }),
  };
}

/** A maintenance as the page shows it: only the components the page shows. */
function shownMaintenance(maintenance: Maintenance, snapshot: StatusSnapshot): Maintenance {
  const shown = new Set(snapshot.components.map((c) => c.id));
  return { ...maintenance, components: (maintenance.components ?? []).filter((id) => shown.has(id)) };
}

/** The published postmortem summaries of `incidents` that have a postmortem, by incident id. */
async function postmortemsOf(adapter: StatusAdapter, incidents: readonly Incident[]): Promise<Map<Id, PostmortemSummary>> {
  const found = new Map<Id, PostmortemSummary>();
  const wanted = incidents.filter((i) => i.postmortemId);
  for (let i = 0; i < wanted.length; i += PARALLEL) {
    const batch = await Promise.all(wanted.slice(i, i + PARALLEL).map((incident) => optional(() => adapter.getPostmortemSummary(incident.id))));
    for (const summary of batch) if (summary) found.set(summary.incidentId, summary);
  }
  return found;
}

/** Every public incident that started in `month` (in `timeZone`), most recently started first. */
async function monthIncidents(adapter: StatusAdapter, month: Month, timeZone: string): Promise<Incident[]> {
  const { from, to } = monthRange(month, timeZone);
  const incidents: Incident[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MONTH_PAGES; page++) {
    const answer = await adapter.listIncidents({ from, to, limit: 200, ...(cursor ? { cursor } : {}) });
    incidents.push(...answer.data);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return incidents;
}

/** The month `now` is in, in the page's time zone: the latest month of history. */
export function latestMonth(snapshot: StatusSnapshot, now: number): Month {
  return monthOf(now, snapshot.page.timeZone || 'UTC');
}

/**
 * Reads what `view` shows. Resolves `not-found` for an incident or maintenance the adapter does
 * not know (or will not show: internal ones) and for a month after the latest; rejects when the
 * status itself cannot be read.
 */
export async function loadPage(adapter: StatusAdapter, view: StatusView, now: number): Promise<PageData> {
  const snapshot = await adapter.status();
  switch (view.view) {
    case 'home': {
      const from = new Date(now - (UPTIME_DAYS + 1) * 86_400_000).toISOString();
      const [uptime, recent] = await Promise.all([
        optional(() => adapter.uptime({ days: UPTIME_DAYS })),
        optional(() => adapter.listIncidents({ from, limit: 200 })),
      ]);
      const titles = new Map<Id, string>((recent?.data ?? []).map((i) => [i.id, i.title]));
      for (const incident of snapshot.incidents) titles.set(incident.id, incident.title);
      return { view: 'home', snapshot, uptime, titles };
    }
    case 'incident': {
      const incident = await orNull(() => adapter.getIncident(view.id));
      if (!incident || (incident.visibility !== undefined && incident.visibility !== 'public')) return { view: 'not-found', snapshot };
      const postmortem = incident.postmortemId ? await optional(() => adapter.getPostmortemSummary(incident.id)) : null;
      return { view: 'incident', snapshot, incident: shownIncident(incident, snapshot), postmortem };
    }
    case 'maintenance': {
      const maintenance = await orNull(() => adapter.getMaintenance(view.id));
      if (!maintenance) return { view: 'not-found', snapshot };
      return { view: 'maintenance', snapshot, maintenance: shownMaintenance(maintenance, snapshot) };
    }
    case 'history': {
      const latest = latestMonth(snapshot, now);
      const month = view.month ?? latest;
      if (month > latest) return { view: 'not-found', snapshot };
      const incidents = (await monthIncidents(adapter, month, snapshot.page.timeZone || 'UTC')).filter((i) => i.visibility === undefined || i.visibility === 'public');
      const shown = incidents.map((i) => shownIncident(i, snapshot));
      return { view: 'history', snapshot, month, latestMonth: latest, incidents: shown, postmortems: await postmortemsOf(adapter, shown) };
    }
    case 'not-found':
      return { view: 'not-found', snapshot };
  }
}
