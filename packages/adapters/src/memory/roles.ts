/**
 * Incident roles in memory, by the server's rules: one holder at a time for every role but those
 * several may hold; a hand-off ends one assignment and starts the next, keeping the history; the
 * required roles of the incident's severity that nobody holds while it is open; every change on
 * the timeline.
 */
import {
  RoleAssignSchema,
  RoleHandOffSchema,
  RoleReleaseSchema,
  isOpen,
  localize,
  missingRoles,
  type Id,
  type IncidentRoles,
  type RoleAssignment,
  type RoleDefinition,
  type RoleHandOff,
} from '@hansei/core';
import { byInstant, check, type Ctx } from './context.js';
import { addTimeline, requireIncident } from './incidents.js';
import { conflict, invalid, notFound } from './problems.js';
import { deepFreeze } from './state.js';

function assignmentsOf(ctx: Ctx, incidentId: Id): RoleAssignment[] {
  return byInstant(ctx.store.state.assignments.filter((a) => a.incidentId === incidentId), (a) => a.assignedAt);
}

/** A person's name; 409 when there is no such person. */
function requirePerson(ctx: Ctx, personId: Id): string {
  const person = ctx.store.state.people.get(personId);
  if (!person) throw conflict(`There is no person with id "${personId}". Add them to the people first.`);
  return person.doc.name;
}

/** A person's name, or their id when they are gone. */
const nameOf = (ctx: Ctx, personId: Id): string => ctx.store.state.people.get(personId)?.doc.name ?? personId;

/** The organisation's definition of role `key`; 422 at `role` when it has none. */
function roleDefinition(ctx: Ctx, key: string): RoleDefinition {
  const roles = ctx.store.state.roles.doc;
  const role = roles.find((r) => r.key === key);
  if (!role) throw invalid([{ path: 'role', message: `Unknown role "${key}": use one of ${roles.map((r) => r.key).join(', ')}.` }], 'body');
  return role;
}

/** The English name of role `key` (the key itself for a role no longer defined). */
function roleName(ctx: Ctx, key: string): string {
  const role = ctx.store.state.roles.doc.find((r) => r.key === key);
  return role ? localize(role.name, 'en') : key;
}

/** The open assignment `assignmentId` of the incident: 404 when it is not one of its assignments, 409 when it has ended. */
function openAssignment(ctx: Ctx, incidentId: Id, assignmentId: Id): RoleAssignment {
  const found = ctx.store.state.assignments.find((a) => a.id === assignmentId && a.incidentId === incidentId);
  if (!found) throw notFound('role assignment on this incident', assignmentId);
  if (found.releasedAt !== null) throw conflict(`Assignment "${assignmentId}" already ended at ${found.releasedAt}; its history cannot change. Assign the role anew instead.`);
  return found;
}

/** 422 at `at` when a role would end before it began. */
function notBefore(at: string, assignment: RoleAssignment): void {
  if (at < assignment.assignedAt) throw invalid([{ path: 'at', message: `The time ${at} is before the assignment began (${assignment.assignedAt}).` }], 'body');
}

function insertAssignment(ctx: Ctx, assignment: RoleAssignment): void {
  ctx.store.set({ assignments: [...ctx.store.state.assignments, deepFreeze(assignment)] });
}

/** Ends an open assignment: only `releasedAt` and `handedOffTo` are filled in. */
function endAssignment(ctx: Ctx, assignment: RoleAssignment, releasedAt: string, handedOffTo: Id | null): RoleAssignment {
  const ended: RoleAssignment = deepFreeze({ ...assignment, releasedAt, handedOffTo });
  ctx.store.set({ assignments: ctx.store.state.assignments.map((a) => (a.id === assignment.id ? ended : a)) });
  return ended;
}

