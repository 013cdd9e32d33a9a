/**
 * Reading incidents: the row's document holds the incident without its updates, which live in
 * `incident_updates` (one row each, with their visibility); these helpers put them back together,
 * and give the public view anonymous readers, the Statuspage API and the Atom feed may see (core's
 * `publicIncident`).
 */
import {
  componentTargetStatus,
  publicIncident,
  type Component,
  type ComponentStatus,
  type Incident,
  type IncidentUpdate,
  type Maintenance,
  type Stored,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import type { Versioned } from './documents.js';

/** An incident as stored in `incidents.doc`: everything but its updates. */
export type StoredIncident = Omit<Incident, 'updates'>;

/** The document to store for `incident` (its updates are stored on their own). */
export function storedIncident(incident: Incident | StoredIncident): StoredIncident {
  const { updates: _updates, ...stored } = incident as Incident;
  return stored;
}

/** The updates of the incidents `ids`, newest first (by display time, then by posting order). */
export async function updatesOf(sql: Sql, ids: readonly string[]): Promise<Map<string, IncidentUpdate[]>> {
  const byIncident = new Map<string, IncidentUpdate[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byIncident;
  const rows = await sql.query<{ incident_id: string; doc: IncidentUpdate }>(
    'select incident_id, doc from incident_updates where incident_id = any($1) order by display_at desc, seq desc',
    [[...ids]],
  );
  for (const row of rows) byIncident.get(row.incident_id)?.push(row.doc);
  return byIncident;
}

/** Stored incident rows with their updates attached, in the rows' order. */
export async function withUpdates(sql: Sql, rows: readonly Versioned<StoredIncident>[]): Promise<Versioned<Incident>[]> {
  const updates = await updatesOf(sql, rows.map((r) => r.doc.id));
  return rows.map((r) => ({ version: r.version, doc: { ...storedIncident(r.doc), updates: updates.get(r.doc.id) ?? [] } }));
}

async function readOne(sql: Sql, id: string, lock: boolean): Promise<Versioned<Incident> | null> {
  const [row] = await sql.query<{ doc: StoredIncident; version: number }>(
    `select doc, version from incidents where id = $1${lock ? ' for update' : ''}`,
    [id],
  );
  if (!row) return null;
  const [incident] = await withUpdates(sql, [{ doc: row.doc, version: row.version }]);
  return incident ?? null;
}

/** The incident `id` with all its updates (internal ones too), or null. */
export function getIncident(sql: Sql, id: string): Promise<Versioned<Incident> | null> {
  return readOne(sql, id, false);
}

/**
 * Like {@link getIncident}, and locks the row until `tx` ends, so that writes to one incident
 * (its updates, roles, links) happen one after another.
 */
export function lockIncident(tx: Sql, id: string): Promise<Versioned<Incident> | null> {
  return readOne(tx, id, true);
}

/**
 * Every incident with its updates, most recently started first. `publicOnly`: public incidents
 * only, each in its {@link publicIncident} view.
 */
export async function allIncidents(sql: Sql, options: { publicOnly?: boolean } = {}): Promise<Incident[]> {
  const rows = await sql.query<{ doc: StoredIncident; version: number }>(
    `select doc, version from incidents${options.publicOnly ? ` where visibility = 'public'` : ''} order by started_at desc, id desc`,
  );
  const incidents = (await withUpdates(sql, rows)).map((r) => r.doc);
  if (!options.publicOnly) return incidents;
  const publicIds = new Set(incidents.map((i) => i.id));
  return incidents.map((i) => publicIncident(i, publicIds));
}

/** The ids among `ids` of public incidents. */
export async function publicIncidentIds(sql: Sql, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sql.query<{ id: string }>(`select id from incidents where id = any($1) and visibility = 'public'`, [[...ids]]);
  return new Set(rows.map((r) => r.id));
}

/** {@link publicIncident} of each of `incidents`, looking up which related incidents are public. */
export async function publicViews(sql: Sql, incidents: readonly Incident[]): Promise<Incident[]> {
  const publicIds = await publicIncidentIds(sql, [...new Set(incidents.flatMap((i) => i.related.map((r) => r.incidentId)))]);
  return incidents.map((i) => publicIncident(i, publicIds));
}

/** {@link publicViews} of stored incidents, each with its version (anonymous answers). */
export async function publicStoredViews(sql: Sql, rows: readonly Versioned<Incident>[]): Promise<Stored<Incident>[]> {
  const views = await publicViews(sql, rows.map((r) => r.doc));
  return views.map((view, i) => ({ ...view, version: (rows[i] as Versioned<Incident>).version }));
}

/**
 * The status `component` should have now (core's `componentTargetStatus`), from the open
 * incidents that list it and the active maintenances that hold it.
 */
export async function readComponentTargetStatus(sql: Sql, component: Component): Promise<ComponentStatus> {
  const incidents = await sql.query<{ doc: StoredIncident }>(
    `select doc from incidents where status <> 'resolved' and doc->'components' @> $1::jsonb`,
    [JSON.stringify([{ componentId: component.id }])],
  );
  const maintenances = await sql.query<{ doc: Maintenance }>(
    `select doc from maintenances where status in ('in_progress', 'verifying') and doc->'components' ? $1`,
    [component.id],
  );
  return componentTargetStatus(
    component,
    incidents.map((r) => r.doc),
    maintenances.map((r) => r.doc),
  );
}
