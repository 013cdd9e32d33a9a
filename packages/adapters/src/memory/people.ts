/**
 * People in memory, by the server's rules (apps/api/src/routes/people.ts): oldest first, only
 * admins change the list, and nobody who holds a role on an open incident or owns an open
 * prevention action can be removed until that is handed over.
 */
import { ListQuerySchema, PersonCreateSchema, PersonPatchSchema, type Id, type Page, type Person, type Stored } from '@hansei/core';
import { definedOf } from './components.js';
import { check, forChange, stored, type Ctx } from './context.js';
import { pageOf } from './lists.js';
import { conflict, notFound } from './problems.js';
import { deepFreeze, withRow, withoutRow, type Row } from './state.js';

/** `"A" (id)`, `"A" (id) and "B" (id)`, ... */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function listPeople(ctx: Ctx, input: unknown): Page<Stored<Person>> {
  const query = check(ListQuerySchema, input ?? {}, 'query');
  return pageOf([...ctx.store.state.people.values()], { key: (r) => r.createdAt, id: (r) => r.doc.id, direction: 'asc', cursor: query.cursor, limit: query.limit }, (r) => stored(r));
}

export function getPerson(ctx: Ctx, id: Id): Stored<Person> {
  const row = ctx.store.state.people.get(id);
  if (!row) throw notFound('person', id);
  return stored(row);
}

export function createPerson(ctx: Ctx, input: unknown): Stored<Person> {
  const body = check(PersonCreateSchema, input, 'body');
  const doc: Person = deepFreeze({ id: ctx.store.newId('per'), name: body.name, email: body.email, handle: body.handle, timeZone: body.timeZone });
  const row: Row<Person> = { doc, version: 1, createdAt: ctx.store.isoNow() };
  ctx.store.set({ people: withRow(ctx.store.state.people, row) });
  ctx.store.publish('internal', { type: 'person.created', data: { person: stored(row) } });
  return stored(row);
}

export function updatePerson(ctx: Ctx, id: Id, patch: unknown, version: number): Stored<Person> {
  const body = check(PersonPatchSchema, patch, 'body');
  const current = forChange(ctx.store.state.people, 'person', id, version);
  const row: Row<Person> = { ...current, doc: deepFreeze({ ...current.doc, ...definedOf(body) }), version: current.version + 1 };
  ctx.store.set({ people: withRow(ctx.store.state.people, row) });
  ctx.store.publish('internal', { type: 'person.updated', data: { person: stored(row) } });
  return stored(row);
}

/** Removes a person; 409 (listing them in `roles` and `actions`) while they hold roles on open incidents or own open actions. */
export function deletePerson(ctx: Ctx, id: Id, version: number): void {
  const current = forChange(ctx.store.state.people, 'person', id, version);
  const { incidents, actions: allActions } = ctx.store.state;
  const roles = [...ctx.store.state.assignments]
    .filter((a) => a.personId === id && a.releasedAt === null && incidents.get(a.incidentId)?.doc.status !== 'resolved' && incidents.has(a.incidentId))
    .sort((a, b) => (a.assignedAt < b.assignedAt ? -1 : a.assignedAt > b.assignedAt ? 1 : a.id < b.id ? -1 : 1))
    .map((a) => ({ incidentId: a.incidentId, incidentTitle: incidents.get(a.incidentId)?.doc.title ?? '', role: a.role }));
  const actions = [...allActions.values()]
    .filter((r) => r.doc.ownerId === id && r.doc.status !== 'done' && r.doc.status !== 'wont_do')
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.doc.id < b.doc.id ? -1 : 1))
    .map((r) => ({ id: r.doc.id, title: r.doc.title, status: r.doc.status }));
  if (roles.length > 0 || actions.length > 0) {
    const reasons: string[] = [];
    if (roles.length > 0) reasons.push(`holds ${listed(roles.map((r) => `${r.role} on "${r.incidentTitle}" (${r.incidentId})`))}`);
    if (actions.length > 0) reasons.push(`owns the open prevention ${actions.length === 1 ? 'action' : 'actions'} ${listed(actions.map((a) => `"${a.title}" (${a.id})`))}`);
    throw conflict(`${current.doc.name} still ${reasons.join(' and ')}. Hand off or release the roles and reassign the actions first.`, { roles, actions });
  }
  ctx.store.set({ people: withoutRow(ctx.store.state.people, id) });
  ctx.store.publish('internal', { type: 'person.deleted', data: { id } });
}
