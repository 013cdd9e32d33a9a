/**
 * The rows the public surface is made of, read straight from the tables (db/migrations.ts) in
 * one place: the page settings, components and groups, public incidents with their public
 * updates, maintenances, and which incidents have a published postmortem.
 *
 * Only what a public document can show is read: public incidents that are open or among the
 * most recent {@link STATUSPAGE_LIST_LIMIT} (by creation and by last change), maintenances that
 * are not completed or among the most recent, and public updates only, and links to related
 * incidents only when those are public too. Internal rows never leave the database through here.
 */
import {
  STATUSPAGE_LIST_LIMIT,
  defaultPageInfo,
  latestInstant,
  pageAsShown,
  publicIncident,
  type Component,
  type ComponentGroup,
  type Incident,
  type IncidentUpdate,
  type Maintenance,
  type StatusPageInfo,
  type StatuspageData,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import { publicIncidentIds } from '../store/incidents.js';
import { publicPostmortemSummaries } from '../store/postmortems.js';
import { SETTING_KEYS } from '../store/settings.js';

/** Everything the public documents are rendered from. */
export interface PublicData {
  readonly data: StatuspageData;
  /** Public summaries of published postmortems by incident (those incidents show as `postmortem` once resolved). */
  readonly postmortems: ReadonlyMap<string, string>;
}

interface DocRow<T> {
  doc: T;
}

const docs = <T>(rows: DocRow<T>[]): T[] => rows.map((row) => row.doc);

/** The `page` setting with defaults filled in (its `updatedAt` as stored, the epoch when never set). */
function storedPage(stored: Partial<StatusPageInfo> | undefined, origin: string): StatusPageInfo {
  const fallback = defaultPageInfo(origin);
  return {
    id: stored?.id || fallback.id,
    name: stored?.name || fallback.name,
    url: stored?.url || fallback.url,
    timeZone: stored?.timeZone || fallback.timeZone,
    updatedAt: latestInstant([stored?.updatedAt, fallback.updatedAt]),
  };
}

/** An incident with its public updates: the update rows merged over those kept in the document. */
function withUpdates(incident: Incident, rows: readonly IncidentUpdate[]): Incident {
  const byId = new Map<string, IncidentUpdate>();
  for (const update of incident.updates ?? []) if (update.visibility === 'public') byId.set(update.id, update);
  for (const update of rows) byId.set(update.id, update);
  return { ...incident, updates: [...byId.values()] };
}

/**
 * Reads what the public documents need. `origin` (`https://status.example.com`) is the page URL
 * when the `page` setting names none.
 */
export async function loadPublicData(sql: Sql, origin: string): Promise<PublicData> {
  const limit = STATUSPAGE_LIST_LIMIT;
  const [settings, groups, components, incidents, maintenances, postmortems] = await Promise.all([
    sql.query<{ doc: Partial<StatusPageInfo>; updated_at: string }>('select doc, updated_at from settings where key = $1', [SETTING_KEYS.page]),
    sql.query<DocRow<ComponentGroup>>('select doc from component_groups order by position, id'),
    sql.query<DocRow<Component>>('select doc from components order by position, id'),
    sql.query<DocRow<Incident>>(
      `select doc from incidents where visibility = 'public' and (status <> 'resolved'
         or id in (select id from incidents where visibility = 'public' order by created_at desc, id desc limit $1)
         or id in (select id from incidents where visibility = 'public' order by updated_at desc, id desc limit $1))`,
      [limit],
    ),
    sql.query<DocRow<Maintenance>>(
      `select doc from maintenances where status <> 'completed'
         or id in (select id from maintenances order by scheduled_for desc, id desc limit $1)
         or id in (select id from maintenances order by updated_at desc, id desc limit $1)`,
      [limit],
    ),
    publicPostmortemSummaries(sql),
  ]);
  const ids = incidents.map((row) => row.doc.id);
  const updates = ids.length
    ? await sql.query<{ incident_id: string; doc: IncidentUpdate }>(
        `select incident_id, doc from incident_updates where visibility = 'public' and incident_id = any($1) order by display_at desc`,
        [ids],
      )
    : [];
  const updatesOf = new Map<string, IncidentUpdate[]>();
  for (const row of updates) {
    const list = updatesOf.get(row.incident_id) ?? [];
    list.push(row.doc);
    updatesOf.set(row.incident_id, list);
  }
  const publicRelated = await publicIncidentIds(sql, [...new Set(incidents.flatMap((row) => (row.doc.related ?? []).map((r) => r.incidentId)))]);
  const data = {
    groups: docs(groups),
    components: docs(components),
    incidents: docs(incidents).map((incident) => publicIncident(withUpdates(incident, updatesOf.get(incident.id) ?? []), publicRelated)),
    maintenances: docs(maintenances),
  };
  const stored = settings[0] ? { updatedAt: settings[0].updated_at, ...settings[0].doc } : undefined;
  // Its `updatedAt` moves with the latest change of anything the page shows (core's pageAsShown).
  const page = pageAsShown({ page: storedPage(stored, origin), ...data });
  return {
    data: { page, ...data },
    postmortems: new Map(postmortems.map((p) => [p.incidentId, p.publicSummary ?? ''])),
  };
}
