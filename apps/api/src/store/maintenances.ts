/**
 * Maintenances and the component statuses they drive. While a maintenance is `in_progress` or
 * `verifying` it holds its components `under_maintenance`; when it lets go of one (completed,
 * deleted, or the component taken off its list), the component returns to what still affects
 * it: another active maintenance, else the worst status an open incident gives it, else
 * operational. A component someone set to another status by hand in the meantime is left alone.
 */
import {
  MAINTENANCE_STATUSES,
  worstStatus,
  type ComponentStatus,
  type Maintenance,
  type MaintenanceStatus,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import { setComponentStatus } from '../routes/components.js';
import type { Services } from '../services.js';
import type { Versioned } from './documents.js';

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

/**
 * Whether a maintenance may go from `from` to `to`: forward along scheduled -> in_progress ->
 * verifying -> completed (skipping steps is fine: a cancelled window is completed straight from
 * scheduled), back from verifying to in_progress (verification failed), or staying put (a
 * progress note). Completed is final.
 */
export function canMoveMaintenance(from: MaintenanceStatus, to: MaintenanceStatus): boolean {
  if (from === to) return true;
  if (from === 'completed') return false;
  if (from === 'verifying' && to === 'in_progress') return true;
  return MAINTENANCE_STATUSES.indexOf(to) > MAINTENANCE_STATUSES.indexOf(from);
}

/** The components a maintenance in this state holds under maintenance. */
export function heldComponents(doc: Pick<Maintenance, 'status' | 'components'> | null): Set<string> {
  return new Set(doc && (doc.status === 'in_progress' || doc.status === 'verifying') ? doc.components : []);
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

async function releaseComponent(services: Services, sql: Sql, maintenanceId: string, componentId: string): Promise<void> {
  const [component] = await sql.query<{ status: ComponentStatus }>(`select doc->>'status' as status from components where id = $1`, [componentId]);
  if (component?.status !== 'under_maintenance') return;
  const others = await sql.query(
    `select 1 from maintenances where id <> $1 and status in ('in_progress', 'verifying') and doc->'components' ? $2 limit 1`,
    [maintenanceId, componentId],
  );
  if (others.length > 0) return;
  const incidents = await sql.query<{ id: string; status: ComponentStatus }>(
    `select i.id, c->>'status' as status from incidents i, jsonb_array_elements(i.doc->'components') c
     where i.status <> 'resolved' and c->>'componentId' = $1 order by i.started_at, i.id`,
    [componentId],
  );
  if (incidents.length === 0) {
    await setComponentStatus(services, sql, componentId, 'operational', { maintenanceId });
    return;
  }
  const status = worstStatus(incidents.map((i) => i.status));
  const cause = incidents.find((i) => i.status === status);
  await setComponentStatus(services, sql, componentId, status, { incidentId: cause?.id ?? null });
}
