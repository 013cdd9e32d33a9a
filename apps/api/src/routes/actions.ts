/**
 * Prevention actions: the board's cards, each linked to the incidents that produced it. Cards
 * are ordered by column, then rank (core's fractional `rankBetween`), so a move between columns
 * and/or a reorder is one request that writes one card. Internal: every read needs a token.
 */
import {
  ActionCreateSchema,
  ActionListQuerySchema,
  ActionMoveSchema,
  ActionPatchSchema,
  StoredPreventionActionSchema,
  actionInColumn,
  createdAction,
  effectivenessProblem,
  pageOf,
  type PreventionAction,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import { conflict, invalid, notFound } from '../http/errors.js';
import { contentTag, defineRoute, json, versionTag, type RouteSpec } from '../http/route.js';
import { newId } from '../ids.js';
import type { Services } from '../services.js';
import {
  actionColumns,
  checkExplicitRank,
  endOfColumn,
  linkIncidents,
  listActions,
  lockBoard,
  missingIncidents,
  rankFor,
} from '../store/actions.js';
import { deleteDoc, getDoc, getForChange, insertDoc, stale, updateDoc, withVersion, type Versioned } from '../store/documents.js';
import { publish } from '../store/events.js';
import { requirePerson } from '../store/people.js';
import { IdParams, isoNow, readCache } from './common.js';

const TAGS = ['actions'];
const TABLE = 'prevention_actions';

/** Checks the ids an action links to: incidents, postmortem and owner must exist (409). */
async function requireLinks(sql: Sql, links: { incidentIds?: readonly string[]; postmortemId?: string | null; ownerId?: string | null }): Promise<void> {
  const missing = await missingIncidents(sql, links.incidentIds ?? []);
  if (missing.length > 0) {
    throw conflict(`There is no incident with id ${missing.map((id) => `"${id}"`).join(', ')}. Link the action to existing incidents.`, { missing });
  }
  if (links.postmortemId) {
    const [row] = await sql.query('select 1 from postmortems where id = $1', [links.postmortemId]);
    if (!row) throw conflict(`There is no postmortem with id "${links.postmortemId}". Leave postmortemId empty, or name an existing postmortem.`);
  }
  await requirePerson(sql, links.ownerId, 'ownerId');
}

/** Saves `doc` over `current`, keeps action_incidents in step, publishes. */
async function save(services: Services, tx: Sql, current: Versioned<PreventionAction>, doc: PreventionAction, type: string): Promise<Versioned<PreventionAction>> {
  const result = await updateDoc(tx, TABLE, doc, current.version, actionColumns(doc));
  if (typeof result === 'string') throw stale('prevention action', current);
  await linkIncidents(tx, doc.id, doc.incidentIds);
  await publish(services.db, tx, 'internal', type, { action: withVersion(result), version: result.version }, services.now());
  return result;
}

/** The action for a write with If-Match: 404 when missing, 412 when stale. */
function current(tx: Sql, id: string, ifMatch: number | null): Promise<Versioned<PreventionAction>> {
  return getForChange<PreventionAction>(tx, TABLE, 'prevention action', id, ifMatch);
}

export const actionRoutes: RouteSpec<never, never, never>[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/actions',
    operationId: 'listActions',
    summary: 'List prevention actions in board order',
    description: 'Ordered by column (todo, in_progress, in_review, done, wont_do), then rank. Filters: `status`, `kind`, `effectiveness` (any of), `owner`, `incident`.',
    tags: TAGS,
    access: 'viewer',
    query: ActionListQuerySchema,
    responses: { 200: { description: 'A page of actions.', schema: pageOf(StoredPreventionActionSchema) } },
    handler: async ({ services, caller, query }) => {
      const page = await listActions(services.db, query);
      const body = { data: page.data.map(withVersion), nextCursor: page.nextCursor };
      return json(body, { etag: contentTag(JSON.stringify(body)), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/actions/:id',
    operationId: 'getAction',
    summary: 'Get one prevention action',
    tags: TAGS,
    access: 'viewer',
    params: IdParams,
    responses: { 200: { description: 'The action.', schema: StoredPreventionActionSchema } },
    handler: async ({ services, caller, params }) => {
      const found = await getDoc<PreventionAction>(services.db, TABLE, params.id);
      if (!found) throw notFound('prevention action', params.id);
      return json(withVersion(found), { etag: versionTag(found.version), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/actions',
    operationId: 'createAction',
    summary: 'Create a prevention action (at the bottom of its column)',
    description: 'Its incidents (and postmortem and owner, when given) must exist: 409 otherwise.',
    tags: TAGS,
    access: 'responder',
    body: ActionCreateSchema,
    idempotent: true,
    responses: { 201: { description: 'Created.', schema: StoredPreventionActionSchema } },
    handler: async ({ services, body }) => {
      const now = isoNow(services.now());
      const saved = await services.db.transaction(async (tx) => {
        await requireLinks(tx, body);
        await lockBoard(tx);
        const doc = createdAction(body, newId('act', services.now()), await endOfColumn(tx, body.status), now);
        const result = await insertDoc(tx, TABLE, doc, actionColumns(doc));
        await linkIncidents(tx, doc.id, doc.incidentIds);
        await publish(services.db, tx, 'internal', 'action.created', { action: withVersion(result), version: result.version }, services.now());
        return result;
      });
      return json(withVersion(saved), { status: 201, etag: versionTag(saved.version), headers: { location: `/v1/actions/${saved.doc.id}` } });
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/v1/actions/:id',
    operationId: 'updateAction',
    summary: 'Change a prevention action',
    description: 'A new status puts the card at the bottom of that column (use the move route to place it). Done sets completedAt; leaving done clears it and resets effectiveness to unverified.',
    tags: TAGS,
    access: 'responder',
    params: IdParams,
    body: ActionPatchSchema,
    ifMatch: true,
    responses: { 200: { description: 'Updated.', schema: StoredPreventionActionSchema } },
    handler: async ({ services, params, body, ifMatch }) => {
      const saved = await services.db.transaction(async (tx) => {
        const found = await current(tx, params.id, ifMatch);
        const status = body.status ?? found.doc.status;
        const problem = effectivenessProblem(status, body.effectiveness);
        if (problem) throw invalid([{ path: 'effectiveness', message: problem }], 'body');
        await requireLinks(tx, body);
        let rank = found.doc.rank;
        if (status !== found.doc.status) {
          await lockBoard(tx);
          rank = await endOfColumn(tx, status, params.id);
        }
        const doc = actionInColumn({ ...found.doc, ...body, rank, updatedAt: isoNow(services.now()) }, found.doc.status, isoNow(services.now()));
        return save(services, tx, found, doc, 'action.updated');
      });
      return json(withVersion(saved), { etag: versionTag(saved.version) });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/actions/:id/move',
    operationId: 'moveAction',
    summary: 'Move a card: to another column and/or another place in one',
    description: 'Drops the card into column `status` right after `afterId` and/or right before `beforeId` (cards of that column, and next to each other when both are given: 409 otherwise), at an explicit `rank`, or at the bottom when neither is given.',
    tags: TAGS,
    access: 'responder',
    params: IdParams,
    body: ActionMoveSchema,
    ifMatch: true,
    responses: { 200: { description: 'Moved.', schema: StoredPreventionActionSchema } },
    handler: async ({ services, params, body, ifMatch }) => {
      const saved = await services.db.transaction(async (tx) => {
        await lockBoard(tx);
        const found = await current(tx, params.id, ifMatch);
        let rank: string;
        if (body.rank !== undefined) {
          const problem = await checkExplicitRank(tx, params.id, body.status, body.rank);
          if (problem) throw invalid([{ path: 'rank', message: problem }], 'body');
          rank = body.rank;
        } else {
          rank = await rankFor(tx, params.id, body.status, { afterId: body.afterId, beforeId: body.beforeId });
        }
        const now = isoNow(services.now());
        const doc = actionInColumn({ ...found.doc, status: body.status, rank, updatedAt: now }, found.doc.status, now);
        return save(services, tx, found, doc, 'action.moved');
      });
      return json(withVersion(saved), { etag: versionTag(saved.version) });
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/actions/:id',
    operationId: 'deleteAction',
    summary: 'Delete a prevention action',
    tags: TAGS,
    access: 'admin',
    params: IdParams,
    ifMatch: true,
    responses: { 204: { description: 'Deleted.' } },
    handler: async ({ services, params, ifMatch }) => {
      await services.db.transaction(async (tx) => {
        const found = await current(tx, params.id, ifMatch);
        const result = await deleteDoc(tx, TABLE, params.id, found.version);
        if (result !== 'deleted') throw stale('prevention action', found);
        await publish(services.db, tx, 'internal', 'action.deleted', { id: params.id }, services.now());
      });
      return new Response(null, { status: 204 });
    },
  }),
] as unknown as RouteSpec<never, never, never>[];
