/**
 * Components (the services on the status page), their groups, status history and daily uptime.
 * Anonymous readers see showcased components only; a token sees all. Every component and group
 * answered carries its `version` (its ETag's number).
 */
import * as v from 'valibot';
import {
  ComponentCreateSchema,
  ComponentGroupCreateSchema,
  ComponentGroupPatchSchema,
  ComponentPatchSchema,
  ComponentUptimeSchema,
  StoredComponentGroupSchema,
  StoredComponentSchema,
  isTimeZone,
  type Component,
  type ComponentGroup,
  type ComponentStatus,
  type ComponentStatusChange,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import type { Caller } from '../http/auth.js';
import { conflict, notFound } from '../http/errors.js';
import { contentTag, defineRoute, json, versionTag, type RouteSpec } from '../http/route.js';
import { newId } from '../ids.js';
import type { Services } from '../services.js';
import { deleteForChange, getDoc, getForChange, insertDoc, saveChange, stale, updateDoc, withVersion, type Versioned } from '../store/documents.js';
import { publish } from '../store/events.js';
import { readPageInfo } from '../store/settings.js';
import { uptimeOf, type UptimeOptions } from '../store/uptime.js';
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
  await publishComponent(services, sql, doc.showcase ? 'public' : 'internal', 'component.updated', { doc, version: row?.version ?? current.version + 1 });
  return doc;
}

/** Publishes a component's change with the component and its version (also beside it, as events always carried it). */
function publishComponent(services: Services, sql: Sql, audience: 'public' | 'internal', type: string, saved: Versioned<Component>): Promise<number> {
  return publish(services.db, sql, audience, type, { component: withVersion(saved), version: saved.version }, services.now());
}

/** `days`: a whole number of days from 1 to `max`, 90 when absent. */
function daysQuery(max: number) {
  return v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, `Days must be a whole number from 1 to ${max}.`),
      v.transform(Number),
      v.minValue(1, 'Days must be 1 or more.'),
      v.maxValue(max, `Days must be ${max} or less.`),
    ),
    '90',
  );
}

const UptimeQuery = v.object({
  days: daysQuery(366),
  timeZone: v.optional(v.pipe(v.string(), v.maxLength(64))),
});

const PageUptimeQuery = v.object({
  days: daysQuery(90),
  timeZone: v.optional(v.pipe(v.string(), v.maxLength(64), v.check((zone: string) => isTimeZone(zone), 'The time zone must be an IANA time zone like Asia/Tokyo or UTC.'))),
});

/** {@link uptimeOf}, with a day that cannot be cut (a bad time zone or start date) answered 409. */
async function uptimeAnswer(sql: Sql, components: readonly Component[], options: UptimeOptions) {
  try {
    return await uptimeOf(sql, components, options);
  } catch (error) {
    if (error instanceof RangeError) throw conflict(error.message);
    throw error;
  }
}

/** Cache-Control and Vary of a public read, which a token's answer may differ from. */
function readHeaders(caller: Caller | null) {
  return { cacheControl: readCache(caller), headers: { vary: 'authorization' } };
}

