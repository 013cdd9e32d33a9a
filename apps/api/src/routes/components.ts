/**
 * Components (the services on the status page), their groups, status history and daily uptime.
 * Anonymous readers see showcased components only; a token sees all.
 */
import * as v from 'valibot';
import {
  ComponentCreateSchema,
  ComponentGroupCreateSchema,
  ComponentGroupPatchSchema,
  ComponentGroupSchema,
  ComponentPatchSchema,
  ComponentSchema,
  dailyUptime,
  type Component,
  type ComponentGroup,
  type ComponentStatus,
  type ComponentStatusChange,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import { conflict, notFound, preconditionFailed } from '../http/errors.js';
import { contentTag, defineRoute, json, versionTag, type RouteSpec } from '../http/route.js';
import { newId } from '../ids.js';
import type { Services } from '../services.js';
import { deleteForChange, getDoc, getForChange, insertDoc, saveChange, updateDoc, type Versioned } from '../store/documents.js';
import { publish } from '../store/events.js';
import { IdParams, isoNow, readCache } from './common.js';

const TAGS = ['components'];

async function nextPosition(sql: Sql, table: 'components' | 'component_groups'): Promise<number> {
  const [row] = await sql.query<{ next: number }>(`select coalesce(max(position), -1) + 1 as next from ${table}`);
  return row?.next ?? 0;
}

async function requireGroup(sql: Sql, groupId: string | null | undefined): Promise<void> {
  if (groupId && !(await getDoc(sql, 'component_groups', groupId))) {
    throw conflict(`There is no component group with id "${groupId}". Create it first, or leave groupId empty.`);
  }
}

/** Records a status change for uptime, when the status really changed. */
export async function recordStatusChange(sql: Sql, change: ComponentStatusChange): Promise<void> {
  await sql.query('insert into component_status_changes (component_id, at, status, incident_id, maintenance_id) values ($1, $2, $3, $4, $5)', [
    change.componentId,
    change.at,
    change.status,
    change.incidentId,
    change.maintenanceId,
  ]);
}

/** All components, in page order (group position is applied by clients). */
export async function allComponents(sql: Sql): Promise<Versioned<Component>[]> {
  const rows = await sql.query<{ doc: Component; version: number }>('select doc, version from components order by position, id');
  return rows.map((row) => ({ doc: row.doc, version: row.version }));
}

export async function allGroups(sql: Sql): Promise<Versioned<ComponentGroup>[]> {
  const rows = await sql.query<{ doc: ComponentGroup; version: number }>('select doc, version from component_groups order by position, id');
  return rows.map((row) => ({ doc: row.doc, version: row.version }));
}

/** Sets a component's status (from an incident, a maintenance or by hand): history, event, new version. */
export async function setComponentStatus(
  services: Services,
  sql: Sql,
  componentId: string,
  status: ComponentStatus,
  cause: { incidentId?: string | null; maintenanceId?: string | null } = {},
): Promise<Component | null> {
  const current = await getDoc<Component>(sql, 'components', componentId);
  if (!current) return null;
  if (current.doc.status === status) return current.doc;
  const at = isoNow(services.now());
  const doc: Component = { ...current.doc, status, updatedAt: at };
  const [row] = await sql.query<{ version: number }>('update components set version = version + 1, updated_at = $2, doc = $3 where id = $1 returning version', [componentId, at, JSON.stringify(doc)]);
  await recordStatusChange(sql, { componentId, status, at, incidentId: cause.incidentId ?? null, maintenanceId: cause.maintenanceId ?? null });
  await publish(services.db, sql, doc.showcase ? 'public' : 'internal', 'component.updated', { component: doc, version: row?.version }, services.now());
  return doc;
}

const UptimeQuery = v.object({
  days: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'Days must be a whole number from 1 to 366.'), v.transform(Number), v.minValue(1, 'Days must be 1 or more.'), v.maxValue(366, 'Days must be 366 or less.')),
    '90',
  ),
  timeZone: v.optional(v.pipe(v.string(), v.maxLength(64))),
});

const UptimeDay = v.object({
  date: v.string(),
  uptime: v.nullable(v.number()),
  seconds: v.record(v.string(), v.number()),
  incidentIds: v.array(v.string()),
});

