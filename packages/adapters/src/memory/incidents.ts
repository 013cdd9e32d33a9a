/**
 * Incidents in memory, by the server's rules (apps/api/src/routes/incidents.ts): declaring,
 * changing and resolving them with the times their status implies, updates that move component
 * statuses, the internal timeline the server writes itself, and links between incidents.
 * Anonymous callers see public incidents with their public updates only.
 */
import {
  IncidentCreateSchema,
  IncidentListQuerySchema,
  IncidentPatchSchema,
  IncidentUpdatePostSchema,
  RelatedIncidentLinkSchema,
  TimelineEventCreateSchema,
  changeEntries,
  componentTargetStatus,
  declaredEntry,
  declaredIncident,
  imposedStatus,
  incidentAfterUpdate,
  incidentUpdate,
  patchedIncident,
  postedEntries,
  publicIncident,
  reportedTransitions,
  validate,
  type Component,
  type ComponentTransition,
  type Id,
  type Incident,
  type IncidentUpdate,
  type Page,
  type RelatedIncident,
  type Stored,
  type TimelineEntry,
  type TimelineEvent,
  type TimelineEventKind,
  type UpdatePosted,
} from '@hansei/core';
import { setComponentStatus } from './components.js';
import { byInstant, check, fullIncident, incidentFor, publicIncidentIds, stored, type Ctx } from './context.js';
import { pageOf } from './lists.js';
import { conflict, invalid, notFound, preconditionFailed } from './problems.js';
import { deepFreeze, withRow, type Row, type StoredIncident } from './state.js';

// ---------------------------------------------------------------------------------------------
// Checks against the stored state

/** 422 at `severity` unless the guideline has that level. */
function requireSeverity(ctx: Ctx, code: string): void {
  const { levels } = ctx.store.state.guideline.doc;
  if (!levels.some((level) => level.code === code)) {
    const known = levels.map((level) => level.code).join(', ');
    throw invalid([{ path: 'severity', message: `Severity "${code}" is not in the severity guideline; use one of ${known}.` }], 'body');
  }
}

/** The components `ids` (those that exist), in the order given. */
function loadComponents(ctx: Ctx, ids: readonly Id[]): Component[] {
  return [...new Set(ids)].flatMap((id) => ctx.store.state.components.get(id)?.doc ?? []);
}

/** The components `ids`; 409 naming the first that does not exist. */
function requireComponents(ctx: Ctx, ids: readonly Id[]): Component[] {
  const missing = ids.find((id) => !ctx.store.state.components.has(id));
  if (missing !== undefined) throw conflict(`There is no component with id "${missing}". Create it first, or leave it out of the affected components.`);
  return loadComponents(ctx, ids);
}

/**
 * Checks links from `incident`: never to itself (422 at `<path>incidentId`), only to incidents
 * that exist (409), and `recurrence_of` only to one that started earlier (409).
 */
function requireRelated(ctx: Ctx, incident: Pick<StoredIncident, 'id' | 'startedAt'>, related: readonly RelatedIncident[], path: (i: number) => string): void {
  const self = related.findIndex((r) => r.incidentId === incident.id);
  if (self >= 0) throw invalid([{ path: `${path(self)}incidentId`, message: 'An incident cannot be related to itself.' }], 'body');
  for (const link of related) {
    const other = ctx.store.state.incidents.get(link.incidentId)?.doc.startedAt;
    if (other === undefined) throw conflict(`There is no incident with id "${link.incidentId}" to link to.`);
    if (link.relation === 'recurrence_of' && !(other < incident.startedAt)) {
      throw conflict(`Incident "${link.incidentId}" started at ${other}, not before this one (${incident.startedAt}): a recurrence can only be of an earlier incident. Link it as "related" instead.`);
    }
  }
}

