/**
 * Incidents: declaring, changing and resolving them, their public and internal updates, the
 * internal timeline, role assignments with hand-off history, and links between incidents.
 *
 * Anonymous readers see public incidents with their public updates only; the timeline and the
 * roles need a token. Every write to one incident locks its row, so writes to it run one after
 * another, and publishes its change event inside the same transaction.
 */
import * as v from 'valibot';
import {
  IncidentCreateSchema,
  IncidentListQuerySchema,
  IncidentPatchSchema,
  IncidentRolesSchema,
  IncidentUpdatePostSchema,
  IncidentUpdateSchema,
  RelatedIncidentLinkSchema,
  RoleAssignSchema,
  RoleAssignmentSchema,
  RoleHandOffAnswerSchema,
  RoleHandOffSchema,
  RoleReleaseSchema,
  StoredIncidentSchema,
  TimelineEventCreateSchema,
  TimelineEventSchema,
  UpdatePostedSchema,
  changeEntries,
  declaredEntry,
  declaredIncident,
  imposedStatus,
  incidentAfterUpdate,
  incidentUpdate,
  isOpen,
  pageOf,
  localize,
  missingRoles,
  patchedIncident,
  postedEntries,
  reportedTransitions,
  validate,
  type Component,
  type ComponentTransition,
  type Incident,
  type IncidentListQuery,
  type IncidentUpdate,
  type RelatedIncident,
  type RoleAssignment,
  type RoleDefinition,
  type TimelineEntry,
  type TimelineEvent,
  type TimelineEventKind,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import { conflict, invalid, notFound } from '../http/errors.js';
import { contentTag, defineRoute, json, versionTag, type RouteSpec } from '../http/route.js';
import { newId } from '../ids.js';
import type { Services } from '../services.js';
import { insertDoc, listDocs, stale, updateDoc, withVersion, type Versioned } from '../store/documents.js';
import { publish } from '../store/events.js';
import {
  getIncident,
  lockIncident,
  publicStoredViews,
  publicViews,
  readComponentTargetStatus,
  storedIncident,
  withUpdates,
  type StoredIncident,
} from '../store/incidents.js';
import { readGuideline, readRoles } from '../store/settings.js';
import { IdParams, escapeLike, isoNow, readCache } from './common.js';
import { setComponentStatus } from './components.js';

const TAGS = ['incidents'];
const pathId = IdParams.entries.id;
const AssignmentParams = v.object({ id: pathId, assignmentId: pathId });
const RelatedParams = v.object({ id: pathId, relatedId: pathId });
const VARY = { vary: 'authorization' };

// ---------------------------------------------------------------------------------------------
// Checks against the stored state

function columns(incident: StoredIncident) {
  return { started_at: incident.startedAt, status: incident.status, severity: incident.severity, visibility: incident.visibility };
}

/** 422 at `severity` unless the guideline has that level. */
async function requireSeverity(sql: Sql, code: string): Promise<void> {
  const guideline = await readGuideline(sql);
  if (!guideline.levels.some((level) => level.code === code)) {
    const known = guideline.levels.map((level) => level.code).join(', ');
    throw invalid([{ path: 'severity', message: `Severity "${code}" is not in the severity guideline; use one of ${known}.` }], 'body');
  }
}

/** The components among `ids` that exist, by id. */
async function loadComponents(sql: Sql, ids: readonly string[]): Promise<Map<string, Component>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ doc: Component }>('select doc from components where id = any($1)', [[...ids]]);
  return new Map(rows.map((r) => [r.doc.id, r.doc]));
}

/** The components `ids`, by id; 409 naming the first that does not exist. */
async function requireComponents(sql: Sql, ids: readonly string[]): Promise<Map<string, Component>> {
  const found = await loadComponents(sql, ids);
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw conflict(`There is no component with id "${missing}". Create it first, or leave it out of the affected components.`);
  return found;
}

/**
 * Checks links from `incident` to other incidents: never to itself (422 at `<path>incidentId`),
 * only to incidents that exist (409), and `recurrence_of` only to one that started earlier (409).
 */
