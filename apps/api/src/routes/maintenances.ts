/**
 * Scheduled maintenances: public reads (the status page shows them), responder writes. A
 * maintenance's updates live in its document, newest first. While it is in progress (or being
 * verified) its components are under maintenance; see store/maintenances.ts for how they return.
 * Anonymous readers never see components the public page hides.
 */
import {
  MaintenanceCreateSchema,
  MaintenanceListQuerySchema,
  MaintenancePatchSchema,
  MaintenanceUpdatePostSchema,
  StoredMaintenanceSchema,
  heldComponents,
  maintenanceAfterUpdate,
  maintenanceTransitionProblem,
  maintenanceWindowIssue,
  missingComponentsProblem,
  pageOf,
  publicMaintenance,
  scheduledMaintenance,
  type Maintenance,
  type MaintenanceStatus,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import type { Caller } from '../http/auth.js';
import { conflict, invalid, notFound } from '../http/errors.js';
import { contentTag, defineRoute, json, versionTag, type RouteSpec } from '../http/route.js';
import { newId } from '../ids.js';
import type { Services } from '../services.js';
import { deleteForChange, getDoc, getForChange, insertDoc, listDocs, saveChange, withVersion, type Versioned } from '../store/documents.js';
import { publish } from '../store/events.js';
import { missingComponents, showcasedComponentIds, syncMaintenanceComponents } from '../store/maintenances.js';
import { IdParams, isoNow, readCache } from './common.js';

const TAGS = ['maintenances'];
const TABLE = 'maintenances';

/** 409 naming the components among `ids` that do not exist. */
async function requireComponents(sql: Sql, ids: readonly string[]): Promise<void> {
  const missing = await missingComponents(sql, ids);
  const problem = missingComponentsProblem(missing);
  if (problem) throw conflict(problem, { missing });
}

/** 409 unless a maintenance may go from `from` to `to`. */
function requireTransition(from: MaintenanceStatus, to: MaintenanceStatus): void {
  const problem = maintenanceTransitionProblem(from, to);
  if (problem) throw conflict(problem);
}

function columns(doc: Maintenance) {
  return { scheduled_for: doc.scheduledFor, status: doc.status };
}

/** Writes `doc` over `current` (checked against its version), moves components, publishes. */
async function save(services: Services, tx: Sql, current: Versioned<Maintenance>, doc: Maintenance): Promise<Versioned<Maintenance>> {
  const result = await saveChange(tx, TABLE, 'maintenance', current, doc, columns(doc));
  await syncMaintenanceComponents(services, tx, doc.id, heldComponents(current.doc), heldComponents(doc));
  await publishMaintenance(services, tx, 'maintenance.updated', result);
  return result;
}

/** Publishes a change to everyone: the public view of the maintenance, with its version. */
async function publishMaintenance(services: Services, tx: Sql, type: string, saved: Versioned<Maintenance>): Promise<void> {
  const maintenance = publicMaintenance(saved.doc, await showcasedComponentIds(tx));
  await publish(services.db, tx, 'public', type, { maintenance: { ...maintenance, version: saved.version }, version: saved.version }, services.now());
}

/** The answer to a read: anonymous readers get the public view (with its version), tagged by its content. */
async function readAnswer(services: Services, caller: Caller | null, found: Versioned<Maintenance>): Promise<Response> {
  const headers = { vary: 'authorization' };
  if (caller) return json(withVersion(found), { etag: versionTag(found.version), cacheControl: readCache(caller), headers });
  const doc = { ...publicMaintenance(found.doc, await showcasedComponentIds(services.db)), version: found.version };
  return json(doc, { etag: contentTag(JSON.stringify(doc)), cacheControl: readCache(caller), headers });
}

export const maintenanceRoutes: RouteSpec<never, never, never>[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/maintenances',
    operationId: 'listMaintenances',
    summary: 'List maintenances, latest window first',
    description: '`status` filters by status; `from` and `to` keep the windows that overlap that range.',
    tags: TAGS,
    access: 'public',
    query: MaintenanceListQuerySchema,
    responses: { 200: { description: 'A page of maintenances.', schema: pageOf(StoredMaintenanceSchema) } },
    handler: async ({ services, caller, query }) => {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (condition: (n: number) => string, value: unknown) => {
        params.push(value);
        where.push(condition(params.length));
      };
      if (query.status) add((n) => `status = any($${n})`, query.status);
      if (query.from) add((n) => `doc->>'scheduledUntil' >= $${n}`, query.from);
      if (query.to) add((n) => `scheduled_for <= $${n}`, query.to);
      const page = await listDocs<Maintenance>(services.db, TABLE, { where, params, orderBy: 'scheduled_for', direction: 'desc', cursor: query.cursor, limit: query.limit });
      const showcased = caller ? null : await showcasedComponentIds(services.db);
      const data = page.data.map((r) => (showcased ? { ...publicMaintenance(r.doc, showcased), version: r.version } : withVersion(r)));
      const body = { data, nextCursor: page.nextCursor };
      return json(body, { etag: contentTag(JSON.stringify(body)), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/maintenances/:id',
    operationId: 'getMaintenance',
    summary: 'Get one maintenance, with its updates',
    tags: TAGS,
    access: 'public',
    params: IdParams,
    responses: { 200: { description: 'The maintenance.', schema: StoredMaintenanceSchema } },
    handler: async ({ services, caller, params }) => {
      const found = await getDoc<Maintenance>(services.db, TABLE, params.id);
      if (!found) throw notFound('maintenance', params.id);
      return readAnswer(services, caller, found);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/maintenances',
    operationId: 'createMaintenance',
    summary: 'Schedule a maintenance',
    description: '`updateBody`, when given, becomes its first update. Created in progress, its components go under maintenance at once.',
    tags: TAGS,
    access: 'responder',
    body: MaintenanceCreateSchema,
    idempotent: true,
    responses: { 201: { description: 'Created.', schema: StoredMaintenanceSchema } },
    handler: async ({ services, body }) => {
      const now = isoNow(services.now());
      const id = newId('mnt', services.now());
      const doc = scheduledMaintenance(body, { id, newUpdateId: () => newId('mnu', services.now()) }, now);
      const saved = await services.db.transaction(async (tx) => {
        await requireComponents(tx, doc.components);
        const result = await insertDoc(tx, TABLE, doc, columns(doc));
        await syncMaintenanceComponents(services, tx, id, new Set(), heldComponents(doc));
        await publishMaintenance(services, tx, 'maintenance.created', result);
        return result;
      });
      return json(withVersion(saved), { status: 201, etag: versionTag(saved.version), headers: { location: `/v1/maintenances/${id}` } });
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/v1/maintenances/:id',
    operationId: 'updateMaintenance',
    summary: 'Change a maintenance',
    description: 'A status change follows the same rules as posting an update (forward only, or verifying back to in_progress); prefer posting an update, which also tells readers.',
    tags: TAGS,
    access: 'responder',
    params: IdParams,
    body: MaintenancePatchSchema,
    ifMatch: true,
    responses: { 200: { description: 'Updated.', schema: StoredMaintenanceSchema } },
    handler: async ({ services, params, body, ifMatch }) => {
      const saved = await services.db.transaction(async (tx) => {
        const current = await getForChange<Maintenance>(tx, TABLE, 'maintenance', params.id, ifMatch);
        const doc: Maintenance = { ...current.doc, ...body, updatedAt: isoNow(services.now()) };
        const issue = maintenanceWindowIssue(doc, body);
        if (issue) throw invalid([issue], 'body');
        requireTransition(current.doc.status, doc.status);
        if (body.components) await requireComponents(tx, body.components);
        return save(services, tx, current, doc);
      });
      return json(withVersion(saved), { etag: versionTag(saved.version) });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/maintenances/:id/updates',
    operationId: 'postMaintenanceUpdate',
    summary: 'Post an update on a maintenance (and move its status)',
    description: 'Status moves forward: scheduled, in_progress, verifying, completed (or from verifying back to in_progress). In progress, the components go under maintenance; completed, they return to operational unless an open incident or another maintenance still affects them.',
    tags: TAGS,
    access: 'responder',
    params: IdParams,
    body: MaintenanceUpdatePostSchema,
    idempotent: true,
    responses: { 201: { description: 'The maintenance with the new update first.', schema: StoredMaintenanceSchema } },
    handler: async ({ services, params, body }) => {
      const saved = await services.db.transaction(async (tx) => {
        // No If-Match here (updates append), so wait for any concurrent writer instead of failing.
        const [current] = await tx.query<Versioned<Maintenance>>('select doc, version from maintenances where id = $1 for update', [params.id]);
        if (!current) throw notFound('maintenance', params.id);
        requireTransition(current.doc.status, body.status);
        const now = isoNow(services.now());
        return save(services, tx, current, maintenanceAfterUpdate(current.doc, body, newId('mnu', services.now()), now));
      });
      return json(withVersion(saved), { status: 201, etag: versionTag(saved.version), headers: { location: `/v1/maintenances/${params.id}` } });
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/maintenances/:id',
    operationId: 'deleteMaintenance',
    summary: 'Delete a maintenance',
    description: 'Components it held under maintenance return to what still affects them.',
    tags: TAGS,
    access: 'admin',
    params: IdParams,
    ifMatch: true,
    responses: { 204: { description: 'Deleted.' } },
    handler: async ({ services, params, ifMatch }) => {
      await services.db.transaction(async (tx) => {
        const current = await deleteForChange<Maintenance>(tx, TABLE, 'maintenance', params.id, ifMatch);
        await syncMaintenanceComponents(services, tx, params.id, heldComponents(current.doc), new Set());
        await publish(services.db, tx, 'public', 'maintenance.deleted', { id: params.id }, services.now());
      });
      return new Response(null, { status: 204 });
    },
  }),
] as unknown as RouteSpec<never, never, never>[];