export const componentRoutes: RouteSpec<never, never, never>[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/components',
    operationId: 'listComponents',
    summary: 'List components in page order',
    description: 'Anonymous callers see showcased components only.',
    tags: TAGS,
    access: 'public',
    responses: { 200: { description: 'The components.', schema: v.object({ data: v.array(StoredComponentSchema) }) } },
    handler: async ({ services, caller }) => {
      const rows = await allComponents(services.db);
      const data = rows.filter((r) => caller !== null || r.doc.showcase).map(withVersion);
      return json({ data }, { etag: contentTag(JSON.stringify({ data })), ...readHeaders(caller) });
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
    responses: { 200: { description: 'The component.', schema: StoredComponentSchema } },
    handler: async ({ services, caller, params }) => {
      const found = await getDoc<Component>(services.db, 'components', params.id);
      if (!found || (!caller && !found.doc.showcase)) throw notFound('component', params.id);
      return json(withVersion(found), { etag: versionTag(found.version), ...readHeaders(caller) });
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
    responses: { 200: { description: 'Daily uptime, oldest first.', schema: ComponentUptimeSchema } },
    handler: async ({ services, caller, params, query }) => {
      const found = await getDoc<Component>(services.db, 'components', params.id);
      if (!found || (!caller && !found.doc.showcase)) throw notFound('component', params.id);
      const [body] = await uptimeAnswer(services.db, [found.doc], { now: services.now(), days: query.days, timeZone: query.timeZone ?? 'UTC', publicIncidentsOnly: !caller });
      return json(body, { etag: contentTag(JSON.stringify(body)), ...readHeaders(caller) });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/uptime',
    operationId: 'getUptime',
    summary: 'Daily uptime of every public component',
    description:
      'The uptime bars of the status page: every component it shows, in page order, each as `/v1/components/{id}/uptime` gives it, for the last `days` days (1 to 90, default 90) cut at midnight in `timeZone` (default: the page\'s time zone). Anonymous readers see public incidents only in `incidentIds`.',
    tags: TAGS,
    access: 'public',
    query: PageUptimeQuery,
    responses: { 200: { description: 'Daily uptime per public component, oldest day first.', schema: v.object({ data: v.array(ComponentUptimeSchema) }) } },
    handler: async ({ services, caller, query, request }) => {
      const shown = (await allComponents(services.db)).map((r) => r.doc).filter((c) => c.showcase);
      const timeZone = query.timeZone ?? (await readPageInfo(services.db, new URL(request.url).origin)).timeZone;
      const data = await uptimeAnswer(services.db, shown, { now: services.now(), days: query.days, timeZone, publicIncidentsOnly: !caller });
      return json({ data }, { etag: contentTag(JSON.stringify({ data })), ...readHeaders(caller) });
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
    responses: { 201: { description: 'Created.', schema: StoredComponentSchema } },
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
        await publishComponent(services, tx, doc.showcase ? 'public' : 'internal', 'component.created', saved);
        return saved;
      });
      return json(withVersion(created), { status: 201, etag: versionTag(created.version), headers: { location: `/v1/components/${created.doc.id}` } });
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
    responses: { 200: { description: 'Updated.', schema: StoredComponentSchema } },
    handler: async ({ services, params, body, ifMatch }) => {
      const saved = await services.db.transaction(async (tx) => {
        const current = await getForChange<Component>(tx, 'components', 'component', params.id, ifMatch);
        if (body.groupId !== undefined) await requireGroup(tx, body.groupId);
        const at = isoNow(services.now());
        const doc: Component = { ...current.doc, ...body, updatedAt: at };
        const result = await updateDoc(tx, 'components', doc, current.version, { group_id: doc.groupId, position: doc.position });
        if (result === 'missing') throw notFound('component', params.id);
        if (result === 'conflict') throw stale('component', current);
        if (doc.status !== current.doc.status) await recordStatusChange(tx, { componentId: doc.id, status: doc.status, at, incidentId: null, maintenanceId: null });
        const audience = doc.showcase || current.doc.showcase ? 'public' : 'internal';
        await publishComponent(services, tx, audience, 'component.updated', result);
        return result;
      });
      return json(withVersion(saved), { etag: versionTag(saved.version) });
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
    responses: { 200: { description: 'The groups.', schema: v.object({ data: v.array(StoredComponentGroupSchema) }) } },
    handler: async ({ services, caller }) => {
      const data = (await allGroups(services.db)).map(withVersion);
      return json({ data }, { etag: contentTag(JSON.stringify(data)), ...readHeaders(caller) });
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
    responses: { 201: { description: 'Created.', schema: StoredComponentGroupSchema } },
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
        await publish(services.db, tx, 'public', 'component-group.created', { group: withVersion(result), version: result.version }, services.now());
        return result;
      });
      return json(withVersion(saved), { status: 201, etag: versionTag(saved.version), headers: { location: `/v1/component-groups/${saved.doc.id}` } });
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
    responses: { 200: { description: 'Updated.', schema: StoredComponentGroupSchema } },
    handler: async ({ services, params, body, ifMatch }) => {
      const saved = await services.db.transaction(async (tx) => {
        const current = await getForChange<ComponentGroup>(tx, 'component_groups', 'component group', params.id, ifMatch);
        const doc: ComponentGroup = { ...current.doc, ...body, updatedAt: isoNow(services.now()) };
        const result = await saveChange(tx, 'component_groups', 'component group', current, doc, { position: doc.position });
        await publish(services.db, tx, 'public', 'component-group.updated', { group: withVersion(result), version: result.version }, services.now());
        return result;
      });
      return json(withVersion(saved), { etag: versionTag(saved.version) });
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
        // Keep each member's document in step with the column the foreign key just cleared, and
        // tell live readers: each member has a new version.
        const members = await tx.query<{ doc: Component; version: number }>(
          `update components set version = version + 1, doc = jsonb_set(doc, '{groupId}', 'null'::jsonb) where doc->>'groupId' = $1 returning doc, version`,
          [params.id],
        );
        for (const member of members) await publishComponent(services, tx, member.doc.showcase ? 'public' : 'internal', 'component.updated', member);
        await publish(services.db, tx, 'public', 'component-group.deleted', { id: params.id }, services.now());
      });
      return new Response(null, { status: 204 });
    },
  }),
] as RouteSpec<never, never, never>[];