async function requireRelated(sql: Sql, incident: Pick<StoredIncident, 'id' | 'startedAt'>, related: readonly RelatedIncident[], path: (i: number) => string): Promise<void> {
  const self = related.findIndex((r) => r.incidentId === incident.id);
  if (self >= 0) throw invalid([{ path: `${path(self)}incidentId`, message: 'An incident cannot be related to itself.' }], 'body');
  if (related.length === 0) return;
  const rows = await sql.query<{ id: string; started_at: string }>('select id, started_at from incidents where id = any($1)', [related.map((r) => r.incidentId)]);
  const startedAt = new Map(rows.map((r) => [r.id, r.started_at]));
  for (const link of related) {
    const otherStart = startedAt.get(link.incidentId);
    if (otherStart === undefined) throw conflict(`There is no incident with id "${link.incidentId}" to link to.`);
    if (link.relation === 'recurrence_of' && !(otherStart < incident.startedAt)) {
      throw conflict(`Incident "${link.incidentId}" started at ${otherStart}, not before this one (${incident.startedAt}): a recurrence can only be of an earlier incident. Link it as "related" instead.`);
    }
  }
}

/** A person's name; 409 when there is no such person. */
async function requirePerson(sql: Sql, personId: string): Promise<string> {
  const [row] = await sql.query<{ name: string }>(`select doc->>'name' as name from people where id = $1`, [personId]);
  if (!row) throw conflict(`There is no person with id "${personId}". Add them to the people first.`);
  return row.name;
}

/** The organisation's definition of role `key`; 422 at `role` when it has none. */
async function roleDefinition(sql: Sql, key: string): Promise<RoleDefinition> {
  const roles = await readRoles(sql);
  const role = roles.find((r) => r.key === key);
  if (!role) throw invalid([{ path: 'role', message: `Unknown role "${key}": use one of ${roles.map((r) => r.key).join(', ')}.` }], 'body');
  return role;
}

/** The English name of role `key` (the key itself for a role no longer defined). */
async function roleName(sql: Sql, key: string): Promise<string> {
  const role = (await readRoles(sql)).find((r) => r.key === key);
  return role ? localize(role.name, 'en') : key;
}

/** 422 at `assignmentId` when the body names another assignment than the path. */
function sameAssignment(pathValue: string, bodyValue: string): void {
  if (pathValue !== bodyValue) {
    throw invalid([{ path: 'assignmentId', message: `The body names assignment "${bodyValue}" but the path names "${pathValue}"; they must be the same.` }], 'body');
  }
}

// ---------------------------------------------------------------------------------------------
// Derived state

/**
 * Brings the statuses of the components `before` or `after` (the incident as saved) set in line
 * with every open incident, through setComponentStatus (history, events). Returns the changes.
 */