export const componentRoutes: RouteSpec<never, never, never>[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/components',
    operationId: 'listComponents',
    summary: 'List components in page order',
    description: 'Anonymous callers see showcased components only.',
    tags: TAGS,
    access: 'public',
    responses: { 200: { description: 'The components.', schema: v.object({ data: v.array(ComponentSchema) }) } },
    handler: async ({ services, caller }) => {
      const rows = await allComponents(services.db);
      const data = rows.map((r) => r.doc).filter((c) => caller !== null || c.showcase);
      const body = JSON.stringify({ data });
      return json({ data }, { etag: contentTag(body), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/components/:id',
    operationId: 'getComponent',
    summary: 'Get one component',
    tags: TAGS,
    access: 'public',
    params: IdParams,
    responses: { 200: { description: 'The component.', schema: ComponentSchema } },
    handler: async ({ services, caller, params }) => {
      const found = await getDoc<Component>(services.db, 'components', params.id);
      if (!found || (!caller && !found.doc.showcase)) throw notFound('component', params.id);
      return json(found.doc, { etag: versionTag(found.version), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/components/:id/uptime',
    operationId: 'getComponentUptime',
    summary: 'Daily uptime of one component',
    description: 'One entry per day for the last `days` days (default 90), cut at midnight in `timeZone` (default UTC). Major outage counts fully as downtime, partial outage 30 %, degraded performance not at all; maintenance is left out.',
    tags: TAGS,
    access: 'public',
    params: IdParams,
    query: UptimeQuery,
    responses: { 200: { description: 'Daily uptime, oldest first.', schema: v.object({ componentId: v.string(), days: v.array(UptimeDay) }) } },
    handler: async ({ services, caller, params, query }) => {
      const found = await getDoc<Component>(services.db, 'components', params.id);
      if (!found || (!caller && !found.doc.showcase)) throw notFound('component', params.id);
      const rows = await services.db.query<{ at: string; status: ComponentStatus; incident_id: string | null; maintenance_id: string | null }>(
        'select at, status, incident_id, maintenance_id from component_status_changes where component_id = $1 order by at, seq',
        [params.id],
      );
      const history = rows.map((r) => ({ componentId: params.id, at: r.at, status: r.status, incidentId: r.incident_id, maintenanceId: r.maintenance_id }));
      let days;
      try {
        days = dailyUptime(history, { end: services.now(), days: query.days, timeZone: query.timeZone ?? 'UTC', startDate: found.doc.startDate });
      } catch (error) {
        throw conflict((error as Error).message);
      }
      if (!caller) {
        // Anonymous readers learn only of public incidents.
        const ids = [...new Set(days.flatMap((d) => d.incidentIds))];
        const visible = ids.length ? new Set((await services.db.query<{ id: string }>(`select id from incidents where id = any($1) and visibility = 'public'`, [ids])).map((r) => r.id)) : new Set<string>();
        days = days.map((d) => ({ ...d, incidentIds: d.incidentIds.filter((id) => visible.has(id)) }));
      }
      const body = { componentId: params.id, days };
      return json(body, { etag: contentTag(JSON.stringify(body)), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/components',
    operationId: 'createComponent',
    summary: 'Create a component',
    tags: TAGS,
    access: 'admin',
    body: ComponentCreateSchema,
    idempotent: true,
    responses: { 201: { description: 'Created.', schema: ComponentSchema } },
    handler: async ({ services, body }) => {
      const now = isoNow(services.now());
      const created = await services.db.transaction(async (tx) => {
        await requireGroup(tx, body.groupId);
        const doc: Component = {
          id: newId('cmp', services.now()),
          name: body.name,
          description: body.description,
          status: body.status,
          groupId: body.groupId,
          position: body.position ?? (await nextPosition(tx, 'components')),
          showcase: body.showcase,
          onlyShowIfDegraded: body.onlyShowIfDegraded,
          startDate: body.startDate,
          createdAt: now,
          updatedAt: now,
        };
        const saved = await insertDoc(tx, 'components', doc, { group_id: doc.groupId, position: doc.position });
        await recordStatusChange(tx, { componentId: doc.id, status: doc.status, at: now, incidentId: null, maintenanceId: null });
        await publish(services.db, tx, doc.showcase ? 'public' : 'internal', 'component.created', { component: doc, version: 1 }, services.now());
        return saved;
      });
      return json(created.doc, { status: 201, etag: versionTag(created.version), headers: { location: `/v1/components/${created.doc.id}` } });
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/v1/components/:id',
    operationId: 'updateComponent',
    summary: 'Change a component (its status too)',
    tags: TAGS,
    access: 'responder',
    params: IdParams,
    body: ComponentPatchSchema,
    ifMatch: true,
    responses: { 200: { description: 'Updated.', schema: ComponentSchema } },
    handler: async ({ services, params, body, ifMatch }) => {
      const saved = await services.db.transaction(async (tx) => {
        const current = await getForChange<Component>(tx, 'components', 'component', params.id, ifMatch);
        if (body.groupId !== undefined) await requireGroup(tx, body.groupId);
        const at = isoNow(services.now());
        const doc: Component = { ...current.doc, ...body, updatedAt: at };
        const result = await updateDoc(tx, 'components', doc, current.version, { group_id: doc.groupId, position: doc.position });
        if (result === 'missing') throw notFound('component', params.id);
        if (result === 'conflict') throw preconditionFailed('component', current.doc, versionTag(current.version));
        if (doc.status !== current.doc.status) await recordStatusChange(tx, { componentId: doc.id, status: doc.status, at, incidentId: null, maintenanceId: null });
        const audience = doc.showcase || current.doc.showcase ? 'public' : 'internal';
        await publish(services.db, tx, audience, 'component.updated', { component: doc, version: result.version }, services.now());
        return result;
      });
      return json(saved.doc, { etag: versionTag(saved.version) });
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/components/:id',
    operationId: 'deleteComponent',
    summary: 'Delete a component and its history',
    tags: TAGS,
    access: 'admin',
    params: IdParams,
    ifMatch: true,
    responses: { 204: { description: 'Deleted.' } },
    handler: async ({ services, params, ifMatch }) => {
      await services.db.transaction(async (tx) => {
        const current = await deleteForChange<Component>(tx, 'components', 'component', params.id, ifMatch);
        await publish(services.db, tx, current.doc.showcase ? 'public' : 'internal', 'component.deleted', { id: params.id }, services.now());
      });
      return new Response(null, { status: 204 });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/component-groups',
    operationId: 'listComponentGroups',
    summary: 'List component groups in page order',
    tags: TAGS,
    access: 'public',
    responses: { 200: { description: 'The groups.', schema: v.object({ data: v.array(ComponentGroupSchema) }) } },
    handler: async ({ services, caller }) => {
      const data = (await allGroups(services.db)).map((r) => r.doc);
      return json({ data }, { etag: contentTag(JSON.stringify(data)), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/component-groups',
    operationId: 'createComponentGroup',
    summary: 'Create a component group',
    tags: TAGS,
    access: 'admin',
    body: ComponentGroupCreateSchema,
    idempotent: true,
    responses: { 201: { description: 'Created.', schema: ComponentGroupSchema } },
    handler: async ({ services, body }) => {
      const now = isoNow(services.now());
      const saved = await services.db.transaction(async (tx) => {
        const doc: ComponentGroup = {
          id: newId('grp', services.now()),
          name: body.name,
          description: body.description,
          position: body.position ?? (await nextPosition(tx, 'component_groups')),
          createdAt: now,
          updatedAt: now,
        };
        const result = await insertDoc(tx, 'component_groups', doc, { position: doc.position });
        await publish(services.db, tx, 'public', 'component-group.created', { group: doc, version: 1 }, services.now());
        return result;
      });
      return json(saved.doc, { status: 201, etag: versionTag(saved.version), headers: { location: `/v1/component-groups/${saved.doc.id}` } });
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/v1/component-groups/:id',
    operationId: 'updateComponentGroup',
    summary: 'Change a component group',
    tags: TAGS,
    access: 'admin',
    params: IdParams,
    body: ComponentGroupPatchSchema,
    ifMatch: true,
    responses: { 200: { description: 'Updated.', schema: ComponentGroupSchema } },
    handler: async ({ services, params, body, ifMatch }) => {
      const saved = await services.db.transaction(async (tx) => {
        const current = await getForChange<ComponentGroup>(tx, 'component_groups', 'component group', params.id, ifMatch);
        const doc: ComponentGroup = { ...current.doc, ...body, updatedAt: isoNow(services.now()) };
        const result = await saveChange(tx, 'component_groups', 'component group', current, doc, { position: doc.position });
        await publish(services.db, tx, 'public', 'component-group.updated', { group: doc, version: result.version }, services.now());
        return result;
      });
      return json(saved.doc, { etag: versionTag(saved.version) });
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/component-groups/:id',
    operationId: 'deleteComponentGroup',
    summary: 'Delete a component group (its components become ungrouped)',
    tags: TAGS,
    access: 'admin',
    params: IdParams,
    ifMatch: true,
    responses: { 204: { description: 'Deleted.' } },
    handler: async ({ services, params, ifMatch }) => {
      await services.db.transaction(async (tx) => {
        await deleteForChange<ComponentGroup>(tx, 'component_groups', 'component group', params.id, ifMatch);
        // Keep each member's document in step with the column the foreign key just cleared.
        await tx.query(
          `update components set version = version + 1, doc = jsonb_set(doc, '{groupId}', 'null'::jsonb) where doc->>'groupId' = $1`,
          [params.id],
        );
        await publish(services.db, tx, 'public', 'component-group.deleted', { id: params.id }, services.now());
      });
      return new Response(null, { status: 204 });
    },
  }),
] as RouteSpec<never, never, never>[];