/** The incident `id` for a write or a token holder's read of its parts; 404 when missing. */
export function requireIncident(ctx: Ctx, id: Id): Row<StoredIncident> {
  const row = ctx.store.state.incidents.get(id);
  if (!row) throw notFound('incident', id);
  return row;
}

// ---------------------------------------------------------------------------------------------
// Writes

/** Appends to an incident's timeline (by the backend itself: no author). */
export function addTimeline(ctx: Ctx, incidentId: Id, kind: TimelineEventKind, body: string, at: string, link: string | null = null): TimelineEvent {
  const event: TimelineEvent = deepFreeze({ id: ctx.store.newId('tle'), incidentId, kind, at, body, authorId: null, link });
  ctx.store.set({ timeline: [...ctx.store.state.timeline, event] });
  return event;
}

/** Stores `doc` as the next version of `row`; returns the new row. */
export function saveIncident(ctx: Ctx, row: Row<StoredIncident>, doc: StoredIncident): Row<StoredIncident> {
  const next: Row<StoredIncident> = { ...row, doc: deepFreeze(doc), version: row.version + 1 };
  ctx.store.set({ incidents: withRow(ctx.store.state.incidents, next) });
  return next;
}

/**
 * Brings the statuses of the components `before` or `after` (the incident as saved) set in line
 * with every open incident and active maintenance. Returns the changes made.
 */
function syncComponents(ctx: Ctx, before: StoredIncident | null, after: StoredIncident): ComponentTransition[] {
  const ids = [...(before?.components ?? []), ...after.components].map((c) => c.componentId);
  const changes: ComponentTransition[] = [];
  const incidents = [...ctx.store.state.incidents.values()].map((r) => r.doc);
  const maintenances = [...ctx.store.state.maintenances.values()].map((r) => r.doc);
  for (const component of loadComponents(ctx, ids)) {
    if (!(before && imposedStatus(before, component)) && !imposedStatus(after, component)) continue;
    const status = componentTargetStatus(component, incidents, maintenances);
    if (status === component.status) continue;
    setComponentStatus(ctx, component.id, status, { incidentId: after.id });
    changes.push({ componentId: component.id, name: component.name, oldStatus: component.status, newStatus: status });
  }
  return changes;
}

/**
 * Publishes a change of an incident: to everyone, in its public view, when it is public; to roles
 * only when it is internal, and then `incident.withdrawn` to everyone when it was public before.
 */
function publishIncident(ctx: Ctx, type: 'incident.created' | 'incident.updated', row: Row<StoredIncident>, wasPublic = false): void {
  const incident = fullIncident(ctx, row);
  if (incident.visibility === 'public') {
    const view = publicIncident(incident, publicIncidentIds(ctx));
    ctx.store.publish('public', { type, data: { incident: stored({ doc: view, version: row.version }) } });
    return;
  }
  ctx.store.publish('internal', { type, data: { incident: stored({ doc: incident, version: row.version }) } });
  if (wasPublic) ctx.store.publish('public', { type: 'incident.withdrawn', data: { id: incident.id } });
}

/** Adds `entries` to an incident's timeline, in order, all at `at`. */
function log(ctx: Ctx, incidentId: Id, entries: readonly TimelineEntry[], at: string): void {
  for (const entry of entries) addTimeline(ctx, incidentId, entry.kind, entry.body, at);
}

function withUpdate(ctx: Ctx, update: IncidentUpdate): void {
  ctx.store.set({ updates: [...ctx.store.state.updates, deepFreeze(update)] });
}

/** The whole incident with its version, as a token holder gets it. */
const whole = (ctx: Ctx, row: Row<StoredIncident>): Stored<Incident> => stored({ doc: fullIncident(ctx, row), version: row.version });

// ---------------------------------------------------------------------------------------------
// Operations

const escapeText = (text: string): string => text.toLowerCase();