async function syncComponents(services: Services, sql: Sql, before: StoredIncident | null, after: StoredIncident): Promise<ComponentTransition[]> {
  const ids = [...new Set([...(before?.components ?? []), ...after.components].map((c) => c.componentId))];
  const components = await loadComponents(sql, ids);
  const changes: ComponentTransition[] = [];
  for (const component of components.values()) {
    if (!(before && imposedStatus(before, component)) && !imposedStatus(after, component)) continue;
    const status = await readComponentTargetStatus(sql, component);
    if (status === component.status) continue;
    await setComponentStatus(services, sql, component.id, status, { incidentId: after.id });
    changes.push({ componentId: component.id, name: component.name, oldStatus: component.status, newStatus: status });
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------
// Writes

async function addTimeline(sql: Sql, incidentId: string, kind: TimelineEventKind, body: string, at: string, options: { link?: string | null; now: number }): Promise<TimelineEvent> {
  const event: TimelineEvent = { id: newId('tle', options.now), incidentId, kind, at, body, authorId: null, link: options.link ?? null };
  await sql.query('insert into timeline_events (id, incident_id, at, doc) values ($1, $2, $3, $4)', [event.id, incidentId, at, JSON.stringify(event)]);
  return event;
}

/** Adds `entries` to an incident's timeline, in order, all at `at`. */
async function log(sql: Sql, incidentId: string, entries: readonly TimelineEntry[], at: string, now: number): Promise<void> {
  for (const entry of entries) await addTimeline(sql, incidentId, entry.kind, entry.body, at, { now });
}

async function saveIncident(sql: Sql, doc: StoredIncident, expected: number, current: Incident): Promise<number> {
  const result = await updateDoc(sql, 'incidents', doc, expected, columns(doc));
  if (result === 'missing') throw notFound('incident', doc.id);
  if (result === 'conflict') throw stale('incident', { doc: current, version: expected });
  return result.version;
}

/**
 * Publishes a change of an incident, with its version (inside the incident, and beside it as
 * events always carried it): to everyone (in its public view) when it is public; to tokens only
 * when it is internal, and then a bare `incident.withdrawn` to everyone when it was public before.
 */
export async function publishIncident(services: Services, sql: Sql, type: string, incident: Incident, version: number, extra: Record<string, unknown> = {}, wasPublic = false): Promise<void> {
  const now = services.now();
  if (incident.visibility === 'public') {
    const [view] = await publicViews(sql, [incident]);
    await publish(services.db, sql, 'public', type, { incident: { ...view, version }, version, ...extra }, now);
    return;
  }
  await publish(services.db, sql, 'internal', type, { incident: { ...incident, version }, version, ...extra }, now);
  if (wasPublic) await publish(services.db, sql, 'public', 'incident.withdrawn', { id: incident.id }, now);
}

async function insertUpdate(sql: Sql, update: IncidentUpdate): Promise<void> {
  await sql.query('insert into incident_updates (id, incident_id, visibility, display_at, doc) values ($1, $2, $3, $4, $5)', [
    update.id,
    update.incidentId,
    update.visibility,
    update.displayAt,
    JSON.stringify(update),
  ]);
}

async function reread(sql: Sql, id: string): Promise<Versioned<Incident>> {
  const found = await getIncident(sql, id);
  if (!found) throw notFound('incident', id);
  return found;
}

/** The incident for a write: locked; 404 when missing. */
async function forWrite(sql: Sql, id: string): Promise<Versioned<Incident>> {
  const found = await lockIncident(sql, id);
  if (!found) throw notFound('incident', id);
  return found;
}

/** The incident for a token holder's read of its parts; 404 when missing. */
async function requireIncident(sql: Sql, id: string): Promise<Versioned<Incident>> {
  const found = await getIncident(sql, id);
  if (!found) throw notFound('incident', id);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Roles

async function assignmentsOf(sql: Sql, incidentId: string): Promise<RoleAssignment[]> {
  const rows = await sql.query<{ doc: RoleAssignment }>('select doc from role_assignments where incident_id = $1 order by assigned_at, seq', [incidentId]);
  return rows.map((r) => r.doc);
}

async function insertAssignment(sql: Sql, assignment: RoleAssignment): Promise<void> {
  await sql.query('insert into role_assignments (id, incident_id, role, person_id, assigned_at, released_at, doc) values ($1, $2, $3, $4, $5, $6, $7)', [
    assignment.id,
    assignment.incidentId,
    assignment.role,
    assignment.personId,
    assignment.assignedAt,
    assignment.releasedAt,
    JSON.stringify(assignment),
  ]);
}

/** Ends an open assignment; history stays: only releasedAt and handedOffTo are filled in. */
async function endAssignment(sql: Sql, assignment: RoleAssignment, releasedAt: string, handedOffTo: string | null): Promise<RoleAssignment> {
  const ended: RoleAssignment = { ...assignment, releasedAt, handedOffTo };
  const rows = await sql.query('update role_assignments set released_at = $2, doc = $3 where id = $1 and released_at is null returning id', [assignment.id, releasedAt, JSON.stringify(ended)]);
  if (rows.length === 0) throw conflict(`Assignment "${assignment.id}" has already ended.`);
  return ended;
}

/** The open assignment `assignmentId` of incident `incidentId`: 404 when it is not one of its assignments, 409 when it has ended. */
async function openAssignment(sql: Sql, incidentId: string, assignmentId: string): Promise<RoleAssignment> {
  const [row] = await sql.query<{ doc: RoleAssignment }>('select doc from role_assignments where id = $1 and incident_id = $2', [assignmentId, incidentId]);
  if (!row) throw notFound('role assignment on this incident', assignmentId);
  if (row.doc.releasedAt !== null) throw conflict(`Assignment "${assignmentId}" already ended at ${row.doc.releasedAt}; its history cannot change. Assign the role anew instead.`);
  return row.doc;
}

/** 422 at `at` when a role would end before it began. */
function notBefore(at: string, assignment: RoleAssignment): void {
  if (at < assignment.assignedAt) throw invalid([{ path: 'at', message: `The time ${at} is before the assignment began (${assignment.assignedAt}).` }], 'body');
}


// ---------------------------------------------------------------------------------------------
// Listing

/** SQL conditions for the list filters (anonymous callers: public incidents only). */
function listFilters(query: IncidentListQuery, anonymous: boolean): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (anonymous) where.push(`visibility = 'public'`);
  if (query.id) add((p) => `id = any(${p})`, query.id);
  if (query.status) add((p) => `status = any(${p})`, query.status);
  if (query.severity) add((p) => `severity = any(${p})`, query.severity);
  if (query.visibility) add((p) => `visibility = ${p}`, query.visibility);
  if (query.label) add((p) => `doc->'labels' ?| ${p}::text[]`, query.label);
  if (query.component) add((p) => `doc->'components' @> ${p}::jsonb`, JSON.stringify([{ componentId: query.component }]));
  if (query.open !== undefined) where.push(query.open ? `status <> 'resolved'` : `status = 'resolved'`);
  if (query.from) add((p) => `started_at >= ${p}`, query.from);
  if (query.to) add((p) => `started_at < ${p}`, query.to);
  if (query.q) add((p) => `(doc->>'title' ilike ${p} or doc->>'summary' ilike ${p})`, `%${escapeLike(query.q)}%`);
  return { where, params };
}

// ---------------------------------------------------------------------------------------------
// Routes

export const incidentRoutes: RouteSpec<never, never, never>[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/incidents',
    operationId: 'listIncidents',
    summary: 'List incidents, most recently started first',
    description:
      'Filters combine with "and"; several values of one filter with "or". `id` (any of, at most 100) reads the incidents a page of other things names in one call. `from`/`to` select by start time, [from, to). `q` searches title and summary, ignoring case. Anonymous callers see public incidents with their public updates only.',
    tags: TAGS,
    access: 'public',
    query: IncidentListQuerySchema,
    responses: { 200: { description: 'One page of incidents.', schema: pageOf(StoredIncidentSchema) } },
    handler: async ({ services, caller, query }) => {
      const { where, params } = listFilters(query, caller === null);
      const page = await listDocs<StoredIncident>(services.db, 'incidents', { where, params, orderBy: 'started_at', direction: 'desc', cursor: query.cursor, limit: query.limit });
      const incidents = await withUpdates(services.db, page.data);
      const data = caller ? incidents.map(withVersion) : await publicStoredViews(services.db, incidents);
      const body = { data, nextCursor: page.nextCursor };
      return json(body, { etag: contentTag(JSON.stringify(body)), cacheControl: readCache(caller), headers: VARY });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/incidents/:id',
    operationId: 'getIncident',
    summary: 'Get one incident with its updates',
    description: 'Anonymous callers: public incidents only, with their public updates.',
    tags: TAGS,
    access: 'public',
    params: IdParams,
    responses: { 200: { description: 'The incident.', schema: StoredIncidentSchema } },
    handler: async ({ services, caller, params }) => {
      const found = await getIncident(services.db, params.id);
      if (!found || (!caller && found.doc.visibility !== 'public')) throw notFound('incident', params.id);
      const [doc] = caller ? [withVersion(found)] : await publicStoredViews(services.db, [found]);
      return json(doc, { etag: versionTag(found.version), cacheControl: readCache(caller), headers: VARY });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/incidents',
    operationId: 'createIncident',
    summary: 'Declare an incident (or record a past one)',
    description:
      'The severity must be a level of the severity guideline; affected components must exist (409). `updateBody` becomes the first public update. Components of an open incident take the statuses given (an internal incident changes only components the public page does not show).',
    tags: TAGS,
    access: 'responder',
    body: IncidentCreateSchema,
    idempotent: true,
    responses: { 201: { description: 'Declared.', schema: StoredIncidentSchema } },
    handler: async ({ services, body }) => {
      const nowMs = services.now();
      const now = isoNow(nowMs);
      const saved = await services.db.transaction(async (tx) => {
        await requireSeverity(tx, body.severity);
        await requireComponents(tx, body.components.map((c) => c.componentId));
        const id = newId('inc', nowMs);
        await requireRelated(tx, { id, startedAt: body.startedAt }, body.related, (i) => `related.${i}.`);
        const doc = declaredIncident(body, id, now);
        await insertDoc(tx, 'incidents', doc, columns(doc));
        const changes = await syncComponents(services, tx, null, doc);
        if (body.updateBody !== null) {
          await insertUpdate(tx, incidentUpdate({ id: newId('upd', nowMs), incidentId: id, status: doc.status, body: body.updateBody, visibility: 'public', now, changes }));
        }
        await log(tx, id, [declaredEntry(doc)], doc.detectedAt, nowMs);
        const incident = await reread(tx, id);
        await publishIncident(services, tx, 'incident.created', incident.doc, incident.version);
        return incident;
      });
      return json(withVersion(saved), { status: 201, etag: versionTag(saved.version), headers: { location: `/v1/incidents/${saved.doc.id}` } });
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/v1/incidents/:id',
    operationId: 'updateIncident',
    summary: 'Change an incident',
    description:
      'Moving to resolved sets resolvedAt when absent and returns the components to operational unless another open incident still affects them; reopening clears resolvedAt. Severity and status changes are logged on the timeline.',
    tags: TAGS,
    access: 'responder',
    params: IdParams,
    body: IncidentPatchSchema,
    ifMatch: true,
    responses: { 200: { description: 'Updated.', schema: StoredIncidentSchema } },
    handler: async ({ services, params, body, ifMatch }) => {
      const nowMs = services.now();
      const now = isoNow(nowMs);
      const saved = await services.db.transaction(async (tx) => {
        const current = await forWrite(tx, params.id);
        if (current.version !== ifMatch) throw stale('incident', current);
        const before = storedIncident(current.doc);
        const doc = patchedIncident(before, body, now);
        const merged = validate(IncidentCreateSchema, doc);
        if (!merged.ok) throw invalid(merged.issues, 'body');
        if (body.severity !== undefined) await requireSeverity(tx, body.severity);
        if (body.components) await requireComponents(tx, body.components.map((c) => c.componentId));
        if (body.related !== undefined || body.startedAt !== undefined) await requireRelated(tx, doc, doc.related, (i) => (body.related ? `related.${i}.` : ''));
        const version = await saveIncident(tx, doc, current.version, current.doc);
        const changes = await syncComponents(services, tx, before, doc);
        await log(tx, doc.id, changeEntries(before, doc, changes), now, nowMs);
        const incident = { doc: { ...doc, updates: current.doc.updates }, version };
        await publishIncident(services, tx, 'incident.updated', incident.doc, version, {}, before.visibility === 'public');
        return incident;
      });
      return json(withVersion(saved), { etag: versionTag(saved.version) });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/incidents/:id/updates',
    operationId: 'listIncidentUpdates',
    summary: "An incident's updates, newest first",
    description: 'Anonymous callers: public incidents only, with their public updates.',
    tags: TAGS,
    access: 'public',
    params: IdParams,
    responses: { 200: { description: 'The updates.', schema: v.object({ data: v.array(IncidentUpdateSchema) }) } },
    handler: async ({ services, caller, params }) => {
      const found = await getIncident(services.db, params.id);
      if (!found || (!caller && found.doc.visibility !== 'public')) throw notFound('incident', params.id);
      const data = caller ? found.doc.updates : found.doc.updates.filter((u) => u.visibility === 'public');
      return json({ data }, { etag: contentTag(JSON.stringify(data)), cacheControl: readCache(caller), headers: VARY });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/incidents/:id/updates',
    operationId: 'postIncidentUpdate',
    summary: 'Post an update: a message, the new status and component changes',
    description:
      'Sets the incident status (monitoring sets mitigatedAt, resolved sets resolvedAt, when absent) and the statuses of the components given; resolving returns the other components to operational unless another open incident affects them. The changes are recorded on the update as `affectedComponents`. Answers the update and the incident with its new ETag.',
    tags: TAGS,
    access: 'responder',
    params: IdParams,
    body: IncidentUpdatePostSchema,
    idempotent: true,
    responses: { 201: { description: 'Posted.', schema: UpdatePostedSchema } },
    handler: async ({ services, params, body }) => {
      const nowMs = services.now();
      const now = isoNow(nowMs);
      const saved = await services.db.transaction(async (tx) => {
        const current = await forWrite(tx, params.id);
        const mentioned = await requireComponents(tx, body.components.map((c) => c.componentId));
        const before = storedIncident(current.doc);
        const displayAt = body.displayAt ?? now;
        const doc = incidentAfterUpdate(before, body, displayAt, now);
        const version = await saveIncident(tx, doc, current.version, current.doc);
        const changes = reportedTransitions(await syncComponents(services, tx, before, doc), mentioned.values());
        const update = incidentUpdate({ id: newId('upd', nowMs), incidentId: doc.id, status: body.status, body: body.body, visibility: body.visibility, now, displayAt, changes });
        await insertUpdate(tx, update);
        await log(tx, doc.id, postedEntries(before, doc, update), now, nowMs);
        const incident = await reread(tx, doc.id);
        if (doc.visibility === 'public' && update.visibility === 'public') {
          await publishIncident(services, tx, 'incident.update.created', incident.doc, version, { update });
        } else {
          await publish(services.db, tx, 'internal', 'incident.update.created', { incident: withVersion(incident), version, update }, nowMs);
        }
        return { update, incident };
      });
      return json(
        { update: saved.update, incident: withVersion(saved.incident) },
        { status: 201, etag: versionTag(saved.incident.version), headers: { location: `/v1/incidents/${params.id}/updates` } },
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/incidents/:id/timeline',
    operationId: 'listTimelineEvents',
    summary: "An incident's internal timeline, oldest first",
    tags: TAGS,
    access: 'viewer',
    params: IdParams,
    responses: { 200: { description: 'The timeline.', schema: v.object({ data: v.array(TimelineEventSchema) }) } },
    handler: async ({ services, params }) => {
      await requireIncident(services.db, params.id);
      const rows = await services.db.query<{ doc: TimelineEvent }>('select doc from timeline_events where incident_id = $1 order by at, seq', [params.id]);
      const data = rows.map((r) => r.doc);
      return json({ data }, { etag: contentTag(JSON.stringify(data)) });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/incidents/:id/timeline',
    operationId: 'addTimelineEvent',
    summary: "Add to an incident's internal timeline",
    tags: TAGS,
    access: 'responder',
    params: IdParams,
    body: TimelineEventCreateSchema,
    idempotent: true,
    responses: { 201: { description: 'Added.', schema: TimelineEventSchema } },
    handler: async ({ services, params, body }) => {
      const nowMs = services.now();
      const event = await services.db.transaction(async (tx) => {
        await forWrite(tx, params.id);
        const added = await addTimeline(tx, params.id, body.kind, body.body, body.at ?? isoNow(nowMs), { link: body.link, now: nowMs });
        await publish(services.db, tx, 'internal', 'incident.timeline.created', { event: added }, nowMs);
        return added;
      });
      return json(event, { status: 201, headers: { location: `/v1/incidents/${params.id}/timeline` } });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/incidents/:id/roles',
    operationId: 'listIncidentRoles',
    summary: "Who holds an incident's roles, their history, and the required roles nobody holds",
    description: '`missing`: roles the severity guideline requires for the incident\'s severity that nobody holds while it is open.',
    tags: TAGS,
    access: 'viewer',
    params: IdParams,
    responses: { 200: { description: 'Current holders, full history (oldest first) and missing roles.', schema: IncidentRolesSchema } },
    handler: async ({ services, params }) => {
      const incident = await requireIncident(services.db, params.id);
      const history = await assignmentsOf(services.db, params.id);
      let missing: string[] = [];
      if (isOpen(incident.doc)) {
        try {
          missing = missingRoles(await readGuideline(services.db), incident.doc.severity, history);
        } catch {
          missing = []; // a severity the guideline no longer has requires nothing
        }
      }
      const body = { current: history.filter((a) => a.releasedAt === null), history, missing };
      return json(body, { etag: contentTag(JSON.stringify(body)) });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/incidents/:id/roles',
    operationId: 'assignIncidentRole',
    summary: 'Give a person a role on an incident',
    description: 'A role only one person holds at a time (all but subject-matter expert) that is already held must be handed off instead (409).',
    tags: TAGS,
    access: 'responder',
    params: IdParams,
    body: RoleAssignSchema,
    idempotent: true,
    responses: { 201: { description: 'Assigned.', schema: RoleAssignmentSchema } },
    handler: async ({ services, params, body }) => {
      const nowMs = services.now();
      const assignment = await services.db.transaction(async (tx) => {
        await forWrite(tx, params.id);
        const role = await roleDefinition(tx, body.role);
        const name = await requirePerson(tx, body.personId);
        const holders = (await assignmentsOf(tx, params.id)).filter((a) => a.role === body.role && a.releasedAt === null);
        const holder = holders[0];
        if (!role.multiple && holder) {
          throw conflict(
            `The ${localize(role.name, 'en')} role is already held (assignment "${holder.id}"). To give it to someone else, hand it off: POST /v1/incidents/${params.id}/roles/${holder.id}/hand-off.`,
            { assignmentId: holder.id },
          );
        }
        if (holders.some((a) => a.personId === body.personId)) throw conflict(`${name} already holds the ${localize(role.name, 'en')} role on this incident.`);
        const at = body.at ?? isoNow(nowMs);
        const created: RoleAssignment = { id: newId('rol', nowMs), incidentId: params.id, role: body.role, personId: body.personId, assignedAt: at, assignedBy: null, releasedAt: null, handedOffTo: null, note: body.note };
        await insertAssignment(tx, created);
        await addTimeline(tx, params.id, 'role_changed', `${name} took the ${localize(role.name, 'en')} role.`, at, { now: nowMs });
        await publish(services.db, tx, 'internal', 'incident.role.assigned', { assignment: created }, nowMs);
        return created;
      });
      return json(assignment, { status: 201, headers: { location: `/v1/incidents/${params.id}/roles` } });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/incidents/:id/roles/:assignmentId/hand-off',
    operationId: 'handOffIncidentRole',
    summary: 'Hand a role over to another person',
    description: 'Ends the assignment (releasedAt, handedOffTo = the new assignment) and starts the new one, in one step. History is kept.',
    tags: TAGS,
    access: 'responder',
    params: AssignmentParams,
    body: RoleHandOffSchema,
    idempotent: true,
    responses: { 201: { description: 'Handed off: the ended assignment and the new one.', schema: RoleHandOffAnswerSchema } },
    handler: async ({ services, params, body }) => {
      sameAssignment(params.assignmentId, body.assignmentId);
      const nowMs = services.now();
      const result = await services.db.transaction(async (tx) => {
        await forWrite(tx, params.id);
        const from = await openAssignment(tx, params.id, params.assignmentId);
        if (from.personId === body.personId) throw conflict('That person already holds this role: hand it off to someone else.');
        const name = await requirePerson(tx, body.personId);
        const previous = await requirePerson(tx, from.personId).catch(() => from.personId);
        const at = body.at ?? isoNow(nowMs);
        notBefore(at, from);
        const assignment: RoleAssignment = { id: newId('rol', nowMs), incidentId: params.id, role: from.role, personId: body.personId, assignedAt: at, assignedBy: null, releasedAt: null, handedOffTo: null, note: body.note };
        await insertAssignment(tx, assignment);
        const released = await endAssignment(tx, from, at, assignment.id);
        await addTimeline(tx, params.id, 'role_changed', `${await roleName(tx, from.role)} handed off from ${previous} to ${name}.`, at, { now: nowMs });
        await publish(services.db, tx, 'internal', 'incident.role.handed-off', { released, assignment }, nowMs);
        return { released, assignment };
      });
      return json(result, { status: 201, headers: { location: `/v1/incidents/${params.id}/roles` } });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/incidents/:id/roles/:assignmentId/release',
    operationId: 'releaseIncidentRole',
    summary: 'End an assignment without a successor',
    tags: TAGS,
    access: 'responder',
    params: AssignmentParams,
    body: RoleReleaseSchema,
    idempotent: true,
    responses: { 200: { description: 'Released.', schema: RoleAssignmentSchema } },
    handler: async ({ services, params, body }) => {
      sameAssignment(params.assignmentId, body.assignmentId);
      const nowMs = services.now();
      const released = await services.db.transaction(async (tx) => {
        await forWrite(tx, params.id);
        const from = await openAssignment(tx, params.id, params.assignmentId);
        const at = body.at ?? isoNow(nowMs);
        notBefore(at, from);
        const ended = await endAssignment(tx, from, at, null);
        const name = await requirePerson(tx, from.personId).catch(() => from.personId);
        await addTimeline(tx, params.id, 'role_changed', `${name} released the ${await roleName(tx, from.role)} role.${body.note ? ` ${body.note}` : ''}`, at, { now: nowMs });
        await publish(services.db, tx, 'internal', 'incident.role.released', { assignment: ended }, nowMs);
        return ended;
      });
      return json(released);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/incidents/:id/related',
    operationId: 'linkRelatedIncident',
    summary: 'Link another incident',
    description: '`recurrence_of` must name an incident that started earlier (409). No links to itself (422), none twice (409).',
    tags: TAGS,
    access: 'responder',
    params: IdParams,
    body: RelatedIncidentLinkSchema,
    idempotent: true,
    responses: { 200: { description: 'Linked: the incident.', schema: StoredIncidentSchema } },
    handler: async ({ services, params, body }) => {
      const saved = await services.db.transaction(async (tx) => {
        const current = await forWrite(tx, params.id);
        const before = storedIncident(current.doc);
        if (before.related.some((r) => r.incidentId === body.incidentId)) {
          throw conflict(`This incident is already linked to "${body.incidentId}". Remove that link first to change its relation.`);
        }
        await requireRelated(tx, before, [body], () => '');
        const doc: StoredIncident = { ...before, related: [...before.related, body], updatedAt: isoNow(services.now()) };
        const version = await saveIncident(tx, doc, current.version, current.doc);
        const incident = { doc: { ...doc, updates: current.doc.updates }, version };
        await publishIncident(services, tx, 'incident.updated', incident.doc, version);
        return incident;
      });
      return json(withVersion(saved), { etag: versionTag(saved.version) });
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/incidents/:id/related/:relatedId',
    operationId: 'unlinkRelatedIncident',
    summary: 'Remove a link to another incident',
    description: 'If-Match names the version of the incident the link is removed from.',
    tags: TAGS,
    access: 'responder',
    params: RelatedParams,
    ifMatch: true,
    responses: { 200: { description: 'Unlinked: the incident.', schema: StoredIncidentSchema } },
    handler: async ({ services, params, ifMatch }) => {
      const saved = await services.db.transaction(async (tx) => {
        const current = await forWrite(tx, params.id);
        if (current.version !== ifMatch) throw stale('incident', current);
        const before = storedIncident(current.doc);
        if (!before.related.some((r) => r.incidentId === params.relatedId)) throw notFound('link from this incident to an incident', params.relatedId);
        const doc: StoredIncident = { ...before, related: before.related.filter((r) => r.incidentId !== params.relatedId), updatedAt: isoNow(services.now()) };
        const version = await saveIncident(tx, doc, current.version, current.doc);
        const incident = { doc: { ...doc, updates: current.doc.updates }, version };
        await publishIncident(services, tx, 'incident.updated', incident.doc, version);
        return incident;
      });
      return json(withVersion(saved), { etag: versionTag(saved.version) });
    },
  }),
] as unknown as RouteSpec<never, never, never>[];

