/**
 * Maintenances and the component statuses they drive. While a maintenance is `in_progress` or
 * `verifying` it holds its components `under_maintenance`; when it lets go of one (completed,
 * deleted, or the component taken off its list), the component returns to what still affects
 * it: another active maintenance, else the worst status an open incident gives it, else
 * operational. A component someone set to another status by hand in the meantime is left alone.
 */
import { statusAfterMaintenance, type ComponentStatus, type Maintenance } from '@hansei/core';
import type { Sql } from '../db/database.js';
import { setComponentStatus } from '../routes/components.js';
import type { Services } from '../services.js';
import type { Versioned } from './documents.js';
import type { StoredIncident } from './incidents.js';

/** Every maintenance, latest window first (for the Statuspage API and the Atom feed). */
export async function allMaintenances(sql: Sql): Promise<Versioned<Maintenance>[]> {
  const rows = await sql.query<{ doc: Maintenance; version: number }>('select doc, version from maintenances order by scheduled_for desc, id desc');
  return rows.map((row) => ({ doc: row.doc, version: row.version }));
}

/** Ids of the components shown on the public page. */
export async function showcasedComponentIds(sql: Sql): Promise<Set<string>> {
  const rows = await sql.query<{ id: string }>(`select id from components where (doc->>'showcase')::boolean`);
  return new Set(rows.map((r) => r.id));
}

/** Ids among `ids` that name no component. */
export async function missingComponents(sql: Sql, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<{ id: string }>('select id from components where id = any($1)', [ids]);
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

/**
 * Applies the change from holding `before` to holding `after` for maintenance `maintenanceId`:
 * newly held components go under maintenance, released ones return to what still affects them.
 */
export async function syncMaintenanceComponents(
  services: Services,
  sql: Sql,
  maintenanceId: string,
  before: ReadonlySet<string>,
  after: ReadonlySet<string>,
): Promise<void> {
  for (const id of after) {
    if (!before.has(id)) await setComponentStatus(services, sql, id, 'under_maintenance', { maintenanceId });
  }
  for (const id of before) {
    if (!after.has(id)) await releaseComponent(services, sql, maintenanceId, id);
  }
}

/**
 * Returns `componentId` to what still affects it now that `maintenanceId` lets go of it (core's
 * `statusAfterMaintenance`, from the component, the open incidents that list it and the other
 * active maintenances that hold it); leaves it alone when that says so.
 */
async function releaseComponent(services: Services, sql: Sql, maintenanceId: string, componentId: string): Promise<void> {
  const [component] = await sql.query<{ id: string; status: ComponentStatus }>(`select id, doc->>'status' as status from components where id = $1`, [componentId]);
  if (!component) return;
  const maintenances = await sql.query<{ doc: Maintenance }>(
    `select doc from maintenances where id <> $1 and status in ('in_progress', 'verifying') and doc->'components' ? $2`,
    [maintenanceId, componentId],
  );
  const incidents = await sql.query<{ doc: StoredIncident }>(
    `select doc from incidents where status <> 'resolved' and doc->'components' @> $1::jsonb order by started_at, id`,
    [JSON.stringify([{ componentId }])],
  );
  const released = statusAfterMaintenance(
    component,
    maintenanceId,
    incidents.map((r) => r.doc),
    maintenances.map((r) => r.doc),
  );
  if (released) await setComponentStatus(services, sql, componentId, released.status, { incidentId: released.incidentId, maintenanceId: released.maintenanceId });
}