/** Incidents, most recently started first, filtered; anonymous callers get public ones only. */
export function listIncidents(ctx: Ctx, input: unknown): Page<Stored<Incident>> {
  const query = check(IncidentListQuerySchema, input ?? {}, 'query');
  const q = query.q === undefined ? undefined : escapeText(query.q);
  const rows = [...ctx.store.state.incidents.values()].filter(({ doc }) => {
    if (!ctx.caller && doc.visibility !== 'public') return false;
    if (query.id && !query.id.includes(doc.id)) return false;
    if (query.status && !query.status.includes(doc.status)) return false;
    if (query.severity && !query.severity.includes(doc.severity)) return false;
    if (query.visibility && doc.visibility !== query.visibility) return false;
    if (query.label && !doc.labels.some((l) => query.label?.includes(l))) return false;
    if (query.component && !doc.components.some((c) => c.componentId === query.component)) return false;
    if (query.open !== undefined && (doc.status !== 'resolved') !== query.open) return false;
    if (query.from && doc.startedAt < query.from) return false;
    if (query.to && !(doc.startedAt < query.to)) return false;
    if (q !== undefined && !escapeText(doc.title).includes(q) && !escapeText(doc.summary).includes(q)) return false;
    return true;
  });
  const publicIds = publicIncidentIds(ctx);
  return pageOf(rows, { key: (r) => r.doc.startedAt, id: (r) => r.doc.id, direction: 'desc', cursor: query.cursor, limit: query.limit }, (r) => incidentFor(ctx, r, publicIds));
}

/** One incident; anonymous callers: public ones only (404 otherwise), in their public view. */
export function getIncident(ctx: Ctx, id: Id): Stored<Incident> {
  const row = ctx.store.state.incidents.get(id);
  if (!row || (!ctx.caller && row.doc.visibility !== 'public')) throw notFound('incident', id);
  return incidentFor(ctx, row);
}

export function declareIncident(ctx: Ctx, input: unknown): Stored<Incident> {
  const body = check(IncidentCreateSchema, input, 'body');
  const now = ctx.store.isoNow();
  requireSeverity(ctx, body.severity);
  requireComponents(ctx, body.components.map((c) => c.componentId));
  const id = ctx.store.newId('inc');
  requireRelated(ctx, { id, startedAt: body.startedAt }, body.related, (i) => `related.${i}.`);
  const doc: StoredIncident = declaredIncident(body, id, now);
  const row: Row<StoredIncident> = { doc: deepFreeze(doc), version: 1, createdAt: now };
  ctx.store.set({ incidents: withRow(ctx.store.state.incidents, row) });
  const changes = syncComponents(ctx, null, doc);
  if (body.updateBody !== null) {
    withUpdate(ctx, incidentUpdate({ id: ctx.store.newId('upd'), incidentId: id, status: doc.status, body: body.updateBody, visibility: 'public', now, changes }));
  }
  log(ctx, id, [declaredEntry(doc)], doc.detectedAt);
  publishIncident(ctx, 'incident.created', row);
  return whole(ctx, row);
}

export function updateIncident(ctx: Ctx, id: Id, patch: unknown, version: number): Stored<Incident> {
  const body = check(IncidentPatchSchema, patch, 'body');
  const now = ctx.store.isoNow();
  const current = requireIncident(ctx, id);
  if (current.version !== version) throw preconditionFailed('incident', whole(ctx, current));
  const before = current.doc;
  const doc = patchedIncident(before, body, now);
  const merged = validate(IncidentCreateSchema, doc);
  if (!merged.ok) throw invalid(merged.issues, 'body');
  if (body.severity !== undefined) requireSeverity(ctx, body.severity);
  if (body.components) requireComponents(ctx, body.components.map((c) => c.componentId));
  if (body.related !== undefined || body.startedAt !== undefined) requireRelated(ctx, doc, doc.related, (i) => (body.related ? `related.${i}.` : ''));
  const row = saveIncident(ctx, current, doc);
  const changes = syncComponents(ctx, before, doc);
  log(ctx, id, changeEntries(before, doc, changes), now);
  publishIncident(ctx, 'incident.updated', row, before.visibility === 'public');
  return whole(ctx, row);
}

