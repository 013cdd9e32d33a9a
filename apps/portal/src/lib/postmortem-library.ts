/**
 * The postmortem library's reads: the URL's search as the adapter's query (the backend searches
 * and pages; see core's `postmortemMatches`), and one page of postmortems with their incidents,
 * which come in one `listIncidents({ id })` call per page, cached by id across pages.
 */
import type { CallOptions, HanseiAdapter } from '@hansei/adapters';
import type { Id, Incident, PostmortemListQuery, Postmortem, Stored } from '@hansei/core';

/** The search the URL may carry. */
export const LIBRARY_KEYS = ['q', 'component', 'category', 'label', 'status'] as const;

/** Postmortems a page shows ("Show more" reads the next). */
export const LIBRARY_PAGE = 25;

/** What the library shows of an incident. */
export type LibraryIncident = Pick<Incident, 'id' | 'title' | 'severity' | 'startedAt' | 'components'>;

export interface LibraryEntry {
  readonly postmortem: Stored<Postmortem>;
  /** Its incident; null when it cannot be read (deleted, or the backend would not say). */
  readonly incident: LibraryIncident | null;
}

export interface LibraryPage {
  readonly entries: readonly LibraryEntry[];
  readonly nextCursor: string | null;
}

/** The adapter query for the URL's search (lists are comma-separated, as in the incident list). */
export function libraryQuery(query: Readonly<Record<string, string>>, cursor?: string | null): Partial<PostmortemListQuery> {
  const list = (value: string | undefined) => value?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  const out: Record<string, unknown> = { limit: LIBRARY_PAGE };
  if (query['q']?.trim()) out['q'] = query['q'].trim();
  if (query['component']) out['component'] = query['component'];
  for (const key of ['category', 'label', 'status'] as const) {
    const values = list(query[key]);
    if (values.length) out[key] = values;
  }
  if (cursor) out['cursor'] = cursor;
  return out;
}

/**
 * One page of the library: the postmortems the backend found, each with its incident. Incidents
 * not in `known` are read in one call and added to it; when that call fails the page still shows,
 * without them.
 */
export async function readLibraryPage(
  adapter: Pick<HanseiAdapter, 'listPostmortems' | 'listIncidents'>,
  query: Partial<PostmortemListQuery>,
  known: Map<Id, LibraryIncident | null>,
  options: CallOptions = {},
): Promise<LibraryPage> {
  const page = await adapter.listPostmortems(query, options);
  const missing = [...new Set(page.data.map((p) => p.incidentId))].filter((id) => !known.has(id));
  if (missing.length) {
    try {
      const found = await adapter.listIncidents({ id: missing, limit: missing.length }, options);
      for (const incident of found.data) known.set(incident.id, incident);
      for (const id of missing) if (!known.has(id)) known.set(id, null);
    } catch (error) {
      if (options.signal?.aborted) throw error;
    }
  }
  return { entries: page.data.map((postmortem) => ({ postmortem, incident: known.get(postmortem.incidentId) ?? null })), nextCursor: page.nextCursor };
}