/** Who holds the incident's roles, the whole history (oldest first) and required roles nobody holds while it is open. */
export function listIncidentRoles(ctx: Ctx, incidentId: Id): IncidentRoles {
  const incident = requireIncident(ctx, incidentId);
  const history = assignmentsOf(ctx, incidentId);
  let missing: string[] = [];
  if (isOpen(incident.doc)) {
    try {
      missing = missingRoles(ctx.store.state.guideline.doc, incident.doc.severity, history);
    } catch {
      missing = []; // a severity the guideline no longer has requires nothing
    }
  }
  return Object.freeze({ current: Object.freeze(history.filter((a) => a.releasedAt === null)), history: Object.freeze(history), missing: Object.freeze(missing) });
}

export function assignRole(ctx: Ctx, incidentId: Id, input: unknown): RoleAssignment {
  const body = check(RoleAssignSchema, input, 'body');
  requireIncident(ctx, incidentId);
  const role = roleDefinition(ctx, body.role);
  const name = requirePerson(ctx, body.personId);
  const holders = assignmentsOf(ctx, incidentId).filter((a) => a.role === body.role && a.releasedAt === null);
  const holder = holders[0];
  if (!role.multiple && holder) {
    throw conflict(
      `The ${localize(role.name, 'en')} role is already held (assignment "${holder.id}"). To give it to someone else, hand it off: POST /v1/incidents/${incidentId}/roles/${holder.id}/hand-off.`,
      { assignmentId: holder.id },
    );
  }
  if (holders.some((a) => a.personId === body.personId)) throw conflict(`${name} already holds the ${localize(role.name, 'en')} role on this incident.`);
  const at = body.at ?? ctx.store.isoNow();
  const created: RoleAssignment = deepFreeze({ id: ctx.store.newId('rol'), incidentId, role: body.role, personId: body.personId, assignedAt: at, assignedBy: null, releasedAt: null, handedOffTo: null, note: body.note });
  insertAssignment(ctx, created);
  addTimeline(ctx, incidentId, 'role_changed', `${name} took the ${localize(role.name, 'en')} role.`, at);
  ctx.store.publish('internal', { type: 'incident.role.assigned', data: { assignment: created } });
  return created;
}

export function handOffRole(ctx: Ctx, incidentId: Id, input: unknown): RoleHandOff {
  const body = check(RoleHandOffSchema, input, 'body');
  requireIncident(ctx, incidentId);
  const from = openAssignment(ctx, incidentId, body.assignmentId);
  if (from.personId === body.personId) throw conflict('That person already holds this role: hand it off to someone else.');
  const name = requirePerson(ctx, body.personId);
  const previous = nameOf(ctx, from.personId);
  const at = body.at ?? ctx.store.isoNow();
  notBefore(at, from);
  const assignment: RoleAssignment = deepFreeze({ id: ctx.store.newId('rol'), incidentId, role: from.role, personId: body.personId, assignedAt: at, assignedBy: null, releasedAt: null, handedOffTo: null, note: body.note });
  insertAssignment(ctx, assignment);
  const released = endAssignment(ctx, from, at, assignment.id);
  addTimeline(ctx, incidentId, 'role_changed', `${roleName(ctx, from.role)} handed off from ${previous} to ${name}.`, at);
  ctx.store.publish('internal', { type: 'incident.role.handed-off', data: { released, assignment } });
  return Object.freeze({ released, assignment });
}

export function releaseRole(ctx: Ctx, incidentId: Id, input: unknown): RoleAssignment {
  const body = check(RoleReleaseSchema, input, 'body');
  requireIncident(ctx, incidentId);
  const from = openAssignment(ctx, incidentId, body.assignmentId);
  const at = body.at ?? ctx.store.isoNow();
  notBefore(at, from);
  const ended = endAssignment(ctx, from, at, null);
  addTimeline(ctx, incidentId, 'role_changed', `${nameOf(ctx, from.personId)} released the ${roleName(ctx, from.role)} role.${body.note ? ` ${body.note}` : ''}`, at);
  ctx.store.publish('internal', { type: 'incident.role.released', data: { assignment: ended } });
  return ended;
}
