/**
 * People: who responds, owns actions and writes postmortems. Internal: every read needs a token,
 * and only admins change the list. A person who holds a role on an open incident or owns an open
 * prevention action cannot be deleted until the role is handed off and the actions reassigned.
 */
import {
  ListQuerySchema,
  PersonCreateSchema,
  PersonPatchSchema,
  StoredPersonSchema,
  pageOf,
  type Person,
} from '@hansei/core';
import { conflict, notFound } from '../http/errors.js';
import { contentTag, defineRoute, json, versionTag, type RouteSpec } from '../http/route.js';
import { newId } from '../ids.js';
import { deleteDoc, getDoc, listDocs, stale, withVersion } from '../store/documents.js';
import { publish } from '../store/events.js';
import { insertPerson, personCommitments, updatePerson } from '../store/people.js';
import { IdParams, isoNow, readCache } from './common.js';

const TAGS = ['people'];

/** `"A" (id)`, `"A" (id) and "B" (id)`, ... */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const peopleRoutes: RouteSpec<never, never, never>[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/people',
    operationId: 'listPeople',
    summary: 'List people, oldest first',
    tags: TAGS,
    access: 'viewer',
    query: ListQuerySchema,
    responses: { 200: { description: 'A page of people.', schema: pageOf(StoredPersonSchema) } },
    handler: async ({ services, caller, query }) => {
      const page = await listDocs<Person>(services.db, 'people', { orderBy: 'created_at', direction: 'asc', cursor: query.cursor, limit: query.limit });
      const body = { data: page.data.map(withVersion), nextCursor: page.nextCursor };
      return json(body, { etag: contentTag(JSON.stringify(body)), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/people/:id',
    operationId: 'getPerson',
    summary: 'Get one person',
    tags: TAGS,
    access: 'viewer',
    params: IdParams,
    responses: { 200: { description: 'The person.', schema: StoredPersonSchema } },
    handler: async ({ services, caller, params }) => {
      const found = await getDoc<Person>(services.db, 'people', params.id);
      if (!found) throw notFound('person', params.id);
      return json(withVersion(found), { etag: versionTag(found.version), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/people',
    operationId: 'createPerson',
    summary: 'Add a person',
    tags: TAGS,
    access: 'admin',
    body: PersonCreateSchema,
    idempotent: true,
    responses: { 201: { description: 'Created.', schema: StoredPersonSchema } },
    handler: async ({ services, body }) => {
      const doc: Person = { id: newId('per', services.now()), name: body.name, email: body.email, handle: body.handle, timeZone: body.timeZone };
      const saved = await services.db.transaction(async (tx) => {
        const result = await insertPerson(tx, doc, isoNow(services.now()));
        await publish(services.db, tx, 'internal', 'person.created', { person: withVersion(result), version: result.version }, services.now());
        return result;
      });
      return json(withVersion(saved), { status: 201, etag: versionTag(saved.version), headers: { location: `/v1/people/${doc.id}` } });
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/v1/people/:id',
    operationId: 'updatePerson',
    summary: 'Change a person',
    tags: TAGS,
    access: 'admin',
    params: IdParams,
    body: PersonPatchSchema,
    ifMatch: true,
    responses: { 200: { description: 'Updated.', schema: StoredPersonSchema } },
    handler: async ({ services, params, body, ifMatch }) => {
      const saved = await services.db.transaction(async (tx) => {
        const current = await getDoc<Person>(tx, 'people', params.id);
        if (!current) throw notFound('person', params.id);
        if (current.version !== ifMatch) throw stale('person', current);
        const doc: Person = { ...current.doc, ...body };
        const result = await updatePerson(tx, doc, current.version, isoNow(services.now()));
        if (!result) throw stale('person', current);
        await publish(services.db, tx, 'internal', 'person.updated', { person: withVersion(result), version: result.version }, services.now());
        return result;
      });
      return json(withVersion(saved), { etag: versionTag(saved.version) });
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/people/:id',
    operationId: 'deletePerson',
    summary: 'Remove a person',
    description: 'Refused (409) while the person holds a role on an open incident or owns a prevention action that is not done; the problem lists them in `roles` and `actions`. History (released roles, done actions, postmortem authorship) keeps the id.',
    tags: TAGS,
    access: 'admin',
    params: IdParams,
    ifMatch: true,
    responses: { 204: { description: 'Deleted.' } },
    handler: async ({ services, params, ifMatch }) => {
      await services.db.transaction(async (tx) => {
        const current = await getDoc<Person>(tx, 'people', params.id);
        if (!current) throw notFound('person', params.id);
        if (current.version !== ifMatch) throw stale('person', current);
        const { roles, actions } = await personCommitments(tx, params.id);
        if (roles.length > 0 || actions.length > 0) {
          const reasons: string[] = [];
          if (roles.length > 0) reasons.push(`holds ${listed(roles.map((r) => `${r.role} on "${r.incidentTitle}" (${r.incidentId})`))}`);
          if (actions.length > 0) reasons.push(`owns the open prevention ${actions.length === 1 ? 'action' : 'actions'} ${listed(actions.map((a) => `"${a.title}" (${a.id})`))}`);
          throw conflict(`${current.doc.name} still ${reasons.join(' and ')}. Hand off or release the roles and reassign the actions first.`, { roles, actions });
        }
        const result = await deleteDoc(tx, 'people', params.id, current.version);
        if (result !== 'deleted') throw stale('person', current);
        await publish(services.db, tx, 'internal', 'person.deleted', { id: params.id }, services.now());
      });
      return new Response(null, { status: 204 });
    },
  }),
] as unknown as RouteSpec<never, never, never>[];
