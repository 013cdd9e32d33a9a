/**
 * Maintenances in memory, by the server's rules (apps/api/src/routes/maintenances.ts): public to
 * read (without the components the page hides), status moving forward only (or from verifying
 * back to in_progress), and its components under maintenance while it is active, returning to
 * what still affects them when it lets go.
 */
import {
  MaintenanceCreateSchema,
  MaintenanceListQuerySchema,
  MaintenancePatchSchema,
  MaintenanceUpdatePostSchema,
  heldComponents,
  maintenanceAfterUpdate,
  maintenanceTransitionProblem,
  maintenanceWindowIssue,
  missingComponentsProblem,
  publicMaintenance,
  scheduledMaintenance,
  statusAfterMaintenance,
  type Id,
  type Maintenance,
  type MaintenanceStatus,
  type Page,
  type Stored,
} from '@hansei/core';
import { definedOf, setComponentStatus } from './components.js';
import { check, forChange, showcasedIds, stored, type Ctx } from './context.js';
import { pageOf } from './lists.js';
import { conflict, invalid, notFound } from './problems.js';
import { deepFreeze, withRow, withoutRow, type Row } from './state.js';

/** 409 naming the components among `ids` that do not exist. */
function requireComponents(ctx: Ctx, ids: readonly Id[]): void {
  const missing = ids.filter((id) => !ctx.store.state.components.has(id));
  const problem = missingComponentsProblem(missing);
  if (problem) throw conflict(problem, { missing });
}

/** 409 unless a maintenance may go from `from` to `to`. */
function requireTransition(from: MaintenanceStatus, to: MaintenanceStatus): void {
  const problem = maintenanceTransitionProblem(from, to);
  if (problem) throw conflict(problem);
}

/** Newly held components go under maintenance; released ones return to what still affects them. */
function syncComponents(ctx: Ctx, maintenanceId: Id, before: ReadonlySet<Id>, after: ReadonlySet<Id>): void {
  for (const id of after) if (!before.has(id)) setComponentStatus(ctx, id, 'under_maintenance', { maintenanceId });
  for (const id of before) {
    if (after.has(id)) continue;
    const component = ctx.store.state.components.get(id)?.doc;
    if (!component) continue;
    const incidents = [...ctx.store.state.incidents.values()]
      .map((r) => r.doc)
      .sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : 1));
    const maintenances = [...ctx.store.state.maintenances.values()].map((r) => r.doc);
    const next = statusAfterMaintenance(component, maintenanceId, incidents, maintenances);
    if (next) setComponentStatus(ctx, id, next.status, { incidentId: next.incidentId, maintenanceId: next.maintenanceId });
  }
}

/** A maintenance as `ctx`'s caller may see it: anonymous callers do not see hidden components. */
function maintenanceFor(ctx: Ctx, row: Row<Maintenance>, showcased?: ReadonlySet<Id>): Stored<Maintenance> {
  return stored({ doc: ctx.caller ? row.doc : publicMaintenance(row.doc, showcased ?? showcasedIds(ctx)), version: row.version });
}

function publish(ctx: Ctx, type: 'maintenance.created' | 'maintenance.updated', row: Row<Maintenance>): void {
  ctx.store.publish('public', { type, data: { maintenance: stored({ doc: publicMaintenance(row.doc, showcasedIds(ctx)), version: row.version }) } });
}

/** Writes `doc` as the next version of `current`, moves components, publishes. */
function save(ctx: Ctx, current: Row<Maintenance>, doc: Maintenance): Stored<Maintenance> {
  const row: Row<Maintenance> = { ...current, doc: deepFreeze(doc), version: current.version + 1 };
  ctx.store.set({ maintenances: withRow(ctx.store.state.maintenances, row) });
  syncComponents(ctx, doc.id, heldComponents(current.doc), heldComponents(doc));
  publish(ctx, 'maintenance.updated', row);
  return stored(row);
}

/** Maintenances, latest window first; `from`/`to` keep the windows overlapping that range. */
export function listMaintenances(ctx: Ctx, input: unknown): Page<Stored<Maintenance>> {
  const query = check(MaintenanceListQuerySchema, input ?? {}, 'query');
  const rows = [...ctx.store.state.maintenances.values()].filter(({ doc }) => {
    if (query.status && !query.status.includes(doc.status)) return false;
    if (query.from && doc.scheduledUntil < query.from) return false;
    if (query.to && doc.scheduledFor > query.to) return false;
    return true;
  });
  const showcased = showcasedIds(ctx);
  return pageOf(rows, { key: (r) => r.doc.scheduledFor, id: (r) => r.doc.id, direction: 'desc', cursor: query.cursor, limit: query.limit }, (r) => maintenanceFor(ctx, r, showcased));
}

export function getMaintenance(ctx: Ctx, id: Id): Stored<Maintenance> {
  const row = ctx.store.state.maintenances.get(id);
  if (!row) throw notFound('maintenance', id);
  return maintenanceFor(ctx, row);
}

export function scheduleMaintenance(ctx: Ctx, input: unknown): Stored<Maintenance> {
  const body = check(MaintenanceCreateSchema, input, 'body');
  const now = ctx.store.isoNow();
  const id = ctx.store.newId('mnt');
  const doc: Maintenance = deepFreeze(scheduledMaintenance(body, { id, newUpdateId: () => ctx.store.newId('mnu') }, now));
  requireComponents(ctx, doc.components);
  const row: Row<Maintenance> = { doc, version: 1, createdAt: now };
  ctx.store.set({ maintenances: withRow(ctx.store.state.maintenances, row) });
  syncComponents(ctx, id, new Set(), heldComponents(doc));
  publish(ctx, 'maintenance.created', row);
  return stored(row);
}

export function updateMaintenance(ctx: Ctx, id: Id, patch: unknown, version: number): Stored<Maintenance> {
  const body = check(MaintenancePatchSchema, patch, 'body');
  const current = forChange(ctx.store.state.maintenances, 'maintenance', id, version);
  const doc: Maintenance = { ...current.doc, ...definedOf(body), updatedAt: ctx.store.isoNow() };
  const issue = maintenanceWindowIssue(doc, body);
  if (issue) throw invalid([issue], 'body');
  requireTransition(current.doc.status, doc.status);
  if (body.components) requireComponents(ctx, body.components);
  return save(ctx, current, doc);
}

/** Posts an update, moving the status (forward only, or verifying back to in_progress). */
export function postMaintenanceUpdate(ctx: Ctx, id: Id, input: unknown): Stored<Maintenance> {
  const body = check(MaintenanceUpdatePostSchema, input, 'body');
  const current = ctx.store.state.maintenances.get(id);
  if (!current) throw notFound('maintenance', id);
  requireTransition(current.doc.status, body.status);
  const now = ctx.store.isoNow();
  return save(ctx, current, maintenanceAfterUpdate(current.doc, body, ctx.store.newId('mnu'), now));
}

/** Deletes a maintenance; the components it held return to what still affects them. */
export function deleteMaintenance(ctx: Ctx, id: Id, version: number): void {
  const current = forChange(ctx.store.state.maintenances, 'maintenance', id, version);
  ctx.store.set({ maintenances: withoutRow(ctx.store.state.maintenances, id) });
  syncComponents(ctx, id, heldComponents(current.doc), new Set());
  ctx.store.publish('public', { type: 'maintenance.deleted', data: { id } });
}