export function postIncidentUpdate(ctx: Ctx, id: Id, input: unknown): UpdatePosted {
  const body = check(IncidentUpdatePostSchema, input, 'body');
  const now = ctx.store.isoNow();
  const current = requireIncident(ctx, id);
  const mentioned = requireComponents(ctx, body.components.map((c) => c.componentId));
  const before = current.doc;
  const displayAt = body.displayAt ?? now;
  const doc = incidentAfterUpdate(before, body, displayAt, now);
  const row = saveIncident(ctx, current, doc);
  const changes = reportedTransitions(syncComponents(ctx, before, doc), mentioned);
  const update: IncidentUpdate = deepFreeze(
    incidentUpdate({ id: ctx.store.newId('upd'), incidentId: id, status: body.status, body: body.body, visibility: body.visibility, now, displayAt, changes }),
  );
  withUpdate(ctx, update);
  log(ctx, id, postedEntries(before, doc, update), now);
  const incident = fullIncident(ctx, row);
  if (doc.visibility === 'public' && update.visibility === 'public') {
    const view = publicIncident(incident, publicIncidentIds(ctx));
    ctx.store.publish('public', { type: 'incident.update.created', data: { incident: stored({ doc: view, version: row.version }), update } });
  } else {
    ctx.store.publish('internal', { type: 'incident.update.created', data: { incident: stored({ doc: incident, version: row.version }), update } });
  }
  return Object.freeze({ update, incident: stored({ doc: incident, version: row.version }) });
}

/** The internal timeline of an incident, oldest first. */
export function listTimeline(ctx: Ctx, incidentId: Id): readonly TimelineEvent[] {
  requireIncident(ctx, incidentId);
  return Object.freeze(byInstant(ctx.store.state.timeline.filter((e) => e.incidentId === incidentId), (e) => e.at));
}

export function addTimelineEvent(ctx: Ctx, incidentId: Id, input: unknown): TimelineEvent {
  const body = check(TimelineEventCreateSchema, input, 'body');
  requireIncident(ctx, incidentId);
  const event = addTimeline(ctx, incidentId, body.kind, body.body, body.at ?? ctx.store.isoNow(), body.link);
  ctx.store.publish('internal', { type: 'incident.timeline.created', data: { event } });
  return event;
}

/** Links another incident: never itself (422), never twice (409), recurrences only of earlier ones (409). */
export function linkIncident(ctx: Ctx, id: Id, input: unknown): Stored<Incident> {
  const body = check(RelatedIncidentLinkSchema, input, 'body');
  const current = requireIncident(ctx, id);
  const before = current.doc;
  if (before.related.some((r) => r.incidentId === body.incidentId)) {
    throw conflict(`This incident is already linked to "${body.incidentId}". Remove that link first to change its relation.`);
  }
  requireRelated(ctx, before, [body], () => '');
  const row = saveIncident(ctx, current, { ...before, related: [...before.related, body], updatedAt: ctx.store.isoNow() });
  publishIncident(ctx, 'incident.updated', row);
  return whole(ctx, row);
}

/** Removes a link to another incident; 404 when there is none. */
export function unlinkIncident(ctx: Ctx, id: Id, relatedId: Id, version: number): Stored<Incident> {
  const current = requireIncident(ctx, id);
  if (current.version !== version) throw preconditionFailed('incident', whole(ctx, current));
  const before = current.doc;
  if (!before.related.some((r) => r.incidentId === relatedId)) throw notFound('link from this incident to an incident', relatedId);
  const row = saveIncident(ctx, current, { ...before, related: before.related.filter((r) => r.incidentId !== relatedId), updatedAt: ctx.store.isoNow() });
  publishIncident(ctx, 'incident.updated', row);
  return whole(ctx, row);
}
